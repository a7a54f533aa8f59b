"""Lets the examples run from a source checkout: makes `import wenshu` find capi/python when the package
is not installed. An installed wenshu (or PYTHONPATH) wins."""
import os
import sys

_PACKAGE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "capi", "python")


def ensure():
    """Makes `import wenshu` work here and in worker processes started from here."""
    try:
        import wenshu  # noqa: F401
        return
    except ImportError:
        pass
    path = os.path.normpath(_PACKAGE_DIR)
    sys.path.insert(0, path)
    # Worker processes (multiprocessing, Dask) inherit the environment, not sys.path.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (path, os.environ.get("PYTHONPATH")) if p)
