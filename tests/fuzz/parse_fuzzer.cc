// Parse never crashes on any bytes, its JSON is valid and reads back to the same bytes, every span
// lies inside the input, and the repair log in the report is exact.
//
// Inputs are capped at 16 KiB: this target looks for crashes and broken invariants; how the time grows
// with size is measured by bench/scaling_bench.cc and guarded by tests/reliability.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "wenshu/report.h"

namespace {

constexpr size_t kMaxInput = 16 * 1024;

void CheckSections(const wenshu::Report& report, const std::vector<wenshu::Section>& sections,
                   wenshu::SectionPath& path, size_t input_size, int depth) {
  for (size_t i = 0; i < sections.size(); ++i) {
    const wenshu::Section& s = sections[i];
    path.push_back(static_cast<int>(i));
    FUZZ_CHECK(s.level == depth);
    FUZZ_CHECK(s.span.begin <= s.span.end && s.span.end <= input_size);
    FUZZ_CHECK(s.heading_span.begin <= s.heading_span.end && s.heading_span.end <= input_size);
    FUZZ_CHECK(wenshu::FindSection(report, path) == &s);
    (void)wenshu::SectionLabel(report, path);
    FUZZ_CHECK(!wenshu::MarkerFamilyName(s.family).empty());
    CheckSections(report, s.children, path, input_size, depth + 1);
    path.pop_back();
  }
}

bool SpanInside(wenshu::Span s, size_t size) { return s.begin <= s.end && s.end <= size; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) size = kMaxInput;
  std::string_view input(reinterpret_cast<const char*>(data), size);

  wenshu::ParseOptions options;
  options.source.name = "fuzz";
  auto report = wenshu::Parse(input, options);
  FUZZ_CHECK(report.ok());  // fails only over max_bytes or on an internal error
  FUZZ_CHECK(report->source.bytes == size);

  // The repair log inside the report is exact.
  auto applied = wenshu::ApplyRepairs(input, report->repairs);
  FUZZ_CHECK(applied.ok());
  FUZZ_CHECK(*applied == report->text);
  auto reverted = wenshu::RevertRepairs(report->text, report->repairs);
  FUZZ_CHECK(reverted.ok());
  FUZZ_CHECK(*reverted == input);
  for (const auto& f : report->flags) {
    FUZZ_CHECK(SpanInside(f.span, size));
    FUZZ_CHECK(input.substr(f.span.begin, f.span.size()) == f.text);
  }

  // Every span is a range of the original input.
  if (report->title_span) FUZZ_CHECK(SpanInside(*report->title_span, size));
  if (report->period.span) FUZZ_CHECK(SpanInside(*report->period.span, size));
  wenshu::SectionPath path;
  CheckSections(*report, report->sections, path, size, 1);
  for (const auto& q : report->quantities) {
    FUZZ_CHECK(SpanInside(q.span, size));
    if (q.part_of != -1) FUZZ_CHECK(q.part_of >= 0 && static_cast<size_t>(q.part_of) < report->quantities.size());
    FUZZ_CHECK(q.section.empty() || wenshu::FindSection(*report, q.section) != nullptr);
  }
  for (const auto& c : report->changes) {
    FUZZ_CHECK(SpanInside(c.span, size));
    if (c.quantity != -1) FUZZ_CHECK(c.quantity >= 0 && static_cast<size_t>(c.quantity) < report->quantities.size());
    FUZZ_CHECK(c.section.empty() || wenshu::FindSection(*report, c.section) != nullptr);
  }
  for (const auto& d : report->dates) FUZZ_CHECK(SpanInside(d.span, size));
  for (const auto& c : report->checks) {
    FUZZ_CHECK(!c.rule.empty());
    for (const auto& s : c.spans) FUZZ_CHECK(SpanInside(s, size));
  }

  // JSON: valid, deterministic, and it reads back to the same bytes (both styles).
  for (wenshu::JsonStyle style : {wenshu::JsonStyle::kCompact, wenshu::JsonStyle::kPretty}) {
    const std::string json = wenshu::ToJson(*report, style);
    FUZZ_CHECK(nlohmann::json::accept(json));
    FUZZ_CHECK(json == wenshu::ToJson(*report, style));
    auto back = wenshu::ReportFromJson(json);
    if (!back.ok()) {
      std::fprintf(stderr, "ReportFromJson: %s\n", std::string(back.status().message()).c_str());
    }
    FUZZ_CHECK(back.ok());
    FUZZ_CHECK(wenshu::ToJson(*back, style) == json);
  }

  // CSV: one row per quantity and change, never a crash.
  const std::string csv = wenshu::FactsCsvRows(*report);
  (void)wenshu::FactsCsvHeader();
  (void)csv;
  return 0;
}
