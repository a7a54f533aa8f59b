/* wenshu: the C ABI. C99, no C++ types, stable within one ABI major version (the SONAME).
 *
 * Conventions, for every function below:
 *  - Every symbol is prefixed wenshu_ (macros WENSHU_).
 *  - Inputs are (const char *data, size_t len) and need not be NUL-terminated. data may be NULL only
 *    when len is 0.
 *  - Objects are opaque handles. A function that creates one takes the out-parameter first or last as
 *    documented, sets it only on success (to NULL on failure), and the object is released by its own
 *    _free function, never by the caller's free(). _free(NULL) is a no-op.
 *  - Pointers returned by an accessor are borrowed: they belong to the object and stay valid as long as
 *    stated ("until the object is freed" or "until the next call on this handle").
 *  - Strings handed out are UTF-8, NUL-terminated, and also come with their length (they may contain
 *    NUL bytes if the input did; trust the length).
 *  - A function returning wenshu_status returns WENSHU_OK (0) on success, a positive progress code,
 *    or a negative error code; on error wenshu_last_error() explains it. No C++ exception, abort or C++
 *    type crosses this boundary: out-of-memory becomes WENSHU_E_NO_MEMORY, any other internal failure
 *    WENSHU_E_INTERNAL.
 *
 * Thread safety, by type:
 *  - Functions without a handle (wenshu_version, wenshu_parse, wenshu_repair, ...) are thread-safe:
 *    the tables they use are immutable and shared, built once on first use.
 *  - wenshu_report and wenshu_repair_result are immutable once created: any number of threads may call
 *    their const accessors at the same time. Free them once, after every reader is done.
 *  - wenshu_tokenizer is used by one thread at a time (cheap to create; create one per thread).
 */
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

/* ------------------------------------------------------------------------------------------------ */
/* Versions */

#ifndef WENSHU_VERSION_MAJOR
#define WENSHU_VERSION_MAJOR 0
#define WENSHU_VERSION_MINOR 1
#define WENSHU_VERSION_PATCH 0
#endif
/* The ABI version: the SONAME is libwenshu.so.<WENSHU_ABI_VERSION>. */
#define WENSHU_ABI_VERSION 0

/* "0.1.0": the version of the library actually loaded. Static storage. Thread-safe. */
WENSHU_API const char *wenshu_version(void);
/* The ABI major version of the library actually loaded; a host compiled against WENSHU_ABI_VERSION
 * must refuse to run against another one. Thread-safe. */
WENSHU_API int wenshu_abi_version(void);
/* "wenshu.report/1": the id of the JSON schema wenshu_report_json() writes. Static storage. */
WENSHU_API const char *wenshu_report_schema(void);

/* ------------------------------------------------------------------------------------------------ */
/* Status codes and errors */

/* Status codes are fixed forever. Negative: errors; 0: success; positive: progress. Callers must
 * treat an unknown negative code as an error and may see new codes in later minor versions. */
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

/* A short English description of a status code ("invalid argument"); "unknown status" for a code this
 * library does not know; never NULL. Static storage. Thread-safe. */
WENSHU_API const char *wenshu_status_string(wenshu_status status);

/* The message of the last failure on the calling thread, e.g. "wenshu_tokenizer_feed: invalid UTF-8
 * at byte 1041". Every wenshu_ function that returns a wenshu_status clears it on entry, so after a
 * failed call it explains that call; after a successful call it is "". Never NULL. Valid until the
 * next wenshu_ call on this thread. Thread-safe (the message is thread-local). */
WENSHU_API const char *wenshu_last_error(void);

/* ------------------------------------------------------------------------------------------------ */
/* Options: by const pointer, NULL = defaults, versioned like libgit2's.
 *
 *   wenshu_options opts;
 *   wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION);
 *   opts.disabled_rules = "vocab.,boilerplate.page_footer";
 *   wenshu_parse(data, len, &opts, &report);
 *
 * A later minor version may add fields at the end and bump WENSHU_OPTIONS_VERSION; the library reads
 * only the fields of the version the caller set, so old hosts keep working, and a host built against
 * newer headers than the library gets WENSHU_E_VERSION instead of silently ignored settings. */

#define WENSHU_OPTIONS_VERSION 1

/* How invalid UTF-8 in the input is treated. */
typedef enum wenshu_utf8_policy {
  /* Kept byte for byte and flagged ("text.invalid_utf8" flags in repairs, tokens with
   * WENSHU_TOKEN_INVALID_UTF8 set); the same output as the C++ API and the command. The default. */
  WENSHU_UTF8_FLAG = 0,
  /* Rejected: the call fails with WENSHU_E_INVALID_UTF8 and wenshu_last_error() names the byte offset.
   * A streaming tokenizer waits for the rest of a character cut at the end of a chunk. */
  WENSHU_UTF8_STRICT = 1
} wenshu_utf8_policy;

typedef struct wenshu_options {
  /* WENSHU_OPTIONS_VERSION of the header the caller was compiled with. Set by wenshu_options_init. */
  unsigned int version;
  /* A wenshu_utf8_policy. Default WENSHU_UTF8_FLAG. */
  int utf8_policy;
  /* Repair rules that must not run: comma-separated rule ids or id prefixes ending in '.', e.g.
   * "vocab.,boilerplate.page_footer"; spaces around commas are ignored. NULL or "" = all rules run.
   * An id or prefix that matches no rule (see wenshu_repair_rule_id) is WENSHU_E_INVALID_ARGUMENT.
   * Read during the call, not kept. */
  const char *disabled_rules;
  /* Repairs below this confidence (0..1) are reported as flags instead of being applied.
   * Default 0.5. Outside [0, 1] (or NaN) is WENSHU_E_INVALID_ARGUMENT. */
  double min_confidence;
  /* The name recorded as source.name in a report (e.g. the file path); NULL = "". NUL-terminated
   * UTF-8. Read during the call, not kept. */
  const char *source_name;
} wenshu_options;

/* Fills *opts with the defaults of options version `version` (normally WENSHU_OPTIONS_VERSION).
 * WENSHU_E_VERSION if the library does not know that version (it is older than the header);
 * WENSHU_E_INVALID_ARGUMENT if opts is NULL. Thread-safe. */
WENSHU_API wenshu_status wenshu_options_init(wenshu_options *opts, unsigned int version);

/* ------------------------------------------------------------------------------------------------ */
/* Repair rules: the registry of every rule, in the order they run. Ids are stable across versions. */

/* The number of repair rules. Thread-safe. */
WENSHU_API size_t wenshu_repair_rule_count(void);
/* The id ("number.masked_ten") and one-sentence description of rule `index`; NULL when index is out of
 * range. Static storage. Thread-safe. */
WENSHU_API const char *wenshu_repair_rule_id(size_t index);
WENSHU_API const char *wenshu_repair_rule_description(size_t index);

/* ------------------------------------------------------------------------------------------------ */
/* Repair on its own: diagnose the damage of one document and undo it where the evidence allows.
 * Every change is a record over a span of the original bytes; records are sorted, never overlap, and
 * replacing each record's [begin, end) of the original by its `after` gives the repaired text. */

typedef struct wenshu_repair_result wenshu_repair_result;

/* One change. Pointers are borrowed from the result and valid until it is freed. */
typedef struct wenshu_repair_record {
  const char *rule;     /* a stable rule id, e.g. "number.masked_ten" */
  size_t rule_len;
  uint64_t begin;       /* the bytes replaced: [begin, end) of the original input */
  uint64_t end;
  const char *before;   /* == the original bytes at [begin, end) */
  size_t before_len;
  const char *after;    /* what replaces them; empty (after_len 0) for removed text */
  size_t after_len;
  double confidence;    /* 0..1 */
  const char *reason;   /* one sentence a user can read */
  size_t reason_len;
} wenshu_repair_record;

/* Something found but deliberately left unchanged (a masked year, invalid UTF-8, a repair below
 * min_confidence). Pointers are borrowed from the result and valid until it is freed. */
typedef struct wenshu_repair_flag {
  const char *rule;
  size_t rule_len;
  uint64_t begin;       /* [begin, end) of the original input */
  uint64_t end;
  const char *text;     /* the original bytes at [begin, end) */
  size_t text_len;
  const char *reason;
  size_t reason_len;
} wenshu_repair_flag;

/* Repairs data[0, len). On success *out owns a new result (free with wenshu_repair_result_free).
 * opts may be NULL (defaults). Errors: WENSHU_E_INVALID_ARGUMENT (out NULL, data NULL with len > 0, bad
 * options), WENSHU_E_VERSION, WENSHU_E_INVALID_UTF8 (strict policy only), WENSHU_E_NO_MEMORY,
 * WENSHU_E_INTERNAL. Thread-safe. */
WENSHU_API wenshu_status wenshu_repair(const char *data, size_t len, const wenshu_options *opts,
                                       wenshu_repair_result **out);

/* The repaired text; *len (if len is not NULL) receives its length. Never NULL for a valid result;
 * NULL for a NULL result. Borrowed. Thread-safe on a shared result. */
WENSHU_API const char *wenshu_repair_result_text(const wenshu_repair_result *result, size_t *len);
/* The number of records / flags; 0 for NULL. Thread-safe on a shared result. */
WENSHU_API size_t wenshu_repair_result_record_count(const wenshu_repair_result *result);
WENSHU_API size_t wenshu_repair_result_flag_count(const wenshu_repair_result *result);
/* Fills *out with record / flag `index` (in span order). WENSHU_E_INVALID_ARGUMENT for a NULL argument
 * or an index out of range. Thread-safe on a shared result. */
WENSHU_API wenshu_status wenshu_repair_result_record(const wenshu_repair_result *result, size_t index,
                                                     wenshu_repair_record *out);
WENSHU_API wenshu_status wenshu_repair_result_flag(const wenshu_repair_result *result, size_t index,
                                                   wenshu_repair_flag *out);
/* The whole result as one JSON object, including what the structs above leave out (each record's
 * evidence spans and alternatives, the document diagnosis):
 *   {"text": str, "records": [{"rule","span":[b,e],"before","after","confidence","reason",
 *    "evidence":[[b,e]...],"alternatives":[{"after","confidence","reason"}]}],
 *    "flags": [{"rule","span":[b,e],"text","reason"}], "diagnosis": {...}}
 * Bytes of the input that are not UTF-8 appear as U+FFFD in the JSON; spans and the structs above are
 * exact. Built on first call, then cached; NULL on failure (see wenshu_last_error) or for a NULL
 * result. Borrowed, valid until the result is freed. Thread-safe on a shared result. */
WENSHU_API const char *wenshu_repair_result_json(const wenshu_repair_result *result, size_t *len);
/* Releases the result and everything borrowed from it. NULL is a no-op. */
WENSHU_API void wenshu_repair_result_free(wenshu_repair_result *result);

#ifdef __cplusplus
}
#endif

#endif /* WENSHU_H_ */
