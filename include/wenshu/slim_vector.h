// SlimVector<T>: a list held as one pointer, null when empty, for a record's fields that are empty in
// almost every record: a fact's qualifiers, a repair's evidence and alternatives.
//
// A document dense with figures or repairs has a record every ~16-20 bytes, and an empty std::vector
// is 24 bytes in each (bench/README.md, "Memory per document"); a SlimVector is 8, and a list that has
// items costs one more heap block than a vector would. It reads as a const std::vector<T>& (converts to
// one, iterates, compares) and grows through push_back, emplace_back and assignment.
#ifndef WENSHU_SLIM_VECTOR_H_
#define WENSHU_SLIM_VECTOR_H_

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace wenshu {

template <typename T>
class SlimVector {
 public:
  using value_type = T;
  using const_iterator = typename std::vector<T>::const_iterator;
  using iterator = typename std::vector<T>::iterator;

  SlimVector() = default;
  SlimVector(std::vector<T> items)  // NOLINT(google-explicit-constructor)
      : items_(items.empty() ? nullptr : std::make_unique<std::vector<T>>(std::move(items))) {}
  SlimVector(std::initializer_list<T> items) : SlimVector(std::vector<T>(items)) {}
  SlimVector(const SlimVector& other) : SlimVector(other.items()) {}
  SlimVector(SlimVector&&) noexcept = default;
  SlimVector& operator=(const SlimVector& other) {
    if (this != &other) *this = SlimVector(other);
    return *this;
  }
  SlimVector& operator=(SlimVector&&) noexcept = default;

  const std::vector<T>& items() const { return items_ ? *items_ : Empty(); }
  operator const std::vector<T>&() const { return items(); }  // NOLINT(google-explicit-constructor)
  const_iterator begin() const { return items().begin(); }
  const_iterator end() const { return items().end(); }
  // Items may change in place (a repair interns its alternatives' reasons); the list's length changes
  // only through push_back, emplace_back and assignment. An empty list's iterators are equal.
  iterator begin() { return items_ ? items_->begin() : iterator(); }
  iterator end() { return items_ ? items_->end() : iterator(); }
  size_t size() const { return items().size(); }
  bool empty() const { return items_ == nullptr; }
  const T& operator[](size_t i) const { return items()[i]; }
  const T& front() const { return items().front(); }
  const T& back() const { return items().back(); }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (!items_) items_ = std::make_unique<std::vector<T>>();
    return items_->emplace_back(std::forward<Args>(args)...);
  }
  void push_back(T item) { emplace_back(std::move(item)); }

  friend bool operator==(const SlimVector& a, const SlimVector& b) { return a.items() == b.items(); }
  friend bool operator==(const SlimVector& a, const std::vector<T>& b) { return a.items() == b; }

 private:
  static const std::vector<T>& Empty() {
    static const auto* const empty = new std::vector<T>;
    return *empty;
  }

  std::unique_ptr<std::vector<T>> items_;  // null when there are none
};

}  // namespace wenshu

#endif  // WENSHU_SLIM_VECTOR_H_
