// The inputs of the scaling benchmark and the cancellation latency probe: report-like text and the
// adversarial shapes (each an exact multiple of one unit), by name.
#ifndef WENSHU_BENCH_SHAPES_H_
#define WENSHU_BENCH_SHAPES_H_

#include <iterator>
#include <string>
#include <string_view>

namespace wenshu::bench {

// One paragraph in the style of a scraped work report: headings, figures, changes, percentages,
// full-width digits, a masked year and a little site damage.
constexpr std::string_view kReportUnit =
    "（一）开展概况\n"
    "1、全区现有中小学16所，其中直属学校7所（高完中2所，九年一贯制学校1所，小学4所），在校学生26341人，"
    "较上年增加304人，增长1.2%。\n"
    "2、2023年上半年完成固定资产投资2.16亿元，同比增长１０．５％，其中民生投入77万元，占比70.4%。\n"
    "一是完成社会事业开展全局“主动效劳”；二是新建学校3所，改扩建5所。\n"
    "第二，加强管理，提高质量，全面完成半年目标任务。\n";

inline std::string Repeat(std::string_view unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

inline std::string DigitRun(size_t bytes) { return std::string(bytes, '7'); }
inline std::string Brackets(size_t bytes) {
  std::string open = Repeat("（(", bytes / 2);
  std::string close = Repeat(")）", bytes / 2);
  return open + "一" + close;
}

// Four repairs and one flag every 87 bytes: two masked tens (20230 → 100, number.masked_ten) around a
// pair of 〝〞 quotes (quote.fullwidth) and a year flagged as possibly masked. The quote rule runs after
// the number rule, so each of its records lands between records already accepted: the repair log must
// take a record anywhere in O(log n), not by moving every record after it.
constexpr std::string_view kRepairSpotsUnit = "2022年全区新建学校20230所，开展〝主动服务〞活动，完成20230项。\n";

// Run-on sentences and long lists (issue 12): figures and changes separated only by ， (every change
// looks back for its figure), 分别 lists, 、 enumerations of figures and of changes, and a long sentence
// with no punctuation at all.
constexpr std::string_view kCommaRunUnit = "产值12亿元，增长5.3%，";
constexpr std::string_view kRespectivelyUnit = "投资12亿元、3亿元，分别增长5%、6%，";
constexpr std::string_view kEnumerationUnit = "学校3所、医院2个、道路12公里、";
constexpr std::string_view kChangeEnumerationUnit = "增长5%、6.2%、7个百分点、";
constexpr std::string_view kUnpunctuatedUnit = "全区现有中小学在校学生较上年增加开展活动";
// Lines (issue 12): a page footer after every line (a repair per line, page furniture and the site-line
// model over every line), and prose lines with figures (every line-wise rule: quote direction searched
// the rest of the text from each line until it was bounded to the line).
constexpr std::string_view kFooterLinesUnit = "完成了年度目标任务，群众满意度明显提高。\n社区工作总结第3页\n";
constexpr std::string_view kFigureLinesUnit = "产值12亿元，增长5.3%，学校3所、医院2个、道路12公里，比上年增加3所。\n";

// Number-ish runs (issue 12): dotted digits ("1.1.1…", the identifier look-ahead walked to the run's
// end from every number), bare multipliers (the 百分之 look-ahead did the same), and a run-on sentence
// of changes after one figure (each change walked back to the figure for a clause break).
constexpr std::string_view kDottedUnit = "1.";
constexpr std::string_view kMultipliersUnit = "千";
constexpr std::string_view kChangesAfterOneFigureUnit = "价格增长1%";

// Targets (issue 12): a run-on text of target triggers with figures, no sentence end and no line break (each
// trigger looked for its sentence's start and end, and its line's end, across the whole text).
constexpr std::string_view kTargetTriggersUnit = "主要预期目标为增长5%，";

enum Shape {
  kReport,
  kDotted,
  kMultipliers,
  kChangesAfterOneFigure,
  kDigits,
  kMarkersOneLine,
  kParenMarkersOneLine,
  kMarkerLines,
  kBrackets,
  kInvalid,
  kRepairSpots,
  kCommaRun,
  kRespectively,
  kEnumeration,
  kChangeEnumeration,
  kUnpunctuated,
  kFooterLines,
  kFigureLines,
  kTargetTriggers
};
inline constexpr Shape kShapes[] = {kReport, kDotted, kMultipliers, kChangesAfterOneFigure, kDigits, kMarkersOneLine,
                                    kParenMarkersOneLine, kMarkerLines, kBrackets, kInvalid, kRepairSpots, kCommaRun,
                                    kRespectively, kEnumeration, kChangeEnumeration, kUnpunctuated, kFooterLines,
                                    kFigureLines, kTargetTriggers};
inline constexpr std::string_view kShapeNames[] = {
    "report",      "dotted",       "multipliers",  "changes_after_one_figure", "digits",
    "markers_one_line", "paren_markers_one_line", "marker_lines", "brackets", "invalid",
    "repair_spots", "comma_run",   "respectively", "enumeration",  "change_enumeration",
    "unpunctuated", "footer_lines", "figure_lines", "target_triggers"};
static_assert(std::size(kShapes) == std::size(kShapeNames));

inline std::string Make(Shape shape, size_t bytes) {
  switch (shape) {
    case kReport:
      return Repeat(kReportUnit, bytes);
    case kDotted:
      return Repeat(kDottedUnit, bytes);
    case kMultipliers:
      return Repeat(kMultipliersUnit, bytes);
    case kChangesAfterOneFigure:
      return "5人" + Repeat(kChangesAfterOneFigureUnit, bytes);
    case kDigits:
      return DigitRun(bytes);
    case kMarkersOneLine:
      return Repeat("1、", bytes);
    case kParenMarkersOneLine:
      return Repeat("(一)", bytes);
    case kMarkerLines:
      return Repeat("1、全区现有中小学16所。\n（一）开展概况\n一、主要工作\n", bytes);
    case kBrackets:
      return Brackets(bytes);
    case kInvalid:
      return Repeat(std::string_view("\xff\xe4\xb8\x00全区\xed\xa0\x80", 13), bytes);
    case kRepairSpots:
      return Repeat(kRepairSpotsUnit, bytes);
    case kCommaRun:
      return Repeat(kCommaRunUnit, bytes);
    case kRespectively:
      return Repeat(kRespectivelyUnit, bytes);
    case kEnumeration:
      return Repeat(kEnumerationUnit, bytes);
    case kChangeEnumeration:
      return "产值12亿元，" + Repeat(kChangeEnumerationUnit, bytes);
    case kUnpunctuated:
      return Repeat(kUnpunctuatedUnit, bytes);
    case kFooterLines:
      return Repeat(kFooterLinesUnit, bytes);
    case kFigureLines:
      return Repeat(kFigureLinesUnit, bytes);
    case kTargetTriggers:
      return Repeat(kTargetTriggersUnit, bytes);
  }
  return {};
}

}  // namespace wenshu::bench

#endif  // WENSHU_BENCH_SHAPES_H_
