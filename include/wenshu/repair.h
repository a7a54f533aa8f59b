// Repair: find the damage that document-sharing sites do to work reports, undo it where the evidence
// allows, and say exactly what changed, why, and how sure it is.
//
// Every change is a RepairRecord over a span of the original bytes. The records of one document never
// overlap and are sorted by span, so ApplyRepairs(original) gives the repaired text and
// RevertRepairs(repaired) gives the original back, byte for byte.
//
// Thread safety: all functions are reentrant; they share only immutable tables.
#ifndef WENSHU_REPAIR_H_
#define WENSHU_REPAIR_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "wenshu/shared_text.h"
#include "wenshu/slim_vector.h"
#include "wenshu/span.h"
#include "wenshu/static_name.h"

namespace wenshu {

// Another reading of a repaired span, for a user who wants to decide differently.
struct RepairAlternative {
  std::string after;
  double confidence = 0;
  SharedText reason;  // shared with the other records that give the same reason
};

// One change to the original text.
struct RepairRecord {
  // A stable id from RepairRules(), e.g. "number.masked_ten": the registry's own string
  // (wenshu/static_name.h: its address, 8 bytes), so a record carries no copy of it.
  StaticName rule;
  Span span;           // the bytes replaced, in the original
  std::string before;  // == original.substr(span.begin, span.size())
  std::string after;   // what replaces them; empty for removed text
  double confidence = 0;  // 0..1
  // One sentence a user can read. Repair() gives every record (alternative, flag) of a document that
  // says the same sentence one shared copy of it.
  SharedText reason;
  // Spans of the original that support the change, and other readings, best first. Most records have
  // neither: each list is one pointer, null when empty (wenshu/slim_vector.h; 8 bytes instead of a
  // std::vector's 24, in a record every ~20 bytes of a document dense with repairs).
  SlimVector<Span> evidence;
  SlimVector<RepairAlternative> alternatives;
};

// Something found but deliberately left unchanged, because the original cannot be known: a masked year,
// a masked place or name, a template placeholder, invalid UTF-8.
struct RepairFlag {
  StaticName rule;   // as RepairRecord::rule, e.g. "number.masked_year"
  Span span;         // in the original
  std::string text;  // the original bytes at span
  SharedText reason;  // as RepairRecord::reason
};

// What wenshu believes about the document as a whole, decided before any spot is touched. A document
// with no evidence of a kind of damage gets no repair of that kind.
struct DamageDiagnosis {
  bool site_boilerplate = false;  // a site's notice header or keyword tags were found
  bool page_furniture = false;    // running page headers or footers were found
  bool masked_numbers = false;    // the "10" -> year-string mask is present
  std::vector<std::string> mask_strings;  // the year strings used as masks, most frequent first
  double mask_confidence = 0;             // 0..1
  std::vector<Span> mask_evidence;        // spans that show the mask
  bool spun_vocabulary = false;           // synonym spinning was detected
  double spun_score = 0;                  // evidence strength for spinning
  bool quote_damage = false;
  bool converted_script = false;  // a simplified → traditional converter's damage (readings, 總結)
  bool truncated = false;  // a site cut the text (its truncation notice was removed): the copy is incomplete
};

// A rule that can be switched off by its id.
struct RepairRuleInfo {
  std::string_view id;
  std::string_view description;
};

// Every rule wenshu knows, in the order it runs. Ids are stable across versions.
const std::vector<RepairRuleInfo>& RepairRules();

// True when `id` is what RepairOptions::disabled_rules accepts: a rule's id, or a family (a prefix
// ending in '.', e.g. "vocab.") of at least one rule. Every front end checks --disable with this.
bool NamesRepairRules(std::string_view id);

struct RepairOptions {
  // Rule ids (or id prefixes ending in '.', e.g. "vocab.") that must not run.
  absl::flat_hash_set<std::string> disabled_rules;
  // Records below this confidence are reported as alternatives-only flags instead of being applied.
  double min_confidence = 0.5;
  // Cancellation: when set, Repair calls it between rules and every 64 KiB inside the long ones, on the
  // thread running Repair, and stops with absl::CancelledError once it returns true (e.g. a lambda
  // reading an atomic flag that a signal handler or another thread sets). It must keep returning true
  // after it did once, and be cheap: it runs a few times per millisecond of work.
  std::function<bool()> cancelled = nullptr;

  bool Enabled(std::string_view rule_id) const;
};

struct RepairResult {
  std::string text;                    // the repaired text
  std::vector<RepairRecord> records;   // sorted by span.begin, non-overlapping
  std::vector<RepairFlag> flags;       // sorted by span.begin
  DamageDiagnosis diagnosis;
};

// Diagnoses and repairs one document. Invalid UTF-8 is kept and flagged ("text.invalid_utf8"), never
// dropped. Fails only on internal errors.
absl::StatusOr<RepairResult> Repair(std::string_view original, const RepairOptions& options = {});

// Applies records (sorted, non-overlapping, each before == original bytes at span) to the original.
// Fails with InvalidArgument when the records do not fit the text.
absl::StatusOr<std::string> ApplyRepairs(std::string_view original,
                                         const std::vector<RepairRecord>& records);

// Rebuilds the original from the repaired text and the records that produced it.
absl::StatusOr<std::string> RevertRepairs(std::string_view repaired,
                                          const std::vector<RepairRecord>& records);

// Maps byte offsets between the repaired text and the original. An offset inside replaced text maps to
// the start of the corresponding original span.
class OffsetMap {
 public:
  OffsetMap() = default;
  explicit OffsetMap(const std::vector<RepairRecord>& records);
  size_t ToOriginal(size_t repaired_offset) const;
  Span ToOriginal(Span repaired) const;
  size_t ToRepaired(size_t original_offset) const;

 private:
  template <typename Offset>
  struct Edit {
    Offset original_begin, original_end;
    Offset repaired_begin, repaired_end;
  };
  // One edit per record. In 32-bit offsets whenever they fit (every Report's: Parse refuses a document of
  // 4 GiB or more), 16 bytes an edit instead of 32: a document dense with repairs has a record every
  // ~20 bytes, and its map lives to the end of Parse (bench/README.md, "Memory per document", ninth
  // pass). A larger text's map keeps 64-bit edits instead; one of the two vectors is empty.
  std::vector<Edit<uint32_t>> edits_;
  std::vector<Edit<uint64_t>> wide_edits_;

  template <typename Offset>
  static size_t ToOriginal(const std::vector<Edit<Offset>>& edits, size_t repaired_offset);
  template <typename Offset>
  static Span ToOriginal(const std::vector<Edit<Offset>>& edits, Span repaired);
  template <typename Offset>
  static size_t ToRepaired(const std::vector<Edit<Offset>>& edits, size_t original_offset);
};

}  // namespace wenshu

#endif  // WENSHU_REPAIR_H_
