#!/usr/bin/env python3
"""`wenshu repair --diff` (a unified diff that patches the original into the repaired text, with line
numbers, context, colour and JSON) and `wenshu repair --html` (the review page: checked as HTML here,
and rendered by headless Chromium, which runs its filters). WENSHU_CLI names the binary."""
import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ.get("WENSHU_CLI", "wenshu")
DATA = pathlib.Path(os.environ.get("WENSHU_TEST_DATA", pathlib.Path(__file__).resolve().parents[1] / "data"))
SAMPLE = DATA.parent.parent / "examples" / "sample" / "report.txt"
SHARED = os.environ.get("WENSHU_SHARED_DIR", "")
SEED = pathlib.Path(SHARED) / "seeds" / "000_ce9821eab23f2b85.txt" if SHARED else None


def run(*args, **kw):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, timeout=300, **kw)


def documents():
    """Damaged inputs: the sample, the invalid-UTF-8 fixture, every report fixture, the seed."""
    docs = [SAMPLE, DATA / "capi" / "site_header_invalid_utf8.txt"]
    docs += sorted((DATA / "report").glob("*.txt"))
    if SEED and SEED.exists():
        docs.append(SEED)
    return docs


def apply_unified_diff(original: bytes, diff: bytes) -> bytes:
    """Applies a unified diff strictly: every context and '-' line must be at its stated line."""
    lines = original.splitlines(keepends=True)
    out, at = [], 0  # at: 0-based next original line not yet copied
    diff_lines = diff.splitlines(keepends=True)
    i = 0
    while i < len(diff_lines):
        m = re.match(rb"@@ -(\d+),(\d+) \+(\d+),(\d+) @@", diff_lines[i])
        i += 1
        if not m:
            continue
        old_start, old_count = int(m.group(1)), int(m.group(2))
        first = old_start - 1 if old_count else old_start
        out += lines[at:first]
        at = first
        seen_old = seen_new = 0
        while i < len(diff_lines) and (seen_old < old_count or seen_new < int(m.group(4))):
            line = diff_lines[i]
            i += 1
            op, text = line[:1], line[1:]
            no_newline = i < len(diff_lines) and diff_lines[i].startswith(b"\\ No newline")
            if no_newline:
                text = text[:-1]
                i += 1
            if op in (b" ", b"-"):
                assert lines[at] == text, (at + 1, lines[at], text)
                at += 1
                seen_old += 1
            if op in (b" ", b"+"):
                out.append(text)
                seen_new += 1
    out += lines[at:]
    return b"".join(out)


class DiffTest(unittest.TestCase):
    def test_diff_patches_the_original_into_the_repair(self):
        hunks = changed = 0
        for path in documents():
            with self.subTest(path=path.name):
                original = path.read_bytes()
                repaired = run("repair", path).stdout
                diff = run("repair", path, "--diff", "--color", "never")
                self.assertEqual(diff.returncode, 0, diff.stderr)
                self.assertEqual(apply_unified_diff(original, diff.stdout), repaired)
                hunks += diff.stdout.count(b"\n@@ ")
                if original != repaired:
                    changed += 1
                    self.assertIn(b"--- " + str(path).encode(), diff.stdout)
        self.assertGreaterEqual(hunks, changed)
        self.assertGreater(changed, 2)
        if shutil.which("patch"):  # and GNU patch agrees
            with tempfile.TemporaryDirectory() as tmp:
                target = pathlib.Path(tmp) / "x.txt"
                shutil.copy(SAMPLE, target)
                diff = run("repair", target, "--diff", "--color", "never").stdout
                subprocess.run(["patch", "-s", str(target)], input=diff, check=True)
                self.assertEqual(target.read_bytes(), run("repair", SAMPLE).stdout)

    def test_a_decoded_input_says_what_the_diff_is_of(self):
        # The diff of a file in GB18030, with a BOM or gzipped is of its decoded UTF-8 text, which patch
        # cannot apply to the file itself: the # lines say so (they said nothing; patch failed at hunk 1).
        import gzip
        original = SAMPLE.read_bytes()
        inputs = {"gbk.txt": (original.decode("utf-8").encode("gb18030"), "GB18030"),
                  "bom.txt": (b"\xef\xbb\xbf" + original, "byte order mark"),
                  "packed.txt.gz": (gzip.compress(original), "gzip")}
        with tempfile.TemporaryDirectory() as tmp:
            for name, (data, said) in inputs.items():
                with self.subTest(name=name):
                    path = pathlib.Path(tmp) / name
                    path.write_bytes(data)
                    diff = run("repair", path, "--diff", "--color", "never")
                    self.assertEqual(diff.returncode, 0, diff.stderr)
                    note = [l for l in diff.stdout.decode().splitlines() if "was decoded" in l]
                    self.assertEqual(len(note), 1, diff.stdout[:400])
                    self.assertIn(said, note[0])
                    # It is a diff of the decoded text: it patches that text into the repair.
                    self.assertEqual(apply_unified_diff(original, diff.stdout), run("repair", path).stdout)
                    doc = json.loads(run("repair", path, "--diff", "--format", "json").stdout)
                    self.assertIn(said, doc["decoded"])
        self.assertNotIn(b"was decoded", run("repair", SAMPLE, "--diff").stdout)
        self.assertIsNone(json.loads(run("repair", SAMPLE, "--diff", "--format", "json").stdout)["decoded"])

    def test_context_and_line_numbers(self):
        out = run("repair", SAMPLE, "--diff", "--color", "never").stdout.decode()
        self.assertIn("# diagnosis: site boilerplate", out)
        self.assertRegex(out, r"# flag number\.masked_year line \d+: ")
        hunk = re.search(r"@@ -(\d+),(\d+) \+(\d+),(\d+) @@ (.*)", out)
        self.assertEqual(hunk.group(1), "1")
        self.assertIn("boilerplate.site_header", hunk.group(5))

    def test_three_lines_of_context(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "ctx.txt"
            lines = [f"第{i}段：全区有在校学生{26000 + i}人，较上年增加{300 + i}人。" for i in range(1, 13)]
            lines.insert(6, "第 2 页 共 9 页")  # a page footer between lines 6 and 7
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            out = run("repair", path, "--diff", "--color", "never").stdout.decode()
        hunk = out[out.index("@@"):].splitlines()
        self.assertEqual(hunk[0], "@@ -4,7 +4,6 @@ boilerplate.page_furniture")
        self.assertEqual([l[0] for l in hunk[1:]], [" "] * 3 + ["-"] + [" "] * 3)
        self.assertEqual(hunk[4], "-第 2 页 共 9 页")

    def test_color(self):
        always = run("repair", SAMPLE, "--diff", "--color", "always").stdout
        self.assertIn(b"\033[31m-", always)
        self.assertIn(b"\033[32m+", always)
        self.assertNotIn(b"\033[", run("repair", SAMPLE, "--diff").stdout)  # auto, not a terminal
        self.assertNotIn(b"\033[", run("repair", SAMPLE, "--diff", "--color", "never").stdout)
        bad = run("repair", SAMPLE, "--diff", "--color", "sometimes")
        self.assertEqual(bad.returncode, 2)

    def test_json(self):
        r = run("repair", SAMPLE, "--diff", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        records = json.loads(run("parse", SAMPLE).stdout)["repairs"]
        edits = [e for h in doc["hunks"] for e in h["edits"]]
        self.assertEqual([(e["rule"], e["span"]) for e in edits],
                         [(x["rule"], x["span"]) for x in records])
        for h in doc["hunks"]:
            self.assertEqual(h["old_lines"], sum(1 for l in h["lines"] if l["op"] != "+"))
            self.assertEqual(h["new_lines"], sum(1 for l in h["lines"] if l["op"] != "-"))
        self.assertTrue(doc["flags"] and all(f["line"] >= 1 for f in doc["flags"]))
        self.assertEqual(run("repair", SAMPLE, "--format", "json").returncode, 2)  # needs --diff


class _Marks(html.parser.HTMLParser):
    """Collects the page's marks and any reference to the network."""

    def __init__(self):
        super().__init__()
        self.marks, self.external, self.anchors, self.links = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "mark" in (a.get("class") or "").split():
            self.marks.append(a)
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])
        if tag == "link":
            self.external.append(a.get("href"))
        if a.get("id", "").startswith("at-"):
            self.anchors.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#at-"):
            self.links.append(a["href"][1:])


class ReviewPageTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def page(self, path):
        out = self.dir / "review.html"
        r = run("repair", path, "--html", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        return out

    def test_one_mark_per_repair_and_flag(self):
        for path in documents():
            with self.subTest(path=path.name):
                report = json.loads(run("parse", path).stdout)
                parser = _Marks()
                parser.feed(self.page(path).read_text(encoding="utf-8"))
                self.assertEqual(parser.external, [])  # self-contained
                kept = [m for m in parser.marks if m["data-kind"] != "flag"]
                flags = [m for m in parser.marks if m["data-kind"] == "flag"]
                self.assertEqual([m["data-rule"] for m in kept], [r["rule"] for r in report["repairs"]])
                self.assertEqual(sorted(m["data-rule"] for m in flags),
                                 sorted(f["rule"] for f in report["flags"]))
                for m, r in zip(kept, report["repairs"]):
                    self.assertEqual(float(m["data-confidence"]), round(r["confidence"], 2))
                    self.assertEqual(m["data-kind"], "removed" if r["after"] == "" else "restored")
                # Every failed check links to an anchor at its figures.
                self.assertTrue(set(parser.links) <= parser.anchors)
                failed = [c for c in report["checks"] if c["status"] == "fail"]
                self.assertEqual(len(parser.links), sum(len(c["spans"]) for c in failed))

    def test_html_and_diff_are_exclusive(self):
        self.assertEqual(run("repair", SAMPLE, "--html", "--diff").returncode, 2)


def run_on_terminal(args, columns, stdout_too=False):
    """Runs the command with stderr (and stdout_too: stdout) on a pseudo-terminal `columns` wide;
    returns what the terminal received."""
    import fcntl
    import pty
    import struct
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    p = subprocess.Popen([CLI, *map(str, args)], stdin=subprocess.DEVNULL, stderr=slave,
                         stdout=slave if stdout_too else subprocess.DEVNULL)
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    p.wait(timeout=120)
    return p.returncode, received


class ProgressTest(unittest.TestCase):
    def test_fits_the_width_redraws_in_place_and_counts_in_words(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = pathlib.Path(tmp) / "docs"
            folder.mkdir()
            for i in range(3):
                shutil.copy(SAMPLE, folder / f"{i}.txt")
            for columns in (24, 40, 200):
                rc, seen = run_on_terminal(["parse", folder, "-o", pathlib.Path(tmp) / "o.jsonl",
                                            "--jobs", "1"], columns)
                self.assertEqual(rc, 0, seen)
                updates = seen.split(b"\r\x1b[K")[1:]
                self.assertTrue(updates, seen)
                # One line redrawn in place: no line break until the final update, none too wide.
                self.assertTrue(all(b"\n" not in u for u in updates[:-1]), seen)
                self.assertTrue(updates[-1].endswith(b"\r\n"), seen)
                self.assertTrue(all(len(u.rstrip(b"\r\n")) < columns for u in updates), seen)
                self.assertIn(b"3 documents", updates[-1])
            rc, seen = run_on_terminal(["parse", SAMPLE, "-o", pathlib.Path(tmp) / "one.json"], 80)
            self.assertIn(b"wenshu: 1 document,", seen)
            self.assertNotIn(b"1 documents", seen)

    def test_output_to_the_same_terminal_starts_on_a_clean_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = pathlib.Path(tmp) / "docs"
            folder.mkdir()
            for i in range(3):
                shutil.copy(SAMPLE, folder / f"{i}.txt")
            rc, seen = run_on_terminal(["parse", folder, "--format", "jsonl", "--jobs", "1",
                                        "--progress"], 80, stdout_too=True)
        self.assertEqual(rc, 0, seen[-500:])
        # Every report line starts at column 0: right after a line break or after the progress
        # line was erased, never glued to "wenshu: N documents ...".
        for m in re.finditer(rb'\{"schema"', seen):
            before = seen[max(0, m.start() - 3):m.start()]
            self.assertTrue(before.endswith(b"\n") or before.endswith(b"\x1b[K") or m.start() == 0,
                            seen[max(0, m.start() - 80):m.start() + 20])


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


@unittest.skipUnless(chromium(), "no chromium: the review page is not rendered in a browser "
                     "(apt-get install chromium; tools/bootstrap.sh test installs it)")
class ReviewPageInBrowserTest(unittest.TestCase):
    """The page as headless Chromium renders it, after its script ran (--dump-dom)."""

    def dom(self, page, fragment=""):
        with tempfile.TemporaryDirectory() as profile:
            r = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                                f"--user-data-dir={profile}", "--dump-dom", page.as_uri() + fragment],
                               capture_output=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        return r.stdout.decode("utf-8")

    def test_marks_and_filters_in_the_browser(self):
        with tempfile.TemporaryDirectory() as tmp:
            page = pathlib.Path(tmp) / "review.html"
            source = SEED if SEED and SEED.exists() else SAMPLE
            self.assertEqual(run("repair", source, "--html", "-o", page).returncode, 0)
            report = json.loads(run("parse", source).stdout)
            total = len(report["repairs"]) + len(report["flags"])
            shown = lambda dom: len(re.findall(r'data-shown="1"', dom))
            families = lambda dom, on: {m for m in re.findall(
                r'<span class="mark [a-z]+( off)?"[^>]*data-family="([a-z_]+)"', dom) if (m[0] == "") == on}
            everything = self.dom(page)
            # The script ran: it marked every mark shown and wrote the count.
            self.assertEqual(shown(everything), total)
            self.assertIn(f'<span id="shown">{total}</span>', everything)
            # Hiding a family turns its marks off and only those.
            no_number = self.dom(page, "#hide=number")
            numbers = sum(1 for r in report["repairs"] + report["flags"] if r["rule"].startswith("number."))
            self.assertGreater(numbers, 0)
            self.assertEqual(shown(no_number), total - numbers)
            self.assertEqual({f for _, f in families(no_number, on=False)}, {"number"})
            # A confidence floor hides the edits below it; flags stay.
            sure = self.dom(page, "#min=0.95")
            below = sum(1 for r in report["repairs"] if r["confidence"] < 0.95)
            self.assertGreater(below, 0)
            self.assertEqual(shown(sure), total - below)


if __name__ == "__main__":
    unittest.main()
