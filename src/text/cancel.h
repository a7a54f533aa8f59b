// Polling a caller's cancellation hook (RepairOptions::cancelled, FactOptions::cancelled,
// ParseOptions::cancelled) from the long loops of a stage, at a bounded cost.
#ifndef WENSHU_SRC_TEXT_CANCEL_H_
#define WENSHU_SRC_TEXT_CANCEL_H_

#include <cstddef>
#include <functional>

namespace wenshu::text_internal {

// A stage asks the hook once per this many bytes of progress. The slowest stage (repair, ~47 MB/s on
// one core, bench/README.md) covers 64 KiB in about 1.4 ms, so a cancel takes effect within
// milliseconds, and the hook (an atomic load in the CLI) costs nothing measurable.
inline constexpr size_t kCancelPollBytes = size_t{64} << 10;

// Whether `hook` asks to stop; false for an empty hook. Once it said so, it stays so.
class CancelPoll {
 public:
  explicit CancelPoll(const std::function<bool()>& hook) : hook_(hook) {}

  // Asks the hook when `offset` (the stage's position in its text) has moved kCancelPollBytes past
  // the last question. An offset before the previous one starts a new pass over the text (a rule with
  // several passes, a loop per candidate): it asks at once and counts from there.
  bool At(size_t offset) {
    if (cancelled_) return true;
    if (!hook_) return false;
    if (offset < last_) next_ = offset;
    last_ = offset;
    if (offset < next_) return false;
    next_ = offset + kCancelPollBytes;
    return Now();
  }
  // Asks the hook now (between passes).
  bool Now() {
    if (!cancelled_ && hook_) cancelled_ = hook_();
    return cancelled_;
  }
  bool cancelled() const { return cancelled_; }

 private:
  const std::function<bool()>& hook_;
  size_t next_ = 0;
  size_t last_ = 0;
  bool cancelled_ = false;
};

}  // namespace wenshu::text_internal

#endif  // WENSHU_SRC_TEXT_CANCEL_H_
