// text.small_form: punctuation written in the small form variants (U+FE50-FE6B, ﹐ ﹔ ﹖ …) that some
// editors and converters put for the ordinary marks. Each becomes the mark NFKC reads it as, in the form
// (full-width or ASCII) the document itself writes that mark in.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "repair/rule_ids.h"
#include "repair/rules.h"
#include "text/byte_search.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace wenshu::repair_internal {
namespace {

// NFKC's reading of U+FE50 + i (0 where the code point is unassigned).
constexpr std::array<char32_t, 28> kSmallFormNfkc = {
    U',', U'、', U'.', 0,    U';', U':', U'?', U'!', U'—', U'(', U')', U'{', U'}', U'〔',
    U'〕', U'#', U'&', U'*', U'+', U'-', U'<', U'>', U'=', 0,    U'\\', U'$', U'%', U'@'};
constexpr char32_t kFirstSmallForm = 0xFE50;
// A document writes its punctuation in small forms when two of them follow an ideograph: a single one may
// be a mojibake byte pair's reading (wild4's GBK run `ǘ﹪栏`); the clean corpora hold no small form.
constexpr size_t kMinSmallFormMarks = 2;
constexpr double kSmallFormConfidence = 0.97;

char32_t SmallFormReading(char32_t c) {
  if (c < kFirstSmallForm || c >= kFirstSmallForm + kSmallFormNfkc.size()) return 0;
  return kSmallFormNfkc[c - kFirstSmallForm];
}

// Whether the text holds kMinSmallFormMarks small forms, from their bytes (EF B9 90..AB, U+FE50-FE6B): a
// document with fewer is not written so, and costs one byte search, not a decode of every character.
bool MayHoldSmallForms(std::string_view text) {
  return text::CountOccurrences(text, "\xEF\xB9", kMinSmallFormMarks, [&](size_t at) {
           return SmallFormReading(text::CharAt(text, at).value) != 0;
         }) >= kMinSmallFormMarks;
}

// The full-width form of an ASCII mark (FoldChar's inverse), or 0.
char32_t FullWidthOf(char32_t c) { return c >= 0x21 && c <= 0x7E ? c + 0xFEE0 : 0; }

std::string Utf8(char32_t c) {
  std::string out;
  text::AppendUtf8(c, &out);
  return out;
}

}  // namespace

void RestoreSmallFormPunctuation(RepairContext& context) {
  const std::string_view text = context.text();
  if (!MayHoldSmallForms(text)) return;
  struct Mark {
    size_t begin;
    int len;
    char32_t reading;
  };
  std::vector<Mark> marks;
  size_t after_ideograph = 0;
  char32_t previous = 0;
  for (size_t i = 0; i < text.size();) {
    const text::Decoded d = text::DecodeUtf8At(text, i);
    if (d.len <= 0) {
      ++i;
      previous = 0;
      continue;
    }
    if (const char32_t reading = SmallFormReading(d.cp)) {
      marks.push_back({i, d.len, reading});
      if (text::IsIdeograph(previous)) ++after_ideograph;
    }
    previous = d.cp;
    i += static_cast<size_t>(d.len);
  }
  if (after_ideograph < kMinSmallFormMarks) return;
  // A garbled run text.mojibake flagged stays as written: its small forms are halves of other characters.
  std::vector<Span> garbled;
  for (const RepairFlag& f : context.flags()) {
    if (f.rule == repair_rule::kTextMojibake) garbled.push_back(f.span);
  }
  // The form the document writes each mark in: full-width when it writes that form more often than ASCII.
  std::array<std::string, kSmallFormNfkc.size()> form_of;
  auto document_form = [&](char32_t reading) -> const std::string& {
    size_t slot = 0;
    while (kSmallFormNfkc[slot] != reading) ++slot;
    std::string& form = form_of[slot];
    if (!form.empty()) return form;
    form = Utf8(reading);
    if (const char32_t wide = FullWidthOf(reading)) {
      const std::string wide_form = Utf8(wide);
      size_t wide_count = 0, ascii_count = 0;
      for (size_t at = text.find(wide_form); at != std::string_view::npos; at = text.find(wide_form, at + 1)) {
        ++wide_count;
      }
      for (char ch : text) ascii_count += ch == static_cast<char>(reading);
      if (wide_count > ascii_count) form = wide_form;
    }
    return form;
  };
  // Marks are in text order: one walk over the runs sorted by start, keeping the furthest end reached (a
  // test of every run for every mark was quadratic on a text of many of both).
  std::sort(garbled.begin(), garbled.end(), [](Span a, Span b) { return a.begin < b.begin; });
  size_t next_garbled = 0, garbled_end = 0;
  for (const Mark& m : marks) {
    while (next_garbled < garbled.size() && garbled[next_garbled].begin <= m.begin) {
      garbled_end = std::max(garbled_end, garbled[next_garbled++].end);
    }
    if (m.begin < garbled_end) continue;
    std::string after = document_form(m.reading);
    RepairRecord record;
    record.rule = repair_rule::kTextSmallForm;
    record.span = {m.begin, m.begin + static_cast<size_t>(m.len)};
    record.before = std::string(text.substr(m.begin, static_cast<size_t>(m.len)));
    record.after = std::move(after);
    record.confidence = kSmallFormConfidence;
    record.reason = std::string(
        "A small form variant of a punctuation mark (U+FE50-FE6B), in a document that writes its marks so; "
        "restored to the mark NFKC reads it as, in the document's own width.");
    context.Propose(std::move(record));
  }
}

}  // namespace wenshu::repair_internal
