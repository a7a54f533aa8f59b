"""The Python edge of issue 12: every misuse raises a clear error instead of reading freed memory,
wrapping an integer, cutting a string or dropping a corpus line."""
import json
import os
import warnings

import pytest

import wenshu

TEST_DATA = os.environ.get("WENSHU_TEST_DATA",
                           os.path.join(os.path.dirname(__file__), "..", "data"))


def read(path):
    with open(path, "rb") as f:
        return f.read()


# -- handles: closed means closed, also for an iterator taken before close() -----------------------

def test_tokens_iterator_stops_at_close():
    t = wenshu.Tokenizer()
    t.feed("全区有在校学生26341人。" * 50)
    t.finish()
    tokens = t.tokens()
    next(tokens)
    t.close()  # frees the native tokenizer; the iterator must not touch it again
    with pytest.raises(ValueError, match="closed"):
        next(tokens)


def test_tokenize_generator_closed_midway_frees_once():
    gen = wenshu.tokenize("全区有在校学生26341人。" * 50, chunk_size=7)
    next(gen)
    gen.close()  # the with-block inside closes the tokenizer; nothing is left dangling
    assert list(gen) == []


def test_closed_report_and_repair_result_refuse_use():
    report = wenshu.Report("全区有在校学生26341人。")
    report.close()
    report.close()  # twice is fine
    with pytest.raises(ValueError, match="closed"):
        report.text
    result = wenshu.repair("全区有在校学生26341人。")
    result.close()
    with pytest.raises(ValueError, match="closed"):
        result.revert()


# -- revert is the engine's, byte for byte ---------------------------------------------------------

def test_revert_is_byte_exact_over_invalid_utf8():
    # A site's download notice whose last line holds \xff\xfe: the record removing the notice covers them.
    original = read(os.path.join(TEST_DATA, "capi", "site_header_invalid_utf8.txt"))
    result = wenshu.repair(original)
    covering = [r for r in result.records if b"\xff" in original[r["span"][0]:r["span"][1]]]
    assert covering, "no record covers the invalid bytes: the test lost its case"
    assert result.revert() == original
    assert result.apply(original) == result.text.encode("utf-8", "surrogateescape")
    # before/after hold the exact bytes (invalid ones as surrogates), not U+FFFD.
    assert covering[0]["before"].encode("utf-8", "surrogateescape") == \
        original[covering[0]["span"][0]:covering[0]["span"][1]]
    with pytest.raises(wenshu.WenshuError) as e:
        result.apply(b"not the original")
    assert e.value.status == wenshu.Status.INVALID_ARGUMENT and "record" in e.value.message


# -- options: no wrapping, no cutting --------------------------------------------------------------

@pytest.mark.parametrize("name,value", [
    ("max_bytes", -1), ("max_bytes", 2 ** 64), ("max_token_bytes", -5), ("max_token_bytes", 2 ** 70),
    ("source_line", -1), ("source_line", 2 ** 63),
])
def test_out_of_range_options_raise(name, value):
    with pytest.raises(ValueError, match=name):
        wenshu.parse("全区有在校学生26341人。", **{name: value})


@pytest.mark.parametrize("name,value", [("max_bytes", "100"), ("max_bytes", 1.5),
                                        ("source_line", True), ("max_token_bytes", None.__class__)])
def test_non_integer_options_raise(name, value):
    with pytest.raises(TypeError, match=name):
        wenshu.parse("全区", **{name: value})


def test_max_bytes_is_exact():
    text = "全区有在校学生26341人。".encode()
    assert wenshu.parse(text, max_bytes=len(text))["text"]
    with pytest.raises(wenshu.WenshuError) as e:
        wenshu.parse(text, max_bytes=len(text) - 1)
    assert e.value.status == wenshu.Status.LIMIT


@pytest.mark.parametrize("name", ["name", "title", "source_id", "disabled_rules"])
def test_nul_in_a_string_option_raises(name):
    with pytest.raises(ValueError, match="NUL"):
        wenshu.parse("全区有在校学生26341人。", **{name: "a\0b"})


def test_chunk_size_must_be_positive():
    for bad in (0, -1):
        with pytest.raises(ValueError, match="chunk_size"):
            list(wenshu.tokenize(b"abc", chunk_size=bad))
    with pytest.raises(TypeError, match="chunk_size"):
        list(wenshu.tokenize(b"abc", chunk_size=1.5))


# -- corpora: a bad line is skipped and reported, as the command does ------------------------------

def write_corpus(tmp_path, lines):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_lone_surrogate_line_is_skipped_like_the_command(tmp_path, cli):
    import subprocess
    good = json.dumps({"id": "a", "text": "全区有在校学生26341人。"}, ensure_ascii=False).encode()
    lone = b'{"id": "b", "text": "\\ud800 broken"}'
    nan = b'{"id": "c", "text": "x", "n": NaN}'
    tail = json.dumps({"id": "d", "text": "全年接待游客120万人次。"}, ensure_ascii=False).encode()
    path = write_corpus(tmp_path, [good, lone, nan, tail])
    command = subprocess.run([cli, "parse", str(path), "--format", "jsonl", "-q"],
                             capture_output=True)
    expected = [json.loads(line) for line in command.stdout.splitlines()]
    assert [r["source"]["id"] for r in expected] == ["a", "d"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = list(wenshu.parse_jsonl(path, char_spans=False))
    assert got == expected
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2 and ":2:" in messages[0] and ":3:" in messages[1]
    with pytest.raises(ValueError, match=":2:"):
        list(wenshu.parse_jsonl(path, errors="raise"))


def test_default_text_fields_and_number_ids_like_the_command(tmp_path, cli):
    # The command takes the first of text, content, full_text and 正文 that holds a string, and keeps an
    # id written as a number as it was written; read_jsonl read only text or content, and dropped an id
    # with a fraction or an exponent.
    import subprocess
    rows = [b'{"id": 1, "full_text": "\xe5\x85\xa8\xe5\x8c\xba"}',
            b'{"id": 2, "text": null, "content": "\xe5\x85\xa8\xe5\xb9\xb4"}',
            '{"id": "c", "正文": "增长5%"}'.encode(),
            b'{"id": 1.5, "text": "a"}',
            b'{"id": -2.50e3, "text": "b"}',
            b'{"id": 99999999999999999999, "text": "c"}',
            b'{"id": 4, "text": 7}']
    path = write_corpus(tmp_path, rows)
    command = subprocess.run([cli, "parse", str(path), "--format", "jsonl", "-q"], capture_output=True)
    expected = [json.loads(line) for line in command.stdout.splitlines()]
    assert [r["source"]["id"] for r in expected] == ["1", "2", "c", "1.5", "-2.50e3",
                                                     "99999999999999999999"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = list(wenshu.parse_jsonl(path, char_spans=False))
    assert got == expected
    assert len(caught) == 1 and ":7:" in str(caught[0].message)


def test_a_gzipped_corpus_is_read_like_the_command(tmp_path, cli):
    # parse_jsonl read the compressed bytes as lines: every line skipped with a warning, nothing parsed.
    import gzip
    import subprocess
    rows = [json.dumps({"id": i, "text": t}, ensure_ascii=False).encode()
            for i, t in enumerate(["全区有在校学生26341人。", "全年接待游客120万人次。"])]
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress(b"\n".join(rows) + b"\n"))
    command = subprocess.run([cli, "parse", str(path), "--format", "jsonl", "-q"], capture_output=True,
                             check=True)
    expected = [json.loads(line) for line in command.stdout.splitlines()]
    assert len(expected) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert list(wenshu.parse_jsonl(path, char_spans=False)) == expected


def test_parse_file_refuses_a_corpus(tmp_path):
    # A corpus given to parse_file was read as one text: its JSON lines or CSV rows taken for a page's
    # furniture and removed, an empty report returned without a word.
    for name in ("c.jsonl", "c.ndjson", "c.json", "c.CSV", "c.tsv", "c.jsonl.gz"):
        path = tmp_path / name
        path.write_bytes(b'{"id": 1, "text": "x"}\n')
        with pytest.raises(ValueError, match="corpus"):
            wenshu.parse_file(path)
    text = tmp_path / "report.txt"
    text.write_text("全区有在校学生26341人。", encoding="utf-8")
    assert wenshu.parse_file(text)["quantities"]


def test_copies_never_free_a_native_object_twice():
    # copy.copy() gave a second owner of the same pointer: both freed it (double free: abort, segfault).
    import copy
    import pickle
    report = wenshu.Report("全区有在校学生26341人。")
    dictionary = wenshu.Dictionary.extend("教育经费支出 100")
    fixed = wenshu.repair("全区有在校学生26341人。\n\n第 2 页 共 9 页\n\n工作总结如下。")
    for shared in (report, dictionary):  # immutable: a copy is the object itself
        assert copy.copy(shared) is shared and copy.deepcopy(shared) is shared
    for fixed_copy in (copy.copy(fixed), copy.deepcopy(fixed)):
        assert fixed_copy.revert() == fixed.original
    with wenshu.Tokenizer() as tokenizer:
        for copier in (copy.copy, copy.deepcopy):
            with pytest.raises(TypeError, match="Tokenizer cannot be copied"):
                copier(tokenizer)
    for owner, name in ((report, "Report"), (dictionary, "Dictionary"), (fixed, "RepairResult")):
        with pytest.raises(TypeError, match=f"{name} cannot be pickled"):
            pickle.dumps(owner)
    report.close()
    dictionary.close()
    fixed.close()
    with pytest.raises(ValueError, match="closed"):
        copy.deepcopy(fixed).revert()


def test_number_beyond_double_range_keeps_the_line_like_the_command(tmp_path, cli):
    # Python's json reads 1e999 as inf; the command's reader (nlohmann) used to drop the line (error 406).
    import subprocess
    huge = b'{"id": 1, "x": 1e999, "text": "\u5168\u5e74\u63a5\u5f85\u6e38\u5ba2120\u4e07\u4eba\u6b21\u3002"}'
    tail = '{"id": "d", "y": [-1E+999], "text": "全区有在校学生26341人。"}'.encode()
    path = write_corpus(tmp_path, [huge, tail])
    command = subprocess.run([cli, "parse", str(path), "--format", "jsonl", "-q"], capture_output=True)
    assert command.returncode == 0, command.stderr
    expected = [json.loads(line) for line in command.stdout.splitlines()]
    assert [r["source"]["id"] for r in expected] == ["1", "d"]
    assert list(wenshu.parse_jsonl(path, char_spans=False)) == expected


# -- the try-out's papercuts: refuse at once, name the public class, list the valid names -------------

def test_add_word_refuses_a_control_character_at_once():
    with pytest.raises(wenshu.WenshuError, match="control character"):
        wenshu.add_word("教育\x01经费")
    with pytest.raises(ValueError, match="tag"):
        wenshu.add_word("教育经费", 5, "n\n坏\x01")
    try:
        assert wenshu.lcut("全区有在校学生26341人") == ["全区", "有", "在校学生", "26341人"]
    finally:
        wenshu.reset_userdict()


def test_load_userdict_of_deletions_only(tmp_path):
    path = tmp_path / "user.txt"
    path.write_text("在校学生 0\n")  # removes a word: no word of its own, still a valid user dictionary
    try:
        wenshu.load_userdict(path)
        assert "在校学生" not in wenshu.lcut("全区有在校学生26341人")
    finally:
        wenshu.reset_userdict()
    path.write_text("教育经费\n坏\x02词 3\n")
    with pytest.raises(wenshu.WenshuError, match="line 2: word contains a control character"):
        wenshu.load_userdict(path)


def test_source_id_bytes_are_utf8_or_refused():
    s = "全区有在校学生26341人。"
    assert wenshu.parse(s, source_id="甲".encode())["source"]["id"] == "甲"
    assert wenshu.parse(s, source_id=42)["source"]["id"] == "42"
    with pytest.raises(ValueError, match="not UTF-8"):
        wenshu.parse(s, source_id=b"\xff")
    with pytest.raises(TypeError, match="source_id"):
        wenshu.parse(s, source_id=4.2)


def test_closed_repair_result_names_the_public_class():
    result = wenshu.repair("全区有在校学生26341人。")
    result.close()
    with pytest.raises(ValueError, match="^RepairResult is closed"):
        result.revert()


def test_report_count_of_an_unknown_item_lists_the_items():
    with wenshu.Report("全区有在校学生26341人。") as report:
        with pytest.raises(ValueError, match="quantities"):
            report.count("nope")
        assert report.count("quantities") == 1


def test_table_of_a_misspelt_list_raises():
    reports = [wenshu.parse("全区有在校学生26341人。")]
    with pytest.raises(ValueError, match="quantities"):
        wenshu.table(reports, "quantites")
    assert wenshu.table(reports, "targets") == []  # a list every report has, empty here
    assert wenshu.table([], "quantites") == []     # no report: nothing to check the name against
    # A span is no table: title_span gave rows {"value": 0}, {"value": 31}, and was offered as a list.
    with pytest.raises(ValueError) as refused:
        wenshu.table([wenshu.parse("某县2023年工作总结\n全区有在校学生26341人。")], "title_span")
    assert "quantities" in str(refused.value) and "span" not in str(refused.value).split("are:")[1]
