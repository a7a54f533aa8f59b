#include "damage/damage.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace wenshu::damage {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool StartsWith(std::string_view text, size_t at, std::string_view word) {
  return at <= text.size() && text.substr(at, word.size()) == word;
}
bool EndsWith(std::string_view text, size_t at, std::string_view word) {
  return at >= word.size() && text.substr(at - word.size(), word.size()) == word;
}

// CJK ideographs are three bytes starting E4..E9 in UTF-8.
bool HanAt(std::string_view text, size_t at) {
  if (at + 3 > text.size()) return false;
  auto c = static_cast<unsigned char>(text[at]);
  return c >= 0xE4 && c <= 0xE9;
}

std::string PickMask(Random& random) {
  double u = random.Uniform();
  if (u < 0.2) return "2022";
  if (u < 0.8) return "2023";
  return "2024";
}

// The clean corpora are well-formed UTF-8: a character is the bytes its lead byte announces.
size_t CharLength(std::string_view text, size_t at) { return text::AnnouncedCharLength(text.substr(at)); }

// The ideographs of `text`, at most `max_bytes` of them.
std::string HanOnly(std::string_view text, size_t max_bytes = 180) {
  std::string out;
  for (size_t i = 0; i < text.size() && out.size() < max_bytes; i += CharLength(text, i)) {
    if (HanAt(text, i)) out.append(text.substr(i, 3));
  }
  return out;
}

// A line without the blanks around it (spaces, tabs, U+3000, zero-width spaces).
std::string_view TrimLine(std::string_view line) {
  for (bool trimmed = true; trimmed && !line.empty();) {
    trimmed = false;
    for (std::string_view blank : {" ", "\t", "\r", "\u3000", "\u200b"}) {
      if (line.substr(0, blank.size()) == blank) {
        line.remove_prefix(blank.size());
        trimmed = true;
      }
      if (line.size() >= blank.size() && line.substr(line.size() - blank.size()) == blank) {
        line.remove_suffix(blank.size());
        trimmed = true;
      }
    }
  }
  return line;
}

// The report's own title line among its first 30 lines: the title itself, or the end of it (a report
// titled 2026年广东省政府工作报告 that opens with 政府工作报告). npos when the report has none.
size_t OwnTitleLine(std::string_view text, std::string_view title) {
  size_t at = 0;
  for (size_t line = 0; line < 30 && at < text.size(); ++line) {
    size_t nl = text.find('\n', at);
    std::string_view t = TrimLine(text.substr(at, (nl == std::string_view::npos ? text.size() : nl) - at));
    if (!t.empty() && (t == title || (HanOnly(t).size() >= 12 && HanOnly(t) == t && title.size() > t.size() &&
                                      title.substr(title.size() - t.size()) == t))) {
      return line;
    }
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return std::string_view::npos;
}

// The title as a site prints it: where the site's year pass masked the report's years, the title's years
// carry the mask too (社会事业局2023年…). A report whose years escaped (full-width digits) keeps them.
std::string MaskTitle(std::string_view title, const DamagedDocument& doc) {
  const DamageProfile& profile = doc.profile;
  const bool years_masked = std::any_of(doc.truth.begin(), doc.truth.end(),
                                        [](const TruthItem& t) { return t.kind == "masked_year"; });
  if (profile.ten_mask.empty() || !years_masked) return std::string(title);
  std::string out;
  for (size_t i = 0; i < title.size();) {
    if (!IsDigit(title[i])) {
      out += title[i++];
      continue;
    }
    size_t b = i;
    while (i < title.size() && IsDigit(title[i])) ++i;
    out += IsYearPosition(title, b, i) ? profile.ten_mask : std::string(title.substr(b, i - b));
  }
  return out;
}

// The title's short form: its years ("2023年") and everything but ideographs dropped (the seed's
// 社会事业局上半年工作总结 for 社会事业局2023年上半年工作总结).
std::string ShortTitle(std::string_view title) {
  std::string out;
  for (size_t i = 0; i < title.size();) {
    if (IsDigit(title[i])) {
      while (i < title.size() && IsDigit(title[i])) ++i;
      if (StartsWith(title, i, "年")) i += 3;
      continue;
    }
    if (HanAt(title, i)) out.append(title.substr(i, 3));
    i += CharLength(title, i);
  }
  return out;
}

// The first four-digit run of the title (its year, as printed), or "".
std::string TitleYear(std::string_view title) {
  for (size_t i = 0; i < title.size();) {
    if (!IsDigit(title[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < title.size() && IsDigit(title[i])) ++i;
    if (i - b == 4) return std::string(title.substr(b, 4));
  }
  return "";
}

// Keyword tags: two-character pieces of the short title (a last odd character joins the piece before).
std::vector<std::string> TitlePieces(std::string_view short_title) {
  std::vector<std::string> pieces;
  for (size_t i = 0; i + 6 <= short_title.size(); i += 6) pieces.emplace_back(short_title.substr(i, 6));
  if (short_title.size() % 6 == 3) {
    if (pieces.empty()) {
      pieces.emplace_back(short_title);
    } else {
      pieces.back().append(short_title.substr(short_title.size() - 3));
    }
  }
  return pieces;
}

std::string Digits(Random& random, size_t n) {
  std::string out(1, static_cast<char>('1' + random.Below(9)));
  while (out.size() < n) out += static_cast<char>('0' + random.Below(10));
  return out;
}

std::string LatinId(Random& random) {
  static constexpr std::string_view kLetters = "abcdefghijkmnpqrstuvwxyz";
  std::string out;
  for (size_t n = 4 + random.Below(4); out.size() < n;) out += kLetters[random.Below(kLetters.size())];
  return out + Digits(random, 2 + random.Below(4));
}

template <typename T>
const T& Pick(Random& random, const std::vector<T>& options) {
  return options[random.Below(options.size())];
}

// Full-width punctuation for sites that keep it: ':' → '：', ',' → '，'.
std::string FullWidth(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ':') {
      out += "：";
    } else if (c == ',') {
      out += "，";
    } else {
      out += c;
    }
  }
  return out;
}

const std::vector<std::string>& SiteNames() {
  static const auto* names = new std::vector<std::string>{"汇文网",   "文库网", "人人文库", "得力文库",
                                                          "冰点文库", "文档网", "范文网",   "原创力文档"};
  return *names;
}

// A notice header as the sites print it (DAMAGE.md §1, the seed's first six lines), in one of several
// wordings. ASCII punctuation as in the seed, or full-width.
std::string NoticeHeader(Random& f) {
  const std::string& site = Pick(f, SiteNames());
  std::vector<std::string> items = {
      "部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。",
      "本文档由用户上传,版权归属用户," + site + "负责整理代发布。如果您对本文档版权有争议请及时联系客服。",
      "下载前请仔细阅读文档内容,确认文档内容符合您的需求后进行下载,若出现内容与标题不符可向本站投诉处理。",
      "下载文档时可能由于网络波动等原因无法下载或下载错误,付费完成后未能成功下载的用户请联系客服处理。",
  };
  std::vector<std::string> service = {"网站客服:" + Digits(f, 10), "客服QQ:" + Digits(f, 9),
                                      "客服电话:400-" + Digits(f, 3) + "-" + Digits(f, 4),
                                      "在线客服:" + Digits(f, 10)};
  std::string out;
  size_t style = f.Below(4);
  if (style <= 1) {
    // The seed's: a notice title, numbered items (a subset, in order), the customer-service number.
    out = style == 0 ? "温馨提示:\n" : "友情提示:\n";
    size_t n = 0;
    for (const std::string& item : items) {
      if (f.Chance(0.7)) {
        ++n;
        out += std::to_string(n) + (style == 0 ? ". " : "、") + item + "\n";
      }
    }
    if (n == 0) out += std::string(style == 0 ? "1. " : "1、") + items[1] + "\n";
    out += Pick(f, service) + "\n";
  } else if (style == 2) {
    out = "下载提示:本文档由用户上传,仅供学习交流使用,如有侵权请联系" + site + "客服删除。\n";
    if (f.Chance(0.6)) out += Pick(f, service) + "\n";
  } else {
    out = "免责声明:本站所有文档均由用户上传," + site +
          "仅提供信息存储空间服务,不拥有所有权。若侵犯了您的版权,请联系客服删除。\n";
    if (f.Chance(0.5)) out += "版权声明:本文档版权归原作者所有,未经许可不得转载。\n";
    out += Pick(f, service) + "\n";
  }
  return f.Chance(0.4) ? FullWidth(out) : out;
}

// Where furniture may be put: between two ideographs (a cut word), after a sentence end inside a
// paragraph, before the line break that ends a paragraph, at the start of a line.
bool BetweenIdeographs(std::string_view text, size_t at) {
  return at >= 3 && HanAt(text, at - 3) && HanAt(text, at);
}
bool AfterSentenceEnd(std::string_view text, size_t at) {
  return HanAt(text, at) && (EndsWith(text, at, "。") || EndsWith(text, at, "；"));
}
bool AtParagraphEnd(std::string_view text, size_t at) {
  return at < text.size() && text[at] == '\n' && EndsWith(text, at, "。");
}
bool AtLineStart(std::string_view text, size_t at) {
  return at > 0 && at < text.size() && text[at - 1] == '\n' && text[at] != '\n' && text[at] != '\r';
}

// Builds the furniture of one document into doc->damaged (already damaged in its digits) and its truth.
class FurnitureBuilder {
 public:
  FurnitureBuilder(DamagedDocument* doc, Random& random) : doc_(*doc), text_(doc->damaged), random_(random) {}

  // Inserts `text` at `at`; every truth span after it moves. A dropped percent sign (an empty span) at
  // `at` stays before the insertion: it belongs to the digits before it. The truth span is the inserted
  // text, widened by `lead` bytes of the text before it when the right repair keeps some of them: then
  // `original` holds what stays (a page mark at a line start: the line break before it).
  void Insert(size_t at, const std::string& text, const std::string& kind,
              std::vector<std::string> accepted = {}, size_t lead = 0, std::string original = "") {
    text_.insert(at, text);
    for (TruthItem& t : doc_.truth) {
      if (t.span.begin > at || (t.span.begin == at && !t.span.empty())) {
        t.span.begin += text.size();
        t.span.end += text.size();
      }
    }
    Span span{at - lead, at + text.size()};
    doc_.truth.push_back(
        {kind, span, text_.substr(span.begin, span.size()), std::move(original), std::move(accepted)});
  }

  // Inside furniture or right after it (where a line the site added ends): no place for more.
  bool InFurniture(size_t at) const {
    return std::any_of(doc_.truth.begin(), doc_.truth.end(), [&](const TruthItem& t) {
      return IsFurnitureKind(t.kind) && t.span.begin < at && at <= t.span.end;
    });
  }

  // The first offset in [from, from + window) where `where` holds, npos if none.
  template <typename Where>
  size_t Find(size_t from, size_t window, Where where) const {
    for (size_t at = from; at < text_.size() && at < from + window; ++at) {
      if (where(std::string_view(text_), at) && !InFurniture(at)) return at;
    }
    return std::string::npos;
  }

  // Page boundaries every `min_gap` + [0, spread) bytes, each found by `where` from there.
  template <typename Where>
  std::vector<size_t> Boundaries(size_t min_gap, size_t spread, Where where) {
    std::vector<size_t> points;
    size_t at = min_gap + random_.Below(spread);
    while (at < text_.size()) {
      size_t point = where(at);
      if (point == std::string::npos || point + 3 >= text_.size()) break;
      points.push_back(point);
      at = point + min_gap + random_.Below(spread);
    }
    return points;
  }

  // A line of furniture at the end of the text, on a line of its own.
  void InsertLastLine(const std::string& line, const std::string& kind) {
    if (!text_.empty() && text_.back() != '\n') {
      Insert(text_.size(), "\n" + line, kind);
    } else {
      Insert(text_.size(), line + "\n", kind);
    }
  }

  const std::string& text() const { return text_; }

 private:
  DamagedDocument& doc_;
  std::string& text_;
  Random& random_;
};

// The main stream's draws of the running footers the generator inserted before furniture had a stream of
// its own: replayed (and the points dropped) so the digit and percent damage of every later document in
// a set stays what it was.
void ReplayFooterDraws(std::string_view text, Random& random) {
  size_t at = 1500 + random.Below(1500);
  while (at + 3 < text.size()) {
    while (at + 3 < text.size() && !BetweenIdeographs(text, at)) ++at;
    if (at + 3 >= text.size()) break;
    at += 1500 + random.Below(1500);
  }
}

std::string PageMark(std::string_view format, size_t page, size_t pages) {
  if (format == "- N -") return "- " + std::to_string(page) + " -";
  std::string out = "第" + std::to_string(page) + "页";
  if (format == "第N页共M页") return out + "共" + std::to_string(pages) + "页";
  return out + "/共" + std::to_string(pages) + "页";
}

void AddFurniture(DamagedDocument* doc, const CleanDocument& clean, Random& f) {
  DamageProfile& p = doc->profile;
  if (p.clean) return;
  // The title a site prints: the corpus's, or else the first line's ideographs.
  std::string title(TrimLine(clean.title));
  size_t own_line = std::string::npos;
  if (title.empty()) {
    std::string_view text = clean.text;
    for (size_t line = 0, at = 0; at < text.size() && own_line == std::string::npos; ++line) {
      size_t nl = std::min(text.find('\n', at), text.size());
      if (!HanOnly(text.substr(at, nl - at), 135).empty()) {
        title = HanOnly(text.substr(at, nl - at), 135);
        own_line = line;
      }
      at = nl + 1;
    }
    if (title.empty()) title = "工作报告";
  } else {
    own_line = OwnTitleLine(clean.text, title);
  }
  const std::string printed = MaskTitle(title, *doc);
  std::string short_title = ShortTitle(printed);
  if (short_title.size() < 12) short_title = HanOnly(printed);
  FurnitureBuilder b(doc, f);
  const std::string& text = b.text();

  // "第2/145页" after the report's own title line. Before any line is inserted, the damaged text has the
  // clean text's lines.
  p.page_counter = p.page_counter && own_line != std::string::npos;
  if (p.page_counter) {
    size_t at = 0;
    for (size_t line = 0; line < own_line; ++line) at = text.find('\n', at) + 1;
    size_t end = std::min(text.find('\n', at), text.size());
    while (end > at && text[end - 1] == '\r') --end;
    size_t page = 1 + f.Below(5);
    std::string counter = "第" + std::to_string(page) + "/" + std::to_string(page + 1 + f.Below(200)) + "页";
    double u = f.Uniform();
    b.Insert(end, u < 0.6 ? counter : u < 0.8 ? " " + counter : "（" + counter + "）", "page_counter");
  }

  // Running footers: the title (whole with its digits, short, or cut) and 第N页, then the page's line
  // break, between two ideographs (the seed's "到" | footer | "目前为止"), after a sentence end inside a
  // paragraph, before the break that ends a paragraph, or at the start of a line. The site never adds a
  // break before a footer, so its own break always goes with it: the right repair joins what it cut.
  // (After a sentence end, keeping the break is accepted too, see below.)
  if (p.page_footers) {
    double u = f.Uniform();
    std::string footer_title = printed;
    if (u >= 0.3) footer_title = short_title;
    if (u >= 0.75) footer_title = short_title.substr(0, std::min(short_title.size(), 3 * (6 + f.Below(7))));
    std::vector<size_t> points = b.Boundaries(1500, 1500, [&](size_t at) {
      double v = f.Uniform();
      size_t point = std::string::npos;
      if (v >= 0.9) {
        point = b.Find(at, 1500, AtLineStart);
      } else if (v >= 0.75) {
        point = b.Find(at, 1500, AtParagraphEnd);
      } else if (v >= 0.5) {
        point = b.Find(at, 1500, AfterSentenceEnd);
      }
      return point != std::string::npos ? point : b.Find(at, 1500, BetweenIdeographs);
    });
    p.page_footers = !points.empty();
    for (size_t k = points.size(); k-- > 0;) {
      // After a sentence end a reader cannot tell a page that broke inside a paragraph from one that
      // broke between two: keeping the footer's break (a new paragraph) is right too.
      std::vector<std::string> kept;
      if (AfterSentenceEnd(text, points[k])) kept.push_back("\n");
      b.Insert(points[k], footer_title + "第" + std::to_string(k + 2) + "页\n", "page_footer",
               std::move(kept));
    }
  }

  // Page headers: a page mark on a line of its own at the top of every page, the first at the top of the
  // text. Inside a line the site adds a break before and after the mark: between two ideographs the right
  // repair removes both (the cut sentence joins again). At the start of a line only the mark's own break
  // is added; the truth span then also holds the line break before it, which the right repair keeps.
  // Pages start at a line start only after a blank line or a line that ends where lines end (after a
  // heading, or a line the corpus broke between two ideographs, after a comma or an opening bracket, the
  // damaged text could not show whether a sentence was cut). After 。 or ； both look alike ("。⏎mark⏎下"):
  // the mark inside a paragraph or at the start of one, so there joining and keeping one break are both
  // right.
  if (p.page_headers) {
    static const std::vector<std::string> kFormats = {"第N页共M页", "第N页/共M页", "- N -"};
    const std::string& format = Pick(f, kFormats);
    // A line start after a line that ends where lines end: a blank line (spaces and zero-width spaces
    // only), sentence-final or closing punctuation, or Latin letters and digits. Not after an ideograph,
    // a comma or an opening bracket: the corpus breaks some lines there, mid-sentence.
    auto after_line_end = [](std::string_view t, size_t a) {
      if (!AtLineStart(t, a) || a < 2) return false;
      size_t line_begin = t.rfind('\n', a - 2);
      line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
      std::string_view line = TrimLine(t.substr(line_begin, a - 1 - line_begin));
      if (line.empty()) return true;
      const char last = line.back();
      if ((last >= '0' && last <= '9') || (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z')) {
        return true;
      }
      for (std::string_view end : {"。", "！", "？", "；", "：", "…", "”", "’", "」", "』",
                                   "）", "》", "】", "〕", "!",  "?", ";", ":", ")",  "]"}) {
        if (EndsWith(line, line.size(), end)) return true;
      }
      return false;
    };
    std::vector<size_t> points = b.Boundaries(1500, 1500, [&](size_t at) {
      size_t point = f.Chance(0.4) ? b.Find(at, 1500, after_line_end) : std::string::npos;
      if (point == std::string::npos && f.Chance(0.4)) point = b.Find(at, 1500, AfterSentenceEnd);
      return point != std::string::npos ? point : b.Find(at, 1500, BetweenIdeographs);
    });
    const size_t pages = points.size() + 1;
    for (size_t k = points.size(); k-- > 0;) {
      const std::string mark = PageMark(format, k + 2, pages);
      const size_t at = points[k];
      const bool after_sentence = EndsWith(text, at, "。") || EndsWith(text, at, "；") ||
                                  EndsWith(text, at - 1, "。") || EndsWith(text, at - 1, "；");
      if (AtLineStart(text, at)) {
        std::vector<std::string> joined;
        if (after_sentence) joined.push_back("");
        b.Insert(at, mark + "\n", "page_header", std::move(joined), 1, "\n");
      } else {
        std::vector<std::string> kept;
        if (after_sentence) kept.push_back("\n");
        b.Insert(at, "\n" + mark + "\n", "page_header", std::move(kept));
      }
    }
    b.Insert(0, PageMark(format, 1, pages) + "\n", "page_header");
  }

  // Chunk prefixes: the text cut into chunks of 0.8-2.5 kB, each restarting on a new line with "N、" in
  // the middle of a sentence. The first chunk starts the text with "1、". A text of one chunk gets none:
  // a lone "1、" before the text cannot be told from a list item.
  if (p.chunk_prefixes) {
    std::vector<size_t> points =
        b.Boundaries(800, 1700, [&](size_t at) { return b.Find(at, 1500, BetweenIdeographs); });
    p.chunk_prefixes = !points.empty();
    for (size_t k = points.size(); k-- > 0;) {
      b.Insert(points[k], "\n" + std::to_string(k + 2) + "、", "chunk_prefix");
    }
    if (p.chunk_prefixes) b.Insert(0, "1、", "chunk_prefix");
  }

  if (p.reference_number) {
    static const std::vector<std::string> kLabels = {"编号:", "编号：", "文档编号:", "资料编号："};
    std::string line = Pick(f, kLabels) + Digits(f, 8 + f.Below(3));
    if (f.Chance(0.6)) {
      b.Insert(0, line + "\n", "reference_number");
    } else {
      b.InsertLastLine(line, "reference_number");
    }
  }

  if (p.advert) {
    const std::string& site = Pick(f, SiteNames());
    std::vector<std::string> adverts = {
        "更多精品范文请关注微信公众号:" + LatinId(f),
        "本文由" + site + "整理,下载word版请加QQ:" + Digits(f, 9), "需要原版文档请加微信:" + LatinId(f),
        "获取更多资料请加V信:" + LatinId(f), site + "专注文档分享,客服微信:" + LatinId(f)};
    std::string line = Pick(f, adverts);
    if (f.Chance(0.4)) line = FullWidth(line);
    size_t at = f.Chance(0.5)
                    ? b.Find(text.size() / 3 + f.Below(text.size() / 3 + 1), text.size(), AtLineStart)
                    : std::string::npos;
    if (at != std::string::npos) {
      b.Insert(at, line + "\n", "advert");
    } else {
      b.InsertLastLine(line, "advert");
    }
  }

  if (p.trailing_tag) {
    std::vector<std::string> pieces = TitlePieces(short_title);
    if (pieces.size() > 3 || pieces.empty() || f.Chance(0.3)) {
      static const std::vector<std::string> kWords = {"工作总结", "工作报告", "政府工作报告", "范文"};
      pieces = {Pick(f, kWords), Pick(f, kWords)};
      if (pieces[0] == pieces[1]) pieces.pop_back();
    }
    double u = f.Uniform();
    std::string open = u < 0.5 ? "[标签:" : u < 0.8 ? "【标签：" : "[关键词:";
    std::string close = u >= 0.5 && u < 0.8 ? "】" : "]";
    std::string joined;
    for (const std::string& piece : pieces)
      joined += (joined.empty() ? "" : u >= 0.5 && u < 0.8 ? "，" : ",") + piece;
    b.InsertLastLine(open + joined + close, "trailing_tag");
  }

  // The site's header: a notice, keyword tags (the year, then two-character pieces of the title), and the
  // title in two or three forms. When the report has no title line of its own, a repair that keeps one
  // line with the title (a form the site printed, its "文章标题:" label gone) is right too: nothing tells
  // the site's last title form from a report's own title line.
  if (p.site_header) {
    bool notice = f.Chance(0.9);
    std::string header = notice ? NoticeHeader(f) : "";
    if (!notice || f.Chance(0.8)) {
      std::string year = TitleYear(printed);
      if (!year.empty()) header += year + "\n";
      std::vector<std::string> pieces = TitlePieces(short_title);
      for (size_t k = 0; k < pieces.size() && k < 6; ++k) header += pieces[k] + "\n";
    }
    static const std::vector<std::string> kLabels = {"文章标题:", "文章标题：", "文档标题:", "标题:"};
    const std::string labelled = Pick(f, kLabels) + printed;
    const std::vector<std::vector<std::string>> patterns = {{short_title, labelled, printed},
                                                            {short_title, labelled},
                                                            {printed, labelled},
                                                            {labelled, printed},
                                                            {short_title, printed}};
    for (const std::string& form : Pick(f, patterns)) header += form + "\n";
    std::vector<std::string> accepted;
    if (own_line == std::string::npos) accepted.push_back(printed + "\n");
    b.Insert(0, header, "site_header", std::move(accepted));
  }
}

}  // namespace

bool IsYearPosition(std::string_view text, size_t begin, size_t end) {
  if (end - begin != 4) return false;
  int value = std::stoi(std::string(text.substr(begin, 4)));
  if (value < 1949 || value > 2035) return false;
  for (std::string_view w : {"年", "届", "版", "赛季", "“", "\"", "〝"}) {
    if (StartsWith(text, end, w)) return true;
  }
  for (std::string_view open : {"〔", "[", "【", "［"}) {
    if (EndsWith(text, begin, open)) return true;
  }
  // Dates (2023.4.7, 2023-04-07, 2023/4/7) and ranges of years (2021-2023, 2019至2023).
  for (std::string_view sep : {".", "-", "/", "—", "～", "~", "至", "－"}) {
    if (StartsWith(text, end, sep)) {
      size_t d = end + sep.size();
      size_t e = d;
      while (e < text.size() && IsDigit(text[e])) ++e;
      if (e - d == 4 || ((sep == "-" || sep == "/") && e - d >= 1 && e - d <= 2)) return true;
      if (sep == "." && e - d >= 1 && e - d <= 2 && StartsWith(text, e, ".")) return true;
    }
    if (EndsWith(text, begin, sep)) {
      size_t e = begin - sep.size();
      size_t d = e;
      while (d > 0 && IsDigit(text[d - 1])) --d;
      if (e - d == 4) return true;
    }
  }
  return false;
}

const std::vector<std::string>& FurnitureKinds() {
  static const auto* kinds =
      new std::vector<std::string>{"site_header",  "page_header",      "page_counter", "page_footer",
                                   "chunk_prefix", "reference_number", "advert",       "trailing_tag"};
  return *kinds;
}

bool IsFurnitureKind(std::string_view kind) {
  const auto& kinds = FurnitureKinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

uint64_t StreamSeed(uint64_t seed, uint64_t index) {
  // SplitMix64 of the pair.
  uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (index + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

DamageProfile DrawProfile(Random& random, double clean_fraction) {
  DamageProfile p;
  if (random.Chance(clean_fraction)) {
    p.clean = true;
    return p;
  }
  bool masks = random.Chance(0.85);
  if (masks) {
    p.ten_mask = PickMask(random);
    p.year_masks = {p.ten_mask};
    if (random.Chance(0.3)) {
      std::string second = PickMask(random);
      if (second != p.ten_mask) p.year_masks.push_back(second);
    }
    double u = random.Uniform();
    p.ten_rate = u < 0.6 ? 1.0 : u < 0.8 ? 0.8 : 0.5;
    p.year_rate = random.Chance(0.7) ? 1.0 : 0.7;
    p.double_pass = random.Chance(0.15);
  }
  if (!masks || random.Chance(0.6)) p.percent_drop_rate = random.Chance(0.7) ? 1.0 : 0.8;
  // Draws furniture took from this stream before it had a stream of its own (see replay_footer_draws).
  random.Chance(0.3);
  p.replay_footer_draws = random.Chance(0.3);
  return p;
}

void DrawFurniture(Random& f, DamageProfile* p) {
  if (p->clean || f.Chance(0.25)) return;  // a quarter of the damaged documents get no furniture
  p->site_header = f.Chance(0.5);
  // One way of marking pages per site.
  double u = f.Uniform();
  p->page_footers = u < 0.35;
  p->page_headers = u >= 0.35 && u < 0.6;
  p->chunk_prefixes = u >= 0.6 && u < 0.75;
  p->page_counter = f.Chance(0.3);
  p->reference_number = f.Chance(0.2);
  p->trailing_tag = f.Chance(0.2);
  p->advert = f.Chance(0.15);
  if (!p->page_footers && !p->page_headers && !p->chunk_prefixes && !p->page_counter &&
      !p->reference_number && !p->trailing_tag && !p->advert) {
    p->site_header = true;
  }
}

DamagedDocument Damage(std::string id, const CleanDocument& clean_document, const DamageProfile& profile,
                       Random& random, Random& furniture) {
  std::string_view clean = clean_document.text;
  DamagedDocument doc;
  doc.id = std::move(id);
  doc.source = clean_document.name;
  doc.profile = profile;
  doc.original = std::string(clean);
  if (profile.clean) {
    doc.damaged = doc.original;
    return doc;
  }
  std::string& out = doc.damaged;
  out.reserve(clean.size() + 256);
  // Each distinct year value keeps one mask string, as sites map 2000 → 2022 and 2005 → 2023.
  std::vector<std::pair<std::string, std::string>> year_map;
  auto year_mask_for = [&](const std::string& year) {
    for (const auto& [y, m] : year_map) {
      if (y == year) return m;
    }
    std::string m =
        profile.year_masks.empty() ? "" : profile.year_masks[random.Below(profile.year_masks.size())];
    year_map.emplace_back(year, m);
    return m;
  };

  size_t i = 0;
  while (i < clean.size()) {
    char c = clean[i];
    if (IsDigit(c)) {
      size_t b = i;
      while (i < clean.size() && IsDigit(clean[i])) ++i;
      std::string digits(clean.substr(b, i - b));
      const bool year = IsYearPosition(clean, b, i);
      size_t out_begin = out.size();
      if (year && !profile.year_masks.empty() && random.Chance(profile.year_rate)) {
        std::string mask = year_mask_for(digits);
        out += mask;
        doc.truth.push_back({"masked_year", {out_begin, out.size()}, mask, digits, {}});
        continue;
      }
      std::string damaged;
      bool masked_any = false;
      if (!profile.ten_mask.empty()) {
        size_t k = 0;
        while (k < digits.size()) {
          if (k + 1 < digits.size() && digits[k] == '1' && digits[k + 1] == '0' &&
              random.Chance(profile.ten_rate)) {
            damaged += profile.ten_mask;
            masked_any = true;
            k += 2;
          } else {
            damaged += digits[k++];
          }
        }
      } else {
        damaged = digits;
      }
      if (masked_any && year && profile.double_pass && damaged.size() >= 4 && !profile.year_masks.empty()) {
        // The year pass runs again over the damaged digits: 2010 → 202023 → 202223.
        damaged = year_mask_for(digits) + damaged.substr(4);
      }
      out += damaged;
      if (masked_any) {
        doc.truth.push_back(
            {year ? "masked_year" : "masked_ten", {out_begin, out.size()}, damaged, digits, {}});
      }
      continue;
    }
    // A percent sign after a number.
    bool ascii_percent = c == '%';
    bool wide_percent = StartsWith(clean, i, "％");
    if ((ascii_percent || wide_percent) && i > 0 && IsDigit(clean[i - 1]) && profile.percent_drop_rate > 0 &&
        random.Chance(profile.percent_drop_rate)) {
      std::string sign = ascii_percent ? "%" : "％";
      doc.truth.push_back({"dropped_percent", {out.size(), out.size()}, "", sign, {}});
      i += sign.size();
      continue;
    }
    size_t n = CharLength(clean, i);
    out.append(clean.substr(i, n));
    i += n;
  }

  if (profile.replay_footer_draws) ReplayFooterDraws(out, random);
  // Furniture last: insertions shift every truth span after them.
  AddFurniture(&doc, clean_document, furniture);
  std::sort(doc.truth.begin(), doc.truth.end(),
            [](const TruthItem& a, const TruthItem& b) { return a.span.begin < b.span.begin; });
  return doc;
}

std::string ToJsonLine(const DamagedDocument& doc) {
  nlohmann::json truth = nlohmann::json::array();
  for (const TruthItem& t : doc.truth) {
    nlohmann::json item = {
        {"kind", t.kind}, {"span", {t.span.begin, t.span.end}}, {"text", t.text}, {"original", t.original}};
    if (!t.accepted.empty()) item["accepted"] = t.accepted;
    truth.push_back(std::move(item));
  }
  const DamageProfile& p = doc.profile;
  nlohmann::json profile = {{"clean", p.clean},
                            {"ten_mask", p.ten_mask},
                            {"year_masks", p.year_masks},
                            {"ten_rate", p.ten_rate},
                            {"year_rate", p.year_rate},
                            {"double_pass", p.double_pass},
                            {"percent_drop_rate", p.percent_drop_rate},
                            {"site_header", p.site_header},
                            {"page_footers", p.page_footers},
                            {"page_headers", p.page_headers},
                            {"page_counter", p.page_counter},
                            {"chunk_prefixes", p.chunk_prefixes},
                            {"reference_number", p.reference_number},
                            {"trailing_tag", p.trailing_tag},
                            {"advert", p.advert}};
  nlohmann::json j = {
      {"schema", "wenshu.damage/2"}, {"id", doc.id},           {"source", doc.source}, {"profile", profile},
      {"original", doc.original},    {"damaged", doc.damaged}, {"truth", truth}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool FromJsonLine(std::string_view line, DamagedDocument* doc) {
  auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("damaged")) return false;
  *doc = DamagedDocument{};
  doc->id = j.value("id", "");
  doc->source = j.value("source", "");
  doc->original = j.value("original", "");
  doc->damaged = j["damaged"].get<std::string>();
  if (j.contains("profile") && j["profile"].is_object()) {
    const auto& p = j["profile"];
    doc->profile.clean = p.value("clean", false);
    doc->profile.ten_mask = p.value("ten_mask", "");
  }
  if (j.contains("truth") && j["truth"].is_array()) {
    for (const auto& t : j["truth"]) {
      if (!t.contains("span") || !t["span"].is_array() || t["span"].size() != 2) return false;
      TruthItem item;
      item.kind = t.value("kind", "");
      item.span = {t["span"][0].get<size_t>(), t["span"][1].get<size_t>()};
      item.text = t.value("text", "");
      item.original = t.value("original", "");
      if (t.contains("accepted") && t["accepted"].is_array()) {
        for (const auto& a : t["accepted"]) {
          if (a.is_string()) item.accepted.push_back(a.get<std::string>());
        }
      }
      if (item.span.end < item.span.begin || item.span.end > doc->damaged.size()) return false;
      doc->truth.push_back(std::move(item));
    }
  }
  return true;
}

}  // namespace wenshu::damage
