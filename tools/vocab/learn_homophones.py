#!/usr/bin/env python3
"""Learns homophone spun-vocabulary pairs (family 5) from jieba's dictionary,
ICU's readings and the clean corpora.

Some spinners (and careless typists) swap one character of a word for another of the same reading: 做为 for
作为, 时侯 for 时候, 部份 for 部分. Every dictionary word O of report language (at least MIN_ORIGINAL_COUNT
clean occurrences) with one character replaced by a character of the same toneless reading (ICU's Han-Latin
transliterator, `uconv -x 'Han-Latin; Latin-ASCII'` of Debian's icu-devtools; ICU's licence is the Unicode
licence, permissive) gives a candidate S. The data select: S must be a word jieba's dictionary records (the
dictionary attests the misspellings writers make; a form no one writes is no candidate and has no
statistics for the model), at most 1/MIN_DICT_PREFERENCE as frequent there as O, and absent from the clean
corpora (a form reports use is report vocabulary, not a slip). Built into the model with build_model.py
(--pairs), the context model would decide each spot, in a document the pooled diagnosis opened (vocab_spin.h).
Measured 2026-12-03 and not adopted: the pair list is not part of the model (tools/vocab/README.md, "Homophone
candidates", has the figures); this script reproduces the experiment.

Usage:
  learn_homophones.py --shared /work/shared --jieba-dict /usr/lib/python3/dist-packages/jieba/dict.txt \
      --pairs tools/vocab/pairs.tsv --pairs tools/vocab/learned_pairs.tsv --out /tmp/homophone_pairs.tsv
"""
import argparse
import collections
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_model  # noqa: E402
from learn_pairs import MIN_ORIGINAL_COUNT, is_han  # noqa: E402

FAMILY = 5
# The original must be at least this many times as frequent as the candidate in jieba's dictionary. The three
# misspellings of issue 14's sixth dev set stand at 137 (做为), 986 (部份) and 3,152 (时侯); real words of the
# same reading that reports say otherwise pass too (经纪 for 经济 at 331), which is why the context model and
# the document gate decide every spot.
MIN_DICT_PREFERENCE = 100.0
# jieba lists many words at its floor frequency of 3 (净济, 科际): forms no one writes, that only add spots to
# scan. A candidate must be recorded at least this often.
MIN_DICT_FREQ = 10
# jieba's tags of proper names (places ns, persons nr/nrt, organizations nt, other nz): a name is no slip
# (新绛, 冀中 and 关西 are places, not 新疆, 集中 and 关系), so such a candidate is left out.
PROPER_NAME_TAGS = {'ns', 'nr', 'nrt', 'nt', 'nz'}


def readings(chars):
    out = subprocess.run(['uconv', '-x', 'Han-Latin; Latin-ASCII'], input='\n'.join(chars) + '\n',
                         capture_output=True, text=True, check=True).stdout.split('\n')
    return {c: r.strip() for c, r in zip(chars, out) if r.strip() and r.strip() != c}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--shared', required=True)
    ap.add_argument('--jieba-dict', required=True)
    ap.add_argument('--pairs', required=True, action='append', help='pairs already listed (their forms are left out)')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()

    listed = [p for path in args.pairs for p in build_model.read_pairs(path)]
    listed_forms = {f for _, s, o in listed for f in (s, o)}
    dict_freq = {}
    names = set()
    with open(args.jieba_dict, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and 2 <= len(parts[0]) <= 4 and is_han(parts[0]):
                dict_freq[parts[0]] = int(parts[1])
                if len(parts) >= 3 and parts[2] in PROPER_NAME_TAGS:
                    names.add(parts[0])
    reading = readings(sorted({c for w in dict_freq for c in w}))
    by_reading = collections.defaultdict(list)
    for c, r in reading.items():
        by_reading[r].append(c)
    text = '\n'.join(build_model.normalize(d) for d in build_model.corpus_documents(args.shared))
    count = collections.Counter()
    for n in (2, 3, 4):
        count.update(text[i:i + n] for i in range(len(text) - n + 1))

    chosen = {}
    for original, freq in dict_freq.items():
        if count[original] < MIN_ORIGINAL_COUNT:
            continue
        for j, c in enumerate(original):
            for a in by_reading.get(reading.get(c), ()):
                spun = original[:j] + a + original[j + 1:]
                if a == c or spun not in dict_freq or spun in names or count[spun] > 0:
                    continue
                if dict_freq[spun] < MIN_DICT_FREQ or dict_freq[spun] * MIN_DICT_PREFERENCE > freq:
                    continue
                prev = chosen.get(spun)
                if prev is None or count[original] > count[prev]:
                    chosen[spun] = original
    originals = set(chosen.values())
    rows = sorted(((s, o) for s, o in chosen.items() if s not in originals and s not in listed_forms),
                  key=lambda p: (-count[p[1]], p[0]))
    with open(args.out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Homophone spun-vocabulary pairs: family<TAB>spun<TAB>original. Generated by '
                'tools/vocab/learn_homophones.py from\n# jieba\'s dictionary, ICU\'s Han-Latin readings and the '
                'clean corpora (original >= %d occurrences, >= %g times\n# the other reading in the dictionary, '
                'which is recorded >= %d times there, is no proper name there and never\n# occurs in the corpora); '
                'do not edit by hand.\n'
                % (MIN_ORIGINAL_COUNT, MIN_DICT_PREFERENCE, MIN_DICT_FREQ))
        for s, o in rows:
            f.write('%d\t%s\t%s\n' % (FAMILY, s, o))
    print('%s: %d homophone pairs' % (args.out, len(rows)), file=sys.stderr)


if __name__ == '__main__':
    main()
