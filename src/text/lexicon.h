// The words the stages look for (change verbs, rate words, the kinds of report a title names), written
// once. A stage that needs only some change verbs names them with PickChangeVerbs, which stops the build
// when a word is not in the lexicon, so the stages' lists cannot drift from it; a stage's own additions (a
// 了 form, a word only its context needs) are composed next to the pick with Join or Concat and say why.
#ifndef WENSHU_SRC_TEXT_LEXICON_H_
#define WENSHU_SRC_TEXT_LEXICON_H_

#include <array>
#include <cstddef>
#include <initializer_list>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace wenshu::text::lexicon {

// Verbs of an increase, two characters (较上年增加304人, 同比增长8.5%): the fact extractor's change verbs
// (quantity/facts.cc), of which repair and report use subsets.
inline constexpr std::string_view kIncreaseVerbs[] = {"增加", "增长", "提高", "上升", "上涨", "扩大", "提升", "增多"};
// Verbs of a decrease, two characters (减少52户, 下降0.3个百分点), from the same list.
inline constexpr std::string_view kDecreaseVerbs[] = {"减少", "下降", "降低", "回落", "下滑", "下跌", "缩小"};
// One-character verbs of an increase, which need a baseline (比上年多3个, 增5%), from the same list.
inline constexpr std::string_view kIncreaseChars[] = {"增", "多", "升", "涨", "高"};
// One-character verbs of a decrease (比上年少2个, 降3%), from the same list.
inline constexpr std::string_view kDecreaseChars[] = {"减", "少", "降", "跌", "低"};
// Traditional-script forms of increase verbs (增長, 擴大), as repair's multiple check reads them.
inline constexpr std::string_view kTraditionalIncreaseVerbs[] = {"增長", "擴大"};

// Words that name a rate or a share, which a figure in percent follows (就业率达95%, 占比12.3%): the words
// repair's two rate checks had in common (repair/number_masks.cc, repair/dropped_percent.cc), in their order
// (each tries them in turn and takes the first found).
inline constexpr std::string_view kRateWords[] = {"率", "比重", "比例", "占比"};

// The words a document-sharing site's notice speaks to its reader in (`下面是小编为大家整理的…,供大家参考借鉴,欢迎
//阅读。`): of the clean corpora's 39,281 sentences none holds two of them (172 hold one: 大家知道, 全民阅读, 规范
// 文化); every sentence of issue 14's seven real sets that holds three is a site's notice (32, holding 3 to 6).
inline constexpr std::string_view kSiteNoticeWords[] = {"范文", "参考", "借鉴", "小编", "整理", "欢迎", "阅读", "大家"};

// The kinds of report a title names (上半年工作总结, 政府工作报告, 述职报告): the title words report/heading.cc
// and repair's site-line title check (repair/site_lines.h) had in common; each adds kinds of its own.
inline constexpr std::string_view kReportKindLabels[] = {"总结", "报告", "计划", "要点", "规划", "汇报", "述职"};
// The same kinds in traditional script (報告, 總結), as repair's site-line title check reads them.
inline constexpr std::string_view kReportKindLabelsTraditional[] = {"總結", "報告", "計劃", "規劃",
                                                                    "匯報", "述職", "要點"};

// Whether word is one of words.
consteval bool In(std::span<const std::string_view> words, std::string_view word) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

// A caller's subset of the change verbs (any of the classes above), in the caller's order.
template <size_t M>
consteval std::array<std::string_view, M> PickChangeVerbs(const std::string_view (&words)[M]) {
  std::array<std::string_view, M> picked{};
  for (size_t i = 0; i < M; ++i) {
    if (!In(kIncreaseVerbs, words[i]) && !In(kDecreaseVerbs, words[i]) && !In(kIncreaseChars, words[i]) &&
        !In(kDecreaseChars, words[i]) && !In(kTraditionalIncreaseVerbs, words[i])) {
      throw "PickChangeVerbs: the word is not one of the lexicon's change verbs";
    }
    picked[i] = words[i];
  }
  return picked;
}

// The length of a word list known at compile time (a C array or a std::array).
template <class List>
struct StaticSize : std::extent<List> {};
template <size_t N>
struct StaticSize<std::array<std::string_view, N>> : std::integral_constant<size_t, N> {};

// Word lists (C arrays or picks) as one array, in order, for a caller that needs a constant.
template <class... Lists>
consteval std::array<std::string_view, (StaticSize<Lists>::value + ...)> Join(const Lists&... lists) {
  std::array<std::string_view, (StaticSize<Lists>::value + ...)> joined{};
  size_t next = 0;
  auto append = [&](std::span<const std::string_view> list) {
    for (std::string_view w : list) joined[next++] = w;
  };
  (append(lists), ...);
  return joined;
}

// The concatenation of word lists, in order (callers that match the first word that fits keep their order).
inline std::vector<std::string_view> Concat(std::initializer_list<std::span<const std::string_view>> parts) {
  std::vector<std::string_view> all;
  for (std::span<const std::string_view> part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

// Each word with the perfective 了 after it (增加了, 下降了). The composed words are kept once each in a pool
// that lives as long as the program, as the callers' word lists do, so a view of them never dangles and a
// second call with the same words adds nothing.
inline std::vector<std::string_view> Perfective(std::span<const std::string_view> words) {
  static std::mutex* pool_mutex = new std::mutex;
  static std::set<std::string, std::less<>>* pool = new std::set<std::string, std::less<>>;
  std::lock_guard<std::mutex> lock(*pool_mutex);
  std::vector<std::string_view> out;
  for (std::string_view w : words) out.push_back(*pool->insert(std::string(w) + "了").first);
  return out;
}

}  // namespace wenshu::text::lexicon

#endif  // WENSHU_SRC_TEXT_LEXICON_H_
