// wenshu-hant-hans-table CHARS.inc RULES.inc: writes ICU's Traditional-Simplified transform as the tables
// src/repair/hant_hans_table.cc compiles into the library's read-only data (hant_hans_table.h). Run at build
// time. CHARS.inc: the simplified form of every code point of [kHantHansFirst, kHantHansEnd) converted alone,
// 0 where it stays. RULES.inc: the transform's rules of more than one character, in ICU's order, grouped by
// first character (a stable sort keeps ICU's order within a group).
//
// It fails, and the build with it, unless the transform is what SimplifyTraditional assumes: one set of rules
// without a filter or context, each "X > Y;" with X and Y of the same number of BMP characters (at most
// kHantHansMaxRuleLength) and X inside the range, every code point outside the range staying, every code point
// converting to one, and every rule converting its own X to its Y.
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "repair/hant_hans_table.h"

namespace {

using wenshu::repair_internal::kHantHansEnd;
using wenshu::repair_internal::kHantHansFirst;
using wenshu::repair_internal::kHantHansMaxRuleLength;
using wenshu::repair_internal::kHantHansTransformId;

struct Rule {
  std::u32string from, to;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "wenshu-hant-hans-table: %s\n", message.c_str());
  return 1;
}

std::u32string CodePoints(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(s.char32At(i)));
  return out;
}

std::string Hex(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

// "X > Y;" with X and Y made of characters that are no rule syntax (no ASCII, no blank); false otherwise.
bool ParseRule(const std::u32string& line, Rule* rule) {
  const size_t arrow = line.find(U" > ");
  if (arrow == std::u32string::npos || line.empty() || line.back() != U';') return false;
  rule->from = line.substr(0, arrow);
  rule->to = line.substr(arrow + 3, line.size() - arrow - 4);
  auto plain = [](const std::u32string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char32_t c) { return c > 0x7F && c != 0x3000; });
  };
  return plain(rule->from) && plain(rule->to);
}

bool WriteFile(const char* path, const std::string& text) {
  std::FILE* out = std::fopen(path, "w");
  if (out == nullptr) {
    std::perror(path);
    return false;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  if (std::fclose(out) != 0 || !ok) {
    std::perror(path);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: wenshu-hant-hans-table CHARS.inc RULES.inc\n");
    return 2;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(kHantHansTransformId, UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return Fail(std::string("ICU has no transform ") + kHantHansTransformId + ": " + u_errorName(status));
  if (t->getFilter() != nullptr || t->countElements() != 0 || t->getMaximumContextLength() != 0) {
    return Fail("the transform has a filter, parts or context: not a plain set of rules");
  }
  auto convert = [&](const std::u32string& s) {
    icu::UnicodeString u;
    for (char32_t c : s) u.append(static_cast<UChar32>(c));
    t->transliterate(u);
    return CodePoints(u);
  };

  // Every code point alone.
  std::vector<char16_t> chars(kHantHansEnd - kHantHansFirst, 0);
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::u32string out = convert(std::u32string(1, cp));
    if (out.size() != 1) return Fail(Hex(cp) + " converts to " + std::to_string(out.size()) + " code points");
    if (out[0] == cp) continue;
    if (cp < kHantHansFirst || cp >= kHantHansEnd) return Fail(Hex(cp) + " changes outside the table's range");
    if (out[0] > 0xFFFF) return Fail(Hex(cp) + " converts to a supplementary character");
    chars[cp - kHantHansFirst] = static_cast<char16_t>(out[0]);
  }

  // The rules of more than one character.
  icu::UnicodeString source;
  t->toRules(source, false);
  const std::u32string text = CodePoints(source);
  std::vector<Rule> words;
  size_t single = 0;
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find(U'\n', at);
    if (nl == std::u32string::npos) nl = text.size();
    const std::u32string line = text.substr(at, nl - at);
    at = nl + 1;
    if (line.empty()) continue;
    Rule rule;
    if (!ParseRule(line, &rule)) return Fail("a rule that is not \"X > Y;\": " + std::to_string(words.size() + single));
    if (rule.from.size() != rule.to.size()) return Fail("a rule that changes the length at " + Hex(rule.from[0]));
    if (rule.from.size() > kHantHansMaxRuleLength) return Fail("a rule longer than the table's at " + Hex(rule.from[0]));
    for (char32_t c : rule.from + rule.to) {
      if (c > 0xFFFF) return Fail("a rule with a supplementary character at " + Hex(rule.from[0]));
    }
    for (char32_t c : rule.from) {
      if (c < kHantHansFirst || c >= kHantHansEnd) return Fail("a rule from outside the range at " + Hex(c));
    }
    if (convert(rule.from) != rule.to) return Fail("a rule ICU does not apply alone at " + Hex(rule.from[0]));
    if (rule.from.size() == 1) {
      ++single;
    } else {
      words.push_back(std::move(rule));
    }
  }
  if (words.empty() || single == 0) return Fail("no rules read: ICU's rule text has another form");
  std::stable_sort(words.begin(), words.end(), [](const Rule& a, const Rule& b) { return a.from[0] < b.from[0]; });

  char line[160];
  std::string chars_inc, rules_inc;
  std::snprintf(line, sizeof line, "// Generated by wenshu-hant-hans-table with ICU %s (%s): U+%04X..U+%04X, 16 a line.\n",
                U_ICU_VERSION, kHantHansTransformId, static_cast<unsigned>(kHantHansFirst),
                static_cast<unsigned>(kHantHansEnd - 1));
  chars_inc += line;
  for (size_t i = 0; i < chars.size(); ++i) {
    std::snprintf(line, sizeof line, "0x%04X,%c", static_cast<unsigned>(chars[i]), i % 16 == 15 ? '\n' : ' ');
    chars_inc += line;
  }
  std::snprintf(line, sizeof line, "// Generated by wenshu-hant-hans-table with ICU %s (%s): %zu rules of one character, %zu of more.\n",
                U_ICU_VERSION, kHantHansTransformId, single, words.size());
  rules_inc += line;
  for (const Rule& r : words) {
    auto units = [&](const std::u32string& s) {
      std::string out = "{";
      for (size_t i = 0; i < kHantHansMaxRuleLength; ++i) {
        std::snprintf(line, sizeof line, "%s0x%04X", i ? ", " : "", static_cast<unsigned>(i < s.size() ? s[i] : 0));
        out += line;
      }
      return out + "}";
    };
    rules_inc += "{" + units(r.from) + ", " + units(r.to) + ", " + std::to_string(r.from.size()) + "},\n";
  }
  return WriteFile(argv[1], chars_inc) && WriteFile(argv[2], rules_inc) ? 0 : 1;
}
