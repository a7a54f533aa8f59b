#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace wenshu::cli {

std::atomic<int> g_interrupt_signal{0};

namespace {

extern "C" void OnInterrupt(int sig) {
  // A second Ctrl-C while we wind down: leave at once, default action.
  if (g_interrupt_signal.exchange(sig) != 0) {
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
}

}  // namespace

void InstallSignalHandlers() {
  std::signal(SIGPIPE, SIG_IGN);
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

Output::~Output() {
  if (!committed_) Abandon();
}

bool Output::Open(const std::string& path) {
  if (path.empty() || path == "-") {
    file_ = stdout;
    return true;
  }
  path_ = path;
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, FIFO or the like (-o /dev/stdout, /dev/full): there is nothing to rename over.
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) {
      Fail("cannot open " + path, errno);
      return false;
    }
    return true;
  }
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = dir + "/." + base + ".partial.XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    Fail("cannot create a temporary file next to " + path, errno);
    return false;
  }
  ::fchmod(
      fd, 0644 & ~[] {
        mode_t m = ::umask(0);
        ::umask(m);
        return m;
      }());
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    Fail("cannot open " + temp, err);
    return false;
  }
  temp_path_ = temp;
  buffer_ = std::make_unique<char[]>(kBufferSize);
  std::setvbuf(file_, buffer_.get(), _IOFBF, kBufferSize);
  return true;
}

void Output::Fail(const std::string& what, int err) {
  if (state_ != State::kOk) return;
  if (err == EPIPE) {
    state_ = State::kClosedPipe;
    error_ = "the reader closed the output";
    return;
  }
  state_ = State::kFailed;
  error_ = what + ": " + std::strerror(err);
}

bool Output::Write(std::string_view bytes) {
  if (state_ != State::kOk || file_ == nullptr) return false;
  if (bytes.empty()) return true;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    Fail("cannot write " + (path_.empty() ? std::string("to standard output") : path_), errno);
    return false;
  }
  return true;
}

bool Output::Commit() {
  if (file_ == nullptr) return false;
  if (state_ == State::kOk && std::fflush(file_) != 0) {
    Fail("cannot write " + (path_.empty() ? std::string("to standard output") : path_), errno);
  }
  if (file_ == stdout) {
    committed_ = true;
    return state_ == State::kOk;
  }
  if (state_ == State::kOk && !temp_path_.empty() && ::fsync(::fileno(file_)) != 0 && errno != EINVAL) {
    Fail("cannot write " + path_, errno);
  }
  if (std::fclose(file_) != 0 && state_ == State::kOk) Fail("cannot write " + path_, errno);
  file_ = nullptr;
  if (state_ != State::kOk) {
    if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
    committed_ = true;
    return false;
  }
  if (!temp_path_.empty() && std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    Fail("cannot rename the output into place at " + path_, errno);
    ::unlink(temp_path_.c_str());
    committed_ = true;
    return false;
  }
  committed_ = true;
  return true;
}

void Output::Abandon() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (file_ == stdout) std::fflush(stdout);
  file_ = nullptr;
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  temp_path_.clear();
  committed_ = true;
}

}  // namespace wenshu::cli
