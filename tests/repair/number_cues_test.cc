// The cue registries of the masked-number and dropped-percent decisions (src/repair/number_cues.h): every
// mask decision names the cue that made it, with that cue's confidence; confidences agree with their
// measurement; docs/repair.md shows the registries' tables.
#include "repair/number_cues.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <set>
#include <string>

#include "repair/number_masks.h"
#include "support/test_data.h"

namespace wenshu::repair_internal {
namespace {

template <typename Entry, size_t N>
void ExpectWellFormed(const Entry (&table)[N], std::set<std::string_view>* ids) {
  for (const Entry& c : table) {
    if (static_cast<size_t>(c.cue) == 0) continue;  // kNone
    EXPECT_TRUE(ids->insert(c.id).second) << c.id;
    EXPECT_GE(c.confidence, 0.0) << c.id;
    EXPECT_LE(c.confidence, 1.0) << c.id;
    EXPECT_LE(c.measured_correct, c.measured_decisions) << c.id;
    EXPECT_FALSE(c.reason.empty()) << c.id;
  }
}

TEST(NumberCues, IdsAreUniqueAndWellFormed) {
  std::set<std::string_view> ids;
  ExpectWellFormed(kNumberCues, &ids);
  ExpectWellFormed(kPercentCues, &ids);
  for (const PercentCueInfo& c : kPercentCues) {
    EXPECT_TRUE(c.cue == PercentCue::kNone || c.id.starts_with("percent.")) << c.id;
  }
}

// A cue measured over enough decisions has a confidence inside the 95% Wilson interval of its measured
// precision (number_cues.h): a literal the measurement contradicts is replaced by the measurement.
template <typename Entry, size_t N>
void ExpectConfidencesInsideTheirIntervals(const Entry (&table)[N]) {
  constexpr double z = 1.96;
  for (const Entry& c : table) {
    if (c.measured_decisions < kCueMinDecisionsToSet) continue;
    const double n = c.measured_decisions, p = c.measured_correct / n;
    const double center = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    EXPECT_GE(c.confidence, center - half) << c.id;
    EXPECT_LE(c.confidence, center + half) << c.id;
  }
}

TEST(NumberCues, ConfidencesAgreeWithTheirMeasurement) {
  ExpectConfidencesInsideTheirIntervals(kNumberCues);
  ExpectConfidencesInsideTheirIntervals(kPercentCues);
}

// The kind a cue's id names: ten., year. or undecided.
MaskDecision::Kind KindOfId(std::string_view id) {
  if (id.starts_with("ten.")) return MaskDecision::Kind::kTen;
  if (id.starts_with("year.")) return MaskDecision::Kind::kYear;
  return MaskDecision::Kind::kUndecided;
}

void ExpectDecisionsNameTheirCues(const std::string& text) {
  MaskAnalysis analysis = AnalyzeMasks(text);
  ASSERT_TRUE(analysis.masked);
  ASSERT_FALSE(analysis.decisions.empty());
  for (const MaskDecision& d : analysis.decisions) {
    const NumberCueInfo& info = CueInfo(d.cue);
    std::string at = text.substr(d.span.begin, d.span.size());
    EXPECT_NE(d.cue, NumberCue::kNone) << at;
    EXPECT_EQ(d.kind, KindOfId(info.id)) << at << " " << info.id;
    // The cue's confidence, scaled by the document's (at least 0.9, at most 0.99).
    EXPECT_LE(d.confidence, info.confidence + 1e-12) << at << " " << info.id;
    EXPECT_GE(d.confidence, info.confidence * 0.9 - 1e-12) << at << " " << info.id;
  }
}

TEST(NumberCues, EveryDecisionOfTheSeedNamesItsCue) {
  ExpectDecisionsNameTheirCues(wenshu::testing::ReadFixture("repair/in-the-wild/number_seed_000.txt"));
}

TEST(NumberCues, StrongCuesOnSmallCases) {
  // A rate over 100 and a list item after 9、: signs clean text cannot show.
  std::string text =
      "全市共有学校20230所，其中小学20235所。\n9、加强管理。\n2023、完善制度。\n"
      "全年完成投资5.2023亿元，增长2023.5%，合格率达到20230%。\n2023月份开工。\n";
  MaskAnalysis analysis = AnalyzeMasks(text);
  ASSERT_TRUE(analysis.masked);
  std::set<std::string_view> cues;
  for (const MaskDecision& d : analysis.decisions) cues.insert(CueInfo(d.cue).id);
  EXPECT_THAT(cues, ::testing::IsSupersetOf({"ten.rate_over_100", "ten.list_after_9", "ten.month",
                                             "ten.decimal_fraction"}));
  ExpectDecisionsNameTheirCues(text);
}

// docs/repair.md shows NumberCueTable() and PercentCueTable() verbatim: regenerate it from the registry when a cue changes
// (this test prints the table).
TEST(NumberCues, DocsShowTheRegistry) {
  const std::string path = wenshu::testing::SourcePath("docs/repair.md");
  auto docs = wenshu::testing::ReadFile(path);
  ASSERT_TRUE(docs.has_value()) << path;
  EXPECT_THAT(*docs, ::testing::HasSubstr(NumberCueTable())) << "docs/repair.md should show:\n"
                                                             << NumberCueTable();
  EXPECT_THAT(*docs, ::testing::HasSubstr(PercentCueTable())) << "docs/repair.md should show:\n"
                                                              << PercentCueTable();
}

}  // namespace
}  // namespace wenshu::repair_internal
