// The compiled spun-vocabulary model: the binary layout that wenshu-dictc --vocab writes at build time
// from src/repair/data/vocab_model.tsv and the library reads in place (no parsing at start-up).
//
//   VocabBlobHeader
//   VocabBlobPair  pairs[pair_count]
//   VocabBlobForm  forms[form_count]       sorted by name
//   VocabBlobEntry entries[entry_count]    every keyed count: a key and its values
//   double         values[value_count]
//   uint32_t       slots[slot_count]       open addressing over the entries: FNV-1a 64 of the key,
//                                          linear probing, entry index + 1 (0 = empty); a power of
//                                          two at least twice the entry count, so probes stay short
//   char           strings[strings_size]   names, tags, keys and the version row
//
// A key is a kind byte (VocabKeyKind) followed by its fields; keys that belong to a form name it
// followed by a tab. Integers and doubles are in host order; the endian marker rejects another order.
#ifndef WENSHU_SRC_REPAIR_VOCAB_MODEL_FORMAT_H_
#define WENSHU_SRC_REPAIR_VOCAB_MODEL_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace wenshu::repair_internal {

inline constexpr char kVocabBlobMagic[8] = {'W', 'S', 'V', 'O', 'C', 'A', 'B', '\x1a'};
// The version of the table (the third field of its "V" row) this code reads.
inline constexpr int kVocabTableVersion = 5;
// The layout above; bump it when it changes (the table's own version is checked separately).
inline constexpr uint32_t kVocabBlobLayoutVersion = 1;
inline constexpr uint32_t kVocabEndianMarker = 0x01020304u;
// Longest key the model may hold; lookups compose keys on the stack and treat longer ones as absent.
inline constexpr size_t kVocabMaxKeyBytes = 128;

enum class VocabKeyKind : char {
  kUnigram = 'U',       // U + character                     -> count in clean text
  kForm = 'F',          // F + form                          -> index into forms[]
  kContext = 'C',       // C + form \t + L1|L2|R1|R2 + chars -> corpus, dictionary frequency, dictionary words
  kTypes = 'T',         // T + form \t + L1|R1|L2 near|R2 near -> distinct contexts seen (Witten-Bell)
  kWindow = 'B',        // B + form \t + L|R + Han bigram    -> occurrences in the window beyond
  kWindowRate = 'R',    // R + L|R + Han bigram              -> pooled rate per form use
  kPlace = 'N',         // N + place name                    -> (present)
  kTagPlaceRate = 'P',  // P + part of speech                -> place rate left, right
};

struct VocabBlobString {
  uint32_t offset;  // into strings[]
  uint32_t size;
};

struct VocabBlobHeader {
  char magic[8];
  uint32_t layout_version;  // kVocabBlobLayoutVersion
  uint32_t table_version;   // VocabModel::kFormatVersion of the table it was compiled from
  uint32_t endian_marker;
  uint32_t pair_count;
  uint32_t form_count;
  uint32_t entry_count;
  uint32_t value_count;
  uint32_t slot_count;
  uint32_t strings_size;
  uint32_t place_count;
  uint64_t blob_bytes;
  VocabBlobString version;  // the table's "V" row after "V\t"
  double total_chars;
  double dictionary_weight;
  double place_rate;
};

struct VocabBlobPair {
  int32_t family;
  uint32_t spun_form, original_form;  // indexes into forms[]
  VocabBlobString spun, original;
};

struct VocabBlobForm {
  VocabBlobString name, tag;
  double corpus, dictionary;
  double dictionary_left_total, dictionary_right_total;
  double dictionary_left_words, dictionary_right_words;
  double place_left, place_right;
};

struct VocabBlobEntry {
  VocabBlobString key;
  uint32_t first_value;  // into values[]
  uint32_t value_count;
};

// Where each section starts (each on an 8-byte boundary), from the header's counts.
struct VocabBlobSections {
  size_t pairs, forms, entries, values, slots, strings, end;
};
inline VocabBlobSections SectionsOf(const VocabBlobHeader& h) {
  auto align = [](size_t n) { return (n + 7) & ~size_t{7}; };
  VocabBlobSections s;
  s.pairs = align(sizeof(VocabBlobHeader));
  s.forms = align(s.pairs + h.pair_count * sizeof(VocabBlobPair));
  s.entries = align(s.forms + h.form_count * sizeof(VocabBlobForm));
  s.values = align(s.entries + h.entry_count * sizeof(VocabBlobEntry));
  s.slots = align(s.values + h.value_count * sizeof(double));
  s.strings = align(s.slots + h.slot_count * sizeof(uint32_t));
  s.end = s.strings + h.strings_size;
  return s;
}

// Compiles a model table (tools/vocab/build_model.py's TSV) into a blob. Fails with a clear status on a
// wrong version, a malformed row, or a pair whose forms have no statistics.
absl::StatusOr<std::string> CompileVocabModel(std::string_view table);

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_VOCAB_MODEL_FORMAT_H_
