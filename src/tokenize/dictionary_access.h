// Fast read access to a Dictionary's trie, for the tokenizer's inner loop.
#ifndef WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_
#define WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_

#include <cstdint>

#include "tokenize/dictionary_format.h"
#include "wenshu/dictionary.h"

namespace wenshu::tokenize_internal {

struct DictionaryAccess {
  static const TrieNode* Nodes(const Dictionary& d) { return d.nodes_; }
  static const BlobHeader& Header(const Dictionary& d) { return *d.header_; }

  // The node for the one-character prefix `cp`, or 0 when no word starts with it.
  static uint32_t RootChild(const Dictionary& d, char32_t cp) {
    uint32_t offset = static_cast<uint32_t>(cp) - d.header_->root_table_first_cp;
    if (offset < d.header_->root_table_size) return d.root_table_[offset];
    return Child(d, 0, cp);
  }

  // The child of `node` for `cp`, or 0.
  static uint32_t Child(const Dictionary& d, uint32_t node, char32_t cp) {
    const TrieNode& n = d.nodes_[node];
    uint32_t lo = n.first_child, hi = n.first_child + n.child_count;
    const uint32_t c = static_cast<uint32_t>(cp);
    while (hi - lo > 8) {
      const uint32_t mid = lo + (hi - lo) / 2;
      const uint32_t v = d.nodes_[mid].code_point;
      if (v < c) {
        lo = mid + 1;
      } else if (v > c) {
        hi = mid;
      } else {
        return mid;
      }
    }
    for (; lo < hi; ++lo) {
      uint32_t v = d.nodes_[lo].code_point;
      if (v == c) return lo;
      if (v > c) return 0;
    }
    return 0;
  }
};

}  // namespace wenshu::tokenize_internal

#endif  // WENSHU_SRC_TOKENIZE_DICTIONARY_ACCESS_H_
