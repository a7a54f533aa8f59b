// The binary layout of a compiled dictionary, shared by the library and the wenshu-dictc build tool.
//
//   BlobHeader (128 bytes)
//   uint16_t char_block[kCharBlockCount]         for a code point cp, the block of char_id that holds
//                                                its id (cp >> kCharBlockBits); block 0 is all zeros
//   uint16_t char_id[char_block_count << kCharBlockBits]   the dense id (1..char_count) of each
//                                                character that occurs in a word, 0 for the others;
//                                                the most frequent characters get the smallest ids
//   uint32_t id_code_point[char_count + 1]       the character of each id (entry 0 unused): to list
//                                                the words back (Dictionary::Extend)
//   TrieSlot slot[slot_count]                    the trie as a double array: slot 0 is the root; the
//                                                child of node s for character id c is the slot
//                                                t = slot[s].base + c when slot[t].check == s
//
// One probe per character, and the probe's one slot holds the check, the child's own base and its
// probability: the walk down a word touches one cache line per character (the layout before, a
// binary search among sorted children then a load of the child's link, took several dependent
// loads). slot_count leaves room after the last base for the largest id, so base + id never needs a
// bounds check.
//
// All integers are little-endian host order; the endian marker rejects blobs from another byte order.
// The payload (everything after the header) is covered by an FNV-1a 64 checksum.
#ifndef WENSHU_SRC_TOKENIZE_DICTIONARY_FORMAT_H_
#define WENSHU_SRC_TOKENIZE_DICTIONARY_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace wenshu::tokenize_internal {

inline constexpr char kBlobMagic[8] = {'W', 'S', 'D', 'I', 'C', 'T', '\x1a', '\0'};
// 2: the pair table; 3: pair slots hold the children; 4: root table entries hold the probability;
// 5: a double array over dense character ids
inline constexpr uint32_t kBlobFormatVersion = 5;
inline constexpr uint32_t kEndianMarker = 0x01020304u;

// Character ids are looked up in blocks of 256 code points: jieba's 12,045 characters fill 84 blocks
// (+ block 0: 43 KiB), where one flat table up to U+9FFF would take 80 KiB.
inline constexpr uint32_t kCharBlockBits = 8;
inline constexpr uint32_t kCharBlockSize = uint32_t{1} << kCharBlockBits;
inline constexpr uint32_t kCharBlockCount = 0x110000 >> kCharBlockBits;
inline constexpr uint32_t kMaxCharCount = 0xFFFF;  // ids are uint16_t

struct BlobHeader {
  char magic[8];
  uint32_t format_version;
  uint32_t endian_marker;
  uint32_t slot_count;        // the double array's length: nodes, free slots, room for base + id
  uint32_t node_count;        // slots in use, the root's included
  uint32_t word_count;
  uint32_t char_count;        // distinct characters of the words: ids 1..char_count
  uint32_t char_block_count;  // blocks of char_id, block 0 (all zeros) included
  uint32_t max_word_length;   // in code points
  uint64_t total_frequency;
  uint64_t payload_bytes;
  uint64_t checksum;  // FNV-1a 64 of the payload
  uint32_t reserved[16];
};
static_assert(sizeof(BlobHeader) == 128);

// One node of the double array (12 bytes: a probe reads one cache line, two lines for 2 slots in 16).
struct TrieSlot {
  uint32_t check;          // the parent node's slot; kFreeSlot for a slot no node holds (and the root)
  uint32_t base;           // this node's children for character id c are at base + c
  float log_probability;   // ln(freq / total) when the node is a word, else kNotAWord
};
static_assert(sizeof(TrieSlot) == 12);
inline constexpr uint32_t kFreeSlot = 0xFFFFFFFFu;
inline constexpr uint32_t kRootSlot = 0;

inline constexpr float kNotAWord = 1.0f;

inline uint64_t CharBlockTableBytes() { return uint64_t{kCharBlockCount} * sizeof(uint16_t); }
inline uint64_t CharIdBytes(uint32_t block_count) {
  return (uint64_t{block_count} << kCharBlockBits) * sizeof(uint16_t);
}
inline uint64_t IdCodePointBytes(uint32_t char_count) { return (uint64_t{char_count} + 1) * sizeof(uint32_t); }

inline uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// Reads a jieba-format word list ("word [freq [tag]]" per line; blank and '#' lines skipped), calling
// add(word, frequency) for each word line in order. InvalidArgument naming the line (1-based within
// `text`) for a word that is too long, not UTF-8 or holds a control character, or a bad frequency.
absl::Status ParseWordList(std::string_view text, uint64_t default_frequency,
                           const std::function<void(std::u32string&& word, uint64_t frequency)>& add);

// Compiles a jieba-format word list ("word [freq [tag]]" per line) into a blob.
// `default_frequency` is used for lines without a frequency.
absl::StatusOr<std::string> CompileDictionary(std::string_view text, uint64_t default_frequency);

// Checks a blob completely (header, size, version, checksum, trie structure). OK means the accessors
// cannot read out of bounds or loop.
absl::Status ValidateBlob(std::string_view blob);

}  // namespace wenshu::tokenize_internal

#endif  // WENSHU_SRC_TOKENIZE_DICTIONARY_FORMAT_H_
