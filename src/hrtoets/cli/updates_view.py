"""How ``hrtoets index info/update/history/diff`` talk to a person (Rich, stderr for progress)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from hrtoets.cli.session import Session
from hrtoets.countries import CountryResolver
from hrtoets.index.diff import Change, CountryDiff, EditionDiff, Standing
from hrtoets.index.history import StoredIndex
from hrtoets.index.model import WjpIndex
from hrtoets.screening import format_score

if TYPE_CHECKING:  # the update module imports httpx; info, history and diff never need it
    from hrtoets.index.update import RetryNotice

_ORIGINS = ("bundled", "url", "file")


@contextlib.contextmanager
def download_progress(session: Session) -> Iterator[Callable[[int, int | None], None] | None]:
    """A progress bar with sizes on stderr, only when stderr is a terminal; else ``None``.

    The bar starts with the first bytes, so ``--file`` (nothing to download) shows none.
    """
    if not session.err.is_terminal:
        yield None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=session.err,
    )
    task: list[TaskID] = []

    def advance(received: int, total: int | None) -> None:
        if not task:
            bar.start()
            task.append(bar.add_task(session.t("updates.downloading"), total=total))
        bar.update(task[0], completed=received, total=total)

    try:
        yield advance
    finally:
        bar.stop()


def say_retry(session: Session, notice: RetryNotice) -> None:
    """Tell the person that an attempt failed and when the next one starts."""
    session.say(
        "updates.retrying",
        style="yellow",
        attempt=notice.attempt,
        attempts=notice.attempts,
        delay=f"{notice.delay:g}",
    )


def render_info(session: Session, index: WjpIndex, data: dict[str, Any]) -> None:
    """The active index: edition, origin and source, SHA-256, where it is kept and since when."""
    out = session.out
    lines = [
        session.t(
            "index.info",
            edition=data["edition"],
            countries=data["countries"],
            editions=len(index.editions),
            first=index.editions[0],
        ),
        session.t(
            f"updates.origin_{data['origin'] if data['origin'] in _ORIGINS else 'file'}",
            source=data["source"],
        ),
        session.t("updates.info_sha", sha256=data["source_sha256"]),
        session.t(
            "updates.info_stored",
            name=data["active"],
            path=data["path"],
            imported_at=session.when(str(data["imported_at"])),
        ),
    ]
    for line in lines:
        out.print(line, markup=False, soft_wrap=True)  # paths and hashes stay whole, copyable
    out.print(session.t("check.credit"), style="dim", markup=False)


def render_history(session: Session, stored: tuple[StoredIndex, ...]) -> None:
    """A table of the stored indexes, the active one marked with ``*``."""
    table = Table(title=session.t("updates.history_title"), title_justify="left")
    table.add_column("")
    table.add_column(session.t("updates.col_name"))
    table.add_column(session.t("updates.col_edition"))
    table.add_column(session.t("updates.col_origin"))
    table.add_column(session.t("updates.col_countries"), justify="right")
    table.add_column(session.t("updates.col_imported"))
    table.add_column("SHA-256")
    for item in stored:
        origin = item.origin if item.origin in _ORIGINS else "file"
        table.add_row(
            "*" if item.active else "",
            item.name,
            item.edition,
            session.t(f"updates.origin.{origin}"),
            str(item.countries),
            session.when(item.imported_at),
            item.source_sha256[:12],
            style="bold" if item.active else None,
        )
    session.out.print(table)
    session.out.print(session.t("updates.history_hint"), style="dim", markup=False)


def local_names(lang: str) -> Callable[[str], str]:
    """ISO3 → the country's name in ``lang`` (empty when CLDR does not know the code)."""
    resolver = CountryResolver()

    def name(iso3: str) -> str:
        try:
            return resolver.country(iso3).name(lang)
        except KeyError:
            return ""

    return name


def _label(index: str, edition: str, other_index: str) -> str:
    return edition if index == other_index else f"{index}:{edition}"


def render_diff(session: Session, diff: EditionDiff) -> None:
    """Changed verdicts, borderline cases and the largest moves, in the person's language."""
    out = session.out
    name_of = local_names(session.lang)

    def who(c: CountryDiff) -> str:
        return f"{name_of(c.iso3) or c.name} ({c.iso3})"

    out.print(
        session.t(
            "updates.diff_title",
            from_label=_label(diff.from_index, diff.from_edition, diff.to_index),
            to_label=_label(diff.to_index, diff.to_edition, diff.from_index),
            from_countries=diff.from_countries,
            to_countries=diff.to_countries,
            threshold=diff.threshold,
            rounding=session.t(f"updates.rounding.{diff.rounding.value}"),
        ),
        style="bold",
        markup=False,
    )
    _section(session, "updates.diff_changes", "updates.diff_no_changes", diff.changes)
    for c in diff.changes:
        out.print(f"  {who(c)}: {_change_line(session, c)}", markup=False)
    _section(session, "updates.diff_borderline", "updates.diff_no_borderline", diff.borderline)
    for c in diff.borderline:
        out.print(f"  {who(c)}: {_border_line(session, c)}", markup=False)
    if diff.moves:
        out.print("\n" + session.t("updates.diff_moves"), style="bold", markup=False)
    for c in diff.moves:
        shown = f"{_score(session, c.before)} → {_score(session, c.after)}"
        out.print(f"  {who(c)}: {shown} ({c.delta or 0.0:+.4f})", markup=False)
    out.print(session.t("check.credit"), style="dim", markup=False)


def _section(session: Session, title: str, empty: str, rows: tuple[CountryDiff, ...]) -> None:
    session.out.print("")
    if rows:
        session.out.print(session.t(title, count=len(rows)), style="bold", markup=False)
    else:
        session.out.print(session.t(empty), markup=False)


def _score(session: Session, standing: Standing | None, *, exact: bool = False) -> str:
    if standing is None:
        return session.t("updates.not_in_index")
    if exact:
        return f"{format_score(standing.score)} (exact {format_score(standing.score_exact, 4)})"
    return format_score(standing.score)


def _change_line(session: Session, c: CountryDiff) -> str:
    change = c.change or Change.ENTERED
    line = f"{_score(session, c.before)} → {_score(session, c.after)}: "
    line += session.t(f"updates.change.{change.value}")
    if change is Change.ENTERED and c.after is not None:
        verdict = "advice" if c.after.advice_needed else "no_advice"
        line += f" ({session.t(f'updates.verdict.{verdict}')})"
    return line


def _border_line(session: Session, c: CountryDiff) -> str:
    before = c.before is not None and c.before.borderline
    after = c.after is not None and c.after.borderline
    state = "still" if before and after else "became" if after else "ended"
    scores = f"{_score(session, c.before, exact=True)} → {_score(session, c.after, exact=True)}"
    return f"{scores}: {session.t(f'updates.border.{state}')}"
