"""Import the WJP historical data workbook into the project's own index format.

WJP renames and re-spaces headers between editions ("Factor 3: Open Government ", "3.1. Publicized
laws …"), so columns are matched by meaning: a normalised header and a pattern per column. The
workbook is validated before anything is written: scores in 0..1, a country code per row, one row
per country and edition, year labels that parse.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from hrtoets.errors import InputFileError, OutputExistsError, WorkbookError
from hrtoets.files import sha256_file
from hrtoets.index.csvfile import CSV_NAME, write_index
from hrtoets.index.model import IndexEntry, IndexMeta, edition_year
from hrtoets.spreadsheet import NotAWorkbook, OverLimit, check_workbook, over_limit

SHEET: Final = "historical data"
_HEADER_SCAN_ROWS: Final = 10
_ISO3: Final = re.compile(r"^[A-Z]{3}$")
_FIELDS: Final = {
    "country": re.compile(r"^country$"),
    "edition": re.compile(r"^(year|edition)$"),
    "iso3": re.compile(r"^country code$"),
    "region": re.compile(r"^region$"),
    "overall": re.compile(r"overall score$"),
}
_FACTOR: Final = re.compile(r"^factor (\d)\b")
_SUBFACTOR: Final = re.compile(r"^(\d)\.(\d)\.?(\s|$)")
REQUIRED: Final = (
    "Country",
    "Year",
    "Country Code",
    "Overall Score",
    *(f"Factor {n}" for n in range(1, 9)),
)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import produced, before or after it is written."""

    entries: tuple[IndexEntry, ...]
    subfactor_codes: tuple[str, ...]
    meta: IndexMeta


def _norm(header: object) -> str:
    return re.sub(r"\s+", " ", str(header or "")).strip().lower()


@dataclass(frozen=True, slots=True)
class _Columns:
    base: dict[str, int]
    factors: tuple[int, ...]
    subfactors: tuple[tuple[str, int], ...]


def match_columns(header: Sequence[object]) -> _Columns:
    """Map the workbook's headers to our fields; name every required one that is missing."""
    base: dict[str, int] = {}
    factors: dict[int, int] = {}
    subs: dict[str, int] = {}
    for index, raw in enumerate(header):
        text = _norm(raw)
        for field, pattern in _FIELDS.items():
            if field not in base and pattern.search(text):
                base[field] = index
        if (m := _FACTOR.match(text)) and int(m.group(1)) not in factors:
            factors[int(m.group(1))] = index
        elif (m := _SUBFACTOR.match(text)) and f"{m.group(1)}.{m.group(2)}" not in subs:
            subs[f"{m.group(1)}.{m.group(2)}"] = index
    missing = [
        name
        for name, key in zip(REQUIRED[:4], ("country", "edition", "iso3", "overall"), strict=True)
        if key not in base
    ]
    missing += [f"Factor {n}" for n in range(1, 9) if n not in factors]
    if missing:
        raise WorkbookError("import.missing_columns", columns=", ".join(missing))
    ordered = sorted(subs.items(), key=lambda kv: tuple(int(p) for p in kv[0].split(".")))
    return _Columns(base, tuple(factors[n] for n in range(1, 9)), tuple(ordered))


def _rows(path: Path) -> Iterator[tuple[Any, ...]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if path.is_dir():
        raise InputFileError("file.is_folder", path=path)
    if not path.is_file():
        raise InputFileError("file.missing", path=path)
    try:
        check_workbook(path)  # before openpyxl: bombs, far cells, entity declarations
    except OverLimit as exc:
        raise over_limit(path, exc) from None
    except NotAWorkbook as exc:
        raise WorkbookError("import.not_a_workbook", path=path) from exc
    except OSError as exc:
        raise InputFileError("batch.unreadable", path=path, error=exc.strerror) from None
    with warnings.catch_warnings():  # openpyxl's own warnings are not the user's concern
        warnings.simplefilter("ignore")
        yield from _sheet_rows(path, load_workbook, InvalidFileException)


def _sheet_rows(
    path: Path, load_workbook: Any, invalid: type[Exception]
) -> Iterator[tuple[Any, ...]]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, invalid, KeyError, OSError, ValueError) as exc:
        raise WorkbookError("import.not_a_workbook", path=path) from exc
    except Exception as exc:
        raise WorkbookError("import.damaged", path=path, error=_short(exc)) from exc
    try:
        sheet = next((book[name] for name in book.sheetnames if _norm(name) == SHEET), None)
        if sheet is None:
            raise WorkbookError("import.no_sheet", path=path, sheets=", ".join(book.sheetnames))
        try:
            yield from sheet.iter_rows(values_only=True)
        except WorkbookError:
            raise
        except Exception as exc:
            raise WorkbookError("import.damaged", path=path, error=_short(exc)) from exc
    finally:
        book.close()


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:160]


def _score(value: object, where: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        score = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise WorkbookError("import.bad_score", where=where, value=value) from None
    if not 0 <= score <= 1:
        raise WorkbookError("import.bad_score", where=where, value=value)
    return score


def _entry(row: Sequence[Any], cols: _Columns, line: int) -> IndexEntry | None:
    def cell(i: int) -> Any:
        return row[i] if i < len(row) else None

    country = str(cell(cols.base["country"]) or "").strip()
    if not country and all(v is None for v in row):
        return None  # a blank line at the end of the sheet
    label = re.sub(r"\.0$", "", str(cell(cols.base["edition"]) or "").strip())
    try:
        year = edition_year(label)
    except ValueError:
        raise WorkbookError("import.bad_year", line=line, value=label) from None
    iso3 = str(cell(cols.base["iso3"]) or "").strip().upper()
    if not country or not _ISO3.match(iso3):
        raise WorkbookError("import.bad_code", line=line, country=country or "?", code=iso3 or "—")
    where = f"{country} {label}"
    overall = _score(cell(cols.base["overall"]), where)
    if overall is None:
        raise WorkbookError("import.no_overall", where=where)
    region = cols.base.get("region")
    return IndexEntry(
        country=country,
        iso3=iso3,
        region=str(cell(region) or "").strip() if region is not None else "",
        edition=label,
        year=year,
        overall=overall,
        factors=tuple(_score(cell(i), where) for i in cols.factors),
        subfactors=tuple((code, _score(cell(i), where)) for code, i in cols.subfactors),
    )


def _find_header(rows: Iterator[tuple[Any, ...]]) -> tuple[_Columns, int]:
    first_error: WorkbookError | None = None
    for line, row in enumerate(rows, start=1):
        try:
            return match_columns(row), line
        except WorkbookError as exc:
            first_error = first_error or exc
            if line >= _HEADER_SCAN_ROWS:
                break
    raise first_error or WorkbookError("import.empty")


def read_workbook(path: Path, *, origin: str = "file", source: str | None = None) -> ImportResult:
    """Read and validate a WJP workbook; nothing is written."""
    rows = _rows(path)
    cols, header_line = _find_header(rows)
    entries: list[IndexEntry] = []
    seen: set[tuple[str, str]] = set()
    for line, row in enumerate(rows, start=header_line + 1):
        entry = _entry(row, cols, line)
        if entry is None:
            continue
        if (entry.iso3, entry.edition) in seen:
            raise WorkbookError("import.duplicate", country=entry.country, edition=entry.edition)
        seen.add((entry.iso3, entry.edition))
        entries.append(entry)
    if not entries:
        raise WorkbookError("import.empty")
    latest = max(entries, key=lambda e: e.year)
    latest_rows = [e for e in entries if e.edition == latest.edition]
    meta = IndexMeta(
        edition=latest.edition,
        source=source or path.name,
        source_sha256=sha256_file(path),
        rows=len(entries),
        countries=len(latest_rows),
        imported_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        origin=origin,
    )
    return ImportResult(tuple(entries), tuple(code for code, _ in cols.subfactors), meta)


def import_workbook(
    path: Path,
    folder: Path,
    *,
    origin: str = "file",
    source: str | None = None,
    force: bool = False,
) -> ImportResult:
    """Validate ``path`` and write the index CSV and its metadata into ``folder``.

    An index already in ``folder`` is replaced only with ``force``.
    """
    if (folder / CSV_NAME).exists() and not force:
        raise OutputExistsError("file.exists", path=folder / CSV_NAME)
    result = read_workbook(path, origin=origin, source=source)
    folder.mkdir(parents=True, exist_ok=True)
    write_index(result.entries, result.subfactor_codes, result.meta, folder)
    return result
