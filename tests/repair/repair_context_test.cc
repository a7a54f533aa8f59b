// RepairContext's log: earlier proposals win overlapping spans, and records and flags come out sorted by
// span begin with equal begins in the order they were accepted. The log keeps an ordered map beside its
// vector (O(log n) per proposal); these tests hold it to a plain sorted vector that inserts at the upper
// bound, over random proposal sequences read back at random moments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "repair/rule.h"
#include "wenshu/repair.h"

namespace wenshu::repair_internal {
namespace {

// The log as it was: one sorted vector, a record inserted after every record beginning at or before it.
class SortedVectorModel {
 public:
  SortedVectorModel(std::string_view text, double min_confidence)
      : text_(text), min_confidence_(min_confidence) {}

  bool IsClaimed(Span span) const {
    auto it = std::lower_bound(records_.begin(), records_.end(), span.begin,
                               [](const RepairRecord& r, size_t b) { return r.span.end <= b; });
    if (it == records_.end()) return false;
    if (it->span.Overlaps(span)) return true;
    return span.empty() && it->span.begin == span.begin;
  }

  bool Propose(RepairRecord record) {
    if (record.span.end < record.span.begin || record.span.end > text_.size()) return false;
    if (text_.substr(record.span.begin, record.span.size()) != record.before) return false;
    if (record.before == record.after) return false;
    if (IsClaimed(record.span)) return false;
    if (record.span.empty()) {
      for (const RepairRecord& r : records_) {
        if (r.span.empty() && r.span.begin == record.span.begin) return false;
      }
    }
    if (record.confidence < min_confidence_) {
      RepairFlag flag;
      flag.rule = record.rule;
      flag.span = record.span;
      Flag(std::move(flag));
      return false;
    }
    auto pos = std::upper_bound(records_.begin(), records_.end(), record.span.begin,
                                [](size_t b, const RepairRecord& r) { return b < r.span.begin; });
    records_.insert(pos, std::move(record));
    return true;
  }

  void Flag(RepairFlag flag) {
    auto pos = std::upper_bound(flags_.begin(), flags_.end(), flag.span.begin,
                                [](size_t b, const RepairFlag& f) { return b < f.span.begin; });
    flags_.insert(pos, std::move(flag));
  }

  const std::vector<RepairRecord>& records() const { return records_; }
  const std::vector<RepairFlag>& flags() const { return flags_; }

 private:
  std::string_view text_;
  double min_confidence_;
  std::vector<RepairRecord> records_;
  std::vector<RepairFlag> flags_;
};

// A rule name per serial number. Records and flags view their rule's name, so the names live as long
// as the test (one thread; a deque never moves what it holds).
std::string_view SerialName(const char* prefix, int serial) {
  static std::deque<std::string> names;
  return names.emplace_back(prefix + std::to_string(serial));
}

// What identifies a record or flag in these tests: its rule (a serial number) and span.
template <typename Item>
std::vector<std::string> Keys(const std::vector<Item>& items) {
  std::vector<std::string> out;
  for (const Item& item : items) {
    out.push_back(std::string(item.rule) + "@" + std::to_string(item.span.begin) + "-" +
                  std::to_string(item.span.end));
  }
  return out;
}

// A RepairContext with what it borrows; proposals under `min_confidence` become flags.
struct OwnedContext {
  OwnedContext(std::string_view text, double min_confidence) : context(text, options, &diagnosis) {
    options.min_confidence = min_confidence;
  }
  RepairOptions options;
  DamageDiagnosis diagnosis;
  RepairContext context;
};

RepairRecord Record(std::string_view text, size_t begin, size_t end, std::string after, int serial,
                    double confidence = 0.9) {
  RepairRecord r;
  r.rule = SerialName("r", serial);
  r.span = {begin, end};
  r.before = std::string(text.substr(begin, end - begin));
  r.after = std::move(after);
  r.confidence = confidence;
  return r;
}

TEST(RepairContextTest, MatchesASortedVectorOverRandomProposals) {
  std::mt19937 rng(20261129);
  for (int round = 0; round < 300; ++round) {
    const size_t size = 1 + rng() % 120;
    std::string text;
    for (size_t i = 0; i < size; ++i) text.push_back(static_cast<char>('a' + rng() % 3));
    OwnedContext owned(text, 0.5);
    RepairContext& context = owned.context;
    SortedVectorModel model(text, 0.5);

    // Rules sweep the text in order, one after another; some proposals are out of order and some
    // fall outside the text or do not match it.
    const int rules = 1 + static_cast<int>(rng() % 5);
    int serial = 0;
    for (int rule = 0; rule < rules; ++rule) {
      const bool sweep = rng() % 4 != 0;
      size_t at = 0;
      const int proposals = static_cast<int>(rng() % 40);
      for (int p = 0; p < proposals; ++p) {
        size_t begin = sweep ? at + rng() % 6 : rng() % (size + 2);
        const size_t length = rng() % 3 == 0 ? 0 : rng() % 5;
        size_t end = begin + length;
        at = begin;
        if (begin > size) begin = size;
        if (end > size + 1) end = size + 1;
        RepairRecord record =
            end <= size ? Record(text, begin, end, length == 0 ? "+" : "Q", ++serial, (rng() % 5) / 4.0)
                        : Record(text, begin, begin, "+", ++serial);
        if (end > size) record.span.end = end;  // outside the text: refused by both
        if (rng() % 10 == 0 && !record.before.empty()) record.before[0] = 'z';  // does not match
        const bool accepted = context.Propose(record);
        ASSERT_EQ(accepted, model.Propose(record)) << "round " << round << " proposal " << record.rule;
        const Span probe{rng() % (size + 1), 0};
        const Span query{probe.begin, std::min(size, probe.begin + rng() % 4)};
        ASSERT_EQ(context.IsClaimed(query), model.IsClaimed(query))
            << "round " << round << " span [" << query.begin << "," << query.end << ")";
        if (rng() % 8 == 0) {
          ASSERT_EQ(Keys(context.records()), Keys(model.records())) << "round " << round;
        }
        if (rng() % 16 == 0) {
          RepairFlag flag;
          flag.rule = SerialName("f", ++serial);
          const size_t b = rng() % (size + 1);
          flag.span = {b, std::min(size, b + rng() % 3)};
          context.Flag(flag);
          model.Flag(flag);
          if (rng() % 2 == 0) {
            ASSERT_EQ(Keys(context.flags()), Keys(model.flags())) << "round " << round;
          }
        }
      }
    }
    EXPECT_EQ(Keys(context.flags()), Keys(model.flags())) << "round " << round;
    EXPECT_EQ(Keys(context.TakeRecords()), Keys(model.records())) << "round " << round;
  }
}

TEST(RepairContextTest, EarlierProposalsWinAndEqualBeginsKeepTheirOrder) {
  const std::string text = "abcdefghij";
  OwnedContext owned(text, 0.5);
  RepairContext& context = owned.context;
  EXPECT_TRUE(context.Propose(Record(text, 6, 8, "X", 1)));
  EXPECT_TRUE(context.Propose(Record(text, 2, 4, "Y", 2)));   // before the first: out of order
  EXPECT_FALSE(context.Propose(Record(text, 3, 5, "Z", 3)));  // overlaps [2,4)
  EXPECT_TRUE(context.Propose(Record(text, 4, 4, "+", 4)));   // an insertion where [2,4) ends
  EXPECT_TRUE(context.Propose(Record(text, 4, 6, "W", 5)));   // after the insertion at 4
  EXPECT_FALSE(context.Propose(Record(text, 4, 4, "-", 6)));  // a second insertion at 4
  EXPECT_FALSE(context.Propose(Record(text, 6, 6, "+", 7)));  // an insertion where [6,8) starts
  EXPECT_FALSE(context.Propose(Record(text, 7, 7, "+", 8)));  // inside [6,8)
  EXPECT_TRUE(context.Propose(Record(text, 8, 8, "+", 9)));   // where [6,8) ends
  EXPECT_TRUE(context.IsClaimed({5, 5}));
  EXPECT_FALSE(context.IsClaimed({8, 8}));  // an insertion does not claim an empty span
  EXPECT_FALSE(context.IsClaimed({8, 10}));
  EXPECT_THAT(Keys(context.TakeRecords()),
              ::testing::ElementsAre("r2@2-4", "r4@4-4", "r5@4-6", "r1@6-8", "r9@8-8"));
}

TEST(RepairContextTest, UnsureProposalsBecomeFlagsInOrder) {
  const std::string text = "abcdefghij";
  OwnedContext owned(text, 0.5);
  RepairContext& context = owned.context;
  EXPECT_FALSE(context.Propose(Record(text, 5, 6, "X", 1, 0.2)));
  EXPECT_FALSE(context.Propose(Record(text, 1, 2, "Y", 2, 0.2)));
  EXPECT_FALSE(context.Propose(Record(text, 5, 7, "Z", 3, 0.3)));
  EXPECT_THAT(Keys(context.TakeFlags()), ::testing::ElementsAre("r2@1-2", "r1@5-6", "r3@5-7"));
  EXPECT_TRUE(context.TakeRecords().empty());
}

}  // namespace
}  // namespace wenshu::repair_internal
