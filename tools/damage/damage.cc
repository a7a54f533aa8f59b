#include "damage/damage.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

namespace wenshu::damage {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool StartsWith(std::string_view text, size_t at, std::string_view word) {
  return at <= text.size() && text.substr(at, word.size()) == word;
}
bool EndsWith(std::string_view text, size_t at, std::string_view word) {
  return at >= word.size() && text.substr(at - word.size(), word.size()) == word;
}

// Length of the UTF-8 sequence starting with byte c (1 for invalid lead bytes).
size_t SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

// CJK ideographs are three bytes starting E4..E9 in UTF-8.
bool HanAt(std::string_view text, size_t at) {
  if (at + 3 > text.size()) return false;
  auto c = static_cast<unsigned char>(text[at]);
  return c >= 0xE4 && c <= 0xE9;
}

const std::array<std::string_view, 3> kMaskStrings = {"2022", "2023", "2024"};

std::string PickMask(Random& random) {
  double u = random.Uniform();
  if (u < 0.2) return "2022";
  if (u < 0.8) return "2023";
  return "2024";
}

}  // namespace

bool IsYearPosition(std::string_view text, size_t begin, size_t end) {
  if (end - begin != 4) return false;
  int value = std::stoi(std::string(text.substr(begin, 4)));
  if (value < 1949 || value > 2035) return false;
  for (std::string_view w : {"年", "届", "版", "赛季", "“", "\"", "〝"}) {
    if (StartsWith(text, end, w)) return true;
  }
  for (std::string_view open : {"〔", "[", "【", "［"}) {
    if (EndsWith(text, begin, open)) return true;
  }
  // Dates (2023.4.7, 2023-04-07, 2023/4/7) and ranges of years (2021-2023, 2019至2023).
  for (std::string_view sep : {".", "-", "/", "—", "～", "~", "至", "－"}) {
    if (StartsWith(text, end, sep)) {
      size_t d = end + sep.size();
      size_t e = d;
      while (e < text.size() && IsDigit(text[e])) ++e;
      if (e - d == 4 || ((sep == "-" || sep == "/") && e - d >= 1 && e - d <= 2)) return true;
      if (sep == "." && e - d >= 1 && e - d <= 2 && StartsWith(text, e, ".")) return true;
    }
    if (EndsWith(text, begin, sep)) {
      size_t e = begin - sep.size();
      size_t d = e;
      while (d > 0 && IsDigit(text[d - 1])) --d;
      if (e - d == 4) return true;
    }
  }
  return false;
}

DamageProfile DrawProfile(Random& random, double clean_fraction) {
  DamageProfile p;
  if (random.Chance(clean_fraction)) {
    p.clean = true;
    return p;
  }
  bool masks = random.Chance(0.85);
  if (masks) {
    p.ten_mask = PickMask(random);
    p.year_masks = {p.ten_mask};
    if (random.Chance(0.3)) {
      std::string second = PickMask(random);
      if (second != p.ten_mask) p.year_masks.push_back(second);
    }
    double u = random.Uniform();
    p.ten_rate = u < 0.6 ? 1.0 : u < 0.8 ? 0.8 : 0.5;
    p.year_rate = random.Chance(0.7) ? 1.0 : 0.7;
    p.double_pass = random.Chance(0.15);
  }
  if (!masks || random.Chance(0.6)) p.percent_drop_rate = random.Chance(0.7) ? 1.0 : 0.8;
  p.site_header = random.Chance(0.3);
  p.page_footers = random.Chance(0.3);
  return p;
}

DamagedDocument Damage(std::string id, std::string source, std::string_view clean,
                       const DamageProfile& profile, Random& random) {
  DamagedDocument doc;
  doc.id = std::move(id);
  doc.source = std::move(source);
  doc.profile = profile;
  doc.original = std::string(clean);
  if (profile.clean) {
    doc.damaged = doc.original;
    return doc;
  }
  std::string& out = doc.damaged;
  out.reserve(clean.size() + 256);
  // Each distinct year value keeps one mask string, as sites map 2000 → 2022 and 2005 → 2023.
  std::vector<std::pair<std::string, std::string>> year_map;
  auto year_mask_for = [&](const std::string& year) {
    for (const auto& [y, m] : year_map) {
      if (y == year) return m;
    }
    std::string m =
        profile.year_masks.empty() ? "" : profile.year_masks[random.Below(profile.year_masks.size())];
    year_map.emplace_back(year, m);
    return m;
  };

  size_t i = 0;
  while (i < clean.size()) {
    char c = clean[i];
    if (IsDigit(c)) {
      size_t b = i;
      while (i < clean.size() && IsDigit(clean[i])) ++i;
      std::string digits(clean.substr(b, i - b));
      const bool year = IsYearPosition(clean, b, i);
      size_t out_begin = out.size();
      if (year && !profile.year_masks.empty() && random.Chance(profile.year_rate)) {
        std::string mask = year_mask_for(digits);
        out += mask;
        doc.truth.push_back({"masked_year", {out_begin, out.size()}, mask, digits});
        continue;
      }
      std::string damaged;
      bool masked_any = false;
      if (!profile.ten_mask.empty()) {
        size_t k = 0;
        while (k < digits.size()) {
          if (k + 1 < digits.size() && digits[k] == '1' && digits[k + 1] == '0' &&
              random.Chance(profile.ten_rate)) {
            damaged += profile.ten_mask;
            masked_any = true;
            k += 2;
          } else {
            damaged += digits[k++];
          }
        }
      } else {
        damaged = digits;
      }
      if (masked_any && year && profile.double_pass && damaged.size() >= 4 && !profile.year_masks.empty()) {
        // The year pass runs again over the damaged digits: 2010 → 202023 → 202223.
        damaged = year_mask_for(digits) + damaged.substr(4);
      }
      out += damaged;
      if (masked_any) {
        doc.truth.push_back({year ? "masked_year" : "masked_ten", {out_begin, out.size()}, damaged, digits});
      }
      continue;
    }
    // A percent sign after a number.
    bool ascii_percent = c == '%';
    bool wide_percent = StartsWith(clean, i, "％");
    if ((ascii_percent || wide_percent) && i > 0 && IsDigit(clean[i - 1]) && profile.percent_drop_rate > 0 &&
        random.Chance(profile.percent_drop_rate)) {
      std::string sign = ascii_percent ? "%" : "％";
      doc.truth.push_back({"dropped_percent", {out.size(), out.size()}, "", sign});
      i += sign.size();
      continue;
    }
    size_t n = std::min(SequenceLength(static_cast<unsigned char>(c)), clean.size() - i);
    out.append(clean.substr(i, n));
    i += n;
  }

  // Furniture last: insertions shift every truth span after them.
  auto insert = [&](size_t at, const std::string& text, const std::string& kind) {
    out.insert(at, text);
    for (TruthItem& t : doc.truth) {
      if (t.span.begin >= at) {
        t.span.begin += text.size();
        t.span.end += text.size();
      }
    }
    doc.truth.push_back({kind, {at, at + text.size()}, text, ""});
  };
  std::string title;
  {
    size_t nl = clean.find('\n');
    std::string_view first = clean.substr(0, nl == std::string_view::npos ? clean.size() : nl);
    for (size_t k = 0; k < first.size() && title.size() < 45;) {
      size_t n = std::min(SequenceLength(static_cast<unsigned char>(first[k])), first.size() - k);
      if (HanAt(first, k)) title.append(first.substr(k, n));
      k += n;
    }
    if (title.empty()) title = "工作报告";
  }
  if (profile.page_footers) {
    size_t page = 2;
    size_t at = 1500 + random.Below(1500);
    std::vector<size_t> points;
    while (at + 3 < out.size()) {
      // Between two ideographs, so no number or word around a digit is cut.
      while (at + 3 < out.size() && !(HanAt(out, at) && at >= 3 && HanAt(out, at - 3))) ++at;
      if (at + 3 >= out.size()) break;
      points.push_back(at);
      at += 1500 + random.Below(1500);
    }
    // Insert from the back so earlier points stay valid; number pages from the front.
    for (size_t k = points.size(); k-- > 0;) {
      insert(points[k], title + "第" + std::to_string(page + k) + "页\n", "page_footer");
    }
  }
  if (profile.site_header) {
    std::string mask = profile.ten_mask.empty() ? std::string(kMaskStrings[1]) : profile.ten_mask;
    std::string header =
        "温馨提示:\n1. "
        "本文档由用户上传,版权归属用户,文库网负责整理代发布。如果您对本文档版权有争议请及时联系客服。\n"
        "网站客服:3074922707\n" +
        mask + "\n" + title + "\n";
    insert(0, header, "site_header");
  }
  std::sort(doc.truth.begin(), doc.truth.end(),
            [](const TruthItem& a, const TruthItem& b) { return a.span.begin < b.span.begin; });
  return doc;
}

std::string ToJsonLine(const DamagedDocument& doc) {
  nlohmann::json truth = nlohmann::json::array();
  for (const TruthItem& t : doc.truth) {
    truth.push_back(
        {{"kind", t.kind}, {"span", {t.span.begin, t.span.end}}, {"text", t.text}, {"original", t.original}});
  }
  nlohmann::json profile = {{"clean", doc.profile.clean},
                            {"ten_mask", doc.profile.ten_mask},
                            {"year_masks", doc.profile.year_masks},
                            {"ten_rate", doc.profile.ten_rate},
                            {"year_rate", doc.profile.year_rate},
                            {"double_pass", doc.profile.double_pass},
                            {"percent_drop_rate", doc.profile.percent_drop_rate},
                            {"site_header", doc.profile.site_header},
                            {"page_footers", doc.profile.page_footers}};
  nlohmann::json j = {
      {"schema", "wenshu.damage/1"}, {"id", doc.id},           {"source", doc.source}, {"profile", profile},
      {"original", doc.original},    {"damaged", doc.damaged}, {"truth", truth}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool FromJsonLine(std::string_view line, DamagedDocument* doc) {
  auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("damaged")) return false;
  *doc = DamagedDocument{};
  doc->id = j.value("id", "");
  doc->source = j.value("source", "");
  doc->original = j.value("original", "");
  doc->damaged = j["damaged"].get<std::string>();
  if (j.contains("profile") && j["profile"].is_object()) {
    const auto& p = j["profile"];
    doc->profile.clean = p.value("clean", false);
    doc->profile.ten_mask = p.value("ten_mask", "");
  }
  if (j.contains("truth") && j["truth"].is_array()) {
    for (const auto& t : j["truth"]) {
      if (!t.contains("span") || !t["span"].is_array() || t["span"].size() != 2) return false;
      TruthItem item;
      item.kind = t.value("kind", "");
      item.span = {t["span"][0].get<size_t>(), t["span"][1].get<size_t>()};
      item.text = t.value("text", "");
      item.original = t.value("original", "");
      if (item.span.end < item.span.begin || item.span.end > doc->damaged.size()) return false;
      doc->truth.push_back(std::move(item));
    }
  }
  return true;
}

}  // namespace wenshu::damage
