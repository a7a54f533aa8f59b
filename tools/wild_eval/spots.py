#!/usr/bin/python3
"""Annotations of a wild_eval folder as byte offsets, so that they can be kept without the pages' text.

    tools/wild_eval/spots.py export DIR > spots.tsv      # file, sha256, kind, begin, end, expected, context
    tools/wild_eval/spots.py import DIR spots.tsv        # writes DIR/annotations.tsv back from the offsets

The real pages may not be committed (they are third-party text), so the repository keeps only the addresses
(sources.tsv) and the spots by offset. Once the pages are collected again, `import` rebuilds annotations.tsv with
just enough context around each spot to be found at the same place. A page whose bytes hash to the recorded
sha256 takes the offsets as they are; on a page that came back slightly different each spot is looked for by the
hash of its context window (CONTEXT characters either side, the `context` column: before:spot:after:sha1 —
character counts and a hash, no text) and kept where exactly one place matches. Spots not found are counted on
stderr.
"""

from __future__ import annotations

import hashlib
import os
import sys
from typing import Dict, List, Optional

CONTEXT = 8  # characters either side of a spot in its context hash

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from wild_eval import FormatError, load, read_tsv  # noqa: E402


def escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def window_hash(text: str, cb: int, ce: int, nb: int, na: int) -> str:
    w = text[cb - nb:cb] + "[[" + text[cb:ce] + "]]" + text[ce:ce + na]
    return hashlib.sha1(w.encode("utf-8")).hexdigest()[:16]


def context(data: bytes, b: int, e: int) -> str:
    text = data.decode("utf-8")
    cb, ce = len(data[:b].decode("utf-8")), len(data[:e].decode("utf-8"))
    nb, na = min(CONTEXT, cb), min(CONTEXT, len(text) - ce)
    return f"{nb}:{ce - cb}:{na}:{window_hash(text, cb, ce, nb, na)}"


def find_by_context(data: bytes, ctx: str) -> Optional[tuple]:
    """The byte span of the one place whose context window hashes to ctx, or None."""
    nb, ns, na, h = ctx.split(":")
    nb, ns, na = int(nb), int(ns), int(na)
    text = data.decode("utf-8")
    hits = [cb for cb in range(nb, len(text) - ns - na + 1) if window_hash(text, cb, cb + ns, nb, na) == h]
    if len(hits) != 1:
        return None
    cb = hits[0]
    return len(text[:cb].encode("utf-8")), len(text[:cb + ns].encode("utf-8"))


def export(folder: str) -> List[str]:
    out = ["file\tsha256\tkind\tbegin\tend\texpected\tcontext"]
    for page in sorted(load(folder), key=lambda p: p.file):
        digest = hashlib.sha256(page.data).hexdigest()
        for s in sorted(page.spots, key=lambda s: s.line):
            out.append("\t".join([page.file, digest, s.kind, str(s.begin), str(s.end), s.expected,
                                  context(page.data, s.begin, s.end)]))
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
    differ, lost = set(), 0
    for n, cols in read_tsv(spots_path, 6):
        name, digest, kind, b, e, expected = cols[0], cols[1], cols[2], int(cols[3]), int(cols[4]), cols[5]
        data = pages.get(name)
        if data is None:
            lost += 1
            continue
        if hashlib.sha256(data).hexdigest() != digest:
            differ.add(name)
            span = find_by_context(data, cols[6]) if len(cols) > 6 else None
            if span is None:
                lost += 1
                continue
            b, e = span
        out.append("\t".join([name, kind, fragment(data, b, e), expected]))
    with open(os.path.join(folder, "annotations.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    for name in sorted(differ):
        print(f"spots: {name} differs from the page annotated (sha256): spots placed by context", file=sys.stderr)
    if lost:
        print(f"spots: {lost} spots not found (page missing, or its context changed)", file=sys.stderr)
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
