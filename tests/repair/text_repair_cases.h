// Repair cases as data, ftfy style, shared by the text repair tests (boilerplate, page furniture, spun
// vocabulary, quotes, masks). A case file is UTF-8 TSV under tests/data/repair/<kind>/ with the columns
//   name <TAB> original <TAB> repaired [<TAB> flags]
// where \n, \t and \\ are escapes, {spun-evidence} expands to a sentence that shows site spinning (and to
// its restored form in the repaired column), and flags lists "rule:text" items separated by " | " that
// must be among the document's flags ("-" or nothing: no flag of the rules under test; "any": flags, such
// as low-confidence suggestions, are not checked). Lines starting
// with '#' are comments.
#ifndef WENSHU_TESTS_REPAIR_TEXT_REPAIR_CASES_H_
#define WENSHU_TESTS_REPAIR_TEXT_REPAIR_CASES_H_

#include <gtest/gtest.h>

#include <iostream>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu::testing {

struct RepairCase {
  std::string name;
  std::string original;
  std::string repaired;
  std::vector<std::string> flags;  // "rule:text"
  bool check_unexpected_flags = true;  // false when the flags column says "any"
};

// GoogleTest prints a parameter in a test's description: the case's name, not its bytes.
inline void PrintTo(const RepairCase& c, std::ostream* out) { *out << c.name; }

// Spun-vocabulary evidence for synthetic cases: several near-certain spots of different forms.
inline constexpr std::string_view kSpunEvidence =
    "坚持以人民为中心的效劳理念,打牢工作根底,坚持实事求是的原那么,争创最正确成效。";
inline constexpr std::string_view kSpunEvidenceRestored =
    "坚持以人民为中心的服务理念,打牢工作基础,坚持实事求是的原则,争创最佳成效。";

inline std::string UnescapeCaseField(std::string_view s, bool restored) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 15) == "{spun-evidence}") {
      out += restored ? kSpunEvidenceRestored : kSpunEvidence;
      i += 14;
    } else if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

inline std::vector<std::string> SplitCaseLine(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) out.push_back(field);
  return out;
}

inline std::vector<RepairCase> LoadRepairCases(const std::string& relative) {
  std::vector<RepairCase> cases;
  std::istringstream in(ReadFixture("repair/" + relative));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitCaseLine(line, '\t');
    if (f.size() < 3) {
      ADD_FAILURE() << relative << ": a case needs name, original and repaired: " << line;
      continue;
    }
    RepairCase c;
    c.name = f[0];
    c.original = UnescapeCaseField(f[1], false);
    c.repaired = UnescapeCaseField(f[2], true);
    c.check_unexpected_flags = !(f.size() > 3 && f[3] == "any");
    if (f.size() > 3 && f[3] != "-" && f[3] != "any") {
      std::string flags = f[3];
      for (size_t at = 0; at <= flags.size();) {
        size_t bar = flags.find(" | ", at);
        std::string item = flags.substr(at, bar == std::string::npos ? std::string::npos : bar - at);
        if (!item.empty()) c.flags.push_back(UnescapeCaseField(item, false));
        if (bar == std::string::npos) break;
        at = bar + 3;
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

inline std::string CaseName(const ::testing::TestParamInfo<RepairCase>& info) {
  std::string out;
  for (char c : info.param.name) out += (isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return out.empty() ? "case" + std::to_string(info.index) : out;
}

// Options that run only the rules whose ids start with one of the prefixes.
inline RepairOptions OnlyRules(const std::vector<std::string>& prefixes) {
  RepairOptions options;
  for (const RepairRuleInfo& rule : RepairRules()) {
    bool keep = false;
    for (const std::string& p : prefixes) keep = keep || rule.id.substr(0, p.size()) == p;
    if (!keep) options.disabled_rules.insert(std::string(rule.id));
  }
  return options;
}

struct CaseOutcome {
  bool ok = false;
  std::string text;
  std::vector<RepairRecord> records;
  std::vector<RepairFlag> flags;
  std::string applied, reverted;  // ApplyRepairs / RevertRepairs results (or their error)
  std::vector<std::string> missing_flags, unexpected_flags;
};

inline CaseOutcome RunRepairCase(const RepairCase& c, const std::string& prefix) {
  CaseOutcome o;
  auto result = Repair(c.original, OnlyRules({prefix}));
  if (!result.ok()) return o;
  o.ok = true;
  o.text = result->text;
  o.records = result->records;
  o.flags = result->flags;
  auto applied = ApplyRepairs(c.original, result->records);
  o.applied = applied.ok() ? *applied : "error: " + std::string(applied.status().message());
  auto reverted = RevertRepairs(c.repaired, result->records);
  o.reverted = reverted.ok() ? *reverted : "error: " + std::string(reverted.status().message());
  std::vector<std::string> seen;
  for (const RepairFlag& f : result->flags) {
    if (f.rule.substr(0, prefix.size()) == prefix) seen.push_back(std::string(f.rule) + ":" + f.text);
  }
  for (const std::string& want : c.flags) {
    bool found = false;
    for (const std::string& s : seen) found = found || s == want;
    if (!found) o.missing_flags.push_back(want);
  }
  if (c.flags.empty() && c.check_unexpected_flags) o.unexpected_flags = seen;
  return o;
}

inline bool RepairCaseHolds(const RepairCase& c, const std::string& prefix) {
  CaseOutcome o = RunRepairCase(c, prefix);
  return o.ok && o.text == c.repaired && o.applied == c.repaired && o.reverted == c.original &&
         o.missing_flags.empty() && o.unexpected_flags.empty();
}

// Every case: Repair gives the repaired text, ApplyRepairs(original, records) == repaired,
// RevertRepairs(repaired, records) == original, and the expected flags are raised.
inline void CheckRepairCase(const RepairCase& c, const std::string& prefix) {
  CaseOutcome o = RunRepairCase(c, prefix);
  ASSERT_TRUE(o.ok) << c.name;
  // Strings are printed as text, not escaped bytes, so that a failure can be read.
  EXPECT_TRUE(o.text == c.repaired) << c.name << "\n  got:      " << o.text << "\n  expected: " << c.repaired;
  EXPECT_TRUE(o.applied == c.repaired) << c.name << ": ApplyRepairs(original, records) gave\n  " << o.applied;
  EXPECT_TRUE(o.reverted == c.original) << c.name << ": RevertRepairs(repaired, records) gave\n  " << o.reverted;
  for (const std::string& f : o.missing_flags) ADD_FAILURE() << c.name << ": missing flag " << f;
  for (const std::string& f : o.unexpected_flags) ADD_FAILURE() << c.name << ": unexpected flag " << f;
  if (::testing::Test::HasFailure()) {
    for (const RepairRecord& r : o.records) {
      std::cerr << "  record " << r.rule << " [" << r.before << "] -> [" << r.after << "] "
                << r.confidence << " " << r.reason << "\n";
    }
  }
}

}  // namespace wenshu::testing

#endif  // WENSHU_TESTS_REPAIR_TEXT_REPAIR_CASES_H_
