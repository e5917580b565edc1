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

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "reference.md"

HEADER = """\
# Command reference

Generated from the CLI by `scripts/build_reference.py`; do not edit by hand (a test compares it with
`--help`). Every command also takes `--help`. Exit codes: 0 ok; 1 a finding (a broken register
chain, a changed verdict); 2 bad input or usage; 130 interrupted. The Dutch user guide is
[gebruikersgids.md](gebruikersgids.md); the JSON documents are described in [json.md](json.md).
"""


def commands(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every command below ``command``, groups first, in the order ``--help`` lists them."""
    yield path, command
    if hasattr(command, "list_commands"):
        ctx = typer.Context(command, info_name=path)
        for name in command.list_commands(ctx):
            yield from commands(command.get_command(ctx, name), f"{path} {name}")


def _option_line(param: Any, ctx: Any) -> str | None:
    """One option or argument as ``--help`` shows it: its names and metavar, then its help."""
    record = param.get_help_record(ctx)
    if record is None:
        return None
    names, text = record
    kind = " (argument)" if param.param_type_name == "argument" else ""
    return f"- `{names}`{kind}: {' '.join(text.split())}".rstrip(": ")


def render() -> str:
    from hrtoets.cli import app

    root = get_command(app)
    parts = [HEADER]
    for path, command in commands(root, "hrtoets"):
        ctx = typer.Context(command, info_name=path)
        level = "#" * min(path.count(" ") + 2, 4)
        parts.append(f"\n{level} `{path}`\n")
        parts.append(f"```\n{command.get_usage(ctx)}\n```\n")
        if command.help:
            parts.append("\n" + command.help.strip() + "\n")
        lines = [_option_line(p, ctx) for p in command.get_params(ctx) if p.name != "help"]
        if shown := [line for line in lines if line]:
            parts.append("\n" + "\n".join(shown) + "\n")
    return "".join(parts)


def main() -> int:
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
