// One copy of each distinct sentence: repair reasons, check reasons (wenshu/shared_text.h says why).
#ifndef WENSHU_SRC_TEXT_TEXT_POOL_H_
#define WENSHU_SRC_TEXT_TEXT_POOL_H_

#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "wenshu/shared_text.h"

namespace wenshu::text_internal {

// Interns SharedTexts: equal texts come back sharing the first one's allocation. One thread at a time;
// the pool may go before the texts it handed out (each holds its own reference).
class TextPool {
 public:
  SharedText Intern(SharedText text) {
    if (text.empty()) return text;
    // The key views the stored copy's bytes, which live as long as the entry.
    auto [it, inserted] = pool_.try_emplace(text.view(), text);
    return it->second;
  }

 private:
  absl::flat_hash_map<std::string_view, SharedText> pool_;
};

}  // namespace wenshu::text_internal

#endif  // WENSHU_SRC_TEXT_TEXT_POOL_H_
