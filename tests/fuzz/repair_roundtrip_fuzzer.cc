// Repair never fails on any bytes, its log is exact, and reverting it gives the original back.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "wenshu/repair.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view original(reinterpret_cast<const char*>(data), size);
  auto result = wenshu::Repair(original);
  FUZZ_CHECK(result.ok());
  auto applied = wenshu::ApplyRepairs(original, result->records);
  FUZZ_CHECK(applied.ok());
  FUZZ_CHECK(*applied == result->text);
  auto reverted = wenshu::RevertRepairs(result->text, result->records);
  FUZZ_CHECK(reverted.ok());
  FUZZ_CHECK(*reverted == original);
  size_t last_end = 0;
  for (const auto& r : result->records) {
    FUZZ_CHECK(r.span.begin >= last_end);
    FUZZ_CHECK(original.substr(r.span.begin, r.span.size()) == r.before);
    FUZZ_CHECK(r.confidence >= 0 && r.confidence <= 1);
    last_end = r.span.end;
  }
  return 0;
}
