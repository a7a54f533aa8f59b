// Internal to the pipeline: the arithmetic of the consistency checks between figures, in exact decimals.
// One implementation for the two stages that ask: the report's checks (report/checks.cc, on the facts)
// and repair's strong number cues (repair/number_masks.cc, on a candidate reading of masked digits), so a
// reading repair restores because it "adds up" is one the report's checks accept. Each caller finds its
// figures its own way; only the verdicts live here.
#ifndef WENSHU_SRC_QUANTITY_CONSISTENCY_H_
#define WENSHU_SRC_QUANTITY_CONSISTENCY_H_

#include <optional>
#include <span>

#include "wenshu/quantity.h"

namespace wenshu::quantity_internal {

// A share of a whole stated above 100 percent (安置率为120).
bool RateOverHundred(const Decimal& percent);

// An increase larger than the total it led to (共149人，较上年增加2023人).
bool ChangeExceedsTotal(const Decimal& change, const Decimal& total);

// A breakdown within this fraction of its total (short by at most 1%) is read as meant to be complete
// (a rounding or copying slip), one further short as a partial 其中 list that makes no claim.
inline constexpr int kPartsShortfallPercentStillComplete = 1;

// The parts of a total, summed exactly.
struct PartsSum {
  Decimal sum;
  int compare = 0;  // the sum against the total: -1 short, 0 adds up, 1 exceeds
  std::optional<Decimal> shortfall;  // total - sum when short (nullopt when not short, or on overflow)
  // Short by at most kPartsShortfallPercentStillComplete percent of the total.
  bool short_but_close = false;

  bool adds_up() const { return compare == 0; }
  // Adds up, or falls short by no more than a breakdown meant to be complete may.
  bool reads_as_complete() const { return adds_up() || short_but_close; }
};
// nullopt when the sum overflows: no claim either way.
std::optional<PartsSum> SumParts(std::span<const Decimal> parts, const Decimal& total);

// A percentage stated as part / whole: whether part / whole * 100 rounds to it, within half a unit of
// its last stated digit (92 against 69 / 75; 92.3 against 12 / 13). nullopt when the whole is zero or
// the arithmetic overflows.
std::optional<bool> RatioAgrees(const Decimal& part, const Decimal& whole, const Decimal& stated_percent);

}  // namespace wenshu::quantity_internal

#endif  // WENSHU_SRC_QUANTITY_CONSISTENCY_H_
