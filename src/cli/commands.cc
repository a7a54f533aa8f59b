#include "cli/commands.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "text/char_class.h"

namespace wenshu::cli {

const std::vector<Command>& Commands() {
  static const auto* commands = new std::vector<Command>{
      {"parse", ParseCommand},
      {"repair", RepairCommand},
      {"tokenize", TokenizeCommand},
      {"targets", TargetsCommand},
  };
  return *commands;
}

int UsageError(const char* command, const std::string& message) {
  std::fprintf(stderr, "wenshu %s: %s\nsee 'wenshu %s --help'\n", command, message.c_str(), command);
  return 2;
}

bool IsBlankText(std::string_view text) {
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (!text::IsBlankLine(text.substr(begin, end - begin))) return false;
    begin = end + 1;
  }
  return true;
}

std::string NoTextWarning(size_t text_bytes, size_t input_bytes) {
  if (text_bytes == 0 && input_bytes == 0) return "warning: empty input (0 bytes)";
  if (text_bytes == 0) return absl::StrCat("warning: no text (", input_bytes, " bytes of input, none of them text)");
  return absl::StrCat("warning: no text (", text_bytes, " bytes of white space)");
}

}  // namespace wenshu::cli
