// boilerplate.title: the title as sites print it around a report: repeated (two identical lines, a copy
// with the site's "范文" after it, a copy between the salutation and the first sentence), two titles on one
// line ("乡镇政府工作总结|乡镇人民政府五年工作总结"), a teaser line that repeats the title and the opening, and a
// title run into the first sentence ("乡镇镇长述职报告各位领导、同志们:…").
//
// The title is the first line near the top that reads as one: no sentence punctuation, a kind of report
// (总结, 报告, 计划, 述职 …) in it. Its copies are the lines that say it again (same ideographs, or one
// form inside the other); the first is the document's own and stays, the others go. A line that starts
// with the title and goes on with the body loses the copy. When the title is known only from the first
// line, where it runs into a sentence opening, a line break splits the two.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/mask_glyph.h"
#include "repair/number_scan.h"
#include "repair/re2_view.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "repair/site_lines.h"
#include "text/char_class.h"
#include "text/list_marker.h"
#include "text/utf8.h"
#include "wenshu/dictionary.h"
#include "wenshu/tokenizer.h"

namespace wenshu::repair_internal {
namespace {


// The title is looked for among the first kTopLines non-blank lines, and its copies among the next
// kCopyWindowLines non-blank lines after it: the copies seen on real pages stand within 12 lines (a copy
// after the salutation, after the first paragraph); a portal's related-reports list far below the report
// repeats its title legitimately (the Sichuan report, line 140).
constexpr size_t kTopLines = 12;
constexpr size_t kCopyWindowLines = 30;
// A title holds at least kMinTitleHan ideographs and at most kMaxTitleChars characters.
constexpr size_t kMinTitleHan = 6;
constexpr size_t kMaxTitleChars = 60;
// A copy in other words holds at least kMinCopyShare of the longer form's ideographs, all inside it
// ("镇上半年工作情况总结" in "镇上半年工作情况总结范文": 10 of 12).
constexpr double kMinCopyShare = 0.7;
// Confidences: the rule's estimates, per form. Measured on issue 14's real dev set (74 pages outside the
// repository; `tools/wild_eval/wild_eval.py --by-confidence`, December 2026), records right / wrong
// against the annotations: no record was wrong, each form under 30 records; the estimates stand.
// A line that copies the title while the document's own title line stays: right 17 of 17.
constexpr double kTitleCopyLineConfidence = 0.9;
// Several titles printed on one line, the document's kept: right 1 of 1.
constexpr double kSeveralTitlesConfidence = 0.85;
// A teaser line (the title and the opening again): not on the dev set.
constexpr double kTeaserConfidence = 0.85;
// A copy of the title run into the text: right 1 of 1.
constexpr double kRunInCopyConfidence = 0.85;
// The title said twice on the first line (with a page number between or not): right 2 of 2.
constexpr double kTitleTwiceConfidence = 0.85;
// The page's title over the document's, differing by a particle only: one on the dev sets (right 1 of 1); lower
// than a copy's, since the line that goes is the upper one.
constexpr double kParticleTitleConfidence = 0.8;
// The note a document's title adds over the page's header (`(第某届人民代表大会第某次会议)`) holds at least
// kMinSessionNoteHan ideographs: a piece's number (`(一)`), a date (`(2024年3月5日)`) or a site's label
// (`(全文)`, `(精选5篇)`, a count with 篇) holds fewer or is a bundle's, whose collection title stays.
constexpr size_t kMinSessionNoteHan = 6;
// A copy broken over two lines by a wrap inside the site's copy: not on the dev set; as a run-in copy.
constexpr double kBrokenCopyConfidence = 0.85;
// A line break between a title or byline and the first sentence it runs into: right 17 of 17 (a title
// 16, a byline 1). Lower: it adds a break where the others remove a copy.
constexpr double kTitleBreakConfidence = 0.8;
// A run-in title is followed by a sentence opening: a clause of at most kMaxOpeningChars characters
// before its first punctuation mark ("各位领导、", "一年来,", "各位代表:", "今年以来,").
constexpr size_t kMaxOpeningChars = 16;

// A title never opens as a sentence's adverbial clause does: of the words that open the paragraph after the
// clean corpora's chapter headings and never stand at a heading's start or inside one (lost_break.cc's
// measurement of 627 headings: 为了 7 after / 0 inside, 根据 8/0, 随着 5/0), these open a sentence, not a
// title ("为了让我们写出的心得能…" is a site's introduction, not a title run into its text).
constexpr std::string_view kSentenceOpeners[] = {"为了", "為了", "根据", "根據", "随着", "隨著"};

// The kinds of document a report's title names, simplified and traditional.
const RE2& GenreWord() {
  static const RE2 re(
      R"((总结|總結|小结|小結|报告|報告|计划|計劃|方案|规划|規劃|要点|要點|讲话|講話|发言|發言|汇报|匯報|彙報|述职|述職|体会|體會|心得|设想|設想|打算|安排|年鉴|年鑒|回顾|回顧|综述|綜述))");
  return re;
}

bool HasSentencePunct(std::string_view s) {
  static const RE2 re(R"([，。；！？,;!?：:])");
  return RE2::PartialMatch(View(s), re);
}


// The bracketed note that ends `t` ("…(全文)"), or empty: an opening bracket, 1 to kMaxNoteChars
// characters none of them a bracket, and a closing bracket, as the pattern ([(（][^()（）]{1,24}[)）])$
// matched it. Read backwards from the end instead: compiling that pattern (24 copies of a negated class)
// cost 2.5 M instructions, most of what the title check added to a process's first parse.
constexpr size_t kMaxNoteChars = 24;
std::string_view NoteAtEnd(std::string_view t) {
  auto is_open = [](char32_t c) { return c == U'(' || c == U'（'; };
  auto is_close = [](char32_t c) { return c == U')' || c == U'）'; };
  if (t.empty() || !is_close(text::CharBefore(t, t.size()).value)) return {};
  size_t at = t.size() - text::CharBefore(t, t.size()).length;
  for (size_t chars = 0; at > 0 && chars <= kMaxNoteChars; ++chars) {
    const text::Char c = text::CharBefore(t, at);
    if (is_open(c.value)) return chars >= 1 ? t.substr(at - c.length) : std::string_view();
    if (is_close(c.value)) return {};
    at -= c.length;
  }
  return {};
}

// A line that reads as a title: short, no sentence punctuation, no link separators (a breadcrumb ending
// in the title is the site's), a kind of report named.
bool IsTitleLine(std::string_view line) {
  std::string_view t = text::TrimLineBlanks(line);
  // The counts first: most lines asked are no title by them, and the patterns are then neither compiled
  // (1.4 M instructions in a process's first parse) nor run.
  if (text::CountCharStarts(t, kMaxTitleChars + 1) > kMaxTitleChars || HanOnly(t).size() < 3 * kMinTitleHan) {
    return false;
  }
  static const RE2 kLinkSeparator(R"([>»/|｜]|https?:|www\.)");
  // A site's field ("标   题 …", "文章标题:…") or running header ("Page 2 - …") says the title again; it
  // is never the document's own line.
  static const RE2 kFieldOrHeader(R"(^(?:文章标题|文档标题|文档名称|标\s*题)|[A-Za-z][a-z]{2,})");
  if (RE2::PartialMatch(View(t), kFieldOrHeader)) return false;
  // A bracketed note ending the title may hold a comma ("…工作总结(覆盖18个村,平均参选率89%)"); the title
  // before it may not.
  const std::string_view before_note = t.substr(0, t.size() - NoteAtEnd(t).size());
  return !HasSentencePunct(before_note) &&
         !RE2::PartialMatch(View(t), kLinkSeparator) && RE2::PartialMatch(View(t), GenreWord());
}

// Whether `a` and `b` (ideographs only) are forms of one title: equal, or one inside the other holding
// kMinCopyShare of it.
bool SameTitle(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 3 * kMinTitleHan && longer.find(shorter) != std::string::npos &&
         static_cast<double>(shorter.size()) >= kMinCopyShare * static_cast<double>(longer.size());
}

const RE2& SiteTitleWords() {
  static const RE2 re(R"((?:范文|範文|范例|範例|文稿|模板|大全|精选|精選|精品|推荐|推薦|全文|下载|下載|大纲|大綱|提纲|提綱)+)");
  return re;
}

// Whether `line` is the title's own words said as a sentence (`…年终工作总结。` under `…年终工作总结范文(模板6篇)`):
// the title without its bracketed note and the site's words ending it, then one full stop, nothing else. A
// site's keyword tag line; a report writes its title as no sentence.
bool TitleSaidAsSentence(std::string_view line, std::string_view title) {
  constexpr std::string_view kFullStop = "。";
  if (!line.ends_with(kFullStop)) return false;
  const std::string_view words = line.substr(0, line.size() - kFullStop.size());
  std::string_view core = text::TrimLineBlanks(title.substr(0, title.size() - NoteAtEnd(title).size()));
  re2::StringPiece rest(core.data(), core.size());
  // The site's words ending the title, read from the longest tail that is only site words.
  for (size_t at = 0; at < core.size(); at += std::max<size_t>(1, text::CharAt(core, at).length)) {
    if (RE2::FullMatch(View(core.substr(at)), SiteTitleWords())) {
      rest = re2::StringPiece(core.data(), at);
      break;
    }
  }
  const std::string_view stem(rest.data(), rest.size());
  return HanOnly(stem).size() >= 3 * kMinTitleHan && words == stem;
}

// Whether a longer form of the title adds more than the site's labels ("…总结范文", "…报告(全文)"): a form
// that names more ("…工作计划**中学") is the author's line, not the site's copy.
bool AddsMoreThanSiteWords(const std::string& form, const std::string& title) {
  if (form.size() <= title.size()) return false;
  const size_t at = form.find(title);
  if (at == std::string::npos) return true;
  const RE2& kSiteWords = SiteTitleWords();
  // A leading 关于 names nothing more either ("关于安全生产年终总结" for "安全生产年终总结": sites title their
  // copies so, as authors title reports "关于…的报告").
  static const RE2 kAbout(R"(关于|關於)");
  const std::string prefix = form.substr(0, at), suffix = form.substr(at + title.size());
  if (RE2::FullMatch(prefix, kAbout)) return !suffix.empty() && !RE2::FullMatch(suffix, kSiteWords);
  return !RE2::FullMatch(prefix + suffix, kSiteWords);
}

// The template's placeholder marks a line holds (`XX 银行 XX 分行…`): runs of x, X, × or stars that are no
// part of a Latin word. A site prints its copies of the title without them (`银行分行年度工作总结` over a bundle
// whose piece is titled `XX 银行 XX 分行年度工作总结`, issue 14's sixth real set); a line that holds more of
// them than the title says more than the title (the author's blanks for a name) and is no copy.
size_t PlaceholderRuns(std::string_view s) {
  auto placeholder = [](char32_t c) { return IsMaskGlyph(c) || c == U'ｘ' || c == U'Ｘ'; };
  auto latin = [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); };
  size_t runs = 0;
  char32_t before = 0;
  for (size_t i = 0; i < s.size();) {
    const text::Char c = text::CharAt(s, i);
    if (!placeholder(c.value) || latin(before)) {
      before = c.value;
      i += c.length;
      continue;
    }
    size_t length = 0;
    text::Char d = c;
    while (i < s.size() && placeholder(d.value)) {
      ++length;
      i += d.length;
      d = text::CharAt(s, i);
    }
    // A run inside a Latin word (`Excel`, `XXL`) is the word's.
    if (length <= 4 && !latin(d.value)) ++runs;
    before = U'x';
  }
  return runs;
}

// Whether the dictionary holds a word that spans `cut` in the text around it, as the tokenizer segments
// it (without the HMM): then `cut` is inside a word ("计划|生育", "报告|会"), no boundary.
bool InsideWord(std::string_view text, size_t cut) {
  std::string window(TextBefore(text, cut, 4));
  const size_t at = window.size();
  window.append(TextAfter(text, cut, 4));
  // One tokenizer per thread, reused (a tokenizer is one thread at a time; its buffers stay).
  thread_local Tokenizer tokenizer(Dictionary::Default(), [] {
    TokenizerOptions options;
    options.hmm_unknown_words = false;  // only words the dictionary knows are evidence
    return options;
  }());
  for (const OwnedToken& t : tokenizer.Tokenize(window)) {
    if (t.begin < at && t.end > at && (t.flags & kTokenInDictionary) != 0) return true;
  }
  return false;
}

// Characters that go on with the title's noun phrase or verb rather than open a sentence: particles,
// conjunctions, postpositions, and the heads of compounds a title's last word forms (报告会, 计划表, 总结稿).
bool ContinuesPhrase(char32_t c) {
  static constexpr std::u32string_view kContinuing =
      U"的之和与及或中是了着过等已将并而且所被给如上下里内外会书表稿篇类写要时后前期以提指作起审通说称由向对于把在";
  return kContinuing.find(c) != std::u32string_view::npos;
}

// A sentence opening that starts with a year: "2025 年,全县…", "2021上半年…".
bool OpensWithYear(std::string_view s) {
  static const RE2 kYear(R"(^(?:19|20)\d{2}\s*(?:年|上半年|下半年))");
  return RE2::PartialMatch(View(s), kYear);
}

// A subtitle and byline between a run-in title and the text that end in a bracketed date ("…自评报告力促…
// 工作组(2023年3月28日)根据…"): the end of the date's bracket in `rest`, when it stands in [from, limit) and a
// sentence opens after it; npos otherwise.
size_t DatedBylineEnd(std::string_view rest, size_t from, size_t limit) {
  static const RE2 kBracketedDate(R"(([(（](?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[)）]))");
  re2::StringPiece input = View(rest.substr(from, limit - from)), date;
  if (!RE2::FindAndConsume(&input, kBracketedDate, &date)) return std::string_view::npos;
  const size_t end = static_cast<size_t>(date.data() + date.size() - rest.data());
  const text::Char next = text::CharAt(rest, end);
  if (end >= limit || !text::IsHan(next.value) || ContinuesPhrase(next.value)) return std::string_view::npos;
  return end;
}

// Where a title that runs into the first sentence ends in `rest` (the first content of the document's
// first line): after a kind of report, before a sentence opening. npos when there is no such point;
// *blanks gets the blanks between the two.
size_t RunInPoint(std::string_view text, size_t from, size_t line_end, size_t* blanks) {
  std::string_view rest = text.substr(from, line_end - from);
  *blanks = 0;
  // The title comes before the first clause mark of the line (a title may hold 、, quotation marks and
  // brackets).
  static const RE2 kPunct(R"(([，。；！？,;!?：:]))");
  re2::StringPiece found;
  size_t limit = rest.size();
  if (RE2::PartialMatch(View(rest), kPunct, &found)) limit = static_cast<size_t>(found.data() - rest.data());
  // The last kind-of-report word before it.
  size_t point = std::string_view::npos;
  re2::StringPiece scan = View(rest.substr(0, limit)), word;
  while (RE2::FindAndConsume(&scan, GenreWord(), &word)) {
    point = static_cast<size_t>(word.data() + word.size() - rest.data());
  }
  if (point == std::string_view::npos) return point;
  // A bracket closing the title, or a bracketed note after it ("…工作报告(2022年政府工作报告)").
  static const RE2 kBracketTail(R"(^(?:[)）]|[(（][^()（）]{1,24}[)）])+)");
  re2::StringPiece tail = View(rest.substr(point, limit - point));
  if (RE2::Consume(&tail, kBracketTail)) point = static_cast<size_t>(tail.data() - rest.data());
  // A site's category appended to the title ("…政府工作报告工作总结"): a title names one kind of document,
  // and a second "工作…" kind after the first is the site's label, which goes with the split.
  static const RE2 kCategoryAfterKind(
      R"((?:总结|總結|报告|報告|计划|計劃|方案|规划|規劃|讲话|講話|述职|述職|汇报|匯報)(工作(?:总结|總結|计划|計劃|报告|報告))$)");
  size_t label_begin = point;
  re2::StringPiece label;
  if (RE2::PartialMatch(View(rest.substr(0, point)), kCategoryAfterKind, &label)) {
    label_begin = static_cast<size_t>(label.data() - rest.data());
  }
  std::string_view title = text::TrimLineBlanks(rest.substr(0, label_begin));
  if (HanOnly(title).size() < 3 * 4 || text::CountCharStarts(title) > kMaxTitleChars) return std::string_view::npos;
  if (std::any_of(std::begin(kSentenceOpeners), std::end(kSentenceOpeners),
                  [&](std::string_view w) { return title.starts_with(w); })) {
    return std::string_view::npos;
  }
  const size_t title_end = point;
  // Blanks between the title and the text go with the split.
  size_t body = text::SkipBlanks(rest, point, rest.size());
  std::string_view after = rest.substr(body);
  if (text::CountCharStarts(after) < 15 || !HasSentencePunct(after)) return std::string_view::npos;
  // A sentence opening: a year, or an ideograph that does not continue the phrase with no word across the
  // point and a short first clause.
  if (!OpensWithYear(after)) {
    const text::Char next = text::CharAt(rest, body);
    if (!text::IsHan(next.value) || ContinuesPhrase(next.value)) return std::string_view::npos;
    if (limit <= body || (text::CountCharStarts(rest.substr(body, limit - body)) > kMaxOpeningChars &&
                          DatedBylineEnd(rest, body, limit) == std::string_view::npos)) {
      return std::string_view::npos;
    }
    if (body == point && InsideWord(text, from + point)) return std::string_view::npos;
    // The speaker and the date may stand between the title and the salutation ("…工作报告张某2023年1月6日
    // 各位代表:"): the text starts after the date.
    static const RE2 kDate(R"(^[^，。；！？,;!?：:]{0,8}?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)");
    re2::StringPiece date = View(after);
    if (RE2::Consume(&date, kDate)) {
      point = body = static_cast<size_t>(date.data() - rest.data());
    }
  }
  // The site's label, when there is one, goes with the blanks (not when the text starts after a date).
  if (label_begin < title_end && point == title_end) point = label_begin;
  *blanks = body - point;
  return from + point;
}

// The second copy of the first line's title, said again after a page number with blanks of its own
// ("…汇报总结 0 2021 年…汇报总结 为认真…"): [begin, end) holds the blanks, the number and the copy, body is
// where the text after the copy starts (after its blanks). Empty when the line does not read so.
struct TitleCopy {
  size_t begin = 0, end = 0, body = 0;
};
TitleCopy SpacedCopyOfFirstTitle(std::string_view text, size_t from, size_t line_end) {
  static const RE2 kTitleThenNumber(R"(^(\S{4,60}?)[ \t\x{3000}]+[0-9]{1,3}[ \t\x{3000}]+)");
  std::string_view rest = text.substr(from, line_end - from);
  re2::StringPiece first, input = View(rest);
  if (!RE2::Consume(&input, kTitleThenNumber, &first) || !IsTitleLine(std::string_view(first.data(), first.size()))) {
    return {};
  }
  // The copy: the title's characters again, blanks between them allowed.
  size_t at = static_cast<size_t>(input.data() - text.data());
  std::string_view title(first.data(), first.size());
  for (size_t t = 0; t < title.size();) {
    at = text::SkipBlanks(text, at, line_end);
    const text::Char want = text::CharAt(title, t);
    if (at >= line_end || text::CharAt(text, at).value != want.value) return {};
    at += want.length;
    t += want.length;
  }
  const size_t body = text::SkipBlanks(text, at, line_end);
  if (body == at || body >= line_end || !HasSentencePunct(text.substr(body, line_end - body))) return {};
  return {from + first.size(), at, body};
}

struct TitleEdit {
  Span span;
  std::string after;
  double confidence;
  std::string reason;
};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// The first unclaimed byte of a line: earlier rules may have taken its start (a page mark, a chunk prefix).
size_t FirstFreeByte(RepairContext& context, const Line& line) {
  size_t at = line.begin;
  const size_t end = line.begin + line.text.size();
  for (const RepairRecord& r : context.records()) {
    if (r.span.begin <= at && r.span.end > at) at = std::min(r.span.end, end);
    if (r.span.begin > end) break;
  }
  return text::SkipBlanks(context.text(), at, end);
}

// Whether a record of a rule other than text.html (the markup a copy kept) overlaps `span`: a site's words
// an earlier rule cut, not tags.
bool ClaimedByFurniture(RepairContext& context, Span span) {
  for (const RepairRecord& r : context.records()) {
    if (r.span.begin >= span.end) break;
    if (r.span.end > span.begin && r.rule != repair_rule::kTextHtml) return true;
  }
  return false;
}

// Whether an earlier rule changed the line; a converter's readings that text.pinyin removed leave it the
// same line (its copies still go, in the pieces between the readings: ProposeDeletionAroundReadings).
bool LineClaimed(RepairContext& context, const Line& line) {
  const Span span{line.begin, line.begin + line.text.size()};
  if (!context.IsClaimed(span)) return false;
  for (const RepairRecord& r : context.records()) {
    if (r.span.begin >= span.end) break;
    if (r.span.end > span.begin && r.rule != repair_rule::kTextPinyin) return true;
  }
  return false;
}

// A title said twice (RepeatedTopLine): at least kMinRepeatedTitleHan ideographs (`工作计划`, a site's
// category page titled by its kind alone), no sentence punctuation, not a list heading (a table of contents
// lists the headings that follow), before the text's first sentence line, and said again within the next
// kRepeatedTitleLines non-blank lines before it. The clean corpora's reports say no line twice before their
// first sentence; issue 14's real sets show it under a breadcrumb (`首页`, `工作计划`, `工作计划`) and above a
// bundle's first piece.
constexpr size_t kMinRepeatedTitleHan = 4;
constexpr size_t kRepeatedTitleLines = 8;

// A line of the top that reads as a short title (see kMinRepeatedTitleHan): no sentence punctuation, no
// list marker, no page number after a blank.
bool TitleShaped(std::string_view t) {
  // A download's file name (`….docx`) says the title as the site names the file: the copies' rule below.
  return !t.empty() && text::CountCharStarts(t) <= kMaxTitleChars && !HasSentencePunct(t) && !NamesAFile(t) &&
         HanOnly(t).size() >= 3 * kMinRepeatedTitleHan && !text::MatchListMarker(t, 0).has_value() &&
         !IsTableOfContentsEntry(t);
}

size_t RepeatedTopLine(RepairContext& context, const std::vector<Line>& lines, const std::vector<size_t>& top) {
  size_t found = lines.size();
  for (size_t i = 0; i < top.size(); ++i) {
    const Line& line = lines[top[i]];
    const std::string_view t = text::TrimLineBlanks(line.text);
    if (LineClaimed(context, line)) continue;  // a site's line an earlier rule removed
    if (IsSentence(t)) break;                  // the text has begun
    // A title that names a kind of report before the text (`2026年政府工作报告` under a portal's `云南要闻` said
    // twice) is the title: no short line said again is.
    if (IsTitleLine(t)) return lines.size();
    if (found < lines.size() || !TitleShaped(t)) continue;
    const std::string han = HanOnly(t);
    for (size_t j = i + 1; j < top.size() && j <= i + kRepeatedTitleLines; ++j) {
      const std::string_view u = text::TrimLineBlanks(lines[top[j]].text);
      if (LineClaimed(context, lines[top[j]])) continue;
      if (IsSentence(u)) break;
      if (TitleShaped(u) && HanOnly(u) == han) {
        found = top[i];
        break;
      }
    }
  }
  return found;
}

std::vector<TitleEdit> FindTitleEdits(RepairContext& context) {
  std::string_view text = context.text();
  std::vector<TitleEdit> edits;
  std::vector<Line> lines = SplitLines(text);
  // Non-blank lines at the top.
  std::vector<size_t> top;
  for (size_t n = 0; n < lines.size() && top.size() < kTopLines; ++n) {
    if (!text::IsBlankLine(lines[n].text)) top.push_back(n);
  }
  // 1. Two titles on one line, "A|B": the site's category or short title, then the document's.
  for (size_t n : top) {
    std::string_view t = lines[n].text;
    static const RE2 kBar(R"((\s*[|｜]\s*))");
    re2::StringPiece input = View(t), bar;
    size_t last_cut = std::string_view::npos;
    std::vector<std::string_view> parts;
    size_t at = 0;
    while (RE2::FindAndConsume(&input, kBar, &bar)) {
      const size_t b = static_cast<size_t>(bar.data() - t.data());
      parts.push_back(t.substr(at, b - at));
      at = b + bar.size();
      last_cut = at;
    }
    if (parts.empty()) continue;
    parts.push_back(t.substr(at));
    const bool all_titles = std::all_of(parts.begin(), parts.end(), [](std::string_view p) { return IsTitleLine(p); });
    if (!all_titles || LineClaimed(context, lines[n])) continue;
    edits.push_back({{lines[n].begin, lines[n].begin + last_cut}, "", kSeveralTitlesConfidence,
                     absl::StrCat("The site printed ", parts.size(), " titles on one line; kept the document's, ",
                                  Quoted(text::TrimLineBlanks(parts.back())), ".")});
    break;
  }
  // The download's file name above the text that opens with the same words ("…简述7篇.docx" above "…简述7篇
  // 为了…", a line that lost its breaks): the site's name for the file, not a line of the document.
  static const RE2 kFileName(R"((?i)^(.+)\.(?:docx?|wps|pdf|txt)$)");
  for (size_t i = 0; i + 1 < top.size(); ++i) {
    const std::string_view t = text::TrimLineBlanks(lines[top[i]].text), next = text::TrimLineBlanks(lines[top[i + 1]].text);
    re2::StringPiece name;
    if (LineClaimed(context, lines[top[i]]) || !RE2::FullMatch(View(t), kFileName, &name)) continue;
    const std::string_view stem(name.data(), name.size());
    if (HanOnly(stem).size() >= 3 * kMinTitleHan && next.starts_with(stem)) {
      edits.push_back({{lines[top[i]].begin, lines[top[i]].next}, "", kTitleCopyLineConfidence,
                       absl::StrCat("The file's name, ", Quoted(t), ", above the text that opens with the same words.")});
    }
  }
  // 2. The title and its copies. A line whose end an earlier rule cut (the site's name after the title,
  // "…述职报告范文五篇-某某网") or whose start it cut (the site's tag before it, "【精品】…总结") is the title
  // between the cuts.
  auto unclaimed_part = [&](const Line& line) -> std::string_view {
    if (!LineClaimed(context, line)) return line.text;
    const size_t end = line.begin + line.text.size();
    // The records inside the line, in order: deletions covering a prefix and a suffix of it without a gap
    // (records never overlap), one piece left between them.
    size_t free_begin = line.begin, suffix_begin = end, covered = end;
    bool suffix = false;
    for (const RepairRecord& r : context.records()) {
      if (r.span.end <= line.begin || r.span.begin >= end) continue;
      if (!r.after.empty()) return {};
      if (!suffix && r.span.begin <= free_begin) {
        free_begin = r.span.end;
        continue;
      }
      if (!suffix) {
        suffix = true;
        suffix_begin = covered = r.span.begin;
      }
      if (r.span.begin != covered) return {};
      covered = r.span.end;
    }
    if (covered < end || free_begin >= suffix_begin) return {};
    return line.text.substr(free_begin - line.begin, suffix_begin - free_begin);
  };
  size_t title = lines.size();
  std::string_view title_line_text;
  for (size_t n : top) {
    const std::string_view free = unclaimed_part(lines[n]);
    if (!free.empty() && IsTitleLine(free)) {
      title = n;
      title_line_text = free;
      break;
    }
  }
  // Above such a line (or without one), the title is the line the site says again: a short line before the
  // text that stands again, the same ideographs, as a line of its own (`工作计划` twice under a breadcrumb,
  // above the heading `工作计划的作用`; `车间生产安全的重要性` at the top and again under its piece's label).
  // The first is the document's; the copies go.
  const size_t repeated = RepeatedTopLine(context, lines, top);
  const bool said_again = repeated < title;
  if (said_again) {
    title = repeated;
    title_line_text = lines[title].text;
  }
  if (title < lines.size()) {
    const std::string_view title_text = text::TrimLineBlanks(title_line_text);
    const std::string title_han = HanOnly(title_text);
    // The title as the file's name above it ("….docx", the document site's download name): a line before
    // the title that says the title with a file extension is the site's, never the report's.
    static const RE2 kFileExtension(R"((?i)\.(?:docx?|wps|pdf|txt)$)");
    for (size_t n : top) {
      if (n >= title) break;
      const std::string_view t = text::TrimLineBlanks(lines[n].text);
      if (LineClaimed(context, lines[n]) || !RE2::PartialMatch(View(t), kFileExtension)) continue;
      const std::string name_han = HanOnly(t);
      if (SameTitle(name_han, title_han) && !AddsMoreThanSiteWords(name_han, title_han)) {
        edits.push_back({{lines[n].begin, lines[n].next}, "", kTitleCopyLineConfidence,
                         absl::StrCat("The title as a file's name, ", Quoted(t), "; the document's own title line, ",
                                      Quoted(title_text), ", stays.")});
      }
    }
    // The page's title over the document's, the two differing only by the particles 的 and 之 (`镇政府的工作报告`
    // over `镇政府工作报告`, issue 14's sixth real set): the site titled its page in its own words; the line right
    // above the text is the document's, and stays. (An exact copy is the copies' rule below.)
    for (size_t n = title + 1; n < lines.size() && !said_again; ++n) {
      if (text::IsBlankLine(lines[n].text)) continue;
      const std::string_view next = text::TrimLineBlanks(lines[n].text);
      auto without_particles = [](std::string han) {
        for (std::string_view particle : {"的", "之"}) {
          for (size_t at; (at = han.find(particle)) != std::string::npos;) han.erase(at, particle.size());
        }
        return han;
      };
      const std::string next_han = HanOnly(next);
      if (!LineClaimed(context, lines[n]) && !LineClaimed(context, lines[title]) && next_han != title_han &&
          IsTitleLine(next) && without_particles(next_han) == without_particles(title_han)) {
        edits.push_back({{lines[title].begin, lines[title].next}, "", kParticleTitleConfidence,
                         absl::StrCat("The page's title, ", Quoted(title_text), ", over the document's own, ", Quoted(next),
                                      ", which says the same but for a particle; the document's stays.")});
      }
      // Or the document's adds a note in brackets that says where it was given (`政府工作报告` over
      // `政府工作报告(第某届人民代表大会第某次会议)`): the site's header dropped the note.
      const std::string_view note = NoteAtEnd(next);
      if (!LineClaimed(context, lines[n]) && !LineClaimed(context, lines[title]) && !note.empty() &&
          text::TrimLineBlanks(next.substr(0, next.size() - note.size())) == title_text && IsTitleLine(next) &&
          HanOnly(note).size() >= 3 * kMinSessionNoteHan && note.find("篇") == std::string_view::npos) {
        edits.push_back({{lines[title].begin, lines[title].next}, "", kParticleTitleConfidence,
                         absl::StrCat("The page's title, ", Quoted(title_text), ", over the document's own, ", Quoted(next),
                                      ", which adds the note in brackets; the document's stays.")});
      }
      break;
    }
    size_t seen = 0;
    // Between the title and the text, the title-shaped lines said so far (blanks dropped): a site prints its
    // collection's title twice around its introduction (`…范文汇编七篇`, the introduction, `…范文汇编七篇`), as
    // it prints the title twice. The clean corpora's reports say no line twice before their first sentence.
    // A line that names no kind of report (a portal's byline said in its header and again in its article) is
    // the furniture rules' to judge, and so is a line whose neighbour is said again beside it (a repeated block).
    struct Said {
      std::string chars;
      size_t line;
    };
    std::vector<Said> said_before_text;
    bool text_begun = false;
    auto neighbour_text = [&](size_t k, int step) {
      for (k = step < 0 ? k - 1 : k + 1; k < lines.size(); k = step < 0 ? k - 1 : k + 1) {
        if (!text::IsBlankLine(lines[k].text)) return text::TrimLineBlanks(lines[k].text);
        if (k == 0) break;
      }
      return std::string_view();
    };
    for (size_t n = title + 1; n < lines.size() && seen < kCopyWindowLines; ++n) {
      const Line& line = lines[n];
      if (text::IsBlankLine(line.text)) continue;
      ++seen;
      // A line another rule edited (a site's suffix cut from its end) keeps its copy of the title at the
      // start, which may still go: only the whole-line edits need the whole line.
      const bool line_claimed = LineClaimed(context, line);
      std::string_view t = text::TrimLineBlanks(line.text);
      if (!line_claimed && !text_begun && TitleSaidAsSentence(t, title_text)) {
        edits.push_back({{line.begin, line.next}, "", kTitleCopyLineConfidence,
                         absl::StrCat("The title's words said as a sentence, ", Quoted(t),
                                      " (a site's keyword line); the document's own title line, ", Quoted(title_text),
                                      ", stays.")});
        continue;
      }
      if (!line_claimed && !text_begun && IsSentence(t)) text_begun = true;
      if (!line_claimed && !text_begun && TitleShaped(t) && IsTitleLine(t)) {
        // The same characters, blanks aside: a piece's label (`…工作总结篇4`) says the collection's words
        // (`…工作总结(10篇)`) with another count, and is no copy.
        std::string said;
        for (size_t i = 0; i < t.size();) {
          const text::Char c = text::CharAt(t, i);
          const size_t length = std::max<size_t>(1, c.length);
          if (c.value != U' ' && c.value != U'\t' && c.value != U'\u3000') said.append(t.substr(i, length));
          i += length;
        }
        const auto earlier = std::find_if(said_before_text.begin(), said_before_text.end(),
                                          [&](const Said& s) { return s.chars == said; });
        if (earlier != said_before_text.end() && neighbour_text(earlier->line, -1) != neighbour_text(n, -1) &&
            neighbour_text(earlier->line, +1) != neighbour_text(n, +1)) {
          edits.push_back({{line.begin, line.next}, "", kTitleCopyLineConfidence,
                           absl::StrCat("A line before the text said again, ", Quoted(t),
                                        "; its first occurrence stays.")});
          continue;
        }
        if (earlier == said_before_text.end()) said_before_text.push_back({std::move(said), n});
      }
      const size_t lead = static_cast<size_t>(t.data() - line.text.data());
      const std::string copy_han = HanOnly(t);
      // A copy whose site tag an earlier rule cut from its start ("【精品】…总结集锦三篇"): the rest of the line
      // is the copy, and goes with the line's break.
      const std::string_view after_tag = line_claimed ? unclaimed_part(line) : std::string_view();
      const bool tag_cut = !after_tag.empty() && after_tag.data() + after_tag.size() == line.text.data() + line.text.size();
      const std::string_view copy = tag_cut ? text::TrimLineBlanks(after_tag) : t;
      const bool copy_of_repeated = said_again && !HasSentencePunct(copy) && HanOnly(copy) == title_han;
      if ((!line_claimed || tag_cut) && PlaceholderRuns(copy) <= PlaceholderRuns(title_text) &&
          (copy_of_repeated || (IsTitleLine(copy) && SameTitle(HanOnly(copy), title_han) &&
                                !AddsMoreThanSiteWords(HanOnly(copy), title_han)))) {
        // The title with the line after it, both again ("陕西省2026年政府工作报告" and its date-and-speaker
        // line, in the portal's header and again in the article): a repeated block of the page, which the
        // furniture rules judge as a whole, not a copy of the title alone.
        auto next_text = [&](size_t k) {
          for (++k; k < lines.size(); ++k) {
            if (!text::IsBlankLine(lines[k].text)) return text::TrimLineBlanks(lines[k].text);
          }
          return std::string_view();
        };
        const std::string_view after_title = next_text(title), after_copy = next_text(n);
        if (!after_title.empty() && after_title == after_copy && !IsTitleLine(after_title)) continue;
        const size_t from = tag_cut ? static_cast<size_t>(after_tag.data() - text.data()) : line.begin;
        edits.push_back({{from, line.next}, "", kTitleCopyLineConfidence,
                         absl::StrCat("A copy of the title, ", Quoted(copy), "; the document's own title line, ",
                                      Quoted(title_text), ", stays.")});
        continue;
      }
      // A title known only by its repetition may be a short one (`工作计划`) that the text's lines open with in
      // a sentence: only its whole-line copies go.
      if (said_again) continue;
      // A copy broken over two lines ("…2024年政府⏎信息公开工作年度报告", a wrap inside the site's copy): the line
      // and the next say the title again only together.
      if (!line_claimed && n + 1 < lines.size() && !HasSentencePunct(t) && !LineClaimed(context, lines[n + 1])) {
        const std::string_view second = text::TrimLineBlanks(lines[n + 1].text);
        const std::string joined_han = copy_han + HanOnly(second);
        if (!second.empty() && IsTitleLine(std::string(t) + std::string(second)) && SameTitle(joined_han, title_han) &&
            !SameTitle(HanOnly(second), title_han) && !AddsMoreThanSiteWords(joined_han, title_han)) {
          edits.push_back({{line.begin, lines[n + 1].next}, "", kBrokenCopyConfidence,
                           absl::StrCat("A copy of the title broken over two lines; the document's own title line, ",
                                        Quoted(title_text), ", stays.")});
          ++n;
          continue;
        }
      }
      // The title said again in a row, nothing between ("…报告…报告…报告各位代表:", after a chunk prefix an
      // earlier rule took): a report never repeats its title so; the copies after the first go.
      if (const size_t from = FirstFreeByte(context, line); text.substr(from).starts_with(title_text)) {
        size_t end = from + title_text.size();
        while (end + title_text.size() <= line.end && text.substr(end, title_text.size()) == title_text) {
          end += title_text.size();
        }
        const Span repeats{from + title_text.size(), end};
        if (repeats.size() > 0 && !context.IsClaimed(repeats)) {
          edits.push_back({repeats, "", kRunInCopyConfidence,
                           absl::StrCat("The title said again ", repeats.size() / title_text.size(),
                                        " times in a row; the first stays.")});
          continue;
        }
      }
      if (t.size() <= title_text.size() || t.substr(0, title_text.size()) != title_text) continue;
      // A line that starts with the title and goes on. When the next line starts the same way and holds
      // all of this one, this one is a teaser of the opening: it goes whole.
      auto squeeze = [](std::string_view s) {
        std::string out;
        for (size_t i = 0; i < s.size();) {
          text::Char c = text::CharAt(s, i);
          if (!text::IsLineEdgeBlank(c.value)) out.append(s.substr(i, c.length));
          i += c.length;
        }
        return out;
      };
      size_t following = n + 1;
      while (following < lines.size() && text::IsBlankLine(lines[following].text)) ++following;
      if (following < lines.size()) {
        const std::string mine = squeeze(t), theirs = squeeze(lines[following].text);
        if (!line_claimed && theirs.size() > mine.size() && theirs.compare(0, mine.size(), mine) == 0) {
          edits.push_back({{line.begin, line.next}, "", kTeaserConfidence,
                           absl::StrCat("A teaser line: the title and the opening again, which the next line "
                                        "holds in full.")});
          continue;
        }
      }
      // The title run into the body: the copy goes with the blanks and the piece number after it.
      size_t end = line.begin + lead + title_text.size();
      static const RE2 kAfterTitle(R"(^(?:[ \t\x{3000}]*(?:篇|第)?[0-9一二三四五六七八九十]{1,3}篇?(?:[:：、.．])?)?[ \t\x{3000}]*)");
      re2::StringPiece after = View(text.substr(end, line.end - end));
      const char* start = after.data();
      RE2::Consume(&after, kAfterTitle);
      // A piece number followed by a digit is the body's own number ("…工作总结2024年…"): keep it.
      size_t extra = static_cast<size_t>(after.data() - start);
      if (extra > 0 && end + extra < line.end && text[end + extra] >= '0' && text[end + extra] <= '9') extra = 0;
      // A piece number glued to the body's year, masked or not ("…工作总结1" + "20xx年以来"): the year keeps
      // its four characters, the number before them goes.
      static const RE2 kNumberBeforeYear(R"(^([0-9]{1,2})(?:19|20)[0-9xX]{2}年)");
      re2::StringPiece piece_number;
      if (RE2::PartialMatch(View(text.substr(end, line.end - end)), kNumberBeforeYear, &piece_number)) {
        extra = piece_number.size();
      }
      end += extra;
      if (end >= line.end || !HasSentencePunct(text.substr(end, line.end - end))) continue;
      // Only before a sentence opening: "社区工作总结是对一年工作的回顾" says the title's words in a sentence.
      if (extra == 0 && (ContinuesPhrase(text::CharAt(text, end).value) || InsideWord(text, end))) continue;
      if (context.IsClaimed({line.begin + lead, end})) continue;
      edits.push_back({{line.begin + lead, end}, "", kRunInCopyConfidence,
                       absl::StrCat("A copy of the title run into the text; the document's own title line, ",
                                    Quoted(title_text), ", stays.")});
    }
    return edits;
  }
  // 3. No title line: the title may be said twice on the first line ("政府工作报告(市级) 政府工作报告(市级)
  // 各位代表:"), or run into the first sentence there. The title may follow the site's own sentences on
  // that line ("…整理汇总。XX镇2023年政府工作报告各位代表:").
  for (size_t n : top) {
    const Line& line = lines[n];
    const size_t from = FirstFreeByte(context, line);
    const size_t line_end = line.begin + line.text.size();
    if (from >= line_end) continue;  // the whole line is taken: look further
    std::string_view rest = text.substr(from, line_end - from);
    static const RE2 kTwice(R"(^(\S{4,60}?)([ \t\x{3000}]+)(\S{4,60}?)(?:[ \t\x{3000}]+|$))");
    re2::StringPiece first, gap, second;
    if (RE2::PartialMatch(View(rest), kTwice, &first, &gap, &second) && first == second &&
        IsTitleLine(std::string_view(first.data(), first.size()))) {
      const size_t begin = static_cast<size_t>(second.data() - text.data());
      size_t end = begin + second.size();
      while (end < line_end && (text[end] == ' ' || text[end] == '\t')) ++end;
      edits.push_back({{begin, end}, "", kTitleTwiceConfidence,
                       "The site said the title twice on the first line; removed the second copy."});
      break;
    }
    // Said twice with the page viewer's page number between and blanks of its own inside the copy
    // ("某局…总结 0 2021 年某局…总结 为认真…"): the number and the copy go, and the text starts on a line of
    // its own.
    if (const TitleCopy copy = SpacedCopyOfFirstTitle(text, from, line_end); copy.end > copy.begin) {
      edits.push_back({{copy.begin, copy.end}, "", kTitleTwiceConfidence,
                       "The site said the title twice on the first line, a page number between; removed the "
                       "number and the second copy."});
      if (copy.body > copy.end) {
        edits.push_back({{copy.end, copy.body}, "\n", kTitleBreakConfidence,
                         "The title runs into the first sentence; a line break splits them."});
      }
      break;
    }
    std::vector<size_t> starts{from};
    // A title after a sentence of the same line only where an earlier rule cut the site's notice from the
    // line's start: a report's own first line that says 报告 after a sentence end (`…下载。如对报告有疑问`) is
    // no title.
    // Markup that text.html removed from the line's start (`<h3> `) is no notice.
    const bool notice_cut = from > line.begin && ClaimedByFurniture(context, {line.begin, from});
    for (size_t at = rest.find("。"); notice_cut && at != std::string_view::npos && at < 300;
         at = rest.find("。", at + 3)) {
      starts.push_back(from + at + 3);
    }
    for (size_t start : starts) {
      size_t blanks = 0;
      const size_t point = RunInPoint(text, start, line_end, &blanks);
      if (point == std::string_view::npos) continue;
      // The byline's bracketed date ends it: the text starts on a line of its own.
      const size_t line_rest = point + blanks;
      static const RE2 kPunct(R"([，。；！？,;!?：:])");
      re2::StringPiece found;
      size_t limit = line_end - line_rest;
      if (RE2::PartialMatch(View(text.substr(line_rest, limit)), kPunct, &found)) {
        limit = static_cast<size_t>(found.data() - (text.data() + line_rest));
      }
      const size_t dated = DatedBylineEnd(text.substr(line_rest, line_end - line_rest), 0, limit);
      if (dated != std::string_view::npos) {
        edits.push_back({{line_rest + dated, line_rest + dated}, "\n", kTitleBreakConfidence,
                         "A byline that ends in its bracketed date runs into the first sentence; a line break "
                         "splits them."});
      }
      // The site's sentences between its notice, which an earlier rule cut from the line's start, and the
      // title ("…素材库:网址。公众号:某某。整理汇总。某镇2023年政府工作报告各位代表:"): a report opens with its
      // title, so what stands before it on that line is the site's too.
      if (start > from && from > line.begin && !context.IsClaimed({from, start})) {
        edits.push_back({{from, start}, "", kRunInCopyConfidence,
                         absl::StrCat("The site's sentences between its notice and the title ",
                                      Quoted(text::TrimLineBlanks(text.substr(start, point - start))), ", which opens the report.")});
      }
      const std::string_view label = text::TrimLineBlanks(text.substr(point, blanks));
      edits.push_back({{point, point + blanks}, "\n", kTitleBreakConfidence,
                       absl::StrCat("The title ", Quoted(text::TrimLineBlanks(text.substr(start, point - start))),
                                    " runs into the first sentence; a line break splits them",
                                    label.empty() ? "." : absl::StrCat(", and the site's category ",
                                                                        Quoted(label), " after it goes."))});
      break;
    }
    break;
  }
  return edits;
}

}  // namespace

void RepairTitles(RepairContext& context) {
  for (TitleEdit& e : FindTitleEdits(context)) {
    RepairRecord r;
    r.rule = repair_rule::kBoilerplateTitle;
    r.span = e.span;
    r.before = std::string(context.text().substr(e.span.begin, e.span.size()));
    r.after = std::move(e.after);
    r.confidence = e.confidence;
    r.reason = std::move(e.reason);
    ProposeDeletionAroundReadings(context, r);
  }
}

}  // namespace wenshu::repair_internal
