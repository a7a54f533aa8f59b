// `wenshu repair --diff`: the repair as a unified diff of the original and the repaired text, with line
// numbers, context and the rules behind each hunk; as text (optionally coloured) or JSON.
#ifndef WENSHU_SRC_CLI_DIFF_H_
#define WENSHU_SRC_CLI_DIFF_H_

#include <string>
#include <string_view>

#include "wenshu/repair.h"

namespace wenshu::cli {

// Lines of unchanged text shown around each change, as diff -u does.
inline constexpr int kDiffContextLines = 3;

struct DiffOptions {
  std::string name;  // shown in the ---/+++ header
  int context = kDiffContextLines;
  bool color = false;  // ANSI colours (for a terminal)
  // How the input was turned into the UTF-8 text the diff is of ("gzip, GB18030"); empty when the diff
  // is of the file's own bytes. Said in a # line (and "decoded" in JSON): `patch` needs that text.
  std::string decoded;
};

// "# diagnosis ..." and "# flag ..." comment lines, then ---/+++ and one @@ hunk per group of nearby
// edits (its rules after the @@, as diff -p shows a function name).
std::string UnifiedDiff(std::string_view original, const RepairResult& result, const DiffOptions& options);

// The same as one JSON object: {"name", "diagnosis", "hunks": [{"old_start", "old_lines", "new_start",
// "new_lines", "rules", "lines": [{"op": " "|"-"|"+", "old_line"|"new_line", "text"}], "edits": [...]}],
// "flags": [...]}; line numbers 1-based, spans byte offsets of the original.
std::string DiffJson(std::string_view original, const RepairResult& result, const DiffOptions& options);

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_DIFF_H_
