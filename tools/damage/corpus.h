// Reads the clean corpora of the shared folder: the national JSONL ("content", "title") and the provincial
// CSVs ("full_text", "title"). Nothing in the library depends on these; only the damage tools and tests read
// them.
#ifndef WENSHU_TOOLS_DAMAGE_CORPUS_H_
#define WENSHU_TOOLS_DAMAGE_CORPUS_H_

#include <string>
#include <vector>

namespace wenshu::damage {

struct CleanDocument {
  std::string name;
  std::string text;
  std::string title;  // the title the corpus gives (what a site prints as the title); "" when absent
};

// Every clean report under <shared_dir>/corpora, in a stable order. Empty when nothing is found.
std::vector<CleanDocument> ReadCleanCorpora(const std::string& shared_dir);

}  // namespace wenshu::damage

#endif  // WENSHU_TOOLS_DAMAGE_CORPUS_H_
