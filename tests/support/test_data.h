// Where tests find their data: tests/data (always) and the optional shared corpora.
#ifndef WENSHU_TESTS_SUPPORT_TEST_DATA_H_
#define WENSHU_TESTS_SUPPORT_TEST_DATA_H_

#include <optional>
#include <string>
#include <vector>

namespace wenshu::testing {

// The contents of tests/data/<relative>; fails the test (ADD_FAILURE) and returns "" when missing.
std::string ReadFixture(const std::string& relative);
std::string FixturePath(const std::string& relative);

// The path of <source tree>/<relative> (docs, tools, src data): WENSHU_SOURCE_DIR when set, else found
// from the test data folder (tests/data is two levels below the source tree).
std::string SourcePath(const std::string& relative);

// The path of <WENSHU_SHARED_DIR>/<relative> if the variable is set and the file exists.
// Use with GTEST_SKIP() when absent: a fresh clone has no shared folder.
std::optional<std::string> SharedPath(const std::string& relative);

// Reads a whole file; nullopt when unreadable.
std::optional<std::string> ReadFile(const std::string& path);

// The clean reports in the shared corpora: the national JSONL's "content" fields and the provincial
// text files. Empty when the shared folder is absent.
struct CorpusDocument {
  std::string name;
  std::string text;
};
std::vector<CorpusDocument> CleanCorpusDocuments();

// utf8 converted to `encoding` with ICU ("GB18030", "UTF-16LE", "Big5"...), for tests that make inputs
// in other encodings; fails the test (ADD_FAILURE) and returns "" when ICU cannot convert.
std::string EncodeAs(const std::string& utf8, const char* encoding);

}  // namespace wenshu::testing

#endif  // WENSHU_TESTS_SUPPORT_TEST_DATA_H_
