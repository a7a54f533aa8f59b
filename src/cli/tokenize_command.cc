// `wenshu tokenize`: one JSON object per token per line, or counts per kind with --stats.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/output.h"
#include "input/internal.h"
#include "wenshu/dictionary.h"
#include "wenshu/input.h"
#include "wenshu/tokenizer.h"

namespace wenshu::cli {
namespace {

// Raw input bytes through the command's interruptible read(2), stopping at --max-bytes (0: no limit).
// *stopped receives why the input ended early (empty at its real end). It belongs to the caller: the
// stream is owned by the chain of streams over it (gzip, prefix, decoder), which a whole HTML or .docx
// read, or a failed open, destroys before the command asks why reading stopped.
class FdStream : public input_internal::ByteStream {
 public:
  FdStream(int fd, std::string name, uint64_t max_bytes, std::string* stopped)
      : fd_(fd), name_(std::move(name)), max_bytes_(max_bytes), stopped_(*stopped) {}
  size_t Read(char* buf, size_t n) override {
    if (!stopped_.empty()) return 0;
    if (max_bytes_ != 0) {
      if (read_ >= max_bytes_) {
        // One byte more tells an input of exactly max_bytes from a longer one.
        char probe;
        const long extra = ReadSome(fd_, &probe, 1);
        if (extra > 0) stopped_ = name_ + ": over --max-bytes " + std::to_string(max_bytes_);
        return 0;
      }
      n = std::min<uint64_t>(n, max_bytes_ - read_);
    }
    const long got = ReadSome(fd_, buf, n);
    if (got < 0) {
      if (errno != EINTR) stopped_ = "error reading '" + name_ + "': " + std::strerror(errno);
      else stopped_ = "interrupted";
      return 0;
    }
    read_ += static_cast<uint64_t>(got);
    return static_cast<size_t>(got);
  }
  absl::Status status() const override { return absl::OkStatus(); }

 private:
  int fd_;
  std::string name_;
  uint64_t max_bytes_;
  uint64_t read_ = 0;
  std::string& stopped_;
};

// The bytes read ahead to tell HTML and .docx from text (LooksLikeHtml needs the start of the page,
// after spaces and comments; a .docx needs 4 bytes).
constexpr size_t kSniffBytes = 4096;

constexpr char kTokenizeUsage[] =
    "usage: wenshu tokenize [OPTIONS] FILE|-\n"
    "\n"
    "Tokenizes one document (FILE, or standard input for -) and prints one JSON object per token per\n"
    "line. The input is read as parse and repair read it: text in any supported encoding is streamed,\n"
    "HTML and .docx are read whole and their text is tokenized, a .gz is inflated; a corpus file\n"
    "(.jsonl, .json, .csv, .tsv) is tokenized as the text it is.\n"
    "\n"
    "  {\"kind\":\"word\",\"span\":[0,6],\"cp\":[0,2],\"text\":\"社会\",\"norm\":\"社会\"}\n"
    "span is the byte range [begin,end) in the UTF-8 text, cp the code-point range (an invalid byte\n"
    "counts as one). kind is one of word, number, cjk_numeral, unit, percent, list_marker, punct,\n"
    "latin, space, newline, invalid, other. \"split\":true marks a token cut at --max-token-bytes.\n"
    "Bytes that are not UTF-8 (kind invalid) are written as the four ASCII characters \\xHH per byte\n"
    "(in JSON: \"\\\\xFF\"), so the output is always valid JSON and no byte is lost or replaced.\n"
    "\n"
    "options:\n"
    "  --chunk-bytes N       read and feed the input in chunks of up to N bytes (1 to 1073741824,\n"
    "                        default 65536); the tokens do not depend on it\n"
    "  --stats               print only the count of tokens per kind, the bytes and the throughput\n"
    "                        (MB/s) on standard error\n"
    "  --dict PATH           segment words with this dictionary (jieba text format or a compiled blob)\n"
    "                        instead of the embedded one\n"
    "  --max-token-bytes N   the longest token, and so the largest carry (64 to 1073741824, default\n"
    "                        65536)\n"
    "  --max-bytes N         stop with an error after N bytes of input (default: no limit for text,\n"
    "                        which is streamed in bounded memory; 64 MiB for HTML and .docx)\n"
    "  -o, --output PATH     write to PATH instead of standard output (see wenshu parse --help)\n"
    "  --encoding E          auto (default: a BOM, UTF-8, else GB18030 or Big5 detected) or the input's\n"
    "                        encoding; spans then index the input decoded to UTF-8\n"
    "  -h, --help            show this help\n"
    "\n"
    "exit status: 0 success, 1 unreadable input or dictionary (or output), 2 usage error, 128+N stopped by\n"
    "signal N (the tokens printed are of the input read so far, and a message says so)\n";

// Appends `text` as the inside of a JSON string. Valid UTF-8 is kept; in invalid tokens every byte is
// written as \xHH (escaped backslash in JSON).
void AppendJsonString(std::string& out, std::string_view text, bool invalid_bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (invalid_bytes) {
      out += "\\\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

void AppendTokenJson(std::string& out, const Token& t) {
  const bool invalid = t.kind == TokenKind::kInvalid;
  out += "{\"kind\":\"";
  out += TokenKindName(t.kind);
  out += "\",\"span\":[";
  out += std::to_string(t.begin);
  out += ',';
  out += std::to_string(t.end);
  out += "],\"cp\":[";
  out += std::to_string(t.cp_begin);
  out += ',';
  out += std::to_string(t.cp_end);
  out += "],\"text\":\"";
  AppendJsonString(out, t.text, invalid);
  out += "\",\"norm\":\"";
  AppendJsonString(out, t.norm, invalid);
  out += '"';
  if (t.has_flag(kTokenSplit)) out += ",\"split\":true";
  out += "}\n";
}

}  // namespace

int TokenizeCommand(int argc, char** argv) {
  TokenizeFlags flags;
  std::string error;
  switch (ParseFlagsForTokenize(argc, argv, &flags, &error)) {
    case FlagsOutcome::kHelp: return PrintToStdout(kTokenizeUsage);
    case FlagsOutcome::kUsageError: return UsageError("tokenize", error);
    case FlagsOutcome::kRun: break;
  }
  if (flags.input.empty()) {
    return UsageError("tokenize", "no input (give a FILE or - for standard input)");
  }

  std::shared_ptr<const Dictionary> dictionary = Dictionary::DefaultShared();
  if (!flags.dict_path.empty()) {
    auto loaded = Dictionary::Load(flags.dict_path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "wenshu tokenize: %s\n", std::string(loaded.status().message()).c_str());
      return 1;
    }
    dictionary = *std::move(loaded);
  }

  InstallSignalHandlers();
  // The shared output: a closed pipe (`| head`) ends quietly, other write errors are named.
  Output output;
  if (!output.Open(flags.output)) {
    if (output.state() == Output::State::kInterrupted) return ReportInterruptedOpen(flags.output);
    std::fprintf(stderr, "wenshu tokenize: %s\n", output.error().c_str());
    return 1;
  }
  const bool from_stdin = flags.input == "-";
  const std::string name = from_stdin ? "<stdin>" : flags.input;
  if (output.Overwrites(flags.input)) return RefuseInputAsOutput(name, output.path());
  const int fd = from_stdin ? STDIN_FILENO : OpenForReading(flags.input.c_str());
  if (fd < 0 && !(errno == EINTR && g_interrupt_signal.load() != 0)) {
    std::fprintf(stderr, "wenshu tokenize: cannot open '%s': %s\n", flags.input.c_str(), std::strerror(errno));
    return 1;
  }

  const auto start = std::chrono::steady_clock::now();
  Tokenizer tokenizer(dictionary, flags.options);
  std::vector<char> chunk(flags.chunk_bytes);
  std::string out;
  uint64_t counts[kTokenKindCount] = {};
  uint64_t total_tokens = 0;
  Token token;
  auto drain = [&] {
    while (tokenizer.Next(&token)) {
      ++counts[static_cast<int>(token.kind)];
      ++total_tokens;
      if (flags.stats) continue;
      AppendTokenJson(out, token);
      if (out.size() >= (1 << 16)) {
        output.Write(out);
        out.clear();
      }
    }
  };
  // The input read as every command reads it (wenshu/input.h): gzip unwrapped, the format from the
  // extension or the content. Text is decoded to UTF-8 block by block (a BOM removed, GB18030/UTF-16
  // converted; UTF-8 passes as is) and streamed; HTML and .docx are whole documents (their text is
  // what `parse` and `repair` see), read whole under --max-bytes (default 64 MiB, as `parse`), and
  // their text is fed in chunks. A corpus file is streamed as text: tokenize has no output per
  // document. All reads go through the command's interruptible reads.
  std::string read_stopped;  // why the file's reads stopped early (FdStream)
  std::unique_ptr<input_internal::Utf8Stream> decoder;
  std::string whole_text;  // the text of an HTML or .docx document
  bool whole = false;
  std::string open_error;
  uint64_t whole_bytes = 0;  // the bytes of an HTML or .docx document
  if (fd >= 0) {
    auto stream = std::make_unique<FdStream>(fd, name, flags.max_bytes, &read_stopped);
    absl::StatusOr<std::unique_ptr<input_internal::ByteStream>> in =
        input_internal::UnwrapGzip(std::move(stream), name);
    InputFormat format = from_stdin ? InputFormat::kAuto : FormatFromPath(flags.input);
    std::string head;
    if (in.ok() && input_internal::ReadUpTo(**in, kSniffBytes, &head)) {
      std::string_view start = head;
      if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
      whole = format == InputFormat::kHtml || format == InputFormat::kDocx ||
              (format == InputFormat::kAuto && head.substr(0, 4) == "PK\x03\x04") || LooksLikeHtml(start);
      *in = input_internal::PrefixStream(std::move(head), *std::move(in));
    }
    if (!in.ok()) {
      open_error = std::string(in.status().message());
    } else if (!(*in)->status().ok()) {
      open_error = std::string((*in)->status().message());
    } else if (whole) {
      InputOptions options;
      options.encoding = flags.encoding;
      if (flags.max_bytes != 0) options.max_bytes = flags.max_bytes;
      std::string bytes;
      std::string piece;
      while (read_stopped.empty() && (piece.clear(), input_internal::ReadUpTo(**in, 1 << 16, &piece)) &&
             !piece.empty()) {
        if (bytes.size() + piece.size() > options.max_bytes) {
          open_error = name + ": over --max-bytes " + std::to_string(options.max_bytes);
          break;
        }
        bytes += piece;
      }
      whole_bytes = bytes.size();
      if (open_error.empty() && read_stopped.empty()) {
        if (!(*in)->status().ok()) {
          open_error = std::string((*in)->status().message());
        } else {
          absl::StatusOr<InputDocument> doc = DecodeDocument(bytes, options, format);
          if (doc.ok()) {
            whole_text = std::move(doc->text);
          } else {
            open_error = std::string(doc.status().message());
          }
        }
      }
    } else {
      auto opened = input_internal::Utf8Stream::Open(*std::move(in), flags.encoding, name);
      if (opened.ok()) {
        decoder = *std::move(opened);
      } else {
        open_error = std::string(opened.status().message());
      }
    }
  }
  if (!open_error.empty() && g_interrupt_signal.load() == 0 && read_stopped.empty()) {
    if (fd > STDIN_FILENO) ::close(fd);
    if (open_error.rfind(name + ":", 0) != 0) open_error = name + ": " + open_error;
    std::fprintf(stderr, "wenshu tokenize: %s\n", open_error.c_str());
    return 1;
  }
  // Why the input stopped before its end (an interrupt, a read error, --max-bytes); empty at the end.
  std::string stopped;
  bool blank = true;  // no text yet but blanks and line ends: said as a warning at the end
  if (whole) {
    blank = IsBlankText(whole_text);
    for (size_t at = 0; at < whole_text.size() && output.state() == Output::State::kOk &&
                        g_interrupt_signal.load() == 0;
         at += chunk.size()) {
      (void)tokenizer.Feed(std::string_view(whole_text).substr(at, chunk.size()));  // cannot fail before Finish()
      drain();
    }
  }
  std::string block;
  while (decoder && output.state() == Output::State::kOk && g_interrupt_signal.load() == 0) {
    block.clear();
    const bool more = decoder->Next(&block);
    if (blank) blank = IsBlankText(block);
    for (size_t at = 0; at < block.size(); at += chunk.size()) {
      (void)tokenizer.Feed(std::string_view(block).substr(at, chunk.size()));  // cannot fail before Finish()
      drain();
    }
    if (!more) {
      if (!read_stopped.empty()) {
        stopped = read_stopped;
      } else if (!decoder->status().ok() && g_interrupt_signal.load() == 0) {
        stopped = std::string(decoder->status().message());
      }
      break;
    }
  }
  if (stopped.empty() && !read_stopped.empty()) stopped = read_stopped;
  if (fd > STDIN_FILENO) ::close(fd);
  const int sig = g_interrupt_signal.load();
  if (sig == 0 && stopped.empty()) {
    tokenizer.Finish();  // only a whole input has an end: a cut one keeps its carry unsaid
    drain();
  }
  output.Write(out);
  if (sig != 0 || !stopped.empty()) {
    // Tokens of a partial input are never passed off as the whole: say so, and keep no -o file.
    const std::string what = sig != 0 ? "interrupted" : stopped;
    if (output.all_or_nothing()) {
      output.Abandon();
      std::fprintf(stderr, "%swenshu tokenize: %s; %s was not written\n", sig != 0 ? "\n" : "",
                   what.c_str(), flags.output.c_str());
    } else {
      output.Commit();
      std::fprintf(stderr, "%swenshu tokenize: %s after %llu bytes; the output is incomplete\n",
                   sig != 0 ? "\n" : "", what.c_str(), static_cast<unsigned long long>(tokenizer.bytes_fed()));
    }
    return sig != 0 ? 128 + sig : 1;
  }
  if (!output.Commit()) {
    if (output.state() == Output::State::kClosedPipe) return 0;
    std::fprintf(stderr, "wenshu tokenize: %s\n", output.error().c_str());
    return 1;
  }
  if (blank) {
    const uint64_t input_bytes = whole ? whole_bytes : decoder ? decoder->bytes_read() : 0;
    std::fprintf(stderr, "wenshu tokenize: %s: %s\n", name.c_str(),
                 NoTextWarning(tokenizer.bytes_fed(), input_bytes).c_str());
  }

  if (flags.stats) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const uint64_t bytes = tokenizer.bytes_fed();
    std::fprintf(stderr, "tokens %llu\n", static_cast<unsigned long long>(total_tokens));
    for (int k = 0; k < kTokenKindCount; ++k) {
      std::fprintf(stderr, "%-12s %llu\n", std::string(TokenKindName(static_cast<TokenKind>(k))).c_str(),
                   static_cast<unsigned long long>(counts[k]));
    }
    std::fprintf(stderr, "bytes %llu\nseconds %.3f\nMB/s %.1f\n", static_cast<unsigned long long>(bytes),
                 seconds, seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
  }
  return 0;
}

}  // namespace wenshu::cli
