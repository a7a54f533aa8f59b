// The cues of the masked-number decisions (number_masks.cc Classify) and of the dropped percent signs
// (dropped_percent.cc): every branch of evidence that decides one occurrence, with the confidence it
// gives and the measurement behind it. A mask decision records its cue (MaskDecision::cue), the percent
// rule keeps a log of its cues (PercentCueLog), so the damage evaluator can count each cue's precision
// (tools/damage: `wenshu_damage_eval` prints it per cue); docs/repair.md's cue tables are
// NumberCueTable() and PercentCueTable(), and a test fails when they drift.
//
// Measured: on the damage generator's seed set (tools/damage, seed 20261129, every clean report damaged
// 3 times, 309 documents), against the generator's truth. Mask cues: every decision of every document
// diagnosed as masked; a ten decision is right when the run is a masked ten (or a masked year) whose
// original is the decoded reading; a year or undecided decision is right when the run is not a masked
// ten (the digits are kept as written, which is what a real or masked year needs). Percent cues: every
// sign the rule proposed, right when the generator dropped a sign there. Decisions inside inserted
// furniture are left out. `measured_decisions` 0: the generator never exercises the cue; its confidence
// is the literal it always had.
//
// Confidences are the literals the rules were written with, except where the measurement disagrees
// strongly: where, over at least kCueMinDecisionsToSet decisions, the literal lies outside the 95% Wilson
// interval of the measured precision, the cue is Measured(): its confidence is the smoothed precision
// (right + 1) / (decisions + 2) (Laplace's rule of succession: a cue right in all of 40 decisions is not
// certain). The others are Estimated(): the literal, with the measurement beside it. The engine multiplies
// the cue's confidence by the document's (number_masks.cc, at least 0.9). A test keeps every confidence
// inside the interval of its measurement (number_cues_test.cc).
#ifndef WENSHU_SRC_REPAIR_NUMBER_CUES_H_
#define WENSHU_SRC_REPAIR_NUMBER_CUES_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wenshu/repair.h"

namespace wenshu::repair_internal {

inline constexpr int kCueMinDecisionsToSet = 30;

enum class NumberCue : uint8_t {
  kNone,
  // Years: kept as written and flagged (number.masked_year).
  kYearPosition,
  kYearMaskedTwice,
  kYearInRange,
  kYearDate8,
  kYearUnmaskedString,
  // A year whose 10 was masked (202023年): restored.
  kTenSixDigitYear,
  // A year masked twice, its first pass a recognised string (202223年 → 2010年): restored.
  kTenDoublePassYear,
  // Kept and flagged: the digits as written pass a threshold the clause states.
  kUndecidedThreshold,
  // Strong checks: arithmetic the decoded reading passes and the digits fail.
  kTenRateOver100,
  kTenChangeOverTotal,
  kTenPartsAddUp,
  kTenStatedRatio,
  // The mask inside a longer digit run.
  kTenEmbeddedIdentifier,
  kTenEmbeddedDecimal,
  kTenEmbeddedYearCount,
  kTenEmbedded,
  // The mask is the whole run.
  kTenDecimalFraction,
  kTenDecimalInteger,
  kTenDuration,
  kTenLetterCode,
  kTenPlusFormula,
  kTenRangeEnd,
  kTenRangeStart,
  kTenDigitGroupHead,
  kTenAmountQualifier,
  kTenBracketMarker,
  kTenChangeAmount,
  kTenMonth,
  kTenDay,
  kTenListAfter9,
  kTenListBefore11,
  kTenListMarker,
  kTenCompoundSecond,
  kTenPercent,
  kTenOrdinal,
  kTenUnit,
  kTenRate,
  kTenNoContext,
  kCount,
};

// One cue of a table: its id, the confidence it gives, why, and its measurement (see the top of this file;
// 0 decisions: not exercised by the generator).
template <typename CueEnum>
struct CueEntry {
  CueEnum cue;
  std::string_view id;
  double confidence;
  std::string_view reason;
  int measured_decisions;
  int measured_correct;
};
using NumberCueInfo = CueEntry<NumberCue>;

// A cue whose confidence is the rule's own estimate; `decisions` and `right` are the measurement.
template <typename CueEnum>
constexpr CueEntry<CueEnum> Estimated(CueEnum cue, std::string_view id, double confidence, std::string_view reason,
                                      int decisions, int right) {
  return {cue, id, confidence, reason, decisions, right};
}
// A cue whose confidence is its measured precision, smoothed.
template <typename CueEnum>
constexpr CueEntry<CueEnum> Measured(CueEnum cue, std::string_view id, std::string_view reason, int decisions,
                                     int right) {
  return {cue, id, (right + 1.0) / (decisions + 2.0), reason, decisions, right};
}

// clang-format off
inline constexpr NumberCueInfo kNumberCues[] = {
    Estimated(NumberCue::kNone, "none", 0, "no decision", 0, 0),
    Measured(NumberCue::kYearPosition, "year.position",
     "the mask string stands where a year stands (before 年, in a document number, a date)", 1347, 1345),
    Estimated(NumberCue::kYearMaskedTwice, "year.masked_twice", 0.8,
     "a year masked more than once with no known first pass (202297年); the year is lost", 0, 0),
    Estimated(NumberCue::kYearInRange, "year.range", 0.7,
     "a year whose 10 was masked, in a range of years (202023—2015年)", 0, 0),
    Estimated(NumberCue::kYearDate8, "year.date_yyyymmdd", 0.6,
     "eight digits that read as a date whose year is masked", 0, 0),
    Measured(NumberCue::kYearUnmaskedString, "year.candidate_string",
     "a candidate year string in a year position of a masked document; may be real", 98, 98),
    Estimated(NumberCue::kTenSixDigitYear, "ten.six_digit_year", 0.85,
     "six digits before 年 that decode to a year (202023年 → 2010年)", 2, 2),
    Estimated(NumberCue::kTenDoublePassYear, "ten.double_pass_year", 0.75,
     "six digits before 年: a mask string, then the end of a first pass's (202223年 → 2010年)", 0, 0),
    Estimated(NumberCue::kUndecidedThreshold, "undecided.threshold_passed", 0.2,
     "the clause says the figure passed a threshold only the digits as written pass", 2, 0),
    Estimated(NumberCue::kTenRateOver100, "ten.rate_over_100", 0.97,
     "a rate over 100 as written, at most 100 decoded", 71, 71),
    Estimated(NumberCue::kTenChangeOverTotal, "ten.change_over_total", 0.97,
     "a change larger than its total unless decoded", 1, 1),
    Estimated(NumberCue::kTenPartsAddUp, "ten.parts_add_up", 0.97,
     "the parts add up to the stated total only decoded", 3, 3),
    Estimated(NumberCue::kTenStatedRatio, "ten.stated_ratio", 0.97,
     "a ratio stated in the sentence holds only decoded", 0, 0),
    Estimated(NumberCue::kTenEmbeddedIdentifier, "ten.embedded_identifier", 0.4,
     "inside a digit string of 9+ digits without a unit: may be an identifier", 0, 0),
    Estimated(NumberCue::kTenEmbeddedDecimal, "ten.embedded_decimal", 0.93,
     "the mask inside a longer decimal number", 26, 26),
    Estimated(NumberCue::kTenEmbeddedYearCount, "ten.embedded_year_count", 0.95,
     "a longer number counting years (20230年, 20230周年) decoding to at most 300", 12, 12),
    Measured(NumberCue::kTenEmbedded, "ten.embedded",
     "the mask inside a longer number (120230)", 735, 735),
    Estimated(NumberCue::kTenDecimalFraction, "ten.decimal_fraction", 0.95,
     "the mask is the fraction of a decimal number (5.2023)", 0, 0),
    Measured(NumberCue::kTenDecimalInteger, "ten.decimal_integer",
     "the mask is the integer part of a decimal number (2023.5)", 123, 123),
    Estimated(NumberCue::kTenDuration, "ten.duration", 0.9,
     "it counts years after 近, 连续 (近2023年)", 12, 12),
    Estimated(NumberCue::kTenLetterCode, "ten.letter_code", 0.9,
     "after Latin letters, a code like PM10", 5, 5),
    Estimated(NumberCue::kTenPlusFormula, "ten.plus_formula", 0.85,
     "a term of a 1+10+N formula", 15, 15),
    Estimated(NumberCue::kTenRangeEnd, "ten.range_end", 0.9,
     "ends a range or fraction that starts with a small number (5-2023)", 4, 4),
    Estimated(NumberCue::kTenRangeStart, "ten.range_start", 0.9,
     "starts a range that ends with a small number (2023-15)", 2, 2),
    Estimated(NumberCue::kTenDigitGroupHead, "ten.digit_group_head", 0.85,
     "the hour of a time or the head of a thousands group (2023:30, 2023,000)", 3, 3),
    Measured(NumberCue::kTenAmountQualifier, "ten.amount_qualifier",
     "an amount qualifier follows (以上, 左右)", 39, 39),
    Estimated(NumberCue::kTenBracketMarker, "ten.bracket_marker", 0.8,
     "a list marker or note number in brackets", 6, 6),
    Estimated(NumberCue::kTenChangeAmount, "ten.change_amount", 0.85,
     "the amount after a change or level verb, then a clause break", 27, 27),
    Estimated(NumberCue::kTenMonth, "ten.month", 0.97, "before 月: a month numbered 2023 does not exist", 2, 2),
    Estimated(NumberCue::kTenDay, "ten.day", 0.97, "the day of a month (…月2023日)", 2, 2),
    Estimated(NumberCue::kTenListAfter9, "ten.list_after_9", 0.97, "the list item after 9、", 9, 9),
    Estimated(NumberCue::kTenListBefore11, "ten.list_before_11", 0.97, "the list item before 11、", 0, 0),
    Estimated(NumberCue::kTenListMarker, "ten.list_marker", 0.8,
     "a list marker at a line start, without its neighbours", 0, 0),
    Estimated(NumberCue::kTenCompoundSecond, "ten.compound_second", 0.85,
     "the second part of a compound number (6·2023, 3、2023)", 2, 2),
    Measured(NumberCue::kTenPercent, "ten.percent", "a percent sign follows", 57, 57),
    Estimated(NumberCue::kTenOrdinal, "ten.ordinal", 0.9, "an ordinal (第2023)", 3, 3),
    Measured(NumberCue::kTenUnit, "ten.unit", "a count or amount unit follows (个, 万元)", 272, 272),
    Estimated(NumberCue::kTenRate, "ten.rate", 0.9, "a rate context, and a rate of 2023 is impossible", 0, 0),
    Estimated(NumberCue::kTenNoContext, "ten.no_context", 0.45,
     "nothing around it says whether it is a count or a year", 2, 2),
};
// clang-format on

static_assert(std::size(kNumberCues) == static_cast<size_t>(NumberCue::kCount));

// The evidence of a dropped percent sign (dropped_percent.cc), from strongest to weakest. The weaker
// contexts are repaired only in a document that shows dropped signs (or the mask) elsewhere.
enum class PercentCue : uint8_t { kNone, kRate, kRateAlone, kShare, kChange, kList, kBare, kCount };
using PercentCueInfo = CueEntry<PercentCue>;

// clang-format off
inline constexpr PercentCueInfo kPercentCues[] = {
    Estimated(PercentCue::kNone, "none", 0, "no decision", 0, 0),
    Measured(PercentCue::kRate, "percent.rate",
     "a rate phrase (安置率为92) ends in a bare number, in a document that dropped signs", 1059, 1059),
    Estimated(PercentCue::kRateAlone, "percent.rate_alone", 0.8,
     "a rate phrase ends in a bare number, in a document showing no other damage", 0, 0),
    Estimated(PercentCue::kShare, "percent.share", 0.75, "a share (占…的18) with no unit", 18, 17),
    Measured(PercentCue::kChange, "percent.change", "a change (增长8.5，) with no unit", 2357, 2356),
    Measured(PercentCue::kList, "percent.list",
     "a later member of a list or range whose head is a percentage (分别增长13.8、18.1)", 391, 391),
    Measured(PercentCue::kBare, "percent.bare",
     "a bare number before a clause break, where reports write percentages", 219, 219),
};
// clang-format on
static_assert(std::size(kPercentCues) == static_cast<size_t>(PercentCue::kCount));

template <typename Entry, size_t N>
constexpr bool CuesInOrder(const Entry (&table)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (static_cast<size_t>(table[i].cue) != i) return false;
  }
  return true;
}
static_assert(CuesInOrder(kNumberCues), "kNumberCues must list the cues in the order of NumberCue");
static_assert(CuesInOrder(kPercentCues), "kPercentCues must list the cues in the order of PercentCue");

constexpr const NumberCueInfo& CueInfo(NumberCue cue) { return kNumberCues[static_cast<size_t>(cue)]; }
constexpr const PercentCueInfo& CueInfo(PercentCue cue) { return kPercentCues[static_cast<size_t>(cue)]; }

// The percent rule's decisions, by span (the empty span where the sign goes), kept in the repair context
// (RepairContext::Keep) for the evaluator's per-cue count.
struct PercentCueLog {
  std::vector<std::pair<Span, PercentCue>> decisions;
};

// The cue tables of docs/repair.md (markdown: id, confidence, measured precision with its counts, reason).
std::string NumberCueTable();
std::string PercentCueTable();

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_NUMBER_CUES_H_
