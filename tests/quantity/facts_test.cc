// ExtractFacts on literal sentences from the seed report and from clean reports: quantities, money,
// percentages, subjects, parts of totals, year-on-year changes, dates and periods.
#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "quantity/facts_internal.h"
#include "support/test_data.h"
#include "wenshu/quantity.h"

namespace wenshu {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A compact, readable rendering of one quantity: "subject|value unit|kind".
std::string Show(const Quantity& q) {
  std::string s = std::string(q.subject) + "|" + q.value.ToString() + (q.upper ? "~" + q.upper->ToString() : "") + " " +
                  std::string(q.unit) + "|" + std::string(QuantityKindName(q.kind));
  if (q.approx) s += "|approx";
  return s;
}

std::vector<std::string> ShowAll(const Facts& facts) {
  std::vector<std::string> out;
  for (const Quantity& q : facts.quantities) out.push_back(Show(q));
  return out;
}

std::string Show(const Change& c) {
  return std::string(ChangeDirectionName(c.direction)) + " " + c.value.ToString() + " " + std::string(c.unit) +
         " vs " + std::string(c.baseline) + " of " + std::string(c.subject);
}

std::vector<std::string> ShowChanges(const Facts& facts) {
  std::vector<std::string> out;
  for (const Change& c : facts.changes) out.push_back(Show(c));
  return out;
}

const Quantity* FindQuantity(const Facts& facts, std::string_view text) {
  for (const Quantity& q : facts.quantities) {
    if (q.text == text) return &q;
  }
  return nullptr;
}

TEST(ExtractFactsTest, SeedFiguresComeOutRight) {
  Facts f = ExtractFacts("老年人2.16万人,其中空巢老人3683人。");
  ASSERT_EQ(f.quantities.size(), 2u);
  EXPECT_EQ(Show(f.quantities[0]), "老年人|21600 人|count");
  EXPECT_EQ(f.quantities[0].text, "2.16万人");
  EXPECT_EQ(f.quantities[1].part_of, 0);

  f = ExtractFacts("开展了应保尽保工作,1—5月为7642人次低保户发放低保金77万元。");
  ASSERT_EQ(f.quantities.size(), 2u);
  EXPECT_EQ(Show(f.quantities[0]), "低保户|7642 人次|count");
  EXPECT_EQ(Show(f.quantities[1]), "低保金|770000 元|money");
  ASSERT_EQ(f.dates.size(), 1u);
  EXPECT_EQ(f.dates[0].text, "1—5月");

  f = ExtractFacts("开展了应急救助工作,为19名困难群众发放应急救助金6.3万元。");
  EXPECT_THAT(ShowAll(f), ElementsAre("困难群众|19 名|count", "应急救助金|63000 元|money"));

  f = ExtractFacts("1-6月,为1597人/次(275户)特困残疾人发放专项生活补助金15.97万元。");
  ASSERT_EQ(f.quantities.size(), 3u);
  EXPECT_EQ(f.quantities[0].text, "1597人/次");
  EXPECT_EQ(Show(f.quantities[0]), "特困残疾人|1597 人次|count");
  EXPECT_EQ(f.quantities[1].value.ToString(), "275");
  EXPECT_EQ(f.quantities[1].unit, "户");
  EXPECT_EQ(f.quantities[1].part_of, -1);  // households are not a part of person-times
  EXPECT_EQ(Show(f.quantities[2]), "专项生活补助金|159700 元|money");
  ASSERT_EQ(f.dates.size(), 1u);
  EXPECT_EQ(f.dates[0].month, 1);
  ASSERT_TRUE(f.dates[0].end.has_value());
  EXPECT_EQ(f.dates[0].end->month, 6);
  EXPECT_EQ(f.dates[0].part, "months");

  f = ExtractFacts("社会力量兴办幼儿园27所,较上年减少2所,在园幼儿3200人。");
  EXPECT_THAT(ShowAll(f), ElementsAre("社会力量兴办幼儿园|27 所|count", "在园幼儿|3200 人|count"));
  EXPECT_THAT(ShowChanges(f), ElementsAre("decrease 2 所 vs 上年 of 社会力量兴办幼儿园"));
  EXPECT_EQ(f.changes[0].quantity, 0);
  EXPECT_EQ(f.changes[0].text, "较上年减少2所");
}

TEST(ExtractFactsTest, SubjectsAndPartsOfATotal) {
  Facts f = ExtractFacts(
      "全区有在校学生26341人(高中4771人,初中6774人,小学14796人),教师1656人(在编在岗教师1306人,"
      "离退休教师349人)。");
  EXPECT_THAT(ShowAll(f), ElementsAre("在校学生|26341 人|count", "高中|4771 人|count", "初中|6774 人|count",
                                      "小学|14796 人|count", "教师|1656 人|count",
                                      "在编在岗教师|1306 人|count", "离退休教师|349 人|count"));
  std::vector<int> parts;
  for (const Quantity& q : f.quantities) parts.push_back(q.part_of);
  EXPECT_THAT(parts, ElementsAre(-1, 0, 0, 0, -1, 4, 4));
  // The report can check sums exactly.
  Decimal sum;
  for (const Quantity& q : f.quantities) {
    if (q.part_of == 0) sum = *sum.Add(q.value);
  }
  EXPECT_EQ(sum, f.quantities[0].value);
}

TEST(ExtractFactsTest, QizhongListsWithNestedParentheses) {
  Facts f = ExtractFacts(
      "1、全区现有中小学16所,其中直属学校7所(高完中2所,九年一贯制学校1所,小学4所),街道办事处所属学校8所"
      "(初中1所,小学7所),民办十二年一贯制学校1所。");
  const Quantity* total = FindQuantity(f, "16所");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->subject, "中小学");
  int total_index = static_cast<int>(total - f.quantities.data());
  std::vector<std::string> parts;
  for (const Quantity& q : f.quantities) {
    if (q.part_of == total_index) parts.push_back(std::string(q.subject) + q.value.ToString());
  }
  EXPECT_THAT(parts, ElementsAre("直属学校7", "街道办事处所属学校8", "民办十二年一贯制学校1"));
  // The list marker "1、" and the descriptors 九年/十二年 are not figures.
  for (const Quantity& q : f.quantities) {
    EXPECT_NE(q.unit, "年") << q.text;
  }
  EXPECT_EQ(FindQuantity(f, "1"), nullptr);
}

TEST(ExtractFactsTest, MoneyPartsAfterQizhong) {
  Facts f = ExtractFacts(
      "全区有1320232名学生享受免费义务教育,涉及金额3826000元,其中农村居民子女1575人,免费468421元,"
      "失地农民子女11517人3357579元。");
  const Quantity* total = FindQuantity(f, "3826000元");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->kind, QuantityKind::kMoney);
  int total_index = static_cast<int>(total - f.quantities.data());
  Decimal sum;
  int parts = 0;
  for (const Quantity& q : f.quantities) {
    if (q.part_of == total_index) {
      sum = *sum.Add(q.value);
      ++parts;
    }
  }
  EXPECT_EQ(parts, 2);
  EXPECT_EQ(sum, total->value);
}

TEST(ExtractFactsTest, ChangesBindToTheirSubjects) {
  Facts f = ExtractFacts("全区现有各类民政、优抚对象720234人,较上年增加304人。");
  EXPECT_THAT(ShowAll(f), ElementsAre("各类民政、优抚对象|720234 人|count"));
  EXPECT_THAT(ShowChanges(f), ElementsAre("increase 304 人 vs 上年 of 各类民政、优抚对象"));

  f = ExtractFacts("有低保户800户、1576人,较上年减少52户、138人。");
  EXPECT_THAT(ShowAll(f), ElementsAre("低保户|800 户|count", "低保户|1576 人|count"));
  EXPECT_THAT(ShowChanges(f), ElementsAre("decrease 52 户 vs 上年 of 低保户", "decrease 138 人 vs 上年 of 低保户"));
  EXPECT_EQ(f.changes[0].quantity, 0);
  EXPECT_EQ(f.changes[1].quantity, 1);

  f = ExtractFacts("有残疾人2271人,特困残疾人275人,分别较上年增加147人和15人。");
  EXPECT_THAT(ShowChanges(f), ElementsAre("increase 147 人 vs 上年 of 残疾人",
                                          "increase 15 人 vs 上年 of 特困残疾人"));

  f = ExtractFacts("敬老院2个,床位135张,分别较上年增加1个和7张床位。");
  EXPECT_THAT(ShowChanges(f), ElementsAre("increase 1 个 vs 上年 of 敬老院", "increase 7 张 vs 上年 of 床位"));

  f = ExtractFacts("全区现有社区卫生效劳中心(站)6个,较2023年减少2个。",
                   FactOptions{{Span{std::string_view("全区现有社区卫生效劳中心(站)6个,较").size(),
                                     std::string_view("全区现有社区卫生效劳中心(站)6个,较2023").size()}}});
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.changes[0].baseline, "2023年");
  EXPECT_EQ(f.changes[0].direction, ChangeDirection::kDecrease);
  EXPECT_EQ(f.changes[0].value.ToString(), "2");
  ASSERT_EQ(f.dates.size(), 1u);
  EXPECT_TRUE(f.dates[0].year_masked);
  EXPECT_FALSE(f.dates[0].year.has_value());
}

TEST(ExtractFactsTest, PercentChangesAndMultiples) {
  Facts f = ExtractFacts("全市地区生产总值完成1200亿元,同比增长8.5%。");
  EXPECT_THAT(ShowAll(f), ElementsAre("地区生产总值|120000000000 元|money"));
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(Show(f.changes[0]), "increase 8.5 % vs 同比 of 地区生产总值");
  EXPECT_EQ(f.changes[0].kind, QuantityKind::kPercent);

  f = ExtractFacts("城镇登记失业率比2005年下降3个百分点。");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.changes[0].kind, QuantityKind::kPercentagePoint);
  EXPECT_EQ(f.changes[0].baseline, "2005年");
  EXPECT_EQ(f.changes[0].direction, ChangeDirection::kDecrease);

  f = ExtractFacts("出口总额增长1.5倍。");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.changes[0].unit, "倍");
  EXPECT_EQ(f.changes[0].value.ToString(), "1.5");
  EXPECT_TRUE(f.changes[0].baseline.empty());

  // 提高到 is a level, not a change.
  f = ExtractFacts("筹资标准从原来的人均30元提高到人均60元。");
  EXPECT_THAT(ShowChanges(f), IsEmpty());
  ASSERT_EQ(f.quantities.size(), 2u);
  EXPECT_EQ(f.quantities[1].value.ToString(), "60");
}

TEST(ExtractFactsTest, PercentagesAndPercentagePoints) {
  Facts f = ExtractFacts("少儿互助金的参保率到达70.4%,百分之九十的群众满意,高出3个百分点。");
  ASSERT_GE(f.quantities.size(), 2u);
  EXPECT_EQ(Show(f.quantities[0]), "少儿互助金的参保率|70.4 %|percent");
  EXPECT_EQ(f.quantities[1].value.ToString(), "90");
  EXPECT_EQ(f.quantities[1].kind, QuantityKind::kPercent);
  EXPECT_EQ(f.quantities[1].text, "百分之九十");
  const Quantity* points = FindQuantity(f, "3个百分点");
  ASSERT_NE(points, nullptr);
  EXPECT_EQ(points->kind, QuantityKind::kPercentagePoint);
}

TEST(ExtractFactsTest, QualifiersAreKept) {
  Facts f = ExtractFacts("方案生育效劳人群约30万人,其中户籍人口数20.6万人,流动人口8万人。");
  ASSERT_EQ(f.quantities.size(), 3u);
  EXPECT_EQ(f.quantities[0].value.ToString(), "300000");
  EXPECT_TRUE(f.quantities[0].approx);
  EXPECT_THAT(f.quantities[0].qualifiers, ElementsAre("约"));
  EXPECT_EQ(f.quantities[0].text, "约30万人");
  EXPECT_EQ(f.quantities[1].value.ToString(), "206000");
  EXPECT_EQ(f.quantities[1].part_of, 0);
  EXPECT_EQ(f.quantities[2].part_of, 0);

  f = ExtractFacts("已完成平移4500余户,标准化率到达了95以上,组织了参赛人员近千人次,培训200人左右。");
  const Quantity* households = FindQuantity(f, "4500余户");
  ASSERT_NE(households, nullptr);
  EXPECT_TRUE(households->approx);
  EXPECT_EQ(households->unit, "户");
  const Quantity* rate = FindQuantity(f, "95以上");
  ASSERT_NE(rate, nullptr);
  EXPECT_THAT(rate->qualifiers, ElementsAre("以上"));
  EXPECT_EQ(rate->subject, "标准化率");
  const Quantity* about = FindQuantity(f, "200人左右");
  ASSERT_NE(about, nullptr);
  EXPECT_TRUE(about->approx);
}

TEST(ExtractFactsTest, ChineseNumeralQuantitiesAndRanges) {
  Facts f = ExtractFacts("新建四个社区,投入资金十二万三千元,这些苹果大概有20~100个。");
  EXPECT_THAT(ShowAll(f), ElementsAre("社区|4 个|count", "投入资金|123000 元|money",
                                      "这些苹果大概|20~100 个|count|approx"));
}

TEST(ExtractFactsTest, DatesAndPeriods) {
  Facts f = ExtractFacts(
      "2023年4月7日,省教育厅完成审查。4月份-5月份屡次磋商,并于5月21日-29日接待了访问。今年9月1日启动,"
      "今秋开学。2023年上半年工作总结,第一季度,一九五八年,二〇〇六年春季。");
  std::vector<std::string> texts;
  for (const DateFact& d : f.dates) texts.emplace_back(d.text);
  EXPECT_THAT(texts, ElementsAre("2023年4月7日", "4月份-5月份", "5月21日-29日", "今年9月1日", "今秋",
                                 "2023年上半年", "第一季度", "一九五八年", "二〇〇六年春季"));
  ASSERT_EQ(f.dates.size(), 9u);
  EXPECT_EQ(f.dates[0].year, 2023);
  EXPECT_EQ(f.dates[0].month, 4);
  EXPECT_EQ(f.dates[0].day, 7);
  ASSERT_TRUE(f.dates[1].end.has_value());
  EXPECT_EQ(f.dates[1].month, 4);
  EXPECT_EQ(f.dates[1].end->month, 5);
  ASSERT_TRUE(f.dates[2].end.has_value());
  EXPECT_EQ(f.dates[2].day, 21);
  EXPECT_EQ(f.dates[2].end->month, 5);  // shared with the start
  EXPECT_EQ(f.dates[2].end->day, 29);
  EXPECT_EQ(f.dates[3].relative_year, 0);
  EXPECT_EQ(f.dates[3].month, 9);
  EXPECT_EQ(f.dates[4].part, "autumn");
  EXPECT_EQ(f.dates[5].part, "H1");
  EXPECT_EQ(f.dates[6].part, "Q1");
  EXPECT_EQ(f.dates[7].year, 1958);
  EXPECT_EQ(f.dates[8].year, 2006);
  EXPECT_EQ(f.dates[8].part, "spring");
  // No quantity inside a date.
  EXPECT_THAT(ShowAll(f), IsEmpty());
}

TEST(ExtractFactsTest, MaskedYearsAreNotInvented) {
  std::string text = "2023年4月7日,省教育厅完成审查。";
  Facts f = ExtractFacts(text, FactOptions{{Span{0, 4}}});
  ASSERT_EQ(f.dates.size(), 1u);
  EXPECT_TRUE(f.dates[0].year_masked);
  EXPECT_FALSE(f.dates[0].year.has_value());
  EXPECT_EQ(f.dates[0].month, 4);
  EXPECT_EQ(f.dates[0].day, 7);
}

TEST(ExtractFactsTest, MarkersLabelsAndCodesAreNotQuantities) {
  Facts f = ExtractFacts(
      "(一)开展概况\n1、全区情况良好。\n2023、稳步推进。正式行文(川教外事函[2023]83号)上报。"
      "网站客服:3074922707\n第三届运动会在第2页,“1223”开展战略,cpg2集团。");
  EXPECT_THAT(ShowAll(f), IsEmpty());
}

TEST(ExtractFactsTest, SpansAreByteOffsetsIntoTheInput) {
  std::string text = "社区19个,较上年增加2个。";
  Facts f = ExtractFacts(text);
  ASSERT_EQ(f.quantities.size(), 1u);
  const Quantity& q = f.quantities[0];
  EXPECT_EQ(text.substr(q.span.begin, q.span.size()), "19个");
  EXPECT_EQ(text.substr(q.subject_span.begin, q.subject_span.size()), "社区");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(text.substr(f.changes[0].span.begin, f.changes[0].span.size()), "较上年增加2个");
}

TEST(ExtractFactsTest, BadInputNeverCrashes) {
  EXPECT_THAT(ShowAll(ExtractFacts("")), IsEmpty());
  std::string bad = "有\xff\xfe学生12人\xe4\xb8";
  Facts f = ExtractFacts(bad);
  ASSERT_EQ(f.quantities.size(), 1u);
  EXPECT_EQ(f.quantities[0].value.ToString(), "12");
  std::string nul("学生\0""5人", 11);
  EXPECT_EQ(ExtractFacts(nul).quantities.size(), 1u);
  std::string long_run(100000, '9');
  EXPECT_NO_FATAL_FAILURE(ExtractFacts(long_run));
  std::string long_numerals;
  for (int i = 0; i < 5000; ++i) long_numerals += "一二三四五六七八九十百千万亿";
  EXPECT_NO_FATAL_FAILURE(ExtractFacts(long_numerals));
}

TEST(ExtractFactsTest, WholeSeedParsesWithExpectedFigures) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: the seed report is not available";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  Facts f = ExtractFacts(*text);
  EXPECT_GT(f.quantities.size(), 80u);
  EXPECT_GT(f.changes.size(), 15u);
  EXPECT_GT(f.dates.size(), 10u);
  auto value_of = [&](std::string_view t) -> std::string {
    const Quantity* q = FindQuantity(f, t);
    return q ? q->value.ToString() + " " + std::string(q->unit) : "<missing>";
  };
  EXPECT_EQ(value_of("2.16万人"), "21600 人");
  EXPECT_EQ(value_of("77万元"), "770000 元");
  EXPECT_EQ(value_of("6.3万元"), "63000 元");
  EXPECT_EQ(value_of("15.97万元"), "159700 元");
  EXPECT_EQ(value_of("1597人/次"), "1597 人次");
  for (const Quantity& q : f.quantities) {
    for (const DateFact& d : f.dates) EXPECT_FALSE(q.span.Overlaps(d.span)) << q.text << " in " << d.text;
  }
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

std::string QuantityString(std::string_view text) {
  auto q = ParseQuantity(text);
  if (!q) return "<none>";
  std::string s = q->value.ToString();
  if (q->upper) s += "~" + q->upper->ToString();
  s += " " + std::string(q->unit) + " " + std::string(QuantityKindName(q->kind));
  if (q->approx) s += " approx";
  return s;
}

TEST(ParseQuantityTest, MoneyInAllItsForms) {
  EXPECT_EQ(QuantityString("77万元"), "770000 元 money");
  EXPECT_EQ(QuantityString("123元1角1分"), "123.11 元 money");
  EXPECT_EQ(QuantityString("六十四万零一百四十三元一角七分"), "640143.17 元 money");
  EXPECT_EQ(QuantityString("壹拾壹元整"), "11 元 money");
  EXPECT_EQ(QuantityString("玖仟陆佰陆拾伍圆壹角捌分"), "9665.18 元 money");
  EXPECT_EQ(QuantityString("十块三毛"), "10.3 元 money");
  EXPECT_EQ(QuantityString("一百三十五块六角七分钱"), "135.67 元 money");
  EXPECT_EQ(QuantityString("肆角叁分"), "0.43 元 money");
  EXPECT_EQ(QuantityString("壹分"), "0.01 元 money");
  EXPECT_EQ(QuantityString("约4.287亿美元"), "428700000 美元 money approx");
  EXPECT_EQ(QuantityString("港币两千九百六十元"), "2960 港元 money");
  EXPECT_EQ(QuantityString("人民币3.14"), "3.14 元 money");
  EXPECT_EQ(QuantityString("233,333，333,434.344元"), "233333333434.344 元 money");
  EXPECT_EQ(QuantityString("三百万"), "3000000  plain");  // a bare number is not money
}

TEST(ParseQuantityTest, RangesAndBounds) {
  EXPECT_EQ(QuantityString("1万-5万元"), "10000~50000 元 money approx");
  EXPECT_EQ(QuantityString("1万元--5万元"), "10000~50000 元 money approx");
  EXPECT_EQ(QuantityString("两到三万港元"), "20000~30000 港元 money approx");
  EXPECT_EQ(QuantityString("一百二十到一百五十万元"), "1200000~1500000 元 money approx");
  EXPECT_EQ(QuantityString("300~500人"), "300~500 人 count approx");
  EXPECT_EQ(QuantityString("十几万"), "100000  plain approx");
  EXPECT_EQ(QuantityString("500多亿"), "50000000000  plain approx");
  EXPECT_EQ(QuantityString("三十万多亿"), "30000000000000  plain approx");
  auto q = ParseQuantity("4500余户");
  ASSERT_TRUE(q.has_value());
  EXPECT_THAT(q->qualifiers, ElementsAre("余"));
  q = ParseQuantity("至少九千块钱以上");
  ASSERT_TRUE(q.has_value());
  EXPECT_THAT(q->qualifiers, ElementsAre("至少", "以上"));
}

TEST(ParseQuantityTest, MeasuresAndPercentForms) {
  EXPECT_EQ(QuantityString("9.37亿平方米"), "937000000 平方米 measure");
  EXPECT_EQ(QuantityString("1.5公斤"), "1.5 千克 measure");
  EXPECT_EQ(QuantityString("零下四摄氏度"), "-4 ℃ measure");
  EXPECT_EQ(QuantityString("百分之五十五点五"), "55.5 % percent");
  EXPECT_EQ(QuantityString("百万分之五"), "0.0005 % percent");
  EXPECT_EQ(QuantityString("百分之百"), "100 % percent");
  EXPECT_EQ(QuantityString("负百分之十三"), "-13 % percent");
  EXPECT_EQ(QuantityString("２．４个百分点"), "2.4 个百分点 percentage_point");
  EXPECT_EQ(QuantityString("七成"), "70 % percent");
  EXPECT_EQ(QuantityString("不是数字"), "<none>");
  EXPECT_EQ(QuantityString("3人和4人"), "<none>");  // two quantities
}

// Dates written with separators, year first, as notices and tables give them; their parts were read as
// figures (2024.12 as a decimal, 31 as a count) or not at all.
TEST(ExtractFactsTest, DatesWithSeparators) {
  Facts f = ExtractFacts("会议于2025-01-10召开。截至2025/3/31,完成投资5亿元。2024.12.31前完成。");
  std::vector<std::string> texts;
  for (const DateFact& d : f.dates) texts.emplace_back(d.text);
  EXPECT_THAT(texts, ElementsAre("2025-01-10", "2025/3/31", "2024.12.31"));
  ASSERT_EQ(f.dates.size(), 3u);
  EXPECT_EQ(f.dates[0].year, 2025);
  EXPECT_EQ(f.dates[0].month, 1);
  EXPECT_EQ(f.dates[0].day, 10);
  EXPECT_EQ(f.dates[1].month, 3);
  EXPECT_EQ(f.dates[2].year, 2024);
  EXPECT_EQ(f.dates[2].day, 31);
  EXPECT_THAT(ShowAll(f), ElementsAre("投资|500000000 元|money"));
  // Not a date: a month or day out of range, mixed separators, a longer dotted code, a decimal.
  Facts g = ExtractFacts("编号2025-13-01,2025-02-32,2025-01/10,版本2025.1.2.3,增长2025.1%。");
  EXPECT_THAT(g.dates, IsEmpty());
}

TEST(ExtractFactsTest, DateRangesWrittenOnce) {
  Facts f = ExtractFacts("2019年4月12-19日召开,2018年2——4月完成,1月3至2月10检查,他在10月22出生。");
  std::vector<std::string> texts;
  for (const DateFact& d : f.dates) texts.emplace_back(d.text);
  EXPECT_THAT(texts, ElementsAre("2019年4月12-19日", "2018年2——4月", "1月3至2月10", "10月22"));
  ASSERT_EQ(f.dates.size(), 4u);
  ASSERT_TRUE(f.dates[0].end.has_value());
  EXPECT_EQ(f.dates[0].end->year, 2019);
  EXPECT_EQ(f.dates[0].end->month, 4);
  EXPECT_EQ(f.dates[0].end->day, 19);
  ASSERT_TRUE(f.dates[1].end.has_value());
  EXPECT_EQ(f.dates[1].month, 2);
  EXPECT_EQ(f.dates[1].end->month, 4);
  ASSERT_TRUE(f.dates[2].end.has_value());
  EXPECT_EQ(f.dates[2].end->month, 2);
  EXPECT_EQ(f.dates[2].end->day, 10);
  EXPECT_EQ(f.dates[3].day, 22);
  EXPECT_TRUE(f.quantities.empty());
}

TEST(ExtractFactsTest, IdentifiersAndUnitAbbreviations) {
  EXPECT_TRUE(FindNumbers("B2B和O2O模式,H1N1流感,5G网络").empty());
  auto found = FindNumbers("实际面积120m²,重324.75g,价格是HKD13.5");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2].value.ToString(), "13.5");
}

TEST(ExtractFactsTest, InvariantsHoldOnTheCleanCorpora) {
  auto docs = testing::CleanCorpusDocuments();
  if (docs.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: no clean corpora";
  size_t quantities = 0, changes = 0, dates = 0;
  for (const auto& doc : docs) {
    Facts f = ExtractFacts(doc.text);
    quantities += f.quantities.size();
    changes += f.changes.size();
    dates += f.dates.size();
    size_t last = 0;
    for (size_t i = 0; i < f.quantities.size(); ++i) {
      const Quantity& q = f.quantities[i];
      ASSERT_LE(q.span.end, doc.text.size()) << doc.name;
      ASSERT_EQ(q.text, doc.text.substr(q.span.begin, q.span.size())) << doc.name;
      EXPECT_GE(q.span.begin, last) << doc.name << ": quantities in text order";
      last = q.span.begin;
      if (!q.subject.empty()) {
        EXPECT_EQ(q.subject, doc.text.substr(q.subject_span.begin, q.subject_span.size())) << doc.name;
      }
      if (q.part_of >= 0) {
        ASSERT_LT(static_cast<size_t>(q.part_of), i) << doc.name;
        const Quantity& total = f.quantities[static_cast<size_t>(q.part_of)];
        EXPECT_EQ(total.unit, q.unit) << doc.name << ": " << q.text;
        EXPECT_LE(q.value.Compare(total.value), 0) << doc.name << ": " << q.text << " in " << total.text;
      }
      if (q.upper) {
        EXPECT_LT(q.value.Compare(*q.upper), 0) << doc.name << ": " << q.text;
      }
    }
    for (const Change& c : f.changes) {
      ASSERT_EQ(c.text, doc.text.substr(c.span.begin, c.span.size())) << doc.name;
      EXPECT_FALSE(c.value.is_negative()) << doc.name << ": " << c.text;
      if (c.quantity >= 0) {
        ASSERT_LT(static_cast<size_t>(c.quantity), f.quantities.size());
      }
    }
    for (const DateFact& d : f.dates) {
      ASSERT_EQ(d.text, doc.text.substr(d.span.begin, d.span.size())) << doc.name;
      if (d.month) {
        EXPECT_TRUE(*d.month >= 1 && *d.month <= 12) << d.text;
      }
      if (d.day) {
        EXPECT_TRUE(*d.day >= 1 && *d.day <= 31) << d.text;
      }
      for (const Quantity& q : f.quantities) {
        EXPECT_FALSE(q.span.Overlaps(d.span)) << q.text << " in " << d.text;
      }
    }
  }
  // The national and provincial reports are full of figures.
  EXPECT_GT(quantities, 5000u);
  EXPECT_GT(changes, 500u);
  EXPECT_GT(dates, 500u);
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

// Random sentences built from the pieces the scanners care about: no crash, no out-of-range span,
// every fact's text is the bytes at its span.
TEST(ExtractFactsTest, RandomPiecesKeepSpansConsistent) {
  static const char* kPieces[] = {
      "1", "2", "0", "9", ".", ",", "，", "万", "亿", "千", "百", "十", "点", "零", "两", "一", "三", "负", "-", "—",
      "~", "至", "到", "%", "％", "元", "角", "分", "块", "人", "人/次", "个百分点", "倍", "年", "月", "日", "号",
      "第", "季度", "上半年", "今年", "(", ")", "（", "）", "其中", "较上年", "同比", "增加", "减少", "分别", "和",
      "、", "。", "\n", "约", "余", "多", "以上", "百分之", "壹", "拾", "肆", "学生", "有", "为", "a", "B",
      "\xff", "\xe4\xb8", "\0"};
  std::mt19937 rng(20231129);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int pieces = 1 + static_cast<int>(rng() % 24);
    for (int i = 0; i < pieces; ++i) {
      const char* p = kPieces[rng() % std::size(kPieces)];
      text += (p[0] == '\0') ? std::string(1, '\0') : std::string(p);
    }
    Facts f = ExtractFacts(text);
    for (const Quantity& q : f.quantities) {
      ASSERT_LE(q.span.end, text.size());
      ASSERT_EQ(q.text, text.substr(q.span.begin, q.span.size()));
      if (q.part_of >= 0) {
        ASSERT_LT(static_cast<size_t>(q.part_of), f.quantities.size());
      }
    }
    for (const Change& c : f.changes) {
      ASSERT_LE(c.span.end, text.size());
      ASSERT_EQ(c.text, text.substr(c.span.begin, c.span.size()));
    }
    for (const DateFact& d : f.dates) {
      ASSERT_LE(d.span.end, text.size());
      ASSERT_EQ(d.text, text.substr(d.span.begin, d.span.size()));
    }
    for (const NumberMatch& m : FindNumbers(text)) ASSERT_LE(m.span.end, text.size());
    (void)ParseNumber(text);
    (void)ParseQuantity(text);
  }
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

TEST(ExtractFactsTest, SpokenRangesOfNeighbouringDigits) {
  Facts f = ExtractFacts("培训十五六个班,用了三四年时间,投入三四百万元,一两个月,数值一二点三零。");
  EXPECT_THAT(ShowAll(f), ElementsAre("班|15~16 个|count|approx", "用|3~4 年|measure|approx",
                                      "投入|3000000~4000000 元|money|approx", "|1~2 个月|measure|approx"));
  auto found = FindNumbers("约二三十人");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].upper.has_value());
  EXPECT_EQ(found[0].value.ToString(), "20");
  EXPECT_EQ(found[0].upper->ToString(), "30");
  // Not ranges: digit-by-digit years and decimals.
  EXPECT_FALSE(FindNumbers("一九五八年")[0].upper.has_value());
  EXPECT_EQ(FindNumbers("数值一二点三零")[0].value.ToString(), "12.3");
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

TEST(ExtractFactsTest, ChangesWithoutAFigureKeepTheirWrittenSubject) {
  Facts f = ExtractFacts("城镇调查失业率比上年下降0.3个百分点,规模以上工业增加值增长了1.2倍。");
  EXPECT_THAT(ShowChanges(f), ElementsAre("decrease 0.3 个百分点 vs 上年 of 城镇调查失业率",
                                          "increase 1.2 倍 vs  of 规模以上工业增加值"));
  f = ExtractFacts("城镇登记失业率为4.2%,比上年下降0.3个百分点。");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.changes[0].quantity, 0);  // a percentage-point change binds to the percentage
  f = ExtractFacts("上海机场航空旅客和货邮吞吐量分别增长8.3%、7.9%。");
  EXPECT_THAT(ShowChanges(f), ElementsAre("increase 8.3 % vs  of 上海机场航空旅客和货邮吞吐量",
                                          "increase 7.9 % vs  of 上海机场航空旅客和货邮吞吐量"));
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

// "value~upper unit [qualifiers] of subject" for the target-style statements of government reports.
std::string ShowTarget(const Change& c) {
  std::string s = c.value.ToString() + (c.upper ? "~" + c.upper->ToString() : "") + " " + std::string(c.unit);
  for (const std::string& q : c.qualifiers) s += " " + q;
  if (c.shared_qualifier) s += " (shared)";
  return s + " of " + std::string(c.subject);
}

TEST(ExtractFactsTest, RangesOnChangesWithEverySeparator) {
  for (std::string_view dash : {"—", "–", "-", "－", "~", "～", "至", "到"}) {
    std::string text = "地区生产总值增长4.5%" + std::string(dash) + "5%，一般公共预算收入增长2%。";
    Facts f = ExtractFacts(text);
    ASSERT_EQ(f.changes.size(), 2u) << text;
    EXPECT_EQ(ShowTarget(f.changes[0]), "4.5~5 % of 地区生产总值") << text;
    EXPECT_EQ(ShowTarget(f.changes[1]), "2 % of 一般公共预算收入") << text;
    for (const Quantity& q : f.quantities) EXPECT_FALSE(q.value.is_negative()) << text;
  }
  Facts f = ExtractFacts("全省地区生产总值增长5%-5.5%，在实际工作中努力争取更好结果。");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(ShowTarget(f.changes[0]), "5~5.5 % of 地区生产总值");  // 全省 is a scope word
  EXPECT_TRUE(f.quantities.empty());  // no stray -5.5
  f = ExtractFacts("地区生产总值增长4.5-5%，在实际工作中争取更好结果。");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(ShowTarget(f.changes[0]), "4.5~5 % of 地区生产总值");
  f = ExtractFacts("国内生产总值增长6%－6.5%；城镇新增就业1100万人以上。");
  ASSERT_FALSE(f.changes.empty());
  EXPECT_EQ(ShowTarget(f.changes[0]), "6~6.5 % of 国内生产总值");
}

TEST(ExtractFactsTest, QualifiersOnChanges) {
  Facts f = ExtractFacts("社会消费品零售总额增长4%左右，外贸进出口总值增长10%以上，固定资产投资增长不低于5%。");
  ASSERT_EQ(f.changes.size(), 3u);
  EXPECT_EQ(ShowTarget(f.changes[0]), "4 % 左右 of 社会消费品零售总额");
  EXPECT_EQ(ShowTarget(f.changes[1]), "10 % 以上 of 外贸进出口总值");
  EXPECT_EQ(ShowTarget(f.changes[2]), "5 % 不低于 of 固定资产投资");
}

TEST(ExtractFactsTest, ATrailingQualifierIsSharedByTheListAndFlagged) {
  Facts f = ExtractFacts("城乡居民人均可支配收入分别增长5%、6.5%左右。");
  ASSERT_EQ(f.changes.size(), 2u);
  EXPECT_EQ(ShowTarget(f.changes[0]), "5 % 左右 (shared) of 城乡居民人均可支配收入");
  EXPECT_EQ(ShowTarget(f.changes[1]), "6.5 % 左右 (shared) of 城乡居民人均可支配收入");
  // Each item with its own qualifier: nothing shared.
  f = ExtractFacts("一产、二产、三产增加值分别增长5%左右、5%以上、5%左右。");
  ASSERT_EQ(f.changes.size(), 3u);
  EXPECT_EQ(ShowTarget(f.changes[1]), "5 % 以上 of 一产、二产、三产增加值");
  EXPECT_FALSE(f.changes[0].shared_qualifier);
}

TEST(ExtractFactsTest, EnergyAndAirQualityUnits) {
  EXPECT_THAT(ShowAll(ExtractFacts("新增新能源装机500万千瓦。")),
              ElementsAre("新增新能源装机|5000000 千瓦|measure"));
  EXPECT_THAT(ShowAll(ExtractFacts("全社会用电量达到20亿千瓦时。")),
              ElementsAre("全社会用电量|2000000000 千瓦时|measure"));
  EXPECT_THAT(ShowAll(ExtractFacts("建成1000千伏特高压工程。")), ElementsAre("|1000 千伏|measure"));
  EXPECT_THAT(ShowAll(ExtractFacts("细颗粒物年均浓度控制在29微克/立方米左右。")),
              ElementsAre("细颗粒物年均浓度|29 微克/立方米|measure|approx"));
  EXPECT_THAT(ShowAll(ExtractFacts("装机容量3.2亿千瓦。")), ElementsAre("装机容量|320000000 千瓦|measure"));
  // Units that carry their own scale keep the multiplier's meaning.
  EXPECT_THAT(ShowAll(ExtractFacts("投入5万亿元。")), ElementsAre("投入|5000000000000 元|money"));
  EXPECT_THAT(ShowAll(ExtractFacts("补助3千元。")), ElementsAre("补助|3000 元|money"));
}

TEST(ExtractFactsTest, TargetSubjectsLoseTheirVerbAndKeepTheirClause) {
  Facts f = ExtractFacts("城镇调查失业率控制在5.5%左右，粮食产量稳定在1300万吨以上，粮食总产量保持在110万吨以上。");
  EXPECT_THAT(ShowAll(f), ElementsAre("城镇调查失业率|5.5 %|percent|approx", "粮食产量|13000000 吨|measure|approx",
                                      "粮食总产量|1100000 吨|measure|approx"));
  f = ExtractFacts("地区生产总值按增长5%安排。");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.changes[0].subject, "地区生产总值");
  // 安徽: the CPI target is not the unemployment rate's change.
  f = ExtractFacts("城镇调查失业率5.5%左右，居民消费价格指数上涨2%左右，粮食播种面积完成国家下达目标任务。");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.changes[0].subject, "居民消费价格指数");
  EXPECT_EQ(f.changes[0].quantity, -1);
}

std::string RepeatUnit(std::string_view unit, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// A run-on sentence of figures and changes separated only by ， (and its kin: 分别 lists, 、 lists) binds
// each change to the figure right before it, and doubling the sentence doubles the binding work: the
// backward search is bounded by a window, not by the sentence.
TEST(ExtractFactsTest, BindingWorkIsLinearInARunOnSentence) {
  for (std::string_view unit : {"产值12亿元，增长5.3%，", "投资12亿元、3亿元，分别增长5%、6%，",
                                "学校3所、医院2个、道路12公里，比上年增加3所、2个，"}) {
    SCOPED_TRACE(unit);
    constexpr size_t kUnits = 2000;
    quantity_internal::FactsWork one, two;
    const Facts small = quantity_internal::ExtractFactsCounted(RepeatUnit(unit, kUnits), {}, &one);
    const Facts large = quantity_internal::ExtractFactsCounted(RepeatUnit(unit, 2 * kUnits), {}, &two);
    ASSERT_EQ(large.changes.size(), 2 * small.changes.size());
    ASSERT_FALSE(small.changes.empty());
    EXPECT_GT(one.bind_steps, 0u);
    // Twice the groups, each looking back over the same window (quadratic work would be 4x).
    EXPECT_LE(two.bind_steps, one.bind_steps * 21 / 10) << one.bind_steps << " -> " << two.bind_steps;
    // The last change still binds to a figure of the last repetition, before it.
    const Change& last = large.changes.back();
    ASSERT_GE(last.quantity, 0);
    EXPECT_LT(large.quantities[static_cast<size_t>(last.quantity)].span.end, last.span.begin);
    EXPECT_GT(large.quantities[static_cast<size_t>(last.quantity)].span.end + unit.size(), last.span.begin);
  }
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

// The masked-year spans are looked up by binary search (a scan per year was quadratic in a document
// full of masked years): in any order, overlapping, long or empty, they mask exactly the years they
// overlap (Span::Overlaps), as a scan would.
TEST(ExtractFactsTest, MaskedYearSpansInAnyOrderMaskExactlyTheYearsTheyOverlap) {
  const std::string unit = "2021年完成,";  // a year every 14 bytes
  std::string text;
  for (int i = 0; i < 40; ++i) text += unit;
  const size_t step = unit.size();
  FactOptions options;
  // Unsorted; one long span over years 30-31, one empty span inside year 20 (overlaps it), one touching
  // year 10's end only (does not overlap), one covering year 5 exactly.
  options.masked_year_spans = {Span{30 * step + 1, 31 * step + 2}, Span{20 * step + 2, 20 * step + 2},
                               Span{10 * step + 4, 10 * step + 9}, Span{5 * step, 5 * step + 4}};
  const Facts f = ExtractFacts(text, options);
  ASSERT_EQ(f.dates.size(), 40u);
  for (size_t i = 0; i < f.dates.size(); ++i) {
    const Span year{f.dates[i].span.begin, f.dates[i].span.begin + 4};
    bool expected = false;
    for (const Span& m : options.masked_year_spans) expected = expected || m.Overlaps(year);
    EXPECT_EQ(f.dates[i].year_masked, expected) << i;
    EXPECT_EQ(f.dates[i].year.has_value(), !expected) << i;
  }
  EXPECT_TRUE(f.dates[5].year_masked);
  EXPECT_TRUE(f.dates[20].year_masked);
  EXPECT_FALSE(f.dates[10].year_masked);
  EXPECT_TRUE(f.dates[30].year_masked);
  EXPECT_TRUE(f.dates[31].year_masked);
}

// Changes in one run-on sentence after a single figure (issue 12): each looked for a clause break
// between itself and that figure by walking back to it, so the walk grew with the sentence. The walk is
// one pass now: doubling the sentence doubles it. The changes still bind to the figure across no break.
TEST(ExtractFactsTest, ClauseBreakWorkIsLinearInChangesAfterOneFigure) {
  constexpr size_t kUnits = 2000;
  quantity_internal::FactsWork one, two;
  const Facts small = quantity_internal::ExtractFactsCounted("5人" + RepeatUnit("价格增长1%", kUnits), {}, &one);
  const Facts large = quantity_internal::ExtractFactsCounted("5人" + RepeatUnit("价格增长1%", 2 * kUnits), {}, &two);
  ASSERT_EQ(large.changes.size(), 2 * small.changes.size());
  ASSERT_FALSE(small.changes.empty());
  EXPECT_GT(one.break_steps, 0u);
  EXPECT_LE(two.break_steps, one.break_steps * 21 / 10) << one.break_steps << " -> " << two.break_steps;
  EXPECT_EQ(large.changes.back().quantity, 0);
  // With a comma between, a change with its own subject does not bind to the earlier clause's figure.
  const Facts split = ExtractFacts("5人，价格增长1%价格增长2%");
  ASSERT_EQ(split.changes.size(), 2u);
  EXPECT_EQ(split.changes[0].quantity, -1);
  EXPECT_EQ(split.changes[1].quantity, -1);
}

}  // namespace
}  // namespace wenshu
