// Helpers shared by the fuzz targets. A failed check aborts, which libFuzzer and the replay driver
// both report as a crash with the input that caused it.
#ifndef WENSHU_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define WENSHU_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

#endif  // WENSHU_TESTS_FUZZ_FUZZ_SUPPORT_H_
