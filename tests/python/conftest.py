"""Shared fixtures of the Python tests. ctest sets WENSHU_LIBRARY (the built libwenshu.so), WENSHU_CLI
(the built command), WENSHU_TEST_DATA, WENSHU_SOURCE_DIR and, when available, WENSHU_SHARED_DIR."""
import os
import sys

import pytest

SOURCE_DIR = os.environ.get("WENSHU_SOURCE_DIR",
                            os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..")))
sys.path.insert(0, os.path.join(SOURCE_DIR, "capi", "python"))
# Worker processes started by the examples must find the same package.
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (os.path.join(SOURCE_DIR, "capi", "python"), os.environ.get("PYTHONPATH")) if p)

TEST_DATA = os.environ.get("WENSHU_TEST_DATA", os.path.join(SOURCE_DIR, "tests", "data"))


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


@pytest.fixture(scope="session")
def sample_path():
    return os.path.join(TEST_DATA, "capi", "sample_report.txt")


@pytest.fixture(scope="session")
def damaged_path():
    """The bundled damaged report (site header, masked numbers)."""
    return os.path.join(SOURCE_DIR, "examples", "sample", "report.txt")


@pytest.fixture(scope="session")
def corpus_path():
    return os.path.join(TEST_DATA, "capi", "mini_corpus.jsonl")


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("WENSHU_CLI")
    if not path or not os.path.exists(path):
        pytest.skip("WENSHU_CLI is not set to the built `wenshu` command")
    return path


@pytest.fixture(scope="session")
def shared_dir():
    path = os.environ.get("WENSHU_SHARED_DIR")
    if not path or not os.path.isdir(path):
        pytest.skip("WENSHU_SHARED_DIR is not set: no shared corpora")
    return path
