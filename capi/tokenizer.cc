// wenshu_tokenizer: the C view of wenshu::Tokenizer, with an optional strict UTF-8 check that keeps a
// character cut between chunks pending instead of calling it invalid.
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "internal.h"
#include "wenshu.h"
#include "wenshu/dictionary.h"
#include "wenshu/tokenizer.h"

struct wenshu_dictionary {
  std::shared_ptr<const wenshu::Dictionary> dictionary;
};

struct wenshu_tokenizer {
  wenshu_tokenizer(std::shared_ptr<const wenshu::Dictionary> dictionary,
                   wenshu::TokenizerOptions options)
      : tokenizer(std::move(dictionary), options) {}

  wenshu::Tokenizer tokenizer;
  bool strict_utf8 = false;
  // Strict mode: the bytes of a character cut at the end of the last chunk (at most 3).
  std::string utf8_tail;
  std::string scratch;  // the tail joined with the start of the next chunk, for checking
};

namespace {

// The C enum and flags mirror the C++ ones value for value: both are fixed forever.
template <wenshu::TokenKind kind>
constexpr int Kind = static_cast<int>(kind);
static_assert(WENSHU_TOKEN_WORD == Kind<wenshu::TokenKind::kWord>);
static_assert(WENSHU_TOKEN_NUMBER == Kind<wenshu::TokenKind::kNumber>);
static_assert(WENSHU_TOKEN_CJK_NUMERAL == Kind<wenshu::TokenKind::kCjkNumeral>);
static_assert(WENSHU_TOKEN_UNIT == Kind<wenshu::TokenKind::kUnit>);
static_assert(WENSHU_TOKEN_PERCENT == Kind<wenshu::TokenKind::kPercent>);
static_assert(WENSHU_TOKEN_LIST_MARKER == Kind<wenshu::TokenKind::kListMarker>);
static_assert(WENSHU_TOKEN_PUNCT == Kind<wenshu::TokenKind::kPunct>);
static_assert(WENSHU_TOKEN_LATIN == Kind<wenshu::TokenKind::kLatin>);
static_assert(WENSHU_TOKEN_SPACE == Kind<wenshu::TokenKind::kSpace>);
static_assert(WENSHU_TOKEN_NEWLINE == Kind<wenshu::TokenKind::kNewline>);
static_assert(WENSHU_TOKEN_INVALID == Kind<wenshu::TokenKind::kInvalid>);
static_assert(WENSHU_TOKEN_OTHER == Kind<wenshu::TokenKind::kOther>);
static_assert(wenshu::kTokenKindCount == 12, "a new TokenKind needs a WENSHU_TOKEN_ value");
static_assert(WENSHU_TOKEN_SPLIT == wenshu::kTokenSplit);
static_assert(WENSHU_TOKEN_IN_DICTIONARY == wenshu::kTokenInDictionary);
static_assert(WENSHU_TOKEN_NORMALIZED == wenshu::kTokenNormalized);

// The length of the UTF-8 sequence a lead byte starts (1 for anything that is not a lead byte:
// ScanUtf8 reports those).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

// Strict mode: checks chunk as the continuation of t->utf8_tail, and on success updates the tail.
// Nothing is changed on failure.
wenshu_status CheckChunk(wenshu_tokenizer* t, std::string_view chunk, const char* where) {
  const uint64_t fed = t->tokenizer.bytes_fed();
  size_t rest_at = 0;  // where the part of the chunk after the completed tail starts
  if (!t->utf8_tail.empty()) {
    size_t need = SequenceLength(static_cast<unsigned char>(t->utf8_tail[0])) - t->utf8_tail.size();
    size_t take = std::min(need, chunk.size());
    t->scratch.assign(t->utf8_tail);
    t->scratch.append(chunk.substr(0, take));
    const uint64_t tail_at = fed - t->utf8_tail.size();
    if (wenshu_status s = wenshu::capi::CheckStrictUtf8(t->scratch, tail_at, true, where);
        s != WENSHU_OK) {
      return s;
    }
    if (take < need) {  // still incomplete: the whole chunk continues the tail
      t->utf8_tail = t->scratch;
      return WENSHU_OK;
    }
    rest_at = take;
  }
  std::string_view rest = chunk.substr(rest_at);
  wenshu::capi::Utf8Scan scan = wenshu::capi::ScanUtf8(rest);
  if (!scan.valid) {
    return wenshu::capi::Fail(WENSHU_E_INVALID_UTF8, where,
                              absl::StrCat("invalid UTF-8 at byte ", fed + rest_at + scan.invalid_at));
  }
  t->utf8_tail.assign(rest.substr(rest.size() - scan.incomplete_tail));
  return WENSHU_OK;
}

}  // namespace

extern "C" {

const char *wenshu_token_kind_name(int kind) {
  if (kind < 0 || kind >= wenshu::kTokenKindCount) return nullptr;
  // TokenKindName views string literals: NUL-terminated, static storage.
  return wenshu::TokenKindName(static_cast<wenshu::TokenKind>(kind)).data();
}

wenshu_status wenshu_dictionary_load(wenshu_dictionary **out, const char *path) {
  static constexpr char kWhere[] = "wenshu_dictionary_load";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (out == nullptr || path == nullptr) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "out or path is NULL");
    }
    *out = nullptr;
    auto loaded = wenshu::Dictionary::Load(path);
    if (!loaded.ok()) return wenshu::capi::FailWith(loaded.status(), kWhere);
    *out = new wenshu_dictionary{*std::move(loaded)};
    return WENSHU_OK;
  });
}

wenshu_status wenshu_dictionary_from_text(wenshu_dictionary **out, const char *data, size_t len) {
  static constexpr char kWhere[] = "wenshu_dictionary_from_text";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (out == nullptr) return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "out is NULL");
    *out = nullptr;
    if (wenshu_status s = wenshu::capi::CheckInput(data, len, kWhere); s != WENSHU_OK) return s;
    auto built = wenshu::Dictionary::FromText(std::string_view(data == nullptr ? "" : data, len));
    if (!built.ok()) return wenshu::capi::FailWith(built.status(), kWhere);
    *out = new wenshu_dictionary{*std::move(built)};
    return WENSHU_OK;
  });
}

wenshu_status wenshu_dictionary_extend(wenshu_dictionary **out, const wenshu_dictionary *base,
                                       const char *data, size_t len) {
  static constexpr char kWhere[] = "wenshu_dictionary_extend";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (out == nullptr) return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "out is NULL");
    *out = nullptr;
    if (wenshu_status s = wenshu::capi::CheckInput(data, len, kWhere); s != WENSHU_OK) return s;
    const wenshu::Dictionary& table =
        base == nullptr ? wenshu::Dictionary::Default() : *base->dictionary;
    auto built = wenshu::Dictionary::Extend(table, std::string_view(data == nullptr ? "" : data, len));
    if (!built.ok()) return wenshu::capi::FailWith(built.status(), kWhere);
    *out = new wenshu_dictionary{*std::move(built)};
    return WENSHU_OK;
  });
}

wenshu_status wenshu_dictionary_check(const char *data, size_t len) {
  static constexpr char kWhere[] = "wenshu_dictionary_check";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (wenshu_status s = wenshu::capi::CheckInput(data, len, kWhere); s != WENSHU_OK) return s;
    absl::Status checked =
        wenshu::Dictionary::CheckWordList(std::string_view(data == nullptr ? "" : data, len));
    if (!checked.ok()) return wenshu::capi::FailWith(checked, kWhere);
    return WENSHU_OK;
  });
}

size_t wenshu_dictionary_word_count(const wenshu_dictionary *dict) {
  return dict == nullptr ? 0 : dict->dictionary->word_count();
}

void wenshu_dictionary_free(wenshu_dictionary *dict) { delete dict; }

wenshu_status wenshu_tokenizer_new_with_dictionary(wenshu_tokenizer **out,
                                                   const wenshu_dictionary *dict,
                                                   const wenshu_options *opts) {
  static constexpr char kWhere[] = "wenshu_tokenizer_new";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (out == nullptr) return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "out is NULL");
    *out = nullptr;
    wenshu::capi::ResolvedOptions options;
    if (wenshu_status s = wenshu::capi::ResolveOptions(opts, kWhere, &options); s != WENSHU_OK) {
      return s;
    }
    if (options.decode_input) {  // a stream of UTF-8: decoding (HTML, .docx, BOM) needs the whole input
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere,
                                "encoding and input_format are for wenshu_parse and wenshu_repair; the "
                                "tokenizer reads UTF-8: decode the input first (wenshu_repair with "
                                "encoding, then wenshu_repair_result_input)");
    }
    wenshu::TokenizerOptions tokenizer_options;
    tokenizer_options.max_token_bytes = static_cast<size_t>(std::min<uint64_t>(
        options.max_token_bytes, wenshu::TokenizerOptions::kMaxTokenBytes));
    tokenizer_options.split_numeral_units = options.split_numeral_units;
    auto* t = new wenshu_tokenizer(
        dict != nullptr ? dict->dictionary : wenshu::Dictionary::DefaultShared(), tokenizer_options);
    t->strict_utf8 = options.strict_utf8;
    *out = t;
    return WENSHU_OK;
  });
}

wenshu_status wenshu_tokenizer_new(wenshu_tokenizer **out, const wenshu_options *opts) {
  return wenshu_tokenizer_new_with_dictionary(out, nullptr, opts);
}

wenshu_status wenshu_tokenizer_feed(wenshu_tokenizer *t, const char *data, size_t len) {
  static constexpr char kWhere[] = "wenshu_tokenizer_feed";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (t == nullptr) return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "t is NULL");
    if (wenshu_status s = wenshu::capi::CheckInput(data, len, kWhere); s != WENSHU_OK) return s;
    if (t->tokenizer.finished()) {
      return wenshu::capi::Fail(WENSHU_E_WRONG_ORDER, kWhere,
                                "feed after finish; call wenshu_tokenizer_reset to start a new stream");
    }
    std::string_view chunk(data == nullptr ? "" : data, len);
    if (t->strict_utf8) {
      if (wenshu_status s = CheckChunk(t, chunk, kWhere); s != WENSHU_OK) return s;
    }
    if (absl::Status s = t->tokenizer.Feed(chunk); !s.ok()) return wenshu::capi::FailWith(s, kWhere);
    return WENSHU_OK;
  });
}

wenshu_status wenshu_tokenizer_finish(wenshu_tokenizer *t) {
  static constexpr char kWhere[] = "wenshu_tokenizer_finish";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (t == nullptr) return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "t is NULL");
    if (t->tokenizer.finished()) return WENSHU_OK;
    if (t->strict_utf8 && !t->utf8_tail.empty()) {
      return wenshu::capi::Fail(
          WENSHU_E_INVALID_UTF8, kWhere,
          absl::StrCat("the stream ends inside a UTF-8 character at byte ",
                       t->tokenizer.bytes_fed() - t->utf8_tail.size()));
    }
    t->tokenizer.Finish();
    return WENSHU_OK;
  });
}

wenshu_status wenshu_tokenizer_next(wenshu_tokenizer *t, wenshu_token *out) {
  static constexpr char kWhere[] = "wenshu_tokenizer_next";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (t == nullptr || out == nullptr) {
      return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "t or out is NULL");
    }
    wenshu::Token token;
    if (!t->tokenizer.Next(&token)) return t->tokenizer.done() ? WENSHU_DONE : WENSHU_NEED_INPUT;
    out->kind = static_cast<int>(token.kind);
    out->flags = token.flags;
    out->begin = token.begin;
    out->end = token.end;
    out->cp_begin = token.cp_begin;
    out->cp_end = token.cp_end;
    out->text = token.text.data();
    out->text_len = token.text.size();
    out->norm = token.norm.data();
    out->norm_len = token.norm.size();
    return WENSHU_OK;
  });
}

wenshu_status wenshu_tokenizer_reset(wenshu_tokenizer *t) {
  static constexpr char kWhere[] = "wenshu_tokenizer_reset";
  return wenshu::capi::Guard(kWhere, [&]() -> wenshu_status {
    if (t == nullptr) return wenshu::capi::Fail(WENSHU_E_INVALID_ARGUMENT, kWhere, "t is NULL");
    t->tokenizer.Reset();
    t->utf8_tail.clear();
    return WENSHU_OK;
  });
}

uint64_t wenshu_tokenizer_pending_bytes(const wenshu_tokenizer *t) {
  return t == nullptr ? 0 : t->tokenizer.pending_bytes();
}

void wenshu_tokenizer_free(wenshu_tokenizer *t) { delete t; }

}  // extern "C"
