// The streaming tokenizer is chunk-independent and lossless on any bytes.
//
// Input layout: byte 0 picks max_token_bytes (small caps make the split path reachable), byte 1 the
// number of chunk-size bytes that follow (0..15); each such byte is a chunk length (0 = an empty
// Feed). The rest is the text. The chunk sizes cycle over the text.
//
// Checks: the tokens from chunked feeding equal the tokens of one-shot Tokenize(); spans cover every
// byte exactly once, in order; text == the input bytes at [begin, end); code-point offsets are
// contiguous; the concatenation of the texts is the input; kInvalid tokens hold only bytes that are
// not valid UTF-8 and every invalid byte is inside a kInvalid token; no token exceeds max_token_bytes;
// the carry between Feed() calls stays within max_token_bytes plus a small lookahead.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "wenshu/tokenizer.h"

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (1..4), or 0 when s[i] does not start one.
// Follows the Unicode "maximal subpart" rules: no overlongs, no surrogates, nothing above U+10FFFF.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> int { return i + k < s.size() ? static_cast<uint8_t>(s[i + k]) : -1; };
  int b0 = byte(0);
  if (b0 < 0x80) return 1;
  auto in = [](int b, int lo, int hi) { return b >= lo && b <= hi; };
  if (in(b0, 0xC2, 0xDF)) return in(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    int lo = b0 == 0xE0 ? 0xA0 : 0x80;
    int hi = b0 == 0xED ? 0x9F : 0xBF;
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    int lo = b0 == 0xF0 ? 0x90 : 0x80;
    int hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

wenshu::OwnedToken Own(const wenshu::Token& t) {
  return wenshu::OwnedToken{t.kind, t.flags, t.begin, t.end, t.cp_begin, t.cp_end,
                            std::string(t.text), std::string(t.norm)};
}

// Lookahead the tokenizer may hold beyond max_token_bytes: a few characters to decide a number, a
// marker or a line break, plus a partial UTF-8 sequence. Generous on purpose; the point is "bounded".
constexpr size_t kLookaheadAllowance = 256;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) {
    wenshu::Tokenizer tokenizer;
    FUZZ_CHECK(tokenizer.Feed(std::string_view(reinterpret_cast<const char*>(data), size)).ok());
    tokenizer.Finish();
    wenshu::Token token;
    uint64_t covered = 0;
    while (tokenizer.Next(&token)) covered += token.end - token.begin;
    FUZZ_CHECK(covered == size);
    FUZZ_CHECK(tokenizer.done());
    return 0;
  }
  wenshu::TokenizerOptions options;
  options.max_token_bytes = wenshu::TokenizerOptions::kMinTokenBytes + data[0] * 4u;  // 64..1084
  size_t header = std::min<size_t>(2 + (data[1] & 15), size);
  std::vector<size_t> chunk_sizes(data + 2, data + header);
  if (chunk_sizes.empty()) chunk_sizes.push_back(1);
  std::string_view text(reinterpret_cast<const char*>(data) + header, size - header);

  wenshu::Tokenizer one_shot_tokenizer(options);
  const std::vector<wenshu::OwnedToken> expected = one_shot_tokenizer.Tokenize(text);

  wenshu::Tokenizer tokenizer(options);
  std::vector<wenshu::OwnedToken> streamed;
  wenshu::Token token;
  size_t offset = 0;
  size_t empty_feeds = 0;
  for (size_t k = 0; offset < text.size(); ++k) {
    size_t n = std::min(chunk_sizes[k % chunk_sizes.size()], text.size() - offset);
    if (n == 0 && ++empty_feeds > text.size() + 16) n = 1;  // all sizes zero: still make progress
    FUZZ_CHECK(tokenizer.Feed(text.substr(offset, n)).ok());
    offset += n;
    while (tokenizer.Next(&token)) streamed.push_back(Own(token));
    FUZZ_CHECK(tokenizer.pending_bytes() <= options.max_token_bytes + kLookaheadAllowance);
    FUZZ_CHECK(tokenizer.bytes_fed() == offset);
  }
  tokenizer.Finish();
  while (tokenizer.Next(&token)) streamed.push_back(Own(token));
  FUZZ_CHECK(tokenizer.done());
  FUZZ_CHECK(tokenizer.pending_bytes() == 0);
  FUZZ_CHECK(!tokenizer.Feed("x").ok());  // feeding after Finish() is an error, not a crash

  FUZZ_CHECK(streamed.size() == expected.size());
  for (size_t i = 0; i < streamed.size(); ++i) FUZZ_CHECK(streamed[i] == expected[i]);

  // Every byte exactly once, in order; views match the input; invalid bytes are flagged.
  uint64_t next_byte = 0;
  uint64_t next_cp = 0;
  std::string concatenated;
  for (const auto& t : streamed) {
    FUZZ_CHECK(t.begin == next_byte);
    FUZZ_CHECK(t.end > t.begin);
    FUZZ_CHECK(t.end <= text.size());
    FUZZ_CHECK(t.end - t.begin <= options.max_token_bytes);
    FUZZ_CHECK(t.text == text.substr(t.begin, t.end - t.begin));
    FUZZ_CHECK(t.cp_begin == next_cp);
    FUZZ_CHECK(t.cp_end > t.cp_begin);
    FUZZ_CHECK(static_cast<int>(t.kind) < wenshu::kTokenKindCount);
    FUZZ_CHECK(!wenshu::TokenKindName(t.kind).empty());
    if ((t.flags & wenshu::kTokenNormalized) == 0) FUZZ_CHECK(t.norm == t.text);
    // Token content vs validity: an invalid token holds no valid sequence start (each of its bytes
    // counts as one code point); any other token is valid UTF-8 throughout.
    uint64_t code_points = 0;
    for (size_t i = 0; i < t.text.size(); ++code_points) {
      size_t n = ValidSequenceLength(t.text, i);
      if (t.kind == wenshu::TokenKind::kInvalid) {
        FUZZ_CHECK(n == 0);
        i += 1;
      } else {
        FUZZ_CHECK(n != 0);
        i += n;
      }
    }
    FUZZ_CHECK(t.cp_end - t.cp_begin == code_points);
    concatenated += t.text;
    next_byte = t.end;
    next_cp = t.cp_end;
  }
  FUZZ_CHECK(next_byte == text.size());
  FUZZ_CHECK(concatenated == text);
  return 0;
}
