// Adversarial input through the streaming tokenizer: huge runs, every byte value, NULs, invalid UTF-8
// cut at every chunk boundary, empty input. No crash, bounded carry, every byte in exactly one token.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "reliability/reliability_support.h"
#include "wenshu/tokenizer.h"

namespace wenshu {
namespace {

using reliability::ExpectLosslessTokens;
using reliability::Scaled;
using reliability::TokenizeChunked;

// A few characters to decide a number or marker, plus a partial UTF-8 sequence.
constexpr size_t kLookaheadAllowance = 256;

// 100 MB of digits (scaled down under sanitizers) streamed in 1 MiB chunks: the run is cut into
// kTokenSplit number tokens of at most max_token_bytes, the carry never exceeds the cap, and the
// tokens account for every byte. The test keeps only counters, never the tokens.
TEST(TokenizerAdversarialTest, HundredMegabyteDigitRunIsCappedAndStreamed) {
  const size_t total = Scaled(size_t{100} << 20);
  const std::string chunk(size_t{1} << 20, '7');
  Tokenizer tokenizer;
  const size_t cap = tokenizer.options().max_token_bytes;
  Token t;
  uint64_t covered = 0;
  uint64_t tokens = 0;
  uint64_t split_tokens = 0;
  size_t max_pending = 0;
  bool all_numbers = true;
  bool last_was_split = false;
  auto drain = [&] {
    while (tokenizer.Next(&t)) {
      EXPECT_EQ(t.begin, covered);
      covered = t.end;
      ++tokens;
      all_numbers = all_numbers && t.kind == TokenKind::kNumber;
      EXPECT_LE(t.end - t.begin, cap);
      last_was_split = t.has_flag(kTokenSplit);
      if (last_was_split) {
        ++split_tokens;
        EXPECT_EQ(t.end - t.begin, cap) << "a split token is cut exactly at the cap";
      }
    }
    max_pending = std::max(max_pending, tokenizer.pending_bytes());
  };
  for (size_t fed = 0; fed < total; fed += chunk.size()) {
    ASSERT_TRUE(tokenizer.Feed(std::string_view(chunk).substr(0, std::min(chunk.size(), total - fed))).ok());
    drain();
    ASSERT_LE(tokenizer.pending_bytes(), cap + kLookaheadAllowance) << "carry grew at byte " << fed;
  }
  tokenizer.Finish();
  drain();
  EXPECT_TRUE(tokenizer.done());
  EXPECT_EQ(covered, total);
  EXPECT_EQ(tokenizer.bytes_fed(), total);
  EXPECT_TRUE(all_numbers);
  EXPECT_FALSE(last_was_split) << "the last piece of the run is not flagged";
  EXPECT_EQ(tokens, (total + cap - 1) / cap);
  EXPECT_EQ(split_tokens, tokens - 1);
  EXPECT_LE(max_pending, cap + kLookaheadAllowance);
}

// The same for a CJK run without punctuation and for a run of one punctuation/space kind.
TEST(TokenizerAdversarialTest, LongRunsOfOtherKindsAreCapped) {
  TokenizerOptions options;
  options.max_token_bytes = 4096;
  for (const std::string& unit : {std::string("社会事业"), std::string("　"), std::string(" "),
                                 std::string("\xff"), std::string("\x01"), std::string("——"),
                                 std::string("Ａ"), std::string("一二三")}) {
    std::string input;
    while (input.size() < Scaled(size_t{4} << 20)) input += unit;
    Tokenizer tokenizer(options);
    Token t;
    uint64_t covered = 0;
    size_t max_token = 0;
    for (size_t i = 0; i < input.size(); i += 65536) {
      ASSERT_TRUE(tokenizer.Feed(std::string_view(input).substr(i, 65536)).ok());
      while (tokenizer.Next(&t)) {
        ASSERT_EQ(t.begin, covered);
        covered = t.end;
        max_token = std::max<size_t>(max_token, t.end - t.begin);
      }
      ASSERT_LE(tokenizer.pending_bytes(), options.max_token_bytes + kLookaheadAllowance)
          << "unit " << unit;
    }
    tokenizer.Finish();
    while (tokenizer.Next(&t)) {
      ASSERT_EQ(t.begin, covered);
      covered = t.end;
      max_token = std::max<size_t>(max_token, t.end - t.begin);
    }
    EXPECT_EQ(covered, input.size()) << "unit " << unit;
    EXPECT_LE(max_token, options.max_token_bytes) << "unit " << unit;
  }
}

TEST(TokenizerAdversarialTest, EveryByteValueAlone) {
  Tokenizer tokenizer;
  for (int b = 0; b < 256; ++b) {
    const std::string input(1, static_cast<char>(b));
    auto tokens = tokenizer.Tokenize(input);
    ASSERT_EQ(tokens.size(), 1u) << "byte " << b;
    ExpectLosslessTokens(input, tokens);
    if (b >= 0x80) {
      EXPECT_EQ(tokens[0].kind, TokenKind::kInvalid) << "byte " << b;
    } else {
      EXPECT_NE(tokens[0].kind, TokenKind::kInvalid) << "byte " << b;
    }
  }
}

// All 65536 byte pairs, one-shot and fed one byte at a time: identical tokens, lossless, invalid
// bytes only in kInvalid tokens.
TEST(TokenizerAdversarialTest, EveryBytePairOneShotAndChunked) {
  Tokenizer tokenizer;
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string input{static_cast<char>(a), static_cast<char>(b)};
      auto whole = tokenizer.Tokenize(input);
      ExpectLosslessTokens(input, whole);
      auto bytewise = TokenizeChunked(input, 1);
      ASSERT_EQ(whole, bytewise) << "pair " << a << "," << b;
      // A byte >= 0x80 can be valid only as part of a two-byte sequence C2..DF 80..BF.
      bool valid_pair = a >= 0xC2 && a <= 0xDF && b >= 0x80 && b <= 0xBF;
      for (const auto& t : whole) {
        for (size_t i = 0; i < t.text.size(); ++i) {
          unsigned char c = static_cast<unsigned char>(t.text[i]);
          if (c >= 0x80 && !valid_pair) {
            ASSERT_EQ(t.kind, TokenKind::kInvalid) << "pair " << a << "," << b;
          }
        }
        if (t.kind == TokenKind::kInvalid) {
          for (char c : t.text) ASSERT_GE(static_cast<unsigned char>(c), 0x80);
        }
      }
    }
  }
}

// The 256 byte values in a row and shuffled into report text: lossless, chunk-independent.
TEST(TokenizerAdversarialTest, AllBytesInsideReportText) {
  std::string input = "(一)开展概况\n";
  for (int b = 0; b < 256; ++b) {
    input += static_cast<char>(b);
    if (b % 16 == 0) input += "全区现有中小学16所，增长10%。";
  }
  auto whole = TokenizeChunked(input, input.size());
  ExpectLosslessTokens(input, whole);
  for (size_t chunk : {1, 2, 3, 5, 64}) {
    EXPECT_EQ(TokenizeChunked(input, chunk), whole) << "chunk " << chunk;
  }
}

TEST(TokenizerAdversarialTest, NulBytesAreKeptAsTokens) {
  using namespace std::string_literals;
  const std::string input = "1\0\0" "2\0（一）\0万元\0"s;
  auto tokens = TokenizeChunked(input, 1);
  ExpectLosslessTokens(input, tokens);
  size_t nul_bytes = 0;
  for (const auto& t : tokens) {
    for (char c : t.text) {
      if (c == '\0') {
        ++nul_bytes;
        EXPECT_NE(t.kind, TokenKind::kInvalid) << "NUL is valid UTF-8";
      }
    }
  }
  EXPECT_EQ(nul_bytes, 5u);
  EXPECT_EQ(TokenizeChunked(input, input.size()), tokens);
}

// Invalid and truncated sequences next to valid multi-byte characters, cut at every pair of
// boundaries: the tokens never depend on where a chunk ended.
TEST(TokenizerAdversarialTest, InvalidUtf8AcrossEveryChunkBoundary) {
  const std::string input =
      "第一\xe4\xb8\xff一\xed\xa0\x80二\xc0\xaf三\xf4\x90\x80\x80四\xf0\x9f\x98" "5\xe2\x82" "6"
      "\xef\xbc\x91\xef\xbc\x85\x80\xbf\xe5\xb9";
  Tokenizer tokenizer;
  auto whole = tokenizer.Tokenize(input);
  ExpectLosslessTokens(input, whole);
  bool saw_invalid = false;
  for (const auto& t : whole) saw_invalid = saw_invalid || t.kind == TokenKind::kInvalid;
  EXPECT_TRUE(saw_invalid);
  for (size_t cut1 = 0; cut1 <= input.size(); ++cut1) {
    for (size_t cut2 = cut1; cut2 <= input.size(); ++cut2) {
      Tokenizer streamed;
      std::vector<OwnedToken> tokens;
      Token t;
      for (auto piece : {std::string_view(input).substr(0, cut1),
                         std::string_view(input).substr(cut1, cut2 - cut1),
                         std::string_view(input).substr(cut2)}) {
        ASSERT_TRUE(streamed.Feed(piece).ok());
        while (streamed.Next(&t)) {
          tokens.push_back({t.kind, t.flags, t.begin, t.end, t.cp_begin, t.cp_end, std::string(t.text),
                            std::string(t.norm)});
        }
      }
      streamed.Finish();
      while (streamed.Next(&t)) {
        tokens.push_back({t.kind, t.flags, t.begin, t.end, t.cp_begin, t.cp_end, std::string(t.text),
                          std::string(t.norm)});
      }
      ASSERT_EQ(tokens, whole) << "cuts at " << cut1 << " and " << cut2;
    }
  }
}

TEST(TokenizerAdversarialTest, EmptyInputAndEmptyFeeds) {
  Tokenizer tokenizer;
  EXPECT_TRUE(tokenizer.Tokenize("").empty());
  Tokenizer streamed;
  Token t;
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(streamed.Feed("").ok());
    EXPECT_FALSE(streamed.Next(&t));
  }
  EXPECT_EQ(streamed.pending_bytes(), 0u);
  streamed.Finish();
  EXPECT_FALSE(streamed.Next(&t));
  EXPECT_TRUE(streamed.done());
  EXPECT_FALSE(streamed.Feed("x").ok()) << "Feed after Finish is an error";
  streamed.Reset();
  ASSERT_TRUE(streamed.Feed("x").ok());
  streamed.Finish();
  ASSERT_TRUE(streamed.Next(&t));
  EXPECT_EQ(t.begin, 0u);
  EXPECT_EQ(t.text, "x");
}

// A truncated character at the very end of the stream is kept as an invalid token, not held back.
TEST(TokenizerAdversarialTest, TruncatedCharacterAtEndOfStreamIsFlushed) {
  for (std::string_view tail : {"\xe4", "\xe4\xb8", "\xf0\x9f\x98", "\xc3"}) {
    const std::string input = "工作总结" + std::string(tail);
    auto tokens = TokenizeChunked(input, 1);
    ExpectLosslessTokens(input, tokens);
    ASSERT_FALSE(tokens.empty());
    EXPECT_EQ(tokens.back().kind, TokenKind::kInvalid);
    EXPECT_EQ(tokens.back().text, tail);
  }
}

// 1e5 nested brackets of both widths, then their closers.
TEST(TokenizerAdversarialTest, DeeplyNestedBrackets) {
  const size_t depth = Scaled(100000);
  std::string input;
  for (size_t i = 0; i < depth; ++i) input += (i % 2 == 0) ? "（" : "(";
  input += "一";
  for (size_t i = 0; i < depth; ++i) input += (i % 2 == 0) ? ")" : "）";
  auto tokens = TokenizeChunked(input, 4093);
  ExpectLosslessTokens(input, tokens);
  Tokenizer tokenizer;
  EXPECT_EQ(tokenizer.Tokenize(input), tokens);
}

}  // namespace
}  // namespace wenshu
