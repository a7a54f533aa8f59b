// SectionPath: a path in a report's section tree (wenshu/report.h): child indexes from the top-level
// list, e.g. {1, 6} is the 7th child of the 2nd top-level section. Empty = before any section (the
// preamble).
//
// Every fact, check and target carries one. As a std::vector<int> it was 24 bytes in the record plus a
// heap block (32 bytes with the allocator's header) for every fact inside a section; a report nests a
// few levels deep (一、 (一) 1. (1)), so a path of up to kInPlace indexes is kept inside the object (16
// bytes in all) and only a deeper one allocates.
#ifndef WENSHU_SECTION_PATH_H_
#define WENSHU_SECTION_PATH_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <utility>

namespace wenshu {

class SectionPath {
 public:
  using value_type = int;
  using size_type = size_t;
  using iterator = const int*;  // a path grows by push_back only
  using const_iterator = const int*;

  SectionPath() = default;
  SectionPath(std::initializer_list<int> indexes) {
    for (int i : indexes) push_back(i);
  }
  SectionPath(const SectionPath& other) {
    for (int i : other) push_back(i);
  }
  SectionPath(SectionPath&& other) noexcept : size_(other.size_) {
    std::memcpy(in_place_, other.in_place_, sizeof in_place_);  // the indexes, or the heap block's address
    other.size_ = 0;
  }
  SectionPath& operator=(SectionPath other) noexcept {
    std::swap(size_, other.size_);
    int held[kInPlace];
    std::memcpy(held, in_place_, sizeof in_place_);
    std::memcpy(in_place_, other.in_place_, sizeof in_place_);
    std::memcpy(other.in_place_, held, sizeof in_place_);
    return *this;
  }
  ~SectionPath() {
    if (OnHeap()) delete[] Heap();
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const int* data() const { return OnHeap() ? Heap() : in_place_; }
  const int* begin() const { return data(); }
  const int* end() const { return data() + size_; }
  int operator[](size_t i) const { return data()[i]; }
  int front() const { return data()[0]; }
  int back() const { return data()[size_ - 1]; }

  void push_back(int index) {
    if (size_ < kInPlace) {
      in_place_[size_++] = index;
      return;
    }
    // On the heap from the fourth index on: a block of 4, doubled whenever the size reaches a power of two.
    if (size_ == kInPlace || (size_ & (size_ - 1)) == 0) {
      const size_t capacity = size_ == kInPlace ? size_t{kInPlace} + 1 : 2 * size_t{size_};
      int* grown = new int[capacity];
      std::copy(begin(), end(), grown);
      if (OnHeap()) delete[] Heap();
      SetHeap(grown);
    }
    Heap()[size_++] = index;
  }

  void pop_back() {
    if (size_ == kInPlace + 1) {  // back inside the object
      int* heap = Heap();
      std::copy(heap, heap + kInPlace, in_place_);
      delete[] heap;
    }
    --size_;
  }

  friend bool operator==(const SectionPath& a, const SectionPath& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator<(const SectionPath& a, const SectionPath& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  static constexpr uint32_t kInPlace = 3;

  bool OnHeap() const { return size_ > kInPlace; }
  // A deeper path's block address sits in the bytes of the last two in-place indexes (copied, so the
  // object needs no pointer alignment and stays 16 bytes).
  int* Heap() const {
    int* heap;
    std::memcpy(&heap, &in_place_[1], sizeof heap);
    return heap;
  }
  void SetHeap(int* heap) { std::memcpy(&in_place_[1], &heap, sizeof heap); }

  uint32_t size_ = 0;
  int in_place_[kInPlace] = {};
  static_assert(sizeof(int*) <= 2 * sizeof(int), "the block's address fits in two indexes");
};

}  // namespace wenshu

#endif  // WENSHU_SECTION_PATH_H_
