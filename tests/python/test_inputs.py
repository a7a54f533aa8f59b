"""The Python package's encoding= and input_format= options (wenshu/input.h through the C ABI)."""
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
