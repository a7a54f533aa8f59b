#include "quantity/consistency.h"

#include <algorithm>

namespace wenshu::quantity_internal {

bool RateOverHundred(const Decimal& percent) { return percent.Compare(Decimal::FromInt(100)) > 0; }

bool ChangeExceedsTotal(const Decimal& change, const Decimal& total) { return change.Compare(total) > 0; }

std::optional<PartsSum> SumParts(std::span<const Decimal> parts, const Decimal& total) {
  PartsSum out;
  for (const Decimal& part : parts) {
    std::optional<Decimal> sum = out.sum.Add(part);
    if (!sum) return std::nullopt;
    out.sum = *sum;
  }
  out.compare = out.sum.Compare(total);
  if (out.compare < 0) {
    out.shortfall = total.Subtract(out.sum);
    // shortfall <= total * percent / 100, exactly.
    const std::optional<Decimal> allowed =
        total.Multiply(Decimal::FromInt(kPartsShortfallPercentStillComplete));
    out.short_but_close =
        out.shortfall && allowed && out.shortfall->Compare(allowed->ScaleByPowerOfTen(-2)) <= 0;
  }
  return out;
}

std::optional<bool> RatioAgrees(const Decimal& part, const Decimal& whole, const Decimal& stated_percent) {
  if (whole.is_zero()) return std::nullopt;
  // |100 * part - stated * whole| <= 0.5 * 10^-decimals * |whole|, all exact.
  const int32_t decimals = std::max<int32_t>(0, -stated_percent.exponent());
  const std::optional<Decimal> stated_whole = stated_percent.Multiply(whole);
  if (!stated_whole) return std::nullopt;
  const std::optional<Decimal> gap = part.ScaleByPowerOfTen(2).Subtract(*stated_whole);
  const std::optional<Decimal> tolerance = whole.Multiply(Decimal::FromInt(5));
  if (!gap || !tolerance) return std::nullopt;
  const Decimal gap_size = gap->is_negative() ? gap->Negated() : *gap;
  const Decimal bound = tolerance->is_negative() ? tolerance->Negated() : *tolerance;
  return gap_size.Compare(bound.ScaleByPowerOfTen(-1 - decimals)) <= 0;
}

}  // namespace wenshu::quantity_internal
