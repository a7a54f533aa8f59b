// The text layer's UTF-8 decoder against ICU's U8_NEXT on every 1-, 2-, 3- and 4-byte sequence (the
// habit of utf8proc's tests): the same valid characters at the same offsets, the rest invalid bytes.
#include "text/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "gtest/gtest.h"

namespace wenshu::text {
namespace {

// (offset, code point) of the valid characters of a sequence of at most 4 bytes; fixed storage, since
// 10^8 sequences are compared.
struct Found {
  std::pair<size_t, char32_t> items[4];
  size_t count = 0;
  void emplace_back(size_t offset, char32_t cp) { items[count++] = {offset, cp}; }
  bool operator==(const Found& o) const {
    if (count != o.count) return false;
    for (size_t i = 0; i < count; ++i)
      if (items[i] != o.items[i]) return false;
    return true;
  }
};

Found WithIcu(const uint8_t* s, int32_t n) {
  Found found;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0) found.emplace_back(start, static_cast<char32_t>(c));
  }
  return found;
}

Found WithWenshu(const uint8_t* s, size_t n) {
  Found found;
  for (size_t i = 0; i < n;) {
    const Decoded d = DecodeUtf8At(s + i, n - i, true);
    if (d.len == 0) return {};  // final decoding never asks for more input: a mismatch
    if (d.len > 0) {
      found.emplace_back(i, d.cp);
      i += static_cast<size_t>(d.len);
    } else {
      ++i;
    }
  }
  return found;
}

// Compares without gtest's per-assertion cost, which would dominate 10^8 sequences.
bool Agrees(const uint8_t* s, size_t n) { return WithIcu(s, static_cast<int32_t>(n)) == WithWenshu(s, n); }

std::string Hex(const uint8_t* s, size_t n) {
  std::string out;
  static const char kDigits[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; ++i) {
    out += kDigits[s[i] >> 4];
    out += kDigits[s[i] & 15];
    out += ' ';
  }
  return out;
}

// The first sequence of one to three bytes on which check(s, n) fails, in hex; "" when there is none.
template <typename Check>
std::string FirstShortSequenceFailing(Check check) {
  uint8_t s[3];
  for (uint32_t v = 0; v < (1u << 24); ++v) {
    s[0] = static_cast<uint8_t>(v >> 16);
    s[1] = static_cast<uint8_t>(v >> 8);
    s[2] = static_cast<uint8_t>(v);
    // The three-byte buffer also covers every one- and two-byte prefix.
    for (size_t n = (v & 0xFFFF) == 0 ? 1 : ((v & 0xFF) == 0 ? 2 : 3); n <= 3; ++n) {
      if (!check(s, n)) return Hex(s, n);
    }
  }
  return "";
}

// The same over every four-byte sequence whose first byte is one of `firsts`.
template <typename Check>
std::string FirstFourByteSequenceFailing(std::initializer_list<uint32_t> firsts, Check check) {
  uint8_t s[4];
  for (uint32_t first : firsts) {
    for (uint32_t v = 0; v < (1u << 24); ++v) {
      s[0] = static_cast<uint8_t>(first);
      s[1] = static_cast<uint8_t>(v >> 16);
      s[2] = static_cast<uint8_t>(v >> 8);
      s[3] = static_cast<uint8_t>(v);
      if (!check(s, 4)) return Hex(s, 4);
    }
  }
  return "";
}

TEST(Utf8, EveryOneTwoAndThreeByteSequenceDecodesAsIcuDoes) { EXPECT_EQ(FirstShortSequenceFailing(Agrees), ""); }

TEST(Utf8, EveryFourByteSequenceDecodesAsIcuDoes) {
  // Only F0..F4 start four-byte characters; other first bytes are covered by the shorter sequences.
  EXPECT_EQ(FirstFourByteSequenceFailing({0xF0, 0xF1, 0xF2, 0xF3, 0xF4}, Agrees), "");
}

// Backward decoding and the maximal subpart at every end and start of s[0, n) against ICU's U8_PREV and
// U8_NEXT: the same valid character ending at each end, and where no character starts, the same step.
bool AgreesBothWays(const uint8_t* s, size_t n) {
  const std::string_view view(reinterpret_cast<const char*>(s), n);
  for (size_t end = 1; end <= n; ++end) {
    int32_t i = static_cast<int32_t>(end);
    UChar32 c;
    U8_PREV(s, 0, i, c);
    const Decoded d = DecodeUtf8Before(view, end);
    if ((c >= 0) != (d.len > 0)) return false;
    if (c >= 0 && (static_cast<char32_t>(c) != d.cp || end - static_cast<size_t>(i) != static_cast<size_t>(d.len))) {
      return false;
    }
  }
  for (size_t start = 0; start < n; ++start) {
    if (DecodeUtf8At(view, start).len > 0) continue;
    int32_t i = static_cast<int32_t>(start);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(n), c);
    if (c >= 0 || static_cast<size_t>(i) - start != IllFormedLength(view, start)) return false;
  }
  return true;
}

TEST(Utf8, EveryOneTwoAndThreeByteSequenceStepsBackAndOverIllFormedBytesAsIcuDoes) {
  EXPECT_EQ(FirstShortSequenceFailing(AgreesBothWays), "");
}

TEST(Utf8, EveryFourByteSequenceStepsBackAndOverIllFormedBytesAsIcuDoes) {
  // Backward, the first of four bytes matters when it leads a four-byte character (F0..F4); one byte of
  // each other kind (ASCII, continuation, a two- and a three-byte lead, never a lead) stands for the rest.
  EXPECT_EQ(FirstFourByteSequenceFailing(
                {0x41, 0x80, 0xBF, 0xC2, 0xE6, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xFF}, AgreesBothWays),
            "");
}

TEST(Utf8, ScannerStepsFindEveryScalarValueBetweenNeighboursAndReplaceIllFormedBytes) {
  char buffer[8];
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    buffer[0] = 'a';
    const size_t n = EncodeUtf8(c, buffer + 1);
    buffer[n + 1] = 'b';
    const std::string_view s(buffer, n + 2);
    ASSERT_EQ(CharAt(s, 1).value, c);
    ASSERT_EQ(CharAt(s, 1).length, n);
    ASSERT_EQ(CharBefore(s, n + 1).value, c);
    ASSERT_EQ(CharBefore(s, n + 1).length, n);
    ASSERT_EQ(CountCharStarts(s), 3u);
    ASSERT_EQ(AnnouncedCharLength(s.substr(1)), n);
    for (size_t inside = 1; inside <= n; ++inside) {
      ASSERT_EQ(AlignToCharStart(s, inside), 1u);
      ASSERT_EQ(AlignForwardToCharStart(s, inside), inside == 1 ? 1u : n + 1);
    }
    ASSERT_EQ(AlignToCharStart(s, n, n), n) << "never back past the floor";
  }
  const std::string_view bad = "\xE6\x96" "a\x80";  // a truncated 文, a, a stray continuation byte
  EXPECT_EQ(CharAt(bad, 0).value, kReplacementChar);
  EXPECT_EQ(CharAt(bad, 0).length, 1u);
  EXPECT_EQ(CharAt(bad, 2).value, U'a');
  EXPECT_EQ(CharBefore(bad, 4).value, kReplacementChar);
  EXPECT_EQ(CharBefore(bad, 4).length, 1u);
  EXPECT_EQ(CharAt(bad, 4).length, 0u) << "past the end";
  EXPECT_EQ(CharBefore(bad, 0).length, 0u) << "before the start";
  EXPECT_EQ(IllFormedLength(bad, 0), 2u);
  EXPECT_EQ(CountCharStarts(bad), 2u) << "the lead byte and a; continuation bytes count nothing";
  EXPECT_EQ(CountCharStarts("文文文文", 2), 2u) << "stops at the limit";
}

TEST(Utf8, SubsequenceComparesWholeCharacters) {
  EXPECT_TRUE(IsCharSubsequence("政府报告", "人民政府工作报告"));
  EXPECT_FALSE(IsCharSubsequence("报告政府", "人民政府工作报告")) << "in order";
  EXPECT_TRUE(IsCharSubsequence("", "文"));
  // 文 (E6 96 87) and 斗 (E6 96 97) share two bytes: a byte-wise subsequence would find 文 in 斗x\x87.
  EXPECT_FALSE(IsCharSubsequence("文", "斗x\x87"));
}

TEST(Utf8, EveryScalarValueRoundTripsBothWays) {
  char buffer[8];
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const size_t n = EncodeUtf8(c, buffer);
    const std::string_view s(buffer, n);
    const Decoded forward = DecodeUtf8At(s, 0);
    const Decoded backward = DecodeUtf8Before(s, n);
    ASSERT_EQ(forward.len, static_cast<int>(n)) << static_cast<uint32_t>(c);
    ASSERT_EQ(forward.cp, c);
    ASSERT_EQ(backward.len, static_cast<int>(n));
    ASSERT_EQ(backward.cp, c);
  }
}

TEST(Utf8, RejectsOverlongsSurrogatesAndValuesAboveTheRange) {
  for (std::string_view bad : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80",
                               "\xED\xBF\xBF", "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80",
                               "\xF5\x80\x80\x80", "\xFF", "\x80"}) {
    EXPECT_LT(DecodeUtf8At(bad, 0).len, 0) << Hex(reinterpret_cast<const uint8_t*>(bad.data()), bad.size());
    EXPECT_FALSE(IsValidUtf8(bad));
  }
}

TEST(Utf8, StreamingAsksForMoreOnlyForAValidPrefix) {
  const std::string_view han = "\xE6\x96\x87";  // 文
  for (size_t n = 1; n < han.size(); ++n) {
    EXPECT_EQ(DecodeUtf8At(reinterpret_cast<const uint8_t*>(han.data()), n, false).len, 0);
    EXPECT_LT(DecodeUtf8At(reinterpret_cast<const uint8_t*>(han.data()), n, true).len, 0);
  }
  EXPECT_LT(DecodeUtf8At(reinterpret_cast<const uint8_t*>("\xE0\x80"), 2, false).len, 0)
      << "an overlong prefix is invalid at once, not a request for more";
}

TEST(Utf8, BackwardStepsOverOneInvalidByteAndFindsTheCharacterBefore) {
  const std::string s = "a\xE6\x96\x87\x80";  // a 文 then a stray continuation byte
  EXPECT_LT(DecodeUtf8Before(s, 5).len, 0);
  EXPECT_EQ(DecodeUtf8Before(s, 4).cp, U'文');
  EXPECT_EQ(DecodeUtf8Before(s, 4).len, 3);
  EXPECT_EQ(DecodeUtf8Before(s, 1).cp, U'a');
  EXPECT_LT(DecodeUtf8Before(s, 3).len, 0) << "a truncated character is not a character";
}

}  // namespace
}  // namespace wenshu::text
