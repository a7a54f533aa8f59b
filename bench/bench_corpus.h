// The reports a benchmark runs on, named by $WENSHU_BENCH_CORPUS:
//   a folder   the shared folder: its clean corpora (the national JSONL and the provincial CSVs), read
//              by tools/damage's ReadCleanCorpora exactly as the corpus tests read them;
//   a .jsonl   one report per line, in "content", "text" or "full_text";
//   any file   one report.
// Unset, there are no documents and each suite uses its own generated or bundled text. Set but giving
// no document, the benchmark stops with a message instead of measuring something else.
#ifndef WENSHU_BENCH_BENCH_CORPUS_H_
#define WENSHU_BENCH_BENCH_CORPUS_H_

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "damage/corpus.h"

namespace wenshu::bench {

struct BenchCorpus {
  std::vector<std::string> documents;
  std::string source;  // $WENSHU_BENCH_CORPUS, for benchmark labels; "" when unset

  // Every document followed by a newline: one text for suites that time a single pass.
  std::string JoinedText() const {
    std::string text;
    for (const std::string& d : documents) {
      text += d;
      text += '\n';
    }
    return text;
  }
};

// The bytes of a file; "" when it cannot be read.
inline std::string ReadFileText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline BenchCorpus ReadBenchCorpus() {
  BenchCorpus corpus;
  const char* env = std::getenv("WENSHU_BENCH_CORPUS");
  if (env == nullptr || *env == '\0') return corpus;
  corpus.source = env;
  const std::filesystem::path path(env);
  if (std::filesystem::is_directory(path)) {
    for (damage::CleanDocument& d : damage::ReadCleanCorpora(path.string())) {
      corpus.documents.push_back(std::move(d.text));
    }
  } else if (path.extension() == ".jsonl") {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!j.is_object()) continue;
      for (const char* key : {"content", "text", "full_text"}) {
        if (j.contains(key) && j[key].is_string()) {
          corpus.documents.push_back(j[key].get<std::string>());
          break;
        }
      }
    }
  } else if (std::filesystem::is_regular_file(path)) {
    corpus.documents.push_back(ReadFileText(path));
  }
  if (corpus.documents.empty()) {
    std::fprintf(stderr,
                 "WENSHU_BENCH_CORPUS=%s: no reports found (name the shared folder holding corpora/, a "
                 ".jsonl file or a text file)\n",
                 env);
    std::exit(2);
  }
  return corpus;
}

// Read once per process.
inline const BenchCorpus& BenchCorpusFromEnv() {
  static const BenchCorpus* const corpus = new BenchCorpus(ReadBenchCorpus());
  return *corpus;
}

}  // namespace wenshu::bench

#endif  // WENSHU_BENCH_BENCH_CORPUS_H_
