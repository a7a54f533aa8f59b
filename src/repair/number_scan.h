// A small scanner for the digit runs of a document, shared by the number and percent repair rules.
//
// The repair stage needs to look at numbers as the damage saw them: maximal runs of ASCII digits, with the
// characters around them (a decimal point, a unit, 年, a list comma). The quantity stage parses values;
// this only finds runs and their neighbourhood, byte-exactly, in one pass.
#ifndef WENSHU_SRC_REPAIR_NUMBER_SCAN_H_
#define WENSHU_SRC_REPAIR_NUMBER_SCAN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "text/cancel.h"
#include "text/units.h"

namespace wenshu::repair_internal {

// A maximal run of ASCII digits [begin, end).
struct DigitRun {
  size_t begin = 0;
  size_t end = 0;
  std::string_view digits;
  bool after_decimal_point = false;   // "5.2023": the run follows "<digit>."
  bool before_decimal_point = false;  // "2023.5": the run is followed by ".<digit>"
};

// Every digit run of `text`, in order. With `cancel`, polled per kCancelPollBytes of text: once it says
// stop, the runs found so far are returned (the caller checks cancel->cancelled()).
std::vector<DigitRun> ScanDigitRuns(std::string_view text, text_internal::CancelPoll* cancel = nullptr);

// The first digit run of `text` that begins at or after `from` and at most `within` bytes past it, or
// nullopt. A pass that reads the runs one after another with this holds no vector of every run: as a
// DigitRun of 40 bytes for every ~14 bytes of a text dense with figures, that vector was ~3x the
// document, and its freed pages stayed in the heap under what the pass kept (bench/README.md, "Memory
// per document", ninth pass).
std::optional<DigitRun> NextDigitRun(std::string_view text, size_t from, size_t within = std::string_view::npos);

// Up to `count` code points of text before `offset` (or after it), as a view.
std::string_view TextBefore(std::string_view text, size_t offset, size_t count);
std::string_view TextAfter(std::string_view text, size_t offset, size_t count);

// Whether `text` at `offset` starts with any of `words`; returns the matched word.
std::optional<std::string_view> StartsWithAny(std::string_view text, size_t offset,
                                              const std::vector<std::string_view>& words);
// Whether the text ending at `offset` ends with any of `words`.
std::optional<std::string_view> EndsWithAny(std::string_view text, size_t offset,
                                            const std::vector<std::string_view>& words);

// The ideographs of `s` (text::IsHan), in order: titles are compared without their digits and
// punctuation, which sites change (a relabelled year, a dropped "：").
std::string HanOnly(std::string_view s);

// The start of the clause holding `offset` (just after the previous clause break), at most `limit`
// bytes back.
size_t ClauseStart(std::string_view text, size_t offset, size_t limit = 240);
// The end of the clause holding `offset` (at the next clause break).
size_t ClauseEnd(std::string_view text, size_t offset, size_t limit = 240);
// The start of the line holding `offset`. Linear in the line's length: prefer the two below in loops.
size_t LineStart(std::string_view text, size_t offset);
// Whether only code points of `allowed` stand between the start of the line and `offset` (or between
// `offset` and the end of the line). They stop at the first other code point, so they cost no more than
// the lead they inspect, however long the line.
bool OnlyBeforeOnLine(std::string_view text, size_t offset, std::u32string_view allowed);
bool OnlyAfterOnLine(std::string_view text, size_t offset, std::u32string_view allowed);

// Measure words and units that follow a count or amount in reports (人, 个, 元, 万, 公里...): the longest
// word of text/units.h at `offset` that `reader` takes.
std::optional<std::string_view> UnitAt(std::string_view text, size_t offset,
                                       text::UnitReader reader = text::kFollowsDigits);

// Characters that carry a quantity themselves (Chinese numerals, 数, 几, 上亿元, 每万元): a unit may follow.
bool CarriesQuantity(char32_t c);

// Debian's Abseil does not alias std::string_view; absl::StrCat needs this conversion.
inline absl::string_view Av(std::string_view s) { return absl::string_view(s.data(), s.size()); }

// Parses an unsigned decimal written in ASCII digits with an optional ".digits" part.
std::optional<double> ParseDecimal(std::string_view s);

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_NUMBER_SCAN_H_
