// The numeral lexer and evaluator: Arabic, full-width, Chinese (ordinary and financial) and mixed
// numerals, evaluated exactly. One left-to-right pass over the bytes; no allocation per character.
#include "quantity/numeral.h"

#include <algorithm>

#include "text/utf8.h"

namespace wenshu::quantity_internal {

// The quantity stage's view of the one strict decoder (src/text/utf8.h): an invalid byte is
// kInvalidCodePoint of length 1.
char32_t DecodeAt(std::string_view text, size_t pos, size_t* length) {
  const text::Decoded d = text::DecodeUtf8At(text, pos);
  *length = d.len > 0 ? static_cast<size_t>(d.len) : 1;
  return d.len > 0 ? d.cp : kInvalidCodePoint;
}

char32_t DecodeBefore(std::string_view text, size_t pos, size_t* length) {
  *length = 0;
  if (pos == 0) return 0;
  const text::Decoded d = text::DecodeUtf8Before(text, pos);
  *length = d.len > 0 ? static_cast<size_t>(d.len) : 1;
  return d.len > 0 ? d.cp : kInvalidCodePoint;
}

int ArabicDigitValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

int ChineseDigitValue(char32_t c) {
  switch (c) {
    case U'零': case U'〇': case U'○': return 0;
    case U'一': case U'壹': case U'弌': case U'幺': return 1;
    case U'二': case U'贰': case U'貳': case U'两': case U'兩': case U'俩': case U'倆': return 2;
    case U'三': case U'叁': case U'參': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

namespace {

bool IsFormal(char32_t c) {
  switch (c) {
    case U'壹': case U'贰': case U'貳': case U'叁': case U'參': case U'肆': case U'伍': case U'陆':
    case U'陸': case U'柒': case U'捌': case U'玖': case U'拾': case U'佰': case U'仟':
      return true;
    default:
      return false;
  }
}

bool IsThousandsSeparator(char32_t c) { return c == U',' || c == 0xFF0C; }
bool IsDecimalPoint(char32_t c) { return c == U'.' || c == 0xFF0E; }
bool IsChinesePoint(char32_t c) { return c == U'点' || c == U'點'; }
bool IsApproxMarker(char32_t c) { return c == U'余' || c == U'多' || c == U'几' || c == U'幾'; }
bool IsSign(char32_t c) { return c == U'负' || c == U'負' || c == U'-' || c == 0xFF0D || c == 0x2212; }

// Counts the Arabic digits starting at pos; *after gets the byte offset after them.
int CountArabicDigits(std::string_view text, size_t pos, size_t* after) {
  int count = 0;
  while (pos < text.size()) {
    size_t len;
    char32_t c = DecodeAt(text, pos, &len);
    if (ArabicDigitValue(c) < 0) break;
    ++count;
    pos += len;
  }
  *after = pos;
  return count;
}

// Lexes an Arabic number at pos (which holds a digit). Separators must group exactly three digits.
size_t LexArabic(std::string_view text, size_t pos, NumeralToken* token) {
  __int128 significand = 0;
  int32_t exponent = 0;
  bool overflow = false;
  size_t i = pos;
  int digits_before_separator = 0;
  bool first_digit = true;
  auto take_digit = [&](int d) {
    if (significand > (static_cast<__int128>(1) << 100)) {
      overflow = true;
      return;
    }
    significand = significand * 10 + d;
  };
  // Whole part with optional thousands separators.
  while (i < text.size()) {
    size_t len;
    char32_t c = DecodeAt(text, i, &len);
    int d = ArabicDigitValue(c);
    if (d >= 0) {
      if (first_digit && d == 0) {
        size_t next_len;
        if (i + len < text.size() && ArabicDigitValue(DecodeAt(text, i + len, &next_len)) >= 0) {
          token->arabic_leading_zero = true;
        }
      }
      first_digit = false;
      take_digit(d);
      ++token->arabic_digits;
      ++digits_before_separator;
      i += len;
      continue;
    }
    if (IsThousandsSeparator(c) && digits_before_separator >= 1 && digits_before_separator <= 3) {
      size_t after;
      int group = CountArabicDigits(text, i + len, &after);
      if (group == 3) {
        // A separator only when the three digits are not followed by another digit.
        i += len;
        digits_before_separator = 0;
        // The loop will take the three digits; the check on the next separator keeps groups of three.
        continue;
      }
    }
    break;
  }
  // Fraction.
  if (i < text.size()) {
    size_t len;
    char32_t c = DecodeAt(text, i, &len);
    if (IsDecimalPoint(c) && i + len < text.size()) {
      size_t after;
      int fraction = CountArabicDigits(text, i + len, &after);
      if (fraction > 0) {
        token->arabic_fraction = true;
        size_t j = i + len;
        while (j < after) {
          size_t dlen;
          int d = ArabicDigitValue(DecodeAt(text, j, &dlen));
          take_digit(d);
          --exponent;
          j += dlen;
        }
        i = after;
      }
    }
  }
  token->kind = NumeralTokenKind::kArabic;
  if (overflow || significand > INT64_MAX) {
    // Too many digits for an exact value: keep the leading ones and let the evaluator refuse it.
    token->arabic = Decimal();
    token->digit = -1;
  } else {
    token->arabic = Decimal::FromParts(static_cast<int64_t>(significand), exponent);
  }
  token->begin = pos;
  token->end = i;
  return i;
}


}  // namespace

int MultiplierPower(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 1;
    case U'百': case U'佰': return 2;
    case U'千': case U'仟': return 3;
    case U'万': case U'萬': return 4;
    case U'亿': case U'億': return 8;
    case U'兆': return 12;
    default: return -1;
  }
}

// What LexNumeral reads first (a digit, a multiplier, 廿 卅, a sign, 零下 starting with the digit 零) and
// FindNumberAt's prefixes (第; 负 before 百分之, a sign; 百分之 and the like, multipliers).
bool MayStartNumber(char32_t c) {
  return ArabicDigitValue(c) >= 0 || ChineseDigitValue(c) >= 0 || MultiplierPower(c) >= 0 || IsSign(c) ||
         c == U'廿' || c == U'卅' || c == U'第';
}

bool LexNumeral(std::string_view text, size_t pos, NumeralRun* run) {
  run->tokens.clear();
  run->negative = false;
  run->has_chinese = false;
  run->has_digit = false;
  run->begin = pos;
  size_t i = pos;
  size_t len;
  char32_t c = DecodeAt(text, i, &len);
  if (c == U'零' && text.substr(i, 6) == "零下" && i + 6 < text.size()) {
    // 零下四摄氏度: below zero.
    size_t next_len;
    char32_t next = DecodeAt(text, i + 6, &next_len);
    if (ArabicDigitValue(next) >= 0 || ChineseDigitValue(next) >= 0 || MultiplierPower(next) == 1) {
      run->negative = true;
      i += 6;
    }
  } else if (IsSign(c)) {
    if (i + len >= text.size()) return false;
    size_t next_len;
    char32_t next = DecodeAt(text, i + len, &next_len);
    if (ArabicDigitValue(next) < 0 && ChineseDigitValue(next) < 0 && MultiplierPower(next) != 1) {
      return false;
    }
    run->negative = true;
    i += len;
  }
  constexpr size_t kMaxTokens = 64;  // longer runs are split; no real numeral is this long
  while (i < text.size() && run->tokens.size() < kMaxTokens) {
    c = DecodeAt(text, i, &len);
    NumeralToken token{};
    token.begin = i;
    token.end = i + len;
    if (ArabicDigitValue(c) >= 0) {
      // Two Arabic runs never touch; a digit right after an Arabic token cannot happen.
      i = LexArabic(text, i, &token);
      run->tokens.push_back(token);
      run->has_digit = true;
      continue;
    }
    int digit = ChineseDigitValue(c);
    if (digit >= 0) {
      token.kind = NumeralTokenKind::kDigit;
      token.digit = static_cast<int8_t>(digit);
      token.formal = IsFormal(c);
      run->tokens.push_back(token);
      run->has_chinese = true;
      run->has_digit = true;
      i += len;
      continue;
    }
    if (c == U'廿' || c == U'卅') {
      token.kind = NumeralTokenKind::kTens;
      token.digit = c == U'廿' ? 2 : 3;
      run->tokens.push_back(token);
      run->has_chinese = true;
      run->has_digit = true;
      i += len;
      continue;
    }
    int power = MultiplierPower(c);
    if (power >= 0) {
      token.kind = NumeralTokenKind::kMultiplier;
      token.power = static_cast<int8_t>(power);
      token.formal = IsFormal(c);
      run->tokens.push_back(token);
      run->has_chinese = true;
      if (power == 1) run->has_digit = true;
      i += len;
      continue;
    }
    if (!run->tokens.empty() && i + len < text.size()) {
      size_t next_len;
      char32_t next = DecodeAt(text, i + len, &next_len);
      const NumeralToken& last = run->tokens.back();
      bool after_number = last.kind != NumeralTokenKind::kPoint && last.kind != NumeralTokenKind::kApprox;
      // 两 never reads a decimal digit: 两百点两 is 200 and 2, not 200.2.
      bool liang = next == U'两' || next == U'兩' || next == U'俩' || next == U'倆';
      if (IsChinesePoint(c) && after_number && last.kind != NumeralTokenKind::kArabic && !liang &&
          (ChineseDigitValue(next) >= 0 || ArabicDigitValue(next) >= 0)) {
        token.kind = NumeralTokenKind::kPoint;
        run->tokens.push_back(token);
        i += len;
        continue;
      }
      if (IsChinesePoint(c) && last.kind == NumeralTokenKind::kArabic && !last.arabic_fraction &&
          ChineseDigitValue(next) >= 0) {
        token.kind = NumeralTokenKind::kPoint;
        run->tokens.push_back(token);
        i += len;
        continue;
      }
      if (IsApproxMarker(c) && after_number && MultiplierPower(next) >= 2) {
        token.kind = NumeralTokenKind::kApprox;
        run->tokens.push_back(token);
        i += len;
        continue;
      }
    }
    break;
  }
  if (run->tokens.empty()) return false;
  run->end = run->tokens.back().end;
  return true;
}

std::optional<Evaluation> EvaluateNumeral(const NumeralToken* tokens, size_t count, bool negative) {
  if (count == 0) return std::nullopt;
  Evaluation result;
  // Split at the Chinese decimal point.
  size_t point = count;
  for (size_t i = 0; i < count; ++i) {
    if (tokens[i].kind == NumeralTokenKind::kPoint) {
      if (point != count) return std::nullopt;
      point = i;
    }
  }
  if (point == 0) return std::nullopt;  // 点一
  if (point != count && point + 1 == count) return std::nullopt;  // 零点
  for (size_t i = 0; i < count; ++i) {
    if (tokens[i].kind == NumeralTokenKind::kArabic && tokens[i].digit < 0) return std::nullopt;
  }

  Decimal whole;
  bool all_digits = point >= 2;
  for (size_t i = 0; i < point && all_digits; ++i) {
    all_digits = tokens[i].kind == NumeralTokenKind::kDigit;
  }
  if (all_digits) {
    // A digit-by-digit reading: 二〇〇六 -> 2006, 一七二零 -> 1720.
    if (point > 18) return std::nullopt;
    int64_t v = 0;
    for (size_t i = 0; i < point; ++i) v = v * 10 + tokens[i].digit;
    whole = Decimal::FromInt(v);
    result.digit_by_digit = true;
  } else {
    Decimal big_total;       // groups closed by 万/亿/兆
    int largest_big = 0;     // power of ten already applied to big_total
    int last_big = 99;       // the most recent big multiplier (groups must shrink)
    Decimal section;         // below the current big multiplier
    int last_small = 99;     // the most recent 十/百/千 in this section
    std::optional<Decimal> pending;  // a digit or Arabic number waiting for its multiplier
    bool pending_single_digit = false;
    bool zero_pending = false;
    bool fraction_closed = false;  // "10.1万" ends the number: nothing may follow
    bool last_small_had_digit = false;
    enum class Prev { kNone, kDigit, kZero, kSmall, kBig, kApprox } prev = Prev::kNone;
    int prev_power = 0;
    for (size_t i = 0; i < point; ++i) {
      const NumeralToken& t = tokens[i];
      if (fraction_closed) return std::nullopt;
      switch (t.kind) {
        case NumeralTokenKind::kDigit:
          if (t.digit == 0) {
            if (prev == Prev::kDigit) return std::nullopt;  // "五零" inside a positional numeral
            zero_pending = true;
            prev = Prev::kZero;
            break;
          }
          if (pending.has_value()) return std::nullopt;
          pending = Decimal::FromInt(t.digit);
          pending_single_digit = true;
          prev = Prev::kDigit;
          break;
        case NumeralTokenKind::kArabic:
          if (pending.has_value()) return std::nullopt;
          pending = t.arabic;
          pending_single_digit = false;
          prev = Prev::kDigit;
          break;
        case NumeralTokenKind::kTens: {
          if (pending.has_value() || last_small <= 1) return std::nullopt;
          auto s = section.Add(Decimal::FromInt(t.digit * 10));
          if (!s) return std::nullopt;
          section = *s;
          last_small = 1;
          prev = Prev::kSmall;
          prev_power = 1;
          zero_pending = false;
          break;
        }
        case NumeralTokenKind::kApprox:
          // 十余万, 三十万多亿: transparent to the multipliers around it.
          result.approx = true;
          if (prev != Prev::kBig) prev = Prev::kApprox;
          break;
        case NumeralTokenKind::kMultiplier: {
          int p = t.power;
          if (!IsBigMultiplier(p)) {
            if (p >= last_small) return std::nullopt;  // 十一十二
            Decimal d;
            if (pending.has_value()) {
              d = *pending;
            } else if ((section.is_zero() && prev != Prev::kApprox) || zero_pending) {
              d = Decimal::FromInt(1);  // 十五, 一千零十
            } else if (p == 1 && prev == Prev::kSmall && last_small == 2 && last_small_had_digit) {
              d = Decimal::FromInt(1);  // 一百十一 (colloquial 一百一十一); not 百十一
            } else {
              return std::nullopt;  // 百十一
            }
            auto s = section.Add(d.ScaleByPowerOfTen(p));
            if (!s) return std::nullopt;
            section = *s;
            last_small = p;
            last_small_had_digit = pending.has_value();
            pending.reset();
            zero_pending = false;
            prev = Prev::kSmall;
            prev_power = p;
            break;
          }
          Decimal group = section;
          bool fraction_group = false;
          if (pending.has_value()) {
            fraction_group = !pending->is_integer();
            auto g = group.Add(*pending);
            if (!g) return std::nullopt;
            group = *g;
          }
          if (group.is_zero()) {
            if (prev != Prev::kBig) return std::nullopt;  // 万 alone
            big_total = big_total.ScaleByPowerOfTen(p);   // 万万, 万亿
            largest_big += p;
            last_big = largest_big;
          } else if (p > largest_big) {
            auto g = big_total.Add(group);
            if (!g) return std::nullopt;
            big_total = g->ScaleByPowerOfTen(p);
            largest_big = p;
            last_big = p;
          } else {
            if (p >= last_big) return std::nullopt;  // 三万四万
            auto g = big_total.Add(group.ScaleByPowerOfTen(p));
            if (!g) return std::nullopt;
            big_total = *g;
            last_big = p;
          }
          if (fraction_group && i + 1 < point &&
              tokens[i + 1].kind != NumeralTokenKind::kMultiplier) {
            fraction_closed = true;  // 10.1万零100 is not a number
          }
          section = Decimal();
          last_small = 99;
          pending.reset();
          zero_pending = false;
          prev = Prev::kBig;
          prev_power = p;
          break;
        }
        case NumeralTokenKind::kPoint:
          break;
      }
    }
    if (pending.has_value()) {
      Decimal tail = *pending;
      // 三千五 = 3500, 一万三 = 13000, 两百五 = 250: a bare digit after a multiplier counts in the
      // next lower place. Not after 零 (一千零五 = 1005) and not for Arabic digits (1万600 = 10600).
      if (pending_single_digit && !zero_pending && point >= 2 &&
          tokens[point - 2].kind == NumeralTokenKind::kMultiplier && prev_power >= 1) {
        tail = tail.ScaleByPowerOfTen(prev_power - 1);
      }
      auto s = section.Add(tail);
      if (!s) return std::nullopt;
      section = *s;
    }
    auto w = big_total.Add(section);
    if (!w) return std::nullopt;
    whole = *w;
    if (prev == Prev::kApprox) return std::nullopt;  // 十多 without a multiplier after it
  }

  if (point != count) {
    // Fraction: Chinese digits one by one, or one Arabic integer (一百点123).
    int64_t fraction = 0;
    int places = 0;
    int scale_after = 0;  // 六点四二万 = 6.42 * 10^4
    bool whole_has_big = false;
    for (size_t i = 0; i < point; ++i) {
      whole_has_big |= tokens[i].kind == NumeralTokenKind::kMultiplier && IsBigMultiplier(tokens[i].power);
    }
    for (size_t i = point + 1; i < count; ++i) {
      const NumeralToken& t = tokens[i];
      if (t.kind == NumeralTokenKind::kMultiplier && IsBigMultiplier(t.power) && places > 0 && !whole_has_big) {
        scale_after += t.power;
        continue;
      }
      if (scale_after > 0) return std::nullopt;  // nothing but multipliers after them
      if (t.kind == NumeralTokenKind::kDigit) {
        if (places >= 18) return std::nullopt;
        fraction = fraction * 10 + t.digit;
        ++places;
      } else if (t.kind == NumeralTokenKind::kArabic && !t.arabic_fraction && i + 1 == count &&
                 i == point + 1) {
        if (t.arabic_digits > 18) return std::nullopt;
        int64_t sig = t.arabic.significand();
        for (int e = 0; e < t.arabic.exponent(); ++e) sig *= 10;
        fraction = sig;
        places = t.arabic_digits;
      } else {
        return std::nullopt;
      }
    }
    auto w = whole.Add(Decimal::FromParts(fraction, -places));
    if (!w) return std::nullopt;
    whole = w->ScaleByPowerOfTen(scale_after);
  }
  result.value = negative ? whole.Negated() : whole;
  return result;
}

std::optional<Evaluation> EvaluateLongestPrefix(const NumeralRun& run, size_t* used) {
  for (size_t n = run.tokens.size(); n > 0; --n) {
    auto e = EvaluateNumeral(run.tokens.data(), n, run.negative);
    if (e.has_value()) {
      *used = n;
      return e;
    }
  }
  *used = 0;
  return std::nullopt;
}

}  // namespace wenshu::quantity_internal
