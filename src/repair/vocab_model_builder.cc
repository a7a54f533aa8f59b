// Compiling the spun-vocabulary model table into the blob the library reads in place. Runs at build
// time (wenshu-dictc --vocab) on the committed table, and at run time only for VocabModel::Parse (tests
// and tools/vocab evaluating another table). Everything derived from the counts (Witten-Bell types,
// pooled window and place rates) is computed here, once.
#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <set>
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

// The keyed entries of the blob, before layout.
using Entries = std::map<std::string, std::vector<double>>;

std::string Key(VocabKeyKind kind, std::string_view a, std::string_view b = {}) {
  std::string key(1, static_cast<char>(kind));
  key.append(a);
  if (!b.empty()) key.append("\t").append(b);
  return key;
}

Entries EntriesOf(const Table& model) {
  Entries entries;
  for (const auto& [c, n] : model.unigrams) entries[Key(VocabKeyKind::kUnigram, c)] = {n};
  for (const std::string& place : model.places) entries[Key(VocabKeyKind::kPlace, place)] = {};
  // Place rates per part of speech, pooled over the forms that have it.
  std::map<std::string, std::array<double, 3>> pooled;  // tag -> left, right, uses
  std::map<std::string, double> window_rates;
  double uses = 0;
  int index = 0;
  for (const auto& [name, form] : model.forms) {
    entries[Key(VocabKeyKind::kForm, name)] = {static_cast<double>(index++)};
    auto& p = pooled[form.tag];
    p[0] += form.place_left;
    p[1] += form.place_right;
    p[2] += form.corpus;
    uses += form.corpus;
    for (const auto& [key, n] : form.window) {
      window_rates[key] += n;
      entries[Key(VocabKeyKind::kWindow, name, key)] = {n};
    }
    // Witten-Bell backoff weights: how many different contexts were seen in the corpus. Keys: "L1" and
    // "R1" for the near character, "L2" + near and "R2" + near for the far character after a near one.
    std::map<std::string, double> types;
    for (const auto& [key, count] : form.contexts) {
      entries[Key(VocabKeyKind::kContext, name, key)] = {count[0], count[1], count[2]};
      if (count[0] <= 0) continue;
      const std::string_view side = std::string_view(key).substr(0, 2);
      const std::string_view chars = std::string_view(key).substr(2);
      if (side == "L1" || side == "R1") {
        types[std::string(side)] += 1;
      } else {
        // The near character is the last of an L2 key and the first of an R2 key.
        const size_t first = text::AnnouncedCharLength(chars);
        const std::string_view near = side == "L2" ? chars.substr(first) : chars.substr(0, first);
        types[std::string(side).append(near)] += 1;
      }
    }
    for (const auto& [key, n] : types) entries[Key(VocabKeyKind::kTypes, name, key)] = {n};
  }
  for (const auto& [key, n] : window_rates) {
    entries[Key(VocabKeyKind::kWindowRate, key)] = {n / std::max(1.0, uses)};
  }
  for (const auto& [tag, p] : pooled) {
    if (p[2] >= kMinTagUses) entries[Key(VocabKeyKind::kTagPlaceRate, tag)] = {p[0] / p[2], p[1] / p[2]};
  }
  return entries;
}

template <typename T>
void Put(std::string& blob, size_t at, const T& value) {
  std::memcpy(blob.data() + at, &value, sizeof(T));
}

}  // namespace

absl::StatusOr<std::string> CompileVocabModel(std::string_view text) {
  absl::StatusOr<Table> parsed = ParseTable(text);
  if (!parsed.ok()) return parsed.status();
  const Table& model = *parsed;
  const Entries entries = EntriesOf(model);

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
  header.entry_count = static_cast<uint32_t>(entries.size());
  header.place_count = static_cast<uint32_t>(model.places.size());
  uint32_t slots = 16;
  while (slots < 2 * entries.size()) slots *= 2;
  header.slot_count = slots;
  header.version = add_string(model.version);
  header.total_chars = model.total_chars;
  header.dictionary_weight = model.dictionary_weight;
  header.place_rate = model.place_rate;

  std::vector<VocabBlobForm> forms;
  std::map<std::string, uint32_t> form_index;
  for (const auto& [name, row] : model.forms) {
    form_index[name] = static_cast<uint32_t>(forms.size());
    VocabBlobForm& form = forms.emplace_back();
    form.name = add_string(name);
    form.tag = add_string(row.tag);
    form.corpus = row.corpus;
    form.dictionary = row.dictionary;
    form.dictionary_left_total = row.dictionary_left_total;
    form.dictionary_right_total = row.dictionary_right_total;
    form.dictionary_left_words = row.dictionary_left_words;
    form.dictionary_right_words = row.dictionary_right_words;
    form.place_left = row.place_left;
    form.place_right = row.place_right;
  }
  std::vector<VocabBlobPair> pairs;
  for (const PairRow& row : model.pairs) {
    pairs.push_back({row.family, form_index.at(row.spun), form_index.at(row.original), forms[form_index.at(row.spun)].name,
                     forms[form_index.at(row.original)].name});
  }
  std::vector<VocabBlobEntry> blob_entries;
  std::vector<double> values;
  std::vector<uint32_t> table(slots, 0);
  for (const auto& [key, numbers] : entries) {
    if (key.size() > kVocabMaxKeyBytes) {
      return absl::InvalidArgumentError(absl::StrCat("vocabulary model key longer than ", kVocabMaxKeyBytes,
                                                     " bytes: ", key));
    }
    uint32_t slot = static_cast<uint32_t>(tokenize_internal::Fnv1a64(key)) & (slots - 1);
    while (table[slot] != 0) slot = (slot + 1) & (slots - 1);
    table[slot] = static_cast<uint32_t>(blob_entries.size() + 1);
    blob_entries.push_back({add_string(key), static_cast<uint32_t>(values.size()),
                            static_cast<uint32_t>(numbers.size())});
    values.insert(values.end(), numbers.begin(), numbers.end());
  }
  header.value_count = static_cast<uint32_t>(values.size());
  header.strings_size = static_cast<uint32_t>(strings.size());
  const VocabBlobSections at = SectionsOf(header);
  header.blob_bytes = at.end;

  std::string blob(at.end, '\0');
  Put(blob, 0, header);
  std::memcpy(blob.data() + at.pairs, pairs.data(), pairs.size() * sizeof(VocabBlobPair));
  std::memcpy(blob.data() + at.forms, forms.data(), forms.size() * sizeof(VocabBlobForm));
  std::memcpy(blob.data() + at.entries, blob_entries.data(), blob_entries.size() * sizeof(VocabBlobEntry));
  std::memcpy(blob.data() + at.values, values.data(), values.size() * sizeof(double));
  std::memcpy(blob.data() + at.slots, table.data(), table.size() * sizeof(uint32_t));
  std::memcpy(blob.data() + at.strings, strings.data(), strings.size());
  return blob;
}

}  // namespace wenshu::repair_internal
