"""The ctypes package: loading, errors, parse == the command's JSON, repair round trips, streaming
tokenization, handles, threads."""
import concurrent.futures
import io
import json
import os
import subprocess
import sys

import pytest

import wenshu


def without_char_spans(tree):
    """The JSON tree without the char_* keys the package adds."""
    if isinstance(tree, dict):
        return {k: without_char_spans(v) for k, v in tree.items() if "char_" not in k}
    if isinstance(tree, list):
        return [without_char_spans(v) for v in tree]
    return tree


def read(path):
    with open(path, "rb") as f:
        return f.read()


# -- loading and versions -------------------------------------------------------------------------

def test_versions():
    assert wenshu.version().count(".") == 2
    assert wenshu.ABI_VERSION == 0
    assert wenshu.report_schema() == "wenshu.report/1"


def test_every_declared_function_is_exported():
    from wenshu import _native
    for name in _native.FUNCTIONS:
        assert getattr(_native.lib, name).argtypes is not None or _native.FUNCTIONS[name][1] == []


def _import_in_subprocess(env_library):
    env = dict(os.environ, WENSHU_LIBRARY=env_library)
    return subprocess.run([sys.executable, "-c", "import wenshu; print(wenshu.version())"],
                          env=env, capture_output=True, text=True)


def test_bad_library_path_is_an_import_error(tmp_path):
    result = _import_in_subprocess(str(tmp_path / "libnothere.so"))
    assert result.returncode != 0
    assert "ImportError" in result.stderr and "WENSHU_LIBRARY" in result.stderr


def test_library_without_the_abi_is_refused():
    # libc loads fine but has no wenshu_ functions: the import must fail, naming what is missing.
    result = _import_in_subprocess("libc.so.6")
    assert result.returncode != 0
    assert "C ABI version" in result.stderr or "lacks" in result.stderr


def test_repair_rules_are_listed():
    rules = wenshu.repair_rules()
    assert "text.invalid_utf8" in rules
    assert all("." in rule and text for rule, text in rules.items())


# -- parse ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["sample_path", "damaged_path"])
def test_parse_equals_the_command_json(which, request, cli):
    path = request.getfixturevalue(which)
    out = subprocess.run([cli, "parse", path, "--format", "json"], capture_output=True, check=True)
    expected = json.loads(out.stdout)
    assert wenshu.parse_file(path, char_spans=False) == expected
    assert wenshu.parse(read(path), name=path, char_spans=False) == expected
    # With char spans (the default): the same report, plus a char span beside each byte span.
    assert without_char_spans(wenshu.parse_file(path)) == expected


def test_parse_jsonl_equals_the_command_jsonl(corpus_path, cli):
    out = subprocess.run([cli, "parse", corpus_path, "--format", "jsonl", "-q"], capture_output=True,
                         check=True)
    expected = [json.loads(line) for line in out.stdout.splitlines()]
    assert list(wenshu.parse_jsonl(corpus_path, char_spans=False)) == expected
    assert [without_char_spans(r) for r in wenshu.parse_jsonl(corpus_path)] == expected
    assert [r["source"]["line"] for r in expected] == [1, 2, 3, 4, 5]
    assert all(r["title"] for r in expected)  # the corpus's title field reaches the report


def test_parse_the_national_corpus_like_the_command(shared_dir, cli):
    corpus = os.path.join(shared_dir, "corpora", "gov-reports-national-1954-2025",
                          "government_work_reports.jsonl")
    out = subprocess.run([cli, "parse", corpus, "--format", "jsonl", "-q"], capture_output=True,
                         check=True)
    expected = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(expected) == 72
    assert list(wenshu.parse_jsonl(corpus, char_spans=False)) == expected


def test_parse_str_and_bytes_agree(sample_path):
    data = read(sample_path)
    assert wenshu.parse(data) == wenshu.parse(data.decode("utf-8")) == wenshu.parse(bytearray(data))


def test_parse_report_handle(damaged_path):
    data = read(damaged_path)
    with wenshu.Report(data, "x.txt") as report:
        as_dict = report.to_dict()
        assert report.text == as_dict["text"]
        assert report.title == as_dict["title"]
        assert report.count("quantities") == len(as_dict["quantities"]) > 0
        assert report.count("repairs") == len(as_dict["repairs"]) > 0
        assert report.count("failed_checks") == sum(c["status"] == "fail" for c in as_dict["checks"])
    with pytest.raises(ValueError, match="closed"):
        report.json_text()
    report.close()  # twice is fine


def test_parse_options(sample_path):
    data = read(sample_path)
    r = wenshu.parse(data, name="n.txt", source_id="doc-1", source_line=3, title="外部标题")
    assert r["source"] == {"name": "n.txt", "id": "doc-1", "line": 3, "bytes": len(data), "encoding": "UTF-8",
                           "bom": False, "format": "text", "meta": {}, "dropped": []}
    no_checks = wenshu.parse(data, run_checks=False)
    assert no_checks["checks"] == []
    with pytest.raises(TypeError, match="unknown wenshu option"):
        wenshu.parse(data, no_such_option=1)


def test_parse_errors_carry_status_and_message(sample_path):
    data = read(sample_path)
    with pytest.raises(wenshu.WenshuError) as e:
        wenshu.parse(data, max_bytes=10)
    assert e.value.status == wenshu.Status.LIMIT and "max_bytes" in e.value.message
    with pytest.raises(wenshu.WenshuError) as e:
        wenshu.parse(data, disabled_rules=["no.such_rule"])
    assert e.value.status == wenshu.Status.INVALID_ARGUMENT and "no.such_rule" in str(e.value)
    with pytest.raises(wenshu.WenshuError) as e:
        wenshu.parse(data, min_confidence=2)
    assert e.value.status == wenshu.Status.INVALID_ARGUMENT


def test_invalid_utf8_is_flagged_or_refused():
    data = "全县有学生".encode() + b"\xff\xfe" + "26341人".encode()
    report = wenshu.parse(data)
    assert any(f["rule"] == "text.invalid_utf8" for f in report["flags"])
    assert "\ufffd" in report["text"]
    with pytest.raises(wenshu.WenshuError) as e:
        wenshu.parse(data, strict_utf8=True)
    assert e.value.status == wenshu.Status.INVALID_UTF8 and "byte 15" in e.value.message


def test_parse_empty():
    assert wenshu.parse(b"")["text"] == ""


# -- repair ---------------------------------------------------------------------------------------

def test_repair_round_trip(damaged_path):
    original = read(damaged_path)
    result = wenshu.repair(original)
    assert result.records, "the bundled damaged sample has masked numbers"
    assert result.apply(original) == result.text.encode()
    assert result.revert() == original
    for r in result.records:
        b, e = r["span"]
        assert original[b:e] == r["before"].encode()
        assert 0 <= r["confidence"] <= 1 and r["reason"]
    assert result.diagnosis["masked_numbers"]


def test_repair_disabled_rules(damaged_path):
    original = read(damaged_path)
    result = wenshu.repair(original, disabled_rules="number.")
    assert not any(r["rule"].startswith("number.") for r in result.records)
    everything_off = wenshu.repair(original, disabled_rules=list(wenshu.repair_rules()))
    assert everything_off.records == [] and everything_off.text.encode() == original


def test_repair_keeps_invalid_bytes():
    data = b"abc\xff def"
    result = wenshu.repair(data)
    assert result.text.encode("utf-8", "surrogateescape") == data
    assert result.flags[0]["rule"] == "text.invalid_utf8" and result.flags[0]["span"] == [3, 4]


# -- tokenize -------------------------------------------------------------------------------------

def tokens_as_tuples(tokens):
    return [tuple(t) for t in tokens]


def test_tokenize_is_lossless_and_chunk_independent(damaged_path):
    data = read(damaged_path)
    whole = list(wenshu.tokenize(data))
    assert "".join(t.text for t in whole).encode() == data
    assert whole[0].begin == 0 and whole[-1].end == len(data)
    assert all(a.end == b.begin and a.cp_end == b.cp_begin for a, b in zip(whole, whole[1:]))
    for chunk_size in (1, 2, 3, 7, 100):
        assert tokens_as_tuples(wenshu.tokenize(io.BytesIO(data), chunk_size=chunk_size)) == \
            tokens_as_tuples(whole)
    # A text-mode file and an iterable of chunks give the same tokens.
    text_file = io.StringIO(data.decode())
    assert tokens_as_tuples(wenshu.tokenize(text_file, chunk_size=5)) == tokens_as_tuples(whole)
    assert tokens_as_tuples(wenshu.tokenize([data[:10], data[10:11], data[11:]])) == \
        tokens_as_tuples(whole)


def test_tokenize_streams_a_file(tmp_path):
    path = tmp_path / "big.txt"
    line = "全县有在校学生26341人，较上年增加304人。\n"
    path.write_text(line * 2000, encoding="utf-8")
    count = 0
    with open(path, "rb") as f:
        for token in wenshu.tokenize(f, chunk_size=4096):
            count += 1
            last = token
    assert last.end == path.stat().st_size
    assert count == 2000 * len(list(wenshu.tokenize(line)))


def test_token_fields():
    tokens = list(wenshu.tokenize("增长８.５％\r\n"))
    kinds = [t.kind for t in tokens]
    assert "number" in kinds and "percent" in kinds and kinds[-1] == "newline"
    number = tokens[kinds.index("number")]
    assert number.norm == "8.5" and number.flags & wenshu.TOKEN_NORMALIZED
    assert tokens[-1].text == "\r\n" and tokens[-1].norm == "\n"
    assert number.cp_begin == 2 and number.begin == 6


def test_tokenize_invalid_utf8():
    tokens = list(wenshu.tokenize(b"a\xffb"))
    assert [t.kind for t in tokens] == ["latin", "invalid", "latin"]
    assert tokens[1].text.encode("utf-8", "surrogateescape") == b"\xff"
    with pytest.raises(wenshu.WenshuError) as e:
        list(wenshu.tokenize(b"a\xffb", strict_utf8=True))
    assert e.value.status == wenshu.Status.INVALID_UTF8


def test_tokenizer_handle_and_call_order():
    with wenshu.Tokenizer() as t:
        t.feed("第一、".encode()[:4])  # ends inside a character
        assert t.pending_bytes == 4
        t.feed("第一、".encode()[4:])
        t.finish()
        assert [tok.kind for tok in t] == ["list_marker", "punct"]
        with pytest.raises(wenshu.WenshuError) as e:
            t.feed(b"x")
        assert e.value.status == wenshu.Status.WRONG_ORDER
        t.reset()
        t.feed(b"abc")
        t.finish()
        assert [tok.begin for tok in t] == [0]
    with pytest.raises(ValueError):
        t.feed(b"x")


def test_custom_dictionary(tmp_path):
    words = "教育经费支出 100\n全县\n"
    text = "全县教育经费支出3.2亿元"
    with wenshu.Dictionary.from_text(words) as d:
        assert len(d) == 2
        assert [t.text for t in wenshu.tokenize(text, dictionary=d)][:2] == ["全县", "教育经费支出"]
    assert "教育经费支出" not in [t.text for t in wenshu.tokenize(text)]  # the built-in table
    path = tmp_path / "words.txt"
    path.write_text(words, encoding="utf-8")
    d = wenshu.Dictionary.load(path)
    t = wenshu.Tokenizer(d)
    d.close()  # the tokenizer keeps the table alive
    t.feed(text)
    t.finish()
    assert [tok.text for tok in t][1] == "教育经费支出"
    t.close()
    with pytest.raises(wenshu.WenshuError) as e:
        wenshu.Dictionary.load(tmp_path / "missing.txt")
    assert e.value.status == wenshu.Status.IO and "missing.txt" in e.value.message
    with pytest.raises(wenshu.WenshuError) as e:
        wenshu.Dictionary.from_text("词 abc\n")
    assert e.value.status == wenshu.Status.INVALID_ARGUMENT and "line 1" in e.value.message


# -- threads --------------------------------------------------------------------------------------

def test_threads_parse_at_once(damaged_path, sample_path):
    inputs = [read(damaged_path), read(sample_path)] * 8
    expected = [wenshu.parse(d) for d in inputs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(wenshu.parse, inputs))
    assert got == expected
