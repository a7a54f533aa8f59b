// The command line of the damage tools (wenshu_damage, wenshu_damage_eval): one parser, so both read the
// same flags the same way. README.md lists the flags.
#ifndef WENSHU_TOOLS_DAMAGE_COMMAND_LINE_H_
#define WENSHU_TOOLS_DAMAGE_COMMAND_LINE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "damage/generate_set.h"

namespace wenshu::damage {

// The flags a tool takes, or-ed together.
enum Flag : unsigned {
  kSharedFlag = 1u << 0,    // --shared DIR (default: $WENSHU_SHARED_DIR)
  kSetFlags = 1u << 1,      // --seed N, --copies K, --clean-fraction F
  kOutputFlag = 1u << 2,    // -o / --output FILE ("-" = standard output)
  kInputFlag = 1u << 3,     // --input SET.jsonl
  kExamplesFlag = 1u << 4,  // --examples N
  kCheckFlag = 1u << 5,     // --check
};

struct CommandLine {
  std::string shared;  // the shared folder with corpora/
  std::string input;   // a damaged set to read instead of generating one
  std::string output = "-";
  SetOptions set;
  size_t examples = 0;
  bool check = false;
  bool help = false;  // -h / --help: the usage was printed to standard output
};

// The usage line of `tool` for the flags it takes.
std::string Usage(std::string_view tool, unsigned flags);

// Parses the arguments of `tool`, which takes `flags`. On an unknown flag, a missing value or a value that
// is not a number in range, prints the problem and the usage to standard error and returns false.
bool ParseCommandLine(int argc, const char* const* argv, std::string_view tool, unsigned flags,
                      CommandLine* out);

}  // namespace wenshu::damage

#endif  // WENSHU_TOOLS_DAMAGE_COMMAND_LINE_H_
