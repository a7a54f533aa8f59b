/* first_parse FILE: the cost of wenshu_parse in a fresh process, as a Python user calling wenshu.parse
 * once pays it. Prints the first call's wall time (tables loaded on first use: word table, spun-vocabulary
 * model, rule patterns) and the second call's (warm), in milliseconds of wall and of CPU time, and the page
 * faults each call took (a table or code page touched for the first time). bench/startup.sh runs it in many
 * fresh processes and reports medians. */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "wenshu.h"

static double NowMs(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static long PageFaults(void) {
  struct rusage usage;
  getrusage(RUSAGE_THREAD, &usage);
  return usage.ru_minflt + usage.ru_majflt;
}

/* Wall time, and the thread's CPU time (user and kernel: page faults count), which a machine shared
 * with other jobs disturbs less. */
static int ParseOnce(const char *data, size_t len, double *ms, double *cpu_ms, long *faults) {
  wenshu_report *report = NULL;
  const long faults_before = PageFaults();
  const double start = NowMs(CLOCK_MONOTONIC), cpu_start = NowMs(CLOCK_THREAD_CPUTIME_ID);
  wenshu_status status = wenshu_parse(data, len, NULL, &report);
  *ms = NowMs(CLOCK_MONOTONIC) - start;
  *cpu_ms = NowMs(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
  *faults = PageFaults() - faults_before;
  if (status != WENSHU_OK) {
    fprintf(stderr, "first_parse: %s\n", wenshu_last_error());
    return 1;
  }
  wenshu_report_free(report);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: first_parse FILE\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  if (in == NULL) {
    perror(argv[1]);
    return 1;
  }
  size_t cap = 1 << 16, len = 0, n;
  char *data = malloc(cap);
  while (data != NULL && (n = fread(data + len, 1, cap - len, in)) > 0) {
    len += n;
    if (len == cap) data = realloc(data, cap *= 2);
  }
  fclose(in);
  if (data == NULL) return 1;
  double first = 0, second = 0, first_cpu = 0, second_cpu = 0;
  long first_faults = 0, second_faults = 0;
  if (ParseOnce(data, len, &first, &first_cpu, &first_faults) != 0 ||
      ParseOnce(data, len, &second, &second_cpu, &second_faults) != 0) {
    return 1;
  }
  printf("bytes %zu first_ms %.3f second_ms %.3f first_cpu_ms %.3f second_cpu_ms %.3f first_faults %ld second_faults %ld\n",
         len, first, second, first_cpu, second_cpu, first_faults, second_faults);
  free(data);
  return 0;
}
