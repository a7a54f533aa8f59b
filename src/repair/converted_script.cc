// text.pinyin and text.traditional: copies a site ran through a simplified → traditional converter
// that also injects readings (DAMAGE.md §6): "總結(jié)", "社區(qū)", and garbage such as "?,F(xiàn)" where the
// character itself was lost.
//
// The converter's fingerprint is its readings: a document with three or more is diagnosed. Traditional
// characters alone are no damage (the reports of 1954 were printed in them) unless the text cannot have been
// written in them: a year after the 1964 simplification, or a document site's template masks (a site's
// converter without readings). In a diagnosed
// document whose Han text is largely traditional, the text is converted back with ICU's
// Traditional-Simplified transliterator, one record per run of changed characters. The rule runs last:
// spans other rules claimed stay as they are.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "repair/number_scan.h"
#include "repair/re2_view.h"
#include "repair/rule_ids.h"
#include "repair/rules.h"
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

// One transliterator per thread: ICU transliterators are not safe to share while transliterating.
icu::Transliterator* TraditionalToSimplified() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return instance.get();
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
// The one traditional report of the clean corpora (1954) names no year after 1954 and holds no mask.
bool WrittenAfterSimplification(std::string_view text) {
  static const RE2 re(
      R"((?:196[5-9]|19[7-9]\d|20\d\d|20[xX*]{2}|20\d[xX*])\s*年|\p{Han}[xX]{2,}|[xX]{2,}\p{Han})");
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
  icu::Transliterator* convert = TraditionalToSimplified();
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
    icu::UnicodeString converted = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(std::min<size_t>(line.size(), INT32_MAX))));
    const int32_t chars = converted.countChar32();
    if (convert != nullptr) convert->transliterate(converted);
    // Character for character, or the line as it is (readings removed all the same).
    const bool one_for_one = converted.countChar32() == chars && static_cast<size_t>(chars) + 1 == origin.size();
    int32_t u = 0;
    for (size_t k = 0, i = 0; k + 1 < origin.size(); ++k) {
      anchor(origin[k]);
      const text::Char c = text::CharAt(line, i);
      if (one_for_one && c.value != text::kReplacementChar) {
        icu::UnicodeString(converted.char32At(u)).toUTF8String(out.text);
      } else {
        out.text.append(line.substr(i, c.length));
      }
      u = converted.moveIndex32(u, 1);
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
  // so (ConvertTraditionalScript still asks a tenth of the Han text to change).
  context.mutable_diagnosis().converted_script =
      HasInjectedReadings(text) || (text.size() <= INT32_MAX && LooksTraditional(text, &han) &&
                                    WrittenAfterSimplification(text));
}

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
}

void ConvertTraditionalScript(RepairContext& context) {
  if (!context.diagnosis().converted_script) return;
  std::string_view text = context.text();
  size_t han = 0;
  if (text.size() > INT32_MAX || !LooksTraditional(text, &han)) return;
  icu::Transliterator* convert = TraditionalToSimplified();
  if (convert == nullptr) return;
  // Convert line by line (bounded work per call), comparing code point by code point; the mapping is
  // one character for one character, and a line where it is not is left alone.
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
    icu::UnicodeString converted = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    icu::UnicodeString original = converted;
    convert->transliterate(converted);
    if (converted.countChar32() == original.countChar32() && converted != original) {
      int32_t u = 0;
      for (size_t i = 0; i < line.size();) {
        const size_t start = i;
        // An ill-formed run became one U+FFFD in `converted`: step over it as one.
        const text::Decoded c = text::DecodeUtf8At(line, i);
        i += c.len > 0 ? static_cast<size_t>(c.len) : text::IllFormedLength(line, i);
        UChar32 d = converted.char32At(u);
        u = converted.moveIndex32(u, 1);
        if (c.len < 0 || c.cp == static_cast<char32_t>(d)) continue;
        std::string out;
        icu::UnicodeString(d).toUTF8String(out);
        size_t begin = at + static_cast<size_t>(start), end = at + static_cast<size_t>(i);
        ++changed_chars;
        if (!changes.empty() && changes.back().end == begin) {
          changes.back().end = end;
          changes.back().after += out;
        } else {
          changes.push_back({begin, end, std::move(out)});
        }
      }
    }
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  // A traditional text differs from its simplified form in a fifth of its characters or more; a
  // simplified report quoting some traditional names, in far fewer than a tenth.
  if (changed_chars * 10 < han) return;
  for (Change& c : changes) {
    RepairRecord r;
    r.rule = repair_rule::kTextTraditional;
    r.span = {c.begin, c.end};
    r.before = std::string(text.substr(c.begin, c.end - c.begin));
    r.after = std::move(c.after);
    r.confidence = kTraditionalConfidence;
    r.reason = absl::StrCat("The document was converted to traditional characters; \"", r.before,
                            "\" restored to the simplified \"", r.after, "\".");
    if (context.IsClaimed(r.span)) continue;
    context.Propose(std::move(r));
  }
}

}  // namespace wenshu::repair_internal
