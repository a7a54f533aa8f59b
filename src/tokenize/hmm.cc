#include "tokenize/hmm.h"

#include <algorithm>
#include <cstring>
#include <vector>

// The emission table compiled from jieba's prob_emit.py at build time (embedded_dictionary.S).
extern "C" const char wenshu_embedded_hmm[];
extern "C" const char wenshu_embedded_hmm_end[];

namespace wenshu::tokenize_internal {
namespace {

enum State : uint8_t { kB = 0, kE = 1, kM = 2, kS = 3 };

// jieba's finalseg model (prob_start.py, prob_trans.py); kImpossible is its MIN_FLOAT.
constexpr double kImpossible = -3.14e100;
constexpr double kStart[4] = {-0.26268660809250016, kImpossible, kImpossible, -1.4652633398537678};
constexpr double kTrans[4][4] = {
    /* B -> */ {kImpossible, -0.510825623765990, -0.916290731874155, kImpossible},
    /* E -> */ {-0.5897149736854513, kImpossible, kImpossible, -0.8085250474669937},
    /* M -> */ {kImpossible, -0.33344856811948514, -1.2603623820268226, kImpossible},
    /* S -> */ {-0.7211965654669841, kImpossible, kImpossible, -0.6658631448798212},
};
// The states that may precede each state, as in jieba (ties go to the later letter: B < E < M < S).
constexpr State kPrev[4][2] = {{kE, kS}, {kB, kM}, {kM, kB}, {kS, kE}};

constexpr uint32_t kIndexFirst = 0x4E00, kIndexEnd = 0x9FD6;  // jieba's HMM characters

struct Model {
  const HmmEntry* entries = nullptr;
  size_t count = 0;
  // entry index + 1 per character in [kIndexFirst, kIndexEnd), 0 when absent: one load per lookup.
  std::vector<uint16_t> index;
};

const Model& EmbeddedModel() {
  static const Model model = [] {
    Model m;
    const size_t size = static_cast<size_t>(wenshu_embedded_hmm_end - wenshu_embedded_hmm);
    HmmHeader h;
    if (size < sizeof(h)) return m;
    std::memcpy(&h, wenshu_embedded_hmm, sizeof(h));
    if (std::memcmp(h.magic, kHmmMagic, sizeof(kHmmMagic)) != 0 || h.format_version != kHmmFormatVersion ||
        size != sizeof(h) + uint64_t{h.entry_count} * sizeof(HmmEntry)) {
      return m;
    }
    m.entries = reinterpret_cast<const HmmEntry*>(wenshu_embedded_hmm + sizeof(h));
    m.count = h.entry_count;
    if (m.count < 0xFFFF) {
      m.index.assign(kIndexEnd - kIndexFirst, 0);
      for (size_t i = 0; i < m.count; ++i) {
        const uint32_t c = m.entries[i].code_point;
        if (c >= kIndexFirst && c < kIndexEnd) m.index[c - kIndexFirst] = static_cast<uint16_t>(i + 1);
      }
    }
    return m;
  }();
  return model;
}

const HmmEntry* Find(const Model& m, char32_t c) {
  if (!m.index.empty() && c >= kIndexFirst && c < kIndexEnd) {
    const uint16_t k = m.index[c - kIndexFirst];
    return k ? m.entries + (k - 1) : nullptr;
  }
  const HmmEntry* end = m.entries + m.count;
  const HmmEntry* it = std::lower_bound(m.entries, end, static_cast<uint32_t>(c),
                                        [](const HmmEntry& e, uint32_t v) { return e.code_point < v; });
  return it != end && it->code_point == c ? it : nullptr;
}

// The compiled table stores jieba's MIN_FLOAT as the lowest float; widen it back.
double Emission(const HmmEntry& e, int state) {
  return e.emit[state] < -1e37f ? kImpossible : static_cast<double>(e.emit[state]);
}

}  // namespace

bool HmmSegmenter::Available() { return EmbeddedModel().count > 0; }

void HmmSegmenter::Segment(const char32_t* cps, size_t n, std::vector<uint32_t>* word_ends) {
  const Model& model = EmbeddedModel();
  if (n == 0) return;
  score_.resize(4 * n);
  back_.resize(4 * n);
  const HmmEntry* first = Find(model, cps[0]);
  for (int y = 0; y < 4; ++y) score_[y] = kStart[y] + (first ? Emission(*first, y) : kImpossible);
  for (size_t t = 1; t < n; ++t) {
    const HmmEntry* e = Find(model, cps[t]);
    for (int y = 0; y < 4; ++y) {
      const double em = e ? Emission(*e, y) : kImpossible;
      double best = 0;
      uint8_t arg = 0;
      for (int k = 0; k < 2; ++k) {
        const State y0 = kPrev[y][k];
        const double s = score_[4 * (t - 1) + y0] + kTrans[y0][y] + em;
        if (k == 0 || s > best || (s == best && y0 > arg)) {
          best = s;
          arg = y0;
        }
      }
      score_[4 * t + y] = best;
      back_[4 * t + y] = arg;
    }
  }
  // The last character ends a word: E or S (S on a tie).
  uint8_t state = score_[4 * (n - 1) + kS] >= score_[4 * (n - 1) + kE] ? kS : kE;
  // Walk back, marking where words end: after an E or S, and before a B or S.
  std::vector<uint8_t>& states = back_;  // reuse: states[t] stored in slot 4*t
  for (size_t t = n; t-- > 0;) {
    const uint8_t previous = t > 0 ? back_[4 * t + state] : 0;
    states[4 * t] = state;
    state = previous;
  }
  for (size_t t = 0; t < n; ++t) {
    const uint8_t s = states[4 * t];
    const bool next_starts = t + 1 < n && (states[4 * (t + 1)] == kB || states[4 * (t + 1)] == kS);
    if (t + 1 == n || s == kE || s == kS || next_starts) word_ends->push_back(static_cast<uint32_t>(t + 1));
  }
}

}  // namespace wenshu::tokenize_internal
