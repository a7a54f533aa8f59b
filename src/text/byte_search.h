// Byte searches a pass runs before it decodes: most documents hold nothing a rule looks for, and finding
// the bytes that must begin it costs a fraction of decoding every character. A rule asks this for a
// necessary condition (enough marks of a kind) and decodes the whole text only when it holds.
#ifndef WENSHU_SRC_TEXT_BYTE_SEARCH_H_
#define WENSHU_SRC_TEXT_BYTE_SEARCH_H_

#include <cstddef>
#include <string_view>

namespace wenshu::text {

// The number of occurrences of needle in text (not overlapping) at whose offset accept(at) holds,
// counted up to limit: a rule that needs `limit` of them stops searching once it has them.
// string_view::find runs memchr for the needle's first byte and compares at each hit: fast for a needle
// opening with an ASCII byte or with EF (the full-width forms, a few in a sentence); a needle opening
// with the lead byte of common ideographs (E4-E9, every third byte of a report) makes it stop at almost
// every character, and glibc's memmem costs ~5 instructions a byte (callgrind): neither is a prefilter.
template <typename Accept>
size_t CountOccurrences(std::string_view text, std::string_view needle, size_t limit, Accept accept) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos && n < limit;
       at = text.find(needle, at + needle.size())) {
    n += accept(at) ? 1 : 0;
  }
  return n;
}

}  // namespace wenshu::text

#endif  // WENSHU_SRC_TEXT_BYTE_SEARCH_H_
