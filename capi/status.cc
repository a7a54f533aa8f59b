// Version and status strings of the C ABI.
#include "wenshu.h"

#include "wenshu/version.h"

extern "C" {

const char *wenshu_version(void) { return WENSHU_VERSION_STRING; }

int wenshu_abi_version(void) { return WENSHU_ABI_VERSION; }

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
  }
  return "unknown status";
}

}  // extern "C"
