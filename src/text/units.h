// The unit and measure words of work reports, written once: what the fact reader types (77万元 is money in
// 元, scaled by 10^4), what the tokenizer splits off a number as a unit token, and what repair accepts after a
// masked figure's digits. Each reader takes the words flagged for it; the flags keep what each read before
// the lists were merged (three tables had drifted apart), so a word added for one reader is a decision
// about the others too: add it with the readers it was measured for.
#ifndef WENSHU_SRC_TEXT_UNITS_H_
#define WENSHU_SRC_TEXT_UNITS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wenshu::text {

enum class UnitKind : uint8_t {
  kCount,             // a measure word of things: 人, 所, 人次
  kMoney,             // 元 and other currencies
  kPercent,           // %, ‰, 成
  kPercentagePoint,   // 个百分点
  kMeasure,           // 平方米, 公里, 吨, 小时
  kPlain,             // a multiple: 倍
  kMagnitude,         // 万, 亿: a scale, not a unit (a masked figure's digits may end before one)
  kApproximate,       // 余, 多 after a figure
};

// Which readers take a word (UnitWord::readers).
enum UnitReader : uint8_t {
  kTypedByFacts = 1,       // the fact reader types and scales figures in it (quantity stage)
  kTokenAfterNumber = 2,   // the tokenizer splits it off a number (3个 → 3 + 个)
  kTokenAfterNumeral = 4,  // ... and off a CJK numeral inside a word too (一个 → 一 + 个); 起 分 点 度 are
                           // not: they form ordinary words with 一 (一起, 十分)
  kFollowsDigits = 8,      // repair reads it as the unit after a figure's digits (number_scan.h UnitAt)
  kAfterBlankForFigure = 16,  // repair: after a blank and ending a clause, it stands where a deleted figure
                              // was ("收缴基金 万元，"); single characters that end words (件 in 文件) count
                              // only after the blank
  kOnlyAfterFigure = 32,      // repair: never follows a word without a figure ("生产总值亿元，")
};

struct UnitWord {
  std::string_view written;  // as it appears after the number
  std::string_view unit;     // what Quantity::unit reports ("" for a magnitude or 余 多)
  UnitKind kind;
  int power;                 // the scale folded into the value: 万元 -> 4
  uint8_t readers;           // UnitReader flags
};

namespace units_internal {
using enum UnitKind;
inline constexpr UnitWord kUnitWords[] = {
    // Money: value in 元 (other currencies keep their own unit).
    {"万亿元", "元", kMoney, 12, kTypedByFacts},
    {"亿元", "元", kMoney, 8, kTypedByFacts | kFollowsDigits | kAfterBlankForFigure | kOnlyAfterFigure},
    {"万元", "元", kMoney, 4, kTypedByFacts | kFollowsDigits | kAfterBlankForFigure | kOnlyAfterFigure},
    // Traditional script: only repair reads them (a converted page's "增加 億元"; the fact reader types
    // simplified text).
    {"億元", "元", kMoney, 8, kAfterBlankForFigure | kOnlyAfterFigure},
    {"萬元", "元", kMoney, 4, kAfterBlankForFigure | kOnlyAfterFigure},
    {"千元", "元", kMoney, 3, kTypedByFacts},
    {"百元", "元", kMoney, 2, kTypedByFacts},
    {"元", "元", kMoney, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"圆", "元", kMoney, 0, kTypedByFacts},
    {"人民币", "元", kMoney, 0, kTypedByFacts},
    {"元人民币", "元", kMoney, 0, kTypedByFacts},
    {"亿美元", "美元", kMoney, 8, kTypedByFacts},
    {"万美元", "美元", kMoney, 4, kTypedByFacts},
    {"美元", "美元", kMoney, 0, kTypedByFacts | kTokenAfterNumeral},
    {"亿港元", "港元", kMoney, 8, kTypedByFacts},
    {"万港元", "港元", kMoney, 4, kTypedByFacts},
    {"港元", "港元", kMoney, 0, kTypedByFacts | kTokenAfterNumeral},
    {"港币", "港元", kMoney, 0, kTypedByFacts},
    {"亿欧元", "欧元", kMoney, 8, kTypedByFacts},
    {"万欧元", "欧元", kMoney, 4, kTypedByFacts},
    {"欧元", "欧元", kMoney, 0, kTypedByFacts | kTokenAfterNumeral},
    {"日元", "日元", kMoney, 0, kTypedByFacts},
    {"日币", "日元", kMoney, 0, kTypedByFacts},
    {"英镑", "英镑", kMoney, 0, kTypedByFacts},
    {"新台币", "新台币", kMoney, 0, kTypedByFacts},
    {"台币", "新台币", kMoney, 0, kTypedByFacts},
    {"泰铢", "泰铢", kMoney, 0, kTypedByFacts},
    {"卢布", "卢布", kMoney, 0, kTypedByFacts},
    {"韩元", "韩元", kMoney, 0, kTypedByFacts},
    {"澳元", "澳元", kMoney, 0, kTypedByFacts},
    {"加元", "加元", kMoney, 0, kTypedByFacts},
    {"港幣", "港元", kMoney, 0, kTypedByFacts},
    {"人民幣", "元", kMoney, 0, kTypedByFacts},
    {"块钱", "元", kMoney, 0, kTypedByFacts},
    {"元钱", "元", kMoney, 0, kTypedByFacts},
    // Percentages and percentage points.
    {"%", "%", kPercent, 0, kTypedByFacts | kFollowsDigits | kAfterBlankForFigure | kOnlyAfterFigure},
    {"％", "%", kPercent, 0, kTypedByFacts | kFollowsDigits | kAfterBlankForFigure | kOnlyAfterFigure},
    {"个百分点", "个百分点", kPercentagePoint, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"百分点", "个百分点", kPercentagePoint, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"個百分點", "个百分点", kPercentagePoint, 0, kTypedByFacts},
    {"‰", "‰", kPercent, 0, kTypedByFacts | kFollowsDigits},
    // Multiples.
    {"倍", "倍", kPlain, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"成", "%", kPercent, 1, kTypedByFacts},
    // Measures.
    {"平方公里", "平方公里", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"平方千米", "平方公里", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral},
    {"万平方米", "平方米", kMeasure, 4, kTypedByFacts},
    // Only after a figure: the clean corpora write 平方米 53 times, every one after digits (每平方米 after 每).
    {"平方米", "平方米", kMeasure, 0,
     kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure | kOnlyAfterFigure},
    {"万立方米", "立方米", kMeasure, 4, kTypedByFacts},
    {"立方米", "立方米", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"公里", "公里", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"千米", "公里", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"厘米", "厘米", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral},
    {"毫米", "毫米", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral},
    {"米", "米", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"公顷", "公顷", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"万亩", "亩", kMeasure, 4, kTypedByFacts | kFollowsDigits | kAfterBlankForFigure},
    {"亩", "亩", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"亿吨", "吨", kMeasure, 8, kTypedByFacts},
    {"万吨", "吨", kMeasure, 4, kTypedByFacts | kFollowsDigits | kAfterBlankForFigure},
    {"吨", "吨", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"公斤", "千克", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"千克", "千克", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"毫克", "毫克", kMeasure, 0, kTypedByFacts},
    {"克", "克", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"斤", "斤", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"秒钟", "秒", kMeasure, 0, kTypedByFacts},
    {"秒", "秒", kMeasure, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"亿千瓦时", "千瓦时", kMeasure, 8, kTypedByFacts},
    {"万千瓦时", "千瓦时", kMeasure, 4, kTypedByFacts},
    {"千瓦时", "千瓦时", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"万千瓦", "千瓦", kMeasure, 4, kTypedByFacts | kFollowsDigits},
    {"千瓦", "千瓦", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"兆瓦", "兆瓦", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral},
    {"亿千瓦", "千瓦", kMeasure, 8, kTypedByFacts},
    {"吉瓦", "吉瓦", kMeasure, 0, kTypedByFacts},
    {"兆瓦时", "兆瓦时", kMeasure, 0, kTypedByFacts},
    {"万千伏安", "千伏安", kMeasure, 4, kTypedByFacts},
    {"千伏安", "千伏安", kMeasure, 0, kTypedByFacts},
    {"千伏", "千伏", kMeasure, 0, kTypedByFacts},
    {"伏", "伏", kMeasure, 0, kTypedByFacts},
    // Concentrations (air quality: PM2.5 细颗粒物 in 微克/立方米).
    {"微克/立方米", "微克/立方米", kMeasure, 0, kTypedByFacts},
    {"微克每立方米", "微克/立方米", kMeasure, 0, kTypedByFacts},
    {"毫克/立方米", "毫克/立方米", kMeasure, 0, kTypedByFacts},
    {"毫克/升", "毫克/升", kMeasure, 0, kTypedByFacts},
    {"微克", "微克", kMeasure, 0, kTypedByFacts},
    {"升", "升", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral},
    {"毫升", "毫升", kMeasure, 0, kTypedByFacts},
    {"小时", "小时", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"小時", "小时", kMeasure, 0, kTypedByFacts},
    {"分钟", "分钟", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"分鐘", "分钟", kMeasure, 0, kTypedByFacts},
    {"秒鐘", "秒", kMeasure, 0, kTypedByFacts},
    {"個月", "个月", kMeasure, 0, kTypedByFacts},
    {"度", "度", kMeasure, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"个月", "个月", kMeasure, 0, kTypedByFacts | kFollowsDigits},
    {"周岁", "岁", kMeasure, 0, kTypedByFacts | kFollowsDigits},
    {"岁", "岁", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"天", "天", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"摄氏度", "℃", kMeasure, 0, kTypedByFacts},
    {"℃", "℃", kMeasure, 0, kTypedByFacts | kFollowsDigits},
    {"标箱", "标箱", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral},
    {"年", "年", kMeasure, 0, kTypedByFacts},
    {"周年", "周年", kMeasure, 0, kTypedByFacts},
    {"周", "周", kMeasure, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"个工作日", "个工作日", kMeasure, 0, kTypedByFacts},
    {"工作日", "个工作日", kMeasure, 0, kTypedByFacts},
    // Counts (measure words).
    {"人/次", "人次", kCount, 0, kTypedByFacts},
    {"人次", "人次", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"户次", "户次", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"人", "人", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"户", "户", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"所", "所", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"个", "个", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"個", "个", kCount, 0, kTypedByFacts},
    {"家", "家", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"张", "张", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"条", "条", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"项", "项", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"件", "件", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"名", "名", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"位", "位", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"座", "座", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"处", "处", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits | kAfterBlankForFigure},
    {"栋", "栋", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"幢", "幢", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"间", "间", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"辆", "辆", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"台", "台", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"套", "套", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"场", "场", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"次", "次", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"批", "批", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"期", "期", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"届", "届", kCount, 0, kTypedByFacts | kTokenAfterNumeral},
    {"份", "份", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"篇", "篇", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits | kAfterBlankForFigure},
    {"部", "部", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"支", "支", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"只", "只", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"头", "头", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"匹", "匹", kCount, 0, kTypedByFacts},
    {"株", "株", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"棵", "棵", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"本", "本", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"册", "册", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"种", "种", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"类", "类", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"例", "例", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"起", "起", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits | kAfterBlankForFigure},
    {"宗", "宗", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"笔", "笔", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"片", "片", kCount, 0, kTypedByFacts | kFollowsDigits},
    {"对", "对", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"双", "双", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"组", "组", kCount, 0, kTypedByFacts | kFollowsDigits},
    {"支队", "支队", kCount, 0, kTypedByFacts},
    {"队", "队", kCount, 0, kTypedByFacts | kFollowsDigits},
    {"村", "村", kCount, 0, kTypedByFacts | kTokenAfterNumber},
    {"镇", "镇", kCount, 0, kTypedByFacts | kTokenAfterNumber},
    {"乡", "乡", kCount, 0, kTypedByFacts | kTokenAfterNumber},
    {"口", "口", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"门", "门", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"节", "节", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"课时", "课时", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"学时", "学时", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"架", "架", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"艘", "艘", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"枚", "枚", kCount, 0, kTypedByFacts | kFollowsDigits},
    {"块", "块", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"床", "床", kCount, 0, kTypedByFacts | kTokenAfterNumeral | kFollowsDigits},
    {"员", "员", kCount, 0, kTypedByFacts | kFollowsDigits},
    {"首", "首", kCount, 0, kTypedByFacts | kFollowsDigits},
    {"幅", "幅", kCount, 0, kTypedByFacts | kFollowsDigits},
    {"轮", "轮", kCount, 0, kTypedByFacts | kTokenAfterNumber | kFollowsDigits},
    {"份儿", "份", kCount, 0, kTypedByFacts},
    // Words the fact reader does not type: measure words the tokenizer splits off a number, and what a
    // masked figure's digits may be followed by (magnitudes, 余 and 多, Latin abbreviations).
    {"箱", "箱", kCount, 0, kTokenAfterNumeral},
    {"架次", "架次", kCount, 0, kTokenAfterNumeral},
    {"车次", "车次", kCount, 0, kTokenAfterNumeral},
    {"分", "分", kCount, 0, kTokenAfterNumber | kFollowsDigits},
    {"点", "点", kCount, 0, kTokenAfterNumber},
    {"里", "里", kMeasure, 0, kTokenAfterNumber},
    {"层", "层", kCount, 0, kTokenAfterNumber | kFollowsDigits},
    {"段", "段", kCount, 0, kTokenAfterNumber | kFollowsDigits},
    {"校", "校", kCount, 0, kTokenAfterNumber},
    {"单", "单", kCount, 0, kTokenAfterNumber},
    {"包", "包", kCount, 0, kTokenAfterNumber},
    {"袋", "袋", kCount, 0, kTokenAfterNumber},
    {"瓶", "瓶", kCount, 0, kTokenAfterNumber},
    {"根", "根", kCount, 0, kTokenAfterNumber | kFollowsDigits},
    {"盏", "盏", kCount, 0, kTokenAfterNumber | kFollowsDigits},
    {"副", "副", kCount, 0, kTokenAfterNumber},
    {"万平方", "平方米", kMeasure, 4, kFollowsDigits},
    {"万人", "人", kCount, 4, kFollowsDigits | kAfterBlankForFigure},
    {"万户", "户", kCount, 4, kFollowsDigits},
    {"万个", "个", kCount, 4, kFollowsDigits},
    {"万件", "件", kCount, 4, kFollowsDigits},
    {"万次", "次", kCount, 4, kFollowsDigits},
    {"万册", "册", kCount, 4, kFollowsDigits},
    {"大类", "大类", kCount, 0, kFollowsDigits},
    {"大项", "大项", kCount, 0, kFollowsDigits},
    {"万", "", kMagnitude, 4, kFollowsDigits},
    {"亿", "", kMagnitude, 8, kFollowsDigits},
    {"千", "", kMagnitude, 3, kFollowsDigits},
    {"百", "", kMagnitude, 2, kFollowsDigits},
    {"余", "", kApproximate, 0, kFollowsDigits},
    {"多", "", kApproximate, 0, kFollowsDigits},
    {"日", "天", kMeasure, 0, kFollowsDigits},
    {"月", "个月", kMeasure, 0, kFollowsDigits},
    {"把", "把", kCount, 0, kFollowsDigits},
    {"眼", "眼", kCount, 0, kFollowsDigits},
    {"班", "班", kCount, 0, kFollowsDigits},
    {"遍", "遍", kCount, 0, kFollowsDigits},
    {"道", "道", kCount, 0, kFollowsDigits},
    {"集", "集", kCount, 0, kFollowsDigits},
    {"章", "章", kCount, 0, kFollowsDigits},
    {"款", "款", kCount, 0, kFollowsDigits},
    {"角", "元", kMoney, -1, kFollowsDigits},
    {"股", "股", kCount, 0, kFollowsDigits},
    {"列", "列", kCount, 0, kFollowsDigits},
    {"具", "具", kCount, 0, kFollowsDigits},
    {"尊", "尊", kCount, 0, kFollowsDigits},
    {"孔", "孔", kCount, 0, kFollowsDigits},
    {"方", "立方米", kMeasure, 0, kFollowsDigits},
    {"g", "克", kMeasure, 0, kFollowsDigits},
    {"km", "公里", kMeasure, 0, kFollowsDigits},
    {"kg", "千克", kMeasure, 0, kFollowsDigits},
    {"m", "米", kMeasure, 0, kFollowsDigits},
    {"兆", "", kMagnitude, 12, kFollowsDigits},
    {"G", "G", kMeasure, 0, kFollowsDigits},
    {"M", "M", kMeasure, 0, kFollowsDigits},
    {"t", "吨", kMeasure, 0, kFollowsDigits},
    {"h", "小时", kMeasure, 0, kFollowsDigits},
};
}  // namespace units_internal

inline constexpr auto& kUnitWords = units_internal::kUnitWords;

// The longest word written at text[pos] that `reader` takes, or nullptr. kTokenAfterNumber and
// kTokenAfterNumeral both read every unit the tokenizer splits off.
const UnitWord* LongestUnitAt(std::string_view text, size_t pos, UnitReader reader);

}  // namespace wenshu::text

#endif  // WENSHU_SRC_TEXT_UNITS_H_
