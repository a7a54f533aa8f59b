// quote.fullwidth and quote.direction: 〞 → ”, flipped marks repaired where the pairing is unambiguous,
// ‚ ‛ flagged.
#include <gtest/gtest.h>

#include <string>

#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

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
