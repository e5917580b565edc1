"""Write a screened list as an ``.xlsx`` workbook people can filter, file and trust.

xlsxwriter is the fastest pure-Python writer, but by default it turns text that starts with ``=``
into a formula and text that looks like a URL into a hyperlink: a partner list with ``=HYPERLINK``
or ``+32 9 …`` in it would come out changed, or worse, executable. So it runs with
``strings_to_formulas``, ``strings_to_urls`` and ``strings_to_numbers`` off, and every cell from
the user goes through ``write_string``: user text is text. The workbook is written to a temporary
file and renamed (:func:`hrtoets.files.atomic_path`), so an error leaves nothing behind.

xlsxwriter does not raise when a cell does not fit: it returns -1 (beyond the last row or column)
or -2 (text cut at 32,767 characters) and writes on. A list with more rows or columns than a sheet
holds is therefore refused before anything is written (:func:`check_limits`), a cell too long
when it comes (the list is read row by row, never held whole), and any non-zero return is an
error: rows out = rows in, or nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from hrtoets.batch.core import BatchResult, Progress, ScreenedValue
from hrtoets.batch.summary_sheet import write_summary
from hrtoets.countries import describe
from hrtoets.errors import WorkbookError
from hrtoets.files import (
    atomic_path,
    check_writable,
    crash_point,
    interrupts_deferred,
    scratch_folder,
)
from hrtoets.messages import t
from hrtoets.rule import Reason
from hrtoets.screening import Verdict, explain, format_score
from hrtoets.spreadsheet import (
    EXCEL_LIMITS,
    STREAMING_WORKBOOK_OPTIONS,
    SheetLimits,
    close_workbook,
    refused,
)
from hrtoets.tables import Row, Rows

ADDED_COLUMNS: Final = (
    "batch.col.matched",
    "batch.col.iso3",
    "batch.col.score",
    "batch.col.score_exact",
    "batch.col.edition",
    "batch.col.advice",
    "batch.col.reason",
    "batch.col.note",
)
ADVICE_FILL: Final = "#FCE4D6"
HEADER_FILL: Final = "#D9E1F2"
_MIN_WIDTH: Final = 8
_MAX_WIDTH: Final = 60
_PROGRESS_EVERY: Final = 5000
_ADDED_WIDTHS: Final = (22, 6, 9, 14, 10, 12, 34, 48)  # typical content of each added column


def check_limits(table: Rows, limits: SheetLimits = EXCEL_LIMITS) -> None:
    """Refuse a list whose screened sheet would not fit: Excel would drop rows, columns or text.

    The header is checked here; a row's cell too long for Excel is refused as it comes (the rows
    are read as they are written), which the atomic write turns into nothing written.
    """
    if table.row_count > limits.rows:
        raise WorkbookError(
            "batch.too_many_rows", path=table.source, rows=table.row_count, limit=limits.rows
        )
    if len(table.headers) + len(ADDED_COLUMNS) > limits.columns:
        raise WorkbookError(
            "batch.too_many_columns",
            path=table.source,
            columns=len(table.headers),
            added=len(ADDED_COLUMNS),
            limit=limits.columns,
        )
    _check_cells(table, table.headers, 1, limits.cell)


def _check_cells(table: Rows, cells: Row, row: int, limit: int) -> None:
    """Refuse a row (``row``: header = 1) with a cell longer than ``limit``."""
    if max(map(len, cells), default=0) > limit:
        column = next(i for i, cell in enumerate(cells) if len(cell) > limit)
        raise _cell_too_long(table, row, column, cells[column], limit)


def _cell_too_long(table: Rows, row: int, column: int, text: str, limit: int) -> WorkbookError:
    """The sentence for a user's cell longer than an Excel cell holds (``row``: header = 1)."""
    return WorkbookError(
        "batch.cell_too_long",
        path=table.source,
        row=row,
        column=table.headers[column],
        length=len(text),
        limit=limit,
    )


@dataclass(frozen=True, slots=True)
class _Formats:
    """The few formats: the header, the two score formats, bold, and the fill of the rows that
    need advice (a conditional format on the sheet, not a format per cell)."""

    header: Any
    score: Any
    exact: Any
    bold: Any
    advice: Any


def _formats(book: Any) -> _Formats:
    return _Formats(
        header=book.add_format({"bold": True, "bg_color": HEADER_FILL, "bottom": 1}),
        score=book.add_format({"num_format": "0.00"}),
        exact=book.add_format({"num_format": "0.0000"}),
        bold=book.add_format({"bold": True}),
        advice=book.add_format({"bg_color": ADVICE_FILL}),
    )


def added_headers(lang: str) -> list[str]:
    """The headers of the eight added columns in ``lang``."""
    return [t(key, lang) for key in ADDED_COLUMNS]


def note(verdict: Verdict, lang: str) -> str:
    """The Note column: what to review (suggestions, candidates) or why a case is borderline."""

    def names(countries: Sequence[Any]) -> str:
        return ", ".join(describe(c, lang) for c in countries)

    match verdict.reason:
        case Reason.MISSING:
            return t("batch.note.missing", lang)
        case Reason.AMBIGUOUS:
            return t("batch.note.ambiguous", lang, names=names(verdict.candidates))
        case Reason.UNRESOLVED if verdict.suggestions:
            return t("batch.note.suggestions", lang, names=names(verdict.suggestions))
        case Reason.UNRESOLVED:
            return t("batch.note.no_suggestions", lang)
    if verdict.borderline:
        return t(
            "batch.note.borderline",
            lang,
            score=format_score(verdict.score),
            exact=format_score(verdict.score_exact, 4),
        )
    return ""


def added_values(verdict: Verdict, lang: str) -> tuple[Any, ...]:
    """The eight added cells for one verdict: texts, and scores as numbers (``None``: empty)."""
    screened = verdict.screened
    return (
        verdict.display_name(lang) if screened else "",
        verdict.place_code or "" if screened else "",
        verdict.score,
        verdict.score_exact,
        verdict.edition if screened else "",
        t("word.yes" if verdict.advice_needed else "word.no", lang),
        explain(verdict, lang),
        note(verdict, lang),
    )


def row_values(row: ScreenedValue, lang: str) -> tuple[Any, ...]:
    """The eight added cells for a row; a cell naming several countries lists each, in order."""
    if not row.parts:
        return added_values(row.verdict, lang)
    every = [added_values(verdict, lang) for verdict in row.parts]

    def listed(column: int) -> str:
        return "; ".join(str(values[column]) if values[column] not in ("", None) else "?"
                         for values in every)  # fmt: skip

    reasons = "; ".join(
        f"{v.display_name(lang)}: {values[6]}" for v, values in zip(row.parts, every, strict=True)
    )
    notes = "; ".join(str(values[7]) for values in every if values[7])
    return (
        listed(0),
        listed(1),
        "; ".join(format_score(v.score) if v.score is not None else "—" for v in row.parts),
        "; ".join(
            format_score(v.score_exact, 4) if v.score_exact is not None else "—" for v in row.parts
        ),
        row.verdict.edition,
        t("word.yes" if row.advice_needed else "word.no", lang),
        reasons,
        notes,
    )


def write_workbook(
    result: BatchResult,
    path: Path,
    *,
    lang: str,
    force: bool = False,
    progress: Progress | None = None,
    before_rename: Callable[[Path], None] | None = None,
    after_rename: Callable[[], None] | None = None,
    limits: SheetLimits = EXCEL_LIMITS,
) -> Path:
    """Write sheet 1 (every row plus the added columns) and sheet 2 (the summary) atomically.

    ``before_rename`` gets the temporary file once the workbook is complete in it, before it
    takes its name (the register records the rows there): if either fails, neither happens.
    ``after_rename`` runs once it has its name (the register marks the batch complete). From
    ``before_rename`` to the end of ``after_rename`` Ctrl-C waits; a harder stop in between
    leaves a batch that ``log verify`` names and a rerun completes.
    """
    check_limits(result.table, limits)
    with contextlib.ExitStack() as critical:
        with atomic_path(path, force=force) as tmp:
            _save(result, tmp, path, lang=lang, progress=progress, limits=limits)
            if before_rename is not None:
                check_writable(path, force=force)  # the output may have appeared in the meantime
                critical.enter_context(interrupts_deferred())
                before_rename(tmp)
                crash_point("batch-recorded")
        if after_rename is not None:
            crash_point("batch-renamed")
            after_rename()
    return path


def _save(
    result: BatchResult,
    tmp: Path,
    path: Path,
    *,
    lang: str,
    progress: Progress | None,
    limits: SheetLimits,
) -> None:
    """The complete workbook in ``tmp``; ``path`` is the name the user sees in an error.

    xlsxwriter's streaming files go to a scratch folder beside the output, not to TMPDIR.
    """
    import xlsxwriter

    with scratch_folder(path) as scratch:
        book = xlsxwriter.Workbook(str(tmp), {**STREAMING_WORKBOOK_OPTIONS, "tmpdir": str(scratch)})
        try:
            formats = _formats(book)
            main = book.add_worksheet(t("batch.sheet.main", lang))
            _write_main(main, result, lang, formats, progress, limits)
            write_summary(book.add_worksheet(t("batch.sheet.summary", lang)), result, lang, formats)
        finally:  # also on an error: constant_memory keeps each sheet in an open temporary file
            close_workbook(book, tmp, shown=path)


def _write_main(  # noqa: PLR0917 (one private call site)
    sheet: Any,
    result: BatchResult,
    lang: str,
    formats: _Formats,
    progress: Progress | None,
    limits: SheetLimits,
) -> None:
    """Header, then each row: the user's cells as text, the added cells typed and formatted.

    The rows are read again from the list one at a time and written at once (xlsxwriter's
    constant-memory mode), each with the added cells of its value, made once per value. A row
    that needs advice is filled by one conditional format on its Advice cell, which also keeps
    the fill with its row when the list is sorted or filtered in Excel.
    """
    table = result.table
    headers = [*table.headers, *added_headers(lang)]
    width = len(table.headers)
    _set_widths(sheet, headers, table.sample, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, table.row_count, len(headers) - 1)
    for column, header in enumerate(headers):
        if code := sheet.write_string(0, column, header, formats.header):
            raise refused(code, sheet, 0, column)
    if table.row_count:
        advice = width + ADDED_COLUMNS.index("batch.col.advice")
        sheet.conditional_format(
            1, 0, table.row_count, len(headers) - 1, _advice_rule(advice, lang, formats.advice)
        )
    added = [row_values(value, lang) for value in result.values]
    total = table.row_count
    rows = zip(table.iter_rows(), result.keys, strict=True)
    cell = limits.cell
    for number, (cells, key) in enumerate(rows, 1):
        _check_cells(table, cells, number + 1, cell)
        if refusal := _write_row(sheet, number, (*cells, *added[key]), formats):
            column, code = refusal
            raise refused(code, sheet, number, column)
        if progress and (number % _PROGRESS_EVERY == 0 or number == total):
            progress("write", number, total)


def _advice_rule(column: int, lang: str, fill: Any) -> dict[str, Any]:
    """The fill of every row whose Advice cell (``column``) says yes in ``lang``."""
    from xlsxwriter.utility import xl_col_to_name

    yes = t("word.yes", lang).replace('"', '""')
    return {"type": "formula", "criteria": f'=${xl_col_to_name(column)}2="{yes}"', "format": fill}


def _write_row(
    sheet: Any, number: int, values: tuple[Any, ...], formats: _Formats
) -> tuple[int, int] | None:
    """One row: texts with ``write_string`` (never a formula), scores as numbers; the column
    and return code of a write xlsxwriter refused, if any."""
    exact_column = len(values) - 5  # the added columns end: exact, edition, advice, reason, note
    for column, value in enumerate(values):
        if isinstance(value, float):
            score = formats.exact if column == exact_column else formats.score
            code = sheet.write_number(number, column, value, score)
        elif value:
            code = sheet.write_string(number, column, value)
        else:
            continue
        if code:
            return column, code
    return None


def _set_widths(sheet: Any, headers: Sequence[str], sample: Sequence[Row], width: int) -> None:
    """Readable widths: the user's columns fit their header and first rows, within bounds."""
    for column, header in enumerate(headers):
        if column < width:
            longest = max([len(header), *(len(row[column]) for row in sample)])
        else:
            longest = max(len(header), _ADDED_WIDTHS[column - width])
        sheet.set_column(column, column, min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH))
