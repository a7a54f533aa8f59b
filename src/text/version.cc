#include "wenshu/version.h"

namespace wenshu {

std::string_view Version() { return WENSHU_VERSION_STRING; }

}  // namespace wenshu
