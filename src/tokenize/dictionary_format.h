// The binary layout of a compiled dictionary, shared by the library and the wenshu-dictc build tool.
//
//   BlobHeader (128 bytes)
//   RootEntry root_table[header.root_table_size] the root child for code point root_table_first_cp + i
//                                                (node 0 if none) and its probability: the first
//                                                character of a word costs one load, not two (fast path)
//   uint64_t bigram_filter[2^bigram_filter_log2 / 64]  a bit per hashed two-character prefix of a word:
//                                                a clear bit proves no word starts with the pair
//   PairSlot pair_table[2^pair_table_log2]    every two-character prefix, by (first, second): its
//                                                probability and where its children are. Open addressing,
//                                                BigramHash then linear probing, first_child 0 marks an
//                                                empty slot. One cache line answers what a binary search
//                                                among the first character's children (up to ~900), the
//                                                load of the child's probability and the load of its
//                                                children's range did.
//   uint32_t code_point[header.node_count]       the trie as two arrays: node 0 is the root; the
//   TrieLink link[header.node_count + 1]          children of node i are the nodes
//                                                [link[i].first_child, link[i + 1].first_child),
//                                                sorted by code point (breadth-first layout makes the
//                                                first_child values non-decreasing; the last link is a
//                                                sentinel with first_child == node_count)
//
// All integers are little-endian host order; the endian marker rejects blobs from another byte order.
// The payload (everything after the header) is covered by an FNV-1a 64 checksum.
#ifndef WENSHU_SRC_TOKENIZE_DICTIONARY_FORMAT_H_
#define WENSHU_SRC_TOKENIZE_DICTIONARY_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace wenshu::tokenize_internal {

inline constexpr char kBlobMagic[8] = {'W', 'S', 'D', 'I', 'C', 'T', '\x1a', '\0'};
// 2: the pair table; 3: pair slots hold the children; 4: root table entries hold the probability
inline constexpr uint32_t kBlobFormatVersion = 4;
inline constexpr uint32_t kEndianMarker = 0x01020304u;
// Code points covered by the root fast-path table: CJK punctuation through CJK Unified Ideographs.
inline constexpr uint32_t kRootTableFirstCp = 0x3000;
inline constexpr uint32_t kRootTableSize = 0xA000 - 0x3000;

struct BlobHeader {
  char magic[8];
  uint32_t format_version;
  uint32_t endian_marker;
  uint32_t node_count;
  uint32_t word_count;
  uint32_t root_table_first_cp;
  uint32_t root_table_size;
  uint32_t max_word_length;  // in code points
  uint32_t bigram_filter_log2;  // 6..26
  uint64_t total_frequency;
  uint64_t payload_bytes;
  uint64_t checksum;  // FNV-1a 64 of the payload
  uint32_t pair_table_log2;  // 4..26
  uint32_t reserved[15];
};
static_assert(sizeof(BlobHeader) == 128);

// A one-character prefix in the root table: its node (0 if no word starts with the character) and
// the node's probability (kNotAWord for node 0, as the root's link says).
struct RootEntry {
  uint32_t node;
  float log_probability;
};
static_assert(sizeof(RootEntry) == 8);

// A two-character prefix in the pair table (16 bytes: four to a cache line): the two code points and
// the prefix node's child count packed in `key` (PairKey), then the node's first child and probability
// (as in its TrieLink), so that the walk goes on to the third character without touching the node.
struct PairSlot {
  uint64_t key;              // PairKey(first, second) << kPairCountBits | child_count
  uint32_t first_child;      // the children are [first_child, first_child + child_count); 0 = empty slot
  float log_probability;
};
static_assert(sizeof(PairSlot) == 16);
inline constexpr uint32_t kPairCountBits = 22;  // code points take 21 bits each: 42 + 22 = 64
inline constexpr uint64_t PairKey(char32_t first, char32_t second) {
  return (uint64_t{static_cast<uint32_t>(first)} << 21) | static_cast<uint32_t>(second);
}

// Where a node's children start (they end where the next node's start), and its probability.
struct TrieLink {
  uint32_t first_child;
  float log_probability;
};
static_assert(sizeof(TrieLink) == 8);

// One node while building or validating (serialized as the arrays above). A node is a word when
// log_probability <= 0 (ln(freq / total)); prefixes that are not words hold kNotAWord.
struct TrieNode {
  uint32_t code_point;
  uint32_t first_child;
  uint32_t child_count;
  float log_probability;
};
static_assert(sizeof(TrieNode) == 16);

inline constexpr float kNotAWord = 1.0f;
inline constexpr uint32_t kBigramFilterLog2 = 21;  // 256 KiB: ~8% false positives on jieba's 178k pairs

inline uint32_t BigramHash(char32_t first, char32_t second, uint32_t log2_bits) {
  const uint64_t key = (uint64_t{static_cast<uint32_t>(first)} << 21) | static_cast<uint32_t>(second);
  return static_cast<uint32_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - log2_bits));
}

inline uint64_t BigramFilterBytes(uint32_t log2_bits) { return (uint64_t{1} << log2_bits) / 8; }
inline uint64_t PairTableBytes(uint32_t log2_slots) { return (uint64_t{1} << log2_slots) * sizeof(PairSlot); }
// The smallest table that keeps the pairs at most this full (linear probing stays within a line or two).
inline constexpr double kPairTableMaxLoad = 0.7;
inline constexpr size_t kBytesPerNode = sizeof(uint32_t) + sizeof(TrieLink);  // plus one sentinel link

inline uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// Compiles a jieba-format word list ("word [freq [tag]]" per line) into a blob.
// `default_frequency` is used for lines without a frequency.
absl::StatusOr<std::string> CompileDictionary(std::string_view text, uint64_t default_frequency);

// Checks a blob completely (header, size, version, checksum, trie structure). OK means the accessors
// cannot read out of bounds or loop.
absl::Status ValidateBlob(std::string_view blob);

}  // namespace wenshu::tokenize_internal

#endif  // WENSHU_SRC_TOKENIZE_DICTIONARY_FORMAT_H_
