// The two GBK bytes of the characters U+3000-U+9FFF (CJK marks, kana, bopomofo, ideographs), compiled at
// build time (tools/gbk_table, linked to ICU) and read in place. text.mojibake reads it for every ideograph
// of every document: made at run time with ICU it cost each process's first parse 5.2 M instructions and
// a 56 KB heap table.
#ifndef WENSHU_SRC_REPAIR_GBK_TABLE_H_
#define WENSHU_SRC_REPAIR_GBK_TABLE_H_

#include <unicode/ucnv.h>

#include <cstdint>

namespace wenshu::repair_internal {

// GBK as Windows writes it (code page 936, with € at 0x80), as ICU names it. The run-time converter of
// text.mojibake and the build-time table use the same one; gbk_table_test compares the two over the range.
inline constexpr char kGbkConverterName[] = "windows-936-2000";

// The range of the table: [kGbkTableFirst, kGbkTableEnd).
inline constexpr char32_t kGbkTableFirst = 0x3000, kGbkTableEnd = 0xA000;

// The two GBK bytes of `cp` as one number (lead byte high), or 0 when GBK has no two-byte code for it.
// `cp` must lie in [kGbkTableFirst, kGbkTableEnd).
uint16_t GbkTablePair(char32_t cp);

// What the ICU converter `gbk` (opened with the stop callback) writes for `cp` alone: the bytes as one number
// (lead byte high when two), their count in `*length` (0 when it has none, or more than two). The one
// conversion the build-time table, its test and text.mojibake's run-time lookups share.
inline uint16_t IcuGbkCode(UConverter* gbk, char32_t cp, int* length) {
  *length = 0;
  if (cp > 0xFFFF) return 0;
  const UChar u = static_cast<UChar>(cp);
  char bytes[4];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_fromUChars(gbk, bytes, sizeof bytes, &u, 1, &status);
  if (U_FAILURE(status) || n <= 0 || n > 2) return 0;
  *length = n;
  return n == 1 ? static_cast<unsigned char>(bytes[0])
                : static_cast<uint16_t>(static_cast<unsigned char>(bytes[0]) << 8 | static_cast<unsigned char>(bytes[1]));
}

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_GBK_TABLE_H_
