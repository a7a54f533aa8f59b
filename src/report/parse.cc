// Parse(): repair, then read heading, sections and facts from the repaired text, check them, and map
// every span back to the original input.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "repair/rule_ids.h"
#include "report/internal.h"
#include "text/cancel.h"
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

// The flags that say a year was masked: number.masked_year, and mask.placeholder (20xx年).
bool IsMaskedYearFlag(const RepairFlag& f) {
  return f.rule == repair_rule::kNumberMaskedYear || f.rule == repair_rule::kMaskPlaceholder;
}

// Sorts `items` by `less` (a strict total order over their indexes, read before anything moves) in
// place: an index per item is sorted, then each cycle of the permutation is followed with one item
// held aside, so no second array of items is ever allocated.
template <typename T, typename Less>
void SortInPlace(std::vector<T>& items, Less less) {
  std::vector<uint32_t> from(items.size());  // from[p]: the index of the item that belongs at p
  for (size_t i = 0; i < from.size(); ++i) from[i] = static_cast<uint32_t>(i);
  std::sort(from.begin(), from.end(), less);
  for (size_t start = 0; start < from.size(); ++start) {
    if (from[start] == start) continue;
    T held = std::move(items[start]);
    size_t p = start;
    while (from[p] != start) {
      const size_t source = from[p];
      items[p] = std::move(items[source]);
      from[p] = static_cast<uint32_t>(p);
      p = source;
    }
    items[p] = std::move(held);
    from[p] = static_cast<uint32_t>(p);
  }
}

// Whether `heading` names a year (four ASCII digits before 年) of `from` or later.
bool NamesYearFrom(std::string_view heading, int from) {
  for (size_t at = heading.find("年"); at != std::string_view::npos; at = heading.find("年", at + 1)) {
    if (at < 4) continue;
    int year = 0;
    for (size_t i = at - 4; i < at && year >= 0; ++i) {
      year = heading[i] >= '0' && heading[i] <= '9' ? year * 10 + (heading[i] - '0') : -1;
    }
    if (year >= from && (at == 4 || heading[at - 5] < '0' || heading[at - 5] > '9')) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<Report> Parse(std::string_view input, const ParseOptions& options) {
  if (input.size() > options.max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the document has ", input.size(), " bytes, over the limit of ", options.max_bytes));
  }
  // Whatever max_bytes says: a fact's span holds 32-bit offsets (wenshu/span.h).
  if (input.size() > kMaxCompactOffset) {
    return absl::ResourceExhaustedError(absl::StrCat("the document has ", input.size(),
                                                     " bytes, over the largest a report can hold (",
                                                     kMaxCompactOffset, ")"));
  }
  // One hook for every stage: the caller's, or the repair options' own.
  const std::function<bool()>& cancel_hook = options.cancelled ? options.cancelled : options.repair.cancelled;
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
  // No malloc_trim() after the repair stage, though it gave back ~1.2x of a repair-dense document's size:
  // a library does not own the heap. Under ASan or a host's own allocator glibc's arenas are not the heap,
  // and the call crashed in a worker thread (SEGV in mtrim; cli_targets under ASan, 2026-12-03).

  Report report;
  report.source = options.source;
  report.source.bytes = input.size();
  report.text = std::move(repaired->text);
  report.repairs = std::move(repaired->records);
  report.flags = std::move(repaired->flags);
  report.diagnosis = std::move(repaired->diagnosis);
  const std::string_view text = report.text;
  // Every stage from here polls between its passes and per record or fact inside them: a document of a
  // repair every few bytes (10 MiB of "1、") spent ~1 s in them unpolled (bench/cancel_latency).
  text_internal::CancelPoll poll(cancel_hook);
  if (poll.Now()) return cancelled_error();
  const OffsetMap map(report.repairs);
  if (poll.Now()) return cancelled_error();

  // Heading --------------------------------------------------------------------------------------------
  std::vector<report_internal::SiteTitle> site_titles;
  for (const RepairRecord& r : report.repairs) {
    if (poll.At(r.span.begin)) return cancelled_error();
    std::string_view line = r.before;
    if (r.rule != repair_rule::kBoilerplateSiteHeader || !r.after.empty()) continue;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (line.empty() || line.find('\n') != std::string_view::npos) continue;
    site_titles.push_back({line, {r.span.begin, r.span.begin + line.size()}});
  }
  if (poll.Now()) return cancelled_error();
  report_internal::Heading heading = report_internal::ReadHeading(text, options.title, site_titles);
  if (poll.Now()) return cancelled_error();
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
      if (poll.At(f.span.begin)) return cancelled_error();
      if (IsMaskedYearFlag(f) && f.span.Overlaps(year)) masked = true;
    }
    report.period.year_masked = masked;
  }

  // Sections ----------------------------------------------------------------------------------------
  if (poll.Now()) return cancelled_error();
  SectionOutline outline = report_internal::ParseSections(text, &poll);
  if (poll.Now()) return cancelled_error();
  report.sections = outline.Tree(&poll);
  if (poll.cancelled()) return cancelled_error();
  for (Section& s : report.sections) {
    if (poll.At(s.span.begin)) return cancelled_error();
    s.role = std::string(report_internal::SectionRole(s.heading));
    // An annex's heading rarely names a role; one naming the report's year or a later one (2026年自治区民生实事,
    // 2026年省十件民生实事: 2 of the 4 annexes of the provincial 2026 reports; the others are glossaries)
    // lists that year's tasks, as the plan chapter does.
    if (s.family == MarkerFamily::kAttachment && s.role == "other" && report.period.year &&
        NamesYearFrom(s.heading, *report.period.year)) {
      s.role = "plan";
    }
  }
  for (Section& s : report.sections) {
    if (poll.At(s.span.begin)) return cancelled_error();
    MapSection(s, map);
  }

  // Facts -------------------------------------------------------------------------------------------
  if (poll.Now()) return cancelled_error();
  FactOptions fact_options;
  fact_options.cancelled = cancel_hook;
  for (const RepairFlag& f : report.flags) {
    if (poll.At(f.span.begin)) return cancelled_error();
    if (IsMaskedYearFlag(f)) {
      fact_options.masked_year_spans.push_back({map.ToRepaired(f.span.begin), map.ToRepaired(f.span.end)});
    }
  }
  Facts facts = ExtractFacts(text, fact_options);
  if (facts.cancelled) return cancelled_error();
  // The stages after the facts poll between them and per fact inside their loops: unpolled, they took
  // 0.24 s a MiB of a run-on sentence of figures (bench/cancel_latency, comma_run), 2.4 s on 10 MiB.

  // Targets and the fact checks read the facts in the repaired text; then each fact gets its report
  // fields and original spans in place and its vector moves into the report, so a document dense with
  // figures never holds two copies of its facts (bench/memory_bench).
  report.targets = report_internal::ReadTargets(text, facts, outline, report.period.year, &poll);
  if (poll.Now()) return cancelled_error();

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
  auto role_of = [&](Span repaired_span, const std::vector<std::string>& qualifiers) -> std::string_view {
    for (const Target& t : report.targets) {
      if (t.span.begin <= repaired_span.begin && repaired_span.end <= t.span.end) return "target";
    }
    const SectionPath section = outline.PathAt(repaired_span.begin);
    const std::string_view section_role =
        section.empty() || section[0] >= static_cast<int>(report.sections.size())
            ? std::string_view("other")
            : std::string_view(report.sections[section[0]].role);
    return report_internal::FactRole(text, repaired_span, section_role, report.period.year, facts.dates,
                                     qualifiers);
  };
  for (Quantity& q : facts.quantities) {
    if (poll.At(q.span.begin)) return cancelled_error();
    q.role = role_of(q.span, q.qualifiers);
  }
  for (Change& c : facts.changes) {
    if (poll.At(c.span.begin)) return cancelled_error();
    c.role = role_of(c.span, c.qualifiers);
  }
  for (DateFact& d : facts.dates) {
    if (poll.At(d.span.begin)) return cancelled_error();
    d.role = role_of(d.span, {});
  }
  // The plan's other numeric targets (tier "plan"), from the facts and their roles.
  if (poll.Now()) return cancelled_error();
  report_internal::AddPlanTargets(text, facts, outline, report.period.year, &report.targets);

  std::vector<ReportCheck> fact_checks;
  if (poll.Now()) return cancelled_error();
  if (options.run_checks) fact_checks = report_internal::RunFactChecks(text, facts, outline, &poll);
  if (poll.Now()) return cancelled_error();

  // The report's fields and original spans, in place. A fact whose original bytes differ from its text
  // was touched by a repair.
  const auto to_original = [&](auto& span, std::string_view fact_text, bool* repaired) {
    span = map.ToOriginal(span);
    *repaired = input.substr(span.begin, span.size()) != fact_text;
  };
  for (Quantity& q : facts.quantities) {
    if (poll.At(q.span.begin)) return cancelled_error();
    q.section = outline.PathAt(q.span.begin);
    to_original(q.span, q.text, &q.repaired);
    if (!q.subject.empty()) q.canonical = report_internal::CanonicalId(q.subject);
    if (!q.subject_span.empty()) q.subject_span = map.ToOriginal(q.subject_span);
  }
  for (Change& c : facts.changes) {
    if (poll.At(c.span.begin)) return cancelled_error();
    c.section = outline.PathAt(c.span.begin);
    to_original(c.span, c.text, &c.repaired);
    if (!c.subject.empty()) c.canonical = report_internal::CanonicalId(c.subject);
  }
  for (DateFact& d : facts.dates) {
    if (poll.At(d.span.begin)) return cancelled_error();
    d.section = outline.PathAt(d.span.begin);
    to_original(d.span, d.text, &d.repaired);
  }
  report.quantities = std::move(facts.quantities);
  report.changes = std::move(facts.changes);
  report.dates = std::move(facts.dates);
  for (Target& t : report.targets) to_original(t.span, t.text, &t.repaired);

  // Checks ------------------------------------------------------------------------------------------
  if (options.run_checks) {
    // In the fact checks' own vector (all but a few of the checks), sorted in place: moving them into
    // another vector and std::stable_sort's buffer each held a second copy of the checks at the peak
    // of Parse on a document dense with figures (bench/memory_bench, many_figures).
    std::vector<ReportCheck>& checks = fact_checks;
    const size_t fact_count = checks.size(), numbering_count = outline.checks.size();
    for (ReportCheck& c : outline.checks) checks.push_back(std::move(c));
    for (ReportCheck& c : checks) {
      if (!c.spans.empty() && poll.At(c.spans.front().begin)) return cancelled_error();
      for (Span& s : c.spans) s = map.ToOriginal(s);
    }
    if (auto c = report_internal::CheckPeriodYear(report.period, report.dates)) {
      checks.push_back(*std::move(c));
    }
    // By first span, ties in the order the checks are made: numbering, facts, the period's year.
    const auto made = [&](size_t i) {
      return i < fact_count ? numbering_count + i : i < fact_count + numbering_count ? i - fact_count : i;
    };
    SortInPlace(checks, [&](size_t a, size_t b) {
      const size_t ab = checks[a].spans.empty() ? 0 : checks[a].spans.front().begin;
      const size_t bb = checks[b].spans.empty() ? 0 : checks[b].spans.front().begin;
      return ab != bb ? ab < bb : made(a) < made(b);
    });
    report.checks = std::move(checks);
  }
  return report;
}

void Report::RebaseFactViews(std::string_view old_text) noexcept {
  if (old_text.data() == text.data()) return;  // a long text moves with its buffer
  // Pointers into different objects are ordered by std::less, not by <.
  const std::less<const char*> less;
  const char* old_end = old_text.data() + old_text.size();
  const auto rebase = [&](std::string_view& view) {
    if (view.empty() || less(view.data(), old_text.data()) || less(old_end, view.data() + view.size())) return;
    view = std::string_view(text).substr(static_cast<size_t>(view.data() - old_text.data()), view.size());
  };
  for (Quantity& q : quantities) {
    rebase(q.text);
    rebase(q.subject);
  }
  for (Change& c : changes) {
    rebase(c.text);
    rebase(c.subject);
    rebase(c.baseline);
  }
  for (DateFact& d : dates) rebase(d.text);
}

Report& Report::operator=(const Report& other) {
  if (this != &other) {
    ReportFields::operator=(other);
    RebaseFactViews(other.text);
  }
  return *this;
}

Report& Report::operator=(Report&& other) noexcept {
  if (this != &other) {
    const std::string_view old_text = other.text;  // before a short text's bytes move
    ReportFields::operator=(std::move(other));
    RebaseFactViews(old_text);
  }
  return *this;
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
