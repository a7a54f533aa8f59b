// The RE2 view of a string_view: Debian 12's RE2 takes re2::StringPiece, which has no constructor from
// std::string_view. One definition for every rule that runs a pattern.
#ifndef WENSHU_SRC_REPAIR_RE2_VIEW_H_
#define WENSHU_SRC_REPAIR_RE2_VIEW_H_

#include <string_view>

#include "re2/stringpiece.h"

namespace wenshu::repair_internal {

inline re2::StringPiece View(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_RE2_VIEW_H_
