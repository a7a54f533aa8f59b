// Repair options that run only some rules, and the checks of one such run, for tests that look at one rule
// family at a time.
#ifndef WENSHU_TESTS_REPAIR_ONLY_RULES_H_
#define WENSHU_TESTS_REPAIR_ONLY_RULES_H_

#include <gtest/gtest.h>

#include <algorithm>
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

// Repairs `original` with only the rules whose ids start with one of `prefixes`: the text must read
// `repaired`, and the records must apply and revert exactly. Returns the result for further checks.
inline RepairResult ExpectRepaired(const std::string& original, const std::vector<std::string>& prefixes,
                                   const std::string& repaired) {
  auto result = Repair(original, OnlyRules(prefixes));
  EXPECT_TRUE(result.ok()) << result.status();
  if (!result.ok()) return {};
  EXPECT_EQ(result->text, repaired);
  auto applied = ApplyRepairs(original, result->records);
  EXPECT_TRUE(applied.ok() && *applied == result->text);
  auto back = RevertRepairs(result->text, result->records);
  EXPECT_TRUE(back.ok() && *back == original);
  return *std::move(result);
}

// A result's flags as "rule:text", sorted: for comparing with the flags a test expects.
inline std::vector<std::string> FlagTexts(const RepairResult& result) {
  std::vector<std::string> flags;
  for (const auto& flag : result.flags) flags.push_back(std::string(flag.rule) + ":" + std::string(flag.text));
  std::sort(flags.begin(), flags.end());
  return flags;
}

}  // namespace wenshu::testing

#endif  // WENSHU_TESTS_REPAIR_ONLY_RULES_H_
