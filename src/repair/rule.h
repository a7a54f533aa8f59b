// The internal contract between the repair engine and its rules.
//
// Repair runs in two passes, ftfy's way: every enabled rule first diagnoses the whole document (filling
// DamageDiagnosis), then every enabled rule proposes changes at single spots. Rules run in registry
// order and earlier rules win: a proposal overlapping an accepted record is refused.
#ifndef WENSHU_SRC_REPAIR_RULE_H_
#define WENSHU_SRC_REPAIR_RULE_H_

#include <string_view>
#include <vector>

#include "wenshu/repair.h"

namespace wenshu::repair_internal {

class RepairContext {
 public:
  RepairContext(std::string_view original, const RepairOptions& options, DamageDiagnosis* diagnosis)
      : text_(original), options_(options), diagnosis_(diagnosis) {}

  // The original document.
  std::string_view text() const { return text_; }
  const RepairOptions& options() const { return options_; }
  const DamageDiagnosis& diagnosis() const { return *diagnosis_; }
  DamageDiagnosis& mutable_diagnosis() { return *diagnosis_; }

  // Accepts a change unless it overlaps one already accepted or is malformed (span outside the text,
  // before != the original bytes). Records under options().min_confidence become flags that carry the
  // suggestion as an alternative. Returns whether the record was applied.
  bool Propose(RepairRecord record);
  void Flag(RepairFlag flag);

  // Whether any accepted record overlaps `span`.
  bool IsClaimed(Span span) const;
  const std::vector<RepairRecord>& records() const { return records_; }
  const std::vector<RepairFlag>& flags() const { return flags_; }

  std::vector<RepairRecord> TakeRecords();
  std::vector<RepairFlag> TakeFlags();

 private:
  std::string_view text_;
  const RepairOptions& options_;
  DamageDiagnosis* diagnosis_;
  std::vector<RepairRecord> records_;  // kept sorted by span
  std::vector<RepairFlag> flags_;
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

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_RULE_H_
