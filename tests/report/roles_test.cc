// Section roles, unnumbered heading lines and fact roles (actual / target / other): docs/schema.md.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "wenshu/report.h"

namespace wenshu {
namespace {

Report MustParse(std::string_view text) {
  absl::StatusOr<Report> r = Parse(text);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : Report{};
}

const Change* ChangeWith(const Report& r, std::string_view text) {
  for (const Change& c : r.changes) {
    if (c.text == text) return &c;
  }
  return nullptr;
}

const Quantity* QuantityWith(const Report& r, std::string_view text) {
  for (const Quantity& q : r.quantities) {
    if (q.text == text) return &q;
  }
  return nullptr;
}

// An invented report set out with unnumbered heading lines, numbered lists below the last one.
constexpr char kUnnumbered[] =
    "某区2026年政府工作报告\n"
    "各位代表：\n"
    "现在，我代表区人民政府，向大会报告政府工作，请予审议。\n"
    "“十四五”时期工作回顾\n"
    "过去五年，全区经济总量迈上新台阶。2025年，全区地区生产总值增长5.6%，居民消费价格上涨0.3%。\n"
    "“十五五”时期的主要目标任务\n"
    "到2030年，全区城镇化率达到70%。\n"
    "2026年重点工作\n"
    "今年全区经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%以内。\n"
    "（一）扩大有效投资\n"
    "新建改造城市道路30公里。\n"
    "（二）办好民生实事\n"
    "新增托位500个。\n";

// Every sections.numbering check of the report passes, and its JSON reads back to the same JSON.
void ExpectNumberingPassesAndJsonRoundTrips(const Report& r) {
  for (const ReportCheck& c : r.checks) {
    if (c.rule == "sections.numbering") {
      EXPECT_EQ(c.status, CheckStatus::kPass) << c.reason;
    }
  }
  absl::StatusOr<Report> back = ReportFromJson(ToJson(r));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(ToJson(*back), ToJson(r));
}

// An invented report with two annexes after its last chapter, each marker on its own line and its title
// on the next, and prose that only mentions an annex.
constexpr char kWithAnnexes[] =
    "某市2026年政府工作报告\n"
    "一、过去一年工作回顾\n"
    "全市地区生产总值增长5.2%。\n"
    "二、2026年重点工作\n"
    "（一）扩大有效投资\n"
    "新建城市道路30公里。附件材料已报送大会。\n"
    "（二）加强政府自身建设\n"
    "各位代表！让我们奋力开创新局面！\n"
    "附件1\n"
    "2026年市十件民生实事\n"
    "1.新增托位500个。\n"
    "2.改造老旧小区100个。\n"
    "附件2：名词解释\n"
    "1.“四上”企业：达到一定规模的法人单位。\n";

TEST(Sections, AnnexesAreTopLevelSectionsNotPartOfTheLastChapter) {
  const Report r = MustParse(kWithAnnexes);
  ASSERT_EQ(r.sections.size(), 4u);
  const Section& first = r.sections[2];
  EXPECT_EQ(first.family, MarkerFamily::kAttachment);
  EXPECT_EQ(first.marker, "附件1");
  EXPECT_EQ(first.ordinal, 1);
  EXPECT_EQ(first.heading, "2026年市十件民生实事");
  ASSERT_EQ(first.children.size(), 2u);  // its list nests under it
  EXPECT_EQ(first.children[1].marker, "2.");
  const Section& second = r.sections[3];
  EXPECT_EQ(second.family, MarkerFamily::kAttachment);
  EXPECT_EQ(second.marker, "附件2");
  EXPECT_EQ(second.ordinal, 2);
  EXPECT_EQ(second.heading, "名词解释");
  ASSERT_EQ(second.children.size(), 1u);
  // The last chapter ends before the first annex; its facts are not the annex's.
  const Section& last_chapter = r.sections[1].children[1];
  EXPECT_EQ(last_chapter.marker, "（二）");
  EXPECT_LT(last_chapter.span.end, first.span.begin);
  const Quantity* toddler = QuantityWith(r, "500个");
  ASSERT_NE(toddler, nullptr);
  ASSERT_FALSE(toddler->section.empty());
  EXPECT_EQ(toddler->section[0], 2);
  EXPECT_EQ(MarkerFamilyName(MarkerFamily::kAttachment), "attachment");
  ExpectNumberingPassesAndJsonRoundTrips(r);  // the JSON keeps the family
}

// 附件 at the head of a document (before the body), or followed by other words, opens no annex.
TEST(Sections, AnnexWordInProseOrBeforeTheBodyIsNoSection) {
  const Report r = MustParse(
      "附件\n某单位2026年工作计划\n一、总体要求\n全年完成投资5亿元。\n附件中的表格另行印发。\n附件三份已报送。\n");
  for (const Section& s : r.sections) EXPECT_NE(s.family, MarkerFamily::kAttachment) << s.marker;
}

TEST(SectionRoles, UnnumberedHeadingLinesAreTopLevelSections) {
  const Report r = MustParse(kUnnumbered);
  ASSERT_EQ(r.sections.size(), 3u);
  EXPECT_EQ(r.sections[0].family, MarkerFamily::kHeadingLine);
  EXPECT_EQ(r.sections[0].marker, "");
  EXPECT_EQ(r.sections[0].heading, "“十四五”时期工作回顾");
  EXPECT_EQ(r.sections[0].role, "review");
  EXPECT_EQ(r.sections[1].role, "plan");
  EXPECT_EQ(r.sections[2].heading, "2026年重点工作");
  EXPECT_EQ(r.sections[2].role, "plan");
  EXPECT_EQ(r.sections[2].ordinal, 3);
  // The numbered list nests under the heading line.
  ASSERT_EQ(r.sections[2].children.size(), 2u);
  EXPECT_EQ(r.sections[2].children[1].marker, "（二）");
  EXPECT_EQ(MarkerFamilyName(MarkerFamily::kHeadingLine), "heading_line");
  // No numbering check fails for unnumbered headings; the JSON keeps the family and the roles.
  ExpectNumberingPassesAndJsonRoundTrips(r);
}

TEST(SectionRoles, TitleAndShortProseLinesAreNotHeadings) {
  // The title names a role (工作总结) but comes before the body; a short line with punctuation, or
  // after numbered headings began, is not a heading line.
  const Report r = MustParse(
      "2025年工作总结\n"
      "今年以来，我局认真履职。\n"
      "一、主要工作\n"
      "完成培训120人次。\n"
      "下半年工作打算\n"
      "二、存在问题\n"
      "人员不足。\n");
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_EQ(r.sections[0].family, MarkerFamily::kChineseComma);
  EXPECT_EQ(r.sections[1].role, "problems");
}

TEST(SectionRoles, TheSectionOfTheMainTargetsIsThePlan) {
  const Report r = MustParse(
      "某市2026年政府工作报告\n各位代表：\n"
      "一、一年接着一年干\n过去一年，全市地区生产总值增长5.1%。\n"
      "二、一鼓作气勇争先\n今年全市经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n");
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_EQ(r.sections[0].role, "other");  // a slogan names no role
  EXPECT_EQ(r.sections[1].role, "plan");
}

TEST(FactRoles, ReviewResultsPlanTargetsAndYears) {
  const Report r = MustParse(kUnnumbered);
  const Change* gdp_2025 = ChangeWith(r, "增长5.6%");
  ASSERT_NE(gdp_2025, nullptr);
  EXPECT_EQ(gdp_2025->role, "actual");
  EXPECT_EQ(gdp_2025->canonical, "gdp_growth");
  const Change* cpi = ChangeWith(r, "上涨0.3%");
  ASSERT_NE(cpi, nullptr);
  EXPECT_EQ(cpi->role, "actual");
  EXPECT_EQ(cpi->canonical, "cpi");
  const Change* gdp_target = ChangeWith(r, "增长5%左右");
  ASSERT_NE(gdp_target, nullptr);
  EXPECT_EQ(gdp_target->role, "target");
  // A 2030 goal is a target by its year; a figure of the plan's list by its section.
  const Quantity* urbanization = QuantityWith(r, "70%");
  ASSERT_NE(urbanization, nullptr);
  EXPECT_EQ(urbanization->role, "target");
  const Quantity* roads = QuantityWith(r, "30公里");
  ASSERT_NE(roads, nullptr);
  EXPECT_EQ(roads->role, "target");
  for (const DateFact& d : r.dates) {
    if (d.text == "2025年") {
      EXPECT_EQ(d.role, "actual");
    }
  }
}

TEST(FactRoles, TenseWordsOutsideTheSections) {
  // No section: the words decide (完成 … vs 力争 …), a bare figure is other.
  const Report r = MustParse(
      "全年完成固定资产投资120亿元。\n"
      "明年力争固定资产投资达到150亿元。\n"
      "全县有学校12所。\n");
  const Quantity* done = QuantityWith(r, "120亿元");
  const Quantity* aim = QuantityWith(r, "150亿元");
  const Quantity* bare = QuantityWith(r, "12所");
  ASSERT_NE(done, nullptr);
  ASSERT_NE(aim, nullptr);
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(done->role, "actual");
  EXPECT_EQ(aim->role, "target");
  EXPECT_EQ(bare->role, "other");
}

TEST(FactRoles, OldJsonWithoutRolesReadsAsEmpty) {
  Report r = MustParse("全年完成固定资产投资120亿元。\n");
  std::string json = ToJson(r, JsonStyle::kCompact);
  for (std::string_view key : {",\"role\":\"actual\"", ",\"canonical\":\"other\""}) {
    for (size_t at = json.find(key); at != std::string::npos; at = json.find(key)) json.erase(at, key.size());
  }
  absl::StatusOr<Report> back = ReportFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_FALSE(back->quantities.empty());
  EXPECT_EQ(back->quantities[0].role, "");  // unknown: written before roles existed
}

}  // namespace
}  // namespace wenshu
