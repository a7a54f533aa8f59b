#include "cli/commands.h"

namespace wenshu::cli {

const std::vector<Command>& Commands() {
  static const auto* commands = new std::vector<Command>{
      {"parse", ParseCommand},
      {"repair", RepairCommand},
  };
  return *commands;
}

}  // namespace wenshu::cli
