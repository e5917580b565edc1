"""Writing spreadsheets safely: the one place that knows how user text stays text.

Used by every adapter that writes a spreadsheet (the screened workbook of ``batch``, the register's
``log export``): xlsxwriter with its string conversions off, Excel's own limits checked before a
write rather than silently cut, a write xlsxwriter did not do in full as an error, and CSV cells
that Excel would read as a formula neutralised.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from hrtoets.errors import InputFileError, WorkbookError

# Text is never turned into a formula, a link or a number; rows stream to disk in order.
SAFE_WORKBOOK_OPTIONS: Final = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
STREAMING_WORKBOOK_OPTIONS: Final = {**SAFE_WORKBOOK_OPTIONS, "constant_memory": True}

# Excel or LibreOffice reads a CSV field starting with one of these as a formula or DDE command.
CSV_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class SheetLimits:
    """What one sheet holds: data rows below the header, columns, characters in one cell."""

    rows: int = 1_048_575  # Excel's 1,048,576 rows, less the header
    columns: int = 16_384
    cell: int = 32_767


EXCEL_LIMITS: Final = SheetLimits()


def refused(code: int, sheet: Any, row: int, column: int) -> WorkbookError:
    """A write xlsxwriter did not do in full (its return ``code`` is not 0), as an error."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    cell = xl_rowcol_to_cell(row, column)
    return WorkbookError("batch.write_refused", cell=cell, sheet=sheet.get_name(), code=code)


def close_workbook(book: Any, written: Path, *, shown: Path) -> None:
    """Close an xlsxwriter ``book`` being written to ``written``: a full disk (xlsxwriter's
    FileCreateError, its name for an OSError) is one sentence naming ``shown``, the file the user
    asked for, and leaves no open zip behind to print a late warning."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        book.close()
    except FileCreateError as exc:
        _discard_open_zip(written)
        raise InputFileError("batch.cannot_write", path=shown, error=str(exc)) from None


def _discard_open_zip(tmp: Path) -> None:
    """Drop the zip file xlsxwriter left open on ``tmp`` when writing failed, without writing.

    xlsxwriter keeps its ZipFile in a local variable; when the disk is full, that object is left
    to the garbage collector, whose ``close`` tries to write again and prints "Exception ignored
    in ZipFile.__del__" after hrtoets has said its one sentence. Only this failure path pays for
    the search; the temporary file itself is removed by the caller.
    """
    import contextlib
    import gc
    from zipfile import ZipFile

    for found in gc.get_objects():
        if isinstance(found, ZipFile) and found.filename == str(tmp):
            handle, found.fp = found.fp, None  # closed: its __del__ has nothing left to do
            setattr(found, "_writing", False)  # a member write the disk broke off  # noqa: B010
            with contextlib.suppress(OSError, ValueError):
                if handle is not None:
                    handle.close()


def csv_cell(value: Any) -> Any:
    """A CSV cell Excel shows as text: a leading ``'`` before a formula's first character."""
    if isinstance(value, str) and value[:1] in _FORMULA_FIRST:
        return "'" + value
    return value


def csv_cells(values: Iterable[Any]) -> list[Any]:
    """:func:`csv_cell` of each value, the common case (plain text) without a call per cell:
    an export writes 22 cells for each of 100,000 checks."""
    first = _FORMULA_FIRST
    return [("'" + v if v[:1] in first else v) if type(v) is str else csv_cell(v) for v in values]


_FORMULA_FIRST: Final = frozenset(CSV_FORMULA_STARTS)  # each is one character (a test holds it)


# --- reading within bounds ----------------------------------------------------------------------
#
# A workbook is a zip of XML: a few KB can declare a sheet of 17 billion cells (one cell at
# XFD1048576, which makes calamine abort the process) or unpack to gigabytes. So before any library
# parses one, the zip's directory and the sheets' cell references are checked here, streaming, in
# bounded memory: every member's unpacked size, the total, no XML entity declarations, and each
# sheet's declared and actual extent (rows × columns). A CSV is bounded by its size, its line length
# and its number of fields. Each limit is generous for a real partner list or WJP workbook (the
# 2025 workbook: 8 MB unpacked, 14 sheets; a list of a million rows, ~400 MB unpacked) and the
# hostile files the tests try stay below 500 MB of memory.


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """How much a spreadsheet may hold before it is parsed (see the note above)."""

    file_bytes: int = 256 * 2**20  # an .xlsx on disk
    csv_bytes: int = 128 * 2**20  # a CSV (streamed; 1,048,576 rows of a partner list fit)
    # One unpacked zip member (a sheet's XML, the shared strings): a sheet of 1,048,576 rows of
    # 7 columns written with inline strings (xlsxwriter's constant-memory mode) is ~400 MB.
    member_bytes: int = 768 * 2**20
    total_bytes: int = 1024 * 2**20  # all members unpacked
    cells: int = 8_000_000  # a sheet's extent, rows × columns (1,048,576 rows × 7 columns)
    rows: int = 1_048_576
    columns: int = 16_384
    line_chars: int = 4 * 2**20  # one CSV line
    fields: int = 16_384  # fields of one CSV row (Excel's columns)


READ_LIMITS: Final = ReadLimits()


class OverLimit(ValueError):
    """A spreadsheet is over one of :class:`ReadLimits`: ``what`` (the limit's name), ``found``."""

    def __init__(self, what: str, found: int | str, limit: int) -> None:
        super().__init__(f"{what}: {found} > {limit}")
        self.what = what
        self.found = found
        self.limit = limit


class NotAWorkbook(ValueError):
    """The file is not a zip (so not an .xlsx), or its zip is damaged."""


# A cell with content: ``<c r="B7" …>`` (a self-closing ``<c r="B7" s="1"/>`` holds only a style).
_CELL_REF: Final = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(?<!/)>')
_DIMENSION: Final = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\sref="([A-Z0-9:$]+)"')
_REF: Final = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")
_ENTITY: Final = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_CHUNK: Final = 1 << 20


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def check_workbook(path: Path, limits: ReadLimits = READ_LIMITS) -> None:
    """Refuse a workbook over ``limits`` before any library parses it (streaming, bounded).

    Raises :class:`OverLimit` or :class:`NotAWorkbook`; an unreadable file raises ``OSError``.
    """
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise OverLimit("file_bytes", size, limits.file_bytes)
    with path.open("rb") as handle:
        if handle.read(2) != b"PK":
            return  # not a zip: a password-protected (OLE) file or no workbook, the reader says
    try:
        with zipfile.ZipFile(path) as book:
            members = book.infolist()
            total = sum(member.file_size for member in members)
            if total > limits.total_bytes:
                raise OverLimit("total_bytes", total, limits.total_bytes)
            for member in members:
                if member.file_size > limits.member_bytes:
                    raise OverLimit("member_bytes", member.file_size, limits.member_bytes)
                if member.filename.endswith((".xml", ".rels")):
                    _check_member(book, member, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise NotAWorkbook(str(exc)) from None
    except zlib.error as exc:
        raise NotAWorkbook(str(exc)) from None


def _check_member(book: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ReadLimits) -> None:
    """No entity declarations anywhere; for a sheet, its extent within the cell limit."""
    sheet = member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
    high_row = high_col = cells = 0
    read = 0
    tail = b""
    with book.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            read += len(chunk)
            if read > limits.member_bytes:  # the directory under-declared it
                raise OverLimit("member_bytes", read, limits.member_bytes)
            window = tail + chunk
            if _ENTITY.search(window):
                raise OverLimit("entities", "<!ENTITY", 0)
            if sheet:
                if read == len(chunk):
                    _check_dimension(window, limits)
                found = _CELL_REF.findall(window)
                if found:  # distinct values only: a sheet has few columns and rows repeat
                    letters, digits = zip(*found, strict=True)
                    high_row = max(high_row, *map(int, set(digits)))
                    high_col = max(high_col, *(_column_number(c.decode()) for c in set(letters)))
                _check_extent(high_row, high_col, limits)
                cells += chunk.count(b"<c ") + chunk.count(b"<c>")
                if cells > limits.cells:  # cells without a reference still take room
                    raise OverLimit("cells", f"{cells:,}", limits.cells)
            tail = window[-256:]  # a reference cut between two chunks is found next time


def _check_dimension(head: bytes, limits: ReadLimits) -> None:
    """The extent a sheet declares (``<dimension ref="A1:XFD1048576"/>``) within the limits."""
    found = _DIMENSION.search(head)
    if found is None:
        return
    corners = [_REF.fullmatch(part) for part in found.group(1).decode().split(":")]
    if not all(corners):
        return
    rows = [int(m.group(2)) for m in corners if m]
    cols = [_column_number(m.group(1)) for m in corners if m]
    _check_extent(max(rows), max(cols), limits)


def _check_extent(rows: int, columns: int, limits: ReadLimits) -> None:
    """A sheet is read from A1 to its last cell: ``rows`` × ``columns`` cells, every one."""
    if rows > limits.rows or columns > limits.columns or rows * columns > limits.cells:
        raise OverLimit("cells", f"{rows} × {columns}", limits.cells)


def over_limit(path: Path, exc: OverLimit) -> WorkbookError:
    """The sentence for a spreadsheet over a limit, naming the file and the limit."""
    from hrtoets.messages import Label

    found = f"{exc.found:,}" if isinstance(exc.found, int) else exc.found
    detail = Label(f"limit.{exc.what}", exc.what, (("found", found), ("limit", f"{exc.limit:,}")))
    return WorkbookError("file.over_limit", path=path, detail=detail)


def read_capped(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of ``path`` (a FIFO or ``/dev/zero`` never ends), else OverLimit."""
    if path.is_file() and (size := path.stat().st_size) > limit:
        raise OverLimit("file_bytes", size, limit)  # refused before a byte is read
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OverLimit("file_bytes", f"> {limit:,}", limit)
    return data
