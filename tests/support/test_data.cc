#include "support/test_data.h"

#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace wenshu::testing {
namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

// Splits one RFC 4180 CSV document into rows of fields (quoted fields may hold newlines).
std::vector<std::vector<std::string>> ParseCsv(std::string_view s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
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
  std::vector<CorpusDocument> docs;
  if (auto path = SharedPath("corpora/gov-reports-national-1954-2025/government_work_reports.jsonl")) {
    std::ifstream in(*path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.contains("content")) continue;
      docs.push_back({j.value("title", "national"), j["content"].get<std::string>()});
    }
  }
  if (auto dir = SharedPath("corpora/gov-reports-provincial-2026/output/2026_raw_text")) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(*dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto content = ReadFile(f.string());
      if (!content) continue;
      std::string_view s = *content;
      if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
      auto rows = ParseCsv(s);
      if (rows.size() < 2) continue;
      size_t col = 0;
      for (; col < rows[0].size() && rows[0][col] != "full_text"; ++col) {}
      for (size_t r = 1; r < rows.size(); ++r) {
        if (col < rows[r].size()) docs.push_back({f.filename().string(), rows[r][col]});
      }
    }
  }
  return docs;
}

}  // namespace wenshu::testing
