// wenshu-dictc: compiles a jieba-format word list into wenshu's binary dictionary blob.
//
//   wenshu-dictc INPUT.txt OUTPUT.bin            a word list (jieba's dict.txt format)
//   wenshu-dictc --hmm PROB_EMIT.py OUTPUT.bin   jieba's HMM emission table (finalseg/prob_emit.py)
//   wenshu-dictc --hmm - OUTPUT.bin              an empty HMM table (unknown words stay single)
//   wenshu-dictc --vocab MODEL.tsv OUTPUT.bin    the spun-vocabulary model (src/repair/data)
//
// Run at build time on jieba's dict.txt; the blob is embedded into the library. Users can run it on
// their own word lists and load the result with wenshu::Dictionary::Load().
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "repair/vocab_model_format.h"
#include "tokenize/dictionary_format.h"
#include "tokenize/hmm.h"

int main(int argc, char** argv) {
  const bool hmm = argc == 4 && std::string(argv[1]) == "--hmm";
  const bool vocab = argc == 4 && std::string(argv[1]) == "--vocab";
  if (argc != 3 && !hmm && !vocab) {
    std::fprintf(stderr,
                 "usage: wenshu-dictc INPUT.txt OUTPUT.bin | wenshu-dictc --hmm PROB_EMIT.py|- OUTPUT.bin |"
                 " wenshu-dictc --vocab MODEL.tsv OUTPUT.bin\n");
    return 2;
  }
  if (hmm || vocab) {
    ++argv;
    --argc;
  }
  std::string text;
  if (!(hmm && std::string(argv[1]) == "-")) {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "wenshu-dictc: cannot open %s\n", argv[1]);
      return 1;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    text = contents.str();
  }
  auto blob = hmm     ? wenshu::tokenize_internal::CompileHmmEmissions(text)
              : vocab ? wenshu::repair_internal::CompileVocabModel(text)
                      : wenshu::tokenize_internal::CompileDictionary(text, 10000);
  if (!blob.ok()) {
    std::fprintf(stderr, "wenshu-dictc: %s: %s\n", argv[1], std::string(blob.status().message()).c_str());
    return 1;
  }
  if (!hmm && !vocab) {
    if (auto status = wenshu::tokenize_internal::ValidateBlob(*blob); !status.ok()) {
      std::fprintf(stderr, "wenshu-dictc: internal error: %s\n", std::string(status.message()).c_str());
      return 1;
    }
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
