// boilerplate.site_header: a site's notice header, keyword tags and repeated title forms go; one title,
// the document's own line (the last form), stays; a clean report's first lines are never touched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "repair/only_rules.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

// Checks the header of the seed (or of its fixture copy): furniture removed, one title kept.
void ExpectSeedHeaderRemoved(const std::string& original) {
  auto result = Repair(original, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->diagnosis.site_boilerplate);
  const std::string& out = result->text;
  EXPECT_THAT(out, ::testing::StartsWith("2023年上半年工作总结\n2023年上半年,社会事业工作认真贯彻落实"));
  for (const char* gone : {"温馨提示", "网站客服", "汇文网", "文章标题", "\n社会\n事业\n", "社会事业局上半年工作总结"}) {
    EXPECT_EQ(out.find(gone), std::string::npos) << gone;
  }
  // Each removal says which repeated form it removed and which it kept.
  int title_records = 0;
  for (const RepairRecord& r : result->records) {
    EXPECT_TRUE(r.after.empty()) << r.rule;
    EXPECT_FALSE(r.reason.empty());
    if (r.reason.view().find("repeated the title") != std::string_view::npos) {
      ++title_records;
      EXPECT_THAT(r.reason, ::testing::HasSubstr("kept the last, the document's own line, \"2023年上半年工作总结\""));
    }
  }
  EXPECT_EQ(title_records, 2);
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

TEST(BoilerplateSeed, FixtureHeaderIsRemoved) {
  ExpectSeedHeaderRemoved(testing::ReadFixture("repair/in-the-wild/furniture_seed_excerpt.txt"));
}

TEST(BoilerplateSeed, SeedHeaderIsRemoved) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; the seed is not available";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  ExpectSeedHeaderRemoved(*text);
}

TEST(Boilerplate, EmptyAndOddInputDoNotCrash) {
  for (std::string text : {std::string(), std::string("\n\n\n"), std::string("温馨提示:"),
                           std::string("温馨提示:\n\xFF\xFE\n"), std::string(1, '\0') + "网站客服:123\n",
                           std::string(100000, 'a')}) {
    auto result = Repair(text, testing::OnlyRules({"boilerplate."}));
    ASSERT_TRUE(result.ok());
    auto back = RevertRepairs(result->text, result->records);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, text);
  }
}

// A first line that opens as a sentence's adverbial clause (为了…, 根据…) is no title run into its text, even
// when a kind of report (心得) stands before its first comma: no break goes in.
TEST(BoilerplateTitle, SentenceOpenerIsNoRunInTitle) {
  const std::string text =
      "为了让大家写出的心得能打动更多读者,我们整理了下面几篇文章,仅供大家阅读参考。\n"
      "这次参加社区志愿服务，我收获很多，也更加理解了服务群众的意义。\n";
  EXPECT_THAT(testing::FlagTexts(testing::ExpectRepaired(text, {"boilerplate.title"}, text)), ::testing::IsEmpty());
}

// A title that ends in a bracketed note holding a comma is still a title line, and its copy goes.
TEST(BoilerplateTitle, TitleWithABracketedNoteIsCopied) {
  const std::string title = "2023年社区志愿服务工作总结(共开展活动12次,参与群众300余人)";
  const std::string body = "今年以来，社区志愿服务队围绕群众需求，组织开展了多种形式的志愿服务活动。\n";
  EXPECT_THAT(testing::FlagTexts(testing::ExpectRepaired(title + "\n\n" + title + "\n\n" + body, {"boilerplate.title"},
                                                        title + "\n\n\n" + body)),
              ::testing::IsEmpty());
}

// The download's file name above a line that opens with the same words (a page that lost its breaks, no
// title line of its own) is the site's name for the file: it goes.
TEST(BoilerplateTitle, FileNameAboveTheSameWords) {
  const std::string text =
      "某公司档案管理制度范本5篇 为了加强档案管理工作,我们整理了以下制度,供参考。档案管理制度篇1 第一条 为规范档案管理,制定本制度。\n";
  EXPECT_THAT(
      testing::FlagTexts(testing::ExpectRepaired("某公司档案管理制度范本5篇.docx\n" + text, {"boilerplate.title"}, text)),
      ::testing::IsEmpty());
}

// The title line whose end an earlier rule cut (the site's name after it, which a removed site line names
// too) is still the title, as far as the cut: the site's shorter copy under it goes.
TEST(BoilerplateTitle, TitleLineWithItsSiteNameCut) {
  const std::string body =
      "某区城管局副局长述职报告篇1\n\n今年以来，本人在局党组的领导下，认真履行分管职责，较好地完成了各项工作任务。\n"
      "下一步，我将继续加强学习，改进作风，努力做好分管工作。\n";
  testing::ExpectRepaired("某区城管局副局长述职报告范文三篇-某某文库网\n\n2022-11-08 某某文库网的版权声明\n\n"
                          "某区城管局副局长述职报告\n\n" + body, {"boilerplate."},
                          "某区城管局副局长述职报告范文三篇\n\n\n\n" + body);
}

// On a converted copy the title and its copy carry the converter's readings, which text.pinyin removes first:
// the lines are still the title and its copy, and the copy goes in the pieces between the readings.
TEST(BoilerplateTitle, CopyWithReadingsOnAConvertedPage) {
  const std::string body =
      "今年以來,我鎮緊緊圍繞縣委縣政府的決策部署,紮實推進各項(xiàng)工作,取得了明顯成效。\n"
      "下一步,我們將繼續(xù)加強(qiáng)基層組織建設(shè),推動(dòng)經(jīng)濟(jì)社會(huì)持續(xù)健康發(fā)展。\n";
  testing::ExpectRepaired("某鎮2022年工作總結(jié)\n\n某鎮2022年工作總結(jié)\n\n" + body, {"text.pinyin", "boilerplate."},
                          "某鎮2022年工作總結\n\n\n\n今年以來,我鎮緊緊圍繞縣委縣政府的決策部署,紮實推進各項工作,取得了明顯成效。\n"
                          "下一步,我們將繼續加強基層組織建設,推動經濟社會持續健康發展。\n");
}

}  // namespace
}  // namespace wenshu
