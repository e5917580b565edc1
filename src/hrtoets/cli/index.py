"""``hrtoets index …``: import or download WJP workbooks; show, list, switch, compare indexes."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer

from hrtoets.cli.options import EditionOption, ForceOption, JsonOption, LangOption
from hrtoets.cli.session import start
from hrtoets.errors import InputError

index_app = typer.Typer(
    help="The WJP Rule of Law Index: import, update, inspect, list, switch, compare.",
    no_args_is_help=True,
)


@index_app.command("import")
def import_(
    workbook: Annotated[Path, typer.Argument(help="The WJP historical data workbook (.xlsx).")],
    *,
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
    force: ForceOption = False,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Import the WJP historical data workbook into the project's own CSV format."""
    from hrtoets.index.importer import import_workbook
    from hrtoets.index.store import import_into_home

    session = start(lang)
    if output is not None:
        result = import_workbook(workbook, output, force=force)
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
    """Which index is active: edition, countries, origin, source, its SHA-256, import time."""
    from hrtoets.index.store import active_name, load_active_index

    session = start(lang)
    index = load_active_index(session.settings.home)
    meta = index.meta
    data = {
        "edition": meta.edition,
        "editions": list(index.editions),
        "countries": meta.countries,
        "rows": meta.rows,
        "active": active_name(session.settings.home),
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
    from hrtoets.cli.updates_view import render_info

    render_info(session, index, data)


@index_app.command("list")
def list_(
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            help="Only countries whose WJP region contains this text (Dutch or English, any case).",
        ),
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

    label = screener.index.edition(edition)
    render_list(session, rows, label)
    if region:
        from hrtoets.messages.wjp import region_name
        from hrtoets.screening import matching_regions

        found = matching_regions(region, {e.region for e in screener.index.entries(label)})
        names = "; ".join(region_name(r, session.lang) for r in found)
        session.out.print(session.t("index.regions_matched", region=region, regions=names))
    if advice_needed:
        total = len(screener.index.entries(label))
        session.out.print(
            session.t("index.advice_count", count=len(rows), total=total, edition=label)
        )


@index_app.command("update")
def update(
    *,
    url: Annotated[
        str | None,
        typer.Option(
            "--url", help="Download from this address instead of index_url in config.toml."
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Use a workbook downloaded by hand instead of downloading."),
    ] = None,
    edition: Annotated[
        str | None,
        typer.Option(
            "--edition",
            help="The edition to fetch, e.g. 2025 (default: this year's, published in autumn).",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.01,
            max=3600,
            help="Seconds one attempt may take in all: connecting and every byte.",
        ),
    ] = 30.0,
    retries: Annotated[
        int,
        typer.Option(
            "--retries", min=0, help="New attempts after a network error or server error."
        ),
    ] = 2,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Download WJP's historical data workbook, validate it and make it the active index.

    On any failure the active index stays as it was and nothing is left behind (exit code 2).
    """
    from hrtoets.cli.updates_view import download_progress, say_retry
    from hrtoets.index.update import FetchPolicy, update_index

    session = start(lang)
    if not math.isfinite(timeout):  # "nan" passes a range check
        raise InputError("updates.bad_timeout", value=timeout)
    policy = FetchPolicy(
        connect_timeout=timeout, read_timeout=timeout, total_timeout=timeout, retries=retries
    )
    with download_progress(session) as progress:
        result = update_index(
            session.settings.home,
            url=url,
            file=file,
            edition=edition,
            pattern=session.settings.index_url,
            policy=policy,
            progress=progress,
            on_retry=lambda notice: say_retry(session, notice),
        )
    if json_output:
        session.print_json(result.to_json())
        return
    session.say(
        "updates.done",
        edition=result.edition,
        countries=result.countries,
        sha256=result.source_sha256,
        previous=result.previous,
    )


@index_app.command("history")
def history(lang: LangOption = None, json_output: JsonOption = False) -> None:
    """The indexes kept in HRTOETS_HOME (and the bundled one), marking the active one."""
    from hrtoets.index.history import stored_indexes

    session = start(lang)
    stored = stored_indexes(session.settings.home)
    if json_output:
        session.print_json([s.to_json() for s in stored])
        return
    from hrtoets.cli.updates_view import render_history

    render_history(session, stored)


@index_app.command("use")
def use(
    name: Annotated[
        str,
        typer.Argument(
            help="A stored edition (2026), a stored name (2026-1a2b3c4d; see 'hrtoets index "
            "history') or 'bundled'."
        ),
    ],
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Switch the active index to a stored edition or back to the bundled one (a rollback)."""
    from hrtoets.index.history import use_index

    session = start(lang)
    chosen = use_index(session.settings.home, name)
    if json_output:
        session.print_json(chosen.to_json())
        return
    session.say(
        "updates.now_active",
        name=chosen.name,
        edition=chosen.edition,
        countries=chosen.countries,
        origin=session.t(f"updates.origin.{chosen.origin}"),
        source=chosen.source,
    )


@index_app.command("diff")
def diff(
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Earlier edition: 2024 (of the active index) or INDEX:EDITION, e.g. bundled:2024 "
            "(default: the edition before --to).",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Later edition, same form (default: the active index's latest).",
            show_default=False,
        ),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=0, help="How many largest moves to show.")] = 10,
    lang: LangOption = None,
    json_output: JsonOption = False,
) -> None:
    """Which countries' verdicts change between two editions, borderline cases, largest moves."""
    from hrtoets.cli.updates_view import local_names, render_diff
    from hrtoets.index.diff import diff_to_json
    from hrtoets.index.history import compare

    session = start(lang)
    settings = session.settings
    result = compare(
        settings.home,
        from_,
        to,
        threshold=settings.threshold,
        rounding=settings.rounding,
        top=top,
    )
    if json_output:
        session.print_json(diff_to_json(result, local_names(session.lang)))
        return
    render_diff(session, result)


def register(app: typer.Typer) -> None:
    """Add the ``index`` group to ``app``."""
    app.add_typer(index_app, name="index")
