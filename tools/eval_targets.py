#!/usr/bin/env python3
"""Scores `wenshu parse` targets against the hand annotation in tests/data/targets.

  WENSHU_SHARED_DIR=/work/shared tools/eval_targets.py [--wenshu build/default/wenshu] [--check]

Reads the provincial CSVs and the national JSONL from WENSHU_SHARED_DIR (skips with a message, exit 0,
when unset), runs wenshu on each annotated document and reports, for the numeric main targets, precision
and recall per field (canonical, value, upper, qualifier) and for whole targets (all four right), then
checks the GDP target of all 31 provincial reports. --check exits 1 when a whole-target recall is below
0.95, a precision below 0.90, or a GDP target is wrong.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "tests", "data", "targets")
MIN_RECALL = 0.95     # the bar: 95% of main targets right
MIN_PRECISION = 0.90  # and precision at least 0.90
FIELDS = ("canonical", "value", "upper", "qualifier")


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def provincial_text(shared, province):
    csv.field_size_limit(1 << 30)
    path = os.path.join(shared, "corpora", "gov-reports-provincial-2026", "output", "2026_raw_text",
                        f"2026_{province}_政府工作报告.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        return next(csv.DictReader(f))["full_text"]


def national_texts(shared):
    import re
    out = {}
    path = os.path.join(shared, "corpora", "gov-reports-national-1954-2025", "government_work_reports.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            m = re.search(r"(\d{4})", d.get("title", ""))
            if m and d.get("content"):
                out.setdefault(m.group(1), d["content"])
    return out


def targets_of(wenshu, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
        name = f.name
    try:
        out = subprocess.run([wenshu, "parse", "-q", "-f", "jsonl", name], check=True, capture_output=True,
                             text=True).stdout
    finally:
        os.unlink(name)
    return json.loads(out.splitlines()[0]).get("targets", [])


def norm(v):
    return "" if v is None else str(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wenshu", default=os.path.join(HERE, "..", "build", "default", "wenshu"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--write-offsets", action="store_true", help="rewrite tests/data/targets/offsets.tsv")
    args = ap.parse_args()
    shared = os.environ.get("WENSHU_SHARED_DIR")
    if not shared:
        print("skipped: WENSHU_SHARED_DIR is not set")
        return 0
    national = national_texts(shared)
    gold = {}
    for doc, anchor, quote, canonical, value, upper, qualifier in rows(os.path.join(DATA, "annotations.tsv")):
        gold.setdefault(doc, []).append(dict(anchor=anchor, quote=quote, canonical=canonical, value=value,
                                             upper=upper, qualifier=qualifier))
    offsets_path = os.path.join(DATA, "offsets.tsv")
    known = {}
    if os.path.exists(offsets_path) and not args.write_offsets:
        for doc, quote, begin, end in rows(offsets_path):
            known[(doc, quote)] = (int(begin), int(end))
    offsets = []
    right = {k: 0 for k in FIELDS + ("all",)}
    n_gold = n_pred = 0
    misses = []
    for doc, items in gold.items():
        kind, key = doc.split(":", 1)
        text = provincial_text(shared, key) if kind == "provincial" else national[key]
        raw = text.encode("utf-8")
        predicted = [t for t in targets_of(args.wenshu, text) if t["value"] is not None and t["tier"] == "main"]
        n_pred += len(predicted)
        used = set()
        for g in items:
            n_gold += 1
            anchor = raw.find(g["anchor"].encode("utf-8"))
            begin = raw.find(g["quote"].encode("utf-8"), max(0, anchor - 100))
            if anchor < 0 or begin < 0:
                sys.exit(f"{doc}: quote not found: {g['quote']}")
            end = begin + len(g["quote"].encode("utf-8"))
            offsets.append((doc, g["quote"], begin, end))
            if known and known.get((doc, g["quote"])) != (begin, end):
                sys.exit(f"{doc}: {g['quote']} is at [{begin}, {end}), offsets.tsv says {known.get((doc, g['quote']))}")
            cands = [i for i, t in enumerate(predicted)
                     if i not in used and t["span"][0] < end and t["span"][1] > begin]
            # Items of one list share the quote: prefer the one with the same canonical id.
            cands.sort(key=lambda i: predicted[i]["canonical"] != g["canonical"])
            if not cands:
                misses.append(f"{doc} @{begin}: not found: {g['quote']}")
                continue
            i = cands[0]
            used.add(i)
            t = predicted[i]
            ok = {f: norm(t[f]) == g[f] for f in FIELDS}
            for f in FIELDS:
                right[f] += ok[f]
            right["all"] += all(ok.values())
            if not all(ok.values()):
                misses.append(f"{doc} @{begin}: {g['quote']}: " +
                              ", ".join(f"{f} {norm(t[f])!r} != {g[f]!r}" for f in FIELDS if not ok[f]))
    if args.write_offsets:
        with open(offsets_path, "w", encoding="utf-8") as f:
            f.write("# Byte offsets [begin, end) of each annotated quote in its document's UTF-8 text, written by\n"
                    "# tools/eval_targets.py --write-offsets and checked by every run.\n")
            for doc, quote, begin, end in offsets:
                f.write(f"{doc}\t{quote}\t{begin}\t{end}\n")
    print(f"main numeric targets: {n_gold} annotated in {len(gold)} reports, {n_pred} extracted")
    print(f"{'field':<10} {'precision':>9} {'recall':>7}")
    for f in FIELDS + ("all",):
        print(f"{f:<10} {right[f] / max(n_pred, 1):>9.3f} {right[f] / max(n_gold, 1):>7.3f}")
    for m in misses:
        print("  " + m)
    failed = right["all"] / n_gold < MIN_RECALL or right["all"] / max(n_pred, 1) < MIN_PRECISION
    # Every provincial GDP target with its range or qualifier.
    gdp_right = 0
    gdp_rows = list(rows(os.path.join(DATA, "gdp_provincial_2026.tsv")))
    for province, value, upper, qualifier in gdp_rows:
        ts = [t for t in targets_of(args.wenshu, provincial_text(shared, province))
              if t["canonical"] == "gdp_growth" and t["value"] is not None]
        if ts and (norm(ts[0]["value"]), norm(ts[0]["upper"]), norm(ts[0]["qualifier"])) == (value, upper, qualifier):
            gdp_right += 1
        else:
            print(f"  GDP {province}: {[(t['value'], t['upper'], t['qualifier']) for t in ts]} != {(value, upper, qualifier)}")
            failed = True
    print(f"provincial GDP targets right: {gdp_right} of {len(gdp_rows)}")
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
