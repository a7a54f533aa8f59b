// text.html: HTML a text copy kept (a site's page copied with its markup: `<h3> 2月26日上午…。</h3><h3> 大会…`).
// Tags and comments go, character entities are decoded (`&nbsp;` `&#12290;`); where a block element's tags
// part two pieces of text on one line they become the line break a reader of the page sees, so that every
// later rule reads the copy's lines as the page's paragraphs. A tag the copy cut at its very end (`… <`,
// `…</h`) goes too.
//
// Evidence that `<…>` is a tag and not text (math, `<5%`): the name is an element Gumbo knows (the HTML reader's
// parser, src/input/html.cc), or the tag carries attribute syntax (`<delect id="ixm7d">`, a name no browser
// knows, written by a site's anti-copy markup); angle brackets balanced on one line; and the page holds
// several such spots. Chinese writes 《》 for titles, so an ASCII `<` before a Latin letter is rare in reports:
// the clean corpora hold no tag and no entity (docs/repair.md, text.html).
//
// A line of markup alone (`<p>&nbsp;</p>`, `<noframes id="…"><rt id="…"></rt>`) goes whole with its break. A line
// with no ideograph but other text besides its tags (`1. <legend …>`) is left to boilerplate.site_lines, which
// reads such lines whole.
#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "re2/re2.h"
#include "repair/re2_view.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/char_class.h"
#include "text/html_tags.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// A page shows kept markup with two spots (tags or entities): one `<b>` may be a formula's (a<b>c), two are
// markup. The real page (wild8 003) holds 40 tags; the clean corpora none.
constexpr int kMinMarkupSpots = 2;
// The longest tag read as one: a `style=` or `class=` attribute list. The real sets' longest tag is 32 bytes
// (`<h1 style="text-align: center;">`); a portal's inline style may run to a few hundred. Longer than this, a
// `<` … `>` is text between two angle brackets.
constexpr size_t kMaxTagBytes = 512;
// The longest comment read as one (a CMS's `<!-- 正文开始 -->`, a conditional comment).
constexpr size_t kMaxCommentBytes = 2048;
// An entity's name or number is short (`&thinsp;`, `&#x1F600;`).
constexpr size_t kMaxEntityBytes = 10;
constexpr double kHtmlConfidence = 0.97;

struct Tag {
  size_t begin = 0;
  size_t end = 0;
  bool block = false;
};

struct Entity {
  size_t begin = 0;
  size_t end = 0;
  char32_t value = 0;
};

bool IsTagBlank(char c) { return c == ' ' || c == '\t'; }

// The tag opening at `at` (text[at] == '<'), or an empty Tag: a comment, or a start or end tag whose name
// Gumbo knows or which carries attributes (`name="value"`), closed by `>` on its line with no `<` inside.
// `attributed` collects the unknown names seen with attribute values: their end tags (`</delect>`) are tags too.
Tag ReadTag(std::string_view text, size_t at, absl::flat_hash_set<std::string>& attributed) {
  if (text.substr(at, 4) == "<!--") {
    // Searched within its bound only: a text of many `<!--` never closed stays linear.
    const std::string_view window = text.substr(at, kMaxCommentBytes);
    const size_t close = window.find("-->", 4);
    if (close == std::string_view::npos || window.substr(0, close).find('\n') != std::string_view::npos) return {};
    return {at, at + close + 3, false};
  }
  size_t i = at + 1;
  const bool closing = i < text.size() && text[i] == '/';
  if (closing) ++i;
  const size_t name_begin = i;
  if (i >= text.size() || !text::IsAsciiLetter(text[i])) return {};
  while (i < text.size() && text::IsAsciiAlnum(text[i])) ++i;
  // A namespace prefix (Word's `<o:p></o:p>`, `<st1:chsdate …>`) is XML's syntax: a tag whatever its name.
  bool prefixed = false;
  if (i + 1 < text.size() && text[i] == ':' && text::IsAsciiLetter(text[i + 1])) {
    prefixed = true;
    for (++i; i < text.size() && text::IsAsciiAlnum(text[i]);) ++i;
  }
  const std::string_view name = text.substr(name_begin, i - name_begin);
  const size_t close = text.substr(0, std::min(text.size(), at + kMaxTagBytes)).find_first_of("<>\n", i);
  if (close == std::string_view::npos || text[close] != '>') return {};
  const std::string_view rest = text.substr(i, close - i);  // attributes, blanks, a self-closing slash
  const GumboTag tag = prefixed ? GUMBO_TAG_UNKNOWN : text::HtmlTagOf(name);
  if (rest.find_first_not_of(" \t/") == std::string_view::npos && rest.find('/') == rest.rfind('/')) {
    if (tag == GUMBO_TAG_UNKNOWN && !prefixed && !(closing && attributed.contains(std::string(name)))) {
      return {};
    }
    return {at, close + 1, text::IsBlockTag(tag)};
  }
  if (closing || !IsTagBlank(rest.front())) return {};
  // Attribute syntax: names, each with a quoted or bare value or none.
  static const RE2 kAttributes(R"((?:[ \t]+[A-Za-z_:][-A-Za-z0-9_:.]*(?:[ \t]*=[ \t]*(?:"[^"]*"|'[^']*'|[^ \t"'=<>`]+))?)+[ \t]*/?)");
  if (!RE2::FullMatch(View(rest), kAttributes)) return {};
  const bool has_value = rest.find('=') != std::string_view::npos;
  if (tag == GUMBO_TAG_UNKNOWN && !has_value && !prefixed) return {};
  if (tag == GUMBO_TAG_UNKNOWN) attributed.emplace(name);
  return {at, close + 1, tag != GUMBO_TAG_UNKNOWN && text::IsBlockTag(tag)};
}

// The start of a tag the copy cut before its `>` at the very end of the text (`… <`, `…</h`, `<p class="a`),
// or npos.
size_t CutTagAtEnd(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && (IsTagBlank(text[end - 1]) || text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  const size_t lt = text.rfind('<', end == 0 ? 0 : end - 1);
  if (lt == std::string_view::npos || end == 0) return std::string_view::npos;
  const std::string_view cut = text.substr(lt, end - lt);
  if (cut.find_first_of(">\n") != std::string_view::npos) return std::string_view::npos;
  size_t i = 1;
  if (i < cut.size() && cut[i] == '/') ++i;
  const size_t name_begin = i;
  while (i < cut.size() && text::IsAsciiAlnum(cut[i])) ++i;
  const std::string_view name = cut.substr(name_begin, i - name_begin);
  if (!name.empty() && !text::IsAsciiLetter(name.front())) return std::string_view::npos;
  if (i == cut.size()) return text::IsHtmlTagNamePrefix(name) ? lt : std::string_view::npos;
  // Attributes cut short: a known element's name, a blank, then anything but a bracket.
  return !name.empty() && IsTagBlank(cut[i]) && text::HtmlTagOf(name) != GUMBO_TAG_UNKNOWN ? lt
                                                                                          : std::string_view::npos;
}

// The character a named or numeric reference stands for (`&nbsp;`, `&#12290;`, `&#x3002;`) at `at`
// (text[at] == '&'), with its end; value 0 when there is none. Named: the entities web pages use in Chinese
// text (HTML's whole table has 2,231; a text copy keeps the ones its editor wrote).
Entity ReadEntity(std::string_view text, size_t at) {
  const size_t semi = text.substr(0, std::min(text.size(), at + kMaxEntityBytes + 2)).find(';', at + 1);
  if (semi == std::string_view::npos || semi == at + 1) return {};
  const std::string_view body = text.substr(at + 1, semi - at - 1);
  char32_t value = 0;
  if (body.front() == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return {};
    for (char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) return {};
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
      if (value > 0x10FFFF) return {};
    }
    // No control character but a tab or line break, no surrogate.
    if ((value < 0x20 && value != U'\t' && value != U'\n') || (value >= 0x7F && value < 0xA0) ||
        (value >= 0xD800 && value <= 0xDFFF)) {
      return {};
    }
    return {at, semi + 1, value};
  }
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"nbsp", 0xA0},   {"amp", U'&'},    {"lt", U'<'},      {"gt", U'>'},     {"quot", U'"'},
      {"apos", U'\''},  {"ldquo", U'“'},  {"rdquo", U'”'},   {"lsquo", U'‘'},  {"rsquo", U'’'},
      {"mdash", U'—'},  {"ndash", U'–'},  {"hellip", U'…'},  {"middot", U'·'}, {"bull", U'•'},
      {"times", U'×'},  {"divide", U'÷'}, {"deg", U'°'},     {"plusmn", U'±'}, {"permil", U'‰'},
      {"yen", U'¥'},    {"copy", U'©'},   {"reg", U'®'},     {"laquo", U'«'},  {"raquo", U'»'},
      {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009},
  };
  for (const auto& [name, v] : kNamed) {
    if (body == name) return {at, semi + 1, v};
  }
  return {};
}

enum class LineKind {
  kWords,        // an ideograph outside the markup: the report's line, its markup goes
  kMarkupAlone,  // tags, references and blanks alone (`<p>&nbsp;</p>`, `<noframes id="…"><rt …></rt>`): goes whole
  kOther,        // no ideograph, but text besides the markup (`1. <legend …>`): left to the furniture rules
};

// What [begin, end) holds outside the tags and references given (sorted, inside the line).
LineKind ClassifyLine(std::string_view text, size_t begin, size_t end, std::span<const Tag> tags,
                      std::span<const Entity> entities) {
  size_t t = 0, e = 0;
  bool other = false;
  for (size_t i = begin; i < end;) {
    if (t < tags.size() && tags[t].begin == i) {
      i = tags[t++].end;
      continue;
    }
    if (e < entities.size() && entities[e].begin == i) {
      i = entities[e++].end;
      continue;
    }
    const text::Decoded d = text::DecodeUtf8At(text, i);
    if (d.len > 0 && text::IsIdeograph(d.cp)) return LineKind::kWords;
    if (d.len <= 0 || !text::IsLineEdgeBlank(d.cp)) other = true;
    i += d.len > 0 ? static_cast<size_t>(d.len) : 1;
  }
  return other ? LineKind::kOther : LineKind::kMarkupAlone;
}

}  // namespace

void RemoveHtmlResidue(RepairContext& context) {
  const std::string_view text = context.text();
  // Before any scan: most texts hold no `<` before a letter or slash and no `&`.
  std::vector<Tag> tags;
  std::vector<Entity> entities;
  absl::flat_hash_set<std::string> attributed;
  for (size_t at = text.find_first_of("<&"); at != std::string_view::npos; at = text.find_first_of("<&", at + 1)) {
    if (context.CancelledAt(at)) return;
    if (text[at] == '<') {
      const Tag tag = ReadTag(text, at, attributed);
      if (tag.end > tag.begin) {
        tags.push_back(tag);
        at = tag.end - 1;
      }
    } else {
      const Entity entity = ReadEntity(text, at);
      if (entity.value != 0) {
        entities.push_back(entity);
        at = entity.end - 1;
      }
    }
  }
  if (static_cast<int>(tags.size() + entities.size()) < kMinMarkupSpots) return;
  if (!tags.empty()) {
    const size_t cut = CutTagAtEnd(text);
    if (cut != std::string_view::npos && cut >= tags.back().end) {
      size_t end = text.size();
      while (end > cut && (text[end - 1] == '\n' || text[end - 1] == '\r' || IsTagBlank(text[end - 1]))) --end;
      tags.push_back({cut, end, false});
    }
  }

  // Line by line (only the lines holding markup are looked at).
  auto propose = [&](size_t begin, size_t end, std::string after, std::string_view reason) {
    RepairRecord record;
    record.rule = repair_rule::kTextHtml;
    record.confidence = kHtmlConfidence;
    record.span = {begin, end};
    record.before = std::string(text.substr(begin, end - begin));
    record.after = std::move(after);
    record.reason = std::string(reason);
    context.Propose(std::move(record));
  };
  for (size_t ti = 0, ei = 0; ti < tags.size() || ei < entities.size();) {
    const size_t first = std::min(ti < tags.size() ? tags[ti].begin : text.size(),
                                  ei < entities.size() ? entities[ei].begin : text.size());
    if (context.CancelledAt(first)) return;
    const size_t nl = text.rfind('\n', first);
    const size_t line_begin = nl == std::string_view::npos ? 0 : nl + 1;
    size_t line_end = text.find('\n', first);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t ti_end = ti, ei_end = ei;
    while (ti_end < tags.size() && tags[ti_end].begin < line_end) ++ti_end;
    while (ei_end < entities.size() && entities[ei_end].begin < line_end) ++ei_end;
    const std::span<const Tag> line_tags(tags.data() + ti, ti_end - ti);
    const std::span<const Entity> line_entities(entities.data() + ei, ei_end - ei);
    ti = ti_end;
    ei = ei_end;
    const LineKind kind = ClassifyLine(text, line_begin, line_end, line_tags, line_entities);
    if (kind == LineKind::kMarkupAlone) {
      propose(line_begin, std::min(line_end + 1, text.size()), "",
              "A line of HTML markup alone that the copy kept: no word of the report.");
      continue;
    }
    if (kind == LineKind::kOther) continue;
    // Runs of tags with blanks alone between them, each one record.
    for (size_t k = 0; k < line_tags.size();) {
      size_t last = k;
      bool block = line_tags[k].block;
      while (last + 1 < line_tags.size()) {
        size_t gap = line_tags[last].end;
        while (gap < line_tags[last + 1].begin && IsTagBlank(text[gap])) ++gap;
        if (gap != line_tags[last + 1].begin) break;
        ++last;
        block = block || line_tags[last].block;
      }
      size_t begin = line_tags[k].begin;
      size_t end = line_tags[last].end;
      k = last + 1;
      size_t before = begin;
      while (before > line_begin && IsTagBlank(text[before - 1])) --before;
      size_t after = end;
      while (after < line_end && (IsTagBlank(text[after]) || text[after] == '\r')) ++after;
      const bool text_before = before > line_begin;
      const bool text_after = after < line_end;
      if (block && text_before && text_after) {
        // The blanks around the break are the markup's indentation.
        while (after > end && text[after - 1] == '\r') --after;
        propose(before, after, "\n",
                "HTML tags the copy kept, a block element's edge between two paragraphs: a line break.");
        continue;
      }
      // At a line's edge the blanks beside the tags go with them.
      if (!text_before) {
        while (end < line_end && IsTagBlank(text[end])) ++end;
      }
      if (!text_after) begin = before;
      propose(begin, end, "",
              text_before && text_after ? "Inline HTML tags the copy kept; the words stay."
                                        : "HTML tags the copy kept at a line's edge; the words stay.");
    }
    for (const Entity& e : line_entities) {
      std::string decoded;
      text::AppendUtf8(e.value, &decoded);
      propose(e.begin, e.end, std::move(decoded), "An HTML character reference the copy kept, decoded.");
    }
  }
}

}  // namespace wenshu::repair_internal
