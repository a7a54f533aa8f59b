// boilerplate.truncation: notices a site puts where it cut the text ("……(未完,全文共2234字,当前仅显示800字)",
// "此处省略854字,正式会员可完整阅读", "(阅读全部图文内容,您需要先登录!)"). The notice is removed and the
// document is diagnosed as truncated: what followed the cut is missing, and nothing can restore it.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/number_scan.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// How far a notice's brackets may stand from its key phrase, in bytes: the notices seen hold up to about
// 30 characters before the phrase and 60 after it (one line break included).
constexpr size_t kOpenBracketReach = 120;
constexpr size_t kCloseBracketReach = 240;
// The confidence of a removed notice, the rule's estimate. Measured on issue 14's real dev set (74 pages
// outside the repository; `tools/wild_eval/wild_eval.py --by-confidence`, December 2026): right 1 of 1
// (4 of the 6 annotated notices are not found yet). The damage generator inserts no notices.
constexpr double kTruncationNoticeConfidence = 0.9;

// What only a site's cut says: the text is unfinished, counted in characters, or readable in full
// elsewhere (after logging in, as a member, by downloading).
const RE2& CutPhrase() {
  static const RE2 re(
      R"((未完(?:待续)?[,，。)）…]|全文共\s*[0-9]+\s*个?字|(?:此处)?省略\s*[0-9]+\s*个?字|仅显示\s*[0-9]+\s*个?字|)"
      R"(完整阅读|阅读全文|查看全文|阅读全部|需要?先登录|登录后(?:查看|阅读)|下载(?:完整|全文)))");
  return re;
}

bool IsDots(char32_t c) { return c == U'…' || c == U'.' || c == U'。' || c == U'·'; }

// The end of the bracketed notice opened before `phrase` (its matching close), or npos.
size_t CloseOf(std::string_view text, size_t phrase, size_t open) {
  const bool full = text.substr(open, 3) == "（";
  const size_t limit = std::min(text.size(), phrase + kCloseBracketReach);
  for (size_t i = phrase; i < limit; ++i) {
    if (full ? text.substr(i, 3) == "）" : text[i] == ')') return i + (full ? 3 : 1);
  }
  return std::string_view::npos;
}

}  // namespace

void RemoveTruncationNotices(RepairContext& context) {
  std::string_view text = context.text();
  re2::StringPiece all(text.data(), text.size()), input = all, phrase;
  size_t done = 0;  // the end of the last notice removed
  while (RE2::FindAndConsume(&input, CutPhrase(), &phrase)) {
    size_t at = static_cast<size_t>(phrase.data() - all.data());
    if (at < done) continue;
    size_t begin = at, end = at + phrase.size();
    // The bracket the phrase stands in, if any, on the same line before it.
    const size_t reach = at > kOpenBracketReach ? at - kOpenBracketReach : 0;
    size_t open = std::string_view::npos;
    for (size_t i = at; i > std::max(reach, done);) {
      text::Char c = text::CharBefore(text, i);
      if (c.value == U'\n' || c.value == U')' || c.value == U'）') break;
      i -= c.length;
      if (c.value == U'(' || c.value == U'（') {
        open = i;
        break;
      }
    }
    if (open != std::string_view::npos) {
      size_t close = CloseOf(text, at, open);
      if (close == std::string_view::npos) continue;
      begin = open;
      end = close;
    } else if (text.substr(at, 6) != "此处" && text.substr(at, 6) != "省略") {
      continue;  // "阅读全文" in a sentence of the report itself
    } else {
      // "此处省略854字……": the phrase up to the end of its dots.
      while (end < text.size() && (IsDots(text::CharAt(text, end).value) || text[end] == ' ')) {
        end += text::CharAt(text, end).length;
      }
    }
    // The dots that lead into the notice ("……(未完"), and a line the notice leaves empty.
    while (begin > done && IsDots(text::CharBefore(text, begin).value)) begin -= text::CharBefore(text, begin).length;
    if (OnlyBeforeOnLine(text, begin, U" \t\r") && OnlyAfterOnLine(text, end, U" \t\r") && end < text.size()) {
      while (end < text.size() && text[end] != '\n') ++end;
      if (end < text.size()) ++end;
    }
    RepairRecord r;
    r.rule = repair_rule::kBoilerplateTruncation;
    r.span = {begin, end};
    r.before = std::string(text.substr(begin, end - begin));
    r.confidence = kTruncationNoticeConfidence;
    r.reason = absl::StrCat("A site's truncation notice (\"", Av(std::string_view(phrase.data(), phrase.size())),
                            "\"): the site cut the text here, so what followed is missing from this copy.");
    r.evidence = {Span{at, at + phrase.size()}};
    if (context.Propose(std::move(r))) {
      context.mutable_diagnosis().truncated = true;
      done = end;
    }
  }
}

}  // namespace wenshu::repair_internal
