// Word .docx to text: the zip's word/document.xml read with pugixml; each paragraph (w:p) one line.
// Text runs (w:t), tabs and breaks are kept; numbering Word generates from a list definition (w:numPr)
// is not text in the file and is not invented here, numbering typed as text is kept.
// libzip is loaded at the first .docx (input/zip_library.h).
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "input/internal.h"
#include "input/zip_library.h"
#include "wenshu/input.h"

namespace wenshu {
namespace {

using input_internal::ZipLibrary;

struct ZipCloser {
  const ZipLibrary* zip;
  void operator()(zip_t* z) const { zip->discard(z); }
};
struct ZipFileCloser {
  const ZipLibrary* zip;
  void operator()(zip_file_t* f) const { zip->fclose(f); }
};

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
  absl::StatusOr<const ZipLibrary*> loaded = input_internal::ZipLibraryForDocx();
  if (!loaded.ok()) return loaded.status();
  const ZipLibrary& lib = **loaded;
  zip_error_t error;
  lib.error_init(&error);
  zip_source_t* source = lib.source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return absl::InvalidArgumentError("not a zip archive");
  std::unique_ptr<zip_t, ZipCloser> zip(lib.open_from_source(source, ZIP_RDONLY, &error), ZipCloser{&lib});
  if (zip == nullptr) {
    lib.source_free(source);
    const std::string why = lib.error_strerror(&error);
    lib.error_fini(&error);
    return absl::InvalidArgumentError(absl::StrCat("not a readable .docx: ", why));
  }
  lib.error_fini(&error);
  zip_stat_t st;
  lib.stat_init(&st);
  if (lib.stat(zip.get(), "word/document.xml", 0, &st) != 0) {
    return absl::InvalidArgumentError(
        "a zip archive without word/document.xml: not a Word .docx (unpack it first)");
  }
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("word/document.xml is ", st.size, " bytes, over the limit ", max_bytes));
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> file(lib.fopen(zip.get(), "word/document.xml", 0),
                                                  ZipFileCloser{&lib});
  if (file == nullptr) return absl::InvalidArgumentError("cannot read word/document.xml of the .docx");
  std::string xml(static_cast<size_t>(st.size), '\0');
  size_t got = 0;
  while (got < xml.size()) {
    const zip_int64_t n = lib.fread(file.get(), xml.data() + got, xml.size() - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (got != xml.size()) return absl::DataLossError("word/document.xml of the .docx is damaged");
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
