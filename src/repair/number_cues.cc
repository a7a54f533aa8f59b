#include "repair/number_cues.h"

#include <cstdio>
#include <string_view>

namespace wenshu::repair_internal {
namespace {

template <typename Entry, size_t N>
std::string CueTable(const Entry (&table)[N]) {
  std::string out =
      "| cue | confidence | measured precision (right/decisions) | evidence |\n"
      "|-----|-----------:|-------------------------------------:|----------|\n";
  for (const Entry& c : table) {
    if (static_cast<size_t>(c.cue) == 0) continue;  // kNone
    char confidence[16], measured[64] = "not exercised by the generator";
    std::snprintf(confidence, sizeof confidence, "%.3f", c.confidence);
    if (c.measured_decisions > 0) {
      std::snprintf(measured, sizeof measured, "%.3f (%d/%d)",
                    static_cast<double>(c.measured_correct) / c.measured_decisions, c.measured_correct,
                    c.measured_decisions);
    }
    out.append("| `").append(c.id).append("` | ").append(confidence).append(" | ").append(measured);
    out.append(" | ").append(c.reason).append(" |\n");
  }
  return out;
}

}  // namespace

std::string NumberCueTable() { return CueTable(kNumberCues); }
std::string PercentCueTable() { return CueTable(kPercentCues); }

}  // namespace wenshu::repair_internal
