"""wenshu: repair and structure Chinese work reports (工作总结, 工作报告, 政府工作报告).

A ctypes binding of libwenshu's C ABI (no compiler needed; ctypes releases the GIL during each call, so
threads parse in parallel).

>>> import wenshu
>>> s = "全区有在校学生26341人。"
>>> fact = wenshu.parse(s)["quantities"][0]
>>> fact["text"], s[slice(*fact["char_span"])]
('26341人', '26341人')
>>> wenshu.lcut("居民消费价格上涨2.5%")
['居民消费', '价格上涨', '2.5%']

Offsets: every item with a byte ``span`` (UTF-8 bytes of the original input, as the command and the C
ABI report them) also gets a ``char_span`` (str offsets into the original text as a Python str, so
``s[b:e]`` works). With ``encoding=``/``input_format=`` (and in ``parse_file``) the original is the
decoded text, not the bytes given: ``Report.input`` and ``RepairResult.original`` hold it. ``heading_span``/``title_span``/``spans``/``evidence``/``mask_evidence`` get
``heading_char_span``/``title_char_span``/``char_spans``/``char_evidence``/``mask_char_evidence``. Bytes
that are not UTF-8 count one character each (as ``surrogateescape`` decodes them). Tokens carry
``begin``/``end`` (bytes) and ``cp_begin``/``cp_end`` (characters), also as ``.span`` and ``.char_span``.

Options (keyword arguments of parse, repair, tokenize, Tokenizer, parse_jsonl):
    disabled_rules      iterable of rule ids or prefixes ending in "." (or one comma-separated str)
    min_confidence      repairs below it become flags (default 0.5)
    strict_utf8         True: invalid UTF-8 raises WenshuError(INVALID_UTF8) instead of being flagged
    source_id, source_line, title, run_checks, max_bytes   (parse)
    encoding, input_format   (parse, repair: decode GB18030, UTF-16, Big5, HTML, .docx first)
    max_token_bytes, split_numeral_units                   (tokenize; it reads UTF-8 only)
Ctrl-C (SIGINT, on the main thread) stops a running parse or repair of 16 KiB or more within about
64 KiB of work.
Integers out of range, NaN, and NUL characters in strings raise ValueError; wrong types TypeError.

The library is found through $WENSHU_LIBRARY, next to this package (a wheel or ``pip install``), or in
the build tree of the checkout the package lives in. Failures raise WenshuError with .status and
.message.
"""

from __future__ import annotations

import ctypes
import enum
import gzip
import io
import json
import math
import os
import re
import signal
import threading
import warnings
from typing import (Any, BinaryIO, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence,
                    Tuple, Union)

from . import _native
from ._native import lib as _lib
from ._tables import (changes, dataframe, dates, facts, repairs, sections, table, targets, targets_compare,
                      targets_long, targets_wide)

__all__ = [
    "ABI_VERSION", "Status", "WenshuError", "WenshuWarning", "version", "report_schema",
    "repair_rules",
    "parse", "parse_file", "Report", "Document", "read_jsonl", "parse_document", "parse_jsonl",
    "read_csv", "parse_csv",
    "repair", "RepairResult",
    "tokenize", "Tokenizer", "Token", "Dictionary", "TOKEN_SPLIT", "TOKEN_IN_DICTIONARY",
    "TOKEN_NORMALIZED",
    "cut", "lcut", "add_word", "del_word", "load_userdict", "reset_userdict",
    "table", "dataframe", "facts", "changes", "dates", "targets", "repairs", "sections",
    "targets_wide", "targets_long", "targets_compare",
]



def __dir__() -> List[str]:
    """dir(wenshu) lists the public API only (PEP 562), not the modules it imports."""
    return sorted(__all__)


ABI_VERSION = _native.ABI_VERSION
TOKEN_SPLIT = 0x1
TOKEN_IN_DICTIONARY = 0x2
TOKEN_NORMALIZED = 0x4
DEFAULT_CHUNK_SIZE = 64 * 1024
_UINT64_MAX = 2 ** 64 - 1
_INT64_MAX = 2 ** 63 - 1

Data = Union[bytes, bytearray, memoryview, str]
PathLike = Union[str, "os.PathLike[str]"]


class Status(enum.IntEnum):
    """wenshu_status: fixed forever. Negative: errors; positive: progress."""
    OK = 0
    NEED_INPUT = 1
    DONE = 2
    INVALID_ARGUMENT = -1
    INVALID_UTF8 = -2
    NO_MEMORY = -3
    IO = -4
    WRONG_ORDER = -5
    LIMIT = -6
    INTERNAL = -7
    VERSION = -8
    CANCELLED = -9


class WenshuError(Exception):
    """A call into libwenshu failed. .status is the wenshu_status code (an int; a Status when known),
    .message the library's explanation (wenshu_last_error).

    >>> try:
    ...     wenshu.parse("全区", max_bytes=1)
    ... except wenshu.WenshuError as e:
    ...     print(e.status.name)
    LIMIT
    """

    def __init__(self, status: int, message: str):
        try:
            status = Status(status)
        except ValueError:
            pass
        self.status = status
        self.message = message
        name = status.name if isinstance(status, Status) else str(status)
        super().__init__(f"{message} [{name}]" if message else name)


class WenshuWarning(UserWarning):
    """A corpus line was skipped (invalid JSON, no text, too large): the command's stderr message."""


def _check(status: int) -> int:
    if status < 0:
        raise WenshuError(status, _lib.wenshu_last_error().decode("utf-8", "replace") or
                          _lib.wenshu_status_string(status).decode())
    return status


def version() -> str:
    """The version of the loaded libwenshu, e.g. "0.1.0".

    >>> wenshu.version().count(".")
    2
    """
    return _lib.wenshu_version().decode()


def report_schema() -> str:
    """The JSON schema id of parse()'s output.

    >>> wenshu.report_schema()
    'wenshu.report/1'
    """
    return _lib.wenshu_report_schema().decode()


def repair_rules() -> Dict[str, str]:
    """Every repair rule id, in the order they run, with its description.

    >>> "text.invalid_utf8" in wenshu.repair_rules()
    True
    """
    return {_lib.wenshu_repair_rule_id(i).decode(): _lib.wenshu_repair_rule_description(i).decode()
            for i in range(_lib.wenshu_repair_rule_count())}


# ------------------------------------------------------------------------------------------------
# Options: checked here, so nothing wraps (ctypes would silently take -1 as 2**64-1) or is cut at a NUL.

_OPTION_NAMES = {"disabled_rules", "min_confidence", "strict_utf8", "source_id", "source_line",
                 "title", "run_checks", "max_bytes", "max_token_bytes", "split_numeral_units",
                 "encoding", "input_format"}


def _c_string(name: str, value: Any) -> bytes:
    """A NUL-terminated option string: str or path; a NUL inside would cut it, so it is refused."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, str):
        raw = value.encode("utf-8", "surrogateescape")
    elif isinstance(value, bytes):
        raw = value
    else:
        raise TypeError(f"wenshu option {name} must be a str, got {type(value).__name__}")
    if b"\0" in raw:
        raise ValueError(f"wenshu option {name} contains a NUL character")
    return raw


def _c_uint(name: str, value: Any, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"wenshu option {name} must be an int, got {type(value).__name__}")
    if not 0 <= value <= maximum:
        raise ValueError(f"wenshu option {name} must be in [0, {maximum}], got {value}")
    return value


def _options(name: Optional[PathLike] = None, pretty_json: bool = False,
             **kwargs: Any) -> _native.Options:
    unknown = set(kwargs) - _OPTION_NAMES
    if unknown:
        raise TypeError(f"unknown wenshu option(s): {', '.join(sorted(unknown))}")
    opts = _native.Options()
    _check(_lib.wenshu_options_init(ctypes.byref(opts), _native.OPTIONS_VERSION))
    rules = kwargs.get("disabled_rules")
    if rules is not None:
        if not isinstance(rules, str):
            rules = ",".join(rules)
        opts.disabled_rules = _c_string("disabled_rules", rules)
    if kwargs.get("min_confidence") is not None:
        opts.min_confidence = float(kwargs["min_confidence"])  # the library checks [0, 1] and NaN
    if kwargs.get("strict_utf8"):
        opts.utf8_policy = 1
    if name is not None:
        opts.source_name = _c_string("name", name)
    if kwargs.get("source_id") is not None:
        source_id = kwargs["source_id"]
        if isinstance(source_id, int) and not isinstance(source_id, bool):
            source_id = str(source_id)  # a corpus's numeric id, as read_jsonl gives it
        elif isinstance(source_id, bytes):
            try:
                source_id = source_id.decode("utf-8")
            except UnicodeDecodeError:
                raise ValueError(f"wenshu option source_id is not UTF-8: {source_id!r}") from None
        elif not isinstance(source_id, str):
            raise TypeError(f"wenshu option source_id must be a str or int, got "
                            f"{type(source_id).__name__}")
        opts.source_id = _c_string("source_id", source_id)
    if kwargs.get("source_line") is not None:
        opts.source_line = _c_uint("source_line", kwargs["source_line"], _INT64_MAX)
    if kwargs.get("title") is not None:
        opts.title = _c_string("title", kwargs["title"])
    if kwargs.get("run_checks") is not None:
        opts.run_checks = 1 if kwargs["run_checks"] else 0
    if "max_bytes" in kwargs:
        opts.max_bytes = _c_uint("max_bytes", kwargs["max_bytes"], _UINT64_MAX)
    if "max_token_bytes" in kwargs:
        opts.max_token_bytes = _c_uint("max_token_bytes", kwargs["max_token_bytes"], _UINT64_MAX)
    if kwargs.get("split_numeral_units") is not None:
        opts.split_numeral_units = 1 if kwargs["split_numeral_units"] else 0
    # Inputs as users have them (docs/cli.md, "Inputs and encodings"): encoding="auto" or a name
    # decodes bytes first; input_format="auto"|"text"|"html"|"docx".
    if kwargs.get("encoding") is not None:
        opts.encoding = _c_string("encoding", kwargs["encoding"])
    if kwargs.get("input_format") is not None:
        opts.input_format = _c_string("input_format", kwargs["input_format"])
    opts.pretty_json = 1 if pretty_json else 0
    return opts


# ------------------------------------------------------------------------------------------------
# Ctrl-C: the library polls options.cancel between stages and about every 64 KiB of work. A ctypes
# callback is Python code, and CPython runs pending signal handlers as a Python frame starts, where an
# exception would be lost ("Exception ignored on calling ctypes callback"). So, during a call on the
# main thread, every Python-level handler is replaced by one that only records the signal, and the
# callback runs the program's own handler inside a try: a handler that raises (SIGINT's
# KeyboardInterrupt) stops the call with CANCELLED and its exception is raised when the call returns;
# one that does not raise lets the call go on. Signals recorded outside the callback are handled after.

_MAIN_THREAD = threading.main_thread().ident
# Inputs below this size are parsed without the callback: wiring it costs ~115 us a call (the scan of
# every signal's handler; 2026-12-03, this VM), 2.7x a 30-character parse (70 us), while a 16 KiB
# parse takes ~30 ms (4.6 MB in 8.5 s), so Ctrl-C waits at most that long for one.
_CANCEL_MIN_BYTES = 16 * 1024
_interrupt: List[Optional[BaseException]] = [None]  # set only on the main thread, during one call
_signals_seen: List[Tuple[int, Any]] = []           # (signum, frame) recorded, not yet handled
_handlers: Dict[int, Any] = {}                      # the program's handlers while a call runs


def _record_signal(signum: int, frame: Any) -> None:
    _signals_seen.append((signum, frame))


def _run_handlers() -> None:
    while _signals_seen:
        signum, frame = _signals_seen.pop(0)
        _handlers[signum](signum, frame)


@_native.CANCEL
def _cancel(_data: Any) -> int:
    if _interrupt[0] is None:
        try:
            _run_handlers()
        except BaseException as e:  # KeyboardInterrupt, or whatever the program's handler raises
            _interrupt[0] = e
    return 0 if _interrupt[0] is None else 1  # once stopped, it keeps answering "stop"


class _Cancellable:
    """`with _Cancellable(opts):` around a call that reads opts: on the main thread, wires the cancel
    callback and the recording handlers; after the call, raises what a handler raised."""

    def __init__(self, opts: _native.Options, size: int):
        self._opts = opts
        self._active = size >= _CANCEL_MIN_BYTES and threading.get_ident() == _MAIN_THREAD and \
            not _handlers

    def __enter__(self) -> "_Cancellable":
        if self._active:
            for signum in signal.valid_signals():
                handler = signal.getsignal(signum)
                if callable(handler):
                    _handlers[signum] = handler
            for signum in _handlers:
                signal.signal(signum, _record_signal)
            self._opts.cancel = _cancel
        return self

    def __exit__(self, *exc: Any) -> None:
        if not self._active:
            return
        for signum, handler in _handlers.items():
            signal.signal(signum, handler)
        try:
            _run_handlers()  # recorded outside the callback (before or after the call)
        finally:
            _handlers.clear()
            _signals_seen.clear()
            e, _interrupt[0] = _interrupt[0], None
        if e is not None and exc[0] is None:
            raise e


def _bytes(data: Data) -> bytes:
    if isinstance(data, str):
        return data.encode("utf-8", "surrogateescape")
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, bytes):
        return data
    raise TypeError(f"expected bytes or str, got {type(data).__name__}")


def _text(data: bytes) -> str:
    # Lossless: bytes that are not UTF-8 survive as surrogates and encode back with surrogateescape.
    return data.decode("utf-8", "surrogateescape")


# ------------------------------------------------------------------------------------------------
# Character offsets: one pass over the document's bytes for all the offsets its spans name.

# Byte-span keys of the report and repair JSON, and the key of the same span in characters.
_CHAR_KEYS = {"span": "char_span", "heading_span": "heading_char_span",
              "title_span": "title_char_span"}
_CHAR_LIST_KEYS = {"spans": "char_spans", "evidence": "char_evidence",
                   "mask_evidence": "mask_char_evidence"}


def _is_span(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)


def _spans(node: Any) -> Iterator[Tuple[dict, str, str, Any]]:
    """(owner dict, byte key, char key, value) for every span in a JSON tree."""
    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            for key, value in list(x.items()):
                if key in _CHAR_KEYS and _is_span(value):
                    yield x, key, _CHAR_KEYS[key], value
                elif key in _CHAR_LIST_KEYS and isinstance(value, list) and \
                        all(_is_span(v) for v in value):
                    yield x, key, _CHAR_LIST_KEYS[key], value
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(x, list):
            stack.extend(v for v in x if isinstance(v, (dict, list)))


def _char_offsets(raw: bytes, offsets: Iterable[int]) -> Dict[int, int]:
    """Byte offset -> str offset for each offset, decoding each stretch between two of them once."""
    out: Dict[int, int] = {}
    at_byte = at_char = 0
    for b in sorted(set(offsets)):
        at_char += len(raw[at_byte:b].decode("utf-8", "surrogateescape"))
        at_byte = b
        out[b] = at_char
    return out


def _add_char_spans(raw: bytes, tree: Any) -> None:
    found = list(_spans(tree))
    wanted: List[int] = []
    for _, _, _, value in found:
        for span in ([value] if _is_span(value) else value):
            wanted += span
    chars = _char_offsets(raw, wanted)
    for owner, _, char_key, value in found:
        owner[char_key] = [chars[value[0]], chars[value[1]]] if _is_span(value) else \
            [[chars[b], chars[e]] for b, e in value]


# ------------------------------------------------------------------------------------------------
# Native handles

class _Handle:
    """An owned native handle: closed by close(), by `with`, or when garbage-collected. Every use goes
    through _live() under the handle's lock, so nothing reaches a freed pointer: after close() every
    method (and every iterator taken before) raises ValueError."""
    _free = None  # the library's free function for this handle type
    _public_name = ""  # the public class a message names, when it is not this one

    def __init__(self, pointer: Optional[int]):
        self._ptr = pointer
        self._lock = threading.RLock()

    def close(self) -> None:
        """Releases the native object now (idempotent)."""
        with self._lock:
            ptr, self._ptr = self._ptr, None
            if ptr:
                type(self)._free(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def _live(self) -> int:
        if not getattr(self, "_ptr", None):
            raise ValueError(f"{self._public_name or type(self).__name__} is closed")
        return self._ptr

    # copy.copy() copied the pointer into a second owner, and both freed it (a double free: abort or
    # segfault). An immutable object is shared instead, as copy.copy of a str or a tuple is; a mutable
    # one (Tokenizer) cannot be copied. Pickling would carry a pointer to another process: refused.
    _copyable = True  # immutable: a copy is the object itself

    def __copy__(self):
        if not self._copyable:
            raise TypeError(f"a {self._public_name or type(self).__name__} cannot be copied: it owns a "
                            f"native object; create another one")
        return self

    def __deepcopy__(self, memo: Dict[int, Any]):
        return self.__copy__()

    def __reduce_ex__(self, protocol: Any):
        raise TypeError(f"a {self._public_name or type(self).__name__} cannot be pickled: it owns a "
                        f"native object of this process (pickle the dicts and text taken from it)")


# ------------------------------------------------------------------------------------------------
# Parse

class Report(_Handle):
    """A parsed report (wenshu_report). Immutable; its accessors may be used from many threads.

    >>> with wenshu.Report("全区有在校学生26341人。") as r:
    ...     r.count("quantities")
    1
    """
    _free = staticmethod(_lib.wenshu_report_free)

    ITEMS = {"sections": 0, "quantities": 1, "changes": 2, "dates": 3, "repairs": 4, "flags": 5,
             "checks": 6, "failed_checks": 7}

    def __init__(self, data: Data, name: Optional[PathLike] = None, **options: Any):
        super().__init__(None)
        raw = _bytes(data)
        opts = _options(name, pretty_json=bool(options.pop("pretty_json", False)), **options)
        out = ctypes.c_void_p()
        try:
            with _Cancellable(opts, len(raw)):
                status = _lib.wenshu_parse(raw, len(raw), ctypes.byref(opts), ctypes.byref(out))
        except BaseException:
            _lib.wenshu_report_free(out.value)  # a handler raised: the report (if made) is not wanted
            raise
        _check(status)
        self._ptr = out.value
        # What the spans index: raw, or the decoded text when encoding/input_format was given.
        self._input = raw if opts.encoding is None and opts.input_format is None else \
            self._borrowed(_lib.wenshu_report_input)

    def _borrowed(self, fn: Any) -> Optional[bytes]:
        with self._lock:
            n = ctypes.c_size_t()
            ptr = fn(self._live(), ctypes.byref(n))
            return None if not ptr else _native.string_at(ptr, n.value)

    def json_text(self) -> str:
        """The report as "wenshu.report/1" JSON text (byte spans only, as the command prints it)."""
        raw = self._borrowed(_lib.wenshu_report_json)
        if raw is None:
            _check(Status.INTERNAL)
        return raw.decode("utf-8")

    def to_dict(self, char_spans: bool = True) -> Dict[str, Any]:
        """The report as a dict; with char_spans, every span also in str offsets (see the module)."""
        doc = json.loads(self.json_text())
        if char_spans:
            _add_char_spans(self._input, doc)
        return doc

    @property
    def title(self) -> Optional[str]:
        raw = self._borrowed(_lib.wenshu_report_title)
        return None if raw is None else _text(raw)

    @property
    def input(self) -> str:
        """The original text every span indexes: the input, or with encoding=/input_format= the
        decoded text (report["text"] is the repaired one): input[slice(*q["char_span"])]."""
        return _text(self._input)

    @property
    def text(self) -> str:
        """The repaired text."""
        return _text(self._borrowed(_lib.wenshu_report_text) or b"")

    def count(self, item: str) -> int:
        """How many sections (all levels), quantities, changes, dates, repairs, flags, checks or
        failed_checks the report has."""
        if item not in self.ITEMS:
            raise ValueError(f"Report.count: {item!r} is not one of {', '.join(self.ITEMS)}")
        with self._lock:
            n = ctypes.c_size_t()
            _check(_lib.wenshu_report_count(self._live(), self.ITEMS[item], ctypes.byref(n)))
            return n.value


def parse(data: Data, name: Optional[PathLike] = None, char_spans: bool = True,
          **options: Any) -> Dict[str, Any]:
    """Repairs one document and extracts its structure and figures. Returns the "wenshu.report/1"
    JSON as a dict: `wenshu parse FILE --format json` when name is FILE, plus (unless char_spans is
    False) a char_span beside every byte span.

    >>> s = "全区有在校学生26341人，比上年增长3.5%。"
    >>> q = wenshu.parse(s)["quantities"][0]
    >>> q["text"], q["span"], q["char_span"], s[7:13]
    ('26341人', [21, 29], [7, 13], '26341人')
    """
    with Report(data, name, **options) as report:
        return report.to_dict(char_spans)


# Extensions of corpora, which hold many documents (src/input/document.cc, kExtensions): the command
# reads each of their records; parse_file reads one document and refuses them.
_CORPUS_EXTENSIONS = (".jsonl", ".ndjson", ".json", ".csv", ".tsv")


def parse_file(path: PathLike, **options: Any) -> Dict[str, Any]:
    """parse() of one document's file (text in any encoding, HTML, .docx, gzipped or not), named by its
    path as the command names it. A corpus (.jsonl, .ndjson, .json, .csv, .tsv, also gzipped) holds
    many documents and raises ValueError: read it with parse_jsonl() or parse_csv()."""
    name = os.fspath(path)
    lower = name.lower()
    lower = lower[:-3] if lower.endswith(".gz") else lower
    if lower.endswith(_CORPUS_EXTENSIONS):
        raise ValueError(f"parse_file: {name} is a corpus of many documents, not one: read a JSONL "
                         f"corpus with parse_jsonl(), a CSV or TSV with parse_csv(), or "
                         f"`wenshu parse {name}`")
    with open(path, "rb") as f:
        data = f.read()
    # Decoded as the command decodes a file: the encoding detected, HTML and .docx by the content.
    options.setdefault("encoding", "auto")
    return parse(data, name=os.fspath(path), **options)


class Document(NamedTuple):
    """One document of a corpus, as `wenshu parse CORPUS.jsonl` sees it: picklable, so it can be
    shipped to worker processes (multiprocessing, Dask) and parsed there with parse_document()."""
    text: str
    name: str = ""
    line: int = 0
    id: str = ""
    title: Optional[str] = None
    # A CSV corpus's row: every column but the text's (the report's source.meta), and how the file was
    # written (source.encoding, source.bom), as the command reports them. None for other corpora.
    meta: Optional[Dict[str, str]] = None
    encoding: Optional[str] = None
    bom: Optional[bool] = None


# A JSON escape of a UTF-16 surrogate: json.loads accepts a lone one, the command's parser does not.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abAB]|\\u[dD][c-fC-F]")


class _JsonFraction(float):
    """A JSON number with a fraction or an exponent, remembering how it was written: an id written so
    is kept as written (`"id": 1e3` is "1e3"), as the command keeps it."""
    written = ""

    def __new__(cls, written: str) -> "_JsonFraction":
        number = super().__new__(cls, written)
        number.written = written
        return number


def _strict_json(raw: bytes) -> Any:
    """json.loads, as strict as the command's reader: no NaN/Infinity, no lone surrogates."""
    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")
    obj = json.loads(raw, parse_constant=no_constant, parse_float=_JsonFraction)
    if _SURROGATE_ESCAPE.search(raw):
        stack = [obj]
        while stack:
            x = stack.pop()
            items = x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else ()
            for k, v in items:
                for s in (k, v):
                    if isinstance(s, str):
                        try:
                            s.encode("utf-8")
                        except UnicodeEncodeError:
                            raise ValueError("a lone UTF-16 surrogate in a string") from None
                if isinstance(v, (dict, list)):
                    stack.append(v)
    return obj


_ERRORS = ("warn", "skip", "raise")
_GZIP_MAGIC = b"\x1f\x8b"
# The text fields tried in order without text_field, as the command's (src/input/json.cc).
_TEXT_FIELDS = ("text", "content", "full_text", "正文")


def _bad_line(errors: str, message: str) -> None:
    if errors == "raise":
        raise ValueError(message)
    if errors == "warn":
        warnings.warn(message, WenshuWarning, stacklevel=3)


def read_jsonl(path: PathLike, text_field: Optional[str] = None, id_field: str = "id",
               title_field: str = "title", errors: str = "warn") -> Iterator[Document]:
    """The documents of a JSONL corpus, with the command's defaults and options (--text-field,
    --id-field, --title-field): the text in the first of "text", "content", "full_text" and "正文"
    that holds a string, the id in "id" (a string, or a number kept as written), a known title in
    "title"; a gzipped corpus is inflated as it is read, a BOM removed, a GB18030 file (one whose
    first line with non-ASCII bytes is not UTF-8 but GB18030) decoded. A line the command skips (not JSON, a
    lone surrogate, no string text) is skipped with a WenshuWarning naming FILE:LINE (errors="warn",
    the command's stderr line), silently (errors="skip"), or raises ValueError (errors="raise").
    """
    if errors not in _ERRORS:
        raise ValueError(f"errors must be one of {', '.join(_ERRORS)}")
    name = os.fspath(path)
    with open(path, "rb") as f:
        # corpus.jsonl.gz, as the command reads it (by its content, whatever its name)
        lines = gzip.GzipFile(fileobj=f, mode="rb") if f.peek(2)[:2] == _GZIP_MAGIC else f
        # The file's encoding, as the command settles it from the start of the file: UTF-8 (a BOM
        # removed) unless its first line with other bytes than ASCII is not UTF-8 but is GB18030.
        encoding: Optional[str] = None
        bom: Optional[bool] = None
        for line_no, raw in enumerate(lines, start=1):
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, bom = raw[3:], True
            if encoding is None and not raw.isascii():
                encoding = "UTF-8"
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        raw.decode("gb18030")
                        encoding = "GB18030"
                    except UnicodeDecodeError:
                        pass
            if encoding == "GB18030":
                raw = raw.decode("gb18030", errors="surrogateescape").encode("utf-8", errors="surrogateescape")
            if not raw.strip():
                continue
            try:
                obj = _strict_json(raw)
            except ValueError as e:
                _bad_line(errors, f"{name}:{line_no}: invalid JSON ({e})")
                continue
            if not isinstance(obj, dict):
                _bad_line(errors, f"{name}:{line_no}: not a JSON object")
                continue
            fields = (text_field,) if text_field else _TEXT_FIELDS
            text = next((obj[f] for f in fields if isinstance(obj.get(f), str)), None)
            if text is None:
                _bad_line(errors, f"{name}:{line_no}: no string field " +
                          " or ".join(f'"{f}"' for f in fields))
                continue
            doc_id = obj.get(id_field)
            doc_id = doc_id if isinstance(doc_id, str) else doc_id.written \
                if isinstance(doc_id, _JsonFraction) else \
                str(doc_id) if isinstance(doc_id, int) and not isinstance(doc_id, bool) else ""
            title = obj.get(title_field) if title_field else None
            yield Document(text, name, line_no, doc_id, title if isinstance(title, str) else None,
                           None, "GB18030" if encoding == "GB18030" else None, bom)


def read_csv(path: PathLike, text_field: Optional[str] = None, id_field: str = "id",
             title_field: str = "title", errors: str = "warn",
             encoding: Optional[str] = None) -> Iterator[Document]:
    """The documents of a CSV or TSV corpus (.tsv: tab-separated), one per row after a header row, as
    `wenshu parse CORPUS.csv` reads them: RFC 4180 (quoted fields with delimiters, doubled quotes and
    line breaks), a BOM removed, gzip inflated; the text in the text_field column or the first of
    "text", "content", "full_text" and "正文"; id and title from their columns when present; every
    column but the text's in Document.meta (the report's source.meta); line is the line a row starts
    on. A row with the wrong number of fields is skipped as read_jsonl skips a bad line (errors=).
    The file is read as UTF-8, else as GB18030 when it decodes as that; name another with encoding=
    (a Python codec name). A header without the text column, or without a column id_field or
    title_field names explicitly, raises ValueError listing the columns."""
    import csv
    if errors not in _ERRORS:
        raise ValueError(f"errors must be one of {', '.join(_ERRORS)}")
    name = os.fspath(path)
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == _GZIP_MAGIC:
        raw = gzip.decompress(raw)
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]
    if encoding is not None:
        text, used = raw.decode(encoding), encoding.upper()
    else:
        try:
            text, used = raw.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as e:
            try:
                text, used = raw.decode("gb18030"), "GB18030"
            except UnicodeDecodeError:
                raise ValueError(f"{name}: not UTF-8 (byte {e.start}) nor GB18030: name the encoding "
                                 f"with encoding=") from None
    lower = name.lower()
    delimiter = "\t" if (lower[:-3] if lower.endswith(".gz") else lower).endswith(".tsv") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: Optional[List[str]] = None
    text_col = id_col = title_col = -1
    ended = 0  # the line the last row ended on
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            _bad_line(errors, f"{name}:{ended + 1}: {e}")
            break
        start, ended = ended + 1, reader.line_num
        if not row or row == [""]:
            continue  # a blank line
        if header is None:
            header = row
            fields = (text_field,) if text_field else _TEXT_FIELDS
            text_col = next((header.index(c) for c in fields if c in header), -1)
            columns = ", ".join(header)
            if text_col < 0:
                wanted = (f'"{text_field}" (text_field)' if text_field else
                          "text, content, full_text or 正文; name one with text_field=")
                raise ValueError(f"{name}: no text column ({wanted}); the columns are: {columns}")
            id_col = header.index(id_field) if id_field in header else -1
            title_col = header.index(title_field) if title_field and title_field in header else -1
            continue
        if len(row) != len(header):
            _bad_line(errors, f"{name}:{start}: the record has {len(row)} fields, the header "
                              f"{len(header)}")
            continue
        meta = {c: v for i, (c, v) in enumerate(zip(header, row)) if i != text_col}
        yield Document(row[text_col], name, start, row[id_col] if id_col >= 0 else "",
                       row[title_col] if title_col >= 0 and row[title_col] else None,
                       meta, used, bom)
    if header is None:
        raise ValueError(f"{name}: an empty CSV file (no header)")


def parse_document(doc: Document, **options: Any) -> Dict[str, Any]:
    """parse() of one corpus document, with its name, line, id and title as the command sets them
    (and, for a CSV row, its other columns as source.meta)."""
    report = parse(doc.text, name=doc.name, source_line=doc.line, source_id=doc.id, title=doc.title,
                   **options)
    if doc.meta is not None:
        report["source"]["meta"] = dict(doc.meta)
    if doc.encoding is not None:
        report["source"]["encoding"] = doc.encoding
    if doc.bom is not None:
        report["source"]["bom"] = doc.bom
    return report


def parse_csv(path: PathLike, text_field: Optional[str] = None, id_field: str = "id",
              title_field: str = "title", errors: str = "warn", encoding: Optional[str] = None,
              **options: Any) -> Iterator[Dict[str, Any]]:
    """The reports of a CSV or TSV corpus, in order: the dicts `wenshu parse CORPUS.csv --format
    jsonl` prints, one per row (see read_csv for the options and bad rows)."""
    return _parse_documents(read_csv(path, text_field=text_field, id_field=id_field,
                                     title_field=title_field, errors=errors, encoding=encoding),
                            errors, options)


def _parse_documents(docs: Iterator[Document], errors: str,
                     options: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    """parse_document() of each corpus document; one over max_bytes is skipped as a bad line."""
    for doc in docs:
        try:
            yield parse_document(doc, **options)
        except WenshuError as e:
            if e.status != Status.LIMIT:
                raise
            _bad_line(errors, f"{doc.name}:{doc.line}: {e.message}")


def parse_jsonl(path: PathLike, text_field: Optional[str] = None, id_field: str = "id",
                title_field: str = "title", errors: str = "warn",
                **options: Any) -> Iterator[Dict[str, Any]]:
    """The reports of a JSONL corpus, in order: the dicts `wenshu parse CORPUS.jsonl --format jsonl`
    prints, one per line, with the command's field options (text_field, id_field, title_field) and
    its handling of bad lines (see read_jsonl; a document over max_bytes is skipped the same way)."""
    return _parse_documents(read_jsonl(path, text_field=text_field, id_field=id_field,
                                       title_field=title_field, errors=errors), errors, options)


# ------------------------------------------------------------------------------------------------
# Repair

class _RepairHandle(_Handle):
    _free = staticmethod(_lib.wenshu_repair_result_free)
    _public_name = "RepairResult"


class RepairResult:
    """What repair() changed. text is the repaired text; records the edits ({"rule", "span", "char_span",
    "before", "after", "confidence", "reason", "evidence", "alternatives"}: span in bytes and char_span
    in characters of the original; before/after exact, bytes that are not UTF-8 as surrogates); flags
    what was found and kept; diagnosis what wenshu believes about the document as a whole.
    original is the bytes every span indexes: the input, or with encoding=/input_format= the decoded
    UTF-8 text (so revert() == original and apply(original) == text.encode() in both cases).
    apply()/revert() are the library's own, byte for byte.

    >>> fixed = wenshu.repair("全区有在校学生26341人。\\n\\n第 2 页 共 9 页\\n\\n工作总结如下。")
    >>> [r["rule"] for r in fixed.records], fixed.revert() == fixed.original
    (['boilerplate.page_furniture'], True)
    """

    def __init__(self, handle: _RepairHandle, original: bytes, text: str,
                 records: List[Dict[str, Any]], flags: List[Dict[str, Any]],
                 diagnosis: Dict[str, Any]):
        self._handle = handle
        self.original = original
        self.text = text
        self.records = records
        self.flags = flags
        self.diagnosis = diagnosis

    def __repr__(self) -> str:
        return f"RepairResult({len(self.records)} records, {len(self.flags)} flags)"

    def close(self) -> None:
        """Releases the native result; apply() and revert() then raise ValueError."""
        self._handle.close()

    def _replay(self, fn: Any, data: Data) -> bytes:
        raw = _bytes(data)
        with self._handle._lock:
            ptr = self._handle._live()
            n = ctypes.c_size_t()
            _check(fn(ptr, raw, len(raw), None, 0, ctypes.byref(n)))
            buf = ctypes.create_string_buffer(max(n.value, 1))
            _check(fn(ptr, raw, len(raw), buf, n.value, ctypes.byref(n)))
            return buf.raw[:n.value]

    def apply(self, original: Data) -> bytes:
        """Replays the records over the original: the repaired text's bytes (wenshu_repair_apply)."""
        return self._replay(_lib.wenshu_repair_apply, original)

    def revert(self, repaired: Optional[Data] = None) -> bytes:
        """Undoes the records on the repaired text (default: self.text): the original bytes, exactly
        (wenshu_repair_revert)."""
        return self._replay(_lib.wenshu_repair_revert, self.text if repaired is None else repaired)


def repair(data: Data, **options: Any) -> RepairResult:
    """Diagnoses and repairs one document; every change is recorded and reversible.

    >>> fixed = wenshu.repair("全区有在校学生26341人。".encode() + b"\\xff")
    >>> fixed.flags[0]["rule"], fixed.flags[0]["span"], fixed.flags[0]["char_span"]
    ('text.invalid_utf8', [32, 33], [14, 15])
    """
    raw = _bytes(data)
    opts = _options(None, **options)
    out = ctypes.c_void_p()
    try:
        with _Cancellable(opts, len(raw)):
            status = _lib.wenshu_repair(raw, len(raw), ctypes.byref(opts), ctypes.byref(out))
    except BaseException:
        _lib.wenshu_repair_result_free(out.value)  # a handler raised: the result is not wanted
        raise
    _check(status)
    handle = _RepairHandle(out.value)
    ptr = handle._live()
    n = ctypes.c_size_t()
    if opts.encoding is not None or opts.input_format is not None:
        raw = _native.string_at(_lib.wenshu_repair_result_input(ptr, ctypes.byref(n)), n.value)
    text = _text(_native.string_at(_lib.wenshu_repair_result_text(ptr, ctypes.byref(n)), n.value))
    json_ptr = _lib.wenshu_repair_result_json(ptr, ctypes.byref(n))
    if not json_ptr:
        _check(Status.INTERNAL)
    doc = json.loads(_native.string_at(json_ptr, n.value))
    # The JSON shows bytes that are not UTF-8 as U+FFFD; the structs hold them exactly.
    record, flag = _native.RepairRecord(), _native.RepairFlag()
    for i, r in enumerate(doc["records"]):
        _check(_lib.wenshu_repair_result_record(ptr, i, ctypes.byref(record)))
        r["before"] = _text(_native.string_at(record.before, record.before_len))
        r["after"] = _text(_native.string_at(record.after, record.after_len))
    for i, f in enumerate(doc["flags"]):
        _check(_lib.wenshu_repair_result_flag(ptr, i, ctypes.byref(flag)))
        f["text"] = _text(_native.string_at(flag.text, flag.text_len))
    _add_char_spans(raw, doc)
    return RepairResult(handle, raw, text, doc["records"], doc["flags"], doc["diagnosis"])


# ------------------------------------------------------------------------------------------------
# Tokenize

_KIND_NAMES: Dict[int, str] = {}


def _kind_name(kind: int) -> str:
    name = _KIND_NAMES.get(kind)
    if name is None:
        raw = _lib.wenshu_token_kind_name(kind)
        name = _KIND_NAMES[kind] = raw.decode() if raw else f"kind{kind}"
    return name


class Token(NamedTuple):
    """One token. begin/end are byte offsets and cp_begin/cp_end character (code-point) offsets in
    the stream (.span and .char_span as pairs); text holds the input bytes (bytes that are not UTF-8
    as surrogates: text.encode("utf-8", "surrogateescape") gives them back), norm the normalized form.

    >>> t = list(wenshu.tokenize("学生26341人"))[1]
    >>> t.kind, t.text, t.span, t.char_span
    ('number', '26341', (6, 11), (2, 7))
    """
    kind: str
    text: str
    norm: str
    begin: int
    end: int
    cp_begin: int
    cp_end: int
    flags: int

    @property
    def span(self) -> Tuple[int, int]:
        """[begin, end) in bytes of the UTF-8 input."""
        return (self.begin, self.end)

    @property
    def char_span(self) -> Tuple[int, int]:
        """[begin, end) in characters: s[slice(*t.char_span)] == t.text for a str input s."""
        return (self.cp_begin, self.cp_end)


class Dictionary(_Handle):
    """A word table for the tokenizer (wenshu_dictionary), immutable and shareable between threads.
    Dictionary.load(path) / from_text(text) replace the built-in table (jieba's dict.txt);
    Dictionary.extend(text) keeps it and adds (or with frequency 0 removes) words, as jieba's user
    dictionaries do.

    >>> with wenshu.Dictionary.extend("教育经费支出 100") as d:
    ...     [t.text for t in wenshu.tokenize("居民消费与教育经费支出", dictionary=d)]
    ['居民消费', '与', '教育经费支出']
    """
    _free = staticmethod(_lib.wenshu_dictionary_free)

    @classmethod
    def load(cls, path: PathLike) -> "Dictionary":
        out = ctypes.c_void_p()
        _check(_lib.wenshu_dictionary_load(ctypes.byref(out), _c_string("path", path)))
        return cls(out.value)

    @classmethod
    def from_text(cls, text: Data) -> "Dictionary":
        raw = _bytes(text)
        out = ctypes.c_void_p()
        _check(_lib.wenshu_dictionary_from_text(ctypes.byref(out), raw, len(raw)))
        return cls(out.value)

    @classmethod
    def extend(cls, text: Data, base: Optional["Dictionary"] = None) -> "Dictionary":
        """base (default: the built-in table) plus the jieba-format word list text."""
        raw = _bytes(text)
        out = ctypes.c_void_p()
        _check(_lib.wenshu_dictionary_extend(ctypes.byref(out),
                                             base._live() if base is not None else None,
                                             raw, len(raw)))
        return cls(out.value)

    def __len__(self) -> int:
        with self._lock:
            return _lib.wenshu_dictionary_word_count(self._live())


class Tokenizer(_Handle):
    """A streaming tokenizer (wenshu_tokenizer): feed() chunks split anywhere, finish(), and iterate
    tokens as they become final. Use from one thread at a time. dictionary: a Dictionary (default: the
    built-in one plus the words of add_word/load_userdict); the tokenizer keeps its own reference.

    >>> with wenshu.Tokenizer() as t:
    ...     t.feed("增长1".encode()); t.feed("2%".encode()); t.finish()
    ...     [tok.text for tok in t]
    ['增长', '12', '%']
    """
    _free = staticmethod(_lib.wenshu_tokenizer_free)
    _copyable = False  # its stream state changes with every call

    def __init__(self, dictionary: Optional[Dictionary] = None, **options: Any):
        super().__init__(None)
        opts = _options(None, **options)
        if dictionary is None:
            dictionary = _user_dictionary()
        out = ctypes.c_void_p()
        _check(_lib.wenshu_tokenizer_new_with_dictionary(
            ctypes.byref(out), dictionary._live() if dictionary is not None else None,
            ctypes.byref(opts)))
        self._ptr = out.value
        self._token = _native.Token()

    def feed(self, chunk: Data) -> None:
        raw = _bytes(chunk)
        with self._lock:
            _check(_lib.wenshu_tokenizer_feed(self._live(), raw, len(raw)))

    def finish(self) -> None:
        with self._lock:
            _check(_lib.wenshu_tokenizer_finish(self._live()))

    def reset(self) -> None:
        with self._lock:
            _check(_lib.wenshu_tokenizer_reset(self._live()))

    @property
    def pending_bytes(self) -> int:
        with self._lock:
            return _lib.wenshu_tokenizer_pending_bytes(self._live())

    def _next(self) -> Optional[Token]:
        # One step under the lock, the pointer looked up afresh: a close() between two steps makes the
        # next one raise instead of reading freed memory, and the token's bytes are copied before the
        # lock is released (they are valid only until the next call on the tokenizer).
        with self._lock:
            tok = self._token
            status = _lib.wenshu_tokenizer_next(self._live(), ctypes.byref(tok))
            if status != 0:
                _check(status)
                return None  # NEED_INPUT or DONE
            text = ctypes.string_at(tok.text, tok.text_len).decode("utf-8", "surrogateescape")
            # norm is a second copy only when it differs from text (most tokens: it does not).
            norm = ctypes.string_at(tok.norm, tok.norm_len).decode("utf-8", "surrogateescape") \
                if tok.flags & TOKEN_NORMALIZED else text
            return Token(_kind_name(tok.kind), text, norm, tok.begin, tok.end, tok.cp_begin,
                         tok.cp_end, tok.flags)

    def tokens(self) -> Iterator[Token]:
        """The tokens final so far; stops when more input is needed or the stream is done. Raises
        ValueError if the tokenizer is closed, also in the middle of an iteration."""
        self._live()
        while True:
            token = self._next()
            if token is None:
                return
            yield token

    __iter__ = tokens


def _chunks(source: Any, chunk_size: int) -> Iterator[bytes]:
    if isinstance(source, (bytes, bytearray, memoryview, str)):
        data = _bytes(source)
        for at in range(0, len(data), chunk_size):
            yield data[at:at + chunk_size]
    elif hasattr(source, "read"):
        while True:
            chunk = source.read(chunk_size)
            if not chunk:
                return
            yield _bytes(chunk)
    else:  # an iterable of chunks
        for chunk in source:
            yield _bytes(chunk)


def tokenize(source: Union[Data, BinaryIO, io.TextIOBase, Iterable[Data]],
             chunk_size: int = DEFAULT_CHUNK_SIZE, dictionary: Optional[Dictionary] = None,
             **options: Any) -> Iterator[Token]:
    """Yields the tokens of source: bytes or str, a file object (read in chunk_size pieces, binary or
    text mode), or an iterable of chunks. Memory stays bounded however large the source is. The bytes
    are UTF-8: encoding= and input_format= raise WenshuError (decode first: repair(data,
    encoding="auto").original, or open the file in text mode with its encoding).

    >>> [(t.kind, t.text) for t in wenshu.tokenize("增长3.5%")]
    [('word', '增长'), ('number', '3.5'), ('percent', '%')]
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int):
        raise TypeError(f"chunk_size must be an int, got {type(chunk_size).__name__}")
    if chunk_size <= 0:
        raise ValueError(f"chunk_size must be positive, got {chunk_size}")
    # Created now, so bad options raise here, not at the first next().
    return _tokenize(source, chunk_size, Tokenizer(dictionary, **options))


def _tokenize(source: Any, chunk_size: int, tokenizer: Tokenizer) -> Iterator[Token]:
    with tokenizer as t:
        for chunk in _chunks(source, chunk_size):
            t.feed(chunk)
            yield from t.tokens()
        t.finish()
        yield from t.tokens()


# ------------------------------------------------------------------------------------------------
# jieba's habits: cut/lcut and a user dictionary on top of the built-in table

# A figure: a number or Chinese numeral, more numerals (万, 亿 after digits), then its % or units.
_FIGURE_START = {"number", "cjk_numeral"}
_FIGURE_REST = {"number", "cjk_numeral"}
_FIGURE_END = {"percent", "unit"}


def cut(text: Data, dictionary: Optional[Dictionary] = None, **options: Any) -> Iterator[str]:
    """The words of text, like jieba.cut: every piece of the text in order (they join back to it), a
    figure kept whole with its numerals, % and units.

    >>> list(wenshu.cut("全年接待游客120万人次，增长12.5%"))
    ['全年', '接待', '游客', '120万人次', '，', '增长', '12.5%']
    """
    figure: List[str] = []
    state = 0  # 0 outside a figure, 1 in its numbers, 2 in its units
    for t in tokenize(text, dictionary=dictionary, **options):
        if state and (t.kind in _FIGURE_END or (state == 1 and t.kind in _FIGURE_REST)):
            figure.append(t.text)
            state = 2 if t.kind in _FIGURE_END else 1
            continue
        if figure:
            yield "".join(figure)
            figure, state = [], 0
        if t.kind in _FIGURE_START:
            figure, state = [t.text], 1
        else:
            yield t.text
    if figure:
        yield "".join(figure)


def lcut(text: Data, dictionary: Optional[Dictionary] = None, **options: Any) -> List[str]:
    """list(cut(text)), like jieba.lcut.

    >>> wenshu.lcut("一般公共预算收入3.2亿元")
    ['一般', '公共', '预算', '收入', '3.2亿元']
    """
    return list(cut(text, dictionary=dictionary, **options))


_user_lock = threading.Lock()
_user_lines: List[str] = []
_user_table: Optional[Dictionary] = None


def _user_dictionary() -> Optional[Dictionary]:
    """The built-in table plus the user's words, built once after each change; None when none."""
    global _user_table
    with _user_lock:
        if _user_lines and _user_table is None:
            _user_table = Dictionary.extend("".join(_user_lines))
        return _user_table


def _add_lines(lines: Sequence[str]) -> None:
    global _user_table
    with _user_lock:
        _user_lines.extend(lines)
        _user_table = None


def add_word(word: str, freq: Optional[int] = None, tag: Optional[str] = None) -> None:
    """Adds a word to the table cut() and tokenize() use by default (the built-in one stays), like
    jieba.add_word. Without freq the word gets a high default frequency, so it is usually kept whole.
    A word the library would refuse (a control character, ...) raises WenshuError here, at once.

    >>> wenshu.add_word("教育经费支出")
    >>> wenshu.lcut("居民消费和教育经费支出")
    ['居民消费', '和', '教育经费支出']
    >>> wenshu.reset_userdict()
    """
    if not isinstance(word, str) or not word or any(c.isspace() for c in word):
        raise ValueError(f"a word is a non-empty str without spaces, got {word!r}")
    if tag is not None and (not isinstance(tag, str) or any(c.isspace() for c in tag)):
        raise ValueError(f"a tag is a str without spaces, got {tag!r}")
    if freq is not None:
        _c_uint("freq", freq, 10 ** 15 - 1)
    fields = [word] + ([str(freq)] if freq is not None else []) + \
        ([tag] if tag is not None and freq is not None else [])
    line = " ".join(fields) + "\n"
    _check_word_list(line)
    _add_lines([line])


def _check_word_list(text: str) -> None:
    """Refuses now what would make every later cut() fail: the library's own check of the lines
    (wenshu_dictionary_check: a control character, invalid UTF-8, a word too long, a bad frequency),
    raising WenshuError naming the line."""
    raw = _bytes(text)
    _check(_lib.wenshu_dictionary_check(raw, len(raw)))


def del_word(word: str) -> None:
    """Removes a word from the default table (frequency 0), like jieba.del_word."""
    add_word(word, 0)


def load_userdict(f: Union[PathLike, io.TextIOBase, BinaryIO]) -> None:
    """Adds a jieba-format user dictionary ("word [freq [tag]]" per line) on top of the built-in table,
    like jieba.load_userdict: a path or an open file. Bad lines raise WenshuError naming the line."""
    if hasattr(f, "read"):
        content = f.read()
    else:
        with open(f, "rb") as fh:
            content = fh.read()
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    _check_word_list(text)
    _add_lines([text if text.endswith("\n") else text + "\n"])


def reset_userdict() -> None:
    """Forgets every word added by add_word, del_word and load_userdict."""
    global _user_table
    with _user_lock:
        _user_lines.clear()
        _user_table = None
