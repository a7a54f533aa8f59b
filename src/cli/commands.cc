#include "cli/commands.h"

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

}  // namespace wenshu::cli
