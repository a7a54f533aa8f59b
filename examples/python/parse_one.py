#!/usr/bin/env python3
"""Parses one report and prints its title, what was repaired, and its figures.

    python3 parse_one.py report.txt            # a summary
    python3 parse_one.py report.txt --json     # the JSON `wenshu parse report.txt --format json` prints
"""
import argparse
import json
import sys

import _find_wenshu

_find_wenshu.ensure()
import wenshu  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--json", action="store_true", help="print the whole report as JSON")
    ap.add_argument("--disable", action="append", default=[], metavar="RULE",
                    help="switch off a repair rule or family (e.g. vocab.); repeatable")
    args = ap.parse_args(argv)
    try:
        # --json prints exactly the command's JSON: byte spans only, no added char spans.
        report = wenshu.parse_file(args.file, disabled_rules=args.disable, char_spans=not args.json)
    except (OSError, wenshu.WenshuError) as e:
        print(f"{args.file}: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    period = report["period"]
    print(f"title:   {report['title'] or '(none)'}")
    print(f"kind:    {report['kind']}, year {period['year']}{' (masked)' if period['year_masked'] else ''}"
          f"{', ' + period['part'] if period['part'] else ''}")
    print(f"found:   {len(report['quantities'])} quantities, {len(report['changes'])} changes, "
          f"{len(report['dates'])} dates, {len(report['sections'])} top-level sections")
    for r in report["repairs"]:
        print(f"repair:  {r['rule']} [{r['span'][0]},{r['span'][1]}) "
              f"{r['before']!r} -> {r['after']!r} ({r['confidence']:.2f})")
    for q in report["quantities"][:10]:
        print(f"figure:  {q['subject'] or '-'}: {q['text']} = {q['value']} {q['unit'] or ''}")
    failed = [c for c in report["checks"] if c["status"] == "fail"]
    for c in failed:
        print(f"check:   {c['rule']} failed: {c['reason']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
