// Targets: the year's main expected targets statement (主要预期目标是：…) read clause by clause into
// records with an indicator, a canonical id from a fixed vocabulary, value, upper, unit and qualifier.
//
// The statement is found by scoring every sentence that names a target (预期目标, 主要目标, 调控目标,
// 计划增长, 增长预期为): the year's own statement names 今年 or the report's year and a figure; the five-year
// goals paragraph (十五五, 2030) and the review's 高于预期目标 are scored down. Figures come from the
// quantity stage (ranges, qualifiers, units); this pass only cuts the statement into clauses and names
// what each figure measures.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "report/internal.h"
#include "text/breaks.h"
#include "text/char_class.h"
#include "text/lexicon.h"
#include "text/utf8.h"
#include "wenshu/quantity.h"
#include "wenshu/report.h"

namespace wenshu::report_internal {
namespace {

// Words that open a statement of targets. Longest first is not needed: each is matched where it ends.
constexpr std::string_view kTriggers[] = {"主要预期目标", "预期目标", "主要目标", "调控目标", "主要指标",
                                          "增长预期", "计划增长", "预定增长", "计划要求"};
// Context that marks a multi-year goal (the 十五五 paragraph) rather than the year's targets.
constexpr std::string_view kLongTermWords[] = {"十五五", "十四五", "十三五", "十二五", "十一五", "五年",
                                               "2030年", "2035年", "远景", "规划期", "时期", "年均"};
// Context that marks a result reported for the past: 高于预期目标, 完成了主要目标.
constexpr std::string_view kPastWords[] = {"完成", "实现了", "超过", "好于", "高于", "低于", "略低于",
                                           "超额", "达到了", "圆满", "顺利", "基本实现", "主要目标任务"};
// Scores (see FindStatement): a colon right after the trigger, the year named, a long-term goal, a result.
constexpr int kScoreColon = 3;
constexpr int kScoreThisYear = 2;
constexpr int kScoreLongTerm = -5;
constexpr int kScorePast = -5;
constexpr int kScoreMinimum = 1;
// A trigger and its colon may be split over lines (主要预期目标\n是：…): at most this many bytes of the
// trigger's line after it, then the statement continues on the next line.
constexpr size_t kSplitTriggerTail = 12;
// How far before the statement a year is taken as the statement's when the heading names none: the plan
// part opens with it (2026年是“十五五”开局之年) a paragraph or two before the targets.
constexpr size_t kYearContext = 3000;
// How far a sentence's start or end is looked for from a place inside it: the longest sentence of the 72
// national reports (between 。！？ and line breaks) is 1,245 bytes, their longest line 3,765. A run-on text
// with a trigger in every clause walked to the text's start and end from each one (quadratic: 128 KiB of
// 主要预期目标为增长5%， took 2.1 s, 512 KiB 33.5 s, 2026-12-03); a sentence longer than this is cut here.
constexpr size_t kSentenceWindowBytes = 4096;
// How far a statement set out over several sentences runs past its start: a line, as above, with room.
constexpr size_t kStatementWindowBytes = 4 * kSentenceWindowBytes;
// Sentence openers that refer back to the targets (这些目标, 上述预期目标): the statement ended before.
constexpr std::string_view kRestatingOpeners[] = {"这", "上述", "以上", "提出", "确定", "实现", "完成上述",
                                                  "完成以上", "完成全年", "完成今年", "为实现", "围绕",
                                                  "做好", "重点", "今年要", "具体", "综合考虑", "经济增长预期",
                                                  "经济增速预期"};
// Clauses that are not targets: the standard encouragement after the growth target (在实际工作中努力
//争取更好结果, 力争更好结果): any clause with these words, or opening with the next list.
constexpr std::string_view kNotTargets[] = {"更好结果", "更好的结果", "更好水平", "更优水平", "更好成绩"};
constexpr std::string_view kNotTargetOpeners[] = {"在实际工作中", "实际工作中", "力争", "努力", "争取"};
// A qualitative target states an aim for a measure (同步, 完成…任务, 只增不减, 保持稳定); a clause without
// one of these is commentary (加快构建优势, 对标全国全力消减差距).
constexpr std::string_view kOtherAims[] = {"同步", "完成", "下达", "高于", "低于", "快于", "保持", "稳定", "改善",
                                          "平衡", "合理", "只增不减", "达到", "控制", "回升", "持续", "进一步"};
constexpr auto kQualitativeAims = text::lexicon::Join(
    text::lexicon::PickChangeVerbs({"增长", "下降", "提升", "提高", "降低", "减少", "增加"}), kOtherAims);
// A qualitative target's indicator ends where the comparison starts (全员劳动生产率增速高于…).
constexpr std::string_view kComparisons[] = {"高于", "低于", "快于", "与", "和", "同步", "完成", "达到"};
// Words between an indicator and its figure that belong to neither.
constexpr std::string_view kLinkWords[] = {"控制在", "稳定在", "保持在", "维持在", "提高到", "提升到", "下降到",
                                           "降低到", "降至", "增至", "达到", "达", "为", "在", "按", "全年",
                                           "定为", "约", "大约", "不低于", "不超过", "不高于", "不少于",
                                           "超过", "低于", "高于", "继续保持", "保持", "稳定"};
constexpr std::string_view kScopeWords[] = {"全省", "全市", "全区", "全国", "今年", "其中", "同时",
                                            "全自治区", "本市", "全年"};
constexpr std::string_view kQualifierWords[] = {"左右", "以上", "以内", "以下", "不低于", "不超过", "超过",
                                                "不高于", "不少于", "上下", "约", "高于", "低于"};
constexpr std::string_view kCapQualifiers[] = {"以内", "以下", "不超过", "不高于", "低于"};

bool StartsWithAt(std::string_view text, size_t pos, std::string_view w) {
  return pos <= text.size() && text.substr(pos, w.size()) == w;
}
bool EndsWithAt(std::string_view text, size_t end, std::string_view w) {
  return end >= w.size() && end <= text.size() && text.substr(end - w.size(), w.size()) == w;
}
bool ContainsAny(std::string_view s, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}
template <size_t N>
bool InList(std::string_view s, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), s) != std::end(words);
}

constexpr text::BreakSet kTargetSentenceEnds = text::kCjkSentenceEnds | text::kLineFeed;
bool IsSentenceEnd(char32_t c) { return text::IsBreak(c, kTargetSentenceEnds); }
bool IsClauseEnd(char32_t c) { return text::IsBreak(c, kTargetSentenceEnds | text::kCommas | text::kSemicolons); }
bool IsNumeralStart(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') ||
         std::u32string_view(U"零一二两三四五六七八九十百").find(c) != std::u32string_view::npos;
}

// The canonical vocabulary (docs/schema.md): the first rule whose words the indicator contains.
struct CanonicalRule {
  std::string_view id;
  std::initializer_list<std::string_view> any;   // one of these
  std::initializer_list<std::string_view> also;  // and (when not empty) one of these
};
const CanonicalRule kCanonicalRules[] = {
    // Not the region's own measure: 消费对经济增长的贡献率, 世界经济增速, 国内生产总值每增长1个百分点.
    {"other", {"贡献率", "世界经济", "全球经济", "每增长"}, {}},
    {"rd_intensity", {"研发", "研究与试验发展", "R&D"}, {"强度", "比例", "比重", "相当于", "占", "之比"}},
    // A share is a share, not the growth of what it is a share of: 某产业增加值占规上工业比重 is not industrial
    // growth, 某类项目占新增能耗比重 not energy intensity, 某产业占地区生产总值比重 not GDP growth. So the share
    // rule comes before every subject rule a share's wording can name (only R&D intensity, itself a share,
    // is read before it; 非化石能源占能源消费比重 is a share too). On both corpora this order changes 8
    // provincial targets (all read: each a share or a sector's output) and no national one.
    {"other", {"比重", "占地区生产总值", "占国内生产总值", "占全省", "占全市"}, {}},
    {"carbon_intensity", {"二氧化碳", "碳排放", "降碳"}, {}},
    {"energy_intensity", {"能耗", "能源消耗", "能源消费"}, {}},
    {"pm25", {"细颗粒物", "PM2.5", "PM2．5"}, {}},
    {"rd_spending_growth", {"研发", "研究与试验发展", "R&D"}, {}},
    {"urbanization_rate", {"城镇化率"}, {}},
    {"cpi", {"居民消费价格", "CPI", "物价", "价格总水平", "零售价格", "消费价格"}, {}},
    {"urban_unemployment_surveyed", {"调查失业率"}, {}},
    {"urban_unemployment_registered", {"登记失业率"}, {}},
    {"urban_new_jobs", {"新增就业"}, {}},
    {"fiscal_deficit_ratio", {"赤字率"}, {}},
    {"m2_growth", {"M2", "广义货币"}, {}},
    {"poverty_reduction", {"贫困人口", "脱贫"}, {}},
    {"grain_output", {"粮食"}, {}},
    {"primary_industry_growth", {"一产", "第一产业"}, {}},
    {"secondary_industry_growth", {"二产", "第二产业"}, {}},
    {"tertiary_industry_growth", {"三产", "第三产业", "服务业增加值"}, {}},
    {"industrial_value_added_growth", {"工业增加值", "规上工业", "规模工业", "工业生产"}, {}},
    {"fixed_asset_investment_growth", {"固定资产投资"}, {}},
    {"retail_sales_growth", {"社会消费品零售", "社会商品零售", "社零"}, {}},
    {"foreign_trade_growth", {"进出口", "外贸", "对外贸易"}, {}},
    {"fiscal_revenue_growth", {"公共预算收入", "财政收入"}, {}},
    {"urban_income_growth", {"城镇", "城市"}, {"收入"}},
    {"rural_income_growth", {"农村", "农民", "农牧民"}, {"收入"}},
    {"resident_income_growth", {"收入"}, {"居民", "人均"}},
    // A sector's output is not the region's GDP: the only sector prefixes of 生产总值 in both corpora (every
    // two characters before it, counted) are 海洋 (6), 农业 (5) and 工业 (2, read by the industrial rule).
    {"other", {"海洋生产总值", "农业生产总值"}, {}},
    {"gdp_growth", {"生产总值", "GDP", "经济增长", "经济增速", "经济增长速度", "国民收入"}, {}},
};

}  // namespace

std::string_view CanonicalId(std::string_view indicator) {
  for (const CanonicalRule& r : kCanonicalRules) {
    bool any = false;
    for (std::string_view w : r.any) any |= indicator.find(w) != std::string_view::npos;
    if (!any) continue;
    bool also = r.also.size() == 0;
    for (std::string_view w : r.also) also |= indicator.find(w) != std::string_view::npos;
    if (also) return r.id;
  }
  return "other";
}

std::string_view FindCanonicalId(std::string_view id) {
  for (const CanonicalRule& r : kCanonicalRules) {
    if (r.id == id) return r.id;  // "other" is one of the rules' ids
  }
  return {};
}

namespace {

struct Statement {
  size_t begin = 0, end = 0;   // the figures and clauses, after the trigger's colon
  size_t lead_begin = 0;       // the sentence before the trigger (its indicator when the text after has none)
  size_t trigger_begin = 0;
};

class TargetReader {
 public:
  TargetReader(std::string_view text, const Facts& facts, const SectionOutline& outline, std::optional<int> year,
               text_internal::CancelPoll* cancel)
      : text_(text), facts_(facts), outline_(outline), year_(year), cancel_(cancel) {}

  std::vector<Target> Read() {
    std::vector<Target> out;
    std::optional<Statement> st = FindStatement();
    if (!st || (cancel_ != nullptr && cancel_->cancelled())) return out;
    if (!year_) {
      // No year in the heading: the year of the delivery date (——2026年1月25日在…大会上), else the latest
      // year the text names shortly before the statement (2026年是…开局之年).
      for (const DateFact& d : facts_.dates) {
        if (d.span.begin >= st->trigger_begin) break;
        if (d.year && d.month && d.day && (!year_ || *d.year > *year_)) year_ = d.year;
      }
      for (const DateFact& d : facts_.dates) {
        if (year_) break;
        if (d.span.begin >= st->trigger_begin) break;
        if (d.year && d.span.begin + kYearContext >= st->trigger_begin && (!year_ || *d.year > *year_)) {
          year_ = d.year;
        }
      }
    }
    ReadStatement(*st, &out);
    return out;
  }

 private:
  char32_t At(size_t pos, size_t* len) const {
    if (pos >= text_.size()) {
      *len = 0;
      return 0;
    }
    const text::Char c = text::CharAt(text_, pos);
    *len = c.length;
    return c.value;
  }
  // The start of the sentence containing pos (after 。 or a line break).
  size_t SentenceBegin(size_t pos) const {
    size_t p = pos;
    const size_t limit = pos > kSentenceWindowBytes ? pos - kSentenceWindowBytes : 0;
    while (p > limit) {
      const size_t q = text::AlignToCharStart(text_, p - 1);
      size_t len;
      if (IsSentenceEnd(At(q, &len))) break;
      p = q;
    }
    return p;
  }
  size_t SentenceEnd(size_t pos) const {
    size_t p = pos;
    const size_t limit = std::min(text_.size(), pos + kSentenceWindowBytes);
    while (p < limit) {
      size_t len;
      char32_t c = At(p, &len);
      if (IsSentenceEnd(c)) return c == U'\n' ? p : p + len;
      p += len ? len : 1;
    }
    return p;
  }
  // Whether a change, or a percentage or a figure with a unit, lies inside [begin, end): a binary search
  // in figure_spans_ (by begin, with the least end from each one on), not a scan of every fact for every
  // trigger (quadratic on a text of triggers and figures). The index is built at the first question: a
  // text without a trigger (most long run-on texts of figures) never holds it, and it was the peak of
  // Parse on a run-on enumeration of changes (2.1x the document as 24-byte entries; bench/memory_bench).
  bool HasFigure(size_t begin, size_t end) const {
    if (!figure_spans_indexed_) {
      figure_spans_ = IndexFigures();
      figure_spans_indexed_ = true;
    }
    const auto first = std::lower_bound(figure_spans_.begin(), figure_spans_.end(), begin,
                                        [](const FigureSpan& f, size_t b) { return f.begin < b; });
    return first != figure_spans_.end() && first->least_end_after <= end;
  }
  // A fact's span is a CompactSpan (32-bit offsets, wenshu/span.h): 12 bytes an entry instead of 24.
  struct FigureSpan {
    uint32_t begin, end;
    uint32_t least_end_after;  // the least end of this and every later figure span
  };
  std::vector<FigureSpan> IndexFigures() const {
    std::vector<FigureSpan> spans;
    size_t count = facts_.changes.size();
    for (const Quantity& q : facts_.quantities) count += q.kind == QuantityKind::kPercent || !q.unit.empty();
    spans.reserve(count);
    const auto add = [&](const CompactSpan& s) { spans.push_back({s.begin, s.end, 0}); };
    for (const Change& c : facts_.changes) add(c.span);
    for (const Quantity& q : facts_.quantities) {
      if (q.kind == QuantityKind::kPercent || !q.unit.empty()) add(q.span);
    }
    std::sort(spans.begin(), spans.end(), [](const FigureSpan& a, const FigureSpan& b) { return a.begin < b.begin; });
    uint32_t least = UINT32_MAX;
    for (size_t i = spans.size(); i-- > 0;) spans[i].least_end_after = least = std::min(least, spans[i].end);
    return spans;
  }

  std::optional<Statement> FindStatement() const {
    std::optional<Statement> best;
    int best_score = kScoreMinimum - 1;
    // 64 triggers read at most 64 x 8 KiB around them: ~2 ms between two polls.
    constexpr size_t kTriggersPerPoll = 64;
    size_t triggers_read = 0;
    const std::string year_word = year_ ? std::to_string(*year_) + "年" : std::string("\x01");
    for (std::string_view trigger : kTriggers) {
      for (size_t at = text_.find(trigger); at != std::string_view::npos; at = text_.find(trigger, at + 1)) {
        // Each trigger reads up to kSentenceWindowBytes each way: 10 MiB of triggers took ~10 s unpolled, and
        // a poll per 64 KiB of text (~2000 triggers) still 60 ms apart. Asked every kTriggersPerPoll.
        if (cancel_ != nullptr && ++triggers_read % kTriggersPerPoll == 0 && cancel_->Now()) return std::nullopt;
        size_t after = at + trigger.size();
        // 主要预期目标 also contains 预期目标: score each place once, from its longest trigger.
        if (trigger != kTriggers[0] && at >= 6 && StartsWithAt(text_, at - 6, "主要预期目标")) continue;
        size_t sentence = SentenceBegin(at);
        Statement st;
        st.trigger_begin = at;
        st.lead_begin = sentence;
        size_t p = after;
        // 是：/为：/定为/是 after the trigger.
        int score = 0;
        for (std::string_view w : {"是：", "为：", "是:", "为:", "定为", "是", "为"}) {
          if (StartsWithAt(text_, p, w)) {
            if (w.size() > 3) score += kScoreColon;
            p += w.size();
            break;
          }
        }
        if (StartsWithAt(text_, p, "\n") && p - after <= kSplitTriggerTail) {
          ++p;
          for (std::string_view w : {"是：", "为：", "是:", "为:"}) {
            if (StartsWithAt(text_, p, w)) {
              score += kScoreColon;
              p += w.size();
              break;
            }
          }
        }
        // The line break, looked for only as far as a split trigger's tail reaches (a search to the next
        // break from every trigger was quadratic on a text of triggers without one).
        const size_t tail_break = p < text_.size() ? text_.substr(p, kSplitTriggerTail + 1).find('\n')
                                                   : std::string_view::npos;
        if (tail_break != std::string_view::npos && p + tail_break < text_.size()) {
          const size_t line_end = p + tail_break;
          // 主要预期目标\n是：地区生产总值…
          size_t next = line_end + 1;
          for (std::string_view w : {"是：", "为：", "是:", "为:"}) {
            if (StartsWithAt(text_, next, w)) {
              score += kScoreColon;
              next += w.size();
              p = next;
              break;
            }
          }
        }
        // Blank lines and indents before a statement set out as its own paragraph (2010: 是：\n\n　　国内…).
        bool colon = score >= kScoreColon;
        while (colon && p < text_.size()) {
          size_t len;
          char32_t c = At(p, &len);
          if (c != U'\n' && !text::IsLineEdgeBlank(c)) break;
          p += len;
        }
        // 计划增长百分之八: the verb of the trigger is the figure's.
        if (trigger == "计划增长" || trigger == "预定增长") p = at + 6;
        if (StartsWithAt(text_, p, "，")) p += 3;  // 调控目标，定为百分之八至九
        st.begin = p;
        // A statement after a colon is a list and may run over several sentences; one told in prose
        // (今年经济增长的预期目标为7%左右) is its sentence.
        st.end = colon ? StatementEnd(p) : SentenceEnd(p);
        if (!HasFigure(st.begin, st.end)) continue;
        std::string_view lead = text_.substr(sentence, at - sentence);
        std::string_view before = text_.substr(sentence >= 240 ? sentence - 240 : 0, at - (sentence >= 240 ? sentence - 240 : 0));
        if (lead.find("今年") != std::string_view::npos || lead.find("本年") != std::string_view::npos ||
            lead.find(year_word) != std::string_view::npos) {
          score += kScoreThisYear;
        }
        if (ContainsAny(lead, kLongTermWords)) score += kScoreLongTerm;
        if (ContainsAny(lead, kPastWords) ||
            ContainsAny(text_.substr(after, std::min<size_t>(6, text_.size() - after)), kPastWords)) {
          score += kScorePast;
        }
        (void)before;
        if (score > best_score) {
          best_score = score;
          best = st;
        }
      }
    }
    return best;
  }

  // The statement runs from its start to the end of its sentence and on through following sentences
  // of the same paragraph, until one refers back to the targets (这些目标, 上述目标) or the paragraph ends.
  size_t StatementEnd(size_t begin) const {
    size_t end = SentenceEnd(begin);
    const size_t limit = std::min(text_.size(), begin + kStatementWindowBytes);
    while (end < limit) {
      size_t len;
      char32_t c = At(end, &len);
      if (c == U'\n' || c == 0) break;
      if (InListPrefix(end, kRestatingOpeners)) break;
      size_t next = SentenceEnd(end);
      std::string_view sentence = text_.substr(end, next - end);
      if (sentence.find("目标") != std::string_view::npos && !HasFigure(end, next) &&
          sentence.find("下达") == std::string_view::npos) {
        break;
      }
      end = next;
    }
    return end;
  }
  template <size_t N>
  bool InListPrefix(size_t pos, const std::string_view (&words)[N]) const {
    for (std::string_view w : words) {
      if (StartsWithAt(text_, pos, w)) return true;
    }
    return false;
  }

  struct Figure {
    size_t begin, end;       // the whole fact
    size_t number_begin;     // where the number (or its qualifier) starts
    const Change* change = nullptr;
    const Quantity* quantity = nullptr;
  };

  std::vector<Figure> FiguresIn(size_t begin, size_t end) const {
    std::vector<Figure> out;
    for (const Change& c : facts_.changes) {
      if (c.span.begin < begin || c.span.end > end) continue;
      Figure f{c.span.begin, c.span.end, c.span.begin, &c, nullptr};
      for (size_t p = c.span.begin; p < c.span.end;) {
        size_t len;
        char32_t ch = At(p, &len);
        if (IsNumeralStart(ch)) break;
        p += len ? len : 1;
        f.number_begin = p;
      }
      out.push_back(f);
    }
    for (const Quantity& q : facts_.quantities) {
      if (q.span.begin < begin || q.span.end > end) continue;
      if (q.kind != QuantityKind::kPercent && q.unit.empty()) continue;
      if (q.unit == "年") continue;
      out.push_back({q.span.begin, q.span.end, q.span.begin, nullptr, &q});
    }
    std::sort(out.begin(), out.end(), [](const Figure& a, const Figure& b) { return a.begin < b.begin; });
    return out;
  }

  // Trims scope words, links and punctuation from both ends of an indicator phrase.
  std::string_view TrimIndicator(size_t begin, size_t end, bool keep_links = false) const {
    bool changed = true;
    while (changed && begin < end) {
      changed = false;
      for (std::string_view w : kScopeWords) {
        if (StartsWithAt(text_, begin, w) && begin + w.size() <= end) {
          begin += w.size();
          changed = true;
        }
      }
      for (std::string_view w : {"、", "和", "与", "及", "，", "；", "：", " ", "的"}) {
        if (StartsWithAt(text_, begin, w) && begin + w.size() <= end) {
          begin += w.size();
          changed = true;
        }
      }
    }
    changed = true;
    while (changed && end > begin) {
      changed = false;
      size_t link = 0;  // the longest link word at the end (定为 before 为)
      for (std::string_view w : kLinkWords) {
        if (!keep_links && w.size() > link && EndsWithAt(text_, end, w) && end - w.size() >= begin) link = w.size();
      }
      if (link > 0) {
        end -= link;
        changed = true;
      }
      for (std::string_view w : {"、", "，", " ", "的"}) {
        if (EndsWithAt(text_, end, w) && end - w.size() >= begin) {
          end -= w.size();
          changed = true;
        }
      }
    }
    return text_.substr(begin, end - begin);
  }

  // 一产、二产、三产增加值 / 城镇、农村居民人均可支配收入 / 城乡居民… / 一二三产增加值: the n names.
  static std::vector<std::string> Distribute(std::string_view phrase, size_t n) {
    std::vector<std::string> items;
    size_t start = 0;
    for (size_t i = 0; i <= phrase.size();) {
      bool sep = false;
      size_t len = 0;
      for (std::string_view w : {"、", "和", "与", "及"}) {
        if (phrase.substr(i, w.size()) == w) {
          sep = true;
          len = w.size();
          break;
        }
      }
      if (i == phrase.size() || sep) {
        if (i > start) items.emplace_back(phrase.substr(start, i - start));
        if (i == phrase.size()) break;
        i += len;
        start = i;
        continue;
      }
      ++i;
    }
    auto with_tail = [&](std::vector<std::string> heads, std::string_view tail) {
      for (std::string& h : heads) h += tail;
      return heads;
    };
    if (items.size() == n && n >= 2) {
      // The last item carries the shared tail: 三产增加值 -> 增加值 after as many bytes as the first item.
      const size_t first = items.front().size();
      const std::string tail = items.back().size() > first ? items.back().substr(first) : std::string();
      for (size_t k = 0; k + 1 < n; ++k) {
        if (items[k].size() == first) items[k] += tail;
      }
      return items;
    }
    if (n == 2 && phrase.substr(0, 6) == "城乡") {
      return with_tail({"城镇", "农村"}, phrase.substr(6));
    }
    if (n == 3 && phrase.substr(0, 12) == "一二三产") {
      return with_tail({"一产", "二产", "三产"}, phrase.substr(12));
    }
    return std::vector<std::string>(n, std::string(phrase));
  }

  void ReadStatement(const Statement& st, std::vector<Target>* out) const {
    size_t clause = st.begin;
    std::string previous_indicator;
    while (clause < st.end) {
      size_t clause_end = clause;
      while (clause_end < st.end) {
        size_t len;
        char32_t c = At(clause_end, &len);
        if (IsClauseEnd(c)) break;
        clause_end += len ? len : 1;
      }
      ReadClause(st, clause, clause_end, &previous_indicator, out);
      size_t len;
      At(clause_end, &len);
      clause = clause_end + (len ? len : 1);
    }
  }

  Target Base(size_t begin, size_t end) const {
    Target t;
    t.text = std::string(text_.substr(begin, end - begin));
    t.span = Span{begin, end};
    t.year = year_;
    t.tier = "main";
    t.section = outline_.PathAt(begin);
    return t;
  }

  void ReadClause(const Statement& st, size_t begin, size_t end, std::string* previous_indicator,
                  std::vector<Target>* out) const {
    std::string_view clause = text_.substr(begin, end - begin);
    if (clause.empty()) return;
    std::vector<Figure> figures = FiguresIn(begin, end);
    if (figures.empty()) {
      // A qualitative target: 居民收入增长和经济增长同步, 完成国家下达任务.
      if (clause.size() < 4 * 3 || ContainsAny(clause, kNotTargets) || InListPrefix(begin, kNotTargetOpeners) ||
          !ContainsAny(clause, kQualitativeAims)) {
        return;
      }
      Target t = Base(begin, end);
      std::string_view indicator = TrimIndicator(begin, end, /*keep_links=*/true);
      t.indicator = std::string(indicator);
      size_t head = indicator.size();
      for (std::string_view w : kComparisons) {
        size_t at = indicator.find(w);
        if (at != std::string_view::npos && at > 0) head = std::min(head, at);
      }
      t.canonical = std::string(CanonicalId(indicator.substr(0, head)));
      t.kind = "qualitative";
      out->push_back(std::move(t));
      return;
    }
    if (ContainsAny(clause.substr(0, figures.front().begin - begin), kNotTargets) ||
        InListPrefix(begin, kNotTargetOpeners)) {
      return;
    }
    // 分别: the names before it are distributed over the figures in order.
    size_t respectively = clause.find("分别");
    std::vector<std::string> names;
    std::string verb;
    if (respectively != std::string_view::npos && figures.size() >= 2 &&
        begin + respectively < figures.front().number_begin) {
      std::string_view phrase = TrimIndicator(begin, begin + respectively);
      names = Distribute(phrase, figures.size());
      size_t verb_begin = begin + respectively + 6;
      verb = std::string(TrimIndicator(verb_begin, figures.front().number_begin));
    }
    size_t item = begin;
    for (size_t k = 0; k < figures.size(); ++k) {
      const Figure& f = figures[k];
      Target t = Base(k == 0 ? begin : item, f.end);
      std::string indicator;
      if (!names.empty()) {
        indicator = names[k] + verb;
        t.shared_indicator = true;
      } else {
        indicator = std::string(TrimIndicator(item, f.number_begin));
        // A bare verb (增长 after 计划) names nothing: the noun is before the trigger.
        bool bare_verb = indicator.size() <= 2 * 3 && CanonicalId(indicator) == "other";
        if ((indicator.empty() || bare_verb) && k == 0 && begin <= st.begin + 6 && st.lead_begin < st.trigger_begin) {
          std::string verb_part = indicator;
          // 今年经济增长速度的宏观调控目标，定为百分之八至九: the indicator stands before the trigger, in
          // its clause, up to its last 的.
          size_t lead = st.lead_begin;
          for (size_t p = st.lead_begin; p < st.trigger_begin;) {
            size_t len;
            char32_t c = At(p, &len);
            p += len ? len : 1;
            if (IsClauseEnd(c) || c == U'：') lead = p;
          }
          std::string_view phrase = text_.substr(lead, st.trigger_begin - lead);
          size_t de = phrase.rfind("的");
          indicator = std::string(TrimIndicator(lead, st.trigger_begin));
          if (de != std::string_view::npos && de > 0) {
            // 经济增长速度的宏观: before the 的; 今年的经济: after it.
            std::string_view head = TrimIndicator(lead, lead + de);
            indicator = std::string(head.empty() ? TrimIndicator(lead + de + 3, st.trigger_begin) : head);
          }
          if (StartsWithAt(text_, st.trigger_begin, "增长")) indicator += "增长";
          if (bare_verb) indicator += verb_part;
        }
        if (indicator.empty()) {
          indicator = *previous_indicator;
          t.shared_indicator = true;
        }
      }
      t.indicator = indicator;
      t.canonical = std::string(CanonicalId(indicator));
      Fill(f, &t);
      *previous_indicator = indicator;
      out->push_back(std::move(t));
      item = f.end;
    }
  }

  void Fill(const Figure& f, Target* t) const {
    const Qualifiers* qualifiers;
    if (f.change != nullptr) {
      const Change& c = *f.change;
      t->value = c.value;
      t->upper = c.upper;
      if (!c.unit.empty()) t->unit = c.unit;
      t->kind = c.direction == ChangeDirection::kIncrease ? "growth" : "reduction";
      t->shared_qualifier = c.shared_qualifier;
      qualifiers = &c.qualifiers;
    } else {
      const Quantity& q = *f.quantity;
      t->value = q.value;
      t->upper = q.upper;
      if (!q.unit.empty()) t->unit = q.unit;
      t->kind = "level";
      // 涨幅, 增速: a level that is a growth rate.
      static constexpr std::string_view kGrowthNouns[] = {"涨幅", "增幅", "增速"};
      static constexpr auto kGrowthWords =
          text::lexicon::Join(kGrowthNouns, text::lexicon::PickChangeVerbs({"增长", "上涨"}));
      for (std::string_view w : kGrowthWords) {
        if (t->indicator.find(w) != std::string::npos) t->kind = "growth";
      }
      qualifiers = &q.qualifiers;
    }
    for (const std::string& w : *qualifiers) {
      if (InList(w, kQualifierWords)) {
        t->qualifier = w;
        break;
      }
    }
    if (t->qualifier && InList(*t->qualifier, kCapQualifiers) && t->kind != "reduction") t->kind = "cap";
  }

  std::string_view text_;
  const Facts& facts_;
  const SectionOutline& outline_;
  std::optional<int> year_;
  mutable std::vector<FigureSpan> figure_spans_;  // built from facts_ by HasFigure's first call
  mutable bool figure_spans_indexed_ = false;
  text_internal::CancelPoll* cancel_;
};

// Heading words of each role, tried in this order: a heading naming both (回顾2025年工作和2026年工作安排)
// is read by its first match in the list order below, problems first (存在的问题和不足).
constexpr std::string_view kProblemWords[] = {"问题", "不足", "困难和挑战", "困难", "挑战", "差距"};
constexpr std::string_view kPlanWords[] = {"工作安排", "总体要求", "主要预期目标", "重点任务", "主要任务", "打算",
                                           "工作思路", "工作计划", "今年", "明年", "下半年", "重点工作", "目标任务",
                                           "总体部署", "工作任务", "政府工作的建议", "安排", "计划"};
constexpr std::string_view kReviewWords[] = {"回顾", "过去一年", "过去五年", "过去的一年", "主要成绩", "成就",
                                             "工作总结", "取得的成绩", "成效", "完成情况", "上半年工作"};

}  // namespace

std::string_view SectionRole(std::string_view heading) {
  if (ContainsAny(heading, kProblemWords)) return "problems";
  if (ContainsAny(heading, kReviewWords)) return "review";
  if (ContainsAny(heading, kPlanWords)) return "plan";
  return "other";
}

std::vector<Target> ReadTargets(std::string_view text, const Facts& facts, const SectionOutline& outline,
                                std::optional<int> year, text_internal::CancelPoll* cancel) {
  return TargetReader(text, facts, outline, year, cancel).Read();
}

namespace {

// The first qualifier of a fact that a target keeps (左右, 以上 ...), and whether it bounds from above.
std::optional<std::string> TargetQualifier(const std::vector<std::string>& qualifiers) {
  for (const std::string& w : qualifiers) {
    if (InList(w, kQualifierWords)) return w;
  }
  return std::nullopt;
}

// Whether a plan figure's unit fits its indicator: a growth or a rate in % (or points), jobs and people
// in 人, grain in a weight, PM2.5 in 微克/立方米. A figure that does not fit measures something else
// (外贸实绩企业突破9500家 is a count of firms, 人均地区生产总值10万元 a level in 元).
bool UnitFits(std::string_view canonical, std::string_view unit, bool percent) {
  if (canonical == "urban_new_jobs" || canonical == "poverty_reduction") return unit == "人";
  if (canonical == "grain_output") return unit == "斤" || unit == "吨" || unit == "公斤" || unit == "千克";
  if (canonical == "pm25") return unit == "微克/立方米";
  return percent || unit == "%" || unit == "个百分点";
}

// How far back in its sentence a plan figure's year is looked for (as the fact roles: 160 bytes).
constexpr size_t kPlanYearLookBack = 160;

}  // namespace

void AddPlanTargets(std::string_view text, const Facts& facts, const SectionOutline& outline,
                    std::optional<int> year, std::vector<Target>* targets) {
  const size_t main_count = targets->size();
  auto in_main = [&](Span s) {
    for (size_t i = 0; i < main_count; ++i) {
      if ((*targets)[i].span.begin <= s.begin && s.end <= (*targets)[i].span.end) return true;
    }
    return false;
  };
  // The year a figure is for: a later year named shortly before it in its sentence (到2030年), else the
  // report's.
  auto year_of = [&](Span s) {
    std::optional<int> y = year;
    const size_t from = s.begin > kPlanYearLookBack ? s.begin - kPlanYearLookBack : 0;
    auto it = std::lower_bound(facts.dates.begin(), facts.dates.end(), s.begin,
                               [](const DateFact& d, size_t pos) { return d.span.begin < pos; });
    while (it != facts.dates.begin()) {
      --it;
      if (it->span.begin < from) break;
      const std::string_view between = text.substr(it->span.end, s.begin - std::min(s.begin, it->span.end));
      if (between.find("。") != std::string_view::npos || between.find('\n') != std::string_view::npos) break;
      if (it->year && !it->year_masked && (!y || *it->year > *y)) return std::optional<int>(it->year);
    }
    return y;
  };
  auto base = [&](Span s, std::string_view fact_text, std::string_view subject) {
    Target t;
    t.indicator = std::string(subject);
    t.canonical = std::string(CanonicalId(subject));
    t.text = std::string(fact_text);
    t.span = s;
    // A yearly average (年均增长5%) is a goal for a period, not one year.
    t.year = subject.find("年均") != std::string_view::npos ? std::nullopt : year_of(s);
    t.tier = "plan";
    t.section = outline.PathAt(s.begin);
    return t;
  };
  for (const Change& c : facts.changes) {
    if (c.role != "target" || c.subject.empty() || CanonicalId(c.subject) == "other" || in_main(c.span) ||
        !UnitFits(CanonicalId(c.subject), c.unit, false)) {
      continue;
    }
    Target t = base(c.span, c.text, c.subject);
    t.value = c.value;
    t.upper = c.upper;
    if (!c.unit.empty()) t.unit = c.unit;
    t.kind = c.direction == ChangeDirection::kIncrease ? "growth" : "reduction";
    t.qualifier = TargetQualifier(c.qualifiers);
    t.shared_qualifier = c.shared_qualifier;
    if (t.qualifier && InList(*t.qualifier, kCapQualifiers) && t.kind != "reduction") t.kind = "cap";
    targets->push_back(std::move(t));
  }
  for (const Quantity& q : facts.quantities) {
    if (q.role != "target" || q.subject.empty() || CanonicalId(q.subject) == "other" ||
        in_main(q.span) || (q.kind != QuantityKind::kPercent && q.unit.empty()) ||
        !UnitFits(CanonicalId(q.subject), q.unit, q.kind == QuantityKind::kPercent)) {
      continue;
    }
    // A figure inside a change (增长5%'s 5%) is the change's.
    bool inside_change = false;
    for (const Change& c : facts.changes) inside_change |= c.span.begin <= q.span.begin && q.span.end <= c.span.end;
    if (inside_change) continue;
    Target t = base(q.span, q.text, q.subject);
    t.value = q.value;
    t.upper = q.upper;
    if (!q.unit.empty()) t.unit = q.unit;
    t.kind = "level";
    t.qualifier = TargetQualifier(q.qualifiers);
    if (t.qualifier && InList(*t.qualifier, kCapQualifiers)) t.kind = "cap";
    targets->push_back(std::move(t));
  }
  std::stable_sort(targets->begin(), targets->end(),
                   [](const Target& a, const Target& b) { return a.span.begin < b.span.begin; });
}

}  // namespace wenshu::report_internal
