// Drives the C ABI with a byte-coded sequence of calls in any order, NULL arguments, bad options and
// random bytes: every call returns a documented status (never a crash, never an abort, never a leak
// under LeakSanitizer), wenshu_last_error() explains every failure and is "" after every success, and
// each tokenizer keeps its promises whatever the call order: tokens are contiguous from 0 after every
// new/reset, cover exactly the bytes accepted once drained, feeding after finish is WRONG_ORDER and a
// drained tokenizer keeps returning DONE.
//
// Input: a stream of operations. Each starts with an opcode byte; operands are read from the bytes
// after it (a missing operand reads as 0).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "wenshu.h"

namespace {

class Reader {
 public:
  Reader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool empty() const { return pos_ >= size_; }
  uint8_t Byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  // Up to `max` bytes taken from the stream: a length byte, then that many bytes (fewer at the end).
  std::string_view Bytes(size_t max = 255) {
    size_t n = std::min<size_t>(Byte(), max);
    n = std::min(n, size_ - std::min(pos_, size_));
    std::string_view out(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return out;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

constexpr int kSlots = 3;

struct Slot {
  wenshu_tokenizer* tokenizer = nullptr;
  bool finished = false;
  bool strict = false;
  uint64_t accepted = 0;  // bytes fed and accepted since new/reset
  uint64_t covered = 0;   // bytes returned in tokens since new/reset
  uint64_t max_token_bytes = 65536;
};

bool KnownStatus(wenshu_status s) { return s >= WENSHU_E_VERSION && s <= WENSHU_DONE; }

// Every status is documented; an error leaves a message, a success clears it.
void CheckStatus(wenshu_status s) {
  FUZZ_CHECK(KnownStatus(s));
  const char* message = wenshu_last_error();
  FUZZ_CHECK(message != nullptr);
  if (s < 0) {
    FUZZ_CHECK(message[0] != '\0');
  } else {
    FUZZ_CHECK(message[0] == '\0');
  }
  FUZZ_CHECK(wenshu_status_string(s) != nullptr);
}

// Options chosen by one byte: NULL, defaults, strict UTF-8, a small token cap, or one of several
// invalid settings that must be refused with a status.
struct OptionsChoice {
  wenshu_options options;
  const wenshu_options* pointer = nullptr;
  bool valid = true;  // the call must not fail because of the options
  bool strict = false;
  uint64_t max_token_bytes = 65536;
  uint64_t max_bytes = uint64_t{64} << 20;
};

OptionsChoice ChooseOptions(uint8_t code) {
  OptionsChoice c;
  std::memset(&c.options, 0, sizeof c.options);
  switch (code % 10) {
    case 0:
      return c;  // NULL: defaults
    case 1:
      FUZZ_CHECK(wenshu_options_init(&c.options, WENSHU_OPTIONS_VERSION) == WENSHU_OK);
      break;
    case 2:
      FUZZ_CHECK(wenshu_options_init(&c.options, WENSHU_OPTIONS_VERSION) == WENSHU_OK);
      c.options.utf8_policy = WENSHU_UTF8_STRICT;
      c.strict = true;
      break;
    case 3:
      FUZZ_CHECK(wenshu_options_init(&c.options, WENSHU_OPTIONS_VERSION) == WENSHU_OK);
      c.options.max_token_bytes = code;  // clamped up to 64
      c.max_token_bytes = std::max<uint64_t>(code, 64);
      c.options.disabled_rules = " vocab. , number.masked_ten";
      c.options.pretty_json = 1;
      c.options.title = "标题";
      c.options.source_line = 7;
      break;
    case 4:
      c.options.version = 0;  // never initialized
      c.valid = false;
      break;
    case 5:
      c.options.version = WENSHU_OPTIONS_VERSION + 1 + code;  // from the future
      c.valid = false;
      break;
    case 6:
      FUZZ_CHECK(wenshu_options_init(&c.options, WENSHU_OPTIONS_VERSION) == WENSHU_OK);
      c.options.utf8_policy = 2 + code;
      c.valid = false;
      break;
    case 7:
      FUZZ_CHECK(wenshu_options_init(&c.options, WENSHU_OPTIONS_VERSION) == WENSHU_OK);
      c.options.min_confidence = (code & 1) ? std::nan("") : -0.5;
      c.valid = false;  // only repair and parse read it, but any reader may refuse it
      break;
    case 8:
      FUZZ_CHECK(wenshu_options_init(&c.options, WENSHU_OPTIONS_VERSION) == WENSHU_OK);
      c.options.disabled_rules = "no.such.rule";
      c.valid = false;
      break;
    case 9:
      FUZZ_CHECK(wenshu_options_init(&c.options, WENSHU_OPTIONS_VERSION) == WENSHU_OK);
      c.options.max_bytes = code;  // tiny: parse of a longer input is WENSHU_E_LIMIT
      c.max_bytes = code;
      c.options.source_line = (code & 1) ? -1 : 0;
      c.valid = (code & 1) == 0;
      break;
  }
  c.pointer = &c.options;
  return c;
}

void FreeSlot(Slot& slot) {
  wenshu_tokenizer_free(slot.tokenizer);
  slot = Slot{};
}

void Drain(Slot& slot, Reader& in) {
  wenshu_token token;
  for (int i = 0; i < 100000; ++i) {
    // A NULL token out-parameter now and then.
    if ((in.Byte() & 15) == 15) {
      wenshu_status s = wenshu_tokenizer_next(slot.tokenizer, nullptr);
      FUZZ_CHECK(s == WENSHU_E_INVALID_ARGUMENT);
      CheckStatus(s);
    }
    wenshu_status s = wenshu_tokenizer_next(slot.tokenizer, &token);
    CheckStatus(s);
    if (s == WENSHU_NEED_INPUT) {
      FUZZ_CHECK(!slot.finished);
      return;
    }
    if (s == WENSHU_DONE) {
      FUZZ_CHECK(slot.finished);
      FUZZ_CHECK(slot.covered == slot.accepted);
      FUZZ_CHECK(wenshu_tokenizer_pending_bytes(slot.tokenizer) == 0);
      FUZZ_CHECK(wenshu_tokenizer_next(slot.tokenizer, &token) == WENSHU_DONE);
      return;
    }
    FUZZ_CHECK(s == WENSHU_OK);
    FUZZ_CHECK(token.begin == slot.covered);
    FUZZ_CHECK(token.end > token.begin);
    FUZZ_CHECK(token.end <= slot.accepted);
    FUZZ_CHECK(token.text_len == token.end - token.begin);
    FUZZ_CHECK(token.text != nullptr);
    FUZZ_CHECK(token.end - token.begin <= slot.max_token_bytes);
    FUZZ_CHECK(wenshu_token_kind_name(token.kind) != nullptr);
    FUZZ_CHECK(token.norm != nullptr || token.norm_len == 0);
    if (slot.strict) FUZZ_CHECK(token.kind != WENSHU_TOKEN_INVALID);
    slot.covered = token.end;
  }
  FUZZ_CHECK(false && "next() never stopped");
}

void Parse(Reader& in) {
  OptionsChoice opts = ChooseOptions(in.Byte());
  std::string_view text = in.Bytes();
  const bool null_data = (in.Byte() & 7) == 7;
  const bool null_out = (in.Byte() & 7) == 7;
  wenshu_report* report = nullptr;
  wenshu_status s = wenshu_parse(null_data ? nullptr : text.data(), text.size(), opts.pointer,
                                 null_out ? nullptr : &report);
  CheckStatus(s);
  const bool bad_arguments = null_out || (null_data && !text.empty());
  if (bad_arguments) FUZZ_CHECK(s == WENSHU_E_INVALID_ARGUMENT);
  if (text.size() > opts.max_bytes && !bad_arguments && opts.valid) FUZZ_CHECK(s == WENSHU_E_LIMIT);
  // Valid arguments and options within the limit parse, unless strict UTF-8 refuses the bytes.
  if (!bad_arguments && opts.valid && text.size() <= opts.max_bytes && !opts.strict) {
    FUZZ_CHECK(s == WENSHU_OK);
  }
  if (s != WENSHU_OK) {
    FUZZ_CHECK(report == nullptr);
    return;
  }
  FUZZ_CHECK(opts.valid);
  size_t len = 0;
  const char* json = wenshu_report_json(report, &len);
  FUZZ_CHECK(json != nullptr);
  FUZZ_CHECK(json[len] == '\0');
  FUZZ_CHECK(nlohmann::json::accept(std::string_view(json, len)));
  FUZZ_CHECK(wenshu_report_json(report, nullptr) == json);  // cached
  const char* repaired = wenshu_report_text(report, &len);
  FUZZ_CHECK(repaired != nullptr);
  (void)wenshu_report_title(report, &len);
  (void)wenshu_report_title(report, nullptr);
  size_t count = 0;
  const int item = static_cast<int8_t>(in.Byte());
  wenshu_status c = wenshu_report_count(report, item, &count);
  CheckStatus(c);
  FUZZ_CHECK((item >= 0 && item <= WENSHU_REPORT_FAILED_CHECKS) == (c == WENSHU_OK));
  FUZZ_CHECK(wenshu_report_count(report, 0, nullptr) == WENSHU_E_INVALID_ARGUMENT);
  wenshu_report_free(report);
}

void Repair(Reader& in) {
  OptionsChoice opts = ChooseOptions(in.Byte());
  std::string_view text = in.Bytes();
  wenshu_repair_result* result = nullptr;
  wenshu_status s = wenshu_repair(text.data(), text.size(), opts.pointer, &result);
  CheckStatus(s);
  if (s != WENSHU_OK) {
    FUZZ_CHECK(result == nullptr);
    return;
  }
  size_t len = 0;
  FUZZ_CHECK(wenshu_repair_result_text(result, &len) != nullptr);
  const size_t records = wenshu_repair_result_record_count(result);
  const size_t flags = wenshu_repair_result_flag_count(result);
  uint64_t last_end = 0;
  for (size_t i = 0; i <= records; ++i) {
    wenshu_repair_record r;
    wenshu_status rs = wenshu_repair_result_record(result, i, &r);
    CheckStatus(rs);
    if (i == records) {
      FUZZ_CHECK(rs == WENSHU_E_INVALID_ARGUMENT);  // one past the end
      break;
    }
    FUZZ_CHECK(rs == WENSHU_OK);
    FUZZ_CHECK(r.begin >= last_end && r.begin <= r.end && r.end <= text.size());
    FUZZ_CHECK(r.before_len == r.end - r.begin);
    FUZZ_CHECK(std::memcmp(r.before, text.data() + r.begin, r.before_len) == 0);
    FUZZ_CHECK(r.confidence >= 0 && r.confidence <= 1);
    last_end = r.end;
  }
  for (size_t i = 0; i < flags; ++i) {
    wenshu_repair_flag f;
    FUZZ_CHECK(wenshu_repair_result_flag(result, i, &f) == WENSHU_OK);
    FUZZ_CHECK(f.begin <= f.end && f.end <= text.size());
    FUZZ_CHECK(f.text_len == f.end - f.begin);
  }
  FUZZ_CHECK(wenshu_repair_result_flag(result, flags + in.Byte(), nullptr) == WENSHU_E_INVALID_ARGUMENT);
  const char* json = wenshu_repair_result_json(result, &len);
  FUZZ_CHECK(json != nullptr);
  FUZZ_CHECK(nlohmann::json::accept(std::string_view(json, len)));
  wenshu_repair_result_free(result);
}

// Accessors and lookups with arbitrary arguments, and every handle function with NULL.
void Lookups(Reader& in) {
  // Within [-8, 7], the range of wenshu_status as a C++ enum (values -8..2): no UB on our side. An
  // unknown code from C (any int) is out of that range for the C++ library: see the report.
  const int code = static_cast<int8_t>(in.Byte()) % 8;
  FUZZ_CHECK(wenshu_status_string(static_cast<wenshu_status>(code)) != nullptr);
  const char* name = wenshu_token_kind_name(code);
  FUZZ_CHECK((code >= 0 && code <= WENSHU_TOKEN_OTHER) == (name != nullptr));
  const size_t index = in.Byte();
  const bool in_range = index < wenshu_repair_rule_count();
  FUZZ_CHECK((wenshu_repair_rule_id(index) != nullptr) == in_range);
  FUZZ_CHECK((wenshu_repair_rule_description(index) != nullptr) == in_range);
  FUZZ_CHECK(std::strcmp(wenshu_version(), "") != 0);
  FUZZ_CHECK(wenshu_abi_version() == WENSHU_ABI_VERSION);
  wenshu_options o;
  wenshu_status s = wenshu_options_init(&o, in.Byte());
  CheckStatus(s);
  FUZZ_CHECK(wenshu_options_init(nullptr, WENSHU_OPTIONS_VERSION) == WENSHU_E_INVALID_ARGUMENT);
  // NULL handles everywhere.
  wenshu_token token;
  FUZZ_CHECK(wenshu_tokenizer_feed(nullptr, "a", 1) == WENSHU_E_INVALID_ARGUMENT);
  FUZZ_CHECK(wenshu_tokenizer_finish(nullptr) == WENSHU_E_INVALID_ARGUMENT);
  FUZZ_CHECK(wenshu_tokenizer_next(nullptr, &token) == WENSHU_E_INVALID_ARGUMENT);
  FUZZ_CHECK(wenshu_tokenizer_reset(nullptr) == WENSHU_E_INVALID_ARGUMENT);
  FUZZ_CHECK(wenshu_tokenizer_pending_bytes(nullptr) == 0);
  FUZZ_CHECK(wenshu_tokenizer_new(nullptr, nullptr) == WENSHU_E_INVALID_ARGUMENT);
  wenshu_tokenizer_free(nullptr);
  FUZZ_CHECK(wenshu_report_json(nullptr, nullptr) == nullptr);
  FUZZ_CHECK(wenshu_report_text(nullptr, nullptr) == nullptr);
  FUZZ_CHECK(wenshu_report_title(nullptr, nullptr) == nullptr);
  size_t count = 1;
  FUZZ_CHECK(wenshu_report_count(nullptr, 0, &count) == WENSHU_E_INVALID_ARGUMENT);
  wenshu_report_free(nullptr);
  FUZZ_CHECK(wenshu_repair_result_text(nullptr, nullptr) == nullptr);
  FUZZ_CHECK(wenshu_repair_result_json(nullptr, nullptr) == nullptr);
  FUZZ_CHECK(wenshu_repair_result_record_count(nullptr) == 0);
  FUZZ_CHECK(wenshu_repair_result_flag_count(nullptr) == 0);
  wenshu_repair_record r;
  FUZZ_CHECK(wenshu_repair_result_record(nullptr, 0, &r) == WENSHU_E_INVALID_ARGUMENT);
  wenshu_repair_result_free(nullptr);
  wenshu_repair_result* result = nullptr;
  FUZZ_CHECK(wenshu_repair(nullptr, 5, nullptr, &result) == WENSHU_E_INVALID_ARGUMENT);
  FUZZ_CHECK(result == nullptr);
  FUZZ_CHECK(wenshu_repair("", 0, nullptr, nullptr) == WENSHU_E_INVALID_ARGUMENT);
}

// A dictionary built from arbitrary bytes (a jieba-format word list), then a tokenizer sharing it
// after the caller's handle is gone; loading from paths that are missing, a directory, or NULL.
void Dictionary(Reader& in) {
  std::string_view words = in.Bytes();
  wenshu_dictionary* dict = nullptr;
  wenshu_status s = wenshu_dictionary_from_text(&dict, words.data(), words.size());
  CheckStatus(s);
  if (s != WENSHU_OK) {
    FUZZ_CHECK(dict == nullptr);
    FUZZ_CHECK(s == WENSHU_E_INVALID_ARGUMENT || s == WENSHU_E_NO_MEMORY);
  } else {
    (void)wenshu_dictionary_word_count(dict);
    wenshu_tokenizer* t = nullptr;
    s = wenshu_tokenizer_new_with_dictionary(&t, dict, nullptr);
    CheckStatus(s);
    wenshu_dictionary_free(dict);  // the tokenizer keeps the table alive
    if (s == WENSHU_OK) {
      std::string_view text = in.Bytes();
      FUZZ_CHECK(wenshu_tokenizer_feed(t, text.data(), text.size()) == WENSHU_OK);
      FUZZ_CHECK(wenshu_tokenizer_finish(t) == WENSHU_OK);
      wenshu_token token;
      uint64_t covered = 0;
      while ((s = wenshu_tokenizer_next(t, &token)) == WENSHU_OK) {
        FUZZ_CHECK(token.begin == covered);
        covered = token.end;
      }
      FUZZ_CHECK(s == WENSHU_DONE);
      FUZZ_CHECK(covered == text.size());
      wenshu_tokenizer_free(t);
    }
  }
  FUZZ_CHECK(wenshu_dictionary_from_text(nullptr, "a", 1) == WENSHU_E_INVALID_ARGUMENT);
  FUZZ_CHECK(wenshu_dictionary_word_count(nullptr) == 0);
  wenshu_dictionary_free(nullptr);
  const char* paths[] = {nullptr, "/nonexistent/wenshu.dict", "/"};
  wenshu_dictionary* loaded = nullptr;
  s = wenshu_dictionary_load(&loaded, paths[in.Byte() % 3]);
  CheckStatus(s);
  FUZZ_CHECK(s < 0 && loaded == nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Reader in(data, size);
  Slot slots[kSlots];
  for (int step = 0; step < 256 && !in.empty(); ++step) {
    const uint8_t op = in.Byte();
    Slot& slot = slots[(op >> 4) % kSlots];
    switch (op & 15) {
      case 0:
      case 1: {  // new (replacing whatever the slot held: the old one is freed, no leak)
        OptionsChoice opts = ChooseOptions(in.Byte());
        FreeSlot(slot);
        wenshu_tokenizer* t = reinterpret_cast<wenshu_tokenizer*>(&slot);  // must be overwritten
        wenshu_status s = wenshu_tokenizer_new(&t, opts.pointer);
        CheckStatus(s);
        if (s == WENSHU_OK) {
          FUZZ_CHECK(t != nullptr);
          slot.tokenizer = t;
          slot.strict = opts.strict;
          slot.max_token_bytes = opts.max_token_bytes;
        } else {
          FUZZ_CHECK(t == nullptr);
          FUZZ_CHECK(!opts.valid);
        }
        break;
      }
      case 2:
      case 3:
      case 4: {  // feed
        if (slot.tokenizer == nullptr) break;
        std::string_view chunk = in.Bytes();
        const bool null_data = (op & 15) == 4 && chunk.empty();
        wenshu_status s = wenshu_tokenizer_feed(slot.tokenizer, null_data ? nullptr : chunk.data(),
                                                chunk.size());
        CheckStatus(s);
        if (slot.finished) {
          FUZZ_CHECK(s == WENSHU_E_WRONG_ORDER);
        } else if (s == WENSHU_OK) {
          slot.accepted += chunk.size();
        } else {
          FUZZ_CHECK(slot.strict && s == WENSHU_E_INVALID_UTF8);
        }
        break;
      }
      case 5: {  // finish
        if (slot.tokenizer == nullptr) break;
        wenshu_status s = wenshu_tokenizer_finish(slot.tokenizer);
        CheckStatus(s);
        if (s == WENSHU_OK) {
          slot.finished = true;
        } else {
          FUZZ_CHECK(slot.strict && s == WENSHU_E_INVALID_UTF8 && !slot.finished);
        }
        break;
      }
      case 6:
      case 7:
        if (slot.tokenizer != nullptr) Drain(slot, in);
        break;
      case 8: {  // reset
        if (slot.tokenizer == nullptr) break;
        wenshu_status s = wenshu_tokenizer_reset(slot.tokenizer);
        CheckStatus(s);
        FUZZ_CHECK(s == WENSHU_OK);
        slot.finished = false;
        slot.accepted = slot.covered = 0;
        break;
      }
      case 9:
        FreeSlot(slot);
        break;
      case 10:
        if (slot.tokenizer != nullptr) {
          FUZZ_CHECK(wenshu_tokenizer_pending_bytes(slot.tokenizer) <=
                     slot.accepted - slot.covered);
        }
        break;
      case 11:
      case 12:
        Parse(in);
        break;
      case 13:
        Repair(in);
        break;
      case 15:
        Dictionary(in);
        break;
      default:
        Lookups(in);
        break;
    }
  }
  for (Slot& slot : slots) FreeSlot(slot);
  return 0;
}
