// Versions readable at compile time and at run time.
#ifndef WENSHU_VERSION_H_
#define WENSHU_VERSION_H_

#include <string_view>

#define WENSHU_VERSION_MAJOR 0
#define WENSHU_VERSION_MINOR 1
#define WENSHU_VERSION_PATCH 0
#define WENSHU_VERSION_STRING "0.1.0"

namespace wenshu {

// The library's version, e.g. "0.1.0"; may differ from WENSHU_VERSION_STRING
// when a host was compiled against other headers than it links.
std::string_view Version();

// The id of the JSON schema that Report serializes to.
inline constexpr std::string_view kReportSchema = "wenshu.report/1";

}  // namespace wenshu

#endif  // WENSHU_VERSION_H_
