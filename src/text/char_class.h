// Character classes every stage uses: Han (CJK) characters, digits, Chinese numerals, the coarse class
// the tokenizer splits runs by, and the one-character normalization (full-width → ASCII).
#ifndef WENSHU_SRC_TEXT_CHAR_CLASS_H_
#define WENSHU_SRC_TEXT_CHAR_CLASS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/utf8.h"

namespace wenshu::text {

enum class CharClass : uint8_t { kCjk, kDigit, kLatin, kSpace, kNewline, kPercent, kPunct, kOther };

// U+25CB WHITE CIRCLE stands for 〇 in many printed years (二○○一年), so it joins CJK runs; alone it
// is reclassified as other by the tokenizer.
inline constexpr char32_t kWhiteCircleZero = 0x25CB;

// The ideographs of everyday text: the URO (U+4E00..U+9FFF) and extension A (U+3400..U+4DBF). The
// repair rules and the fact reader ask this: a report's words are written in these blocks.
inline bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// The byte length (3) of the well-formed character of U+4000..U+9FFF at byte i of s (lead byte E4..E9, two
// continuation bytes), or 0. Most characters of a report are such ideographs, none of them a mark, a blank,
// a digit or a letter: a scanner that looks for those steps over one without decoding it.
inline size_t CjkBlockCharLength(std::string_view s, size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0xE4 || lead > 0xE9 || s.size() - i < 3) return 0;
  return IsContinuationByte(s[i + 1]) && IsContinuationByte(s[i + 2]) ? 3 : 0;
}

// Every Han ideograph: IsHan, the compatibility ideographs and the supplementary planes (extensions B..G).
inline bool IsIdeograph(char32_t c) {
  return IsHan(c) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

// What the tokenizer joins into CJK runs: the ideographs plus 〇 (U+3007), 々 (U+3005) and ○.
inline bool IsCjk(char32_t c) { return IsIdeograph(c) || c == 0x3007 || c == 0x3005 || c == kWhiteCircleZero; }

inline bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiAlnum(char32_t c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }

// 〇一二三四五六七八九十百千万亿 两 零 and the financial forms.
inline constexpr char32_t kCjkNumerals[] = {
    U'〇', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九', U'十', U'百', U'千', U'万', U'亿',
    U'两', U'零', U'壹', U'贰', U'叁', U'肆', U'伍', U'陆', U'柒', U'捌', U'玖', U'拾', U'佰', U'仟', U'○'};
inline bool IsCjkNumeral(char32_t c) {
  // Every numeral is in [U+25CB, U+96F6]; most CJK characters are rejected by one bitmap probe.
  struct Bitmap {
    uint64_t words[(0xA000 - 0x2000) / 64] = {};
    constexpr Bitmap() {
      // From the list, not by testing every code point: clang's constexpr step limit forbids that.
      for (char32_t x : kCjkNumerals) words[(x - 0x2000) / 64] |= uint64_t{1} << ((x - 0x2000) % 64);
    }
  };
  static constexpr Bitmap kBitmap;
  if (c < 0x2000 || c >= 0xA000) return false;
  return (kBitmap.words[(c - 0x2000) / 64] >> ((c - 0x2000) % 64)) & 1;
}

// Blanks inside a line: space, tab, the ideographic space (U+3000) and the no-break space (U+00A0), the
// padding and indents PDF, Word and HTML extraction leave. Every repair and report rule that skips or trims
// blanks uses this one set (each used to keep its own, and four of them had drifted apart).
inline bool IsInlineBlank(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0; }

// A blank at a line's edge: an inline blank or the '\r' of a CRLF line end. Only trimming uses it; a rule
// that removes blanks inside a line must never take a '\r'.
inline bool IsLineEdgeBlank(char32_t c) { return IsInlineBlank(c) || c == U'\r'; }

// The first offset at or after `at` (up to `end`) that is not an inline blank.
inline size_t SkipBlanks(std::string_view s, size_t at, size_t end) {
  while (at < end) {
    const Char c = CharAt(s, at);
    if (!IsInlineBlank(c.value)) break;
    at += c.length;
  }
  return at;
}

// The offset after the last character before `at` (down to `begin`) that is not an inline blank.
inline size_t SkipBlanksBack(std::string_view s, size_t at, size_t begin) {
  while (at > begin) {
    const Char c = CharBefore(s, at);
    if (!IsInlineBlank(c.value)) break;
    at -= c.length;
  }
  return at;
}

// The line without the blanks at its edges (IsLineEdgeBlank).
inline std::string_view TrimLineBlanks(std::string_view s) {
  while (!s.empty()) {
    const Char c = CharAt(s, 0);
    if (!IsLineEdgeBlank(c.value)) break;
    s.remove_prefix(c.length);
  }
  while (!s.empty()) {
    const Char c = CharBefore(s, s.size());
    if (!IsLineEdgeBlank(c.value)) break;
    s.remove_suffix(c.length);
  }
  return s;
}

// Whether the line holds nothing but blanks (IsLineEdgeBlank), found without decoding long lines.
inline bool IsBlankLine(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
      ++i;
    } else if (s.substr(i, 3) == "\u3000") {
      i += 3;
    } else if (s.substr(i, 2) == "\u00A0") {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

CharClass Classify(char32_t c);

// The normalized form of one character (full-width ASCII → ASCII, U+3000 → ' ', 〝〞〟 → “”).
inline char32_t FoldChar(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000) return ' ';
  if (c == 0x301D) return 0x201C;
  if (c == 0x301E || c == 0x301F) return 0x201D;
  return c;
}

}  // namespace wenshu::text

#endif  // WENSHU_SRC_TEXT_CHAR_CLASS_H_
