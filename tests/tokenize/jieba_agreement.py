#!/usr/bin/python3
"""Word-boundary agreement of `wenshu tokenize` with jieba (HMM off and on), as precision/recall/F1.

    /usr/bin/python3 tests/tokenize/jieba_agreement.py --wenshu build/x/wenshu [--min-f1 0.9] [FILES...]

Without FILES it reads the clean corpora under $WENSHU_SHARED_DIR (national JSONL, provincial CSV).
Both segmentations are compared as sets of code-point spans, ignoring white-space tokens; a word
counts as agreed only when both of its boundaries match. Needs Debian's python3-jieba.
Exit status: 0, or 1 when F1 is below --min-f1 (jieba HMM off) or --min-f1-hmm (HMM on);
77 (skip) when jieba or the corpora are missing.
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys


def load_corpus(files):
    docs = []
    if files:
        for f in files:
            with open(f, encoding="utf-8", errors="surrogateescape") as fh:
                docs.append((f, fh.read()))
        return docs
    shared = os.environ.get("WENSHU_SHARED_DIR")
    if not shared:
        return docs
    national = os.path.join(shared, "corpora/gov-reports-national-1954-2025/government_work_reports.jsonl")
    if os.path.exists(national):
        with open(national, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                row = json.loads(line)
                docs.append((f"national:{row.get('year', i)}", row["content"]))
    csv.field_size_limit(1 << 30)
    for f in sorted(glob.glob(os.path.join(shared, "corpora/gov-reports-provincial-2026/output/2026_raw_text/*.csv"))):
        with open(f, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        for row in rows[1:]:
            docs.append((os.path.basename(f), row[-1]))
    return docs


def spans_from_tokens(tokens):
    spans, pos = set(), 0
    for t in tokens:
        if t.strip():
            spans.add((pos, pos + len(t)))
        pos += len(t)
    return spans


def wenshu_spans(binary, text):
    out = subprocess.run([binary, "tokenize", "-"], input=text.encode("utf-8", "surrogateescape"),
                         capture_output=True, check=True).stdout
    spans = set()
    for line in out.decode("utf-8").splitlines():
        t = json.loads(line)
        if t["kind"] in ("space", "newline"):
            continue
        spans.add(tuple(t["cp"]))
    return spans


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wenshu", required=True, help="path to the wenshu binary")
    parser.add_argument("--min-f1", type=float, default=None, help="fail below this F1 (jieba, HMM off)")
    parser.add_argument("--min-f1-hmm", type=float, default=None, help="fail below this F1 (jieba, HMM on)")
    parser.add_argument("--max-docs", type=int, default=0, help="use at most this many documents")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    try:
        import jieba
    except ImportError:
        print("jieba is not installed (apt-get install python3-jieba): skipped")
        return 77
    jieba.setLogLevel(60)
    docs = load_corpus(args.files)
    if not docs:
        print("no corpus (set WENSHU_SHARED_DIR or give files): skipped")
        return 77
    if args.max_docs:
        docs = docs[:: max(1, len(docs) // args.max_docs)][: args.max_docs]
    totals = {False: [0, 0, 0], True: [0, 0, 0]}
    chars = 0
    for name, text in docs:
        mine = wenshu_spans(args.wenshu, text)
        chars += len(text)
        for hmm in (False, True):
            theirs = spans_from_tokens(jieba.cut(text, HMM=hmm))
            t = totals[hmm]
            t[0] += len(mine & theirs)
            t[1] += len(mine)
            t[2] += len(theirs)
    result = {}
    for hmm in (False, True):
        agreed, n_mine, n_theirs = totals[hmm]
        p = agreed / n_mine if n_mine else 0.0
        r = agreed / n_theirs if n_theirs else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        result[hmm] = f1
        print(f"jieba HMM={'on ' if hmm else 'off'}: precision {p:.4f} recall {r:.4f} F1 {f1:.4f}")
    print(f"{len(docs)} documents, {chars} characters")
    failed = False
    if args.min_f1 is not None and result[False] < args.min_f1:
        print(f"F1 against jieba (HMM off) {result[False]:.4f} is below {args.min_f1}")
        failed = True
    if args.min_f1_hmm is not None and result[True] < args.min_f1_hmm:
        print(f"F1 against jieba (HMM on) {result[True]:.4f} is below {args.min_f1_hmm}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
