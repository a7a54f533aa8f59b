// A damage generator: damages clean reports the way document-sharing sites do (DAMAGE.md §1-3), and
// keeps the truth, so that repairs can be measured. The output format is described in README.md.
#ifndef WENSHU_TOOLS_DAMAGE_DAMAGE_H_
#define WENSHU_TOOLS_DAMAGE_DAMAGE_H_

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "wenshu/span.h"

namespace wenshu::damage {

// One fact about the damage, with its span in the damaged text.
struct TruthItem {
  // "masked_ten": a digit run whose "10"s were replaced by the mask; original = the clean digits.
  // "masked_year": a year (or a year whose 10 was masked, or a double pass); original = the clean year.
  // "dropped_percent": an empty span where a percent sign was removed; original = the sign.
  // "site_header", "page_footer": inserted furniture; original = "".
  std::string kind;
  Span span;
  std::string text;      // the damaged bytes at span
  std::string original;  // what stood there in the clean text
};

// How one document is damaged. Drawn per document from DrawProfile.
struct DamageProfile {
  bool clean = false;                   // no damage at all: the document must come out byte-identical
  std::string ten_mask;                 // "" = tens are not masked
  std::vector<std::string> year_masks;  // a year is masked with one of these (chosen per year value)
  double ten_rate = 1.0;                // fraction of "10" pairs masked
  double year_rate = 1.0;               // fraction of year positions masked
  bool double_pass = false;      // years whose 10 was masked get masked again (2010 → 202023 → 202223)
  double percent_drop_rate = 0;  // fraction of percent signs after numbers dropped
  bool site_header = false;
  bool page_footers = false;
};

struct DamagedDocument {
  std::string id;
  std::string source;
  DamageProfile profile;
  std::string original;
  std::string damaged;
  std::vector<TruthItem> truth;  // sorted by span.begin
};

// A deterministic pseudo-random source (the standard distributions differ between libraries).
class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Uniform() < p; }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(engine_() % n); }

 private:
  std::mt19937_64 engine_;
};

// Draws a profile: some documents clean, the rest with varied mask strings and damage rates.
DamageProfile DrawProfile(Random& random, double clean_fraction);

// Damages `clean` according to `profile`. Offsets in the truth refer to the damaged text.
DamagedDocument Damage(std::string id, std::string source, std::string_view clean,
                       const DamageProfile& profile, Random& random);

// One JSON line (README.md) and back.
std::string ToJsonLine(const DamagedDocument& doc);
bool FromJsonLine(std::string_view line, DamagedDocument* doc);

// Whether a 4-digit run at [begin, end) of `text` stands in a year position (year, document number,
// date, range of years). Used to decide what the sites mask as a year.
bool IsYearPosition(std::string_view text, size_t begin, size_t end);

}  // namespace wenshu::damage

#endif  // WENSHU_TOOLS_DAMAGE_DAMAGE_H_
