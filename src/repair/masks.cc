// mask.place, mask.name, mask.placeholder: text a site (or a template) hid on purpose. The original cannot
// be known, so these rules only flag; they never guess.
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/rules.h"

namespace wenshu::repair_internal {
namespace {

re2::StringPiece View(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

// The Han character right before `at`, or "".
std::string_view HanBefore(std::string_view text, size_t at) {
  if (at < 3) return {};
  std::string_view c = text.substr(at - 3, 3);
  unsigned char lead = static_cast<unsigned char>(c[0]);
  return lead >= 0xE4 && lead <= 0xE9 ? c : std::string_view();
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Calls fn(begin, end) for every match of `re` in text; group 1, when the pattern has one, is the span.
template <typename Fn>
void ForEachMatch(std::string_view text, const RE2& re, Fn fn) {
  re2::StringPiece all = View(text);
  re2::StringPiece input = all;
  re2::StringPiece m;
  while (!input.empty() && RE2::PartialMatch(input, re, &m)) {
    size_t begin = static_cast<size_t>(m.data() - all.data());
    size_t end = begin + m.size();
    fn(begin, end);
    size_t consumed = static_cast<size_t>(m.data() + m.size() - input.data());
    if (consumed == 0) consumed = 1;
    input.remove_prefix(consumed);
  }
}

// Spans of one rule's flags, in text order (flags are kept sorted), to test positions against in
// O(log n): a document with a million masks must not rescan every flag per match.
class FlaggedSpans {
 public:
  FlaggedSpans(const RepairContext& context, std::string_view rule) {
    for (const RepairFlag& f : context.flags()) {
      if (f.rule == rule) spans_.push_back(f.span);
    }
  }
  void Add(Span span) {
    if (spans_.empty() || spans_.back().begin <= span.begin) {
      spans_.push_back(span);
    } else {
      spans_.insert(std::upper_bound(spans_.begin(), spans_.end(), span, ByBegin), span);
    }
  }
  bool Overlaps(Span span) const {
    // Flags of one rule never overlap, so only the last span starting before `span` ends can reach it.
    auto it = std::lower_bound(spans_.begin(), spans_.end(), Span{span.end, span.end}, ByBegin);
    return it != spans_.begin() && std::prev(it)->end > span.begin;
  }
  bool Contains(size_t at) const { return Overlaps({at, at + 1}); }

 private:
  static bool ByBegin(Span a, Span b) { return a.begin < b.begin; }
  std::vector<Span> spans_;
};

// Whether the text holds any of `needles`: every mask pattern needs one of a few characters (X, *, _,
// ×, their full-width forms), which most reports never write, so the patterns run only where they can.
bool HoldsAny(std::string_view text, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    if (text.find(n) != std::string_view::npos) return true;
  }
  return false;
}

void AddFlag(RepairContext& context, std::string_view rule, size_t begin, size_t end, std::string reason) {
  RepairFlag f;
  f.rule = std::string(rule);
  f.span = {begin, end};
  f.text = std::string(context.text().substr(begin, end - begin));
  f.reason = std::move(reason);
  context.Flag(std::move(f));
}

const RE2& CountyDistrictMask() {
  static const RE2 re(R"(((?:XX|ＸＸ|××)县区))");
  return re;
}
const RE2& PlaceMask() {
  static const RE2 re(
      R"(((?:XX|ＸＸ|××|X|Ｘ|[*＊]{1,3})(?:省|自治区|市|县|区|镇|乡|村|街道|社区|州|盟|旗)))");
  return re;
}
const RE2& StarOrLineMask() {
  static const RE2 re(R"(([*＊]{2,}|_{3,}|＿{2,}))");
  return re;
}
const RE2& SingleStarInWord() {
  static const RE2 re(R"(\p{Han}([*＊])\p{Han})");
  return re;
}
const RE2& YearPlaceholder() {
  static const RE2 re(
      R"(((?:19|20)(?:[0-9][xXｘＸ]|[xXｘＸ]{2})(?:\s*[/\-.]\s*[0-9xXｘＸ]{1,2}\s*[/\-.]\s*[0-9xXｘＸ]{1,2}|年(?:[xXｘＸ]{1,2}月(?:[xXｘＸ]{1,2}日)?)?)?))");
  return re;
}
const RE2& CountPlaceholder() {
  static const RE2 re(
      R"(((?:[xXｘＸ]{1,2}|×{1,2})(?:余|多)?(?:周年|条|个|人|项|家|次|万|亿|元|名|所|户|件|期|届|天|月|日|年|批|场|篇|位|座|公里|平方米|亩)))");
  return re;
}

}  // namespace

void FlagMaskedPlaces(RepairContext& context) {
  std::string_view text = context.text();
  if (!HoldsAny(text, {"X", "Ｘ", "×", "*", "＊"})) return;
  FlaggedSpans places(context, "mask.place");
  ForEachMatch(text, CountyDistrictMask(), [&](size_t begin, size_t end) {
    std::string_view before = HanBefore(text, begin);
    places.Add({begin, end});
    AddFlag(context, "mask.place", begin, end,
                  absl::StrCat("\"", std::string(before), std::string(text.substr(begin, end - begin)),
                               "\": \"XX县区\" is a site mask produced by a 县/区 substitution: one character "
                               "plus 县 or 区 was replaced (高新区 → 高XX县区, 文明城区 → 文明XX县区), even "
                               "where it was no place name. The original cannot be known."));
  });
  ForEachMatch(text, PlaceMask(), [&](size_t begin, size_t end) {
    if (places.Contains(begin)) return;
    // A lone X is a mask only outside Latin words and numbers.
    if (begin > 0 && (IsAsciiAlnum(text[begin - 1]) || text[begin - 1] == '*')) return;
    AddFlag(context, "mask.place", begin, end,
            absl::StrCat("\"", std::string(text.substr(begin, end - begin)),
                         "\" is a masked place name (the site or template hid it). The original cannot be "
                         "known."));
  });
}

void FlagMaskedNames(RepairContext& context) {
  std::string_view text = context.text();
  if (!HoldsAny(text, {"*", "＊", "_", "＿"})) return;
  const FlaggedSpans places(context, "mask.place");
  ForEachMatch(text, StarOrLineMask(), [&](size_t begin, size_t end) {
    if (places.Contains(begin)) return;
    const std::string m(text.substr(begin, end - begin));
    bool two_stars = m == "**" || m == "＊＊";
    AddFlag(context, "mask.name", begin, end,
            absl::StrCat("\"", m, "\" hides ",
                         two_stars ? "a name or a word (sites mask 党 as \"**\")"
                                   : "a person's name (or a blank to fill in)",
                         ". The original cannot be known."));
  });
  ForEachMatch(text, SingleStarInWord(), [&](size_t begin, size_t end) {
    AddFlag(context, "mask.name", begin, end,
            "A single \"*\" inside a word hides one character (sites turn 学习 into 学*). The original "
            "cannot be known.");
  });
}

void FlagPlaceholders(RepairContext& context) {
  std::string_view text = context.text();
  if (!HoldsAny(text, {"x", "X", "ｘ", "Ｘ", "×"})) return;
  FlaggedSpans placeholders(context, "mask.placeholder");
  auto flag = [&](size_t begin, size_t end) {
    if (begin > 0 && IsAsciiAlnum(text[begin - 1])) return;
    if (end < text.size() && IsAsciiAlnum(text[end])) return;
    placeholders.Add({begin, end});
    AddFlag(context, "mask.placeholder", begin, end,
            absl::StrCat("\"", std::string(text.substr(begin, end - begin)),
                         "\" is a template placeholder, not a value. The original cannot be known."));
  };
  ForEachMatch(text, YearPlaceholder(), flag);
  ForEachMatch(text, CountPlaceholder(), [&](size_t begin, size_t end) {
    // "3×4个" is arithmetic, and "2023年" would not match; the placeholder stands alone.
    if (begin > 0 && (IsAsciiAlnum(text[begin - 1]) || text[begin - 1] == '.')) return;
    if (placeholders.Overlaps({begin, end})) return;
    flag(begin, end);
  });
}

}  // namespace wenshu::repair_internal
