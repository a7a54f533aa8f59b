"""Issue 18: Python as its users expect it: str offsets, jieba's habits, tables, the command's corpus
options, a clean namespace, and the docstrings' examples (run here as doctests)."""
import doctest
import json

import pytest

import wenshu
import wenshu._tables


def test_char_spans_index_the_str():
    s = "全区有在校学生26341人。"
    fact = wenshu.parse(s)["quantities"][0]
    assert s[slice(*fact["span"])] != fact["text"]  # bytes: the trap the issue shows
    assert s[slice(*fact["char_span"])] == fact["text"]


def test_char_spans_of_every_kind_of_item(damaged_path):
    with open(damaged_path, "rb") as f:
        raw = f.read()
    s = raw.decode("utf-8", "surrogateescape")
    report = wenshu.parse(raw)
    for q in report["quantities"] + report["changes"] + report["dates"]:
        b, e = q["span"]
        assert s[slice(*q["char_span"])] == raw[b:e].decode()
    for r in report["repairs"]:
        assert s[slice(*r["char_span"])] == r["before"]
    for sec in report["sections"]:
        assert s[slice(*sec["heading_char_span"])] == raw[slice(*sec["heading_span"])].decode()
    fixed = wenshu.repair(raw)
    for r in fixed.records:
        assert s[slice(*r["char_span"])] == r["before"]
    tokens = list(wenshu.tokenize(s))
    assert all(s[slice(*t.char_span)] == t.text for t in tokens)
    assert all(raw[slice(*t.span)].decode() == t.text for t in tokens)


def test_char_spans_count_an_invalid_byte_as_one():
    raw = "甲".encode() + b"\xff" + "全区有在校学生26341人。".encode()
    s = raw.decode("utf-8", "surrogateescape")
    report = wenshu.parse(raw)
    flag = report["flags"][0]
    assert flag["char_span"] == [1, 2]
    q = report["quantities"][0]
    assert s[slice(*q["char_span"])] == "26341人"


def test_cut_keeps_figures_whole_and_joins_back():
    text = "全年接待游客120万人次，同比增长12.5%；投资2.3万元，新建学校三所。"
    words = wenshu.lcut(text)
    assert "".join(words) == text
    assert {"120万人次", "12.5%", "2.3万元"} <= set(words)
    assert list(wenshu.cut(text)) == words


def test_user_words_extend_the_builtin_table(tmp_path):
    text = "居民消费价格和教育经费支出"
    try:
        assert "教育经费支出" not in wenshu.lcut(text)
        wenshu.add_word("教育经费支出")
        words = wenshu.lcut(text)
        assert "教育经费支出" in words and "居民消费" in words  # the built-in words stay
        wenshu.reset_userdict()
        path = tmp_path / "user.txt"
        path.write_text("教育经费支出 100 n\n", encoding="utf-8")
        wenshu.load_userdict(path)
        assert {"教育经费支出", "居民消费"} <= set(wenshu.lcut(text))
        wenshu.del_word("居民消费")
        assert "居民消费" not in wenshu.lcut(text)
        bad = tmp_path / "bad.txt"
        bad.write_text("词 abc\n", encoding="utf-8")
        with pytest.raises(wenshu.WenshuError, match="line 1"):
            wenshu.load_userdict(bad)
    finally:
        wenshu.reset_userdict()
    assert "教育经费支出" not in wenshu.lcut(text)
    # A replacing table (Dictionary.from_text) still loses the built-in words; extend keeps them.
    with wenshu.Dictionary.from_text("教育经费支出\n") as only:
        assert "居民消费" not in wenshu.lcut(text, dictionary=only)
    with wenshu.Dictionary.extend("教育经费支出\n") as more:
        assert {"居民消费", "教育经费支出"} <= set(wenshu.lcut(text, dictionary=more))


def test_tables_carry_the_document_metadata(corpus_path):
    reports = list(wenshu.parse_jsonl(corpus_path))
    rows = wenshu.facts(reports)
    assert rows and {"doc_name", "doc_id", "doc_line", "doc_title", "fact", "text"} <= set(rows[0])
    assert {r["fact"] for r in rows} <= {"quantity", "change", "date"}
    expected = sum(len(r["quantities"]) + len(r["changes"]) + len(r["dates"]) for r in reports)
    assert len(rows) == expected
    secs = wenshu.sections(reports)
    assert all(isinstance(r["section"], list) and "children" not in r for r in secs)
    assert wenshu.targets(reports) == wenshu.table(reports, "targets")
    assert wenshu.repairs(reports) == wenshu.table(reports, "repairs")
    # A list a later report version adds is a table too, with no change here.
    extended = [dict(r, novelties=[{"text": "x"}]) for r in reports]
    assert len(wenshu.table(extended, "novelties")) == len(reports)


def test_dataframes_when_pandas_is_installed(corpus_path):
    pandas = pytest.importorskip("pandas")
    reports = list(wenshu.parse_jsonl(corpus_path))
    frame = wenshu.facts(reports, frame=True)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns[:7]) == ["doc_name", "doc_id", "doc_line", "doc_title", "doc_kind",
                                       "doc_issuer", "doc_period"]
    assert len(frame) == len(wenshu.facts(reports))
    assert len(wenshu.dataframe(reports, "quantities")) == sum(len(r["quantities"]) for r in reports)


def test_corpus_helpers_take_the_commands_options(tmp_path, cli):
    import subprocess
    path = tmp_path / "c.jsonl"
    rows = [{"doc": "k1", "body": "全区有在校学生26341人。", "name": "甲"},
            {"doc": 7, "body": "全年接待游客120万人次。", "name": "乙"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    command = subprocess.run([cli, "parse", str(path), "--format", "jsonl", "-q", "--text-field",
                              "body", "--id-field", "doc", "--title-field", "name"],
                             capture_output=True, check=True)
    expected = [json.loads(line) for line in command.stdout.splitlines()]
    got = list(wenshu.parse_jsonl(path, text_field="body", id_field="doc", title_field="name",
                                  char_spans=False))
    assert got == expected and [r["source"]["id"] for r in got] == ["k1", "7"]


def test_namespace_is_the_public_api():
    assert sorted(dir(wenshu)) == sorted(wenshu.__all__)  # no ctypes, json, os ...
    assert all(hasattr(wenshu, n) for n in wenshu.__all__)
    assert {"ctypes", "json", "os"}.isdisjoint(wenshu.__all__)
    for name in wenshu.__all__:
        obj = getattr(wenshu, name)
        if callable(obj) and not isinstance(obj, type):
            assert obj.__doc__, f"{name} has no docstring"
            assert obj.__annotations__, f"{name} has no type hints"


@pytest.mark.parametrize("module", [wenshu, wenshu._tables], ids=["wenshu", "wenshu._tables"])
def test_docstring_examples(module):
    pytest.importorskip("pandas")  # one example shows a DataFrame
    result = doctest.testmod(module, extraglobs={"wenshu": wenshu},
                             optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 4 and result.failed == 0
