"""The register's records: checks, events, their JSON form and the status derived from events. Pure.

A check is never updated: its creation and everything that follows (advice asked, advice received,
the city's decision, an agreement drawn up) are events appended to one hash chain, and a check's
status is read from its events. That is what lets the city show years later what was known when.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from hrtoets.errors import InputError, RegisterError
from hrtoets.messages import Label
from hrtoets.register.kinds import (
    COUNCIL_KINDS,
    Decision,
    EventKind,
    Kind,
    Outcome,
    Status,
    parse_answer,
    parse_date,
    parse_decision,
    parse_event_kind,
    parse_kind,
    parse_outcome,
    parse_status,
)
from hrtoets.rule import Answer, Reason

if TYPE_CHECKING:
    from hrtoets.screening import Verdict

# The format of stored payloads. 1: hrtoets 0.1.0, which wrote no ``format`` key; 2: the same
# fields plus ``format``. Readers take every earlier format, ignore keys they do not know (a newer
# release may add some) and give missing optional keys their defaults.
FORMAT_KEY: Final = "format"
PAYLOAD_FORMAT: Final = 2
_REVIEW_REASONS: Final = frozenset({Reason.UNRESOLVED, Reason.AMBIGUOUS, Reason.MISSING})


def payload_format(payload: Mapping[str, Any]) -> int:
    """The format a stored payload was written in (1 when it says none: hrtoets 0.1.0)."""
    value = payload.get(FORMAT_KEY, 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


@dataclass(frozen=True, slots=True)
class CountryScreening:
    """One country of a check as it was screened that day: the evidence, frozen."""

    query: str
    iso3: str | None
    name: str | None
    status: str  # resolved, region, ambiguous, unresolved
    covered: bool
    edition: str
    score: float | None
    score_exact: float | None
    advice_needed: bool
    reason: str
    reasons: tuple[str, ...]
    borderline: bool
    threshold: float
    rounding: str
    answer: str | None = None  # the answer the verdict was screened with (monitor re-uses it)
    region: str | None = None  # status "region": the region's code (``iso3`` is its state)

    @property
    def needs_review(self) -> bool:
        """Empty, unrecognised or ambiguous: a person must say which country was meant."""
        return self.reason in _REVIEW_REASONS

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "iso3": self.iso3,
            "name": self.name,
            "status": self.status,
            "covered": self.covered,
            "edition": self.edition,
            "score": self.score,
            "score_exact": self.score_exact,
            "advice_needed": self.advice_needed,
            "reason": self.reason,
            "reasons": list(self.reasons),
            "borderline": self.borderline,
            "threshold": self.threshold,
            "rounding": self.rounding,
            "answer": self.answer,
        } | ({"region": self.region} if self.region else {})

    @property
    def place(self) -> str | None:
        """What to screen again: the region's code, else the country's alpha-3."""
        return self.region or self.iso3

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CountryScreening:
        """Read a stored country: known keys only, so a newer release's extra keys are ignored.

        A register names a few hundred places in 100,000 checks, so a country read before is
        given again (:data:`_READ_SCREENINGS`) when every stored value is equal *and of the same
        type* (``1``, ``1.0`` and ``true`` are equal in Python, not in the register). A zero
        float skips that (``0.0 == -0.0``), and so does a value that is not JSON's plain kind.
        """
        values = tuple(map(data.get, _SCREENING_KEYS))
        reasons = data.get("reasons")
        if type(reasons) is list and 0.0 not in values[_FLOAT_SLOTS]:
            try:
                key = (values, tuple(map(type, values)), *reasons, *map(type, reasons))
                found = _READ_SCREENINGS.get(key)
            except TypeError:  # a list or an object where a value belongs: not kept
                return cls._read(data)
            if found is None:
                found = cls._read(data)
                if len(_READ_SCREENINGS) >= _READ_SCREENINGS_KEPT:
                    _READ_SCREENINGS.clear()
                _READ_SCREENINGS[key] = found
            return found
        return cls._read(data)

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> CountryScreening:
        reasons = tuple(str(r) for r in data.get("reasons") or [data["reason"]])
        return cls(
            query=str(data["query"]),
            iso3=data.get("iso3"),
            name=data.get("name"),
            status=str(data.get("status", "resolved")),
            covered=bool(data.get("covered", data.get("score") is not None)),
            edition=str(data.get("edition", "")),
            score=data.get("score"),
            score_exact=data.get("score_exact"),
            advice_needed=bool(data["advice_needed"]),
            reason=str(data["reason"]),
            reasons=reasons,
            borderline=bool(data.get("borderline", False)),
            threshold=float(data.get("threshold", 0.5)),
            rounding=str(data.get("rounding", "published")),
            answer=data.get("answer"),
            region=data.get("region") or None,
        )


# The memo's key: every stored value of a country (its fields are its JSON keys), the floats
# first, so that a zero among them is found by a slice.
_FLOAT_KEYS: Final = ("score", "score_exact", "threshold")
_SCREENING_KEYS: Final = _FLOAT_KEYS + tuple(
    f.name for f in fields(CountryScreening) if f.name not in {*_FLOAT_KEYS, "reasons"}
)
_FLOAT_SLOTS: Final = slice(0, len(_FLOAT_KEYS))
_READ_SCREENINGS: Final[dict[tuple[Any, ...], CountryScreening]] = {}
_READ_SCREENINGS_KEPT: Final = 4096  # then it starts again: memory stays bounded


@dataclass(frozen=True, slots=True)
class CheckDraft:
    """What an officer records; the register adds id, time and the overall verdict."""

    kind: Kind
    title: str
    countries: tuple[CountryScreening, ...]
    officer: str
    department: str = ""
    partner: str = ""
    planned_date: date | None = None
    answer: Answer | None = None
    note: str = ""

    batch: Mapping[str, Any] | None = None  # the list and row a ``batch --log`` check came from

    def overall(self) -> tuple[bool, tuple[str, ...]]:
        """Advice needed when any country needs it or the answer is yes/unsure; every reason."""
        return overall(self.countries, self.answer.value if self.answer else None)

    def payload(self, check_id: int) -> dict[str, Any]:
        """The ``created`` event's payload: the whole check, as recorded."""
        needed, reasons = self.overall()
        extra = {"batch": dict(self.batch)} if self.batch is not None else {}
        return {
            "id": check_id,
            "officer": self.officer,
            "department": self.department,
            "kind": self.kind.value,
            "title": self.title,
            "partner": self.partner,
            "countries": [c.to_json() for c in self.countries],
            "planned_date": self.planned_date.isoformat() if self.planned_date else None,
            "answer": self.answer.value if self.answer else None,
            "advice_needed": needed,
            "reasons": list(reasons),
            "note": self.note,
            **extra,
        }


class BatchRow(NamedTuple):
    """What one row of a batch gives its check: the title, the partner, the row's number in
    the list, and its countries as screened (one frozen tuple per distinct value: rows that
    typed the same country share the very same tuple)."""

    title: str
    partner: str
    row: int
    countries: tuple[CountryScreening, ...]


@dataclass(frozen=True, slots=True)
class BatchChecks:
    """The checks of one ``batch --log`` run: alike but for what each :class:`BatchRow` gives.

    ``batch`` names the list (``file``, ``sha256``, the batch's ``id``); each check's payload
    carries it with its own ``row``. :meth:`draft` is the whole check of one row, exactly what
    recording that row alone would record; a bulk writer may make the shared part once.
    """

    kind: Kind
    officer: str
    rows: Iterable[BatchRow]
    answer: Answer | None = None
    note: str = ""
    batch: Mapping[str, str | int] | None = None

    def draft(self, row: BatchRow) -> CheckDraft:
        """The check of ``row``."""
        return CheckDraft(
            kind=self.kind,
            title=row.title,
            countries=row.countries,
            officer=self.officer,
            partner=row.partner,
            answer=self.answer,
            note=self.note,
            batch={**self.batch, "row": row.row} if self.batch is not None else None,
        )


def validate_draft(draft: CheckDraft) -> None:
    """What a check must hold before it is recorded."""
    if not draft.title.strip():
        raise InputError("register.no_title")
    if not draft.countries:
        raise InputError("register.no_country")
    if draft.kind in COUNCIL_KINDS and draft.answer is None:
        raise InputError("register.answer_required", kind=draft.kind.value)
    for value in (draft.title, draft.officer, draft.department, draft.partner, draft.note):
        _check_text(value)


def validate_row_texts(title: str, partner: str) -> None:
    """What :func:`validate_draft` asks of a check's own title and partner: a batch's rows that
    share all else are each checked for these alone."""
    if not title.strip():
        raise InputError("register.no_title")
    _check_text(title)
    _check_text(partner)


def _check_text(value: str) -> None:
    """Text every database stores as typed: no NUL character, no undecodable bytes."""
    if "\x00" in value or (not value.isascii() and _unencodable(value)):
        shown = value.encode("utf-8", "replace").decode().replace("\x00", "?")
        raise InputError("register.bad_text", value=shown)


def _unencodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def overall(
    countries: Sequence[CountryScreening], answer: str | None
) -> tuple[bool, tuple[str, ...]]:
    """A check's verdict: advice needed when any country needs it or the answer is yes/unsure.

    Every reason is kept, in order, except "above the threshold" when advice is needed anyway.
    """
    reasons: list[str] = []
    for country in countries:
        reasons.extend(r for r in country.reasons if r not in reasons)
    if answer in (Answer.YES, Answer.UNSURE) and Reason.GUIDING_QUESTION not in reasons:
        reasons.append(Reason.GUIDING_QUESTION.value)
    needed = any(c.advice_needed for c in countries) or Reason.GUIDING_QUESTION in reasons
    if needed:
        reasons = [r for r in reasons if r != Reason.ABOVE_THRESHOLD] or reasons
    return needed, tuple(reasons)


def resolution_payload(
    countries: Sequence[CountryScreening], answer: str | None, note: str = ""
) -> dict[str, Any]:
    """The ``resolved`` event: the countries screened now, and the check's verdict with them."""
    needed, reasons = overall(countries, answer)
    return {
        "countries": [c.to_json() for c in countries],
        "advice_needed": needed,
        "reasons": list(reasons),
        "note": note,
    }


def effective_payload(
    created: Mapping[str, Any], resolutions: Sequence[Mapping[str, Any]]
) -> Mapping[str, Any]:
    """The ``created`` payload as the latest ``resolved`` event left it (countries, verdict)."""
    if not resolutions:
        return created
    latest = resolutions[-1]
    return {
        **created,
        "countries": latest["countries"],
        "advice_needed": latest["advice_needed"],
        "reasons": latest.get("reasons", created.get("reasons", ())),
    }


class Event(NamedTuple):
    """One link of the chain: what happened to which check, when, by whom, and its hashes.

    A named tuple: a row of the events table, its fields in the table's order (a test holds
    them equal), made for each of the 100,000 events an export reads.
    """

    seq: int
    check_id: int
    kind: str
    recorded_at: str
    officer: str
    payload: Mapping[str, Any]
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "check_id": self.check_id,
            "kind": self.kind,
            "recorded_at": self.recorded_at,
            "officer": self.officer,
            "payload": dict(self.payload),
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


class CheckRecord(NamedTuple):
    """A check as read back: its ``created`` payload and every event since.

    A named tuple, like :class:`Event`: immutable, and made for each of the 100,000 checks an
    export or ``monitor`` reads at a fifth of a frozen dataclass's cost.
    """

    id: int
    created_at: str
    officer: str
    department: str
    kind: Kind
    title: str
    partner: str
    countries: tuple[CountryScreening, ...]
    planned_date: str | None
    answer: str | None
    advice_needed: bool
    reasons: tuple[str, ...]
    note: str
    events: tuple[Event, ...] = ()

    def lifecycle(self) -> Lifecycle:
        """Where it stands and the latest of each kind of event, read in one pass."""
        needs_review = any(c.needs_review for c in self.countries)
        return read_lifecycle(self.advice_needed, self.events, needs_review=needs_review)

    @property
    def status(self) -> Status:
        return self.lifecycle().status

    @property
    def closed(self) -> bool:
        """Decided or withdrawn; only an event after ``created`` can close a check, so a check
        of one event is open without reading it (``monitor`` asks this of 100,000 checks)."""
        return len(self.events) > 1 and self.status in (Status.DECIDED, Status.WITHDRAWN)

    @property
    def batch(self) -> Mapping[str, Any] | None:
        """The list and row a ``batch --log`` check came from (``None`` for other checks)."""
        value = self.events[0].payload.get("batch") if self.events else None
        return value if isinstance(value, Mapping) else None

    @property
    def resolved(self) -> bool:
        """Whether its countries were screened again with ``log resolve``."""
        return any(e.kind == EventKind.RESOLVED for e in self.events)

    def event_date(self, kind: EventKind) -> str | None:
        """The date (ISO) of the latest event of ``kind``, as the event names it."""
        return self.lifecycle().dates.get(kind)

    @property
    def agreements(self) -> int:
        """How many agreements were recorded on this check."""
        return self.lifecycle().agreements

    @property
    def advice_outcome(self) -> str | None:
        """The council's latest advice, if any."""
        return self.lifecycle().advice_outcome

    @property
    def decision(self) -> str | None:
        """The city's decision, if any."""
        return self.lifecycle().decision

    @property
    def decided_without_advice(self) -> bool:
        """The decision was taken while advice was needed and never asked (with a reason)."""
        return self.lifecycle().decided_without_advice

    @property
    def year(self) -> int:
        return int(self.created_at[:4])

    @classmethod
    def from_events(cls, events: Sequence[Event]) -> CheckRecord:
        """Rebuild a check from its events (the first is ``created``).

        A ``created`` event that cannot give a check was edited behind the tool's back: that is
        one sentence naming the event, and ``hrtoets log verify`` tells the rest.
        """
        created = events[0]
        if created.kind == EventKind.CREATED:
            try:  # AttributeError too: a country that is no object (a number, a text)
                record = cls._from_created(created, events)
            except (AttributeError, KeyError, TypeError, ValueError):
                record = None
            if record is not None and record.id == created.check_id:
                return record
        raise RegisterError("register.damaged", seq=created.seq, check=created.check_id)

    @classmethod
    def _from_created(cls, created: Event, events: Sequence[Event]) -> CheckRecord:
        # Any format so far: required keys, optional ones with defaults; after ``log resolve``
        # the countries and the verdict are those screened last.
        resolutions = [e.payload for e in events if e.kind == EventKind.RESOLVED]
        data = effective_payload(created.payload, resolutions)
        return cls(  # by position, in the order of the fields: read 100,000 times an export
            int(data["id"]),  # id
            created.recorded_at,  # created_at
            str(data.get("officer", created.officer)),  # officer
            str(data.get("department") or ""),  # department
            _KINDS[data["kind"]],  # kind
            str(data["title"]),  # title
            str(data.get("partner") or ""),  # partner
            tuple(map(CountryScreening.from_json, data["countries"])),  # countries
            data.get("planned_date"),  # planned_date
            data.get("answer"),  # answer
            bool(data["advice_needed"]),  # advice_needed
            tuple(map(str, data.get("reasons", ()))),  # reasons
            str(data.get("note") or ""),  # note
            tuple(events),  # events
        )

    def to_json(self, *, events: bool = False) -> dict[str, Any]:
        """The check with stable English keys; ``events`` adds the full history."""
        life = self.lifecycle()
        data: dict[str, Any] = {
            "id": self.id,
            "created_at": self.created_at,
            "officer": self.officer,
            "department": self.department,
            "kind": self.kind.value,
            "title": self.title,
            "partner": self.partner,
            "countries": [c.to_json() for c in self.countries],
            "planned_date": self.planned_date,
            "answer": self.answer,
            "advice_needed": self.advice_needed,
            "reasons": list(self.reasons),
            "note": self.note,
            "status": life.status.value,
            "advice_outcome": life.advice_outcome,
            "decision": life.decision,
            "decided_without_advice": life.decided_without_advice,
            "withdrawn": life.status is Status.WITHDRAWN,
            "agreements": life.agreements,
        }
        if self.batch is not None:
            data["batch"] = dict(self.batch)
        if events:
            data["events"] = [e.to_json() for e in self.events]
        return data


_KINDS: Final = {kind.value: kind for kind in Kind}  # a stored kind, found without Kind()'s call


def group_checks(events: Iterable[Event]) -> list[CheckRecord]:
    """Rebuild every check from events in chain order, by check id."""
    by_check: dict[int, list[Event]] = {}
    for event in events:
        by_check.setdefault(event.check_id, []).append(event)
    return sorted(
        (CheckRecord.from_events(found) for found in by_check.values()), key=lambda c: c.id
    )


class Lifecycle(NamedTuple):
    """What a check's events say (:func:`read_lifecycle`): where it stands, the date of the
    latest event of each kind, the latest advice and decision, and how many agreements (a named
    tuple: made for every check an export reads, at half the cost of a frozen dataclass)."""

    status: Status
    dates: Mapping[str, str]
    advice_outcome: str | None
    decision: str | None
    decided_without_advice: bool
    agreements: int


def read_lifecycle(
    advice_needed: bool, events: Sequence[Event], *, needs_review: bool = False
) -> Lifecycle:
    """A check's events read once, in order (an export reads 100,000 checks this way).

    Status: withdrawn or decided beats everything; then a country still to review; then the
    latest advice event; else open (advice needed) or not needed. A decision was taken without
    advice when one ``decided`` event says so (with a reason).
    """
    dates: dict[str, str] = {}
    advice: str | None = None  # the kind of the latest advice event
    outcome = decision = None
    withdrawn = decided = without_advice = False
    agreements = 0
    for event in events:
        kind = event.kind
        dates[kind] = _event_date(event)
        if kind == EventKind.CREATED:  # every check's first, and most checks' only event
            continue
        if kind == EventKind.ADVICE_REQUESTED:
            advice = kind
        elif kind == EventKind.ADVICE_RECEIVED:
            advice, outcome = kind, event.payload.get("outcome")
        elif kind == EventKind.DECIDED:
            decided, decision = True, event.payload.get("decision")
            without_advice = without_advice or bool(event.payload.get("without_advice"))
        elif kind == EventKind.AGREEMENT:
            agreements += 1
        elif kind == EventKind.WITHDRAWN:
            withdrawn = True
    if withdrawn:
        status = Status.WITHDRAWN
    elif decided:
        status = Status.DECIDED
    elif needs_review:
        status = Status.TO_REVIEW
    elif advice is not None:
        requested = advice == EventKind.ADVICE_REQUESTED
        status = Status.ADVICE_REQUESTED if requested else Status.ADVICE_RECEIVED
    else:
        status = Status.OPEN if advice_needed else Status.NOT_NEEDED
    return Lifecycle(status, dates, _text(outcome), _text(decision), without_advice, agreements)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


_CLOSED_TO: Final = frozenset(
    {
        EventKind.ADVICE_REQUESTED,
        EventKind.ADVICE_RECEIVED,
        EventKind.DECIDED,
        EventKind.AGREEMENT,
        EventKind.WITHDRAWN,
        EventKind.RESOLVED,
    }
)
# What waits until a to-review check's countries are screened (withdrawing it does not).
_AFTER_REVIEW: Final = frozenset(
    {EventKind.ADVICE_REQUESTED, EventKind.ADVICE_RECEIVED, EventKind.DECIDED, EventKind.AGREEMENT}
)


def check_transition(
    check: CheckRecord,
    kind: EventKind,
    payload: Mapping[str, Any] | None = None,
    *,
    today: date | None = None,
) -> None:
    """Refuse an event that does not follow the process, with one sentence saying why.

    A decided or withdrawn check is closed (notes only). Advice is received only after it was
    requested, and requested once at a time. A check that needs advice is decided only after
    advice was requested, unless the decision says it was taken without advice and why. Dates
    follow the process and none lies after today. An agreement names the check's own partner.
    """
    payload = payload or {}
    status = check.status
    if kind is EventKind.CREATED:
        raise InputError("register.created_via_add", id=check.id)
    if kind is EventKind.NOTE:
        return
    if status is Status.WITHDRAWN and kind in _CLOSED_TO:
        raise InputError("register.already_withdrawn", id=check.id)
    if status is Status.DECIDED and kind in _CLOSED_TO:
        decision = Label(f"register.decision.{check.decision}", str(check.decision))
        raise InputError("register.already_decided", id=check.id, decision=decision)
    if status is Status.TO_REVIEW and kind in _AFTER_REVIEW:
        queries = ", ".join(f"'{c.query}'" for c in check.countries if c.needs_review)
        raise InputError("register.review_first", id=check.id, queries=queries or "''")
    if kind is EventKind.RESOLVED and status is not Status.TO_REVIEW:
        raise InputError("register.nothing_to_resolve", id=check.id)
    if kind is EventKind.ADVICE_REQUESTED and status is Status.ADVICE_REQUESTED:
        raise InputError("register.already_requested", id=check.id)
    if kind is EventKind.ADVICE_RECEIVED and status is not Status.ADVICE_REQUESTED:
        raise InputError("register.not_requested", id=check.id)
    if kind is EventKind.DECIDED:
        _check_decision(check, payload)
    if kind is EventKind.AGREEMENT:
        _check_partner(check, payload)
    _check_date(check, kind, payload, today or _today())


def _today() -> date:
    """The latest date it is today anywhere that matters: here, or in UTC.

    Events default to the UTC date, and a check's creation is recorded in UTC; on a machine west
    of Greenwich the local date can be a day behind, which must not make today's events "future".
    """
    return max(date.today(), datetime.now(UTC).date())


def _check_decision(check: CheckRecord, payload: Mapping[str, Any]) -> None:
    asked = any(e.kind == EventKind.ADVICE_REQUESTED for e in check.events)
    if check.advice_needed and not asked and not payload.get("without_advice"):
        raise InputError("register.decide_without_advice", id=check.id)
    if payload.get("without_advice") and not str(payload.get("reason", "")).strip():
        raise InputError("register.without_advice_reason", id=check.id)


def _check_partner(check: CheckRecord, payload: Mapping[str, Any]) -> None:
    partner = str(payload.get("partner") or "").strip()
    if partner and check.partner.strip() and partner.casefold() != check.partner.strip().casefold():
        raise InputError(
            "register.other_partner", id=check.id, partner=partner, recorded=check.partner
        )


def _event_date(event: Event) -> str:
    """The date an event is about: the date it names, else the day it was recorded."""
    value = event.payload.get("date")
    return str(value) if isinstance(value, str) and value else event.recorded_at[:10]


def _check_date(
    check: CheckRecord, kind: EventKind, payload: Mapping[str, Any], today: date
) -> None:
    day = payload.get("date")
    if not isinstance(day, str) or not day:
        return
    if day > today.isoformat():
        raise InputError("register.date_in_future", date=day, today=today.isoformat())
    earliest, key = check.created_at[:10], "register.date_before_check"
    if kind in (EventKind.ADVICE_RECEIVED, EventKind.DECIDED):
        advice = [
            e
            for e in check.events
            if e.kind in (EventKind.ADVICE_REQUESTED, EventKind.ADVICE_RECEIVED)
        ]
        if advice:
            earliest, key = max(earliest, _event_date(advice[-1])), "register.date_before_advice"
    if day < earliest:
        raise InputError(key, id=check.id, date=day, earliest=earliest)


@dataclass(frozen=True, slots=True)
class CheckFilter:
    """Which checks ``Register.checks`` returns; ``None`` means any."""

    kind: Kind | None = None
    year: int | None = None
    iso3: str | None = None
    advice_needed: bool | None = None
    status: Status | None = None
    search: str | None = None  # in title, partner, department and note; case and accents ignored

    @property
    def in_sql(self) -> bool:
        """Whether the SQL pre-filter is the whole test (status is derived, search folds text)."""
        return self.status is None and self.search is None

    def matches(self, check: CheckRecord) -> bool:
        """The full test, in Python (the SQL query pre-filters on the projection)."""
        return (
            (self.search is None or _folded(self.search) in _searchable(check))
            and (self.kind is None or check.kind is self.kind)
            and (self.year is None or check.year == self.year)
            and (self.iso3 is None or any(c.iso3 == self.iso3 for c in check.countries))
            and (self.advice_needed is None or check.advice_needed is self.advice_needed)
            and (self.status is None or check.status is self.status)
        )


def _folded(text: str) -> str:
    """Text compared as a person would: case and accents ignored ("Fès" finds "fes")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _searchable(check: CheckRecord) -> str:
    return _folded("\n".join((check.title, check.partner, check.department, check.note)))


@dataclass(frozen=True, slots=True)
class BatchRecord:
    """One ``batch --log`` run: which list (by SHA-256), which checks, and whether its workbook
    took its name (``completed_at``); one that did not was interrupted and is completed by running
    the same batch again."""

    id: int
    sha256: str
    kind: str
    source: str  # the list's absolute path when it was screened
    output: str  # the screened workbook's absolute path
    pending: str  # the temporary file that held the complete workbook before its rename
    workbook_sha256: str
    first_check: int
    last_check: int
    recorded_at: str
    completed_at: str | None = None

    @property
    def complete(self) -> bool:
        return self.completed_at is not None

    @property
    def rows(self) -> int:
        return self.last_check - self.first_check + 1

    def recorded_again(self, name: str) -> InputError:
        """The refusal for recording list ``name`` as this batch's kind once more."""
        return InputError(
            "batch.already_logged",
            source=name,
            kind=Label(f"register.kind.{self.kind}", self.kind),
            date=self.recorded_at[:10],
            first=self.first_check,
            last=self.last_check,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sha256": self.sha256,
            "kind": self.kind,
            "source": self.source,
            "output": self.output,
            "workbook_sha256": self.workbook_sha256,
            "first_check": self.first_check,
            "last_check": self.last_check,
            "recorded_at": self.recorded_at,
            "completed_at": self.completed_at,
        }


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """What ``verify`` found: intact, or the first broken event and why."""

    intact: bool
    events: int
    checks: int
    head_hash: str | None  # None when the register's tables are damaged
    broken_seq: int | None = None  # None when no one event is to blame (head or tables gone)
    broken_check: int | None = None
    # hash, link, gap, head, canonical, unreadable, head_counter, projection, orphans, tables
    problem: str | None = None
    damaged_tables: tuple[str, ...] = ()  # with problem "tables": missing or lacking a column
    # ``batch --log`` runs whose rows are recorded but whose workbook never took its name
    interrupted: tuple[BatchRecord, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "intact": self.intact,
            "events": self.events,
            "checks": self.checks,
            "head_hash": self.head_hash,
            "broken_seq": self.broken_seq,
            "broken_check": self.broken_check,
            "problem": self.problem,
            "damaged_tables": list(self.damaged_tables),
            "interrupted_batches": [b.to_json() for b in self.interrupted],
        }


def snapshot(verdict: Verdict) -> CountryScreening:
    """Freeze a screened :class:`~hrtoets.screening.Verdict` as register evidence."""
    country = verdict.country
    return CountryScreening(
        query=verdict.query,
        iso3=country.iso3 if country else None,
        name=(
            verdict.region.name_en
            if verdict.region
            else (verdict.index_name or country.name_en)
            if country
            else None
        ),
        status=verdict.status.value,
        covered=verdict.covered,
        edition=verdict.edition,
        score=verdict.score,
        score_exact=verdict.score_exact,
        advice_needed=verdict.advice_needed,
        reason=verdict.reason.value,
        reasons=tuple(r.value for r in verdict.outcome.reasons),
        borderline=verdict.borderline,
        threshold=verdict.threshold,
        rounding=verdict.rounding.value,
        answer=verdict.answer.value if verdict.answer else None,
        region=verdict.region.code if verdict.region else None,
    )


__all__ = [
    "COUNCIL_KINDS",
    "FORMAT_KEY",
    "PAYLOAD_FORMAT",
    "BatchRecord",
    "CheckDraft",
    "CheckFilter",
    "CheckRecord",
    "CountryScreening",
    "Decision",
    "Event",
    "EventKind",
    "Kind",
    "Lifecycle",
    "Outcome",
    "Status",
    "VerifyResult",
    "check_transition",
    "effective_payload",
    "group_checks",
    "overall",
    "parse_answer",
    "parse_date",
    "parse_decision",
    "parse_event_kind",
    "parse_kind",
    "parse_outcome",
    "parse_status",
    "payload_format",
    "read_lifecycle",
    "resolution_payload",
    "snapshot",
]
