// boilerplate.truncation (a site's notice where it cut the text: removed, the document diagnosed as
// truncated) and the bundle forms of boilerplate.bundle beyond "汇编(5篇)" + "篇1".
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace wenshu
