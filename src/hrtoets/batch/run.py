"""The batch job from end to end: read a list, screen it, write the screened workbook."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Protocol

from hrtoets.batch.core import (
    BatchResult,
    Progress,
    check_output,
    default_output,
    screen_table,
)
from hrtoets.batch.workbook import write_workbook
from hrtoets.screening import Screener
from hrtoets.tables import open_table


class Recording(Protocol):
    """What records a batch's rows (``batch --log``): see :func:`run_batch`."""

    def before_rename(self, result: BatchResult, pending: Path, target: Path) -> None: ...

    def after_rename(self, target: Path) -> None: ...


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
    recording: Recording | None = None,
) -> BatchResult:
    """Read ``source``, screen it and write the screened workbook; the input is never touched.

    The output is checked before the work starts, so a refused output costs nothing.
    ``recording.before_rename`` sees the screened rows once the workbook is complete in its
    temporary file and before it takes its name (the register records them there): if either the
    workbook or the recording fails, there is neither a workbook nor, since recording is one
    transaction, a record. ``recording.after_rename`` follows once the workbook has its name.
    """
    target = output if output is not None else default_output(source, lang)
    if source.exists():
        check_output(source, target, force=force)
    table = open_table(source, sheet=sheet)
    result = screen_table(table, screener, column=column, progress=progress, today=today)
    before = after = None
    if recording is not None:
        rec = recording

        def before(pending: Path) -> None:
            rec.before_rename(result, pending, target)

        def after() -> None:
            rec.after_rename(target)

    write_workbook(
        result,
        target,
        lang=lang,
        force=force,
        progress=progress,
        before_rename=before,
        after_rename=after,
    )
    return dataclasses.replace(result, output=target)
