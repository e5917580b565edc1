"""Re-screen the register's open checks against the active index: whose verdict would change?

WJP publishes a new edition every autumn. A contact screened last spring as "no advice needed" may
now need advice (or the other way round); this finds those checks so an officer can act. Decided
checks are closed and left alone. A verdict *changes* when the answer to "is advice needed?" for a
country changes; the scores and editions are shown either way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from hrtoets.register.model import CheckFilter, CheckRecord, CountryScreening, snapshot
from hrtoets.rule import Answer

if TYPE_CHECKING:
    from hrtoets.config import Settings
    from hrtoets.register.store import Register
    from hrtoets.screening import Screener


@dataclass(frozen=True, slots=True)
class Change:
    """One country of one check whose verdict would now be different."""

    check_id: int
    kind: str
    title: str
    status: str
    old: CountryScreening
    new: CountryScreening

    def to_json(self) -> dict[str, Any]:
        def side(c: CountryScreening) -> dict[str, Any]:
            return {
                "edition": c.edition,
                "score": c.score,
                "score_exact": c.score_exact,
                "advice_needed": c.advice_needed,
                "reason": c.reason,
            }

        return {
            "check_id": self.check_id,
            "kind": self.kind,
            "title": self.title,
            "status": self.status,
            "query": self.old.query,
            "iso3": self.new.iso3 or self.old.iso3,
            "name": self.new.name or self.old.name,
            "old": side(self.old),
            "new": side(self.new),
        }


@dataclass(frozen=True, slots=True)
class MonitorResult:
    """What was re-screened (open checks, their countries, the edition) and what changed."""

    edition: str
    checks: int
    countries: int
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "edition": self.edition,
            "checks": self.checks,
            "countries": self.countries,
            "changed": [c.to_json() for c in self.changes],
        }


Screened = dict[tuple[str, str | None], CountryScreening]


def _rescreen(
    screener: Screener, recorded: CountryScreening, seen: Screened | None = None
) -> CountryScreening:
    """Screen the same country (by its code when it was recognised) with the same answer; each
    distinct place and answer once when ``seen`` keeps them (a register names a few hundred
    places in 100,000 checks). Its ``query`` is what was screened, not what the check recorded:
    :func:`changed_verdicts` puts that back where it matters."""
    key = (recorded.place or recorded.query, recorded.answer)
    if seen is not None and (found := seen.get(key)) is not None:
        return found
    answer = Answer(recorded.answer) if recorded.answer else None
    now = snapshot(screener.screen(key[0], answer=answer))
    if seen is not None:
        seen[key] = now
    return now


def changed_verdicts(
    screener: Screener, check: CheckRecord, seen: Screened | None = None
) -> list[Change]:
    """The countries of ``check`` whose verdict (advice needed or not) differs under
    ``screener``'s index from the recorded one (``monitor`` and ``report`` use it)."""
    found: list[Change] = []
    for recorded in check.countries:
        now = _rescreen(screener, recorded, seen)
        if now.advice_needed != recorded.advice_needed:
            if now.query != recorded.query:
                now = replace(now, query=recorded.query)
            found.append(
                Change(check.id, check.kind.value, check.title, check.status.value, recorded, now)
            )
    return found


def monitor(register: Register, screener: Screener) -> MonitorResult:
    """Re-screen every check that is not decided against ``screener``'s index.

    The register is read as it is re-screened, a chunk at a time, and each distinct place is
    screened once: only the changes are kept.
    """
    seen: Screened = {}
    checks = countries = 0
    changes: list[Change] = []
    for check in register.iter_checks(CheckFilter()):
        if check.closed:
            continue
        checks += 1
        countries += len(check.countries)
        changes.extend(changed_verdicts(screener, check, seen))
    return MonitorResult(
        edition=screener.index.latest,
        checks=checks,
        countries=countries,
        changes=tuple(changes),
    )


def monitor_configured(settings: Settings) -> MonitorResult:
    """``hrtoets monitor``: the configured register against the active index."""
    from hrtoets.register.actions import open_configured
    from hrtoets.screening import Screener

    screener = Screener.from_settings(settings)
    with open_configured(settings) as register:
        return monitor(register, screener)
