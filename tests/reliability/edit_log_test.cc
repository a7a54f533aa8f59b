// The repair log is exact on every document we have: every .txt fixture under tests/data (recursively),
// every clean corpus document, and the real damaged seed. Applying the records to the original gives
// the repaired text, reverting gives the original, records are sorted and non-overlapping with
// before == the original bytes, and flags lie inside the text. The same holds for the log that Parse()
// puts in a report.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "reliability/reliability_support.h"
#include "support/test_data.h"
#include "wenshu/repair.h"
#include "wenshu/report.h"

namespace wenshu {
namespace {

using reliability::ExpectExactRepairLog;

struct Document {
  std::string name;
  std::string text;
};

std::vector<Document> FixtureDocuments() {
  std::vector<Document> docs;
  const std::filesystem::path root = testing::FixturePath("");
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".txt") continue;
    if (auto text = testing::ReadFile(it->path().string())) {
      docs.push_back({std::filesystem::relative(it->path(), root).string(), *std::move(text)});
    }
  }
  std::sort(docs.begin(), docs.end(), [](const Document& a, const Document& b) { return a.name < b.name; });
  return docs;
}

void ExpectExactOnDocument(const Document& doc) {
  SCOPED_TRACE(doc.name);
  auto repaired = Repair(doc.text);
  ASSERT_TRUE(repaired.ok()) << repaired.status();
  ExpectExactRepairLog(doc.text, *repaired);
  if (::testing::Test::HasFatalFailure()) return;
  // The offset map agrees with the records wherever the answer is unambiguous: at the start of a
  // replacement of non-empty original bytes by non-empty text that no other record touches.
  // (Insertions and removals have a zero-width side; either neighbouring offset is defensible.)
  OffsetMap map(repaired->records);
  size_t previous_end = SIZE_MAX;
  int64_t delta = 0;  // repaired offset - original offset after the records so far
  for (const RepairRecord& r : repaired->records) {
    const size_t repaired_begin = static_cast<size_t>(static_cast<int64_t>(r.span.begin) + delta);
    ASSERT_LE(repaired_begin + r.after.size(), repaired->text.size()) << r.rule;
    EXPECT_EQ(repaired->text.substr(repaired_begin, r.after.size()), r.after) << r.rule;
    if (!r.after.empty() && !r.span.empty() && previous_end != r.span.begin) {
      EXPECT_EQ(map.ToRepaired(r.span.begin), repaired_begin) << r.rule << " at " << r.span.begin;
      EXPECT_EQ(map.ToOriginal(repaired_begin), r.span.begin) << r.rule << " at " << r.span.begin;
    }
    previous_end = r.span.end;
    delta += static_cast<int64_t>(r.after.size()) - static_cast<int64_t>(r.span.size());
  }
  // Parse() carries the same log.
  auto report = Parse(doc.text);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->text, repaired->text);
  ASSERT_EQ(report->repairs.size(), repaired->records.size());
  RepairResult from_report;
  from_report.text = report->text;
  from_report.records = report->repairs;
  from_report.flags = report->flags;
  ExpectExactRepairLog(doc.text, from_report);
}

TEST(EditLogTest, EveryFixture) {
  const std::vector<Document> docs = FixtureDocuments();
  ASSERT_FALSE(docs.empty()) << "no .txt fixtures under " << testing::FixturePath("");
  for (const Document& doc : docs) ExpectExactOnDocument(doc);
}

TEST(EditLogTest, TheDamagedSeed) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: no seed";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  Document doc{"seed 000_ce9821eab23f2b85", *text};
  ExpectExactOnDocument(doc);
  // The seed is damaged: the log is not trivially empty.
  auto repaired = Repair(doc.text);
  ASSERT_TRUE(repaired.ok());
  EXPECT_FALSE(repaired->records.empty() && repaired->flags.empty());
}

TEST(EditLogTest, EveryCleanCorpusDocument) {
  const auto corpus = testing::CleanCorpusDocuments();
  if (corpus.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: no clean corpora";
  for (const auto& c : corpus) ExpectExactOnDocument({c.name, c.text});
}

// The corpus documents with bytes knocked out and truncated mid-character: the log stays exact on
// damaged text that no fixture anticipated.
TEST(EditLogTest, CorpusDocumentsCutMidCharacter) {
  auto corpus = testing::CleanCorpusDocuments();
  if (corpus.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set: no clean corpora";
  for (size_t i = 0; i < corpus.size(); i += 7) {
    std::string text = corpus[i].text.substr(0, 30001);  // ends inside a character, usually
    for (size_t k = 997; k < text.size(); k += 997) text[k] = static_cast<char>(0x80 + k % 64);
    ExpectExactOnDocument({corpus[i].name + " (damaged)", text});
  }
}

}  // namespace
}  // namespace wenshu
