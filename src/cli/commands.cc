#include "cli/commands.h"

#include <cstdio>

namespace wenshu::cli {

const std::vector<Command>& Commands() {
  static const auto* commands = new std::vector<Command>{
      {"parse", ParseCommand},
      {"repair", RepairCommand},
      {"tokenize", TokenizeCommand},
      {"targets", TargetsCommand},
  };
  return *commands;
}

int UsageError(const char* command, const std::string& message) {
  std::fprintf(stderr, "wenshu %s: %s\nsee 'wenshu %s --help'\n", command, message.c_str(), command);
  return 2;
}

}  // namespace wenshu::cli
