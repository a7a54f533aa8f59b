// `wenshu repair`: the repaired text of one document, or each edit with --diff.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/commands.h"
#include "cli/diff.h"
#include "cli/output.h"
#include "cli/review_html.h"
#include "wenshu/repair.h"
#include "wenshu/report.h"

namespace wenshu::cli {
namespace {

constexpr char kRepairUsage[] =
    "usage: wenshu repair [OPTIONS] FILE|-\n"
    "\n"
    "Prints the repaired text of one document on standard output.\n"
    "\n"
    "options:\n"
    "      --diff            print a unified diff of the original and the repaired text instead (line\n"
    "                        numbers, 3 lines of context, the rules of each hunk after its @@), after\n"
    "                        the diagnosis and what was flagged but kept as # lines\n"
    "      --format text|json  with --diff: the diff as text (default) or as one JSON object\n"
    "      --color auto|always|never  colour the diff (auto: when standard output is a terminal)\n"
    "      --html            write a review page instead: one self-contained HTML file with every edit\n"
    "                        and flag marked, their rules and reasons, filters, diagnosis and checks\n"
    "      --disable RULE    switch off a rule, or a family with a trailing dot (\"vocab.\"); repeatable\n"
    "      --min-confidence X  apply only edits at least this sure (0..1, default 0.5)\n"
    "      --list-rules      list every rule id with its description\n"
    "  -o, --output PATH     write to PATH instead of standard output\n"
    "  -h, --help            this help\n"
    "\n"
    "Spans are byte offsets [begin, end) into the original input.\n"
    "\n"
    "  wenshu repair report.txt --html -o review.html   # open review.html in any browser\n";

int UsageError(const std::string& message) {
  std::fprintf(stderr, "wenshu repair: %s\n\n%s", message.c_str(), kRepairUsage);
  return 2;
}

}  // namespace

int RepairCommand(int argc, char** argv) {
  RepairOptions options;
  bool diff = false;
  bool html = false;
  bool json_format = false;
  std::string color = "auto";
  std::string input;
  std::string output;
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
    } else if (arg == "--html") {
      html = true;
    } else if (arg == "--format") {
      std::string v;
      if (!take(&v) || (v != "text" && v != "json")) return UsageError("--format needs text or json");
      json_format = v == "json";
    } else if (arg == "--color" || arg == "--colour") {
      if (!take(&color) || (color != "auto" && color != "always" && color != "never")) {
        return UsageError("--color needs auto, always or never");
      }
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
    } else if (arg == "-" || arg.empty() || arg[0] != '-') {
      if (have_input) return UsageError("repair takes one input");
      input = arg;
      have_input = true;
    } else {
      return UsageError("unknown option '" + arg + "'");
    }
  }
  if (diff && html) return UsageError("--diff and --html are two different outputs: choose one");
  if (json_format && !diff) return UsageError("--format json goes with --diff");
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
  if (html) {
    // The page also shows the checks, which need the report: parse with the same repair options.
    ParseOptions parse_options;
    parse_options.repair = options;
    parse_options.source.name = name;
    parse_options.max_bytes = std::max(parse_options.max_bytes, text.size());
    absl::StatusOr<Report> report = Parse(text, parse_options);
    if (!report.ok()) {
      std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::string(report.status().message()).c_str());
      return 1;
    }
    out.Write(ReviewHtml(text, *report, name));
  } else if (diff) {
    DiffOptions diff_options;
    diff_options.name = name;
    diff_options.color = color == "always" ||
                         (color == "auto" && out.to_stdout() && isatty(STDOUT_FILENO) &&
                          std::getenv("NO_COLOR") == nullptr);
    out.Write(json_format ? DiffJson(text, *result, diff_options)
                          : UnifiedDiff(text, *result, diff_options));
  } else {
    out.Write(result->text);
  }
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
