// `wenshu repair`: the repaired text of one document, or each edit with --diff.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/output.h"
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
    "  -h, --help            this help\n"
    "\n"
    "Spans are byte offsets [begin, end) into the original input.\n";

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
  add(d.truncated, "truncated by the site (text missing)");
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
  const int fd = flags.input == "-" ? STDIN_FILENO : OpenForReading(flags.input.c_str());
  if (fd < 0) {
    if (errno == EINTR) return interrupted();
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::strerror(errno));
    return 1;
  }
  std::string text;
  int read_errno = 0;
  const ReadEnd end = ReadAll(fd, flags.max_bytes, &text, &read_errno);
  if (fd != STDIN_FILENO) ::close(fd);
  switch (end) {
    case ReadEnd::kEnd: break;
    case ReadEnd::kInterrupted: return interrupted();
    case ReadEnd::kTooLong:
      std::fprintf(stderr, "wenshu: %s: over --max-bytes %llu\n", name.c_str(),
                   static_cast<unsigned long long>(flags.max_bytes));
      return 1;
    case ReadEnd::kError:
      std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::strerror(read_errno));
      return 1;
  }
  absl::StatusOr<RepairResult> result = Repair(text, flags.repair);
  if (!result.ok()) {
    std::fprintf(stderr, "wenshu: %s: %s\n", name.c_str(), std::string(result.status().message()).c_str());
    return 1;
  }
  if (g_interrupt_signal.load() == 0) out.Write(flags.diff ? Diff(*result) : result->text);
  if (const int sig = g_interrupt_signal.load(); sig != 0) {
    out.Abandon();
    std::fprintf(stderr, "\nwenshu: interrupted; nothing was written\n");
    return 128 + sig;
  }
  if (!out.Commit()) {
    if (out.state() == Output::State::kClosedPipe) return 0;
    std::fprintf(stderr, "wenshu: %s\n", out.error().c_str());
    return 1;
  }
  return 0;
}

}  // namespace wenshu::cli
