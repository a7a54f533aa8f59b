// icu_words FILE: ICU's dictionary word breaking alone over a file, as a process (bench/peers.sh
// compares it with the other segmenters the same way): reads the file, runs one word BreakIterator
// (zh_CN) over it through utext_openUTF8, and prints the number of boundaries.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: icu_words FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  const std::string text = contents.str();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("zh", "CN"), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "icu_words: %s\n", u_errorName(status));
    return 1;
  }
  it->setText(ut, status);
  uint64_t boundaries = 0;
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) ++boundaries;
  utext_close(ut);
  std::printf("%llu\n", static_cast<unsigned long long>(boundaries));
  return U_FAILURE(status) ? 1 : 0;
}
