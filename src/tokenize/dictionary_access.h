// Fast read access to a Dictionary's trie, for the tokenizer's inner loop.
#ifndef WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_
#define WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_

#include <cstdint>

#include "tokenize/dictionary_format.h"
#include "wenshu/dictionary.h"

namespace wenshu::tokenize_internal {

struct DictionaryAccess {
  static const TrieSlot* Slots(const Dictionary& d) { return d.slots_; }

  // The dense id of `cp`, 0 when no word holds it (its probe then finds no child: see Child).
  static uint16_t CharId(const Dictionary& d, char32_t cp) {
    const uint32_t block = static_cast<uint32_t>(cp) >> kCharBlockBits;
    if (block >= kCharBlockCount) return 0;
    return d.char_ids_[(uint32_t{d.char_blocks_[block]} << kCharBlockBits) | (cp & (kCharBlockSize - 1))];
  }

  // The child of the node at slot `node` for character id `id`, or kRootSlot (never a child) when
  // there is none. Id 0 needs no test: base + 0 is never a child of the node, whose children sit at
  // base + 1..char_count.
  static uint32_t Child(const TrieSlot* slots, uint32_t node, uint32_t id) {
    const uint32_t t = slots[node].base + id;
    return slots[t].check == node ? t : kRootSlot;
  }

  // The node of the word cps[0, n), or kRootSlot when no word starts with it.
  static uint32_t Find(const Dictionary& d, const char32_t* cps, size_t n) {
    uint32_t node = kRootSlot;
    for (size_t k = 0; k < n; ++k) {
      node = Child(d.slots_, node, CharId(d, cps[k]));
      if (node == kRootSlot) break;
    }
    return node;
  }
};

}  // namespace wenshu::tokenize_internal

#endif  // WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_
