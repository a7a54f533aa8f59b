// ParseNumber, ParsePercent and FindNumbers: whole-string parsing and the linear number scanner.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "quantity/numeral.h"
#include "quantity/units.h"
#include "quantity/words.h"
#include "wenshu/quantity.h"

namespace wenshu {

using quantity_internal::DecodeAt;
using quantity_internal::DecodeBefore;
using quantity_internal::EvaluateLongestPrefix;
using quantity_internal::EvaluateNumeral;
using quantity_internal::LexNumeral;
using quantity_internal::NumeralRun;

std::optional<Decimal> ParseNumber(std::string_view text) {
  if (text.empty()) return std::nullopt;
  NumeralRun run;
  if (!LexNumeral(text, 0, &run) || run.end != text.size()) return std::nullopt;
  auto e = EvaluateNumeral(run.tokens.data(), run.tokens.size(), run.negative);
  if (!e) return std::nullopt;
  return e->value;
}

namespace {

// How many multiplier characters a percent-style denominator may hold (百分之, 千分之, 百万分之). The
// national and provincial corpora write at most one; 4 leaves room and bounds the look-ahead, so a run
// of 千千千… costs one step per character instead of a walk to the run's end from each (issue 12).
constexpr int kMaxDenominatorMultipliers = 4;

// How far FindNumberAt looks over digits and dots for the letters that make an identifier (H1N1,
// 1.2.3a). The longest such run in the national and provincial corpora is 12 bytes; past 64 bytes the
// letters belong to another token, and the bound keeps a run of "1.1.1…" linear (issue 12: a walk to
// the run's end from every number in it took 12 s on 200 KB).
constexpr size_t kMaxIdentifierDigitBytes = 64;

// 百分之 / 千分之 / 万分之 at pos: returns the byte length and the divisor's power (0, 1, 2) relative to
// percent, or 0 when absent.
size_t PercentPrefix(std::string_view text, size_t pos, int* extra_power) {
  // A denominator of bare multipliers (百, 千, 万, 百万, 万万) then 分之: 百分之五, 千分之三, 百万分之五.
  size_t i = pos;
  int power = 0;
  int multipliers = 0;
  while (i < text.size()) {
    size_t len;
    int p = quantity_internal::MultiplierPower(DecodeAt(text, i, &len));
    if (p < 2) break;
    if (++multipliers > kMaxDenominatorMultipliers) return 0;
    power += p;
    i += len;
  }
  if (power < 2 || text.substr(i, 6) != "分之") return 0;
  *extra_power = power - 2;
  return i + 6 - pos;
}

size_t PercentSuffix(std::string_view text, size_t pos) {
  if (pos < text.size() && text[pos] == '%') return 1;
  if (text.substr(pos, 3) == "％") return 3;
  return 0;
}

}  // namespace

std::optional<Decimal> ParsePercent(std::string_view text) {
  int extra_power = 0;
  size_t prefix = PercentPrefix(text, 0, &extra_power);
  if (prefix > 0) {
    auto v = ParseNumber(text.substr(prefix));
    if (!v) return std::nullopt;
    return v->ScaleByPowerOfTen(-extra_power);
  }
  if (text.size() > 3 && text.substr(text.size() - 3) == "％") {
    return ParseNumber(text.substr(0, text.size() - 3));
  }
  if (text.size() > 1 && text.back() == '%') return ParseNumber(text.substr(0, text.size() - 1));
  return std::nullopt;
}

namespace quantity_internal {

namespace {

// Spoken ranges of two neighbouring digits: 三四个 (3-4), 十五六 (15-16), 二三十 (20-30), 三四百万, 一两
// (1-2), 三五 (3-5). Returns the low end and sets *high and *used (tokens taken).
std::optional<Decimal> SpokenRange(const NumeralRun& run, Decimal* high, size_t* used) {
  const auto& t = run.tokens;
  size_t pair = t.size();
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i].kind == NumeralTokenKind::kDigit && t[i + 1].kind == NumeralTokenKind::kDigit) {
      int a = t[i].digit, b = t[i + 1].digit;
      if (a > 0 && b > a && b - a <= 2 && !t[i].formal && !t[i + 1].formal &&
          (i + 2 >= t.size() || t[i + 2].kind != NumeralTokenKind::kDigit)) {
        pair = i;
      }
      break;  // only the first two adjacent digits can form the range
    }
  }
  if (pair == t.size()) return std::nullopt;
  for (const NumeralToken& token : t) {
    if (token.kind == NumeralTokenKind::kPoint) return std::nullopt;  // 一二点三零 is 12.30
  }
  std::vector<NumeralToken> low, hi;
  for (size_t n = t.size(); n >= pair + 2; --n) {
    low.clear();
    hi.clear();
    for (size_t i = 0; i < n; ++i) {
      if (i != pair + 1) low.push_back(t[i]);
      if (i != pair) hi.push_back(t[i]);
    }
    auto l = EvaluateNumeral(low.data(), low.size(), run.negative);
    auto h = EvaluateNumeral(hi.data(), hi.size(), run.negative);
    if (l && h && !l->digit_by_digit && !h->digit_by_digit && l->value.Compare(h->value) < 0) {
      *high = h->value;
      *used = n;
      return l->value;
    }
  }
  return std::nullopt;
}

}  // namespace

bool FindNumberAt(std::string_view text, size_t pos, NumeralRun* run, NumberMatch* match,
                  size_t* next) {
  size_t len;
  char32_t c = DecodeAt(text, pos, &len);
  *next = pos + len;
  int percent_power = 0;
  size_t percent_prefix = 0;
  size_t ordinal_prefix = 0;
  size_t start = pos;
  bool negative_percent = false;
  if ((c == U'负' || c == U'負') && PercentPrefix(text, pos + len, &percent_power) > 0) {
    // 负百分之十三: the sign stands before the percent words.
    negative_percent = true;
    percent_prefix = PercentPrefix(text, pos + len, &percent_power) + len;
    start = pos + percent_prefix;
  } else if (c == U'第') {
    ordinal_prefix = len;
    start = pos + len;
  } else if (c == U'百' || c == U'千' || c == U'万' || c == U'萬' || c == U'佰' || c == U'仟') {
    percent_prefix = PercentPrefix(text, pos, &percent_power);
    if (percent_prefix > 0) start = pos + percent_prefix;
  }
  if (start >= text.size()) return false;
  // A '-' right after a digit is a range or date dash, not a sign.
  size_t first_len;
  char32_t first = DecodeAt(text, start, &first_len);
  if (first == U'-' || first == 0xFF0D) {
    size_t before_len;
    char32_t before = DecodeBefore(text, start, &before_len);
    // After a percent sign too: 5%-5.5% is a range.
    if (ArabicDigitValue(before) >= 0 || ChineseDigitValue(before) >= 0 || MultiplierPower(before) >= 0 ||
        before == U'%' || before == U'％') {
      return false;
    }
  }
  // Digits with a Latin letter right after them are identifiers (B2B, H1N1, 5G, 4K), not numbers;
  // letters only before them are a prefix (CNY1.25, HKD13.5).
  if (ArabicDigitValue(first) >= 0) {
    size_t p = start, l;
    // Letters right before the digits make an identifier (PM2.5, H1N1, cpg2) unless they are a
    // currency code (CNY1.25, HKD13.5).
    size_t q = start;
    while (q > 0 && std::isalpha(static_cast<unsigned char>(text[q - 1]))) --q;
    if (q < start) {
      static constexpr std::string_view kCurrencyCodes[] = {"CNY", "RMB", "HKD", "USD", "EUR", "JPY", "GBP",
                                                            "TWD", "MOP", "AUD", "CAD"};
      std::string_view letters = text.substr(q, start - q);
      bool currency = false;
      for (std::string_view c : kCurrencyCodes) currency |= letters == c;
      if (!currency) {
        while (*next < text.size() && (std::isdigit(static_cast<unsigned char>(text[*next])) || text[*next] == '.')) {
          ++*next;
        }
        return false;
      }
    }
    const size_t scan_end = std::min(text.size(), start + kMaxIdentifierDigitBytes);
    while (p < scan_end) {
      char32_t d = DecodeAt(text, p, &l);
      if (ArabicDigitValue(d) < 0 && d != U'.') break;
      p += l;
    }
    size_t word_end = p;
    while (word_end < text.size() && std::isalpha(static_cast<unsigned char>(text[word_end]))) ++word_end;
    if (word_end > p) {
      // Unit abbreviations are fine (324.75g, 120m², 10ms); anything else makes an identifier.
      static constexpr std::string_view kLatinUnits[] = {
          "g", "kg", "mg", "t", "m", "km", "cm", "mm", "ml", "l", "L", "h", "s", "ms", "min", "kw", "kW", "KW",
          "kwh", "kWh", "MW", "GW", "W", "V", "Wv", "GB", "MB", "TB", "KB", "mu", "x"};
      std::string_view word = text.substr(p, word_end - p);
      bool unit = false;
      for (std::string_view u : kLatinUnits) unit |= u == word;
      bool digit_after = word_end < text.size() && std::isdigit(static_cast<unsigned char>(text[word_end]));
      if (!unit || digit_after) {
        *next = word_end;
        return false;
      }
    }
  }
  if (!LexNumeral(text, start, run)) return false;
  // A multiplier character that starts a unit name is the unit's, not the number's: 500万千瓦 is 500万
  // of 千瓦, 5千克 is 5 of 千克. Only units that carry no scale of their own (千瓦, 千伏, 千克); 3千元
  // and 5万亿元 keep their multipliers, which the unit table scales the same way.
  while (run->tokens.size() > 1 && run->tokens.back().kind == NumeralTokenKind::kMultiplier) {
    const UnitInfo* unit = MatchUnit(text, run->tokens.back().begin);
    if (unit == nullptr || unit->power != 0 ||
        unit->written.size() <= run->tokens.back().end - run->tokens.back().begin) {
      break;
    }
    run->tokens.pop_back();
    run->end = run->tokens.back().end;
  }
  if (percent_prefix > 0 && !run->has_digit && run->tokens.size() == 1 && run->tokens[0].power == 2) {
    // 百分之百: the whole.
    match->value = Decimal::FromInt(100).ScaleByPowerOfTen(-percent_power);
    match->chinese = true;
    match->ordinal = false;
    match->percent = true;
    match->span = Span{pos, run->end};
    *next = run->end;
    return true;
  }
  if (!run->has_digit) {
    *next = run->end;  // 万, 百万: multipliers without a digit are words here
    return false;
  }
  size_t used;
  match->upper.reset();
  if (run->has_chinese && ordinal_prefix == 0 && percent_prefix == 0) {
    Decimal high;
    if (auto low = SpokenRange(*run, &high, &used)) {
      size_t range_end = run->tokens[used - 1].end;
      if (!IsNumeralWord(text, start, range_end)) {
        match->value = *low;
        match->upper = high;
        match->chinese = true;
        match->ordinal = false;
        match->percent = false;
        match->span = Span{run->negative ? run->begin : run->tokens.front().begin, range_end};
        *next = range_end;
        return true;
      }
    }
  }
  auto e = EvaluateLongestPrefix(*run, &used);
  if (!e) {
    *next = run->tokens.front().end;
    return false;
  }
  size_t end = run->tokens[used - 1].end;
  bool has_chinese = false;
  for (size_t i = 0; i < used; ++i) {
    if (run->tokens[i].kind != NumeralTokenKind::kArabic) has_chinese = true;
  }
  // Bare Chinese numerals: reject the ones that are part of ordinary words, and short
  // digit-by-digit runs (十五六 and 三五 are ranges, 两两 is a word).
  if (percent_prefix > 0 && (used != run->tokens.size() || (e->digit_by_digit && used < 4))) {
    *next = end;  // 百分之二三十 is a spoken range, not one percentage
    return false;
  }
  if (has_chinese && ordinal_prefix == 0 && percent_prefix == 0) {
    if (IsNumeralWord(text, start, end)) {
      *next = end;
      return false;
    }
    if (e->digit_by_digit && used < 4) {
      bool has_zero = false;
      for (size_t i = 0; i < used; ++i) has_zero |= run->tokens[i].digit == 0;
      if (!has_zero) {
        *next = end;
        return false;
      }
    }
  }
  match->value = e->value;
  match->chinese = has_chinese;
  match->ordinal = ordinal_prefix > 0;
  match->percent = false;
  size_t begin = run->negative ? run->begin : run->tokens.front().begin;
  if (ordinal_prefix > 0) begin = pos;
  if (percent_prefix > 0) {
    begin = pos;
    match->percent = true;
    match->value = e->value.ScaleByPowerOfTen(-percent_power);
    if (negative_percent) match->value = match->value.Negated();
  } else if (size_t suffix = PercentSuffix(text, end); suffix > 0 && ordinal_prefix == 0) {
    match->percent = true;
    end += suffix;
  }
  match->span = Span{begin, end};
  *next = end;
  return true;
}

}  // namespace quantity_internal

std::vector<NumberMatch> FindNumbers(std::string_view text) {
  std::vector<NumberMatch> out;
  NumeralRun run;
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[pos]);
    // Fast skip: ASCII that cannot start a number.
    if (b < 0x80 && !(b >= '0' && b <= '9') && b != '-') {
      ++pos;
      continue;
    }
    NumberMatch match;
    size_t next;
    if (quantity_internal::FindNumberAt(text, pos, &run, &match, &next)) out.push_back(match);
    pos = next > pos ? next : pos + 1;
  }
  return out;
}

}  // namespace wenshu
