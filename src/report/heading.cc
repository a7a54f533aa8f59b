// Title, issuer, kind and period: read from the title line(s) at the top of the repaired text, or from
// a title the caller knows (a corpus's title field), and the first paragraph when the title is silent.
#include <algorithm>
#include <optional>
#include <string>

#include "re2/re2.h"
#include "report/internal.h"
#include "text/char_class.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace wenshu::report_internal {
namespace {

constexpr size_t kHeadScanBytes = 4096;  // titles live in the first lines
constexpr size_t kMaxTitleBytes = 150;   // about 50 characters

constexpr std::string_view kTitlePrefixes[] = {
    "文章标题:", "文章标题：", "标题:", "标题：", "题目:", "题目："};

// Words that make a short line a title candidate: the kinds of report, and the plans' own (打算, 工作安排).
constexpr std::string_view kPlanTitleWords[] = {"打算", "工作安排", "工作思路"};
constexpr auto kTitleWords = text::lexicon::Join(text::lexicon::kReportKindLabels, kPlanTitleWords);

bool Contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// The issuer a government report names in its opening ("我代表国务院，向大会报告政府工作"): two to thirty
// characters, none a comma, colon, full stop or blank, between 我代表 and a comma; the first place that
// has them. Tried at each 我代表 with an unbounded run, counted after the match: the pattern with the
// bounds written in ({2,30}?) compiles thirty copies of the class, longer than a whole short parse. The
// run ends at the first comma either way, so the answers are the same.
std::optional<std::string> RepresentedIssuer(std::string_view para) {
  static const RE2* represent = new RE2("我代表([^，,。：:\\s]+)[，,]");
  constexpr std::string_view kLead = "我代表";
  for (size_t at = para.find(kLead); at != std::string_view::npos; at = para.find(kLead, at + 1)) {
    re2::StringPiece rest(para.data() + at, para.size() - at), who;
    if (!RE2::Consume(&rest, *represent, &who)) continue;
    const size_t chars = text::CountCharStarts(std::string_view(who.data(), who.size()));
    if (chars >= 2 && chars <= 30) return std::string(who);
  }
  return std::nullopt;
}


ReportKind KindOf(std::string_view title) {
  // "…关于政府工作报告的决议" is a resolution about a report, not the report.
  for (std::string_view w : {"决议", "决定", "通知", "批复", "意见"}) {
    if (title.ends_with(w)) return ReportKind::kOther;
  }
  for (std::string_view w : {"总结", "小结", "述职", "汇报", "回顾"}) {
    if (Contains(title, w)) return ReportKind::kSummary;
  }
  for (std::string_view w : {"计划", "要点", "打算", "规划", "安排", "思路"}) {
    if (Contains(title, w)) return ReportKind::kPlan;
  }
  if (Contains(title, "报告")) return ReportKind::kReport;
  return ReportKind::kOther;
}

const RE2& YearPattern() {
  static const RE2* re = new RE2("((?:19|20)\\d\\d)\\s*年");
  return *re;
}

struct PartRule {
  std::string_view word;
  PeriodPart part;
  int first, last;
};
constexpr PartRule kPartRules[] = {
    {"上半年", PeriodPart::kH1, 1, 6},     {"下半年", PeriodPart::kH2, 7, 12},
    {"第一季度", PeriodPart::kQ1, 1, 3},   {"一季度", PeriodPart::kQ1, 1, 3},
    {"第二季度", PeriodPart::kQ2, 4, 6},   {"二季度", PeriodPart::kQ2, 4, 6},
    {"第三季度", PeriodPart::kQ3, 7, 9},   {"三季度", PeriodPart::kQ3, 7, 9},
    {"第四季度", PeriodPart::kQ4, 10, 12}, {"四季度", PeriodPart::kQ4, 10, 12},
};

// Reads a period from `text` (a title or the start of the first paragraph) at `offset` in the document.
bool ReadPeriod(std::string_view text, size_t offset, bool require_year, Heading* h) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece year_digits;
  const bool has_year = RE2::PartialMatch(input, YearPattern(), &year_digits);
  if (require_year && !has_year) return false;
  ReportPeriod& p = h->period;
  if (has_year) {
    p.year = std::stoi(std::string(year_digits));
    const size_t at = static_cast<size_t>(year_digits.data() - text.data());
    h->year_span = Span{offset + at, offset + at + 4};
  }
  size_t part_at = std::string_view::npos;
  size_t part_len = 0;
  {
    static const RE2* months = new RE2("((\\d{1,2})\\s*[-—–~～至到]\\s*(\\d{1,2})\\s*月)");
    re2::StringPiece whole;
    int first = 0, last = 0;
    if (RE2::PartialMatch(input, *months, &whole, &first, &last) && first >= 1 && last <= 12 &&
        first <= last) {
      p.part = PeriodPart::kMonths;
      p.first_month = first;
      p.last_month = last;
      part_at = static_cast<size_t>(whole.data() - text.data());
      part_len = whole.size();
    }
  }
  if (p.part == PeriodPart::kUnknown) {
    for (const PartRule& r : kPartRules) {
      size_t at = text.find(r.word);
      if (at != std::string_view::npos) {
        p.part = r.part;
        p.first_month = r.first;
        p.last_month = r.last;
        part_at = at;
        part_len = r.word.size();
        break;
      }
    }
  }
  if (p.part == PeriodPart::kUnknown && has_year) {
    p.part = PeriodPart::kYear;
    p.first_month = 1;
    p.last_month = 12;
  }
  if (has_year || part_at != std::string_view::npos) {
    size_t b = h->year_span ? h->year_span->begin : offset + part_at;
    size_t e = h->year_span ? h->year_span->end + 3 : offset + part_at + part_len;  // through 年
    if (part_at != std::string_view::npos) {
      b = std::min(b, offset + part_at);
      e = std::max(e, offset + part_at + part_len);
    }
    p.span = Span{b, e};
    return true;
  }
  return false;
}

std::optional<std::string> IssuerFromTitle(std::string_view title) {
  static constexpr std::string_view kSuffixes[] = {
      "政府工作报告", "工作总结", "工作报告", "工作计划", "工作要点", "工作规划", "工作安排", "工作思路",
      "工作汇报",     "述职报告", "总结",     "报告",     "计划",     "要点",     "规划",     "汇报"};
  size_t cut = std::string_view::npos;
  std::string_view suffix;
  for (std::string_view s : kSuffixes) {
    size_t at = title.find(s);
    if (at != std::string_view::npos) {
      cut = at;
      suffix = s;
      break;
    }
  }
  if (cut == std::string_view::npos) return std::nullopt;
  // "第十一届全国人民代表大会第一次会议关于政府工作报告的决议": the issuer is who resolves, before 关于.
  if (size_t about = title.find("关于"); about != std::string_view::npos && about < cut) {
    cut = about;
    suffix = "关于";
  }
  std::string prefix(title.substr(0, cut));
  static const RE2* year = new RE2("(?:(?:19|20)\\d\\d|20[xX]{2}|[一二〇零○]{4})\\s*年度?");
  static const RE2* part = new RE2(
      "上半年|下半年|前三季度|第?[一二三四]季度|全年|年度|年终|年中|上年|今年|"
      "\\d{1,2}\\s*[-—–~～至到]\\s*\\d{1,2}\\s*月份?|\\d{1,2}月份?");
  RE2::GlobalReplace(&prefix, *year, "");
  RE2::GlobalReplace(&prefix, *part, "");
  std::string_view trimmed = text::TrimLineBlanks(prefix);
  while (trimmed.size() >= 3 &&
         (trimmed.substr(trimmed.size() - 3) == "的" || trimmed.substr(trimmed.size() - 3) == "—")) {
    trimmed.remove_suffix(3);
  }
  if (trimmed.empty()) return std::nullopt;
  std::string issuer(trimmed);
  if (suffix == "政府工作报告" && !(issuer.ends_with("国务院") || issuer.ends_with("政府"))) {
    issuer += "政府";
  }
  return issuer;
}

std::string_view StripTitlePrefix(std::string_view line) {
  line = text::TrimLineBlanks(line);
  for (std::string_view prefix : kTitlePrefixes) {
    if (line.starts_with(prefix)) return text::TrimLineBlanks(line.substr(prefix.size()));
  }
  return line;
}

}  // namespace

Heading ReadHeading(std::string_view text, const std::optional<std::string>& given_title,
                    const std::vector<SiteTitle>& site_titles) {
  Heading h;
  const std::string_view head = text.substr(0, std::min(text.size(), kHeadScanBytes));

  // Title candidates: short lines with a report word, before the first body line.
  std::string_view best;
  size_t best_at = 0;
  size_t body_begin = std::string_view::npos;
  size_t line_begin = 0;
  while (line_begin < head.size()) {
    size_t line_end = head.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = head.size();
    std::string_view line = text::TrimLineBlanks(head.substr(line_begin, line_end - line_begin));
    if (!line.empty()) {
      if (Contains(line, "。") || line.size() > kMaxTitleBytes) {
        body_begin = static_cast<size_t>(line.data() - text.data());
        break;
      }
      line = StripTitlePrefix(line);
      bool candidate = false;
      for (std::string_view w : kTitleWords) candidate = candidate || Contains(line, w);
      // The most complete form wins: "社会事业局2023年上半年工作总结" over "上半年工作总结".
      if (candidate && line.size() > best.size()) {
        best = line;
        best_at = static_cast<size_t>(line.data() - text.data());
      }
    }
    line_begin = line_end + 1;
  }

  // A site's copy of the title that holds the document's own line and more.
  std::string_view site_best;
  Span site_span;
  for (const SiteTitle& s : site_titles) {
    std::string_view line = StripTitlePrefix(s.line);
    bool candidate = false;
    for (std::string_view w : kTitleWords) candidate = candidate || Contains(line, w);
    if (!candidate || Contains(line, "。") || line.size() > kMaxTitleBytes || line.size() <= site_best.size() ||
        line.size() <= best.size() || (!best.empty() && !text::IsCharSubsequence(best, line))) {
      continue;
    }
    site_best = line;
    size_t offset = static_cast<size_t>(line.data() - s.line.data());
    site_span = Span{s.original.begin + offset, s.original.begin + offset + line.size()};
  }

  if (given_title && !text::TrimLineBlanks(*given_title).empty()) {
    h.title = std::string(text::TrimLineBlanks(*given_title));
    size_t at = head.find(*h.title);
    if (at != std::string_view::npos) h.title_span = Span{at, at + h.title->size()};
  } else if (!site_best.empty()) {
    h.title = std::string(site_best);
    h.title_original_span = site_span;
    if (!best.empty()) h.title_span = Span{best_at, best_at + best.size()};  // the period is read there
  } else if (!best.empty()) {
    h.title = std::string(best);
    h.title_span = Span{best_at, best_at + best.size()};
  }

  if (h.title) {
    h.kind = KindOf(*h.title);
    h.issuer = IssuerFromTitle(*h.title);
    if (h.title_span) {
      ReadPeriod(text.substr(h.title_span->begin, h.title_span->size()), h.title_span->begin, false, &h);
    } else {
      ReadPeriod(*h.title, 0, false, &h);
      h.period.span.reset();  // not in the text
      h.year_span.reset();
    }
  }

  // The first paragraph: "2023年上半年，…" or "现在，我代表国务院，向大会报告政府工作".
  if (body_begin != std::string_view::npos) {
    size_t para_end = text.find('\n', body_begin);
    if (para_end == std::string_view::npos) para_end = text.size();
    std::string_view para = text.substr(body_begin, std::min<size_t>(para_end - body_begin, 600));
    // Stop at a character boundary.
    while (!para.empty() && text::IsContinuationByte(para.back()) && para.size() < para_end - body_begin) {
      para.remove_suffix(1);
    }
    if (!para.empty() && static_cast<unsigned char>(para.back()) >= 0xC0) para.remove_suffix(1);
    if (!h.period.year) {
      // Only the opening sentence speaks for the whole document.
      size_t sentence_end = std::min(para.find("，"), para.find(","));
      std::string_view opening =
          para.substr(0, sentence_end == std::string_view::npos ? para.size() : sentence_end);
      Heading probe;
      if (ReadPeriod(opening, body_begin, true, &probe)) {
        if (h.period.part != PeriodPart::kUnknown && h.period.part != PeriodPart::kYear) {
          probe.period.part = h.period.part;
          probe.period.first_month = h.period.first_month;
          probe.period.last_month = h.period.last_month;
        }
        h.period = probe.period;
        h.year_span = probe.year_span;
      }
    }
    if (!h.issuer) h.issuer = RepresentedIssuer(para);
    if (h.kind == ReportKind::kOther && Contains(para, "报告政府工作")) h.kind = ReportKind::kReport;
  }
  return h;
}

}  // namespace wenshu::report_internal
