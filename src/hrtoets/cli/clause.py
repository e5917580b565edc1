"""``hrtoets clause …``: list, show and render agreements that carry the human-rights clause."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
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
    from collections.abc import Callable

    from hrtoets.agreements import Agreement, AgreementMaker, MergeResult
    from hrtoets.agreements.register_link import AgreementLog
    from hrtoets.agreements.variables import Variables

clause_app = typer.Typer(
    help="Agreements that carry the human-rights clause: list, show, render (also mail merge).",
    no_args_is_help=True,
)

NameArgument = Annotated[
    str,
    typer.Argument(
        help="Template: partnership, network, delegation-in (receiving a delegation), "
        "delegation-out (a city delegation abroad), procurement or clause.",
        metavar="NAME",
        show_default=False,
    ),
]


class Format(StrEnum):
    """Output formats of a mail merge (a single render follows the -o extension)."""

    DOCX = "docx"
    MD = "md"
    HTML = "html"
    TXT = "txt"


@clause_app.command("list")
def list_(lang: LangOption = None, json_output: JsonOption = False) -> None:
    """The agreement templates, their languages and where each comes from."""
    from hrtoets.agreements import TemplateLibrary

    session = start(lang)
    templates = TemplateLibrary(session.settings.templates_dir).templates()
    if json_output:
        session.print_json([info.to_json() for info in templates])
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for key in ("col_name", "col_lang", "col_title", "col_origin"):
        table.add_column(session.t(f"agreements.{key}"))
    for info in templates:
        origin = session.t(f"agreements.origin_{info.origin}")
        table.add_row(info.name, info.lang, info.title, origin)
    session.out.print(table)


@clause_app.command("show")
def show(
    name: NameArgument,
    lang: LangOption = None,
    source: Annotated[
        bool, typer.Option("--source", help="Print the Jinja2 template instead of a preview.")
    ] = False,
) -> None:
    """Preview an agreement as text, with placeholders for the partner and the countries."""
    from hrtoets.agreements import AgreementMaker
    from hrtoets.agreements.writers import to_text

    session = start(lang)
    maker = AgreementMaker(session.settings)
    if source:
        text = maker.library.source(name, session.lang)
    else:
        text = to_text(maker.preview(name, session.lang))
    typer.echo(text.rstrip("\n"))


@clause_app.command("render")
def render(  # every option keyword-only: they are named on the command line too
    name: NameArgument,
    *,
    output: OutputOption = None,
    partner: Annotated[
        str | None,
        typer.Option("--partner", help="The partner, network or supplier.", metavar="NAME"),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            help="A country of the contact (repeatable); each is screened.",
            metavar="COUNTRY",
        ),
    ] = None,
    var: Annotated[
        list[str] | None,
        typer.Option(
            "--var", help="A template variable as key=value (repeatable).", metavar="KEY=VALUE"
        ),
    ] = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="Variables from a .toml or .json file.")
    ] = None,
    rows: Annotated[
        Path | None,
        typer.Option("--rows", help="Mail merge: one agreement per row of this .xlsx or .csv."),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="Mail merge: the sheet (default: the first).")
    ] = None,
    column: Annotated[
        str | None,
        typer.Option(
            "--column",
            help="Mail merge: the header of the country column (default: found by header or "
            "content, as batch finds it).",
        ),
    ] = None,
    out_dir: Annotated[
        Path | None, typer.Option("--out-dir", help="Mail merge: the folder to write into.")
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="Mail merge: the output format.")
    ] = Format.DOCX,
    lang: LangOption = None,
    force: ForceOption = False,
    json_output: JsonOption = False,
    log: Annotated[
        bool,
        typer.Option(
            "--log", help="Record the agreement in the register (a new check, or --check)."
        ),
    ] = False,
    check: Annotated[
        int | None,
        typer.Option("--check", help="With --log: the check to record it on.", metavar="ID"),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="With --log, for a new check: its kind (default: from the template; a template "
            "of your own needs it).",
            show_default=False,
        ),
    ] = None,
    answer: AnswerOption = None,
    officer: OfficerOption = None,
    db: DbOption = None,
) -> None:
    """Write an agreement with the human-rights clause; the format follows the -o extension.

    Each --country is screened: when advice is needed the agreement is still written, and the
    terminal says to ask the human-rights council first. With --rows and --out-dir: one agreement
    per row, the columns giving the variables (partner, country, …). With --log the agreement
    (template, language, partner, countries, file and SHA-256) is recorded in the register.
    """
    from hrtoets.agreements import AgreementMaker
    from hrtoets.errors import InputError

    session = start(lang, db)
    single = output is not None and rows is None and out_dir is None
    merging = output is None and rows is not None and out_dir is not None
    if not (single or merging):
        raise InputError("agreements.need_output")
    if merging and log:
        raise InputError("agreements.log_with_rows")
    variables = _variables(data, var or [], partner, country or [])
    maker = AgreementMaker(session.settings)
    if rows is not None and out_dir is not None:
        source = _Rows(rows, sheet, out_dir, fmt, column)
        _mail_merge(session, maker, name, source, variables, force=force, json_output=json_output)
        return
    assert output is not None
    request = _log_request(
        session,
        name,
        log=log,
        check=check,
        kind=kind,
        answer=answer,
        officer=session.officer(officer),
    )
    _render_one(
        session,
        maker,
        name,
        variables,
        output,
        force=force,
        request=request,
        json_output=json_output,
    )


def _log_request(
    session: Session,
    name: str,
    *,
    log: bool,
    check: int | None,
    kind: str | None,
    answer: str | None,
    officer: str | None,
) -> AgreementLog | None:
    """What --log asks; the guiding question is asked when a new council check needs it."""
    from hrtoets.agreements.register_link import TEMPLATE_KINDS, AgreementLog
    from hrtoets.errors import InputError

    if not log:
        if check is not None or kind is not None or answer is not None:
            raise InputError("agreements.log_options_without_log")
        return None
    if check is None:
        answer = session.ask_answer(kind or TEMPLATE_KINDS.get(name), answer)
    return AgreementLog(check_id=check, kind=kind, answer=answer, officer=officer)


def _render_one(
    session: Session,
    maker: AgreementMaker,
    name: str,
    variables: Variables,
    output: Path,
    *,
    force: bool,
    request: AgreementLog | None,
    json_output: bool,
) -> None:
    """Prepare, check with the register (--log), write, record; then say what happened."""
    from hrtoets.agreements.register_link import recording
    from hrtoets.agreements.writers import format_of

    format_of(output)  # a wrong extension is said before any work is done
    with recording(session.settings, request) as recorder:
        agreement = maker.prepare(name, session.lang, variables)
        if recorder is not None:
            recorder.prepare(agreement)
        written = maker.write(agreement, output, force=force)
        logged = recorder.record(written) if recorder is not None else None
    _say_screening(session, written.agreement)
    if json_output:
        record = written.record()
        session.print_json(record | {"check_id": logged.id} if logged else record)
        return
    session.say("agreements.written", path=output, name=name, lang=session.lang)
    if logged is not None:
        session.say("agreements.logged", id=logged.id)


def _variables(
    data: Path | None, pairs: list[str], partner: str | None, countries: list[str]
) -> Variables:
    """--data, then --var, then --partner and --country: the more specific option wins."""
    from hrtoets.agreements import parse_pairs, read_data
    from hrtoets.agreements.variables import COUNTRY_KEYS, clean

    variables = read_data(data) if data is not None else {}
    variables.update(parse_pairs(pairs))
    if partner is not None:
        variables["partner"] = clean(partner)
    if countries:
        for key in COUNTRY_KEYS:
            variables.pop(key, None)
        variables["countries"] = tuple(countries)
    return variables


def _say_screening(session: Session, agreement: Agreement) -> None:
    """One line per country on stderr; advice needed is said loudly."""
    from hrtoets.screening import explain

    for verdict in agreement.verdicts:
        country = verdict.display_name(session.lang)
        reason = explain(verdict, session.lang)
        if verdict.advice_needed:
            session.say(
                "agreements.advice_needed", style="bold red", country=country, reason=reason
            )
        else:
            session.say("agreements.no_advice_needed", country=country, reason=reason)


@dataclass(frozen=True, slots=True)
class _Rows:
    """Where a mail merge reads its rows and writes its agreements."""

    table: Path
    sheet: str | None
    folder: Path
    fmt: Format
    column: str | None = None


def _mail_merge(
    session: Session,
    maker: AgreementMaker,
    name: str,
    rows: _Rows,
    variables: Variables,
    *,
    force: bool,
    json_output: bool,
) -> None:
    """One agreement per row; a progress bar on stderr only when stderr is a terminal."""
    from hrtoets.agreements import merge
    from hrtoets.tables import read_table

    table = read_table(rows.table, sheet=rows.sheet)

    def run(on_written: Callable[[int, int], None] | None = None) -> MergeResult:
        return merge(
            maker,
            table,
            name=name,
            lang=session.lang,
            folder=rows.folder,
            fmt=rows.fmt.value,
            base=variables,
            force=force,
            column=rows.column,
            on_written=on_written,
        )

    if session.err.is_terminal:
        from rich.progress import Progress

        with Progress(console=session.err, transient=True) as progress:
            task = progress.add_task(session.t("agreements.progress"), total=len(table.rows))
            result = run(lambda done, total: progress.update(task, completed=done, total=total))
    else:
        result = run()
    if json_output:
        session.print_json([m.written.record() | {"row": m.row} for m in result.rows])
    _say_summary(session, result)


def _say_summary(session: Session, result: MergeResult) -> None:
    """How many were written, and which ones need the council's advice before signing."""
    from hrtoets.screening import explain

    if result.ignored:
        session.say(
            "agreements.ignored_columns",
            style="yellow",
            name=result.template,
            path=result.source,
            columns=", ".join(result.ignored),
        )
    session.say(
        "agreements.merged",
        count=len(result.rows),
        folder=result.folder,
        name=result.template,
        lang=result.lang,
        skipped=len(result.skipped),
    )
    advice = result.needs_advice
    if advice:
        session.say(
            "agreements.merged_advice", style="bold red", count=len(advice), total=len(result.rows)
        )
        for merged in advice:
            agreement = merged.written.agreement
            countries = "; ".join(
                f"{v.display_name(session.lang)} ({explain(v, session.lang)})"
                for v in agreement.needs_advice
            )
            session.say(
                "agreements.merged_advice_row",
                row=merged.row,
                file=merged.written.path.name,
                countries=countries,
            )
    elif any(merged.written.agreement.verdicts for merged in result.rows):
        session.say("agreements.merged_none")


def register(app: typer.Typer) -> None:
    """Add ``clause`` (list, show, render) to ``app``."""
    app.add_typer(clause_app, name="clause")
