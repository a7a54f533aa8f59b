// Quantity: numbers, money, percentages, dates and year-on-year changes in Chinese report text, as typed
// facts with exact values and byte spans.
//
// Values are exact decimals (never binary floating point): 2.16万人 is exactly 21600, 0.1 + 0.2 is 0.3.
// Spans are half-open byte offsets into the text passed in. The conventions (what counts as a quantity,
// how ranges, 个百分点 and 倍 are reported) are written down in docs/quantity.md.
//
// Thread safety: every function is reentrant; the scanners share only immutable tables.
#ifndef WENSHU_QUANTITY_H_
#define WENSHU_QUANTITY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wenshu/section_path.h"
#include "wenshu/slim_optional.h"
#include "wenshu/slim_vector.h"
#include "wenshu/span.h"
#include "wenshu/static_name.h"

namespace wenshu {

// An exact decimal: value = significand * 10^exponent. The significand carries no trailing zeros (so
// equal values have equal representations), and 21600 is {216, 2}, 70.4 is {704, -1}. Arithmetic that
// would overflow the 64-bit significand returns nullopt instead of rounding.
class Decimal {
 public:
  constexpr Decimal() = default;  // zero
  static Decimal FromInt(int64_t value);
  static Decimal FromParts(int64_t significand, int32_t exponent);
  // Parses a plain ASCII decimal: optional sign, digits, optional '.' and digits ("-12.50", "3").
  static std::optional<Decimal> FromString(std::string_view ascii);

  int64_t significand() const { return significand_; }
  int32_t exponent() const { return exponent_; }
  bool is_zero() const { return significand_ == 0; }
  bool is_negative() const { return significand_ < 0; }
  bool is_integer() const { return exponent_ >= 0; }

  // The shortest exact decimal, no exponent notation: "21600", "70.4", "-0.05", "0".
  std::string ToString() const;
  double ToDouble() const;

  [[nodiscard]] std::optional<Decimal> Add(const Decimal& other) const;
  [[nodiscard]] std::optional<Decimal> Subtract(const Decimal& other) const;
  [[nodiscard]] std::optional<Decimal> Multiply(const Decimal& other) const;
  // Multiplies by 10^power (exact; only the exponent changes).
  [[nodiscard]] Decimal ScaleByPowerOfTen(int32_t power) const;
  Decimal Negated() const { return FromParts(-significand_, exponent_); }

  // -1, 0 or 1. Exact for every pair of values.
  int Compare(const Decimal& other) const;
  friend bool operator==(const Decimal& a, const Decimal& b) {
    return a.significand_ == b.significand_ && a.exponent_ == b.exponent_;
  }
  friend bool operator<(const Decimal& a, const Decimal& b) { return a.Compare(b) < 0; }

 private:
  int64_t significand_ = 0;
  int32_t exponent_ = 0;
};

// Parses a whole string as one number; nullopt when any byte is not part of it. Accepts:
//   ASCII and full-width digits with thousands separators and a decimal point: "1,234.5", "１２３"
//   Chinese numerals, formal and financial forms: "十二万三千", "两千", "一点五", "壹佰", "零", "廿二"
//   digit-by-digit readings: "二〇〇六", "一九五八" (years, codes)
//   mixed forms with 十/百/千/万/亿 multipliers: "1.5万", "3亿", "20.6万", "100万三千"
//   a sign: "负三", "-12"
// Percent forms are not numbers; use ParsePercent.
std::optional<Decimal> ParseNumber(std::string_view text);

// Parses a whole string as one percentage, value in percent: "70.4%", "７０％", "百分之九十" (90),
// "千分之五" (0.5). nullopt otherwise.
std::optional<Decimal> ParsePercent(std::string_view text);

// A number found in running text by the low-level scanner, before any unit or subject is attached.
struct NumberMatch {
  Span span;
  Decimal value;
  bool chinese = false;   // written with Chinese numerals (fully or partly)
  bool ordinal = false;   // preceded by 第 (the span then includes 第)
  bool percent = false;   // a percentage (value in percent); span includes 百分之 or %
  std::optional<Decimal> upper;  // spoken ranges of neighbouring digits: 三四 (3-4), 十五六 (15-16), 二三十
};

// Finds every number in text, left to right, non-overlapping, in one linear pass. Bare Chinese numerals
// that are part of ordinary words (一些, 统一, 进一步, 十分) are not numbers, nor are digits glued to
// Latin letters (B2B, H1N1, PM2.5; currency codes like CNY1.25 and unit abbreviations like 3kg are fine).
std::vector<NumberMatch> FindNumbers(std::string_view text);

// One byte in every fact (the facts are ~16 bytes of a document apart; bench/memory_bench).
enum class QuantityKind : uint8_t {
  kCount,             // a number of things: 26341人, 16所, 7642人次
  kMoney,             // 77万元 -> 770000, unit "元"; other currencies keep theirs ("美元", "港元")
  kPercent,           // value in percent, unit "%": 70.4%, 百分之九十, 七成 (70)
  kPercentagePoint,   // 3个百分点: a difference of percentages, never a percent
  kMeasure,           // physical measures: 平方米, 公里, 吨, 亩, 小时
  kPlain,             // a number with no unit, or a multiple (倍)
};
std::string_view QuantityKindName(QuantityKind kind);  // "count", "money", "percent", ...


// The words that qualify a figure, as written: 约 近 余 多 以上 左右 不到 超过 ... Almost every figure has
// none: one pointer (wenshu/slim_vector.h), 8 bytes in every fact instead of a std::vector's 24 (a
// document dense with figures has one every ~16 bytes; bench/memory_bench).
using Qualifiers = SlimVector<std::string>;

// The facts below are also the report's (wenshu/report.h, one record per fact, never copied): Parse
// fills in the fields marked "report" and maps the spans to the original input; ExtractFacts leaves
// those fields at their defaults and its spans in the text it was given.
//
// A fact's `text` and `subject` (and a change's `baseline`) are views of the text it was read from: from ExtractFacts and
// ParseQuantity, of their argument (valid while it lives); in a Report, of the report's own `text`,
// which the Report keeps valid when it is copied or moved. A document dense with figures has one every
// ~16 bytes, and two owned std::strings (64 bytes, and a heap block each past 15 bytes) were a quarter
// of its record (bench/memory_bench).
struct Quantity {
  std::string_view text;  // the bytes at span (in a report: the repaired reading, e.g. "77万元"); a view
  // The number with its qualifiers and unit, e.g. "约30万人". 32-bit offsets (wenshu/span.h), as
  // subject_span: 8 bytes each instead of 16 in every fact.
  CompactSpan span;
  Decimal value;      // scale applied: 2.16万人 -> 21600; money in 元
  // Closed ranges (300~500人, 1万-5万元): value is the low end, upper the high. Rare: one pointer, null when
  // there is none (wenshu/slim_optional.h), 8 bytes in every fact instead of a std::optional's 24.
  SlimOptional<Decimal> upper;
  // After scaling: "人", "元", "%", "个百分点", "人次" (also for 人/次), "平方米"; 2.16万人 -> "人". Empty for
  // a bare number (null in JSON). One of the library's unit names (wenshu/static_name.h), as `role`: 8
  // bytes in every figure for one of a few dozen names (bench/memory_bench).
  StaticName unit;
  std::string_view subject;  // the noun phrase counted: "在校学生"; empty (null in JSON) when none; a view
  CompactSpan subject_span;  // empty when no subject
  Qualifiers qualifiers;  // as written: 约 近 余 多 以上 左右 不到 超过 ...; see Qualifiers
  SectionPath section;       // report: the innermost section holding the fact
  // report: "actual" (a result reported for the past), "target" (a goal) or "other"; see FactRole in
  // docs/schema.md ("Fact roles"): the section's role, tense words and the year named before the fact.
  // One of the library's own names (wenshu/static_name.h: 8 bytes, the address of its static string), as
  // are `unit`, `canonical` and RepairRecord::rule: a record per figure carries no copy of a name shared
  // by thousands (bench/memory_bench).
  StaticName role = "other";
  // report: the canonical indicator id of the subject (the targets' vocabulary: "gdp_growth", "cpi" ...),
  // or "other": what a compare of targets with actuals matches on. A StaticName, as `role`.
  StaticName canonical = "other";
  int part_of = -1;          // index in the quantities of the total this is a part of (其中…, (…)); -1 none
  QuantityKind kind = QuantityKind::kPlain;
  bool approx = false;       // any qualifier that makes the value inexact or a bound
  bool repaired = false;     // report: a repair touched these bytes (`text` is then the repaired reading)
};

enum class ChangeDirection : uint8_t { kIncrease, kDecrease };
std::string_view ChangeDirectionName(ChangeDirection direction);  // "increase", "decrease"

// A change against a baseline: 较上年增加304人, 同比增长8.5%, 比2005年下降3个百分点, 增长1.5倍.
struct Change {
  std::string_view text;  // the bytes at span (in a report: the repaired reading); a view, as Quantity's
  CompactSpan span;  // from the baseline marker (较/比/同比) or the verb to the end of the amount; as Quantity's
  Decimal value;     // magnitude, never negative; scale applied as for Quantity
  SlimOptional<Decimal> upper;  // ranges (增长4.5%—5%, 增长4.5-5%): value is the low end, upper the high; as Quantity's
  StaticName unit;  // as Quantity::unit; empty (null in JSON) when none
  std::string_view baseline;  // "上年", "2005年", "同比", "去年同期"; empty when unstated; a view, as `text`
  std::string_view subject;  // the counted noun phrase of the quantity it belongs to; empty when none
  Qualifiers qualifiers;  // as written: 左右 以上 以内 不低于 ... (as on Quantity)
  SectionPath section;                  // report, as Quantity::section
  StaticName role = "other";       // report, as Quantity::role
  StaticName canonical = "other";  // report, as Quantity::canonical
  int quantity = -1;     // index in the quantities of the figure that changed, when known ("total" in JSON)
  ChangeDirection direction = ChangeDirection::kIncrease;
  QuantityKind kind = QuantityKind::kPlain;  // kPlain with unit "倍" for multiples
  // The qualifier was written once after the last item of a list (分别增长5%、6.5%左右) and is applied to
  // every item: the text does not say whether it belongs to the last item only.
  bool shared_qualifier = false;
  bool repaired = false;  // report, as Quantity::repaired
};

// One end of a date or period. Months and days are 1-based.
struct DatePoint {
  std::optional<int> year, month, day;
  bool year_masked = false;     // the year is a mask (FactOptions): it is not reported
  std::optional<int> relative_year;  // 今年 0, 上年/去年 -1, 明年 +1: when the year is relative
};

struct DateFact {
  std::string_view text;  // the bytes at span (in a report: the repaired reading); a view, as Quantity's
  Span span;
  std::optional<int> year, month, day;  // the start (or only) point
  bool year_masked = false;
  bool repaired = false;  // report, as Quantity::repaired
  std::optional<int> relative_year;
  std::optional<DatePoint> end;  // ranges: 5月21日-29日 (end month 5 shared), 4月份-5月份, 1—5月
  // A named part of the year, or empty: "H1" 上半年, "H2" 下半年, "Q1".."Q4" 季度, "spring", "summer",
  // "autumn", "winter" (季/春季/今秋), "months" for month ranges (1—5月), "early"/"mid"/"late" (上/中/下旬).
  std::string part;
  SectionPath section;         // report, as Quantity::section
  StaticName role = "other";  // report, as Quantity::role
};

struct FactOptions {
  // Spans (in the text passed to ExtractFacts) that the repair stage flagged as masked years: a year
  // inside one of them is reported year_masked with no value.
  std::vector<Span> masked_year_spans;
  // Cancellation (as RepairOptions::cancelled): polled every 64 KiB of text; once it returns true,
  // ExtractFacts stops and returns what it found so far with Facts::cancelled set.
  std::function<bool()> cancelled = nullptr;
};

struct Facts {
  std::vector<Quantity> quantities;  // in text order
  std::vector<Change> changes;       // in text order
  std::vector<DateFact> dates;       // in text order
  bool cancelled = false;            // FactOptions::cancelled stopped the pass: the facts are partial
};

// Parses a whole string as one quantity: a number with its qualifiers and unit, e.g. "约30万人",
// "77万元", "壹拾壹元壹角壹分" (11.11 元), "3个百分点", "20~100个", "1万-5万元". nullopt when the string
// is not exactly one quantity.
std::optional<Quantity> ParseQuantity(std::string_view text);

// Extracts every quantity, change and date from text in one linear pass. Never fails: bytes that are not
// valid UTF-8 are skipped over and produce nothing. Reads at most the first kMaxCompactOffset bytes (4 GiB;
// the facts' spans hold 32-bit offsets, wenshu/span.h).
Facts ExtractFacts(std::string_view text, const FactOptions& options = {});

}  // namespace wenshu

#endif  // WENSHU_QUANTITY_H_
