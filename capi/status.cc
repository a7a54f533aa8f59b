// Versions, status strings, the thread-local last error, and the guard's helpers.
#include <cstring>
#include <string>

#include "internal.h"
#include "wenshu.h"
#include "wenshu/version.h"

namespace wenshu::capi {
namespace {

// The last error of this thread. A plain char buffer would truncate; a std::string may throw on
// assignment, which Fail() catches.
thread_local std::string last_error;

}  // namespace

void ClearError() noexcept { last_error.clear(); }

const char* LastError() noexcept { return last_error.c_str(); }

wenshu_status Fail(wenshu_status code, const char* where, std::string_view message) noexcept {
  try {
    last_error.assign(where);
    last_error.append(": ");
    last_error.append(message.data(), message.size());
  } catch (...) {
    last_error.clear();  // clear() never allocates; the caller still has the code
  }
  return code;
}

wenshu_status FailWith(const absl::Status& status, const char* where) noexcept {
  wenshu_status code = WENSHU_E_INTERNAL;
  switch (status.code()) {
    case absl::StatusCode::kOk: return WENSHU_OK;
    case absl::StatusCode::kInvalidArgument: code = WENSHU_E_INVALID_ARGUMENT; break;
    case absl::StatusCode::kFailedPrecondition: code = WENSHU_E_WRONG_ORDER; break;
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kResourceExhausted: code = WENSHU_E_LIMIT; break;
    case absl::StatusCode::kDataLoss: code = WENSHU_E_INVALID_UTF8; break;
    case absl::StatusCode::kCancelled: code = WENSHU_E_CANCELLED; break;
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kUnavailable: code = WENSHU_E_IO; break;
    default: break;
  }
  return Fail(code, where, std::string_view(status.message().data(), status.message().size()));
}

}  // namespace wenshu::capi

extern "C" {

const char *wenshu_version(void) {
  // The run-time version from the C++ API, NUL-terminated; short enough never to allocate.
  static const std::string version(wenshu::Version());
  return version.c_str();
}

int wenshu_abi_version(void) { return WENSHU_ABI_VERSION; }

const char *wenshu_report_schema(void) {
  static const std::string schema(wenshu::kReportSchema);
  return schema.c_str();
}

const char *wenshu_status_string(wenshu_status status) {
  switch (status) {
    case WENSHU_OK: return "ok";
    case WENSHU_NEED_INPUT: return "need more input";
    case WENSHU_DONE: return "done";
    case WENSHU_E_INVALID_ARGUMENT: return "invalid argument";
    case WENSHU_E_INVALID_UTF8: return "invalid UTF-8";
    case WENSHU_E_NO_MEMORY: return "out of memory";
    case WENSHU_E_IO: return "input/output error";
    case WENSHU_E_WRONG_ORDER: return "call out of order";
    case WENSHU_E_LIMIT: return "limit exceeded";
    case WENSHU_E_INTERNAL: return "internal error";
    case WENSHU_E_VERSION: return "unknown options version";
    case WENSHU_E_CANCELLED: return "cancelled";
    case WENSHU_STATUS_FORCE_INT_: break;
  }
  return "unknown status";
}

const char *wenshu_last_error(void) { return wenshu::capi::LastError(); }

}  // extern "C"
