// boilerplate.site_lines (see site_lines.h).
#include "repair/site_lines.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <optional>
#include <span>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "re2/re2.h"
#include "repair/number_scan.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "repair/vocab_model.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// The model, compiled at build time from src/repair/data/furniture_model.tsv (kFurnitureBias,
// kFurnitureWeights), and its hash index, built by the compiler.
#include "repair/furniture_model_table.inc"

// FNV-1a 32 of a feature's bytes; `h`, the hash of the bytes before them (a feature hashed part by part).
constexpr uint32_t FeatureHash(std::string_view feature, uint32_t h = 2166136261u) {
  for (char c : feature) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

// Fills `slots` (a power of two, at least twice the entries: probes stay short) with 1 + the index of
// each entry and its feature's hash at that hash, linear probing; a repeated feature keeps its last
// weight, as a map assigned row by row would.
constexpr void FillIndex(std::span<const FurnitureWeight> weights, std::span<FurnitureSlot> slots) {
  const uint32_t mask = static_cast<uint32_t>(slots.size() - 1);
  for (uint32_t i = 0; i < weights.size(); ++i) {
    const uint32_t hash = FeatureHash(weights[i].feature);
    for (uint32_t s = hash & mask;; s = (s + 1) & mask) {
      if (slots[s].entry == 0 || weights[slots[s].entry - 1].feature == weights[i].feature) {
        slots[s] = {hash, i + 1};
        break;
      }
    }
  }
}

constexpr size_t IndexSlots(size_t entries) { return std::bit_ceil(std::max<size_t>(2 * entries, 2)); }

constexpr auto kFurnitureIndex = [] {
  std::array<FurnitureSlot, IndexSlots(std::size(kFurnitureWeights))> slots{};
  FillIndex(kFurnitureWeights, slots);
  return slots;
}();

// Packs `weights` as offsets into their features one after another (`features`, when given, must be
// exactly that text); returns the features' total size.
constexpr size_t PackWeights(std::span<const FurnitureWeight> weights, std::span<PackedFurnitureWeight> packed,
                             std::string_view features = {}) {
  size_t offset = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const std::string_view feature = weights[i].feature;
    if (!features.empty() && features.substr(offset, feature.size()) != feature) {
      throw "kFurnitureFeatures does not hold kFurnitureWeights' features in order";
    }
    packed[i] = {static_cast<uint32_t>(offset), static_cast<uint32_t>(feature.size()), weights[i].weight};
    offset += feature.size();
  }
  return offset;
}

// Whether the features are in the order of their bytes, each once (FurnitureModel::Probability sums the
// weights in the order of their entries).
constexpr bool InFeatureOrder(std::span<const FurnitureWeight> weights) {
  return std::adjacent_find(weights.begin(), weights.end(), [](const FurnitureWeight& a, const FurnitureWeight& b) {
           return !(a.feature < b.feature);
         }) == weights.end();
}
// tools/furniture/train.py writes the rows sorted by feature (Python orders by code point, as UTF-8 bytes do).
static_assert(InFeatureOrder(kFurnitureWeights), "furniture_model.tsv's features are not in byte order, each once");

// What the embedded model reads at run time: kFurnitureFeatures and these offsets into it. (The array of
// views, kFurnitureWeights, is used only here, by the compiler.)
constexpr auto kFurniturePacked = [] {
  std::array<PackedFurnitureWeight, std::size(kFurnitureWeights)> packed{};
  const size_t bytes = PackWeights(kFurnitureWeights, packed, {kFurnitureFeatures, sizeof(kFurnitureFeatures) - 1});
  if (bytes != sizeof(kFurnitureFeatures) - 1) throw "kFurnitureFeatures holds more than the features";
  return packed;
}();

// As in tools/furniture/features.py.
constexpr size_t kNgramChars = 80;
constexpr size_t kTailChars = 40;
constexpr size_t kLengthBuckets[] = {1, 2, 3, 5, 8, 12, 20, 35, 60, 100};
constexpr std::string_view kSentenceEnd[] = {"。", "！", "？", "；", "…"};

bool HoldsSentenceEnd(std::string_view s) {
  return std::any_of(std::begin(kSentenceEnd), std::end(kSentenceEnd),
                     [&](std::string_view e) { return s.find(e) != std::string_view::npos; });
}

constexpr std::string_view kCommas[] = {"，", "、"};
constexpr std::string_view kClosers[] = {"）", ")", "】", "」", "》", "”", "’", "〕", "]"};
constexpr std::string_view kSeparators[] = {">", "»", "›", "|", "/", "·", "•"};
constexpr std::string_view kUrlMarks[] = {"http", "www.", ".com", ".cn", ".htm", ".net", ".org"};

// Whether `line` holds one of kUrlMarks, ASCII case ignored, in one pass without a lowercased copy: only
// a byte that starts a mark (h, w, '.', in either case) is looked at further.
bool HasUrlMark(std::string_view line) {
  static constexpr auto kStartsMark = [] {
    std::array<bool, 256> starts{};
    for (std::string_view mark : kUrlMarks) {
      const auto c = static_cast<unsigned char>(mark.front());
      starts[c] = true;
      if (c >= 'a' && c <= 'z') starts[c - 'a' + 'A'] = true;
    }
    return starts;
  }();
  for (size_t i = 0; i < line.size(); ++i) {
    if (!kStartsMark[static_cast<unsigned char>(line[i])]) continue;
    const absl::string_view rest(line.data() + i, line.size() - i);
    for (std::string_view mark : kUrlMarks) {
      if (absl::StartsWithIgnoreCase(rest, absl::string_view(mark.data(), mark.size()))) return true;
    }
  }
  return false;
}

template <size_t N>
bool OneOf(std::string_view c, const std::string_view (&set)[N]) {
  // The first bytes first: most characters are ideographs, and none of the marks starts as one does (a
  // comparison of views is a call to memcmp).
  return !c.empty() && std::any_of(std::begin(set), std::end(set),
                                   [&](std::string_view s) { return s.front() == c.front() && s == c; });
}

bool IsHanChar(std::string_view c) { return text::IsHan(text::CharAt(c, 0).value); }

// The line's characters, normalized (NormalizedContextChar), blank runs collapsed, the ends trimmed: views
// into the line or NormalizedContextChar's constants. `han` counts the ideographs among them (IsHan; a
// normalized character is one only when it was one already).
std::vector<std::string_view> LineChars(std::string_view line, size_t* han) {
  *han = 0;
  std::vector<std::string_view> out;
  out.reserve(line.size());  // a character is a byte at least: one allocation, not one per doubling
  for (size_t i = 0; i < line.size();) {
    const size_t start = i;
    // A maximal ill-formed run is one character here (one U+FFFD), as ICU steps over it.
    const text::Decoded d = text::DecodeUtf8At(line, i);
    i += d.len > 0 ? static_cast<size_t>(d.len) : text::IllFormedLength(line, i);
    // An ideograph, most characters, is its own normal form: no second decoding.
    if (d.len > 0 && text::IsHan(d.cp)) {
      out.push_back(line.substr(start, i - start));
      ++*han;
      continue;
    }
    const std::string_view n = NormalizedContextChar(line.substr(start, i - start));
    if (n == "\n") continue;
    if (n == " " && (out.empty() || out.back() == " ")) continue;
    out.push_back(n);
  }
  while (!out.empty() && out.back() == " ") out.pop_back();
  return out;
}

int ShareBucket(size_t part, size_t whole) {
  if (part == 0 || whole == 0) return 0;
  const double s = static_cast<double>(part) / static_cast<double>(whole);
  return s <= 0.15 ? 1 : s <= 0.4 ? 2 : 3;
}


// What a line wholly in one pair of lenticular brackets holds ("【人力资源部编写】" → "人力资源部编写"), or
// nothing when the line is not so written.
std::optional<std::string_view> BracketedContent(std::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(absl::string_view(line.data(), line.size()));
  const std::string_view t(trimmed.data(), trimmed.size());
  constexpr std::string_view kOpen = "【", kClose = "】";
  if (t.size() <= kOpen.size() + kClose.size() || !t.starts_with(kOpen) || !t.ends_with(kClose)) {
    return std::nullopt;
  }
  const std::string_view inside(t.data() + kOpen.size(), t.size() - kOpen.size() - kClose.size());
  if (inside.find(kOpen) != std::string_view::npos || inside.find(kClose) != std::string_view::npos) return std::nullopt;
  return inside;
}


// A line of clauses: kSentenceChars characters or more and kClauseCommas commas (，) or more.
bool IsClauseLine(std::string_view line) {
  if (text::CountCharStarts(line) < kSentenceChars) return false;
  size_t commas = 0;
  for (size_t at = line.find("，"); at != std::string_view::npos && commas < kClauseCommas; at = line.find("，", at + 3)) {
    ++commas;
  }
  return commas >= kClauseCommas;
}

size_t BreadcrumbLastItem(std::string_view line);
size_t BlankAt(std::string_view s, size_t i);
bool IsLinkSeparator(std::string_view c);
std::string_view CharAt(std::string_view s, size_t i);

// Whether a link separator with blanks on both sides parts the line (`…旗下品牌 | …合作单位`, a site's brand or
// menu line): the clean corpora's 22,263 lines hold none (no blank-parted bar, and their 6 lines with `>` are a
// portal's chrome); the blanks are the site's layout, not extraction noise.
bool HasBlankPartedLink(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    const std::string_view c = CharAt(line, i);
    if (i > 0 && IsLinkSeparator(c) && c != "/" && i + c.size() < line.size() && BlankAt(line, i + c.size()) > 0) {
      const size_t before = i - std::max<size_t>(1, text::CharBefore(line, i).length);
      if (BlankAt(line, before) > 0) return true;
    }
    i += c.size();
  }
  return false;
}

// A line of HTML tags alone, blanks between them (`<noframes id="…"><rt id="…"></rt>…`, a page's markup
// the copy kept): no word of the report, whatever its length (the model reads lines of at most
// kMaxSiteLineChars). The clean corpora's 22,263 lines hold no tag; issue 14's seven dev sets hold such lines
// on three pages, every one annotated as residue (one longer than kMaxSiteLineChars, kept before).
bool IsTagResidueLine(std::string_view line) {
  size_t tags = 0;
  for (size_t at = 0; at < line.size();) {
    if (line[at] == ' ' || line[at] == '\t' || line[at] == '\r') {
      ++at;
      continue;
    }
    if (line[at] != '<' || at + 1 >= line.size() || !(absl::ascii_isalpha(line[at + 1]) || line[at + 1] == '/')) {
      return false;
    }
    const size_t close = line.find_first_of("<>", at + 1);
    if (close == std::string_view::npos || line[close] != '>') return false;
    ++tags;
    at = close + 1;
  }
  return tags > 0;
}

// A line that holds only a date written with hyphens, a time after it or not (`2024-05-19`, `2022-07-21
// 09:17:34`): a site's publication stamp. The clean corpora's 22,263 lines hold none (reports write
// 2024年5月19日); issue 14's dev sets hold five, each annotated as a site's line. A date written in 年月日 is a
// report's own dateline, unless a clock time follows it (`2021年01月10日11:32:39`): none of the clean corpora's
// lines holds a date and a time alone; the seventh real set holds one, a site's.
bool IsPublicationStamp(std::string_view line) {
  static const RE2 kStamp(R"(^[ \t\x{3000}]*(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}(?:[ \t]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[ \t\x{3000}\r]*$)");
  static const RE2 kTimedDate(R"(^[ \t\x{3000}]*(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日[ \t]*[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?[ \t\x{3000}\r]*$)");
  const re2::StringPiece v(line.data(), line.size());
  return line.size() <= 40 && (RE2::FullMatch(v, kStamp) || RE2::FullMatch(v, kTimedDate));
}

// A line that opens with a bar and holds one short cell after it (`| 用户名`, at most kLoneCellMaxChars
// characters, no sentence end): a field of the site's page layout (its author's or uploader's name) that lost
// its label. A table's row holds two cells at least (IsTableRow), a breadcrumb or menu a piece before its bar.
bool IsLoneCellLine(std::string_view line) {
  const std::string_view t = text::TrimLineBlanks(line);
  if (!t.starts_with("|") || t.find('|', 1) != std::string_view::npos) return false;
  const std::string_view cell = text::TrimLineBlanks(t.substr(1));
  return !cell.empty() && text::CountCharStarts(cell) <= kLoneCellMaxChars && !HoldsSentenceEnd(cell);
}

// A line that ends in a button's label after a blank (`…写作神器! 立即了解`, `… 点击下载`): a site's advert or
// call to action, its interface wording. The clean corpora's 22,263 lines hold none of these labels anywhere;
// issue 14's dev sets hold three lines with one, each a site's.
bool EndsInCallToAction(std::string_view line) {
  if (line.size() > 240) return false;
  static const RE2 kButton(
      R"([ \t\x{3000}](?:立即|马上|點擊|点击|免费|免費)(?:了解|下载|下載|查看|咨询|諮詢|领取|領取|体验|體驗|注册|註冊|试用|試用|阅读|閱讀)[ \t\x{3000}\r]*$)");
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kButton);
}

// Whether the line, without the Latin letters, digits and spaces extraction left in it, reads as prose and
// holds kTitleHanChars ideographs (政 府 工 作 报 告hd9, 各位代表:hd9). A site's line keeps its signals
// without them (上传人: 文档编号: …, 当前位置>>首页 > …).
bool ReadsAsProseWithoutNoise(std::string_view line, const FurnitureModel& model) {
  // A URL is the signal, not noise (《…》来源于www.….com，欢迎阅读…。); so are the blanks around a breadcrumb's
  // link separators (某某网 > 年终总结 > …, which without them reads as prose: 0.32 against 0.99).
  if (HasUrlMark(line) || BreadcrumbLastItem(line) != std::string_view::npos || HasBlankPartedLink(line)) return false;
  // A run of X or x alone is a template's placeholder (X镇第XX届, 20XX年), a word of the line: it stays.
  std::string denoised;
  for (size_t i = 0; i < line.size();) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (absl::ascii_isalpha(c)) {
      size_t j = i;
      while (j < line.size() && absl::ascii_isalpha(static_cast<unsigned char>(line[j]))) ++j;
      const std::string_view run = line.substr(i, j - i);
      if (run.find_first_not_of('X') == std::string_view::npos || run.find_first_not_of('x') == std::string_view::npos) {
        denoised.append(run);
      }
      i = j;
      continue;
    }
    if (!absl::ascii_isdigit(c) && c != ' ' && c != '\t') denoised.push_back(line[i]);
    ++i;
  }
  if (denoised.size() == line.size() || text::CountCharStarts(HanOnly(denoised)) < kTitleHanChars) return false;
  return model.Probability(denoised) < kProseProbability;
}

// Where the last item of a breadcrumb starts (after its last link separator and the blanks after it), when
// the line has kBreadcrumbSeparators separators or more; npos otherwise.
size_t BreadcrumbLastItem(std::string_view line) {
  constexpr std::string_view kLinks[] = {">", "»", "›", "＞"};
  // Their first bytes: the search skips to these (a byte-by-byte comparison with each separator took 0.19 s
  // unpolled over a line of 10 MiB, bench/cancel_latency unpunctuated).
  constexpr std::string_view kLinkLeads = ">\xC2\xE2\xEF";
  size_t count = 0, after = std::string_view::npos;
  for (size_t i = line.find_first_of(kLinkLeads); i != std::string_view::npos;) {
    size_t len = 1;
    for (std::string_view link : kLinks) {
      if (line.substr(i, link.size()) == link) {
        len = link.size();
        // ">>" is one separator.
        if (after != i) ++count;
        after = i + len;
        break;
      }
    }
    i = line.find_first_of(kLinkLeads, i + len);
  }
  if (count < kBreadcrumbSeparators) return std::string_view::npos;
  while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
  return after;
}

// Blank characters inside a line: a run of them separates pieces.
size_t BlankAt(std::string_view s, size_t i) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (s.substr(i, 3) == "\u3000") return 3;
  if (s.substr(i, 2) == "\u00A0") return 2;
  return 0;
}

// A row of a table: kTableBars bars or more, the line starting or ending with one, and kTableCells cells.
bool IsTableRow(std::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(absl::string_view(line.data(), line.size()));
  line = std::string_view(trimmed.data(), trimmed.size());
  if (line.empty() || std::count(line.begin(), line.end(), '|') < static_cast<long>(kTableBars)) return false;
  if (line.front() != '|' && line.back() != '|') return false;
  // A row has kTableCells cells at least, empty ones counted (`| 第二十条 | |||`): one word between two bars
  // alone (`| 报告 |`) is a site's tag.
  const size_t bars = static_cast<size_t>(std::count(line.begin(), line.end(), '|'));
  const size_t cells = bars + 1 - (line.front() == '|') - (line.back() == '|');
  return cells >= kTableCells;
}
std::vector<size_t> PieceBoundaries(std::string_view line, size_t from, size_t to);

// Where a broken table's residue starts in `line` (the blanks before it included): 0 for a line of bars and
// blanks alone, the start of a run of kResidueBars bars or more (blanks between them) that ends the line,
// npos for neither.
size_t BarResidueStart(std::string_view line) {
  size_t start = line.size(), bars = 0;
  while (start > 0 && (line[start - 1] == '|' || BlankAt(line, start - 1) == 1)) bars += line[--start] == '|';
  // A U+3000 or U+00A0 before the run is a blank too.
  while (start >= 2 && BlankAt(line, start - 2) == 2) start -= 2;
  while (start >= 3 && BlankAt(line, start - 3) == 3) start -= 3;
  if (bars == 0) return std::string_view::npos;
  if (start == 0) return 0;
  return bars >= kResidueBars ? start : std::string_view::npos;
}

// A title: one piece of kBreadcrumbTitleHanChars ideographs or more that names a kind of report
// (市长政府工作报告全文): before the report such a line stays unless the model is near-certain.
bool ReadsAsTitle(std::string_view line) {
  const absl::string_view stripped = absl::StripAsciiWhitespace(absl::string_view(line.data(), line.size()));
  const std::string_view title(stripped.data(), stripped.size());
  if (text::CountCharStarts(HanOnly(title)) < kBreadcrumbTitleHanChars || !PieceBoundaries(title, 0, title.size()).empty()) {
    return false;
  }
  // A title holds no sentence's end.
  for (std::string_view end : kSentenceEnd) {
    if (title.find(end) != std::string_view::npos) return false;
  }
  return std::any_of(std::begin(kReportTitleWords), std::end(kReportTitleWords),
                     [&](std::string_view word) { return title.find(word) != std::string_view::npos; });
}

// A site's or portal's field that holds the title: "标   题 …", "文章标题：…".
bool IsTitleField(std::string_view line) {
  static const RE2 kTitleField(R"(^[ \t\x{3000}]*(?:文章标题|文档标题|文档名称|标[ \t\x{3000}]*题)[ \t\x{3000}:：])");
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kTitleField);
}

// A field's name in a portal's metadata block: kFieldNameMinHan to kFieldNameMaxHan ideographs, nothing else
// but a closing colon (发文单位, 主题分类, 索引号, 来源：).
bool IsFieldName(std::string_view line) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(absl::string_view(line.data(), line.size()));
  std::string_view t(trimmed.data(), trimmed.size());
  if (t.ends_with("：")) t.remove_suffix(3);
  else if (t.ends_with(":")) t.remove_suffix(1);
  const size_t han = text::CountCharStarts(HanOnly(t));
  return han >= kFieldNameMinHan && han <= kFieldNameMaxHan && text::CountCharStarts(t) == han;
}

// A table cell's field name letter-spaced to the width of the longer ones (索 引 号, 文 号): one ideograph
// between single blanks. Only in a row of cells: alone on a line it may be a spaced name (龚 正).
bool IsSpacedFieldName(std::string_view cell) {
  size_t pieces = 0;
  for (const absl::string_view piece : absl::StrSplit(absl::string_view(cell.data(), cell.size()), ' ')) {
    const std::string_view p(piece.data(), piece.size());
    if (text::CountCharStarts(p) != 1 || text::CountCharStarts(HanOnly(p)) != 1) return false;
    ++pieces;
  }
  return pieces >= kFieldNameMinHan && pieces <= kFieldNameMaxHan;
}

// A row's cells between its bars, trimmed, the empty ones at its end dropped.
std::vector<std::string_view> RowCells(std::string_view line) {
  std::vector<std::string_view> cells;
  for (size_t at = 0;;) {
    const size_t bar = line.find('|', at);
    const absl::string_view cell = absl::StripAsciiWhitespace(
        absl::string_view(line.data() + at, (bar == std::string_view::npos ? line.size() : bar) - at));
    cells.emplace_back(cell.data(), cell.size());
    if (bar == std::string_view::npos) break;
    at = bar + 1;
  }
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

// Where a cell's field name ends after its colon (`发布日期:2020-12-31` → after `发布日期:`), or npos: a field name
// (IsFieldName) closed by a colon.
size_t LabelledCellValueStart(std::string_view cell) {
  for (std::string_view colon : {std::string_view(":"), std::string_view("：")}) {
    const size_t at = cell.find(colon);
    if (at != std::string_view::npos && IsFieldName(cell.substr(0, at))) return at + colon.size();
  }
  return std::string_view::npos;
}

// A portal's metadata table flattened into rows of cells (`索引号 | ABC123/2024-00017 | ||`, `主题分类 | 政务公开 |
// 体裁分类 | 其他 |`): the metadata block's field names and values, written with bars where the other form
// writes blanks or breaks. Every other cell from the first is a field's name (IsFieldName), and no value is a
// sentence. Or each cell holds a field's name and its value after a colon, the value empty or short and no
// sentence (`索引号: | |`, `发文机关:某区统计局 | 主题词: |`): the portal's label-value cells. A report's own table
// names its columns once in a header row; its data rows hold figures, with no field name and colon per cell.
bool IsFieldCellsRow(std::string_view line) {
  const std::vector<std::string_view> cells = RowCells(line);
  if (cells.empty() || cells[0].empty()) return false;
  const bool labelled = std::all_of(cells.begin(), cells.end(), [](std::string_view cell) {
    if (cell.empty()) return true;
    const size_t value = LabelledCellValueStart(cell);
    return value != std::string_view::npos && text::CountCharStarts(cell.substr(value)) <= kFieldValueMaxChars &&
           !HoldsSentenceEnd(cell.substr(value));
  });
  if (labelled && line.find('|') != std::string_view::npos) return true;
  if (cells.size() < 2) return false;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (c % 2 == 0 && !cells[c].empty() && !IsFieldName(cells[c]) && !IsSpacedFieldName(cells[c])) return false;
    if (c % 2 == 1 && HoldsSentenceEnd(cells[c])) return false;
  }
  return true;
}

// A portal's title field written as a row of its metadata table (`标题:某局2020年工作总结 | |`): where the title
// starts and where the row's bars start (bytes into `line`), or nullopt. The title is the document's; the
// label and the cell bars are the table's.
struct TitleCell {
  size_t title_begin = 0, bars_begin = 0;
};
std::optional<TitleCell> TitleFieldCell(std::string_view line) {
  const std::vector<std::string_view> cells = RowCells(line);
  if (cells.size() != 1 || !IsTitleField(cells[0]) || line.find('|') == std::string_view::npos) return std::nullopt;
  const size_t value = LabelledCellValueStart(cells[0]);
  if (value == std::string_view::npos) return std::nullopt;
  TitleCell cell;
  cell.title_begin = static_cast<size_t>(cells[0].data() - line.data()) + value;
  cell.bars_begin = text::SkipBlanksBack(line, line.find('|'), 0);
  if (cell.bars_begin <= cell.title_begin) return std::nullopt;
  return cell;
}

// The line with its bars read as blanks: the form the model learned a portal's metadata rows in.
std::string BarsAsBlanks(std::string_view line) {
  std::string out(line);
  std::replace(out.begin(), out.end(), '|', ' ');
  return out;
}

// Link separators join the pieces of a breadcrumb or a menu (首页 > 工作总结, 联系我们 | 关于我们).
bool IsLinkSeparator(std::string_view c) {
  constexpr std::string_view kLinkChars[] = {">", "»", "›", "|", "/", "＞", "｜"};
  return OneOf(c, kLinkChars);
}

std::string_view CharAt(std::string_view s, size_t i) {
  return s.substr(i, std::max<size_t>(1, text::CharAt(s, i).length));
}
std::string_view CharBefore(std::string_view s, size_t i) {
  const size_t n = std::max<size_t>(1, text::CharBefore(s, i).length);
  return s.substr(i - n, n);
}

// Where a line's pieces begin: 0, then after each run of sentence ends (and the blanks after it) and after
// each run of blanks not next to a link separator, within [from, to).
std::vector<size_t> PieceBoundaries(std::string_view line, size_t from, size_t to) {
  constexpr std::string_view kEnds[] = {"。", "！", "？", "；", "!", "?"};
  constexpr std::string_view kQuoteClosers[] = {"”", "’", "」", "』", "）", ")", "》"};
  std::vector<size_t> out;
  // A blank inside 《…》 is part of the title it quotes (《某镇工作报告 》由会员上传分享…): no boundary.
  int title_depth = 0;
  for (size_t i = from; i < to;) {
    if (const size_t ideograph = text::CjkBlockCharLength(line, i); ideograph > 0) {
      i += ideograph;
      continue;
    }
    const std::string_view c = CharAt(line, i);
    // A label in 【】 opening the line (a site's 【导读】 before the text it introduces) is a piece of its own;
    // a piece's number in brackets (【一】, 【篇二】, a bundle's label) is not.
    if (i == 0 && c == "【") {
      size_t j = c.size();
      bool numeral_only = true;
      for (size_t chars = 0; j < line.size() && chars <= kOpeningLabelMaxChars && CharAt(line, j) != "】"; ++chars) {
        numeral_only = numeral_only && std::string_view("0123456789一二三四五六七八九十篇第").find(CharAt(line, j)) !=
                                           std::string_view::npos;
        j += CharAt(line, j).size();
      }
      if (j < line.size() && CharAt(line, j) == "】" && !numeral_only) {
        j += CharAt(line, j).size();
        while (j < line.size() && BlankAt(line, j)) j += BlankAt(line, j);
        if (j < line.size()) out.push_back(j);
        i = j;
        continue;
      }
    }
    if (c == "《") ++title_depth;
    if (c == "》" && title_depth > 0) --title_depth;
    if (OneOf(c, kEnds)) {
      size_t j = i + c.size();
      while (j < line.size() && OneOf(CharAt(line, j), kEnds)) j += CharAt(line, j).size();
      if (j < line.size() && OneOf(CharAt(line, j), kQuoteClosers)) {
        i = j;
        continue;
      }
      while (j < line.size() && BlankAt(line, j)) j += BlankAt(line, j);
      if (j > 0 && j < line.size()) out.push_back(j);
      i = j;
      continue;
    }
    if (BlankAt(line, i)) {
      size_t j = i;
      while (j < line.size() && BlankAt(line, j)) j += BlankAt(line, j);
      if (i > 0 && j < line.size() && title_depth == 0 && !IsLinkSeparator(CharBefore(line, i)) && !IsLinkSeparator(CharAt(line, j))) {
        out.push_back(j);
      }
      i = j;
      continue;
    }
    i += c.size();
  }
  return out;
}

// At most kMaxSiteLineChars characters of `s` from its start (or, `from_end`, up to its end).
std::string_view Window(std::string_view s, bool from_end) {
  constexpr size_t kBytes = kMaxSiteLineChars * 3;
  if (s.size() <= kBytes) return s;
  if (!from_end) {
    return s.substr(0, text::AlignToCharStart(s, kBytes));
  }
  return s.substr(text::AlignForwardToCharStart(s, s.size() - kBytes));
}

size_t HanCount(std::string_view s) {
  size_t han = 0;
  for (size_t i = 0; i < s.size();) {
    const text::Char c = text::CharAt(s, i);
    han += text::IsHan(c.value);
    i += c.length;
  }
  return han;
}

bool HasAsciiLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// A row of links (a site's recommended pages under its editor's line, `述职报告范文 | 述职报告模板 | …`):
// kLinkRowPieces pieces or more between link separators, each of at most kLinkRowPieceChars characters.
bool IsLinkRow(std::string_view line) {
  size_t pieces = 0, chars = 0;
  for (size_t i = 0; i < line.size();) {
    const text::Char c = text::CharAt(line, i);
    i += c.length;
    if (c.value == U'|' || c.value == U'｜' || c.value == U'»' || c.value == U'›' || c.value == U'>' ||
        c.value == U'＞') {
      if (chars == 0) return false;  // an empty piece: a table's cell, not a link
      ++pieces;
      chars = 0;
      continue;
    }
    if (c.value == U' ' || c.value == U'\t' || c.value == U'\u3000') continue;
    if (++chars > kLinkRowPieceChars) return false;
  }
  if (chars > 0) ++pieces;
  return pieces >= kLinkRowPieces;
}

// A numbered item's head: the marks before its number (a bullet, `- `), the number, and the mark after it
// (1、 2. 3）).
struct ItemHead {
  std::string_view lead;
  int number = 0;
  std::string_view mark;
};

std::optional<ItemHead> NumberedItemHead(std::string_view line) {
  constexpr std::string_view kItemMarks[] = {"、", ".", "．", ")", "）"};
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '-' || line[i] == '*' || line[i] == '\t')) ++i;
  const size_t digits = i;
  int number = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9' && i - digits < 3) number = number * 10 + (line[i++] - '0');
  if (i == digits) return std::nullopt;
  for (std::string_view m : kItemMarks) {
    if (line.substr(i).starts_with(m)) return ItemHead{line.substr(0, digits), number, m};
  }
  return std::nullopt;
}

// The run of ideographs and figures in `line` that holds the most ideographs (a title's words and year without
// its count or brackets: `某社区2023年工作总结`) and that count.
std::pair<std::string_view, size_t> LongestHanRun(std::string_view line) {
  std::string_view best;
  size_t best_count = 0;
  for (size_t i = 0; i < line.size();) {
    size_t j = i, count = 0;
    for (text::Char c; j < line.size() && (text::IsHan((c = text::CharAt(line, j)).value) ||
                                           (c.value >= U'0' && c.value <= U'9'));
         j += c.length) {
      count += text::IsHan(c.value);
    }
    if (count > best_count) {
      best = line.substr(i, j - i);
      best_count = count;
    }
    i = j > i ? j : i + std::max<size_t>(1, text::CharAt(line, i).length);
  }
  return {best, best_count};
}

// Where the line's last sentence starts: after the last sentence end that is not the line's own end.
size_t LastSentenceStart(std::string_view line) {
  constexpr std::string_view kEnds[] = {"。", "！", "？", "!", "?"};
  const std::string_view trimmed = text::TrimLineBlanks(line);
  const size_t content_end = static_cast<size_t>(trimmed.data() - line.data()) + trimmed.size();
  size_t sentence = 0;
  for (size_t i = 0; i < content_end;) {
    const std::string_view c = CharAt(line, i);
    i += c.size();
    if (OneOf(c, kEnds) && i < content_end && !OneOf(CharAt(line, i), kEnds)) sentence = i;
  }
  return sentence;
}

// Whether the line's last sentence speaks to the reader as a site's notice does (kSiteNoticeReaderWords).
bool EndsInReaderNotice(std::string_view line) {
  if (text::CountCharStarts(line) > kMaxSiteLineChars) return false;
  const std::string_view sentence = line.substr(LastSentenceStart(line));
  const size_t words = static_cast<size_t>(
      std::count_if(std::begin(text::lexicon::kSiteNoticeWords), std::end(text::lexicon::kSiteNoticeWords),
                    [&](std::string_view w) { return sentence.find(w) != std::string_view::npos; }));
  return words >= kSiteNoticeReaderWords;
}

// Where a site's notice that names the page's title starts in `line` (kNoticeTitleHanChars above), or npos:
// the last sentence holds the longest run of ideographs of one of `titles` (lines above it), and the line from
// the notice's start on scores kSiteLineProbability; the start is where that score is highest, within
// kNoticeLeadChars characters before the title (a teaser cut mid-word runs into the notice with no mark).
size_t TitleNamingNotice(std::string_view line, std::span<const std::string_view> titles, const FurnitureModel& model,
                         double* probability) {
  if (text::CountCharStarts(line) > kMaxSiteLineChars) return std::string_view::npos;
  const size_t sentence = LastSentenceStart(line);
  size_t best_start = std::string_view::npos;
  double best = 0;
  for (std::string_view title : titles) {
    const auto [run, count] = LongestHanRun(title);
    if (count < kNoticeTitleHanChars) continue;
    const size_t at = line.find(run, sentence);
    if (at == std::string_view::npos) continue;
    size_t from = at;
    for (size_t n = 0; n < kNoticeLeadChars && from > sentence; ++n) from -= CharBefore(line, from).size();
    for (size_t s = from; s <= at; s += CharAt(line, s).size()) {
      const double p = model.Probability(line.substr(s));
      if (p > best) {
        best = p;
        best_start = s;
      }
    }
  }
  if (best < kSiteLineProbability) return std::string_view::npos;
  *probability = best;
  return best_start;
}

}  // namespace

bool IsSentence(std::string_view line) {
  if (text::CountCharStarts(line) < kSentenceChars) return false;
  for (std::string_view end : kSentenceEnd) {
    if (line.find(end) != std::string_view::npos) return true;
  }
  return false;
}

bool NamesAFile(std::string_view line) {
  static const RE2 kFileName(R"((?i)\.(?:docx?|wps|pdf|txt)(?:_|[ \t]*$))");
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kFileName);
}

LineCut CutFurnitureSegments(std::string_view line, const FurnitureModel& model, bool whole_furniture,
                             bool title_may_stay) {
  LineCut cut{0, line.size()};
  const double needed = whole_furniture ? kSiteLineProbability : kSegmentProbability;
  // What stays must hold the report: a sentence, or before the report its title.
  auto stays = [&](std::string_view rest, bool from_end) {
    const std::string_view w = Window(rest, from_end);
    if (HanCount(w) < kTitleHanChars || model.Probability(w) >= kProseProbability) return false;
    if (IsSentence(w)) return true;
    // A title is one piece (总结 我要投稿 is two: a site's category and its link).
    return title_may_stay && ReadsAsTitle(w);
  };
  // Pieces and prefixes are read through a window of kMaxSiteLineChars characters: a 50 MB line costs a scan.
  // A line of one piece is its own first and last piece: the last piece read is remembered, not read again.
  std::string_view read_piece;
  bool read_prose = false;
  auto prose_piece = [&](std::string_view piece) {
    piece = Window(piece, false);
    if (piece.data() == read_piece.data() && piece.size() == read_piece.size()) return read_prose;
    read_piece = piece;
    read_prose = HanCount(piece) >= kSegmentProseHanChars && model.Probability(piece) < kProseProbability;
    return read_prose;
  };
  // The prefix: the first piece boundary after which a piece reads as prose.
  {
    const std::string_view head = Window(line, false);
    std::vector<size_t> b = PieceBoundaries(line, 0, head.size());
    while (!b.empty() && b.back() > head.size()) b.pop_back();
    b.insert(b.begin(), 0);
    b.push_back(line.size());
    // The shortest such prefix: a longer one may take a sentence of the report with it, the model reading a
    // prefix by its furniture (generated notices glued to report sentences: the longest prefix took a
    // sentence 1 time in 7).
    for (size_t k = 0; k + 1 < b.size() && k < kSegmentMaxPieces; ++k) {
      const std::string_view piece = line.substr(b[k], b[k + 1] - b[k]);
      const bool title_piece = k > 0 && ReadsAsTitle(Window(piece, false));
      if (!title_piece && !prose_piece(piece)) continue;
      if (k == 0) break;  // the line starts with the report's text
      // A prefix of marks alone (a notice item's bullet, `- `) holds no site wording: the model reads it by
      // its shape, and the line is the notice's or the report's whole.
      if (HanCount(line.substr(0, b[k])) == 0 && !HasAsciiLetter(line.substr(0, b[k]))) break;
      if (model.Probability(Window(line.substr(0, b[k]), false)) >= needed && stays(line.substr(b[k]), false)) {
        cut.prefix_end = b[k];
      }
      break;
    }
  }
  // The suffix, in what the prefix left: the last boundary before which a piece reads as prose.
  {
    const std::string_view rest = line.substr(cut.prefix_end);
    const std::string_view tail = Window(rest, true);
    const size_t from = line.size() - tail.size();
    std::vector<size_t> b = PieceBoundaries(line, from, line.size());
    b.erase(b.begin(), std::upper_bound(b.begin(), b.end(), cut.prefix_end));
    b.insert(b.begin(), cut.prefix_end);
    // The line ends with the report's text: no suffix.
    if (prose_piece(line.substr(b.back()))) return cut;
    // The shortest such suffix.
    for (size_t k = b.size() - 1, tried = 0; k > 0 && tried < kSegmentMaxPieces; --k, ++tried) {
      if (b[k] <= cut.prefix_end) break;
      if (!prose_piece(line.substr(b[k - 1], b[k] - b[k - 1]))) continue;
      // The blanks before the suffix go with it.
      const size_t begin = text::SkipBlanksBack(line, b[k], b[k - 1]);
      if (model.Probability(Window(line.substr(b[k]), true)) >= needed &&
          stays(line.substr(cut.prefix_end, begin - cut.prefix_end), true)) {
        cut.suffix_begin = begin;
      }
      break;
    }
  }
  return cut;
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    Line line;
    line.begin = at;
    line.end = nl == std::string_view::npos ? text.size() : nl;
    line.next = nl == std::string_view::npos ? text.size() : nl + 1;
    size_t content_end = line.end;
    if (content_end > at && text[content_end - 1] == '\r') --content_end;
    line.text = text.substr(at, content_end - at);
    lines.push_back(line);
    at = line.next;
  }
  return lines;
}

namespace {

// Calls `emit` with each feature of `line` as tools/furniture/features.py computes them, in the script's
// order, a feature again each time it recurs. The parts' views last until the next call.
template <typename Emit>
void ForEachFurnitureFeature(std::string_view line, Emit&& emit) {
  size_t han = 0;
  const std::vector<std::string_view> chars = LineChars(line, &han);
  if (chars.empty()) return;
  auto emit_of = [&](std::string_view a, std::string_view b = {}, std::string_view c = {}) {
    emit(FeatureParts{a, b, c});
  };
  std::string_view prev = "^";
  for (size_t k = 0; k < chars.size() && k < kNgramChars; ++k) {
    emit_of("u", chars[k]);
    emit_of("b", prev, chars[k]);
    prev = chars[k];
  }
  const size_t n = chars.size();
  // A long line's end speaks too (a notice that ends …仅供参考，欢迎阅读。): its last kTailChars characters.
  if (n > kNgramChars) {
    const size_t start = std::max(kNgramChars, n - kTailChars);
    prev = chars[start - 1];
    for (size_t k = start; k < n; ++k) {
      emit_of("u", chars[k]);
      emit_of("b", prev, chars[k]);
      prev = chars[k];
    }
  }
  emit_of("b", prev, "$");
  int length_bucket = 0;
  for (size_t edge : kLengthBuckets) length_bucket += n >= edge;
  emit_of(absl::StrCat("L", length_bucket));
  const std::string_view last = chars.back();
  char e = 'o';
  if (OneOf(last, kSentenceEnd)) e = 's';
  else if (OneOf(last, kCommas)) e = 'c';
  else if (last == "：") e = 'k';
  else if (OneOf(last, kClosers)) e = 'r';
  else if (last == "0") e = 'd';
  else if (last == "a") e = 'a';
  else if (IsHanChar(last)) e = 'h';
  emit_of("E", std::string_view(&e, 1));
  size_t sentence = 0, commas = 0, colons = 0, separators = 0, spaces = 0, digits = 0, latin = 0;
  for (std::string_view c : chars) {
    // Most characters are ideographs of this block, none of them a mark: no need to compare with each.
    if (text::CjkBlockCharLength(c, 0) > 0) continue;
    sentence += OneOf(c, kSentenceEnd);
    commas += OneOf(c, kCommas);
    colons += c == "：";
    separators += OneOf(c, kSeparators);
    spaces += c == " ";
    digits += c == "0";
    latin += c == "a";
  }
  emit_of(absl::StrCat("S", std::min<size_t>(3, sentence)));
  emit_of(absl::StrCat("C", std::min<size_t>(3, commas)));
  emit_of(absl::StrCat("K", std::min<size_t>(3, colons)));
  emit_of(absl::StrCat("G", std::min<size_t>(3, separators)));
  emit_of(absl::StrCat("W", std::min<size_t>(3, spaces)));
  emit_of(absl::StrCat("D", ShareBucket(digits, n)));
  emit_of(absl::StrCat("A", ShareBucket(latin, n)));
  emit_of(absl::StrCat("H", ShareBucket(han, n)));
  if (HasUrlMark(line)) emit(FeatureParts{"U"});
}

}  // namespace

std::vector<std::string> FurnitureFeatures(std::string_view line) {
  // A set, in order.
  std::vector<std::string> set;
  ForEachFurnitureFeature(line, [&](const FeatureParts& f) { set.push_back(std::string(f.a).append(f.b).append(f.c)); });
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

struct FurnitureModel::Owned {
  std::string features;
  std::vector<PackedFurnitureWeight> weights;
  std::vector<FurnitureSlot> index;
};

absl::StatusOr<FurnitureModel> FurnitureModel::Parse(std::string_view tsv) {
  FurnitureModel model;
  auto owned = std::make_shared<Owned>();
  std::vector<FurnitureWeight> weights;  // views into `tsv`
  bool versioned = false;
  for (absl::string_view row : absl::StrSplit(absl::string_view(tsv.data(), tsv.size()), '\n')) {
    if (row.empty() || row[0] == '#') continue;
    std::vector<absl::string_view> cells = absl::StrSplit(row, '\t');
    if (cells[0] == "V") {
      versioned = cells.size() >= 3 && cells[1] == "wenshu-furniture-model" && cells[2] == "2";
      if (!versioned) return absl::InvalidArgumentError("furniture model: unknown version row");
    } else if (cells[0] == "B" && cells.size() == 2) {
      if (!absl::SimpleAtod(cells[1], &model.bias_)) return absl::InvalidArgumentError("furniture model: bad bias");
    } else if (cells[0] == "W" && cells.size() == 3) {
      double w = 0;
      if (!absl::SimpleAtod(cells[2], &w)) {
        return absl::InvalidArgumentError(absl::StrCat("furniture model: bad weight row ", row));
      }
      weights.push_back({std::string_view(cells[1].data(), cells[1].size()), w});
    } else {
      return absl::InvalidArgumentError(absl::StrCat("furniture model: bad row ", row));
    }
  }
  if (!versioned) return absl::InvalidArgumentError("furniture model: no version row");
  // In feature order, as the embedded model is; a repeated feature keeps its last weight, as a map assigned
  // row by row would.
  std::stable_sort(weights.begin(), weights.end(),
                   [](const FurnitureWeight& a, const FurnitureWeight& b) { return a.feature < b.feature; });
  std::vector<FurnitureWeight> distinct;
  for (const FurnitureWeight& w : weights) {
    if (!distinct.empty() && distinct.back().feature == w.feature) {
      distinct.back() = w;
    } else {
      distinct.push_back(w);
    }
  }
  weights = std::move(distinct);
  owned->index.assign(IndexSlots(weights.size()), FurnitureSlot{});
  FillIndex(weights, owned->index);
  owned->weights.resize(weights.size());
  PackWeights(weights, owned->weights);
  for (const FurnitureWeight& w : weights) owned->features.append(w.feature);
  model.features_ = owned->features;
  model.weights_ = owned->weights;
  model.index_ = owned->index;
  model.owned_ = std::move(owned);
  return model;
}

uint32_t FurnitureModel::Entry(const FeatureParts& feature) const {
  const uint32_t mask = static_cast<uint32_t>(index_.size() - 1);
  const size_t size = feature.a.size() + feature.b.size() + feature.c.size();
  const uint32_t hash = FeatureHash(feature.c, FeatureHash(feature.b, FeatureHash(feature.a)));
  for (uint32_t s = hash & mask; index_[s].entry != 0; s = (s + 1) & mask) {
    // The stored hash first: a slot probed for another feature (most are: a line's features are mostly
    // two ideographs, all of one size) is passed without loading its weight or comparing bytes.
    if (index_[s].hash != hash) continue;
    const PackedFurnitureWeight& w = weights_[index_[s].entry - 1];
    if (w.size != size) continue;
    // The sizes agree: each part is compared in place, no bounds to check, byte by byte (a part is a
    // character or a letter: a call to memcmp for each costs more than the comparison).
    const char* stored = features_.data() + w.offset;
    auto same = [&](std::string_view part) {
      for (char c : part) {
        if (c != *stored++) return false;
      }
      return true;
    };
    if (same(feature.a) && same(feature.b) && same(feature.c)) {
      return index_[s].entry;
    }
  }
  return 0;
}

double FurnitureModel::Probability(std::string_view line) const {
  // The weights are summed in the order of their features' bytes, as over FurnitureFeatures' sorted set (a
  // floating-point sum depends on its order). The entries are in that order, so sorting the entries the
  // line's features found sorts those features, and a feature the model lacks would add 0: numbers are
  // sorted here instead of ~200 strings a line.
  std::vector<uint32_t> found;
  found.reserve(2 * line.size() + 16);  // two n-grams a character at most, and the line's dozen others
  ForEachFurnitureFeature(line, [&](const FeatureParts& f) {
    if (const uint32_t entry = Entry(f); entry != 0) found.push_back(entry);
  });
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  double z = bias_;
  for (uint32_t entry : found) z += weights_[entry - 1].weight;
  z = std::clamp(z, -30.0, 30.0);
  return 1.0 / (1.0 + std::exp(-z));
}

const FurnitureModel& EmbeddedFurnitureModel() {
  static const FurnitureModel* model = [] {
    auto* m = new FurnitureModel();
    m->bias_ = kFurnitureBias;
    m->features_ = std::string_view(kFurnitureFeatures, sizeof(kFurnitureFeatures) - 1);
    m->weights_ = kFurniturePacked;
    m->index_ = kFurnitureIndex;
    return m;
  }();
  return *model;
}

namespace {

// What site lines cover of each line: kTouched (a piece of it), kWhole (all its text, in one piece or in
// segments that meet: a notice cut as a prefix and a suffix).
enum class LineCover : uint8_t { kUntouched, kTouched, kWhole };
std::vector<LineCover> CoverOfLines(const std::vector<Line>& lines, const std::vector<SiteLine>& found) {
  std::vector<std::vector<std::pair<size_t, size_t>>> pieces(lines.size());
  for (const SiteLine& f : found) {
    auto j = static_cast<size_t>(std::lower_bound(lines.begin(), lines.end(), f.begin,
                                                  [](const Line& l, size_t at) { return l.next <= at; }) -
                                 lines.begin());
    for (; j < lines.size() && lines[j].begin < f.end; ++j) {
      const size_t b = std::max(f.begin, lines[j].begin), e = std::min(f.end, lines[j].end);
      if (b < e) pieces[j].emplace_back(b, e);
    }
  }
  std::vector<LineCover> cover(lines.size(), LineCover::kUntouched);
  for (size_t j = 0; j < lines.size(); ++j) {
    if (pieces[j].empty()) continue;
    std::sort(pieces[j].begin(), pieces[j].end());
    size_t reached = lines[j].begin;
    for (const auto& [b, e] : pieces[j]) {
      if (b > reached) break;
      reached = std::max(reached, e);
    }
    cover[j] = reached >= lines[j].end ? LineCover::kWhole : LineCover::kTouched;
  }
  return cover;
}

}  // namespace

std::vector<SiteLine> FindSiteLines(std::string_view text, const FurnitureModel& model,
                                    text_internal::CancelPoll* cancel) {
  const std::vector<Line> lines = SplitLines(text);
  // Each pass below reads every line: the poll counts the bytes read over all passes, so that a text of one
  // long line (10 MiB of "1、" or of brackets: each pass a scan of the whole line) is polled between passes
  // too. Unpolled, the passes after the first took 17-80 ms a MiB (bench/cancel_latency --rules).
  size_t lines_read = 0;
  const auto stop = [&](size_t k) {
    lines_read += lines[k].text.size() + 1;
    return cancel != nullptr && cancel->At(lines_read);
  };
  // Inside a pass, before another reading of line k (each a scan of it: a single line of 10 MiB of digits
  // took 0.18 s in the edge checks below).
  const auto stop_again = [&](size_t k) {
    lines_read += lines[k].text.size();
    return cancel != nullptr && cancel->At(lines_read);
  };
  std::vector<double> p(lines.size(), 0.0);
  std::vector<bool> blank(lines.size(), false);
  size_t first = lines.size(), last = 0;  // the report's first and last sentence lines
  for (size_t k = 0; k < lines.size(); ++k) {
    if (stop(k)) return {};
    blank[k] = text::IsBlankLine(lines[k].text);
    if (blank[k]) continue;
    const size_t chars = text::CountCharStarts(lines[k].text);
    p[k] = chars > kMaxSiteLineChars ? 0.0 : model.Probability(lines[k].text);
    // Known forms stay strong evidence, whatever the model reads in the words around them: a stamp is
    // near-certain (the model gives the portals' stamps with a time 0.999, a bare date 0.91); a button's line is
    // certain, its other words being the advert's, prose to the model once its blank is dropped.
    if (IsPublicationStamp(lines[k].text)) p[k] = std::max(p[k], kInsideProbability);
    if (IsTagResidueLine(lines[k].text)) p[k] = std::max(p[k], kCertainProbability);
    if (EndsInCallToAction(lines[k].text)) p[k] = std::max(p[k], kCertainProbability);
    // A lone cell after a bar (`| 用户名`) is the site's layout when the model leans to furniture too (two signs:
    // the model alone reads the real sets' author cells at 0.73).
    if (p[k] >= kProseProbability && IsLoneCellLine(lines[k].text)) p[k] = std::max(p[k], kSiteLineProbability);
    if (p[k] < kProseProbability && IsSentence(lines[k].text)) {
      first = std::min(first, k);
      last = k;
    }
  }
  // Lines wholly in 【】 read as a site's to the model (its 【字号：大 中 小】, 【站名】), whatever they hold. A
  // document that writes such a line the model reads as its own (a cover's 【二〇〇九年十二月】) writes in
  // brackets itself: each of its bracketed lines is judged by what it holds (its 【人力资源部编写】 stays; a
  // site's 【打印本页】 still goes). Issue 14's two real sets hold four whole-bracket lines: a site's alone on
  // its page, and three of the documents' own, two of them on one cover.
  std::vector<std::optional<std::string_view>> bracketed(lines.size());
  bool brackets_are_the_documents = false;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (stop(k)) return {};
    if (blank[k]) continue;
    bracketed[k] = BracketedContent(lines[k].text);
    brackets_are_the_documents = brackets_are_the_documents || (bracketed[k] && p[k] < kSiteLineProbability);
  }
  for (size_t k = 0; k < lines.size() && brackets_are_the_documents; ++k) {
    if (bracketed[k] && p[k] >= kSiteLineProbability) p[k] = model.Probability(*bracketed[k]);
  }
  if (first == lines.size()) {
    // No sentence reads as prose: the report is still somewhere, and its sentences are the body, and so are
    // its clauses (a long line of kClauseCommas commas or more that a wrap cut before its full stop).
    for (size_t k = 0; k < lines.size(); ++k) {
      if (stop(k)) return {};
      if (blank[k] || !(IsSentence(lines[k].text) || IsClauseLine(lines[k].text))) continue;
      first = std::min(first, k);
      last = k;
    }
  }
  // In a fragmented extraction (a break around every figure and word run) the report's last sentence goes on over
  // the fragments after its line ("…持续推进…、蓝⏎莓⏎园二期、…"): they are its body, not an edge.
  if (first < lines.size() && IsFragmentedExtraction(text)) last = FragmentedSentenceEnd(lines, last);
  // A table's rows are the report's (`| 行政许可 | 0 |`, `信息内容 | 本年制发件数 |`): a site's menu (首页 | 工作总结 |
  // 工作计划) neither starts nor ends with its bar. A bare rule of bars holds nothing of the report: the model
  // decides it (the dev set annotates those of a broken table as the portal's).
  std::vector<bool> table(lines.size(), false);
  for (size_t k = 0; k < lines.size(); ++k) {
    if (stop(k)) return {};
    table[k] = !blank[k] && IsTableRow(lines[k].text);
  }
  std::vector<SiteLine> found;
  double strongest = 0;
  auto add = [&](size_t k, bool inside) {
    SiteLine s;
    s.probability = p[k];
    s.inside = inside;
    // After the report a line goes with the break before it (the site appended it), so that the text
    // ends as the report did; elsewhere with the break after it.
    const bool trailing = first < lines.size() && k > last && lines[k].begin > 0;
    s.begin = trailing ? lines[k].begin - 1 : lines[k].begin;
    s.end = trailing ? lines[k].end : lines[k].next;
    found.push_back(s);
    strongest = std::max(strongest, p[k]);
  };
  // A broken table's residue: a line of bars alone goes whole (unless a row of the table stands next to
  // it: then it is the table's), a long run of bars at a line's end as a segment; the rest of the line is
  // judged no further.
  std::vector<size_t> residues(lines.size(), std::string_view::npos);
  for (size_t k = 0; k < lines.size(); ++k) {
    if (stop(k)) return {};
    if (!blank[k]) residues[k] = BarResidueStart(lines[k].text);
  }
  auto beside_row = [&](size_t k) {
    auto row = [&](size_t j) { return table[j] && residues[j] == std::string_view::npos; };
    size_t j = k;
    while (j > 0 && blank[j - 1]) --j;
    if (j > 0 && row(j - 1)) return true;
    j = k + 1;
    while (j < lines.size() && blank[j]) ++j;
    return j < lines.size() && row(j);
  };
  for (size_t k = 0; k < lines.size(); ++k) {
    if (stop(k)) return {};
    const std::string_view t = lines[k].text;
    const size_t residue = residues[k];
    if (residue == std::string_view::npos || (residue == 0 && beside_row(k))) continue;
    table[k] = true;
    p[k] = 1.0;
    if (residue == 0) {
      add(k, first < lines.size() && k > first && k < last);
      continue;
    }
    SiteLine s;
    s.begin = lines[k].begin + residue;
    s.end = lines[k].begin + t.size();
    s.probability = 1.0;
    s.segment = true;
    found.push_back(s);
    strongest = 1.0;
  }
  // A portal's metadata table before the report, its rows written with bars (IsFieldCellsRow): a run of such
  // rows goes whole when the model is near-certain (kInsideProbability: a table's row is the report's unless
  // then; a report table's header `指标 | 单位 | 数值 |` scores 0.91) of one of them with its bars read as
  // blanks, the form it knows them in (`索引号 … 生成日期 …`); the run's other rows (组配分类 | 计划总结 |) are
  // the same block's. The title's cell end (a lone bar after it, `某街道2023年工作总结 |`) goes with the table.
  // The title's row inside the run (`标题:某局2020年工作总结 | |`, TitleFieldCell) loses its label and its bars; the
  // title stays.
  std::vector<bool> metadata_row(lines.size(), false);
  bool metadata_rows = false;
  std::vector<std::optional<TitleCell>> title_cells(lines.size());
  for (size_t k = 0; k < lines.size() && k < first; ++k) {
    if (!blank[k] && table[k]) title_cells[k] = TitleFieldCell(lines[k].text);
  }
  for (size_t k = 0; k < lines.size() && k < first;) {
    if (blank[k] || !table[k] || residues[k] != std::string_view::npos || !IsFieldCellsRow(lines[k].text)) {
      ++k;
      continue;
    }
    size_t end = k;
    double run_p = 0;
    for (size_t j = k; j < lines.size() && j < first &&
                       (blank[j] || (table[j] && (title_cells[j] || IsFieldCellsRow(lines[j].text))));
         ++j) {
      if (blank[j]) continue;
      if (!title_cells[j]) run_p = std::max(run_p, model.Probability(BarsAsBlanks(lines[j].text)));
      end = j + 1;
    }
    if (run_p >= kInsideProbability) {
      for (size_t j = k; j < end; ++j) {
        if (blank[j]) continue;
        table[j] = false;
        p[j] = std::max(p[j], run_p);
        metadata_row[j] = true;
        metadata_rows = true;
        if (!title_cells[j]) {
          add(j, false);
          continue;
        }
        for (const auto& [b, e] : {std::pair{size_t{0}, title_cells[j]->title_begin},
                                  std::pair{title_cells[j]->bars_begin, lines[j].text.size()}}) {
          SiteLine s;
          s.begin = lines[j].begin + b;
          s.end = lines[j].begin + e;
          s.probability = run_p;
          s.segment = true;
          found.push_back(s);
        }
      }
    }
    k = end;
  }
  // The furniture segments of line k, when it holds the report's text too; whether there were any.
  auto add_segments = [&](size_t k, bool inside, bool whole_furniture, bool title_may_stay) {
    const std::string_view t = lines[k].text;
    if (whole_furniture && text::CountCharStarts(t) > kMaxSiteLineChars) return false;
    const LineCut cut = CutFurnitureSegments(t, model, whole_furniture, title_may_stay);
    auto segment = [&](size_t b, size_t e) {
      SiteLine s;
      s.begin = lines[k].begin + b;
      s.end = lines[k].begin + e;
      s.probability = model.Probability(Window(t.substr(b, e - b), false));
      s.inside = inside;
      s.segment = true;
      found.push_back(s);
      strongest = std::max(strongest, s.probability);
    };
    // Inside the report a bracketed label is the report's own (【案例】, 【背景】): only before its text, or on
    // its first sentence's line, is it a site's.
    const bool report_label = inside && k != first && t.starts_with("【");
    if (cut.prefix_end > 0 && !report_label) segment(0, cut.prefix_end);
    if (cut.suffix_begin < t.size()) segment(cut.suffix_begin, t.size());
    return (cut.prefix_end > 0 && !report_label) || cut.suffix_begin < t.size();
  };
  // A field name, blanks, then a title that another line of the document says on its own; p[k] becomes the
  // label's probability.
  auto labelled_title_copy = [&](size_t k) {
    const std::string_view t = text::TrimLineBlanks(lines[k].text);
    size_t at = 0;
    while (at < t.size() && !BlankAt(t, at)) at += CharAt(t, at).size();
    if (at == t.size() || !IsFieldName(t.substr(0, at))) return false;
    const std::string_view label = t.substr(0, at), value = text::TrimLineBlanks(t.substr(at));
    const double label_p = ReadsAsTitle(value) ? model.Probability(label) : 0.0;
    if (label_p < kProseProbability) return false;
    for (size_t j = 0; j < lines.size(); ++j) {
      if (j != k && !blank[j] && text::TrimLineBlanks(lines[j].text) == value) {
        p[k] = std::max(p[k], label_p);
        return true;
      }
    }
    return false;
  };
  // A paragraph at the report's top that ends in a site's notice naming the page's title (TitleNamingNotice:
  // the lines above say the title), or speaking to the reader in the site's words (EndsInReaderNotice), is the
  // site's introduction, its teaser with it: it goes whole.
  auto ends_in_title_notice = [&](size_t k) {
    std::vector<std::string_view> above;
    for (size_t j = k; j-- > 0 && above.size() < kNoticeTitleLines;) {
      if (!blank[j]) above.push_back(lines[j].text);
    }
    double notice_p = 0;
    if (TitleNamingNotice(lines[k].text, above, model, &notice_p) == std::string_view::npos) {
      if (!EndsInReaderNotice(lines[k].text)) return false;
      // The vocabulary decides; the record carries the model's reading of the last sentence.
      notice_p = std::max(kSiteLineProbability,
                          model.Probability(Window(lines[k].text.substr(LastSentenceStart(lines[k].text)), true)));
    }
    p[k] = notice_p;
    add(k, false);
    found.back().site_notice = true;
    return true;
  };
  for (size_t k = 0; k < lines.size(); ++k) {
    if (stop(k)) return {};
    if (blank[k] || metadata_row[k]) continue;
    const bool edge = first == lines.size() || k < first || k > last;
    if (edge) {
      const size_t item = BreadcrumbLastItem(lines[k].text);
      // Each reading of the line below is polled (10 MiB on one line, no line break: the breadcrumb search
      // and what follows it took 0.18-0.26 s between stop(k) and the next poll, bench/cancel_latency).
      if (stop_again(k)) return {};
      if (item != std::string_view::npos && item < lines[k].text.size()) {
        const std::string_view crumbs = lines[k].text.substr(0, item), title = lines[k].text.substr(item);
        const double crumbs_p = model.Probability(crumbs);
        if (stop_again(k)) return {};
        // When the title comes again on a line of its own just after, this line is the site's copy: it goes
        // whole.
        const std::string title_han = HanOnly(title);
        if (stop_again(k)) return {};
        bool title_follows = false;
        for (size_t j = k + 1; j < lines.size() && j <= k + kBreadcrumbTitleLookahead; ++j) {
          title_follows = title_follows || HanOnly(lines[j].text) == title_han;
        }
        // The copy just after decides, whatever the model reads in the title (a bundle's title, `…(大全5篇)`,
        // reads as furniture itself: cut as a segment at its blank, its head stayed glued to the crumbs).
        if (crumbs_p >= kSiteLineProbability && title_follows &&
            text::CountCharStarts(title_han) >= kBreadcrumbTitleHanChars) {
          p[k] = std::max(p[k], crumbs_p);
          add(k, false);
          continue;
        }
        // A last item shorter than a title is a section of the site (`> 总结大全 > 学校总结`): the line goes whole,
        // whatever the model reads in the section's name.
        if (crumbs_p >= kSiteLineProbability && text::CountCharStarts(title_han) < kBreadcrumbTitleHanChars) {
          p[k] = std::max(p[k], crumbs_p);
          add(k, false);
          continue;
        }
        if (crumbs_p >= kSiteLineProbability && model.Probability(title) < kProseProbability &&
            text::CountCharStarts(title_han) >= kBreadcrumbTitleHanChars) {
          SiteLine crumb;
          crumb.begin = lines[k].begin;
          crumb.end = lines[k].begin + item;
          crumb.probability = crumbs_p;
          crumb.segment = true;
          found.push_back(crumb);
          strongest = std::max(strongest, crumbs_p);
          continue;
        }
      }
      if (table[k]) continue;
      if (stop_again(k)) return {};
      const bool sentence = IsSentence(lines[k].text);
      const double needed = sentence ? kEdgeSentenceProbability : kSiteLineProbability;
      // Extraction noise excuses a line the model doubts, not one it is certain of (admin 分享 时间: 加入收藏 …).
      const bool whole =
          p[k] >= needed && (p[k] >= kCertainProbability || !ReadsAsProseWithoutNoise(lines[k].text, model));
      // What stays of a line is a sentence, or before the report a title.
      const bool before_report = first == lines.size() || k < first;
      if (stop_again(k)) return {};
      if (before_report && sentence) {
        // Before the report, a paragraph that ends with the site's notice (…下面是小编为大家收集的…，仅供参考。)
        // is the site's introduction: a general remark on what a summary is, then the notice.
        const LineCut cut = CutFurnitureSegments(lines[k].text, model, whole, false);
        if (cut.prefix_end == 0 && cut.suffix_begin < lines[k].text.size()) {
          p[k] = model.Probability(Window(lines[k].text.substr(cut.suffix_begin), true));
          add(k, false);
          continue;
        }
        // When the segment cut finds nothing (with a title allowed to stay either), a notice that names the
        // title may still end the paragraph.
        const LineCut titled_cut = CutFurnitureSegments(lines[k].text, model, whole, true);
        if (titled_cut.prefix_end == 0 && titled_cut.suffix_begin == lines[k].text.size() && ends_in_title_notice(k)) {
          continue;
        }
      }
      // Any field name before the title's copy does the same when the document's own title line stands
      // elsewhere (内容概述 某街道2022年工作总结): the label reads more as a site's than as prose.
      if (stop_again(k)) return {};
      if (before_report && labelled_title_copy(k)) {
        add(k, false);
        continue;
      }
      // A portal's title field ("标   题 某县2022年度…报告") says the title again in its metadata block: when
      // its label reads as furniture the line goes whole, the title with it (the document's own title line
      // is elsewhere).
      if (stop_again(k)) return {};
      if (before_report && IsTitleField(lines[k].text)) {
        const LineCut cut = CutFurnitureSegments(lines[k].text, model, whole, true);
        if (whole || cut.prefix_end > 0) {
          add(k, false);
          continue;
        }
      }
      if (stop_again(k)) return {};
      if (!add_segments(k, false, whole, before_report) && whole &&
          !(before_report && p[k] < kEdgeTitleProbability && ReadsAsTitle(lines[k].text))) {
        add(k, false);
      }
      continue;
    }
    // Inside: a run of near-certain short lines (blank lines between them do not break it).
    auto strong = [&](size_t j) {
      return p[j] >= kInsideProbability && text::CountCharStarts(lines[j].text) <= kInsideMaxChars;
    };
    if (table[k]) continue;
    if (stop_again(k)) return {};
    if (!strong(k)) {
      if (k == first && first < last) {
        // The opening paragraph ends with the site's notice (…下面是小编为大家收集的…，仅供参考。): it is the
        // site's introduction (a general remark on what a summary is, then the notice), not the report's.
        const LineCut cut = CutFurnitureSegments(lines[k].text, model, false, false);
        if (cut.prefix_end == 0 && cut.suffix_begin < lines[k].text.size()) {
          p[k] = model.Probability(Window(lines[k].text.substr(cut.suffix_begin), true));
          add(k, false);
          continue;
        }
        // When the segment cut finds nothing, a notice that names the title may still end the paragraph.
        if (cut.prefix_end == 0 && cut.suffix_begin == lines[k].text.size() && ends_in_title_notice(k)) continue;
      }
      add_segments(k, true, false, false);
      continue;
    }
    size_t run = 1;
    for (size_t j = k; j-- > 0 && (blank[j] || strong(j));) run += !blank[j];
    for (size_t j = k + 1; j < lines.size() && (blank[j] || strong(j)); ++j) run += !blank[j];
    if (run >= kInsideRunLines) add(k, true);
  }
  // A site's label whose link the copy lost, left in brackets inside a sentence (`…落实到人(推荐阅读:),做到…`): a
  // bracketed aside that ends in its colon, nothing after it, and that the model is near-certain of
  // (kInsideProbability). The clean corpora's 1,390 bracketed asides hold no such colon (the likeliest of
  // them, a newspaper's `（来源：…日报）`, says what follows it); issue 14's real sets hold one, a site's.
  constexpr std::string_view kLabelEnds[] = {":)", "：)", ":）", "：）"};
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    if (blank[k] || table[k] || text::CountCharStarts(t) > kMaxSiteLineChars ||
        std::none_of(std::begin(kLabelEnds), std::end(kLabelEnds),
                     [&](std::string_view e) { return t.find(e) != std::string_view::npos; })) {
      continue;
    }
    static const RE2 kLostLinkLabel(R"(([(（][^()（）]{1,20}[:：][ \t]*[)）]))");
    re2::StringPiece input(t.data(), t.size()), aside;
    while (RE2::FindAndConsume(&input, kLostLinkLabel, &aside)) {
      const double aside_p = model.Probability(std::string_view(aside.data(), aside.size()));
      if (aside_p < kInsideProbability) continue;
      SiteLine s;
      s.begin = lines[k].begin + static_cast<size_t>(aside.data() - t.data());
      s.end = s.begin + aside.size();
      s.probability = aside_p;
      s.inside = true;
      s.segment = true;
      found.push_back(s);
      strongest = std::max(strongest, aside_p);
    }
  }
  // The title's cell end after a metadata table that went (IsFieldCellsRow above): a lone bar ending a line.
  for (size_t k = 0; metadata_rows && k < lines.size() && k < first; ++k) {
    const std::string_view t = lines[k].text;
    const size_t bar = t.find('|');
    if (blank[k] || table[k] || bar == std::string_view::npos || t.find('|', bar + 1) != std::string_view::npos) {
      continue;
    }
    if (!absl::StripAsciiWhitespace(absl::string_view(t.data() + bar + 1, t.size() - bar - 1)).empty()) continue;
    const size_t line_end = lines[k].begin + t.size();
    if (std::any_of(found.begin(), found.end(), [&](const SiteLine& f) {
          return f.begin < line_end && f.end > lines[k].begin;
        })) {
      continue;  // the line, or a segment of it, went already
    }
    SiteLine s;
    s.begin = lines[k].begin + text::SkipBlanksBack(t, bar, 0);
    s.end = lines[k].begin + t.size();
    s.probability = kSiteLineProbability;
    s.segment = true;
    found.push_back(s);
  }
  auto ends_in_link_separator = [](std::string_view t) {
    t = text::TrimLineBlanks(t);
    return !t.empty() && IsLinkSeparator(CharBefore(t, t.size())) && !t.ends_with("|") && !t.ends_with("/");
  };
  // A breadcrumb broken over lines (`当前位置:某某网 >` ⏎ `栏目 >栏目 >`): a line before the report that ends in a
  // link separator, as the line above that went whole does, is the rest of its trail and goes with it when the
  // model leans to furniture too. A trail ends in its separator only where the copy broke it.
  std::vector<LineCover> cover = CoverOfLines(lines, found);
  for (size_t k = 0, above = lines.size(); k < lines.size() && k < first; ++k) {
    if (stop(k)) return {};
    if (blank[k]) continue;
    if (above < lines.size() && cover[k] == LineCover::kUntouched && cover[above] == LineCover::kWhole &&
        p[k] >= kProseProbability &&
        ends_in_link_separator(lines[k].text) && ends_in_link_separator(lines[above].text)) {
      add(k, false);
      found.back().begin = lines[above].next;  // the trail's blank lines between its two pieces with it
      cover[k] = LineCover::kWhole;
    }
    above = k;
  }
  std::sort(found.begin(), found.end(), [](const SiteLine& a, const SiteLine& b) { return a.begin < b.begin; });
  // A short line before the text that a later line there says again, the same ideographs (kTitleHanChars of
  // them at least), the later line staying (`工作计划` under a breadcrumb and again; a title at the page's top
  // above the site's stat line and again under its piece's label): the title said twice, the document's own
  // first. It is taken neither as a field's value nor as a short line between the page's edge and a site
  // line; boilerplate.title removes the copy. (Between two site lines it is the page header's copy and goes,
  // as before; a portal's chrome that repeats a word, both times between its lines, too: the later line must
  // stay.)
  // A title line that names a kind of report before the text (`2026年政府工作报告`) is the title: a short line
  // said twice above it is the portal's (`云南要闻` twice under `您的位置:`), and is judged as before.
  absl::flat_hash_map<std::string, size_t> later_kept;  // ideographs -> the last line before the text saying them
  bool titled = false;
  for (size_t k = 0; k < std::min(first, lines.size()) && !titled; ++k) {
    titled = !blank[k] && text::CountCharStarts(lines[k].text) <= kMaxSiteLineChars && ReadsAsTitle(lines[k].text);
  }
  if (!titled) {
    size_t next_found = 0;
    for (size_t k = 0; k < std::min(first, lines.size()); ++k) {
      while (next_found < found.size() && found[next_found].end <= lines[k].begin) ++next_found;
      const bool went = next_found < found.size() && found[next_found].begin <= lines[k].begin &&
                        !found[next_found].segment;
      if (blank[k] || went || NamesAFile(lines[k].text)) continue;
      std::string han = HanOnly(lines[k].text);
      if (text::CountCharStarts(han) >= kTitleHanChars) later_kept[std::move(han)] = k;
    }
  }
  auto said_again = [&](size_t k) {
    if (k >= first || NamesAFile(lines[k].text)) return false;
    const auto it = later_kept.find(HanOnly(lines[k].text));
    return it != later_kept.end() && it->second > k;
  };
  // A portal's metadata block writes a field's name on one line and its value on the next (发文单位 ⏎
  // 某区发展和改革局, 主题分类 ⏎ 政务公开): before the report, a short value line right after a field name
  // that went whole goes with it.
  std::vector<SiteLine> values;
  for (size_t i = 0; i < found.size(); ++i) {
    if (cancel != nullptr && cancel->At(found[i].begin)) return {};
    const SiteLine& key = found[i];
    if (key.segment || key.inside) continue;
    size_t k = 0;
    while (k < lines.size() && lines[k].begin < key.begin) ++k;
    if (k >= lines.size() || lines[k].begin != key.begin || !IsFieldName(lines[k].text)) continue;
    size_t v = k + 1;
    while (v < lines.size() && blank[v]) ++v;
    if (v >= lines.size() || (first < lines.size() && v >= first) || table[v] || said_again(v)) continue;
    if (i + 1 < found.size() && found[i + 1].begin <= lines[v].begin) continue;  // it went already
    const std::string_view value = lines[v].text;
    const absl::string_view trimmed = absl::StripAsciiWhitespace(absl::string_view(value.data(), value.size()));
    const std::string_view t(trimmed.data(), trimmed.size());
    // A line ending in a colon is no value: another field's name, or the report's salutation (各位代表:).
    if (t.empty() || text::CountCharStarts(t) > kFieldValueMaxChars || IsSentence(t) || ReadsAsTitle(t) ||
        t.ends_with(":") || t.ends_with("：") || !PieceBoundaries(t, 0, t.size()).empty()) {
      continue;
    }
    SiteLine s;
    s.begin = lines[v].begin;
    s.end = lines[v].next;
    s.probability = key.probability;
    values.push_back(s);
  }
  found.insert(found.end(), values.begin(), values.end());
  std::sort(found.begin(), found.end(), [](const SiteLine& a, const SiteLine& b) { return a.begin < b.begin; });
  // Context, as jusText classifies short blocks: at an edge of the report, a short line that is neither a
  // sentence nor a title, between two lines that went whole (the document's own start or end counting as
  // one), is the site's too (a portal's category 工作报告 between its date line and its breadcrumb, its name
  // and date above its menu, a section link under its footer).
  if (!found.empty() && first < lines.size()) {
    std::vector<bool> gone(lines.size(), false);
    size_t next_found = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (stop(k)) return {};
      while (next_found < found.size() && found[next_found].end <= lines[k].begin) ++next_found;
      for (size_t f = next_found; f < found.size() && found[f].begin <= lines[k].begin; ++f) {
        if (!found[f].segment && !blank[k] && lines[k].begin + lines[k].text.size() <= found[f].end) gone[k] = true;
      }
    }
    size_t first_text = lines.size(), last_text = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (stop(k)) return {};
      if (blank[k]) continue;
      first_text = std::min(first_text, k);
      last_text = k;
    }
    // The one counted collection title before the text, when there is one only.
    size_t sole_collection_title = lines.size();
    for (size_t k = 0, titles = 0; k < std::min(first, lines.size()); ++k) {
      if (blank[k] || !IsCountedCollectionTitle(lines[k].text)) continue;
      sole_collection_title = ++titles == 1 ? k : lines.size();
    }
    // Before the report only above its title: between the title and the first sentence stand the report's
    // own short lines (the speaker, 省长 某某; the date), which read no more as prose than a portal's do.
    size_t title_line = first;
    for (size_t k = 0; k < std::min(first, lines.size()); ++k) {
      if (!blank[k] && !gone[k] && ReadsAsTitle(lines[k].text)) {
        title_line = k;
        break;
      }
    }
    // The title bounds the portal's header as a site line would: the last line of a breadcrumb cut into
    // lines (首页 ⏎ > ⏎ 政务信息 ⏎ > ⏎ 某地要闻 ⏎ title) goes whether the title or a site line comes next.
    auto neighbour_gone = [&](size_t k, int step) {
      for (size_t j = k;;) {
        if (step < 0 ? j == 0 : j + 1 >= lines.size()) return true;  // the document's edge
        j = step < 0 ? j - 1 : j + 1;
        if (!blank[j]) return static_cast<bool>(gone[j]) || (step > 0 && j == title_line && title_line < first);
      }
    };
    // The nearest line that is not blank, before (step -1) or after (+1) line k; lines.size() at an edge.
    auto neighbour = [&](size_t k, int step) {
      for (size_t j = k;;) {
        if (step < 0 ? j == 0 : j + 1 >= lines.size()) return lines.size();
        j = step < 0 ? j - 1 : j + 1;
        if (!blank[j]) return j;
      }
    };
    // An item of a numbered notice between its items before and after it that went whole (`- 1、…`, `- 3、…`),
    // written with the same head: the notice's, whatever the model read it as.
    auto middle_notice_item = [&](size_t k) {
      const size_t before = neighbour(k, -1), after = neighbour(k, +1);
      if (before == lines.size() || after == lines.size() || !gone[before] || !gone[after]) return false;
      const auto head = NumberedItemHead(lines[k].text);
      const auto head_before = NumberedItemHead(lines[before].text);
      const auto head_after = NumberedItemHead(lines[after].text);
      if (!head || !head_before || !head_after) return false;
      return head_before->lead == head->lead && head_after->lead == head->lead && head_before->mark == head->mark &&
             head_after->mark == head->mark && head_before->number + 1 == head->number &&
             head->number + 1 == head_after->number;
    };
    // A portal's metadata row, `来源: 某局` (a field's name of kFieldNameMinHan to kFieldNameMaxHan ideographs, a
    // colon, a value of at most kFieldValueMaxChars characters), next to another that went whole (`时间: …`),
    // before the report's first sentence: the block's rows go together, whatever the model read this one as.
    auto field_row = [&](size_t k) {
      static const LazyRE2 kFieldRow = {
          .pattern_ = R"(^[ \t\x{3000}]*(\p{Han}+)[ \t\x{3000}]*[:：][ \t\x{3000}]*(\S.*)$)"};
      re2::StringPiece name, value;
      if (!RE2::FullMatch(re2::StringPiece(lines[k].text.data(), lines[k].text.size()), *kFieldRow, &name, &value)) return false;
      const size_t name_han = text::CountCharStarts(std::string_view(name.data(), name.size()));
      return name_han >= kFieldNameMinHan && name_han <= kFieldNameMaxHan &&
             text::CountCharStarts(std::string_view(value.data(), value.size())) <= kFieldValueMaxChars;
    };
    auto metadata_row = [&](size_t k) {
      if (first == lines.size() || k >= first || !field_row(k)) return false;
      for (int step : {-1, +1}) {
        const size_t j = neighbour(k, step);
        if (j < lines.size() && gone[j] && field_row(j)) return true;
      }
      return false;
    };
    // A row of kMenuMinPieces to kMenuMaxPieces labels of kMenuLabelMinChars to kMenuLabelMaxChars characters
    // each, parted by blanks, one of which a site line within kBreadcrumbTitleLookahead non-blank lines that
    // went whole says too.
    auto menu_of_site_words = [&](size_t k) {
      const std::string_view t = text::TrimLineBlanks(lines[k].text);
      std::vector<std::string_view> labels;
      for (size_t at = 0; at < t.size();) {
        size_t end = at;
        while (end < t.size() && BlankAt(t, end) == 0) end += CharAt(t, end).size();
        const std::string_view label = t.substr(at, end - at);
        const size_t chars = text::CountCharStarts(label);
        if (chars < kMenuLabelMinChars || chars > kMenuLabelMaxChars || HanCount(label) != chars) return false;
        labels.push_back(label);
        while (end < t.size() && BlankAt(t, end) > 0) end += BlankAt(t, end);
        at = end;
      }
      if (labels.size() < kMenuMinPieces || labels.size() > kMenuMaxPieces) return false;
      for (int step : {-1, +1}) {
        size_t j = k;
        for (size_t seen = 0; seen < kBreadcrumbTitleLookahead; ++seen) {
          j = neighbour(j, step);
          if (j == lines.size()) break;
          if (!gone[j]) continue;
          for (std::string_view label : labels) {
            if (lines[j].text.find(label) != std::string_view::npos) return true;
          }
        }
      }
      return false;
    };
    std::vector<SiteLine> between;
    // Without a line that names a kind of report, the candidate nearest above the first sentence whose words
    // the text says again is the page's own heading (jusText keeps a heading near good text): a title that names
    // no kind (`学党史 忆初心`, `…学习体会心得`) between a breadcrumb and a stat line. One said again whole later
    // is a copy, and a file's name the download's; both are left to the rules above.
    size_t own_heading = lines.size(), own_heading_at = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (stop(k)) return {};
      const bool edge = first == lines.size() || k < title_line || k > last;
      if (blank[k] || gone[k] || table[k]) continue;
      // A title said twice stays in its first place unless two site lines surround it there (a page header's
      // copy between its menu and its stat line; the document's edge is no site line here).
      if (said_again(k)) {
        const size_t above = neighbour(k, -1), below = neighbour(k, +1);
        if (!(above < lines.size() && gone[above] && below < lines.size() && gone[below])) continue;
      }
      const bool notice_item = (first == lines.size() || k <= first || k >= last) && middle_notice_item(k);
      const bool metadata = !notice_item && metadata_row(k);
      if (!edge && !notice_item && !metadata) continue;
      const std::string_view t = lines[k].text;
      // Any sentence or clause mark keeps the line: a short sentence of the report (全年新建口袋公园3个。).
      const bool punctuated = std::any_of(std::begin(kSentenceEnd), std::end(kSentenceEnd),
                                          [&](std::string_view e) { return t.find(e) != std::string_view::npos; }) ||
                              std::any_of(std::begin(kCommas), std::end(kCommas),
                                          [&](std::string_view e) { return t.find(e) != std::string_view::npos; }) ||
                              t.find_first_of(",;!?") != std::string_view::npos;
      // A row of links is as short a block as its pieces, and names no title however many of them name a
      // kind of report: its length is no evidence of prose.
      const bool link_row = IsLinkRow(t);
      const bool short_block = text::CountCharStarts(t) <= kContextLineChars || link_row;
      // A collection's counted title printed once before the text (`…德育工作总结 三篇`, its count parted by a
      // blank) is the title of what follows, flagged by boilerplate.bundle: no short line of the site's. (A site
      // that prints it twice around its lines, header and article, leaves the copies to this rule.)
      if (!notice_item && !metadata &&
          (!short_block || punctuated || (ReadsAsTitle(t) && !link_row) ||
           (k == sole_collection_title && !IsSentence(t)))) {
        continue;
      }
      // Above the title, a row of short link labels (`我要投稿 投诉建议`) one of which a nearby site line that went
      // says too (`时间:… 工作计划 我要投稿`): the site's menu, its words the site's, whatever stands beside it.
      const bool site_words = k < title_line && short_block && !punctuated && !ReadsAsTitle(t) && menu_of_site_words(k);
      if (!metadata && !site_words && (!neighbour_gone(k, -1) || !neighbour_gone(k, +1))) continue;
      // Not a line that only the document's edges surround: one side must be a site line.
      if (k == first_text && k == last_text) continue;
      // Overlapping a segment already found (a title cut from a breadcrumb) leaves the line to it.
      const auto after = std::lower_bound(found.begin(), found.end(), lines[k].next,
                                          [](const SiteLine& f, size_t at) { return f.begin < at; });
      // Found lines and segments do not overlap one another: the last two beginning before the line's end
      // are the only ones that can reach into it.
      bool taken = false;
      // (A line after the report that went takes the break before it: one beginning at this line's end
      // does not reach into it.)
      for (auto f = after; f != found.begin() && after - f < 2 && !taken;) {
        --f;
        taken = f->end > lines[k].begin && f->begin < lines[k].end;
      }
      if (taken) continue;
      if (title_line == first && k < first) {
        own_heading = k;
        own_heading_at = between.size();
      }
      const bool trailing = first < lines.size() && k > last && lines[k].begin > 0;
      SiteLine c;
      c.begin = trailing ? lines[k].begin - 1 : lines[k].begin;
      c.end = trailing ? lines[k].end : lines[k].next;
      c.probability = std::max(p[k], kSiteLineProbability);
      between.push_back(c);
    }
    // The heading's words recur in the text it heads: the share of its Han bigrams found after it.
    auto recurring_share = [&](size_t k) {
      const std::string han = HanOnly(lines[k].text);
      const std::string_view body = text.substr(lines[first].begin);
      size_t bigrams = 0, found_again = 0;
      for (size_t at = 0; at < han.size();) {
        const size_t one = CharAt(han, at).size();
        if (at + one >= han.size()) break;
        const size_t two = one + CharAt(han, at + one).size();
        ++bigrams;
        found_again += body.find(std::string_view(han).substr(at, two)) != std::string_view::npos;
        at += one;
      }
      return bigrams == 0 ? 0.0 : static_cast<double>(found_again) / static_cast<double>(bigrams);
    };
    if (own_heading < lines.size() && !said_again(own_heading) && !NamesAFile(lines[own_heading].text) &&
        !IsLinkRow(lines[own_heading].text) &&
        text::CountCharStarts(HanOnly(lines[own_heading].text)) >= kOwnHeadingMinHan &&
        recurring_share(own_heading) >= kOwnHeadingMinRecurrence) {
      between.erase(between.begin() + static_cast<std::ptrdiff_t>(own_heading_at));
    }
    found.insert(found.end(), between.begin(), between.end());
    std::sort(found.begin(), found.end(), [](const SiteLine& a, const SiteLine& b) { return a.begin < b.begin; });
  }
  // The site's name after the title on the page's first line ("…述职报告-某某网"), when the same name stands in
  // a line the model removed ("2022-11-08 某某网的版权声明"): the page's own title, "title-site", copied in.
  if (!found.empty() && first < lines.size()) {
    size_t k = 0;
    while (k < first && blank[k]) ++k;
    const std::string_view t = lines[k].text;
    const size_t dash = t.find_last_of("-_|");
    const absl::string_view after_dash =
        dash == std::string_view::npos ? absl::string_view() : absl::string_view(t.data() + dash + 1, t.size() - dash - 1);
    const absl::string_view trimmed_name = absl::StripAsciiWhitespace(after_dash);
    const std::string_view name(trimmed_name.data(), trimmed_name.size());
    const size_t name_han = HanCount(name);
    const bool gone_whole = std::any_of(found.begin(), found.end(), [&](const SiteLine& f) {
      return f.begin == lines[k].begin && !f.segment;
    });
    if (k < first && !gone_whole && name_han >= kSiteNameMinHan && name_han == text::CountCharStarts(name)) {
      for (const SiteLine& f : found) {
        const std::string_view site_line = text.substr(f.begin, f.end - f.begin);
        if (f.segment || f.begin == lines[k].begin || site_line.find(name) == std::string_view::npos) continue;
        SiteLine suffix;
        suffix.begin = lines[k].begin + text::SkipBlanksBack(t, dash, 0);
        suffix.end = lines[k].begin + t.size();
        suffix.probability = f.probability;
        suffix.segment = true;
        found.push_back(suffix);
        std::sort(found.begin(), found.end(), [](const SiteLine& a, const SiteLine& b) { return a.begin < b.begin; });
        break;
      }
    }
  }
  if (found.size() < kMinDocumentLines && strongest < kInsideProbability) {
    // A lone sentence the site put at the report's edge (its 小编 notice) meets the edge sentences' bar, or
    // is a notice by the title it names or the words it speaks to the reader in (two signs, or the vocabulary).
    const bool lone_notice = found.size() == 1 && !found[0].segment && !found[0].inside &&
                             (found[0].probability >= kLoneSentenceProbability || found[0].site_notice) &&
                             IsSentence(text.substr(found[0].begin, found[0].end - found[0].begin));
    if (!lone_notice) found.clear();
  }
  return found;
}

namespace {
struct FoundSiteLines {
  std::vector<SiteLine> lines;
};
}  // namespace

bool ProposeDeletionAroundReadings(RepairContext& context, const RepairRecord& deletion) {
  const Span span = deletion.span;
  if (!deletion.after.empty() || !context.IsClaimed(span)) return context.Propose(deletion);
  // Accepted records never overlap: in begin order their ends rise too, so those inside the span are a run.
  const std::vector<RepairRecord>& records = context.records();
  auto it = std::lower_bound(records.begin(), records.end(), span.begin,
                             [](const RepairRecord& r, size_t begin) { return r.span.end <= begin; });
  std::vector<Span> pieces;
  size_t at = span.begin;
  for (; it != records.end() && it->span.begin < span.end; ++it) {
    const Span inner = it->span;
    if (inner.begin < span.begin || inner.end > span.end || it->rule != repair_rule::kTextPinyin) return false;
    if (inner.begin > at) pieces.push_back({at, inner.begin});
    at = std::max(at, inner.end);
  }
  if (at < span.end) pieces.push_back({at, span.end});
  const std::string_view text = context.text();
  bool applied = false;
  for (Span piece : pieces) {
    // A piece of blanks alone is the line's break, which the earlier record left on purpose (a truncation
    // notice's line keeps the break before it) or which a reading parted from the line's text: it stays.
    std::string bytes(text.substr(piece.begin, piece.size()));
    std::erase(bytes, '\n');
    if (text::IsBlankLine(bytes)) continue;
    RepairRecord r = deletion;
    r.span = piece;
    r.before = std::string(text.substr(piece.begin, piece.size()));
    applied = context.Propose(std::move(r)) || applied;
  }
  return applied;
}

LabelledTeaser FindLabelledTeaser(std::string_view text, const FurnitureModel& model) {
  // `s`, without blanks and breaks, up to `limit` bytes.
  auto squeezed = [](std::string_view s, size_t limit) {
    std::string out;
    for (size_t i = 0; i < s.size() && out.size() < limit;) {
      const text::Char c = text::CharAt(s, i);
      if (!text::IsLineEdgeBlank(c.value) && c.value != U'\n') out.append(s.substr(i, c.length));
      i += std::max<size_t>(1, c.length);
    }
    return out;
  };
  // Line by line from the top, as far as the report's first sentence (not every line of a long text).
  for (size_t begin = 0; begin < text.size();) {
    const size_t nl = text.find('\n', begin);
    Line line;
    line.begin = begin;
    line.end = nl == std::string_view::npos ? text.size() : nl;
    line.next = nl == std::string_view::npos ? text.size() : nl + 1;
    line.text = text.substr(begin, line.end - begin);
    if (line.text.ends_with('\r')) line.text.remove_suffix(1);
    begin = line.next;
    const std::string_view t = text::TrimLineBlanks(line.text);
    if (t.empty()) continue;
    const bool sentence = IsSentence(t);
    if (text::CountCharStarts(t) > kMaxSiteLineChars) break;
    // The label: ideographs, then a colon.
    size_t at = 0, han = 0;
    while (at < t.size() && IsHanChar(CharAt(t, at))) {
      at += CharAt(t, at).size();
      ++han;
    }
    const std::string_view colon = CharAt(t, at);
    const bool labelled = han >= kTeaserLabelMinHan && han <= kTeaserLabelMaxHan && (colon == ":" || colon == "：");
    if (labelled) {
      const std::string_view label = t.substr(0, at), rest = t.substr(at + colon.size());
      const double p = std::max(model.Probability(label), model.Probability(t.substr(0, at + colon.size())));
      // What the label introduces is sentences (a breadcrumb's 当前位置: introduces links).
      if (p >= kSiteLineProbability && IsSentence(rest)) {
        const std::string mine = squeezed(rest, rest.size());
        const std::string theirs = squeezed(text.substr(std::min(line.next, text.size())), mine.size());
        LabelledTeaser teaser;
        teaser.begin = line.begin;
        teaser.end = line.next;
        teaser.copy = text::CountCharStarts(mine) >= kTeaserCopyChars && theirs == mine;
        teaser.probability = p;
        return teaser;
      }
    }
    if (sentence && model.Probability(t) < kProseProbability) break;  // the report's first sentence: the top ends
  }
  return {};
}

const UnconvertedText* ScriptView(RepairContext& context) {
  if (!context.diagnosis().converted_script) return nullptr;
  const UnconvertedText* view = context.Kept<UnconvertedText>();
  return view != nullptr ? view : &context.Keep(UndoScriptConversion(context.text()));
}

namespace {

// The document's site lines, read in ScriptView and mapped back (a removed reading goes with the character
// before it).
std::vector<SiteLine> FindDocumentSiteLines(RepairContext& context) {
  const UnconvertedText* view = ScriptView(context);
  std::vector<SiteLine> found = FindSiteLines(view != nullptr ? std::string_view(view->text) : context.text(),
                                              EmbeddedFurnitureModel(), &context.cancel_poll());
  if (view == nullptr) return found;
  for (SiteLine& s : found) {
    s.begin = view->Original(s.begin);
    s.end = view->Original(s.end);
  }
  return found;
}
}  // namespace

void DiagnoseSiteLines(RepairContext& context) {
  auto& found = context.Keep(FoundSiteLines{FindDocumentSiteLines(context)});
  if (!found.lines.empty()) context.mutable_diagnosis().site_boilerplate = true;
}

namespace {

// The site's line said again (its notice at the page's top and again above the text, `…吗?…以下为您分享的…!`):
// a line that holds a sentence's mark (full-width or ASCII: a title holds none) and whose ideographs,
// kRepeatedSiteLineHan of them at least, are those of a line above that went whole goes as that line did.
// The report says no line of a site's; what a site copies of the report (a teaser, the title) is cut shorter
// than the report's line or holds no sentence.
void AddRepeatedSiteLines(std::string_view text, std::vector<SiteLine>& found) {
  if (found.empty()) return;
  const std::vector<Line> lines = SplitLines(text);
  const std::vector<LineCover> cover = CoverOfLines(lines, found);
  absl::flat_hash_map<std::string, size_t> gone;  // the ideographs of a line that went whole → its index
  const size_t found_before = found.size();
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    if (text::IsBlankLine(t) || text::CountCharStarts(t) > kMaxSiteLineChars) continue;
    if (cover[k] == LineCover::kTouched) continue;
    const bool whole = cover[k] == LineCover::kWhole;
    std::string han = HanOnly(t);
    if (text::CountCharStarts(han) < kRepeatedSiteLineHan) continue;
    if (whole) {
      gone.try_emplace(std::move(han), k);
      continue;
    }
    const auto said = gone.find(han);
    if (said == gone.end() || !(HoldsSentenceEnd(t) || t.find_first_of("?!;") != std::string_view::npos)) continue;
    SiteLine repeat;
    repeat.begin = lines[k].begin;
    repeat.end = lines[k].next;
    repeat.probability = kSiteLineProbability;
    found.push_back(repeat);
  }
  if (found.size() > found_before) {
    std::sort(found.begin(), found.end(), [](const SiteLine& a, const SiteLine& b) { return a.begin < b.begin; });
  }
}

}  // namespace

void RemoveSiteLines(RepairContext& context) {
  std::string_view text = context.text();
  const FoundSiteLines* kept = context.Kept<FoundSiteLines>();
  std::vector<SiteLine> found = kept ? kept->lines : FindDocumentSiteLines(context);
  // Between bundled documents (boilerplate.bundle flagged their starts) a site repeats its notice: a line
  // next to a document's start that the model is near-certain of goes, unless it reads as a title.
  std::vector<Span> starts;
  for (const RepairFlag& f : context.flags()) {
    // A table of contents' entries are flagged under the same rule but start no document.
    if (f.rule == repair_rule::kBoilerplateBundle && !IsTableOfContentsEntry(f.text)) starts.push_back(f.span);
  }
  if (!starts.empty()) {
    const FurnitureModel& model = EmbeddedFurnitureModel();
    const std::vector<Line> lines = SplitLines(text);
    const UnconvertedText* view = ScriptView(context);
    const std::vector<Line> view_lines = view != nullptr ? SplitLines(view->text) : std::vector<Line>();
    // The model's lines are in text order: a binary search finds any overlapping one (a scan of all of
    // them per start would be quadratic in a file of many pieces). Lines added here are kept by start.
    const size_t found_by_model = found.size();
    absl::flat_hash_set<size_t> added;
    auto taken = [&](const Line& l) {
      if (added.contains(l.begin)) return true;
      auto it = std::lower_bound(found.begin(), found.begin() + found_by_model, l.begin,
                                 [](const SiteLine& s, size_t begin) { return s.end <= begin; });
      return it != found.begin() + found_by_model && it->begin < l.next;
    };
    auto consider = [&](size_t j) {
      const Line& l = lines[j];
      if (text::IsBlankLine(l.text) || taken(l)) return;
      const std::string_view read = j < view_lines.size() ? view_lines[j].text : l.text;
      if (text::CountCharStarts(read) > kMaxSiteLineChars || IsTableRow(read) || ReadsAsTitle(read)) return;
      const double p = model.Probability(read);
      if (p < kInsideProbability) return;
      SiteLine s;
      s.begin = l.begin;
      s.end = l.next;
      s.probability = p;
      s.inside = true;
      added.insert(l.begin);
      found.push_back(s);
    };
    // The site's introduction to the bundle: the document's first sentence line, right before the first
    // piece's label (篇一:, 第1篇), saying how many pieces follow (…本文将呈现三篇…范文…). It belongs to no piece.
    // The clean corpora say a count of 篇 in a sentence (五篇大文章) but bundle no pieces.
    static const RE2 kFirstLabel(R"(^\s*(?:篇\s*[1一]|第\s*[1一]\s*篇|【\s*[1一]\s*】)(?:[^0-9]|$))");
    static const RE2 kPieceCount(R"([0-9一二三四五六七八九十两]\s*篇)");
    if (RE2::PartialMatch(re2::StringPiece(text.data() + starts.front().begin, starts.front().size()), kFirstLabel)) {
      size_t k = 0;
      while (k < lines.size() && lines[k].next <= starts.front().begin) ++k;
      size_t j = k;
      while (j > 0 && text::IsBlankLine(lines[j - 1].text)) --j;
      if (j > 0 && k < lines.size()) {
        const Line& intro = lines[j - 1];
        const std::string_view read = j - 1 < view_lines.size() ? view_lines[j - 1].text : intro.text;
        bool sentence_before = false;
        for (size_t m = 0; m + 1 < j && !sentence_before; ++m) sentence_before = IsSentence(lines[m].text);
        if (!sentence_before && IsSentence(read) && !taken(intro) &&
            RE2::PartialMatch(re2::StringPiece(read.data(), read.size()), kPieceCount)) {
          SiteLine s;
          s.begin = intro.begin;
          s.end = intro.next;
          s.probability = kSiteLineProbability;
          added.insert(intro.begin);
          found.push_back(s);
        }
      }
    }
    size_t k = 0;
    for (Span start : starts) {
      while (k < lines.size() && lines[k].next <= start.begin) ++k;
      if (k >= lines.size()) break;
      for (size_t j = k; j-- > 0;) {
        if (text::IsBlankLine(lines[j].text)) continue;
        consider(j);
        break;
      }
      for (size_t j = k + 1; j < lines.size(); ++j) {
        if (text::IsBlankLine(lines[j].text)) continue;
        consider(j);
        break;
      }
    }
  }
  // A site's teaser or abstract under its label at the report's top: a copy of the opening goes, other text
  // is flagged.
  {
    const UnconvertedText* view = ScriptView(context);
    LabelledTeaser teaser =
        FindLabelledTeaser(view != nullptr ? std::string_view(view->text) : text, EmbeddedFurnitureModel());
    if (view != nullptr) {
      teaser.begin = view->Original(teaser.begin);
      teaser.end = view->Original(teaser.end);
    }
    const bool taken = std::any_of(found.begin(), found.end(), [&](const SiteLine& s) {
      return s.begin < teaser.end && teaser.begin < s.end;
    });
    if (teaser.end > teaser.begin && !taken && teaser.copy) {
      SiteLine s;
      s.begin = teaser.begin;
      s.end = teaser.end;
      s.probability = teaser.probability;
      found.push_back(s);
      std::sort(found.begin(), found.end(), [](const SiteLine& a, const SiteLine& b) { return a.begin < b.begin; });
    } else if (teaser.end > teaser.begin && !taken) {
      RepairFlag flag;
      flag.rule = repair_rule::kBoilerplateSiteLines;
      size_t end = teaser.end;
      while (end > teaser.begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
      flag.span = {teaser.begin, end};
      flag.text = std::string(text.substr(flag.span.begin, flag.span.size()));
      flag.reason = absl::StrCat("A site's abstract under its label at the report's top (the furniture model gives "
                                 "the label ", absl::SixDigits(teaser.probability),
                                 "): the site's words or the report's, kept as written.");
      context.Flag(std::move(flag));
    }
  }
  AddRepeatedSiteLines(text, found);
  // A short line next to a page mark or chunk prefix that page_furniture removed is a piece of a sentence
  // it cut and joins back (…认为，中 | - 21 - | 华人民共和国…): never furniture of its own.
  std::vector<Span> joins;
  for (const RepairRecord& r : context.records()) {
    // A whole line removed (a page-number line after a sentence end, a viewer's thumbnail caption) joins
    // nothing: the lines around it stand on their own.
    const bool at_line_start = r.span.begin == 0 || text[r.span.begin - 1] == '\n';
    const bool whole_line = at_line_start && r.span.end > r.span.begin && text[r.span.end - 1] == '\n';
    // Nor does a prefix that opens a line and keeps its break (the first chunk's "1、").
    const bool line_prefix =
        at_line_start && text.substr(r.span.begin, r.span.end - r.span.begin).find('\n') == std::string_view::npos;
    if (r.rule == repair_rule::kBoilerplatePageFurniture && !whole_line && !line_prefix) joins.push_back(r.span);
  }
  // The joins are sorted and never overlap (their ends rise too): only those reaching into the line's
  // neighbourhood are looked at, not every join for every line (quadratic with a footer on every line).
  auto next_to_join = [&](const SiteLine& s) {
    auto j = std::lower_bound(joins.begin(), joins.end(), s.begin,
                              [](Span join, size_t begin) { return join.end + 1 < begin; });
    for (; j != joins.end() && j->begin <= s.end + 1; ++j) {
      if ((j->begin <= s.end + 1 && j->end >= s.end) || (j->end + 1 >= s.begin && j->begin <= s.begin)) return true;
    }
    return false;
  };
  // A line of invisible characters only (a zero-width space the report's own file holds) is no site's text.
  auto invisible = [&](const SiteLine& s) {
    for (size_t i = s.begin; i < s.end;) {
      const text::Char c = text::CharAt(text, i);
      const bool zero_width = c.value == U'\u200b' || c.value == U'\u200c' || c.value == U'\u200d' ||
                              c.value == U'\u2060' || c.value == U'\ufeff';
      if (!text::IsLineEdgeBlank(c.value) && c.value != U'\n' && !zero_width) return false;
      i += std::max<size_t>(1, c.length);
    }
    return true;
  };
  for (const SiteLine& s : found) {
    // Segments too: a line's end before a page mark is a piece of the cut sentence (…方法。大 | - 26 - |).
    if (next_to_join(s) || invisible(s)) continue;
    RepairRecord r;
    r.rule = repair_rule::kBoilerplateSiteLines;
    r.span = {s.begin, s.end};
    r.before = std::string(text.substr(s.begin, s.end - s.begin));
    r.after = "";
    r.confidence = s.probability;
    r.reason = absl::StrCat(
        s.segment  ? "A segment of a line that the site glued to the report's text (the text stays)"
        : s.inside ? "One of a run of site lines inside the text"
                   : "A line the site or portal added around the report",
        " (download, print and share controls, upload and file statistics, breadcrumbs, tags, notices): the "
        "furniture model gives it ",
        absl::SixDigits(s.probability), " against the report's own lines.");
    ProposeDeletionAroundReadings(context, r);
  }
}

}  // namespace wenshu::repair_internal
