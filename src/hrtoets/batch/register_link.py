"""``hrtoets batch --log KIND``: every screened row recorded as a check in the register.

The rows are recorded in one transaction once the workbook is complete in its temporary file and
before it is renamed into place: a workbook that cannot be written costs no records, and a
register that refuses leaves no screened workbook behind. The same transaction records the batch
(the list's SHA-256, the output, the workbook's SHA-256 and where it waits); once the workbook has
its name the batch is marked complete. Ctrl-C waits for those steps; a harder stop between them
(kill -9, a power cut) leaves a batch that ``log verify`` names and that running the same batch
again completes: with the waiting workbook, the one already in place, or by screening again. The
same list recorded as the same kind twice is refused unless ``--again``.

The checks are made from the list as it is read again, row by row, and written in chunks: a list
of any length costs the register one chunk's memory, and each distinct country value is frozen as
evidence once (:func:`batch_checks`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from hrtoets.batch.core import BatchResult
from hrtoets.errors import InputError
from hrtoets.files import (
    check_writable,
    crash_point,
    interrupts_deferred,
    sha256_file,
    shown_path,
)
from hrtoets.tables import Rows

if TYPE_CHECKING:
    from hrtoets.config import Settings
    from hrtoets.register import BatchChecks, BatchRow, Kind, Register
    from hrtoets.register.model import BatchRecord
    from hrtoets.rule import Answer

_PARTNER_HEADER: Final = re.compile(
    r"^(naam|name|partner|leverancier|supplier|organisatie|organisation|organization|bedrijf"
    r"|company|firma|instelling|institution|nom|fournisseur)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LogRequest:
    """What ``--log`` asks: the kind of check, the guiding-question answer, who records it, and
    whether a list recorded before may be recorded again (``--again``)."""

    kind: str
    answer: str | None = None
    officer: str | None = None
    again: bool = False


def partner_column(table: Rows, country_index: int) -> int | None:
    """The column naming the partner: a name-like header, else the first other column."""
    others = [i for i in range(len(table.headers)) if i != country_index]
    named = [i for i in others if _PARTNER_HEADER.match(table.headers[i].strip())]
    candidates = named or others
    return candidates[0] if candidates else None


def batch_checks(
    result: BatchResult,
    *,
    kind: Kind,
    officer: str,
    answer: Answer | None,
    lang: str = "nl",
    sha256: str | None = None,
    batch_id: int | None = None,
) -> BatchChecks:
    """One check per row, its rows made as the list is read again: the row's country screened
    as it was today (frozen once per distinct value), the partner from its row.

    The title names the partner, so that the check is found again by name
    ("Stad Fès — partners.xlsx, rij 2"); each check records the list's name and its row number
    in it, and with ``sha256`` the list's SHA-256 (and with ``batch_id`` the batch).
    """
    from hrtoets.messages import t
    from hrtoets.register import BatchChecks

    source = shown_path(result.table.source.name)
    batch: dict[str, str | int] = {"file": source}
    if sha256:
        batch["sha256"] = sha256
    if batch_id is not None:
        batch["id"] = batch_id
    return BatchChecks(
        kind=kind,
        officer=officer,
        rows=_rows(result, t("batch.log_title", lang, source=source, row=_ROW_MARK)),
        answer=answer,
        note=f"hrtoets batch {source}",
        batch=batch,
    )


_ROW_MARK: Final = "\x00row\x00"  # the row number's place in the title, formatted once


def _rows(result: BatchResult, title: str) -> Iterator[BatchRow]:
    from hrtoets.register import BatchRow, snapshot

    partner_at = partner_column(result.table, result.column.index)
    frozen = [tuple(snapshot(verdict) for verdict in value.verdicts) for value in result.values]
    for row, (key, cells) in enumerate(zip(result.keys, result.table.iter_rows(), strict=True), 2):
        partner = cells[partner_at].strip() if partner_at is not None else ""
        place = title.replace(_ROW_MARK, str(row))
        yield BatchRow(f"{partner} — {place}" if partner else place, partner, row, frozen[key])


class Recorder:
    """Records a batch's rows in the register (see :class:`~hrtoets.batch.run.Recording`).

    Made before any work: a list already recorded as this kind is refused then (unless
    ``again``), and an interrupted batch of it is found, to be completed instead of recorded anew.
    """

    def __init__(
        self, register: Register, request: LogRequest, source: Path, lang: str = "nl"
    ) -> None:
        from hrtoets.register import default_officer, parse_answer, parse_kind

        self._register = register
        self.kind = parse_kind(request.kind)
        self.answer = parse_answer(request.answer) if request.answer else None
        self.officer = request.officer or default_officer()
        self.again = request.again
        self.lang = lang
        self.batch: BatchRecord | None = None
        self._source = source.absolute()
        self._sha256 = sha256_file(source) if source.is_file() else ""
        self._workbook_sha256 = ""
        earlier = register.find_batch(self._sha256, self.kind.value) if self._sha256 else None
        # An interrupted batch of this list: this run completes it rather than record anew.
        self.completed = earlier is not None and not earlier.complete and not self.again
        if self.completed:
            self.batch = earlier
        elif earlier is not None and not self.again:
            raise earlier.recorded_again(shown_path(self._source.name))

    @property
    def check_ids(self) -> range:
        """The ids of the checks this run recorded, or of the interrupted batch it completed."""
        batch = self.batch
        if batch is None or batch.first_check == 0:
            return range(0)
        return range(batch.first_check, batch.last_check + 1)

    @property
    def interrupted(self) -> BatchRecord | None:
        """The interrupted batch this run completes, if any."""
        return self.batch if self.batch is not None and not self.batch.complete else None

    def resume(self, *, force: bool = False) -> BatchRecord | None:
        """Complete the interrupted batch without screening again, when its workbook survived.

        The workbook is either already in place (the stop came after its rename) or waiting,
        complete, in its temporary file (the stop came after the rows were recorded). ``None``:
        neither is there, and the batch must be screened again.
        """
        batch = self.interrupted
        if batch is None:
            return None
        output, pending = Path(batch.output), Path(batch.pending)
        if _holds(output, batch.workbook_sha256):
            return self._complete(batch)
        if _holds(pending, batch.workbook_sha256):
            check_writable(output, force=force)
            with interrupts_deferred():
                try:
                    pending.replace(output)
                except OSError:  # another run took it first, or the folder is gone
                    return self._complete(batch) if _holds(output, batch.workbook_sha256) else None
                crash_point("batch-renamed")
                return self._complete(batch)
        return None

    def before_rename(self, result: BatchResult, pending: Path, target: Path) -> None:
        """The workbook is complete in ``pending``: record its rows and the batch, or check that
        the rows of the interrupted batch this run completes are still what was recorded."""
        self._workbook_sha256 = sha256_file(pending)
        batch = self.interrupted
        if batch is not None:
            self._same_as_recorded(batch, result)
            return
        if not result.row_count:  # a header and no rows: nothing to record, no batch to remember
            return
        from hrtoets.register.model import BatchRecord

        def made(batch_id: int) -> BatchChecks:
            return batch_checks(
                result,
                kind=self.kind,
                officer=self.officer,
                answer=self.answer,
                lang=self.lang,
                sha256=self._sha256,
                batch_id=batch_id,
            )

        start = BatchRecord(
            id=0,
            sha256=self._sha256,
            kind=self.kind.value,
            source=shown_path(self._source),
            output=shown_path(target.absolute()),
            pending=shown_path(pending.absolute()),
            workbook_sha256=self._workbook_sha256,
            first_check=0,
            last_check=0,
            recorded_at="",
        )
        self.batch = self._register.record_batch(made, start, again=self.again)

    def after_rename(self, target: Path) -> None:
        """The workbook has its name: the batch is complete."""
        if self.batch is not None:
            self._complete(self.batch, output=shown_path(target.absolute()))

    def _complete(self, batch: BatchRecord, output: str | None = None) -> BatchRecord:
        self.batch = self._register.complete_batch(
            batch.id, output=output, workbook_sha256=self._workbook_sha256 or None
        )
        return self.batch

    def _same_as_recorded(self, batch: BatchRecord, result: BatchResult) -> None:
        recorded = self._register.checks_between(batch.first_check, batch.last_check)
        if len(recorded) != result.row_count:
            raise InputError(
                "batch.complete_changed",
                id=batch.id,
                row=min(len(recorded), result.row_count) + 2,
                first=batch.first_check,
                last=batch.last_check,
            )
        from hrtoets.register import snapshot

        for check, row in zip(recorded, result.iter_rows(), strict=True):
            created = check.events[0].payload.get("countries") or []
            now = [snapshot(verdict).to_json() for verdict in row.verdicts]
            if _plain(created) != _plain(now):
                raise InputError(
                    "batch.complete_changed",
                    id=batch.id,
                    row=row.row,
                    first=batch.first_check,
                    last=batch.last_check,
                )


def _holds(path: Path, sha256: str) -> bool:
    """Whether ``path`` is a file with exactly this SHA-256."""
    try:
        return path.is_file() and sha256_file(path) == sha256
    except OSError:
        return False


def _plain(data: Any) -> Any:
    """``data`` as the register stores it (JSON text read back), for comparing."""
    return json.loads(json.dumps(data, sort_keys=True))


@contextmanager
def recording(
    settings: Settings, request: LogRequest | None, source: Path
) -> Iterator[Recorder | None]:
    """The configured register, open for the batch, as a recorder (``None`` without ``--log``).

    The register is opened first, so a bad URL, an unreachable database or a list already
    recorded is reported before any work is done.
    """
    if request is None:
        yield None
        return
    from hrtoets.register.actions import open_configured

    with open_configured(settings) as register:
        yield Recorder(register, request, source, settings.lang)
