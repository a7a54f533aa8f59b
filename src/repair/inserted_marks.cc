// text.inserted_comma: a comma a site inserted before every punctuation mark of a page (`…大会,,应到代表`,
// `…实到38人,。`, `…创新,、担当`), a copy-protection or converter habit: where the page does it throughout, the
// inserted comma goes and the real mark stays.
#include <string>
#include <string_view>
#include <vector>

#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/breaks.h"
#include "text/byte_search.h"
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

}  // namespace

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
