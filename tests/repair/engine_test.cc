// The repair log is exact: apply gives the repaired text, revert gives the original, offsets map back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "wenshu/repair.h"

namespace wenshu {
namespace {

RepairRecord Record(size_t b, size_t e, std::string_view original, std::string after) {
  RepairRecord r;
  r.rule = "test";
  r.span = {b, e};
  r.before = std::string(original.substr(b, e - b));
  r.after = std::move(after);
  return r;
}

TEST(RepairLog, ApplyAndRevertRoundTrip) {
  std::string original = "abcXYZdefFOOTERghi";
  std::vector<RepairRecord> records = {Record(3, 6, original, "10"), Record(9, 15, original, ""),
                                       Record(18, 18, original, "%")};
  auto repaired = ApplyRepairs(original, records);
  ASSERT_TRUE(repaired.ok()) << repaired.status();
  EXPECT_EQ(*repaired, "abc10defghi%");
  auto back = RevertRepairs(*repaired, records);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, original);
}

TEST(RepairLog, RejectsRecordsThatDoNotFit) {
  std::string original = "abcdef";
  RepairRecord bad = Record(1, 3, original, "x");
  bad.before = "zz";
  EXPECT_FALSE(ApplyRepairs(original, {bad}).ok());
  EXPECT_FALSE(ApplyRepairs(original, {Record(2, 4, original, ""), Record(3, 5, original, "")}).ok());
  EXPECT_FALSE(RevertRepairs("nothing like it", {Record(1, 3, original, "QQ")}).ok());
}

TEST(OffsetMap, MapsBothWays) {
  std::string original = "abcXYZdef";
  std::vector<RepairRecord> records = {Record(3, 6, original, "1")};  // "abc1def"
  OffsetMap map(records);
  EXPECT_EQ(map.ToOriginal(size_t{2}), 2u);
  EXPECT_EQ(map.ToOriginal(size_t{3}), 3u);  // inside the edit: its start
  EXPECT_EQ(map.ToOriginal(size_t{4}), 6u);  // 'd'
  EXPECT_EQ(map.ToOriginal(Span{3, 4}), (Span{3, 6}));
  EXPECT_EQ(map.ToOriginal(Span{4, 7}), (Span{6, 9}));
  EXPECT_EQ(map.ToRepaired(7), 5u);
  EXPECT_EQ(map.ToRepaired(4), 3u);
}

TEST(Repair, InvalidUtf8IsKeptAndFlagged) {
  std::string original = "好\xFF\xFE坏";
  auto result = Repair(original);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->text, original);
  ASSERT_EQ(result->flags.size(), 1u);
  EXPECT_EQ(result->flags[0].rule, "text.invalid_utf8");
  EXPECT_EQ(result->flags[0].span, (Span{3, 5}));
}

TEST(RepairOptions, DisablesByIdAndPrefix) {
  RepairOptions options;
  options.disabled_rules = {"vocab."};
  EXPECT_FALSE(options.Enabled("vocab.spun"));
  EXPECT_TRUE(options.Enabled("number.masked_ten"));
  std::string original = "\xFF";
  options.disabled_rules = {"text.invalid_utf8"};
  auto result = Repair(original, options);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->flags.empty());
}

}  // namespace
}  // namespace wenshu
