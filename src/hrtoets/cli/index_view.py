"""How ``hrtoets index list`` shows an edition to a person."""

from __future__ import annotations

from rich.table import Table

from hrtoets.cli.session import Session
from hrtoets.screening import ListedCountry, format_score


def render_list(session: Session, rows: list[ListedCountry], edition: str) -> None:
    """A table of countries with score and verdict, best first."""
    table = Table(title=session.t("index.list_title", edition=edition), title_justify="left")
    table.add_column(session.t("col.rank"), justify="right")
    table.add_column(session.t("col.country"), overflow="fold")
    table.add_column("ISO3")
    table.add_column(session.t("col.score"), justify="right")
    table.add_column(session.t("col.exact"), justify="right")
    table.add_column(session.t("col.verdict"))
    for row in rows:
        verdict = session.t(
            "check.advice_needed" if row.advice_needed else "check.no_advice_needed"
        )
        if row.borderline:
            verdict += f" ({session.t('word.borderline')})"
        table.add_row(
            str(row.rank),
            row.name_local,
            row.iso3,
            format_score(row.score),
            format_score(row.score_exact, 4),
            verdict,
            style="red" if row.advice_needed else None,
        )
    session.out.print(table)
    session.out.print(session.t("check.credit"), style="dim", markup=False)
