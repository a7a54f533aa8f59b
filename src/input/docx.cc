// Word .docx to text: the zip's word/document.xml read with pugixml; each paragraph (w:p) one line.
// Text runs (w:t), tabs and breaks are kept; numbering Word generates from a list definition (w:numPr)
// is not text in the file and is not invented here, numbering typed as text is kept.
//
// The zip container is read here with zlib (already linked for .gz inputs) rather than libzip: one
// member is all a .docx reader needs, and libzip brought libcrypto and libbz2 into every process that
// loads wenshu (1.6 MiB of resident pages for `wenshu parse`, whatever it reads).
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "input/internal.h"
#include "wenshu/input.h"

namespace wenshu {
namespace {

// Little-endian fields of the zip format (APPNOTE.TXT), read from `at` in `bytes`; the caller checks
// the bounds.
uint32_t Le16(std::string_view bytes, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(bytes[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
}
uint32_t Le32(std::string_view bytes, size_t at) { return Le16(bytes, at) | Le16(bytes, at + 2) << 16; }

constexpr uint32_t kEndOfCentralDirectory = 0x06054b50;  // and its 22 bytes before a comment of <= 64 KiB
constexpr size_t kEndRecordBytes = 22;
constexpr uint32_t kCentralHeader = 0x02014b50;  // 46 bytes, then name, extra field, comment
constexpr size_t kCentralHeaderBytes = 46;
constexpr uint32_t kLocalHeader = 0x04034b50;  // 30 bytes, then name and extra field, then the data
constexpr size_t kLocalHeaderBytes = 30;
constexpr uint32_t kStored = 0, kDeflated = 8;

// The member `name` of the zip archive `archive`, found through the central directory and inflated
// with zlib; its CRC-32 is checked. Stored and deflated members of archives up to 4 GiB (not ZIP64) and
// without encryption: what Word and other editors write.
absl::StatusOr<std::string> ReadZipMember(std::string_view archive, std::string_view name, size_t max_bytes) {
  const absl::string_view shown(name.data(), name.size());
  // The end record: the last signature that leaves room for its fixed part.
  if (archive.size() < kEndRecordBytes) return absl::InvalidArgumentError("not a readable .docx: not a zip archive");
  size_t end = archive.size() - kEndRecordBytes;
  const size_t lowest = archive.size() > kEndRecordBytes + 0xFFFF ? archive.size() - kEndRecordBytes - 0xFFFF : 0;
  while (Le32(archive, end) != kEndOfCentralDirectory) {
    if (end == lowest) return absl::InvalidArgumentError("not a readable .docx: not a zip archive");
    --end;
  }
  const uint32_t entries = Le16(archive, end + 10);
  const uint64_t directory = Le32(archive, end + 16);
  if (entries == 0xFFFF || directory == 0xFFFFFFFFu) {
    return absl::InvalidArgumentError("not a readable .docx: a ZIP64 archive");
  }
  size_t at = static_cast<size_t>(directory);
  for (uint32_t i = 0; i < entries; ++i) {
    if (at > end || end - at < kCentralHeaderBytes || Le32(archive, at) != kCentralHeader) {
      return absl::InvalidArgumentError("not a readable .docx: damaged zip directory");
    }
    const size_t name_size = Le16(archive, at + 28);
    const size_t skip = kCentralHeaderBytes + name_size + Le16(archive, at + 30) + Le16(archive, at + 32);
    if (end - at < skip) return absl::InvalidArgumentError("not a readable .docx: damaged zip directory");
    if (archive.substr(at + kCentralHeaderBytes, name_size) != name) {
      at += skip;
      continue;
    }
    const uint32_t flags = Le16(archive, at + 8), method = Le16(archive, at + 10), crc = Le32(archive, at + 16);
    const uint64_t packed_size = Le32(archive, at + 20), size = Le32(archive, at + 24);
    const uint64_t local = Le32(archive, at + 42);
    if (size > max_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat(shown, " is ", size, " bytes, over the limit ", max_bytes));
    }
    if ((flags & 1) != 0) return absl::InvalidArgumentError(absl::StrCat(shown, " of the .docx is encrypted"));
    if (method != kStored && method != kDeflated) {
      return absl::InvalidArgumentError(absl::StrCat(shown, " of the .docx is compressed with method ", method));
    }
    if (local > end || end - local < kLocalHeaderBytes || Le32(archive, local) != kLocalHeader) {
      return absl::DataLossError(absl::StrCat(shown, " of the .docx is damaged"));
    }
    const uint64_t data = local + kLocalHeaderBytes + Le16(archive, local + 26) + Le16(archive, local + 28);
    if (data > end || end - data < packed_size) return absl::DataLossError(absl::StrCat(shown, " of the .docx is damaged"));
    const std::string_view packed = archive.substr(data, packed_size);
    std::string out(static_cast<size_t>(size), '\0');
    bool whole = false;
    if (method == kStored) {
      whole = packed.size() == out.size();
      if (whole) std::memcpy(out.data(), packed.data(), packed.size());
    } else {
      z_stream z{};
      if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return absl::InternalError("zlib: inflateInit2 failed");
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
      z.avail_in = static_cast<uInt>(packed.size());
      Bytef spare = 0;  // inflate needs room to see the end of an empty member
      z.next_out = out.empty() ? &spare : reinterpret_cast<Bytef*>(out.data());
      z.avail_out = out.empty() ? 1 : static_cast<uInt>(out.size());
      const int result = inflate(&z, Z_FINISH);
      whole = result == Z_STREAM_END && z.total_out == out.size();
      inflateEnd(&z);
    }
    const uLong check = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(out.data()),
                              static_cast<uInt>(out.size()));
    if (!whole || check != crc) return absl::DataLossError(absl::StrCat(shown, " of the .docx is damaged"));
    return out;
  }
  return absl::NotFoundError(absl::StrCat("no ", shown, " in the zip archive"));
}

// Document order over the body with an explicit stack (no recursion on deep XML).
void AppendText(const pugi::xml_node& body, std::string& out) {
  std::vector<std::pair<pugi::xml_node, bool>> stack;  // node, children done
  for (pugi::xml_node c = body.last_child(); c; c = c.previous_sibling()) stack.push_back({c, false});
  while (!stack.empty()) {
    auto [node, done] = stack.back();
    stack.pop_back();
    const std::string_view name = node.name();
    if (done) {
      if (name == "w:p") out.push_back('\n');
      continue;
    }
    if (name == "w:t") {
      out += node.text().get();
    } else if (name == "w:tab") {
      out.push_back('\t');
    } else if (name == "w:br" || name == "w:cr") {
      out.push_back('\n');
    } else if (name == "w:delText" || name == "w:instrText" || name == "w:fldChar") {
      // deleted text and field codes (PAGE, TOC ...) are not the document's text
    } else {
      stack.push_back({node, true});
      for (pugi::xml_node c = node.last_child(); c; c = c.previous_sibling()) stack.push_back({c, false});
    }
  }
}

}  // namespace

absl::StatusOr<std::string> DocxToText(std::string_view bytes, size_t max_bytes) {
  absl::StatusOr<std::string> member = ReadZipMember(bytes, "word/document.xml", max_bytes);
  if (absl::IsNotFound(member.status())) {
    return absl::InvalidArgumentError(
        "a zip archive without word/document.xml: not a Word .docx (unpack it first)");
  }
  if (!member.ok()) return member.status();
  std::string& xml = *member;
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default,
                                                                pugi::encoding_utf8);
  if (!parsed) {
    return absl::InvalidArgumentError(
        absl::StrCat("word/document.xml: ", parsed.description(), " at byte ", parsed.offset));
  }
  std::string text;
  pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) return absl::InvalidArgumentError("word/document.xml has no w:body");
  AppendText(body, text);
  return text;
}

}  // namespace wenshu
