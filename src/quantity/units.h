// Internal to the quantity stage: units and measure words, and the words that qualify, change or
// introduce a figure.
#ifndef WENSHU_SRC_QUANTITY_UNITS_H_
#define WENSHU_SRC_QUANTITY_UNITS_H_

#include <cstddef>
#include <string_view>

#include "wenshu/quantity.h"

namespace wenshu::quantity_internal {

struct UnitInfo {
  std::string_view written;  // as it appears after the number
  std::string_view unit;     // what Quantity::unit reports
  QuantityKind kind;
  int power;                 // scale folded into the value: 万元 -> 4
};

// The longest unit written at text[pos...], or nullptr.
const UnitInfo* MatchUnit(std::string_view text, size_t pos);

// The library's own string (static storage) equal to `unit`, among every unit a fact can report
// (Quantity::unit: the table's units, which include the currencies and "%"), or "" when unknown. The JSON
// reader maps what it reads onto it, as it does a fact's role.
std::string_view FindUnitName(std::string_view unit);

// The longest word from a list that starts at pos; returns its byte length or 0.
size_t MatchWordAt(std::string_view text, size_t pos, const std::string_view* words, size_t count);
// The longest word from a list that ends at pos; returns its byte length or 0.
size_t MatchWordBefore(std::string_view text, size_t pos, const std::string_view* words, size_t count);

template <size_t N>
size_t MatchWordAt(std::string_view text, size_t pos, const std::string_view (&words)[N]) {
  return MatchWordAt(text, pos, words, N);
}
template <size_t N>
size_t MatchWordBefore(std::string_view text, size_t pos, const std::string_view (&words)[N]) {
  return MatchWordBefore(text, pos, words, N);
}

}  // namespace wenshu::quantity_internal

#endif  // WENSHU_SRC_QUANTITY_UNITS_H_
