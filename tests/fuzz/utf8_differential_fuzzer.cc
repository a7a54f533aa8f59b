// The text layer's UTF-8 decoder against ICU's U8_NEXT on any bytes: the same valid characters at the
// same offsets; backward decoding finds each valid character from its end; streaming in any split
// finds the same characters as one-shot decoding.
#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_support.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using wenshu::text::Decoded;
  if (size > (1u << 20)) return 0;
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<size_t, char32_t>> icu, ours;
  for (int32_t i = 0, n = static_cast<int32_t>(size); i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, n, c);
    if (c >= 0) icu.emplace_back(static_cast<size_t>(start), static_cast<char32_t>(c));
  }
  for (size_t i = 0; i < size;) {
    const Decoded d = wenshu::text::DecodeUtf8At(s, i);
    FUZZ_CHECK(d.len != 0);
    if (d.len < 0) {
      ++i;
      continue;
    }
    ours.emplace_back(i, d.cp);
    const Decoded back = wenshu::text::DecodeUtf8Before(s, i + static_cast<size_t>(d.len));
    FUZZ_CHECK(back.len == d.len && back.cp == d.cp);
    i += static_cast<size_t>(d.len);
  }
  FUZZ_CHECK(icu == ours);
  // Streaming: chunks of the size the first byte names; a "need more" answer waits for the next chunk.
  const size_t chunk = size == 0 ? 1 : 1 + data[0] % 7;
  std::vector<std::pair<size_t, char32_t>> streamed;
  size_t pos = 0;
  for (size_t available = 0; pos < size;) {
    if (available < size) available = available + chunk < size ? available + chunk : size;
    const bool final = available == size;
    while (pos < available) {
      const Decoded d = wenshu::text::DecodeUtf8At(data + pos, available - pos, final);
      if (d.len == 0) break;
      if (d.len > 0) streamed.emplace_back(pos, d.cp);
      pos += d.len > 0 ? static_cast<size_t>(d.len) : 1;
    }
  }
  FUZZ_CHECK(streamed == ours);
  // Valid exactly when the characters found re-encode to every byte.
  size_t encoded = 0;
  for (const auto& found : ours) {
    char buffer[4];
    encoded += wenshu::text::EncodeUtf8(found.second, buffer);
  }
  FUZZ_CHECK(wenshu::text::IsValidUtf8(s) == (encoded == size));
  return 0;
}
