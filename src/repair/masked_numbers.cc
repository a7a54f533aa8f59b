// number.masked_ten and number.masked_year: the "10 → year string" mask (DAMAGE.md §2).
//
// The diagnosis decides the document first; in a document without evidence of the mask nothing is
// repaired or flagged, so a clean 2023 report full of real "2023年" comes out byte-identical.
#include "absl/strings/str_cat.h"
#include "repair/number_masks.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"

namespace wenshu::repair_internal {

namespace {

// The analysis is made once per document, in the diagnosis, and kept for both passes.
MaskAnalysis& Analysis(RepairContext& context) {
  if (MaskAnalysis* kept = context.Kept<MaskAnalysis>()) return *kept;
  return context.Keep(AnalyzeMasks(context.text(), &context.cancel_poll()));
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
  if (!context.diagnosis().masked_numbers) return;
  MaskAnalysis& analysis = Analysis(context);
  for (MaskDecision& d : analysis.decisions) {
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
