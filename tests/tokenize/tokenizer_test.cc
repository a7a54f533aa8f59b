// The streaming tokenizer: kinds, losslessness, chunk independence, bounded carry, offsets, reuse.
#include "wenshu/tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/test_data.h"

namespace wenshu {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// Tokenizes `text` fed in chunks of `chunk` bytes (0 = one piece), draining after every Feed.
std::vector<OwnedToken> TokenizeChunked(Tokenizer& tokenizer, std::string_view text, size_t chunk) {
  tokenizer.Reset();
  std::vector<OwnedToken> out;
  Token t;
  auto drain = [&] {
    while (tokenizer.Next(&t)) {
      out.push_back({t.kind, t.flags, t.begin, t.end, t.cp_begin, t.cp_end, std::string(t.text),
                     std::string(t.norm)});
    }
  };
  if (chunk == 0) chunk = std::max<size_t>(text.size(), 1);
  for (size_t i = 0; i < text.size(); i += chunk) {
    EXPECT_TRUE(tokenizer.Feed(text.substr(i, chunk)).ok());
    drain();
  }
  tokenizer.Finish();
  drain();
  EXPECT_TRUE(tokenizer.done());
  return out;
}

// Tokenizes `text` split into two chunks at byte `at`.
std::vector<OwnedToken> TokenizeSplitAt(Tokenizer& tokenizer, std::string_view text, size_t at) {
  tokenizer.Reset();
  std::vector<OwnedToken> out;
  Token t;
  EXPECT_TRUE(tokenizer.Feed(text.substr(0, at)).ok());
  while (tokenizer.Next(&t)) out.push_back({t.kind, t.flags, t.begin, t.end, t.cp_begin, t.cp_end,
                                             std::string(t.text), std::string(t.norm)});
  EXPECT_TRUE(tokenizer.Feed(text.substr(at)).ok());
  tokenizer.Finish();
  while (tokenizer.Next(&t)) out.push_back({t.kind, t.flags, t.begin, t.end, t.cp_begin, t.cp_end,
                                             std::string(t.text), std::string(t.norm)});
  return out;
}

std::vector<std::pair<std::string, std::string>> KindsAndTexts(std::string_view text) {
  Tokenizer tokenizer;
  std::vector<std::pair<std::string, std::string>> out;
  for (const OwnedToken& t : tokenizer.Tokenize(text)) {
    out.emplace_back(std::string(TokenKindName(t.kind)), t.text);
  }
  return out;
}

// Every byte in exactly one token, in order; code-point spans contiguous and counting one per
// character (one per invalid byte).
void ExpectLossless(std::string_view text, const std::vector<OwnedToken>& tokens) {
  uint64_t offset = 0, cp = 0;
  std::string joined;
  for (const OwnedToken& t : tokens) {
    ASSERT_EQ(t.begin, offset);
    ASSERT_LT(t.begin, t.end);
    ASSERT_EQ(t.cp_begin, cp);
    ASSERT_EQ(t.text, text.substr(t.begin, t.end - t.begin));
    ASSERT_FALSE(t.norm.empty());
    uint64_t chars = 0;
    if (t.kind == TokenKind::kInvalid) {
      chars = t.text.size();
    } else {
      for (unsigned char c : t.text) chars += (c & 0xC0) != 0x80;
    }
    ASSERT_EQ(t.cp_end - t.cp_begin, chars) << t.text;
    offset = t.end;
    cp = t.cp_end;
    joined += t.text;
  }
  EXPECT_EQ(offset, text.size());
  EXPECT_EQ(joined, text);
}

std::string Fixture() { return wenshu::testing::ReadFixture("tokenize/damaged_report.txt"); }

TEST(TokenKindName, AllKinds) {
  std::vector<std::string> names;
  for (int k = 0; k < kTokenKindCount; ++k) names.emplace_back(TokenKindName(static_cast<TokenKind>(k)));
  EXPECT_THAT(names, ElementsAre("word", "number", "cjk_numeral", "unit", "percent", "list_marker",
                                 "punct", "latin", "space", "newline", "invalid", "other"));
}

TEST(Tokenizer, EmptyInput) {
  Tokenizer tokenizer;
  EXPECT_TRUE(tokenizer.Tokenize("").empty());
  EXPECT_TRUE(tokenizer.done());
  Token t;
  EXPECT_FALSE(tokenizer.Next(&t));
}

TEST(Tokenizer, WordsFromTheDictionary) {
  EXPECT_THAT(KindsAndTexts("社会事业工作总结"),
              ElementsAre(Pair("word", "社会"), Pair("word", "事业"), Pair("word", "工作"),
                          Pair("word", "总结")));
  Tokenizer tokenizer;
  auto tokens = tokenizer.Tokenize("工作总结");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_TRUE(tokens[0].flags & kTokenInDictionary);
}

TEST(Tokenizer, DatesKeepDigitsWhole) {
  EXPECT_THAT(KindsAndTexts("2023年4月7日"),
              ElementsAre(Pair("number", "2023"), Pair("word", "年"), Pair("number", "4"),
                          Pair("word", "月"), Pair("number", "7"), Pair("word", "日")));
}

TEST(Tokenizer, NumbersDecimalsAndThousands) {
  EXPECT_THAT(KindsAndTexts("增长6.5%"),
              ElementsAre(Pair("word", "增长"), Pair("number", "6.5"), Pair("percent", "%")));
  EXPECT_THAT(KindsAndTexts("收入3,456万元"),
              ElementsAre(Pair("word", "收入"), Pair("number", "3,456"), Pair("unit", "万元")));
  // Not a thousands group: two digits after the comma, or a fourth digit.
  EXPECT_THAT(KindsAndTexts("1,23"), ElementsAre(Pair("number", "1"), Pair("punct", ","),
                                                 Pair("number", "23")));
  EXPECT_THAT(KindsAndTexts("1,2345"), ElementsAre(Pair("number", "1"), Pair("punct", ","),
                                                   Pair("number", "2345")));
  EXPECT_THAT(KindsAndTexts("x1.2.3"), ElementsAre(Pair("latin", "x1"), Pair("punct", "."),
                                                   Pair("number", "2.3")));
}

TEST(Tokenizer, FullWidthDigitsFoldInNorm) {
  Tokenizer tokenizer;
  auto tokens = tokenizer.Tokenize("总值１２３．４５亿元，增长１２％");
  ASSERT_GE(tokens.size(), 7u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].text, "１２３．４５");
  EXPECT_EQ(tokens[1].norm, "123.45");
  EXPECT_TRUE(tokens[1].flags & kTokenNormalized);
  EXPECT_EQ(tokens[2].kind, TokenKind::kUnit);
  EXPECT_EQ(tokens[2].text, "亿元");
  EXPECT_EQ(tokens[3].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[3].norm, ",");
  EXPECT_EQ(tokens[5].norm, "12");
  EXPECT_EQ(tokens[6].kind, TokenKind::kPercent);
  EXPECT_EQ(tokens[6].norm, "%");
}

TEST(Tokenizer, UnitsAfterNumbersAndNumerals) {
  EXPECT_THAT(KindsAndTexts("学校16所,学生26341人,老年人2.16万人"),
              ElementsAre(Pair("word", "学校"), Pair("number", "16"), Pair("unit", "所"),
                          Pair("punct", ","), Pair("word", "学生"), Pair("number", "26341"),
                          Pair("unit", "人"), Pair("punct", ","), Pair("word", "老年人"),
                          Pair("number", "2.16"), Pair("unit", "万人")));
  EXPECT_THAT(KindsAndTexts("公路120.5公里"),
              ElementsAre(Pair("word", "公路"), Pair("number", "120.5"), Pair("unit", "公里")));
  EXPECT_THAT(KindsAndTexts("面积8平方米"),
              ElementsAre(Pair("word", "面积"), Pair("number", "8"), Pair("unit", "平方米")));
  EXPECT_THAT(KindsAndTexts("接待50人次"),
              ElementsAre(Pair("word", "接待"), Pair("number", "50"), Pair("unit", "人次")));
  // A numeral word splits into numeral + unit; 一起 (together) does not.
  EXPECT_THAT(KindsAndTexts("新建一个"),
              ElementsAre(Pair("word", "新建"), Pair("cjk_numeral", "一"), Pair("unit", "个")));
  EXPECT_THAT(KindsAndTexts("一起"), ElementsAre(Pair("word", "一起")));
  // Not a unit where no number precedes it.
  EXPECT_THAT(KindsAndTexts("人民"), ElementsAre(Pair("word", "人民")));
}

TEST(Tokenizer, CjkNumerals) {
  EXPECT_THAT(KindsAndTexts("学位两千四百个"),
              ElementsAre(Pair("word", "学位"), Pair("cjk_numeral", "两千四百"), Pair("unit", "个")));
  EXPECT_THAT(KindsAndTexts("三所"), ElementsAre(Pair("cjk_numeral", "三"), Pair("unit", "所")));
  // ○ (U+25CB) written for 〇 in years is part of the numeral; alone it is a bullet.
  // A year written digit by digit is one word with its 年; without 年 it is a numeral.
  EXPECT_THAT(KindsAndTexts("二○○一年"), ElementsAre(Pair("word", "二○○一年")));
  EXPECT_THAT(KindsAndTexts("二〇二三年春"), ElementsAre(Pair("word", "二〇二三年"), Pair("word", "春")));
  EXPECT_THAT(KindsAndTexts("一九五八年"), ElementsAre(Pair("word", "一九五八年")));
  EXPECT_THAT(KindsAndTexts("编号二〇二三"), ElementsAre(Pair("word", "编号"), Pair("cjk_numeral", "二〇二三")));
  EXPECT_THAT(KindsAndTexts("○项目"), ElementsAre(Pair("other", "○"), Pair("word", "项目")));
}

TEST(Tokenizer, PercentSigns) {
  EXPECT_THAT(KindsAndTexts("4.2‰"), ElementsAre(Pair("number", "4.2"), Pair("percent", "‰")));
  EXPECT_THAT(KindsAndTexts("5％"), ElementsAre(Pair("number", "5"), Pair("percent", "％")));
}

TEST(Tokenizer, ListMarkersAtLineStart) {
  EXPECT_THAT(KindsAndTexts("一、主要工作\n(一)经济\n（二）社会\n1、民生\n2.基础\n⑴项目\n① 新开工"),
              ElementsAre(Pair("list_marker", "一、"), Pair("word", "主要"), Pair("word", "工作"),
                          Pair("newline", "\n"), Pair("list_marker", "(一)"), Pair("word", "经济"),
                          Pair("newline", "\n"), Pair("list_marker", "（二）"), Pair("word", "社会"),
                          Pair("newline", "\n"), Pair("list_marker", "1、"), Pair("word", "民生"),
                          Pair("newline", "\n"), Pair("list_marker", "2."), Pair("word", "基础"),
                          Pair("newline", "\n"), Pair("list_marker", "⑴"), Pair("word", "项目"),
                          Pair("newline", "\n"), Pair("list_marker", "①"), Pair("space", " "),
                          Pair("word", "新开工")));
}

TEST(Tokenizer, ListMarkersNeedTheirContext) {
  // 1. followed by a digit is a decimal; 2、 in mid-sentence is not a marker.
  EXPECT_THAT(KindsAndTexts("1.5亿"), ElementsAre(Pair("number", "1.5"), Pair("cjk_numeral", "亿")));
  EXPECT_THAT(KindsAndTexts("增加2、3个"),
              ElementsAre(Pair("word", "增加"), Pair("number", "2"), Pair("punct", "、"),
                          Pair("number", "3"), Pair("unit", "个")));
  // 第一 / 一是 at the start of a clause.
  EXPECT_THAT(KindsAndTexts("措施:第一,加快;一是加强"),
              ElementsAre(Pair("word", "措施"), Pair("punct", ":"), Pair("list_marker", "第一"),
                          Pair("punct", ","), Pair("word", "加快"), Pair("punct", ";"),
                          Pair("list_marker", "一是"), Pair("word", "加强")));
  // ... but 第一产业 is an ordinary word.
  auto tokens = KindsAndTexts("第一产业");
  for (const auto& [kind, text] : tokens) EXPECT_NE(kind, "list_marker") << text;
  // Indented lines still start a line.
  EXPECT_THAT(KindsAndTexts("　　二、问题"),
              ElementsAre(Pair("space", "　　"), Pair("list_marker", "二、"), Pair("word", "问题")));
}

TEST(Tokenizer, LatinSpacesNewlines) {
  Tokenizer tokenizer;
  auto tokens = tokenizer.Tokenize("GDP和5G\r\nＡＢＣ　x\r");
  std::vector<std::pair<std::string, std::string>> got;
  for (auto& t : tokens) got.emplace_back(std::string(TokenKindName(t.kind)), t.norm);
  EXPECT_THAT(got, ElementsAre(Pair("latin", "GDP"), Pair("word", "和"), Pair("number", "5"),
                               Pair("latin", "G"), Pair("newline", "\n"), Pair("latin", "ABC"),
                               Pair("space", " "), Pair("latin", "x"), Pair("newline", "\n")));
  EXPECT_EQ(tokens[4].text, "\r\n");
}

TEST(Tokenizer, QuotesNormalize) {
  Tokenizer tokenizer;
  auto tokens = tokenizer.Tokenize("“稳增长〞");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens.back().kind, TokenKind::kPunct);
  EXPECT_EQ(tokens.back().text, "〞");
  EXPECT_EQ(tokens.back().norm, "”");
}

TEST(Tokenizer, InvalidBytesAreKept) {
  std::string text = "困难\xff\xfe部分\x80";
  EXPECT_THAT(KindsAndTexts(text),
              ElementsAre(Pair("word", "困难"), Pair("invalid", "\xff\xfe"), Pair("word", "部分"),
                          Pair("invalid", "\x80")));
  // A truncated character at the end of the stream is invalid, not dropped.
  EXPECT_THAT(KindsAndTexts("年\xe5\xb9"), ElementsAre(Pair("word", "年"), Pair("invalid", "\xe5\xb9")));
  // Surrogates and overlong forms are invalid.
  EXPECT_THAT(KindsAndTexts("\xed\xa0\x80"), ElementsAre(Pair("invalid", "\xed\xa0\x80")));
  EXPECT_THAT(KindsAndTexts("\xc0\xaf"), ElementsAre(Pair("invalid", "\xc0\xaf")));
}

TEST(Tokenizer, CharacterSplitAcrossChunks) {
  Tokenizer tokenizer;
  Token t;
  // 中 = E4 B8 AD fed one byte at a time.
  ASSERT_TRUE(tokenizer.Feed("\xe4").ok());
  EXPECT_FALSE(tokenizer.Next(&t));
  ASSERT_TRUE(tokenizer.Feed("\xb8").ok());
  EXPECT_FALSE(tokenizer.Next(&t));
  ASSERT_TRUE(tokenizer.Feed("\xad").ok());
  EXPECT_FALSE(tokenizer.Next(&t));  // the word may continue
  tokenizer.Finish();
  ASSERT_TRUE(tokenizer.Next(&t));
  EXPECT_EQ(t.kind, TokenKind::kWord);
  EXPECT_EQ(t.text, "中");
  EXPECT_FALSE(tokenizer.Next(&t));
  EXPECT_TRUE(tokenizer.done());

  // A sequence that turns out invalid in the next chunk.
  tokenizer.Reset();
  ASSERT_TRUE(tokenizer.Feed("a\xe4\xb8").ok());
  ASSERT_TRUE(tokenizer.Feed("b").ok());
  tokenizer.Finish();
  std::vector<std::pair<std::string, std::string>> got;
  while (tokenizer.Next(&t)) got.emplace_back(std::string(TokenKindName(t.kind)), std::string(t.text));
  EXPECT_THAT(got, ElementsAre(Pair("latin", "a"), Pair("invalid", "\xe4\xb8"), Pair("latin", "b")));
}

TEST(Tokenizer, NulAndControlBytes) {
  std::string text("a\0b\x01", 4);
  EXPECT_THAT(KindsAndTexts(text), ElementsAre(Pair("latin", "a"), Pair("other", std::string("\0", 1)),
                                               Pair("latin", "b"), Pair("other", "\x01")));
}

TEST(Tokenizer, CodePointOffsets) {
  Tokenizer tokenizer;
  auto tokens = tokenizer.Tokenize("a中国\xff" "b");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].text, "中国");
  EXPECT_EQ(tokens[1].begin, 1u);
  EXPECT_EQ(tokens[1].end, 7u);
  EXPECT_EQ(tokens[1].cp_begin, 1u);
  EXPECT_EQ(tokens[1].cp_end, 3u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kInvalid);
  EXPECT_EQ(tokens[2].cp_begin, 3u);
  EXPECT_EQ(tokens[2].cp_end, 4u);
  EXPECT_EQ(tokens[3].cp_begin, 4u);
}

TEST(Tokenizer, FixtureIsLossless) {
  std::string text = Fixture();
  ASSERT_FALSE(text.empty());
  Tokenizer tokenizer;
  auto tokens = tokenizer.Tokenize(text);
  ExpectLossless(text, tokens);
  // The damage in the fixture is kept as invalid tokens.
  int invalid = 0, markers = 0;
  for (const auto& t : tokens) {
    invalid += t.kind == TokenKind::kInvalid;
    markers += t.kind == TokenKind::kListMarker;
  }
  EXPECT_EQ(invalid, 4);
  EXPECT_GE(markers, 14);
}

TEST(Tokenizer, FixtureChunkIndependentAtEveryByte) {
  std::string text = Fixture();
  ASSERT_FALSE(text.empty());
  Tokenizer tokenizer;
  const auto expected = tokenizer.Tokenize(text);
  for (size_t at = 0; at <= text.size(); ++at) {
    ASSERT_EQ(TokenizeSplitAt(tokenizer, text, at), expected) << "split at byte " << at;
  }
  for (size_t chunk : {1, 2, 3, 5, 4096}) {
    ASSERT_EQ(TokenizeChunked(tokenizer, text, chunk), expected) << "chunk size " << chunk;
  }
}

// A stress test (quadratic by design: the whole seed once per split point, ~100 s): it runs only with
// WENSHU_STRESS=1, which the ctest entry tokenize.stress_seed_every_byte (label `stress`) sets; the
// default test preset leaves that label out and tools/bootstrap.sh test runs it after the rest.
TEST(Tokenizer, SeedChunkIndependentAtEveryByte) {
  const char* stress = std::getenv("WENSHU_STRESS");
  if (stress == nullptr || std::string_view(stress) != "1") {
    GTEST_SKIP() << "a stress test: set WENSHU_STRESS=1 (ctest -L stress)";
  }
  auto path = wenshu::testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: the seed document is not available";
  auto text = wenshu::testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  Tokenizer tokenizer;
  const auto expected = tokenizer.Tokenize(*text);
  ExpectLossless(*text, expected);
  for (size_t at = 0; at <= text->size(); ++at) {
    ASSERT_EQ(TokenizeSplitAt(tokenizer, *text, at), expected) << "split at byte " << at;
  }
  for (size_t chunk : {1, 2, 3, 5, 4096}) {
    ASSERT_EQ(TokenizeChunked(tokenizer, *text, chunk), expected) << "chunk size " << chunk;
  }
}

TEST(Tokenizer, CorpusChunkIndependentAndLossless) {
  auto documents = wenshu::testing::CleanCorpusDocuments();
  if (documents.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: no corpus";
  Tokenizer tokenizer;
  size_t checked = 0;
  for (size_t d = 0; d < documents.size(); d += 7) {
    const std::string& text = documents[d].text;
    const auto expected = tokenizer.Tokenize(text);
    ExpectLossless(text, expected);
    for (size_t chunk : {1, 3, 4096}) {
      ASSERT_EQ(TokenizeChunked(tokenizer, text, chunk), expected)
          << documents[d].name << " chunk size " << chunk;
    }
    ++checked;
  }
  EXPECT_GT(checked, 5u);
}

TEST(Tokenizer, SmallCapIsChunkIndependent) {
  // With the smallest cap, long runs are cut often; the cuts must not depend on the chunking.
  std::string text = Fixture() + std::string(300, '7') + "社会事业工作认真贯彻落实党工委管委会工作部署和战略决策"
                                                         "紧紧围绕二次创业奋斗目标开拓创新扎实工作全面完成";
  TokenizerOptions options;
  options.max_token_bytes = TokenizerOptions::kMinTokenBytes;
  Tokenizer tokenizer(options);
  const auto expected = tokenizer.Tokenize(text);
  ExpectLossless(text, expected);
  bool any_split = false;
  for (const auto& t : expected) {
    EXPECT_LE(t.end - t.begin, options.max_token_bytes);
    any_split |= (t.flags & kTokenSplit) != 0;
  }
  EXPECT_TRUE(any_split);
  for (size_t at = 0; at <= text.size(); at += 1) {
    ASSERT_EQ(TokenizeSplitAt(tokenizer, text, at), expected) << "split at byte " << at;
  }
  for (size_t chunk : {1, 2, 3, 5, 64}) {
    ASSERT_EQ(TokenizeChunked(tokenizer, text, chunk), expected) << "chunk size " << chunk;
  }
}

TEST(Tokenizer, RandomTextsAreChunkIndependentAndLossless) {
  // Fragments chosen to hit every decision with lookahead: markers, decimals, thousands, units,
  // numerals, CR LF, truncated and invalid sequences, the cap.
  const std::vector<std::string> fragments = {
      "一", "二", "十", "、", "(", "（", "）", ")", "1", "２", ".", "．", ",", "第", "是", "\n", "\r",
      "\xff", "\xe4\xb8", "\xf0\x9f", "年", "个", "人", "万", "%", "‰", "○", "〇", "社会", "工作总结",
      "a", "Z", " ", "　", "。", "，", "：", "①", "⑴", "九", "五", "八", "元", "平方米", std::string("\0", 1),
      "345", "〞", "𠀀"};
  std::mt19937 rng(20261129);
  for (size_t cap : {size_t{64}, size_t{65536}}) {
    TokenizerOptions options;
    options.max_token_bytes = cap;
    Tokenizer tokenizer(options);
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const int pieces = static_cast<int>(rng() % 80);
      for (int k = 0; k < pieces; ++k) text += fragments[rng() % fragments.size()];
      const auto expected = tokenizer.Tokenize(text);
      ExpectLossless(text, expected);
      for (const auto& t : expected) ASSERT_LE(t.end - t.begin, cap);
      const size_t chunk = 1 + rng() % 7;
      ASSERT_EQ(TokenizeChunked(tokenizer, text, chunk), expected) << "round " << round;
      const size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
      ASSERT_EQ(TokenizeSplitAt(tokenizer, text, at), expected) << "round " << round << " at " << at;
    }
  }
}

TEST(Tokenizer, HugeDigitRunKeepsCarryBounded) {
  constexpr size_t kTotal = 10 * 1024 * 1024;
  const std::string chunk(64 * 1024, '9');
  Tokenizer tokenizer;
  const size_t cap = tokenizer.options().max_token_bytes;
  Token t;
  uint64_t covered = 0;
  size_t tokens = 0, max_pending = 0;
  auto drain = [&] {
    while (tokenizer.Next(&t)) {
      ASSERT_EQ(t.kind, TokenKind::kNumber);
      ASSERT_EQ(t.begin, covered);
      ASSERT_LE(t.end - t.begin, cap);
      covered = t.end;
      ++tokens;
      ASSERT_EQ(t.has_flag(kTokenSplit), t.end < kTotal) << "token ending at " << t.end;
    }
  };
  for (size_t fed = 0; fed < kTotal; fed += chunk.size()) {
    ASSERT_TRUE(tokenizer.Feed(chunk).ok());
    drain();
    max_pending = std::max(max_pending, tokenizer.pending_bytes());
  }
  tokenizer.Finish();
  drain();
  EXPECT_EQ(covered, kTotal);
  EXPECT_EQ(tokens, kTotal / cap);
  EXPECT_LE(max_pending, cap + 16);
}

TEST(Tokenizer, HugeCjkRunIsCutAtTheCap) {
  std::string text;
  while (text.size() < 1024 * 1024) text += "社会事业工作认真贯彻落实";
  TokenizerOptions options;
  options.max_token_bytes = 4096;
  Tokenizer tokenizer(options);
  Token t;
  size_t max_pending = 0, splits = 0;
  uint64_t covered = 0;
  for (size_t i = 0; i < text.size(); i += 1000) {
    ASSERT_TRUE(tokenizer.Feed(std::string_view(text).substr(i, 1000)).ok());
    while (tokenizer.Next(&t)) {
      ASSERT_EQ(t.begin, covered);
      covered = t.end;
      splits += t.has_flag(kTokenSplit);
    }
    max_pending = std::max(max_pending, tokenizer.pending_bytes());
  }
  tokenizer.Finish();
  while (tokenizer.Next(&t)) covered = t.end;
  EXPECT_EQ(covered, text.size());
  EXPECT_LE(max_pending, options.max_token_bytes + 16);
  EXPECT_EQ(splits, text.size() / 4095);  // cuts at the last character boundary below the cap
}

TEST(Tokenizer, ResetReusesAndRestartsOffsets) {
  std::string text = Fixture();
  Tokenizer tokenizer;
  auto first = tokenizer.Tokenize(text);
  auto second = TokenizeChunked(tokenizer, text, 7);
  EXPECT_EQ(first, second);
  Tokenizer fresh;
  EXPECT_EQ(fresh.Tokenize(text), first);
}

TEST(Tokenizer, FeedAfterFinishIsAnError) {
  Tokenizer tokenizer;
  ASSERT_TRUE(tokenizer.Feed("abc").ok());
  tokenizer.Finish();
  absl::Status status = tokenizer.Feed("def");
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  tokenizer.Reset();
  EXPECT_TRUE(tokenizer.Feed("def").ok());
}

TEST(Tokenizer, TokensAreFinalBeforeFinish) {
  // Tokens come out as soon as later input proves them final, not only at Finish().
  Tokenizer tokenizer;
  Token t;
  ASSERT_TRUE(tokenizer.Feed("全区现有中小学16所,其").ok());
  std::vector<std::string> texts;
  while (tokenizer.Next(&t)) texts.emplace_back(t.text);
  EXPECT_THAT(texts, ElementsAre("全区", "现有", "中小学", "16", "所", ","));
  EXPECT_EQ(tokenizer.pending_bytes(), 3u);
}

TEST(Tokenizer, MoveKeepsState) {
  Tokenizer a;
  ASSERT_TRUE(a.Feed("工作总结").ok());
  Tokenizer b = std::move(a);
  b.Finish();
  Token t;
  ASSERT_TRUE(b.Next(&t));
  EXPECT_EQ(t.text, "工作");
}

}  // namespace
}  // namespace wenshu
