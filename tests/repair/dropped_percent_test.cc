// percent.dropped: percent signs dropped after rates come back as insertions; units, counts, ordinals,
// years, ratios and clean writing are left alone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "repair/number_scan.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

// The pass reads the runs one after another; `within` bounds how far the next run may begin.
TEST(NextDigitRun, ReadsRunsInOrderAndStopsWithinTheBound) {
  const std::string text = "增长5.3，共12、8项";
  auto first = repair_internal::NextDigitRun(text, 0);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->digits, "5");
  EXPECT_TRUE(first->before_decimal_point);
  auto fraction = repair_internal::NextDigitRun(text, first->end, 3);
  ASSERT_TRUE(fraction.has_value());
  EXPECT_EQ(fraction->digits, "3");
  EXPECT_TRUE(fraction->after_decimal_point);
  // "，共" is six bytes: no run begins within three of the fraction's end, one does without a bound.
  EXPECT_FALSE(repair_internal::NextDigitRun(text, fraction->end, 3).has_value());
  auto twelve = repair_internal::NextDigitRun(text, fraction->end);
  ASSERT_TRUE(twelve.has_value());
  EXPECT_EQ(twelve->digits, "12");
  auto eight = repair_internal::NextDigitRun(text, twelve->end, 3);  // past "、"
  ASSERT_TRUE(eight.has_value());
  EXPECT_EQ(eight->digits, "8");
  EXPECT_FALSE(repair_internal::NextDigitRun(text, eight->end).has_value());
  EXPECT_EQ(repair_internal::ScanDigitRuns(text).size(), 4u);
}

using ::testing::HasSubstr;

struct Outcome {
  std::string text;  // the input with only percent.dropped and number.* records applied
  std::vector<RepairRecord> records;
};

Outcome RepairNumbers(std::string_view input) {
  Outcome out;
  auto result = Repair(input);
  EXPECT_TRUE(result.ok()) << result.status();
  if (!result.ok()) return out;
  for (const RepairRecord& r : result->records) {
    if (r.rule.rfind("percent.", 0) == 0 || r.rule.rfind("number.", 0) == 0) out.records.push_back(r);
  }
  auto applied = ApplyRepairs(input, out.records);
  EXPECT_TRUE(applied.ok()) << applied.status();
  if (!applied.ok()) return out;
  out.text = *applied;
  auto back = RevertRepairs(out.text, out.records);
  EXPECT_TRUE(back.ok()) << back.status();
  if (back.ok()) {
    EXPECT_EQ(*back, input);
  }
  auto full_back = RevertRepairs(result->text, result->records);
  EXPECT_TRUE(full_back.ok() && *full_back == input);
  return out;
}

TEST(DroppedPercent, SeedRates) {
  Outcome out = RepairNumbers("安置率为92。参保率到达70.4，标准化率到达了95以上。");
  EXPECT_EQ(out.text, "安置率为92%。参保率到达70.4%，标准化率到达了95%以上。");
}

TEST(DroppedPercent, InsertionRecordsAreEmptySpansWithReasons) {
  const std::string text = "目前共安置69人，安置率为92。";
  Outcome out = RepairNumbers(text);
  ASSERT_EQ(out.records.size(), 1u);
  const RepairRecord& r = out.records[0];
  EXPECT_EQ(r.rule, "percent.dropped");
  size_t end = text.find("92") + 2;
  EXPECT_EQ(r.span, (Span{end, end}));
  EXPECT_EQ(r.before, "");
  EXPECT_EQ(r.after, "%");
  EXPECT_GE(r.confidence, 0.5);
  EXPECT_THAT(r.reason, HasSubstr("92"));
  ASSERT_EQ(r.evidence.size(), 1u);
  EXPECT_EQ(text.substr(r.evidence[0].begin, r.evidence[0].size()), "率");
  ASSERT_FALSE(r.alternatives.empty());
  EXPECT_EQ(r.alternatives[0].after, "");
}

TEST(DroppedPercent, StrongRatePhraseIsRepairedEvenInACleanLookingDocument) {
  Outcome out = RepairNumbers("全市城镇化率达到61.3%，增长8.5%。农村参保率达到95，比上年提高2个百分点。");
  EXPECT_EQ(out.text, "全市城镇化率达到61.3%，增长8.5%。农村参保率达到95%，比上年提高2个百分点。");
}

TEST(DroppedPercent, WeakContextsNeedADamagedDocument) {
  // One bare change among signed ones: the writer chose no sign, or the number is not a percentage.
  const std::string clean = "生产总值增长6.5%，财政收入增长8.2%，居民收入增长7。";
  EXPECT_EQ(RepairNumbers(clean).text, clean);
  // Every change bare and no sign anywhere: the site dropped them.
  Outcome out =
      RepairNumbers("生产总值增长6.5，财政收入增长8.2，城镇化率达到61.3，居民收入分别增长7.1、8.4。");
  EXPECT_EQ(out.text, "生产总值增长6.5%，财政收入增长8.2%，城镇化率达到61.3%，居民收入分别增长7.1%、8.4%。");
}

TEST(DroppedPercent, ShareNeedsADamagedDocument) {
  const std::string text = "已完成平移4500余户，到达全区有效用户的18。";
  EXPECT_EQ(RepairNumbers(text).text, text);
  Outcome out =
      RepairNumbers("公开率到达了20230，新增网点20232个，已完成平移4500余户，到达全区有效用户的18。");
  EXPECT_EQ(out.text, "公开率到达了100%，新增网点102个，已完成平移4500余户，到达全区有效用户的18%。");
}

TEST(DroppedPercent, NeverAfterUnitsOrdinalsYearsRatiosOrFormulas) {
  // A damaged document (no sign anywhere, bare rates), so that the weak contexts are live too.
  const std::string text =
      "参保率达到95，覆盖率达到90，增长1倍，提高2个百分点，新增就业12万人，位居全国第5，城乡收入比缩小至2."
      "54，"
      "二产与一产之比突破1：1，构建“1+6”体系，占全国1/"
      "3以上，时间：2023-02-09，木材4,900万立方米，增长74.4\n\u200b\n万亿元。";
  Outcome out = RepairNumbers(text);
  ASSERT_EQ(out.records.size(), 2u) << out.text;
  EXPECT_THAT(
      out.text,
      HasSubstr("参保率达到95%，覆盖率达到90%，增长1倍，提高2个百分点，新增就业12万人，位居全国第5，"));
  EXPECT_THAT(out.text,
              HasSubstr("城乡收入比缩小至2.54，二产与一产之比突破1：1，构建“1+6”体系，占全国1/3以上，"));
}

TEST(DroppedPercent, RangesAndListsFollowTheirLastMember) {
  // Clean writing: one sign after a range, signs after list members.
  const std::string clean = "增长5～8%，其中分别增长4.42%和5.95%，提高20.9、3.2个百分点。";
  EXPECT_EQ(RepairNumbers(clean).text, clean);
}

TEST(DroppedPercent, UsesTheDocumentsOwnSign) {
  Outcome out = RepairNumbers("城镇化率达到61.3％，参保率达到95，覆盖率达到90。");
  EXPECT_EQ(out.text, "城镇化率达到61.3％，参保率达到95％，覆盖率达到90％。");
}

TEST(DroppedPercent, CanBeSwitchedOff) {
  RepairOptions options;
  options.disabled_rules = {"percent.dropped"};
  auto result = Repair("安置率为92。", options);
  ASSERT_TRUE(result.ok());
  for (const RepairRecord& r : result->records) EXPECT_NE(r.rule, "percent.dropped");
}

TEST(DroppedPercent, BadInput) {
  for (std::string text :
       {std::string(""), std::string("率为"), std::string("安置率为92"), std::string("安置率为92\xFF。", 17),
        std::string("率\0为92。", 11), std::string(100000, '9')}) {
    auto result = Repair(text);
    ASSERT_TRUE(result.ok());
    auto back = RevertRepairs(result->text, result->records);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, text);
  }
}

}  // namespace
}  // namespace wenshu
