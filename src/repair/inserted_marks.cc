// text.inserted_comma: a comma a site inserted before every punctuation mark of a page (`…大会,,应到代表`,
// `…实到38人,。`, `…创新,、担当`), a copy-protection or converter habit: where the page does it throughout, the
// inserted comma goes and the real mark stays.
// text.inserted_mark: single ASCII marks a site or converter spliced into Chinese text, in forms clean
// reports never write: a point inside a phrase (`经济.发展`, `的.安排`) and a lone apostrophe (`市的'统一安排`).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "repair/number_scan.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/breaks.h"
#include "text/byte_search.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// A page shows the habit with this many commas right before another mark, making at least
// kMinInsertedShare of its marks: the clean corpora (national and provincial reports, 1.8 million
// characters) hold one such comma in all, the five real sets' other 173 pages none; the page that shows the
// habit holds 18 among 45 marks.
constexpr size_t kMinInsertedCommas = 4;
constexpr double kMinInsertedShare = 0.2;
constexpr double kInsertedCommaConfidence = 0.9;

bool IsComma(char32_t c) { return c == U',' || c == U'，'; }

bool IsMark(char32_t c) { return text::IsBreak(c, text::kPunctuationMarks); }

// An upper bound of the commas the walk below finds, from their bytes: each comma right before a mark, up
// to kMinInsertedCommas. A page with fewer shows no habit, and costs two byte searches, not a decode.
bool MayHoldInsertedCommas(std::string_view text) {
  size_t found = 0;
  for (const std::string_view comma : {std::string_view(","), std::string_view("，")}) {
    found += text::CountOccurrences(text, comma, kMinInsertedCommas - found, [&](size_t at) {
      return IsMark(text::CharAt(text, at + comma.size()).value);
    });
  }
  return found >= kMinInsertedCommas;
}

// text.inserted_mark. Each form is evidence on its own: the clean corpora (103 reports, 1.7 million
// characters) write none of them, so no document diagnosis is asked.
// An ASCII point between two ideographs: the clean corpora hold none. On the seven real dev sets all six such
// points that are not a stripped decimal (`提高了.个百分点`, a unit after it: number.stripped's) are a site's
// insertion inside a phrase (`经济.发展` three times on one page, `三大经济.事业`, `的.单位`, `的.安排`); none
// stands where a word was deleted. mask.deleted still reads a point after a numeral or quantity word as a
// gap (`以.为统领`; `一.总则` is a heading), and one before a unit.
constexpr double kInsertedPointConfidence = 0.85;
// A page that ends a line with a point after an ideograph uses the point as its full stop (`…正常开展.⏎`, one
// page of the dev sets, none of the clean reports): there a point between ideographs may end a sentence, and
// stays.

// Whether a line ends with an ASCII point after an ideograph.
bool EndsLineWithPoint(std::string_view text) {
  for (size_t at = text.find('.'); at != std::string_view::npos; at = text.find('.', at + 1)) {
    size_t end = at + 1;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t' || text[end] == '\r')) ++end;
    if ((end == text.size() || text[end] == '\n') && text::IsHan(text::CharBefore(text, at).value)) return true;
  }
  return false;
}

// A lone ASCII apostrophe next to an ideograph, with no other quotation mark in its sentence: the clean
// corpora hold none next to an ideograph (their two apostrophes stand alone on lines); the seven dev sets
// hold three, all a site's insertion (`市的'統一`, `用語的',`, `人生的'分界線`). One that pairs with another
// quotation mark in its sentence (`‘十二五'`, `'两个确保“`) is quote.direction's.
constexpr double kLoneApostropheConfidence = 0.85;

bool IsQuotationMark(char32_t c) {
  static constexpr std::u32string_view kQuotes = U"'\"‘’“”〝〞〟‚‛「」『』";
  return kQuotes.find(c) != std::u32string_view::npos;
}


// Removes the one-byte mark at `at`, unless an earlier rule (quote.direction) took it.
void RemoveMark(RepairContext& context, size_t at, double confidence, std::string reason) {
  if (context.IsClaimed({at, at + 1})) return;
  RepairRecord record;
  record.rule = repair_rule::kTextInsertedMark;
  record.span = {at, at + 1};
  record.before = std::string(context.text().substr(at, 1));
  record.confidence = confidence;
  record.reason = std::move(reason);
  context.Propose(std::move(record));
}

}  // namespace

void RemoveInsertedMarks(RepairContext& context) {
  const std::string_view text = context.text();
  if (text.find_first_of(".'") == std::string_view::npos) return;
  // The sentence being read: its first apostrophe, and how many quotation marks (apostrophes too) it holds.
  size_t apostrophe = std::string_view::npos;
  int quotes = 0;
  const bool point_as_stop = EndsLineWithPoint(text);
  auto end_sentence = [&] {
    if (apostrophe != std::string_view::npos && quotes == 1) {
      const char32_t p = text::CharBefore(text, apostrophe).value;
      const char32_t n = text::CharAt(text, apostrophe + 1).value;
      // An ideograph on one side, and no letter or digit on the other (an English word's `'s`).
      if ((text::IsHan(p) || text::IsHan(n)) && !text::IsAsciiAlnum(p) && !text::IsAsciiAlnum(n)) {
        RemoveMark(context, apostrophe, kLoneApostropheConfidence,
                   "A lone ASCII apostrophe next to Chinese text, with no other quotation mark in its sentence: a "
                   "mark a site inserted (clean reports write none).");
      }
    }
    apostrophe = std::string_view::npos;
    quotes = 0;
  };
  char32_t previous = 0;
  for (size_t i = 0; i < text.size();) {
    if (context.CancelledAt(i)) return;
    const text::Char c = text::CharAt(text, i);
    if (c.value == U'\'' && apostrophe == std::string_view::npos) apostrophe = i;
    if (IsQuotationMark(c.value)) ++quotes;
    if (c.value == U'.' && !point_as_stop && text::IsHan(previous) && !CarriesQuantity(previous) &&
        previous != U'第' && text::IsHan(text::CharAt(text, i + 1).value) && !UnitAt(text, i + 1)) {
      RemoveMark(context, i, kInsertedPointConfidence,
                 "An ASCII point between two Chinese words, inside a phrase: a mark a site inserted (clean "
                 "reports write none).");
    }
    if (text::IsBreak(c.value, text::kSentenceEnds | text::kLineBreaks)) end_sentence();
    previous = c.value;
    i += c.length;
  }
  end_sentence();
}

void RemoveInsertedCommas(RepairContext& context) {
  const std::string_view text = context.text();
  if (!MayHoldInsertedCommas(text)) return;
  struct Comma {
    size_t begin;
    int len;
  };
  std::vector<Comma> inserted;
  int marks = 0;
  char32_t previous = 0;
  size_t previous_at = 0;
  int previous_len = 0;
  for (size_t i = 0; i < text.size();) {
    const text::Decoded d = text::DecodeUtf8At(text, i);
    if (d.len <= 0) {
      ++i;
      previous = 0;
      continue;
    }
    if (IsMark(d.cp)) {
      ++marks;
      // A comma right before another mark; a run of three counts once (its first comma).
      if (IsComma(previous) && (inserted.empty() || inserted.back().begin + inserted.back().len != previous_at)) {
        inserted.push_back({previous_at, previous_len});
      }
    }
    previous = d.cp;
    previous_at = i;
    previous_len = d.len;
    i += static_cast<size_t>(d.len);
  }
  const size_t count = inserted.size();
  if (count < kMinInsertedCommas || static_cast<double>(count) < kMinInsertedShare * marks) return;
  for (const Comma& c : inserted) {
    RepairRecord record;
    record.rule = repair_rule::kTextInsertedComma;
    record.span = {c.begin, c.begin + static_cast<size_t>(c.len)};
    record.before = std::string(text.substr(c.begin, static_cast<size_t>(c.len)));
    record.confidence = kInsertedCommaConfidence;
    record.reason = std::string(
        "A comma inserted before the punctuation mark after it, as throughout this page (a comma before "
        "another mark in a fifth or more of its marks); the mark after it stays.");
    context.Propose(std::move(record));
  }
}

}  // namespace wenshu::repair_internal
