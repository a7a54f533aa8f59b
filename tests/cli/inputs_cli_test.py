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


class TempDir(unittest.TestCase):
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


class Inputs(TempDir):
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
        self.assertEqual(facts[0][-2:], ["province", "corpus_year"])  # "year" is a facts column
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


def docx(*paragraphs):
    """A minimal Word .docx holding these paragraphs."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
        z.writestr("word/document.xml",
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{body}</w:body></w:document>")
    return buf.getvalue()


def token_texts(stdout):
    return "".join(json.loads(line)["text"] for line in stdout.splitlines())


class EveryCommandReadsAlike(TempDir):
    """repair and tokenize read an input as parse does (one reader, wenshu/input.h)."""

    def test_repair_reads_gzip_whatever_its_compressed_size(self):
        plain = self.write("a.txt", SAMPLE)
        packed = self.write("a.txt.gz", gzip.compress(SAMPLE))
        want = run("repair", plain)
        self.assertEqual(want.returncode, 0, want.stderr.decode())
        for args, stdin in [((packed,), None), ((packed, "--max-bytes", len(SAMPLE)), None), (("-",), gzip.compress(SAMPLE))]:
            r = run("repair", *args, stdin=stdin)
            self.assertEqual((r.returncode, r.stdout), (0, want.stdout), (args, r.stderr.decode()))
        # --max-bytes bounds what the file inflates to, not only the file.
        r = run("repair", packed, "--max-bytes", len(SAMPLE) - 1)
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"over --max-bytes {len(SAMPLE) - 1}", r.stderr.decode())
        # One document: a corpus of several is refused, not silently cut to its first.
        r = run("repair", self.write("c.jsonl", b'{"text":"a"}\n{"text":"b"}\n'))
        self.assertEqual(r.returncode, 1)
        self.assertIn("holds several documents", r.stderr.decode())

    def test_tokenize_reads_html_gzip_and_docx_as_parse_does(self):
        line = "全区有在校学生26341人。"
        page = self.write("p.html", f"<html><body><p>{line}</p></body></html>".encode())
        r = run("tokenize", page)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        parsed = json.loads(run("parse", "-q", page).stdout)["text"]
        self.assertEqual(token_texts(r.stdout), parsed)  # the page's text, not its markup
        self.assertNotIn("<", token_texts(r.stdout))
        plain = self.write("a.txt", SAMPLE)
        want = run("tokenize", plain).stdout
        for path, stdin in [(self.write("a.txt.gz", gzip.compress(SAMPLE)), None), ("-", gzip.compress(SAMPLE))]:
            r = run("tokenize", path, stdin=stdin)
            self.assertEqual((r.returncode, r.stdout), (0, want), r.stderr.decode())
        r = run("tokenize", self.write("d.docx", docx(line)))
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(token_texts(r.stdout), line + "\n")
        # Text that only starts like markup is text; a .txt starting like a page is a page, as in parse.
        self.assertIn("<", token_texts(run("tokenize", self.write("t.txt", b"<b> x")).stdout))
        # A corpus file is tokenized as the text it is (tokenize has no output per document).
        r = run("tokenize", self.write("c.jsonl", b'{"text":"a"}\n'))
        self.assertEqual(r.returncode, 0)
        self.assertEqual(token_texts(r.stdout), '{"text":"a"}\n')

    def test_jsonl_on_standard_input_is_read_as_a_corpus(self):
        lines = [json.dumps({"id": f"d{i}", "text": f"收入{i}万元。"}, ensure_ascii=False) for i in range(3)]
        corpus = ("\n".join(lines) + "\n").encode()
        for stdin, args in [(corpus, ("-",)), (b"\xef\xbb\xbf  " + corpus, ("-",)), (None, (self.write("corpus", corpus),))]:
            r = run("parse", "-q", *args, stdin=stdin)
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            docs = [json.loads(x) for x in r.stdout.splitlines()]
            self.assertEqual([(d["source"]["id"], d["source"]["line"]) for d in docs],
                             [("d0", 1), ("d1", 2), ("d2", 3)])
        r = run("parse", "-q", "-f", "json", "-", stdin=corpus)  # asked for JSON: an array, as for a corpus
        self.assertEqual([d["source"]["id"] for d in json.loads(r.stdout)], ["d0", "d1", "d2"])
        # Text that starts with a brace but whose first line is no record stays one text document.
        for text in ["{注}收入12万元。\n增加3人。\n", '{"note": "no text field"}\n收入12万元。\n']:
            r = run("parse", "-q", "-", stdin=text.encode())
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            got = json.loads(r.stdout)  # one pretty object: one document
            self.assertEqual(got["source"]["format"], "text")
            as_file = json.loads(run("parse", "-q", self.write("t.txt", text.encode())).stdout)
            self.assertEqual(without_source(got), without_source(as_file))

    def test_json_array_skips_elements_that_are_not_objects(self):
        arr = b'[{"id":"a","text":"x"}, 3, {"id":"c","text":"y"}, [1, {"text":"z"}], "s", {"id":"f","text":"w"}]'
        r = run("parse", "-q", self.write("c.json", arr))
        self.assertEqual(r.returncode, 1)
        self.assertEqual([json.loads(x)["source"]["id"] for x in r.stdout.splitlines()], ["a", "c", "f"])
        err = r.stderr.decode()
        self.assertIn("c.json: array element [1] is a number, not an object: skipped", err)
        self.assertIn("array element [3] is an array", err)
        self.assertIn("array element [4] is a string", err)
        self.assertEqual(err.count("array element"), 3)

    def test_ids_are_kept_as_written(self):
        path = self.write("c.jsonl", b'{"id":1.5,"text":"x"}\n{"id":99999999999999999999,"text":"y"}\n{"id":-7,"text":"z"}\n')
        r = run("parse", "-q", path)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual([json.loads(x)["source"]["id"] for x in r.stdout.splitlines()],
                         ["1.5", "99999999999999999999", "-7"])

    def test_named_fields_missing_from_the_header_fail_like_the_text_field(self):
        path = self.write("p.csv", "province,full_text\n北京市,收入12万元。\n".encode())
        for flag in ["--id-field", "--title-field", "--text-field"]:
            r = run("parse", "-q", path, flag, "provnce")
            self.assertEqual(r.returncode, 1, flag)
            self.assertIn("provnce", r.stderr.decode())
            self.assertIn("the columns are: province, full_text", r.stderr.decode(), flag)
            self.assertEqual(r.stdout, b"")
        r = run("parse", "-q", path, "--id-field", "province")  # the defaults (id, title) may be absent
        self.assertEqual((r.returncode, json.loads(r.stdout)["source"]["id"]), (0, "北京市"))

    def test_facts_csv_prefixes_corpus_columns_named_like_its_own(self):
        path = self.write("c.csv", '编号,year,title,text\n1,1999,corpus title,"某县2023年工作总结\n全区有在校学生26341人。"\n'.encode())
        r = run("parse", "-q", path, "--format", "csv", "--id-field", "编号")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        header = next(csv.reader(io.StringIO(r.stdout.decode())))
        self.assertEqual(len(header), len(set(header)), header)
        self.assertEqual(header[-3:], ["编号", "corpus_year", "corpus_title"])
        row = next(csv.DictReader(io.StringIO(r.stdout.decode())))
        self.assertEqual((row["corpus_year"], row["corpus_title"], row["编号"]), ("1999", "corpus title", "1"))
        self.assertNotEqual(row["year"], "1999")  # wenshu's own year column keeps wenshu's value

    def test_facts_csv_of_a_csv_on_standard_input_keeps_its_columns(self):
        # Its columns were read from the file before the run, which standard input cannot give twice: the
        # facts CSV of `... | wenshu parse - --input-format csv -f csv` lost them without a word.
        data = '编号,province,text\n1,某省,"某县2023年工作总结\n全区有在校学生26341人。"\n'.encode()
        path = self.write("c.csv", data)
        from_file = run("parse", "-q", path, "--format", "csv")
        from_stdin = run("parse", "-q", "-", "--input-format", "csv", "--format", "csv", stdin=data)
        self.assertEqual(from_stdin.returncode, 0, from_stdin.stderr.decode())
        self.assertEqual(next(csv.reader(io.StringIO(from_stdin.stdout.decode())))[-2:], ["编号", "province"])
        self.assertEqual(from_stdin.stdout.replace(b"<stdin>", b""), from_file.stdout.replace(str(path).encode(), b""))
        # After another input's facts the header is written: said, not silent.
        late = run("parse", "-q", self.write("a.txt", SAMPLE), "-", "--input-format", "csv", "--format", "csv",
                   stdin=data)
        self.assertIn(b"<stdin>: its own columns are not in the facts CSV", late.stderr)



class NothingIsLeftOutSilently(TempDir):
    """Empty inputs, trailing bytes after gzip data and the parts of an HTML page left out are all said."""

    def test_empty_and_blank_inputs_warn_and_exit_0(self):
        cases = [("empty.txt", b"", "warning: empty input (0 bytes)"),
                 ("blank.txt", " \n\t\n\u3000\n".encode(), "warning: no text (8 bytes of white space)"),
                 ("scripts.html", b"<html><body><script>var a = 1;</script></body></html>",
                  "warning: no text (53 bytes of input, none of them text)")]
        for name, data, warning in cases:
            path = self.write(name, data)
            for command in ("parse", "repair", "tokenize"):
                r = run(command, "-q", path) if command == "parse" else run(command, path)
                self.assertEqual(r.returncode, 0, (name, command, r.stderr))
                self.assertIn(f"{path}: {warning}", r.stderr.decode(), (name, command))
        # Standard input, named as such; a report is still written.
        r = run("parse", "-q", "-", stdin=b"")
        self.assertEqual((r.returncode, r.stderr.decode()), (0, "wenshu: <stdin>: warning: empty input (0 bytes)\n"))
        self.assertEqual(json.loads(r.stdout)["text"], "")
        # A corpus record with an empty text is named by its line; an input with no document at all is said.
        corpus = self.write("c.jsonl", b'{"text":"\u6536\u5165"}\n{"text":""}\n')
        r = run("parse", "-q", corpus, self.write("none.jsonl", b""), self.write("header.csv", b"id,text\n"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stdout.splitlines()), 2)
        err = r.stderr.decode()
        self.assertIn(f"{corpus}:2: warning: no text", err)
        self.assertIn("none.jsonl: warning: no document in the input", err)
        self.assertIn("header.csv: warning: no document in the input", err)
        # Text is no warning.
        r = run("parse", "-q", self.write("a.txt", "收入12万元。".encode()))
        self.assertEqual((r.returncode, r.stderr), (0, b""))

    def test_gzip_with_bytes_after_its_stream_fails_naming_the_input_once(self):
        text = gzip.compress("收入12万元。\n".encode())
        corpus = gzip.compress(b'{"text":"\\u6536\\u5165"}\n')
        for trailer, why in ((b"garbage", "damaged gzip data"), (b"\0" * 8, "damaged gzip data"),
                             (b"\x1f", "gzip data is cut short")):
            for name, data in (("t.txt.gz", text), ("c.jsonl.gz", corpus)):
                path = self.write(name, data + trailer)
                for command in ("parse", "repair", "tokenize"):
                    r = run(command, path)
                    err = r.stderr.decode()
                    self.assertEqual(r.returncode, 1, (name, command, err))
                    self.assertIn(f"{path}: {why}", err, (name, command))
                    self.assertEqual(err.count(str(path)), 1, err)

    def test_html_parts_left_out_are_in_the_source(self):
        script = "<script>var a = '增长50%';</script>"
        nav = '<nav class="top"><a href=/>首页</a></nav>'
        page = "<html><head>" + script + "</head><body>" + nav + "<p>收入达到1200万元。</p></body></html>"
        r = run("parse", "-q", self.write("p.html", page.encode()))
        self.assertEqual(r.returncode, 0, r.stderr)
        dropped = json.loads(r.stdout)["source"]["dropped"]
        raw = page.encode()
        self.assertEqual([(d["kind"], d["element"], raw[d["source"][0]:d["source"][1]].decode(), d["bytes"], d["at"])
                          for d in dropped],
                         [("script", "script", script, len(script.encode()), 0),
                          ("furniture", "nav.top", nav, len(nav.encode()), 0)])
        self.assertEqual([d["chars"] for d in dropped], [13, 2])
        r = run("parse", "-q", "--format", "jsonl", self.write("a.txt", "收入12万元。".encode()))
        self.assertEqual(json.loads(r.stdout)["source"]["dropped"], [])

if __name__ == "__main__":
    unittest.main()
