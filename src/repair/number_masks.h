// The "10 → year string" mask (DAMAGE.md §2): shared analysis behind number.masked_ten and
// number.masked_year.
//
// Some sites replace every digit pair "10" with a year string (20230 for 100, 2023、 after 9、) and also
// replace real years with the same string (2023年4月7日 in a report written years earlier). The analysis
// first decides whether the document carries the mask at all, from evidence that clean text does not
// show; only then is every occurrence of a mask string classified as a masked ten (restorable), a year
// position (flagged, the year is lost) or undecided.
#ifndef WENSHU_SRC_REPAIR_NUMBER_MASKS_H_
#define WENSHU_SRC_REPAIR_NUMBER_MASKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "repair/number_cues.h"
#include "text/cancel.h"
#include "wenshu/repair.h"

namespace wenshu::repair_internal {

struct MaskDecision {
  enum class Kind { kTen, kYear, kUndecided };
  Kind kind = Kind::kUndecided;
  Span span;          // the whole digit run
  std::string after;  // the restored digits, for kTen
  NumberCue cue = NumberCue::kNone;  // the evidence that decided it (number_cues.h)
  double confidence = 0;             // the cue's, times the document's
  SharedText reason;  // interned: the decisions that give one reason share it
  std::vector<Span> evidence;
  std::vector<RepairAlternative> alternatives;
};

struct MaskAnalysis {
  bool masked = false;
  std::vector<std::string> mask_strings;  // most evidence first
  double confidence = 0;
  std::vector<Span> evidence;
  int natural_tens = 0;  // "10" pairs that survived, counter-evidence
  double evidence_score = 0;
  std::vector<MaskDecision> decisions;  // sorted by span; empty when !masked
};

// Analyses the whole document. Deterministic and cheap (one scan of the digit runs). With `cancel`,
// polled per kCancelPollBytes of digit runs in the classifying loops: when it says stop, the analysis
// is empty (the caller's pass returns; the engine reports the cancel).
MaskAnalysis AnalyzeMasks(std::string_view text, text_internal::CancelPoll* cancel = nullptr);

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_NUMBER_MASKS_H_
