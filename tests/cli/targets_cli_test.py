#!/usr/bin/env python3
"""Command-line tests of `wenshu targets`: the wide, long and compare tables in CSV and Markdown, over
an invented series of two reports of one province (tests/data/targets/series: numbered and unnumbered
headings), the flags it shares with parse, and, with WENSHU_SHARED_DIR, the 31 provincial and the
national reports."""
import csv
import io
import json
import os
import pathlib
import subprocess
import tempfile
import unittest

CLI = os.environ.get("WENSHU_CLI", "wenshu")
SOURCE = pathlib.Path(os.environ.get("WENSHU_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SERIES = SOURCE / "tests" / "data" / "targets" / "series"
SHARED = os.environ.get("WENSHU_SHARED_DIR", "")


def run(*args, stdin=None):
    return subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, timeout=600)


def rows(stdout):
    return list(csv.DictReader(io.StringIO(stdout.decode("utf-8"), newline="")))


class Targets(unittest.TestCase):
    def table(self, *args):
        r = run("targets", "-q", *args)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return r.stdout

    def test_wide_table(self):
        out = self.table(SERIES)
        self.assertIn(b"\r\n", out)
        table = rows(out)
        self.assertEqual([r["year"] for r in table], ["2023", "2024"])
        self.assertEqual(list(table[0])[:4], ["document", "title", "issuer", "year"])
        self.assertEqual(table[0]["gdp_growth"], "5%左右")
        self.assertEqual(table[1]["gdp_growth"], "5-5.5%")
        self.assertEqual(table[0]["urban_unemployment_surveyed"], "5.5%以内")
        self.assertEqual(table[0]["grain_output"], "12000000吨以上")
        self.assertEqual(table[1]["grain_output"], "")

    def test_long_table(self):
        table = rows(self.table(SERIES, "--long"))
        self.assertEqual(len(table), 7)
        first = table[0]
        self.assertEqual((first["canonical"], first["value"], first["upper"], first["unit"], first["qualifier"],
                          first["kind"], first["tier"], first["year"]),
                         ("gdp_growth", "5", "", "%", "左右", "growth", "main", "2023"))
        text = (SERIES / "2023.txt").read_bytes()
        for r in table:
            if r["document"].endswith("2023.txt"):
                self.assertEqual(text[int(r["begin"]):int(r["end"])].decode(), r["text"])
        self.assertEqual(table[4]["upper"], "5.5")

    def test_compare_table(self):
        r = run("targets", SERIES, "--compare")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn(b"4 of 7 targets have an actual", r.stderr)
        table = rows(r.stdout)
        got = {(t["year"], t["canonical"]): (t["actual"], t["status"], t["rule"]) for t in table}
        # 5%左右 is met down to 4.9 (2% of the figure): 4.8 misses it.
        self.assertEqual(got[("2023", "gdp_growth")], ("4.8", "missed", ">= 4.9"))
        # CPI is a ceiling even when written 3%左右.
        self.assertEqual(got[("2023", "cpi")], ("0.5", "met", "<= 3.06"))
        self.assertEqual(got[("2023", "urban_unemployment_surveyed")], ("5.2", "met", "<= 5.5"))
        self.assertEqual(got[("2023", "grain_output")], ("12500000", "met", ">= 12000000"))
        self.assertEqual(got[("2024", "gdp_growth")], ("", "unknown", ""))
        text = (SERIES / "2024.txt").read_bytes()
        gdp = next(t for t in table if t["year"] == "2023" and t["canonical"] == "gdp_growth")
        self.assertEqual(text[int(gdp["actual_begin"]):int(gdp["actual_end"])].decode(), gdp["actual_text"])

    def test_markdown(self):
        out = self.table(SERIES, "--format", "md").decode()
        lines = out.splitlines()
        self.assertTrue(lines[0].startswith("| document | title | issuer | year |"))
        self.assertTrue(lines[1].startswith("| --- |"))
        self.assertEqual(len(lines), 4)
        self.assertIn("| 5%左右 |", out)
        long_md = self.table(SERIES, "--table", "long", "-f", "md").decode()
        self.assertEqual(len(long_md.splitlines()), 2 + 7)

    def test_corpus_fields_pass_through(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = pathlib.Path(tmp) / "c.jsonl"
            with open(corpus, "w", encoding="utf-8") as f:
                for year in (2023, 2024):
                    f.write(json.dumps({"id": f"r{year}", "region": "某省", "url": f"http://x/{year}",
                                        "text": (SERIES / f"{year}.txt").read_text(encoding="utf-8")},
                                       ensure_ascii=False) + "\n")
            table = rows(self.table(corpus, "--long"))
            self.assertEqual({r["document"] for r in table}, {"r2023", "r2024"})
            self.assertEqual({r["region"] for r in table}, {"某省"})
            wide = rows(self.table(corpus, "-j", "1"))
            self.assertEqual([r["url"] for r in wide], ["http://x/2023", "http://x/2024"])

    def test_usage_errors(self):
        for args in (["--format", "json"], ["--long", "--compare"], ["--table", "tall"], ["--bogus"]):
            r = run("targets", SERIES, *args)
            self.assertEqual(r.returncode, 2, args)
        r = run("targets", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"--compare", r.stdout)
        r = run("targets", SERIES / "missing.txt", SERIES / "2023.txt", "-q")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(rows(r.stdout)), 1)

    def test_inputs_with_nothing_to_read_are_said_as_parse_says_them(self):
        # Each document is read as parse reads it (src/cli/documents.h): an empty file, one of white space
        # and a JSONL corpus without lines give parse's warnings on stderr, in input order, and exit 0.
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            (tmp / "empty.txt").write_bytes(b"")
            (tmp / "blank.txt").write_bytes(" \n\u3000\n".encode())
            (tmp / "none.jsonl").write_bytes(b"")
            inputs = [tmp / "empty.txt", SERIES / "2023.txt", tmp / "blank.txt", tmp / "none.jsonl"]
            parse = run("parse", *inputs, "-q")
            targets = run("targets", *inputs, "-q")
            self.assertEqual(targets.returncode, 0, targets.stderr)
            warnings = [line for line in targets.stderr.decode().splitlines() if "warning:" in line]
            self.assertEqual(warnings, [line for line in parse.stderr.decode().splitlines() if "warning:" in line])
            self.assertEqual(warnings, [
                f"wenshu: {tmp / 'empty.txt'}: warning: empty input (0 bytes)",
                f"wenshu: {tmp / 'blank.txt'}: warning: no text (6 bytes of white space)",
                f"wenshu: {tmp / 'none.jsonl'}: warning: no document in the input",
            ])
            self.assertEqual(len(rows(targets.stdout)), 3)  # the two empty documents are rows without targets

    @unittest.skipUnless(SHARED, "WENSHU_SHARED_DIR is not set")
    def test_shared_corpora(self):
        provincial = pathlib.Path(SHARED) / "corpora" / "gov-reports-provincial-2026" / "output" / "2026_raw_text"
        paths = sorted(provincial.glob("2026_*_政府工作报告.csv"))
        table = rows(self.table(*paths))
        self.assertEqual(len(table), 31)
        self.assertTrue(all(r["gdp_growth"] for r in table))
        self.assertIn("province", table[0])
        national = pathlib.Path(SHARED) / "corpora" / "gov-reports-national-1954-2025" / "government_work_reports.jsonl"
        r = run("targets", national, "--compare")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        compare = [t for t in rows(r.stdout) if 2014 <= int(t["year"]) <= 2024]
        gdp = {t["year"]: t for t in compare if t["canonical"] == "gdp_growth"}
        # The national reports: 2022's 5.5%左右 was missed (3%), 2023's and 2024's 5%左右 met (5.2%, 5%).
        self.assertEqual(gdp["2022"]["status"], "missed")
        self.assertEqual((gdp["2023"]["status"], gdp["2023"]["actual"]), ("met", "5.2"))
        self.assertEqual((gdp["2024"]["status"], gdp["2024"]["actual"]), ("met", "5"))


if __name__ == "__main__":
    unittest.main()
