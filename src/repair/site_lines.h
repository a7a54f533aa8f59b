// boilerplate.site_lines: lines a document-sharing site or a government portal added around a report,
// told from report prose by a learned line model (tools/furniture/train.py, src/repair/data/
// furniture_model.tsv) the way jusText and boilerpipe tell boilerplate from text: site vocabulary
// (上传 下载 会员 页数 字号 …), short lines, key:value stat lines, link separators (> » |), URLs, digit and
// punctuation shares. Position decides where the model may act: the lines before the report's first
// sentence and after its last, and inside the text only a run of lines the model is near-certain of.
#ifndef WENSHU_SRC_REPAIR_SITE_LINES_H_
#define WENSHU_SRC_REPAIR_SITE_LINES_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "text/cancel.h"
#include "text/lexicon.h"

namespace wenshu::repair_internal {

// Thresholds, measured by tools/furniture/train.py (model 2) on held-out lines: every third clean report (109
// portal-chrome lines, 3,662 prose lines), and 107 furniture lines copied from the annotated real pages of 33
// site families (issue 14's dev set, kept outside the repository), cross-validated by site family in 4 folds
// (each fold's families never trained on):
//   p >= 0.90: held-out corpus precision 0.963, recall 0.963; real pages recall 0.738 (4.0 prose lines above)
//   p >= 0.99: held-out corpus precision 0.971, recall 0.927; real pages recall 0.673 (2.0 prose lines above)
// (the prose lines above 0.9 are the portal's own 相关链接>> / 相关附件>> inside the report: chrome the
// annotation missed, and a caption). Before the first sentence and after the last, a line at
// kSiteLineProbability goes.
inline constexpr double kSiteLineProbability = 0.9;
// Inside the report only runs of kInsideRunLines lines, each at kInsideProbability and at most
// kInsideMaxChars characters, go (the portal's 打印本页 / 关闭窗口 before a second copy of the opening): a
// single short line there is more likely a heading the model has not seen.
inline constexpr double kInsideProbability = 0.99;
inline constexpr size_t kInsideRunLines = 2;
inline constexpr size_t kInsideMaxChars = 30;
// A line of the report's body: a sentence (ends in 。！？；, or holds one) of at least kSentenceChars
// characters that the model reads as prose. The edges are what lies before the first and after the last.
inline constexpr size_t kSentenceChars = 20;
// When no line of a document is such a sentence (a fragment cut before its full stop), a line of
// kSentenceChars characters with kClauseCommas clause commas or more is the body too: site lines with commas
// (notices) end as sentences, and tag lines run shorter or separate with other marks.
inline constexpr size_t kClauseCommas = 3;
// A sentence at an edge (a notice, or the report's own first or last sentence about documents and
// downloads) goes only when the model is near-certain. Measured as above: the held-out corpus lines above
// 0.98 and above 0.99 are the same three (portal chrome the annotation missed), generated prose none; the
// sites' "下面是小编为大家整理的…,供大家参考。" notices score 0.981-0.998 (4 pages of 4 sites on issue 14's
// two real sets).
inline constexpr double kEdgeSentenceProbability = 0.98;
// A line before the report that reads as its title stays below this (a title the model doubts is the
// report's; "市长政府工作报告全文" scores between the two).
inline constexpr double kEdgeTitleProbability = kInsideProbability;
inline constexpr double kLoneSentenceProbability = kEdgeSentenceProbability;
inline constexpr double kProseProbability = 0.5;
// A line at an edge that reads as prose once the Latin letters, digits and spaces in it are dropped, and
// holds kTitleHanChars ideographs, is the report's with extraction noise (政 府 工 作 报 告hd9, 各位代表:hd9).
inline constexpr size_t kTitleHanChars = 4;
// ... unless the model is certain of the line as it stands (政 府 工 作 报 告hd9 scores 0.997, 各位代表:hd9 0.928;
// a stat line with a user name, admin 分享 时间: 加入收藏 …, 1.000).
inline constexpr double kCertainProbability = 0.999;
// A breadcrumb whose last item is the title (找总结网 > 工作计划 > … > 镇政府2019年工作总结): with at least
// kBreadcrumbSeparators link separators, a prefix the model reads as furniture (kSiteLineProbability) goes
// alone when the last item reads as prose and holds kBreadcrumbTitleHanChars ideographs; a shorter last item
// is a section of the site (年终总结, 工作计划) and the line goes whole; so does a line whose title comes again
// on its own within the next kBreadcrumbTitleLookahead lines (the site's copy).
inline constexpr size_t kBreadcrumbSeparators = 2;
inline constexpr size_t kBreadcrumbTitleLookahead = 5;
inline constexpr size_t kBreadcrumbTitleHanChars = 6;
// A line that is furniture only in a segment (a notice glued before the report's first sentence, a site
// line after its last, `上传人:… 格式:doc  某镇2022年工作总结`): the line is cut into pieces at sentence ends
// and blanks (not at the blanks around a link separator, which join a breadcrumb), at most
// kSegmentMaxPieces from each end are tried, and the furniture prefix or suffix goes, the report's text
// stays. A prefix ends where the next piece reads as prose (p < kProseProbability) and holds
// kSegmentProseHanChars ideographs; the prefix must score kSiteLineProbability where the whole line would go
// anyway, else kSegmentProbability; what stays must hold a sentence, or before the report a title
// (kBreadcrumbTitleHanChars ideographs, one piece, naming a kind of report). Measured by
// tools/furniture/train.py (segments.py is the same cut in Python): held-out generated furniture glued before
// held-out report sentences and titles is cut exactly 91% of the time (1290 of 1416), after them 93% (543 of
// 584); of the 11,100 clean report lines none is cut at p >= 0.99. The shortest prefix (suffix) is taken: the
// longest took a report sentence with it 1 time in 7.
inline constexpr double kSegmentProbability = 0.99;
// A title that stays of such a line names a kind of report (what src/report reads as a title).
// The lexicon's kinds and the kinds a site's page also carries (方案, 讲话, 通知; 总結 mixes the scripts; 心得体会,
// the genre of 5 of the third real set's 19 pages, one of whose titles stood between two site lines).
inline constexpr std::string_view kSiteReportKinds[] = {"方案", "讲话", "发言", "意见", "通知", "纪要", "总結", "心得体会"};
inline constexpr std::string_view kSiteReportKindsTraditional[] = {"講話", "發言", "紀要", "心得體會"};
inline constexpr auto kReportTitleWords =
    text::lexicon::Join(text::lexicon::kReportKindLabels, kSiteReportKinds,
                        text::lexicon::kReportKindLabelsTraditional, kSiteReportKindsTraditional);
inline constexpr size_t kSegmentMaxPieces = 8;
// A label in 【】 of at most kOpeningLabelMaxChars characters opening a line is a piece of its own (a site's
// 【导读】 glued before the text; the sites' labels of issue 14's sets hold 2 to 6).
inline constexpr size_t kOpeningLabelMaxChars = 8;
inline constexpr size_t kSegmentProseHanChars = 2;
// A table's row (kTableBars bars or more, the line starting or ending with one: `| 行政许可 | 0 |`) is the
// report's: the control pages of issue 14's dev set (annual reports on government information disclosure) carry
// such tables; a site's menu does not start or end with its bar.
inline constexpr size_t kTableBars = 2;
// ... and at least kTableCells cells, empty ones counted: the first set's control pages write rows of one
// filled cell and empty ones (`| 第二十条 第(一)项 | |||`), never one cell alone between two bars; the one such
// line of issue 14's two real sets is a site's tag (`| 报告 |`).
inline constexpr size_t kTableCells = 2;
// A broken table leaves lines of bars alone and runs of hundreds of bars after a line's text (issue 14's
// dev set, a portal's annual report). A table's row on the dev set's control pages ends with at most 9 bars
// of empty cells (the clean corpora hold no table: at most one bar in a line): a run of kResidueBars bars or
// more at a line's end is no table's, and holds nothing of the report.
inline constexpr size_t kResidueBars = 32;
// A line of at most kContextLineChars characters, neither a sentence nor a title, between two site lines
// at the report's edge goes with them (jusText's context rule for short blocks); the portal lines the dev
// set's furniture model misses there are 4 to 25 characters long.
inline constexpr size_t kContextLineChars = 30;
// The page's own heading kept by the context rule holds at least kOwnHeadingMinHan ideographs (a title of two
// phrases of three, 学党史 忆初心; a site's category or button, 我要投稿, holds four or fewer).
inline constexpr size_t kOwnHeadingMinHan = 5;
// ... and at least this share of its Han bigrams stands again in the text after the first sentence line. Measured
// on issue 14's seven dev sets, the nearest such candidates above the text of the pages with no title line:
// the two page titles 0.40 and 0.54 and two bundles' counted titles 0.55 and 0.73 (kept; boilerplate.bundle
// flags them, as a collection title printed once); the site's lines 0.00-0.29 (a menu row 0.00, a truncated
// title copy 0.11, two counted titles with the site's words after them 0.20 and 0.29).
inline constexpr double kOwnHeadingMinRecurrence = 1.0 / 3.0;
// ... and so does a row of links of any length: kLinkRowPieces pieces or more between link separators (| » >),
// none empty and none longer than kLinkRowPieceChars characters (the real sets' menus and recommended-page
// rows: 3 to 10 pieces of 2 to 12 characters; the clean corpora hold no line of two bars).
inline constexpr size_t kLinkRowPieces = 3;
// Above the title, a row of blank-parted labels of ideographs (`我要投稿 投诉建议`: kMenuMinPieces to
// kMenuMaxPieces labels of kMenuLabelMinChars to kMenuLabelMaxChars) goes when a nearby site line that went
// says one of them: the site repeats its menu's words in its stat line. Measured: the clean corpora's output
// and the damage set's figures do not change; on issue 14's five real sets it removes one line (wild4 008's
// `我要投稿 投诉建议`, whose 我要投稿 the stat line below says), nothing else. Lines under the title (the
// speaker, the date) are never asked.
inline constexpr size_t kMenuMinPieces = 2;
inline constexpr size_t kMenuMaxPieces = 6;
inline constexpr size_t kMenuLabelMinChars = 2;
inline constexpr size_t kMenuLabelMaxChars = 8;
inline constexpr size_t kLinkRowPieceChars = 16;
// A portal's metadata block (发文单位 ⏎ 某区发展和改革局): a field name of kFieldNameMinHan to kFieldNameMaxHan
// ideographs that went whole takes the next line with it, before the report, when that line is one piece of
// at most kFieldValueMaxChars characters and neither a sentence nor a title (issue 14's dev set: values of 2
// to 10 characters). The same bounds make a metadata row, `来源: 某局`, which goes next to another that went.
inline constexpr size_t kFieldNameMinHan = 2;
inline constexpr size_t kFieldNameMaxHan = 6;
inline constexpr size_t kFieldValueMaxChars = 20;
// A lone cell after a bar (`| 用户名`, IsLoneCellLine in site_lines.cc): a site's author or uploader field that
// lost its label, at most kLoneCellMaxChars characters. The clean corpora's lines hold no such line (one bar
// alone, no cell); issue 14's eight real sets hold three, two of them a site's author under the title (`| cwl2`,
// read by the model at 0.73) and one a broken table's row inside a report (`| 三、本年度`, never at an edge).
inline constexpr size_t kLoneCellMaxChars = 16;
// A site's line said again further down (its notice at the page's top and again above the text) goes as the
// first did: the same ideographs, kRepeatedSiteLineHan of them at least (a sentence's length, kSentenceChars).
inline constexpr size_t kRepeatedSiteLineHan = kSentenceChars;
// Lines longer than kMaxSiteLineChars characters are never scored: the longest site line seen (a numbered
// download notice) has about 150, and a 50 MB line must cost no more than a scan.
inline constexpr size_t kMaxSiteLineChars = 400;
// A document is touched only when the model finds kMinDocumentLines site lines, or one it is
// near-certain of (kInsideProbability): a clean report's lone short line at an edge stays (a table's lone bar
// scores between 0.98 and 0.99). A lone sentence at an edge needs kLoneSentenceProbability, the edge
// sentences' bar (a site's 小编 notice on a page with no other furniture scores 0.981).
inline constexpr size_t kMinDocumentLines = 2;
// A site's name after the title on the first line ("…报告-某某网") holds kSiteNameMinHan ideographs at least,
// nothing else: a shorter piece after a dash is a range or a code ("2022-23", "1-10-49").
inline constexpr size_t kSiteNameMinHan = 2;
// A site's teaser or abstract under its label at the report's top (推荐阅读:…, 核心提示:…, 导读:…): a line up to
// the report's first sentence that opens with a label of kTeaserLabelMinHan to kTeaserLabelMaxHan ideographs
// and a colon, the label alone (with or without its colon) read as furniture (kSiteLineProbability). Of the
// clean corpora's 64 lines that open with such a label, those the model reads so are 时间: (a portal's date
// line, furniture itself) and a table's product names (原煤:, 棉花:) inside the report, never at its top. When
// the text after the label is a copy of the opening that follows (kTeaserCopyChars characters at least, blanks
// and breaks aside) the line goes; otherwise it is flagged (the site's abstract: the report's words, or not).
// A site's notice that names the page's title (`下面是…<title>…,欢迎大家阅读。`, `以下是小编为大家整理的<title>,希望对
// 大家有所帮助。`) ends the paragraph at the report's top: the title's longest run of ideographs
// (kNoticeTitleHanChars at least, said by a line above) stands in the paragraph's last sentence, and the
// notice, read from where the site glued it (within kNoticeLeadChars characters before the title; a teaser
// cut mid-word runs into it), scores kSiteLineProbability. The two together, not the model's bar for a segment
// (kSegmentProbability): issue 14's seventh set holds four such notices at 0.904-0.999 whose paragraphs the
// segment cut kept (a notice glued with no sentence end before it, or a reader's question before it, or
// scoring under 0.99); the clean corpora's 103 reports hold no sentence that says the title above it.
inline constexpr size_t kNoticeTitleHanChars = 6;
// ... or whose last sentence holds kSiteNoticeReaderWords of the words a site's notice speaks to its reader in
// (text::lexicon::kSiteNoticeWords: the clean corpora's sentences hold one at most; the real sets' notices 3 to
// 6), whatever the model reads in it (`…可以参考这些范文,借鉴其中的…做法。` scores 0.00).
inline constexpr size_t kSiteNoticeReaderWords = 3;
inline constexpr size_t kNoticeLeadChars = 24;
// The title is looked for in the kNoticeTitleLines lines with text above the paragraph (a page's title, its
// breadcrumb and stat lines: 2 to 5 lines on the seventh set's pages).
inline constexpr size_t kNoticeTitleLines = 8;
inline constexpr size_t kTeaserLabelMinHan = 2;
inline constexpr size_t kTeaserLabelMaxHan = 6;
inline constexpr size_t kTeaserCopyChars = 20;

// One feature's weight. The model compiled into the library is an array of these and a hash index over
// it, both built at compile time (data/furniture_table.cmake, then constexpr): nothing is parsed or
// allocated at run time.
struct FurnitureWeight {
  std::string_view feature;
  double weight;
};
// A weight as a model keeps it: its feature is bytes [offset, offset + size) of the model's features.
// Offsets, not views: the compiled table then needs no relocation when the library loads (an array of
// ~20,000 string_views did: about 0.9 MB of pages written at every start, resident in every process).
struct PackedFurnitureWeight {
  uint32_t offset, size;
  double weight;
};

// A feature as the parts it is written in ("b", the previous character, the character): hashed and
// compared part by part, so no string is assembled for each of a line's ~200 features.
struct FeatureParts {
  std::string_view a, b = {}, c = {};
};

// A slot of a model's hash index: 1 + an entry (0: empty) and its feature's hash.
struct FurnitureSlot {
  uint32_t hash = 0, entry = 0;
};

class FurnitureModel {
 public:
  // A model from its TSV (tools/furniture/train.py's format), for tests and tools.
  static absl::StatusOr<FurnitureModel> Parse(std::string_view tsv);
  // The probability that `line` (one line, without its break) is site furniture.
  double Probability(std::string_view line) const;

 private:
  friend const FurnitureModel& EmbeddedFurnitureModel();
  struct Owned;  // a parsed model's text, weights and index
  // 1 + the index of `feature`'s weight, 0 when the model has none.
  uint32_t Entry(const FeatureParts& feature) const;

  double bias_ = 0;
  std::string_view features_;  // every feature, one after another
  std::span<const PackedFurnitureWeight> weights_;  // in the order of their features' bytes, each once
  std::span<const FurnitureSlot> index_;  // open addressing, FeatureHash then linear probing
  std::shared_ptr<const Owned> owned_;
};

// The model compiled into the library.
const FurnitureModel& EmbeddedFurnitureModel();

// The features of one line, as tools/furniture/features.py computes them (for tests).
std::vector<std::string> FurnitureFeatures(std::string_view line);

// A line of a text: [begin, end) without its break, next = the first byte of the following line.
struct Line {
  size_t begin = 0;  // first byte
  size_t end = 0;    // the line break (or the end of the text)
  size_t next = 0;   // first byte of the next line
  std::string_view text;  // without a trailing '\r'
};
std::vector<Line> SplitLines(std::string_view text);
// In a fragmented extraction (IsFragmentedExtraction, layout.cc), the line where the sentence going on at line k
// ends: the lines after one that ends mid-sentence are its fragments (k itself when line k ends a sentence).
size_t FragmentedSentenceEnd(const std::vector<Line>& lines, size_t k);

// A line of the report's body: a sentence (ends in 。！？；…, or holds one) of kSentenceChars characters or more.
bool IsSentence(std::string_view line);

// Whether a line is a download's file name (`某某工作总结.docx`, `….pdf_第2页`): a site's name for the file, which
// says the title again.
bool NamesAFile(std::string_view line);

struct SiteLine {
  size_t begin = 0, end = 0;  // the bytes to remove (the line and one line break)
  double probability = 0;
  bool inside = false;  // inside the report rather than at an edge
  bool segment = false;  // a segment of its line only (a breadcrumb before the title, a glued notice)
  bool site_notice = false;  // a top paragraph ending in a site's notice (TitleNamingNotice, EndsInReaderNotice)
};

// Where a line's furniture prefix ends and its furniture suffix begins (bytes into `line`): {0, size} when
// the line has neither. `whole_furniture`: the line as a whole scores as furniture (a lower threshold
// for its pieces); `title_may_stay`: before the report, a title may be what stays.
struct LineCut {
  size_t prefix_end = 0;
  size_t suffix_begin = 0;
};
LineCut CutFurnitureSegments(std::string_view line, const FurnitureModel& model, bool whole_furniture,
                             bool title_may_stay);

// A labelled teaser (kTeaserLabelMinHan above) in `text`: the line's bytes (with its break) and whether the
// rest is a copy of the opening that follows (it goes) or not (it is flagged). Empty span: none.
struct LabelledTeaser {
  size_t begin = 0, end = 0;
  bool copy = false;
  double probability = 0;  // the label's
};
LabelledTeaser FindLabelledTeaser(std::string_view text, const FurnitureModel& model);

// The site lines of a document, by position. With `cancel`, polled once per kCancelPollBytes of lines:
// when it says stop, the result is empty (the caller's pass returns; the engine reports the cancel).
std::vector<SiteLine> FindSiteLines(std::string_view text, const FurnitureModel& model,
                                    text_internal::CancelPoll* cancel = nullptr);

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_SITE_LINES_H_
