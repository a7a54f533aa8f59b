// number.masked_ten and number.masked_year: the "10 → year string" mask (DAMAGE.md §2).
//
// The diagnosis decides the document first; in a document without evidence of the mask nothing is
// repaired or flagged, so a clean 2023 report full of real "2023年" comes out byte-identical.
#include <algorithm>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/number_masks.h"
#include "repair/re2_view.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {

namespace {

// The analysis is made once per document, in the diagnosis, and kept for both passes.
MaskAnalysis& Analysis(RepairContext& context) {
  if (MaskAnalysis* kept = context.Kept<MaskAnalysis>()) return *kept;
  return context.Keep(AnalyzeMasks(context.text(), &context.cancel_poll()));
}

// A title relabelled to a later year (DAMAGE.md §2): the title line names its year before 年, and the text
// says the same words, at least kRelabelMinSharedChars characters of them, after a year at least
// kRelabelMinYears earlier ("2022年度工作总结格式" over a site's "…整理的2016年度工作总结格式"). The title's
// year is flagged; the document does not say for certain which year is right. A report cites the report or
// plan of the year before, or of two years before, under the same words ("2024年政府工作报告" citing
// "2023年政府工作报告"): those stay. Measured: the first lines of the 105 clean documents hold no year whose
// following words the text repeats after another year; of the three real sets' 116 pages one does, a
// relabelled one (2016 titled 2022).
constexpr size_t kRelabelMinSharedChars = 6;
constexpr size_t kRelabelSharedChars = 8;
constexpr int kRelabelMinYears = 3;

bool IsYearAt(std::string_view text, size_t at) {
  if (at + 4 > text.size() || (text[at] != '1' && text[at] != '2')) return false;
  if (text.substr(at, 2) != "19" && text.substr(at, 2) != "20") return false;
  for (size_t i = at + 2; i < at + 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const bool digit_before = at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9';
  const bool digit_after = at + 4 < text.size() && text[at + 4] >= '0' && text[at + 4] <= '9';
  return !digit_before && !digit_after;
}

void FlagRelabelledTitleYear(RepairContext& context) {
  std::string_view text = context.text();
  const size_t start = text.find_first_not_of(" \t\r\n\u3000");
  if (start == std::string_view::npos) return;
  const size_t title_end = std::min(text.find('\n', start), text.size());
  for (size_t at = start; at + 4 < title_end; ++at) {
    if (!IsYearAt(text, at) || text.substr(at + 4, 3) != "年") continue;
    // The title's words after the year, kRelabelSharedChars characters at most, within the line.
    size_t words_end = at + 4;
    size_t chars = 0;
    while (words_end < title_end && chars < kRelabelSharedChars) {
      words_end += std::max<size_t>(text::CharAt(text, words_end).length, 1);
      ++chars;
    }
    if (chars < kRelabelMinSharedChars) return;
    const std::string_view words = text.substr(at + 4, words_end - at - 4);
    const int title_year = std::stoi(std::string(text.substr(at, 4)));
    for (size_t found = text.find(words, title_end); found != std::string_view::npos;
         found = text.find(words, found + 1)) {
      if (found < 4 || !IsYearAt(text, found - 4)) continue;
      const int other_year = std::stoi(std::string(text.substr(found - 4, 4)));
      if (other_year + kRelabelMinYears > title_year) continue;
      RepairFlag flag;
      flag.rule = repair_rule::kNumberMaskedYear;
      flag.span = {at, at + 4};
      flag.text = std::string(text.substr(at, 4));
      flag.reason = absl::StrCat("The title says ", title_year, ", the text names the same \"", std::string(words), "\" for ",
                                 other_year, ": the site relabelled the title to a later year, and the original year is lost (probably the "
                                 "earlier one). Kept as written.");
      context.Flag(std::move(flag));
      return;
    }
    return;
  }
}

// A range of years whose two ends are the same year ("2020-2020年第二学期", a school year that spans two): a
// site relabelled one end to its own year, or masked it, and the text beside it may say the right range
// ("2019-2020年第二学期" under it). Flagged in any document, kept as written: the clean corpora's 22,263 lines
// write no such range (their ranges, "2021-2025年", "2020—2022年", always span years); issue 14's sixth real
// set holds one, a bundle's title over its piece of 2019-2020.
void FlagOneYearRanges(RepairContext& context) {
  const std::string_view text = context.text();
  if (text.find("年") == std::string_view::npos) return;
  static LazyRE2 kRange = {.pattern_ =
      R"(((?:19|20)[0-9]{2})[ \t]*(?:-|—|–|~|～|至|到)[ \t]*((?:19|20)[0-9]{2})[ \t]*(?:学年|學年|年))"};
  re2::StringPiece input = View(text), first, second;
  while (RE2::FindAndConsume(&input, *kRange, &first, &second)) {
    const size_t begin = static_cast<size_t>(first.data() - text.data());
    const size_t end = static_cast<size_t>(second.data() - text.data()) + second.size();
    // Digits glued before the range are another number's.
    if (first != second || (begin > 0 && text[begin - 1] >= '0' && text[begin - 1] <= '9')) continue;
    RepairFlag flag;
    flag.rule = repair_rule::kNumberMaskedYear;
    flag.span = {begin, end};
    flag.text = std::string(text.substr(begin, end - begin));
    flag.reason = absl::StrCat("A range of years from ", std::string(first.data(), first.size()), " to the same year: one end was "
                               "relabelled or masked by the site, and the right range is lost. Kept as written.");
    context.Flag(std::move(flag));
  }
}

}  // namespace

void DiagnoseMaskedNumbers(RepairContext& context) {
  const MaskAnalysis& analysis = Analysis(context);
  DamageDiagnosis& diagnosis = context.mutable_diagnosis();
  diagnosis.masked_numbers = analysis.masked;
  diagnosis.mask_strings = analysis.mask_strings;
  diagnosis.mask_confidence = analysis.confidence;
  diagnosis.mask_evidence = analysis.evidence;
}

void RepairMaskedTens(RepairContext& context) {
  if (!context.diagnosis().masked_numbers) return;
  MaskAnalysis& analysis = Analysis(context);
  // The ten decisions are moved into records; the year decisions stay for FlagMaskedYears.
  for (MaskDecision& d : analysis.decisions) {
    if (context.CancelledAt(d.span.begin)) return;
    // A mask string the analysis could not decide ("超过3万元，达到320230元": 3100, or the digits as written)
    // is kept and flagged: in a masked document its value is in doubt.
    if (d.kind == MaskDecision::Kind::kUndecided && !context.IsClaimed(d.span)) {
      RepairFlag flag;
      flag.rule = repair_rule::kNumberMaskedTen;
      flag.span = d.span;
      flag.text = std::string(context.text().substr(d.span.begin, d.span.size()));
      flag.reason = d.reason;
      context.Flag(std::move(flag));
      continue;
    }
    if (d.kind != MaskDecision::Kind::kTen) continue;
    RepairRecord record;
    record.rule = repair_rule::kNumberMaskedTen;
    record.span = d.span;
    record.before = std::string(context.text().substr(d.span.begin, d.span.size()));
    record.after = std::move(d.after);
    record.confidence = d.confidence;
    record.reason = std::move(d.reason);
    record.evidence = std::move(d.evidence);
    record.alternatives = std::move(d.alternatives);
    context.Propose(std::move(record));
  }
}

void FlagMaskedYears(RepairContext& context) {
  FlagRelabelledTitleYear(context);
  FlagOneYearRanges(context);
  if (!context.diagnosis().masked_numbers) return;
  MaskAnalysis& analysis = Analysis(context);
  for (MaskDecision& d : analysis.decisions) {
    if (context.CancelledAt(d.span.begin)) return;
    if (d.kind != MaskDecision::Kind::kYear) continue;
    // A year inside text another rule removed (a site's keyword tags) needs no flag of its own.
    if (context.IsClaimed(d.span)) continue;
    RepairFlag flag;
    flag.rule = repair_rule::kNumberMaskedYear;
    flag.span = d.span;
    flag.text = std::string(context.text().substr(d.span.begin, d.span.size()));
    flag.reason = std::move(d.reason);
    context.Flag(std::move(flag));
  }
  // The family's last pass: the decisions (one per mask string, ~140 bytes each) are released now
  // rather than with the context, when the engine merges its log (bench/memory_bench, many_repairs).
  std::vector<MaskDecision>().swap(analysis.decisions);
}

}  // namespace wenshu::repair_internal
