// Measures the repairs against a damaged set with its truth (damage.h): masked numbers, dropped percent
// signs, and page and site furniture; and the false-change rate on clean originals.
#ifndef WENSHU_TOOLS_DAMAGE_EVALUATE_H_
#define WENSHU_TOOLS_DAMAGE_EVALUATE_H_

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "damage/damage.h"
#include "wenshu/repair.h"

namespace wenshu::damage {

// The rules that remove furniture: every rule whose id starts with "boilerplate.".
bool IsFurnitureRule(std::string_view rule);

// Whether removed text holds a sentence of a report: a line of 20 characters or more with sentence
// punctuation (。！？；) that is not a photo caption (…本报记者 某某 摄). Portal chrome never does.
bool HoldsReportSentence(std::string_view removed);

// Furniture of one truth kind (damage.h FurnitureKinds).
struct FurnitureCounts {
  size_t items = 0;
  // Removed exactly: after the furniture rules' records are applied, the text around the item is the
  // text without it (the item's `original`, or one of its `accepted` repairs), and no record reaches
  // into text that is not furniture. Records may split or shift a removal as long as the text comes out
  // the same (a page mark taken with the line break before it instead of the one after).
  size_t removed = 0;
  // Of removed: by an accepted alternative repair (a site header leaving one title line; a page mark or
  // footer after a sentence end leaving one line break).
  size_t accepted = 0;
  std::vector<std::string> misses;  // examples
  double Rate() const;
};

// The decisions of one masked-number cue (src/repair/number_cues.h) in documents diagnosed as masked.
struct CueCounts {
  size_t decisions = 0;
  size_t correct = 0;
};

struct Metrics {
  size_t documents = 0;
  size_t masked_documents = 0;   // truth: at least one masked ten or year
  size_t diagnosed_masked = 0;   // diagnosis.masked_numbers on a truly masked document
  size_t diagnosed_falsely = 0;  // diagnosis.masked_numbers on a document without the mask
  size_t ten_true_positive = 0;
  size_t ten_false_positive = 0;
  size_t ten_false_negative = 0;
  size_t years = 0, years_kept = 0, years_flagged = 0;
  size_t years_restored = 0;  // a masked year whose digits still tell it (202023年: 2010), restored exactly
  // Masked years in documents that also show two or more masked tens. A document whose only sign is
  // a masked year, or one masked ten among surviving 10s, cannot be told from a clean report.
  size_t years_detectable = 0, years_detectable_flagged = 0;
  size_t percents = 0, percents_restored = 0, percent_false_inserts = 0;
  size_t clean_documents = 0, clean_documents_changed = 0, clean_changes = 0;
  size_t clean_documents_diagnosed = 0, clean_year_flags = 0;  // the mask seen in a clean report
  size_t roundtrip_failures = 0;
  // By cue id. A ten decision is right when its reading is the original of a masked ten (or masked year)
  // at its span; a year or undecided decision is right when no masked ten is there (kept as written).
  std::map<std::string, CueCounts> cues;
  std::vector<std::string> examples;  // misses and false changes, with context

  std::map<std::string, FurnitureCounts> furniture;               // by truth kind
  size_t furniture_documents = 0, furniture_documents_exact = 0;  // damaged documents with furniture
  size_t furniture_false_bytes = 0;      // bytes furniture rules removed that were not furniture
  size_t furniture_false_documents = 0;  // damaged documents with such bytes
  size_t furniture_free_documents = 0;   // damaged documents without furniture ...
  size_t furniture_free_touched = 0;     // ... that a furniture rule touched
  std::vector<std::string> furniture_false_examples;
  size_t clean_furniture_documents = 0, clean_furniture_records = 0;  // clean originals a rule touched

  double TenPrecision() const;
  double TenRecall() const;
  double YearsKept() const;
  double YearsFlagged() const;
  double DetectableYearsFlagged() const;
  double PercentRecall() const;
  double PercentPrecision() const;
  FurnitureCounts FurnitureTotal() const;
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
  // Page and site furniture removed exactly, over every item of every kind. Not one byte that is not
  // furniture may go, and no clean original may be touched by a furniture rule.
  double furniture_removed = 0.98;
};

// Compares the records of the furniture rules (IsFurnitureRule) for one damaged document with its
// furniture truth; EvaluateDamaged calls it for every document.
void EvaluateFurniture(const DamagedDocument& doc, const std::vector<RepairRecord>& records, Metrics* metrics,
                       size_t max_examples);
// Repairs every damaged document and compares with its truth.
void EvaluateDamaged(const std::vector<DamagedDocument>& docs, Metrics* metrics, size_t max_examples);
// Repairs every clean text and counts changes to digits or percent signs (there must be none).
void EvaluateClean(const std::vector<std::string>& names, const std::vector<std::string>& texts,
                   Metrics* metrics, size_t max_examples);

void PrintReport(const Metrics& metrics, std::ostream& out);
// The examples collected (up to the maximum given to the evaluation, per furniture kind).
void PrintExamples(const Metrics& metrics, std::ostream& out);
// An empty list when every target is met; otherwise one line per failed target.
std::vector<std::string> CheckTargets(const Metrics& metrics, const Targets& targets);

}  // namespace wenshu::damage

#endif  // WENSHU_TOOLS_DAMAGE_EVALUATE_H_
