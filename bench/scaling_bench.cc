// Linear time: tokenize, repair and Parse over 1x and 10x inputs of report-like text and of adversarial
// shapes (digit runs, list markers on one line and one per line, nested brackets, invalid bytes, and a
// document with about a million repairs), and Parse at doubling sizes over run-on sentences and long
// lists (figures and changes joined by ，, 分别 lists, 、 enumerations, no punctuation at all) and many
// lines (a page footer on every line, lines of figures, a repair every 20 bytes, report text).
// Google Benchmark fits each family to O(N) in bytes; 10x input should take about 10x time, so the
// "_BigO" row should show a flat coefficient and "_RMS" a small error. A quadratic stage shows up as a
// coefficient that grows ~10x between the rows and a large RMS.
//
//   build/<dir>/bench/scaling_bench --benchmark_filter=Parse
//
// WENSHU_BENCH_CORPUS is not used here: the shapes must be exact multiples of one unit.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>

#include "wenshu/repair.h"
#include "wenshu/report.h"
#include "wenshu/tokenizer.h"

namespace {

// One paragraph in the style of a scraped work report: headings, figures, changes, percentages,
// full-width digits, a masked year and a little site damage.
constexpr std::string_view kReportUnit =
    "（一）开展概况\n"
    "1、全区现有中小学16所，其中直属学校7所（高完中2所，九年一贯制学校1所，小学4所），在校学生26341人，"
    "较上年增加304人，增长1.2%。\n"
    "2、2023年上半年完成固定资产投资2.16亿元，同比增长１０．５％，其中民生投入77万元，占比70.4%。\n"
    "一是完成社会事业开展全局“主动效劳”；二是新建学校3所，改扩建5所。\n"
    "第二，加强管理，提高质量，全面完成半年目标任务。\n";

std::string Repeat(std::string_view unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

std::string DigitRun(size_t bytes) { return std::string(bytes, '7'); }
std::string Brackets(size_t bytes) {
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
  kFigureLines
};

std::string Make(Shape shape, size_t bytes) {
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
  }
  return {};
}

void Tokenize(benchmark::State& state, Shape shape) {
  const std::string input = Make(shape, static_cast<size_t>(state.range(0)));
  wenshu::Tokenizer tokenizer;
  wenshu::Token token;
  for (auto _ : state) {
    tokenizer.Reset();
    size_t tokens = 0;
    for (size_t i = 0; i < input.size(); i += 65536) {
      if (!tokenizer.Feed(std::string_view(input).substr(i, 65536)).ok()) state.SkipWithError("feed");
      while (tokenizer.Next(&token)) ++tokens;
    }
    tokenizer.Finish();
    while (tokenizer.Next(&token)) ++tokens;
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.SetComplexityN(static_cast<int64_t>(input.size()));
}

void Repair(benchmark::State& state, Shape shape) {
  const std::string input = Make(shape, static_cast<size_t>(state.range(0)));
  size_t edits = 0, flags = 0;
  for (auto _ : state) {
    auto result = wenshu::Repair(input);
    if (!result.ok()) {
      state.SkipWithError("repair failed");
      break;
    }
    edits = result->records.size();
    flags = result->flags.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["edits"] = static_cast<double>(edits);
  state.counters["flags"] = static_cast<double>(flags);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.SetComplexityN(static_cast<int64_t>(input.size()));
}

void Parse(benchmark::State& state, Shape shape) {
  const std::string input = Make(shape, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto report = wenshu::Parse(input);
    if (!report.ok()) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.SetComplexityN(static_cast<int64_t>(input.size()));
}

// Report-like text at 64 KiB and 640 KiB; adversarial shapes at 8 KiB and 80 KiB (a quadratic stage
// takes minutes at larger sizes; 10x is enough to see the slope).
constexpr int64_t kReportBytes = 64 << 10;
constexpr int64_t kShapeBytes = 8 << 10;
// 2 MiB holds about 96,000 repairs; 20 MiB about 960,000.
constexpr int64_t kRepairSpotsBytes = 2 << 20;

#define WENSHU_SCALING(stage, shape, base)                                                          \
  BENCHMARK_CAPTURE(stage, shape, shape)->Arg(base)->Arg((base) * 10)->Complexity(benchmark::oN)-> \
      Unit(benchmark::kMillisecond)

// Run-on sentences, long lists and line shapes at doubling sizes, 128 KiB to 1 MiB: each row should take twice the
// time of the one before (a quadratic stage takes 4x).
constexpr int64_t kRunOnBytes = 128 << 10;
#define WENSHU_DOUBLING(stage, shape, base)                                                         \
  BENCHMARK_CAPTURE(stage, shape, shape)->RangeMultiplier(2)->Range(base, (base) * 8)->              \
      Complexity(benchmark::oN)->Unit(benchmark::kMillisecond)

WENSHU_DOUBLING(Parse, kCommaRun, kRunOnBytes);
WENSHU_DOUBLING(Parse, kRespectively, kRunOnBytes);
WENSHU_DOUBLING(Parse, kEnumeration, kRunOnBytes);
WENSHU_DOUBLING(Parse, kChangeEnumeration, kRunOnBytes);
WENSHU_DOUBLING(Parse, kUnpunctuated, kRunOnBytes);
WENSHU_DOUBLING(Parse, kFooterLines, kRunOnBytes);
WENSHU_DOUBLING(Parse, kFigureLines, kRunOnBytes);
WENSHU_DOUBLING(Parse, kRepairSpots, kRunOnBytes);
WENSHU_DOUBLING(Parse, kReport, kRunOnBytes);
WENSHU_DOUBLING(Parse, kDotted, kRunOnBytes);
WENSHU_DOUBLING(Parse, kMultipliers, kRunOnBytes);
WENSHU_DOUBLING(Parse, kChangesAfterOneFigure, kRunOnBytes);

WENSHU_SCALING(Tokenize, kReport, kReportBytes);
WENSHU_SCALING(Tokenize, kDigits, kReportBytes);
WENSHU_SCALING(Tokenize, kMarkersOneLine, kReportBytes);
WENSHU_SCALING(Tokenize, kParenMarkersOneLine, kReportBytes);
WENSHU_SCALING(Tokenize, kMarkerLines, kReportBytes);
WENSHU_SCALING(Tokenize, kBrackets, kReportBytes);
WENSHU_SCALING(Tokenize, kInvalid, kReportBytes);

WENSHU_SCALING(Repair, kReport, kReportBytes);
WENSHU_SCALING(Repair, kDigits, kShapeBytes);
WENSHU_SCALING(Repair, kMarkersOneLine, kShapeBytes);
WENSHU_SCALING(Repair, kParenMarkersOneLine, kShapeBytes);
WENSHU_SCALING(Repair, kMarkerLines, kShapeBytes);
WENSHU_SCALING(Repair, kBrackets, kShapeBytes);
WENSHU_SCALING(Repair, kInvalid, kShapeBytes);
WENSHU_SCALING(Repair, kRepairSpots, kRepairSpotsBytes);

WENSHU_SCALING(Parse, kReport, kReportBytes);
WENSHU_SCALING(Parse, kDigits, kShapeBytes);
WENSHU_SCALING(Parse, kMarkersOneLine, kShapeBytes);
WENSHU_SCALING(Parse, kParenMarkersOneLine, kShapeBytes);
WENSHU_SCALING(Parse, kMarkerLines, kShapeBytes);
WENSHU_SCALING(Parse, kBrackets, kShapeBytes);
WENSHU_SCALING(Parse, kInvalid, kShapeBytes);

}  // namespace

BENCHMARK_MAIN();
