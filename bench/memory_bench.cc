// Peak memory per document: Parse (and Parse + WriteJson, as the command does) over documents of
// several shapes and sizes, each in its own child process. Prints, per case, the document's size, the
// peak resident memory above the child's base (the document itself already in memory) and that peak
// as a multiple of the document's size, then the worst ratio of each shape. The goal (issue 12) is at
// most 10x.
//
//   build/default/bench/memory_bench [--max-ratio X] [MiB ...]   default sizes: 1 4 16; with
//                                                          --max-ratio, exits 1 when a row is over X
//   build/default/bench/memory_bench --one SHAPE MiB [json]   one case in this process (for valgrind
//                                                          --tool=massif), no fork
//
// Shapes: generated report-like text (prose, one footer per line, figures, repairs, and the run-on
// enumerations of figures and of changes an attack on issue 12 used); "national", the real reports of
// $WENSHU_BENCH_CORPUS (bench_corpus.h) one after another, when it is set; "jsonl_line", one JSONL
// line of that size whose text field holds 4 bytes and whose other field holds the rest, read through
// ReadInput (the reader must not build the skipped field); and "html_table", an HTML page of one long
// table read through ReadInput and parsed, as `wenshu parse page.html` does (the size is the page's).
//
// Linux only: the peak is VmHWM from /proc/self/status, reset after the document is built by writing 5
// to /proc/self/clear_refs.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bench_corpus.h"
#include "wenshu/input.h"
#include "wenshu/report.h"

namespace {

// One unit per shape, repeated to the size asked for. An empty unit is a shape built otherwise.
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
    // One run-on enumeration of figures, and one of changes after a figure (scaling_bench's shapes): a
    // fact every ~13 bytes.
    {"enumeration", "学校3所、医院2个、道路12公里、"},
    {"change_enumeration", "增长5%、6.2%、7个百分点、"},
    // The real reports of $WENSHU_BENCH_CORPUS, repeated.
    {"national", ""},
    // One JSONL line: {"pad": "<bytes>", "text": "正文"} read through ReadInput.
    {"jsonl_line", ""},
    // An HTML page of one table, a figure in every row: many small elements for the HTML parser's tree.
    {"html_table", "<tr><td>1</td><td>学校</td><td>16所</td></tr>\n"},
};

// Set by --max-ratio: a row over it makes the child, and so the run, exit 1.
double max_ratio = 0;

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

bool Available(const Shape& shape) {
  if (std::string_view(shape.name) != "national") return true;
  const char* env = std::getenv("WENSHU_BENCH_CORPUS");
  return env != nullptr && *env != '\0';
}

std::string BuildDocument(const Shape& shape, size_t bytes) {
  std::string doc;
  if (std::string_view(shape.name) == "national") {
    const wenshu::bench::BenchCorpus& corpus = wenshu::bench::BenchCorpusFromEnv();
    doc.reserve(bytes + 1024 * 1024);
    while (doc.size() < bytes) {
      for (const std::string& d : corpus.documents) {
        doc += d;
        doc += '\n';
        if (doc.size() >= bytes) break;
      }
    }
    return doc;
  }
  doc.reserve(bytes + shape.unit.size());
  if (std::string_view(shape.name) == "change_enumeration") doc = "产值12亿元，";
  while (doc.size() < bytes) doc += shape.unit;
  return doc;
}

// Prints one row; returns 1 when its ratio is over --max-ratio, 0 otherwise.
int PrintRow(const Shape& shape, const char* stages, size_t doc_bytes, size_t base_kb, size_t out_bytes) {
  const size_t peak_kb = ReadStatusKb("VmHWM");
  const double above = static_cast<double>(peak_kb > base_kb ? peak_kb - base_kb : 0) * 1024.0;
  const double ratio = above / static_cast<double>(doc_bytes);
  const bool over = max_ratio > 0 && ratio > max_ratio;
  std::printf("%-18s %-15s %8.1f MB %10.1f MB %7.1fx %10.1f MB%s\n", shape.name, stages,
              static_cast<double>(doc_bytes) / 1e6, above / 1e6, ratio, static_cast<double>(out_bytes) / 1e6,
              over ? "  over" : "");
  std::fflush(stdout);
  return over ? 1 : 0;
}

// A temporary file holding `content`; its path, empty on failure.
std::string WriteTemporary(const std::string& content) {
  char path[] = "/tmp/wenshu_memory_bench_XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return {};
  close(fd);
  std::ofstream out(path, std::ios::binary);
  out << content;
  return out ? path : std::string();
}

// Parses `doc` (and writes its JSON when `json`), as the command does; the JSON's size in *out_bytes.
bool ParseDocument(const Shape& shape, std::string_view doc, bool json, size_t* out_bytes) {
  wenshu::ParseOptions options;
  options.max_bytes = doc.size();
  auto report = wenshu::Parse(doc, options);
  if (!report.ok()) {
    std::fprintf(stderr, "%s: %s\n", shape.name, std::string(report.status().message()).c_str());
    return false;
  }
  // As `wenshu parse --format jsonl -o FILE` does: the JSON goes to the output in pieces.
  if (json) {
    wenshu::WriteJson(*report, wenshu::JsonStyle::kCompact, [&](std::string_view piece) {
      *out_bytes += piece.size();
      return true;
    });
  }
  return true;
}

// An HTML page of `bytes` through ReadInput, each document it gives parsed: the peak of the page's
// tree and of the parse of its text, against the page's size.
int MeasureHtmlPage(const Shape& shape, size_t bytes, bool json) {
  std::string page = "<!DOCTYPE html><html><head><title>统计表</title></head><body><table>\n";
  while (page.size() < bytes) page += shape.unit;
  page += "</table></body></html>\n";
  const std::string path = WriteTemporary(page);
  if (path.empty()) return 1;
  const size_t page_bytes = page.size();
  page = std::string();
  ResetPeak();
  const size_t base_kb = ReadStatusKb("VmRSS");
  size_t out_bytes = 0;
  bool parsed = true;
  wenshu::InputOptions options;
  options.format = wenshu::InputFormat::kHtml;
  options.max_bytes = page_bytes;
  const absl::Status status = wenshu::ReadInput(path, options, [&](wenshu::InputDocument&& doc) {
    if (!doc.error.empty()) std::fprintf(stderr, "%s: %s\n", shape.name, doc.error.c_str());
    parsed = parsed && ParseDocument(shape, doc.text, json, &out_bytes);
    return true;
  });
  unlink(path.c_str());
  if (!status.ok() || !parsed) {
    std::fprintf(stderr, "%s: %s\n", shape.name, std::string(status.message()).c_str());
    return 1;
  }
  return PrintRow(shape, json ? "read+parse+json" : "read+parse", page_bytes, base_kb, out_bytes);
}

// One JSONL line of `bytes` through ReadInput: the document is the line, its report is not built.
int MeasureJsonlLine(const Shape& shape, size_t bytes) {
  const std::string head = "{\"pad\":\"", tail = "\",\"text\":\"正文\"}\n";
  const std::string path = WriteTemporary(
      head + std::string(bytes > head.size() + tail.size() ? bytes - head.size() - tail.size() : 0, 'x') + tail);
  if (path.empty()) return 1;
  const size_t line_bytes = std::max(bytes, head.size() + tail.size());
  ResetPeak();
  const size_t base_kb = ReadStatusKb("VmRSS");
  size_t text_bytes = 0;
  wenshu::InputOptions options;
  options.format = wenshu::InputFormat::kJsonl;
  options.max_bytes = bytes + 1024;
  const absl::Status status = wenshu::ReadInput(path, options, [&](wenshu::InputDocument&& doc) {
    if (!doc.error.empty()) std::fprintf(stderr, "jsonl_line: %s\n", doc.error.c_str());
    text_bytes += doc.text.size();
    return true;
  });
  unlink(path.c_str());
  if (!status.ok() || text_bytes == 0) {
    std::fprintf(stderr, "jsonl_line: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  return PrintRow(shape, "read", line_bytes, base_kb, text_bytes);
}

// Runs in the child: builds the document, resets the peak, parses, prints one row.
int Measure(const Shape& shape, size_t bytes, bool json) {
  if (std::string_view(shape.name) == "jsonl_line") return json ? 0 : MeasureJsonlLine(shape, bytes);
  if (std::string_view(shape.name) == "html_table") return MeasureHtmlPage(shape, bytes, json);
  const std::string doc = BuildDocument(shape, bytes);
  ResetPeak();
  const size_t base_kb = ReadStatusKb("VmRSS");
  size_t out_bytes = 0;
  if (!ParseDocument(shape, doc, json, &out_bytes)) return 1;
  return PrintRow(shape, json ? "parse+json" : "parse", doc.size(), base_kb, out_bytes);
}

const Shape* FindShape(std::string_view name) {
  for (const Shape& s : kShapes) {
    if (name == s.name) return &s;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "--one") == 0) {
    const Shape* shape = FindShape(argv[2]);
    if (shape == nullptr) {
      std::fprintf(stderr, "unknown shape %s\n", argv[2]);
      return 2;
    }
    return Measure(*shape, std::strtoull(argv[3], nullptr, 10) << 20, argc >= 5);
  }
  std::vector<size_t> mib;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--max-ratio") == 0 && i + 1 < argc) {
      max_ratio = std::strtod(argv[++i], nullptr);
      continue;
    }
    mib.push_back(std::strtoull(argv[i], nullptr, 10));
  }
  if (mib.empty()) mib = {1, 4, 16};
  std::printf("%-18s %-15s %11s %13s %8s %13s\n", "shape", "stages", "document", "peak-base", "ratio",
              "output");
  std::fflush(stdout);  // before fork: the children must not print it again
  int status = 0;
  for (const Shape& shape : kShapes) {
    if (!Available(shape)) {
      std::printf("%-18s (set WENSHU_BENCH_CORPUS to measure)\n", shape.name);
      continue;
    }
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
