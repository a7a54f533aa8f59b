#!/usr/bin/env python3
"""Builds the wenshu wheel from the build tree: the Python package (capi/python/wenshu) with the
libwenshu.so.<ABI> it loads beside it, so `pip install --no-index wenshu-*.whl` needs nothing else.
Run by the `python-wheel` CMake target; standard library only (zipfile, no setuptools or network)."""
import argparse
import base64
import hashlib
import os
import sys
import sysconfig
import zipfile


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--package", required=True, help="the capi/python/wenshu folder")
    ap.add_argument("--library", required=True, help="the built libwenshu.so.<ABI> (its real file)")
    ap.add_argument("--soname", required=True, help="the name the package loads, libwenshu.so.<ABI>")
    ap.add_argument("--version", required=True)
    ap.add_argument("--out", required=True, help="folder for the .whl")
    args = ap.parse_args()

    # A native library inside: the wheel is for this platform and any Python 3 (ctypes, no ABI tag).
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    tag = f"py3-none-{platform}"
    dist = f"wenshu-{args.version}"
    files = []
    for name in sorted(os.listdir(args.package)):
        if name.endswith(".py"):
            with open(os.path.join(args.package, name), "rb") as f:
                files.append((f"wenshu/{name}", f.read()))
    with open(args.library, "rb") as f:
        files.append((f"wenshu/{args.soname}", f.read()))
    metadata = (f"Metadata-Version: 2.1\nName: wenshu\nVersion: {args.version}\n"
                "Summary: Repair and structure Chinese work reports (ctypes binding of libwenshu)\n"
                "Requires-Python: >=3.9\nProvides-Extra: pandas\nRequires-Dist: pandas; extra == \"pandas\"\n")
    wheel = f"Wheel-Version: 1.0\nGenerator: wenshu tools/build_wheel.py\nRoot-Is-Purelib: false\nTag: {tag}\n"
    files.append((f"{dist}.dist-info/METADATA", metadata.encode()))
    files.append((f"{dist}.dist-info/WHEEL", wheel.encode()))
    record_name = f"{dist}.dist-info/RECORD"
    record = "\n".join([record_line(n, d) for n, d in files] + [f"{record_name},,", ""])
    files.append((record_name, record.encode()))

    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, f"{dist}-{tag}.whl")
    tmp = path + ".partial"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # reproducible
            info.external_attr = (0o755 if name.endswith(args.soname) else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    os.replace(tmp, path)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
