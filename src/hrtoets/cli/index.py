"""``hrtoets index …``: import a WJP workbook, show the active index, list its countries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hrtoets.cli.options import EditionOption, JsonOption, LangOption
from hrtoets.cli.session import start

index_app = typer.Typer(
    help="The WJP Rule of Law Index: import, inspect, list.", no_args_is_help=True
)


@index_app.command("import")
def import_(
    workbook: Annotated[Path, typer.Argument(help="The WJP historical data workbook (.xlsx).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder for wjp_index.csv and wjp_index.json "
            "(default: HRTOETS_HOME/index/<edition>).",
        ),
    ] = None,
    activate: Annotated[
        bool,
        typer.Option(
            "--activate/--no-activate",
            help="Make the imported edition the active index (only without --output).",
        ),
    ] = True,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Import the WJP historical data workbook into the project's own CSV format."""
    from hrtoets.index.importer import import_workbook
    from hrtoets.index.store import import_into_home

    session = start(lang)
    if output is not None:
        result = import_workbook(workbook, output)
        folder = output
    else:
        result, folder = import_into_home(workbook, session.settings.home, activate=activate)
    if json_output:
        session.print_json(
            {
                "edition": result.meta.edition,
                "rows": result.meta.rows,
                "countries": result.meta.countries,
                "source_sha256": result.meta.source_sha256,
                "path": str(folder),
            }
        )
        return
    session.say(
        "index.imported",
        rows=result.meta.rows,
        edition=result.meta.edition,
        countries=result.meta.countries,
        path=folder,
    )


@index_app.command("info")
def info(lang: LangOption = None, json_output: JsonOption = False) -> None:
    """Which index is active: edition, countries, source and its SHA-256."""
    from hrtoets.index.store import load_active_index

    session = start(lang)
    index = load_active_index(session.settings.home)
    meta = index.meta
    data = {
        "edition": meta.edition,
        "editions": list(index.editions),
        "countries": meta.countries,
        "rows": meta.rows,
        "source": meta.source,
        "source_sha256": meta.source_sha256,
        "origin": meta.origin,
        "imported_at": meta.imported_at,
        "path": meta.path,
        "credit": "WJP Rule of Law Index, World Justice Project",
    }
    if json_output:
        session.print_json(data)
        return
    out = session.out
    out.print(
        session.t(
            "index.info",
            edition=meta.edition,
            countries=meta.countries,
            editions=len(index.editions),
            first=index.editions[0],
        ),
        markup=False,
    )
    for key in ("source", "source_sha256", "origin", "imported_at", "path"):
        out.print(f"  {key}: {data[key]}", markup=False)
    out.print(session.t("check.credit"), style="dim", markup=False)


@index_app.command("list")
def list_(
    region: Annotated[
        str | None,
        typer.Option("--region", help="Only countries whose WJP region contains this text."),
    ] = None,
    advice_needed: Annotated[
        bool, typer.Option("--advice-needed", help="Only countries that need advice.")
    ] = False,
    edition: EditionOption = None,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """All countries of an edition with their published score and verdict, best first."""
    from hrtoets.screening import Screener, list_edition

    session = start(lang)
    screener = Screener.from_settings(session.settings)
    rows = list_edition(
        screener, session.lang, edition, region=region, advice_needed_only=advice_needed
    )
    if json_output:
        session.print_json([r.to_json() for r in rows])
        return
    from hrtoets.cli.index_view import render_list

    render_list(session, rows, screener.index.edition(edition))


def register(app: typer.Typer) -> None:
    """Add the ``index`` group to ``app``."""
    app.add_typer(index_app, name="index")
