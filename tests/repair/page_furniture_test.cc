// boilerplate.page_furniture: running footers that cut a sentence are removed with the line break they
// introduced, so "…到社会事业局上半年工作总结第2页\n目前为止" reads "…到目前为止" again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "repair/text_repair_cases.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

class FurnitureCases : public ::testing::TestWithParam<testing::RepairCase> {};

TEST_P(FurnitureCases, Behaves) { testing::CheckRepairCase(GetParam(), "boilerplate."); }

INSTANTIATE_TEST_SUITE_P(InTheWild, FurnitureCases,
                         ::testing::ValuesIn(testing::LoadRepairCases("in-the-wild/furniture_cases.tsv")),
                         testing::CaseName);
INSTANTIATE_TEST_SUITE_P(Synthetic, FurnitureCases,
                         ::testing::ValuesIn(testing::LoadRepairCases("synthetic/furniture_cases.tsv")),
                         testing::CaseName);
INSTANTIATE_TEST_SUITE_P(Negative, FurnitureCases,
                         ::testing::ValuesIn(testing::LoadRepairCases("negative/furniture_cases.tsv")),
                         testing::CaseName);

TEST(FurnitureKnownFailures, StillFail) {
  for (const auto& c : testing::LoadRepairCases("known-failures/furniture_cases.tsv")) {
    EXPECT_FALSE(testing::RepairCaseHolds(c, "boilerplate."))
        << c.name << " now passes: move it from known-failures to synthetic.";
  }
}

void ExpectSeedFooterJoined(const std::string& original) {
  auto result = Repair(original, testing::OnlyRules({"boilerplate."}));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->diagnosis.page_furniture);
  EXPECT_EQ(result->text.find("第2页"), std::string::npos);
  EXPECT_THAT(result->text, ::testing::HasSubstr("的意向。到目前为止,新加坡cpg集团"));
  int footers = 0;
  for (const RepairRecord& r : result->records) {
    if (r.rule != "boilerplate.page_furniture") continue;
    ++footers;
    EXPECT_EQ(r.before, "社会事业局上半年工作总结第2页\n");
    EXPECT_EQ(r.after, "");
  }
  EXPECT_EQ(footers, 1);
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, original);
}

TEST(FurnitureSeed, FixtureFooterIsJoined) {
  ExpectSeedFooterJoined(testing::ReadFixture("repair/in-the-wild/furniture_seed_excerpt.txt"));
}

TEST(FurnitureSeed, SeedFooterIsJoined) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; the seed is not available";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  ExpectSeedFooterJoined(*text);
}

// Furniture removal on a damaged set from tools/damage (wenshu_damage -o SET.jsonl; run by
// tools/vocab/furniture_eval.sh): every inserted header and footer must go, nothing else may.
TEST(DamageSet, FurnitureIsRemoved) {
  const char* path = std::getenv("WENSHU_DAMAGE_SET");
  if (!path || !*path) GTEST_SKIP() << "WENSHU_DAMAGE_SET not set (tools/vocab/furniture_eval.sh sets it)";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  size_t headers = 0, headers_title_kept = 0;
  size_t items = 0, removed = 0, documents = 0, exact = 0, false_bytes = 0, clean_documents = 0,
         clean_touched = 0;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("damaged")) continue;
    const std::string damaged = j["damaged"].get<std::string>();
    std::vector<Span> truth;
    size_t header_title_bytes = 0;  // the header's last line: the one title line the rule keeps
    for (const auto& t : j["truth"]) {
      std::string kind = t.value("kind", "");
      if (kind != "site_header" && kind != "page_footer") continue;
      Span span{t["span"][0], t["span"][1]};
      if (kind == "site_header") {
        ++headers;
        // When the document's own first line is not a title, the site's title line is the only one, and
        // the rule keeps it (one title stays); it then counts as kept, not missed.
        size_t last = damaged.rfind('\n', span.end - 2);
        header_title_bytes = last == std::string::npos ? 0 : span.end - (last + 1);
      }
      truth.push_back(span);
    }
    auto result = Repair(damaged, testing::OnlyRules({"boilerplate."}));
    ASSERT_TRUE(result.ok());
    std::vector<bool> cut(damaged.size(), false);
    for (const RepairRecord& r : result->records) {
      for (size_t b = r.span.begin; b < r.span.end; ++b) cut[b] = true;
    }
    std::vector<bool> furniture(damaged.size(), false);
    for (Span s : truth) {
      bool all = true, all_but_title = true;
      for (size_t b = s.begin; b < s.end; ++b) {
        furniture[b] = true;
        all = all && cut[b];
        if (s.begin == 0 && b >= s.end - header_title_bytes) continue;
        all_but_title = all_but_title && cut[b];
      }
      if (!all && all_but_title && s.begin == 0 && header_title_bytes > 0) {
        ++headers_title_kept;
        all = true;
      }
      ++items;
      removed += all;
      if (!all && std::getenv("WENSHU_DAMAGE_DEBUG") && items - removed <= 25) {
        size_t from = s.begin >= 30 ? s.begin - 30 : 0;
        std::printf("  missed: %s\n", damaged.substr(from, s.end + 30 - from).c_str());
      }
    }
    size_t wrong = 0;
    for (size_t b = 0; b < damaged.size(); ++b) wrong += cut[b] && !furniture[b];
    if (wrong > 0 && std::getenv("WENSHU_DAMAGE_DEBUG")) {
      for (const RepairRecord& r : result->records) {
        bool outside = false;
        for (size_t b = r.span.begin; b < r.span.end; ++b) outside = outside || !furniture[b];
        if (outside) std::printf("  over-removed: [%s] %s\n", r.before.c_str(), r.reason.c_str());
      }
    }
    false_bytes += wrong;
    if (truth.empty()) {
      ++clean_documents;
      clean_touched += !result->records.empty();
    } else {
      ++documents;
      exact += wrong == 0 && [&] {
        for (Span s : truth) {
          for (size_t b = s.begin; b < s.end; ++b) {
            if (!cut[b]) return false;
          }
        }
        return true;
      }();
    }
  }
  const double rate = items ? static_cast<double>(removed) / static_cast<double>(items) : 0;
  std::printf("furniture-eval: %zu items (headers and footers) in %zu documents: %zu removed (%.3f); "
              "documents exactly restored %zu; bytes removed that were not furniture %zu; documents without "
              "furniture touched %zu of %zu; headers %zu (of which the site's title line was kept as the "
              "only title: %zu)\n",
              items, documents, removed, rate, exact, false_bytes, clean_touched, clean_documents, headers,
              headers_title_kept);
  EXPECT_GE(rate, 0.95);
  EXPECT_EQ(clean_touched, 0u);
  EXPECT_EQ(false_bytes, 0u) << "text that was not furniture was removed";
}

}  // namespace
}  // namespace wenshu
