// The repair log is exact: apply gives the repaired text, revert gives the original, offsets map back.
#include <cstdint>

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

// The map keeps 32-bit edits while every offset fits and 64-bit ones past 4 GiB: both map alike. Only
// the records are read, so offsets past 4 GiB need no such text.
TEST(OffsetMap, MapsOffsetsPastFourGibibytes) {
  constexpr size_t kFar = size_t{5} << 30;
  RepairRecord far;
  far.span = {kFar + 3, kFar + 6};
  far.after = "1";
  OffsetMap map({far});
  EXPECT_EQ(map.ToOriginal(kFar + 2), kFar + 2);
  EXPECT_EQ(map.ToOriginal(kFar + 3), kFar + 3);
  EXPECT_EQ(map.ToOriginal(kFar + 4), kFar + 6);
  EXPECT_EQ(map.ToOriginal(Span{kFar + 4, kFar + 7}), (Span{kFar + 6, kFar + 9}));
  EXPECT_EQ(map.ToRepaired(kFar + 7), kFar + 5);
  // Just under the bound: a record ending at 2^32 - 1 in both texts stays in 32 bits.
  RepairRecord near;
  near.span = {UINT32_MAX - 3, UINT32_MAX};
  near.after = "abc";
  OffsetMap narrow({near});
  EXPECT_EQ(narrow.ToOriginal(size_t{UINT32_MAX} - 1), size_t{UINT32_MAX} - 3);
  EXPECT_EQ(narrow.ToOriginal(size_t{UINT32_MAX} + 10), size_t{UINT32_MAX} + 10);
  EXPECT_EQ(narrow.ToRepaired(size_t{UINT32_MAX} + 10), size_t{UINT32_MAX} + 10);
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
