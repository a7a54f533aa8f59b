// The spun-vocabulary model: loading the compiled blob and scoring a spot.
#include "repair/vocab_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "text/char_class.h"
#include "text/utf8.h"
#include "tokenize/dictionary_format.h"

// The model compiled from src/repair/data/vocab_model.tsv at build time, embedded by
// embedded_vocab_model.S.
extern "C" const char wenshu_embedded_vocab_model[];
extern "C" const char wenshu_embedded_vocab_model_end[];

namespace wenshu::repair_internal {
namespace {

// One character (as UTF-8) before `at`, moving `at` back; "" at the start or on an invalid byte.
std::string_view PreviousChar(std::string_view text, size_t& at) {
  if (at == 0) return {};
  const text::Decoded d = text::DecodeUtf8Before(text, at);
  if (d.len < 0) return {};
  at -= static_cast<size_t>(d.len);
  return text.substr(at, static_cast<size_t>(d.len));
}

std::string_view NextChar(std::string_view text, size_t& at) {
  if (at >= text.size()) return {};
  const text::Decoded d = text::DecodeUtf8At(text, at);
  if (d.len < 0) return {};
  std::string_view out = text.substr(at, static_cast<size_t>(d.len));
  at += static_cast<size_t>(d.len);
  return out;
}

// Whether a character (as UTF-8) is an ideograph of any block: the model's Han context.
bool IsIdeographChar(std::string_view utf8_char) {
  return utf8_char.size() >= 3 && text::IsIdeograph(text::CharAt(utf8_char, 0).value);
}

}  // namespace

std::string NormalizeContextChar(std::string_view utf8_char) { return std::string(NormalizedContextChar(utf8_char)); }

std::string_view NormalizedContextChar(std::string_view utf8_char) {
  if (utf8_char.empty()) return "\n";
  // An invalid byte reads as U+FFFD, which none of the classes below holds: it stays as it is.
  const char32_t c = text::CharAt(utf8_char, 0).value;
  if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) return "0";
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xFF21 && c <= 0xFF3A) ||
      (c >= 0xFF41 && c <= 0xFF5A)) {
    return "a";
  }
  if (c == '\r' || c == '\n') return "\n";
  if (text::IsInlineBlank(c)) return " ";
  if (c == 0x301E) return "\xE2\x80\x9D";  // 〞 is a damaged ”
  // Sites and clean reports differ in punctuation width (the seed's site writes ',' where the corpora
  // write '，'): ASCII punctuation counts as its full-width form. '.' stays (decimal point or full stop).
  switch (c) {
    case ',': return "，";
    case ';': return "；";
    case ':': return "：";
    case '!': return "！";
    case '?': return "？";
    case '(': return "（";
    case ')': return "）";
    default: break;
  }
  return utf8_char;
}

VocabContext ContextAround(std::string_view text, size_t begin, size_t end) {
  VocabContext context;
  size_t at = begin;
  std::string_view l1 = PreviousChar(text, at);
  std::string_view l2 = l1.empty() ? std::string_view() : PreviousChar(text, at);
  at = end;
  std::string_view r1 = NextChar(text, at);
  std::string_view r2 = r1.empty() ? std::string_view() : NextChar(text, at);
  {
    size_t from = begin;
    for (int k = 0; k < 4 && !PreviousChar(text, from).empty(); ++k) {}
    context.left4 = std::string(text.substr(from, begin - from));
    size_t to = end;
    for (int k = 0; k < 4 && !NextChar(text, to).empty(); ++k) {}
    context.right4 = std::string(text.substr(end, to - end));
  }
  {
    // Skip the two near characters, then take up to kWindow more, stopping at a line break.
    size_t from = begin;
    for (int k = 0; k < 2 && !PreviousChar(text, from).empty(); ++k) {}
    size_t window_end = from;
    for (int k = 0; k < VocabContext::kWindow; ++k) {
      size_t before = from;
      std::string_view c = PreviousChar(text, from);
      if (c.empty() || c == "\n") {
        from = before;
        break;
      }
    }
    context.left_window = std::string(text.substr(from, window_end - from));
    size_t to = end;
    for (int k = 0; k < 2 && !NextChar(text, to).empty(); ++k) {}
    size_t window_begin = to;
    for (int k = 0; k < VocabContext::kWindow; ++k) {
      size_t before = to;
      std::string_view c = NextChar(text, to);
      if (c.empty() || c == "\n") {
        to = before;
        break;
      }
    }
    context.right_window = std::string(text.substr(window_begin, to - window_begin));
  }
  context.left1 = NormalizeContextChar(l1);
  context.left2 = NormalizeContextChar(l2);
  context.right1 = NormalizeContextChar(r1);
  context.right2 = NormalizeContextChar(r2);
  return context;
}

absl::StatusOr<VocabModel> VocabModel::Parse(std::string_view table) {
  absl::StatusOr<std::string> blob = CompileVocabModel(table);
  if (!blob.ok()) return blob.status();
  std::vector<uint64_t> owned((blob->size() + 7) / 8);
  std::memcpy(owned.data(), blob->data(), blob->size());
  const std::string_view view(reinterpret_cast<const char*>(owned.data()), blob->size());
  return Attach(view, std::move(owned));
}

absl::StatusOr<VocabModel> VocabModel::Attach(std::string_view blob, std::vector<uint64_t> owned) {
  VocabBlobHeader h;
  if (blob.size() < sizeof(h)) return absl::DataLossError("vocabulary model blob is truncated");
  std::memcpy(&h, blob.data(), sizeof(h));
  if (std::memcmp(h.magic, kVocabBlobMagic, sizeof(h.magic)) != 0) {
    return absl::DataLossError("not a compiled vocabulary model (bad magic)");
  }
  if (h.endian_marker != kVocabEndianMarker) {
    return absl::DataLossError("vocabulary model blob is from a machine of another byte order");
  }
  if (h.layout_version != kVocabBlobLayoutVersion || h.table_version != kFormatVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("vocabulary model blob has layout ", h.layout_version, " and table version ",
                     h.table_version, "; this build reads ", kVocabBlobLayoutVersion, " and ", kFormatVersion));
  }
  const VocabBlobSections at = SectionsOf(h);
  const uint64_t key_bits = uint64_t{kVocabKindBits} + h.form_bits + 1 + 2 * uint64_t{h.char_bits};
  if (h.blob_bytes != blob.size() || at.end != blob.size() || h.slot_count == 0 || key_bits + h.value_bits != 64 ||
      h.value_bits == 0 || h.form_bits >= 32 || (uint64_t{h.form_count} >> h.form_bits) != 0 ||
      h.place_slot_count == 0 || (h.place_slot_count & (h.place_slot_count - 1)) != 0 ||
      h.version.offset + uint64_t{h.version.size} > h.strings_size) {
    return absl::DataLossError("vocabulary model blob has inconsistent sizes");
  }
  VocabModel model;
  model.owned_ = std::move(owned);
  const char* base = blob.data();
  model.header_ = reinterpret_cast<const VocabBlobHeader*>(base);
  model.forms_ = reinterpret_cast<const VocabBlobForm*>(base + at.forms);
  model.slots_ = reinterpret_cast<const uint64_t*>(base + at.slots);
  model.regions_ = reinterpret_cast<const uint32_t*>(base + at.regions);
  // Every region holds a slot and they tile the table: a probe stays inside the slots.
  for (size_t f = 1; f < VocabRegionCount(h); ++f) {
    if (model.regions_[f] <= model.regions_[f - 1]) {
      return absl::DataLossError("vocabulary model blob has an empty region");
    }
  }
  if (model.regions_[0] != 0 || model.regions_[VocabRegionCount(h) - 1] != h.slot_count) {
    return absl::DataLossError("vocabulary model blob's regions do not cover its slots");
  }
  model.extras_ = reinterpret_cast<const VocabBlobExtra*>(base + at.extras);
  model.char_ids_ = reinterpret_cast<const uint16_t*>(base + at.char_ids);
  model.place_slots_ = reinterpret_cast<const uint32_t*>(base + at.place_slots);
  model.places_ = reinterpret_cast<const VocabBlobString*>(base + at.places);
  model.strings_ = base + at.strings;
  model.version_ = std::string(model.String(h.version));
  const auto* pairs = reinterpret_cast<const VocabBlobPair*>(base + at.pairs);
  model.pairs_.reserve(h.pair_count);
  for (uint32_t i = 0; i < h.pair_count; ++i) {
    if (pairs[i].spun_form >= h.form_count || pairs[i].original_form >= h.form_count) {
      return absl::DataLossError("vocabulary model blob has a pair without its forms");
    }
    model.pairs_.push_back(
        {pairs[i].family, std::string(model.String(pairs[i].spun)), std::string(model.String(pairs[i].original))});
  }
  return model;
}

namespace {
struct LoadedDefault {
  VocabModel model;
  absl::Status status;
};
const LoadedDefault& LoadDefault() {
  static const LoadedDefault* loaded = [] {
    auto* out = new LoadedDefault;
    const std::string_view blob(wenshu_embedded_vocab_model,
                                static_cast<size_t>(wenshu_embedded_vocab_model_end - wenshu_embedded_vocab_model));
    auto attached = VocabModel::FromEmbedded(blob);
    if (attached.ok()) {
      out->model = *std::move(attached);
    } else {
      out->status = attached.status();
    }
    return out;
  }();
  return *loaded;
}
}  // namespace

absl::StatusOr<VocabModel> VocabModel::FromEmbedded(std::string_view blob) { return Attach(blob, {}); }

const VocabModel& VocabModel::Default() { return LoadDefault().model; }
absl::Status VocabModel::DefaultStatus() { return LoadDefault().status; }

uint32_t VocabModel::CharId(std::string_view c) const {
  const int32_t code_point = SoleCodePoint(c);
  return code_point >= 0 && static_cast<uint32_t>(code_point) < header_->char_id_count ? char_ids_[code_point] : 0;
}

uint64_t VocabModel::Count(VocabKeyKind kind, const VocabBlobForm* form, bool right, uint32_t c1, uint32_t c2,
                           bool* found) const {
  if (found != nullptr) *found = false;
  if (header_ == nullptr) return 0;
  const uint32_t form_id = form == nullptr ? 0 : static_cast<uint32_t>(form - forms_) + 1;
  const uint64_t key = VocabSlotKey(kind, form_id, right, c1, c2, header_->form_bits, header_->char_bits);
  const uint32_t value_bits = header_->value_bits;
  const uint32_t begin = regions_[form_id], size = regions_[form_id + 1] - begin;
  for (uint32_t probe = VocabSlotHome(key, size);; probe = probe + 1 == size ? 0 : probe + 1) {
    const uint64_t packed = slots_[begin + probe];
    if (packed == 0) return 0;
    if (packed >> value_bits == key) {
      if (found != nullptr) *found = true;
      return packed & ((uint64_t{1} << value_bits) - 1);
    }
  }
}

const VocabBlobForm* VocabModel::FindForm(std::string_view name) const {
  if (header_ == nullptr) return nullptr;
  const VocabBlobForm* end = forms_ + header_->form_count;
  const VocabBlobForm* it = std::lower_bound(
      forms_, end, name, [this](const VocabBlobForm& f, std::string_view n) { return String(f.name) < n; });
  return it != end && String(it->name) == name ? it : nullptr;
}

int64_t VocabModel::CorpusCount(std::string_view form) const {
  const VocabBlobForm* f = FindForm(form);
  return f == nullptr ? 0 : static_cast<int64_t>(f->corpus);
}

double VocabModel::CleanRatePerMillion(std::string_view form) const {
  return header_ != nullptr && header_->total_chars > 0
             ? 1e6 * static_cast<double>(CorpusCount(form)) / header_->total_chars
             : 0;
}

double VocabModel::CharProbability(std::string_view c) const {
  const uint32_t id = CharId(c);
  const double n = id == 0 ? 0 : static_cast<double>(Count(VocabKeyKind::kUnigram, nullptr, false, id, 0));
  // Add-half smoothing over a generous alphabet, so unseen characters keep a small probability.
  return (n + 0.5) / (header_->total_chars + 0.5 * 20000);
}

double VocabModel::ContextCount(const VocabBlobForm& form, bool right, uint32_t c1, uint32_t c2) const {
  const double corpus = static_cast<double>(Count(VocabKeyKind::kContext, &form, right, c1, c2));
  bool found = false;
  const uint64_t extra = Count(VocabKeyKind::kContextExtra, &form, right, c1, c2, &found);
  const double dictionary = found ? extras_[extra].dictionary : 0;
  const double words = found ? extras_[extra].words : 0;
  return corpus + header_->dictionary_weight * dictionary + scoring_.dictionary_word_weight * words;
}

double VocabModel::SideLogProbability(const VocabBlobForm& form, bool left,
                                      const VocabContext& context) const {
  const std::string& near = left ? context.left1 : context.right1;
  const std::string& far = left ? context.left2 : context.right2;
  const bool right = !left;
  const double side_total =
      form.corpus +
      header_->dictionary_weight * (left ? form.dictionary_left_total : form.dictionary_right_total) +
      scoring_.dictionary_word_weight * (left ? form.dictionary_left_words : form.dictionary_right_words);
  // A character outside the model's alphabet has no count in any context.
  const uint32_t near_id = CharId(near);
  // P(near | form), backing off to the character's overall frequency.
  const double near_count = near_id == 0 ? 0 : ContextCount(form, right, near_id, 0);
  const double near_types =
      scoring_.context_prior * std::max(1.0, static_cast<double>(Count(VocabKeyKind::kTypes, &form, right, 0, 0)));
  const double p_near = (near_count + near_types * CharProbability(near)) / (side_total + near_types);
  // Across punctuation, a line break, a number or a Latin word the far character says nothing about the
  // form (and its counts are too sparse to trust): only a Han near character carries the far one.
  if (!IsIdeographChar(near)) return std::log(p_near);
  // P(far | near, form): the two-character context (in text order), backing off to the far character's
  // frequency.
  const uint32_t far_id = CharId(far);
  const double far_count = near_id == 0 || far_id == 0 ? 0
                           : left                      ? ContextCount(form, right, far_id, near_id)
                                                       : ContextCount(form, right, near_id, far_id);
  const double far_seen =
      near_id == 0 ? 0 : static_cast<double>(Count(VocabKeyKind::kTypes, &form, right, near_id, 0));
  const double far_types = scoring_.second_char_prior * std::max(1.0, far_seen);
  const double p_far = (far_count + far_types * CharProbability(far)) / (near_count + far_types);
  return std::log(p_near) + std::log(p_far);
}

bool VocabModel::IsPlace(std::string_view name) const {
  const uint32_t mask = header_->place_slot_count - 1;
  for (uint32_t slot = static_cast<uint32_t>(tokenize_internal::Fnv1a64(name)) & mask;; slot = (slot + 1) & mask) {
    const uint32_t place = place_slots_[slot];
    if (place == 0) return false;
    if (String(places_[place - 1]) == name) return true;
  }
}

bool VocabModel::PlaceAt(std::string_view four_chars, bool left) const {
  // Places of two to four characters ending (left) or starting (right) at the spot.
  size_t cut = 0;
  for (int chars = 1; chars <= 4; ++chars) {
    size_t n = 0;
    if (left) {
      size_t at = four_chars.size() - cut;
      if (at == 0) break;
      n = at - text::AlignToCharStart(four_chars, at - 1);
    } else {
      if (cut >= four_chars.size()) break;
      n = text::AnnouncedCharLength(four_chars.substr(cut));
    }
    cut += n;
    if (chars < 2) continue;
    std::string_view word = left ? four_chars.substr(four_chars.size() - cut) : four_chars.substr(0, cut);
    if (IsPlace(word)) return true;
  }
  return false;
}

double VocabModel::PlaceLogProbability(const VocabBlobForm& form, bool left, bool place) const {
  double mean = header_->place_rate;
  if (form.has_tag_place_rate != 0) mean = left ? form.tag_place_left : form.tag_place_right;
  mean = std::clamp(mean, 1e-4, 0.5);
  const double seen = left ? form.place_left : form.place_right;
  const double p = (seen + scoring_.place_prior * mean) / (form.corpus + scoring_.place_prior);
  return std::log(place ? p : 1.0 - p);
}

double VocabModel::WindowLogOdds(const VocabBlobForm& original, const VocabBlobForm& spun,
                                 const VocabContext& context) const {
  // Only between two common forms (开展/发展, 工程/项目): a rare form's window is unknown, and comparing it
  // with a common form's would count every absent collocation against the common one.
  if (original.corpus < kVocabWindowMinUses || spun.corpus < kVocabWindowMinUses) return 0;
  double total = 0;
  std::vector<std::string_view> seen;  // Han bigrams already counted on this side
  for (bool left : {true, false}) {
    std::string_view window = left ? context.left_window : context.right_window;
    seen.clear();
    for (size_t i = 0, len = 0; i < window.size(); i += len) {
      len = text::AnnouncedCharLength(window.substr(i));
      size_t len2 = text::AnnouncedCharLength(window.substr(i + len));
      if (len2 == 0) break;
      std::string_view a = window.substr(i, len), b = window.substr(i + len, len2);
      if (!IsIdeographChar(a) || !IsIdeographChar(b)) continue;
      const std::string_view bigram = window.substr(i, len + len2);
      if (std::find(seen.begin(), seen.end(), bigram) != seen.end()) continue;
      seen.push_back(bigram);
      const uint32_t a_id = CharId(a), b_id = CharId(b);
      bool found = false;
      const double uses =
          a_id == 0 || b_id == 0 ? 0
                                 : static_cast<double>(Count(VocabKeyKind::kWindowUses, nullptr, !left, a_id, b_id, &found));
      if (!found) continue;  // seen with no form: says nothing
      const double rate = uses / header_->window_uses;
      const double k = scoring_.window_prior;
      const double p_original =
          (static_cast<double>(Count(VocabKeyKind::kWindow, &original, !left, a_id, b_id)) + k * rate) /
          (original.corpus + k);
      const double p_spun =
          (static_cast<double>(Count(VocabKeyKind::kWindow, &spun, !left, a_id, b_id)) + k * rate) /
          (spun.corpus + k);
      total += std::log(p_original / p_spun);
    }
  }
  return std::clamp(scoring_.window_weight * total, -scoring_.window_clip, scoring_.window_clip);
}

double VocabModel::LogOdds(const VocabPair& pair, const VocabContext& context) const {
  const VocabBlobForm* o = FindForm(pair.original);
  const VocabBlobForm* s = FindForm(pair.spun);
  if (o == nullptr || s == nullptr) return -100;
  const VocabBlobForm& original = *o;
  const VocabBlobForm& spun = *s;
  const double dictionary_weight = header_->dictionary_weight;
  // Prior: how often each reading occurs in clean text (corpus plus weighted dictionary frequency).
  const double prior = std::log((original.corpus + dictionary_weight * original.dictionary + 1) /
                                (spun.corpus + dictionary_weight * spun.dictionary + 1));
  const double left = SideLogProbability(original, true, context) - SideLogProbability(spun, true, context);
  const double right =
      SideLogProbability(original, false, context) - SideLogProbability(spun, false, context);
  double places = 0;
  if (header_->place_count > 0) {
    for (bool side_left : {true, false}) {
      const bool place = PlaceAt(side_left ? context.left4 : context.right4, side_left);
      places += PlaceLogProbability(original, side_left, place) - PlaceLogProbability(spun, side_left, place);
    }
  }
  const double window = WindowLogOdds(original, spun, context);
  return scoring_.spin_log_prior + prior + left + right + places + window;
}

}  // namespace wenshu::repair_internal
