/* Versions readable at compile time and at run time: the one place wenshu's version is written.
 * CMakeLists.txt reads the numbers below for project(VERSION) and the SONAME, and capi/wenshu.h
 * includes this header, so the C ABI, the C++ API, the shared library and the package agree.
 * Plain C macros above, C++ below: the C header includes it too. */
#ifndef WENSHU_VERSION_H_
#define WENSHU_VERSION_H_

#define WENSHU_VERSION_MAJOR 0
#define WENSHU_VERSION_MINOR 1
#define WENSHU_VERSION_PATCH 0
/* The ABI version: the SONAME is libwenshu.so.<WENSHU_ABI_VERSION>; bump it on any incompatible
 * change to capi/wenshu.h. */
#define WENSHU_ABI_VERSION 0

#define WENSHU_VERSION_STRINGIFY_(x) #x
#define WENSHU_VERSION_STRINGIFY(x) WENSHU_VERSION_STRINGIFY_(x)
/* "0.1.0" */
#define WENSHU_VERSION_STRING                                                    \
  WENSHU_VERSION_STRINGIFY(WENSHU_VERSION_MAJOR)                                 \
  "." WENSHU_VERSION_STRINGIFY(WENSHU_VERSION_MINOR) "." WENSHU_VERSION_STRINGIFY( \
      WENSHU_VERSION_PATCH)

#ifdef __cplusplus
#include <string_view>

namespace wenshu {

// The library's version, e.g. "0.1.0"; may differ from WENSHU_VERSION_STRING
// when a host was compiled against other headers than it links.
std::string_view Version();

// The id of the JSON schema that Report serializes to.
inline constexpr std::string_view kReportSchema = "wenshu.report/1";

}  // namespace wenshu
#endif  /* __cplusplus */

#endif  /* WENSHU_VERSION_H_ */
