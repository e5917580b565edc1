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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from hrtoets.errors import InputFileError, WorkbookError

if TYPE_CHECKING:
    from hrtoets.messages import Label

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
    """A spreadsheet is over one of :class:`ReadLimits`: ``what`` (the limit's name), ``found``
    (a number, a sheet's rows and columns, or a text from the file)."""

    def __init__(self, what: str, found: int | tuple[int, int] | str, limit: int) -> None:
        super().__init__(f"{what}: {found} > {limit}")
        self.what = what
        self.found = found
        self.limit = limit


class NotAWorkbook(ValueError):
    """The file is not a zip (so not an .xlsx), its zip is damaged, or a sheet is not in a form
    that can be read safely; ``detail`` says which (a message of ours, or the zip library's)."""

    def __init__(self, detail: str | Label) -> None:
        super().__init__(detail if isinstance(detail, str) else detail.text("en"))
        self.detail = detail


# Where calamine puts a sheet's cells: a ``<c>`` with an ``r`` attribute where it says (letters in
# either case, any number of digits, either quote, spaces round ``=``, any namespace prefix), one
# without it after the cell before, in the row its ``<row r>`` set or the row after the last; only
# a cell that holds something takes room; an empty tag (``<row r="9"/>``, ``<c/>``) moves them
# as a start and an end would. Excel, LibreOffice, openpyxl and xlsxwriter write every
# cell in one plain form, ``<c r="B7" …>``: a sheet whose every ``<c`` tag has that form is
# bounded by its highest references, which a few quick searches find (:class:`_PlainSheet`). Any
# other sheet, and a plain one over a limit (a styled empty cell far away holds nothing), is
# walked tag by tag as calamine reads it (:class:`_CellWalk`), and that answer counts.
_PLAIN_CELL_COLUMN: Final = re.compile(rb'<c r="([A-Z]{1,3})[0-9]{1,7}"[ >]')
_PLAIN_CELL_ROW: Final = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"[ >]')
_LONGER_C_NAME: Final = re.compile(rb"<c[^\s/>]")  # <col>, <cfRule>, <c:x>: no cell
_PREFIXED_CELL: Final = re.compile(rb"<[^\s<>/!?:]+:c[\s/>]")  # <x:c …>
_DIMENSION: Final = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\sref="([A-Z0-9:$]+)"')
_REF: Final = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")
_ENTITY: Final = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# One tag as quick-xml (calamine's parser) reads it: a comment, CDATA, a declaration or
# processing instruction, an end tag (group 1: its name), or a start or empty tag (group 2: its
# name, group 3: its attributes, where a quoted value may hold a ``>``).
_TAG: Final = re.compile(
    rb"<(?:!--.*?-->|!\[CDATA\[.*?\]\]>|!(?!--|\[CDATA\[)[^>]*>|\?[^>]*>|/([^\s>]*)[^>]*>"
    rb"|([^\s/>!?][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>)",
    re.DOTALL,
)
_R_ATTRIBUTE: Final = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REFERENCE: Final = re.compile(rb"([A-Za-z]*)([0-9]+)")
_CHUNK: Final = 1 << 20
_LONGEST_TAG: Final = 1 << 20  # a tag, comment or CDATA longer than this is in no sheet we read
# A sheet of text cells written inline has six tags a cell (<c>, <is>, <t> and their ends) and two
# a row: a sheet with more tags than eight for each cell allowed is walked by no one.
_TAGS_PER_CELL: Final = 8


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
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
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        NotImplementedError,
        zlib.error,
    ) as exc:
        raise NotAWorkbook(_detail("damaged_zip")) from exc  # the zip library's words: --debug


def _check_member(book: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ReadLimits) -> None:
    """No entity declarations anywhere; for a sheet, its extent and cells within the limits."""
    name = member.filename
    sheet = _PlainSheet() if name.startswith("xl/worksheets/") and name.endswith(".xml") else None
    for window, end, whole in _windows(book, member, limits):
        if _ENTITY.search(window, 0, end):
            raise OverLimit("entities", "<!ENTITY", 0)
        if sheet is not None:
            sheet.add(window, end, limits, whole=whole)
    if sheet is not None and not sheet.within(limits):
        walk = _CellWalk(limits)
        left = b""
        for chunk in _chunks(book, member, limits):
            left = walk.add(left + chunk)


def _chunks(book: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ReadLimits) -> Iterator[bytes]:
    """A member's unpacked bytes a chunk at a time, at most ``member_bytes`` in all."""
    read = 0
    with book.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            read += len(chunk)
            if read > limits.member_bytes:  # the directory under-declared it
                raise OverLimit("member_bytes", read, limits.member_bytes)
            yield chunk


def _windows(
    book: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ReadLimits
) -> Iterator[tuple[bytes, int, bool]]:
    """A member's bytes as ``(window, end, whole)``: a tag that starts before ``end`` ends in its
    window, and each is in one window only (the next starts at the last ``<`` not yet read).
    ``whole``: a ``<`` more than :data:`_LONGEST_TAG` before the window's end made it end there,
    and only a walk tag by tag can say what that tag is."""
    left = b""
    for chunk in _chunks(book, member, limits):
        window = left + chunk
        cut = window.rfind(b"<")
        if cut != -1 and len(window) - cut <= _LONGEST_TAG:
            yield window, cut, False
            left = window[cut:]
        else:
            yield window, len(window), cut != -1
            left = b""
    if left:
        yield left, len(left), False


@dataclass(slots=True)
class _PlainSheet:
    """What the quick searches find: the highest plain references, the ``<c`` tags, and whether
    every one had the plain form (else only a walk can say where its cells are)."""

    high_row: int = 0
    high_col: int = 0
    cells: int = 0
    tags: int = 0
    plain: bool = True
    first: bool = True  # the first window holds the <dimension>

    def add(self, window: bytes, end: int, limits: ReadLimits, *, whole: bool) -> None:
        if self.first:
            _check_dimension(window[:end], limits)
            self.first = False
        cells = window.count(b"<c", 0, end) - len(_LONGER_C_NAME.findall(window, 0, end))
        columns = _PLAIN_CELL_COLUMN.findall(window, 0, end)
        prefixed = b":c" in window and _PREFIXED_CELL.search(window, 0, end) is not None
        self.cells += cells
        self.tags += window.count(b"<", 0, end)
        if self.cells > limits.cells:  # the walk would count these cells too
            raise OverLimit("cell_count", self.cells, limits.cells)
        if self.tags > _TAGS_PER_CELL * limits.cells:  # no walk longer than a full sheet's
            raise OverLimit("cell_tags", self.tags, limits.cells)
        self.plain = self.plain and len(columns) == cells and not prefixed and not whole
        if columns:
            rows = set(_PLAIN_CELL_ROW.findall(window, 0, end))
            self.high_row = max(self.high_row, *map(int, rows))
            self.high_col = max(self.high_col, *(_column_number(c.decode()) for c in set(columns)))

    def within(self, limits: ReadLimits) -> bool:
        """Whether the sheet is plain and within every limit: no walk needed."""
        rows, columns = self.high_row, self.high_col
        return (
            self.plain
            and self.cells <= limits.cells
            and rows <= limits.rows
            and columns <= limits.columns
            and rows * columns <= limits.cells
        )


class _CellWalk:
    """A sheet read tag by tag as calamine's cell reader reads it, keeping its row and column
    and the extent of the cells that hold something; a cell holding a cell or a row, or a tag in
    a cell that ends out of turn, is no sheet calamine reads as we do, so it is refused."""

    def __init__(self, limits: ReadLimits) -> None:
        self._limits = limits
        self._row = self._col = 0  # calamine's next position (0-based) for a cell without r
        self._cell: tuple[int, int] | None = None  # the open cell's position
        self._holds = False  # the open cell holds something (an element)
        self._open: list[bytes] = []  # the open cell's elements not yet ended
        self._cells = self._high_row = self._high_col = 0

    def add(self, window: bytes) -> bytes:
        """Walk every whole tag of ``window``; the rest (a tag not yet whole) is returned."""
        at = window.find(b"<")
        while at != -1:
            found = _TAG.match(window, at)
            if found is None:
                if len(window) - at > _LONGEST_TAG:
                    raise NotAWorkbook(_detail("tag_too_long", limit=_LONGEST_TAG))
                return window[at:]
            ended, started, attributes = found.groups()
            if ended is not None:
                self._end(ended.rpartition(b":")[2])
            elif started is not None:  # calamine reads an empty tag as a start and an end
                name = started.rpartition(b":")[2]
                self._start(name, attributes)
                if attributes.rstrip().endswith(b"/"):
                    self._end(name)
            at = window.find(b"<", found.end())
        return b""

    def _start(self, name: bytes, attributes: bytes) -> None:
        if self._cell is not None:
            if name in {b"c", b"row"}:
                raise NotAWorkbook(_detail("cell_in_cell"))
            self._open.append(name)
            self._holds = True
            return
        if name == b"row":
            if (ref := _r_attribute(attributes)) is not None:
                self._row = _position(ref, column=False)[0]
        elif name == b"c":
            self._cells += 1
            if self._cells > self._limits.cells:
                raise OverLimit("cell_count", self._cells, self._limits.cells)
            if (ref := _r_attribute(attributes)) is not None:
                self._cell = _position(ref, column=True)
                self._col = self._cell[1]
            else:
                self._cell = (self._row, self._col)
            self._holds = False

    def _end(self, name: bytes) -> None:
        if self._cell is None:
            if name == b"row":
                self._row, self._col = self._row + 1, 0
            return
        if name == b"c" and not self._open:
            if self._holds:
                self._high_row = max(self._high_row, self._cell[0] + 1)
                self._high_col = max(self._high_col, self._cell[1] + 1)
                _check_extent(self._high_row, self._high_col, self._limits)
            self._cell, self._col = None, self._col + 1
        elif self._open and self._open[-1] == name:
            self._open.pop()
        else:
            raise NotAWorkbook(_detail("out_of_turn"))


def _r_attribute(attributes: bytes) -> bytes | None:
    found = _R_ATTRIBUTE.search(attributes)
    if found is None:
        return None
    return found.group(1) if found.group(1) is not None else found.group(2)


def _position(ref: bytes, *, column: bool) -> tuple[int, int]:
    """A reference's (row, column), 0-based, as calamine reads it; one it cannot read is refused
    (calamine refuses it too). A row's reference needs no column."""
    found = _REFERENCE.fullmatch(ref)
    if found is None or int(found.group(2)) == 0 or (column and not found.group(1)):
        raise NotAWorkbook(_detail("bad_reference", ref=repr(ref[:20])[2:-1]))
    return int(found.group(2)) - 1, _column_number(found.group(1).decode()) - 1


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
        raise OverLimit("cells", (rows, columns), limits.cells)


_POSITIONS: Final = frozenset({"fields", "line_chars"})  # limits whose ``found`` is a line


def over_limit(path: Path, exc: OverLimit) -> WorkbookError:
    """The sentence for a spreadsheet over a limit, naming the file and the limit."""
    from hrtoets.messages import Label, Number

    found: tuple[tuple[str, Any], ...]
    if isinstance(exc.found, tuple):  # a sheet's rows and columns: the cells they span
        rows, columns = exc.found
        found = tuple(
            (name, Number(value))
            for name, value in (("found", rows * columns), ("rows", rows), ("columns", columns))
        )
    elif isinstance(exc.found, int) and exc.what not in _POSITIONS:
        found = (("found", Number(exc.found)),)
    else:  # a line's number, or a text from the file: as it is
        found = (("found", exc.found),)
    detail = Label(f"limit.{exc.what}", exc.what, (*found, ("limit", Number(exc.limit))))
    return WorkbookError("file.over_limit", path=path, detail=detail)


def _detail(name: str, **params: Any) -> Label:
    """What is wrong with a sheet, in the sentence's language (``workbook.<name>``; a number
    shown as the language writes it)."""
    from hrtoets.messages import Label, Number

    shown = tuple((k, Number(v) if isinstance(v, int) else v) for k, v in params.items())
    return Label(f"workbook.{name}", name, shown)


def read_capped(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of ``path`` (a FIFO or ``/dev/zero`` never ends), else OverLimit."""
    if path.is_file() and (size := path.stat().st_size) > limit:
        raise OverLimit("file_bytes", size, limit)  # refused before a byte is read
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OverLimit("file_bytes_over", limit, limit)
    return data
