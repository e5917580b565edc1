"""The Ghent rule, as a pure function.

A contact needs the human-rights council's advice when the country's WJP Rule of Law Index score is
at or below the threshold (0.5), when the country is not in the index, or when the guiding question
("does the contact lead, directly or indirectly, to a possible violation of human rights?") is
answered yes or unsure. The officer reads the score WJP *publishes*, rounded to two decimals, so
that is the default policy; a case where the published and the exact score disagree is *borderline*.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Final

DEFAULT_THRESHOLD: Final = 0.5
_CENT: Final = Decimal("0.01")


class Rounding(StrEnum):
    """Which score the threshold is compared with."""

    PUBLISHED = "published"  # two decimals, half up: what WJP publishes and the officer reads
    EXACT = "exact"  # full precision from the data file


class Answer(StrEnum):
    """The officer's answer to the guiding question."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Reason(StrEnum):
    """Why a verdict is what it is; stable codes used in JSON and the register."""

    ABOVE_THRESHOLD = "above_threshold"
    AT_OR_BELOW_THRESHOLD = "at_or_below_threshold"
    NOT_IN_INDEX = "not_in_index"
    REGION = "region"  # a region of a state, or of the world: regions are not in the index
    UNRESOLVED = "unresolved"
    AMBIGUOUS = "ambiguous"
    MISSING = "missing"
    GUIDING_QUESTION = "guiding_question"


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    """The rule's answer: whether advice is needed, the main reason, every reason that applies."""

    advice_needed: bool
    reason: Reason
    reasons: tuple[Reason, ...]
    borderline: bool


def published_score(score: float) -> float:
    """The score as WJP publishes it: two decimals, rounded half up (0.505 → 0.51)."""
    return float(_published(score))


def _published(score: float) -> Decimal:
    # repr() gives the shortest decimal that round-trips, so 0.505 stays 0.505 and rounds up.
    return Decimal(repr(score)).quantize(_CENT, rounding=ROUND_HALF_UP)


def _at_or_below(score: float, threshold: float, rounding: Rounding) -> bool:
    value = _published(score) if rounding is Rounding.PUBLISHED else Decimal(repr(score))
    return value <= Decimal(repr(threshold))


def apply_rule(
    score: float | None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    rounding: Rounding = Rounding.PUBLISHED,
    answer: Answer | None = None,
) -> RuleOutcome:
    """Apply the Ghent rule to one country's score (``None``: not in the index).

    The score decides the main reason; a guiding-question answer of yes or unsure adds
    ``guiding_question`` and makes advice needed whatever the score.
    """
    reasons: list[Reason] = []
    borderline = False
    if score is None:
        reasons.append(Reason.NOT_IN_INDEX)
    else:
        below = _at_or_below(score, threshold, rounding)
        other = Rounding.EXACT if rounding is Rounding.PUBLISHED else Rounding.PUBLISHED
        borderline = below != _at_or_below(score, threshold, other)
        reasons.append(Reason.AT_OR_BELOW_THRESHOLD if below else Reason.ABOVE_THRESHOLD)
    if answer in (Answer.YES, Answer.UNSURE):
        reasons.append(Reason.GUIDING_QUESTION)
    advice_needed = any(r is not Reason.ABOVE_THRESHOLD for r in reasons)
    main = next((r for r in reasons if r is not Reason.ABOVE_THRESHOLD), reasons[0])
    return RuleOutcome(advice_needed, main, tuple(reasons), borderline)


def unscreenable(reason: Reason, answer: Answer | None = None) -> RuleOutcome:
    """The outcome for input that names no single country (unresolved, ambiguous, missing) or a
    region (``region``).

    Advice is needed: the index scores states only, and a place the tool cannot find in the index
    is treated like one that is not.
    """
    reasons = (
        (reason, Reason.GUIDING_QUESTION) if answer in (Answer.YES, Answer.UNSURE) else (reason,)
    )
    return RuleOutcome(True, reason, reasons, False)
