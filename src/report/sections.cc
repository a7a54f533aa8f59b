// The section tree: list markers at line starts and 一是/二是 lists inside paragraphs, nested by the
// order in which each marker family first appears (a family keeps the level it was first seen at, as
// markdown readers infer heading levels), then checked for gaps and out-of-order numbering.
#include <algorithm>
#include <array>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "quantity/numeral.h"
#include "report/internal.h"
#include "text/breaks.h"
#include "text/char_class.h"
#include "text/list_marker.h"
#include "text/utf8.h"

namespace wenshu::report_internal {
namespace {

constexpr int kFamilyCount = static_cast<int>(MarkerFamily::kAttachment) + 1;
// An unnumbered heading line (“十四五”时期工作回顾, 2026年重点工作) is a short line without punctuation
// that names a role (SectionRole). Bounds in bytes: the 5 provincial 2026 reports set out this way have
// such headings of 7 to 22 characters; their prose lines are 60 characters and more, and the short
// lines of a page (来源：…, 相关报道：, 各位代表：) carry a colon.
constexpr size_t kHeadingLineMinBytes = 4 * 3;
constexpr size_t kHeadingLineMaxBytes = 32 * 3;
// Nested restarts stop here; real reports rarely go past five levels.
constexpr size_t kMaxNestedDepth = 8;

// Punctuation after which an inline 一是 may start: the clause marks (of the sentence ends only the CJK
// ones), the list comma and an opening parenthesis.
bool IsClauseBreak(char32_t c) {
  return text::IsBreak(c, text::kCjkSentenceEnds | text::kCommas | text::kSemicolons | text::kColons |
                              text::kIdeographicComma | text::kOpenParens);
}

struct MarkerMatch {
  MarkerFamily family;
  int ordinal;
  size_t length;  // bytes of the marker
};

// The report's family of a list marker's form.
MarkerFamily FamilyOf(text::ListMarkerForm form) {
  switch (form) {
    case text::ListMarkerForm::kChineseParen: return MarkerFamily::kChineseParen;
    case text::ListMarkerForm::kChineseComma: return MarkerFamily::kChineseComma;
    case text::ListMarkerForm::kOrdinalDi: return MarkerFamily::kOrdinalDi;
    case text::ListMarkerForm::kArabicComma: return MarkerFamily::kArabicComma;
    case text::ListMarkerForm::kArabicDot: return MarkerFamily::kArabicDot;
    case text::ListMarkerForm::kArabicParen: return MarkerFamily::kArabicParen;
    case text::ListMarkerForm::kParenNumeral: return MarkerFamily::kParenNumeral;
    case text::ListMarkerForm::kCircled: return MarkerFamily::kCircled;
  }
  return MarkerFamily::kArabicComma;
}

// The list marker at text[pos] as a section's marker, or nullopt (text::MatchListMarker).
std::optional<MarkerMatch> MatchMarker(std::string_view text, size_t pos, int next_dot) {
  const std::optional<text::ListMarker> m = text::MatchListMarker(text, pos, next_dot);
  if (!m) return std::nullopt;
  return MarkerMatch{FamilyOf(m->form), m->ordinal, m->length};
}

// The end of a heading that starts at `begin` in a line ending at `line_end`: the first sentence or,
// when that is long, the first clause.
size_t HeadingEnd(std::string_view text, size_t begin, size_t line_end) {
  size_t first_comma = std::string_view::npos;
  size_t i = begin;
  while (i < line_end) {
    const auto [c, n] = text::CharAt(text, i);
    if (text::IsBreak(c, text::kCjkSentenceEnds | text::kSemicolons | text::kColons)) break;
    if (text::IsBreak(c, text::kCommas) && first_comma == std::string_view::npos) first_comma = i;
    i += n;
  }
  constexpr size_t kLongHeading = 90;  // bytes, about 30 characters
  if (i - begin > kLongHeading && first_comma != std::string_view::npos && first_comma > begin) {
    return first_comma;
  }
  return i;
}

// The first position at or after pos, before end, that is not a blank at a line's edge.
size_t SkipLineEdgeBlanks(std::string_view text, size_t pos, size_t end) {
  while (pos < end) {
    const auto [c, n] = text::CharAt(text, pos);
    if (!text::IsLineEdgeBlank(c)) break;
    pos += n;
  }
  return pos;
}

size_t TrimBack(std::string_view text, size_t begin, size_t end) {
  while (end > begin) {
    const char b = text[end - 1];
    if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
      --end;
    } else if (end - begin >= 3 && text.substr(end - 3, 3) == "\u3000") {
      end -= 3;
    } else {
      break;
    }
  }
  return end;
}

// Whether a trimmed line ends as a sentence or a lead-in does (。：；！？): the body has begun.
bool EndsLikeSentence(std::string_view line) {
  for (std::string_view p : {"。", "：", "；", "！", "？"}) {
    if (line.ends_with(p)) return true;
  }
  return false;
}

std::string MarkerLabel(const Section& s) { return s.marker; }

// Whether text[begin, end) (a trimmed line) reads as an unnumbered heading: short, without sentence or
// clause punctuation, naming a role.
bool IsHeadingLine(std::string_view text, size_t begin, size_t end) {
  if (end - begin < kHeadingLineMinBytes || end - begin > kHeadingLineMaxBytes) return false;
  const std::string_view line = text.substr(begin, end - begin);
  for (std::string_view p : {"。", "，", "；", "：", "！", "？", "、", ",", ";", ":", "!", "?", "（", "("}) {
    if (line.find(p) != std::string_view::npos) return false;
  }
  return SectionRole(line) != "other";
}

// An annex line (附件, 附件1, 附件二：, 附件3 名词解释): its marker's length in bytes (附件 and its number,
// without the colon), its ordinal (1 when unnumbered) and where its title begins on the line (== end when
// the title is on the next line). Anything else after 附件 (附件材料已报送…) is prose. The 4 provincial 2026
// reports with annexes (附件, 附件1, 附件2) give each its own line, the title on the next; a title on the
// same line stays short: longer or ending like a sentence, the line is prose.
struct AttachmentLine {
  size_t marker_length;
  int ordinal;
  size_t title_begin;
};
constexpr std::string_view kAttachmentWord = "附件";
std::optional<AttachmentLine> MatchAttachmentLine(std::string_view text, size_t begin, size_t end) {
  if (text.substr(begin, end - begin).substr(0, kAttachmentWord.size()) != kAttachmentWord) return std::nullopt;
  size_t i = begin + kAttachmentWord.size();
  int ordinal = 0;
  const size_t numeral_begin = i;
  while (i < end) {
    const auto [c, n] = text::CharAt(text, i);
    if (const int digit = quantity_internal::ArabicDigitValue(c); digit >= 0) {
      if (ordinal > 1000) return std::nullopt;
      ordinal = ordinal * 10 + digit;
    } else if (!text::IsCjkNumeral(c)) {
      break;
    }
    i += n;
  }
  if (i > numeral_begin && ordinal == 0) ordinal = text::SmallChineseNumber(text.substr(numeral_begin, i - numeral_begin));
  if (i > numeral_begin && ordinal <= 0) return std::nullopt;
  const size_t marker_end = i;
  bool separated = i == end;
  while (i < end) {
    const auto [c, n] = text::CharAt(text, i);
    if (!text::IsInlineBlank(c) && c != U'：' && c != U':') break;
    separated = true;
    i += n;
  }
  if (!separated) return std::nullopt;  // 附件材料…, 附件中…
  if (end - i > kHeadingLineMaxBytes || EndsLikeSentence(text.substr(i, end - i))) return std::nullopt;
  return AttachmentLine{marker_end - begin, ordinal > 0 ? ordinal : 1, i};
}

// The title of an annex whose marker stands alone on the line ending at line_end: the next non-blank
// line, when it reads as one (short, not a sentence, no list marker); nullopt otherwise.
std::optional<Span> NextLineTitle(std::string_view text, size_t line_end) {
  if (line_end >= text.size()) return std::nullopt;
  size_t next = line_end + 1;
  while (next < text.size() && (text[next] == '\n' || text[next] == '\r')) ++next;
  size_t next_end = text.find('\n', next);
  if (next_end == std::string_view::npos) next_end = text.size();
  const size_t title = SkipLineEdgeBlanks(text, next, next_end);
  const size_t title_end = TrimBack(text, title, next_end);
  if (title_end == title || title_end - title > kHeadingLineMaxBytes ||
      EndsLikeSentence(text.substr(title, title_end - title)) || MatchMarker(text, title, 0)) {
    return std::nullopt;
  }
  return Span{title, title_end};
}

}  // namespace


SectionPath SectionOutline::PathAt(size_t offset) const {
  auto it = std::upper_bound(flat.begin(), flat.end(), offset,
                             [](size_t off, const FlatSection& f) { return off < f.section.span.begin; });
  if (it == flat.begin()) return {};
  int idx = static_cast<int>(it - flat.begin()) - 1;
  while (idx >= 0 && !flat[idx].section.span.Contains(offset)) idx = flat[idx].parent;
  if (idx < 0) return {};
  return flat[idx].path;
}

std::vector<Section> SectionOutline::Tree(text_internal::CancelPoll* cancel) const {
  std::vector<Section> roots;
  for (const FlatSection& f : flat) {
    if (cancel != nullptr && cancel->At(f.section.span.begin)) return {};
    std::vector<Section>* level = &roots;
    for (size_t k = 0; k + 1 < f.path.size(); ++k) level = &(*level)[f.path[k]].children;
    level->push_back(f.section);
  }
  return roots;
}

SectionOutline ParseSections(std::string_view text, text_internal::CancelPoll* cancel) {
  SectionOutline out;
  std::array<int, kFamilyCount> family_level{};  // 0 = not seen yet
  std::vector<int> open;                         // indexes of open line sections, outermost first
  std::vector<int> child_count;                  // per flat node
  int root_children = 0;
  bool body_seen = false;  // a line ending in sentence punctuation was seen
  bool annex_seen = false;  // an annex (附件) opened: every later line belongs to one
  int heading_lines = 0;

  auto add = [&](Section s, int parent) {
    FlatSection f;
    f.parent = parent;
    if (parent < 0) {
      f.path = {root_children++};
    } else {
      f.path = out.flat[parent].path;
      f.path.push_back(child_count[parent]++);
    }
    s.level = static_cast<int>(f.path.size());
    f.section = std::move(s);
    out.flat.push_back(std::move(f));
    child_count.push_back(0);
    return static_cast<int>(out.flat.size()) - 1;
  };

  size_t line_begin = 0;
  while (line_begin <= text.size()) {
    // 29 ms a MiB of report text unpolled (bench/cancel_latency, 10 MiB: 0.29 s).
    if (cancel != nullptr && cancel->At(line_begin)) return {};
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const size_t pos = SkipLineEdgeBlanks(text, line_begin, line_end);
    if (pos < line_end) {
      int next_dot = 0;
      for (auto k = open.rbegin(); k != open.rend(); ++k) {
        if (out.flat[*k].section.family == MarkerFamily::kArabicDot) {
          next_dot = out.flat[*k].section.ordinal + 1;
          break;
        }
      }
      const size_t trimmed_end = TrimBack(text, pos, line_end);
      std::optional<MarkerMatch> m = MatchMarker(text.substr(0, line_end), pos, next_dot);
      // An unnumbered heading line is a top-level section when the body has begun (a line ended with
      // sentence punctuation: the title is never one) and no numbered list was seen before it, or when
      // such headings already head the document (they stay the top level).
      const int heading_family = static_cast<int>(MarkerFamily::kHeadingLine);
      bool numbered_seen = false;
      for (int f = 0; f < kFamilyCount; ++f) {
        if (f != heading_family && family_level[f] != 0) numbered_seen = true;
      }
      if (!m && body_seen && !annex_seen && (!numbered_seen || family_level[heading_family] == 1) &&
          IsHeadingLine(text, pos, trimmed_end)) {
        m = MarkerMatch{MarkerFamily::kHeadingLine, ++heading_lines, 0};
      }
      auto close_to = [&](size_t depth) {
        while (open.size() > depth) {
          Section& closing = out.flat[open.back()].section;
          closing.span.end = TrimBack(text, closing.span.begin, line_begin);
          open.pop_back();
        }
      };
      // An annex after the body closes every open section and opens a top-level one: its lists nest
      // under it, not under the report's last chapter.
      if (const std::optional<AttachmentLine> a =
              !m && body_seen ? MatchAttachmentLine(text, pos, trimmed_end) : std::nullopt) {
        close_to(0);
        // A part of its own: its lists nest under it whatever level they had in the report (广东's
        // 附件1 numbers its items 一、 … 十、 like the report's chapters), and heading lines stay inside.
        family_level.fill(0);
        family_level[static_cast<int>(MarkerFamily::kAttachment)] = 1;
        annex_seen = true;
        Section s;
        s.family = MarkerFamily::kAttachment;
        s.marker = std::string(text.substr(pos, a->marker_length));
        s.ordinal = a->ordinal;
        size_t heading_begin = a->title_begin, heading_end = trimmed_end;
        if (heading_begin == heading_end) {
          if (const std::optional<Span> title = NextLineTitle(text, line_end)) {
            heading_begin = title->begin;
            heading_end = title->end;
            // The title line is read: it opens no section of its own.
            line_end = std::min(text.find('\n', title->end), text.size());
          }
        }
        s.heading = std::string(text.substr(heading_begin, heading_end - heading_begin));
        s.heading_span = {pos, heading_end};
        s.span = {pos, text.size()};
        open.push_back(add(std::move(s), -1));
        if (line_end == text.size()) break;
        line_begin = line_end + 1;
        continue;
      }
      if (trimmed_end > pos && EndsLikeSentence(text.substr(pos, trimmed_end - pos))) body_seen = true;
      if (m) {
        const int family = static_cast<int>(m->family);
        if (family_level[family] == 0) family_level[family] = static_cast<int>(open.size()) + 1;
        // The innermost open section of this family.
        int same = -1;
        for (int k = static_cast<int>(open.size()) - 1; k >= 0; --k) {
          if (out.flat[open[k]].section.family == m->family) {
            same = k;
            break;
          }
        }
        if (same >= 0 && out.flat[open[same]].section.ordinal + 1 == m->ordinal) {
          close_to(static_cast<size_t>(same));  // the next item of an open list
        } else if (same >= 0 && m->ordinal == 1 && out.flat[open.back()].section.family != m->family &&
                   open.size() < kMaxNestedDepth) {
          // A family seen higher up (三、) starts again at 1 inside a deeper section of another family
          // (一、 items under 第一，): a nested list, not a new top-level run. "1、 1、" or "一、 二、 一、" is
          // a restart at the same level instead, and the depth is capped, so no input can make the tree
          // (and every path in it) grow with the length of the document.
        } else {
          while (!open.empty() && family_level[static_cast<int>(out.flat[open.back()].section.family)] >=
                                      family_level[family]) {
            close_to(open.size() - 1);
          }
        }
        Section s;
        s.family = m->family;
        s.marker = std::string(text.substr(pos, m->length));
        s.ordinal = m->ordinal;
        const size_t heading_begin = SkipLineEdgeBlanks(text, pos + m->length, line_end);
        size_t heading_end = HeadingEnd(text, heading_begin, line_end);
        s.heading = std::string(text.substr(heading_begin, heading_end - heading_begin));
        s.heading_span = {pos, heading_end};
        s.span = {pos, text.size()};
        int idx = add(std::move(s), open.empty() ? -1 : open.back());
        open.push_back(idx);
      }

      // 一是 … 二是 … inside this paragraph: a list one level below the paragraph's section.
      static constexpr std::string_view kShi[] = {"一是", "二是", "三是", "四是", "五是",
                                                  "六是", "七是", "八是", "九是", "十是"};
      std::vector<size_t> starts;
      size_t search = pos;
      for (std::string_view marker : kShi) {
        size_t found = std::string_view::npos;
        size_t at = search;
        while (true) {
          size_t f = text.substr(0, line_end).find(marker, at);
          if (f == std::string_view::npos) break;
          bool ok = f == pos;
          if (!ok) {
            // The code point before must be a clause break.
            ok = IsClauseBreak(text::CharAt(text, text::AlignToCharStart(text, f - 1, line_begin)).value);
          }
          if (ok) {
            found = f;
            break;
          }
          at = f + marker.size();
        }
        if (found == std::string_view::npos) break;
        starts.push_back(found);
        search = found + marker.size();
      }
      if (starts.size() >= 2) {
        const int parent = open.empty() ? -1 : open.back();
        const size_t paragraph_end = TrimBack(text, pos, line_end);
        for (size_t k = 0; k < starts.size(); ++k) {
          Section s;
          s.family = MarkerFamily::kInlineShi;
          s.marker = std::string(kShi[k]);
          s.ordinal = static_cast<int>(k) + 1;
          size_t heading_begin = starts[k] + s.marker.size();
          size_t end = k + 1 < starts.size() ? starts[k + 1] : paragraph_end;
          size_t heading_end = std::min(HeadingEnd(text, heading_begin, end), end);
          // Inline headings stop at the first clause.
          size_t comma = text.substr(0, heading_end).find("，", heading_begin);
          if (comma != std::string_view::npos) heading_end = comma;
          s.heading = std::string(text.substr(heading_begin, heading_end - heading_begin));
          s.heading_span = {starts[k], heading_end};
          // Trim the clause break that ends one item.
          s.span = {starts[k], TrimBack(text, starts[k], end)};
          add(std::move(s), parent);
        }
      }
    }
    if (line_end == text.size()) break;
    line_begin = line_end + 1;
  }
  for (int idx : open) {
    Section& s = out.flat[idx].section;
    s.span.end = TrimBack(text, s.span.begin, text.size());
  }

  // Numbering: the children of one parent in one family count 1, 2, 3 …
  struct Group {
    int parent;
    MarkerFamily family;
    std::vector<int> members;
  };
  std::vector<Group> groups;
  // (parent, family) -> the group being filled: one hash lookup per section, linear overall.
  absl::flat_hash_map<std::pair<int, int>, size_t> current;
  for (int i = 0; i < static_cast<int>(out.flat.size()); ++i) {
    const FlatSection& f = out.flat[i];
    if (cancel != nullptr && cancel->At(f.section.span.begin)) return {};
    const std::pair<int, int> key{f.parent, static_cast<int>(f.section.family)};
    auto it = current.find(key);
    // A list that starts again at 1 under the same parent is a new list (another paragraph's 一是…,
    // a second part of the report), not a gap.
    if (it == current.end() || f.section.ordinal == 1) {
      current[key] = groups.size();
      groups.push_back({f.parent, f.section.family, {i}});
    } else {
      groups[it->second].members.push_back(i);
    }
  }
  for (const Group& g : groups) {
    const Section& first = out.flat[g.members.front()].section;
    if (cancel != nullptr && cancel->At(first.span.begin)) return {};
    if (first.family == MarkerFamily::kHeadingLine) continue;  // unnumbered: nothing to check
    if (g.members.size() < 2 && first.ordinal == 1) continue;
    ReportCheck check;
    check.rule = kCheckSectionsNumbering;
    check.section = g.parent < 0 ? SectionPath{} : out.flat[g.parent].path;
    std::vector<std::string> problems;
    size_t problem_count = 0;
    // A pathological list (a million markers out of order) still gives a short record.
    constexpr size_t kMaxListed = 5;
    constexpr size_t kMaxSpans = 50;
    int expected = 1;
    for (int idx : g.members) {
      const Section& s = out.flat[idx].section;
      if (s.ordinal != expected) {
        ++problem_count;
        if (check.spans.size() < kMaxSpans) {
          check.spans.push_back({s.heading_span.begin, s.heading_span.begin + s.marker.size()});
        }
        if (problems.size() >= kMaxListed) {
          // counted, not listed
        } else if (expected == 1) {
          problems.push_back(absl::StrCat("the list starts at ", MarkerLabel(s)));
        } else {
          problems.push_back(absl::StrCat(MarkerLabel(s), " where number ", expected, " was expected"));
        }
      }
      expected = s.ordinal + 1;
    }
    const Section& last = out.flat[g.members.back()].section;
    if (problems.empty()) {
      check.status = CheckStatus::kPass;
      check.spans.push_back({first.heading_span.begin, first.heading_span.begin + first.marker.size()});
      check.spans.push_back({last.heading_span.begin, last.heading_span.begin + last.marker.size()});
      check.reason = absl::StrCat(g.members.size(), " items ", first.marker, " … ", last.marker,
                                  " are numbered in sequence");
    } else {
      check.status = CheckStatus::kFail;
      std::string reason = absl::StrCat("numbering of ", first.marker, " … ", last.marker,
                                        " has a gap or is out of order: ", absl::StrJoin(problems, "; "));
      if (problem_count > problems.size()) {
        absl::StrAppend(&reason, "; and ", problem_count - problems.size(), " more");
      }
      check.reason = std::move(reason);
    }
    out.checks.push_back(std::move(check));
  }
  return out;
}

}  // namespace wenshu::report_internal
