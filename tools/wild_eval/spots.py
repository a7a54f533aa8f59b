#!/usr/bin/python3
"""Annotations of a wild_eval folder as byte offsets, so that they can be kept without the pages' text.

    tools/wild_eval/spots.py export DIR > spots.tsv      # file, sha256 of the page, kind, begin, end, expected
    tools/wild_eval/spots.py import DIR spots.tsv        # writes DIR/annotations.tsv back from the offsets

The real pages may not be committed (they are third-party text), so the repository keeps only the addresses
(sources.tsv) and the spots by offset. Once the pages are collected again, `import` rebuilds annotations.tsv for
every page whose bytes hash to the recorded sha256, with just enough context around each spot to be found at the
same place; pages that came back different are listed on stderr and get no annotations.
"""

from __future__ import annotations

import hashlib
import os
import sys
from typing import Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from wild_eval import FormatError, load, read_tsv  # noqa: E402


def escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def export(folder: str) -> List[str]:
    out = ["file\tsha256\tkind\tbegin\tend\texpected"]
    for page in sorted(load(folder), key=lambda p: p.file):
        digest = hashlib.sha256(page.data).hexdigest()
        for s in sorted(page.spots, key=lambda s: s.line):
            out.append("\t".join([page.file, digest, s.kind, str(s.begin), str(s.end), s.expected]))
    return out


def fragment(data: bytes, b: int, e: int) -> str:
    """The spot marked with [[ ]] inside the shortest context (grown a character at a time on both sides)
    whose first occurrence in the page is this one."""
    text = data.decode("utf-8")
    cb = len(data[:b].decode("utf-8"))
    ce = len(data[:e].decode("utf-8"))
    lo, hi = cb, ce
    while True:
        whole = text[lo:hi]
        if whole and text.find(whole) == lo:
            break
        if lo == 0 and hi == len(text):
            break
        lo, hi = max(0, lo - 1), min(len(text), hi + 1)
    if (lo, hi) == (cb, ce):
        return escape(text[cb:ce])  # the spot alone is unique: no markers (a spot may end in "]")
    return escape(text[lo:cb]) + "[[" + escape(text[cb:ce]) + "]]" + escape(text[ce:hi])


def import_(folder: str, spots_path: str) -> int:
    pages: Dict[str, bytes] = {}
    for _, cols in read_tsv(os.path.join(folder, "pages", "INDEX.tsv"), 4):
        with open(os.path.join(folder, "pages", cols[0]), "rb") as f:
            pages[cols[0]] = f.read()
    out = ["file\tkind\tfragment\texpected"]
    differ = set()
    for n, cols in read_tsv(spots_path, 6):
        name, digest, kind, b, e, expected = cols[0], cols[1], cols[2], int(cols[3]), int(cols[4]), cols[5]
        data = pages.get(name)
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            differ.add(name)
            continue
        out.append("\t".join([name, kind, fragment(data, b, e), expected]))
    with open(os.path.join(folder, "annotations.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    for name in sorted(differ):
        print(f"spots: {name} is missing or not the page annotated (sha256 differs): no annotations", file=sys.stderr)
    return len(out) - 1


def main(argv: List[str]) -> int:
    try:
        if len(argv) == 2 and argv[0] == "export":
            print("\n".join(export(argv[1])))
            return 0
        if len(argv) == 3 and argv[0] == "import":
            n = import_(argv[1], argv[2])
            print(f"{n} annotations written", file=sys.stderr)
            return 0
    except (FormatError, OSError, UnicodeDecodeError) as e:
        print(f"spots: {e}", file=sys.stderr)
        return 2
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
