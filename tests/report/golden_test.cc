// Golden JSON: the full report of the bundled sample, the report fixtures and (with WENSHU_SHARED_DIR)
// the seed, compared byte for byte with checked-in files. Any change to repair, facts or the report
// shows up here as a diff to review.
//
// To accept a change: WENSHU_UPDATE_GOLDEN=1 ctest -R GoldenTest, then review `git diff tests/data`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "support/test_data.h"
#include "wenshu/report.h"

namespace wenshu {
namespace {

using ::wenshu::testing::FixturePath;
using ::wenshu::testing::ReadFile;

bool Updating() {
  const char* v = std::getenv("WENSHU_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

// The first line where two texts differ, for a readable failure.
std::string FirstDifference(const std::string& want, const std::string& got) {
  size_t line = 1, start = 0;
  for (size_t i = 0; i < std::min(want.size(), got.size()); ++i) {
    if (want[i] != got[i]) {
      auto line_of = [&](const std::string& s) {
        size_t e = s.find('\n', start);
        return s.substr(start, e == std::string::npos ? std::string::npos : e - start);
      };
      return "line " + std::to_string(line) + "\n  golden: " + line_of(want) + "\n  actual: " + line_of(got);
    }
    if (want[i] == '\n') {
      ++line;
      start = i + 1;
    }
  }
  return "lengths differ: golden " + std::to_string(want.size()) + ", actual " + std::to_string(got.size());
}

void CheckGolden(const std::string& input_path, const std::string& source_name, const std::string& golden) {
  std::optional<std::string> input = ReadFile(input_path);
  ASSERT_TRUE(input) << "cannot read " << input_path;
  ParseOptions options;
  options.source.name = source_name;  // not the path: goldens must not depend on where the tree is
  absl::StatusOr<Report> report = Parse(*input, options);
  ASSERT_TRUE(report.ok()) << report.status();
  const std::string json = ToJson(*report, JsonStyle::kPretty);
  const std::string golden_path = FixturePath("report/golden/" + golden);
  if (Updating()) {
    std::ofstream out(golden_path, std::ios::binary | std::ios::trunc);
    out << json;
    ASSERT_TRUE(out.good()) << "cannot write " << golden_path;
    GTEST_SKIP() << "rewrote " << golden_path;
  }
  std::optional<std::string> want = ReadFile(golden_path);
  ASSERT_TRUE(want) << "missing golden " << golden_path << " (run with WENSHU_UPDATE_GOLDEN=1)";
  EXPECT_TRUE(*want == json) << golden << " differs from the golden file at " << FirstDifference(*want, json)
                             << "\nIf the change is intended: WENSHU_UPDATE_GOLDEN=1 and review the diff.";
  // The golden file itself reads back to the same report.
  absl::StatusOr<Report> back = ReportFromJson(*want);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(ToJson(*back, JsonStyle::kPretty), *want);
}

TEST(GoldenTest, BundledSample) {
  CheckGolden(FixturePath("../../examples/sample/report.txt"), "examples/sample/report.txt", "sample.json");
}

TEST(GoldenTest, SampleCleanOriginal) {
  CheckGolden(FixturePath("report/sample_clean.txt"), "sample_clean.txt", "sample_clean.json");
}

TEST(GoldenTest, ChecksFixture) {
  CheckGolden(FixturePath("report/checks.txt"), "checks.txt", "checks.json");
}

TEST(GoldenTest, SectionsFixture) {
  CheckGolden(FixturePath("report/sections.txt"), "sections.txt", "sections.json");
}

TEST(GoldenTest, GovernmentFixture) {
  CheckGolden(FixturePath("report/government.txt"), "government.txt", "government.json");
}

TEST(GoldenTest, Seed) {
  auto seed = wenshu::testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!seed) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: no seed";
  CheckGolden(*seed, "seeds/000_ce9821eab23f2b85.txt", "seed_000.json");
}

}  // namespace
}  // namespace wenshu
