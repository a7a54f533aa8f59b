// HTML to text with Google's HTML5 parser (libgumbo): the text a reader sees in the page body, page
// chrome dropped, entities decoded, block elements on lines of their own.
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "input/internal.h"
#include "text/utf8.h"
#include "wenshu/input.h"

namespace wenshu {
namespace {

// Elements that never hold the report: scripts, styles, navigation and page furniture, forms.
constexpr GumboTag kDroppedTags[] = {
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,  GUMBO_TAG_NAV,      GUMBO_TAG_HEADER,   GUMBO_TAG_FOOTER,
    GUMBO_TAG_ASIDE,  GUMBO_TAG_FORM,   GUMBO_TAG_NOSCRIPT, GUMBO_TAG_IFRAME,   GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_BUTTON, GUMBO_TAG_SELECT, GUMBO_TAG_SVG,      GUMBO_TAG_MENU,     GUMBO_TAG_HEAD,
    GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED,  GUMBO_TAG_CANVAS,   GUMBO_TAG_TEXTAREA, GUMBO_TAG_INPUT,
};

// Portal chrome marked by ARIA roles, or by a class/id word that sites use for menus, bars and
// footers (the words of common CMS templates; a whole class token must match a word or start with
// it followed by - or _, so "navigation-item" matches but "canvas" does not).
constexpr std::string_view kChromeRoles[] = {"navigation", "banner", "contentinfo", "complementary",
                                             "search", "menu", "menubar", "toolbar"};
constexpr std::string_view kChromeWords[] = {"nav", "navbar", "navigation", "menu", "header", "footer",
                                             "breadcrumb", "breadcrumbs", "crumb", "sidebar", "share",
                                             "toolbar", "copyright", "topbar", "pagination", "pager"};

// Elements that end a line (the rest are inline).
constexpr GumboTag kBlockTags[] = {
    GUMBO_TAG_P,          GUMBO_TAG_DIV,     GUMBO_TAG_BR,      GUMBO_TAG_LI,      GUMBO_TAG_H1,
    GUMBO_TAG_H2,         GUMBO_TAG_H3,      GUMBO_TAG_H4,      GUMBO_TAG_H5,      GUMBO_TAG_H6,
    GUMBO_TAG_TR,         GUMBO_TAG_TABLE,   GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_BLOCKQUOTE,
    GUMBO_TAG_PRE,        GUMBO_TAG_UL,      GUMBO_TAG_OL,      GUMBO_TAG_DL,      GUMBO_TAG_DT,
    GUMBO_TAG_DD,         GUMBO_TAG_HR,      GUMBO_TAG_MAIN,    GUMBO_TAG_CENTER,  GUMBO_TAG_ADDRESS,
    GUMBO_TAG_FIGCAPTION, GUMBO_TAG_CAPTION, GUMBO_TAG_BODY,    GUMBO_TAG_FIELDSET,
};

template <typename T, size_t N>
bool Contains(const T (&list)[N], const T& v) {
  for (const T& x : list) {
    if (x == v) return true;
  }
  return false;
}

// A class or id token is chrome when one of its -/_ separated parts is a chrome word: "main-nav",
// "site_footer", "navigation-item"; "canvas" and "navy" are not.
bool IsChromeToken(std::string_view token) {
  size_t i = 0;
  while (i <= token.size()) {
    size_t j = token.find_first_of("-_", i);
    if (j == std::string_view::npos) j = token.size();
    const std::string_view part = token.substr(i, j - i);
    for (std::string_view w : kChromeWords) {
      if (part == w) return true;
    }
    i = j + 1;
  }
  return false;
}

bool HasChromeAttribute(const GumboElement& e) {
  for (const char* name : {"class", "id", "role"}) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    if (a == nullptr) continue;
    std::string value = a->value;
    for (char& c : value) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (std::strcmp(name, "role") == 0) {
      for (std::string_view r : kChromeRoles) {
        if (value == r) return true;
      }
      continue;
    }
    size_t i = 0;
    while (i < value.size()) {
      size_t j = value.find_first_of(" \t\n", i);
      if (j == std::string::npos) j = value.size();
      if (j > i && IsChromeToken(std::string_view(value).substr(i, j - i))) return true;
      i = j + 1;
    }
  }
  return false;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class TextBuilder {
 public:
  void Text(std::string_view s, bool preformatted) {
    if (preformatted) {
      out_.append(s);
      pending_space_ = false;
      return;
    }
    for (char c : s) {
      if (IsAsciiSpace(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_) {
        // Whitespace next to a non-ASCII character is a line wrap in the source, not a space
        // (Chinese has no spaces between words: 增加\n30人 is 增加30人); between ASCII words it is one.
        const bool line_start = out_.empty() || out_.back() == '\n';
        if (!line_start && static_cast<unsigned char>(out_.back()) < 0x80 && static_cast<unsigned char>(c) < 0x80) {
          out_.push_back(' ');
        }
        pending_space_ = false;
      }
      out_.push_back(c);
    }
  }
  void Break() {
    pending_space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
  }
  std::string Take() {
    Break();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool pending_space_ = false;
};

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
  return nullptr;
}

// Depth-first over the tree with an explicit stack: a page nested 100000 levels deep must not
// exhaust the call stack.
void Walk(const GumboNode* root, TextBuilder& out) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
    bool preformatted;
  };
  std::vector<Frame> stack;
  auto enter = [&](const GumboNode* node, bool preformatted) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      out.Text(node->v.text.text, preformatted);
      return;
    }
    if (Children(node) == nullptr) return;  // comments
    if (node->type != GUMBO_NODE_DOCUMENT) {
      const GumboElement& e = node->v.element;
      if (Contains(kDroppedTags, e.tag) || HasChromeAttribute(e)) return;
      if (e.tag == GUMBO_TAG_PRE) preformatted = true;
      if (Contains(kBlockTags, e.tag)) out.Break();
    }
    stack.push_back({node, 0, preformatted});
  };
  enter(root, false);
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* children = Children(f.node);
    if (f.next < children->length) {
      const GumboNode* child = static_cast<const GumboNode*>(children->data[f.next++]);
      enter(child, f.preformatted);
      continue;
    }
    const GumboNode* node = f.node;
    stack.pop_back();
    if (node->type != GUMBO_NODE_DOCUMENT) {
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.Text(" ", false);
      if (Contains(kBlockTags, tag)) out.Break();
    }
  }
}

const GumboNode* FindTitle(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_TITLE) return node;
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY) return nullptr;
  const GumboVector& children =
      node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    // <title> sits in <head>, two levels down: no deeper search (and no deep recursion).
    const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    if (child->v.element.tag == GUMBO_TAG_TITLE) return child;
    if (child->v.element.tag == GUMBO_TAG_HTML || child->v.element.tag == GUMBO_TAG_HEAD) {
      if (const GumboNode* t = FindTitle(child)) return t;
    }
  }
  return nullptr;
}

// A page's <title> usually ends with the site ("…工作总结 - 某某网", "…_某某网"): the segment the body
// repeats is the document's title; when the body repeats none, the first segment is.
std::string TitleCandidate(const std::string& title, const std::string& body) {
  static constexpr std::string_view kSeparators[] = {" - ", " | ", "_", "|", " – ", " — ", "－", "——"};
  std::vector<std::string_view> segments = {title};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string_view> next;
    for (std::string_view seg : segments) {
      size_t at;
      while ((at = seg.find(sep)) != std::string_view::npos) {
        next.push_back(seg.substr(0, at));
        seg.remove_prefix(at + sep.size());
      }
      next.push_back(seg);
    }
    segments = std::move(next);
  }
  std::string_view best;
  for (std::string_view seg : segments) {
    while (!seg.empty() && seg.front() == ' ') seg.remove_prefix(1);
    while (!seg.empty() && seg.back() == ' ') seg.remove_suffix(1);
    if (seg.size() > best.size() && body.find(seg) != std::string::npos) best = seg;
  }
  if (best.empty()) {
    for (std::string_view seg : segments) {
      if (seg.find_first_not_of(' ') != std::string_view::npos) return std::string(seg);
    }
    return title;
  }
  return std::string(best);
}

// The HTML with every numeric character reference beyond Unicode (&#55420924358, &#x110000;) written as
// &#xFFFD;, the replacement character the HTML standard maps them to. Gumbo does so for surrogates, but
// reads a value past 32 bits modulo 2^32 (&#4294967297; became U+0001) and writes one past U+10FFFF as
// bytes that are no UTF-8. The text is copied only when such a reference is there.
std::string_view WithinUnicodeReferences(std::string_view html, std::string& storage) {
  constexpr std::string_view kReplacement = "&#xFFFD;";
  size_t copied = 0;
  for (size_t at = html.find("&#"); at != std::string_view::npos; at = html.find("&#", at + 2)) {
    size_t i = at + 2;
    const bool hex = i < html.size() && (html[i] == 'x' || html[i] == 'X');
    if (hex) ++i;
    const size_t digits_begin = i;
    uint64_t value = 0;
    for (; i < html.size(); ++i) {
      const char c = html[i];
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) break;
      value = std::min<uint64_t>(value * (hex ? 16 : 10) + static_cast<uint64_t>(d), uint64_t{0x110000});
    }
    if (i == digits_begin || value <= 0x10FFFF) continue;
    if (i < html.size() && html[i] == ';') ++i;
    storage.append(html.substr(copied, at - copied));
    storage.append(kReplacement);
    copied = i;
  }
  if (copied == 0) return html;
  storage.append(html.substr(copied));
  return storage;
}

}  // namespace

namespace input_internal {

size_t EstimatedNesting(std::string_view html) {
  // Elements whose end tag may be left out (the parser closes them) or that have none.
  static constexpr std::string_view kSelfClosing[] = {
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
      "rb", "rt", "rp", "html", "head", "body", "br", "img", "hr", "input", "meta", "link", "area", "base",
      "col", "embed", "param", "source", "track", "wbr", "!doctype"};
  size_t depth = 0, deepest = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    const bool closing = html[i + 1] == '/';
    size_t b = i + (closing ? 2 : 1);
    size_t e = b;
    while (e < html.size() && ((html[e] >= 'a' && html[e] <= 'z') || (html[e] >= 'A' && html[e] <= 'Z') ||
                               (html[e] >= '0' && html[e] <= '9') || html[e] == '!')) {
      ++e;
    }
    if (e == b) continue;
    std::string name(html.substr(b, e - b));
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (Contains(kSelfClosing, std::string_view(name))) continue;
    if (closing) {
      depth = depth > 0 ? depth - 1 : 0;
    } else {
      const size_t gt = html.find('>', e);
      if (gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/') continue;
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

}  // namespace input_internal

HtmlText HtmlToText(std::string_view html) {
  HtmlText result;
  std::string sanitized;
  html = WithinUnicodeReferences(html, sanitized);
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (output == nullptr) return result;
  TextBuilder text;
  Walk(output->document, text);
  result.text = text.Take();
  if (const GumboNode* title = FindTitle(output->document)) {
    // The title's own text (its spaces matter to find the site suffix), whitespace runs made one space.
    std::string raw;
    const GumboVector& children = title->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) raw += c->v.text.text;
    }
    std::string s;
    for (char c : raw) {
      if (IsAsciiSpace(c)) {
        if (!s.empty() && s.back() != ' ') s.push_back(' ');
      } else {
        s.push_back(c);
      }
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (!s.empty()) result.title = TitleCandidate(s, result.text);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return result;
}

bool LooksLikeHtml(std::string_view s) {
  size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  };
  skip_space();
  while (s.substr(i, 4) == "<!--") {
    const size_t end = s.find("-->", i + 4);
    if (end == std::string_view::npos) return false;
    i = end + 3;
    skip_space();
  }
  auto starts_ci = [&](std::string_view word) {
    if (s.size() - i < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != word[k]) return false;
    }
    return true;
  };
  if (starts_ci("<!doctype html")) return true;
  if (starts_ci("<html") && i + 5 < s.size() && (IsAsciiSpace(s[i + 5]) || s[i + 5] == '>')) return true;
  return false;
}

}  // namespace wenshu
