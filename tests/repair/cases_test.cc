// Every data-driven repair case goes through here: each *.tsv file in tests/data/repair/<folder>/
// (the format: tests/data/repair/README.md), one test per case.
//   in-the-wild/    real damaged copies (fragments of the seed)
//   synthetic/      the damage as DAMAGE.md describes it
//   negative/       looks damaged, is not: the rules under test leave it as the case says (mostly unchanged)
//   known-failures/ must keep failing until fixed, so progress is noticed
// The per-rule tests (quotes_test.cc, masks_test.cc, ...) keep the hand-written tests of their rules.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "repair/case_file.h"

namespace wenshu {
namespace {

using testing::RepairCase;

class RepairCases : public ::testing::TestWithParam<RepairCase> {};

TEST_P(RepairCases, Behaves) { testing::CheckRepairCase(GetParam()); }

std::string Name(const ::testing::TestParamInfo<RepairCase>& info) { return testing::CaseTestName(info.param); }

INSTANTIATE_TEST_SUITE_P(InTheWild, RepairCases, ::testing::ValuesIn(testing::LoadCaseFolder("in-the-wild")), Name);
INSTANTIATE_TEST_SUITE_P(Synthetic, RepairCases, ::testing::ValuesIn(testing::LoadCaseFolder("synthetic")), Name);
INSTANTIATE_TEST_SUITE_P(Negative, RepairCases, ::testing::ValuesIn(testing::LoadCaseFolder("negative")), Name);
INSTANTIATE_TEST_SUITE_P(KnownFailures, RepairCases, ::testing::ValuesIn(testing::LoadCaseFolder("known-failures")),
                         Name);

// The reader: what a file says is what a case holds, and a malformed file fails instead of being skipped.
TEST(CaseFile, ReadsDirectivesEscapesAndFlags) {
  auto cases = testing::ParseCaseFile("synthetic/x_cases.tsv",
                                      "#! rules: number. percent.\n#! pipeline: whole\n# a comment\n"
                                      "a\t全年\\n增长5\t全年\\n增长5%\tnumber.masked_year@全年\\n | percent.dropped:5\n"
                                      "b\t{spun-evidence}x\t{spun-evidence}x\tany\n");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].error, "");
  EXPECT_EQ(cases[0].line, 4);
  EXPECT_EQ(cases[0].original, "全年\n增长5");
  EXPECT_EQ(cases[0].repaired, "全年\n增长5%");
  ASSERT_EQ(cases[0].flags.size(), 2u);
  EXPECT_TRUE(cases[0].flags[0].by_needle);
  EXPECT_EQ(cases[0].flags[0].text, "全年\n");
  EXPECT_EQ(cases[0].flags[1].rule, "percent.dropped");
  EXPECT_TRUE(cases[0].rules->whole_pipeline);
  EXPECT_EQ(cases[0].rules->flag_rules, (std::vector<std::string>{"number.", "percent."}));
  EXPECT_FALSE(cases[0].known_failure);
  EXPECT_TRUE(cases[1].any_flags);
  EXPECT_NE(cases[1].original, cases[1].repaired);  // the spun and the restored evidence
  EXPECT_EQ(testing::CaseTestName(cases[1]), "x_b");
  EXPECT_TRUE(testing::ParseCaseFile("known-failures/x.tsv", "#! rules: quote.\na\tb\tc\n")[0].known_failure);
}

TEST(CaseFile, MalformedFilesAndCasesAreErrors) {
  auto first_error = [](std::string_view contents) {
    auto cases = testing::ParseCaseFile("synthetic/x.tsv", contents);
    return cases.empty() ? std::string("no cases") : cases[0].error;
  };
  EXPECT_NE(first_error("a\tb\tb\n"), "");                                          // no rules
  EXPECT_NE(first_error("#! rules: quote.\n#! colour: red\na\tb\tb\n"), "");        // unknown directive
  EXPECT_NE(first_error("#! rules: number.\n#! undiagnosed: masked\na\tb\tb\n"), "");  // no such field
  EXPECT_NE(first_error("#! rules: quote.\na\tb\n"), "");                           // no repaired column
  EXPECT_NE(first_error("#! rules: quote.\na\tb\tb\tmask.place:X\n"), "");          // flag outside the rules
  EXPECT_NE(first_error("#! rules: number.\na\tb\tb\tnumber.masked_year@c\n"), "");  // needle not in text
  EXPECT_NE(first_error("#! rules: mask.\n#! edits: none\na\tb\tc\n"), "");         // a flag-only rule edits
  EXPECT_NE(first_error("#! rules: quote.\na\t{file:no/such.txt}\tb\n"), "");       // no input file
  EXPECT_EQ(first_error("#! rules: quote.\na\tb\tb\t-\n"), "");
}

}  // namespace
}  // namespace wenshu
