// wenshu_damage: writes a damaged set with its truth as JSON lines (README.md).
//   wenshu_damage [--shared DIR] [--seed N] [--copies K] [--clean-fraction F] [-o FILE]
#include <fstream>
#include <iostream>
#include <string>

#include "damage/command_line.h"
#include "damage/generate_set.h"

int main(int argc, char** argv) {
  using namespace wenshu::damage;
  CommandLine args;
  if (!ParseCommandLine(argc, argv, "wenshu_damage", kSharedFlag | kSetFlags | kOutputFlag, &args)) return 2;
  if (args.help) return 0;
  const std::string& shared = args.shared;
  const std::string& output = args.output;
  if (shared.empty()) {
    std::cerr << "wenshu_damage: no shared folder (--shared or WENSHU_SHARED_DIR)\n";
    return 2;
  }
  auto clean = ReadCleanCorpora(shared);
  if (clean.empty()) {
    std::cerr << "wenshu_damage: no clean reports under " << shared << "/corpora\n";
    return 1;
  }
  auto set = GenerateSet(clean, args.set);
  std::ofstream file;
  if (output != "-") {
    file.open(output, std::ios::binary);
    if (!file) {
      std::cerr << "wenshu_damage: cannot write " << output << "\n";
      return 1;
    }
  }
  std::ostream& out = output == "-" ? std::cout : file;
  for (const auto& doc : set) out << ToJsonLine(doc) << '\n';
  std::cerr << "wenshu_damage: " << set.size() << " documents from " << clean.size() << " clean reports\n";
  return out ? 0 : 1;
}
