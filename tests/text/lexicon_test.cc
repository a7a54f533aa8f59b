// The lexicon's word classes and the helpers the stages compose their lists with.
#include "text/lexicon.h"

#include <set>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wenshu::text::lexicon {
namespace {

using ::testing::ElementsAre;

// A pick keeps the caller's order (first-match callers depend on it).
static_assert(PickChangeVerbs({"增长", "减少", "多"})[0] == "增长");
static_assert(PickChangeVerbs({"增长", "减少", "多"})[2] == "多");
static_assert(Join(kIncreaseVerbs, kIncreaseChars).size() == std::size(kIncreaseVerbs) + std::size(kIncreaseChars));
static_assert(Join(kRateWords, kIncreaseChars, kRateWords)[4] == "增");
static_assert(Join(kRateWords, kIncreaseChars, kRateWords)[9] == "率");

TEST(Lexicon, NoWordIsBothAnIncreaseAndADecrease) {
  std::set<std::string_view> increase(std::begin(kIncreaseVerbs), std::end(kIncreaseVerbs));
  increase.insert(std::begin(kIncreaseChars), std::end(kIncreaseChars));
  for (std::string_view w : kDecreaseVerbs) EXPECT_FALSE(increase.contains(w)) << w;
  for (std::string_view w : kDecreaseChars) EXPECT_FALSE(increase.contains(w)) << w;
}

TEST(Lexicon, ClassesHoldEachWordOnce) {
  for (std::span<const std::string_view> word_class :
       {std::span<const std::string_view>(kIncreaseVerbs), std::span<const std::string_view>(kDecreaseVerbs),
        std::span<const std::string_view>(kIncreaseChars), std::span<const std::string_view>(kDecreaseChars),
        std::span<const std::string_view>(kTraditionalIncreaseVerbs),
        std::span<const std::string_view>(kRateWords), std::span<const std::string_view>(kReportKindLabels),
        std::span<const std::string_view>(kReportKindLabelsTraditional)}) {
    std::set<std::string_view> seen(word_class.begin(), word_class.end());
    EXPECT_EQ(seen.size(), word_class.size());
  }
}

TEST(Lexicon, ConcatKeepsOrderAndPerfectiveAppendsLe) {
  constexpr auto kVerbs = PickChangeVerbs({"增加", "下降"});
  constexpr std::string_view kExtra[] = {"新增"};
  EXPECT_THAT(Concat({Perfective(kVerbs), kVerbs, kExtra}),
              ElementsAre("增加了", "下降了", "增加", "下降", "新增"));
}

}  // namespace
}  // namespace wenshu::text::lexicon
