// JSON corpus records without a DOM: a SAX handler keeps the text, id and title fields of each object
// and skips every other value as the lexer passes it (a 60 MB field that is not the text is never
// stored in a tree). Used for JSONL lines and for the elements of a JSON array.
#include <algorithm>
#include <functional>
#include <streambuf>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/charconv.h"
#include "absl/strings/str_cat.h"
#include "input/internal.h"
#include "nlohmann/json.hpp"
#include "text/utf8.h"

namespace wenshu::input_internal {
namespace {

using json = nlohmann::json;

// The text fields tried, in order, when --text-field is not given.
constexpr const char* kDefaultTextFields[] = {"text", "content", "full_text", "正文"};

// nlohmann 3.11.2 abandons the whole parse with error 406 ("number overflow") at a number beyond a
// double's range (1e999, or an integer of 400 digits), and offers no option to keep going: the parser
// checks the value before the SAX handler sees it. This reader never uses a number's value (an id and
// a meta field keep the text as written), so this input adapter hands the lexer each such number, in a
// value position, as a string of the same text, which the handler keeps exactly as it keeps a number's
// text. One pass, one number token of lookahead; every other byte passes unchanged (a line without
// such a number reaches the lexer byte for byte).
struct StringSource {
  std::string_view text;
  size_t pos = 0;
  int Get() { return pos < text.size() ? std::char_traits<char>::to_int_type(text[pos++]) : kEof; }
  static constexpr int kEof = std::char_traits<char>::eof();
};
struct StreamSource {
  std::streambuf* buf;
  int Get() { return buf->sbumpc(); }
};

// A JSON number, as the grammar has it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. A token that
// is not one (01, 1., 1e) stays as it is, for the lexer to reject.
bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// Whether a valid JSON number is beyond a double's range (absl::from_chars: out of range with a
// non-zero value; an underflow, 1e-999, gives 0 and the lexer reads it as 0).
bool OverflowsDouble(std::string_view s) {
  double value = 0;
  const absl::from_chars_result r = absl::from_chars(s.data(), s.data() + s.size(), value);
  return r.ec == std::errc::result_out_of_range && value != 0;
}

template <typename Source>
class OverflowAsStringAdapter {
 public:
  using char_type = char;
  explicit OverflowAsStringAdapter(Source source) : source_(source) {}

  std::char_traits<char>::int_type get_character() {
    if (pending_pos_ < pending_.size()) return std::char_traits<char>::to_int_type(pending_[pending_pos_++]);
    const int c = Next();
    if (c == std::char_traits<char>::eof()) return c;
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      }
      return c;
    }
    switch (c) {
      case '"':
        in_string_ = true;
        return c;
      case '{':
      case '[':
        in_object_.push_back(c == '{');
        value_next_ = c == '[';
        return c;
      case '}':
      case ']':
        if (!in_object_.empty()) in_object_.pop_back();
        value_next_ = false;
        return c;
      case ':':
        value_next_ = true;
        return c;
      case ',':
        value_next_ = !in_object_.empty() && !in_object_.back();
        return c;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        return c;
      default:
        break;
    }
    const bool value_position = value_next_ || in_object_.empty();
    value_next_ = false;
    if (c != '-' && (c < '0' || c > '9')) return c;
    std::string token(1, static_cast<char>(c));
    int d;
    while ((d = source_.Get()) != std::char_traits<char>::eof() &&
           ((d >= '0' && d <= '9') || d == '.' || d == 'e' || d == 'E' || d == '+' || d == '-')) {
      token.push_back(static_cast<char>(d));
    }
    lookahead_ = d;
    pending_ = value_position && IsJsonNumber(token) && OverflowsDouble(token) ? absl::StrCat("\"", token, "\"")
                                                                                : std::move(token);
    pending_pos_ = 1;
    return std::char_traits<char>::to_int_type(pending_[0]);
  }

 private:
  int Next() {
    if (lookahead_ == kNone) return source_.Get();
    const int c = lookahead_;
    lookahead_ = kNone;
    return c;
  }
  static constexpr int kNone = -2;  // no lookahead (EOF is -1)

  Source source_;
  std::string pending_;  // a number token (quoted when it overflows), handed out from pending_pos_
  size_t pending_pos_ = 0;
  int lookahead_ = kNone;
  bool in_string_ = false;
  bool escaped_ = false;
  bool value_next_ = false;      // the last structural byte was ':', '[' or an array's ','
  std::vector<bool> in_object_;  // per open container: an object (true) or an array
};

template <typename Source, typename Sax>
bool SaxParse(Source source, Sax* sax) {
  return nlohmann::detail::parser<json, OverflowAsStringAdapter<Source>>(OverflowAsStringAdapter<Source>(source),
                                                                          nullptr, true, false)
      .sax_parse(sax, true);
}

// Collects the fields of objects at `object_depth` (1 for a JSONL line, 2 for a JSON array's
// elements) and hands each finished object to `done`.
class FieldCollector {
 public:
  FieldCollector(const InputOptions& options, int object_depth,
                 std::function<bool(InputDocument&&)> done)
      : options_(options), object_depth_(object_depth), done_(std::move(done)) {}

  bool null() { return Scalar(nullptr, "null"); }
  bool boolean(bool b) {
    Meta(b ? "true" : "false");
    return Scalar(nullptr, "a boolean");
  }
  bool number_integer(json::number_integer_t v) { return Integer(std::to_string(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return Integer(std::to_string(v)); }
  bool number_float(json::number_float_t, const std::string& raw) {
    Meta(raw);
    // An id written as a fraction, or an integer beyond 64 bits (which the lexer reads as a float), is
    // kept as written, as an integer id is: never dropped.
    if (depth_ == object_depth_ && in_object_ && key_ == options_.id_field) doc_.id = raw;
    return Scalar(nullptr, "a number");
  }
  bool string(std::string& s) {
    if (s.size() <= kMaxJsonMetaBytes) Meta(s);
    return Scalar(&s, "a string");
  }
  bool binary(json::binary_t&) { return Scalar(nullptr, "binary data"); }
  bool start_object(std::size_t) {
    ++depth_;
    if (depth_ == object_depth_) {
      if (object_depth_ == 2 && !root_array_) return Fail("not an array of objects");
      doc_ = InputDocument{};
      texts_.assign(std::size(kDefaultTextFields) + 1, std::nullopt);
      in_object_ = true;
    } else if (depth_ < object_depth_) {
      if (object_depth_ == 1) return Fail("not a JSON object");
      // The root of a JSON array corpus is an object: most often JSON Lines under a .json name.
      return Fail("not an array of objects but an object (one object per line, JSON Lines? read it with "
                  "--jsonl or name it .jsonl)");
    }
    return true;
  }
  bool key(std::string& k) {
    if (depth_ == object_depth_) key_ = std::move(k);
    return true;
  }
  bool end_object() {
    if (depth_-- == object_depth_) {
      in_object_ = false;
      return Finish();
    }
    return true;
  }
  bool start_array(std::size_t) {
    ++depth_;
    if (depth_ == 1 && object_depth_ == 2) {
      root_array_ = true;
      return true;
    }
    // An array as an element of the root array: reported and skipped (its values are not fields).
    if (depth_ == object_depth_ && root_array_) return NotAnObject("an array");
    if (depth_ < object_depth_ || (depth_ == 1 && object_depth_ == 1)) {
      return Fail(object_depth_ == 1 ? "not a JSON object" : "not an array of objects");
    }
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    // e.what(): "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error ...".
    std::string reason = e.what();
    if (size_t colon = reason.find(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
    // The reason quotes what was last read, which may hold the very bytes that are not UTF-8.
    error_ = absl::StrCat("invalid JSON at column ", position, ": ", text::EscapeInvalidUtf8(reason));
    return false;
  }

  const std::string& error() const { return error_; }
  bool stopped() const { return stopped_; }

 private:
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  // A field of the record other than a text field, into meta when asked (InputOptions::json_meta).
  void Meta(std::string_view value) {
    if (!options_.json_meta || depth_ != object_depth_ || !in_object_) return;
    if (options_.text_field ? key_ == *options_.text_field
                            : std::find(std::begin(kDefaultTextFields), std::end(kDefaultTextFields), key_) !=
                                  std::end(kDefaultTextFields)) {
      return;
    }
    doc_.meta.emplace_back(key_, std::string(value));
  }
  bool Integer(std::string text) {
    Meta(text);
    if (depth_ == object_depth_ && in_object_ && key_ == options_.id_field) doc_.id = std::move(text);
    return Scalar(nullptr, "a number");
  }
  // An element of the root array that is not an object: a document with an error naming its index
  // (0-based, as JSON paths count), so the reader reports it and goes on with the next element, as a
  // JSONL reader does with a bad line.
  bool NotAnObject(std::string_view what) {
    InputDocument bad;
    bad.error = absl::StrCat("array element [", element_++, "] is ", std::string(what), ", not an object: skipped");
    if (!done_(std::move(bad))) {
      stopped_ = true;
      return false;
    }
    return true;
  }
  bool Scalar(std::string* s, std::string_view what) {
    if (depth_ == 1 && root_array_) return NotAnObject(what);
    if (depth_ < object_depth_) {
      return depth_ == 0 ? Fail(object_depth_ == 1 ? "not a JSON object" : "not an array of objects")
                         : Fail("not an array of objects");
    }
    if (depth_ != object_depth_ || s == nullptr || !in_object_) return true;
    if (options_.text_field) {
      if (key_ == *options_.text_field) texts_.back() = std::move(*s);
    } else {
      for (size_t i = 0; i < std::size(kDefaultTextFields); ++i) {
        if (key_ == kDefaultTextFields[i]) texts_[i] = std::move(*s);
      }
    }
    if (key_ == options_.id_field) doc_.id = *s;
    if (!options_.title_field.empty() && key_ == options_.title_field) doc_.title = *s;
    return true;
  }
  bool Finish() {
    for (std::optional<std::string>& t : texts_) {
      if (t) {
        doc_.text = std::move(*t);
        break;
      }
    }
    bool found = false;
    for (const std::optional<std::string>& t : texts_) found = found || t.has_value();
    if (!found) {
      doc_.error = options_.text_field
                       ? absl::StrCat("no string field \"", *options_.text_field, "\"")
                       : "no string field \"text\", \"content\", \"full_text\" or \"正文\"";
    }
    ++element_;
    if (!done_(std::move(doc_))) {
      stopped_ = true;
      return false;
    }
    return true;
  }

  const InputOptions& options_;
  int object_depth_;
  std::function<bool(InputDocument&&)> done_;
  int depth_ = 0;
  bool root_array_ = false;
  size_t element_ = 0;  // the index of the root array's next element
  bool in_object_ = false;
  std::string key_;
  InputDocument doc_;
  std::vector<std::optional<std::string>> texts_;
  std::string error_;
  bool stopped_ = false;
};

}  // namespace

void DocumentFromJsonObject(std::string_view line, const InputOptions& options, InputDocument* doc) {
  bool got = false;
  FieldCollector collector(options, 1, [&](InputDocument&& d) {
    doc->id = std::move(d.id);
    doc->title = std::move(d.title);
    doc->meta = std::move(d.meta);
    doc->text = std::move(d.text);
    doc->error = std::move(d.error);
    got = true;
    return true;
  });
  const bool ok = SaxParse(StringSource{line}, &collector);
  if (!ok || !got) {
    doc->text.clear();
    doc->error = collector.error().empty() ? "not a JSON object" : collector.error();
  }
}

absl::Status ReadJsonArray(std::istream& in, const InputOptions& options,
                           const std::function<bool(InputDocument&&)>& sink, bool* stopped) {
  FieldCollector collector(options, 2, sink);
  const bool ok = SaxParse(StreamSource{in.rdbuf()}, &collector);
  *stopped = collector.stopped();
  if (!ok && !collector.stopped()) return absl::InvalidArgumentError(collector.error());
  return absl::OkStatus();
}

}  // namespace wenshu::input_internal
