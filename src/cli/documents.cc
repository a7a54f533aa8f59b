#include "cli/documents.h"

#include <utility>

#include "cli/commands.h"
#include "cli/signals.h"

namespace wenshu::cli {

ParseOptions ParseOptionsOf(const ParseFlags& flags) {
  ParseOptions o;
  o.repair = flags.repair;
  o.run_checks = flags.run_checks;
  o.max_bytes = flags.max_bytes;
  o.cancelled = [] { return g_interrupt_signal.load(std::memory_order_relaxed) != 0; };
  return o;
}

DocumentToParse ToParse(ParseOptions base, InputDocument&& doc) {
  DocumentToParse d;
  d.options = std::move(base);
  ReportSource& s = d.options.source;
  s.name = doc.name;
  s.id = std::move(doc.id);
  s.line = doc.line;
  s.encoding = std::move(doc.encoding);
  s.bom = doc.bom;
  s.format = std::string(InputFormatName(doc.format));
  s.meta = std::move(doc.meta);
  s.dropped = std::move(doc.dropped);
  d.options.title = std::move(doc.title);
  d.where = s.name + (s.line > 0 ? ":" + std::to_string(s.line) : "");
  if (!doc.error.empty()) {
    d.error = d.where + ": " + doc.error;
    return d;
  }
  if (IsBlankText(doc.text)) d.warning = d.where + ": " + NoTextWarning(doc.text.size(), doc.input_bytes);
  d.text = std::move(doc.text);
  return d;
}

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string NoDocumentWarningFor(const std::string& path) {
  return DisplayName(path) + ": " + std::string(kNoDocumentWarning);
}

}  // namespace wenshu::cli
