/* Many threads through the C ABI at once: every result must be identical to the single-threaded one.
 * Run under ThreadSanitizer by the tsan preset (label `concurrency`).
 * Usage: capi_threads DATA_DIR [THREADS] */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wenshu.h"

enum { kRounds = 20, kMaxThreads = 64 };

static const char *sample;
static size_t sample_len;
static char *expected_repair_json;
static size_t expected_repair_len;
static char *expected_report_json;
static size_t expected_report_len;
static uint64_t expected_token_hash;

static char *copy_bytes(const char *data, size_t len) {
  char *copy = (char *)malloc(len + 1);
  if (copy == NULL) exit(2);
  memcpy(copy, data, len);
  copy[len] = '\0';
  return copy;
}

/* The repair result's JSON for the sample, or NULL on failure. */
static char *repair_json(size_t *len) {
  wenshu_repair_result *result = NULL;
  const char *json;
  char *copy;
  if (wenshu_repair(sample, sample_len, NULL, &result) != WENSHU_OK) return NULL;
  json = wenshu_repair_result_json(result, len);
  copy = json == NULL ? NULL : copy_bytes(json, *len);
  wenshu_repair_result_free(result);
  return copy;
}

/* The report's JSON for the sample, or NULL on failure. */
static char *report_json(size_t *len) {
  wenshu_report *report = NULL;
  const char *json;
  char *copy;
  wenshu_options opts;
  if (wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION) != WENSHU_OK) return NULL;
  opts.source_name = "sample_report.txt";
  if (wenshu_parse(sample, sample_len, &opts, &report) != WENSHU_OK) return NULL;
  json = wenshu_report_json(report, len);
  copy = json == NULL ? NULL : copy_bytes(json, *len);
  wenshu_report_free(report);
  return copy;
}

/* FNV-1a over every token's kind, flags, offsets and bytes, tokenizing in chunks of `chunk` bytes. */
static uint64_t token_hash(size_t chunk) {
  wenshu_tokenizer *t = NULL;
  wenshu_token tok;
  uint64_t h = 1469598103934665603u;
  size_t at = 0, i;
  wenshu_status s;
  if (wenshu_tokenizer_new(&t, NULL) != WENSHU_OK) return 0;
  for (;;) {
    if (at < sample_len) {
      size_t step = sample_len - at < chunk ? sample_len - at : chunk;
      if (wenshu_tokenizer_feed(t, sample + at, step) != WENSHU_OK) break;
      at += step;
    } else if (wenshu_tokenizer_finish(t) != WENSHU_OK) {
      break;
    }
    while ((s = wenshu_tokenizer_next(t, &tok)) == WENSHU_OK) {
      uint64_t fields[6];
      fields[0] = (uint64_t)tok.kind;
      fields[1] = tok.flags;
      fields[2] = tok.begin;
      fields[3] = tok.end;
      fields[4] = tok.cp_begin;
      fields[5] = tok.cp_end;
      for (i = 0; i < sizeof fields; ++i) h = (h ^ ((const unsigned char *)fields)[i]) * 1099511628211u;
      for (i = 0; i < tok.norm_len; ++i) h = (h ^ (unsigned char)tok.norm[i]) * 1099511628211u;
    }
    if (s == WENSHU_DONE) break;
  }
  wenshu_tokenizer_free(t);
  return h;
}

/* Shared results read by all threads at once: their accessors are documented thread-safe, and their
 * JSON is built lazily by whichever thread asks first. */
static wenshu_repair_result *shared_result;
static wenshu_report *shared_report;

static void *worker(void *arg) {
  int round;
  long mismatches = 0;
  (void)arg;
  for (round = 0; round < kRounds; ++round) {
    size_t len = 0;
    char *json = repair_json(&len);
    if (json == NULL || len != expected_repair_len || memcmp(json, expected_repair_json, len) != 0) {
      ++mismatches;
    }
    free(json);
    {
      const char *shared = wenshu_repair_result_json(shared_result, &len);
      if (shared == NULL || len != expected_repair_len || memcmp(shared, expected_repair_json, len) != 0) {
        ++mismatches;
      }
    }
    json = report_json(&len);
    if (json == NULL || len != expected_report_len || memcmp(json, expected_report_json, len) != 0) {
      ++mismatches;
    }
    free(json);
    {
      const char *shared = wenshu_report_json(shared_report, &len);
      if (shared == NULL || len != expected_report_len || memcmp(shared, expected_report_json, len) != 0) {
        ++mismatches;
      }
    }
    /* Each thread its own tokenizer; a different chunking per round must not change anything. */
    if (token_hash((size_t)(round % 7) * 13 + 1) != expected_token_hash) ++mismatches;
  }
  return (void *)mismatches;
}

int main(int argc, char **argv) {
  pthread_t threads[kMaxThreads];
  int n_threads = argc > 2 ? atoi(argv[2]) : 8, i;
  long mismatches = 0;
  char path[4096];
  FILE *f;
  long size;
  char *data;
  if (argc < 2 || n_threads < 1 || n_threads > kMaxThreads) {
    fprintf(stderr, "usage: %s DATA_DIR [THREADS<=%d]\n", argv[0], kMaxThreads);
    return 2;
  }
  snprintf(path, sizeof path, "%s/sample_report.txt", argv[1]);
  f = fopen(path, "rb");
  if (f == NULL) return 2;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  data = (char *)malloc((size_t)size);
  if (data == NULL || fread(data, 1, (size_t)size, f) != (size_t)size) return 2;
  fclose(f);
  sample = data;
  sample_len = (size_t)size;

  /* The single-threaded answers, computed before any thread starts. */
  expected_repair_json = repair_json(&expected_repair_len);
  if (expected_repair_json == NULL) {
    fprintf(stderr, "repair failed: %s\n", wenshu_last_error());
    return 1;
  }
  expected_report_json = report_json(&expected_report_len);
  if (expected_report_json == NULL) {
    fprintf(stderr, "parse failed: %s\n", wenshu_last_error());
    return 1;
  }
  expected_token_hash = token_hash(sample_len + 1);
  if (wenshu_repair(sample, sample_len, NULL, &shared_result) != WENSHU_OK) return 1;
  {
    wenshu_options opts;
    if (wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION) != WENSHU_OK) return 1;
    opts.source_name = "sample_report.txt";
    if (wenshu_parse(sample, sample_len, &opts, &shared_report) != WENSHU_OK) return 1;
  }

  for (i = 0; i < n_threads; ++i) {
    if (pthread_create(&threads[i], NULL, worker, NULL) != 0) return 2;
  }
  for (i = 0; i < n_threads; ++i) {
    void *result;
    pthread_join(threads[i], &result);
    mismatches += (long)result;
  }
  wenshu_repair_result_free(shared_result);
  wenshu_report_free(shared_report);
  free(expected_repair_json);
  free(expected_report_json);
  free(data);
  if (mismatches != 0) {
    fprintf(stderr, "%ld results differed from the single-threaded ones\n", mismatches);
    return 1;
  }
  printf("%d threads x %d rounds: all results identical\n", n_threads, kRounds);
  return 0;
}
