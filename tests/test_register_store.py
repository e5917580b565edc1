"""The register library on a real SQLite file and, in CI, a real PostgreSQL server."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text

from hrtoets.errors import InputError, RegisterError
from hrtoets.register import (
    CheckFilter,
    Decision,
    Kind,
    Outcome,
    Status,
    open_register,
    snapshot,
)
from hrtoets.register.chain import canonical, link_hash
from hrtoets.register.model import CheckDraft
from hrtoets.register.schema import SCHEMA_VERSION
from hrtoets.rule import Answer
from hrtoets.screening import Screener, Verdict

TODAY = date.today()  # events may not be dated before their check, nor after today
pytest_plugins = ["tests.register_fixtures"]  # db_url, bundled_screener


def verdicts(screener: Screener, *names: str) -> list[Verdict]:
    """Screen each name (no guiding-question answer: that belongs to the check)."""
    return [screener.screen(name) for name in names]


def _sql(url: str, statement: str, **params: object) -> None:
    """Change the database behind the tool's back."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(statement), params)
    engine.dispose()


def test_lifecycle_and_derived_status(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    with open_register(db_url) as register:
        check = register.add_check(
            kind=Kind.DELEGATION_OUT,
            title="Handelsmissie",
            countries=verdicts(screener, "Marokko", "Belgium"),
            officer="an",
            answer=Answer.NO,
            planned_date=date(2025, 6, 1),
        )
        assert check.id == 1
        assert check.status is Status.OPEN
        assert check.advice_needed is True
        assert check.reasons == ("at_or_below_threshold",)
        register.request_advice(check.id, officer="an", on=TODAY)
        assert register.get(check.id).status is Status.ADVICE_REQUESTED
        register.receive_advice(
            check.id, outcome=Outcome.CONDITIONAL, officer="raad", note="clausule"
        )
        assert register.get(check.id).status is Status.ADVICE_RECEIVED
        register.decide(check.id, decision=Decision.ADJUSTED, officer="an", note="met clausule")
        done = register.get(check.id)
    assert done.status is Status.DECIDED
    assert done.advice_outcome == "conditional"
    assert done.decision == "adjusted"
    assert [e.kind for e in done.events] == [
        "created",
        "advice-requested",
        "advice-received",
        "decided",
    ]
    assert done.events[1].payload == {"date": TODAY.isoformat(), "format": 2, "note": ""}
    assert done.events[2].officer == "raad"
    assert [c.iso3 for c in done.countries] == ["MAR", "BEL"]
    assert done.countries[0].score == 0.48
    assert done.countries[0].score_exact == pytest.approx(0.4806151047785714)
    assert done.countries[1].advice_needed is False
    assert done.planned_date == "2025-06-01"


def test_not_needed_and_the_guiding_question(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    with open_register(db_url) as register:
        calm = register.add_check(
            kind=Kind.NETWORK,
            title="Eurocities",
            countries=verdicts(screener, "BE"),
            answer=Answer.NO,
        )
        unsure = register.add_check(
            kind=Kind.NETWORK,
            title="Other",
            countries=verdicts(screener, "BE"),
            answer=Answer.UNSURE,
        )
    assert (calm.status, calm.advice_needed, calm.reasons) == (
        Status.NOT_NEEDED,
        False,
        ("above_threshold",),
    )
    assert (unsure.status, unsure.advice_needed, unsure.reasons) == (
        Status.OPEN,
        True,
        ("guiding_question",),
    )


def test_refused_transitions_write_nothing(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    with open_register(db_url) as register:
        check = register.add_check(
            kind=Kind.PROCUREMENT, title="Laptops", countries=verdicts(screener, "China")
        )
        with pytest.raises(InputError) as refused:
            register.receive_advice(check.id, outcome=Outcome.POSITIVE)
        assert refused.value.key == "register.not_requested"
        register.request_advice(check.id)
        with pytest.raises(InputError) as twice:
            register.request_advice(check.id)
        assert twice.value.key == "register.already_requested"
        register.decide(check.id, decision=Decision.NO_GO)
        with pytest.raises(InputError) as closed:
            register.decide(check.id, decision=Decision.GO)
        assert str(closed.value) == (
            "Check 1 is already decided (no-go) and therefore closed; record a new check."
        )
        with pytest.raises(InputError) as unknown:
            register.get(7)
        assert unknown.value.key == "register.unknown_id"
        assert len(register.events()) == 3
        assert register.verify().intact


def test_validation(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    with open_register(db_url) as register:
        for kwargs, key in (
            ({"title": " ", "countries": verdicts(screener, "BE")}, "register.no_title"),
            ({"title": "x", "countries": []}, "register.no_country"),
            ({"title": "x\x00y", "countries": verdicts(screener, "BE")}, "register.bad_text"),
        ):
            with pytest.raises(InputError) as error:
                register.add_check(kind=Kind.OTHER, **kwargs)
            assert error.value.key == key
        with pytest.raises(InputError) as error:
            register.add_check(
                kind=Kind.PARTNERSHIP, title="Stedenband", countries=verdicts(screener, "BE")
            )
        assert error.value.key == "register.answer_required"
        assert register.checks() == []


def test_a_failure_inside_the_transaction_leaves_nothing(
    db_url: str, bundled_screener: Screener
) -> None:
    screener = bundled_screener
    good = CheckDraft(
        kind=Kind.OTHER,
        title="good",
        countries=(snapshot(screener.screen("BE")),),
        officer="an",
    )
    broken = dataclasses.replace(
        good, countries=(dataclasses.replace(good.countries[0], score=float("nan")),)
    )
    with open_register(db_url) as register:
        with pytest.raises(ValueError, match="JSON compliant"):
            register.add_checks([good, broken])
        assert register.events() == []
        assert register.checks() == []
        assert register.add_checks([good])[0].id == 1  # the id was not used up either


@pytest.mark.parametrize(
    ("title", "partner", "code"),
    [("  ", "Firma", "register.no_title"), ("Firma — rij 4", "Fir\x00ma", "register.bad_text")],
)
def test_a_batch_row_refused_late_leaves_nothing(
    db_url: str, bundled_screener: Screener, title: str, partner: str, code: str
) -> None:
    """A batch shares all but each row's title, partner, row and countries: a later row with
    the same countries as an earlier one is still refused as its own draft would be, and the
    rows already linked are undone with it (the batch too)."""
    from hrtoets.register import BatchChecks, BatchRow
    from hrtoets.register.model import BatchRecord

    countries = (snapshot(bundled_screener.screen("Marokko")),)
    rows = [BatchRow(f"Stad {n} — rij {n}", f"Stad {n}", n, countries) for n in range(2, 4)]
    rows.append(BatchRow(title, partner, 4, countries))
    start = BatchRecord(id=0, sha256="a" * 64, kind="procurement", source="l.csv", output="o",
                        pending="p", workbook_sha256="b" * 64, first_check=0, last_check=0,
                        recorded_at="")  # fmt: skip
    with open_register(db_url) as register:
        with pytest.raises(InputError) as raised:
            register.record_batch(
                lambda n: BatchChecks(
                    kind=Kind.PROCUREMENT, officer="an", rows=rows, batch={"file": "l.csv", "id": n}
                ),
                start,
            )
        assert raised.value.key == code
        assert register.events() == []
        assert register.find_batch("a" * 64, "procurement") is None


def test_append_event_for_other_features(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    payload = {
        "template": "network",
        "language": "nl",
        "partner": "Eurocities",
        "countries": ["BEL", "MAR"],
        "sha256": "ab" * 32,
    }
    with open_register(db_url) as register:
        check = register.add_check(
            kind=Kind.NETWORK,
            title="Eurocities",
            countries=verdicts(screener, "BE"),
            answer=Answer.NO,
        )
        event = register.append_event(check.id, "agreement", payload, officer="an")
        assert (event.seq, event.kind, dict(event.payload)) == (
            2,
            "agreement",
            payload | {"format": 2},
        )
        assert register.get(check.id).status is Status.NOT_NEEDED
        assert register.get(check.id).events[-1] == event
        with pytest.raises(InputError) as bad:
            register.append_event(check.id, "signed", {})
        assert bad.value.key == "register.bad_event_kind"
        with pytest.raises(InputError) as unjson:
            register.append_event(check.id, "note", {"when": date(2025, 1, 1)})
        assert unjson.value.key == "register.bad_payload"
        with pytest.raises(InputError) as created:
            register.append_event(check.id, "created", {})
        assert created.value.key == "register.created_via_add"
        assert register.verify().events == 2


def test_filters(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    with open_register(db_url) as register:
        a = register.add_check(
            kind=Kind.NETWORK, title="a", countries=verdicts(screener, "BE"), answer=Answer.NO
        )
        b = register.add_check(
            kind=Kind.PROCUREMENT, title="b", countries=verdicts(screener, "Marokko", "Japan")
        )
        c = register.add_check(kind=Kind.PROCUREMENT, title="c", countries=verdicts(screener, "BE"))
        register.request_advice(b.id)

        def ids(**kwargs: object) -> list[int]:
            return [x.id for x in register.checks(CheckFilter(**kwargs))]  # type: ignore[arg-type]

        assert ids() == [a.id, b.id, c.id]
        assert ids(kind=Kind.PROCUREMENT) == [b.id, c.id]
        assert ids(iso3="JPN") == [b.id]
        assert ids(iso3="BEL", kind=Kind.NETWORK) == [a.id]
        assert ids(advice_needed=True) == [b.id]
        assert ids(status=Status.ADVICE_REQUESTED) == [b.id]
        assert ids(status=Status.NOT_NEEDED) == [a.id, c.id]
        assert ids(year=int(a.created_at[:4])) == [a.id, b.id, c.id]
        assert ids(year=1999) == []


def _three_events(url: str, screener: Screener) -> None:
    with open_register(url) as register:
        first = register.add_check(
            kind=Kind.PROCUREMENT, title="Laptops", countries=verdicts(screener, "Marokko")
        )
        register.request_advice(first.id, officer="an", on=TODAY, note="Raad")
        register.add_check(kind=Kind.OTHER, title="Visit", countries=verdicts(screener, "BE"))


def _verify(url: str) -> tuple[bool, int | None, int | None, str | None]:
    with open_register(url) as register:
        result = register.verify()
    return result.intact, result.broken_seq, result.broken_check, result.problem


def _stored(url: str, seq: int) -> tuple[str, str, str, str]:
    """recorded_at, payload text, prev_hash and hash of event ``seq``, read with plain SQL."""
    engine = create_engine(url)
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT recorded_at, payload, prev_hash, hash FROM register_events WHERE seq = :s"
            ),
            {"s": seq},
        ).one()
    engine.dispose()
    return row.recorded_at, row.payload, row.prev_hash, row.hash


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_verify_intact_counts(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    _three_events(db_url, screener)
    with open_register(db_url) as register:
        result = register.verify()
        last = register.events()[-1]
    assert (result.intact, result.events, result.checks) == (True, 3, 2)
    assert result.head_hash == last.hash
    # The hash as README defines it, computed here without hrtoets: SHA-256 over the canonical
    # JSON (sorted keys, no spaces) of seq, check_id, kind, recorded_at, officer and payload,
    # followed by the previous event's hash.
    at, payload, prev, stored = _stored(db_url, 2)
    assert payload == f'{{"date":"{TODAY}","format":2,"note":"Raad"}}'
    assert prev == _stored(db_url, 1)[3]
    content = (
        '{"check_id":1,"kind":"advice-requested","officer":"an",'
        f'"payload":{{"date":"{TODAY}","format":2,"note":"Raad"}},"recorded_at":"{at}","seq":2}}'
    )
    assert stored == _sha256(content + prev)
    at, payload, prev, stored = _stored(db_url, 3)
    assert prev == _stored(db_url, 2)[3]
    assert payload == json.dumps(
        json.loads(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    content = (
        f'{{"check_id":2,"kind":"created","officer":{json.dumps(last.officer)},'
        f'"payload":{payload},"recorded_at":"{at}","seq":3}}'
    )
    assert stored == _sha256(content + prev) == last.hash
    assert _stored(db_url, 1)[2] == "0" * 64  # the first event links to the genesis hash


def test_a_batch_costs_the_same_few_statements_at_any_size(
    db_url: str, bundled_screener: Screener
) -> None:
    """``batch --log`` holds the write lock: its statements must not grow with its rows."""
    screener = bundled_screener
    draft = CheckDraft(
        kind=Kind.PROCUREMENT,
        title="row",
        countries=tuple(snapshot(v) for v in verdicts(screener, "Marokko", "BE")),
        officer="an",
    )
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    with open_register(db_url) as register:
        register.add_check(kind=Kind.OTHER, title="before", countries=verdicts(screener, "BE"))
        event.listen(Engine, "before_cursor_execute", count)
        try:
            register.add_checks([draft] * 2)
            small, statements[:] = len(statements), []
            register.add_checks([dataclasses.replace(draft, title=f"row {n}") for n in range(50)])
            large = len(statements)
        finally:
            event.remove(Engine, "before_cursor_execute", count)
        register.append_event(53, "note", {"after": True})
        result = register.verify()
        found = register.checks()
        events = register.events()
    assert small == large
    assert (result.intact, result.events, result.checks) == (True, 54, 53)
    assert [c.id for c in found] == list(range(1, 54))
    assert [e.seq for e in events] == list(range(1, 55))
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert [c.title for c in found[3:6]] == ["row 0", "row 1", "row 2"]
    assert [c.iso3 for c in found[-1].countries] == ["MAR", "BEL"]
    assert _count(db_url, "register_check_countries") == 1 + 2 * 52


def _count(url: str, table: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    engine.dispose()
    return found


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        (  # a changed event
            "UPDATE register_events SET payload = replace(payload, 'Laptops', 'Tablets') "
            "WHERE seq = 1",
            (False, 1, 1, "hash"),
        ),
        (  # a changed officer
            "UPDATE register_events SET officer = 'someone else' WHERE seq = 2",
            (False, 2, 1, "hash"),
        ),
        ("DELETE FROM register_events WHERE seq = 2", (False, 2, None, "gap")),
        ("DELETE FROM register_events WHERE seq = 3", (False, 3, None, "head")),
        (  # the projection the filters read
            "UPDATE register_checks SET kind = 'network' WHERE id = 1",
            (False, 1, 1, "projection"),
        ),
        (
            "UPDATE register_check_countries SET score = 0.9 WHERE check_id = 2",
            (False, 3, 2, "projection"),
        ),
    ],
)
def test_verify_finds_edits_behind_its_back(
    db_url: str, bundled_screener: Screener, statement: str, found: tuple[object, ...]
) -> None:
    screener = bundled_screener
    _three_events(db_url, screener)
    assert _verify(db_url) == (True, None, None, None)
    _sql(db_url, statement)
    assert _verify(db_url) == found


def test_verify_finds_a_rehashed_forgery(db_url: str, bundled_screener: Screener) -> None:
    """A forger who recomputes the changed event's own hash still breaks the next link."""
    screener = bundled_screener
    _three_events(db_url, screener)
    with open_register(db_url) as register:
        original = register.events()[0]
    payload = {**original.payload, "title": "Tablets"}
    forged = link_hash(
        seq=1,
        check_id=1,
        kind="created",
        recorded_at=original.recorded_at,
        officer=original.officer,
        payload=payload,
        prev_hash=original.prev_hash,
    )
    _sql(
        db_url,
        "UPDATE register_events SET payload = :payload, hash = :hash WHERE seq = 1",
        payload=canonical(payload),
        hash=forged,
    )
    _sql(db_url, "UPDATE register_checks SET title = 'Tablets' WHERE id = 1")
    assert _verify(db_url) == (False, 2, 1, "link")


def test_schema_is_versioned_and_reopened(db_url: str) -> None:
    open_register(db_url).close()
    open_register(db_url).close()
    engine = create_engine(db_url)
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version FROM register_schema_version")).all()
        assert versions == [(SCHEMA_VERSION,)]
        assert conn.execute(text("SELECT last_seq FROM register_head")).all() == [(0,)]
    engine.dispose()
    _sql(db_url, "UPDATE register_schema_version SET version = 9")
    with pytest.raises(RegisterError) as newer:
        open_register(db_url)
    assert str(newer.value) == (
        f"The register has schema version 9, this hrtoets knows up to {SCHEMA_VERSION}; "
        "upgrade hrtoets."
    )


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("not a url", "register.bad_url"),
        ("nosuchdb://host/x", "register.bad_url"),
        ("sqlite:////nonexistent-folder/x/register.sqlite", "register.unreachable"),
        ("postgresql+psycopg://nobody:secret@127.0.0.1:1/none", "register.unreachable"),
    ],
)
def test_bad_databases_are_one_sentence(url: str, key: str) -> None:
    with pytest.raises(RegisterError) as error:
        open_register(url)
    assert error.value.key == key
    assert "secret" not in str(error.value)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(RegisterError) as error:
        open_register(f"sqlite:///{path}")
    assert str(error.value) == (
        f"sqlite:///{path} is not a usable register database (file is not a database); "
        "choose another with --db."
    )
    assert path.read_text(encoding="utf-8").startswith("these are notes")


def test_missing_postgres_driver_names_the_pip_line() -> None:
    code = (
        "import sys\n"
        "sys.modules['psycopg'] = None  # as if psycopg were not installed\n"
        "from hrtoets.register import open_register\n"
        "from hrtoets.errors import RegisterError\n"
        "try:\n"
        "    open_register('postgresql+psycopg://u@127.0.0.1/db')\n"
        "except RegisterError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == (
        "PostgreSQL needs the psycopg driver; install it with: pip install 'hrtoets[postgres]'"
    )


def test_required_postgres_fails_instead_of_skipping(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.register_fixtures import postgres_schema_url

    monkeypatch.delenv("HRTOETS_TEST_POSTGRES_URL", raising=False)
    monkeypatch.setenv("HRTOETS_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL is required"):
        next(postgres_schema_url())
    monkeypatch.delenv("HRTOETS_REQUIRE_POSTGRES")
    with pytest.raises(pytest.skip.Exception):
        next(postgres_schema_url())


def test_json_round_trip_of_a_record(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    with open_register(db_url) as register:
        added = register.add_check(
            kind=Kind.PROCUREMENT,
            title="Koffie ☕ «fair»",
            countries=verdicts(screener, "Hongarije", "Taiwan"),
            partner="Bean & Co",
            note='=HYPERLINK("x")',
        )
        again = register.get(added.id)
    assert again == added
    data = json.loads(json.dumps(again.to_json(events=True)))
    assert data["countries"][0]["borderline"] is True
    assert data["countries"][1]["reason"] == "not_in_index"
    assert data["title"] == "Koffie ☕ «fair»"
