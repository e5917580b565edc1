"""Options shared by several commands, defined once (``Annotated`` aliases)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hrtoets.cli.session import remember_lang


class Lang(StrEnum):
    """Languages of messages, templates and spreadsheet headers."""

    NL = "nl"
    EN = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of the output: nl or en (default: HRTOETS_LANG, config.toml, then nl).",
        case_sensitive=False,
        show_default=False,
        callback=remember_lang,
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", help="Print one JSON document on stdout, with stable English keys."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Register database as an SQLAlchemy URL "
        "(default: HRTOETS_DB, then SQLite in HRTOETS_HOME).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Output file.", show_default=False)
]
EditionOption = Annotated[
    str | None,
    typer.Option(
        "--edition", help="WJP edition to use, e.g. 2024 (default: the latest).", show_default=False
    ),
]
OfficerOption = Annotated[
    str | None,
    typer.Option(
        "--officer",
        help="Who records this in the register (default: config.toml officer, else the OS user).",
        show_default=False,
    ),
]
AnswerOption = Annotated[
    str | None,
    typer.Option(
        "--answer",
        help="The guiding question's answer: yes, no or unsure (required for the four council "
        "kinds in the register; asked when a terminal is attached).",
        show_default=False,
    ),
]
