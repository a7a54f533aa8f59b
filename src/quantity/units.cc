// Units and measure words as found in work reports.
#include "quantity/units.h"

#include <algorithm>
#include <array>
#include <vector>

#include "text/units.h"

namespace wenshu::quantity_internal {
namespace {

// The fact reader's kind of a unit word.
constexpr QuantityKind KindOf(text::UnitKind kind) {
  switch (kind) {
    case text::UnitKind::kCount: return QuantityKind::kCount;
    case text::UnitKind::kMoney: return QuantityKind::kMoney;
    case text::UnitKind::kPercent: return QuantityKind::kPercent;
    case text::UnitKind::kPercentagePoint: return QuantityKind::kPercentagePoint;
    case text::UnitKind::kMeasure: return QuantityKind::kMeasure;
    default: return QuantityKind::kPlain;
  }
}

// text::kUnitWords as the fact reader types them, index for index.
constexpr auto kUnitInfos = [] {
  std::array<UnitInfo, std::size(text::kUnitWords)> infos{};
  for (size_t i = 0; i < infos.size(); ++i) {
    const text::UnitWord& w = text::kUnitWords[i];
    infos[i] = {w.written, w.unit, KindOf(w.kind), w.power};
  }
  return infos;
}();

}  // namespace

const UnitInfo* MatchUnit(std::string_view text, size_t pos) {
  const text::UnitWord* word = text::LongestUnitAt(text, pos, text::kTypedByFacts);
  return word == nullptr ? nullptr : &kUnitInfos[static_cast<size_t>(word - text::kUnitWords)];
}

std::string_view FindUnitName(std::string_view unit) {
  for (const text::UnitWord& w : text::kUnitWords) {
    if ((w.readers & text::kTypedByFacts) && w.unit == unit) return w.unit;
  }
  return {};
}

size_t MatchWordAt(std::string_view text, size_t pos, const std::string_view* words, size_t count) {
  size_t best = 0;
  std::string_view rest = text.substr(std::min(pos, text.size()));
  for (size_t i = 0; i < count; ++i) {
    if (words[i].size() > best && rest.substr(0, words[i].size()) == words[i]) best = words[i].size();
  }
  return best;
}

size_t MatchWordBefore(std::string_view text, size_t pos, const std::string_view* words,
                       size_t count) {
  size_t best = 0;
  std::string_view left = text.substr(0, std::min(pos, text.size()));
  for (size_t i = 0; i < count; ++i) {
    // The last bytes first: they differ for almost every word (a comparison of views is a call to memcmp).
    if (words[i].size() > best && left.size() >= words[i].size() && !words[i].empty() &&
        left.back() == words[i].back() && left.substr(left.size() - words[i].size()) == words[i]) {
      best = words[i].size();
    }
  }
  return best;
}

}  // namespace wenshu::quantity_internal
