// mask.place, mask.name, mask.placeholder, mask.deleted and number.stripped: hidden or deleted text is
// flagged, never guessed; the text never changes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "repair/only_rules.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

TEST(MaskPlace, ReasonExplainsTheCountyDistrictSubstitution) {
  std::string text = "主动服务高XX县区二次创业";
  auto result = Repair(text, testing::OnlyRules({"mask."}));
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->flags.size(), 1u);
  const RepairFlag& f = result->flags[0];
  EXPECT_EQ(f.rule, "mask.place");
  EXPECT_EQ(text.substr(f.span.begin - std::string("高").size(), f.span.size() + 3), "高XX县区");
  EXPECT_THAT(f.reason, ::testing::HasSubstr("县/区"));
  EXPECT_THAT(f.reason, ::testing::HasSubstr("高XX县区"));
  EXPECT_THAT(f.reason, ::testing::HasSubstr("cannot be known"));
  EXPECT_TRUE(result->records.empty());
}

TEST(MaskSeed, GaoXinIsFlaggedEverywhere) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; the seed is not available";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  auto result = Repair(*text);
  ASSERT_TRUE(result.ok());
  size_t masks = 0, flagged = 0;
  for (size_t at = text->find("高XX县区"); at != std::string::npos; at = text->find("高XX县区", at + 1)) ++masks;
  for (const RepairFlag& f : result->flags) {
    if (f.rule == "mask.place" && f.text == "XX县区" && text->substr(f.span.begin - 3, 3) == "高") ++flagged;
  }
  EXPECT_GT(masks, 10u);
  EXPECT_EQ(flagged, masks);
  EXPECT_NE(result->text.find("高XX县区"), std::string::npos) << "masks are never rewritten";
}

// In a document whose figures were deleted (two strong forms open the pass), a bare 年 is read as a deleted
// year only where no figure, word or average explains it: 这些年, 今年, 五年, 年均, 年平均, 关键年, "的年。"
// and 之年 stay; the clause-opening year and the one after 比 are flagged.
TEST(NumberStripped, BareYearsOnlyWhereNothingExplainsThem) {
  const std::string text =
      "全镇投入资金多万元,群众满意率达。这些年,今年以来,五年来,年均增长较快,年平均气温偏高;"
      "今后五年是关键年,也是大发展的年。年,全镇人均收入比年增长明显,决胜之年。";
  auto result = Repair(text, testing::OnlyRules({"number.stripped"}));
  ASSERT_TRUE(result.ok());
  std::vector<size_t> flagged;
  for (const RepairFlag& f : result->flags) flagged.push_back(f.span.begin);
  EXPECT_THAT(flagged, ::testing::ElementsAre(text.find("多万元"), text.find("达。"), text.find("年,全镇"),
                                              text.find("年增长")));
  EXPECT_TRUE(result->records.empty());
}

}  // namespace
}  // namespace wenshu
