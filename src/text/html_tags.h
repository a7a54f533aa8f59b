// HTML element names as Gumbo (the HTML5 parser that reads .html inputs) knows them, and which of them end a
// line: shared by the HTML reader (src/input/html.cc) and the repair rule that removes markup a text copy
// kept (text.html), so that a page read as HTML and the same page copied with its tags break the same lines.
#ifndef WENSHU_SRC_TEXT_HTML_TAGS_H_
#define WENSHU_SRC_TEXT_HTML_TAGS_H_

#include <gumbo.h>

#include <string_view>

namespace wenshu::text {

// Elements that end a line (the rest are inline).
inline constexpr GumboTag kBlockTags[] = {
    GUMBO_TAG_P,          GUMBO_TAG_DIV,     GUMBO_TAG_BR,      GUMBO_TAG_LI,      GUMBO_TAG_H1,
    GUMBO_TAG_H2,         GUMBO_TAG_H3,      GUMBO_TAG_H4,      GUMBO_TAG_H5,      GUMBO_TAG_H6,
    GUMBO_TAG_TR,         GUMBO_TAG_TABLE,   GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_BLOCKQUOTE,
    GUMBO_TAG_PRE,        GUMBO_TAG_UL,      GUMBO_TAG_OL,      GUMBO_TAG_DL,      GUMBO_TAG_DT,
    GUMBO_TAG_DD,         GUMBO_TAG_HR,      GUMBO_TAG_MAIN,    GUMBO_TAG_CENTER,  GUMBO_TAG_ADDRESS,
    GUMBO_TAG_FIGCAPTION, GUMBO_TAG_CAPTION, GUMBO_TAG_BODY,    GUMBO_TAG_FIELDSET, GUMBO_TAG_HEADER,
    GUMBO_TAG_FOOTER,     GUMBO_TAG_NAV,     GUMBO_TAG_ASIDE,   GUMBO_TAG_FORM,
};

inline bool IsBlockTag(GumboTag tag) {
  for (GumboTag t : kBlockTags) {
    if (t == tag) return true;
  }
  return false;
}

// The element an ASCII name names (any case), GUMBO_TAG_UNKNOWN for a name HTML does not define.
inline GumboTag HtmlTagOf(std::string_view name) {
  return gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
}

// Whether `prefix` (ASCII letters and digits, possibly empty) begins the name of some element: a tag the
// copy cut before its `>` (`<h`, `</di`).
inline bool IsHtmlTagNamePrefix(std::string_view prefix) {
  for (int t = 0; t < GUMBO_TAG_UNKNOWN; ++t) {
    const std::string_view name = gumbo_normalized_tagname(static_cast<GumboTag>(t));
    if (name.size() < prefix.size()) continue;
    bool same = true;
    for (size_t i = 0; i < prefix.size() && same; ++i) {
      char c = prefix[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == name[i];
    }
    if (same) return true;
  }
  return false;
}

}  // namespace wenshu::text

#endif  // WENSHU_SRC_TEXT_HTML_TAGS_H_
