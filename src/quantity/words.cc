// Ordinary words that contain numeral characters (一些, 统一, 进一步, 十分, 四川): a bare Chinese numeral
// inside one of them is not a number.
#include "quantity/words.h"

#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "quantity/numeral.h"

namespace wenshu::quantity_internal {
namespace {

// Words and idioms from report language and general text. A numeral inside any of these, spanning
// exactly the numeral characters shown, is not a number.
constexpr std::string_view kNumeralWords[] = {
    // 一
    "一切", "壹切", "一看", "一些", "一起", "一直", "一定", "一般", "一致", "一样", "一体", "一道", "一律",
    "一系列", "一贯", "一流", "一线", "一举", "一番", "一旦", "一向", "一再", "一并", "一同", "一经",
    "一时", "一下", "一心", "一手", "一把手", "一带一路", "一站式", "一揽子", "一刀切", "一窝蜂",
    "一味", "一概", "一面", "一方面", "一度", "一律", "一致性", "一早", "一路", "一身", "一辈子", "一边",
    "一头", "一块儿", "一会儿", "一点儿", "一丝", "一毫", "一环", "一级", "一手抓", "一盘棋", "一张蓝图",
    "一号工程", "一票否决", "一岗双责", "一事一议", "一村一品", "一户一策", "一人一档", "一对一",
    "一网通办", "一门式", "一站", "一窗", "一次性", "一体化", "一元化", "一揽子", "一如既往", "一以贯之",
    "一鼓作气", "一心一意", "一丝不苟", "一往无前", "一抓到底", "一针见血", "一视同仁", "一目了然",
    "统一", "唯一", "同一", "划一", "均一", "逐一", "专一", "单一", "万一", "进一步", "另一方面",
    "之一", "合一", "一成不变", "二次创业", "一大", "一大批", "一年来", "一年一度", "归一", "不一", "第一时间", "一一", "一无所", "看一看", "试一试", "想一想", "一律",
    // 二 两 三 四 五 六 七 八 九 十 百 千 万
    "二手", "二维码", "两岸", "两会", "两者", "两手", "两难", "两委", "两翼", "两个维护", "两学一做",
    "三农", "三令五申", "三番五次", "四川", "四面八方", "五湖四海", "五花八门", "七上八下", "乱七八糟",
    "九州", "十分", "十足", "十全十美", "百姓", "百花齐放", "千方百计", "千家万户", "千辛万苦",
    "万众一心", "万无一失", "万物", "万象", "万家", "一五一十", "三三两两", "两两", "九九",
    "五四运动", "七一", "八一", "五一", "十一五", "十二五", "十三五", "十四五", "十五五",
    "七一讲话", "五位一体", "四个全面", "四个意识", "四个自信", "三严三实", "三会一课",
    // single financial numerals that are ordinary characters
    "入伍", "队伍", "退伍", "伍仁", "收拾", "拾取", "拾起", "拾到", "拾遗", "夕拾", "放肆", "肆意",
    "肆无忌惮", "肆虐", "大陆", "陆地", "陆续", "着陆", "登陆", "海陆", "陆军", "陆路", "内陆",
};

class WordTable {
 public:
  WordTable() {
    for (std::string_view w : kNumeralWords) words_.insert(absl::string_view(w.data(), w.size()));
  }
  bool Contains(std::string_view w) const { return words_.contains(absl::string_view(w.data(), w.size())); }

 private:
  absl::flat_hash_set<absl::string_view> words_;
};

const WordTable& Words() {
  static const WordTable* table = new WordTable();
  return *table;
}

bool IsLoneFinancialCharacter(char32_t c) {
  switch (c) {
    case U'伍': case U'陆': case U'陸': case U'拾': case U'肆': case U'柒': case U'捌': case U'玖':
    case U'佰': case U'仟': case U'幺':
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsNumeralWord(std::string_view text, size_t begin, size_t end) {
  // Only short runs can be part of a word; 一千二百 is a number whatever surrounds it.
  size_t chars = 0;
  char32_t only = 0;
  for (size_t i = begin; i < end;) {
    size_t len;
    only = DecodeAt(text, i, &len);
    i += len;
    ++chars;
  }
  if (chars > 2) return false;
  if (chars == 1 && IsLoneFinancialCharacter(only)) {
    // 肆角叁分, 伍元: a financial numeral before a money unit is a number.
    size_t len;
    char32_t next = end < text.size() ? DecodeAt(text, end, &len) : 0;
    return !(next == U'元' || next == U'圆' || next == U'角' || next == U'分');
  }
  // Windows of up to three characters on each side that contain the run.
  size_t starts[4] = {begin, begin, begin, begin};
  size_t n_starts = 1;
  for (size_t k = 1; k < 4; ++k) {
    size_t len;
    char32_t c = DecodeBefore(text, starts[k - 1], &len);
    if (len == 0 || c == kInvalidCodePoint || c < 0x80) break;
    starts[k] = starts[k - 1] - len;
    ++n_starts;
  }
  size_t ends[4] = {end, end, end, end};
  size_t n_ends = 1;
  for (size_t k = 1; k < 4; ++k) {
    if (ends[k - 1] >= text.size()) break;
    size_t len;
    char32_t c = DecodeAt(text, ends[k - 1], &len);
    if (c == kInvalidCodePoint || c < 0x80) break;
    ends[k] = ends[k - 1] + len;
    ++n_ends;
  }
  const WordTable& words = Words();
  for (size_t s = 0; s < n_starts; ++s) {
    for (size_t e = 0; e < n_ends; ++e) {
      if (s + e + chars < 2) continue;
      if (words.Contains(text.substr(starts[s], ends[e] - starts[s]))) return true;
    }
  }
  return false;
}

}  // namespace wenshu::quantity_internal
