#include "damage/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

namespace wenshu::damage {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// RFC 4180: quoted fields may hold commas, doubled quotes and newlines.
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

std::vector<CleanDocument> ReadCleanCorpora(const std::string& shared_dir) {
  namespace fs = std::filesystem;
  std::vector<CleanDocument> docs;
  fs::path national =
      fs::path(shared_dir) / "corpora/gov-reports-national-1954-2025/government_work_reports.jsonl";
  if (fs::exists(national)) {
    std::ifstream in(national);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object() || !j.contains("content") || !j["content"].is_string()) {
        continue;
      }
      std::string title = j.contains("title") && j["title"].is_string() ? j["title"].get<std::string>() : "";
      docs.push_back({"national:" + std::to_string(n), j["content"].get<std::string>(), std::move(title)});
    }
  }
  fs::path provincial = fs::path(shared_dir) / "corpora/gov-reports-provincial-2026/output/2026_raw_text";
  if (fs::exists(provincial)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(provincial)) {
      if (e.path().extension() == ".csv") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string content = ReadAll(f);
      std::string_view s = content;
      if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
      auto rows = ParseCsv(s);
      if (rows.size() < 2) continue;
      auto col = std::find(rows[0].begin(), rows[0].end(), "full_text");
      if (col == rows[0].end()) continue;
      size_t index = static_cast<size_t>(col - rows[0].begin());
      auto title_col = std::find(rows[0].begin(), rows[0].end(), "title");
      size_t title_index = static_cast<size_t>(title_col - rows[0].begin());
      for (size_t r = 1; r < rows.size(); ++r) {
        if (index < rows[r].size() && !rows[r][index].empty()) {
          std::string title = title_index < rows[r].size() ? rows[r][title_index] : "";
          docs.push_back({"provincial:" + f.filename().string(), rows[r][index], std::move(title)});
        }
      }
    }
  }
  return docs;
}

}  // namespace wenshu::damage
