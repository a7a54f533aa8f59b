// Byte spans into the caller's original input.
#ifndef WENSHU_SPAN_H_
#define WENSHU_SPAN_H_

#include <cstddef>

namespace wenshu {

// A half-open byte range [begin, end) into the caller's original input.
struct Span {
  size_t begin = 0;
  size_t end = 0;

  size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(size_t offset) const { return offset >= begin && offset < end; }
  bool Overlaps(Span other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(Span, Span) = default;
};

}  // namespace wenshu

#endif  // WENSHU_SPAN_H_
