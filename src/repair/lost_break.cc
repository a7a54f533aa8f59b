// layout.break: a page that lost its line breaks runs its headings into the text ("…提出意见。一、过去五年
// 工作回顾过去五年,…"). A line break is restored before a chapter marker (一、 … 十、) that follows a sentence end
// inside a very long line, and after the heading where the text shows where it ends: a blank, a list marker
// of the next level ("(一)", "1.", "一是"), a year opening a sentence, or a word that opens the paragraphs
// after the clean reports' headings. In a line of any length, a chapter heading that a blank parts from the
// paragraph after it ("二、工作目标 本学年…。") gets its break back. In a very long line also: the next
// bracketed subheading after a sentence end once its previous one got a break, a heading without a marker
// after a sentence end where only signs no clean sentence shows end it, a title opening the line (before a
// blank and a paragraph's first words, or before the first chapter marker), and the report header's dateline
// and salutation; on a page whose long lines lost their breaks, blanks after a sentence end in its shorter
// lines. Enumerations a clean report writes inline stay: they sit in short paragraphs, or after a colon.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/mask_glyph.h"
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

// A line at least this many characters long. Measured on the clean corpora (national 1954-2025 +
// provincial 2026): "。一、" or "：二、" inside a line occurs in 2 lines, of 109 and 162 characters (1978's
// enumeration in a paragraph, a table cell); on the dev set's pages that lost their breaks the line
// holding it is 262-762 characters long.
constexpr size_t kMinLostBreakLineChars = 240;

// A chapter heading of the clean corpora (627 lines after 一、 or （一）, no sentence punctuation) holds
// 14 characters at the median, 29 at the 95th percentile, 74 at most: the end of a run-in heading is
// looked for within kMaxHeadingChars characters of its marker, and at least kMinHeadingChars in.
constexpr size_t kMaxHeadingChars = 48;
constexpr size_t kMinHeadingChars = 4;

// Words that open the paragraph after a chapter heading in the clean corpora and hardly occur inside one:
// seen after a heading at least 4 times and at least 4 times as often as inside headings (plus one).
// Measured on the 627 headings above: 今年 54 after / 3 inside, 过去 30/1, 我们 17/1, 根据 8/0, 为了 7/0,
// 这是 5/0, 随着 5/0, 现在 4/0 (while 发展 12/150, 坚持 22/6, 当前 7/1, 继续 6/1 do not qualify).
const std::vector<std::string_view>& ParagraphOpeners() {
  static const std::vector<std::string_view> words = {"今年", "过去", "我们", "根据", "为了", "这是", "随着", "现在"};
  return words;
}

// Words that end the clean corpora's chapter headings more often than they stand anywhere else: at least
// half of their occurrences end a heading. Measured on the 414 headings of the national and provincial
// reports: 回顾 ends 52 of its 87 (工作回顾); the next, 安排, ends 10 of 358 and 问题 8 of 1,557. Inside a
// heading 回顾 goes on only with a conjunction (工作回顾和…), which JoinsPhrases tells.
const std::vector<std::string_view>& HeadingFinalWords() {
  static const std::vector<std::string_view> words = {"回顾"};
  return words;
}

// A paragraph often opens with its heading's subject ("一、社区工作概述社区工作主要包括…"): 55 of the clean
// corpora's 442 paragraphs after a heading open with the heading's first kHeadingEchoChars characters, while
// no heading (0 of 414) and no line opening with a chapter marker before its first comma or sentence end
// (0 of 399) says them twice.
constexpr size_t kHeadingEchoChars = 4;

bool IsChapterNumeral(char32_t cp) {
  switch (cp) {
    case U'一': case U'二': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十':
      return true;
    default:
      return false;
  }
}

// What a numbered item that lost its line break follows: 。！？, a colon or ；.
bool IsSentenceEnd(char32_t cp) {
  return text::IsBreak(cp, text::kCjkSentenceEnds | text::kColons | text::kFullwidthSemicolon);
}


// In a line that lost its breaks, blanks after 。！？ or a colon stand for a paragraph break when the next
// paragraph opens after them (an ideograph, a digit, an opening mark or a dash). The clean corpora write a
// blank after a sentence end inside a line twice in 1.1 million characters, both before a closing ” (a
// quotation ending after its last sentence); the annotators of issue 14's two real sets marked 21 such blanks
// on 4 pages of 4 sites as lost breaks and none as a stray space. ；ends a clause of an enumeration that
// runs on (a page breaking after every ； wrapped its lines there), so it is left out.
bool EndsParagraph(char32_t cp) { return text::IsBreak(cp, text::kSentenceEnds | text::kColons); }
bool OpensParagraph(char32_t cp) {
  static constexpr std::u32string_view kOpening = U"“‘（(《【〔—";
  return text::IsHan(cp) || (cp >= U'0' && cp <= U'9') || kOpening.find(cp) != std::u32string_view::npos;
}

bool EndsWithAny(std::string_view s, const std::vector<std::string_view>& words) {
  for (std::string_view w : words) {
    if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) return true;
  }
  return false;
}

// Characters that go on with a heading's phrase rather than end it (a conjunction, a particle, a
// postposition, an adverb or a negation, which modify what follows): the heading does not end right after
// one ("过去五年和|2021年工作回顾", "刚刚|过去的一年").
bool ContinuesPhrase(char32_t c) {
  static constexpr std::u32string_view kContinuing =
      U"的之和与及或并而在对于把被向由从以为是了着等刚已将正都也还又再更最很不未没就才";
  return kContinuing.find(c) != std::u32string_view::npos;
}

// A conjunction or particle that joins a heading's word to the next phrase ("工作回顾|和…"; an adverb such as
// 刚 opens the paragraph's sentence instead).
bool JoinsPhrases(char32_t c) {
  static constexpr std::u32string_view kJoining = U"的之和与及或并而暨";
  return kJoining.find(c) != std::u32string_view::npos;
}


// The byte length of a chapter marker ("一、", "十二、": one or two numerals) at `at`, or 0.
size_t ChapterMarkerAt(std::string_view text, size_t at, size_t end) {
  constexpr size_t kMaxChapterMarkerBytes = std::string_view("十二、").size();
  const std::optional<text::ListMarker> m = text::MatchListMarker(text.substr(0, end), at);
  const bool chapter = m && m->form == text::ListMarkerForm::kChineseComma && m->length <= kMaxChapterMarkerBytes &&
                       IsChapterNumeral(text::CharAt(text, at).value);
  return chapter ? m->length : 0;
}

// A lower level numbers its items to kMaxLowerLevelItem at most: "(2023)" is a year, not an item.
constexpr int kMaxLowerLevelItem = 99;

// A subheading's marker at the start of `rest`, "(一)", "（二）", "(12)", or nullopt.
std::optional<text::ListMarker> Subheading(std::string_view rest) {
  const std::optional<text::ListMarker> m = text::MatchListMarker(rest, 0);
  if (!m || m->ordinal > kMaxLowerLevelItem) return std::nullopt;
  const bool in_parens = m->form == text::ListMarkerForm::kChineseParen || m->form == text::ListMarkerForm::kArabicParen;
  return in_parens ? m : std::nullopt;
}

// A subheading marker's length at the start of `rest`, or 0.
size_t SubheadingMarkerLength(std::string_view rest) {
  const std::optional<text::ListMarker> m = Subheading(rest);
  return m ? m->length : 0;
}

// A list marker of a lower level at the start of `rest`: "(一)", "（二）", "(1)", "1.", "1、" before an
// ideograph, "一是".
bool OpensLowerLevelItem(std::string_view rest) {
  if (SubheadingMarkerLength(rest) > 0 || text::OpensParallelItem(rest, 0)) return true;
  const std::optional<text::ListMarker> m = text::MatchListMarker(rest, 0);
  return m && (m->form == text::ListMarkerForm::kArabicDot || m->form == text::ListMarkerForm::kArabicComma) &&
         m->ordinal <= kMaxLowerLevelItem && text::IsHan(text::CharAt(rest, m->length).value);
}

// A numbered item at the start of `rest`: "1、" or "12、" before an ideograph.
bool OpensNumberedItem(std::string_view rest) {
  constexpr int kMaxNumberedItem = 99;
  const std::optional<text::ListMarker> m = text::MatchListMarker(rest, 0);
  return m && m->form == text::ListMarkerForm::kArabicComma && m->ordinal <= kMaxNumberedItem &&
         text::IsHan(text::CharAt(rest, m->length).value);
}

// A numbered item of the level under a bracketed subheading at the start of `rest`: "1、" or "2." before an
// ideograph or a template's mask ("1、XX路改造工程"), or nullopt.
std::optional<text::ListMarker> NumberedItem(std::string_view rest) {
  const std::optional<text::ListMarker> m = text::MatchListMarker(rest, 0);
  const bool numbered = m && (m->form == text::ListMarkerForm::kArabicComma || m->form == text::ListMarkerForm::kArabicDot);
  const char32_t opening = numbered ? text::CharAt(rest, m->length).value : 0;
  if (!numbered || m->ordinal > kMaxLowerLevelItem || !(text::IsHan(opening) || IsMaskGlyph(opening))) {
    return std::nullopt;
  }
  return m;
}

// A sentence end proper (。！？), which a numbered item of a page that lost its breaks follows: after a colon or
// ； an item opens an enumeration a paragraph may write inline.
bool IsFullStop(char32_t cp) { return text::IsBreak(cp, text::kCjkSentenceEnds); }

// A sentence opened by a year ("2023年是…", "2017年脱贫…"), not a year range or a date inside a phrase.
bool OpensWithYear(std::string_view rest) {
  static const RE2 kYear(R"(^(?:19|20)\d{2}年[^度初底末\d])");
  return RE2::PartialMatch(View(rest), kYear);
}

// What may show a heading's end. kAll: every sign FindHeadingEnd knows. kBlank: in a line that kept its
// breaks, or for a heading without a marker after blanks as wide as the page's breaks: a blank, the heading's
// opening said again, a word that ends headings. kUnmarked: a phrase with no marker after a sentence end, where
// only signs no clean sentence shows will do: the next level's bracketed marker ("…落地。操作步骤（一）…"), or a
// word that ends headings followed by a word that opens a paragraph ("…。过去五年工作回顾过去五年，"). Measured on
// the clean corpora's 33,169 clause starts after 。！？：； inside a line (20,832 of them in lines of 240
// characters or more), reading up to the first comma: a bracketed marker ends such a phrase 0 times, 回顾 once
// (当我们回顾十年来…), 回顾 before a paragraph's opening word 0 times; the heading's opening said again 3 times
// (发达地区…欠发达地区), so it is left out.
enum class HeadingEvidence { kAll, kBlank, kUnmarked };

struct HeadingEnd {
  size_t at = std::string_view::npos;  // where the paragraph starts
  size_t blanks = 0;                   // blanks before it that the break replaces
  std::string_view why;
  bool echo = false;  // shown by the heading's opening words said again
};

// Where a heading that starts at `begin` (after its marker) and runs into its paragraph ends, or npos.
// The heading holds no sentence end; the first point inside it that shows a paragraph's start is taken.
HeadingEnd FindHeadingEnd(std::string_view text, size_t begin, size_t end,
                          HeadingEvidence evidence = HeadingEvidence::kAll) {
  HeadingEnd found;
  size_t i = begin, chars = 0;
  char32_t prev = 0;
  bool comma = false;
  // The heading's first kHeadingEchoChars characters, when they are ideographs.
  std::string_view opening;
  {
    size_t j = begin;
    for (size_t n = 0; n < kHeadingEchoChars && j < end && text::IsHan(text::CharAt(text, j).value); ++n) {
      j += text::CharAt(text, j).length;
    }
    if (text::CountCharStarts(text.substr(begin, j - begin)) == kHeadingEchoChars) {
      opening = text.substr(begin, j - begin);
    }
  }
  while (i < end && chars < kMaxHeadingChars) {
    text::Decoded d = text::DecodeUtf8At(text, i);
    if (d.len <= 0 || IsSentenceEnd(d.cp) || d.cp == U'\n') break;
    const bool unmarked = evidence == HeadingEvidence::kUnmarked;
    if (unmarked && text::IsBreak(d.cp, text::kCommas)) break;  // a phrase with a comma is a sentence
    if (unmarked) {
      if (chars >= kMinHeadingChars && !ContinuesPhrase(prev) && text::IsHan(prev)) {
        if (SubheadingMarkerLength(text.substr(i, end - i)) > 0) return {i, 0, "the next level's bracketed marker"};
        if (text::IsHan(d.cp) && EndsWithAny(text.substr(begin, i - begin), HeadingFinalWords()) &&
            StartsWithAny(text, i, ParagraphOpeners())) {
          return {i, 0, "a word that ends a heading and one that opens a paragraph"};
        }
      }
    } else if (chars >= kMinHeadingChars && !ContinuesPhrase(prev)) {
      std::string_view rest = text.substr(i, end - i);
      if (text::IsInlineBlank(d.cp)) {
        const size_t j = text::SkipBlanks(text, i, end);
        // Not a blank that splits a dictionary word ("产业 园"): an extraction's stray space inside the heading.
        if (j < end && text::IsHan(prev) && !IsSentenceEnd(text::CharAt(text, j).value) &&
            SplitWord(text.substr(0, i), text.substr(j, end - j)).empty()) {
          return {i, j - i, "a blank"};
        }
      } else if (!opening.empty() && !comma && text::IsHan(prev) && rest.substr(0, opening.size()) == opening) {
        return {i, 0, "the heading's opening words, which its paragraph says again", /*echo=*/true};
      } else if (text::IsHan(prev) && text::IsHan(d.cp) && !JoinsPhrases(d.cp) &&
                 EndsWithAny(text.substr(begin, i - begin), HeadingFinalWords())) {
        return {i, 0, "a word that ends a heading"};
      } else if (evidence == HeadingEvidence::kBlank) {
        // Only a blank shows the end in a line that kept its breaks.
      } else if (OpensLowerLevelItem(rest)) {
        return {i, 0, "the next level's list marker"};
      } else if (text::IsHan(prev) && OpensWithYear(rest)) {
        return {i, 0, "a year opening a sentence"};
      } else if (text::IsHan(prev) && StartsWithAny(text, i, ParagraphOpeners())) {
        return {i, 0, "a word that opens the paragraph after a heading"};
      }
    }
    if (!text::IsInlineBlank(d.cp)) prev = d.cp;
    comma = comma || text::IsBreak(d.cp, text::kCommas);
    ++chars;
    i += static_cast<size_t>(d.len);
  }
  return found;
}

// The confidence of a restored break, the rule's estimate. Measured on issue 14's real dev set (74 pages
// outside the repository; `tools/wild_eval/wild_eval.py --by-confidence`, December 2026): right 15, wrong
// 0, and 30 breaks no annotation covers (after a run-in chapter heading 27, for a blank 3), read by hand as
// right (heading and header breaks the annotators did not mark). Not raised: the pages shaped the rule.
constexpr double kBreakConfidence = 0.8;

// Where the breaks found go: proposed to a repair context (the rule), or listed (LostBreakBlanks, which
// layout.space asks before it takes a blank).
class BreakSink {
 public:
  explicit BreakSink(RepairContext& context) : context_(&context), text_(context.text()) {}
  explicit BreakSink(std::string_view text) : text_(text) {}
  std::string_view text() const { return text_; }
  bool IsClaimed(Span span) const { return context_ != nullptr && context_->IsClaimed(span); }
  const std::vector<Span>& found() const { return found_; }

  void Propose(size_t at, size_t blanks, std::string reason) {
    if (IsClaimed({at, at + blanks})) return;
    found_.push_back({at, at + blanks});
    if (context_ == nullptr) return;
    RepairRecord r;
    r.rule = repair_rule::kLayoutBreak;
    r.span = {at, at + blanks};
    r.before = std::string(text_.substr(at, blanks));
    r.after.push_back('\n');  // not `= "\n"`: GCC 12 reports a false -Wrestrict overlap there
    r.confidence = kBreakConfidence;
    r.reason = std::move(reason);
    context_->Propose(std::move(r));
  }

 private:
  RepairContext* context_ = nullptr;
  std::string_view text_;
  std::vector<Span> found_;
};

// The heading starting at `begin` ends where FindHeadingEnd says; a lower-level heading after it
// ("一、…情况(一)…情况1.…") is followed in turn. Returns the bracketed subheading right after the heading that
// a break was restored before, if any.
std::optional<text::ListMarker> BreakAfterHeading(BreakSink& sink, size_t begin, size_t end, size_t chars) {
  std::string_view text = sink.text();
  std::optional<text::ListMarker> subheading;
  for (int level = 0; level < 2; ++level) {
    HeadingEnd h = FindHeadingEnd(text, begin, end);
    if (h.at == std::string_view::npos) break;
    sink.Propose(h.at, h.blanks,
                 absl::StrCat("a chapter heading runs into its paragraph (the heading ends before ", Av(h.why),
                              "), in a line of ", chars, " characters: the page lost its line breaks"));
    const std::optional<text::ListMarker> marker = Subheading(text.substr(h.at + h.blanks, end - h.at - h.blanks));
    if (!marker) break;
    if (level == 0) subheading = marker;
    begin = h.at + h.blanks + marker->length;
  }
  return subheading;
}

// A line of any length that starts with a chapter heading and goes on, after a blank, with a paragraph
// ("一、 工作目标 本学年是…。"): the blank is a lost break. The clean corpora write no such line (0 of their
// lines that open with 一、…十、 hold a blank after the heading and a sentence after it); a line of
// headings alone (a table of contents) holds no sentence end and stays.
void BreakAfterLineHeading(BreakSink& sink, std::string_view text, size_t begin, size_t end) {
  const size_t at = text::SkipBlanks(text, begin, end);
  const size_t marker = ChapterMarkerAt(text, at, end);
  if (marker == 0) return;
  HeadingEnd h = FindHeadingEnd(text, at + marker, end, HeadingEvidence::kBlank);
  if (h.at == std::string_view::npos) return;
  // The paragraph after it: a sentence end, or (after an echo of the heading, in a page that lost its stops
  // too) a comma.
  static const RE2 kSentenceEnd(R"([。；！？])");
  static const RE2 kClauseEnd(R"([。；！？，,])");
  const size_t body = h.at + h.blanks;
  if (!RE2::PartialMatch(View(text.substr(body, end - body)), h.echo ? kClauseEnd : kSentenceEnd)) return;
  sink.Propose(h.at, h.blanks,
               "a chapter heading runs into its paragraph on one line, a blank between them: the line break "
               "was lost");
}

// A report's header run into one line with blanks where its breaks were ("…政府工作报告 ——2026年2月3日在…
// 会议上 某市市长 某某 各位代表: 现在,…"): the blanks after the dateline ("——…会议上"), before the
// salutation 各位代表 and after its colon stand for line breaks; a report writes each on a line of its own.
void BreakAroundHeader(BreakSink& sink, std::string_view text, size_t begin, size_t end, size_t chars) {
  std::string_view line = text.substr(begin, end - begin);
  auto blanks_from = [&](size_t at) { return text::SkipBlanks(text, at, end) - at; };
  auto blanks_before = [&](size_t at) { return at - text::SkipBlanksBack(text, at, begin); };
  auto propose = [&](size_t at, size_t n, std::string_view what) {
    sink.Propose(at, n,
                 absl::StrCat(n > 0 ? "a blank stands for the line break " : "the text runs on without the line break ",
                              Av(what), " in a line of ", chars,
                              " characters: the page lost its line breaks"));
  };
  // Every dateline opens with ——: the pattern (its bounded run of a negated class compiles to ~1,400
  // instructions, 4.7M CPU instructions to build) is compiled and run only for a line holding one.
  if (line.find("——") != std::string_view::npos) {
    static const RE2 kDateline(R"((——\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^，。；！？,;!?]{2,40}?会议上))");
    re2::StringPiece input = View(line), dateline;
    // The clean corpora's 28 datelines each stand on a line of their own (0 with text before or after them):
    // the title before one and the speaker or salutation after it lost their breaks, blanks or none between.
    while (RE2::FindAndConsume(&input, kDateline, &dateline)) {
      const size_t start = static_cast<size_t>(dateline.data() - text.data());
      if (const size_t n = blanks_before(start); start - n > begin) propose(start - n, n, "before the dateline");
      const size_t after = start + dateline.size();
      if (const size_t n = blanks_from(after); n > 0 && after + n < end) {
        propose(after, n, "after the dateline");
      } else if (n == 0 && after < end && text::IsHan(text::CharAt(text, after).value)) {
        propose(after, 0, "after the dateline");
      }
    }
  }
  constexpr std::string_view kSalutation = "各位代表";
  for (size_t at = line.find(kSalutation); at != std::string_view::npos; at = line.find(kSalutation, at + 1)) {
    const size_t s = begin + at;
    size_t colon = s + kSalutation.size();
    const char32_t c = text::CharAt(text, colon).value;
    if (c != U'：' && c != U':') continue;
    colon += text::CharAt(text, colon).length;
    // Before it: blanks after the line's other text (not a line's indent), or the title's last word right
    // before it ("…政府工作报告各位代表:"). The clean corpora's 84 salutations 各位代表 with a colon open their
    // line (7 after an indent); none stands after other text.
    if (const size_t n = blanks_before(s);
        n > 0 && s - n > begin && !IsSentenceEnd(text::CharBefore(text, s - n).value)) {
      propose(s - n, n, "before the salutation");
    } else if (n == 0 && s > begin && !IsSentenceEnd(text::CharBefore(text, s).value)) {
      propose(s, 0, "before the salutation");
    }
    if (const size_t n = blanks_from(colon);
        n > 0 && colon + n < end && text::IsHan(text::CharAt(text, colon + n).value)) {
      propose(colon, n, "after the salutation");
    }
  }
}

// Blanks at `i`, after a sentence end or a colon `prev`, before the next sentence: a paragraph break the page
// lost. Proposes it (and the end of a heading without a marker after it) and returns where the blanks end, or
// npos. `where` says why the page is read as one that lost its breaks.
size_t BreakAtSentenceBlanks(BreakSink& sink, size_t i, size_t end, char32_t prev, std::string_view where) {
  std::string_view text = sink.text();
  const size_t j = text::SkipBlanks(text, i, end);
  const char32_t next = j < end ? text::CharAt(text, j).value : 0;
  // After a colon only an ideograph opens the paragraph (时间: 2018-07-07 is a key and its value).
  const bool opens = text::IsBreak(prev, text::kColons) ? text::IsHan(next) : OpensParagraph(next);
  if (j >= end || !opens || sink.IsClaimed({i, j})) return std::string_view::npos;
  sink.Propose(i, j - i, absl::StrCat("blanks after a sentence end stand for a paragraph break, ", Av(where)));
  // The paragraph may be a heading without a marker ("过去五年的工作回顾  2023年以来,…"): blanks as wide
  // as the page's break end it, after a short phrase with no sentence mark or comma.
  static const RE2 kClauseMark(R"([，,、；;])");
  const HeadingEnd h = FindHeadingEnd(text, j, end, HeadingEvidence::kBlank);
  if (h.at != std::string_view::npos && h.blanks >= j - i &&
      !RE2::PartialMatch(View(text.substr(j, h.at - j)), kClauseMark) && !sink.IsClaimed({h.at, h.at + h.blanks})) {
    sink.Propose(h.at, h.blanks, absl::StrCat("blanks as wide as the page's paragraph breaks end a heading, ", Av(where)));
  }
  return j;
}

// Blanks that start at `i` and follow a sentence end or colon `prev` (not the line's first blanks).
bool AtSentenceBlanks(std::string_view text, size_t begin, size_t i, char32_t prev) {
  return i > begin && text::IsInlineBlank(text::CharAt(text, i).value) &&
         !text::IsInlineBlank(text::CharBefore(text, i).value) && EndsParagraph(prev);
}

// A title run into a line that lost its breaks, a blank after it ("某某单位档案管理制度 为了…"): the line's first
// blank, after at most kMaxRunInTitleChars characters with no punctuation and an ideograph, before the words
// that open a paragraph (ParagraphOpeners, a year opening a sentence). Measured on the clean corpora: titles
// hold 21 characters at the median, 28 at most; of their 2,594 lines of 240 characters or more, 1 opens with
// such a phrase and a blank (a figure written `1 0 ％`, no ideograph before the blank), 0 with an ideograph
// before it. The opening words keep a join of a page wrapped at a width (layout.space's) out of it.
// The title may run into the first chapter heading instead ("某某手册一、会议组织…"): of the same 2,594 clean
// lines, 0 hold a chapter marker after such a phrase of kMinHeadingChars to kMaxRunInTitleChars characters
// with no quotation mark (brackets allowed: a converted copy's readings, `手冊(cè)`), 2 with one (坚持“和平统一、
// 一国两制”, where the tokenizer's rare 和平统一 does not count as a split word); of all 33,169 clauses after a sentence end, 6
// (质量第一、 再三、 统一、 …), 3 once the numeral opening a dictionary word with the character before it is
// left out.
constexpr size_t kMaxRunInTitleChars = 40;

// Returns the chapter marker's offset when the title ran into one (BreakAfterHeading reads that heading).
size_t BreakAfterLineTitle(BreakSink& sink, size_t begin, size_t end, size_t chars) {
  std::string_view text = sink.text();
  size_t i = text::SkipBlanks(text, begin, end);
  if (ChapterMarkerAt(text, i, end) > 0) return std::string_view::npos;  // a heading: BreakAfterHeading reads it
  char32_t prev = 0;
  for (size_t n = 0; i < end && n <= kMaxRunInTitleChars; ++n) {
    const text::Decoded d = text::DecodeUtf8At(text, i);
    if (n >= kMinHeadingChars && !IsChapterNumeral(prev) && ChapterMarkerAt(text, i, end) > 0 &&
        SplitWord(text.substr(0, i), text.substr(i, end - i)).empty()) {
      sink.Propose(i, 0,
                   absl::StrCat("a title that opens the line runs into the first chapter heading, in a line of ",
                                chars, " characters: the page lost its line breaks"));
      return i;
    }
    // A quotation mark ends the phrase as punctuation does (坚持“和平统一、一国两制”… opens a clean paragraph).
    static constexpr std::u32string_view kQuotes = U"“”‘’\"";
    if (d.len <= 0 || text::IsBreak(d.cp, text::kClauseBreaks | text::kIdeographicComma) ||
        kQuotes.find(d.cp) != std::u32string_view::npos) {
      return std::string_view::npos;
    }
    if (text::IsInlineBlank(d.cp)) {
      const size_t j = text::SkipBlanks(text, i, end);
      if (j < end && text::IsHan(prev) &&
          (StartsWithAny(text, j, ParagraphOpeners()) || OpensWithYear(text.substr(j, end - j)))) {
        sink.Propose(i, j - i,
                     absl::StrCat("a blank after a title that opens the line stands for its line break, in a line "
                                  "of ", chars, " characters: the page lost its line breaks"));
      }
      return std::string_view::npos;
    }
    prev = d.cp;
    i += static_cast<size_t>(d.len);
  }
  return std::string_view::npos;
}

// A long line that lost its breaks. Returns whether blanks after a sentence end were restored as breaks (the
// page's evidence for its shorter lines).
bool RestoreInLine(BreakSink& sink, std::string_view text, size_t begin, size_t end) {
  const size_t chars = text::CountCharStarts(text.substr(begin, end - begin));
  const std::string where = absl::StrCat("in a line of ", chars, " characters: the page lost its line breaks");
  BreakAroundHeader(sink, text, begin, end, chars);
  // A heading at the start of the line, or right after a title there.
  size_t heading = BreakAfterLineTitle(sink, begin, end, chars);
  if (heading == std::string_view::npos) heading = begin;
  std::optional<text::ListMarker> subheading;  // the last bracketed subheading given its break in this line
  bool chapter = false;                         // a chapter heading got its break in this line
  std::optional<text::ListMarker> item;         // the last numbered item given its break under `subheading`
  if (size_t marker = ChapterMarkerAt(text, heading, end)) {
    subheading = BreakAfterHeading(sink, heading + marker, end, chars);
    chapter = true;
  }
  size_t i = begin;
  char32_t prev = 0;
  size_t blank_break_end = std::string_view::npos;  // where the blanks a break was restored for end
  bool sentence_blanks = false;
  while (i < end) {
    text::Decoded d = text::DecodeUtf8At(text, i);
    if (d.len <= 0) { ++i; prev = 0; continue; }
    if (AtSentenceBlanks(text, begin, i, prev)) {
      if (const size_t j = BreakAtSentenceBlanks(sink, i, end, prev, where); j != std::string_view::npos) {
        blank_break_end = j;
        sentence_blanks = true;
      }
    }
    // Blanks before a list marker ("…归档制度 1、各部门…", "…篇1 一、文书…"): the clean corpora write none inside a
    // line (0 in 1.1 million characters), so in a line that lost its breaks they stand for one.
    if (i > begin && text::IsInlineBlank(d.cp) && !text::IsInlineBlank(text::CharBefore(text, i).value)) {
      const size_t j = text::SkipBlanks(text, i, end);
      if (j < end && j != blank_break_end && !sink.IsClaimed({i, j}) &&
          (ChapterMarkerAt(text, j, end) > 0 || OpensNumberedItem(text.substr(j, end - j)))) {
        sink.Propose(i, j - i, absl::StrCat("blanks before a list marker stand for its line break, ", where));
        blank_break_end = j;
      }
    }
    // After a sentence end (and the blanks after it): a chapter marker, one or two numerals and 、; the next
    // bracketed subheading after one given its break in this line ("…（一）…。（二）…": the clean corpora write
    // 。（二） inside a line 7 times, in 3 lines of 1950s enumerations that give no subheading a break); or a
    // heading without a marker whose end FindHeadingEnd shows by the signs no clean sentence shows. Under a
    // chapter heading given its break, its first subheading "（一）" (after a colon too: "…情况如下:(一)…"), and
    // under a subheading given its break, its numbered items after a full stop ("…。1、…。2、…"). Measured on the
    // clean corpora: a bracketed marker after a colon or sentence end inside a line stands 10 times, in 3 lines
    // of 1950s enumerations none of which holds a chapter heading after a sentence end; a numbered item "1、" or
    // "1." before an ideograph after 。！？：； inside a line stands 0 times in 1.7 million characters.
    if (i > begin && IsSentenceEnd(prev) && !text::IsInlineBlank(d.cp) && !sink.IsClaimed({i, i})) {
      auto break_before = [&](std::string_view what) {
        if (blank_break_end != i) {
          sink.Propose(i, 0, absl::StrCat(Av(what), " run into the text after a sentence end, ", where));
        }
      };
      std::string_view rest = text.substr(i, end - i);
      const std::optional<text::ListMarker> sub = Subheading(rest);
      const std::optional<text::ListMarker> numbered = IsFullStop(prev) ? NumberedItem(rest) : std::nullopt;
      if (size_t marker = ChapterMarkerAt(text, i, end); marker > 0) {
        break_before("a chapter heading");
        subheading = BreakAfterHeading(sink, i + marker, end, chars);
        chapter = true;
        item.reset();
      } else if (sub && subheading && sub->form == subheading->form && sub->ordinal == subheading->ordinal + 1) {
        break_before(absl::StrCat("the subheading after the one numbered ", subheading->ordinal, ","));
        BreakAfterHeading(sink, i + sub->length, end, chars);
        subheading = sub;
        item.reset();
      } else if (sub && !subheading && chapter && sub->ordinal == 1) {
        break_before("the first subheading under a chapter heading given its break,");
        BreakAfterHeading(sink, i + sub->length, end, chars);
        subheading = sub;
        item.reset();
      } else if (numbered && subheading &&
                 (item ? numbered->form == item->form && numbered->ordinal == item->ordinal + 1 : numbered->ordinal == 1)) {
        break_before(item ? absl::StrCat("the item after the one numbered ", item->ordinal, ",")
                          : std::string("the first numbered item under a subheading given its break,"));
        item = numbered;
      } else if (text::IsHan(d.cp)) {
        const HeadingEnd h = FindHeadingEnd(text, i, end, HeadingEvidence::kUnmarked);
        if (h.at != std::string_view::npos) {
          break_before(absl::StrCat("a heading without a marker (it ends before ", Av(h.why), ")"));
          sink.Propose(h.at, 0, absl::StrCat("a heading without a marker runs into its paragraph (it ends before ",
                                             Av(h.why), "), ", where));
          if (const std::optional<text::ListMarker> next = Subheading(text.substr(h.at, end - h.at))) {
            BreakAfterHeading(sink, h.at + next->length, end, chars);
            subheading = next;
          }
        }
      }
    }
    if (!text::IsInlineBlank(d.cp)) prev = d.cp;
    i += static_cast<size_t>(d.len);
  }
  return sentence_blanks;
}

// In a page whose long lines lost their breaks (blanks after a sentence end restored in one of them), a
// shorter line's blanks after a sentence end are lost breaks too (a paragraph of 228 characters and a blank
// after its 。 on a page whose 297-character line shows the same): the evidence of the clean corpora holds at
// any length (2 such blanks in 1.1 million characters, both before a closing ”).
void RestoreSentenceBlanks(BreakSink& sink, size_t begin, size_t end) {
  std::string_view text = sink.text();
  const std::string where = "on a page whose long lines lost their line breaks";
  char32_t prev = 0;
  for (size_t i = begin; i < end;) {
    const text::Decoded d = text::DecodeUtf8At(text, i);
    if (d.len <= 0) { ++i; prev = 0; continue; }
    if (AtSentenceBlanks(text, begin, i, prev)) BreakAtSentenceBlanks(sink, i, end, prev, where);
    if (!text::IsInlineBlank(d.cp)) prev = d.cp;
    i += static_cast<size_t>(d.len);
  }
}

// Every break the rule finds in `sink`'s text.
void FindLostBreaks(BreakSink& sink) {
  std::string_view text = sink.text();
  bool lost = false;  // a long line showed blanks after a sentence end
  std::vector<Span> shorter;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (text::CountCharStarts(text.substr(begin, end - begin)) >= kMinLostBreakLineChars) {
      lost = RestoreInLine(sink, text, begin, end) || lost;
    } else {
      BreakAfterLineHeading(sink, text, begin, end);
      shorter.push_back({begin, end});
    }
    begin = end + 1;
  }
  if (!lost) return;
  for (const Span& line : shorter) RestoreSentenceBlanks(sink, line.begin, line.end);
}

}  // namespace

std::vector<Span> LostBreakBlanks(std::string_view text) {
  BreakSink sink(text);
  FindLostBreaks(sink);
  std::vector<Span> blanks;
  for (const Span& s : sink.found()) {
    if (s.size() > 0) blanks.push_back(s);
  }
  std::sort(blanks.begin(), blanks.end(), [](const Span& x, const Span& y) { return x.begin < y.begin; });
  return blanks;
}

void RestoreLostBreaks(RepairContext& context) {
  BreakSink sink(context);
  FindLostBreaks(sink);
}

}  // namespace wenshu::repair_internal
