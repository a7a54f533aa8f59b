#include "text/units.h"

#include <algorithm>
#include <bit>
#include <array>
#include <vector>

namespace wenshu::text {
namespace {

// One reader's words by first byte, longest first, so that 人次 wins over 人 and 个百分点 over 个.
// One array sorted by first byte with where each byte's words start, not a vector per byte: the six
// readers' indexes are built in every process's first parse, and 6 x 256 vectors held 36 KB of heap
// (nine fresh pages of wenshu_parse's first call, massif).
class UnitIndex {
 public:
  explicit UnitIndex(unsigned readers) {
    for (const UnitWord& u : kUnitWords) {
      if (u.readers & readers) words_.push_back(&u);
    }
    std::stable_sort(words_.begin(), words_.end(), [](const UnitWord* a, const UnitWord* b) {
      return FirstByte(a) != FirstByte(b) ? FirstByte(a) < FirstByte(b) : a->written.size() > b->written.size();
    });
    size_t k = 0;
    for (unsigned byte = 0; byte < begin_.size(); ++byte) {
      while (k < words_.size() && FirstByte(words_[k]) < byte) ++k;
      begin_[byte] = static_cast<uint32_t>(k);
    }
  }
  const UnitWord* Longest(std::string_view text, size_t pos) const {
    if (pos >= text.size()) return nullptr;
    const auto byte = static_cast<unsigned char>(text[pos]);
    for (uint32_t k = begin_[byte]; k < begin_[byte + 1u]; ++k) {
      if (text.substr(pos, words_[k]->written.size()) == words_[k]->written) return words_[k];
    }
    return nullptr;
  }

 private:
  static unsigned FirstByte(const UnitWord* u) { return static_cast<unsigned char>(u->written[0]); }
  std::vector<const UnitWord*> words_;  // by first byte, then longest first
  std::array<uint32_t, 257> begin_{};   // byte b's words are words_[begin_[b], begin_[b + 1])
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
