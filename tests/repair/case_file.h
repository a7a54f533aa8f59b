// Repair cases as data, ftfy style: the one reader of tests/data/repair/<folder>/*.tsv and the one check
// every case goes through (tests/repair/cases_test.cc runs them). The format is described in
// tests/data/repair/README.md: "#!" directives name the rules under test, then one case a line,
//   name <TAB> original <TAB> repaired [<TAB> flags]
#ifndef WENSHU_TESTS_REPAIR_CASE_FILE_H_
#define WENSHU_TESTS_REPAIR_CASE_FILE_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "wenshu/repair.h"

namespace wenshu::testing {

// What a case file's "#!" directives say about every case in it.
struct CaseFileRules {
  // "#! rules:" the rule ids or families (ending in '.') under test.
  std::vector<std::string> rules;
  // "#! pipeline: whole": every rule runs, and the repaired column is the original with only the edits
  // of the rules under test applied. Otherwise only the rules under test run.
  bool whole_pipeline = false;
  // "#! flags:" the rules whose flags the flags column speaks for (default: the rules under test).
  std::vector<std::string> flag_rules;
  // "#! edits: none": the rules under test only flag, so each case's repaired column is its original.
  bool edits_none = false;
  // "#! undiagnosed:" DamageDiagnosis fields that no case of the file may set.
  std::vector<std::string> undiagnosed;
};

// One item of the flags column.
struct ExpectedFlag {
  std::string rule;
  std::string text;  // "rule:text": a flag with exactly this text
  // "rule@needle": a flag, with a reason, over the first place the needle is in the original.
  bool by_needle = false;
  std::string written;  // the item as the file writes it, for messages
};

struct RepairCase {
  std::string file;  // relative to tests/data/repair, e.g. "synthetic/text_quote_cases.tsv"
  int line = 0;
  std::string name;
  std::string original;
  std::string repaired;
  std::vector<ExpectedFlag> flags;
  bool any_flags = false;      // flags column "any": flags are not checked
  bool known_failure = false;  // in known-failures/: must keep failing until fixed
  std::shared_ptr<const CaseFileRules> rules;
  std::string error;  // set when the line or its file could not be read: the case fails with it
};

// GoogleTest prints a parameter in a test's description: the case's place, not its bytes.
void PrintTo(const RepairCase& c, std::ostream* out);

// The cases of one file; `file` is relative to tests/data/repair and names its folder.
std::vector<RepairCase> ParseCaseFile(const std::string& file, std::string_view contents);

// The cases of every *.tsv file in tests/data/repair/<folder>, in file-name order.
std::vector<RepairCase> LoadCaseFolder(const std::string& folder);

// A case's test name: its file (without "_cases.tsv") and its name, in the characters GoogleTest allows.
std::string CaseTestName(const RepairCase& c);

struct CaseOutcome {
  bool ran = false;
  std::string error;     // Repair's error when it did not run
  RepairResult result;   // with the options the file asks for
  std::string repaired;  // the original with the records of the rules under test applied
  // Invariants every case must keep, known failures too: the record log replays byte-exactly both
  // ways, and every record of the rules under test has a reason and a confidence in (0, 1].
  std::vector<std::string> broken;
  // The case's own expectations left unmet (repaired text, flags, diagnosis). A known failure has some.
  std::vector<std::string> unmet;
};

CaseOutcome RunRepairCase(const RepairCase& c);

// The GoogleTest check of one case: an unreadable case or a broken invariant fails; a case fails when
// an expectation is unmet, and a known failure fails when none is (it is fixed: move it).
void CheckRepairCase(const RepairCase& c);

}  // namespace wenshu::testing

#endif  // WENSHU_TESTS_REPAIR_CASE_FILE_H_
