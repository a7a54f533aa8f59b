// The one table of unit words the fact reader, the tokenizer and repair read.
#include "text/units.h"

#include <set>
#include <string_view>

#include "gtest/gtest.h"
#include "text/utf8.h"

namespace wenshu::text {
namespace {

TEST(Units, EveryWordIsWrittenOnceAsValidUtf8AndReadBySomeone) {
  std::set<std::string_view> seen;
  for (const UnitWord& u : kUnitWords) {
    EXPECT_TRUE(seen.insert(u.written).second) << "written twice: " << u.written;
    EXPECT_TRUE(IsValidUtf8(u.written)) << u.written;
    EXPECT_NE(u.readers, 0) << u.written;
    if (u.readers & kTypedByFacts) {
      EXPECT_FALSE(u.unit.empty()) << "the fact reader reports a unit for " << u.written;
      EXPECT_NE(u.kind, UnitKind::kMagnitude) << u.written;
      EXPECT_NE(u.kind, UnitKind::kApproximate) << u.written;
    }
    if (u.kind == UnitKind::kMagnitude || u.kind == UnitKind::kApproximate) {
      EXPECT_TRUE(u.unit.empty()) << u.written << " is a scale or an approximation, not a unit";
    }
    EXPECT_FALSE((u.readers & kTokenAfterNumber) && (u.readers & kTokenAfterNumeral))
        << "one token flag: " << u.written;
  }
}

TEST(Units, TheLongestWordOfTheReaderWins) {
  const UnitWord* u = LongestUnitAt("7642人次，", 4, kTypedByFacts);
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->written, "人次");
  u = LongestUnitAt("3个百分点", 1, kTypedByFacts);
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->written, "个百分点");
  EXPECT_EQ(u->kind, UnitKind::kPercentagePoint);
  u = LongestUnitAt("77万元", 2, kTypedByFacts);
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->unit, "元");
  EXPECT_EQ(u->power, 4);
  EXPECT_EQ(LongestUnitAt("77万元", 100, kTypedByFacts), nullptr);
  EXPECT_EQ(LongestUnitAt("工作", 0, kFollowsDigits), nullptr);
}

TEST(Units, EachReaderTakesItsOwnWords) {
  // A masked figure's digits may end before a magnitude; the fact reader reads 万 as part of the number.
  const UnitWord* u = LongestUnitAt("万", 0, kFollowsDigits);
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->kind, UnitKind::kMagnitude);
  EXPECT_EQ(LongestUnitAt("万", 0, kTypedByFacts), nullptr);
  // 起 follows a number (3起) but forms a word with a numeral (一起).
  u = LongestUnitAt("起", 0, kTokenAfterNumber);
  ASSERT_NE(u, nullptr);
  EXPECT_TRUE(u->readers & kTokenAfterNumber);
  EXPECT_FALSE(u->readers & kTokenAfterNumeral);
  // 件 stands for a deleted figure only after a blank; 万元 never follows a word without one.
  EXPECT_NE(LongestUnitAt("件", 0, kAfterBlankForFigure), nullptr);
  EXPECT_EQ(LongestUnitAt("件", 0, kOnlyAfterFigure), nullptr);
  EXPECT_NE(LongestUnitAt("万元", 0, kOnlyAfterFigure), nullptr);
}

}  // namespace
}  // namespace wenshu::text
