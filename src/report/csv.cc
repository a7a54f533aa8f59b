// The facts of a report as RFC 4180 CSV: one row per quantity and per change.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "text/utf8.h"
#include "wenshu/report.h"

namespace wenshu {
namespace {

void AppendField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

// One row: the fixed fields, then one per meta column (the document's value for that key, or empty).
void AppendRow(std::string& out, std::initializer_list<std::string_view> fields,
               const std::vector<std::string>& meta_columns = {}, const Report* report = nullptr) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out.push_back(',');
    first = false;
    AppendField(out, f);
  }
  for (const std::string& column : meta_columns) {
    out.push_back(',');
    if (report == nullptr) {
      AppendField(out, column);
      continue;
    }
    for (const auto& [key, value] : report->source.meta) {
      if (key == column) {
        AppendField(out, value);
        break;
      }
    }
  }
  out.append("\r\n");
}


// A byte offset of the original input in the repaired text: the repairs before it shift it by what they
// added or removed (report.repairs are in text order and do not overlap).
size_t RepairedOffset(const Report& report, size_t original) {
  int64_t shift = 0;
  for (const RepairRecord& r : report.repairs) {
    if (r.span.begin >= original) break;
    if (r.span.end > original) return static_cast<size_t>(static_cast<int64_t>(r.span.begin) + shift);
    shift += static_cast<int64_t>(r.after.size()) - static_cast<int64_t>(r.span.size());
  }
  const int64_t at = static_cast<int64_t>(original) + shift;
  return static_cast<size_t>(std::clamp<int64_t>(at, 0, static_cast<int64_t>(report.text.size())));
}

// How far a sentence is followed from its fact each way: longer sentences are cut (with "…") so one
// run-on paragraph cannot make every row of its facts a copy of it. 600 bytes is 200 characters, longer
// than 99% of the sentences of the 31 provincial reports.
constexpr size_t kSentenceReach = 600;

// The sentence of the repaired text around [begin, end): from after the previous 。！？ or line break to
// the next one, included.
std::string Sentence(std::string_view text, size_t begin, size_t end) {
  begin = std::min(begin, text.size());
  end = std::clamp(end, begin, text.size());
  auto is_end = [&](size_t p) {
    return text[p] == '\n' || text.substr(p, 3) == "。" || text.substr(p, 3) == "！" || text.substr(p, 3) == "？";
  };
  size_t b = begin;
  bool cut_front = false;
  while (b > 0) {
    const size_t q = text::AlignToCharStart(text, b - 1);
    if (is_end(q)) break;
    if (begin - q > kSentenceReach) {
      cut_front = true;
      break;
    }
    b = q;
  }
  size_t e = end;
  bool cut_back = false;
  while (e < text.size()) {
    if (is_end(e)) {
      if (text[e] != '\n') e += 3;
      break;
    }
    if (e - end > kSentenceReach && !text::IsContinuationByte(text[e])) {
      cut_back = true;
      break;
    }
    ++e;
  }
  std::string out = cut_front ? "…" : "";
  std::string_view body = text.substr(b, e - b);
  while (!body.empty() && (body.front() == ' ' || body.front() == '\t' || body.front() == '\r')) body.remove_prefix(1);
  while (body.substr(0, 3) == "\u3000") body.remove_prefix(3);
  out.append(body);
  if (cut_back) out += "…";
  return out;
}

// "2024年工作回顾 / 着力扩大国内需求": the headings along a section path.
std::string HeadingPath(const Report& report, const SectionPath& path) {
  std::string out;
  const std::vector<Section>* level = &report.sections;
  for (int i : path) {
    if (i < 0 || i >= static_cast<int>(level->size())) break;
    const Section& s = (*level)[i];
    if (!out.empty()) out += " / ";
    out += s.heading.empty() ? s.marker : s.heading;
    level = &s.children;
  }
  return out;
}

// A date's start (DateFact) or end (DatePoint), as yyyy-mm-dd with what is known.
template <typename Date>
std::string DateText(const Date& d) {
  if (d.year_masked || (!d.year && !d.month && !d.day)) return "";
  char buf[32];
  std::string out = d.year ? std::to_string(*d.year) : "";
  if (d.month) {
    std::snprintf(buf, sizeof buf, "%s%02d", out.empty() ? "--" : "-", *d.month);
    out += buf;
    if (d.day) {
      std::snprintf(buf, sizeof buf, "-%02d", *d.day);
      out += buf;
    }
  }
  return out;
}

}  // namespace

std::string FactsCsvHeader(const std::vector<std::string>& meta_columns) {
  static constexpr std::string_view kColumns[] = {
      "document", "line", "fact", "section", "subject", "text", "value", "upper", "unit", "kind", "direction",
      "baseline", "qualifiers", "begin", "end", "repaired", "title", "issuer", "year", "role", "canonical",
      "headings", "date", "sentence"};
  // A corpus column named like one of ours (its own year, title) is written as corpus_<name>, as
  // `wenshu targets` does: a header with a name twice makes readers keep one of the two (csv.DictReader
  // the last, pandas renames it year.1).
  std::vector<std::string> names;
  for (const std::string& c : meta_columns) {
    const bool taken = std::find(std::begin(kColumns), std::end(kColumns), c) != std::end(kColumns);
    names.push_back(taken ? "corpus_" + c : c);
  }
  std::string out;
  bool first = true;
  for (std::string_view c : kColumns) {
    if (!first) out.push_back(',');
    first = false;
    AppendField(out, c);
  }
  AppendRow(out, {}, names);
  return out;
}

std::string FactsCsvRows(const Report& report, const std::vector<std::string>& meta_columns) {
  std::string out;
  const std::string& document = report.source.id.empty() ? report.source.name : report.source.id;
  const std::string line = report.source.line > 0 ? std::to_string(report.source.line) : "";
  const std::string title = report.title.value_or("");
  const std::string issuer = report.issuer.value_or("");
  const std::string year =
      report.period.year && !report.period.year_masked ? std::to_string(*report.period.year) : "";
  auto sentence = [&](Span span) {
    return Sentence(report.text, RepairedOffset(report, span.begin), RepairedOffset(report, span.end));
  };
  // The facts in text order: quantities, changes and dates merged by where they start (a change before
  // the quantity it contains when both start at one byte, as they are listed).
  struct Ref {
    size_t begin;
    int list;  // 0 change, 1 quantity, 2 date
    size_t index;
  };
  std::vector<Ref> order;
  order.reserve(report.quantities.size() + report.changes.size() + report.dates.size());
  for (size_t i = 0; i < report.changes.size(); ++i) order.push_back({report.changes[i].span.begin, 0, i});
  for (size_t i = 0; i < report.quantities.size(); ++i) order.push_back({report.quantities[i].span.begin, 1, i});
  for (size_t i = 0; i < report.dates.size(); ++i) order.push_back({report.dates[i].span.begin, 2, i});
  std::stable_sort(order.begin(), order.end(), [](const Ref& a, const Ref& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.list < b.list;
  });
  for (const Ref& ref : order) {
    if (ref.list == 1) {
      const Quantity& q = report.quantities[ref.index];
      AppendRow(out, {document, line, "quantity", SectionLabel(report, q.section), q.subject,
                      q.text, q.value.ToString(), q.upper ? q.upper->ToString() : "", q.unit,
                      QuantityKindName(q.kind), "", "", absl::StrJoin(q.qualifiers, " "),
                      std::to_string(q.span.begin), std::to_string(q.span.end), q.repaired ? "true" : "false",
                      title, issuer, year, q.role, q.canonical, HeadingPath(report, q.section), "",
                      sentence(q.span)},
                meta_columns, &report);
    } else if (ref.list == 0) {
      const Change& c = report.changes[ref.index];
      AppendRow(out, {document, line, "change", SectionLabel(report, c.section), c.subject, c.text,
                      c.value.ToString(), c.upper ? c.upper->ToString() : "", c.unit,
                      QuantityKindName(c.kind), ChangeDirectionName(c.direction), c.baseline,
                      absl::StrJoin(c.qualifiers, " "), std::to_string(c.span.begin),
                      std::to_string(c.span.end), c.repaired ? "true" : "false", title, issuer, year, c.role,
                      c.canonical, HeadingPath(report, c.section), "", sentence(c.span)},
                meta_columns, &report);
    } else {
      const DateFact& d = report.dates[ref.index];
      std::string date = DateText(d);
      if (d.end) date += "/" + DateText(*d.end);
      if (!d.part.empty()) date += (date.empty() ? "" : " ") + d.part;  // H1, Q2, months, spring ...
      AppendRow(out, {document, line, "date", SectionLabel(report, d.section), "", d.text, "", "", "", "",
                      "", "", "", std::to_string(d.span.begin), std::to_string(d.span.end),
                      d.repaired ? "true" : "false", title, issuer, year, d.role, "",
                      HeadingPath(report, d.section), date, sentence(d.span)},
                meta_columns, &report);
    }
  }
  return out;
}

}  // namespace wenshu
