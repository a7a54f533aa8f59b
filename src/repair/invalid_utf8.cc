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
  // The runs are counted first and their flags reserved: added one by one, the flag log's doubling moved
  // every flag at once (10 MiB of a bad byte every 3: 3.2M flags, 0.4 s between two polls,
  // bench/cancel_latency). Both passes poll per 64 KiB.
  size_t runs = 0;
  bool in_run = false;
  for (size_t i = 0; i < text.size();) {
    if (context.CancelledAt(i)) return;
    const text::Decoded d = text::DecodeUtf8At(text, i);
    runs += d.len < 0 && !in_run;
    in_run = d.len < 0;
    i += d.len < 0 ? 1 : static_cast<size_t>(d.len);
  }
  context.ReserveFlags(runs);
  for (size_t i = 0; i < text.size();) {
    if (context.CancelledAt(i)) return;
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
