// What the input module left out of a document's text (an HTML page's scripts, styles and page
// furniture), carried from InputDocument (wenshu/input.h) into the report's source record
// (wenshu/report.h, ReportSource::dropped) so that a user is told what was not read.
#ifndef WENSHU_DROPPED_H_
#define WENSHU_DROPPED_H_

#include <cstddef>
#include <string>

#include "wenshu/span.h"

namespace wenshu {

// One element left out, outermost elements only, in page order.
struct DroppedContent {
  // "script", "style", "non_text" (another element never read as text that held some: noscript,
  // iframe, template, svg, object, form controls) or "furniture" (navigation, menus, sidebars, the
  // page's own header and footer: docs/cli.md, "HTML").
  std::string kind;
  std::string element;  // its tag, class and id as a selector: "nav", "div.share-bar#share", "script"
  size_t chars = 0;     // the visible characters (not white space) it held
  size_t bytes = 0;     // the bytes of the page it took, its tags included: source.size()
  Span source;          // where it was in the page as decoded to UTF-8 (the file's bytes for UTF-8 without a BOM)
  size_t at = 0;        // where it was left out of the document's text (the offset reports' spans index)
};

}  // namespace wenshu

#endif  // WENSHU_DROPPED_H_
