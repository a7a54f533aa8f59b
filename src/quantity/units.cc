// Units and measure words as found in work reports.
#include "quantity/units.h"

#include <algorithm>
#include <array>
#include <vector>

namespace wenshu::quantity_internal {
namespace {

using K = QuantityKind;

constexpr UnitInfo kUnits[] = {
    // Money: value in 元 (other currencies keep their own unit).
    {"万亿元", "元", K::kMoney, 12}, {"亿元", "元", K::kMoney, 8}, {"万元", "元", K::kMoney, 4},
    {"千元", "元", K::kMoney, 3}, {"百元", "元", K::kMoney, 2}, {"元", "元", K::kMoney, 0},
    {"圆", "元", K::kMoney, 0}, {"人民币", "元", K::kMoney, 0}, {"元人民币", "元", K::kMoney, 0},
    {"亿美元", "美元", K::kMoney, 8}, {"万美元", "美元", K::kMoney, 4}, {"美元", "美元", K::kMoney, 0},
    {"亿港元", "港元", K::kMoney, 8}, {"万港元", "港元", K::kMoney, 4}, {"港元", "港元", K::kMoney, 0},
    {"港币", "港元", K::kMoney, 0}, {"亿欧元", "欧元", K::kMoney, 8}, {"万欧元", "欧元", K::kMoney, 4},
    {"欧元", "欧元", K::kMoney, 0}, {"日元", "日元", K::kMoney, 0}, {"日币", "日元", K::kMoney, 0},
    {"英镑", "英镑", K::kMoney, 0}, {"新台币", "新台币", K::kMoney, 0}, {"台币", "新台币", K::kMoney, 0},
    {"泰铢", "泰铢", K::kMoney, 0}, {"卢布", "卢布", K::kMoney, 0}, {"韩元", "韩元", K::kMoney, 0},
    {"澳元", "澳元", K::kMoney, 0}, {"加元", "加元", K::kMoney, 0}, {"港幣", "港元", K::kMoney, 0},
    {"人民幣", "元", K::kMoney, 0}, {"块钱", "元", K::kMoney, 0}, {"元钱", "元", K::kMoney, 0},
    // Percentages and percentage points.
    {"%", "%", K::kPercent, 0}, {"％", "%", K::kPercent, 0}, {"个百分点", "个百分点", K::kPercentagePoint, 0},
    {"百分点", "个百分点", K::kPercentagePoint, 0}, {"個百分點", "个百分点", K::kPercentagePoint, 0},
    {"‰", "‰", K::kPercent, 0},
    // Multiples.
    {"倍", "倍", K::kPlain, 0}, {"成", "%", K::kPercent, 1},
    // Measures.
    {"平方公里", "平方公里", K::kMeasure, 0}, {"平方千米", "平方公里", K::kMeasure, 0},
    {"万平方米", "平方米", K::kMeasure, 4}, {"平方米", "平方米", K::kMeasure, 0},
    {"万立方米", "立方米", K::kMeasure, 4}, {"立方米", "立方米", K::kMeasure, 0},
    {"公里", "公里", K::kMeasure, 0}, {"千米", "公里", K::kMeasure, 0}, {"厘米", "厘米", K::kMeasure, 0},
    {"毫米", "毫米", K::kMeasure, 0}, {"米", "米", K::kMeasure, 0}, {"公顷", "公顷", K::kMeasure, 0},
    {"万亩", "亩", K::kMeasure, 4}, {"亩", "亩", K::kMeasure, 0}, {"亿吨", "吨", K::kMeasure, 8},
    {"万吨", "吨", K::kMeasure, 4}, {"吨", "吨", K::kMeasure, 0}, {"公斤", "千克", K::kMeasure, 0},
    {"千克", "千克", K::kMeasure, 0}, {"毫克", "毫克", K::kMeasure, 0}, {"克", "克", K::kMeasure, 0},
    {"斤", "斤", K::kMeasure, 0}, {"秒钟", "秒", K::kMeasure, 0}, {"秒", "秒", K::kMeasure, 0},
    {"亿千瓦时", "千瓦时", K::kMeasure, 8}, {"万千瓦时", "千瓦时", K::kMeasure, 4},
    {"千瓦时", "千瓦时", K::kMeasure, 0}, {"万千瓦", "千瓦", K::kMeasure, 4}, {"千瓦", "千瓦", K::kMeasure, 0},
    {"兆瓦", "兆瓦", K::kMeasure, 0}, {"亿千瓦", "千瓦", K::kMeasure, 8}, {"吉瓦", "吉瓦", K::kMeasure, 0},
    {"兆瓦时", "兆瓦时", K::kMeasure, 0}, {"万千伏安", "千伏安", K::kMeasure, 4},
    {"千伏安", "千伏安", K::kMeasure, 0}, {"千伏", "千伏", K::kMeasure, 0}, {"伏", "伏", K::kMeasure, 0},
    // Concentrations (air quality: PM2.5 细颗粒物 in 微克/立方米).
    {"微克/立方米", "微克/立方米", K::kMeasure, 0}, {"微克每立方米", "微克/立方米", K::kMeasure, 0},
    {"毫克/立方米", "毫克/立方米", K::kMeasure, 0}, {"毫克/升", "毫克/升", K::kMeasure, 0},
    {"微克", "微克", K::kMeasure, 0}, {"升", "升", K::kMeasure, 0}, {"毫升", "毫升", K::kMeasure, 0},
    {"小时", "小时", K::kMeasure, 0}, {"小時", "小时", K::kMeasure, 0}, {"分钟", "分钟", K::kMeasure, 0},
    {"分鐘", "分钟", K::kMeasure, 0}, {"秒鐘", "秒", K::kMeasure, 0}, {"個月", "个月", K::kMeasure, 0},
    {"度", "度", K::kMeasure, 0}, {"个月", "个月", K::kMeasure, 0},
    {"周岁", "岁", K::kMeasure, 0}, {"岁", "岁", K::kMeasure, 0}, {"天", "天", K::kMeasure, 0},
    {"摄氏度", "℃", K::kMeasure, 0}, {"℃", "℃", K::kMeasure, 0}, {"标箱", "标箱", K::kMeasure, 0},
    {"年", "年", K::kMeasure, 0}, {"周年", "周年", K::kMeasure, 0}, {"周", "周", K::kMeasure, 0}, {"个工作日", "个工作日", K::kMeasure, 0},
    {"工作日", "个工作日", K::kMeasure, 0},
    // Counts (measure words).
    {"人/次", "人次", K::kCount, 0}, {"人次", "人次", K::kCount, 0}, {"户次", "户次", K::kCount, 0},
    {"人", "人", K::kCount, 0}, {"户", "户", K::kCount, 0}, {"所", "所", K::kCount, 0},
    {"个", "个", K::kCount, 0}, {"個", "个", K::kCount, 0}, {"家", "家", K::kCount, 0},
    {"张", "张", K::kCount, 0}, {"条", "条", K::kCount, 0}, {"项", "项", K::kCount, 0},
    {"件", "件", K::kCount, 0}, {"名", "名", K::kCount, 0}, {"位", "位", K::kCount, 0},
    {"座", "座", K::kCount, 0}, {"处", "处", K::kCount, 0}, {"栋", "栋", K::kCount, 0},
    {"幢", "幢", K::kCount, 0}, {"间", "间", K::kCount, 0}, {"辆", "辆", K::kCount, 0},
    {"台", "台", K::kCount, 0}, {"套", "套", K::kCount, 0}, {"场", "场", K::kCount, 0},
    {"次", "次", K::kCount, 0}, {"批", "批", K::kCount, 0}, {"期", "期", K::kCount, 0},
    {"届", "届", K::kCount, 0}, {"份", "份", K::kCount, 0}, {"篇", "篇", K::kCount, 0},
    {"部", "部", K::kCount, 0}, {"支", "支", K::kCount, 0}, {"只", "只", K::kCount, 0},
    {"头", "头", K::kCount, 0}, {"匹", "匹", K::kCount, 0}, {"株", "株", K::kCount, 0},
    {"棵", "棵", K::kCount, 0}, {"本", "本", K::kCount, 0}, {"册", "册", K::kCount, 0},
    {"种", "种", K::kCount, 0}, {"类", "类", K::kCount, 0}, {"例", "例", K::kCount, 0},
    {"起", "起", K::kCount, 0}, {"宗", "宗", K::kCount, 0}, {"笔", "笔", K::kCount, 0},
    {"片", "片", K::kCount, 0}, {"对", "对", K::kCount, 0}, {"双", "双", K::kCount, 0},
    {"组", "组", K::kCount, 0}, {"支队", "支队", K::kCount, 0}, {"队", "队", K::kCount, 0},
    {"村", "村", K::kCount, 0}, {"镇", "镇", K::kCount, 0}, {"乡", "乡", K::kCount, 0},
    {"口", "口", K::kCount, 0}, {"门", "门", K::kCount, 0}, {"节", "节", K::kCount, 0},
    {"课时", "课时", K::kCount, 0}, {"学时", "学时", K::kCount, 0}, {"架", "架", K::kCount, 0},
    {"艘", "艘", K::kCount, 0}, {"枚", "枚", K::kCount, 0}, {"块", "块", K::kCount, 0},
    {"床", "床", K::kCount, 0}, {"员", "员", K::kCount, 0}, {"首", "首", K::kCount, 0},
    {"幅", "幅", K::kCount, 0}, {"轮", "轮", K::kCount, 0}, {"份儿", "份", K::kCount, 0},
};

// Units sorted longest first per first byte, so that 人次 wins over 人 and 个百分点 over 个.
class UnitTable {
 public:
  UnitTable() {
    for (const UnitInfo& u : kUnits) {
      by_first_byte_[static_cast<unsigned char>(u.written[0])].push_back(&u);
    }
    for (auto& list : by_first_byte_) {
      std::stable_sort(list.begin(), list.end(), [](const UnitInfo* a, const UnitInfo* b) {
        return a->written.size() > b->written.size();
      });
    }
  }
  const UnitInfo* Match(std::string_view text, size_t pos) const {
    if (pos >= text.size()) return nullptr;
    for (const UnitInfo* u : by_first_byte_[static_cast<unsigned char>(text[pos])]) {
      if (text.substr(pos, u->written.size()) == u->written) return u;
    }
    return nullptr;
  }

 private:
  std::array<std::vector<const UnitInfo*>, 256> by_first_byte_;
};

}  // namespace

const UnitInfo* MatchUnit(std::string_view text, size_t pos) {
  static const UnitTable* table = new UnitTable();
  return table->Match(text, pos);
}

std::string_view FindUnitName(std::string_view unit) {
  for (const UnitInfo& u : kUnits) {
    if (u.unit == unit) return u.unit;
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
