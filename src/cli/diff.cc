#include "cli/diff.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace wenshu::cli {
namespace {

// Start offsets of the lines of text (a line ends after '\n'; a last line without one still counts).
std::vector<size_t> LineStarts(std::string_view text) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
  }
  return starts;
}

// The 0-based line holding byte `pos`.
size_t LineOf(const std::vector<size_t>& starts, size_t pos) {
  return static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), pos) - starts.begin()) - 1;
}

std::string_view LineText(std::string_view text, const std::vector<size_t>& starts, size_t line) {
  const size_t b = starts[line];
  const size_t e = line + 1 < starts.size() ? starts[line + 1] : text.size();
  return text.substr(b, e - b);
}

struct DiffLine {
  char op;  // ' ', '-', '+'
  size_t old_line = 0, new_line = 0;  // 1-based; 0 when the line is not on that side
  std::string_view text;              // with its '\n', if it has one
};

struct Hunk {
  size_t old_start = 0, old_lines = 0, new_start = 0, new_lines = 0;  // 1-based starts, as diff -u
  std::vector<DiffLine> lines;
  std::vector<size_t> edits;  // indices into the records
};

std::vector<Hunk> Hunks(std::string_view original, const RepairResult& result, int context) {
  std::vector<Hunk> hunks;
  if (result.records.empty()) return hunks;
  const std::string_view repaired = result.text;
  const std::vector<size_t> old_starts = LineStarts(original), new_starts = LineStarts(repaired);
  const OffsetMap map(result.records);
  // Each record's original lines [first, last]; records sharing a line form one change.
  struct Change {
    size_t first, last;
    std::vector<size_t> edits;
  };
  std::vector<Change> changes;
  for (size_t i = 0; i < result.records.size(); ++i) {
    const Span s = result.records[i].span;
    const size_t first = LineOf(old_starts, std::min(s.begin, original.size()));
    size_t last = LineOf(old_starts, std::min(std::max(s.end, s.begin + 1) - 1, original.size()));
    // An edit that removed a line break joins the next line to this one: it belongs to the change.
    while (last + 1 < old_starts.size()) {
      const size_t r = map.ToRepaired(old_starts[last + 1]);
      if (r == 0 || r >= repaired.size() || repaired[r - 1] == '\n') break;
      ++last;
    }
    if (!changes.empty() && first <= changes.back().last) {
      changes.back().last = std::max(changes.back().last, last);
      changes.back().edits.push_back(i);
    } else {
      changes.push_back({first, last, {i}});
    }
  }
  const size_t old_count = original.empty() ? 0 : old_starts.size();
  auto new_line_of = [&](size_t old_line) {  // the repaired line where original line old_line starts
    const size_t pos = old_line < old_starts.size() ? old_starts[old_line] : original.size();
    const size_t r = map.ToRepaired(pos);
    return r >= repaired.size() ? (repaired.empty() ? 0 : new_starts.size()) : LineOf(new_starts, r);
  };
  size_t c = 0;
  while (c < changes.size()) {
    // Changes whose context would touch go into one hunk.
    size_t end = c;
    while (end + 1 < changes.size() &&
           changes[end + 1].first <= changes[end].last + 1 + 2 * static_cast<size_t>(context)) {
      ++end;
    }
    Hunk h;
    const size_t from = changes[c].first >= static_cast<size_t>(context) ? changes[c].first - context : 0;
    const size_t to = std::min(old_count, changes[end].last + 1 + context);  // exclusive
    size_t old_line = from, new_line = new_line_of(from);
    h.old_start = from + 1;
    h.new_start = new_line + 1;
    for (size_t k = c; k <= end; ++k) {
      for (; old_line < changes[k].first; ++old_line, ++new_line) {
        h.lines.push_back({' ', old_line + 1, new_line + 1, LineText(original, old_starts, old_line)});
      }
      const size_t new_end = new_line_of(changes[k].last + 1);
      for (; old_line <= changes[k].last; ++old_line) {
        h.lines.push_back({'-', old_line + 1, 0, LineText(original, old_starts, old_line)});
      }
      for (; new_line < new_end; ++new_line) {
        h.lines.push_back({'+', 0, new_line + 1, LineText(repaired, new_starts, new_line)});
      }
      h.edits.insert(h.edits.end(), changes[k].edits.begin(), changes[k].edits.end());
    }
    for (; old_line < to; ++old_line, ++new_line) {
      h.lines.push_back({' ', old_line + 1, new_line + 1, LineText(original, old_starts, old_line)});
    }
    for (const DiffLine& l : h.lines) {
      h.old_lines += l.op != '+';
      h.new_lines += l.op != '-';
    }
    // diff -u numbers an empty side from the line before it.
    if (h.old_lines == 0) --h.old_start;
    if (h.new_lines == 0) --h.new_start;
    hunks.push_back(std::move(h));
    c = end + 1;
  }
  return hunks;
}

std::string DiagnosisLine(const DamageDiagnosis& d) {
  std::string out;
  auto add = [&](bool on, const std::string& what) {
    if (!on) return;
    out += out.empty() ? "" : ", ";
    out += what;
  };
  add(d.site_boilerplate, "site boilerplate");
  add(d.page_furniture, "page furniture");
  if (d.masked_numbers) {
    std::string masks;
    for (const std::string& m : d.mask_strings) masks += (masks.empty() ? "" : "/") + m;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", d.mask_confidence);
    add(true, "masked numbers (mask " + masks + ", confidence " + buf + ")");
  }
  add(d.spun_vocabulary, "spun vocabulary");
  add(d.quote_damage, "quote damage");
  add(d.converted_script, "traditional-script conversion");
  add(d.truncated, "truncated by the site (text missing)");
  return out.empty() ? "no damage found" : out;
}

std::string RulesOf(const RepairResult& result, const std::vector<size_t>& edits) {
  std::set<std::string> rules;
  for (size_t i : edits) rules.insert(std::string(result.records[i].rule));
  std::string out;
  for (const std::string& r : rules) out += (out.empty() ? "" : ", ") + r;
  return out;
}

}  // namespace

std::string UnifiedDiff(std::string_view original, const RepairResult& result, const DiffOptions& options) {
  const char* red = options.color ? "\033[31m" : "";
  const char* green = options.color ? "\033[32m" : "";
  const char* cyan = options.color ? "\033[36m" : "";
  const char* bold = options.color ? "\033[1m" : "";
  const char* dim = options.color ? "\033[2m" : "";
  const char* reset = options.color ? "\033[0m" : "";
  std::string out;
  out += std::string(dim) + "# diagnosis: " + DiagnosisLine(result.diagnosis) + reset + "\n";
  out += std::string(dim) + "# " + std::to_string(result.records.size()) + " edits, " +
         std::to_string(result.flags.size()) + " flags" + reset + "\n";
  if (!options.decoded.empty()) {
    out += std::string(dim) + "# " + options.name + " was decoded (" + options.decoded +
           "): this is a diff of its UTF-8 text, which patch needs as its input, not " + options.name +
           " itself" + reset + "\n";
  }
  const std::vector<size_t> starts = LineStarts(original);
  for (const RepairFlag& f : result.flags) {
    const size_t line = LineOf(starts, std::min(f.span.begin, original.size()));
    std::string text = f.text;
    std::replace(text.begin(), text.end(), '\n', ' ');
    out += std::string(dim) + "# flag " + std::string(f.rule) + " line " + std::to_string(line + 1) + ": \"" +
           text + "\" " + f.reason.str() + reset + "\n";
  }
  if (result.records.empty()) return out;
  out += std::string(bold) + "--- " + options.name + reset + "\n";
  out += std::string(bold) + "+++ " + options.name + " (repaired)" + reset + "\n";
  for (const Hunk& h : Hunks(original, result, options.context)) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "@@ -%zu,%zu +%zu,%zu @@", h.old_start, h.old_lines, h.new_start,
                  h.new_lines);
    out += std::string(cyan) + buf + reset + " " + RulesOf(result, h.edits) + "\n";
    for (const DiffLine& l : h.lines) {
      const char* color = l.op == '-' ? red : l.op == '+' ? green : "";
      std::string_view text = l.text;
      const bool newline = !text.empty() && text.back() == '\n';
      if (newline) text.remove_suffix(1);
      out += color;
      out += l.op;
      out.append(text);
      out += l.op == ' ' ? "" : reset;
      out += "\n";
      if (!newline) out += "\\ No newline at end of file\n";
    }
  }
  return out;
}

std::string DiffJson(std::string_view original, const RepairResult& result, const DiffOptions& options) {
  using nlohmann::json;
  json doc = json::object();
  doc["name"] = options.name;
  doc["diagnosis"] = DiagnosisLine(result.diagnosis);
  doc["decoded"] = options.decoded.empty() ? json(nullptr) : json(options.decoded);
  doc["context"] = options.context;
  const std::vector<size_t> starts = LineStarts(original);
  auto edit_json = [&](const RepairRecord& r) {
    json alts = json::array();
    for (const RepairAlternative& a : r.alternatives) {
      alts.push_back({{"after", a.after}, {"confidence", a.confidence}, {"reason", a.reason.str()}});
    }
    return json{{"rule", r.rule}, {"span", {r.span.begin, r.span.end}},
                {"line", LineOf(starts, std::min(r.span.begin, original.size())) + 1},
                {"before", r.before}, {"after", r.after}, {"confidence", r.confidence},
                {"reason", r.reason.str()}, {"alternatives", alts}};
  };
  json hunks = json::array();
  for (const Hunk& h : Hunks(original, result, options.context)) {
    json lines = json::array();
    for (const DiffLine& l : h.lines) {
      json line = {{"op", std::string(1, l.op)}, {"text", std::string(l.text)}};
      if (l.old_line > 0) line["old_line"] = l.old_line;
      if (l.new_line > 0) line["new_line"] = l.new_line;
      lines.push_back(std::move(line));
    }
    json edits = json::array();
    for (size_t i : h.edits) edits.push_back(edit_json(result.records[i]));
    hunks.push_back({{"old_start", h.old_start}, {"old_lines", h.old_lines}, {"new_start", h.new_start},
                     {"new_lines", h.new_lines}, {"rules", RulesOf(result, h.edits)}, {"lines", lines},
                     {"edits", edits}});
  }
  doc["hunks"] = std::move(hunks);
  json flags = json::array();
  for (const RepairFlag& f : result.flags) {
    flags.push_back({{"rule", f.rule}, {"span", {f.span.begin, f.span.end}},
                     {"line", LineOf(starts, std::min(f.span.begin, original.size())) + 1},
                     {"text", f.text}, {"reason", f.reason.str()}});
  }
  doc["flags"] = std::move(flags);
  // Bytes that are not UTF-8 are shown as U+FFFD (JSON must be UTF-8); spans stay exact.
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace wenshu::cli
