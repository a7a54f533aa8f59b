#!/usr/bin/env python3
"""Turns a corpus into one CSV of facts (one row per quantity and per change) that pandas reads
directly (pandas.read_csv(path)); written with the csv module, so no pandas is needed here.

    python3 corpus_to_csv.py corpus.jsonl facts.csv      # a JSONL corpus (text or content field)
    python3 corpus_to_csv.py reports/ facts.csv          # a directory of .txt files

The columns are the first 16 of `wenshu parse CORPUS --format csv` and the rows its quantity and change
rows (the command also writes date rows, the document's title, issuer and year, each fact's role,
heading path and sentence: docs/schema.md).
"""
import argparse
import csv
import decimal
import json
import os
import sys

import _find_wenshu

_find_wenshu.ensure()
import wenshu  # noqa: E402

COLUMNS = ["document", "line", "fact", "section", "subject", "text", "value", "upper", "unit", "kind",
           "direction", "baseline", "qualifiers", "begin", "end", "repaired"]


def documents(path):
    """Corpus documents: the lines of a JSONL file, or the .txt files under a directory (sorted)."""
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".txt"):
                    full = os.path.join(root, name)
                    with open(full, "rb") as f:
                        yield wenshu.Document(f.read().decode("utf-8", "surrogateescape"), full)
    else:
        yield from wenshu.read_jsonl(path)


def section_label(report, path):
    """"(二)/7、": the markers along a section path, as the command writes them."""
    markers, level = [], report["sections"]
    for index in path:
        markers.append(level[index]["marker"])
        level = level[index]["children"]
    return "/".join(markers)


def fact_rows(report):
    document = report["source"]["id"] or report["source"]["name"]
    line = str(report["source"]["line"]) if report["source"]["line"] > 0 else ""
    text = lambda v: "" if v is None else str(v)  # noqa: E731
    flag = lambda v: "true" if v else "false"  # noqa: E731
    for q in report["quantities"]:
        yield [document, line, "quantity", section_label(report, q["section"]), text(q["subject"]),
               q["text"], text(q["value"]), text(q["upper"]), text(q["unit"]), q["kind"], "", "",
               " ".join(q["qualifiers"]), q["span"][0], q["span"][1], flag(q["repaired"])]
    for c in report["changes"]:
        yield [document, line, "change", section_label(report, c["section"]), text(c["subject"]),
               c["text"], text(c["value"]), text(c.get("upper")), text(c["unit"]), c["kind"], c["direction"],
               c["baseline"], " ".join(c.get("qualifiers", [])), c["span"][0], c["span"][1], flag(c["repaired"])]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="a .jsonl corpus or a directory of .txt files")
    ap.add_argument("output", help="the CSV to write ('-' for standard output)")
    args = ap.parse_args(argv)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    writer = csv.writer(out)  # RFC 4180: CRLF, minimal quoting
    writer.writerow(COLUMNS)
    failures = documents_done = 0
    for doc in documents(args.corpus):
        try:
            with wenshu.Report(doc.text, doc.name, source_line=doc.line, source_id=doc.id,
                               title=doc.title) as report:
                # Decimals keep the library's exact digits (770000, 70.4) instead of binary floats.
                parsed = json.loads(report.json_text(), parse_float=decimal.Decimal)
        except wenshu.WenshuError as e:
            print(f"{doc.name}:{doc.line}: {e}", file=sys.stderr)
            failures += 1
            continue
        writer.writerows(fact_rows(parsed))
        documents_done += 1
    if out is not sys.stdout:
        out.close()
    print(f"{documents_done} documents, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
