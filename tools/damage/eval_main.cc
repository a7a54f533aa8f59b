// wenshu_damage_eval: measures the masked-number, percent and furniture repairs.
//   wenshu_damage_eval [--shared DIR] [--seed N] [--copies K] [--clean-fraction F]   generate and measure
//   wenshu_damage_eval --input SET.jsonl                                              measure a given set
//   --check: exit 1 unless every target holds; --examples N: print misses and false changes (N per
//   furniture kind).
// Exits 77 (a skip for ctest) when there is nothing to measure.
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "damage/command_line.h"
#include "damage/evaluate.h"
#include "damage/generate_set.h"

int main(int argc, char** argv) {
  using namespace wenshu::damage;
  CommandLine args;
  if (!ParseCommandLine(argc, argv, "wenshu_damage_eval",
                        kSharedFlag | kSetFlags | kInputFlag | kExamplesFlag | kCheckFlag, &args)) {
    return 2;
  }
  if (args.help) return 0;
  const std::string& input = args.input;
  const std::string& shared = args.shared;

  std::vector<DamagedDocument> set;
  std::vector<std::string> clean_names, clean_texts;
  if (!input.empty()) {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      std::cerr << "wenshu_damage_eval: cannot read " << input << "\n";
      return 1;
    }
    std::string line;
    std::set<std::string> seen;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      DamagedDocument doc;
      if (!FromJsonLine(line, &doc)) {
        std::cerr << "wenshu_damage_eval: " << input << ":" << n << ": not a damaged-set line\n";
        return 1;
      }
      if (!doc.original.empty() && seen.insert(doc.source.empty() ? doc.id : doc.source).second) {
        clean_names.push_back(doc.source.empty() ? doc.id : doc.source);
        clean_texts.push_back(doc.original);
      }
      set.push_back(std::move(doc));
    }
  } else {
    if (shared.empty()) {
      std::cout << "wenshu_damage_eval: WENSHU_SHARED_DIR is not set; nothing to measure (skipped)\n";
      return 77;
    }
    auto clean = ReadCleanCorpora(shared);
    if (clean.empty()) {
      std::cout << "wenshu_damage_eval: no clean reports under " << shared << "/corpora (skipped)\n";
      return 77;
    }
    for (const auto& c : clean) {
      clean_names.push_back(c.name);
      clean_texts.push_back(c.text);
    }
    set = GenerateSet(clean, args.set);
  }

  Metrics metrics;
  EvaluateDamaged(set, &metrics, args.examples);
  EvaluateClean(clean_names, clean_texts, &metrics, args.examples);
  PrintReport(metrics, std::cout);
  PrintExamples(metrics, std::cout);
  if (args.check) {
    auto failed = CheckTargets(metrics, Targets{});
    for (const auto& f : failed) std::cout << "TARGET MISSED: " << f << "\n";
    if (!failed.empty()) return 1;
    std::cout << "all targets met\n";
  }
  return 0;
}
