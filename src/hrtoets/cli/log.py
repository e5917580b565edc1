"""``hrtoets log …``: the register of checks — record, follow the advice, verify, export.

Each command parses its options, calls one function of :mod:`hrtoets.register.actions` (one
transaction) and renders the result; the register itself is imported only when a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    from hrtoets.register.model import CheckRecord

log_app = typer.Typer(
    help="The register of checks: record them, follow the council's advice, verify, export.",
    no_args_is_help=True,
)

TABLE_ROWS = 50  # the newest checks a table shows unless --limit or --all says otherwise
IdArgument = Annotated[
    int, typer.Argument(metavar="ID", help="The check's id (see hrtoets log list).")
]
NoteOption = Annotated[str, typer.Option("--note", help="A note kept with the record.")]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="When it happened: DD/MM/YYYY or YYYY-MM-DD (default: today).",
        show_default=False,
    ),
]


@log_app.command("add")
def add(
    *,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="The kind of contact: delegation-in, delegation-out, network, partnership, "
            "procurement or other (the Dutch labels work too).",
        ),
    ],
    title: Annotated[str, typer.Option("--title", help="Title or purpose of the contact.")],
    country: Annotated[
        list[str] | None,
        typer.Option("--country", help="A country; repeat it for a trip to several countries."),
    ] = None,
    partner: Annotated[str, typer.Option("--partner", help="The partner or supplier.")] = "",
    department: Annotated[str, typer.Option("--department", help="The city department.")] = "",
    planned: Annotated[
        str | None,
        typer.Option(
            "--planned", help="Planned date: DD/MM/YYYY or YYYY-MM-DD.", show_default=False
        ),
    ] = None,
    answer: AnswerOption = None,
    note: NoteOption = "",
    officer: OfficerOption = None,
    db: DbOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Screen the countries today and record the check in the register."""
    from hrtoets.register import actions

    session = start(lang, db)
    answer = session.ask_answer(kind, answer)
    check = actions.add(
        session.settings,
        kind=kind,
        title=title,
        countries=country or [],
        officer=session.officer(officer),
        department=department,
        partner=partner,
        planned=planned,
        answer=answer,
        note=note,
    )
    if json_output:
        session.print_json(check.to_json())
        return
    from hrtoets.cli.log_view import render_added

    render_added(session, check)


@log_app.command("advice")
def advice(
    check_id: IdArgument,
    *,
    requested: Annotated[
        bool, typer.Option("--requested", help="Advice was asked of the council.")
    ] = False,
    received: Annotated[bool, typer.Option("--received", help="The council advised.")] = False,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            help="With --received: positive, negative or conditional (the Dutch labels work too).",
            show_default=False,
        ),
    ] = None,
    date: DateOption = None,
    note: NoteOption = "",
    officer: OfficerOption = None,
    db: DbOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Record that advice was requested, or received with its outcome."""
    from hrtoets.register import actions

    session = start(lang, db)
    check = actions.advice(
        session.settings,
        check_id,
        requested=requested,
        received=received,
        outcome=outcome,
        on=date,
        note=note,
        officer=session.officer(officer),
    )
    _render_event(session, check, json_output)


@log_app.command("decide")
def decide(
    check_id: IdArgument,
    *,
    decision: Annotated[
        str,
        typer.Option(
            "--decision",
            help="What the city decided: go, no-go or adjusted (the Dutch labels work too).",
        ),
    ],
    date: DateOption = None,
    note: NoteOption = "",
    without_advice: Annotated[
        bool,
        typer.Option(
            "--without-advice",
            help="Decide a check that needs advice although no advice was asked (needs --reason).",
        ),
    ] = False,
    reason: Annotated[
        str,
        typer.Option("--reason", help="Why the decision was taken without advice."),
    ] = "",
    officer: OfficerOption = None,
    db: DbOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Record the city's decision; the check is closed after it.

    A check that needs advice is decided only after advice was requested, or with
    --without-advice --reason TEXT, which every view and export then shows.
    """
    from hrtoets.register import actions

    session = start(lang, db)
    check = actions.decide(
        session.settings,
        check_id,
        decision=decision,
        on=date,
        note=note,
        officer=session.officer(officer),
        without_advice=without_advice,
        reason=reason,
    )
    _render_event(session, check, json_output)


@log_app.command("withdraw")
def withdraw(
    check_id: IdArgument,
    *,
    reason: Annotated[str, typer.Option("--reason", help="Why the check is withdrawn (required).")],
    officer: OfficerOption = None,
    db: DbOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Withdraw a check recorded in error; it stays in the register, marked withdrawn."""
    from hrtoets.register import actions

    session = start(lang, db)
    check = actions.withdraw(
        session.settings, check_id, reason=reason, officer=session.officer(officer)
    )
    _render_event(session, check, json_output)


@log_app.command("resolve")
def resolve(
    check_id: IdArgument,
    *,
    country: Annotated[
        list[str],
        typer.Option(
            "--country",
            help="The country the row meant (repeat for several); screened now.",
            show_default=False,
        ),
    ],
    note: NoteOption = "",
    officer: OfficerOption = None,
    db: DbOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Screen a check that is to be reviewed (a batch row that named no single country)."""
    from hrtoets.register import actions

    session = start(lang, db)
    check = actions.resolve(
        session.settings, check_id, countries=country, note=note, officer=session.officer(officer)
    )
    _render_event(session, check, json_output)


@log_app.command("list")
def list_(
    *,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind.", show_default=False)
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="Only checks recorded in this year.", show_default=False),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Only checks with this country.", show_default=False),
    ] = None,
    advice_needed: Annotated[
        bool | None,
        typer.Option(
            "--advice-needed/--no-advice-needed",
            help="Only checks that need advice (or that do not).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Status: open, advice-requested, advice-received, decided, not-needed, withdrawn "
            "or to-review (the Dutch labels work too).",
            show_default=False,
        ),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            help="Only checks whose title, partner, department or note contains this text "
            "(case and accents ignored).",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            help="Show the newest N checks (default: 50 in the table, every one with --json).",
            show_default=False,
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Show every check.")] = False,
    db: DbOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """List the checks in the register, optionally filtered; the table shows the newest 50."""
    from hrtoets.errors import InputError
    from hrtoets.jsontext import array_pieces
    from hrtoets.register import actions

    session = start(lang, db)
    if limit is not None and (limit < 1 or every):
        raise InputError("register.bad_limit", limit=limit)
    newest = None if every or (json_output and limit is None) else (limit or TABLE_ROWS)
    filters = actions.check_filter(
        session.settings,
        kind=kind,
        year=year,
        country=country,
        advice_needed=advice_needed,
        status=status,
        search=search,
    )
    if json_output and newest is None:  # every check: streamed, however many there are
        with actions.streamed(session.settings, filters) as checks:
            session.print_json_pieces(array_pieces(check.to_json() for check in checks))
        return
    found, total = actions.find(session.settings, filters, newest=newest)
    if json_output:
        session.print_json([c.to_json() for c in found])
        return
    from hrtoets.cli.log_view import render_list

    render_list(session, found)
    if total > len(found):
        session.say("register.list_count", shown=len(found), total=total)


@log_app.command("show")
def show(
    check_id: IdArgument,
    db: DbOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show one check and its full event history."""
    from hrtoets.register import actions

    session = start(lang, db)
    check = actions.show(session.settings, check_id)
    if json_output:
        session.print_json(check.to_json(events=True))
        return
    from hrtoets.cli.log_view import render_check

    render_check(session, check)


@log_app.command("verify")
def verify(db: DbOption = None, lang: LangOption = None, json_output: JsonOption = False) -> None:
    """Walk the hash chain: exit 0 when intact, 1 naming the first broken event.

    Also exit 1, the chain intact, when a batch --log was stopped after its rows were recorded
    and before its workbook took its name: the sentence says which and how to complete it.
    """
    from hrtoets.errors import ExitCode
    from hrtoets.register import actions

    session = start(lang, db)
    result = actions.verify(session.settings)
    if json_output:
        session.print_json(result.to_json())
    else:
        from hrtoets.cli.log_view import render_verify

        render_verify(session, result)
    if not result.intact or result.interrupted:  # an interrupted batch needs a rerun
        raise typer.Exit(int(ExitCode.ATTENTION))


@log_app.command("export")
def export(
    output: OutputOption = None,
    force: ForceOption = False,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Export every check and event to FILE.xlsx, .csv or .json."""
    from hrtoets.errors import InputError
    from hrtoets.register import actions

    session = start(lang, db)
    if output is None:
        raise InputError("register.export_needs_output")
    result = actions.export(session.settings, Path(output), force=force)
    session.say("register.exported", checks=result.checks, events=result.events, path=result.path)


def _render_event(session: Session, check: CheckRecord, json_output: bool) -> None:
    """The check after a new event: its JSON with history, or one line for a person."""
    if json_output:
        session.print_json(check.to_json(events=True))
        return
    from hrtoets.cli.log_view import render_event

    render_event(session, check)


def register(app: typer.Typer) -> None:
    """Add the ``log`` group to ``app``."""
    app.add_typer(log_app, name="log")
