#include "support/test_data.h"

#include <unicode/ucnv.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "damage/corpus.h"

namespace wenshu::testing {
namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

}  // namespace

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string FixturePath(const std::string& relative) {
  return EnvOr("WENSHU_TEST_DATA", WENSHU_TEST_DATA_DIR) + "/" + relative;
}

std::string SourcePath(const std::string& relative) {
  const std::string root = EnvOr("WENSHU_SOURCE_DIR", "");
  return (root.empty() ? FixturePath("../..") : root) + "/" + relative;
}

std::string ReadFixture(const std::string& relative) {
  auto content = ReadFile(FixturePath(relative));
  if (!content) {
    ADD_FAILURE() << "missing fixture " << FixturePath(relative);
    return "";
  }
  return *content;
}

std::optional<std::string> SharedPath(const std::string& relative) {
  std::string root = EnvOr("WENSHU_SHARED_DIR", WENSHU_SHARED_DIR_DEFAULT);
  if (root.empty()) return std::nullopt;
  std::string path = root + "/" + relative;
  if (!std::filesystem::exists(path)) return std::nullopt;
  return path;
}

std::vector<CorpusDocument> CleanCorpusDocuments() {
  std::string root = EnvOr("WENSHU_SHARED_DIR", WENSHU_SHARED_DIR_DEFAULT);
  std::vector<CorpusDocument> docs;
  if (root.empty()) return docs;
  // One reader of the corpora for tests and tools (tools/damage/corpus.h).
  for (auto& d : damage::ReadCleanCorpora(root)) docs.push_back({std::move(d.name), std::move(d.text)});
  return docs;
}

std::string EncodeAs(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    ADD_FAILURE() << "cannot convert to " << encoding << ": " << u_errorName(status);
    return "";
  }
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace wenshu::testing
