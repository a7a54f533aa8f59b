/* wenshu: the C ABI. C99, no C++ types. See README.md for the guarantees.
 *
 * Conventions: every function is prefixed wenshu_; inputs are (const char *data, size_t len) and need
 * not be NUL-terminated; objects are opaque handles released by their own _free function (NULL is a
 * no-op); a function returning wenshu_status explains a failure through wenshu_last_error(). */
#ifndef WENSHU_H_
#define WENSHU_H_

#include <stddef.h>
#include <stdint.h>

#ifndef WENSHU_API
#if defined(_WIN32)
#define WENSHU_API __declspec(dllimport)
#else
#define WENSHU_API __attribute__((visibility("default")))
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define WENSHU_VERSION_MAJOR 0
#define WENSHU_VERSION_MINOR 1
#define WENSHU_VERSION_PATCH 0
/* The ABI version: the SONAME is libwenshu.so.<WENSHU_ABI_VERSION>. */
#define WENSHU_ABI_VERSION 0

/* Status codes are fixed forever. Negative: errors; 0: success; positive: progress. Callers must
 * treat an unknown negative code as an error. */
typedef enum wenshu_status {
  WENSHU_OK = 0,
  WENSHU_NEED_INPUT = 1,      /* the tokenizer has no final token until more input or finish */
  WENSHU_DONE = 2,            /* the tokenizer is finished and drained */
  WENSHU_E_INVALID_ARGUMENT = -1,
  WENSHU_E_INVALID_UTF8 = -2,
  WENSHU_E_NO_MEMORY = -3,
  WENSHU_E_IO = -4,
  WENSHU_E_WRONG_ORDER = -5,  /* e.g. feed after finish */
  WENSHU_E_LIMIT = -6,        /* an input or size limit was hit */
  WENSHU_E_INTERNAL = -7,
  WENSHU_E_VERSION = -8       /* options struct of an unknown version */
} wenshu_status;

/* "0.1.0": the version of the library actually loaded. Static storage. Thread-safe. */
WENSHU_API const char *wenshu_version(void);
/* The ABI major version of the library actually loaded (compare with WENSHU_ABI_VERSION). */
WENSHU_API int wenshu_abi_version(void);
/* A short English description of a status code; never NULL. Static storage. Thread-safe. */
WENSHU_API const char *wenshu_status_string(wenshu_status status);

#ifdef __cplusplus
}
#endif

#endif /* WENSHU_H_ */
