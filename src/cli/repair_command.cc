// `wenshu repair`: the repaired text of one document, a unified diff (--diff) or a review page (--html).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/diff.h"
#include "cli/flags.h"
#include "cli/output.h"
#include "cli/review_html.h"
#include "wenshu/input.h"
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
    "      --encoding E      auto (default) or the input's encoding (gb18030, big5, utf-16le...)\n"
    "  -h, --help            this help\n"
    "\n"
    "FILE may be text in any supported encoding, HTML or .docx, optionally gzipped (docs/cli.md,\n"
    "\"Inputs and encodings\"). Spans are byte offsets [begin, end) into the input decoded to UTF-8\n"
    "(the file itself when it is UTF-8 without a BOM).\n"
    "\n"
    "  wenshu repair report.txt --html -o review.html   # open review.html in any browser\n";

int UsageError(const std::string& message) { return cli::UsageError("repair", message); }

// Whether the file at path (not standard input, already read) is gzip data.
bool IsGzipFile(const std::string& path) {
  if (path == "-") return false;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char magic[2];
  const size_t got = std::fread(magic, 1, sizeof magic, f);
  std::fclose(f);
  return IsGzip(std::string_view(magic, got));
}

}  // namespace

int RepairCommand(int argc, char** argv) {
  RepairFlags flags;
  std::string error;
  switch (ParseFlagsForRepair(argc, argv, &flags, &error)) {
    case FlagsOutcome::kHelp: return PrintToStdout(kRepairUsage);
    case FlagsOutcome::kUsageError: return UsageError(error);
    case FlagsOutcome::kRun: break;
  }
  if (flags.list_rules) {
    std::string list;
    for (const RepairRuleInfo& r : RepairRules()) {
      list += std::string(r.id);
      list.append(r.id.size() < 28 ? 28 - r.id.size() : 0, ' ');
      list += " " + std::string(r.description) + "\n";
    }
    return PrintToStdout(list);
  }
  if (flags.input.empty()) {
    if (isatty(STDIN_FILENO)) return UsageError("no input (give a file, or - for standard input)");
    flags.input = "-";
  }
  InstallSignalHandlers();

  const std::string name = flags.input == "-" ? "<stdin>" : flags.input;
  const auto interrupted = [&] {
    std::fprintf(stderr, "\nwenshu: interrupted while reading %s; nothing was written\n", name.c_str());
    return 128 + g_interrupt_signal.load();
  };
  // The output is opened (and checked against the input) before anything is read.
  Output out;
  if (!out.Open(flags.output)) {
    if (out.state() == Output::State::kInterrupted) return ReportInterruptedOpen(flags.output);
    std::fprintf(stderr, "wenshu: %s\n", out.error().c_str());
    return 1;
  }
  if (out.Overwrites(flags.input)) return RefuseInputAsOutput(name, out.path());
  // The input is read as `wenshu parse` reads it (ReadInput: gzip, encodings, HTML, .docx, the limits
  // of --max-bytes on the file and on what it inflates to); repair takes one document.
  InputOptions input_options;
  input_options.encoding = flags.encoding;
  input_options.max_bytes = flags.max_bytes;
  std::string text;
  std::string document_error;
  std::vector<std::string> decoded;  // how the input became `text`, for the diff (DiffOptions::decoded)
  int documents = 0;
  size_t input_bytes = 0;
  const absl::Status read = ReadInput(
      flags.input, input_options,
      [&](InputDocument&& doc) {
        if (++documents > 1) {
          document_error = "holds several documents (a corpus); repair reads one: use wenshu parse";
          return false;
        }
        if (!doc.error.empty()) document_error = doc.error;
        if (doc.format == InputFormat::kHtml) decoded.push_back("HTML read as text");
        if (doc.format == InputFormat::kDocx) decoded.push_back(".docx read as text");
        if (!doc.encoding.empty() && doc.encoding != "UTF-8") decoded.push_back(doc.encoding);
        if (doc.bom) decoded.push_back("its byte order mark removed");
        text = std::move(doc.text);
        input_bytes = doc.input_bytes;
        return true;
      },
      &g_interrupt_signal);
  if (g_interrupt_signal.load() != 0) return interrupted();
  if (!read.ok()) {
    // ReadInput's messages name the input already, except for a bare open error.
    std::string message(read.message());
    if (message.rfind(name + ":", 0) != 0) message = name + ": " + message;
    std::fprintf(stderr, "wenshu: %s\n", message.c_str());
    return 1;
  }
  if (!document_error.empty()) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), document_error.c_str());
    return 1;
  }
  if (documents == 0) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::string(kNoDocumentWarning).c_str());
  } else if (IsBlankText(text)) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), NoTextWarning(text.size(), input_bytes).c_str());
  }
  // Ctrl-C / SIGTERM stop the repair inside the document, as they stop `wenshu parse`.
  RepairOptions repair_options = flags.repair;
  repair_options.cancelled = [] { return g_interrupt_signal.load(std::memory_order_relaxed) != 0; };
  absl::StatusOr<RepairResult> result = Repair(text, repair_options);
  if (!result.ok() && result.status().code() == absl::StatusCode::kCancelled && g_interrupt_signal.load() != 0) {
    out.Abandon();
    std::fprintf(stderr, "\nwenshu: interrupted; nothing was written\n");
    return 128 + g_interrupt_signal.load();
  }
  if (!result.ok()) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::string(result.status().message()).c_str());
    return 1;
  }
  if (g_interrupt_signal.load() == 0) {
    if (flags.html) {
      // The page also shows the checks, which need the report: parse with the same repair options.
      ParseOptions parse_options;
      parse_options.repair = repair_options;
      parse_options.source.name = name;
      parse_options.max_bytes = std::max(parse_options.max_bytes, text.size());
      absl::StatusOr<Report> report = Parse(text, parse_options);
      if (!report.ok() && g_interrupt_signal.load() == 0) {
        out.Abandon();
        std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::string(report.status().message()).c_str());
        return 1;
      }
      if (report.ok()) out.Write(ReviewHtml(text, *report, name));
    } else if (flags.diff) {
      DiffOptions diff_options;
      diff_options.name = name;
      if (IsGzipFile(flags.input)) decoded.insert(decoded.begin(), "gzip");
      for (const std::string& d : decoded) diff_options.decoded += (diff_options.decoded.empty() ? "" : ", ") + d;
      diff_options.color = flags.color == "always" ||
                           (flags.color == "auto" && out.to_stdout() && isatty(STDOUT_FILENO) &&
                            std::getenv("NO_COLOR") == nullptr);
      out.Write(flags.json_format ? DiffJson(text, *result, diff_options)
                                  : UnifiedDiff(text, *result, diff_options));
    } else {
      out.Write(result->text);
    }
  }
  if (const int sig = g_interrupt_signal.load(); sig != 0) {
    out.Abandon();
    std::fprintf(stderr, "\nwenshu: interrupted; nothing was written\n");
    return 128 + sig;
  }
  return out.Finish(0);
}

}  // namespace wenshu::cli
