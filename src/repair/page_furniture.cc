// boilerplate.page_furniture: running page headers and footers the site's page splitter left in the text.
//
// "…到社会事业局上半年工作总结第2页\n目前为止…": the footer repeats the title and is followed by the line
// break of the page. When the sentence was cut (no sentence-final punctuation before the footer), the
// footer and that line break are removed so the sentence joins again ("…到目前为止…"). Also
// "第1页共5页" lines, bare "第3页" lines, and "第2/145页" inside titles.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/rules.h"

namespace wenshu::repair_internal {
namespace {

re2::StringPiece View(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

const RE2& PageLine() {
  static const RE2 re(
      R"([ \t\x{3000}]*(第\s*\d+\s*页\s*[,，/／]?\s*共\s*\d+\s*页|共\s*\d+\s*页\s*[,，/／]?\s*第\s*\d+\s*页|第\s*\d+\s*页|-\s*\d+\s*-|—\s*\d+\s*—)[ \t\x{3000}\r]*)");
  return re;
}
const RE2& PageFraction() {
  static const RE2 re(R"([ \t\x{3000}]*第\s*\d+\s*/\s*\d+\s*页)");
  return re;
}
const RE2& PageNumberAtLineEnd() {
  static const RE2 re(R"((?m)(第\d{1,4}页)[ \t\x{3000}\r]*(\n|$))");
  return re;
}
const RE2& PageNumberInLine() {
  static const RE2 re(R"(第\s*\d+\s*(/\s*\d+\s*)?页)");
  return re;
}
const RE2& SentencePunctuation() {
  static const RE2 re(R"([，,。；;！!？?、])");
  return re;
}
const RE2& TitleLabel() {
  static const RE2 re(R"(^\s*(文章标题|文档标题|标题)\s*[:：]\s*)");
  return re;
}

// Byte length of the UTF-8 character ending at `end`.
size_t PreviousCharLength(std::string_view text, size_t end) {
  size_t b = end;
  while (b > 0 && end - b < 4) {
    --b;
    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) break;
  }
  return end - b;
}

bool IsHanChar(std::string_view text, size_t at, size_t* len) {
  unsigned char lead = static_cast<unsigned char>(text[at]);
  *len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (at + *len > text.size()) *len = text.size() - at;
  // U+3400..U+9FFF in UTF-8: lead bytes E3 (from U+3400) to E9.
  return *len == 3 && lead >= 0xE3 && lead <= 0xE9 && !(lead == 0xE3 && static_cast<unsigned char>(text[at + 1]) < 0x90);
}

// Title forms from the document's first lines: what a running header or footer repeats. Each line is
// kept as written and with its ideographs only (sites drop the digits and punctuation of the title).
std::vector<std::string> TitleForms(std::string_view text) {
  std::vector<std::string> titles;
  bool first_seen = false;
  size_t at = 0;
  for (int n = 0; n < 25 && at < text.size(); ++n) {
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, (nl == std::string_view::npos ? text.size() : nl) - at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    re2::StringPiece rest = View(line);
    if (RE2::Consume(&rest, TitleLabel())) line = std::string_view(rest.data(), rest.size());
    // A line carrying a page number is furniture itself, not the title it repeats.
    if (RE2::PartialMatch(View(line), PageNumberInLine())) continue;
    const bool first = titles.empty() && !first_seen;
    if (!line.empty()) first_seen = true;
    const bool title_like = line.size() >= 12 && line.size() <= 180 &&
                            !RE2::PartialMatch(View(line), SentencePunctuation());
    if (!title_like && !first) continue;
    if (title_like) titles.emplace_back(line);
    // The first line counts even with punctuation ("各位代表！"): a footer may repeat its ideographs.
    std::string han;
    for (size_t i = 0, len = 0; i < line.size() && han.size() < 120; i += len) {
      if (IsHanChar(line, i, &len)) han.append(line.substr(i, len));
    }
    if ((han.size() >= 12 || (first && han.size() >= 6)) && (titles.empty() || han != titles.back())) {
      titles.push_back(std::move(han));
    }
  }
  return titles;
}

// The longest run of text ending at `end` (at least four characters, within the line) that occurs in a
// title form: sites print the title, or a truncated piece of it, before the page number.
size_t MatchTitleBefore(std::string_view text, size_t end, const std::vector<std::string>& titles) {
  size_t best = 0, begin = end;
  for (int chars = 1; chars <= 60 && begin > 0; ++chars) {
    size_t len = PreviousCharLength(text, begin);
    if (text[begin - len] == '\n') break;
    begin -= len;
    std::string_view candidate = text.substr(begin, end - begin);
    bool found = false, whole = false;
    for (const std::string& title : titles) {
      found = found || title.find(candidate) != std::string::npos;
      whole = whole || title == candidate;
    }
    if (!found) break;
    // Four characters of a title, or a whole (short) first line such as "下载".
    if (chars >= 4 || (chars >= 2 && whole)) best = end - begin;
  }
  return best;
}

bool EndsSentence(std::string_view text, size_t end) {
  if (end == 0) return true;
  size_t len = PreviousCharLength(text, end);
  std::string_view c = text.substr(end - len, len);
  static constexpr std::string_view kFinal[] = {"。", "！", "？", "；", "：", "!", "?", ";", ":", "…",
                                                "”", "」", "』", "）", ")", "\n", "〞"};
  return std::find(std::begin(kFinal), std::end(kFinal), c) != std::end(kFinal);
}

struct Furniture {
  Span span;
  double confidence;
  std::string reason;
};

std::vector<Furniture> FindFurniture(std::string_view text) {
  std::vector<Furniture> found;
  re2::StringPiece all = View(text);
  // Whole "第1页共5页" / "第3页" / "- 3 -" lines.
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    if (RE2::FullMatch(View(text.substr(at, line_end - at)), PageLine())) {
      // The last line has no break of its own: take the one before it.
      size_t begin = (next == line_end && at > 0) ? at - 1 : at;
      found.push_back({{begin, next}, 0.95,
                       "A page-number line (\"第1页共5页\") from the site's page splitter."});
    }
    at = next;
  }
  // "第2/145页" inside a line (usually the title).
  {
    re2::StringPiece input = all;
    while (RE2::FindAndConsume(&input, PageFraction())) {
      size_t end = static_cast<size_t>(input.data() - all.data());
      size_t begin = text.rfind("第", end);
      while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
      found.push_back({{begin, end}, 0.85, "A page counter (\"第2/145页\") the site added to the line."});
    }
  }
  // Running headers and footers that repeat the title, ending in "第N页" and a line break.
  std::vector<std::string> titles = TitleForms(text);
  if (!titles.empty()) {
    re2::StringPiece input = all;
    re2::StringPiece page;
    while (RE2::FindAndConsume(&input, PageNumberAtLineEnd(), &page)) {
      size_t page_begin = static_cast<size_t>(page.data() - all.data());
      size_t after = page_begin + page.size();
      size_t title_bytes = MatchTitleBefore(text, page_begin, titles);
      if (title_bytes == 0) continue;
      size_t begin = page_begin - title_bytes;
      size_t end = after;
      while (end < text.size() && (text[end] == ' ' || text[end] == '\r')) ++end;
      bool at_line_start = begin == 0 || text[begin - 1] == '\n';
      bool has_break = end < text.size() && text[end] == '\n';
      std::string footer(text.substr(begin, after - begin));
      if (at_line_start) {
        if (has_break) ++end;
        found.push_back({{begin, end}, 0.95,
                         absl::StrCat("A running page header or footer (\"", footer,
                                      "\") repeating the title, from the site's page splitter.")});
      } else if (has_break && !EndsSentence(text, begin)) {
        found.push_back({{begin, end + 1}, 0.93,
                         absl::StrCat("A running page footer (\"", footer, "\") cut the sentence in two; "
                                      "removed it and its line break so the sentence joins again.")});
      } else {
        found.push_back({{begin, end}, 0.9,
                         absl::StrCat("A running page footer (\"", footer,
                                      "\") after the end of a sentence; removed it, kept the line break.")});
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Furniture& a, const Furniture& b) { return a.span.begin < b.span.begin; });
  return found;
}

}  // namespace

void DiagnosePageFurniture(RepairContext& context) {
  if (!FindFurniture(context.text()).empty()) context.mutable_diagnosis().page_furniture = true;
}

void RemovePageFurniture(RepairContext& context) {
  if (!context.diagnosis().page_furniture) return;
  for (Furniture& f : FindFurniture(context.text())) {
    RepairRecord r;
    r.rule = "boilerplate.page_furniture";
    r.span = f.span;
    r.before = std::string(context.text().substr(f.span.begin, f.span.size()));
    r.confidence = f.confidence;
    r.reason = std::move(f.reason);
    context.Propose(std::move(r));
  }
}

}  // namespace wenshu::repair_internal
