// The one registry of repair rules. Ids are stable: users switch rules off by id, and JSON output and
// tests refer to them. Order matters: earlier rules win overlapping spans, so removals of site furniture
// come before rules that rewrite the text around them.
#include "repair/rule_ids.h"
#include "repair/rules.h"

namespace wenshu::repair_internal {

const std::vector<RuleDefinition>& RuleRegistry() {
  static const auto* registry = new std::vector<RuleDefinition>{
      {repair_rule::kTextInvalidUtf8, "Flags bytes that are not valid UTF-8; they are kept, never dropped.",
       nullptr, FlagInvalidUtf8},
      {repair_rule::kTextPinyin,
       "Removes readings a converting site injected after characters (總結(jié) → 總結); flags a reading "
       "whose character was garbled away (?,F(xiàn)).",
       DiagnoseConvertedScript, RemoveInjectedPinyin},
      {repair_rule::kTextMojibake,
       "Flags mojibake: GBK text a site read one byte out of step after losing a byte (\"?!睘榱…\"), "
       "found where the text read one byte later is far likelier report language, and UTF-8 text read as "
       "GBK or Windows-1252 (\"宸ヤ綔鎬荤粨\"); kept as written.",
       nullptr, FlagMojibake},
      {repair_rule::kTextHtml,
       "Removes HTML a text copy kept (\"<h3> 大会…。</h3><h3> 上午…\"): tags and comments go, character "
       "references are decoded (&nbsp; &#12290;), a block element's tags between two pieces of a line become a "
       "line break, a tag cut at the text's end goes. Only in documents that show two such spots; runs before "
       "the furniture rules.",
       nullptr, RemoveHtmlResidue},
      {repair_rule::kTextMarkup,
       "Removes markdown an AI writer left in a plain-text copy: heading markers (\"#### 引言\") and bold "
       "markers around an item's head (\"1. **文化传承**:…\"); the words stay. Only in documents that show "
       "two such spots; runs before the furniture rules so that a marked-up item is read as the report's.",
       nullptr, RemoveMarkdownMarkup},
      {repair_rule::kBoilerplateSiteHeader,
       "Removes a document-sharing site's notice header, keyword tags and copies of the title (keeping "
       "the document's own title line), reference numbers, tag lines and advert lines.",
       DiagnoseSiteBoilerplate, RemoveSiteBoilerplate},
      {repair_rule::kBoilerplateBundle,
       "Flags files that bundle several documents (\"工作总结汇编(5篇)\", \"篇1:…\"); the documents are kept "
       "together as written, for the caller to split.",
       nullptr, FlagBundledDocuments},
      {repair_rule::kBoilerplateTruncation,
       "Removes a site's truncation notice (\"……(未完,全文共2234字)\", \"此处省略854字\") and diagnoses the "
       "document as truncated: the text after the cut is missing. A text ending mid-sentence in an ellipsis "
       "is flagged as cut.",
       nullptr, RemoveTruncationNotices},
      {repair_rule::kBoilerplatePageFurniture,
       "Removes running page headers and footers, \"第1页共5页\" page marks, \"第2/145页\" counters and "
       "chunk prefixes (\"2、\" restarting the text mid-sentence), joining the sentences they cut.",
       DiagnosePageFurniture, RemovePageFurniture},
      {repair_rule::kBoilerplateWatermark,
       "Removes a site's watermark spliced into the text at intervals, even inside a word: its name and "
       "web address (\"…第一<站名>www.<站>.com责任人…\"), and the bare name where it recurs; only in "
       "documents that show two signatures or more.",
       nullptr, RemoveWatermarks},
      {repair_rule::kBoilerplateJammer,
       "Removes a forum's anti-copy noise: runs of random ASCII letters, digits and punctuation in short "
       "groups (\"k7 R, m! Q2 x;\") as lines of their own or glued to a paragraph's ends; only in documents "
       "that show two runs or more.",
       nullptr, RemoveJammerNoise},
      {repair_rule::kBoilerplateSiteLines,
       "Removes lines a site or government portal added around the report (upload and file statistics, "
       "breadcrumbs, notices, tag lines, print/share/font-size controls, footers), told from report prose "
       "by a line model learned from clean reports and site furniture.",
       DiagnoseSiteLines, RemoveSiteLines},
      {repair_rule::kBoilerplateTitle,
       "Removes the site's copies of the title (a second title line, a copy after the salutation, "
       "\"乡镇政府工作总结|…\" two titles on a line, a teaser of the opening) and splits a title run into "
       "the first sentence (\"…述职报告各位领导、同志们:\" → title, line break, text).",
       nullptr, RepairTitles},
      {repair_rule::kBoilerplateWatermarkCode,
       "Removes a short code a site spliced after every paragraph (\"各位代表:C6m\"): letters and digits "
       "glued to the text, repeated three times or more and mostly followed by a blank.",
       nullptr, RemoveWatermarkCodes},
      {repair_rule::kNumberLostPoint,
       "Restores points a page turned into blanks: list markers (\"1 经济…\" → \"1.经济…\") and decimals "
       "(\"5 9亿元\" → \"5.9亿元\"), in a page that writes no point and whose markers, numbered in order, show "
       "the loss; elsewhere a blank between digits before a unit in a page without points is flagged.",
       nullptr, RestoreLostPoints},
      {repair_rule::kLayoutSpace,
       "Removes stray spaces PDF and Word extraction left inside sentences (\"成绩 。\", \"免疫、 人禽流感\", "
       "\"坚 定不移\", \"43.68 亿元\"), in documents that show several; restores the 、 of a heading numeral "
       "that a blank replaced (\"一 工作情况\").",
       nullptr, RemoveStraySpaces},
      {repair_rule::kLayoutWrap,
       "Joins hard line breaks from PDF and Word extraction: lines wrapped at a regular width that end "
       "mid-sentence, and breaks splitting a dictionary word (\"活动总⏎结大会\"); never before a heading, "
       "list marker or indent.",
       nullptr, JoinHardWraps},
      {repair_rule::kLayoutBreak,
       "Restores the line break before a chapter heading (\"…提出意见。一、过去五年…\") run into the text "
       "after a sentence end, in a page that lost its line breaks (a line of 240 characters or more), and after "
       "the heading where the text shows its end; blanks standing for a report header's breaks and for the break "
       "after a heading (\"二、工作目标 本学年…\").",
       nullptr, RestoreLostBreaks},
      {repair_rule::kNumberMaskedTen,
       "Restores a \"10\" that a site replaced with a year string inside a number (20230 → 100, "
       "2023、 after 9、 → 10、), in documents that show the mask; flags the ones it cannot decide.",
       DiagnoseMaskedNumbers, RepairMaskedTens},
      {repair_rule::kNumberMaskedYear,
       "Flags years replaced by the mask string (2023年4月7日 in an older report), and a title's year a site "
       "relabelled (the text names the title's words for a year 3 or more years earlier); the original year is "
       "lost and is kept as written.",
       nullptr, FlagMaskedYears},
      {repair_rule::kPercentDropped, "Restores percent signs dropped after rates (安置率为92 → 92%).", nullptr,
       RestoreDroppedPercent},
      {repair_rule::kVocabSpun,
       "Undoes synonym spinning (效劳 → 服务, 科学开展观 → 科学发展观) in documents diagnosed as spun, "
       "deciding each spot from clean-report context statistics.",
       DiagnoseSpunVocabulary, RepairSpunVocabulary},
      {repair_rule::kQuoteFullwidth, "Restores 〞 (U+301E) and 〝 (U+301D) to the quotation marks ” and “.",
       DiagnoseQuoteDamage, RepairFullwidthQuotes},
      {repair_rule::kQuoteDirection,
       "Repairs flipped quotation marks where the pairing in a line is unambiguous; flags ‚ and ‛ used "
       "as quotation marks.",
       nullptr, RepairQuoteDirection},
      {repair_rule::kTextSmallForm,
       "Restores punctuation written in small form variants (U+FE50-FE6B: \"﹐\" \"﹔\" \"﹖\") to the mark NFKC "
       "reads it as, full-width when the document writes that mark full-width; in documents where two follow "
       "an ideograph.",
       nullptr, RestoreSmallFormPunctuation},
      {repair_rule::kTextInsertedComma,
       "Removes a comma a page inserted before its punctuation marks (\",,\" \",。\" \",、\"), where a fifth "
       "or more of the page's marks have one; a single doubled comma stays.",
       nullptr, RemoveInsertedCommas},
      {repair_rule::kTextInsertedMark,
       "Removes an ASCII point spliced into a Chinese phrase (\"经济.发展\") and a lone apostrophe next to "
       "Chinese text with no other quotation mark in its sentence (\"市的'统一\"). Clean reports write neither.",
       nullptr, RemoveInsertedMarks},
      {repair_rule::kMaskPlace, "Flags masked place names (高XX县区, XX省, *镇, **县); the original cannot be known.",
       nullptr, FlagMaskedPlaces},
      {repair_rule::kMaskName, "Flags masked names (***, ___ in name positions, 学*); the original cannot be known.",
       nullptr, FlagMaskedNames},
      {repair_rule::kMaskPlaceholder, "Flags template placeholders (20xx年, 201X/X/XX, x余条, 成立x周年).", nullptr,
       FlagPlaceholders},
      {repair_rule::kNumberStripped,
       "Flags figures a site deleted, leaving a unit with no number (生产总值亿元, 参合率达 %, 于年月日, "
       "截至月日, 增长倍, 个百分点, 投入多万元, 公开率达。, 比年提高 in a document that shows others); "
       "the original cannot be known.",
       nullptr, FlagStrippedNumbers},
      {repair_rule::kMaskDeleted,
       "Flags words a site deleted outright (中央、、市, 以.为统领, empty brackets); the original cannot be "
       "known.",
       nullptr, FlagDeletedWords},
      {repair_rule::kVocabConverter,
       "Restores the words a mainland → Taiwan converter substituted (专案 → 项目, 最佳化 → 优化, 网路 → 网络; "
       "OpenCC's phrase list, selected by the clean corpora) in a converted copy that shows the converter's "
       "words and none of the mainland words they replace.",
       nullptr, RestoreConverterVocabulary},
      {repair_rule::kTextTraditional,
       "Converts a report a converting site turned into traditional characters (its injected readings "
       "show it, or a year after 1964 or a template's mask that traditional writing cannot have) back to "
       "simplified with ICU Traditional-Simplified; other traditional text stays. Runs last, around other "
       "rules' spans.",
       DiagnoseConvertedScript, ConvertTraditionalScript},
  };
  return *registry;
}

}  // namespace wenshu::repair_internal
