// The repair engine: runs the registry's rules, keeps the log exact, applies and reverts it.
#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "repair/rule.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace repair_internal {

bool RepairContext::IsClaimed(Span span) const {
  auto it = std::lower_bound(records_.begin(), records_.end(), span.begin,
                             [](const RepairRecord& r, size_t b) { return r.span.end <= b; });
  if (it == records_.end()) return false;
  if (it->span.Overlaps(span)) return true;
  // An empty span (an insertion) at the start of a record conflicts with it too.
  return span.empty() && it->span.begin == span.begin;
}

bool RepairContext::Propose(RepairRecord record) {
  if (record.span.end < record.span.begin || record.span.end > text_.size()) return false;
  if (text_.substr(record.span.begin, record.span.size()) != record.before) return false;
  if (record.before == record.after) return false;
  if (IsClaimed(record.span)) return false;
  // Two insertions at one offset would make the log ambiguous. Records are sorted by begin, so only
  // those starting exactly here need a look (a binary search, not a scan: insertions can be many).
  if (record.span.empty()) {
    auto same = std::lower_bound(records_.begin(), records_.end(), record.span.begin,
                                 [](const RepairRecord& r, size_t b) { return r.span.begin < b; });
    for (; same != records_.end() && same->span.begin == record.span.begin; ++same) {
      if (same->span.empty()) return false;
    }
  }
  if (record.confidence < options_.min_confidence) {
    RepairFlag flag;
    flag.rule = record.rule;
    flag.span = record.span;
    flag.text = record.before;
    flag.reason = absl::StrCat(record.reason, " Not applied: confidence ", record.confidence,
                               " is below ", options_.min_confidence, "; suggested \"",
                               record.after, "\".");
    Flag(std::move(flag));
    return false;
  }
  auto pos = std::upper_bound(records_.begin(), records_.end(), record.span.begin,
                              [](size_t b, const RepairRecord& r) { return b < r.span.begin; });
  records_.insert(pos, std::move(record));
  return true;
}

void RepairContext::Flag(RepairFlag flag) {
  auto pos = std::upper_bound(flags_.begin(), flags_.end(), flag.span.begin,
                              [](size_t b, const RepairFlag& f) { return b < f.span.begin; });
  flags_.insert(pos, std::move(flag));
}

std::vector<RepairRecord> RepairContext::TakeRecords() { return std::move(records_); }
std::vector<RepairFlag> RepairContext::TakeFlags() { return std::move(flags_); }

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

absl::StatusOr<RepairResult> Repair(std::string_view original, const RepairOptions& options) {
  RepairResult result;
  repair_internal::RepairContext context(original, options, &result.diagnosis);
  const auto& registry = repair_internal::RuleRegistry();
  for (const auto& rule : registry) {
    if (rule.diagnose && options.Enabled(rule.id)) rule.diagnose(context);
  }
  for (const auto& rule : registry) {
    if (rule.run && options.Enabled(rule.id)) rule.run(context);
  }
  result.records = context.TakeRecords();
  result.flags = context.TakeFlags();
  auto text = ApplyRepairs(original, result.records);
  if (!text.ok()) return absl::InternalError(absl::StrCat("repair log is inconsistent: ",
                                                          text.status().message()));
  result.text = *std::move(text);
  return result;
}

absl::StatusOr<std::string> ApplyRepairs(std::string_view original,
                                         const std::vector<RepairRecord>& records) {
  std::string out;
  out.reserve(original.size());
  size_t at = 0;
  for (const RepairRecord& r : records) {
    if (r.span.begin < at || r.span.end < r.span.begin || r.span.end > original.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("record ", r.rule, " at [", r.span.begin, ",", r.span.end,
                       ") is out of order, overlapping or outside the text"));
    }
    if (original.substr(r.span.begin, r.span.size()) != r.before) {
      return absl::InvalidArgumentError(absl::StrCat("record ", r.rule, " at [", r.span.begin, ",",
                                                     r.span.end, ") does not match the original"));
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
      return absl::InvalidArgumentError(absl::StrCat("record ", r.rule, " at [", r.span.begin, ",",
                                                     r.span.end, ") does not match the repaired text"));
    }
    out.append(repaired.substr(at, keep));
    out.append(r.before);
    at += keep + r.after.size();
    original_at = r.span.end;
  }
  out.append(repaired.substr(at));
  return out;
}

OffsetMap::OffsetMap(const std::vector<RepairRecord>& records) {
  edits_.reserve(records.size());
  long long delta = 0;  // repaired - original, before the current record
  for (const RepairRecord& r : records) {
    size_t rb = static_cast<size_t>(static_cast<long long>(r.span.begin) + delta);
    edits_.push_back({r.span.begin, r.span.end, rb, rb + r.after.size()});
    delta += static_cast<long long>(r.after.size()) - static_cast<long long>(r.span.size());
  }
}

size_t OffsetMap::ToOriginal(size_t repaired_offset) const {
  // The last edit that starts at or before the offset.
  auto it = std::upper_bound(edits_.begin(), edits_.end(), repaired_offset,
                             [](size_t off, const Edit& e) { return off < e.repaired_begin; });
  if (it == edits_.begin()) return repaired_offset;
  const Edit& e = *(it - 1);
  if (repaired_offset < e.repaired_end) return e.original_begin;
  return e.original_end + (repaired_offset - e.repaired_end);
}

Span OffsetMap::ToOriginal(Span repaired) const {
  Span s{ToOriginal(repaired.begin), 0};
  if (repaired.empty()) {
    s.end = s.begin;
    return s;
  }
  // The end maps through the last byte, so that a span ending inside an edit covers all of it.
  size_t last = repaired.end - 1;
  auto it = std::upper_bound(edits_.begin(), edits_.end(), last,
                             [](size_t off, const Edit& e) { return off < e.repaired_begin; });
  if (it != edits_.begin() && last < (it - 1)->repaired_end) {
    s.end = (it - 1)->original_end;
  } else {
    s.end = ToOriginal(last) + 1;
  }
  return s;
}

size_t OffsetMap::ToRepaired(size_t original_offset) const {
  auto it = std::upper_bound(edits_.begin(), edits_.end(), original_offset,
                             [](size_t off, const Edit& e) { return off < e.original_begin; });
  if (it == edits_.begin()) return original_offset;
  const Edit& e = *(it - 1);
  if (original_offset < e.original_end) return e.repaired_begin;
  return e.repaired_end + (original_offset - e.original_end);
}

}  // namespace wenshu
