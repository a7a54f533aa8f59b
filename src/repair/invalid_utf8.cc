// text.invalid_utf8: bytes that are not UTF-8 are kept as they are and flagged, one flag per run.
#include <unicode/utf8.h>

#include "absl/strings/str_cat.h"
#include "repair/rules.h"

namespace wenshu::repair_internal {

void FlagInvalidUtf8(RepairContext& context) {
  std::string_view text = context.text();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t n = static_cast<int64_t>(text.size());
  int64_t i = 0;
  int64_t run_begin = -1;
  auto close_run = [&](int64_t end) {
    if (run_begin < 0) return;
    RepairFlag flag;
    flag.rule = "text.invalid_utf8";
    flag.span = {static_cast<size_t>(run_begin), static_cast<size_t>(end)};
    flag.text = std::string(text.substr(flag.span.begin, flag.span.size()));
    flag.reason = absl::StrCat(end - run_begin, " byte(s) are not valid UTF-8; kept unchanged.");
    context.Flag(std::move(flag));
    run_begin = -1;
  };
  while (i < n) {
    int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      if (run_begin < 0) run_begin = start;
    } else {
      close_run(start);
    }
  }
  close_run(n);
}

}  // namespace wenshu::repair_internal
