// Output for the `wenshu` commands: stdout or an -o file that is written to a temporary file in the
// same folder and renamed into place only when everything was written, so a failed or interrupted run
// never leaves partial output under the requested name.
#ifndef WENSHU_SRC_CLI_OUTPUT_H_
#define WENSHU_SRC_CLI_OUTPUT_H_

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace wenshu::cli {

// Set by SIGINT/SIGTERM handlers (InstallSignalHandlers); commands poll it between documents.
extern std::atomic<int> g_interrupt_signal;

// Ignores SIGPIPE (writes then fail with EPIPE, handled as "the reader went away") and turns SIGINT and
// SIGTERM into g_interrupt_signal.
void InstallSignalHandlers();

class Output {
 public:
  enum class State { kOk, kClosedPipe, kFailed };

  Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output();  // removes an uncommitted temporary file

  // path empty or "-" = stdout. Returns false (and sets error()) when the file cannot be created.
  bool Open(const std::string& path);
  // Writes all bytes; false once anything has failed (see state()).
  bool Write(std::string_view bytes);
  // Flushes and, for -o, closes and renames into place. False when anything failed.
  bool Commit();
  // Drops the output: removes the temporary file (or nothing for stdout).
  void Abandon();

  State state() const { return state_; }
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }
  bool to_stdout() const { return file_ == stdout; }

 private:
  void Fail(const std::string& what, int err);

  static constexpr size_t kBufferSize = 1 << 16;
  std::unique_ptr<char[]> buffer_;  // outlives file_ (declared first, destroyed last)
  std::FILE* file_ = nullptr;
  std::string path_;       // requested path, empty for stdout
  std::string temp_path_;  // the temporary file, empty when writing directly
  State state_ = State::kOk;
  std::string error_;
  bool committed_ = false;
};

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_OUTPUT_H_
