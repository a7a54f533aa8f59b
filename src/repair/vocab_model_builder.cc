// Compiling the spun-vocabulary model table into the blob the library reads in place. Runs at build
// time (wenshu-dictc --vocab) on the committed table, and at run time only for VocabModel::Parse (tests
// and tools/vocab evaluating another table). Everything derived from the counts (Witten-Bell types,
// pooled window and place rates) is computed here, once.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "repair/vocab_model_format.h"
#include "text/utf8.h"
#include "tokenize/dictionary_format.h"

namespace wenshu::repair_internal {
namespace {

std::string Unescape(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out.push_back(n == 'n' ? '\n' : n == 't' ? '\t' : n);
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

absl::Status RowError(size_t line, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("vocabulary model line ", line, ": ", why));
}

// Parts of speech pool their forms' place rates only over this many clean-text uses.
constexpr double kMinTagUses = 100;

struct PairRow {
  int family = 0;
  std::string spun, original;
};

// Ordered containers throughout, so that the blob is the same for the same table.
struct FormRow {
  double corpus = 0, dictionary = 0;
  double dictionary_left_total = 0, dictionary_right_total = 0;
  double dictionary_left_words = 0, dictionary_right_words = 0;
  std::map<std::string, std::array<double, 3>> contexts;  // "L1"+c … -> corpus, dictionary, words
  std::string tag;
  double place_left = 0, place_right = 0;
  std::map<std::string, double> window;  // "L"/"R" + Han bigram
};

struct Table {
  std::string version;
  std::vector<PairRow> pairs;
  std::map<std::string, FormRow> forms;
  std::map<std::string, double> unigrams;
  std::set<std::string> places;
  double total_chars = 0, dictionary_weight = 0, place_rate = 0;
};

absl::StatusOr<Table> ParseTable(std::string_view text) {
  Table model;
  size_t line_number = 0;
  bool saw_version = false;
  for (absl::string_view line : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> f = absl::StrSplit(line, '\t');
    auto number = [&](size_t index, double* out) {
      return index < f.size() && absl::SimpleAtod(f[index], out);
    };
    auto form_of = [&](absl::string_view name) -> FormRow* {
      auto it = model.forms.find(std::string(name));
      return it == model.forms.end() ? nullptr : &it->second;
    };
    const absl::string_view kind = f[0];
    if (!saw_version) {
      if (kind != "V" || f.size() < 4 || f[1] != "wenshu-vocab-model") {
        return RowError(line_number, "the table must start with a 'V\twenshu-vocab-model' row");
      }
      int version = 0;
      if (!absl::SimpleAtoi(f[2], &version) || version != kVocabTableVersion) {
        return RowError(line_number, absl::StrCat("format version ", f[2], " is not the supported ",
                                                  kVocabTableVersion));
      }
      model.version = std::string(line.substr(2));
      saw_version = true;
      continue;
    }
    if (kind == "U") {
      double n = 0;
      if (f.size() != 3 || !number(2, &n)) return RowError(line_number, "bad unigram row");
      model.unigrams[Unescape(f[1])] = n;
    } else if (kind == "T") {
      if (f.size() != 3 || !number(2, &model.total_chars) || model.total_chars <= 0) {
        return RowError(line_number, "bad total row");
      }
    } else if (kind == "W") {
      if (f.size() != 3 || f[1] != "dict_weight" || !number(2, &model.dictionary_weight) ||
          model.dictionary_weight < 0) {
        return RowError(line_number, "bad weight row");
      }
    } else if (kind == "P") {
      PairRow pair;
      if (f.size() != 4 || !absl::SimpleAtoi(f[1], &pair.family) || f[2].empty() || f[3].empty() ||
          f[2] == f[3]) {
        return RowError(line_number, "bad pair row");
      }
      pair.spun = std::string(f[2]);
      pair.original = std::string(f[3]);
      model.pairs.push_back(std::move(pair));
    } else if (kind == "F") {
      FormRow& form = model.forms[std::string(f[1])];
      if (f.size() != 8 || f[1].empty() || !number(2, &form.corpus) || !number(3, &form.dictionary) ||
          !number(4, &form.dictionary_left_total) || !number(5, &form.dictionary_right_total) ||
          !number(6, &form.dictionary_left_words) || !number(7, &form.dictionary_right_words)) {
        return RowError(line_number, "bad form row");
      }
    } else if (kind == "G") {
      if (f.size() != 3 || f[1] != "place_rate" || !number(2, &model.place_rate) || model.place_rate < 0 ||
          model.place_rate >= 1) {
        return RowError(line_number, "bad place-rate row");
      }
    } else if (kind == "K") {
      FormRow* form = f.size() == 3 ? form_of(f[1]) : nullptr;
      if (form == nullptr) return RowError(line_number, "bad tag row");
      form->tag = std::string(f[2]);
    } else if (kind == "A") {
      FormRow* form = f.size() == 4 ? form_of(f[1]) : nullptr;
      double n = 0;
      if (form == nullptr || (f[2] != "L" && f[2] != "R") || !number(3, &n)) {
        return RowError(line_number, "bad place-count row");
      }
      (f[2] == "L" ? form->place_left : form->place_right) = n;
    } else if (kind == "B") {
      FormRow* form = f.size() == 5 ? form_of(f[1]) : nullptr;
      double n = 0;
      if (form == nullptr || (f[2] != "L" && f[2] != "R") || f[3].empty() || !number(4, &n)) {
        return RowError(line_number, "bad window row");
      }
      form->window[absl::StrCat(f[2], f[3])] = n;
    } else if (kind == "N") {
      if (f.size() != 2 || f[1].empty()) return RowError(line_number, "bad place row");
      model.places.insert(std::string(f[1]));
    } else if (kind == "C") {
      if (f.size() != 7) return RowError(line_number, "bad context row");
      FormRow* form = form_of(f[1]);
      if (form == nullptr) return RowError(line_number, "context row before its form row");
      if (f[2] != "L1" && f[2] != "L2" && f[2] != "R1" && f[2] != "R2") {
        return RowError(line_number, "bad context side");
      }
      std::array<double, 3> count{};
      if (!number(4, &count[0]) || !number(5, &count[1]) || !number(6, &count[2])) {
        return RowError(line_number, "bad context counts");
      }
      form->contexts[absl::StrCat(f[2], Unescape(f[3]))] = count;
    } else {
      return RowError(line_number, absl::StrCat("unknown row kind '", kind, "'"));
    }
  }
  if (!saw_version) return absl::InvalidArgumentError("vocabulary model is empty");
  if (model.total_chars <= 0) return absl::InvalidArgumentError("vocabulary model has no total row");
  for (const PairRow& pair : model.pairs) {
    if (!model.forms.contains(pair.spun) || !model.forms.contains(pair.original)) {
      return absl::InvalidArgumentError(absl::StrCat("vocabulary model has no statistics for the pair ",
                                                     pair.spun, "→", pair.original));
    }
  }
  return model;
}

// The number of bits that hold every value in [0, n].
uint32_t BitsFor(uint64_t n) {
  uint32_t bits = 0;
  while (n >> bits != 0) ++bits;
  return bits;
}

template <typename T>
void Put(std::string& blob, size_t at, const T& value) {
  std::memcpy(blob.data() + at, &value, sizeof(T));
}

template <typename T>
void PutArray(std::string& blob, size_t at, const std::vector<T>& values) {
  if (!values.empty()) std::memcpy(blob.data() + at, values.data(), values.size() * sizeof(T));
}

// The model's keyed counts with their keys made of dense ids (vocab_model_format.h), before layout.
class SlotEntries {
 public:
  explicit SlotEntries(const Table& model) {
    // The alphabet: every character a unigram, context or window key holds, in code point order.
    std::set<int32_t> alphabet;
    for (const auto& [c, n] : model.unigrams) alphabet.insert(SoleCodePoint(c));
    for (const auto& [name, form] : model.forms) {
      for (const auto& [key, count] : form.contexts) AddChars(std::string_view(key).substr(2), &alphabet);
      for (const auto& [key, n] : form.window) AddChars(std::string_view(key).substr(1), &alphabet);
    }
    alphabet.erase(-1);
    for (int32_t c : alphabet) char_ids_[c] = static_cast<uint32_t>(char_ids_.size() + 1);
    form_bits_ = BitsFor(model.forms.size());
    char_bits_ = BitsFor(char_ids_.size());
  }

  uint32_t form_bits() const { return form_bits_; }
  uint32_t char_bits() const { return char_bits_; }
  const std::map<int32_t, uint32_t>& char_ids() const { return char_ids_; }
  const std::vector<std::pair<uint64_t, uint64_t>>& entries() const { return entries_; }

  // The ids of the characters of `chars`, which must be `count` of them; fails otherwise.
  absl::Status Ids(std::string_view chars, size_t count, uint32_t* c1, uint32_t* c2) const {
    uint32_t ids[2] = {0, 0};
    size_t n = 0;
    bool well_formed = true;
    for (size_t i = 0, len = 0; i < chars.size(); i += len, ++n) {
      len = text::AnnouncedCharLength(chars.substr(i));
      const int32_t c = SoleCodePoint(chars.substr(i, len));
      if (n >= count || c < 0) {
        well_formed = false;
        break;
      }
      ids[n] = char_ids_.at(c);
    }
    if (!well_formed || n != count) {
      return absl::InvalidArgumentError(absl::StrCat("vocabulary model key '",
                                                     absl::string_view(chars.data(), chars.size()), "' is not ",
                                                     count, " character(s)"));
    }
    *c1 = ids[0];
    *c2 = ids[1];
    return absl::OkStatus();
  }

  void Add(VocabKeyKind kind, uint32_t form, bool right, uint32_t c1, uint32_t c2, uint64_t value) {
    entries_.emplace_back(VocabSlotKey(kind, form, right, c1, c2, form_bits_, char_bits_), value);
  }

 private:
  static void AddChars(std::string_view chars, std::set<int32_t>* alphabet) {
    for (size_t i = 0, len = 0; i < chars.size(); i += len) {
      len = text::AnnouncedCharLength(chars.substr(i));
      alphabet->insert(SoleCodePoint(chars.substr(i, len)));
    }
  }

  std::map<int32_t, uint32_t> char_ids_;
  uint32_t form_bits_ = 0, char_bits_ = 0;
  std::vector<std::pair<uint64_t, uint64_t>> entries_;  // key, value
};

// A count as a slot value: the table holds whole numbers only (counts of text and of dictionary words).
absl::Status AsCount(double n, uint64_t* out) {
  if (!(n >= 0) || n != static_cast<double>(static_cast<uint64_t>(n))) {
    return absl::InvalidArgumentError(absl::StrCat("vocabulary model count ", n, " is not a whole number"));
  }
  *out = static_cast<uint64_t>(n);
  return absl::OkStatus();
}

}  // namespace

int32_t SoleCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  const text::Decoded d = text::DecodeUtf8At(s, 0);
  return d.len > 0 && static_cast<size_t>(d.len) == s.size() ? static_cast<int32_t>(d.cp) : -1;
}

absl::StatusOr<std::string> CompileVocabModel(std::string_view text) {
  absl::StatusOr<Table> parsed = ParseTable(text);
  if (!parsed.ok()) return parsed.status();
  const Table& model = *parsed;
  SlotEntries slots(model);

  std::string strings;
  auto add_string = [&](std::string_view s) {
    VocabBlobString out{static_cast<uint32_t>(strings.size()), static_cast<uint32_t>(s.size())};
    strings.append(s);
    return out;
  };

  VocabBlobHeader header{};
  std::memcpy(header.magic, kVocabBlobMagic, sizeof(header.magic));
  header.layout_version = kVocabBlobLayoutVersion;
  header.table_version = kVocabTableVersion;
  header.endian_marker = kVocabEndianMarker;
  header.pair_count = static_cast<uint32_t>(model.pairs.size());
  header.form_count = static_cast<uint32_t>(model.forms.size());
  header.place_count = static_cast<uint32_t>(model.places.size());
  header.version = add_string(model.version);
  header.total_chars = model.total_chars;
  header.dictionary_weight = model.dictionary_weight;
  header.place_rate = model.place_rate;
  header.form_bits = slots.form_bits();
  header.char_bits = slots.char_bits();
  const uint32_t key_bits = kVocabKindBits + header.form_bits + 1 + 2 * header.char_bits;
  if (key_bits > 48) {
    return absl::InvalidArgumentError(absl::StrCat("vocabulary model has too many forms (", model.forms.size(),
                                                   ") or characters (", slots.char_ids().size(),
                                                   ") for 64-bit slots"));
  }
  header.value_bits = 64 - key_bits;

  // Place rates per part of speech, pooled over the forms that have it; window counts pooled over forms.
  std::map<std::string, std::array<double, 3>> pooled;  // tag -> left, right, uses
  std::map<std::string, double> window_uses;            // "L"/"R" + Han bigram -> occurrences
  double uses = 0;
  for (const auto& [name, form] : model.forms) {
    auto& p = pooled[form.tag];
    p[0] += form.place_left;
    p[1] += form.place_right;
    p[2] += form.corpus;
    uses += form.corpus;
    for (const auto& [key, n] : form.window) window_uses[key] += n;
  }
  header.window_uses = std::max(1.0, uses);

  // The forms whose window counts some pair can read (kVocabWindowMinUses); the pooled window uses above
  // count every form's.
  std::set<std::string> window_read;
  for (const PairRow& pair : model.pairs) {
    if (model.forms.at(pair.spun).corpus >= kVocabWindowMinUses &&
        model.forms.at(pair.original).corpus >= kVocabWindowMinUses) {
      window_read.insert(pair.spun);
      window_read.insert(pair.original);
    }
  }

  std::vector<VocabBlobForm> forms;
  std::map<std::string, uint32_t> form_index;
  std::vector<VocabBlobExtra> extras;
  for (const auto& [name, row] : model.forms) {
    const uint32_t id = static_cast<uint32_t>(forms.size() + 1);  // 0 is "no form" in a key
    form_index[name] = id - 1;
    VocabBlobForm& form = forms.emplace_back();
    form.name = add_string(name);
    form.corpus = row.corpus;
    form.dictionary = row.dictionary;
    form.dictionary_left_total = row.dictionary_left_total;
    form.dictionary_right_total = row.dictionary_right_total;
    form.dictionary_left_words = row.dictionary_left_words;
    form.dictionary_right_words = row.dictionary_right_words;
    form.place_left = row.place_left;
    form.place_right = row.place_right;
    if (const auto& p = pooled.at(row.tag); p[2] >= kMinTagUses) {
      form.has_tag_place_rate = 1;
      form.tag_place_left = p[0] / p[2];
      form.tag_place_right = p[1] / p[2];
    }
    // Witten-Bell backoff weights: how many different contexts were seen in the corpus, for the near
    // character (L1, R1) and for the far character after a given near one (L2 + near, R2 + near).
    std::map<std::pair<bool, uint32_t>, uint64_t> types;  // right, near id (0 for L1/R1)
    for (const auto& [key, count] : row.contexts) {
      const std::string_view side = std::string_view(key).substr(0, 2);
      const bool right = side[0] == 'R', far = side[1] == '2';
      uint32_t c1 = 0, c2 = 0;
      if (absl::Status ok = slots.Ids(std::string_view(key).substr(2), far ? 2 : 1, &c1, &c2); !ok.ok()) return ok;
      uint64_t corpus = 0, dictionary = 0, words = 0;
      for (auto [n, out] : {std::pair{count[0], &corpus}, {count[1], &dictionary}, {count[2], &words}}) {
        if (absl::Status ok = AsCount(n, out); !ok.ok()) return ok;
      }
      if (corpus > 0) slots.Add(VocabKeyKind::kContext, id, right, c1, c2, corpus);
      if (dictionary > 0 || words > 0) {
        if (dictionary > UINT32_MAX || words > UINT32_MAX) {
          return absl::InvalidArgumentError(absl::StrCat("vocabulary model context count too large: ", key));
        }
        slots.Add(VocabKeyKind::kContextExtra, id, right, c1, c2, extras.size());
        extras.push_back({static_cast<uint32_t>(dictionary), static_cast<uint32_t>(words)});
      }
      if (corpus == 0) continue;
      // Keys are in text order: the near character is the second of an L2 key, the first of an R2 key.
      ++types[{right, far ? (right ? c1 : c2) : 0}];
    }
    for (const auto& [side, n] : types) slots.Add(VocabKeyKind::kTypes, id, side.first, side.second, 0, n);
    for (const auto& [key, n] : row.window) {
      uint32_t c1 = 0, c2 = 0;
      if (absl::Status ok = slots.Ids(std::string_view(key).substr(1), 2, &c1, &c2); !ok.ok()) return ok;
      uint64_t count = 0;
      if (absl::Status ok = AsCount(n, &count); !ok.ok()) return ok;
      if (window_read.contains(name)) slots.Add(VocabKeyKind::kWindow, id, key[0] == 'R', c1, c2, count);
    }
  }
  for (const auto& [key, n] : window_uses) {
    uint32_t c1 = 0, c2 = 0;
    if (absl::Status ok = slots.Ids(std::string_view(key).substr(1), 2, &c1, &c2); !ok.ok()) return ok;
    uint64_t count = 0;
    if (absl::Status ok = AsCount(n, &count); !ok.ok()) return ok;
    // Present even when 0: a bigram seen with some form is evidence, one never seen says nothing.
    slots.Add(VocabKeyKind::kWindowUses, 0, key[0] == 'R', c1, c2, count);
  }
  for (const auto& [c, n] : model.unigrams) {
    uint32_t c1 = 0, c2 = 0;
    if (absl::Status ok = slots.Ids(c, 1, &c1, &c2); !ok.ok()) return ok;
    uint64_t count = 0;
    if (absl::Status ok = AsCount(n, &count); !ok.ok()) return ok;
    slots.Add(VocabKeyKind::kUnigram, 0, false, c1, 0, count);
  }

  // The slot table: a region per form, each sized for its own keys at kVocabSlotLoad.
  const std::vector<std::pair<uint64_t, uint64_t>>& entries = slots.entries();
  std::vector<uint32_t> regions(VocabRegionCount(header), 0);
  for (const auto& entry : entries) ++regions[VocabKeyForm(entry.first, header.form_bits, header.char_bits) + 1];
  for (size_t f = 1; f < regions.size(); ++f) {
    // Each region keeps at least one empty slot, so a probe for an absent key ends.
    const uint64_t size = static_cast<uint64_t>(static_cast<double>(regions[f]) / kVocabSlotLoad) + 1;
    if (regions[f - 1] + size > UINT32_MAX) return absl::InvalidArgumentError("vocabulary model too large");
    regions[f] = static_cast<uint32_t>(regions[f - 1] + size);
  }
  const uint32_t slot_count = regions.back();
  std::vector<uint64_t> table(slot_count, 0);
  for (const auto& [key, value] : entries) {
    if (value >> header.value_bits != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("vocabulary model count ", value, " does not fit in ", header.value_bits, " bits"));
    }
    const uint32_t form = VocabKeyForm(key, header.form_bits, header.char_bits);
    const uint32_t begin = regions[form], size = regions[form + 1] - begin;
    uint32_t probe = VocabSlotHome(key, size);
    while (table[begin + probe] != 0) {
      if (table[begin + probe] >> header.value_bits == key) {
        return absl::InvalidArgumentError("vocabulary model has a key twice");
      }
      probe = probe + 1 == size ? 0 : probe + 1;
    }
    table[begin + probe] = key << header.value_bits | value;
  }
  header.slot_count = slot_count;
  header.extra_count = static_cast<uint32_t>(extras.size());

  std::vector<uint16_t> char_ids;
  if (!slots.char_ids().empty()) {
    if (slots.char_ids().size() > UINT16_MAX) return absl::InvalidArgumentError("vocabulary model alphabet too large");
    char_ids.assign(static_cast<size_t>(slots.char_ids().rbegin()->first) + 1, 0);
    for (const auto& [c, id] : slots.char_ids()) char_ids[static_cast<size_t>(c)] = static_cast<uint16_t>(id);
  }
  header.char_id_count = static_cast<uint32_t>(char_ids.size());

  // Places: their own small table over the names.
  std::vector<VocabBlobString> places;
  uint32_t place_slots = 16;
  while (place_slots < 2 * model.places.size()) place_slots *= 2;
  std::vector<uint32_t> place_table(place_slots, 0);
  for (const std::string& place : model.places) {
    uint32_t slot = static_cast<uint32_t>(tokenize_internal::Fnv1a64(place)) & (place_slots - 1);
    while (place_table[slot] != 0) slot = (slot + 1) & (place_slots - 1);
    places.push_back(add_string(place));
    place_table[slot] = static_cast<uint32_t>(places.size());
  }
  header.place_slot_count = place_slots;

  std::vector<VocabBlobPair> pairs;
  for (const PairRow& row : model.pairs) {
    const uint32_t spun = form_index.at(row.spun), original = form_index.at(row.original);
    pairs.push_back({row.family, spun, original, forms[spun].name, forms[original].name});
  }
  header.strings_size = static_cast<uint32_t>(strings.size());
  const VocabBlobSections at = SectionsOf(header);
  header.blob_bytes = at.end;

  std::string blob(at.end, '\0');
  Put(blob, 0, header);
  PutArray(blob, at.pairs, pairs);
  PutArray(blob, at.forms, forms);
  PutArray(blob, at.slots, table);
  PutArray(blob, at.regions, regions);
  PutArray(blob, at.extras, extras);
  PutArray(blob, at.char_ids, char_ids);
  PutArray(blob, at.place_slots, place_table);
  PutArray(blob, at.places, places);
  std::memcpy(blob.data() + at.strings, strings.data(), strings.size());
  return blob;
}

}  // namespace wenshu::repair_internal
