#include "report/json_writer.h"

#include <charconv>
#include <cmath>

#include "text/utf8.h"

namespace wenshu::report_internal {
namespace {

constexpr char kHex[] = "0123456789abcdef";

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  size_t run_start = 0;  // copy runs of plain bytes in one append
  size_t i = 0;
  auto flush = [&](size_t upto) {
    if (upto > run_start) out.append(text.data() + run_start, upto - run_start);
  };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const text::Decoded d = text::DecodeUtf8At(text, i);
      if (d.len > 0) {
        i += static_cast<size_t>(d.len);
        continue;
      }
      flush(i);
      out.append("\xEF\xBF\xBD");  // U+FFFD
      ++i;
      run_start = i;
      continue;
    }
    flush(i);
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
    ++i;
    run_start = i;
  }
  flush(i);
  out.push_back('"');
}

bool IsJsonNumber(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && t[i] == '-') ++i;
  if (i >= t.size()) return false;
  if (t[i] == '0') {
    ++i;
  } else if (t[i] >= '1' && t[i] <= '9') {
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  } else {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    const size_t digits = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == digits) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    const size_t digits = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == digits) return false;
  }
  return i == t.size();
}

bool JsonWriter::InlineContext() const {
  for (const Frame& f : stack_) {
    if (!f.is_object && f.inline_array) return true;
  }
  return false;
}

void JsonWriter::NewLine() {
  out_.push_back('\n');
  out_.append(2 * stack_.size(), ' ');
}

void JsonWriter::Flush() {
  if (!sink_failed_ && !out_.empty() && !(*sink_)(out_)) sink_failed_ = true;
  out_.clear();
}

bool JsonWriter::Finish() {
  if (sink_ != nullptr) Flush();
  return !sink_failed_;
}

void JsonWriter::BeforeValue() {
  MaybeFlush();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Frame& top = stack_.back();
  if (!top.empty) out_.push_back(',');
  if (pretty_) {
    if (InlineContext()) {
      if (!top.empty) out_.push_back(' ');
    } else {
      NewLine();
    }
  }
  top.empty = false;
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_.push_back('{');
  stack_.push_back({true, false});
}

void JsonWriter::EndObject() {
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (pretty_ && !empty && !InlineContext()) NewLine();
  out_.push_back('}');
}

void JsonWriter::BeginArray(bool inline_array) {
  BeforeValue();
  out_.push_back('[');
  stack_.push_back({false, inline_array});
}

void JsonWriter::EndArray() {
  const bool empty = stack_.back().empty;
  const bool was_inline = stack_.back().inline_array;
  stack_.pop_back();
  if (pretty_ && !empty && !was_inline && !InlineContext()) NewLine();
  out_.push_back(']');
}

void JsonWriter::Key(std::string_view key) {
  MaybeFlush();
  Frame& top = stack_.back();
  if (!top.empty) out_.push_back(',');
  top.empty = false;
  if (pretty_) {
    if (InlineContext()) {
      out_.push_back(' ');
    } else {
      NewLine();
    }
  }
  AppendJsonString(out_, key);
  out_.append(pretty_ ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  if (sink_ == nullptr || value.size() <= kFlushBytes) {
    AppendJsonString(out_, value);
    return;
  }
  // A long string (the report's text) goes out in pieces too, cut where AppendJsonString's own walk
  // steps (a whole character, or one invalid byte), so the escaped bytes are the same as in one piece.
  out_.push_back('"');
  size_t at = 0;
  while (at < value.size()) {
    size_t cut = at;
    while (cut < value.size() && cut - at < kFlushBytes) {
      if (static_cast<unsigned char>(value[cut]) < 0x80) {
        ++cut;
        continue;
      }
      const text::Decoded d = text::DecodeUtf8At(value, cut);
      cut += d.len > 0 ? static_cast<size_t>(d.len) : 1;
    }
    std::string piece;
    AppendJsonString(piece, value.substr(at, cut - at));
    out_.append(piece, 1, piece.size() - 2);  // without its quotes
    at = cut;
    MaybeFlush();
  }
  out_.push_back('"');
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::Double(double value) {
  if (!std::isfinite(value)) {
    Null();
    return;
  }
  BeforeValue();
  // Shortest text that reads back as the same double, so write -> read -> write is stable.
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::Number(std::string_view decimal) {
  if (!IsJsonNumber(decimal)) {
    String(decimal);
    return;
  }
  BeforeValue();
  out_.append(decimal);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_.append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_.append("null");
}

}  // namespace wenshu::report_internal
