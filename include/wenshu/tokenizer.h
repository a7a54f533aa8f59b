// Tokenizer: a streaming, lossless tokenizer for Chinese report text.
//
// Feed UTF-8 in chunks of any size (a chunk may end inside a character, a number or a word) and pull
// tokens as soon as they are final:
//
//   wenshu::Tokenizer tokenizer;                 // uses Dictionary::Default()
//   wenshu::Token token;
//   while (read(chunk)) {
//     if (!tokenizer.Feed(chunk).ok()) ...;
//     while (tokenizer.Next(&token)) Use(token);
//   }
//   tokenizer.Finish();
//   while (tokenizer.Next(&token)) Use(token);
//
// Guarantees:
// - Lossless: every input byte belongs to exactly one token, tokens come in order, and concatenating
//   their `text` gives the input back. Bytes that are not UTF-8 become `kInvalid` tokens holding them
//   unchanged (never dropped, never replaced).
// - Chunk independence: the tokens are identical whatever the chunking. Every decision looks only at
//   bytes the tokenizer already has and waits for more when the answer could still change.
// - Bounded memory: the carry between calls is at most max_token_bytes plus a few bytes of lookahead.
//   A longer run (a 100 MB digit string, a CJK run without punctuation) is cut into tokens of at most
//   max_token_bytes, each but the last flagged kTokenSplit. Cuts depend only on the content.
// - No per-token allocation: `text` points into the tokenizer's buffer, `norm` into the buffer or a
//   reused scratch buffer.
//
// Offsets: `begin`/`end` are byte offsets into the whole stream since construction or Reset();
// `cp_begin`/`cp_end` are code-point offsets, where each invalid byte counts as one code point.
//
// Thread safety: a Tokenizer is used by one thread at a time; it is cheap to create (no tables are
// built). Any number of tokenizers may share one immutable Dictionary.
#ifndef WENSHU_TOKENIZER_H_
#define WENSHU_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "wenshu/dictionary.h"

namespace wenshu {

namespace tokenize_internal {
class HmmSegmenter;
}  // namespace tokenize_internal

// The kinds of token. The numeric values are stable (the C ABI uses them); new kinds go at the end.
enum class TokenKind : uint8_t {
  kWord = 0,        // a CJK word from dictionary segmentation (or a single unknown CJK character)
  kNumber = 1,      // ASCII or full-width digits, with decimals and thousands separators: 1,234.5 ２０２３
  kCjkNumeral = 2,  // 〇一二三…十百千万亿 两 零 and financial forms: 二十三, 两, 万 (after a number)
  kUnit = 3,        // a measure word after a number or numeral: 人 所 户 个 万元 亿元 平方米 公里 人次
  kPercent = 4,     // % ％ ‰
  kListMarker = 5,  // (一) （二） 一、 1、 1. (1) ⑴ ① 第一 一是 — in the contexts where they enumerate
  kPunct = 6,       // punctuation and symbols
  kLatin = 7,       // Latin letters (ASCII, full-width, Latin-1/Extended), with digits after a letter
  kSpace = 8,       // a run of horizontal white space (ASCII, U+3000, no-break and other Unicode spaces)
  kNewline = 9,     // one line break: \n, \r\n, \r, U+2028, U+2029
  kInvalid = 10,    // a run of bytes that are not UTF-8
  kOther = 11,      // anything else: control characters (NUL), kana, emoji, other scripts
};
inline constexpr int kTokenKindCount = 12;

// The lowercase JSON name: "word", "number", "cjk_numeral", "unit", "percent", "list_marker", "punct",
// "latin", "space", "newline", "invalid", "other".
std::string_view TokenKindName(TokenKind kind);

// Token flags (bit set).
enum TokenFlag : uint32_t {
  // The token was cut at max_token_bytes; the run continues in the next token.
  kTokenSplit = 1u << 0,
  // A kWord found in the dictionary (unset for a single character the dictionary does not know).
  kTokenInDictionary = 1u << 1,
  // norm differs from text (full-width folded to ASCII, 〞 → ”, \r\n → \n, …).
  kTokenNormalized = 1u << 2,
};

// A token. The views stay valid until the next non-const call on the tokenizer that produced it.
struct Token {
  TokenKind kind = TokenKind::kOther;
  uint32_t flags = 0;
  uint64_t begin = 0;     // byte offset in the stream
  uint64_t end = 0;       // byte offset in the stream (exclusive)
  uint64_t cp_begin = 0;  // code-point offset in the stream
  uint64_t cp_end = 0;    // code-point offset in the stream (exclusive)
  std::string_view text;  // the input bytes [begin, end)
  std::string_view norm;  // normalized text: full-width digits/letters/punctuation folded to ASCII,
                          // U+3000 → ' ', 〝〞 → “”, any line break → "\n"; == text for most tokens

  bool has_flag(TokenFlag flag) const { return (flags & flag) != 0; }
};

// A token that owns its text, for the convenience API.
struct OwnedToken {
  TokenKind kind = TokenKind::kOther;
  uint32_t flags = 0;
  uint64_t begin = 0;
  uint64_t end = 0;
  uint64_t cp_begin = 0;
  uint64_t cp_end = 0;
  std::string text;
  std::string norm;

  friend bool operator==(const OwnedToken&, const OwnedToken&) = default;
};

struct TokenizerOptions {
  // The longest token, and so the largest carry between Feed() calls. Longer runs are cut into
  // kTokenSplit tokens. Values are clamped to [kMinTokenBytes, kMaxTokenBytes].
  size_t max_token_bytes = 64 * 1024;
  // Split dictionary words like 一个 / 三所 into a numeral and a unit (kCjkNumeral + kUnit).
  bool split_numeral_units = true;
  // Join runs of characters the dictionary leaves single into words with jieba's character HMM
  // (names, new words), as jieba does by default. Off: such characters stay one token each.
  bool hmm_unknown_words = true;

  static constexpr size_t kMinTokenBytes = 64;
  static constexpr size_t kMaxTokenBytes = size_t{1} << 30;
};

class Tokenizer {
 public:
  // Uses the embedded dictionary.
  explicit Tokenizer(TokenizerOptions options = {});
  // Shares ownership of `dictionary` (must not be null).
  explicit Tokenizer(std::shared_ptr<const Dictionary> dictionary, TokenizerOptions options = {});
  // Borrows `dictionary`, which must outlive the tokenizer.
  explicit Tokenizer(const Dictionary& dictionary, TokenizerOptions options = {});
  ~Tokenizer();

  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  // Appends input. The bytes are copied; the chunk may end anywhere. Tokens from earlier Next() calls
  // become invalid. Error FailedPrecondition after Finish() (call Reset() to start a new stream).
  [[nodiscard]] absl::Status Feed(std::string_view chunk);
  // Declares the end of the stream: Next() then returns every remaining token.
  void Finish();
  // Fills *token with the next final token and returns true, or returns false when the tokenizer
  // needs more input (or, after Finish(), when the stream is exhausted; see done()).
  [[nodiscard]] bool Next(Token* token);
  // Starts a new stream (offsets from 0), keeping the buffers' capacity.
  void Reset();

  // True after Finish() once every token has been returned.
  bool done() const;
  // True once Finish() has been called (until Reset()).
  bool finished() const { return finished_; }
  // Bytes fed but not yet returned in tokens: the carry. Bounded by max_token_bytes plus lookahead
  // once Next() has returned false.
  size_t pending_bytes() const;
  // Bytes fed since construction or Reset().
  uint64_t bytes_fed() const { return stream_end_; }
  const Dictionary& dictionary() const { return *dictionary_; }
  const TokenizerOptions& options() const { return options_; }

  // Convenience: tokenizes a whole text with a fresh stream (calls Reset() first).
  std::vector<OwnedToken> Tokenize(std::string_view text);

 private:
  struct Pending {
    TokenKind kind;
    uint32_t flags;
    uint64_t begin;
    uint64_t end;
    uint64_t cp_begin;
    uint64_t cp_end;
  };
  enum class Context : uint8_t { kLineStart, kSentenceStart, kClauseStart, kMid };

  // Scans one token (or one CJK run into queue_) at scan_; false if more input is needed.
  bool ScanNext();
  void Push(TokenKind kind, uint32_t flags, size_t length, uint64_t code_points);
  void SegmentCjkRun(size_t n, size_t length, bool split);
  bool IsDictionaryWord(const char32_t* cps, size_t n) const;
  void Emit(const Pending& pending, Token* token);
  void NoteEmitted(const Pending& pending);

  std::shared_ptr<const Dictionary> owned_dictionary_;
  const Dictionary* dictionary_;
  TokenizerOptions options_;
  double unknown_log_probability_;  // ln(1 / total frequency): a character the dictionary lacks

  std::string buffer_;        // bytes [buffer_base_, stream_end_) of the stream
  uint64_t buffer_base_ = 0;  // stream offset of buffer_[0]
  uint64_t stream_end_ = 0;
  uint64_t scan_ = 0;         // stream offset where the next scan starts
  uint64_t scan_cp_ = 0;      // its code-point offset
  bool finished_ = false;

  std::vector<Pending> queue_;  // scanned, not yet returned
  size_t queue_head_ = 0;
  std::string norm_;            // scratch for the last token's normalized text

  // Context of the tokens already scanned, for list markers and units.
  Context context_ = Context::kLineStart;
  TokenKind last_kind_ = TokenKind::kNewline;  // last non-space token kind

  // Scratch for CJK segmentation (reused).
  std::vector<char32_t> run_cps_;
  std::vector<uint32_t> run_offsets_;
  std::vector<uint16_t> run_char_ids_;  // the dictionary's id of each character of the run
  std::vector<double> route_score_;
  std::vector<uint32_t> route_end_;
  std::vector<uint8_t> route_known_;
  std::vector<uint32_t> word_ends_;
  std::vector<uint32_t> forced_end_;
  std::vector<uint8_t> inside_forced_;
  std::unique_ptr<tokenize_internal::HmmSegmenter> hmm_;
};

}  // namespace wenshu

#endif  // WENSHU_TOKENIZER_H_
