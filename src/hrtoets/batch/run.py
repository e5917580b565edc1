"""The batch job from end to end: read a list, screen it, write the screened workbook."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from hrtoets.batch.core import (
    BatchResult,
    Progress,
    check_output,
    default_output,
    screen_table,
)
from hrtoets.batch.workbook import write_workbook
from hrtoets.screening import Screener
from hrtoets.tables import read_table


def run_batch(
    source: Path,
    screener: Screener,
    *,
    lang: str,
    output: Path | None = None,
    sheet: str | None = None,
    column: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    on_written: Callable[[BatchResult], None] | None = None,
) -> BatchResult:
    """Read ``source``, screen it and write the screened workbook; the input is never touched.

    The output is checked before the work starts, so a refused output costs nothing.
    ``on_written`` sees the screened rows once the workbook is complete in its temporary file and
    before it takes its name (the register records them there): if either the workbook or the
    hook fails, there is neither a workbook nor, since the hook is one transaction, a record.
    """
    target = output if output is not None else default_output(source)
    if source.exists():
        check_output(source, target, force=force)
    table = read_table(source, sheet=sheet)
    result = screen_table(table, screener, column=column, progress=progress, today=today)
    hook = (lambda: on_written(result)) if on_written is not None else None
    write_workbook(result, target, lang=lang, force=force, progress=progress, before_rename=hook)
    return BatchResult(result.table, result.column, result.rows, result.summary, target)
