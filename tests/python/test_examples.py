"""Every Python example runs, and says what it should."""
import csv
import io
import os
import subprocess
import sys

import pytest


def run_example(source_dir, name, *args):
    script = os.path.join(source_dir, "examples", "python", name)
    return subprocess.run([sys.executable, script, *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_parse_one(source_dir, damaged_path):
    result = run_example(source_dir, "parse_one.py", damaged_path)
    assert result.returncode == 0, result.stderr
    assert "title:" in result.stdout and "repair:  number.masked_ten" in result.stdout


def test_parse_one_json_matches_the_command(source_dir, damaged_path, cli):
    import json
    result = run_example(source_dir, "parse_one.py", damaged_path, "--json")
    expected = subprocess.run([cli, "parse", damaged_path, "--format", "json"], capture_output=True,
                              check=True).stdout
    assert json.loads(result.stdout) == json.loads(expected)


def test_parse_one_reports_a_missing_file(source_dir, tmp_path):
    result = run_example(source_dir, "parse_one.py", tmp_path / "missing.txt")
    assert result.returncode == 1 and "missing.txt" in result.stderr


def test_corpus_to_csv_matches_the_command(source_dir, corpus_path, cli, tmp_path):
    out = tmp_path / "facts.csv"
    result = run_example(source_dir, "corpus_to_csv.py", corpus_path, out)
    assert result.returncode == 0, result.stderr
    expected = subprocess.run([cli, "parse", corpus_path, "--format", "csv", "-q"],
                              capture_output=True, check=True).stdout
    # The example writes the command's first 16 columns for its quantity and change rows.
    command = list(csv.reader(io.StringIO(expected.decode("utf-8"), newline="")))
    mine = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert mine[0] == command[0][:16]
    want = sorted(row[:16] for row in command[1:] if row[2] in ("quantity", "change"))
    assert sorted(mine[1:]) == want
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {"document", "value", "unit", "subject"} <= set(rows[0])
    assert all(float(r["value"]) == float(r["value"]) for r in rows)  # numeric, pandas-readable


def test_corpus_to_csv_on_a_directory(source_dir, tmp_path, sample_path):
    (tmp_path / "docs").mkdir()
    for i in range(2):
        (tmp_path / "docs" / f"{i}.txt").write_bytes(open(sample_path, "rb").read())
    result = run_example(source_dir, "corpus_to_csv.py", tmp_path / "docs", "-")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    documents = {r[0] for r in rows[1:]}
    assert documents == {str(tmp_path / "docs" / "0.txt"), str(tmp_path / "docs" / "1.txt")}
