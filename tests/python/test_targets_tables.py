"""wenshu.targets_wide / targets_long / targets_compare: the tables of `wenshu targets` as lists of dicts
and pandas DataFrames (Debian's python3-pandas; those tests skip without it), cell for cell the same as
the command's CSV."""
import csv
import io
import os
import subprocess

import pytest

import wenshu

SERIES = os.path.join(os.environ.get("WENSHU_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")),
                      "tests", "data", "targets", "series")
PATHS = [os.path.join(SERIES, n) for n in ("2023.txt", "2024.txt")]


@pytest.fixture(scope="module")
def reports():
    return [wenshu.parse_file(p) for p in PATHS]


def command(cli, *args):
    out = subprocess.run([cli, "targets", "-q", *PATHS, *args], capture_output=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))


def text(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return "%.10g" % v
    return str(v)


def same(python_rows, cli_rows):
    assert len(python_rows) == len(cli_rows)
    for p, c in zip(python_rows, cli_rows):
        for k, v in c.items():
            key = "year" if k == "report_year" and "report_year" not in p else k
            assert text(p[key]) == v, (k, p[key], v)


def test_wide(reports, cli):
    rows = wenshu.targets_wide(reports)
    assert [r["gdp_growth"] for r in rows] == ["5%左右", "5-5.5%"]
    same(rows, command(cli))


def test_long(reports, cli):
    rows = wenshu.targets_long(reports)
    assert len(rows) == 7 and rows[0]["canonical"] == "gdp_growth" and rows[0]["qualifier"] == "左右"
    same(rows, command(cli, "--long"))


def test_compare(reports, cli):
    rows = wenshu.targets_compare(reports)
    got = {(r["year"], r["canonical"]): r["status"] for r in rows}
    assert got[(2023, "gdp_growth")] == "missed" and got[(2023, "cpi")] == "met"
    assert got[(2024, "gdp_growth")] == "unknown"
    same(rows, command(cli, "--compare"))


def test_judge_rule():
    assert wenshu._tables.judge({"value": 5, "qualifier": "左右", "canonical": "gdp_growth"}, 4.9)[0] == "met"
    assert wenshu._tables.judge({"value": 5, "qualifier": "以上", "canonical": "gdp_growth"}, 4.99)[0] == "missed"
    assert wenshu._tables.judge({"value": 6, "upper": 6.5, "canonical": "gdp_growth"}, 6.1)[0] == "met"
    assert wenshu._tables.judge({"value": 3, "qualifier": "左右", "canonical": "cpi"}, 3.1)[0] == "missed"


def test_dataframes(reports):
    pandas = pytest.importorskip("pandas")
    wide = wenshu.targets_wide(reports, frame=True)
    assert isinstance(wide, pandas.DataFrame)
    assert list(wide.columns[:4]) == ["document", "title", "issuer", "year"]
    assert wide["gdp_growth"].tolist() == ["5%左右", "5-5.5%"]
    long = wenshu.targets_long(reports, frame=True)
    assert len(long) == 7
    compare = wenshu.targets_compare(reports, frame=True)
    assert set(compare["status"]) == {"met", "missed", "unknown"}
