#include "text/char_class.h"

#include <unicode/uchar.h>

namespace wenshu::text {

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLatin;
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f') return CharClass::kSpace;
    if (c == '\n' || c == '\r') return CharClass::kNewline;
    if (c == '%') return CharClass::kPercent;
    if (c > 0x20 && c < 0x7F) return CharClass::kPunct;
    return CharClass::kOther;  // NUL and other control characters
  }
  if (IsCjk(c)) return CharClass::kCjk;
  if (c >= 0xFF10 && c <= 0xFF19) return CharClass::kDigit;
  if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return CharClass::kLatin;
  if (c == 0xFF05 || c == 0x2030) return CharClass::kPercent;
  if (c == 0x3000 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
      c == 0x205F) {
    return CharClass::kSpace;
  }
  if (c == 0x85 || c == 0x2028 || c == 0x2029) return CharClass::kNewline;
  if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF)) {
    return CharClass::kLatin;
  }
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION: case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL:
      return CharClass::kPunct;
    default:
      return CharClass::kOther;
  }
}

}  // namespace wenshu::text
