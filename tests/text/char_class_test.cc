// The text layer's character classes and break sets, on every code point.
#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "text/breaks.h"

namespace wenshu::text {
namespace {

TEST(CharClass, HanIsInsideIdeographIsInsideCjkOnEveryCodePoint) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (IsHan(c)) {
      ASSERT_TRUE(IsIdeograph(c)) << static_cast<uint32_t>(c);
    }
    if (IsIdeograph(c)) {
      ASSERT_TRUE(IsCjk(c)) << static_cast<uint32_t>(c);
    }
  }
  EXPECT_TRUE(IsCjk(U'〇') && IsCjk(U'々') && IsCjk(kWhiteCircleZero));
  EXPECT_FALSE(IsIdeograph(U'〇') || IsIdeograph(U'々') || IsIdeograph(kWhiteCircleZero));
  EXPECT_TRUE(IsIdeograph(0xF900) && IsIdeograph(0x20000)) << "compatibility, extension B";
  EXPECT_FALSE(IsHan(0xF900) || IsHan(0x20000));
}

TEST(CharClass, EveryAssignedHanCharacterOfTheMainBlocksIsHanScript) {
  // IsHan is a range test: every assigned code point in it is of the Han script (ICU's data), and every
  // unified ideograph of the BMP outside the compatibility block is in it.
  for (char32_t c = 0; c <= 0xFFFF; ++c) {
    const auto u = static_cast<UChar32>(c);
    UErrorCode status = U_ZERO_ERROR;
    if (IsHan(c) && u_charType(u) != U_UNASSIGNED) {
      ASSERT_EQ(uscript_getScript(u, &status), USCRIPT_HAN) << static_cast<uint32_t>(c);
    }
    if (u_hasBinaryProperty(u, UCHAR_UNIFIED_IDEOGRAPH) && !(c >= 0xF900 && c <= 0xFAFF)) {
      ASSERT_TRUE(IsHan(c)) << static_cast<uint32_t>(c);
    }
  }
}

TEST(Breaks, EachMarkIsOneCharacterAndTheGroupsAreTheirMarks) {
  int marks = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    const BreakSet m = BreakMark(c);
    if (m == 0) continue;
    ++marks;
    ASSERT_EQ(m & (m - 1), 0u) << "one bit: " << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(marks, 16);
  EXPECT_TRUE(IsBreak(U'。', kSentenceEnds));
  EXPECT_TRUE(IsBreak(U'!', kSentenceEnds));
  EXPECT_FALSE(IsBreak(U'!', kCjkSentenceEnds));
  EXPECT_FALSE(IsBreak(U'.', ~BreakSet{0})) << "the ASCII full stop is a decimal point too";
  EXPECT_TRUE(IsBreak(U'\r', kLineBreaks));
  EXPECT_FALSE(IsBreak(U'，', kSentenceEnds | kSemicolons | kColons));
  EXPECT_TRUE(IsBreak(U'，', kCommas));
}

TEST(Breaks, PunctuationMarksAreTheTwelveMarksOfRunningTextAndAPhraseAlsoHoldsNoDot) {
  std::u32string marks, phrase;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (IsBreak(c, kPunctuationMarks)) marks += c;
    if (IsPhrasePunctuation(c)) phrase += c;
  }
  EXPECT_EQ(marks, U"!,:;?、。！，：；？");
  EXPECT_EQ(phrase, U"!,.:;?、。！，：；？") << "the ASCII '.' too: it ends an ASCII sentence in a head";
}

TEST(Blanks, InlineBlanksAreTheSpacesExtractionLeavesAndEveryOneIsASpaceClass) {
  int blanks = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (!IsInlineBlank(c)) continue;
    ++blanks;
    ASSERT_EQ(Classify(c), CharClass::kSpace) << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(blanks, 4) << "space, tab, U+3000 and U+00A0";
  EXPECT_FALSE(IsInlineBlank(U'\r')) << "a rule removing blanks inside a line must not take a CRLF's \\r";
  EXPECT_TRUE(IsLineEdgeBlank(U'\r'));
  EXPECT_FALSE(IsLineEdgeBlank(U'\n'));
}

TEST(Blanks, SkipAndTrimStopAtTheFirstOtherCharacterAndNeverSplitOne) {
  const std::string_view line = "\u3000\u00A0 \t一、 工作\u3000 \r";
  EXPECT_EQ(TrimLineBlanks(line), "一、 工作");
  EXPECT_EQ(SkipBlanks(line, 0, line.size()), 3u + 2u + 1u + 1u);
  const size_t end = line.size() - 1;  // before the \r: SkipBlanksBack takes inline blanks only
  EXPECT_EQ(line.substr(0, SkipBlanksBack(line, end, 0)), "\u3000\u00A0 \t一、 工作");
  EXPECT_EQ(SkipBlanksBack(line, line.size(), 0), line.size()) << "\\r is not an inline blank";
  EXPECT_EQ(SkipBlanks(line, 0, 3), 3u) << "the limit is kept";
  EXPECT_TRUE(IsBlankLine(" \t\u3000\u00A0\r"));
  EXPECT_TRUE(IsBlankLine(""));
  EXPECT_FALSE(IsBlankLine(" \xE3\x80"));  // a cut U+3000 is not a blank
  EXPECT_EQ(TrimLineBlanks("\xE3\x80 "), "\xE3\x80");
}

}  // namespace
}  // namespace wenshu::text
