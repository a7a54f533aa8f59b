// The subcommands of `wenshu`. Each takes argv with argv[0] the command name and returns the exit code:
// 0 success, 1 some input failed, 2 usage error, 128+N when stopped by signal N.
#ifndef WENSHU_SRC_CLI_COMMANDS_H_
#define WENSHU_SRC_CLI_COMMANDS_H_

#include <cstddef>
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

// Inputs with nothing to read. Not failures (an empty report is an answer and the exit status stays 0,
// docs/cli.md), but never silent: each command prints `wenshu: NAME: warning: …` on stderr.
// IsBlankText: the text is empty or holds only blanks and line ends (each line text::IsBlankLine:
// spaces, tabs, '\r', U+3000, U+00A0). NoTextWarning, for a blank text of `text_bytes` read from
// `input_bytes` of input: "warning: empty input (0 bytes)" or "warning: no text (…)".
bool IsBlankText(std::string_view text);
std::string NoTextWarning(size_t text_bytes, size_t input_bytes);
// An input that yielded no document at all (a JSONL file without lines, a CSV with only its header).
inline constexpr std::string_view kNoDocumentWarning = "warning: no document in the input";

int ParseCommand(int argc, char** argv);     // parse_command.cc
int RepairCommand(int argc, char** argv);    // repair_command.cc
int TokenizeCommand(int argc, char** argv);  // tokenize_command.cc
int TargetsCommand(int argc, char** argv);   // targets_command.cc

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_COMMANDS_H_
