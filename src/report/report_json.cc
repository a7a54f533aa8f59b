// ToJson / ReportFromJson: the "wenshu.report/1" form of a Report (docs/schema.md).
#include <charconv>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "report/json_writer.h"
#include "wenshu/report.h"
#include "wenshu/version.h"

namespace wenshu {
namespace {

using report_internal::JsonWriter;

// absl::StrCat does not take std::string_view in Debian's Abseil build.
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Names

constexpr std::string_view kKindNames[] = {"summary", "plan", "report", "other"};
constexpr std::string_view kPartNames[] = {"", "year", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "months"};
constexpr std::string_view kFamilyNames[] = {"chinese_paren", "chinese_comma", "ordinal_di",
                                             "arabic_comma",  "arabic_dot",    "arabic_paren",
                                             "paren_numeral", "circled",       "inline_shi"};

template <typename Enum, size_t N>
bool EnumFromName(const std::string_view (&names)[N], std::string_view name, Enum* out) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) {
      *out = static_cast<Enum>(i);
      return true;
    }
  }
  return false;
}

bool QuantityKindFromName(std::string_view name, QuantityKind* out) {
  for (int i = 0; i <= static_cast<int>(QuantityKind::kPlain); ++i) {
    if (QuantityKindName(static_cast<QuantityKind>(i)) == name) {
      *out = static_cast<QuantityKind>(i);
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Writing

void WriteSpan(JsonWriter& w, Span span) {
  w.BeginArray(true);
  w.Uint(span.begin);
  w.Uint(span.end);
  w.EndArray();
}

void WriteOptionalSpan(JsonWriter& w, const std::optional<Span>& span) {
  if (span) {
    WriteSpan(w, *span);
  } else {
    w.Null();
  }
}

void WriteOptionalString(JsonWriter& w, const std::optional<std::string>& s) {
  if (s) {
    w.String(*s);
  } else {
    w.Null();
  }
}

void WriteOptionalInt(JsonWriter& w, const std::optional<int>& v) {
  if (v) {
    w.Int(*v);
  } else {
    w.Null();
  }
}

void WritePath(JsonWriter& w, const SectionPath& path) {
  w.BeginArray(true);
  for (int i : path) w.Int(i);
  w.EndArray();
}

void WriteSpans(JsonWriter& w, const std::vector<Span>& spans) {
  w.BeginArray(true);
  for (Span s : spans) WriteSpan(w, s);
  w.EndArray();
}

void WriteSection(JsonWriter& w, const Section& s) {
  w.BeginObject();
  w.Key("level");
  w.Int(s.level);
  w.Key("family");
  w.String(MarkerFamilyName(s.family));
  w.Key("marker");
  w.String(s.marker);
  w.Key("ordinal");
  w.Int(s.ordinal);
  w.Key("heading");
  w.String(s.heading);
  w.Key("span");
  WriteSpan(w, s.span);
  w.Key("heading_span");
  WriteSpan(w, s.heading_span);
  w.Key("children");
  w.BeginArray();
  for (const Section& c : s.children) WriteSection(w, c);
  w.EndArray();
  w.EndObject();
}

void WriteDateValue(JsonWriter& w, const DateValue& d) {
  w.Key("year");
  WriteOptionalInt(w, d.year);
  w.Key("month");
  WriteOptionalInt(w, d.month);
  w.Key("day");
  WriteOptionalInt(w, d.day);
  w.Key("relative_year");
  WriteOptionalInt(w, d.relative_year);
  w.Key("year_masked");
  w.Bool(d.year_masked);
}

void WriteDiagnosis(JsonWriter& w, const DamageDiagnosis& d) {
  w.BeginObject();
  w.Key("site_boilerplate");
  w.Bool(d.site_boilerplate);
  w.Key("page_furniture");
  w.Bool(d.page_furniture);
  w.Key("masked_numbers");
  w.Bool(d.masked_numbers);
  w.Key("mask_strings");
  w.BeginArray(true);
  for (const std::string& m : d.mask_strings) w.String(m);
  w.EndArray();
  w.Key("mask_confidence");
  w.Double(d.mask_confidence);
  w.Key("mask_evidence");
  WriteSpans(w, d.mask_evidence);
  w.Key("spun_vocabulary");
  w.Bool(d.spun_vocabulary);
  w.Key("spun_score");
  w.Double(d.spun_score);
  w.Key("quote_damage");
  w.Bool(d.quote_damage);
  w.EndObject();
}

// ---------------------------------------------------------------------------------------------------
// Reading. nlohmann's DOM would turn 70.4 into a double; this SAX builder keeps the text of every
// non-integer number (as a binary value, which no JSON text can produce) so decimals stay exact.

using json = nlohmann::json;

class ExactDomBuilder {
 public:
  bool null() { return Add(json(nullptr)); }
  bool boolean(bool b) { return Add(json(b)); }
  bool number_integer(json::number_integer_t v) { return Add(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return Add(json(v)); }
  bool number_float(json::number_float_t, const std::string& text) {
    return Add(json::binary(std::vector<std::uint8_t>(text.begin(), text.end())));
  }
  bool string(std::string& s) { return Add(json(std::move(s))); }
  bool binary(json::binary_t& b) { return Add(json::binary(std::move(b))); }
  bool start_object(std::size_t) { return Open(json::object()); }
  bool key(std::string& k) {
    key_ = std::move(k);
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) { return Open(json::array()); }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    error_ = e.what();
    return false;
  }

  json& root() { return root_; }
  const std::string& error() const { return error_; }

 private:
  json* Insert(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    json& slot = top[key_];
    slot = std::move(v);
    return &slot;
  }
  bool Add(json v) {
    Insert(std::move(v));
    return true;
  }
  bool Open(json v) {
    stack_.push_back(Insert(std::move(v)));
    return true;
  }

  json root_;
  std::vector<json*> stack_;
  std::string key_;
  std::string error_;
};

// Field access that records the first problem instead of throwing.
class Reader {
 public:
  absl::Status status() const { return status_; }

  const json* Field(const json& obj, std::string_view key, std::string_view where) {
    if (!obj.is_object()) {
      Fail(Cat({where, " is not an object"}));
      return nullptr;
    }
    auto it = obj.find(std::string(key));
    if (it == obj.end()) {
      Fail(Cat({where, ".", key, " is missing"}));
      return nullptr;
    }
    return &*it;
  }
  const json* Optional(const json& obj, std::string_view key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(std::string(key));
    return it == obj.end() ? nullptr : &*it;
  }

  std::string Str(const json& obj, std::string_view key, std::string_view where) {
    const json* v = Field(obj, key, where);
    if (v == nullptr) return {};
    if (!v->is_string()) {
      Fail(Cat({where, ".", key, " is not a string"}));
      return {};
    }
    return v->get<std::string>();
  }
  std::optional<std::string> OptStr(const json& obj, std::string_view key, std::string_view where) {
    const json* v = Optional(obj, key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_string()) {
      Fail(Cat({where, ".", key, " is not a string"}));
      return std::nullopt;
    }
    return v->get<std::string>();
  }
  int64_t Int(const json& obj, std::string_view key, std::string_view where) {
    const json* v = Field(obj, key, where);
    if (v == nullptr) return 0;
    if (!v->is_number_integer()) {
      Fail(Cat({where, ".", key, " is not an integer"}));
      return 0;
    }
    return v->get<int64_t>();
  }
  std::optional<int> OptInt(const json& obj, std::string_view key, std::string_view where) {
    const json* v = Optional(obj, key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_number_integer()) {
      Fail(Cat({where, ".", key, " is not an integer"}));
      return std::nullopt;
    }
    return v->get<int>();
  }
  bool Bool(const json& obj, std::string_view key, std::string_view where, bool fallback = false) {
    const json* v = Optional(obj, key);
    if (v == nullptr) return fallback;
    if (!v->is_boolean()) {
      Fail(Cat({where, ".", key, " is not a boolean"}));
      return fallback;
    }
    return v->get<bool>();
  }
  double Double(const json& obj, std::string_view key, std::string_view where) {
    const json* v = Optional(obj, key);
    if (v == nullptr || v->is_null()) return 0;
    if (v->is_number()) return v->get<double>();
    if (v->is_binary()) {
      const auto& b = v->get_binary();
      double d = 0;
      std::from_chars(reinterpret_cast<const char*>(b.data()),
                      reinterpret_cast<const char*>(b.data()) + b.size(), d);
      return d;
    }
    Fail(Cat({where, ".", key, " is not a number"}));
    return 0;
  }
  // An exact decimal: the number's own text.
  std::string Decimal(const json& obj, std::string_view key, std::string_view where) {
    const json* v = Field(obj, key, where);
    if (v == nullptr) return {};
    if (v->is_binary()) {
      const auto& b = v->get_binary();
      return std::string(b.begin(), b.end());
    }
    if (v->is_number_unsigned()) return std::to_string(v->get<uint64_t>());
    if (v->is_number_integer()) return std::to_string(v->get<int64_t>());
    if (v->is_string()) return v->get<std::string>();
    Fail(Cat({where, ".", key, " is not a number"}));
    return {};
  }
  Span SpanOf(const json& v, std::string_view where) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number_unsigned() || !v[1].is_number_unsigned() ||
        v[0].get<uint64_t>() > v[1].get<uint64_t>()) {
      Fail(Cat({where, " is not a span [begin, end]"}));
      return {};
    }
    return Span{static_cast<size_t>(v[0].get<uint64_t>()), static_cast<size_t>(v[1].get<uint64_t>())};
  }
  Span SpanField(const json& obj, std::string_view key, std::string_view where) {
    const json* v = Field(obj, key, where);
    if (v == nullptr) return {};
    return SpanOf(*v, Cat({where, ".", key}));
  }
  std::optional<Span> OptSpan(const json& obj, std::string_view key, std::string_view where) {
    const json* v = Optional(obj, key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    return SpanOf(*v, Cat({where, ".", key}));
  }
  std::vector<Span> Spans(const json& obj, std::string_view key, std::string_view where) {
    std::vector<Span> out;
    const json* v = Optional(obj, key);
    if (v == nullptr) return out;
    if (!v->is_array()) {
      Fail(Cat({where, ".", key, " is not an array"}));
      return out;
    }
    for (const json& s : *v) out.push_back(SpanOf(s, Cat({where, ".", key})));
    return out;
  }
  SectionPath Path(const json& obj, std::string_view key, std::string_view where) {
    SectionPath out;
    const json* v = Optional(obj, key);
    if (v == nullptr) return out;
    if (!v->is_array()) {
      Fail(Cat({where, ".", key, " is not an array"}));
      return out;
    }
    for (const json& i : *v) {
      if (!i.is_number_integer()) {
        Fail(Cat({where, ".", key, " holds a non-integer"}));
        return out;
      }
      out.push_back(i.get<int>());
    }
    return out;
  }
  const json& Array(const json& obj, std::string_view key, std::string_view where) {
    static const json* const kEmpty = new json(json::array());
    const json* v = Optional(obj, key);
    if (v == nullptr || v->is_null()) return *kEmpty;
    if (!v->is_array()) {
      Fail(Cat({where, ".", key, " is not an array"}));
      return *kEmpty;
    }
    return *v;
  }
  template <typename Enum, size_t N>
  Enum Named(const std::string_view (&names)[N], const json& obj, std::string_view key,
             std::string_view where, Enum fallback) {
    const json* v = Optional(obj, key);
    if (v == nullptr || v->is_null()) return fallback;
    Enum e = fallback;
    if (!v->is_string() || !EnumFromName(names, v->get<std::string>(), &e)) {
      Fail(Cat({where, ".", key, " has an unknown value"}));
    }
    return e;
  }

  void Fail(std::string message) {
    if (status_.ok()) status_ = absl::InvalidArgumentError(message);
  }

 private:
  absl::Status status_;
};

Section ReadSection(Reader& r, const json& j, int depth) {
  Section s;
  if (depth > 64) {
    r.Fail("sections nest deeper than 64 levels");
    return s;
  }
  s.level = static_cast<int>(r.Int(j, "level", "section"));
  s.family = r.Named(kFamilyNames, j, "family", "section", MarkerFamily::kArabicComma);
  s.marker = r.Str(j, "marker", "section");
  s.ordinal = static_cast<int>(r.Int(j, "ordinal", "section"));
  s.heading = r.Str(j, "heading", "section");
  s.span = r.SpanField(j, "span", "section");
  s.heading_span = r.SpanField(j, "heading_span", "section");
  for (const json& c : r.Array(j, "children", "section")) s.children.push_back(ReadSection(r, c, depth + 1));
  return s;
}

DateValue ReadDateValue(Reader& r, const json& j) {
  DateValue d;
  d.year = r.OptInt(j, "year", "date");
  d.month = r.OptInt(j, "month", "date");
  d.day = r.OptInt(j, "day", "date");
  d.relative_year = r.OptInt(j, "relative_year", "date");
  d.year_masked = r.Bool(j, "year_masked", "date");
  return d;
}

Decimal ReadDecimal(Reader& r, const std::string& text, std::string_view where) {
  std::optional<Decimal> d = Decimal::FromString(text);
  if (!d) {
    r.Fail(Cat({where, " is not an exact decimal: ", text}));
    return Decimal();
  }
  return *d;
}

QuantityKind ReadQuantityKind(Reader& r, const json& obj, std::string_view where) {
  QuantityKind kind = QuantityKind::kPlain;
  const std::string name = r.Str(obj, "kind", where);
  if (!name.empty() && !QuantityKindFromName(name, &kind)) {
    r.Fail(Cat({where, ".kind has an unknown value: ", name}));
  }
  return kind;
}

}  // namespace

std::string_view ReportKindName(ReportKind kind) { return kKindNames[static_cast<int>(kind)]; }
std::string_view PeriodPartName(PeriodPart part) { return kPartNames[static_cast<int>(part)]; }
std::string_view MarkerFamilyName(MarkerFamily family) { return kFamilyNames[static_cast<int>(family)]; }

std::string ToJson(const Report& report, JsonStyle style) {
  JsonWriter w(style == JsonStyle::kPretty);
  w.BeginObject();
  w.Key("schema");
  w.String(kReportSchema);

  w.Key("source");
  w.BeginObject();
  w.Key("name");
  w.String(report.source.name);
  w.Key("id");
  w.String(report.source.id);
  w.Key("line");
  w.Int(report.source.line);
  w.Key("bytes");
  w.Uint(report.source.bytes);
  w.EndObject();

  w.Key("title");
  WriteOptionalString(w, report.title);
  w.Key("title_span");
  WriteOptionalSpan(w, report.title_span);
  w.Key("issuer");
  WriteOptionalString(w, report.issuer);
  w.Key("kind");
  w.String(ReportKindName(report.kind));

  w.Key("period");
  w.BeginObject();
  w.Key("year");
  WriteOptionalInt(w, report.period.year);
  w.Key("year_masked");
  w.Bool(report.period.year_masked);
  w.Key("part");
  if (report.period.part == PeriodPart::kUnknown) {
    w.Null();
  } else {
    w.String(PeriodPartName(report.period.part));
  }
  w.Key("first_month");
  WriteOptionalInt(w, report.period.first_month);
  w.Key("last_month");
  WriteOptionalInt(w, report.period.last_month);
  w.Key("span");
  WriteOptionalSpan(w, report.period.span);
  w.EndObject();

  w.Key("text");
  w.String(report.text);

  w.Key("sections");
  w.BeginArray();
  for (const Section& s : report.sections) WriteSection(w, s);
  w.EndArray();

  w.Key("quantities");
  w.BeginArray();
  for (const ReportQuantity& q : report.quantities) {
    w.BeginObject();
    w.Key("text");
    w.String(q.text);
    w.Key("span");
    WriteSpan(w, q.span);
    w.Key("value");
    w.Number(q.value.ToString());
    w.Key("upper");
    if (q.upper) {
      w.Number(q.upper->ToString());
    } else {
      w.Null();
    }
    w.Key("unit");
    WriteOptionalString(w, q.unit);
    w.Key("kind");
    w.String(QuantityKindName(q.kind));
    w.Key("subject");
    WriteOptionalString(w, q.subject);
    w.Key("approx");
    w.Bool(q.approx);
    w.Key("qualifiers");
    w.BeginArray(true);
    for (const std::string& s : q.qualifiers) w.String(s);
    w.EndArray();
    w.Key("section");
    WritePath(w, q.section);
    w.Key("part_of");
    WriteOptionalInt(w, q.part_of);
    w.Key("repaired");
    w.Bool(q.repaired);
    w.EndObject();
  }
  w.EndArray();

  w.Key("changes");
  w.BeginArray();
  for (const ReportChange& c : report.changes) {
    w.BeginObject();
    w.Key("text");
    w.String(c.text);
    w.Key("span");
    WriteSpan(w, c.span);
    w.Key("direction");
    w.String(c.direction == ChangeDirection::kIncrease ? "increase" : "decrease");
    w.Key("value");
    w.Number(c.value.ToString());
    w.Key("unit");
    WriteOptionalString(w, c.unit);
    w.Key("kind");
    w.String(QuantityKindName(c.kind));
    w.Key("baseline");
    w.String(c.baseline);
    w.Key("subject");
    WriteOptionalString(w, c.subject);
    w.Key("total");
    WriteOptionalInt(w, c.total);
    w.Key("section");
    WritePath(w, c.section);
    w.Key("repaired");
    w.Bool(c.repaired);
    w.EndObject();
  }
  w.EndArray();

  w.Key("dates");
  w.BeginArray();
  for (const ReportDate& d : report.dates) {
    w.BeginObject();
    w.Key("text");
    w.String(d.text);
    w.Key("span");
    WriteSpan(w, d.span);
    WriteDateValue(w, d.start);
    w.Key("end");
    if (d.end) {
      w.BeginObject();
      WriteDateValue(w, *d.end);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("part");
    w.String(d.part);
    w.Key("section");
    WritePath(w, d.section);
    w.Key("repaired");
    w.Bool(d.repaired);
    w.EndObject();
  }
  w.EndArray();

  w.Key("repairs");
  w.BeginArray();
  for (const RepairRecord& rec : report.repairs) {
    w.BeginObject();
    w.Key("rule");
    w.String(rec.rule);
    w.Key("span");
    WriteSpan(w, rec.span);
    w.Key("before");
    w.String(rec.before);
    w.Key("after");
    w.String(rec.after);
    w.Key("confidence");
    w.Double(rec.confidence);
    w.Key("reason");
    w.String(rec.reason);
    w.Key("evidence");
    WriteSpans(w, rec.evidence);
    w.Key("alternatives");
    w.BeginArray();
    for (const RepairAlternative& a : rec.alternatives) {
      w.BeginObject();
      w.Key("after");
      w.String(a.after);
      w.Key("confidence");
      w.Double(a.confidence);
      w.Key("reason");
      w.String(a.reason);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  w.Key("flags");
  w.BeginArray();
  for (const RepairFlag& f : report.flags) {
    w.BeginObject();
    w.Key("rule");
    w.String(f.rule);
    w.Key("span");
    WriteSpan(w, f.span);
    w.Key("text");
    w.String(f.text);
    w.Key("reason");
    w.String(f.reason);
    w.EndObject();
  }
  w.EndArray();

  w.Key("diagnosis");
  WriteDiagnosis(w, report.diagnosis);

  w.Key("checks");
  w.BeginArray();
  for (const ReportCheck& c : report.checks) {
    w.BeginObject();
    w.Key("rule");
    w.String(c.rule);
    w.Key("status");
    w.String(c.status == CheckStatus::kPass ? "pass" : "fail");
    w.Key("spans");
    WriteSpans(w, c.spans);
    w.Key("reason");
    w.String(c.reason);
    w.Key("section");
    WritePath(w, c.section);
    w.EndObject();
  }
  w.EndArray();

  w.EndObject();
  std::string out = w.Take();
  if (style == JsonStyle::kPretty) out.push_back('\n');
  return out;
}

absl::StatusOr<Report> ReportFromJson(std::string_view text) {
  ExactDomBuilder builder;
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json,
                                  /*strict=*/true);
  if (!ok) return absl::InvalidArgumentError(Cat({"invalid JSON: ", builder.error()}));
  const json& j = builder.root();
  Reader r;
  Report report;
  if (!j.is_object()) return absl::InvalidArgumentError("a report must be a JSON object");
  const std::string schema = r.Str(j, "schema", "report");
  if (!r.status().ok()) return r.status();
  if (schema != kReportSchema) {
    return absl::InvalidArgumentError(
        Cat({"unsupported schema \"", schema, "\"; this library reads ", kReportSchema}));
  }

  if (const json* src = r.Field(j, "source", "report")) {
    report.source.name = r.Str(*src, "name", "source");
    report.source.id = r.OptStr(*src, "id", "source").value_or("");
    report.source.line = r.OptInt(*src, "line", "source").value_or(0);
    const json* bytes = r.Optional(*src, "bytes");
    if (bytes != nullptr && bytes->is_number_unsigned()) report.source.bytes = bytes->get<uint64_t>();
  }
  report.title = r.OptStr(j, "title", "report");
  report.title_span = r.OptSpan(j, "title_span", "report");
  report.issuer = r.OptStr(j, "issuer", "report");
  report.kind = r.Named(kKindNames, j, "kind", "report", ReportKind::kOther);
  if (const json* p = r.Optional(j, "period"); p != nullptr && !p->is_null()) {
    report.period.year = r.OptInt(*p, "year", "period");
    report.period.year_masked = r.Bool(*p, "year_masked", "period");
    report.period.part = r.Named(kPartNames, *p, "part", "period", PeriodPart::kUnknown);
    report.period.first_month = r.OptInt(*p, "first_month", "period");
    report.period.last_month = r.OptInt(*p, "last_month", "period");
    report.period.span = r.OptSpan(*p, "span", "period");
  }
  report.text = r.Str(j, "text", "report");

  for (const json& s : r.Array(j, "sections", "report")) report.sections.push_back(ReadSection(r, s, 0));

  for (const json& q : r.Array(j, "quantities", "report")) {
    ReportQuantity out;
    out.text = r.Str(q, "text", "quantity");
    out.span = r.SpanField(q, "span", "quantity");
    out.value = ReadDecimal(r, r.Decimal(q, "value", "quantity"), "quantity.value");
    if (const json* u = r.Optional(q, "upper"); u != nullptr && !u->is_null()) {
      out.upper = ReadDecimal(r, r.Decimal(q, "upper", "quantity"), "quantity.upper");
    }
    out.unit = r.OptStr(q, "unit", "quantity");
    out.kind = ReadQuantityKind(r, q, "quantity");
    out.subject = r.OptStr(q, "subject", "quantity");
    out.approx = r.Bool(q, "approx", "quantity");
    for (const json& s : r.Array(q, "qualifiers", "quantity")) {
      if (s.is_string()) out.qualifiers.push_back(s.get<std::string>());
    }
    out.section = r.Path(q, "section", "quantity");
    out.part_of = r.OptInt(q, "part_of", "quantity");
    out.repaired = r.Bool(q, "repaired", "quantity");
    report.quantities.push_back(std::move(out));
  }

  for (const json& c : r.Array(j, "changes", "report")) {
    ReportChange out;
    out.text = r.Str(c, "text", "change");
    out.span = r.SpanField(c, "span", "change");
    const std::string direction = r.Str(c, "direction", "change");
    if (direction == "decrease") {
      out.direction = ChangeDirection::kDecrease;
    } else if (direction != "increase") {
      r.Fail("change.direction must be \"increase\" or \"decrease\"");
    }
    out.value = ReadDecimal(r, r.Decimal(c, "value", "change"), "change.value");
    out.unit = r.OptStr(c, "unit", "change");
    out.kind = ReadQuantityKind(r, c, "change");
    out.baseline = r.OptStr(c, "baseline", "change").value_or("");
    out.subject = r.OptStr(c, "subject", "change");
    out.total = r.OptInt(c, "total", "change");
    out.section = r.Path(c, "section", "change");
    out.repaired = r.Bool(c, "repaired", "change");
    report.changes.push_back(std::move(out));
  }

  for (const json& d : r.Array(j, "dates", "report")) {
    ReportDate out;
    out.text = r.Str(d, "text", "date");
    out.span = r.SpanField(d, "span", "date");
    out.start = ReadDateValue(r, d);
    if (const json* e = r.Optional(d, "end"); e != nullptr && !e->is_null()) {
      out.end = ReadDateValue(r, *e);
    }
    out.part = r.OptStr(d, "part", "date").value_or("");
    out.section = r.Path(d, "section", "date");
    out.repaired = r.Bool(d, "repaired", "date");
    report.dates.push_back(std::move(out));
  }

  for (const json& e : r.Array(j, "repairs", "report")) {
    RepairRecord rec;
    rec.rule = r.Str(e, "rule", "repair");
    rec.span = r.SpanField(e, "span", "repair");
    rec.before = r.Str(e, "before", "repair");
    rec.after = r.Str(e, "after", "repair");
    rec.confidence = r.Double(e, "confidence", "repair");
    rec.reason = r.OptStr(e, "reason", "repair").value_or("");
    rec.evidence = r.Spans(e, "evidence", "repair");
    for (const json& a : r.Array(e, "alternatives", "repair")) {
      RepairAlternative alt;
      alt.after = r.Str(a, "after", "alternative");
      alt.confidence = r.Double(a, "confidence", "alternative");
      alt.reason = r.OptStr(a, "reason", "alternative").value_or("");
      rec.alternatives.push_back(std::move(alt));
    }
    report.repairs.push_back(std::move(rec));
  }

  for (const json& f : r.Array(j, "flags", "report")) {
    RepairFlag flag;
    flag.rule = r.Str(f, "rule", "flag");
    flag.span = r.SpanField(f, "span", "flag");
    flag.text = r.Str(f, "text", "flag");
    flag.reason = r.OptStr(f, "reason", "flag").value_or("");
    report.flags.push_back(std::move(flag));
  }

  if (const json* d = r.Optional(j, "diagnosis"); d != nullptr && !d->is_null()) {
    DamageDiagnosis& dg = report.diagnosis;
    dg.site_boilerplate = r.Bool(*d, "site_boilerplate", "diagnosis");
    dg.page_furniture = r.Bool(*d, "page_furniture", "diagnosis");
    dg.masked_numbers = r.Bool(*d, "masked_numbers", "diagnosis");
    for (const json& m : r.Array(*d, "mask_strings", "diagnosis")) {
      if (m.is_string()) dg.mask_strings.push_back(m.get<std::string>());
    }
    dg.mask_confidence = r.Double(*d, "mask_confidence", "diagnosis");
    dg.mask_evidence = r.Spans(*d, "mask_evidence", "diagnosis");
    dg.spun_vocabulary = r.Bool(*d, "spun_vocabulary", "diagnosis");
    dg.spun_score = r.Double(*d, "spun_score", "diagnosis");
    dg.quote_damage = r.Bool(*d, "quote_damage", "diagnosis");
  }

  for (const json& c : r.Array(j, "checks", "report")) {
    ReportCheck out;
    out.rule = r.Str(c, "rule", "check");
    const std::string status = r.Str(c, "status", "check");
    if (status == "fail") {
      out.status = CheckStatus::kFail;
    } else if (status != "pass") {
      r.Fail("check.status must be \"pass\" or \"fail\"");
    }
    out.spans = r.Spans(c, "spans", "check");
    out.reason = r.OptStr(c, "reason", "check").value_or("");
    out.section = r.Path(c, "section", "check");
    report.checks.push_back(std::move(out));
  }

  if (!r.status().ok()) return r.status();
  return report;
}

}  // namespace wenshu
