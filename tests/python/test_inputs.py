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
