// The compiled spun-vocabulary model: the binary layout that wenshu-dictc --vocab writes at build time
// from src/repair/data/vocab_model.tsv and the library reads in place (no parsing at start-up).
//
//   VocabBlobHeader
//   VocabBlobPair   pairs[pair_count]
//   VocabBlobForm   forms[form_count]          sorted by name (bytewise), found by binary search
//   uint64_t        slots[slot_count]          every keyed count, key and value packed in one word
//                                              (VocabSlotKey << value_bits | value; 0 = empty), the keys
//                                              of each form in a region of their own; open addressing
//                                              inside the region from VocabSlotHome, linear probing
//   uint32_t        regions[form_count + 2]    region f (f = the key's form: 0 for the form-free keys,
//                                              else the form's index + 1) is slots[regions[f],
//                                              regions[f + 1]); regions[0] = 0, the last = slot_count
//   VocabBlobExtra  extras[extra_count]        a context's dictionary counts, when not both 0
//   uint16_t        char_ids[char_id_count]    code point -> its id in the model's alphabet (0 = not in it)
//   uint32_t        place_slots[place_slot_count]  open addressing over places: FNV-1a 64, linear
//                                              probing, index into places[] + 1 (0 = empty)
//   VocabBlobString places[place_count]
//   char            strings[strings_size]      names, places and the version row
//
// Why this shape: scoring one spot looks up a few dozen counts spread over the whole table, so over a
// corpus every page of it becomes resident (`wenshu parse`'s peak RSS). Keys made of dense ids (form,
// side, one or two characters of the model's alphabet) and packed with their value into 8 bytes keep
// the table to about a fifth of the string-keyed layout it replaces (10.9 -> 2.2 MB), with one probe
// usually in one cache line. One region per form: a spot's lookups stay in the regions of its two forms
// and of the form-free keys (the first wenshu_parse on 10 KB of a 2025 report: `Count` faulted 28 pages
// with one hash over the whole table, 23 with regions; over the national corpus the table stays wholly
// resident, 585 of its 762 forms occur there; bench/README.md). Integers and doubles are in host order;
// the endian marker rejects another.
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
inline constexpr uint32_t kVocabBlobLayoutVersion = 3;  // 3: a region of slots per form
inline constexpr uint32_t kVocabEndianMarker = 0x01020304u;
// The slot table's size over its entries: linear probing stays short (a miss probes ~3.5 slots on
// average at a load of 0.7, 8 bytes each, mostly within one cache line).
inline constexpr double kVocabSlotLoad = 0.7;

// Forms seen fewer times than this in clean text get no collocation-window evidence (VocabModel's
// WindowLogOdds compares the windows of a pair's two forms only when both reach it). The builder keeps
// the window counts of a form only when some pair of the model can read them: a form with this many
// uses paired with one that has as many too.
inline constexpr double kVocabWindowMinUses = 30;

// What a slot's key counts. Every key is VocabSlotKey(kind, form + 1 or 0, side, c1, c2).
enum class VocabKeyKind : uint8_t {
  kUnigram = 1,       // c1                                  -> count in clean text
  kContext = 2,       // form, side, near (L1/R1: c2 = 0) or the two characters in text order (L2/R2)
                      //                                     -> corpus count (absent when 0)
  kContextExtra = 3,  // as kContext                         -> index into extras[] (absent when both 0)
  kTypes = 4,         // form, side, 0 (L1/R1) or near (L2/R2) -> distinct contexts seen (Witten-Bell)
  kWindow = 5,        // form, side, Han bigram              -> occurrences in the window beyond
  kWindowUses = 6,    // side, Han bigram                    -> occurrences with any form (the pooled
                      //                                        rate is this / header window_uses)
};
inline constexpr int kVocabKindBits = 3;

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
  uint32_t slot_count;
  uint32_t extra_count;
  uint32_t char_id_count;  // max code point of the alphabet + 1
  uint32_t place_slot_count;
  uint32_t place_count;
  uint32_t strings_size;
  // Widths of a slot's fields: kind, form, side (1 bit), two characters; the value takes the rest.
  uint32_t form_bits, char_bits, value_bits;
  uint64_t blob_bytes;
  VocabBlobString version;  // the table's "V" row after "V\t"
  double total_chars;
  double dictionary_weight;
  double place_rate;
  double window_uses;  // clean-text uses of every form, the denominator of the pooled window rates
};

struct VocabBlobPair {
  int32_t family;
  uint32_t spun_form, original_form;  // indexes into forms[]
  VocabBlobString spun, original;
};

struct VocabBlobForm {
  VocabBlobString name;
  double corpus, dictionary;
  double dictionary_left_total, dictionary_right_total;
  double dictionary_left_words, dictionary_right_words;
  double place_left, place_right;
  // The place rates of the form's part of speech, pooled over its forms (when they have enough uses).
  uint32_t has_tag_place_rate, unused;
  double tag_place_left, tag_place_right;
};

struct VocabBlobExtra {
  uint32_t dictionary;  // dictionary frequency
  uint32_t words;       // dictionary words
};

// A slot's key: kind, then the form (its index + 1, 0 for none), the side (0 left, 1 right) and two
// character ids (0 for none), in the widths the header gives.
inline uint64_t VocabSlotKey(VocabKeyKind kind, uint32_t form, bool right, uint32_t c1, uint32_t c2,
                             uint32_t form_bits, uint32_t char_bits) {
  uint64_t key = static_cast<uint64_t>(kind);
  key = key << form_bits | form;
  key = key << 1 | (right ? 1u : 0u);
  key = key << char_bits | c1;
  key = key << char_bits | c2;
  return key;
}

// Where probing for `key` starts in its region: a multiplicative hash mapped onto [0, slot_count).
inline uint32_t VocabSlotHome(uint64_t key, uint32_t slot_count) {
  const uint64_t mixed = key * 0x9E3779B97F4A7C15ull;
  return static_cast<uint32_t>(((mixed >> 32) * slot_count) >> 32);
}

// The entries of the region table: one region per form, one for the form-free keys, and the end.
inline size_t VocabRegionCount(const VocabBlobHeader& h) { return size_t{h.form_count} + 2; }

// The form a key belongs to (its region): 0 for the form-free kinds, else the form's index + 1.
inline uint32_t VocabKeyForm(uint64_t key, uint32_t form_bits, uint32_t char_bits) {
  return static_cast<uint32_t>((key >> (1 + 2 * char_bits)) & ((uint64_t{1} << form_bits) - 1));
}

// Where each section starts (each on an 8-byte boundary), from the header's counts.
struct VocabBlobSections {
  size_t pairs, forms, slots, regions, extras, char_ids, place_slots, places, strings, end;
};
inline VocabBlobSections SectionsOf(const VocabBlobHeader& h) {
  auto align = [](size_t n) { return (n + 7) & ~size_t{7}; };
  VocabBlobSections s;
  s.pairs = align(sizeof(VocabBlobHeader));
  s.forms = align(s.pairs + size_t{h.pair_count} * sizeof(VocabBlobPair));
  s.slots = align(s.forms + size_t{h.form_count} * sizeof(VocabBlobForm));
  s.regions = align(s.slots + size_t{h.slot_count} * sizeof(uint64_t));
  s.extras = align(s.regions + VocabRegionCount(h) * sizeof(uint32_t));
  s.char_ids = align(s.extras + size_t{h.extra_count} * sizeof(VocabBlobExtra));
  s.place_slots = align(s.char_ids + size_t{h.char_id_count} * sizeof(uint16_t));
  s.places = align(s.place_slots + size_t{h.place_slot_count} * sizeof(uint32_t));
  s.strings = align(s.places + size_t{h.place_count} * sizeof(VocabBlobString));
  s.end = s.strings + h.strings_size;
  return s;
}

// The code point of `s` when it is exactly one well-formed UTF-8 character; -1 otherwise.
int32_t SoleCodePoint(std::string_view s);

// Compiles a model table (tools/vocab/build_model.py's TSV) into a blob. Fails with a clear status on a
// wrong version, a malformed row, a pair whose forms have no statistics, or a table too large for the
// layout's packed keys.
absl::StatusOr<std::string> CompileVocabModel(std::string_view table);

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_VOCAB_MODEL_FORMAT_H_
