// boilerplate.truncation (a site's notice where it cut the text: removed, the document diagnosed as
// truncated) and the bundle forms of boilerplate.bundle beyond "汇编(5篇)" + "篇1".
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "repair/only_rules.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

TEST(Truncation, DiagnosedOnlyWhenANoticeIsRemoved) {
  auto cut = Repair("一、主要工作\n全年完成投资5亿元。\n……(未完,全文共3120字,当前仅显示800字)\n");
  ASSERT_TRUE(cut.ok());
  EXPECT_TRUE(cut->diagnosis.truncated);
  ASSERT_EQ(cut->records.size(), 1u);
  EXPECT_EQ(cut->records[0].rule, "boilerplate.truncation");
  EXPECT_THAT(cut->records[0].reason, ::testing::HasSubstr("missing"));
  auto whole = Repair("一、主要工作\n全年完成投资5亿元,部分项目尚未完成。\n");
  ASSERT_TRUE(whole.ok());
  EXPECT_FALSE(whole->diagnosis.truncated);
  EXPECT_TRUE(whole->records.empty());
}

TEST(Truncation, ATextCutMidSentenceInDotsIsFlaggedNotChanged) {
  auto cut = Repair("一、主要工作\n全年完成投资5亿元,其中基础设施...");
  ASSERT_TRUE(cut.ok());
  EXPECT_FALSE(cut->diagnosis.truncated);  // a notice diagnoses; an excerpt's end is only flagged
  EXPECT_TRUE(cut->records.empty());
  ASSERT_EQ(cut->flags.size(), 1u);
  EXPECT_EQ(cut->flags[0].rule, "boilerplate.truncation");
  EXPECT_EQ(cut->flags[0].text, "...");
  auto whole = Repair("一、主要工作\n全年完成投资5亿元。……");
  ASSERT_TRUE(whole.ok());
  EXPECT_FALSE(whole->diagnosis.truncated);
  EXPECT_TRUE(whole->flags.empty());
}

// Runs only boilerplate.bundle on `text`: it must come out unchanged (these bundle forms are flagged, not
// removed), with exactly the flags `expected` ("rule:text" each).
void ExpectBundleFlags(const std::string& text, std::vector<std::string> expected) {
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(testing::FlagTexts(testing::ExpectRepaired(text, {"boilerplate.bundle"}, text)), expected);
}

// The first piece's title with its number ending the line names a bundle on its own near the top, as the
// label 篇一: does, in either script and with a blank before the number; the site's collection title may be
// missing (a notice stood there) or may not count its pieces.
TEST(Bundle, FirstPieceTitleNumberedOneNamesABundle) {
  ExpectBundleFlags(
      "某厂安全生产年终总结\n\n  某厂安全生产年终总结 篇1\n\n"
      "今年以来，我厂坚持安全第一、预防为主，全年未发生安全事故。\n",
      {"boilerplate.bundle:  某厂安全生产年终总结 篇1"});
  ExpectBundleFlags("社區志願服務心得體會篇一\n這次參加社區志願服務，我收穫很多。\n",
                    {"boilerplate.bundle:社區志願服務心得體會篇一"});
  // A piece's label with its colon names a bundle wherever it stands, whatever its number (a page showing
  // a later piece).
  ExpectBundleFlags(
      "某公司员工考勤管理制度\n一、员工应当按时上下班，不得迟到早退。\n\n篇2:某公司员工奖惩制度\n"
      "一、对工作表现突出的员工给予表扬和奖励。\n",
      {"boilerplate.bundle:篇2:"});
  // A second piece's number alone after its title names none.
  ExpectBundleFlags("某厂安全生产年终总结篇二\n今年以来，我厂坚持安全第一、预防为主，全年未发生安全事故。\n", {});
}

// A table of contents whose page numbers are glued to the entries' text: entries that open with a chapter's
// number (第N章), or whose text stands again later as a heading of its own, in a run of three with the
// numbers never going down, are flagged; lines that end in a figure otherwise stay unflagged.
TEST(Bundle, TableOfContentsWithGluedPageNumbers) {
  ExpectBundleFlags(
      "员工手册\n\n第一章总则1\n\n第二章考勤管理3\n\n第三章奖惩规定6\n\n第一章总则\n\n一、为规范管理，制定本手册。\n",
      {"boilerplate.bundle:第一章总则1", "boilerplate.bundle:第二章考勤管理3",
       "boilerplate.bundle:第三章奖惩规定6"});
  ExpectBundleFlags(
      "工作手册\n一、总体要求2\n二、工作任务5\n三、保障措施9\n一、总体要求\n坚持问题导向。\n二、工作任务\n"
      "抓好重点工作。\n三、保障措施\n加强组织领导。\n",
      {"boilerplate.bundle:一、总体要求2", "boilerplate.bundle:二、工作任务5",
       "boilerplate.bundle:三、保障措施9"});
  ExpectBundleFlags("某镇工作总结\n新建村道12\n改造危房35\n新增就业岗位120\n全年各项工作进展顺利。\n", {});
}

}  // namespace
}  // namespace wenshu
