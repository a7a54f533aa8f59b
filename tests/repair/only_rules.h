// Repair options that run only some rules, for tests that look at one rule family at a time.
#ifndef WENSHU_TESTS_REPAIR_ONLY_RULES_H_
#define WENSHU_TESTS_REPAIR_ONLY_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "wenshu/repair.h"

namespace wenshu::testing {

// True when `rule` is one of `ids`, or starts with one of them (a family such as "vocab.").
inline bool RuleIsAmong(std::string_view rule, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    if (rule.substr(0, id.size()) == id) return true;
  }
  return false;
}

// Options that run only the rules whose ids start with one of the prefixes.
inline RepairOptions OnlyRules(const std::vector<std::string>& prefixes) {
  RepairOptions options;
  for (const RepairRuleInfo& rule : RepairRules()) {
    if (!RuleIsAmong(rule.id, prefixes)) options.disabled_rules.insert(std::string(rule.id));
  }
  return options;
}

}  // namespace wenshu::testing

#endif  // WENSHU_TESTS_REPAIR_ONLY_RULES_H_
