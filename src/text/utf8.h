// UTF-8 for every stage: the one strict decoder (forward, backward, streaming) and the one encoder.
//
// Strict means the Unicode definition of well-formed UTF-8 (Table 3-7): no overlong forms, no
// surrogates (U+D800..U+DFFF), nothing above U+10FFFF. An ill-formed byte is reported as one invalid
// byte, so a caller that steps over it resynchronizes on the next byte; the valid characters found
// and their offsets are then exactly those ICU's U8_NEXT finds (tests/text/utf8_test.cc checks this
// on every 1-, 2-, 3- and 4-byte sequence, and the utf8_differential fuzzer on any input).
#ifndef WENSHU_SRC_TEXT_UTF8_H_
#define WENSHU_SRC_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wenshu::text {

// One decoding step. len > 0: a valid character of len bytes. len == 0: the bytes so far are a valid
// prefix of a character but the buffer ends (more input needed; only when final is false). len < 0:
// the first byte is not part of any valid character here (one invalid byte).
struct Decoded {
  char32_t cp;
  int len;
};

// Decodes the character starting at p. avail > 0 bytes are readable. With final = false a truncated
// but so far valid sequence asks for more input (len 0) instead of being invalid: the streaming form.
inline Decoded DecodeUtf8At(const uint8_t* p, size_t avail, bool final = true) {
  const uint8_t b = p[0];
  if (b < 0x80) return {b, 1};
  int len;
  uint8_t lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  char32_t cp;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    cp = b & 0x0F;
    if (b == 0xE0) lo = 0xA0;  // overlong below U+0800
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    cp = b & 0x07;
    if (b == 0xF0) lo = 0x90;  // overlong below U+10000
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
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

// The character starting at byte pos of s (pos < s.size()).
inline Decoded DecodeUtf8At(std::string_view s, size_t pos) {
  return DecodeUtf8At(reinterpret_cast<const uint8_t*>(s.data()) + pos, s.size() - pos, true);
}

// The character that ends at byte end of s (0 < end <= s.size()): the valid character whose last byte
// is end - 1, or one invalid byte {0, -1} when there is none. Consistent with forward decoding: a
// well-formed text decodes to the same characters in both directions.
inline Decoded DecodeUtf8Before(std::string_view s, size_t end) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  size_t start = end - 1;
  // At most three continuation bytes precede the last one of a character.
  while (start > 0 && end - start < 4 && (p[start] & 0xC0) == 0x80) --start;
  for (; start < end; ++start) {
    Decoded d = DecodeUtf8At(p + start, end - start, true);
    if (d.len > 0 && start + static_cast<size_t>(d.len) == end) return d;
  }
  return {0, -1};
}

// One character for a scanner that steps over anything: a valid character, or an ill-formed byte read
// as U+FFFD REPLACEMENT CHARACTER of one byte (so a loop always advances). Past the text: {0, 0}.
struct Char {
  char32_t value = 0;
  size_t length = 0;
};
inline constexpr char32_t kReplacementChar = 0xFFFD;

// The character starting at byte pos of s ({0, 0} when pos >= s.size()).
inline Char CharAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return {};
  const Decoded d = DecodeUtf8At(s, pos);
  return d.len > 0 ? Char{d.cp, static_cast<size_t>(d.len)} : Char{kReplacementChar, 1};
}

// The character ending at byte end of s ({0, 0} when end is 0 or past the text).
inline Char CharBefore(std::string_view s, size_t end) {
  if (end == 0 || end > s.size()) return {};
  const Decoded d = DecodeUtf8Before(s, end);
  return d.len > 0 ? Char{d.cp, static_cast<size_t>(d.len)} : Char{kReplacementChar, 1};
}

// The length of the maximal subpart at pos (Unicode 3.9, D93b), where DecodeUtf8At finds no character:
// the longest prefix of a valid sequence there, or the one byte. ICU's U8_NEXT steps over it, and
// ICU's conversions replace it with one U+FFFD; a scanner that must stay aligned with them steps so.
inline size_t IllFormedLength(std::string_view s, size_t pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data()) + pos;
  for (size_t n = s.size() - pos < 3 ? s.size() - pos : 3; n > 1; --n) {
    if (DecodeUtf8At(p, n, false).len == 0) return n;
  }
  return 1;
}

// Whether b is a continuation byte (10xxxxxx), which never starts a character.
inline constexpr bool IsContinuationByte(char b) { return (static_cast<uint8_t>(b) & 0xC0) == 0x80; }

// pos moved back over continuation bytes, no further than floor: in well-formed text, the start of the
// character holding byte pos. A pos at or past the end stays.
inline size_t AlignToCharStart(std::string_view s, size_t pos, size_t floor = 0) {
  while (pos > floor && pos < s.size() && IsContinuationByte(s[pos])) --pos;
  return pos;
}

// pos moved forward over continuation bytes: in well-formed text, the start of the first character at or
// after byte pos.
inline size_t AlignForwardToCharStart(std::string_view s, size_t pos) {
  while (pos < s.size() && IsContinuationByte(s[pos])) ++pos;
  return pos;
}

// The bytes of s that are not continuation bytes, counted up to limit: the number of characters of
// well-formed text at the cost of one test per byte (a stray continuation byte counts nothing, another
// ill-formed byte one).
inline size_t CountCharStarts(std::string_view s, size_t limit = SIZE_MAX) {
  size_t n = 0;
  for (size_t i = 0; i < s.size() && n < limit; ++i) n += !IsContinuationByte(s[i]);
  return n;
}

// The byte length its lead byte announces for the character at the start of s, cut at the end of s (0
// for an empty s). For text known to be well-formed (a compiled model's keys): no byte is checked but
// the first, and an ill-formed first byte announces 1.
inline size_t AnnouncedCharLength(std::string_view s) {
  if (s.empty()) return 0;
  const auto lead = static_cast<uint8_t>(s[0]);
  const size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return n < s.size() ? n : s.size();
}

// Whether the characters of part occur in whole in order (not necessarily next to each other). The
// characters are compared as byte strings, which is exact for UTF-8; a character is the bytes its lead
// byte announces (AnnouncedCharLength).
inline bool IsCharSubsequence(std::string_view part, std::string_view whole) {
  size_t at = 0;
  for (size_t i = 0; i < part.size();) {
    const std::string_view c = part.substr(i, AnnouncedCharLength(part.substr(i)));
    const size_t found = whole.find(c, at);
    if (found == std::string_view::npos) return false;
    at = found + c.size();
    i += c.size();
  }
  return true;
}

// True when every byte of s is part of a valid character.
inline bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    Decoded d = DecodeUtf8At(s, i);
    if (d.len <= 0) return false;
    i += static_cast<size_t>(d.len);
  }
  return true;
}

// Writes c (a scalar value: not a surrogate, at most U+10FFFF) to out, which has room for 4 bytes.
// Returns the number of bytes written.
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

inline void AppendUtf8(char32_t c, std::string* out) {
  char buffer[4];
  out->append(buffer, EncodeUtf8(c, buffer));
}

// s with every byte that is not part of a valid character written as the four ASCII characters \xHH:
// for messages, which must stay valid UTF-8 whatever input they quote.
inline std::string EscapeInvalidUtf8(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const Decoded d = DecodeUtf8At(s, i);
    if (d.len > 0) {
      out.append(s.substr(i, static_cast<size_t>(d.len)));
      i += static_cast<size_t>(d.len);
      continue;
    }
    const auto b = static_cast<uint8_t>(s[i++]);
    out += "\\x";
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

}  // namespace wenshu::text

#endif  // WENSHU_SRC_TEXT_UTF8_H_
