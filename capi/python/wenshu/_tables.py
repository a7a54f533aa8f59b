"""Tables of reports: any list of a "wenshu.report/1" dict (quantities, changes, dates, targets,
repairs, flags, checks, sections, and lists later versions add) as rows with the document's metadata,
and as a pandas DataFrame when pandas is installed (optional: nothing here imports it until asked)."""

from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, List, Mapping, Union

Reports = Union[Mapping[str, Any], Iterable[Mapping[str, Any]]]

# The columns every row starts with: which document it comes from and what the document is.
_META = ("doc_name", "doc_id", "doc_line", "doc_title", "doc_kind", "doc_issuer", "doc_period")


def _meta(report: Mapping[str, Any]) -> Dict[str, Any]:
    source = report.get("source") or {}
    period = report.get("period")
    return {
        "doc_name": source.get("name", ""),
        "doc_id": source.get("id", ""),
        "doc_line": source.get("line", 0),
        "doc_title": report.get("title"),
        "doc_kind": report.get("kind"),
        "doc_issuer": report.get("issuer"),
        "doc_period": period.get("text") if isinstance(period, Mapping) else period,
    }


def _reports(reports: Reports) -> Iterator[Mapping[str, Any]]:
    if isinstance(reports, Mapping):
        yield reports
    else:
        yield from reports


def _sections(items: List[Any], path: List[int]) -> Iterator[Dict[str, Any]]:
    """Sections depth-first, each with its path of indices (section [0, 1] = the second child of the
    first top-level section, as facts' "section" name it) and without its children."""
    for i, s in enumerate(items):
        here = path + [i]
        row = {k: v for k, v in s.items() if k != "children"}
        row["section"] = here
        yield row
        yield from _sections(s.get("children") or [], here)


def table(reports: Reports, name: str) -> List[Dict[str, Any]]:
    """The rows of list `name` of each report (a dict, or an iterable of them such as parse_jsonl's),
    each a dict of the item's fields after the document's doc_* metadata. Sections are flattened
    depth-first with their "section" path. A report without that list contributes no rows.

    >>> r = wenshu.parse("全区有在校学生26341人，比上年增长3.5%。", name="a.txt")
    >>> [(row["doc_name"], row["text"]) for row in wenshu.table(r, "quantities")]
    [('a.txt', '26341人')]
    """
    rows: List[Dict[str, Any]] = []
    for report in _reports(reports):
        items = report.get(name)
        if not isinstance(items, list):
            continue
        meta = _meta(report)
        for item in (_sections(items, []) if name == "sections" else items):
            row = dict(meta)
            row.update(item if isinstance(item, Mapping) else {"value": item})
            rows.append(row)
    return rows


def dataframe(reports: Reports, name: str) -> Any:
    """table(reports, name) as a pandas DataFrame (the doc_* columns first). Needs pandas.

    >>> wenshu.dataframe(wenshu.parse("全区有在校学生26341人。"), "quantities")[["text", "value"]]
         text  value
    0  26341人  26341
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError("wenshu.dataframe needs pandas (pip install pandas, or apt-get install "
                          "python3-pandas); wenshu.table gives the same rows as dicts") from e
    rows = table(reports, name)
    columns = list(_META)
    for row in rows:
        columns += [k for k in row if k not in columns]
    return pandas.DataFrame(rows, columns=columns)


def _table_or_frame(reports: Reports, name: str, frame: bool) -> Any:
    return dataframe(reports, name) if frame else table(reports, name)


def facts(reports: Reports, frame: bool = False) -> Any:
    """Every quantity, change and date of the reports, one row each with "fact" saying which (in the
    document's order), as dicts or (frame=True) a DataFrame.

    >>> [(f["fact"], f["text"]) for f in wenshu.facts(wenshu.parse("2023年全区有在校学生26341人。"))]
    [('date', '2023年'), ('quantity', '26341人')]
    """
    rows: List[Dict[str, Any]] = []
    for report in _reports(reports):
        mine: List[Dict[str, Any]] = []
        for name, fact in (("quantities", "quantity"), ("changes", "change"), ("dates", "date")):
            for row in table(report, name):
                row["fact"] = fact
                mine.append(row)
        mine.sort(key=lambda r: tuple(r.get("span") or (0, 0)))
        rows += mine
    if not frame:
        return rows
    import importlib
    pandas = importlib.import_module("pandas")
    columns = list(_META) + ["fact"]
    for row in rows:
        columns += [k for k in row if k not in columns]
    return pandas.DataFrame(rows, columns=columns)


def changes(reports: Reports, frame: bool = False) -> Any:
    """The changes (增长3.5%, 较上年增加304人) of the reports, as rows or a DataFrame."""
    return _table_or_frame(reports, "changes", frame)


def dates(reports: Reports, frame: bool = False) -> Any:
    """The dates and periods of the reports, as rows or a DataFrame."""
    return _table_or_frame(reports, "dates", frame)


def targets(reports: Reports, frame: bool = False) -> Any:
    """The targets (goals for the coming period) of the reports, as rows or a DataFrame; none from
    a report that has no "targets" list."""
    return _table_or_frame(reports, "targets", frame)


def repairs(reports: Reports, frame: bool = False) -> Any:
    """The repairs of the reports (rule, span, before, after, confidence, reason), as rows or a
    DataFrame."""
    return _table_or_frame(reports, "repairs", frame)


def sections(reports: Reports, frame: bool = False) -> Any:
    """The sections of the reports at every level, depth-first with their "section" path, as rows
    or a DataFrame."""
    return _table_or_frame(reports, "sections", frame)
