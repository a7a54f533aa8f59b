// Adversarial input through Repair and Parse: a million list markers, deep brackets, every byte value,
// NULs, invalid UTF-8, an empty document, a single 50 MB line, inputs over the size limit. No crash, a
// clear status or a flag, an exact repair log, JSON that parses back.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "reliability/reliability_support.h"
#include "wenshu/repair.h"
#include "wenshu/report.h"

namespace wenshu {
namespace {

using reliability::ExpectExactRepairLog;
using reliability::HangGuard;
using std::chrono_literals::operator""s;
using reliability::Scaled;

size_t CountSections(const std::vector<Section>& sections) {
  size_t n = 0;
  for (const auto& s : sections) n += 1 + CountSections(s.children);
  return n;
}

void ExpectSectionsInside(const std::vector<Section>& sections, size_t size) {
  for (const auto& s : sections) {
    ASSERT_LE(s.span.begin, s.span.end);
    ASSERT_LE(s.span.end, size);
    ASSERT_LE(s.heading_span.end, size);
    ExpectSectionsInside(s.children, size);
  }
}

// Repair + Parse succeed, the repair log is exact, every span of the report lies in the input, and
// the JSON is valid and reads back. Returns the report for shape checks.
Report ParseAndCheck(std::string_view input, bool round_trip_json = true) {
  auto repaired = Repair(input);
  EXPECT_TRUE(repaired.ok()) << repaired.status();
  if (repaired.ok()) ExpectExactRepairLog(input, *repaired);
  auto report = Parse(input);
  EXPECT_TRUE(report.ok()) << report.status();
  if (!report.ok()) return {};
  EXPECT_EQ(report->source.bytes, input.size());
  if (repaired.ok()) {
    EXPECT_EQ(report->text, repaired->text);
  }
  ExpectSectionsInside(report->sections, input.size());
  for (const auto& q : report->quantities) EXPECT_LE(q.span.end, input.size());
  for (const auto& c : report->changes) EXPECT_LE(c.span.end, input.size());
  for (const auto& d : report->dates) EXPECT_LE(d.span.end, input.size());
  for (const auto& f : report->flags) EXPECT_LE(f.span.end, input.size());
  if (round_trip_json) {
    const std::string json = ToJson(*report, JsonStyle::kCompact);
    EXPECT_TRUE(nlohmann::json::accept(json)) << "invalid JSON for input of " << input.size() << " bytes";
    auto back = ReportFromJson(json);
    EXPECT_TRUE(back.ok()) << back.status();
    if (back.ok()) {
      EXPECT_EQ(ToJson(*back, JsonStyle::kCompact), json);
    }
  }
  return *std::move(report);
}

// A million "1、" (4 MB) and a million "(一)" markers: linear work, a section tree, no stack overflow.
TEST(PipelineAdversarialTest, MillionArabicCommaMarkers) {
  const size_t count = Scaled(1000000);
  std::string input;
  input.reserve(count * 4);
  for (size_t i = 0; i < count; ++i) input += "1、";
  HangGuard guard("Repair + Parse of a million \"1、\"", 120s);
  Report report = ParseAndCheck(input, /*round_trip_json=*/false);
  EXPECT_LE(CountSections(report.sections), count);
}

TEST(PipelineAdversarialTest, MillionChineseParenMarkers) {
  const size_t count = Scaled(1000000);
  std::string input;
  input.reserve(count * 5);
  for (size_t i = 0; i < count; ++i) input += "(一)";
  HangGuard guard("Repair + Parse of a million \"(一)\"", 120s);
  Report report = ParseAndCheck(input, /*round_trip_json=*/false);
  EXPECT_LE(CountSections(report.sections), count);
}

// Number-ish runs (issue 12): a million "1." or "0." (dotted digits: the identifier look-ahead walked
// to the run's end from every number, ~300 s for 2 MB), and a million 千 or 百万 (the 百分之 look-ahead
// did the same, ~30 s for 3 MB). Each is bounded now; the guard fails a quadratic pass clearly.
TEST(PipelineAdversarialTest, MillionNumberishRuns) {
  for (std::string_view unit : {"1.", "0.", "千", "百万"}) {
    SCOPED_TRACE(unit);
    const size_t count = Scaled(1000000);
    std::string input;
    input.reserve(count * unit.size());
    for (size_t i = 0; i < count; ++i) input += unit;
    HangGuard guard("Repair + Parse of a million \"" + std::string(unit) + "\"", 20s);
    ParseAndCheck(input, /*round_trip_json=*/false);
  }
}

// A run-on text of target triggers with figures (issue 12): each trigger searched for its sentence's
// start and end and its line's end across the whole text (512 KiB took 33.5 s, 10 MiB hours); each search
// is bounded by a window now (targets.cc, kSentenceWindowBytes; 3.4 MB ~5 s).
TEST(PipelineAdversarialTest, HundredThousandTargetTriggers) {
  const size_t count = Scaled(100000);
  std::string input;
  for (size_t i = 0; i < count; ++i) input += "主要预期目标为增长5%，";
  HangGuard guard("Parse of a hundred thousand target triggers", 120s);
  ParseAndCheck(input, /*round_trip_json=*/false);
}

// The same markers, one per line with a heading, so that every one is a real section candidate.
TEST(PipelineAdversarialTest, HundredThousandMarkerLines) {
  const size_t count = Scaled(100000);
  std::string input = "2023年上半年工作总结\n";
  for (size_t i = 0; i < count; ++i) {
    input += (i % 3 == 0) ? "（一）开展概况\n" : (i % 3 == 1) ? "1、全区现有中小学16所。\n" : "一、主要工作\n";
  }
  HangGuard guard("Repair + Parse of 100000 marker lines", 120s);
  Report report = ParseAndCheck(input, /*round_trip_json=*/true);
  EXPECT_GT(CountSections(report.sections), 0u);
}

// The same first item again and again ("1、" on every line): each could open a nested list, but the
// tree must not grow one level per line (quadratic paths, recursion as deep as the document).
TEST(PipelineAdversarialTest, HundredThousandRepeatedFirstItems) {
  const size_t count = Scaled(100000);
  std::string input;
  for (size_t i = 0; i < count; ++i) input += "1、全区现有中小学16所。\n";
  HangGuard guard("Repair + Parse of 100000 lines starting with 1、", 120s);
  Report report = ParseAndCheck(input, /*round_trip_json=*/true);
  EXPECT_GT(CountSections(report.sections), 0u);
}

TEST(PipelineAdversarialTest, DeeplyNestedBrackets) {
  const size_t depth = Scaled(100000);
  std::string input = "工作总结\n";
  for (size_t i = 0; i < depth; ++i) input += (i % 2 == 0) ? "（" : "(";
  input += "一）全区现有中小学16所";
  for (size_t i = 0; i < depth; ++i) input += (i % 2 == 0) ? ")" : "）";
  HangGuard guard("Repair + Parse of 1e5 nested brackets", 120s);
  ParseAndCheck(input);
}

TEST(PipelineAdversarialTest, EveryByteValueAloneAndInText) {
  for (int b = 0; b < 256; ++b) {
    const std::string input(1, static_cast<char>(b));
    ParseAndCheck(input);
    if (HasFatalFailure()) return;
  }
  std::string all;
  for (int b = 0; b < 256; ++b) {
    all += static_cast<char>(b);
    if (b % 32 == 0) all += "\n1、全区现有中小学16所，增长10%。";
  }
  Report report = ParseAndCheck(all);
  // Every byte >= 0x80 that is not part of a character is flagged, never dropped.
  bool flagged_invalid = false;
  for (const auto& f : report.flags) flagged_invalid = flagged_invalid || f.rule == "text.invalid_utf8";
  EXPECT_TRUE(flagged_invalid);
}

// All 65536 byte pairs through Repair (the log must be exact for each) and, concatenated into one
// document, through Parse.
TEST(PipelineAdversarialTest, EveryBytePair) {
  std::string all;
  all.reserve(65536 * 3);
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string input{static_cast<char>(a), static_cast<char>(b)};
      auto repaired = Repair(input);
      ASSERT_TRUE(repaired.ok()) << repaired.status();
      ExpectExactRepairLog(input, *repaired);
      if (HasFatalFailure()) return;
      all += input;
      all += '\n';
    }
  }
  ParseAndCheck(all);
}

TEST(PipelineAdversarialTest, NulBytesSurviveAndJsonEscapesThem) {
  static constexpr char kInput[] = "社会事业局2023年上半年工作总结\n(一)开展\0概况\n1、全区现有中小学16\0所\0\n";
  const std::string input(kInput, sizeof(kInput) - 1);
  Report report = ParseAndCheck(input);
  size_t nul_in_text = 0;
  for (char c : report.text) nul_in_text += c == '\0';
  EXPECT_EQ(nul_in_text, 3u) << "NUL bytes are content, kept in the repaired text";
  const std::string json = ToJson(report);
  EXPECT_EQ(json.find('\0'), std::string::npos) << "JSON must escape NUL";
}

TEST(PipelineAdversarialTest, InvalidUtf8IsFlaggedNotDropped) {
  const std::string input = "工作总结\n\xff\xfe全区现有中小学1\xe4\xb8所\xed\xa0\x80，增长10%\xc0\xaf。\n\xe5\xb9";
  auto repaired = Repair(input);
  ASSERT_TRUE(repaired.ok());
  ExpectExactRepairLog(input, *repaired);
  size_t flagged_bytes = 0;
  for (const auto& f : repaired->flags) {
    if (f.rule == "text.invalid_utf8") flagged_bytes += f.span.size();
  }
  EXPECT_EQ(flagged_bytes, 2u + 2u + 3u + 2u + 2u) << "every invalid byte is inside a flag";
  Report report = ParseAndCheck(input);
  const std::string json = ToJson(report);
  EXPECT_TRUE(nlohmann::json::accept(json));
}

TEST(PipelineAdversarialTest, EmptyInput) {
  auto repaired = Repair("");
  ASSERT_TRUE(repaired.ok());
  EXPECT_TRUE(repaired->text.empty());
  EXPECT_TRUE(repaired->records.empty());
  Report report = ParseAndCheck("");
  EXPECT_TRUE(report.text.empty());
  EXPECT_TRUE(report.sections.empty());
  EXPECT_TRUE(report.quantities.empty());
}

// One 50 MB line of report-like text without a single line break (scaled under sanitizers).
TEST(PipelineAdversarialTest, FiftyMegabyteSingleLine) {
  const std::string sentence =
      "全区现有中小学16所，其中直属学校7所（高完中2所，小学4所），较上年增加304人，增长10.5%；";
  const size_t total = Scaled(size_t{50} << 20);
  std::string input;
  input.reserve(total + sentence.size());
  while (input.size() < total) input += sentence;
  HangGuard guard("Repair + Parse of one 50 MB line", 300s);
  Report report = ParseAndCheck(input, /*round_trip_json=*/false);
  EXPECT_EQ(report.source.bytes, input.size());
  EXPECT_FALSE(report.quantities.empty());
}

TEST(PipelineAdversarialTest, OverTheSizeLimitIsAClearError) {
  ParseOptions options;
  options.max_bytes = 1000;
  const std::string input(1001, 'a');
  auto report = Parse(input, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(report.status().message().find("1001"), std::string_view::npos) << report.status();
  EXPECT_TRUE(Parse(std::string_view(input).substr(0, 1000), options).ok());
}

TEST(PipelineAdversarialTest, MalformedJsonIsRejectedNotCrashed) {
  for (const std::string& bad :
       {std::string(""), std::string("{"), std::string("[]"), std::string("null"),
        std::string("{\"schema\":\"wenshu.report/1\""), std::string("{\"schema\":\"other/9\"}"),
        std::string("{\"schema\":\"wenshu.report/1\",\"text\":5}"), std::string("\xff\xfe{}"),
        std::string(100000, '['), std::string("{\"schema\":\"wenshu.report/1\",\"sections\":[{\"span\":[5,1]}]}")}) {
    auto report = ReportFromJson(bad);
    EXPECT_FALSE(report.ok()) << bad.substr(0, 60);
    if (!report.ok()) {
      EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace wenshu
