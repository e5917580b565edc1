"""``hrtoets clause render --log``: the agreement recorded in the register.

The agreement becomes an ``agreement`` event (template, language, partner, countries, output file
and its SHA-256) of an existing check (``--check ID``) or of a new check made for it. Everything
the register could refuse is checked before the file is written; the record is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from hrtoets.errors import InputError

if TYPE_CHECKING:
    from hrtoets.agreements.maker import Agreement, WrittenAgreement
    from hrtoets.config import Settings
    from hrtoets.register import CheckDraft, CheckRecord, Register

# The kind of check a template's agreement is, when no --kind is given: the template decides (a
# delegation received and one sent abroad each have their own letter).
TEMPLATE_KINDS: Final = {
    "partnership": "partnership",
    "network": "network",
    "procurement": "procurement",
    "delegation-in": "delegation-in",
    "delegation-out": "delegation-out",
    "clause": "other",
}


@dataclass(frozen=True, slots=True)
class AgreementLog:
    """What ``--log`` asks: an existing check, or the kind and answer for a new one."""

    check_id: int | None = None
    kind: str | None = None
    answer: str | None = None
    officer: str | None = None


class AgreementRecorder:
    """Checks that the register will take the agreement, then records it."""

    def __init__(self, register: Register, request: AgreementLog) -> None:
        self._register = register
        self._request = request
        self._draft: CheckDraft | None = None

    def prepare(self, agreement: Agreement) -> None:
        """Refuse now, before the file is written, whatever the register would refuse later."""
        from hrtoets.register import (
            CheckDraft,
            default_officer,
            parse_answer,
            parse_kind,
            snapshot,
            validate_draft,
        )

        request = self._request
        if request.check_id is not None:
            from hrtoets.register import EventKind, check_transition

            check = self._register.get(request.check_id)  # an unknown id is one sentence
            # A decided or withdrawn check, or another partner: refused before any file exists.
            check_transition(check, EventKind.AGREEMENT, {"partner": agreement.partner or ""})
            return
        kind = request.kind or TEMPLATE_KINDS.get(agreement.template)
        if kind is None:
            raise InputError("agreements.log_kind_needed", name=agreement.template)
        self._draft = CheckDraft(
            kind=parse_kind(kind),
            title=f"{agreement.document.title}: {agreement.partner or '—'}",
            countries=tuple(snapshot(v) for v in agreement.verdicts),
            officer=request.officer or default_officer(),
            partner=agreement.partner or "",
            answer=parse_answer(request.answer) if request.answer else None,
            note=f"hrtoets clause render {agreement.template}",
        )
        validate_draft(self._draft)

    def record(self, written: WrittenAgreement) -> CheckRecord:
        """The ``agreement`` event, on the given check or on a new one, in one transaction."""
        payload = written.record()
        # In the register "format" is the payload's own format version; the file's is file_format.
        payload["file_format"] = payload.pop("format")
        if self._draft is None:
            assert self._request.check_id is not None, "prepare() comes first"
            self._register.append_event(
                self._request.check_id, "agreement", payload, officer=self._request.officer
            )
            return self._register.get(self._request.check_id)
        return self._register.add_check_with_event(self._draft, "agreement", payload)


@contextmanager
def recording(
    settings: Settings, request: AgreementLog | None
) -> Iterator[AgreementRecorder | None]:
    """The configured register, opened before any work (``None`` without ``--log``)."""
    if request is None:
        yield None
        return
    from hrtoets.register.actions import open_configured

    with open_configured(settings) as register:
        yield AgreementRecorder(register, request)
