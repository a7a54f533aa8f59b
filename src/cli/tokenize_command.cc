// `wenshu tokenize`: one JSON object per token per line, or counts per kind with --stats.
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
#include "cli/output.h"
#include "input/internal.h"
#include "wenshu/dictionary.h"
#include "wenshu/input.h"
#include "wenshu/tokenizer.h"

namespace wenshu::cli {
namespace {

constexpr char kTokenizeUsage[] =
    "usage: wenshu tokenize FILE|- [--chunk-bytes N] [--stats] [--dict PATH] [--max-token-bytes N]\n"
    "\n"
    "Tokenizes UTF-8 text (FILE, or standard input for -) as a stream and prints one JSON object per\n"
    "token per line:\n"
    "  {\"kind\":\"word\",\"span\":[0,6],\"cp\":[0,2],\"text\":\"社会\",\"norm\":\"社会\"}\n"
    "span is the byte range [begin,end) in the input, cp the code-point range (an invalid byte counts\n"
    "as one). kind is one of word, number, cjk_numeral, unit, percent, list_marker, punct, latin,\n"
    "space, newline, invalid, other. \"split\":true marks a token cut at --max-token-bytes.\n"
    "Bytes that are not UTF-8 (kind invalid) are written as the four ASCII characters \\xHH per byte\n"
    "(in JSON: \"\\\\xFF\"), so the output is always valid JSON and no byte is lost or replaced.\n"
    "\n"
    "options:\n"
    "  --chunk-bytes N       read and feed the input in chunks of N bytes (default 65536); the tokens\n"
    "                        do not depend on it\n"
    "  --stats               print only the count of tokens per kind, the bytes and the throughput\n"
    "                        (MB/s) on standard error\n"
    "  --dict PATH           segment words with this dictionary (jieba text format or a compiled blob)\n"
    "                        instead of the embedded one\n"
    "  --max-token-bytes N   the longest token, and so the largest carry (default 65536)\n"
    "  --encoding E          auto (default: a BOM, UTF-8, else GB18030 or Big5 detected) or the input's\n"
    "                        encoding; spans then index the input decoded to UTF-8\n"
    "  -h, --help            show this help\n"
    "\n"
    "exit status: 0 success, 1 unreadable input or dictionary, 2 usage error\n";

bool ParseSize(const char* s, size_t* out) {
  if (s == nullptr || *s == '\0') return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(s, &end, 10);
  if (errno != 0 || *end != '\0' || v == 0 || s[0] == '-') return false;
  *out = static_cast<size_t>(v);
  return true;
}

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
  const char* input = nullptr;
  const char* dict_path = nullptr;
  size_t chunk_bytes = 64 * 1024;
  bool stats = false;
  std::string encoding = "auto";
  TokenizerOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kTokenizeUsage, stdout);
      return 0;
    } else if (arg == "--stats") {
      stats = true;
    } else if (arg == "--encoding") {
      if (i + 1 >= argc || !IsKnownEncoding(argv[i + 1]) || argv[i + 1][0] == '\0') {
        std::fprintf(stderr, "wenshu tokenize: --encoding needs auto or a known encoding name\n\n%s",
                     kTokenizeUsage);
        return 2;
      }
      encoding = argv[++i];
    } else if (arg == "--chunk-bytes" || arg == "--max-token-bytes" || arg == "--dict") {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "wenshu tokenize: %s needs a value\n\n%s", argv[i], kTokenizeUsage);
        return 2;
      }
      const char* value = argv[++i];
      if (arg == "--dict") {
        dict_path = value;
      } else if (!ParseSize(value, arg == "--chunk-bytes" ? &chunk_bytes : &options.max_token_bytes)) {
        std::fprintf(stderr, "wenshu tokenize: %s needs a positive integer, got '%s'\n",
                     std::string(arg).c_str(), value);
        return 2;
      }
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      std::fprintf(stderr, "wenshu tokenize: unknown option '%s'\n\n%s", argv[i], kTokenizeUsage);
      return 2;
    } else if (input != nullptr) {
      std::fprintf(stderr, "wenshu tokenize: only one input, got '%s' and '%s'\n", input, argv[i]);
      return 2;
    } else {
      input = argv[i];
    }
  }
  if (input == nullptr) {
    std::fprintf(stderr, "wenshu tokenize: no input (give a FILE or - for standard input)\n\n%s",
                 kTokenizeUsage);
    return 2;
  }

  std::shared_ptr<const Dictionary> dictionary = Dictionary::DefaultShared();
  if (dict_path != nullptr) {
    auto loaded = Dictionary::Load(dict_path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "wenshu tokenize: %s\n", std::string(loaded.status().message()).c_str());
      return 1;
    }
    dictionary = *std::move(loaded);
  }

  const bool from_stdin = std::string_view(input) == "-";
  FILE* file = from_stdin ? stdin : std::fopen(input, "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "wenshu tokenize: cannot open '%s': %s\n", input, std::strerror(errno));
    return 1;
  }

  auto opened = input_internal::Utf8Stream::Open(input_internal::FileStream(file, input), encoding, input);
  if (!opened.ok()) {
    std::fprintf(stderr, "wenshu tokenize: %s: %s\n", input, std::string(opened.status().message()).c_str());
    if (!from_stdin) std::fclose(file);
    return 1;
  }
  std::unique_ptr<input_internal::Utf8Stream> decoder = *std::move(opened);
  const auto start = std::chrono::steady_clock::now();
  Tokenizer tokenizer(dictionary, options);
  std::vector<char> chunk(chunk_bytes);
  std::string out;
  uint64_t counts[kTokenKindCount] = {};
  uint64_t total_tokens = 0;
  Token token;
  // The shared output: a closed pipe (`| head`) ends quietly, other write errors are named.
  InstallSignalHandlers();
  Output output;
  output.Open("-");
  auto drain = [&] {
    while (tokenizer.Next(&token)) {
      ++counts[static_cast<int>(token.kind)];
      ++total_tokens;
      if (stats) continue;
      AppendTokenJson(out, token);
      if (out.size() >= (1 << 16)) {
        output.Write(out);
        out.clear();
      }
    }
  };
  int status = 0;
  for (;;) {
    if (output.state() != Output::State::kOk) break;  // nobody reads the rest
    if (const int sig = g_interrupt_signal.load(); sig != 0) {
      output.Write(out);
      output.Commit();
      std::fprintf(stderr, "\nwenshu tokenize: interrupted after %llu bytes; the output is incomplete\n",
                   static_cast<unsigned long long>(tokenizer.bytes_fed()));
      return 128 + sig;
    }
    // Decoded to UTF-8 block by block (a BOM removed, GB18030/UTF-16 converted); UTF-8 passes as is.
    std::string block;
    const bool more = decoder->Next(&block);
    for (size_t at = 0; at < block.size(); at += chunk.size()) {
      (void)tokenizer.Feed(std::string_view(block).substr(at, chunk.size()));  // cannot fail before Finish()
      drain();
    }
    if (!more) {
      if (!decoder->status().ok()) {
        std::fprintf(stderr, "wenshu tokenize: %s\n", std::string(decoder->status().message()).c_str());
        status = 1;
      }
      break;
    }
  }
  tokenizer.Finish();
  drain();
  if (!from_stdin) std::fclose(file);
  output.Write(out);
  if (!output.Commit()) {
    if (output.state() == Output::State::kClosedPipe) return status;
    std::fprintf(stderr, "wenshu tokenize: %s\n", output.error().c_str());
    return 1;
  }

  if (stats) {
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
  return status;
}

}  // namespace wenshu::cli
