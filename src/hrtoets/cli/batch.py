"""``hrtoets batch INPUT``: screen a partner list from Excel or CSV into a screened workbook."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Final

import typer

from hrtoets.cli.options import (
    AnswerOption,
    DbOption,
    ForceOption,
    JsonOption,
    LangOption,
    OfficerOption,
    OutputOption,
)
from hrtoets.cli.session import Session, start

if TYPE_CHECKING:
    from hrtoets.batch import BatchResult
    from hrtoets.batch.register_link import Recorder

PROGRESS_FROM_ROWS: Final = 5000  # smaller lists finish before a bar would be read


def batch(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT", help="Partner list: an Excel workbook (.xlsx) or a CSV file."
        ),
    ],
    *,
    output: OutputOption = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="Sheet to read (default: the first).", show_default=False),
    ] = None,
    column: Annotated[
        str | None,
        typer.Option(
            "--column",
            help="Header of the country column (default: found by header or content).",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    force: ForceOption = False,
    json_output: JsonOption = False,
    log: Annotated[
        str | None,
        typer.Option(
            "--log",
            metavar="KIND",
            help="Also record every row as a check of this kind in the register "
            "(delegation-in, delegation-out, network, partnership, procurement, other).",
            show_default=False,
        ),
    ] = None,
    answer: AnswerOption = None,
    officer: OfficerOption = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again",
            help="With --log: record the rows even if this list was recorded as this kind before.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Screen every row of a partner list and write INPUT.screened.xlsx beside it.

    Adds the matched country, ISO3, WJP score, edition, whether advice is needed, the reason and a
    note to every row; unrecognised, ambiguous and empty values need advice and are flagged for
    review. A second sheet sums it up. The input is never modified. With --log KIND every row is
    also recorded in the register, in one transaction, once the workbook is written and before it
    takes its name: if either fails, neither is kept. A batch that was stopped between the two is
    completed by running it again; a list already recorded as KIND needs --again.
    """
    from hrtoets.batch import run_batch
    from hrtoets.batch.register_link import LogRequest, recording
    from hrtoets.screening import Screener

    session = start(lang, db)
    if again and not log:
        from hrtoets.errors import InputError

        raise InputError("batch.again_without_log")
    screener = Screener.from_settings(session.settings)
    request = (
        LogRequest(log, session.ask_answer(log, answer), session.officer(officer), again)
        if log
        else None
    )
    with recording(session.settings, request, source) as recorder:
        resumed = recorder.resume(force=force) if recorder is not None else None
        if resumed is not None and recorder is not None:
            _render_completed(session, recorder, json_output)
            return
        with _progress(session) as progress:
            result = run_batch(
                source,
                screener,
                lang=session.lang,
                output=output,
                sheet=sheet,
                column=column,
                force=force,
                progress=progress,
                recording=recorder,
            )
    logged = list(recorder.check_ids) if recorder else []
    if result.table.trimmed:
        session.say("batch.csv_trimmed", count=result.table.trimmed, path=result.table.source)
    if json_output:
        from hrtoets.batch import summary_to_json

        data = summary_to_json(result)
        if recorder is not None:
            data |= {"logged_kind": recorder.kind.value, "logged_check_ids": logged}
            data |= _batch_json(recorder)
        session.print_json(data)
        return
    how = session.t(f"batch.how.{result.column.how.value}")
    session.say("batch.column_used", column=result.column.header, how=how)
    _render(session, result)
    if recorder is not None and recorder.completed and recorder.batch is not None:
        _say_completed(session, recorder)
    elif logged:
        session.say("batch.logged", count=len(logged), first=logged[0], last=logged[-1])


def _batch_json(recorder: Recorder) -> dict[str, object]:
    batch = recorder.batch.to_json() if recorder.batch is not None else None
    return {"batch": batch, "completed_interrupted_batch": recorder.completed}


def _say_completed(session: Session, recorder: Recorder) -> None:
    batch = recorder.batch
    assert batch is not None
    session.say(
        "batch.completed",
        id=batch.id,
        count=batch.rows,
        first=batch.first_check,
        last=batch.last_check,
        path=batch.output,
    )


def _render_completed(session: Session, recorder: Recorder, json_output: bool) -> None:
    """An interrupted batch completed with the workbook it had already written."""
    if json_output:
        session.print_json(
            {
                "logged_kind": recorder.kind.value,
                "logged_check_ids": list(recorder.check_ids),
                **_batch_json(recorder),
            }
        )
        return
    _say_completed(session, recorder)


@contextmanager
def _progress(session: Session) -> Iterator[Callable[[str, int, int], None] | None]:
    """A Rich bar on stderr for large lists, only when stderr is a terminal."""
    if not session.err.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=session.err, transient=True) as bar:
        tasks: dict[str, object] = {}

        def update(stage: str, done: int, total: int) -> None:
            if total < PROGRESS_FROM_ROWS:
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(session.t(f"batch.stage.{stage}"), total=total)
            bar.update(tasks[stage], completed=done)  # type: ignore[arg-type]

        yield update


def _render(session: Session, result: BatchResult) -> None:
    """The summary table on stdout: counts, reasons, values to review, the output file."""
    from rich.table import Table

    from hrtoets.batch.summary_sheet import reason_label

    summary = result.summary
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row(session.t("batch.sum.rows"), str(summary.rows))
    table.add_row(session.t("batch.sum.advice"), str(summary.advice_needed))
    table.add_row(session.t("batch.sum.no_advice"), str(summary.no_advice_needed))
    table.add_row(session.t("batch.sum.borderline"), str(summary.borderline))
    for reason, count in summary.per_reason:
        label = reason_label(
            reason.value, session.lang, threshold=summary.threshold, edition=summary.edition
        )
        table.add_row(f"  {label}", str(count))
    session.out.print(table)
    if summary.review:
        session.out.print(session.t("batch.sum.review_title"), style="bold", markup=False)
        for item in summary.review:
            options = ", ".join(f"{c.name(session.lang)} ({c.iso3})" for c in item.options)
            line = f"  '{item.text}' ×{item.rows}" + (f": {options}" if options else "")
            session.out.print(line, markup=False)
    session.out.print(
        session.t(
            "batch.written",
            path=result.output,
            rows=summary.rows,
            advice=summary.advice_needed,
        ),
        markup=False,
        soft_wrap=True,  # a path is never broken in the middle
    )


def register(app: typer.Typer) -> None:
    """Add ``batch`` to ``app``."""
    app.command("batch")(batch)
