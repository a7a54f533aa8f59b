// `wenshu repair`: the repaired text of one document, or each edit with --diff.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"
#include "cli/output.h"
#include "wenshu/input.h"
#include "wenshu/repair.h"

namespace wenshu::cli {
namespace {

constexpr char kRepairUsage[] =
    "usage: wenshu repair [OPTIONS] FILE|-\n"
    "\n"
    "Prints the repaired text of one document on standard output.\n"
    "\n"
    "options:\n"
    "      --diff            print each edit instead (rule, span, before -> after, confidence, reason),\n"
    "                        then what was flagged but kept, and the document diagnosis\n"
    "      --disable RULE    switch off a rule, or a family with a trailing dot (\"vocab.\"); repeatable\n"
    "      --min-confidence X  apply only edits at least this sure (0..1, default 0.5)\n"
    "      --list-rules      list every rule id with its description\n"
    "  -o, --output PATH     write to PATH instead of standard output\n"
    "      --encoding E      auto (default) or the input's encoding (gb18030, big5, utf-16le...)\n"
    "  -h, --help            this help\n"
    "\n"
    "FILE may be text in any supported encoding, HTML or .docx, optionally gzipped (docs/cli.md,\n"
    "\"Inputs and encodings\"). Spans are byte offsets [begin, end) into the input decoded to UTF-8\n"
    "(the file itself when it is UTF-8 without a BOM).\n";

int UsageError(const std::string& message) {
  std::fprintf(stderr, "wenshu repair: %s\n\n%s", message.c_str(), kRepairUsage);
  return 2;
}

// Shows control characters and line breaks visibly in one-line diff output.
std::string Visible(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Diff(const RepairResult& r) {
  std::string out;
  char buf[96];
  const DamageDiagnosis& d = r.diagnosis;
  out += "# diagnosis:";
  bool any = false;
  auto add = [&](bool on, std::string_view what) {
    if (!on) return;
    out += any ? ", " : " ";
    out += what;
    any = true;
  };
  add(d.site_boilerplate, "site boilerplate");
  add(d.page_furniture, "page furniture");
  if (d.masked_numbers) {
    std::string masks;
    for (const std::string& m : d.mask_strings) masks += (masks.empty() ? "" : "/") + m;
    std::snprintf(buf, sizeof buf, " (mask %s, confidence %.2f)", masks.c_str(), d.mask_confidence);
    add(true, "masked numbers" + std::string(buf));
  }
  add(d.spun_vocabulary, "spun vocabulary");
  add(d.quote_damage, "quote damage");
  add(d.converted_script, "traditional-script conversion");
  if (!any) out += " no damage found";
  out += "\n";
  std::snprintf(buf, sizeof buf, "# %zu edits, %zu flags\n", r.records.size(), r.flags.size());
  out += buf;
  for (const RepairRecord& rec : r.records) {
    std::snprintf(buf, sizeof buf, "[%zu,%zu) ", rec.span.begin, rec.span.end);
    out += "edit  " + rec.rule + " " + buf;
    out += "\"" + Visible(rec.before) + "\" -> \"" + Visible(rec.after) + "\"";
    std::snprintf(buf, sizeof buf, " (%.2f)", rec.confidence);
    out += buf;
    if (!rec.reason.empty()) out += " " + rec.reason;
    out += "\n";
    for (const RepairAlternative& alt : rec.alternatives) {
      std::snprintf(buf, sizeof buf, " (%.2f)", alt.confidence);
      out += "      or \"" + Visible(alt.after) + "\"" + buf + (alt.reason.empty() ? "" : " " + alt.reason) +
             "\n";
    }
  }
  for (const RepairFlag& f : r.flags) {
    std::snprintf(buf, sizeof buf, "[%zu,%zu) ", f.span.begin, f.span.end);
    out += "flag  " + f.rule + " " + buf + "\"" + Visible(f.text) + "\"";
    if (!f.reason.empty()) out += " " + f.reason;
    out += "\n";
  }
  return out;
}

}  // namespace

int RepairCommand(int argc, char** argv) {
  RepairOptions options;
  bool diff = false;
  std::string input;
  std::string output;
  std::string encoding = "auto";
  bool have_input = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    bool inline_value = false;
    if (arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos) {
      value = arg.substr(arg.find('=') + 1);
      arg = arg.substr(0, arg.find('='));
      inline_value = true;
    }
    auto take = [&](std::string* out) {
      if (inline_value) {
        *out = value;
        return true;
      }
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(kRepairUsage, stdout);
      return 0;
    } else if (arg == "--list-rules") {
      for (const RepairRuleInfo& r : RepairRules()) {
        std::printf("%-28.*s %.*s\n", static_cast<int>(r.id.size()), r.id.data(),
                    static_cast<int>(r.description.size()), r.description.data());
      }
      return std::fflush(stdout) == 0 ? 0 : 1;
    } else if (arg == "--diff") {
      diff = true;
    } else if (arg == "--disable") {
      std::string rule;
      if (!take(&rule) || rule.empty()) return UsageError("--disable needs a rule id");
      options.disabled_rules.insert(rule);
    } else if (arg == "--min-confidence") {
      std::string v;
      char* end = nullptr;
      if (!take(&v)) return UsageError("--min-confidence needs a number");
      double x = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end != '\0' || !(x >= 0 && x <= 1)) {
        return UsageError("--min-confidence needs a number from 0 to 1");
      }
      options.min_confidence = x;
    } else if (arg == "-o" || arg == "--output") {
      if (!take(&output) || output.empty()) return UsageError("-o needs a path");
    } else if (arg == "--encoding") {
      if (!take(&encoding) || encoding.empty()) return UsageError("--encoding needs auto or an encoding name");
      if (!IsKnownEncoding(encoding)) return UsageError("unknown encoding '" + encoding + "'");
    } else if (arg == "-" || arg.empty() || arg[0] != '-') {
      if (have_input) return UsageError("repair takes one input");
      input = arg;
      have_input = true;
    } else {
      return UsageError("unknown option '" + arg + "'");
    }
  }
  if (!have_input) {
    if (isatty(STDIN_FILENO)) return UsageError("no input (give a file, or - for standard input)");
    input = "-";
  }
  for (const std::string& rule : options.disabled_rules) {
    bool known = false;
    for (const RepairRuleInfo& r : RepairRules()) {
      known = known || r.id == rule || (rule.back() == '.' && r.id.substr(0, rule.size()) == rule);
    }
    if (!known) return UsageError("unknown rule '" + rule + "' (see --list-rules)");
  }
  InstallSignalHandlers();

  std::FILE* file = input == "-" ? stdin : std::fopen(input.c_str(), "rb");
  const std::string name = input == "-" ? "<stdin>" : input;
  if (file == nullptr) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::strerror(errno));
    return 1;
  }
  std::string text;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  const bool read_failed = std::ferror(file);
  const int read_errno = errno;
  if (file != stdin) std::fclose(file);
  if (read_failed) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::strerror(read_errno));
    return 1;
  }
  InputOptions input_options;
  input_options.encoding = encoding;
  input_options.max_bytes = text.size() + 1;  // the whole input is already read
  absl::StatusOr<InputDocument> decoded =
      DecodeDocument(text, input_options, input == "-" ? InputFormat::kAuto : FormatFromPath(input));
  if (!decoded.ok()) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::string(decoded.status().message()).c_str());
    return 1;
  }
  text = std::move(decoded->text);
  absl::StatusOr<RepairResult> result = Repair(text, options);
  if (!result.ok()) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::string(result.status().message()).c_str());
    return 1;
  }
  Output out;
  if (!out.Open(output)) {
    std::fprintf(stderr, "wenshu: %s\n", out.error().c_str());
    return 1;
  }
  out.Write(diff ? Diff(*result) : result->text);
  if (g_interrupt_signal.load() != 0) {
    out.Abandon();
    return 128 + g_interrupt_signal.load();
  }
  if (!out.Commit()) {
    if (out.state() == Output::State::kClosedPipe) return 0;
    std::fprintf(stderr, "wenshu: %s\n", out.error().c_str());
    return 1;
  }
  return 0;
}

}  // namespace wenshu::cli
