// quote.fullwidth and quote.direction: 〞 → ”, flipped marks repaired where the pairing is unambiguous,
// ‚ ‛ flagged.
#include <gtest/gtest.h>

#include <string>

#include "repair/text_repair_cases.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

class QuoteCases : public ::testing::TestWithParam<testing::RepairCase> {};

TEST_P(QuoteCases, Behaves) { testing::CheckRepairCase(GetParam(), "quote."); }

INSTANTIATE_TEST_SUITE_P(InTheWild, QuoteCases,
                         ::testing::ValuesIn(testing::LoadRepairCases("in-the-wild/text_quote_cases.tsv")),
                         testing::CaseName);
INSTANTIATE_TEST_SUITE_P(Synthetic, QuoteCases,
                         ::testing::ValuesIn(testing::LoadRepairCases("synthetic/text_quote_cases.tsv")),
                         testing::CaseName);
INSTANTIATE_TEST_SUITE_P(Negative, QuoteCases,
                         ::testing::ValuesIn(testing::LoadRepairCases("negative/text_quote_cases.tsv")),
                         testing::CaseName);

TEST(QuoteKnownFailures, StillFail) {
  for (const auto& c : testing::LoadRepairCases("known-failures/text_quote_cases.tsv")) {
    EXPECT_FALSE(testing::RepairCaseHolds(c, "quote."))
        << c.name << " now passes: move it from known-failures to synthetic.";
  }
}

TEST(QuoteSeed, EveryCjkCloseIsRestored) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; the seed is not available";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  auto result = Repair(*text);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->diagnosis.quote_damage);
  EXPECT_EQ(result->text.find("〞"), std::string::npos);
  EXPECT_NE(result->text.find("“数字社区”"), std::string::npos);
}

}  // namespace
}  // namespace wenshu
