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

}  // namespace
