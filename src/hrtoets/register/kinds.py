"""The register's vocabulary: kinds of contact, statuses, events, advice, decisions.

Every value the user types is parsed here, so a wrong one is one sentence listing the right ones.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cache
from typing import Final, TypeVar

from hrtoets.errors import InputError
from hrtoets.messages import spoken
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

# Words people use besides the labels hrtoets shows (which are all accepted, in both languages).
_SYNONYMS: Final[dict[str, dict[str, str]]] = {
    "kind": {
        "partnerschap": "partnership",
        "stedenband": "partnership",
        "netwerk": "network",
        "delegatie in": "delegation-in",
        "inkomende delegatie": "delegation-in",
        "ontvangen delegatie": "delegation-in",
        "delegatie uit": "delegation-out",
        "uitgaande delegatie": "delegation-out",
        "delegatie buitenland": "delegation-out",
        "incoming delegation": "delegation-in",
        "outgoing delegation": "delegation-out",
        "inkoop": "procurement",
        "overheidsopdracht": "procurement",
        "purchase": "procurement",
        "ander": "other",
        "andere": "other",
        "overig": "other",
        "overige": "other",
    },
    "outcome": {"gunstig": "positive", "ongunstig": "negative", "onder voorwaarden": "conditional"},
    "decision": {"aangepast": "adjusted", "niet": "no-go", "stop": "no-go"},
    "answer": {"j": "yes", "n": "no", "y": "yes", "weet niet": "unsure", "misschien": "unsure"},
    "status": {"nagekeken": "to-review", "te bekijken": "to-review"},
}


@cache
def _accepted(group: str, codes: tuple[str, ...]) -> dict[str, str]:
    """Every way to write each code of ``group``: the code, its labels in both languages, the
    synonyms. A word that two codes share would be a bug in the tables."""
    from hrtoets.messages import LANGUAGES, catalogue

    texts = catalogue()
    found: dict[str, str] = {}
    for code in codes:
        labels = texts.get(f"register.{group}.{code}", {})
        for word in (code, *(labels.get(lang, "") for lang in LANGUAGES)):
            if word and found.setdefault(spoken(word), code) != code:
                raise RuntimeError(f"{group} label {word!r} names two codes")
    for word, code in _SYNONYMS.get(group, {}).items():
        if found.setdefault(spoken(word), code) != code:
            raise RuntimeError(f"{group} synonym {word!r} names two codes")
    return found


def _choice(enum: type[_E], value: str | _E, key: str, group: str) -> _E:
    codes = tuple(e.value for e in enum)
    code = _accepted(group, codes).get(spoken(str(value)))
    if code is not None:
        return enum(code)
    from hrtoets.messages import Choices

    raise InputError(key, value=value, choices=Choices(group, codes)) from None


def parse_kind(value: str | Kind) -> Kind:
    """The kind named by ``value`` (a code or a label, in Dutch or English), or one sentence
    listing the kinds."""
    return _choice(Kind, value, "register.bad_kind", "kind")


def parse_status(value: str | Status) -> Status:
    """The status named by ``value`` ("advies gevraagd", "advice-requested" …)."""
    return _choice(Status, value, "register.bad_status", "status")


def parse_answer(value: str | Answer) -> Answer:
    """The guiding-question answer named by ``value`` (ja, nee, twijfel; yes, no, unsure)."""
    return _choice(Answer, value, "register.bad_answer", "answer")


def parse_outcome(value: str | Outcome) -> Outcome:
    """The council's advice named by ``value`` (positief, negatief, voorwaardelijk …)."""
    return _choice(Outcome, value, "register.bad_outcome", "outcome")


def parse_decision(value: str | Decision) -> Decision:
    """The city's decision named by ``value`` (doorgaan, niet doorgaan, aangepast doorgaan …)."""
    return _choice(Decision, value, "register.bad_decision", "decision")


def parse_event_kind(value: str | EventKind) -> EventKind:
    """The event kind named by ``value``."""
    return _choice(EventKind, value, "register.bad_event_kind", "event")


def parse_date(value: str) -> date:
    """A date as people write it (31/03/2025, 31-03-2025, 31.3.2025, 2025-03-31), or one
    sentence saying how to write it."""
    from hrtoets.dates import parse_day

    return parse_day(value)
