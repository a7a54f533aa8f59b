#include "cli/signals.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace wenshu::cli {

std::atomic<int> g_interrupt_signal{0};

namespace {

// The registered temporary file. The handler reads the buffer g_cleanup_file points to; a new name is
// written into the other buffer before the pointer moves, so the handler never sees a half-written one.
constexpr size_t kCleanupPathMax = 4096;  // PATH_MAX on Linux; a longer name is not registered
char g_cleanup_paths[2][kCleanupPathMax];
std::atomic<const char*> g_cleanup_file{nullptr};
static_assert(std::atomic<const char*>::is_always_lock_free);
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void OnInterrupt(int sig) {
  const int saved_errno = errno;
  if (g_interrupt_signal.exchange(sig) != 0) {
    // A second signal while we wind down: leave at once (default action), but leave no temporary file.
    if (const char* path = g_cleanup_file.load(); path != nullptr) ::unlink(path);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
  errno = saved_errno;
}

}  // namespace

void InstallSignalHandlers() {
  std::signal(SIGPIPE, SIG_IGN);
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking read or open returns EINTR and the command stops
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &action, nullptr);
}

void SetSignalCleanupFile(const std::string& path) {
  if (path.empty() || path.size() >= kCleanupPathMax) {
    g_cleanup_file.store(nullptr);
    return;
  }
  char* spare = g_cleanup_file.load() == g_cleanup_paths[0] ? g_cleanup_paths[1] : g_cleanup_paths[0];
  std::memcpy(spare, path.c_str(), path.size() + 1);
  g_cleanup_file.store(spare);
}

long ReadSome(int fd, char* buffer, unsigned long size) {
  while (true) {
    const ssize_t n = ::read(fd, buffer, size);
    if (n >= 0 || errno != EINTR || g_interrupt_signal.load() != 0) return n;
  }
}

int OpenForReading(const char* path) {
  while (true) {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0 || errno != EINTR || g_interrupt_signal.load() != 0) return fd;
  }
}

}  // namespace wenshu::cli
