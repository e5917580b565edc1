"""Property tests: what goes into the register comes back out, and the chain stays intact."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrtoets.index.store import load_index
from hrtoets.register import Kind, open_register, snapshot
from hrtoets.rule import Answer
from hrtoets.screening import Screener
from tests.conftest import TEST_INDEX

SCREENER = Screener(load_index(TEST_INDEX))
COUNTRIES = ["Belgium", "Marokko", "Hongarije", "Taiwan", "Japan", "Ivoorkust", "XKX"]
# Text a person can type: anything but NUL and lone surrogates (refused with a sentence).
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
CHECK = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(list(Kind)),
        "title": TEXT.filter(lambda s: s.strip() != ""),
        "countries": st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=3),
        "officer": TEXT.filter(bool),
        "department": TEXT,
        "partner": TEXT,
        "planned_date": st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)),
        "answer": st.sampled_from(list(Answer)),
        "note": TEXT,
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    checks=st.lists(CHECK, min_size=1, max_size=4),
    notes=st.lists(st.dictionaries(TEXT, JSON, max_size=3), max_size=4),
)
def test_round_trip_and_intact_chain(
    checks: list[dict[str, Any]], notes: list[dict[str, Any]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'register.sqlite'}"
        with open_register(url) as register:
            added = []
            for fields in checks:
                verdicts = [SCREENER.screen(name) for name in fields["countries"]]
                added.append(register.add_check(**{**fields, "countries": verdicts}))
            for payload in notes:
                register.append_event(added[0].id, "note", payload, officer="p")
            read = register.checks()
            result = register.verify()
    assert result.intact and result.events == len(checks) + len(notes)
    assert [c.id for c in read] == list(range(1, len(checks) + 1))
    for fields, stored in zip(checks, read, strict=True):
        assert stored.kind is fields["kind"]
        for name in ("title", "officer", "department", "partner", "note"):
            assert getattr(stored, name) == fields[name]
        planned = fields["planned_date"]
        assert stored.planned_date == (planned.isoformat() if planned else None)
        assert stored.answer == fields["answer"].value
        assert stored.countries == tuple(snapshot(SCREENER.screen(n)) for n in fields["countries"])
        assert stored.advice_needed == (
            any(c.advice_needed for c in stored.countries) or fields["answer"] is not Answer.NO
        )
    # Each payload is stored as given, plus the format it was written in.
    assert [dict(e.payload) for e in read[0].events[1:]] == [n | {"format": 2} for n in notes]


FLOATS = st.floats(allow_nan=False, allow_infinity=False)  # canonical JSON has no others
BATCH_VALUE = st.none() | st.booleans() | st.integers() | FLOATS | TEXT


@settings(max_examples=150, deadline=None)
@given(
    checks=st.lists(
        st.fixed_dictionaries(
            {
                "title": TEXT.filter(lambda s: s.strip() != ""),
                "partner": TEXT,
                "row": st.integers(min_value=0) | FLOATS | st.booleans(),
                "batch_id": st.sampled_from([1, 1.0, True, "1", None, 0, -0.0, 0.0]),
            }
        ),
        min_size=1,
        max_size=12,
    ),
    batch=st.dictionaries(st.sampled_from(["file", "sha256", "extra"]), BATCH_VALUE),
    country=st.sampled_from(COUNTRIES),
    note=st.sampled_from(["", "hrtoets batch l.csv", 'a "quoted" ë\\ note']),
    answer=st.none() | st.sampled_from(list(Answer)),
)
def test_a_bulk_writes_payload_text_is_canonical_json(
    checks: list[dict[str, Any]], batch: dict[str, Any], country: str, note: str, answer: Any
) -> None:
    """The bulk writer's texts, made from templates (the parts a batch's checks share made
    once), are exactly ``canonical(payload)`` whatever the titles, partners, rows and batch
    values: a ``1`` is no ``1.0``, a row that is no number is serialised whole."""
    from hrtoets.register.chain import canonical
    from hrtoets.register.model import FORMAT_KEY, PAYLOAD_FORMAT, CheckDraft
    from hrtoets.register.writer import _PayloadTexts, _SharedCountries, _template

    countries = (snapshot(SCREENER.screen(country)),)
    shared, texts = _SharedCountries(), _PayloadTexts()
    for number, check in enumerate(checks, 1):
        row = {**batch, "id": check["batch_id"], "row": check["row"]}  # equal values, other types
        draft = CheckDraft(kind=Kind.PROCUREMENT, title=check["title"], countries=countries,
                           officer="Jan", partner=check["partner"], note=note,
                           answer=answer, batch=row)  # fmt: skip
        made = shared.of(draft)
        payload = draft.payload(number, shared=made)
        payload[FORMAT_KEY] = PAYLOAD_FORMAT
        assert texts.of(payload, made) == canonical(payload)
        if type(check["row"]) is int:  # the quick way was taken, not only the whole text
            assert _template(payload) is not None
