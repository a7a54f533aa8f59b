// vocab.spun: undoes synonym spinning (服务→效劳, 发展→开展, 计划→方案, …).
//
// Document first: every occurrence of a spun form is scored by the vocabulary model; a family of pairs
// is diagnosed when several spots, of at least two different marker forms, are near-certain (效劳, 最正确,
// 原那么, 根底 … hardly ever occur in clean reports), or when far more of its spots look spun than clean
// reports ever show (vocab_spin.h). Then, in a diagnosed document only, each spot is scored again with
// its spun neighbours restored and is restored when its context fits the original reading better.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_format.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "repair/vocab_spin.h"
#include "text/char_class.h"
#include "text/list_marker.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// Spots below this confidence are not even suggested.
constexpr double kMinSuggestConfidence = 0.3;
// A replacement is never reported surer than kMaxSpinConfidence: context statistics cannot rule out an author
// who wrote the rarer synonym: many spun forms are real words.
constexpr double kMaxSpinConfidence = 0.995;
// Spans a record cites as the document's evidence of spinning.
constexpr size_t kMaxEvidenceSpans = 8;

// The spot with two characters of the original on each side, as the reader sees it ("科学[开展]观统").
std::string Excerpt(std::string_view text, Span span) {
  size_t begin = span.begin, end = span.end;
  for (int n = 0; n < 2 && begin > 0; ++n) begin = text::AlignToCharStart(text, begin - 1);
  for (int n = 0; n < 2 && end < text.size(); ++n) end = text::AlignForwardToCharStart(text, end + 1);
  std::string out(text.substr(begin, span.begin - begin));
  out.append("[").append(text.substr(span.begin, span.size())).append("]");
  out.append(text.substr(span.end, end - span.end));
  absl::StrReplaceAll({{"\n", "⏎"}}, &out);
  return out;
}

// The spots' log-odds scored again with their neighbours restored. The site replaced every listed word,
// so a spot's context is often spun too (稳固开展 for 巩固发展, 有方案地开展 for 有计划地发展, 开展根底 for
// 发展基础), while the model knows clean contexts only. The spots the first pass would change are
// replaced (leftmost first, without overlaps) and every spot is scored again in that text; a spot
// overlapping a replaced one keeps its first score.
std::vector<double> RescoredWithNeighboursRestored(std::string_view text, const VocabModel& model,
                                                   const SpinFamilyEvidence& f) {
  std::vector<double> out(f.spots.size());
  std::vector<bool> applied(f.spots.size(), false);
  size_t applied_end = 0;
  for (size_t i = 0; i < f.spots.size(); ++i) {
    out[i] = f.spots[i].log_odds;
    if (f.spots[i].log_odds > 0 && f.spots[i].span.begin >= applied_end) {
      applied[i] = true;
      applied_end = f.spots[i].span.end;
    }
  }
  if (applied_end == 0) return out;  // nothing changes, nothing to rescore
  std::string restored;
  restored.reserve(text.size() + text.size() / 8);
  std::vector<Span> mapped(f.spots.size());
  size_t copied = 0;
  for (size_t i = 0; i < f.spots.size(); ++i) {
    if (!applied[i]) continue;
    restored.append(text.substr(copied, f.spots[i].span.begin - copied));
    mapped[i] = {restored.size(), restored.size() + f.spots[i].pair->original.size()};
    restored.append(f.spots[i].pair->original);
    copied = f.spots[i].span.end;
  }
  restored.append(text.substr(copied));
  // Spots not replaced: shift by the growth of the replacements before them; skip those inside one.
  int64_t shift = 0;
  size_t last_applied = SIZE_MAX;
  for (size_t i = 0; i < f.spots.size(); ++i) {
    const Span span = f.spots[i].span;
    if (applied[i]) {
      last_applied = i;
      shift += static_cast<int64_t>(f.spots[i].pair->original.size()) - static_cast<int64_t>(span.size());
    } else {
      if (last_applied != SIZE_MAX && span.begin < f.spots[last_applied].span.end) continue;
      mapped[i] = {static_cast<size_t>(static_cast<int64_t>(span.begin) + shift),
                   static_cast<size_t>(static_cast<int64_t>(span.end) + shift)};
    }
    out[i] = SpotLogOdds(model, *f.spots[i].pair, ContextAround(restored, mapped[i].begin, mapped[i].end));
  }
  return out;
}

// The key under which a spot is counted for the share evidence: its pair and the kSpinShareContextChars
// characters before it.
std::string ShareKey(std::string_view text, const SpinSpot& spot) {
  size_t begin = spot.span.begin;
  for (int n = 0; n < kSpinShareContextChars && begin > 0; ++n) begin = text::AlignToCharStart(text, begin - 1);
  return spot.pair->spun + "→" + spot.pair->original + ":" + std::string(text.substr(begin, spot.span.begin - begin));
}

// Whether the spot opens a parallel list item: "一是", "二是" … "十是" right before it.
bool OpensListItem(std::string_view text, Span span) {
  constexpr size_t kMarkerBytes = std::string_view("一是").size();
  return span.begin >= kMarkerBytes && text::OpensParallelItem(text, span.begin - kMarkerBytes);
}

// The log-odds of the spots of one pair that open parallel list items, decided together
// (kSpinMinParallelItems): a tie keeps the spun form.
void DecideParallelItemsTogether(std::string_view text, const SpinFamilyEvidence& f, std::vector<double>& log_odds) {
  absl::flat_hash_map<const VocabPair*, std::vector<size_t>> items;
  for (size_t i = 0; i < f.spots.size(); ++i) {
    if (OpensListItem(text, f.spots[i].span)) items[f.spots[i].pair].push_back(i);
  }
  for (const auto& [pair, spots] : items) {
    if (spots.size() < static_cast<size_t>(kSpinMinParallelItems)) continue;
    // The items' majority decides; each outvoted item takes the mean log-odds of the majority.
    double spun_sum = 0, kept_sum = 0;
    size_t spun = 0;
    for (size_t i : spots) {
      if (log_odds[i] > 0) {
        spun_sum += log_odds[i];
        ++spun;
      } else {
        kept_sum += log_odds[i];
      }
    }
    const size_t kept = spots.size() - spun;
    const bool restore = spun > kept;
    const double majority = restore ? spun_sum / static_cast<double>(spun) : kept_sum / static_cast<double>(kept);
    for (size_t i : spots) {
      if ((log_odds[i] > 0) != restore) log_odds[i] = majority;
    }
  }
}

// The Han bigrams of the rest of the spot's clause, kSpinCollocationChars characters at most.
std::vector<std::string> ClauseBigramsAfter(std::string_view text, Span span) {
  std::vector<std::string> out;
  size_t at = span.end, prev = std::string_view::npos;
  for (int n = 0; n < kSpinCollocationChars && at < text.size(); ++n) {
    const text::Char c = text::CharAt(text, at);
    if (!text::IsHan(c.value)) break;
    if (prev != std::string_view::npos) out.emplace_back(text.substr(prev, at + c.length - prev));
    prev = at;
    at += c.length;
  }
  return out;
}

// One sense per collocation (kSpinMinKeptCollocates): a common form's spot to restore keeps the form when
// its clause's collocate follows only spots of its pair that stay.
void KeepSenseOfCollocation(std::string_view text, const VocabModel& model, const SpinFamilyEvidence& f,
                            std::vector<double>& log_odds) {
  absl::flat_hash_map<const VocabPair*, std::vector<size_t>> by_pair;
  for (size_t i = 0; i < f.spots.size(); ++i) by_pair[f.spots[i].pair].push_back(i);
  for (const auto& [pair, spots] : by_pair) {
    if (spots.size() < static_cast<size_t>(kSpinMinKeptCollocates) + 1) continue;
    if (model.CleanRatePerMillion(pair->spun) <= kSpinMarkerRate) continue;
    // For each collocate: the spots that stay and those restored it follows.
    absl::flat_hash_map<std::string, std::pair<std::vector<size_t>, std::vector<size_t>>> follows;
    for (size_t i : spots) {
      std::vector<std::string> bigrams = ClauseBigramsAfter(text, f.spots[i].span);
      std::sort(bigrams.begin(), bigrams.end());
      bigrams.erase(std::unique(bigrams.begin(), bigrams.end()), bigrams.end());
      for (std::string& b : bigrams) {
        auto& [kept, restored] = follows[b];
        (log_odds[i] > 0 ? restored : kept).push_back(i);
      }
    }
    std::vector<std::pair<size_t, double>> demoted;
    for (const auto& [bigram, who] : follows) {
      const auto& [kept, restored] = who;
      if (restored.size() != 1 || kept.size() < static_cast<size_t>(kSpinMinKeptCollocates)) continue;
      double mean = 0;
      for (size_t k : kept) mean += log_odds[k];
      demoted.push_back({restored[0], mean / static_cast<double>(kept.size())});
    }
    for (const auto& [i, value] : demoted) log_odds[i] = std::min(log_odds[i], value);
  }
}

}  // namespace

double ShareEvidence(int likely, int counted) {
  return likely * std::log(kSpinShareSpun / kSpinShareClean) +
         (counted - likely) * std::log((1 - kSpinShareSpun) / (1 - kSpinShareClean));
}

double SpotLogOdds(const VocabModel& model, const VocabPair& pair, const VocabContext& context) {
  return model.LogOdds(pair, context) + (pair.family == kSpinLearnedFamily ? kSpinLearnedLogPrior : 0.0);
}

bool SpinDiagnosis::spun() const {
  return pooled_diagnosed || std::any_of(families.begin(), families.end(),
                     [](const SpinFamilyEvidence& f) { return f.diagnosed; });
}

int SpinDiagnosis::strong_spots() const {
  int best = 0;
  for (const SpinFamilyEvidence& f : families) {
    if (f.diagnosed) best = std::max({best, static_cast<int>(f.strong.size()), f.likely_spots});
  }
  return best;
}

SpinDiagnosis DiagnoseSpinning(std::string_view text, const VocabModel& model, text_internal::CancelPoll* cancel) {
  auto cancelled_at = [cancel](size_t at) { return cancel != nullptr && cancel->At(at); };
  SpinDiagnosis d;
  const std::vector<VocabPair>& pairs = model.pairs();
  // One pass over the text finds every pair's occurrences (leftmost, non-overlapping per pair, as a
  // find() loop per pair would), instead of one pass per pair: this runs on every document.
  std::vector<std::vector<size_t>> occurrences(pairs.size());
  {
    absl::flat_hash_map<uint32_t, std::vector<size_t>> by_prefix;  // first three bytes -> pairs
    std::vector<size_t> short_pairs;                               // spun forms under three bytes
    auto prefix_key = [](std::string_view s) {
      return static_cast<uint32_t>(static_cast<uint8_t>(s[0])) << 16 |
             static_cast<uint32_t>(static_cast<uint8_t>(s[1])) << 8 | static_cast<uint8_t>(s[2]);
    };
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (pairs[p].spun.empty()) continue;
      if (pairs[p].spun.size() < 3) {
        short_pairs.push_back(p);
      } else {
        by_prefix[prefix_key(pairs[p].spun)].push_back(p);
      }
    }
    std::vector<size_t> next_allowed(pairs.size(), 0);
    auto try_pair = [&](size_t p, size_t at) {
      const std::string& spun = pairs[p].spun;
      if (at >= next_allowed[p] && text.compare(at, spun.size(), spun) == 0) {
        occurrences[p].push_back(at);
        next_allowed[p] = at + spun.size();
      }
    };
    for (size_t at = 0; at < text.size(); ++at) {
      if (cancelled_at(at)) return {};
      // Valid UTF-8 needles start with a lead byte, so continuation bytes never start a match.
      if (text::IsContinuationByte(text[at])) continue;
      for (size_t p : short_pairs) try_pair(p, at);
      if (at + 3 > text.size()) continue;
      auto it = by_prefix.find(prefix_key(text.substr(at, 3)));
      if (it == by_prefix.end()) continue;
      for (size_t p : it->second) try_pair(p, at);
    }
  }
  for (size_t p = 0; p < pairs.size(); ++p) {
    const VocabPair& pair = pairs[p];
    auto fam = std::find_if(d.families.begin(), d.families.end(),
                            [&](const SpinFamilyEvidence& f) { return f.family == pair.family; });
    if (fam == d.families.end()) {
      d.families.emplace_back();
      d.families.back().family = pair.family;
      fam = d.families.end() - 1;
    }
    if (occurrences[p].empty()) continue;
    const bool marker = model.CleanRatePerMillion(pair.spun) <= kSpinMarkerRate;
    bool form_is_strong = false;
    for (size_t at : occurrences[p]) {
      if (cancelled_at(at)) return {};
      Span span{at, at + pair.spun.size()};
      double log_odds = SpotLogOdds(model, pair, ContextAround(text, span.begin, span.end));
      fam->spots.push_back({&pair, span, log_odds});
      if (marker && log_odds >= kSpinStrongLogOdds) {
        fam->strong.push_back(span);
        form_is_strong = true;
      }
    }
    if (form_is_strong) ++fam->strong_forms;
  }
  for (SpinFamilyEvidence& f : d.families) {
    std::sort(f.spots.begin(), f.spots.end(), [](const SpinSpot& a, const SpinSpot& b) {
      return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.size() > b.span.size();
    });
    std::sort(f.strong.begin(), f.strong.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    // One spot per pair and left neighbour; a repeated phrase counts as likely if any of its spots is.
    absl::flat_hash_map<std::string, bool> counted;
    for (const SpinSpot& spot : f.spots) {
      bool& likely = counted[ShareKey(text, spot)];
      likely = likely || spot.log_odds >= kSpinLikelyLogOdds;
    }
    f.counted_spots = static_cast<int>(counted.size());
    for (const auto& [key, likely] : counted) f.likely_spots += likely ? 1 : 0;
    f.share_evidence = ShareEvidence(f.likely_spots, f.counted_spots);
    // Markers are the listed spinners' (a learned pair's rare form is rare in reports by selection, and
    // held out, three clean reports show three of them: the learned family needs the share evidence).
    f.diagnosed = (f.family != kSpinLearnedFamily && static_cast<int>(f.strong.size()) >= kSpinMinStrongSpots &&
                   f.strong_forms >= kSpinMinStrongForms) ||
                  f.share_evidence >= kSpinMinShareEvidence;
    d.pooled_spots += f.counted_spots;
    d.pooled_likely += f.likely_spots;
  }
  d.pooled_evidence = ShareEvidence(d.pooled_likely, d.pooled_spots);
  d.pooled_diagnosed = d.pooled_evidence >= kSpinMinPooledEvidence;
  if (d.pooled_diagnosed) {
    for (SpinFamilyEvidence& f : d.families) {
      f.diagnosed = f.diagnosed || (f.likely_spots >= kSpinMinFamilyLikelyInPool && f.share_evidence > 0);
    }
  }
  return d;
}

std::vector<RepairRecord> SpunVocabularyRepairs(std::string_view text, const VocabModel& model,
                                                const SpinDiagnosis& diagnosis, bool force_all_families) {
  std::vector<RepairRecord> records;
  for (const SpinFamilyEvidence& f : diagnosis.families) {
    // A closed family of a document diagnosed from its pooled word choices: only its lone near-certain
    // spots, each scored as written (its family's other spots are not restored around it).
    const bool lone_spots_only = !f.diagnosed && !force_all_families;
    if (lone_spots_only && !diagnosis.pooled_diagnosed) continue;
    // The evidence: the near-certain marker spots, or else the spots that look spun most clearly.
    std::vector<Span> evidence(f.strong.begin(),
                               f.strong.begin() + std::min<size_t>(f.strong.size(), kMaxEvidenceSpans));
    if (evidence.empty()) {
      for (const SpinSpot& spot : f.spots) {
        if (spot.log_odds < kSpinLikelyLogOdds) continue;
        evidence.push_back(spot.span);
        if (evidence.size() == kMaxEvidenceSpans) break;
      }
    }
    const std::string diagnosed_from =
        f.strong.size() >= static_cast<size_t>(kSpinMinStrongSpots)
            ? absl::StrCat(f.strong.size(), " near-certain spots")
        : f.share_evidence >= kSpinMinShareEvidence
            ? absl::StrCat(f.likely_spots, " of its ", f.counted_spots, " spots looking spun")
        : lone_spots_only
            ? absl::StrCat(diagnosis.pooled_likely, " of the document's ", diagnosis.pooled_spots,
                           " candidate words looking spun; this spot near-certain on its own")
            : absl::StrCat(diagnosis.pooled_likely, " of the document's ", diagnosis.pooled_spots,
                           " candidate words looking spun");
    std::vector<double> rescored;
    if (lone_spots_only) {
      for (const SpinSpot& spot : f.spots) {
        rescored.push_back(spot.log_odds >= kSpinLoneSpotLogOdds ? spot.log_odds : -INFINITY);
      }
    } else {
      rescored = RescoredWithNeighboursRestored(text, model, f);
      DecideParallelItemsTogether(text, f, rescored);
      KeepSenseOfCollocation(text, model, f, rescored);
    }
    for (size_t i = 0; i < f.spots.size(); ++i) {
      const SpinSpot& spot = f.spots[i];
      const double log_odds = rescored[i];
      const double confidence = 1.0 / (1.0 + std::exp(-log_odds));
      if (confidence < kMinSuggestConfidence) continue;
      RepairRecord record;
      record.rule = repair_rule::kVocabSpun;
      record.span = spot.span;
      record.before = spot.pair->spun;
      record.after = spot.pair->original;
      record.confidence = std::min(confidence, kMaxSpinConfidence);
      record.reason = absl::StrFormat(
          "Spun vocabulary: the site replaced \"%s\" with its synonym \"%s\" (%s %d, diagnosed from "
          "%s); here %s reads better as \"%s\" (log-odds %.1f from clean-report "
          "context statistics).",
          spot.pair->original, spot.pair->spun,
          f.family == kSpinLearnedFamily ? "a learned near-synonym pair, family" : "family", f.family,
          diagnosed_from, Excerpt(text, spot.span), spot.pair->original, log_odds);
      record.evidence = evidence;
      record.alternatives.push_back(
          {spot.pair->spun, 1.0 - record.confidence,
           absl::StrCat("\"", spot.pair->spun, "\" is also an ordinary word; keep it if it was written so.")});
      records.push_back(std::move(record));
    }
  }
  // By position; at one position the likelier reading first (a spun form may stand for two originals, or
  // belong to two families), so that it is the one applied.
  std::stable_sort(records.begin(), records.end(), [](const RepairRecord& a, const RepairRecord& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.confidence > b.confidence;
  });
  return records;
}

void DiagnoseSpunVocabulary(RepairContext& context) {
  const VocabModel& model = VocabModel::Default();
  if (model.empty()) return;
  const SpinDiagnosis& d = context.Keep(DiagnoseSpinning(context.text(), model, &context.cancel_poll()));
  if (!d.spun()) return;
  context.mutable_diagnosis().spun_vocabulary = true;
  context.mutable_diagnosis().spun_score = d.strong_spots();
}

void RepairSpunVocabulary(RepairContext& context) {
  if (!context.diagnosis().spun_vocabulary) return;
  const VocabModel& model = VocabModel::Default();
  const SpinDiagnosis* d = context.Kept<SpinDiagnosis>();  // the diagnosis's, made once
  if (d == nullptr) return;
  for (RepairRecord& record : SpunVocabularyRepairs(context.text(), model, *d)) {
    context.Propose(std::move(record));
  }
}

}  // namespace wenshu::repair_internal
