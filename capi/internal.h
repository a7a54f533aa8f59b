// Shared machinery of the C ABI: the one guard around every entry point, the thread-local last error,
// option decoding and UTF-8 checking. Nothing here is exported.
#ifndef WENSHU_CAPI_INTERNAL_H_
#define WENSHU_CAPI_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "wenshu.h"
#include "wenshu/input.h"
#include "wenshu/repair.h"

namespace wenshu::capi {

// Clears the calling thread's last error.
void ClearError() noexcept;
const char* LastError() noexcept;
// Records "<where>: <message>" as the calling thread's last error and returns code. Never throws: if the
// message cannot be stored, a static description of the code is used instead.
wenshu_status Fail(wenshu_status code, const char* where, std::string_view message) noexcept;
// Maps an absl::Status from the C++ API to a wenshu_status and records its message.
wenshu_status FailWith(const absl::Status& status, const char* where) noexcept;

// The one guard around every entry point that returns a status: no exception leaves the library.
template <typename Body>
wenshu_status Guard(const char* where, Body&& body) noexcept {
  ClearError();
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(WENSHU_E_NO_MEMORY, where, "out of memory");
  } catch (const std::exception& e) {
    return Fail(WENSHU_E_INTERNAL, where, e.what());
  } catch (...) {
    return Fail(WENSHU_E_INTERNAL, where, "unknown exception");
  }
}

// The same guard for an entry point that returns a pointer (NULL on failure).
template <typename T, typename Body>
T* GuardPointer(const char* where, Body&& body) noexcept {
  T* result = nullptr;
  wenshu_status status = Guard(where, [&]() -> wenshu_status {
    result = body();
    return WENSHU_OK;
  });
  return status == WENSHU_OK ? result : nullptr;
}

// wenshu_options decoded into the C++ API's terms.
// Kept free of the report and tokenizer headers so each entry point file includes only its stage.
struct ResolvedOptions {
  RepairOptions repair;
  bool strict_utf8 = false;
  std::string source_name;
  std::string source_id;
  int64_t source_line = 0;
  bool has_title = false;
  std::string title;
  bool run_checks = true;
  uint64_t max_bytes = uint64_t{64} << 20;
  bool pretty_json = false;
  uint64_t max_token_bytes = 64 * 1024;
  bool split_numeral_units = true;
  // Version 2: decode the input first (wenshu/input.h) when either is set.
  bool decode_input = false;
  std::string encoding = "auto";
  InputFormat input_format = InputFormat::kAuto;
};

// Decodes input per the version-2 options into *doc (a no-op copy when decode_input is off is not
// made: callers check decode_input first).
wenshu_status DecodeInput(std::string_view input, const ResolvedOptions& options, const char* where,
                          InputDocument* doc);

// Validates and decodes opts (NULL = defaults) into *out.
wenshu_status ResolveOptions(const wenshu_options* opts, const char* where, ResolvedOptions* out);

// Checks that (data, len) is a usable input: data may be NULL only when len is 0.
wenshu_status CheckInput(const char* data, size_t len, const char* where) noexcept;

// Result of scanning bytes for UTF-8 validity.
struct Utf8Scan {
  bool valid = true;          // no invalid sequence before the end (an incomplete tail is not invalid)
  size_t invalid_at = 0;      // offset of the first invalid byte when !valid
  size_t incomplete_tail = 0; // length of a truncated but so far valid sequence at the very end
};
Utf8Scan ScanUtf8(std::string_view bytes) noexcept;

// In strict mode, fails with WENSHU_E_INVALID_UTF8 naming the offset of the first bad byte
// (base_offset is added, for streams). A tail cut mid-character is invalid unless allow_tail.
wenshu_status CheckStrictUtf8(std::string_view bytes, size_t base_offset, bool allow_tail,
                              const char* where) noexcept;

}  // namespace wenshu::capi

#endif  // WENSHU_CAPI_INTERNAL_H_
