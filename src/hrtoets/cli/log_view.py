"""How ``hrtoets log …`` shows checks, events and the chain to a person."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.table import Table

from hrtoets.cli.display import escape_controls, plain
from hrtoets.cli.session import Session
from hrtoets.countries import CountryResolver
from hrtoets.register.labels import country_name, label, phrase
from hrtoets.register.model import FORMAT_KEY, CheckRecord, CountryScreening, Event, VerifyResult
from hrtoets.screening import format_score


def _label(session: Session, group: str, value: str | None) -> str:
    """A stored code's label; the raw code when it is not one hrtoets knows."""
    return label(group, value, session.lang, empty="—")


def country_reasons(session: Session, country: CountryScreening) -> str:
    """Every reason of a recorded country verdict as a phrase, like ``hrtoets check`` says it."""
    exact = country.rounding == "exact"
    shown = country.score_exact if exact else country.score
    region = country_name(country, session.lang) if country.region else country.query
    state = country_name(replace(country, region=None), session.lang) if country.iso3 else None
    return "; ".join(
        phrase(
            "reason.region" if state else "reason.world_region",
            session.lang,
            reason,
            region=region,
            state=state,
        )
        if reason == "region"
        else phrase(
            f"reason.{reason}",
            session.lang,
            reason,
            score=format_score(shown, 4 if exact else 2),
            threshold=country.threshold,
            edition=country.edition,
        )
        for reason in country.reasons
    )


def _verdict(session: Session, advice_needed: bool) -> str:
    return session.t("check.advice_needed" if advice_needed else "check.no_advice_needed")


def _countries(session: Session, check: CheckRecord) -> None:
    for c in check.countries:
        verdict = f"{_verdict(session, c.advice_needed)}: {country_reasons(session, c)}"
        if c.place is None:  # unresolved, ambiguous or empty: no place, so no score to show
            line = f"  {c.query.strip() or '—'}: {verdict}"
        else:
            score = (
                session.t(
                    "register.score",
                    score=format_score(c.score),
                    exact=format_score(c.score_exact, 4),
                    edition=c.edition,
                )
                if c.covered
                else session.t("register.not_covered", edition=c.edition)
            )
            line = f"  {country_name(c, session.lang)} ({c.place}): {score} — {verdict}"
        session.out.print(escape_controls(line), markup=False)


def _overall(session: Session, check: CheckRecord) -> None:
    reasons = "; ".join(_label(session, "reason", r) for r in check.reasons)
    style = "bold red" if check.advice_needed else "bold green"
    session.out.print(
        f"{_verdict(session, check.advice_needed)}: {reasons}", style=style, markup=False
    )


def render_added(session: Session, check: CheckRecord) -> None:
    """What was recorded, and the next step."""
    added = session.t(
        "register.added",
        id=check.id,
        title=check.title,
        kind=_label(session, "kind", check.kind.value),
    )
    session.out.print(escape_controls(added), markup=False)
    _countries(session, check)
    _overall(session, check)
    if check.advice_needed:
        session.say("register.next_request", id=check.id)


def render_event(session: Session, check: CheckRecord) -> None:
    """One line: the event just recorded and the status it leads to."""
    event = check.events[-1]
    session.out.print(
        session.t(
            "register.event_recorded",
            id=check.id,
            event=_label(session, "event", event.kind),
            status=_label(session, "status", check.status.value),
            seq=event.seq,
        ),
        markup=False,
    )


def render_list(session: Session, checks: list[CheckRecord]) -> None:
    """A table of checks, oldest first."""
    if not checks:
        session.say("register.none_found")
        return
    table = Table(box=None, pad_edge=False)
    for key in ("id", "date", "kind", "title", "partner", "countries", "advice_needed", "status"):
        whole = key in ("id", "date", "status")  # a date or a status broken in two reads wrong
        table.add_column(session.t(f"register.col.{key}"), overflow="fold", no_wrap=whole)
    for check in checks:
        table.add_row(
            str(check.id),
            session.day(check.created_at, short=True),
            _label(session, "kind", check.kind.value),
            plain(check.title),
            plain(check.partner),
            plain(", ".join(c.place or c.query for c in check.countries)),
            session.t("word.yes" if check.advice_needed else "word.no"),
            _label(session, "status", check.status.value),
            style="red" if check.advice_needed else None,
        )
    session.out.print(table)


def _event_details(session: Session, event: Event) -> str:
    payload = {k: v for k, v in event.payload.items() if k != FORMAT_KEY}
    if event.kind == "created":
        return session.t("register.event_created_detail")
    if event.kind == "agreement":
        return _agreement_details(session, payload)
    if event.kind == "resolved":
        return _resolved_details(session, payload)
    for key, group in (("outcome", "outcome"), ("decision", "decision")):
        if key in payload:
            payload[key] = _label(session, group, str(payload[key]))
    named = {
        "date": "date",
        "note": "note",
        "outcome": "advice_outcome",
        "decision": "decision",
        "reason": "reason",
        "without_advice": "without_advice",
    }

    if isinstance(payload.get("date"), str):
        payload["date"] = session.day(payload["date"])

    def shown(value: object) -> object:
        if isinstance(value, bool):
            return session.t("word.yes" if value else "word.no")
        return value

    return (
        ", ".join(
            f"{session.t(f'register.col.{named[k]}') if k in named else k}: {shown(v)}"
            for k, v in payload.items()
            if v not in ("", None)
        )
        or "—"
    )


def _agreement_country(session: Session, item: object, resolver: CountryResolver) -> str:
    """One country of an agreement event: its name and verdict (0.1.0 stored dicts or codes)."""
    data = item if isinstance(item, dict) else {"iso3": item}
    region = str(data.get("region") or "")
    iso3 = region or str(data.get("iso3") or "")
    try:
        if region:
            name = resolver.region(region).name(session.lang)
        else:
            name = resolver.country(iso3).name(session.lang) if iso3 else str(data["query"])
    except (KeyError, LookupError):
        name = iso3 or str(data.get("query", "—"))
    if "advice_needed" not in data:
        return f"{name} ({iso3})" if iso3 else name
    verdict = _verdict(session, bool(data["advice_needed"])).lower()
    return f"{name} ({iso3}): {verdict}" if iso3 else f"{name}: {verdict}"


def _resolved_details(session: Session, payload: dict[str, object]) -> str:
    """A ``log resolve`` as one sentence: each country now screened, its verdict, the note."""
    items = payload.get("countries")
    listed = []
    for item in items if isinstance(items, list) else []:
        try:
            country = CountryScreening.from_json(item)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        name = country_name(country, session.lang) if country.place else country.query
        verdict = _verdict(session, country.advice_needed).lower()
        listed.append(f"{name} ({country.place or '?'}): {verdict}")
    text = session.t("register.event_resolved_detail", countries="; ".join(listed) or "—")
    note = payload.get("note")
    return f"{text}; {session.t('register.col.note')}: {note}" if note else text


def _agreement_details(session: Session, payload: dict[str, object]) -> str:
    """An agreement event as one sentence: template, language, partner, file, countries."""
    countries = payload.get("countries")
    resolver = CountryResolver()  # one for every country of the event
    items = countries if isinstance(countries, list) else []
    listed = [_agreement_country(session, c, resolver) for c in items]
    digest = str(payload.get("sha256") or "")
    return session.t(
        "register.event_agreement_detail",
        template=payload.get("template", "—"),
        lang=payload.get("lang") or payload.get("language") or "—",
        partner=payload.get("partner") or "—",
        file=payload.get("output") or "—",
        sha=digest[:12] or "—",
        countries="; ".join(listed) or "—",
    )


def render_check(session: Session, check: CheckRecord) -> None:
    """The check as recorded, then every event with its hash."""
    out = session.out
    title = session.t(
        "register.show_title",
        id=check.id,
        title=check.title,
        status=_label(session, "status", check.status.value),
    )
    out.print(escape_controls(title), style="bold", markup=False)
    fields = (
        ("kind", _label(session, "kind", check.kind.value)),
        ("created_at", session.when(check.created_at)),
        ("officer", check.officer),
        ("department", check.department),
        ("partner", check.partner),
        ("planned_date", session.day(check.planned_date) if check.planned_date else ""),
        ("answer", _label(session, "answer", check.answer)),
        ("note", check.note),
    )
    for key, value in fields:
        if value:
            out.print(
                escape_controls(f"  {session.t(f'register.col.{key}')}: {value}"), markup=False
            )
    _countries(session, check)
    _overall(session, check)
    out.print()
    out.print(session.t("register.history"), style="bold", markup=False)
    for event in check.events:
        line = (
            f"  #{event.seq} {session.when(event.recorded_at)} "
            f"{_label(session, 'event', event.kind)} "
            f"({event.officer}): {_event_details(session, event)}  [{event.hash[:12]}]"
        )
        out.print(escape_controls(line), markup=False)
    if check.status.value == "to-review":
        out.print()
        session.say("register.next_resolve", id=check.id)


def render_verify(session: Session, result: VerifyResult) -> None:
    """Intact with its counts, or the first broken event and what is wrong with it."""
    if result.intact:
        session.out.print(
            session.t(
                "register.verify_ok",
                events=result.events,
                checks=result.checks,
                head=result.head_hash,
            ),
            markup=False,
        )
        for batch in result.interrupted:
            line = session.t(
                "register.verify_interrupted",
                id=batch.id,
                source=batch.source,
                kind=batch.kind,
                kind_label=_label(session, "kind", batch.kind),
                first=batch.first_check,
                last=batch.last_check,
                date=session.day(batch.recorded_at),
                name=Path(batch.source).name,
            )
            session.out.print(
                escape_controls(line), style="bold yellow", markup=False, soft_wrap=True
            )
        return
    code = "head_missing" if result.problem == "head" and result.broken_seq is None else None
    problem = session.t(
        f"register.problem.{code or result.problem}",
        seq=result.broken_seq,
        check=result.broken_check if result.broken_check is not None else "?",
        tables=", ".join(result.damaged_tables),
    )
    if result.broken_seq is None:
        line = session.t("register.verify_damaged", problem=problem)
    else:
        line = session.t("register.verify_broken", seq=result.broken_seq, problem=problem)
    session.out.print(line, style="bold red", markup=False)
