"""Read a user's spreadsheet (``.xlsx`` or ``.csv``) as text, exactly as the user sees it.

Partner lists are typed by many hands, so nothing may be lost or reinterpreted on the way in:
"NA" is Namibia, not a missing value; a phone number typed as ``32 9 …`` or ``3292345678`` stays
that text, not ``3292345678.0``; an empty cell is ``""``. Workbooks are read with python-calamine
directly (a Rust reader, several times faster than openpyxl and without a DataFrame in between);
CSV files with the standard library, after guessing the encoding (UTF-8 with or without BOM, then
cp1252, then latin-1) and the delimiter (``;`` from Belgian and Dutch Excel, or ``,``).

Used by batch screening and by the mail merge of agreements.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from hrtoets.errors import InputFileError, WorkbookError

WORKBOOK_SUFFIXES: Final = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES: Final = frozenset({".csv"})
_DELIMITERS: Final = (";", ",", "\t")
_ONE_COLUMN_DELIMITERS: Final = "\x1f\x1e\x1d\x1c\x00"  # no NUL in a CSV we read (see _read_csv)
_SNIFF_LINES: Final = 50
_BLANK: Final = " ;,\t"  # a line of only these is an empty row, not the header
_LARGEST_EXACT_INT: Final = 1e15  # beyond this Excel itself shows scientific notation


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet or CSV file: header texts and every data row, all cells as text."""

    headers: tuple[str, ...]  # header texts as in the file (stripped)
    rows: tuple[tuple[str, ...], ...]  # every data row, every cell as text, padded to len(headers)
    source: Path
    sheet: str | None  # sheet name for workbooks, None for CSV


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """The first sheet (or ``sheet``) of a workbook, or a CSV file, as text.

    Leading empty rows are skipped (the first non-empty row is the header) and trailing empty rows
    dropped; empty rows in between are kept, so rows out can equal rows in.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputFileError("file.missing", path=path)
    if suffix not in WORKBOOK_SUFFIXES | CSV_SUFFIXES:
        raise InputFileError("batch.not_a_table", path=path)
    if suffix in CSV_SUFFIXES:
        if sheet is not None:
            raise WorkbookError("batch.csv_no_sheets", path=path)
        return _table(_read_csv(path), path, None, path.name)
    name, cells = _read_workbook(path, sheet)
    return _table(cells, path, name, name)


def _table(cells: list[list[str]], path: Path, sheet: str | None, label: str) -> Table:
    """Header and rows from raw text rows; an all-empty table is refused."""
    start = next((i for i, row in enumerate(cells) if any(row)), None)
    if start is None and sheet is None:
        raise WorkbookError("batch.empty_csv", path=path)
    if start is None:
        raise WorkbookError("batch.empty_sheet", sheet=label, path=path)
    end = len(cells)
    while not any(cells[end - 1]):
        end -= 1
    body = cells[start:end]
    width = max(len(row) for row in body)
    headers = tuple(cell.strip() for cell in _pad(body[0], width))
    rows = tuple(_pad(row, width) for row in body[1:])
    return Table(headers=headers, rows=rows, source=path, sheet=sheet)


def _pad(row: Sequence[str], width: int) -> tuple[str, ...]:
    return tuple(row) + ("",) * (width - len(row)) if len(row) < width else tuple(row)


# --- workbooks -------------------------------------------------------------------------------


def _read_workbook(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    """The chosen sheet's name and its cells as text, or one sentence on what is wrong."""
    import python_calamine as calamine

    _check_readable(path)
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
        name = _sheet_name(book, sheet, path)
        values = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except calamine.PasswordError:
        raise WorkbookError("batch.workbook_protected", path=path) from None
    except calamine.CalamineError as exc:
        raise WorkbookError("batch.workbook_corrupt", path=path, error=str(exc)) from None
    return name, [[cell_text(value) for value in row] for row in values]


def _check_readable(path: Path) -> None:
    """An unreadable file (a folder, no permission) is an OS problem, not a corrupt workbook."""
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise InputFileError("batch.unreadable", path=path, error=exc.strerror) from None


def _sheet_name(book: Any, wanted: str | None, path: Path) -> str:
    """``wanted`` (exact, else the one sheet matching case-insensitively) or the first sheet."""
    names: list[str] = list(book.sheet_names)
    if not names:
        raise WorkbookError("batch.empty_sheet", sheet="", path=path)
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    folded = [name for name in names if name.strip().casefold() == wanted.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    raise WorkbookError(
        "batch.unknown_sheet", path=path, sheet=wanted, sheets=", ".join(f"'{n}'" for n in names)
    )


def cell_text(value: object) -> str:
    """A cell value as the text the user sees: ``32`` not ``32.0``, dates as ISO dates."""
    match value:
        case None:
            text = ""
        case str():
            text = value
        case bool():
            text = "TRUE" if value else "FALSE"
        case float() if value.is_integer() and abs(value) < _LARGEST_EXACT_INT:
            text = str(int(value))
        case float():
            text = repr(value)
        case datetime() if value.time() == time():
            text = value.date().isoformat()
        case datetime():
            text = value.isoformat(sep=" ")
        case date() | time():
            text = value.isoformat()
        case _:  # int, timedelta, anything calamine adds later
            text = str(value)
    return text


# --- CSV -------------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError("batch.unreadable", path=path, error=exc.strerror) from None
    if b"\x00" in data:
        raise InputFileError("batch.not_a_table", path=path)
    text = decode(data)
    delimiter = sniff_delimiter(text) or _absent(text)
    try:  # strict: an unclosed quote is an error, not a field that swallows the rest of the file
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise WorkbookError("batch.csv_corrupt", path=path, error=str(exc)) from None


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252 (Excel's "CSV" on Windows), else latin-1.

    A BOM promises UTF-8 but does not prove it: a file saved as UTF-8 and then edited in a cp1252
    editor has both, so it is decoded like any other file rather than with replacement characters.
    """
    body = data.removeprefix(b"\xef\xbb\xbf")
    for encoding in ("utf-8", "cp1252"):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    return body.decode("latin-1")  # every byte is a character: never fails


def sniff_delimiter(text: str) -> str | None:
    """The delimiter that splits the header into the most columns, consistently; ``None``: one.

    Only a delimiter that splits the header line counts: a one-column list of names such as
    ``Korea, Rep.`` (Belgian Excel writes it without quotes) has commas in its data, not in its
    header. ``csv.Sniffer`` guesses wrong on short files and on commas inside quoted names;
    counting columns per candidate, and preferring a count that is the same on every line, does not.
    """
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    if not lines:
        return None
    header = next((i for i, line in enumerate(lines) if line.strip(_BLANK)), 0)
    sample = "\n".join(lines[header:])  # Excel writes empty rows above the header as ";;;"
    best, best_key = None, (False, 1)
    for delimiter in _DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter)]
        except csv.Error:
            continue
        if widths[0] < 2:  # the header line is not split by it
            continue
        key = (len(set(widths)) == 1, max(widths))
        if key > best_key:
            best, best_key = delimiter, key
    return best


def _absent(text: str) -> str:
    """A delimiter that does not occur in ``text``: a one-column file is read as one column."""
    return next(char for char in _ONE_COLUMN_DELIMITERS if char not in text)
