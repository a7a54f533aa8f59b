// boilerplate.site_lines: the learned furniture line model and the rule that uses it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "repair/only_rules.h"
#include "repair/site_lines.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

using repair_internal::EmbeddedFurnitureModel;
using repair_internal::FurnitureFeatures;

// The C++ features are the ones tools/furniture/features.py trained the model on (a fixture it printed:
// line<TAB>features separated by spaces, with spaces inside a feature written as \s).
TEST(FurnitureFeatures, MatchTheTrainingScript) {
  std::istringstream in(testing::ReadFixture("repair/furniture_features.tsv"));
  std::string row;
  int checked = 0;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::vector<std::string> cells = absl::StrSplit(row, '\t');
    ASSERT_EQ(cells.size(), 2u) << row;
    std::vector<std::string> got = FurnitureFeatures(cells[0]);
    for (std::string& f : got) f = absl::StrJoin(absl::StrSplit(f, ' '), "\\s");
    EXPECT_EQ(absl::StrJoin(got, " "), cells[1]) << cells[0];
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

TEST(FurnitureModel, SeparatesSiteLinesFromReportLines) {
  const auto& model = EmbeddedFurnitureModel();
  for (const char* furniture : {"上传人:a1b2 文档编号:9912345 页数:12", "当前位置：首页 > 范文 > 工作计划",
                                "【字体：大 中 小】", "扫一扫在手机打开当前页", "还剩5页未读，继续阅读"}) {
    EXPECT_GE(model.Probability(furniture), repair_internal::kSiteLineProbability) << furniture;
  }
  for (const char* prose : {"各位代表：", "某镇2022年工作总结", "一、2025年工作回顾", "2022年12月20日",
                            "全镇完成固定资产投资12亿元，同比增长8.5%，超额完成年度目标任务。"}) {
    EXPECT_LT(model.Probability(prose), repair_internal::kSiteLineProbability) << prose;
  }
}

// The probability as the model's definition reads: the bias plus the weight of each of the line's features
// (FurnitureFeatures: a set, sorted), summed in that order, 0 for a feature the model lacks.
double ReferenceProbability(double bias, const std::map<std::string, double>& weights, std::string_view line) {
  double z = bias;
  for (const std::string& f : FurnitureFeatures(line)) {
    const auto it = weights.find(f);
    z += it == weights.end() ? 0.0 : it->second;
  }
  z = std::clamp(z, -30.0, 30.0);
  return 1.0 / (1.0 + std::exp(-z));
}

// Probability sums only the weights it finds, in the order of the model's entries: it must give the
// reference's sums bit for bit (a floating-point sum depends on its order), for the compiled model and for
// one parsed from rows in another order with a feature repeated (the last row's weight counts).
TEST(FurnitureModel, SumsTheWeightsInTheOrderOfTheSortedFeatures) {
  const std::optional<std::string> tsv = testing::ReadFile(testing::SourcePath("src/repair/data/furniture_model.tsv"));
  ASSERT_TRUE(tsv.has_value());
  double bias = 0;
  std::string bias_row;
  std::map<std::string, double> weights;
  std::vector<std::string> rows;  // the W rows
  for (absl::string_view row : absl::StrSplit(*tsv, '\n')) {
    const std::vector<std::string> cells = absl::StrSplit(row, '\t');
    if (cells[0] == "B") {
      ASSERT_TRUE(absl::SimpleAtod(cells[1], &bias));
      bias_row = std::string(row);
    }
    if (cells[0] != "W") continue;
    ASSERT_TRUE(absl::SimpleAtod(cells[2], &weights[cells[1]]));
    rows.emplace_back(row);
  }
  ASSERT_GT(rows.size(), 1000u);
  std::vector<std::string> lines;
  std::istringstream fixture(testing::ReadFixture("repair/furniture_features.tsv"));
  for (std::string row; std::getline(fixture, row);) {
    if (!row.empty() && row[0] != '#') lines.push_back(row.substr(0, row.find('\t')));
  }
  lines.push_back("全镇完成固定资产投资12亿元，同比增长8.5%，超额完成年度目标任务。" + std::string(40, 'x') +
                  "本文来源于www.example.com，仅供参考，欢迎阅读。");  // longer than the n-gram window
  lines.push_back("上传人\xFF\xFE 文档编号 \xE4\xB8");  // ill-formed bytes
  lines.push_back("   ");
  if (const auto seed = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt"); seed.has_value()) {
    for (absl::string_view line : absl::StrSplit(testing::ReadFile(*seed).value_or(""), '\n')) lines.emplace_back(line);
  }

  const auto& embedded = EmbeddedFurnitureModel();
  for (const std::string& line : lines) {
    EXPECT_EQ(embedded.Probability(line), ReferenceProbability(bias, weights, line)) << line;
  }

  // Rows reversed, and the first feature's row repeated at the end with another weight.
  std::vector<std::string> shuffled(rows.rbegin(), rows.rend());
  const std::vector<std::string> first = absl::StrSplit(rows.front(), '\t');
  shuffled.push_back(absl::StrCat("W\t", first[1], "\t1.25"));
  weights[first[1]] = 1.25;
  auto parsed = repair_internal::FurnitureModel::Parse(
      absl::StrCat("V\twenshu-furniture-model\t2\n", bias_row, "\n", absl::StrJoin(shuffled, "\n"), "\n"));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  for (const std::string& line : lines) {
    EXPECT_EQ(parsed->Probability(line), ReferenceProbability(bias, weights, line)) << line;
  }
}

TEST(FurnitureModel, RejectsBrokenTables) {
  EXPECT_FALSE(repair_internal::FurnitureModel::Parse("B\t0.5\n").ok());
  EXPECT_FALSE(repair_internal::FurnitureModel::Parse("V\twenshu-furniture-model\t2\nW\tu下\tx\n").ok());
  EXPECT_TRUE(repair_internal::FurnitureModel::Parse("V\twenshu-furniture-model\t2\nB\t-1\nW\tu下\t2.5\n").ok());
}

// Every removal is a record with its reason and the model's confidence, and reverts to the original.
TEST(SiteLines, RemovalsAreLoggedAndReversible) {
  const std::string original =
      "上传人:w83721 文档编号:5532190 页数:6\n某镇2022年工作总结\n"
      "今年以来，我镇紧紧围绕县委县政府的决策部署，扎实推进各项工作。\n标签：工作总结，年终总结\n";
  auto result = Repair(original);
  ASSERT_TRUE(result.ok()) << result.status();
  int site_lines = 0;
  for (const RepairRecord& r : result->records) {
    if (r.rule != "boilerplate.site_lines") continue;
    ++site_lines;
    EXPECT_GE(r.confidence, repair_internal::kSiteLineProbability);
    EXPECT_THAT(r.reason, ::testing::HasSubstr("furniture model"));
  }
  EXPECT_GE(site_lines, 1);
  EXPECT_TRUE(result->diagnosis.site_boilerplate);
  EXPECT_EQ(result->text.find("上传人"), std::string::npos);
  EXPECT_EQ(result->text.find("标签"), std::string::npos);
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

// A copy a converting site turned into traditional characters carries the converter's readings in every
// line, its notice too (由會(huì)員分享…). text.pinyin removes the readings first; the notice still goes, in the
// pieces between them, and the model reads each line without them: a report line with many readings (Latin
// letters in brackets, which the model learned as a site's) stays, even at the report's end where a page
// cut it before its full stop.
TEST(SiteLines, ConvertedCopyIsReadWithoutItsReadings) {
  const std::string original =
      "《某鎮2022年工作總結(jié)》由會(huì)員分享,可在線閱讀,更多相關(guān)內(nèi)容請(qǐng)到某某文庫(kù)搜索。\n"
      "某鎮2022年工作總結(jié)\n"
      "今年以來,我鎮緊緊圍繞縣委縣政府的決策部署,紮實推進各項(xiàng)工作,取得了明顯成效。\n"
      "下一步,我們將繼續(xù)加強(qiáng)基層組織建設(shè),推動(dòng)經(jīng)濟(jì)社會(huì)持續(xù)健康發(fā)展。\n"
      "會(huì)議記錄:由辦公室指定專(zhuān)人記錄,會(huì)後(hòu)整理成紀(jì)要並報(bào)送分管領(lǐng)導(dǎo)審閱。(三)會(huì)後(hòu)";
  auto result = Repair(original, testing::OnlyRules({"text.pinyin", "boilerplate."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->text,
            "某鎮2022年工作總結\n"
            "今年以來,我鎮緊緊圍繞縣委縣政府的決策部署,紮實推進各項工作,取得了明顯成效。\n"
            "下一步,我們將繼續加強基層組織建設,推動經濟社會持續健康發展。\n"
            "會議記錄:由辦公室指定專人記錄,會後整理成紀要並報送分管領導審閱。(三)會後");
  for (const RepairRecord& r : result->records) {
    if (r.rule == "boilerplate.site_lines") {
      EXPECT_EQ(r.before.find('('), std::string::npos) << r.before;
    }
  }
  auto applied = ApplyRepairs(original, result->records);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(*applied, result->text);
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

// A site's teaser under its label at the report's top: a copy of the opening that follows goes whole (blanks
// and breaks aside, cut mid-sentence); a text that copies nothing (the site's abstract) is flagged, kept. A
// labelled line inside the report (a table's product) is neither.
TEST(SiteLines, LabelledTeaserAtTheTop) {
  const std::string opening = "今年暑假，我们学院的志愿服务队来到山区小学开展支教活动，为期两周。";
  const std::string second = "出发前，队员们认真准备了课程，也对当地的情况作了一些了解，大家都很期待。";
  const std::string original = "某校暑期支教心得体会\n推荐阅读:" + opening + " 出发前，队员们认真准备了课程，\n" +
                               opening + "\n\n" + second + "\n";
  auto result = Repair(original, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->text, "某校暑期支教心得体会\n" + opening + "\n\n" + second + "\n");
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);

  const std::string abstract = "某校暑期支教心得体会\n核心提示:支教让我们懂得了责任，也让我们看到了山区孩子对知识的渴望。\n" +
                               opening + "\n" + second + "\n原煤:全年产量比上年增长，安全形势总体平稳，未发生事故。\n";
  auto flagged = Repair(abstract, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(flagged.ok()) << flagged.status();
  EXPECT_EQ(flagged->text, abstract);
  std::vector<std::string> flags;
  for (const RepairFlag& f : flagged->flags) {
    if (f.rule == "boilerplate.site_lines") flags.push_back(f.text);
  }
  EXPECT_THAT(flags, ::testing::ElementsAre(
                         "核心提示:支教让我们懂得了责任，也让我们看到了山区孩子对知识的渴望。"));
}

// A breadcrumb's blanks around its link separators are how it is written, not extraction noise: without them
// "觅稿网 > 年终总结 > 个人年终总结 >" (0.99) reads as prose (0.26), and the noise excuse kept it.
TEST(SiteLines, BreadcrumbBlanksAreNoNoise) {
  const std::string report =
      "某小学教师年终工作总结\n\n一年来，我认真履行教师职责，积极参加各项教研活动，教学质量稳步提高。\n"
      "下一步，我将继续加强学习，不断提升自己的业务能力。\n";
  testing::ExpectRepaired("觅稿网 > 年终总结 > 个人年终总结 >\n\n" + report, {"boilerplate."},
                          "\n" + report);
}

// A label in 【】 glued before the report's first sentence (a site's 【导读】) is a piece of its own: it goes,
// the sentence stays.
TEST(SiteLines, BracketedLabelGluedBeforeTheText) {
  const std::string text =
      "今年以来，我局在区委区政府的坚强领导下，认真履行职责，各项工作取得了新的进展。\n"
      "下一步，我们将继续加强队伍建设，推动各项工作再上新台阶。\n";
  auto result = Repair("【导读】" + text, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->text, text);
  // A bundle's piece number in brackets, and the report's own label inside it, stay.
  for (const std::string& kept :
       {"【一】" + text, "【篇一】" + text, text + "【案例】某村通过发展特色产业，带动群众增收，取得了明显成效。\n" + text}) {
    auto same = Repair(kept, testing::OnlyRules({"boilerplate.site_lines"}));
    ASSERT_TRUE(same.ok()) << same.status();
    EXPECT_EQ(same->text, kept);
  }
}

// A portal's field that holds the title under a name of its own (内容概述, not only 标题): before the report,
// a field name, blanks and a title that another line says on its own go whole; the title line stays.
TEST(SiteLines, FieldHoldingTheTitleCopy) {
  const std::string report =
      "今年以来，街道坚持稳中求进工作总基调，各项工作取得新成效。\n下一步，我们将继续抓好各项工作落实。\n";
  testing::ExpectRepaired("当前位置:首页 > 某街道 > 政府信息公开 > 重点工作\n\n某街道2022年工作总结\n\n"
                          "发布时间:2023-01-17 15:00     发布部门:某街道     阅读次数:\n\n文件下载\n"
                          "内容概述  某街道2022年工作总结\n\n" + report, {"boilerplate."},
                          "\n某街道2022年工作总结\n\n\n\n" + report);
}

// A bundle's introduction: the document's first sentence line, right before the first piece's label, saying
// how many pieces follow, belongs to no piece: it goes. Before a later piece's label (the first piece
// unlabelled above it) the text is a piece's and stays.
TEST(SiteLines, BundleIntroductionBeforeTheFirstPiece) {
  const std::string pieces =
      "篇一:某厂2023年安全生产工作总结\n今年以来，我厂坚持安全第一、预防为主，全年未发生安全事故。\n\n"
      "篇二:某厂2022年安全生产工作总结\n一年来，我厂扎实开展隐患排查治理，安全形势持续稳定。\n";
  const std::string intro = "做好安全生产总结，对于提升管理水平十分重要。本文整理了三篇安全生产工作总结，供大家参考借鉴。\n\n";
  auto result = Repair("某厂安全生产工作总结\n\n" + intro + pieces, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->text, "某厂安全生产工作总结\n\n\n" + pieces);

  // (Text without a site's words to the reader: a notice in them, 整理 … 供大家参考借鉴, goes wherever it
  // stands, site_lines' reader-words rule.)
  const std::string piece_text = "做好安全生产总结，对于提升管理水平十分重要。今年我厂认真总结了这项工作。\n\n";
  const std::string later = "某厂安全生产工作总结\n\n" + piece_text +
                            "篇二:某厂2022年安全生产工作总结\n一年来，我厂扎实开展隐患排查治理，安全形势持续稳定。\n";
  auto kept = Repair(later, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_EQ(kept->text, later);
}

}  // namespace
}  // namespace wenshu
