"""Docs drift: every command has help text and is in the generated reference, which matches
`--help`; the README stays short and links the guides; the check path stays light."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import typer
from typer.main import get_command

from hrtoets.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"


def _commands(command: Any, prefix: str = "hrtoets") -> Iterator[tuple[str, Any]]:
    """Every leaf command, through list_commands/get_command (the root loads groups lazily)."""
    if not hasattr(command, "list_commands"):
        yield prefix, command
        return
    ctx = typer.Context(command)
    for name in command.list_commands(ctx):
        yield from _commands(command.get_command(ctx, name), f"{prefix} {name}")


def test_every_command_is_documented() -> None:
    found = dict(_commands(get_command(app)))
    assert {
        "hrtoets check",
        "hrtoets batch",
        "hrtoets log add",
        "hrtoets clause render",
        "hrtoets index update",
        "hrtoets monitor",
    } <= set(found)
    reference = (DOCS / "reference.md").read_text(encoding="utf-8")
    guide = (DOCS / "user-guide.md").read_text(encoding="utf-8")
    for name, command in found.items():
        assert getattr(command, "help", None), f"{name} has no help text"
        assert f"## `{name}`" in reference, f"{name} is not in docs/reference.md"
        assert f"`{name}" in guide, f"{name} is not in docs/user-guide.md"


def test_reference_is_what_the_cli_says() -> None:
    """docs/reference.md is generated from the CLI (scripts/build_reference.py writes it)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_reference", ROOT / "scripts" / "build_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, lang in (("reference.md", "en"), ("referentie.md", "nl")):
        committed = (DOCS / name).read_text(encoding="utf-8")
        assert module.render(lang) == committed, "run: python scripts/build_reference.py"


def test_readme_is_short_and_links_every_guide() -> None:
    assert len(README.splitlines()) <= 150
    for name in (
        "gebruikersgids",
        "user-guide",
        "reference",
        "json",
        "architecture",
        "development",
    ):
        assert (DOCS / f"{name}.md").is_file(), name
        assert f"(docs/{name}.md)" in README, name
    assert "py -3.11 -m venv .venv" in README and r".venv\Scripts\hrtoets" in README
    assert "source .venv/bin/activate" in README


def test_dutch_guide_covers_the_cycle() -> None:
    guide = (DOCS / "gebruikersgids.md").read_text(encoding="utf-8")
    for command in (
        "check",
        "log add",
        "log advice",
        "log decide",
        "batch",
        "clause render",
        "index update",
        "monitor",
        "config init",
    ):
        assert f"hrtoets {command}" in guide, command
    assert "Leidt de samenwerking of het contact direct of indirect" in guide


def test_readme_quick_start_is_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in quick.splitlines() if line.startswith("python3.11 -m venv")]
    assert len(commands) == 2
    assert "hrtoets check" in commands[0]
    assert "pytest" in commands[1]


def test_exit_codes_in_help() -> None:
    from typer.testing import CliRunner

    assert "Afsluitcodes" in CliRunner().invoke(app, ["--help"]).stdout
    assert "Exit codes" in CliRunner().invoke(app, ["--help"], env={"HRTOETS_LANG": "en"}).stdout
    assert isinstance(app, typer.Typer)


def test_check_json_path_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from hrtoets.cli import app\n"
        "result = CliRunner().invoke(app, ['check', 'Belgium', '--json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "heavy = {'pandas', 'numpy', 'sqlalchemy', 'openpyxl', 'docx', 'httpx',\n"
        "         'jinja2', 'rich.console', 'rapidfuzz', 'babel', 'xlsxwriter',\n"
        "         'python_calamine'}\n"
        "other_groups = {'hrtoets.cli.batch', 'hrtoets.cli.log', 'hrtoets.cli.clause',\n"
        "                'hrtoets.cli.index', 'hrtoets.cli.monitor'}\n"
        "print(sorted((heavy | other_groups) & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ},
        cwd=ROOT,
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_public_api_loads() -> None:
    import hrtoets

    for name in hrtoets.__all__:
        assert getattr(hrtoets, name) is not None, name
