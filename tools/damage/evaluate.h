// Measures the number and percent repairs against a damaged set with its truth (damage.h), and the
// false-change rate on clean originals.
#ifndef WENSHU_TOOLS_DAMAGE_EVALUATE_H_
#define WENSHU_TOOLS_DAMAGE_EVALUATE_H_

#include <ostream>
#include <string>
#include <vector>

#include "damage/damage.h"

namespace wenshu::damage {

struct Metrics {
  size_t documents = 0;
  size_t masked_documents = 0;   // truth: at least one masked ten or year
  size_t diagnosed_masked = 0;   // diagnosis.masked_numbers on a truly masked document
  size_t diagnosed_falsely = 0;  // diagnosis.masked_numbers on a document without the mask
  size_t ten_true_positive = 0;
  size_t ten_false_positive = 0;
  size_t ten_false_negative = 0;
  size_t years = 0, years_kept = 0, years_flagged = 0;
  // Masked years in documents that also show two or more masked tens. A document whose only sign is
  // a masked year, or one masked ten among surviving 10s, cannot be told from a clean report.
  size_t years_detectable = 0, years_detectable_flagged = 0;
  size_t percents = 0, percents_restored = 0, percent_false_inserts = 0;
  size_t clean_documents = 0, clean_documents_changed = 0, clean_changes = 0;
  size_t clean_documents_diagnosed = 0, clean_year_flags = 0;  // the mask seen in a clean report
  size_t roundtrip_failures = 0;
  std::vector<std::string> examples;  // misses and false changes, with context

  double TenPrecision() const;
  double TenRecall() const;
  double YearsKept() const;
  double YearsFlagged() const;
  double DetectableYearsFlagged() const;
  double PercentRecall() const;
  double PercentPrecision() const;
};

struct Targets {
  double ten_precision = 0.98;
  double ten_recall = 0.95;
  double years_kept = 1.0;
  // Every masked year is kept (no exception). Flagged: 100% is the aim; a document with two weak signs
  // among surviving 10s is deliberately not called masked (a clean report can look like that), so
  // its years go unflagged. The check allows that 1%; the report prints the exact figure.
  double years_flagged = 0.99;
  double percent_recall = 0.90;
  size_t clean_changes = 0;
};

// Repairs every damaged document and compares with its truth.
void EvaluateDamaged(const std::vector<DamagedDocument>& docs, Metrics* metrics, size_t max_examples);
// Repairs every clean text and counts changes to digits or percent signs (there must be none).
void EvaluateClean(const std::vector<std::string>& names, const std::vector<std::string>& texts,
                   Metrics* metrics, size_t max_examples);

void PrintReport(const Metrics& metrics, std::ostream& out);
// An empty list when every target is met; otherwise one line per failed target.
std::vector<std::string> CheckTargets(const Metrics& metrics, const Targets& targets);

}  // namespace wenshu::damage

#endif  // WENSHU_TOOLS_DAMAGE_EVALUATE_H_
