// The Traditional-Simplified table compiled at build time (src/repair/hant_hans_table.h) converts as ICU's
// transform does now: every code point alone, every rule of ICU's rule text where it stands alone and beside
// other rules, and random text made of the rules' characters. A table written by another ICU, or a generator
// or a matcher that drifts, fails here.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "repair/hant_hans_table.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

class HantHansTable : public testing::Test {
 protected:
  void SetUp() override {
    UErrorCode status = U_ZERO_ERROR;
    icu_.reset(icu::Transliterator::createInstance(kHantHansTransformId, UTRANS_FORWARD, status));
    ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  }

  static std::u32string CodePoints(const icu::UnicodeString& u) {
    std::u32string out;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(u.char32At(i)));
    return out;
  }

  std::u32string Icu(const std::u32string& s) const {
    icu::UnicodeString u;
    for (char32_t c : s) u.append(static_cast<UChar32>(c));
    icu_->transliterate(u);
    return CodePoints(u);
  }

  static std::u32string Table(std::u32string s) {
    SimplifyTraditional(s);
    return s;
  }

  // The source of every rule of ICU's rule text ("X > Y;" a line), in ICU's order.
  std::vector<std::u32string> IcuRuleSources() const {
    icu::UnicodeString rules;
    icu_->toRules(rules, false);
    const std::u32string text = CodePoints(rules);
    std::vector<std::u32string> sources;
    for (size_t at = 0; at < text.size();) {
      size_t nl = text.find(U'\n', at);
      if (nl == std::u32string::npos) nl = text.size();
      const std::u32string line = text.substr(at, nl - at);
      at = nl + 1;
      const size_t arrow = line.find(U" > ");
      if (arrow != std::u32string::npos) sources.push_back(line.substr(0, arrow));
    }
    return sources;
  }

  static std::string Utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) text::AppendUtf8(c, &out);
    return out;
  }

  std::unique_ptr<icu::Transliterator> icu_;
};

TEST_F(HantHansTable, EveryCodePointAloneConvertsAsIcu) {
  size_t changed = 0, differing = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::u32string one(1, cp);
    const std::u32string expected = Icu(one);
    changed += expected != one;
    if (Table(one) != expected && ++differing <= 10) {
      ADD_FAILURE() << "U+" << std::hex << static_cast<uint32_t>(cp) << ": table " << Utf8(Table(one)) << ", ICU "
                    << Utf8(expected);
    }
  }
  EXPECT_EQ(differing, 0u);
  EXPECT_GT(changed, 2500u);  // ICU 72: 2,855 characters change alone
}

TEST_F(HantHansTable, EveryIcuRuleConvertsAsIcuAloneAndBesideOthers) {
  const std::vector<std::u32string> sources = IcuRuleSources();
  size_t words = 0;
  for (const std::u32string& s : sources) words += s.size() > 1;
  ASSERT_GT(sources.size(), 3000u);
  EXPECT_EQ(words, static_cast<size_t>(HantHansRulesEnd() - HantHansRulesBegin()));
  size_t differing = 0;
  auto check = [&](const std::u32string& s) {
    if (Table(s) != Icu(s) && ++differing <= 10) {
      ADD_FAILURE() << Utf8(s) << ": table " << Utf8(Table(s)) << ", ICU " << Utf8(Icu(s));
    }
  };
  for (size_t i = 0; i < sources.size(); ++i) {
    const std::u32string& s = sources[i];
    check(s);
    check(U"的" + s + U"。");
    check(s.substr(0, s.size() - 1));                      // a rule cut short at the end of the text
    check(s + sources[(i + 1) % sources.size()]);          // rules that overlap or follow each other
    check(s.substr(1) + sources[(i + 7) % sources.size()]);
    check(sources[(i + 13) % sources.size()] + s.substr(0, (s.size() + 1) / 2) + s);
  }
  EXPECT_EQ(differing, 0u);
}

TEST_F(HantHansTable, RandomTextOfTheRulesCharactersConvertsAsIcu) {
  // The alphabet: every character of ICU's rule sources, and characters no rule holds (ASCII, a line break, a
  // replacement character, a simplified character, a supplementary ideograph).
  std::u32string alphabet = U"a1 \n\uFFFD的\U00020000";
  for (const std::u32string& s : IcuRuleSources()) alphabet += s;
  std::mt19937 random(17);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), length(1, 24);
  size_t differing = 0;
  for (int n = 0; n < 20000; ++n) {
    std::u32string s;
    // A run of the alphabet from a random place keeps a rule's characters together often enough to match it.
    for (size_t k = length(random); k > 0; --k) {
      const size_t from = pick(random);
      s += alphabet.substr(from, std::min<size_t>(1 + random() % 4, alphabet.size() - from));
    }
    if (Table(s) != Icu(s) && ++differing <= 10) {
      ADD_FAILURE() << Utf8(s) << ": table " << Utf8(Table(s)) << ", ICU " << Utf8(Icu(s));
    }
  }
  EXPECT_EQ(differing, 0u);
}

TEST_F(HantHansTable, Utf8WithIllFormedBytesReadsAndConvertsAsIcu) {
  // Pieces of every kind: rule characters, ASCII, and ill-formed bytes (a stray continuation byte, a truncated
  // three-byte character, a lead that leads nothing, a surrogate's bytes), so that ICU's U+FFFD for a maximal
  // subpart is matched.
  std::vector<std::string> pieces = {"a", "\n", "\x80", "\xE8\xA8", "\xFF", "\xED\xA0\x80", "\xF0\x9F", "\xC2"};
  for (const std::u32string& s : IcuRuleSources()) pieces.push_back(Utf8(s));
  std::mt19937 random(18);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t k = 1 + random() % 12; k > 0; --k) s += pieces[random() % pieces.size()];
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu_->transliterate(u);
    ASSERT_EQ(SimplifiedCodePoints(s), CodePoints(u)) << text::EscapeInvalidUtf8(s);
  }
}

TEST_F(HantHansTable, KnownConversions) {
  EXPECT_EQ(Table(U"工作報告"), U"工作报告");
  EXPECT_EQ(Table(U"畫"), U"画");
  EXPECT_EQ(Table(U"計畫"), U"计划");  // a word rule: 畫 alone is 画
  EXPECT_EQ(Table(U"甚麼"), U"什么");
  EXPECT_EQ(Table(U"乾坤"), U"乾坤");  // a word rule keeps what the character alone would change
  EXPECT_EQ(Table(U"「"), U"“");
  EXPECT_EQ(HantHansCharTable(U'國'), U'国');
  EXPECT_EQ(HantHansCharTable(U'国'), U'国');
  EXPECT_EQ(HantHansCharTable(U'a'), U'a');
}

}  // namespace
}  // namespace wenshu::repair_internal
