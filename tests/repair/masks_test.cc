// mask.place, mask.name, mask.placeholder, mask.deleted and number.stripped: hidden or deleted text is
// flagged, never guessed; the text never changes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace wenshu
