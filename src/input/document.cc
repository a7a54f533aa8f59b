// Formats, documents and corpora (wenshu/input.h): from a path or bytes to UTF-8 documents.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <streambuf>
#include <string>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "input/internal.h"
#include "wenshu/input.h"

namespace wenshu {
namespace {

using input_internal::ByteStream;
using input_internal::Utf8Stream;

constexpr std::string_view kFormatNames[] = {"auto", "text", "html", "docx", "jsonl", "json", "csv", "tsv"};

struct Extension {
  std::string_view ext;
  InputFormat format;
};
constexpr Extension kExtensions[] = {
    {".txt", InputFormat::kText},
    {".html", InputFormat::kHtml},  {".htm", InputFormat::kHtml},  {".xhtml", InputFormat::kHtml},
    {".shtml", InputFormat::kHtml}, {".docx", InputFormat::kDocx}, {".jsonl", InputFormat::kJsonl},
    {".ndjson", InputFormat::kJsonl}, {".json", InputFormat::kJson}, {".csv", InputFormat::kCsv},
    {".tsv", InputFormat::kTsv},
};

// Column names taken as the text when no --text-field is given, in order of preference.
constexpr std::string_view kTextColumns[] = {"text", "content", "full_text", "正文"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// `status` with the input's name in front, unless its message already starts with it (a stream's
// read and gzip errors name their input: "c.jsonl.gz: damaged gzip data", not "c.jsonl.gz: c.jsonl.gz: …").
absl::Status Named(const std::string& name, const absl::Status& status) {
  const std::string message(status.message());
  if (message.size() > name.size() && message.compare(0, name.size(), name) == 0 && message[name.size()] == ':') {
    return status;
  }
  return absl::Status(status.code(), absl::StrCat(name, ": ", message));
}

bool IsCorpus(InputFormat f) {
  return f == InputFormat::kJsonl || f == InputFormat::kJson || f == InputFormat::kCsv || f == InputFormat::kTsv;
}

class MemoryStream final : public ByteStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buf, size_t n) override {
    n = std::min(n, bytes_.size());
    std::memcpy(buf, bytes_.data(), n);
    bytes_.remove_prefix(n);
    return n;
  }
  absl::Status status() const override { return absl::OkStatus(); }

 private:
  std::string_view bytes_;
};

// Reads all of `in`; fails over `limit` bytes without keeping them.
absl::Status ReadAll(ByteStream& in, size_t limit, const std::string& name, std::string* out,
                     const std::atomic<int>* cancel) {
  char buf[1 << 16];
  while (true) {
    if (cancel != nullptr && cancel->load() != 0) return absl::CancelledError("interrupted");
    const size_t n = in.Read(buf, sizeof buf);
    if (n == 0) break;
    if (out->size() + n > limit) {
      out->clear();
      out->shrink_to_fit();
      return absl::ResourceExhaustedError(absl::StrCat(name, ": over --max-bytes ", limit));
    }
    out->append(buf, n);
  }
  return in.status();
}

// A streambuf over a Utf8Stream, for nlohmann's SAX reader.
class Utf8StreamBuf final : public std::streambuf {
 public:
  Utf8StreamBuf(Utf8Stream& in, const std::atomic<int>* cancel) : in_(in), cancel_(cancel) {}

 protected:
  int_type underflow() override {
    if (cancel_ != nullptr && cancel_->load() != 0) return traits_type::eof();
    block_.clear();
    while (block_.empty()) {
      if (!in_.Next(&block_)) return traits_type::eof();
    }
    setg(block_.data(), block_.data(), block_.data() + block_.size());
    return traits_type::to_int_type(block_[0]);
  }

 private:
  Utf8Stream& in_;
  const std::atomic<int>* cancel_;
  std::string block_;
};

// A corpus record's text is plain text: its format is "text" (the corpus is named by source.name and
// line), as the Python package and the C ABI report a record they parse.
void Stamp(InputDocument& doc, const std::string& name, const Utf8Stream& in, InputFormat) {
  doc.name = name;
  doc.encoding = in.encoding();
  doc.bom = in.bom();
  doc.format = InputFormat::kText;
}

absl::Status ReadJsonl(Utf8Stream& in, const std::string& name, const InputOptions& options,
                       const DocumentSink& sink, const std::atomic<int>* cancel) {
  std::string block, line;
  bool too_long = false;
  int64_t line_no = 0;
  auto emit = [&]() -> bool {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    InputDocument doc;
    Stamp(doc, name, in, InputFormat::kJsonl);
    doc.line = line_no;
    doc.input_bytes = line.size();
    if (too_long) {
      doc.error = absl::StrCat("line over --max-bytes ", options.max_bytes);
    } else if (line.find_first_not_of(" \t") == std::string::npos) {
      line.clear();
      return true;  // blank lines separate nothing
    } else {
      input_internal::DocumentFromJsonObject(line, options, &doc);
    }
    line.clear();
    too_long = false;
    return sink(std::move(doc));
  };
  while (true) {
    if (cancel != nullptr && cancel->load() != 0) return absl::CancelledError("interrupted");
    block.clear();
    if (!in.Next(&block)) break;
    std::string_view rest = block;
    while (!rest.empty()) {
      const size_t nl = rest.find('\n');
      const std::string_view piece = rest.substr(0, nl);
      if (!too_long) {
        if (line.size() + piece.size() > options.max_bytes) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(piece);
        }
      }
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
      if (!emit()) return absl::OkStatus();
    }
  }
  if (!in.status().ok()) return in.status();
  if (!line.empty() || too_long) emit();
  return absl::OkStatus();
}

// The index of the text column, or -1.
int TextColumn(const std::vector<std::string>& header, const InputOptions& options) {
  if (options.text_field) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == *options.text_field) return static_cast<int>(i);
    }
    return -1;
  }
  for (std::string_view want : kTextColumns) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == want) return static_cast<int>(i);
    }
  }
  return -1;
}

int Column(const std::vector<std::string>& header, const std::string& name) {
  if (name.empty()) return -1;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

absl::Status ReadCsv(Utf8Stream& in, const std::string& name, const InputOptions& options, InputFormat format,
                     const DocumentSink& sink, const std::atomic<int>* cancel, bool header_only,
                     std::vector<std::string>* header_out) {
  input_internal::CsvParser parser(format == InputFormat::kTsv ? '\t' : ',', options.max_bytes);
  std::vector<input_internal::CsvParser::Record> records;
  std::vector<std::string> header;
  bool have_header = false;
  int text_col = -1, id_col = -1, title_col = -1;
  std::string block;
  bool end = false;
  while (!end) {
    if (cancel != nullptr && cancel->load() != 0) return absl::CancelledError("interrupted");
    block.clear();
    end = !in.Next(&block);
    if (end && !in.status().ok()) return in.status();
    parser.Feed(block, end, &records);
    for (auto& r : records) {
      if (r.fields.size() == 1 && r.fields[0].empty() && !r.too_long) continue;  // a blank line
      if (!have_header) {
        if (r.too_long) return absl::InvalidArgumentError(absl::StrCat(name, ": the header is over --max-bytes"));
        header = std::move(r.fields);
        have_header = true;
        if (header_only) {
          *header_out = header;
          return absl::OkStatus();
        }
        text_col = TextColumn(header, options);
        if (text_col < 0) {
          return absl::InvalidArgumentError(absl::StrCat(
              name, ": no text column (",
              options.text_field ? absl::StrCat("--text-field ", *options.text_field)
                                 : "text, content, full_text or 正文; name one with --text-field",
              "); the columns are: ", absl::StrJoin(header, ", ")));
        }
        id_col = Column(header, options.id_field);
        title_col = Column(header, options.title_field);
        for (const auto& [given, col, flag, field] :
             {std::tuple(options.id_field_given, id_col, "--id-field", &options.id_field),
              std::tuple(options.title_field_given, title_col, "--title-field", &options.title_field)}) {
          if (given && col < 0) {
            return absl::InvalidArgumentError(absl::StrCat(name, ": no column \"", *field, "\" (", flag,
                                                           "); the columns are: ", absl::StrJoin(header, ", ")));
          }
        }
        continue;
      }
      InputDocument doc;
      Stamp(doc, name, in, format);
      doc.line = r.line;
      doc.input_bytes = r.bytes;
      if (r.too_long) {
        doc.error = absl::StrCat("record over --max-bytes ", options.max_bytes);
      } else if (r.open_quote) {
        doc.error = "the input ends inside a quoted field (a quote is not closed)";
      } else if (r.fields.size() != header.size()) {
        doc.error = absl::StrCat("the record has ", r.fields.size(), " fields, the header ", header.size());
      }
      if (doc.error.empty()) {
        for (size_t i = 0; i < header.size(); ++i) {
          if (static_cast<int>(i) == text_col) {
            doc.text = std::move(r.fields[i]);
          } else {
            if (static_cast<int>(i) == id_col) doc.id = r.fields[i];
            if (static_cast<int>(i) == title_col && !r.fields[i].empty()) doc.title = r.fields[i];
            doc.meta.emplace_back(header[i], std::move(r.fields[i]));
          }
        }
      }
      if (!sink(std::move(doc))) return absl::OkStatus();
    }
    records.clear();
  }
  if (!have_header) return absl::InvalidArgumentError(absl::StrCat(name, ": an empty CSV file (no header)"));
  return absl::OkStatus();
}

struct Opened {
  std::FILE* file = nullptr;
  bool owned = false;
  ~Opened() {
    if (owned && file != nullptr) std::fclose(file);
  }
};

// Opens path, wraps gzip, and settles the format (from the name, or from the content when the name
// says nothing). *prefix_stream reads the (decompressed) bytes from the start.
absl::Status OpenInput(const std::string& path, const InputOptions& options, Opened* opened,
                       std::unique_ptr<ByteStream>* stream, InputFormat* format) {
  const std::string name = DisplayName(path);
  if (path == "-") {
    opened->file = stdin;
  } else {
    opened->file = std::fopen(path.c_str(), "rb");
    if (opened->file == nullptr) return absl::NotFoundError(absl::StrCat(name, ": ", std::strerror(errno)));
    opened->owned = true;
  }
  absl::StatusOr<std::unique_ptr<ByteStream>> in =
      input_internal::UnwrapGzip(input_internal::FileStream(opened->file, name), name);
  if (!in.ok()) return in.status();
  *format = options.format != InputFormat::kAuto ? options.format : FormatFromPath(path);
  *stream = *std::move(in);
  return absl::OkStatus();
}

// Whether an input without a format of its own (standard input, a file without a known extension) is
// a JSONL corpus: its first non-blank byte is '{' and its first line is a JSON object with a text
// field. A text document does not start that way, and parsing a corpus as one document would hide it
// (JSON syntax and all) behind a status of 0. Reads at most the first line, up to --max-bytes, and
// gives it back to *in.
absl::StatusOr<bool> StartsLikeJsonl(std::unique_ptr<ByteStream>& in, const InputOptions& options) {
  std::string head;
  bool jsonl = false;
  char c = 0;
  // Blank bytes first (a byte at a time: they are few).
  while (head.size() < options.max_bytes && in->Read(&c, 1) == 1) {
    head.push_back(c);
    const bool in_bom = head.size() <= 3 && std::string_view("\xEF\xBB\xBF").substr(0, head.size()) == head;
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && !in_bom) break;
  }
  if (!head.empty() && head.back() == '{') {
    const size_t start = head.size() - 1;
    size_t nl = std::string::npos;
    while (head.size() < options.max_bytes && (nl = head.find('\n', start)) == std::string::npos) {
      const size_t before = head.size();
      input_internal::ReadUpTo(*in, std::min<size_t>(1 << 16, options.max_bytes - head.size()), &head);
      if (head.size() == before) break;
    }
    std::string_view line = std::string_view(head).substr(start, nl == std::string::npos ? head.npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    InputDocument probe;
    input_internal::DocumentFromJsonObject(line, options, &probe);
    jsonl = probe.error.empty();
  }
  if (!in->status().ok()) return in->status();
  in = input_internal::PrefixStream(std::move(head), std::move(in));
  return jsonl;
}

}  // namespace

std::string_view InputFormatName(InputFormat format) { return kFormatNames[static_cast<size_t>(format)]; }

std::optional<InputFormat> InputFormatFromName(std::string_view name) {
  const std::string lower = Lower(name);
  for (size_t i = 0; i < std::size(kFormatNames); ++i) {
    if (lower == kFormatNames[i]) return static_cast<InputFormat>(i);
  }
  return std::nullopt;
}

InputFormat FormatFromPath(std::string_view path) {
  std::string lower = Lower(path);
  if (EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
  for (const Extension& e : kExtensions) {
    if (EndsWith(lower, e.ext)) return e.format;
  }
  return InputFormat::kAuto;
}

bool IsSupportedInputName(std::string_view path) { return FormatFromPath(path) != InputFormat::kAuto; }

absl::StatusOr<std::string> Gunzip(std::string_view bytes, size_t max_bytes) {
  std::unique_ptr<ByteStream> in =
      input_internal::GzipStream(std::make_unique<MemoryStream>(bytes), "gzip data");
  std::string out;
  if (absl::Status s = ReadAll(*in, max_bytes, "gzip data", &out, nullptr); !s.ok()) return s;
  return out;
}

absl::StatusOr<InputDocument> DecodeDocument(std::string_view bytes, const InputOptions& options,
                                             InputFormat format, const std::atomic<int>* cancel) {
  if (IsCorpus(format)) {
    return absl::InvalidArgumentError(
        absl::StrCat("a ", std::string(InputFormatName(format)), " corpus holds many documents: read it with ReadInput"));
  }
  if (IsGzip(bytes)) {
    absl::StatusOr<std::string> inner = Gunzip(bytes, options.max_bytes);
    if (!inner.ok()) return inner.status();
    return DecodeDocument(*inner, options, format, cancel);
  }
  InputDocument doc;
  doc.input_bytes = bytes.size();
  if (format == InputFormat::kDocx || (format == InputFormat::kAuto && bytes.substr(0, 4) == "PK\x03\x04")) {
    absl::StatusOr<std::string> text = DocxToText(bytes, options.max_bytes);
    if (!text.ok()) return text.status();
    doc.text = *std::move(text);
    doc.encoding = "UTF-8";
    doc.format = InputFormat::kDocx;
    return doc;
  }
  absl::StatusOr<DecodedText> decoded = DecodeText(bytes, options.encoding);
  if (!decoded.ok()) return decoded.status();
  doc.encoding = decoded->encoding;
  doc.bom = decoded->bom;
  if (format == InputFormat::kHtml || LooksLikeHtml(decoded->text)) {
    if (input_internal::EstimatedNesting(decoded->text) > input_internal::kMaxHtmlNesting) {
      return absl::InvalidArgumentError(
          absl::StrCat("HTML nested more than ", input_internal::kMaxHtmlNesting, " elements deep: not a page"));
    }
    HtmlText html = HtmlToText(decoded->text, cancel);
    if (cancel != nullptr && cancel->load() != 0) return absl::CancelledError("interrupted");
    doc.text = std::move(html.text);
    doc.title = std::move(html.title);
    doc.dropped = std::move(html.dropped);
    doc.format = InputFormat::kHtml;
    return doc;
  }
  doc.text = std::move(decoded->text);
  doc.format = InputFormat::kText;
  return doc;
}

absl::Status ReadInput(const std::string& path, const InputOptions& options, const DocumentSink& sink,
                       const std::atomic<int>* cancel) {
  const std::string name = DisplayName(path);
  Opened opened;
  std::unique_ptr<ByteStream> in;
  InputFormat format = InputFormat::kAuto;
  if (absl::Status s = OpenInput(path, options, &opened, &in, &format); !s.ok()) return s;
  if (format == InputFormat::kAuto) {
    absl::StatusOr<bool> jsonl = StartsLikeJsonl(in, options);
    if (!jsonl.ok()) return jsonl.status();
    if (*jsonl) format = InputFormat::kJsonl;
  }
  if (!IsCorpus(format)) {
    std::string bytes;
    if (absl::Status s = ReadAll(*in, options.max_bytes, name, &bytes, cancel); !s.ok()) return s;
    absl::StatusOr<InputDocument> doc = DecodeDocument(bytes, options, format, cancel);
    if (!doc.ok()) return Named(name, doc.status());
    doc->name = name;
    sink(*std::move(doc));
    return absl::OkStatus();
  }
  absl::StatusOr<std::unique_ptr<Utf8Stream>> text = Utf8Stream::Open(std::move(in), options.encoding, name);
  if (!text.ok()) return Named(name, text.status());
  absl::Status status;
  if (format == InputFormat::kJsonl) {
    status = ReadJsonl(**text, name, options, sink, cancel);
  } else if (format == InputFormat::kJson) {
    Utf8StreamBuf buf(**text, cancel);
    std::istream stream(&buf);
    bool stopped = false;
    Utf8Stream& u = **text;
    status = input_internal::ReadJsonArray(
        stream, options,
        [&](InputDocument&& doc) {
          Stamp(doc, name, u, InputFormat::kJson);
          return sink(std::move(doc));
        },
        &stopped);
    if (cancel != nullptr && cancel->load() != 0) return absl::CancelledError("interrupted");
    if (!u.status().ok()) return u.status();
    if (!status.ok()) status = absl::InvalidArgumentError(absl::StrCat(name, ": ", status.message()));
  } else {
    status = ReadCsv(**text, name, options, format, sink, cancel, false, nullptr);
  }
  return status;
}

absl::StatusOr<std::vector<std::string>> CsvMetaColumns(const std::string& path, const InputOptions& options) {
  const std::string name = DisplayName(path);
  Opened opened;
  std::unique_ptr<ByteStream> in;
  InputFormat format = InputFormat::kAuto;
  if (absl::Status s = OpenInput(path, options, &opened, &in, &format); !s.ok()) return s;
  if (format != InputFormat::kCsv && format != InputFormat::kTsv) return std::vector<std::string>{};
  absl::StatusOr<std::unique_ptr<Utf8Stream>> text = Utf8Stream::Open(std::move(in), options.encoding, name);
  if (!text.ok()) return Named(name, text.status());
  std::vector<std::string> header;
  absl::Status s = ReadCsv(**text, name, options, format, [](InputDocument&&) { return true; }, nullptr, true,
                           &header);
  if (!s.ok()) return s;
  const int text_col = TextColumn(header, options);
  if (text_col >= 0) header.erase(header.begin() + text_col);
  return header;
}

}  // namespace wenshu
