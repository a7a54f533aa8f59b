// wenshu_damage_eval: measures the masked-number and percent repairs.
//   wenshu_damage_eval [--shared DIR] [--seed N] [--copies K] [--clean-fraction F]   generate and measure
//   wenshu_damage_eval --input SET.jsonl                                              measure a given set
//   --check: exit 1 unless every target holds; --examples N: print misses and false changes.
// Exits 77 (a skip for ctest) when there is nothing to measure.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "damage/evaluate.h"
#include "damage/generate_set.h"

int main(int argc, char** argv) {
  using namespace wenshu::damage;
  const char* env = std::getenv("WENSHU_SHARED_DIR");
  std::string shared = env ? env : "";
  std::string input;
  bool check = false;
  size_t examples = 0;
  SetOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "wenshu_damage_eval: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--shared")
      shared = value();
    else if (a == "--input")
      input = value();
    else if (a == "--seed")
      options.seed = std::stoull(value());
    else if (a == "--copies")
      options.copies = std::stoi(value());
    else if (a == "--clean-fraction")
      options.clean_fraction = std::stod(value());
    else if (a == "--examples")
      examples = std::stoul(value());
    else if (a == "--check")
      check = true;
    else {
      std::cerr << "usage: wenshu_damage_eval [--shared DIR | --input SET.jsonl] [--seed N] [--copies K] "
                   "[--clean-fraction F] [--examples N] [--check]\n";
      return 2;
    }
  }

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
    set = GenerateSet(clean, options);
  }

  Metrics metrics;
  EvaluateDamaged(set, &metrics, examples);
  EvaluateClean(clean_names, clean_texts, &metrics, examples);
  PrintReport(metrics, std::cout);
  for (const auto& e : metrics.examples) std::cout << "    " << e << "\n";
  if (check) {
    auto failed = CheckTargets(metrics, Targets{});
    for (const auto& f : failed) std::cout << "TARGET MISSED: " << f << "\n";
    if (!failed.empty()) return 1;
    std::cout << "all targets met\n";
  }
  return 0;
}
