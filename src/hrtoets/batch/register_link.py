"""``hrtoets batch --log KIND``: every screened row recorded as a check in the register.

The rows are recorded in one transaction once the workbook is complete in its temporary file and
before it is renamed into place: a workbook that cannot be written costs no records, and a
register that refuses leaves no screened workbook behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from hrtoets.batch.core import BatchResult
from hrtoets.tables import Table

if TYPE_CHECKING:
    from hrtoets.config import Settings
    from hrtoets.register import CheckDraft, CheckRecord, Kind, Register
    from hrtoets.rule import Answer

_PARTNER_HEADER: Final = re.compile(
    r"^(naam|name|partner|leverancier|supplier|organisatie|organisation|organization|bedrijf"
    r"|company|firma|instelling|institution|nom|fournisseur)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LogRequest:
    """What ``--log`` asks: the kind of check, the guiding-question answer, who records it."""

    kind: str
    answer: str | None = None
    officer: str | None = None


def partner_column(table: Table, country_index: int) -> int | None:
    """The column naming the partner: a name-like header, else the first other column."""
    others = [i for i in range(len(table.headers)) if i != country_index]
    named = [i for i in others if _PARTNER_HEADER.match(table.headers[i].strip())]
    candidates = named or others
    return candidates[0] if candidates else None


def drafts(
    result: BatchResult, *, kind: Kind, officer: str, answer: Answer | None, lang: str = "nl"
) -> list[CheckDraft]:
    """One check per row: the row's country screened as it was today, the partner from its row.

    The title names the partner, so that the check is found again by name
    ("Stad Fès — partners.xlsx, rij 2"); the row number points back at the list.
    """
    from hrtoets.messages import t
    from hrtoets.register import CheckDraft, snapshot

    partner_at = partner_column(result.table, result.column.index)
    source = result.table.source.name
    made = []
    for row, cells in zip(result.rows, result.table.rows, strict=True):
        partner = cells[partner_at].strip() if partner_at is not None else ""
        place = t("batch.log_title", lang, source=source, row=row.row)
        made.append(
            CheckDraft(
                kind=kind,
                title=f"{partner} — {place}" if partner else place,
                countries=(snapshot(row.verdict),),
                officer=officer,
                partner=partner,
                answer=answer,
                note=f"hrtoets batch {source}",
            )
        )
    return made


class Recorder:
    """An ``on_written`` hook for :func:`~hrtoets.batch.run_batch` that records every row."""

    def __init__(self, register: Register, request: LogRequest, lang: str = "nl") -> None:
        from hrtoets.register import default_officer, parse_answer, parse_kind

        self._register = register
        self.kind = parse_kind(request.kind)
        self.answer = parse_answer(request.answer) if request.answer else None
        self.officer = request.officer or default_officer()
        self.checks: list[CheckRecord] = []
        self.lang = lang

    def __call__(self, result: BatchResult) -> None:
        made = drafts(
            result, kind=self.kind, officer=self.officer, answer=self.answer, lang=self.lang
        )
        self.checks.extend(self._register.add_checks(made))


@contextmanager
def recording(settings: Settings, request: LogRequest | None) -> Iterator[Recorder | None]:
    """The configured register, open for the batch, as a recorder (``None`` without ``--log``).

    The register is opened first, so a bad URL or an unreachable database is reported before any
    work is done.
    """
    if request is None:
        yield None
        return
    from hrtoets.register.actions import open_configured

    with open_configured(settings) as register:
        yield Recorder(register, request, settings.lang)
