// Dictionary: the immutable word table the tokenizer segments CJK text with.
//
// The default dictionary is compiled at build time from jieba's MIT-licensed dict.txt (349k words with
// frequencies) into a compact binary trie, embedded in the library's read-only data: start-up does no
// parsing, the pages are shared between processes, and only the pages a text touches become resident.
//
// The default also carries jieba's character HMM for unknown words (see TokenizerOptions).
//
// Users may load their own word list, in jieba's text format ("word [frequency [tag]]" per line, UTF-8,
// '#' comments and blank lines ignored) or as a blob saved with Serialized() / written by wenshu-dictc.
// A bad file gives an error status naming the line or the check that failed; it never aborts.
//
// Thread safety: a Dictionary is immutable after construction; one instance may be shared by any number
// of threads and tokenizers. Default() is set up once, thread-safely, on first use: it only points at
// the embedded table (no parsing, no copy).
#ifndef WENSHU_DICTIONARY_H_
#define WENSHU_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace wenshu {

namespace tokenize_internal {
struct DictionaryAccess;
struct BlobHeader;
struct TrieSlot;
}  // namespace tokenize_internal

class Dictionary {
 public:
  // The version of the binary format; a blob with another version is rejected on load.
  static constexpr uint32_t kFormatVersion = 1;

  // The embedded dictionary (jieba's dict.txt). Never fails; lives for the whole process.
  static const Dictionary& Default();
  // The same object as a shared pointer (with a no-op deleter), for APIs that take shared ownership.
  static std::shared_ptr<const Dictionary> DefaultShared();

  // Loads a dictionary from a file: a compiled blob (recognized by its magic number; version, size,
  // checksum and trie structure are validated) or a jieba-format text word list.
  // Errors: NotFound / PermissionDenied for unreadable files, InvalidArgument for bad content.
  [[nodiscard]] static absl::StatusOr<std::shared_ptr<const Dictionary>> Load(std::string_view path);
  // Builds a dictionary from jieba-format text. Words without a frequency get kDefaultUserFrequency.
  [[nodiscard]] static absl::StatusOr<std::shared_ptr<const Dictionary>> FromText(std::string_view text);
  // A user dictionary on top of `base` (jieba's add_word / load_userdict): every word of base, then the
  // jieba-format `text`, whose lines win over base's (frequency 0 removes a word). Base frequencies are
  // rebuilt from the stored log-probabilities (float precision, so within 1e-6 relatively).
  [[nodiscard]] static absl::StatusOr<std::shared_ptr<const Dictionary>> Extend(const Dictionary& base,
                                                                               std::string_view text);
  // Checks jieba-format text as FromText and Extend read it, building nothing: InvalidArgument naming
  // the line of `text` (a control character, invalid UTF-8, a word too long, a bad frequency).
  [[nodiscard]] static absl::Status CheckWordList(std::string_view text);
  // Validates and copies a compiled blob.
  [[nodiscard]] static absl::StatusOr<std::shared_ptr<const Dictionary>> FromBlob(std::string_view blob);

  // The frequency given to user words listed without one: high enough that a listed word usually
  // wins over splitting it into pieces.
  static constexpr uint64_t kDefaultUserFrequency = 10000;

  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;
  ~Dictionary();

  // Number of distinct words.
  size_t word_count() const;
  // Sum of all word frequencies.
  uint64_t total_frequency() const;
  // The checksum stamped in the blob (FNV-1a 64 of the payload): identifies the word table.
  uint64_t checksum() const;
  // The compiled form, suitable for writing to a file and loading back with Load()/FromBlob().
  std::string_view Serialized() const;

  // Whether `word` (UTF-8) is a dictionary word.
  bool Contains(std::string_view word) const;
  // ln(frequency / total) of a dictionary word; nullopt if it is not one.
  std::optional<double> LogProbability(std::string_view word) const;

 private:
  friend struct tokenize_internal::DictionaryAccess;
  Dictionary() = default;
  // Points the accessors at `blob`, which must have been validated and must outlive this object.
  void Attach(std::string_view blob);

  std::string owned_;  // the blob when loaded at run time; empty for the embedded one
  std::string_view blob_;
  const tokenize_internal::BlobHeader* header_ = nullptr;
  const uint16_t* char_blocks_ = nullptr;
  const uint16_t* char_ids_ = nullptr;
  const uint32_t* id_code_points_ = nullptr;
  const tokenize_internal::TrieSlot* slots_ = nullptr;
};

}  // namespace wenshu

#endif  // WENSHU_DICTIONARY_H_
