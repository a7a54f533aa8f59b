// SharedText: an immutable string whose copies share one allocation.
//
// A repair's reason is one sentence, and a document dense with one kind of damage repeats the same
// sentence thousands of times (every masked ten that reads as 100 is explained alike). Each record
// owning its copy made the reasons ~5x a document's size (bench/README.md, "Memory per document");
// Repair keeps one copy per distinct sentence and every record holds a counted reference to it. A
// SharedText is never changed in place, so copies may be read from any number of threads.
#ifndef WENSHU_SHARED_TEXT_H_
#define WENSHU_SHARED_TEXT_H_

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace wenshu {

class SharedText {
 public:
  SharedText() = default;
  // Implicit, so that `record.reason = absl::StrCat(...)` and `reason = "..."` read as for a string.
  SharedText(std::string text)  // NOLINT(google-explicit-constructor)
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SharedText(std::string_view text) : SharedText(std::string(text)) {}  // NOLINT
  SharedText(const char* text) : SharedText(std::string(text)) {}       // NOLINT

  const std::string& str() const { return text_ ? *text_ : Empty(); }
  std::string_view view() const { return str(); }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  const char* c_str() const { return str().c_str(); }  // NUL-terminated, valid while a copy lives
  size_t size() const { return text_ ? text_->size() : 0; }
  bool empty() const { return size() == 0; }

  // Whether two texts share one allocation (equal texts interned by one pool do).
  bool SharesStorageWith(const SharedText& other) const { return text_ == other.text_; }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.view() == b.view(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }
  friend std::ostream& operator<<(std::ostream& out, const SharedText& t) { return out << t.view(); }

 private:
  static const std::string& Empty() {
    static const std::string* const empty = new std::string;
    return *empty;
  }

  std::shared_ptr<const std::string> text_;  // null for the empty text
};

}  // namespace wenshu

#endif  // WENSHU_SHARED_TEXT_H_
