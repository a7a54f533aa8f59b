// boilerplate.page_furniture: running footers that cut a sentence are removed with the line break they
// introduced, so "…到社会事业局上半年工作总结第2页\n目前为止" reads "…到目前为止" again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "repair/only_rules.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

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
