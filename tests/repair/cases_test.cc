// Data-driven cases for the number and percent repairs, ftfy-style: tests/data/repair/<folder>/number_*.jsonl
// and percent_*.jsonl, one case per line:
//   {"name": str, "input": str | "input_file": path, "expected": str | "expected_file": path,
//    "years": [needle, ...], "note": str}
// `expected` is the input with only the number.* and percent.* repairs applied (other rule families are
// tested by their own cases). Each needle in `years` must be covered by a number.masked_year flag.
//   in-the-wild/    real damaged copies (the seed)
//   synthetic/      the damage as DAMAGE.md describes it
//   negative/       looks damaged, is not: must come out byte-identical, with no number flags
//   known-failures/ must keep failing until fixed, so progress is noticed
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

struct Case {
  std::string file;
  std::string name;
  std::string input;
  std::string expected;
  std::vector<std::string> years;
};

bool IsNumberRule(std::string_view rule) {
  return rule.rfind("number.", 0) == 0 || rule.rfind("percent.", 0) == 0;
}

std::vector<Case> LoadCases(const std::string& folder) {
  std::vector<Case> cases;
  std::filesystem::path dir = testing::FixturePath("repair/" + folder);
  if (!std::filesystem::exists(dir)) return cases;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    bool ours = name.rfind("number_", 0) == 0 || name.rfind("percent_", 0) == 0;
    if (ours && e.path().extension() == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) {
        ADD_FAILURE() << f << ":" << n << ": not a JSON object";
        continue;
      }
      Case c;
      c.file = f.filename().string() + ":" + std::to_string(n);
      c.name = j.value("name", c.file);
      c.input = j.contains("input_file")
                    ? testing::ReadFixture("repair/" + j["input_file"].get<std::string>())
                    : j.value("input", "");
      c.expected = j.contains("expected_file")
                       ? testing::ReadFixture("repair/" + j["expected_file"].get<std::string>())
                       : j.value("expected", c.input);
      if (j.contains("years")) c.years = j["years"].get<std::vector<std::string>>();
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

struct Outcome {
  std::string repaired;  // input with only number.* and percent.* records applied
  RepairResult result;
};

Outcome RunCase(const Case& c) {
  Outcome out;
  auto result = Repair(c.input);
  EXPECT_TRUE(result.ok()) << result.status();
  if (!result.ok()) return out;
  out.result = *std::move(result);
  // The whole log replays both ways.
  auto full = ApplyRepairs(c.input, out.result.records);
  EXPECT_TRUE(full.ok()) << full.status();
  if (full.ok()) {
    EXPECT_EQ(*full, out.result.text);
  }
  auto back = RevertRepairs(out.result.text, out.result.records);
  EXPECT_TRUE(back.ok()) << back.status();
  if (back.ok()) {
    EXPECT_EQ(*back, c.input);
  }

  std::vector<RepairRecord> ours;
  for (const RepairRecord& r : out.result.records) {
    if (!IsNumberRule(r.rule)) continue;
    EXPECT_FALSE(r.reason.empty()) << r.rule;
    EXPECT_GT(r.confidence, 0.0);
    EXPECT_LE(r.confidence, 1.0);
    ours.push_back(r);
  }
  auto repaired = ApplyRepairs(c.input, ours);
  EXPECT_TRUE(repaired.ok()) << repaired.status();
  if (!repaired.ok()) return out;
  out.repaired = *repaired;
  auto reverted = RevertRepairs(out.repaired, ours);
  EXPECT_TRUE(reverted.ok()) << reverted.status();
  if (reverted.ok()) {
    EXPECT_EQ(*reverted, c.input);
  }
  return out;
}

bool YearFlagged(const Case& c, const RepairResult& result, const std::string& needle) {
  size_t at = c.input.find(needle);
  if (at == std::string::npos) {
    ADD_FAILURE() << "needle \"" << needle << "\" is not in the input of " << c.name;
    return false;
  }
  Span span{at, at + needle.size()};
  for (const RepairFlag& f : result.flags) {
    if (f.rule == "number.masked_year" && f.span.Overlaps(span) && !f.reason.empty()) return true;
  }
  return false;
}

void ExpectPasses(const std::string& folder) {
  auto cases = LoadCases(folder);
  ASSERT_FALSE(cases.empty()) << "no number_/percent_ cases in tests/data/repair/" << folder;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file + " " + c.name);
    Outcome out = RunCase(c);
    EXPECT_EQ(out.repaired, c.expected);
    for (const std::string& needle : c.years) {
      EXPECT_TRUE(YearFlagged(c, out.result, needle)) << "year not flagged: " << needle;
    }
  }
}

TEST(RepairCases, InTheWild) { ExpectPasses("in-the-wild"); }

TEST(RepairCases, Synthetic) { ExpectPasses("synthetic"); }

TEST(RepairCases, NegativeCasesComeOutUntouched) {
  auto cases = LoadCases("negative");
  ASSERT_FALSE(cases.empty());
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file + " " + c.name);
    Outcome out = RunCase(c);
    EXPECT_EQ(out.repaired, c.input);
    EXPECT_FALSE(out.result.diagnosis.masked_numbers);
    for (const RepairFlag& f : out.result.flags) EXPECT_NE(f.rule, "number.masked_year") << f.text;
  }
}

TEST(RepairCases, KnownFailuresStillFail) {
  auto cases = LoadCases("known-failures");
  ASSERT_FALSE(cases.empty());
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file + " " + c.name);
    Outcome out = RunCase(c);
    bool passes = out.repaired == c.expected;
    for (const std::string& needle : c.years) passes = passes && YearFlagged(c, out.result, needle);
    EXPECT_FALSE(passes) << "known failure \"" << c.name
                         << "\" now passes: move it to synthetic/ or in-the-wild/";
  }
}

}  // namespace
}  // namespace wenshu
