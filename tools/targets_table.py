#!/usr/bin/env python3
"""Tables of targets from `wenshu parse -f jsonl` output (read from stdin or files):

  wenshu parse -f jsonl reports/ | tools/targets_table.py --long long.csv --wide wide.csv --markdown wide.md

--long: one row per target (document id, title, issuer, year, and every target field).
--wide: one row per document, one column per canonical id (value, range as a-b, qualifier appended),
qualitative and `other` targets left out. --markdown: the wide table as Markdown.
"""
import argparse
import csv
import json
import sys

LONG_FIELDS = ["document", "title", "issuer", "year", "indicator", "canonical", "value", "upper", "unit",
               "qualifier", "kind", "tier", "text", "begin", "end"]


def cell(t):
    v = str(t["value"]) + ("-" + str(t["upper"]) if t["upper"] is not None else "")
    if t["unit"] and t["unit"] != "%":
        v += " " + t["unit"]
    elif t["unit"] == "%":
        v += "%"
    return v + (t["qualifier"] or "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--long")
    ap.add_argument("--wide")
    ap.add_argument("--markdown")
    args = ap.parse_args()
    docs = []
    for f in args.inputs or ["-"]:
        stream = sys.stdin if f == "-" else open(f, encoding="utf-8")
        docs += [json.loads(line) for line in stream if line.strip()]
    long_rows, wide_rows, columns = [], [], []
    for d in docs:
        doc = d["source"].get("id") or d["source"].get("name")
        meta = dict(document=doc, title=d.get("title") or "", issuer=d.get("issuer") or "",
                    year=d.get("period", {}).get("year") or "")
        wide = dict(meta)
        for t in d.get("targets", []):
            long_rows.append(dict(meta, **{k: t[k] for k in LONG_FIELDS if k in t}, begin=t["span"][0],
                                  end=t["span"][1]))
            if t["value"] is None or t["canonical"] == "other" or t["canonical"] in wide:
                continue
            if t["canonical"] not in columns:
                columns.append(t["canonical"])
            wide[t["canonical"]] = cell(t)
        wide_rows.append(wide)
    head = ["document", "title", "issuer", "year"] + columns
    if args.long:
        with open(args.long, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, LONG_FIELDS)
            w.writeheader()
            w.writerows([{k: ("" if r.get(k) is None else r.get(k)) for k in LONG_FIELDS} for r in long_rows])
    if args.wide:
        with open(args.wide, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, head)
            w.writeheader()
            w.writerows([{k: r.get(k, "") for k in head} for r in wide_rows])
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            md_head = ["document", "year"] + columns
            f.write("| " + " | ".join(md_head) + " |\n|" + " --- |" * len(md_head) + "\n")
            for r in wide_rows:
                f.write("| " + " | ".join(str(r.get(k, "")) for k in md_head) + " |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
