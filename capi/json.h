// JSON views of C++ results for the C ABI (the report has its own writer in report/).
#ifndef WENSHU_CAPI_JSON_H_
#define WENSHU_CAPI_JSON_H_

#include <string>

#include "wenshu/repair.h"

namespace wenshu::capi {

// {"text", "records", "flags", "diagnosis"}: see wenshu_repair_result_json. Invalid UTF-8 in strings
// becomes U+FFFD; spans stay exact. May throw std::bad_alloc (the caller's guard handles it).
std::string RepairResultJson(const RepairResult& result);

}  // namespace wenshu::capi

#endif  // WENSHU_CAPI_JSON_H_
