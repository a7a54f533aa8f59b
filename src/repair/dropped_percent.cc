// percent.dropped: percent signs that sites drop after rates (DAMAGE.md §3): "安置率为92", "参保率到达70.4",
// "标准化率到达了95以上", "有效用户的18".
//
// A rate phrase ending in a bare number at a clause break is strong evidence on its own (clean reports
// write the sign). Weaker contexts ("占…的18", "增长8.5,") are repaired only in documents that show
// damage. A number followed by a unit is never a percentage, and neither is an ordinal or a year.
#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "repair/number_cues.h"
#include "repair/number_scan.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/char_class.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// From strongest to weakest: a rate phrase, a change, a share, a member of a list whose head is a
// percentage, a bare number where reports only write percentages.
enum class PercentContext { kNone, kRate, kChange, kShare, kList, kBare };

struct Candidate {
  size_t begin = 0;  // the number, in the original
  size_t end = 0;
  double value = 0;
  PercentContext context = PercentContext::kNone;
  Span evidence;
};

// The rate words, and 覆盖面 (coverage, written with a percent: 覆盖面达到95%), after them (the first found
// is the rate).
const std::vector<std::string_view>& RateWords() {
  static constexpr std::string_view kCoverage[] = {"覆盖面"};
  static const auto* v =
      new std::vector<std::string_view>(text::lexicon::Concat({text::lexicon::kRateWords, kCoverage}));
  return *v;
}
// Words allowed between a rate word and its number.
// (The change verbs come first: 降低 must be tried before 降, each link being the first that fits.)
const std::vector<std::string_view>& RateLinks() {
  namespace lexicon = text::lexicon;
  static constexpr auto kChangeVerbs =
      lexicon::PickChangeVerbs({"提高", "提升", "上升", "增加", "增长", "下降", "降低", "降"});
  static constexpr std::string_view kOtherLinks[] = {
      "为",   "达",   "到",   "了",   "是",   "保持", "稳定", "控制", "在",   "至",   "超过", "超",
      "近",   "约",   "均",   "分别", "已",   "由",   "从",   "已经", "目前", "平均", "继续", "高于",
      "低于", "接近", "突破", "逾",   "将",   "要",   "以上", "稳",   "维持", "实现", "再",   "也",
      "都",   "仍",   "较",   "上年", "同比", "全市", "全区", "全县", "全省"};
  static const auto* v = new std::vector<std::string_view>(lexicon::Concat({kChangeVerbs, kOtherLinks}));
  return *v;
}
// Words right before a change's figure (the first that fits is the evidence, so a word comes before the longer
// words that end with it, as 增长 before 分别增长): change verbs, their 了 forms, rate nouns and the other verbs.
const std::vector<std::string_view>& ChangeWords() {
  namespace lexicon = text::lexicon;
  static constexpr auto kChangeVerbs =
      lexicon::PickChangeVerbs({"增长", "下降", "提高", "降低", "上升", "回落", "上涨", "减少", "增加"});
  static constexpr std::string_view kRateNouns[] = {"增幅为", "降幅为", "增幅", "降幅", "增速"};
  static constexpr auto kPerfective = lexicon::PickChangeVerbs({"增长", "下降", "提高", "降低", "上升"});
  static constexpr std::string_view kOtherWords[] = {
      "分别增长", "分别下降", "分别提高", "均增长", "年均增长", "同比增长", "同比下降", "涨幅",
      "压减",     "增至",     "升至",     "降为",   "降至",     "提升至",   "提高至",   "提高到",
      "突破",     "超过",     "不低于",   "不高于", "目标为",   "接近",     "稳定在",   "控制在",
      "保持在",   "扩大到",   "占",       "达",     "达到",     "超"};
  static const auto* v = new std::vector<std::string_view>(
      lexicon::Concat({kChangeVerbs, kRateNouns, lexicon::Perfective(kPerfective), kOtherWords}));
  return *v;
}
const std::vector<std::string_view>& BareFollowers() {
  static const auto* v = new std::vector<std::string_view>{
      "以上",   "以下",   "左右",   "以内",   "上下", "）",   ")",    "，",     "。",     "；",
      "！",     "？",     "：",     ",",      ";",    "\n",   "\r",   "、",     "和",     "与",
      "及",     "—",      "-",      "－",     "～",   "~",    "至",   "到",     "提高到", "提高至",
      "上升到", "上升至", "下降到", "下降至", "降至", "降到", "增至", "增加到", "提升到", "提升至"};
  return *v;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The longest gap between a number and the next in a list or range, and between a number's integer
// and fraction digits: one three-byte character ("、", "～", "—", "．"; the links below).
constexpr size_t kLongestGap = 3;

// Whether every code point of `s` belongs to one of the rate links.
bool OnlyLinks(std::string_view s) {
  while (!s.empty()) {
    auto link = StartsWithAny(s, 0, RateLinks());
    if (!link) return false;
    s.remove_prefix(link->size());
  }
  return true;
}

PercentContext Classify(std::string_view text, size_t begin, Span* evidence) {
  size_t cs = ClauseStart(text, begin, 120);
  std::string_view clause = text.substr(cs, begin - cs);
  for (std::string_view w : RateWords()) {
    size_t p = clause.rfind(w);
    if (p == std::string_view::npos) continue;
    std::string_view between = clause.substr(p + w.size());
    // "由85提高到95": the first number of the pair lies between the rate word and this one.
    size_t last_digit = between.find_last_of("0123456789");
    if (last_digit != std::string_view::npos) {
      std::string_view after_first = between.substr(last_digit + 1);
      if (after_first.substr(0, 1) == "%") after_first.remove_prefix(1);
      if (after_first.substr(0, 3) == "％") after_first.remove_prefix(3);
      if (!OnlyLinks(after_first)) continue;
    } else if (!OnlyLinks(between)) {
      continue;
    }
    *evidence = {cs + p, cs + p + w.size()};
    return PercentContext::kRate;
  }
  if (auto change = EndsWithAny(text, begin, ChangeWords())) {
    *evidence = {begin - change->size(), begin};
    return PercentContext::kChange;
  }
  if (EndsWithAny(text, begin, {"的"})) {
    for (std::string_view verb : {"占", "达到", "到达", "达"}) {
      size_t p = clause.find(verb);
      if (p != std::string_view::npos) {
        *evidence = {cs + p, cs + p + verb.size()};
        return PercentContext::kShare;
      }
    }
  }
  return PercentContext::kNone;
}

// The decoded text of a number that another rule (number.masked_ten) already rewrote; records are
// sorted by span.
std::optional<std::string> RewrittenAs(const RepairContext& context, Span span) {
  const auto& records = context.records();
  auto it = std::lower_bound(records.begin(), records.end(), span.begin,
                             [](const RepairRecord& r, size_t b) { return r.span.begin < b; });
  for (; it != records.end() && it->span.begin == span.begin; ++it) {
    if (it->span == span && it->rule == repair_rule::kNumberMaskedTen) return it->after;
  }
  return std::nullopt;
}

}  // namespace

void RestoreDroppedPercent(RepairContext& context) {
  std::string_view text = context.text();
  std::vector<Candidate> candidates;
  size_t percent_signs = 0, fullwidth_signs = 0;
  for (size_t p = text.find('%'); p != std::string_view::npos; p = text.find('%', p + 1)) ++percent_signs;
  for (size_t p = text.find("％"); p != std::string_view::npos; p = text.find("％", p + 1)) {
    ++fullwidth_signs;
  }

  // The runs are read one after another (NextDigitRun), never held all at once.
  for (auto run = NextDigitRun(text, 0); run; run = NextDigitRun(text, run->end)) {
    const DigitRun& r = *run;
    // 0.6 s a MiB unpolled on a run of 1、 markers (bench/cancel_latency): every run is a candidate.
    if (context.CancelledAt(r.begin)) return;
    if (r.after_decimal_point) continue;
    Candidate c;
    c.begin = r.begin;
    c.end = r.end;
    std::string number(r.digits);
    if (auto rewritten = RewrittenAs(context, {r.begin, r.end})) {
      number = *rewritten;
    } else if (context.IsClaimed({r.begin, r.end})) {
      continue;
    }
    // The digits after the decimal point: the next run, one '.' or '．' past this one.
    if (const auto fraction = r.before_decimal_point ? NextDigitRun(text, r.end, kLongestGap) : std::nullopt) {
      c.end = fraction->end;
      absl::StrAppend(&number, ".", Av(fraction->digits));
      if (context.IsClaimed({fraction->begin, fraction->end})) continue;
    }
    auto value = ParseDecimal(number);
    if (!value) continue;
    c.value = *value;
    // What follows must be a clause break or a qualifier, never a unit or a sign.
    if (c.end < text.size() && (IsDigit(text[c.end]) || text[c.end] == '.')) continue;
    if (!StartsWithAny(text, c.end, BareFollowers()) && !StartsWithAny(text, c.end, {"的"}) &&
        c.end != text.size()) {
      continue;
    }
    // A unit after a line break or invisible space still belongs to the number ("74.4\n\u200b\n万亿元").
    {
      size_t at = c.end;
      while (at < text.size()) {
        text::Char cp = text::CharAt(text, at);
        if (cp.value != U' ' && cp.value != U'\n' && cp.value != U'\r' && cp.value != U'\t' &&
            cp.value != 0x200B && cp.value != 0x3000 && cp.value != 0xFEFF) {
          break;
        }
        at += cp.length;
      }
      if (at != c.end && UnitAt(text, at)) continue;
    }
    // Ratios are not percentages: "收入比缩小至2.54", "之比突破1：1".
    if (StartsWithAny(text, c.end, {"：1", ":1", "∶1", "比1"})) continue;
    {
      size_t cs = ClauseStart(text, c.begin, 90);
      std::string_view clause = text.substr(cs, c.begin - cs);
      bool ratio = false;
      for (std::string_view w : {"之比", "比值", "倍差", "收入比", "比为", "满意度"}) {
        ratio = ratio || clause.find(w) != std::string_view::npos;
      }
      if (ratio) continue;
    }
    // "1,000": a thousands separator, not a clause break.
    if (StartsWithAny(text, c.end, {",", "，"})) {
      size_t d = c.end + (text[c.end] == ',' ? 1 : 3);
      size_t e = d;
      while (e < text.size() && IsDigit(text[e])) ++e;
      if (e - d == 3) continue;
      // "4，92023万": the group is masked (910); its restored digits decide.
      if (auto rewritten = RewrittenAs(context, {d, e}); rewritten && rewritten->size() == 3) continue;
    }
    // A list or range ("20.9、3.2个百分点"): the last member decides. "5～8%" is clean writing; "4.42和
    // 5.95%" is a list whose head lost its sign.
    bool tail_has_sign = false;
    {
      size_t tail_end = c.end;
      bool ranges = false;
      // Lists of percentages are short; the cap keeps a pathological "92、92、…" line linear. A member
      // further than kLongestGap bytes on is no member: the gap is not one of the links below.
      std::optional<DigitRun> member = NextDigitRun(text, tail_end, kLongestGap);
      for (int members = 0; member && members < 32; ++members) {
        std::string_view gap = text.substr(tail_end, member->begin - tail_end);
        bool list = gap == "、" || gap == "和" || gap == "与" || gap == "及";
        bool range = gap == "-" || gap == "~" || gap == "～" || gap == "至" || gap == "到" || gap == "—" ||
                     gap == "－" || gap == "－";
        if (!list && !range) break;
        ranges = ranges || range;
        tail_end = member->end;
        if (member->before_decimal_point) {
          if (auto member_fraction = NextDigitRun(text, tail_end, kLongestGap)) tail_end = member_fraction->end;
        }
        member = NextDigitRun(text, tail_end, kLongestGap);
      }
      if (tail_end != c.end) {
        if (UnitAt(text, tail_end) && !StartsWithAny(text, tail_end, {"%", "％"})) continue;
        if (StartsWithAny(text, tail_end, {"年", "‰"})) continue;
        if (StartsWithAny(text, tail_end, {"%", "％"})) {
          if (ranges) continue;
          tail_has_sign = true;
        }
      }
    }
    if (EndsWithAny(text, c.begin, {"第", "前", "后", "这", "那", "每", ":", "：", "#", "No.", "NO."})) {
      continue;
    }
    // Notes and list markers: ［5］, （3）, a number opening a line.
    if (EndsWithAny(text, c.begin, {"［", "[", "（", "(", "【", "〔"})) continue;
    if (OnlyBeforeOnLine(text, c.begin, U" \t\r")) continue;
    // The words before the number, past any spaces ("增长 52").
    size_t lead = c.begin;
    while (lead > 0 && text[lead - 1] == ' ') --lead;
    if (auto letter = text::CharBefore(text, lead);
        (letter.value >= U'A' && letter.value <= U'Z') || (letter.value >= U'a' && letter.value <= U'z')) {
      continue;  // PM2.5, M 2, G20
    }
    // Years and dates are not rates.
    if (r.digits.size() == 4 && (r.digits.substr(0, 2) == "19" || r.digits.substr(0, 2) == "20") &&
        !context.IsClaimed({r.begin, r.end})) {
      continue;
    }
    c.context = Classify(text, lead, &c.evidence);
    // A later member of a list or range takes the context of its head ("分别增长13.8、18.1").
    if (c.context == PercentContext::kNone && !candidates.empty()) {
      const Candidate& head = candidates.back();
      std::string_view gap = text.substr(head.end, c.begin >= head.end ? c.begin - head.end : 0);
      for (std::string_view g : {"、", "和", "与", "及", "-", "~", "～", "至", "到", "—", "－"}) {
        if (c.begin >= head.end && gap == g) {
          c.context = PercentContext::kList;
          c.evidence = {head.begin, head.end};
        }
      }
    }
    if (c.context == PercentContext::kNone) {
      // A bare number needs a plain clause end, and must not be the tail of a ratio, date, formula or
      // fraction (1∶1, 2023-02-09, "1+6", 1/4).
      // "85.2的改革任务": a share of something.
      bool share = StartsWithAny(text, c.end, {"的"}) && text::IsHan(text::CharAt(text, c.end + 3).value);
      if (!share &&
          !StartsWithAny(text, c.end, {"，",   "。",     "；",     "！",     "？",     ",",      ";",
                                       "以上", "以下",   "左右",   "以内",   "提高到", "提高至", "降至",
                                       "降到", "下降到", "上升到", "上升至", "提升至", "提升到", "增至"})) {
        continue;
      }
      if (EndsWithAny(
              text, c.begin,
              {"+", "＋", "·", "∶", ":", "：", "/", "比", "-", "－", "—", "~", "～", "、", "．", "."})) {
        continue;
      }
      c.context = PercentContext::kBare;
      c.evidence = {c.begin, c.end};
    }
    if (tail_has_sign && c.context == PercentContext::kRate) c.context = PercentContext::kList;
    double limit = c.context == PercentContext::kChange || c.context == PercentContext::kList ? 1000 : 100;
    if (c.value > limit) continue;
    candidates.push_back(c);
  }

  size_t strong = std::count_if(candidates.begin(), candidates.end(),
                                [](const Candidate& c) { return c.context == PercentContext::kRate; });
  size_t changes = std::count_if(candidates.begin(), candidates.end(),
                                 [](const Candidate& c) { return c.context == PercentContext::kChange; });
  const size_t signs = percent_signs + fullwidth_signs;
  // Signs dropped across the document: rate phrases or changes ending in bare numbers, and few signs
  // left beside them. Clean reports write the sign after nearly every rate and change.
  const bool damaged = strong >= 2 || (strong >= 1 && signs == 0) ||
                       (strong >= 1 && context.diagnosis().masked_numbers) ||
                       (strong + changes >= 3 && (strong + changes) * 2 >= signs);
  const std::string sign = fullwidth_signs > percent_signs ? "％" : "%";

  PercentCueLog& log = context.Keep(PercentCueLog{});
  for (const Candidate& c : candidates) {
    if (context.CancelledAt(c.begin)) return;
    RepairRecord record;
    record.rule = repair_rule::kPercentDropped;
    record.span = {c.end, c.end};
    record.after = sign;
    record.evidence.push_back(c.evidence);
    std::string_view number = text.substr(c.begin, c.end - c.begin);
    std::string_view cue_text = text.substr(c.evidence.begin, c.evidence.size());
    PercentCue cue = PercentCue::kNone;
    switch (c.context) {
      case PercentContext::kRate:
        cue = damaged ? PercentCue::kRate : PercentCue::kRateAlone;
        record.reason = absl::StrCat("\"", Av(number), "\" ends a rate phrase (\"", Av(cue_text),
                                     "\") with no unit; the percent sign was dropped.");
        break;
      case PercentContext::kShare:
        if (!damaged) continue;
        cue = PercentCue::kShare;
        record.reason = absl::StrCat("\"", Av(number), "\" is a share (\"", Av(cue_text),
                                     "…的\") with no unit in a damaged document; the percent sign "
                                     "was dropped.");
        break;
      case PercentContext::kChange:
        if (!damaged) continue;
        cue = PercentCue::kChange;
        record.reason = absl::StrCat("\"", Av(number), "\" is a change (\"", Av(cue_text),
                                     "\") with no unit in a damaged document; the percent sign was "
                                     "dropped.");
        break;
      case PercentContext::kList:
        if (!damaged) continue;
        cue = PercentCue::kList;
        record.reason = absl::StrCat("\"", Av(number), "\" continues a list or range of percentages (\"",
                                     Av(cue_text), "\") in a damaged document; the percent sign was dropped.");
        break;
      case PercentContext::kBare:
        if (!damaged) continue;
        cue = PercentCue::kBare;
        record.reason = absl::StrCat("\"", Av(number),
                                     "\" stands without a unit before a clause break in a document that "
                                     "dropped its percent signs; reports write such numbers as percentages.");
        break;
      case PercentContext::kNone:
        continue;
    }
    record.confidence = CueInfo(cue).confidence;
    record.alternatives.push_back({"", 1 - record.confidence, "The number may be a bare value."});
    log.decisions.emplace_back(record.span, cue);
    context.Propose(std::move(record));
  }
}

}  // namespace wenshu::repair_internal
