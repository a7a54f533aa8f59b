// The one list-marker recognizer the report's sections and the repair rules share.
#include "text/list_marker.h"

#include <optional>
#include <string_view>

#include "gtest/gtest.h"

namespace wenshu::text {
namespace {

struct Expected {
  std::string_view text;
  ListMarkerForm form;
  int ordinal;
  std::string_view marker;
};

TEST(ListMarker, ReadsEveryFormWithItsNumberAndLength) {
  const Expected cases[] = {
      {"一、总体要求", ListMarkerForm::kChineseComma, 1, "一、"},
      {"十二、其他", ListMarkerForm::kChineseComma, 12, "十二、"},
      {"（三）加强", ListMarkerForm::kChineseParen, 3, "（三）"},
      {"(二十)落实", ListMarkerForm::kChineseParen, 20, "(二十)"},
      {"第四，坚持", ListMarkerForm::kOrdinalDi, 4, "第四，"},
      {"第五、", ListMarkerForm::kOrdinalDi, 5, "第五、"},
      {"7、完善", ListMarkerForm::kArabicComma, 7, "7、"},
      {"2023、深化", ListMarkerForm::kArabicComma, 2023, "2023、"},
      {"3.推进", ListMarkerForm::kArabicDot, 3, "3."},
      {"１２．推进", ListMarkerForm::kArabicDot, 12, "１２．"},
      {"(4)开展", ListMarkerForm::kArabicParen, 4, "(4)"},
      {"⑸改进", ListMarkerForm::kParenNumeral, 5, "⑸"},
      {"⑦提高", ListMarkerForm::kCircled, 7, "⑦"},
  };
  for (const Expected& c : cases) {
    const std::optional<ListMarker> m = MatchListMarker(c.text, 0);
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->form, c.form) << c.text;
    EXPECT_EQ(m->ordinal, c.ordinal) << c.text;
    EXPECT_EQ(c.text.substr(0, m->length), c.marker) << c.text;
  }
}

TEST(ListMarker, NumbersAndWordsAreNoMarkers) {
  for (std::string_view text : {"1.5万元", "2023年", "(2023)", "一些", "第一次", "十分重要", "（注）", "0、", "3.\n"}) {
    EXPECT_FALSE(MatchListMarker(text, 0).has_value()) << text;
  }
}

TEST(ListMarker, AnOpenDotListTakesTheNextItemBeforeADigit) {
  // "20.2026年…" after "19." is item 20; alone it is the number 20.2026.
  EXPECT_FALSE(MatchListMarker("20.2026年", 0).has_value());
  const std::optional<ListMarker> m = MatchListMarker("20.2026年", 0, /*next_dot=*/20);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->ordinal, 20);
}

TEST(ListMarker, SmallChineseNumbers) {
  EXPECT_EQ(SmallChineseNumber("一"), 1);
  EXPECT_EQ(SmallChineseNumber("十"), 10);
  EXPECT_EQ(SmallChineseNumber("十九"), 19);
  EXPECT_EQ(SmallChineseNumber("两"), 2);
  EXPECT_EQ(SmallChineseNumber("九十九"), 99);
  EXPECT_EQ(SmallChineseNumber("一一"), -1);
  EXPECT_EQ(SmallChineseNumber("百"), -1);
  EXPECT_EQ(SmallChineseNumber(""), -1);
}

TEST(ListMarker, BlocksOpenAtIndentsMarkersOrdinalsParallelItemsBulletsAndDashedNumbers) {
  for (std::string_view line : {"\u3000\u3000今年", " 今年", "一、总体", "（一）", "第三章 总则", "第二条", "二是加强",
                                "● 重点", "—1—", "- 2 -", "⑴推进", ""}) {
    EXPECT_TRUE(OpensBlock(line, 0)) << line;
  }
  for (std::string_view line : {"今年以来", "工作，", "是加强", "第一次", "1.5万元", "—今年"}) {
    EXPECT_FALSE(OpensBlock(line, 0)) << line;
  }
  EXPECT_TRUE(OpensParallelItem("重点。三是落实", std::string_view("重点。").size()));
  EXPECT_FALSE(OpensParallelItem("两是", 0));
}

}  // namespace
}  // namespace wenshu::text
