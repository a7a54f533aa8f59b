// boilerplate.page_furniture: running page headers and footers the site's page splitter left in the text.
//
// "…到社会事业局上半年工作总结第2页\n目前为止…": the footer repeats the title and is followed by the line
// break of the page. When the sentence was cut (no sentence-final punctuation before the footer), the
// footer and that line break are removed so the sentence joins again ("…到目前为止…"). Also
// "第1页共5页" lines, bare "第3页" lines, and "第2/145页" inside titles.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/number_scan.h"
#include "repair/re2_view.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/breaks.h"
#include "text/char_class.h"
#include "text/list_marker.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// Confidences, the rule's estimates per form. Measured two ways, December 2026. The damage generator
// (tools/damage, seed set) inserts page headers, footers, counters and chunk prefixes: the rule as a whole
// removed 3791 of 3796 pieces exactly and no byte that was not furniture, and touched none of the 103 clean
// originals (per form it counts truth, not records). Issue 14's real dev set (74 pages outside the
// repository; `tools/wild_eval/wild_eval.py --by-confidence`), records right / wrong per form, as below.
// No form passes 30 records there: the estimates stand.
// A "第1页共5页" line: at the top of a page, joining the sentence it cut (right 3 of 3); a footer
// (with or without the join) or a page-number line cutting a sentence: not on the dev set.
constexpr double kPageLineConfidence = 0.9;
// A page-number line from the site's splitter: right 2 of 2.
constexpr double kPageNumberLineConfidence = 0.95;
// A page-number line where the page break cut a sentence, joined again: not on the dev set.
constexpr double kPageNumberJoinConfidence = 0.93;
// A page mark inside a line of text (right 1 of 1), a page number between dashes inside a line (right 1
// of 1), a page counter "第2/145页" added to a line (wrong 1 of 1: a compilation's own page count), a chunk
// prefix where the site's chunk cut the text (right 6 of 6).
constexpr double kInLineMarkConfidence = 0.85;
// A chunk prefix read from the sequence of the site's chunk numbers alone (not on the dev set), or the
// first chunk's "1、" where the text begins (right 2, wrong 1).
constexpr double kChunkSequenceConfidence = 0.75;
// A running header or footer repeating the title, at a line start: not on the dev set.
constexpr double kRunningHeaderConfidence = 0.95;
// A running footer cutting a sentence, removed with its break: not on the dev set.
constexpr double kRunningFooterJoinConfidence = 0.93;
// A running footer with its own break or after a sentence end: not on the dev set.
constexpr double kRunningFooterConfidence = 0.9;


// Page numbers are read with any number of digits: a long document split into short pages (one footer a
// line) runs past page 9999.
const RE2& PageLine() {
  static const RE2 re(
      R"([ \t\x{3000}]*(第[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页[ \t\x{3000}]*[,，/／]?[ \t\x{3000}]*共[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页|共[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页[ \t\x{3000}]*[,，/／]?[ \t\x{3000}]*第[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页|第[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页|-[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*-|—[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*—)[ \t\x{3000}\r]*)");
  return re;
}
// A PDF's page header: "P. 2", "Page 2 of 18", "Page 2 - 政府工作报告" (the page number, then the title).
// Apart from PageLine: its run of up to 60 characters costs more to compile than a parse of a short
// report, so it is compiled only for a line holding one of the words it starts with (PdfPageHeaderLine).
const RE2& PdfPageHeader() {
  static const RE2 re(
      R"([ \t\x{3000}]*(?:P\.|Page|PAGE)[ \t]*[0-9]+(?:[ \t]*(?:of|/)[ \t]*[0-9]+)?(?:[ \t]+[-–—|][ \t]*[^\n]{1,60})?[ \t\x{3000}\r]*)");
  return re;
}
// Whether `line` could be a whole PageLine: without the blanks the pattern allows around the mark, it
// opens with 第 or 共 and ends with 页, or opens and ends with a dash. Asked before the pattern is compiled
// or run: a report's lines are none of these.
bool MayBePageLine(std::string_view line) {
  auto blank_at = [](std::string_view s, bool at_end) {
    for (std::string_view b : {" ", "\t", "\r", "\u3000"}) {
      if (at_end ? s.ends_with(b) : (b != "\r" && s.starts_with(b))) return b.size();
    }
    return size_t{0};
  };
  for (size_t n; (n = blank_at(line, false)) > 0;) line.remove_prefix(n);
  for (size_t n; (n = blank_at(line, true)) > 0;) line.remove_suffix(n);
  return ((line.starts_with("第") || line.starts_with("共")) && line.ends_with("页")) ||
         (line.starts_with("-") && line.ends_with("-")) || (line.starts_with("—") && line.ends_with("—"));
}
// Every page counter the patterns below read ("第2页", "共5页", "第2/145页") holds 页: a text without it (most
// reports) needs none of them, and they are then never compiled.
bool HasPageWord(std::string_view text) { return text.find("页") != std::string_view::npos; }

bool PdfPageHeaderLine(std::string_view line) {
  for (std::string_view word : {"P.", "Page", "PAGE"}) {
    if (line.find(word) != std::string_view::npos) return RE2::FullMatch(View(line), PdfPageHeader());
  }
  return false;
}
const RE2& FirstPage() {
  static const RE2 re(R"(^[ \t\x{3000}]*(第[ \t\x{3000}]*[1１][ \t\x{3000}]*页|共[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页[ \t\x{3000}]*[,，/／]?[ \t\x{3000}]*第[ \t\x{3000}]*[1１][ \t\x{3000}]*页|[-—][ \t\x{3000}]*[1１][ \t\x{3000}]*[-—]))");
  return re;
}
const RE2& PageFraction() {
  static const RE2 re(R"([ \t\x{3000}]*([（(]?)第[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*/[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页([）)]?))");
  return re;
}
// The page a "第101/108页" counter names (its first number), or 0.
int CounterPage(std::string_view counter) {
  static const RE2 re(R"(第[ \t\x{3000}]*([0-9]+))");
  int page = 0;
  return RE2::PartialMatch(re2::StringPiece(counter.data(), counter.size()), re, &page) ? page : 0;
}

const RE2& PageNumberAtLineEnd() {
  static const RE2 re(R"((?m)(第[ \t\x{3000}]*([0-9０-９]+)[ \t\x{3000}]*页(?:[ \t]*[,，/／]?[ \t]*共[ \t]*[0-9０-９]+[ \t]*页)?)[ \t\x{3000}\r]*(?:\n|$))");
  return re;
}
const RE2& PageNumberInLine() {
  static const RE2 re(R"(第[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*(/[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*)?页)");
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

// Byte length of the UTF-8 character ending at `end` (> 0): back to its lead byte, four bytes at most.
size_t PreviousCharLength(std::string_view text, size_t end) {
  return end - text::AlignToCharStart(text, end - 1, end >= 4 ? end - 4 : 0);
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
    std::string han = HanOnly(line).substr(0, 120);  // 40 ideographs at most
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

// A line of 30 ideographs or more is a paragraph's, not a heading's or a title's.
constexpr size_t kParagraphBytes = 90;

// Whether the text is hard-wrapped (lines end mid-sentence everywhere, as in a PDF extraction): then a
// line break before or after furniture is the text's own and is never joined away. Reports copied
// paragraph by paragraph end most long lines with sentence punctuation; a hard-wrapped text, nearly none.
bool IsHardWrapped(std::string_view text) {
  size_t long_lines = 0, open_lines = 0;
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    while (end > at && (text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
    // Only lines a break ends tell where breaks fall: the text's last line may end where the copy was cut.
    if (nl != std::string_view::npos && end - at >= kParagraphBytes) {
      ++long_lines;
      open_lines += !EndsSentence(text, end);
    }
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  return long_lines >= 4 && open_lines * 10 > long_lines * 7;
}

// Whether the text before `at` (a line break) ends in the middle of a sentence: a character that is
// neither blank nor sentence-final punctuation.
bool CutBefore(std::string_view text, size_t at) {
  if (at == 0) return false;
  // Latin text and numbers break lines of their own (tables, addresses): only a CJK character before
  // the break says a sentence was cut.
  if (static_cast<unsigned char>(text[at - 1]) < 0x80) return false;
  // An ideographic space or an invisible zero-width character ends a blank line, not a sentence.
  if (at >= 3) {
    std::string_view last = text.substr(at - 3, 3);
    if (last == "\u3000" || last == "\u200b" || last == "\ufeff") return false;
  }
  return !EndsSentence(text, at);
}

// Whether the text goes on at `at` with the rest of a cut sentence: content that starts no new block.
bool ContinuesAt(std::string_view text, size_t at) {
  return at < text.size() && text[at] != '\n' && text[at] != '\r' && !text::OpensBlock(text, at);
}

// The number of whole characters two texts share at their ends, at most `limit`.
size_t CommonSuffixChars(std::string_view a, std::string_view b, size_t limit, size_t* bytes) {
  size_t chars = 0, shared = 0;
  while (chars < limit && shared < a.size() && shared < b.size()) {
    size_t len = PreviousCharLength(a, a.size() - shared);
    if (len != PreviousCharLength(b, b.size() - shared) ||
        a.substr(a.size() - shared - len, len) != b.substr(b.size() - shared - len, len)) {
      break;
    }
    shared += len;
    ++chars;
  }
  *bytes = shared;
  return chars;
}

// A page mark at the end of a line ("第2页", "第2页共5页") and the text before it on the same line.
struct PageMark {
  size_t line_begin;
  size_t mark_begin;
  size_t mark_end;  // after the mark and trailing blanks, at the line break or the end of the text
  std::string number;
};

std::vector<PageMark> PageMarksAtLineEnd(std::string_view text) {
  std::vector<PageMark> marks;
  if (!HasPageWord(text)) return marks;
  re2::StringPiece all = View(text);
  re2::StringPiece input = all;
  re2::StringPiece mark, number;
  while (RE2::FindAndConsume(&input, PageNumberAtLineEnd(), &mark, &number)) {
    size_t begin = static_cast<size_t>(mark.data() - all.data());
    size_t end = begin + mark.size();
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t' || text[end] == '\r')) ++end;
    size_t nl = text.rfind('\n', begin == 0 ? 0 : begin - 1);
    size_t line_begin = (begin == 0 || nl == std::string_view::npos) ? 0 : nl + 1;
    marks.push_back({line_begin, begin, end, std::string(number.data(), number.size())});
  }
  return marks;
}

// Running footers: the same text (the title, maybe truncated, maybe with its digits) before page marks
// on several pages. What neighbouring marks share at their ends is the footer; what only one of them has
// is the sentence the footer cut. Only neighbours are compared, so the scan stays linear.
std::vector<size_t> RunningFooterBytes(std::string_view text, const std::vector<PageMark>& marks) {
  constexpr size_t kWindow = 4, kMaxChars = 60;
  std::vector<size_t> footer_bytes(marks.size(), 0);
  for (size_t i = 0; i < marks.size(); ++i) {
    std::string_view before = text.substr(marks[i].line_begin, marks[i].mark_begin - marks[i].line_begin);
    size_t shortest_chars = 0, shortest_bytes = 0;
    for (size_t j = i >= kWindow ? i - kWindow : 0; j < std::min(marks.size(), i + kWindow + 1); ++j) {
      if (j == i || marks[j].number == marks[i].number) continue;
      std::string_view other = text.substr(marks[j].line_begin, marks[j].mark_begin - marks[j].line_begin);
      size_t bytes = 0;
      size_t chars = CommonSuffixChars(before, other, kMaxChars, &bytes);
      if (chars < 2) continue;
      // The shortest shared end among the neighbours: a character two cut sentences share by chance
      // is not part of the footer.
      if (shortest_chars == 0 || chars < shortest_chars) {
        shortest_chars = chars;
        shortest_bytes = bytes;
      }
    }
    if (shortest_bytes == 0) continue;
    // A title carries no sentence punctuation: the footer starts after the last one.
    std::string_view footer = before.substr(before.size() - shortest_bytes);
    re2::StringPiece rest = View(footer);
    size_t cut = 0;
    while (RE2::FindAndConsume(&rest, SentencePunctuation())) cut = static_cast<size_t>(rest.data() - footer.data());
    if (footer.size() - cut >= 6) footer_bytes[i] = footer.size() - cut;
  }
  return footer_bytes;
}

const RE2& PageOfPages() {
  static const RE2 re(R"((第[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页[ \t\x{3000}]*[,，/／]?[ \t\x{3000}]*共[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页|共[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页[ \t\x{3000}]*[,，/／]?[ \t\x{3000}]*第[ \t\x{3000}]*[0-9０-９]+[ \t\x{3000}]*页))");
  return re;
}

// A site's label at a text's opening: up to 10 characters between dashes or in 【】, holding a site word of
// the issue-14 furniture vocabulary (推荐 精品 范文 下载 分享 会员 整理 本站), then blanks. Reports open with a
// title or a sentence, never a dash-bracketed label.
constexpr size_t kMaxOpeningLabelBytes = 64;
const RE2& OpeningSiteLabel() {
  static const RE2 re(
      R"(((?:[-—－][^-—－\n]{0,8}(?:推荐|精品|范文|下载|分享|会员|整理|本站)[^-—－\n]{0,8}[-—－]|)"
      R"(【[^】\n]{0,8}(?:推荐|精品|范文|下载|分享|会员|整理|本站)[^】\n]{0,8}】)[ \t\x{3000}]*))");
  return re;
}

const RE2& ChunkPrefix() {
  static const RE2 re(R"((\d{1,3})、)");
  return re;
}

// "第2页共5页" inside a line: the page header landed at the start or end of a line of text. The form
// with the page count never occurs in report prose.
void FindPageOfPagesInLines(std::string_view text, bool hard_wrapped, std::vector<Furniture>* found) {
  if (!HasPageWord(text)) return;
  re2::StringPiece all = View(text), input = all, mark;
  while (RE2::FindAndConsume(&input, PageOfPages(), &mark)) {
    size_t begin = static_cast<size_t>(mark.data() - all.data());
    size_t end = begin + mark.size();
    size_t line_begin = begin, line_end = end;
    while (line_begin > 0 && (text[line_begin - 1] == ' ' || text[line_begin - 1] == '\t')) --line_begin;
    while (line_end < text.size() && (text[line_end] == ' ' || text[line_end] == '\t' || text[line_end] == '\r')) ++line_end;
    const bool at_start = line_begin == 0 || text[line_begin - 1] == '\n';
    const bool at_end = line_end == text.size() || text[line_end] == '\n';
    if (at_start && at_end) continue;  // a whole line: FindPageLines
    if (at_start && begin == line_begin) {
      // "…完成了\n第2页共5页年度目标…": the header begins the page's text.
      size_t from = line_begin;
      const bool first_page = RE2::PartialMatch(View(text.substr(line_begin, end - line_begin)), FirstPage());
      if (!hard_wrapped && !first_page && line_begin > 0 && CutBefore(text, line_begin - 1) &&
          ContinuesAt(text, line_end)) {
        --from;
      }
      found->push_back({{from, line_end}, kPageLineConfidence,
                        "A page header (\"第2页共5页\") at the top of a page; removed it and joined the sentence "
                        "the page break cut."});
    } else if (at_end) {
      size_t to = line_end;
      bool join = to < text.size() && !hard_wrapped && CutBefore(text, line_begin) && ContinuesAt(text, to + 1);
      found->push_back({{line_begin, join ? to + 1 : to}, kPageLineConfidence,
                        join ? "A page footer (\"第1页共5页\") cut the sentence in two; removed it and its line "
                               "break so the sentence joins again."
                             : "A page footer (\"第1页共5页\") at the end of a page."});
    } else {
      // "…地铁第2页共18页1、2号线…": the extraction lost the page break, and its mark sits inside a line.
      found->push_back({{line_begin, line_end}, kInLineMarkConfidence,
                        "A page mark (\"第2页共18页\") inside a line of text, where a page break fell; removed it."});
    }
  }
}

// Whether `s` ends with a page mark "第N页" (blanks after it allowed).
bool EndsWithPageMark(std::string_view s) {
  size_t end = s.size();
  while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r')) --end;
  constexpr std::string_view kPage = "页", kOrdinal = "第";
  if (end < kPage.size() || s.substr(end - kPage.size(), kPage.size()) != kPage) return false;
  size_t digits = end - kPage.size();
  while (digits > 0 && s[digits - 1] >= '0' && s[digits - 1] <= '9') --digits;
  return digits < end - kPage.size() && digits >= kOrdinal.size() &&
         s.substr(digits - kOrdinal.size(), kOrdinal.size()) == kOrdinal;
}

// Whole "第1页共5页" / "第3页" / "- 3 -" lines. When the page break cut a sentence (the line before ends
// mid-sentence and the line after goes on with ideographs), the sentence is joined again.
void FindPageLines(std::string_view text, bool hard_wrapped, std::vector<Furniture>* found) {
  size_t previous_page_line_end = std::string_view::npos;  // the break ending the last page line found
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    const std::string_view line = text.substr(at, line_end - at);
    if ((MayBePageLine(line) && RE2::FullMatch(View(line), PageLine())) || PdfPageHeaderLine(line)) {
      // The last line has no break of its own: take the one before it.
      size_t begin = (next == line_end && at > 0) ? at - 1 : at;
      // Page 1 opens the text: nothing before it was cut. Unless a paragraph's line stands right before it:
      // then the mark is page 1's footer ("…在一起⏎第 1 页 共 3 页⏎活动的…"), and may have cut a sentence.
      const size_t previous_break = at >= 2 ? text.rfind('\n', at - 2) : std::string_view::npos;
      const size_t previous_begin = previous_break == std::string_view::npos ? 0 : previous_break + 1;
      const size_t previous_bytes = at > previous_begin ? at - 1 - previous_begin : 0;
      const bool first_page = RE2::PartialMatch(View(text.substr(at, line_end - at)), FirstPage()) &&
                              previous_bytes < kParagraphBytes;
      // A page line after another ("Page 2 - …", "P. 2") cut nothing: the line before it is furniture too;
      // so is a line ending in a page mark, a viewer's thumbnail caption ("…docx_第2页", a running header).
      const bool after_page_line =
          at > 0 && (previous_page_line_end == at - 1 || EndsWithPageMark(text.substr(0, at - 1)));
      previous_page_line_end = line_end;
      if (begin == at && at > 0 && !first_page && !hard_wrapped && !after_page_line && CutBefore(text, at - 1) &&
          ContinuesAt(text, next)) {
        found->push_back({{at - 1, next}, kPageNumberJoinConfidence,
                          "A page-number line (\"第1页共5页\") where the page break cut a sentence; removed it "
                          "and joined the sentence again."});
      } else {
        found->push_back({{begin, next}, kPageNumberLineConfidence,
                          "A page-number line (\"第1页共5页\") from the site's page splitter."});
      }
    }
    at = next;
  }
}

// A bare page number on a line of its own ("…夯实⏎⏎1⏎⏎农业…"), blank lines around it, where the page break
// cut a sentence: the text before it ends with an ideograph mid-sentence and the text after goes on. Only
// then: the clean corpora's bare-number lines (7) are the subscript of M2 broken off after a Latin letter.
constexpr size_t kMaxBarePageNumberDigits = 3;

void FindBarePageNumbers(std::string_view text, bool hard_wrapped, std::vector<Furniture>* found) {
  if (hard_wrapped) return;
  for (size_t at = 0; at < text.size();) {
    const size_t nl = text.find('\n', at);
    const size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    const size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(at, line_end - at);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    const bool bare = !line.empty() && line.size() <= kMaxBarePageNumberDigits &&
                      line.find_first_not_of("0123456789") == std::string_view::npos;
    // The same number glued after a blank to the line's end (`…明 1⏎⏎确了…`): the text before the blank ends
    // with an ideograph mid-sentence and the text after the break goes on. The clean corpora's 22,263 lines
    // end so never; issue 14's real sets hold 49 such lines, 48 a table of contents (the next line opens its
    // next entry) and one a page number cutting a word.
    if (!bare && !line.empty() && !IsTableOfContentsEntry(line)) {
      const size_t digits = line.size() - std::min(line.size(), line.find_last_not_of("0123456789") + 1);
      const size_t number = static_cast<size_t>(line.data() - text.data()) + line.size() - digits;
      size_t blank = number;
      while (blank > at && (text[blank - 1] == ' ' || text[blank - 1] == '\t')) --blank;
      if (digits > 0 && digits <= kMaxBarePageNumberDigits && blank < number && blank > at &&
          CutBefore(text, blank) && text::IsHan(text::CharBefore(text, blank).value) && next > line_end) {
        size_t after = next;
        while (after < text.size() && (text[after] == '\n' || text[after] == '\r' || text[after] == ' ')) ++after;
        if (ContinuesAt(text, after) && text::IsHan(text::CharAt(text, after).value)) {
          found->push_back({{blank, after}, kPageNumberJoinConfidence,
                            "A page number glued after a blank to a line that a page break cut mid-sentence; removed "
                            "it and joined the sentence again."});
        }
      }
    }
    if (bare && at > 0) {
      // The text before: back over blank lines to the last character of text.
      size_t before = at - 1;  // the break ending the previous line
      while (before > 0 && (text[before - 1] == '\n' || text[before - 1] == '\r' || text[before - 1] == ' ')) --before;
      size_t after = next;
      while (after < text.size() && (text[after] == '\n' || text[after] == '\r' || text[after] == ' ')) ++after;
      if (before > 0 && CutBefore(text, before) && ContinuesAt(text, after) && text::IsHan(text::CharAt(text, after).value)) {
        found->push_back({{before, after}, kPageNumberJoinConfidence,
                          "A bare page number on a line of its own where the page break cut a sentence; removed it "
                          "and joined the sentence again."});
      }
    }
    at = next;
  }
}

// Chunk prefixes: sites that split a text into chunks restart each with "1、", "2、" on a new line,
// wherever the chunk boundary falls, mostly mid-sentence. A list item follows the end of a sentence or a
// heading and its numbers restart in every list; chunk numbers rise through the whole document, far
// apart, and most of them cut a sentence. Such a sequence (three cuts at least) is removed whole.
void FindChunkPrefixes(std::string_view text, bool hard_wrapped, std::vector<Furniture>* found) {
  if (hard_wrapped) return;
  struct Prefix {
    size_t begin, end;  // the line break before the prefix, and the end of "N、"
    size_t join;        // the line break that ends the text before (blank lines between chunks stepped over)
    int number;
    bool cut;           // the line before ends mid-sentence
    bool before_mark;   // a punctuation mark follows "N、": the cut fell inside a sentence, before the mark
  };
  std::vector<Prefix> prefixes;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
    re2::StringPiece rest = View(text.substr(nl + 1, 8));
    int number = 0;
    if (!RE2::Consume(&rest, ChunkPrefix(), &number)) continue;
    size_t end = static_cast<size_t>(rest.data() - text.data());
    if (end >= text.size() || text[end] == '\n' || text[end] == '\r') continue;
    // Some sites put a blank line between chunks ("…农民增收⏎⏎2、…"): the text before is that above it.
    size_t join = nl;
    while (join > 0 && (text[join - 1] == '\n' || text::IsLineEdgeBlank(text::CharBefore(text, join).value))) {
      join -= text::CharBefore(text, join).length;
    }
    // The first chunk starts the text: its "1、" follows a title or the site's header, never a cut.
    // A number the chunk boundary split ("…长安镇20⏎3、23年…") is cut as well as a sentence.
    const bool number_cut =
        join > 0 && text[join - 1] >= '0' && text[join - 1] <= '9' && text[end] >= '0' && text[end] <= '9';
    // A list item never opens with a punctuation mark ("2、、企业…", "3、，…"): none in the 103 clean reports.
    const char32_t after = text::CharAt(text, end).value;
    const bool before_mark = number != 1 && text::IsBreak(after, (text::kClauseBreaks | text::kIdeographicComma) &
                                                                     ~text::kLineBreaks);
    prefixes.push_back({nl, end, join, number,
                        number != 1 && (CutBefore(text, join) || number_cut || before_mark), before_mark});
  }
  constexpr size_t kMinCuts = 3, kMinSpacing = 200;
  for (size_t i = 0; i < prefixes.size();) {
    if (!prefixes[i].cut) {
      ++i;
      continue;
    }
    // A run of rising numbers from this cut; a list item in between (a number out of the sequence) is
    // stepped over, a chunk whose boundary fell at a sentence end is taken in.
    std::vector<size_t> members{i};
    size_t cuts = 1, j = i + 1;
    for (int last = prefixes[i].number; j < prefixes.size(); ++j) {
      if (prefixes[j].number <= last || prefixes[j].number > last + 3) {
        if (prefixes[j].cut && prefixes[j].number <= last) break;
        continue;
      }
      members.push_back(j);
      cuts += prefixes[j].cut;
      last = prefixes[j].number;
    }
    const Prefix& first = prefixes[members.front()];
    const Prefix& last = prefixes[members.back()];
    // The first chunk's "1、" opens the text (or the line after the site's header).
    std::optional<Span> first_chunk;
    if (first.number == 2) {
      for (size_t at = 0; at < first.begin && at < 4096;) {
        re2::StringPiece rest = View(text.substr(at, 8));
        int one = 0;
        if (RE2::Consume(&rest, ChunkPrefix(), &one) && one == 1) {
          size_t end = static_cast<size_t>(rest.data() - text.data());
          // A site's label the first chunk opens with ("1、-精品合同推荐- 2008年…"): a short bracketed
          // label holding the site vocabulary of the furniture model (推荐 精品 下载 …) goes with it.
          re2::StringPiece after = View(text.substr(end, kMaxOpeningLabelBytes));
          re2::StringPiece label;
          if (RE2::Consume(&after, OpeningSiteLabel(), &label)) end = static_cast<size_t>(after.data() - text.data());
          first_chunk = Span{at, end};
          break;
        }
        size_t nl = text.find('\n', at);
        if (nl == std::string_view::npos) break;
        at = nl + 1;
      }
    }
    // A short text has few chunks: two cuts do when the first chunk's "1、" opens the text, or one of its
    // first kChunkOpeningLines lines (after the site's header: 资源描述: and a notice), and the sequence goes
    // on from it (2、, 3、). None of the 103 clean reports opens a line with a figure and 、 in its first
    // kChunkOpeningLines lines.
    constexpr size_t kChunkOpeningLines = 5;
    const bool opens_with_one =
        first_chunk && static_cast<size_t>(std::count(text.begin(), text.begin() + first_chunk->begin, '\n')) <
                           kChunkOpeningLines;
    const size_t min_cuts = opens_with_one ? kMinCuts - 1 : kMinCuts;
    // A short text cut into two chunks shows one cut: enough when the cut fell before a punctuation mark
    // and the first chunk's "1、" is there.
    const bool two_chunks = first_chunk && members.size() == 1 && first.before_mark;
    const bool chunked =
        (cuts >= min_cuts && (last.begin - first.begin) >= kMinSpacing * (members.size() - 1)) || two_chunks;
    if (!chunked) {
      ++i;
      continue;
    }
    if (first_chunk) {
      found->push_back({*first_chunk, kChunkSequenceConfidence,
                        first_chunk->size() > 4
                            ? "The site's first chunk prefix (\"1、\") where its text begins, with the "
                              "site's label after it; removed them."
                            : "The site's first chunk prefix (\"1、\") where its text begins; removed it."});
    }
    for (size_t m : members) {
      const Prefix& p = prefixes[m];
      std::string prefix(text.substr(p.begin + 1, p.end - p.begin - 1));
      if (p.cut) {
        found->push_back({{p.join, p.end}, kInLineMarkConfidence,
                          absl::StrCat("A chunk prefix (\"", prefix, "\") the site put where its text chunk "
                                       "restarts, mid-sentence; removed it and the line break.")});
      } else {
        found->push_back({{p.begin + 1, p.end}, kChunkSequenceConfidence,
                          absl::StrCat("A chunk prefix (\"", prefix, "\") in the sequence of the site's "
                                       "chunk numbers; removed it.")});
      }
    }
    i = members.back() + 1;
  }
}

// "…占比51.1%。—1—(二)推进…": a page number between dashes that the extraction put inside a line, after the
// end of a sentence. Dashes around a figure never follow a full stop in report prose (the clean reports'
// dashes around figures are dates, 2026-02-09, and ranges).
// Every kDashed match opens with a sentence end and a dash ("。—", "；-"): asked before the pattern is
// compiled or run (one national report of 72 has such a pair).
bool HasDashAfterSentenceEnd(std::string_view text) {
  for (std::string_view end : {"。", "！", "？", "；"}) {
    for (size_t at = text.find(end); at != std::string_view::npos; at = text.find(end, at + end.size())) {
      const std::string_view rest = text.substr(at + end.size());
      if (rest.starts_with("—") || rest.starts_with("－") || rest.starts_with("-")) return true;
    }
  }
  return false;
}

void FindDashedPageNumbersInLines(std::string_view text, std::vector<Furniture>* found) {
  if (!HasDashAfterSentenceEnd(text)) return;
  static const RE2 kDashed(R"([。！？；]((?:[—－][ \t\x{3000}]*[0-9０-９]{1,3}[ \t\x{3000}]*[—－]|-[ \t]+[0-9]{1,3}[ \t]+-)[ \t\x{3000}]*))");
  re2::StringPiece all = View(text), input = all, mark;
  while (RE2::FindAndConsume(&input, kDashed, &mark)) {
    const size_t begin = static_cast<size_t>(mark.data() - all.data());
    const size_t end = begin + mark.size();
    if (end >= text.size() || text[end] == '\n' || text[end] == '\r') continue;  // at a line's end: FindPageLines' kind
    // "—3—5月份": the second dash opens a range, not a page number's close.
    static const RE2 kRangeGoesOn(R"(^[0-9０-９年月日号个%％])");
    if (RE2::PartialMatch(View(text.substr(end, 4)), kRangeGoesOn)) continue;
    found->push_back({{begin, end}, kInLineMarkConfidence, "A page number between dashes (\"—1—\") inside a line, where a page "
                                          "break fell after a sentence; removed it."});
  }
}

std::vector<Furniture> FindFurniture(std::string_view text) {
  std::vector<Furniture> found;
  // A fragmented extraction (a break around every figure) sets its figures alone on their lines inside
  // sentences: a bare number there is one of them ("…茶叶产量达⏎800⏎斤,…"), its breaks the extraction's.
  const bool hard_wrapped = IsHardWrapped(text) || IsFragmentedExtraction(text);
  re2::StringPiece all = View(text);
  FindPageLines(text, hard_wrapped, &found);
  FindBarePageNumbers(text, hard_wrapped, &found);
  FindPageOfPagesInLines(text, hard_wrapped, &found);
  FindDashedPageNumbersInLines(text, &found);
  // "第2/145页" inside a line (usually the title).
  if (HasPageWord(text)) {
    re2::StringPiece input = all;
    re2::StringPiece open, close;
    while (RE2::FindAndConsume(&input, PageFraction(), &open, &close)) {
      size_t end = static_cast<size_t>(input.data() - all.data());
      size_t begin = text.rfind("第", end);
      // "（第2/92页）": the brackets go with the counter when both are there.
      if (!open.empty() && !close.empty()) {
        begin = static_cast<size_t>(open.data() - all.data());
      } else if (!close.empty()) {
        end -= close.size();
      }
      while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
      // A collection's counted title with a later page's counter ("…汇编65篇(第101/108页)" ending its line)
      // is the viewer's header of that page, not this text's title: the page holds one of the collected
      // documents from its middle. The whole line goes. (A single report's title keeps its line: "…工作
      // 总结第2/145页" loses the counter only.)
      const size_t line_begin = text.rfind('\n', begin == 0 ? 0 : begin - 1) == std::string_view::npos
                                    ? 0
                                    : text.rfind('\n', begin == 0 ? 0 : begin - 1) + 1;
      const size_t line_end = std::min(text.find('\n', end), text.size());
      if (CounterPage(text.substr(begin, end - begin)) > 1 && OnlyAfterOnLine(text, end, U" \t\r") &&
          IsCountedCollectionTitle(text.substr(line_begin, begin - line_begin))) {
        found.push_back({{line_begin, line_end < text.size() ? line_end + 1 : line_end}, kInLineMarkConfidence,
                         "A collection's title with a later page's counter (\"…汇编65篇(第101/108页)\"): the "
                         "viewer's header of that page, not the title of the text that follows."});
        continue;
      }
      found.push_back({{begin, end}, kInLineMarkConfidence, "A page counter (\"第2/145页\") the site added to the line."});
    }
  }
  // Running headers and footers ending in "第N页" and a line break: the text before the mark that
  // neighbouring pages repeat, or a piece of the title.
  std::vector<PageMark> marks = PageMarksAtLineEnd(text);
  std::vector<size_t> running = RunningFooterBytes(text, marks);
  std::vector<std::string> titles = marks.empty() ? std::vector<std::string>{} : TitleForms(text);
  for (size_t i = 0; i < marks.size(); ++i) {
    const PageMark& m = marks[i];
    size_t title_bytes = titles.empty() ? 0 : MatchTitleBefore(text, m.mark_begin, titles);
    // What the pages repeat is the footer; a title match may run on into the cut sentence ("…2024年" +
    // "中华人民共和国国务院第5页" matches "2024年中华人民共和国…").
    size_t footer_bytes = running[i] > 0 ? running[i] : title_bytes;
    if (footer_bytes == 0) continue;
    size_t begin = m.mark_begin - footer_bytes;
    size_t end = m.mark_end;
    bool at_line_start = begin == m.line_begin;
    bool has_break = end < text.size() && text[end] == '\n';
    std::string footer(text.substr(begin, end - begin));
    while (!footer.empty() && (footer.back() == ' ' || footer.back() == '\r' || footer.back() == '\t')) footer.pop_back();
    if (at_line_start) {
      if (has_break) ++end;
      found.push_back({{begin, end}, kRunningHeaderConfidence,
                       absl::StrCat("A running page header or footer (\"", footer,
                                    "\") repeating the title, from the site's page splitter.")});
    } else if (has_break && !EndsSentence(text, begin)) {
      found.push_back({{begin, end + 1}, kRunningFooterJoinConfidence,
                       absl::StrCat("A running page footer (\"", footer, "\") cut the sentence in two; "
                                    "removed it and its line break so the sentence joins again.")});
    } else if (has_break && !text::OpensBlock(text, end + 1)) {
      // The splitter added the footer with its own line break: both go, sentences or a blank line follow.
      found.push_back({{begin, end + 1}, kRunningFooterConfidence,
                       absl::StrCat("A running page footer (\"", footer,
                                    "\") after the end of a sentence; removed it and its line break.")});
    } else {
      found.push_back({{begin, end}, kRunningFooterConfidence,
                       absl::StrCat("A running page footer (\"", footer,
                                    "\") before a new paragraph; removed it, kept the line break.")});
    }
  }
  FindChunkPrefixes(text, hard_wrapped, &found);
  std::sort(found.begin(), found.end(),
            [](const Furniture& a, const Furniture& b) { return a.span.begin < b.span.begin; });
  return found;
}

}  // namespace

void DiagnosePageFurniture(RepairContext& context) {
  // Found once; the removal pass takes what the diagnosis found.
  // A converted copy is read as its author wrote it (ScriptView): its readings stand between a running
  // header's page number and its 頁 (手冊(cè)_第1頁(yè)) and between a chunk prefix and the text it cut.
  const UnconvertedText* view = ScriptView(context);
  auto& found = context.Keep(FindFurniture(view != nullptr ? std::string_view(view->text) : context.text()));
  if (view != nullptr) {
    for (Furniture& f : found) f.span = {view->Original(f.span.begin), view->Original(f.span.end)};
  }
  if (!found.empty()) context.mutable_diagnosis().page_furniture = true;
}

void RemovePageFurniture(RepairContext& context) {
  if (!context.diagnosis().page_furniture) return;
  std::vector<Furniture>* found = context.Kept<std::vector<Furniture>>();
  if (found == nullptr) return;  // the diagnosis did not run
  for (Furniture& f : *found) {
    RepairRecord r;
    r.rule = repair_rule::kBoilerplatePageFurniture;
    r.span = f.span;
    r.before = std::string(context.text().substr(f.span.begin, f.span.size()));
    r.confidence = f.confidence;
    r.reason = std::move(f.reason);
    ProposeDeletionAroundReadings(context, r);
  }
}

}  // namespace wenshu::repair_internal
