// Unknown-word recognition with jieba's character HMM (states B, E, M, S; MIT-licensed emission
// probabilities compiled at build time and embedded like the word table). Used, as in jieba, on runs of
// single characters that the dictionary path leaves behind: names and new words.
#ifndef WENSHU_SRC_TOKENIZE_HMM_H_
#define WENSHU_SRC_TOKENIZE_HMM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace wenshu::tokenize_internal {

inline constexpr char kHmmMagic[8] = {'W', 'S', 'H', 'M', 'M', '\x1a', '\0', '\0'};
inline constexpr uint32_t kHmmFormatVersion = 1;

struct HmmHeader {
  char magic[8];
  uint32_t format_version;
  uint32_t entry_count;
  uint64_t checksum;  // FNV-1a 64 of the entries
  uint64_t reserved;
};
static_assert(sizeof(HmmHeader) == 32);

// ln P(character | state) for the states B, E, M, S (in this order); sorted by code point.
struct HmmEntry {
  uint32_t code_point;
  float emit[4];
};
static_assert(sizeof(HmmEntry) == 20);

// Compiles jieba's finalseg/prob_emit.py (a Python dict literal of \uXXXX escapes) into a blob; an
// empty `source` gives a valid blob without entries (the HMM then never joins characters).
absl::StatusOr<std::string> CompileHmmEmissions(std::string_view source);

// Segments runs of CJK characters with the embedded model. One per tokenizer (holds scratch).
class HmmSegmenter {
 public:
  // Whether the embedded model has any entry.
  static bool Available();
  // Appends to *word_ends the end offset (exclusive, relative to cps) of every word of cps[0, n).
  void Segment(const char32_t* cps, size_t n, std::vector<uint32_t>* word_ends);

 private:
  std::vector<double> score_;   // 4 per position
  std::vector<uint8_t> back_;   // 4 per position
};

}  // namespace wenshu::tokenize_internal

#endif  // WENSHU_SRC_TOKENIZE_HMM_H_
