// number.lost_point: a page whose ASCII points a converter turned into blanks. The list markers lose theirs
// (`1 经济发展平稳` for `1.经济发展平稳`) and so do the decimals (`5 9亿元` for `5.9亿元`, `108 3%`). A blank
// between two digit runs before a unit reads as a decimal point only where the page shows the loss: it writes
// no point at all (ASCII or full-width) and its list markers, numbered in order, have a blank where the point
// was. Elsewhere such a blank is flagged: a lost point, or a figure split by extraction, cannot be told.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "repair/number_scan.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/char_class.h"
#include "text/units.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// List markers in order (1, 2, …) with a blank for their point, before the page's blanks between digits read
// as decimal points. The clean corpora (103 reports) hold no list marker of that form and no such decimal
// (their one report that spaces its digits, `1 9 9 7 年`, `8 ．8 ％`, writes points); of the seven dev sets'
// 253 pages one shows both, with three markers in order and three decimals, and no other page either.
constexpr int kMinLostListPoints = 2;
// The longest fraction read after the blank: reports give one or two decimals (three for a rate per mille).
constexpr size_t kMaxFractionDigits = 3;
// The longest list number read before the blank.
constexpr size_t kMaxListNumberDigits = 2;
constexpr double kLostDecimalPointConfidence = 0.85;
constexpr double kLostListPointConfidence = 0.8;

struct Spot {
  size_t blank;  // the blank's offset
  bool list;     // a list marker's (else a decimal's)
};

bool IsAsciiDigitAt(std::string_view text, size_t at) {
  return at < text.size() && text::IsAsciiDigit(static_cast<unsigned char>(text[at]));
}

// A list marker that lost its point: a number of one or two digits opening a line, or after a run of two
// blanks (a lost line break), then one blank and an ideograph that is no unit (not `3 年`, `18 次`).
bool LostListPointAt(std::string_view text, const DigitRun& run) {
  if (run.end - run.begin > kMaxListNumberDigits || run.end + 1 >= text.size() || text[run.end] != ' ') return false;
  const text::Char next = text::CharAt(text, run.end + 1);
  if (!text::IsHan(next.value) || UnitAt(text, run.end + 1, text::kTypedByFacts)) return false;
  const bool after_blanks = run.begin >= 2 && text[run.begin - 1] == ' ' && text[run.begin - 2] == ' ';
  return after_blanks || OnlyBeforeOnLine(text, run.begin, U" \t\u3000");
}

// A decimal whose point became a blank: digits, one blank, at most kMaxFractionDigits digits, then a unit
// or a percent sign; not a run of spaced digits (`1 9 9 7`).
bool LostDecimalPointAt(std::string_view text, const DigitRun& run, const DigitRun& fraction) {
  if (fraction.begin != run.end + 1 || text[run.end] != ' ' || fraction.end - fraction.begin > kMaxFractionDigits) {
    return false;
  }
  if (run.begin >= 2 && text[run.begin - 1] == ' ' && IsAsciiDigitAt(text, run.begin - 2)) return false;
  if (fraction.end + 1 < text.size() && text[fraction.end] == ' ' && IsAsciiDigitAt(text, fraction.end + 1)) {
    return false;
  }
  const char32_t after = text::CharAt(text, fraction.end).value;
  return after == U'%' || after == U'％' || UnitAt(text, fraction.end).has_value();
}

}  // namespace

void RestoreLostPoints(RepairContext& context) {
  const std::string_view text = context.text();
  // A page that writes a point anywhere did not lose them all.
  if (text.find('.') != std::string_view::npos || text.find("．") != std::string_view::npos) return;
  std::vector<Spot> spots;
  int in_order = 0;  // the longest run of list markers numbered 1, 2, … in order
  int run_length = 0;
  int expected = 1;
  for (auto run = NextDigitRun(text, 0); run; run = NextDigitRun(text, run->end)) {
    if (context.CancelledAt(run->begin)) return;
    if (LostListPointAt(text, *run)) {
      const std::string_view digits = run->digits;
      const int number = digits.size() == 1 ? digits[0] - '0' : (digits[0] - '0') * 10 + (digits[1] - '0');
      if (number == 1 || number == expected) {
        run_length = number == 1 ? 1 : run_length + 1;
        expected = number + 1;
        in_order = std::max(in_order, run_length);
      }
      spots.push_back({run->end, true});
      continue;
    }
    if (run->end < text.size() && text[run->end] == ' ') {
      const auto fraction = NextDigitRun(text, run->end, 1);
      if (fraction && LostDecimalPointAt(text, *run, *fraction)) {
        spots.push_back({run->end, false});
        run = fraction;
      }
    }
  }
  const bool shows_loss = in_order >= kMinLostListPoints;
  for (const Spot& s : spots) {
    if (!shows_loss) {
      if (s.list) continue;
      RepairFlag flag;
      flag.rule = repair_rule::kNumberLostPoint;
      flag.span = {s.blank, s.blank + 1};
      flag.text = " ";
      flag.reason = std::string(
          "A blank between digits before a unit, in a page that writes no point: a decimal point lost, or a figure "
          "split apart; the page's list markers do not show the loss, so it is left as written.");
      context.Flag(std::move(flag));
      continue;
    }
    RepairRecord record;
    record.rule = repair_rule::kNumberLostPoint;
    record.span = {s.blank, s.blank + 1};
    record.before = " ";
    record.after = ".";
    record.confidence = s.list ? kLostListPointConfidence : kLostDecimalPointConfidence;
    record.reason = std::string(
        s.list ? "A list marker's point turned into a blank, as the page's other markers in order show; the page "
                 "writes no point anywhere."
               : "A decimal point turned into a blank between digits before a unit, in a page that writes no point "
                 "and whose list markers lost theirs the same way.");
    context.Propose(std::move(record));
  }
}

}  // namespace wenshu::repair_internal
