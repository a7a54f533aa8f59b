#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace wenshu::cli {
namespace {

// How often the line is redrawn: often enough to look alive, rarely enough to cost nothing.
constexpr auto kRedrawInterval = std::chrono::milliseconds(200);
// The width assumed when neither the terminal nor $COLUMNS says (the VT100's).
constexpr size_t kDefaultColumns = 80;

}  // namespace

size_t StderrColumns() {
  struct winsize ws {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n > 0) return static_cast<size_t>(n);
  }
  return kDefaultColumns;
}

Progress::Progress(bool enabled, uint64_t total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()) {}

std::string Progress::Line(uint64_t docs, double mb, int percent, double mb_per_s, double docs_per_s,
                           int eta_seconds, size_t width) {
  char buf[64];
  std::vector<std::string> parts;  // in order of importance; later ones are dropped first
  std::snprintf(buf, sizeof buf, "wenshu: %llu document%s", static_cast<unsigned long long>(docs),
                docs == 1 ? "" : "s");
  parts.emplace_back(buf);
  std::snprintf(buf, sizeof buf, ", %.1f MB", mb);
  parts.emplace_back(buf);
  if (percent >= 0) {
    std::snprintf(buf, sizeof buf, " (%d%%)", percent);
    parts.emplace_back(buf);
  }
  std::snprintf(buf, sizeof buf, ", %.1f MB/s", mb_per_s);
  parts.emplace_back(buf);
  std::snprintf(buf, sizeof buf, ", %.0f docs/s", docs_per_s);
  parts.emplace_back(buf);
  if (eta_seconds >= 0) {
    std::snprintf(buf, sizeof buf, ", ETA %d:%02d", eta_seconds / 60, eta_seconds % 60);
    parts.emplace_back(buf);
  }
  // The last column stays free: writing into it makes some terminals wrap at once.
  const size_t room = width > 1 ? width - 1 : 1;
  std::string line;
  for (size_t keep = parts.size(); keep > 0; --keep) {
    line.clear();
    for (size_t i = 0; i < keep; ++i) line += parts[i];
    if (line.size() <= room) return line;
  }
  line.resize(room);  // ASCII only: one byte, one column
  return line;
}

void Progress::Update(uint64_t docs, uint64_t bytes, bool final) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (!final && now - last_ < kRedrawInterval) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb = bytes / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  int eta = -1;
  if (total_ > 0 && rate > 0 && !final) eta = static_cast<int>(std::max(0.0, (total_ / 1e6 - mb) / rate));
  const int percent = total_ > 0 ? static_cast<int>(std::min(100.0, 100.0 * bytes / total_) + 0.5) : -1;
  const std::string line = Line(docs, mb, percent, rate, seconds > 0 ? docs / seconds : 0.0, eta,
                                StderrColumns());
  std::fprintf(stderr, "\r\033[K%s%s", line.c_str(), final ? "\n" : "");
  std::fflush(stderr);
  showing_ = !final;
}

void Progress::Clear() {
  if (!enabled_ || !showing_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  showing_ = false;
}

}  // namespace wenshu::cli
