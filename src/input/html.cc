// HTML to text with Google's HTML5 parser (libgumbo): the text a reader sees in the page body, page
// chrome dropped, entities decoded, block elements on lines of their own.
#include <gumbo.h>

#include <algorithm>
#include <atomic>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>


#include "input/internal.h"
#include "text/html_tags.h"
#include "text/utf8.h"
#include "wenshu/input.h"

namespace wenshu {
namespace {

// Elements that never hold the report's text: scripts, styles, embedded objects, form controls.
constexpr GumboTag kNeverTextTags[] = {
    GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_IFRAME, GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_BUTTON,   GUMBO_TAG_SELECT, GUMBO_TAG_SVG,     GUMBO_TAG_HEAD,   GUMBO_TAG_OBJECT,
    GUMBO_TAG_EMBED,    GUMBO_TAG_CANVAS, GUMBO_TAG_TEXTAREA, GUMBO_TAG_INPUT,
};
// Page furniture by its element: navigation, menus, side content, forms, and the page's banner and
// footer (see IsPageFurniture for header/footer). Dropped unless it holds the main content.
constexpr GumboTag kFurnitureTags[] = {GUMBO_TAG_NAV,  GUMBO_TAG_ASIDE, GUMBO_TAG_FORM,
                                       GUMBO_TAG_MENU, GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER};
// Sectioning content and <main> (HTML-AAM): a <header>/<footer> inside one introduces or closes that
// section (an article's title and date), it is not the page's banner or contentinfo.
constexpr GumboTag kSectioningTags[] = {GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_MAIN, GUMBO_TAG_NAV,
                                        GUMBO_TAG_SECTION};
constexpr GumboTag kHeadingTags[] = {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
                                     GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6};
// Elements that are the main content by the page's own markup: never dropped for their class or id.
constexpr GumboTag kContentTags[] = {GUMBO_TAG_BODY, GUMBO_TAG_MAIN, GUMBO_TAG_ARTICLE};

// An element named as furniture that holds more than this share of the page's text outside links is
// the page's main content in a wrapper whose class only mentions furniture (<body class="has-sidebar">,
// <div class="layout-with-sidebar">, "main nav-open", "footer-wrap-content"): it is kept, and its own
// furniture inside is judged apart. Text outside links, as readability's link density: menus, bars
// and sidebars are links, so they stay far below it; "more than half" is the largest share that can
// never hold for two disjoint elements, so at most one wrapper chain is kept this way. A page with a
// <main> has marked its content itself: there only <main> and the elements around it are kept. A footer of
// prose (address, licence) passes it only on a page with less text than its footer, where keeping
// a few lines costs little and dropping the report would lose it all.
constexpr size_t kMainContentShareDenominator = 2;

// Portal chrome marked by ARIA roles, or by a class/id word that sites use for menus, bars and
// footers (the words of common CMS templates). Class and id values are split into tokens on spaces
// and each token into parts on - and _; a part must equal a word ("main-nav", "site_footer"), never
// merely contain it ("canvas", "navy", "menuitem" are no match).
constexpr std::string_view kChromeRoles[] = {"navigation", "banner", "contentinfo", "complementary",
                                             "search", "menu", "menubar", "toolbar"};
constexpr std::string_view kChromeWords[] = {"nav", "navbar", "navigation", "menu", "header", "footer",
                                             "breadcrumb", "breadcrumbs", "crumb", "sidebar", "share",
                                             "toolbar", "copyright", "topbar", "pagination", "pager"};

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
  size_t size() const { return out_.size(); }
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

bool IsTextNode(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE;
}

// The characters a reader sees in a text node: code points other than ASCII white space.
size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !IsAsciiSpace(c) && !text::IsContinuationByte(c);
  return n;
}

// Whether an element is page furniture by its tag, role, class or id (its text not yet weighed).
// `in_section`: inside sectioning content or <main>, where <header>/<footer> belong to that section.
bool IsFurnitureCandidate(const GumboElement& e, bool in_section) {
  if (Contains(kContentTags, e.tag)) return false;
  if (e.tag == GUMBO_TAG_HEADER || e.tag == GUMBO_TAG_FOOTER) {
    if (!in_section) return true;
  } else if (Contains(kFurnitureTags, e.tag)) {
    return true;
  }
  // A link is one item, never the furniture itself (readability leaves <a> alone too: the menu is its
  // container), and a heading is the document's own: mdBook marks every heading's anchor
  // <a class="header">, templates name titles "header-title".
  if (e.tag == GUMBO_TAG_A || Contains(kHeadingTags, e.tag)) return false;
  return HasChromeAttribute(e);
}

// "div.has-sidebar#top": how a dropped element is named in HtmlText::dropped.
std::string Describe(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  std::string out = gumbo_normalized_tagname(e.tag);
  if (out.empty()) out = "element";
  for (const auto& [name, mark] : {std::pair{"class", '.'}, std::pair{"id", '#'}}) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    if (a != nullptr && a->value[0] != '\0') {
      out += mark;
      out += a->value;
    }
  }
  return out;
}

// Offsets of the HTML Gumbo parsed back to the page's: WithinUnicodeReferences may have rewritten a
// reference, which changes the length; each rewrite is recorded here.
class SourceOffsets {
 public:
  void Replaced(size_t parsed_begin, size_t parsed_end, size_t page_begin, size_t page_end) {
    rewrites_.push_back({parsed_begin, parsed_end, page_begin, page_end});
  }
  // An offset inside a rewritten reference maps to the reference's start.
  size_t ToPage(size_t parsed) const {
    auto it = std::upper_bound(rewrites_.begin(), rewrites_.end(), parsed,
                               [](size_t o, const Rewrite& r) { return o < r.parsed_begin; });
    if (it == rewrites_.begin()) return parsed;
    --it;
    return parsed >= it->parsed_end ? it->page_end + (parsed - it->parsed_end) : it->page_begin;
  }

 private:
  struct Rewrite {
    size_t parsed_begin, parsed_end, page_begin, page_end;
  };
  std::vector<Rewrite> rewrites_;  // in page order
};

// The visible characters of an element's text nodes (a script's code, a style sheet), with an explicit
// stack (no recursion on a deep tree).
size_t VisibleCharsInside(const GumboNode* node) {
  size_t n = 0;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* at = stack.back();
    stack.pop_back();
    if (IsTextNode(at)) {
      n += VisibleChars(at->v.text.text);
    } else if (const GumboVector* children = Children(at)) {
      for (unsigned i = 0; i < children->length; ++i) stack.push_back(static_cast<const GumboNode*>(children->data[i]));
    }
  }
  return n;
}

// One element left out of the text at `at`: where it was in the page, from its start tag through its
// end tag (through where the parser closed it when the page has none).
HtmlDropped Dropped(const GumboNode* node, std::string kind, size_t chars, size_t at, const SourceOffsets& offsets) {
  const GumboElement& e = node->v.element;
  const size_t begin = e.start_pos.offset;
  const size_t end = std::max(begin, e.end_pos.offset + e.original_end_tag.length);
  HtmlDropped d;
  d.kind = std::move(kind);
  d.element = Describe(node);
  d.chars = chars;
  d.source = {offsets.ToPage(begin), offsets.ToPage(end)};
  d.bytes = d.source.size();
  d.at = at;
  return d;
}

// The furniture to drop, each with the visible characters it holds. First pass, bottom-up with an
// explicit stack (a page nested 100000 levels deep must not exhaust the call stack): every candidate's
// text outside links is weighed against the page's; one that holds <main> or more than the share
// kMainContentShareDenominator gives is the main content and stays.
std::unordered_map<const GumboNode*, size_t> FindFurniture(const GumboNode* root) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
    size_t chars;        // visible characters inside
    size_t prose_chars;  // of them, outside links
    bool in_link;
    bool in_section;
    bool holds_main;
  };
  struct Candidate {
    const GumboNode* node;
    size_t chars;
    size_t prose_chars;
    bool holds_main;
  };
  std::vector<Candidate> candidates;
  std::vector<Frame> stack = {{root, 0, 0, 0, false, false, false}};
  size_t page_prose_chars = 0;
  bool page_holds_main = false;
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* children = Children(f.node);
    if (f.next < children->length) {
      const GumboNode* child = static_cast<const GumboNode*>(children->data[f.next++]);
      if (IsTextNode(child)) {
        const size_t n = VisibleChars(child->v.text.text);
        f.chars += n;
        if (!f.in_link) f.prose_chars += n;
        continue;
      }
      if (Children(child) == nullptr) continue;  // comments
      const GumboElement& e = child->v.element;
      if (Contains(kNeverTextTags, e.tag)) continue;
      stack.push_back({child, 0, 0, 0, f.in_link || e.tag == GUMBO_TAG_A,
                       f.in_section || Contains(kSectioningTags, e.tag), e.tag == GUMBO_TAG_MAIN});
      continue;
    }
    const Frame done = f;
    stack.pop_back();
    if (done.node->type != GUMBO_NODE_DOCUMENT) {
      // A <header> is judged by its parent's section (its own tag is no section).
      const bool in_section = !stack.empty() && stack.back().in_section;
      if (IsFurnitureCandidate(done.node->v.element, in_section)) {
        candidates.push_back({done.node, done.chars, done.prose_chars, done.holds_main});
      }
    }
    if (stack.empty()) {
      page_prose_chars = done.prose_chars;
      page_holds_main = done.holds_main;
    } else {
      Frame& parent = stack.back();
      parent.chars += done.chars;
      parent.prose_chars += done.prose_chars;
      parent.holds_main = parent.holds_main || done.holds_main;
    }
  }
  // A page that marks its content with <main> has said where it is: the share is not weighed there.
  std::unordered_map<const GumboNode*, size_t> dropped;
  for (const Candidate& c : candidates) {
    if (c.holds_main) continue;
    if (!page_holds_main && c.prose_chars * kMainContentShareDenominator > page_prose_chars) continue;
    dropped.emplace(c.node, c.chars);
  }
  return dropped;
}

// Second pass, depth-first in document order: the text with furniture and never-text elements left
// out; each outermost furniture element left out is recorded in *dropped. *has_heading: an <h1> is kept.
void Walk(const GumboNode* root, const std::unordered_map<const GumboNode*, size_t>& furniture,
          const SourceOffsets& offsets, TextBuilder& out, std::vector<HtmlDropped>* dropped, bool* has_heading) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
    bool preformatted;
    size_t start;  // the text's size when the element began
  };
  std::vector<Frame> stack;
  // A never-text element is listed when it held characters: an empty <script src=…> left nothing out.
  const auto record_never_text = [&](const GumboNode* node) {
    if (const size_t chars = VisibleCharsInside(node); chars > 0) {
      const GumboTag tag = node->v.element.tag;
      const char* kind = tag == GUMBO_TAG_SCRIPT ? "script" : tag == GUMBO_TAG_STYLE ? "style" : "non_text";
      dropped->push_back(Dropped(node, kind, chars, out.size(), offsets));
    }
  };
  auto enter = [&](const GumboNode* node, bool preformatted) {
    if (IsTextNode(node)) {
      out.Text(node->v.text.text, preformatted);
      return;
    }
    if (Children(node) == nullptr) return;  // comments
    if (node->type != GUMBO_NODE_DOCUMENT) {
      const GumboElement& e = node->v.element;
      if (Contains(kNeverTextTags, e.tag)) {
        // The <head> is never text as a whole (its <title> is read apart): only the never-text elements
        // in it (scripts, styles) are listed, as are those of the body.
        if (e.tag == GUMBO_TAG_HEAD) {
          for (unsigned i = 0; i < e.children.length; ++i) {
            const GumboNode* child = static_cast<const GumboNode*>(e.children.data[i]);
            if (child->type == GUMBO_NODE_ELEMENT && Contains(kNeverTextTags, child->v.element.tag)) {
              record_never_text(child);
            }
          }
        } else {
          record_never_text(node);
        }
        return;
      }
      if (auto it = furniture.find(node); it != furniture.end()) {
        dropped->push_back(Dropped(node, "furniture", it->second, out.size(), offsets));
        return;
      }
      if (e.tag == GUMBO_TAG_PRE) preformatted = true;
      if (text::IsBlockTag(e.tag)) out.Break();
    }
    stack.push_back({node, 0, preformatted, out.size()});
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
    const size_t start = f.start;
    stack.pop_back();
    if (node->type != GUMBO_NODE_DOCUMENT) {
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_H1 && out.size() > start) *has_heading = true;  // a heading with text
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.Text(" ", false);
      if (text::IsBlockTag(tag)) out.Break();
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
// repeats is the document's title. When the body repeats none, the first segment is, unless the body
// has a heading of its own (<h1>): then the <title> names the site ("站点首页"), not this document, and
// none is offered (the report takes its title from the text).
std::optional<std::string> TitleCandidate(const std::string& title, const std::string& body, bool body_has_heading) {
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
    if (body_has_heading) return std::nullopt;
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
std::string_view WithinUnicodeReferences(std::string_view html, std::string& storage, SourceOffsets* offsets) {
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
    offsets->Replaced(storage.size(), storage.size() + kReplacement.size(), at, i);
    storage.append(kReplacement);
    copied = i;
  }
  if (copied == 0) return html;
  storage.append(html.substr(copied));
  return storage;
}

// Gumbo's memory, every block linked in a list, so that a parse stopped midway can free it all: Gumbo
// polls nothing, and a 17 MB page takes ~10 s to parse, so the allocator (called for every node, text
// and attribute) asks the caller's cancel flag and leaves the parse by longjmp. That is safe: Gumbo
// keeps its state in its output and in the parser on its own stack, all of it allocated here, and no
// C++ object lives between the setjmp and the allocator. An allocation that fails leaves the same way
// (Gumbo would write through the null pointer). The link costs 16 bytes a block: a 5.8 MB table page
// (5.8M blocks) parses in the same time and peaks at 218 MB instead of 200 MB.
class ParseMemory {
 public:
  explicit ParseMemory(const std::atomic<int>* cancel) : cancel_(cancel) {}
  ParseMemory(const ParseMemory&) = delete;
  ParseMemory& operator=(const ParseMemory&) = delete;
  ~ParseMemory() { FreeAll(); }

  GumboOptions Options() {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Allocate;
    options.deallocator = &Deallocate;
    options.userdata = this;
    return options;
  }
  void FreeAll() {
    for (Block* b = head_.next; b != &head_;) {
      Block* next = b->next;
      std::free(b);
      b = next;
    }
    head_.next = head_.prev = &head_;
  }

  enum Stop { kParsed = 0, kCancelled = 1, kOutOfMemory = 2 };
  std::jmp_buf stop;

 private:
  // The flag is an atomic load; asked once per this many blocks (a table page makes one per byte of
  // HTML), it costs nothing measurable and a cancel lands within microseconds of parsing. Measured on a
  // 17 MB table page: SIGINT took 6.9 s to end `wenshu parse`, now 0.26 s.
  static constexpr unsigned kPollBlocks = 1024;
  struct alignas(16) Block {
    Block* prev;
    Block* next;
  };
  static void* Allocate(void* self, size_t n) {
    ParseMemory& m = *static_cast<ParseMemory*>(self);
    if (m.cancel_ != nullptr && --m.until_poll_ == 0) {
      m.until_poll_ = kPollBlocks;
      if (m.cancel_->load(std::memory_order_relaxed) != 0) std::longjmp(m.stop, kCancelled);
    }
    Block* b = static_cast<Block*>(std::malloc(sizeof(Block) + n));
    if (b == nullptr) std::longjmp(m.stop, kOutOfMemory);
    b->prev = &m.head_;
    b->next = m.head_.next;
    m.head_.next->prev = b;
    m.head_.next = b;
    return b + 1;
  }
  static void Deallocate(void*, void* p) {
    if (p == nullptr) return;
    Block* b = static_cast<Block*>(p) - 1;
    b->prev->next = b->next;
    b->next->prev = b->prev;
    std::free(b);
  }

  const std::atomic<int>* cancel_;
  unsigned until_poll_ = kPollBlocks;
  Block head_{&head_, &head_};
};

// Gumbo's parse, or null when the allocator left it (*stop says why). Nothing here lives across the
// setjmp.
GumboOutput* Parse(ParseMemory& memory, const GumboOptions& options, std::string_view html, int* stop) {
  switch (setjmp(memory.stop)) {  // the whole controlling expression, as C requires of setjmp
    case ParseMemory::kParsed:
      return gumbo_parse_with_options(&options, html.data(), html.size());
    case ParseMemory::kCancelled:
      *stop = ParseMemory::kCancelled;
      return nullptr;
    default:
      *stop = ParseMemory::kOutOfMemory;
      return nullptr;
  }
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

HtmlText HtmlToText(std::string_view html, const std::atomic<int>* cancel) {
  HtmlText result;
  std::string sanitized;
  SourceOffsets offsets;
  html = WithinUnicodeReferences(html, sanitized, &offsets);
  ParseMemory memory(cancel);
  const GumboOptions options = memory.Options();
  int stop = ParseMemory::kParsed;
  GumboOutput* output = Parse(memory, options, html, &stop);
  if (stop == ParseMemory::kOutOfMemory) throw std::bad_alloc();  // `memory` frees the partial tree
  if (output == nullptr) return result;
  TextBuilder text;
  bool has_heading = false;
  Walk(output->document, FindFurniture(output->document), offsets, text, &result.dropped, &has_heading);
  result.text = text.Take();
  // Take() may drop a preformatted line's trailing spaces after the last element left out.
  for (HtmlDropped& d : result.dropped) d.at = std::min(d.at, result.text.size());
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
    if (!s.empty()) result.title = TitleCandidate(s, result.text, has_heading);
  }
  memory.FreeAll();  // the whole tree (gumbo_destroy_output would walk it to the same end)
  // No malloc_trim here to hand the freed tree back (a 5.8 MB table page: 539 -> 349 MB peak with it):
  // a library does not own the heap, and under ASan or another host allocator the call crashed in a
  // worker thread (src/report/parse.cc says the same of the repair stage).
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
