// layout.space and layout.wrap: what PDF and Word extraction leaves in a text's layout.
//
// layout.space: stray spaces inside a sentence ("成绩 。", "计划免疫、 人禽流感", "坚 定不移", "43.68 亿元",
// "一、 加强队伍建设"), and a heading numeral's 、 turned into a blank ("一 工作情况"). layout.wrap: hard line
// breaks at a regular width ("…相对其它计⏎划类公文而言…").
// Both decide the document first, from evidence clean reports never show, then each spot from its own
// evidence: the punctuation next to the space, a dictionary word the space or break splits, the regular
// width the extraction wrapped at. Clean reports do hold spaces (a name "李　强", a slogan "好客山东 好品
// 山东", "39.8 万亿元", "“ 四人帮”") and line breaks inside a word (the 1957 report's "一百⏎亿"), once: a
// document needs several spots of strong evidence before any is touched.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/mask_glyph.h"
#include "repair/number_scan.h"
#include "repair/re2_view.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "repair/site_lines.h"
#include "text/breaks.h"
#include "text/char_class.h"
#include "text/lexicon.h"
#include "text/list_marker.h"
#include "text/utf8.h"
#include "wenshu/dictionary.h"
#include "wenshu/tokenizer.h"

namespace wenshu::repair_internal {
namespace {


// A document is touched only with kMinStraySpaces spaces of strong evidence (before a punctuation mark,
// after a mid-sentence one, or splitting a dictionary word). Measured on the 103 clean reports: none has
// a space before or after mid-sentence punctuation (spaces next to quotation marks and after 。 are
// left alone: the national reports hold 40 such, around “”); one space splits a word a clean report
// could not mean to write apart (山东's slogan "万企出海 鲁贸全球" splits 海鲁, a word of frequency 7),
// one a name (李　强, on a line that is not prose). Real damaged pages show 2 to 9.
constexpr size_t kMinStraySpaces = 2;
// A space before a punctuation mark ("成绩 。", "要求 ,") is evidence on its own: none in the 103 clean
// reports; real pages show it once or five times. So is a space after a mid-sentence mark ("以来, 全镇",
// "探亲、 访友"): none in the clean reports either; a second real set (30 pages of 30 other sites) showed
// pages with one such space and no other strong evidence.
constexpr size_t kMinSpacesBeforePunct = 1;
constexpr size_t kMinSpacesAfterPunct = 1;
// PDF typesetting puts spaces around figures and Latin text inside Chinese ("专题学习 18 次", "xx 镇"):
// a document with kMinSpacedFigures figures spaced on both sides was typeset so, and its spaces beside
// figures go. Clean reports: one at most (江西 "省 100 个"); real PDF extractions: 3 to 10.
constexpr size_t kMinSpacedFigures = 3;
// A dictionary word split by a space or a line break counts when jieba's frequency for it is at least
// kMinSplitWordFrequency (of 60 million): 坚定不移 255, 产业园 276, 行政村 54, 第十四 97 count; rare
// entries that two unrelated words make by chance (海鲁 7, 回顾过去 3, 一百亿 7, 信访件 2) do not.
constexpr double kMinSplitWordFrequency = 20;
// A prose line: at least kProseChars characters holding sentence punctuation. Titles, names and
// headings ("省长 赵刚", "一、2025年工作回顾") are not.
constexpr size_t kProseChars = 15;
// Spaces after list markers ("一、 加强队伍建设") go when a document writes at least kMinMarkerSpaces of
// them and at least kMarkerSpaceShare of its list markers have one: then it is the extraction's habit.
// The clean 2008 report has two ("一、 过去五年工作", "（六） 更加注重…") among 40 markers (5%).
constexpr size_t kMinMarkerSpaces = 3;
constexpr double kMarkerSpaceShare = 0.8;
// ... or of one form of marker, when the document's other forms have none ("一、完善…" over "1、 教师是…"; issue
// 14's eighth set): a form's habit by the same two thresholds. The clean 2008 report's two spaces stand after two
// forms, one each.
constexpr size_t kMarkerForms = 8;  // text::ListMarkerForm's values
// A blank between a figure and the unit after it ("1597.2 亿元", "54 项") goes in a document that writes
// kMinSpacedUnits such blanks and spaces no digits apart: the clean corpora hold 4 outside the one report that
// letter-spaces its figures ("1 9 9 7 年"), at most 2 in a report (2007's "2006 年", "1.5 亿"); a traditional news
// copy of issue 14's eighth set holds 5.
constexpr size_t kMinSpacedUnits = 3;
// Spaces where an extraction joined wrapped lines fall at a regular distance: a document whose spaces
// between ideographs are kWrapTolerance characters or less from one distance at least kMinPeriodicGaps
// times (and in at least half of the gaps) was wrapped at that width. Real joined pages: 7 of 11 gaps
// at 39–42 characters; 5 of 9 at 46–50 on a page whose joins split one dictionary word only; clean
// reports have at most 4 such spaces, never at one distance, so the width alone diagnoses the page.
// A gap of twice the width (within twice the tolerance) counts for it: a wrap whose space fell before a
// mark ("富裕 ,") or on a measure word is no space between ideographs, and the page of issue 14's third
// set wrapped at 41 characters showed 4 gaps at 41 and 2 at 82–83 (none in the clean reports, which show
// too few such spaces to reach kMinPeriodicGaps at all).
constexpr size_t kMinPeriodicGaps = 5;
constexpr size_t kWrapTolerance = 3;
// layout.wrap. A text hard-wrapped at a width has at least kMinWrapLines lines within kWidthTolerance
// display columns (an ideograph or a full-width mark is 2, ASCII 1) under its widest common width, of
// kMinWrapWidth columns or more; at least kOpenShare of them end mid-sentence, and at most kWiderShare of
// its long lines are wider. Clean reports, one paragraph per line, have no such width: their long lines
// vary from 40 to 2,000 columns and end with 。 (the provincial reports' portal chrome is short lines).
constexpr size_t kMinWrapLines = 5;
constexpr size_t kMinWrapWidth = 20;
constexpr size_t kWidthTolerance = 4;
constexpr double kOpenShare = 0.7;
constexpr double kWiderShare = 0.1;
// Without a width, a break is joined when it splits a dictionary word inside a sentence, and only in a
// document with kMinSplitBreaks such breaks: the clean national reports hold one ("一百⏎亿", 1957) and
// a title cut in two ("政府工作报⏎告", 2021; not prose, so no evidence). One is enough where the paragraph goes
// on past it, a prose line on both sides of the break: the clean reports hold none (the 1957 break comes
// before "亿九十一", no prose), issue 14's five real sets one (a paragraph's "…年度活动总⏎结大会，表彰…" form).
constexpr size_t kMinSplitBreaks = 2;
// A forum copy can set each of a page's inline elements (a figure, a bracket, a 《…》 title) on a line of its
// own ("…全年受理群众来电⏎1864⏎件，办结率达⏎98.6%⏎，较上年…"). Its sign is a figure line inside a
// sentence: a line holding only a figure, after a line that ends with an ideograph mid-sentence and before a
// line that opens with a unit or a mark (or the figure a percentage). The 103 clean reports hold none (their
// figure lines follow a Latin letter, Wikisource's "PM⏎2.5⏎）" and "M⏎2⏎增长", whose breaks around links,
// "…著作权法⏎》第五条", are the same form and must stay); of issue 14's five real sets' 174 pages one shows
// them, with 3. A document with kMinInlineFigureLines is diagnosed.
constexpr size_t kMinInlineFigureLines = 2;

bool IsLatin(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool IsDigitChar(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
// Marks a sentence continues after: the space after one is stray.
constexpr text::BreakSet kMidPunct = text::kCommas | text::kIdeographicComma | text::kSemicolons;
bool IsMidPunct(char32_t c) { return text::IsBreak(c, kMidPunct); }
// Marks no space stands before in Chinese text.
bool IsClosingPunct(char32_t c) { return text::IsBreak(c, kMidPunct | text::kSentenceEnds); }

bool IsProseLine(std::string_view line) {
  static const RE2 kSentencePunct(R"([，。；！？,;])");
  return text::CountCharStarts(line) >= kProseChars && RE2::PartialMatch(View(line), kSentencePunct);
}

// One tokenizer per thread, reused (a tokenizer is one thread at a time; its buffers stay).
Tokenizer& DictionaryTokenizer() {
  thread_local Tokenizer tokenizer(Dictionary::Default(), [] {
    TokenizerOptions options;
    options.hmm_unknown_words = false;  // only words the dictionary knows are evidence
    return options;
  }());
  return tokenizer;
}

}  // namespace

std::string SplitWord(std::string_view left, std::string_view right) {
  std::string window(TextBefore(left, left.size(), 4));
  const size_t cut = window.size();
  window.append(TextAfter(right, 0, 4));
  static const double kMinLogProbability =
      std::log(kMinSplitWordFrequency / static_cast<double>(Dictionary::Default().total_frequency()));
  for (const OwnedToken& t : DictionaryTokenizer().Tokenize(window)) {
    if (t.begin < cut && t.end > cut && t.kind == TokenKind::kWord && (t.flags & kTokenInDictionary) != 0) {
      auto p = Dictionary::Default().LogProbability(t.text);
      if (p && *p >= kMinLogProbability) return t.text;
      return "";
    }
  }
  return "";
}

namespace {

// Whether a measure word stands at `at` of `t` (a figure before it deleted: "来访群众 人次"), not the first
// character of a longer word the tokenizer reads there ("列席 人员", "各项 工作").
bool MeasureWordAt(std::string_view t, size_t at) {
  const std::optional<std::string_view> unit = UnitAt(t, at);
  if (!unit) return false;
  const std::string window(TextAfter(t, at, 4));
  const std::vector<OwnedToken> tokens = DictionaryTokenizer().Tokenize(window);
  return tokens.empty() || tokens.front().kind != TokenKind::kWord || tokens.front().end <= unit->size();
}

// Whether the line's text up to `end` is a list marker after an indent ("一、", "12．", "（三）").
bool IsListMarkerUpTo(std::string_view line, size_t end) {
  const size_t at = text::SkipBlanks(line, 0, end);
  const std::optional<text::ListMarker> marker = text::MatchListMarker(line, at);
  return marker && at + marker->length == end;
}

// Whether the line opens with a list marker after an indent.
bool OpensWithListMarker(std::string_view line) {
  return text::MatchListMarker(line, text::SkipBlanks(line, 0, line.size())).has_value();
}

// Whether a masked figure ends at t[end] ("x.x", "xx.x", "2x"): a mask glyph after a point, a digit or another
// glyph. A blank after it before "%" is the figure's, as after digits (the clean corpora write no mask).
bool IsMaskedFigureEnd(std::string_view t, size_t end) {
  if (end == 0 || !IsMaskGlyph(text::CharBefore(t, end).value)) return false;
  const size_t at = end - text::CharBefore(t, end).length;
  if (at == 0) return false;
  const char32_t c = text::CharBefore(t, at).value;
  return IsMaskGlyph(c) || IsDigitChar(c) || c == U'.' || c == U'．';
}

enum class SpaceKind { kBeforePunct, kAfterPunct, kSplitWord, kDigitUnit, kAfterMarker, kBetweenHan, kBeforePercent };

struct Space {
  Span span;
  SpaceKind kind;
  size_t line = 0;          // index of the line
  size_t char_offset = 0;   // characters from the start of the line
  std::string word;         // the word it splits (kSplitWord)
  size_t marker_form = 0;   // the list marker's form (kAfterMarker)
};

std::vector<Space> FindSpaces(const std::vector<Line>& lines, size_t* marker_lines,
                              std::array<size_t, kMarkerForms>* marker_lines_by_form) {
  std::vector<Space> spaces;
  *marker_lines = 0;
  marker_lines_by_form->fill(0);
  for (size_t n = 0; n < lines.size(); ++n) {
    const Line& line = lines[n];
    std::string_view t = line.text;
    const std::optional<text::ListMarker> opening = text::MatchListMarker(t, text::SkipBlanks(t, 0, t.size()));
    *marker_lines += opening.has_value();
    if (opening) ++(*marker_lines_by_form)[static_cast<size_t>(opening->form) % kMarkerForms];
    const bool prose = IsProseLine(t);
    size_t chars = 0;
    bool seen_text = false;
    for (size_t i = 0; i < t.size();) {
      text::Char c = text::CharAt(t, i);
      if (!text::IsInlineBlank(c.value)) {
        seen_text = true;
        ++chars;
        i += c.length;
        continue;
      }
      const size_t j = text::SkipBlanks(t, i, t.size());
      const size_t run_chars = text::CountCharStarts(t.substr(i, j - i));
      if (!seen_text || j >= t.size()) {  // an indent, or blanks ending the line
        chars += run_chars;
        i = j;
        continue;
      }
      const char32_t before = text::CharBefore(t, i).value;
      const char32_t after = text::CharAt(t, j).value;
      Space s{{line.begin + i, line.begin + j}, SpaceKind::kBetweenHan, n, chars, ""};
      bool keep = true;
      // A closing bracket after an ideograph too ("自行体会 ),"): none in the clean corpora (a figure's
      // bracket is written spaced, "( 19 )", so only after an ideograph).
      if ((IsClosingPunct(after) && (text::IsHan(before) || IsDigitChar(before) || before == U'%')) ||
          ((after == U'）' || after == U')') && text::IsHan(before))) {
        s.kind = SpaceKind::kBeforePunct;
      } else if ((IsDigitChar(before) || IsMaskedFigureEnd(t, i)) && (after == U'%' || after == U'％')) {
        s.kind = SpaceKind::kBeforePercent;
      } else if ((before == U'、' || before == U'．' || before == U'）' || before == U')') && IsListMarkerUpTo(t, i)) {
        s.kind = SpaceKind::kAfterMarker;
        s.marker_form = opening ? static_cast<size_t>(opening->form) % kMarkerForms : 0;
        keep = text::IsHan(after) || IsDigitChar(after);
      } else if (IsMidPunct(before) && (text::IsHan(after) || IsDigitChar(after) || IsMaskGlyph(after))) {
        // An ASCII comma between digits or Latin words is theirs ("1, 2"): only after an ideograph.
        const bool ascii = before == U',' || before == U';';
        keep = !ascii || text::IsHan(text::CharBefore(t, i - 1).value);
        s.kind = SpaceKind::kAfterPunct;
      } else if (text::IsHan(before) && MeasureWordAt(t, j)) {
        // "结案 件", "来访群众 人次": a figure the site deleted (number.stripped flags it), not a stray space;
        // only the wrap width, when it falls there, reads it as a join ("很多极 具可操作性").
        keep = prose;
      } else if ((before == U'”' || before == U'」' || before == U'』') && text::IsHan(after)) {
        // After a closing quotation mark: only the wrap width can tell ("…学校” 为奋斗目标").
        keep = prose;
      } else if (text::IsHan(before) && text::IsHan(after)) {
        s.word = SplitWord(t.substr(0, i), t.substr(j));
        s.kind = !s.word.empty() && prose ? SpaceKind::kSplitWord : SpaceKind::kBetweenHan;
        keep = prose;
      } else if (run_chars == 1 && (((IsDigitChar(before) || IsLatin(before) || before == U'%') && text::IsHan(after)) ||
                                    (text::IsHan(before) && (IsDigitChar(after) || IsLatin(after))))) {
        // One blank: a run of them separates pieces of a page ("C6m   一、…").
        // "43.68 亿元", "2025 年 3 月", "达到 134.9": the space a PDF's typesetting put around a number.
        s.kind = SpaceKind::kDigitUnit;
      } else {
        keep = false;
      }
      if (keep) spaces.push_back(std::move(s));
      chars += run_chars;
      i = j;
    }
  }
  return spaces;
}

// The distance at which spaces between ideographs recur, when they recur at one (0 when not).
size_t PeriodicWidth(const std::vector<Space>& spaces) {
  std::vector<size_t> gaps;
  for (size_t k = 1; k < spaces.size(); ++k) {
    if (spaces[k].line != spaces[k - 1].line) continue;
    gaps.push_back(spaces[k].char_offset - spaces[k - 1].char_offset);
  }
  // The distance with the most gaps within kWrapTolerance of it (binary searches over the sorted gaps: a
  // text of 100,000 spaced ideographs must not cost their square); the gaps within twice the tolerance of
  // twice it count for it too (a wrap whose space another rule read, "富裕 ,", or that fell on a measure
  // word's blank), but do not choose it: half a page's width would take its gaps as doubles.
  std::vector<size_t> sorted;
  for (size_t g : gaps) {
    if (g >= 10) sorted.push_back(g);  // a wrap at ten characters is no page width
  }
  std::sort(sorted.begin(), sorted.end());
  auto count_within = [&](size_t centre, size_t tolerance) {
    const size_t low = centre > tolerance ? centre - tolerance : 0;
    return static_cast<size_t>(std::upper_bound(sorted.begin(), sorted.end(), centre + tolerance) -
                               std::lower_bound(sorted.begin(), sorted.end(), low));
  };
  size_t best = 0, best_count = 0;
  for (size_t d : sorted) {
    const size_t count = count_within(d, kWrapTolerance);
    if (count > best_count) {
      best = d;
      best_count = count;
    }
  }
  best_count += count_within(2 * best, 2 * kWrapTolerance);
  return best_count >= kMinPeriodicGaps && best_count * 2 >= gaps.size() ? best : 0;
}

struct SpaceAnalysis {
  std::vector<Space> remove;
  std::vector<std::string> reasons;
};

bool IsHardWrappedText(std::string_view text);

SpaceAnalysis AnalyseSpaces(std::string_view text) {
  // A digit standing alone before a blank and another digit: letter-spaced figures ("1 9 9 7 年", "8 ．8 ％"), not a
  // stamp's blank between its date and its time ("2021-12-04 09:09").
  static const RE2 kSpacedDigits(R"((?:^|[^0-9０-９])[0-9０-９][ \x{3000}]+[0-9０-９．.])");
  SpaceAnalysis a;
  std::vector<Line> lines = SplitLines(text);
  size_t marker_lines = 0;
  std::array<size_t, kMarkerForms> marker_lines_by_form{};
  std::vector<Space> spaces = FindSpaces(lines, &marker_lines, &marker_lines_by_form);
  std::array<size_t, kMarkerForms> marker_spaces_by_form{};
  size_t spaced_units = 0;
  for (const Space& s : spaces) {
    if (s.kind == SpaceKind::kAfterMarker) ++marker_spaces_by_form[s.marker_form];
    spaced_units += s.kind == SpaceKind::kDigitUnit && IsDigitChar(text::CharBefore(text, s.span.begin).value) &&
                    UnitAt(text, s.span.end).has_value();
  }
  size_t strong = 0, marker_spaces = 0;
  std::vector<Space> between;  // every space between two ideographs in prose, split word or not
  for (const Space& s : spaces) {
    strong += s.kind == SpaceKind::kBeforePunct || s.kind == SpaceKind::kAfterPunct || s.kind == SpaceKind::kSplitWord;
    marker_spaces += s.kind == SpaceKind::kAfterMarker;
    if (s.kind == SpaceKind::kSplitWord || s.kind == SpaceKind::kBetweenHan || s.kind == SpaceKind::kAfterPunct) {
      between.push_back(s);
    }
  }
  size_t before_punct = 0, after_punct = 0;
  for (const Space& s : spaces) {
    before_punct += s.kind == SpaceKind::kBeforePunct;
    after_punct += s.kind == SpaceKind::kAfterPunct;
  }
  // Spaces between ideographs that recur at one distance are the extraction's joined lines: evidence on
  // their own, which no clean report shows (kMinPeriodicGaps), for a page whose wraps split few words.
  const size_t width = PeriodicWidth(between);
  const bool damaged = strong >= kMinStraySpaces || before_punct >= kMinSpacesBeforePunct ||
                       after_punct >= kMinSpacesAfterPunct || width > 0;
  static const RE2 kSpacedFigure(R"(\p{Han}[ \x{3000}]+[0-9A-Za-z][0-9A-Za-z.%]*[ \x{3000}]+\p{Han})");
  size_t spaced_figures = 0;
  for (re2::StringPiece input = View(text); RE2::FindAndConsume(&input, kSpacedFigure) && spaced_figures < kMinSpacedFigures;) {
    ++spaced_figures;
  }
  // A blank between a figure and its percent sign ("9.1 %") is evidence on its own where the document spaces
  // no digits apart: the clean corpora's ten such blanks are all in the one report that letter-spaces its
  // figures ("1 9 9 7 年", "8 ．8 ％"); the seven dev sets hold one, in a page with no blank between digits (a
  // masked figure's, "x.x %", the same: the eighth set's one).
  // Scanned for only when such a blank is there (few texts hold one).
  const bool spaces_digits =
      std::any_of(spaces.begin(), spaces.end(), [](const Space& s) { return s.kind == SpaceKind::kBeforePercent; }) &&
      RE2::PartialMatch(View(text), kSpacedDigits);
  const bool wrapped = IsHardWrappedText(text);
  const bool marker_habit = marker_spaces >= kMinMarkerSpaces &&
                            static_cast<double>(marker_spaces) >= kMarkerSpaceShare * static_cast<double>(marker_lines);
  auto form_habit = [&](size_t form) {
    return marker_spaces_by_form[form] >= kMinMarkerSpaces &&
           static_cast<double>(marker_spaces_by_form[form]) >=
               kMarkerSpaceShare * static_cast<double>(marker_lines_by_form[form]);
  };
  const bool units_spaced = spaced_units >= kMinSpacedUnits && !RE2::PartialMatch(View(text), kSpacedDigits);
  for (size_t k = 0; k < spaces.size(); ++k) {
    const Space& s = spaces[k];
    std::string reason;
    switch (s.kind) {
      case SpaceKind::kBeforePunct:
        if (damaged) reason = "A stray space before a punctuation mark, left by the text's extraction.";
        break;
      case SpaceKind::kAfterPunct:
        if (damaged) reason = "A stray space after a mid-sentence punctuation mark, left by the text's extraction.";
        break;
      case SpaceKind::kSplitWord:
        if (damaged) reason = absl::StrCat("A stray space splitting the word \"", s.word, "\".");
        break;
      case SpaceKind::kDigitUnit:
        // A figure followed by its unit ("43.68 亿元") in any damaged text; a space before a figure only in
        // a text typeset so or joined at a width, where it is one more join ("上涨 0.1%"; after a run-in
        // heading, "一、总体情况 2024年,…", the blank is the lost line break and stays for layout.break).
        if (wrapped || spaced_figures >= kMinSpacedFigures ||
            (units_spaced && IsDigitChar(text::CharBefore(text, s.span.begin).value) &&
             UnitAt(text, s.span.end).has_value()) ||
            (damaged && (width > 0 || !text::IsHan(text::CharBefore(text, s.span.begin).value)))) {
          reason = "A space a PDF's typesetting put beside a figure or Latin text, in a text that shows "
                   "extraction damage (stray spaces, a hard-wrapped layout, figures spaced on both sides).";
        }
        break;
      case SpaceKind::kBeforePercent:
        if (!spaces_digits) {
          reason = "A stray space between a figure and its percent sign, left by the text's extraction.";
        }
        break;
      case SpaceKind::kAfterMarker:
        if (marker_habit || form_habit(s.marker_form)) {
          reason = absl::StrCat("A stray space after a list marker: ", marker_spaces, " of the document's ",
                                marker_lines, " list markers have one.");
        }
        break;
      case SpaceKind::kBetweenHan:
        if (width > 0) {
          // Among the spaces between ideographs, the one at the wrap width from its neighbour.
          auto it = std::lower_bound(between.begin(), between.end(), s.span.begin,
                                     [](const Space& b, size_t begin) { return b.span.begin < begin; });
          if (it != between.end() && it->span.begin != s.span.begin) it = between.end();
          const size_t idx = static_cast<size_t>(it - between.begin());
          auto at_width = [&](size_t i, size_t j) {
            if (j >= between.size() || between[i].line != between[j].line) return false;
            const size_t g = between[std::max(i, j)].char_offset - between[std::min(i, j)].char_offset;
            return (g + kWrapTolerance >= width && g <= width + kWrapTolerance) ||
                   (g + 2 * kWrapTolerance >= 2 * width && g <= 2 * width + 2 * kWrapTolerance);
          };
          // The text after the space must go on: the last characters of a cut page are no evidence.
          const size_t line_end = lines[s.line].end;
          const bool goes_on = text::CountCharStarts(text.substr(s.span.end, line_end - s.span.end)) >= 2;
          // The first join of a line that kept its break (a paragraph's start) is at the width from there.
          const bool first_of_line = it != between.end() && (idx == 0 || between[idx - 1].line != s.line);
          const bool width_from_line_start = first_of_line && s.char_offset + kWrapTolerance >= width &&
                                             s.char_offset <= width + kWrapTolerance;
          if (it != between.end() && goes_on &&
              ((idx > 0 && at_width(idx - 1, idx)) || at_width(idx, idx + 1) || width_from_line_start)) {
            reason = absl::StrCat("A space where the extraction joined lines wrapped every ", width,
                                  " characters, inside a sentence.");
          }
        }
        break;
    }
    if (!reason.empty()) {
      a.remove.push_back(s);
      a.reasons.push_back(std::move(reason));
    }
  }
  return a;
}

// Columns a line takes in the page it was extracted from: ideographs and full-width marks 2, ASCII letters
// and digits 1; ASCII punctuation 2, since sites fold the page's full-width marks to ASCII (",").
size_t DisplayWidth(std::string_view s) {
  static constexpr std::u32string_view kFoldedMarks = U",.;:?!()";
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    if (const size_t ideograph = text::CjkBlockCharLength(s, i); ideograph > 0) {  // most characters
      w += 2;
      i += ideograph;
      continue;
    }
    text::Char c = text::CharAt(s, i);
    w += c.value >= 0x1100 || kFoldedMarks.find(c.value) != std::u32string_view::npos ? 2 : 1;
    i += c.length;
  }
  return w;
}

// Whether the line ends a sentence (or a heading's text with a closing mark).
bool EndsSentence(std::string_view line) {
  std::string_view t = line;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
  if (t.empty()) return true;
  const char32_t c = text::CharBefore(t, t.size()).value;
  static constexpr std::u32string_view kFinal = U"。！？；：!?;:…”」』）)〞";
  return kFinal.find(c) != std::u32string_view::npos;
}

// The line without the blanks that end it.
std::string_view WithoutTrailingBlanks(std::string_view line) {
  while (!line.empty()) {
    const text::Char c = text::CharBefore(line, line.size());
    if (!text::IsLineEdgeBlank(c.value)) break;
    line.remove_suffix(c.length);
  }
  return line;
}

// A line that ends with "；" closes a paragraph in clean reports only as one clause of a list: of the 11,467
// lines holding text in the 103 clean reports, 45 end with "；" and none holds a sentence end before it (each
// is an item after a lead-in that ends with "：" or "；"). A line that ends with "；" after a sentence end of
// its own ("(一)…新局面。…落实管控37人；") is a sentence a site broke at its semicolons, and so is the line
// after it when it ends with "；" too: the paragraph it continues already holds a sentence end.
// No count of them is asked: one such line is evidence no clean report shows.
bool EndsWithSemicolon(std::string_view line) {
  line = WithoutTrailingBlanks(line);
  return !line.empty() && text::IsBreak(text::CharBefore(line, line.size()).value, text::kSemicolons);
}

// Whether a sentence ends in the line before its last character ("…新局面。…37人；").
bool HasSentenceEndBeforeLast(std::string_view line) {
  line = WithoutTrailingBlanks(line);
  if (line.empty()) return false;
  line.remove_suffix(text::CharBefore(line, line.size()).length);
  for (size_t i = 0; i < line.size();) {
    const text::Char c = text::CharAt(line, i);
    if (text::IsBreak(c.value, text::kSentenceEnds)) return true;
    i += c.length;
  }
  return false;
}

// A paragraph broken inside a clause: a prose line (IsProseLine) that opens no block and ends with an
// ideograph, before a prose line that opens with one (no block either), where the first line holds a
// sentence end or at least kMinParagraphClauseMarks mid-sentence marks (a paragraph, not a heading such as
// "强化责任，狠抓落实"). Measured on the clean corpora (103 national, 64 provincial reports; 5,328 line breaks
// between lines of text, 1,381 after an ideograph): 66 breaks join two prose lines there, every one after a
// heading that opens with a list marker ("（一）立足长治久安，建设…"), so none is joined; Wikisource's breaks
// around a link ("…在⏎中国大陆⏎…") open no prose line. The seven dev sets show the form on three pages (a clause
// cut after its subject, a word cut after a sentence end: "…，该镇⏎地处…" in our words); the two guards below
// each kept one false join off them (a unit after a deleted figure, a run-in heading after a blank). One such
// break is evidence on its own.
constexpr size_t kMinParagraphClauseMarks = 2;
// A line that opens with a run-in heading (a sentence of at most kRunInHeadingMaxChars characters with no mark
// inside, then the paragraph: "经济持续稳健发展。据统计,…") opens a paragraph of its own: 1,648 of the clean corpora's
// 8,930 lines of 15 characters or more open so. The line before it is its section's lead, a heading without end
// punctuation ("一年来,我们以…为要务,推动经济…发展", a control page of issue 14's eighth set), not a clause cut.
constexpr size_t kRunInHeadingMaxChars = 12;
bool OpensWithRunInHeading(std::string_view line) {
  line = text::TrimLineBlanks(line);
  size_t chars = 0;
  for (size_t i = 0; i < line.size() && chars <= kRunInHeadingMaxChars;) {
    const text::Char c = text::CharAt(line, i);
    i += c.length;
    if (text::IsBreak(c.value, text::kCjkSentenceEnds)) return chars >= 2 && i < line.size();
    if (text::IsBreak(c.value, text::kPunctuationMarks) || text::IsInlineBlank(c.value)) return false;
    ++chars;
  }
  return false;
}
bool IsUnfinishedParagraphBreak(std::string_view a, std::string_view b) {
  a = WithoutTrailingBlanks(a);
  b = text::TrimLineBlanks(b);
  if (a.empty() || b.empty() || !IsProseLine(a) || !IsProseLine(b)) return false;
  if (text::OpensBlock(a, 0) || text::OpensBlock(b, 0)) return false;
  if (!text::IsHan(text::CharBefore(a, a.size()).value) || !text::IsHan(text::CharAt(b, 0).value)) return false;
  // A unit opening the next line may follow a deleted figure ("…处理⏎件，"): number.stripped reads it.
  if (UnitAt(b, 0).has_value()) return false;
  if (OpensWithRunInHeading(b)) return false;
  bool sentence_end = false, blank_in_tail = false;
  size_t marks = 0;  // mid-sentence marks in the line
  for (size_t i = 0; i < a.size();) {
    const text::Char c = text::CharAt(a, i);
    if (text::IsBreak(c.value, text::kSentenceEnds | kMidPunct)) {
      blank_in_tail = false;
      sentence_end = sentence_end || text::IsBreak(c.value, text::kSentenceEnds);
      if (IsMidPunct(c.value)) ++marks;
    } else if (text::IsInlineBlank(c.value)) {
      blank_in_tail = true;
    }
    i += c.length;
  }
  // A blank after the line's last mark parts a run-in heading from it ("…提高。 主要做法⏎我们…"): no clause goes on.
  if (blank_in_tail) return false;
  return sentence_end || marks >= kMinParagraphClauseMarks;
}

struct Wrap {
  Span span;  // the line break ("\r\n" or "\n")
  std::string after;
  std::string reason;
};

// The width a text was hard-wrapped at, or 0.
size_t WrapWidth(const std::vector<Line>& lines) {
  // The widest common width: for each width, the lines within kWidthTolerance under it.
  std::vector<size_t> line_widths, widths;
  line_widths.reserve(lines.size());
  for (const Line& l : lines) {
    const size_t w = DisplayWidth(l.text);
    line_widths.push_back(w);
    if (w >= kMinWrapWidth) widths.push_back(w);
  }
  std::sort(widths.begin(), widths.end());
  size_t width = 0, best = 0;
  for (size_t k = 0, lo = 0; k < widths.size(); ++k) {
    while (widths[lo] + kWidthTolerance < widths[k]) ++lo;
    if (k - lo + 1 >= best) {  // ties: the wider width
      best = k - lo + 1;
      width = widths[k];
    }
  }
  bool wrapped = false;
  if (best >= kMinWrapLines) {
    size_t full = 0, open = 0, wider = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
      const size_t w = line_widths[k];
      if (w > width) ++wider;
      if (w + kWidthTolerance >= width && w <= width) {
        ++full;
        open += !EndsSentence(lines[k].text);
      }
    }
    wrapped = static_cast<double>(open) >= kOpenShare * static_cast<double>(full) &&
              static_cast<double>(wider) <= kWiderShare * static_cast<double>(widths.size());
  }
  return wrapped ? width : 0;
}

// Two ASCII letters or digits a line break parts: joined, a space stays between them (two words, two figures).
bool IsLatinOrDigitPair(char32_t last, char32_t first) {
  return last < 0x80 && first < 0x80 && std::isalnum(static_cast<int>(last)) && std::isalnum(static_cast<int>(first));
}

// Whether the line (without its blanks) holds only a figure: digits, a decimal point or thousands commas, and
// a percent sign after them ("1864", "98.6%").
bool IsFigureLine(std::string_view line) {
  line = text::TrimLineBlanks(line);
  if (line.empty() || !IsDigitChar(text::CharAt(line, 0).value)) return false;
  for (size_t i = 0; i < line.size();) {
    const text::Char c = text::CharAt(line, i);
    i += c.length;
    if (IsDigitChar(c.value) || c.value == U'.' || c.value == U'．' || c.value == U',') continue;
    return (c.value == U'%' || c.value == U'％') && i == line.size();
  }
  return true;
}

// Marks that close or continue a sentence and never open a line of text: a break before one is no break of the
// text's own.
bool IsClosingOrMidMark(char32_t c) {
  static constexpr std::u32string_view kClosing = U"）)》」』】〕%％";
  return IsClosingPunct(c) || c == U'、' || kClosing.find(c) != std::u32string_view::npos;
}
// A line of text that opens with a closing or mid-sentence mark continues the line before it. Measured on
// the clean corpora: 253 lines open with one (。，、；：？！ or a closing bracket or quote), each after a line
// of at most 26 characters with no sentence punctuation or comma (Wikisource's breaks around a link,
// "…中华人民共和国法律⏎。依据…"); 0 after a prose line (IsProseLine). One such break is evidence on its own.
// A conjunction ends no line of prose either: of the clean corpora's prose lines, 1 ends with 和 or 与 (before
// Wikisource's zero-width space line), 0 before a line that opens with an ideograph or a figure; 的 is left
// out (4 prose lines end with it, 2 before a link's line).
bool IsConjunction(char32_t c) {
  static constexpr std::u32string_view kConjunctions = U"和与及或并";
  return kConjunctions.find(c) != std::u32string_view::npos;
}
// Brackets and book-title marks a line may end with only when an inline element was cut after it.
bool IsBracketMark(char32_t c) {
  static constexpr std::u32string_view kBrackets = U"（(《「『【〔“》」』】〕”";
  return kBrackets.find(c) != std::u32string_view::npos;
}

// Whether the line holds a mark that ends a clause (a piece of a sentence, not a heading or a name).
bool HoldsClauseMark(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    const text::Char c = text::CharAt(line, i);
    if (text::IsBreak(c.value, text::kClauseBreaks & ~text::kLineBreaks)) return true;
    i += c.length;
  }
  return false;
}

// A PDF extraction that broke its lines at every run of text, not at a width: a line break before and after every
// figure, mask, unit and bold word ("…完成地区生产总值⏎XX⏎亿元,增长⏎5%⏎;…", a title over four lines, a word cut in
// two "…蓝⏎莓⏎园…"). Its lines are fragments, so the page is diagnosed as a whole, from two signs together:
// - kMinFragmentElements elements inside a sentence: a figure or a mask (XX, ***) alone on its line, after a line
//   that ends mid-sentence and before one that opens with a unit or a mark (or the figure a percentage). The 103
//   clean reports hold none (their figure lines follow a Latin letter, "M⏎2⏎增长"); of the eight real sets' 269
//   pages, the forum copy that sets its figures on lines of their own (FindInlineElementBreaks) holds 3, the
//   others 0, the town's PDF extraction of the eighth set 23.
// - short lines: the median line (blank lines left out) holds at most kMaxFragmentedMedianChars characters. The
//   clean reports' medians are 9 (a Wikisource resolution page of 15 lines, with the breaks around its links) and
//   more; the real sets' other pages 7 and more; that extraction's 4.
constexpr size_t kMinFragmentElements = 6;
constexpr size_t kMaxFragmentedMedianChars = 8;

// Whether the line (without its blanks) holds only a mask: one to four mask glyphs ("XX", "***").
bool IsMaskLine(std::string_view line) {
  line = text::TrimLineBlanks(line);
  size_t glyphs = 0;
  for (size_t i = 0; i < line.size();) {
    const text::Char c = text::CharAt(line, i);
    if (!IsMaskGlyph(c.value)) return false;
    ++glyphs;
    i += c.length;
  }
  return glyphs > 0 && glyphs <= 4;
}

// Whether the line holds only punctuation marks (a ";" or "。" the extraction set on a line of its own).
bool IsLoneMarkLine(std::string_view line) {
  line = text::TrimLineBlanks(line);
  if (line.empty()) return false;
  for (size_t i = 0; i < line.size();) {
    const text::Char c = text::CharAt(line, i);
    if (!IsClosingOrMidMark(c.value) && !text::IsBreak(c.value, text::kPunctuationMarks)) return false;
    i += c.length;
  }
  return true;
}

// Whether the line holds only a list marker ("1.", "2、", "（三）"): the item's text follows on the next line.
bool IsLoneListMarker(std::string_view line) {
  line = text::TrimLineBlanks(line);
  if (line.empty()) return false;
  if (const std::optional<text::ListMarker> m = text::MatchListMarker(line, 0); m && m->length == line.size()) {
    return true;
  }
  // A dot ending the line is no marker to MatchListMarker (a decimal may follow on the next line): alone on its
  // line after digits, it is one.
  static const RE2 kNumberDot(R"([0-9]{1,2}[.．])");
  return RE2::FullMatch(View(line), kNumberDot);
}

// Whether the line ends a sentence or a lead-in: 。！？：；… or a closing quotation mark after one.
bool EndsSentenceOrLeadIn(std::string_view line) {
  line = text::TrimLineBlanks(line);
  if (line.empty()) return true;
  text::Char c = text::CharBefore(line, line.size());
  if (c.value == U'”' || c.value == U'」' || c.value == U'』') {
    line.remove_suffix(c.length);
    if (line.empty()) return false;
    c = text::CharBefore(line, line.size());
  }
  return text::IsBreak(c.value, text::kSentenceEnds | text::kColons | text::kSemicolons) || c.value == U'…';
}

// Whether the line holds a sentence end (。！？).
bool HoldsSentenceEnd(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    const text::Char c = text::CharAt(line, i);
    if (text::IsBreak(c.value, text::kSentenceEnds)) return true;
    i += c.length;
  }
  return false;
}

// Whether a figure or mask line n stands inside a sentence (kMinFragmentElements).
bool IsElementInsideSentence(const std::vector<Line>& lines, size_t n) {
  if (n == 0 || n + 1 >= lines.size()) return false;
  const std::string_view e = text::TrimLineBlanks(lines[n].text), a = text::TrimLineBlanks(lines[n - 1].text),
                         b = text::TrimLineBlanks(lines[n + 1].text);
  if (a.empty() || b.empty() || EndsSentenceOrLeadIn(a)) return false;
  const bool figure = IsFigureLine(e);
  if (!figure && !IsMaskLine(e)) return false;
  const char32_t last = text::CharBefore(a, a.size()).value;
  if (!text::IsHan(last) && !IsMidPunct(last) && !IsMaskGlyph(last)) return false;
  const char32_t element_end = text::CharBefore(e, e.size()).value;
  const bool percent = figure && (element_end == U'%' || element_end == U'％');
  return percent || IsClosingOrMidMark(text::CharAt(b, 0).value) || UnitAt(b, 0).has_value();
}

}  // namespace

bool IsFragmentedExtraction(std::string_view text) {
  const std::vector<Line> lines = SplitLines(text);
  std::vector<size_t> lengths;
  size_t elements = 0;
  for (size_t n = 0; n < lines.size(); ++n) {
    if (text::IsBlankLine(lines[n].text)) continue;
    lengths.push_back(text::CountCharStarts(text::TrimLineBlanks(lines[n].text)));
    elements += IsElementInsideSentence(lines, n);
  }
  if (lengths.empty()) return false;
  std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
  if (elements < kMinFragmentElements) return false;
  return lengths[lengths.size() / 2] <= kMaxFragmentedMedianChars;
}

size_t FragmentedSentenceEnd(const std::vector<Line>& lines, size_t k) {
  while (k + 1 < lines.size() && !text::IsBlankLine(lines[k + 1].text) && !EndsSentenceOrLeadIn(lines[k].text)) ++k;
  return k;
}

namespace {

// The breaks of a fragmented extraction (IsFragmentedExtraction), joined: every break between two lines of text
// but the text's own, which stay: after a sentence end or a lead-in's colon (a mark alone on its line is a
// fragment: "…质扩量⏎。⏎围绕…" joins on both sides), before a heading, list marker or indent (and a marker alone on
// its line, "1."), after a heading (a list marker and its text, no sentence end: "(一)经济运行稳中有升"), and after
// a title (the lines since the last break kept hold no punctuation and end with a kind of report: "XX⏎镇⏎2023⏎
// 年政府工作报告⏎各位代表:" keeps its last break).
std::vector<Wrap> FindFragmentBreaks(std::string_view text, const std::vector<Line>& lines) {
  std::vector<Wrap> wraps;
  if (!IsFragmentedExtraction(text)) return wraps;
  bool run_punctuated = false;  // the lines since the last break kept hold a punctuation mark
  for (size_t n = 0; n + 1 < lines.size(); ++n) {
    const std::string_view a = text::TrimLineBlanks(lines[n].text), b = text::TrimLineBlanks(lines[n + 1].text);
    for (size_t i = 0; i < a.size();) {
      const text::Char c = text::CharAt(a, i);
      run_punctuated = run_punctuated || text::IsBreak(c.value, text::kPunctuationMarks);
      i += c.length;
    }
    bool keep = a.empty() || b.empty() || (EndsSentenceOrLeadIn(a) && !IsLoneMarkLine(a)) ||
                text::OpensBlock(lines[n + 1].text, 0) || IsLoneListMarker(b);
    if (!keep && OpensWithListMarker(a) && !IsLoneListMarker(a)) keep = !HoldsSentenceEnd(a);
    if (!keep && !run_punctuated) {
      for (std::string_view kind : text::lexicon::kReportKindLabels) keep = keep || a.ends_with(kind);
    }
    if (keep) {
      run_punctuated = false;
      continue;
    }
    const char32_t last = text::CharBefore(a, a.size()).value;
    const char32_t first = text::CharAt(b, 0).value;
    wraps.push_back({{lines[n].begin + lines[n].text.size(), lines[n + 1].begin},
                     IsLatinOrDigitPair(last, first) ? " " : "",
                     "A line break of a PDF extraction that broke its lines at every figure, mask and word run (the "
                     "page's lines are fragments: figures and masks stand alone inside sentences, the median line is "
                     "a few characters), inside a sentence."});
  }
  return wraps;
}

// A page whose paragraphs a copy cut after a comma, blank lines between the pieces ("…投入93.29亿元,⏎⏎深入实施…"): a
// line ending with a comma (，, 、) before blank lines and a line that goes on with the clause. The clean corpora hold 3
// such breaks, each before a parallel item that a Chinese numeral opens ("为了加快农业的发展，⏎⏎一要…"); issue 14's eight
// real sets one page with 3 (a traditional news copy of the eighth) and one with 1 (a site's teaser cut after "相反,",
// the text opening again below it). A document with kMinCommaParagraphBreaks is diagnosed, and its breaks after a
// comma are joined, the single ones too ("…保险费率,⏎全年…").
constexpr size_t kMinCommaParagraphBreaks = 2;

// Whether the line ends with a comma or an enumeration comma after text.
bool EndsWithComma(std::string_view line) {
  line = text::TrimLineBlanks(line);
  if (line.empty()) return false;
  const text::Char c = text::CharBefore(line, line.size());
  return line.size() > c.length && text::IsBreak(c.value, text::kCommas | text::kIdeographicComma);
}

// Whether the line goes on with a clause: it opens with an ideograph, a figure or a mask, not a block (a heading, a
// list marker, an indent) nor a Chinese numeral (an enumeration's item, "一要…").
bool GoesOnWithClause(std::string_view line) {
  if (text::IsBlankLine(line) || text::OpensBlock(line, 0)) return false;
  const char32_t first = text::CharAt(line, 0).value;
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十首";
  if (kNumerals.find(first) != std::u32string_view::npos) return false;
  return text::IsHan(first) || IsDigitChar(first) || IsMaskGlyph(first);
}

std::vector<Wrap> FindCommaParagraphBreaks(const std::vector<Line>& lines) {
  std::vector<Wrap> wraps;
  size_t across_blank_lines = 0;
  for (size_t n = 0; n + 1 < lines.size(); ++n) {
    if (!EndsWithComma(lines[n].text)) continue;
    size_t m = n + 1;
    while (m < lines.size() && text::IsBlankLine(lines[m].text)) ++m;
    if (m == lines.size() || !GoesOnWithClause(lines[m].text)) continue;
    across_blank_lines += m > n + 1;
    wraps.push_back({{lines[n].begin + lines[n].text.size(), lines[m].begin},
                     "",
                     m > n + 1 ? "Blank lines inside a sentence: the line before ends with a comma and the text after goes "
                                 "on with the clause, in a page cut so more than once."
                               : "A line break after a comma inside a sentence, in a page that cut its paragraphs after "
                                 "commas with blank lines between."});
  }
  if (across_blank_lines < kMinCommaParagraphBreaks) wraps.clear();
  return wraps;
}

// The breaks a forum copy put around inline elements (kMinInlineFigureLines): in a diagnosed document, a break
// after a line that ends mid-sentence joins the next line when one of the two is a figure line inside a
// sentence, when the next line opens with a closing or mid-sentence mark, when the line ends with a bracket or
// book-title mark, when the next opens with a figure after a line that holds a clause of a sentence or that
// such a break cut at its start ("…街道配备了⏎45名…"), or, between ideographs, when the line itself is the
// tail such a break cut off ("…⏎条。依申请公开⏎信息共3条"). Never before a heading, list marker or indent.
std::vector<Wrap> FindInlineElementBreaks(const std::vector<Line>& lines) {
  std::vector<Wrap> wraps;
  auto trimmed = [&](size_t n) { return text::TrimLineBlanks(lines[n].text); };
  std::vector<bool> figure(lines.size(), false);
  size_t figures = 0;
  for (size_t n = 1; n + 1 < lines.size(); ++n) {
    const std::string_view f = trimmed(n), a = trimmed(n - 1), b = trimmed(n + 1);
    if (a.empty() || b.empty() || !IsFigureLine(f)) continue;
    const char32_t last = text::CharBefore(a, a.size()).value;
    const char32_t first = text::CharAt(b, 0).value;
    const char32_t figure_end = text::CharBefore(f, f.size()).value;
    const bool percent = figure_end == U'%' || figure_end == U'％';
    if (text::IsHan(last) && (percent || IsClosingOrMidMark(first) || UnitAt(b, 0).has_value())) {
      figure[n] = true;
      ++figures;
    }
  }
  if (figures < kMinInlineFigureLines) return wraps;
  bool start_joined = false;  // the break before line n was joined by the evidence of an inline element
  for (size_t n = 0; n + 1 < lines.size(); ++n) {
    const bool cut_tail = start_joined;
    start_joined = false;
    const std::string_view a = trimmed(n), b = trimmed(n + 1);
    if (a.empty() || b.empty() || EndsSentence(a) || text::OpensBlock(lines[n + 1].text, 0)) continue;
    const char32_t last = text::CharBefore(a, a.size()).value;
    const char32_t first = text::CharAt(b, 0).value;
    const char* why = nullptr;
    if (figure[n] || figure[n + 1]) {
      why = "a figure the copy set on a line of its own";
    } else if (IsClosingOrMidMark(first)) {
      why = "a mark that closes or continues the sentence opening the next line";
    } else if (IsBracketMark(last)) {
      why = "a bracket or book-title mark ending the line";
    } else if (IsDigitChar(first) && (cut_tail || HoldsClauseMark(a))) {
      why = "a figure opening the next line after a clause of the sentence";
    } else if (cut_tail && text::IsHan(last) && text::IsHan(first)) {
      why = "the tail of a sentence an inline element's break cut off, continued on the next line";
    }
    if (why == nullptr) continue;
    start_joined = !cut_tail || !text::IsHan(last) || !text::IsHan(first);
    wraps.push_back({{lines[n].begin + lines[n].text.size(), lines[n + 1].begin},
                     IsLatinOrDigitPair(last, first) ? " " : "",
                     absl::StrCat("A line break a forum copy put around an inline element (", figures,
                                  " figures stand on lines of their own inside sentences): ", why, ".")});
  }
  return wraps;
}

// A title wrapped over two or three lines (blank lines between them or not) that the page prints whole elsewhere
// ("关于某区2022年国民经济和社会发展⏎⏎计划执行情况的报告" under a portal's title field that holds it on one line).
// Measured on the clean corpora (103 reports): 0 runs of 2–3 consecutive lines without sentence punctuation join
// into another line of their report (their titles cut in two, "政府工作报⏎告", are printed whole nowhere else); on
// the eight dev sets 2, a portal's wrapped title and a site's broken copy of the title right under it (a copy,
// which boilerplate.title removes: the run said whole on the line next to it is left alone). One such run is
// evidence on its own.
constexpr size_t kMaxTitlePieces = 3;
constexpr size_t kMinWrappedTitleChars = 8;
constexpr size_t kMaxTitlePieceChars = 60;  // a piece of a title, not a paragraph

std::vector<Wrap> FindWrappedTitles(std::string_view text, const std::vector<Line>& lines) {
  std::vector<Span> filled;  // the text of the lines that hold some, without their blanks
  std::vector<bool> piece;   // whether that line may be a piece of a title
  std::unordered_map<std::string_view, std::vector<size_t>> where;  // a line's text: its indexes into `filled`
  static const RE2 kSentencePunct(R"([，。；！？,;!?：:])");
  for (const Line& line : lines) {
    const std::string_view t = text::TrimLineBlanks(line.text);
    if (t.empty()) continue;
    const size_t begin = line.begin + static_cast<size_t>(t.data() - line.text.data());
    where[t].push_back(filled.size());
    filled.push_back({begin, begin + t.size()});
    const size_t chars = text::CountCharStarts(t, kMaxTitlePieceChars + 1);
    piece.push_back(chars >= 2 && chars <= kMaxTitlePieceChars && !RE2::PartialMatch(View(t), kSentencePunct));
  }
  std::vector<Wrap> wraps;
  for (size_t k = 0; k < filled.size();) {
    size_t joined_pieces = 0;
    for (size_t n = kMaxTitlePieces; n >= 2 && joined_pieces == 0; --n) {
      if (k + n > filled.size()) continue;
      std::string whole;
      bool pieces = true;
      for (size_t m = k; m < k + n && pieces; ++m) {
        pieces = piece[m];
        whole.append(text.substr(filled[m].begin, filled[m].size()));
      }
      if (!pieces || text::CountCharStarts(whole) < kMinWrappedTitleChars) continue;
      const auto it = where.find(whole);
      if (it == where.end()) continue;
      // Said whole on the line next to the run, the run is a broken copy of the title (boilerplate.title's).
      const bool copy_beside = std::any_of(it->second.begin(), it->second.end(),
                                           [&](size_t m) { return m + 1 == k || m == k + n; });
      if (!copy_beside) joined_pieces = n;
    }
    if (joined_pieces == 0) {
      ++k;
      continue;
    }
    for (size_t m = k; m + 1 < k + joined_pieces; ++m) {
      wraps.push_back({{filled[m].end, filled[m + 1].begin},
                       "",
                       "A title wrapped over lines: the page prints the lines joined as one line elsewhere."});
    }
    k += joined_pieces;
  }
  return wraps;
}

std::vector<Wrap> FindWraps(std::string_view text) {
  std::vector<Wrap> wraps;
  std::vector<Line> lines = SplitLines(text);
  const size_t width = WrapWidth(lines);
  const bool wrapped = width > 0;
  std::vector<Wrap> split_words;
  bool split_inside_paragraph = false;  // the last word-splitting break has a prose line after it too
  bool paragraph_has_sentence_end = false;  // the paragraph line n continues, joined at "；" breaks
  for (size_t n = 0; n + 1 < lines.size(); ++n) {
    const Line& a = lines[n];
    const Line& b = lines[n + 1];
    const bool continued = paragraph_has_sentence_end;
    paragraph_has_sentence_end = false;
    if (a.text.empty() || b.text.empty() || text::OpensBlock(b.text, 0)) continue;
    if (EndsWithSemicolon(a.text)) {
      const char32_t first = text::CharAt(b.text, 0).value;
      const bool goes_on = text::IsHan(first) || IsDigitChar(first) || IsMaskGlyph(first);
      if (goes_on && (continued || HasSentenceEndBeforeLast(a.text))) {
        wraps.push_back({{a.begin + a.text.size(), b.begin},
                         "",
                         "A line break after \"；\" inside a paragraph that already holds a sentence end: "
                         "clean reports end a paragraph with \"；\" only as a one-clause list item."});
        paragraph_has_sentence_end = true;
      }
      continue;
    }
    if (EndsSentence(a.text)) continue;
    const char32_t opening = text::CharAt(b.text, 0).value;
    if (IsProseLine(a.text) && IsClosingOrMidMark(opening)) {
      wraps.push_back({{a.begin + a.text.size(), b.begin},
                       "",
                       "A line break before a mark that closes or continues the sentence of a prose line: no "
                       "line of text opens with one."});
      continue;
    }
    // A short line that ends open is a line of its own (a speaker's name, a page number), not the tail of
    // a wrapped paragraph, which ends its sentence.
    if (!EndsSentence(b.text) && (wrapped ? 2 * DisplayWidth(b.text) < width : !IsProseLine(b.text))) continue;
    const char32_t last = text::CharBefore(a.text, a.text.size()).value;
    const char32_t first = text::CharAt(b.text, 0).value;
    Wrap w{{a.begin + a.text.size(), b.begin}, IsLatinOrDigitPair(last, first) ? " " : "", ""};
    if (wrapped && DisplayWidth(a.text) + kWidthTolerance >= width) {
      w.reason = absl::StrCat("A hard line break: the text was wrapped every ", width,
                              " columns, and this line ends mid-sentence.");
      wraps.push_back(std::move(w));
      continue;
    }
    if (IsProseLine(a.text) && IsConjunction(last) && (text::IsHan(first) || IsDigitChar(first))) {
      std::string conjunction;
      text::AppendUtf8(last, &conjunction);
      w.reason = absl::StrCat("A line break after the conjunction \"", conjunction,
                              "\", which joins what follows it, inside a sentence.");
      wraps.push_back(std::move(w));
      continue;
    }
    if (!text::IsHan(last) || !text::IsHan(first) || !IsProseLine(a.text)) continue;
    std::string word = SplitWord(a.text, b.text);
    if (word.empty()) {
      // No word split: a paragraph broken mid-clause is evidence on its own (a split word's break counts
      // toward kMinSplitBreaks first).
      if (IsUnfinishedParagraphBreak(a.text, b.text)) {
        w.reason =
            "A line break inside a paragraph: the line before it holds sentences and ends mid-clause, the line "
            "after it goes on with the sentence.";
        wraps.push_back(std::move(w));
      }
      continue;
    }
    w.reason = absl::StrCat("A hard line break splitting the word \"", word, "\" inside a sentence.");
    split_inside_paragraph = IsProseLine(b.text);
    split_words.push_back(std::move(w));
  }
  if (split_words.size() >= kMinSplitBreaks || (split_words.size() == 1 && split_inside_paragraph)) {
    for (Wrap& w : split_words) wraps.push_back(std::move(w));
  }
  // A fragmented extraction's breaks, where no other evidence joined them already.
  for (Wrap& w : FindFragmentBreaks(text, lines)) wraps.push_back(std::move(w));
  // Paragraphs cut after a comma.
  for (Wrap& w : FindCommaParagraphBreaks(lines)) wraps.push_back(std::move(w));
  // The breaks around inline elements, where no other evidence joined them already.
  for (Wrap& w : FindInlineElementBreaks(lines)) wraps.push_back(std::move(w));
  for (Wrap& w : FindWrappedTitles(text, lines)) wraps.push_back(std::move(w));
  std::stable_sort(wraps.begin(), wraps.end(),
                   [](const Wrap& x, const Wrap& y) { return x.span.begin < y.span.begin; });
  wraps.erase(std::unique(wraps.begin(), wraps.end(),
                          [](const Wrap& x, const Wrap& y) { return x.span.begin == y.span.begin; }),
              wraps.end());
  return wraps;
}

bool IsHardWrappedText(std::string_view text) { return WrapWidth(SplitLines(text)) > 0; }

// Confidences: the rules' estimates. Measured on issue 14's real dev set (74 pages outside the repository;
// `tools/wild_eval/wild_eval.py --by-confidence`, December 2026), records right / wrong against the
// annotations, "unannotated" for an edit no annotation covers. No record was wrong; the estimates stand
// (the forms that pass 30 records are candidates for number_cues.h's Wilson rule once a held-out set
// exists: this set's pages shaped the rules).
// layout.wrap, a hard line break inside a sentence of a text wrapped at a width: right 12 of 12. (A break
// after "；" in a paragraph that holds a sentence end, measured later on the second real set: right 7 of 7, and
// 2 unannotated on the first set, read as right.)
constexpr double kWrapConfidence = 0.85;
// layout.space, a space beside a figure or Latin text in a text that spaces its figures (right 72, 1
// unannotated), or between ideographs at the width the extraction joined lines at (right 8 of 8): the
// space may be the author's, so lower.
constexpr double kTypesetSpaceConfidence = 0.8;
// layout.space, a space before or after a punctuation mark, splitting a word, or after a list marker:
// right 28 of 28 (before a mark 8, after 12, splitting 8; after a marker not on the dev set).
constexpr double kStraySpaceConfidence = 0.9;

// The text the layout is read in: a converted copy as its author wrote it (UndoScriptConversion), since the
// converter's readings and traditional characters hide the marks and dictionary words beside a space or a
// break ("活動(dòng), 為", "匯 報(bào)"); any other text as it is. Spans found in it map back by ToDocument.
struct LayoutReading {
  std::string_view document;
  const UnconvertedText* unconverted = nullptr;  // kept in the repair context, for layout.space and layout.wrap

  std::string_view text() const { return unconverted ? std::string_view(unconverted->text) : document; }
  // The document's span for a span of text(), or nothing when the two differ there (they never should:
  // blanks and breaks are never inside a reading).
  std::optional<Span> ToDocument(Span span) const {
    Span mapped = span;
    if (unconverted) mapped = {unconverted->Original(span.begin), unconverted->Original(span.end)};
    if (mapped.end > document.size() || mapped.begin > mapped.end ||
        document.substr(mapped.begin, mapped.size()) != text().substr(span.begin, span.size())) {
      return std::nullopt;
    }
    return mapped;
  }
};

LayoutReading ReadLayout(RepairContext& context) {
  return LayoutReading{context.text(), ScriptView(context)};
}

}  // namespace

void JoinHardWraps(RepairContext& context) {
  std::string_view text = context.text();
  const LayoutReading reading = ReadLayout(context);
  for (Wrap& w : FindWraps(reading.text())) {
    const std::optional<Span> mapped = reading.ToDocument(w.span);
    if (!mapped || context.IsClaimed(*mapped)) continue;
    const Span span = *mapped;
    RepairRecord r;
    r.rule = repair_rule::kLayoutWrap;
    r.span = span;
    r.before = std::string(text.substr(span.begin, span.size()));
    r.after = std::move(w.after);
    r.confidence = kWrapConfidence;
    r.reason = std::move(w.reason);
    context.Propose(std::move(r));
  }
}

namespace {

// A heading numeral whose 、 an extraction turned into a blank ("一 工作情况", "十二 加强…"). The clean corpora
// (national 1954–2025, provincial 2026; 1.8 million characters) open no line with a Chinese numeral and a blank
// (their only lines opening with a figure and a blank are 1998's letter-spaced figures, "1 9 9 7 年"): one such
// line is evidence on its own. Arabic figures are left to number.lost_point (their mark may be 、 or a point).
constexpr size_t kMaxHeadingNumerals = 2;  // 一 … 十, 十一 … 九十九
constexpr double kLostMarkerCommaConfidence = 0.85;

bool IsChineseNumeral(char32_t c) {
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  return kNumerals.find(c) != std::u32string_view::npos;
}

// Where a line opens with a heading numeral and a blank before an ideograph, the blank's span; else nullopt.
// A row of numerals ("一 二 三") is a table's, not a heading.
std::optional<Span> LostMarkerCommaBlank(const Line& line) {
  std::string_view t = line.text;
  size_t i = text::SkipBlanks(t, 0, t.size());
  size_t numerals = 0;
  while (i < t.size() && IsChineseNumeral(text::CharAt(t, i).value)) {
    ++numerals;
    i += text::CharAt(t, i).length;
  }
  if (numerals == 0 || numerals > kMaxHeadingNumerals || i >= t.size()) return std::nullopt;
  if (!text::IsInlineBlank(text::CharAt(t, i).value)) return std::nullopt;
  const size_t j = text::SkipBlanks(t, i, t.size());
  if (j >= t.size()) return std::nullopt;
  const char32_t next = text::CharAt(t, j).value;
  if (!text::IsHan(next) || IsChineseNumeral(next)) return std::nullopt;
  return Span{line.begin + i, line.begin + j};
}

// A heading numeral glued to its heading's first word, the 、 gone ("四以打造特色社区为着力点,…" before "(一)强化…"):
// a line that opens with a chapter numeral the tokenizer reads as a word of its own, before no unit or measure
// word ("五年来", "一条") and no parallel item's 是 or 要 ("二是"), and the next line with text opens the chapter's
// first subheading "(一)". Measured on the clean corpora: 15 lines open with a numeral and an ideograph before a
// line opening with "（一）", every one a lead-in "一年来，…" or "五年来，…" (a unit after the numeral); the eight
// dev sets 5: 3 such lead-ins, a parallel item "二是…" and 1 heading that lost its 、. One is evidence on its own.
std::optional<Span> GluedHeadingNumeral(const Line& line, const Line* next) {
  if (next == nullptr) return std::nullopt;
  std::string_view t = line.text;
  const size_t at = text::SkipBlanks(t, 0, t.size());
  size_t i = at, numerals = 0;
  while (i < t.size() && IsChineseNumeral(text::CharAt(t, i).value)) {
    ++numerals;
    i += text::CharAt(t, i).length;
  }
  if (numerals == 0 || numerals > kMaxHeadingNumerals || i >= t.size() || !text::IsHan(text::CharAt(t, i).value)) {
    return std::nullopt;
  }
  if (UnitAt(t, i).has_value() || text::OpensParallelItem(t, at)) return std::nullopt;
  const std::vector<OwnedToken> tokens = DictionaryTokenizer().Tokenize(std::string(TextAfter(t, at, numerals + 4)));
  if (tokens.empty() || tokens.front().end != i - at) return std::nullopt;  // the numeral opens a word (四川, 一体)
  const std::string_view n = next->text;
  const std::optional<text::ListMarker> sub = text::MatchListMarker(n, text::SkipBlanks(n, 0, n.size()));
  const bool first_subheading = sub && sub->ordinal == 1 && sub->form == text::ListMarkerForm::kChineseParen;
  if (!first_subheading) return std::nullopt;
  return Span{line.begin + i, line.begin + i};
}

void RestoreLostMarkerCommas(RepairContext& context, const LayoutReading& reading) {
  std::string_view text = context.text();
  const std::vector<Line> lines = SplitLines(reading.text());
  std::vector<const Line*> filled;  // the lines that hold text
  for (const Line& line : lines) {
    if (!text::TrimLineBlanks(line.text).empty()) filled.push_back(&line);
  }
  for (size_t k = 0; k < filled.size(); ++k) {
    const Line& line = *filled[k];
    std::optional<Span> blank = LostMarkerCommaBlank(line);
    if (!blank) blank = GluedHeadingNumeral(line, k + 1 < filled.size() ? filled[k + 1] : nullptr);
    if (!blank) continue;
    const std::optional<Span> mapped = reading.ToDocument(*blank);
    if (!mapped || context.IsClaimed(*mapped)) continue;
    RepairRecord r;
    r.rule = repair_rule::kLayoutSpace;
    r.span = *mapped;
    r.before = std::string(text.substr(mapped->begin, mapped->size()));
    r.after = "、";
    r.confidence = kLostMarkerCommaConfidence;
    r.reason = blank->size() > 0
                   ? "A blank after a heading numeral at a line's start, where the heading's \"、\" was: no clean "
                     "report opens a line with a Chinese numeral and a blank."
                   : "A heading numeral glued to its heading, the \"、\" lost: the next line opens the chapter's first "
                     "subheading \"(一)\".";
    context.Propose(std::move(r));
  }
}

}  // namespace

void RemoveStraySpaces(RepairContext& context) {
  std::string_view text = context.text();
  // Cheap test first: no blank inside a line next to an ideograph, no work.
  if (text.find(' ') == std::string_view::npos && text.find("\u3000") == std::string_view::npos &&
      text.find("\u00a0") == std::string_view::npos) {
    RestoreLostMarkerCommas(context, ReadLayout(context));  // a heading numeral glued to its heading needs none
    return;
  }
  const LayoutReading reading = ReadLayout(context);
  RestoreLostMarkerCommas(context, reading);
  SpaceAnalysis a = AnalyseSpaces(reading.text());
  if (a.remove.empty()) return;
  // A blank with no word split or punctuation beside it where layout.break finds a lost line break (a
  // run-in heading's end, a report header's) is that break, not a typesetting space.
  const std::vector<Span> lost_breaks = LostBreakBlanks(reading.text());
  for (size_t k = 0; k < a.remove.size(); ++k) {
    const Space& s = a.remove[k];
    const std::optional<Span> mapped = reading.ToDocument(s.span);
    if (!mapped || context.IsClaimed(*mapped)) continue;
    const Span span = *mapped;
    const bool weak = s.kind == SpaceKind::kBetweenHan || s.kind == SpaceKind::kDigitUnit;
    auto lost = std::lower_bound(lost_breaks.begin(), lost_breaks.end(), s.span.begin,
                                 [](const Span& b, size_t begin) { return b.begin < begin; });
    if (weak && lost != lost_breaks.end() && lost->begin == s.span.begin) continue;
    RepairRecord r;
    r.rule = repair_rule::kLayoutSpace;
    r.span = span;
    r.before = std::string(text.substr(span.begin, span.size()));
    r.after = "";
    r.confidence = s.kind == SpaceKind::kBetweenHan || s.kind == SpaceKind::kDigitUnit ? kTypesetSpaceConfidence
                                                                                      : kStraySpaceConfidence;
    r.reason = std::move(a.reasons[k]);
    context.Propose(std::move(r));
  }
}

}  // namespace wenshu::repair_internal
