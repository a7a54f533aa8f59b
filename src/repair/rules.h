// The passes of every repair rule, grouped by family. Each family lives in its own file.
#ifndef WENSHU_SRC_REPAIR_RULES_H_
#define WENSHU_SRC_REPAIR_RULES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "repair/rule.h"

namespace wenshu::repair_internal {

// text.invalid_utf8 (invalid_utf8.cc): flags bytes that are not UTF-8; they are kept.
void FlagInvalidUtf8(RepairContext& context);

// boilerplate.site_header (boilerplate.cc): the site's notice header, keyword tags, repeated title.
void DiagnoseSiteBoilerplate(RepairContext& context);
void RemoveSiteBoilerplate(RepairContext& context);
// boilerplate.bundle (boilerplate.cc): several documents bundled in one file, flagged.
void FlagBundledDocuments(RepairContext& context);
// Whether `line` reads as an entry of a table of contents (boilerplate.bundle flags runs of them, not as
// document starts); `page`, when given, gets its page number.
bool IsTableOfContentsEntry(std::string_view line, int* page = nullptr);
// Whether `line` is a collection's title that counts its pieces ("…汇编65篇", "…精选(范文四篇)").
bool IsCountedCollectionTitle(std::string_view line);

// boilerplate.truncation (truncation.cc): a site's notice where it cut the text; diagnoses `truncated`.
void RemoveTruncationNotices(RepairContext& context);

// boilerplate.page_furniture (page_furniture.cc): running page headers and footers, page counters.
void DiagnosePageFurniture(RepairContext& context);
void RemovePageFurniture(RepairContext& context);

// boilerplate.site_lines (site_lines.cc): lines a site or portal added, told by a learned line model.
void DiagnoseSiteLines(RepairContext& context);
void RemoveSiteLines(RepairContext& context);

// Proposes `deletion` (a record whose `after` is empty) whole, or, when text.pinyin removed a converter's
// readings inside it (a site's notice 由會(huì)員上傳…), in the pieces between them: the text ends the same and no
// record overlaps another. Nothing is proposed when any other accepted record overlaps it (a page counter
// page_furniture cut from a title line leaves the title to stay). Returns whether anything was applied.
bool ProposeDeletionAroundReadings(RepairContext& context, const RepairRecord& deletion);

// boilerplate.watermark, boilerplate.watermark_code (watermark.cc): a site's signature or code spliced into
// the text at intervals.
void RemoveWatermarks(RepairContext& context);
// boilerplate.jammer: a forum's anti-copy noise, random ASCII groups between paragraphs.
void RemoveJammerNoise(RepairContext& context);
void RemoveWatermarkCodes(RepairContext& context);

// boilerplate.title (title.cc): the site's copies of the title, and a title run into the first sentence.
void RepairTitles(RepairContext& context);

// layout.space, layout.wrap (layout.cc): stray spaces and hard line wraps from PDF and Word extraction.
void RemoveStraySpaces(RepairContext& context);
void JoinHardWraps(RepairContext& context);
// Whether the text is a PDF extraction that broke its lines at every figure, mask and word run (layout.cc): its
// line breaks are the extraction's, so a figure alone on its line is no page number and a fragment no site line.
bool IsFragmentedExtraction(std::string_view text);
// The dictionary word (jieba frequency ≥ 20) that spans the cut between `left` and `right`, as the tokenizer
// segments the few characters around it ("产业|园"), or "" when the cut is between words.
std::string SplitWord(std::string_view left, std::string_view right);
// layout.break (lost_break.cc): chapter headings run into the text of a page that lost its line breaks.
void RestoreLostBreaks(RepairContext& context);
// The blanks layout.break turns into line breaks (a run-in heading's end, "一、召开会议安排部署 4 月 10 日…";
// a report header's, "市长 某某 各位代表:"), by position: layout.space must not take them for stray spaces.
std::vector<Span> LostBreakBlanks(std::string_view text);

// number.masked_ten, number.masked_year (masked_numbers.cc): the "10 → year string" mask.
void DiagnoseMaskedNumbers(RepairContext& context);
void RepairMaskedTens(RepairContext& context);
void FlagMaskedYears(RepairContext& context);

// percent.dropped (dropped_percent.cc): percent signs dropped after rates.
void RestoreDroppedPercent(RepairContext& context);

// vocab.spun (spun_vocab.cc, model in vocab_model.cc): synonym spinning, decided in context.
void DiagnoseSpunVocabulary(RepairContext& context);
void RepairSpunVocabulary(RepairContext& context);

// quote.fullwidth, quote.direction (quotes.cc): damaged quotation marks.
void DiagnoseQuoteDamage(RepairContext& context);
void RepairFullwidthQuotes(RepairContext& context);
void RepairQuoteDirection(RepairContext& context);
// text.small_form (small_forms.cc): small form variants of punctuation (﹐ ﹔) restored.
void RestoreSmallFormPunctuation(RepairContext& context);
// text.inserted_comma (inserted_marks.cc): a comma a page inserted before every mark, removed.
void RemoveInsertedCommas(RepairContext& context);
// text.inserted_mark (inserted_marks.cc): a point or apostrophe spliced between Chinese words.
void RemoveInsertedMarks(RepairContext& context);
// number.lost_point (lost_point.cc): points a page turned into blanks (`1 经济…`, `5 9亿元`), restored.
void RestoreLostPoints(RepairContext& context);

// mask.place, mask.name, mask.placeholder (masks.cc): hidden text, flagged only.
void FlagMaskedPlaces(RepairContext& context);
void FlagMaskedNames(RepairContext& context);
void FlagPlaceholders(RepairContext& context);

// number.stripped, mask.deleted (masks.cc): figures and words a site deleted outright, flagged only.
void FlagStrippedNumbers(RepairContext& context);
void FlagDeletedWords(RepairContext& context);

// text.pinyin, text.traditional (converted_script.cc): a simplified → traditional converter's damage.
void DiagnoseConvertedScript(RepairContext& context);
void RemoveInjectedPinyin(RepairContext& context);
void ConvertTraditionalScript(RepairContext& context);
// vocab.converter (converted_script.cc): the Taiwan words of a mainland → Taiwan phrase converter, restored.
void RestoreConverterVocabulary(RepairContext& context);
// text.mojibake (converted_script.cc): GBK text read one byte out of step after a lost byte, flagged.
void FlagMojibake(RepairContext& context);
// text.html (html_residue.cc): HTML tags, comments and character references a text copy kept, removed and
// decoded; a block element's tags between two pieces of a line become a line break.
void RemoveHtmlResidue(RepairContext& context);
// text.markup (markup.cc): markdown heading and bold markers an AI writer left, removed.
void RemoveMarkdownMarkup(RepairContext& context);
// A converted document as its author wrote it, the converter's readings removed and its traditional
// characters simplified: the text in which the dictionary and a line's width can be read. Original() maps
// an offset of `text` back to the document (a removed reading maps to its end).
struct UnconvertedText {
  std::string text;
  std::vector<std::pair<size_t, size_t>> anchors;  // (offset in text, offset in the document) where they part
  size_t Original(size_t view_offset) const;
};
UnconvertedText UndoScriptConversion(std::string_view text);
// The text the furniture and layout rules read a document in: a converted copy as its author wrote it
// (UndoScriptConversion, kept in the context), since the converter's readings put Latin letters and
// brackets into every line (材料準(zhǔn)備:需提前分發(fā)…, 手冊(cè)_第1頁(yè)) and hide the marks and dictionary words
// beside a space or a break; null for any other text, read as it is. Its lines are the document's, one for
// one. Defined in site_lines.cc.
const UnconvertedText* ScriptView(RepairContext& context);

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_RULES_H_
