"""The register as a file: xlsx (checks, countries, events), csv (checks) or json (everything).

Spreadsheets are for people: headers, labels, reasons and country names in the chosen language,
and every text the user typed kept as text, so a title starting with ``=`` never becomes a
formula. In xlsx every text cell is written as a string. A CSV file has no types, and Excel runs a
cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) as a formula, so
such a cell gets a leading ``'`` (the OWASP advice), which Excel shows as text. An xlsx cell holds
at most 32,767 characters; a longer one is refused rather than cut, since a cut payload no longer
matches its hash. JSON keeps the exact text and the stable English codes: it is the format for
machines and for evidence. Times are stored in UTC and shown in local time; in xlsx they and
every date are real Excel dates. Each file is written atomically and an existing one needs
``force``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from hrtoets.countries import CountryResolver
from hrtoets.errors import InputError
from hrtoets.files import atomic_path
from hrtoets.messages import t
from hrtoets.register.labels import country_name, label
from hrtoets.register.model import CheckRecord, Event, EventKind, Status, group_checks
from hrtoets.register.store import Register
from hrtoets.spreadsheet import EXCEL_LIMITS, SAFE_WORKBOOK_OPTIONS, csv_cell

FORMATS: Final = (".xlsx", ".csv", ".json")
# A CSV cell starting with one of these is a formula to Excel (OWASP "CSV injection").
CHECK_COLUMNS: Final = (
    "id",
    "created_at",
    "officer",
    "department",
    "kind",
    "title",
    "partner",
    "countries",
    "planned_date",
    "answer",
    "advice_needed",
    "reasons",
    "status",
    "advice_requested_on",
    "advice_received_on",
    "advice_outcome",
    "decided_on",
    "decision",
    "decided_without_advice",
    "withdrawn",
    "agreements",
    "note",
)
COUNTRY_COLUMNS: Final = (
    "check_id",
    "query",
    "iso3",
    "region",
    "name",
    "edition",
    "score",
    "score_exact",
    "advice_needed",
    "reason",
    "borderline",
)
EVENT_COLUMNS: Final = (
    "seq",
    "recorded_at",
    "check_id",
    "event",
    "officer",
    "payload",
    "prev_hash",
    "hash",
)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written where."""

    path: Path
    format: str
    checks: int
    events: int


def _yes_no(value: bool, lang: str) -> str:
    return t("word.yes" if value else "word.no", lang)


def local_time(stamp: str) -> datetime | str:
    """A stored UTC time as the local wall-clock time Excel shows (no zone: Excel has none)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp  # not a time hrtoets wrote: shown as stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().replace(tzinfo=None)


def _day(value: str | None) -> date | str:
    """A stored ISO date as a date ("" when there is none; the text when it is not one)."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


def check_row(check: CheckRecord, lang: str, resolver: CountryResolver | None = None) -> list[Any]:
    """One check as a spreadsheet row, in the order of :data:`CHECK_COLUMNS`.

    Times are local ``datetime`` values and dates ``date`` values: real dates in Excel.
    """
    countries = "; ".join(
        f"{country_name(c, lang, resolver)} ({c.place or '?'})" for c in check.countries
    )
    return [
        check.id,
        local_time(check.created_at),
        check.officer,
        check.department,
        label("kind", check.kind.value, lang),
        check.title,
        check.partner,
        countries,
        _day(check.planned_date),
        label("answer", check.answer, lang),
        _yes_no(check.advice_needed, lang),
        "; ".join(label("reason", r, lang) for r in check.reasons),
        label("status", check.status.value, lang),
        _day(check.event_date(EventKind.ADVICE_REQUESTED)),
        _day(check.event_date(EventKind.ADVICE_RECEIVED)),
        label("outcome", check.advice_outcome, lang),
        _day(check.event_date(EventKind.DECIDED)),
        label("decision", check.decision, lang),
        _yes_no(check.decided_without_advice, lang),
        _yes_no(check.status is Status.WITHDRAWN, lang),
        check.agreements,
        check.note,
    ]


def _country_rows(checks: Sequence[CheckRecord], lang: str) -> list[list[Any]]:
    return [
        [
            check.id,
            c.query,
            c.iso3 or "",
            c.region or "",
            c.name or "",
            c.edition,
            c.score,
            c.score_exact,
            _yes_no(c.advice_needed, lang),
            label("reason", c.reason, lang),
            _yes_no(c.borderline, lang),
        ]
        for check in checks
        for c in check.countries
    ]


def _event_row(event: Event, lang: str) -> list[Any]:
    payload = json.dumps(dict(event.payload), ensure_ascii=False, sort_keys=True)
    return [
        event.seq,
        local_time(event.recorded_at),
        event.check_id,
        label("event", event.kind, lang),
        event.officer,
        payload,
        event.prev_hash,
        event.hash,
    ]


def _headers(columns: Sequence[str], lang: str) -> list[str]:
    return [t(f"register.col.{name}", lang) for name in columns]


Sheet = tuple[str, list[str], list[list[Any]]]  # name, headers, rows


def _write_sheet(book: Any, sheet: Sheet) -> None:
    name, headers, rows = sheet
    worksheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for col, header in enumerate(headers):
        worksheet.write_string(0, col, header, bold)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                worksheet.write_datetime(r, col, value, moment)
            elif isinstance(value, date):
                worksheet.write_datetime(r, col, value, day)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                worksheet.write_number(r, col, value)
            else:
                worksheet.write_string(r, col, str(value))  # user text stays text, never a formula
    worksheet.freeze_panes(1, 0)


def _refuse_long_cells(path: Path, sheets: Sequence[Sheet]) -> None:
    """Refuse before writing: xlsxwriter would silently cut a cell past Excel's limit."""
    for name, headers, rows in sheets:
        for r, row in enumerate(rows, start=2):  # row 1 holds the headers
            for header, value in zip(headers, row, strict=True):
                if isinstance(value, str) and len(value) > EXCEL_LIMITS.cell:
                    raise InputError(
                        "register.export_cell_too_long",
                        path=path,
                        sheet=name,
                        row=r,
                        column=header,
                        length=len(value),
                        limit=EXCEL_LIMITS.cell,
                    )


def _xlsx(
    path: Path, target: Path, checks: list[CheckRecord], events: list[Event], lang: str
) -> None:
    import xlsxwriter

    resolver = CountryResolver()
    sheets: list[Sheet] = [
        (
            t("register.sheet.checks", lang),
            _headers(CHECK_COLUMNS, lang),
            [check_row(c, lang, resolver) for c in checks],
        ),
        (
            t("register.sheet.countries", lang),
            _headers(COUNTRY_COLUMNS, lang),
            _country_rows(checks, lang),
        ),
        (
            t("register.sheet.events", lang),
            _headers(EVENT_COLUMNS, lang),
            [_event_row(e, lang) for e in events],
        ),
    ]
    _refuse_long_cells(target, sheets)
    book = xlsxwriter.Workbook(str(path), SAFE_WORKBOOK_OPTIONS)
    for sheet in sheets:
        _write_sheet(book, sheet)
    book.close()


def _csv(path: Path, checks: list[CheckRecord], lang: str) -> None:
    """CSV as Belgian Excel opens it by a double click: ``;`` between fields (the list separator
    of a Dutch or French Windows), UTF-8 with a BOM (else Excel reads ``België`` as ``BelgiÃ«``),
    every field quoted, so that a ``;`` inside a note never starts a new cell, and every field that
    Excel would run as a formula prefixed with ``'``.
    """
    resolver = CountryResolver()
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL)
        writer.writerow(_headers(CHECK_COLUMNS, lang))
        writer.writerows([csv_cell(_text(v)) for v in check_row(c, lang, resolver)] for c in checks)


def _text(value: Any) -> Any:
    """A CSV field: dates as ISO text (2026-03-31, 2026-03-31 14:05:00), which Excel reads."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json(path: Path, checks: list[CheckRecord], events: list[Event]) -> None:
    data = {
        "checks": [c.to_json(events=True) for c in checks],
        "head_hash": events[-1].hash if events else None,
        "events": len(events),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def export_register(
    register: Register, path: Path, *, lang: str, force: bool = False
) -> ExportResult:
    """Write every check and event to ``path``; the suffix chooses the format."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError("register.export_format", path=path, formats=", ".join(FORMATS))
    events = register.events()  # one read: the checks are rebuilt from the same events
    checks = group_checks(events)
    with atomic_path(path, force=force) as tmp:
        if suffix == ".xlsx":
            _xlsx(tmp, path, checks, events, lang)
        elif suffix == ".csv":
            _csv(tmp, checks, lang)
        else:
            _json(tmp, checks, events)
    return ExportResult(path, suffix.lstrip("."), len(checks), len(events))
