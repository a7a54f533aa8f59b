// The C ABI's version-2 input options: encoding and input_format decode the input as the command does.

#include <string>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "support/test_data.h"
#include "wenshu.h"

namespace {

std::string Convert(const std::string& utf8, const char* to) { return wenshu::testing::EncodeAs(utf8, to); }

nlohmann::json ParseJson(const std::string& bytes, const wenshu_options* opts) {
  wenshu_report* report = nullptr;
  EXPECT_EQ(wenshu_parse(bytes.data(), bytes.size(), opts, &report), WENSHU_OK) << wenshu_last_error();
  if (report == nullptr) return {};
  size_t len = 0;
  const char* json = wenshu_report_json(report, &len);
  nlohmann::json j = nlohmann::json::parse(std::string(json, len));
  wenshu_report_free(report);
  return j;
}

TEST(CapiInput, EncodingsGiveTheReportOfTheUtf8Text) {
  const std::string seed = wenshu::testing::ReadFixture("../../examples/sample/report.txt");
  ASSERT_FALSE(seed.empty());
  nlohmann::json want = ParseJson(seed, nullptr);
  want.erase("source");
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  EXPECT_EQ(opts.encoding, nullptr);
  opts.encoding = "auto";
  for (const auto& [bytes, name] : {std::pair{Convert(seed, "GB18030"), "GB18030"},
                                    std::pair{"\xFF\xFE" + Convert(seed, "UTF-16LE"), "UTF-16LE"},
                                    std::pair{"\xEF\xBB\xBF" + seed, "UTF-8"}}) {
    nlohmann::json got = ParseJson(bytes, &opts);
    EXPECT_EQ(got["source"]["encoding"], name);
    got.erase("source");
    EXPECT_EQ(got, want) << name;
  }
}

TEST(CapiInput, HtmlAndErrors) {
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  opts.input_format = "html";
  nlohmann::json j = ParseJson("<title>2023年工作总结 - 某网</title><p>收入达到1200万元，增长&#37;5。</p>", &opts);
  EXPECT_EQ(j["source"]["format"], "html");
  EXPECT_EQ(j["title"], "2023年工作总结");
  EXPECT_EQ(j["text"], "收入达到1200万元，增长%5。\n");
  wenshu_report* report = nullptr;
  opts.input_format = nullptr;
  opts.encoding = "auto";
  const std::string pdf = "%PDF-1.4\n";
  EXPECT_EQ(wenshu_parse(pdf.data(), pdf.size(), &opts, &report), WENSHU_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string(wenshu_last_error()).find("PDF"), std::string::npos);
  opts.encoding = "no-such-encoding";
  EXPECT_EQ(wenshu_parse("a", 1, &opts, &report), WENSHU_E_INVALID_ARGUMENT);
  opts.encoding = nullptr;
  opts.input_format = "jsonl";
  EXPECT_EQ(wenshu_parse("a", 1, &opts, &report), WENSHU_E_INVALID_ARGUMENT);
  // A version-1 caller's struct has no such fields: they are neither read nor written.
  wenshu_options v1;
  v1.encoding = "sentinel";
  ASSERT_EQ(wenshu_options_init(&v1, 1), WENSHU_OK);
  EXPECT_STREQ(v1.encoding, "sentinel");
  ASSERT_EQ(wenshu_parse("abc", 3, &v1, &report), WENSHU_OK);
  wenshu_report_free(report);
}

// What the HTML reader left out reaches the report's source.dropped (kind, element, sizes, place); a text
// input has none. gzip data with bytes after its stream fails, never read as if they were not there.
TEST(CapiInput, DroppedHtmlPartsAreInTheSourceAndGzipTrailersFail) {
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  opts.input_format = "html";
  const std::string script = "<script>var total = 12;</script>";
  const std::string page = "<body><p>收入达到1200万元。</p>" + script + "<nav><a href=/>首页</a></nav></body>";
  nlohmann::json j = ParseJson(page, &opts);
  ASSERT_EQ(j["source"]["dropped"].size(), 2u) << j["source"].dump();
  const nlohmann::json& s = j["source"]["dropped"][0];
  EXPECT_EQ(s["kind"], "script");
  EXPECT_EQ(s["element"], "script");
  EXPECT_EQ(s["chars"], 12);
  EXPECT_EQ(s["bytes"], script.size());
  EXPECT_EQ(s["source"], nlohmann::json({page.find(script), page.find(script) + script.size()}));
  EXPECT_EQ(s["at"], std::string("收入达到1200万元。\n").size());
  EXPECT_EQ(j["source"]["dropped"][1]["kind"], "furniture");
  opts.input_format = nullptr;
  opts.encoding = "auto";
  EXPECT_EQ(ParseJson("收入达到1200万元。", &opts)["source"]["dropped"], nlohmann::json::array());

  // "收入" gzipped (gzip -n), then the same followed by bytes that are no gzip member.
  const std::string gz("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x7b\x36\x65\xdb\xd3\xd6\xa5\x00"
                       "\x88\xe0\x21\x22\x06\x00\x00\x00", 26);
  EXPECT_EQ(ParseJson(gz, &opts)["text"], "收入");
  wenshu_report* report = nullptr;
  for (const std::string& trailer : {std::string("garbage"), std::string(8, '\0'), std::string("\x1f")}) {
    const std::string bytes = gz + trailer;
    EXPECT_EQ(wenshu_parse(bytes.data(), bytes.size(), &opts, &report), WENSHU_E_INVALID_ARGUMENT)
        << trailer.size() << " bytes of trailer";
    EXPECT_NE(std::string(wenshu_last_error()).find("gzip"), std::string::npos) << wenshu_last_error();
  }
}

// The spans of a decoded input index the decoded text: wenshu_report_input and
// wenshu_repair_result_input hand it out, and apply/revert work on it.
TEST(CapiInput, InputAccessorsGiveTheTextTheSpansIndex) {
  const std::string utf8 = "全区有在校学生26341人。\n\n第 2 页 共 9 页\n\n工作总结如下。\n";
  const std::string gb = Convert(utf8, "GB18030");
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  opts.encoding = "auto";
  wenshu_report* report = nullptr;
  ASSERT_EQ(wenshu_parse(gb.data(), gb.size(), &opts, &report), WENSHU_OK) << wenshu_last_error();
  size_t len = 0;
  const char* input = wenshu_report_input(report, &len);
  EXPECT_EQ(std::string(input, len), utf8);
  nlohmann::json j = nlohmann::json::parse(wenshu_report_json(report, nullptr));
  ASSERT_FALSE(j["quantities"].empty());
  for (const auto& q : j["quantities"]) {
    EXPECT_EQ(std::string(input, len).substr(q["span"][0], q["span"][1].get<size_t>() - q["span"][0].get<size_t>()),
              q["text"]);
  }
  wenshu_report_free(report);
  EXPECT_EQ(wenshu_report_input(nullptr, &len), nullptr);

  wenshu_repair_result* result = nullptr;
  ASSERT_EQ(wenshu_repair(gb.data(), gb.size(), &opts, &result), WENSHU_OK) << wenshu_last_error();
  ASSERT_GT(wenshu_repair_result_record_count(result), 0u);
  input = wenshu_repair_result_input(result, &len);
  EXPECT_EQ(std::string(input, len), utf8);
  size_t text_len = 0;
  const char* text = wenshu_repair_result_text(result, &text_len);
  std::string back(len, '\0');
  size_t back_len = 0;
  ASSERT_EQ(wenshu_repair_revert(result, text, text_len, back.data(), back.size(), &back_len), WENSHU_OK)
      << wenshu_last_error();
  EXPECT_EQ(back.substr(0, back_len), utf8);
  wenshu_repair_result_free(result);

  // Without decoding, the spans index the caller's own bytes: nothing is copied, and nothing handed out.
  ASSERT_EQ(wenshu_repair(gb.data(), gb.size(), nullptr, &result), WENSHU_OK);
  len = 1;
  EXPECT_EQ(wenshu_repair_result_input(result, &len), nullptr);
  EXPECT_EQ(len, 0u);
  wenshu_repair_result_free(result);
  ASSERT_EQ(wenshu_parse(utf8.data(), utf8.size(), nullptr, &report), WENSHU_OK);
  len = 1;
  EXPECT_EQ(wenshu_report_input(report, &len), nullptr);
  EXPECT_EQ(len, 0u);
  wenshu_report_free(report);
}

// The tokenizer reads a stream of UTF-8: an encoding or input_format is refused, not ignored.
TEST(CapiInput, TokenizerRefusesDecodingOptions) {
  wenshu_options opts;
  ASSERT_EQ(wenshu_options_init(&opts, WENSHU_OPTIONS_VERSION), WENSHU_OK);
  wenshu_tokenizer* t = nullptr;
  opts.encoding = "gb18030";
  EXPECT_EQ(wenshu_tokenizer_new(&t, &opts), WENSHU_E_INVALID_ARGUMENT);
  EXPECT_EQ(t, nullptr);
  EXPECT_NE(std::string(wenshu_last_error()).find("tokenizer reads UTF-8"), std::string::npos);
  opts.encoding = nullptr;
  opts.input_format = "html";
  EXPECT_EQ(wenshu_tokenizer_new(&t, &opts), WENSHU_E_INVALID_ARGUMENT);
  opts.input_format = nullptr;
  ASSERT_EQ(wenshu_tokenizer_new(&t, &opts), WENSHU_OK);
  wenshu_tokenizer_free(t);
}

// A word list is checked without building (for add_word), and an error of _extend names the line of
// the caller's list, not of the built-in table's words before it.
TEST(CapiInput, DictionaryCheckNamesTheCallersLine) {
  const std::string bad = "教育经费\n坏\x01词 3\n";
  EXPECT_EQ(wenshu_dictionary_check(bad.data(), bad.size()), WENSHU_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string(wenshu_last_error()).find("line 2: word contains a control character"),
            std::string::npos)
      << wenshu_last_error();
  wenshu_dictionary* d = nullptr;
  EXPECT_EQ(wenshu_dictionary_extend(&d, nullptr, bad.data(), bad.size()), WENSHU_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string(wenshu_last_error()).find("line 2:"), std::string::npos) << wenshu_last_error();
  EXPECT_EQ(d, nullptr);
  const std::string removal = "在校学生 0\n";  // only a removal: valid, though it holds no word
  EXPECT_EQ(wenshu_dictionary_check(removal.data(), removal.size()), WENSHU_OK) << wenshu_last_error();
  EXPECT_EQ(wenshu_dictionary_check(nullptr, 0), WENSHU_OK);
  EXPECT_EQ(wenshu_dictionary_check(nullptr, 1), WENSHU_E_INVALID_ARGUMENT);
}

}  // namespace
