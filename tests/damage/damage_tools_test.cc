// tools/damage: the furniture truth the generator writes (byte-exact spans, right repairs that give the
// clean text back, digit damage independent of furniture) and the furniture measure of the evaluation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "damage/command_line.h"
#include "damage/damage.h"
#include "damage/evaluate.h"
#include "damage/generate_set.h"
#include "support/test_data.h"

namespace wenshu::damage {
namespace {

// A report of about 12 kB: a title line (unless `with_title_line` is false), paragraphs of sentences.
CleanDocument SyntheticReport(bool with_title_line) {
  CleanDocument doc;
  doc.name = "synthetic";
  doc.title = "2019年某某市人民政府工作报告";
  if (with_title_line) doc.text = doc.title + "\n";
  doc.text += "各位代表：\n";
  const std::vector<std::string> sentences = {
      "过去一年，全市经济运行总体平稳，主要指标好于预期。",
      "我们坚持稳中求进工作总基调，扎实推进高质量发展；",
      "全年地区生产总值增长百分之六，居民收入稳步提高。",
      "坚持以人民为中心的发展思想，民生保障持续加强。",
      "一、过去一年的工作回顾\n",
  };
  for (size_t k = 0; doc.text.size() < 12000; ++k) {
    doc.text += sentences[k % sentences.size()];
    if (k % 7 == 6) doc.text += "\n";
  }
  doc.text += "让我们团结一心，为全面建设社会主义现代化国家而努力奋斗！";
  return doc;
}

// The damaged text with every furniture item replaced by `pick(item)`.
template <typename Pick>
std::string RepairFurniture(const DamagedDocument& doc, Pick pick) {
  std::string out;
  size_t at = 0;
  for (const TruthItem& t : doc.truth) {
    if (!IsFurnitureKind(t.kind)) continue;
    EXPECT_GE(t.span.begin, at) << doc.id << ": furniture spans overlap";
    out += doc.damaged.substr(at, t.span.begin - at) + pick(t);
    at = t.span.end;
  }
  return out + doc.damaged.substr(at);
}

std::string RightRepair(const TruthItem& t) { return t.original; }

DamageProfile FurnitureOnly() {
  DamageProfile p;
  p.site_header = p.page_counter = p.reference_number = p.trailing_tag = p.advert = true;
  return p;
}

void ExpectExactTruth(const DamagedDocument& doc, const std::string& clean) {
  for (const TruthItem& t : doc.truth) {
    ASSERT_LE(t.span.end, doc.damaged.size()) << doc.id;
    EXPECT_EQ(doc.damaged.substr(t.span.begin, t.span.size()), t.text) << doc.id << " " << t.kind;
  }
  EXPECT_EQ(RepairFurniture(doc, RightRepair), clean) << doc.id;
}

TEST(FurnitureTruth, RightRepairsGiveTheCleanTextBack) {
  for (bool title_line : {true, false}) {
    const CleanDocument clean = SyntheticReport(title_line);
    for (int family = 0; family < 3; ++family) {
      for (uint64_t seed = 1; seed <= 40; ++seed) {
        DamageProfile p = FurnitureOnly();
        p.page_footers = family == 0;
        p.page_headers = family == 1;
        p.chunk_prefixes = family == 2;
        Random random(seed), furniture(StreamSeed(seed, 7));
        DamagedDocument doc = Damage("doc" + std::to_string(seed), clean, p, random, furniture);
        ExpectExactTruth(doc, clean.text);
        EXPECT_TRUE(doc.profile.site_header && doc.profile.reference_number && doc.profile.trailing_tag &&
                    doc.profile.advert);
        EXPECT_EQ(doc.profile.page_counter, title_line) << "a page counter needs the report's title line";
        EXPECT_EQ(doc.profile.page_footers || doc.profile.page_headers || doc.profile.chunk_prefixes, true);
        for (const TruthItem& t : doc.truth) {
          // Every accepted repair differs from the right one only in line breaks or a title line.
          for (const std::string& a : t.accepted) {
            EXPECT_TRUE(a == "" || a == "\n" || (t.kind == "site_header" && !title_line))
                << t.kind << " accepts " << a;
          }
          if (t.kind == "site_header") {
            EXPECT_EQ(t.accepted.empty(), title_line);
            EXPECT_EQ(t.span.begin, 0u);
          }
        }
      }
    }
  }
}

TEST(FurnitureTruth, ShapesFollowDamageMd) {
  const CleanDocument clean = SyntheticReport(false);
  DamageProfile p = FurnitureOnly();
  p.chunk_prefixes = true;
  Random random(3), furniture(StreamSeed(3, 0));
  DamagedDocument doc = Damage("doc", clean, p, random, furniture);
  size_t chunks = 0;
  for (const TruthItem& t : doc.truth) {
    if (t.kind == "chunk_prefix") {
      ++chunks;
      // 1、 at the top of the text (after the header and a reference number), then ⏎N、 mid-sentence.
      EXPECT_EQ(t.text, chunks == 1 ? "1、" : "\n" + std::to_string(chunks) + "、");
    }
    if (t.kind == "site_header") {
      EXPECT_THAT(t.text, ::testing::HasSubstr("标题"));
      EXPECT_THAT(t.accepted, ::testing::ElementsAre(clean.title + "\n"));
    }
    if (t.kind == "trailing_tag") {
      EXPECT_EQ(t.span.end, doc.damaged.size());
    }
  }
  EXPECT_GE(chunks, 5u);
}

TEST(FurnitureTruth, DigitDamageDoesNotDependOnFurniture) {
  const CleanDocument clean = SyntheticReport(true);
  DamageProfile masked;
  masked.ten_mask = "2023";
  masked.year_masks = {"2023"};
  masked.percent_drop_rate = 1.0;
  DamageProfile furnished = masked;
  furnished.site_header = furnished.page_footers = furnished.advert = true;
  Random random_a(11), random_b(11), furniture_a(1), furniture_b(2);
  DamagedDocument plain = Damage("a", clean, masked, random_a, furniture_a);
  DamagedDocument dressed = Damage("b", clean, furnished, random_b, furniture_b);
  EXPECT_NE(plain.damaged, dressed.damaged);
  EXPECT_EQ(RepairFurniture(dressed, RightRepair), plain.damaged);
  ASSERT_THAT(plain.truth, ::testing::Not(::testing::IsEmpty()));  // the title line's year is masked
  std::vector<std::string> digits_a, digits_b;
  for (const TruthItem& t : plain.truth) digits_a.push_back(t.kind + ":" + t.text + ":" + t.original);
  for (const TruthItem& t : dressed.truth) {
    if (!IsFurnitureKind(t.kind)) digits_b.push_back(t.kind + ":" + t.text + ":" + t.original);
  }
  EXPECT_EQ(digits_a, digits_b);
  // Both main streams are left in the same state, whatever the furniture.
  EXPECT_EQ(random_a.Below(1000000), random_b.Below(1000000));
}

TEST(FurnitureTruth, SomeDamagedDocumentsHaveNone) {
  size_t bare = 0, n = 4000;
  for (size_t i = 0; i < n; ++i) {
    Random f(StreamSeed(42, i));
    DamageProfile p;
    DrawFurniture(f, &p);
    bare += !(p.site_header || p.page_footers || p.page_headers || p.page_counter || p.chunk_prefixes ||
              p.reference_number || p.trailing_tag || p.advert);
  }
  EXPECT_NEAR(static_cast<double>(bare) / static_cast<double>(n), 0.25, 0.03);
  Random f(1);
  DamageProfile clean;
  clean.clean = true;
  DrawFurniture(f, &clean);
  EXPECT_FALSE(clean.site_header || clean.page_footers || clean.page_headers || clean.chunk_prefixes);
}

TEST(FurnitureTruth, JsonKeepsAccepted) {
  DamagedDocument doc;
  doc.id = "x";
  doc.damaged = "标题\n正文";
  doc.truth.push_back({"site_header", {0, 7}, "标题\n", "", {"标题\n"}});
  DamagedDocument back;
  ASSERT_TRUE(FromJsonLine(ToJsonLine(doc), &back));
  ASSERT_EQ(back.truth.size(), 1u);
  EXPECT_THAT(back.truth[0].accepted, ::testing::ElementsAre("标题\n"));
}

// On the default set: every truth item is byte-exact, and putting every item's right repair back (digits,
// percent signs, furniture) gives the clean original.
TEST(FurnitureTruth, DefaultSetRepairsBackToTheOriginals) {
  auto corpora = testing::SharedPath("corpora");
  if (!corpora) GTEST_SKIP() << "WENSHU_SHARED_DIR not set; the clean corpora are not available";
  auto clean = ReadCleanCorpora(corpora->substr(0, corpora->size() - std::string("/corpora").size()));
  ASSERT_FALSE(clean.empty());
  size_t furniture = 0;
  for (const DamagedDocument& doc : GenerateSet(clean, SetOptions{})) {
    std::string repaired;
    size_t at = 0;
    for (const TruthItem& t : doc.truth) {
      ASSERT_GE(t.span.begin, at) << doc.id << ": truth spans overlap";
      EXPECT_EQ(doc.damaged.substr(t.span.begin, t.span.size()), t.text) << doc.id << " " << t.kind;
      repaired += doc.damaged.substr(at, t.span.begin - at) + t.original;
      at = t.span.end;
      furniture += IsFurnitureKind(t.kind);
    }
    repaired += doc.damaged.substr(at);
    EXPECT_EQ(repaired, doc.original) << doc.id;
  }
  EXPECT_GT(furniture, 1000u);
}

// The furniture measure, on hand-made documents and records.
class FurnitureMeasure : public ::testing::Test {
 protected:
  // `damaged` with one item of `kind` at the first occurrence of `item`.
  DamagedDocument Doc(const std::string& damaged, const std::string& kind, const std::string& item,
                      std::string original = "", std::vector<std::string> accepted = {}) {
    DamagedDocument doc;
    doc.id = "doc";
    doc.damaged = damaged;
    size_t at = damaged.find(item);
    doc.truth.push_back({kind, {at, at + item.size()}, item, std::move(original), std::move(accepted)});
    return doc;
  }
  // A furniture record removing the first occurrence of `text` after `from`.
  static RepairRecord Removal(const DamagedDocument& doc, const std::string& text, size_t from = 0) {
    size_t at = doc.damaged.find(text, from);
    RepairRecord r;
    r.rule = "boilerplate.page_furniture";
    r.span = {at, at + text.size()};
    r.before = text;
    return r;
  }
  const FurnitureCounts& Counts(const std::string& kind) { return metrics_.furniture[kind]; }

  Metrics metrics_;
};

const std::string kFooter = "社会事业局上半年工作总结第2页\n";
const std::string kCut = "渠道收集意向。到" + kFooter + "目前为止，新加坡集团";

TEST_F(FurnitureMeasure, ExactRemovalCounts) {
  DamagedDocument doc = Doc(kCut, "page_footer", kFooter);
  EvaluateFurniture(doc, {Removal(doc, kFooter)}, &metrics_, 5);
  EXPECT_EQ(Counts("page_footer").removed, 1u);
  EXPECT_EQ(metrics_.furniture_false_bytes, 0u);
  EXPECT_EQ(metrics_.furniture_documents_exact, 1u);
}

TEST_F(FurnitureMeasure, KeptLineBreakIsAMiss) {
  DamagedDocument doc = Doc(kCut, "page_footer", kFooter);
  EvaluateFurniture(doc, {Removal(doc, "社会事业局上半年工作总结第2页")}, &metrics_, 5);
  EXPECT_EQ(Counts("page_footer").removed, 0u);
  ASSERT_EQ(Counts("page_footer").misses.size(), 1u);
  EXPECT_THAT(Counts("page_footer").misses[0], ::testing::HasSubstr("left \"⏎\""));
}

TEST_F(FurnitureMeasure, OverrunIsAMissAndCountsTheBytes) {
  DamagedDocument doc = Doc(kCut, "page_footer", kFooter);
  EvaluateFurniture(doc, {Removal(doc, "到" + kFooter)}, &metrics_, 5);
  EXPECT_EQ(Counts("page_footer").removed, 0u);
  EXPECT_EQ(metrics_.furniture_false_bytes, 3u);
  EXPECT_EQ(metrics_.furniture_false_documents, 1u);
  EXPECT_THAT(Counts("page_footer").misses[0], ::testing::HasSubstr("ran past it"));
}

TEST_F(FurnitureMeasure, SplitOrShiftedRemovalsThatGiveTheSameTextCount) {
  // A page mark at a line start: the truth span holds the break before it, which stays.
  DamagedDocument doc = Doc("上一段结束：\n第3页共5页\n下一段开始", "page_header", "\n第3页共5页\n", "\n");
  // The record takes the mark with the break before it, not the one after: the same text comes out.
  EvaluateFurniture(doc, {Removal(doc, "\n第3页共5页")}, &metrics_, 5);
  EXPECT_EQ(Counts("page_header").removed, 1u);
  EXPECT_EQ(metrics_.furniture_false_bytes, 0u);

  Metrics split;
  DamagedDocument footer = Doc(kCut, "page_footer", kFooter);
  EvaluateFurniture(footer, {Removal(footer, "社会事业局"), Removal(footer, "上半年工作总结第2页\n")}, &split,
                    5);
  EXPECT_EQ(split.furniture["page_footer"].removed, 1u);
}

TEST_F(FurnitureMeasure, AcceptedRepairIsCountedApart) {
  const std::string header = "温馨提示:\n网站客服:3074922707\n2023\n文章标题:某某报告\n";
  DamagedDocument doc = Doc(header + "各位代表：\n", "site_header", header, "", {"某某报告\n"});
  RepairRecord label = Removal(doc, "文章标题:");
  EvaluateFurniture(doc, {Removal(doc, "温馨提示:\n网站客服:3074922707\n2023\n"), label}, &metrics_, 5);
  EXPECT_EQ(Counts("site_header").removed, 1u);
  EXPECT_EQ(Counts("site_header").accepted, 1u);
  EXPECT_EQ(metrics_.FurnitureTotal().accepted, 1u);
}

TEST_F(FurnitureMeasure, UntouchedItemAndTouchedBareDocument) {
  DamagedDocument doc = Doc(kCut, "page_footer", kFooter);
  EvaluateFurniture(doc, {}, &metrics_, 5);
  EXPECT_THAT(Counts("page_footer").misses[0], ::testing::HasSubstr("untouched"));

  DamagedDocument bare;
  bare.id = "bare";
  bare.damaged = "第一章\n正文。";
  RepairRecord r = Removal(bare, "第一章\n");
  r.rule = "boilerplate.site_header";
  RepairRecord other = Removal(bare, "正文");
  other.rule = "vocab.spun";  // not a furniture rule: not counted
  EvaluateFurniture(bare, {r, other}, &metrics_, 5);
  EXPECT_EQ(metrics_.furniture_free_documents, 1u);
  EXPECT_EQ(metrics_.furniture_free_touched, 1u);
  EXPECT_EQ(metrics_.furniture_false_bytes, r.span.size());
}

TEST(FurnitureTargets, CheckFailsOnEachTarget) {
  Metrics m;
  m.furniture["page_footer"] = {100, 99, 0, {}};
  EXPECT_TRUE(CheckTargets(m, Targets{}).empty());
  m.furniture["advert"] = {10, 5, 0, {}};  // 104/110 overall
  EXPECT_THAT(CheckTargets(m, Targets{}), ::testing::ElementsAre(::testing::HasSubstr("furniture removed")));
  m.furniture.erase("advert");
  m.furniture_false_bytes = 1;
  EXPECT_THAT(CheckTargets(m, Targets{}), ::testing::ElementsAre(::testing::HasSubstr("not furniture")));
  m.furniture_false_bytes = 0;
  m.clean_furniture_documents = 1;
  EXPECT_THAT(CheckTargets(m, Targets{}), ::testing::ElementsAre(::testing::HasSubstr("clean original")));
}

TEST(DamageCommandLine, ParsesTheFlagsOfEachTool) {
  const char* eval[] = {"eval", "--seed",     "7", "--copies", "2",       "--clean-fraction",
                        "0.5",  "--examples", "3", "--check",  "--input", "set.jsonl"};
  CommandLine args;
  ASSERT_TRUE(ParseCommandLine(12, eval, "wenshu_damage_eval",
                               kSharedFlag | kSetFlags | kInputFlag | kExamplesFlag | kCheckFlag, &args));
  EXPECT_EQ(args.set.seed, 7u);
  EXPECT_EQ(args.set.copies, 2);
  EXPECT_EQ(args.set.clean_fraction, 0.5);
  EXPECT_EQ(args.examples, 3u);
  EXPECT_TRUE(args.check);
  EXPECT_EQ(args.input, "set.jsonl");

  const char* gen[] = {"gen", "-o", "out.jsonl", "--shared", "/tmp/shared"};
  CommandLine g;
  ASSERT_TRUE(ParseCommandLine(5, gen, "wenshu_damage", kSharedFlag | kSetFlags | kOutputFlag, &g));
  EXPECT_EQ(g.output, "out.jsonl");
  EXPECT_EQ(g.shared, "/tmp/shared");
}

TEST(DamageCommandLine, RejectsWhatAToolDoesNotTake) {
  CommandLine args;
  const char* check[] = {"gen", "--check"};
  EXPECT_FALSE(ParseCommandLine(2, check, "wenshu_damage", kSharedFlag | kSetFlags | kOutputFlag, &args));
  const char* bad_seed[] = {"eval", "--seed", "12x"};
  EXPECT_FALSE(ParseCommandLine(3, bad_seed, "wenshu_damage_eval", kSetFlags, &args));
  const char* bad_fraction[] = {"eval", "--clean-fraction", "1.5"};
  EXPECT_FALSE(ParseCommandLine(3, bad_fraction, "wenshu_damage_eval", kSetFlags, &args));
  const char* missing[] = {"eval", "--examples"};
  EXPECT_FALSE(ParseCommandLine(2, missing, "wenshu_damage_eval", kExamplesFlag, &args));
  EXPECT_THAT(
      Usage("wenshu_damage", kSharedFlag | kSetFlags | kOutputFlag),
      ::testing::AllOf(::testing::HasSubstr("-o FILE"), ::testing::Not(::testing::HasSubstr("--check"))));
}

}  // namespace
}  // namespace wenshu::damage
