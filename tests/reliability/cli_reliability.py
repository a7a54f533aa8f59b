#!/usr/bin/env python3
"""Reliability of the `wenshu` command line beyond tests/cli/cli_test.py (which covers missing inputs,
bad JSONL lines, --max-bytes, -o on a full disk, a closed pipe for `parse`, SIGINT with -o): a
directory where a file is expected, every command on a missing file and a full disk, real shell
pipelines into `head -1` for every command, SIGINT mid-corpus with stdout redirected (the partial
output must be whole lines and announced as incomplete), SIGTERM with -o (no file, no temporary file
left), a JSONL corpus with malformed lines of every kind, and adversarial text (NULs, invalid UTF-8,
an empty file). WENSHU_CLI names the binary."""
import json
import os
import pathlib
import re
import signal
import subprocess
import tempfile
import time
import unittest

CLI = os.environ.get("WENSHU_CLI", "wenshu")
SOURCE = pathlib.Path(os.environ.get("WENSHU_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SAMPLE = SOURCE / "examples" / "sample" / "report.txt"


def run(*args, stdin=None, timeout=300, **kwargs):
    return subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, timeout=timeout, **kwargs)


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def big_corpus(self, copies=200):
        text = SAMPLE.read_text("utf-8")
        path = self.dir / "big.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in range(copies):
                f.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
        return path


class WrongKindOfPath(Base):
    def test_output_is_a_directory(self):
        target = self.dir / "out"
        target.mkdir()
        r = run("parse", SAMPLE, "-o", target)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(str(target).encode(), r.stderr)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(list(target.iterdir()), [])  # nothing written into it, no temporary file
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["out"])

    def test_repair_and_tokenize_given_a_directory(self):
        for command in ("repair", "tokenize"):
            with self.subTest(command=command):
                r = run(command, self.dir)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(b"Is a directory", r.stderr)
                self.assertEqual(r.stdout, b"")

    def test_missing_file_for_every_command(self):
        for command in ("parse", "repair", "tokenize"):
            with self.subTest(command=command):
                r = run(command, self.dir / "missing.txt")
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(b"missing.txt", r.stderr)
                self.assertIn(b"No such file or directory", r.stderr)


class FullDisk(Base):
    def test_every_command_on_a_full_disk(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        for command in ("parse", "repair", "tokenize"):
            with self.subTest(command=command):
                with open("/dev/full", "wb") as full:
                    p = subprocess.run([CLI, command, str(SAMPLE)], stdout=full, stderr=subprocess.PIPE,
                                       timeout=120)
                self.assertEqual(p.returncode, 1, p.stderr)
                # The reason, not just "an error": a user must know the disk is full.
                self.assertIn(b"No space left on device", p.stderr)


class Pipelines(Base):
    def test_head_closes_the_pipe_for_every_command(self):
        corpus = self.big_corpus()
        for command, arg in (("parse", corpus), ("tokenize", corpus), ("repair", SAMPLE)):
            with self.subTest(command=command):
                script = f'"$0" {command} "$1" | head -1; echo "status=${{PIPESTATUS[0]}}" >&2'
                p = subprocess.run(["bash", "-c", script, CLI, str(arg)], capture_output=True, timeout=120)
                err = p.stderr.decode()
                status = int(re.search(r"status=(\d+)", err).group(1))
                # Quiet success (0) or the conventional death by SIGPIPE (141); never an error message.
                self.assertIn(status, (0, 141), err)
                self.assertEqual(re.sub(r"status=\d+\n", "", err), "")
                first = p.stdout.decode().splitlines()[0]
                if command != "repair":
                    json.loads(first)  # a whole JSON object, not a torn line


class Signals(Base):
    def test_sigint_mid_corpus_with_stdout_redirected(self):
        line = self.big_corpus(copies=1).read_bytes()
        out_path = self.dir / "stdout.jsonl"
        with out_path.open("wb") as out:
            p = subprocess.Popen([CLI, "parse", "--jsonl", "-", "--jobs", "2"], stdin=subprocess.PIPE,
                                 stdout=out, stderr=subprocess.PIPE)
            p.stdin.write(line * 8)
            p.stdin.flush()
            time.sleep(1.0)  # it has parsed what it got and waits for more input
            p.send_signal(signal.SIGINT)
            _, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 130, err)
        message = err.decode()
        self.assertIn("interrupted", message)
        self.assertIn("incomplete", message)  # partial output is never passed off as complete
        data = out_path.read_bytes()
        self.assertTrue(data == b"" or data.endswith(b"\n"), "a torn last line")
        lines = data.splitlines()
        for l in lines:
            json.loads(l)
        stated = re.search(r"after (\d+) documents", message)
        if stated:
            self.assertEqual(int(stated.group(1)), len(lines))

    def test_sigterm_with_output_file_leaves_nothing(self):
        line = self.big_corpus(copies=1).read_bytes()
        out_dir = self.dir / "out"
        out_dir.mkdir()
        p = subprocess.Popen([CLI, "parse", "--jsonl", "-", "-o", str(out_dir / "out.jsonl")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdin.write(line * 4)
        p.stdin.flush()
        time.sleep(1.0)
        p.send_signal(signal.SIGTERM)
        _, err = p.communicate(timeout=60)
        self.assertIn(p.returncode, (143, -signal.SIGTERM), err)
        self.assertEqual(list(out_dir.iterdir()), [], "a partial or temporary file was left behind")
        if p.returncode == 143:
            self.assertIn(b"was not written", err)


class MalformedCorpus(Base):
    def test_jsonl_lines_of_every_kind_of_damage(self):
        def good(i, text="甲局工作总结\n正文。"):
            return json.dumps({"id": str(i), "text": text}, ensure_ascii=False).encode()

        lines = [
            b"\xef\xbb\xbf" + good(1),                      # 1 a BOM before the first object
            good(2)[:-2] + b"\xff\xfe\"}",                  # 2 raw invalid UTF-8 inside the string
            b'{"id":"3","text":"a\x00b"}',                 # 3 a raw NUL (a control character)
            b'{"id":"4","text":"a\\u0000b"}',              # 4 an escaped NUL: valid JSON
            good(5) + b"\r",                               # 5 a CRLF line end
            b"   ",                                        # 6 only white space
            good(7, "长" * 1000000),                        # 7 a 3 MB line
            b'{"id":"8","text":"truncated',                # 8 cut off at the end of the file
        ]
        path = self.dir / "damaged.jsonl"
        path.write_bytes(b"\n".join(lines))  # and no newline at the very end
        r = run("parse", path, "--jobs", "2")
        self.assertEqual(r.returncode, 1)
        reports = [json.loads(l) for l in r.stdout.decode().splitlines()]
        parsed = {x["source"]["id"]: x for x in reports}
        for doc_id in ("1", "4", "5", "7"):
            self.assertIn(doc_id, parsed, r.stderr)
        self.assertEqual(parsed["7"]["source"]["bytes"], 3000000)
        self.assertEqual(parsed["4"]["source"]["bytes"], 3)
        self.assertEqual([x["source"]["line"] for x in reports], sorted(x["source"]["line"] for x in reports))
        err = r.stderr.decode()
        # Every line that was not parsed is named with its line number: nothing is dropped silently.
        for n in range(1, 9):
            doc_id = str(n)
            if doc_id not in parsed and n != 6:
                self.assertIn(f"{path}:{n}:", err, f"line {n} vanished without a message")
        for l in err.strip().splitlines():
            self.assertRegex(l, rf"^wenshu: {re.escape(str(path))}:\d+: ")


class AdversarialText(Base):
    def test_nul_and_invalid_bytes_parse_to_valid_json(self):
        path = self.dir / "damaged.txt"
        path.write_bytes("某区民政局2023年上半年工作总结\n".encode() + b"\x00\xff\xfe(\xe4\xb8\x80)\xe5\xb9\n1\xe3\x80\x81"
                         + "全区16所\x00。".encode() + b"\xed\xa0\x80")
        r = run("parse", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        report = json.loads(r.stdout)
        self.assertEqual(report["source"]["bytes"], path.stat().st_size)
        self.assertTrue(any(f["rule"] == "text.invalid_utf8" for f in report["flags"]))
        r = run("tokenize", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        tokens = [json.loads(l) for l in r.stdout.decode().splitlines()]
        spans = [t["span"] for t in tokens]
        self.assertEqual(spans[0][0], 0)
        self.assertEqual(spans[-1][1], path.stat().st_size)
        self.assertTrue(all(a[1] == b[0] for a, b in zip(spans, spans[1:])), "tokens must tile the input")
        r = run("repair", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"\x00", r.stdout)  # NUL is content: kept
        self.assertIn(b"\xff\xfe", r.stdout)  # invalid bytes are kept, not dropped or replaced

    def test_empty_file_for_every_command(self):
        path = self.dir / "empty.txt"
        path.write_bytes(b"")
        r = run("parse", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["source"]["bytes"], 0)
        for command in ("repair", "tokenize"):
            with self.subTest(command=command):
                r = run(command, path)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, b"")


if __name__ == "__main__":
    unittest.main()
