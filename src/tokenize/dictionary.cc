#include "wenshu/dictionary.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "text/utf8.h"
#include "tokenize/dictionary_access.h"
#include "tokenize/dictionary_format.h"

// The blob compiled from jieba's dict.txt at build time, embedded by embedded_dictionary.S.
extern "C" const char wenshu_embedded_dictionary[];
extern "C" const char wenshu_embedded_dictionary_end[];

namespace wenshu {

using tokenize_internal::BlobHeader;
using tokenize_internal::DictionaryAccess;
using tokenize_internal::TrieLink;

Dictionary::~Dictionary() = default;

void Dictionary::Attach(std::string_view blob) {
  blob_ = blob;
  header_ = reinterpret_cast<const BlobHeader*>(blob.data());
  root_table_ = reinterpret_cast<const tokenize_internal::RootEntry*>(blob.data() + sizeof(BlobHeader));
  const char* filter =
      blob.data() + sizeof(BlobHeader) + header_->root_table_size * sizeof(tokenize_internal::RootEntry);
  bigram_filter_ = reinterpret_cast<const uint64_t*>(filter);
  // The pair table follows the filter (DictionaryAccess::PairSlots finds it there).
  const char* arrays = filter + tokenize_internal::BigramFilterBytes(header_->bigram_filter_log2) +
                       tokenize_internal::PairTableBytes(header_->pair_table_log2);
  const size_t n = header_->node_count;
  code_points_ = reinterpret_cast<const uint32_t*>(arrays);
  links_ = reinterpret_cast<const TrieLink*>(arrays + n * sizeof(uint32_t));
}

const Dictionary& Dictionary::Default() {
  // The embedded blob is produced by the build and trusted: only its header is checked (cheaply), so
  // start-up reads no more than the header's page.
  static const Dictionary* const dictionary = [] {
    auto* d = new Dictionary();
    std::string_view blob(wenshu_embedded_dictionary,
                          static_cast<size_t>(wenshu_embedded_dictionary_end - wenshu_embedded_dictionary));
    d->Attach(blob);
    return d;
  }();
  return *dictionary;
}

std::shared_ptr<const Dictionary> Dictionary::DefaultShared() {
  return std::shared_ptr<const Dictionary>(&Default(), [](const Dictionary*) {});
}

absl::StatusOr<std::shared_ptr<const Dictionary>> Dictionary::FromBlob(std::string_view blob) {
  if (absl::Status s = tokenize_internal::ValidateBlob(blob); !s.ok()) return s;
  std::shared_ptr<Dictionary> d(new Dictionary());
  d->owned_.assign(blob.data(), blob.size());
  d->Attach(d->owned_);
  return std::shared_ptr<const Dictionary>(std::move(d));
}

absl::StatusOr<std::shared_ptr<const Dictionary>> Dictionary::FromText(std::string_view text) {
  absl::StatusOr<std::string> blob = tokenize_internal::CompileDictionary(text, kDefaultUserFrequency);
  if (!blob.ok()) return blob.status();
  std::shared_ptr<Dictionary> d(new Dictionary());
  d->owned_ = *std::move(blob);
  d->Attach(d->owned_);
  return std::shared_ptr<const Dictionary>(std::move(d));
}

absl::StatusOr<std::shared_ptr<const Dictionary>> Dictionary::Extend(const Dictionary& base,
                                                                     std::string_view text) {
  // Base's words as a jieba-format list (depth-first over the trie), then the user's lines, which the
  // compiler lets win over earlier ones.
  std::string words;
  const double total = static_cast<double>(base.header_->total_frequency);
  std::string word;
  struct Frame {
    uint32_t node;
    size_t word_bytes;  // word.size() before this node's character
  };
  std::vector<Frame> stack;
  for (uint32_t c = base.links_[0].first_child; c < base.links_[1].first_child; ++c) stack.push_back({c, 0});
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    word.resize(f.word_bytes);
    char encoded[4];
    word.append(encoded, text::EncodeUtf8(base.code_points_[f.node], encoded));
    const float lp = base.links_[f.node].log_probability;
    if (lp != tokenize_internal::kNotAWord) {
      const auto frequency = static_cast<uint64_t>(std::llround(std::exp(double{lp}) * total));
      absl::StrAppend(&words, word, " ", std::max<uint64_t>(frequency, 1), "\n");
    }
    for (uint32_t c = base.links_[f.node].first_child; c < base.links_[f.node + 1].first_child; ++c) {
      stack.push_back({c, word.size()});
    }
  }
  words.append(text);
  if (!text.empty() && text.back() != '\n') words.push_back('\n');
  return FromText(words);
}

absl::StatusOr<std::shared_ptr<const Dictionary>> Dictionary::Load(std::string_view path) {
  std::string p(path);
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    int err = errno;
    std::string message = absl::StrCat("cannot open dictionary '", p, "': ", std::strerror(err));
    if (err == EACCES) return absl::PermissionDeniedError(message);
    return absl::NotFoundError(message);
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat("cannot read dictionary '", p, "'"));
  std::string data = std::move(contents).str();
  bool is_blob = data.size() >= sizeof(tokenize_internal::kBlobMagic) &&
                 std::memcmp(data.data(), tokenize_internal::kBlobMagic, 6) == 0;
  absl::StatusOr<std::shared_ptr<const Dictionary>> result = is_blob ? FromBlob(data) : FromText(data);
  if (!result.ok()) {
    return absl::Status(result.status().code(),
                        absl::StrCat("dictionary '", p, "': ", result.status().message()));
  }
  return result;
}

size_t Dictionary::word_count() const { return header_->word_count; }
uint64_t Dictionary::total_frequency() const { return header_->total_frequency; }
uint64_t Dictionary::checksum() const { return header_->checksum; }
std::string_view Dictionary::Serialized() const { return blob_; }

std::optional<double> Dictionary::LogProbability(std::string_view word) const {
  uint32_t node = 0;
  for (size_t i = 0; i < word.size();) {
    // Dictionary words are valid UTF-8; anything else is simply not found.
    const text::Decoded d = text::DecodeUtf8At(word, i);
    if (d.len <= 0) return std::nullopt;
    node = node == 0 ? DictionaryAccess::RootChild(*this, d.cp) : DictionaryAccess::Child(*this, node, d.cp);
    if (node == 0) return std::nullopt;
    i += static_cast<size_t>(d.len);
  }
  if (node == 0 || links_[node].log_probability == tokenize_internal::kNotAWord) return std::nullopt;
  return links_[node].log_probability;
}

bool Dictionary::Contains(std::string_view word) const { return LogProbability(word).has_value(); }

}  // namespace wenshu
