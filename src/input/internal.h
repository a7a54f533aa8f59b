// Internals of the input module shared by its files and its tests.
#ifndef WENSHU_SRC_INPUT_INTERNAL_H_
#define WENSHU_SRC_INPUT_INTERNAL_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "wenshu/input.h"

namespace wenshu::input_internal {

struct Utf8Stats {
  size_t non_ascii = 0;  // bytes of multi-byte characters and invalid bytes
  size_t invalid = 0;    // bytes that start no valid character
};
// Counts over the detection window that starts at the first non-ASCII byte.
Utf8Stats ScanUtf8Window(std::string_view bytes, bool final);
// Valid UTF-8, or UTF-8 with a few damaged bytes (left for the repair stage to flag).
bool LooksLikeDamagedOrValidUtf8(const Utf8Stats& stats);
// GB18030 or Big5 when one decodes the window without error (ICU's detector breaks ties); "" if none.
std::string DetectLegacyEncoding(std::string_view bytes);
// Conversion of a whole text with LegacyToUtf8 (bad bytes kept while under its limit).
// `offset`: where `bytes` start in the input (after a byte order mark), added to the offset an error names.
absl::Status ConvertToUtf8(std::string_view bytes, const std::string& canonical, std::string* out,
                           size_t offset = 0);

// Converts text in a non-UTF-8 encoding (GB18030, Big5, UTF-16...) to UTF-8 block by block, keeping
// what is not valid in it as invalid UTF-8, which the repair stage flags as text.invalid_utf8 (as it
// flags the bad bytes of damaged UTF-8 input): a legacy byte sequence ICU rejects is copied as it is,
// or byte by byte as U+DC80-U+DCFF (surrogateescape) when the copy would read as a UTF-8 character; a
// lone UTF-16 surrogate as the three bytes of its code point (ED A0 80 for U+D800, never valid UTF-8). Input whose bad bytes pass
// kLegacyMaxInvalidShare is refused as not that encoding. One thread at a time.
class LegacyToUtf8 {
 public:
  // `offset`: where the bytes start in the input (after a byte order mark), counted in what an error names.
  static absl::StatusOr<std::unique_ptr<LegacyToUtf8>> Open(const std::string& canonical, uint64_t offset = 0);
  ~LegacyToUtf8();
  // Converts [*src, end), advancing *src, appending to *out; `flush` at the end of the input (a cut
  // character then counts as bad). Fails when the bad bytes so far pass the limit.
  absl::Status Convert(const char** src, const char* end, bool flush, std::string* out);
  uint64_t invalid_bytes() const { return invalid_; }
  uint64_t consumed() const { return consumed_; }

 private:
  LegacyToUtf8() = default;
  absl::Status CheckShare(bool final) const;
  struct Icu;
  std::unique_ptr<Icu> icu_;
  std::string name_;
  bool utf16_ = false;      // UTF-16/32: every byte is part of a code unit, surrogates are written out
  uint64_t invalid_ = 0;    // bad bytes kept
  uint64_t counted_ = 0;    // the bytes the share is taken of (non-ASCII bytes; all bytes for UTF-16/32)
  uint64_t consumed_ = 0;   // input bytes converted
  char16_t high_ = 0;       // a high surrogate at the end of the last block, awaiting its low half
};

// Gumbo's tree building slows with the square of the nesting depth (measured, <span> chains: 1000
// levels 0.12 s, 2000 0.46 s, 4000 1.9 s); real pages nest well under 100. Deeper input is refused.
inline constexpr size_t kMaxHtmlNesting = 1000;
// The nesting depth of an HTML text as its tags say (elements with optional or no end tags left out).
size_t EstimatedNesting(std::string_view html);

// A source of raw bytes.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Up to n bytes into buf; 0 at the end or on error (see status()).
  virtual size_t Read(char* buf, size_t n) = 0;
  virtual absl::Status status() const = 0;
};

// Reads a FILE (not owned).
std::unique_ptr<ByteStream> FileStream(std::FILE* file, std::string name);
// Inflates a gzip stream (several members concatenated).
std::unique_ptr<ByteStream> GzipStream(std::unique_ptr<ByteStream> in, std::string name);
// Returns `prefix` first, then the rest of `in` (bytes read ahead to decide something, given back).
std::unique_ptr<ByteStream> PrefixStream(std::string prefix, std::unique_ptr<ByteStream> in);
// Reads up to `n` bytes of `in` (fewer only at its end) into *out; false on a read error.
bool ReadUpTo(ByteStream& in, size_t n, std::string* out);
// `in` inflated when it starts with the gzip magic, else `in` itself (the bytes peeked are given back).
// The one place every reader (ReadInput, the tokenize command) unwraps gzip.
absl::StatusOr<std::unique_ptr<ByteStream>> UnwrapGzip(std::unique_ptr<ByteStream> in, const std::string& name);

// Decodes a byte stream to UTF-8 block by block: the encoding is decided on a prefix (a BOM, or the
// detection window), then bytes pass through (UTF-8) or go through one ICU converter.
class Utf8Stream {
 public:
  static absl::StatusOr<std::unique_ptr<Utf8Stream>> Open(std::unique_ptr<ByteStream> in,
                                                          std::string_view encoding, std::string name);
  ~Utf8Stream();
  // Appends the next block of UTF-8 to *out; false at the end (check status()).
  bool Next(std::string* out);
  absl::Status status() const { return status_; }
  const std::string& encoding() const { return encoding_; }
  bool bom() const { return bom_; }
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  Utf8Stream() = default;
  struct Converter;
  std::unique_ptr<ByteStream> in_;
  std::string name_;
  std::string pending_;  // the prefix read for detection, not yet returned
  std::string encoding_;
  bool bom_ = false;
  bool eof_ = false;
  std::unique_ptr<Converter> converter_;  // null for UTF-8
  absl::Status status_;
  uint64_t bytes_read_ = 0;
};

// An RFC 4180 reader fed in blocks: fields separated by `delimiter`, records by CRLF or LF (a lone
// CR inside an unquoted field is kept), quoted fields may hold delimiters, doubled quotes and line
// breaks. A quote inside an unquoted field is kept as text (lenient, as spreadsheets write it).
class CsvParser {
 public:
  explicit CsvParser(char delimiter, size_t max_record_bytes)
      : delimiter_(delimiter), max_record_bytes_(max_record_bytes) {}
  // Feeds bytes; complete records are appended to *records with the 1-based line each starts on.
  // `final` ends the input (a last record without a line break is complete).
  struct Record {
    std::vector<std::string> fields;
    int64_t line = 0;
    size_t bytes = 0;
    bool too_long = false;  // over max_record_bytes: fields dropped
    bool open_quote = false;  // the input ended inside a quoted field
  };
  void Feed(std::string_view bytes, bool final, std::vector<Record>* records);

 private:
  void EndField();
  void EndRecord(std::vector<Record>* records);
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted, kAfterCr };
  char delimiter_;
  size_t max_record_bytes_;
  State state_ = State::kFieldStart;
  Record current_;
  std::string field_;
  int64_t line_ = 1;
  bool record_started_ = false;
};

// The documents of one JSON object given as a line of a JSONL corpus (or an element of a JSON array):
// the text, id and title fields are kept, the other fields skipped without building a DOM. On a
// syntax error, *error names the column (1-based byte in the line) and the reason.
void DocumentFromJsonObject(std::string_view json, const InputOptions& options, InputDocument* doc);

// The objects of a JSON array, each handed to sink as it ends; a syntax error fails with its column.
absl::Status ReadJsonArray(std::istream& in, const InputOptions& options,
                           const std::function<bool(InputDocument&&)>& sink, bool* stopped);

}  // namespace wenshu::input_internal

#endif  // WENSHU_SRC_INPUT_INTERNAL_H_
