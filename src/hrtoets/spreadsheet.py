"""Writing spreadsheets safely: the one place that knows how user text stays text.

Used by every adapter that writes a spreadsheet (the screened workbook of ``batch``, the register's
``log export``): xlsxwriter with its string conversions off, Excel's own limits checked before a
write rather than silently cut, a write xlsxwriter did not do in full as an error, and CSV cells
that Excel would read as a formula neutralised.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from hrtoets.errors import WorkbookError

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


def csv_cell(value: Any) -> Any:
    """A CSV cell Excel shows as text: a leading ``'`` before a formula's first character."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return value
