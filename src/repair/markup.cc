// text.markup: markdown an AI writer left in a report copied as plain text: heading markers (`#### 引言`)
// and bold pairs around an item's head (`1. **文化传承与创新**:…`). The markers go, the words stay. The
// writer's own words go too: its preface line (`以下是针对…的中文回答。`) and its paragraph labels before
// headings (`第一段:…`, `第二段:…`).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "re2/re2.h"
#include "repair/re2_view.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/breaks.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// Markdown's heading levels are 1-6 hashes.
constexpr size_t kMaxHeadingHashes = 6;
// A document shows markdown with two marked spots: one bold pair or heading may be anything (a mask `**`
// pair, a forum jammer's `# S1`), two of the forms below are a writer's markup. The clean corpora and the
// four earlier real sets hold no line opening `#` before an ideograph and no `**…**` pair of these forms.
constexpr int kMinMarkedSpots = 2;
// A bold head is a short phrase: the real set's heads run 4-9 characters (quotes included).
constexpr size_t kMaxBoldCharacters = 30;
// Masks are 1-2 ideographs between two `**` masks (`**市**区`, `**县委**`): a bold head says more.
constexpr int kMinBoldIdeographs = 3;
constexpr double kMarkupConfidence = 0.95;
// A heading after a generator's paragraph label: the real set's run 9-10 characters; 30 leaves room and
// stays below a sentence of report prose.
constexpr size_t kMaxHeadingCharacters = 30;

struct Marker {
  size_t begin;
  size_t size;
};

bool IsColon(char32_t c) { return c == U':' || c == U'：'; }

// The end of a list item's marker at `begin` of a line (`1. `, `2、`, `- `), or `begin` when there is none.
size_t SkipListMarker(std::string_view line, size_t begin) {
  size_t i = begin;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  if (i > begin && i < line.size() && (line[i] == '.' || line[i] == ')')) {
    ++i;
  } else if (i > begin && line.substr(i, 3) == "、") {
    i += 3;
  } else if (i == begin && i < line.size() && (line[i] == '-' || line[i] == '*') && i + 1 < line.size() &&
             line[i + 1] == ' ') {
    ++i;
  } else {
    return begin;
  }
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

// `#` to `######` and a space opening a line whose heading starts with an ideograph or an opening bracket
// (`#### 引言`, `##### (一)…`); a jammer's `# S1 X0` opens with a letter.
void FindHeadingMarker(std::string_view line, size_t line_begin, std::vector<Marker>& markers) {
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > kMaxHeadingHashes) return;
  size_t i = hashes;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i == hashes || i >= line.size()) return;
  const text::Decoded d = text::DecodeUtf8At(line, i);
  if (d.len <= 0) return;
  const bool opens_heading = text::IsIdeograph(d.cp) || d.cp == U'(' || d.cp == U'（' || d.cp == U'【' ||
                             d.cp == U'《' || d.cp == U'“';
  if (!opens_heading) return;
  markers.push_back({line_begin, i});
}

// A line holding only `#` to `######` (and blanks): a heading marker whose heading is gone, an empty line of the
// page's markup. The clean corpora hold no line of hashes alone (their lines of marks alone are Wikisource's
// link pieces, 。 、 】 》); issue 14's sixth real set shows two on one page, between a bundle's pieces.
bool IsEmptyHeading(std::string_view line) {
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > kMaxHeadingHashes) return false;
  return line.find_first_not_of(" \t", hashes) == std::string_view::npos;
}

// `**head**` pairs: at the line's start (after a list marker) or closed before a colon or the line's end,
// holding a short phrase with no clause punctuation.
void FindBoldPairs(std::string_view line, size_t line_begin, std::vector<Marker>& markers) {
  const size_t item_start = SkipListMarker(line, 0);
  size_t from = 0;
  while (true) {
    const size_t open = line.find("**", from);
    if (open == std::string_view::npos) return;
    const size_t inner = open + 2;
    const size_t close = line.find("**", inner);
    if (close == std::string_view::npos) return;
    from = close + 2;
    if (close == inner || line[inner] == '*' || line[inner] == ' ' || line[close - 1] == ' ') continue;
    if (close + 2 < line.size() && line[close + 2] == '*') continue;
    size_t characters = 0;
    int ideographs = 0;
    bool punctuated = false;
    for (size_t i = inner; i < close;) {
      const text::Decoded d = text::DecodeUtf8At(line, i);
      if (d.len <= 0) {
        punctuated = true;
        break;
      }
      ++characters;
      if (text::IsIdeograph(d.cp)) ++ideographs;
      if (text::IsPhrasePunctuation(d.cp)) punctuated = true;
      i += static_cast<size_t>(d.len);
    }
    if (punctuated || characters > kMaxBoldCharacters || ideographs < kMinBoldIdeographs) continue;
    bool closes_head = close + 2 == line.size();
    if (!closes_head) {
      const text::Decoded next = text::DecodeUtf8At(line, close + 2);
      closes_head = next.len > 0 && IsColon(next.cp);
    }
    if (open != item_start && !closes_head) continue;
    markers.push_back({line_begin + open, 2});
    markers.push_back({line_begin + close, 2});
  }
}

// A generator's preface: the sentence ending a line that says what follows is its answer (…而制定的。以下是针对
// …的中文回答。), at the line's start or after a sentence end; its offset in the line, or npos. The clean
// corpora and the five real sets hold no sentence of this form but that one.
// Whether the line ends as kPreface's match must: 回答 or 回复, then at most one of 。.:： and blanks (RE2's
// \s: tab, line feed, form feed, carriage return, space).
bool EndsAsAnswer(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\n' || line.back() == '\f' ||
                           line.back() == '\r')) {
    line.remove_suffix(1);
  }
  auto ends_with_answer = [](std::string_view s) { return s.ends_with("回答") || s.ends_with("回复"); };
  if (ends_with_answer(line)) return true;
  for (const std::string_view mark : {"。", ".", ":", "："}) {
    if (line.ends_with(mark)) return ends_with_answer(line.substr(0, line.size() - mark.size()));
  }
  return false;
}

size_t GeneratorPreface(std::string_view line) {
  // The common line fails these tests before the pattern is compiled (~9 M instructions, once per process)
  // or run: its end first, then a search for 以下是 (which stops at almost every character: its first byte
  // leads many common ideographs).
  if (!EndsAsAnswer(line) || line.find("以下是") == std::string_view::npos) return std::string_view::npos;
  static const RE2 kPreface(R"((?:^|[。！？!?])\s*(以下是[^。！？!?]{2,80}?的(?:中文)?(?:回答|回复)[。.:：]?)\s*$)");
  re2::StringPiece preface;
  if (!RE2::PartialMatch(View(line), kPreface, &preface)) return std::string_view::npos;
  return static_cast<size_t>(preface.data() - line.data());
}

// The length of a generator's paragraph label opening a line before a heading (第一段:校园…的重要性), or 0.
// What follows must read as a heading, a short phrase without clause punctuation: a report may number the
// sections of a road or a text the same way and write a sentence after the label (第1段：全长…，…。).
size_t ParagraphLabel(std::string_view line) {
  if (!line.starts_with("第")) return 0;  // before the pattern is compiled
  static const RE2 kLabel(R"(^(第[一二三四五六七八九十\d]{1,3}段[:：])\S)");
  re2::StringPiece label;
  if (!RE2::PartialMatch(View(line), kLabel, &label)) return 0;
  size_t characters = 0;
  for (size_t i = label.size(); i < line.size();) {
    const text::Decoded d = text::DecodeUtf8At(line, i);
    if (text::IsPhrasePunctuation(d.cp) || ++characters > kMaxHeadingCharacters) return 0;
    i += d.len > 0 ? static_cast<size_t>(d.len) : 1;
  }
  return label.size();
}

}  // namespace

void RemoveMarkdownMarkup(RepairContext& context) {
  const std::string_view text = context.text();
  std::vector<Marker> headings;
  std::vector<Marker> bold;
  std::vector<Marker> prefaces;
  std::vector<Marker> labels;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsEmptyHeading(line)) {
      headings.push_back({begin, std::min(end + 1, text.size()) - begin});
    } else {
      FindHeadingMarker(line, begin, headings);
    }
    FindBoldPairs(line, begin, bold);
    // A whole line goes with its break; a sentence after the paragraph's text leaves the break.
    if (const size_t at = GeneratorPreface(line); at == 0) {
      prefaces.push_back({begin, std::min(end + 1, text.size()) - begin});
    } else if (at != std::string_view::npos) {
      prefaces.push_back({begin + at, line.size() - at});
    }
    if (const size_t label = ParagraphLabel(line)) labels.push_back({begin, label});
    begin = end + 1;
  }
  auto propose = [&](const Marker& marker, std::string_view reason) {
    RepairRecord record;
    record.rule = repair_rule::kTextMarkup;
    record.span = {marker.begin, marker.begin + marker.size};
    record.before = std::string(text.substr(marker.begin, marker.size));
    record.confidence = kMarkupConfidence;
    record.reason = std::string(reason);
    context.Propose(std::move(record));
  };
  for (const Marker& m : prefaces) {
    propose(m, "A text generator's preface saying that what follows is its answer; not the report's.");
  }
  // Labels: two in a document, numbering its paragraphs (one `第一段:` may be a quoted instruction).
  if (labels.size() >= static_cast<size_t>(kMinMarkedSpots)) {
    for (const Marker& m : labels) propose(m, "A text generator's paragraph label before a heading.");
  }
  const int spots = static_cast<int>(headings.size() + bold.size() / 2);
  if (spots < kMinMarkedSpots) return;
  for (const Marker& m : headings) propose(m, "A markdown heading marker; the heading's words stay.");
  for (const Marker& m : bold) propose(m, "A markdown bold marker around an item's head; the words stay.");
}

}  // namespace wenshu::repair_internal
