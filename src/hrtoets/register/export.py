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
``force``. The register is read as the file is written, a chunk of rows at a time, in one
transaction: an export of 100,000 checks holds a few of them in memory, never all.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from hrtoets.countries import CountryResolver
from hrtoets.errors import InputError
from hrtoets.files import atomic_path, scratch_folder
from hrtoets.jsontext import array_pieces, dumps
from hrtoets.messages import t
from hrtoets.register.labels import country_name, label
from hrtoets.register.model import CheckRecord, CountryScreening, Event, EventKind, Status
from hrtoets.register.store import Reading, Register
from hrtoets.spreadsheet import (
    EXCEL_LIMITS,
    STREAMING_WORKBOOK_OPTIONS,
    close_workbook,
    csv_cell,
    csv_cells,
)

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
    if not isinstance(value, str):  # edited behind our back: shown as stored
        return str(value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


_KEPT: Final = 4096  # entries a _Rows memo keeps before it starts again: memory stays bounded


class _Rows:
    """The rows of one export in one language, in the order of the column tuples above.

    For xlsx, times are local ``datetime`` values and dates ``date`` values: real dates in
    Excel. For CSV (``csv=True``) every cell is its text as the file holds it: dates and times in
    ISO, and a text Excel would run as a formula neutralised (:func:`csv_cell`). A register of
    100,000 checks repeats a few hundred places, labels, dates and (a batch's checks share
    theirs) times, so each such cell is worked out once per export, in its final form, and kept
    in a bounded memo; only the texts people typed are made ready row by row.
    """

    def __init__(self, lang: str, *, csv: bool = False) -> None:
        self._lang = lang
        self._resolver = CountryResolver()
        self._cell: Any = _csv_text if csv else _as_is
        self._typed: Any = csv_cell if csv else _as_is
        self._yes, self._no = self._cell(t("word.yes", lang)), self._cell(t("word.no", lang))
        # Keys start with what they are: ("label", group, code), ("time", stored),
        # ("countries", *ids), ("coded", *codes and dates): dates and reasons are in the last.
        self._memo: dict[tuple[Any, ...], Any] = {}

    def _remembered(self, key: tuple[Any, ...], make: Any, *args: Any) -> Any:
        """``make(*args)``, worked out once per ``key``."""
        try:
            return self._memo[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable value where a code belongs: edited behind our back
            return make(*args)
        if len(self._memo) >= _KEPT:
            self._memo.clear()
        found = self._memo[key] = make(*args)
        return found

    def _kept(self, key: tuple[Any, ...], make: Any, *args: Any) -> Any:
        """The cell ``make(*args)`` in its final form, worked out once per ``key``."""
        return self._remembered(key, self._final, make, *args)

    def _final(self, make: Any, *args: Any) -> Any:
        return self._cell(make(*args))

    def _label(self, group: str, value: str | None) -> Any:
        return self._kept(("label", group, value), label, group, value, self._lang)

    def _time(self, stamp: str) -> Any:
        return self._kept(("time", stamp), local_time, stamp)

    def _day(self, value: str | None) -> Any:
        return self._cell(_day(value))

    def _yes_no(self, value: bool) -> Any:
        return self._yes if value else self._no

    def _reasons(self, codes: tuple[str, ...]) -> Any:
        return self._cell("; ".join(label("reason", code, self._lang) for code in codes))

    def _countries(self, check: CheckRecord) -> Any:
        # By the countries' identity (a register's equal countries are read as one object,
        # :meth:`CountryScreening.from_json`): exact, and the memo keeps them alive, so no id
        # is reused while its entry lasts.
        key = ("countries", *map(id, check.countries))
        kept: tuple[Any, Any] = self._remembered(key, self._countries_text, check.countries)
        return kept[1]

    def _countries_text(
        self, countries: tuple[CountryScreening, ...]
    ) -> tuple[tuple[CountryScreening, ...], Any]:
        lang, resolver = self._lang, self._resolver
        names = (f"{country_name(c, lang, resolver)} ({c.place or '?'})" for c in countries)
        return countries, self._cell("; ".join(names))

    def check(self, check: CheckRecord) -> list[Any]:
        """One check, in the order of :data:`CHECK_COLUMNS`."""
        life = check.lifecycle()
        dates = life.dates
        coded = (
            check.kind.value,
            check.planned_date,
            check.answer,
            check.advice_needed,
            check.reasons,
            life.status,
            dates.get(EventKind.ADVICE_REQUESTED),
            dates.get(EventKind.ADVICE_RECEIVED),
            life.advice_outcome,
            dates.get(EventKind.DECIDED),
            life.decision,
            life.decided_without_advice,
        )
        cells = self._remembered(("coded", *coded), self._coded, coded)
        (kind, planned, answer, advice, reasons, status, requested, received, outcome, decided,
         decision, without_advice, withdrawn) = cells  # fmt: skip
        typed = self._typed
        return [
            check.id,
            self._time(check.created_at),
            typed(check.officer),
            typed(check.department),
            kind,
            typed(check.title),
            typed(check.partner),
            self._countries(check),
            planned,
            answer,
            advice,
            reasons,
            status,
            requested,
            received,
            outcome,
            decided,
            decision,
            without_advice,
            withdrawn,
            life.agreements,
            typed(check.note),
        ]

    def _coded(self, coded: tuple[Any, ...]) -> tuple[Any, ...]:
        """The cells of a check that follow from its codes and dates alone (a register's
        checks share a few hundred such sets), in the order :meth:`check` places them."""
        (kind, planned, answer, advice_needed, reasons, status, requested, received, outcome,
         decided, decision, without_advice) = coded  # fmt: skip
        return (
            self._label("kind", kind),
            self._day(planned),
            self._label("answer", answer),
            self._yes_no(advice_needed),
            self._reasons(reasons),
            self._label("status", status.value),
            self._day(requested),
            self._day(received),
            self._label("outcome", outcome),
            self._day(decided),
            self._label("decision", decision),
            self._yes_no(without_advice),
            self._yes_no(status is Status.WITHDRAWN),
        )

    def countries(self, check: CheckRecord) -> list[list[Any]]:
        """Its countries, one row each, in the order of :data:`COUNTRY_COLUMNS`."""
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
                self._yes_no(c.advice_needed),
                self._label("reason", c.reason),
                self._yes_no(c.borderline),
            ]
            for c in check.countries
        ]

    def event(self, event: Event) -> list[Any]:
        """One event, in the order of :data:`EVENT_COLUMNS`."""
        payload = json.dumps(dict(event.payload), ensure_ascii=False, sort_keys=True)
        return [
            event.seq,
            self._time(event.recorded_at),
            event.check_id,
            self._label("event", event.kind),
            event.officer,
            payload,
            event.prev_hash,
            event.hash,
        ]


def _headers(columns: Sequence[str], lang: str) -> list[str]:
    return [t(f"register.col.{name}", lang) for name in columns]


class _Sheet:
    """One worksheet written a row at a time (xlsxwriter's constant-memory mode): dates and
    times as Excel dates, numbers as numbers, every other value as a string, never a formula;
    a text longer than a cell holds is refused, since a cut payload no longer matches its hash."""

    def __init__(self, book: Any, name: str, headers: list[str], target: Path) -> None:
        self._sheet = book.add_worksheet(name)
        self._name, self._headers, self._target = name, headers, target
        self._day = book.add_format({"num_format": "yyyy-mm-dd"})
        self._moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        bold = book.add_format({"bold": True})
        for col, header in enumerate(headers):
            self._sheet.write_string(0, col, header, bold)
        self._sheet.freeze_panes(1, 0)
        self.rows = 0

    def add(self, row: Sequence[Any]) -> None:
        self.rows += 1
        r, sheet = self.rows, self._sheet
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                sheet.write_datetime(r, col, value, self._moment)
            elif isinstance(value, date):
                sheet.write_datetime(r, col, value, self._day)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(r, col, value)
            else:
                text = str(value)
                if len(text) > EXCEL_LIMITS.cell:
                    raise self._too_long(r, col, text)
                sheet.write_string(r, col, text)  # user text stays text, never a formula

    def _too_long(self, row: int, col: int, text: str) -> InputError:
        return InputError(
            "register.export_cell_too_long",
            path=self._target,
            sheet=self._name,
            row=row + 1,  # row 1 holds the headers
            column=self._headers[col],
            length=len(text),
            limit=EXCEL_LIMITS.cell,
        )


@dataclass(slots=True)
class _Counts:
    checks: int = 0
    events: int = 0
    head_hash: str | None = None
    last_seq: int = 0

    def add(self, check: CheckRecord) -> None:
        """Count a check and its events; the chain's head is the event with the last position."""
        self.checks += 1
        self.events += len(check.events)
        for event in check.events:
            if event.seq > self.last_seq:
                self.last_seq, self.head_hash = event.seq, event.hash


def _xlsx(path: Path, target: Path, reading: Reading, lang: str) -> _Counts:
    """Checks and their countries in one pass over the checks, then the events in chain order."""
    import xlsxwriter

    rows = _Rows(lang)
    counts = _Counts()
    with scratch_folder(target) as scratch:
        options = {**STREAMING_WORKBOOK_OPTIONS, "tmpdir": str(scratch)}
        book = xlsxwriter.Workbook(str(path), options)
        try:
            checks = _Sheet(
                book, t("register.sheet.checks", lang), _headers(CHECK_COLUMNS, lang), target
            )
            countries = _Sheet(
                book, t("register.sheet.countries", lang), _headers(COUNTRY_COLUMNS, lang), target
            )
            events = _Sheet(
                book, t("register.sheet.events", lang), _headers(EVENT_COLUMNS, lang), target
            )
            for check in reading.checks():
                counts.add(check)
                checks.add(rows.check(check))
                for row in rows.countries(check):
                    countries.add(row)
            for event in reading.events():
                events.add(rows.event(event))
        finally:  # also on an error: constant_memory keeps each sheet in an open temporary file
            close_workbook(book, path, shown=target)
    return counts


def _csv(path: Path, reading: Reading, lang: str) -> _Counts:
    """CSV as Belgian Excel opens it by a double click: ``;`` between fields (the list separator
    of a Dutch or French Windows), UTF-8 with a BOM (else Excel reads ``België`` as ``BelgiÃ«``),
    every field quoted, so that a ``;`` inside a note never starts a new cell, and every field that
    Excel would run as a formula prefixed with ``'``.
    """
    rows = _Rows(lang, csv=True)
    counts = _Counts()
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL)
        writer.writerow(csv_cells(_headers(CHECK_COLUMNS, lang)))
        for check in reading.checks():
            counts.add(check)
            writer.writerow(rows.check(check))
    return counts


def _as_is(value: Any) -> Any:
    return value


def _csv_text(value: Any) -> Any:
    """A cell as CSV holds it: a date or time as ISO text (2026-03-31, 2026-03-31 14:05:00),
    which Excel reads, and a text Excel would run as a formula neutralised."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return csv_cell(value)


def _json(path: Path, reading: Reading) -> _Counts:
    """``{"checks": [...], "head_hash": ..., "events": n}``, written a check at a time: the same
    text ``json.dumps(…, indent=2)`` gives for the whole document (:mod:`hrtoets.jsontext`)."""
    counts = _Counts()

    def checks() -> Iterator[dict[str, Any]]:
        for check in reading.checks():
            counts.add(check)
            yield check.to_json(events=True)

    with path.open("w", encoding="utf-8") as out:
        out.write('{\n  "checks": ')
        for piece in array_pieces(checks(), depth=1):
            out.write(piece)
        head = dumps(counts.head_hash)
        out.write(f',\n  "head_hash": {head},\n  "events": {counts.events}\n}}\n')
    return counts


def export_register(
    register: Register, path: Path, *, lang: str, force: bool = False
) -> ExportResult:
    """Write every check and event to ``path``; the suffix chooses the format.

    The register is read in one transaction, streaming (:meth:`Register.reading`): memory stays
    bounded however many checks it holds.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError("register.export_format", path=path, formats=", ".join(FORMATS))
    with register.reading() as reading, atomic_path(path, force=force) as tmp:
        if suffix == ".xlsx":
            counts = _xlsx(tmp, path, reading, lang)
        elif suffix == ".csv":
            counts = _csv(tmp, reading, lang)
        else:
            counts = _json(tmp, reading)
    return ExportResult(path, suffix.lstrip("."), counts.checks, counts.events)
