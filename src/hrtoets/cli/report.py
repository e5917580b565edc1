"""``hrtoets report``: the register's figures for the city's yearly human-rights report.

Exit code 1 when the register is not intact (the report still comes, with the warning on top).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from hrtoets.cli.options import DbOption, ForceOption, JsonOption, LangOption
from hrtoets.cli.session import start


def _day(value: str | None) -> date | None:
    from hrtoets.dates import parse_day

    return parse_day(value) if value else None


def report(  # every option keyword-only: they are named on the command line too
    *,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The report: FILE.html, .xlsx, .md or .json.")
    ],
    year: Annotated[
        int | None, typer.Option("--year", help="The calendar year to report on.")
    ] = None,
    start_day: Annotated[
        str | None,
        typer.Option("--from", help="First day of the period: DD/MM/YYYY or YYYY-MM-DD."),
    ] = None,
    end_day: Annotated[
        str | None,
        typer.Option("--to", help="Last day of the period (default: today)."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="The day the report is made as of, to make it again exactly later."
        ),
    ] = None,
    overdue_days: Annotated[
        int, typer.Option("--overdue-days", help="Open checks older than this are overdue.")
    ] = 30,
    db: DbOption = None,
    lang: LangOption = None,
    force: ForceOption = False,
    json_output: JsonOption = False,
) -> None:
    """Write the yearly report: checks, advice, decisions, agreements and countries of a period.

    Computed from the register alone (--db as for log); the register's integrity comes first.
    Exit code 1 when the register is not intact.
    """
    from hrtoets.errors import ExitCode
    from hrtoets.report import ReportRequest, build_report, write_report

    session = start(lang, db)
    request = ReportRequest(
        year=year,
        start=_day(start_day),
        end=_day(end_day),
        as_of=_day(as_of),
        overdue_days=overdue_days,
    )
    figures = build_report(session.settings, request)
    figures["overdue_days"] = overdue_days
    write_report(figures, output, session.lang, force=force)
    if json_output:
        session.print_json(figures)
    else:
        session.say(
            "report.written",
            path=output,
            checks=figures["checks"]["total"],
            start=session.day(figures["period"]["from"]),
            end=session.day(figures["period"]["to"]),
        )
    if not figures["register"]["intact"]:
        session.say("report.tampered", style="bold red")
        raise typer.Exit(int(ExitCode.ATTENTION))


def register(app: typer.Typer) -> None:
    """Add ``report`` to ``app``."""
    app.command("report")(report)
