"""``hrtoets monitor``: which open checks would get another verdict from the active index?

Exit code 1 when something changed, so it can run from cron and mail only when there is news.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from hrtoets.cli.options import DbOption, JsonOption, LangOption
from hrtoets.cli.session import Session, start

if TYPE_CHECKING:
    from hrtoets.monitor import MonitorResult


def monitor(db: DbOption = None, lang: LangOption = None, json_output: JsonOption = False) -> None:
    """Re-screen every check that is not decided against the active index; list changed verdicts.

    Exit code 0 when no verdict changed, 1 when one did.
    """
    from hrtoets.errors import ExitCode
    from hrtoets.monitor import monitor_configured

    session = start(lang, db)
    result = monitor_configured(session.settings)
    if json_output:
        session.print_json(result.to_json())
    else:
        _render(session, result)
    if result.changed:
        raise typer.Exit(int(ExitCode.ATTENTION))


def _render(session: Session, result: MonitorResult) -> None:
    from hrtoets.countries import CountryResolver
    from hrtoets.register.labels import country_name
    from hrtoets.screening import format_score

    resolver = CountryResolver()

    key = "register.monitor.changed" if result.changed else "register.monitor.unchanged"
    session.out.print(
        session.t(
            key,
            checks=result.checks,
            countries=result.countries,
            edition=result.edition,
            changed=len(result.changes),
        ),
        markup=False,
    )
    for change in result.changes:
        old, new = change.old, change.new
        verdict = "check.advice_needed" if new.advice_needed else "check.no_advice_needed"
        session.out.print(
            session.t(
                "register.monitor.line",
                id=change.check_id,
                title=change.title,
                country=country_name(new if new.place else old, session.lang, resolver),
                iso3=new.place or old.place or "?",
                old_edition=old.edition,
                old_score=format_score(old.score),
                old_exact=format_score(old.score_exact, 4),
                new_edition=new.edition,
                new_score=format_score(new.score),
                new_exact=format_score(new.score_exact, 4),
                verdict=_in_sentence(session.t(verdict)),
            ),
            style="bold red" if new.advice_needed else "green",
            markup=False,
        )
    if result.changed:
        session.say("register.monitor.next")


def register(app: typer.Typer) -> None:
    """Add the ``monitor`` command to ``app``."""
    app.command("monitor")(monitor)


def _in_sentence(label: str) -> str:
    """A label that starts a line ("Geen advies nodig") as it reads inside a sentence."""
    return label[:1].lower() + label[1:]
