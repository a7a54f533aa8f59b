/* A C host of libwenshu: parses one report file and prints its title and what was found.
 *
 *   cc -std=c99 parse_report.c $(pkg-config --cflags --libs wenshu) -o parse_report
 *   ./parse_report report.txt            # title and counts
 *   ./parse_report report.txt --json     # the "wenshu.report/1" JSON, as `wenshu parse` prints it
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wenshu.h>

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  size_t cap = 0, used = 0, n;
  if (f == NULL) return NULL;
  do {
    if (used == cap) {
      char *grown;
      cap = cap == 0 ? 65536 : cap * 2;
      grown = (char *)realloc(data, cap);
      if (grown == NULL) {
        free(data);
        fclose(f);
        return NULL;
      }
      data = grown;
    }
    n = fread(data + used, 1, cap - used, f);
    used += n;
  } while (n > 0);
  fclose(f);
  *len = used;
  return data;
}

int main(int argc, char **argv) {
  static const struct {
    int item;
    const char *label;
  } items[] = {
      {WENSHU_REPORT_SECTIONS, "sections"}, {WENSHU_REPORT_QUANTITIES, "quantities"},
      {WENSHU_REPORT_CHANGES, "changes"},   {WENSHU_REPORT_DATES, "dates"},
      {WENSHU_REPORT_REPAIRS, "repairs"},   {WENSHU_REPORT_FLAGS, "flags"},
      {WENSHU_REPORT_CHECKS, "checks"},     {WENSHU_REPORT_FAILED_CHECKS, "failed checks"},
  };
  wenshu_options opts;
  wenshu_report *report = NULL;
  wenshu_status status;
  size_t len = 0, i;
  char *data;
  const char *title;

  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE [--json]\n", argv[0]);
    return 2;
  }
  /* A host compiled against one ABI must not run against another. */
  if (wenshu_abi_version() != WENSHU_ABI_VERSION) {
    fprintf(stderr, "libwenshu %s has ABI %d, this program was built for %d\n", wenshu_version(),
            wenshu_abi_version(), WENSHU_ABI_VERSION);
    return 1;
  }
  data = read_file(argv[1], &len);
  if (data == NULL) {
    perror(argv[1]);
    return 1;
  }

  status = wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION);
  if (status == WENSHU_OK) {
    opts.source_name = argv[1];
    opts.pretty_json = 1;
    status = wenshu_parse(data, len, &opts, &report);
  }
  free(data); /* the report keeps what it needs */
  if (status != WENSHU_OK) {
    fprintf(stderr, "%s: %s (%s)\n", argv[1], wenshu_last_error(), wenshu_status_string(status));
    return 1;
  }

  if (argc > 2 && strcmp(argv[2], "--json") == 0) {
    const char *json = wenshu_report_json(report, &len);
    if (json == NULL) {
      fprintf(stderr, "%s: %s\n", argv[1], wenshu_last_error());
      wenshu_report_free(report);
      return 1;
    }
    fwrite(json, 1, len, stdout);
    fputc('\n', stdout);
  } else {
    title = wenshu_report_title(report, &len);
    printf("title: %s\n", title != NULL ? title : "(none)");
    for (i = 0; i < sizeof items / sizeof items[0]; ++i) {
      size_t count = 0;
      if (wenshu_report_count(report, items[i].item, &count) == WENSHU_OK) {
        printf("%s: %lu\n", items[i].label, (unsigned long)count);
      }
    }
  }
  wenshu_report_free(report);
  return 0;
}
