"""The ctypes binding of libwenshu: finding the library, the C structs, and one table declaring every
function's argument and result types. Nothing here is public; see wenshu/__init__.py."""

from __future__ import annotations

import ctypes
import glob
import os


# The C ABI this package speaks: libwenshu.so.<ABI_VERSION>. Checked at import.
ABI_VERSION = 0
OPTIONS_VERSION = 2

c_status = ctypes.c_int
# int (*cancel)(void *cancel_data) of wenshu_options.
CANCEL = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)


class Options(ctypes.Structure):
    """struct wenshu_options, version 2."""
    _fields_ = [
        ("version", ctypes.c_uint),
        ("utf8_policy", ctypes.c_int),
        ("disabled_rules", ctypes.c_char_p),
        ("min_confidence", ctypes.c_double),
        ("source_name", ctypes.c_char_p),
        ("source_id", ctypes.c_char_p),
        ("source_line", ctypes.c_int64),
        ("title", ctypes.c_char_p),
        ("run_checks", ctypes.c_int),
        ("max_bytes", ctypes.c_uint64),
        ("pretty_json", ctypes.c_int),
        ("max_token_bytes", ctypes.c_uint64),
        ("split_numeral_units", ctypes.c_int),
        ("encoding", ctypes.c_char_p),
        ("input_format", ctypes.c_char_p),
        ("cancel", CANCEL),
        ("cancel_data", ctypes.c_void_p),
    ]


class RepairRecord(ctypes.Structure):
    """struct wenshu_repair_record."""
    _fields_ = [
        ("rule", ctypes.c_void_p), ("rule_len", ctypes.c_size_t),
        ("begin", ctypes.c_uint64), ("end", ctypes.c_uint64),
        ("before", ctypes.c_void_p), ("before_len", ctypes.c_size_t),
        ("after", ctypes.c_void_p), ("after_len", ctypes.c_size_t),
        ("confidence", ctypes.c_double),
        ("reason", ctypes.c_void_p), ("reason_len", ctypes.c_size_t),
    ]


class RepairFlag(ctypes.Structure):
    """struct wenshu_repair_flag."""
    _fields_ = [
        ("rule", ctypes.c_void_p), ("rule_len", ctypes.c_size_t),
        ("begin", ctypes.c_uint64), ("end", ctypes.c_uint64),
        ("text", ctypes.c_void_p), ("text_len", ctypes.c_size_t),
        ("reason", ctypes.c_void_p), ("reason_len", ctypes.c_size_t),
    ]


class Token(ctypes.Structure):
    """struct wenshu_token."""
    _fields_ = [
        ("kind", ctypes.c_int),
        ("flags", ctypes.c_uint32),
        ("begin", ctypes.c_uint64), ("end", ctypes.c_uint64),
        ("cp_begin", ctypes.c_uint64), ("cp_end", ctypes.c_uint64),
        ("text", ctypes.c_void_p), ("text_len", ctypes.c_size_t),
        ("norm", ctypes.c_void_p), ("norm_len", ctypes.c_size_t),
    ]


_size_p = ctypes.POINTER(ctypes.c_size_t)
_handle = ctypes.c_void_p
_handle_p = ctypes.POINTER(ctypes.c_void_p)
_options_p = ctypes.POINTER(Options)
# Inputs are (const char *data, size_t len): c_char_p accepts bytes without a copy.
_data = ctypes.c_char_p

# name: (restype, argtypes). Every function the package calls is declared here, and only here.
FUNCTIONS = {
    "wenshu_version": (ctypes.c_char_p, []),
    "wenshu_abi_version": (ctypes.c_int, []),
    "wenshu_report_schema": (ctypes.c_char_p, []),
    "wenshu_status_string": (ctypes.c_char_p, [c_status]),
    "wenshu_last_error": (ctypes.c_char_p, []),
    "wenshu_options_init": (c_status, [_options_p, ctypes.c_uint]),
    "wenshu_repair_rule_count": (ctypes.c_size_t, []),
    "wenshu_repair_rule_id": (ctypes.c_char_p, [ctypes.c_size_t]),
    "wenshu_repair_rule_description": (ctypes.c_char_p, [ctypes.c_size_t]),
    "wenshu_repair": (c_status, [_data, ctypes.c_size_t, _options_p, _handle_p]),
    "wenshu_repair_result_text": (ctypes.c_void_p, [_handle, _size_p]),
    "wenshu_repair_result_input": (ctypes.c_void_p, [_handle, _size_p]),
    "wenshu_repair_result_record_count": (ctypes.c_size_t, [_handle]),
    "wenshu_repair_result_flag_count": (ctypes.c_size_t, [_handle]),
    "wenshu_repair_result_record": (c_status, [_handle, ctypes.c_size_t, ctypes.POINTER(RepairRecord)]),
    "wenshu_repair_result_flag": (c_status, [_handle, ctypes.c_size_t, ctypes.POINTER(RepairFlag)]),
    "wenshu_repair_result_json": (ctypes.c_void_p, [_handle, _size_p]),
    "wenshu_repair_apply": (c_status, [_handle, _data, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t,
                                       _size_p]),
    "wenshu_repair_revert": (c_status, [_handle, _data, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t,
                                        _size_p]),
    "wenshu_repair_result_free": (None, [_handle]),
    "wenshu_parse": (c_status, [_data, ctypes.c_size_t, _options_p, _handle_p]),
    "wenshu_report_json": (ctypes.c_void_p, [_handle, _size_p]),
    "wenshu_report_title": (ctypes.c_void_p, [_handle, _size_p]),
    "wenshu_report_text": (ctypes.c_void_p, [_handle, _size_p]),
    "wenshu_report_input": (ctypes.c_void_p, [_handle, _size_p]),
    "wenshu_report_count": (c_status, [_handle, ctypes.c_int, _size_p]),
    "wenshu_report_free": (None, [_handle]),
    "wenshu_token_kind_name": (ctypes.c_char_p, [ctypes.c_int]),
    "wenshu_dictionary_load": (c_status, [_handle_p, ctypes.c_char_p]),
    "wenshu_dictionary_from_text": (c_status, [_handle_p, _data, ctypes.c_size_t]),
    "wenshu_dictionary_extend": (c_status, [_handle_p, _handle, _data, ctypes.c_size_t]),
    "wenshu_dictionary_check": (c_status, [_data, ctypes.c_size_t]),
    "wenshu_dictionary_word_count": (ctypes.c_size_t, [_handle]),
    "wenshu_dictionary_free": (None, [_handle]),
    "wenshu_tokenizer_new": (c_status, [_handle_p, _options_p]),
    "wenshu_tokenizer_new_with_dictionary": (c_status, [_handle_p, _handle, _options_p]),
    "wenshu_tokenizer_feed": (c_status, [_handle, _data, ctypes.c_size_t]),
    "wenshu_tokenizer_finish": (c_status, [_handle]),
    "wenshu_tokenizer_next": (c_status, [_handle, ctypes.POINTER(Token)]),
    "wenshu_tokenizer_reset": (c_status, [_handle]),
    "wenshu_tokenizer_pending_bytes": (ctypes.c_uint64, [_handle]),
    "wenshu_tokenizer_free": (None, [_handle]),
}

_SONAME = f"libwenshu.so.{ABI_VERSION}"


def _candidates():
    """Where the library may be, in order: $WENSHU_LIBRARY, next to this package, the lib directory of
    an install prefix this package was installed into (<libdir>/python3/dist-packages/wenshu), a build
    tree of the source checkout this package lives in, then the system's loader path."""
    env = os.environ.get("WENSHU_LIBRARY")
    if env:
        yield env
        return  # an explicit choice is never second-guessed
    here = os.path.dirname(os.path.abspath(__file__))
    for name in (_SONAME, "libwenshu.so"):
        yield os.path.join(here, name)
    # <libdir>/python3/dist-packages/wenshu -> <libdir> (cmake --install puts both there).
    libdir = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    yield os.path.join(libdir, _SONAME)
    # capi/python/wenshu -> the source root; newest build first.
    root = libdir
    builds = glob.glob(os.path.join(root, "build", "*", _SONAME))
    builds.sort(key=os.path.getmtime, reverse=True)
    yield from builds
    yield _SONAME


def load():
    """Loads libwenshu, declares every function, and checks the ABI version."""
    errors = []
    for candidate in _candidates():
        if os.sep in candidate and not os.path.exists(candidate):
            errors.append(f"{candidate}: no such file")
            continue
        try:
            lib = ctypes.CDLL(candidate)
            break
        except OSError as e:
            errors.append(f"{candidate}: {e}")
    else:
        raise ImportError("wenshu: cannot load libwenshu (set WENSHU_LIBRARY to its path):\n  " +
                          "\n  ".join(errors))
    missing = []
    for name, (restype, argtypes) in FUNCTIONS.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.restype = restype
        fn.argtypes = argtypes
    abi = lib.wenshu_abi_version() if "wenshu_abi_version" not in missing else None
    if abi != ABI_VERSION:
        raise ImportError(f"wenshu: {lib._name} has C ABI version {abi}, this package needs "
                          f"{ABI_VERSION}")
    if missing:
        raise ImportError(f"wenshu: {lib._name} lacks {', '.join(missing)}; it is older than this "
                          "package")
    return lib


lib = load()


def string_at(pointer, length):
    """bytes from a (pointer, length) pair the library handed out; b"" for NULL."""
    return ctypes.string_at(pointer, length) if pointer else b""


