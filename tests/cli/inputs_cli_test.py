#!/usr/bin/env python3
"""Command-line tests of the inputs users have: encodings, HTML, .docx, gzip, CSV/TSV/JSON corpora,
directory walks with links, binary inputs. Inputs are made here from the bundled sample."""
import csv
import gzip
import io
import json
import os
import pathlib
import subprocess
import tempfile
import unittest
import zipfile

CLI = os.environ.get("WENSHU_CLI", "wenshu")
SOURCE = pathlib.Path(os.environ.get("WENSHU_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SAMPLE = (SOURCE / "examples" / "sample" / "report.txt").read_bytes()
SHARED = os.environ.get("WENSHU_SHARED_DIR", "")


def run(*args, stdin=None, timeout=300):
    return subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, timeout=timeout)


def without_source(report):
    report = dict(report)
    report.pop("source")
    return report


class Inputs(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def parse(self, *args):
        r = run("parse", "-q", *args)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return json.loads(r.stdout)

    def test_encodings_round_trip_on_every_command(self):
        text = SAMPLE.decode("utf-8")
        want = without_source(self.parse(self.write("utf8.txt", SAMPLE)))
        want_repair = run("repair", self.write("u.txt", SAMPLE)).stdout
        for name, data, enc, bom in [("gb.txt", text.encode("gb18030"), "GB18030", False),
                                     ("le.txt", b"\xff\xfe" + text.encode("utf-16-le"), "UTF-16LE", True),
                                     ("be.txt", b"\xfe\xff" + text.encode("utf-16-be"), "UTF-16BE", True),
                                     ("bom.txt", b"\xef\xbb\xbf" + SAMPLE, "UTF-8", True)]:
            path = self.write(name, data)
            got = self.parse(path)
            self.assertEqual((got["source"]["encoding"], got["source"]["bom"]), (enc, bom))
            self.assertEqual(without_source(got), want, name)
            self.assertEqual(run("repair", path).stdout, want_repair, name)
            tokens = run("tokenize", path).stdout
            self.assertEqual(tokens, run("tokenize", self.write("u2.txt", SAMPLE)).stdout, name)
        named = self.parse(self.write("named.txt", text.encode("gbk")), "--encoding", "gbk")
        self.assertEqual(without_source(named), want)
        self.assertEqual(run("parse", "x", "--encoding", "nope").returncode, 2)

    def test_csv_corpus_meta_and_facts_columns(self):
        rows = io.StringIO()
        w = csv.writer(rows, lineterminator="\r\n")
        w.writerow(["province", "year", "full_text"])
        w.writerow(["北京", "2026", SAMPLE.decode("utf-8")])
        w.writerow(["上海", "2026", "收入达到1200万元，\n增长5%。"])
        path = self.write("p.CSV", b"\xef\xbb\xbf" + rows.getvalue().encode("utf-8"))
        r = run("parse", "-q", path, "--text-field", "full_text", "--id-field", "province")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        docs = [json.loads(line) for line in r.stdout.splitlines()]
        self.assertEqual([d["source"]["id"] for d in docs], ["北京", "上海"])
        self.assertEqual(docs[0]["source"]["meta"], {"province": "北京", "year": "2026"})
        self.assertEqual(docs[0]["source"]["format"], "text")
        self.assertEqual(without_source(docs[0]), without_source(self.parse(self.write("s.txt", SAMPLE))))
        facts = list(csv.reader(io.StringIO(run("parse", "-q", path, "-f", "csv").stdout.decode())))
        self.assertEqual(facts[0][-2:], ["province", "year"])
        self.assertIn(["上海", "2026"], [row[-2:] for row in facts[1:]])
        bad = self.write("bad.csv", b"name,body\nx,y\n")
        r = run("parse", "-q", bad)
        self.assertEqual(r.returncode, 1)
        self.assertIn("the columns are: name, body", r.stderr.decode())

    def test_html_wrapper_and_article_header_are_the_report(self):
        # A wrapper whose class only mentions a sidebar holds the report; an article's own <header> is
        # its title and year, and the site's <title> is not taken for them.
        page = ("<html><head><title>站点首页</title></head><body class=\"has-sidebar\"><nav><a href=/>首页</a></nav>"
                "<div class=\"layout-with-sidebar\"><article><header><h1>某县2023年工作总结</h1></header>"
                "<p>全区有在校学生26341人，比上年增长3.5%。</p></article></div>"
                "<div class=\"sidebar\"><a href=/a>热点</a></div></body></html>")
        got = self.parse(self.write("wrapped.html", page.encode("utf-8")))
        self.assertEqual(got["text"], "某县2023年工作总结\n全区有在校学生26341人，比上年增长3.5%。\n")
        self.assertEqual(got["title"], "某县2023年工作总结")
        self.assertEqual(got["period"]["year"], 2023)

    def test_html_docx_gzip_json_and_binaries(self):
        page = ("<!DOCTYPE html><html><head><title>社会事业局工作总结 - 某某网</title><script>x='增长50%'</script>"
                "</head><body><nav>首页</nav><p>收入达到1200万元，同比增长&#37;5。</p></body></html>")
        got = self.parse(self.write("page.HTM", page.encode("gb18030")))
        self.assertEqual(got["source"]["format"], "html")
        self.assertEqual(got["source"]["encoding"], "GB18030")
        self.assertEqual(got["text"], "收入达到1200万元，同比增长%5。\n")
        self.assertEqual(got["title"], "社会事业局工作总结")
        got = self.parse(self.write("page.txt.gz", gzip.compress(page.encode("utf-8"))))
        self.assertEqual(got["source"]["format"], "html")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("word/document.xml",
                       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                       "<w:body><w:p><w:r><w:t>一、收入</w:t></w:r><w:r><w:t>1200万元</w:t></w:r></w:p>"
                       "<w:p><w:r><w:t>增加30人</w:t></w:r></w:p></w:body></w:document>")
        got = self.parse(self.write("r.DOCX", buf.getvalue()))
        self.assertEqual((got["source"]["format"], got["text"]), ("docx", "一、收入1200万元\n增加30人\n"))
        arr = json.dumps([{"id": "a", "text": "收入12万元。"}, {"id": 2, "content": "增加3人。"}]).encode()
        r = run("parse", "-q", self.write("a.json.gz", gzip.compress(arr)))
        self.assertEqual([json.loads(x)["source"]["id"] for x in r.stdout.splitlines()], ["a", "2"])
        r = run("parse", "-q", self.write("x.pdf", b"%PDF-1.4\n"), self.write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0"))
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn("x.pdf: looks like a PDF: extract its text first", err)
        self.assertIn("old.doc: looks like a legacy Word", err)
        self.assertEqual(r.stdout, b"")

    def test_jsonl_errors_and_lone_surrogate(self):
        path = self.write("c.JSONL", b'{"id":"a","text":"x"}\n{"id":"b","text":tru}\n{"text":"\\ud800"}\n{"id":"d","text":"y"}\n')
        r = run("parse", "-q", path)
        self.assertEqual(r.returncode, 1)
        self.assertEqual([json.loads(x)["source"]["id"] for x in r.stdout.splitlines()], ["a", "d"])
        err = r.stderr.decode()
        self.assertIn("c.JSONL:2: invalid JSON at column 21: syntax error", err)
        self.assertIn("c.JSONL:3: invalid JSON at column", err)
        self.assertIn("surrogate", err)

    def test_directory_walk_with_link_loops(self):
        self.write("t/a.txt", SAMPLE)
        self.write("t/sub/b.html", b"<p>x</p>")
        self.write("t/sub/c.bin", b"x")
        t = self.dir / "t"
        os.symlink("..", t / "sub" / "up")
        os.symlink(".", t / "self")
        os.symlink(".", t / "self2")
        os.symlink("missing.txt", t / "gone.txt")
        os.symlink("a.txt", t / "link.txt")
        r = run("parse", "-q", "-v", t, timeout=60)
        self.assertEqual(r.returncode, 1)  # the dangling link
        names = [json.loads(x)["source"]["name"] for x in r.stdout.splitlines()]
        self.assertEqual([n[len(str(t)):] for n in names], ["/a.txt", "/link.txt", "/sub/b.html"])
        err = r.stderr.decode()
        self.assertIn("gone.txt: dangling link", err)
        self.assertIn("link.txt: following a link to a file", err)
        self.assertIn("c.bin: skipped", err)
        quiet = run("parse", "-q", t).stderr.decode()
        self.assertNotIn("c.bin", quiet)
        self.assertIn("gone.txt: dangling link", quiet)
        self.write("empty/x.bin", b"x")
        r = run("parse", "-q", self.dir / "empty")
        self.assertEqual(r.returncode, 1)
        self.assertIn("no supported file", r.stderr.decode())

    def test_walk_of_a_deep_tree_with_links_everywhere(self):
        # 200 nested directories each holding a link to the top and one to itself: each walked once.
        d = self.dir / "deep"
        p = d
        for i in range(200):
            p = p / "d"
            p.mkdir(parents=True)
            os.symlink(d, p / "top")
            os.symlink(p, p / "here")
        (p / "x.txt").write_bytes(SAMPLE)
        r = run("parse", "-q", d, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(json.loads(r.stdout)["source"]["name"], str(p / "x.txt"))

    @unittest.skipUnless(SHARED, "WENSHU_SHARED_DIR is not set")
    def test_provincial_csvs(self):
        d = pathlib.Path(SHARED) / "corpora/gov-reports-provincial-2026/output/2026_raw_text"
        files = sorted(d.glob("2026_*.csv"))
        self.assertEqual(len(files), 31)
        r = run("parse", "-q", *files, "--text-field", "full_text", "--id-field", "province")
        self.assertEqual(r.returncode, 0, r.stderr.decode()[:2000])
        docs = [json.loads(x) for x in r.stdout.splitlines()]
        self.assertEqual(len(docs), 31)
        self.assertTrue(all(d["source"]["meta"]["year"] == "2026" for d in docs))
        r2 = run("parse", "-q", *files)  # full_text is found without --text-field
        self.assertEqual(r2.returncode, 0)


if __name__ == "__main__":
    unittest.main()
