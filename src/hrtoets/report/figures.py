"""The yearly report's figures, computed from the register alone (and the index for context).

Pure: given the checks as read back, the register's verification and "today", the same register
and period always give the same figures, so a report can be made again years later exactly
(``--as-of``). Every count is over the checks *recorded* in the period; events (advice, decisions,
agreements) count with the check they belong to.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from hrtoets.register.kinds import EventKind, Kind, Outcome, Status
from hrtoets.register.model import CheckRecord, Lifecycle, VerifyResult

# The rule's reasons as the report groups them: every reason that names no single country is one.
REASON_GROUPS: Final = {
    "at_or_below_threshold": "score",
    "not_in_index": "not_in_index",
    "region": "region",
    "guiding_question": "guiding_question",
    "unresolved": "unresolved",
    "ambiguous": "unresolved",
    "missing": "unresolved",
}
REASON_ORDER: Final = ("score", "not_in_index", "region", "guiding_question", "unresolved")
# Every built-in template carries the clause.
BUILT_IN_TEMPLATES: Final = frozenset(
    {
        "partnership",
        "network",
        "delegation-in",
        "delegation-out",
        "delegation",
        "procurement",
        "clause",
    }
)  # fmt: skip
_OPEN: Final = frozenset({Status.OPEN, Status.ADVICE_REQUESTED, Status.TO_REVIEW})


@dataclass(frozen=True, slots=True)
class Period:
    """The days a report covers, both included."""

    start: date
    end: date

    def holds(self, day: str) -> bool:
        return self.start.isoformat() <= day[:10] <= self.end.isoformat()

    def to_json(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


@dataclass(frozen=True, slots=True)
class PlaceNow:
    """A place as the active index sees it today: the score, whether it needs advice, the trend."""

    name: str
    score: float | None
    advice_needed: bool
    trend: float | None  # the latest score minus the one before it, None without two editions


Lookup = Callable[[str], PlaceNow]
Read = tuple[CheckRecord, Lifecycle]  # a check, and what its events say (read once)


def report_figures(
    checks: Iterable[CheckRecord],
    verification: VerifyResult,
    period: Period,
    *,
    today: date,
    overdue_days: int,
    place: Lookup,
    rescreen: Callable[[CheckRecord], list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """Every figure of the report, with stable English keys (the ``--json`` document)."""
    chosen = [c for c in checks if period.holds(c.created_at)]
    read = [(c, c.lifecycle()) for c in chosen]  # each check's events read once for all figures
    return {
        "period": period.to_json(),
        "as_of": today.isoformat(),
        "register": {
            "intact": verification.intact,
            "events": verification.events,
            "head_hash": verification.head_hash,
        },
        "checks": _checks(chosen),
        "advice_needed": _advice_needed(read),
        "advice": _advice(read),
        "decisions": _decisions(read),
        "withdrawn": sum(1 for _, life in read if life.status is Status.WITHDRAWN),
        "to_review": sum(1 for _, life in read if life.status is Status.TO_REVIEW),
        "agreements": _agreements(chosen),
        "countries": _countries(chosen, place),
        "index_changes": [change for c in chosen for change in (rescreen(c) if rescreen else [])],
        "overdue": _overdue(read, today, overdue_days),
    }


def _checks(chosen: Sequence[CheckRecord]) -> dict[str, Any]:
    kinds = Counter(c.kind.value for c in chosen)
    months = Counter(c.created_at[:7] for c in chosen)
    return {
        "total": len(chosen),
        "by_kind": {kind.value: kinds[kind.value] for kind in Kind},
        "by_month": dict(sorted(months.items())),
    }


def _advice_needed(read: Sequence[Read]) -> dict[str, Any]:
    counted = [c for c, life in read if life.status is not Status.WITHDRAWN]
    needing = [c for c in counted if c.advice_needed]
    reasons: Counter[str] = Counter()
    for check in needing:
        reasons.update({REASON_GROUPS[r] for r in check.reasons if r in REASON_GROUPS})
    return {
        "total": len(needing),
        "share": round(len(needing) / len(counted), 4) if counted else 0.0,
        "by_reason": {group: reasons[group] for group in REASON_ORDER},
    }


def _advice(read: Sequence[Read]) -> dict[str, Any]:
    requested = [life for _, life in read if life.dates.get(EventKind.ADVICE_REQUESTED)]
    received = [life for _, life in read if life.dates.get(EventKind.ADVICE_RECEIVED)]
    outcomes = Counter(life.advice_outcome for life in received)
    waits = []
    for life in received:
        asked, answered = (
            life.dates.get(EventKind.ADVICE_REQUESTED),
            life.dates.get(EventKind.ADVICE_RECEIVED),
        )
        if asked and answered:
            waits.append((date.fromisoformat(answered) - date.fromisoformat(asked)).days)
    pending = [
        life
        for life in requested
        if not life.dates.get(EventKind.ADVICE_RECEIVED) and life.status is not Status.WITHDRAWN
    ]
    return {
        "requested": len(requested),
        "received": len(received),
        "by_outcome": {o.value: outcomes[o.value] for o in Outcome},
        "pending": len(pending),
        "median_days_to_advice": statistics.median(waits) if waits else None,
    }


def _decisions(read: Sequence[Read]) -> dict[str, Any]:
    decided = [life for _, life in read if life.decision]
    decisions = Counter(life.decision for life in decided)
    return {
        "by_decision": {d: decisions[d] for d in ("go", "no-go", "adjusted")},
        "without_advice": sum(1 for life in decided if life.decided_without_advice),
    }


def _agreements(chosen: Sequence[CheckRecord]) -> dict[str, Any]:
    templates = Counter(
        str(e.payload.get("template", ""))
        for c in chosen
        for e in c.events
        if e.kind == "agreement"
    )
    return {
        "total": sum(templates.values()),
        "by_template": dict(sorted(templates.items())),
        "with_clause": sum(n for t, n in templates.items() if t in BUILT_IN_TEMPLATES),
    }


def _countries(chosen: Sequence[CheckRecord], place: Lookup) -> list[dict[str, Any]]:
    counted: Counter[str] = Counter()
    for check in chosen:
        counted.update({c.place for c in check.countries if c.place})
    rows = []
    for code, checks in counted.items():
        now = place(code)
        rows.append(
            {
                "iso3": code,
                "name": now.name,
                "checks": checks,
                "score": now.score,
                "advice_needed": now.advice_needed,
                "trend": now.trend,
            }
        )
    return sorted(rows, key=lambda r: (-r["checks"], r["name"]))


def _overdue(read: Sequence[Read], today: date, days: int) -> list[dict[str, Any]]:
    late = []
    for check, life in read:
        age = (today - date.fromisoformat(check.created_at[:10])).days
        if life.status in _OPEN and check.advice_needed and age > days:
            late.append(
                {
                    "check_id": check.id,
                    "title": check.title,
                    "status": life.status.value,
                    "days": age,
                }
            )
    return sorted(late, key=lambda r: (-r["days"], r["check_id"]))
