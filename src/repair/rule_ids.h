// The ids of the repair rules, in the registry's order (registry.cc, which describes each). Ids are
// stable: users switch rules off by id, JSON output and tests show them, and the report stage finds the
// records and flags of a rule by its id. Name an id by its constant, never by a literal or a piece of it.
#ifndef WENSHU_SRC_REPAIR_RULE_IDS_H_
#define WENSHU_SRC_REPAIR_RULE_IDS_H_

#include <string_view>

namespace wenshu::repair_rule {

inline constexpr std::string_view kTextInvalidUtf8 = "text.invalid_utf8";
inline constexpr std::string_view kTextPinyin = "text.pinyin";
inline constexpr std::string_view kTextMojibake = "text.mojibake";
inline constexpr std::string_view kTextHtml = "text.html";
inline constexpr std::string_view kTextMarkup = "text.markup";
inline constexpr std::string_view kBoilerplateSiteHeader = "boilerplate.site_header";
inline constexpr std::string_view kBoilerplateBundle = "boilerplate.bundle";
inline constexpr std::string_view kBoilerplateTruncation = "boilerplate.truncation";
inline constexpr std::string_view kBoilerplatePageFurniture = "boilerplate.page_furniture";
inline constexpr std::string_view kBoilerplateWatermark = "boilerplate.watermark";
inline constexpr std::string_view kBoilerplateJammer = "boilerplate.jammer";
inline constexpr std::string_view kBoilerplateSiteLines = "boilerplate.site_lines";
inline constexpr std::string_view kBoilerplateTitle = "boilerplate.title";
inline constexpr std::string_view kBoilerplateWatermarkCode = "boilerplate.watermark_code";
inline constexpr std::string_view kNumberLostPoint = "number.lost_point";
inline constexpr std::string_view kLayoutSpace = "layout.space";
inline constexpr std::string_view kLayoutWrap = "layout.wrap";
inline constexpr std::string_view kLayoutBreak = "layout.break";
inline constexpr std::string_view kNumberMaskedTen = "number.masked_ten";
inline constexpr std::string_view kNumberMaskedYear = "number.masked_year";
inline constexpr std::string_view kPercentDropped = "percent.dropped";
inline constexpr std::string_view kVocabSpun = "vocab.spun";
inline constexpr std::string_view kQuoteFullwidth = "quote.fullwidth";
inline constexpr std::string_view kQuoteDirection = "quote.direction";
inline constexpr std::string_view kTextSmallForm = "text.small_form";
inline constexpr std::string_view kTextInsertedComma = "text.inserted_comma";
inline constexpr std::string_view kTextInsertedMark = "text.inserted_mark";
inline constexpr std::string_view kMaskPlace = "mask.place";
inline constexpr std::string_view kMaskName = "mask.name";
inline constexpr std::string_view kMaskPlaceholder = "mask.placeholder";
inline constexpr std::string_view kNumberStripped = "number.stripped";
inline constexpr std::string_view kMaskDeleted = "mask.deleted";
inline constexpr std::string_view kVocabConverter = "vocab.converter";
inline constexpr std::string_view kTextTraditional = "text.traditional";

}  // namespace wenshu::repair_rule

#endif  // WENSHU_SRC_REPAIR_RULE_IDS_H_
