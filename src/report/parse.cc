// Parse(): repair, then read heading, sections and facts from the repaired text, check them, and map
// every span back to the original input.
#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "repair/rule_ids.h"
#include "report/internal.h"
#include "wenshu/quantity.h"
#include "wenshu/report.h"

namespace wenshu {
namespace {

using report_internal::SectionOutline;

void MapSection(Section& s, const OffsetMap& map) {
  s.span = map.ToOriginal(s.span);
  s.heading_span = map.ToOriginal(s.heading_span);
  for (Section& c : s.children) MapSection(c, map);
}

DateValue ToDateValue(const DatePoint& p) {
  DateValue v;
  v.year = p.year;
  v.month = p.month;
  v.day = p.day;
  v.relative_year = p.relative_year;
  v.year_masked = p.year_masked;
  return v;
}

// The flags that say a year was masked: number.masked_year, and mask.placeholder (20xx年).
bool IsMaskedYearFlag(const RepairFlag& f) {
  return f.rule == repair_rule::kNumberMaskedYear || f.rule == repair_rule::kMaskPlaceholder;
}

}  // namespace

absl::StatusOr<Report> Parse(std::string_view input, const ParseOptions& options) {
  if (input.size() > options.max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the document has ", input.size(), " bytes, over the limit of ", options.max_bytes));
  }
  // One hook for every stage: the caller's, or the repair options' own.
  const std::function<bool()>& cancel_hook = options.cancelled ? options.cancelled : options.repair.cancelled;
  const auto cancelled = [&] { return cancel_hook && cancel_hook(); };
  const auto cancelled_error = [] { return absl::CancelledError("parse was cancelled"); };
  absl::StatusOr<RepairResult> repaired;
  if (options.cancelled && !options.repair.cancelled) {
    RepairOptions repair_options = options.repair;
    repair_options.cancelled = options.cancelled;
    repaired = Repair(input, repair_options);
  } else {
    repaired = Repair(input, options.repair);
  }
  if (!repaired.ok()) return repaired.status();

  Report report;
  report.source = options.source;
  report.source.bytes = input.size();
  report.text = std::move(repaired->text);
  report.repairs = std::move(repaired->records);
  report.flags = std::move(repaired->flags);
  report.diagnosis = std::move(repaired->diagnosis);
  const std::string_view text = report.text;
  const OffsetMap map(report.repairs);

  // Heading --------------------------------------------------------------------------------------------
  std::vector<report_internal::SiteTitle> site_titles;
  for (const RepairRecord& r : report.repairs) {
    std::string_view line = r.before;
    if (r.rule != repair_rule::kBoilerplateSiteHeader || !r.after.empty()) continue;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (line.empty() || line.find('\n') != std::string_view::npos) continue;
    site_titles.push_back({line, {r.span.begin, r.span.begin + line.size()}});
  }
  report_internal::Heading heading = report_internal::ReadHeading(text, options.title, site_titles);
  report.title = std::move(heading.title);
  if (heading.title_original_span) {
    report.title_span = heading.title_original_span;
  } else if (heading.title_span) {
    report.title_span = map.ToOriginal(*heading.title_span);
  }
  report.issuer = std::move(heading.issuer);
  report.kind = heading.kind;
  report.period = heading.period;
  if (report.period.span) report.period.span = map.ToOriginal(*report.period.span);
  if (report.period.year && heading.year_span) {
    // The year is the site's mask string, or a flagged masked year: the real year is lost.
    const Span year = map.ToOriginal(*heading.year_span);
    const std::string digits = std::to_string(*report.period.year);
    bool masked = report.diagnosis.masked_numbers &&
                  std::find(report.diagnosis.mask_strings.begin(), report.diagnosis.mask_strings.end(),
                            digits) != report.diagnosis.mask_strings.end();
    for (const RepairFlag& f : report.flags) {
      if (IsMaskedYearFlag(f) && f.span.Overlaps(year)) masked = true;
    }
    report.period.year_masked = masked;
  }

  // Sections ----------------------------------------------------------------------------------------
  if (cancelled()) return cancelled_error();
  SectionOutline outline = report_internal::ParseSections(text);
  report.sections = outline.Tree();
  for (Section& s : report.sections) s.role = std::string(report_internal::SectionRole(s.heading));
  for (Section& s : report.sections) MapSection(s, map);

  // Facts -------------------------------------------------------------------------------------------
  if (cancelled()) return cancelled_error();
  FactOptions fact_options;
  fact_options.cancelled = cancel_hook;
  for (const RepairFlag& f : report.flags) {
    if (IsMaskedYearFlag(f)) {
      fact_options.masked_year_spans.push_back({map.ToRepaired(f.span.begin), map.ToRepaired(f.span.end)});
    }
  }
  Facts facts = ExtractFacts(text, fact_options);
  if (facts.cancelled) return cancelled_error();
  auto original_of = [&](Span repaired_span, const std::string& fact_text, bool* touched) {
    Span s = map.ToOriginal(repaired_span);
    *touched = input.substr(s.begin, s.size()) != fact_text;
    return s;
  };

  // Targets and the fact checks read the facts as the quantity stage gave them; then each kind of fact
  // is moved into the report and its vector freed before the next, so a document dense with figures
  // never holds two copies of its facts (bench/memory_bench).
  report.targets = report_internal::ReadTargets(text, facts, outline, report.period.year);

  // A top-level section whose heading names no role but which holds the year's main targets statement
  // is the plan (福建's 一鼓作气勇争先，全力推动“十五五”开好局、起好步).
  for (const Target& t : report.targets) {
    if (t.tier == "main" && !t.section.empty() && t.section[0] < static_cast<int>(report.sections.size()) &&
        report.sections[t.section[0]].role == "other") {
      report.sections[t.section[0]].role = "plan";
    }
  }

  // Fact roles: a fact inside a main target's clause is a target; any other from its sentence and its
  // section. Read while the target spans and the facts are still in the repaired text.
  auto role_of = [&](Span repaired_span, const std::vector<std::string>& qualifiers) -> std::string {
    for (const Target& t : report.targets) {
      if (t.span.begin <= repaired_span.begin && repaired_span.end <= t.span.end) return "target";
    }
    const SectionPath section = outline.PathAt(repaired_span.begin);
    const std::string_view section_role =
        section.empty() || section[0] >= static_cast<int>(report.sections.size())
            ? std::string_view("other")
            : std::string_view(report.sections[section[0]].role);
    return std::string(report_internal::FactRole(text, repaired_span, section_role, report.period.year,
                                                 facts.dates, qualifiers));
  };
  std::vector<std::string> quantity_roles, change_roles, date_roles;
  quantity_roles.reserve(facts.quantities.size());
  for (const Quantity& q : facts.quantities) quantity_roles.push_back(role_of(q.span, q.qualifiers));
  change_roles.reserve(facts.changes.size());
  for (const Change& c : facts.changes) change_roles.push_back(role_of(c.span, c.qualifiers));
  date_roles.reserve(facts.dates.size());
  for (const DateFact& d : facts.dates) date_roles.push_back(role_of(d.span, {}));
  // The plan's other numeric targets (tier "plan"), from the facts and their roles.
  {
    const std::vector<std::string_view> quantity_role_views(quantity_roles.begin(), quantity_roles.end());
    const std::vector<std::string_view> change_role_views(change_roles.begin(), change_roles.end());
    report_internal::AddPlanTargets(text, facts, quantity_role_views, change_role_views, outline,
                                    report.period.year, &report.targets);
  }

  std::vector<ReportCheck> fact_checks;
  if (cancelled()) return cancelled_error();
  if (options.run_checks) fact_checks = report_internal::RunFactChecks(text, facts, outline);

  report.quantities.reserve(facts.quantities.size());
  for (size_t i = 0; i < facts.quantities.size(); ++i) {
    Quantity& q = facts.quantities[i];
    ReportQuantity out;
    out.span = original_of(q.span, q.text, &out.repaired);
    out.text = std::move(q.text);
    out.value = q.value;
    out.upper = q.upper;
    if (!q.unit.empty()) out.unit = std::move(q.unit);
    out.kind = q.kind;
    out.role = std::move(quantity_roles[i]);
    if (!q.subject.empty()) {
      out.canonical = std::string(report_internal::CanonicalId(q.subject));
      out.subject = std::move(q.subject);
    }
    out.approx = q.approx;
    out.qualifiers = std::move(q.qualifiers);
    out.section = outline.PathAt(q.span.begin);
    if (q.part_of >= 0) out.part_of = q.part_of;
    report.quantities.push_back(std::move(out));
  }
  std::vector<Quantity>().swap(facts.quantities);
  report.changes.reserve(facts.changes.size());
  for (size_t i = 0; i < facts.changes.size(); ++i) {
    Change& c = facts.changes[i];
    ReportChange out;
    out.span = original_of(c.span, c.text, &out.repaired);
    out.text = std::move(c.text);
    out.direction = c.direction;
    out.value = c.value;
    if (!c.unit.empty()) out.unit = std::move(c.unit);
    out.kind = c.kind;
    out.baseline = std::move(c.baseline);
    out.upper = c.upper;
    out.qualifiers = std::move(c.qualifiers);
    out.shared_qualifier = c.shared_qualifier;
    out.role = std::move(change_roles[i]);
    if (!c.subject.empty()) {
      out.canonical = std::string(report_internal::CanonicalId(c.subject));
      out.subject = std::move(c.subject);
    }
    if (c.quantity >= 0) out.total = c.quantity;
    out.section = outline.PathAt(c.span.begin);
    report.changes.push_back(std::move(out));
  }
  std::vector<Change>().swap(facts.changes);
  report.dates.reserve(facts.dates.size());
  for (size_t i = 0; i < facts.dates.size(); ++i) {
    DateFact& d = facts.dates[i];
    ReportDate out;
    out.role = std::move(date_roles[i]);
    out.span = original_of(d.span, d.text, &out.repaired);
    out.text = std::move(d.text);
    out.start.year = d.year;
    out.start.month = d.month;
    out.start.day = d.day;
    out.start.relative_year = d.relative_year;
    out.start.year_masked = d.year_masked;
    if (d.end) out.end = ToDateValue(*d.end);
    out.part = std::move(d.part);
    out.section = outline.PathAt(d.span.begin);
    report.dates.push_back(std::move(out));
  }
  std::vector<DateFact>().swap(facts.dates);
  for (Target& t : report.targets) {
    t.span = original_of(t.span, t.text, &t.repaired);
  }

  // Checks ------------------------------------------------------------------------------------------
  if (options.run_checks) {
    report.checks = std::move(outline.checks);
    report.checks.insert(report.checks.end(), std::make_move_iterator(fact_checks.begin()),
                         std::make_move_iterator(fact_checks.end()));
    for (ReportCheck& c : report.checks) {
      for (Span& s : c.spans) s = map.ToOriginal(s);
    }
    if (auto c = report_internal::CheckPeriodYear(report.period, report.dates)) report.checks.push_back(*c);
    std::stable_sort(report.checks.begin(), report.checks.end(),
                     [](const ReportCheck& a, const ReportCheck& b) {
                       const size_t ab = a.spans.empty() ? 0 : a.spans.front().begin;
                       const size_t bb = b.spans.empty() ? 0 : b.spans.front().begin;
                       return ab < bb;
                     });
  }
  return report;
}

const Section* FindSection(const Report& report, const SectionPath& path) {
  const std::vector<Section>* level = &report.sections;
  const Section* found = nullptr;
  for (int i : path) {
    if (i < 0 || static_cast<size_t>(i) >= level->size()) return nullptr;
    found = &(*level)[i];
    level = &found->children;
  }
  return found;
}

std::string SectionLabel(const Report& report, const SectionPath& path) {
  std::string label;
  const std::vector<Section>* level = &report.sections;
  for (int i : path) {
    if (i < 0 || static_cast<size_t>(i) >= level->size()) break;
    const Section& s = (*level)[i];
    if (!label.empty()) label.push_back('/');
    label += s.marker;
    level = &s.children;
  }
  return label;
}

}  // namespace wenshu
