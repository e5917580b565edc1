"""How ``hrtoets check`` shows a verdict to a person (Rich, 80 columns, honours NO_COLOR)."""

from __future__ import annotations

from typing import Final

from rich.table import Table
from rich.text import Text

from hrtoets.cli.session import Session
from hrtoets.countries import Status, describe
from hrtoets.index.model import FACTOR_NAMES, FUNDAMENTAL_RIGHTS
from hrtoets.messages.wjp import factor_name, region_name
from hrtoets.rule import Reason, Rounding
from hrtoets.screening import Verdict, explain, format_score

COUNCIL_KINDS: Final = ("delegation-in", "delegation-out", "network", "partnership")
_BAR_WIDTH: Final = 20
_SPARKS: Final = "▁▂▃▄▅▆▇█"


def bar(score: float | None, width: int = _BAR_WIDTH) -> str:
    """A small horizontal bar for a 0..1 score."""
    if score is None:
        return "·" * width
    filled = round(max(0.0, min(1.0, score)) * width)
    return "█" * filled + "░" * (width - filled)


def sparkline(scores: list[float]) -> str:
    """One character per edition, from the series' lowest to its highest score (the trend)."""
    low, high = min(scores), max(scores)
    top = len(_SPARKS) - 1
    if high - low < 1e-9:
        return _SPARKS[top // 2] * len(scores)
    return "".join(_SPARKS[round((s - low) / (high - low) * top)] for s in scores)


def explain_unresolved(session: Session, verdict: Verdict) -> None:
    """Why the input names no single country, and what to type instead (on stderr)."""
    if verdict.reason is Reason.MISSING:
        session.say("check.empty", style="yellow")
    elif verdict.status is Status.AMBIGUOUS:
        names = ", ".join(describe(c, session.lang) for c in verdict.candidates)
        session.say("check.ambiguous", style="yellow", query=verdict.query, names=names)
    else:
        session.say("check.unresolved", style="yellow", query=verdict.query)
        if verdict.suggestions:
            names = ", ".join(describe(c, session.lang) for c in verdict.suggestions)
            session.say("check.suggestions", names=names)
    session.say("check.missing_needs_advice")


def render_verdict(session: Session, verdict: Verdict, *, kind: str | None = None) -> None:
    """Print the verdict; for unresolved or ambiguous input, explain on stderr instead.

    ``kind`` (a register kind code) tailors what to do next: the council for the four kinds it
    advises on, the suppliers' commitment and the agreement for procurement.
    """
    if verdict.status is Status.REGION:
        _render_region(session, verdict, kind)
        return
    if verdict.status is not Status.RESOLVED or verdict.country is None:
        explain_unresolved(session, verdict)
        return
    out, lang = session.out, session.lang
    title = Text(verdict.country.name(lang), style="bold")
    if verdict.index_name and verdict.index_name != verdict.country.name(lang):
        title.append(f"  ({verdict.index_name})", style="dim")
    title.append(f"  {verdict.country.iso3}", style="dim")
    if verdict.wjp_region:
        title.append(f" · {region_name(verdict.wjp_region, lang)}", style="dim")
    out.print(title)
    if verdict.covered:
        out.print(
            session.t(
                "check.score_line",
                edition=verdict.edition,
                score=format_score(verdict.score),
                exact=format_score(verdict.score_exact, 4),
                rank=verdict.rank,
                of=verdict.ranked_of,
            ),
            markup=False,
        )
    else:
        session.out.print(
            session.t(
                "check.not_covered",
                name=verdict.country.name(lang),
                edition=verdict.edition,
                of=verdict.ranked_of,
            ),
            markup=False,
        )
    _verdict_line(session, verdict)
    if verdict.covered:
        _factors(session, verdict)
        _history(session, verdict)
    _next_steps(session, verdict, kind)


def _render_region(session: Session, verdict: Verdict, kind: str | None) -> None:
    """A region: the verdict (advice: regions are not in the index), then the state's score as
    context, said to be context, never as the verdict."""
    region, state, lang = verdict.region, verdict.country, session.lang
    assert region is not None
    title = Text(region.name(lang), style="bold")
    title.append(f"  {region.code}", style="dim")
    kind = (
        session.t("check.region_title", state=state.name(lang))
        if state
        else session.t("check.world_region_title")
    )
    title.append(f" · {kind}", style="dim")
    session.out.print(title)
    _verdict_line(session, verdict)
    if state is not None:
        if verdict.state_score is not None:
            context = session.t(
                "check.state_context",
                state=state.name(lang),
                edition=verdict.edition,
                score=format_score(verdict.state_score),
            )
        else:
            context = session.t(
                "check.state_not_covered", state=state.name(lang), edition=verdict.edition
            )
        session.out.print(context, style="dim", markup=False)
    _next_steps(session, verdict, kind)


def _verdict_line(session: Session, verdict: Verdict) -> None:
    key = "check.advice_needed" if verdict.advice_needed else "check.no_advice_needed"
    mark, style = ("✗", "bold red") if verdict.advice_needed else ("✓", "bold green")
    line = Text(f"{mark} {session.t(key)}: ", style=style)
    line.append(explain(verdict, session.lang), style=style.replace("bold ", ""))
    session.out.print(line)
    if verdict.borderline:
        key = (
            "check.borderline"
            if verdict.rounding is Rounding.PUBLISHED
            else "check.borderline_exact"
        )
        session.out.print(
            session.t(
                key,
                score=format_score(verdict.score),
                exact=format_score(verdict.score_exact, 4),
                rounding=session.t(f"rounding.{verdict.rounding.value}"),
            ),
            style="yellow",
            markup=False,
        )


def _factors(session: Session, verdict: Verdict) -> None:
    table = Table(
        title=session.t("check.factors", edition=verdict.edition),
        title_justify="left",
        box=None,
        pad_edge=False,
        show_header=False,
    )
    table.add_column("#", justify="right")
    table.add_column("", max_width=34, no_wrap=True, overflow="ellipsis")
    table.add_column("", no_wrap=True)
    table.add_column("", justify="right")
    for number, (name, score) in enumerate(zip(FACTOR_NAMES, verdict.factors, strict=False), 1):
        marked = number == FUNDAMENTAL_RIGHTS
        shown = factor_name(number, name, session.lang)
        label = f"{shown} ◆" if marked else shown
        table.add_row(
            str(number), label, bar(score), format_score(score), style="bold" if marked else None
        )
    session.out.print()
    session.out.print(table)
    session.out.print(f"◆ {session.t('check.factor_4_mark')}", style="dim", markup=False)


def _history(session: Session, verdict: Verdict) -> None:
    if not verdict.history:
        return
    scores = [score for _, score in verdict.history]
    first, last = verdict.history[0], verdict.history[-1]
    session.out.print()
    session.out.print(f"{session.t('check.history')}:", style="bold", markup=False)
    session.out.print(
        f"{first[0]} {format_score(first[1])}  {sparkline(scores)}  "
        f"{last[0]} {format_score(last[1])}",
        markup=False,
    )
    every = "  ".join(f"{edition}: {format_score(score)}" for edition, score in verdict.history)
    session.out.print(every, style="dim", markup=False)


def _next_steps(session: Session, verdict: Verdict, kind: str | None = None) -> None:
    out = session.out
    out.print()
    out.print(session.t("check.guiding_question"), markup=False)
    out.print()
    if kind == "procurement":
        key = "check.next_procurement_advice" if verdict.advice_needed else "check.next_procurement"
        out.print(session.t(key), markup=False)
    elif kind in COUNCIL_KINDS:
        key = "check.next_council_advice" if verdict.advice_needed else "check.next_council"
        out.print(session.t(key, kind=session.t(f"council.{kind}")), markup=False)
    elif verdict.advice_needed:
        out.print(session.t("check.next_advice"), markup=False)
        for each in COUNCIL_KINDS:
            out.print(f"  • {session.t(f'council.{each}')}", markup=False)
    else:
        out.print(session.t("check.next_no_advice"), markup=False)
    out.print(session.t("check.credit"), style="dim", markup=False)
