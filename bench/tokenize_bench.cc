// Tokenizer throughput: wenshu's streaming tokenizer against ICU's dictionary word BreakIterator on the
// same text (ICU alone, UTF-8 text opened with utext_openUTF8, one iterator cloned once, no token
// objects built), and wenshu at several chunk sizes.
//
// Text: the reports in $WENSHU_BENCH_CORPUS (the shared folder's clean corpora, a .jsonl or a text
// file: bench_corpus.h), else a generated report-like corpus.
//
//   WENSHU_BENCH_CORPUS=/path/to/shared build/x/tokenize_bench --benchmark_repetitions=5
//
// Peak memory and start-up are measured on the CLI (see tests/tokenize/README.md):
//   /usr/bin/time -v build/x/wenshu tokenize --stats corpus.txt
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <random>
#include <string>

#include "bench_corpus.h"
#include "wenshu/tokenizer.h"

namespace {

std::string GeneratedCorpus() {
  static const char* kPhrases[] = {
      "2023年上半年,社会事业工作认真贯彻落实党工委管委会工作部署",
      "全区现有中小学16所,其中直属学校7所(高完中2所,九年一贯制学校1所,小学4所)",
      "全年实现地区生产总值１２３．４５亿元,同比增长6.5%",
      "一是加强社会救助;二是完善养老服务体系,新建敬老院2个、床位135张",
      "坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神",
      "城镇登记失业率控制在3.5%以内,居民人均可支配收入增长5.8%",
      "深入实施创新驱动发展战略,规模以上工业增加值增长7.2%",
      "新建农村公路120.5公里,改造危房320户,完成植树造林1500亩",
      "扎实推进乡村振兴,粮食产量稳定在3,456万吨以上",
      "加快建设现代化产业体系,推动制造业高端化、智能化、绿色化发展",
  };
  static const char* kLineStarts[] = {"一、", "(一)", "1、", "2.", "第一,", "　　", ""};
  std::mt19937 rng(7);
  std::string out;
  while (out.size() < 4 * 1024 * 1024) {
    out += kLineStarts[rng() % std::size(kLineStarts)];
    int sentences = 1 + static_cast<int>(rng() % 5);
    for (int s = 0; s < sentences; ++s) {
      out += kPhrases[rng() % std::size(kPhrases)];
      out += s + 1 < sentences ? "," : "。";
    }
    out += '\n';
  }
  return out;
}

struct Corpus {
  std::string text;   // all documents joined by newlines
  size_t documents = 0;
  std::string source;
};

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus();
    const wenshu::bench::BenchCorpus& reports = wenshu::bench::BenchCorpusFromEnv();
    if (reports.documents.empty()) {
      c->text = GeneratedCorpus() + '\n';
      c->documents = 1;
      c->source = "generated";
    } else {
      c->text = reports.JoinedText();
      c->documents = reports.documents.size();
      c->source = reports.source;
    }
    return c;
  }();
  return *corpus;
}

void BM_WenshuTokenize(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  const std::string_view text = corpus.text;
  const size_t chunk = state.range(0) == 0 ? text.size() : static_cast<size_t>(state.range(0));
  wenshu::Tokenizer tokenizer;
  wenshu::Token token;
  uint64_t tokens = 0, covered = 0;
  for (auto _ : state) {
    tokenizer.Reset();
    tokens = 0;
    covered = 0;
    for (size_t i = 0; i < text.size(); i += chunk) {
      (void)tokenizer.Feed(text.substr(i, chunk));
      while (tokenizer.Next(&token)) {
        ++tokens;
        covered += token.end - token.begin;
      }
    }
    tokenizer.Finish();
    while (tokenizer.Next(&token)) {
      ++tokens;
      covered += token.end - token.begin;
    }
    benchmark::DoNotOptimize(tokens);
  }
  // Correctness after the timed loop: every byte was in a token.
  if (covered != text.size()) state.SkipWithError("tokens do not cover the input");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(corpus.documents),
                                                benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel(corpus.source);
}
BENCHMARK(BM_WenshuTokenize)->Arg(0)->Arg(1024)->Arg(64 * 1024)->Unit(benchmark::kMillisecond);

// ICU's word segmentation alone: the same text, no tokens built, one iterator cloned from a prototype.
void BM_IcuWordBreak(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  UErrorCode status = U_ZERO_ERROR;
  static icu::BreakIterator* prototype =
      icu::BreakIterator::createWordInstance(icu::Locale("zh", "CN"), status);
  if (U_FAILURE(status) || prototype == nullptr) {
    state.SkipWithError("cannot create ICU word break iterator");
    return;
  }
  std::unique_ptr<icu::BreakIterator> it(prototype->clone());
  UText* ut = utext_openUTF8(nullptr, corpus.text.data(), static_cast<int64_t>(corpus.text.size()), &status);
  if (U_FAILURE(status)) {
    state.SkipWithError("utext_openUTF8 failed");
    return;
  }
  uint64_t boundaries = 0;
  for (auto _ : state) {
    it->setText(ut, status);
    boundaries = 0;
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) ++boundaries;
    benchmark::DoNotOptimize(boundaries);
  }
  if (U_FAILURE(status)) state.SkipWithError(u_errorName(status));
  utext_close(ut);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.text.size()));
  state.counters["tokens"] = static_cast<double>(boundaries);
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(corpus.documents),
                                                benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel(corpus.source);
}
BENCHMARK(BM_IcuWordBreak)->Unit(benchmark::kMillisecond);

// Start-up: a fresh tokenizer on the embedded dictionary and one short document.
void BM_WenshuStartup(benchmark::State& state) {
  for (auto _ : state) {
    wenshu::Tokenizer tokenizer;
    auto tokens = tokenizer.Tokenize("全区现有中小学16所,在校学生26341人。");
    benchmark::DoNotOptimize(tokens);
  }
}
BENCHMARK(BM_WenshuStartup);

}  // namespace

BENCHMARK_MAIN();
