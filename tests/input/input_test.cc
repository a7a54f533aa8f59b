// The input module (wenshu/input.h): encodings, formats, corpora and directory walks. Test inputs are
// made here (the seed converted with ICU, small fixtures written by the test), never committed.
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "input/internal.h"
#include "nlohmann/json.hpp"
#include "support/test_data.h"
#include "wenshu/input.h"
#include "wenshu/report.h"

namespace wenshu {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

std::string Convert(const std::string& utf8, const char* to) { return wenshu::testing::EncodeAs(utf8, to); }

std::string Gzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/wenshu_input_XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string p = path_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Docx(const TempDir& dir, const std::string& document_xml) {
  const std::string path = dir.path() + "/made.docx";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  auto add = [&](const char* name, const std::string& content) {
    char* copy = static_cast<char*>(malloc(content.size()));
    memcpy(copy, content.data(), content.size());
    zip_source_t* s = zip_source_buffer(z, copy, content.size(), 1);
    EXPECT_GE(zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8), 0);
  };
  add("[Content_Types].xml", "<Types/>");
  add("word/document.xml", document_xml);
  EXPECT_EQ(zip_close(z), 0);
  return *wenshu::testing::ReadFile(path);
}

std::vector<InputDocument> ReadAllDocs(const std::string& path, const InputOptions& options = {},
                                       absl::Status* status = nullptr) {
  std::vector<InputDocument> docs;
  absl::Status s = ReadInput(path, options, [&](InputDocument&& d) {
    docs.push_back(std::move(d));
    return true;
  });
  if (status != nullptr) *status = s;
  else EXPECT_TRUE(s.ok()) << s;
  return docs;
}

// The report of `text` as JSON without its source (which names the encoding).
std::string ReportWithoutSource(const InputDocument& doc) {
  ParseOptions o;
  o.title = doc.title;
  absl::StatusOr<Report> r = Parse(doc.text, o);
  EXPECT_TRUE(r.ok());
  nlohmann::json j = nlohmann::json::parse(ToJson(*r));
  j.erase("source");
  return j.dump();
}

// ---------------------------------------------------------------------------------------------------
// Encodings

TEST(DecodeText, SeedInEveryEncodingGivesTheSameReport) {
  std::optional<std::string> path = wenshu::testing::SharedPath("seeds/000_ce9821eab23f2b85.txt");
  std::string seed = path ? *wenshu::testing::ReadFile(*path) : wenshu::testing::ReadFixture("../../examples/sample/report.txt");
  ASSERT_FALSE(seed.empty());
  InputOptions options;
  absl::StatusOr<InputDocument> plain = DecodeDocument(seed, options);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->encoding, "UTF-8");
  EXPECT_FALSE(plain->bom);
  const std::string want = ReportWithoutSource(*plain);
  struct Case {
    std::string bytes;
    std::string encoding;
    bool bom;
  };
  const std::vector<Case> cases = {
      {Convert(seed, "GB18030"), "GB18030", false},
      {"\xFF\xFE" + Convert(seed, "UTF-16LE"), "UTF-16LE", true},
      {"\xFE\xFF" + Convert(seed, "UTF-16BE"), "UTF-16BE", true},
      {"\xEF\xBB\xBF" + seed, "UTF-8", true},
  };
  for (const Case& c : cases) {
    absl::StatusOr<InputDocument> doc = DecodeDocument(c.bytes, options);
    ASSERT_TRUE(doc.ok()) << c.encoding << ": " << doc.status();
    EXPECT_EQ(doc->encoding, c.encoding);
    EXPECT_EQ(doc->bom, c.bom) << c.encoding;
    EXPECT_EQ(doc->text, plain->text) << c.encoding;
    EXPECT_EQ(ReportWithoutSource(*doc), want) << c.encoding;
  }
}

TEST(DecodeText, ShortChineseInGb18030AndBig5) {
  const std::string text = "今年以来，全局财政收入达到1200万元，同比增长5%，较上年增加30人。";
  absl::StatusOr<DecodedText> gb = DecodeText(Convert(text, "GB18030"));
  ASSERT_TRUE(gb.ok()) << gb.status();
  EXPECT_EQ(gb->encoding, "GB18030");
  EXPECT_EQ(gb->text, text);
  const std::string trad = "今年以來，全局財政收入達到1200萬元，同比增長5%，較上年增加30人。";
  absl::StatusOr<DecodedText> big5 = DecodeText(Convert(trad, "Big5"));
  ASSERT_TRUE(big5.ok()) << big5.status();
  EXPECT_EQ(big5->encoding, "Big5");
  EXPECT_EQ(big5->text, trad);
}

TEST(DecodeText, NamedEncodingWinsAndItsBomIsRemoved) {
  const std::string text = "工作总结";
  absl::StatusOr<DecodedText> d = DecodeText(Convert(text, "GBK"), "gbk");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, text);
  d = DecodeText("\xFF\xFE" + Convert(text, "UTF-16LE"), "utf-16le");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->bom);
  EXPECT_EQ(d->text, text);
  EXPECT_FALSE(DecodeText("abc", "no-such-encoding").ok());
  EXPECT_FALSE(IsKnownEncoding("no-such-encoding"));
  EXPECT_TRUE(IsKnownEncoding("gb18030"));
}

TEST(DecodeText, DamagedUtf8StaysUtf8ByteForByte) {
  // Two stray bytes in a page of UTF-8: the repair stage flags them; nothing is converted.
  std::string text;
  for (int i = 0; i < 50; ++i) text += "全局收入达到1200万元。";
  text.insert(30, "\xFF");
  text.insert(300, "\xC3");
  absl::StatusOr<DecodedText> d = DecodeText(text);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->encoding, "UTF-8");
  EXPECT_EQ(d->text, text);
}

// A bad byte in a GB18030 page is kept as it is (invalid UTF-8 for the repair stage to flag, as damaged
// UTF-8 is kept), not the whole page refused; bytes that are mostly bad are still not GB18030.
TEST(DecodeText, BadLegacyBytesAreKeptForTheRepairStage) {
  std::string page;
  for (int i = 0; i < 40; ++i) page += "全局收入达到1200万元。";
  const std::string head = page.substr(0, 3 * 30), tail = page.substr(3 * 30);
  const std::string gb = Convert(head, "GB18030") + "\x81\x20" + Convert(tail, "GB18030") + "\xFF";
  for (const char* name : {"gb18030", "auto"}) {
    absl::StatusOr<DecodedText> d = DecodeText(gb, name);
    ASSERT_TRUE(d.ok()) << name << ": " << d.status();
    EXPECT_EQ(d->encoding, "GB18030");
    EXPECT_EQ(d->text, head + "\x81 " + tail + "\xFF") << name;
  }
  // The same through the streaming reader (a file), in blocks.
  TempDir dir;
  std::vector<InputDocument> docs = ReadAllDocs(dir.Write("gb.txt", gb));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, head + "\x81 " + tail + "\xFF");
  EXPECT_EQ(docs[0].encoding, "GB18030");

  // Bytes that are not GB18030 (uniform random, no control bytes): refused, naming the share.
  std::string noise;
  uint32_t x = 12345;
  while (noise.size() < 4096) {
    x = x * 1664525u + 1013904223u;
    const auto b = static_cast<unsigned char>(x >> 24);
    if (b >= 0x20) noise.push_back(static_cast<char>(b));
  }
  absl::StatusOr<DecodedText> d = DecodeText(noise, "gb18030");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(std::string(d.status().message()), HasSubstr("not valid GB18030"));
  InputOptions gb18030;
  gb18030.encoding = "gb18030";
  absl::Status status;
  docs = ReadAllDocs(dir.Write("noise.txt", noise), gb18030, &status);
  EXPECT_THAT(std::string(status.message()) + (docs.empty() ? "" : docs[0].error), HasSubstr("not valid GB18030"));

  // The offset an error names counts from the start of the input, a byte order mark included: 1000 lone
  // UTF-16LE low surrogates after a BOM are 2000 bad bytes in the first 2002 (it said 2000).
  std::string odd("\xFF\xFE", 2);
  for (int i = 0; i < 1000; ++i) odd += std::string("\x00\xDC", 2);
  d = DecodeText(odd);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(std::string(d.status().message()), HasSubstr("not valid UTF-16LE: 2000 bad bytes in the first 2002"));
}

// A lone surrogate in UTF-16 is kept as the three bytes of its code point (ED A0 80 for U+D800), which are
// never valid UTF-8, so the repair stage flags them; the characters around it are kept.
TEST(DecodeText, LoneUtf16SurrogateIsKeptAsInvalidUtf8) {
  std::string utf16 = "\xFF\xFE";
  utf16 += Convert("收入", "UTF-16LE");
  utf16 += std::string("\x00\xD8", 2);
  utf16 += Convert("万元😀", "UTF-16LE");
  absl::StatusOr<DecodedText> d = DecodeText(utf16);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->text, "收入\xED\xA0\x80万元😀");
}

// Big5 rejects C2 80, which copied would read as UTF-8's U+0080: its bytes go as U+DCC2 U+DC80
// (surrogateescape), which are not UTF-8, so they are flagged and not read as a character.
TEST(DecodeText, BadLegacyBytesThatWouldReadAsUtf8AreEscaped) {
  const std::string big5 = Convert("收入", "Big5") + "\xC2\x80" + Convert("万元", "Big5");
  absl::StatusOr<DecodedText> d = DecodeText(big5, "big5");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->text, "收入\xED\xB3\x82\xED\xB2\x80万元");
}

TEST(DecodeText, BinaryInputsAreRefusedWithAHint) {
  EXPECT_THAT(std::string(DecodeText("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").status().message()), HasSubstr("PDF"));
  EXPECT_THAT(std::string(DecodeText(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)).status().message()),
              HasSubstr(".doc"));
  EXPECT_THAT(std::string(DecodeText(std::string("abc\0def", 7)).status().message()), HasSubstr("NUL"));
  // A stray NUL in a page of text is damage, not binary: kept for the repair stage to flag.
  std::string text(4000, 'a');
  text[100] = '\0';
  EXPECT_TRUE(DecodeText(text).ok());
  absl::StatusOr<InputDocument> d = DecodeDocument("PK\x03\x04garbage", InputOptions{});
  EXPECT_FALSE(d.ok());
}

TEST(Gunzip, RoundTripAndLimits) {
  const std::string text = "全局收入达到1200万元。\n";
  absl::StatusOr<std::string> out = Gunzip(Gzip(text) + Gzip(text), 1 << 20);  // two members
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, text + text);
  EXPECT_FALSE(Gunzip(Gzip(std::string(100000, 'a')), 1000).ok());  // a bomb stops at the limit
  const std::string gz = Gzip(text);
  EXPECT_FALSE(Gunzip(gz.substr(0, gz.size() - 6), 1 << 20).ok());  // cut short
}

// ---------------------------------------------------------------------------------------------------
// HTML and .docx

TEST(Html, BodyTextWithoutChromeAndTitleCandidate) {
  const std::string page =
      "<!DOCTYPE html><html><head><meta charset=utf-8><title>2023年某局上半年工作总结 - 某某网</title>"
      "<style>p{color:red}</style><script>var x='增长50%';</script></head><body>"
      "<nav><a href=/>首页</a></nav><div class=\"site-header\">登录</div>"
      "<div class=\"breadcrumb\">当前位置：首页 &gt; 工作总结</div>"
      "<div class=article><h1>2023年某局上半年工作总结</h1>"
      "<p>收入达到1200万元，同比增长&#37;5&#x25;，较上年增加\n 30人。</p><p>A&amp;B 项目</p></div>"
      "<div id=footer>版权所有 &copy; 2023</div></body></html>";
  HtmlText h = HtmlToText(page);
  EXPECT_EQ(h.text, "2023年某局上半年工作总结\n收入达到1200万元，同比增长%5%，较上年增加30人。\nA&B项目\n");
  EXPECT_EQ(h.title, "2023年某局上半年工作总结");
  EXPECT_TRUE(LooksLikeHtml("  <!-- x --><!doctype HTML><p>"));
  EXPECT_TRUE(LooksLikeHtml("<html lang=zh>"));
  EXPECT_FALSE(LooksLikeHtml("<htmlx>"));
  EXPECT_FALSE(LooksLikeHtml("工作总结 <html>"));
  // Content sniffing: a .txt that is a page is read as HTML.
  absl::StatusOr<InputDocument> d = DecodeDocument(page, InputOptions{}, InputFormat::kText);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->format, InputFormat::kHtml);
}

TEST(Html, ReferencesBeyondUnicodeBecomeTheReplacementCharacter) {
  // The HTML standard maps a numeric reference past U+10FFFF to U+FFFD; Gumbo wrote such a value as bytes
  // that are no UTF-8 (&#55420924358, found by the input fuzzer) or read it modulo 2^32 (&#4294967297; as
  // U+0001). The text must stay valid UTF-8 and say that something was lost there.
  const std::string replacement = "\uFFFD";
  EXPECT_EQ(HtmlToText("<p>a&#55420924358").text, "a" + replacement + "\n");
  EXPECT_EQ(HtmlToText("<p>a&#4294967297;b</p>").text, "a" + replacement + "b\n");
  EXPECT_EQ(HtmlToText("<p>a&#x110000;b</p>").text, "a" + replacement + "b\n");
  EXPECT_EQ(HtmlToText("<p>a&#99999999999999999999999999;b</p>").text, "a" + replacement + "b\n");
  // In range, they read as before: the last code point, leading zeros, a reference without its semicolon.
  EXPECT_EQ(HtmlToText("<p>&#x10FFFF;&#0000066;&#67z</p>").text, "\U0010FFFFBCz\n");
}

TEST(Html, DeepNestingIsBoundedNotSlow) {
  // Within the bound: parsed (the walk uses no recursion); beyond it: refused at once, where Gumbo
  // would take minutes (20000 levels: 91 s before the bound).
  std::string page = "<html><body>";
  for (size_t i = 0; i < input_internal::kMaxHtmlNesting; ++i) page += "<span>";
  page += "正文";
  EXPECT_THAT(HtmlToText(page).text, HasSubstr("正文"));
  for (int i = 0; i < 20000; ++i) page += "<div>";
  absl::StatusOr<InputDocument> d = DecodeDocument(page, InputOptions{}, InputFormat::kHtml);
  EXPECT_FALSE(d.ok());
  EXPECT_THAT(std::string(d.status().message()), HasSubstr("nested more than"));
  // Paragraphs and list items without end tags do not count as nesting.
  std::string flat = "<html><body>";
  for (int i = 0; i < 5000; ++i) flat += "<p>段落<li>项";
  EXPECT_TRUE(DecodeDocument(flat, InputOptions{}, InputFormat::kHtml).ok());
}

// A report page in our own words, with the site's furniture around its body: a menu of links, a
// sidebar of links, a footer line. `wrapper` opens the element that holds the report.
std::string FurnishedPage(const std::string& wrapper, const std::string& close = "</div>") {
  return "<html><head><title>站点首页</title></head><body>"
         "<nav><a href=/>首页</a><a href=/a>通知公告</a></nav>" + wrapper +
         "<h1>某县2023年工作总结</h1><p>全区有在校学生26341人，比上年增长3.5%。</p>"
         "<p>新建校舍12所，完成投资4.2亿元。</p>" + close +
         "<div class=\"sidebar\"><a href=/b>热点文章一</a><a href=/c>热点文章二</a></div>"
         "<div id=\"footer\">版权所有 某某网</div></body></html>";
}

std::vector<std::string> DroppedElements(const HtmlText& h) {
  std::vector<std::string> out;
  for (const HtmlDropped& d : h.dropped) out.push_back(d.element);
  return out;
}

TEST(Html, WrapperWhoseClassOnlyMentionsFurnitureKeepsTheReport) {
  // Each class or id names furniture in one of its parts, but the element holds the report (all of the
  // page's text outside links but the footer line): it is the main content, kept; the page's own menu,
  // sidebar and footer around it still go, and are listed.
  for (const std::string attr : {"class=\"has-sidebar\"", "class=\"layout-with-sidebar\"",
                                 "class=\"main nav-open\"", "class=\"menu-active article\"",
                                 "class=\"share-article\"", "id=\"footer-wrap-content\""}) {
    SCOPED_TRACE(attr);
    const HtmlText h = HtmlToText(FurnishedPage("<div " + attr + ">"));
    EXPECT_EQ(h.text, "某县2023年工作总结\n全区有在校学生26341人，比上年增长3.5%。\n新建校舍12所，完成投资4.2亿元。\n");
    EXPECT_THAT(DroppedElements(h), ElementsAre("nav", "div.sidebar", "div#footer"));
  }
}

TEST(Html, BodyOrMainWithAFurnitureClassIsNeverDropped) {
  const HtmlText body = HtmlToText(
      "<html><body class=\"has-sidebar\"><h1>某县2023年工作总结</h1><p>全区有在校学生26341人。</p></body></html>");
  EXPECT_EQ(body.text, "某县2023年工作总结\n全区有在校学生26341人。\n");
  // <main> marks the content even when its share of the text is small, and so does a wrapper holding it.
  const std::string links = "<div class=\"menu\"><a href=/1>一</a></div>";
  std::string long_footer = "<div class=\"footer\">";
  for (int i = 0; i < 20; ++i) long_footer += "<p>地址：某市某路某号，邮编000000，联系电话00000000。</p>";
  long_footer += "</div>";
  const HtmlText main = HtmlToText("<body><div class=\"with-sidebar\"><main class=\"nav-open\"><p>正文一段。</p></main>" +
                                   links + "</div>" + long_footer + "</body>");
  EXPECT_EQ(main.text, "正文一段。\n");
  EXPECT_THAT(DroppedElements(main), ElementsAre("div.menu", "div.footer"));
}

TEST(Html, AnArticlesOwnHeaderIsKeptThePageBannerIsNot) {
  // HTML-AAM: a <header> inside sectioning content (article, section, aside, nav) or <main> introduces
  // that section; only the page's own header is its banner.
  const std::string page =
      "<html><head><title>站点首页</title></head><body><header><a href=/>某某网</a>欢迎访问</header>"
      "<article><header><h1>某县2023年工作总结</h1><time>2024-01-05</time></header>"
      "<p>全区有在校学生26341人，比上年增长3.5%。</p><footer>责任编辑：某某</footer></article>"
      "<footer>版权所有</footer></body></html>";
  const HtmlText h = HtmlToText(page);
  EXPECT_EQ(h.text,
            "某县2023年工作总结\n2024-01-05\n全区有在校学生26341人，比上年增长3.5%。\n责任编辑：某某\n");
  EXPECT_THAT(DroppedElements(h), ElementsAre("header", "footer"));
  // The <title> ("站点首页") is not repeated by a body that has its own heading: it names the site, and no
  // title is offered (the report takes the heading). Without a heading its first segment still is.
  EXPECT_FALSE(h.title.has_value());
  EXPECT_EQ(HtmlToText("<title>2023年工作总结 - 某网</title><p>全区有在校学生26341人。</p>").title, "2023年工作总结");
  EXPECT_EQ(HtmlToText("<title>站点首页</title><h1><img src=logo.png></h1><p>正文。</p>").title, "站点首页");
  // The same header marked as the site's by its class still goes.
  const HtmlText marked = HtmlToText(
      "<body><article><header class=\"site-header\">某某网</header><p>全区有在校学生26341人。</p></article></body>");
  EXPECT_EQ(marked.text, "全区有在校学生26341人。\n");
  // Headings and links are never furniture by their class: mdBook's heading anchors are <a class="header">.
  const HtmlText headings = HtmlToText(
      "<body><main><h1><a class=\"header\" href=#t>某县2023年工作总结</a></h1><h2 class=\"header-title\">一、教育</h2>"
      "<p>全区有在校学生26341人。</p></main></body>");
  EXPECT_EQ(headings.text, "某县2023年工作总结\n一、教育\n全区有在校学生26341人。\n");
}

TEST(Html, RealFurnitureIsStillDroppedAndTokensAreWholeParts) {
  // A sidebar of links larger than the report is no main content (its text is links), and a form of
  // search controls holds none; class tokens match by whole parts: "navy", "canvas", "menuitem" and
  // "sharer" are not furniture words.
  std::string sidebar = "<aside>";
  for (int i = 0; i < 30; ++i) sidebar += "<a href=/x>一条很长的热点新闻标题放在侧栏里面</a>";
  sidebar += "</aside>";
  const HtmlText h = HtmlToText(
      "<body><div role=navigation><a href=/>首页</a></div><div class=\"breadcrumb\">当前位置：首页</div>"
      "<form><input name=q><button>搜索</button></form>" + sidebar +
      "<div class=\"navy canvas menuitem sharer\"><p>全区有在校学生26341人。</p></div>"
      "<div class=\"site_footer\">版权所有</div><div class=\"share-bar\">分享到</div></body>");
  EXPECT_EQ(h.text, "全区有在校学生26341人。\n");
  EXPECT_THAT(DroppedElements(h), ElementsAre("div", "div.breadcrumb", "form", "aside", "div.site_footer",
                                              "div.share-bar"));
  // An ASP.NET page wraps its whole body in one <form>: that form holds the report.
  const HtmlText form = HtmlToText("<body><form id=form1><div class=nav><a href=/>首页</a></div>"
                                   "<p>全区有在校学生26341人。</p></form></body>");
  EXPECT_EQ(form.text, "全区有在校学生26341人。\n");
}

// Everything left out of the text is listed with its kind, its place in the page and in the text:
// scripts and styles (in the head too) that held code, other never-text elements that held characters,
// and page furniture; an external script and an empty style left nothing out and are not listed.
TEST(Html, DroppedScriptsStylesAndFurnitureAreListedWithTheirPlace) {
  const std::string head_script = "<script>var a = '增长50%';</script>";
  const std::string style = "<style>p { color: red }</style>";
  const std::string nav = "<nav><a href=/>首页</a></nav>";
  const std::string body_script = "<script type=\"text/javascript\">track('报告');</script>";
  const std::string noscript = "<noscript>请启用脚本</noscript>";
  // A reference beyond Unicode before the body's elements: rewritten for the parser (a longer string),
  // the offsets are still the page's.
  const std::string page = "<html><head><title>工作总结</title>" + head_script +
                           "<script src=\"/x.js\"></script><style></style></head><body>"
                           "<p>全区有在校学生26341人&#x110000;。</p>" + nav + "<p>新建校舍12所。</p>" + body_script +
                           style + noscript + "</body></html>";
  const HtmlText h = HtmlToText(page);
  EXPECT_EQ(h.text, "全区有在校学生26341人\uFFFD。\n新建校舍12所。\n");
  struct Want {
    std::string_view kind, element, html, text_before;
    size_t chars;
  };
  const Want want[] = {
      {"script", "script", head_script, "", 13},
      {"furniture", "nav", nav, "全区有在校学生26341人\uFFFD。\n", 2},
      {"script", "script", body_script, "全区有在校学生26341人\uFFFD。\n新建校舍12所。\n", 12},
      {"style", "style", style, "全区有在校学生26341人\uFFFD。\n新建校舍12所。\n", 12},
      {"non_text", "noscript", noscript, "全区有在校学生26341人\uFFFD。\n新建校舍12所。\n", 5},
  };
  ASSERT_EQ(h.dropped.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    SCOPED_TRACE(i);
    const HtmlDropped& d = h.dropped[i];
    EXPECT_EQ(d.kind, want[i].kind);
    EXPECT_EQ(d.element, want[i].element);
    EXPECT_EQ(d.chars, want[i].chars);
    EXPECT_EQ(page.substr(d.source.begin, d.source.size()), want[i].html);
    EXPECT_EQ(d.bytes, want[i].html.size());
    EXPECT_EQ(d.at, want[i].text_before.size());
  }
  // DecodeDocument carries the list in the document (the report's source.dropped); a text has none.
  absl::StatusOr<InputDocument> doc = DecodeDocument(page, InputOptions{});
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->dropped.size(), std::size(want));
  EXPECT_EQ(doc->dropped[1].element, "nav");
  absl::StatusOr<InputDocument> text = DecodeDocument("全区有在校学生26341人。", InputOptions{});
  ASSERT_TRUE(text.ok());
  EXPECT_TRUE(text->dropped.empty());
}

TEST(Html, ParseStopsWhenCancelled) {
  // The parse polls the flag from Gumbo's allocator: a flag already set stops it within the first
  // kPollBlocks blocks, the partial tree freed (the sanitizer build checks for leaks), and the document
  // fails as interrupted.
  std::string page = "<html><body><table>";
  for (int i = 0; i < 20000; ++i) page += "<tr><td>1</td><td>2</td></tr>";
  page += "</table></body></html>";
  const std::atomic<int> cancel{2};
  EXPECT_EQ(HtmlToText(page, &cancel).text, "");
  absl::StatusOr<InputDocument> d = DecodeDocument(page, InputOptions{}, InputFormat::kHtml, &cancel);
  EXPECT_TRUE(absl::IsCancelled(d.status())) << d.status();
  const std::atomic<int> go_on{0};
  EXPECT_THAT(HtmlToText(page, &go_on).text, HasSubstr("1 2\n1 2\n"));
}

TEST(Docx, ParagraphsBecomeLines) {
  TempDir dir;
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>2023年工作总结</w:t></w:r></w:p>"
      "<w:p><w:r><w:t xml:space=\"preserve\">一、</w:t></w:r><w:r><w:t>收入1200万元</w:t></w:r>"
      "<w:r><w:tab/><w:t>增长5%</w:t></w:r><w:r><w:delText>删</w:delText></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>人数</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "</w:body></w:document>";
  const std::string docx = Docx(dir, xml);
  absl::StatusOr<std::string> text = DocxToText(docx, 1 << 20);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "2023年工作总结\n一、收入1200万元\t增长5%\n人数\n");
  absl::StatusOr<InputDocument> d = DecodeDocument(Gzip(docx), InputOptions{});  // sniffed, gzipped
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->format, InputFormat::kDocx);
  EXPECT_EQ(d->text, *text);
}

// ---------------------------------------------------------------------------------------------------
// CSV (RFC 4180)

std::vector<std::vector<std::string>> Csv(const std::string& bytes, size_t block) {
  input_internal::CsvParser p(',', 1 << 20);
  std::vector<input_internal::CsvParser::Record> records;
  for (size_t at = 0; at < bytes.size(); at += block) p.Feed(std::string_view(bytes).substr(at, block), false, &records);
  p.Feed("", true, &records);
  std::vector<std::vector<std::string>> out;
  for (auto& r : records) out.push_back(r.fields);
  return out;
}

TEST(Csv, Rfc4180EdgeCasesInAnyBlockSize) {
  const std::string csv =
      "a,b,c\r\n"
      "\"x, y\",\"he said \"\"hi\"\"\",\"line1\r\nline2\"\r\n"
      ",,\n"
      "\"\",plain,last";  // no final line break
  for (size_t block : {1, 2, 3, 7, 1000}) {
    auto rows = Csv(csv, block);
    ASSERT_EQ(rows.size(), 4u) << block;
    EXPECT_THAT(rows[0], ElementsAre("a", "b", "c"));
    EXPECT_THAT(rows[1], ElementsAre("x, y", "he said \"hi\"", "line1\r\nline2"));
    EXPECT_THAT(rows[2], ElementsAre("", "", ""));
    EXPECT_THAT(rows[3], ElementsAre("", "plain", "last"));
  }
}

TEST(Csv, CorpusWithBomMetaColumnsAndErrors) {
  TempDir dir;
  const std::string path = dir.Write(
      "Corpus.CSV",
      "\xEF\xBB\xBFprovince,year,full_text\r\n"
      "北京,2026,\"收入1200万元，\r\n增长5%。\"\r\n"
      "上海,2026\r\n"
      "天津,2026,增加30人。\r\n");
  InputOptions o;
  o.id_field = "province";
  std::vector<InputDocument> docs = ReadAllDocs(path, o);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "北京");
  EXPECT_EQ(docs[0].line, 2);
  EXPECT_EQ(docs[0].text, "收入1200万元，\r\n增长5%。");
  EXPECT_EQ(docs[0].format, InputFormat::kText);  // a record's text
  EXPECT_TRUE(docs[0].bom);
  EXPECT_THAT(docs[0].meta, ElementsAre(Pair("province", "北京"), Pair("year", "2026")));
  EXPECT_THAT(docs[1].error, HasSubstr("2 fields"));
  EXPECT_EQ(docs[2].line, 5);
  EXPECT_EQ(docs[2].text, "增加30人。");
  absl::StatusOr<std::vector<std::string>> columns = CsvMetaColumns(path, o);
  ASSERT_TRUE(columns.ok());
  EXPECT_THAT(*columns, ElementsAre("province", "year"));

  const std::string bad = dir.Write("bad.tsv", "name\tbody\nx\ty\n");
  absl::Status status;
  ReadAllDocs(bad, InputOptions{}, &status);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(std::string(status.message()), HasSubstr("the columns are: name, body"));
}

TEST(Csv, GbkCorpusIsDecodedAsAWhole) {
  TempDir dir;
  std::string csv = "id,正文\n";
  for (int i = 0; i < 3; ++i) csv += std::to_string(i) + ",全局收入达到" + std::to_string(i) + "万元。\n";
  const std::string path = dir.Write("gbk.csv", Convert(csv, "GB18030"));
  std::vector<InputDocument> docs = ReadAllDocs(path);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[2].text, "全局收入达到2万元。");
  EXPECT_EQ(docs[2].encoding, "GB18030");
}

// ---------------------------------------------------------------------------------------------------
// JSONL and JSON

TEST(Jsonl, ErrorsGiveColumnAndReasonAndTheRestGoesOn) {
  TempDir dir;
  const std::string jsonl =
      "{\"id\":\"a\",\"text\":\"收入12万元。\",\"skip\":{\"deep\":[1,2,{\"x\":\"y\"}]}}\n"
      "{\"id\":\"b\", \"text\": tru}\n"
      "{\"id\":\"c\",\"text\":\"\\ud800\"}\n"
      "[1,2]\n"
      "\n"
      "{\"id\":7,\"content\":\"增加3人。\"}\r\n"
      "{\"id\":\"d\"}";
  for (const std::string name : {"c.JSONL", "c.jsonl.gz"}) {
    const std::string path = dir.Write(name, name.ends_with(".gz") ? Gzip(jsonl) : jsonl);
    std::vector<InputDocument> docs = ReadAllDocs(path);
    ASSERT_EQ(docs.size(), 6u) << name;
    EXPECT_EQ(docs[0].text, "收入12万元。");
    EXPECT_EQ(docs[0].line, 1);
    EXPECT_EQ(docs[1].line, 2);
    EXPECT_THAT(docs[1].error, HasSubstr("invalid JSON at column 23: syntax error"));
    EXPECT_THAT(docs[1].error, HasSubstr("invalid literal"));
    EXPECT_THAT(docs[2].error, HasSubstr("surrogate"));
    EXPECT_THAT(docs[3].error, HasSubstr("not a JSON object"));
    EXPECT_EQ(docs[4].line, 6);
    EXPECT_EQ(docs[4].id, "7");
    EXPECT_EQ(docs[4].text, "增加3人。");
    EXPECT_THAT(docs[5].error, HasSubstr("no string field"));
  }
}

// A number beyond a double's range in a field the reader does not use (nlohmann's error 406) no longer
// costs the line: the reader keeps numbers as text, so an id or meta field keeps 1e999 as written.
// What stays an error: such a number where a key belongs, and an invalid number (01e999).
TEST(Jsonl, NumberBeyondDoubleRangeKeepsTheLine) {
  TempDir dir;
  const std::string huge(400, '9');
  const std::string jsonl = "{\"id\":1,\"x\":1e999,\"text\":\"收入12万元。\"}\n"
                            "{\"id\":-1E+999,\"y\":[2,-1e999,{\"z\":" + huge + "}],\"text\":\"增加3人。\",\"u\":1e-999}\n"
                            "{1e999:\"k\",\"text\":\"x\"}\n"
                            "{\"x\":01e999,\"text\":\"x\"}\n"
                            "{\"s\":\"1e999 \\\" 1e999\",\"text\":\"末行。\"}\n";
  const std::string path = dir.Write("n.jsonl", jsonl);
  InputOptions options;
  options.json_meta = true;
  std::vector<InputDocument> docs = ReadAllDocs(path, options);
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[0].error, "");
  EXPECT_EQ(docs[0].text, "收入12万元。");
  EXPECT_EQ(docs[0].id, "1");
  EXPECT_THAT(docs[0].meta, ::testing::Contains(std::pair<std::string, std::string>("x", "1e999")));
  EXPECT_EQ(docs[1].error, "");
  EXPECT_EQ(docs[1].id, "-1E+999");
  EXPECT_EQ(docs[1].text, "增加3人。");
  EXPECT_THAT(docs[2].error, HasSubstr("invalid JSON"));
  EXPECT_THAT(docs[3].error, HasSubstr("invalid JSON"));
  EXPECT_EQ(docs[4].text, "末行。");
  ASSERT_EQ(docs[4].meta.size(), 1u);
  EXPECT_EQ(docs[4].meta[0].second, "1e999 \" 1e999");

  const std::string array = dir.Write("n.json", "[{\"id\":1e999,\"text\":\"甲。\"},{\"x\":[1E999],\"text\":\"乙。\"}]");
  absl::Status status;
  docs = ReadAllDocs(array, InputOptions{}, &status);
  EXPECT_TRUE(status.ok()) << status;
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "1e999");
  EXPECT_EQ(docs[1].text, "乙。");
}

TEST(Json, ArrayOfObjectsIsReadLikeJsonl) {
  TempDir dir;
  const std::string path = dir.Write(
      "a.json", "[{\"id\":\"a\",\"title\":\"T\",\"text\":\"收入12万元。\"},{\"id\":2,\"正文\":\"增加3人。\"}]");
  std::vector<InputDocument> docs = ReadAllDocs(path);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].title, "T");
  EXPECT_EQ(docs[1].id, "2");
  EXPECT_EQ(docs[1].text, "增加3人。");
  EXPECT_EQ(docs[1].format, InputFormat::kText);
  const std::string bad = dir.Write("b.json", "{\"text\":\"x\"}");
  absl::Status status;
  ReadAllDocs(bad, InputOptions{}, &status);
  EXPECT_THAT(std::string(status.message()), HasSubstr("not an array of objects"));
}

TEST(Formats, ExtensionsAreCaseInsensitiveAndSeeThroughGz) {
  EXPECT_EQ(FormatFromPath("a/B.JSONL"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromPath("x.Html.GZ"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("x.tsv"), InputFormat::kTsv);
  EXPECT_EQ(FormatFromPath("x.doc"), InputFormat::kAuto);
  EXPECT_FALSE(IsSupportedInputName("x.pdf"));
  EXPECT_TRUE(IsSupportedInputName("x.DOCX"));
}

// ---------------------------------------------------------------------------------------------------
// Directory walks

TEST(Walk, LinkLoopsAreWalkedOnceAndDanglingLinksReported) {
  TempDir dir;
  dir.Write("a.txt", "x");
  dir.Write("sub/b.HTML", "<p>x</p>");
  dir.Write("sub/skip.bin", "x");
  const std::string root = dir.path();
  ASSERT_EQ(symlink("..", (root + "/sub/up").c_str()), 0);
  ASSERT_EQ(symlink(".", (root + "/self").c_str()), 0);
  ASSERT_EQ(symlink(".", (root + "/self2").c_str()), 0);
  ASSERT_EQ(symlink("nowhere.txt", (root + "/dangling.txt").c_str()), 0);
  ASSERT_EQ(symlink("a.txt", (root + "/link.txt").c_str()), 0);
  WalkResult w = WalkDirectory(root);
  std::vector<std::string> files;
  for (const WalkEntry& e : w.files) files.push_back(e.path.substr(root.size()));
  EXPECT_THAT(files, ElementsAre("/a.txt", "/link.txt", "/sub/b.HTML"));
  ASSERT_EQ(w.errors.size(), 1u);
  EXPECT_THAT(w.errors[0], HasSubstr("dangling.txt: dangling link"));
  std::string notes;
  for (const std::string& n : w.notes) notes += n + "\n";
  EXPECT_THAT(notes, HasSubstr("link.txt: following a link to a file"));
  EXPECT_THAT(notes, HasSubstr("self: skipped, a directory already walked"));
  EXPECT_THAT(notes, HasSubstr("skip.bin: skipped, not a supported kind"));
  std::atomic<int> cancel{2};
  EXPECT_TRUE(WalkDirectory(root, &cancel).files.empty());
}

// ---------------------------------------------------------------------------------------------------
// The provincial corpus (shared data, optional)

TEST(Corpus, ProvincialCsvsParseWithTheirIds) {
  std::optional<std::string> dir =
      wenshu::testing::SharedPath("corpora/gov-reports-provincial-2026/output/2026_raw_text");
  if (!dir) GTEST_SKIP() << "WENSHU_SHARED_DIR is not set";
  InputOptions o;
  o.text_field = "full_text";
  o.id_field = "province";
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(*dir)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with("2026_") || !name.ends_with(".csv")) continue;
    std::vector<InputDocument> docs = ReadAllDocs(e.path().string(), o);
    ASSERT_EQ(docs.size(), 1u) << name;
    EXPECT_TRUE(docs[0].error.empty()) << docs[0].error;
    EXPECT_FALSE(docs[0].id.empty());
    EXPECT_GT(docs[0].text.size(), 10000u) << name;
    EXPECT_TRUE(docs[0].title.has_value());
    ++n;
  }
  EXPECT_EQ(n, 31);
}

}  // namespace
}  // namespace wenshu
