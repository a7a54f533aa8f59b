// ToJson / ReportFromJson: the "wenshu.report/1" form of a Report (docs/schema.md).
#include <charconv>
#include <concepts>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "quantity/units.h"
#include "report/internal.h"
#include "report/json_writer.h"
#include "text/text_pool.h"
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
                                             "paren_numeral", "circled",       "inline_shi",
                                             "heading_line",  "attachment"};
constexpr std::string_view kDirectionNames[] = {"increase", "decrease"};
constexpr std::string_view kStatusNames[] = {"pass", "fail"};

// The JSON names of an enum, by value. A value named "" is written as null. An optional enum reads
// null or a missing key as the field's default; a required one must be present and named.
template <typename Enum>
constexpr std::span<const std::string_view> kEnumNames = {};
template <>
constexpr std::span<const std::string_view> kEnumNames<ReportKind> = kKindNames;
template <>
constexpr std::span<const std::string_view> kEnumNames<PeriodPart> = kPartNames;
template <>
constexpr std::span<const std::string_view> kEnumNames<MarkerFamily> = kFamilyNames;
template <>
constexpr std::span<const std::string_view> kEnumNames<ChangeDirection> = kDirectionNames;
template <>
constexpr std::span<const std::string_view> kEnumNames<CheckStatus> = kStatusNames;

template <typename Enum>
constexpr bool kEnumRequired = false;
template <>
constexpr bool kEnumRequired<ChangeDirection> = true;
template <>
constexpr bool kEnumRequired<CheckStatus> = true;

template <typename T>
concept NamedEnum = std::is_enum_v<T> && !kEnumNames<T>.empty();

template <typename Enum>
bool EnumFromName(std::span<const std::string_view> names, std::string_view name, Enum* out) {
  for (size_t i = 0; i < names.size(); ++i) {
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
// The fields of every record, described once, in output order. Describe(fields, record) is run by a
// FieldWriter (the record is const) and by a FieldReader; how a C++ type is written and read is the
// visitor's overload for that type. Strings, integers and objects are required when read unless
// marked kMayBeAbsent (then missing or null reads as the default); every other type may be absent.

struct MayBeAbsent {};
constexpr MayBeAbsent kMayBeAbsent;

// What a record is called in reader errors ("quantity.span is not a span [begin, end]").
template <typename T>
constexpr std::string_view kRecordName = {};
template <>
constexpr std::string_view kRecordName<Report> = "report";
template <>
constexpr std::string_view kRecordName<ReportSource> = "source";
template <>
constexpr std::string_view kRecordName<DroppedContent> = "dropped";
template <>
constexpr std::string_view kRecordName<ReportPeriod> = "period";
template <>
constexpr std::string_view kRecordName<Section> = "section";
template <>
constexpr std::string_view kRecordName<Quantity> = "quantity";
template <>
constexpr std::string_view kRecordName<Change> = "change";
template <>
constexpr std::string_view kRecordName<DatePoint> = "date";  // a date's end
template <>
constexpr std::string_view kRecordName<DateFact> = "date";
template <>
constexpr std::string_view kRecordName<RepairRecord> = "repair";
template <>
constexpr std::string_view kRecordName<RepairAlternative> = "alternative";
template <>
constexpr std::string_view kRecordName<RepairFlag> = "flag";
template <>
constexpr std::string_view kRecordName<DamageDiagnosis> = "diagnosis";
template <>
constexpr std::string_view kRecordName<ReportCheck> = "check";
template <>
constexpr std::string_view kRecordName<Target> = "target";

template <typename T>
concept Record = !kRecordName<T>.empty();

// `Same<R, T>`: R is T or const T, so one Describe serves the writer and the reader.
template <typename R, typename T>
concept Same = std::same_as<std::remove_const_t<R>, T>;

// Fields whose "none" is a value of their own type: an empty unit or subject, an index of -1. JSON
// has null for them, as when they were optionals.
template <typename S>
struct EmptyIsNull {
  S& value;  // std::string or const std::string
};
template <typename S>
EmptyIsNull(S&) -> EmptyIsNull<S>;

// Fields that view one of the library's own names (static storage): a repair rule id, a fact's role, a
// canonical indicator id, a fact's unit. Written as strings; read by finding the library's own string, so
// the record keeps a view that outlives the JSON; a name the library does not know is an error, as for
// enums.
template <typename V>  // StaticName or const StaticName
struct LibraryName {
  V& value;
  std::string_view (*find)(std::string_view name);  // the library's string, or "" when unknown
  bool empty_is_null = false;  // written as null when empty (a unit), as EmptyIsNull
};
std::string_view FindRuleId(std::string_view id) {
  for (const RepairRuleInfo& info : RepairRules()) {
    if (info.id == id) return info.id;
  }
  return {};
}
std::string_view FindFactRole(std::string_view role) {
  for (std::string_view known : {"actual", "target", "other"}) {
    if (known == role) return known;  // views of string literals: static storage
  }
  return {};
}
std::string_view FindCheckRule(std::string_view rule) {
  for (std::string_view known : report_internal::kCheckRules) {
    if (known == rule) return known;
  }
  return {};
}
template <typename V>
LibraryName<V> RuleName(V& v) { return {v, FindRuleId}; }
template <typename V>
LibraryName<V> CheckRuleName(V& v) { return {v, FindCheckRule}; }
template <typename V>
LibraryName<V> FactRoleName(V& v) { return {v, FindFactRole}; }
template <typename V>
LibraryName<V> CanonicalName(V& v) { return {v, report_internal::FindCanonicalId}; }
// A fact's unit: null when empty (a bare number), as when it was an optional string.
template <typename V>
LibraryName<V> UnitName(V& v) { return {v, quantity_internal::FindUnitName, /*empty_is_null=*/true}; }

template <typename I>
struct NegativeIsNull {
  I& value;  // int or const int
};
template <typename I>
NegativeIsNull(I&) -> NegativeIsNull<I>;

template <typename F, Same<ReportSource> R>
void Describe(F& f, R& s) {
  f("name", s.name);
  f("id", s.id, kMayBeAbsent);
  f("line", s.line, kMayBeAbsent);
  f("bytes", s.bytes);
  f("encoding", s.encoding, kMayBeAbsent);
  f("bom", s.bom);
  f("format", s.format, kMayBeAbsent);
  f("meta", s.meta);
  f("dropped", s.dropped);
}

template <typename F, Same<DroppedContent> R>
void Describe(F& f, R& d) {
  f("kind", d.kind);
  f("element", d.element);
  f("chars", d.chars);
  f("bytes", d.bytes);
  f("source", d.source);
  f("at", d.at);
}

template <typename F, Same<ReportPeriod> R>
void Describe(F& f, R& p) {
  f("year", p.year);
  f("year_masked", p.year_masked);
  f("part", p.part);
  f("first_month", p.first_month);
  f("last_month", p.last_month);
  f("span", p.span);
}

template <typename F, Same<Section> R>
void Describe(F& f, R& s) {
  f("level", s.level);
  f("family", s.family);
  f("marker", s.marker);
  f("ordinal", s.ordinal);
  f("heading", s.heading);
  f("span", s.span);
  f("heading_span", s.heading_span);
  f("role", s.role, kMayBeAbsent);
  f("children", s.children);
}

template <typename F, Same<Quantity> R>
void Describe(F& f, R& q) {
  f("text", q.text);
  f("span", q.span);
  f("value", q.value);
  f("upper", q.upper);
  f("unit", UnitName(q.unit), kMayBeAbsent);
  f("kind", q.kind);
  f("subject", EmptyIsNull{q.subject});
  f("approx", q.approx);
  f("qualifiers", q.qualifiers);
  f("section", q.section);
  f("part_of", NegativeIsNull{q.part_of});
  f("repaired", q.repaired);
  f("role", FactRoleName(q.role), kMayBeAbsent);             // added after wenshu.report/1 shipped
  f("canonical", CanonicalName(q.canonical), kMayBeAbsent);  // added after wenshu.report/1 shipped
}

template <typename F, Same<Change> R>
void Describe(F& f, R& c) {
  f("text", c.text);
  f("span", c.span);
  f("direction", c.direction);
  f("value", c.value);
  f("upper", c.upper);
  f("unit", UnitName(c.unit), kMayBeAbsent);
  f("kind", c.kind);
  f("qualifiers", c.qualifiers);
  f("shared_qualifier", c.shared_qualifier);
  f("baseline", c.baseline, kMayBeAbsent);
  f("subject", EmptyIsNull{c.subject});
  f("total", NegativeIsNull{c.quantity});
  f("section", c.section);
  f("repaired", c.repaired);
  f("role", FactRoleName(c.role), kMayBeAbsent);             // added after wenshu.report/1 shipped
  f("canonical", CanonicalName(c.canonical), kMayBeAbsent);  // added after wenshu.report/1 shipped
}

// A date's end; its start is written the same way, flat in the date.
template <typename F, Same<DatePoint> R>
void Describe(F& f, R& d) {
  f("year", d.year);
  f("month", d.month);
  f("day", d.day);
  f("relative_year", d.relative_year);
  f("year_masked", d.year_masked);
}

template <typename F, Same<DateFact> R>
void Describe(F& f, R& d) {
  f("text", d.text);
  f("span", d.span);
  f("year", d.year);
  f("month", d.month);
  f("day", d.day);
  f("relative_year", d.relative_year);
  f("year_masked", d.year_masked);
  f("end", d.end);
  f("part", d.part, kMayBeAbsent);
  f("section", d.section);
  f("repaired", d.repaired);
  f("role", FactRoleName(d.role), kMayBeAbsent);  // added after wenshu.report/1 shipped
}

template <typename F, Same<RepairAlternative> R>
void Describe(F& f, R& a) {
  f("after", a.after);
  f("confidence", a.confidence);
  f("reason", a.reason, kMayBeAbsent);
}

template <typename F, Same<RepairRecord> R>
void Describe(F& f, R& rec) {
  f("rule", RuleName(rec.rule));
  f("span", rec.span);
  f("before", rec.before);
  f("after", rec.after);
  f("confidence", rec.confidence);
  f("reason", rec.reason, kMayBeAbsent);
  f("evidence", rec.evidence);
  f("alternatives", rec.alternatives);
}

template <typename F, Same<RepairFlag> R>
void Describe(F& f, R& flag) {
  f("rule", RuleName(flag.rule));
  f("span", flag.span);
  f("text", flag.text);
  f("reason", flag.reason, kMayBeAbsent);
}

template <typename F, Same<DamageDiagnosis> R>
void Describe(F& f, R& d) {
  f("site_boilerplate", d.site_boilerplate);
  f("page_furniture", d.page_furniture);
  f("masked_numbers", d.masked_numbers);
  f("mask_strings", d.mask_strings);
  f("mask_confidence", d.mask_confidence);
  f("mask_evidence", d.mask_evidence);
  f("spun_vocabulary", d.spun_vocabulary);
  f("spun_score", d.spun_score);
  f("quote_damage", d.quote_damage);
  f("converted_script", d.converted_script, kMayBeAbsent);  // added after wenshu.report/1 shipped
  f("truncated", d.truncated, kMayBeAbsent);                 // added after wenshu.report/1 shipped
}

template <typename F, Same<ReportCheck> R>
void Describe(F& f, R& c) {
  f("rule", CheckRuleName(c.rule));
  f("status", c.status);
  f("spans", c.spans);
  f("reason", c.reason, kMayBeAbsent);
  f("section", c.section);
}

// Everything after "schema".
template <typename F, Same<Target> R>
void Describe(F& f, R& t) {
  f("indicator", t.indicator);
  f("canonical", t.canonical);
  f("value", t.value);
  f("upper", t.upper);
  f("unit", t.unit);
  f("qualifier", t.qualifier);
  f("kind", t.kind);
  f("year", t.year);
  f("tier", t.tier);
  f("text", t.text);
  f("span", t.span);
  f("section", t.section);
  f("shared_qualifier", t.shared_qualifier);
  f("shared_indicator", t.shared_indicator);
  f("repaired", t.repaired);
}

template <typename F, Same<Report> R>
void Describe(F& f, R& r) {
  f("source", r.source);
  f("title", r.title);
  f("title_span", r.title_span);
  f("issuer", r.issuer);
  f("kind", r.kind);
  f("period", r.period, kMayBeAbsent);
  f("text", r.text);
  f("sections", r.sections);
  f("quantities", r.quantities);
  f("changes", r.changes);
  f("dates", r.dates);
  f("repairs", r.repairs);
  f("flags", r.flags);
  f("diagnosis", r.diagnosis, kMayBeAbsent);
  f("checks", r.checks);
  f("targets", r.targets);
}

// ---------------------------------------------------------------------------------------------------
// Writing

class FieldWriter {
 public:
  explicit FieldWriter(JsonWriter& w) : w_(w) {}

  template <typename T>
  void operator()(std::string_view key, const T& value) {
    w_.Key(key);
    Write(value);
  }
  template <typename T>
  void operator()(std::string_view key, const T& value, MayBeAbsent) {
    (*this)(key, value);
  }

 private:
  void Write(const std::string& s) { w_.String(s); }
  void Write(std::string_view s) { w_.String(s); }  // a fact's text
  void Write(const SharedText& s) { w_.String(s.str()); }
  void Write(LibraryName<const StaticName> name) {
    if (name.empty_is_null && name.value.empty()) {
      w_.Null();
    } else {
      w_.String(name.value);
    }
  }
  void Write(int v) { w_.Int(v); }
  void Write(int64_t v) { w_.Int(v); }
  void Write(size_t v) { w_.Uint(v); }
  void Write(bool v) { w_.Bool(v); }
  void Write(double v) { w_.Double(v); }
  void Write(const Decimal& d) { w_.Number(d.ToString()); }
  template <typename S>  // const std::string or const std::string_view
  void Write(EmptyIsNull<S> s) {
    if (s.value.empty()) {
      w_.Null();
    } else {
      w_.String(s.value);
    }
  }
  void Write(NegativeIsNull<const int> index) {
    if (index.value < 0) {
      w_.Null();
    } else {
      w_.Int(index.value);
    }
  }
  void Write(QuantityKind kind) { w_.String(QuantityKindName(kind)); }
  template <NamedEnum Enum>
  void Write(Enum value) {
    const std::string_view name = kEnumNames<Enum>[static_cast<size_t>(value)];
    if (name.empty()) {
      w_.Null();
    } else {
      w_.String(name);
    }
  }
  void Write(Span span) {
    w_.BeginArray(true);
    w_.Uint(span.begin);
    w_.Uint(span.end);
    w_.EndArray();
  }
  template <typename T>
  void Write(const std::optional<T>& value) {
    if (value) {
      Write(*value);
    } else {
      w_.Null();
    }
  }
  template <typename T>
  void Write(const SlimOptional<T>& value) {
    Write(value.ToOptional());
  }
  // Spans, section paths and strings stay on one line even in pretty output.
  void Write(const std::vector<Span>& spans) {
    w_.BeginArray(true);
    for (Span s : spans) Write(s);
    w_.EndArray();
  }
  void Write(const SectionPath& path) {
    w_.BeginArray(true);
    for (int i : path) w_.Int(i);
    w_.EndArray();
  }
  void Write(const std::vector<std::string>& strings) {
    w_.BeginArray(true);
    for (const std::string& s : strings) w_.String(s);
    w_.EndArray();
  }
  // source.meta: an object of strings, in column order.
  void Write(const std::vector<std::pair<std::string, std::string>>& pairs) {
    w_.BeginObject();
    for (const auto& [key, value] : pairs) {
      w_.Key(key);
      w_.String(value);
    }
    w_.EndObject();
  }
  template <Record T>
  void Write(const T& record) {
    w_.BeginObject();
    Describe(*this, record);
    w_.EndObject();
  }
  template <Record T>
  void Write(const std::vector<T>& records) {
    w_.BeginArray();
    for (const T& record : records) Write(record);
    w_.EndArray();
  }
  template <typename T>
  void Write(const SlimVector<T>& list) {
    Write(list.items());
  }

  JsonWriter& w_;
};

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
  // The reasons read, one copy each, as Repair() gives them.
  text_internal::TextPool& reasons() { return reasons_; }
  // Keeps a fact's text or subject for the report's views of it (a deque never moves its elements).
  std::string_view KeepFactString(std::string s) {
    if (s.empty()) return {};
    fact_strings_.push_back(std::move(s));
    return fact_strings_.back();
  }
  std::deque<std::string> TakeFactStrings() { return std::move(fact_strings_); }

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
  template <typename Enum>
  Enum Named(std::span<const std::string_view> names, const json& obj, std::string_view key,
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
  text_internal::TextPool reasons_;
  std::deque<std::string> fact_strings_;
};

Decimal ReadDecimal(Reader& r, const std::string& text, std::string_view where) {
  std::optional<Decimal> d = Decimal::FromString(text);
  if (!d) {
    r.Fail(Cat({where, " is not an exact decimal: ", text}));
    return Decimal();
  }
  return *d;
}

// Reads the fields Describe() names from one JSON object; `where` names the record in errors.
class FieldReader {
 public:
  FieldReader(Reader& r, const json& object, std::string_view where, int enclosing_sections = 0)
      : r_(r), object_(object), where_(where), enclosing_sections_(enclosing_sections) {}

  template <typename T>
  void operator()(std::string_view key, T& field) {
    Read(key, field);
  }
  template <typename S>
  void operator()(std::string_view key, EmptyIsNull<S> field) {
    Read(key, field);
  }
  template <typename I>
  void operator()(std::string_view key, NegativeIsNull<I> field) {
    Read(key, field);
  }
  void operator()(std::string_view key, LibraryName<StaticName> field) { Read(key, field, false); }
  void operator()(std::string_view key, LibraryName<StaticName> field, MayBeAbsent) {
    Read(key, field, true);
  }
  template <typename T>
  void operator()(std::string_view key, T& field, MayBeAbsent) {
    ReadMayBeAbsent(key, field);
  }

 private:
  void Read(std::string_view key, std::string& s) { s = r_.Str(object_, key, where_); }
  void Read(std::string_view key, std::optional<std::string>& s) { s = r_.OptStr(object_, key, where_); }
  void Read(std::string_view key, EmptyIsNull<std::string> s) {
    s.value = r_.OptStr(object_, key, where_).value_or("");
  }
  // A fact's text, subject and baseline: views of the report's own copy of what was read (Report::fact_strings).
  void Read(std::string_view key, std::string_view& s) { s = r_.KeepFactString(r_.Str(object_, key, where_)); }
  void Read(std::string_view key, EmptyIsNull<std::string_view> s) {
    s.value = r_.KeepFactString(r_.OptStr(object_, key, where_).value_or(""));
  }
  void Read(std::string_view key, NegativeIsNull<int> index) {
    index.value = r_.OptInt(object_, key, where_).value_or(-1);
  }
  void Read(std::string_view key, int& v) { v = static_cast<int>(r_.Int(object_, key, where_)); }
  void Read(std::string_view key, std::optional<int>& v) { v = r_.OptInt(object_, key, where_); }
  // A byte count that is not an unsigned integer is ignored, not an error.
  void Read(std::string_view key, size_t& v) {
    const json* n = r_.Optional(object_, key);
    if (n != nullptr && n->is_number_unsigned()) v = n->get<uint64_t>();
  }
  void Read(std::string_view key, bool& v) { v = r_.Bool(object_, key, where_); }
  void Read(std::string_view key, double& v) { v = r_.Double(object_, key, where_); }
  void Read(std::string_view key, Decimal& d) {
    d = ReadDecimal(r_, r_.Decimal(object_, key, where_), Cat({where_, ".", key}));
  }
  void Read(std::string_view key, std::optional<Decimal>& d) {
    if (const json* v = r_.Optional(object_, key); v != nullptr && !v->is_null()) Read(key, d.emplace());
  }
  void Read(std::string_view key, SlimOptional<Decimal>& d) {
    std::optional<Decimal> read;
    Read(key, read);
    d = read;
  }
  // Required, but "" reads as plain.
  void Read(std::string_view key, QuantityKind& kind) {
    kind = QuantityKind::kPlain;
    const std::string name = r_.Str(object_, key, where_);
    if (!name.empty() && !QuantityKindFromName(name, &kind)) {
      r_.Fail(Cat({where_, ".", key, " has an unknown value: ", name}));
    }
  }
  template <NamedEnum Enum>
  void Read(std::string_view key, Enum& value) {
    const std::span<const std::string_view> names = kEnumNames<Enum>;
    if constexpr (kEnumRequired<Enum>) {
      const std::string name = r_.Str(object_, key, where_);
      if (!EnumFromName(names, name, &value)) {
        std::string choices;
        for (std::string_view n : names) choices += Cat({choices.empty() ? "" : " or ", "\"", n, "\""});
        r_.Fail(Cat({where_, ".", key, " must be ", choices}));
      }
    } else {
      value = r_.Named(names, object_, key, where_, value);
    }
  }
  void Read(std::string_view key, Span& span) { span = r_.SpanField(object_, key, where_); }
  // A fact's span: its offsets must fit 32 bits (wenshu/span.h), as those of any document Parse accepts.
  void Read(std::string_view key, CompactSpan& span) {
    const Span read = r_.SpanField(object_, key, where_);
    if (read.end > kMaxCompactOffset) {
      r_.Fail(Cat({where_, ".", key, " is past the largest offset of a document"}));
      return;
    }
    span = read;
  }
  void Read(std::string_view key, std::optional<Span>& span) { span = r_.OptSpan(object_, key, where_); }
  void Read(std::string_view key, std::vector<Span>& spans) { spans = r_.Spans(object_, key, where_); }
  void Read(std::string_view key, SectionPath& path) { path = r_.Path(object_, key, where_); }
  // Entries that are not strings are skipped.
  template <typename T>
  void Read(std::string_view key, SlimVector<T>& list) {
    std::vector<T> items;
    Read(key, items);
    list = std::move(items);
  }
  void Read(std::string_view key, std::vector<std::string>& strings) {
    for (const json& s : r_.Array(object_, key, where_)) {
      if (s.is_string()) strings.push_back(s.get<std::string>());
    }
  }
  // An object of strings; absent is empty, values that are not strings are skipped.
  void Read(std::string_view key, std::vector<std::pair<std::string, std::string>>& pairs) {
    const json* v = r_.Optional(object_, key);
    if (v == nullptr || v->is_null()) return;
    if (!v->is_object()) {
      r_.Fail(Cat({where_, ".", key, " is not an object"}));
      return;
    }
    for (const auto& [k, value] : v->items()) {
      if (value.is_string()) pairs.emplace_back(k, value.get<std::string>());
    }
  }
  template <Record T>
  void Read(std::string_view key, T& record) {
    if (const json* v = r_.Field(object_, key, where_)) ReadObject(*v, record);
  }
  template <Record T>
  void Read(std::string_view key, std::optional<T>& record) {
    if (const json* v = r_.Optional(object_, key); v != nullptr && !v->is_null()) {
      ReadObject(*v, record.emplace());
    }
  }
  template <Record T>
  void Read(std::string_view key, std::vector<T>& records) {
    for (const json& v : r_.Array(object_, key, where_)) {
      T& record = records.emplace_back();
      // Sections are the only records that nest without bound.
      if constexpr (std::is_same_v<T, Section>) {
        if (enclosing_sections_ > kMaxSectionNesting) {
          r_.Fail("sections nest deeper than 64 levels");
          continue;
        }
        FieldReader nested(r_, v, kRecordName<T>, enclosing_sections_ + 1);
        Describe(nested, record);
      } else {
        ReadObject(v, record);
      }
    }
  }

  // Missing or null reads as "" when it may be absent (a report written before the field existed).
  void Read(std::string_view key, LibraryName<StaticName> name, bool may_be_absent) {
    std::optional<std::string> s =
        may_be_absent ? r_.OptStr(object_, key, where_) : std::optional(r_.Str(object_, key, where_));
    name.value = s ? name.find(*s) : std::string_view();
    if (s && name.value.empty() && !s->empty()) {
      r_.Fail(Cat({where_, ".", key, " has an unknown value: ", *s}));
    }
  }
  void ReadMayBeAbsent(std::string_view key, std::string& s) {
    s = r_.OptStr(object_, key, where_).value_or("");
  }
  void ReadMayBeAbsent(std::string_view key, std::string_view& s) {  // a change's baseline
    s = r_.KeepFactString(r_.OptStr(object_, key, where_).value_or(""));
  }
  void ReadMayBeAbsent(std::string_view key, SharedText& s) {
    s = r_.reasons().Intern(r_.OptStr(object_, key, where_).value_or(""));
  }
  void ReadMayBeAbsent(std::string_view key, int64_t& v) { v = r_.OptInt(object_, key, where_).value_or(0); }
  void ReadMayBeAbsent(std::string_view key, bool& v) {
    const json* b = r_.Optional(object_, key);
    v = b != nullptr && !b->is_null() && r_.Bool(object_, key, where_);
  }
  template <Record T>
  void ReadMayBeAbsent(std::string_view key, T& record) {
    if (const json* v = r_.Optional(object_, key); v != nullptr && !v->is_null()) ReadObject(*v, record);
  }

  template <Record T>
  void ReadObject(const json& v, T& record) {
    FieldReader nested(r_, v, kRecordName<T>, enclosing_sections_);
    Describe(nested, record);
  }

  static constexpr int kMaxSectionNesting = 64;

  Reader& r_;
  const json& object_;
  std::string_view where_;
  int enclosing_sections_;
};

}  // namespace

std::string_view ReportKindName(ReportKind kind) { return kKindNames[static_cast<int>(kind)]; }
std::string_view PeriodPartName(PeriodPart part) { return kPartNames[static_cast<int>(part)]; }
std::string_view MarkerFamilyName(MarkerFamily family) { return kFamilyNames[static_cast<int>(family)]; }

namespace {

// The one serializer behind ToJson and WriteJson: into the writer's string, or to its sink.
void WriteReport(JsonWriter& w, const Report& report, JsonStyle style) {
  w.BeginObject();
  w.Key("schema");
  w.String(kReportSchema);
  FieldWriter fields(w);
  Describe(fields, report);
  w.EndObject();
  if (style == JsonStyle::kPretty) w.Raw("\n");
}

}  // namespace

std::string ToJson(const Report& report, JsonStyle style) {
  JsonWriter w(style == JsonStyle::kPretty);
  WriteReport(w, report, style);
  return w.Take();
}

bool WriteJson(const Report& report, JsonStyle style, const JsonSink& sink) {
  const JsonWriter::Sink pieces = sink;
  JsonWriter w(style == JsonStyle::kPretty, &pieces);
  WriteReport(w, report, style);
  return w.Finish();
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
  FieldReader fields(r, j, kRecordName<Report>);
  Describe(fields, report);
  if (!r.status().ok()) return r.status();
  // Moving a deque keeps its elements where they are, so the facts' views stay valid.
  std::deque<std::string> fact_strings = r.TakeFactStrings();
  if (!fact_strings.empty()) {
    report.fact_strings = std::make_shared<const std::deque<std::string>>(std::move(fact_strings));
  }
  return report;
}

}  // namespace wenshu
