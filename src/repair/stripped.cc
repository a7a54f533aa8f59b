// number.stripped and mask.deleted: figures and words a site deleted outright. A unit with no figure
// ("参合率达 %", "生产总值亿元", "于年月日") and a gap where a word stood ("中央、、市", "以.为统领", "（）") are
// flagged: the original cannot be known, so nothing is changed.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "repair/number_scan.h"
#include "repair/rules.h"

namespace wenshu::repair_internal {
namespace {

void AddFlag(RepairContext& context, std::string_view rule, size_t begin, size_t end, std::string reason) {
  RepairFlag f;
  f.rule = std::string(rule);
  f.span = {begin, end};
  f.text = std::string(context.text().substr(begin, end - begin));
  f.reason = std::move(reason);
  context.Flag(std::move(f));
}

// Characters that carry a quantity themselves (Chinese numerals, 数, 几, 上亿元, 每万元): a unit may follow.
bool CarriesQuantity(char32_t c) {
  static constexpr std::u32string_view kQuantity = U"〇零一二三四五六七八九十百千万亿两几数多余上近超过逾每单按以兆";
  return kQuantity.find(c) != std::u32string_view::npos;
}

bool IsGap(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\u00A0'; }

// Units that follow a figure in reports and end a clause when the figure is gone: "收缴基金 万元，" "接待群众
// 人次，" "结案 件，". Single characters that also end words (件 in 文件) count only after a gap.
const std::vector<std::string_view>& GapUnits() {
  static const auto* v = new std::vector<std::string_view>{
      "万元", "亿元", "元", "人次", "万人", "人", "件", "次", "户", "名", "个", "起", "项", "家", "亩", "万亩",
      "吨", "万吨", "公里", "平方米", "平方公里", "所", "场", "期", "篇", "条", "处", "座", "台", "辆", "%", "％"};
  return *v;
}
// Units that never follow a word without a figure: "生产总值亿元", "投资万元".
const std::vector<std::string_view>& BoundUnits() {
  static const auto* v = new std::vector<std::string_view>{"万元", "亿元", "%", "％"};
  return *v;
}

// Whether the clause ends at `at` ("，" "。" "、" "）"), or, with `approximate`, goes on with 以上/左右.
bool EndsClause(std::string_view text, size_t at, bool approximate) {
  if (at >= text.size()) return true;
  CodePoint c = CodePointAt(text, at);
  return IsClauseBreak(c.value) || c.value == U'、' || c.value == U'）' || c.value == U')' ||
         (approximate && StartsWithAny(text, at, {"以上", "左右", "以下", "多", "余"}).has_value());
}

}  // namespace

void FlagStrippedNumbers(RepairContext& context) {
  std::string_view text = context.text();
  constexpr std::string_view kRule = "number.stripped";
  std::vector<Span> mine;  // in text order
  auto flag = [&](size_t begin, size_t end, std::string reason) {
    if (!mine.empty() && begin < mine.back().end) return;
    mine.push_back({begin, end});
    AddFlag(context, kRule, begin, end, std::move(reason));
  };
  for (size_t i = 0; i < text.size();) {
    CodePoint c = CodePointAt(text, i);
    // "于年月日", "——年月日在…会议上": a date whose figures were all deleted.
    if (c.value == U'年' && text.substr(i, 9) == "年月日") {
      if (!EndsWithAny(text, i, {"出生", "生"}).has_value()) {
        flag(i, i + 9, "\"年月日\" with no figures: the date was deleted (a site stripped its numbers, or a "
                       "template left it blank). The original cannot be known.");
      }
      i += 9;
      continue;
    }
    if (!IsHan(c.value)) {
      i += c.length;
      continue;
    }
    const size_t after_han = i + c.length;
    // A gap (spaces) between a word and a unit that ends the clause: the figure that stood there is gone.
    size_t j = after_han;
    while (j < text.size() && IsGap(CodePointAt(text, j).value)) j += CodePointAt(text, j).length;
    if (j > after_han) {
      if (auto unit = StartsWithAny(text, j, GapUnits()); unit && EndsClause(text, j + unit->size(), true)) {
        flag(after_han, j + unit->size(),
             absl::StrCat("\"", Av(*unit), "\" follows a blank instead of a figure: the number was deleted. "
                          "The original cannot be known."));
        i = j + unit->size();
        continue;
      }
    }
    // A unit that always follows a figure, right after a word and ending the clause: "生产总值亿元，",
    // "参合率达%。" (亿元以上项目 and 万元地区生产总值能耗 name a unit amount, and go on).
    if (!CarriesQuantity(c.value)) {
      if (auto unit = StartsWithAny(text, after_han, BoundUnits());
          unit && EndsClause(text, after_han + unit->size(), false)) {
        flag(after_han, after_han + unit->size(),
             absl::StrCat("\"", Av(*unit), "\" follows \"", Av(text.substr(i, c.length)),
                          "\" with no figure: the number was deleted. The original cannot be known."));
        i = after_han + unit->size();
        continue;
      }
    }
    i = after_han;
  }
  // A line break between a word and such a unit ("直接调解⏎件，"), once the document shows deleted figures
  // elsewhere: in clean hard-wrapped text a line may start with the end of a word (文⏎件).
  if (mine.empty()) return;
  const std::vector<Span> shown = mine;
  size_t k = 0;  // the first shown span not ending before the line break
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
    while (k < shown.size() && shown[k].end <= nl) ++k;
    if (k < shown.size() && shown[k].begin <= nl) continue;  // inside a flag already
    if (nl == 0 || !IsHan(CodePointBefore(text, nl).value)) continue;
    auto unit = StartsWithAny(text, nl + 1, GapUnits());
    if (!unit || !EndsClause(text, nl + 1 + unit->size(), true)) continue;
    AddFlag(context, kRule, nl, nl + 1 + unit->size(),
            absl::StrCat("\"", Av(*unit), "\" starts a line with no figure before it, in a document whose "
                         "figures were deleted. The original cannot be known."));
  }
}

void FlagDeletedWords(RepairContext& context) {
  std::string_view text = context.text();
  constexpr std::string_view kRule = "mask.deleted";
  for (size_t i = 0; i < text.size();) {
    CodePoint c = CodePointAt(text, i);
    const size_t next = i + c.length;
    CodePoint n = CodePointAt(text, next);
    // "中央、、市": an item of a list was deleted.
    // (A doubled "，" is a typo clean reports show too; "、、" is not.)
    if (c.value == U'、' && n.value == U'、') {
      size_t end = next;
      while (end < text.size() && CodePointAt(text, end).value == c.value) end += c.length;
      AddFlag(context, kRule, i, end,
              "Repeated list punctuation: a word between the marks was deleted. The original cannot be known.");
      i = end;
      continue;
    }
    // "以.为统领", "经济.发展": a point where a phrase stood, between Chinese words (not "一.总则").
    if ((c.value == U'.' || c.value == U'．') && i > 0) {
      CodePoint p = CodePointBefore(text, i);
      if (IsHan(p.value) && IsHan(n.value) && !CarriesQuantity(p.value) && p.value != U'第') {
        AddFlag(context, kRule, i, next,
                "A point between two Chinese words stands where a word or phrase was deleted. The original "
                "cannot be known.");
      }
    }
    // "在（）的领导下", "“”": empty brackets or quotation marks.
    static constexpr std::u32string_view kOpen = U"（(“《【〔";
    static constexpr std::u32string_view kClose = U"）)”》】〕";
    if (size_t k = kOpen.find(c.value); k != std::u32string_view::npos && n.value == kClose[k]) {
      AddFlag(context, kRule, i, next + n.length,
              "Empty brackets or quotation marks: what they held was deleted. The original cannot be known.");
      i = next + n.length;
      continue;
    }
    i = next;
  }
}

}  // namespace wenshu::repair_internal
