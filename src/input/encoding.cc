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

absl::Status ConvertToUtf8(std::string_view bytes, const std::string& canonical, std::string* out,
                           size_t offset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr from(ucnv_open(canonical.c_str(), &status));
  ConverterPtr to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return absl::InvalidArgumentError(absl::StrCat("unknown encoding ", canonical));
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  char buffer[1 << 15];
  bool reset = true;
  while (true) {
    char* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_convertEx(to.get(), from.get(), &target, buffer + sizeof buffer, &src, src_end, pivot,
                   &pivot_source, &pivot_target, pivot + 4096, reset, /*flush=*/true, &status);
    reset = false;
    out->append(buffer, static_cast<size_t>(target - buffer));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      // src stops after the offending bytes; name where they begin.
      char bad[8];
      int8_t bad_len = sizeof bad;
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(from.get(), bad, &bad_len, &e2);
      const size_t at = offset + static_cast<size_t>(src - bytes.data()) - (U_SUCCESS(e2) ? bad_len : 0);
      return absl::InvalidArgumentError(absl::StrCat("not valid ", canonical, " at byte ", at));
    }
    return absl::OkStatus();
  }
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
  auto decodes = [&](const char* name) -> bool {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr c(ucnv_open(name, &status));
    if (U_FAILURE(status)) return false;
    ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::u16string sink(4096, u'\0');
    const char* src = window.data();
    const char* end = window.data() + window.size();
    const bool whole = start + window.size() == bytes.size();
    while (true) {
      UChar* target = sink.data();
      status = U_ZERO_ERROR;
      ucnv_toUnicode(c.get(), &target, sink.data() + sink.size(), &src, end, nullptr, whole, &status);
      if (status == U_BUFFER_OVERFLOW_ERROR) continue;
      return U_SUCCESS(status);
    }
  };
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  std::string found;
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector, window.data(), static_cast<int32_t>(window.size()), &status);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector, &n, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < n && found.empty(); ++i) {
      UErrorCode e = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &e);
      if (U_FAILURE(e) || name == nullptr) continue;
      for (const char* s : kSupported) {
        if (std::strcmp(name, s) == 0 && decodes(s)) found = s;
      }
    }
    ucsdet_close(detector);
  }
  // The detector may name nothing supported for a short text: take the first that decodes.
  for (const char* s : kSupported) {
    if (found.empty() && decodes(s)) found = s;
  }
  return found;
}

}  // namespace input_internal
}  // namespace wenshu
