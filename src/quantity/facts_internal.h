// Internal entry points of the facts stage, for tests that check how its work grows.
#ifndef WENSHU_SRC_QUANTITY_FACTS_INTERNAL_H_
#define WENSHU_SRC_QUANTITY_FACTS_INTERNAL_H_

#include <cstddef>
#include <string_view>

#include "wenshu/quantity.h"

namespace wenshu::quantity_internal {

// How much work the binding of changes to figures did: figures inspected while looking back, and
// characters walked for clause breaks.
struct FactsWork {
  size_t bind_steps = 0;
  size_t break_steps = 0;  // characters walked looking for a clause break between a change and its figure
};

// ExtractFacts, counting its backward searches into *work.
Facts ExtractFactsCounted(std::string_view text, const FactOptions& options, FactsWork* work);

}  // namespace wenshu::quantity_internal

#endif  // WENSHU_SRC_QUANTITY_FACTS_INTERNAL_H_
