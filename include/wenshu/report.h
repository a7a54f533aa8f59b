// The typed work report: what wenshu knows about one document after repairing it and extracting its
// structure and figures, and its JSON form (schema "wenshu.report/1", documented in docs/schema.md).
//
// Every Span in a Report is a half-open byte range into the ORIGINAL input given to Parse(), even for
// facts found in the repaired text (they are mapped back through OffsetMap). A fact whose bytes were
// touched by a repair carries repaired = true: its `text` is the repaired reading and
// input.substr(span) shows what the document actually said.
//
// Numbers are exact: every value is kept as a canonical decimal string ("770000", "70.4", "-3") and
// written to JSON as a JSON number with exactly those digits, never through a binary double.
//
// Thread safety: all functions are reentrant; Parse() may run on many threads at once.
#ifndef WENSHU_REPORT_H_
#define WENSHU_REPORT_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "wenshu/dropped.h"
#include "wenshu/quantity.h"
#include "wenshu/repair.h"
#include "wenshu/span.h"

namespace wenshu {

// Where a document came from. name is a file name or corpus path; id a corpus id; line the 1-based
// line of a JSONL or CSV corpus (0 otherwise); bytes the size of the (decoded UTF-8) text parsed.
// encoding is what the input was ("UTF-8", "GB18030", "UTF-16LE"...; wenshu/input.h decodes it), bom
// whether a byte order mark was removed, format the document's format ("text", "html", "docx"; a
// corpus record is "text"); meta the other columns of a CSV/TSV corpus row, in column order.
struct ReportSource {
  std::string name;
  std::string id;
  int64_t line = 0;
  size_t bytes = 0;
  std::string encoding = "UTF-8";
  bool bom = false;
  std::string format = "text";
  std::vector<std::pair<std::string, std::string>> meta;
  // What the input's reader left out of the text (an HTML page's scripts, styles and furniture), in
  // page order; empty for text, .docx and corpus records. Set by the caller (the command and the C ABI
  // copy InputDocument::dropped); Parse keeps it as given.
  std::vector<DroppedContent> dropped;
};

enum class ReportKind { kSummary, kPlan, kReport, kOther };

// The part of the year a report covers: H1 = 上半年, Q1 = 一季度, months = an explicit month range.
enum class PeriodPart { kUnknown, kYear, kH1, kH2, kQ1, kQ2, kQ3, kQ4, kMonths };

struct ReportPeriod {
  std::optional<int> year;
  // The year is the site's mask string (e.g. "2023" in a document whose 10s became 2023): the real year
  // is lost and `year` only repeats the mask.
  bool year_masked = false;
  PeriodPart part = PeriodPart::kUnknown;
  std::optional<int> first_month;  // for kMonths (and implied by H1/Q2...)
  std::optional<int> last_month;
  std::optional<Span> span;  // where the period was read (title or first paragraph)
};

// Marker families, in the order users know them. The level of a family is assigned by its first
// appearance in the document (like markdown heading inference), not fixed by family.
enum class MarkerFamily {
  kChineseParen,  // (一) （一）
  kChineseComma,  // 一、
  kOrdinalDi,     // 第一、 第一，
  kArabicComma,   // 1、
  kArabicDot,     // 1. 1．
  kArabicParen,   // (1) （1）
  kParenNumeral,  // ⑴ … ⒇
  kCircled,       // ① … ⑳
  kInlineShi,     // 一是 … 二是 … inside a paragraph (always one level below its paragraph)
  kHeadingLine,   // an unnumbered heading line (“十四五”时期工作回顾, 2026年重点工作): always top level
  kAttachment,    // 附件 附件1 附件二： after the body: an annex, always top level
};

struct Section {
  int level = 1;  // 1 = top
  MarkerFamily family = MarkerFamily::kArabicComma;
  std::string marker;   // as it reads in the repaired text, e.g. "(一)", "10、"
  int ordinal = 0;      // the number the marker stands for (10 for "10、", 2023 for "2023、")
  std::string heading;  // the heading text after the marker (first sentence or clause)
  Span span;            // the whole section, marker to the start of the next sibling/ancestor
  Span heading_span;    // marker through heading
  // Top-level sections: "review" (回顾, 过去一年的工作), "plan" (工作安排, 总体要求, 重点任务, 打算),
  // "problems" (问题, 不足, 困难), or "other"; empty below the top level.
  std::string role;
  std::vector<Section> children;
};

// The facts (quantities, changes, dates) are the quantity stage's records (wenshu/quantity.h: Quantity,
// Change, DateFact) with their report fields filled in: section, role, canonical, repaired, and every
// span mapped to the original. In JSON a date's start is written flat ("year", "month", "day",
// "relative_year", "year_masked"), an empty unit or subject and an index of -1 (part_of, a change's
// quantity, written "total") as null.

// One target of the year's plan (docs/schema.md, "targets"): a figure or a qualitative aim from the
// main expected targets statement (主要预期目标是：…), with what it measures.
struct Target {
  std::string indicator;   // the text's own phrase: "地区生产总值增长", "城镇调查失业率"
  std::string canonical;   // one id of the documented vocabulary: "gdp_growth", "cpi", ... or "other"
  std::optional<Decimal> value;      // null for a qualitative target (居民收入增长和经济增长同步)
  std::optional<Decimal> upper;      // the high end of a range (增长4.5%—5%)
  std::optional<std::string> unit;   // scaled like quantities: 1200万人 -> 12000000 "人"
  std::optional<std::string> qualifier;  // 左右, 以上, 以内, 以下, 不低于, 不超过, 超过, ... or null
  std::string kind;        // "growth", "level", "cap", "reduction" or "qualitative"
  std::optional<int> year;  // the year the target is for
  std::string tier;        // "main": the main expected targets statement
  std::string text;        // the clause
  Span span;
  SectionPath section;
  bool shared_qualifier = false;  // the qualifier was written once after a list (5%、6.5%左右)
  bool shared_indicator = false;  // the indicator was distributed from a 分别 list or the previous item
  bool repaired = false;
};

enum class CheckStatus { kPass, kFail };

// One consistency check: parts vs totals, a change larger than its total, a rate over 100, a stated
// ratio, section numbering. Rule ids are stable: "sum.parts", "change.exceeds_total",
// "rate.over_100", "rate.ratio", "sections.numbering", "period.year" (the period's year against the years
// the text names: a report relabelled to a later year fails).
struct ReportCheck {
  // One of the ids above: the library's own name (wenshu/static_name.h), as RepairRecord::rule.
  StaticName rule;
  CheckStatus status = CheckStatus::kPass;
  std::vector<Span> spans;  // original bytes: the total first, then the parts / the evidence
  // One sentence with the numbers; the checks of a report that say the same share one copy
  // (wenshu/shared_text.h), as repair reasons do.
  SharedText reason;
  SectionPath section;
};

// Report's fields; Report adds the copy and move that keep its facts' views valid.
struct ReportFields {
  ReportSource source;
  std::optional<std::string> title;
  std::optional<Span> title_span;  // absent when the title came from ParseOptions::title
  std::optional<std::string> issuer;
  ReportKind kind = ReportKind::kOther;
  ReportPeriod period;
  // The repaired text. The facts' `text`, `subject` and `baseline` view it (wenshu/quantity.h):
  // changing it leaves them dangling; copying or moving the Report points them at the new Report's text.
  std::string text;
  std::vector<Section> sections;
  std::vector<Quantity> quantities;  // in text order
  std::vector<Change> changes;       // in text order
  std::vector<DateFact> dates;       // in text order
  std::vector<RepairRecord> repairs;
  std::vector<RepairFlag> flags;  // found and kept: masked years, place masks, placeholders
  DamageDiagnosis diagnosis;
  std::vector<ReportCheck> checks;
  std::vector<Target> targets;  // in text order
  // Bytes the facts view that are not in `text`: what ReportFromJson read. Never changed; shared by
  // copies. Empty for a report from Parse.
  std::shared_ptr<const std::deque<std::string>> fact_strings;
};

struct Report : ReportFields {
  Report() = default;
  Report(const Report& other) : ReportFields(other) { RebaseFactViews(other.text); }
  Report(Report&& other) noexcept : Report(std::move(other), other.text) {}
  Report& operator=(const Report& other);
  Report& operator=(Report&& other) noexcept;
  ~Report() = default;

 private:
  // `old_text` is read before `other` is moved from: a short text moves by copying its bytes.
  Report(Report&& other, std::string_view old_text) noexcept : ReportFields(std::move(other)) {
    RebaseFactViews(old_text);
  }
  // Points every fact view of `old_text`'s bytes at the same bytes of `text`.
  void RebaseFactViews(std::string_view old_text) noexcept;
};

struct ParseOptions {
  ReportSource source;  // name / id / line of the document; bytes is filled in by Parse()
  // A title known from outside the text (a corpus's title field); used when the text has none.
  std::optional<std::string> title;
  RepairOptions repair;
  bool run_checks = true;
  // Inputs larger than this fail with ResourceExhausted (the CLI's --max-bytes).
  size_t max_bytes = size_t{64} << 20;
  // Cancellation: when set, Parse polls it between stages and every 64 KiB inside the long ones (repair
  // rules, facts) and returns absl::CancelledError soon after it returns true. Used for the repair stage
  // too when repair.cancelled is empty. See RepairOptions::cancelled for the contract.
  std::function<bool()> cancelled = nullptr;
};

// Repairs one document and extracts its title, period, sections, facts and checks. Fails only for an
// input over options.max_bytes (ResourceExhausted), a cancellation (Cancelled) or an internal error; damaged or invalid UTF-8 input still parses
// (invalid bytes are flagged by the repair stage and replaced by U+FFFD in JSON strings).
[[nodiscard]] absl::StatusOr<Report> Parse(std::string_view input, const ParseOptions& options = {});

enum class JsonStyle { kPretty, kCompact };

// Serializes a report as "wenshu.report/1". Deterministic: the same report gives the same bytes.
[[nodiscard]] std::string ToJson(const Report& report, JsonStyle style = JsonStyle::kPretty);

// Writes the bytes of ToJson(report, style) to `sink` in pieces of about 64 KiB, in order, without
// holding the whole text: the JSON of a report dense with figures or repairs is many times the size of
// its document (up to ~25x), so the command writes it this way. Each piece is valid only during the
// call. Returns false when the sink returned false; nothing more is written then.
using JsonSink = std::function<bool(std::string_view piece)>;
bool WriteJson(const Report& report, JsonStyle style, const JsonSink& sink);

// Reads what ToJson() wrote (either style); ToJson(ReportFromJson(ToJson(r))) == ToJson(r).
// Fails with InvalidArgument on malformed JSON, a foreign schema id, or missing required fields.
[[nodiscard]] absl::StatusOr<Report> ReportFromJson(std::string_view json);

// The facts as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
// quote, CR or LF, quotes doubled): one row per quantity and per change.
// meta_columns: source.meta keys written as extra columns after the fixed ones (a corpus's own
// columns), empty when the document has no such key.
[[nodiscard]] std::string FactsCsvHeader(const std::vector<std::string>& meta_columns = {});
[[nodiscard]] std::string FactsCsvRows(const Report& report, const std::vector<std::string>& meta_columns = {});

// Helpers for callers that print or index.
std::string_view ReportKindName(ReportKind kind);        // "summary" | "plan" | "report" | "other"
std::string_view PeriodPartName(PeriodPart part);        // "year" | "H1" | ... | "" for kUnknown
std::string_view MarkerFamilyName(MarkerFamily family);  // "chinese_paren", ...
// The section at `path`, or nullptr.
const Section* FindSection(const Report& report, const SectionPath& path);
// A readable path: "(二)/7、".
std::string SectionLabel(const Report& report, const SectionPath& path);

}  // namespace wenshu

#endif  // WENSHU_REPORT_H_
