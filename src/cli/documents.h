// The documents of `wenshu parse` and `wenshu targets`: one path from what the input reader gives to
// what Parse takes, so that both commands describe a document the same way (its source record, with
// what the reader left out of an HTML page, ReportSource::dropped) and say the same of an input with
// nothing to read (docs/cli.md, "Empty inputs").
#ifndef WENSHU_SRC_CLI_DOCUMENTS_H_
#define WENSHU_SRC_CLI_DOCUMENTS_H_

#include <string>

#include "cli/flags.h"
#include "wenshu/input.h"
#include "wenshu/report.h"

namespace wenshu::cli {

// The parse options of the flags: repair rules, checks, size limit, and the interrupt flag as the
// cancellation hook (Ctrl-C / SIGTERM stop the document being parsed too, not only the run).
ParseOptions ParseOptionsOf(const ParseFlags& flags);

// One document read, ready for Parse.
struct DocumentToParse {
  ParseOptions options;  // the base options with the document's source record and title
  std::string text;
  std::string where;    // how messages name it: NAME[:LINE]
  std::string error;    // non-empty: the reader could not read it ("NAME[:LINE]: why"); not to be parsed
  std::string warning;  // non-empty: it holds no text ("NAME[:LINE]: warning: ..."); parsed all the same
};

// Moves `doc` into a DocumentToParse on top of `base` (ParseOptionsOf, as a command adjusts it).
DocumentToParse ToParse(ParseOptions base, InputDocument&& doc);

// How messages name an input: standard input as <stdin>.
std::string DisplayName(const std::string& path);

// The warning for an input (a path, - for standard input) that yielded no document at all.
std::string NoDocumentWarningFor(const std::string& path);

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_DOCUMENTS_H_
