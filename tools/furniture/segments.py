"""Furniture segments of a line, as src/repair/site_lines.cc cuts them (CutFurnitureSegments): a notice glued
before the report's first sentence, a site line after its last, a stat line before the title.

The line is cut into pieces at sentence ends and blanks (not at the blanks around a link separator, which
join a breadcrumb or a menu); from each end at most SEGMENT_MAX_PIECES pieces are tried. The prefix ends where
the next piece reads as prose; it goes when it scores `needed` and what stays holds a sentence (or, before the
report, a title). The suffix likewise from the end. Used by train.py to measure the cut; the C++ side is the
one that runs.
"""
from features import is_han

SENTENCE_CHARS = 20
SENTENCE_ENDS = '。！？；!?'
SENTENCE_END_IN_LINE = '。！？；…'
QUOTE_CLOSERS = '”’」』）)》'
BLANKS = ' \t\u3000\u00a0'
LINK_SEPARATORS = '>»›|/＞｜'
MAX_LINE_CHARS = 400
PROSE = 0.5
TITLE_HAN = 4
TITLE_STAYS_HAN = 6
SEGMENT_PROBABILITY = 0.99
SITE_LINE_PROBABILITY = 0.9
SEGMENT_MAX_PIECES = 8
SEGMENT_PROSE_HAN = 2
REPORT_TITLE_WORDS = ('总结', '报告', '计划', '要点', '规划', '方案', '汇报', '述职', '讲话', '发言', '意见', '通知', '纪要',
                      '总結', '報告', '計劃', '講話')


def han_count(s):
    return sum(is_han(c) for c in s)


def is_sentence(s):
    return len(s) >= SENTENCE_CHARS and any(e in s for e in SENTENCE_END_IN_LINE)


def window(s, from_end):
    # The C++ side cuts at kMaxSiteLineChars * 3 bytes; in characters this is the same for CJK text.
    if len(s.encode('utf-8')) <= MAX_LINE_CHARS * 3:
        return s
    b = s.encode('utf-8')
    if not from_end:
        return b[:MAX_LINE_CHARS * 3].decode('utf-8', 'ignore')
    return b[-MAX_LINE_CHARS * 3:].decode('utf-8', 'ignore')


def boundaries(line, start=0):
    out = []
    i, n = start, len(line)
    while i < n:
        c = line[i]
        # A label in 【】 opening the line (a site's 【导读】) is a piece of its own (kOpeningLabelMaxChars).
        if i == 0 and c == '【':
            close = line.find('】', 1, 1 + 8 + 2)
            if close > 0:
                j = close + 1
                while j < n and line[j] in BLANKS:
                    j += 1
                if j < n:
                    out.append(j)
                i = j
                continue
        if c in SENTENCE_ENDS:
            j = i + 1
            while j < n and line[j] in SENTENCE_ENDS:
                j += 1
            if j < n and line[j] in QUOTE_CLOSERS:
                i = j
                continue
            while j < n and line[j] in BLANKS:
                j += 1
            if 0 < j < n:
                out.append(j)
            i = j
            continue
        if c in BLANKS:
            j = i
            while j < n and line[j] in BLANKS:
                j += 1
            if i > 0 and j < n and line[i - 1] not in LINK_SEPARATORS and line[j] not in LINK_SEPARATORS:
                out.append(j)
            i = j
            continue
        i += 1
    return out


def cut(line, prob, whole_furniture, title_may_stay):
    """(prefix_end, suffix_begin) in characters; (0, len(line)) when the line has no furniture segment."""
    needed = SITE_LINE_PROBABILITY if whole_furniture else SEGMENT_PROBABILITY
    prefix_end, suffix_begin = 0, len(line)

    def stays(rest, from_end):
        w = window(rest, from_end)
        if han_count(w) < TITLE_HAN or prob(w) >= PROSE:
            return False
        if is_sentence(w):
            return True
        title = w.strip(' \t')
        return title_may_stay and han_count(w) >= TITLE_STAYS_HAN and not boundaries(title) and \
            any(t in title for t in REPORT_TITLE_WORDS) and not any(e in title for e in SENTENCE_END_IN_LINE)

    def prose_piece(piece):
        piece = window(piece, False)
        return han_count(piece) >= SEGMENT_PROSE_HAN and prob(piece) < PROSE

    b = [x for x in boundaries(line) if len(line[:x].encode('utf-8')) <= MAX_LINE_CHARS * 3]
    b = [0] + b + [len(line)]
    for k in range(0, min(len(b) - 1, SEGMENT_MAX_PIECES)):
        if not prose_piece(line[b[k]:b[k + 1]]):
            continue
        if k == 0:
            break
        if prob(window(line[:b[k]], False)) >= needed and stays(line[b[k]:], False):
            prefix_end = b[k]
        break
    tail_from = len(line) - len(window(line[prefix_end:], True))
    b = [prefix_end] + [x for x in boundaries(line, tail_from) if x > prefix_end]
    if prose_piece(line[b[-1]:]):
        return prefix_end, suffix_begin
    tried = 0
    for k in range(len(b) - 1, 0, -1):
        if tried >= SEGMENT_MAX_PIECES:
            break
        tried += 1
        if not prose_piece(line[b[k - 1]:b[k]]):
            continue
        begin = b[k]
        while begin > b[k - 1] and line[begin - 1] in BLANKS:
            begin -= 1
        if prob(window(line[b[k]:], True)) >= needed and stays(line[prefix_end:begin], True):
            suffix_begin = begin
        break
    return prefix_end, suffix_begin
