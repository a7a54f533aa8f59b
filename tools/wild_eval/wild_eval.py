#!/usr/bin/python3
"""Scores wenshu's repair on a folder of real damaged pages annotated by hand.

    tools/wild_eval/wild_eval.py DIR [--verbose] [--json] [--disable RULE ...]

DIR holds pages/NNN.txt, pages/INDEX.tsv (file, address, site_family, kind: damaged | control) and
annotations.tsv (file, kind, fragment, expected); the format is described in tools/wild_eval/README.md.
Prints met / missed / false per kind of damage. A false is an edit where no annotation expects one
(counted under the rule that made it), any edit contradicting an annotation (counted under the
annotation's kind), and every edit or diagnosis on a control page.

The library is found as the Python package finds it (WENSHU_LIBRARY, or the build tree of this
checkout); the package itself is imported from capi/python of this checkout.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "capi", "python"))
# `wenshu` (and so the built library) is imported only when pages are scored: spots.py imports this
# module to read and write annotations, which must work before anything is built.

EXPECTATIONS = ("removed", "flagged", "flagged_or_removed", "flagged_or_changed", "kept", "changed")
# Rule families that rewrite a whole converted text run by run: on a page annotated with their kind
# their records are the expected conversion, not edits of the spots they happen to cover.
SCRIPT_RULES = {"text.traditional": "traditional", "text.pinyin": "pinyin"}
# Diagnosis fields that say the document is damaged (a control page must show none).
DAMAGE_DIAGNOSES = ("site_boilerplate", "page_furniture", "masked_numbers", "spun_vocabulary",
                    "quote_damage", "converted_script", "truncated", "stripped_numbers")


class FormatError(Exception):
    pass


def unescape(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(n, "\\" + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


@dataclass
class Spot:
    file: str
    kind: str
    fragment: str  # as written in annotations.tsv
    expected: str
    begin: int = 0  # byte span of the spot in the page
    end: int = 0
    line: int = 0

    @property
    def restored(self) -> Optional[str]:
        return self.expected[len("restored:"):] if self.expected.startswith("restored:") else None


@dataclass
class Page:
    file: str
    address: str
    family: str
    kind: str
    data: bytes = b""
    spots: List[Spot] = field(default_factory=list)


def locate(data: bytes, fragment: str) -> Tuple[int, int]:
    """Byte span of the marked spot ([[...]]) or of the whole fragment, first occurrence."""
    text = unescape(fragment)
    m = re.fullmatch(r"(?s)(.*?)\[\[(.*?)\]\](.*)", text)
    before, spot, after = (m.group(1), m.group(2), m.group(3)) if m else ("", text, "")
    whole = (before + spot + after).encode("utf-8")
    at = data.find(whole)
    if at < 0:
        raise FormatError(f"fragment not found: {fragment!r}")
    b = at + len(before.encode("utf-8"))
    return b, b + len(spot.encode("utf-8"))


def read_tsv(path: str, columns: int) -> List[Tuple[int, List[str]]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if n == 1 or not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < columns:
                raise FormatError(f"{path}:{n}: {columns} tab-separated columns expected")
            rows.append((n, cols))
    return rows


def load(folder: str) -> List[Page]:
    pages: Dict[str, Page] = {}
    for n, cols in read_tsv(os.path.join(folder, "pages", "INDEX.tsv"), 4):
        kind = cols[3].strip()
        if kind not in ("damaged", "control"):
            raise FormatError(f"INDEX.tsv:{n}: kind must be damaged or control, not {kind!r}")
        with open(os.path.join(folder, "pages", cols[0]), "rb") as f:
            pages[cols[0]] = Page(cols[0], cols[1], cols[2], kind, f.read())
    errors = []
    for n, cols in read_tsv(os.path.join(folder, "annotations.tsv"), 4):
        f, kind, fragment, expected = cols[0], cols[1].strip(), cols[2], cols[3].strip()
        if f not in pages:
            errors.append(f"annotations.tsv:{n}: no page {f} in INDEX.tsv")
            continue
        if expected not in EXPECTATIONS and not expected.startswith("restored:"):
            errors.append(f"annotations.tsv:{n}: unknown expected outcome {expected!r}")
            continue
        spot = Spot(f, kind, fragment, expected, line=n)
        try:
            spot.begin, spot.end = locate(pages[f].data, fragment)
        except FormatError as e:
            errors.append(f"annotations.tsv:{n}: {f}: {e}")
            continue
        pages[f].spots.append(spot)
    if errors:
        raise FormatError("\n".join(errors))
    return list(pages.values())


def overlaps(b1: int, e1: int, b2: int, e2: int) -> bool:
    if b1 == e1:  # an insertion touches what it sits inside or next to
        return b2 <= b1 <= e2
    if b2 == e2:
        return b1 <= b2 <= e1
    return b1 < e2 and b2 < e1


def region_text(data: bytes, records: List[dict], b: int, e: int) -> str:
    """The repaired text of original bytes [b, e) (records inside it applied)."""
    out, at = [], b
    for r in records:
        rb, re_ = r["span"]
        if rb < b or re_ > e:
            continue
        out += [data[at:rb], r["after"].encode("utf-8")]
        at = re_
    out.append(data[at:e])
    return b"".join(out).decode("utf-8", "replace")


def squeeze(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


class Score:
    def __init__(self) -> None:
        self.kinds: Dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.rules: collections.Counter = collections.Counter()
        self.extra_flags: collections.Counter = collections.Counter()
        self.details: List[str] = []
        self.pages_untouched = 0
        self.damaged_pages = 0
        # Per site family: spots / met / missed / false (against annotations and unannotated edits).
        self.families: Dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        # Per (rule, confidence) of the records: right (an annotated spot met), wrong (a spot made false,
        # a control page edited), missed (a spot touched but not met) or unannotated (no spot touched).
        self.records: Dict[Tuple[str, float], collections.Counter] = collections.defaultdict(collections.Counter)

    def outcome(self, record: dict, what: str) -> None:
        self.records[(record["rule"], round(record["confidence"], 4))][what] += 1

    def note(self, what: str, page: Page, text: str) -> None:
        self.details.append(f"{what:7} {page.file} {text}")


def judge(page: Page, result, score: Score) -> None:
    data, records, flags = page.data, result.records, result.flags
    kinds_here = {s.kind for s in page.spots}
    neutral = {rule for rule, kind in SCRIPT_RULES.items() if kind in kinds_here}
    used = [False] * len(records)
    flag_used = [False] * len(flags)

    fam = score.families[page.family]
    fam["pages"] += 1
    # Byte ranges whose deletion is expected: one record may delete several such spots at once (a whole
    # header block), which meets each of them as long as it deletes nothing else but whitespace.
    removable = [(s.begin, s.end) for s in page.spots if s.expected in ("removed", "flagged_or_removed")]

    def only_removable(b: int, e: int) -> bool:
        return all(data[i:i + 1].isspace() or any(rb <= i < re_ for rb, re_ in removable) for i in range(b, e))
    if page.kind == "control":
        for r in records:
            score.outcome(r, "wrong")
            fam["false"] += 1
            score.rules["control:" + r["rule"]] += 1
            score.note("false", page, f"{r['rule']} {r['before']!r} -> {r['after']!r} (control page)")
        diag = [d for d in DAMAGE_DIAGNOSES if result.diagnosis.get(d)]
        if diag:
            fam["false"] += 1
            score.rules["control:diagnosis"] += 1
            score.note("false", page, "control page diagnosed: " + ", ".join(diag))
        return

    score.damaged_pages += 1
    # Per record, the worst outcome of the spots it touched: wrong > missed > right.
    outcome: Dict[int, str] = {}
    rank = {"right": 0, "missed": 1, "wrong": 2}

    def mark(indices: List[int], what: str) -> None:
        for i in indices:
            if records[i]["rule"] not in neutral and rank[what] >= rank[outcome.get(i, "right")]:
                outcome[i] = what
    if not records and not flags:
        score.pages_untouched += 1
    for s in page.spots:
        k = score.kinds[s.kind]
        # A line break inserted at the edge of a spot that holds text (a heading's end before a masked year
        # or a spun word) leaves the spot's text as it was: it is judged on its own, not as an edit of the
        # spot, unless the spot's expected result itself holds a break.
        edge_break_apart = s.begin < s.end and not any(c.isspace() for c in unescape(s.restored or ""))
        hit = [i for i, r in enumerate(records) if overlaps(s.begin, s.end, *r["span"])
               and not (edge_break_apart and r["span"][0] == r["span"][1] and not r["after"].strip()
                        and r["span"][0] in (s.begin, s.end))]
        for i in hit:
            used[i] = True
        hit_flags = [i for i, f in enumerate(flags) if overlaps(s.begin, s.end, *f["span"])]
        for i in hit_flags:
            flag_used[i] = True
        own = [records[i] for i in hit if records[i]["rule"] not in neutral]
        # The region the spot and the edits touching it cover, before and after.
        b = min([s.begin] + [r["span"][0] for r in own])
        e = max([s.end] + [r["span"][1] for r in own])
        after = region_text(data, own, b, e)
        spot_text = data[s.begin:s.end].decode("utf-8", "replace")
        show = f"[{s.kind}] {s.fragment} ({s.expected})"

        def expect_text(x: str) -> str:
            return (data[b:s.begin] + x.encode("utf-8") + data[s.end:e]).decode("utf-8", "replace")

        def covered() -> bool:
            return all(any(r["span"][0] <= p < r["span"][1] for r in own) for p in range(s.begin, s.end))

        # A conversion rule's deletion inside a spot to remove (a reading 頁(yè) in a site's line) removes
        # that part of it too.
        removers = own + [records[i] for i in hit if records[i]["rule"] in neutral and not records[i]["after"]]

        def removed_ok() -> bool:
            if not own or not all(any(r["span"][0] <= p < r["span"][1] for r in removers)
                                  for p in range(s.begin, s.end)):
                return False
            rb = min([s.begin] + [r["span"][0] for r in removers])
            re_ = max([s.end] + [r["span"][1] for r in removers])
            gone = region_text(data, removers, rb, re_)
            if spot_text.strip():
                expected = (data[rb:s.begin] + data[s.end:re_]).decode("utf-8", "replace")
                if squeeze(gone).replace(" ", "") == squeeze(expected).replace(" ", ""):
                    return True
                # Records that delete the spot together with other spots annotated for removal.
                return all(not r["after"].strip() and only_removable(*r["span"]) for r in removers)
            return gone == (data[rb:s.begin] + data[s.end:re_]).decode("utf-8", "replace")

        if s.expected == "kept":
            if own:
                mark(hit, "wrong")
                k["false"] += 1
                fam["false"] += 1
                score.note("false", page, f"{show} changed to {after!r}")
            else:
                k["kept"] += 1
            continue
        k["spots"] += 1
        if s.expected == "changed":
            ok = bool(hit)
        elif s.expected == "removed":
            ok = removed_ok()
            if own and not ok:
                mark(hit, "wrong")
                k["false"] += 1
                fam["false"] += 1
                score.note("false", page, f"{show} became {after!r}")
        elif s.expected == "flagged":
            ok = bool(hit_flags) and not own
            if own:
                mark(hit, "wrong")
                k["false"] += 1
                fam["false"] += 1
                score.note("false", page, f"{show} edited to {after!r} instead of flagged")
        elif s.expected == "flagged_or_removed":
            ok = removed_ok() or (bool(hit_flags) and not own)
        elif s.expected == "flagged_or_changed":
            # A word whose original is not certain (a spun word with several candidates): a flag or any edit.
            ok = bool(hit_flags) or bool(own)
        else:
            x = unescape(s.restored or "")
            want = expect_text(x)
            ok = bool(own) and (after == want or (any(c.isspace() for c in x) and squeeze(after) == squeeze(want)))
            if own and not ok:
                mark(hit, "wrong")
                k["false"] += 1
                fam["false"] += 1
                score.note("false", page, f"{show} became {after!r}")
        mark(hit, "right" if ok else "missed")
        k["met" if ok else "missed"] += 1
        fam["spots"] += 1
        fam["met" if ok else "missed"] += 1
        if not ok:
            score.note("missed", page, show)
    for i, r in enumerate(records):
        if i in outcome:
            score.outcome(r, outcome[i])
        if used[i] or r["rule"] in neutral:
            continue
        score.outcome(r, "unannotated")
        score.rules[r["rule"]] += 1
        fam["false"] += 1
        score.note("false", page, f"{r['rule']} {r['before']!r} -> {r['after']!r} (no annotation)")
    for i, f in enumerate(flags):
        if not flag_used[i]:
            score.extra_flags[f["rule"]] += 1


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every missed spot and false edit")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--disable", action="append", default=[], help="switch a rule (or family.) off")
    ap.add_argument("--by-family", action="store_true", help="also print the figures per site family")
    ap.add_argument("--by-confidence", action="store_true",
                    help="also print each rule's records per confidence: right, wrong, missed, unannotated")
    args = ap.parse_args(argv)
    try:
        pages = load(args.folder)
    except (FormatError, OSError) as e:
        print(f"wild_eval: {e}", file=sys.stderr)
        return 2
    import wenshu  # noqa: E402  (the path above must come first)
    score = Score()
    for page in sorted(pages, key=lambda p: p.file):
        result = wenshu.repair(page.data, disabled_rules=args.disable) if args.disable else \
            wenshu.repair(page.data)
        judge(page, result, score)

    total = collections.Counter()
    for c in score.kinds.values():
        total.update(c)
    rule_false = sum(score.rules.values())
    if args.json:
        print(json.dumps({"kinds": {k: dict(v) for k, v in sorted(score.kinds.items())},
                          "rule_false": dict(score.rules), "extra_flags": dict(score.extra_flags),
                          "families": {k: dict(v) for k, v in sorted(score.families.items())},
                          "damaged_pages": score.damaged_pages, "pages_untouched": score.pages_untouched,
                          "total": dict(total)}, ensure_ascii=False, indent=1))
        return 0
    if args.verbose:
        for line in score.details:
            print(line)
        print()
    print(f"{'kind':20} {'spots':>5} {'met':>5} {'missed':>6} {'false':>5} {'kept':>5}")
    for kind, c in sorted(score.kinds.items()):
        print(f"{kind:20} {c['spots']:5} {c['met']:5} {c['missed']:6} {c['false']:5} {c['kept']:5}")
    for rule, n in sorted(score.rules.items()):
        print(f"{'false: ' + rule:40} {n:5}")
    if args.by_family:
        print()
        print(f"{'site family':20} {'pages':>5} {'spots':>5} {'met':>5} {'missed':>6} {'false':>5}")
        for fam, c in sorted(score.families.items()):
            print(f"{fam:20} {c['pages']:5} {c['spots']:5} {c['met']:5} {c['missed']:6} {c['false']:5}")
    if args.by_confidence:
        print()
        print(f"{'rule':32} {'conf':>6} {'right':>5} {'wrong':>5} {'missed':>6} {'unann':>5}")
        for (rule, conf), c in sorted(score.records.items()):
            print(f"{rule:32} {conf:6.4f} {c['right']:5} {c['wrong']:5} {c['missed']:6} {c['unannotated']:5}")
    share = total["met"] / total["spots"] if total["spots"] else 0.0
    print(f"total: {total['spots']} spots, {total['met']} met ({share:.1%}), {total['missed']} missed, "
          f"{total['false'] + rule_false} false ({total['false']} against annotations, {rule_false} unannotated "
          f"edits); {score.pages_untouched} of {score.damaged_pages} damaged pages untouched")
    if score.extra_flags:
        print("extra flags (no annotation, not counted): " +
              ", ".join(f"{r} {n}" for r, n in sorted(score.extra_flags.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
