// Inputs as users have them: any supported encoding (UTF-8 with or without BOM, UTF-16LE/BE with BOM,
// GB18030/GBK/GB2312, Big5), any supported format (plain text, HTML, Word .docx, JSONL, a JSON array of
// objects, CSV/TSV corpora), optionally gzip-compressed, turned into UTF-8 documents with where they
// came from. The command, the C ABI and the Python package all read through this module, so a file gives
// the same report whichever way it is given to wenshu (docs/cli.md, "Inputs and encodings").
//
// Every document's text is UTF-8; a report's spans index that decoded text, never the raw bytes.
// Inputs that are not text in a supported encoding (PDF, legacy .doc, images, archives) are refused with
// a hint, never decoded into garbage.
//
// Thread safety: all functions are reentrant.
#ifndef WENSHU_INPUT_H_
#define WENSHU_INPUT_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "wenshu/dropped.h"

namespace wenshu {

enum class InputFormat { kAuto, kText, kHtml, kDocx, kJsonl, kJson, kCsv, kTsv };

// "auto", "text", "html", "docx", "jsonl", "json", "csv", "tsv".
std::string_view InputFormatName(InputFormat format);
std::optional<InputFormat> InputFormatFromName(std::string_view name);
// The format a file name announces: its extension, matched case-insensitively, after a ".gz"
// (report.HTML.gz is html). kAuto when the extension is unknown or absent (then the content decides).
InputFormat FormatFromPath(std::string_view path);
// Whether a directory walk takes this file name (a supported extension, or .gz around one).
bool IsSupportedInputName(std::string_view path);

// ------------------------------------------------------------------------------------------------
// Encodings

struct DecodedText {
  std::string text;      // UTF-8
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5", or the name asked for
  bool bom = false;      // a byte order mark was removed
};

// Decodes `bytes` to UTF-8. `encoding` is "auto" (or empty) to detect, or any ICU converter name
// ("gbk", "gb2312", "big5", "utf-16le"...). A BOM is removed first and never changes the decision when
// a name is given. Auto detection keeps UTF-8 that is mostly valid (invalid bytes are left for the
// repair stage to flag); otherwise it asks ICU's charset detector for a supported encoding that
// decodes without error (or, failing that, the detector's choice with few enough bad bytes). Bytes invalid in a
// legacy encoding are kept as they are, a lone UTF-16 surrogate as the 3 bytes of its code point: both
// invalid UTF-8, flagged by the repair stage (text.invalid_utf8). Fails with InvalidArgument naming the
// reason (and a hint for a known binary format) when the bytes are not text in a supported encoding,
// or more than 4 bytes plus 2% of the non-ASCII bytes are bad in the encoding (docs/cli.md).
absl::StatusOr<DecodedText> DecodeText(std::string_view bytes, std::string_view encoding = "auto");

// Whether ICU knows a converter of this name ("auto" and "" are also accepted: detect).
bool IsKnownEncoding(std::string_view name);

// A hint when `bytes` start like a known binary format ("looks like a PDF: extract its text first"),
// or when they hold NUL bytes outside UTF-16; empty otherwise.
std::string BinaryHint(std::string_view bytes);

// Whether `bytes` are gzip data (the magic 1f 8b).
bool IsGzip(std::string_view bytes);
// Inflates gzip data (several members are concatenated). Fails when the data is damaged or the
// result would exceed max_bytes (then nothing is kept: a gzip bomb cannot exhaust memory).
absl::StatusOr<std::string> Gunzip(std::string_view bytes, size_t max_bytes);

// ------------------------------------------------------------------------------------------------
// Formats of one document

// One element left out of an HTML page's text (wenshu/dropped.h).
using HtmlDropped = DroppedContent;
struct HtmlText {
  std::string text;  // block elements become line breaks, entities decoded
  std::optional<std::string> title;
  // What was left out, outermost elements in page order: page furniture, and the scripts, styles and
  // other never-text elements that held characters (an empty <script src=…> left nothing out).
  std::vector<HtmlDropped> dropped;
};
// HTML5 (UTF-8) to text with a real HTML parser: script/style and other never-text elements are left
// out (the <head> is never text: only its scripts and styles are listed); page furniture (nav, aside, forms, the page's own header and footer, elements whose role or
// class/id token names navigation, menus, bars or footers) is dropped and listed in `dropped`, unless
// it holds the main content (<main>, or most of the page's text outside links). <body>, <main> and
// <article> are never dropped, nor the header of a section (an article's title and date). The <title>
// is returned apart. `cancel` (optional) is polled during the parse: when it becomes non-zero the parse
// stops and the result is empty.
HtmlText HtmlToText(std::string_view utf8_html, const std::atomic<int>* cancel = nullptr);
// Whether UTF-8 text is an HTML document by its start (<!DOCTYPE html or <html, after spaces and a
// comment).
bool LooksLikeHtml(std::string_view utf8);

// The text of a Word .docx (a zip of XML): each paragraph one line, list numbering Word stores as
// text kept, tables one cell per line. Fails for a zip that is not a Word document.
absl::StatusOr<std::string> DocxToText(std::string_view zip_bytes, size_t max_bytes);

// ------------------------------------------------------------------------------------------------
// Documents

struct InputOptions {
  std::string encoding = "auto";
  InputFormat format = InputFormat::kAuto;  // kAuto: from the file name, then the content
  // Corpus fields (JSONL, JSON, CSV, TSV). Without text_field: text, content, full_text or 正文.
  std::optional<std::string> text_field;
  std::string id_field = "id";
  std::string title_field = "title";
  // The caller named id_field / title_field (the command's --id-field, --title-field): a CSV/TSV header
  // without that column fails listing its columns, as a missing text_field does. A default field may
  // be absent. (JSON records are checked one by one: a field may be missing from some.)
  bool id_field_given = false;
  bool title_field_given = false;
  // A document (or a JSONL line, or a CSV record) larger than this is reported and skipped; a whole
  // file read at once (text, HTML, .docx, .gz) is refused above it.
  size_t max_bytes = size_t{64} << 20;
  // JSON/JSONL records: carry their other scalar fields (strings up to kMaxJsonMetaBytes, numbers,
  // booleans; not the text fields) in InputDocument::meta, as CSV/TSV rows always carry their columns.
  // Off by default: `wenshu parse` writes meta only for CSV/TSV; `wenshu targets` turns it on.
  bool json_meta = false;
};

// A JSON record's string field longer than this is not carried into meta (a second copy of the text).
inline constexpr size_t kMaxJsonMetaBytes = 4096;

struct InputDocument {
  std::string name;     // the input's name ("<stdin>" for standard input)
  std::string id;       // corpus id
  int64_t line = 0;     // 1-based line of a JSONL / CSV corpus where the document starts; 0 otherwise
  std::string encoding;
  bool bom = false;
  InputFormat format = InputFormat::kText;
  std::vector<std::pair<std::string, std::string>> meta;  // other corpus columns, in column order
  std::optional<std::string> title;                       // a title field, or an HTML <title>
  std::string text;                                       // UTF-8
  size_t input_bytes = 0;                                 // bytes this document took in the input
  std::vector<DroppedContent> dropped;                    // an HTML page's parts left out (HtmlText)
  std::string error;  // non-empty: this document could not be read; report it and go on
};

// Decodes one whole document (text, HTML, .docx, gzip around any) given as bytes. format kAuto
// decides from the content: gzip magic, a zip holding word/document.xml, an HTML start; otherwise
// text. Corpus formats (JSONL, JSON, CSV, TSV) are not single documents: InvalidArgument.
// `cancel` (optional) is polled while an HTML page is parsed: when non-zero, fails with Cancelled.
absl::StatusOr<InputDocument> DecodeDocument(std::string_view bytes, const InputOptions& options,
                                             InputFormat format = InputFormat::kAuto,
                                             const std::atomic<int>* cancel = nullptr);

// Called once per document, in input order; return false to stop reading.
using DocumentSink = std::function<bool(InputDocument&&)>;

// Reads every document of one input: a file path, or "-" for standard input. JSONL and CSV/TSV are
// streamed (memory stays bounded by max_bytes per record); other formats are read whole. Errors of a
// single document (a bad JSONL line, a CSV record without the text column) go to the sink as
// documents with `error` set; errors of the whole input (cannot open, not text, no text column) are
// returned. `cancel` (optional) is polled between blocks: when non-zero, reading stops with Cancelled.
absl::Status ReadInput(const std::string& path, const InputOptions& options, const DocumentSink& sink,
                       const std::atomic<int>* cancel = nullptr);

// The columns of a CSV/TSV input that its documents carry in `meta` (every column but the text), for
// callers that lay out output columns before reading; empty for other formats. Fails like ReadInput.
absl::StatusOr<std::vector<std::string>> CsvMetaColumns(const std::string& path, const InputOptions& options);

// ------------------------------------------------------------------------------------------------
// Directory walks

struct WalkEntry {
  std::string path;
  uint64_t size = 0;
};
struct WalkResult {
  std::vector<WalkEntry> files;    // supported files, sorted by path at every level
  std::vector<std::string> notes;  // "skipped", "followed link", "dangling link" lines for --verbose
  std::vector<std::string> errors; // unreadable directories, dangling links: reported always
};
// Walks `dir` recursively. Each real directory is visited once (by device and inode), so links to a
// directory, or loops of links, cannot repeat or hang the walk; links to files are followed and noted.
// `cancel` is polled at every entry.
WalkResult WalkDirectory(const std::string& dir, const std::atomic<int>* cancel = nullptr);

}  // namespace wenshu

#endif  // WENSHU_INPUT_H_
