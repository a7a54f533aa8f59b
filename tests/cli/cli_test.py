#!/usr/bin/env python3
"""Tests of the `wenshu` command line. WENSHU_CLI names the binary; WENSHU_TEST_DATA the tests/data
folder; WENSHU_SHARED_DIR (optional) the shared corpora for the whole-corpus test."""
import csv
import io
import json
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import time
import unittest

CLI = os.environ.get("WENSHU_CLI", "wenshu")
DATA = pathlib.Path(os.environ.get("WENSHU_TEST_DATA", pathlib.Path(__file__).resolve().parents[1] / "data"))
SAMPLE = DATA.parent.parent / "examples" / "sample" / "report.txt"
SHARED = os.environ.get("WENSHU_SHARED_DIR", "")


def run(*args, stdin=None, timeout=300):
    return subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, timeout=timeout)


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def corpus(self, name="corpus.jsonl", lines=None, copies=1):
        """A JSONL corpus of the report fixtures (and the sample), `copies` times over."""
        if lines is None:
            docs = [SAMPLE] + sorted((DATA / "report").glob("*.txt"))
            lines = []
            for k in range(copies):
                for i, p in enumerate(docs):
                    lines.append(json.dumps({"id": f"{k}-{i}", "title": None, "text": p.read_text("utf-8")},
                                            ensure_ascii=False))
        path = self.dir / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path


class ParseTest(Base):
    def test_one_file_prints_one_pretty_object(self):
        r = run("parse", SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, b"")
        report = json.loads(r.stdout)
        self.assertEqual(report["schema"], "wenshu.report/1")
        self.assertEqual(report["title"], "某区民政局2023年上半年工作总结")
        self.assertTrue(report["period"]["year_masked"])
        self.assertIn(b'\n  "title"', r.stdout)  # pretty

    def test_stdin(self):
        r = run("parse", "-", stdin=SAMPLE.read_bytes())
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["source"]["name"], "<stdin>")

    def test_directory_is_walked_sorted_for_txt(self):
        (self.dir / "b").mkdir()
        (self.dir / "b" / "z.txt").write_text("乙局工作总结\n正文。\n", encoding="utf-8")
        (self.dir / "a.txt").write_text("甲局工作总结\n正文。\n", encoding="utf-8")
        (self.dir / "c.md").write_text("not a report", encoding="utf-8")
        r = run("parse", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        reports = [json.loads(l) for l in r.stdout.decode().splitlines()]  # jsonl by default
        self.assertEqual([pathlib.Path(x["source"]["name"]).name for x in reports], ["a.txt", "z.txt"])
        self.assertEqual(reports[0]["issuer"], "甲局")

    def test_jsonl_corpus_with_bad_lines(self):
        good = json.dumps({"id": "d1", "text": "甲局工作总结\n正文。"}, ensure_ascii=False)
        content = json.dumps({"id": 7, "content": "乙局工作计划\n正文。", "title": "乙局2024年工作计划"},
                             ensure_ascii=False)
        path = self.corpus(lines=[good, "{bad json", content, "[1, 2]", '{"id": "x"}', ""])
        r = run("parse", path)
        self.assertEqual(r.returncode, 1)
        reports = [json.loads(l) for l in r.stdout.decode().splitlines()]
        self.assertEqual([x["source"]["id"] for x in reports], ["d1", "7"])
        self.assertEqual([x["source"]["line"] for x in reports], [1, 3])
        self.assertEqual(reports[1]["title"], "乙局2024年工作计划")  # from --title-field (title)
        self.assertEqual(reports[1]["kind"], "plan")
        err = r.stderr.decode()
        self.assertIn(f"{path}:2: invalid JSON", err)
        self.assertIn(f"{path}:4: not a JSON object", err)
        self.assertIn(f"{path}:5: no string field", err)
        self.assertEqual(len(err.strip().splitlines()), 3)

    def test_text_field_option(self):
        path = self.corpus(lines=[json.dumps({"body": "丙局工作总结\n正文。", "text": 3}, ensure_ascii=False)])
        r = run("parse", path, "--text-field", "body")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["issuer"], "丙局")
        r = run("parse", path)  # "text" is there but not a string
        self.assertEqual(r.returncode, 1)

    def test_jobs_do_not_change_output(self):
        path = self.corpus(copies=6)
        outputs = []
        for jobs in ("1", "2", "5"):
            r = run("parse", path, "--jobs", jobs, "--format", "jsonl")
            self.assertEqual(r.returncode, 0, r.stderr)
            outputs.append(r.stdout)
        self.assertEqual(outputs[0], outputs[1])
        self.assertEqual(outputs[0], outputs[2])
        self.assertEqual(len(outputs[0].splitlines()), 6 * (1 + len(list((DATA / "report").glob("*.txt")))))

    def test_csv_format(self):
        r = run("parse", SAMPLE, DATA / "report" / "checks.txt", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"\r\n", r.stdout)
        rows = list(csv.reader(io.StringIO(r.stdout.decode(), newline="")))
        self.assertEqual(rows[0][:6], ["document", "line", "fact", "section", "subject", "text"])
        self.assertGreater(len(rows), 40)
        self.assertTrue(all(len(row) == len(rows[0]) for row in rows))
        docs = {row[0] for row in rows[1:]}
        self.assertEqual(len(docs), 2)

    def test_json_format_with_several_documents_is_an_array(self):
        r = run("parse", SAMPLE, DATA / "report" / "checks.txt", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        reports = json.loads(r.stdout)
        self.assertEqual(len(reports), 2)
        empty = self.corpus(lines=[])
        r = run("parse", empty, "--format", "json")
        self.assertEqual(json.loads(r.stdout), [])

    def test_large_documents_are_streamed_with_the_same_bytes(self):
        # Documents of 1 MiB and more are written by the writer thread in pieces (WriteJson) instead of
        # as one string: the framing of a JSON array and of JSONL lines must be what it is for small ones.
        big = self.dir / "big.txt"
        text = SAMPLE.read_text("utf-8")
        big.write_text(text * ((1 << 20) // len(text.encode("utf-8")) + 2), encoding="utf-8")
        self.assertGreater(big.stat().st_size, 1 << 20)
        small = SAMPLE
        singles = {}
        for path in (small, big):
            r = run("parse", path, "--format", "json")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(r.stdout.endswith(b"}\n"))
            singles[path] = r.stdout[:-1]
            json.loads(r.stdout)
        r = run("parse", small, big, small, "--format", "json", "--jobs", "2")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, b"[\n" + b",\n".join([singles[small], singles[big], singles[small]]) + b"\n]\n")
        lines = []
        for jobs in ("1", "2"):
            r = run("parse", big, small, "--format", "jsonl", "--jobs", jobs)
            self.assertEqual(r.returncode, 0, r.stderr)
            lines.append(r.stdout)
        self.assertEqual(lines[0], lines[1])
        out = lines[0].split(b"\n")
        self.assertEqual(len(out), 3)
        self.assertEqual(out[2], b"")
        self.assertEqual(json.loads(out[0]), json.loads(singles[big]))
        self.assertEqual(json.loads(out[1]), json.loads(singles[small]))

    def test_missing_inputs_are_reported_and_others_go_on(self):
        r = run("parse", self.dir / "missing.txt", SAMPLE)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"missing.txt: No such file or directory", r.stderr)
        self.assertEqual(len(r.stdout.splitlines()), 1)

    def test_unreadable_directory(self):
        if os.geteuid() == 0:
            self.skipTest("root reads every directory")
        locked = self.dir / "locked"
        locked.mkdir()
        locked.chmod(0)
        try:
            r = run("parse", locked)
            self.assertEqual(r.returncode, 1)
            self.assertIn(b"cannot read directory", r.stderr)
        finally:
            locked.chmod(0o755)

    def test_max_bytes(self):
        path = self.corpus(lines=[json.dumps({"text": "短"}), json.dumps({"text": "长" * 200})])
        r = run("parse", path, "--max-bytes", "100")
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:2: line over --max-bytes 100".encode(), r.stderr)
        self.assertEqual(len(r.stdout.splitlines()), 1)
        r = run("parse", SAMPLE, "--max-bytes", "100")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"over --max-bytes", r.stderr)

    def test_output_file_is_written_whole(self):
        out = self.dir / "out.jsonl"
        r = run("parse", self.corpus(), "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(len(out.read_text("utf-8").splitlines()), 1 + len(list((DATA / "report").glob("*.txt"))))
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["corpus.jsonl", "out.jsonl"])

    def test_output_to_full_disk(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        r = run("parse", self.corpus(copies=3), "-o", "/dev/full")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"No space left on device", r.stderr)
        with open("/dev/full", "wb") as full:  # stdout on a full disk too
            p = subprocess.run([CLI, "parse", str(SAMPLE)], stdout=full, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"No space left on device", p.stderr)

    def test_output_into_missing_folder(self):
        r = run("parse", SAMPLE, "-o", self.dir / "no" / "such" / "out.json")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"cannot create a temporary file", r.stderr)

    def test_closed_stdout_exits_quietly(self):
        path = self.corpus(copies=40)
        p = subprocess.Popen([CLI, "parse", str(path), "--jobs", "2"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        p.stdout.read(100)
        p.stdout.close()  # like `| head -c 100`
        _, err = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 0, err)
        self.assertEqual(err, b"")

    def test_interrupt_removes_partial_output(self):
        out = self.dir / "out.jsonl"
        p = subprocess.Popen([CLI, "parse", "--jsonl", "-", "-o", str(out)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = json.dumps({"text": SAMPLE.read_text("utf-8")}, ensure_ascii=False).encode() + b"\n"
        p.stdin.write(line * 5)
        p.stdin.flush()
        time.sleep(0.5)  # it has parsed what it got and waits for more input
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 130, err)
        self.assertIn(b"interrupted", err)
        self.assertIn(b"was not written", err)
        self.assertFalse(out.exists())
        self.assertEqual(list(self.dir.iterdir()), [])  # no temporary file left behind

    def test_interrupt_inside_the_first_document_is_no_failure(self):
        big = self.dir / "big.txt"
        big.write_text("".join(f"{i}、完成项目{i}个。\n" for i in range(1, 200001)), encoding="utf-8")
        p = subprocess.Popen([CLI, "parse", "-q", "-j", "1", str(big), "-o", str(self.dir / "out.jsonl")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(1.5)  # the parse of its one document takes several seconds
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 130, err)
        self.assertNotIn(b"cancelled", err)
        self.assertNotIn(str(big).encode() + b":", err)  # the document is not reported as failed
        self.assertIn(b"interrupted after 0 documents", err)

    def test_progress_when_forced(self):
        r = run("parse", self.corpus(), "--progress", "-o", self.dir / "o.jsonl")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"documents", r.stderr)
        self.assertIn(b"MB/s", r.stderr)
        r = run("parse", self.corpus(), "-o", self.dir / "o.jsonl")
        self.assertEqual(r.stderr, b"")  # stderr is not a terminal: quiet

    @unittest.skipUnless(SHARED, "WENSHU_SHARED_DIR not set")
    def test_clean_corpora_all_parse(self):
        national = pathlib.Path(SHARED) / "corpora/gov-reports-national-1954-2025/government_work_reports.jsonl"
        r = run("parse", national, "--text-field", "content", "--format", "jsonl")
        self.assertEqual(r.returncode, 0, r.stderr)
        reports = [json.loads(l) for l in r.stdout.decode().splitlines()]
        self.assertEqual(len(reports), 72)
        self.assertTrue(all(x["title"] for x in reports))
        # The provincial reports are CSV files: turn them into a JSONL corpus and parse that.
        csv.field_size_limit(1 << 30)
        lines = []
        for f in sorted((pathlib.Path(SHARED) / "corpora/gov-reports-provincial-2026/output/2026_raw_text").glob("*.csv")):
            with open(f, encoding="utf-8-sig", newline="") as fh:
                for row in csv.DictReader(fh):
                    if row.get("full_text"):
                        lines.append(json.dumps({"id": row["province"], "title": row["title"],
                                                 "text": row["full_text"]}, ensure_ascii=False))
        self.assertGreater(len(lines), 20)
        r = run("parse", self.corpus("provincial.jsonl", lines=lines))
        self.assertEqual(r.returncode, 0, r.stderr)
        reports = [json.loads(l) for l in r.stdout.decode().splitlines()]
        self.assertEqual(len(reports), len(lines))
        self.assertTrue(all(x["kind"] == "report" and x["period"]["year"] == 2026 for x in reports))


class RepairTest(Base):
    def test_repaired_text(self):
        r = run("repair", SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = r.stdout.decode()
        # The document's own title line stays; the site's fuller copies go.
        self.assertTrue(text.startswith("2023年上半年工作总结\n2023年上半年,区民政局"))
        self.assertIn("10、党风廉政建设", text)
        self.assertIn("安置率为92%", text)
        self.assertNotIn("温馨提示", text)
        parsed = json.loads(run("parse", SAMPLE).stdout)
        self.assertEqual(text, parsed["text"])

    def test_diff(self):
        r = run("repair", SAMPLE, "--diff")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        self.assertIn("# diagnosis:", out)
        # A unified diff now (review_test.py checks it patches): the masked 10 comes back in a + line.
        self.assertIn("\n-2023、党风廉政建设", out)
        self.assertIn("\n+10、党风廉政建设", out)
        self.assertIn("# flag number.masked_year", out)

    def test_disable_and_list_rules(self):
        rules = run("repair", "--list-rules")
        self.assertEqual(rules.returncode, 0)
        self.assertIn(b"number.masked_ten", rules.stdout)
        r = run("repair", SAMPLE, "--disable", "number.", "--disable", "boilerplate.")
        self.assertIn("2023、党风廉政建设", r.stdout.decode())
        self.assertIn("温馨提示", r.stdout.decode())
        r = run("repair", SAMPLE, "--disable", "no.such.rule")
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"unknown rule", r.stderr)

    def test_missing_file(self):
        r = run("repair", self.dir / "nope.txt")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"nope.txt: No such file or directory", r.stderr)


class UsageTest(Base):
    def test_help_and_version(self):
        for args in (["--help"], ["parse", "--help"], ["repair", "--help"], ["help", "parse"]):
            r = run(*args)
            self.assertEqual(r.returncode, 0, args)
            self.assertIn(b"usage: wenshu", r.stdout)
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^wenshu \d+\.\d+\.\d+ \(schema wenshu\.report/1\)")

    def test_usage_errors_exit_2(self):
        r = run()
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"usage:", r.stderr)
        # A usage error is its one line and where the help is, not the whole help after it.
        for args in (["frobnicate"], ["parse", "--bogus"], ["parse", "--format", "xml", str(SAMPLE)],
                     ["parse", "--jobs", "many", str(SAMPLE)], ["parse", "-o"], ["repair", "a", "b"],
                     ["tokenize"], ["targets", "--bogus"], ["parse", "-x1", str(SAMPLE)]):
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertEqual(r.stdout, b"", args)
            lines = r.stderr.decode().splitlines()
            self.assertLessEqual(len(lines), 2, (args, lines))
            self.assertIn("--help", lines[-1], args)
            self.assertNotIn("usage:", r.stderr.decode(), args)

    def test_short_options_take_attached_values(self):
        want = run("parse", "-q", "-j", "1", "-f", "jsonl", SAMPLE)
        self.assertEqual(want.returncode, 0, want.stderr.decode())
        self.assertEqual(run("parse", "-q", "-j1", "-fjsonl", SAMPLE).stdout, want.stdout)
        out = self.dir / "out.jsonl"
        r = run("parse", "-q", "-j1", f"-o{out}", "-fjsonl", SAMPLE)
        self.assertEqual((r.returncode, out.read_bytes()), (0, want.stdout))
        self.assertEqual(run("parse", "-q1", SAMPLE).returncode, 2)  # a switch takes no value


if __name__ == "__main__":
    unittest.main()
