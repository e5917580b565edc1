"""The register's vocabulary: kinds of contact, statuses, events, advice, decisions.

Every value the user types is parsed here, so a wrong one is one sentence listing the right ones.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Final, TypeVar

from hrtoets.errors import InputError
from hrtoets.rule import Answer


class Kind(StrEnum):
    """What kind of international contact a check is about."""

    DELEGATION_IN = "delegation-in"
    DELEGATION_OUT = "delegation-out"
    NETWORK = "network"
    PARTNERSHIP = "partnership"
    PROCUREMENT = "procurement"
    OTHER = "other"


# The four kinds the human-rights council advises on; for these the guiding question is required.
COUNCIL_KINDS: Final = frozenset(
    {Kind.DELEGATION_IN, Kind.DELEGATION_OUT, Kind.NETWORK, Kind.PARTNERSHIP}
)


class Status(StrEnum):
    """Where a check stands, derived from its events (never stored)."""

    OPEN = "open"
    ADVICE_REQUESTED = "advice-requested"
    ADVICE_RECEIVED = "advice-received"
    DECIDED = "decided"
    NOT_NEEDED = "not-needed"
    WITHDRAWN = "withdrawn"
    TO_REVIEW = "to-review"  # a batch row that named no single country: screen it with resolve


class EventKind(StrEnum):
    """What an event records. ``created`` carries the whole check as it was screened."""

    CREATED = "created"
    ADVICE_REQUESTED = "advice-requested"
    ADVICE_RECEIVED = "advice-received"
    DECIDED = "decided"
    AGREEMENT = "agreement"
    NOTE = "note"
    WITHDRAWN = "withdrawn"
    RESOLVED = "resolved"  # a to-review check's countries, screened after all (``log resolve``)


class Outcome(StrEnum):
    """What the human-rights council advised (not binding but guiding)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    CONDITIONAL = "conditional"


class Decision(StrEnum):
    """What the city decided."""

    GO = "go"
    NO_GO = "no-go"
    ADJUSTED = "adjusted"


_E = TypeVar("_E", bound=StrEnum)


def _choice(enum: type[_E], value: str | _E, key: str) -> _E:
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        raise InputError(key, value=value, choices=", ".join(e.value for e in enum)) from None


def parse_kind(value: str | Kind) -> Kind:
    """The kind named by ``value``, or one sentence listing the kinds."""
    return _choice(Kind, value, "register.bad_kind")


def parse_status(value: str | Status) -> Status:
    """The status named by ``value``, or one sentence listing the statuses."""
    return _choice(Status, value, "register.bad_status")


# Officers answer in Dutch as often as in English.
_DUTCH_ANSWERS: Final = {"ja": Answer.YES, "nee": Answer.NO, "twijfel": Answer.UNSURE}


def parse_answer(value: str | Answer) -> Answer:
    """The guiding-question answer named by ``value`` (yes, no, unsure; ja, nee, twijfel)."""
    dutch = _DUTCH_ANSWERS.get(str(value).strip().lower())
    return dutch or _choice(Answer, value, "register.bad_answer")


def parse_outcome(value: str | Outcome) -> Outcome:
    """The council's advice named by ``value`` (positive, negative, conditional)."""
    return _choice(Outcome, value, "register.bad_outcome")


def parse_decision(value: str | Decision) -> Decision:
    """The city's decision named by ``value`` (go, no-go, adjusted)."""
    return _choice(Decision, value, "register.bad_decision")


def parse_event_kind(value: str | EventKind) -> EventKind:
    """The event kind named by ``value``."""
    return _choice(EventKind, value, "register.bad_event_kind")


def parse_date(value: str) -> date:
    """An ISO date (2025-03-31), or one sentence saying how to write it."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("register.bad_date", value=value) from None
