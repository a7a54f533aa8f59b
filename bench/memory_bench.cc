// Peak memory per document: Parse (and Parse + ToJson, as the command does) over generated documents of
// several shapes and sizes, each in its own child process. Prints, per case, the document's size, the
// peak resident memory above the child's base (the document itself already in memory) and that peak
// as a multiple of the document's size. The goal (issue 12) is at most 10x.
//
//   build/default/bench/memory_bench [MiB ...]        default sizes: 1 4 16
//
// Linux only: the peak is VmHWM from /proc/self/status, reset after the document is built by writing 5
// to /proc/self/clear_refs.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "wenshu/report.h"

namespace {

// One unit per shape, repeated to the size asked for.
struct Shape {
  const char* name;
  std::string_view unit;
};

constexpr Shape kShapes[] = {
    // Plain prose: sentences with a few figures, as in a real report.
    {"prose",
     "今年以来，我局在县委县政府的正确领导下，认真贯彻落实各项决策部署，扎实推进各项工作，全区现有中小学16所，"
     "在校学生26341人，较上年增加304人，增长1.2%。\n"},
    // One page footer per line: a repair record per line.
    {"footer_per_line", "完成了年度目标任务，群众满意度明显提高。\n社区工作总结第3页\n"},
    // Figures and changes only.
    {"many_figures", "产值12亿元，增长5.3%，学校3所、医院2个、道路12公里，比上年增加3所。\n"},
    // Masked tens (20230 -> 100) and spun words: many repair records.
    {"many_repairs", "2022年全区新建学校20230所，开展〝主动服务〞活动，完成20230项。\n"},
};

size_t ReadStatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::strtoull(line.c_str() + key.size(), nullptr, 10);
  }
  return 0;
}

void ResetPeak() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

// Runs in the child: builds the document, resets the peak, parses, prints one row.
int Measure(const Shape& shape, size_t bytes, bool json) {
  std::string doc;
  doc.reserve(bytes + shape.unit.size());
  while (doc.size() < bytes) doc += shape.unit;
  ResetPeak();
  const size_t base_kb = ReadStatusKb("VmRSS");
  size_t out_bytes = 0;
  {
    auto report = wenshu::Parse(doc);
    if (!report.ok()) {
      std::fprintf(stderr, "%s: %s\n", shape.name, std::string(report.status().message()).c_str());
      return 1;
    }
    if (json) out_bytes = wenshu::ToJson(*report, wenshu::JsonStyle::kCompact).size();
  }
  const size_t peak_kb = ReadStatusKb("VmHWM");
  const double above = static_cast<double>(peak_kb > base_kb ? peak_kb - base_kb : 0) * 1024.0;
  std::printf("%-16s %-10s %8.1f MB %10.1f MB %7.1fx %10.1f MB\n", shape.name, json ? "parse+json" : "parse",
              static_cast<double>(doc.size()) / 1e6, above / 1e6, above / static_cast<double>(doc.size()),
              static_cast<double>(out_bytes) / 1e6);
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> mib;
  for (int i = 1; i < argc; ++i) mib.push_back(std::strtoull(argv[i], nullptr, 10));
  if (mib.empty()) mib = {1, 4, 16};
  std::printf("%-16s %-10s %11s %13s %8s %13s\n", "shape", "stages", "document", "peak-base", "ratio",
              "json");
  std::fflush(stdout);  // before fork: the children must not print it again
  int status = 0;
  for (const Shape& shape : kShapes) {
    for (size_t m : mib) {
      for (bool json : {false, true}) {
        const pid_t child = fork();
        if (child == 0) _exit(Measure(shape, m << 20, json));
        int wstatus = 0;
        waitpid(child, &wstatus, 0);
        if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) status = 1;
      }
    }
  }
  return status;
}
