// The facts of a report as RFC 4180 CSV: one row per quantity and per change.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
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

}  // namespace

std::string FactsCsvHeader(const std::vector<std::string>& meta_columns) {
  std::string out;
  AppendRow(out, {"document", "line", "fact", "section", "subject", "text", "value", "upper", "unit", "kind",
                  "direction", "baseline", "qualifiers", "begin", "end", "repaired"},
            meta_columns);
  return out;
}

std::string FactsCsvRows(const Report& report, const std::vector<std::string>& meta_columns) {
  std::string out;
  const std::string& document = report.source.id.empty() ? report.source.name : report.source.id;
  const std::string line = report.source.line > 0 ? std::to_string(report.source.line) : "";
  for (const ReportQuantity& q : report.quantities) {
    AppendRow(out, {document, line, "quantity", SectionLabel(report, q.section), q.subject.value_or(""),
                    q.text, q.value.ToString(), q.upper ? q.upper->ToString() : "", q.unit.value_or(""),
                    QuantityKindName(q.kind), "", "", absl::StrJoin(q.qualifiers, " "),
                    std::to_string(q.span.begin), std::to_string(q.span.end), q.repaired ? "true" : "false"},
              meta_columns, &report);
  }
  for (const ReportChange& c : report.changes) {
    AppendRow(out, {document, line, "change", SectionLabel(report, c.section), c.subject.value_or(""), c.text,
                    c.value.ToString(), c.upper ? c.upper->ToString() : "", c.unit.value_or(""),
                    QuantityKindName(c.kind), ChangeDirectionName(c.direction), c.baseline,
                    absl::StrJoin(c.qualifiers, " "), std::to_string(c.span.begin),
                    std::to_string(c.span.end), c.repaired ? "true" : "false"},
              meta_columns, &report);
  }
  return out;
}

}  // namespace wenshu
