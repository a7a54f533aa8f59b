// Internal to the quantity stage: UTF-8 decoding and the numeral lexer and evaluator shared by
// ParseNumber, FindNumbers and ExtractFacts.
#ifndef WENSHU_SRC_QUANTITY_NUMERAL_H_
#define WENSHU_SRC_QUANTITY_NUMERAL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "wenshu/quantity.h"

namespace wenshu::quantity_internal {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes the code point at pos. Sets *length to its byte length (1 for an invalid byte, which decodes
// as kInvalidCodePoint). pos must be < text.size().
char32_t DecodeAt(std::string_view text, size_t pos, size_t* length);

// Decodes the code point that ends just before pos (0 when pos == 0); *length gets its byte length.
char32_t DecodeBefore(std::string_view text, size_t pos, size_t* length);

// Digit value of an ASCII or full-width digit, or -1.
int ArabicDigitValue(char32_t c);
// Digit value of a Chinese numeral digit (零〇一二两…九, formal 壹贰…玖), or -1.
int ChineseDigitValue(char32_t c);
// Power of ten of a Chinese multiplier: 十拾 1, 百佰 2, 千仟 3, 万萬 4, 亿億 8, 兆 12; or -1.
int MultiplierPower(char32_t c);
inline bool IsBigMultiplier(int power) { return power >= 4; }

enum class NumeralTokenKind : uint8_t {
  kArabic,      // a run of ASCII/full-width digits, with separators and a decimal point
  kDigit,       // one Chinese digit (零 is digit 0)
  kTens,        // 廿 (20) or 卅 (30)
  kMultiplier,  // 十 百 千 万 亿 兆
  kPoint,       // 点 between a whole part and Chinese fraction digits
  kApprox,      // 余 多 几 between a numeral and a multiplier: 十余万, 一千多万
};

struct NumeralToken {
  NumeralTokenKind kind;
  int8_t digit = 0;   // kDigit value, kTens value / 10
  int8_t power = 0;   // kMultiplier
  bool formal = false;  // written with a financial numeral (壹 拾 陆 …)
  Decimal arabic;     // kArabic value
  bool arabic_fraction = false;  // kArabic has a decimal point
  bool arabic_leading_zero = false;  // kArabic like "01": a code, not a count
  int16_t arabic_digits = 0;  // kArabic: digits written before the decimal point
  size_t begin = 0, end = 0;  // bytes
};

struct NumeralRun {
  size_t begin = 0, end = 0;  // bytes, including the sign
  bool negative = false;
  std::vector<NumeralToken> tokens;
  bool has_chinese = false;
  bool has_digit = false;  // some digit or 十/廿: a run of bare 百/万 is not a number
};

// Lexes the longest numeral run starting at pos (a sign 负/-/－ is accepted at the start when a numeral
// follows). Returns false and leaves run empty when no numeral starts at pos. Reuses run's storage.
bool LexNumeral(std::string_view text, size_t pos, NumeralRun* run);

struct Evaluation {
  Decimal value;
  bool approx = false;      // 余/多/几 inside the numeral
  bool digit_by_digit = false;  // 二〇〇六, 一九五八: positional digits without multipliers
};

// Evaluates tokens [0, count) of a run as one number; nullopt when they do not form one.
std::optional<Evaluation> EvaluateNumeral(const NumeralToken* tokens, size_t count, bool negative);

// Evaluates the longest prefix of the run that forms a number; sets *used to the number of tokens.
std::optional<Evaluation> EvaluateLongestPrefix(const NumeralRun& run, size_t* used);

// The scanner step behind FindNumbers: tries to read a number (with 第 or 百分之 before it, % after it)
// at pos. Returns true and fills *match when one is there. *next is where scanning continues.
bool FindNumberAt(std::string_view text, size_t pos, NumeralRun* run, NumberMatch* match, size_t* next);

// Whether a number may start at a character c: a digit, a multiplier, a sign, 廿 卅, or 第. At any other
// character FindNumberAt finds nothing and continues after it, so a scanner steps over it without calling
// FindNumberAt (most characters of a text: the call lexes a numeral run at each).
bool MayStartNumber(char32_t c);

}  // namespace wenshu::quantity_internal

#endif  // WENSHU_SRC_QUANTITY_NUMERAL_H_
