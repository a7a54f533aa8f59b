// The `wenshu` command: dispatches to its subcommands.
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "cli/output.h"
#include "wenshu/version.h"

namespace {

constexpr char kUsage[] =
    "usage: wenshu COMMAND [OPTIONS] [INPUT]...\n"
    "\n"
    "Repairs Chinese work reports scraped from document-sharing sites and extracts their structure\n"
    "and figures.\n"
    "\n"
    "commands:\n"
    "  parse     parse files, directories or JSONL corpora into reports (JSON, JSONL or CSV)\n"
    "  repair    print the repaired text of one document, or each edit with --diff\n"
    "  tokenize  print one JSON token per line, or counts per kind with --stats\n"
    "  targets   the reports' targets as tables: document x indicator, one row per target, or\n"
    "            target vs actual over a series of reports (--compare)\n"
    "\n"
    "  wenshu --version        print the version\n"
    "  wenshu COMMAND --help   help for one command (also: wenshu help COMMAND)\n"
    "\n"
    "Exit status: 0 success, 1 some input failed, 2 usage error, 130 interrupted.\n";

// Runs one command. An allocation failure anywhere (an option asking for a huge buffer, a document too
// large for the memory left) unwinds to here: every Output on the way removes its temporary file, and
// the command ends with a message and status 1 instead of an abort.
int RunCommand(const wenshu::cli::Command& c, int argc, char** argv) {
  try {
    return c.run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("wenshu: out of memory\n", stderr);
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string_view command = argv[1];
  if (command == "help" && argc >= 3) {
    // `wenshu help parse` is `wenshu parse --help`.
    for (const wenshu::cli::Command& c : wenshu::cli::Commands()) {
      if (std::string_view(argv[2]) == c.name) {
        char help_flag[] = "--help";
        char* args[] = {argv[2], help_flag, nullptr};
        return RunCommand(c, 2, args);
      }
    }
    std::fprintf(stderr, "wenshu: unknown command '%s'; see wenshu --help\n", argv[2]);
    return 2;
  }
  if (command == "--help" || command == "-h" || command == "help") return wenshu::cli::PrintToStdout(kUsage);
  if (command == "--version" || command == "-V") {
    return wenshu::cli::PrintToStdout("wenshu " + std::string(wenshu::Version()) + " (schema " +
                                      std::string(wenshu::kReportSchema) + ")\n");
  }
  for (const wenshu::cli::Command& c : wenshu::cli::Commands()) {
    if (command == c.name) return RunCommand(c, argc - 1, argv + 1);
  }
  std::fprintf(stderr, "wenshu: unknown command '%s'; see wenshu --help\n", argv[1]);
  return 2;
}
