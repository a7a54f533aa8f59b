"""Tables of reports: any list of a "wenshu.report/1" dict (quantities, changes, dates, targets,
repairs, flags, checks, sections, and lists later versions add) as rows with the document's metadata,
and as a pandas DataFrame when pandas is installed (optional: nothing here imports it until asked)."""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Tuple, Union

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
    depth-first with their "section" path. A report without that list contributes no rows; a name no
    report has (a typo: every report has all its lists, if empty) raises ValueError listing them.

    >>> r = wenshu.parse("全区有在校学生26341人，比上年增长3.5%。", name="a.txt")
    >>> [(row["doc_name"], row["text"]) for row in wenshu.table(r, "quantities")]
    [('a.txt', '26341人')]
    """
    return _rows(reports, name, check_name=True)


def _is_table(value: Any) -> bool:
    """A list of items (quantities, sections...), not a span such as title_span ([begin, end])."""
    return isinstance(value, list) and all(isinstance(item, Mapping) for item in value)


def _rows(reports: Reports, name: str, check_name: bool) -> List[Dict[str, Any]]:
    """table()'s rows; check_name: a name no report has is a caller's typo (the functions below pass
    schema names, and an older report without, say, "targets" simply has no rows)."""
    rows: List[Dict[str, Any]] = []
    lists: Dict[str, None] = {}  # the list names the reports have, for a misspelt name's error
    found = False
    for report in _reports(reports):
        items = report.get(name)
        if not _is_table(items):
            lists.update((k, None) for k, v in report.items() if _is_table(v))
            continue
        found = True
        meta = _meta(report)
        for item in (_sections(items, []) if name == "sections" else items):
            row = dict(meta)
            row.update(item if isinstance(item, Mapping) else {"value": item})
            rows.append(row)
    if check_name and lists and not found:  # every report has all its lists, if empty: a typo
        raise ValueError(f"no report has a list {name!r}; the lists are: {', '.join(sorted(lists))}")
    return rows


def dataframe(reports: Reports, name: str) -> Any:
    """table(reports, name) as a pandas DataFrame (the doc_* columns first). Needs pandas.

    >>> wenshu.dataframe(wenshu.parse("全区有在校学生26341人。"), "quantities")[["text", "value"]]
         text  value
    0  26341人  26341
    """
    return _frame(table(reports, name))


def _frame(rows: List[Dict[str, Any]]) -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError("wenshu.dataframe needs pandas (pip install pandas, or apt-get install "
                          "python3-pandas); wenshu.table gives the same rows as dicts") from e
    columns = list(_META)
    for row in rows:
        columns += [k for k in row if k not in columns]
    return pandas.DataFrame(rows, columns=columns)


def _table_or_frame(reports: Reports, name: str, frame: bool) -> Any:
    rows = _rows(reports, name, False)
    return _frame(rows) if frame else rows


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
            for row in _rows(report, name, False):
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


# ---------------------------------------------------------------------------------------------------
# Targets tables: the same three tables as `wenshu targets` (docs/targets.md), from report dicts.

# The canonical ids in the documented order (docs/schema.md): the wide table's columns.
VOCABULARY = (
    "gdp_growth", "cpi", "urban_new_jobs", "urban_unemployment_surveyed", "urban_unemployment_registered",
    "fiscal_revenue_growth", "fixed_asset_investment_growth", "retail_sales_growth",
    "industrial_value_added_growth", "foreign_trade_growth", "resident_income_growth", "urban_income_growth",
    "rural_income_growth", "grain_output", "energy_intensity", "carbon_intensity", "rd_intensity",
    "rd_spending_growth", "urbanization_rate", "pm25", "primary_industry_growth", "secondary_industry_growth",
    "tertiary_industry_growth", "poverty_reduction", "fiscal_deficit_ratio", "m2_growth")
# The met/missed rule (docs/targets.md), as the command applies it.
_LOWER_IS_BETTER = {"cpi", "urban_unemployment_surveyed", "urban_unemployment_registered",
                    "fiscal_deficit_ratio", "pm25"}
AROUND_TOLERANCE = 0.02  # 左右 / no qualifier: 2% of the figure (0.1 point of a 5% target)
_FLOOR = {"以上", "不低于", "超过", "不少于", "高于"}
_CEILING = {"以内", "以下", "不超过", "不高于", "低于"}


def _num(v: Any) -> str:
    return "" if v is None else str(v)


def _doc(report: Mapping[str, Any]) -> Dict[str, Any]:
    source = report.get("source") or {}
    doc = source.get("id") or source.get("name", "")
    if not source.get("id") and source.get("line"):
        doc += ":" + str(source["line"])
    period = report.get("period") or {}
    year = None if period.get("year_masked") else period.get("year")
    row = {"document": doc, "title": report.get("title") or "", "issuer": report.get("issuer") or "",
           "year": year}
    meta = source.get("meta") or {}
    for k, v in (meta.items() if isinstance(meta, Mapping) else meta):
        row.setdefault("corpus_" + k if k in _FIXED_COLUMNS else k, v)
    return row


# A corpus column named like a column of the tables (its own title, year) is given as corpus_<name>.
_FIXED_COLUMNS = {"document", "title", "issuer", "year", "report_year", "indicator", "canonical", "value", "upper",
                  "unit", "qualifier", "kind", "tier", "text", "begin", "end"}


def _cell(t: Mapping[str, Any]) -> str:
    if t.get("value") is None:
        return ""
    v = _num(t["value"]) + ("-" + _num(t["upper"]) if t.get("upper") is not None else "")
    return v + (t.get("unit") or "") + (t.get("qualifier") or "")


def _rows_or_frame(rows: List[Dict[str, Any]], frame: bool) -> Any:
    if not frame:
        return rows
    try:
        import pandas
    except ImportError as e:
        raise ImportError("frame=True needs pandas (pip install pandas, or apt-get install python3-pandas)") from e
    columns: List[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    return pandas.DataFrame(rows, columns=columns)


def targets_wide(reports: Reports, frame: bool = False) -> Any:
    """One row per report, one column per canonical indicator present (in the vocabulary's order), the
    cell as `wenshu targets` writes it (5%左右, 4.5-5%, 12000000人以上): the document x indicator table."""
    docs = list(_reports(reports))
    present = [c for c in VOCABULARY
               if any(t.get("canonical") == c and t.get("value") is not None and t.get("tier") == "main"
                      for d in docs for t in d.get("targets") or [])]
    rows = []
    for d in docs:
        row = _doc(d)
        for c in present:
            row[c] = next((_cell(t) for t in d.get("targets") or []
                           if t.get("canonical") == c and t.get("value") is not None and t.get("tier") == "main"), "")
        rows.append(row)
    return _rows_or_frame(rows, frame)


def targets_long(reports: Reports, frame: bool = False) -> Any:
    """One row per target: the document's id, title, issuer, year (report_year) and corpus fields, then
    indicator, canonical, value, upper, unit, qualifier, kind, tier, year, text, begin, end."""
    rows = []
    for d in _reports(reports):
        meta = _doc(d)
        base = {"document": meta.pop("document"), "title": meta.pop("title"), "issuer": meta.pop("issuer"),
                "report_year": meta.pop("year")}
        base.update(meta)
        for t in d.get("targets") or []:
            row = dict(base)
            for k in ("indicator", "canonical", "value", "upper", "unit", "qualifier", "kind", "tier", "year",
                      "text"):
                row[k] = t.get(k)
            row["begin"], row["end"] = t["span"]
            rows.append(row)
    return _rows_or_frame(rows, frame)


_SEVERAL_YEARS = ("五年", "年均", "累计", "十一五", "十二五", "十三五", "十四五", "十五五", "以来", "多年", "历史")
_CONTEXT_BYTES = 160
_YEAR = re.compile(rb"(?<![0-9])([0-9]{4})\xe5\xb9\xb4")  # 2024年


def _context_before(report: Mapping[str, Any], text: bytes, original: int) -> bytes:
    """The repaired text before a fact in its sentence (at most 160 bytes), as the command reads it."""
    shift = 0
    for r in report.get("repairs") or []:
        if r["span"][1] > original:
            break
        shift += len(r["after"].encode("utf-8", "surrogateescape")) - (r["span"][1] - r["span"][0])
    end = min(max(original + shift, 0), len(text))
    begin = max(end - _CONTEXT_BYTES, 0)
    for stop in ("。", "！", "？", "；", "\n"):
        at = text.rfind(stop.encode("utf-8"), 0, end)
        if at >= 0 and at + len(stop.encode("utf-8")) > begin:
            begin = at + len(stop.encode("utf-8"))
    return text[begin:end]


_ONE_YEAR = ("过去一年", "去年", "全年", "一年来", "上年")


def _for_year(context: bytes, year: int, explicit_year: bool) -> bool:
    if any(w.encode("utf-8") in context for w in _SEVERAL_YEARS):
        return False
    named = any(w.encode("utf-8") in context for w in _ONE_YEAR) or (str(year) + "年").encode("utf-8") in context
    if explicit_year and not named:
        return False
    at = context.find("年".encode("utf-8"))
    while at >= 0:
        digits = context[at - 4:at] if at >= 4 else b""
        if len(digits) == 4 and digits.isdigit() and int(digits) != year:
            return False
        at = context.find("年".encode("utf-8"), at + 1)
    return True


def _actuals(report: Mapping[str, Any]) -> List[Dict[str, Any]]:
    sections = report.get("sections") or []
    text = (report.get("text") or "").encode("utf-8", "surrogateescape")
    period = report.get("period") or {}
    reviewed = (period.get("year") or 0) - 1 if not period.get("year_masked") else -1

    def for_year(fact: Mapping[str, Any]) -> bool:
        heading = sections[fact["section"][0]].get("heading") or ""
        several = any(w in heading for w in _SEVERAL_YEARS)
        return _for_year(_context_before(report, text, fact["span"][0]), reviewed, several)

    def in_review(path: Any) -> bool:
        return bool(path) and path[0] < len(sections) and sections[path[0]].get("role") == "review"

    out = []
    for c in report.get("changes") or []:
        if (c.get("role") == "actual" and c.get("canonical", "other") != "other" and in_review(c.get("section"))
                and for_year(c)):
            out.append(dict(c, change=True))
    for q in report.get("quantities") or []:
        if (q.get("role") == "actual" and q.get("canonical", "other") != "other" and in_review(q.get("section"))
                and for_year(q)):
            out.append(dict(q, change=False))
    out.sort(key=lambda a: a["span"][0])
    return out


def _match_actual(t: Mapping[str, Any], actuals: List[Dict[str, Any]]) -> Any:
    rate = t["kind"] in ("growth", "reduction")
    for a in actuals:
        if a.get("canonical") != t["canonical"]:
            continue
        if rate:
            if a.get("unit") != "%":
                continue
            if a["change"]:
                with_target = (a.get("direction") == "increase") == (t["kind"] == "growth")
                return a, float(a["value"]) if with_target else -float(a["value"])
            if t["kind"] == "growth" and any(w in (a.get("subject") or "") for w in ("涨幅", "增幅", "增速", "增长率")):
                return a, float(a["value"])
            continue
        if a["change"] or (a.get("unit") or "") != (t.get("unit") or ""):
            continue
        return a, float(a["value"])
    return None, None


def judge(target: Mapping[str, Any], actual: float) -> Tuple[str, str]:
    """("met" or "missed", the rule the actual was held to) for a target dict and an actual value, by
    the rule of docs/targets.md (the command's)."""
    low = float(target["value"])
    high = float(target["upper"]) if target.get("upper") is not None else low
    q = target.get("qualifier") or ""
    lower_better = target.get("canonical") in _LOWER_IS_BETTER or q in _CEILING
    fmt = lambda x: "%.10g" % x  # noqa: E731
    if q in _FLOOR:
        return ("met" if actual >= low else "missed"), ">= " + fmt(low)
    if q in _CEILING:
        return ("met" if actual <= high else "missed"), "<= " + fmt(high)
    if target.get("upper") is not None:
        if lower_better:
            return ("met" if actual <= high else "missed"), "<= " + fmt(high)
        return ("met" if actual >= low else "missed"), ">= " + fmt(low)
    slack = abs(low) * AROUND_TOLERANCE
    if lower_better:
        return ("met" if actual <= low + slack else "missed"), "<= " + fmt(low + slack)
    return ("met" if actual >= low - slack else "missed"), ">= " + fmt(low - slack)


def targets_compare(reports: Reports, frame: bool = False) -> Any:
    """Target vs actual for each issuer's series of reports: the target for year Y (from the report of
    year Y) beside the actual for Y (the first matching figure of the review in the report of year Y+1),
    with status met, missed or unknown. Rows are ordered by issuer, then year, as the command's."""
    series: Dict[str, Dict[int, Any]] = {}
    for d in _reports(reports):
        meta = _doc(d)
        if meta["year"] is not None:
            series.setdefault(meta["issuer"], {}).setdefault(meta["year"], (meta, d, _actuals(d)))
    rows = []
    for issuer in sorted(series, key=lambda s: s.encode("utf-8")):
        years = series[issuer]
        for year in sorted(years):
            meta, d, _ = years[year]
            seen = set()
            for t in d.get("targets") or []:
                if t.get("value") is None or t["canonical"] == "other" or t.get("tier") != "main":
                    continue
                if t["canonical"] in seen:
                    continue
                seen.add(t["canonical"])
                for_year = t.get("year") or year
                nxt = years.get(for_year + 1)
                a, actual = _match_actual(t, nxt[2]) if nxt else (None, None)
                status, rule = judge(t, actual) if actual is not None else ("unknown", "")
                rows.append({
                    "issuer": issuer, "year": for_year, "canonical": t["canonical"], "indicator": t["indicator"],
                    "target": _cell(t), "value": t["value"], "upper": t.get("upper"), "unit": t.get("unit"),
                    "qualifier": t.get("qualifier"), "kind": t["kind"], "actual": actual,
                    "actual_text": a["text"] if a else None, "status": status, "rule": rule,
                    "target_document": meta["document"], "actual_document": nxt[0]["document"] if nxt else None,
                    "target_begin": t["span"][0], "target_end": t["span"][1],
                    "actual_begin": a["span"][0] if a else None, "actual_end": a["span"][1] if a else None})
    return _rows_or_frame(rows, frame)
