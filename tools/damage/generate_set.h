// Builds a damaged set from the clean corpora: every clean report, damaged `copies` times, so the same
// seed always gives the same set. Digit and percent damage come from one seeded stream; each document's
// furniture from a stream of its own (seeded from the seed and the document's index), so furniture can
// change without changing the digit and percent damage.
#ifndef WENSHU_TOOLS_DAMAGE_GENERATE_SET_H_
#define WENSHU_TOOLS_DAMAGE_GENERATE_SET_H_

#include <cstdint>
#include <vector>

#include "damage/corpus.h"
#include "damage/damage.h"

namespace wenshu::damage {

struct SetOptions {
  uint64_t seed = 20261129;
  int copies = 3;
  double clean_fraction = 0.2;
};

inline std::vector<DamagedDocument> GenerateSet(const std::vector<CleanDocument>& clean,
                                                const SetOptions& options) {
  Random random(options.seed);
  std::vector<DamagedDocument> out;
  for (int copy = 0; copy < options.copies; ++copy) {
    for (size_t i = 0; i < clean.size(); ++i) {
      Random furniture(StreamSeed(options.seed, out.size()));
      DamageProfile profile = DrawProfile(random, options.clean_fraction);
      DrawFurniture(furniture, &profile);
      out.push_back(Damage(clean[i].name + "#" + std::to_string(copy), clean[i], profile, random, furniture));
    }
  }
  return out;
}

}  // namespace wenshu::damage

#endif  // WENSHU_TOOLS_DAMAGE_GENERATE_SET_H_
