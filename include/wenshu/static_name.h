// StaticName: one of the library's own names (a repair rule id, a fact's unit, role or canonical id, a
// check id), held as the address of its NUL-terminated string in static storage.
//
// Every fact and repair record names a few of these, and a document dense with figures has a fact every
// ~16 bytes: as a std::string_view (16 bytes) a name cost twice the 8 of one address, and a figure
// carries three (bench/README.md, "Memory per document"). A StaticName reads as a string_view: it
// converts to one, compares with one, and prints; its length is counted when asked (the names are short).
//
// Lifetime: it keeps the address it was given. Give it a string literal or a view of one (every name the
// library hands out is one); never the bytes of a std::string that may die, nor a view that is not
// followed by a NUL.
#ifndef WENSHU_STATIC_NAME_H_
#define WENSHU_STATIC_NAME_H_

#include <cassert>
#include <cstddef>
#include <ostream>
#include <string_view>

namespace wenshu {

class StaticName {
 public:
  constexpr StaticName() = default;  // the empty name
  // Implicit, so that `record.rule = "number.masked_ten"` and `q.role = RoleOf(...)` read as for a view.
  constexpr StaticName(const char* name) : name_(name) {}  // NOLINT(google-explicit-constructor)
  // `name` must be NUL-terminated static storage (see above); an empty view is the empty name.
  // Debug builds (the sanitizer runs among them) check the NUL: a view of part of a name would otherwise
  // read as the whole.
  constexpr StaticName(std::string_view name)  // NOLINT(google-explicit-constructor)
      : name_(name.empty() ? "" : name.data()) {
    assert(name.empty() || name.data()[name.size()] == '\0');
  }

  constexpr std::string_view view() const { return std::string_view(name_); }
  constexpr operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  constexpr const char* c_str() const { return name_; }
  constexpr const char* data() const { return name_; }
  constexpr size_t size() const { return view().size(); }
  constexpr bool empty() const { return name_[0] == '\0'; }
  // The string_view reads callers use on a name (a rule's family: rule.substr(0, 7) == "number.").
  constexpr std::string_view substr(size_t pos, size_t count = std::string_view::npos) const {
    return view().substr(pos, count);
  }
  constexpr size_t find(std::string_view part, size_t pos = 0) const { return view().find(part, pos); }
  constexpr size_t find(char c, size_t pos = 0) const { return view().find(c, pos); }
  constexpr size_t rfind(std::string_view part, size_t pos = std::string_view::npos) const {
    return view().rfind(part, pos);
  }
  constexpr bool starts_with(std::string_view prefix) const { return view().starts_with(prefix); }

  friend constexpr bool operator==(StaticName a, StaticName b) { return a.view() == b.view(); }
  friend constexpr bool operator==(StaticName a, std::string_view b) { return a.view() == b; }
  friend constexpr bool operator==(StaticName a, const char* b) { return a.view() == std::string_view(b); }
  friend std::ostream& operator<<(std::ostream& out, StaticName name) { return out << name.view(); }

 private:
  const char* name_ = "";
};

}  // namespace wenshu

#endif  // WENSHU_STATIC_NAME_H_
