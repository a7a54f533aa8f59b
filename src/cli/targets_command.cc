// `wenshu targets`: the targets of any inputs as the tables analysts build by hand (docs/targets.md):
//   wide     one row per document, one column per canonical indicator (5%左右, 4.5-5%)
//   long     one row per target, with the document's id, title, issuer, year and corpus fields
//   compare  a series of one issuer's reports: the target for year Y from report Y beside the actual for
//            Y stated in the review of report Y+1, and whether it was met
// The inputs are read and parsed as `wenshu parse` reads them (the same flags); only each document's
// targets and its actual figures are kept, so memory grows with the number of targets, not of bytes.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/documents.h"
#include "cli/flags.h"
#include "cli/output.h"
#include "cli/signals.h"
#include "wenshu/input.h"
#include "wenshu/report.h"

namespace wenshu::cli {
namespace {

constexpr char kTargetsUsage[] =
    "usage: wenshu targets [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "The targets of each report (its main expected targets: 地区生产总值增长5%左右 ...) as a table.\n"
    "Inputs as for `wenshu parse` (documents, directories, JSONL/JSON/CSV/TSV corpora).\n"
    "\n"
    "tables:\n"
    "      --table wide      one row per document, one column per indicator of its main targets\n"
    "                        (default)\n"
    "      --long            one row per target (--table long): document id, title, issuer, year,\n"
    "                        corpus fields, indicator, canonical, value, upper, unit, qualifier, kind,\n"
    "                        tier, year, text, begin, end\n"
    "      --compare         target vs actual (--table compare): for each issuer, the target for year Y\n"
    "                        from its report of year Y beside the actual for Y from the review of its\n"
    "                        report of year Y+1, with met, missed or unknown (rule: docs/targets.md)\n"
    "  -f, --format FMT      csv (default) or md (a Markdown table to read)\n"
    "\n"
    "input and parse options (see wenshu parse --help): -o, -j, --jsonl, --input-format, --encoding,\n"
    "--text-field, --id-field, --title-field, --max-bytes, --disable, --no-checks, -v, -q\n"
    "\n"
    "Exit status: 0 all documents parsed, 1 some input failed, 2 usage error, 130 interrupted.\n";

// The canonical ids in the order of the documented vocabulary (docs/schema.md): the wide table's
// columns, those present in some document.
constexpr std::string_view kVocabulary[] = {
    "gdp_growth", "cpi", "urban_new_jobs", "urban_unemployment_surveyed", "urban_unemployment_registered",
    "fiscal_revenue_growth", "fixed_asset_investment_growth", "retail_sales_growth",
    "industrial_value_added_growth", "foreign_trade_growth", "resident_income_growth", "urban_income_growth",
    "rural_income_growth", "grain_output", "energy_intensity", "carbon_intensity", "rd_intensity",
    "rd_spending_growth", "urbanization_rate", "pm25", "primary_industry_growth", "secondary_industry_growth",
    "tertiary_industry_growth", "poverty_reduction", "fiscal_deficit_ratio", "m2_growth"};

// Indicators where less is better: a target for them is a ceiling even when written 3%左右.
constexpr std::string_view kLowerIsBetter[] = {"cpi", "urban_unemployment_surveyed",
                                               "urban_unemployment_registered", "fiscal_deficit_ratio", "pm25"};
// 左右 / 约 / 上下 / no qualifier: the actual may fall short of the figure by this share of it and still
// meet it (5%左右 is met by 4.9%, missed by 4.8%; 3%左右 as a ceiling is met up to 3.06%). 2% of the
// figure is 0.1 point of a 5% growth target: the rounding of the statistics office's first estimate.
constexpr double kAroundTolerance = 0.02;
constexpr std::string_view kFloorQualifiers[] = {"以上", "不低于", "超过", "不少于", "高于"};
constexpr std::string_view kCeilingQualifiers[] = {"以内", "以下", "不超过", "不高于", "低于"};

template <size_t N>
bool In(std::string_view s, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), s) != std::end(words);
}

// An actual figure of a review: a change (growth with its direction) or a level.
struct Actual {
  std::string canonical;
  std::string subject;
  std::string text;
  bool change = false;
  bool increase = true;
  Decimal value;
  std::string unit;
  Span span;
};

struct Document {
  std::string id;  // source id, else name
  std::string title, issuer;
  std::optional<int> year;
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<Target> targets;
  std::vector<Actual> actuals;  // text order, from the review sections
};

// Words before a review's figure that make it a figure of several years (五年来城镇新增就业6600万人以上,
// 国内生产总值年均增长7.8%), not the one year a target was for.
constexpr std::string_view kSeveralYears[] = {"五年", "年均", "累计", "十一五", "十二五", "十三五", "十四五",
                                              "十五五", "以来", "多年", "历史"};
// How far back in its sentence those words and a year are looked for (as the fact roles: 160 bytes).
constexpr size_t kContextBytes = 160;

// The text before a fact in its sentence (at most kContextBytes), in the repaired text: the original
// offset is shifted by what the repairs before it added or removed.
std::string_view ContextBefore(const Report& r, size_t original) {
  int64_t shift = 0;
  for (const RepairRecord& rec : r.repairs) {
    if (rec.span.end > original) break;
    shift += static_cast<int64_t>(rec.after.size()) - static_cast<int64_t>(rec.span.size());
  }
  const std::string_view text = r.text;
  const size_t end = static_cast<size_t>(std::clamp<int64_t>(static_cast<int64_t>(original) + shift, 0,
                                                             static_cast<int64_t>(text.size())));
  size_t begin = end > kContextBytes ? end - kContextBytes : 0;
  for (std::string_view stop : {"。", "！", "？", "；", "\n"}) {
    const size_t at = text.substr(0, end).rfind(stop);
    if (at != std::string_view::npos && at + stop.size() > begin) begin = at + stop.size();
  }
  return text.substr(begin, end - begin);
}

// Words that name the one year a review reports: in a review of several years (过去五年工作回顾) a
// figure counts only with one of these or the year itself before it.
constexpr std::string_view kOneYear[] = {"过去一年", "去年", "全年", "一年来", "上年"};

// Whether the sentence before a review's figure says it is for the year `year` (and no other): no
// several-years word, and every year it names is `year`; when `explicit_year` (the review covers
// several years), it must also name that year or say 过去一年, 去年, 全年.
bool ForYear(std::string_view context, int year, bool explicit_year) {
  for (std::string_view w : kSeveralYears) {
    if (context.find(w) != std::string_view::npos) return false;
  }
  bool named = false;
  for (std::string_view w : kOneYear) named |= context.find(w) != std::string_view::npos;
  named |= context.find(std::to_string(year) + "年") != std::string_view::npos;
  if (explicit_year && !named) return false;
  for (size_t at = context.find("年"); at != std::string_view::npos; at = context.find("年", at + 1)) {
    if (at < 4) continue;
    const std::string_view digits = context.substr(at - 4, 4);
    if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        std::stoi(std::string(digits)) != year) {
      return false;
    }
  }
  return true;
}

Document Summarize(Report&& r) {
  Document d;
  d.id = r.source.id.empty() ? r.source.name : r.source.id;
  if (r.source.line > 0 && r.source.id.empty()) d.id += ":" + std::to_string(r.source.line);
  d.title = r.title.value_or("");
  d.issuer = r.issuer.value_or("");
  d.year = r.period.year_masked ? std::nullopt : r.period.year;
  d.meta = std::move(r.source.meta);
  d.targets = std::move(r.targets);
  auto in_review = [&](const SectionPath& s) {
    return !s.empty() && s[0] < static_cast<int>(r.sections.size()) && r.sections[s[0]].role == "review";
  };
  // A review of several years (过去五年工作回顾, 过去一年和五年工作回顾).
  auto several_years = [&](const SectionPath& s) {
    for (std::string_view w : kSeveralYears) {
      if (r.sections[s[0]].heading.find(w) != std::string::npos) return true;
    }
    return false;
  };
  // A review reports the year before the report's.
  const int reviewed = d.year.value_or(0) - 1;
  for (const Change& c : r.changes) {
    if (c.role != "actual" || c.canonical == "other" || !in_review(c.section) ||
        !ForYear(ContextBefore(r, c.span.begin), reviewed, several_years(c.section))) {
      continue;
    }
    d.actuals.push_back({std::string(c.canonical), std::string(c.subject), std::string(c.text), true,
                         c.direction == ChangeDirection::kIncrease, c.value, std::string(c.unit), c.span});
  }
  for (const Quantity& q : r.quantities) {
    if (q.role != "actual" || q.canonical == "other" || !in_review(q.section) ||
        !ForYear(ContextBefore(r, q.span.begin), reviewed, several_years(q.section))) {
      continue;
    }
    d.actuals.push_back({std::string(q.canonical), std::string(q.subject), std::string(q.text), false, true,
                         q.value, std::string(q.unit), q.span});
  }
  std::stable_sort(d.actuals.begin(), d.actuals.end(),
                   [](const Actual& a, const Actual& b) { return a.span.begin < b.span.begin; });
  return d;
}

// 5%左右, 4.5-5%, 12000000人以上.
std::string Cell(const Target& t) {
  if (!t.value) return "";
  std::string v = t.value->ToString();
  if (t.upper) v += "-" + t.upper->ToString();
  if (t.unit) v += *t.unit;
  return v + t.qualifier.value_or("");
}

// Writes rows as CSV (RFC 4180) or a Markdown table.
class Table {
 public:
  explicit Table(bool markdown) : markdown_(markdown) {}
  void Row(const std::vector<std::string>& cells) {
    if (markdown_) {
      out_ += "|";
      for (const std::string& c : cells) {
        out_ += " ";
        for (char ch : c) {
          if (ch == '|') {
            out_ += "\\|";
          } else if (ch == '\n' || ch == '\r') {
            out_ += ' ';
          } else {
            out_ += ch;
          }
        }
        out_ += " |";
      }
      out_ += "\n";
      if (!header_done_) {
        out_ += "|";
        for (size_t i = 0; i < cells.size(); ++i) out_ += " --- |";
        out_ += "\n";
      }
    } else {
      for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out_ += ',';
        const std::string& c = cells[i];
        if (c.find_first_of(",\"\r\n") == std::string::npos) {
          out_ += c;
        } else {
          out_ += '"';
          for (char ch : c) {
            if (ch == '"') out_ += '"';
            out_ += ch;
          }
          out_ += '"';
        }
      }
      out_ += "\r\n";
    }
    header_done_ = true;
  }
  const std::string& text() const { return out_; }

 private:
  bool markdown_;
  bool header_done_ = false;
  std::string out_;
};

std::string Str(const std::optional<Decimal>& d) { return d ? d->ToString() : ""; }
std::string Str(const std::optional<int>& i) { return i ? std::to_string(*i) : ""; }

std::vector<std::string> MetaColumns(const std::vector<Document>& docs) {
  std::vector<std::string> columns;
  for (const Document& d : docs) {
    for (const auto& [k, v] : d.meta) {
      if (std::find(columns.begin(), columns.end(), k) == columns.end()) columns.push_back(k);
    }
  }
  return columns;
}

// A corpus column named like a column of the tables (its own title, year) is written as corpus_<name>.
constexpr std::string_view kFixedColumns[] = {"document", "title", "issuer", "year", "report_year", "indicator",
                                              "canonical", "value", "upper", "unit", "qualifier", "kind",
                                              "tier", "text", "begin", "end"};

std::vector<std::string> MetaHeader(const std::vector<std::string>& columns) {
  std::vector<std::string> out;
  for (const std::string& c : columns) out.push_back(In(c, kFixedColumns) ? "corpus_" + c : c);
  return out;
}

void AppendMeta(const Document& d, const std::vector<std::string>& columns, std::vector<std::string>* row) {
  for (const std::string& c : columns) {
    std::string value;
    for (const auto& [k, v] : d.meta) {
      if (k == c) {
        value = v;
        break;
      }
    }
    row->push_back(std::move(value));
  }
}

std::string WideTable(const std::vector<Document>& docs, bool markdown) {
  std::vector<std::string_view> present;
  for (std::string_view id : kVocabulary) {
    for (const Document& d : docs) {
      bool has = false;
      for (const Target& t : d.targets) has |= t.canonical == id && t.value.has_value() && t.tier == "main";
      if (has) {
        present.push_back(id);
        break;
      }
    }
  }
  const std::vector<std::string> meta = MetaColumns(docs);
  Table table(markdown);
  std::vector<std::string> head = {"document", "title", "issuer", "year"};
  for (std::string& c : MetaHeader(meta)) head.push_back(std::move(c));
  head.insert(head.end(), present.begin(), present.end());
  table.Row(head);
  for (const Document& d : docs) {
    std::vector<std::string> row = {d.id, d.title, d.issuer, Str(d.year)};
    AppendMeta(d, meta, &row);
    for (std::string_view id : present) {
      std::string cell;
      for (const Target& t : d.targets) {  // the first figure of the indicator among the main targets
        if (t.canonical == id && t.value && t.tier == "main") {
          cell = Cell(t);
          break;
        }
      }
      row.push_back(std::move(cell));
    }
    table.Row(row);
  }
  return table.text();
}

std::string LongTable(const std::vector<Document>& docs, bool markdown) {
  const std::vector<std::string> meta = MetaColumns(docs);
  Table table(markdown);
  std::vector<std::string> head = {"document", "title", "issuer", "report_year"};
  for (std::string& c : MetaHeader(meta)) head.push_back(std::move(c));
  for (std::string_view c : {"indicator", "canonical", "value", "upper", "unit", "qualifier", "kind", "tier",
                             "year", "text", "begin", "end"}) {
    head.emplace_back(c);
  }
  table.Row(head);
  for (const Document& d : docs) {
    for (const Target& t : d.targets) {
      std::vector<std::string> row = {d.id, d.title, d.issuer, Str(d.year)};
      AppendMeta(d, meta, &row);
      for (std::string v : {t.indicator, t.canonical, Str(t.value), Str(t.upper), t.unit.value_or(""),
                            t.qualifier.value_or(""), t.kind, t.tier, Str(t.year), t.text,
                            std::to_string(t.span.begin), std::to_string(t.span.end)}) {
        row.push_back(std::move(v));
      }
      table.Row(row);
    }
  }
  return table.text();
}

// A level that is a growth rate: 居民消费价格涨幅, 工业增加值增速 (not 贡献率, 比重).
bool IsRateSubject(std::string_view subject) {
  for (std::string_view w : {"涨幅", "增幅", "增速", "增长率"}) {
    if (subject.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// The actual for a target: the first figure of the review with the target's indicator and shape. A
// growth or reduction target takes a change in % (signed: 下降0.3% is −0.3 for a growth target, +0.3
// for a reduction); a level or a cap takes a level in the target's unit.
std::optional<double> MatchActual(const Target& t, const Document& next, const Actual** found) {
  const bool rate = t.kind == "growth" || t.kind == "reduction";
  for (const Actual& a : next.actuals) {
    if (a.canonical != t.canonical) continue;
    if (rate) {
      if (a.unit != "%") continue;
      if (a.change) {
        *found = &a;
        const bool with_target = a.increase == (t.kind == "growth");
        return with_target ? a.value.ToDouble() : -a.value.ToDouble();
      }
      if (t.kind == "growth" && IsRateSubject(a.subject)) {  // 居民消费价格涨幅0.2%: a level that is a rate
        *found = &a;
        return a.value.ToDouble();
      }
      continue;
    }
    if (a.change || a.unit != t.unit.value_or("")) continue;
    *found = &a;
    return a.value.ToDouble();
  }
  return std::nullopt;
}

// met / missed by the rule of docs/targets.md; *rule says what the actual was held to.
std::string Judge(const Target& t, double actual, std::string* rule) {
  const double low = t.value->ToDouble();
  const double high = t.upper ? t.upper->ToDouble() : low;
  const std::string q = t.qualifier.value_or("");
  const bool lower_better = In(t.canonical, kLowerIsBetter) || In(q, kCeilingQualifiers);
  auto fmt = [](double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", x);
    return std::string(buf);
  };
  bool met;
  if (In(q, kFloorQualifiers)) {
    met = actual >= low;
    *rule = ">= " + fmt(low);
  } else if (In(q, kCeilingQualifiers)) {
    met = actual <= high;
    *rule = "<= " + fmt(high);
  } else if (t.upper) {  // a range: its far end for a ceiling, its near end otherwise
    met = lower_better ? actual <= high : actual >= low;
    *rule = lower_better ? "<= " + fmt(high) : ">= " + fmt(low);
  } else {  // 左右, 约, or a bare figure: within the tolerance
    const double slack = std::fabs(low) * kAroundTolerance;
    met = lower_better ? actual <= low + slack : actual >= low - slack;
    *rule = lower_better ? "<= " + fmt(low + slack) : ">= " + fmt(low - slack);
  }
  return met ? "met" : "missed";
}

std::string CompareTable(const std::vector<Document>& docs, bool markdown, size_t* with_actual, size_t* rows) {
  // issuer -> year -> the first document of that year
  std::map<std::string, std::map<int, const Document*>> series;
  for (const Document& d : docs) {
    if (d.year) series[d.issuer].emplace(*d.year, &d);
  }
  Table table(markdown);
  table.Row({"issuer", "year", "canonical", "indicator", "target", "value", "upper", "unit", "qualifier",
             "kind", "actual", "actual_text", "status", "rule", "target_document", "actual_document",
             "target_begin", "target_end", "actual_begin", "actual_end"});
  for (const auto& [issuer, years] : series) {
    for (const auto& [year, doc] : years) {
      std::vector<std::string> seen;
      for (const Target& t : doc->targets) {
        if (!t.value || t.canonical == "other" || t.tier != "main") continue;
        if (std::find(seen.begin(), seen.end(), t.canonical) != seen.end()) continue;
        seen.push_back(t.canonical);
        const int for_year = t.year.value_or(year);
        auto next = years.find(for_year + 1);
        const Actual* a = nullptr;
        std::optional<double> actual;
        if (next != years.end()) actual = MatchActual(t, *next->second, &a);
        std::string rule;
        const std::string status = actual ? Judge(t, *actual, &rule) : "unknown";
        char buf[64] = "";
        if (actual) std::snprintf(buf, sizeof buf, "%.10g", *actual);
        ++*rows;
        if (actual) ++*with_actual;
        table.Row({issuer, std::to_string(for_year), t.canonical, t.indicator, Cell(t), Str(t.value),
                   Str(t.upper), t.unit.value_or(""), t.qualifier.value_or(""), t.kind, buf,
                   a ? a->text : "", status, rule, doc->id, next != years.end() ? next->second->id : "",
                   std::to_string(t.span.begin), std::to_string(t.span.end),
                   a ? std::to_string(a->span.begin) : "", a ? std::to_string(a->span.end) : ""});
      }
    }
  }
  return table.text();
}

int UsageError(const std::string& message) { return cli::UsageError("targets", message); }

int RunTargets(int argc, char** argv) {
  TargetsFlags flags;
  std::string error;
  switch (ParseFlagsForTargets(argc, argv, &flags, &error)) {
    case FlagsOutcome::kHelp: return PrintToStdout(kTargetsUsage);
    case FlagsOutcome::kUsageError: return UsageError(error);
    case FlagsOutcome::kRun: break;
  }
  const ParseFlags& pf = flags.parse;
  if (pf.format != Format::kAuto) return UsageError("--format is csv or md for targets");
  std::vector<std::string> inputs = pf.inputs;
  if (inputs.empty()) {
    if (isatty(STDIN_FILENO)) return UsageError("no input (give files, directories, or - for standard input)");
    inputs.push_back("-");
  }
  InstallSignalHandlers();

  InputOptions input_options = InputOptionsOf(pf);
  input_options.json_meta = true;  // a JSONL corpus's own fields are columns, as a CSV corpus's are

  Output out;
  if (!out.Open(pf.output)) {
    if (out.state() == Output::State::kInterrupted) return ReportInterruptedOpen(pf.output);
    std::fprintf(stderr, "wenshu: %s\n", out.error().c_str());
    return 1;
  }
  for (const std::string& in : inputs) {
    if (out.Overwrites(in)) return RefuseInputAsOutput(in == "-" ? "<stdin>" : in, out.path());
  }

  // Documents are parsed in batches on the worker threads; each keeps only its summary.
  ParseOptions base_options = ParseOptionsOf(pf);
  base_options.run_checks = false;  // the tables use no check
  const unsigned workers = pf.jobs != 0 ? pf.jobs : std::max(1u, std::thread::hardware_concurrency());
  const size_t batch_size = 4 * static_cast<size_t>(workers);
  std::vector<Document> docs;
  int failures = 0;
  std::vector<InputDocument> batch;
  auto flush = [&] {
    std::vector<std::optional<Document>> done(batch.size());
    std::vector<std::string> errors(batch.size()), warnings(batch.size());
    std::vector<std::thread> threads;
    std::atomic<size_t> next{0};
    for (unsigned w = 0; w < std::min<size_t>(workers, batch.size()); ++w) {
      threads.emplace_back([&] {
        for (size_t i = next++; i < batch.size(); i = next++) {
          DocumentToParse d = ToParse(base_options, std::move(batch[i]));
          warnings[i] = std::move(d.warning);
          if (!d.error.empty()) {
            errors[i] = std::move(d.error);
            continue;
          }
          try {
            absl::StatusOr<Report> r = Parse(d.text, d.options);
            if (!r.ok()) {
              errors[i] = d.where + ": " + std::string(r.status().message());
            } else {
              done[i] = Summarize(std::move(*r));
            }
          } catch (const std::bad_alloc&) {
            errors[i] = d.where + ": out of memory";
          }
        }
      });
    }
    for (std::thread& t : threads) t.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!warnings[i].empty()) std::fprintf(stderr, "wenshu: %s\n", warnings[i].c_str());
      if (!errors[i].empty()) {
        std::fprintf(stderr, "wenshu: %s\n", errors[i].c_str());
        ++failures;
      } else if (done[i]) {
        docs.push_back(std::move(*done[i]));
      }
    }
    batch.clear();
  };
  for (const std::string& in : inputs) {
    if (g_interrupt_signal.load() != 0) break;
    std::vector<std::string> paths;
    struct stat st {};
    if (in != "-" && ::stat(in.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      WalkResult walk = WalkDirectory(in, &g_interrupt_signal);
      for (const std::string& e : walk.errors) std::fprintf(stderr, "wenshu: %s\n", e.c_str());
      failures += static_cast<int>(walk.errors.size());
      if (pf.verbose) {
        for (const std::string& n : walk.notes) std::fprintf(stderr, "wenshu: %s\n", n.c_str());
      }
      for (WalkEntry& e : walk.files) paths.push_back(std::move(e.path));
    } else {
      paths.push_back(in);
    }
    for (const std::string& path : paths) {
      InputOptions options = input_options;
      if (options.format == InputFormat::kAuto && path != "-") options.format = FormatFromPath(path);
      uint64_t documents = 0;
      const absl::Status status = ReadInput(
          path, options,
          [&](InputDocument&& doc) {
            ++documents;
            batch.push_back(std::move(doc));
            if (batch.size() >= batch_size) flush();
            return g_interrupt_signal.load() == 0;
          },
          &g_interrupt_signal);
      if (!status.ok() && !absl::IsCancelled(status) && g_interrupt_signal.load() == 0) {
        std::fprintf(stderr, "wenshu: %s\n", std::string(status.message()).c_str());
        ++failures;
      } else if (status.ok() && documents == 0) {
        flush();  // the documents before it are said first, in input order
        std::fprintf(stderr, "wenshu: %s\n", NoDocumentWarningFor(path).c_str());
      }
    }
  }
  flush();
  if (const int sig = g_interrupt_signal.load(); sig != 0) {
    out.Abandon();
    std::fprintf(stderr, "\nwenshu: interrupted; nothing was written\n");
    return 128 + sig;
  }

  std::string text;
  switch (flags.table) {
    case TargetsFlags::Table::kWide: text = WideTable(docs, flags.markdown); break;
    case TargetsFlags::Table::kLong: text = LongTable(docs, flags.markdown); break;
    case TargetsFlags::Table::kCompare: {
      size_t with_actual = 0, rows = 0;
      text = CompareTable(docs, flags.markdown, &with_actual, &rows);
      if (pf.progress != 0) {
        std::fprintf(stderr, "wenshu: %zu of %zu targets have an actual in the next year's report\n",
                     with_actual, rows);
      }
      break;
    }
  }
  out.Write(text);
  return out.Finish(failures > 0 ? 1 : 0);
}

}  // namespace

int TargetsCommand(int argc, char** argv) { return RunTargets(argc, argv); }

}  // namespace wenshu::cli
