// vocab.spun: spun vocabulary is restored only in documents diagnosed as spun, and only where the context
// fits the original reading. Cases are data (tests/data/repair/*/vocab_cases.tsv, run by cases_test.cc);
// the seed and a spin evaluation over the clean corpora measure the rule on real text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <algorithm>
#include <string>
#include <vector>

#include "repair/vocab_model.h"
#include "repair/vocab_model_format.h"
#include "repair/vocab_spin.h"
#include "support/test_data.h"
#include "wenshu/repair.h"

namespace wenshu {
namespace {

using repair_internal::DiagnoseSpinning;
using repair_internal::SpunVocabularyRepairs;
using repair_internal::VocabModel;
using repair_internal::VocabPair;

TEST(VocabModel, CompiledInModelLoads) {
  ASSERT_TRUE(VocabModel::DefaultStatus().ok()) << VocabModel::DefaultStatus();
  const VocabModel& model = VocabModel::Default();
  EXPECT_FALSE(model.empty());
  EXPECT_THAT(model.version(), ::testing::StartsWith("wenshu-vocab-model\t5\t"));
  EXPECT_GE(model.pairs().size(), 40u);
  EXPECT_GT(model.CorpusCount("发展"), 1000);
  EXPECT_EQ(model.CorpusCount("效劳"), model.CorpusCount("效劳"));
}

TEST(VocabModel, BadTablesAreErrorsNotCrashes) {
  EXPECT_FALSE(VocabModel::Parse("").ok());
  EXPECT_FALSE(VocabModel::Parse("garbage\n").ok());
  EXPECT_FALSE(VocabModel::Parse("V\twenshu-vocab-model\t99\tx\n").ok());  // future format
  const std::string head = "V\twenshu-vocab-model\t5\ttest\nT\ttotal_chars\t100\nW\tdict_weight\t0.1\n";
  EXPECT_FALSE(VocabModel::Parse(head + "P\t1\t效劳\t服务\n").ok());  // a pair without statistics
  EXPECT_FALSE(VocabModel::Parse(head + "F\t服务\tx\t0\t0\t0\t0\t0\n").ok());
  EXPECT_FALSE(VocabModel::Parse(head + "C\t服务\tL1\t的\t1\t0\t0\n").ok());  // context before form
  EXPECT_FALSE(VocabModel::Parse(head + "Q\t1\n").ok());
  // The compiled layout keys contexts by one or two characters and packs whole counts.
  const std::string form = "F\t服务\t9\t9\t0\t0\t0\t0\n";
  EXPECT_FALSE(VocabModel::Parse(head + form + "C\t服务\tL1\t的地\t1\t0\t0\n").ok());  // two for L1
  EXPECT_FALSE(VocabModel::Parse(head + form + "C\t服务\tR2\t的\t1\t0\t0\n").ok());    // one for R2
  EXPECT_FALSE(VocabModel::Parse(head + form + "C\t服务\tL1\t的\t1.5\t0\t0\n").ok());  // not a count
  EXPECT_FALSE(VocabModel::Parse(head + form + "B\t服务\tL\t工\t3\n").ok());          // not a bigram
  EXPECT_FALSE(VocabModel::Parse(head + "U\t\xff\t5\n").ok());                       // not UTF-8
  auto ok = VocabModel::Parse(head + "U\t的\t5\nP\t1\t效劳\t服务\nF\t效劳\t0\t1\t0\t0\t0\t0\n"
                                     "F\t服务\t9\t9\t0\t0\t0\t0\nC\t服务\tL1\t的\t3\t0\t0\n");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->pairs().size(), 1u);
  repair_internal::VocabContext context{"的", "的", "。", "\n", "我的", "。", "", ""};
  EXPECT_GT(ok->LogOdds(ok->pairs()[0], context), 0);
  // The same spot with a left character the model has never seen: no count, only the priors.
  repair_internal::VocabContext unseen{"龘", "的", "。", "\n", "我的龘", "。", "", ""};
  EXPECT_LT(ok->LogOdds(ok->pairs()[0], unseen), ok->LogOdds(ok->pairs()[0], context));
}

// The compiled model is read in place, so loading checks only its stamps: each wrong one is an error.
TEST(VocabModel, CompiledBlobStampsAreChecked) {
  const std::string head = "V\twenshu-vocab-model\t5\ttest\nT\ttotal_chars\t100\nW\tdict_weight\t0.1\n";
  auto blob = repair_internal::CompileVocabModel(head + "U\t的\t5\nP\t1\t效劳\t服务\nF\t效劳\t0\t1\t0\t0\t0\t0\n"
                                                        "F\t服务\t9\t9\t0\t0\t0\t0\n");
  ASSERT_TRUE(blob.ok()) << blob.status();
  // std::string's buffer is aligned for doubles (operator new).
  ASSERT_TRUE(VocabModel::FromEmbedded(*blob).ok());
  EXPECT_EQ(VocabModel::FromEmbedded(*blob)->pairs().size(), 1u);
  auto with = [&](size_t offset, char byte) {
    std::string changed = *blob;
    changed[offset] = byte;
    return VocabModel::FromEmbedded(changed).status();
  };
  EXPECT_FALSE(with(0, 'X').ok());  // magic
  EXPECT_FALSE(with(offsetof(repair_internal::VocabBlobHeader, layout_version), 9).ok());
  EXPECT_FALSE(with(offsetof(repair_internal::VocabBlobHeader, table_version), 4).ok());
  EXPECT_FALSE(with(offsetof(repair_internal::VocabBlobHeader, endian_marker), 1).ok());
  EXPECT_FALSE(VocabModel::FromEmbedded(std::string_view(*blob).substr(0, blob->size() - 8)).ok());
  EXPECT_FALSE(VocabModel::FromEmbedded("").ok());
}

// Each form's counts sit in a region of their own (a spot's lookups stay in its forms' pages): a count is
// found in its form's region only, and a region table that would send a probe outside the slots is refused.
TEST(VocabModel, EachFormsCountsSitInItsOwnRegion) {
  using repair_internal::VocabBlobHeader;
  const std::string head = "V\twenshu-vocab-model\t5\ttest\nT\ttotal_chars\t100\nW\tdict_weight\t0.1\n";
  auto blob = repair_internal::CompileVocabModel(
      head + "U\t的\t5\nP\t1\t效劳\t服务\nF\t效劳\t4\t1\t0\t0\t0\t0\nF\t服务\t9\t9\t0\t0\t0\t0\n"
             "C\t服务\tL1\t的\t3\t0\t0\nC\t服务\tR1\t的\t2\t0\t0\nC\t效劳\tL1\t的\t1\t0\t0\n");
  ASSERT_TRUE(blob.ok()) << blob.status();
  VocabBlobHeader h;
  std::memcpy(&h, blob->data(), sizeof(h));
  const repair_internal::VocabBlobSections at = repair_internal::SectionsOf(h);
  std::vector<uint32_t> regions(repair_internal::VocabRegionCount(h));
  std::memcpy(regions.data(), blob->data() + at.regions, regions.size() * sizeof(uint32_t));
  for (size_t slot = 0; slot < h.slot_count; ++slot) {
    uint64_t packed;
    std::memcpy(&packed, blob->data() + at.slots + slot * sizeof(uint64_t), sizeof(packed));
    if (packed == 0) continue;
    const uint32_t form = repair_internal::VocabKeyForm(packed >> h.value_bits, h.form_bits, h.char_bits);
    EXPECT_GE(slot, regions[form]);
    EXPECT_LT(slot, regions[form + 1]);
  }
  ASSERT_TRUE(VocabModel::FromEmbedded(*blob).ok());
  auto with_region = [&](size_t f, uint32_t value) {
    std::string changed = *blob;
    std::memcpy(changed.data() + at.regions + f * sizeof(uint32_t), &value, sizeof(value));
    return VocabModel::FromEmbedded(changed).status();
  };
  EXPECT_FALSE(with_region(0, 1).ok());                               // the first does not start at 0
  EXPECT_FALSE(with_region(regions.size() - 1, h.slot_count + 1).ok());  // the last passes the end
  EXPECT_FALSE(with_region(1, regions[2]).ok());                     // an empty region
  EXPECT_TRUE(with_region(1, regions[1]).ok());                      // unchanged
}

// The model compiled at build time scores every spot as the committed table does when parsed now.
TEST(VocabModel, CompiledModelMatchesTheTable) {
  // The test data folder is tests/data in the source tree.
  auto table = testing::ReadFile(testing::FixturePath("../../src/repair/data/vocab_model.tsv"));
  ASSERT_TRUE(table.has_value());
  auto parsed = VocabModel::Parse(*table);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const VocabModel& built = VocabModel::Default();
  EXPECT_EQ(parsed->version(), built.version());
  ASSERT_EQ(parsed->pairs().size(), built.pairs().size());
  const std::string text =
      "各地开展了一系列活动，效劳群众，积极发展产业，在北京市推进项目建设。2024年完成方案编制，服务经济社会发展大局。";
  for (size_t i = 0; i < built.pairs().size(); ++i) {
    const VocabPair& pair = built.pairs()[i];
    EXPECT_EQ(pair.spun, parsed->pairs()[i].spun);
    EXPECT_EQ(built.CorpusCount(pair.spun), parsed->CorpusCount(pair.spun));
    for (size_t at = 0; at < text.size(); at += 3) {
      auto context = repair_internal::ContextAround(text, at, at);
      EXPECT_EQ(built.LogOdds(pair, context), parsed->LogOdds(pair, context)) << pair.spun << " at " << at;
    }
  }
}

TEST(VocabModel, ContextIsNormalized) {
  std::string text = "率到达了95%";
  auto c = repair_internal::ContextAround(text, std::string("率").size(), std::string("率到达").size());
  EXPECT_EQ(c.left1, "率");
  EXPECT_EQ(c.left2, "\n");
  EXPECT_EQ(c.right1, "了");
  EXPECT_EQ(c.right2, "0");
  EXPECT_EQ(repair_internal::NormalizeContextChar("〞"), "”");
  EXPECT_EQ(repair_internal::NormalizeContextChar("Ｂ"), "a");
  EXPECT_EQ(repair_internal::NormalizeContextChar(","), "，");  // the seed's site writes ASCII commas
  EXPECT_EQ(repair_internal::NormalizeContextChar("."), ".");
}

// ---- The seed ----

TEST(SpunVocabSeed, RestoresTheSeedsSpunWords) {
  auto path = testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  if (!path) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; the seed is not available";
  auto text = testing::ReadFile(*path);
  ASSERT_TRUE(text.has_value());
  auto result = Repair(*text);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->diagnosis.spun_vocabulary);
  const std::string& out = result->text;
  EXPECT_EQ(out.find("效劳"), std::string::npos);
  EXPECT_NE(out.find("科学发展观"), std::string::npos);
  EXPECT_NE(out.find("计划生育服务人群"), std::string::npos);
  EXPECT_NE(out.find("中国最佳旅游城市"), std::string::npos);
  EXPECT_NE(out.find("奠定基础"), std::string::npos);
  EXPECT_NE(out.find("多次与外商"), std::string::npos);
  EXPECT_NE(out.find("基本思路"), std::string::npos);
  EXPECT_NE(out.find("基本完成"), std::string::npos);
  EXPECT_NE(out.find("达到了"), std::string::npos);
  EXPECT_NE(out.find("国际医院项目引进"), std::string::npos);
  EXPECT_NE(out.find("城乡教育均衡发展"), std::string::npos);
  // Real 开展 stays.
  EXPECT_NE(out.find("开展了退役士兵安置工作"), std::string::npos);
  EXPECT_NE(out.find("开展了残疾人康复工作"), std::string::npos);
  EXPECT_NE(out.find("开展社区建设调研"), std::string::npos);
  EXPECT_NE(out.find("综合整治方案"), std::string::npos);
  EXPECT_NE(out.find("病媒生物防治方案"), std::string::npos);
  EXPECT_NE(out.find("社会力量兴办"), std::string::npos);
  auto back = RevertRepairs(result->text, result->records);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, *text);
}

// ---- Spin evaluation ----
// Spins clean reports with the model's own pair list (left to right, longest original first, as the
// sites do) and measures how much of the spinning the rule undoes, and what else it changes. By default
// the compiled-in model is evaluated on every clean document (in-sample); tools/vocab/spin_eval.sh builds
// a model from one half of the documents and sets WENSHU_VOCAB_EVAL_MODEL / WENSHU_VOCAB_EVAL_SPLIT to
// measure on the other half.

struct SpunDocument {
  std::string text;
  std::vector<std::pair<Span, const VocabPair*>> gold;  // spans in the spun text
};

size_t CharLength(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

SpunDocument Spin(std::string_view clean, const std::vector<VocabPair>& pairs, int family, double rate,
                  uint64_t* rng) {
  SpunDocument out;
  out.text.reserve(clean.size());
  for (size_t i = 0; i < clean.size();) {
    const VocabPair* best = nullptr;
    for (const VocabPair& p : pairs) {
      if (p.family != family || clean.substr(i, p.original.size()) != p.original) continue;
      if (const char* skip = std::getenv("WENSHU_SPIN_SKIP"); skip && p.spun == skip) continue;
      if (!best || p.original.size() > best->original.size()) best = &p;
    }
    *rng = *rng * 6364136223846793005ULL + 1442695040888963407ULL;
    double draw = static_cast<double>(*rng >> 11) / static_cast<double>(1ULL << 53);
    if (best && draw < rate) {
      out.gold.push_back({{out.text.size(), out.text.size() + best->spun.size()}, best});
      out.text += best->spun;
      i += best->original.size();
    } else {
      size_t n = std::min(CharLength(static_cast<unsigned char>(clean[i])), clean.size() - i);
      // WENSHU_SPIN_ASCII: write full-width commas and semicolons as ASCII, as the seed's site does.
      static const bool ascii = std::getenv("WENSHU_SPIN_ASCII") != nullptr;
      std::string_view c = clean.substr(i, n);
      out.text.append(ascii && c == "，" ? "," : ascii && c == "；" ? ";" : c);
      i += n;
    }
  }
  return out;
}

// A spot with its windows, one line, for WENSHU_SPIN_DUMP.
std::string DumpContext(std::string_view text, Span span) {
  auto c = repair_internal::ContextAround(text, span.begin, span.end);
  std::string out = c.left_window + c.left4.substr(c.left4.size() - std::min<size_t>(c.left4.size(), 6)) + "[" +
                    std::string(text.substr(span.begin, span.size())) + "]" + c.right4.substr(0, 6) +
                    c.right_window;
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

// The records a default Repair would apply: confident enough, first come first served.
std::vector<RepairRecord> Applied(std::vector<RepairRecord> records) {
  std::vector<RepairRecord> applied;
  size_t end = 0;
  for (RepairRecord& r : records) {
    if (r.confidence < RepairOptions().min_confidence || r.span.begin < end) continue;
    end = r.span.end;
    applied.push_back(std::move(r));
  }
  return applied;
}

// The model an evaluation scores with: the built-in one, or WENSHU_VOCAB_EVAL_MODEL (a model trained on one
// half of the clean corpora, tools/vocab/spin_eval.sh) with WENSHU_VOCAB_EVAL_SPLIT naming the held-out half.
struct EvalModel {
  VocabModel override_model;
  const VocabModel* model = &VocabModel::Default();
  int parity = -1;  // -1: every document; 0/1: only the even/odd (held-out) documents
};

void LoadEvalModel(EvalModel* eval) {
  if (const char* path = std::getenv("WENSHU_VOCAB_EVAL_MODEL"); path && *path) {
    auto table = testing::ReadFile(path);
    ASSERT_TRUE(table.has_value()) << path;
    auto parsed = VocabModel::Parse(*table);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    eval->override_model = *std::move(parsed);
    eval->model = &eval->override_model;
    const char* split = std::getenv("WENSHU_VOCAB_EVAL_SPLIT");
    eval->parity = split && std::string(split) == "odd" ? 1 : 0;
  }
}

TEST(SpinEval, RestoresSpunCleanReports) {
  auto docs = testing::CleanCorpusDocuments();
  if (docs.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; no clean corpus";
  std::vector<int> families = {1, 2};
  if (const char* f = std::getenv("WENSHU_SPIN_FAMILIES"); f && *f) {
    families.clear();
    for (const char* c = f; *c; ++c) {
      if (*c >= '1' && *c <= '9') families.push_back(*c - '0');
    }
  }
  EvalModel eval;
  ASSERT_NO_FATAL_FAILURE(LoadEvalModel(&eval));
  const VocabModel* model = eval.model;
  const int parity = eval.parity;
  if (const char* scoring = std::getenv("WENSHU_VOCAB_SCORING"); scoring && *scoring) {
    // Trying other settings: "context_prior,second_char_prior,dictionary_word_weight,spin_log_prior".
    if (model == &VocabModel::Default()) {
      auto parsed = VocabModel::Parse(
          std::string(testing::ReadFile(testing::SourcePath("src/repair/data/vocab_model.tsv")).value_or("")));
      ASSERT_TRUE(parsed.ok()) << parsed.status();
      eval.override_model = *std::move(parsed);
      model = &eval.override_model;
    }
    repair_internal::VocabScoring s;
    ASSERT_GE(std::sscanf(scoring, "%lf,%lf,%lf,%lf,%lf,%lf,%lf", &s.context_prior, &s.second_char_prior,
                          &s.dictionary_word_weight, &s.spin_log_prior, &s.window_prior, &s.window_weight,
                          &s.window_clip), 4);
    eval.override_model.set_scoring(s);
  }
  double rate = 1.0;
  if (const char* r = std::getenv("WENSHU_SPIN_RATE"); r && *r) rate = std::atof(r);

  FILE* dump = nullptr;
  if (const char* path = std::getenv("WENSHU_SPIN_DUMP"); path && *path) dump = std::fopen(path, "w");
  for (int family : families) {
    long tp = 0, fp = 0, fn = 0, docs_spun = 0, docs_diagnosed = 0;
    long clean_diagnosed = 0, clean_forced_changes = 0;
    std::map<std::string, long> errors;  // by pair and kind, printed with WENSHU_SPIN_DEBUG
    double clean_chars = 0;
    uint64_t rng = 20261129u + static_cast<uint64_t>(family);
    for (size_t d = 0; d < docs.size(); ++d) {
      if (parity >= 0 && static_cast<int>(d % 2) != parity) continue;
      const std::string& clean = docs[d].text;
      clean_chars += static_cast<double>(clean.size()) / 3.0;  // ~characters (mostly 3-byte Han)
      auto clean_diagnosis = DiagnoseSpinning(clean, *model);
      if (dump) {
        for (const auto& f : clean_diagnosis.families) {
          if (f.family != family) continue;
          for (const auto& s : f.spots) {
            std::fprintf(dump, "clean\t%d\t%zu\t%s\t%.3f\t%d\t0\t%s\n", family, d, s.pair->spun.c_str(),
                         s.log_odds, model->CleanRatePerMillion(s.pair->spun) <= repair_internal::kSpinMarkerRate,
                         DumpContext(clean, s.span).c_str());
          }
        }
      }
      for (const auto& f : clean_diagnosis.families) {
        if (f.family == family && f.diagnosed) ++clean_diagnosed;
      }
      for (const RepairRecord& r :
           Applied(SpunVocabularyRepairs(clean, *model, clean_diagnosis, /*force_all_families=*/true))) {
        for (const VocabPair& p : model->pairs()) {
          if (p.family == family && p.spun == r.before && p.original == r.after) {
            ++clean_forced_changes;
            break;
          }
        }
      }
      SpunDocument spun = Spin(clean, model->pairs(), family, rate, &rng);
      if (spun.gold.size() < 3) continue;
      ++docs_spun;
      auto diagnosis = DiagnoseSpinning(spun.text, *model);
      bool diagnosed = false;
      for (const auto& f : diagnosis.families) diagnosed = diagnosed || (f.family == family && f.diagnosed);
      docs_diagnosed += diagnosed;
      if (dump) {
        for (const auto& f : diagnosis.families) {
          if (f.family != family) continue;
          size_t g2 = 0;
          for (const auto& s : f.spots) {
            while (g2 < spun.gold.size() && spun.gold[g2].first.end <= s.span.begin) ++g2;
            bool gold = g2 < spun.gold.size() && spun.gold[g2].first == s.span;
            std::fprintf(dump, "spun\t%d\t%zu\t%s\t%.3f\t%d\t%d\t%s\n", family, d, s.pair->spun.c_str(),
                         s.log_odds, model->CleanRatePerMillion(s.pair->spun) <= repair_internal::kSpinMarkerRate,
                         gold, DumpContext(spun.text, s.span).c_str());
          }
        }
      }
      if (!diagnosed && std::getenv("WENSHU_SPIN_DEBUG")) {
        for (const auto& f : diagnosis.families) {
          if (f.family != family) continue;
          double positive = 0;
          std::map<std::string, int> marker_forms;
          for (const auto& s : f.spots) {
            if (s.log_odds > 0) positive += s.log_odds;
            if (model->CleanRatePerMillion(s.pair->spun) <= repair_internal::kSpinMarkerRate) {
              marker_forms[s.pair->spun + (s.log_odds >= repair_internal::kSpinStrongLogOdds ? "+" : "-")]++;
            }
          }
          std::string markers;
          for (const auto& [k, n] : marker_forms) markers += k + std::to_string(n) + " ";
          std::printf("  undiagnosed doc %zu: %zu chars, %zu gold, %zu spots, %zu strong (%d forms), "
                      "positive log-odds %.0f; markers %s\n",
                      d, clean.size() / 3, spun.gold.size(), f.spots.size(), f.strong.size(), f.strong_forms,
                      positive, markers.c_str());
        }
      }
      std::vector<RepairRecord> applied = Applied(SpunVocabularyRepairs(spun.text, *model, diagnosis));
      size_t g = 0;
      std::vector<bool> found(spun.gold.size(), false);
      for (const RepairRecord& r : applied) {
        while (g < spun.gold.size() && spun.gold[g].first.end <= r.span.begin) ++g;
        if (g < spun.gold.size() && spun.gold[g].first == r.span && spun.gold[g].second->original == r.after) {
          ++tp;
          found[g] = true;
        } else {
          ++fp;
          ++errors[r.before + "→" + r.after + " (false)"];
        }
      }
      for (size_t k = 0; k < spun.gold.size(); ++k) {
        if (!found[k]) ++errors[spun.gold[k].second->spun + "→" + spun.gold[k].second->original + " (missed)"];
      }
      fn += static_cast<long>(spun.gold.size());
    }
    fn -= tp;
    const double precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
    const double recall = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
    const double forced_rate = clean_chars ? 1e5 * static_cast<double>(clean_forced_changes) / clean_chars : 0;
    std::printf("spin-eval family %d (%s, spin rate %.2f): %ld spun docs, %ld diagnosed; spots: tp %ld fp %ld "
                "fn %ld, precision %.3f recall %.3f; clean docs diagnosed %ld; ungated clean changes %ld "
                "(%.1f per 100k chars)\n",
                family, parity < 0 ? "in-sample" : "held-out", rate, docs_spun, docs_diagnosed, tp, fp, fn,
                precision, recall, clean_diagnosed, clean_forced_changes, forced_rate);
    if (std::getenv("WENSHU_SPIN_DEBUG")) {
      std::vector<std::pair<long, std::string>> sorted;
      for (const auto& [k, n] : errors) sorted.push_back({n, k});
      std::sort(sorted.rbegin(), sorted.rend());
      for (size_t k = 0; k < sorted.size() && k < 25; ++k) {
        std::printf("  %6ld %s\n", sorted[k].first, sorted[k].second.c_str());
      }
    }
    EXPECT_EQ(clean_diagnosed, 0) << "a clean report was diagnosed as spun";
    if (family == 1) {
      EXPECT_GE(precision, 0.9);
      EXPECT_GE(recall, 0.7);
    }
  }
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

// ---- The held-out spinner ----
// Spins clean reports with tools/vocab/heldout_spinner.tsv, a synonym set of its own (family 9) that the
// model was not built from, and measures what the rule undoes with every listed and learned pair: a spot
// counts as restored when a record at its span gives its original back. Also: how many spun documents are
// diagnosed, how many clean ones (must be 0), what the rule changes in clean documents as wenshu runs it
// (with the document gate), and the largest pooled evidence of a clean document (kSpinCleanPooledMax).
// With WENSHU_VOCAB_EVAL_MODEL / _SPLIT (tools/vocab/spin_eval.sh) the model was built from the other half.
std::vector<VocabPair> ReadPairList(const std::string& path) {
  std::vector<VocabPair> pairs;
  auto text = testing::ReadFile(path);
  if (!text) return pairs;
  size_t at = 0;
  while (at < text->size()) {
    size_t end = text->find('\n', at);
    if (end == std::string::npos) end = text->size();
    std::string line = text->substr(at, end - at);
    at = end + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos) continue;
    pairs.push_back({std::atoi(line.substr(0, t1).c_str()), line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1)});
  }
  return pairs;
}

TEST(SpinEval, HeldOutSpinner) {
  auto docs = testing::CleanCorpusDocuments();
  if (docs.empty()) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; no clean corpus";
  const std::string spinner_path = testing::SourcePath("tools/vocab/heldout_spinner.tsv");
  const std::vector<VocabPair> spinner = ReadPairList(spinner_path);
  ASSERT_GE(spinner.size(), 30u) << spinner_path << " not found";
  EvalModel eval;
  ASSERT_NO_FATAL_FAILURE(LoadEvalModel(&eval));
  const VocabModel* model = eval.model;
  const int parity = eval.parity;
  double rate = 1.0;
  if (const char* r = std::getenv("WENSHU_SPIN_RATE"); r && *r) rate = std::atof(r);
  // The spinner's pairs that the model lists (same spun form and original): recall on them is the
  // context model's; the others measure how far the learned candidates reach.
  std::set<std::pair<std::string, std::string>> listed;
  for (const VocabPair& p : model->pairs()) listed.insert({p.spun, p.original});
  long gold_listed = 0, tp_listed = 0;
  long tp = 0, fp = 0, gold = 0, docs_spun = 0, docs_diagnosed = 0, clean_diagnosed = 0, clean_changes = 0;
  double clean_chars = 0, clean_pooled_max = -1e9;
  std::vector<double> spun_pooled;
  std::map<std::string, long> errors;
  uint64_t rng = 20261202u;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (parity >= 0 && static_cast<int>(d % 2) != parity) continue;
    const std::string& clean = docs[d].text;
    clean_chars += static_cast<double>(clean.size()) / 3.0;
    auto clean_diagnosis = DiagnoseSpinning(clean, *model);
    clean_diagnosed += clean_diagnosis.spun();
    if (clean_diagnosis.spun() && std::getenv("WENSHU_SPIN_DEBUG")) {
      for (const auto& f : clean_diagnosis.families) {
        if (!f.diagnosed) continue;
        std::printf("  clean doc %zu diagnosed: family %d, %zu spots, %d likely, %zu strong, share %.2f, pooled %.2f\n",
                    d, f.family, f.spots.size(), f.likely_spots, f.strong.size(), f.share_evidence,
                    clean_diagnosis.pooled_evidence);
      }
    }
    clean_pooled_max = std::max(clean_pooled_max, clean_diagnosis.pooled_evidence);
    for (const RepairRecord& r : Applied(SpunVocabularyRepairs(clean, *model, clean_diagnosis))) {
      ++clean_changes;
      ++errors[r.before + "→" + r.after + " (clean)"];
    }
    SpunDocument spun = Spin(clean, spinner, 9, rate, &rng);
    if (spun.gold.size() < 3) continue;
    ++docs_spun;
    auto diagnosis = DiagnoseSpinning(spun.text, *model);
    docs_diagnosed += diagnosis.spun();
    spun_pooled.push_back(diagnosis.pooled_evidence);
    gold += static_cast<long>(spun.gold.size());
    for (const auto& [span, pair] : spun.gold) gold_listed += listed.count({pair->spun, pair->original});
    size_t g = 0;
    std::vector<bool> found(spun.gold.size(), false);
    for (const RepairRecord& r : Applied(SpunVocabularyRepairs(spun.text, *model, diagnosis))) {
      while (g < spun.gold.size() && spun.gold[g].first.end <= r.span.begin) ++g;
      if (g < spun.gold.size() && spun.gold[g].first == r.span && spun.gold[g].second->original == r.after) {
        ++tp;
        tp_listed += listed.count({r.before, r.after});
        found[g] = true;
      } else {
        ++fp;
        ++errors[r.before + "→" + r.after + " (false)"];
      }
    }
    for (size_t k = 0; k < spun.gold.size(); ++k) {
      if (!found[k]) ++errors[spun.gold[k].second->spun + "→" + spun.gold[k].second->original + " (missed)"];
    }
  }
  std::sort(spun_pooled.begin(), spun_pooled.end());
  const double precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  const double recall = gold ? static_cast<double>(tp) / static_cast<double>(gold) : 0;
  std::printf("spin-eval held-out spinner (%s, spin rate %.2f): %ld spun docs, %ld diagnosed (pooled evidence "
              "median %.1f); spots: tp %ld fp %ld gold %ld, precision %.3f recall %.3f (on the %ld spots of "
              "pairs the model lists: %.3f); clean docs diagnosed %ld (largest pooled evidence %.1f); clean changes %ld (%.2f per 100k chars)\n",
              parity < 0 ? "in-sample" : "held-out", rate, docs_spun, docs_diagnosed,
              spun_pooled.empty() ? 0.0 : spun_pooled[spun_pooled.size() / 2], tp, fp, gold, precision, recall,
              gold_listed, gold_listed ? static_cast<double>(tp_listed) / static_cast<double>(gold_listed) : 0.0,
              clean_diagnosed, clean_pooled_max, clean_changes, clean_chars ? 1e5 * static_cast<double>(clean_changes) / clean_chars : 0);
  if (std::getenv("WENSHU_SPIN_DEBUG")) {
    std::vector<std::pair<long, std::string>> sorted;
    for (const auto& [k, n] : errors) sorted.push_back({n, k});
    std::sort(sorted.rbegin(), sorted.rend());
    for (size_t k = 0; k < sorted.size() && k < 40; ++k) {
      std::printf("  %6ld %s\n", sorted[k].first, sorted[k].second.c_str());
    }
  }
  EXPECT_EQ(clean_diagnosed, 0) << "a clean report was diagnosed as spun";
  EXPECT_LT(clean_pooled_max, repair_internal::kSpinMinPooledEvidence);
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

// WENSHU_SPIN_EXPLAIN=file: prints the diagnosis of one document and every spot with its log-odds (a tool
// for looking at real pages, which stay outside the repository); skipped without it.
TEST(SpinEval, ExplainFile) {
  const char* path = std::getenv("WENSHU_SPIN_EXPLAIN");
  if (!path || !*path) GTEST_SKIP() << "WENSHU_SPIN_EXPLAIN not set";
  auto text = testing::ReadFile(path);
  ASSERT_TRUE(text.has_value()) << path;
  const VocabModel& model = VocabModel::Default();
  auto d = DiagnoseSpinning(*text, model);
  std::printf("pooled: %d spots, %d likely, evidence %.2f%s\n", d.pooled_spots, d.pooled_likely,
              d.pooled_evidence, d.pooled_diagnosed ? " (diagnosed)" : "");
  for (const auto& f : d.families) {
    std::printf("family %d: %zu spots, %d likely, %zu strong (%d forms), share evidence %.2f%s\n", f.family,
                f.spots.size(), f.likely_spots, f.strong.size(), f.strong_forms, f.share_evidence,
                f.diagnosed ? " (diagnosed)" : "");
    for (const auto& s : f.spots) {
      std::printf("  %s→%s %.2f %s\n", s.pair->spun.c_str(), s.pair->original.c_str(), s.log_odds,
                  DumpContext(*text, s.span).c_str());
    }
  }
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

// The pooled diagnosis: a spinner whose words fall in several families, none of which has enough spots
// alone, is diagnosed by the improbability of all its word choices; each family then opens only with
// two likely spots of its own. Invented text.
TEST(SpinDiagnosis, PooledOverFamilies) {
  const VocabModel& model = VocabModel::Default();
  ASSERT_FALSE(model.empty());
  const std::string spun =
      "今年以来,我局踊跃推进轨制立异,不断完美管理体系,泛博干部职工凸起重点、攻坚克难,获得了显着成效。";
  auto d = DiagnoseSpinning(spun, model);
  EXPECT_TRUE(d.pooled_diagnosed) << d.pooled_evidence;
  EXPECT_GE(d.pooled_evidence, repair_internal::kSpinMinPooledEvidence);
  for (const auto& f : d.families) {
    if (f.family == repair_internal::kSpinLearnedFamily) {
      EXPECT_TRUE(f.diagnosed);
      EXPECT_GE(f.likely_spots, 5);
    }
    if (f.family == 3) {
      EXPECT_FALSE(f.diagnosed) << "获得 shows once: its family stays closed";
    }
  }
  const std::string clean =
      "全市12家企业获得国家级荣誉称号,科技创新为产业发展提供有力支撑,广大党员干部牢固树立宗旨意识,"
      "必须坚持以人民为中心,主动公开政务信息,财政状况良好。";
  auto c = DiagnoseSpinning(clean, model);
  EXPECT_FALSE(c.spun());
  EXPECT_LT(c.pooled_evidence, 0) << "clean word choices are not improbable";
  EXPECT_GT(c.pooled_spots, 3);
}

// A report repeats its own phrases; the share evidence counts a repeated phrase once, so a clean text
// whose only candidates are common forms in one repeated phrase (项目方案) is not diagnosed. Invented text.
TEST(SpinDiagnosis, RepeatedPhraseCountsOnce) {
  const VocabModel& model = VocabModel::Default();
  ASSERT_FALSE(model.empty());
  const std::string text =
      "为保证这项工作的正常开展，特制定本方案。\n五、项目方案\n（一）校舍建设项目方案\n经学校会议研究，决定实施校舍改造。\n";
  auto d = DiagnoseSpinning(text, model);
  EXPECT_FALSE(d.spun()) << d.pooled_evidence;
  for (const auto& f : d.families) {
    if (f.family == 1) {
      EXPECT_LT(f.counted_spots, static_cast<int>(f.spots.size()));
    }
  }
}

// Learned pairs start from lower prior odds than listed ones.
TEST(SpinDiagnosis, LearnedPairsStartLower) {
  const VocabModel& model = VocabModel::Default();
  for (const VocabPair& p : model.pairs()) {
    if (p.family != repair_internal::kSpinLearnedFamily) continue;
    const auto context = repair_internal::ContextAround("推进" + p.spun + "工作", 6, 6 + p.spun.size());
    EXPECT_DOUBLE_EQ(repair_internal::SpotLogOdds(model, p, context),
                     model.LogOdds(p, context) + repair_internal::kSpinLearnedLogPrior);
    return;
  }
  FAIL() << "no learned pair in the model";
}

}  // namespace
}  // namespace wenshu

namespace wenshu {
namespace {

// A document diagnosed from its pooled word choices gives up a lone near-certain spot of a family that stays
// closed (kSpinLoneSpotLogOdds): the spinner's choices do not follow our families. The same sentence
// alone is not diagnosed and keeps its word. Invented text.
TEST(SpinDiagnosis, PooledDocumentRestoresLoneSpotsOfClosedFamilies) {
  const VocabModel& model = VocabModel::Default();
  ASSERT_FALSE(model.empty());
  const std::string lone = "科技进步对全县经济增长的奉献率提高2个百分点。";
  const std::string text =
      "今年以来,我局踊跃推进轨制立异,不断完美管理体系,泛博干部职工凸起重点、攻坚克难。" + lone;
  auto d = DiagnoseSpinning(text, model);
  ASSERT_TRUE(d.pooled_diagnosed) << d.pooled_evidence;
  EXPECT_TRUE(d.spun());
  const repair_internal::SpinFamilyEvidence* lone_family = nullptr;
  for (const auto& f : d.families) {
    for (const auto& s : f.spots) {
      if (s.pair->spun == "奉献") lone_family = &f;
    }
  }
  ASSERT_NE(lone_family, nullptr);
  EXPECT_FALSE(lone_family->diagnosed) << "one spot does not open its family";
  bool restored = false;
  for (const RepairRecord& r : SpunVocabularyRepairs(text, model, d)) {
    if (r.before == "奉献") {
      restored = r.after == "贡献" && r.confidence > 0.9;
    }
  }
  EXPECT_TRUE(restored);

  auto alone = DiagnoseSpinning(lone, model);
  EXPECT_FALSE(alone.spun()) << alone.pooled_evidence;
  EXPECT_TRUE(SpunVocabularyRepairs(lone, model, alone).empty());
}

}  // namespace
}  // namespace wenshu
