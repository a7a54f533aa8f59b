#include "damage/evaluate.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "wenshu/repair.h"

namespace wenshu::damage {
namespace {

double Ratio(size_t a, size_t b) { return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b); }

bool HasDigitOrPercent(const std::string& s) {
  return s.find_first_of("0123456789%") != std::string::npos || s.find("％") != std::string::npos;
}

bool IsNumberRule(const std::string& rule) {
  return rule.rfind("number.", 0) == 0 || rule.rfind("percent.", 0) == 0;
}

std::string Context(const std::string& text, Span span) {
  size_t b = span.begin >= 36 ? span.begin - 36 : 0;
  size_t e = std::min(text.size(), span.end + 30);
  // Widen to code point boundaries.
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  std::string out = text.substr(b, span.begin - b) + "⟦" + text.substr(span.begin, span.size()) + "⟧" +
                    text.substr(span.end, e - span.end);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

double Metrics::TenPrecision() const {
  return Ratio(ten_true_positive, ten_true_positive + ten_false_positive);
}
double Metrics::TenRecall() const { return Ratio(ten_true_positive, ten_true_positive + ten_false_negative); }
double Metrics::YearsKept() const { return Ratio(years_kept, years); }
double Metrics::YearsFlagged() const { return Ratio(years_flagged, years); }
double Metrics::DetectableYearsFlagged() const { return Ratio(years_detectable_flagged, years_detectable); }
double Metrics::PercentRecall() const { return Ratio(percents_restored, percents); }
double Metrics::PercentPrecision() const {
  return Ratio(percents_restored, percents_restored + percent_false_inserts);
}

void EvaluateDamaged(const std::vector<DamagedDocument>& docs, Metrics* m, size_t max_examples) {
  auto example = [&](std::string line) {
    if (m->examples.size() < max_examples) m->examples.push_back(std::move(line));
  };
  for (const DamagedDocument& doc : docs) {
    ++m->documents;
    auto result = Repair(doc.damaged);
    if (!result.ok()) {
      example(doc.id + ": repair failed: " + std::string(result.status().message()));
      continue;
    }
    auto back = RevertRepairs(result->text, result->records);
    if (!back.ok() || *back != doc.damaged) ++m->roundtrip_failures;

    std::map<std::pair<size_t, size_t>, const TruthItem*> truth;
    bool masked = false;
    int tens_masked = 0;
    for (const TruthItem& t : doc.truth) {
      truth[{t.span.begin, t.span.end}] = &t;
      if (t.kind == "masked_ten" || t.kind == "masked_year") masked = true;
      if (t.kind == "masked_ten") ++tens_masked;
    }
    if (masked) ++m->masked_documents;
    if (result->diagnosis.masked_numbers) ++(masked ? m->diagnosed_masked : m->diagnosed_falsely);
    if (result->diagnosis.masked_numbers && !masked) {
      std::string where;
      for (Span e : result->diagnosis.mask_evidence) where += " ⟪" + Context(doc.damaged, e) + "⟫";
      example(doc.id + ": mask diagnosed without the mask:" + where);
    }

    std::map<std::pair<size_t, size_t>, const RepairRecord*> tens;
    for (const RepairRecord& r : result->records) {
      if (r.rule == "number.masked_ten") {
        tens[{r.span.begin, r.span.end}] = &r;
        auto it = truth.find({r.span.begin, r.span.end});
        if (it != truth.end() && it->second->kind == "masked_ten" && it->second->original == r.after) {
          ++m->ten_true_positive;
        } else {
          ++m->ten_false_positive;
          example(
              doc.id + ": false 10 " + r.before + "→" + r.after +
              (it != truth.end() ? " (truth " + it->second->kind + " " + it->second->original + ")" : "") +
              ": " + Context(doc.damaged, r.span));
        }
      } else if (r.rule == "percent.dropped") {
        auto it = truth.find({r.span.begin, r.span.end});
        if (it != truth.end() && it->second->kind == "dropped_percent") {
          ++m->percents_restored;
        } else {
          ++m->percent_false_inserts;
          example(doc.id + ": false % : " + Context(doc.damaged, r.span));
        }
      }
    }
    for (const TruthItem& t : doc.truth) {
      if (t.kind == "masked_ten") {
        auto it = tens.find({t.span.begin, t.span.end});
        if (it == tens.end() || it->second->after != t.original) {
          ++m->ten_false_negative;
          if (it == tens.end()) {
            example(doc.id + ": missed 10 " + t.text + "→" + t.original +
                    (result->diagnosis.masked_numbers ? "" : " (document not diagnosed)") + ": " +
                    Context(doc.damaged, t.span));
          }
        }
      } else if (t.kind == "masked_year") {
        ++m->years;
        bool changed =
            std::any_of(result->records.begin(), result->records.end(), [&](const RepairRecord& r) {
              return r.span.Overlaps(t.span) && HasDigitOrPercent(r.before + r.after);
            });
        bool flagged = std::any_of(result->flags.begin(), result->flags.end(), [&](const RepairFlag& f) {
          return f.rule == "number.masked_year" && f.span.Overlaps(t.span);
        });
        if (!changed) ++m->years_kept;
        if (flagged) ++m->years_flagged;
        if (tens_masked >= 2) {
          ++m->years_detectable;
          if (flagged) ++m->years_detectable_flagged;
        }
        if (changed || (!flagged && tens_masked >= 2)) {
          example(doc.id + (changed ? ": year changed " : ": year not flagged ") + t.text + " (" +
                  t.original + ")" + (result->diagnosis.masked_numbers ? "" : " (document not diagnosed)") +
                  ": " + Context(doc.damaged, t.span));
        }
      } else if (t.kind == "dropped_percent") {
        ++m->percents;
        bool restored = std::any_of(
            result->records.begin(), result->records.end(),
            [&](const RepairRecord& r) { return r.rule == "percent.dropped" && r.span == t.span; });
        if (!restored) example(doc.id + ": missed % : " + Context(doc.damaged, t.span));
      }
    }
  }
}

void EvaluateClean(const std::vector<std::string>& names, const std::vector<std::string>& texts, Metrics* m,
                   size_t max_examples) {
  for (size_t i = 0; i < texts.size(); ++i) {
    ++m->clean_documents;
    auto result = Repair(texts[i]);
    if (!result.ok()) continue;
    size_t changes = 0;
    for (const RepairRecord& r : result->records) {
      if (IsNumberRule(r.rule) || HasDigitOrPercent(r.before) || HasDigitOrPercent(r.after)) {
        ++changes;
        if (m->examples.size() < max_examples) {
          m->examples.push_back(names[i] + ": clean text changed by " + r.rule + " " + r.before + "→" +
                                r.after + ": " + Context(texts[i], r.span));
        }
      }
    }
    m->clean_changes += changes;
    if (result->diagnosis.masked_numbers) ++m->clean_documents_diagnosed;
    for (const RepairFlag& f : result->flags) m->clean_year_flags += f.rule == "number.masked_year";
    if (changes) ++m->clean_documents_changed;
  }
}

void PrintReport(const Metrics& m, std::ostream& out) {
  char line[256];
  auto row = [&](const char* name, double value, const std::string& detail) {
    std::snprintf(line, sizeof line, "  %-34s %7.4f  %s\n", name, value, detail.c_str());
    out << line;
  };
  out << "wenshu damage evaluation: " << m.documents << " damaged documents (" << m.masked_documents
      << " with the mask), " << m.clean_documents << " clean originals\n";
  row("masked-ten precision", m.TenPrecision(),
      std::to_string(m.ten_true_positive) + " right, " + std::to_string(m.ten_false_positive) + " wrong");
  row("masked-ten recall", m.TenRecall(), std::to_string(m.ten_false_negative) + " missed");
  row("masked years kept", m.YearsKept(), std::to_string(m.years_kept) + "/" + std::to_string(m.years));
  row("masked years flagged", m.YearsFlagged(),
      std::to_string(m.years_flagged) + "/" + std::to_string(m.years));
  row("  in documents with 2+ masked tens", m.DetectableYearsFlagged(),
      std::to_string(m.years_detectable_flagged) + "/" + std::to_string(m.years_detectable));
  row("dropped percent restored", m.PercentRecall(),
      std::to_string(m.percents_restored) + "/" + std::to_string(m.percents));
  row("percent insert precision", m.PercentPrecision(), std::to_string(m.percent_false_inserts) + " false");
  row("mask diagnosed (masked docs)", Ratio(m.diagnosed_masked, m.masked_documents),
      std::to_string(m.diagnosed_falsely) + " unmasked documents diagnosed");
  row("clean documents changed", Ratio(m.clean_documents_changed, m.clean_documents),
      std::to_string(m.clean_changes) + " digit/percent changes in " +
          std::to_string(m.clean_documents_changed) + " of " + std::to_string(m.clean_documents));
  row("clean documents diagnosed masked", Ratio(m.clean_documents_diagnosed, m.clean_documents),
      std::to_string(m.clean_year_flags) + " year flags on clean documents");
  out << "  round-trip failures                " << m.roundtrip_failures << "\n";
}

std::vector<std::string> CheckTargets(const Metrics& m, const Targets& t) {
  std::vector<std::string> failed;
  auto check = [&](bool ok, std::string what) {
    if (!ok) failed.push_back(std::move(what));
  };
  check(m.TenPrecision() >= t.ten_precision, "masked-ten precision below " + std::to_string(t.ten_precision));
  check(m.TenRecall() >= t.ten_recall, "masked-ten recall below " + std::to_string(t.ten_recall));
  check(m.YearsKept() >= t.years_kept, "not every masked year was kept");
  check(m.DetectableYearsFlagged() >= t.years_flagged,
        "not every masked year was flagged in documents showing two or more masked tens");
  check(m.PercentRecall() >= t.percent_recall,
        "dropped percent recall below " + std::to_string(t.percent_recall));
  check(m.clean_changes <= t.clean_changes, "digits or percent signs changed in clean documents");
  check(m.clean_documents_diagnosed == 0, "the mask was diagnosed in a clean document");
  check(m.roundtrip_failures == 0, "apply/revert round trip failed");
  return failed;
}

}  // namespace wenshu::damage
