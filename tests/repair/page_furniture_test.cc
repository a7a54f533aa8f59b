// boilerplate.page_furniture: running footers that cut a sentence are removed with the line break they
// introduced, so "…到社会事业局上半年工作总结第2页\n目前为止" reads "…到目前为止" again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "repair/only_rules.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

// The first chunk's "1、" may stand under the site's header (a label line and its notice) rather than open
// the text: two cuts after it still make the sequence.
TEST(FurnitureChunks, FirstChunkUnderTheSiteHeader) {
  const std::string body1 = "一年来，我局在区委区政府的坚强领导下，围绕年初确定的目标任务，统筹推进各项重点工作，全年共新建";
  const std::string body2 = "农村公路四十二公里，改造危桥五座，完成投资比上年增长较多，为全区群众出行提供了更好的条件。";
  const std::string body3 = "同时，我们坚持把安全生产摆在突出位置，组织开展隐患排查整治行动，督促各运输企业落实主体";
  const std::string body4 = "责任，全年未发生较大以上安全事故，行业运行总体平稳有序，群众满意度进一步提高。";
  const std::string header = "资源描述:\n《某局2023年工作总结》由会员上传分享,免费在线阅读。\n";
  testing::ExpectRepaired(header + "1、某局2023年工作总结\n" + body1 + "\n2、" + body2 + "\n" + body3 + "\n3、" + body4 + "\n",
                 {"boilerplate.page_furniture"},
                 header + "某局2023年工作总结\n" + body1 + body2 + "\n" + body3 + body4 + "\n");
}

// A converted copy's running headers carry the converter's readings between the title and the page number
// (手冊(cè)_第1頁(yè)): read without them, they are the viewer's page headers and go, in the pieces between the
// readings text.pinyin removes; each line's break, parted from it by a reading, stays.
TEST(FurnitureConverted, RunningHeadersWithReadings) {
  testing::ExpectRepaired(
      "某公司行政管理手冊(cè)_第1頁(yè)\n某公司行政管理手冊(cè)_第2頁(yè)\n某公司行政管理手冊(cè)_第3頁(yè)\n"
      "某公司行政管理手冊(cè)\n一、會(huì)議管理:各部門召開會(huì)議前應(yīng)提前一天通知參會(huì)人員。\n",
      {"text.pinyin", "boilerplate.page_furniture"},
      "\n\n\n某公司行政管理手冊\n一、會議管理:各部門召開會議前應提前一天通知參會人員。\n");
}

void ExpectSeedFooterJoined(const std::string& original) {
  auto result = Repair(original, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->diagnosis.page_furniture);
  EXPECT_EQ(result->text.find("第2页"), std::string::npos);
  EXPECT_THAT(result->text, ::testing::HasSubstr("的意向。到目前为止,新加坡cpg集团"));
  int footers = 0;
  for (const RepairRecord& r : result->records) {
    if (r.rule != "boilerplate.page_furniture") continue;
    ++footers;
    EXPECT_EQ(r.before, "社会事业局上半年工作总结第2页\n");
    EXPECT_EQ(r.after, "");
  }
  EXPECT_EQ(footers, 1);
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

TEST(FurnitureSeed, FixtureFooterIsJoined) {
  ExpectSeedFooterJoined(testing::ReadFixture("repair/in-the-wild/furniture_seed_excerpt.txt"));
}

TEST(FurnitureSeed, SeedFooterIsJoined) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; the seed is not available";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  ExpectSeedFooterJoined(*text);
}

}  // namespace
}  // namespace wenshu
