// The progress line of `wenshu parse` on standard error: one line redrawn in place, never wider than
// the terminal (a wrapped line cannot be redrawn: each update would stack a new one), cleared before
// output that goes to the same terminal.
#ifndef WENSHU_SRC_CLI_PROGRESS_H_
#define WENSHU_SRC_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace wenshu::cli {

class Progress {
 public:
  Progress(bool enabled, uint64_t total_bytes);

  // Redraws the line (at most every kRedrawInterval unless final; the final one ends with '\n').
  void Update(uint64_t docs, uint64_t bytes, bool final);
  // Erases the line if one is showing, so that output to the same terminal starts at column 0.
  void Clear();

  // The line for these figures, cut to `width` columns by dropping the least useful parts first
  // (ETA, docs/s, MB/s, the percentage), then truncating. Public for tests.
  static std::string Line(uint64_t docs, double mb, int percent, double mb_per_s, double docs_per_s,
                          int eta_seconds, size_t width);

 private:
  bool enabled_;
  bool showing_ = false;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
};

// The width of the terminal on standard error: TIOCGWINSZ, else $COLUMNS, else 80.
size_t StderrColumns();

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_PROGRESS_H_
