#!/usr/bin/env python3
"""Reliability of the `wenshu` command line beyond tests/cli/cli_test.py (which covers missing inputs,
bad JSONL lines, --max-bytes, -o on a full disk, a closed pipe for `parse`, SIGINT with -o): a
directory where a file is expected, every command on a missing file and a full disk, real shell
pipelines into `head -1` for every command, SIGINT mid-corpus with stdout redirected (the partial
output must be whole lines and announced as incomplete), SIGTERM with -o (no file, no temporary file
left), a JSONL corpus with malformed lines of every kind, and adversarial text (NULs, invalid UTF-8,
an empty file). Round two (issue 12): allocation failures and option ranges, signals during blocking
reads and opens, what -o does to modes, symlinks, hard links, devices and inputs, help to a full disk,
--disable checked by every command. WENSHU_CLI names the binary."""
import json
import os
import pathlib
import re
import resource
import signal
import stat
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


# An address-space limit well above what the commands need for the sample, far below what the inputs
# below would take: allocation then fails quickly and deterministically.
MEMORY_LIMIT = 1 << 30


def limited(*args, **kwargs):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    return run(*args, preexec_fn=limit, **kwargs)


def memory_limit_works():
    """False under AddressSanitizer, whose shadow memory does not fit in any address-space limit."""
    return limited("--version").returncode == 0


class AllocationFailure(Base):
    def setUp(self):
        super().setUp()
        if not memory_limit_works():
            self.skipTest("the binary cannot run under an address-space limit (a sanitizer build)")

    def test_tokenize_refuses_a_terabyte_chunk(self):
        r = limited("tokenize", "--chunk-bytes", "1000000000000", SAMPLE)
        self.assertEqual(r.returncode, 2, r.stderr)  # was an abort (134) in std::bad_alloc
        self.assertIn(b"--chunk-bytes needs a number from 1 to 1073741824", r.stderr)

    def test_an_allocation_failure_is_a_message_not_an_abort(self):
        # In range, but more than the memory left: "out of memory", status 1, nothing under -o.
        out = self.dir / "out"
        out.mkdir()
        r = limited("tokenize", "--chunk-bytes", str(1 << 30), SAMPLE, "-o", out / "t.jsonl")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"wenshu: out of memory", r.stderr)
        self.assertEqual(list(out.iterdir()), [])

    def test_repair_of_an_endless_input_stops_at_max_bytes(self):
        r = limited("repair", "/dev/zero", timeout=120)
        self.assertEqual(r.returncode, 1, r.stderr)  # was an abort after filling the memory
        self.assertIn(b"/dev/zero: over --max-bytes 67108864", r.stderr)
        self.assertEqual(r.stdout, b"")
        r = run("repair", "--max-bytes", "100", SAMPLE)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"over --max-bytes 100", r.stderr)

    def test_deep_jsonl_line_under_a_memory_limit_is_read_without_a_tree(self):
        # 40 MB of brackets in a field wenshu does not use: a DOM of it needed gigabytes and ran out of
        # memory (exit 134, then "out of memory"); the streaming reader keeps only the fields it needs.
        deep = self.dir / "deep.jsonl"
        depth = 20_000_000
        deep.write_bytes(b'{"text":"x","a":' + b"[" * depth + b"]" * depth + b"}\n")
        out = self.dir / "out"
        out.mkdir()
        r = limited("parse", deep, "-o", out / "o.jsonl", "--jobs", "1", timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([p.name for p in out.iterdir()], ["o.jsonl"], "a temporary file was left behind")
        reports = [json.loads(l) for l in (out / "o.jsonl").read_text(encoding="utf-8").splitlines()]
        self.assertEqual([r["text"] for r in reports], ["x"])


class TokenizeLimits(Base):
    def test_max_bytes_cuts_the_stream_and_says_so(self):
        r = run("tokenize", "--max-bytes", "100", SAMPLE)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"over --max-bytes 100", r.stderr)
        self.assertIn(b"the output is incomplete", r.stderr)
        tokens = [json.loads(l) for l in r.stdout.decode().splitlines()]
        self.assertTrue(tokens)
        self.assertLessEqual(tokens[-1]["span"][1], 100)


def wait_blocked(p, seconds=0.5):
    time.sleep(seconds)
    assert p.poll() is None, "the command ended before the signal"


class SignalsWhileBlocked(Base):
    def test_signal_during_a_blocking_read(self):
        for command in ("tokenize", "repair"):
            for sig, status in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
                with self.subTest(command=command, signal=sig.name):
                    p = subprocess.Popen([CLI, command, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE)
                    p.stdin.write("某区民政局2023年上半年工作总结\n全区16所".encode())
                    p.stdin.flush()
                    wait_blocked(p)  # it has read what it got and waits for more
                    p.send_signal(sig)
                    try:
                        p.wait(timeout=30)  # stdin stays open: the signal alone must end the read
                    finally:
                        p.stdin.close()
                    out, err = p.stdout.read(), p.stderr.read()
                    p.stdout.close()
                    p.stderr.close()
                    self.assertEqual(p.returncode, status, err)
                    self.assertIn(b"interrupted", err)
                    if command == "repair":
                        self.assertEqual(out, b"")  # no repair of half a document
                    else:
                        self.assertIn(b"the output is incomplete", err)  # tokens of a partial input, said so
                        for line in out.decode().splitlines():
                            json.loads(line)

    def test_signal_while_opening_a_fifo_output(self):
        fifo = self.dir / "fifo"
        os.mkfifo(fifo)
        for command, sig, status in (("parse", signal.SIGINT, 130), ("parse", signal.SIGTERM, 143),
                                     ("repair", signal.SIGINT, 130), ("tokenize", signal.SIGTERM, 143)):
            with self.subTest(command=command, signal=sig.name):
                p = subprocess.Popen([CLI, command, SAMPLE, "-o", fifo], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
                wait_blocked(p)  # open(2) of a FIFO waits for a reader
                p.send_signal(sig)
                _, err = p.communicate(timeout=30)
                self.assertEqual(p.returncode, status, err)  # was 1, "Interrupted system call"
                self.assertIn(b"interrupted", err)

    def test_fifo_output_is_written_through(self):
        fifo = self.dir / "fifo"
        os.mkfifo(fifo)
        p = subprocess.Popen([CLI, "repair", SAMPLE, "-o", fifo], stderr=subprocess.PIPE)
        with open(fifo, "rb") as f:
            data = f.read()
        p.wait(timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr.read())
        self.assertEqual(data, run("repair", SAMPLE).stdout)
        self.assertEqual(sorted(x.name for x in self.dir.iterdir()), ["fifo"])

    def test_interrupt_inside_one_long_document(self):
        # A run of 1、 markers (percent.dropped read every marker unpolled, 0.6 s of CPU a MiB) and of
        # "1." (the masked-number scan): Ctrl-C stops `repair` and `parse` inside the document. Measured
        # in the command's own CPU time after the signal (not wall time: the machine may be loaded); it
        # was the rest of the document, ~2-5 s here, and is milliseconds now. The bound is generous.
        for unit in ("1、", "1."):
            big = self.dir / "big.txt"
            big.write_text(unit * ((4 << 20) // len(unit.encode())), encoding="utf-8")
            for command in ("repair", "parse"):
                with self.subTest(unit=unit, command=command):
                    out = self.dir / "o"
                    p = subprocess.Popen([CLI, command, big, "-o", out], stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE)
                    ticks = os.sysconf("SC_CLK_TCK")

                    def cpu():
                        fields = pathlib.Path(f"/proc/{p.pid}/stat").read_text().rsplit(")", 1)[1].split()
                        return (int(fields[11]) + int(fields[12])) / ticks

                    deadline = time.monotonic() + 120
                    while cpu() < 0.5 and time.monotonic() < deadline:  # inside the document's stages
                        time.sleep(0.02)
                    self.assertIsNone(p.poll(), "the command ended before the signal")
                    at_signal = cpu()
                    p.send_signal(signal.SIGINT)
                    _, status, usage = os.wait4(p.pid, 0)  # this child's own CPU time
                    p.returncode = os.waitstatus_to_exitcode(status)
                    err = p.stderr.read()
                    p.stderr.close()
                    self.assertEqual(p.returncode, 130, err)
                    self.assertFalse(out.exists())
                    after = usage.ru_utime + usage.ru_stime - at_signal
                    self.assertLess(after, 1.0, f"{after:.2f} s of CPU after the signal")

    def test_second_interrupt_leaves_no_temporary_file(self):
        big = self.dir / "big.txt"
        big.write_text(SAMPLE.read_text("utf-8") * 1000, encoding="utf-8")  # seconds of parsing (5 MB)
        out = self.dir / "out"
        out.mkdir()
        p = subprocess.Popen([CLI, "parse", big, "-o", out / "o.json"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        wait_blocked(p, 0.3)
        p.send_signal(signal.SIGINT)
        time.sleep(0.1)
        p.send_signal(signal.SIGINT)  # the impatient second Ctrl-C: leave at once
        p.communicate(timeout=60)
        self.assertIn(p.returncode, (130, -signal.SIGINT))
        self.assertEqual(list(out.iterdir()), [], "the second interrupt left the temporary file")


class OutputFile(Base):
    def test_output_naming_standard_output_writes_through_it(self):
        names = ["/proc/self/fd/1"]
        if os.geteuid() != 0:
            names.append("/dev/stdout")  # as root an old binary renamed a temporary over the device node
        expected = run("parse", SAMPLE).stdout
        for name in names:
            with self.subTest(name=name):
                target = self.dir / "redirected.json"
                with target.open("wb") as f:
                    r = subprocess.run([CLI, "parse", SAMPLE, "-o", name], stdout=f, stderr=subprocess.PIPE,
                                       timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(target.read_bytes(), expected)  # was empty
        self.assertTrue(os.path.islink("/dev/stdout") or stat.S_ISCHR(os.stat("/dev/stdout").st_mode))

    def test_replacing_keeps_the_mode(self):
        target = self.dir / "private.json"
        target.write_text("old")
        os.chmod(target, 0o600)
        r = run("parse", SAMPLE, "-o", target)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(stat.S_IMODE(target.stat().st_mode), 0o600)  # was 0644
        self.assertEqual(json.loads(target.read_bytes())["source"]["name"], str(SAMPLE))
        new = self.dir / "new.json"
        r = run("parse", SAMPLE, "-o", new, preexec_fn=lambda: os.umask(0o027))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(stat.S_IMODE(new.stat().st_mode), 0o640)  # 0666 & ~umask, as a shell would

    def test_symlinks_are_written_through(self):
        real = self.dir / "real.json"
        real.write_text("old")
        link = self.dir / "link.json"
        link.symlink_to(real.name)  # relative, resolved against the link's folder
        r = run("repair", SAMPLE, "-o", link)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(link.is_symlink())  # was replaced by a regular file
        self.assertEqual(real.read_bytes(), run("repair", SAMPLE).stdout)
        dangling = self.dir / "dangling.json"
        dangling.symlink_to(self.dir / "sub" / "..")  # a link to a folder: refused, nothing created
        r = run("repair", SAMPLE, "-o", dangling)
        self.assertEqual(r.returncode, 1)
        to_new = self.dir / "to_new.json"
        to_new.symlink_to("created.json")
        r = run("repair", SAMPLE, "-o", to_new)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(to_new.is_symlink())
        self.assertEqual((self.dir / "created.json").read_bytes(), run("repair", SAMPLE).stdout)

    def test_hard_links_are_kept(self):
        a = self.dir / "a.json"
        a.write_text("old")
        b = self.dir / "b.json"
        os.link(a, b)
        r = run("parse", SAMPLE, "-o", a)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(a.stat().st_nlink, 2)  # was 1: the link broken
        self.assertEqual(b.read_bytes(), a.read_bytes())
        json.loads(b.read_bytes())
        self.assertEqual(sorted(x.name for x in self.dir.iterdir()), ["a.json", "b.json"])

    def test_an_input_named_as_output_is_refused(self):
        original = SAMPLE.read_bytes()
        x = self.dir / "x.txt"
        alias = self.dir / "alias.txt"
        for args in (("parse", x, "-o", x), ("repair", x, "-o", x), ("tokenize", x, "-o", x),
                     ("parse", x, "-o", alias), ("parse", self.dir, "-o", x)):
            with self.subTest(args=args):
                x.write_bytes(original)
                if not alias.exists():
                    alias.symlink_to(x)
                r = run(*args)
                self.assertEqual(r.returncode, 2, r.stderr)  # was 0, the input overwritten
                self.assertIn(b"is also the output", r.stderr)
                self.assertEqual(x.read_bytes(), original)
        with x.open("rb") as f:
            r = subprocess.run([CLI, "parse", "-", "-o", str(x)], stdin=f, capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(x.read_bytes(), original)

    def test_the_pipe_read_named_as_output_is_refused(self):
        # `cat a | wenshu parse - -o /dev/stdin`: the command opened its own input pipe for writing and then
        # waited forever for that pipe's end.
        for command in ("parse", "repair", "tokenize", "targets"):
            with self.subTest(command=command):
                p = subprocess.Popen([CLI, command, "-", "-o", "/dev/stdin"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                try:
                    out, err = p.communicate(SAMPLE.read_bytes(), timeout=60)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.communicate()
                    self.fail("the command waited for the end of its own output pipe")
                self.assertEqual(p.returncode, 2, err)
                self.assertIn(b"is also the output", err)
                self.assertEqual(out, b"")

    def test_standard_input_twice_is_refused(self):
        r = run("parse", "-", "-", stdin=SAMPLE.read_bytes())
        self.assertEqual(r.returncode, 2, r.stderr)  # was 0, the second read empty
        self.assertIn(b"standard input (-) given twice", r.stderr)

    def test_help_to_a_full_disk_fails(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        for args in (("--help",), ("--version",), ("help", "parse"), ("parse", "--help"), ("repair", "--help"),
                     ("tokenize", "--help"), ("repair", "--list-rules")):
            with self.subTest(args=args):
                with open("/dev/full", "wb") as full:
                    r = subprocess.run([CLI, *args], stdout=full, stderr=subprocess.PIPE, timeout=60)
                self.assertEqual(r.returncode, 1, r.stderr)  # was 0
                self.assertIn(b"No space left on device", r.stderr)


class OptionChecks(Base):
    def test_every_command_checks_disable_against_the_registry(self):
        for command in ("parse", "repair"):
            for rule, hint in (("vocab", b"'vocab.'"), ("no.such.rule", b"--list-rules")):
                with self.subTest(command=command, rule=rule):
                    r = run(command, "--disable", rule, SAMPLE)
                    self.assertEqual(r.returncode, 2, r.stderr)  # parse ignored it silently
                    self.assertIn(f"unknown rule '{rule}'".encode(), r.stderr)
                    self.assertIn(hint, r.stderr)
            r = run(command, f"--disable=vocab.", SAMPLE)
            self.assertEqual(r.returncode, 0, r.stderr)

    def test_ranges_are_checked(self):
        for args in (("parse", "--jobs", "1025"), ("parse", "--max-bytes", "0"),
                     ("parse", "--max-bytes", str((1 << 40) + 1)), ("repair", "--max-bytes", "0"),
                     ("repair", "--min-confidence", "nan"), ("tokenize", "--chunk-bytes", "0"),
                     ("tokenize", "--chunk-bytes", str((1 << 30) + 1)), ("tokenize", "--max-token-bytes", "63"),
                     ("tokenize", "--max-bytes", "-1"), ("parse", "--jobs", "99999999999999999999")):
            with self.subTest(args=args):
                r = run(*args, SAMPLE)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertRegex(r.stderr.decode(), r"needs (a number from \d+ to \d+|a number)")

    def test_inline_values_for_every_command(self):
        expected = run("tokenize", "--chunk-bytes", "7", SAMPLE).stdout
        r = run("tokenize", "--chunk-bytes=7", SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, expected)


if __name__ == "__main__":
    unittest.main()
