// Compiled with one stage's include root (cmake/WenshuStages.cmake) by the `layering` tests: includes the
// header named by WENSHU_PROBE_HEADER, which the stage may or may not be allowed to see.
#include WENSHU_PROBE_HEADER
