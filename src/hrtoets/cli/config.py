"""``hrtoets config show`` and ``hrtoets config init``: where state lives and what is configured."""

from __future__ import annotations

import typer

from hrtoets.cli.options import DbOption, ForceOption, JsonOption, LangOption
from hrtoets.cli.session import start


def show(lang: LangOption = None, db: DbOption = None, json_output: JsonOption = False) -> None:
    """Show HRTOETS_HOME, config.toml and every effective setting with where it came from."""
    from rich.text import Text

    from hrtoets.config import explain_settings

    session = start(lang, db)
    settings, rows = explain_settings(lang=lang.value if lang else None, db=db)
    if json_output:
        session.print_json(
            {
                "home": str(settings.home),
                "config_file": str(settings.config_path),
                "config_file_exists": settings.config_path.is_file(),
                "settings": {row.key: {"value": row.value, "source": row.source} for row in rows},
            }
        )
        return
    width = max(len(row.key) for row in rows)
    for row in rows:  # one line a setting, never folded: a person copies a path or URL from here
        source = session.t(f"config.source.{row.source}")
        line = Text(f"{row.key:<{width}}  {row.value or '—'}  ({source})")
        session.out.print(line, soft_wrap=True)
    if not settings.config_path.is_file():
        session.say("config.no_file", path=settings.config_path)


def init(lang: LangOption = None, force: ForceOption = False) -> None:
    """Write a commented config.toml in HRTOETS_HOME (an existing one only with --force)."""
    from hrtoets.config import config_template
    from hrtoets.errors import InputFileError
    from hrtoets.files import write_text_atomic

    session = start(lang)
    path = session.settings.config_path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file where the folder belongs, a read-only disk
        raise InputFileError("file.cannot_write", path=path.parent, error=exc.strerror) from None
    write_text_atomic(path, config_template(session.settings), force=force)
    session.say("config.written", path=path)


def register(app: typer.Typer) -> None:
    """Add the ``config`` group to ``app``."""
    group = typer.Typer(
        help="Where hrtoets keeps its state, and its settings.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    group.command("show")(show)
    group.command("init")(init)
    app.add_typer(group, name="config")
