#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace wenshu::cli {
namespace {

// Linux's MAXSYMLINKS: open(2) gives ELOOP after this many links in a row.
constexpr int kMaxSymlinkHops = 40;

std::string DirName(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// Follows symlinks at the end of `path`, as open(2) would, to the name of the file they reach, which may
// not exist yet (a dangling link names the file to create). False with *err set on ELOOP or an error.
bool ResolveLinks(std::string path, std::string* out, int* err) {
  for (int hop = 0; hop <= kMaxSymlinkHops; ++hop) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
      if (errno != ENOENT) {
        *err = errno;
        return false;
      }
      *out = path;  // to be created
      return true;
    }
    if (!S_ISLNK(st.st_mode)) {
      *out = path;
      return true;
    }
    char target[PATH_MAX];
    const ssize_t n = ::readlink(path.c_str(), target, sizeof target);
    if (n < 0 || static_cast<size_t>(n) >= sizeof target) {
      *err = n < 0 ? errno : ENAMETOOLONG;
      return false;
    }
    std::string next(target, static_cast<size_t>(n));
    path = next.front() == '/' ? next : DirName(path) + "/" + next;
  }
  *err = ELOOP;
  return false;
}

// What an input and the output can both be: a regular file (the output would replace it), or a pipe
// or FIFO (`cat a | wenshu parse - -o /dev/stdin`: the command would hold the write end of the pipe it
// reads, so the read never ends). A device such as /dev/null may be both without harm.
bool CanBeAnInput(const struct stat& st) { return S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode); }

bool SameFile(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

mode_t NewFileMode() {
  const mode_t mask = ::umask(0);  // only the main thread runs here, before any worker starts
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

Output::~Output() {
  if (!committed_) Abandon();
}

std::string Output::Name() const { return path_.empty() ? std::string("standard output") : path_; }

bool Output::Open(const std::string& path) {
  struct stat st {};
  if (path.empty() || path == "-") {
    file_ = stdout;
    if (::fstat(STDOUT_FILENO, &st) == 0 && CanBeAnInput(st)) {
      has_identity_ = true;  // `wenshu parse a.txt > a.txt`: the shell has emptied a.txt already
      dev_ = st.st_dev;
      ino_ = st.st_ino;
    }
    return true;
  }
  path_ = path;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      Fail("cannot open " + path, errno);
      return false;
    }
    std::string target;
    int err = 0;
    if (!ResolveLinks(path, &target, &err)) {
      Fail("cannot open " + path, err);
      return false;
    }
    return OpenTemporary(target, nullptr);
  }
  if (S_ISDIR(st.st_mode)) {
    Fail("cannot write " + path, EISDIR);
    return false;
  }
  if (CanBeAnInput(st)) {
    has_identity_ = true;
    dev_ = st.st_dev;
    ino_ = st.st_ino;
  }
  if (!S_ISREG(st.st_mode)) return OpenThrough(path);  // a device, a FIFO: nothing to rename over
  struct stat out_st {};
  if (::fstat(STDOUT_FILENO, &out_st) == 0 && SameFile(st, out_st)) {
    file_ = stdout;  // `-o /dev/stdout > file`: the shell opened it for us, in the mode it chose
    return true;
  }
  std::string target;
  int err = 0;
  struct stat target_st {};
  if (!ResolveLinks(path, &target, &err) || ::stat(target.c_str(), &target_st) != 0 ||
      !SameFile(st, target_st)) {
    // Reached through a link that names no path (a deleted file under /proc/self/fd): write in place.
    return OpenThrough(path);
  }
  return OpenTemporary(target, &st);
}

bool Output::OpenThrough(const std::string& path) {
  int fd;
  while ((fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC)) < 0 && errno == EINTR &&
         g_interrupt_signal.load() == 0) {
  }
  if (fd < 0) {
    Fail("cannot open " + path, errno);
    return false;
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    Fail("cannot open " + path, errno);
    ::close(fd);
    return false;
  }
  return true;
}

bool Output::OpenTemporary(const std::string& target, const struct stat* existing) {
  const size_t slash = target.rfind('/');
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string temp = DirName(target) + "/." + base + ".partial.XXXXXX";
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) {
    Fail("cannot create a temporary file next to " + target, errno);
    return false;
  }
  SetSignalCleanupFile(temp);
  temp_path_ = temp;
  all_or_nothing_ = true;
  target_ = target;
  if (existing != nullptr) {
    // Keep the owner where allowed (as root), then the mode: chown clears set-id bits, so it goes first.
    if (existing->st_uid != ::geteuid() || existing->st_gid != ::getegid()) {
      (void)::fchown(fd, existing->st_uid, existing->st_gid);
    }
    ::fchmod(fd, existing->st_mode & 07777);
    copy_in_place_ = existing->st_nlink > 1;
  } else {
    ::fchmod(fd, NewFileMode());
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    Fail("cannot open " + temp, errno);
    ::close(fd);
    return false;
  }
  buffer_ = std::make_unique<char[]>(kBufferSize);
  std::setvbuf(file_, buffer_.get(), _IOFBF, kBufferSize);
  return true;
}

void Output::Fail(const std::string& what, int err) {
  if (state_ != State::kOk) return;
  if (err == EPIPE) {
    state_ = State::kClosedPipe;
    error_ = "the reader closed the output";
  } else if (err == EINTR && g_interrupt_signal.load() != 0) {
    state_ = State::kInterrupted;
    error_ = "interrupted";
  } else {
    state_ = State::kFailed;
    error_ = what + ": " + std::strerror(err);
  }
}

bool Output::Write(std::string_view bytes) {
  if (state_ != State::kOk || file_ == nullptr) return false;
  if (bytes.empty()) return true;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    Fail("cannot write " + Name(), errno);
    return false;
  }
  return true;
}

// Rewrites the target in place from the finished temporary file, so every hard link to it sees the new
// content. Signals do not stop it: a half-copied file would be worse than finishing.
bool Output::CopyIntoTarget() {
  const int in = ::open(temp_path_.c_str(), O_RDONLY | O_CLOEXEC);
  int out;
  while ((out = ::open(target_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC)) < 0 && errno == EINTR) {
  }
  const std::string what = "cannot rewrite " + target_ + " in place (it has several hard links)";
  if (in < 0 || out < 0) {
    Fail(what, errno);
    if (in >= 0) ::close(in);
    if (out >= 0) ::close(out);
    return false;
  }
  char buffer[1 << 16];
  bool ok = true;
  while (ok) {
    ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    for (ssize_t done = 0; ok && done < n;) {
      const ssize_t w = ::write(out, buffer + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      ok = w > 0;
      if (ok) done += w;
    }
  }
  if (ok && ::fsync(out) != 0 && errno != EINVAL) ok = false;
  const int err = errno;
  ::close(in);
  if (::close(out) != 0) ok = false;
  if (!ok) Fail(what + "; it may be incomplete", err);
  return ok;
}

bool Output::Commit() {
  if (file_ == nullptr) return false;
  if (state_ == State::kOk && std::fflush(file_) != 0) Fail("cannot write " + Name(), errno);
  if (file_ == stdout) {
    committed_ = true;
    return state_ == State::kOk;
  }
  if (state_ == State::kOk && !temp_path_.empty() && ::fsync(::fileno(file_)) != 0 && errno != EINVAL) {
    Fail("cannot write " + Name(), errno);
  }
  if (std::fclose(file_) != 0 && state_ == State::kOk) Fail("cannot write " + Name(), errno);
  file_ = nullptr;
  committed_ = true;
  if (temp_path_.empty()) return state_ == State::kOk;
  if (state_ == State::kOk) {
    if (copy_in_place_) {
      CopyIntoTarget();
    } else if (std::rename(temp_path_.c_str(), target_.c_str()) != 0) {
      Fail("cannot rename the output into place at " + target_, errno);
    } else {
      temp_path_.clear();  // it is the output now
    }
  }
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  SetSignalCleanupFile("");
  return state_ == State::kOk;
}

int Output::Finish(int status, const char* command) {
  if (state_ == State::kClosedPipe) {
    Abandon();
    return 0;
  }
  if (!Commit()) {
    if (state_ == State::kClosedPipe) return 0;
    std::fprintf(stderr, "%s: %s\n", command, error_.c_str());
    return 1;
  }
  return status;
}

void Output::Abandon() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (file_ == stdout) std::fflush(stdout);
  file_ = nullptr;
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    SetSignalCleanupFile("");
  }
  temp_path_.clear();
  committed_ = true;
}

bool Output::Overwrites(const std::string& input) const {
  if (!has_identity_) return false;
  struct stat st {};
  const int rc = input == "-" ? ::fstat(STDIN_FILENO, &st) : ::stat(input.c_str(), &st);
  return rc == 0 && CanBeAnInput(st) && st.st_dev == dev_ && st.st_ino == ino_;
}

int RefuseInputAsOutput(const std::string& input, const std::string& output) {
  std::fprintf(stderr, "wenshu: %s is also the output (%s): refusing to overwrite an input\n", input.c_str(),
               output.empty() || output == "-" ? "standard output" : output.c_str());
  return 2;
}

int ReportInterruptedOpen(const std::string& output) {
  std::fprintf(stderr, "\nwenshu: interrupted while opening %s; nothing was written\n", output.c_str());
  return 128 + g_interrupt_signal.load();
}

int PrintToStdout(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "wenshu: cannot write to standard output: %s\n", std::strerror(errno));
    return 1;
  }
  return 0;
}

}  // namespace wenshu::cli
