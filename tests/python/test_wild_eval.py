"""tools/wild_eval on a small folder written here (own text, not real pages): met, missed and false per kind."""

import json
import os
import subprocess
import sys

TOOL = os.path.join(os.path.dirname(__file__), "..", "..", "tools", "wild_eval", "wild_eval.py")


def write_folder(root, pages, annotations):
    os.makedirs(os.path.join(root, "pages"))
    with open(os.path.join(root, "pages", "INDEX.tsv"), "w", encoding="utf-8") as f:
        f.write("file\taddress\tsite_family\tkind\n")
        for name, (kind, text) in pages.items():
            f.write(f"{name}\thttps://example.org/{name}\texample\t{kind}\n")
            with open(os.path.join(root, "pages", name), "w", encoding="utf-8") as p:
                p.write(text)
    with open(os.path.join(root, "annotations.tsv"), "w", encoding="utf-8") as f:
        f.write("file\tkind\tfragment\texpected\n")
        for row in annotations:
            f.write("\t".join(row) + "\n")


def run(root, *extra):
    out = subprocess.run([sys.executable, TOOL, str(root), "--json", *extra], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_met_missed_false_per_kind(tmp_path):
    write_folder(tmp_path, {
        "001.txt": ("damaged", "全镇接待群众 人次，完成投资xxx万元。“十五〞期间稳步发展。\n"),
        "002.txt": ("control", "全省地区生产总值增长5.2%。\n"),
    }, [
        ("001.txt", "stripped_number", "接待群众[[ 人次]]", "flagged"),
        ("001.txt", "mask_placeholder", "投资[[xxx]]万元", "flagged"),
        ("001.txt", "quote", "十五[[〞]]期间", "restored:”"),
        ("001.txt", "quote", "[[“]]十五", "kept"),
        ("001.txt", "other", "稳步[[发展]]", "restored:前进"),
    ])
    got = run(tmp_path)
    kinds = got["kinds"]
    assert kinds["stripped_number"] == {"spots": 1, "met": 1}
    assert kinds["mask_placeholder"] == {"spots": 1, "met": 1}
    assert kinds["quote"]["met"] == 1 and kinds["quote"]["kept"] == 1
    assert kinds["other"] == {"spots": 1, "missed": 1}
    assert got["rule_false"] == {}
    # With the placeholder rule off the spot is missed, not false.
    off = run(tmp_path, "--disable", "mask.placeholder")
    assert off["kinds"]["mask_placeholder"] == {"spots": 1, "missed": 1}


def test_an_edit_no_annotation_expects_is_false(tmp_path):
    write_folder(tmp_path, {"001.txt": ("damaged", "“十五〞期间稳步发展。\n")}, [])
    got = run(tmp_path)
    assert got["rule_false"] == {"quote.fullwidth": 1}


def test_unknown_fragment_is_an_error(tmp_path):
    write_folder(tmp_path, {"001.txt": ("damaged", "正文。\n")}, [("001.txt", "header", "不存在", "removed")])
    out = subprocess.run([sys.executable, TOOL, str(tmp_path)], capture_output=True, text=True)
    assert out.returncode == 2
    assert "fragment not found" in out.stderr


def test_flagged_or_changed_accepts_a_flag_and_the_figures_per_site_family(tmp_path):
    os.makedirs(os.path.join(tmp_path, "pages"))
    with open(os.path.join(tmp_path, "pages", "INDEX.tsv"), "w", encoding="utf-8") as f:
        f.write("file\taddress\tsite_family\tkind\n")
        f.write("001.txt\thttps://example.org/1\tsite-a\tdamaged\n")
        f.write("002.txt\thttps://example.org/2\tsite-b\tdamaged\n")
        f.write("003.txt\thttps://example.org/3\tsite-b\tcontrol\n")
    pages = {"001.txt": "完成投资xxx万元。\n", "002.txt": "全镇接待群众 人次。\n", "003.txt": "全省地区生产总值增长5.2%。\n"}
    for name, text in pages.items():
        with open(os.path.join(tmp_path, "pages", name), "w", encoding="utf-8") as p:
            p.write(text)
    with open(os.path.join(tmp_path, "annotations.tsv"), "w", encoding="utf-8") as f:
        f.write("file\tkind\tfragment\texpected\n")
        # The placeholder is flagged, not edited: a flag meets flagged_or_changed.
        f.write("001.txt\tspun\t投资[[xxx]]万元\tflagged_or_changed\n")
        # Nothing touches this word: missed.
        f.write("002.txt\tspun\t全镇[[接待]]群众\tflagged_or_changed\n")
    got = run(tmp_path)
    assert got["kinds"]["spun"] == {"spots": 2, "met": 1, "missed": 1}
    fams = got["families"]
    assert fams["site-a"] == {"pages": 1, "spots": 1, "met": 1}
    assert fams["site-b"]["pages"] == 2 and fams["site-b"]["spots"] == 1 and fams["site-b"]["missed"] == 1
    assert fams["site-b"].get("false", 0) == 0
    text = subprocess.run([sys.executable, TOOL, str(tmp_path), "--by-family"], capture_output=True, text=True)
    assert text.returncode == 0, text.stderr
    assert "site-a" in text.stdout and "site-b" in text.stdout


def test_one_record_deleting_several_removal_spots_meets_each(tmp_path):
    # A site header removed as one block meets every line annotated for removal inside it.
    header = ("温馨提示:\n"
              "1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。\n"
              "2. 本文档由用户上传,版权归属用户,汇文网负责整理代发布。如果您对本文档版权有争议请及时联系客服。\n"
              "网站客服:1234567\n")
    write_folder(tmp_path, {
        "001.txt": ("damaged", header + "某局工作总结\n今年以来,我局认真履行职责,全面完成了各项工作任务。\n"),
    }, [
        ("001.txt", "notice", "[[温馨提示:]]\\n1.", "removed"),
        ("001.txt", "notice", "[[2. 本文档由用户上传,版权归属用户,汇文网负责整理代发布。如果您对本文档版权有争议请及时联系客服。]]",
         "removed"),
        ("001.txt", "notice", "[[网站客服:1234567]]", "removed"),
        ("001.txt", "title", "[[某局工作总结]]", "kept"),
    ])
    got = run(tmp_path)
    # The line "1." is not annotated: the block deletes text no spot expects gone, so the spots that
    # share the record are not met by it (and the annotations must be completed).
    assert got["kinds"]["notice"] == {"spots": 3, "missed": 3, "false": 3}
    assert got["kinds"]["title"] == {"kept": 1}
    write_folder(tmp_path / "all", {
        "001.txt": ("damaged", header + "某局工作总结\n今年以来,我局认真履行职责,全面完成了各项工作任务。\n"),
    }, [
        ("001.txt", "notice", "[[温馨提示:]]\\n1.", "removed"),
        ("001.txt", "notice", "[[1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。]]",
         "removed"),
        ("001.txt", "notice", "[[2. 本文档由用户上传,版权归属用户,汇文网负责整理代发布。如果您对本文档版权有争议请及时联系客服。]]",
         "removed"),
        ("001.txt", "notice", "[[网站客服:1234567]]", "removed"),
    ])
    got = run(tmp_path / "all")
    assert got["kinds"]["notice"] == {"spots": 4, "met": 4}
    assert got["rule_false"] == {}


SPOTS = os.path.join(os.path.dirname(__file__), "..", "..", "tools", "wild_eval", "spots.py")


def test_spots_by_offset_rebuild_the_annotations(tmp_path):
    pages = {
        "001.txt": ("damaged", "时间:2021-06-11 [ 下载 ]\n全镇接待群众 人次,完成投资xxx万元。“十五〞期间稳步发展。全镇接待群众 人次。\n"),
        "002.txt": ("damaged", "完成投资xx万元。\n"),
        "003.txt": ("damaged", "标题\n今年以来,全县完成投资xx万元,增长x.x%。其余各项工作顺利推进。\n"),
    }
    rows = [
        ("001.txt", "stat_line", "时间:2021-06-11 [ 下载 ]", "removed"),
        ("001.txt", "stripped_number", "。全镇接待群众[[ ]]人次", "flagged"),
        ("001.txt", "mask_placeholder", "投资[[xxx]]万元", "flagged"),
        ("001.txt", "quote", "十五[[〞]]期间", "restored:”"),
        ("002.txt", "mask_placeholder", "投资[[xx]]万元", "flagged"),
        ("003.txt", "mask_placeholder", "投资[[xx]]万元", "flagged"),
        ("003.txt", "mask_placeholder", "增长[[x.x]]%", "flagged"),
    ]
    write_folder(tmp_path / "a", pages, rows)
    out = subprocess.run([sys.executable, SPOTS, "export", str(tmp_path / "a")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    spots = tmp_path / "spots.tsv"
    spots.write_text(out.stdout, encoding="utf-8")
    assert "投资" not in out.stdout  # offsets only, no page text
    # The same pages collected again, except 002 which came back different next to its spot, and 003 which
    # came back with a different title (far from its spots: they are found again by their context).
    pages_b = dict(pages)
    pages_b["002.txt"] = ("damaged", "完成投资xx万元!\n")
    pages_b["003.txt"] = ("damaged", "另一个标题\n今年以来,全县完成投资xx万元,增长x.x%。其余各项工作顺利推进。\n")
    write_folder(tmp_path / "b", pages_b, [])
    out = subprocess.run([sys.executable, SPOTS, "import", str(tmp_path / "b"), str(spots)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "002.txt" in out.stderr and "1 spots not found" in out.stderr
    assert "6 annotations written" in out.stderr
    a = run(tmp_path / "a")
    b = run(tmp_path / "b")
    for kind in ("stat_line", "stripped_number", "quote"):
        assert a["kinds"][kind] == b["kinds"][kind]
    assert b["kinds"]["mask_placeholder"]["spots"] == 3


def test_spots_work_before_anything_is_built(tmp_path):
    # The dev set is rebuilt (spots.py import) on a fresh machine before the library is built: reading and
    # writing annotations must not load it.
    write_folder(tmp_path / "a", {"001.txt": ("damaged", "完成投资xx万元。\n")},
                 [("001.txt", "mask_placeholder", "投资[[xx]]万元", "flagged")])
    env = dict(os.environ, WENSHU_LIBRARY=str(tmp_path / "no-such-library.so"))
    out = subprocess.run([sys.executable, SPOTS, "export", str(tmp_path / "a")], capture_output=True, text=True,
                         env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("\n") == 2  # the header and the one spot
