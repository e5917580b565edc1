"""The register of checks: delegations, networks, partnerships, procurement, and what followed.

Library API, for the CLI and for other features (batch, agreements)::

    from hrtoets.register import open_register, Kind
    with open_register("sqlite:///register.sqlite") as register:
        check = register.add_check(kind=Kind.NETWORK, title="Eurocities", countries=[verdict],
                                   answer=Answer.NO)
        register.append_event(check.id, "agreement", {"template": "network", "sha256": "…"})
        register.verify().intact
"""

from __future__ import annotations

from hrtoets.register.model import (
    COUNCIL_KINDS,
    BatchChecks,
    BatchRow,
    CheckDraft,
    CheckFilter,
    CheckRecord,
    CountryScreening,
    Decision,
    Event,
    EventKind,
    Kind,
    Outcome,
    Status,
    VerifyResult,
    check_transition,
    parse_answer,
    parse_date,
    parse_decision,
    parse_kind,
    parse_outcome,
    parse_status,
    snapshot,
    validate_draft,
)
from hrtoets.register.store import Register, default_officer, open_register

__all__ = [
    "COUNCIL_KINDS",
    "BatchChecks",
    "BatchRow",
    "CheckDraft",
    "CheckFilter",
    "CheckRecord",
    "CountryScreening",
    "Decision",
    "Event",
    "EventKind",
    "Kind",
    "Outcome",
    "Register",
    "Status",
    "VerifyResult",
    "check_transition",
    "default_officer",
    "open_register",
    "parse_answer",
    "parse_date",
    "parse_decision",
    "parse_kind",
    "parse_outcome",
    "parse_status",
    "snapshot",
    "validate_draft",
]
