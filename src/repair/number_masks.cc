#include "repair/number_masks.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "quantity/consistency.h"
#include "re2/re2.h"
#include "repair/number_scan.h"
#include "repair/vocab_model.h"
#include "text/breaks.h"
#include "text/char_class.h"
#include "text/lexicon.h"
#include "text/text_pool.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// Year strings that sites use as masks. 2022-2024 are the ones seen; the neighbours are cheap to allow
// because nothing is repaired without evidence.
// Where a site's header (notice, keyword tags, title forms) ends at the latest.
constexpr size_t kHeaderBytes = 1024;
constexpr std::array<std::string_view, 5> kCandidates = {"2021", "2022", "2023", "2024", "2025"};
// Other year strings are tested as masks when the document writes them this often (a mask replaces every
// 10 and the years, so it recurs; one 2019 is a year) and only the most frequent few: the evidence of each
// is gathered in a pass over the numbers.
constexpr int kMinOccurrencesOfOtherMask = 3;
constexpr size_t kMaxOtherMaskCandidates = 8;
// The reading as written, offered as the alternative to a decoded year masked twice: estimates, not
// measured. The six-digit form decodes one way only (kMaskedYearAsWrittenAlternative); a double pass may
// have started from another year (kDoublePassAsWrittenAlternative).
constexpr double kMaskedYearAsWrittenAlternative = 0.1;
constexpr double kDoublePassAsWrittenAlternative = 0.2;
// The diagnosis' confidence that the document masks numbers: kDiagnosisBase plus kDiagnosisPerSign for each
// sign, at most kMaxDiagnosis, times a doubt for the 10s that survived (1 - tens / (kTensPerSignForDoubt *
// signs), at least kMinTensDoubt). A decision's confidence is scaled by the diagnosis', at least
// kMinDiagnosisScale. Estimates that rank documents by their evidence; the decisions' own confidences are
// the measured ones (number_cues.h).
constexpr double kDiagnosisBase = 0.6;
constexpr double kDiagnosisPerSign = 0.08;
constexpr double kMaxDiagnosis = 0.99;
constexpr double kTensPerSignForDoubt = 6;
constexpr double kMinTensDoubt = 0.6;
constexpr double kMinDiagnosisScale = 0.9;

struct MaskHit {
  size_t offset;  // within the run's digits
  std::string_view mask;
};

// Non-overlapping occurrences of `masks` in `digits`, left to right.
std::vector<MaskHit> FindMasks(std::string_view digits, const std::vector<std::string_view>& masks) {
  std::vector<MaskHit> hits;
  size_t i = 0;
  while (i + 4 <= digits.size()) {
    std::string_view here = digits.substr(i, 4);
    if (std::find(masks.begin(), masks.end(), here) != masks.end()) {
      hits.push_back({i, here});
      i += 4;
    } else {
      ++i;
    }
  }
  return hits;
}

std::string Decode(std::string_view digits, const std::vector<MaskHit>& hits) {
  std::string out;
  size_t at = 0;
  for (const MaskHit& h : hits) {
    out.append(digits.substr(at, h.offset - at));
    out.append("10");
    at = h.offset + h.mask.size();
  }
  out.append(digits.substr(at));
  return out;
}

double Value(std::string_view digits) { return ParseDecimal(digits).value_or(0); }
// The digits as an exact decimal, for the consistency checks (quantity/consistency.h); nullopt when they
// overflow (a long identifier), which makes no claim.
std::optional<Decimal> Exact(std::string_view digits) { return Decimal::FromString(digits); }

const std::vector<std::string_view>& YearFollowers() {
  static const auto* v = new std::vector<std::string_view>{
      "年",     "上半年", "下半年", "第一季度", "第二季度", "第三季度", "第四季度",
      "一季度", "二季度", "三季度", "四季度",   "届",       "级",       "版",
      "赛季",   "春季",   "秋季",   "夏季",     "冬季",     "财年"};
  return *v;
}
const std::vector<std::string_view>& QuoteOpeners() {
  static const auto* v = new std::vector<std::string_view>{"“", "\"", "〝", "「", "《", "‘", "『", "'"};
  return *v;
}
const std::vector<std::string_view>& OpenBrackets() {
  static const auto* v = new std::vector<std::string_view>{"〔", "[", "【", "(", "（", "［", "﹝", "{"};
  return *v;
}
const std::vector<std::string_view>& CloseBrackets() {
  static const auto* v = new std::vector<std::string_view>{"〕", "]", "】", ")", "）", "］", "﹞", "}"};
  return *v;
}
const std::vector<std::string_view>& RangeConnectors() {
  static const auto* v = new std::vector<std::string_view>{"-",  "—", "–", "~",  "～", "至", "到",
                                                           "－", "―", "/", "、", "和", "及"};
  return *v;
}
// Words before a change amount: the commonest change verbs with and without 了, 上升, the counting verbs 新增
// and 净增, and the one-character 多 and 少 (比上年多3个), in this order (the first that fits is the change).
const std::vector<std::string_view>& ChangeWords() {
  namespace lexicon = text::lexicon;
  static constexpr auto kCommon = lexicon::PickChangeVerbs({"增加", "减少", "增长", "下降"});
  static constexpr auto kRise = lexicon::PickChangeVerbs({"上升"});
  static constexpr std::string_view kCountingVerbs[] = {"新增", "净增"};
  static constexpr auto kMoreLess = lexicon::PickChangeVerbs({"多", "少"});
  static const auto* v = new std::vector<std::string_view>(
      lexicon::Concat({lexicon::Perfective(kCommon), kCommon, kRise, kCountingVerbs, kMoreLess}));
  return *v;
}
// The rate words, and 份额 (a share of a market), after them (the first found is the rate).
const std::vector<std::string_view>& RateWords() {
  static constexpr std::string_view kShareOfMarket[] = {"份额"};
  static const auto* v =
      new std::vector<std::string_view>(text::lexicon::Concat({text::lexicon::kRateWords, kShareOfMarket}));
  return *v;
}
// Words before a figure that make it a quantity (only whether one fits matters, not which): change verbs
// and the other verbs and comparisons that take a figure.
const std::vector<std::string_view>& QuantityVerbs() {
  namespace lexicon = text::lexicon;
  static constexpr auto kChangeVerbs = lexicon::PickChangeVerbs({"增长", "下降", "提高", "降低", "上涨", "上升",
                                                                 "增加", "减少", "回落", "下跌", "提升", "扩大", "降"});
  static constexpr std::string_view kOtherVerbs[] = {
      "压减", "压缩", "降至", "提高到", "提高至", "达到",     "到达",   "为",       "达",     "超过",
      "接近", "占",   "增幅", "降幅",   "涨幅",   "分别增长", "均增长", "年均增长", "缩短",   "节约",
      "拟按", "保持在", "控制在", "超",   "近",     "约",       "高于",   "低于",     "略高于", "略低于",
      "不低于", "不高于", "再降", "再提高"};
  static const auto* v = new std::vector<std::string_view>(lexicon::Concat({kChangeVerbs, kOtherVerbs}));
  return *v;
}
const std::vector<std::string_view>& ListDelimiters() {
  static const auto* v = new std::vector<std::string_view>{"、", "．", ".", "）", ")", "，"};
  return *v;
}

bool LooksLikeYear(std::string_view digits) {
  return digits.size() == 4 && (digits.substr(0, 2) == "19" || digits.substr(0, 2) == "20");
}

// People are counted in 人 and 名 interchangeably in one sentence.
std::string UnitClass(std::string_view text, const DigitRun& run) {
  auto unit = UnitAt(text, run.end);
  if (!unit) return "";
  if (*unit == "名" || *unit == "人" || *unit == "位") return "人";
  return std::string(*unit);
}

struct Scanner {
  std::string_view text;
  // The analysis's one vector of runs: a Scanner per candidate string reads it, never copies it (a
  // DigitRun for every ~14 bytes of a text dense with figures; bench/README.md, "Memory per document",
  // tenth pass).
  const std::vector<DigitRun>& runs;
  std::vector<std::string_view> masks;  // the strings read as masked tens
  // Parts(t) per run, computed once: a total's parts do not depend on the masks.
  mutable std::vector<std::optional<std::vector<size_t>>> parts_cache;

  std::vector<MaskHit> Hits(size_t i) const { return FindMasks(runs[i].digits, masks); }
  // The value of run i with masks decoded.
  double DecodedValue(size_t i) const {
    auto hits = Hits(i);
    return hits.empty() ? Value(runs[i].digits) : Value(Decode(runs[i].digits, hits));
  }
  std::optional<Decimal> DecodedExact(size_t i) const {
    auto hits = Hits(i);
    return hits.empty() ? Exact(runs[i].digits) : Exact(Decode(runs[i].digits, hits));
  }

  bool AtLineStart(size_t i) const { return OnlyBeforeOnLine(text, runs[i].begin, U" \t\r　（(第"); }

  // The delimiter after a line-start list marker ("9、", "9.", "（9）"), if run i is one.
  std::optional<std::string_view> ListDelimiter(size_t i) const {
    if (!AtLineStart(i) || runs[i].before_decimal_point) return std::nullopt;
    auto d = StartsWithAny(text, runs[i].end, ListDelimiters());
    if (!d) return std::nullopt;
    // "2023、2024年" lists years, not items.
    text::Char after = text::CharAt(text, runs[i].end + d->size());
    if (after.value >= U'0' && after.value <= U'9') return std::nullopt;
    return d;
  }

  // The nearest line-start list marker with the same delimiter before (step -1) or after (+1).
  std::optional<size_t> NeighbourMarker(size_t i, std::string_view delimiter, int step) const {
    size_t budget = 400;
    for (long j = static_cast<long>(i) + step; j >= 0 && j < static_cast<long>(runs.size()) && budget;
         j += step, --budget) {
      size_t k = static_cast<size_t>(j);
      if (std::abs(static_cast<long>(runs[k].begin) - static_cast<long>(runs[i].begin)) > 30000) break;
      auto d = ListDelimiter(k);
      if (d && *d == delimiter) return k;
    }
    return std::nullopt;
  }

  // A rate word earlier in the clause with no other number in between ("公开率到达了20230").
  std::optional<Span> RateContext(size_t i) const {
    size_t cs = ClauseStart(text, runs[i].begin, 90);
    std::string_view clause = text.substr(cs, runs[i].begin - cs);
    for (std::string_view w : RateWords()) {
      size_t p = clause.rfind(w);
      if (p == std::string_view::npos) continue;
      std::string_view between = clause.substr(p + w.size());
      if (between.find_first_of("0123456789") != std::string_view::npos) continue;
      if (between.size() > 30) continue;
      return Span{cs + p, cs + p + w.size()};
    }
    return std::nullopt;
  }

  // "共149人,较上年增加2023人": a change (run i) larger than the total it changes.
  std::optional<Span> ChangeExceedsTotal(size_t i, const Decimal& raw, const Decimal& decoded) const {
    auto change = EndsWithAny(text, runs[i].begin, ChangeWords());
    if (!change) return std::nullopt;
    size_t cs = ClauseStart(text, runs[i].begin, 90);
    std::string_view clause = text.substr(cs, runs[i].begin - cs);
    if (clause.find("较") == std::string_view::npos && clause.find("比") == std::string_view::npos) {
      return std::nullopt;
    }
    std::string unit = UnitClass(text, runs[i]);
    if (unit.empty()) return std::nullopt;
    // The total: the previous number of the same unit in the sentence, itself not a change.
    for (long j = static_cast<long>(i) - 1; j >= 0; --j) {
      const DigitRun& t = runs[static_cast<size_t>(j)];
      std::string_view gap = text.substr(t.end, runs[i].begin - t.end);
      if (gap.find("。") != std::string_view::npos || gap.find("；") != std::string_view::npos ||
          gap.find('\n') != std::string_view::npos || gap.size() > 150) {
        break;
      }
      if (t.after_decimal_point) continue;
      if (UnitClass(text, t) != unit) continue;
      if (EndsWithAny(text, t.begin, ChangeWords())) return std::nullopt;
      const std::optional<Decimal> total = DecodedExact(static_cast<size_t>(j));
      if (total && quantity_internal::ChangeExceedsTotal(raw, *total) &&
          !quantity_internal::ChangeExceedsTotal(decoded, *total)) {
        return Span{t.begin, t.end};
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  // A rate stated in the sentence, "接受退役士兵75人，目前共安置69人，安置率为92": run i and another count of
  // the same unit give the rate only when the mask is read as 10. Returns the rate's span.
  std::optional<Span> RatioHolds(size_t i, const Decimal& raw, const Decimal& decoded) const {
    std::string unit = UnitClass(text, runs[i]);
    if (unit.empty() || raw == decoded) return std::nullopt;
    auto sentence_break = [&](std::string_view gap) {
      return gap.find("。") != std::string_view::npos || gap.find("；") != std::string_view::npos ||
             gap.find('\n') != std::string_view::npos || gap.size() > 200;
    };
    // The rate: a run after 率为/率达到… in the same sentence.
    for (size_t k = i + 1; k < runs.size(); ++k) {
      if (sentence_break(text.substr(runs[i].end, runs[k].begin - runs[i].end))) break;
      size_t cs = ClauseStart(text, runs[k].begin, 40);
      if (text.substr(cs, runs[k].begin - cs).find("率") == std::string_view::npos) continue;
      std::string rate_digits(runs[k].digits);
      if (runs[k].before_decimal_point && k + 1 < runs.size()) {
        rate_digits += "." + std::string(runs[k + 1].digits);
      }
      const std::optional<Decimal> rate =
          FindMasks(runs[k].digits, masks).empty() ? Exact(rate_digits) : DecodedExact(k);
      if (!rate || rate->is_zero() || quantity_internal::RateOverHundred(*rate)) return std::nullopt;
      // The other count: same unit, same sentence, before the rate.
      // Only runs within a sentence's reach of run i: keeps the search linear in long documents.
      size_t first = i;
      while (first > 0 && runs[i].begin - runs[first - 1].begin <= 240) --first;
      for (size_t j = first; j < k; ++j) {
        if (j == i || runs[j].after_decimal_point || UnitClass(text, runs[j]) != unit) continue;
        size_t lo = std::min(runs[i].begin, runs[j].begin), hi = std::max(runs[i].end, runs[j].end);
        if (sentence_break(text.substr(lo, hi - lo))) continue;
        const std::optional<Decimal> other = DecodedExact(j);
        if (!other) continue;
        // The smaller count is the part, the larger the whole; the report's ratio check decides.
        auto fits = [&](const Decimal& mine) {
          const bool mine_smaller = mine.Compare(*other) < 0;
          return quantity_internal::RatioAgrees(mine_smaller ? mine : *other, mine_smaller ? *other : mine, *rate)
              .value_or(false);
        };
        if (fits(decoded) && !fits(raw)) return Span{runs[k].begin, runs[k].end};
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  // A total followed by its parts, "在校学生26341人(高中4771人,初中6774人,…)" or "…13102名…，其中A1575人，
  // B11517人": whether reading the masks as 10 makes the parts read as the complete breakdown of the total
  // (as the report's sum check reads them: adding up, or short by at most its margin) where the raw digits
  // do not. Returns the total and its parts, and the shortfall when the decoded parts do not add up exactly.
  struct PartsEvidence {
    Span span;
    std::optional<Decimal> shortfall;
  };
  std::optional<PartsEvidence> PartsAddUp(size_t i) const {
    for (long back = static_cast<long>(i); back >= 0; --back) {
      size_t t = static_cast<size_t>(back);
      if (runs[i].begin - runs[t].begin > 400) break;
      const auto& group = Parts(t);
      if (group.empty()) continue;
      bool member = t == i || std::find(group.begin(), group.end(), i) != group.end();
      if (!member) continue;
      const std::optional<Decimal> total_raw = Exact(runs[t].digits), total_dec = DecodedExact(t);
      std::vector<Decimal> parts_raw, parts_dec;
      for (size_t p : group) {
        const std::optional<Decimal> raw = Exact(runs[p].digits), dec = DecodedExact(p);
        if (!raw || !dec) break;
        parts_raw.push_back(*raw);
        parts_dec.push_back(*dec);
      }
      if (!total_raw || !total_dec || parts_dec.size() != group.size()) continue;
      const auto sum_raw = quantity_internal::SumParts(parts_raw, *total_raw);
      const auto sum_dec = quantity_internal::SumParts(parts_dec, *total_dec);
      if (sum_dec && sum_dec->reads_as_complete() && !(sum_raw && sum_raw->reads_as_complete())) {
        return PartsEvidence{Span{runs[t].begin, runs[group.back()].end},
                             sum_dec->adds_up() ? std::nullopt : sum_dec->shortfall};
      }
    }
    return std::nullopt;
  }

  const std::vector<size_t>& Parts(size_t t) const {
    if (parts_cache.size() != runs.size()) parts_cache.assign(runs.size(), std::nullopt);
    if (!parts_cache[t]) parts_cache[t] = FindParts(t);
    return *parts_cache[t];
  }

  // The parts listed after total t, if t opens such a list.
  std::vector<size_t> FindParts(size_t t) const {
    const DigitRun& total = runs[t];
    if (total.after_decimal_point || total.before_decimal_point) return {};
    auto unit = UnitAt(text, total.end);
    if (!unit) return {};
    std::string unit_class = UnitClass(text, total);
    size_t after_unit = total.end + unit->size();
    std::string_view tail = TextAfter(text, after_unit, 40);
    size_t open = std::string_view::npos;
    bool paren = false;
    for (std::string_view marker : {std::string_view("（"), std::string_view("(")}) {
      if (tail.substr(0, marker.size()) == marker) {
        open = after_unit + marker.size();
        paren = true;
      }
    }
    if (open == std::string_view::npos) {
      size_t p = tail.find("其中");
      if (p == std::string_view::npos) return {};
      std::string_view before = tail.substr(0, p);
      if (before.find("。") != std::string_view::npos || before.find("；") != std::string_view::npos) {
        return {};
      }
      open = after_unit + p + 6;
    }
    std::vector<size_t> parts;
    for (size_t j = t + 1; j < runs.size(); ++j) {
      const DigitRun& r = runs[j];
      if (r.begin < open) continue;
      if (r.begin - open > 600 || parts.size() >= 40) break;  // a list of parts is short
      std::string_view gap = text.substr(open, r.begin - open);
      if (gap.find("。") != std::string_view::npos || gap.find("；") != std::string_view::npos ||
          gap.find('\n') != std::string_view::npos) {
        break;
      }
      if (paren && (gap.find("）") != std::string_view::npos || gap.find(')') != std::string_view::npos)) {
        break;
      }
      if (r.after_decimal_point || r.before_decimal_point) continue;
      if (UnitClass(text, r) != unit_class) continue;
      if (EndsWithAny(text, r.begin, ChangeWords())) continue;
      parts.push_back(j);
    }
    if (parts.size() < 2) return {};
    return parts;
  }

  // "2023年进出口总额达4743亿美元，…分别比2023年增长69%": a year compared with itself in one sentence, which
  // only a mask produces. Returns the other occurrence.
  // The threshold the clause says run i passed ("突破2万元，到达20230元"): a number with the same unit after
  // 突破/超过 earlier in the clause.
  struct Threshold {
    double value;
    Span span;
  };
  std::optional<Threshold> ThresholdPassed(size_t i) const {
    auto unit = UnitAt(text, runs[i].end);
    if (!unit) return std::nullopt;
    // This clause and the one before it.
    size_t sentence = ClauseStart(text, runs[i].begin, 90);
    if (sentence > 0) sentence = ClauseStart(text, sentence - text::CharBefore(text, sentence).length, 90);
    for (size_t j = i; j-- > 0 && runs[j].begin >= sentence;) {
      auto verb = EndsWithAny(text, runs[j].begin, {"突破", "超过", "超", "过"});
      if (!verb) continue;
      size_t after = runs[j].end;
      if (runs[j].before_decimal_point && j + 1 < i) after = runs[j + 1].end;
      double multiplier = 1;
      if (auto m = StartsWithAny(text, after, {"万", "亿"})) {
        multiplier = *m == "万" ? 1e4 : 1e8;
        after += m->size();
      }
      if (!StartsWithAny(text, after, {std::string_view(*unit)})) continue;
      size_t digits_end = runs[j].before_decimal_point && j + 1 < i ? runs[j + 1].end : runs[j].end;
      double v = ParseDecimal(text.substr(runs[j].begin, digits_end - runs[j].begin)).value_or(0) * multiplier;
      return Threshold{v, Span{runs[j].begin - verb->size(), after + unit->size()}};
    }
    return std::nullopt;
  }

  std::optional<Span> SelfComparison(size_t i) const {
    if (!EndsWithAny(text, runs[i].begin, {"比", "较", "同"}) || !StartsWithAny(text, runs[i].end, {"年"})) {
      return std::nullopt;
    }
    for (long j = static_cast<long>(i) - 1; j >= 0; --j) {
      const DigitRun& o = runs[static_cast<size_t>(j)];
      std::string_view gap = text.substr(o.end, runs[i].begin - o.end);
      if (gap.find("。") != std::string_view::npos || gap.find("；") != std::string_view::npos ||
          gap.find('\n') != std::string_view::npos || gap.size() > 300) {
        break;
      }
      if (o.digits == runs[i].digits && StartsWithAny(text, o.end, {"年"}) &&
          !EndsWithAny(text, o.begin, {"比", "较", "同", "到", "至", "-", "—"})) {
        return Span{o.begin, o.end};
      }
    }
    return std::nullopt;
  }

  // "由2020年的14646元提高到2020年的16403元": a change from a year to the same year, impossible unless the
  // two years were one string written over two. Run i is the second (after 到/至).
  std::optional<Span> RangeToItself(size_t i) const {
    if (!EndsWithAny(text, runs[i].begin, {"到", "至"}) || !StartsWithAny(text, runs[i].end, {"年"})) {
      return std::nullopt;
    }
    for (long j = static_cast<long>(i) - 1; j >= 0; --j) {
      const DigitRun& o = runs[static_cast<size_t>(j)];
      std::string_view gap = text.substr(o.end, runs[i].begin - o.end);
      if (gap.find("。") != std::string_view::npos || gap.find("；") != std::string_view::npos ||
          gap.find('\n') != std::string_view::npos || gap.size() > 120) {
        break;
      }
      if (o.digits == runs[i].digits && StartsWithAny(text, o.end, {"年"}) && EndsWithAny(text, o.begin, {"由", "从"})) {
        return Span{o.begin, o.end};
      }
    }
    return std::nullopt;
  }

  bool DurationBefore(size_t i) const {
    auto years = StartsWithAny(text, runs[i].end, {"周年", "多年", "余年", "年"});
    if (!years) return false;
    // "超过1979年到2000年": a range of real years.
    if (StartsWithAny(text, runs[i].end + years->size(), {"到", "至", "-", "—", "～", "~", "－"})) {
      return false;
    }
    return EndsWithAny(text, runs[i].begin,
                       {"近", "连续", "每", "新", "这", "几", "第", "约", "超过", "最近", "提前", "过去",
                        "未来", "今后", "逾"})
        .has_value();
  }

  bool IsYearPosition(size_t i) const {
    const DigitRun& r = runs[i];
    // "近10年", "连续10年": a span of years, not a year.
    if (DurationBefore(i)) return false;
    if (StartsWithAny(text, r.end, YearFollowers())) return true;
    if (StartsWithAny(text, r.end, QuoteOpeners())) return true;
    // Document numbers: 〔2023〕83号 always, [2023]83号 when the serial number follows; a bare "（10）"
    // or "［10］" is a list marker or a note.
    if (EndsWithAny(text, r.begin, {"〔", "﹝"}) && StartsWithAny(text, r.end, {"〕", "﹞"})) return true;
    if (auto open = EndsWithAny(text, r.begin, OpenBrackets())) {
      if (auto close = StartsWithAny(text, r.end, CloseBrackets())) {
        size_t after = r.end + close->size();
        size_t digits = after;
        while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
        if (digits > after && StartsWithAny(text, digits, {"号"})) return true;
        text::Char lead = text::CharBefore(text, r.begin - open->size());
        if (text::IsHan(lead.value) && StartsWithAny(text, after, {"第"})) return true;
      }
    }
    // A date written with points, dashes or slashes: 2023.4.7, 2023-04-07, 2023/4/7.
    for (char sep : {'.', '-', '/'}) {
      if (r.end < text.size() && text[r.end] == sep && i + 1 < runs.size() &&
          runs[i + 1].begin == r.end + 1 && runs[i + 1].digits.size() <= 2) {
        size_t next_end = runs[i + 1].end;
        if (next_end < text.size() && text[next_end] == sep) return true;
        if (sep == '-' || sep == '/') return true;
        // "2023.5" alone is a decimal (10.5), unless it starts a period ("2023.9-2024.6") or follows
        // a preposition of time ("于2023.5").
        if (UnitAt(text, next_end) || StartsWithAny(text, next_end, {"年", "%", "％"})) return false;
        if (StartsWithAny(text, next_end, {"-", "—", "至", "～", "~", "－"}) ||
            EndsWithAny(text, r.begin, {"于", "在", "自", "从", "截至", "截止", "至", "到"})) {
          return true;
        }
      }
    }
    // A range of years: 2023-2025, 2019至2023.
    if (auto conn = StartsWithAny(text, r.end, RangeConnectors())) {
      if (i + 1 < runs.size() && runs[i + 1].begin == r.end + conn->size() &&
          LooksLikeYear(runs[i + 1].digits)) {
        return true;
      }
    }
    if (auto conn = EndsWithAny(text, r.begin, RangeConnectors())) {
      if (i > 0 && runs[i - 1].end + conn->size() == r.begin && LooksLikeYear(runs[i - 1].digits)) {
        return true;
      }
    }
    // A line holding only the year at the top: the keyword tag of a site header. (Deeper in the text,
    // or after a line ending in Latin letters, a lone number is a line break's doing: "（PM\n10\n）".)
    if (r.begin >= kHeaderBytes || !OnlyBeforeOnLine(text, r.begin, U" \t\r") ||
        !OnlyAfterOnLine(text, r.end, U" \t\r")) {
      return false;
    }
    size_t line_begin = text.rfind('\n', r.begin == 0 ? 0 : r.begin - 1);
    if (line_begin == std::string_view::npos || line_begin == 0) return true;
    char32_t before = text::CharBefore(text, line_begin).value;
    return !((before >= U'A' && before <= U'Z') || (before >= U'a' && before <= U'z'));
  }
};

// Whether `string` is a year string a first masking pass may have used: one of this document's mask
// strings, or a recent one (kCandidates).
bool IsFirstPassString(const Scanner& s, std::string_view string) {
  return std::find(s.masks.begin(), s.masks.end(), string) != s.masks.end() ||
         std::find(kCandidates.begin(), kCandidates.end(), string) != kCandidates.end();
}

struct Local {
  MaskDecision decision;
  double weight = 0;  // document-level evidence this occurrence contributes
};

// Decides `d` by `cue`: its confidence is the cue's (number_cues.h).
void SetCue(MaskDecision& d, NumberCue cue) {
  d.cue = cue;
  d.confidence = CueInfo(cue).confidence;
}

// One occurrence of a mask string, as every cue's test reads it.
struct Occurrence {
  const Scanner& s;
  size_t i;
  const DigitRun& r;
  std::string_view text;
  std::vector<MaskHit> hits;
  std::string decoded;    // the digits with every mask read as 10
  std::string mask_list;  // the masks found, for the reason
  bool exact;             // the mask is the whole run
  double raw, value;      // the digits as written and decoded
  // The same two readings exactly, for the strong checks (quantity/consistency.h); nullopt on overflow.
  std::optional<Decimal> raw_exact, decoded_exact;
  std::optional<std::string_view> unit;
  std::string_view unit_text;
};

// What a cue found. A restored ten is explained by `what` (the reason names the reading and the masks);
// the cues that keep or flag the digits, and the six-digit year, write the whole `reason` and their own
// alternatives.
struct Finding {
  MaskDecision::Kind kind = MaskDecision::Kind::kTen;
  double weight = 0;  // Local::weight
  std::string what;
  std::string reason;
  std::vector<Span> evidence;
  std::vector<RepairAlternative> alternatives;
  std::optional<std::string> after;  // the reading restored, when it is not the decoded digits
};
using CueTest = std::optional<Finding> (*)(const Occurrence&);

std::optional<Finding> YearPosition(const Occurrence& o) {
  if (!o.exact || !o.s.IsYearPosition(o.i)) return std::nullopt;
  Finding f;
  f.kind = MaskDecision::Kind::kYear;
  f.reason = absl::StrCat("\"", Av(o.r.digits),
                          "\" stands where a year stands; this document masks numbers with it, so "
                          "the original year is lost and is kept as written.");
  return f;
}

// One pass over a year that held a 10: 2010 → 202023年. Decoded, it is a year again: restore it.
std::optional<Finding> SixDigitYear(const Occurrence& o) {
  if (o.exact || o.hits.size() != 1 || o.r.digits.size() != 6 || o.hits[0].offset != 2 ||
      !LooksLikeYear(o.decoded) || !StartsWithAny(o.text, o.r.end, {"年"})) {
    return std::nullopt;
  }
  Finding f;
  f.weight = 2;  // a six-digit year is the mask's own signature
  f.reason = absl::StrCat("\"", Av(o.r.digits), "年\" is the year ", o.decoded, " whose \"10\" was masked with ",
                          o.mask_list, ": six digits never stand before 年.");
  f.alternatives.push_back(
      {std::string(o.r.digits), kMaskedYearAsWrittenAlternative, "a year masked twice; the original lost"});
  return f;
}

// Double passes: 2010 → 202023年 (its 10 masked with 20ab), then the year 2020 at its head masked too
// (2020 → 2022: 202223年). Six digits before 年 that are a mask string followed by the last two digits of
// a string sites mask with (20ab: a mask of this document, or one of the recent strings) decode to 2010
// alone: 20 + 20ab is the only year the first pass turns into 2020ab (the docs/DAMAGE.md catalog's form).
std::optional<Finding> DoublePassYear(const Occurrence& o) {
  if (o.exact || o.hits.size() != 1 || o.hits[0].offset != 0 || o.r.digits.size() != 6 ||
      !StartsWithAny(o.text, o.r.end, {"年"}) ||
      !IsFirstPassString(o.s, absl::StrCat("20", Av(o.r.digits.substr(4))))) {
    return std::nullopt;
  }
  Finding f;
  f.after = "2010";
  f.weight = 2;  // a six-digit year is the mask's own signature
  f.reason = absl::StrCat("\"", Av(o.r.digits), "年\" is 2010 masked twice: its \"10\" became 20",
                          Av(o.r.digits.substr(4)), " (2020", Av(o.r.digits.substr(4)), "), then the year 2020 at its "
                          "head became ", Av(o.hits[0].mask), ".");
  f.alternatives.push_back({std::string(o.r.digits), kDoublePassAsWrittenAlternative,
                            "a year masked twice some other way; the original lost"});
  return f;
}

// Other double passes (202223年 where no first-pass string fits). The year is lost.
std::optional<Finding> YearMaskedTwice(const Occurrence& o) {
  if (o.exact || !StartsWithAny(o.text, o.r.end, {"年"}) || o.r.digits.substr(0, 2) != "20" ||
      o.r.digits.size() > 8 || !(o.decoded.size() == 4 || o.r.digits.size() >= 6)) {
    return std::nullopt;
  }
  Finding f;
  f.kind = MaskDecision::Kind::kYear;
  f.weight = 2;  // a six-digit year is the mask's own signature
  f.reason = absl::StrCat("\"", Av(o.r.digits), "年\" is a year masked more than once (", o.mask_list,
                          "); the original year is lost and is kept as written.");
  return f;
}

// A year whose 10 was masked, in a range: "202023—2015年" (2010—2015年). Years are never rewritten.
std::optional<Finding> YearInRange(const Occurrence& o) {
  if (o.exact || !LooksLikeYear(o.decoded) ||
      !(StartsWithAny(o.text, o.r.end, {"—", "-", "－", "～", "~", "至", "到"}) ||
        EndsWithAny(o.text, o.r.begin, {"—", "-", "－", "～", "~", "至", "到"}))) {
    return std::nullopt;
  }
  const auto& runs = o.s.runs;
  const size_t i = o.i;
  const bool year_neighbour =
      (i + 1 < runs.size() && runs[i + 1].begin <= o.r.end + 3 && LooksLikeYear(runs[i + 1].digits)) ||
      (i > 0 && runs[i - 1].end + 3 >= o.r.begin && LooksLikeYear(runs[i - 1].digits)) ||
      StartsWithAny(o.text, o.r.end, {"年"});
  if (!year_neighbour) return std::nullopt;
  Finding f;
  f.kind = MaskDecision::Kind::kYear;
  f.weight = 2;
  f.reason = absl::StrCat("\"", Av(o.r.digits), "\" is a year in a range whose \"10\" was masked (", o.mask_list,
                          "; it may have been ", o.decoded, "); years are kept as written.");
  return f;
}

// A date written as yyyymmdd.
std::optional<Finding> YearDate8(const Occurrence& o) {
  if (o.r.digits.size() != 8 || o.hits.size() != 1 || o.hits[0].offset != 0) return std::nullopt;
  const double month = Value(o.r.digits.substr(4, 2)), day = Value(o.r.digits.substr(6, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  Finding f;
  f.kind = MaskDecision::Kind::kYear;
  f.reason = absl::StrCat("\"", Av(o.r.digits), "\" reads as a date whose year is masked; kept.");
  return f;
}

// "首次突破2万元,到达20230元": the clause says the figure passed a threshold its digits pass and the
// decoded reading does not. The digits are real.
std::optional<Finding> UndecidedThreshold(const Occurrence& o) {
  auto threshold = o.s.ThresholdPassed(o.i);
  if (!threshold || o.raw < threshold->value || o.value >= threshold->value) return std::nullopt;
  Finding f;
  f.kind = MaskDecision::Kind::kUndecided;
  f.evidence.push_back(threshold->span);
  f.reason = absl::StrCat("\"", Av(o.r.digits), "\" holds the mask string, but the clause says it passed ",
                          Av(o.text.substr(threshold->span.begin, threshold->span.size())),
                          ", which only the digits as written do; kept.");
  return f;
}

// A restored ten with its weight and local evidence.
Finding Ten(double weight, std::string what, std::vector<Span> evidence = {}) {
  Finding f;
  f.weight = weight;
  f.what = std::move(what);
  f.evidence = std::move(evidence);
  return f;
}

// Strong checks first: they hold for embedded and exact masks alike. Each asks the report's check
// (quantity/consistency.h) of both readings.
std::optional<Finding> RateOver100(const Occurrence& o) {
  auto rate = o.s.RateContext(o.i);
  if (!rate || !o.raw_exact || !o.decoded_exact || !quantity_internal::RateOverHundred(*o.raw_exact) ||
      quantity_internal::RateOverHundred(*o.decoded_exact) ||
      StartsWithAny(o.text, o.r.end, {"年", "元", "万", "亿", "人", "个"})) {
    return std::nullopt;
  }
  return Ten(2,
             absl::StrCat("it is a rate, and a rate of ", Av(o.r.digits), " is impossible while ", o.decoded,
                          " is not"),
             {*rate});
}

std::optional<Finding> ChangeOverTotal(const Occurrence& o) {
  if (!o.raw_exact || !o.decoded_exact) return std::nullopt;
  auto total = o.s.ChangeExceedsTotal(o.i, *o.raw_exact, *o.decoded_exact);
  if (!total) return std::nullopt;
  return Ten(2,
             absl::StrCat("it is a change larger than its total \"", Av(o.text.substr(total->begin, total->size())),
                          "\" unless read as ", o.decoded),
             {*total});
}

std::optional<Finding> PartsAddUp(const Occurrence& o) {
  auto sum = o.s.PartsAddUp(o.i);
  if (!sum) return std::nullopt;
  return Ten(2,
             sum->shortfall
                 ? absl::StrCat("the parts add up to the total, but for ", sum->shortfall->ToString(), " (within ",
                                quantity_internal::kPartsShortfallPercentStillComplete,
                                "%), only when the mask is read as 10")
                 : "the parts add up to the total only when the mask is read as 10",
             {sum->span});
}

std::optional<Finding> StatedRatio(const Occurrence& o) {
  if (!o.raw_exact || !o.decoded_exact) return std::nullopt;
  auto ratio = o.s.RatioHolds(o.i, *o.raw_exact, *o.decoded_exact);
  if (!ratio) return std::nullopt;
  return Ten(2,
             absl::StrCat("the rate stated in the sentence (", Av(o.text.substr(ratio->begin, ratio->size())),
                          ") holds only when the mask is read as 10"),
             {*ratio});
}

// The mask inside a longer digit run.
std::optional<Finding> EmbeddedIdentifier(const Occurrence& o) {
  if (o.exact || o.r.digits.size() < 9 || o.unit) return std::nullopt;
  return Ten(0, "it sits inside a long digit string that may be an identifier");
}

std::optional<Finding> EmbeddedDecimal(const Occurrence& o) {
  if (o.exact || !(o.r.after_decimal_point || o.r.before_decimal_point)) return std::nullopt;
  return Ten(1, "the year string sits inside a decimal number");
}

std::optional<Finding> EmbeddedYearCount(const Occurrence& o) {
  if (o.exact || !StartsWithAny(o.text, o.r.end, {"周年", "年"}) || o.value > 300) return std::nullopt;
  // A 20240th anniversary does not exist; a 100th does.
  return Ten(2, absl::StrCat("it counts years, and ", Av(o.r.digits), " years is impossible"));
}

std::optional<Finding> Embedded(const Occurrence& o) {
  if (o.exact) return std::nullopt;
  // One such number (120230元) can be genuine; two, or one beside another sign, are the mask.
  return Ten(1, absl::StrCat("the year string sits inside the longer number ", Av(o.r.digits)));
}

// The mask is the whole run (every embedded one was decided above).
std::optional<Finding> DecimalFraction(const Occurrence& o) {
  if (!o.r.after_decimal_point) return std::nullopt;
  return Ten(1, "it is the fraction of a decimal number");
}

std::optional<Finding> DecimalInteger(const Occurrence& o) {
  if (!o.r.before_decimal_point) return std::nullopt;
  const bool unit_after = o.i + 1 < o.s.runs.size() && UnitAt(o.text, o.s.runs[o.i + 1].end).has_value();
  const bool quantity = unit_after || EndsWithAny(o.text, o.r.begin, QuantityVerbs()).has_value();
  return Ten(quantity ? 1 : 0.5, "it is the integer part of a decimal number, not a date");
}

std::optional<Finding> Duration(const Occurrence& o) {
  if (!o.s.DurationBefore(o.i)) return std::nullopt;
  return Ten(1, "it counts years (近10年, 连续10年), it is not a year");
}

std::optional<Finding> LetterCode(const Occurrence& o) {
  const size_t gap = o.r.begin > 0 && (o.text[o.r.begin - 1] == ' ' || o.text[o.r.begin - 1] == '\n') ? 1 : 0;
  const char32_t letter = text::CharBefore(o.text, o.r.begin - gap).value;
  if (!((letter >= U'A' && letter <= U'Z') || (letter >= U'a' && letter <= U'z'))) return std::nullopt;
  return Ten(1, "it is part of a code like PM10");
}

std::optional<Finding> PlusFormula(const Occurrence& o) {
  if (!EndsWithAny(o.text, o.r.begin, {"+", "＋"}) && !StartsWithAny(o.text, o.r.end, {"+", "＋"})) {
    return std::nullopt;
  }
  return Ten(1, "it is a term of a \"1+10+N\" formula");
}

std::optional<Finding> RangeEnd(const Occurrence& o) {
  auto conn = EndsWithAny(o.text, o.r.begin, {"/", "至", "-", "—", "～", "~", "到", "－"});
  if (!conn || o.i == 0 || o.s.runs[o.i - 1].end + conn->size() != o.r.begin ||
      LooksLikeYear(o.s.runs[o.i - 1].digits)) {
    return std::nullopt;
  }
  return Ten(1, "it ends a range or fraction that starts with a small number", {{o.s.runs[o.i - 1].begin, o.r.begin}});
}

std::optional<Finding> RangeStart(const Occurrence& o) {
  auto conn = StartsWithAny(o.text, o.r.end, {"至", "-", "—", "～", "~", "到", "－"});
  if (!conn || o.i + 1 >= o.s.runs.size() || o.s.runs[o.i + 1].begin != o.r.end + conn->size() ||
      LooksLikeYear(o.s.runs[o.i + 1].digits)) {
    return std::nullopt;
  }
  return Ten(1, "it starts a range that ends with a small number", {{o.r.end, o.s.runs[o.i + 1].end}});
}

std::optional<Finding> DigitGroupHead(const Occurrence& o) {
  auto group = StartsWithAny(o.text, o.r.end, {",", "，", ":", "："});
  if (!group || o.i + 1 >= o.s.runs.size()) return std::nullopt;
  const bool time = *group == ":" || *group == "：";
  if (o.s.runs[o.i + 1].begin != o.r.end + group->size() || o.s.runs[o.i + 1].digits.size() != (time ? 2u : 3u)) {
    return std::nullopt;
  }
  return Ten(1, time ? "it is the hour of a time (10:30)" : "it is the head of a number with thousands groups (10,000)");
}

std::optional<Finding> AmountQualifier(const Occurrence& o) {
  if (!StartsWithAny(o.text, o.r.end, {"以上", "以下", "左右", "以内", "上下"})) return std::nullopt;
  return Ten(1, "an amount qualifier follows (以上, 左右)");
}

std::optional<Finding> BracketMarker(const Occurrence& o) {
  if (!EndsWithAny(o.text, o.r.begin, OpenBrackets()) || !StartsWithAny(o.text, o.r.end, CloseBrackets())) {
    return std::nullopt;
  }
  return Ten(0.5, "it is a list marker or note number in brackets, not a document number");
}

std::optional<Finding> ChangeAmount(const Occurrence& o) {
  if (!EndsWithAny(o.text, o.r.begin, QuantityVerbs()) ||
      !(text::IsBreak(text::CharAt(o.text, o.r.end).value, text::kClauseBreaks) ||
        StartsWithAny(o.text, o.r.end, {"、", "和", "等"}))) {
    return std::nullopt;
  }
  return Ten(1, "it is the amount of a change or level");
}

std::optional<Finding> Month(const Occurrence& o) {
  if (o.unit_text != "月") return std::nullopt;
  return Ten(2, "a month numbered 2023 does not exist");
}

std::optional<Finding> Day(const Occurrence& o) {
  if ((o.unit_text != "日" && o.unit_text != "号") || !EndsWithAny(o.text, o.r.begin, {"月"})) return std::nullopt;
  return Ten(2, "it is the day of a month");
}

// A line-start list marker decides here whatever its neighbours say: after 9、, before 11、, or alone.
std::optional<Finding> ListAfter9(const Occurrence& o) {
  auto delim = o.s.ListDelimiter(o.i);
  if (!delim) return std::nullopt;
  auto prev = o.s.NeighbourMarker(o.i, *delim, -1);
  if (!prev || o.s.DecodedValue(*prev) != 9) return std::nullopt;
  return Ten(2, absl::StrCat("it is the list item after \"9", Av(*delim), "\""),
             {{o.s.runs[*prev].begin, o.s.runs[*prev].end + delim->size()}});
}

std::optional<Finding> ListBefore11(const Occurrence& o) {
  auto delim = o.s.ListDelimiter(o.i);
  if (!delim) return std::nullopt;
  auto next = o.s.NeighbourMarker(o.i, *delim, +1);
  if (!next || o.s.DecodedValue(*next) != 11) return std::nullopt;
  return Ten(2, absl::StrCat("it is the list item before \"11", Av(*delim), "\""),
             {{o.s.runs[*next].begin, o.s.runs[*next].end + delim->size()}});
}

std::optional<Finding> ListMarker(const Occurrence& o) {
  if (!o.s.ListDelimiter(o.i)) return std::nullopt;
  return Ten(0.5, "it is a list marker at the start of a line");
}

std::optional<Finding> CompoundSecond(const Occurrence& o) {
  auto sep = EndsWithAny(o.text, o.r.begin, {"、", "·", "•", ".", "．"});
  if (!sep || o.i == 0) return std::nullopt;
  const DigitRun& first = o.s.runs[o.i - 1];
  if (first.end + sep->size() != o.r.begin || first.digits.size() > 2 || o.s.AtLineStart(o.i - 1)) {
    return std::nullopt;
  }
  return Ten(1,
             absl::StrCat("it follows \"", Av(first.digits), Av(*sep),
                          "\" as the second part of a compound number (a date like 6·10)"),
             {{first.begin, o.r.begin}});
}

std::optional<Finding> Percent(const Occurrence& o) {
  if (o.unit_text != "%" && o.unit_text != "％") return std::nullopt;
  return Ten(1, "a percentage follows");
}

std::optional<Finding> Ordinal(const Occurrence& o) {
  if (!EndsWithAny(o.text, o.r.begin, {"第"})) return std::nullopt;
  return Ten(1, "it is an ordinal (第…)");
}

std::optional<Finding> Unit(const Occurrence& o) {
  if (!o.unit) return std::nullopt;
  return Ten(1, absl::StrCat("a count or amount follows (", Av(o.unit_text), "), not a year"));
}

std::optional<Finding> Rate(const Occurrence& o) {
  if (!o.s.RateContext(o.i)) return std::nullopt;
  return Ten(2, "it is a rate, and a rate of 2023 is impossible");
}

std::optional<Finding> NoContext(const Occurrence&) {
  return Ten(0, "nothing around it says whether it is a count or a year");
}

// The cues in the order they are tried: the first that holds decides. Years and the threshold keep the
// digits; then the strong checks; then the embedded masks (Embedded takes every one left); then the
// whole-run masks by their context, NoContext last.
struct OrderedCue {
  NumberCue cue;
  CueTest test;
};
constexpr OrderedCue kClassifyOrder[] = {
    {NumberCue::kYearPosition, YearPosition},
    {NumberCue::kTenSixDigitYear, SixDigitYear},
    {NumberCue::kTenDoublePassYear, DoublePassYear},
    {NumberCue::kYearMaskedTwice, YearMaskedTwice},
    {NumberCue::kYearInRange, YearInRange},
    {NumberCue::kYearDate8, YearDate8},
    {NumberCue::kUndecidedThreshold, UndecidedThreshold},
    {NumberCue::kTenRateOver100, RateOver100},
    {NumberCue::kTenChangeOverTotal, ChangeOverTotal},
    {NumberCue::kTenPartsAddUp, PartsAddUp},
    {NumberCue::kTenStatedRatio, StatedRatio},
    {NumberCue::kTenEmbeddedIdentifier, EmbeddedIdentifier},
    {NumberCue::kTenEmbeddedDecimal, EmbeddedDecimal},
    {NumberCue::kTenEmbeddedYearCount, EmbeddedYearCount},
    {NumberCue::kTenEmbedded, Embedded},
    {NumberCue::kTenDecimalFraction, DecimalFraction},
    {NumberCue::kTenDecimalInteger, DecimalInteger},
    {NumberCue::kTenDuration, Duration},
    {NumberCue::kTenLetterCode, LetterCode},
    {NumberCue::kTenPlusFormula, PlusFormula},
    {NumberCue::kTenRangeEnd, RangeEnd},
    {NumberCue::kTenRangeStart, RangeStart},
    {NumberCue::kTenDigitGroupHead, DigitGroupHead},
    {NumberCue::kTenAmountQualifier, AmountQualifier},
    {NumberCue::kTenBracketMarker, BracketMarker},
    {NumberCue::kTenChangeAmount, ChangeAmount},
    {NumberCue::kTenMonth, Month},
    {NumberCue::kTenDay, Day},
    {NumberCue::kTenListAfter9, ListAfter9},
    {NumberCue::kTenListBefore11, ListBefore11},
    {NumberCue::kTenListMarker, ListMarker},
    {NumberCue::kTenCompoundSecond, CompoundSecond},
    {NumberCue::kTenPercent, Percent},
    {NumberCue::kTenOrdinal, Ordinal},
    {NumberCue::kTenUnit, Unit},
    {NumberCue::kTenRate, Rate},
    {NumberCue::kTenNoContext, NoContext},
};

// Every cue of the table is tried once, but kNone and the year candidates that hold no mask
// (kYearUnmaskedString, decided in AnalyzeMasks).
constexpr bool EveryCueTriedOnce() {
  for (size_t c = 0; c < static_cast<size_t>(NumberCue::kCount); ++c) {
    const auto cue = static_cast<NumberCue>(c);
    int times = 0;
    for (const OrderedCue& o : kClassifyOrder) times += o.cue == cue;
    const bool outside = cue == NumberCue::kNone || cue == NumberCue::kYearUnmaskedString;
    if (times != (outside ? 0 : 1)) return false;
  }
  return true;
}
static_assert(EveryCueTriedOnce(), "kClassifyOrder must try every Classify cue of NumberCue once");

// Classifies run i, which holds at least one mask string, assuming the document is masked: the first
// cue of kClassifyOrder that holds decides.
Local Classify(const Scanner& s, size_t i) {
  const DigitRun& r = s.runs[i];
  std::vector<MaskHit> hits = s.Hits(i);
  std::string decoded = Decode(r.digits, hits);
  std::string mask_list;
  for (const MaskHit& h : hits) absl::StrAppend(&mask_list, mask_list.empty() ? "" : ", ", Av(h.mask));
  const bool exact = hits.size() == 1 && r.digits.size() == 4;
  const auto unit = UnitAt(s.text, r.end);
  const Occurrence o{s, i, r, s.text, hits, decoded, std::move(mask_list), exact,
                     Value(r.digits), Value(decoded), Exact(r.digits), Exact(decoded), unit,
                     unit.value_or("")};

  Local out;
  MaskDecision& d = out.decision;
  d.span = {r.begin, r.end};
  d.after = o.decoded;
  for (const OrderedCue& cue : kClassifyOrder) {
    std::optional<Finding> found = cue.test(o);
    if (!found) continue;
    SetCue(d, cue.cue);
    d.kind = found->kind;
    out.weight = found->weight;
    d.evidence = std::move(found->evidence);
    if (found->after) d.after = std::move(*found->after);
    if (!found->reason.empty()) {
      d.reason = std::move(found->reason);
      d.alternatives = std::move(found->alternatives);
      return out;
    }
    d.reason = absl::StrCat("\"", Av(r.digits), "\" reads as ", o.decoded, ": the document masks \"10\" with ",
                            o.mask_list, ", and ", found->what, ".");
    std::string alternative;
    if (exact) {
      alternative = "The string may be a real year or a masked year; then the original is lost.";
    } else if (hits.size() == 1 && hits[0].offset + 4 == r.digits.size() && hits[0].offset > 0) {
      alternative = absl::StrCat("The tail may be a masked year (", Av(r.digits.substr(0, hits[0].offset)),
                                 " followed by a year), whose digits are lost.");
    } else {
      alternative = "The digits may be genuine.";
    }
    d.alternatives.push_back({std::string(r.digits), std::max(0.0, 1 - d.confidence), std::move(alternative)});
    return out;
  }
  return out;  // unreachable: NoContext always holds
}

void Intern(text_internal::TextPool& reasons, MaskDecision& d) {
  d.reason = reasons.Intern(std::move(d.reason));
  for (RepairAlternative& a : d.alternatives) a.reason = reasons.Intern(std::move(a.reason));
}

// 一 … 十九 as written in session names; 0 when not a numeral.
int SmallChineseNumeral(std::string_view s) {
  static constexpr std::string_view kDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto digit = [&](std::string_view d) {
    for (int k = 0; k < 9; ++k) {
      if (kDigits[k] == d) return k + 1;
    }
    return 0;
  };
  if (s.size() == 3) return s == "十" ? 10 : digit(s);
  if (s.size() == 6 && s.substr(0, 3) == "十") return 10 + digit(s.substr(3));
  if (s.size() == 6 && s.substr(3) == "十") return 10 * digit(s.substr(0, 3));                        // 二十
  if (s.size() == 9 && s.substr(3, 3) == "十") return 10 * digit(s.substr(0, 3)) + digit(s.substr(6));  // 二十一
  return 0;
}

// The year of "<year>年是党的N大胜利召开之年" / "<year>年，党的N大胜利召开", read from `from` (just after the
// year's 年): the Party's national congresses from the 12th on met every five years from 1982 (二十大: 2022).
// A year said to be a congress's year that is not has had its years masked. Returns 0 when no such clause.
int PartyCongressYear(std::string_view text, size_t from) {
  std::string_view window = text.substr(from, std::min<size_t>(60, text.size() - from));
  for (std::string_view lead : {"是", "，", ","}) {
    if (window.substr(0, lead.size()) == lead) {
      window.remove_prefix(lead.size());
      break;
    }
  }
  constexpr std::string_view kParty = "党的";
  if (window.substr(0, kParty.size()) != kParty) return 0;
  window.remove_prefix(kParty.size());
  size_t big = window.find("大");
  if (big == std::string_view::npos || big > 9) return 0;
  int congress = SmallChineseNumeral(window.substr(0, big));
  std::string_view after = window.substr(big + 3);
  const bool met = after.substr(0, 12) == "胜利召开" || after.substr(0, 6) == "召开";
  if (!met || congress < 12 || congress > 21) return 0;
  return 1982 + 5 * (congress - 12);
}

// The year of "第N届全国人民代表大会第M次会议" (the Nth NPC opened in kFirstYear[N-1], one session a year).
// A report "delivered" there in another year has had its years masked. Returns 0 when unknown.
int NationalPeoplesCongressYear(std::string_view text, size_t from) {
  static constexpr int kFirstYear[] = {1954, 1959, 1964, 1975, 1978, 1983, 1988,
                                       1993, 1998, 2003, 2008, 2013, 2018, 2023};
  std::string_view window = text.substr(from, std::min<size_t>(120, text.size() - from));
  size_t congress = window.find("届全国人民代表大会第");
  size_t open = window.rfind("第", congress);
  if (congress == std::string_view::npos || open == std::string_view::npos) return 0;
  int term = SmallChineseNumeral(window.substr(open + 3, congress - open - 3));
  size_t session_begin = congress + std::string_view("届全国人民代表大会第").size();
  size_t session_end = window.find("次会议", session_begin);
  if (session_end == std::string_view::npos) return 0;
  int session = SmallChineseNumeral(window.substr(session_begin, session_end - session_begin));
  if (term < 1 || term > 14 || session < 1 || session > 5) return 0;
  return kFirstYear[term - 1] + session - 1;
}

// The headings that review a year's work ("2024年工作回顾"), as written and as the spinners of the vocabulary
// model write them (回忆 for 回顾): the suffixes to find after "<year>年".
const std::vector<std::string>& YearReviewHeadings() {
  static const auto* v = [] {
    auto* out = new std::vector<std::string>{"工作回顾"};
    for (const VocabPair& pair : VocabModel::Default().pairs()) {
      if (pair.original == "回顾") out->push_back("工作" + pair.spun);
    }
    return out;
  }();
  return *v;
}

// Whether the report was delivered in the first quarter of `year` ("2024年1月8日" in its opening
// kHeaderBytes) and reviews that same year's work as past ("2024年工作回顾"): a report delivered early in
// a year reviews the year before. The span of the heading, or nullopt.
std::optional<Span> ReviewOfItsOwnYear(std::string_view text, std::string_view year) {
  const std::string_view head = text.substr(0, std::min(text.size(), kHeaderBytes));
  const std::string date_prefix = std::string(year) + "年";
  bool delivered_early = false;
  for (size_t at = head.find(date_prefix); at != std::string_view::npos; at = head.find(date_prefix, at + 1)) {
    if (at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9') continue;
    const size_t month = at + date_prefix.size();
    if (month + 1 < text.size() && text[month] >= '1' && text[month] <= '3' &&
        text.substr(month + 1, 3) == "月") {
      delivered_early = true;
      break;
    }
  }
  if (!delivered_early) return std::nullopt;
  for (const std::string& heading : YearReviewHeadings()) {
    const std::string needle = date_prefix + heading;
    for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
      if (at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9') continue;
      return Span{at, at + needle.size()};
    }
  }
  return std::nullopt;
}

// The year strings to test as masks: the recent ones sites were seen to use, and every other year string
// the document writes (inside a longer number or standing alone), most frequent first: a site masks with
// whatever year it ran in (2012, 2019, 2020 are seen too). Strings holding "10" cannot mask a ten, and
// round hundreds (2000) are ordinary counts.
std::vector<std::string_view> CandidateStrings(const std::vector<DigitRun>& runs, text_internal::CancelPoll* cancel) {
  std::vector<std::string_view> out(kCandidates.begin(), kCandidates.end());
  std::map<std::string_view, int> seen;
  for (const DigitRun& r : runs) {
    if (cancel != nullptr && cancel->At(r.begin)) return {};  // the analysis is dropped
    if (r.digits.size() < 4 || r.digits.size() > 8) continue;
    for (size_t p = 0; p + 4 <= r.digits.size(); ++p) {
      std::string_view y = r.digits.substr(p, 4);
      if (!LooksLikeYear(y) || y.find("10") != std::string_view::npos || y.substr(2) == "00") continue;
      if (std::find(out.begin(), out.end(), y) != out.end()) continue;
      ++seen[y];
    }
  }
  std::vector<std::pair<int, std::string_view>> by_count;
  for (auto [y, n] : seen) {
    if (n >= kMinOccurrencesOfOtherMask) by_count.push_back({n, y});
  }
  std::stable_sort(by_count.begin(), by_count.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (size_t k = 0; k < by_count.size() && k < kMaxOtherMaskCandidates; ++k) out.push_back(by_count[k].second);
  return out;
}

// Identifiers: an ASCII token (letters, digits and the joiners "/", "-", "_", ".") that joins its digit
// groups with both "/" and "-", or holds a Latin letter and two digit groups or more. Government portals'
// index numbers ("ABC123456/2024-00017", "000014349/2023-00123"), document codes and web addresses are such
// tokens; a mask string inside one is the code's own year field, never a masked ten, and no evidence of a
// mask. Dates keep one joiner ("2024-03-21", "2024/3/21") and stay numbers; so does a code of one group after
// its letters (PM10, masked PM2023: ten.letter_code).
bool IsCodeByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '-' ||
         c == '_' || c == '.';
}
bool IsCode(std::string_view token) {
  const bool letter = std::any_of(token.begin(), token.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  size_t digit_groups = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    const bool digit = token[i] >= '0' && token[i] <= '9';
    digit_groups += digit && (i == 0 || !(token[i - 1] >= '0' && token[i - 1] <= '9'));
  }
  return (letter && digit_groups >= 2) ||
         (token.find('/') != std::string_view::npos && token.find('-') != std::string_view::npos);
}

// The digit runs the mask analysis reads: every run but those inside identifiers. Each token is measured
// once, however many runs it holds.
std::vector<DigitRun> RunsOutsideCodes(std::string_view text, text_internal::CancelPoll* cancel) {
  // The scan and the filter: 0.12 s a MiB unpolled on a run of "1." (bench/cancel_latency).
  std::vector<DigitRun> runs = ScanDigitRuns(text, cancel);
  if (cancel != nullptr && cancel->cancelled()) return {};
  size_t token_end = 0;
  bool token_is_code = false;
  std::erase_if(runs, [&](const DigitRun& r) {
    if (cancel != nullptr && cancel->At(r.begin)) return false;  // the result is dropped below
    if (r.begin >= token_end) {
      size_t begin = r.begin;
      while (begin > 0 && IsCodeByte(text[begin - 1])) --begin;
      token_end = r.end;
      while (token_end < text.size() && IsCodeByte(text[token_end])) ++token_end;
      token_is_code = IsCode(text.substr(begin, token_end - begin));
    }
    return token_is_code;
  });
  if (cancel != nullptr && cancel->cancelled()) return {};
  return runs;
}

int CountNaturalTens(const std::vector<DigitRun>& runs, text_internal::CancelPoll* cancel) {
  int tens = 0;
  for (const DigitRun& r : runs) {
    if (cancel != nullptr && cancel->At(r.begin)) return 0;  // the analysis is dropped
    if (r.digits.size() >= 9) continue;  // identifiers, phone numbers
    for (size_t p = r.digits.find("10"); p != std::string_view::npos; p = r.digits.find("10", p + 2)) {
      ++tens;
    }
  }
  return tens;
}

}  // namespace

MaskAnalysis AnalyzeMasks(std::string_view text, text_internal::CancelPoll* cancel) {
  MaskAnalysis analysis;
  text_internal::TextPool reasons;  // a document's decisions repeat a few sentences thousands of times
  const std::vector<DigitRun> runs = RunsOutsideCodes(text, cancel);
  if (cancel != nullptr && cancel->cancelled()) return MaskAnalysis{};
  Scanner scanner{text, runs, {}, {}};
  analysis.natural_tens = CountNaturalTens(scanner.runs, cancel);
  if (cancel != nullptr && cancel->cancelled()) return MaskAnalysis{};

  // Evidence per candidate string, each judged as if it were the only mask.
  struct Candidate {
    std::string_view mask;
    double score = 0;
    double strongest = 0;  // the weight of the best single sign
    std::vector<Span> evidence;
  };
  // The years the document writes that no candidate string could have produced.
  int latest_other_year = 0, other_years = 0;
  for (size_t i = 0; i < scanner.runs.size(); ++i) {
    const DigitRun& r = scanner.runs[i];
    if (cancel != nullptr && cancel->At(r.begin)) return MaskAnalysis{};
    if (r.digits.size() != 4 || !LooksLikeYear(r.digits) ||
        std::find(kCandidates.begin(), kCandidates.end(), r.digits) != kCandidates.end() ||
        !StartsWithAny(text, r.end, {"年"}) || !scanner.IsYearPosition(i)) {
      continue;
    }
    ++other_years;
    latest_other_year = std::max(latest_other_year, static_cast<int>(Value(r.digits)));
  }
  // Years written in Chinese numerals (一九五七年, 二〇〇五年): the mask never touches them.
  {
    static const RE2 kChineseYear("([〇零一二三四五六七八九]{4})年");
    re2::StringPiece input(text.data(), text.size()), year;
    while (RE2::FindAndConsume(&input, kChineseYear, &year)) {
      int value = 0;
      for (size_t b = 0; b < year.size(); b += 3) {
        static constexpr std::string_view kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        std::string_view d(year.data() + b, 3);
        int digit = d == "零" ? 0 : static_cast<int>(std::find(std::begin(kDigits), std::end(kDigits), d) - std::begin(kDigits));
        value = value * 10 + digit;
      }
      if (value < 1900 || value > 2099) continue;
      ++other_years;
      latest_other_year = std::max(latest_other_year, value);
    }
  }
  // The session a national report was delivered at or approved by (第十二届全国人民代表大会第五次会议:
  // 2017) dates the report itself.
  int session_year = 0;
  if (size_t congress = text.find("届全国人民代表大会第"); congress != std::string_view::npos) {
    session_year = NationalPeoplesCongressYear(text, congress >= 12 ? congress - 12 : 0);
  }
  std::vector<Candidate> candidates;
  const std::vector<std::string_view> masks = CandidateStrings(scanner.runs, cancel);
  if (cancel != nullptr && cancel->cancelled()) return MaskAnalysis{};
  for (std::string_view mask : masks) {
    Candidate c{mask, 0, 0, {}};
    Scanner single{text, runs, {mask}, {}};
    // A year string sites were not seen to use must show itself in the numbers, or in a change from a year
    // to itself: a real year's own mentions (1949年 … 比1949年) prove nothing.
    const bool recent = std::find(kCandidates.begin(), kCandidates.end(), mask) != kCandidates.end();
    // Chronology: a report whose own years (in Arabic or Chinese numerals) all end six or more years
    // before the string, yet writes the string as a year again and again ("2022年，全国各族人民…" in a
    // report of 2000). Clean reports name such a later year once at most, as a target (2022年冬奥会 in
    // 2015), and none names a year four or more after the session that heard it.
    const int gap = static_cast<int>(Value(mask)) - latest_other_year;
    const bool after_session = session_year != 0 && static_cast<int>(Value(mask)) >= session_year + 4;
    if (recent && ((other_years >= 3 && gap >= 6) || after_session)) {
      std::vector<Span> late;
      for (size_t i = 0; i < single.runs.size(); ++i) {
        if (cancel != nullptr && cancel->At(single.runs[i].begin)) return MaskAnalysis{};
        if (single.runs[i].digits == mask && StartsWithAny(text, single.runs[i].end, {"年"}) &&
            single.IsYearPosition(i)) {
          late.push_back({single.runs[i].begin, single.runs[i].end});
        }
      }
      // Once is enough a decade or more after every year of the report.
      if (late.size() >= 2 || (late.size() == 1 && (gap >= 10 || after_session))) {
        c.score += 2;
        c.strongest = 2;
        c.evidence.insert(c.evidence.end(), late.begin(), late.begin() + std::min<size_t>(2, late.size()));
      }
    }
    // "…2024年1月8日 各位代表：… 一、2024年工作回顾": a report delivered early in a year that reviews that
    // year as past (none of the 38 clean reports dated in their opening reviews its own year).
    if (recent) {
      if (auto review = ReviewOfItsOwnYear(text, mask)) {
        c.score += 2;
        c.strongest = 2;
        c.evidence.push_back(*review);
      }
    }
    // The first pass of a year masked twice (2010 → 202023 → 202223年): the last two digits of six before
    // 年, after another year string, are this string's ("2023"). Six digits never stand before 年 in clean
    // text, so each is a strong sign.
    for (size_t i = 0; i < single.runs.size(); ++i) {
      const DigitRun& r = single.runs[i];
      if (cancel != nullptr && cancel->At(r.begin)) return MaskAnalysis{};
      if (r.digits.size() == 6 && r.digits.substr(0, 2) == "20" && LooksLikeYear(r.digits.substr(0, 4)) &&
          r.digits.substr(0, 4) != mask && absl::StrCat("20", Av(r.digits.substr(4))) == mask &&
          StartsWithAny(text, r.end, {"年"})) {
        c.score += 2;
        c.strongest = 2;
        c.evidence.push_back({r.begin, r.end});
      }
    }
    // The year tag of a site's keyword lines ("2023" alone on a line before the title): the masking
    // sites print their year string there. One weak sign; a clean report has no such line.
    for (size_t i = 0; i < single.runs.size() && single.runs[i].begin < kHeaderBytes; ++i) {
      const DigitRun& r = single.runs[i];
      if (r.digits == mask && OnlyBeforeOnLine(text, r.begin, U" \t\r") &&
          OnlyAfterOnLine(text, r.end, U" \t\r")) {
        c.score += 1;
        c.strongest = std::max(c.strongest, 1.0);
        c.evidence.push_back({r.begin, r.end});
        break;
      }
    }
    for (size_t i = 0; i < single.runs.size(); ++i) {
      if (cancel != nullptr && cancel->At(single.runs[i].begin)) return MaskAnalysis{};
      if (single.runs[i].digits.find(mask) == std::string_view::npos) continue;
      Local local = Classify(single, i);
      if (local.decision.kind == MaskDecision::Kind::kYear && single.runs[i].digits == mask) {
        // "2024年3月5日在第十二届全国人民代表大会第五次会议上": that session met in 2017.
        if (auto range = single.RangeToItself(i)) {
          c.score += 2;
          c.strongest = 2;
          c.evidence.push_back(*range);
          c.evidence.push_back(local.decision.span);
          continue;
        }
        if (!recent) continue;
        if (int year = StartsWithAny(text, single.runs[i].end, {"年"})
                           ? NationalPeoplesCongressYear(text, single.runs[i].end)
                           : 0;
            year != 0 && std::to_string(year) != mask) {
          c.score += 2;
          c.strongest = 2;
          c.evidence.push_back(local.decision.span);
        }
        // "2024年是党的二十大胜利召开之年": the twentieth congress met in 2022.
        if (int year = StartsWithAny(text, single.runs[i].end, {"年"}) ? PartyCongressYear(text, single.runs[i].end + 3)
                                                                        : 0;
            year != 0 && std::to_string(year) != mask) {
          c.score += 2;
          c.strongest = 2;
          c.evidence.push_back(local.decision.span);
        }
        if (auto other = single.SelfComparison(i)) {
          c.score += 2;
          c.strongest = 2;
          c.evidence.push_back(*other);
          c.evidence.push_back(local.decision.span);
        }
        continue;
      }
      if (local.weight == 0) continue;
      c.score += local.weight;
      c.strongest = std::max(c.strongest, local.weight);
      c.evidence.push_back(local.decision.span);
    }
    if (c.score > 0) candidates.push_back(std::move(c));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  double total = 0, strongest = 0;
  for (const Candidate& c : candidates) {
    total += c.score;
    strongest = std::max(strongest, c.strongest);
  }
  analysis.evidence_score = total;
  // Two independent signs at least, and not drowned by "10"s that survived: a clean report may hold one
  // odd number like 120230元, and a report full of 10s is not masked.
  // One sign is enough when no "10" survives among many numbers: clean reports are full of 10s.
  // Two weak signs (a count of 2023, a number like 120230) can both be genuine in a report that also
  // writes 10月 and 10%: then a sign clean text cannot show (a month 2023, a rate over 100, a change
  // larger than its total, 2023、 after 9、) or a third sign is needed.
  const bool strong_or_no_tens = strongest >= 2 || analysis.natural_tens == 0 || total >= 3;
  analysis.masked = (total >= 2 && total * 3 >= analysis.natural_tens && strong_or_no_tens) ||
                    (total >= 1 && analysis.natural_tens == 0 && scanner.runs.size() >= 20);
  if (!analysis.masked) return analysis;
  analysis.confidence =
      std::min(kMaxDiagnosis, kDiagnosisBase + kDiagnosisPerSign * total) *
      (analysis.natural_tens == 0 ? 1.0
                                  : std::max(kMinTensDoubt, 1 - analysis.natural_tens / (kTensPerSignForDoubt * total)));
  for (const Candidate& c : candidates) {
    // A second string needs its own evidence beyond a single weak sign.
    if (c.score >= 2 || (c.score >= 1 && c.mask == candidates.front().mask)) {
      analysis.mask_strings.emplace_back(c.mask);
      scanner.masks.push_back(c.mask);
      analysis.evidence.insert(analysis.evidence.end(), c.evidence.begin(), c.evidence.end());
    }
  }
  std::sort(analysis.evidence.begin(), analysis.evidence.end(),
            [](Span a, Span b) { return a.begin < b.begin; });

  // Every run holding a mask string, and every year-position candidate (a year may be masked with a
  // string that never masks a ten in this document).
  for (size_t i = 0; i < scanner.runs.size(); ++i) {
    const DigitRun& r = scanner.runs[i];
    if (cancel != nullptr && cancel->At(r.begin)) return MaskAnalysis{};
    if (!scanner.Hits(i).empty()) {
      Local local = Classify(scanner, i);
      local.decision.confidence *= std::max(analysis.confidence, kMinDiagnosisScale);
      Intern(reasons, local.decision);
      analysis.decisions.push_back(std::move(local.decision));
      continue;
    }
    if (r.digits.size() == 4 &&
        (std::find(kCandidates.begin(), kCandidates.end(), r.digits) != kCandidates.end() ||
         std::find(scanner.masks.begin(), scanner.masks.end(), r.digits) != scanner.masks.end()) &&
        scanner.IsYearPosition(i)) {
      MaskDecision d;
      d.kind = MaskDecision::Kind::kYear;
      d.span = {r.begin, r.end};
      SetCue(d, NumberCue::kYearUnmaskedString);
      d.reason = absl::StrCat("\"", Av(r.digits),
                              "\" is a year in a document whose years are masked with year strings; "
                              "it may be a real year or a masked one, and is kept as written.");
      Intern(reasons, d);
      analysis.decisions.push_back(std::move(d));
    }
  }
  return analysis;
}

}  // namespace wenshu::repair_internal
