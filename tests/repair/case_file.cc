#include "repair/case_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <utility>

#include "repair/only_rules.h"
#include "support/test_data.h"

namespace wenshu::testing {
namespace {

constexpr std::string_view kKnownFailuresFolder = "known-failures";

// Spun-vocabulary evidence for synthetic cases: several near-certain spots of different forms, for
// fragments too short to be diagnosed as spun on their own.
constexpr std::string_view kSpunEvidencePlaceholder = "{spun-evidence}";
constexpr std::string_view kSpunEvidence = "坚持以人民为中心的效劳理念,打牢工作根底,坚持实事求是的原那么,争创最正确成效。";
constexpr std::string_view kSpunEvidenceRestored =
    "坚持以人民为中心的服务理念,打牢工作基础,坚持实事求是的原则,争创最佳成效。";

// A whole field "{file:in-the-wild/x.txt}" is the contents of tests/data/repair/in-the-wild/x.txt.
constexpr std::string_view kFileOpen = "{file:";

// The DamageDiagnosis fields an "#! undiagnosed:" directive can name.
struct DiagnosisField {
  std::string_view name;
  bool DamageDiagnosis::*field;
};
constexpr DiagnosisField kDiagnosisFields[] = {
    {"site_boilerplate", &DamageDiagnosis::site_boilerplate},
    {"page_furniture", &DamageDiagnosis::page_furniture},
    {"masked_numbers", &DamageDiagnosis::masked_numbers},
    {"spun_vocabulary", &DamageDiagnosis::spun_vocabulary},
    {"quote_damage", &DamageDiagnosis::quote_damage},
    {"converted_script", &DamageDiagnosis::converted_script},
    {"truncated", &DamageDiagnosis::truncated},
};

const DiagnosisField* FindDiagnosisField(std::string_view name) {
  for (const DiagnosisField& f : kDiagnosisFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// \n, \t and \\ are escapes (any other escaped character stands for itself); {spun-evidence} expands to
// the spun sentence, or to its restored form in the repaired column.
std::string Unescape(std::string_view s, bool restored) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, kSpunEvidencePlaceholder.size()) == kSpunEvidencePlaceholder) {
      out += restored ? kSpunEvidenceRestored : kSpunEvidence;
      i += kSpunEvidencePlaceholder.size() - 1;
    } else if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  for (size_t at = 0;;) {
    size_t next = s.find(sep, at);
    out.emplace_back(s.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) return out;
    at = next + sep.size();
  }
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (const std::string& w : Split(s, " ")) {
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

// A text column: a whole-field file reference, or escaped text.
std::string ReadTextField(std::string_view field, bool restored, std::string* error) {
  if (field.substr(0, kFileOpen.size()) == kFileOpen && field.back() == '}') {
    std::string path(field.substr(kFileOpen.size(), field.size() - kFileOpen.size() - 1));
    if (!std::filesystem::is_regular_file(FixturePath("repair/" + path))) {
      *error = "no file tests/data/repair/" + path;
      return "";
    }
    return ReadFixture("repair/" + path);
  }
  return Unescape(field, restored);
}

// Applies one "#! key: value" directive; returns an error, or "".
std::string ApplyDirective(std::string_view line, CaseFileRules& rules) {
  std::string_view body = line.substr(2);
  size_t colon = body.find(':');
  if (colon == std::string_view::npos) return "a directive is \"#! key: value\"";
  std::vector<std::string> key_words = Words(body.substr(0, colon));
  std::string key = key_words.size() == 1 ? key_words[0] : "";
  std::vector<std::string> values = Words(body.substr(colon + 1));
  if (key == "rules") {
    rules.rules = values;
  } else if (key == "pipeline" && values == std::vector<std::string>{"whole"}) {
    rules.whole_pipeline = true;
  } else if (key == "flags") {
    rules.flag_rules = values;
  } else if (key == "edits" && values == std::vector<std::string>{"none"}) {
    rules.edits_none = true;
  } else if (key == "undiagnosed") {
    for (const std::string& v : values) {
      if (FindDiagnosisField(v) == nullptr) return "no DamageDiagnosis field \"" + v + "\"";
    }
    rules.undiagnosed = values;
  } else {
    return "unknown directive: " + std::string(line);
  }
  return "";
}

// The flags column: "" or "-" (no flag of the flag rules), "any" (not checked), or items separated by
// " | ", each "rule:text" or "rule@needle".
std::string ReadFlags(std::string_view column, const CaseFileRules& rules, RepairCase& c) {
  if (column.empty() || column == "-") return "";
  if (column == "any") {
    c.any_flags = true;
    return "";
  }
  for (const std::string& written : Split(column, " | ")) {
    if (written.empty()) continue;
    std::string item = Unescape(written, false);
    size_t at = item.find_first_of(":@");
    if (at == std::string::npos || at == 0) return "a flag is rule:text or rule@needle: " + written;
    ExpectedFlag f;
    f.rule = item.substr(0, at);
    f.by_needle = item[at] == '@';
    f.text = item.substr(at + 1);
    f.written = written;
    if (!RuleIsAmong(f.rule, rules.flag_rules)) return "flag " + written + " is not of the file's flag rules";
    if (f.by_needle && c.original.find(f.text) == std::string::npos) {
      return "needle of " + written + " is not in the original";
    }
    c.flags.push_back(std::move(f));
  }
  return "";
}

RepairCase ErrorCase(const std::string& file, int line, std::string error) {
  RepairCase c;
  c.file = file;
  c.line = line;
  c.name = "unreadable";
  c.error = std::move(error);
  return c;
}

std::string Sanitized(std::string_view s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

}  // namespace

void PrintTo(const RepairCase& c, std::ostream* out) { *out << c.file << ":" << c.line << " " << c.name; }

std::vector<RepairCase> ParseCaseFile(const std::string& file, std::string_view contents) {
  CaseFileRules rules;
  std::vector<std::pair<int, std::string_view>> lines;  // the case lines, with their line numbers
  int number = 0;
  for (std::string_view rest = contents; !rest.empty();) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++number;
    if (line.substr(0, 2) == "#!") {
      if (!lines.empty()) return {ErrorCase(file, number, "a directive after the first case")};
      std::string error = ApplyDirective(line, rules);
      if (!error.empty()) return {ErrorCase(file, number, error)};
    } else if (!line.empty() && line[0] != '#') {
      lines.emplace_back(number, line);
    }
  }
  if (rules.rules.empty()) return {ErrorCase(file, 1, "no \"#! rules:\" directive")};
  if (rules.flag_rules.empty()) rules.flag_rules = rules.rules;
  auto shared = std::make_shared<const CaseFileRules>(std::move(rules));
  bool known_failure = file.substr(0, file.find('/')) == kKnownFailuresFolder;

  std::vector<RepairCase> cases;
  for (const auto& [line_number, line] : lines) {
    RepairCase c;
    c.file = file;
    c.line = line_number;
    c.rules = shared;
    c.known_failure = known_failure;
    std::vector<std::string> f = Split(line, "\t");
    if (f.size() < 3 || f.size() > 4) {
      c.error = "a case is name<TAB>original<TAB>repaired[<TAB>flags]";
    } else {
      c.name = f[0];
      c.original = ReadTextField(f[1], false, &c.error);
      c.repaired = ReadTextField(f[2], true, &c.error);
      std::string flags_error = ReadFlags(f.size() > 3 ? f[3] : "", *shared, c);
      if (c.error.empty()) c.error = flags_error;
      if (c.error.empty() && c.name.empty()) c.error = "a case needs a name";
      if (c.error.empty() && shared->edits_none && c.original != c.repaired) {
        c.error = "the rules under test only flag (#! edits: none), so repaired must equal original";
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<RepairCase> LoadCaseFolder(const std::string& folder) {
  std::filesystem::path dir = FixturePath("repair/" + folder);
  std::vector<std::string> files;
  if (std::filesystem::is_directory(dir)) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() == ".tsv") files.push_back(e.path().filename().string());
    }
  }
  if (files.empty()) return {ErrorCase(folder, 0, "no case files in tests/data/repair/" + folder)};
  std::sort(files.begin(), files.end());
  std::vector<RepairCase> cases;
  for (const std::string& name : files) {
    std::string file = folder + "/" + name;
    for (RepairCase& c : ParseCaseFile(file, ReadFixture("repair/" + file))) cases.push_back(std::move(c));
  }
  return cases;
}

std::string CaseTestName(const RepairCase& c) {
  std::string_view file = c.file;
  file = file.substr(file.rfind('/') + 1);
  for (std::string_view suffix : {std::string_view("_cases.tsv"), std::string_view(".tsv")}) {
    if (file.size() > suffix.size() && file.substr(file.size() - suffix.size()) == suffix) {
      file.remove_suffix(suffix.size());
      break;
    }
  }
  std::string name = Sanitized(file) + "_" + Sanitized(c.name);
  return c.error.empty() ? name : name + "_line" + std::to_string(c.line);
}

CaseOutcome RunRepairCase(const RepairCase& c) {
  CaseOutcome o;
  const CaseFileRules& rules = *c.rules;
  auto result = Repair(c.original, rules.whole_pipeline ? RepairOptions() : OnlyRules(rules.rules));
  if (!result.ok()) {
    o.error = std::string(result.status().message());
    return o;
  }
  o.ran = true;
  o.result = *std::move(result);
  const RepairResult& r = o.result;

  // Invariants: the whole log, and the log of the rules under test, replay byte-exactly both ways.
  auto replayed = ApplyRepairs(c.original, r.records);
  if (!replayed.ok() || *replayed != r.text) {
    o.broken.push_back("ApplyRepairs(original, records) does not give the repaired text: " +
                       (replayed.ok() ? *replayed : std::string(replayed.status().message())));
  }
  auto reverted = RevertRepairs(r.text, r.records);
  if (!reverted.ok() || *reverted != c.original) {
    o.broken.push_back("RevertRepairs(repaired, records) does not give the original: " +
                       (reverted.ok() ? *reverted : std::string(reverted.status().message())));
  }
  std::vector<RepairRecord> ours;
  for (const RepairRecord& record : r.records) {
    if (!RuleIsAmong(record.rule, rules.rules)) continue;
    if (record.reason.empty()) o.broken.push_back(std::string(record.rule) + ": a record without a reason");
    if (!(record.confidence > 0.0 && record.confidence <= 1.0)) {
      o.broken.push_back(std::string(record.rule) + ": confidence " + std::to_string(record.confidence) +
                         " is outside (0, 1]");
    }
    ours.push_back(record);
  }
  auto applied = ApplyRepairs(c.original, ours);
  if (!applied.ok()) {
    o.broken.push_back("ApplyRepairs(original, records of the rules under test): " +
                       std::string(applied.status().message()));
  } else {
    auto back = RevertRepairs(*applied, ours);
    if (!back.ok() || *back != c.original) {
      o.broken.push_back("RevertRepairs of the records of the rules under test does not give the original");
    }
  }
  // Only the rules under test ran, or the others' edits are left out.
  o.repaired = rules.whole_pipeline ? (applied.ok() ? *applied : std::string()) : r.text;

  // The case's expectations. Strings are printed as text, not escaped bytes, so that a failure can be read.
  if (o.repaired != c.repaired) {
    o.unmet.push_back("repaired text differs\n  got:      " + o.repaired + "\n  expected: " + c.repaired);
  }
  std::vector<std::string> seen;  // the flags of the flag rules, "rule:text"
  for (const RepairFlag& f : r.flags) {
    if (RuleIsAmong(f.rule, rules.flag_rules)) seen.push_back(std::string(f.rule) + ":" + f.text);
  }
  for (const ExpectedFlag& want : c.flags) {
    bool found = false;
    if (want.by_needle) {
      size_t at = c.original.find(want.text);
      Span span{at, at + want.text.size()};
      for (const RepairFlag& f : r.flags) {
        found = found || (f.rule == want.rule && f.span.Overlaps(span) && !f.reason.empty());
      }
    } else {
      found = std::find(seen.begin(), seen.end(), want.rule + ":" + want.text) != seen.end();
    }
    if (!found) o.unmet.push_back("missing flag " + want.written);
  }
  if (c.flags.empty() && !c.any_flags) {
    for (const std::string& s : seen) o.unmet.push_back("unexpected flag " + s);
  }
  for (const std::string& name : rules.undiagnosed) {
    if (r.diagnosis.*(FindDiagnosisField(name)->field)) o.unmet.push_back("diagnosed " + name);
  }
  return o;
}

void CheckRepairCase(const RepairCase& c) {
  ASSERT_TRUE(c.error.empty()) << c.file << ":" << c.line << ": " << c.error;
  CaseOutcome o = RunRepairCase(c);
  ASSERT_TRUE(o.ran) << c.name << ": " << o.error;
  for (const std::string& b : o.broken) ADD_FAILURE() << c.name << ": " << b;
  if (c.known_failure) {
    EXPECT_FALSE(o.unmet.empty()) << "known failure " << c.name << " (" << c.file << ":" << c.line
                                  << ") now passes: move it to synthetic/ or in-the-wild/";
  } else {
    for (const std::string& u : o.unmet) ADD_FAILURE() << c.name << " (" << c.file << ":" << c.line << "): " << u;
  }
  if (::testing::Test::HasFailure()) {
    for (const RepairRecord& r : o.result.records) {
      std::cerr << "  record " << r.rule << " [" << r.before << "] -> [" << r.after << "] " << r.confidence << " "
                << r.reason << "\n";
    }
  }
}

}  // namespace wenshu::testing
