// How soon a cancellation takes effect: the longest stretch of work between two polls of the caller's
// hook (and from the call to the first poll, and from the last poll to the return), in thread CPU
// time, for Parse and for each repair rule alone, over the adversarial shapes of bench/shapes.h. A
// Ctrl-C waits at most that long. Not Google Benchmark: one run per case is the measurement.
//
//   build/default/bench/cancel_latency [MiB] [shape ...]          Parse, every shape (default 10 MiB)
//   build/default/bench/cancel_latency --rules [MiB] [shape ...]  each repair rule alone, too
//   build/default/bench/cancel_latency --facts [MiB] [shape ...]  ExtractFacts alone, too
//   build/default/bench/cancel_latency --where [MiB] [shape ...]  and where the longest gap begins and
//                                                                 ends (module+offset call stacks of the
//                                                                 two polls, for addr2line -f -C -i -e)
#include <dlfcn.h>
#include <execinfo.h>
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "shapes.h"
#include "wenshu/quantity.h"
#include "wenshu/repair.h"
#include "wenshu/report.h"

namespace {

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool g_where = false;  // --where: keep the call stacks of the polls around the longest gap

// A poll's call stack (empty for the call's start and return).
struct Stack {
  void* frames[24];
  int depth = 0;
  void Take() { depth = backtrace(frames, 24); }
};

// The polls of one call: their count, the whole call's CPU time and the longest gap.
struct Gaps {
  size_t polls = 0;
  double total = 0;
  double longest = 0;
  double longest_at = 0;  // when the longest gap ended, in seconds since the call began
  double freed = 0;       // freeing the call's result, after it returned (not a gap: the work is done)
  Stack gap_begin, gap_end;  // --where
};

template <typename Call>
Gaps Measure(Call call) {
  Gaps g;
  const double start = ThreadCpuSeconds();
  double last = start;
  Stack previous, current;
  const std::function<bool()> hook = [&] {
    const double now = ThreadCpuSeconds();
    if (g_where) current.Take();
    if (now - last > g.longest) {
      g.longest = now - last;
      g.longest_at = now - start;
      if (g_where) {
        g.gap_begin = previous;
        g.gap_end = current;
      }
    }
    if (g_where) previous = current;
    last = ThreadCpuSeconds();  // the stack walk is the probe's cost, not the code's
    ++g.polls;
    return false;
  };
  // The result is freed after the call's end is taken: a finished document's report is no work a Ctrl-C
  // waits for, and its freeing (a repair log of millions of records) is shown apart.
  auto result = call(hook);
  const double end = ThreadCpuSeconds();
  if (end - last > g.longest) {
    g.longest = end - last;
    g.longest_at = end - start;
    g.gap_begin = previous;
    g.gap_end = Stack{};
  }
  g.total = end - start;
  { auto gone = std::move(result); }
  g.freed = ThreadCpuSeconds() - end;
  return g;
}

void PrintStack(const char* what, const Stack& s) {
  std::printf("    %s:", what);
  if (s.depth == 0) std::printf(" (the call's %s)", what[0] == 'b' ? "start" : "return");
  for (int i = 2; i < s.depth; ++i) {  // 0: Take, 1: the hook
    Dl_info info;
    if (dladdr(s.frames[i], &info) != 0 && info.dli_fname != nullptr) {
      std::printf(" %s+0x%zx", info.dli_fname,
                  static_cast<size_t>(static_cast<char*>(s.frames[i]) - static_cast<char*>(info.dli_fbase)) - 1);
    }
  }
  std::printf("\n");
}

void Print(std::string_view shape, std::string_view what, const Gaps& g) {
  std::printf("%-24.*s %-34.*s %8.3f s %7zu polls  longest gap %7.1f ms (ending at %.2f s)  result freed in %.1f ms\n",
              static_cast<int>(shape.size()), shape.data(), static_cast<int>(what.size()), what.data(), g.total,
              g.polls, g.longest * 1e3, g.longest_at, g.freed * 1e3);
  if (g_where) {
    PrintStack("begins", g.gap_begin);
    PrintStack("ends", g.gap_end);
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace wenshu;
  bool rules = false, facts = false;
  double mib = 10;
  std::vector<std::string_view> only;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--rules") {
      rules = true;
    } else if (arg == "--facts") {
      facts = true;
    } else if (arg == "--where") {
      g_where = true;
    } else if (!arg.empty() && (arg[0] >= '0' && arg[0] <= '9')) {
      mib = std::atof(argv[i]);
    } else {
      only.push_back(arg);
    }
  }
  const size_t bytes = static_cast<size_t>(mib * (1 << 20));
  std::vector<std::string> all_rules;
  for (const RepairRuleInfo& r : RepairRules()) all_rules.emplace_back(r.id);
  for (size_t s = 0; s < std::size(bench::kShapes); ++s) {
    const std::string_view name = bench::kShapeNames[s];
    bool wanted = only.empty();
    for (std::string_view o : only) wanted |= o == name;
    if (!wanted) continue;
    const std::string input = bench::Make(bench::kShapes[s], bytes);
    Print(name, "Parse", Measure([&](const std::function<bool()>& hook) {
            ParseOptions o;
            o.max_bytes = input.size();
            o.cancelled = hook;
            auto report = Parse(input, o);
            if (!report.ok()) std::fprintf(stderr, "parse failed\n");
            return report;
          }));
    if (facts) {
      Print(name, "ExtractFacts", Measure([&](const std::function<bool()>& hook) {
              FactOptions o;
              o.cancelled = hook;
              return ExtractFacts(input, o);
            }));
    }
    if (!rules) continue;
    for (const std::string& id : all_rules) {
      RepairOptions o;
      for (const std::string& other : all_rules) {
        if (other != id) o.disabled_rules.insert(other);
      }
      Print(name, id, Measure([&](const std::function<bool()>& hook) {
              o.cancelled = hook;
              auto repaired = Repair(input, o);
              if (!repaired.ok()) std::fprintf(stderr, "repair failed\n");
              return repaired;
            }));
    }
  }
  return 0;
}
