// boilerplate.site_header: a site's notice header, keyword tags and repeated title forms go; one title,
// the document's own line (the last form), stays; a clean report's first lines are never touched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "repair/only_rules.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

// Checks the header of the seed (or of its fixture copy): furniture removed, one title kept.
void ExpectSeedHeaderRemoved(const std::string& original) {
  auto result = Repair(original, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->diagnosis.site_boilerplate);
  const std::string& out = result->text;
  EXPECT_THAT(out, ::testing::StartsWith("2023年上半年工作总结\n2023年上半年,社会事业工作认真贯彻落实"));
  for (const char* gone : {"温馨提示", "网站客服", "汇文网", "文章标题", "\n社会\n事业\n", "社会事业局上半年工作总结"}) {
    EXPECT_EQ(out.find(gone), std::string::npos) << gone;
  }
  // Each removal says which repeated form it removed and which it kept.
  int title_records = 0;
  for (const RepairRecord& r : result->records) {
    EXPECT_TRUE(r.after.empty()) << r.rule;
    EXPECT_FALSE(r.reason.empty());
    if (r.reason.view().find("repeated the title") != std::string_view::npos) {
      ++title_records;
      EXPECT_THAT(r.reason, ::testing::HasSubstr("kept the last, the document's own line, \"2023年上半年工作总结\""));
    }
  }
  EXPECT_EQ(title_records, 2);
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

TEST(BoilerplateSeed, FixtureHeaderIsRemoved) {
  ExpectSeedHeaderRemoved(testing::ReadFixture("repair/in-the-wild/furniture_seed_excerpt.txt"));
}

TEST(BoilerplateSeed, SeedHeaderIsRemoved) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; the seed is not available";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  ExpectSeedHeaderRemoved(*text);
}

TEST(Boilerplate, EmptyAndOddInputDoNotCrash) {
  for (std::string text : {std::string(), std::string("\n\n\n"), std::string("温馨提示:"),
                           std::string("温馨提示:\n\xFF\xFE\n"), std::string(1, '\0') + "网站客服:123\n",
                           std::string(100000, 'a')}) {
    auto result = Repair(text, testing::OnlyRules({"boilerplate."}));
    ASSERT_TRUE(result.ok());
    auto back = RevertRepairs(result->text, result->records);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, text);
  }
}

}  // namespace
}  // namespace wenshu
