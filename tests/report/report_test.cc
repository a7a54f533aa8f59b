// The report model: heading, section tree, checks, facts bound to sections, spans into the original,
// the JSON form (exact numbers, round trip, errors) and the facts CSV.
#include "wenshu/report.h"

#include <algorithm>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include "absl/strings/str_split.h"
#include <string>
#include <tuple>
#include <vector>

#include "support/test_data.h"

namespace wenshu {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::wenshu::testing::ReadFixture;

Report MustParse(std::string_view text, ParseOptions options = {}) {
  absl::StatusOr<Report> r = Parse(text, options);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : Report{};
}

ParseOptions WithoutNumberRepairs() {
  ParseOptions o;
  o.repair.disabled_rules.insert("number.");
  o.repair.disabled_rules.insert("percent.");
  return o;
}

std::string SampleText() { return ReadFixture("../../examples/sample/report.txt"); }

std::vector<const ReportCheck*> ChecksOf(const Report& r, std::string_view rule, CheckStatus status) {
  std::vector<const ReportCheck*> out;
  for (const ReportCheck& c : r.checks) {
    if (c.rule == rule && c.status == status) out.push_back(&c);
  }
  return out;
}

std::string Slice(std::string_view text, Span s) { return std::string(text.substr(s.begin, s.size())); }

// ---------------------------------------------------------------------------------------------------
// Heading

TEST(HeadingTest, TitleIssuerPeriodKindFromTheTitleLine) {
  const std::string text = "社会事业局2023年上半年工作总结\n2023年上半年,社会事业工作稳步推进。\n";
  Report r = MustParse(text);
  ASSERT_TRUE(r.title);
  EXPECT_EQ(*r.title, "社会事业局2023年上半年工作总结");
  ASSERT_TRUE(r.title_span);
  EXPECT_EQ(Slice(text, *r.title_span), *r.title);
  EXPECT_EQ(r.issuer, "社会事业局");
  EXPECT_EQ(r.kind, ReportKind::kSummary);
  EXPECT_EQ(r.period.year, 2023);
  EXPECT_EQ(r.period.part, PeriodPart::kH1);
  EXPECT_EQ(r.period.first_month, 1);
  EXPECT_EQ(r.period.last_month, 6);
  // A clean document: no evidence of the mask, so the year stands.
  EXPECT_FALSE(r.period.year_masked);
}

TEST(HeadingTest, SiteFurnitureNeverBecomesTitleOrIssuer) {
  // Other sites' headers hold report words (总结, 工作总结) and run longer than the title: the furniture model
  // removes them (whole lines, or the segment glued to the title), so the title and issuer are the report's.
  const std::string text =
      "当前位置>>首页 > 工作总结 > 年终总结\n"
      "时间:2023-01-05 10:21:09 工作总结 我要投稿\n"
      "《某镇2022年工作总结》由会员分享，可在线阅读，更多相关《某镇2022年工作总结（6页珍藏版）》请在某某文库上搜索。\n"
      "社区服务中心2022年工作总结  上传人:w83721 文档编号:5532190 页数:6 大小:31.2KB\n"
      "今年以来，我中心紧紧围绕街道党工委的决策部署，扎实推进各项工作，取得了明显成效。\n"
      "下一步，我们将继续加强基层组织建设，推动社区服务持续健康发展。\n";
  Report r = MustParse(text);
  ASSERT_TRUE(r.title);
  EXPECT_EQ(*r.title, "社区服务中心2022年工作总结");
  EXPECT_EQ(r.issuer, "社区服务中心");
  ASSERT_TRUE(r.title_span);
  EXPECT_EQ(Slice(text, *r.title_span), *r.title);
}

TEST(HeadingTest, KindsFromTitles) {
  struct Case {
    std::string title;
    ReportKind kind;
    std::optional<std::string> issuer;
    std::optional<int> year;
  };
  const std::vector<Case> cases = {
      {"2025年国务院政府工作报告", ReportKind::kReport, "国务院", 2025},
      {"政府工作报告", ReportKind::kReport, std::nullopt, std::nullopt},
      {"2026年上海市政府工作报告", ReportKind::kReport, "上海市政府", 2026},
      {"市教育局2024年工作计划", ReportKind::kPlan, "市教育局", 2024},
      {"2024年全市民政工作要点", ReportKind::kPlan, "全市民政", 2024},
      {"县财政局2019年度工作总结", ReportKind::kSummary, "县财政局", 2019},
      {"第十四届全国人民代表大会第三次会议关于政府工作报告的决议", ReportKind::kOther,
       "第十四届全国人民代表大会第三次会议", std::nullopt},
  };
  for (const Case& c : cases) {
    Report r = MustParse(c.title + "\n正文第一句。\n");
    EXPECT_EQ(r.title, c.title);
    EXPECT_EQ(r.kind, c.kind) << c.title;
    EXPECT_EQ(r.issuer, c.issuer) << c.title;
    EXPECT_EQ(r.period.year, c.year) << c.title;
  }
}

TEST(HeadingTest, MostCompleteTitleAmongRepeatedForms) {
  // With the site's boilerplate rule off, the repeated title forms stay in the text; the fullest wins.
  ParseOptions o;
  o.repair.disabled_rules.insert("boilerplate.");
  const std::string text =
      "工作总结\n社会事业局上半年工作总结\n文章标题:社会事业局2023年上半年工作总结\n2023年上半年工作总结\n"
      "2023年上半年,各项工作稳步推进。\n";
  Report r = MustParse(text, o);
  EXPECT_EQ(r.title, "社会事业局2023年上半年工作总结");
  EXPECT_EQ(Slice(text, *r.title_span), "社会事业局2023年上半年工作总结");
}

TEST(HeadingTest, PeriodFromFirstParagraphWhenTitleHasNone) {
  Report r = MustParse("上半年工作总结\n2022年1-6月,我局认真履职。\n");
  EXPECT_EQ(r.period.year, 2022);
  EXPECT_EQ(r.period.part, PeriodPart::kH1);  // from the title's 上半年
  Report q = MustParse("工作总结\n2021年第三季度,我局认真履职。\n");
  EXPECT_EQ(q.period.year, 2021);
  EXPECT_EQ(q.period.part, PeriodPart::kQ3);
}

TEST(HeadingTest, GovernmentReportWithoutTitleLine) {
  const std::string text = ReadFixture("report/government.txt");
  Report r = MustParse(text);
  EXPECT_FALSE(r.title);
  EXPECT_EQ(r.issuer, "市人民政府");
  EXPECT_EQ(r.kind, ReportKind::kReport);

  ParseOptions o;
  o.title = "2024年某市政府工作报告";
  Report t = MustParse(text, o);
  EXPECT_EQ(t.title, "2024年某市政府工作报告");
  EXPECT_FALSE(t.title_span);  // not in the text
  EXPECT_EQ(t.period.year, 2024);
  EXPECT_EQ(t.period.part, PeriodPart::kYear);
  EXPECT_EQ(t.issuer, "某市政府");
}

TEST(HeadingTest, MaskedYearInDamagedSample) {
  const std::string text = SampleText();
  Report r = MustParse(text);
  EXPECT_EQ(r.title, "某区民政局2023年上半年工作总结");
  EXPECT_EQ(r.issuer, "某区民政局");
  EXPECT_EQ(r.kind, ReportKind::kSummary);
  EXPECT_EQ(r.period.year, 2023);
  EXPECT_TRUE(r.period.year_masked) << "the sample's 10s are masked as 2023: its year is lost";
  EXPECT_EQ(r.period.part, PeriodPart::kH1);
}

// ---------------------------------------------------------------------------------------------------
// Sections

TEST(SectionsTest, LevelsByFirstAppearanceOfEachFamily) {
  const std::string text = ReadFixture("report/sections.txt");
  Report r = MustParse(text);
  ASSERT_EQ(r.sections.size(), 3u);
  EXPECT_EQ(r.sections[0].marker, "一、");
  EXPECT_EQ(r.sections[0].heading, "总体目标");
  const Section& tasks = r.sections[1];
  EXPECT_EQ(tasks.level, 1);
  ASSERT_EQ(tasks.children.size(), 2u);
  EXPECT_EQ(tasks.children[0].marker, "(一)");
  EXPECT_EQ(tasks.children[0].family, MarkerFamily::kChineseParen);
  EXPECT_EQ(tasks.children[0].level, 2);
  EXPECT_EQ(tasks.children[0].heading, "推进学前教育普惠发展");
  const Section& second = tasks.children[1];
  ASSERT_EQ(second.children.size(), 2u);
  EXPECT_EQ(second.children[0].marker, "1.");
  EXPECT_EQ(second.children[0].family, MarkerFamily::kArabicDot);
  EXPECT_EQ(second.children[0].heading, "优化学校布局");
  ASSERT_EQ(second.children[0].children.size(), 2u);
  EXPECT_EQ(second.children[0].children[1].marker, "⑵");
  EXPECT_EQ(second.children[0].children[1].ordinal, 2);
  EXPECT_EQ(second.children[0].children[1].level, 4);
  ASSERT_EQ(second.children[1].children.size(), 2u);
  EXPECT_EQ(second.children[1].children[0].family, MarkerFamily::kCircled);
  // 一是 … 三是 inside the paragraph under 三、: a list one level below.
  const Section& measures = r.sections[2];
  ASSERT_EQ(measures.children.size(), 3u);
  EXPECT_EQ(measures.children[0].family, MarkerFamily::kInlineShi);
  EXPECT_EQ(measures.children[2].marker, "三是");
  EXPECT_EQ(measures.children[2].heading, "严格问责");
  EXPECT_EQ(measures.children[0].level, 2);
  // Spans: whole section from its marker; heading span from marker through heading.
  for (const Section* s :
       std::vector<const Section*>{&r.sections[0], &tasks.children[0], &measures.children[1]}) {
    EXPECT_EQ(Slice(text, s->heading_span), s->marker + s->heading);
    EXPECT_EQ(text.substr(s->span.begin, s->marker.size()), s->marker);
  }
  EXPECT_LT(tasks.children[0].span.end, tasks.children[1].span.begin + 1);
  EXPECT_THAT(ChecksOf(r, "sections.numbering", CheckStatus::kFail), IsEmpty());
}

TEST(SectionsTest, OrdinalDiAndNestedRestart) {
  const std::string text =
      "工作总结\n正文。\n一、总体情况\n第一,基本建设问题。\n一、\n提高设计质量。\n二、\n加强施工指导。\n第二,"
      "生产问题。\n二、第二部分\n";
  Report r = MustParse(text);
  ASSERT_EQ(r.sections.size(), 2u);
  const Section& first = r.sections[0];
  ASSERT_EQ(first.children.size(), 2u);
  EXPECT_EQ(first.children[0].family, MarkerFamily::kOrdinalDi);
  EXPECT_EQ(first.children[0].marker, "第一,");
  // 一、 starting again at 1 under 第一, is a nested list, not a new top-level run.
  ASSERT_EQ(first.children[0].children.size(), 2u);
  EXPECT_EQ(first.children[0].children[1].marker, "二、");
  EXPECT_EQ(first.children[1].marker, "第二,");
  EXPECT_EQ(r.sections[1].marker, "二、");
  EXPECT_THAT(ChecksOf(r, "sections.numbering", CheckStatus::kFail), IsEmpty());
}

TEST(SectionsTest, DotMarkerBeforeADigitOnlyWhenTheListExpectsIt) {
  const std::string text =
      "名词解释\n说明。\n19.“双招双引”:招才引智。\n20.2026年10件民生实事。\n21.5+2就业之家。\n3."
      "5万人参加培训。\n";
  Report r = MustParse(text);
  ASSERT_EQ(r.sections.size(), 3u);  // 19. 20. 21. — "3.5万人" is a number, not item 3
  EXPECT_EQ(r.sections[1].marker, "20.");
  EXPECT_EQ(r.sections[1].heading, "2026年10件民生实事");
  EXPECT_EQ(r.sections[2].marker, "21.");
}

int Depth(const std::vector<Section>& sections) {
  int deepest = 0;
  for (const Section& s : sections) deepest = std::max(deepest, 1 + Depth(s.children));
  return deepest;
}

// Restarts nest only a few levels: no input makes the tree (and every path in it) as deep as the
// document is long.
TEST(SectionsTest, DepthStaysBoundedOnRepeatingPatterns) {
  for (std::vector<std::string_view> cycle :
       {std::vector<std::string_view>{"（一）开展概况\n", "1、全区现有中小学16所。\n", "一、主要工作\n"},
        std::vector<std::string_view>{"一、甲\n", "二、乙\n", "（一）丙\n", "1、丁\n"},
        std::vector<std::string_view>{"1、全区现有中小学16所。\n"}}) {
    std::string text;
    for (int i = 0; i < 30000; ++i) text += cycle[i % cycle.size()];
    ParseOptions o;
    o.repair.disabled_rules.insert("vocab.");
    Report r = MustParse(text, o);
    EXPECT_LE(Depth(r.sections), 10) << cycle[0];
    EXPECT_GT(r.sections.size(), 1000u) << cycle[0];
    for (const ReportCheck& c : r.checks) EXPECT_LE(c.spans.size(), 50u);
  }
}

// A path of up to three indexes lives inside the object, a deeper one on the heap (wenshu/section_path.h):
// both behave as the std::vector<int> it replaced when they grow, shrink, are copied, moved and compared.
TEST(SectionsTest, PathsInPlaceAndOnTheHeapBehaveAlike) {
  static_assert(sizeof(SectionPath) == 16);
  SectionPath path;
  std::vector<int> expected;
  for (int i = 0; i < 40; ++i) {
    path.push_back(i * 7 - 3);
    expected.push_back(i * 7 - 3);
    ASSERT_EQ(std::vector<int>(path.begin(), path.end()), expected) << i;
    SectionPath copy = path;
    SectionPath moved = std::move(copy);
    EXPECT_EQ(moved, path);
    EXPECT_EQ(moved.back(), expected.back());
    copy = moved;  // assigning to a moved-from path
    EXPECT_EQ(copy, path);
  }
  while (!path.empty()) {
    path.pop_back();
    expected.pop_back();
    ASSERT_EQ(std::vector<int>(path.begin(), path.end()), expected);
  }
  path.push_back(5);
  EXPECT_EQ(path, (SectionPath{5}));
  EXPECT_NE(path, (SectionPath{5, 0}));
  EXPECT_LT((SectionPath{1, 2}), (SectionPath{1, 2, 0}));
}

// The facts' records, whose size is most of the memory of a document dense with figures (one fact every
// ~16 bytes; bench/README.md, "Memory per document"): spans of 32-bit offsets and `upper` as one pointer
// (wenshu/slim_optional.h) took a Quantity from 160 bytes to 128, a Change to 136. Both read as what
// they replaced.
TEST(SectionsTest, FactRecordsAreCompact) {
  if constexpr (sizeof(void*) == 8) {
    static_assert(sizeof(CompactSpan) == 8);
    static_assert(sizeof(SlimOptional<Decimal>) == 8);
    static_assert(sizeof(Quantity) == 128);
    static_assert(sizeof(Change) == 136);
  }
  Quantity q;
  EXPECT_FALSE(q.upper.has_value());
  EXPECT_FALSE(static_cast<bool>(q.upper));
  EXPECT_EQ(q.upper.ToOptional(), std::nullopt);
  q.upper = *Decimal::FromString("2.5");
  ASSERT_TRUE(q.upper.has_value());
  EXPECT_EQ(q.upper->ToString(), "2.5");
  Quantity copy = q;  // a copy owns its own value
  q.upper.reset();
  EXPECT_FALSE(q.upper.has_value());
  EXPECT_EQ(std::optional<Decimal>(copy.upper), Decimal::FromString("2.5"));
  copy.upper = std::optional<Decimal>();
  EXPECT_FALSE(copy.upper.has_value());

  const size_t last = kMaxCompactOffset;
  q.span = Span{last - 3, last};
  const Span wide = q.span;
  EXPECT_EQ(wide, (Span{last - 3, last}));
  EXPECT_EQ(q.span.size(), 3u);
  EXPECT_TRUE(q.span.Contains(last - 1));
  EXPECT_FALSE(q.span.Contains(last));
  EXPECT_TRUE(q.span.Overlaps(Span{0, last - 2}));
  EXPECT_TRUE(q.subject_span.empty());
}

// A fact's and a record's names are one address (wenshu/static_name.h), a fact's qualifiers and a repair's
// evidence and alternatives one pointer each (wenshu/slim_vector.h): they read as what they replaced (a
// string_view, a std::vector).
TEST(SectionsTest, NamesAndQualifiersAreOneWordEach) {
  static_assert(sizeof(StaticName) == sizeof(void*));
  static_assert(sizeof(Qualifiers) == sizeof(void*));
  static_assert(sizeof(SlimVector<RepairAlternative>) == sizeof(void*));
  StaticName none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none, "");
  EXPECT_EQ(std::string_view(none).size(), 0u);
  const std::string_view library_rule = RepairRules().front().id;
  StaticName rule = library_rule;
  EXPECT_EQ(rule, library_rule);
  EXPECT_EQ(rule.data(), library_rule.data());  // the library's own string, not a copy
  EXPECT_EQ(rule.size(), library_rule.size());
  EXPECT_EQ(rule.substr(0, rule.find('.') + 1), library_rule.substr(0, library_rule.find('.') + 1));
  EXPECT_NE(rule, StaticName("other"));
  EXPECT_EQ(StaticName(std::string_view()), none);

  Qualifiers words;
  EXPECT_TRUE(words.empty());
  EXPECT_EQ(words, std::vector<std::string>{});
  words.emplace_back("约");
  words.push_back("以上");
  EXPECT_EQ(words, (std::vector<std::string>{"约", "以上"}));
  Qualifiers copy = words;
  Qualifiers moved = std::move(copy);
  EXPECT_EQ(moved, words);
  copy = moved;  // assigning to a moved-from list
  EXPECT_EQ(copy, words);
  EXPECT_EQ(copy.size(), 2u);
  EXPECT_EQ(copy[1], "以上");
  copy = std::vector<std::string>{};
  EXPECT_TRUE(copy.empty());
  const std::vector<std::string>& as_vector = words;
  EXPECT_EQ(as_vector.front(), "约");

  RepairRecord record;
  EXPECT_TRUE(record.alternatives.empty());
  for (RepairAlternative& a : record.alternatives) a.confidence = 1;  // an empty list's iterators are equal
  record.evidence = {Span{3, 5}};
  record.alternatives.push_back({"10", 0.25, "another reading"});
  for (RepairAlternative& a : record.alternatives) a.confidence = 0.5;  // changed in place
  const RepairRecord copy_of_record = record;
  EXPECT_EQ(copy_of_record.evidence, (std::vector<Span>{{3, 5}}));
  ASSERT_EQ(copy_of_record.alternatives.size(), 1u);
  EXPECT_EQ(copy_of_record.alternatives[0].after, "10");
  EXPECT_EQ(copy_of_record.alternatives[0].confidence, 0.5);

  // Through a report and its JSON: the same names and words come back.
  Report r = MustParse("全年地区生产总值约增长5%以上，完成投资12亿元。\n");
  ASSERT_FALSE(r.changes.empty());
  auto back = ReportFromJson(ToJson(r));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(ToJson(*back), ToJson(r));
  ASSERT_EQ(back->changes.size(), r.changes.size());
  for (size_t i = 0; i < r.changes.size(); ++i) {
    EXPECT_EQ(back->changes[i].unit, r.changes[i].unit);
    EXPECT_EQ(back->changes[i].role, r.changes[i].role);
    EXPECT_EQ(back->changes[i].canonical, r.changes[i].canonical);
    EXPECT_EQ(back->changes[i].qualifiers, r.changes[i].qualifiers);
  }
}

TEST(SectionsTest, GapIsAFailedCheck) {
  const std::string text = ReadFixture("report/checks.txt");
  Report r = MustParse(text, WithoutNumberRepairs());
  auto fails = ChecksOf(r, "sections.numbering", CheckStatus::kFail);
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_THAT(fails[0]->reason, HasSubstr("4、 where number 3 was expected"));
  ASSERT_EQ(fails[0]->spans.size(), 1u);
  EXPECT_EQ(Slice(text, fails[0]->spans[0]), "4、");
  EXPECT_EQ(fails[0]->section, SectionPath{2});
}

TEST(SectionsTest, MaskedListItemIsAGapUnrepairedAndInSequenceRepaired) {
  const std::string text = SampleText();
  Report damaged = MustParse(text, WithoutNumberRepairs());
  auto fails = ChecksOf(damaged, "sections.numbering", CheckStatus::kFail);
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_THAT(fails[0]->reason, HasSubstr("2023、 where number 10 was expected"));

  Report repaired = MustParse(text);
  EXPECT_THAT(ChecksOf(repaired, "sections.numbering", CheckStatus::kFail), IsEmpty());
  const Section* work = FindSection(repaired, {1});
  ASSERT_NE(work, nullptr);
  ASSERT_EQ(work->children.size(), 10u);
  EXPECT_EQ(work->children[9].marker, "10、");
  EXPECT_EQ(work->children[9].ordinal, 10);
  // The span is in the original, where the marker still reads 2023、.
  EXPECT_EQ(text.substr(work->children[9].span.begin, 7), "2023、");
  EXPECT_EQ(SectionLabel(repaired, {1, 9}), "(二)/10、");
}

// ---------------------------------------------------------------------------------------------------
// Checks

TEST(ChecksTest, PartsTotalsChangesRatesAndRatios) {
  const std::string text = ReadFixture("report/checks.txt");
  Report r = MustParse(text, WithoutNumberRepairs());
  auto reasons = [&](std::string_view rule, CheckStatus status) {
    std::vector<std::string> out;
    for (const ReportCheck* c : ChecksOf(r, rule, status)) out.push_back(c->reason.str());
    return out;
  };
  EXPECT_THAT(reasons("sum.parts", CheckStatus::kPass),
              Contains(HasSubstr("2 + 6 + 8 add up to the total 16所")));
  EXPECT_THAT(reasons("sum.parts", CheckStatus::kFail),
              Contains(HasSubstr("1800 + 2600 + 4700 = 9100人 fall 100人 short of the stated total 9200人")));
  EXPECT_THAT(reasons("sum.parts", CheckStatus::kFail), Contains(HasSubstr("7 + 4 = 11个")));
  EXPECT_THAT(reasons("change.exceeds_total", CheckStatus::kFail),
              Contains(HasSubstr("an increase of 2023人 is larger than the total 149人")));
  EXPECT_THAT(reasons("change.exceeds_total", CheckStatus::kPass), Contains(HasSubstr("40张")));
  EXPECT_THAT(reasons("rate.over_100", CheckStatus::kFail), Contains(HasSubstr("a rate of 120")));
  EXPECT_THAT(reasons("rate.over_100", CheckStatus::kPass), Contains(HasSubstr("a rate of 98.5")));
  EXPECT_THAT(reasons("rate.ratio", CheckStatus::kPass),
              Contains(HasSubstr("安置率 92 against 69人 / 75人 = 92.0 percent: consistent")));

  // Every check's spans are in the original and name figures that are there.
  for (const ReportCheck& c : r.checks) {
    ASSERT_THAT(c.spans, Not(IsEmpty())) << c.rule;
    for (Span s : c.spans) EXPECT_LE(s.end, text.size());
  }
  const ReportCheck* change = ChecksOf(r, "change.exceeds_total", CheckStatus::kFail)[0];
  EXPECT_EQ(Slice(text, change->spans[0]), "149人");
  EXPECT_THAT(Slice(text, change->spans[1]), HasSubstr("增加2023人"));
}

TEST(ChecksTest, SampleRepairsTurnFailuresIntoPasses) {
  const std::string text = SampleText();
  Report damaged = MustParse(text, WithoutNumberRepairs());
  EXPECT_EQ(ChecksOf(damaged, "rate.over_100", CheckStatus::kFail).size(), 2u);         // 20230 twice
  EXPECT_EQ(ChecksOf(damaged, "change.exceeds_total", CheckStatus::kFail).size(), 1u);  // +2023 on 87
  Report repaired = MustParse(text);
  for (const ReportCheck& c : repaired.checks) {
    EXPECT_EQ(c.status, CheckStatus::kPass) << c.rule << ": " << c.reason;
  }
  EXPECT_THAT(ChecksOf(repaired, "sum.parts", CheckStatus::kPass).size(), ::testing::Ge(3u));
  EXPECT_EQ(ChecksOf(repaired, "rate.ratio", CheckStatus::kPass).size(), 1u);
}

const ReportCheck* FindCheck(const Report& r, std::string_view rule) {
  for (const ReportCheck& c : r.checks) {
    if (c.rule == rule) return &c;
  }
  return nullptr;
}

TEST(ChecksTest, PeriodYearAgainstTheYearsTheTextNames) {
  // A 2014 report relabelled 2023: its own years are 2013 and 2014; 2020 is a target, named once.
  Report relabelled = MustParse(
      "2023年某局工作总结\n2014年，我局各项工作稳步推进。2014年全年完成投资5亿元，比2013年增长8%。"
      "2014年新增企业30家，2012年以来累计新增120家。到2020年，力争实现翻番。\n");
  const ReportCheck* c = FindCheck(relabelled, "period.year");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, CheckStatus::kFail) << c->reason;
  EXPECT_THAT(c->reason, HasSubstr("2014"));

  Report genuine = MustParse(
      "2023年某局工作总结\n2023年，我局各项工作稳步推进。2023年全年完成投资5亿元，比2022年增长8%。"
      "2022年新增企业30家，2012年以来累计新增120家。到2035年，力争实现翻番。\n");
  c = FindCheck(genuine, "period.year");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, CheckStatus::kPass) << c->reason;

  // Too few years named: no check.
  EXPECT_EQ(FindCheck(MustParse("2023年某局工作总结\n2014年，我局各项工作稳步推进。\n"), "period.year"), nullptr);
}

TEST(ChecksTest, CanBeSwitchedOff) {
  ParseOptions o;
  o.run_checks = false;
  EXPECT_THAT(MustParse(SampleText(), o).checks, IsEmpty());
}

// ---------------------------------------------------------------------------------------------------
// Facts: bound to sections, spans into the original

TEST(FactsTest, SpansPointIntoTheOriginal) {
  const std::string text = SampleText();
  Report r = MustParse(text);
  ASSERT_GT(r.quantities.size(), 30u);
  size_t repaired = 0;
  for (const Quantity& q : r.quantities) {
    ASSERT_LE(q.span.end, text.size());
    if (q.repaired) {
      ++repaired;
      EXPECT_NE(Slice(text, q.span), q.text);
    } else {
      EXPECT_EQ(Slice(text, q.span), q.text);
    }
  }
  EXPECT_GT(repaired, 3u) << "the sample's masked numbers are repaired facts";
  for (const Change& c : r.changes) {
    if (!c.repaired) {
      EXPECT_EQ(Slice(text, c.span), c.text);
    }
  }
  for (const DateFact& d : r.dates) {
    if (!d.repaired) {
      EXPECT_EQ(Slice(text, d.span), d.text);
    }
  }
}

TEST(FactsTest, BoundToTheirSection) {
  const std::string text = SampleText();
  Report r = MustParse(text);
  bool found = false;
  for (const Quantity& q : r.quantities) {
    if (q.text.find("588.2万元") != std::string::npos) {
      found = true;
      EXPECT_EQ(q.section, (SectionPath{1, 0}));
      EXPECT_EQ(SectionLabel(r, q.section), "(二)/1、");
      EXPECT_EQ(q.value.ToString(), "5882000");
      EXPECT_EQ(q.unit, "元");
      EXPECT_EQ(q.kind, QuantityKind::kMoney);
      const Section* s = FindSection(r, q.section);
      ASSERT_NE(s, nullptr);
      EXPECT_TRUE(s->span.Contains(q.span.begin));
    }
  }
  EXPECT_TRUE(found);
  // A repaired figure: 562023人 in the original is 5610人.
  bool masked = false;
  for (const Quantity& q : r.quantities) {
    if (Slice(text, q.span) == "562023人") {
      masked = true;
      EXPECT_TRUE(q.repaired);
      EXPECT_EQ(q.value.ToString(), "5610");
      EXPECT_EQ(q.section, (SectionPath{0, 0}));
    }
  }
  EXPECT_TRUE(masked);
}

// ---------------------------------------------------------------------------------------------------
// JSON

TEST(JsonTest, RoundTripIsIdentical) {
  for (const std::string& text :
       {SampleText(), ReadFixture("report/checks.txt"), ReadFixture("report/sections.txt"), std::string(),
        std::string("\xff\xfe bad \x00 bytes", 15)}) {
    Report r = MustParse(text);
    for (JsonStyle style : {JsonStyle::kPretty, JsonStyle::kCompact}) {
      const std::string json = ToJson(r, style);
      ASSERT_TRUE(nlohmann::json::accept(json)) << json.substr(0, 200);
      absl::StatusOr<Report> back = ReportFromJson(json);
      ASSERT_TRUE(back.ok()) << back.status();
      EXPECT_EQ(ToJson(*back, style), json);
    }
  }
}

// WriteJson hands out the bytes of ToJson in pieces (the command streams large reports this way):
// joined they are ToJson's text exactly, each piece is bounded, and a sink that refuses stops it.
TEST(JsonTest, WriteJsonStreamsTheBytesOfToJson) {
  std::string text;
  while (text.size() < (size_t{256} << 10)) {
    text += "1、全区现有中小学16所，在校学生26341人，较上年增加304人，增长1.2%，开展〝主动服务〞活动。\n";
  }
  const Report r = MustParse(text);
  for (JsonStyle style : {JsonStyle::kPretty, JsonStyle::kCompact}) {
    const std::string whole = ToJson(r, style);
    std::string joined;
    size_t pieces = 0, largest = 0;
    ASSERT_TRUE(WriteJson(r, style, [&](std::string_view piece) {
      joined.append(piece);
      ++pieces;
      largest = std::max(largest, piece.size());
      return true;
    }));
    EXPECT_EQ(joined, whole);
    EXPECT_GE(pieces, whole.size() / (size_t{128} << 10));
    EXPECT_LT(largest, size_t{128} << 10);  // 64 KiB pieces plus at most one value's text
    size_t calls = 0;
    EXPECT_FALSE(WriteJson(r, style, [&](std::string_view) { return ++calls < 2; }));
    EXPECT_EQ(calls, 2u);
  }
  std::string small;
  ASSERT_TRUE(WriteJson(MustParse(SampleText()), JsonStyle::kPretty, [&](std::string_view piece) {
    small.append(piece);
    return true;
  }));
  EXPECT_EQ(small, ToJson(MustParse(SampleText()), JsonStyle::kPretty));
}

// Output of wenshu before diagnosis.converted_script existed still reads; the field reads as false.
TEST(JsonTest, DiagnosisFieldsAddedLaterMayBeAbsent) {
  Report r = MustParse(SampleText());
  nlohmann::json j = nlohmann::json::parse(ToJson(r, JsonStyle::kCompact));
  ASSERT_TRUE(j["diagnosis"].contains("converted_script"));
  j["diagnosis"].erase("converted_script");
  absl::StatusOr<Report> back = ReportFromJson(j.dump());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_FALSE(back->diagnosis.converted_script);
  j["diagnosis"]["converted_script"] = "yes";
  EXPECT_FALSE(ReportFromJson(j.dump()).ok());
}

// A repair's rule and a fact's role and canonical id view the library's own names (static storage, no
// copy per record): read back from JSON they are the library's strings, not the JSON's, and a name the
// library does not know is an error.
// The report read from `j`'s text, which is freed before the caller looks at the result: a view into it
// would dangle (the asan preset sees the use-after-free).
absl::StatusOr<Report> ReadBackOnceTheTextIsGone(const nlohmann::json& j) {
  const std::string json = j.dump();
  return ReportFromJson(json);
}

TEST(JsonTest, NamesReadBackAreTheLibrarysOwn) {
  Report r = MustParse("2024年工作总结\n开展〝主动服务〞活动，全年地区生产总值增长5.3%。\n");
  ASSERT_FALSE(r.repairs.empty());
  ASSERT_FALSE(r.changes.empty());
  ASSERT_EQ(r.changes[0].canonical, "gdp_growth");
  nlohmann::json j = nlohmann::json::parse(ToJson(r, JsonStyle::kCompact));
  absl::StatusOr<Report> back = ReadBackOnceTheTextIsGone(j);  // the names must not point into it
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->repairs.size(), r.repairs.size());
  const std::string_view rule = back->repairs[0].rule;
  EXPECT_EQ(rule, r.repairs[0].rule);
  bool registry_string = false;
  for (const RepairRuleInfo& info : RepairRules()) registry_string |= info.id.data() == rule.data();
  EXPECT_TRUE(registry_string) << rule;
  EXPECT_EQ(back->changes[0].canonical, "gdp_growth");
  EXPECT_EQ(back->changes[0].role, r.changes[0].role);

  for (const auto& [list, key, unknown] : {std::tuple{"repairs", "rule", "quote.no_such_rule"},
                                           std::tuple{"changes", "role", "past"},
                                           std::tuple{"changes", "canonical", "gdp"},
                                           std::tuple{"changes", "unit", "furlongs"}}) {
    nlohmann::json bad = j;
    bad[list][0][key] = unknown;
    absl::StatusOr<Report> read = ReportFromJson(bad.dump());
    EXPECT_FALSE(read.ok()) << list << "." << key;
    EXPECT_THAT(std::string(read.status().message()), HasSubstr(unknown));
  }
}

// A fact's unit is a view of the library's unit names, so the reader maps what it reads onto them:
// every unit the scanner gives (the table's, a currency named before the figure, a percent sign) must
// be one it finds.
TEST(JsonTest, EveryUnitTheScannerGivesReadsBack) {
  Report r = MustParse(
      "工作总结\n投入人民币3.5，港币两千九百六十元，美元7，欧元8，日元9，共1200亿元，达到70.4%，高出3个百分点，"
      "增长1.5倍，修路20公里，服务300人次，平方米数为5平方米，浓度35微克/立方米，另有12。\n");
  std::vector<std::string_view> units;
  for (const Quantity& q : r.quantities) units.push_back(q.unit);
  for (const Change& c : r.changes) units.push_back(c.unit);
  for (std::string_view unit : {"元", "港元", "美元", "欧元", "日元", "%", "个百分点", "倍", "公里", "人次", ""}) {
    EXPECT_THAT(units, Contains(unit));
  }
  const std::string json = ToJson(r, JsonStyle::kCompact);
  absl::StatusOr<Report> back = ReadBackOnceTheTextIsGone(nlohmann::json::parse(json));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(ToJson(*back, JsonStyle::kCompact), json);
}

// A fact's text and subject view the report's own text (wenshu/quantity.h): a copy or a move of the
// report must point them at its own text, for a short text (whose bytes a move copies) and a long one,
// and a report read from JSON views its own copy of them.
TEST(JsonTest, FactViewsFollowTheReportsText) {
  const auto inside = [](std::string_view view, const std::string& text) {
    return view.data() >= text.data() && view.data() + view.size() <= text.data() + text.size();
  };
  const auto views_own_text = [&](const Report& r) {
    bool ok = !r.quantities.empty() || !r.changes.empty();
    for (const Quantity& q : r.quantities) {
      ok &= inside(q.text, r.text) && (q.subject.empty() || inside(q.subject, r.text));
    }
    for (const Change& c : r.changes) {
      ok &= inside(c.text, r.text) && (c.subject.empty() || inside(c.subject, r.text)) &&
            (c.baseline.empty() || inside(c.baseline, r.text));
    }
    for (const DateFact& d : r.dates) ok &= inside(d.text, r.text);
    return ok;
  };
  for (const std::string& text : {std::string("学校3所"),  // 10 bytes: kept inside the string object
                                  std::string("2024年全区新建学校3所，较上年增加1所，增长5%。\n") + SampleText()}) {
    Report original = MustParse(text);
    const std::string json = ToJson(original, JsonStyle::kCompact);
    ASSERT_TRUE(views_own_text(original)) << text;

    Report copy(original);
    Report assigned;
    assigned = original;
    Report moved(std::move(original));
    original = Report{};  // the moved-from report is reused; its old text is gone
    Report move_assigned;
    move_assigned = std::move(copy);
    copy = assigned;
    for (const Report* r : {&copy, &assigned, &moved, &move_assigned}) {
      EXPECT_TRUE(views_own_text(*r)) << text;
      EXPECT_EQ(ToJson(*r, JsonStyle::kCompact), json);
    }
  }
  Report read = *ReportFromJson(ToJson(MustParse("学校3所，较上年增加1所"), JsonStyle::kCompact));
  ASSERT_EQ(read.quantities.size(), 1u);
  EXPECT_EQ(read.quantities[0].text, "3所");
  EXPECT_EQ(read.quantities[0].subject, "学校");
  Report read_copy = read;
  read = Report{};
  EXPECT_EQ(read_copy.changes.at(0).text, "较上年增加1所");
  EXPECT_EQ(read_copy.changes.at(0).baseline, "上年");
}

TEST(JsonTest, CheckRulesAreTheLibrarysOwnAndEqualReasonsShareOneCopy) {
  Report r = MustParse("2024年工作总结\n一、教育\n新建学校3所，比上年增加3所。\n新建学校3所，比上年增加3所。\n"
                       "二、卫生\n新建医院2个。\n");
  const std::vector<const ReportCheck*> changes = ChecksOf(r, "change.exceeds_total", CheckStatus::kPass);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0]->reason, changes[1]->reason);
  EXPECT_TRUE(changes[0]->reason.SharesStorageWith(changes[1]->reason));
  ASSERT_FALSE(ChecksOf(r, "sections.numbering", CheckStatus::kPass).empty());

  nlohmann::json j = nlohmann::json::parse(ToJson(r, JsonStyle::kCompact));
  absl::StatusOr<Report> back = ReadBackOnceTheTextIsGone(j);  // the rules must not point into it
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->checks.size(), r.checks.size());
  // Read after the JSON text is freed: a view into it would be a use-after-free (the asan preset).
  for (size_t i = 0; i < r.checks.size(); ++i) {
    EXPECT_EQ(back->checks[i].rule, r.checks[i].rule);
    EXPECT_EQ(back->checks[i].reason, r.checks[i].reason);
  }
  const std::vector<const ReportCheck*> read = ChecksOf(*back, "change.exceeds_total", CheckStatus::kPass);
  ASSERT_EQ(read.size(), 2u);
  EXPECT_TRUE(read[0]->reason.SharesStorageWith(read[1]->reason));

  nlohmann::json bad = j;
  bad["checks"][0]["rule"] = "sum.no_such_check";
  absl::StatusOr<Report> unknown = ReportFromJson(bad.dump());
  EXPECT_FALSE(unknown.ok());
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("sum.no_such_check"));
}

TEST(JsonTest, DecimalsAreWrittenExactly) {
  Report r;
  Quantity q;
  q.text = "0.3";
  q.value = *Decimal::FromString("0.1")->Add(*Decimal::FromString("0.2"));
  q.upper = Decimal::FromString("123456789012345.67");
  r.quantities.push_back(q);
  Change c;
  c.value = *Decimal::FromString("-0.05");
  r.changes.push_back(c);
  const std::string json = ToJson(r, JsonStyle::kCompact);
  EXPECT_THAT(json, HasSubstr("\"value\":0.3,"));
  EXPECT_THAT(json, HasSubstr("\"upper\":123456789012345.67,"));
  EXPECT_THAT(json, HasSubstr("\"value\":-0.05,"));
  absl::StatusOr<Report> back = ReportFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->quantities[0].value, *Decimal::FromString("0.3"));
  EXPECT_EQ(back->quantities[0].upper->ToString(), "123456789012345.67");
}

TEST(JsonTest, SpansAndPathsAreCompactInPrettyOutput) {
  Report r = MustParse(ReadFixture("report/sections.txt"));
  const std::string json = ToJson(r, JsonStyle::kPretty);
  EXPECT_THAT(json, ::testing::ContainsRegex("\"span\": \\[[0-9]+, [0-9]+\\]"));
  EXPECT_EQ(json.back(), '\n');
}

TEST(JsonTest, InvalidUtf8BecomesReplacementCharacters) {
  const std::string text = "工作总结\n\xe5\xb7 坏字节\xff。\n";
  Report r = MustParse(text);
  const std::string json = ToJson(r, JsonStyle::kCompact);
  EXPECT_TRUE(nlohmann::json::accept(json));
  EXPECT_THAT(json, HasSubstr("\xEF\xBF\xBD"));
  EXPECT_EQ(r.source.bytes, text.size());
}

TEST(JsonTest, ReaderRejectsBadInput) {
  EXPECT_EQ(ReportFromJson("{").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ReportFromJson("[]").status().code(), absl::StatusCode::kInvalidArgument);
  absl::StatusOr<Report> foreign = ReportFromJson(R"({"schema": "other/2", "text": ""})");
  EXPECT_THAT(std::string(foreign.status().message()), HasSubstr("unsupported schema"));
  absl::StatusOr<Report> missing = ReportFromJson(R"({"schema": "wenshu.report/1"})");
  EXPECT_FALSE(missing.ok());
  absl::StatusOr<Report> bad_span = ReportFromJson(
      R"({"schema":"wenshu.report/1","source":{"name":"x"},"text":"","quantities":[{"text":"1","span":[5,2],"value":1,"kind":"count"}]})");
  EXPECT_THAT(std::string(bad_span.status().message()), HasSubstr("span"));
  // A fact's span holds 32-bit offsets (wenshu/span.h): one past them is refused, not cut.
  absl::StatusOr<Report> far_span = ReportFromJson(
      R"({"schema":"wenshu.report/1","source":{"name":"x"},"text":"","quantities":[{"text":"1","span":[4294967296,4294967297],"value":1,"kind":"count"}]})");
  ASSERT_FALSE(far_span.ok());
  EXPECT_THAT(std::string(far_span.status().message()), HasSubstr("largest offset"));
  absl::StatusOr<Report> bad_kind =
      ReportFromJson(R"({"schema":"wenshu.report/1","source":{"name":"x"},"text":"","kind":"novel"})");
  EXPECT_FALSE(bad_kind.ok());
}

// ---------------------------------------------------------------------------------------------------
// CSV

TEST(CsvTest, QuotesFieldsPerRfc4180) {
  Report r;
  r.source.name = "a,b.txt";
  r.source.line = 3;
  Quantity q;
  q.text = "5\"6\"";
  q.subject = "学生,\"在校\"";
  q.value = Decimal::FromInt(56);
  q.unit = "人";
  q.kind = QuantityKind::kCount;
  q.span = {10, 17};
  q.qualifiers = {"约", "余"};
  r.quantities.push_back(q);
  const std::string header = FactsCsvHeader();
  EXPECT_EQ(header.substr(header.size() - 2), "\r\n");
  const std::string rows = FactsCsvRows(r);
  EXPECT_EQ(
      rows,
      "\"a,b.txt\",3,quantity,,\"学生,\"\"在校\"\"\",\"5\"\"6\"\"\",56,,人,count,,,约 余,10,17,false,,,,other,other,,,"
      "\r\n");
}

TEST(CsvTest, DocumentColumnsHeadingsRolesSentencesAndDatesInTextOrder) {
  Report r = MustParse(
      "某县2024年工作总结\n各位代表：\n一、2023年工作回顾\n过去一年，全县地区生产总值增长5.2%，城镇新增就业1200人。\n"
      "二、2024年工作安排\n力争地区生产总值增长6%左右。\n");
  const std::string rows = FactsCsvRows(r);
  std::vector<std::string> lines;
  for (size_t at = 0, next; at < rows.size(); at = next + 2) {
    next = rows.find("\r\n", at);
    lines.push_back(rows.substr(at, next - at));
  }
  ASSERT_EQ(lines.size(), r.quantities.size() + r.changes.size() + r.dates.size());
  // Text order: every row starts at or after the previous one.
  size_t previous = 0;
  for (const std::string& line : lines) {
    std::vector<std::string> fields = absl::StrSplit(line, ',');
    ASSERT_GE(fields.size(), 24u) << line;
    const size_t begin = std::stoul(fields[13]);
    EXPECT_GE(begin, previous) << line;
    previous = begin;
  }
  auto row_of = [&](std::string_view text) -> std::vector<std::string> {
    for (const std::string& line : lines) {
      std::vector<std::string> fields = absl::StrSplit(line, ',');
      if (fields[5] == text) return fields;
    }
    return {};
  };
  const std::vector<std::string> actual = row_of("增长5.2%");
  ASSERT_FALSE(actual.empty());
  EXPECT_EQ(actual[2], "change");
  EXPECT_EQ(actual[16], "某县2024年工作总结");  // title
  EXPECT_EQ(actual[18], "2024");              // year
  EXPECT_EQ(actual[19], "actual");
  EXPECT_EQ(actual[20], "gdp_growth");
  EXPECT_EQ(actual[21], "2023年工作回顾");
  EXPECT_EQ(actual[23], "过去一年，全县地区生产总值增长5.2%，城镇新增就业1200人。");
  const std::vector<std::string> target = row_of("增长6%左右");
  ASSERT_FALSE(target.empty());
  EXPECT_EQ(target[19], "target");
  EXPECT_EQ(target[21], "2024年工作安排");
  const std::vector<std::string> date = row_of("2023年");
  ASSERT_FALSE(date.empty());
  EXPECT_EQ(date[2], "date");
  EXPECT_EQ(date[22], "2023");
}

TEST(CsvTest, OneRowPerQuantityChangeAndDate) {
  Report r = MustParse(SampleText());
  const std::string rows = FactsCsvRows(r);
  size_t lines = 0;
  for (size_t at = rows.find("\r\n"); at != std::string::npos; at = rows.find("\r\n", at + 2)) ++lines;
  EXPECT_EQ(lines, r.quantities.size() + r.changes.size() + r.dates.size());
}

// ---------------------------------------------------------------------------------------------------
// Robustness

TEST(ParseTest, LimitsAndOddInput) {
  ParseOptions small;
  small.max_bytes = 10;
  EXPECT_EQ(Parse("这是一段超过十个字节的文字", small).status().code(), absl::StatusCode::kResourceExhausted);
  Report empty = MustParse("");
  EXPECT_FALSE(empty.title);
  EXPECT_THAT(empty.sections, IsEmpty());
  Report nul = MustParse(std::string("1、第一项\0二、\n2、第二项\n", 30));
  EXPECT_EQ(nul.source.bytes, 30u);
  Report lines = MustParse(std::string(100000, '\n'));
  EXPECT_THAT(lines.sections, IsEmpty());
  Report markers = MustParse("1、\n2、\n(\n（\n①\n第\n一\n1.\n12345678、\n");
  // 1、 2、 and ① below 2、 (a bare marker line is still an item); "(", "第", "一", "1." and an
  // eight-digit number are not markers.
  ASSERT_EQ(markers.sections.size(), 2u);
  ASSERT_EQ(markers.sections[1].children.size(), 1u);
  EXPECT_EQ(markers.sections[1].children[0].marker, "①");
}

// Inputs cut anywhere (mid-character too) and marker soup: no crash, valid JSON, exact round trip,
// every span inside the input.
TEST(ParseTest, TruncatedAndRandomInputs) {
  const std::string sample = SampleText();
  std::vector<std::string> inputs;
  for (size_t cut = 0; cut < sample.size(); cut += 13) inputs.push_back(sample.substr(0, cut));
  static constexpr std::string_view kPieces[] = {
      "1、",        "(一)", "（二）", "一、",   "第三,",
      "⑴",          "①",    "一是",   "二是",   "2.",
      "20.",        "2023", "年",     "上半年", "工作总结",
      "\n",         "。",   ",",      "人",     "%",
      "较上年增加", "其中", "\xe5",   "\xff",   std::string_view("\0", 1),
      "率为",       "(",    ")"};
  uint32_t seed = 12345;
  for (int i = 0; i < 300; ++i) {
    std::string s;
    const int n = static_cast<int>(seed % 80);
    for (int k = 0; k < n; ++k) {
      seed = seed * 1103515245u + 12345u;
      s += kPieces[(seed >> 16) % std::size(kPieces)];
    }
    seed = seed * 1103515245u + 12345u;
    inputs.push_back(std::move(s));
  }
  for (const std::string& in : inputs) {
    Report r = MustParse(in);
    const std::string json = ToJson(r, JsonStyle::kCompact);
    ASSERT_TRUE(nlohmann::json::accept(json));
    absl::StatusOr<Report> back = ReportFromJson(json);
    ASSERT_TRUE(back.ok()) << back.status();
    ASSERT_EQ(ToJson(*back, JsonStyle::kCompact), json);
    for (const Quantity& q : r.quantities) ASSERT_LE(q.span.end, in.size());
    for (const ReportCheck& c : r.checks) {
      for (Span sp : c.spans) ASSERT_LE(sp.end, in.size());
    }
    std::vector<const Section*> stack;
    for (const Section& sec : r.sections) stack.push_back(&sec);
    while (!stack.empty()) {
      const Section* sec = stack.back();
      stack.pop_back();
      ASSERT_LE(sec->span.begin, sec->span.end);
      ASSERT_LE(sec->span.end, in.size());
      for (const Section& c : sec->children) stack.push_back(&c);
    }
  }
}

TEST(ParseTest, SourceIsCarried) {
  ParseOptions o;
  o.source.name = "corpus.jsonl";
  o.source.id = "doc-7";
  o.source.line = 7;
  Report r = MustParse("工作总结\n", o);
  EXPECT_EQ(r.source.name, "corpus.jsonl");
  EXPECT_EQ(r.source.id, "doc-7");
  EXPECT_EQ(r.source.line, 7);
  EXPECT_EQ(r.source.bytes, std::string("工作总结\n").size());
}

TEST(CorpusTest, EveryCleanDocumentParsesAndRoundTrips) {
  auto docs = wenshu::testing::CleanCorpusDocuments();
  if (docs.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: no clean corpora";
  for (const auto& doc : docs) {
    absl::StatusOr<Report> r = Parse(doc.text);
    ASSERT_TRUE(r.ok()) << doc.name << ": " << r.status();
    const std::string json = ToJson(*r, JsonStyle::kCompact);
    absl::StatusOr<Report> back = ReportFromJson(json);
    ASSERT_TRUE(back.ok()) << doc.name << ": " << back.status();
    EXPECT_EQ(ToJson(*back, JsonStyle::kCompact), json) << doc.name;
    for (const Quantity& q : r->quantities) {
      if (!q.repaired) {
        ASSERT_EQ(Slice(doc.text, q.span), q.text) << doc.name;
      }
    }
  }
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

std::string ShowTarget(const Target& t) {
  std::string s = t.canonical + " " + (t.value ? t.value->ToString() : "null");
  if (t.upper) s += "~" + t.upper->ToString();
  if (t.unit) s += " " + *t.unit;
  if (t.qualifier) s += " " + *t.qualifier;
  return s + " " + t.kind;
}

TEST(TargetsTest, MainStatementAfterTheFiveYearGoalsAndTheReview) {
  const std::string text =
      "2026年政府工作报告\n"
      "一、2025年工作回顾\n"
      "全年地区生产总值增长5.4%，高于预期目标。\n"
      "二、2026年工作安排\n"
      "“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右，到2030年城镇化率达到70%。\n"
      "今年经济社会发展的主要预期目标是：地区生产总值增长4.5%—5%，在实际工作中努力争取更好结果；"
      "城镇调查失业率控制在5.5%左右，城镇新增就业45万人以上；居民消费价格指数上涨2%左右；"
      "城乡居民人均可支配收入分别增长5%、6.5%左右；细颗粒物年均浓度控制在29微克/立方米以内；"
      "单位地区生产总值能耗降低2%；居民收入增长和经济增长同步。这些目标，兼顾了需要和可能。\n";
  Report r = MustParse(text);
  // The 十五五 goals are targets of tier "plan" (a yearly average has no year; the 2030 goal is for 2030).
  std::vector<Target> main, plan;
  for (const Target& t : r.targets) (t.tier == "main" ? main : plan).push_back(t);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(ShowTarget(plan[0]), "gdp_growth 5 % 左右 growth");
  EXPECT_EQ(plan[0].year, std::nullopt);
  EXPECT_EQ(ShowTarget(plan[1]), "urbanization_rate 70 % level");
  EXPECT_EQ(plan[1].year, 2030);
  std::vector<std::string> shown;
  for (const Target& t : main) shown.push_back(ShowTarget(t));
  EXPECT_THAT(shown, ::testing::ElementsAre(
                         "gdp_growth 4.5~5 % growth", "urban_unemployment_surveyed 5.5 % 左右 level",
                         "urban_new_jobs 450000 人 以上 level", "cpi 2 % 左右 growth",
                         "urban_income_growth 5 % 左右 growth", "rural_income_growth 6.5 % 左右 growth",
                         "pm25 29 微克/立方米 以内 cap", "energy_intensity 2 % reduction",
                         "resident_income_growth null qualitative"));
  ASSERT_FALSE(main.empty());
  EXPECT_EQ(main[0].indicator, "地区生产总值增长");
  EXPECT_EQ(main[0].year, 2026);
  EXPECT_TRUE(main[4].shared_qualifier);
  // Spans are in the input and hold the clause.
  for (const Target& t : r.targets) EXPECT_EQ(text.substr(t.span.begin, t.span.size()), t.text);
  // The JSON round trip keeps them.
  absl::StatusOr<Report> back = ReportFromJson(ToJson(r));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(ToJson(*back), ToJson(r));
}

// A share of X is a share, not X's growth, and a sector's output is not the region's GDP; what must stay:
// R&D intensity (itself a share) and GDP, industry and energy intensity said plainly.
TEST(TargetsTest, SharesAndSectorOutputsAreNotTheSubjectsGrowth) {
  const std::string text =
      "2026年政府工作报告\n"
      "一、2026年工作安排\n"
      "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；规上工业增加值增长6%；"
      "高端制造业增加值占规上工业比重达到30%；新建项目中清洁能源项目占新增能耗比重不低于70%；"
      "海洋生产总值增长7%；研发经费投入强度达到2.8%；单位地区生产总值能耗降低2%。\n";
  Report r = MustParse(text);
  std::vector<std::string> shown;
  for (const Target& t : r.targets) shown.push_back(ShowTarget(t));
  EXPECT_THAT(shown, ::testing::ElementsAre("gdp_growth 5 % 左右 growth", "industrial_value_added_growth 6 % growth",
                                            "other 30 % level", "other 70 % 不低于 level", "other 7 % growth",
                                            "rd_intensity 2.8 % level", "energy_intensity 2 % reduction"));
}

TEST(TargetsTest, NoStatementNoTargets) {
  EXPECT_TRUE(MustParse("2025年工作总结\n一、主要工作\n全年完成投资5亿元，增长8%。\n").targets.empty());
}

}  // namespace
}  // namespace wenshu
