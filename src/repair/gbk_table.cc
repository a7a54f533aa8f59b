// The GBK table of gbk_table.h: initializers written at build time by tools/gbk_table (gbk_table.cmake).
#include "repair/gbk_table.h"

#include <iterator>

namespace wenshu::repair_internal {
namespace {

// 56 KB of read-only data, shared between processes; a document touches only the pages of its characters.
constexpr uint16_t kGbkPairs[] = {
#include "repair/gbk_pairs.inc"
};
static_assert(std::size(kGbkPairs) == kGbkTableEnd - kGbkTableFirst);

}  // namespace

uint16_t GbkTablePair(char32_t cp) { return kGbkPairs[cp - kGbkTableFirst]; }

}  // namespace wenshu::repair_internal
