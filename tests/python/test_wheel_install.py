"""Issue 18: `pip install` of the wheel the python-wheel target builds, offline, into a fresh venv with
nothing else present (no PYTHONPATH, no WENSHU_LIBRARY, not run from the checkout)."""
import os
import subprocess
import sys
import venv

import pytest

from wenshu import _native  # the name the package loads: libwenshu.so.<ABI>

SOURCE_DIR = os.environ.get("WENSHU_SOURCE_DIR",
                            os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..")))


def test_pip_install_the_wheel_into_a_fresh_venv(tmp_path, sample_path):
    library = os.environ.get("WENSHU_LIBRARY")
    if not library or not os.path.exists(library):
        pytest.skip("WENSHU_LIBRARY is not set to the built libwenshu")
    try:
        import ensurepip  # noqa: F401  (python3-venv)
    except ImportError:
        pytest.skip("no ensurepip: apt-get install python3-venv (tools/bootstrap.sh test does)")
    # The same script the python-wheel target runs, on the library under test.
    wheel_dir = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, os.path.join(SOURCE_DIR, "tools", "build_wheel.py"),
         "--package", os.path.join(SOURCE_DIR, "capi", "python", "wenshu"),
         "--library", os.path.realpath(library), "--soname", _native._SONAME,
         "--version", "0.1.0", "--out", str(wheel_dir)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = built.stdout.strip()
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = str(env_dir / "bin" / "python")
    clean_env = {k: v for k, v in os.environ.items()
                 if k not in ("PYTHONPATH", "WENSHU_LIBRARY", "PYTHONHOME")}
    install = subprocess.run([python, "-m", "pip", "install", "--no-index", "--no-cache-dir",
                              "--disable-pip-version-check", wheel],
                             capture_output=True, text=True, env=clean_env, cwd=tmp_path)
    assert install.returncode == 0, install.stdout + install.stderr
    check = subprocess.run(
        [python, "-c",
         "import sys, wenshu\n"
         "r = wenshu.parse_file(sys.argv[1])\n"
         "print(wenshu.__file__)\n"
         "print(wenshu._native.lib._name)\n"
         "print(len(r['quantities']), r['title'])\n", sample_path],
        capture_output=True, text=True, env=clean_env, cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    package_file, library_file, summary = check.stdout.splitlines()
    assert package_file.startswith(str(env_dir)) and library_file.startswith(str(env_dir))
    count, title = summary.split(" ", 1)
    assert int(count) > 0 and title
