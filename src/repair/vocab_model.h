// The spun-vocabulary model: which reading, spun or original, fits a spot in clean report language.
//
// Spinners replace words with synonyms character run by character run, without segmenting (服务→效劳,
// 发展→开展, 计划→方案). Many spun forms are ordinary words too (开展工作, 整治方案), so a spot is decided by
// comparing how well each reading fits its context. The model holds, for every form in the pair list,
// its frequency in clean reports and the one- and two-character contexts around it, counted from the
// clean corpora and from jieba's dictionary (tools/vocab/build_model.py writes the table,
// src/repair/data/vocab_model.tsv; wenshu-dictc --vocab compiles it at build time into the blob of
// vocab_model_format.h, embedded into the library and read in place).
//
// Thread safety: a VocabModel is immutable after loading and safe to share between threads.
#ifndef WENSHU_SRC_REPAIR_VOCAB_MODEL_H_
#define WENSHU_SRC_REPAIR_VOCAB_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "repair/vocab_model_format.h"

namespace wenshu::repair_internal {

// One spun form and the word it replaced. `family` groups pairs seen together on one kind of site.
struct VocabPair {
  int family = 0;
  std::string spun;
  std::string original;
};

// The context of a spot: up to two characters on each side, normalized with NormalizeContextChar and
// nearest first ("left1" is the character right before the spot). Missing characters are "\n".
struct VocabContext {
  std::string left1, left2;    // left2 is the character before left1
  std::string right1, right2;  // right2 is the character after right1
  std::string left4, right4;   // up to four characters on each side, as written (for word lookups)
  // The kWindow characters beyond left2 and right2, within the line, as written (for collocations).
  std::string left_window, right_window;
  static constexpr int kWindow = 6;
};

// Maps a character to the class the model counts it as: digits to "0", Latin letters to "a", line breaks
// to "\n", spaces to " ", 〞 to ”, ASCII , ; : ! ? ( ) to their full-width forms. Others are kept.
std::string NormalizeContextChar(std::string_view utf8_char);
// The same as a view: of a constant for a character the classes change, else of `utf8_char` itself.
std::string_view NormalizedContextChar(std::string_view utf8_char);

// The context around [begin, end) in UTF-8 `text`.
VocabContext ContextAround(std::string_view text, size_t begin, size_t end);

// How the model turns counts into probabilities. The defaults were tuned with tools/vocab/spin_eval.sh
// on held-out documents; a caller may change them on its own copy of a model (for evaluation).
struct VocabScoring {
  // Backoff to the general character distribution gets (scale × distinct contexts seen) pseudo-counts
  // (Witten-Bell): a form seen in many different contexts is expected to appear in new ones too.
  double context_prior = 1.0;      // scale for P(near | form)
  double second_char_prior = 1.0;  // scale for P(far | near, form)
  // Each dictionary word that shows a context counts as this many corpus occurrences of it (on top of
  // its frequency-weighted share): a word list says which collocations exist, not how often.
  double dictionary_word_weight = 1.0;
  // Pseudo-counts of the word-class rate behind P(a place name follows | form).
  double place_prior = 20.0;
  // Collocations a little further away (开展…工作, 发展…战略): pseudo-counts behind P(bigram in window |
  // form), the weight of their summed evidence, and its bound.
  double window_prior = 30.0;
  double window_weight = 0.3;
  double window_clip = 2.0;
  // Log prior odds that a spun-looking spot was spun, before its context: below 0 so that a spot is
  // changed only on clear evidence (held-out, family 1, before the window term: precision 0.95 → 0.975 for
  // recall 0.95 → 0.905).
  double spin_log_prior = -1.2;
};

class VocabModel {
 public:
  // The format version this code reads (the third field of the model's "V" row).
  static constexpr int kFormatVersion = kVocabTableVersion;

  // Compiles a model table (as tools/vocab/build_model.py writes it) and loads the result. Fails with a
  // clear status on a wrong version, a malformed row, or a pair whose forms have no statistics.
  [[nodiscard]] static absl::StatusOr<VocabModel> Parse(std::string_view table);

  // The model compiled into the library at build time (wenshu-dictc --vocab), read in place: loading
  // checks its stamps (magic, layout and table versions, byte order, size) and reads nothing else. If
  // that fails (which a test guards against), this is an empty model that decides nothing, and
  // DefaultStatus() says why.
  static const VocabModel& Default();
  // A model over a compiled blob that outlives it (the embedded one), after checking its stamps.
  static absl::StatusOr<VocabModel> FromEmbedded(std::string_view blob);
  static absl::Status DefaultStatus();

  VocabModel() = default;
  VocabModel(VocabModel&&) = default;
  VocabModel& operator=(VocabModel&&) = default;
  VocabModel(const VocabModel&) = delete;
  VocabModel& operator=(const VocabModel&) = delete;

  // The "V" row: format version, build stamp, training split, sizes and digest.
  const std::string& version() const { return version_; }
  const std::vector<VocabPair>& pairs() const { return pairs_; }
  bool empty() const { return pairs_.empty(); }

  // log(P(original fits here) / P(spun fits here)) for a spot showing pair.spun: positive means the
  // spot was most likely spun. Combines the forms' prior frequencies with the smoothed probabilities of
  // the left and right contexts given each form. `pair` is one of pairs(): the model keeps the window
  // counts only of forms its own pairs compare (kVocabWindowMinUses).
  double LogOdds(const VocabPair& pair, const VocabContext& context) const;

  const VocabScoring& scoring() const { return scoring_; }
  void set_scoring(const VocabScoring& scoring) { scoring_ = scoring; }

  // Clean-text frequency of a form (corpus count), for explanations.
  int64_t CorpusCount(std::string_view form) const;
  // Occurrences of a form per million characters of clean text.
  double CleanRatePerMillion(std::string_view form) const;
  // The smoothed share of one character (one code point as UTF-8) in clean text: the backoff distribution
  // of the context terms, also how likely a character is in report language (text.mojibake).
  double CharProbability(std::string_view c) const;

 private:
  // Checks a compiled blob's stamps and points the model at it; `owned` holds it for a parsed table.
  static absl::StatusOr<VocabModel> Attach(std::string_view blob, std::vector<uint64_t> owned);

  std::string_view String(VocabBlobString s) const { return {strings_ + s.offset, s.size}; }
  const VocabBlobForm* FindForm(std::string_view name) const;
  // The id of a character (one code point as UTF-8) in the model's alphabet; 0 when it has none.
  uint32_t CharId(std::string_view c) const;
  // The value under a key (VocabSlotKey with this model's widths), or 0 when it has none; `found` says
  // which.
  uint64_t Count(VocabKeyKind kind, const VocabBlobForm* form, bool right, uint32_t c1, uint32_t c2,
                 bool* found = nullptr) const;

  // The smoothed count of a context of the form: near (c2 = 0) or far and near in text order.
  double ContextCount(const VocabBlobForm& form, bool right, uint32_t c1, uint32_t c2) const;
  double SideLogProbability(const VocabBlobForm& form, bool left, const VocabContext& context) const;
  // log P(whether a place name stands on that side | form), backing off to forms of the same part of
  // speech (a rare verb like 到达 borrows the place rate of verbs).
  double PlaceLogProbability(const VocabBlobForm& form, bool left, bool place) const;
  bool IsPlace(std::string_view name) const;
  bool PlaceAt(std::string_view four_chars, bool left) const;
  double WindowLogOdds(const VocabBlobForm& original, const VocabBlobForm& spun,
                       const VocabContext& context) const;

  std::vector<uint64_t> owned_;  // the blob of a parsed table (8-byte aligned); empty for the default
  const VocabBlobHeader* header_ = nullptr;
  const VocabBlobForm* forms_ = nullptr;
  const uint64_t* slots_ = nullptr;
  const uint32_t* regions_ = nullptr;  // a form's slots (VocabBlobSections::regions)
  const VocabBlobExtra* extras_ = nullptr;
  const uint16_t* char_ids_ = nullptr;
  const uint32_t* place_slots_ = nullptr;
  const VocabBlobString* places_ = nullptr;
  const char* strings_ = nullptr;
  std::string version_;
  std::vector<VocabPair> pairs_;
  VocabScoring scoring_;
};

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_VOCAB_MODEL_H_
