// ICU's Traditional-Simplified transform (Hant-Hans), compiled at build time (tools/hant_hans_table, linked to
// ICU) and read in place. text.traditional, text.mojibake and the furniture rules' reading of a converted copy
// convert with it; creating ICU's transliterator cost a process's first parse of a traditional text 167 M
// instructions (it compiles the transform's ~4,000 rules), and converting 30 M more in every parse.
//
// The transform is ~3,000 rules of one character and ~1,000 of a word (計畫 → 计划 where 畫 alone stays 画,
// 甚麼 → 什么, 乾坤 stays): every rule maps n characters to n, without context and without a filter, and ICU
// applies at each position the first rule, in the rules' order, whose characters follow there, then goes on
// after them. The generator checks each of these properties against ICU when it writes the table, and
// hant_hans_table_test compares the conversion with ICU's on every code point and on random text built from
// the rules' characters.
#ifndef WENSHU_SRC_REPAIR_HANT_HANS_TABLE_H_
#define WENSHU_SRC_REPAIR_HANT_HANS_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wenshu::repair_internal {

// ICU's name of the transform, for the generator and the test.
inline constexpr char kHantHansTransformId[] = "Traditional-Simplified";

// Every character a rule starts from lies in [kHantHansFirst, kHantHansEnd) (the CJK marks, kana, Extension
// A and the unified ideographs); outside, every code point stays.
inline constexpr char32_t kHantHansFirst = 0x3000, kHantHansEnd = 0xA000;

// The longest rule, in characters (宮商角徵羽 → 宫商角徵羽).
inline constexpr size_t kHantHansMaxRuleLength = 5;

// A rule of more than one character: `from` becomes `to`, both `length` characters (the rest zero).
struct HantHansRule {
  char16_t from[kHantHansMaxRuleLength];
  char16_t to[kHantHansMaxRuleLength];
  uint8_t length;
};

// Converts `chars` in place as ICU's Traditional-Simplified transform converts the same text. The length
// never changes.
void SimplifyTraditional(std::u32string& chars);

// The code points of `utf8` as ICU reads them (UnicodeString::fromUTF8: each maximal subpart of an ill-formed
// sequence one U+FFFD, as text::IllFormedLength steps), converted by SimplifyTraditional: what ICU's transform
// makes of the text, one code point for one.
std::u32string SimplifiedCodePoints(std::string_view utf8);

// The table's parts, for hant_hans_table_test: the simplified form of one character alone (the character
// itself when it stays), and the word rules in ICU's order, grouped by first character.
char32_t HantHansCharTable(char32_t cp);
const HantHansRule* HantHansRulesBegin();
const HantHansRule* HantHansRulesEnd();

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_HANT_HANS_TABLE_H_
