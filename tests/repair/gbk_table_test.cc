// The GBK table compiled at build time (src/repair/gbk_table.h) is what ICU's converter says now, code
// point by code point: a table written by another ICU, or a generator that drifts, fails here.
#include <unicode/ucnv.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>

#include "repair/gbk_table.h"

namespace wenshu::repair_internal {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

TEST(GbkTable, EqualsIcusConversionOfEveryCodePoint) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> gbk(ucnv_open(kGbkConverterName, &status));
  ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  ucnv_setFromUCallBack(gbk.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  size_t pairs = 0, single = 0, none = 0, differing = 0;
  for (char32_t cp = kGbkTableFirst; cp < kGbkTableEnd; ++cp) {
    int length = 0;
    const uint16_t code = IcuGbkCode(gbk.get(), cp, &length);
    uint16_t expected = 0;
    if (length == 2) {
      expected = code;
      ++pairs;
    } else if (length == 1) {
      ++single;
    } else {
      ++none;
    }
    if (GbkTablePair(cp) != expected && ++differing <= 10) {
      ADD_FAILURE() << "U+" << std::hex << static_cast<uint32_t>(cp) << ": table " << GbkTablePair(cp) << ", ICU "
                    << expected;
    }
  }
  EXPECT_EQ(differing, 0u);
  // The range is mostly GBK's: the CJK marks, kana and the 20,902 unified ideographs of GBK/3 and GBK/4.
  EXPECT_GT(pairs, 20000u);
  EXPECT_EQ(single, 0u) << "a code point of the range is one GBK byte";
  EXPECT_GT(none, 0u);
}

TEST(GbkTable, KnownPairs) {
  EXPECT_EQ(GbkTablePair(U'　'), 0xA1A1);  // the ideographic space
  EXPECT_EQ(GbkTablePair(U'。'), 0xA1A3);
  EXPECT_EQ(GbkTablePair(U'啊'), 0xB0A1);  // GB2312's first ideograph
  EXPECT_EQ(GbkTablePair(U'工'), 0xB9A4);
  EXPECT_EQ(GbkTablePair(U'丂'), 0x8140);  // GBK/3's first
  EXPECT_EQ(GbkTablePair(0x9FA6), 0);     // after the 20,902 of Unicode 1.1: none in GBK
}

}  // namespace
}  // namespace wenshu::repair_internal
