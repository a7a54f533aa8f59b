// List markers (一、 （二） 3. ⑷ 第五，) and the line starts that open a new block of text: the one
// recognizer the report's section tree and the repair rules that must not join or split a list item use.
// The tokenizer reads list markers from its stream itself: it sees the text in chunks and must ask for more
// input in the middle of a marker.
#ifndef WENSHU_SRC_TEXT_LIST_MARKER_H_
#define WENSHU_SRC_TEXT_LIST_MARKER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace wenshu::text {

enum class ListMarkerForm : uint8_t {
  kChineseParen,  // (一) （一）
  kChineseComma,  // 一、
  kOrdinalDi,     // 第一、 第一， 第一：
  kArabicComma,   // 1、
  kArabicDot,     // 1. 1．
  kArabicParen,   // (1) （1）
  kParenNumeral,  // ⑴ … ⒇
  kCircled,       // ① … ⑳
};

struct ListMarker {
  ListMarkerForm form;
  int ordinal;    // the number the marker stands for (10 for "十、", 2023 for "2023、")
  size_t length;  // bytes of the marker
};

// The value of a small Chinese numeral as list markers write it (一 … 九十九, 〇 零 两), or -1 when the
// text is not one.
int SmallChineseNumber(std::string_view numeral);

// The list marker at text[pos], or nullopt. `next_dot` is the ordinal an open "1." list expects next (0
// when none): "20.2026年…" after "19." is item 20, not the number 20.2026; without it a dot between digits
// is a decimal point ("1.5万"), and a dot ending the line is no marker.
std::optional<ListMarker> MatchListMarker(std::string_view text, size_t pos, int next_dot = 0);

// Whether an item of a parallel list opens at text[at]: 一是 … 十是 ("一是加强…；二是…").
bool OpensParallelItem(std::string_view text, size_t at);

// Whether a new paragraph, heading or list item starts at text[at] (at a line's start): an indent, a list
// marker, a chapter ordinal (第三章, 第二条), an item of a parallel list (二是), a bullet or a dash before a
// number. A line break before such a start is the text's own, never a hard wrap to join.
bool OpensBlock(std::string_view text, size_t at);

}  // namespace wenshu::text

#endif  // WENSHU_SRC_TEXT_LIST_MARKER_H_
