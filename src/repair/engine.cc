// The repair engine: runs the registry's rules, keeps the log exact, applies and reverts it.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "repair/rule.h"
#include "text/cancel.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace repair_internal {

template <typename Item>
void SpanOrderedLog<Item>::Add(Item item) {
  const size_t begin = item.span.begin;
  // In order: at or after the vector's last item, and after every waiting one (an equal begin among
  // those must stay behind them, and a merge puts the vector's items first).
  if ((sorted_.empty() || sorted_.back().span.begin <= begin) &&
      (pending_.empty() || std::prev(pending_.end())->first < begin)) {
    sorted_.push_back(std::move(item));
  } else {
    pending_.emplace(begin, std::move(item));
    // Room for the merge, made while few items wait: the vector's growth then moves only its own items,
    // and Merge moves the waiting ones into pages not yet touched. Growing it in Merge held the old
    // array, the new one and every waiting item at once: the peak of Repair on a document dense with
    // repairs (bench/memory_bench, many_repairs).
    if (sorted_.size() + pending_.size() > sorted_.capacity()) {
      sorted_.reserve(2 * (sorted_.size() + pending_.size()));
    }
  }
}

template <typename Item>
void SpanOrderedLog<Item>::Merge(text_internal::CancelPoll* cancel) const {
  if (pending_.empty()) return;
  // In place, from the back: the vector grows once to its final size and every waiting item moves
  // into it (its map node freed) once. Building a merged copy held the vector, the map and the copy at
  // once: the peak of Repair on a document dense with repairs (bench/memory_bench).
  size_t from = sorted_.size();  // the vector's items not yet at their place are [0, from)
  size_t to = sorted_.size() + pending_.size();
  sorted_.resize(to);
  size_t moved = 0;
  while (!pending_.empty()) {
    if (cancel != nullptr && ++moved % kMergePollItems == 0 && cancel->Now()) return;
    const auto last = std::prev(pending_.end());
    // Equal begins: the vector's item arrived first, so the waiting one goes after it.
    if (from > 0 && sorted_[from - 1].span.begin > last->first) {
      sorted_[--to] = std::move(sorted_[--from]);
    } else {
      sorted_[--to] = std::move(last->second);
      pending_.erase(last);
    }
  }
}

template <typename Item>
const std::vector<Item>& SpanOrderedLog<Item>::items() const {
  Merge();
  return sorted_;
}

template <typename Item>
std::vector<Item> SpanOrderedLog<Item>::Take(text_internal::CancelPoll* cancel) {
  Merge(cancel);
  return std::move(sorted_);
}

template <typename Item>
template <typename Fn>
void SpanOrderedLog<Item>::ForLastBeginningBefore(size_t offset, Fn fn) const {
  auto in_sorted = std::lower_bound(sorted_.begin(), sorted_.end(), offset,
                                    [](const Item& item, size_t b) { return item.span.begin < b; });
  if (in_sorted != sorted_.begin()) fn(*std::prev(in_sorted));
  auto in_pending = pending_.lower_bound(offset);
  if (in_pending != pending_.begin()) fn(std::prev(in_pending)->second);
}

template <typename Item>
template <typename Fn>
void SpanOrderedLog<Item>::ForEachBeginningAt(size_t offset, Fn fn) const {
  auto in_sorted = std::lower_bound(sorted_.begin(), sorted_.end(), offset,
                                    [](const Item& item, size_t b) { return item.span.begin < b; });
  for (; in_sorted != sorted_.end() && in_sorted->span.begin == offset; ++in_sorted) fn(*in_sorted);
  auto [first, last] = pending_.equal_range(offset);
  for (; first != last; ++first) fn(first->second);
}

template class SpanOrderedLog<RepairRecord>;
template class SpanOrderedLog<RepairFlag>;

bool RepairContext::IsClaimed(Span span) const {
  // Accepted records never overlap, so in begin order their ends rise too: of the records beginning
  // before the span ends, the last reaches furthest, and the span is claimed iff it reaches past the
  // span's begin. An empty span (an insertion) is also claimed by a record that starts at it.
  bool claimed = false;
  records_.ForLastBeginningBefore(span.empty() ? span.begin : span.end, [&](const RepairRecord& r) {
    claimed = claimed || r.span.end > span.begin;
  });
  if (span.empty()) {
    records_.ForEachBeginningAt(span.begin, [&](const RepairRecord& r) {
      claimed = claimed || !r.span.empty();
    });
  }
  return claimed;
}

bool RepairContext::Propose(RepairRecord record) {
  if (record.span.end < record.span.begin || record.span.end > text_.size()) return false;
  if (text_.substr(record.span.begin, record.span.size()) != record.before) return false;
  if (record.before == record.after) return false;
  if (IsClaimed(record.span)) return false;
  // Two insertions at one offset would make the log ambiguous.
  if (record.span.empty()) {
    bool taken = false;
    records_.ForEachBeginningAt(record.span.begin, [&](const RepairRecord& r) {
      taken = taken || r.span.empty();
    });
    if (taken) return false;
  }
  if (record.confidence < options_.min_confidence) {
    RepairFlag flag;
    flag.rule = record.rule;
    flag.span = record.span;
    flag.text = record.before;
    flag.reason = absl::StrCat(record.reason.str(), " Not applied: confidence ", record.confidence,
                               " is below ", options_.min_confidence, "; suggested \"",
                               record.after, "\".");
    Flag(std::move(flag));
    return false;
  }
  record.reason = reasons_.Intern(std::move(record.reason));
  for (RepairAlternative& a : record.alternatives) a.reason = reasons_.Intern(std::move(a.reason));
  records_.Add(std::move(record));
  return true;
}

void RepairContext::Flag(RepairFlag flag) {
  flag.reason = reasons_.Intern(std::move(flag.reason));
  flags_.Add(std::move(flag));
}

std::vector<RepairRecord> RepairContext::TakeRecords() { return records_.Take(&cancel_); }
std::vector<RepairFlag> RepairContext::TakeFlags() { return flags_.Take(&cancel_); }

}  // namespace repair_internal

bool RepairOptions::Enabled(std::string_view rule_id) const {
  if (disabled_rules.contains(absl::string_view(rule_id.data(), rule_id.size()))) return false;
  for (const std::string& d : disabled_rules) {
    if (!d.empty() && d.back() == '.' && rule_id.substr(0, d.size()) == d) return false;
  }
  return true;
}

const std::vector<RepairRuleInfo>& RepairRules() {
  static const auto* rules = [] {
    auto* v = new std::vector<RepairRuleInfo>;
    for (const auto& def : repair_internal::RuleRegistry()) v->push_back({def.id, def.description});
    return v;
  }();
  return *rules;
}

bool NamesRepairRules(std::string_view id) {
  if (id.empty()) return false;
  for (const RepairRuleInfo& rule : RepairRules()) {
    if (rule.id == id || (id.back() == '.' && rule.id.substr(0, id.size()) == id)) return true;
  }
  return false;
}

absl::StatusOr<RepairResult> Repair(std::string_view original, const RepairOptions& options) {
  return repair_internal::RepairInspected(original, options, nullptr);
}

absl::StatusOr<RepairResult> repair_internal::RepairInspected(
    std::string_view original, const RepairOptions& options,
    const std::function<void(repair_internal::RepairContext&)>& inspect) {
  RepairResult result;
  repair_internal::RepairContext context(original, options, &result.diagnosis);
  const auto& registry = repair_internal::RuleRegistry();
  const auto cancelled = [] { return absl::CancelledError("repair was cancelled"); };
  for (const auto& rule : registry) {
    if (context.Cancelled()) return cancelled();
    if (rule.diagnose && options.Enabled(rule.id)) rule.diagnose(context);
  }
  for (const auto& rule : registry) {
    if (context.Cancelled()) return cancelled();
    if (rule.run && options.Enabled(rule.id)) rule.run(context);
  }
  if (context.Cancelled()) return cancelled();
  if (inspect) inspect(context);
  // The log's merges and the text's assembly, each a pass over every record: polled between them and
  // per 64 KiB of the text (a record every 4 bytes, 10 MiB of "1、": ~1 s unpolled, bench/cancel_latency).
  result.records = context.TakeRecords();
  if (context.Cancelled()) return cancelled();
  result.flags = context.TakeFlags();
  if (context.Cancelled()) return cancelled();
  auto text = repair_internal::ApplyRepairsPolled(original, result.records, &context.cancel_poll());
  if (context.cancel_poll().cancelled()) return cancelled();
  if (!text.ok()) return absl::InternalError(absl::StrCat("repair log is inconsistent: ",
                                                          text.status().message()));
  result.text = *std::move(text);
  return result;
}

absl::StatusOr<std::string> ApplyRepairs(std::string_view original,
                                         const std::vector<RepairRecord>& records) {
  return repair_internal::ApplyRepairsPolled(original, records, nullptr);
}

absl::StatusOr<std::string> repair_internal::ApplyRepairsPolled(std::string_view original,
                                                                const std::vector<RepairRecord>& records,
                                                                text_internal::CancelPoll* cancel) {
  std::string out;
  out.reserve(original.size());
  size_t at = 0;
  for (const RepairRecord& r : records) {
    if (cancel != nullptr && cancel->At(r.span.begin)) return std::string();  // the caller sees cancelled()
    if (r.span.begin < at || r.span.end < r.span.begin || r.span.end > original.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("record ", std::string(r.rule), " at [", r.span.begin, ",", r.span.end,
                       ") is out of order, overlapping or outside the text"));
    }
    if (original.substr(r.span.begin, r.span.size()) != r.before) {
      return absl::InvalidArgumentError(absl::StrCat("record ", std::string(r.rule), " at [", r.span.begin,
                                                     ",", r.span.end, ") does not match the original"));
    }
    out.append(original.substr(at, r.span.begin - at));
    out.append(r.after);
    at = r.span.end;
  }
  out.append(original.substr(at));
  return out;
}

absl::StatusOr<std::string> RevertRepairs(std::string_view repaired,
                                          const std::vector<RepairRecord>& records) {
  std::string out;
  out.reserve(repaired.size() + 64);
  size_t at = 0;          // in repaired
  size_t original_at = 0;  // in the original being rebuilt
  for (const RepairRecord& r : records) {
    if (r.span.begin < original_at) return absl::InvalidArgumentError("records out of order");
    size_t keep = r.span.begin - original_at;
    if (at + keep + r.after.size() > repaired.size() ||
        repaired.substr(at + keep, r.after.size()) != r.after) {
      return absl::InvalidArgumentError(absl::StrCat("record ", std::string(r.rule), " at [", r.span.begin,
                                                     ",", r.span.end, ") does not match the repaired text"));
    }
    out.append(repaired.substr(at, keep));
    out.append(r.before);
    at += keep + r.after.size();
    original_at = r.span.end;
  }
  out.append(repaired.substr(at));
  return out;
}

namespace {

// The last edit that starts at or before `offset`, by the edit's `begin` (its repaired_begin or its
// original_begin); null when none does. The one search behind every OffsetMap lookup.
template <typename Edits, typename Begin>
const typename Edits::value_type* LastEditAtOrBefore(const Edits& edits, size_t offset, Begin begin) {
  const auto it = std::upper_bound(edits.begin(), edits.end(), offset,
                                   [begin](size_t off, const auto& e) { return off < e.*begin; });
  return it == edits.begin() ? nullptr : &*(it - 1);
}

}  // namespace

OffsetMap::OffsetMap(const std::vector<RepairRecord>& records) {
  // The largest offset is the last record's end, in the original or in the repaired text.
  long long delta = 0;  // repaired - original, after every record
  for (const RepairRecord& r : records) {
    delta += static_cast<long long>(r.after.size()) - static_cast<long long>(r.span.size());
  }
  const size_t last_end = records.empty() ? 0 : records.back().span.end;
  const bool narrow = last_end <= UINT32_MAX && static_cast<long long>(last_end) + delta <= UINT32_MAX;
  const auto fill = [&](auto& edits) {
    using Offset = decltype(edits.front().original_begin);
    edits.reserve(records.size());
    long long shift = 0;
    for (const RepairRecord& r : records) {
      const size_t rb = static_cast<size_t>(static_cast<long long>(r.span.begin) + shift);
      edits.push_back({static_cast<Offset>(r.span.begin), static_cast<Offset>(r.span.end),
                       static_cast<Offset>(rb), static_cast<Offset>(rb + r.after.size())});
      shift += static_cast<long long>(r.after.size()) - static_cast<long long>(r.span.size());
    }
  };
  if (narrow) {
    fill(edits_);
  } else {
    fill(wide_edits_);
  }
}

size_t OffsetMap::ToOriginal(size_t repaired_offset) const {
  return wide_edits_.empty() ? ToOriginal(edits_, repaired_offset) : ToOriginal(wide_edits_, repaired_offset);
}

Span OffsetMap::ToOriginal(Span repaired) const {
  return wide_edits_.empty() ? ToOriginal(edits_, repaired) : ToOriginal(wide_edits_, repaired);
}

size_t OffsetMap::ToRepaired(size_t original_offset) const {
  return wide_edits_.empty() ? ToRepaired(edits_, original_offset) : ToRepaired(wide_edits_, original_offset);
}

template <typename Offset>
size_t OffsetMap::ToOriginal(const std::vector<Edit<Offset>>& edits, size_t repaired_offset) {
  const Edit<Offset>* e = LastEditAtOrBefore(edits, repaired_offset, &Edit<Offset>::repaired_begin);
  if (e == nullptr) return repaired_offset;
  if (repaired_offset < e->repaired_end) return e->original_begin;
  return e->original_end + (repaired_offset - e->repaired_end);
}

template <typename Offset>
Span OffsetMap::ToOriginal(const std::vector<Edit<Offset>>& edits, Span repaired) {
  Span s{ToOriginal(edits, repaired.begin), 0};
  if (repaired.empty()) {
    s.end = s.begin;
    return s;
  }
  // The end maps through the last byte, so that a span ending inside an edit covers all of it.
  const size_t last = repaired.end - 1;
  const Edit<Offset>* e = LastEditAtOrBefore(edits, last, &Edit<Offset>::repaired_begin);
  if (e != nullptr && last < e->repaired_end) {
    s.end = e->original_end;
  } else {
    s.end = ToOriginal(edits, last) + 1;
  }
  return s;
}

template <typename Offset>
size_t OffsetMap::ToRepaired(const std::vector<Edit<Offset>>& edits, size_t original_offset) {
  const Edit<Offset>* e = LastEditAtOrBefore(edits, original_offset, &Edit<Offset>::original_begin);
  if (e == nullptr) return original_offset;
  if (original_offset < e->original_end) return e->repaired_begin;
  return e->repaired_end + (original_offset - e->original_end);
}

}  // namespace wenshu
