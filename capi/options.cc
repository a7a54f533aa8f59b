// wenshu_options: defaults, versions, validation; and the input checks every entry point shares.
#include <cmath>
#include <string>
#include <optional>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "internal.h"
#include "text/utf8.h"
#include "wenshu.h"
#include "wenshu/repair.h"

namespace wenshu::capi {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

wenshu_status ResolveOptions(const wenshu_options* opts, const char* where, ResolvedOptions* out) {
  *out = ResolvedOptions{};
  if (opts == nullptr) return WENSHU_OK;
  if (opts->version == 0 || opts->version > WENSHU_OPTIONS_VERSION) {
    return Fail(WENSHU_E_VERSION, where,
                absl::StrCat("options version ", opts->version, " is not known to wenshu ",
                             wenshu_version(), " (it knows 1..", WENSHU_OPTIONS_VERSION,
                             "); call wenshu_options_init first"));
  }
  // Version 1 fields.
  if (opts->utf8_policy != WENSHU_UTF8_FLAG && opts->utf8_policy != WENSHU_UTF8_STRICT) {
    return Fail(WENSHU_E_INVALID_ARGUMENT, where,
                absl::StrCat("utf8_policy ", opts->utf8_policy, " is not a wenshu_utf8_policy"));
  }
  out->strict_utf8 = opts->utf8_policy == WENSHU_UTF8_STRICT;
  if (!(opts->min_confidence >= 0.0 && opts->min_confidence <= 1.0)) {  // also rejects NaN
    return Fail(WENSHU_E_INVALID_ARGUMENT, where,
                absl::StrCat("min_confidence ", opts->min_confidence, " is outside [0, 1]"));
  }
  out->repair.min_confidence = opts->min_confidence;
  if (opts->disabled_rules != nullptr) {
    std::string_view list = opts->disabled_rules;
    while (!list.empty()) {
      size_t comma = list.find(',');
      std::string_view entry = Trim(list.substr(0, comma));
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      if (entry.empty()) continue;
      if (!NamesRepairRules(entry)) {
        return Fail(WENSHU_E_INVALID_ARGUMENT, where,
                    absl::StrCat("disabled_rules: \"", absl::string_view(entry.data(), entry.size()),
                                 "\" names no repair rule (see wenshu_repair_rule_id)"));
      }
      out->repair.disabled_rules.insert(std::string(entry));
    }
  }
  if (opts->source_name != nullptr) out->source_name = opts->source_name;
  if (opts->source_id != nullptr) out->source_id = opts->source_id;
  if (opts->source_line < 0) {
    return Fail(WENSHU_E_INVALID_ARGUMENT, where,
                absl::StrCat("source_line ", opts->source_line, " is negative"));
  }
  out->source_line = opts->source_line;
  if (opts->title != nullptr) {
    out->has_title = true;
    out->title = opts->title;
  }
  out->run_checks = opts->run_checks != 0;
  if (opts->max_bytes == 0) {
    return Fail(WENSHU_E_INVALID_ARGUMENT, where, "max_bytes is 0");
  }
  out->max_bytes = opts->max_bytes;
  out->pretty_json = opts->pretty_json != 0;
  out->max_token_bytes = opts->max_token_bytes;  // the tokenizer clamps it
  out->split_numeral_units = opts->split_numeral_units != 0;
  if (opts->version < 2) return WENSHU_OK;
  // Version 2 fields.
  if (opts->encoding != nullptr || opts->input_format != nullptr) out->decode_input = true;
  if (opts->encoding != nullptr) {
    if (!IsKnownEncoding(opts->encoding)) {
      return Fail(WENSHU_E_INVALID_ARGUMENT, where,
                  absl::StrCat("encoding \"", opts->encoding, "\" is not an encoding ICU knows"));
    }
    out->encoding = opts->encoding;
  }
  if (opts->input_format != nullptr) {
    std::optional<InputFormat> f = InputFormatFromName(opts->input_format);
    if (!f || (*f != InputFormat::kAuto && *f != InputFormat::kText && *f != InputFormat::kHtml &&
               *f != InputFormat::kDocx)) {
      return Fail(WENSHU_E_INVALID_ARGUMENT, where,
                  absl::StrCat("input_format \"", opts->input_format,
                               "\" is not auto, text, html or docx (one document)"));
    }
    out->input_format = *f;
  }
  if (opts->cancel != nullptr) {
    out->repair.cancelled = [cancel = opts->cancel, data = opts->cancel_data] { return cancel(data) != 0; };
  }
  return WENSHU_OK;
}

wenshu_status DecodeInput(std::string_view input, const ResolvedOptions& options, const char* where,
                          InputDocument* doc) {
  InputOptions o;
  o.encoding = options.encoding;
  o.format = options.input_format;
  o.max_bytes = static_cast<size_t>(options.max_bytes);
  absl::StatusOr<InputDocument> decoded = DecodeDocument(input, o, options.input_format);
  if (!decoded.ok()) {
    return Fail(absl::IsResourceExhausted(decoded.status()) ? WENSHU_E_LIMIT : WENSHU_E_INVALID_ARGUMENT, where,
                std::string(decoded.status().message()));
  }
  *doc = *std::move(decoded);
  return WENSHU_OK;
}

wenshu_status CheckInput(const char* data, size_t len, const char* where) noexcept {
  if (data == nullptr && len != 0) {
    return Fail(WENSHU_E_INVALID_ARGUMENT, where, "data is NULL but len is not 0");
  }
  return WENSHU_OK;
}

Utf8Scan ScanUtf8(std::string_view bytes) noexcept {
  Utf8Scan scan;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  for (size_t i = 0; i < bytes.size();) {
    // Streaming decoding: a character cut at the end is valid so far (len 0), not invalid.
    const wenshu::text::Decoded d = wenshu::text::DecodeUtf8At(p + i, bytes.size() - i, false);
    if (d.len == 0) {
      scan.incomplete_tail = bytes.size() - i;
      return scan;
    }
    if (d.len < 0) {
      scan.valid = false;
      scan.invalid_at = i;
      return scan;
    }
    i += static_cast<size_t>(d.len);
  }
  return scan;
}

wenshu_status CheckStrictUtf8(std::string_view bytes, size_t base_offset, bool allow_tail,
                              const char* where) noexcept {
  Utf8Scan scan = ScanUtf8(bytes);
  if (!scan.valid) {
    return Fail(WENSHU_E_INVALID_UTF8, where,
                absl::StrCat("invalid UTF-8 at byte ", base_offset + scan.invalid_at));
  }
  if (scan.incomplete_tail != 0 && !allow_tail) {
    return Fail(WENSHU_E_INVALID_UTF8, where,
                absl::StrCat("input ends inside a UTF-8 character at byte ",
                             base_offset + bytes.size() - scan.incomplete_tail));
  }
  return WENSHU_OK;
}

}  // namespace wenshu::capi

extern "C" {

wenshu_status wenshu_options_init(wenshu_options *opts, unsigned int version) {
  return wenshu::capi::Guard("wenshu_options_init", [&]() -> wenshu_status {
    if (opts == nullptr) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, "wenshu_options_init", "opts is NULL");
    }
    if (version == 0) {
      return wenshu::capi::Fail(WENSHU_E_VERSION, "wenshu_options_init",
                                "options version 0 does not exist (versions start at 1): pass "
                                "WENSHU_OPTIONS_VERSION");
    }
    if (version > WENSHU_OPTIONS_VERSION) {
      return wenshu::capi::Fail(
          WENSHU_E_VERSION, "wenshu_options_init",
          absl::StrCat("options version ", version, " is newer than this library (",
                       WENSHU_OPTIONS_VERSION, "): link the wenshu the header came with"));
    }
    // Version 1 fields; a later version appends, and initializes only what `version` has.
    opts->version = version;
    opts->utf8_policy = WENSHU_UTF8_FLAG;
    opts->disabled_rules = nullptr;
    opts->min_confidence = wenshu::RepairOptions{}.min_confidence;
    opts->source_name = nullptr;
    opts->source_id = nullptr;
    opts->source_line = 0;
    opts->title = nullptr;
    const wenshu::capi::ResolvedOptions defaults;
    opts->run_checks = defaults.run_checks ? 1 : 0;
    opts->max_bytes = defaults.max_bytes;
    opts->pretty_json = defaults.pretty_json ? 1 : 0;
    opts->max_token_bytes = defaults.max_token_bytes;
    opts->split_numeral_units = defaults.split_numeral_units ? 1 : 0;
    if (version < 2) return WENSHU_OK;  // a version-1 caller's struct ends before these
    // Version 2 fields.
    opts->encoding = nullptr;
    opts->input_format = nullptr;
    opts->cancel = nullptr;
    opts->cancel_data = nullptr;
    return WENSHU_OK;
  });
}

}  // extern "C"
