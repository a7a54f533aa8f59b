// A small streaming JSON writer for reports: exact control over numbers (decimal strings are written
// as they are, doubles in their shortest round-trip form), pretty or compact layout, valid UTF-8 out.
#ifndef WENSHU_SRC_REPORT_JSON_WRITER_H_
#define WENSHU_SRC_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::report_internal {

// Appends `text` as a JSON string literal (with quotes). Invalid UTF-8 bytes become U+FFFD: JSON text
// must be UTF-8, and the repair stage flags such bytes with their original spans.
void AppendJsonString(std::string& out, std::string_view text);

// Whether `text` is a JSON number (RFC 8259 grammar).
bool IsJsonNumber(std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty) : pretty_(pretty) {}

  void BeginObject();
  void EndObject();
  // An inline array stays on one line even in pretty mode (spans, paths).
  void BeginArray(bool inline_array = false);
  void EndArray();
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  void Double(double value);
  // A number given as its exact decimal text; written as a string when it is not a JSON number.
  void Number(std::string_view decimal);
  void Bool(bool value);
  void Null();

  std::string Take() { return std::move(out_); }

 private:
  struct Frame {
    bool is_object;
    bool inline_array;
    bool empty = true;
  };
  void BeforeValue();
  void NewLine();
  bool InlineContext() const;

  bool pretty_;
  bool after_key_ = false;
  std::string out_;
  std::vector<Frame> stack_;
};

}  // namespace wenshu::report_internal

#endif  // WENSHU_SRC_REPORT_JSON_WRITER_H_
