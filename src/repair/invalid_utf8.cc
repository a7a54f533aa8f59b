// text.invalid_utf8: bytes that are not UTF-8 are kept as they are and flagged, one flag per run.
#include "absl/strings/str_cat.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {

void FlagInvalidUtf8(RepairContext& context) {
  std::string_view text = context.text();
  int64_t run_begin = -1;
  auto close_run = [&](int64_t end) {
    if (run_begin < 0) return;
    RepairFlag flag;
    flag.rule = repair_rule::kTextInvalidUtf8;
    flag.span = {static_cast<size_t>(run_begin), static_cast<size_t>(end)};
    flag.text = std::string(text.substr(flag.span.begin, flag.span.size()));
    flag.reason = absl::StrCat(end - run_begin, " byte(s) are not valid UTF-8; kept unchanged.");
    context.Flag(std::move(flag));
    run_begin = -1;
  };
  for (size_t i = 0; i < text.size();) {
    const text::Decoded d = text::DecodeUtf8At(text, i);
    if (d.len < 0) {
      if (run_begin < 0) run_begin = static_cast<int64_t>(i);
      ++i;
    } else {
      close_run(static_cast<int64_t>(i));
      i += static_cast<size_t>(d.len);
    }
  }
  close_run(static_cast<int64_t>(text.size()));
}

}  // namespace wenshu::repair_internal
