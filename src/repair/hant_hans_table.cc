// The Traditional-Simplified tables of hant_hans_table.h: initializers written at build time by
// tools/hant_hans_table (hant_hans_table.cmake).
#include "repair/hant_hans_table.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// 56 KB of read-only data, shared between processes; a document touches only the pages of its characters.
constexpr char16_t kChars[] = {
#include "repair/hant_hans_chars.inc"
};
static_assert(std::size(kChars) == kHantHansEnd - kHantHansFirst);

// ~1,000 rules of a word, 21 bytes each.
constexpr HantHansRule kRules[] = {
#include "repair/hant_hans_rules.inc"
};

// The characters a word rule starts with, one bit each over the range (3.5 KB, computed by the compiler): the
// rules are searched only where one can start.
constexpr size_t kRange = kHantHansEnd - kHantHansFirst;
constexpr std::array<uint64_t, (kRange + 63) / 64> kRuleStarts = [] {
  std::array<uint64_t, (kRange + 63) / 64> bits{};
  for (const HantHansRule& r : kRules) {
    const size_t i = r.from[0] - kHantHansFirst;
    bits[i / 64] |= uint64_t{1} << (i % 64);
  }
  return bits;
}();

bool StartsRule(char32_t cp) {
  const size_t i = cp - kHantHansFirst;
  return (kRuleStarts[i / 64] >> (i % 64) & 1) != 0;
}

// The first rule, in ICU's order, whose characters follow at chars[at] (which starts one); null when none.
const HantHansRule* MatchingRule(const std::u32string& chars, size_t at) {
  const char32_t c = chars[at];
  const HantHansRule* r = std::lower_bound(std::begin(kRules), std::end(kRules), c,
                                           [](const HantHansRule& rule, char32_t key) { return rule.from[0] < key; });
  for (; r != std::end(kRules) && r->from[0] == c; ++r) {
    if (chars.size() - at < r->length) continue;
    if (std::equal(r->from, r->from + r->length, chars.begin() + static_cast<std::ptrdiff_t>(at))) return r;
  }
  return nullptr;
}

}  // namespace

char32_t HantHansCharTable(char32_t cp) {
  if (cp < kHantHansFirst || cp >= kHantHansEnd) return cp;
  const char16_t to = kChars[cp - kHantHansFirst];
  return to != 0 ? to : cp;
}

const HantHansRule* HantHansRulesBegin() { return std::begin(kRules); }
const HantHansRule* HantHansRulesEnd() { return std::end(kRules); }

void SimplifyTraditional(std::u32string& chars) {
  for (size_t i = 0; i < chars.size();) {
    const char32_t c = chars[i];
    if (c < kHantHansFirst || c >= kHantHansEnd) {
      ++i;
      continue;
    }
    // A rule's characters are converted as one, and the next rule is looked for after them, as ICU does.
    if (StartsRule(c)) {
      if (const HantHansRule* r = MatchingRule(chars, i)) {
        std::copy(r->to, r->to + r->length, chars.begin() + static_cast<std::ptrdiff_t>(i));
        i += r->length;
        continue;
      }
    }
    chars[i] = HantHansCharTable(c);
    ++i;
  }
}

std::u32string SimplifiedCodePoints(std::string_view utf8) {
  std::u32string chars;
  chars.reserve(utf8.size() / 3 + 1);  // mostly three-byte characters
  for (size_t i = 0; i < utf8.size();) {
    const text::Decoded d = text::DecodeUtf8At(utf8, i);
    chars.push_back(d.len > 0 ? d.cp : U'\uFFFD');
    i += d.len > 0 ? static_cast<size_t>(d.len) : text::IllFormedLength(utf8, i);
  }
  SimplifyTraditional(chars);
  return chars;
}

}  // namespace wenshu::repair_internal
