// Exact decimal arithmetic for quantities: a 64-bit significand and a power-of-ten exponent, with
// 128-bit intermediates so that overflow is detected instead of rounded away.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "wenshu/quantity.h"

namespace wenshu {
namespace {

using Wide = __int128;

constexpr int64_t kMaxSignificand = std::numeric_limits<int64_t>::max();

// Strips trailing zeros so that equal values compare equal field by field.
Decimal Normalized(Wide significand, int32_t exponent, bool* ok) {
  if (significand == 0) return Decimal();
  while (significand % 10 == 0) {
    significand /= 10;
    ++exponent;
  }
  if (significand > kMaxSignificand || significand < -kMaxSignificand) {
    *ok = false;
    return Decimal();
  }
  return Decimal::FromParts(static_cast<int64_t>(significand), exponent);
}

// 10^n as a 128-bit integer, or 0 when it does not fit in 38 digits.
Wide PowerOfTen(int n) {
  if (n < 0 || n > 38) return 0;
  Wide p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

}  // namespace

Decimal Decimal::FromInt(int64_t value) {
  bool ok = true;
  return Normalized(value, 0, &ok);
}

Decimal Decimal::FromParts(int64_t significand, int32_t exponent) {
  Decimal d;
  if (significand == 0) return d;
  while (significand % 10 == 0) {
    significand /= 10;
    ++exponent;
  }
  d.significand_ = significand;
  d.exponent_ = exponent;
  return d;
}

std::optional<Decimal> Decimal::FromString(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  Wide significand = 0;
  int32_t exponent = 0;
  bool any_digit = false, point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any_digit = true;
    if (significand > (Wide(1) << 100)) return std::nullopt;  // far beyond int64 anyway
    significand = significand * 10 + (c - '0');
    if (point) --exponent;
  }
  if (!any_digit) return std::nullopt;
  bool ok = true;
  Decimal d = Normalized(negative ? -significand : significand, exponent, &ok);
  if (!ok) return std::nullopt;
  return d;
}

std::string Decimal::ToString() const {
  if (significand_ == 0) return "0";
  uint64_t magnitude = significand_ < 0 ? static_cast<uint64_t>(-(significand_ + 1)) + 1
                                       : static_cast<uint64_t>(significand_);
  std::string digits = std::to_string(magnitude);
  std::string out = significand_ < 0 ? "-" : "";
  if (exponent_ >= 0) {
    out += digits;
    out.append(static_cast<size_t>(exponent_), '0');
    return out;
  }
  size_t fraction = static_cast<size_t>(-static_cast<int64_t>(exponent_));
  if (digits.size() > fraction) {
    out += digits.substr(0, digits.size() - fraction);
    out += '.';
    out += digits.substr(digits.size() - fraction);
  } else {
    out += "0.";
    out.append(fraction - digits.size(), '0');
    out += digits;
  }
  return out;
}

double Decimal::ToDouble() const {
  // Through the decimal string so that 0.1 gives the nearest double, not 1 * 10^-1 rounded twice.
  return std::strtod(ToString().c_str(), nullptr);
}

std::optional<Decimal> Decimal::Add(const Decimal& other) const {
  if (is_zero()) return other;
  if (other.is_zero()) return *this;
  int32_t common = std::min(exponent_, other.exponent_);
  Wide a_scale = PowerOfTen(exponent_ - common), b_scale = PowerOfTen(other.exponent_ - common);
  if (a_scale == 0 || b_scale == 0) return std::nullopt;
  Wide a = static_cast<Wide>(significand_), b = static_cast<Wide>(other.significand_);
  // Both fit in 63 bits; a scale above 10^19 could overflow 127 bits.
  if (exponent_ - common > 19 || other.exponent_ - common > 19) return std::nullopt;
  bool ok = true;
  Decimal sum = Normalized(a * a_scale + b * b_scale, common, &ok);
  if (!ok) return std::nullopt;
  return sum;
}

std::optional<Decimal> Decimal::Subtract(const Decimal& other) const { return Add(other.Negated()); }

std::optional<Decimal> Decimal::Multiply(const Decimal& other) const {
  bool ok = true;
  Decimal product = Normalized(static_cast<Wide>(significand_) * static_cast<Wide>(other.significand_),
                               exponent_ + other.exponent_, &ok);
  if (!ok) return std::nullopt;
  return product;
}

Decimal Decimal::ScaleByPowerOfTen(int32_t power) const {
  if (significand_ == 0) return Decimal();
  return FromParts(significand_, exponent_ + power);
}

int Decimal::Compare(const Decimal& other) const {
  if (*this == other) return 0;
  int sign_a = significand_ > 0 ? 1 : (significand_ < 0 ? -1 : 0);
  int sign_b = other.significand_ > 0 ? 1 : (other.significand_ < 0 ? -1 : 0);
  if (sign_a != sign_b) return sign_a < sign_b ? -1 : 1;
  // Same sign: compare magnitudes by number of integer digits first, then exactly.
  auto digits = [](int64_t v) {
    uint64_t m = v < 0 ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
    int n = 0;
    while (m > 0) {
      m /= 10;
      ++n;
    }
    return n;
  };
  int64_t magnitude_a = digits(significand_) + exponent_;
  int64_t magnitude_b = digits(other.significand_) + other.exponent_;
  int result;
  if (magnitude_a != magnitude_b) {
    result = magnitude_a < magnitude_b ? -1 : 1;
  } else {
    // Same order of magnitude: align (the shift is at most 19 digits) and compare.
    int32_t common = std::min(exponent_, other.exponent_);
    Wide a = static_cast<Wide>(significand_ < 0 ? -static_cast<Wide>(significand_) : significand_) *
             PowerOfTen(exponent_ - common);
    Wide b = static_cast<Wide>(other.significand_ < 0 ? -static_cast<Wide>(other.significand_)
                                                      : other.significand_) *
             PowerOfTen(other.exponent_ - common);
    result = a < b ? -1 : (a > b ? 1 : 0);
  }
  return sign_a < 0 ? -result : result;
}

}  // namespace wenshu
