"""Generate ``docs/reference.md``: every command and option, taken from the CLI itself.

Run ``python scripts/build_reference.py`` after changing a command; ``tests/test_docs.py`` fails
when the committed file differs from what this script writes, so the reference never drifts from
``--help``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from typer.main import get_command

DOCS = Path(__file__).resolve().parent.parent / "docs"
OUTPUT = DOCS / "reference.md"
OUTPUT_NL = DOCS / "referentie.md"

HEADER = """\
# Command reference

Generated from the CLI by `scripts/build_reference.py`; do not edit by hand (a test compares it with
`--help`). Every command also takes `--help`. Exit codes: 0 ok; 1 a finding (a broken register
chain, a changed verdict); 2 bad input or usage; 130 interrupted. The Dutch user guide is
[gebruikersgids.md](gebruikersgids.md); the JSON documents are described in [json.md](json.md).
"""

HEADER_NL = """\
# Overzicht van de commando's

Gemaakt uit de CLI door `scripts/build_reference.py`; niet met de hand aanpassen (een test
vergelijkt het met `--help`). Elk commando kent ook `--help`. Afsluitcodes: 0 in orde; 1 een
bevinding (een gebroken registerketen, een veranderd oordeel); 2 foute invoer of een fout gebruik;
130 onderbroken. De gebruikersgids staat in [gebruikersgids.md](gebruikersgids.md); de Engelse
versie van dit overzicht in [reference.md](reference.md).
"""


def commands(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every command below ``command``, groups first, in the order ``--help`` lists them."""
    yield path, command
    if hasattr(command, "list_commands"):
        ctx = typer.Context(command, info_name=path)
        for name in command.list_commands(ctx):
            yield from commands(command.get_command(ctx, name), f"{path} {name}")


def _option_line(param: Any, ctx: Any, lang: str) -> str | None:
    """One option or argument as ``--help`` shows it: its names and metavar, then its help."""
    from hrtoets.cli.localised import metavars, option_help

    record = param.get_help_record(ctx)
    if record is None:
        return None
    names, text = record
    kind = " (argument)" if param.param_type_name == "argument" else ""
    shown = option_help(" ".join(text.split()), lang)
    return f"- `{metavars(names, lang)}`{kind}: {shown}".rstrip(": ")


def render(lang: str = "en") -> str:
    """The reference in ``lang`` (en: docs/reference.md, nl: docs/referentie.md)."""
    from hrtoets.cli import app
    from hrtoets.cli.localised import LocalisedContext, help_text, set_language

    set_language(lang)
    root = get_command(app)
    parts = [HEADER if lang == "en" else HEADER_NL]
    for path, command in commands(root, "hrtoets"):
        ctx = LocalisedContext(command, info_name=path)
        level = "#" * min(path.count(" ") + 2, 4)
        parts.append(f"\n{level} `{path}`\n")
        parts.append(f"```\n{command.get_usage(ctx)}\n```\n")
        if command.help:
            parts.append("\n" + help_text(command.help.strip(), lang) + "\n")
        lines = [_option_line(p, ctx, lang) for p in command.get_params(ctx) if p.name != "help"]
        if shown := [line for line in lines if line]:
            parts.append("\n" + "\n".join(shown) + "\n")
    set_language("nl")
    return "".join(parts)


def main() -> int:
    OUTPUT.parent.mkdir(exist_ok=True)
    for path, lang in ((OUTPUT, "en"), (OUTPUT_NL, "nl")):
        path.write_text(render(lang), encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
