// End-to-end report throughput: Parse() (repair + facts + sections + checks), and each part alone,
// plus JSON writing and reading. Bytes/s and documents/s.
//
// Documents: $WENSHU_BENCH_CORPUS (the shared folder's clean corpora, a .jsonl or a text file:
// bench_corpus.h), else the bundled damaged sample (examples/sample/report.txt).
//   WENSHU_BENCH_CORPUS=/path/to/shared build/x/report_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "report/internal.h"
#include "wenshu/quantity.h"
#include "wenshu/repair.h"
#include "wenshu/report.h"

namespace {

struct Corpus {
  std::vector<std::string> docs;
  size_t bytes = 0;
};

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus();
    c->docs = wenshu::bench::BenchCorpusFromEnv().documents;
    if (c->docs.empty()) {
      const auto sample =
          std::filesystem::path(__FILE__).parent_path().parent_path() / "examples/sample/report.txt";
      c->docs.push_back(wenshu::bench::ReadFileText(sample));
    }
    for (const auto& d : c->docs) c->bytes += d.size();
    return c;
  }();
  return *corpus;
}

void Count(benchmark::State& state, const Corpus& corpus) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * corpus.docs.size()),
                                                benchmark::Counter::kIsRate);
}

void BM_Parse(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  size_t quantities = 0;
  for (auto _ : state) {
    quantities = 0;
    for (const std::string& doc : corpus.docs) {
      auto report = wenshu::Parse(doc);
      if (!report.ok()) state.SkipWithError("parse failed");
      quantities += report->quantities.size();
      benchmark::DoNotOptimize(report);
    }
  }
  Count(state, corpus);
  if (quantities == 0) state.SkipWithError("no quantities found: the benchmark measured nothing");
  state.counters["quantities"] = static_cast<double>(quantities);
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_RepairOnly(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    for (const std::string& doc : corpus.docs) benchmark::DoNotOptimize(wenshu::Repair(doc));
  }
  Count(state, corpus);
}
BENCHMARK(BM_RepairOnly)->Unit(benchmark::kMillisecond);

void BM_FactsOnly(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    for (const std::string& doc : corpus.docs) benchmark::DoNotOptimize(wenshu::ExtractFacts(doc));
  }
  Count(state, corpus);
}
BENCHMARK(BM_FactsOnly)->Unit(benchmark::kMillisecond);

void BM_SectionsOnly(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  size_t sections = 0;
  for (auto _ : state) {
    sections = 0;
    for (const std::string& doc : corpus.docs)
      sections += wenshu::report_internal::ParseSections(doc).flat.size();
  }
  Count(state, corpus);
  state.counters["sections"] = static_cast<double>(sections);
}
BENCHMARK(BM_SectionsOnly)->Unit(benchmark::kMillisecond);

void BM_ToJson(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  std::vector<wenshu::Report> reports;
  for (const std::string& doc : corpus.docs) reports.push_back(*wenshu::Parse(doc));
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const auto& r : reports) bytes += wenshu::ToJson(r, wenshu::JsonStyle::kCompact).size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ToJson)->Unit(benchmark::kMillisecond);

void BM_ReportFromJson(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  std::vector<std::string> jsons;
  size_t bytes = 0;
  for (const std::string& doc : corpus.docs) {
    jsons.push_back(wenshu::ToJson(*wenshu::Parse(doc), wenshu::JsonStyle::kCompact));
    bytes += jsons.back().size();
  }
  for (auto _ : state) {
    for (const auto& j : jsons) {
      auto r = wenshu::ReportFromJson(j);
      if (!r.ok()) state.SkipWithError("read failed");
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ReportFromJson)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
