// ExtractFacts: quantities with units, subjects and parts; year-on-year changes; dates and periods.
//
// One left-to-right pass finds dates, numbers, units, qualifiers and change phrases, keeping only a
// little state (open parentheses, the total a 其中 list refers to, the change list being continued).
// A second pass over the (few) facts binds changes to the figures they change.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "quantity/facts_internal.h"
#include "quantity/numeral.h"
#include "quantity/units.h"
#include "quantity/words.h"
#include "text/breaks.h"
#include "text/cancel.h"
#include "text/char_class.h"
#include "text/lexicon.h"
#include "wenshu/quantity.h"

namespace wenshu {

std::string_view QuantityKindName(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kCount: return "count";
    case QuantityKind::kMoney: return "money";
    case QuantityKind::kPercent: return "percent";
    case QuantityKind::kPercentagePoint: return "percentage_point";
    case QuantityKind::kMeasure: return "measure";
    case QuantityKind::kPlain: return "plain";
  }
  return "plain";
}

std::string_view ChangeDirectionName(ChangeDirection direction) {
  return direction == ChangeDirection::kIncrease ? "increase" : "decrease";
}

namespace {

using namespace quantity_internal;  // NOLINT: the stage's own helpers

// Words before a figure that qualify it: 约30万人, 近千人次, 超过1000元.
constexpr std::string_view kQualifiersBefore[] = {"约", "大约", "近", "将近", "接近", "超过", "逾", "不到",
                                                  "不足", "高达", "多达", "仅", "至少", "最多", "不低于",
                                                  "不超过", "不高于", "不少于", "不多于", "低于", "高于"};
// Qualifiers that make a figure approximate or a bound (达 and 仅 do not).
constexpr std::string_view kApproximating[] = {"约", "大约", "近", "将近", "接近", "超过", "逾", "不到",
                                               "不足", "至少", "最多", "余", "多", "以上", "左右", "以下",
                                               "以内", "上下", "几", "余万", "多万", "不低于", "不超过",
                                               "不高于", "不少于", "不多于", "低于", "高于"};
constexpr std::string_view kQualifiersBetween[] = {"余", "多"};  // 4500余户, 30多个
constexpr std::string_view kQualifiersAfter[] = {"以上", "左右", "以下", "以内", "上下", "余", "多"};

// The change verbs, two characters and one (matched longest first, so their order is free).
constexpr auto kIncreaseVerbs = text::lexicon::Join(text::lexicon::kIncreaseVerbs, text::lexicon::kIncreaseChars);
constexpr auto kDecreaseVerbs = text::lexicon::Join(text::lexicon::kDecreaseVerbs, text::lexicon::kDecreaseChars);

// Words after which the counted noun phrase is on the right: 为19名困难群众, 新建2个社区.
constexpr std::string_view kSubjectStops[] = {
    "有", "现有", "共有", "拥有", "共", "共计", "合计", "总计", "累计", "计", "达", "达到", "到达", "为", "是",
    "其中", "发放", "提供", "实施", "解决", "安置", "接受", "完成", "新建", "建成", "建立", "组织", "举办",
    "开展", "参加", "享受", "涉及", "包括", "占", "增加", "减少", "了", "约", "近", "超过", "帮助", "培训",
    "慰问", "走访", "接待", "打造", "实行", "命名", "举行", "召开", "出台", "制定", "引进", "签约", "筹集",
    "募集", "落实", "争取", "下达", "拨付", "征收", "查处", "办理", "受理", "调解", "培养", "吸纳", "带动",
    "覆盖", "惠及", "实现", "增长到", "增加到", "提高到", "提升到", "下降到", "降低到", "扩大到", "降至",
    "增至", "提高至", "达到了",
};
// The stops that are copulas: the subject is the noun phrase before them (安置率为92, 教师共50人).
constexpr std::string_view kCopulas[] = {"为", "是", "达", "达到", "到达", "了", "共", "共计", "合计",
                                         "总计", "累计", "计", "约", "近", "超过", "占", "完成", "实现",
                                         "增长到", "增加到", "提高到", "提升到", "下降到", "降低到", "扩大到",
                                         "降至", "增至", "提高至", "达到了"};
// Verbs a target puts between its indicator and its figure (失业率控制在5.5%, 粮食产量稳定在1300万吨,
// 地区生产总值按增长5%安排): not part of the subject.
constexpr std::string_view kSubjectTrailingVerbs[] = {"控制在", "稳定在", "保持在", "维持在", "稳定", "保持",
                                                      "控制", "按", "力争", "争取", "确保", "全年"};
// Where a forward subject (after the unit) ends.
constexpr std::string_view kForwardStops[] = {
    "发放", "提供", "实施", "享受", "参加", "进行", "开展", "完成", "接受", "解决", "的", "在", "为", "和",
    "与", "及", "已", "将", "实行", "用于", "被", "得到", "获得", "参与", "实现", "通过", "开学", "启动", "就读", "入学",
    "转学", "表示", "举办", "组织", "增加", "减少", "增长", "提高", "下降", "降低", "扩大", "拓展", "达到", "到"};
// Administrative prefixes that are not part of what is counted.
constexpr std::string_view kScopePrefixes[] = {"全区", "全市", "全县", "全省", "全镇", "全乡", "全国", "辖区",
                                               "我区", "我市", "我县", "我省", "本区", "本市", "区内", "市内"};

constexpr std::string_view kDashes[] = {"-", "--", "—", "——", "–", "～", "~", "－", "至", "到"};

// Where a fact's sentence ends: the sentence ends, semicolons and a line feed (a colon or comma goes on).
bool IsSentenceEnd(char32_t c) { return text::IsBreak(c, text::kSentenceEnds | text::kSemicolons | text::kLineFeed); }

// Where a fact's phrase ends: every clause break, and the brackets, quotes and blanks around a phrase.
bool IsClauseBoundary(char32_t c) {
  if (text::IsBreak(c, text::kClauseBreaks | text::kOpenParens)) return true;
  switch (c) {
    case U'）': case U')': case U'“': case U'”': case U'"': case U'《': case U'》':
    case U'\t': case U' ': case U'[': case U']': case U'【': case U'】':
    case U'〔': case U'〕': case U'〞': case U'〝':
    case U'‘': case U'’': case U'「': case U'」': case 0x3000:
      return true;
    default:
      return false;
  }
}

bool IsOpenParen(char32_t c) { return c == U'(' || c == U'（'; }
bool IsCloseParen(char32_t c) { return c == U')' || c == U'）'; }


// How many figures before a change group BindChanges looks at (beyond one per change in the group).
// On the 72 national reports and every fixture a change binds to a figure at most 3 candidates back and
// no sentence holds more than 9 candidates before a change; 32 leaves room and keeps a run-on sentence
// of thousands of figures linear.
constexpr size_t kBindWindow = 32;

struct ChangeGroup {
  size_t first_change = 0;  // index into Facts::changes
  size_t count = 0;
  bool respectively = false;  // 分别: bind in order to the figures before
  int sentence = 0;
};

// Every figure and every change is read from one number of its own (HandleNumber gives one or the
// other), and every number holds a digit or a numeral: the runs of digits and numerals bound how many
// of either a text has. Reserving that many spares the fact vectors their doubling, which held the
// old and the new array at once (with the vectors' spare halves, the peak of Parse on prose and on
// figures: bench/memory_bench); capacity never written to is address space, not resident memory.
size_t CountNumeralRuns(std::string_view text) {
  size_t runs = 0;
  bool in_run = false;
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    bool numeral;
    if (b < 0x80) {
      numeral = b >= '0' && b <= '9';
      ++pos;
    } else {
      size_t len;
      const char32_t c = DecodeAt(text, pos, &len);
      numeral = text::IsDigit(c) || text::IsCjkNumeral(c);
      pos += std::max<size_t>(len, 1);
    }
    if (numeral && !in_run) ++runs;
    in_run = numeral;
  }
  return runs;
}

// The reservation is skipped when it would exceed this many bytes per byte of text (a text of nothing
// but bare digits, 1,2,3,...): the one-per-number bound is then far above what the facts take. Measured
// when sizeof(Quantity) + sizeof(Change) was 608 bytes (264 now: scale by 0.43), the 72 national reports
// reserved 4.4 bytes per byte on average (13 at most), memory_bench's prose 14, its text of nothing but
// figures 44.
constexpr size_t kMaxReservedBytesPerTextByte = 64;

class Extractor {
 public:
  Extractor(std::string_view text, const FactOptions& options)
      : text_(text), cancel_(options.cancelled), masked_years_(options.masked_year_spans) {
    // Sorted by begin with the running maximum of the ends, so that YearMasked is a binary search: a
    // scan of every masked year for every year read made a document full of masked years quadratic.
    std::sort(masked_years_.begin(), masked_years_.end(),
              [](Span a, Span b) { return a.begin < b.begin; });
    masked_max_end_.reserve(masked_years_.size());
    for (const Span& m : masked_years_) {
      masked_max_end_.push_back(std::max(m.end, masked_max_end_.empty() ? size_t{0} : masked_max_end_.back()));
    }
  }

  Facts Run() {
    const size_t numbers = CountNumeralRuns(text_);
    const size_t cap = kMaxReservedBytesPerTextByte * text_.size();
    if (numbers * (sizeof(Quantity) + sizeof(Change)) <= cap) {
      facts_.quantities.reserve(numbers);
      facts_.changes.reserve(numbers);
    } else if (numbers * sizeof(Quantity) <= cap) {
      // Numbers 4 bytes apart or closer (10 MiB of 1、: 2.6M quantities, no change; a change needs a verb
      // and its figure, so changes are few there): the quantities alone. Left to double, their vector's
      // last step moved 2.1M quantities and faulted in 537 MB at once, 0.84 s without a poll
      // (bench/cancel_latency markers_one_line); reserved, it holds 335 MB, less than the doubling did.
      facts_.quantities.reserve(numbers);
    }
    quantity_sentence_.reserve(facts_.quantities.capacity());
    size_t pos = 0;
    while (pos < text_.size()) {
      if (cancel_.At(pos)) {
        facts_.cancelled = true;
        return std::move(facts_);
      }
      unsigned char b = static_cast<unsigned char>(text_[pos]);
      if (b < 0x80 && !(b >= '0' && b <= '9') && b != '-' && b != '(' && b != ')' && b != ';' &&
          b != '\n' && b != '!' && b != '?') {
        ++pos;
        continue;
      }
      size_t len;
      char32_t c = DecodeAt(text_, pos, &len);
      if (IsSentenceEnd(c)) {
        EndSentence();
        pos += len;
        continue;
      }
      if (IsOpenParen(c)) {
        parens_.push_back(pos == last_quantity_end_ && last_quantity_ >= 0 ? last_quantity_ : -1);
        pos += len;
        continue;
      }
      if (IsCloseParen(c)) {
        if (!parens_.empty()) parens_.pop_back();
        pos += len;
        continue;
      }
      if (c == U'其' && text_.substr(pos, 6) == "其中") {
        qizhong_owner_ = last_top_quantity_;
        qizhong_depth_ = parens_.size();
        pos += 6;
        continue;
      }
      // (Asked first: the scan decodes each character once.)
      if (size_t end = MayOpenKeywordDate(c) ? TryKeywordDate(pos) : pos; end > pos) {
        pos = end;
        continue;
      }
      if (!MayStartNumber(c)) {
        pos += len;
        continue;
      }
      NumberMatch match;
      size_t next;
      if (FindNumberAt(text_, pos, &run_, &match, &next)) {
        size_t end = HandleNumber(match, run_);
        pos = std::max(end, next);
      } else {
        pos = std::max(next, pos + len);
      }
    }
    BindChanges();
    return std::move(facts_);
  }

  const quantity_internal::FactsWork& work() const { return work_; }

 private:
  // ---- small helpers ----
  char32_t At(size_t pos, size_t* len) const {
    if (pos >= text_.size()) {
      *len = 0;
      return 0;
    }
    return DecodeAt(text_, pos, len);
  }
  char32_t Before(size_t pos, size_t* len) const { return DecodeBefore(text_, pos, len); }
  bool StartsWith(size_t pos, std::string_view s) const { return text_.substr(pos, s.size()) == s; }
  // A view of the text, as the facts keep (wenshu/quantity.h).
  std::string_view Slice(size_t b, size_t e) const { return text_.substr(b, e - b); }

  void EndSentence() {
    ++sentence_;
    parens_.clear();
    qizhong_owner_ = -1;
    last_top_quantity_ = -1;
    continuation_end_ = std::string::npos;
  }

  // Whether a masked year overlaps span (Span::Overlaps): one begins before span ends and ends after it
  // begins, i.e. the largest end among those beginning before span.end is past span.begin.
  bool YearMasked(Span span) const {
    const auto first_after = std::lower_bound(masked_years_.begin(), masked_years_.end(), span.end,
                                              [](Span m, size_t end) { return m.begin < end; });
    const size_t before = static_cast<size_t>(first_after - masked_years_.begin());
    return before > 0 && masked_max_end_[before - 1] > span.begin;
  }

  // Reads a number at pos (Arabic or Chinese); returns its end, or pos when none.
  size_t ReadNumber(size_t pos, Decimal* value, bool* digit_by_digit = nullptr,
                    size_t* digits = nullptr, int* trailing_power = nullptr) {
    if (pos >= text_.size()) return pos;
    NumeralRun run;
    if (!LexNumeral(text_, pos, &run) || run.negative) return pos;
    size_t used;
    auto e = EvaluateLongestPrefix(run, &used);
    if (!e) return pos;
    *value = e->value;
    if (trailing_power) {
      // The multiplier that scales the whole number: 三十万 -> 4, 九百亿 -> 8, 万亿 -> 12, 3百 -> 2.
      *trailing_power = 0;
      for (size_t i = used; i-- > 0 && run.tokens[i].kind == NumeralTokenKind::kMultiplier;) {
        if (run.tokens[i].power < 4) {
          if (*trailing_power == 0) *trailing_power = run.tokens[i].power;
          break;
        }
        *trailing_power += run.tokens[i].power;
      }
    }
    if (digit_by_digit) *digit_by_digit = e->digit_by_digit;
    if (digits) {
      *digits = 0;
      for (size_t i = 0; i < used; ++i) {
        const NumeralToken& t = run.tokens[i];
        *digits += t.kind == NumeralTokenKind::kArabic ? static_cast<size_t>(t.arabic_digits) : 1;
      }
    }
    return run.tokens[used - 1].end;
  }

  static std::optional<int> SmallInt(const Decimal& v, int lo, int hi) {
    if (!v.is_integer() || v.is_negative()) return std::nullopt;
    double d = v.ToDouble();
    if (d < lo || d > hi) return std::nullopt;
    return static_cast<int>(d);
  }

  size_t MatchDash(size_t pos) const { return MatchWordAt(text_, pos, kDashes); }

  // ---- dates ----

  // Month (and optional day and part) at pos, as in "4月7日", "5月份", "4月中下旬". Returns the end.
  size_t ReadMonthDay(size_t pos, DatePoint* point, std::string* part) {
    Decimal v;
    size_t e = ReadNumber(pos, &v);
    if (e == pos) return pos;
    auto month = SmallInt(v, 1, 12);
    if (!month || !StartsWith(e, "月")) return pos;
    if (StartsWith(e, "月份")) {
      e += 6;
    } else {
      e += 3;
    }
    point->month = *month;
    size_t after_day = ReadDay(e, point, /*month_known=*/true);
    if (after_day > e) {
      e = after_day;
    } else {
      // A day range with the unit once: 4月12-19日.
      Decimal d0, d1;
      size_t a = ReadNumber(e, &d0);
      size_t dash = a > e ? MatchDash(a) : 0;
      size_t b = dash > 0 ? ReadNumber(a + dash, &d1) : a;
      auto first = SmallInt(d0, 1, 31), second = SmallInt(d1, 1, 31);
      if (dash > 0 && b > a + dash && first && second && *first < *second && StartsWith(b, "日")) {
        point->day = *first;
        DatePoint end;
        end.month = point->month;
        end.day = *second;
        inline_end_ = end;
        e = b + 3;
      }
    }
    e = ReadMonthPart(e, part);
    return e;
  }

  // A month range with the unit once, after a year: 2018年2——4月, 2019年1-五月.
  size_t ReadMonthRange(size_t pos, DatePoint* point) {
    Decimal m0, m1;
    size_t a = ReadNumber(pos, &m0);
    size_t dash = a > pos ? MatchDash(a) : 0;
    size_t b = dash > 0 ? ReadNumber(a + dash, &m1) : a;
    auto first = SmallInt(m0, 1, 12), second = SmallInt(m1, 1, 12);
    if (dash == 0 || b == a + dash || !first || !second || *first >= *second || !StartsWith(b, "月")) return pos;
    point->month = *first;
    DatePoint end;
    end.month = *second;
    inline_end_ = end;
    b += 3;
    if (StartsWith(b, "份")) b += 3;
    return b;
  }

  size_t ReadDay(size_t pos, DatePoint* point, bool month_known) {
    Decimal v;
    size_t e = ReadNumber(pos, &v);
    if (e == pos) return pos;
    auto day = SmallInt(v, 1, 31);
    if (!day) return pos;
    if (StartsWith(e, "日")) {
      point->day = *day;
      return e + 3;
    }
    if (month_known && (StartsWith(e, "号") || StartsWith(e, "號"))) {
      point->day = *day;
      return e + 3;
    }
    auto month_after_dash = [&]() {
      size_t dash = MatchDash(e);
      if (dash == 0) return true;
      Decimal m;
      size_t after = ReadNumber(e + dash, &m);
      return after > e + dash && StartsWith(after, "月");  // 1月3至2月10
    };
    if (month_known && MatchUnit(text_, e) == nullptr && month_after_dash()) {
      // 10月22出生, 四月十三: the day without 日, when nothing makes the number a count.
      size_t len;
      char32_t next = At(e, &len);
      if (next == 0 || (text::IsHan(next) && ChineseDigitValue(next) < 0 && MultiplierPower(next) < 0) ||
          next == U'，' || next == U'。' || next == U',' || next == U'至' || next == U'到') {
        point->day = *day;
        return e;
      }
    }
    return pos;
  }

  size_t ReadMonthPart(size_t pos, std::string* part) {
    static constexpr std::string_view kWords[] = {"上旬", "中旬", "下旬", "中下旬", "中上旬", "初", "底", "末", "中"};
    static constexpr std::string_view kParts[] = {"early", "mid", "late", "mid-late", "early-mid",
                                                  "early", "late", "late", "mid"};
    size_t best = 0, which = 0;
    for (size_t i = 0; i < std::size(kWords); ++i) {
      if (kWords[i].size() > best && StartsWith(pos, kWords[i])) {
        best = kWords[i].size();
        which = i;
      }
    }
    if (best == 0) return pos;
    // 中 alone only when it ends the phrase: 4月中 but not 4月中旬 (taken above) or 4月中国.
    if (kWords[which] == "中") {
      size_t len;
      char32_t next = At(pos + best, &len);
      if (!(IsClauseBoundary(next) || next == U'，' || next == 0)) return pos;
    }
    *part = std::string(kParts[which]);
    return pos + best;
  }

  // A part of the year after 年 or a relative year word: 上半年, 下半年, 第一季度, 一季度, 春季, 底.
  size_t ReadYearPart(size_t pos, std::string* part) {
    struct P { std::string_view word, part; };
    static constexpr P kParts[] = {
        {"上半年", "H1"}, {"下半年", "H2"}, {"第一季度", "Q1"}, {"第二季度", "Q2"}, {"第三季度", "Q3"},
        {"第四季度", "Q4"}, {"一季度", "Q1"}, {"二季度", "Q2"}, {"三季度", "Q3"}, {"四季度", "Q4"},
        {"1季度", "Q1"}, {"2季度", "Q2"}, {"3季度", "Q3"}, {"4季度", "Q4"}, {"前三季度", "Q1-Q3"},
        {"前两季度", "H1"}, {"春季", "spring"}, {"夏季", "summer"}, {"秋季", "autumn"}, {"冬季", "winter"},
        {"春", "spring"}, {"夏", "summer"}, {"秋", "autumn"}, {"冬", "winter"}, {"年初", "early"},
        {"年底", "late"}, {"年末", "late"}, {"初", "early"}, {"底", "late"}, {"末", "late"},
        {"全年", "year"}, {"度", "year"}};
    size_t best = 0;
    std::string_view which;
    for (const P& p : kParts) {
      if (p.word.size() > best && StartsWith(pos, p.word)) {
        best = p.word.size();
        which = p.part;
      }
    }
    if (best == 0) return pos;
    // A bare season character must not start a word: 2023年春节 is a holiday, 秋收 is not a season.
    if (best == 3 && (which == "spring" || which == "summer" || which == "autumn" || which == "winter")) {
      size_t len;
      char32_t next = At(pos + best, &len);
      if (next == U'节' || next == U'收' || next == U'耕' || next == U'播' || next == U'种') return pos;
    }
    *part = std::string(which);
    return pos + best;
  }

  void AddDate(size_t begin, size_t end, const DatePoint& start, const std::optional<DatePoint>& end_point,
               const std::string& part) {
    DateFact d;
    d.span = Span{begin, end};
    d.text = Slice(begin, end);
    d.year = start.year;
    d.month = start.month;
    d.day = start.day;
    d.year_masked = start.year_masked;
    d.relative_year = start.relative_year;
    d.end = end_point;
    d.part = part;
    facts_.dates.push_back(std::move(d));
    last_item_end_ = end;
  }

  // After a complete date at pos: "-29日", "至5月1日", "-5月份", "至2023年4月25日". Fills *end_point.
  size_t ReadDateRangeEnd(size_t pos, const DatePoint& start, std::optional<DatePoint>* end_point,
                          std::string* part) {
    size_t dash = MatchDash(pos);
    if (dash == 0) return pos;
    size_t p = pos + dash;
    DatePoint end;
    std::string end_part;
    size_t e = ReadFullDate(p, &end, &end_part);
    if (e == p) {
      // A bare day after a day: 5月21日-29日.
      if (start.day.has_value()) {
        e = ReadDay(p, &end, /*month_known=*/true);
        if (e == p) return pos;
      } else {
        return pos;
      }
    }
    // The end shares what it does not restate.
    if (!end.year && !end.year_masked) {
      end.year = start.year;
      end.year_masked = start.year_masked;
      end.relative_year = start.relative_year;
    }
    if (!end.month && end.day) end.month = start.month;
    *end_point = end;
    if (part->empty()) *part = end_part;
    return e;
  }

  // [year年][month月][day日] at pos; returns the end (pos when nothing).
  size_t ReadFullDate(size_t pos, DatePoint* point, std::string* part) {
    Decimal v;
    bool digit_by_digit = false;
    size_t digits = 0;
    size_t e = ReadNumber(pos, &v, &digit_by_digit, &digits);
    if (e == pos) return pos;
    if (StartsWith(e, "年") && digits == 4 && SmallInt(v, 1000, 2999)) {
      if (YearMasked(Span{pos, e})) {
        point->year_masked = true;
      } else {
        point->year = SmallInt(v, 1000, 2999);
      }
      size_t p = e + 3;
      size_t m = ReadMonthDay(p, point, part);
      if (m > p) return m;
      m = ReadMonthRange(p, point);
      if (m > p) {
        if (part->empty()) *part = "months";
        return m;
      }
      size_t q = ReadYearPart(p, part);
      return q;
    }
    return ReadMonthDay(pos, point, part);
  }

  // A date written with separators, year first: 2025-01-10, 2025/1/10, 2024.12.31 (one separator used
  // twice, ASCII digits, a real month and day); returns its end, or pos. Not when more digits or another
  // separated part follow (1.2.3.4, 2025-01-10-3: a version, an address, a code).
  size_t ReadSeparatedDate(size_t pos, DatePoint* point) {
    auto digit_at = [&](size_t at) { return at < text_.size() && text_[at] >= '0' && text_[at] <= '9'; };
    auto digits = [&](size_t at, size_t max, int* value) {
      size_t i = at;
      *value = 0;
      for (; i - at < max && digit_at(i); ++i) *value = *value * 10 + (text_[i] - '0');
      return i - at;
    };
    int year, month, day;
    if (digits(pos, 4, &year) != 4 || pos + 4 >= text_.size()) return pos;
    const char sep = text_[pos + 4];
    if (sep != '-' && sep != '/' && sep != '.') return pos;
    const size_t month_at = pos + 5;
    const size_t month_len = digits(month_at, 2, &month);
    if (month_len == 0 || month_at + month_len >= text_.size() || text_[month_at + month_len] != sep) return pos;
    const size_t day_at = month_at + month_len + 1;
    const size_t day_len = digits(day_at, 2, &day);
    const size_t end = day_at + day_len;
    if (day_len == 0 || year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) {
      return pos;
    }
    if (digit_at(end) || (end < text_.size() && text_[end] == sep && digit_at(end + 1))) return pos;
    if (YearMasked(Span{pos, pos + 4})) {
      point->year_masked = true;
    } else {
      point->year = year;
    }
    point->month = month;
    point->day = day;
    return end;
  }

  // A date that starts with the number at [begin, end): returns the end of the date, or begin.
  size_t TryNumericDate(size_t begin) {
    DatePoint point;
    std::string part;
    inline_end_.reset();
    if (size_t e = ReadSeparatedDate(begin, &point); e > begin) {
      AddDate(begin, e, point, std::nullopt, part);
      return e;
    }
    size_t e = ReadFullDate(begin, &point, &part);
    if (e > begin) {
      std::optional<DatePoint> end_point;
      size_t r = e;
      if (inline_end_) {
        end_point = inline_end_;
        if (!end_point->year && !end_point->year_masked) {
          end_point->year = point.year;
          end_point->year_masked = point.year_masked;
        }
        inline_end_.reset();
      } else {
        r = ReadDateRangeEnd(e, point, &end_point, &part);
      }
      AddDate(begin, r, point, end_point, part);
      return r;
    }
    // Month ranges with the unit once: 1—5月, 1-6月, 4至6月.
    Decimal v;
    size_t n = ReadNumber(begin, &v);
    if (n == begin) return begin;
    auto first = SmallInt(v, 1, 12);
    size_t dash = MatchDash(n);
    if (first && dash > 0) {
      Decimal w;
      size_t m = ReadNumber(n + dash, &w);
      auto second = SmallInt(w, 1, 12);
      if (m > n + dash && second && *second > *first && StartsWith(m, "月") && !StartsWith(m, "月份以")) {
        point.month = *first;
        DatePoint end;
        end.month = *second;
        size_t stop = m + 3;
        if (StartsWith(stop, "份")) stop += 3;
        AddDate(begin, stop, point, end, "months");
        return stop;
      }
    }
    // Days alone (28日) and quarters (一季度, 3季度).
    bool arabic = ArabicDigitValue(At(begin, &len_unused_)) >= 0;
    if (auto day = SmallInt(v, 1, 31); day && arabic && StartsWith(n, "日") && !StartsWith(n, "日元")) {
      point.day = *day;
      AddDate(begin, n + 3, point, std::nullopt, "");
      return n + 3;
    }
    if (auto q = SmallInt(v, 1, 4); q && StartsWith(n, "季度")) {
      AddDate(begin, n + 6, point, std::nullopt, "Q" + std::to_string(*q));
      return n + 6;
    }
    return begin;
  }

  // The first characters of the words TryKeywordDate reads.
  static bool MayOpenKeywordDate(char32_t c) {
    switch (c) {
      case U'上': case U'下': case U'今': case U'去': case U'明': case U'本': case U'春': case U'夏':
      case U'秋': case U'冬': case U'前': case U'第': case U'当':
        return true;
      default:
        return false;
    }
  }

  // Dates that start with a word: 上半年, 今年9月1日, 今秋, 春季, 前三季度.
  size_t TryKeywordDate(size_t pos) {
    size_t len;
    const char32_t c = At(pos, &len);
    if (!MayOpenKeywordDate(c)) return pos;
    DatePoint point;
    std::string part;
    size_t p = pos;
    struct R { std::string_view word; int offset; };
    static constexpr R kRelative[] = {{"今年", 0}, {"本年", 0}, {"当年", 0}, {"去年", -1}, {"上年", -1},
                                      {"明年", 1}, {"今", 0}};
    bool relative = false;
    for (const R& r : kRelative) {
      if (StartsWith(p, r.word)) {
        if (r.word == "今") {
          // 今秋, 今春: the season must follow at once.
          std::string season;
          size_t q = ReadYearPart(p + 3, &season);
          if (q == p + 3 || (season != "spring" && season != "summer" && season != "autumn" &&
                             season != "winter")) {
            return pos;
          }
        }
        point.relative_year = r.offset;
        p += r.word.size();
        relative = true;
        break;
      }
    }
    if (relative) {
      size_t m = ReadMonthDay(p, &point, &part);
      if (m == p) m = ReadYearPart(p, &part);
      if (m == p) return pos;  // 上年 alone is a baseline, not a date
      std::optional<DatePoint> end_point;
      size_t r = ReadDateRangeEnd(m, point, &end_point, &part);
      AddDate(pos, r, point, end_point, part);
      return r;
    }
    // Parts of the year on their own.
    if (c == U'上' || c == U'下') {
      if (!StartsWith(pos, "上半年") && !StartsWith(pos, "下半年")) return pos;
    }
    if (c == U'春' || c == U'夏' || c == U'秋' || c == U'冬') {
      if (!StartsWith(pos + len, "季")) return pos;
    }
    if (c == U'第' && !(StartsWith(pos, "第一季度") || StartsWith(pos, "第二季度") ||
                        StartsWith(pos, "第三季度") || StartsWith(pos, "第四季度"))) {
      return pos;
    }
    if (c == U'前' && !StartsWith(pos, "前三季度")) return pos;
    if (c == U'今' || c == U'去' || c == U'明' || c == U'本' || c == U'当') return pos;
    size_t e = ReadYearPart(pos, &part);
    if (e == pos) return pos;
    AddDate(pos, e, point, std::nullopt, part);
    return e;
  }

  // ---- quantities ----

  // True for a number that is a list marker or a label, not a figure: "1、", "(一)", "[2023]", “1223”.
  bool IsMarkerOrLabel(Span number, std::string_view unit_text) const {
    size_t len_before, len_after;
    char32_t before = Before(number.begin, &len_before);
    char32_t after = At(number.end, &len_after);
    bool at_line_start = number.begin == 0 || before == U'\n' || text::IsInlineBlank(before);
    if (unit_text.empty()) {
      if (after == U'、' || after == U'．') return at_line_start || IsClauseBoundary(before);
      if (after == U'.' && at_line_start) return true;
      if ((before == U'(' || before == U'（') && (after == U')' || after == U'）')) return true;
      if ((before == U'[' || before == U'〔' || before == U'【') &&
          (after == U']' || after == U'〕' || after == U'】')) {
        return true;
      }
      if ((before == U'“' || before == U'"' || before == U'〝') &&
          (after == U'”' || after == U'"' || after == U'〞')) {
        return true;
      }
    }
    return false;
  }

  // The counted noun phrase ending at end (backward), stopping at clause boundaries, earlier figures
  // and verbs. *stop_word gets the verb or copula it stopped at (empty when none).
  // In boundary_only mode only clause boundaries, earlier figures and 有/其中 end the phrase: used on
  // the left of a copula, where the noun may itself contain a verb (安置率为92, 参保率达到70.4).
  Span SubjectBefore(size_t end, std::string_view* stop_word, size_t* stop_begin,
                     bool boundary_only = false) const {
    *stop_word = {};
    *stop_begin = end;
    size_t pos = end;
    size_t floor = last_item_end_ == std::string::npos ? 0 : last_item_end_;
    int chars = 0;
    while (pos > floor && chars < 32) {
      size_t stop = MatchWordBefore(text_, pos, kSubjectStops);
      if (stop > 0 && pos - stop >= floor) {
        // 有效, 有关, 有序 are not 有.
        std::string_view word = text_.substr(pos - stop, stop);
        bool real_stop = true;
        if (word == "有" && pos < end) {
          size_t len;
          char32_t next = At(pos, &len);
          size_t plen;
          char32_t prev = Before(pos - stop, &plen);
          real_stop = !(next == U'效' || next == U'关' || next == U'序' || next == U'力' || next == U'机' ||
                        next == U'利' || next == U'线' || next == U'益') &&
                      !(prev == U'持' || prev == U'具' || prev == U'所' || prev == U'享' || prev == U'含' ||
                        prev == U'占' || prev == U'没' || prev == U'固' || prev == U'特' || prev == U'私' ||
                        prev == U'国' || prev == U'公' || prev == U'只');
        }
        if (word == "计" || word == "达" || word == "是" || word == "占" || word == "近" || word == "约") {
          // Single-character stops only right before the figure (会计, 表达 are words).
          real_stop = pos == end;
        }
        if (boundary_only && word != "有" && word != "现有" && word != "共有" && word != "其中") {
          real_stop = false;
        }
        if (real_stop) {
          *stop_word = word;
          *stop_begin = pos - stop;
          break;
        }
      }
      size_t len;
      char32_t c = Before(pos, &len);
      if (len == 0 || c == kInvalidCodePoint) break;
      if (IsCloseParen(c)) {
        // A short parenthesis inside the noun phrase: 社区卫生服务中心(站), 新转(入)学.
        size_t open = pos - len;
        int inside = 0;
        bool found = false;
        while (open > floor && inside < 8) {
          size_t l;
          char32_t d = Before(open, &l);
          open -= l;
          if (IsOpenParen(d)) {
            found = true;
            break;
          }
          if (IsClauseBoundary(d) || ArabicDigitValue(d) >= 0) break;
          ++inside;
        }
        if (found && open > floor) {
          pos = open;
          chars += inside + 2;
          continue;
        }
        break;
      }
      if (IsClauseBoundary(c) || ArabicDigitValue(c) >= 0) break;
      if (c == U'、' && pos - len <= floor) break;
      pos -= len;
      ++chars;
    }
    Span s{pos, end};
    // Strip a leading scope word (全区, 我市) and a trailing 的 or 共.
    size_t scope = MatchWordAt(text_, s.begin, kScopePrefixes);
    if (scope > 0 && s.begin + scope <= s.end) s.begin += scope;
    while (s.end > s.begin) {
      size_t len;
      char32_t last = Before(s.end, &len);
      if (last == U'的' || last == U'共' || last == U'、' || last == U'和') {
        s.end -= len;
        continue;
      }
      if (s.end - s.begin >= 6 && text_.substr(s.end - 6, 6) == "分别") {
        s.end -= 6;  // 吞吐量分别增长8.3%、7.9%
        continue;
      }
      // A copula left at the end in boundary-only mode: 公开率到达(了) -> 公开率.
      size_t copula = MatchWordBefore(text_, s.end, kCopulas);
      if (copula > 0 && s.end - copula >= s.begin) {
        s.end -= copula;
        continue;
      }
      size_t verb = MatchWordBefore(text_, s.end, kSubjectTrailingVerbs);
      if (verb > 0 && s.end - verb > s.begin) {
        s.end -= verb;
        continue;
      }
      break;
    }
    // A verb with 到/至 is not what is counted (从39个拓展到91个).
    if (s.size() <= 9 && s.size() >= 3) {
      std::string_view tail = text_.substr(s.end - 3, 3);
      if (tail == "到" || tail == "至") s.begin = s.end;
    }
    // Long phrases: keep what follows the last 的 (移交地方管理的离退休老干部 -> 离退休老干部).
    if (s.size() > 16 * 3) {
      size_t de = text_.substr(s.begin, s.size()).rfind("的");
      if (de != std::string_view::npos && s.begin + de + 3 < s.end) s.begin += de + 3;
    }
    return s;
  }

  Span SubjectAfter(size_t pos) const {
    // Skip a parenthesis right after the unit: 1597人/次(275户)特困残疾人.
    size_t len;
    char32_t c = At(pos, &len);
    if (IsOpenParen(c)) {
      size_t p = pos + len;
      int chars = 0;
      while (p < text_.size() && chars < 24) {
        char32_t d = At(p, &len);
        p += len;
        ++chars;
        if (IsCloseParen(d)) break;
        if (IsSentenceEnd(d)) return Span{pos, pos};
      }
      pos = p;
    }
    size_t p = pos;
    int chars = 0;
    while (p < text_.size() && chars < 12) {
      if (MatchWordAt(text_, p, kForwardStops) > 0) break;
      char32_t d = At(p, &len);
      if (d == kInvalidCodePoint || d < 0x3000 || IsClauseBoundary(d) || d == U'、' ||
          ArabicDigitValue(d) >= 0) {
        break;
      }
      p += len;
      ++chars;
    }
    return Span{pos, p};
  }

  bool IsApproximating(std::string_view q) const {
    for (std::string_view a : kApproximating) {
      if (a == q) return true;
    }
    return false;
  }

  // Handles the number found at match; returns where scanning continues.
  size_t HandleNumber(const NumberMatch& match, const NumeralRun& run) {
    Span number = match.span;
    if (match.ordinal) {
      // 第一季度 is a date; other ordinals (第三届, 第2页) are not figures.
      if (StartsWith(number.end, "季度")) {
        auto q = SmallInt(match.value, 1, 4);
        if (q) {
          DatePoint point;
          AddDate(number.begin, number.end + 6, point, std::nullopt, "Q" + std::to_string(*q));
          return number.end + 6;
        }
      }
      return number.end;
    }
    if (!match.percent) {
      size_t d = TryNumericDate(number.begin);
      if (d > number.begin) return d;
    }
    (void)run;

    // Qualifiers between the number and the unit (4500余户), the unit, qualifiers after the unit.
    Quantity q;
    q.value = match.value;
    size_t end = number.end;
    std::vector<std::string> qualifiers;
    if (!match.percent) {
      if (size_t k = MatchWordAt(text_, end, kQualifiersBetween); k > 0 && MatchUnit(text_, end + k)) {
        qualifiers.emplace_back(text_.substr(end, k));
        end += k;
      }
    }
    const UnitInfo* unit = nullptr;
    if (match.percent) {
      q.unit = "%";
      q.kind = QuantityKind::kPercent;
    } else {
      unit = MatchUnit(text_, end);
      // A measure word that is really the start of a word: 3个体户? keep; 年一贯制, 年制 are labels.
      if (unit != nullptr && unit->written == "年" &&
          (StartsWith(end + 3, "一贯制") || StartsWith(end + 3, "制"))) {
        return end + 3;
      }
      if (unit != nullptr) {
        // Chinese numerals with a unit character can be a place name: 三元社区, 五里村, 八一路.
        static constexpr std::string_view kPlaceSuffixes[] = {"社区", "村", "街", "路", "小区", "里", "桥",
                                                              "镇", "乡", "大道", "广场", "公园"};
        if (match.chinese && unit->kind != QuantityKind::kCount &&
            MatchWordAt(text_, end + unit->written.size(), kPlaceSuffixes) > 0) {
          return end + unit->written.size();
        }
        q.unit = unit->unit;
        q.kind = unit->kind;
        q.value = q.value.ScaleByPowerOfTen(unit->power);
        end += unit->written.size();
      }
    }
    // Money written out with 角 and 分: 123元1角1分, 十块三毛, 壹拾壹元整, 一百三十五块六角七分钱.
    number_begin_ = number.begin;
    if (!match.percent) end = ReadSubUnits(end, unit, &q);
    // A currency before the figure: 人民币3.14, 港币两千九百六十元.
    if (!match.percent && (q.kind == QuantityKind::kPlain || (q.kind == QuantityKind::kMoney && q.unit == "元"))) {
      static constexpr std::string_view kCurrencyBefore[] = {"人民币", "人民幣", "港币", "港幣", "美元", "欧元", "日元"};
      static constexpr std::string_view kCurrencyUnit[] = {"元", "元", "港元", "港元", "美元", "欧元", "日元"};
      for (size_t i = 0; i < std::size(kCurrencyBefore); ++i) {
        std::string_view w = kCurrencyBefore[i];
        if (number.begin >= w.size() && text_.substr(number.begin - w.size(), w.size()) == w) {
          q.kind = QuantityKind::kMoney;
          q.unit = kCurrencyUnit[i];
          currency_prefix_ = w.size();
          break;
        }
      }
    }
    // A numeral range like 300~500人 or 3-5年: the low end is the value, the high end upper.
    std::optional<Decimal> upper = match.upper;
    if (upper && unit != nullptr) upper = upper->ScaleByPowerOfTen(unit->power);
    if (unit == nullptr && !match.percent && !upper) {
      size_t dash = MatchDash(end);
      if (dash > 0 && (text_.substr(end, dash) == "~" || text_.substr(end, dash) == "～" ||
                       text_.substr(end, dash) == "-" || text_.substr(end, dash) == "—" ||
                       text_.substr(end, dash) == "–" || text_.substr(end, dash) == "——" ||
                       text_.substr(end, dash) == "至" || text_.substr(end, dash) == "到")) {
        Decimal high;
        int high_power = 0;
        size_t h = ReadNumber(end + dash, &high, nullptr, nullptr, &high_power);
        // 两到三万, 一百二十到一百五十万: the low end shares the high end's trailing multiplier.
        int low_power = 0;
        for (const NumeralToken& t : run.tokens) {
          if (t.end <= number.end && t.kind == NumeralTokenKind::kMultiplier) low_power = std::max<int>(low_power, t.power);
        }
        if (h > end + dash && high_power > low_power && high.Compare(match.value) > 0 &&
            match.value.ScaleByPowerOfTen(high_power).Compare(high) < 0) {
          q.value = q.value.ScaleByPowerOfTen(high_power);
        }
        if (h > end + dash && q.value.Compare(high) < 0) {
          const UnitInfo* u2 = MatchUnit(text_, h);
          size_t h_end = h;
          if (u2 != nullptr) {
            q.unit = u2->unit;
            q.kind = u2->kind;
            q.value = q.value.ScaleByPowerOfTen(u2->power);
            high = high.ScaleByPowerOfTen(u2->power);
            h_end += u2->written.size();
          } else if (size_t pct = (StartsWith(h, "%") ? 1 : (StartsWith(h, "％") ? 3 : 0)); pct > 0) {
            q.unit = "%";
            q.kind = QuantityKind::kPercent;
            h_end += pct;
          }
          if (h_end > h || match.chinese == false || number.size() > 3) {
            upper = high;
            unit = u2;
            end = h_end;
          }
        }
      }
    }
    // A range of percentages: 4.5%—5%, 5%-5.5%, 6%～6.5%.
    if (match.percent && !upper) {
      if (size_t dash = MatchDash(end); dash > 0) {
        Decimal high;
        size_t h = ReadNumber(end + dash, &high);
        size_t pct = StartsWith(h, "%") ? 1 : (StartsWith(h, "％") ? 3 : 0);
        // 百分之八至九: the words before the low end cover the high end.
        bool spoken = StartsWith(number.begin, "百分之");
        if (h > end + dash && (pct > 0 || spoken) && q.value.Compare(high) < 0) {
          upper = high;
          end = h + pct;
        }
      }
    }
    // A range with the unit on both ends: 1万元-5万元, 5.6元到5.78元.
    if (unit != nullptr && !upper && !match.upper) {
      if (size_t dash = MatchDash(end); dash > 0) {
        Decimal high;
        size_t h = ReadNumber(end + dash, &high);
        if (h > end + dash && text_.substr(h, unit->written.size()) == unit->written) {
          high = high.ScaleByPowerOfTen(unit->power);
          if (q.value.Compare(high) < 0) {
            upper = high;
            end = h + unit->written.size();
          }
        }
      }
    }
    if (size_t k = MatchWordAt(text_, end, kQualifiersAfter); k > 0) {
      std::string_view word = text_.substr(end, k);
      // 多 and 余 after the unit only when not the start of a word (3个多月 yes, 5个多媒体 no).
      bool ok = true;
      if (word == "多" || word == "余") {
        size_t len;
        char32_t next = At(end + k, &len);
        ok = IsClauseBoundary(next) || next == U'、' || next == 0 || MatchUnit(text_, end + k) != nullptr;
      }
      if (ok) {
        qualifiers.emplace_back(word);
        end += k;
      }
    }

    // What is not a figure: list markers, labels, codes, bare Chinese numerals without a unit.
    if (q.unit.empty()) {
      if (IsMarkerOrLabel(number, q.unit)) return number.end;
      // 一大进展, 三农: a bare Chinese numeral needs a unit, unless it is clearly a figure (十几万,
      // 五百以上, 一千到一千五百: a multiplier with a digit, a qualifier or a range).
      bool figure = upper.has_value() || !qualifiers.empty();
      if (!figure) {
        size_t tokens = 0;
        bool multiplier = false;
        for (const NumeralToken& t : run.tokens) {
          if (t.end > number.end) break;
          ++tokens;
          multiplier |= t.kind == NumeralTokenKind::kMultiplier && t.power >= 2;
        }
        figure = tokens >= 2 && multiplier;
      }
      if (match.chinese && !figure) return number.end;
      // A bare figure ends its clause (安置率为92。, 达到了95以上); a number glued to a word or a quote
      // is a name or a tag (2023“高投杯”, 6、2023全民健身日), and a number alone on a line is a tag.
      {
        size_t len;
        char32_t after = At(end, &len);
        bool clause_end = end >= text_.size() || after == U'，' || after == U',' || after == U'。' ||
                          after == U'；' || after == U';' || after == U'、' || after == U')' ||
                          after == U'）' || after == U'\n' || after == U'\r' || after == U' ' ||
                          after == U'：' || after == U':' || after == U'！' || after == U'？';
        if (!clause_end && qualifiers.empty()) return end;
        char32_t before = Before(number.begin, &len);
        bool line_start = number.begin == 0 || before == U'\n' || before == U'\r';
        bool line_end = end >= text_.size() || after == U'\n' || after == U'\r';
        bool year_like = !match.chinese && SmallInt(match.value, 1000, 2999).has_value();
        if (line_start && line_end && year_like && text_.size() > end - number.begin) return end;
      }
      if (StartsWith(end, "号")) return end;  // document numbers: [2023]83号
      // Long digit strings without a unit are phone numbers and codes (3074922707).
      if (!run.tokens.empty() && run.tokens.front().kind == NumeralTokenKind::kArabic &&
          run.tokens.front().end == number.end && run.tokens.front().arabic_digits >= 7 &&
          !run.tokens.front().arabic_fraction) {
        return end;
      }
      if (run.tokens.size() > 0 && run.tokens.front().arabic_leading_zero) return end;
      // Letters glued to digits are codes (H1N1, cpg2, 5G).
      size_t len;
      char32_t after = At(number.end, &len);
      char32_t before = Before(number.begin, &len);
      auto is_latin = [](char32_t x) { return (x >= U'a' && x <= U'z') || (x >= U'A' && x <= U'Z'); };
      if (is_latin(after) || is_latin(before)) return number.end;
      if (qualifiers.empty()) q.kind = QuantityKind::kPlain;
    }
    if (match.chinese && number.size() == 3 && (match.value == Decimal::FromInt(1) || match.value.is_zero()) &&
        (q.kind == QuantityKind::kCount || q.kind == QuantityKind::kPlain || q.unit == "年") && !upper &&
        qualifiers.empty()) {
      return end;  // 一个, 一项, 过去的一年, 零部件: the article or a word, not a figure worth checking
    }

    // Qualifiers before: 约30万人, 近千人次.
    size_t begin = number.begin - currency_prefix_;
    currency_prefix_ = 0;
    if (size_t k = MatchWordBefore(text_, begin, kQualifiersBefore); k > 0) {
      begin -= k;
      qualifiers.insert(qualifiers.begin(), std::string(text_.substr(begin, k)));
    } else if (upper && begin >= 3 && text_.substr(begin - 3, 3) == "从") {
      begin -= 3;  // 从8500到3万港元: the range starts at 从
    }
    q.qualifiers = qualifiers;
    for (const std::string& w : qualifiers) q.approx |= IsApproximating(w);
    for (const NumeralToken& t : run.tokens) {
      if (t.kind == NumeralTokenKind::kApprox && t.end <= number.end) {
        q.approx = true;
        q.qualifiers.emplace_back(text_.substr(t.begin, t.end - t.begin));  // 十几万, 500余万
      }
    }
    q.upper = upper;
    if (upper) q.approx = true;

    // A change? Look for a verb (and a baseline) right before the figure.
    if (TryChange(begin, end, q)) return end;

    q.span = Span{begin, end};
    q.text = Slice(begin, end);
    std::string_view stop_word;
    size_t stop_begin;
    Span subject = SubjectBefore(begin, &stop_word, &stop_begin);
    // After a copula the subject is on the left (安置率为92, 标准化率到达了95); after other verbs it is
    // on the right (为19名困难群众发放), else on the left of the verb (苹果有20个).
    for (int round = 0; round < 3 && subject.empty() && !stop_word.empty(); ++round) {
      bool copula = false;
      for (std::string_view c : kCopulas) copula |= c == stop_word;
      if (!copula) break;
      subject = SubjectBefore(stop_begin, &stop_word, &stop_begin, /*boundary_only=*/true);
    }
    if (subject.empty() && q.kind == QuantityKind::kCount) subject = SubjectAfter(end);
    if (subject.empty() && !stop_word.empty() && stop_word != "其中") {
      std::string_view ignored;
      size_t ignored_begin;
      subject = SubjectBefore(stop_begin, &ignored, &ignored_begin);
    }
    // 有低保户800户、1576人: a figure right after 、 or 和 continues the previous figure's subject.
    if (subject.empty() && last_quantity_ >= 0 && last_quantity_end_ != std::string::npos) {
      size_t len;
      char32_t c = Before(begin, &len);
      if ((c == U'、' || c == U'和') && begin - len == last_quantity_end_) {
        const Quantity& prev = facts_.quantities[static_cast<size_t>(last_quantity_)];
        q.subject = prev.subject;
        q.subject_span = prev.subject_span;
      }
    }
    if (!subject.empty()) {
      q.subject_span = subject;
      q.subject = Slice(subject.begin, subject.end);
    }

    // Parts of a total: inside parentheses right after it, or after 其中.
    int index = static_cast<int>(facts_.quantities.size());
    // A part has the total's unit and kind and is not larger than it.
    auto fits = [&](int owner_index) {
      const Quantity& owner = facts_.quantities[static_cast<size_t>(owner_index)];
      return owner.unit == q.unit && owner.kind == q.kind && q.value.Compare(owner.value) <= 0;
    };
    if (!parens_.empty() && parens_.back() >= 0) {
      if (fits(parens_.back())) q.part_of = parens_.back();
    } else if (qizhong_owner_ >= 0 && parens_.size() == qizhong_depth_) {
      if (fits(qizhong_owner_)) q.part_of = qizhong_owner_;
    }
    facts_.quantities.push_back(std::move(q));
    quantity_sentence_.push_back(sentence_);
    last_quantity_ = index;
    last_quantity_end_ = end;
    if (parens_.empty()) last_top_quantity_ = index;
    last_item_end_ = end;
    return end;
  }

  // Reads 角/毛 and 分 after a 元 amount (or after a bare number: 2角), and 整/正 after 元.
  size_t ReadSubUnits(size_t end, const UnitInfo* unit, Quantity* q) {
    bool yuan = unit != nullptr && unit->kind == QuantityKind::kMoney && q->unit == "元" && unit->power == 0;
    bool bare = unit == nullptr;
    bool kuai = unit != nullptr && unit->written == "块";
    if (!yuan && !bare && !kuai) return end;
    size_t p = end;
    if (yuan && (StartsWith(p, "整") || StartsWith(p, "正"))) return p + 3;
    Decimal total = q->value;
    bool any = false;
    // A bare number followed directly by 角/毛: the number is the 角 count.
    auto read_part = [&](size_t at, int power, std::initializer_list<std::string_view> words,
                         size_t* after) -> bool {
      Decimal v;
      size_t e = ReadNumber(at, &v);
      if (e == at) return false;
      for (std::string_view w : words) {
        if (StartsWith(e, w)) {
          auto sum = total.Add(v.ScaleByPowerOfTen(-power));
          if (!sum) return false;
          total = *sum;
          *after = e + w.size();
          return true;
        }
      }
      return false;
    };
    // A bare digit right after the unit is the next smaller unit: 一块二 = 1.2, 两毛五 = 0.25.
    auto colloquial_tail = [&](size_t at, int power) -> size_t {
      size_t len;
      int d = ChineseDigitValue(At(at, &len));
      if (d <= 0 || len == 0) return 0;
      size_t next_len;
      char32_t after = At(at + len, &next_len);
      if (ChineseDigitValue(after) >= 0 || MultiplierPower(after) >= 0 || ArabicDigitValue(after) >= 0) return 0;
      auto sum = total.Add(Decimal::FromInt(d).ScaleByPowerOfTen(-power));
      if (!sum) return 0;
      total = *sum;
      return len;
    };
    if (bare) {
      // 壹分: financial numerals are written for money, so a bare 分 after them is a fen.
      bool formal = false;
      for (size_t i = number_begin_; i < end;) {
        size_t len;
        char32_t c = At(i, &len);
        formal |= c == U'壹' || c == U'贰' || c == U'叁' || c == U'肆' || c == U'伍' || c == U'陆' ||
                  c == U'柒' || c == U'捌' || c == U'玖' || c == U'拾' || c == U'佰' || c == U'仟';
        i += len ? len : 1;
      }
      if (formal && StartsWith(p, "分")) {
        q->value = q->value.ScaleByPowerOfTen(-2);
        q->unit = "元";
        q->kind = QuantityKind::kMoney;
        return p + 3;
      }
      // A bare Chinese numeral before 角 is usually a word (长三角, 三角形): only Arabic or financial
      // numerals, or a following 分/钱, make it money.
      bool arabic = ArabicDigitValue(At(number_begin_, &len_unused_)) >= 0;
      for (std::string_view w : {"角", "毛"}) {
        if (w == "角" && StartsWith(p, w) && !arabic && !formal) {
          Decimal ignored;
          size_t after_number = ReadNumber(p + w.size(), &ignored);
          bool fen = after_number > p + w.size() && StartsWith(after_number, "分");
          if (!fen && !StartsWith(p + w.size(), "钱")) break;
        }
        if (StartsWith(p, w)) {
          total = q->value.ScaleByPowerOfTen(-1);
          p += w.size();
          any = true;
          size_t after;
          if (read_part(p, 2, {"分"}, &after)) {
            p = after;
          } else if (size_t tail = colloquial_tail(p, 2); tail > 0) {
            p += tail;
          }
          break;
        }
      }
      if (!any) return end;
    } else {
      size_t after;
      if (read_part(p, 1, {"角", "毛"}, &after)) {
        p = after;
        any = true;
        if (read_part(p, 2, {"分"}, &after)) p = after;
      } else if (read_part(p, 2, {"分"}, &after)) {
        p = after;
        any = true;
      } else if (size_t tail = colloquial_tail(p, 1); tail > 0) {
        p += tail;
        any = true;
      } else if (StartsWith(p, "零") && read_part(p + 3, 2, {"分"}, &after)) {
        p = after;
        any = true;
      }
      if (!any) {
        if (kuai && StartsWith(p, "钱")) {
          any = true;
        } else {
          return end;
        }
      }
    }
    if (StartsWith(p, "钱")) p += 3;
    if (StartsWith(p, "整") || StartsWith(p, "正")) p += 3;
    q->value = total;
    q->unit = "元";
    q->kind = QuantityKind::kMoney;
    return p;
  }

  // A change amount at [begin, end) (q holds value and unit): 较上年增加304人, 同比增长8.5%, and the
  // continuation of a list (较上年减少52户、138人; 分别…增加147人和15人).
  bool TryChange(size_t begin, size_t end, const Quantity& q) {
    size_t verb_end = begin;
    if (StartsWith(verb_end - std::min<size_t>(verb_end, 3), "了") && verb_end >= 3) verb_end -= 3;
    size_t inc = MatchWordBefore(text_, verb_end, kIncreaseVerbs.data(), kIncreaseVerbs.size());
    size_t dec = MatchWordBefore(text_, verb_end, kDecreaseVerbs.data(), kDecreaseVerbs.size());
    size_t verb = std::max(inc, dec);
    if (verb == 0) {
      // Continuation: right after the previous change amount and a connector.
      if (continuation_end_ == std::string::npos) return false;
      size_t len;
      char32_t c = Before(begin, &len);
      size_t conn_begin = begin;
      if (c == U'、' || c == U'和' || c == U'与' || c == U'及') {
        conn_begin = begin - len;
      } else if (StartsWith(begin >= 6 ? begin - 6 : 0, "以及") && begin >= 6) {
        conn_begin = begin - 6;
      } else {
        return false;
      }
      if (conn_begin != continuation_end_) return false;
      Change change = continuation_template_;
      change.value = q.value;
      change.upper = q.upper;
      change.qualifiers = q.qualifiers;
      change.unit = q.unit;
      change.kind = q.kind;
      change.span = Span{begin, end};
      change.text = Slice(begin, end);
      facts_.changes.push_back(std::move(change));
      ++groups_.back().count;
      continuation_end_ = end;
      last_item_end_ = end;
      return true;
    }
    ChangeDirection direction = inc >= dec ? ChangeDirection::kIncrease : ChangeDirection::kDecrease;
    size_t verb_begin = verb_end - verb;
    // Baseline: 同比/环比 right before the verb, or 较/比 … within the clause.
    std::string_view baseline;  // a view of the text, as the change keeps it
    size_t change_begin = verb_begin;
    size_t p = verb_begin;
    bool respectively = false;
    if (p >= 6 && StartsWith(p - 6, "分别")) {
      respectively = true;
      p -= 6;
    }
    if (p >= 6 && (StartsWith(p - 6, "同比") || StartsWith(p - 6, "环比"))) {
      baseline = Slice(p - 6, p);
      change_begin = p - 6;
    } else {
      // Walk back over at most 10 characters of the clause for 较 or 比.
      size_t scan = p;
      for (int i = 0; i < 10 && scan > 0; ++i) {
        size_t len;
        char32_t c = Before(scan, &len);
        if (len == 0 || IsClauseBoundary(c) || c == U'、') break;
        scan -= len;
        if (c == U'较' || c == U'比') {
          baseline = Slice(scan + len, p);
          change_begin = scan;
          // 与上年相比 is read the other way round; 比较 is not a baseline.
          break;
        }
      }
    }
    if (change_begin >= 6 && StartsWith(change_begin - 6, "分别")) {
      respectively = true;
      change_begin -= 6;
    }
    // Single-character verbs (多, 少, 高, 低, 增, 减) need a baseline: 比上年多3个.
    if (verb == 3 && baseline.empty()) return false;
    // A date in the baseline (比2005年) was not seen as a date because the scan had not reached it yet;
    // dates before change_begin are already recorded.
    Change change;
    // The subject written before the change (失业率比上年下降0.3个百分点); binding to a figure may
    // replace it later.
    {
      std::string_view stop;
      size_t stop_begin;
      Span subject = SubjectBefore(change_begin, &stop, &stop_begin, /*boundary_only=*/true);
      if (!subject.empty()) change.subject = Slice(subject.begin, subject.end);
    }
    change.direction = direction;
    change.value = q.value;
    change.unit = q.unit;
    change.kind = q.kind;
    change.baseline = baseline;
    change.upper = q.upper;
    change.qualifiers = q.qualifiers;
    change.span = Span{change_begin, end};
    change.text = Slice(change_begin, end);
    continuation_template_ = change;
    continuation_template_.text = {};
    facts_.changes.push_back(std::move(change));
    groups_.push_back({facts_.changes.size() - 1, 1, respectively, sentence_});
    continuation_end_ = end;
    last_item_end_ = end;
    change_positions_.push_back(facts_.quantities.size());  // quantities seen before this change
    return true;
  }

  // Binds each change to the figure it changes: in order for 分别, else the nearest earlier figure in
  // the same sentence with the same unit (or any non-percent figure for a percent change). Only the last
  // kBindWindow figures before a group (plus one per change in it, for 分别) are looked at, so a run-on
  // sentence of figures and changes costs linear time.
  void BindChanges() {
    std::vector<int> candidates;  // same sentence, before the group, not parts; oldest first
    std::vector<bool> used;       // per candidate
    for (size_t g = 0; g < groups_.size(); ++g) {
      const ChangeGroup& group = groups_[g];
      // A pass of its own after the scan: polled per group (by its first change's place in the text).
      if (cancel_.At(facts_.changes[group.first_change].span.begin)) {
        facts_.cancelled = true;
        return;
      }
      ShareListQualifier(group);
      size_t seen = change_positions_[g];
      const size_t window = kBindWindow + group.count;
      candidates.clear();
      for (size_t i = seen; i-- > 0 && seen - i <= window;) {
        ++work_.bind_steps;
        const Quantity& q = facts_.quantities[i];
        if (quantity_sentence_[i] != group.sentence) break;
        if (q.part_of >= 0) continue;
        candidates.push_back(static_cast<int>(i));
      }
      std::reverse(candidates.begin(), candidates.end());
      used.assign(candidates.size(), false);
      if (group.respectively && candidates.size() >= group.count) {
        size_t first = candidates.size() - group.count;
        for (size_t k = 0; k < group.count; ++k) {
          Change& c = facts_.changes[group.first_change + k];
          int qi = candidates[first + k];
          c.quantity = qi;
          c.subject = facts_.quantities[static_cast<size_t>(qi)].subject;
        }
        continue;
      }
      for (size_t k = 0; k < group.count; ++k) {
        Change& c = facts_.changes[group.first_change + k];
        // The newest candidate (not yet bound, for the same-unit rule) that `fits`, or none.
        auto nearest = [&](bool skip_used, auto fits) -> int {
          for (size_t j = candidates.size(); j-- > 0;) {
            ++work_.bind_steps;
            if (skip_used && used[j]) continue;
            if (fits(facts_.quantities[static_cast<size_t>(candidates[j])])) return static_cast<int>(j);
          }
          return -1;
        };
        int best = nearest(true, [&](const Quantity& q) { return q.unit == c.unit && q.kind == c.kind; });
        if (best < 0 && c.kind == QuantityKind::kPercentagePoint) {
          // A change in percentage points changes a percentage.
          best = nearest(false, [](const Quantity& q) { return q.kind == QuantityKind::kPercent; });
        }
        if (best < 0 && (c.kind == QuantityKind::kPercent || c.unit == "倍")) {
          best = nearest(false, [](const Quantity& q) {
            return q.kind != QuantityKind::kPercent && q.kind != QuantityKind::kPercentagePoint;
          });
        }
        // A change with its own subject (居民消费价格上涨2%) belongs to a figure of its own clause only: an
        // earlier clause's figure (失业率5.5%左右，…) is another indicator.
        if (best >= 0 && !c.subject.empty() &&
            ClauseBreakBetween(facts_.quantities[static_cast<size_t>(best)].span.end, c.span.begin)) {
          best = -1;
        }
        if (best >= 0) {
          used[static_cast<size_t>(best)] = true;
          c.quantity = candidates[static_cast<size_t>(best)];
          const std::string_view subject = facts_.quantities[static_cast<size_t>(c.quantity)].subject;
          if (!subject.empty() || c.subject.empty()) c.subject = subject;
        }
      }
    }
  }

  // True when a comma, semicolon or colon lies in text[begin, end). The changes ask in text order, so
  // one cursor walks the text once and remembers the last break it passed: a walk from each change back
  // to its figure made one run-on sentence of changes after one figure quadratic (issue 12: 20,000
  // changes, 3.3 s). A question behind the cursor (not asked today) restarts it.
  bool ClauseBreakBetween(size_t begin, size_t end) {
    end = std::min(end, text_.size());
    if (end < break_cursor_) {
      break_cursor_ = 0;
      last_break_ = std::string::npos;
    }
    while (break_cursor_ < end) {
      ++work_.break_steps;
      size_t len;
      char32_t c = At(break_cursor_, &len);
      if (c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'：' || c == U':') last_break_ = break_cursor_;
      break_cursor_ += len ? len : 1;
    }
    return last_break_ != std::string::npos && last_break_ >= begin;
  }

  // 分别增长5%、6.5%左右: a qualifier written only after the last item of a list applies to every item,
  // flagged as shared because the text is ambiguous.
  void ShareListQualifier(const ChangeGroup& group) {
    if (group.count < 2) return;
    const Change& last = facts_.changes[group.first_change + group.count - 1];
    if (last.qualifiers.empty()) return;
    for (size_t k = 0; k + 1 < group.count; ++k) {
      if (!facts_.changes[group.first_change + k].qualifiers.empty()) return;
    }
    for (size_t k = 0; k < group.count; ++k) {
      Change& c = facts_.changes[group.first_change + k];
      if (k + 1 < group.count) c.qualifiers = last.qualifiers;
      c.shared_qualifier = true;
    }
  }

  std::string_view text_;
  quantity_internal::FactsWork work_;
  text_internal::CancelPoll cancel_;
  std::vector<Span> masked_years_;     // the options' masked_year_spans sorted by begin
  std::vector<size_t> masked_max_end_;  // the largest end among masked_years_[0..i]
  Facts facts_;
  NumeralRun run_;
  int sentence_ = 0;
  std::vector<int> parens_;  // per open parenthesis: the quantity it follows, or -1
  int qizhong_owner_ = -1;
  size_t qizhong_depth_ = 0;
  int last_quantity_ = -1;
  int last_top_quantity_ = -1;
  size_t last_quantity_end_ = std::string::npos;
  size_t last_item_end_ = std::string::npos;
  size_t continuation_end_ = std::string::npos;
  size_t currency_prefix_ = 0;
  std::optional<DatePoint> inline_end_;  // the end of a range written inside one date (4月12-19日)
  size_t number_begin_ = 0;
  size_t len_unused_ = 0;  // where the current figure's numeral starts  // bytes of a currency word right before the current figure
  Change continuation_template_;
  std::vector<ChangeGroup> groups_;
  std::vector<size_t> change_positions_;  // per group: how many quantities came before it
  std::vector<int> quantity_sentence_;    // per quantity: its sentence number
  size_t break_cursor_ = 0;                // ClauseBreakBetween: how far the text has been walked
  size_t last_break_ = std::string::npos;  // and the last clause break before there
};

}  // namespace

Facts ExtractFacts(std::string_view text, const FactOptions& options) {
  // A fact's span holds 32-bit offsets (wenshu/span.h): the facts of a longer text end there.
  Extractor extractor(text.substr(0, kMaxCompactOffset), options);
  return extractor.Run();
}

namespace quantity_internal {

Facts ExtractFactsCounted(std::string_view text, const FactOptions& options, FactsWork* work) {
  Extractor extractor(text.substr(0, kMaxCompactOffset), options);
  Facts facts = extractor.Run();
  *work = extractor.work();
  return facts;
}

}  // namespace quantity_internal

std::optional<Quantity> ParseQuantity(std::string_view text) {
  Facts facts = ExtractFacts(text);
  if (facts.quantities.size() != 1 || !facts.changes.empty() || !facts.dates.empty()) return std::nullopt;
  Quantity& q = facts.quantities.front();
  if (q.span.begin != 0 || q.span.end != text.size()) return std::nullopt;
  q.subject = {};
  q.subject_span = Span{};
  q.part_of = -1;
  return std::move(q);
}

}  // namespace wenshu
