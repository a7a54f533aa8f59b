// wenshu_parse and wenshu_report: the C view of wenshu::Parse() and ToJson().
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "internal.h"
#include "wenshu.h"
#include "wenshu/report.h"

struct wenshu_report {
  wenshu::Report report;
  // The decoded text the spans index, kept only when the input was decoded (version-2 options): the
  // caller's own bytes are not copied (a second copy of every document for every call).
  std::optional<std::string> decoded_input;
  bool pretty_json = false;
  // Built on first wenshu_report_json call; call_once keeps a shared report thread-safe.
  mutable std::once_flag json_once;
  mutable std::string json;
};

namespace {

size_t CountSections(const std::vector<wenshu::Section>& sections) {
  size_t n = sections.size();
  for (const wenshu::Section& s : sections) n += CountSections(s.children);
  return n;
}

}  // namespace

extern "C" {

wenshu_status wenshu_parse(const char *utf8, size_t len, const wenshu_options *opts,
                           wenshu_report **out) {
  static constexpr char kWhere[] = "wenshu_parse";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (out == nullptr) return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "out is NULL");
    *out = nullptr;
    if (wenshu_status s = wenshu::capi::CheckInput(utf8, len, kWhere); s != WENSHU_OK) return s;
    wenshu::capi::ResolvedOptions options;
    if (wenshu_status s = wenshu::capi::ResolveOptions(opts, kWhere, &options); s != WENSHU_OK) {
      return s;
    }
    std::string_view input(utf8 == nullptr ? "" : utf8, len);
    wenshu::InputDocument decoded;
    if (options.decode_input) {
      if (wenshu_status s = wenshu::capi::DecodeInput(input, options, kWhere, &decoded); s != WENSHU_OK) return s;
      input = decoded.text;
      len = input.size();
    }
    if (len > options.max_bytes) {
      return wenshu::capi::Fail(WENSHU_E_LIMIT, kWhere,
                                absl::StrCat("input of ", len, " bytes exceeds max_bytes (",
                                             options.max_bytes, ")"));
    }
    if (options.strict_utf8) {
      if (wenshu_status s = wenshu::capi::CheckStrictUtf8(input, 0, false, kWhere); s != WENSHU_OK) {
        return s;
      }
    }
    wenshu::ParseOptions parse_options;
    parse_options.source.name = std::move(options.source_name);
    parse_options.source.id = std::move(options.source_id);
    parse_options.source.line = options.source_line;
    if (options.has_title) {
      parse_options.title = std::move(options.title);
    } else if (decoded.title) {
      parse_options.title = std::move(decoded.title);  // an HTML page's <title>
    }
    if (options.decode_input) {
      parse_options.source.encoding = decoded.encoding;
      parse_options.source.bom = decoded.bom;
      parse_options.source.format = std::string(wenshu::InputFormatName(decoded.format));
      parse_options.source.dropped = std::move(decoded.dropped);
    }
    parse_options.repair = std::move(options.repair);
    parse_options.run_checks = options.run_checks;
    parse_options.max_bytes = static_cast<size_t>(options.max_bytes);
    auto parsed = wenshu::Parse(input, parse_options);
    if (!parsed.ok()) return wenshu::capi::FailWith(parsed.status(), kWhere);
    auto* report = new wenshu_report;
    report->report = *std::move(parsed);
    if (options.decode_input) report->decoded_input = std::move(decoded.text);
    report->pretty_json = options.pretty_json;
    *out = report;
    return WENSHU_OK;
  });
}

const char *wenshu_report_json(const wenshu_report *report, size_t *len) {
  static constexpr char kWhere[] = "wenshu_report_json";
  if (len != nullptr) *len = 0;
  const char* json = wenshu::capi::GuardPointer<const char>(kWhere, [&]() -> const char* {
    if (report == nullptr) {
      wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "report is NULL");
      return nullptr;
    }
    // An exception inside call_once leaves it un-run, so a later call retries.
    std::call_once(report->json_once, [&] {
      report->json = wenshu::ToJson(report->report, report->pretty_json ? wenshu::JsonStyle::kPretty
                                                                        : wenshu::JsonStyle::kCompact);
    });
    return report->json.c_str();
  });
  if (json != nullptr && len != nullptr) *len = report->json.size();
  return json;
}

const char *wenshu_report_title(const wenshu_report *report, size_t *len) {
  if (len != nullptr) *len = 0;
  if (report == nullptr || !report->report.title.has_value()) return nullptr;
  if (len != nullptr) *len = report->report.title->size();
  return report->report.title->c_str();
}

const char *wenshu_report_text(const wenshu_report *report, size_t *len) {
  if (len != nullptr) *len = 0;
  if (report == nullptr) return nullptr;
  if (len != nullptr) *len = report->report.text.size();
  return report->report.text.c_str();
}

const char *wenshu_report_input(const wenshu_report *report, size_t *len) {
  if (len != nullptr) *len = 0;
  if (report == nullptr) return nullptr;
  if (report->decoded_input == std::nullopt) return nullptr;  // the spans index the caller's own bytes
  if (len != nullptr) *len = report->decoded_input->size();
  return report->decoded_input->c_str();
}

wenshu_status wenshu_report_count(const wenshu_report *report, int item, size_t *count) {
  static constexpr char kWhere[] = "wenshu_report_count";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (report == nullptr || count == nullptr) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "report or count is NULL");
    }
    const wenshu::Report& r = report->report;
    switch (item) {
      case WENSHU_REPORT_SECTIONS: *count = CountSections(r.sections); return WENSHU_OK;
      case WENSHU_REPORT_QUANTITIES: *count = r.quantities.size(); return WENSHU_OK;
      case WENSHU_REPORT_CHANGES: *count = r.changes.size(); return WENSHU_OK;
      case WENSHU_REPORT_DATES: *count = r.dates.size(); return WENSHU_OK;
      case WENSHU_REPORT_REPAIRS: *count = r.repairs.size(); return WENSHU_OK;
      case WENSHU_REPORT_FLAGS: *count = r.flags.size(); return WENSHU_OK;
      case WENSHU_REPORT_CHECKS: *count = r.checks.size(); return WENSHU_OK;
      case WENSHU_REPORT_FAILED_CHECKS: {
        size_t failed = 0;
        for (const wenshu::ReportCheck& c : r.checks) failed += c.status == wenshu::CheckStatus::kFail;
        *count = failed;
        return WENSHU_OK;
      }
    }
    return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere,
                              absl::StrCat("item ", item, " is not a wenshu_report_item"));
  });
}

void wenshu_report_free(wenshu_report *report) { delete report; }

}  // extern "C"
