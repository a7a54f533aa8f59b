// Checks shared by the reliability tests: every byte accounted for by the tokenizer and the repair log,
// and input sizes scaled down under sanitizers (which run 3-20x slower) so CI stays within budget.
#ifndef WENSHU_TESTS_RELIABILITY_RELIABILITY_SUPPORT_H_
#define WENSHU_TESTS_RELIABILITY_RELIABILITY_SUPPORT_H_

#include <time.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "wenshu/repair.h"
#include "wenshu/tokenizer.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define WENSHU_TEST_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define WENSHU_TEST_UNDER_SANITIZER 1
#endif
#endif

namespace wenshu::reliability {

// The divisor applied to the large adversarial sizes: 1 in the plain build, 16 under a sanitizer or in
// an unoptimized build; WENSHU_ADVERSARIAL_DIVISOR overrides it (e.g. 1 to run full size under ASan).
inline size_t SizeDivisor() {
  if (const char* env = std::getenv("WENSHU_ADVERSARIAL_DIVISOR"); env != nullptr && *env != '\0') {
    long v = std::strtol(env, nullptr, 10);
    return v >= 1 ? static_cast<size_t>(v) : 1;
  }
#if defined(WENSHU_TEST_UNDER_SANITIZER) || !defined(__OPTIMIZE__)
  return 16;
#else
  return 1;
#endif
}

inline size_t Scaled(size_t full_size) { return std::max<size_t>(full_size / SizeDivisor(), 1); }

// Aborts the test process with a message once the scope has used more than `limit` of CPU time
// (scaled by SizeDivisor's build kind: sanitizers get 4x). Not a speed measurement (benchmarks do that):
// a guard so that quadratic behaviour on adversarial input fails clearly within CI's budget instead of
// hanging until ctest's timeout. The limits are 5-10x the expected time of the plain build. The
// process's CPU time, not the wall clock, is what counts: a machine busy with other builds slows the
// wall clock but not the work this process does, and must not fail a linear-time run.
class HangGuard {
 public:
  HangGuard(std::string what, std::chrono::seconds limit) : what_(std::move(what)) {
#if defined(WENSHU_TEST_UNDER_SANITIZER) || !defined(__OPTIMIZE__)
    limit *= 4;
#endif
    const double start = ProcessCpuSeconds();
    watchdog_ = std::thread([this, limit, start] {
      std::unique_lock<std::mutex> lock(mutex_);
      while (!done_cv_.wait_for(lock, std::chrono::milliseconds(250), [this] { return done_; })) {
        if (ProcessCpuSeconds() - start <= static_cast<double>(limit.count())) continue;
        std::fprintf(stderr,
                     "HANG: %s used more than %lld s of CPU time; linear-time work expected "
                     "(see bench/scaling_bench.cc)\n",
                     what_.c_str(), static_cast<long long>(limit.count()));
        std::fflush(stderr);
        std::abort();
      }
    });
  }
  ~HangGuard() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    done_cv_.notify_all();
    watchdog_.join();
  }
  HangGuard(const HangGuard&) = delete;
  HangGuard& operator=(const HangGuard&) = delete;

 private:
  static double ProcessCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }

  std::string what_;
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread watchdog_;
};

// Tokens cover [0, input.size()) exactly once, in order, and hold the input's bytes.
inline void ExpectLosslessTokens(std::string_view input, const std::vector<OwnedToken>& tokens) {
  uint64_t next = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const OwnedToken& t = tokens[i];
    ASSERT_EQ(t.begin, next) << "token " << i;
    ASSERT_GT(t.end, t.begin) << "token " << i;
    ASSERT_LE(t.end, input.size()) << "token " << i;
    ASSERT_EQ(t.text, input.substr(t.begin, t.end - t.begin)) << "token " << i;
    next = t.end;
  }
  ASSERT_EQ(next, input.size());
}

// Tokenizes `input` fed in chunks of `chunk` bytes and returns the tokens.
inline std::vector<OwnedToken> TokenizeChunked(std::string_view input, size_t chunk,
                                               TokenizerOptions options = {}) {
  Tokenizer tokenizer(options);
  std::vector<OwnedToken> out;
  Token t;
  auto drain = [&] {
    while (tokenizer.Next(&t)) {
      out.push_back({t.kind, t.flags, t.begin, t.end, t.cp_begin, t.cp_end, std::string(t.text),
                     std::string(t.norm)});
    }
  };
  for (size_t i = 0; i < input.size(); i += chunk) {
    EXPECT_TRUE(tokenizer.Feed(input.substr(i, chunk)).ok());
    drain();
  }
  tokenizer.Finish();
  drain();
  EXPECT_TRUE(tokenizer.done());
  return out;
}

// The repair log is exact: records sorted, non-overlapping, inside the input, before == the original
// bytes; applying them gives the text and reverting gives the original; flags lie inside the input
// and hold its bytes.
inline void ExpectExactRepairLog(std::string_view original, const RepairResult& result) {
  size_t last_end = 0;
  for (size_t i = 0; i < result.records.size(); ++i) {
    const RepairRecord& r = result.records[i];
    ASSERT_LE(r.span.begin, r.span.end) << "record " << i << " " << r.rule;
    ASSERT_LE(r.span.end, original.size()) << "record " << i << " " << r.rule;
    ASSERT_GE(r.span.begin, last_end) << "record " << i << " " << r.rule << " overlaps its predecessor";
    ASSERT_EQ(r.before, original.substr(r.span.begin, r.span.size())) << "record " << i << " " << r.rule;
    ASSERT_FALSE(r.rule.empty());
    ASSERT_GE(r.confidence, 0.0);
    ASSERT_LE(r.confidence, 1.0);
    for (const Span& e : r.evidence) ASSERT_LE(e.end, original.size()) << r.rule;
    last_end = r.span.end;
  }
  size_t last_flag_begin = 0;
  for (size_t i = 0; i < result.flags.size(); ++i) {
    const RepairFlag& f = result.flags[i];
    ASSERT_LE(f.span.begin, f.span.end) << "flag " << i << " " << f.rule;
    ASSERT_LE(f.span.end, original.size()) << "flag " << i << " " << f.rule;
    ASSERT_GE(f.span.begin, last_flag_begin) << "flags not sorted at " << i;
    ASSERT_EQ(f.text, original.substr(f.span.begin, f.span.size())) << "flag " << i << " " << f.rule;
    last_flag_begin = f.span.begin;
  }
  auto applied = ApplyRepairs(original, result.records);
  ASSERT_TRUE(applied.ok()) << applied.status();
  ASSERT_TRUE(*applied == result.text) << "ApplyRepairs(original) differs from the repaired text";
  auto reverted = RevertRepairs(result.text, result.records);
  ASSERT_TRUE(reverted.ok()) << reverted.status();
  ASSERT_TRUE(*reverted == original) << "RevertRepairs(text) differs from the original";
}

}  // namespace wenshu::reliability

#endif  // WENSHU_TESTS_RELIABILITY_RELIABILITY_SUPPORT_H_
