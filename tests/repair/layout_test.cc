// layout.space (stray spaces from PDF and Word extraction) and boilerplate.title (the site's copies of the
// title, a title run into the first sentence), as data cases; and the clean-text guarantee for both on the
// shared corpora.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "repair/only_rules.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

TEST(Title, RunInSplitIsAnInsertionThatReverts) {
  const std::string original = "某镇镇长述职报告各位领导、同志们:我于今年三月调任某镇镇长,主持政府全面工作。";
  auto result = Repair(original, testing::OnlyRules({"boilerplate.title"}));
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->records.size(), 1u);
  const RepairRecord& r = result->records[0];
  EXPECT_EQ(r.span.begin, r.span.end);
  EXPECT_EQ(r.before, "");
  EXPECT_EQ(r.after, "\n");
  EXPECT_THAT(r.reason, ::testing::HasSubstr("某镇镇长述职报告"));
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

// A converted copy's layout is read without the converter's readings and in simplified characters: a
// space after a comma that follows a reading ("活動(dòng), 豐富") and a space splitting a word written in
// traditional characters ("成 績") go, as they would in the simplified text.
TEST(Layout, ConvertedCopyIsReadWithoutItsReadings) {
  const std::string original =
      "社區(qū)文化工作總結(jié)\n今年以來,我們舉辦了讀書分享、廣場(chǎng)舞比賽等活動(dòng), 豐富了居民的業(yè)余生活,"
      "各項工作取得了較好成 績。這些活動(dòng)得到了廣大居民的一致好評(píng),參與人數(shù)逐年增加。";
  auto result = Repair(original, testing::OnlyRules({"layout.", "text."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->text,
            "社区文化工作总结\n今年以来,我们举办了读书分享、广场舞比赛等活动,丰富了居民的业余生活,"
            "各项工作取得了较好成绩。这些活动得到了广大居民的一致好评,参与人数逐年增加。");
  size_t spaces = 0;
  for (const RepairRecord& r : result->records) spaces += r.rule == "layout.space";
  EXPECT_EQ(spaces, 2u);
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

// No clean report loses a space or a title line to these rules (the whole engine's clean-corpus test
// counts every rule; this one names the layout rules' spots when it fails).
TEST(Layout, CleanCorporaUntouched) {
  auto docs = testing::CleanCorpusDocuments();
  if (docs.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; no clean corpus";
  size_t edits = 0;
  for (const auto& doc : docs) {
    auto result = Repair(doc.text);
    ASSERT_TRUE(result.ok()) << doc.name;
    for (const RepairRecord& r : result->records) {
      if (r.rule.rfind("layout.", 0) == 0 || r.rule == "boilerplate.title") {
        ++edits;
        ADD_FAILURE() << doc.name << ": " << r.rule << " [" << r.before << "] -> [" << r.after << "]";
      }
    }
  }
  EXPECT_EQ(edits, 0u);
}

}  // namespace
}  // namespace wenshu
