// Interrupts for the `wenshu` commands: SIGINT, SIGTERM and SIGHUP set g_interrupt_signal, and every
// blocking read or open returns (EINTR, the handlers are installed without SA_RESTART) so the command can
// stop, clean up and exit with 128 + the signal. A second signal while winding down ends the process at
// once, after removing the temporary output file registered here.
#ifndef WENSHU_SRC_CLI_SIGNALS_H_
#define WENSHU_SRC_CLI_SIGNALS_H_

#include <atomic>
#include <string>

namespace wenshu::cli {

// The first interrupting signal caught, 0 before any. Commands poll it between blocks and documents.
extern std::atomic<int> g_interrupt_signal;

// Ignores SIGPIPE (writes then fail with EPIPE, handled as "the reader went away") and turns SIGINT,
// SIGTERM and SIGHUP into g_interrupt_signal.
void InstallSignalHandlers();

// Names the temporary file a second signal removes before the process dies; empty: none. One at a time
// (each command writes one output).
void SetSignalCleanupFile(const std::string& path);

// read(2) that retries after a signal the command does not stop for. -1 with errno set on failure;
// errno is EINTR only when g_interrupt_signal is set.
long ReadSome(int fd, char* buffer, unsigned long size);

// open(2) for reading, interruptible in the same way (a FIFO blocks in open until a writer comes).
int OpenForReading(const char* path);

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_SIGNALS_H_
