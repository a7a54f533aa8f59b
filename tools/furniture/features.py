"""The features of one line for wenshu's furniture model: what src/repair/site_lines.cc computes.

Both sides must agree exactly; tests/repair/site_lines_test.cc checks the C++ side against feature lists
this module printed (`features.py < lines > tests/data/repair/furniture_features.tsv`).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vocab'))
from build_model import norm_char  # noqa: E402  (one character normalization for both models)

NGRAM_CHARS = 80  # n-grams come from the first NGRAM_CHARS characters: prose is told by its length
TAIL_CHARS = 40  # and from the last TAIL_CHARS characters of a longer line
LENGTH_BUCKETS = (1, 2, 3, 5, 8, 12, 20, 35, 60, 100)
SENTENCE_END = '。！？；…'
COMMAS = '，、'
CLOSERS = '）)】」》”’〕]'
SEPARATORS = '>»›|/·•'
URL_MARKS = ('http', 'www.', '.com', '.cn', '.htm', '.net', '.org')


def is_han(c):
    """As IsHan in src/repair/number_scan.cc."""
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def bucket(n, edges):
    k = 0
    for e in edges:
        if n >= e:
            k += 1
    return k


def share_bucket(part, whole):
    if part == 0 or whole == 0:
        return 0
    s = part / whole
    return 1 if s <= 0.15 else 2 if s <= 0.4 else 3


def line_chars(line):
    """The line's characters, normalized, with blank runs collapsed and the ends trimmed."""
    out = []
    for c in line:
        n = norm_char(c)
        if n == '\n':
            continue
        if n == ' ' and (not out or out[-1] == ' '):
            continue
        out.append(n)
    while out and out[-1] == ' ':
        out.pop()
    return out


def features(line):
    chars = line_chars(line)
    f = set()
    if not chars:
        return f
    head = chars[:NGRAM_CHARS]
    prev = '^'
    for c in head:
        f.add('u' + c)
        f.add('b' + prev + c)
        prev = c
    n = len(chars)
    # A long line's end speaks too (a notice that ends …仅供参考，欢迎阅读。): its last TAIL_CHARS characters.
    if n > NGRAM_CHARS:
        start = max(NGRAM_CHARS, n - TAIL_CHARS)
        prev = chars[start - 1]
        for c in chars[start:]:
            f.add('u' + c)
            f.add('b' + prev + c)
            prev = c
    f.add('b' + prev + '$')
    f.add('L%d' % bucket(n, LENGTH_BUCKETS))
    last = chars[-1]
    if last in SENTENCE_END:
        e = 's'
    elif last in COMMAS:
        e = 'c'
    elif last == '：':
        e = 'k'
    elif last in CLOSERS:
        e = 'r'
    elif last == '0':
        e = 'd'
    elif last == 'a':
        e = 'a'
    elif is_han(last):
        e = 'h'
    else:
        e = 'o'
    f.add('E' + e)
    f.add('S%d' % min(3, sum(c in SENTENCE_END for c in chars)))
    f.add('C%d' % min(3, sum(c in COMMAS for c in chars)))
    f.add('K%d' % min(3, sum(c == '：' for c in chars)))
    f.add('G%d' % min(3, sum(c in SEPARATORS for c in chars)))
    f.add('W%d' % min(3, sum(c == ' ' for c in chars)))
    f.add('D%d' % share_bucket(sum(c == '0' for c in chars), n))
    f.add('A%d' % share_bucket(sum(c == 'a' for c in chars), n))
    f.add('H%d' % share_bucket(sum(is_han(c) for c in chars), n))
    low = line.lower()
    if any(m in low for m in URL_MARKS):
        f.add('U')
    return f


if __name__ == '__main__':
    print('# line<TAB>its features, sorted, a space inside a feature written as \\s. Printed by tools/furniture/features.py.')
    for raw in sys.stdin:
        raw = raw.rstrip('\n')
        if raw:
            print(raw + '\t' + ' '.join(x.replace(' ', '\\s') for x in sorted(features(raw))))
