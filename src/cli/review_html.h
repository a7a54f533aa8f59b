// `wenshu repair FILE --html`: one self-contained HTML page (no network) to review what repair changed.
#ifndef WENSHU_SRC_CLI_REVIEW_HTML_H_
#define WENSHU_SRC_CLI_REVIEW_HTML_H_

#include <string>
#include <string_view>

#include "wenshu/report.h"

namespace wenshu::cli {

// The review page of `original` and its report: the repaired text with every repair and flag marked (an
// element of class "mark" carrying data-rule, data-family and data-confidence), each mark's rule,
// reason, confidence, original and alternatives on hover and in a side panel, counts per rule, filters
// by rule family and confidence (also from the URL: #hide=number,vocab&min=0.9), the diagnosis, and
// the checks with failed ones linked to their figures in the text.
std::string ReviewHtml(std::string_view original, const Report& report, std::string_view name);

// Escapes text for HTML element content and attribute values; bytes that are not UTF-8 become U+FFFD
// (the page must be UTF-8; the repair stage flags those bytes with their spans).
void AppendHtmlText(std::string& out, std::string_view text);

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_REVIEW_HTML_H_
