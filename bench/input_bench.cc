// Input decoding (wenshu/input.h): detection and conversion to UTF-8, in MB/s of input. UTF-8 input is
// detected on a 64 KiB window and then passed through, so BM_DecodeUtf8 must stay close to
// BM_CopyBaseline (a plain copy of the same bytes); GB18030 and UTF-16 pay for the ICU conversion.
// Corpus: $WENSHU_BENCH_CORPUS (bench_corpus.h), else a generated report-like text.
#include <benchmark/benchmark.h>
#include <unicode/ucnv.h>

#include <string>

#include "bench_corpus.h"
#include "wenshu/input.h"
#include "wenshu/report.h"

namespace {

const std::string& Utf8Text() {
  static const std::string* text = [] {
    auto* t = new std::string(wenshu::bench::ReadBenchCorpus().JoinedText());
    if (t->empty()) {
      for (int i = 0; i < 20000; ++i) {
        *t += "今年以来，全局财政收入达到" + std::to_string(i) + "万元，同比增长5.2%，较上年增加30人。\n";
      }
    }
    return t;
  }();
  return *text;
}

std::string Convert(const std::string& utf8, const char* to) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(to, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  out.resize(U_SUCCESS(status) ? static_cast<size_t>(n) : 0);
  return out;
}

void Run(benchmark::State& state, const std::string& bytes) {
  for (auto _ : state) {
    absl::StatusOr<wenshu::DecodedText> d = wenshu::DecodeText(bytes);
    if (!d.ok()) state.SkipWithError(std::string(d.status().message()).c_str());
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes.size()));
}

void BM_CopyBaseline(benchmark::State& state) {
  const std::string& text = Utf8Text();
  for (auto _ : state) {
    std::string copy = text;
    benchmark::DoNotOptimize(copy);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CopyBaseline)->Unit(benchmark::kMillisecond);

void BM_DecodeUtf8(benchmark::State& state) { Run(state, Utf8Text()); }
BENCHMARK(BM_DecodeUtf8)->Unit(benchmark::kMillisecond);

void BM_DecodeUtf8Bom(benchmark::State& state) { Run(state, "\xEF\xBB\xBF" + Utf8Text()); }
BENCHMARK(BM_DecodeUtf8Bom)->Unit(benchmark::kMillisecond);

void BM_DecodeGb18030(benchmark::State& state) {
  static const std::string gb = Convert(Utf8Text(), "GB18030");
  Run(state, gb);
}
BENCHMARK(BM_DecodeGb18030)->Unit(benchmark::kMillisecond);

void BM_DecodeUtf16Le(benchmark::State& state) {
  static const std::string u16 = "\xFF\xFE" + Convert(Utf8Text(), "UTF-16LE");
  Run(state, u16);
}
BENCHMARK(BM_DecodeUtf16Le)->Unit(benchmark::kMillisecond);

// The whole job for scale: parsing the same text, to show decoding is a small part of it.
void BM_ParseForScale(benchmark::State& state) {
  const std::string& text = Utf8Text();
  const std::string doc = text.substr(0, std::min<size_t>(text.size(), 1 << 20));
  for (auto _ : state) {
    auto r = wenshu::Parse(doc);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.size()));
}
BENCHMARK(BM_ParseForScale)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
