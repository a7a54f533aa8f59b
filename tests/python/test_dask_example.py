"""The Dask example: a LocalCluster of 2 worker processes parses a corpus and must give exactly the
single-process results, then shut down cleanly. Run by its own ctest (python_dask_example)."""
import json
import os
import subprocess
import sys

import pytest


def test_dask_corpus_matches_single_process(source_dir, corpus_path, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "reports.jsonl"
    script = os.path.join(source_dir, "examples", "python", "dask_corpus.py")
    result = subprocess.run([sys.executable, script, corpus_path, "--workers", "2", "--batch", "2",
                             "--output", str(out)], capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "on 2 worker processes" in result.stdout and "identical" in result.stdout
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["line"] for r in reports] == [1, 2, 3, 4, 5]
    # A clean shutdown: no worker killed, no leaked-process or traceback noise.
    for noise in ("Traceback", "KilledWorker", "leaked", "Restarting worker"):
        assert noise not in result.stderr, result.stderr
