// Character classes and UTF-8 decoding for the tokenizer.
#ifndef WENSHU_SRC_TOKENIZE_CHAR_CLASS_H_
#define WENSHU_SRC_TOKENIZE_CHAR_CLASS_H_

#include <cstddef>
#include <cstdint>

namespace wenshu::tokenize_internal {

enum class CharClass : uint8_t { kCjk, kDigit, kLatin, kSpace, kNewline, kPercent, kPunct, kOther };

// One decoding step. len > 0: a valid character of len bytes. len == 0: the bytes so far are a valid
// prefix of a character but the buffer ends (more input needed). len < 0: the first byte is not part
// of any valid character (one invalid byte).
struct Decoded {
  char32_t cp;
  int len;
};

inline Decoded DecodeUtf8At(const uint8_t* p, size_t avail, bool final) {
  const uint8_t b = p[0];
  if (b < 0x80) return {b, 1};
  int len;
  uint8_t lo = 0x80, hi = 0xBF;
  char32_t cp;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    cp = b & 0x0F;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    cp = b & 0x07;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return {0, -1};
  }
  for (int k = 1; k < len; ++k) {
    if (static_cast<size_t>(k) >= avail) return {0, final ? -1 : 0};
    const uint8_t c = p[k];
    if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return {0, -1};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {cp, len};
}

// U+25CB WHITE CIRCLE stands for 〇 in many printed years (二○○一年), so it joins CJK runs; alone it
// is reclassified as other by the tokenizer.
inline constexpr char32_t kWhiteCircleZero = 0x25CB;

inline bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007 || c == 0x3005 ||
         c == kWhiteCircleZero ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

inline bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

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

CharClass Classify(char32_t c);

// The normalized form of one character (full-width ASCII → ASCII, U+3000 → ' ', 〝〞〟 → “”).
inline char32_t FoldChar(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000) return ' ';
  if (c == 0x301D) return 0x201C;
  if (c == 0x301E || c == 0x301F) return 0x201D;
  return c;
}

inline size_t EncodeUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

}  // namespace wenshu::tokenize_internal

#endif  // WENSHU_SRC_TOKENIZE_CHAR_CLASS_H_
