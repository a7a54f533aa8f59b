#include "damage/evaluate.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "repair/number_cues.h"
#include "repair/number_masks.h"
#include "repair/rule.h"
#include "text/utf8.h"
#include "wenshu/repair.h"

namespace wenshu::damage {
namespace {

double Ratio(size_t a, size_t b) { return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b); }

bool HasDigitOrPercent(const std::string& s) {
  return s.find_first_of("0123456789%") != std::string::npos || s.find("％") != std::string::npos;
}

bool IsNumberRule(std::string_view rule) {
  return rule.rfind("number.", 0) == 0 || rule.rfind("percent.", 0) == 0;
}

std::string Context(const std::string& text, Span span) {
  size_t b = span.begin >= 36 ? span.begin - 36 : 0;
  size_t e = std::min(text.size(), span.end + 30);
  // Widen to code point boundaries.
  b = text::AlignToCharStart(text, b);
  e = text::AlignForwardToCharStart(text, e);
  std::string out = text.substr(b, span.begin - b) + "⟦" + text.substr(span.begin, span.size()) + "⟧" +
                    text.substr(span.end, e - span.end);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

// Moves `at` back to the start of a UTF-8 character.
size_t CharStart(const std::string& text, size_t at) { return text::AlignToCharStart(text, at); }

// Long furniture (a site header) shortened to its start and end; line breaks shown as ⏎.
std::string Visible(const std::string& text, size_t max_bytes = 96) {
  std::string s = text;
  if (s.size() > max_bytes) {
    size_t head = CharStart(s, max_bytes * 2 / 3);
    size_t tail = CharStart(s, s.size() - max_bytes / 3);
    s = s.substr(0, head) + " … " + s.substr(tail);
  }
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "⏎";
    } else {
      out += c;
    }
  }
  return out;
}

// A span of furniture with 30 bytes of context either side, the span in ⟦⟧, line breaks as ⏎.
std::string FurnitureContext(const std::string& text, Span span) {
  size_t b = CharStart(text, span.begin >= 30 ? span.begin - 30 : 0);
  size_t e = CharStart(text, std::min(text.size(), span.end + 30));
  return Visible(text.substr(b, span.begin - b), 60) + "⟦" + Visible(text.substr(span.begin, span.size())) +
         "⟧" + Visible(text.substr(span.end, e - span.end), 60);
}

// One replacement of bytes of the damaged text: a record's, or a truth item's right repair.
struct Edit {
  Span span;
  std::string_view after;
};

// text[lo, hi) with the edits (sorted, disjoint, inside [lo, hi)) applied.
std::string ApplyWithin(const std::string& text, size_t lo, size_t hi, const std::vector<Edit>& edits) {
  std::string out;
  size_t at = lo;
  for (const Edit& e : edits) {
    out.append(text, at, e.span.begin - at);
    out.append(e.after);
    at = e.span.end;
  }
  out.append(text, at, hi - at);
  return out;
}

// Bytes of `span` outside every furniture item.
size_t BytesOutside(Span span, const std::vector<const TruthItem*>& items) {
  size_t inside = 0;
  for (const TruthItem* t : items) {
    if (t->span.Overlaps(span)) {
      inside += std::min(span.end, t->span.end) - std::max(span.begin, t->span.begin);
    }
  }
  return span.size() - inside;
}

// Furniture of one damaged document against the records of the furniture rules. Items and records that
// overlap or touch form clusters; a cluster whose text comes out as the truth says (each item replaced by
// its right or an accepted repair) has every item removed exactly, however the records cut it up.
// Otherwise each item is judged alone: the records over it must stay inside it and leave a right repair,
// and every byte they remove outside furniture is counted.
void EvaluateFurnitureItems(const DamagedDocument& doc, const std::vector<const TruthItem*>& items,
                            const std::vector<const RepairRecord*>& removals, Metrics* m,
                            size_t max_examples) {
  const std::string& text = doc.damaged;
  struct Node {
    Span span;
    const TruthItem* item;
    const RepairRecord* record;
  };
  std::vector<Node> nodes;
  for (const TruthItem* t : items) nodes.push_back({t->span, t, nullptr});
  for (const RepairRecord* r : removals) nodes.push_back({r->span, nullptr, r});
  std::stable_sort(nodes.begin(), nodes.end(),
                   [](const Node& a, const Node& b) { return a.span.begin < b.span.begin; });
  size_t false_bytes = 0;
  bool all_exact = true;
  for (size_t first = 0; first < nodes.size();) {
    size_t hi = nodes[first].span.end, last = first + 1;
    while (last < nodes.size() && nodes[last].span.begin <= hi) hi = std::max(hi, nodes[last++].span.end);
    const size_t lo = nodes[first].span.begin;
    std::vector<const TruthItem*> cluster_items;
    std::vector<const RepairRecord*> cluster_records;
    std::vector<Edit> record_edits;
    for (size_t k = first; k < last; ++k) {
      if (nodes[k].item) cluster_items.push_back(nodes[k].item);
      if (nodes[k].record) {
        cluster_records.push_back(nodes[k].record);
        record_edits.push_back({nodes[k].span, nodes[k].record->after});
      }
    }
    first = last;
    const std::string actual = ApplyWithin(text, lo, hi, record_edits);
    // Every combination of the items' right repairs (at most 64 are tried).
    std::vector<size_t> choice(cluster_items.size(), 0), chosen;
    for (size_t tries = 0; tries < 64 && chosen.empty(); ++tries) {
      std::vector<Edit> truth_edits;
      for (size_t k = 0; k < cluster_items.size(); ++k) {
        const TruthItem* t = cluster_items[k];
        truth_edits.push_back({t->span, choice[k] == 0 ? std::string_view(t->original)
                                                       : std::string_view(t->accepted[choice[k] - 1])});
      }
      if (ApplyWithin(text, lo, hi, truth_edits) == actual) chosen = choice;
      size_t k = 0;  // the next combination
      while (k < choice.size() && ++choice[k] > cluster_items[k]->accepted.size()) choice[k++] = 0;
      if (k == choice.size()) break;
    }
    if (!chosen.empty() || cluster_items.empty()) {
      for (size_t k = 0; k < cluster_items.size(); ++k) {
        FurnitureCounts& counts = m->furniture[cluster_items[k]->kind];
        ++counts.items;
        ++counts.removed;
        counts.accepted += chosen[k] > 0;
      }
      if (cluster_items.empty()) {
        for (const RepairRecord* r : cluster_records) {
          false_bytes += r->span.size();
          if (m->furniture_false_examples.size() < max_examples) {
            m->furniture_false_examples.push_back(
                doc.id + ": " + std::string(r->rule) +
                " removed text that is not furniture: " + FurnitureContext(text, r->span));
          }
        }
      }
      continue;
    }
    all_exact = false;
    for (const TruthItem* t : cluster_items) {
      FurnitureCounts& counts = m->furniture[t->kind];
      ++counts.items;
      std::vector<Edit> inside;
      const RepairRecord* overrun = nullptr;
      for (const RepairRecord* r : cluster_records) {
        if (!r->span.Overlaps(t->span)) continue;
        if (r->span.begin < t->span.begin || r->span.end > t->span.end) overrun = r;
        inside.push_back({r->span, r->after});
      }
      std::string left =
          ApplyWithin(text, t->span.begin, t->span.end, overrun ? std::vector<Edit>{} : inside);
      bool right = !overrun && (left == t->original ||
                                std::find(t->accepted.begin(), t->accepted.end(), left) != t->accepted.end());
      if (right) {
        ++counts.removed;
        counts.accepted += left != t->original;
        continue;
      }
      if (counts.misses.size() < max_examples) {
        std::string what = inside.empty() ? "untouched"
                           : overrun      ? "a removal ran past it (" + std::string(overrun->rule) +
                                           " removed \"" + Visible(overrun->before, 60) + "\")"
                                     : "left \"" + Visible(left, 60) + "\"";
        counts.misses.push_back(doc.id + ": " + what + ": " + FurnitureContext(text, t->span));
      }
    }
    for (const RepairRecord* r : cluster_records) {
      size_t outside = BytesOutside(r->span, items);
      false_bytes += outside;
      if (outside > 0 && m->furniture_false_examples.size() < max_examples) {
        m->furniture_false_examples.push_back(
            doc.id + ": " + std::string(r->rule) + " removed " + std::to_string(outside) +
            " bytes that are not furniture: " + FurnitureContext(text, r->span));
      }
    }
  }
  if (items.empty()) {
    ++m->furniture_free_documents;
    m->furniture_free_touched += !removals.empty();
  } else {
    ++m->furniture_documents;
    m->furniture_documents_exact += all_exact && false_bytes == 0;
  }
  m->furniture_false_bytes += false_bytes;
  m->furniture_false_documents += false_bytes > 0;
}

}  // namespace

bool IsFurnitureRule(std::string_view rule) { return rule.substr(0, 12) == "boilerplate."; }

bool HoldsReportSentence(std::string_view removed) {
  for (size_t start = 0; start <= removed.size();) {
    const size_t nl = removed.find('\n', start);
    const std::string_view line = removed.substr(start, nl == std::string_view::npos ? removed.npos : nl - start);
    const size_t chars = text::CountCharStarts(line);
    if (chars >= 20 && line.find("记者") == std::string_view::npos) {
      for (std::string_view end : {"。", "！", "？", "；"}) {
        if (line.find(end) != std::string_view::npos) return true;
      }
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return false;
}

namespace {
// The portal chrome of a clean original (the provincial reports keep their portal's 下载 打印 【字号：…】):
// the lines boilerplate.site_lines removes from the original, which are furniture in its damaged copies too.
std::vector<std::string> OriginalChrome(const std::string& original) {
  std::vector<std::string> chrome;
  auto result = Repair(original);
  if (!result.ok()) return chrome;
  for (const RepairRecord& r : result->records) {
    if (r.rule == "boilerplate.site_lines" && !HoldsReportSentence(r.before)) chrome.push_back(r.before);
  }
  return chrome;
}

// A removed line, its line breaks trimmed and each digit run read as 0: the damage masks years and tens in
// the original's chrome lines too (时间：2026-02-09 → 时间：2023-02-09).
std::string ChromeKey(std::string_view s) {
  while (!s.empty() && s.front() == '\n') s.remove_prefix(1);
  while (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  std::string key;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < s.size(); ++i) {
    if (digit(s[i]) && i > 0 && digit(s[i - 1])) continue;  // a run of digits reads as one 0
    key.push_back(digit(s[i]) ? '0' : s[i]);
  }
  return key;
}

bool IsOriginalChrome(const RepairRecord& r, const std::vector<std::string>& chrome) {
  return r.rule == "boilerplate.site_lines" && std::any_of(chrome.begin(), chrome.end(), [&](const std::string& c) {
           return ChromeKey(c) == ChromeKey(r.before);
         });
}
}  // namespace

double FurnitureCounts::Rate() const { return Ratio(removed, items); }

FurnitureCounts Metrics::FurnitureTotal() const {
  FurnitureCounts total;
  for (const auto& [kind, counts] : furniture) {
    total.items += counts.items;
    total.removed += counts.removed;
    total.accepted += counts.accepted;
  }
  return total;
}

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

void EvaluateFurniture(const DamagedDocument& doc, const std::vector<RepairRecord>& records, Metrics* m,
                       size_t max_examples) {
  std::vector<const TruthItem*> furniture;
  for (const TruthItem& t : doc.truth) {
    if (IsFurnitureKind(t.kind)) furniture.push_back(&t);
  }
  std::vector<const RepairRecord*> removals;
  std::vector<std::string> chrome;
  bool chrome_read = false;
  for (const RepairRecord& r : records) {
    if (!IsFurnitureRule(r.rule)) continue;
    if (r.rule == "boilerplate.site_lines") {
      if (!chrome_read) chrome = OriginalChrome(doc.original);
      chrome_read = true;
      if (IsOriginalChrome(r, chrome)) continue;  // the original's own portal chrome, rightly removed
    }
    removals.push_back(&r);
  }
  EvaluateFurnitureItems(doc, furniture, removals, m, max_examples);
}

namespace {

// Inside the original's chrome or inserted furniture a decision's span goes with the text around it.
bool InRemovedText(const DamagedDocument& doc, const std::vector<Span>& chrome_spans, Span span) {
  return std::any_of(chrome_spans.begin(), chrome_spans.end(), [&](Span c) { return c.Overlaps(span); }) ||
         std::any_of(doc.truth.begin(), doc.truth.end(),
                     [&](const TruthItem& x) { return IsFurnitureKind(x.kind) && x.span.Overlaps(span); });
}

void CountCue(const std::string& id, bool right, const DamagedDocument& doc, Span span, const std::string& truth,
              Metrics* m, size_t max_examples) {
  CueCounts& c = m->cues[id];
  ++c.decisions;
  c.correct += right;
  if (!right && m->examples.size() < max_examples) {
    m->examples.push_back(doc.id + ": cue " + id + " wrong: " + doc.damaged.substr(span.begin, span.size()) +
                          " (" + truth + "): " + Context(doc.damaged, span));
  }
}

// Every percent sign the percent rule proposed, by its cue: right when the truth dropped a sign there.
void CountPercentCues(const DamagedDocument& doc, const repair_internal::PercentCueLog& log,
                      const std::vector<Span>& chrome_spans, Metrics* m, size_t max_examples) {
  for (const auto& [span, cue] : log.decisions) {
    if (InRemovedText(doc, chrome_spans, span)) continue;
    bool right = std::any_of(doc.truth.begin(), doc.truth.end(), [&](const TruthItem& t) {
      return t.kind == "dropped_percent" && t.span == span;
    });
    CountCue(std::string(repair_internal::CueInfo(cue).id), right, doc, span, right ? "" : "no sign dropped", m,
             max_examples);
  }
}

// Every decision of the mask analysis, by the cue that made it, against the truth at its span.
void CountMaskCues(const DamagedDocument& doc, const std::map<std::pair<size_t, size_t>, const TruthItem*>& truth,
               const std::vector<Span>& chrome_spans, Metrics* m, size_t max_examples) {
  using repair_internal::MaskDecision;
  repair_internal::MaskAnalysis analysis = repair_internal::AnalyzeMasks(doc.damaged);
  for (const MaskDecision& d : analysis.decisions) {
    if (InRemovedText(doc, chrome_spans, d.span)) continue;
    auto it = truth.find({d.span.begin, d.span.end});
    const TruthItem* t = it == truth.end() ? nullptr : it->second;
    bool right = false;
    if (d.kind == MaskDecision::Kind::kTen) {
      right = t != nullptr && (t->kind == "masked_ten" || t->kind == "masked_year") && t->original == d.after;
    } else {
      right = std::none_of(doc.truth.begin(), doc.truth.end(), [&](const TruthItem& x) {
        return x.kind == "masked_ten" && x.span.Overlaps(d.span);
      });
    }
    CountCue(std::string(repair_internal::CueInfo(d.cue).id), right, doc, d.span,
             t != nullptr ? "truth " + t->kind + " " + t->original : "no truth", m, max_examples);
  }
}

}  // namespace

void EvaluateDamaged(const std::vector<DamagedDocument>& docs, Metrics* m, size_t max_examples) {
  auto example = [&](std::string line) {
    if (m->examples.size() < max_examples) m->examples.push_back(std::move(line));
  };
  for (const DamagedDocument& doc : docs) {
    ++m->documents;
    repair_internal::PercentCueLog percent_cues;
    auto result = repair_internal::RepairInspected(doc.damaged, {}, [&](repair_internal::RepairContext& context) {
      if (auto* log = context.Kept<repair_internal::PercentCueLog>()) percent_cues = *log;
    });
    if (!result.ok()) {
      example(doc.id + ": repair failed: " + std::string(result.status().message()));
      continue;
    }
    auto back = RevertRepairs(result->text, result->records);
    if (!back.ok() || *back != doc.damaged) ++m->roundtrip_failures;
    EvaluateFurniture(doc, result->records, m, max_examples);
    // Truth inside the original's own portal chrome (a masked year in 时间：2026-02-09) goes with it.
    std::vector<Span> chrome_spans;
    std::vector<std::string> chrome;
    bool chrome_read = false;
    for (const RepairRecord& r : result->records) {
      if (r.rule != "boilerplate.site_lines") continue;
      if (!chrome_read) chrome = OriginalChrome(doc.original);
      chrome_read = true;
      if (IsOriginalChrome(r, chrome)) chrome_spans.push_back(r.span);
    }
    auto in_chrome = [&](const TruthItem& t) {
      return std::any_of(chrome_spans.begin(), chrome_spans.end(), [&](Span c) { return c.Overlaps(t.span); });
    };

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

    if (result->diagnosis.masked_numbers) CountMaskCues(doc, truth, chrome_spans, m, max_examples);
    CountPercentCues(doc, percent_cues, chrome_spans, m, max_examples);

    std::map<std::pair<size_t, size_t>, const RepairRecord*> tens;
    for (const RepairRecord& r : result->records) {
      if (r.rule == "number.masked_ten") {
        tens[{r.span.begin, r.span.end}] = &r;
        auto it = truth.find({r.span.begin, r.span.end});
        if (it != truth.end() && it->second->kind == "masked_ten" && it->second->original == r.after) {
          ++m->ten_true_positive;
        } else if (it != truth.end() && it->second->kind == "masked_year" && it->second->original == r.after) {
          ++m->years_restored;  // 202023年 → 2010年: the year was recoverable after all (counted with years)
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
      if (in_chrome(t)) continue;
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
        // Restoring the very year the mask hid (202023年 → 2010年) is better than keeping it: it counts as kept
        // and flagged; any other change to a masked year is a false change.
        bool restored = std::any_of(result->records.begin(), result->records.end(), [&](const RepairRecord& r) {
          return r.span.begin == t.span.begin && r.span.end == t.span.end && r.after == t.original;
        });
        bool changed = !restored &&
            std::any_of(result->records.begin(), result->records.end(), [&](const RepairRecord& r) {
              return r.span.Overlaps(t.span) && HasDigitOrPercent(r.before + r.after);
            });
        bool flagged = restored || std::any_of(result->flags.begin(), result->flags.end(), [&](const RepairFlag& f) {
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
    size_t changes = 0, furniture = 0;
    for (const RepairRecord& r : result->records) {
      // Portal chrome around a clean report is furniture (counted by clean_corpus_test); a sentence is not.
      if (r.rule == "boilerplate.site_lines" && !HoldsReportSentence(r.before)) continue;
      if (IsFurnitureRule(r.rule)) {
        ++furniture;
        if (m->examples.size() < max_examples) {
          m->examples.push_back(names[i] + ": clean text touched by " + std::string(r.rule) + ": " +
                                FurnitureContext(texts[i], r.span));
        }
      }
      if (IsNumberRule(r.rule) || HasDigitOrPercent(r.before) || HasDigitOrPercent(r.after)) {
        ++changes;
        if (m->examples.size() < max_examples) {
          m->examples.push_back(names[i] + ": clean text changed by " + std::string(r.rule) + " " + r.before +
                                "→" + r.after + ": " + Context(texts[i], r.span));
        }
      }
    }
    m->clean_changes += changes;
    if (result->diagnosis.masked_numbers) ++m->clean_documents_diagnosed;
    for (const RepairFlag& f : result->flags) m->clean_year_flags += f.rule == "number.masked_year";
    if (changes) ++m->clean_documents_changed;
    m->clean_furniture_records += furniture;
    m->clean_furniture_documents += furniture > 0;
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
  row("masked years kept", m.YearsKept(),
      std::to_string(m.years_kept) + "/" + std::to_string(m.years) + " (" + std::to_string(m.years_restored) +
          " restored exactly)");
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

  auto cue_rows = [&](const auto& table) {
    for (const auto& info : table) {
      if (static_cast<size_t>(info.cue) == 0) continue;  // kNone
      auto it = m.cues.find(std::string(info.id));
      CueCounts c = it == m.cues.end() ? CueCounts{} : it->second;
      std::snprintf(line, sizeof line, "  %-34s %7s  %zu/%zu right, confidence %.3f, smoothed %.3f\n",
                    std::string(info.id).c_str(),
                    c.decisions == 0 ? "-" : std::to_string(Ratio(c.correct, c.decisions)).substr(0, 6).c_str(),
                    c.correct, c.decisions, info.confidence,
                    (static_cast<double>(c.correct) + 1) / (static_cast<double>(c.decisions) + 2));
      out << line;
    }
  };
  out << "masked-number cues (src/repair/number_cues.h), in documents diagnosed as masked:\n";
  cue_rows(repair_internal::kNumberCues);
  out << "percent cues (src/repair/number_cues.h), every sign proposed:\n";
  cue_rows(repair_internal::kPercentCues);
  out << "page and site furniture removed exactly (per truth kind):\n";
  auto furniture_row = [&](const std::string& name, const FurnitureCounts& c) {
    std::string detail = std::to_string(c.removed) + "/" + std::to_string(c.items);
    if (c.accepted) detail += " (" + std::to_string(c.accepted) + " by an accepted alternative)";
    if (c.items == 0) {
      std::snprintf(line, sizeof line, "  %-34s %7s  none in the set\n", name.c_str(), "-");
      out << line;
      return;
    }
    row(name.c_str(), c.Rate(), detail);
  };
  for (const std::string& kind : FurnitureKinds()) {
    auto it = m.furniture.find(kind);
    furniture_row(kind, it == m.furniture.end() ? FurnitureCounts{} : it->second);
  }
  for (const auto& [kind, counts] : m.furniture) {
    if (!IsFurnitureKind(kind)) furniture_row(kind, counts);
  }
  furniture_row("all furniture", m.FurnitureTotal());
  row("documents with furniture all removed", Ratio(m.furniture_documents_exact, m.furniture_documents),
      std::to_string(m.furniture_documents_exact) + "/" + std::to_string(m.furniture_documents));
  out << "  bytes removed that were not furniture " << m.furniture_false_bytes << " (in "
      << m.furniture_false_documents << " documents)\n";
  out << "  documents without furniture touched   " << m.furniture_free_touched << " of "
      << m.furniture_free_documents << "\n";
  out << "  clean originals touched by furniture rules " << m.clean_furniture_documents << " of "
      << m.clean_documents << " (" << m.clean_furniture_records << " records)\n";
}

void PrintExamples(const Metrics& m, std::ostream& out) {
  for (const auto& e : m.examples) out << "    " << e << "\n";
  for (const std::string& kind : FurnitureKinds()) {
    auto it = m.furniture.find(kind);
    if (it == m.furniture.end()) continue;
    for (const auto& e : it->second.misses) out << "    [" << kind << "] missed " << e << "\n";
  }
  for (const auto& e : m.furniture_false_examples) out << "    [not furniture] " << e << "\n";
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
  check(m.FurnitureTotal().Rate() >= t.furniture_removed,
        "page and site furniture removed below " + std::to_string(t.furniture_removed));
  check(m.furniture_false_bytes == 0, "furniture rules removed text that is not furniture");
  check(m.clean_furniture_documents == 0, "a furniture rule touched a clean original");
  return failed;
}

}  // namespace wenshu::damage
