// wenshu_repair and its result: the C view of wenshu::Repair().
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "internal.h"
#include "json.h"
#include "wenshu.h"
#include "wenshu/repair.h"

struct wenshu_repair_result {
  wenshu::RepairResult result;
  // The decoded text the spans index, kept only when the input was decoded (version-2 options): the
  // caller's own bytes are not copied (a second copy of every document for every call).
  std::optional<std::string> decoded_input;
  // Built on first wenshu_repair_result_json call; call_once keeps a shared result thread-safe.
  mutable std::once_flag json_once;
  mutable std::string json;
  mutable bool json_ready = false;
};

namespace {

// The registry's ids and descriptions as NUL-terminated strings, built once.
struct RuleStrings {
  std::vector<std::string> ids, descriptions;
};
const RuleStrings& Rules() {
  static const RuleStrings* rules = [] {
    auto* r = new RuleStrings;
    for (const wenshu::RepairRuleInfo& info : wenshu::RepairRules()) {
      r->ids.emplace_back(info.id);
      r->descriptions.emplace_back(info.description);
    }
    return r;
  }();
  return *rules;
}

// The shared body of wenshu_repair_apply / _revert: run `engine` over data with the result's records and
// hand the answer out through the caller's buffer.
template <typename Engine>
wenshu_status ReplayRecords(const char* where, const wenshu_repair_result* result, const char* data,
                            size_t len, char* out, size_t capacity, size_t* out_len, Engine engine) {
  return wenshu::capi::Guard(where, [&]() -> wenshu_status {
    if (out_len != nullptr) *out_len = 0;
    if (result == nullptr || out_len == nullptr) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, where, "result or out_len is NULL");
    }
    if (wenshu_status s = wenshu::capi::CheckInput(data, len, where); s != WENSHU_OK) return s;
    absl::StatusOr<std::string> answer =
        engine(std::string_view(data == nullptr ? "" : data, len), result->result.records);
    if (!answer.ok()) return wenshu::capi::FailWith(answer.status(), where);
    *out_len = answer->size();
    if (out == nullptr) return WENSHU_OK;
    if (capacity < answer->size()) {
      return wenshu::capi::Fail(WENSHU_E_LIMIT, where,
                                absl::StrCat("the answer needs ", answer->size(), " bytes, the buffer holds ",
                                             capacity));
    }
    if (!answer->empty()) std::memcpy(out, answer->data(), answer->size());
    return WENSHU_OK;
  });
}

}  // namespace

extern "C" {

size_t wenshu_repair_rule_count(void) {
  size_t count = 0;
  (void)wenshu::capi::Guard("wenshu_repair_rule_count", [&] {
    count = Rules().ids.size();
    return WENSHU_OK;
  });
  return count;
}

const char *wenshu_repair_rule_id(size_t index) {
  return wenshu::capi::GuardPointer<const char>("wenshu_repair_rule_id", [&]() -> const char* {
    const RuleStrings& rules = Rules();
    return index < rules.ids.size() ? rules.ids[index].c_str() : nullptr;
  });
}

const char *wenshu_repair_rule_description(size_t index) {
  return wenshu::capi::GuardPointer<const char>("wenshu_repair_rule_description",
                                                [&]() -> const char* {
    const RuleStrings& rules = Rules();
    return index < rules.descriptions.size() ? rules.descriptions[index].c_str() : nullptr;
  });
}

wenshu_status wenshu_repair(const char *data, size_t len, const wenshu_options *opts,
                            wenshu_repair_result **out) {
  static constexpr char kWhere[] = "wenshu_repair";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (out == nullptr) return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "out is NULL");
    *out = nullptr;
    if (wenshu_status s = wenshu::capi::CheckInput(data, len, kWhere); s != WENSHU_OK) return s;
    wenshu::capi::ResolvedOptions options;
    if (wenshu_status s = wenshu::capi::ResolveOptions(opts, kWhere, &options); s != WENSHU_OK) {
      return s;
    }
    std::string_view input(data == nullptr ? "" : data, len);
    wenshu::InputDocument decoded;  // version 2: spans then index the decoded text
    if (options.decode_input) {
      if (wenshu_status s = wenshu::capi::DecodeInput(input, options, kWhere, &decoded); s != WENSHU_OK) return s;
      input = decoded.text;
    }
    if (options.strict_utf8) {
      if (wenshu_status s = wenshu::capi::CheckStrictUtf8(input, 0, false, kWhere); s != WENSHU_OK) {
        return s;
      }
    }
    auto repaired = wenshu::Repair(input, options.repair);
    if (!repaired.ok()) return wenshu::capi::FailWith(repaired.status(), kWhere);
    auto* result = new wenshu_repair_result;
    result->result = *std::move(repaired);
    if (options.decode_input) result->decoded_input = std::move(decoded.text);
    *out = result;
    return WENSHU_OK;
  });
}

const char *wenshu_repair_result_text(const wenshu_repair_result *result, size_t *len) {
  if (len != nullptr) *len = 0;
  if (result == nullptr) return nullptr;
  if (len != nullptr) *len = result->result.text.size();
  return result->result.text.c_str();
}

const char *wenshu_repair_result_input(const wenshu_repair_result *result, size_t *len) {
  if (len != nullptr) *len = 0;
  if (result == nullptr) return nullptr;
  if (result->decoded_input == std::nullopt) return nullptr;  // the spans index the caller's own bytes
  if (len != nullptr) *len = result->decoded_input->size();
  return result->decoded_input->c_str();
}

size_t wenshu_repair_result_record_count(const wenshu_repair_result *result) {
  return result == nullptr ? 0 : result->result.records.size();
}

size_t wenshu_repair_result_flag_count(const wenshu_repair_result *result) {
  return result == nullptr ? 0 : result->result.flags.size();
}

wenshu_status wenshu_repair_result_record(const wenshu_repair_result *result, size_t index,
                                          wenshu_repair_record *out) {
  static constexpr char kWhere[] = "wenshu_repair_result_record";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (result == nullptr || out == nullptr) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "result or out is NULL");
    }
    if (index >= result->result.records.size()) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere,
                                absl::StrCat("index ", index, " is out of range (",
                                             result->result.records.size(), " records)"));
    }
    const wenshu::RepairRecord& r = result->result.records[index];
    out->rule = r.rule.data();  // the registry's NUL-terminated id
    out->rule_len = r.rule.size();
    out->begin = r.span.begin;
    out->end = r.span.end;
    out->before = r.before.c_str();
    out->before_len = r.before.size();
    out->after = r.after.c_str();
    out->after_len = r.after.size();
    out->confidence = r.confidence;
    out->reason = r.reason.c_str();
    out->reason_len = r.reason.size();
    return WENSHU_OK;
  });
}

wenshu_status wenshu_repair_result_flag(const wenshu_repair_result *result, size_t index,
                                        wenshu_repair_flag *out) {
  static constexpr char kWhere[] = "wenshu_repair_result_flag";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (result == nullptr || out == nullptr) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "result or out is NULL");
    }
    if (index >= result->result.flags.size()) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere,
                                absl::StrCat("index ", index, " is out of range (",
                                             result->result.flags.size(), " flags)"));
    }
    const wenshu::RepairFlag& f = result->result.flags[index];
    out->rule = f.rule.data();  // the registry's NUL-terminated id
    out->rule_len = f.rule.size();
    out->begin = f.span.begin;
    out->end = f.span.end;
    out->text = f.text.c_str();
    out->text_len = f.text.size();
    out->reason = f.reason.c_str();
    out->reason_len = f.reason.size();
    return WENSHU_OK;
  });
}

const char *wenshu_repair_result_json(const wenshu_repair_result *result, size_t *len) {
  static constexpr char kWhere[] = "wenshu_repair_result_json";
  if (len != nullptr) *len = 0;
  const char* json = wenshu::capi::GuardPointer<const char>(kWhere, [&]() -> const char* {
    if (result == nullptr) {
      wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "result is NULL");
      return nullptr;
    }
    // An exception inside call_once leaves it un-run, so a later call retries.
    std::call_once(result->json_once, [&] {
      result->json = wenshu::capi::RepairResultJson(result->result);
      result->json_ready = true;
    });
    return result->json.c_str();
  });
  if (json != nullptr && len != nullptr) *len = result->json.size();
  return json;
}

wenshu_status wenshu_repair_apply(const wenshu_repair_result *result, const char *data, size_t len,
                                  char *out, size_t capacity, size_t *out_len) {
  return ReplayRecords("wenshu_repair_apply", result, data, len, out, capacity, out_len,
                       [](std::string_view text, const std::vector<wenshu::RepairRecord>& records) {
                         return wenshu::ApplyRepairs(text, records);
                       });
}

wenshu_status wenshu_repair_revert(const wenshu_repair_result *result, const char *data, size_t len,
                                   char *out, size_t capacity, size_t *out_len) {
  return ReplayRecords("wenshu_repair_revert", result, data, len, out, capacity, out_len,
                       [](std::string_view text, const std::vector<wenshu::RepairRecord>& records) {
                         return wenshu::RevertRepairs(text, records);
                       });
}

void wenshu_repair_result_free(wenshu_repair_result *result) { delete result; }

}  // extern "C"
