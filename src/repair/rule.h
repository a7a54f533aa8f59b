// The internal contract between the repair engine and its rules.
//
// Repair runs in two passes, ftfy's way: every enabled rule first diagnoses the whole document (filling
// DamageDiagnosis), then every enabled rule proposes changes at single spots. Rules run in registry
// order and earlier rules win: a proposal overlapping an accepted record is refused.
#ifndef WENSHU_SRC_REPAIR_RULE_H_
#define WENSHU_SRC_REPAIR_RULE_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "text/cancel.h"
#include "text/text_pool.h"
#include "wenshu/repair.h"

namespace wenshu::repair_internal {

// Records or flags in order of span.begin, equal begins in arrival order (as if each were inserted at
// the upper bound of a sorted vector). Adding one costs O(log n) wherever it lands: items that arrive in
// order are appended to a sorted vector, items that land before its end (a later rule's repairs between
// an earlier rule's) wait in an ordered map, and reading the vector merges the map into it first, so a
// million repairs take linear time, not a move of every later record per repair.
// One thread at a time, like the RepairContext that owns it (reading merges, hence `mutable`).
template <typename Item>
class SpanOrderedLog {
 public:
  void Add(Item item);
  // Room for n more items in order: a rule that knows its count before it adds (text.invalid_utf8) spares
  // the vector's doubling, whose last step moved and faulted in every item at once between two polls.
  void Reserve(size_t n) { sorted_.reserve(sorted_.size() + pending_.size() + n); }
  // Every item, in order.
  const std::vector<Item>& items() const;
  // With `cancel`, its merge asks every kMergePollItems items: once it said stop, what is returned is
  // incomplete and out of order (the caller drops it).
  std::vector<Item> Take(text_internal::CancelPoll* cancel = nullptr);

  // Calls fn(item) for the last item beginning before `offset` in each of the two stores (zero, one or
  // two calls), and for every item beginning exactly at `offset`: enough to test a span against
  // non-overlapping records without merging.
  template <typename Fn>
  void ForLastBeginningBefore(size_t offset, Fn fn) const;
  template <typename Fn>
  void ForEachBeginningAt(size_t offset, Fn fn) const;

 private:
  // A merge step moves one item (~0.1 us): 64Ki of them between two polls stay near a millisecond. The
  // merge of a log of millions (10 MiB of invalid bytes: 3.2M flags) took ~0.4 s unpolled.
  static constexpr size_t kMergePollItems = size_t{1} << 16;
  void Merge(text_internal::CancelPoll* cancel = nullptr) const;

  mutable std::vector<Item> sorted_;
  mutable std::multimap<size_t, Item> pending_;  // by span.begin; a multimap inserts after equal keys
};

// Defined in engine.cc.
extern template class SpanOrderedLog<RepairRecord>;
extern template class SpanOrderedLog<RepairFlag>;

class RepairContext {
 public:
  RepairContext(std::string_view original, const RepairOptions& options, DamageDiagnosis* diagnosis)
      : text_(original), options_(options), diagnosis_(diagnosis), cancel_(options.cancelled) {}

  // The original document.
  std::string_view text() const { return text_; }
  const RepairOptions& options() const { return options_; }
  const DamageDiagnosis& diagnosis() const { return *diagnosis_; }
  DamageDiagnosis& mutable_diagnosis() { return *diagnosis_; }

  // Accepts a change unless it overlaps one already accepted or is malformed (span outside the text,
  // before != the original bytes). Records under options().min_confidence become flags that carry the
  // suggestion as an alternative. Returns whether the record was applied. Reasons are interned
  // (reasons()): a record keeps the one copy of its sentence.
  bool Propose(RepairRecord record);
  void Flag(RepairFlag flag);
  void ReserveFlags(size_t n) { flags_.Reserve(n); }

  // Whether any accepted record overlaps `span` (for an empty span: contains it strictly, or is a
  // non-empty record starting at it).
  bool IsClaimed(Span span) const;

  // Whether options().cancelled asked to stop: Cancelled() asks now (the engine, between rules);
  // CancelledAt(offset) every 64 KiB of a rule's progress through the text. A rule that sees true
  // returns at once; what it proposed so far is dropped with the whole result.
  bool Cancelled() { return cancel_.Now(); }
  bool CancelledAt(size_t offset) { return cancel_.At(offset); }
  // For helpers that scan the text outside a pass (FindSiteLines): the same poll.
  text_internal::CancelPoll& cancel_poll() { return cancel_; }
  // The document's sentences, one copy each: Propose and Flag intern every reason here, and an analysis
  // that writes reasons ahead of its records (MaskAnalysis) may too.
  text_internal::TextPool& reasons() { return reasons_; }
  // Sorted by span.begin, equal begins in the order they were accepted.
  const std::vector<RepairRecord>& records() const { return records_.items(); }
  const std::vector<RepairFlag>& flags() const { return flags_.items(); }

  std::vector<RepairRecord> TakeRecords();
  std::vector<RepairFlag> TakeFlags();

  // What a rule family's diagnosis computed, kept for its later passes (one masked-number analysis per
  // document instead of one per pass). One value per type; gone with the context.
  template <typename T>
  T& Keep(T value) {
    auto kept = std::make_shared<T>(std::move(value));
    T& ref = *kept;
    for (auto& [key, v] : kept_) {
      if (key == KeyOf<T>()) {
        v = std::move(kept);
        return ref;
      }
    }
    kept_.emplace_back(KeyOf<T>(), std::move(kept));
    return ref;
  }
  template <typename T>
  T* Kept() {
    for (auto& [key, v] : kept_) {
      if (key == KeyOf<T>()) return static_cast<T*>(v.get());
    }
    return nullptr;
  }

 private:
  template <typename T>
  static const void* KeyOf() {
    static const char key = 0;
    return &key;
  }

  std::string_view text_;
  const RepairOptions& options_;
  DamageDiagnosis* diagnosis_;
  std::vector<std::pair<const void*, std::shared_ptr<void>>> kept_;
  text_internal::TextPool reasons_;
  SpanOrderedLog<RepairRecord> records_;  // never overlapping, so their ends rise with their begins
  SpanOrderedLog<RepairFlag> flags_;
  text_internal::CancelPoll cancel_;
};

using RulePass = void (*)(RepairContext&);

struct RuleDefinition {
  std::string_view id;
  std::string_view description;
  RulePass diagnose;  // may be null
  RulePass run;       // may be null (a rule that only diagnoses)
};

// The registry, in running order (registry.cc).
const std::vector<RuleDefinition>& RuleRegistry();

// Repair() that lets `inspect` (may be empty) read the context after every rule ran: what the rules kept
// there (PercentCueLog) is what the damage evaluator counts per cue.
absl::StatusOr<RepairResult> RepairInspected(std::string_view original, const RepairOptions& options,
                                             const std::function<void(RepairContext&)>& inspect);

// ApplyRepairs() polling `cancel` (may be null) per 64 KiB of the original; when it says stop, the text
// returned is empty and cancel->cancelled() is true.
absl::StatusOr<std::string> ApplyRepairsPolled(std::string_view original, const std::vector<RepairRecord>& records,
                                               text_internal::CancelPoll* cancel);

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_RULE_H_
