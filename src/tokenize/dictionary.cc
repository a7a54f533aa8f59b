#include "wenshu/dictionary.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
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

Dictionary::~Dictionary() = default;

void Dictionary::Attach(std::string_view blob) {
  using namespace tokenize_internal;
  blob_ = blob;
  header_ = reinterpret_cast<const BlobHeader*>(blob.data());
  const char* p = blob.data() + sizeof(BlobHeader);
  char_blocks_ = reinterpret_cast<const uint16_t*>(p);
  p += CharBlockTableBytes();
  char_ids_ = reinterpret_cast<const uint16_t*>(p);
  p += CharIdBytes(header_->char_block_count);
  id_code_points_ = reinterpret_cast<const uint32_t*>(p);
  p += IdCodePointBytes(header_->char_count);
  slots_ = reinterpret_cast<const TrieSlot*>(p);
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

absl::Status Dictionary::CheckWordList(std::string_view text) {
  return tokenize_internal::ParseWordList(text, kDefaultUserFrequency, [](std::u32string&&, uint64_t) {});
}

absl::StatusOr<std::shared_ptr<const Dictionary>> Dictionary::Extend(const Dictionary& base,
                                                                     std::string_view text) {
  // The user's lines first on their own, so an error names their line, not one of base's words.
  if (absl::Status s = CheckWordList(text); !s.ok()) return s;
  // Base's words as a jieba-format list (in slot order, each spelled by walking up to the root),
  // then the user's lines, which the compiler lets win over earlier ones.
  using tokenize_internal::kRootSlot;
  const tokenize_internal::TrieSlot* slots = base.slots_;
  std::string words;
  const double total = static_cast<double>(base.header_->total_frequency);
  std::u32string reversed;
  for (uint32_t t = 1; t < base.header_->slot_count; ++t) {
    const float lp = slots[t].log_probability;
    if (slots[t].check == tokenize_internal::kFreeSlot || lp == tokenize_internal::kNotAWord) continue;
    reversed.clear();
    for (uint32_t node = t; node != kRootSlot; node = slots[node].check) {
      reversed.push_back(base.id_code_points_[node - slots[slots[node].check].base]);
    }
    for (size_t k = reversed.size(); k-- > 0;) {
      char encoded[4];
      words.append(encoded, text::EncodeUtf8(reversed[k], encoded));
    }
    const auto frequency = static_cast<uint64_t>(std::llround(std::exp(double{lp}) * total));
    absl::StrAppend(&words, " ", std::max<uint64_t>(frequency, 1), "\n");
  }
  words.append(text);
  if (!text.empty() && text.back() != '\n') words.push_back('\n');
  return FromText(words);
}

// The largest dictionary file Load reads: 50 times jieba's dict.txt (5.1 MB, 349k words; the blob
// compiled from it is of the same order), far above any real word list, and a bound on an endless file.
constexpr size_t kMaxDictionaryFileBytes = size_t{256} << 20;

absl::StatusOr<std::shared_ptr<const Dictionary>> Dictionary::Load(std::string_view path) {
  std::string p(path);
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    int err = errno;
    std::string message = absl::StrCat("cannot open dictionary '", p, "': ", std::strerror(err));
    if (err == EACCES) return absl::PermissionDeniedError(message);
    return absl::NotFoundError(message);
  }
  // Read under a limit: a path may name a file with no end (/dev/zero, a FIFO nobody closes).
  std::string data;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto got = static_cast<size_t>(in.gcount());
    if (data.size() + got > kMaxDictionaryFileBytes) {
      return absl::InvalidArgumentError(absl::StrCat("dictionary '", p, "' is over ", kMaxDictionaryFileBytes >> 20,
                                                     " MiB: not a word list or a compiled dictionary"));
    }
    data.append(buffer, got);
  }
  if (in.bad()) {
    // An I/O failure (a directory, a device error): kUnavailable, which the C ABI reports as
    // WENSHU_E_IO, as it reports a file that cannot be opened (kDataLoss would read as invalid UTF-8).
    const int err = errno;
    return absl::UnavailableError(absl::StrCat("cannot read dictionary '", p, "': ", std::strerror(err)));
  }
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
  uint32_t node = tokenize_internal::kRootSlot;
  for (size_t i = 0; i < word.size();) {
    // Dictionary words are valid UTF-8; anything else is simply not found.
    const text::Decoded d = text::DecodeUtf8At(word, i);
    if (d.len <= 0) return std::nullopt;
    node = DictionaryAccess::Child(slots_, node, DictionaryAccess::CharId(*this, d.cp));
    if (node == tokenize_internal::kRootSlot) return std::nullopt;
    i += static_cast<size_t>(d.len);
  }
  if (node == tokenize_internal::kRootSlot || slots_[node].log_probability == tokenize_internal::kNotAWord) {
    return std::nullopt;
  }
  return slots_[node].log_probability;
}

bool Dictionary::Contains(std::string_view word) const { return LogProbability(word).has_value(); }

}  // namespace wenshu
