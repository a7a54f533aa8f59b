// Compiling a jieba-format word list into the binary trie, and validating a blob. Used by the library
// (Dictionary::FromText, Dictionary::Load) and by the wenshu-dictc build tool, so it depends on nothing
// but Abseil.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <cctype>
#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "text/utf8.h"
#include "tokenize/dictionary_format.h"
#include "tokenize/hmm.h"

namespace wenshu::tokenize_internal {
namespace {

constexpr size_t kMaxWordBytes = 256;

// A node of the trie while compiling (breadth-first: the children of a node are contiguous, sorted by
// code point). A node is a word when log_probability <= 0 (ln(freq / total)); prefixes that are not
// words hold kNotAWord.
struct TrieNode {
  uint32_t code_point;
  uint32_t first_child;
  uint32_t child_count;
  float log_probability;
};
constexpr uint64_t kMaxFrequency = uint64_t{1} << 48;

// Decodes strict UTF-8 (text::DecodeUtf8At) into code points; false on any invalid or incomplete
// sequence.
bool DecodeUtf8(std::string_view s, std::u32string* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    const text::Decoded d = text::DecodeUtf8At(s, i);
    if (d.len <= 0) return false;
    out->push_back(d.cp);
    i += static_cast<size_t>(d.len);
  }
  return true;
}

bool ParseFrequency(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 15) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }


// Dense character ids: the characters of the words by how many trie nodes they label, most first
// (ties by code point), numbered from 1. Small ids for common characters keep the children of busy
// nodes close together, so the double array packs densely.
std::vector<char32_t> CharactersByUse(const std::vector<TrieNode>& nodes) {
  std::map<char32_t, uint32_t> uses;
  for (size_t i = 1; i < nodes.size(); ++i) ++uses[nodes[i].code_point];
  std::vector<std::pair<uint32_t, char32_t>> order;
  for (const auto& [cp, count] : uses) order.emplace_back(count, cp);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<char32_t> by_id(1, 0);
  for (const auto& entry : order) by_id.push_back(entry.second);
  return by_id;
}

// The slots of the double array that hold a node, as a bitset: finding a base for a node's children is
// a first-fit search over free slots, and a word of the bitset skips 64 full slots at once.
class SlotUse {
 public:
  void Use(uint64_t slot) {
    if (slot >= size()) bits_.resize(slot / 64 + 1, 0);
    bits_[slot / 64] |= uint64_t{1} << (slot % 64);
  }
  // Bit k set when slot from + k is free, for k in [0, 64).
  uint64_t FreeBits(uint64_t from) const {
    const uint64_t word = from / 64, shift = from % 64;
    const uint64_t low = word < bits_.size() ? bits_[word] : 0;
    const uint64_t high = word + 1 < bits_.size() ? bits_[word + 1] : 0;
    return ~(shift == 0 ? low : (low >> shift) | (high << (64 - shift)));
  }
  // The first slot at or after `from` in a group of 64 with at least `min_free` free slots.
  uint64_t NextSparse(uint64_t from, int min_free) const {
    uint64_t word = from / 64;
    while (word < bits_.size() && 64 - __builtin_popcountll(bits_[word]) < min_free) ++word;
    return std::max(from, word * 64);
  }
  // The first free slot at or after `from`.
  uint64_t NextFree(uint64_t from) const {
    for (uint64_t w = from / 64; w < bits_.size(); ++w) {
      uint64_t free = ~bits_[w];
      if (w == from / 64) free &= ~uint64_t{0} << (from % 64);
      if (free != 0) return w * 64 + static_cast<uint64_t>(__builtin_ctzll(free));
    }
    return std::max<uint64_t>(from, size());
  }

 private:
  uint64_t size() const { return bits_.size() * 64; }
  std::vector<uint64_t> bits_;
};

// Nodes with several children start their search for a base at the first group of 64 slots with at
// least this many free (jieba's dict.txt: wenshu-dictc 1.5 s -> 1.1 s against a search from the first
// free slot, the same 670,039 slots).
constexpr int kSparseGroupFree = 8;

// The double array of a breadth-first trie (children contiguous and sorted): each node's children
// placed at the first base where all their slots are free, the most used nodes first (see below).
absl::StatusOr<std::vector<TrieSlot>> BuildDoubleArray(const std::vector<TrieNode>& nodes,
                                                       const std::vector<uint16_t>& id_of_node) {
  std::vector<uint32_t> slot_of(nodes.size(), 0);
  std::vector<uint32_t> base_of(nodes.size(), 0);
  SlotUse use;
  use.Use(kRootSlot);
  uint64_t first_free = 1;    // every slot before it is used
  uint64_t first_sparse = 1;  // every group of 64 slots before it has fewer than kSparseGroupFree free
  uint64_t last_slot = 0;
  std::vector<uint32_t> ids;
  std::vector<uint32_t> order;
  for (uint32_t v = 0; v < nodes.size(); ++v) {
    if (nodes[v].child_count > 0) order.push_back(v);  // a leaf's base stays 0: base + id finds no child of it
  }
  // The nodes most often walked through first: by their subtree's share of the word frequencies (the
  // words that start with the node's prefix), which is also how often a text holds that prefix where a
  // word starts. A common node's children then sit near the front of the array. What the repair rules
  // ask of the table is few but scattered: over the national reports `wenshu parse` probes 1,091
  // distinct slots (bench/README.md, issue 17, ninth helper), which lay in 100 of the table's 64 KiB
  // windows when the nodes with the most children came first and lie in 83 now; a fault maps such a
  // window, so this is the table's resident share (measured 6.19 -> 5.36 MiB). The array packs less
  // densely: 713,366 slots for 498,114 nodes, 670,039 when the nodes with the most children (the
  // hardest to fit) came first.
  std::vector<double> mass(nodes.size(), 0.0);
  for (size_t v = nodes.size(); v-- > 0;) {  // children come after their parent (breadth-first)
    if (nodes[v].log_probability != kNotAWord) mass[v] += std::exp(double{nodes[v].log_probability});
    for (uint32_t k = 0; k < nodes[v].child_count; ++k) mass[v] += mass[nodes[v].first_child + k];
  }
  std::stable_sort(order.begin(), order.end(), [&mass](uint32_t a, uint32_t b) { return mass[a] > mass[b]; });
  for (const uint32_t v : order) {
    const TrieNode& node = nodes[v];
    ids.clear();
    for (uint32_t k = 0; k < node.child_count; ++k) ids.push_back(id_of_node[node.first_child + k]);
    std::sort(ids.begin(), ids.end());
    const uint32_t lowest = ids.front();
    first_free = use.NextFree(first_free);
    first_sparse = use.NextSparse(first_sparse, kSparseGroupFree);
    // First fit, 64 candidate bases at a time: a base fits when every child's slot is free.
    // A node with one child takes the first free slot; a node with more starts where the array is
    // not nearly full, where a fit is likely.
    const uint64_t from = ids.size() == 1 ? first_free : first_sparse;
    uint64_t base = std::max<uint64_t>(from, lowest) - lowest;
    for (;; base += 64) {
      uint64_t fits = ~uint64_t{0};
      for (size_t k = 0; k < ids.size() && fits != 0; ++k) fits &= use.FreeBits(base + ids[k]);
      if (fits != 0) {
        base += static_cast<uint64_t>(__builtin_ctzll(fits));
        break;
      }
    }
    if (base + kMaxCharCount >= kFreeSlot) return absl::ResourceExhaustedError("dictionary too large");
    base_of[v] = static_cast<uint32_t>(base);
    for (uint32_t k = 0; k < node.child_count; ++k) {
      const uint64_t t = base + id_of_node[node.first_child + k];
      use.Use(t);
      slot_of[node.first_child + k] = static_cast<uint32_t>(t);
      last_slot = std::max(last_slot, t);
    }
  }
  const uint32_t max_base = *std::max_element(base_of.begin(), base_of.end());
  const uint32_t char_count = *std::max_element(id_of_node.begin(), id_of_node.end());
  // Room after the last base for the largest id: base + id stays inside without a bounds check.
  const uint64_t slot_count = std::max<uint64_t>(last_slot + 1, uint64_t{max_base} + char_count + 1);
  std::vector<TrieSlot> slots(slot_count, TrieSlot{kFreeSlot, 0, kNotAWord});
  for (size_t v = 0; v < nodes.size(); ++v) {
    TrieSlot& slot = slots[slot_of[v]];
    slot.base = base_of[v];
    slot.log_probability = nodes[v].log_probability;
    for (uint32_t k = 0; k < nodes[v].child_count; ++k) slots[slot_of[nodes[v].first_child + k]].check = slot_of[v];
  }
  return slots;
}

}  // namespace

absl::Status ParseWordList(std::string_view text, uint64_t default_frequency,
                           const std::function<void(std::u32string&& word, uint64_t frequency)>& add) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::u32string decoded;
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t i = 0;
    while (i < line.size() && IsBlank(line[i])) ++i;
    if (i == line.size() || line[i] == '#') continue;
    std::string_view fields[3];
    int field_count = 0;
    while (i < line.size() && field_count < 3) {
      size_t j = i;
      while (j < line.size() && !IsBlank(line[j])) ++j;
      fields[field_count++] = line.substr(i, j - i);
      i = j;
      while (i < line.size() && IsBlank(line[i])) ++i;
    }
    std::string_view word = fields[0];
    if (word.size() > kMaxWordBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number, ": word longer than ", kMaxWordBytes, " bytes"));
    }
    if (!DecodeUtf8(word, &decoded)) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line_number, ": word is not valid UTF-8"));
    }
    for (char32_t c : decoded) {
      if (c < 0x20) {
        return absl::InvalidArgumentError(
            absl::StrCat("line ", line_number, ": word contains a control character"));
      }
    }
    uint64_t frequency = default_frequency;
    if (field_count >= 2 && !ParseFrequency(fields[1], &frequency)) {
      // Quote at most 32 bytes, cut at a character boundary.
      size_t shown = std::min<size_t>(fields[1].size(), 32);
      shown = text::AlignToCharStart(fields[1], shown);
      return absl::InvalidArgumentError(absl::StrCat(
          "line ", line_number, ": frequency '", std::string(fields[1].substr(0, shown)),
          "' is not a non-negative integer below 10^15"));
    }
    if (frequency > kMaxFrequency) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line_number, ": frequency too large"));
    }
    add(std::move(decoded), frequency);
    decoded.clear();
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> CompileDictionary(std::string_view text, uint64_t default_frequency) {
  struct Entry {
    std::u32string word;
    uint64_t frequency;
    size_t order;
  };
  std::vector<Entry> entries;
  absl::Status parsed = ParseWordList(text, default_frequency, [&](std::u32string&& word, uint64_t frequency) {
    entries.push_back({std::move(word), frequency, entries.size()});
  });
  if (!parsed.ok()) return parsed;
  // Later lines override earlier ones (as in jieba); frequency 0 removes the word.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.word != b.word ? a.word < b.word : a.order < b.order;
  });
  std::vector<std::pair<std::u32string, uint64_t>> words;
  uint64_t total = 0;
  for (size_t k = 0; k < entries.size(); ++k) {
    if (k + 1 < entries.size() && entries[k + 1].word == entries[k].word) continue;
    if (entries[k].frequency == 0) continue;
    total += entries[k].frequency;
    words.emplace_back(std::move(entries[k].word), entries[k].frequency);
  }
  if (words.empty()) return absl::InvalidArgumentError("the dictionary holds no word");
  const double log_total = std::log(static_cast<double>(total));

  // Breadth-first layout: the children of each node are contiguous and sorted.
  std::vector<TrieNode> nodes(1, TrieNode{0, 0, 0, kNotAWord});
  struct Work {
    uint32_t node;
    size_t lo, hi, depth;
  };
  std::deque<Work> queue{{0, 0, words.size(), 0}};
  uint32_t max_length = 0;
  while (!queue.empty()) {
    Work w = queue.front();
    queue.pop_front();
    size_t k = w.lo;
    if (words[k].first.size() == w.depth) {
      nodes[w.node].log_probability =
          static_cast<float>(std::log(static_cast<double>(words[k].second)) - log_total);
      max_length = std::max<uint32_t>(max_length, static_cast<uint32_t>(w.depth));
      ++k;
    }
    if (k == w.hi) continue;
    if (nodes.size() > 0xF0000000u) return absl::ResourceExhaustedError("dictionary too large");
    nodes[w.node].first_child = static_cast<uint32_t>(nodes.size());
    while (k < w.hi) {
      char32_t c = words[k].first[w.depth];
      size_t end = k;
      while (end < w.hi && words[end].first[w.depth] == c) ++end;
      uint32_t child = static_cast<uint32_t>(nodes.size());
      nodes.push_back(TrieNode{static_cast<uint32_t>(c), 0, 0, kNotAWord});
      ++nodes[w.node].child_count;
      queue.push_back({child, k, end, w.depth + 1});
      k = end;
    }
  }

  const std::vector<char32_t> code_point_of_id = CharactersByUse(nodes);
  if (code_point_of_id.size() - 1 > kMaxCharCount) {
    return absl::ResourceExhaustedError("dictionary: more distinct characters than ids");
  }
  const auto char_count = static_cast<uint32_t>(code_point_of_id.size() - 1);
  // The id table: block 0 is all zeros, then one block per 256 code points that hold a character.
  std::vector<uint16_t> char_blocks(kCharBlockCount, 0);
  std::vector<uint16_t> char_ids(kCharBlockSize, 0);
  for (uint32_t id = 1; id <= char_count; ++id) {
    const uint32_t cp = static_cast<uint32_t>(code_point_of_id[id]);
    uint16_t& block = char_blocks[cp >> kCharBlockBits];
    if (block == 0) {
      block = static_cast<uint16_t>(char_ids.size() >> kCharBlockBits);
      char_ids.resize(char_ids.size() + kCharBlockSize, 0);
    }
    char_ids[(uint32_t{block} << kCharBlockBits) | (cp & (kCharBlockSize - 1))] = static_cast<uint16_t>(id);
  }
  std::vector<uint16_t> id_of_node(nodes.size(), 0);
  for (size_t v = 1; v < nodes.size(); ++v) {
    const uint32_t cp = nodes[v].code_point;
    id_of_node[v] = char_ids[(uint32_t{char_blocks[cp >> kCharBlockBits]} << kCharBlockBits) |
                             (cp & (kCharBlockSize - 1))];
  }
  absl::StatusOr<std::vector<TrieSlot>> slots = BuildDoubleArray(nodes, id_of_node);
  if (!slots.ok()) return slots.status();
  std::vector<uint32_t> id_code_points(code_point_of_id.begin(), code_point_of_id.end());

  BlobHeader header;
  std::memset(&header, 0, sizeof(header));
  std::memcpy(header.magic, kBlobMagic, sizeof(kBlobMagic));
  header.format_version = kBlobFormatVersion;
  header.endian_marker = kEndianMarker;
  header.slot_count = static_cast<uint32_t>(slots->size());
  header.node_count = static_cast<uint32_t>(nodes.size());
  header.word_count = static_cast<uint32_t>(words.size());
  header.char_count = char_count;
  header.char_block_count = static_cast<uint32_t>(char_ids.size() >> kCharBlockBits);
  header.max_word_length = max_length;
  header.total_frequency = total;
  std::string payload;
  payload.append(reinterpret_cast<const char*>(char_blocks.data()), char_blocks.size() * sizeof(uint16_t));
  payload.append(reinterpret_cast<const char*>(char_ids.data()), char_ids.size() * sizeof(uint16_t));
  payload.append(reinterpret_cast<const char*>(id_code_points.data()), id_code_points.size() * sizeof(uint32_t));
  payload.append(reinterpret_cast<const char*>(slots->data()), slots->size() * sizeof(TrieSlot));
  header.payload_bytes = payload.size();
  header.checksum = Fnv1a64(payload);
  std::string blob(reinterpret_cast<const char*>(&header), sizeof(header));
  blob += payload;
  return blob;
}

absl::Status ValidateBlob(std::string_view blob) {
  if (blob.size() < sizeof(BlobHeader)) {
    return absl::InvalidArgumentError("not a wenshu dictionary: shorter than its header");
  }
  BlobHeader h;
  std::memcpy(&h, blob.data(), sizeof(h));
  if (std::memcmp(h.magic, kBlobMagic, sizeof(kBlobMagic)) != 0) {
    return absl::InvalidArgumentError("not a wenshu dictionary: bad magic number");
  }
  if (h.endian_marker != kEndianMarker) {
    return absl::InvalidArgumentError("dictionary was compiled for another byte order");
  }
  if (h.format_version != kBlobFormatVersion) {
    return absl::InvalidArgumentError(absl::StrCat("dictionary format version ", h.format_version,
                                                   " is not supported (expected ",
                                                   kBlobFormatVersion, ")"));
  }
  if (h.char_count == 0 || h.char_count > kMaxCharCount || h.char_block_count == 0 ||
      h.char_block_count > kCharBlockCount + 1) {
    return absl::InvalidArgumentError("dictionary character table size out of range");
  }
  const uint64_t expected = CharBlockTableBytes() + CharIdBytes(h.char_block_count) +
                            IdCodePointBytes(h.char_count) + uint64_t{h.slot_count} * sizeof(TrieSlot);
  if (h.payload_bytes != blob.size() - sizeof(BlobHeader) || h.payload_bytes != expected) {
    return absl::InvalidArgumentError(absl::StrCat("dictionary is truncated or padded: ", blob.size(),
                                                   " bytes, header says ",
                                                   expected + sizeof(BlobHeader)));
  }
  if (h.node_count == 0 || h.word_count == 0 || h.slot_count <= h.char_count) {
    return absl::InvalidArgumentError("dictionary holds no word");
  }
  std::string_view payload = blob.substr(sizeof(BlobHeader));
  if (Fnv1a64(payload) != h.checksum) {
    return absl::DataLossError("dictionary checksum mismatch: the file is corrupt");
  }
  // Copies (the blob need not be aligned).
  auto read = [&payload](uint64_t offset, auto* out, size_t count) {
    std::memcpy(out, payload.data() + offset, count * sizeof(*out));
    return offset + count * sizeof(*out);
  };
  std::vector<uint16_t> char_blocks(kCharBlockCount);
  std::vector<uint16_t> char_ids(size_t{h.char_block_count} << kCharBlockBits);
  std::vector<uint32_t> id_code_points(size_t{h.char_count} + 1);
  std::vector<TrieSlot> slots(h.slot_count);
  uint64_t offset = read(0, char_blocks.data(), char_blocks.size());
  offset = read(offset, char_ids.data(), char_ids.size());
  offset = read(offset, id_code_points.data(), id_code_points.size());
  read(offset, slots.data(), slots.size());

  // Characters: every id maps back to its code point, and no other code point has an id.
  const auto inconsistent_characters = absl::InvalidArgumentError("dictionary character table is inconsistent");
  uint64_t ids_in_table = 0;
  for (uint32_t block = 0; block < kCharBlockCount; ++block) {
    if (char_blocks[block] >= h.char_block_count) return inconsistent_characters;
    for (uint32_t low = 0; low < kCharBlockSize; ++low) {
      const uint32_t id = char_ids[(uint32_t{char_blocks[block]} << kCharBlockBits) | low];
      if (id == 0) continue;
      if (id > h.char_count || id_code_points[id] != ((block << kCharBlockBits) | low)) {
        return inconsistent_characters;
      }
      ++ids_in_table;
    }
  }
  if (ids_in_table != h.char_count) return inconsistent_characters;
  for (uint32_t low = 0; low < kCharBlockSize; ++low) {
    if (char_ids[low] != 0) return inconsistent_characters;  // block 0 stands for "no character"
  }

  // The double array: every base leaves room for every id, every node's parent is a node that reaches
  // it by an id, and every node is at most max_word_length steps below the root (no cycle).
  if (slots[kRootSlot].check != kFreeSlot || slots[kRootSlot].log_probability != kNotAWord) {
    return absl::InvalidArgumentError("dictionary root is wrong");
  }
  uint64_t nodes = 1, words = 0;
  for (uint64_t t = 0; t < slots.size(); ++t) {
    const TrieSlot& slot = slots[t];
    if (t != kRootSlot && slot.check == kFreeSlot) continue;
    if (uint64_t{slot.base} + h.char_count >= slots.size()) {
      return absl::InvalidArgumentError(absl::StrCat("dictionary slot ", t, ": base out of range"));
    }
    if (slot.log_probability != kNotAWord) {
      if (!(slot.log_probability <= 0.0f) || !std::isfinite(slot.log_probability)) {
        return absl::InvalidArgumentError(absl::StrCat("dictionary slot ", t, ": bad probability"));
      }
      ++words;
    }
    if (t == kRootSlot) continue;
    ++nodes;
    uint32_t depth = 0;
    for (uint64_t node = t; node != kRootSlot; node = slots[node].check) {
      const uint64_t parent = slots[node].check;
      if (parent >= slots.size() || (parent != kRootSlot && slots[parent].check == kFreeSlot) ||
          node <= slots[parent].base || node - slots[parent].base > h.char_count ||
          ++depth > h.max_word_length) {
        return absl::InvalidArgumentError(absl::StrCat("dictionary slot ", t, ": not below the root"));
      }
    }
  }
  if (nodes != h.node_count || words != h.word_count) {
    return absl::InvalidArgumentError("dictionary node or word count does not match its header");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> CompileHmmEmissions(std::string_view source) {
  // entries[code point][state]
  std::map<uint32_t, HmmEntry> entries;
  int state = -1;
  size_t i = 0;
  auto hex = [](std::string_view h, uint32_t* out) {
    uint32_t v = 0;
    for (char c : h) {
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
      else return false;
    }
    *out = v;
    return true;
  };
  while (i < source.size()) {
    if (source[i] != '\'') {
      ++i;
      continue;
    }
    size_t close = source.find('\'', i + 1);
    if (close == std::string_view::npos) break;
    std::string_view literal = source.substr(i + 1, close - i - 1);
    i = close + 1;
    size_t j = i;
    while (j < source.size() && (source[j] == ' ' || source[j] == ':')) ++j;
    if (literal.size() == 1 && j < source.size() && source[j] == '{') {
      const std::string_view states = "BEMS";
      size_t k = states.find(literal[0]);
      if (k == std::string_view::npos) return absl::InvalidArgumentError("unknown HMM state");
      state = static_cast<int>(k);
      continue;
    }
    uint32_t cp = 0;
    if (literal.size() == 6 && literal.substr(0, 2) == "\\u") {
      if (!hex(literal.substr(2), &cp)) return absl::InvalidArgumentError("bad \\u escape in HMM table");
    } else if (literal.size() == 10 && literal.substr(0, 2) == "\\U") {
      if (!hex(literal.substr(2), &cp)) return absl::InvalidArgumentError("bad \\U escape in HMM table");
    } else {
      std::u32string decoded;
      if (!DecodeUtf8(literal, &decoded) || decoded.size() != 1) continue;
      cp = decoded[0];
    }
    if (state < 0) return absl::InvalidArgumentError("HMM emission before any state");
    char number[64] = {};
    size_t len = 0;
    while (j < source.size() && len + 1 < sizeof(number) &&
           (std::isdigit(static_cast<unsigned char>(source[j])) || source[j] == '-' || source[j] == '+' ||
            source[j] == '.' || source[j] == 'e' || source[j] == 'E')) {
      number[len++] = source[j++];
    }
    char* end = nullptr;
    double v = std::strtod(number, &end);
    if (len == 0 || end != number + len) return absl::InvalidArgumentError("bad number in HMM table");
    auto [it, inserted] = entries.try_emplace(cp);
    if (inserted) {
      it->second.code_point = cp;
      for (float& e : it->second.emit) e = -3.14e38f;  // stands for jieba's MIN_FLOAT
    }
    it->second.emit[state] = static_cast<float>(v);
    i = j;
  }
  if (!source.empty() && entries.empty()) return absl::InvalidArgumentError("no HMM emission found");
  std::string payload;
  for (const auto& [cp, e] : entries) payload.append(reinterpret_cast<const char*>(&e), sizeof(e));
  HmmHeader h;
  std::memset(&h, 0, sizeof(h));
  std::memcpy(h.magic, kHmmMagic, sizeof(kHmmMagic));
  h.format_version = kHmmFormatVersion;
  h.entry_count = static_cast<uint32_t>(entries.size());
  h.checksum = Fnv1a64(payload);
  std::string blob(reinterpret_cast<const char*>(&h), sizeof(h));
  return blob + payload;
}

}  // namespace wenshu::tokenize_internal
