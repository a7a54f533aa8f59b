// SlimOptional<T>: an optional value held as one pointer, null when absent, for a record's field that is
// absent in almost every record: a fact's `upper` (the high end of a range such as 300~500人).
//
// A document dense with figures has a fact every ~16 bytes, and a std::optional<Decimal> is 24 bytes in
// each (bench/README.md, "Memory per document"); a SlimOptional is 8, and a value that is present costs
// one heap block. It reads as a std::optional<T> (has_value, *, ->, value_or, converts to one) and is set
// by assignment (of a T, a std::optional<T> or std::nullopt) and reset(). The same idea as SlimVector
// (wenshu/slim_vector.h), for one value instead of a list.
#ifndef WENSHU_SLIM_OPTIONAL_H_
#define WENSHU_SLIM_OPTIONAL_H_

#include <memory>
#include <optional>
#include <utility>

namespace wenshu {

template <typename T>
class SlimOptional {
 public:
  SlimOptional() = default;
  SlimOptional(std::nullopt_t) {}  // NOLINT(google-explicit-constructor)
  SlimOptional(const T& value) : value_(std::make_unique<T>(value)) {}  // NOLINT(google-explicit-constructor)
  SlimOptional(const std::optional<T>& value)  // NOLINT(google-explicit-constructor)
      : value_(value ? std::make_unique<T>(*value) : nullptr) {}
  SlimOptional(const SlimOptional& other) : SlimOptional(other.ToOptional()) {}
  SlimOptional(SlimOptional&&) noexcept = default;
  SlimOptional& operator=(const SlimOptional& other) {
    if (this != &other) *this = SlimOptional(other);
    return *this;
  }
  SlimOptional& operator=(SlimOptional&&) noexcept = default;

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  const T& operator*() const { return *value_; }
  const T* operator->() const { return value_.get(); }
  T value_or(T fallback) const { return value_ ? *value_ : std::move(fallback); }
  void reset() { value_.reset(); }

  std::optional<T> ToOptional() const { return value_ ? std::optional<T>(*value_) : std::nullopt; }
  operator std::optional<T>() const { return ToOptional(); }  // NOLINT(google-explicit-constructor)

  friend bool operator==(const SlimOptional& a, const SlimOptional& b) { return a.ToOptional() == b.ToOptional(); }

 private:
  std::unique_ptr<T> value_;  // null when absent
};

}  // namespace wenshu

#endif  // WENSHU_SLIM_OPTIONAL_H_
