// Fast read access to a Dictionary's trie, for the tokenizer's inner loop.
#ifndef WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_
#define WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_

#include <cstdint>

#include "tokenize/dictionary_format.h"
#include "wenshu/dictionary.h"

namespace wenshu::tokenize_internal {

struct DictionaryAccess {
  static const TrieLink* Links(const Dictionary& d) { return d.links_; }
  static const uint32_t* CodePoints(const Dictionary& d) { return d.code_points_; }

  // The node for the one-character prefix `cp`, or 0 when no word starts with it.
  static uint32_t RootChild(const Dictionary& d, char32_t cp) { return Root(d, cp).node; }
  // The same with the node's probability (kNotAWord when it is not a word, or for node 0).
  static RootEntry Root(const Dictionary& d, char32_t cp) {
    const uint32_t offset = static_cast<uint32_t>(cp) - d.header_->root_table_first_cp;
    if (offset < d.header_->root_table_size) return d.root_table_[offset];
    const uint32_t node = Child(d, 0, cp);
    return {node, d.links_[node].log_probability};
  }

  // False when no word starts with the pair (first, second); true means "maybe".
  static bool MayStartWord(const Dictionary& d, char32_t first, char32_t second) {
    const uint32_t bit = BigramHash(first, second, d.header_->bigram_filter_log2);
    return (d.bigram_filter_[bit / 64] >> (bit % 64)) & 1;
  }

  // The two-character prefix (first, second): its probability and children, or null when no word
  // starts with it. One probe, usually within one cache line.
  static const PairSlot* Pair(const Dictionary& d, char32_t first, char32_t second) {
    const uint32_t log2 = d.header_->pair_table_log2;
    const auto* slots = reinterpret_cast<const PairSlot*>(reinterpret_cast<const char*>(d.bigram_filter_) +
                                                          BigramFilterBytes(d.header_->bigram_filter_log2));
    const uint32_t mask = (uint32_t{1} << log2) - 1;
    const uint64_t key = PairKey(first, second);
    for (uint32_t slot = BigramHash(first, second, log2);; slot = (slot + 1) & mask) {
      const PairSlot& p = slots[slot];
      if (p.first_child == 0) return nullptr;
      if ((p.key >> kPairCountBits) == key) return &p;
    }
  }
  static uint32_t ChildCount(const PairSlot& p) {
    return static_cast<uint32_t>(p.key & ((uint64_t{1} << kPairCountBits) - 1));
  }

  // The child of `node` for `cp`, or 0.
  static uint32_t Child(const Dictionary& d, uint32_t node, char32_t cp) {
    return Child(d.code_points_, d.links_, node, static_cast<uint32_t>(cp));
  }

  // Branch-free binary search over the node's children (mispredicted branches cost more than the
  // few extra comparisons). The children end where the next node's begin.
  static uint32_t Child(const uint32_t* code_points, const TrieLink* links, uint32_t node, uint32_t c) {
    return ChildAmong(code_points, links[node].first_child, links[node + 1].first_child - links[node].first_child,
                      c);
  }
  // The child for `c` among the n nodes from `first`, or 0.
  static uint32_t ChildAmong(const uint32_t* code_points, uint32_t first, uint32_t n, uint32_t c) {
    if (n == 0) return 0;
    const uint32_t* base = code_points + first;
    while (n > 1) {
      const uint32_t half = n / 2;
      base = base[half] <= c ? base + half : base;
      n -= half;
    }
    return *base == c ? static_cast<uint32_t>(base - code_points) : 0;
  }
};

}  // namespace wenshu::tokenize_internal

#endif  // WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_
