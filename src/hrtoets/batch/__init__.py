"""Batch screening of partner lists: a spreadsheet in, a screened workbook out.

``run_batch`` reads a list (:mod:`hrtoets.tables`), finds the country column
(:mod:`~hrtoets.country_column`), screens each distinct value once (:mod:`~hrtoets.batch.core`) and
writes the screened workbook (:mod:`~hrtoets.batch.workbook`), reading the list again row by row
rather than holding it. ``BatchResult.iter_rows()`` gives every row's number, input text and
:class:`~hrtoets.screening.Verdict`, e.g. for the register.
"""

from __future__ import annotations

from hrtoets.batch.core import (
    BatchResult,
    BatchRow,
    BatchSummary,
    Progress,
    ReviewItem,
    ScreenedValue,
    default_output,
    screen_table,
    summary_to_json,
)
from hrtoets.batch.run import run_batch
from hrtoets.batch.workbook import write_workbook
from hrtoets.country_column import ColumnChoice, How, choose_column

__all__ = [
    "BatchResult",
    "BatchRow",
    "BatchSummary",
    "ColumnChoice",
    "How",
    "Progress",
    "ReviewItem",
    "ScreenedValue",
    "choose_column",
    "default_output",
    "run_batch",
    "screen_table",
    "summary_to_json",
    "write_workbook",
]
