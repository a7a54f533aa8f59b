// Encoding detection and conversion to UTF-8 (wenshu/input.h), with ICU's charset detector and
// converters.
//
// Measured (tools: a 2026-12 run over the national corpus, 461-576 windows per length, each cut to N
// characters and converted to GB18030 and to Big5): ICU's detector restricted to the supported legacy
// encodings, each candidate verified by a strict decode, names GB18030 100% at 20-400 characters and
// Big5 100% at 40-400 (94.3% at 20, where Big5 bytes are also valid GB18030). Mozilla's uchardet
// (libuchardet-dev) scored GB 99.8-100% but named Big5 text GB18030 in 1.3-3.2% of windows of 80-400
// characters, a silent wrong decode, so ICU (already a dependency) is kept and uchardet is not used.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "input/internal.h"
#include "text/utf8.h"
#include "wenshu/input.h"

namespace wenshu {
namespace {

using text::DecodeUtf8At;

// Detection reads this many bytes from the first non-ASCII byte on: enough for the detector (it
// decides 100% at 40 Chinese characters = 80 bytes, see above) and cheap beside the parse itself.
constexpr size_t kDetectWindowBytes = 64 * 1024;
// Text with invalid UTF-8 is still taken as (damaged) UTF-8 while fewer than this share of its
// non-ASCII bytes are invalid. Measured on the seed: in GB18030, read as UTF-8, 67% of its non-ASCII
// bytes are invalid; in Big5, 79%. Damaged UTF-8 keeps nearly all its characters whole (a scraped copy
// loses a few bytes, which the repair stage flags), so a quarter leaves a wide margin on both sides.
constexpr double kDamagedUtf8MaxInvalidShare = 0.25;
// A control byte or NUL (other than tab, line breaks, form feed, escape) in text is rare; binary data
// and UTF-16 without a BOM have many (every ASCII character of UTF-16 brings a NUL, a quarter to half
// of the bytes of ASCII-heavy text). A damaged copy may keep a few stray NULs: the command's own test of
// such a copy has 2 NULs in a 130-byte text (1.5%), which the first threshold of 1% refused as binary.
// A tenth stays far below binary data and UTF-16 and far above any stray damage.
constexpr double kBinaryMaxControlShare = 0.10;
// A text in GB18030 or Big5 (or UTF-16) is kept, its bad bytes flagged, while at most
// kLegacyAllowedBadBytes (one bad spot: a GB18030 sequence is at most 4 bytes) plus this share of its non-ASCII bytes (of all its bytes for UTF-16/32) are bad. Measured (Python's
// decoders, 2026-12, windows of the national corpus and uniform random bytes): random bytes read as
// GB18030 have 3.1% bad (min) / 18.8% (median) at 64 bytes and 14.1% / 18.8% at 1 KiB, as Big5 26% /
// 50%; a scraped page with a few damaged bytes has well under 0.1% (3 bytes in a 2 KiB page). GB18030
// text read as Big5 has 0.8-2.6% at 400 characters, so detection prefers a strict decode and, failing
// that, the detector's ranking (DetectLegacyEncoding).
constexpr double kLegacyMaxInvalidShare = 0.02;
constexpr double kLegacyAllowedBadBytes = 4;
// The share is checked as the bytes go (so random data is refused early) once this many bytes count;
// before that, only at the end of the input.
constexpr uint64_t kLegacyShareMinBytes = 1024;

struct Bom {
  std::string_view bytes;
  const char* encoding;
};
constexpr Bom kBoms[] = {
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFE\xFF", "UTF-16BE"},
    {"\xFF\xFE", "UTF-16LE"},
};

const Bom* FindBom(std::string_view bytes) {
  for (const Bom& b : kBoms) {
    if (bytes.substr(0, b.bytes.size()) == b.bytes) return &b;
  }
  return nullptr;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// The canonical ICU name of `name`, or empty when ICU knows no such converter.
std::string CanonicalName(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr c(ucnv_open(std::string(name).c_str(), &status));
  if (U_FAILURE(status) || c == nullptr) return {};
  const char* canonical = ucnv_getName(c.get(), &status);
  if (U_FAILURE(status) || canonical == nullptr) return std::string(name);
  // The IANA name users know ("GB18030", "Big5") over ICU's internal one ("gb18030").
  UErrorCode e = U_ZERO_ERROR;
  const char* iana = ucnv_getStandardName(canonical, "IANA", &e);
  std::string out = U_SUCCESS(e) && iana != nullptr ? iana : canonical;
  // ICU's IANA alias of GB18030 is lower case; the detector and users write it in capitals.
  if (out == "gb18030") out = "GB18030";
  return out;
}

bool IsUtf8Name(std::string_view canonical) { return canonical == "UTF-8"; }

}  // namespace

namespace input_internal {

Utf8Stats ScanUtf8Window(std::string_view bytes, bool final) {
  Utf8Stats s;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  size_t i = 0;
  // Skip the ASCII start: many files open with ASCII markup or numbers.
  while (i < bytes.size() && p[i] < 0x80) ++i;
  const size_t end = std::min(bytes.size(), i + kDetectWindowBytes);
  while (i < end) {
    const text::Decoded d = DecodeUtf8At(p + i, bytes.size() - i, final);
    if (d.len == 0) break;  // cut at the end of the window
    if (d.len < 0) {
      ++s.invalid;
      ++s.non_ascii;
      ++i;
      continue;
    }
    if (d.len > 1) s.non_ascii += static_cast<size_t>(d.len);
    i += static_cast<size_t>(d.len);
  }
  return s;
}

bool LooksLikeDamagedOrValidUtf8(const Utf8Stats& s) {
  return s.invalid == 0 ||
         static_cast<double>(s.invalid) < kDamagedUtf8MaxInvalidShare * static_cast<double>(s.non_ascii);
}

// Whether some bytes of `bad` decode as a whole UTF-8 character of two or more bytes.
bool HoldsUtf8Character(std::string_view bad) {
  const auto* p = reinterpret_cast<const uint8_t*>(bad.data());
  for (size_t i = 0; i < bad.size(); ++i) {
    if (DecodeUtf8At(p + i, bad.size() - i, /*final=*/true).len > 1) return true;
  }
  return false;
}

struct LegacyToUtf8::Icu {
  ConverterPtr from;
  UChar units[4096];
};

LegacyToUtf8::~LegacyToUtf8() = default;

absl::StatusOr<std::unique_ptr<LegacyToUtf8>> LegacyToUtf8::Open(const std::string& canonical, uint64_t offset) {
  std::unique_ptr<LegacyToUtf8> c(new LegacyToUtf8());
  c->consumed_ = offset;
  c->icu_ = std::make_unique<Icu>();
  UErrorCode status = U_ZERO_ERROR;
  c->icu_->from.reset(ucnv_open(canonical.c_str(), &status));
  if (U_FAILURE(status)) return absl::InvalidArgumentError(absl::StrCat("unknown encoding ", canonical));
  ucnv_setToUCallBack(c->icu_->from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  c->name_ = canonical;
  c->utf16_ = StartsWith(canonical, "UTF-16") || StartsWith(canonical, "UTF-32");
  return c;
}

absl::Status LegacyToUtf8::CheckShare(bool final) const {
  if (!final && counted_ < kLegacyShareMinBytes) return absl::OkStatus();
  if (static_cast<double>(invalid_) <=
      kLegacyAllowedBadBytes + kLegacyMaxInvalidShare * static_cast<double>(counted_)) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat("not valid ", name_, ": ", invalid_, " bad bytes in the first ",
                                                 consumed_, " (over ", kLegacyMaxInvalidShare * 100, "% of its ",
                                                 utf16_ ? "bytes" : "non-ASCII bytes", ")"));
}

absl::Status LegacyToUtf8::Convert(const char** src, const char* end, bool flush, std::string* out) {
  const char* const start = *src;
  auto emit = [&](const UChar* p, const UChar* e) {
    for (; p < e; ++p) {
      char32_t c = *p;
      if (high_ != 0) {
        if (c >= 0xDC00 && c <= 0xDFFF) {
          text::AppendUtf8(0x10000 + ((static_cast<char32_t>(high_) - 0xD800) << 10) + (c - 0xDC00), out);
          high_ = 0;
          continue;
        }
        text::AppendUtf8(high_, out);  // ICU passes lone surrogates only as errors; kept regardless
        high_ = 0;
      }
      if (c >= 0xD800 && c <= 0xDBFF) {
        high_ = static_cast<char16_t>(c);
      } else {
        text::AppendUtf8(c, out);
      }
    }
  };
  absl::Status result;
  while (true) {
    UChar* target = icu_->units;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(icu_->from.get(), &target, icu_->units + std::size(icu_->units), src, end, nullptr, flush,
                   &status);
    emit(icu_->units, target);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      // *src stops after the bad bytes, which ICU hands back; conversion goes on after them.
      char bad[32];
      int8_t bad_len = sizeof bad;
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(icu_->from.get(), bad, &bad_len, &e2);
      if (U_FAILURE(e2) || bad_len <= 0) {
        return absl::InvalidArgumentError(absl::StrCat("not valid ", name_, " at byte ",
                                                       consumed_ + static_cast<uint64_t>(*src - start)));
      }
      if (high_ != 0) {
        text::AppendUtf8(high_, out);
        high_ = 0;
      }
      const auto b0 = static_cast<uint8_t>(bad[0]);
      const auto b1 = bad_len > 1 ? static_cast<uint8_t>(bad[1]) : 0;
      const bool le = name_.find("LE") != std::string::npos;
      const char32_t unit = le ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
      const std::string_view seq(bad, static_cast<size_t>(bad_len));
      if (utf16_ && bad_len == 2 && unit >= 0xD800 && unit <= 0xDFFF) {
        text::AppendUtf8(unit, out);  // ED xx xx: the surrogate as written, never valid UTF-8
      } else if (HoldsUtf8Character(seq)) {
        // Copied, these bytes would read as a character (Big5 rejects C2 80, which is UTF-8 for
        // U+0080): each byte of 80-FF goes as U+DC80-U+DCFF instead (Python's surrogateescape), whose
        // bytes are never valid UTF-8.
        for (char b : seq) {
          const auto u = static_cast<uint8_t>(b);
          if (u < 0x80) {
            out->push_back(b);
          } else {
            text::AppendUtf8(0xDC00 + u, out);
          }
        }
      } else {
        out->append(seq);
      }
      invalid_ += static_cast<uint64_t>(bad_len);
      continue;
    }
    break;
  }
  if (flush && high_ != 0) {
    text::AppendUtf8(high_, out);
    high_ = 0;
  }
  for (const char* p = start; p < *src; ++p) counted_ += utf16_ || static_cast<uint8_t>(*p) >= 0x80;
  consumed_ += static_cast<uint64_t>(*src - start);
  return CheckShare(flush);
}

absl::Status ConvertToUtf8(std::string_view bytes, const std::string& canonical, std::string* out,
                           size_t offset) {
  absl::StatusOr<std::unique_ptr<LegacyToUtf8>> c = LegacyToUtf8::Open(canonical, offset);
  if (!c.ok()) return c.status();
  const char* src = bytes.data();
  return (*c)->Convert(&src, bytes.data() + bytes.size(), /*flush=*/true, out);
}

}  // namespace input_internal

bool IsKnownEncoding(std::string_view name) {
  return name.empty() || name == "auto" || !CanonicalName(name).empty();
}

bool IsGzip(std::string_view bytes) { return StartsWith(bytes, "\x1f\x8b"); }

std::string BinaryHint(std::string_view bytes) {
  struct Magic {
    std::string_view start;
    const char* hint;
  };
  static constexpr Magic kMagics[] = {
      {"%PDF-", "looks like a PDF: extract its text first (e.g. pdftotext)"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
       "looks like a legacy Word/Excel file (.doc/.xls): save it as .docx or text first"},
      {"{\\rtf", "looks like an RTF document: save it as .docx or text first"},
      {"PK\x03\x04", "looks like a zip archive that is not a Word .docx: unpack it first"},
      {"\x89PNG", "looks like an image (PNG): wenshu reads text, not images"},
      {"\xFF\xD8\xFF", "looks like an image (JPEG): wenshu reads text, not images"},
      {"GIF8", "looks like an image (GIF): wenshu reads text, not images"},
      {"Rar!", "looks like a RAR archive: unpack it first"},
      {"7z\xBC\xAF", "looks like a 7-Zip archive: unpack it first"},
      {"\x7F" "ELF", "looks like a program, not a document"},
  };
  for (const Magic& m : kMagics) {
    if (StartsWith(bytes, m.start)) return m.hint;
  }
  const Bom* bom = FindBom(bytes);
  if (bom != nullptr && !StartsWith(bom->encoding, "UTF-8")) return {};  // UTF-16/32 hold NULs
  const std::string_view window = bytes.substr(0, kDetectWindowBytes);
  size_t controls = 0;
  size_t nuls = 0;
  for (unsigned char c : window) {
    nuls += c == 0;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++controls;
  }
  // A stray NUL or control byte in a damaged text is kept (and flagged by the repair stage).
  if (!window.empty() && static_cast<double>(controls) > kBinaryMaxControlShare * window.size()) {
    return nuls > 0 ? "holds NUL bytes: binary data, or UTF-16 without a byte order mark"
                    : "holds control bytes: binary data, not text";
  }
  return {};
}

absl::StatusOr<DecodedText> DecodeText(std::string_view bytes, std::string_view encoding) {
  DecodedText out;
  const bool automatic = encoding.empty() || encoding == "auto";
  std::string canonical;
  if (!automatic) {
    canonical = CanonicalName(encoding);
    if (canonical.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("unknown encoding \"", std::string(encoding), "\""));
    }
  }
  const Bom* bom = FindBom(bytes);
  if (bom != nullptr) {
    const std::string bom_encoding = CanonicalName(bom->encoding);
    // A BOM decides in auto mode; with a name, only the BOM of that encoding (family) is removed.
    const bool same = automatic || bom_encoding == canonical ||
                      (StartsWith(canonical, "UTF-16") && StartsWith(bom_encoding, "UTF-16")) ||
                      (StartsWith(canonical, "UTF-32") && StartsWith(bom_encoding, "UTF-32"));
    if (same) {
      out.bom = true;
      bytes.remove_prefix(bom->bytes.size());
      canonical = bom_encoding;
      out.encoding = bom->encoding;
    }
  }
  if (canonical.empty()) {  // auto, no BOM
    if (std::string hint = BinaryHint(bytes); !hint.empty()) return absl::InvalidArgumentError(hint);
    const input_internal::Utf8Stats stats = input_internal::ScanUtf8Window(bytes, /*final=*/true);
    if (input_internal::LooksLikeDamagedOrValidUtf8(stats)) {
      canonical = "UTF-8";
    } else {
      canonical = input_internal::DetectLegacyEncoding(bytes);
      if (canonical.empty()) {
        return absl::InvalidArgumentError(
            "not text in a supported encoding (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5); name it with "
            "--encoding");
      }
    }
  }
  if (out.encoding.empty()) out.encoding = canonical;
  if (IsUtf8Name(canonical)) {
    out.text.assign(bytes);  // invalid bytes stay: the repair stage flags them with their spans
    return out;
  }
  out.text.reserve(bytes.size() * 3 / 2);
  // Offsets in messages count from the start of the input, its byte order mark included.
  const size_t bom_bytes = out.bom ? bom->bytes.size() : 0;
  if (absl::Status s = input_internal::ConvertToUtf8(bytes, canonical, &out.text, bom_bytes); !s.ok()) return s;
  return out;
}

namespace input_internal {

std::string DetectLegacyEncoding(std::string_view bytes) {
  // The window the detector sees: from the first non-ASCII byte, not cut inside a trailing character
  // (the strict check below runs without flushing).
  size_t start = 0;
  while (start < bytes.size() && static_cast<unsigned char>(bytes[start]) < 0x80) ++start;
  start = start > 256 ? start - 256 : 0;  // some ASCII context helps the detector
  const std::string_view window = bytes.substr(start, kDetectWindowBytes);
  static constexpr const char* kSupported[] = {"GB18030", "Big5"};
  const bool whole = start + window.size() == bytes.size();
  // The bad bytes of the window in `name`; -1 when they pass the limit (LegacyToUtf8).
  auto bad_bytes = [&](const char* name) -> int64_t {
    absl::StatusOr<std::unique_ptr<LegacyToUtf8>> c = LegacyToUtf8::Open(name);
    if (!c.ok()) return -1;
    std::string sink;
    const char* src = window.data();
    if (!(*c)->Convert(&src, window.data() + window.size(), whole, &sink).ok()) return -1;
    return static_cast<int64_t>((*c)->invalid_bytes());
  };
  auto decodes = [&](const char* name) -> bool { return bad_bytes(name) == 0; };
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  std::string found;
  std::vector<const char*> ranked;  // the supported encodings the detector names, best first
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector, window.data(), static_cast<int32_t>(window.size()), &status);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector, &n, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < n; ++i) {
      UErrorCode e = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &e);
      if (U_FAILURE(e) || name == nullptr) continue;
      for (const char* s : kSupported) {
        if (std::strcmp(name, s) == 0) ranked.push_back(s);
      }
    }
    ucsdet_close(detector);
  }
  // The detector's best that decodes whole; the detector may name nothing supported for a short
  // text: then the first that decodes.
  ranked.insert(ranked.end(), std::begin(kSupported), std::end(kSupported));
  for (const char* s : ranked) {
    if (found.empty() && decodes(s)) found = s;
  }
  // None decodes whole: a damaged page, read in the detector's best whose bad bytes stay under the
  // limit (a damaged GB18030 page has a few; random bytes 14-19% as GB18030).
  for (const char* s : ranked) {
    if (found.empty() && bad_bytes(s) >= 0) found = s;
  }
  return found;
}

}  // namespace input_internal
}  // namespace wenshu
