"""What a new WJP edition changes for a city: verdicts, borderline cases, the largest moves. Pure.

A new edition matters where the Ghent rule now answers differently: a country whose published score
crossed the threshold (either way), a country that entered or left the index (not in the index
means advice), and the borderline cases where WJP's two decimals and the exact score disagree. The
largest score moves show where the ground shifted even without a changed verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from hrtoets.index.model import IndexEntry
from hrtoets.rule import DEFAULT_THRESHOLD, Rounding, apply_rule, published_score

__all__ = ["Change", "CountryDiff", "EditionDiff", "Standing", "diff_editions", "diff_to_json"]


class Change(StrEnum):
    """How a country's verdict changed between two editions; stable codes used in JSON."""

    NOW_ADVICE_NEEDED = "now_advice_needed"  # crossed to at or below the threshold
    NO_LONGER_ADVICE_NEEDED = "no_longer_advice_needed"  # crossed above the threshold
    ENTERED = "entered"  # not in the earlier edition
    LEFT = "left"  # not in the later edition: advice needed from now on


_ORDER = tuple(Change)


@dataclass(frozen=True, slots=True)
class Standing:
    """A country in one edition: its scores and what the rule says."""

    score: float
    score_exact: float
    advice_needed: bool
    borderline: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "score_exact": self.score_exact,
            "advice_needed": self.advice_needed,
            "borderline": self.borderline,
        }


@dataclass(frozen=True, slots=True)
class CountryDiff:
    """One country across the two editions (``None``: not in that edition)."""

    iso3: str
    name: str
    before: Standing | None
    after: Standing | None

    @property
    def change(self) -> Change | None:
        if self.before is None:
            return Change.ENTERED
        if self.after is None:
            return Change.LEFT
        if self.before.advice_needed == self.after.advice_needed:
            return None
        return (
            Change.NOW_ADVICE_NEEDED if self.after.advice_needed else Change.NO_LONGER_ADVICE_NEEDED
        )

    @property
    def delta(self) -> float | None:
        """The move of the exact score (later minus earlier)."""
        if self.before is None or self.after is None:
            return None
        return self.after.score_exact - self.before.score_exact

    def to_json(self, name_local: str | None = None) -> dict[str, Any]:
        change = self.change
        delta = self.delta
        return {
            "iso3": self.iso3,
            "name": self.name,
            "name_local": name_local or self.name,
            "change": change.value if change else None,
            "from": self.before.to_json() if self.before else None,
            "to": self.after.to_json() if self.after else None,
            "delta": None if delta is None else round(delta, 6),
        }


@dataclass(frozen=True, slots=True)
class EditionDiff:
    """Two editions compared under one rule (threshold and rounding)."""

    from_edition: str
    to_edition: str
    from_index: str
    to_index: str
    from_countries: int
    to_countries: int
    threshold: float
    rounding: Rounding
    changes: tuple[CountryDiff, ...]  # every country whose verdict or coverage changed
    borderline: tuple[CountryDiff, ...]  # borderline in either edition
    moves: tuple[CountryDiff, ...]  # the largest moves of the exact score, largest first


def _standing(entry: IndexEntry | None, threshold: float, rounding: Rounding) -> Standing | None:
    if entry is None:
        return None
    outcome = apply_rule(entry.overall, threshold=threshold, rounding=rounding)
    return Standing(
        score=published_score(entry.overall),
        score_exact=entry.overall,
        advice_needed=outcome.advice_needed,
        borderline=outcome.borderline,
    )


def diff_editions(
    before: Sequence[IndexEntry],
    after: Sequence[IndexEntry],
    *,
    from_edition: str,
    to_edition: str,
    from_index: str = "",
    to_index: str = "",
    threshold: float = DEFAULT_THRESHOLD,
    rounding: Rounding = Rounding.PUBLISHED,
    top: int = 10,
) -> EditionDiff:
    """Compare the entries of two editions under the rule; ``top`` limits the largest moves."""
    old = {e.iso3: e for e in before}
    new = {e.iso3: e for e in after}
    countries = [
        CountryDiff(
            iso3=iso3,
            name=(new.get(iso3) or old[iso3]).country,
            before=_standing(old.get(iso3), threshold, rounding),
            after=_standing(new.get(iso3), threshold, rounding),
        )
        for iso3 in sorted(old.keys() | new.keys())
    ]
    changes = sorted(
        (c for c in countries if c.change is not None),
        key=lambda c: (_ORDER.index(c.change) if c.change else 0, c.name),
    )
    borderline = [
        c
        for c in countries
        if (c.before and c.before.borderline) or (c.after and c.after.borderline)
    ]
    moved = sorted(
        (c for c in countries if c.delta is not None),
        key=lambda c: (-abs(c.delta or 0.0), c.name),
    )
    return EditionDiff(
        from_edition=from_edition,
        to_edition=to_edition,
        from_index=from_index,
        to_index=to_index,
        from_countries=len(old),
        to_countries=len(new),
        threshold=threshold,
        rounding=rounding,
        changes=tuple(changes),
        borderline=tuple(sorted(borderline, key=lambda c: c.name)),
        moves=tuple(moved[: max(top, 0)]),
    )


def diff_to_json(
    diff: EditionDiff, local_name: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """The diff with stable English keys (``index diff --json``).

    ``name`` is WJP's own spelling; ``name_local`` the name in the user's language when
    ``local_name`` (ISO3 → name) is given.
    """

    def rows(countries: tuple[CountryDiff, ...]) -> list[dict[str, Any]]:
        return [c.to_json(local_name(c.iso3) if local_name else None) for c in countries]

    return {
        "from": {
            "index": diff.from_index,
            "edition": diff.from_edition,
            "countries": diff.from_countries,
        },
        "to": {"index": diff.to_index, "edition": diff.to_edition, "countries": diff.to_countries},
        "threshold": diff.threshold,
        "rounding": diff.rounding.value,
        "changes": rows(diff.changes),
        "borderline": rows(diff.borderline),
        "moves": rows(diff.moves),
    }
