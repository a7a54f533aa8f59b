// The one registry of repair rules. Ids are stable: users switch rules off by id, and JSON output and
// tests refer to them. Order matters: earlier rules win overlapping spans, so removals of site furniture
// come before rules that rewrite the text around them.
#include "repair/rules.h"

namespace wenshu::repair_internal {

const std::vector<RuleDefinition>& RuleRegistry() {
  static const auto* registry = new std::vector<RuleDefinition>{
      {"text.invalid_utf8", "Flags bytes that are not valid UTF-8; they are kept, never dropped.",
       nullptr, FlagInvalidUtf8},
  };
  return *registry;
}

}  // namespace wenshu::repair_internal
