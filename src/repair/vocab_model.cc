// The spun-vocabulary model: parsing the compiled-in table and scoring a spot.
#include "repair/vocab_model.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace wenshu::repair_internal {
namespace {

// The table, embedded at build time from src/repair/data/vocab_model.tsv.
constexpr char kEmbeddedModel[] =
#include "repair/vocab_model_data.inc"
    ;

std::string Unescape(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out.push_back(n == 'n' ? '\n' : n == 't' ? '\t' : n);
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Forms seen fewer times than this in clean text get no collocation-window evidence.
constexpr double kWindowMinUses = 30;

absl::string_view AV(std::string_view s) { return absl::string_view(s.data(), s.size()); }

absl::Status RowError(size_t line, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("vocabulary model line ", line, ": ", why));
}

// One code point (as UTF-8) before `at`, moving `at` back; "" at the start or on invalid bytes.
std::string_view PreviousChar(std::string_view text, size_t& at) {
  if (at == 0) return {};
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(s, 0, i, c);
  if (c < 0) return {};
  std::string_view out = text.substr(static_cast<size_t>(i), at - static_cast<size_t>(i));
  at = static_cast<size_t>(i);
  return out;
}

std::string_view NextChar(std::string_view text, size_t& at) {
  if (at >= text.size()) return {};
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
  if (c < 0) return {};
  std::string_view out = text.substr(at, static_cast<size_t>(i) - at);
  at = static_cast<size_t>(i);
  return out;
}

size_t FirstCharLength(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char lead = static_cast<unsigned char>(s[0]);
  size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(n, s.size());
}

bool IsHan(std::string_view utf8_char) {
  if (utf8_char.size() < 3) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8_char.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(utf8_char.size()), c);
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

}  // namespace

std::string NormalizeContextChar(std::string_view utf8_char) {
  if (utf8_char.empty()) return "\n";
  const auto* s = reinterpret_cast<const uint8_t*>(utf8_char.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(utf8_char.size()), c);
  if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) return "0";
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xFF21 && c <= 0xFF3A) ||
      (c >= 0xFF41 && c <= 0xFF5A)) {
    return "a";
  }
  if (c == '\r' || c == '\n') return "\n";
  if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0) return " ";
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
  return std::string(utf8_char);
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
  VocabModel model;
  size_t line_number = 0;
  bool saw_version = false;
  for (absl::string_view line : absl::StrSplit(absl::string_view(table.data(), table.size()), '\n')) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> f = absl::StrSplit(line, '\t');
    auto number = [&](size_t index, double* out) {
      return index < f.size() && absl::SimpleAtod(f[index], out);
    };
    const absl::string_view kind = f[0];
    if (!saw_version) {
      if (kind != "V" || f.size() < 4 || f[1] != "wenshu-vocab-model") {
        return RowError(line_number, "the table must start with a 'V\twenshu-vocab-model' row");
      }
      int version = 0;
      if (!absl::SimpleAtoi(f[2], &version) || version != kFormatVersion) {
        return RowError(line_number, absl::StrCat("format version ", f[2], " is not the supported ",
                                                  kFormatVersion));
      }
      model.version_ = std::string(line.substr(2));
      saw_version = true;
      continue;
    }
    if (kind == "U") {
      double n = 0;
      if (f.size() != 3 || !number(2, &n)) return RowError(line_number, "bad unigram row");
      model.unigrams_[Unescape(f[1])] = n;
    } else if (kind == "T") {
      if (f.size() != 3 || !number(2, &model.total_chars_) || model.total_chars_ <= 0) {
        return RowError(line_number, "bad total row");
      }
    } else if (kind == "W") {
      if (f.size() != 3 || f[1] != "dict_weight" || !number(2, &model.dictionary_weight_) ||
          model.dictionary_weight_ < 0) {
        return RowError(line_number, "bad weight row");
      }
    } else if (kind == "P") {
      VocabPair pair;
      if (f.size() != 4 || !absl::SimpleAtoi(f[1], &pair.family) || f[2].empty() || f[3].empty() ||
          f[2] == f[3]) {
        return RowError(line_number, "bad pair row");
      }
      pair.spun = std::string(f[2]);
      pair.original = std::string(f[3]);
      model.pairs_.push_back(std::move(pair));
    } else if (kind == "F") {
      FormStats& form = model.forms_[std::string(f[1])];
      if (f.size() != 8 || !number(2, &form.corpus) || !number(3, &form.dictionary) ||
          !number(4, &form.dictionary_left_total) || !number(5, &form.dictionary_right_total) ||
          !number(6, &form.dictionary_left_words) || !number(7, &form.dictionary_right_words)) {
        return RowError(line_number, "bad form row");
      }
    } else if (kind == "G") {
      if (f.size() != 3 || f[1] != "place_rate" || !number(2, &model.place_rate_) || model.place_rate_ < 0 ||
          model.place_rate_ >= 1) {
        return RowError(line_number, "bad place-rate row");
      }
    } else if (kind == "K") {
      auto it = model.forms_.find(f[1]);
      if (f.size() != 3 || it == model.forms_.end()) return RowError(line_number, "bad tag row");
      it->second.tag = std::string(f[2]);
    } else if (kind == "A") {
      auto it = model.forms_.find(f[1]);
      double n = 0;
      if (f.size() != 4 || it == model.forms_.end() || (f[2] != "L" && f[2] != "R") || !number(3, &n)) {
        return RowError(line_number, "bad place-count row");
      }
      (f[2] == "L" ? it->second.place_left : it->second.place_right) = n;
    } else if (kind == "B") {
      auto it = model.forms_.find(f[1]);
      double n = 0;
      if (f.size() != 5 || it == model.forms_.end() || (f[2] != "L" && f[2] != "R") || f[3].empty() ||
          !number(4, &n)) {
        return RowError(line_number, "bad window row");
      }
      it->second.window[absl::StrCat(f[2], f[3])] = n;
    } else if (kind == "N") {
      if (f.size() != 2 || f[1].empty()) return RowError(line_number, "bad place row");
      model.places_.insert(std::string(f[1]));
    } else if (kind == "C") {
      if (f.size() != 7) return RowError(line_number, "bad context row");
      auto it = model.forms_.find(f[1]);
      if (it == model.forms_.end()) return RowError(line_number, "context row before its form row");
      if (f[2] != "L1" && f[2] != "L2" && f[2] != "R1" && f[2] != "R2") {
        return RowError(line_number, "bad context side");
      }
      Count count;
      if (!number(4, &count.corpus) || !number(5, &count.dictionary) || !number(6, &count.dictionary_words)) {
        return RowError(line_number, "bad context counts");
      }
      it->second.contexts[absl::StrCat(f[2], Unescape(f[3]))] = count;
    } else {
      return RowError(line_number, absl::StrCat("unknown row kind '", kind, "'"));
    }
  }
  if (!saw_version) return absl::InvalidArgumentError("vocabulary model is empty");
  // Place rates per part of speech, pooled over the forms that have it.
  absl::flat_hash_map<std::string, std::array<double, 3>> pooled;  // tag -> left, right, count
  for (const auto& [name, form] : model.forms_) {
    auto& p = pooled[form.tag];
    p[0] += form.place_left;
    p[1] += form.place_right;
    p[2] += form.corpus;
  }
  double uses = 0;
  for (const auto& [name, form] : model.forms_) {
    uses += form.corpus;
    for (const auto& [key, n] : form.window) model.window_rates_[key] += n;
  }
  for (auto& [key, n] : model.window_rates_) n /= std::max(1.0, uses);
  for (const auto& [tag, p] : pooled) {
    if (p[2] >= 100) model.tag_place_rates_[tag] = {p[0] / p[2], p[1] / p[2]};
  }
  for (auto& [name, form] : model.forms_) {
    for (const auto& [key, count] : form.contexts) {
      if (count.corpus <= 0) continue;
      std::string_view side = std::string_view(key).substr(0, 2);
      std::string_view chars = std::string_view(key).substr(2);
      if (side == "L1" || side == "R1") {
        form.types[AV(side)] += 1;
      } else {
        // The near character is the last of an L2 key and the first of an R2 key.
        size_t first = FirstCharLength(chars);
        std::string_view near = side == "L2" ? chars.substr(first) : chars.substr(0, first);
        form.types[absl::StrCat(std::string(side), std::string(near))] += 1;
      }
    }
  }
  if (model.total_chars_ <= 0) return absl::InvalidArgumentError("vocabulary model has no total row");
  for (const VocabPair& pair : model.pairs_) {
    if (!model.forms_.contains(pair.spun) || !model.forms_.contains(pair.original)) {
      return absl::InvalidArgumentError(absl::StrCat("vocabulary model has no statistics for the pair ",
                                                     pair.spun, "→", pair.original));
    }
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
    auto parsed = VocabModel::Parse(std::string_view(kEmbeddedModel, sizeof(kEmbeddedModel) - 1));
    if (parsed.ok()) {
      out->model = *std::move(parsed);
    } else {
      out->status = parsed.status();
    }
    return out;
  }();
  return *loaded;
}
}  // namespace

const VocabModel& VocabModel::Default() { return LoadDefault().model; }
absl::Status VocabModel::DefaultStatus() { return LoadDefault().status; }

int64_t VocabModel::CorpusCount(std::string_view form) const {
  auto it = forms_.find(AV(form));
  return it == forms_.end() ? 0 : static_cast<int64_t>(it->second.corpus);
}

double VocabModel::CleanRatePerMillion(std::string_view form) const {
  return total_chars_ > 0 ? 1e6 * static_cast<double>(CorpusCount(form)) / total_chars_ : 0;
}

double VocabModel::CharProbability(std::string_view c) const {
  auto it = unigrams_.find(AV(c));
  double n = it == unigrams_.end() ? 0 : it->second;
  // Add-half smoothing over a generous alphabet, so unseen characters keep a small probability.
  return (n + 0.5) / (total_chars_ + 0.5 * 20000);
}

double VocabModel::ContextCount(const FormStats& form, std::string_view key) const {
  auto it = form.contexts.find(AV(key));
  if (it == form.contexts.end()) return 0;
  return it->second.corpus + dictionary_weight_ * it->second.dictionary +
         scoring_.dictionary_word_weight * it->second.dictionary_words;
}

double VocabModel::Types(const FormStats& form, std::string_view key) const {
  auto it = form.types.find(AV(key));
  return it == form.types.end() ? 0 : it->second;
}

double VocabModel::SideLogProbability(const FormStats& form, bool left,
                                      const VocabContext& context) const {
  const std::string& near = left ? context.left1 : context.right1;
  const std::string& far = left ? context.left2 : context.right2;
  const double side_total =
      form.corpus + dictionary_weight_ * (left ? form.dictionary_left_total : form.dictionary_right_total) +
      scoring_.dictionary_word_weight * (left ? form.dictionary_left_words : form.dictionary_right_words);
  // P(near | form), backing off to the character's overall frequency.
  const double near_count = ContextCount(form, absl::StrCat(left ? "L1" : "R1", near));
  const double near_types = scoring_.context_prior * std::max(1.0, Types(form, left ? "L1" : "R1"));
  const double p_near = (near_count + near_types * CharProbability(near)) / (side_total + near_types);
  // Across punctuation, a line break, a number or a Latin word the far character says nothing about the
  // form (and its counts are too sparse to trust): only a Han near character carries the far one.
  if (!IsHan(near)) return std::log(p_near);
  // P(far | near, form): the two-character context, backing off to the far character's frequency.
  const std::string pair_key = left ? absl::StrCat("L2", far, near) : absl::StrCat("R2", near, far);
  const double far_count = ContextCount(form, pair_key);
  const double far_types =
      scoring_.second_char_prior * std::max(1.0, Types(form, absl::StrCat(left ? "L2" : "R2", near)));
  const double p_far = (far_count + far_types * CharProbability(far)) / (near_count + far_types);
  return std::log(p_near) + std::log(p_far);
}

bool VocabModel::PlaceAt(std::string_view four_chars, bool left) const {
  // Places of two to four characters ending (left) or starting (right) at the spot.
  size_t cut = 0;
  for (int chars = 1; chars <= 4; ++chars) {
    size_t n = 0;
    if (left) {
      size_t at = four_chars.size() - cut;
      if (at == 0) break;
      size_t b = at - 1;
      while (b > 0 && (static_cast<unsigned char>(four_chars[b]) & 0xC0) == 0x80) --b;
      n = at - b;
    } else {
      if (cut >= four_chars.size()) break;
      n = FirstCharLength(four_chars.substr(cut));
    }
    cut += n;
    if (chars < 2) continue;
    std::string_view word = left ? four_chars.substr(four_chars.size() - cut) : four_chars.substr(0, cut);
    if (places_.contains(AV(word))) return true;
  }
  return false;
}

double VocabModel::PlaceLogProbability(const FormStats& form, bool left, bool place) const {
  double mean = place_rate_;
  if (auto it = tag_place_rates_.find(AV(form.tag)); it != tag_place_rates_.end()) {
    mean = left ? it->second.first : it->second.second;
  }
  mean = std::clamp(mean, 1e-4, 0.5);
  const double seen = left ? form.place_left : form.place_right;
  const double p = (seen + scoring_.place_prior * mean) / (form.corpus + scoring_.place_prior);
  return std::log(place ? p : 1.0 - p);
}

double VocabModel::WindowLogOdds(const FormStats& original, const FormStats& spun,
                                 const VocabContext& context) const {
  // Only between two common forms (开展/发展, 工程/项目): a rare form's window is unknown, and comparing it
  // with a common form's would count every absent collocation against the common one.
  if (original.corpus < kWindowMinUses || spun.corpus < kWindowMinUses) return 0;
  double total = 0;
  for (bool left : {true, false}) {
    std::string_view window = left ? context.left_window : context.right_window;
    absl::flat_hash_set<std::string> seen;
    for (size_t i = 0, len = 0; i < window.size(); i += len) {
      len = FirstCharLength(window.substr(i));
      size_t len2 = FirstCharLength(window.substr(i + len));
      if (len2 == 0) break;
      std::string_view a = window.substr(i, len), b = window.substr(i + len, len2);
      if (!IsHan(a) || !IsHan(b)) continue;
      std::string key = absl::StrCat(left ? "L" : "R", std::string(a), std::string(b));
      if (!seen.insert(key).second) continue;
      auto rate = window_rates_.find(key);
      if (rate == window_rates_.end()) continue;  // seen with no form: says nothing
      auto count = [&](const FormStats& f) {
        auto it = f.window.find(key);
        return it == f.window.end() ? 0.0 : it->second;
      };
      const double k = scoring_.window_prior;
      const double p_original = (count(original) + k * rate->second) / (original.corpus + k);
      const double p_spun = (count(spun) + k * rate->second) / (spun.corpus + k);
      total += std::log(p_original / p_spun);
    }
  }
  return std::clamp(scoring_.window_weight * total, -scoring_.window_clip, scoring_.window_clip);
}

double VocabModel::LogOdds(const VocabPair& pair, const VocabContext& context) const {
  auto o = forms_.find(pair.original);
  auto s = forms_.find(pair.spun);
  if (o == forms_.end() || s == forms_.end()) return -100;
  const FormStats& original = o->second;
  const FormStats& spun = s->second;
  // Prior: how often each reading occurs in clean text (corpus plus weighted dictionary frequency).
  const double prior = std::log((original.corpus + dictionary_weight_ * original.dictionary + 1) /
                                (spun.corpus + dictionary_weight_ * spun.dictionary + 1));
  const double left = SideLogProbability(original, true, context) - SideLogProbability(spun, true, context);
  const double right =
      SideLogProbability(original, false, context) - SideLogProbability(spun, false, context);
  double places = 0;
  if (!places_.empty()) {
    for (bool side_left : {true, false}) {
      const bool place = PlaceAt(side_left ? context.left4 : context.right4, side_left);
      places += PlaceLogProbability(original, side_left, place) - PlaceLogProbability(spun, side_left, place);
    }
  }
  const double window = WindowLogOdds(original, spun, context);
  return scoring_.spin_log_prior + prior + left + right + places + window;
}

}  // namespace wenshu::repair_internal
