// The exact-decimal verdicts shared by the report's checks and repair's strong number cues
// (src/quantity/consistency.h).
#include "quantity/consistency.h"

#include <vector>

#include "gtest/gtest.h"

namespace wenshu::quantity_internal {
namespace {

Decimal D(std::string_view s) { return *Decimal::FromString(s); }

TEST(Consistency, RateOverHundredIsStrict) {
  EXPECT_FALSE(RateOverHundred(D("100")));
  EXPECT_FALSE(RateOverHundred(D("99.99")));
  EXPECT_TRUE(RateOverHundred(D("100.01")));
  EXPECT_TRUE(RateOverHundred(D("20230")));
}

TEST(Consistency, ChangeExceedsTotalIsStrict) {
  EXPECT_TRUE(ChangeExceedsTotal(D("2023"), D("149")));
  EXPECT_FALSE(ChangeExceedsTotal(D("10"), D("149")));
  EXPECT_FALSE(ChangeExceedsTotal(D("149"), D("149")));
}

TEST(Consistency, PartsAddUpExactly) {
  // 0.1 + 0.2 is 0.3 here, which binary doubles miss.
  const std::vector<Decimal> tenths = {D("0.1"), D("0.2")};
  auto sum = SumParts(tenths, D("0.3"));
  ASSERT_TRUE(sum);
  EXPECT_TRUE(sum->adds_up());
  EXPECT_TRUE(sum->reads_as_complete());
  EXPECT_FALSE(sum->shortfall);
}

TEST(Consistency, PartsShortWithinTheMarginReadAsComplete) {
  // 1575 + 11517 = 13092, 10 short of 13102 (0.08%): a breakdown meant to be complete.
  const std::vector<Decimal> parts = {D("1575"), D("11517")};
  auto close = SumParts(parts, D("13102"));
  ASSERT_TRUE(close);
  EXPECT_EQ(close->compare, -1);
  EXPECT_FALSE(close->adds_up());
  EXPECT_TRUE(close->short_but_close);
  EXPECT_TRUE(close->reads_as_complete());
  ASSERT_TRUE(close->shortfall);
  EXPECT_EQ(close->shortfall->ToString(), "10");
  // Exactly 1% short is still close; a little more is a partial list.
  const std::vector<Decimal> ninety_nine = {D("99")};
  EXPECT_TRUE(SumParts(ninety_nine, D("100"))->short_but_close);
  const std::vector<Decimal> under = {D("98.99")};
  EXPECT_FALSE(SumParts(under, D("100"))->short_but_close);
  // The masked total of the same list (1320232) is far off.
  EXPECT_FALSE(SumParts(parts, D("1320232"))->reads_as_complete());
}

TEST(Consistency, PartsThatExceedTheTotalNeverReadAsComplete) {
  const std::vector<Decimal> parts = {D("50"), D("50.5")};
  auto sum = SumParts(parts, D("100"));
  ASSERT_TRUE(sum);
  EXPECT_EQ(sum->compare, 1);
  EXPECT_FALSE(sum->reads_as_complete());
  EXPECT_FALSE(sum->shortfall);
}

TEST(Consistency, PartsOverflowMakeNoClaim) {
  const std::vector<Decimal> huge = {D("9000000000000000001"), D("9000000000000000001")};
  EXPECT_FALSE(SumParts(huge, D("1")));
}

TEST(Consistency, RatioAgreesWithinHalfAUnitOfTheStatedDigits) {
  // 接受退役士兵75人，目前共安置69人，安置率为92.
  EXPECT_EQ(RatioAgrees(D("69"), D("75"), D("92")), true);
  EXPECT_EQ(RatioAgrees(D("69"), D("75"), D("93")), false);
  // 12 / 13 = 92.307...: 92.3 agrees, 92.4 does not, 92 agrees at its own precision.
  EXPECT_EQ(RatioAgrees(D("12"), D("13"), D("92.3")), true);
  EXPECT_EQ(RatioAgrees(D("12"), D("13"), D("92.4")), false);
  EXPECT_EQ(RatioAgrees(D("12"), D("13"), D("92")), true);
  // 1 / 8 = 12.5: exactly half a unit from 12 and from 13, both agree.
  EXPECT_EQ(RatioAgrees(D("1"), D("8"), D("12")), true);
  EXPECT_EQ(RatioAgrees(D("1"), D("8"), D("13")), true);
  EXPECT_EQ(RatioAgrees(D("1"), D("8"), D("13.1")), false);
  EXPECT_FALSE(RatioAgrees(D("1"), Decimal(), D("50")));
}

}  // namespace
}  // namespace wenshu::quantity_internal
