// text.pinyin and text.traditional: copies a site ran through a simplified → traditional converter
// that also injects readings (DAMAGE.md §6): "總結(jié)", "社區(qū)", and garbage such as "?,F(xiàn)" where the
// character itself was lost.
//
// The converter's fingerprint is its readings: a document with three or more is diagnosed. Traditional
// characters alone are no damage (the reports of 1954 were printed in them) unless the text cannot have been
// written in them: a year after the 1964 simplification, or a document site's template masks (a site's
// converter without readings). In a diagnosed
// document whose Han text is largely traditional, the text is converted back as ICU's Traditional-Simplified
// transform converts it (hant_hans_table.h), one record per run of changed characters. The rule runs last:
// spans other rules claimed stay as they are.
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/converter_vocab_table.h"
#include "repair/gbk_table.h"
#include "repair/hant_hans_table.h"
#include "repair/number_scan.h"
#include "repair/re2_view.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "repair/site_lines.h"
#include "repair/vocab_model.h"
#include "text/breaks.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// Confidences, the rules' estimates. Measured on issue 14's real dev set (74 pages outside the repository,
// December 2026; wild_eval scores these rules by the annotated spots of their pages, so the records were
// counted apart): every record fell on a page annotated as converted, none on any other page or a
// control; the spots met: traditional 9 of 9, pinyin 4 of 4. A record is one character or reading, and a
// page's records share one decision (the page is converted or not), so the counts are not independent
// decisions: the estimates stand.
// text.pinyin, a reading injected after a character: 143 records, all on the pages annotated pinyin.
constexpr double kPinyinConfidence = 0.95;
// text.traditional, a character restored to its simplified form: 679 records, all on the pages annotated
// traditional.
// Lower than pinyin: a traditional character can be the author's (a name, a quotation).
constexpr double kTraditionalConfidence = 0.9;


// A parenthesised reading of one syllable with a tone mark ("jié", "qū", "xiàn"): the converter glosses
// single characters. Plain Latin in brackets ("(PM2.5)", "(a)") has no tone mark and never matches.
const RE2& InjectedReading() {
  static const RE2 re(R"([(（]([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,4})[)）])");
  return re;
}

// Characters a simplified text never holds and a traditional one is full of: a cheap gate before the
// transliterator runs.
bool LooksTraditional(std::string_view text, size_t* han_chars) {
  static const std::bitset<0x10000>* const kFrequent = [] {
    auto* set = new std::bitset<0x10000>;
    for (char32_t c : std::u32string_view(
             U"們這個會對發經國來時為說過還與開關區總結體務設進實現義產業單動員點縣鄉鎮職參幹導農歲辦計劃處標準")) {
      set->set(c);
    }
    return set;
  }();
  size_t han = 0, traditional = 0;
  for (size_t i = 0; i < text.size();) {
    const text::Char c = text::CharAt(text, i);
    i += c.length;
    if (!text::IsHan(c.value)) continue;
    ++han;
    traditional += c.value < 0x10000 && kFrequent->test(static_cast<size_t>(c.value));
  }
  *han_chars = han;
  return traditional >= 10 && traditional * 50 >= han;  // 2% of the Han text at least
}

// text.mojibake: a run of characters that are the bytes of GBK text read one byte out of step. A converting
// site lost or rewrote a byte (its full-width → ASCII pass works on bytes and can take the trail of one
// character with the lead of the next: 。” = A1 A3 A1 B1 became A1 21 B1, read as "?!" and then pairs of
// trail and lead bytes, 睘榱隋…, until a character whose trail byte is ASCII puts the reading back in step).
// As ftfy does for its encodings, the run is read again as its bytes say, here one byte later, and kept
// only when that reading is far likelier report language than the run as written.
//
// The run starts after the decoder's mark of the lost byte ('?' or U+FFFD), past at most
// kMojibakeMaxPrefixChars ASCII characters or pinyin letters (the rest of a rewritten mark, a converter's
// reading: "?!", "?wù)"), and ends at a character whose byte is an ASCII trail byte (0x40-0x7E, or the
// 0x80 of €) or at another lost byte ('?'). The mark, the longest reading with its brackets ("(zhuāng)", 8)
// and a character's ASCII trail byte ("S") make 10; the real sets' prefixes hold 1 to 5.
constexpr size_t kMojibakeMaxPrefixChars = 10;
// A run longer than this is not one out of step: a byte slip lasts until the next character with an ASCII
// trail byte or the next ASCII mark; on the real pages the longest is 16 characters.
constexpr size_t kMojibakeMaxRunChars = 128;
// Kept when the realigned reading's mean log probability per character (clean-corpus character
// frequencies, traditional characters read as simplified) exceeds the run's as written by this much.
// Measured: every run of two-byte GBK characters before an ASCII trail byte in the 1.74 M characters of the
// clean corpora (43 runs, read one byte later without asking for a lost byte's mark): at most -4.6; on the
// three real sets (116 pages) the 8 runs out of step after a '?' gain 5.4-8.6, and no other run after a
// '?' gains more than 1.5.
constexpr double kMojibakeMinGainPerChar = 3.0;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// A converter of `name` that stops at what it cannot map, both ways (never a substitute character); null
// when ICU lacks it.
ConverterPtr OpenStoppingConverter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr c(ucnv_open(name, &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) c.reset();
  return c;
}

// GBK as Windows writes it (code page 936, with € at 0x80). One per thread: a converter keeps state
// between calls.
UConverter* Gbk() {
  thread_local ConverterPtr instance = OpenStoppingConverter(kGbkConverterName);
  return instance.get();
}

// Windows-1252 (Latin-1 with the printable marks at 0x80-0x9F).
UConverter* Windows1252() {
  thread_local ConverterPtr instance = OpenStoppingConverter("windows-1252");
  return instance.get();
}

// The GBK bytes of one code point (one or two), or empty when GBK has none.
std::string GbkBytes(UConverter* gbk, char32_t cp) {  // any converter of the file: GBK or Windows-1252
  int length = 0;
  const uint16_t code = IcuGbkCode(gbk, cp, &length);
  if (length == 1) return std::string(1, static_cast<char>(code));
  if (length == 2) return {static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
  return {};
}

// The two GBK bytes of a character as one number (lead byte high), or 0 when it has none (the build-time
// table of gbk_table.h, else the converter): no string made for each character of a run.
uint16_t GbkPairCode(UConverter* gbk, char32_t cp) {
  if (cp >= kGbkTableFirst && cp < kGbkTableEnd) return GbkTablePair(cp);
  int length = 0;
  const uint16_t code = IcuGbkCode(gbk, cp, &length);
  return length == 2 ? code : 0;
}

// The two GBK bytes of a character, or empty when it has none.
std::string GbkPairBytes(UConverter* gbk, char32_t cp) {
  const uint16_t code = GbkPairCode(gbk, cp);
  if (code == 0) return {};
  return {static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
}

// The character a GBK lead and trail byte stand for, as UTF-8; empty when the pair is none.
std::string GbkPair(UConverter* gbk, char lead, char trail) {
  const char in[2] = {lead, trail};
  UChar u[4];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_toUChars(gbk, u, 4, in, 2, &status);
  if (U_FAILURE(status) || n != 1 || u[0] < 0x80) return {};
  std::string out;
  icu::UnicodeString(u[0]).toUTF8String(out);
  return out;
}

bool IsPinyinLetter(char32_t c) {
  static constexpr std::u32string_view kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
  return kToned.find(c) != std::u32string_view::npos;
}

// The mean log probability per character of `utf8` in clean report language, read in simplified characters.
double MeanCharLogProbability(const VocabModel& model, std::string_view utf8) {
  const std::u32string s = SimplifiedCodePoints(utf8);
  double sum = 0;
  std::string c;
  for (char32_t cp : s) {
    c.clear();
    text::AppendUtf8(cp, &c);
    sum += std::log(model.CharProbability(c));
  }
  return s.empty() ? 0 : sum / static_cast<double>(s.size());
}

// Calls fn(begin, end, reading) for every injected reading, "(" or "（" to the closing bracket. Only
// the brackets are searched for; the pattern is tried where one opens.
template <typename Fn>
void ForEachReading(std::string_view text, Fn fn) {
  // A plain byte loop: find_first_of with a set calls memchr on the set for every byte of the text.
  auto next_bracket = [&](size_t from) {
    for (size_t i = from; i < text.size(); ++i) {
      if (text[i] == '(' || text[i] == '\xEF') return i;
    }
    return std::string_view::npos;
  };
  for (size_t at = next_bracket(0); at != std::string_view::npos; at = next_bracket(at + 1)) {
    if (text[at] != '(' && text.substr(at, 3) != "（") continue;
    // The reading's first letter is a-z, ü or a toned vowel (lead bytes C3, C4, C5, C7): elsewhere the
    // pattern cannot match, and is neither asked nor, on a text without readings, ever compiled.
    const size_t next = at + (text[at] == '(' ? 1 : 3);
    if (next >= text.size()) continue;
    const auto b = static_cast<unsigned char>(text[next]);
    if (!((b >= 'a' && b <= 'z') || b == 0xC3 || b == 0xC4 || b == 0xC5 || b == 0xC7)) continue;
    re2::StringPiece rest = View(text.substr(at)), reading;
    if (!RE2::Consume(&rest, InjectedReading(), &reading)) continue;
    const size_t end = static_cast<size_t>(rest.data() - text.data());
    if (!fn(at, end, std::string_view(reading.data(), reading.size()))) return;
    at = end - 1;
  }
}

// The document first: a clean report may gloss a rare character once ("鑫垚(yáo)"); the converter
// glosses many. Its readings are the fingerprint: traditional characters alone are no damage (the
// reports of 1954 were printed in them).
bool HasInjectedReadings(std::string_view text) {
  size_t readings = 0;
  ForEachReading(text, [&](size_t, size_t, std::string_view) { return ++readings < 3; });
  return readings >= 3;
}

// Simplified characters became the standard in 1964 (the General List of Simplified Characters): a report
// that names a year from 1965 on, or that was made from a document site's template (a masked year
// "20xx年", a masked name "xx镇"), and is written in traditional characters was converted by a site.
// A title that opens with its year ("2022國際護士節活動總結") names the year without 年.
// A date says the same in its other forms: a site's stamp (2023-06-19, 2023/6/19, 2023.06.19) and the
// century the text looks to (面向21世紀, 二十一世紀).
// The one traditional report of the clean corpora (1954) names no year after 1954 and holds no mask (no
// figure from 1965 to 2099 at all, no 世紀 after a numeral).
bool WrittenAfterSimplification(std::string_view text) {
  static const RE2 re(
      R"((?:196[5-9]|19[7-9]\d|20\d\d|20[xX*]{2}|20\d[xX*])\s*年|\p{Han}[xX]{2,}|[xX]{2,}\p{Han})"
      R"(|(?m:^)[ \t\x{3000}]*(?:196[5-9]|19[7-9]\d|20\d\d)\p{Han})"
      R"(|(?:^|[^\d])(?:196[5-9]|19[7-9]\d|20\d\d)(?:-(?:0?[1-9]|1[0-2])-|/(?:0?[1-9]|1[0-2])/|\.(?:0?[1-9]|1[0-2])\.))"
      R"((?:0?[1-9]|[12]\d|3[01])(?:[^\d]|$))"
      R"(|(?:21|二十一)世[紀纪])");
  return RE2::PartialMatch(View(text), re);
}

}  // namespace

size_t UnconvertedText::Original(size_t view_offset) const {
  auto after = std::upper_bound(anchors.begin(), anchors.end(), view_offset,
                                [](size_t v, const std::pair<size_t, size_t>& a) { return v < a.first; });
  if (after == anchors.begin()) return view_offset;
  const auto& [view, original] = *(after - 1);
  return original + (view_offset - view);
}

UnconvertedText UndoScriptConversion(std::string_view text) {
  UnconvertedText out;
  out.text.reserve(text.size());
  std::vector<std::pair<size_t, size_t>> readings;  // begin, end
  ForEachReading(text, [&](size_t begin, size_t end, std::string_view) {
    if (text::IsHan(text::CharBefore(text, begin).value)) readings.emplace_back(begin, end);
    return true;
  });
  auto next_reading = readings.begin();
  // An anchor wherever the view's offsets and the document's stop advancing together.
  std::ptrdiff_t shift = 0;  // document offset minus view offset since the last anchor
  auto anchor = [&](size_t original) {
    const std::ptrdiff_t now = static_cast<std::ptrdiff_t>(original) - static_cast<std::ptrdiff_t>(out.text.size());
    if (now == shift) return;
    out.anchors.emplace_back(out.text.size(), original);
    shift = now;
  };
  for (size_t at = 0; at < text.size();) {
    const size_t nl = text.find('\n', at);
    const size_t line_end = nl == std::string_view::npos ? text.size() : nl + 1;
    // The line without its readings, and where each of its characters came from.
    std::string line;
    std::vector<size_t> origin;
    for (size_t i = at; i < line_end;) {
      if (next_reading != readings.end() && next_reading->first == i) {
        i = next_reading->second;
        ++next_reading;
        continue;
      }
      const text::Char c = text::CharAt(text, i);
      origin.push_back(i);
      line.append(text.substr(i, c.length));
      i += c.length;
    }
    origin.push_back(line_end);
    const std::u32string converted = SimplifiedCodePoints(line);
    // Character for character, or the line as it is (readings removed all the same): the conversion keeps the
    // number of code points, but an ill-formed sequence of several bytes is one of them.
    const bool one_for_one = converted.size() + 1 == origin.size();
    for (size_t k = 0, i = 0; k + 1 < origin.size(); ++k) {
      anchor(origin[k]);
      const text::Char c = text::CharAt(line, i);
      if (one_for_one && c.value != text::kReplacementChar) {
        text::AppendUtf8(converted[k], &out.text);
      } else {
        out.text.append(line.substr(i, c.length));
      }
      i += c.length;
    }
    anchor(line_end);
    at = line_end;
  }
  return out;
}

void DiagnoseConvertedScript(RepairContext& context) {
  if (context.diagnosis().converted_script) return;  // both rules share this diagnosis
  std::string_view text = context.text();
  size_t han = 0;
  // The converter's readings; or, without them, a largely traditional text that cannot have been written
  // so (ConvertTraditionalScript still asks a tenth of the Han text to change): one that names a year after
  // the simplification, or one a document site framed with its furniture (below).
  if (HasInjectedReadings(text)) {
    context.mutable_diagnosis().converted_script = true;
    return;
  }
  if (text.size() > INT32_MAX || !LooksTraditional(text, &han)) return;
  if (WrittenAfterSimplification(text)) {
    context.mutable_diagnosis().converted_script = true;
    return;
  }
  // A site's frame: its furniture lines (a 小编 notice, a stat line, a breadcrumb), found by the furniture
  // model in the text read in simplified characters, as boilerplate.site_lines reads a converted copy. The
  // sites that serve traditional copies convert the mainland pages they collect; a report written in
  // traditional characters (the 1954 report of the clean corpora) carries no site's lines. Measured: the
  // clean corpora's one traditional report has none; of the five real sets' traditional pages without
  // readings, those without a year after 1964 (wild4 005, wild5 013) carry a site's notice.
  UnconvertedText view = UndoScriptConversion(text);
  if (!FindSiteLines(view.text, EmbeddedFurnitureModel(), &context.cancel_poll()).empty()) {
    context.mutable_diagnosis().converted_script = true;
    context.Keep(std::move(view));  // ScriptView's reading, made once
  }
}

namespace {

// Whether `word` (lower case) is one toneless pinyin syllable: an initial, then a final.
bool IsToneLessSyllable(std::string_view word) {
  static const RE2 kSyllable(
      "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
      "(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong|u|ua|uo|uai|ui|uan|un|uang|"
      "ueng|v|ve|ue|van|vn)");
  return RE2::FullMatch(View(word), kSyllable);
}

// A converter that spells a character it cannot map as its capitalised pinyin, inside the word ("召開第Yi次",
// "堅Chi原則"): a capital and small letters that make one pinyin syllable, glued after an ideograph and
// before an ideograph or a mark. Flagged in a converted document (the character is not known for certain: a
// syllable stands for many). The 103 clean reports glue no such token after an ideograph, nor do the pages of
// issue 14's five real sets but the three the converter spelled on one page.
void FlagSpelledCharacters(RepairContext& context) {
  std::string_view text = context.text();
  for (size_t at = 0; at < text.size(); ++at) {
    if (text[at] < 'A' || text[at] > 'Z' || at == 0 || !text::IsHan(text::CharBefore(text, at).value)) continue;
    size_t end = at + 1;
    while (end < text.size() && text[end] >= 'a' && text[end] <= 'z') ++end;
    if (end == at + 1 || end - at > 6 || end >= text.size()) continue;
    const char32_t after = text::CharAt(text, end).value;
    if (!text::IsHan(after) && !text::IsBreak(after, text::kClauseBreaks | text::kIdeographicComma)) continue;
    std::string word(text.substr(at, end - at));
    word[0] = static_cast<char>(word[0] - 'A' + 'a');
    if (!IsToneLessSyllable(word)) continue;
    RepairFlag flag;
    flag.rule = repair_rule::kTextPinyin;
    flag.span = {at, end};
    flag.text = std::string(text.substr(at, end - at));
    flag.reason = absl::StrCat("\"", flag.text, "\" spells a character in pinyin inside a word of a converted copy: "
                               "the converter wrote the reading for a character it could not map. The character "
                               "cannot be known for certain (a syllable stands for many).");
    context.Flag(std::move(flag));
    at = end - 1;
  }
}

}  // namespace

void RemoveInjectedPinyin(RepairContext& context) {
  if (!context.diagnosis().converted_script) return;
  std::string_view text = context.text();
  ForEachReading(text, [&](size_t begin, size_t end, std::string_view reading) {
    std::string shown(reading);
    if (text::IsHan(text::CharBefore(text, begin).value)) {
      RepairRecord r;
      r.rule = repair_rule::kTextPinyin;
      r.span = {begin, end};
      r.before = std::string(text.substr(begin, end - begin));
      r.confidence = kPinyinConfidence;
      r.reason = absl::StrCat("A reading (\"", shown,
                              "\") a converting site injected after the character; removed it.");
      context.Propose(std::move(r));
      return true;
    }
    // "?,F(xiàn)": the character was garbled away and only its reading is left. Nothing can be restored
    // for certain; the reading stays as the one clue.
    size_t garbage = begin;
    while (garbage > 0 && begin - garbage < 8) {
      unsigned char b = static_cast<unsigned char>(text[garbage - 1]);
      if (b >= 0x80 || b == '\n' || b == ' ') break;
      --garbage;
    }
    if (garbage == begin) return true;
    RepairFlag flag;
    flag.rule = repair_rule::kTextPinyin;
    flag.span = {garbage, end};
    flag.text = std::string(text.substr(garbage, end - garbage));
    flag.reason = absl::StrCat("A character read \"", shown,
                               "\" was garbled away by a converting site; only its reading is left.");
    context.Flag(std::move(flag));
    return true;
  });
  FlagSpelledCharacters(context);
}

void ConvertTraditionalScript(RepairContext& context) {
  if (!context.diagnosis().converted_script) return;
  std::string_view text = context.text();
  size_t han = 0;
  if (text.size() > INT32_MAX || !LooksTraditional(text, &han)) return;
  // Convert line by line (bounded work per call), comparing code point by code point: the conversion keeps
  // the number of code points (hant_hans_table.h).
  struct Change {
    size_t begin, end;
    std::string after;
  };
  std::vector<Change> changes;
  size_t changed_chars = 0;
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(at, line_end - at);
    const std::u32string converted = SimplifiedCodePoints(line);
    size_t u = 0;
    for (size_t i = 0; i < line.size();) {
      const size_t start = i;
      // An ill-formed run is one U+FFFD in `converted`: step over it as one.
      const text::Decoded c = text::DecodeUtf8At(line, i);
      i += c.len > 0 ? static_cast<size_t>(c.len) : text::IllFormedLength(line, i);
      const char32_t d = converted[u++];
      if (c.len < 0 || c.cp == d) continue;
      std::string out;
      text::AppendUtf8(d, &out);
      size_t begin = at + static_cast<size_t>(start), end = at + static_cast<size_t>(i);
      ++changed_chars;
      if (!changes.empty() && changes.back().end == begin) {
        changes.back().end = end;
        changes.back().after += out;
      } else {
        changes.push_back({begin, end, std::move(out)});
      }
    }
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  // A traditional text differs from its simplified form in a fifth of its characters or more; a
  // simplified report quoting some traditional names, in far fewer than a tenth.
  if (changed_chars * 10 < han) return;
  // Proposes [begin, end) -> after unless another rule's record holds it; false when one does.
  auto propose = [&](size_t begin, size_t end, std::string after) {
    if (context.IsClaimed({begin, end})) return false;
    RepairRecord r;
    r.rule = repair_rule::kTextTraditional;
    r.span = {begin, end};
    r.before = std::string(text.substr(begin, end - begin));
    r.after = std::move(after);
    r.confidence = kTraditionalConfidence;
    r.reason = absl::StrCat("The document was converted to traditional characters; \"", r.before,
                            "\" restored to the simplified \"", r.after, "\".");
    context.Propose(std::move(r));
    return true;
  };
  for (const Change& c : changes) {
    if (propose(c.begin, c.end, c.after)) continue;
    // Around another rule's span (a converter's word restored inside the run), character by character.
    for (size_t at = c.begin, k = 0; at < c.end;) {
      const size_t n = text::CharAt(text, at).length, m = text::CharAt(c.after, k).length;
      propose(at, at + n, c.after.substr(k, m));
      at += n;
      k += m;
    }
  }
}

namespace {

// vocab.converter. A Taiwan word is a marker of the phrase conversion when the clean reports (mainland text)
// use it at most kConverterMarkerRate times per million characters (as vocab.spun's markers): 专案, 网路, 最佳化,
// 社群 (0-1 uses in 1.70 M characters); 支援, 装置, 资料, 设定, 联络 (6-87 uses) are words of both, restored only
// on a page a marker already shows converted with phrases.
constexpr double kConverterMarkerRate = 2.0;

bool IsConverterMarker(const ConverterWord& w) {
  return static_cast<double>(w.taiwan_count) * 1e6 <=
         kConverterMarkerRate * static_cast<double>(kConverterVocabCorpusChars);
}

// Calls fn(begin, end, word, taiwan) for every Taiwan word (taiwan = true) and mainland word of the table in
// `text` (simplified), the longest at a position first; a match is not searched inside another.
template <typename Fn>
void ForEachConverterWord(std::string_view text, Fn fn) {
  for (size_t at = 0; at < text.size();) {
    size_t matched = 0;
    for (const ConverterWord& w : kConverterWords) {
      for (bool taiwan : {true, false}) {
        const std::string_view form = taiwan ? w.taiwan : w.mainland;
        if (form.size() > matched && text.compare(at, form.size(), form) == 0) {
          matched = form.size();
          fn(at, at + form.size(), w, taiwan);
        }
      }
    }
    at += matched > 0 ? matched : std::max<size_t>(text::CharAt(text, at).length, 1);
  }
}

}  // namespace

// A site that converts with Taiwan phrases (OpenCC's s2twp) replaces words as well as characters: 项目 becomes
// 專案, 优化 最佳化, 网络 網路, 社区 社羣, 支持 支援 (converter_vocab_table.h, generated from OpenCC's TWPhrases
// and selected by the clean corpora). Converted back character by character, the page keeps them. The page
// first: in its simplified reading (ScriptView), it shows a marker (a Taiwan word mainland reports all but
// never write) and none of the table's mainland words (such a converter leaves none: a page that writes 通过
// beside 透过 wrote both itself). Then every Taiwan word of the table on it is restored.
void RestoreConverterVocabulary(RepairContext& context) {
  if (!context.diagnosis().converted_script) return;
  const UnconvertedText* view = ScriptView(context);
  if (view == nullptr) return;
  const std::string_view text = context.text(), simplified = view->text;
  struct Spot {
    size_t begin, end;
    const ConverterWord* word;
  };
  std::vector<Spot> spots;
  bool marker = false, mainland = false;
  ForEachConverterWord(simplified, [&](size_t begin, size_t end, const ConverterWord& w, bool taiwan) {
    if (!taiwan) {
      mainland = true;
      return;
    }
    marker = marker || IsConverterMarker(w);
    spots.push_back({begin, end, &w});
  });
  if (!marker || mainland) return;
  for (const Spot& s : spots) {
    // The word's first and last characters in the document (a reading after the last stays text.pinyin's).
    const size_t last_char = s.end - text::CharBefore(simplified, s.end).length;
    const size_t begin = view->Original(s.begin), last = view->Original(last_char);
    const size_t end = last + text::CharAt(text, last).length;
    RepairRecord r;
    r.rule = repair_rule::kVocabConverter;
    r.span = {begin, end};
    r.before = std::string(text.substr(begin, end - begin));
    r.after = std::string(s.word->mainland);
    // The clean reports' odds of the mainland word against the Taiwan one, below text.traditional's confidence.
    r.confidence = kTraditionalConfidence * static_cast<double>(s.word->mainland_count) /
                   static_cast<double>(s.word->mainland_count + s.word->taiwan_count);
    const std::string taiwan(s.word->taiwan), mainland(s.word->mainland);
    r.reason = absl::StrCat("A mainland → Taiwan converter wrote \"", taiwan, "\" for \"", mainland,
                            "\" (OpenCC's Taiwan phrases); the page shows its words and none of the mainland ones. "
                            "Clean reports write \"", mainland, "\" ", s.word->mainland_count, " times, \"",
                            taiwan, "\" ", s.word->taiwan_count, ".");
    context.Propose(std::move(r));
  }
}

// Whether `utf8` holds only Han characters and CJK punctuation, at least kMojibakeMinDecodedHan of them Han.
constexpr int kMojibakeMinDecodedHan = 2;
bool ReadsAsChinese(std::string_view utf8) {
  int han = 0;
  for (size_t i = 0; i < utf8.size();) {
    const text::Char c = text::CharAt(utf8, i);
    if (text::IsHan(c.value)) {
      ++han;
    } else if (!((c.value >= 0x3000 && c.value <= 0x303F) || (c.value >= 0xFF00 && c.value <= 0xFFEF))) {
      return false;
    }
    i += c.length;
  }
  return han >= kMojibakeMinDecodedHan;
}

// The longest run of three-byte UTF-8 sequences in `bytes` from `from` on (the CJK characters' length).
size_t Utf8ChainLength(std::string_view bytes, size_t from) {
  auto continuation = [](char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; };
  size_t at = from;
  while (at + 3 <= bytes.size() && (static_cast<unsigned char>(bytes[at]) & 0xF0) == 0xE0 && continuation(bytes[at + 1]) &&
         continuation(bytes[at + 2])) {
    at += 3;
  }
  return at - from;
}

// Text whose UTF-8 bytes a site read in another encoding (ftfy's case): 工作总结 shown as 宸ヤ綔鎬荤粨 (read
// as GBK) or as å·¥ä½œæ€»ç»“ (read as Windows-1252). Encoded back, such a run is UTF-8 again, which text
// written in that encoding almost never is, and reads as far likelier report language
// (kMojibakeMinGainPerChar); the UTF-8 reading is in the flag's reason. Measured: the GBK bytes of the clean
// corpora (1.74 M characters) and of the three real sets' 116 pages hold no chain of kMojibakeMinDecodedHan
// UTF-8 Han characters starting at a character, so the chain alone already separates.
void FlagUtf8ReadAsLegacy(RepairContext& context, const VocabModel& model, UConverter* gbk) {
  std::string_view text = context.text();
  auto flag = [&](size_t begin, size_t end, const char* encoding, const std::string& reading) {
    RepairFlag f;
    f.rule = repair_rule::kTextMojibake;
    f.span = {begin, end};
    f.text = std::string(text.substr(begin, end - begin));
    f.reason = absl::StrCat("Mojibake: UTF-8 text read as ", encoding, "; its bytes read as UTF-8 say \"", reading,
                            "\". Kept as written: the bytes at its edges may be lost.");
    context.Flag(std::move(f));
  };
  // Windows-1252: runs of Latin-1 letters and marks; the UTF-8 lead bytes of CJK text read as ä-ï.
  if (UConverter* latin = Windows1252(); latin != nullptr && text.find("\xC3") != std::string_view::npos) {
    for (size_t at = 0; at < text.size();) {
      if (context.CancelledAt(at)) return;
      size_t p = at;
      std::string bytes;
      while (p < text.size()) {
        const text::Char c = text::CharAt(text, p);
        if (c.value < 0x80) break;
        std::string b = GbkBytes(latin, c.value);
        if (b.size() != 1) break;
        bytes += b;
        p += c.length;
      }
      if (p == at) {
        at += std::max<size_t>(text::CharAt(text, at).length, 1);
        continue;
      }
      const size_t chain = Utf8ChainLength(bytes, 0);
      if (chain == bytes.size() || (chain > 0 && bytes.size() - chain < 3)) {
        const std::string reading = bytes.substr(0, chain);
        if (ReadsAsChinese(reading)) flag(at, p, "Windows-1252 (Latin-1)", reading);
      }
      at = p;
    }
  }
  // GBK: runs of two-byte GBK characters holding a chain of UTF-8 sequences from one of their characters.
  // A chain starts only at a character whose two bytes open a UTF-8 sequence (E0-EF, then a continuation
  // byte), and most report text holds none: a run is read from such a character on (the characters
  // before it start no chain), so the rest of the text costs one table lookup a character.
  auto opens_utf8_sequence = [&](char32_t cp) {
    const uint16_t code = GbkPairCode(gbk, cp);  // 0 (no pair) opens none
    return (code >> 8 & 0xF0) == 0xE0 && (code & 0xC0) == 0x80;
  };
  for (size_t at = 0; at < text.size();) {
    if (context.CancelledAt(at)) return;
    const text::Char first = text::CharAt(text, at);
    if (!text::IsHan(first.value) || !opens_utf8_sequence(first.value)) {
      at += std::max<size_t>(first.length, 1);
      continue;
    }
    std::string bytes;
    std::vector<size_t> starts;  // the text offset of each character of the run, and its end
    size_t p = at;
    while (p < text.size()) {
      const text::Char c = text::CharAt(text, p);
      if (c.value < 0x80) break;
      std::string b = GbkPairBytes(gbk, c.value);
      if (b.empty()) break;
      starts.push_back(p);
      bytes += b;
      p += c.length;
    }
    starts.push_back(p);
    size_t best_from = 0, best_length = 0;
    for (size_t k = 0; k + 1 < starts.size();) {
      const size_t length = Utf8ChainLength(bytes, 2 * k);
      if (length > best_length) {
        best_from = 2 * k;
        best_length = length;
      }
      k += std::max<size_t>(1, length / 2);
    }
    if (best_length >= 3 * kMojibakeMinDecodedHan) {
      const std::string reading = bytes.substr(best_from, best_length);
      const size_t first_char = best_from / 2, end_char = (best_from + best_length + 1) / 2;
      const size_t begin = starts[first_char], end = starts[end_char];
      if (ReadsAsChinese(reading) &&
          MeanCharLogProbability(model, reading) - MeanCharLogProbability(model, text.substr(begin, end - begin)) >=
              kMojibakeMinGainPerChar) {
        flag(begin, end, "GBK", reading);
      }
    }
    at = std::max(p, at + first.length);
  }
}

namespace {

// A converted copy can lose a byte without leaving a mark: the site's full-width → ASCII pass read the trail
// of one mark and the lead of the next as one full-width character and folded it (。“ = A1 A3 A1 B0 became
// "!" B0: "…目標!耙匀嗣…", read one byte later "以人民…"), or a line opens one byte early ("。ㄒ唬┘訌娊…" for
// "（一）加強…"). In a document diagnosed as converted (text.pinyin), every run of at least
// kMarklessSlipMinChars two-byte GBK characters is read again one byte later, as above, and flagged when that
// reading is likelier by kMojibakeMinGainPerChar. Measured with the clean corpora's character frequencies:
// the runs of three characters or more of the 103 clean reports gain at most -0.57 per character; on issue
// 14's five real sets the runs that are not out of step gain at most 2.13 (three characters on a converted page), the
// mark-less slips 3.2-5.5. Shorter runs are left to the lost byte's mark: two-character runs of clean pages
// gain up to 3.1 ("邮编").
constexpr size_t kMarklessSlipMinChars = 3;

void FlagMarklessSlips(RepairContext& context, const VocabModel& model, UConverter* gbk) {
  if (!context.diagnosis().converted_script) return;
  std::string_view text = context.text();
  std::vector<Span> flagged;  // the mojibake flags already raised, in text order
  for (const RepairFlag& f : context.flags()) {
    if (f.rule == repair_rule::kTextMojibake) flagged.push_back(f.span);
  }
  std::sort(flagged.begin(), flagged.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  size_t next_flag = 0;
  std::vector<RepairFlag> found;
  for (size_t at = 0; at < text.size();) {
    if (context.CancelledAt(at)) return;
    // The run of two-byte GBK characters from `at`, and its bytes.
    size_t p = at, chars = 0;
    std::string bytes;
    while (p < text.size()) {
      const text::Char c = text::CharAt(text, p);
      const uint16_t code = GbkPairCode(gbk, c.value);
      if (code == 0) break;
      bytes += static_cast<char>(code >> 8);
      bytes += static_cast<char>(code & 0xFF);
      p += c.length;
      ++chars;
    }
    if (chars == 0) {
      at += std::max<size_t>(text::CharAt(text, at).length, 1);
      continue;
    }
    const Span run{at, p};
    at = p;
    while (next_flag < flagged.size() && flagged[next_flag].end <= run.begin) ++next_flag;
    if (chars < kMarklessSlipMinChars || (next_flag < flagged.size() && flagged[next_flag].begin < run.end)) continue;
    // A character whose byte is an ASCII trail byte ends the slip with its lead (as above).
    const std::string end_byte = p < text.size() ? GbkBytes(gbk, text::CharAt(text, p).value) : std::string();
    if (end_byte.size() == 1 && ((end_byte[0] >= 0x40 && end_byte[0] < 0x7F) || end_byte[0] == '\x80')) {
      bytes += end_byte;
    }
    std::string realigned;
    bool paired = true;
    for (size_t i = 1; i + 1 < bytes.size() && paired; i += 2) {
      const std::string c = GbkPair(gbk, bytes[i], bytes[i + 1]);
      paired = !c.empty();
      realigned += c;
    }
    const std::string_view written = text.substr(run.begin, run.size());
    if (!paired || realigned.empty() ||
        MeanCharLogProbability(model, realigned) - MeanCharLogProbability(model, written) < kMojibakeMinGainPerChar) {
      continue;
    }
    RepairFlag flag;
    flag.rule = repair_rule::kTextMojibake;
    flag.span = run;
    flag.text = std::string(written);
    flag.reason = absl::StrCat(
        "Mojibake: a converting site lost a byte before this run without a mark and read the GBK bytes after it "
        "out of step; read one byte later they say \"", realigned,
        "\", the character before them lost. Kept as written: the lost character cannot be known.");
    found.push_back(std::move(flag));
  }
  for (RepairFlag& f : found) context.Flag(std::move(f));
}

}  // namespace

void FlagMojibake(RepairContext& context) {
  std::string_view text = context.text();
  const VocabModel& model = VocabModel::Default();
  UConverter* gbk = Gbk();
  if (model.empty() || gbk == nullptr) return;
  FlagUtf8ReadAsLegacy(context, model, gbk);
  const bool lost_marks =
      text.find('?') != std::string_view::npos || text.find("\uFFFD") != std::string_view::npos;
  auto is_lost_byte = [](char32_t c) { return c == '?' || c == text::kReplacementChar; };
  // A converted copy's reading right after the mark, its opening bracket gone with the character it read
  // (`楊家?guī)X`, `請(qǐng)?jiān)笗?`): where the bytes after it cannot be read again (no character, or no likelier
  // reading), the reading is the one clue left, flagged as text.pinyin flags a reading whose character was
  // garbled away (`?,F(xiàn)`). Only in a copy diagnosed converted.
  auto flag_orphan_reading = [&](size_t mark_at, size_t prefix_end) {
    if (!context.diagnosis().converted_script) return;
    static const RE2 kOrphanReading(R"(^[?\x{FFFD}]([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,4})\))");
    re2::StringPiece reading;
    const std::string_view prefix = text.substr(mark_at, prefix_end - mark_at);
    re2::StringPiece match = View(prefix);
    if (!RE2::Consume(&match, kOrphanReading, &reading)) return;
    const size_t end = static_cast<size_t>(match.data() - text.data());
    RepairFlag flag;
    flag.rule = repair_rule::kTextMojibake;
    flag.span = {mark_at, end};
    flag.text = std::string(text.substr(mark_at, end - mark_at));
    flag.reason = absl::StrCat("A converting site lost a byte here: the character read \"",
                               std::string(reading.data(), reading.size()),
                               "\" and its reading's opening bracket were garbled away; only the reading is left.");
    context.Flag(std::move(flag));
  };
  for (size_t at = lost_marks ? 0 : text.size(); at < text.size();) {
    if (context.CancelledAt(at)) return;
    const text::Char mark = text::CharAt(text, at);
    if (!is_lost_byte(mark.value)) {
      at += std::max<size_t>(mark.length, 1);
      continue;
    }
    // The lost byte's mark, then the rest of a rewritten mark or a reading.
    size_t p = at;
    for (size_t n = 0; p < text.size() && n < kMojibakeMaxPrefixChars; ++n) {
      const text::Char c = text::CharAt(text, p);
      if (!((c.value > ' ' && c.value < 0x7F) || IsPinyinLetter(c.value) || c.value == text::kReplacementChar)) break;
      p += c.length;
    }
    const size_t run_begin = p;
    std::string bytes, run;
    for (size_t n = 0; p < text.size() && n < kMojibakeMaxRunChars; ++n) {
      const text::Char c = text::CharAt(text, p);
      std::string b = GbkPairBytes(gbk, c.value);
      if (b.empty()) break;
      bytes += b;
      run.append(text.substr(p, c.length));
      p += c.length;
    }
    const text::Char end = text::CharAt(text, p);
    const std::string end_byte = GbkBytes(gbk, end.value);
    const bool lost_end = is_lost_byte(end.value);
    const bool ascii_trail = end_byte.size() == 1 && ((end_byte[0] >= 0x40 && end_byte[0] < 0x7F) || end_byte[0] == '\x80');
    if (run.empty() || end.length == 0 || (!lost_end && !ascii_trail)) {
      flag_orphan_reading(at, run_begin);
      at = std::max(run_begin, at + mark.length);
      continue;
    }
    if (ascii_trail) bytes += end_byte;
    // One byte later: the first byte is the trail of a character whose lead was lost.
    std::string realigned;
    bool paired = true;
    for (size_t i = 1; i + 1 < bytes.size(); i += 2) {
      std::string c = GbkPair(gbk, bytes[i], bytes[i + 1]);
      if (c.empty()) {
        paired = false;
        break;
      }
      realigned += c;
    }
    const size_t flag_end = p + end.length;
    if (paired && !realigned.empty() &&
        MeanCharLogProbability(model, realigned) - MeanCharLogProbability(model, run) >= kMojibakeMinGainPerChar) {
      RepairFlag flag;
      flag.rule = repair_rule::kTextMojibake;
      flag.span = {at, flag_end};
      flag.text = std::string(text.substr(at, flag_end - at));
      flag.reason = absl::StrCat(
          "Mojibake: a site lost a byte here and read the GBK bytes after it out of step (\"", run,
          "\"); read one byte later they say \"", realigned, lost_end ? "…" : "",
          "\", the character before them lost. Kept as written: the lost character cannot be known.");
      context.Flag(std::move(flag));
      at = lost_end ? p : flag_end;  // a lost byte at the end may start the next run
      continue;
    }
    flag_orphan_reading(at, run_begin);
    at = std::max(run_begin, at + mark.length);
  }
  FlagMarklessSlips(context, model, gbk);
}

}  // namespace wenshu::repair_internal
