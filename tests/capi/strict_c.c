/* A client of the C ABI in strict C99 (-std=c99 -pedantic -Werror) that includes only wenshu.h and links
 * only libwenshu.so. It calls every function of the header, correctly and wrongly, and checks statuses,
 * messages and ownership rules. Usage: capi_strict_c DATA_DIR (holding sample_report.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wenshu.h"

static int failures = 0;

#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
      ++failures;                                                                \
    }                                                                            \
  } while (0)

#define CHECK_STATUS(expr, expected)                                             \
  do {                                                                           \
    wenshu_status got_ = (expr);                                                 \
    if (got_ != (expected)) {                                                    \
      fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d; last error: %s\n", \
              __FILE__, __LINE__, #expr, (int)got_, wenshu_status_string(got_),  \
              (int)(expected), wenshu_last_error());                             \
      ++failures;                                                                \
    }                                                                            \
  } while (0)

/* True if the last error mentions `needle`. */
static int last_error_mentions(const char *needle) {
  return strstr(wenshu_last_error(), needle) != NULL;
}

static char *read_file(const char *dir, const char *name, size_t *len) {
  char path[4096];
  FILE *f;
  char *data;
  long size;
  sprintf(path, "%.4000s/%.80s", dir, name);
  f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  data = (char *)malloc((size_t)size + 1);
  if (data == NULL || fread(data, 1, (size_t)size, f) != (size_t)size) exit(2);
  fclose(f);
  data[size] = '\0';
  *len = (size_t)size;
  return data;
}

static void test_versions(void) {
  const char *v = wenshu_version();
  char expected[32];
  sprintf(expected, "%d.%d.%d", WENSHU_VERSION_MAJOR, WENSHU_VERSION_MINOR, WENSHU_VERSION_PATCH);
  CHECK(v != NULL && strcmp(v, expected) == 0);
  CHECK(wenshu_abi_version() == WENSHU_ABI_VERSION);
  CHECK(strcmp(wenshu_report_schema(), "wenshu.report/1") == 0);
}

static void test_status_strings(void) {
  CHECK(strcmp(wenshu_status_string(WENSHU_OK), "ok") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_NEED_INPUT), "need more input") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_DONE), "done") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_E_INVALID_ARGUMENT), "invalid argument") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_E_INVALID_UTF8), "invalid UTF-8") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_E_NO_MEMORY), "out of memory") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_E_IO), "input/output error") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_E_WRONG_ORDER), "call out of order") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_E_LIMIT), "limit exceeded") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_E_INTERNAL), "internal error") == 0);
  CHECK(strcmp(wenshu_status_string(WENSHU_E_VERSION), "unknown options version") == 0);
  /* Codes are fixed forever. */
  CHECK(WENSHU_OK == 0 && WENSHU_NEED_INPUT == 1 && WENSHU_DONE == 2);
  CHECK(WENSHU_E_INVALID_ARGUMENT == -1 && WENSHU_E_INVALID_UTF8 == -2 && WENSHU_E_NO_MEMORY == -3);
  CHECK(WENSHU_E_IO == -4 && WENSHU_E_WRONG_ORDER == -5 && WENSHU_E_LIMIT == -6);
  CHECK(WENSHU_E_INTERNAL == -7 && WENSHU_E_VERSION == -8);
  /* An unknown code still gets a string. */
  CHECK(strcmp(wenshu_status_string((wenshu_status)-1000), "unknown status") == 0);
  CHECK(strcmp(wenshu_status_string((wenshu_status)77), "unknown status") == 0);
}

static void test_options(void) {
  wenshu_options opts;
  memset(&opts, 0xAB, sizeof opts);
  CHECK_STATUS(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  CHECK(strcmp(wenshu_last_error(), "") == 0);
  CHECK(opts.version == WENSHU_OPTIONS_VERSION);
  CHECK(opts.utf8_policy == WENSHU_UTF8_FLAG);
  CHECK(opts.disabled_rules == NULL);
  CHECK(opts.source_name == NULL);
  CHECK(opts.min_confidence == 0.5);

  CHECK_STATUS(wenshu_options_init(NULL, WENSHU_OPTIONS_VERSION), WENSHU_E_INVALID_ARGUMENT);
  CHECK(last_error_mentions("wenshu_options_init"));
  CHECK_STATUS(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION + 1), WENSHU_E_VERSION);
  CHECK_STATUS(wenshu_options_init(&opts, 0), WENSHU_E_VERSION);
  /* A successful call clears the previous error. */
  CHECK_STATUS(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  CHECK(strcmp(wenshu_last_error(), "") == 0);
}

static void test_repair_rules(void) {
  size_t n = wenshu_repair_rule_count(), i;
  CHECK(n >= 1);
  for (i = 0; i < n; ++i) {
    const char *id = wenshu_repair_rule_id(i);
    const char *description = wenshu_repair_rule_description(i);
    CHECK(id != NULL && strlen(id) > 0 && strchr(id, '.') != NULL);
    CHECK(description != NULL && strlen(description) > 0);
  }
  CHECK(wenshu_repair_rule_id(n) == NULL);
  CHECK(wenshu_repair_rule_description(n) == NULL);
  CHECK(wenshu_repair_rule_id((size_t)-1) == NULL);
}

/* Replays the records over the original and compares with the repaired text: the log is exact. */
static void check_records_replay(const char *original, size_t original_len,
                                 const wenshu_repair_result *result) {
  size_t text_len = 0, n = wenshu_repair_result_record_count(result), i, at = 0, out_len = 0;
  const char *text = wenshu_repair_result_text(result, &text_len);
  char *out = (char *)malloc(original_len * 2 + 64);
  for (i = 0; i < n; ++i) {
    wenshu_repair_record r;
    CHECK_STATUS(wenshu_repair_result_record(result, i, &r), WENSHU_OK);
    CHECK(r.begin >= at && r.end >= r.begin && r.end <= original_len);
    CHECK(r.before_len == r.end - r.begin && memcmp(r.before, original + r.begin, r.before_len) == 0);
    CHECK(r.rule != NULL && strlen(r.rule) == r.rule_len);
    CHECK(r.confidence >= 0.0 && r.confidence <= 1.0);
    CHECK(r.reason != NULL && r.reason_len > 0);
    memcpy(out + out_len, original + at, (size_t)(r.begin - at));
    out_len += (size_t)(r.begin - at);
    memcpy(out + out_len, r.after, r.after_len);
    out_len += r.after_len;
    at = (size_t)r.end;
  }
  memcpy(out + out_len, original + at, original_len - at);
  out_len += original_len - at;
  CHECK(out_len == text_len && memcmp(out, text, text_len) == 0);
  free(out);
}

static void test_repair(const char *sample, size_t sample_len) {
  wenshu_repair_result *result = (wenshu_repair_result *)&failures; /* must be overwritten */
  wenshu_options opts;
  wenshu_repair_record record;
  wenshu_repair_flag flag;
  size_t len = 0, i;
  const char *json;
  static const char invalid[] = "abc\xff\xfe def \xe4\xb8";  /* two bad bytes and a cut character */

  /* Defaults, NULL options. */
  CHECK_STATUS(wenshu_repair(sample, sample_len, NULL, &result), WENSHU_OK);
  CHECK(result != NULL);
  CHECK(wenshu_repair_result_text(result, &len) != NULL);
  CHECK(wenshu_repair_result_text(result, NULL) != NULL);
  check_records_replay(sample, sample_len, result);
  json = wenshu_repair_result_json(result, &len);
  CHECK(json != NULL && len == strlen(json) && json[0] == '{');
  CHECK(strstr(json, "\"records\"") != NULL && strstr(json, "\"diagnosis\"") != NULL);
  CHECK(wenshu_repair_result_json(result, NULL) == json); /* cached */
  for (i = 0; i < wenshu_repair_result_flag_count(result); ++i) {
    CHECK_STATUS(wenshu_repair_result_flag(result, i, &flag), WENSHU_OK);
    CHECK(flag.end >= flag.begin && flag.end <= sample_len);
    CHECK(flag.text_len == flag.end - flag.begin);
    CHECK(memcmp(flag.text, sample + flag.begin, flag.text_len) == 0);
  }
  /* Out of range and NULL accessors. */
  CHECK_STATUS(wenshu_repair_result_record(result, wenshu_repair_result_record_count(result), &record),
               WENSHU_E_INVALID_ARGUMENT);
  CHECK(last_error_mentions("out of range"));
  CHECK_STATUS(wenshu_repair_result_flag(result, wenshu_repair_result_flag_count(result), &flag),
               WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_repair_result_record(result, 0, NULL), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_repair_result_flag(NULL, 0, &flag), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_repair_result_record(NULL, 0, &record), WENSHU_E_INVALID_ARGUMENT);
  CHECK(wenshu_repair_result_text(NULL, &len) == NULL && len == 0);
  CHECK(wenshu_repair_result_json(NULL, &len) == NULL && len == 0);
  CHECK(wenshu_repair_result_record_count(NULL) == 0);
  CHECK(wenshu_repair_result_flag_count(NULL) == 0);
  wenshu_repair_result_free(result);
  wenshu_repair_result_free(NULL);

  /* Misuse: NULL out, NULL data with a length. The out-parameter is NULL after a failure. */
  CHECK_STATUS(wenshu_repair(sample, sample_len, NULL, NULL), WENSHU_E_INVALID_ARGUMENT);
  result = (wenshu_repair_result *)&failures;
  CHECK_STATUS(wenshu_repair(NULL, 5, NULL, &result), WENSHU_E_INVALID_ARGUMENT);
  CHECK(result == NULL);
  CHECK(last_error_mentions("wenshu_repair") && last_error_mentions("NULL"));
  /* Empty input is fine, with or without a pointer. */
  CHECK_STATUS(wenshu_repair(NULL, 0, NULL, &result), WENSHU_OK);
  CHECK(wenshu_repair_result_text(result, &len) != NULL && len == 0);
  wenshu_repair_result_free(result);

  /* Options: versions and validation. */
  CHECK_STATUS(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  opts.version = WENSHU_OPTIONS_VERSION + 1;
  CHECK_STATUS(wenshu_repair(sample, sample_len, &opts, &result), WENSHU_E_VERSION);
  opts.version = 0;
  CHECK_STATUS(wenshu_repair(sample, sample_len, &opts, &result), WENSHU_E_VERSION);
  opts.version = WENSHU_OPTIONS_VERSION;
  opts.min_confidence = 1.5;
  CHECK_STATUS(wenshu_repair(sample, sample_len, &opts, &result), WENSHU_E_INVALID_ARGUMENT);
  CHECK(last_error_mentions("min_confidence"));
  opts.min_confidence = -0.1;
  CHECK_STATUS(wenshu_repair(sample, sample_len, &opts, &result), WENSHU_E_INVALID_ARGUMENT);
  opts.min_confidence = 0.5;
  opts.utf8_policy = 7;
  CHECK_STATUS(wenshu_repair(sample, sample_len, &opts, &result), WENSHU_E_INVALID_ARGUMENT);
  opts.utf8_policy = WENSHU_UTF8_FLAG;
  opts.disabled_rules = "no.such_rule";
  CHECK_STATUS(wenshu_repair(sample, sample_len, &opts, &result), WENSHU_E_INVALID_ARGUMENT);
  CHECK(last_error_mentions("no.such_rule"));
  CHECK(result == NULL);

  /* Disabling every rule (a prefix per family) leaves the text byte-identical. */
  {
    char all[4096] = "";
    size_t n = wenshu_repair_rule_count();
    for (i = 0; i < n; ++i) {
      if (i > 0) strcat(all, " , ");
      strcat(all, wenshu_repair_rule_id(i));
    }
    opts.disabled_rules = all;
    CHECK_STATUS(wenshu_repair(sample, sample_len, &opts, &result), WENSHU_OK);
    CHECK(wenshu_repair_result_record_count(result) == 0);
    CHECK(wenshu_repair_result_flag_count(result) == 0);
    CHECK(memcmp(wenshu_repair_result_text(result, &len), sample, sample_len) == 0 &&
          len == sample_len);
    wenshu_repair_result_free(result);
    opts.disabled_rules = NULL;
  }

  /* Invalid UTF-8: flagged and kept by default, an error in strict mode. */
  CHECK_STATUS(wenshu_repair(invalid, sizeof invalid - 1, NULL, &result), WENSHU_OK);
  {
    const char *text = wenshu_repair_result_text(result, &len);
    CHECK(len == sizeof invalid - 1 && memcmp(text, invalid, len) == 0); /* no byte lost */
    CHECK(wenshu_repair_result_flag_count(result) >= 1);
    CHECK_STATUS(wenshu_repair_result_flag(result, 0, &flag), WENSHU_OK);
    CHECK(strcmp(flag.rule, "text.invalid_utf8") == 0 && flag.begin == 3);
    json = wenshu_repair_result_json(result, &len);
    CHECK(json != NULL && strstr(json, "\xef\xbf\xbd") != NULL); /* U+FFFD in JSON */
  }
  wenshu_repair_result_free(result);
  opts.utf8_policy = WENSHU_UTF8_STRICT;
  CHECK_STATUS(wenshu_repair(invalid, sizeof invalid - 1, &opts, &result), WENSHU_E_INVALID_UTF8);
  CHECK(last_error_mentions("byte 3"));
  CHECK(result == NULL);
  /* A document cut mid-character is invalid as a whole document. */
  CHECK_STATUS(wenshu_repair("\xe4\xb8\xad\xe4\xb8", 5, &opts, &result), WENSHU_E_INVALID_UTF8);
  CHECK(last_error_mentions("byte 3"));
  /* Overlong forms and surrogates are invalid too. */
  CHECK_STATUS(wenshu_repair("\xc0\xaf", 2, &opts, &result), WENSHU_E_INVALID_UTF8);
  CHECK_STATUS(wenshu_repair("\xed\xa0\x80", 3, &opts, &result), WENSHU_E_INVALID_UTF8);
  CHECK_STATUS(wenshu_repair("\xf4\x90\x80\x80", 4, &opts, &result), WENSHU_E_INVALID_UTF8);
  CHECK_STATUS(wenshu_repair(sample, sample_len, &opts, &result), WENSHU_OK);
  wenshu_repair_result_free(result);
}


/* Tokenizes data in chunks of `chunk` bytes; returns the concatenated token texts (caller frees) and
 * the token count, checking the invariants of every token on the way. */
static char *tokenize_chunked(const char *data, size_t len, size_t chunk, size_t *out_len,
                              size_t *count, const wenshu_options *opts) {
  wenshu_tokenizer *t = NULL;
  wenshu_token tok;
  wenshu_status s;
  size_t at = 0, n = 0, used = 0;
  uint64_t expect_begin = 0, expect_cp = 0;
  char *out = (char *)malloc(len + 1);
  CHECK_STATUS(wenshu_tokenizer_new(&t, opts), WENSHU_OK);
  for (;;) {
    if (at < len) {
      size_t step = len - at < chunk ? len - at : chunk;
      CHECK_STATUS(wenshu_tokenizer_feed(t, data + at, step), WENSHU_OK);
      at += step;
    } else {
      CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_OK);
    }
    while ((s = wenshu_tokenizer_next(t, &tok)) == WENSHU_OK) {
      CHECK(tok.begin == expect_begin && tok.end > tok.begin);
      CHECK(tok.cp_begin == expect_cp && tok.cp_end > tok.cp_begin);
      CHECK(tok.text_len == tok.end - tok.begin);
      CHECK(memcmp(tok.text, data + tok.begin, tok.text_len) == 0);
      CHECK(wenshu_token_kind_name(tok.kind) != NULL);
      CHECK(tok.norm != NULL || tok.norm_len == 0);
      CHECK(((tok.flags & WENSHU_TOKEN_NORMALIZED) != 0) ==
            (tok.norm_len != tok.text_len || memcmp(tok.norm, tok.text, tok.text_len) != 0));
      memcpy(out + used, tok.text, tok.text_len);
      used += tok.text_len;
      expect_begin = tok.end;
      expect_cp = tok.cp_end;
      ++n;
    }
    if (s == WENSHU_DONE) break;
    CHECK_STATUS(s, WENSHU_NEED_INPUT);
    if (s != WENSHU_NEED_INPUT) break;
  }
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_DONE); /* stays done */
  wenshu_tokenizer_free(t);
  *out_len = used;
  *count = n;
  return out;
}

static void test_tokenizer(const char *sample, size_t sample_len) {
  static const size_t chunks[] = {1, 2, 3, 5, 7, 64, 4096};
  wenshu_tokenizer *t = (wenshu_tokenizer *)&failures;
  wenshu_token tok;
  wenshu_options opts;
  size_t whole_len, whole_count, i, len, count;
  char *whole = tokenize_chunked(sample, sample_len, sample_len + 1, &whole_len, &whole_count, NULL);
  /* Lossless, and identical whatever the chunking (a chunk of 1 byte ends inside every character). */
  CHECK(whole_len == sample_len && memcmp(whole, sample, sample_len) == 0);
  CHECK(whole_count > 10);
  for (i = 0; i < sizeof chunks / sizeof chunks[0]; ++i) {
    char *text = tokenize_chunked(sample, sample_len, chunks[i], &len, &count, NULL);
    CHECK(len == sample_len && memcmp(text, sample, len) == 0);
    CHECK(count == whole_count);
    free(text);
  }
  free(whole);

  /* Kind names. */
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_WORD), "word") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_NUMBER), "number") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_CJK_NUMERAL), "cjk_numeral") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_UNIT), "unit") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_PERCENT), "percent") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_LIST_MARKER), "list_marker") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_PUNCT), "punct") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_LATIN), "latin") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_SPACE), "space") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_NEWLINE), "newline") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_INVALID), "invalid") == 0);
  CHECK(strcmp(wenshu_token_kind_name(WENSHU_TOKEN_OTHER), "other") == 0);
  CHECK(wenshu_token_kind_name(-1) == NULL && wenshu_token_kind_name(12) == NULL);

  /* Misuse: NULL arguments, wrong order. */
  CHECK_STATUS(wenshu_tokenizer_new(NULL, NULL), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_tokenizer_feed(NULL, "a", 1), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_tokenizer_finish(NULL), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_tokenizer_next(NULL, &tok), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_tokenizer_reset(NULL), WENSHU_E_INVALID_ARGUMENT);
  CHECK(wenshu_tokenizer_pending_bytes(NULL) == 0);
  wenshu_tokenizer_free(NULL);
  CHECK_STATUS(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  opts.version = 99;
  CHECK_STATUS(wenshu_tokenizer_new(&t, &opts), WENSHU_E_VERSION);
  CHECK(t == NULL);
  CHECK_STATUS(wenshu_tokenizer_new(&t, NULL), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_next(t, NULL), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_NEED_INPUT); /* nothing fed yet */
  CHECK_STATUS(wenshu_tokenizer_feed(t, NULL, 3), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_tokenizer_feed(t, NULL, 0), WENSHU_OK);
  /* A chunk ending inside a character: the character is held back, not split or lost. */
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xe4\xb8", 2), WENSHU_OK);
  CHECK(wenshu_tokenizer_pending_bytes(t) == 2);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xad", 1), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_OK); /* idempotent */
  CHECK_STATUS(wenshu_tokenizer_feed(t, "x", 1), WENSHU_E_WRONG_ORDER);
  CHECK(last_error_mentions("after finish"));
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_OK);
  CHECK(tok.begin == 0 && tok.end == 3 && tok.cp_end == 1 && memcmp(tok.text, "\xe4\xb8\xad", 3) == 0);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_DONE);
  /* Reset starts a new stream with offsets from 0. */
  CHECK_STATUS(wenshu_tokenizer_reset(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "abc", 3), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_OK);
  CHECK(tok.begin == 0 && tok.end == 3 && tok.kind == WENSHU_TOKEN_LATIN);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_DONE);

  /* Invalid UTF-8, default policy: kept in an invalid token, never dropped. */
  CHECK_STATUS(wenshu_tokenizer_reset(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "a\xff" "b", 3), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_OK);
  CHECK(tok.kind == WENSHU_TOKEN_LATIN && tok.end == 1);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_OK);
  CHECK(tok.kind == WENSHU_TOKEN_INVALID && tok.begin == 1 && tok.end == 2 && tok.text[0] == '\xff');
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_OK);
  CHECK(tok.kind == WENSHU_TOKEN_LATIN && tok.begin == 2);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_DONE);
  /* A stream that ends inside a character: the cut bytes come out as an invalid token. */
  CHECK_STATUS(wenshu_tokenizer_reset(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xe4\xb8", 2), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_OK);
  CHECK(tok.kind == WENSHU_TOKEN_INVALID && tok.text_len == 2);
  CHECK_STATUS(wenshu_tokenizer_next(t, &tok), WENSHU_DONE);
  wenshu_tokenizer_free(t);

  /* Strict policy: a cut character waits for the next chunk; a bad byte refuses the chunk. */
  opts.version = WENSHU_OPTIONS_VERSION;
  opts.utf8_policy = WENSHU_UTF8_STRICT;
  CHECK_STATUS(wenshu_tokenizer_new(&t, &opts), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "ab\xe4", 3), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xb8", 1), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xad" "c\xff", 3), WENSHU_E_INVALID_UTF8);
  CHECK(last_error_mentions("byte 6"));
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xad", 1), WENSHU_OK); /* the refused chunk fed nothing */
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xe4\xb8", 2), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_E_INVALID_UTF8); /* ends mid-character */
  CHECK(last_error_mentions("byte 5"));
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xad", 1), WENSHU_OK);  /* not finished: complete it */
  CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_OK);
  len = 0;
  count = 0;
  while (wenshu_tokenizer_next(t, &tok) == WENSHU_OK) {
    CHECK(tok.kind != WENSHU_TOKEN_INVALID);
    len += tok.text_len;
    ++count;
  }
  CHECK(len == 8);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xe4", 1), WENSHU_E_WRONG_ORDER);
  /* A continuation byte without a lead, an overlong form, cut across chunks. */
  CHECK_STATUS(wenshu_tokenizer_reset(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\xe0", 1), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\x80\x80", 2), WENSHU_E_INVALID_UTF8);
  CHECK(last_error_mentions("byte 0"));
  CHECK_STATUS(wenshu_tokenizer_reset(t), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_feed(t, "\x80", 1), WENSHU_E_INVALID_UTF8);
  wenshu_tokenizer_free(t);
}

static void test_parse(const char *sample, size_t sample_len) {
  wenshu_report *report = (wenshu_report *)&failures;
  wenshu_options opts;
  size_t len = 0, count = 0, item;
  const char *json, *title, *text;
  static const char invalid[] = "\xe4\xb8\xad\xff\xe4\xb8";

  CHECK_STATUS(wenshu_parse(sample, sample_len, NULL, &report), WENSHU_OK);
  json = wenshu_report_json(report, &len);
  CHECK(json != NULL && len == strlen(json) && json[0] == '{');
  CHECK(strstr(json, "\"schema\":\"wenshu.report/1\"") != NULL); /* compact by default */
  CHECK(wenshu_report_json(report, NULL) == json);               /* cached */
  text = wenshu_report_text(report, &len);
  CHECK(text != NULL && len > 0 && strlen(text) == len);
  title = wenshu_report_title(report, &len);
  CHECK(title == NULL || strlen(title) == len);
  for (item = WENSHU_REPORT_SECTIONS; item <= WENSHU_REPORT_FAILED_CHECKS; ++item) {
    CHECK_STATUS(wenshu_report_count(report, (int)item, &count), WENSHU_OK);
  }
  CHECK_STATUS(wenshu_report_count(report, WENSHU_REPORT_QUANTITIES, &count), WENSHU_OK);
  CHECK(count >= 5);
  CHECK_STATUS(wenshu_report_count(report, WENSHU_REPORT_SECTIONS, &count), WENSHU_OK);
  CHECK(count >= 3);
  CHECK_STATUS(wenshu_report_count(report, 8, &count), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_report_count(report, -1, &count), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_report_count(report, WENSHU_REPORT_DATES, NULL), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_report_count(NULL, WENSHU_REPORT_DATES, &count), WENSHU_E_INVALID_ARGUMENT);
  wenshu_report_free(report);
  wenshu_report_free(NULL);
  CHECK(wenshu_report_json(NULL, &len) == NULL && len == 0);
  CHECK(last_error_mentions("NULL"));
  CHECK(wenshu_report_title(NULL, &len) == NULL && len == 0);
  CHECK(wenshu_report_text(NULL, &len) == NULL && len == 0);

  /* Options reach the report: source name, id, line, external title, pretty JSON. */
  CHECK_STATUS(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  opts.source_name = "reports/sample.txt";
  opts.source_id = "doc-7";
  opts.source_line = 7;
  opts.pretty_json = 1;
  CHECK_STATUS(wenshu_parse(sample, sample_len, &opts, &report), WENSHU_OK);
  json = wenshu_report_json(report, &len);
  CHECK(json != NULL && strstr(json, "reports/sample.txt") != NULL && strstr(json, "doc-7") != NULL);
  CHECK(strchr(json, '\n') != NULL); /* indented */
  wenshu_report_free(report);
  opts.title = "外部标题";
  {
    static const char no_title[] = "一、概况\n全年增长5%。\n";
    CHECK_STATUS(wenshu_parse(no_title, sizeof no_title - 1, &opts, &report), WENSHU_OK);
  }
  title = wenshu_report_title(report, &len);
  CHECK(title != NULL && strcmp(title, "外部标题") == 0 && len == strlen("外部标题"));
  wenshu_report_free(report);

  /* Misuse. */
  CHECK_STATUS(wenshu_parse(sample, sample_len, NULL, NULL), WENSHU_E_INVALID_ARGUMENT);
  report = (wenshu_report *)&failures;
  CHECK_STATUS(wenshu_parse(NULL, 1, NULL, &report), WENSHU_E_INVALID_ARGUMENT);
  CHECK(report == NULL);
  opts.source_line = -1;
  CHECK_STATUS(wenshu_parse(sample, sample_len, &opts, &report), WENSHU_E_INVALID_ARGUMENT);
  opts.source_line = 0;
  opts.max_bytes = 0;
  CHECK_STATUS(wenshu_parse(sample, sample_len, &opts, &report), WENSHU_E_INVALID_ARGUMENT);
  opts.max_bytes = 100;
  CHECK_STATUS(wenshu_parse(sample, sample_len, &opts, &report), WENSHU_E_LIMIT);
  CHECK(last_error_mentions("max_bytes"));
  opts.max_bytes = (uint64_t)1 << 20;
  opts.version = WENSHU_OPTIONS_VERSION + 1;
  CHECK_STATUS(wenshu_parse(sample, sample_len, &opts, &report), WENSHU_E_VERSION);
  opts.version = WENSHU_OPTIONS_VERSION;

  /* Empty input parses to an empty report. */
  CHECK_STATUS(wenshu_parse(NULL, 0, NULL, &report), WENSHU_OK);
  CHECK(wenshu_report_text(report, &len) != NULL && len == 0);
  CHECK(wenshu_report_json(report, &len) != NULL);
  wenshu_report_free(report);

  /* Invalid UTF-8: parsed and flagged by default (U+FFFD in JSON), refused in strict mode. */
  CHECK_STATUS(wenshu_parse(invalid, sizeof invalid - 1, NULL, &report), WENSHU_OK);
  CHECK_STATUS(wenshu_report_count(report, WENSHU_REPORT_FLAGS, &count), WENSHU_OK);
  CHECK(count >= 1);
  json = wenshu_report_json(report, &len);
  CHECK(json != NULL && strstr(json, "\xef\xbf\xbd") != NULL);
  text = wenshu_report_text(report, &len);
  CHECK(len == sizeof invalid - 1 && memcmp(text, invalid, len) == 0); /* no byte lost */
  wenshu_report_free(report);
  opts.utf8_policy = WENSHU_UTF8_STRICT;
  CHECK_STATUS(wenshu_parse(invalid, sizeof invalid - 1, &opts, &report), WENSHU_E_INVALID_UTF8);
  CHECK(last_error_mentions("byte 3"));
  CHECK_STATUS(wenshu_parse(invalid, 3, &opts, &report), WENSHU_OK);
  wenshu_report_free(report);
}

static void test_dictionary(void) {
  static const char words[] = "教育经费支出 100\n全县\n";
  static const char text[] = "全县教育经费支出";
  wenshu_dictionary *dict = (wenshu_dictionary *)&failures;
  wenshu_tokenizer *t = NULL;
  wenshu_token tok;
  size_t n = 0;

  CHECK_STATUS(wenshu_dictionary_from_text(&dict, words, sizeof words - 1), WENSHU_OK);
  CHECK(wenshu_dictionary_word_count(dict) == 2);
  CHECK_STATUS(wenshu_tokenizer_new_with_dictionary(&t, dict, NULL), WENSHU_OK);
  wenshu_dictionary_free(dict); /* the tokenizer keeps the table */
  CHECK_STATUS(wenshu_tokenizer_feed(t, text, sizeof text - 1), WENSHU_OK);
  CHECK_STATUS(wenshu_tokenizer_finish(t), WENSHU_OK);
  while (wenshu_tokenizer_next(t, &tok) == WENSHU_OK) {
    CHECK(tok.kind == WENSHU_TOKEN_WORD && (tok.flags & WENSHU_TOKEN_IN_DICTIONARY) != 0);
    ++n;
  }
  CHECK(n == 2); /* 全县 | 教育经费支出: the caller's words */
  wenshu_tokenizer_free(t);
  /* NULL dictionary = the built-in one. */
  CHECK_STATUS(wenshu_tokenizer_new_with_dictionary(&t, NULL, NULL), WENSHU_OK);
  wenshu_tokenizer_free(t);

  /* Misuse and bad content: clear errors, never an abort. */
  CHECK_STATUS(wenshu_dictionary_from_text(NULL, words, 3), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_dictionary_from_text(&dict, NULL, 3), WENSHU_E_INVALID_ARGUMENT);
  CHECK(dict == NULL);
  CHECK_STATUS(wenshu_dictionary_from_text(&dict, "词 abc\n", 8), WENSHU_E_INVALID_ARGUMENT);
  CHECK(last_error_mentions("line 1"));
  CHECK_STATUS(wenshu_dictionary_from_text(&dict, "", 0), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_dictionary_load(&dict, NULL), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_dictionary_load(NULL, "x"), WENSHU_E_INVALID_ARGUMENT);
  CHECK_STATUS(wenshu_dictionary_load(&dict, "/nonexistent/wenshu/dict.txt"), WENSHU_E_IO);
  CHECK(last_error_mentions("/nonexistent/wenshu/dict.txt"));
  CHECK(dict == NULL);
  /* A path that opens but cannot be read (a directory) is an I/O error too, not invalid UTF-8. */
  CHECK_STATUS(wenshu_dictionary_load(&dict, "/"), WENSHU_E_IO);
  CHECK(last_error_mentions("Is a directory"));
  CHECK(dict == NULL);
  CHECK(wenshu_dictionary_word_count(NULL) == 0);
  wenshu_dictionary_free(NULL);
}

int main(int argc, char **argv) {
  size_t sample_len = 0;
  char *sample;
  if (argc < 2) {
    fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
    return 2;
  }
  sample = read_file(argv[1], "sample_report.txt", &sample_len);
  test_versions();
  test_status_strings();
  test_options();
  test_repair_rules();
  test_repair(sample, sample_len);
  test_tokenizer(sample, sample_len);
  test_parse(sample, sample_len);
  test_dictionary();
  free(sample);
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("all C ABI checks passed\n");
  return 0;
}
