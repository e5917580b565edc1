"""What each ``hrtoets log`` command does, from the user's text to a stored or found record.

The CLI hands over strings as typed; these functions parse them (one sentence per bad value),
screen countries, open the configured register and run one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from hrtoets.countries import describe
from hrtoets.errors import InputError, UnknownCountry
from hrtoets.register.model import (
    COUNCIL_KINDS,
    CheckFilter,
    CheckRecord,
    VerifyResult,
    parse_answer,
    parse_date,
    parse_decision,
    parse_kind,
    parse_outcome,
    parse_status,
)
from hrtoets.register.store import Register, open_register

if TYPE_CHECKING:
    from pathlib import Path

    from hrtoets.config import Settings
    from hrtoets.register.export import ExportResult
    from hrtoets.screening import Screener, Verdict


def open_configured(settings: Settings) -> Register:
    """The register of ``--db``/``HRTOETS_DB``/config, else the SQLite file in the home."""
    return open_register(settings.database_url, create_folder=settings.database is None)


def needs_answer(kind: str) -> bool:
    """Whether the guiding question must be answered for ``kind`` (the four council kinds)."""
    return parse_kind(kind) in COUNCIL_KINDS


def screen_countries(screener: Screener, queries: Sequence[str], lang: str) -> list[Verdict]:
    """Screen each country; a name that is not one country is refused, so no typo is recorded.

    The refusal suggests the closest countries by their names in ``lang``.
    """
    from hrtoets.countries import split_cell

    # "--country 'Marokko, België'" is two countries; "Korea, Rep." stays one.
    parts = [
        part for query in queries if query.strip() for part in split_cell(query, screener.resolver)
    ]
    verdicts = [screener.screen(part) for part in dict.fromkeys(parts)]
    if not verdicts:
        raise InputError("register.no_country")
    for verdict in verdicts:
        if not verdict.screened:
            near = verdict.candidates or verdict.suggestions
            names = ", ".join(describe(c, lang) for c in near) or "—"
            raise UnknownCountry("register.country_unresolved", query=verdict.query, names=names)
    return verdicts


def add(
    settings: Settings,
    *,
    kind: str,
    title: str,
    countries: Sequence[str],
    officer: str | None = None,
    department: str = "",
    partner: str = "",
    planned: str | None = None,
    answer: str | None = None,
    note: str = "",
) -> CheckRecord:
    """``hrtoets log add``: screen the countries today and record the check."""
    from hrtoets.screening import Screener

    parsed_kind = parse_kind(kind)
    parsed_answer = parse_answer(answer) if answer else None
    planned_date = parse_date(planned) if planned else None
    verdicts = screen_countries(Screener.from_settings(settings), countries, settings.lang)
    with open_configured(settings) as register:
        return register.add_check(
            kind=parsed_kind,
            title=title.strip(),
            countries=verdicts,
            officer=officer,
            department=department,
            partner=partner,
            planned_date=planned_date,
            answer=parsed_answer,
            note=note,
        )


def advice(
    settings: Settings,
    check_id: int,
    *,
    requested: bool,
    received: bool,
    outcome: str | None = None,
    on: str | None = None,
    note: str = "",
    officer: str | None = None,
) -> CheckRecord:
    """``hrtoets log advice``: advice asked (``requested``) or given (``received``)."""
    if requested == received:
        raise InputError("register.advice_which", id=check_id)
    if received and not outcome:
        raise InputError("register.outcome_required", id=check_id)
    if requested and outcome:
        raise InputError("register.outcome_with_request", id=check_id)
    day = parse_date(on) if on else None
    with open_configured(settings) as register:
        if requested:
            register.request_advice(check_id, officer=officer, on=day, note=note)
        else:
            result = parse_outcome(outcome or "")
            register.receive_advice(check_id, outcome=result, officer=officer, on=day, note=note)
        return register.get(check_id)


def decide(
    settings: Settings,
    check_id: int,
    *,
    decision: str,
    on: str | None = None,
    note: str = "",
    officer: str | None = None,
    without_advice: bool = False,
    reason: str = "",
) -> CheckRecord:
    """``hrtoets log decide``: what the city decided; closes the check."""
    parsed = parse_decision(decision)
    day = parse_date(on) if on else None
    with open_configured(settings) as register:
        register.decide(
            check_id,
            decision=parsed,
            officer=officer,
            on=day,
            note=note,
            without_advice=without_advice,
            reason=reason,
        )
        return register.get(check_id)


def withdraw(
    settings: Settings, check_id: int, *, reason: str, officer: str | None = None
) -> CheckRecord:
    """``hrtoets log withdraw``: take back a check recorded in error; nothing is deleted."""
    with open_configured(settings) as register:
        register.withdraw(check_id, reason=reason, officer=officer)
        return register.get(check_id)


def resolve(
    settings: Settings,
    check_id: int,
    *,
    countries: Sequence[str],
    note: str = "",
    officer: str | None = None,
) -> CheckRecord:
    """``hrtoets log resolve``: screen a to-review check's countries now, as typed here."""
    from hrtoets.screening import Screener

    verdicts = screen_countries(Screener.from_settings(settings), countries, settings.lang)
    with open_configured(settings) as register:
        register.resolve(check_id, verdicts, officer=officer, note=note)
        return register.get(check_id)


def check_filter(
    settings: Settings,
    *,
    kind: str | None = None,
    year: int | None = None,
    country: str | None = None,
    advice_needed: bool | None = None,
    status: str | None = None,
    search: str | None = None,
) -> CheckFilter:
    """``hrtoets log list``'s filters as typed, parsed (one sentence per bad value)."""
    iso3 = None
    if country:
        from hrtoets.screening import Screener

        screener = Screener.from_settings(settings)
        found = screen_countries(screener, [country], settings.lang)[0].country
        iso3 = found.iso3 if found else None
    return CheckFilter(
        kind=parse_kind(kind) if kind else None,
        year=year,
        iso3=iso3,
        advice_needed=advice_needed,
        status=parse_status(status) if status else None,
        search=search.strip() or None if search else None,
    )


def find(
    settings: Settings, filters: CheckFilter, *, newest: int | None = None
) -> tuple[list[CheckRecord], int]:
    """``hrtoets log list``: the checks that match ``filters`` (the ``newest`` that many of
    them when given), and how many match in all."""
    with open_configured(settings) as register:
        listed = register.checks(filters, newest=newest)
        total = len(listed) if newest is None else register.count(filters)
        return listed, total


@contextmanager
def streamed(settings: Settings, filters: CheckFilter) -> Iterator[Iterator[CheckRecord]]:
    """Every check matching ``filters``, read as it is taken (``log list --json`` of a register
    of any size, in bounded memory)."""
    with open_configured(settings) as register:
        yield register.iter_checks(filters)


def show(settings: Settings, check_id: int) -> CheckRecord:
    """``hrtoets log show``: one check and its full history."""
    with open_configured(settings) as register:
        return register.get(check_id)


def verify(settings: Settings) -> VerifyResult:
    """``hrtoets log verify``: walk the chain."""
    with open_configured(settings) as register:
        return register.verify()


def export(settings: Settings, path: Path, *, force: bool = False) -> ExportResult:
    """``hrtoets log export``: every check and event to xlsx, csv or json."""
    from hrtoets.register.export import export_register

    with open_configured(settings) as register:
        return export_register(register, path, lang=settings.lang, force=force)
