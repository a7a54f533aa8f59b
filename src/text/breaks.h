// The punctuation that ends sentences and clauses, one bit per mark, and the named sets the stages break
// text on. The stages do not all break on the same marks, and for reasons: the tokenizer starts a clause
// after a colon, the section reader must not end a heading at one; a line break ends a sentence for a
// fact but not for the tokenizer, which has its own line state. So each stage names the set it uses,
// built from these marks, and this is the one place that says which character is which mark.
#ifndef WENSHU_SRC_TEXT_BREAKS_H_
#define WENSHU_SRC_TEXT_BREAKS_H_

#include <cstdint>

namespace wenshu::text {

// A set of break marks.
using BreakSet = uint32_t;

// The marks, full-width (CJK) and ASCII forms apart: the ASCII '.' is no mark (a decimal point).
inline constexpr BreakSet kIdeographicFullStop = 1u << 0;  // 。
inline constexpr BreakSet kFullwidthExclamation = 1u << 1;  // ！
inline constexpr BreakSet kFullwidthQuestion = 1u << 2;  // ？
inline constexpr BreakSet kAsciiExclamation = 1u << 3;  // !
inline constexpr BreakSet kAsciiQuestion = 1u << 4;  // ?
inline constexpr BreakSet kFullwidthSemicolon = 1u << 5;  // ；
inline constexpr BreakSet kAsciiSemicolon = 1u << 6;  // ;
inline constexpr BreakSet kFullwidthColon = 1u << 7;  // ：
inline constexpr BreakSet kAsciiColon = 1u << 8;  // :
inline constexpr BreakSet kFullwidthComma = 1u << 9;  // ，
inline constexpr BreakSet kAsciiComma = 1u << 10;  // ,
inline constexpr BreakSet kIdeographicComma = 1u << 11;  // 、 (between the items of a list)
inline constexpr BreakSet kFullwidthOpenParen = 1u << 12;  // （
inline constexpr BreakSet kAsciiOpenParen = 1u << 13;  // (
inline constexpr BreakSet kLineFeed = 1u << 14;  // \n
inline constexpr BreakSet kCarriageReturn = 1u << 15;  // \r

// Groups.
inline constexpr BreakSet kCjkSentenceEnds = kIdeographicFullStop | kFullwidthExclamation | kFullwidthQuestion;
inline constexpr BreakSet kSentenceEnds = kCjkSentenceEnds | kAsciiExclamation | kAsciiQuestion;
inline constexpr BreakSet kSemicolons = kFullwidthSemicolon | kAsciiSemicolon;
inline constexpr BreakSet kColons = kFullwidthColon | kAsciiColon;
inline constexpr BreakSet kCommas = kFullwidthComma | kAsciiComma;
inline constexpr BreakSet kOpenParens = kFullwidthOpenParen | kAsciiOpenParen;
inline constexpr BreakSet kLineBreaks = kLineFeed | kCarriageReturn;
// Every mark that ends a clause but the list comma 、 and the parenthesis: ，。；：！？ in both forms and the
// line breaks.
inline constexpr BreakSet kClauseBreaks = kSentenceEnds | kCommas | kSemicolons | kColons | kLineBreaks;
// The punctuation marks of running text, both forms: ，、。；：！？ and , ; : ! ? (no line break, no
// parenthesis, and no ASCII '.', a decimal point or a list number's dot in most report text). What a rule
// counts as a page's marks (text.inserted_comma).
inline constexpr BreakSet kPunctuationMarks = kSentenceEnds | kCommas | kSemicolons | kColons | kIdeographicComma;

// The mark c is (0 for any other character).
inline constexpr BreakSet BreakMark(char32_t c) {
  switch (c) {
    case U'。': return kIdeographicFullStop;
    case U'！': return kFullwidthExclamation;
    case U'？': return kFullwidthQuestion;
    case U'!': return kAsciiExclamation;
    case U'?': return kAsciiQuestion;
    case U'；': return kFullwidthSemicolon;
    case U';': return kAsciiSemicolon;
    case U'：': return kFullwidthColon;
    case U':': return kAsciiColon;
    case U'，': return kFullwidthComma;
    case U',': return kAsciiComma;
    case U'、': return kIdeographicComma;
    case U'（': return kFullwidthOpenParen;
    case U'(': return kAsciiOpenParen;
    case U'\n': return kLineFeed;
    case U'\r': return kCarriageReturn;
    default: return 0;
  }
}

// Whether c is one of the marks of set.
inline constexpr bool IsBreak(char32_t c, BreakSet set) { return (BreakMark(c) & set) != 0; }

// What a short phrase standing for a heading (a markdown bold head, a heading after a paragraph label)
// never holds: a punctuation mark (kPunctuationMarks) or an ASCII '.', which there ends an ASCII sentence
// (`**员活动:…**`, two masks with a clause between them, holds one).
inline constexpr bool IsPhrasePunctuation(char32_t c) { return IsBreak(c, kPunctuationMarks) || c == U'.'; }

}  // namespace wenshu::text

#endif  // WENSHU_SRC_TEXT_BREAKS_H_
