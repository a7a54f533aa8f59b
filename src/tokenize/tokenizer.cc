// The streaming tokenizer. Every scan decision reads only bytes already buffered and returns "need
// more" whenever a later byte could change it, so the tokens do not depend on the chunking; runs are
// cut at max_token_bytes, a position that depends on the content only.
#include "wenshu/tokenizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <span>
#include <utility>

#include "text/breaks.h"
#include "text/char_class.h"
#include "text/units.h"
#include "text/utf8.h"
#include "tokenize/dictionary_access.h"
#include "tokenize/hmm.h"

namespace wenshu {
namespace {

using text::CharClass;
using text::Classify;
using text::Decoded;
using text::DecodeUtf8At;
using tokenize_internal::DictionaryAccess;
using text::IsCjk;
using text::IsCjkNumeral;
using text::IsDigit;

// What lies at an offset of the buffered input.
struct Peeked {
  enum Kind : uint8_t { kChar, kInvalid, kEnd, kNeedMore } kind;
  char32_t cp = 0;
  int len = 0;
};

struct Cursor {
  const uint8_t* p;
  size_t avail;
  bool final;

  Peeked At(size_t i) const {
    if (i >= avail) return {final ? Peeked::kEnd : Peeked::kNeedMore};
    Decoded d = DecodeUtf8At(p + i, avail - i, final);
    if (d.len == 0) return {Peeked::kNeedMore};
    if (d.len < 0) return {Peeked::kInvalid, 0, 1};
    return {Peeked::kChar, d.cp, d.len};
  }
};

// The tokenizer's measure words (text/units.h: the words flagged kTokenAfterNumber or kTokenAfterNumeral) as
// code points. `after_numeral` marks those that are safe to split off a CJK numeral inside a word
// (一个 → 一 + 个).
constexpr size_t kMaxUnitChars = 4;
struct UnitEntry {
  std::array<char32_t, kMaxUnitChars> cps{};
  size_t size = 0;
  bool after_numeral = false;
  constexpr std::u32string_view text() const { return {cps.data(), size}; }
};
constexpr bool IsTokenUnit(const text::UnitWord& u) {
  return (u.readers & (text::kTokenAfterNumber | text::kTokenAfterNumeral)) != 0;
}
// Magnitudes that may precede a unit after a number: 2.16万人, 3亿元.
constexpr std::u32string_view kMagnitudes[] = {U"万亿", U"千万", U"百万", U"十万",
                                               U"万",   U"亿",   U"千",   U"百", U"十"};

// The units sorted by text (at compile time), so that the units starting with a character are one
// equal_range and an exact unit one binary search: a linear scan of the 100 units at every word
// after a numeral cost more than the rest of the unit handling.
constexpr auto kUnitsByText = [] {
  std::array<UnitEntry, std::ranges::count_if(text::kUnitWords, IsTokenUnit)> units{};
  size_t n = 0;
  for (const text::UnitWord& u : text::kUnitWords) {
    if (!IsTokenUnit(u)) continue;
    UnitEntry& e = units[n++];
    e.after_numeral = (u.readers & text::kTokenAfterNumeral) != 0;
    // The words are well-formed UTF-8 literals: decoded here without checks.
    for (size_t i = 0; i < u.written.size();) {
      const auto b = static_cast<unsigned char>(u.written[i]);
      const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
      for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(u.written[i + k]) & 0x3F);
      if (e.size == kMaxUnitChars) throw "a tokenizer unit is longer than kMaxUnitChars";
      e.cps[e.size++] = c;
      i += len;
    }
  }
  std::sort(units.begin(), units.end(), [](const UnitEntry& a, const UnitEntry& b) { return a.text() < b.text(); });
  return units;
}();

// The units whose first character is c.
std::span<const UnitEntry> UnitsStartingWith(char32_t c) {
  auto from = std::lower_bound(kUnitsByText.begin(), kUnitsByText.end(), c,
                               [](const UnitEntry& u, char32_t first) { return u.text()[0] < first; });
  auto to = std::find_if(from, kUnitsByText.end(), [c](const UnitEntry& u) { return u.text()[0] != c; });
  return {from, to};
}

// The longest unit at the start of cps[0, n) (a magnitude prefix allowed when `with_magnitude`);
// 0 if none.
size_t MatchUnit(const char32_t* cps, size_t n, bool with_magnitude, bool only_after_numeral) {
  std::u32string_view text(cps, n);
  size_t best = 0;
  auto match_base = [&](size_t at) {
    if (at >= n) return;
    for (const UnitEntry& u : UnitsStartingWith(text[at])) {
      if (only_after_numeral && !u.after_numeral) continue;
      if (text.substr(at, u.text().size()) == u.text()) best = std::max(best, at + u.text().size());
    }
  };
  match_base(0);
  if (with_magnitude) {
    for (std::u32string_view m : kMagnitudes) {
      if (text.substr(0, m.size()) == m) match_base(m.size());
    }
  }
  return best;
}

bool IsExactUnit(const char32_t* cps, size_t n) {
  const std::u32string_view text(cps, n);
  auto it = std::lower_bound(kUnitsByText.begin(), kUnitsByText.end(), text,
                             [](const UnitEntry& u, std::u32string_view t) { return u.text() < t; });
  return it != kUnitsByText.end() && it->text() == text && it->after_numeral;
}

bool IsSmallNumeral(char32_t c) {
  switch (c) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七': case U'八':
    case U'九': case U'十':
      return true;
    default:
      return false;
  }
}

bool IsCircledNumber(char32_t c) {
  return (c >= 0x2460 && c <= 0x249B) ||  // ①-⑳ ⑴-⒇ ⒈-⒛
         (c >= 0x2776 && c <= 0x2793) ||  // ❶-❿ ➀-➓
         (c >= 0x3220 && c <= 0x3229) ||  // ㈠-㈩
         (c >= 0x3280 && c <= 0x3289);    // ㊀-㊉
}

// After these a clause starts (the token context's kClauseStart); a line break has its own context.
bool IsSentenceEnd(char32_t c) {
  return text::IsBreak(c, text::kSentenceEnds | text::kSemicolons | text::kColons);
}

bool IsClauseSeparator(char32_t c) { return c == U'，' || c == U',' || c == U'、'; }

bool FoldsInNorm(TokenKind kind) {
  switch (kind) {
    case TokenKind::kNumber: case TokenKind::kPercent: case TokenKind::kListMarker:
    case TokenKind::kPunct: case TokenKind::kLatin: case TokenKind::kSpace:
      return true;
    default:
      return false;
  }
}

// 〇一二三四五六七八九 and ○: the numerals that write a number digit by digit.
bool IsDigitLikeNumeral(char32_t c) {
  switch (c) {
    case U'〇': case U'○': case U'一': case U'二': case U'三': case U'四': case U'五': case U'六':
    case U'七': case U'八': case U'九':
      return true;
    default:
      return false;
  }
}

// The characters a CJK run's buffers first hold; they grow to the longest run seen.
constexpr size_t kFirstRunCapacity = 256;

// The characters jieba's HMM covers (its re_han: U+4E00..U+9FD5).
bool IsHmmCharacter(char32_t c) { return c >= 0x4E00 && c <= 0x9FD5; }

}  // namespace

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kCjkNumeral: return "cjk_numeral";
    case TokenKind::kUnit: return "unit";
    case TokenKind::kPercent: return "percent";
    case TokenKind::kListMarker: return "list_marker";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kSpace: return "space";
    case TokenKind::kNewline: return "newline";
    case TokenKind::kInvalid: return "invalid";
    case TokenKind::kOther: return "other";
  }
  return "other";
}

Tokenizer::Tokenizer(TokenizerOptions options) : Tokenizer(Dictionary::Default(), options) {}

Tokenizer::Tokenizer(std::shared_ptr<const Dictionary> dictionary, TokenizerOptions options)
    : Tokenizer(dictionary ? *dictionary : Dictionary::Default(), options) {
  owned_dictionary_ = std::move(dictionary);
}

Tokenizer::Tokenizer(const Dictionary& dictionary, TokenizerOptions options)
    : dictionary_(&dictionary),
      options_(options),
      unknown_log_probability_(-std::log(static_cast<double>(dictionary.total_frequency()))) {
  options_.max_token_bytes = std::clamp(options_.max_token_bytes, TokenizerOptions::kMinTokenBytes,
                                        TokenizerOptions::kMaxTokenBytes);
}

Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

void Tokenizer::Reset() {
  buffer_.clear();
  buffer_base_ = 0;
  stream_end_ = 0;
  scan_ = 0;
  scan_cp_ = 0;
  finished_ = false;
  queue_.clear();
  queue_head_ = 0;
  norm_.clear();
  context_ = Context::kLineStart;
  last_kind_ = TokenKind::kNewline;
}

absl::Status Tokenizer::Feed(std::string_view chunk) {
  if (finished_) {
    return absl::FailedPreconditionError("Tokenizer::Feed after Finish(); call Reset() first");
  }
  if (chunk.empty()) return absl::OkStatus();
  // Drop the bytes already returned in tokens; what remains is the carry.
  uint64_t keep_from = queue_head_ < queue_.size() ? queue_[queue_head_].begin : scan_;
  size_t drop = static_cast<size_t>(keep_from - buffer_base_);
  if (drop > 0) {
    buffer_.erase(0, drop);
    buffer_base_ = keep_from;
  }
  buffer_.append(chunk.data(), chunk.size());
  stream_end_ += chunk.size();
  return absl::OkStatus();
}

void Tokenizer::Finish() { finished_ = true; }

bool Tokenizer::done() const {
  return finished_ && queue_head_ == queue_.size() && scan_ == stream_end_;
}

size_t Tokenizer::pending_bytes() const {
  uint64_t from = queue_head_ < queue_.size() ? queue_[queue_head_].begin : scan_;
  return static_cast<size_t>(stream_end_ - from);
}

bool Tokenizer::Next(Token* token) {
  if (queue_head_ == queue_.size()) {
    queue_.clear();
    queue_head_ = 0;
    if (!ScanNext()) return false;
  }
  Emit(queue_[queue_head_++], token);
  return true;
}

std::vector<OwnedToken> Tokenizer::Tokenize(std::string_view text) {
  Reset();
  std::vector<OwnedToken> out;
  (void)Feed(text);  // cannot fail right after Reset()
  Finish();
  Token t;
  while (Next(&t)) {
    out.push_back(OwnedToken{t.kind, t.flags, t.begin, t.end, t.cp_begin, t.cp_end, std::string(t.text),
                             std::string(t.norm)});
  }
  return out;
}

void Tokenizer::Emit(const Pending& pending, Token* token) {
  token->kind = pending.kind;
  token->flags = pending.flags;
  token->begin = pending.begin;
  token->end = pending.end;
  token->cp_begin = pending.cp_begin;
  token->cp_end = pending.cp_end;
  // Both views from the local: copying token->text back out of memory right after storing it
  // (16 bytes read over two 8-byte stores) stalled on store forwarding, half of Emit's time (perf).
  const std::string_view text(buffer_.data() + (pending.begin - buffer_base_),
                              static_cast<size_t>(pending.end - pending.begin));
  token->text = text;
  token->norm = text;
  if (pending.kind == TokenKind::kNewline) {
    if (token->text != "\n") {
      token->norm = "\n";
      token->flags |= kTokenNormalized;
    }
    return;
  }
  if (!FoldsInNorm(pending.kind)) return;
  // Only characters outside ASCII can fold; most tokens are returned without copying.
  const auto* p = reinterpret_cast<const uint8_t*>(token->text.data());
  const size_t n = token->text.size();
  bool folds = false;
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    Decoded d = DecodeUtf8At(p + i, n - i, true);
    if (d.len <= 0) break;  // cannot happen inside these kinds
    if (text::FoldChar(d.cp) != d.cp) {
      folds = true;
      break;
    }
    i += static_cast<size_t>(d.len);
  }
  if (!folds) return;
  norm_.clear();
  char encoded[4];
  for (size_t i = 0; i < n;) {
    Decoded d = DecodeUtf8At(p + i, n - i, true);
    if (d.len <= 0) {
      norm_.push_back(static_cast<char>(p[i]));
      ++i;
      continue;
    }
    norm_.append(encoded, text::EncodeUtf8(text::FoldChar(d.cp), encoded));
    i += static_cast<size_t>(d.len);
  }
  token->norm = norm_;
  token->flags |= kTokenNormalized;
}

void Tokenizer::Push(TokenKind kind, uint32_t flags, size_t length, uint64_t code_points) {
  Pending p{kind, flags, scan_, scan_ + length, scan_cp_, scan_cp_ + code_points};
  queue_.push_back(p);
  scan_ += length;
  scan_cp_ += code_points;
  // Context for list markers and units.
  switch (kind) {
    case TokenKind::kSpace:
      return;
    case TokenKind::kNewline:
      context_ = Context::kLineStart;
      break;
    case TokenKind::kPunct:
      break;  // set by ScanNext, which has the mark decoded
    default:
      context_ = Context::kMid;
      break;
  }
  last_kind_ = kind;
}

bool Tokenizer::ScanNext() {
  if (scan_ == stream_end_) return false;
  const size_t offset = static_cast<size_t>(scan_ - buffer_base_);
  const Cursor in{reinterpret_cast<const uint8_t*>(buffer_.data()) + offset,
                  static_cast<size_t>(stream_end_ - scan_), finished_};
  const size_t cap = options_.max_token_bytes;

  Peeked first = in.At(0);
  if (first.kind == Peeked::kNeedMore) return false;

  // A run of characters accepted by `accept`, cut at the cap. Returns false if more input is needed.
  size_t run_length = 0;
  uint64_t run_cps = 0;
  bool run_split = false;
  auto scan_run = [&](size_t from, uint64_t cps_so_far, auto accept) -> bool {
    size_t i = from;
    uint64_t cps = cps_so_far;
    for (;;) {
      Peeked next = in.At(i);
      if (next.kind == Peeked::kNeedMore) return false;
      if (!accept(next)) break;
      if (i + static_cast<size_t>(next.len) > cap) {
        run_split = true;
        break;
      }
      i += static_cast<size_t>(next.len);
      ++cps;
    }
    run_length = i;
    run_cps = cps;
    return true;
  };

  if (first.kind == Peeked::kInvalid) {
    if (!scan_run(0, 0, [](const Peeked& p) { return p.kind == Peeked::kInvalid; })) return false;
    Push(TokenKind::kInvalid, run_split ? uint32_t{kTokenSplit} : 0u, run_length, run_cps);
    return true;
  }

  const char32_t c = first.cp;
  const CharClass cls = Classify(c);

  // List markers, in the contexts where they enumerate.
  {
    ptrdiff_t marker = 0;
    const bool line_or_sentence_start =
        context_ == Context::kLineStart || context_ == Context::kSentenceStart;
    const bool clause_start = line_or_sentence_start || context_ == Context::kClauseStart;
    if (IsCircledNumber(c)) {
      marker = first.len;
    } else if (c == '(' || c == U'（') {
      // (一) （二） (1) （１）
      size_t i = static_cast<size_t>(first.len);
      int count = 0;
      bool digits = false, numerals = false;
      for (;;) {
        Peeked p = in.At(i);
        if (p.kind == Peeked::kNeedMore) return false;
        if (p.kind != Peeked::kChar) break;
        if (IsDigit(p.cp) && !numerals && count < 3) {
          digits = true;
        } else if (IsCjkNumeral(p.cp) && !digits && count < 4) {
          numerals = true;
        } else if (count > 0 && (p.cp == ')' || p.cp == U'）')) {
          marker = static_cast<ptrdiff_t>(i) + p.len;
          break;
        } else {
          break;
        }
        ++count;
        i += static_cast<size_t>(p.len);
      }
    } else if (line_or_sentence_start && (IsDigit(c) || IsCjkNumeral(c))) {
      // 1、 1. 1． 一、 at the start of a line or sentence.
      const bool digits = IsDigit(c);
      size_t i = 0;
      int count = 0;
      for (;;) {
        Peeked p = in.At(i);
        if (p.kind == Peeked::kNeedMore) return false;
        if (p.kind == Peeked::kChar && (digits ? IsDigit(p.cp) : IsCjkNumeral(p.cp)) && count < 4) {
          ++count;
          i += static_cast<size_t>(p.len);
          continue;
        }
        if (p.kind == Peeked::kChar && count <= 3) {
          if (p.cp == U'、') {
            marker = static_cast<ptrdiff_t>(i) + p.len;
          } else if (digits && (p.cp == '.' || p.cp == U'．')) {
            Peeked after = in.At(i + static_cast<size_t>(p.len));
            if (after.kind == Peeked::kNeedMore) return false;
            if (!(after.kind == Peeked::kChar && IsDigit(after.cp))) {
              marker = static_cast<ptrdiff_t>(i) + p.len;
            }
          }
        }
        break;
      }
    }
    if (marker == 0 && clause_start && (c == U'第' || IsSmallNumeral(c))) {
      // 第一， (marker 第一) and 一是 / 十一是 at the start of a clause.
      const bool ordinal = c == U'第';
      size_t i = ordinal ? static_cast<size_t>(first.len) : 0;
      int count = 0;
      for (;;) {
        Peeked p = in.At(i);
        if (p.kind == Peeked::kNeedMore) return false;
        if (p.kind == Peeked::kChar && count < 3 &&
            (ordinal ? IsCjkNumeral(p.cp) : IsSmallNumeral(p.cp))) {
          ++count;
          i += static_cast<size_t>(p.len);
          continue;
        }
        if (count > 0 && p.kind == Peeked::kChar) {
          if (ordinal && (IsClauseSeparator(p.cp) || p.cp == U'：' || p.cp == ':')) {
            marker = static_cast<ptrdiff_t>(i);
          } else if (!ordinal && count <= 2 && p.cp == U'是') {
            marker = static_cast<ptrdiff_t>(i) + p.len;
          }
        }
        break;
      }
    }
    if (marker > 0) {
      // Every marker character is valid UTF-8; count its code points.
      uint64_t cps = 0;
      for (size_t i = 0; i < static_cast<size_t>(marker);) {
        i += static_cast<size_t>(in.At(i).len);
        ++cps;
      }
      Push(TokenKind::kListMarker, 0, static_cast<size_t>(marker), cps);
      return true;
    }
  }

  switch (cls) {
    case CharClass::kCjk: {
      // The run's characters are decoded once, here, for the segmenter. Most are three-byte
      // sequences led by E3..E9, decoded inline (such a sequence is always well-formed: an overlong
      // needs E0 and a surrogate ED, so this is text::DecodeUtf8At's answer); anything else takes the
      // general path. The buffers only grow (to the longest run seen) and are written by index:
      // a push_back per character cost as much as the decoding.
      size_t n = 0;
      auto append = [&](char32_t cp, size_t offset) {
        if (n == run_cps_.size()) {
          run_cps_.resize(2 * n + kFirstRunCapacity);
          run_offsets_.resize(2 * n + kFirstRunCapacity + 1);  // + the end offset
        }
        run_cps_[n] = cp;
        run_offsets_[n] = static_cast<uint32_t>(offset);
        ++n;
      };
      size_t i = 0;
      bool split = false;
      for (;;) {
        if (i + 3 <= in.avail && in.p[i] >= 0xE3 && in.p[i] <= 0xE9 && (in.p[i + 1] & 0xC0) == 0x80 &&
            (in.p[i + 2] & 0xC0) == 0x80) {
          const char32_t cp = (char32_t{in.p[i] & 0x0Fu} << 12) | (char32_t{in.p[i + 1] & 0x3Fu} << 6) |
                              char32_t{in.p[i + 2] & 0x3Fu};
          if (!IsCjk(cp)) break;
          if (i + 3 > cap) {
            split = true;
            break;
          }
          append(cp, i);
          i += 3;
          continue;
        }
        Peeked next = in.At(i);
        if (next.kind == Peeked::kNeedMore) return false;
        if (next.kind != Peeked::kChar || !IsCjk(next.cp)) break;
        if (i + static_cast<size_t>(next.len) > cap) {
          split = true;
          break;
        }
        append(next.cp, i);
        i += static_cast<size_t>(next.len);
      }
      SegmentCjkRun(n, i, split);
      return true;
    }
    case CharClass::kDigit: {
      auto is_digit = [](const Peeked& p) { return p.kind == Peeked::kChar && IsDigit(p.cp); };
      if (!scan_run(0, 0, is_digit)) return false;
      size_t length = run_length;
      uint64_t cps = run_cps;
      if (!run_split) {
        // Thousands separators: 1,234,567 (ASCII digits and comma, groups of exactly three).
        bool ascii_head = length <= 3;
        for (size_t i = 0; i < length && ascii_head; ++i) ascii_head = in.p[i] >= '0' && in.p[i] <= '9';
        while (ascii_head && length + 4 <= cap) {
          Peeked comma = in.At(length);
          if (comma.kind == Peeked::kNeedMore) return false;
          if (comma.kind != Peeked::kChar || comma.cp != ',') break;
          bool group = true;
          for (size_t k = 1; k <= 4 && group; ++k) {
            Peeked d = in.At(length + k);
            if (d.kind == Peeked::kNeedMore) return false;
            bool ascii_digit = d.kind == Peeked::kChar && d.cp >= '0' && d.cp <= '9';
            group = k < 4 ? ascii_digit : !(d.kind == Peeked::kChar && IsDigit(d.cp));
          }
          if (!group) break;
          length += 4;
          cps += 4;
        }
        // A decimal part: 2.16 ２．５
        Peeked point = in.At(length);
        if (point.kind == Peeked::kNeedMore) return false;
        if (point.kind == Peeked::kChar && (point.cp == '.' || point.cp == U'．')) {
          Peeked digit = in.At(length + static_cast<size_t>(point.len));
          if (digit.kind == Peeked::kNeedMore) return false;
          if (digit.kind == Peeked::kChar && IsDigit(digit.cp) &&
              length + static_cast<size_t>(point.len + digit.len) <= cap) {
            if (!scan_run(length + static_cast<size_t>(point.len), cps + 1, is_digit)) return false;
            length = run_length;
            cps = run_cps;
          }
        }
      }
      Push(TokenKind::kNumber, run_split ? uint32_t{kTokenSplit} : 0u, length, cps);
      return true;
    }
    case CharClass::kLatin: {
      if (!scan_run(0, 0, [](const Peeked& p) {
            if (p.kind != Peeked::kChar) return false;
            CharClass k = Classify(p.cp);
            return k == CharClass::kLatin || k == CharClass::kDigit;
          })) {
        return false;
      }
      Push(TokenKind::kLatin, run_split ? uint32_t{kTokenSplit} : 0u, run_length, run_cps);
      return true;
    }
    case CharClass::kSpace: {
      if (!scan_run(0, 0, [](const Peeked& p) {
            return p.kind == Peeked::kChar && Classify(p.cp) == CharClass::kSpace;
          })) {
        return false;
      }
      Push(TokenKind::kSpace, run_split ? uint32_t{kTokenSplit} : 0u, run_length, run_cps);
      return true;
    }
    case CharClass::kNewline: {
      if (c == '\r') {
        Peeked next = in.At(1);
        if (next.kind == Peeked::kNeedMore) return false;
        if (next.kind == Peeked::kChar && next.cp == '\n') {
          Push(TokenKind::kNewline, 0, 2, 2);
          return true;
        }
      }
      Push(TokenKind::kNewline, 0, static_cast<size_t>(first.len), 1);
      return true;
    }
    case CharClass::kPercent:
      Push(TokenKind::kPercent, 0, static_cast<size_t>(first.len), 1);
      return true;
    case CharClass::kPunct:
      Push(TokenKind::kPunct, 0, static_cast<size_t>(first.len), 1);
      if (IsSentenceEnd(c)) {
        context_ = Context::kSentenceStart;
      } else if (IsClauseSeparator(c)) {
        context_ = Context::kClauseStart;
      } else {
        context_ = Context::kMid;
      }
      return true;
    case CharClass::kOther:
      Push(TokenKind::kOther, 0, static_cast<size_t>(first.len), 1);
      return true;
  }
  return false;
}

// Segments a run of CJK characters the way jieba does without its HMM: the path through the DAG of
// dictionary words with the highest total log probability (unknown characters stand alone with
// frequency 1). Then numerals and units are recognized on the words.
bool Tokenizer::IsDictionaryWord(const char32_t* cps, size_t n) const {
  const uint32_t node = DictionaryAccess::Find(*dictionary_, cps, n);
  return node != tokenize_internal::kRootSlot &&
         DictionaryAccess::Slots(*dictionary_)[node].log_probability <= 0.0f;
}

void Tokenizer::SegmentCjkRun(size_t n, size_t length, bool split) {
  // run_cps_[0, n) and run_offsets_[0, n) hold the run's characters (decoded by ScanNext).
  run_offsets_[n] = static_cast<uint32_t>(length);
  const uint64_t run_begin = scan_;
  const char32_t* cps = run_cps_.data();

  auto push_range = [&](TokenKind kind, uint32_t flags, size_t a, size_t b) {
    // Consecutive numerals (二十 + 三) form one numeral.
    if (kind == TokenKind::kCjkNumeral && !queue_.empty() && queue_.back().kind == kind &&
        queue_.back().end == scan_ && queue_.back().begin >= run_begin) {
      Pending& last = queue_.back();
      last.end += run_offsets_[b] - run_offsets_[a];
      last.cp_end += b - a;
      scan_ += run_offsets_[b] - run_offsets_[a];
      scan_cp_ += b - a;
      return;
    }
    Push(kind, flags, run_offsets_[b] - run_offsets_[a], b - a);
  };

  size_t start = 0;
  // A unit right after a number: 26341人, 2.16万人, 3亿元.
  if (last_kind_ == TokenKind::kNumber) {
    size_t unit = MatchUnit(cps, n, /*with_magnitude=*/true, /*only_after_numeral=*/false);
    if (unit > 0) {
      push_range(TokenKind::kUnit, 0, 0, unit);
      start = unit;
    } else if (IsCjkNumeral(cps[0])) {
      size_t m = 0;
      for (std::u32string_view mag : kMagnitudes) {
        if (std::u32string_view(cps, n).substr(0, mag.size()) == mag) m = std::max(m, mag.size());
      }
      if (m > 0) {
        push_range(TokenKind::kCjkNumeral, 0, 0, m);
        start = m;
      }
    }
  }

  // Best path, right to left. Ties go to the longer word, as in jieba.
  const tokenize_internal::TrieSlot* slots = DictionaryAccess::Slots(*dictionary_);
  const double unknown = unknown_log_probability_;
  if (route_score_.size() < n + 1) {  // grow only: the sweep writes every entry before reading it
    route_score_.resize(n + 1);
    route_end_.resize(n + 1);
    route_known_.resize(n + 1);
    run_char_ids_.resize(n + 1);
  }
  // Each character's id once, not once per word that may hold it.
  uint16_t* char_ids = run_char_ids_.data();
  for (size_t k = start; k < n; ++k) char_ids[k] = DictionaryAccess::CharId(*dictionary_, cps[k]);
  route_score_[n] = 0;
  // Numerals written digit by digit (二〇二三, 一九九八, 二○○一) are one token whatever the dictionary
  // says (it knows 一年, 二三年), with a following 年 (a year, a word): no word starts or ends inside.
  // Most runs hold none: the two arrays are cleared only for a run that does.
  bool any_forced = false;
  for (size_t i = start; i < n;) {
    if (!IsCjkNumeral(cps[i])) {
      ++i;
      continue;
    }
    size_t e = i;
    bool has_zero = false, digit_like = true;
    while (e < n && IsCjkNumeral(cps[e])) {
      has_zero |= cps[e] == U'〇' || cps[e] == text::kWhiteCircleZero;
      digit_like &= IsDigitLikeNumeral(cps[e]);
      ++e;
    }
    if ((has_zero && e - i >= 2) || (digit_like && e - i >= 4)) {
      // A year written this way keeps its 年, as jieba's dictionary and the PKU standard do
      // (一九五八年 is one word).
      if (e < n && cps[e] == U'年') ++e;
      if (!any_forced) {
        forced_end_.assign(n + 1, 0);
        inside_forced_.assign(n + 1, 0);
        any_forced = true;
      }
      forced_end_[i] = static_cast<uint32_t>(e);
      for (size_t k = i + 1; k < e; ++k) inside_forced_[k] = 1;
    }
    i = e;
  }
  for (size_t i = n; i-- > start;) {
    double best = -std::numeric_limits<double>::infinity();
    uint32_t best_end = static_cast<uint32_t>(i + 1);
    bool known = false;
    if (any_forced && forced_end_[i] != 0) {
      route_score_[i] = unknown + route_score_[forced_end_[i]];
      route_end_[i] = forced_end_[i];
      route_known_[i] = 0;
      continue;
    }
    // The words that start at i, one 12-byte slot per character: the slot that checks the
    // step from its parent holds the next base and the word's probability.
    uint32_t node = tokenize_internal::kRootSlot;
    for (size_t j = i; j < n; ++j) {
      node = DictionaryAccess::Child(slots, node, char_ids[j]);
      if (node == tokenize_internal::kRootSlot) break;
      const float log_probability = slots[node].log_probability;
      if (log_probability <= 0.0f && !(any_forced && inside_forced_[j + 1])) {
        double score = log_probability + route_score_[j + 1];
        if (score >= best) {
          best = score;
          best_end = static_cast<uint32_t>(j + 1);
          known = true;
        }
      }
    }
    if (!known) {
      // An unknown character stands alone; inside a forced numeral it is the numeral's last part.
      best = unknown + route_score_[i + 1];
      best_end = static_cast<uint32_t>(i + 1);
    }
    route_score_[i] = best;
    route_end_[i] = best_end;
    route_known_[i] = known ? 1 : 0;
  }

  // The words: the dictionary path, where runs of single characters (that are not together a
  // dictionary word) are re-segmented by the HMM, as jieba does.
  word_ends_.clear();
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t singles_begin = kNone;
  auto flush_singles = [&](size_t end) {
    if (singles_begin == kNone) return;
    const size_t a = singles_begin;
    singles_begin = kNone;
    if (end - a > 1 && options_.hmm_unknown_words && !IsDictionaryWord(cps + a, end - a)) {
      for (size_t k = a; k < end;) {
        if (!IsHmmCharacter(cps[k])) {
          word_ends_.push_back(static_cast<uint32_t>(++k));
          continue;
        }
        size_t m = k;
        while (m < end && IsHmmCharacter(cps[m])) ++m;
        const size_t before = word_ends_.size();
        if (!hmm_) hmm_ = std::make_unique<tokenize_internal::HmmSegmenter>();
        hmm_->Segment(cps + k, m - k, &word_ends_);
        for (size_t w = before; w < word_ends_.size(); ++w) word_ends_[w] += static_cast<uint32_t>(k);
        k = m;
      }
      return;
    }
    for (size_t k = a; k < end; ++k) word_ends_.push_back(static_cast<uint32_t>(k + 1));
  };
  for (size_t i = start; i < n;) {
    const size_t e = route_end_[i];
    if (e - i == 1) {
      if (singles_begin == kNone) singles_begin = i;
    } else {
      flush_singles(i);
      word_ends_.push_back(static_cast<uint32_t>(e));
    }
    i = e;
  }
  flush_singles(n);

  size_t i = start;
  for (uint32_t end : word_ends_) {
    const size_t e = end;
    const uint32_t flags = route_known_[i] && route_end_[i] == e ? uint32_t{kTokenInDictionary} : 0u;
    bool all_numeral = true;
    for (size_t k = i; k < e && all_numeral; ++k) all_numeral = IsCjkNumeral(cps[k]);
    const bool after_numeral = !queue_.empty() && queue_.back().end == scan_ &&
                               (queue_.back().kind == TokenKind::kCjkNumeral ||
                                queue_.back().kind == TokenKind::kNumber);
    if (all_numeral) {
      push_range(TokenKind::kCjkNumeral, flags, i, e);
    } else if (after_numeral && IsExactUnit(cps + i, e - i)) {
      push_range(TokenKind::kUnit, flags, i, e);
    } else if (options_.split_numeral_units && IsCjkNumeral(cps[i])) {
      // 一个 → 一 + 个, 十万元 → 十万 + 元, when the rest is exactly a unit.
      size_t k = i;
      while (k < e && IsCjkNumeral(cps[k])) ++k;
      if (k < e && IsExactUnit(cps + k, e - k)) {
        push_range(TokenKind::kCjkNumeral, flags, i, k);
        push_range(TokenKind::kUnit, flags, k, e);
      } else {
        push_range(TokenKind::kWord, flags, i, e);
      }
    } else {
      push_range(TokenKind::kWord, flags, i, e);
    }
    i = e;
  }
  // A ○ that joined no numeral is a symbol (a bullet), not a zero.
  for (Pending& p : queue_) {
    if (p.kind != TokenKind::kCjkNumeral || p.begin < run_begin) continue;
    bool only_circles = true;
    for (uint64_t b = p.begin; b < p.end && only_circles; b += 3) {
      only_circles = buffer_.compare(b - buffer_base_, 3, "\u25CB") == 0;
    }
    if (only_circles) p.kind = TokenKind::kOther;
  }
  if (split && !queue_.empty()) queue_.back().flags |= kTokenSplit;
}

}  // namespace wenshu
