// docs/repair.md's table of rules against the registry: every registered rule has its row, in the
// registry's order (the order the engine runs them), and the table names no rule that does not exist.
// The table's prose is written by hand; this keeps its list of ids from drifting.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "re2/re2.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

// The rule ids in the first cell of each row of the table that follows the header "| rule | repairs |".
std::vector<std::string> DocumentedRuleIds(const std::string& docs) {
  std::vector<std::string> ids;
  std::istringstream lines(docs);
  std::string line;
  bool in_table = false;
  static const RE2 kId(R"(`([a-z_]+\.[a-z0-9_]+)`)");
  while (std::getline(lines, line)) {
    if (line.rfind("| rule | repairs |", 0) == 0) {
      in_table = true;
      std::getline(lines, line);  // the |---| row
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("| ", 0) != 0) break;  // the table ended
    const std::string first_cell = line.substr(0, line.find(" | ", 2));
    re2::StringPiece input(first_cell);
    std::string id;
    while (RE2::FindAndConsume(&input, kId, &id)) ids.push_back(id);
  }
  return ids;
}

TEST(RuleDocs, TheTableListsEveryRegisteredRuleInOrder) {
  const std::string path = wenshu::testing::SourcePath("docs/repair.md");
  auto docs = wenshu::testing::ReadFile(path);
  ASSERT_TRUE(docs.has_value()) << path;
  std::vector<std::string> registered;
  for (const RepairRuleInfo& rule : RepairRules()) registered.emplace_back(rule.id);
  EXPECT_EQ(DocumentedRuleIds(*docs), registered)
      << "docs/repair.md's table of rules should list the ids of RepairRules() in its order";
}

}  // namespace
}  // namespace wenshu
