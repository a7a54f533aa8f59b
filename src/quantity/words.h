// Internal to the quantity stage: ordinary words that contain numeral characters.
#ifndef WENSHU_SRC_QUANTITY_WORDS_H_
#define WENSHU_SRC_QUANTITY_WORDS_H_

#include <cstddef>
#include <string_view>

namespace wenshu::quantity_internal {

// True when the bare Chinese numeral at text[begin, end) is part of an ordinary word (一些, 统一, 进一步,
// 十分, 四川, 入伍) and so is not a number.
bool IsNumeralWord(std::string_view text, size_t begin, size_t end);

}  // namespace wenshu::quantity_internal

#endif  // WENSHU_SRC_QUANTITY_WORDS_H_
