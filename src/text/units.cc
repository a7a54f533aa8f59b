#include "text/units.h"

#include <algorithm>
#include <bit>
#include <array>
#include <vector>

namespace wenshu::text {
namespace {

// One reader's words by first byte, longest first, so that 人次 wins over 人 and 个百分点 over 个.
class UnitIndex {
 public:
  explicit UnitIndex(unsigned readers) {
    for (const UnitWord& u : kUnitWords) {
      if (u.readers & readers) by_first_byte_[static_cast<unsigned char>(u.written[0])].push_back(&u);
    }
    for (auto& list : by_first_byte_) {
      std::stable_sort(list.begin(), list.end(), [](const UnitWord* a, const UnitWord* b) {
        return a->written.size() > b->written.size();
      });
    }
  }
  const UnitWord* Longest(std::string_view text, size_t pos) const {
    if (pos >= text.size()) return nullptr;
    for (const UnitWord* u : by_first_byte_[static_cast<unsigned char>(text[pos])]) {
      if (text.substr(pos, u->written.size()) == u->written) return u;
    }
    return nullptr;
  }

 private:
  std::array<std::vector<const UnitWord*>, 256> by_first_byte_;
};

}  // namespace

const UnitWord* LongestUnitAt(std::string_view text, size_t pos, UnitReader reader) {
  // One index for each reader; the two token flags are one reader (every unit the tokenizer splits off).
  static const auto* indexes = [] {
    auto* all = new std::array<const UnitIndex*, 6>{};
    for (size_t bit = 0; bit < all->size(); ++bit) {
      const auto r = static_cast<uint8_t>(1u << bit);
      (*all)[bit] = new UnitIndex(r & (kTokenAfterNumber | kTokenAfterNumeral) ? kTokenAfterNumber | kTokenAfterNumeral : r);
    }
    return all;
  }();
  const int bit = std::countr_zero(static_cast<unsigned>(reader));
  return bit < static_cast<int>(indexes->size()) ? (*indexes)[static_cast<size_t>(bit)]->Longest(text, pos) : nullptr;
}

}  // namespace wenshu::text
