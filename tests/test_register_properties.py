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


BATCH_TEXT = TEXT | st.sampled_from(["\x00row\x00", "\x00id\x00", '"', "\\"])  # slots too
# The countries rows share: one, two, and one whose query holds a slot's text.
SHARED = [
    tuple(snapshot(SCREENER.screen(c)) for c in ["Marokko"]),
    tuple(snapshot(SCREENER.screen(c)) for c in ["Belgium", "Taiwan"]),
    tuple(snapshot(SCREENER.screen(c)) for c in ["\x00partner\x00"]),
]


def _written(write: Any) -> list[list[tuple[Any, ...]]]:
    """Every row of the three tables after ``write(writer, conn)`` into a fresh register."""
    from sqlalchemy import create_engine, select

    from hrtoets.register.schema import check_countries, checks, create_or_migrate, events, head
    from hrtoets.register.writer import ChainWriter

    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        create_or_migrate(conn)
        writer = ChainWriter(conn.execute(select(head)).one(), "2026-12-03T10:00:00+00:00")
        write(writer, conn)
        writer.flush(conn)
        tables = (events, checks, check_countries)
        found = [[tuple(row) for row in conn.execute(select(table))] for table in tables]
    engine.dispose()
    return found


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            TEXT.filter(lambda s: s.strip() != ""),
            TEXT,
            st.integers(0, 2**40) | st.booleans(),  # a bool is an int, but not in JSON
            st.integers(0, 2),
        ),
        min_size=1,
        max_size=12,
    ),
    batch=st.none()
    | st.dictionaries(st.sampled_from(["file", "sha256", "id"]), BATCH_TEXT | st.integers()),
    officer=TEXT.filter(bool),
    note=TEXT,
    answer=st.none() | st.sampled_from(list(Answer)),
    chunk=st.integers(1, 5),
    kept=st.integers(1, 4),
)
def test_a_bulk_write_is_what_writing_each_check_alone_gives(
    rows: list[tuple[str, str, int, int]],
    batch: dict[str, Any] | None,
    officer: str,
    note: str,
    answer: Any,
    chunk: int,
    kept: int,
) -> None:
    """A batch written in bulk (the parts its checks share made once per distinct countries,
    each row's id, title, partner and row put in; chunked inserts) stores exactly the rows,
    texts and hashes that writing each row's whole draft alone gives: whatever the titles,
    partners, shared values, and a shared value holding a slot's text; and when the shared
    parts kept (``kept`` of them) are let go and made again."""
    from unittest import mock

    from hrtoets.register import BatchChecks, BatchRow, writer

    made = [BatchRow(title, partner, row, SHARED[n]) for title, partner, row, n in rows]
    checks = BatchChecks(kind=Kind.PROCUREMENT, officer=officer, rows=made, answer=answer,
                         note=note, batch=batch)  # fmt: skip
    with mock.patch.object(writer, "_MAKERS_KEPT", kept):
        bulk = _written(lambda chain, conn: chain.add_batch(checks, conn, chunk=chunk))
    alone = _written(lambda chain, _: [chain.add_check(checks.draft(row)) for row in made])
    assert bulk == alone
    assert len(bulk[0]) == len(rows)
