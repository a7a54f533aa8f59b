// wenshu-dictc: compiles a jieba-format word list into wenshu's binary dictionary blob.
//
//   wenshu-dictc INPUT.txt OUTPUT.bin
//
// Run at build time on jieba's dict.txt; the blob is embedded into the library. Users can run it on
// their own word lists and load the result with wenshu::Dictionary::Load().
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "tokenize/dictionary_format.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: wenshu-dictc INPUT.txt OUTPUT.bin\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "wenshu-dictc: cannot open %s\n", argv[1]);
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto blob = wenshu::tokenize_internal::CompileDictionary(text.str(), 10000);
  if (!blob.ok()) {
    std::fprintf(stderr, "wenshu-dictc: %s: %s\n", argv[1], std::string(blob.status().message()).c_str());
    return 1;
  }
  if (auto status = wenshu::tokenize_internal::ValidateBlob(*blob); !status.ok()) {
    std::fprintf(stderr, "wenshu-dictc: internal error: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  std::string tmp = std::string(argv[2]) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(blob->data(), static_cast<std::streamsize>(blob->size()));
    if (!out) {
      std::fprintf(stderr, "wenshu-dictc: cannot write %s\n", tmp.c_str());
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), argv[2]) != 0) {
    std::fprintf(stderr, "wenshu-dictc: cannot rename %s to %s\n", tmp.c_str(), argv[2]);
    return 1;
  }
  return 0;
}
