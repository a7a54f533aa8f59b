// The C ABI against the C++ API it wraps: same defaults, same reports, same repairs, same tokens, on
// the fixtures and (when WENSHU_SHARED_DIR is set) on the real seed and the clean corpora.
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/test_data.h"
#include "wenshu.h"
#include "wenshu/report.h"
#include "wenshu/repair.h"
#include "wenshu/tokenizer.h"
#include "wenshu/version.h"

namespace {

using ::testing::HasSubstr;

std::string ParseJsonC(std::string_view input, const wenshu_options* opts = nullptr) {
  wenshu_report* report = nullptr;
  wenshu_status s = wenshu_parse(input.data(), input.size(), opts, &report);
  EXPECT_EQ(s, WENSHU_OK) << wenshu_last_error();
  if (s != WENSHU_OK) return "";
  size_t len = 0;
  const char* json = wenshu_report_json(report, &len);
  std::string out(json, len);
  wenshu_report_free(report);
  return out;
}

std::vector<wenshu::OwnedToken> TokenizeC(std::string_view input, size_t chunk) {
  std::vector<wenshu::OwnedToken> out;
  wenshu_tokenizer* t = nullptr;
  EXPECT_EQ(wenshu_tokenizer_new(&t, nullptr), WENSHU_OK);
  wenshu_token tok;
  for (size_t at = 0;; at += chunk) {
    if (at < input.size()) {
      size_t n = std::min(chunk, input.size() - at);
      EXPECT_EQ(wenshu_tokenizer_feed(t, input.data() + at, n), WENSHU_OK);
    } else {
      EXPECT_EQ(wenshu_tokenizer_finish(t), WENSHU_OK);
    }
    wenshu_status s;
    while ((s = wenshu_tokenizer_next(t, &tok)) == WENSHU_OK) {
      out.push_back({static_cast<wenshu::TokenKind>(tok.kind), tok.flags, tok.begin, tok.end,
                     tok.cp_begin, tok.cp_end, std::string(tok.text, tok.text_len),
                     std::string(tok.norm, tok.norm_len)});
    }
    if (s == WENSHU_DONE) break;
    EXPECT_EQ(s, WENSHU_NEED_INPUT);
    if (at >= input.size()) break;  // finished but not done would be a bug: stop
  }
  wenshu_tokenizer_free(t);
  return out;
}

// The documents every comparison runs on: the fixtures, plus the shared seed and corpora if present.
std::vector<wenshu::testing::CorpusDocument> Documents() {
  std::vector<wenshu::testing::CorpusDocument> docs = {
      {"capi/sample_report.txt", wenshu::testing::ReadFixture("capi/sample_report.txt")},
      {"invalid", std::string("\xe4\xb8\xad\xff\xfe 2023\xe5", 12)},
      {"empty", ""},
  };
  if (auto seed = wenshu::testing::SharedPath("seeds/000_ce9821eab23f2b85.txt")) {
    docs.push_back({*seed, *wenshu::testing::ReadFile(*seed)});
  }
  auto corpus = wenshu::testing::CleanCorpusDocuments();
  for (size_t i = 0; i < corpus.size(); i += 7) docs.push_back(corpus[i]);  // a spread of years
  return docs;
}

TEST(CapiTest, VersionsMatchTheCppApi) {
  EXPECT_EQ(std::string_view(wenshu_version()), wenshu::Version());
  EXPECT_EQ(std::string_view(wenshu_report_schema()), wenshu::kReportSchema);
  EXPECT_EQ(wenshu_abi_version(), WENSHU_ABI_VERSION);
}

TEST(CapiTest, OptionDefaultsMatchTheCppDefaults) {
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  EXPECT_EQ(opts.min_confidence, wenshu::RepairOptions{}.min_confidence);
  EXPECT_EQ(opts.max_bytes, wenshu::ParseOptions{}.max_bytes);
  EXPECT_EQ(opts.run_checks != 0, wenshu::ParseOptions{}.run_checks);
  EXPECT_EQ(opts.max_token_bytes, wenshu::TokenizerOptions{}.max_token_bytes);
  EXPECT_EQ(opts.split_numeral_units != 0, wenshu::TokenizerOptions{}.split_numeral_units);
}

TEST(CapiTest, OptionsInitNamesWhatIsWrongWithTheVersion) {
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, 0), WENSHU_E_VERSION);
  const std::string zero = wenshu_last_error();
  EXPECT_EQ(zero.find("newer"), std::string::npos) << zero;  // 0 is older than any version, not newer
  EXPECT_NE(zero.find("version 0 does not exist"), std::string::npos) << zero;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION + 1), WENSHU_E_VERSION);
  EXPECT_NE(std::string(wenshu_last_error()).find("newer than this library"), std::string::npos);
}

TEST(CapiTest, DisabledRulesAreCheckedByTheSharedRegistryFunction) {
  EXPECT_TRUE(wenshu::NamesRepairRules("vocab."));
  EXPECT_TRUE(wenshu::NamesRepairRules(wenshu::RepairRules().front().id));
  EXPECT_FALSE(wenshu::NamesRepairRules("vocab"));  // a family needs its trailing dot
  EXPECT_FALSE(wenshu::NamesRepairRules("no.such.rule"));
  EXPECT_FALSE(wenshu::NamesRepairRules(""));
  EXPECT_FALSE(wenshu::NamesRepairRules("."));
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  opts.disabled_rules = "vocab";
  wenshu_report* r = nullptr;
  EXPECT_EQ(wenshu_parse("x", 1, &opts, &r), WENSHU_E_INVALID_ARGUMENT);
  EXPECT_EQ(r, nullptr);
}

// Options version 2: a cancel callback stops wenshu_parse and wenshu_repair with WENSHU_E_CANCELLED at
// the poll where it says so; a version-1 struct (without the fields) still parses.
TEST(CapiTest, CancelCallbackStopsParseAndRepair) {
  std::string text;
  while (text.size() < (1u << 20)) text += "全区现有中小学16所，在校学生26341人，较上年增加304人，增长1.2%。\n";
  struct Polls {
    int calls = 0;
    int stop_at = 0;
  } polls;
  auto cancel = [](void* data) -> int {
    auto* p = static_cast<Polls*>(data);
    return ++p->calls >= p->stop_at ? 1 : 0;
  };
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  EXPECT_EQ(opts.cancel, nullptr);
  opts.cancel = cancel;
  opts.cancel_data = &polls;
  for (int stop_at : {1, 5}) {
    polls = Polls{0, stop_at};
    wenshu_report* report = nullptr;
    EXPECT_EQ(wenshu_parse(text.data(), text.size(), &opts, &report), WENSHU_E_CANCELLED);
    EXPECT_EQ(report, nullptr);
    EXPECT_EQ(polls.calls, stop_at);
    EXPECT_STREQ(wenshu_status_string(WENSHU_E_CANCELLED), "cancelled");
  }
  polls = Polls{0, 1};
  wenshu_repair_result* repaired = nullptr;
  EXPECT_EQ(wenshu_repair(text.data(), text.size(), &opts, &repaired), WENSHU_E_CANCELLED);
  EXPECT_EQ(repaired, nullptr);

  wenshu_options v1;
  ASSERT_EQ(wenshu_options_init(&v1, 1), WENSHU_OK);
  wenshu_report* report = nullptr;
  ASSERT_EQ(wenshu_parse(text.data(), text.size(), &v1, &report), WENSHU_OK);
  wenshu_report_free(report);
}

TEST(CapiTest, RuleRegistryMatches) {
  const auto& rules = wenshu::RepairRules();
  ASSERT_EQ(wenshu_repair_rule_count(), rules.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    EXPECT_EQ(std::string_view(wenshu_repair_rule_id(i)), rules[i].id);
    EXPECT_EQ(std::string_view(wenshu_repair_rule_description(i)), rules[i].description);
  }
}

TEST(CapiTest, ParseJsonEqualsToJsonOfParse) {
  for (const auto& doc : Documents()) {
    SCOPED_TRACE(doc.name);
    wenshu_options opts;
    ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
    opts.source_name = doc.name.c_str();
    wenshu::ParseOptions cpp;
    cpp.source.name = doc.name;
    auto report = wenshu::Parse(doc.text, cpp);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(ParseJsonC(doc.text, &opts), wenshu::ToJson(*report, wenshu::JsonStyle::kCompact));
    opts.pretty_json = 1;
    EXPECT_EQ(ParseJsonC(doc.text, &opts), wenshu::ToJson(*report, wenshu::JsonStyle::kPretty));
  }
}

TEST(CapiTest, ReportAccessorsMatchTheModel) {
  std::string text = wenshu::testing::ReadFixture("capi/sample_report.txt");
  auto report = wenshu::Parse(text);
  ASSERT_TRUE(report.ok());
  wenshu_report* r = nullptr;
  ASSERT_EQ(wenshu_parse(text.data(), text.size(), nullptr, &r), WENSHU_OK);
  size_t len = 0;
  const char* text_c = wenshu_report_text(r, &len);  // sets len: read it only after the call
  EXPECT_EQ(std::string(text_c, len), report->text);
  const char* title = wenshu_report_title(r, &len);
  EXPECT_EQ(title != nullptr, report->title.has_value());
  if (title != nullptr) {
    EXPECT_EQ(std::string(title, len), *report->title);
  }
  size_t count = 0;
  ASSERT_EQ(wenshu_report_count(r, WENSHU_REPORT_QUANTITIES, &count), WENSHU_OK);
  EXPECT_EQ(count, report->quantities.size());
  ASSERT_EQ(wenshu_report_count(r, WENSHU_REPORT_CHANGES, &count), WENSHU_OK);
  EXPECT_EQ(count, report->changes.size());
  ASSERT_EQ(wenshu_report_count(r, WENSHU_REPORT_DATES, &count), WENSHU_OK);
  EXPECT_EQ(count, report->dates.size());
  ASSERT_EQ(wenshu_report_count(r, WENSHU_REPORT_REPAIRS, &count), WENSHU_OK);
  EXPECT_EQ(count, report->repairs.size());
  ASSERT_EQ(wenshu_report_count(r, WENSHU_REPORT_CHECKS, &count), WENSHU_OK);
  EXPECT_EQ(count, report->checks.size());
  wenshu_report_free(r);
}

TEST(CapiTest, RepairRecordsEqualRepair) {
  for (const auto& doc : Documents()) {
    SCOPED_TRACE(doc.name);
    auto expected = wenshu::Repair(doc.text);
    ASSERT_TRUE(expected.ok());
    wenshu_repair_result* result = nullptr;
    ASSERT_EQ(wenshu_repair(doc.text.data(), doc.text.size(), nullptr, &result), WENSHU_OK);
    size_t len = 0;
    const char* text_c = wenshu_repair_result_text(result, &len);
    EXPECT_EQ(std::string(text_c, len), expected->text);
    ASSERT_EQ(wenshu_repair_result_record_count(result), expected->records.size());
    for (size_t i = 0; i < expected->records.size(); ++i) {
      const wenshu::RepairRecord& e = expected->records[i];
      wenshu_repair_record r;
      ASSERT_EQ(wenshu_repair_result_record(result, i, &r), WENSHU_OK);
      EXPECT_EQ(std::string(r.rule, r.rule_len), e.rule);
      EXPECT_EQ(r.begin, e.span.begin);
      EXPECT_EQ(r.end, e.span.end);
      EXPECT_EQ(std::string(r.before, r.before_len), e.before);
      EXPECT_EQ(std::string(r.after, r.after_len), e.after);
      EXPECT_EQ(r.confidence, e.confidence);
      EXPECT_EQ(std::string(r.reason, r.reason_len), e.reason);
    }
    ASSERT_EQ(wenshu_repair_result_flag_count(result), expected->flags.size());
    for (size_t i = 0; i < expected->flags.size(); ++i) {
      wenshu_repair_flag f;
      ASSERT_EQ(wenshu_repair_result_flag(result, i, &f), WENSHU_OK);
      EXPECT_EQ(std::string(f.rule, f.rule_len), expected->flags[i].rule);
      EXPECT_EQ(f.begin, expected->flags[i].span.begin);
      EXPECT_EQ(std::string(f.text, f.text_len), expected->flags[i].text);
    }
    EXPECT_NE(wenshu_repair_result_json(result, nullptr), nullptr);
    wenshu_repair_result_free(result);
  }
}

// Apply and revert through the C ABI are the engine's, byte for byte, also where a record covers bytes
// that are not UTF-8 (the JSON shows them as U+FFFD, so a host replaying the JSON cannot be exact).
std::string Replay(decltype(&wenshu_repair_apply) fn, const wenshu_repair_result* result,
                   std::string_view data) {
  size_t need = 0;
  EXPECT_EQ(fn(result, data.data(), data.size(), nullptr, 0, &need), WENSHU_OK) << wenshu_last_error();
  std::string out(need, '\0');
  size_t got = 0;
  if (need > 0) {
    EXPECT_EQ(fn(result, data.data(), data.size(), out.data(), need - 1, &got), WENSHU_E_LIMIT);
    EXPECT_EQ(got, need);
  }
  EXPECT_EQ(fn(result, data.data(), data.size(), out.data(), out.size(), &got), WENSHU_OK)
      << wenshu_last_error();
  EXPECT_EQ(got, need);
  return out;
}

TEST(CapiTest, ApplyAndRevertAreByteExact) {
  std::vector<std::string> inputs;
  for (const auto& doc : Documents()) inputs.push_back(doc.text);
  // A site's download notice whose last line holds bytes that are not UTF-8: the record removing it
  // covers them.
  inputs.push_back(wenshu::testing::ReadFixture("capi/site_header_invalid_utf8.txt"));
  size_t records_over_invalid = 0;
  for (const std::string& text : inputs) {
    wenshu_repair_result* result = nullptr;
    ASSERT_EQ(wenshu_repair(text.data(), text.size(), nullptr, &result), WENSHU_OK);
    size_t len = 0;
    const char* repaired = wenshu_repair_result_text(result, &len);
    const std::string repaired_text(repaired, len);
    EXPECT_EQ(Replay(wenshu_repair_apply, result, text), repaired_text);
    EXPECT_EQ(Replay(wenshu_repair_revert, result, repaired_text), text);
    for (size_t i = 0; i < wenshu_repair_result_record_count(result); ++i) {
      wenshu_repair_record r;
      ASSERT_EQ(wenshu_repair_result_record(result, i, &r), WENSHU_OK);
      std::string_view before(r.before, r.before_len);
      records_over_invalid += before.find('\xff') != before.npos;
    }
    // Text the records do not fit is refused, naming the record.
    size_t need = 0;
    if (wenshu_repair_result_record_count(result) > 0) {
      EXPECT_EQ(wenshu_repair_apply(result, "x", 1, nullptr, 0, &need), WENSHU_E_INVALID_ARGUMENT);
      EXPECT_THAT(wenshu_last_error(), HasSubstr("wenshu_repair_apply: record"));
    }
    EXPECT_EQ(wenshu_repair_apply(nullptr, "x", 1, nullptr, 0, &need), WENSHU_E_INVALID_ARGUMENT);
    EXPECT_EQ(wenshu_repair_apply(result, nullptr, 1, nullptr, 0, &need), WENSHU_E_INVALID_ARGUMENT);
    wenshu_repair_result_free(result);
  }
  EXPECT_GT(records_over_invalid, 0u) << "no record covered invalid bytes: the test lost its case";
}

TEST(CapiTest, TokensEqualTheCppTokenizerForAnyChunking) {
  for (const auto& doc : Documents()) {
    SCOPED_TRACE(doc.name);
    wenshu::Tokenizer tokenizer;
    std::vector<wenshu::OwnedToken> expected = tokenizer.Tokenize(doc.text);
    for (size_t chunk : {size_t{1}, size_t{5}, size_t{4096}}) {
      SCOPED_TRACE(chunk);
      EXPECT_EQ(TokenizeC(doc.text, chunk), expected);
    }
  }
}

TEST(CapiTest, DisabledRulesReachTheRepairStage) {
  std::string text = wenshu::testing::ReadFixture("capi/sample_report.txt");
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  opts.disabled_rules = " number. , text.invalid_utf8 ";
  wenshu::ParseOptions cpp;
  cpp.repair.disabled_rules = {"number.", "text.invalid_utf8"};
  auto report = wenshu::Parse(text, cpp);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(ParseJsonC(text, &opts), wenshu::ToJson(*report, wenshu::JsonStyle::kCompact));
}

TEST(CapiTest, LastErrorIsPerThreadAndClearedBySuccess) {
  wenshu_report* r = nullptr;
  ASSERT_EQ(wenshu_parse(nullptr, 3, nullptr, &r), WENSHU_E_INVALID_ARGUMENT);
  EXPECT_THAT(wenshu_last_error(), HasSubstr("wenshu_parse: data is NULL"));
  std::string other_thread_error = "unset";
  std::thread([&] { other_thread_error = wenshu_last_error(); }).join();
  EXPECT_EQ(other_thread_error, "");
  EXPECT_THAT(wenshu_last_error(), HasSubstr("wenshu_parse"));
  ASSERT_EQ(wenshu_parse("a", 1, nullptr, &r), WENSHU_OK);
  EXPECT_STREQ(wenshu_last_error(), "");
  wenshu_report_free(r);
}

}  // namespace
