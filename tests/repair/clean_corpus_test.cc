// The repair rules on clean reports: a clean report must come out as it went in. Runs Repair on every
// clean document of the shared corpora (national 1954–2025, provincial 2026) and counts what changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "damage/evaluate.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

bool HasDigit(const std::string& s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  for (const char* d : {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"}) {
    if (s.find(d) != std::string::npos) return true;
  }
  return false;
}

size_t CountChars(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

TEST(CleanCorpus, RepairChangesNothingInCleanReports) {
  auto docs = testing::CleanCorpusDocuments();
  if (docs.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; no clean corpus";
  size_t chars = 0, digit_changes = 0, vocab_changes = 0, furniture_removals = 0, quote_changes = 0,
         spun_documents = 0, boilerplate_documents = 0, chrome_removals = 0, chrome_bytes = 0,
         provincial = 0, provincial_chrome = 0, provincial_title_first = 0;
  std::map<std::string, size_t> by_rule, flags_by_rule;
  for (const auto& doc : docs) {
    chars += CountChars(doc.text);
    auto result = Repair(doc.text);
    ASSERT_TRUE(result.ok()) << doc.name << ": " << result.status();
    spun_documents += result->diagnosis.spun_vocabulary;
    boilerplate_documents += result->diagnosis.site_boilerplate || result->diagnosis.page_furniture;
    for (const RepairRecord& r : result->records) {
      ++by_rule[std::string(r.rule)];
      // The portal chrome around the provincial reports (download, print and font-size controls, source
      // and date lines, whose digits are the portal's, 相关报道：) is furniture; the national reports have
      // none. Nothing else goes.
      const bool provincial = doc.name.rfind("provincial:", 0) == 0;
      if (r.rule == "boilerplate.site_lines" && provincial && !damage::HoldsReportSentence(r.before)) {
        ++chrome_removals;
        chrome_bytes += r.before.size();
        continue;
      }
      if (HasDigit(r.before) || HasDigit(r.after)) {
        ++digit_changes;
        ADD_FAILURE() << doc.name << ": " << r.rule << " changed digits [" << r.before << "] -> [" << r.after
                      << "]";
      }
      if (r.rule.rfind("vocab.", 0) == 0) {
        ++vocab_changes;
        std::printf("  vocab change in %s: [%s] -> [%s] %s\n", doc.name.c_str(), r.before.c_str(),
                    r.after.c_str(), r.reason.c_str());
      }
      if (r.rule.rfind("boilerplate.", 0) == 0) {
        ++furniture_removals;
        ADD_FAILURE() << doc.name << ": " << r.rule << " removed [" << r.before << "]";
      }
      if (r.rule.rfind("quote.", 0) == 0) {
        ++quote_changes;
        std::printf("  quote change in %s: [%s] -> [%s] %s\n", doc.name.c_str(), r.before.c_str(),
                    r.after.c_str(), r.reason.c_str());
      }
    }
    for (const RepairFlag& f : result->flags) ++flags_by_rule[std::string(f.rule)];
    if (doc.name.rfind("provincial:", 0) == 0) {
      ++provincial;
      const bool chrome = std::any_of(result->records.begin(), result->records.end(),
                                      [](const RepairRecord& r) { return r.rule == "boilerplate.site_lines"; });
      provincial_chrome += chrome;
      // With the chrome gone the report starts with its title, which no longer takes 下载 or 首页 for it.
      const std::string first = result->text.substr(0, result->text.find('\n'));
      provincial_title_first += first.find("报告") != std::string::npos;
    }
    auto back = RevertRepairs(result->text, result->records);
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(*back == doc.text) << doc.name << ": revert does not give the original back";
  }
  const double per_100k = chars ? 1e5 * static_cast<double>(vocab_changes) / static_cast<double>(chars) : 0;
  std::printf("clean corpus: %zu documents, %zu characters; diagnosed spun %zu, boilerplate %zu; "
              "vocab changes %zu (%.2f per 100k chars), boilerplate/furniture removals %zu, digit changes %zu, "
              "quote changes %zu\n",
              docs.size(), chars, spun_documents, boilerplate_documents, vocab_changes, per_100k,
              furniture_removals, digit_changes, quote_changes);
  std::printf("  portal chrome removed from %zu of %zu provincial reports (%zu lines, %zu bytes); %zu of them "
              "now start with their title\n",
              provincial_chrome, provincial, chrome_removals, chrome_bytes, provincial_title_first);
  for (const auto& [rule, n] : by_rule) std::printf("  records %-28s %zu\n", rule.c_str(), n);
  for (const auto& [rule, n] : flags_by_rule) std::printf("  flags   %-28s %zu\n", rule.c_str(), n);
  EXPECT_EQ(digit_changes, 0u);
  EXPECT_LE(per_100k, 1.0);
  EXPECT_EQ(furniture_removals, 0u);
  if (provincial > 0) {
    // 23 of the 31 provincial reports open with the portal's 下载 打印 全屏 收藏 【字号：…】 block and 4 more
    // with a breadcrumb or 【字体：大 中 小】; measured: chrome removed from 29, 28 then open with the title.
    EXPECT_GE(provincial_chrome, 27u);
    EXPECT_GE(provincial_title_first, 26u);
  }
}

}  // namespace
}  // namespace wenshu
