#include "repair/number_scan.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "text/breaks.h"
#include "text/char_class.h"
#include "text/units.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<DigitRun> NextDigitRun(std::string_view text, size_t from, size_t within) {
  const size_t n = text.size();
  const size_t last = within >= n ? n : std::min(n, from + within + 1);  // a run may begin before `last`
  size_t i = from;
  while (i < last && !IsAsciiDigit(text[i])) ++i;
  if (i >= last) return std::nullopt;
  const size_t b = i;
  while (i < n && IsAsciiDigit(text[i])) ++i;
  DigitRun run;
  run.begin = b;
  run.end = i;
  run.digits = text.substr(b, i - b);
  // The decimal point may be ASCII or fullwidth (．, EF BC 8E).
  run.after_decimal_point = (b >= 2 && text[b - 1] == '.' && IsAsciiDigit(text[b - 2])) ||
                            (b >= 4 && text.substr(b - 3, 3) == "．" && IsAsciiDigit(text[b - 4]));
  run.before_decimal_point = (i + 1 < n && text[i] == '.' && IsAsciiDigit(text[i + 1])) ||
                             (i + 3 < n && text.substr(i, 3) == "．" && IsAsciiDigit(text[i + 3]));
  return run;
}

std::vector<DigitRun> ScanDigitRuns(std::string_view text, text_internal::CancelPoll* cancel) {
  // Reserved to the exact count (a run starts at each digit after a non-digit): grown by doubling, the
  // vector's last reallocation copied and faulted in up to 200 MB at once between two polls (10 MiB of
  // "1.": 0.6 s, bench/cancel_latency), and held the old copy beside the new one at its peak.
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) count += IsAsciiDigit(text[i]) && (i == 0 || !IsAsciiDigit(text[i - 1]));
  std::vector<DigitRun> runs;
  runs.reserve(count);
  for (auto run = NextDigitRun(text, 0); run; run = NextDigitRun(text, run->end)) {
    if (cancel != nullptr && cancel->At(run->begin)) break;
    runs.push_back(*run);
  }
  return runs;
}

std::string_view TextBefore(std::string_view text, size_t offset, size_t count) {
  size_t at = std::min(offset, text.size());
  for (size_t k = 0; k < count && at > 0; ++k) at -= text::CharBefore(text, at).length;
  return text.substr(at, std::min(offset, text.size()) - at);
}

std::string_view TextAfter(std::string_view text, size_t offset, size_t count) {
  size_t at = std::min(offset, text.size());
  for (size_t k = 0; k < count && at < text.size(); ++k) at += text::CharAt(text, at).length;
  return text.substr(offset, at - offset);
}

std::optional<std::string_view> StartsWithAny(std::string_view text, size_t offset,
                                              const std::vector<std::string_view>& words) {
  if (offset > text.size()) return std::nullopt;
  std::string_view rest = text.substr(offset);
  for (std::string_view w : words) {
    // The word's last byte first: it rules out almost every word (a comparison of views is a call to memcmp).
    if (!w.empty() && w.size() <= rest.size() && rest[w.size() - 1] != w.back()) continue;
    if (rest.substr(0, w.size()) == w) return w;
  }
  return std::nullopt;
}

std::optional<std::string_view> EndsWithAny(std::string_view text, size_t offset,
                                            const std::vector<std::string_view>& words) {
  std::string_view head = text.substr(0, std::min(offset, text.size()));
  for (std::string_view w : words) {
    if (head.size() >= w.size() && (w.empty() || head.back() == w.back()) &&
        head.substr(head.size() - w.size()) == w) {
      return w;
    }
  }
  return std::nullopt;
}

std::string HanOnly(std::string_view s) {
  std::string han;
  for (size_t i = 0; i < s.size();) {
    text::Char c = text::CharAt(s, i);
    if (text::IsHan(c.value)) han.append(s.substr(i, c.length));
    i += c.length;
  }
  return han;
}

size_t ClauseStart(std::string_view text, size_t offset, size_t limit) {
  size_t at = std::min(offset, text.size());
  while (at > 0 && offset - at < limit) {
    text::Char cp = text::CharBefore(text, at);
    if (text::IsBreak(cp.value, text::kClauseBreaks)) break;
    at -= cp.length;
  }
  return at;
}

size_t ClauseEnd(std::string_view text, size_t offset, size_t limit) {
  size_t at = std::min(offset, text.size());
  while (at < text.size() && at - offset < limit) {
    text::Char cp = text::CharAt(text, at);
    if (text::IsBreak(cp.value, text::kClauseBreaks)) break;
    at += cp.length;
  }
  return at;
}

size_t LineStart(std::string_view text, size_t offset) {
  size_t p = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  if (offset == 0 || p == std::string_view::npos) return 0;
  return p + 1;
}

bool OnlyBeforeOnLine(std::string_view text, size_t offset, std::u32string_view allowed) {
  size_t at = std::min(offset, text.size());
  while (at > 0) {
    text::Char cp = text::CharBefore(text, at);
    if (cp.value == U'\n') return true;
    if (allowed.find(cp.value) == std::u32string_view::npos) return false;
    at -= cp.length;
  }
  return true;
}

bool OnlyAfterOnLine(std::string_view text, size_t offset, std::u32string_view allowed) {
  size_t at = std::min(offset, text.size());
  while (at < text.size()) {
    text::Char cp = text::CharAt(text, at);
    if (cp.value == U'\n') return true;
    if (allowed.find(cp.value) == std::u32string_view::npos) return false;
    at += cp.length;
  }
  return true;
}

std::optional<std::string_view> UnitAt(std::string_view text, size_t offset, text::UnitReader reader) {
  const text::UnitWord* unit = text::LongestUnitAt(text, offset, reader);
  if (unit == nullptr) return std::nullopt;
  return unit->written;
}

std::optional<double> ParseDecimal(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double value = 0;
  double scale = 0;
  bool any = false;
  for (char c : s) {
    if (c == '.') {
      if (scale != 0) return std::nullopt;
      scale = 1;
      continue;
    }
    if (!IsAsciiDigit(c)) return std::nullopt;
    any = true;
    if (scale == 0) {
      value = value * 10 + (c - '0');
    } else {
      scale /= 10;
      value += (c - '0') * scale;
    }
  }
  if (!any) return std::nullopt;
  return value;
}

bool CarriesQuantity(char32_t c) {
  // ○ writes zero in years ("一九八○年"); 萬 億 兩 幾 數 餘 are the traditional forms.
  static constexpr std::u32string_view kQuantity = U"〇○零一二三四五六七八九十百千万亿两几数多余上近超过逾每单按以兆萬億兩幾數餘";
  // Sorted at compile time and searched in halves: the scans ask this of almost every ideograph, and a
  // find compares with each of the characters.
  static constexpr auto kSorted = [] {
    std::array<char32_t, kQuantity.size()> sorted{};
    std::copy(kQuantity.begin(), kQuantity.end(), sorted.begin());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  }();
  return std::binary_search(kSorted.begin(), kSorted.end(), c);
}

}  // namespace wenshu::repair_internal
