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
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from hrtoets.errors import InputFileError, WorkbookError
from hrtoets.spreadsheet import (
    READ_LIMITS,
    NotAWorkbook,
    OverLimit,
    check_workbook,
    over_limit,
    read_capped,
)

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
    trimmed: int = 0  # CSV rows that had empty fields beyond the header (dropped, with a warning)


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
    trimmed = 0
    if sheet is None:  # CSV: a field beyond the header belongs to no column
        body, trimmed = _fit_to_header(body, path)
    width = max(len(row) for row in body)
    headers = tuple(cell.strip() for cell in _pad(body[0], width))
    rows = tuple(_pad(row, width) for row in body[1:])
    return Table(headers=headers, rows=rows, source=path, sheet=sheet, trimmed=trimmed)


_SHOWN_ROWS: Final = 5


def _fit_to_header(body: list[list[str]], path: Path) -> tuple[list[list[str]], int]:
    """CSV rows cut to the header's width; a row with text beyond it is an error naming rows.

    A ``;`` too many in a row would otherwise make an unnamed column, and a country typed there
    would never be screened. Empty extra fields (Excel writes trailing ``;``) are dropped.
    """
    width = len(body[0])
    long = [n for n, row in enumerate(body[1:], 2) if len(row) > width]
    if not long:
        return body, 0
    filled = [n for n in long if any(cell.strip() for cell in body[n - 1][width:])]
    if filled:
        shown = ", ".join(str(n) for n in filled[:_SHOWN_ROWS])
        more = len(filled) - _SHOWN_ROWS
        raise WorkbookError(
            "batch.csv_extra_fields",
            path=path,
            rows=f"{shown} (+{more})" if more > 0 else shown,
            count=len(filled),
            width=width,
        )
    return [body[0], *(row[:width] for row in body[1:])], len(long)


def _pad(row: Sequence[str], width: int) -> tuple[str, ...]:
    return tuple(row) + ("",) * (width - len(row)) if len(row) < width else tuple(row)


# --- workbooks -------------------------------------------------------------------------------


def _read_workbook(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    """The chosen sheet's name and its cells as text, or one sentence on what is wrong."""
    import python_calamine as calamine

    _check_readable(path)
    try:
        check_workbook(path)
    except OverLimit as exc:
        raise over_limit(path, exc) from None
    except NotAWorkbook as exc:
        raise WorkbookError("batch.workbook_corrupt", path=path, error=str(exc)) from None
    except OSError as exc:
        raise InputFileError("batch.unreadable", path=path, error=exc.strerror) from None
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
        data = read_capped(path, READ_LIMITS.csv_bytes)
    except OverLimit as exc:
        raise over_limit(path, exc) from None
    except OSError as exc:
        raise InputFileError("batch.unreadable", path=path, error=exc.strerror) from None
    try:
        text = decode(data)
    except MixedEncoding as exc:
        raise WorkbookError(
            "batch.csv_mixed_encoding",
            path=path,
            line=exc.line,
            byte=exc.byte,
            encoding=exc.encoding,
        ) from None
    if "\x00" in text:  # a binary file, or UTF-16 without its BOM
        raise InputFileError("batch.not_a_table", path=path)
    try:
        _check_lines(text)
    except OverLimit as exc:
        raise over_limit(path, exc) from None
    delimiter = sniff_delimiter(text) or _absent(text)
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:  # strict: an unclosed quote is an error, not a field that swallows the rest of the file
        for row in reader:
            if len(row) > READ_LIMITS.fields:
                raise over_limit(path, OverLimit("fields", reader.line_num, READ_LIMITS.fields))
            rows.append(row)
    except csv.Error as exc:
        raise WorkbookError("batch.csv_corrupt", path=path, error=str(exc)) from None
    return rows


def _check_lines(text: str) -> None:
    """No line longer than the limit (a 500 MB line of tiny fields takes minutes to split)."""
    limit, start, number = READ_LIMITS.line_chars, 0, 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limit:
            raise OverLimit("line_chars", number, limit)
        start, number = end + 1, number + 1


class MixedEncoding(ValueError):
    """The text is mostly one encoding, but a byte at ``line`` does not fit it."""

    def __init__(self, line: int, byte: int, encoding: str) -> None:
        super().__init__(f"line {line}: byte 0x{byte:02X} is not {encoding}")
        self.line = line
        self.byte = f"0x{byte:02X}"
        self.encoding = encoding


# A valid UTF-8 sequence of two to four bytes: text that holds one was written as UTF-8.
_UTF8_MULTIBYTE: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def decode(data: bytes) -> str:
    """The whole text in one encoding: UTF-16 (with its BOM), UTF-8 (a BOM is dropped), else
    Windows-1252 (Excel's "CSV" on Windows), else latin-1.

    A file that is UTF-8 but for one byte (a cp1252 "ë" pasted into a UTF-8 file) is refused with
    that byte's line, :class:`MixedEncoding`: decoding it all as cp1252 would turn every other
    "België" into "BelgiÃ«", silently. A BOM promises UTF-8 but does not prove it: a file saved as
    UTF-8 and edited in a cp1252 editor may have both and no UTF-8 text left, and is read as cp1252.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise MixedEncoding(_line(data, exc.start), data[exc.start], "UTF-16") from None
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(body):  # UTF-8 text elsewhere: this byte does not belong
            raise MixedEncoding(_line(body, exc.start), body[exc.start], "UTF-8") from None
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:
        return body.decode("latin-1")  # every byte is a character: never fails


def _line(data: bytes, offset: int) -> int:
    """The line number (from 1) of byte ``offset``."""
    return data.count(b"\n", 0, offset) + 1


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
