// boilerplate.site_lines (see site_lines.h).
#include "repair/site_lines.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <span>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "repair/number_scan.h"
#include "repair/rules.h"
#include "repair/vocab_model.h"

namespace wenshu::repair_internal {
namespace {

// The model, compiled at build time from src/repair/data/furniture_model.tsv (kFurnitureBias,
// kFurnitureWeights), and its hash index, built by the compiler.
#include "repair/furniture_model_table.inc"

// FNV-1a 32 of a feature's bytes.
constexpr uint32_t FeatureHash(std::string_view feature) {
  uint32_t h = 2166136261u;
  for (char c : feature) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

// Fills `slots` (a power of two, at least twice the entries: probes stay short) with 1 + the index of
// each entry at its feature's hash, linear probing; a repeated feature keeps its last weight, as a map
// assigned row by row would.
constexpr void FillIndex(std::span<const FurnitureWeight> weights, std::span<uint32_t> slots) {
  const uint32_t mask = static_cast<uint32_t>(slots.size() - 1);
  for (uint32_t i = 0; i < weights.size(); ++i) {
    for (uint32_t s = FeatureHash(weights[i].feature) & mask;; s = (s + 1) & mask) {
      if (slots[s] == 0 || weights[slots[s] - 1].feature == weights[i].feature) {
        slots[s] = i + 1;
        break;
      }
    }
  }
}

constexpr size_t IndexSlots(size_t entries) { return std::bit_ceil(std::max<size_t>(2 * entries, 2)); }

constexpr auto kFurnitureIndex = [] {
  std::array<uint32_t, IndexSlots(std::size(kFurnitureWeights))> slots{};
  FillIndex(kFurnitureWeights, slots);
  return slots;
}();

// As in tools/furniture/features.py.
constexpr size_t kNgramChars = 80;
constexpr size_t kLengthBuckets[] = {1, 2, 3, 5, 8, 12, 20, 35, 60, 100};
constexpr std::string_view kSentenceEnd[] = {"。", "！", "？", "；", "…"};
constexpr std::string_view kCommas[] = {"，", "、"};
constexpr std::string_view kClosers[] = {"）", ")", "】", "」", "》", "”", "’", "〕", "]"};
constexpr std::string_view kSeparators[] = {">", "»", "›", "|", "/", "·", "•"};
constexpr std::string_view kUrlMarks[] = {"http", "www.", ".com", ".cn", ".htm", ".net", ".org"};

template <size_t N>
bool OneOf(std::string_view c, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), c) != std::end(set);
}

bool IsHanChar(std::string_view c) { return IsHan(CodePointAt(c, 0).value); }

// The line's characters, normalized (NormalizeContextChar), blank runs collapsed, the ends trimmed.
std::vector<std::string> LineChars(std::string_view line) {
  std::vector<std::string> out;
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t length = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    std::string n = NormalizeContextChar(line.substr(start, i - start));
    if (n == "\n") continue;
    if (n == " " && (out.empty() || out.back() == " ")) continue;
    out.push_back(std::move(n));
  }
  while (!out.empty() && out.back() == " ") out.pop_back();
  return out;
}

int ShareBucket(size_t part, size_t whole) {
  if (part == 0 || whole == 0) return 0;
  const double s = static_cast<double>(part) / static_cast<double>(whole);
  return s <= 0.15 ? 1 : s <= 0.4 ? 2 : 3;
}

size_t CountChars(std::string_view line) {
  size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Blank: spaces, tabs, U+3000 and U+00A0 only (what LineChars drops), found without decoding long lines.
bool IsBlankLine(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
      ++i;
    } else if (s.substr(i, 3) == "\u3000") {
      i += 3;
    } else if (s.substr(i, 2) == "\u00A0") {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// A line of the report's body: a sentence of kSentenceChars characters or more.
bool IsSentence(std::string_view line) {
  if (CountChars(line) < kSentenceChars) return false;
  for (std::string_view end : kSentenceEnd) {
    if (line.find(end) != std::string_view::npos) return true;
  }
  return false;
}

// Whether the line, without the Latin letters, digits and spaces extraction left in it, reads as prose and
// holds kTitleHanChars ideographs (政 府 工 作 报 告hd9, 各位代表:hd9). A site's line keeps its signals
// without them (上传人: 文档编号: …, 当前位置>>首页 > …).
bool ReadsAsProseWithoutNoise(std::string_view line, const FurnitureModel& model) {
  std::string denoised;
  for (char c : line) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != ' ' && c != '\t') denoised.push_back(c);
  }
  if (denoised.size() == line.size() || CountChars(HanOnly(denoised)) < kTitleHanChars) return false;
  return model.Probability(denoised) < kProseProbability;
}

// Where the last item of a breadcrumb starts (after its last link separator and the blanks after it), when
// the line has kBreadcrumbSeparators separators or more; npos otherwise.
size_t BreadcrumbLastItem(std::string_view line) {
  constexpr std::string_view kLinks[] = {">", "»", "›", "＞"};
  size_t count = 0, after = std::string_view::npos;
  for (size_t i = 0; i < line.size();) {
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
    i += len;
  }
  if (count < kBreadcrumbSeparators) return std::string_view::npos;
  while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
  return after;
}

}  // namespace

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

std::vector<std::string> FurnitureFeatures(std::string_view line) {
  std::vector<std::string> f;
  const std::vector<std::string> chars = LineChars(line);
  if (chars.empty()) return f;
  std::string prev = "^";
  for (size_t k = 0; k < chars.size() && k < kNgramChars; ++k) {
    f.push_back(absl::StrCat("u", chars[k]));
    f.push_back(absl::StrCat("b", prev, chars[k]));
    prev = chars[k];
  }
  if (chars.size() <= kNgramChars) f.push_back(absl::StrCat("b", prev, "$"));
  const size_t n = chars.size();
  int length_bucket = 0;
  for (size_t edge : kLengthBuckets) length_bucket += n >= edge;
  f.push_back(absl::StrCat("L", length_bucket));
  const std::string& last = chars.back();
  char e = 'o';
  if (OneOf(last, kSentenceEnd)) e = 's';
  else if (OneOf(last, kCommas)) e = 'c';
  else if (last == "：") e = 'k';
  else if (OneOf(last, kClosers)) e = 'r';
  else if (last == "0") e = 'd';
  else if (last == "a") e = 'a';
  else if (IsHanChar(last)) e = 'h';
  f.push_back(absl::StrCat("E", std::string(1, e)));
  size_t sentence = 0, commas = 0, colons = 0, separators = 0, spaces = 0, digits = 0, latin = 0, han = 0;
  for (const std::string& c : chars) {
    sentence += OneOf(c, kSentenceEnd);
    commas += OneOf(c, kCommas);
    colons += c == "：";
    separators += OneOf(c, kSeparators);
    spaces += c == " ";
    digits += c == "0";
    latin += c == "a";
    han += IsHanChar(c);
  }
  f.push_back(absl::StrCat("S", std::min<size_t>(3, sentence)));
  f.push_back(absl::StrCat("C", std::min<size_t>(3, commas)));
  f.push_back(absl::StrCat("K", std::min<size_t>(3, colons)));
  f.push_back(absl::StrCat("G", std::min<size_t>(3, separators)));
  f.push_back(absl::StrCat("W", std::min<size_t>(3, spaces)));
  f.push_back(absl::StrCat("D", ShareBucket(digits, n)));
  f.push_back(absl::StrCat("A", ShareBucket(latin, n)));
  f.push_back(absl::StrCat("H", ShareBucket(han, n)));
  const std::string lower = absl::AsciiStrToLower(absl::string_view(line.data(), line.size()));
  for (std::string_view mark : kUrlMarks) {
    if (lower.find(mark) != std::string::npos) {
      f.push_back("U");
      break;
    }
  }
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

struct FurnitureModel::Owned {
  std::string tsv;  // the features are views into it
  std::vector<FurnitureWeight> weights;
  std::vector<uint32_t> index;
};

absl::StatusOr<FurnitureModel> FurnitureModel::Parse(std::string_view tsv) {
  FurnitureModel model;
  auto owned = std::make_shared<Owned>();
  owned->tsv.assign(tsv.data(), tsv.size());
  bool versioned = false;
  for (absl::string_view row : absl::StrSplit(absl::string_view(owned->tsv.data(), owned->tsv.size()), '\n')) {
    if (row.empty() || row[0] == '#') continue;
    std::vector<absl::string_view> cells = absl::StrSplit(row, '\t');
    if (cells[0] == "V") {
      versioned = cells.size() >= 3 && cells[1] == "wenshu-furniture-model" && cells[2] == "1";
      if (!versioned) return absl::InvalidArgumentError("furniture model: unknown version row");
    } else if (cells[0] == "B" && cells.size() == 2) {
      if (!absl::SimpleAtod(cells[1], &model.bias_)) return absl::InvalidArgumentError("furniture model: bad bias");
    } else if (cells[0] == "W" && cells.size() == 3) {
      double w = 0;
      if (!absl::SimpleAtod(cells[2], &w)) {
        return absl::InvalidArgumentError(absl::StrCat("furniture model: bad weight row ", row));
      }
      owned->weights.push_back({std::string_view(cells[1].data(), cells[1].size()), w});
    } else {
      return absl::InvalidArgumentError(absl::StrCat("furniture model: bad row ", row));
    }
  }
  if (!versioned) return absl::InvalidArgumentError("furniture model: no version row");
  owned->index.assign(IndexSlots(owned->weights.size()), 0);
  FillIndex(owned->weights, owned->index);
  model.weights_ = owned->weights;
  model.index_ = owned->index;
  model.owned_ = std::move(owned);
  return model;
}

double FurnitureModel::Weight(std::string_view feature) const {
  const uint32_t mask = static_cast<uint32_t>(index_.size() - 1);
  for (uint32_t s = FeatureHash(feature) & mask; index_[s] != 0; s = (s + 1) & mask) {
    const FurnitureWeight& w = weights_[index_[s] - 1];
    if (w.feature == feature) return w.weight;
  }
  return 0;
}

double FurnitureModel::Probability(std::string_view line) const {
  double z = bias_;
  for (const std::string& f : FurnitureFeatures(line)) z += Weight(f);
  z = std::clamp(z, -30.0, 30.0);
  return 1.0 / (1.0 + std::exp(-z));
}

const FurnitureModel& EmbeddedFurnitureModel() {
  static const FurnitureModel* model = [] {
    auto* m = new FurnitureModel();
    m->bias_ = kFurnitureBias;
    m->weights_ = kFurnitureWeights;
    m->index_ = kFurnitureIndex;
    return m;
  }();
  return *model;
}

std::vector<SiteLine> FindSiteLines(std::string_view text, const FurnitureModel& model,
                                    text_internal::CancelPoll* cancel) {
  const std::vector<Line> lines = SplitLines(text);
  std::vector<double> p(lines.size(), 0.0);
  std::vector<bool> blank(lines.size(), false);
  size_t first = lines.size(), last = 0;  // the report's first and last sentence lines
  for (size_t k = 0; k < lines.size(); ++k) {
    if (cancel != nullptr && cancel->At(lines[k].begin)) return {};
    blank[k] = IsBlankLine(lines[k].text);
    if (blank[k]) continue;
    const size_t chars = CountChars(lines[k].text);
    p[k] = chars > kMaxSiteLineChars ? 0.0 : model.Probability(lines[k].text);
    if (p[k] < kProseProbability && IsSentence(lines[k].text)) {
      first = std::min(first, k);
      last = k;
    }
  }
  if (first == lines.size()) {
    // No sentence reads as prose: the report is still somewhere, and its sentences are the body.
    for (size_t k = 0; k < lines.size(); ++k) {
      if (blank[k] || !IsSentence(lines[k].text)) continue;
      first = std::min(first, k);
      last = k;
    }
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
  for (size_t k = 0; k < lines.size(); ++k) {
    if (blank[k]) continue;
    const bool edge = first == lines.size() || k < first || k > last;
    if (edge) {
      const size_t item = BreadcrumbLastItem(lines[k].text);
      if (item != std::string_view::npos && item < lines[k].text.size()) {
        const std::string_view crumbs = lines[k].text.substr(0, item), title = lines[k].text.substr(item);
        const double crumbs_p = model.Probability(crumbs);
        // When the title comes again on a line of its own just after, this line is the site's copy: it goes
        // whole.
        const std::string title_han = HanOnly(title);
        bool title_follows = false;
        for (size_t j = k + 1; j < lines.size() && j <= k + kBreadcrumbTitleLookahead; ++j) {
          title_follows = title_follows || HanOnly(lines[j].text) == title_han;
        }
        if (crumbs_p >= kSiteLineProbability && model.Probability(title) < kProseProbability &&
            CountChars(title_han) >= kBreadcrumbTitleHanChars) {
          if (title_follows) {
            p[k] = std::max(p[k], crumbs_p);
            add(k, false);
            continue;
          }
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
      const double needed = IsSentence(lines[k].text) ? kEdgeSentenceProbability : kSiteLineProbability;
      if (p[k] >= needed && !ReadsAsProseWithoutNoise(lines[k].text, model)) add(k, false);
      continue;
    }
    // Inside: a run of near-certain short lines (blank lines between them do not break it).
    auto strong = [&](size_t j) {
      return p[j] >= kInsideProbability && CountChars(lines[j].text) <= kInsideMaxChars;
    };
    if (!strong(k)) continue;
    size_t run = 1;
    for (size_t j = k; j-- > 0 && (blank[j] || strong(j));) run += !blank[j];
    for (size_t j = k + 1; j < lines.size() && (blank[j] || strong(j)); ++j) run += !blank[j];
    if (run >= kInsideRunLines) add(k, true);
  }
  if (found.size() < kMinDocumentLines && strongest < kInsideProbability) found.clear();
  return found;
}

namespace {
struct FoundSiteLines {
  std::vector<SiteLine> lines;
};
}  // namespace

void DiagnoseSiteLines(RepairContext& context) {
  auto& found = context.Keep(
      FoundSiteLines{FindSiteLines(context.text(), EmbeddedFurnitureModel(), &context.cancel_poll())});
  if (!found.lines.empty()) context.mutable_diagnosis().site_boilerplate = true;
}

void RemoveSiteLines(RepairContext& context) {
  std::string_view text = context.text();
  const FoundSiteLines* kept = context.Kept<FoundSiteLines>();
  const std::vector<SiteLine> found =
      kept ? kept->lines : FindSiteLines(text, EmbeddedFurnitureModel(), &context.cancel_poll());
  // A short line next to a page mark or chunk prefix that page_furniture removed is a piece of a sentence
  // it cut and joins back (…认为，中 | - 21 - | 华人民共和国…): never furniture of its own.
  std::vector<Span> joins;
  for (const RepairRecord& r : context.records()) {
    if (r.rule == "boilerplate.page_furniture") joins.push_back(r.span);
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
  for (const SiteLine& s : found) {
    if (next_to_join(s)) continue;
    RepairRecord r;
    r.rule = "boilerplate.site_lines";
    r.span = {s.begin, s.end};
    r.before = std::string(text.substr(s.begin, s.end - s.begin));
    r.after = "";
    r.confidence = s.probability;
    r.reason = absl::StrCat(
        s.segment  ? "The site's breadcrumb before the title, on the title's line"
        : s.inside ? "One of a run of site lines inside the text"
                   : "A line the site or portal added around the report",
        " (download, print and share controls, upload and file statistics, breadcrumbs, tags, notices): the "
        "furniture model gives it ",
        absl::SixDigits(s.probability), " against the report's own lines.");
    context.Propose(std::move(r));
  }
}

}  // namespace wenshu::repair_internal
