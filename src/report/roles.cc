// Fact roles: whether a figure is a result reported for the past ("actual"), a goal ("target") or
// neither ("other"), read from the words and the year before it in its sentence, then its top-level
// section's role (docs/schema.md, "Fact roles").
#include <algorithm>
#include <string_view>

#include "report/internal.h"
#include "text/breaks.h"
#include "text/utf8.h"

namespace wenshu::report_internal {
namespace {

// How far back in its sentence a fact's tense words and year are looked for: the clause or two before a
// figure (2025年全省地区生产总值增长5.4%, 力争全年粮食产量稳定在…以上). A bound keeps a run-on sentence
// linear; 160 bytes is about 50 characters, more than the longest indicator phrase in the targets of
// the 31 provincial 2026 reports (地方一般公共预算收入同口径增长, 单位地区生产总值能耗下降).
constexpr size_t kLookBack = 160;

// Words that make what follows a goal (issue 16: 力争, 预期, 确保, 目标) and the plan's verbs.
// Not 要 or 将 alone: they are inside 主要, 重要, 将近 in every review.
// Not 预计 either: a review's 预计全年地区生产总值增长5.3% estimates a result.
constexpr std::string_view kTargetWords[] = {"力争", "预期", "确保", "目标", "争取", "计划", "拟", "努力",
                                             "将要", "今年要", "明年要"};
// Words that make what follows a result: 完成, 实现, 达到 (in a review), a baseline (比上年, 同比).
constexpr std::string_view kActualWords[] = {"完成", "实现", "达到", "比上年", "同比", "较上年", "比去年",
                                             "累计", "已", "去年", "上年", "过去", "取得", "超额", "增长了"};
// The result words that are never a goal's verb (kActualWords without 达到, 实现).
constexpr std::string_view kStrongActualWords[] = {"完成", "比上年", "同比", "较上年", "比去年", "累计", "已",
                                                   "去年", "上年", "过去", "取得", "超额", "增长了"};
// Qualifiers that mark a planned figure in a plan section (5%左右, 1200万人以上).
constexpr std::string_view kGoalQualifiers[] = {"左右", "以上", "以内", "以下", "不低于", "不超过", "不高于"};

// The sentence a fact's role is read in ends at 。！？, a line feed or ；.
bool IsSentenceEnd(char32_t c) {
  return text::IsBreak(c, text::kCjkSentenceEnds | text::kLineFeed | text::kFullwidthSemicolon);
}

// The end of the last of `words` in `s`, or npos: one pass backwards over the bytes, comparing a word
// only where its first byte is. rfind per word made a memcmp call at every position of the look-back
// window for each of the 39 words: 45% of Parse on a list of a million "1、" (a fact every 4 bytes).
template <size_t N>
size_t LastOf(std::string_view s, const std::string_view (&words)[N]) {
  size_t longest = 0;
  for (std::string_view w : words) longest = std::max(longest, w.size());
  size_t best = std::string_view::npos;
  for (size_t p = s.size(); p-- > 0;) {
    // A match starting here or earlier ends at most at p + longest: none can beat `best` any more.
    if (best != std::string_view::npos && p + longest <= best) break;
    for (std::string_view w : words) {
      if (s[p] != w[0] || s.size() - p < w.size()) continue;
      if (std::equal(w.begin() + 1, w.end(), s.begin() + p + 1) &&
          (best == std::string_view::npos || p + w.size() > best)) {
        best = p + w.size();
      }
    }
  }
  return best;
}

}  // namespace

std::string_view FactRole(std::string_view text, Span fact, std::string_view section_role,
                          std::optional<int> report_year, const std::vector<DateFact>& dates,
                          const std::vector<std::string>& qualifiers) {
  // The sentence before the fact, at most kLookBack bytes.
  size_t begin = fact.begin > kLookBack ? fact.begin - kLookBack : 0;
  if (begin > 0) begin = text::AlignForwardToCharStart(text, begin);
  for (size_t p = begin; p < fact.begin;) {
    const auto [c, n] = text::CharAt(text, p);
    p += n;
    if (IsSentenceEnd(c)) begin = p;
  }
  const std::string_view before = text.substr(begin, fact.begin - begin);

  // The year named last before the fact in its sentence: before the report's year is a result, the
  // report's year or later a goal.
  if (report_year) {
    auto it = std::lower_bound(dates.begin(), dates.end(), fact.begin,
                               [](const DateFact& d, size_t pos) { return d.span.begin < pos; });
    while (it != dates.begin()) {
      --it;
      if (it->span.begin < begin) break;
      if (it->relative_year && *it->relative_year > 0) return "target";  // 明年 (上年 is a baseline)
      if (!it->year || it->year_masked) continue;
      if (*it->year < *report_year) return "actual";
      return "target";
    }
  }
  // A review reports results: its 目标 and 要求 are the past year's (完成全年目标任务，地区生产总值增长5.3%).
  if (section_role == "review") return "actual";
  const size_t target_at = LastOf(before, kTargetWords);
  const size_t actual_at = LastOf(before, kActualWords);
  // 达到 and 实现 follow a goal word as often as they report a result (力争…达到150亿元): after one they
  // keep the goal.
  const size_t strong_actual_at = LastOf(before, kStrongActualWords);
  if (target_at != std::string_view::npos &&
      (strong_actual_at == std::string_view::npos || target_at >= strong_actual_at)) {
    return "target";
  }
  // A plan section's figures are goals (its baselines, 比上年增加1800亿元, compare a plan with the past).
  if (section_role == "plan") return "target";
  if (actual_at != std::string_view::npos) return "actual";
  // Outside the plan a qualifier of goals (5%左右) with no other word still reads as a goal.
  for (const std::string& q : qualifiers) {
    if (std::find(std::begin(kGoalQualifiers), std::end(kGoalQualifiers), q) != std::end(kGoalQualifiers) &&
        section_role != "review") {
      return "target";
    }
  }
  return "other";
}

}  // namespace wenshu::report_internal
