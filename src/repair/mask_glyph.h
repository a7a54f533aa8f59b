// The glyphs sites and templates write for a masked word, as the layout rules read them.
#ifndef WENSHU_SRC_REPAIR_MASK_GLYPH_H_
#define WENSHU_SRC_REPAIR_MASK_GLYPH_H_

namespace wenshu::repair_internal {

// A glyph a site or template writes for a masked word ("以来, *镇", "、 XX县", "1、XX路改造工程"): text of the
// sentence, where the layout rules ask what a line or an item opens with.
inline bool IsMaskGlyph(char32_t c) { return c == U'*' || c == U'×' || c == U'X' || c == U'x' || c == U'＊'; }

}  // namespace wenshu::repair_internal

#endif  // WENSHU_SRC_REPAIR_MASK_GLYPH_H_
