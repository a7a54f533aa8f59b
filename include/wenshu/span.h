// Byte spans into the caller's original input.
#ifndef WENSHU_SPAN_H_
#define WENSHU_SPAN_H_

#include <cassert>
#include <cstddef>
#include <cstdint>

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

// The largest text whose offsets fit a CompactSpan: Parse refuses a larger document and ExtractFacts reads
// no further (the default size limit, ParseOptions::max_bytes, is 64 MiB).
inline constexpr size_t kMaxCompactOffset = UINT32_MAX;

// A Span in 32-bit offsets, 8 bytes instead of 16, for the records a document holds one of every ~16
// bytes: a fact's spans (bench/README.md, "Memory per document"). It converts to and from a Span and
// reads as one; an offset past kMaxCompactOffset does not fit (a debug build asserts).
struct CompactSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  CompactSpan() = default;
  CompactSpan(size_t begin_offset, size_t end_offset) : begin(Narrow(begin_offset)), end(Narrow(end_offset)) {}
  CompactSpan(Span span)  // NOLINT(google-explicit-constructor)
      : begin(Narrow(span.begin)), end(Narrow(span.end)) {}
  operator Span() const { return {begin, end}; }  // NOLINT(google-explicit-constructor)

  size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(size_t offset) const { return Span(*this).Contains(offset); }
  bool Overlaps(Span other) const { return Span(*this).Overlaps(other); }
  friend bool operator==(CompactSpan, CompactSpan) = default;

 private:
  static uint32_t Narrow(size_t offset) {
    assert(offset <= kMaxCompactOffset);
    return static_cast<uint32_t>(offset);
  }
};

}  // namespace wenshu

#endif  // WENSHU_SPAN_H_
