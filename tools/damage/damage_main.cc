// wenshu_damage: writes a damaged set with its truth as JSON lines (README.md).
//   wenshu_damage [--shared DIR] [--seed N] [--copies K] [--clean-fraction F] [-o FILE]
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "damage/generate_set.h"

int main(int argc, char** argv) {
  using namespace wenshu::damage;
  const char* env = std::getenv("WENSHU_SHARED_DIR");
  std::string shared = env ? env : "";
  std::string output = "-";
  SetOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "wenshu_damage: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--shared")
      shared = value();
    else if (a == "--seed")
      options.seed = std::stoull(value());
    else if (a == "--copies")
      options.copies = std::stoi(value());
    else if (a == "--clean-fraction")
      options.clean_fraction = std::stod(value());
    else if (a == "-o" || a == "--output")
      output = value();
    else {
      std::cerr
          << "usage: wenshu_damage [--shared DIR] [--seed N] [--copies K] [--clean-fraction F] [-o FILE]\n";
      return 2;
    }
  }
  if (shared.empty()) {
    std::cerr << "wenshu_damage: no shared folder (--shared or WENSHU_SHARED_DIR)\n";
    return 2;
  }
  auto clean = ReadCleanCorpora(shared);
  if (clean.empty()) {
    std::cerr << "wenshu_damage: no clean reports under " << shared << "/corpora\n";
    return 1;
  }
  auto set = GenerateSet(clean, options);
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
