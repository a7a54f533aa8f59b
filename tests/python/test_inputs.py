"""The Python package's encoding= and input_format= options (wenshu/input.h through the C ABI)."""
import pytest

import wenshu

SEED = "社会事业局2023年上半年工作总结\n一、主要工作\n今年以来，全局收入达到1200万元，同比增长5%，较上年增加30人。\n"


def _without_source(report):
    report = dict(report)
    report.pop("source")
    return report


def test_encodings_give_the_report_of_the_utf8_text():
    want = _without_source(wenshu.parse(SEED))
    for data, name in [(SEED.encode("gb18030"), "GB18030"),
                       (b"\xff\xfe" + SEED.encode("utf-16-le"), "UTF-16LE"),
                       (b"\xfe\xff" + SEED.encode("utf-16-be"), "UTF-16BE"),
                       (b"\xef\xbb\xbf" + SEED.encode("utf-8"), "UTF-8")]:
        got = wenshu.parse(data, encoding="auto")
        assert got["source"]["encoding"] == name
        assert _without_source(got) == want


def test_html_and_named_encoding(tmp_path):
    page = "<!DOCTYPE html><title>2023年工作总结_某网</title><p>收入达到1200万元，增长&#37;5。</p>"
    report = wenshu.parse(page.encode("gbk"), encoding="gbk", input_format="html")
    assert report["source"]["format"] == "html"
    assert report["title"] == "2023年工作总结"
    path = tmp_path / "page.HTML"
    path.write_bytes(page.encode("gb18030"))
    assert wenshu.parse_file(path)["text"] == "收入达到1200万元，增长%5。\n"


def test_binary_is_refused_with_a_hint():
    try:
        wenshu.parse(b"%PDF-1.4\n", encoding="auto")
    except wenshu.WenshuError as e:
        assert "PDF" in str(e)
    else:
        raise AssertionError("a PDF was parsed")


# -- spans of a decoded input index the decoded text (char_span too) --------------------------------

FACTS = "某县2023年工作总结\n全区有在校学生26341人，比上年增长3.5%。全年接待游客120万人次。\n"
DECODED_INPUTS = {
    "gb18030.txt": FACTS.encode("gb18030"),
    "utf16.txt": b"\xff\xfe" + FACTS.encode("utf-16-le"),
    "big5.txt": "某縣2023年工作總結\n全區有在校學生26341人，比上年增長3.5%。全年接待遊客120萬人次。\n"
                .encode("big5"),
    "page.html": ("<html><body><p>" + FACTS.replace("\n", "</p><p>") + "</p></body></html>").encode(),
}


def test_char_spans_index_the_decoded_text(tmp_path):
    for name, data in DECODED_INPUTS.items():
        path = tmp_path / name
        path.write_bytes(data)
        report = wenshu.parse_file(path)
        with wenshu.Report(data, encoding="auto") as r:
            decoded = r.input
        assert decoded.encode() == decoded.encode("utf-8")
        assert report["quantities"], name
        for q in report["quantities"] + report["dates"] + report["changes"]:
            assert decoded[slice(*q["char_span"])] == q["text"], (name, q["text"])
            assert decoded.encode()[slice(*q["span"])].decode() == q["text"], (name, q["text"])


def test_repair_of_a_decoded_input_is_self_consistent():
    text = "全区有在校学生26341人。\n\n第 2 页 共 9 页\n\n工作总结如下。\n"
    result = wenshu.repair(text.encode("gb18030"), encoding="auto")
    assert result.original == text.encode()  # the decoded text the spans index, not the GB18030 bytes
    assert result.revert() == result.original
    assert result.apply(result.original) == result.text.encode()
    assert result.records, "no repair: the test lost its case"
    for record in result.records:
        assert text[slice(*record["char_span"])] == record["before"]
        assert result.original[slice(*record["span"])].decode() == record["before"]


def test_tokenizer_refuses_an_encoding():
    raw = "全区有在校学生26341人。".encode("gb18030")
    for options in ({"encoding": "gb18030"}, {"input_format": "html"}):
        with pytest.raises(wenshu.WenshuError, match="tokenizer reads UTF-8") as e:
            wenshu.tokenize(raw, **options)  # at the call, not at the first token
        assert e.value.status == wenshu.Status.INVALID_ARGUMENT
        with pytest.raises(wenshu.WenshuError, match="tokenizer reads UTF-8"):
            wenshu.Tokenizer(**options)
    decoded = wenshu.repair(raw, encoding="gb18030").original
    assert [t.text for t in wenshu.tokenize(decoded)][:2] == ["全区", "有"]


def _command_reports(cli, path, *flags):
    import json
    import subprocess
    out = subprocess.run([cli, "parse", str(path), "--format", "jsonl", "-q", *flags], capture_output=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_parse_csv_reads_a_csv_corpus_like_the_command(tmp_path, cli):
    # There was no CSV reader: a user read the rows with the csv module and lost source.meta, the BOM
    # and the line numbers the command gives (a quoted field spans lines; a blank line is skipped).
    path = tmp_path / "provinces.csv"
    path.write_bytes("\ufeffprovince,year,title,full_text\n"
                     "甲省,2026,甲省政府工作报告,\"各位代表：\n全省地区生产总值增长5.5%。\"\n"
                     "\n"
                     "乙省,2026,,\"全年粮食产量1200万吨，增长2%。\"\n"
                     "丙省,2026\n".encode("utf-8"))
    expected = _command_reports(cli, path)
    assert [r["source"]["line"] for r in expected] == [2, 5]
    with pytest.warns(wenshu.WenshuWarning, match=r"provinces.csv:6: the record has 2 fields"):
        got = list(wenshu.parse_csv(path, char_spans=False))
    assert got == expected
    assert got[0]["source"]["meta"] == {"province": "甲省", "year": "2026", "title": "甲省政府工作报告"}
    assert got[0]["source"]["bom"] is True
    docs = list(wenshu.read_csv(path, errors="skip"))
    assert [d.title for d in docs] == ["甲省政府工作报告", None]


def test_parse_csv_reads_gb18030_and_tsv_like_the_command(tmp_path, cli):
    tsv = tmp_path / "c.tsv"
    tsv.write_bytes("id\ttext\nA7\t全区有在校学生26341人。\n".encode("gb18030"))
    expected = _command_reports(cli, tsv)
    assert expected and expected[0]["source"]["encoding"] == "GB18030"
    assert list(wenshu.parse_csv(tsv, char_spans=False)) == expected
    with pytest.raises(ValueError, match="no text column.*the columns are: id, body"):
        bad = tmp_path / "b.csv"
        bad.write_text("id,body\n1,x\n", encoding="utf-8")
        list(wenshu.read_csv(bad))
    with pytest.raises(ValueError, match="parse_csv"):
        wenshu.parse_file(tmp_path / "b.csv")


def test_parse_jsonl_reads_gb18030_and_a_bom_like_the_command(tmp_path, cli):
    # A GB18030 corpus gave nothing (every line "invalid JSON"), and a BOM was not reported.
    rows = '{"id": "a", "text": "全区有在校学生26341人。"}\n{"id": "b", "text": "增长5%"}\n'
    gb = tmp_path / "gb.jsonl"
    gb.write_bytes(rows.encode("gb18030"))
    with_bom = tmp_path / "bom.jsonl"
    with_bom.write_bytes(b"\xef\xbb\xbf" + rows.encode("utf-8"))
    for path, encoding, bom in ((gb, "GB18030", False), (with_bom, "UTF-8", True)):
        expected = _command_reports(cli, path)
        assert [(r["source"]["encoding"], r["source"]["bom"]) for r in expected] == [(encoding, bom)] * 2
        assert list(wenshu.parse_jsonl(path, char_spans=False)) == expected
