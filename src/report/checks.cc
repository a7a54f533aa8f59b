// Consistency checks over the facts: parts against their total, a change larger than the figure it
// changed, a rate over 100, a stated rate against the counts it is a ratio of. Each check is a pass or
// fail record with the spans it read and a sentence with the numbers, so a user can see why.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "quantity/consistency.h"
#include "report/internal.h"
#include "text/breaks.h"
#include "text/lexicon.h"
#include "text/text_pool.h"
#include "text/utf8.h"

namespace wenshu::report_internal {
namespace {

std::string Show(const Decimal& value, std::string_view unit) {
  std::string out = value.ToString();
  out.append(unit);
  return out;
}

// The clause a check reads its subject in ends at ，。；：！？, the ASCII comma and semicolon, or a line feed.
bool IsClauseBreakAt(std::string_view text, size_t i) {
  return text::IsBreak(text::CharAt(text, i).value, text::kCjkSentenceEnds | text::kCommas | text::kSemicolons |
                                                        text::kFullwidthColon | text::kLineFeed);
}

// The clause that leads up to `offset`: from the previous clause break to offset.
std::string_view ClauseBefore(std::string_view text, size_t offset) {
  size_t begin = offset;
  size_t steps = 0;
  while (begin > 0 && steps < 120) {
    const size_t prev = text::AlignToCharStart(text, begin - 1);
    if (IsClauseBreakAt(text, prev)) break;
    begin = prev;
    ++steps;
  }
  return text.substr(begin, offset - begin);
}

// The start of the sentence holding `offset` (after the previous 。！？ or line break).
size_t SentenceBegin(std::string_view text, size_t offset) {
  // Bounded look-back keeps the pass linear on text without sentence ends.
  const size_t window_begin = offset > 2048 ? offset - 2048 : 0;
  const std::string_view window = text.substr(window_begin, offset - window_begin);
  size_t begin = 0;
  for (std::string_view end : {"。", "！", "？", "\n"}) {
    size_t at = window.rfind(end);
    if (at != std::string_view::npos) begin = std::max(begin, at + end.size());
  }
  return window_begin + begin;
}

// "安置率为92": the rated verb ("安置") when the quantity is stated as a rate.
std::optional<std::string_view> RateStem(std::string_view text, const Quantity& q) {
  if (q.kind != QuantityKind::kPercent && !(q.kind == QuantityKind::kPlain && q.unit.empty())) {
    return std::nullopt;
  }
  std::string_view clause = ClauseBefore(text, q.span.begin);
  size_t at = clause.rfind("率");
  if (at == std::string_view::npos) {
    if (q.subject.ends_with("率")) {
      clause = q.subject;
      at = clause.size() - 3;
    } else {
      return std::nullopt;
    }
  }
  // Between 率 and the number only a linking verb: 为, 达, 达到, 到达(了), 是, 保持.
  std::string_view link = clause.substr(at + 3);
  if (link.size() > 12) return std::nullopt;
  if (at < 6) return std::string_view{};
  return clause.substr(at - 6, 6);
}

bool HasApprox(const Quantity& q) { return q.approx || q.upper.has_value(); }

}  // namespace

std::vector<ReportCheck> RunFactChecks(std::string_view text, const Facts& facts,
                                       const SectionOutline& outline, text_internal::CancelPoll* cancel) {
  // Polled per fact in every pass (`cancel` may be null; when it says stop, the checks are empty): the
  // rate pass reads up to 2 KiB back from each rate, 1.6 s unpolled over 10 MiB of "1、" markers
  // (bench/cancel_latency).
  const auto stop = [&](size_t offset) { return cancel != nullptr && cancel->At(offset); };
  std::vector<ReportCheck> checks;
  // A document dense with figures repeats a few sentences ("an increase of 3所 fits within the total
  // 3所") once per line: one copy each (bench/memory_bench, many_figures).
  text_internal::TextPool reasons;
  const auto add = [&](ReportCheck check) {
    check.reason = reasons.Intern(std::move(check.reason));
    checks.push_back(std::move(check));
  };
  const auto& qs = facts.quantities;

  // sum.parts ---------------------------------------------------------------------------------------
  // (total, part) for each part, sorted: the totals in text order, each with its parts in text order.
  // Only the few quantities that are parts take room (a list per quantity took 24 bytes per figure).
  std::vector<std::pair<int, int>> parts;
  for (size_t i = 0; i < qs.size(); ++i) {
    if (stop(qs[i].span.begin)) return {};
    const int total = qs[i].part_of;
    if (total >= 0 && static_cast<size_t>(total) < qs.size() && static_cast<size_t>(total) != i) {
      parts.emplace_back(total, static_cast<int>(i));
    }
  }
  std::sort(parts.begin(), parts.end());
  for (size_t first = 0, last = 0; first < parts.size(); first = last) {
    const int t = parts[first].first;
    if (stop(qs[t].span.begin)) return {};
    for (last = first; last < parts.size() && parts[last].first == t; ++last) {
    }
    const Quantity& total = qs[static_cast<size_t>(t)];
    std::vector<int> same_unit;
    bool approx = HasApprox(total);
    // Shares in percent have different bases (其中国防费占21.1%); only amounts add up.
    if (total.kind != QuantityKind::kCount && total.kind != QuantityKind::kMoney &&
        total.kind != QuantityKind::kMeasure) {
      continue;
    }
    for (size_t k = first; k < last; ++k) {
      const int p = parts[k].second;
      // "由40元提高到80元", "减少1500亿元": a before/after pair or a change amount is not a part.
      const std::string_view clause = ClauseBefore(text, qs[p].span.begin);
      bool change_word = false;
      static constexpr std::string_view kPairWords[] = {"由", "从"};
      static constexpr auto kChangeVerbs =
          text::lexicon::PickChangeVerbs({"提高", "降低", "增加", "减少", "下降", "增长", "上升"});
      static const auto* change_words =
          new std::vector<std::string_view>(text::lexicon::Concat({kPairWords, kChangeVerbs}));
      for (std::string_view w : *change_words) {
        change_word = change_word || clause.find(w) != std::string_view::npos;
      }
      if (change_word) continue;
      if (qs[p].unit == total.unit && qs[p].kind == total.kind) {
        same_unit.push_back(p);
        approx = approx || HasApprox(qs[p]);
      }
    }
    if (same_unit.size() < 2 || approx) continue;
    std::vector<Decimal> values;
    std::string terms;
    for (int p : same_unit) {
      values.push_back(qs[p].value);
      if (!terms.empty()) absl::StrAppend(&terms, " + ");
      absl::StrAppend(&terms, qs[p].value.ToString());
    }
    const std::optional<quantity_internal::PartsSum> parts_sum = quantity_internal::SumParts(values, total.value);
    if (!parts_sum) continue;  // overflow: no claim either way
    const Decimal& sum = parts_sum->sum;
    // A parenthesised breakdown right after the total claims to be complete; a 其中 list may be partial.
    std::string_view between = text.substr(total.span.end, qs[same_unit.front()].span.begin - total.span.end);
    while (!between.empty() && (between.front() == ' ' || between.front() == '\t')) between.remove_prefix(1);
    const bool parenthesised = between.starts_with("(") || between.starts_with("（");
    const int cmp = parts_sum->compare;
    ReportCheck c;
    c.rule = kCheckSumParts;
    c.section = outline.PathAt(total.span.begin);
    c.spans.push_back(total.span);
    for (int p : same_unit) c.spans.push_back(qs[p].span);
    if (cmp == 0) {
      c.status = CheckStatus::kPass;
      c.reason = absl::StrCat("the parts ", terms, " add up to the total ", Show(total.value, total.unit));
    } else if (cmp > 0) {
      c.status = CheckStatus::kFail;
      c.reason = absl::StrCat("the parts ", terms, " = ", Show(sum, total.unit), " exceed the stated total ",
                              Show(total.value, total.unit));
    } else {
      if (!parenthesised && !parts_sum->short_but_close) continue;  // a partial 其中 list
      const std::optional<Decimal>& gap = parts_sum->shortfall;
      c.status = CheckStatus::kFail;
      c.reason = absl::StrCat("the parts ", terms, " = ", Show(sum, total.unit), " fall ",
                              gap ? Show(*gap, total.unit) : std::string("short"),
                              " short of the stated total ", Show(total.value, total.unit));
    }
    add(std::move(c));
  }

  // change.exceeds_total -----------------------------------------------------------------------------
  for (const Change& ch : facts.changes) {
    if (stop(ch.span.begin)) return {};
    if (ch.direction != ChangeDirection::kIncrease || ch.quantity < 0 ||
        static_cast<size_t>(ch.quantity) >= qs.size()) {
      continue;
    }
    const Quantity& q = qs[ch.quantity];
    // Only a change stated against a baseline (较上年增加, 比2005年增长) is a change of the figure before it.
    if (q.unit != ch.unit || q.kind != ch.kind || HasApprox(q) || ch.baseline.empty()) continue;
    if (q.kind != QuantityKind::kCount && q.kind != QuantityKind::kMoney &&
        q.kind != QuantityKind::kMeasure) {
      continue;
    }
    ReportCheck c;
    c.rule = kCheckChangeExceedsTotal;
    c.section = outline.PathAt(q.span.begin);
    c.spans = {q.span, ch.span};
    if (quantity_internal::ChangeExceedsTotal(ch.value, q.value)) {
      c.status = CheckStatus::kFail;
      c.reason = absl::StrCat("an increase of ", Show(ch.value, ch.unit), " is larger than the total ",
                              Show(q.value, q.unit), " it led to");
    } else {
      c.status = CheckStatus::kPass;
      c.reason = absl::StrCat("an increase of ", Show(ch.value, ch.unit), " fits within the total ",
                              Show(q.value, q.unit));
    }
    add(std::move(c));
  }

  // rate.over_100 and rate.ratio --------------------------------------------------------------------
  for (size_t i = 0; i < qs.size(); ++i) {
    const Quantity& q = qs[i];
    if (stop(q.span.begin)) return {};
    std::optional<std::string_view> stem = RateStem(text, q);
    if (!stem) continue;
    // A completion or growth rate may pass 100 (完成率125.5%); only shares of a whole are bounded.
    bool unbounded = false;
    static constexpr std::string_view kUnboundedStems[] = {"完成", "执行", "超额", "增速"};
    static constexpr auto kUnbounded =
        text::lexicon::Join(text::lexicon::PickChangeVerbs({"增长"}), kUnboundedStems);
    for (std::string_view w : kUnbounded) {
      unbounded = unbounded || stem->find(w) != std::string_view::npos;
    }
    if (unbounded) continue;
    ReportCheck c;
    c.rule = kCheckRateOver100;
    c.section = outline.PathAt(q.span.begin);
    c.spans = {q.span};
    const bool over = quantity_internal::RateOverHundred(q.value);
    c.status = over ? CheckStatus::kFail : CheckStatus::kPass;
    c.reason = over ? absl::StrCat("a rate of ", q.value.ToString(), " is over 100 percent")
                    : absl::StrCat("a rate of ", q.value.ToString(), " is within 0-100 percent");
    add(std::move(c));

    if (stem->empty()) continue;
    // 接受退役士兵75人，目前共安置69人，安置率为92: the numerator names the stem, the denominator comes
    // before it with the same unit, all in one sentence, and the part is not larger than the whole.
    const size_t para = SentenceBegin(text, q.span.begin);
    int numerator = -1;
    for (int k = static_cast<int>(i) - 1; k >= 0 && qs[k].span.begin >= para; --k) {
      if (qs[k].kind != QuantityKind::kCount) continue;
      if (ClauseBefore(text, qs[k].span.begin).find(*stem) != std::string_view::npos) {
        numerator = k;
        break;
      }
    }
    if (numerator < 0) continue;
    int denominator = -1;
    for (int k = numerator - 1; k >= 0 && qs[k].span.begin >= para; --k) {
      if (qs[k].kind == QuantityKind::kCount && qs[k].unit == qs[numerator].unit) {
        denominator = k;
        break;
      }
    }
    if (denominator < 0 || qs[denominator].value.is_zero() || HasApprox(qs[denominator]) ||
        HasApprox(qs[numerator]) || qs[numerator].value.Compare(qs[denominator].value) > 0) {
      continue;
    }
    const std::optional<bool> agrees =
        quantity_internal::RatioAgrees(qs[numerator].value, qs[denominator].value, q.value);
    if (!agrees) continue;  // overflow: no claim either way
    // The quotient is only shown, one digit beyond the stated rate's; the verdict above is exact.
    const double ratio = 100.0 * qs[numerator].value.ToDouble() / qs[denominator].value.ToDouble();
    const int decimals = std::max(0, -q.value.exponent());
    ReportCheck r;
    r.rule = kCheckRateRatio;
    r.section = c.section;
    r.spans = {q.span, qs[numerator].span, qs[denominator].span};
    r.status = *agrees ? CheckStatus::kPass : CheckStatus::kFail;
    r.reason = absl::StrCat(std::string(*stem), "率 ", q.value.ToString(), " against ",
                            Show(qs[numerator].value, qs[numerator].unit), " / ",
                            Show(qs[denominator].value, qs[denominator].unit), " = ",
                            absl::StrFormat("%.*f", decimals + 1, ratio),
                            *agrees ? " percent: consistent" : " percent: inconsistent");
    add(std::move(r));
  }
  return checks;
}

std::optional<ReportCheck> CheckPeriodYear(const ReportPeriod& period, const std::vector<DateFact>& dates) {
  constexpr int kMinYears = 5;  // years the body must name for the check to say anything
  constexpr int kRecent = 3;    // a report names its own year or the few before it, again and again
  if (!period.year || period.year_masked) return std::nullopt;
  // How often the text names each year: targets (到2020年) and history (1978年) are named once or twice,
  // the report's own years many times.
  absl::flat_hash_map<int, int> times;
  int named = 0;
  for (const DateFact& d : dates) {
    if (!d.year || d.year_masked || d.repaired) continue;
    if (period.span && period.span->Overlaps(d.span)) continue;  // the title's own year
    ++named;
    ++times[*d.year];
  }
  if (named < kMinYears) return std::nullopt;
  int recent = 0, most = 0, most_times = 0;
  for (const auto& [year, n] : times) {
    if (year >= *period.year - kRecent && year <= *period.year) recent = std::max(recent, n);
    if (n > most_times || (n == most_times && year > most)) {
      most = year;
      most_times = n;
    }
  }
  ReportCheck c;
  c.rule = kCheckPeriodYear;
  if (period.span) c.spans.push_back(*period.span);
  if (recent < 2) {
    c.status = CheckStatus::kFail;
    c.reason = absl::StrCat("The period says ", *period.year, " but the text names no year from ",
                            *period.year - kRecent, " to ", *period.year, " more than once (it names ", most,
                            " most: ", most_times, " of ", named,
                            " years): the document may have been relabelled to a later year.");
  } else {
    c.reason = absl::StrCat("The period's year ", *period.year, " agrees with the years the text names (",
                            named, " named).");
  }
  return c;
}

}  // namespace wenshu::report_internal
