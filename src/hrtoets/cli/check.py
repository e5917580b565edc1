"""``hrtoets check COUNTRY``: one country's verdict, for a person or as JSON."""

from __future__ import annotations

from typing import Annotated

import typer

from hrtoets.cli.options import EditionOption, JsonOption, LangOption
from hrtoets.cli.session import start
from hrtoets.errors import ExitCode
from hrtoets.screening import Screener, verdict_to_json


def check(
    country: Annotated[
        list[str],
        typer.Argument(
            metavar="COUNTRY",
            help="Country: a Dutch, English, French or German name, or an ISO code "
            "(several words need no quotes: hrtoets check Zuid Afrika).",
        ),
    ],
    lang: LangOption = None,
    json_output: JsonOption = False,
    edition: EditionOption = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="The kind of contact, to tailor the next step: delegation-in, delegation-out, "
            "network, partnership, procurement or other (the Dutch labels work too).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Does a contact with COUNTRY need the human-rights council's advice?

    Exit code 0 for a recognised country or region (whichever the verdict; a region always needs
    advice), 2 when the input names no single place (the output then suggests or lists candidates).
    """
    session = start(lang)
    contact = None
    if kind is not None:
        from hrtoets.register.kinds import parse_kind

        contact = parse_kind(kind).value
    name = " ".join(country)  # the shell split "Zuid Afrika" into two arguments: one name
    verdict = Screener.from_settings(session.settings).screen(name, edition=edition)
    if json_output:
        session.print_json(verdict_to_json(verdict, session.lang))
    else:
        from hrtoets.cli.check_view import render_verdict

        render_verdict(session, verdict, kind=contact)
    if not verdict.screened:
        if json_output:
            from hrtoets.cli.check_view import explain_unresolved

            explain_unresolved(session, verdict)
        raise typer.Exit(int(ExitCode.INPUT))


def register(app: typer.Typer) -> None:
    """Add ``check`` to ``app``."""
    app.command("check")(check)
