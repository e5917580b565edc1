"""Read a user's spreadsheet (``.xlsx`` or ``.csv``) as text, exactly as the user sees it.

Partner lists are typed by many hands, so nothing may be lost or reinterpreted on the way in:
"NA" is Namibia, not a missing value; a phone number typed as ``32 9 …`` or ``3292345678`` stays
that text, not ``3292345678.0``; an empty cell is ``""``. Workbooks are read with python-calamine
directly (a Rust reader, several times faster than openpyxl and without a DataFrame in between);
CSV files with the standard library, after guessing the encoding (UTF-8 with or without BOM, then
cp1252, then latin-1) and the delimiter (``;`` from Belgian and Dutch Excel, or ``,``).

A list of a million rows is never held as Python rows: :func:`open_table` reads it once to find
its header, its size and its first rows (:class:`StreamedTable`), and every later pass
(:meth:`StreamedTable.iter_rows`) reads the rows again, one at a time: from calamine's own copy
of the sheet for a workbook, from the file for a CSV. :func:`read_table` keeps every row in
memory (a :class:`Table`) for the small lists that want it (the mail merge, tests).

Used by batch screening and by the mail merge of agreements.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any, Final, Protocol

from hrtoets.errors import HrtoetsError, InputFileError, WorkbookError
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
SAMPLE_ROWS: Final = 1000  # the first data rows kept for choosing a column and its width
_DELIMITERS: Final = (";", ",", "\t")
_ONE_COLUMN_DELIMITERS: Final = "\x1f\x1e\x1d\x1c\x00"  # no NUL in a CSV we read (_Encoding)
_SNIFF_LINES: Final = 50
_SNIFF_CHARS: Final = 2**20
_BLANK: Final = " ;,\t"  # a line of only these is an empty row, not the header
_LARGEST_EXACT_INT: Final = 1e15  # beyond this Excel itself shows scientific notation
_CHUNK: Final = 2**20
_SHOWN_ROWS: Final = 5

Row = tuple[str, ...]


class Rows(Protocol):
    """A list's header and data rows as text, however they are held (see :class:`Table`)."""

    @property
    def headers(self) -> Row: ...
    @property
    def source(self) -> Path: ...
    @property
    def sheet(self) -> str | None: ...
    @property
    def trimmed(self) -> int: ...
    @property
    def row_count(self) -> int: ...
    @property
    def sample(self) -> Sequence[Row]: ...
    def iter_rows(self) -> Iterator[Row]: ...
    def iter_column(self, index: int) -> Iterator[str]: ...


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet or CSV file in memory: header texts and every data row, all cells as text."""

    headers: Row  # header texts as in the file (stripped)
    rows: tuple[Row, ...]  # every data row, every cell as text, padded to len(headers)
    source: Path
    sheet: str | None  # sheet name for workbooks, None for CSV
    trimmed: int = 0  # CSV rows that had empty fields beyond the header (dropped, with a warning)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def sample(self) -> tuple[Row, ...]:
        """The first data rows (:data:`SAMPLE_ROWS`)."""
        return self.rows[:SAMPLE_ROWS]

    def iter_rows(self) -> Iterator[Row]:
        return iter(self.rows)

    def iter_column(self, index: int) -> Iterator[str]:
        return (row[index] for row in self.rows)


@dataclass(frozen=True, slots=True, eq=False)
class StreamedTable:
    """One sheet or CSV file read a row at a time: its header, its size and its first rows are
    known; :meth:`iter_rows` reads the data rows again, in order, each time it is called."""

    headers: Row
    source: Path
    sheet: str | None
    trimmed: int
    row_count: int  # data rows below the header, trailing empty rows not counted
    sample: tuple[Row, ...]  # the first SAMPLE_ROWS data rows
    _reader: _Reader = field(repr=False)
    _header_at: int = field(repr=False, default=0)

    def iter_rows(self) -> Iterator[Row]:
        """Every data row as text, fitted to the header."""
        reader, width = self._reader, len(self.headers)
        for cells in self._data():
            yield _fit(reader.text(cells), width)

    def iter_column(self, index: int) -> Iterator[str]:
        """One column's cells as text, the other cells not even made text (``batch`` screens
        the country column alone)."""
        reader = self._reader
        for cells in self._data():
            yield reader.cell(cells, index)

    def _data(self) -> Iterator[Sequence[Any]]:
        """The raw data rows: below the header, up to the last that is not empty."""
        first = self._header_at + 1
        return islice(self._reader.raw(), first, first + self.row_count)


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """The first sheet (or ``sheet``) of a workbook, or a CSV file, as text, every row in memory.

    Leading empty rows are skipped (the first non-empty row is the header) and trailing empty rows
    dropped; empty rows in between are kept, so rows out can equal rows in.
    """
    table = open_table(path, sheet=sheet)
    return Table(table.headers, tuple(table.iter_rows()), table.source, table.sheet, table.trimmed)


def open_table(path: Path, *, sheet: str | None = None) -> StreamedTable:
    """The first sheet (or ``sheet``) of a workbook, or a CSV file, to be read row by row.

    The whole list is read once here, so that whatever is wrong with it (a damaged file, text
    beyond the header, a line over the limit) is said before any work starts.
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
        return _scan(_Reader(_csv_rows(path)), path, None, path.name)
    name, reader = _workbook_rows(path, sheet)
    return _scan(reader, path, name, name)


@dataclass(frozen=True, slots=True)
class _Reader:
    """Passes over a file's raw rows: a CSV's rows are text already; a workbook's are
    calamine's values, which start at the sheet's first used column (``lead`` empty columns
    before it are put back) and are made text only when a pass needs them."""

    raw: Callable[[], Iterator[Sequence[Any]]]
    lead: int = 0
    values: bool = False  # the raw cells are calamine's values, not text

    def text(self, cells: Sequence[Any]) -> Sequence[str]:
        if not self.values:
            return cells
        converted = [value if type(value) is str else cell_text(value) for value in cells]
        return (*("",) * self.lead, *converted) if self.lead else converted

    def cell(self, cells: Sequence[Any], index: int) -> str:
        at = index - self.lead
        if at < 0 or at >= len(cells):
            return ""
        value = cells[at]
        return value if type(value) is str else cell_text(value)

    def filled(self, cells: Sequence[Any]) -> bool:
        """Whether a row shows anything (an empty cell is ``""``, or ``None`` from calamine)."""
        return cells.count("") + cells.count(None) != len(cells)


def _scan(reader: _Reader, path: Path, sheet: str | None, label: str) -> StreamedTable:
    """Read every row once: the header, the size, the sample; an all-empty table is refused.

    ``reader`` starts each pass over the file's rows. Rows before the first non-empty one are
    skipped (it is the header) and trailing empty rows dropped; empty rows in between are kept,
    so rows out can equal rows in. A CSV row longer than the header is cut when what is cut is
    empty, and an error naming the rows when it is not.
    """
    survey = _Survey(reader)
    for at, cells in enumerate(reader.raw()):
        survey.add(at, cells)
    header_at, width = survey.header_at, survey.width
    if header_at < 0 and sheet is None:
        raise WorkbookError("batch.empty_csv", path=path)
    if header_at < 0:
        raise WorkbookError("batch.empty_sheet", sheet=label, path=path)
    if survey.beyond:
        raise _text_beyond_header(survey.beyond, width, path)
    headers = tuple(cell.strip() for cell in survey.header)
    count = survey.last_filled - header_at
    return StreamedTable(
        headers=headers,
        source=path,
        sheet=sheet,
        trimmed=survey.long_rows,
        row_count=count,
        sample=tuple(survey.sample[:count]),
        _reader=reader,
        _header_at=header_at,
    )


@dataclass(slots=True)
class _Survey:
    """What one pass over a file's rows finds: where the header is, how wide it is, the last
    non-empty row, the first rows, and (CSV) the rows longer than the header."""

    reader: _Reader
    header_at: int = -1
    header: Row = ()
    width: int = 0
    last_filled: int = -1
    long_rows: int = 0  # CSV rows longer than the header, cut (what was cut is empty)
    waiting: int = 0  # long empty rows not yet followed by a filled one
    beyond: list[int] = field(default_factory=list)  # rows (header = 1) with text beyond it
    sample: list[Row] = field(default_factory=list)

    def add(self, at: int, cells: Sequence[Any]) -> None:
        filled = self.reader.filled(cells)
        if self.header_at < 0:
            if filled:
                self.header = tuple(self.reader.text(cells))
                self.header_at, self.width, self.last_filled = at, len(self.header), at
            return
        if not self.reader.values and len(cells) > self.width:  # a CSV row: fields can be extra
            self.waiting += 1
            if any(cell.strip() for cell in cells[self.width :]):
                self.beyond.append(at - self.header_at + 1)
        if filled:  # long empty rows count once a filled row follows them (trailing ones go)
            self.last_filled = at
            self.long_rows, self.waiting = self.long_rows + self.waiting, 0
        if len(self.sample) < SAMPLE_ROWS:
            self.sample.append(_fit(self.reader.text(cells), self.width))


def _text_beyond_header(rows: list[int], width: int, path: Path) -> WorkbookError:
    """A ``;`` too many in a row would otherwise make an unnamed column, and a country typed
    there would never be screened: the error names the first rows."""
    shown = ", ".join(str(n) for n in rows[:_SHOWN_ROWS])
    more = len(rows) - _SHOWN_ROWS
    return WorkbookError(
        "batch.csv_extra_fields",
        path=path,
        rows=f"{shown} (+{more})" if more > 0 else shown,
        count=len(rows),
        width=width,
    )


def _fit(row: Sequence[str], width: int) -> Row:
    """A row padded with empty cells, or cut, to ``width`` (what is cut was checked empty)."""
    if len(row) < width:
        return (*row, *("",) * (width - len(row)))
    return tuple(row[:width]) if len(row) > width else tuple(row)


# --- workbooks -------------------------------------------------------------------------------


def _workbook_rows(path: Path, sheet: str | None) -> tuple[str, _Reader]:
    """The chosen sheet's name and a way to read its rows as text again and again, or one
    sentence on what is wrong.

    calamine holds the sheet (its own compact copy, the floor of any reader of it); each pass
    turns one row at a time into Python text. Its rows start at row 1 but at the sheet's first
    used column, so the empty columns before it are put back: columns out = columns in.
    """
    import python_calamine as calamine

    _check_readable(path)
    try:
        check_workbook(path)
    except OverLimit as exc:
        raise over_limit(path, exc) from None
    except NotAWorkbook as exc:
        raise WorkbookError("batch.workbook_corrupt", path=path, error=exc.detail) from exc
    except OSError as exc:
        raise InputFileError("batch.unreadable", path=path, error=exc.strerror) from None
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
        name = _sheet_name(book, sheet, path)
        found = book.get_sheet_by_name(name)
    except calamine.PasswordError:
        raise WorkbookError("batch.workbook_protected", path=path) from None
    except calamine.CalamineError as exc:
        raise WorkbookError("batch.workbook_corrupt", path=path, error=str(exc)) from None
    start = found.start

    def rows() -> Iterator[list[Any]]:
        if start is None:  # an empty sheet (python-calamine before 0.3 panics iterating one)
            return
        yield from found.iter_rows()

    return name, _Reader(rows, lead=start[1] if start else 0, values=True)


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


def _csv_rows(path: Path) -> Callable[[], Iterator[Row]]:
    """A way to read the CSV file's rows again and again, checked and decoded, in bounded memory.

    A regular file is read from disk on every pass (and must not change between passes); a FIFO
    or a device is read once, up to the size limit, and kept. The encoding is decided over the
    whole file first, as :func:`decode` would decide it, without holding the text.
    """
    text, present = _csv_text(path)
    try:
        with text.open() as head:
            sample = "".join(_sniffed_lines(head))
    except OverLimit as exc:
        raise over_limit(path, exc) from None
    delimiter = sniff_delimiter(sample) or next(
        char for char in _ONE_COLUMN_DELIMITERS if char not in present
    )
    return partial(_parsed_rows, text, delimiter, path)


@dataclass(frozen=True, slots=True)
class _CsvText:
    """Opens a CSV file as text from its start: the file itself in its encoding (after a UTF-8
    BOM, whatever the encoding), or the text decoded once (UTF-16)."""

    opener: Callable[[], IO[bytes]]
    encoding: str = "utf-8"
    bom: bool = False
    text: str | None = None

    def open(self) -> IO[str]:
        if self.text is not None:
            return io.StringIO(self.text, newline="")
        binary = self.opener()
        if self.bom:
            binary.read(len(_UTF8_BOM))
        return io.TextIOWrapper(binary, encoding=self.encoding, newline="")


def _csv_text(path: Path) -> tuple[_CsvText, set[str]]:
    """How to read ``path`` as text, and which of the one-column delimiters occur in it."""
    try:
        opener = _binary_opener(path)
        if _starts_utf16(opener):
            text = _decoded(_all_bytes(opener), path)
            return _CsvText(opener, text=text), set(text) & set(_ONE_COLUMN_DELIMITERS)
        encoding, bom, present = _scanned_encoding(opener, path)
        return _CsvText(opener, encoding, bom), present
    except OverLimit as exc:
        raise over_limit(path, exc) from None
    except HrtoetsError:
        raise
    except OSError as exc:
        raise InputFileError("batch.unreadable", path=path, error=exc.strerror) from None


def _parsed_rows(text: _CsvText, delimiter: str, path: Path) -> Iterator[Row]:
    """One pass over the CSV rows: every line and row within the limits, quotes closed."""
    with text.open() as handle:
        reader = csv.reader(_lines(handle), delimiter=delimiter, strict=True)
        try:  # strict: an unclosed quote is an error, not a field that swallows the rest
            for row in reader:
                if len(row) > READ_LIMITS.fields:
                    raise OverLimit("fields", reader.line_num, READ_LIMITS.fields)
                yield tuple(row)
        except csv.Error as exc:
            raise WorkbookError("batch.csv_corrupt", path=path, error=str(exc)) from None
        except OverLimit as exc:
            raise over_limit(path, exc) from None
        except UnicodeDecodeError:  # the file changed since its encoding was decided
            raise WorkbookError("batch.csv_changed", path=path) from None
        except HrtoetsError:
            raise
        except OSError as exc:
            raise InputFileError("batch.unreadable", path=path, error=exc.strerror) from None


def _binary_opener(path: Path) -> Callable[[], IO[bytes]]:
    """Opens the file from its start, each time: the file itself, or the bytes read once."""
    if not path.is_file():  # a FIFO or /dev/zero: read once, within the limit
        data = read_capped(path, READ_LIMITS.csv_bytes)
        return lambda: io.BytesIO(data)
    first = path.stat()
    if first.st_size > READ_LIMITS.csv_bytes:
        raise OverLimit("file_bytes", first.st_size, READ_LIMITS.csv_bytes)

    def reopen() -> IO[bytes]:
        handle = path.open("rb")
        now = os.fstat(handle.fileno())
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (
            first.st_size,
            first.st_mtime_ns,
            first.st_ino,
        ):
            handle.close()
            raise WorkbookError("batch.csv_changed", path=path)
        return handle

    return reopen


def _starts_utf16(opener: Callable[[], IO[bytes]]) -> bool:
    with opener() as handle:
        return handle.read(2) in (b"\xff\xfe", b"\xfe\xff")


def _all_bytes(opener: Callable[[], IO[bytes]]) -> bytes:
    with opener() as handle:
        return handle.read(READ_LIMITS.csv_bytes + 1)[: READ_LIMITS.csv_bytes]


def _decoded(data: bytes, path: Path) -> str:
    """The whole text of an in-memory CSV (UTF-16), checked like any other."""
    try:
        text = decode(data)
    except MixedEncoding as exc:
        raise _mixed(exc, path) from None
    if "\x00" in text:  # a binary file
        raise InputFileError("batch.not_a_table", path=path)
    return text


def _mixed(exc: MixedEncoding, path: Path) -> WorkbookError:
    return WorkbookError(
        "batch.csv_mixed_encoding", path=path, line=exc.line, byte=exc.byte, encoding=exc.encoding
    )


def _scanned_encoding(opener: Callable[[], IO[bytes]], path: Path) -> tuple[str, bool, set[str]]:
    """The file's encoding, decided over all of it chunk by chunk, whether it starts with a UTF-8
    BOM (skipped whatever the encoding), and which of the one-column delimiters occur in it; a NUL
    byte (a binary file, UTF-16 without its BOM) is refused."""
    with opener() as handle:
        chunks = iter(lambda: handle.read(_CHUNK), b"")
        found = _Encoding()
        for chunk in chunks:
            found.feed(chunk)
    if found.nul:
        raise InputFileError("batch.not_a_table", path=path)
    try:
        return found.result(), found.bom, found.present
    except MixedEncoding as exc:
        raise _mixed(exc, path) from None


_UTF8_BOM: Final = b"\xef\xbb\xbf"
_CP1252_UNDEFINED: Final = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


class _Encoding:
    """The decision of :func:`decode` for UTF-8, cp1252 and latin-1, taken one chunk at a time."""

    def __init__(self) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._started = False
        self.bom = False
        self.failure: tuple[int, int] | None = None  # (line, byte) of the first non-UTF-8 byte
        self.multibyte = False  # a valid UTF-8 sequence of 2-4 bytes occurs
        self.undefined = False  # a byte cp1252 does not define occurs
        self.nul = False
        self.present: set[str] = set()
        self._lines = 1
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        if not self._started:
            self._started = True
            self.bom = chunk.startswith(_UTF8_BOM)
            chunk = chunk.removeprefix(_UTF8_BOM)
        if not self.multibyte:
            self.multibyte = _UTF8_MULTIBYTE.search(self._tail + chunk) is not None
        if self.failure is None:
            try:
                self._utf8.decode(chunk)
            except UnicodeDecodeError as exc:  # exc.object: the bytes held back, then chunk
                self.failure = (self._lines + exc.object.count(b"\n", 0, exc.start),
                                exc.object[exc.start])  # fmt: skip
        self.undefined = self.undefined or _CP1252_UNDEFINED.search(chunk) is not None
        self.nul = self.nul or b"\x00" in chunk
        self.present |= {char for char in _ONE_COLUMN_DELIMITERS if char.encode() in chunk}
        self._lines += chunk.count(b"\n")
        self._tail = chunk[-3:]

    def result(self) -> str:
        """``utf-8``, ``cp1252`` or ``latin-1`` (after any BOM), or :class:`MixedEncoding`."""
        if self.failure is None:
            try:
                self._utf8.decode(b"", final=True)
            except UnicodeDecodeError as exc:  # the file ends inside a sequence
                self.failure = (self._lines, exc.object[exc.start])
        if self.failure is None:
            return "utf-8"
        if self.multibyte:  # UTF-8 text elsewhere: this byte does not belong
            raise MixedEncoding(*self.failure, "UTF-8")
        return "latin-1" if self.undefined else "cp1252"


def _sniffed_lines(stream: IO[str]) -> Iterator[str]:
    """The first lines the delimiter is guessed from (at most 50, at most 1 MiB)."""
    size = 0
    for line in islice(_lines(stream), _SNIFF_LINES):
        yield line
        size += len(line)
        if size > _SNIFF_CHARS:
            return


def _lines(stream: IO[str]) -> Iterator[str]:
    """The stream's lines, each at most the limit (a 500 MB line of tiny fields takes minutes
    to split, and is never read whole): a longer one is :class:`OverLimit`."""
    limit, number = READ_LIMITS.line_chars, 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(("\n", "\r")):
            raise OverLimit("line_chars", number, limit)
        yield line


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
    Large files are decided the same way a chunk at a time (:class:`_Encoding`).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise MixedEncoding(_line(data, exc.start), data[exc.start], "UTF-16") from None
    found = _Encoding()
    found.feed(data)
    return data.removeprefix(_UTF8_BOM).decode(found.result())


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
