// A damage generator: damages clean reports the way document-sharing sites do (DAMAGE.md §1-3), and
// keeps the truth, so that repairs can be measured. The output format is described in README.md.
#ifndef WENSHU_TOOLS_DAMAGE_DAMAGE_H_
#define WENSHU_TOOLS_DAMAGE_DAMAGE_H_

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "damage/corpus.h"
#include "wenshu/span.h"

namespace wenshu::damage {

// One fact about the damage, with its span in the damaged text.
struct TruthItem {
  // "masked_ten": a digit run whose "10"s were replaced by the mask; original = the clean digits.
  // "masked_year": a year (or a year whose 10 was masked, or a double pass); original = the clean year.
  // "dropped_percent": an empty span where a percent sign was removed; original = the sign.
  // Furniture (IsFurnitureKind): the span is exactly the inserted bytes, line breaks the site added
  // included, so the right repair is to remove the span and original = "".
  std::string kind;
  Span span;
  std::string text;      // the damaged bytes at span
  std::string original;  // what stood there in the clean text: the right repair of the span
  // Other repairs of the span that count as right (README.md): a site header may leave one line with
  // the title when the report has no title line of its own.
  std::vector<std::string> accepted;
};

// The truth kinds of page and site furniture (DAMAGE.md §1), in report order.
const std::vector<std::string>& FurnitureKinds();
bool IsFurnitureKind(std::string_view kind);

// How one document is damaged. Drawn per document from DrawProfile (digits and percent signs) and
// DrawFurniture (furniture, from a random stream of its own).
struct DamageProfile {
  bool clean = false;                   // no damage at all: the document must come out byte-identical
  std::string ten_mask;                 // "" = tens are not masked
  std::vector<std::string> year_masks;  // a year is masked with one of these (chosen per year value)
  double ten_rate = 1.0;                // fraction of "10" pairs masked
  double year_rate = 1.0;               // fraction of year positions masked
  bool double_pass = false;      // years whose 10 was masked get masked again (2010 → 202023 → 202223)
  double percent_drop_rate = 0;  // fraction of percent signs after numbers dropped
  // Furniture families. Damage clears a flag when the document gives the family no place (a page
  // counter needs a title line; running footers need a text longer than one page).
  bool site_header = false;       // notice header, keyword tags, the title in two or three forms
  bool page_footers = false;      // title + 第N页 + a line break, every 1.5-3 kB
  bool page_headers = false;      // 第N页共M页 / 第N页/共M页 / - N - lines at the top of every page
  bool page_counter = false;      // 第2/145页 after the report's title line
  bool chunk_prefixes = false;    // 1、 2、 … restarting the text at a new line mid-sentence
  bool reference_number = false;  // an 编号:658229379 line
  bool trailing_tag = false;      // a [标签:…] line at the end
  bool advert = false;            // an advert line with a messaging id
  // Set by DrawProfile: the main stream draws that running footers took before furniture had a stream of
  // its own are replayed, so every seed's digit and percent damage stays what it was.
  bool replay_footer_draws = false;
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

// The seed of a document's own stream (furniture): seed and index mixed, so neighbouring documents get
// unrelated streams.
uint64_t StreamSeed(uint64_t seed, uint64_t index);

// Draws the digit and percent damage: some documents clean, the rest with varied mask strings and rates.
DamageProfile DrawProfile(Random& random, double clean_fraction);

// Draws the furniture families of a document that is not clean (some documents get none).
void DrawFurniture(Random& furniture, DamageProfile* profile);

// Damages `clean` according to `profile`: digits and percent signs from `random`, furniture from
// `furniture`. Offsets in the truth refer to the damaged text.
DamagedDocument Damage(std::string id, const CleanDocument& clean, const DamageProfile& profile,
                       Random& random, Random& furniture);

// One JSON line (README.md) and back.
std::string ToJsonLine(const DamagedDocument& doc);
bool FromJsonLine(std::string_view line, DamagedDocument* doc);

// Whether a 4-digit run at [begin, end) of `text` stands in a year position (year, document number,
// date, range of years). Used to decide what the sites mask as a year.
bool IsYearPosition(std::string_view text, size_t begin, size_t end);

}  // namespace wenshu::damage

#endif  // WENSHU_TOOLS_DAMAGE_DAMAGE_H_
