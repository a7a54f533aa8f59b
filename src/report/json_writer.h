// A small streaming JSON writer for reports: exact control over numbers (decimal strings are written
// as they are, doubles in their shortest round-trip form), pretty or compact layout, valid UTF-8 out.
#ifndef WENSHU_SRC_REPORT_JSON_WRITER_H_
#define WENSHU_SRC_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::report_internal {

// Appends `text` as a JSON string literal (with quotes). Invalid UTF-8 bytes become U+FFFD: JSON text
// must be UTF-8, and the repair stage flags such bytes with their original spans.
void AppendJsonString(std::string& out, std::string_view text);

// Whether `text` is a JSON number (RFC 8259 grammar).
bool IsJsonNumber(std::string_view text);

// Writes into a string, or, given a sink, in pieces of about kFlushBytes as the text grows (WriteJson):
// the whole text is then never held, only the piece being filled.
class JsonWriter {
 public:
  using Sink = std::function<bool(std::string_view)>;
  // A piece handed to the sink: large enough that the sink's per-call cost (a write to the output) is
  // negligible, small next to any document worth streaming.
  static constexpr size_t kFlushBytes = size_t{64} << 10;

  explicit JsonWriter(bool pretty, const Sink* sink = nullptr) : pretty_(pretty), sink_(sink) {}

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
  // Bytes as they are, outside the JSON grammar (the final newline of pretty output).
  void Raw(std::string_view bytes) { out_.append(bytes); }

  // Without a sink: the text written. With one: hands it what is left; false when the sink refused a
  // piece (what followed was dropped).
  std::string Take() { return std::move(out_); }
  bool Finish();

 private:
  struct Frame {
    bool is_object;
    bool inline_array;
    bool empty = true;
  };
  void BeforeValue();
  void NewLine();
  bool InlineContext() const;
  // With a sink, hands it the text so far once it reaches kFlushBytes.
  void MaybeFlush() {
    if (sink_ != nullptr && out_.size() >= kFlushBytes) Flush();
  }
  void Flush();

  bool pretty_;
  const Sink* sink_;
  bool sink_failed_ = false;
  bool after_key_ = false;
  std::string out_;
  std::vector<Frame> stack_;
};

}  // namespace wenshu::report_internal

#endif  // WENSHU_SRC_REPORT_JSON_WRITER_H_
