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

#include "shapes.h"
#include "wenshu/repair.h"
#include "wenshu/report.h"
#include "wenshu/tokenizer.h"

namespace {

using namespace wenshu::bench;  // NOLINT: the shapes by their short names

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
WENSHU_DOUBLING(Parse, kTargetTriggers, kRunOnBytes);

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
