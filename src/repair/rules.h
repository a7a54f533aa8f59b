// The passes of every repair rule, grouped by family. Each family lives in its own file.
#ifndef WENSHU_SRC_REPAIR_RULES_H_
#define WENSHU_SRC_REPAIR_RULES_H_

#include "repair/rule.h"

namespace wenshu::repair_internal {

// text.invalid_utf8 (invalid_utf8.cc): flags bytes that are not UTF-8; they are kept.
void FlagInvalidUtf8(RepairContext& context);

// number.masked_ten, number.masked_year (masked_numbers.cc): the "10 → year string" mask.
void DiagnoseMaskedNumbers(RepairContext& context);
void RepairMaskedTens(RepairContext& context);
void FlagMaskedYears(RepairContext& context);

// percent.dropped (dropped_percent.cc): percent signs dropped after rates.
void RestoreDroppedPercent(RepairContext& context);

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_RULES_H_
