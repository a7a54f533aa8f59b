// The library core on many threads at once: tokenizing, repairing and parsing different documents
// concurrently over the shared immutable tables (the embedded dictionary, the repair vocabulary, the
// quantity tables, their lazily built statics) gives exactly the single-threaded results.
// Run under ThreadSanitizer by the `tsan` preset (label `concurrency`).
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_data.h"
#include "wenshu/repair.h"
#include "wenshu/report.h"
#include "wenshu/tokenizer.h"

namespace wenshu {
namespace {

constexpr int kThreads = 8;

// A digest of everything each stage produced for one document, to compare across threads.
struct Outcome {
  std::vector<OwnedToken> tokens;
  std::string repaired;
  std::vector<std::string> repair_log;  // rule, span, before, after per record and flag
  std::string report_json;

  friend bool operator==(const Outcome&, const Outcome&) = default;
};

std::vector<std::string> Documents() {
  std::vector<std::string> docs;
  for (const char* fixture : {"tokenize/damaged_report.txt", "capi/sample_report.txt",
                              "report/sample_clean.txt"}) {
    auto path = testing::FixturePath(fixture);
    if (auto text = testing::ReadFile(path)) docs.push_back(*text);
  }
  if (auto seed = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt")) {
    if (auto text = testing::ReadFile(*seed)) docs.push_back(*text);
  }
  // A few clean reports (bounded: TSan is slow) plus adversarial shapes.
  auto corpus = testing::CleanCorpusDocuments();
  for (size_t i = 0; i < corpus.size() && i < 4; ++i) {
    docs.push_back(corpus[i * (corpus.size() / 4 + 1) % corpus.size()].text.substr(0, 20000));
  }
  // Broken and NUL bytes; the length comes from the literal so the NUL is kept and nothing is over-read.
  static constexpr char kBroken[] = "\xe4\xb8\xff\x00(\xe4\xb8\x80)1\xe3\x80\x81";
  docs.push_back(std::string(kBroken, sizeof(kBroken) - 1) + "二十三万元\r\n");
  docs.push_back("");
  std::string markers;
  for (int i = 0; i < 200; ++i) markers += "（一）1、";
  docs.push_back(markers);
  return docs;
}

Outcome Process(std::string_view doc) {
  Outcome out;
  // Streamed in 7-byte chunks, so the tokenizer's carry path runs too.
  Tokenizer tokenizer;
  Token token;
  for (size_t i = 0; i < doc.size(); i += 7) {
    EXPECT_TRUE(tokenizer.Feed(doc.substr(i, 7)).ok());
    while (tokenizer.Next(&token)) {
      out.tokens.push_back({token.kind, token.flags, token.begin, token.end, token.cp_begin,
                            token.cp_end, std::string(token.text), std::string(token.norm)});
    }
  }
  tokenizer.Finish();
  while (tokenizer.Next(&token)) {
    out.tokens.push_back({token.kind, token.flags, token.begin, token.end, token.cp_begin, token.cp_end,
                          std::string(token.text), std::string(token.norm)});
  }
  auto repaired = Repair(doc);
  EXPECT_TRUE(repaired.ok()) << repaired.status();
  if (repaired.ok()) {
    out.repaired = repaired->text;
    for (const auto& r : repaired->records) {
      out.repair_log.push_back(std::string(r.rule) + "@" + std::to_string(r.span.begin) + "-" +
                               std::to_string(r.span.end) + ":" + r.before + "->" + r.after);
    }
    for (const auto& f : repaired->flags) {
      out.repair_log.push_back("flag " + std::string(f.rule) + "@" + std::to_string(f.span.begin));
    }
  }
  auto report = Parse(doc);
  EXPECT_TRUE(report.ok()) << report.status();
  if (report.ok()) out.report_json = ToJson(*report, JsonStyle::kCompact);
  return out;
}

TEST(ConcurrencyTest, EightThreadsGiveTheSingleThreadedResults) {
  const std::vector<std::string> docs = Documents();
  ASSERT_GE(docs.size(), 5u);
  std::vector<Outcome> expected;
  for (const auto& d : docs) expected.push_back(Process(d));

  // Every thread processes every document, each starting at a different one, so different
  // documents are in flight at the same moment; no thread touches the tables first on its own.
  std::atomic<int> ready{0};
  std::vector<std::vector<Outcome>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      results[t].resize(docs.size());
      for (size_t k = 0; k < docs.size(); ++k) {
        size_t d = (k + t) % docs.size();
        results[t][d] = Process(docs[d]);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    for (size_t d = 0; d < docs.size(); ++d) {
      EXPECT_TRUE(results[t][d] == expected[d]) << "thread " << t << " document " << d;
    }
  }
}

// The first use of the lazily built tables happens on many threads at once in a fresh process only
// if this test runs first; gtest runs tests in declaration order within a binary, but ctest runs each
// test in its own process (gtest_discover_tests), so this one always starts cold.
TEST(ConcurrencyTest, ColdStartOnManyThreads) {
  const std::string doc = "2023年上半年工作总结\n(一)开展概况\n1、全区现有中小学16所，增长10%。\n";
  std::vector<std::string> json(kThreads);
  std::vector<size_t> token_counts(kThreads);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      if (t % 2 == 0) {
        Tokenizer tokenizer;
        token_counts[t] = tokenizer.Tokenize(doc).size();
      }
      auto report = Parse(doc);
      if (report.ok()) json[t] = ToJson(*report);
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 1; t < kThreads; ++t) EXPECT_EQ(json[t], json[0]) << "thread " << t;
  EXPECT_FALSE(json[0].empty());
  for (int t = 2; t < kThreads; t += 2) EXPECT_EQ(token_counts[t], token_counts[0]);
  EXPECT_GT(token_counts[0], 5u);
}

}  // namespace
}  // namespace wenshu
