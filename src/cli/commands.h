// The subcommands of `wenshu`. Each takes argv with argv[0] the command name and returns the exit code:
// 0 success, 1 some input failed, 2 usage error, 128+N when stopped by signal N.
#ifndef WENSHU_SRC_CLI_COMMANDS_H_
#define WENSHU_SRC_CLI_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace wenshu::cli {

struct Command {
  std::string_view name;
  int (*run)(int argc, char** argv);
};

const std::vector<Command>& Commands();

// A usage error of `wenshu COMMAND`: the message and where the help is, on stderr (the whole help
// would bury the one line that matters); returns 2, the usage-error status.
int UsageError(const char* command, const std::string& message);

int ParseCommand(int argc, char** argv);     // parse_command.cc
int RepairCommand(int argc, char** argv);    // repair_command.cc
int TokenizeCommand(int argc, char** argv);  // tokenize_command.cc
int TargetsCommand(int argc, char** argv);   // targets_command.cc

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_COMMANDS_H_
