// Output for the `wenshu` commands, one implementation for every command's -o (as coreutils and rsync
// do it):
// - "-" or no path: standard output. A path naming the file standard output already is (`-o
//   /dev/stdout > file`) is written through standard output too.
// - A path that is not a regular file (a device, a FIFO, /dev/stdout on a pipe) is written through.
// - A regular file, new or existing, is written to a temporary file in the same folder and renamed
//   into place only when everything was written, so a failed or interrupted run never leaves partial
//   output under the requested name. Symlinks are followed: the file they point to is replaced and the
//   link stays. An existing file keeps its mode (and, where allowed, its owner); a new one gets
//   0666 & ~umask. A file with several hard links is rewritten in place from the finished temporary
//   file, so every link sees the new content.
#ifndef WENSHU_SRC_CLI_OUTPUT_H_
#define WENSHU_SRC_CLI_OUTPUT_H_

#include <sys/stat.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "cli/signals.h"

namespace wenshu::cli {

class Output {
 public:
  enum class State { kOk, kClosedPipe, kInterrupted, kFailed };

  Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output();  // removes an uncommitted temporary file

  // path empty or "-" = stdout. Returns false (and sets error()) when the output cannot be opened;
  // state() is kInterrupted when a signal stopped a blocking open (a FIFO without a reader).
  bool Open(const std::string& path);
  // True when the output replaces `input` ("-" = standard input): the same device and inode, of a
  // regular file or a pipe. Checked before anything is read, so `wenshu parse a.txt -o a.txt` is refused
  // instead of losing a.txt, and `... | wenshu parse - -o /dev/stdin` instead of waiting forever for
  // the end of a pipe the command itself holds open for writing.
  bool Overwrites(const std::string& input) const;
  // Writes all bytes; false once anything has failed (see state()).
  bool Write(std::string_view bytes);
  // Flushes and, for a temporary file, closes and moves it into place. False when anything failed.
  bool Commit();
  // Drops the output: removes the temporary file (standard output is flushed: what was written stays).
  void Abandon();
  // Ends a command's output and gives its exit status: `status` when everything was written; 0 when the
  // reader went away (`| head` has what it wanted; a temporary file is dropped); 1, with the reason on
  // stderr (prefixed by `command`), when writing or committing failed.
  int Finish(int status, const char* command = "wenshu");

  State state() const { return state_; }
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }
  bool to_stdout() const { return file_ == stdout; }
  // True when an interrupted or failed run leaves nothing under path() (a temporary file is used).
  bool all_or_nothing() const { return all_or_nothing_; }

 private:
  bool OpenThrough(const std::string& path);
  bool OpenTemporary(const std::string& target, const struct stat* existing);
  bool CopyIntoTarget();
  void Fail(const std::string& what, int err);
  std::string Name() const;

  static constexpr size_t kBufferSize = 1 << 16;
  std::unique_ptr<char[]> buffer_;  // outlives file_ (declared first, destroyed last)
  std::FILE* file_ = nullptr;
  std::string path_;       // requested path, empty for stdout
  std::string target_;     // the file replaced at Commit (symlinks resolved), empty when written through
  std::string temp_path_;  // the temporary file, empty when writing directly
  bool all_or_nothing_ = false;
  bool copy_in_place_ = false;  // the target has several hard links: copy into it instead of renaming
  bool has_identity_ = false;   // dev_/ino_ name an existing file this output replaces or writes
  dev_t dev_ = 0;
  ino_t ino_ = 0;
  State state_ = State::kOk;
  std::string error_;
  bool committed_ = false;
};

// The message and exit status (2) for an input that is also the output.
int RefuseInputAsOutput(const std::string& input, const std::string& output);
// The message and exit status (128 + the signal) when a signal stopped a blocking open of the output.
int ReportInterruptedOpen(const std::string& output);

// Writes a help or version text to standard output. 0, or 1 with a message on stderr when it cannot be
// written (`wenshu --help > /dev/full`).
int PrintToStdout(std::string_view text);

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_OUTPUT_H_
