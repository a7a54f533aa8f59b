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


// The pair table of a trie (breadth-first, children sorted, a leaf's first_child where the next node's
// children start): every grandchild of the root, inserted in node order, at the smallest power-of-two
// size that keeps it at most kPairTableMaxLoad full.
std::vector<PairSlot> BuildPairTable(const std::vector<TrieNode>& nodes, uint32_t* log2_slots) {
  const TrieNode& root = nodes[0];
  uint64_t count = 0;
  for (uint32_t a = root.first_child; a < uint64_t{root.first_child} + root.child_count; ++a) {
    count += nodes[a].child_count;
  }
  uint32_t log2 = 4;
  while (static_cast<double>(count) > kPairTableMaxLoad * static_cast<double>(uint64_t{1} << log2)) ++log2;
  *log2_slots = log2;
  std::vector<PairSlot> table(size_t{1} << log2, PairSlot{0, 0, 0.0f});
  const uint32_t mask = (uint32_t{1} << log2) - 1;
  for (uint32_t a = root.first_child; a < uint64_t{root.first_child} + root.child_count; ++a) {
    for (uint32_t b = nodes[a].first_child; b < uint64_t{nodes[a].first_child} + nodes[a].child_count; ++b) {
      uint32_t slot = BigramHash(nodes[a].code_point, nodes[b].code_point, log2);
      while (table[slot].first_child != 0) slot = (slot + 1) & mask;
      // Children follow their parent, so first_child > b >= 1: 0 is free to mark empty slots.
      table[slot] = {PairKey(nodes[a].code_point, nodes[b].code_point) << kPairCountBits | nodes[b].child_count,
                     nodes[b].first_child, nodes[b].log_probability};
    }
  }
  return table;
}

}  // namespace

absl::StatusOr<std::string> CompileDictionary(std::string_view text, uint64_t default_frequency) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  struct Entry {
    std::u32string word;
    uint64_t frequency;
    size_t order;
  };
  std::vector<Entry> entries;
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
    entries.push_back({decoded, frequency, entries.size()});
  }
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

  std::vector<RootEntry> root_table(kRootTableSize, RootEntry{0, kNotAWord});
  for (uint32_t i = 0; i < nodes[0].child_count; ++i) {
    uint32_t index = nodes[0].first_child + i;
    uint32_t cp = nodes[index].code_point;
    if (cp >= kRootTableFirstCp && cp < kRootTableFirstCp + kRootTableSize) {
      root_table[cp - kRootTableFirstCp] = {index, nodes[index].log_probability};
    }
  }

  BlobHeader header;
  std::memset(&header, 0, sizeof(header));
  std::memcpy(header.magic, kBlobMagic, sizeof(kBlobMagic));
  header.format_version = kBlobFormatVersion;
  header.endian_marker = kEndianMarker;
  header.node_count = static_cast<uint32_t>(nodes.size());
  header.word_count = static_cast<uint32_t>(words.size());
  header.root_table_first_cp = kRootTableFirstCp;
  header.root_table_size = kRootTableSize;
  header.max_word_length = max_length;
  header.bigram_filter_log2 = kBigramFilterLog2;
  header.total_frequency = total;
  std::string payload;
  payload.append(reinterpret_cast<const char*>(root_table.data()), root_table.size() * sizeof(RootEntry));
  std::vector<uint64_t> filter(BigramFilterBytes(kBigramFilterLog2) / sizeof(uint64_t), 0);
  const TrieNode& root = nodes[0];
  for (uint32_t a = root.first_child; a < root.first_child + root.child_count; ++a) {
    for (uint32_t b = nodes[a].first_child; b < nodes[a].first_child + nodes[a].child_count; ++b) {
      const uint32_t bit = BigramHash(nodes[a].code_point, nodes[b].code_point, kBigramFilterLog2);
      filter[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
  payload.append(reinterpret_cast<const char*>(filter.data()), filter.size() * sizeof(uint64_t));
  // A leaf's children "start" where the next node's do, so every count is a difference of neighbours.
  uint32_t next_first = static_cast<uint32_t>(nodes.size());
  for (size_t i = nodes.size(); i-- > 0;) {
    if (nodes[i].child_count == 0) {
      nodes[i].first_child = next_first;
    } else {
      next_first = nodes[i].first_child;
    }
    if (nodes[i].child_count >= (uint32_t{1} << kPairCountBits)) {
      return absl::InvalidArgumentError("dictionary: a prefix has too many continuations");
    }
  }
  const std::vector<PairSlot> pairs = BuildPairTable(nodes, &header.pair_table_log2);
  payload.append(reinterpret_cast<const char*>(pairs.data()), pairs.size() * sizeof(PairSlot));
  std::vector<uint32_t> code_points(nodes.size());
  std::vector<TrieLink> links(nodes.size() + 1);
  for (size_t i = 0; i < nodes.size(); ++i) {
    code_points[i] = nodes[i].code_point;
    links[i] = {nodes[i].first_child, nodes[i].log_probability};
  }
  payload.append(reinterpret_cast<const char*>(code_points.data()), nodes.size() * sizeof(uint32_t));
  links[nodes.size()] = {static_cast<uint32_t>(nodes.size()), kNotAWord};
  payload.append(reinterpret_cast<const char*>(links.data()), links.size() * sizeof(TrieLink));
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
  if (h.bigram_filter_log2 < 6 || h.bigram_filter_log2 > 26) {
    return absl::InvalidArgumentError("dictionary bigram filter size out of range");
  }
  if (h.pair_table_log2 < 4 || h.pair_table_log2 > 26) {
    return absl::InvalidArgumentError("dictionary pair table size out of range");
  }
  const uint64_t filter_bytes = BigramFilterBytes(h.bigram_filter_log2);
  const uint64_t pair_bytes = PairTableBytes(h.pair_table_log2);
  const uint64_t expected = uint64_t{h.root_table_size} * sizeof(RootEntry) + filter_bytes + pair_bytes +
                            uint64_t{h.node_count} * kBytesPerNode + sizeof(TrieLink);
  if (h.payload_bytes != blob.size() - sizeof(BlobHeader) || h.payload_bytes != expected) {
    return absl::InvalidArgumentError(absl::StrCat("dictionary is truncated or padded: ", blob.size(),
                                                   " bytes, header says ",
                                                   expected + sizeof(BlobHeader)));
  }
  if (h.node_count == 0 || h.word_count == 0) {
    return absl::InvalidArgumentError("dictionary holds no word");
  }
  if (h.root_table_first_cp > 0x10FFFF || h.root_table_size > 0x110000) {
    return absl::InvalidArgumentError("dictionary root table out of range");
  }
  std::string_view payload = blob.substr(sizeof(BlobHeader));
  if (Fnv1a64(payload) != h.checksum) {
    return absl::DataLossError("dictionary checksum mismatch: the file is corrupt");
  }
  std::vector<RootEntry> root_table(h.root_table_size);
  std::memcpy(root_table.data(), payload.data(), root_table.size() * sizeof(RootEntry));
  std::vector<TrieNode> nodes(h.node_count);
  const char* filter = payload.data() + root_table.size() * sizeof(RootEntry);
  const char* pair_table = filter + filter_bytes;
  const char* arrays = pair_table + pair_bytes;
  const size_t n = nodes.size();
  std::vector<TrieLink> links(n + 1);
  std::memcpy(links.data(), arrays + n * sizeof(uint32_t), links.size() * sizeof(TrieLink));
  if (links[n].first_child != n) return absl::InvalidArgumentError("dictionary sentinel link is wrong");
  for (size_t i = 0; i < n; ++i) {
    std::memcpy(&nodes[i].code_point, arrays + i * sizeof(uint32_t), sizeof(uint32_t));
    if (links[i].first_child > links[i + 1].first_child) {
      return absl::InvalidArgumentError(absl::StrCat("dictionary node ", i, ": links out of order"));
    }
    nodes[i].first_child = links[i].first_child;
    nodes[i].child_count = links[i + 1].first_child - links[i].first_child;
    nodes[i].log_probability = links[i].log_probability;
  }
  uint64_t words = 0;
  for (uint64_t i = 0; i < nodes.size(); ++i) {
    const TrieNode& n = nodes[i];
    if (n.log_probability != kNotAWord) {
      if (!(n.log_probability <= 0.0f) || !std::isfinite(n.log_probability) || i == 0) {
        return absl::InvalidArgumentError(absl::StrCat("dictionary node ", i, ": bad probability"));
      }
      ++words;
    }
    if (n.child_count == 0) continue;
    // Children after their parent: walking down always moves forward, so it cannot loop.
    if (n.first_child <= i || uint64_t{n.first_child} + n.child_count > nodes.size()) {
      return absl::InvalidArgumentError(absl::StrCat("dictionary node ", i, ": children out of range"));
    }
    for (uint32_t k = 1; k < n.child_count; ++k) {
      if (nodes[n.first_child + k - 1].code_point >= nodes[n.first_child + k].code_point) {
        return absl::InvalidArgumentError(absl::StrCat("dictionary node ", i, ": children not sorted"));
      }
    }
  }
  // The filter must not reject a pair that starts a word (false negatives would lose words).
  for (uint32_t a = nodes[0].first_child; a < uint64_t{nodes[0].first_child} + nodes[0].child_count; ++a) {
    for (uint32_t b = nodes[a].first_child; b < uint64_t{nodes[a].first_child} + nodes[a].child_count; ++b) {
      const uint32_t bit = BigramHash(nodes[a].code_point, nodes[b].code_point, h.bigram_filter_log2);
      uint64_t word;
      std::memcpy(&word, filter + (bit / 64) * sizeof(uint64_t), sizeof(word));
      if (((word >> (bit % 64)) & 1) == 0) {
        return absl::InvalidArgumentError("dictionary bigram filter is inconsistent");
      }
    }
  }
  // The pair table must be the one the nodes give (a wrong node would walk the trie astray).
  uint32_t pair_log2 = 0;
  const std::vector<PairSlot> pairs = BuildPairTable(nodes, &pair_log2);
  if (pair_log2 != h.pair_table_log2 ||
      std::memcmp(pairs.data(), pair_table, pairs.size() * sizeof(PairSlot)) != 0) {
    return absl::InvalidArgumentError("dictionary pair table is inconsistent");
  }
  if (words != h.word_count) {
    return absl::InvalidArgumentError("dictionary word count does not match its header");
  }
  const TrieNode& root = nodes[0];
  uint64_t root_children_in_table = 0;
  for (uint32_t k = 0; k < root.child_count; ++k) {
    uint64_t cp = nodes[root.first_child + k].code_point;
    if (cp >= h.root_table_first_cp && cp < uint64_t{h.root_table_first_cp} + h.root_table_size) {
      ++root_children_in_table;
    }
  }
  uint64_t table_entries = 0;
  for (uint32_t i = 0; i < root_table.size(); ++i) {
    const uint32_t index = root_table[i].node;
    if (index == 0) {
      if (root_table[i].log_probability != kNotAWord) {
        return absl::InvalidArgumentError("dictionary root table is inconsistent");
      }
      continue;
    }
    if (index < root.first_child || index >= uint64_t{root.first_child} + root.child_count ||
        nodes[index].code_point != h.root_table_first_cp + i ||
        std::memcmp(&root_table[i].log_probability, &nodes[index].log_probability, sizeof(float)) != 0) {
      return absl::InvalidArgumentError("dictionary root table is inconsistent");
    }
    ++table_entries;
  }
  if (table_entries != root_children_in_table) {
    return absl::InvalidArgumentError("dictionary root table is incomplete");
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
