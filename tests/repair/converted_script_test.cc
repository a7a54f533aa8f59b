// text.pinyin and text.traditional: a simplified → traditional converter's damage (DAMAGE.md §6) is
// undone; simplified reports, Latin in brackets and a few quoted traditional names are left alone.
#include <gtest/gtest.h>

#include <string>

#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

TEST(ConvertedScript, RulesCanBeSwitchedOff) {
  const std::string text = "社區(qū)工作總結(jié)\n一年來，我們社區在街道黨工委的領導下，認真開展各項工作，現(xiàn)總結如下。"
                           "二、發揮基層黨組織的戰鬥堡壘作用，團結帶領群眾，為實現經濟發展貢獻力量。\n";
  RepairOptions options;
  options.disabled_rules.insert("text.traditional");
  auto result = Repair(text, options);
  ASSERT_TRUE(result.ok()) << result.status();
  for (const RepairRecord& r : result->records) EXPECT_NE(r.rule, "text.traditional");
  EXPECT_TRUE(result->diagnosis.converted_script);
  EXPECT_EQ(result->text.find("(jié)"), std::string::npos);
  EXPECT_NE(result->text.find("總結"), std::string::npos);
}

}  // namespace
}  // namespace wenshu
