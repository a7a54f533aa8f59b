// Decimal arithmetic, ParseNumber, ParsePercent and FindNumbers.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "quantity/numeral.h"
#include "text/utf8.h"
#include "wenshu/quantity.h"

namespace wenshu {
namespace {

std::string Parsed(std::string_view text) {
  auto v = ParseNumber(text);
  return v ? v->ToString() : "<none>";
}

TEST(DecimalTest, PrintsShortestExactDecimal) {
  EXPECT_EQ(Decimal::FromInt(21600).ToString(), "21600");
  EXPECT_EQ(Decimal::FromParts(704, -1).ToString(), "70.4");
  EXPECT_EQ(Decimal::FromParts(-5, -2).ToString(), "-0.05");
  EXPECT_EQ(Decimal().ToString(), "0");
  EXPECT_EQ(Decimal::FromString("4.800")->ToString(), "4.8");
  EXPECT_EQ(Decimal::FromString("-12.50")->ToString(), "-12.5");
  EXPECT_FALSE(Decimal::FromString("1.2.3").has_value());
  EXPECT_FALSE(Decimal::FromString("").has_value());
}

TEST(DecimalTest, AdditionIsExact) {
  auto sum = Decimal::FromString("0.1")->Add(*Decimal::FromString("0.2"));
  ASSERT_TRUE(sum.has_value());
  EXPECT_EQ(sum->ToString(), "0.3");
  EXPECT_EQ(*sum, *Decimal::FromString("0.30"));
  auto total = Decimal::FromInt(4771).Add(Decimal::FromInt(6774))->Add(Decimal::FromInt(14796));
  EXPECT_EQ(*total, Decimal::FromInt(26341));
  EXPECT_EQ(Decimal::FromInt(5).Subtract(Decimal::FromInt(7))->ToString(), "-2");
  EXPECT_EQ(Decimal::FromString("2.16")->ScaleByPowerOfTen(4).ToString(), "21600");
  EXPECT_EQ(Decimal::FromString("1.5")->Multiply(*Decimal::FromString("0.2"))->ToString(), "0.3");
}

TEST(DecimalTest, OverflowIsReportedNotRounded) {
  Decimal big = Decimal::FromInt(INT64_MAX);
  EXPECT_FALSE(big.Add(Decimal::FromInt(1)).has_value());
  EXPECT_FALSE(big.Multiply(Decimal::FromInt(3)).has_value());
  // Trailing zeros live in the exponent, so huge round numbers are fine.
  EXPECT_EQ(Decimal::FromInt(1).ScaleByPowerOfTen(20).ToString(), "100000000000000000000");
}

TEST(DecimalTest, ComparesAcrossExponents) {
  EXPECT_EQ(Decimal::FromString("70.4")->Compare(*Decimal::FromString("70.40")), 0);
  EXPECT_LT(*Decimal::FromString("0.9"), *Decimal::FromString("1"));
  EXPECT_LT(*Decimal::FromString("-3"), *Decimal::FromString("-2.5"));
  EXPECT_LT(*Decimal::FromString("99"), Decimal::FromInt(1).ScaleByPowerOfTen(2));
  EXPECT_DOUBLE_EQ(Decimal::FromString("70.4")->ToDouble(), 70.4);
}

TEST(ParseNumberTest, ArabicAndFullWidth) {
  EXPECT_EQ(Parsed("1,234.5"), "1234.5");
  EXPECT_EQ(Parsed("１２３"), "123");
  EXPECT_EQ(Parsed("４，５６５"), "4565");
  EXPECT_EQ(Parsed("２．２"), "2.2");
  EXPECT_EQ(Parsed("-10000"), "-10000");
  EXPECT_EQ(Parsed("1,050,000,000"), "1050000000");
  EXPECT_EQ(Parsed("10.233"), "10.233");
}

TEST(ParseNumberTest, ChineseNumerals) {
  EXPECT_EQ(Parsed("零"), "0");
  EXPECT_EQ(Parsed("十"), "10");
  EXPECT_EQ(Parsed("十二万三千"), "123000");
  EXPECT_EQ(Parsed("两千"), "2000");
  EXPECT_EQ(Parsed("一点五"), "1.5");
  EXPECT_EQ(Parsed("一千零一十"), "1010");
  EXPECT_EQ(Parsed("一千零十一"), "1011");
  EXPECT_EQ(Parsed("一亿零一"), "100000001");
  EXPECT_EQ(Parsed("四万万"), "400000000");
  EXPECT_EQ(Parsed("二十一万亿"), "21000000000000");
  EXPECT_EQ(Parsed("一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一"),
            "1111111111111111");
  EXPECT_EQ(Parsed("壹仟壹佰壹拾壹"), "1111");
  EXPECT_EQ(Parsed("肆佰陸拾"), "460");
  EXPECT_EQ(Parsed("廿二"), "22");
  EXPECT_EQ(Parsed("负十一"), "-11");
  EXPECT_EQ(Parsed("零点零零一"), "0.001");
  EXPECT_EQ(Parsed("两千万点五五四四"), "20000000.5544");
}

TEST(ParseNumberTest, AbbreviatedTails) {
  EXPECT_EQ(Parsed("三千五"), "3500");
  EXPECT_EQ(Parsed("一万三"), "13000");
  EXPECT_EQ(Parsed("两百五"), "250");
  EXPECT_EQ(Parsed("一百二十万三"), "1203000");
  EXPECT_EQ(Parsed("一千零五"), "1005");  // after 零 the digit is units
}

TEST(ParseNumberTest, DigitByDigitReadings) {
  EXPECT_EQ(Parsed("二〇〇六"), "2006");
  EXPECT_EQ(Parsed("一九五八"), "1958");
  EXPECT_EQ(Parsed("一七二零点一"), "1720.1");
}

TEST(ParseNumberTest, MixedArabicAndMultipliers) {
  EXPECT_EQ(Parsed("1.5万"), "15000");
  EXPECT_EQ(Parsed("3亿"), "300000000");
  EXPECT_EQ(Parsed("20.6万"), "206000");
  EXPECT_EQ(Parsed("15.97万"), "159700");
  EXPECT_EQ(Parsed("2.16万"), "21600");
  EXPECT_EQ(Parsed("100万三千"), "1003000");
  EXPECT_EQ(Parsed("200亿零四千230"), "20000004230");
  EXPECT_EQ(Parsed("1万600"), "10600");
  EXPECT_EQ(Parsed("4.78万亿"), "4780000000000");
  EXPECT_EQ(Parsed("一百点123"), "100.123");
  EXPECT_EQ(Parsed("-10.1万"), "-101000");
}

TEST(ParseNumberTest, RejectsWhatIsNotOneNumber) {
  for (const char* bad : {"", "万", "负", "零点", "点零", "点一", "百十一", "十一十二", "10.1万零100",
                          "10..1万", "一二三四五六七八九十", "12a", "三万四万"}) {
    EXPECT_FALSE(ParseNumber(bad).has_value()) << bad;
  }
}

TEST(ParsePercentTest, Forms) {
  EXPECT_EQ(ParsePercent("70.4%")->ToString(), "70.4");
  EXPECT_EQ(ParsePercent("７０％")->ToString(), "70");
  EXPECT_EQ(ParsePercent("百分之九十")->ToString(), "90");
  EXPECT_EQ(ParsePercent("千分之五")->ToString(), "0.5");
  EXPECT_EQ(ParsePercent("负3.9%")->ToString(), "-3.9");
  EXPECT_FALSE(ParsePercent("70.4").has_value());
}

struct Found {
  std::string text;
  std::string value;
};

std::vector<Found> FindAll(std::string_view text) {
  std::vector<Found> out;
  for (const NumberMatch& m : FindNumbers(text)) {
    out.push_back({std::string(text.substr(m.span.begin, m.span.size())), m.value.ToString()});
  }
  return out;
}

MATCHER_P2(IsFound, text, value, "") { return arg.text == text && arg.value == value; }

TEST(FindNumbersTest, FindsNumbersInRunningText) {
  EXPECT_THAT(FindAll("全区有在校学生26341人(高中4771人,初中6774人)"),
              ::testing::ElementsAre(IsFound("26341", "26341"), IsFound("4771", "4771"),
                                     IsFound("6774", "6774")));
  EXPECT_THAT(FindAll("老年人2.16万人，新建四个社区"),
              ::testing::ElementsAre(IsFound("2.16万", "21600"), IsFound("四", "4")));
  EXPECT_THAT(FindAll("二百五, 二百五, 还有二百五。"),
              ::testing::ElementsAre(IsFound("二百五", "250"), IsFound("二百五", "250"),
                                     IsFound("二百五", "250")));
  EXPECT_THAT(FindAll("1, 234, 567"), ::testing::ElementsAre(IsFound("1", "1"), IsFound("234", "234"),
                                                             IsFound("567", "567")));
}

TEST(FindNumbersTest, SkipsNumeralsInsideWords) {
  EXPECT_TRUE(FindAll("进一步统一思想，一些同志一直在四川工作，十分重要").empty());
  EXPECT_TRUE(FindAll("我准备要退伍了，小明每天收拾房间，登陆部队").empty());
  EXPECT_TRUE(FindAll("万一").empty());
}

TEST(FindNumbersTest, OrdinalsAndPercents) {
  auto found = FindNumbers("第三届运动会，参保率达到70.4%，百分之九十的群众");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_TRUE(found[0].ordinal);
  EXPECT_EQ(found[0].value.ToString(), "3");
  EXPECT_TRUE(found[1].percent);
  EXPECT_EQ(found[1].value.ToString(), "70.4");
  EXPECT_TRUE(found[2].percent);
  EXPECT_EQ(found[2].value.ToString(), "90");
}

TEST(FindNumbersTest, DashAfterDigitIsNotASign) {
  EXPECT_THAT(FindAll("1-6月"), ::testing::ElementsAre(IsFound("1", "1"), IsFound("6", "6")));
}

TEST(FindNumbersTest, SurvivesBadBytes) {
  std::string text = "12\xff\xfe三\xe4\xb8";  // invalid bytes and a truncated character
  auto found = FindAll(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "12");
  EXPECT_EQ(found[1].value, "3");
  EXPECT_TRUE(FindNumbers("").empty());
}

// The scanners step over a character where MayStartNumber says no number starts: FindNumberAt must find
// nothing there and continue right after it, whatever follows (a digit, a Chinese numeral, percent words).
TEST(FindNumberAtTest, FindsNothingWhereNoNumberMayStart) {
  size_t skipped = 0;
  for (char32_t c = 1; c <= 0xFFFF; ++c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || quantity_internal::MayStartNumber(c)) continue;
    ++skipped;
    std::string head;
    text::AppendUtf8(c, &head);
    for (std::string_view after : {"5", "五", "百分之五", "十", "-3"}) {
      const std::string t = head + std::string(after);
      quantity_internal::NumeralRun run;
      NumberMatch match;
      size_t next = 0;
      ASSERT_FALSE(quantity_internal::FindNumberAt(t, 0, &run, &match, &next)) << t;
      ASSERT_EQ(next, head.size()) << t;
    }
  }
  EXPECT_GT(skipped, 60000u);
}

}  // namespace
}  // namespace wenshu
