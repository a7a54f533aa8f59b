// The one registry of repair rules. Ids are stable: users switch rules off by id, and JSON output and
// tests refer to them. Order matters: earlier rules win overlapping spans, so removals of site furniture
// come before rules that rewrite the text around them.
#include "repair/rules.h"

namespace wenshu::repair_internal {

const std::vector<RuleDefinition>& RuleRegistry() {
  static const auto* registry = new std::vector<RuleDefinition>{
      {"text.invalid_utf8", "Flags bytes that are not valid UTF-8; they are kept, never dropped.",
       nullptr, FlagInvalidUtf8},
      {"number.masked_ten",
       "Restores a \"10\" that a site replaced with a year string inside a number (20230 → 100, "
       "2023、 after 9、 → 10、), in documents that show the mask.",
       DiagnoseMaskedNumbers, RepairMaskedTens},
      {"number.masked_year",
       "Flags years replaced by the mask string (2023年4月7日 in an older report); the original year is "
       "lost and is kept as written.",
       nullptr, FlagMaskedYears},
      {"percent.dropped", "Restores percent signs dropped after rates (安置率为92 → 92%).", nullptr,
       RestoreDroppedPercent},
  };
  return *registry;
}

}  // namespace wenshu::repair_internal
