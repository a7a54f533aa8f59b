"""wenshu: repair and structure Chinese work reports (工作总结, 工作报告, 政府工作报告).

A ctypes binding of libwenshu's C ABI (no compiler needed; ctypes releases the GIL during each call, so
threads parse in parallel)::

    import wenshu
    report = wenshu.parse(open("report.txt", "rb").read(), name="report.txt")   # the CLI's JSON, as a dict
    fixed = wenshu.repair("...")                  # RepairResult: .text, .records, .flags, .diagnosis
    for token in wenshu.tokenize(open("big.txt", "rb")):   # streams in chunks
        print(token.kind, token.text)

Options (keyword arguments of parse, repair, tokenize, Tokenizer):
    disabled_rules      iterable of rule ids or prefixes ending in "." (or one comma-separated str)
    min_confidence      repairs below it become flags (default 0.5)
    strict_utf8         True: invalid UTF-8 raises WenshuError(INVALID_UTF8) instead of being flagged
    source_id, source_line, title, run_checks, max_bytes   (parse)
    max_token_bytes, split_numeral_units                   (tokenize)

The library is found through $WENSHU_LIBRARY, next to this package, or in the build tree of the
checkout the package lives in. Failures raise WenshuError with .status and .message.
"""

from __future__ import annotations

import ctypes
import enum
import io
import json
import os
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Dict, Iterable, Iterator, List, NamedTuple, Optional, Union

from . import _native
from ._native import lib as _lib

__all__ = [
    "ABI_VERSION", "Status", "WenshuError", "version", "report_schema", "repair_rules",
    "parse", "parse_file", "Report", "Document", "read_jsonl", "parse_document", "parse_jsonl", "repair", "RepairResult", "tokenize", "Tokenizer", "Token", "Dictionary",
    "TOKEN_SPLIT", "TOKEN_IN_DICTIONARY", "TOKEN_NORMALIZED",
]

ABI_VERSION = _native.ABI_VERSION
TOKEN_SPLIT = 0x1
TOKEN_IN_DICTIONARY = 0x2
TOKEN_NORMALIZED = 0x4
DEFAULT_CHUNK_SIZE = 64 * 1024

Data = Union[bytes, bytearray, memoryview, str]


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


class WenshuError(Exception):
    """A call into libwenshu failed. .status is the wenshu_status code (an int; a Status when known),
    .message the library's explanation (wenshu_last_error)."""

    def __init__(self, status: int, message: str):
        try:
            status = Status(status)
        except ValueError:
            pass
        self.status = status
        self.message = message
        name = status.name if isinstance(status, Status) else str(status)
        super().__init__(f"{message} [{name}]" if message else name)


def _check(status: int) -> int:
    if status < 0:
        raise WenshuError(status, _lib.wenshu_last_error().decode("utf-8", "replace") or
                          _lib.wenshu_status_string(status).decode())
    return status


def version() -> str:
    """The version of the loaded libwenshu, e.g. "0.1.0"."""
    return _lib.wenshu_version().decode()


def report_schema() -> str:
    """The JSON schema id of parse()'s output, e.g. "wenshu.report/1"."""
    return _lib.wenshu_report_schema().decode()


def repair_rules() -> Dict[str, str]:
    """Every repair rule id, in the order they run, with its description."""
    return {_lib.wenshu_repair_rule_id(i).decode(): _lib.wenshu_repair_rule_description(i).decode()
            for i in range(_lib.wenshu_repair_rule_count())}


# ------------------------------------------------------------------------------------------------
# Options

_OPTION_NAMES = {"disabled_rules", "min_confidence", "strict_utf8", "source_id", "source_line",
                 "title", "run_checks", "max_bytes", "max_token_bytes", "split_numeral_units",
                 "encoding", "input_format"}


def _encode(value: Optional[str]) -> Optional[bytes]:
    return None if value is None else os.fsencode(value) if isinstance(value, os.PathLike) \
        else value.encode("utf-8")


def _options(name: Optional[str] = None, pretty_json: bool = False, **kwargs: Any) -> _native.Options:
    unknown = set(kwargs) - _OPTION_NAMES
    if unknown:
        raise TypeError(f"unknown wenshu option(s): {', '.join(sorted(unknown))}")
    opts = _native.Options()
    _check(_lib.wenshu_options_init(ctypes.byref(opts), _native.OPTIONS_VERSION))
    rules = kwargs.get("disabled_rules")
    if rules is not None:
        if not isinstance(rules, str):
            rules = ",".join(rules)
        opts.disabled_rules = rules.encode("utf-8")
    if kwargs.get("min_confidence") is not None:
        opts.min_confidence = float(kwargs["min_confidence"])
    if kwargs.get("strict_utf8"):
        opts.utf8_policy = 1
    if name is not None:
        opts.source_name = os.fsencode(name) if isinstance(name, os.PathLike) else name.encode("utf-8")
    if kwargs.get("source_id") is not None:
        opts.source_id = _encode(str(kwargs["source_id"]))
    if kwargs.get("source_line") is not None:
        opts.source_line = int(kwargs["source_line"])
    if kwargs.get("title") is not None:
        opts.title = _encode(kwargs["title"])
    if kwargs.get("run_checks") is not None:
        opts.run_checks = 1 if kwargs["run_checks"] else 0
    if kwargs.get("max_bytes") is not None:
        opts.max_bytes = int(kwargs["max_bytes"])
    if kwargs.get("max_token_bytes") is not None:
        opts.max_token_bytes = int(kwargs["max_token_bytes"])
    if kwargs.get("split_numeral_units") is not None:
        opts.split_numeral_units = 1 if kwargs["split_numeral_units"] else 0
    # Inputs as users have them (docs/cli.md, "Inputs and encodings"): encoding="auto" or a name
    # decodes bytes first; input_format="auto"|"text"|"html"|"docx".
    if kwargs.get("encoding") is not None:
        opts.encoding = _encode(kwargs["encoding"])
    if kwargs.get("input_format") is not None:
        opts.input_format = _encode(kwargs["input_format"])
    opts.pretty_json = 1 if pretty_json else 0
    return opts


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


class _Handle:
    """An owned native handle: closed by close(), by `with`, or when garbage-collected."""
    _free = None  # the library's free function for this handle type

    def __init__(self, pointer: int):
        self._ptr = pointer

    def close(self) -> None:
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
        if not self._ptr:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._ptr


# ------------------------------------------------------------------------------------------------
# Parse

class Report(_Handle):
    """A parsed report (wenshu_report). Immutable; its accessors may be used from many threads."""
    _free = staticmethod(_lib.wenshu_report_free)

    ITEMS = {"sections": 0, "quantities": 1, "changes": 2, "dates": 3, "repairs": 4, "flags": 5,
             "checks": 6, "failed_checks": 7}

    def __init__(self, data: Data, name: Optional[str] = None, **options: Any):
        raw = _bytes(data)
        opts = _options(name, pretty_json=bool(options.pop("pretty_json", False)), **options)
        out = ctypes.c_void_p()
        _check(_lib.wenshu_parse(raw, len(raw), ctypes.byref(opts), ctypes.byref(out)))
        super().__init__(out.value)

    def json_text(self) -> str:
        """The report as "wenshu.report/1" JSON text."""
        n = ctypes.c_size_t()
        ptr = _lib.wenshu_report_json(self._live(), ctypes.byref(n))
        if not ptr:
            _check(Status.INTERNAL)
        return _native.string_at(ptr, n.value).decode("utf-8")

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self.json_text())

    @property
    def title(self) -> Optional[str]:
        n = ctypes.c_size_t()
        ptr = _lib.wenshu_report_title(self._live(), ctypes.byref(n))
        return _text(_native.string_at(ptr, n.value)) if ptr else None

    @property
    def text(self) -> str:
        """The repaired text."""
        n = ctypes.c_size_t()
        ptr = _lib.wenshu_report_text(self._live(), ctypes.byref(n))
        return _text(_native.string_at(ptr, n.value))

    def count(self, item: str) -> int:
        """How many sections (all levels), quantities, changes, dates, repairs, flags, checks or
        failed_checks the report has."""
        n = ctypes.c_size_t()
        _check(_lib.wenshu_report_count(self._live(), self.ITEMS[item], ctypes.byref(n)))
        return n.value


def parse(data: Data, name: Optional[str] = None, **options: Any) -> Dict[str, Any]:
    """Repairs one document and extracts its structure and figures. Returns the "wenshu.report/1"
    JSON as a dict: the same as `wenshu parse FILE --format json` when name is FILE."""
    with Report(data, name, **options) as report:
        return report.to_dict()


def parse_file(path: Union[str, os.PathLike], **options: Any) -> Dict[str, Any]:
    """parse() of a file's bytes, named by its path as the command names it."""
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


def read_jsonl(path: Union[str, os.PathLike], text_field: Optional[str] = None, id_field: str = "id",
               title_field: str = "title") -> Iterator[Document]:
    """The documents of a JSONL corpus, with the command's defaults: the text in "text" (or "content"
    when "text" is absent), the id in "id" (a string or an integer), a known title in "title".
    Raises ValueError naming the line for a line that is not a JSON object with a text."""
    name = os.fspath(path)
    with open(path, "rb") as f:
        for line_no, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError as e:
                raise ValueError(f"{name}:{line_no}: invalid JSON ({e})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{name}:{line_no}: not a JSON object")
            field_name = text_field or ("text" if "text" in obj else "content")
            text = obj.get(field_name)
            if not isinstance(text, str):
                raise ValueError(f"{name}:{line_no}: no string field \"{field_name}\"")
            doc_id = obj.get(id_field)
            doc_id = doc_id if isinstance(doc_id, str) else \
                str(doc_id) if isinstance(doc_id, int) and not isinstance(doc_id, bool) else ""
            title = obj.get(title_field) if title_field else None
            yield Document(text, name, line_no, doc_id, title if isinstance(title, str) else None)


def parse_document(doc: Document, **options: Any) -> Dict[str, Any]:
    """parse() of one corpus document, with its name, line, id and title as the command sets them."""
    return parse(doc.text, name=doc.name, source_line=doc.line, source_id=doc.id, title=doc.title,
                 **options)


def parse_jsonl(path: Union[str, os.PathLike], **options: Any) -> Iterator[Dict[str, Any]]:
    """The reports of a JSONL corpus, in order: the dicts `wenshu parse CORPUS.jsonl --format jsonl`
    prints, one per line."""
    for doc in read_jsonl(path):
        yield parse_document(doc, **options)


# ------------------------------------------------------------------------------------------------
# Repair

@dataclass
class RepairResult:
    """What repair() changed. text is the repaired text; records the changes, each
    {"rule", "span": [begin, end], "before", "after", "confidence", "reason", "evidence",
    "alternatives"} over byte spans of the original; flags what was found and kept; diagnosis what
    wenshu believes about the document as a whole."""
    text: str
    records: List[Dict[str, Any]] = field(default_factory=list)
    flags: List[Dict[str, Any]] = field(default_factory=list)
    diagnosis: Dict[str, Any] = field(default_factory=dict)

    def apply(self, original: Data) -> bytes:
        """Replays the records over the original bytes: gives the repaired text's bytes."""
        src = _bytes(original)
        out, at = [], 0
        for r in self.records:
            b, e = r["span"]
            out += [src[at:b], r["after"].encode("utf-8")]
            at = e
        out.append(src[at:])
        return b"".join(out)

    def revert(self, repaired: Optional[Data] = None) -> bytes:
        """Undoes the records on the repaired text (default: self.text): gives the original bytes."""
        dst = _bytes(self.text if repaired is None else repaired)
        out, at, shift = [], 0, 0
        for r in self.records:
            b, e = r["span"]
            after = r["after"].encode("utf-8")
            rb = b + shift  # where this record's text starts in the repaired text
            out += [dst[at:rb], r["before"].encode("utf-8")]
            at = rb + len(after)
            shift += len(after) - (e - b)
        out.append(dst[at:])
        return b"".join(out)


def repair(data: Data, **options: Any) -> RepairResult:
    """Diagnoses and repairs one document; every change is recorded and reversible."""
    raw = _bytes(data)
    opts = _options(None, **options)
    out = ctypes.c_void_p()
    _check(_lib.wenshu_repair(raw, len(raw), ctypes.byref(opts), ctypes.byref(out)))
    try:
        n = ctypes.c_size_t()
        text_ptr = _lib.wenshu_repair_result_text(out, ctypes.byref(n))
        text = _text(_native.string_at(text_ptr, n.value))
        ptr = _lib.wenshu_repair_result_json(out, ctypes.byref(n))
        if not ptr:
            _check(Status.INTERNAL)
        doc = json.loads(_native.string_at(ptr, n.value))
    finally:
        _lib.wenshu_repair_result_free(out)
    return RepairResult(text=text, records=doc["records"], flags=doc["flags"],
                        diagnosis=doc["diagnosis"])


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
    """One token. begin/end are byte offsets and cp_begin/cp_end code-point offsets in the stream;
    text holds the input bytes (bytes that are not UTF-8 as surrogates: text.encode("utf-8",
    "surrogateescape") gives them back), norm the normalized form."""
    kind: str
    text: str
    norm: str
    begin: int
    end: int
    cp_begin: int
    cp_end: int
    flags: int


class Dictionary(_Handle):
    """A word table for the tokenizer (wenshu_dictionary), immutable and shareable between threads:
    Dictionary.load(path) reads a compiled blob or a jieba-format word list, Dictionary.from_text(text)
    builds one from a word list in memory. It replaces the built-in table (jieba's dict.txt)."""
    _free = staticmethod(_lib.wenshu_dictionary_free)

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "Dictionary":
        out = ctypes.c_void_p()
        _check(_lib.wenshu_dictionary_load(ctypes.byref(out), os.fsencode(path)))
        return cls(out.value)

    @classmethod
    def from_text(cls, text: Data) -> "Dictionary":
        raw = _bytes(text)
        out = ctypes.c_void_p()
        _check(_lib.wenshu_dictionary_from_text(ctypes.byref(out), raw, len(raw)))
        return cls(out.value)

    def __len__(self) -> int:
        return _lib.wenshu_dictionary_word_count(self._live())


class Tokenizer(_Handle):
    """A streaming tokenizer (wenshu_tokenizer): feed() chunks split anywhere, finish(), and iterate
    tokens as they become final. Use from one thread at a time. dictionary: a Dictionary (default: the
    built-in one); the tokenizer keeps its own reference to the table."""
    _free = staticmethod(_lib.wenshu_tokenizer_free)

    def __init__(self, dictionary: Optional[Dictionary] = None, **options: Any):
        opts = _options(None, **options)
        out = ctypes.c_void_p()
        _check(_lib.wenshu_tokenizer_new_with_dictionary(
            ctypes.byref(out), dictionary._live() if dictionary is not None else None,
            ctypes.byref(opts)))
        super().__init__(out.value)
        self._token = _native.Token()

    def feed(self, chunk: Data) -> None:
        raw = _bytes(chunk)
        _check(_lib.wenshu_tokenizer_feed(self._live(), raw, len(raw)))

    def finish(self) -> None:
        _check(_lib.wenshu_tokenizer_finish(self._live()))

    def reset(self) -> None:
        _check(_lib.wenshu_tokenizer_reset(self._live()))

    @property
    def pending_bytes(self) -> int:
        return _lib.wenshu_tokenizer_pending_bytes(self._live())

    def tokens(self) -> Iterator[Token]:
        """The tokens final so far; stops when more input is needed or the stream is done."""
        ptr, tok, ref = self._live(), self._token, ctypes.byref(self._token)
        next_ = _lib.wenshu_tokenizer_next
        string_at = ctypes.string_at
        while True:
            status = next_(ptr, ref)
            if status != 0:
                _check(status)
                return  # NEED_INPUT or DONE
            text = string_at(tok.text, tok.text_len).decode("utf-8", "surrogateescape")
            # norm is a second copy only when it differs from text (most tokens: it does not).
            norm = string_at(tok.norm, tok.norm_len).decode("utf-8", "surrogateescape") \
                if tok.flags & TOKEN_NORMALIZED else text
            yield Token(_kind_name(tok.kind), text, norm, tok.begin, tok.end, tok.cp_begin,
                        tok.cp_end, tok.flags)

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
    text mode), or an iterable of chunks. Memory stays bounded however large the source is."""
    with Tokenizer(dictionary, **options) as t:
        for chunk in _chunks(source, chunk_size):
            t.feed(chunk)
            yield from t.tokens()
        t.finish()
        yield from t.tokens()
