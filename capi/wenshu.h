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
#include "wenshu/version.h"

#ifndef WENSHU_API
#if defined(_WIN32) && defined(WENSHU_BUILDING_LIBRARY)
#define WENSHU_API __declspec(dllexport)
#elif defined(_WIN32)
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

/* WENSHU_VERSION_MAJOR/MINOR/PATCH, WENSHU_VERSION_STRING and WENSHU_ABI_VERSION (the SONAME is
 * libwenshu.so.<WENSHU_ABI_VERSION>) come from the one place the version is written. */

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
  WENSHU_E_VERSION = -8,      /* options struct of an unknown version */
  WENSHU_E_CANCELLED = -9,    /* the options' cancel callback asked to stop */
  /* Not a status: makes the enum int-sized and int-ranged, so any code a newer library returns is a
   * valid value (for C++ hosts, and for wenshu_status_string). Never returned. */
  WENSHU_STATUS_FORCE_INT_ = 0x7fffffff
} wenshu_status;

/* A short English description of a status code ("invalid argument"); "unknown status" for a code this
 * library does not know; never NULL. Static storage. Thread-safe. */
WENSHU_API const char *wenshu_status_string(wenshu_status status);

/* The message of the last failure on the calling thread, e.g. "wenshu_tokenizer_feed: invalid UTF-8
 * at byte 1041". Every wenshu_ function that returns a wenshu_status clears it on entry, so after a
 * failed call it explains that call; after a successful call it is "". Functions returning a pointer
 * that may be NULL on failure (wenshu_report_json, ...) set it too. Never NULL. Valid until the
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

#define WENSHU_OPTIONS_VERSION 2

/* How invalid UTF-8 in the input is treated. */
typedef enum wenshu_utf8_policy {
  /* Kept byte for byte and flagged ("text.invalid_utf8" flags in repairs and reports, tokens of kind
   * WENSHU_TOKEN_INVALID); the same output as the C++ API and the command. The default. */
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

  /* Repair (wenshu_repair, wenshu_parse). */
  /* Repair rules that must not run: comma-separated rule ids or id prefixes ending in '.', e.g.
   * "vocab.,boilerplate.page_footer"; spaces around commas are ignored. NULL or "" = all rules run.
   * An id or prefix that matches no rule (see wenshu_repair_rule_id) is WENSHU_E_INVALID_ARGUMENT.
   * Read during the call, not kept. */
  const char *disabled_rules;
  /* Repairs below this confidence (0..1) are reported as flags instead of being applied.
   * Default 0.5. Outside [0, 1] (or NaN) is WENSHU_E_INVALID_ARGUMENT. */
  double min_confidence;

  /* Report (wenshu_parse). Strings are NUL-terminated UTF-8, read during the call, not kept. */
  /* source.name in the report, e.g. the file path; NULL = "". */
  const char *source_name;
  /* source.id in the report, e.g. a corpus id; NULL = "". */
  const char *source_id;
  /* source.line: the 1-based line of a JSONL corpus; 0 = none. Negative is invalid. */
  int64_t source_line;
  /* A title known from outside the text (a corpus's title field), used when the text has none;
   * NULL = none. */
  const char *title;
  /* Non-zero (default 1): run the consistency checks (parts vs totals, rates, numbering). */
  int run_checks;
  /* Inputs larger than this many bytes fail with WENSHU_E_LIMIT. Default 64 MiB. */
  uint64_t max_bytes;
  /* Non-zero: wenshu_report_json is indented like the command's output; 0 (default): compact. */
  int pretty_json;

  /* Tokenizer (wenshu_tokenizer_new). */
  /* The longest token, and so the largest carry between feeds; longer runs are cut into tokens
   * flagged WENSHU_TOKEN_SPLIT. Clamped to [64, 2^30]. Default 65536. */
  uint64_t max_token_bytes;
  /* Non-zero (default 1): split dictionary words like 一个 / 三所 into a numeral and a unit. */
  int split_numeral_units;

  /* Version 2: inputs as users have them (wenshu_parse, wenshu_repair). Both NULL (the default):
   * the bytes are UTF-8 text, used as given. Otherwise the input is decoded first, as the command
   * decodes a file: gzip is inflated, a BOM removed, the encoding converted to UTF-8, HTML and .docx
   * turned into text; spans then index the decoded UTF-8 text (wenshu_report_input,
   * wenshu_repair_result_input; apply and revert work on it), and the report's source names the
   * "encoding", "bom" and "format". The tokenizer reads UTF-8 only: wenshu_tokenizer_new refuses
   * either option (WENSHU_E_INVALID_ARGUMENT); decode with wenshu_repair first. */
  /* "auto" (detect: UTF-8, UTF-16 with BOM, GB18030/GBK, Big5) or an encoding name ("gb18030",
   * "big5", "utf-16le"...); NULL = "auto" when input_format is set. An unknown name is
   * WENSHU_E_INVALID_ARGUMENT; bytes that are not text in the encoding (or a PDF, a legacy .doc) fail
   * with WENSHU_E_INVALID_ARGUMENT and a hint in wenshu_last_error(). */
  const char *encoding;
  /* "auto" (from the content), "text", "html" or "docx"; NULL = "auto" when encoding is set. */
  const char *input_format;
  /* Cancellation (wenshu_repair, wenshu_parse): when not NULL, called as cancel(cancel_data) on the
   * calling thread between stages and about every 64 KiB of work; once it returns non-zero the call
   * stops and returns WENSHU_E_CANCELLED. It must keep returning non-zero after it did once, and be
   * cheap (e.g. read a flag that a signal handler or another thread sets). Default NULL. */
  int (*cancel)(void *cancel_data);
  void *cancel_data;
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
/* With version-2 decoding (encoding/input_format), the decoded UTF-8 text that every span of the result
 * indexes; wenshu_repair_apply of it gives _result_text(). NULL (and *len 0) when no decoding option was
 * set: the spans then index the caller's own bytes, which are not copied. NULL for a NULL result.
 * Borrowed. Thread-safe on a shared result. */
WENSHU_API const char *wenshu_repair_result_input(const wenshu_repair_result *result, size_t *len);
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
/* The C++ engine's apply and revert, byte for byte, for hosts that hold the original or the repaired
 * text and want the other (the JSON cannot do this: it shows invalid bytes as U+FFFD).
 *   wenshu_repair_apply:  data = the original input; writes the repaired text (== _result_text()).
 *   wenshu_repair_revert: data = the repaired text; writes the original input, byte for byte.
 * Bytes in, bytes out, into the caller's buffer out[0, capacity): *out_len always receives the size of
 * the answer. With out NULL (capacity ignored) it only measures and returns WENSHU_OK; a buffer smaller
 * than the answer gives WENSHU_E_LIMIT (nothing written beyond capacity). Errors:
 * WENSHU_E_INVALID_ARGUMENT (NULL result or out_len, data NULL with len > 0, or data the records do not
 * fit: wenshu_last_error says which record), WENSHU_E_NO_MEMORY. Thread-safe on a shared result. */
WENSHU_API wenshu_status wenshu_repair_apply(const wenshu_repair_result *result, const char *data,
                                             size_t len, char *out, size_t capacity, size_t *out_len);
WENSHU_API wenshu_status wenshu_repair_revert(const wenshu_repair_result *result, const char *data,
                                              size_t len, char *out, size_t capacity, size_t *out_len);
/* Releases the result and everything borrowed from it. NULL is a no-op. */
WENSHU_API void wenshu_repair_result_free(wenshu_repair_result *result);

/* ------------------------------------------------------------------------------------------------ */
/* Parse: repair one document and extract its title, period, sections, facts and checks. The result
 * is what `wenshu parse FILE --format json` prints: the JSON schema "wenshu.report/1". Every span in
 * it is a byte range of the original input. */

typedef struct wenshu_report wenshu_report;

/* Parses utf8[0, len) (damaged or invalid UTF-8 input still parses under WENSHU_UTF8_FLAG; invalid
 * bytes are flagged and appear as U+FFFD in JSON strings). On success *out owns a new report (free
 * with wenshu_report_free). opts may be NULL (defaults). Errors: WENSHU_E_INVALID_ARGUMENT,
 * WENSHU_E_VERSION, WENSHU_E_INVALID_UTF8 (strict policy), WENSHU_E_LIMIT (len > max_bytes),
 * WENSHU_E_NO_MEMORY, WENSHU_E_INTERNAL. Thread-safe: any number of threads may parse at once. */
WENSHU_API wenshu_status wenshu_parse(const char *utf8, size_t len, const wenshu_options *opts,
                                      wenshu_report **out);

/* The report as JSON ("wenshu.report/1"; compact, or indented if opts.pretty_json was set). Built on
 * first call, then cached. NULL for a NULL report or on failure (see wenshu_last_error). Borrowed:
 * valid until the report is freed. Thread-safe on a shared report. */
WENSHU_API const char *wenshu_report_json(const wenshu_report *report, size_t *len);
/* The title, or NULL if the document has none (or report is NULL). Borrowed. Thread-safe. */
WENSHU_API const char *wenshu_report_title(const wenshu_report *report, size_t *len);
/* The repaired text; NULL only for a NULL report. Borrowed. Thread-safe. */
WENSHU_API const char *wenshu_report_text(const wenshu_report *report, size_t *len);
/* With version-2 decoding (encoding/input_format), the decoded UTF-8 text that every span of the report
 * indexes. NULL (and *len 0) when no decoding option was set: the spans then index the caller's own
 * bytes, which are not copied. NULL for a NULL report. Borrowed. Thread-safe. */
WENSHU_API const char *wenshu_report_input(const wenshu_report *report, size_t *len);

/* What wenshu_report_count counts. Values are fixed; new items go at the end. */
typedef enum wenshu_report_item {
  WENSHU_REPORT_SECTIONS = 0,       /* sections at every level */
  WENSHU_REPORT_QUANTITIES = 1,
  WENSHU_REPORT_CHANGES = 2,
  WENSHU_REPORT_DATES = 3,
  WENSHU_REPORT_REPAIRS = 4,        /* repair records applied */
  WENSHU_REPORT_FLAGS = 5,          /* found and kept: masked years, invalid UTF-8, ... */
  WENSHU_REPORT_CHECKS = 6,
  WENSHU_REPORT_FAILED_CHECKS = 7
} wenshu_report_item;

/* Stores the number of `item` in the report in *count. WENSHU_E_INVALID_ARGUMENT for a NULL argument
 * or an unknown item. Thread-safe on a shared report. */
WENSHU_API wenshu_status wenshu_report_count(const wenshu_report *report, int item, size_t *count);
/* Releases the report and everything borrowed from it. NULL is a no-op. */
WENSHU_API void wenshu_report_free(wenshu_report *report);

/* ------------------------------------------------------------------------------------------------ */
/* The streaming tokenizer: feed UTF-8 in chunks of any size (a chunk may end inside a character, a
 * number or a word) and pull tokens as soon as they are final. The tokens are identical whatever the
 * chunking, every input byte belongs to exactly one token, and concatenating the tokens' text gives
 * the input back. Memory is bounded: the carry between feeds is at most max_token_bytes plus a few
 * bytes of lookahead.
 *
 *   wenshu_tokenizer *t;  wenshu_token tok;  wenshu_status s;
 *   wenshu_tokenizer_new(&t, NULL);
 *   while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
 *     wenshu_tokenizer_feed(t, buf, n);
 *     while ((s = wenshu_tokenizer_next(t, &tok)) == WENSHU_OK) use(&tok);
 *   }
 *   wenshu_tokenizer_finish(t);
 *   while ((s = wenshu_tokenizer_next(t, &tok)) == WENSHU_OK) use(&tok);   (s is then WENSHU_DONE)
 *   wenshu_tokenizer_free(t);
 *
 * A tokenizer is used by one thread at a time; it is cheap to create (the dictionary is shared,
 * immutable, built into the library). Create one per thread. */

typedef struct wenshu_tokenizer wenshu_tokenizer;

/* A word table for the tokenizer, immutable once loaded: any number of threads and tokenizers may
 * share one. The built-in one (jieba's dict.txt, compiled into the library) needs no handle. */
typedef struct wenshu_dictionary wenshu_dictionary;

/* Loads a dictionary from a file: a compiled blob (wenshu-dictc; version, size and checksum are
 * checked) or a jieba-format word list ("word [frequency [tag]]" per line; it replaces the built-in
 * table, it does not extend it). path is NUL-terminated. Errors: WENSHU_E_INVALID_ARGUMENT (NULL, or
 * bad content: wenshu_last_error names the line), WENSHU_E_IO (unreadable file), WENSHU_E_NO_MEMORY.
 * Thread-safe. */
WENSHU_API wenshu_status wenshu_dictionary_load(wenshu_dictionary **out, const char *path);
/* Builds a dictionary from a jieba-format word list in memory; words without a frequency get a high
 * default one. Errors as for wenshu_dictionary_load. Thread-safe. */
WENSHU_API wenshu_status wenshu_dictionary_from_text(wenshu_dictionary **out, const char *data,
                                                     size_t len);
/* A user dictionary on top of `base` (NULL = the built-in table), like jieba's add_word and
 * load_userdict: every word of base plus the jieba-format word list data[0, len), whose lines win over
 * base's (frequency 0 removes a word; words without a frequency get a high default). Errors as for
 * wenshu_dictionary_from_text. Thread-safe. */
WENSHU_API wenshu_status wenshu_dictionary_extend(wenshu_dictionary **out, const wenshu_dictionary *base,
                                                  const char *data, size_t len);
/* Checks a jieba-format word list as _from_text and _extend read it, building nothing (cheap: for
 * hosts that collect words one at a time, like jieba's add_word, and must refuse a bad one at once).
 * WENSHU_OK, or WENSHU_E_INVALID_ARGUMENT with wenshu_last_error naming the line of data (a control
 * character, invalid UTF-8, a word too long, a bad frequency). Thread-safe. */
WENSHU_API wenshu_status wenshu_dictionary_check(const char *data, size_t len);
/* The number of distinct words; 0 for NULL. Thread-safe. */
WENSHU_API size_t wenshu_dictionary_word_count(const wenshu_dictionary *dict);
/* Releases the caller's handle; tokenizers created with it keep the table alive. NULL is a no-op. */
WENSHU_API void wenshu_dictionary_free(wenshu_dictionary *dict);

/* Token kinds. Values are fixed; new kinds go at the end (so handle unknown values). */
typedef enum wenshu_token_kind {
  WENSHU_TOKEN_WORD = 0,         /* a CJK word (or a single unknown CJK character) */
  WENSHU_TOKEN_NUMBER = 1,       /* ASCII or full-width digits, decimals, thousands separators */
  WENSHU_TOKEN_CJK_NUMERAL = 2,  /* 二十三, 两, 万 after a number, ... */
  WENSHU_TOKEN_UNIT = 3,         /* a measure word after a number: 人 所 万元 平方米 人次 */
  WENSHU_TOKEN_PERCENT = 4,      /* % ％ ‰ */
  WENSHU_TOKEN_LIST_MARKER = 5,  /* (一) 一、 1、 (1) ① 第一 一是, where they enumerate */
  WENSHU_TOKEN_PUNCT = 6,
  WENSHU_TOKEN_LATIN = 7,
  WENSHU_TOKEN_SPACE = 8,        /* a run of horizontal white space */
  WENSHU_TOKEN_NEWLINE = 9,      /* one line break: \n, \r\n, \r, U+2028, U+2029 */
  WENSHU_TOKEN_INVALID = 10,     /* a run of bytes that are not UTF-8, kept unchanged */
  WENSHU_TOKEN_OTHER = 11        /* control characters (NUL), kana, emoji, other scripts */
} wenshu_token_kind;

/* Token flags (bits of wenshu_token.flags). */
#define WENSHU_TOKEN_SPLIT 0x1u          /* cut at max_token_bytes; the run continues in the next token */
#define WENSHU_TOKEN_IN_DICTIONARY 0x2u  /* a word found in the dictionary */
#define WENSHU_TOKEN_NORMALIZED 0x4u     /* norm differs from text */

/* One token. text and norm point into the tokenizer and are NOT NUL-terminated; they stay valid
 * until the next call on that tokenizer (feed, next, finish, reset, free). */
typedef struct wenshu_token {
  int kind;            /* a wenshu_token_kind */
  uint32_t flags;      /* WENSHU_TOKEN_* bits */
  uint64_t begin;      /* byte offsets in the stream since new/reset: [begin, end) */
  uint64_t end;
  uint64_t cp_begin;   /* code-point offsets; each invalid byte counts as one code point */
  uint64_t cp_end;
  const char *text;    /* the input bytes [begin, end) */
  size_t text_len;
  const char *norm;    /* normalized: full-width folded to ASCII, U+3000 -> ' ', line breaks -> \n */
  size_t norm_len;
} wenshu_token;

/* "word", "number", "cjk_numeral", "unit", "percent", "list_marker", "punct", "latin", "space",
 * "newline", "invalid", "other" (the names of the JSON output); NULL for an unknown kind. Static
 * storage. Thread-safe. */
WENSHU_API const char *wenshu_token_kind_name(int kind);

/* Creates a tokenizer (out first, like every _new) with the built-in dictionary. opts may be NULL
 * (defaults); it is read during the call only. Errors: WENSHU_E_INVALID_ARGUMENT (also for an
 * encoding or input_format: the tokenizer reads UTF-8 only), WENSHU_E_VERSION, WENSHU_E_NO_MEMORY. */
WENSHU_API wenshu_status wenshu_tokenizer_new(wenshu_tokenizer **out, const wenshu_options *opts);
/* The same with a dictionary of the caller's (see wenshu_dictionary_load). The tokenizer shares the
 * dictionary: the caller may free its handle right after this call. dict NULL = the built-in one. */
WENSHU_API wenshu_status wenshu_tokenizer_new_with_dictionary(wenshu_tokenizer **out,
                                                              const wenshu_dictionary *dict,
                                                              const wenshu_options *opts);
/* Appends data[0, len) (copied; may end anywhere, even inside a character). Previously returned
 * tokens become invalid. Errors: WENSHU_E_INVALID_ARGUMENT (t NULL, data NULL with len > 0),
 * WENSHU_E_WRONG_ORDER (after finish; reset starts a new stream), WENSHU_E_INVALID_UTF8 (strict
 * policy: an invalid sequence; the whole chunk is then refused, nothing of it is fed, and the
 * tokenizer stays usable). */
WENSHU_API wenshu_status wenshu_tokenizer_feed(wenshu_tokenizer *t, const char *data, size_t len);
/* Declares the end of the stream; next then returns every remaining token. Calling it again is a
 * no-op. Errors: WENSHU_E_INVALID_ARGUMENT, WENSHU_E_INVALID_UTF8 (strict policy: the stream ends
 * inside a character; the tokenizer is then not finished, so the caller may feed the rest). */
WENSHU_API wenshu_status wenshu_tokenizer_finish(wenshu_tokenizer *t);
/* Fills *out with the next final token and returns WENSHU_OK; or returns WENSHU_NEED_INPUT (feed
 * more or finish) or WENSHU_DONE (finished and drained; repeated calls keep returning WENSHU_DONE).
 * Errors: WENSHU_E_INVALID_ARGUMENT (NULL argument). */
WENSHU_API wenshu_status wenshu_tokenizer_next(wenshu_tokenizer *t, wenshu_token *out);
/* Starts a new stream (offsets from 0), keeping buffers. Allowed at any time. */
WENSHU_API wenshu_status wenshu_tokenizer_reset(wenshu_tokenizer *t);
/* Bytes fed but not yet returned in tokens (the carry); 0 for NULL. */
WENSHU_API uint64_t wenshu_tokenizer_pending_bytes(const wenshu_tokenizer *t);
/* Releases the tokenizer and every token it returned. NULL is a no-op. */
WENSHU_API void wenshu_tokenizer_free(wenshu_tokenizer *t);

#ifdef __cplusplus
}
#endif

#endif /* WENSHU_H_ */
