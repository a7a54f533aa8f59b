// Quantity-stage throughput: ExtractFacts (numbers, units, subjects, parts, changes, dates) and the
// low-level FindNumbers scanner, against ICU's dictionary word BreakIterator on the same text as the
// yardstick (the whole fact pass is meant to be faster than word breaking).
//
// Text: the reports in $WENSHU_BENCH_CORPUS (the shared folder's clean corpora, a .jsonl or a text
// file: bench_corpus.h), each followed by a newline, else a generated report-like corpus.
//
//   WENSHU_BENCH_CORPUS=/path/to/shared build/x/quantity_bench
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <string>

#include "bench_corpus.h"
#include "wenshu/quantity.h"

namespace {

std::string GeneratedCorpus() {
  // Sentences in the style of a work report, with every family of figure the stage reads.
  static const char* kSentences[] = {
      "全区有在校学生26341人(高中4771人,初中6774人,小学14796人),教师1656人。",
      "全区现有各类民政、优抚对象720234人,较上年增加304人。有低保户800户、1576人,较上年减少52户、138人。",
      "有残疾人2271人,特困残疾人275人,分别较上年增加147人和15人。",
      "1—5月为7642人次低保户发放低保金77万元,为19名困难群众发放应急救助金6.3万元。",
      "全年地区生产总值完成1200.5亿元,同比增长8.5%,城镇登记失业率比2005年下降3个百分点。",
      "2023年4月7日,省教育厅完成审查;4月份-5月份屡次磋商,并于5月21日-29日接待来访。",
      "方案生育服务人群约30万人,其中户籍人口数20.6万人,流动人口8万人。",
      "进一步统一思想,扎实推进各项工作,确保全面完成年度目标任务。",
  };
  std::string out;
  while (out.size() < (4u << 20)) {
    for (const char* s : kSentences) out += s;
    out += '\n';
  }
  return out;
}

const std::string& Corpus() {
  static const std::string* corpus = [] {
    const wenshu::bench::BenchCorpus& reports = wenshu::bench::BenchCorpusFromEnv();
    return new std::string(reports.documents.empty() ? GeneratedCorpus() : reports.JoinedText());
  }();
  return *corpus;
}

void BM_ExtractFacts(benchmark::State& state) {
  const std::string& text = Corpus();
  size_t facts = 0;
  for (auto _ : state) {
    wenshu::Facts f = wenshu::ExtractFacts(text);
    facts = f.quantities.size() + f.changes.size() + f.dates.size();
    benchmark::DoNotOptimize(facts);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["facts"] = static_cast<double>(facts);
  // Correctness after the timed loop: a report corpus has figures.
  if (facts == 0) state.SkipWithError("no facts found");
}
BENCHMARK(BM_ExtractFacts)->Unit(benchmark::kMillisecond);

void BM_FindNumbers(benchmark::State& state) {
  const std::string& text = Corpus();
  size_t numbers = 0;
  for (auto _ : state) {
    numbers = wenshu::FindNumbers(text).size();
    benchmark::DoNotOptimize(numbers);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["numbers"] = static_cast<double>(numbers);
}
BENCHMARK(BM_FindNumbers)->Unit(benchmark::kMillisecond);

// The yardstick: ICU dictionary word breaking over the same UTF-8 text, no token objects built.
void BM_IcuWordBreak(benchmark::State& state) {
  const std::string& text = Corpus();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU word break iterator unavailable");
    return;
  }
  size_t boundaries = 0;
  for (auto _ : state) {
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    words->setText(ut, status);
    boundaries = 0;
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) ++boundaries;
    utext_close(ut);
    benchmark::DoNotOptimize(boundaries);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_IcuWordBreak)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
