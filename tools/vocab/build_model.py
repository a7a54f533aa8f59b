#!/usr/bin/env python3
"""Builds wenshu's spun-vocabulary model (src/repair/data/vocab_model.tsv) from clean reports.

For every form in the pair list (both the spun reading and the original reading) the model stores how
often the form occurs in clean text and which one- and two-character contexts surround it, counted from
the clean corpora and, separately, from the words of jieba's dictionary that contain the form. The
repair rule compares P(context | original) with P(context | spun) for a candidate span, so it can decide
in contexts it never saw (the counts back off to single characters and to the character unigram table).

Usage:
  build_model.py --shared /work/shared --jieba-dict /usr/lib/python3/dist-packages/jieba/dict.txt \
      --pairs tools/vocab/pairs.tsv --out src/repair/data/vocab_model.tsv [--split all|even|odd]

--split even/odd keeps only documents with an even/odd index in the corpus order used by the tests'
CleanCorpusDocuments() (national JSONL lines, then provincial CSV files sorted by name), so that
tools/vocab/spin_eval.sh can measure on documents the model never saw.
"""
import argparse
import collections
import csv
import datetime
import glob
import hashlib
import io
import json
import os
import sys

MODEL_FORMAT_VERSION = 5  # 5: ASCII punctuation counted as full-width
WINDOW = 6          # characters beyond the two-character context scanned for collocations
WINDOW_MIN_COUNT = 3
PLACE_MIN_FREQ = 20  # jieba words tagged ns (place names) at least this frequent form the place lexicon
DICT_MASS_RATIO = 0.5  # dictionary evidence weighs half as much as the corpus, overall
# Sites and corpora differ in punctuation width; ASCII punctuation counts as full-width ('.' stays).
HALF_TO_FULL = {',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）'}


def norm_char(c):
    o = ord(c)
    if '0' <= c <= '9' or 0xFF10 <= o <= 0xFF19:
        return '0'
    if ('a' <= c <= 'z') or ('A' <= c <= 'Z') or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return 'a'
    if c in '\r\n':
        return '\n'
    if c in ' \t\u3000\xa0':
        return ' '
    if c == '\u301e':  # 〞 is a damaged ”
        return '\u201d'
    return HALF_TO_FULL.get(c, c)


def normalize(text):
    return ''.join(norm_char(c) for c in text)


def corpus_documents(shared):
    docs = []
    national = os.path.join(shared, 'corpora/gov-reports-national-1954-2025/government_work_reports.jsonl')
    if os.path.exists(national):
        with open(national, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if not line:
                    continue
                try:
                    j = json.loads(line)
                except ValueError:
                    continue
                if 'content' in j:
                    docs.append(j['content'])
    provincial = os.path.join(shared, 'corpora/gov-reports-provincial-2026/output/2026_raw_text')
    for path in sorted(glob.glob(os.path.join(provincial, '*')), key=lambda p: os.path.basename(p).encode()):
        with open(path, encoding='utf-8-sig', newline='') as f:
            rows = list(csv.reader(io.StringIO(f.read())))
        if len(rows) < 2 or 'full_text' not in rows[0]:
            continue
        col = rows[0].index('full_text')
        for row in rows[1:]:
            if col < len(row):
                docs.append(row[col])
    return docs


def read_pairs(path):
    pairs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            family, spun, original = line.split('\t')
            pairs.append((int(family), spun, original))
    return pairs


def escape(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--shared', required=True)
    ap.add_argument('--jieba-dict', required=True)
    ap.add_argument('--pairs', required=True, action='append',
                    help='a pair list (pairs.tsv, learned_pairs.tsv); may be given more than once')
    ap.add_argument('--out', required=True)
    ap.add_argument('--split', choices=['all', 'even', 'odd'], default='all')
    ap.add_argument('--stamp', default=None, help='build stamp (default: today, UTC)')
    args = ap.parse_args()

    pairs = [p for path in args.pairs for p in read_pairs(path)]
    forms = sorted({f for _, s, o in pairs for f in (s, o)})
    form_set = set(forms)
    form_lengths = sorted({len(f) for f in forms})
    docs = corpus_documents(args.shared)
    if not docs:
        sys.exit('no clean documents found under ' + args.shared)
    if args.split != 'all':
        parity = 0 if args.split == 'even' else 1
        docs = [d for i, d in enumerate(docs) if i % 2 == parity]

    # Place names (jieba tag ns): whether a place follows or precedes a form is a word-class context
    # (到达上海 vs 达到水平) that character counts cannot learn for rare forms.
    places = set()
    with open(args.jieba_dict, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[2] == 'ns' and int(parts[1]) >= PLACE_MIN_FREQ and 2 <= len(parts[0]) <= 4:
                places.add(parts[0])

    def place_after(text, i):
        return any(text[i:i + k] in places for k in (2, 3, 4))

    def place_before(text, i):
        return any(i - k >= 0 and text[i - k:i] in places for k in (2, 3, 4))

    place_counts = collections.Counter()  # (form, 'L'|'R') -> occurrences next to a place
    window = collections.defaultdict(collections.Counter)  # (form, 'L'|'R') -> bigram -> occurrences

    def window_bigrams(piece):
        piece = piece.split('\n')[-1] if False else piece
        return {piece[i:i + 2] for i in range(len(piece) - 1)
                if '\u4e00' <= piece[i] <= '\u9fff' and '\u4e00' <= piece[i + 1] <= '\u9fff'}
    place_positions = 0
    unigram = collections.Counter()
    form_count = collections.Counter()
    ctx = collections.defaultdict(collections.Counter)  # (form, side) -> ctx -> count
    total_chars = 0
    for doc in docs:
        text = '\n\n' + normalize(doc) + '\n\n'
        unigram.update(text[2:-2])
        total_chars += len(text) - 4
        place_positions += sum(1 for i in range(2, len(text) - 2) if place_after(text, i))
        for form in forms:
            start = text.find(form)
            while start >= 0:
                end = start + len(form)
                form_count[form] += 1
                ctx[(form, 'L1')][text[start - 1]] += 1
                ctx[(form, 'L2')][text[start - 2:start]] += 1
                ctx[(form, 'R1')][text[end]] += 1
                ctx[(form, 'R2')][text[end:end + 2]] += 1
                right = text[end + 2:end + 2 + WINDOW].split('\n')[0]
                left = text[max(0, start - 2 - WINDOW):max(0, start - 2)].split('\n')[-1]
                window[(form, 'R')].update(window_bigrams(right))
                window[(form, 'L')].update(window_bigrams(left))
                place_counts[(form, 'R')] += place_after(text, end)
                place_counts[(form, 'L')] += place_before(text, start)
                start = text.find(form, start + 1)

    # jieba's dictionary: word frequencies from a general corpus. Each word containing a form gives the
    # form's word-internal context, weighted by the word's frequency.
    dict_freq = collections.Counter()
    form_tag = {}
    dict_ctx = collections.defaultdict(collections.Counter)
    dict_types = collections.defaultdict(collections.Counter)  # how many dictionary words give a context
    dict_side_total = collections.Counter()
    dict_side_types = collections.Counter()
    dict_total = 0
    dict_words = 0
    with open(args.jieba_dict, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            dict_words += 1
            dict_total += freq * len(word)
            # Every occurrence of every form in the word, as a find() loop per form would list them.
            hits = [(start, start + n) for n in form_lengths for start in range(len(word) - n + 1)
                    if word[start:start + n] in form_set]
            for start, end in hits:
                form = word[start:end]
                if word == form:
                    dict_freq[form] += freq
                    if len(parts) >= 3:
                        form_tag[form] = parts[2]
                if start >= 1:
                    dict_ctx[(form, 'L1')][word[start - 1]] += freq
                    dict_types[(form, 'L1')][word[start - 1]] += 1
                    dict_side_total[(form, 'L')] += freq
                    dict_side_types[(form, 'L')] += 1
                if start >= 2:
                    dict_ctx[(form, 'L2')][word[start - 2:start]] += freq
                    dict_types[(form, 'L2')][word[start - 2:start]] += 1
                if end < len(word):
                    dict_ctx[(form, 'R1')][word[end]] += freq
                    dict_types[(form, 'R1')][word[end]] += 1
                    dict_side_total[(form, 'R')] += freq
                    dict_side_types[(form, 'R')] += 1
                if end + 1 < len(word):
                    dict_ctx[(form, 'R2')][word[end:end + 2]] += freq
                    dict_types[(form, 'R2')][word[end:end + 2]] += 1
    dict_weight = DICT_MASS_RATIO * total_chars / max(1, dict_total)

    stamp = args.stamp or datetime.datetime.utcnow().strftime('%Y-%m-%d')
    lines = []
    lines.append('# wenshu spun-vocabulary model. Generated by tools/vocab/build_model.py; do not edit by hand.')
    lines.append('# Rows: V version | W weight | T total | U char unigram | P pair family spun original |\n# F form corpus dict_freq dict_left_freq dict_right_freq dict_left_words dict_right_words |\n# C form side context corpus dict_freq dict_words | G place_rate | K form jieba_tag |\n# A form side next_to_place | N place | B form side bigram occurrences (in the 6 characters beyond).')
    lines.append('\t'.join(['W', 'dict_weight', '%.9g' % dict_weight]))
    lines.append('\t'.join(['T', 'total_chars', str(total_chars)]))
    lines.append('\t'.join(['G', 'place_rate', '%.9g' % (place_positions / max(1, total_chars))]))
    for c, n in sorted(unigram.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append('\t'.join(['U', escape(c), str(n)]))
    for family, spun, original in pairs:
        lines.append('\t'.join(['P', str(family), spun, original]))
    for form in forms:
        lines.append('\t'.join(['F', form, str(form_count[form]), str(dict_freq[form]),
                                str(dict_side_total[(form, 'L')]), str(dict_side_total[(form, 'R')]),
                                str(dict_side_types[(form, 'L')]), str(dict_side_types[(form, 'R')])]))
    for form in forms:
        lines.append('\t'.join(['K', form, form_tag.get(form, 'x')]))
        for side in ('L', 'R'):
            lines.append('\t'.join(['A', form, side, str(place_counts[(form, side)])]))
    for form in forms:
        for side in ('L', 'R'):
            for b, n in sorted(window[(form, side)].items()):
                if n >= WINDOW_MIN_COUNT:
                    lines.append('\t'.join(['B', form, side, b, str(n)]))
    for word in sorted(places):
        lines.append('\t'.join(['N', word]))
    for form in forms:
        for side in ('L1', 'L2', 'R1', 'R2'):
            keys = set(ctx[(form, side)]) | set(dict_ctx[(form, side)])
            for k in sorted(keys):
                cn, dn, dt = ctx[(form, side)][k], dict_ctx[(form, side)][k], dict_types[(form, side)][k]
                # Two-character contexts seen once in the corpus and never in the dictionary carry
                # little evidence and most of the table's size.
                if len(side) == 2 and side[1] == '2' and cn <= 1 and dn == 0:
                    continue
                lines.append('\t'.join(['C', form, side, escape(k), str(cn), str(dn), str(dt)]))
    body = '\n'.join(lines) + '\n'
    digest = hashlib.sha256(body.encode('utf-8')).hexdigest()[:16]
    header = '\t'.join(['V', 'wenshu-vocab-model', str(MODEL_FORMAT_VERSION), stamp, 'split=' + args.split,
                        'docs=%d' % len(docs), 'chars=%d' % total_chars,
                        'jieba_words=%d' % dict_words, 'sha256=' + digest])
    with open(args.out, 'w', encoding='utf-8', newline='\n') as f:
        f.write(header + '\n' + body)
    print('%s: %d docs, %d chars, %d forms, %d lines, %d bytes' % (
        args.out, len(docs), total_chars, len(forms), body.count('\n') + 1, len(body.encode())),
        file=sys.stderr)


if __name__ == '__main__':
    main()
