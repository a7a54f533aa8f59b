// Internal passes of report assembly. All of them work on the REPAIRED text and return spans in it;
// Parse() maps them to the original at the end.
#ifndef WENSHU_SRC_REPORT_INTERNAL_H_
#define WENSHU_SRC_REPORT_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/cancel.h"
#include "wenshu/quantity.h"
#include "wenshu/report.h"

namespace wenshu::report_internal {

// The consistency checks' ids (ReportCheck::rule, documented in wenshu/report.h): a check holds a view
// of one of these, and ReportFromJson maps the ids it reads onto them.
inline constexpr std::string_view kCheckSumParts = "sum.parts";
inline constexpr std::string_view kCheckChangeExceedsTotal = "change.exceeds_total";
inline constexpr std::string_view kCheckRateOver100 = "rate.over_100";
inline constexpr std::string_view kCheckRateRatio = "rate.ratio";
inline constexpr std::string_view kCheckSectionsNumbering = "sections.numbering";
inline constexpr std::string_view kCheckPeriodYear = "period.year";
inline constexpr std::string_view kCheckRules[] = {kCheckSumParts,    kCheckChangeExceedsTotal,
                                                   kCheckRateOver100, kCheckRateRatio,
                                                   kCheckSectionsNumbering, kCheckPeriodYear};

// A section in document order, before it is nested into the tree.
struct FlatSection {
  Section section;  // children empty; spans in the repaired text
  int parent = -1;  // index into the flat list
  SectionPath path;
};

struct SectionOutline {
  std::vector<FlatSection> flat;  // document order
  // Numbering checks ("sections.numbering"), spans in the repaired text.
  std::vector<ReportCheck> checks;

  // The innermost section containing `offset`; empty path when none.
  SectionPath PathAt(size_t offset) const;
  // The nested tree (spans still in the repaired text).
  // `cancel` (may be null) is polled per section: when it says stop, the tree is empty (10 MiB of marker
  // lines, 500k sections: 0.29 s unpolled, bench/cancel_latency).
  std::vector<Section> Tree(text_internal::CancelPoll* cancel = nullptr) const;
};

// One linear pass over lines: markers at line starts, 一是/二是 lists inside paragraphs. `cancel` (may be
// null) is polled per line and per section: when it says stop, the outline is empty.
SectionOutline ParseSections(std::string_view text, text_internal::CancelPoll* cancel = nullptr);

// Title, issuer, kind, period, from the first lines of the repaired text (and the caller's title).
struct Heading {
  std::optional<std::string> title;
  std::optional<Span> title_span;           // repaired text
  std::optional<Span> title_original_span;  // the original, when the title is a site's copy (below)
  std::optional<std::string> issuer;
  ReportKind kind = ReportKind::kOther;
  ReportPeriod period;  // span in the repaired text
  // Where the year digits of the period were read (repaired text), to test them against masks.
  std::optional<Span> year_span;
};
// A title line a site's header carried and the repair removed: sites copy the title, often more
// completely than the document's own line ("社会事业局2023年上半年工作总结" over "2023年上半年工作总结").
struct SiteTitle {
  std::string_view line;  // as removed, without its line break
  Span original;          // where it was in the original
};
Heading ReadHeading(std::string_view text, const std::optional<std::string>& given_title,
                    const std::vector<SiteTitle>& site_titles = {});

// The consistency checks over facts; spans in the repaired text. `facts` are the quantity stage's.
std::vector<ReportCheck> RunFactChecks(std::string_view text, const Facts& facts,
                                       const SectionOutline& outline, text_internal::CancelPoll* cancel = nullptr);

// "period.year": the period's year against the years the text names (a 2015 report relabelled 2023
// names no year near 2023). Spans in the original, like `period` and `dates`; none when the text names
// too few years or the period's year is masked.
std::optional<ReportCheck> CheckPeriodYear(const ReportPeriod& period, const std::vector<DateFact>& dates);

// The year's targets from the main expected targets statement; spans in the repaired text. `cancel`
// (may be null) is polled per trigger: when it says stop, the result is empty.
std::vector<Target> ReadTargets(std::string_view text, const Facts& facts, const SectionOutline& outline,
                                std::optional<int> year, text_internal::CancelPoll* cancel = nullptr);

// Numeric targets elsewhere in the plan (tier "plan"): each change or quantity whose role is "target"
// and whose subject has a canonical id other than "other", outside the main statement's clauses (the
// `targets` read by ReadTargets, spans in the repaired text), by the facts' `role`s (set before).
// The targets end up in text order.
void AddPlanTargets(std::string_view text, const Facts& facts, const SectionOutline& outline,
                    std::optional<int> year, std::vector<Target>* targets);

// The role of a top-level section from its heading: "review", "plan", "problems" or "other".
std::string_view SectionRole(std::string_view heading);

// The canonical indicator id (docs/schema.md, targets) of an indicator phrase or a fact's subject:
// "gdp_growth", "cpi", ... or "other".
std::string_view CanonicalId(std::string_view indicator);
// The vocabulary's own string for a canonical id ("gdp_growth", "other"), or "" when it is not one.
std::string_view FindCanonicalId(std::string_view id);

// The role of one fact at `fact` (repaired text): "actual", "target" or "other" (roles.cc). dates are
// the quantity stage's, in text order; qualifiers the fact's own (左右, 以上 ...).
std::string_view FactRole(std::string_view text, Span fact, std::string_view section_role,
                          std::optional<int> report_year, const std::vector<DateFact>& dates,
                          const std::vector<std::string>& qualifiers);

}  // namespace wenshu::report_internal

#endif  // WENSHU_SRC_REPORT_INTERNAL_H_
