#include "text/list_marker.h"

#include "text/char_class.h"
#include "text/utf8.h"

namespace wenshu::text {
namespace {

bool IsChineseDigit(char32_t c) {
  switch (c) {
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
    case U'〇':
    case U'零':
    case U'两':
      return true;
    default:
      return false;
  }
}

int AsciiDigit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

// A line's start a chapter ordinal, a bullet or a dash before a number opens (第三章 第二条 ● —1).
bool OpensChapterBulletOrDash(std::string_view text, size_t at) {
  const Char c = CharAt(text, at);
  switch (c.value) {
    case U'•': case U'·': case U'●': case U'■': case U'◆':
      return true;
    case U'-': case U'—': {
      size_t i = at + c.length;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      return i < text.size() && AsciiDigit(CharAt(text, i).value) >= 0;
    }
    case U'第': {
      size_t i = at + c.length;
      const size_t first = i;
      Char d = CharAt(text, i);
      while (i < text.size() && (IsChineseDigit(d.value) || AsciiDigit(d.value) >= 0)) {
        i += d.length;
        d = CharAt(text, i);
      }
      static constexpr std::u32string_view kAfterOrdinal = U"，,、章节部条页";
      return i > first && i < text.size() && kAfterOrdinal.find(d.value) != std::u32string_view::npos;
    }
    default:
      return c.value >= U'①' && c.value <= U'⒇';
  }
}


}  // namespace

int SmallChineseNumber(std::string_view numeral) {
  int total = 0;
  int digit = -1;
  bool any = false;
  size_t i = 0;
  while (i < numeral.size()) {
    const auto [c, n] = CharAt(numeral, i);
    i += n;
    int d = -1;
    switch (c) {
      case U'〇':
      case U'零':
        d = 0;
        break;
      case U'一':
        d = 1;
        break;
      case U'二':
      case U'两':
        d = 2;
        break;
      case U'三':
        d = 3;
        break;
      case U'四':
        d = 4;
        break;
      case U'五':
        d = 5;
        break;
      case U'六':
        d = 6;
        break;
      case U'七':
        d = 7;
        break;
      case U'八':
        d = 8;
        break;
      case U'九':
        d = 9;
        break;
      case U'十':
        if (total != 0) return -1;
        total = (digit < 0 ? 1 : digit) * 10;
        digit = -1;
        any = true;
        continue;
      default:
        return -1;
    }
    if (digit >= 0) return -1;  // two digits in a row: not a small numeral
    digit = d;
    any = true;
  }
  if (!any) return -1;
  return total + (digit < 0 ? 0 : digit);
}

std::optional<ListMarker> MatchListMarker(std::string_view text, size_t pos, int next_dot) {
  char32_t c;
  size_t n;
  // Reads the character at `at` into c and n.
  auto read = [&](size_t at) {
    const text::Char ch = CharAt(text, at);
    c = ch.value;
    n = ch.length;
  };
  size_t i = pos;
  read(i);
  // ⑴…⒇ and ①…⑳.
  if (c >= U'\u2474' && c <= U'\u2487')
    return ListMarker{ListMarkerForm::kParenNumeral, static_cast<int>(c - 0x2474) + 1, n};
  if (c >= U'\u2460' && c <= U'\u2473')
    return ListMarker{ListMarkerForm::kCircled, static_cast<int>(c - 0x2460) + 1, n};

  if (c == U'(' || c == U'（') {
    i += n;
    size_t start = i;
    int value = 0;
    int digits = 0;
    bool chinese = false;
    while (i < text.size()) {
      read(i);
      int d = AsciiDigit(c);
      if (d >= 0 && !chinese && digits < 3) {
        value = value * 10 + d;
        ++digits;
      } else if (IsChineseDigit(c) && digits == 0 && i - start < 12) {
        chinese = true;
      } else {
        break;
      }
      i += n;
    }
    if (i == start || i >= text.size()) return std::nullopt;
    read(i);
    if (c != U')' && c != U'）') return std::nullopt;
    if (chinese) {
      int v = SmallChineseNumber(text.substr(start, i - start));
      if (v <= 0) return std::nullopt;
      return ListMarker{ListMarkerForm::kChineseParen, v, i + n - pos};
    }
    if (value <= 0) return std::nullopt;
    return ListMarker{ListMarkerForm::kArabicParen, value, i + n - pos};
  }

  bool di = false;
  if (c == U'第') {
    di = true;
    i += n;
    read(i);
  }
  if (IsChineseDigit(c)) {
    size_t start = i;
    while (i < text.size() && i - start < 12) {
      read(i);
      if (!IsChineseDigit(c)) break;
      i += n;
    }
    if (i >= text.size()) return std::nullopt;
    int v = SmallChineseNumber(text.substr(start, i - start));
    if (v <= 0) return std::nullopt;
    read(i);
    if (c == U'、')
      return ListMarker{di ? ListMarkerForm::kOrdinalDi : ListMarkerForm::kChineseComma, v, i + n - pos};
    if (di && (c == U'，' || c == U',' || c == U'：' || c == U':')) {
      return ListMarker{ListMarkerForm::kOrdinalDi, v, i + n - pos};
    }
    return std::nullopt;
  }
  if (di) return std::nullopt;

  if (AsciiDigit(c) >= 0) {
    size_t start = i;
    int64_t value = 0;
    int digits = 0;
    while (i < text.size()) {
      read(i);
      int d = AsciiDigit(c);
      if (d < 0) break;
      if (++digits > 6) return std::nullopt;  // not a list marker
      value = value * 10 + d;
      i += n;
    }
    if (i >= text.size() || value <= 0) return std::nullopt;
    (void)start;
    read(i);
    if (c == U'、') return ListMarker{ListMarkerForm::kArabicComma, static_cast<int>(value), i + n - pos};
    if (c == U'.' || c == U'．') {
      // "1.5万" is a number, "1.加强" a marker.
      size_t after = i + n;
      if (after >= text.size()) return std::nullopt;
      const char32_t next = CharAt(text, after).value;
      if (next == U'\n') return std::nullopt;
      if (AsciiDigit(next) >= 0 && value != next_dot) return std::nullopt;
      return ListMarker{ListMarkerForm::kArabicDot, static_cast<int>(value), after - pos};
    }
  }
  return std::nullopt;
}

bool OpensParallelItem(std::string_view text, size_t at) {
  const Char c = CharAt(text, at);
  return IsChineseDigit(c.value) && c.value != U'〇' && c.value != U'零' && c.value != U'两' &&
         text.substr(at + c.length, 3) == "是";
}

bool OpensBlock(std::string_view text, size_t at) {
  if (at >= text.size()) return true;
  return IsInlineBlank(CharAt(text, at).value) || MatchListMarker(text, at).has_value() ||
         OpensChapterBulletOrDash(text, at) || OpensParallelItem(text, at);
}

}  // namespace wenshu::text
