"""Resolve what the user typed, look it up in the index, apply the rule: one :class:`Verdict`.

Every command that screens a country (check, batch, the register, agreements, monitor) goes through
:class:`Screener`, so they cannot disagree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hrtoets.config import CONFIG_FILE, default_home, load_settings
from hrtoets.countries import Country, CountryResolver, Place, Region, Resolution, Status
from hrtoets.index.model import FACTOR_NAMES, WjpIndex
from hrtoets.index.store import ACTIVE_FILE, editions_folder
from hrtoets.messages.wjp import factor_name
from hrtoets.rule import (
    DEFAULT_THRESHOLD,
    Answer,
    Reason,
    Rounding,
    RuleOutcome,
    apply_rule,
    published_score,
    unscreenable,
)

if TYPE_CHECKING:
    from hrtoets.config import Settings


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer for one country (or an input that names none), with all that explains it."""

    query: str
    status: Status
    country: Country | None  # for a region: its state (None for a world region), not screened
    index_name: str | None
    wjp_region: str | None  # the index's region of the country ("EU, EFTA, and North America")
    covered: bool
    edition: str
    score: float | None
    score_exact: float | None
    rank: int | None
    ranked_of: int
    threshold: float
    rounding: Rounding
    outcome: RuleOutcome
    factors: tuple[float | None, ...] = ()
    history: tuple[tuple[str, float], ...] = ()
    candidates: tuple[Place, ...] = ()
    suggestions: tuple[Country, ...] = ()
    answer: Answer | None = None
    region: Region | None = None  # status REGION: the region the input names
    state_score: float | None = None  # status REGION: the state's published score, context only

    @property
    def advice_needed(self) -> bool:
        return self.outcome.advice_needed

    @property
    def reason(self) -> Reason:
        return self.outcome.reason

    @property
    def borderline(self) -> bool:
        return self.outcome.borderline

    def as_row(self, lang: str = "en") -> dict[str, Any]:
        """The verdict as one flat dict (for ``pandas.DataFrame`` or a CSV writer)."""
        country = self.country
        return {
            "query": self.query,
            "status": self.status.value,
            "iso3": country.iso3 if country else None,
            "country": country.name(lang) if country else None,
            "region": self.region.code if self.region else None,
            "covered": self.covered,
            "edition": self.edition,
            "score": self.score,
            "score_exact": self.score_exact,
            "rank": self.rank,
            "ranked_of": self.ranked_of,
            "threshold": self.threshold,
            "rounding": self.rounding.value,
            "advice_needed": self.advice_needed,
            "reason": self.reason.value,
            "reasons": ";".join(r.value for r in self.outcome.reasons),
            "borderline": self.borderline,
        }

    @property
    def screened(self) -> bool:
        """The input named one place, a country or a region (a verdict someone can rely on)."""
        return self.status in (Status.RESOLVED, Status.REGION)

    @property
    def place_code(self) -> str | None:
        """The code of the place screened: the region's code or the country's alpha-3."""
        if self.region is not None:
            return self.region.code
        return self.country.iso3 if self.country and self.status is Status.RESOLVED else None

    def display_name(self, lang: str) -> str:
        """The place's name in ``lang``, or what the user typed when it names no one place."""
        if self.region is not None:
            return self.region.name(lang)
        return self.country.name(lang) if self.country else self.query


class Screener:
    """Screens inputs against one index with one threshold and rounding policy."""

    def __init__(
        self,
        index: WjpIndex,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        rounding: Rounding = Rounding.PUBLISHED,
        resolver: CountryResolver | None = None,
    ) -> None:
        self.index = index
        self.threshold = threshold
        self.rounding = rounding
        self.resolver = resolver or CountryResolver(index.names())

    @classmethod
    def from_settings(cls, settings: Settings) -> Screener:
        """A screener over the active index of ``settings.home`` with the configured rule."""
        from hrtoets.index.store import load_active_index

        index = load_active_index(settings.home)
        return cls(index, threshold=settings.threshold, rounding=settings.rounding)

    def screen(
        self, query: str, *, edition: str | None = None, answer: Answer | None = None
    ) -> Verdict:
        """The verdict for ``query`` in ``edition`` (default: the latest)."""
        return self.screen_resolution(self.resolver.resolve(query), edition=edition, answer=answer)

    def screen_resolution(
        self, resolution: Resolution, *, edition: str | None = None, answer: Answer | None = None
    ) -> Verdict:
        """The verdict for an already resolved input (batch resolves each distinct value once)."""
        label = self.index.edition(edition)
        base: dict[str, Any] = {
            "query": resolution.query,
            "status": resolution.status,
            "edition": label,
            "threshold": self.threshold,
            "rounding": self.rounding,
            "answer": answer,
            "ranked_of": len(self.index.entries(label)),
        }
        country = resolution.country
        if resolution.status is Status.REGION and resolution.region is not None:
            return self._region_verdict(resolution.region, country, base, answer)
        if resolution.status is not Status.RESOLVED or country is None:
            return _unscreenable_verdict(resolution, base, answer)
        entry = self.index.entry(country.iso3, label)
        history = tuple((e.edition, e.overall) for e in self.index.history(country.iso3))
        outcome = apply_rule(
            entry.overall if entry else None,
            threshold=self.threshold,
            rounding=self.rounding,
            answer=answer,
        )
        ranked = self.index.rank(country.iso3, label)
        return Verdict(
            **base,
            country=country,
            index_name=entry.country if entry else None,
            wjp_region=entry.region if entry else None,
            covered=entry is not None,
            score=published_score(entry.overall) if entry else None,
            score_exact=entry.overall if entry else None,
            rank=ranked[0] if ranked else None,
            outcome=outcome,
            factors=entry.factors if entry else (),
            history=history,
        )

    def _region_verdict(
        self, region: Region, state: Country | None, base: dict[str, Any], answer: Answer | None
    ) -> Verdict:
        """A region is not in the index: advice needed. The state's score is context only."""
        entry = self.index.entry(state.iso3, base["edition"]) if state else None
        return Verdict(
            **base,
            country=state,
            index_name=entry.country if entry else None,
            wjp_region=entry.region if entry else None,
            covered=False,
            score=None,
            score_exact=None,
            rank=None,
            outcome=unscreenable(Reason.REGION, answer),
            region=region,
            state_score=published_score(entry.overall) if entry else None,
        )


def _unscreenable_verdict(
    resolution: Resolution, base: dict[str, Any], answer: Answer | None
) -> Verdict:
    """The verdict for input that names no single country: advice needed, never a guess."""
    if not resolution.query.strip():
        reason = Reason.MISSING
    elif resolution.status is Status.AMBIGUOUS:
        reason = Reason.AMBIGUOUS
    else:
        reason = Reason.UNRESOLVED
    return Verdict(
        **base,
        country=None,
        index_name=None,
        wjp_region=None,
        covered=False,
        score=None,
        score_exact=None,
        rank=None,
        outcome=unscreenable(reason, answer),
        candidates=resolution.candidates,
        suggestions=resolution.suggestions,
    )


def _country_json(country: Country, lang: str, verdict: Verdict | None = None) -> dict[str, Any]:
    return {
        "iso3": country.iso3,
        "name": (verdict.index_name if verdict else None) or country.name_en,
        "name_local": country.name(lang),
        "region": verdict.wjp_region if verdict else None,
    }


def _region_json(region: Region, lang: str) -> dict[str, Any]:
    return {"code": region.code, "name": region.name_en, "name_local": region.name(lang)}


def _place_json(place: Place, lang: str) -> dict[str, Any]:
    """A candidate, with the same keys whether it is a country or a region: ``code`` is the
    country's alpha-3 or the region's code, ``iso3`` the country or the region's state."""
    if isinstance(place, Region):
        return {
            "iso3": place.iso3,
            "code": place.code,
            "name": place.name_en,
            "name_local": place.name(lang),
            "region": None,
        }
    return _country_json(place, lang) | {"code": place.iso3}


def verdict_to_json(verdict: Verdict, lang: str) -> dict[str, Any]:
    """The verdict as a JSON-ready dict with stable English keys (pinned by a contract test)."""
    data: dict[str, Any] = {
        "query": verdict.query,
        "status": verdict.status.value,
        "country": _country_json(verdict.country, lang, verdict) if verdict.country else None,
        "region": _region_json(verdict.region, lang) if verdict.region else None,
        "state_score": verdict.state_score,
        "covered": verdict.covered,
        "edition": verdict.edition,
        "score": verdict.score,
        "score_exact": verdict.score_exact,
        "rank": verdict.rank,
        "ranked_of": verdict.ranked_of,
        "threshold": verdict.threshold,
        "rounding": verdict.rounding.value,
        "advice_needed": verdict.advice_needed,
        "reason": verdict.reason.value,
        "reasons": [r.value for r in verdict.outcome.reasons],
        "borderline": verdict.borderline,
        "factors": [
            {"factor": n, "name": name, "name_local": factor_name(n, name, lang), "score": score}
            for n, (name, score) in enumerate(zip(FACTOR_NAMES, verdict.factors, strict=False), 1)
        ],
        "history": [{"edition": e, "score_exact": s} for e, s in verdict.history],
    }
    if verdict.status is Status.AMBIGUOUS:
        data["candidates"] = [_place_json(c, lang) for c in verdict.candidates]
    if verdict.status is Status.UNRESOLVED:
        data["suggestions"] = [_country_json(c, lang) for c in verdict.suggestions]
    return data


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class _ScreenerCache:
    """The screener of the last :func:`screen` call, kept while nothing it was built from changed.

    What decides the screener is the home folder, its ``config.toml`` and the pointer to the active
    index (``index use``/``update`` rewrite it): each is checked with one ``stat`` per call, so the
    cache can never serve a stale index or rule, and a call costs microseconds instead of a reload.
    """

    def __init__(self) -> None:
        self._key: object = None
        self._screener: Screener | None = None

    def get(self, settings: Settings | None) -> Screener:
        env_home = os.environ.get("HRTOETS_HOME")
        if settings is not None:
            home = settings.home
        else:
            home = Path(env_home).expanduser() if env_home else default_home()
        key = (
            settings,
            home,
            os.environ.get("HRTOETS_DB"),
            _stamp(home / CONFIG_FILE),
            _stamp(editions_folder(home) / ACTIVE_FILE),
        )
        if key != self._key or self._screener is None:
            self._screener = Screener.from_settings(settings or load_settings())
            self._key = key
        return self._screener


_SCREENERS = _ScreenerCache()


def screen(
    query: str,
    *,
    edition: str | None = None,
    answer: Answer | None = None,
    settings: Settings | None = None,
) -> Verdict:
    """Screen one country with the user's configuration: ``screen("Marokko").advice_needed``.

    The index and settings are loaded once and reused while they stay the same on disk.
    """
    return _SCREENERS.get(settings).screen(query, edition=edition, answer=answer)


def screen_many(
    queries: Iterable[str],
    *,
    edition: str | None = None,
    answer: Answer | None = None,
    settings: Settings | None = None,
) -> Iterator[Verdict]:
    """Screen each query with one screener; each distinct text is resolved once.

    ``pandas.DataFrame(v.as_row() for v in screen_many(df["Land"]))`` gives a table of verdicts.
    """
    screener = _SCREENERS.get(settings)
    seen: dict[str, Verdict] = {}
    for query in queries:
        text = str(query)
        verdict = seen.get(text)
        if verdict is None:
            verdict = seen[text] = screener.screen(text, edition=edition, answer=answer)
        yield verdict


def format_score(score: float | None, digits: int = 2) -> str:
    """A score as text with a fixed number of decimals (``—`` when there is none)."""
    return "—" if score is None else f"{score:.{digits}f}"


def explain(verdict: Verdict, lang: str) -> str:
    """Every reason of the verdict as one phrase for a person, in ``lang``."""
    from hrtoets.messages import t

    shown = verdict.score if verdict.rounding is Rounding.PUBLISHED else verdict.score_exact
    digits = 2 if verdict.rounding is Rounding.PUBLISHED else 4
    phrases = []
    for reason in verdict.outcome.reasons:
        if reason is Reason.REGION and verdict.region is not None:
            region = verdict.region.name(lang)
            if verdict.country is None:
                phrases.append(t("reason.world_region", lang, region=region))
            else:
                state = verdict.country.name(lang)
                phrases.append(t("reason.region", lang, region=region, state=state))
            continue
        phrases.append(
            t(
                f"reason.{reason.value}",
                lang,
                score=format_score(shown, digits),
                threshold=verdict.threshold,
                edition=verdict.edition,
            )
        )
    return "; ".join(phrases)


@dataclass(frozen=True, slots=True)
class ListedCountry:
    """One row of ``hrtoets index list``."""

    rank: int
    iso3: str
    name: str
    name_local: str
    region: str
    score: float
    score_exact: float
    advice_needed: bool
    reason: Reason
    borderline: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "iso3": self.iso3,
            "name": self.name,
            "name_local": self.name_local,
            "region": self.region,
            "score": self.score,
            "score_exact": self.score_exact,
            "advice_needed": self.advice_needed,
            "reason": self.reason.value,
            "borderline": self.borderline,
        }


def list_edition(
    screener: Screener,
    lang: str,
    edition: str | None = None,
    *,
    region: str | None = None,
    advice_needed_only: bool = False,
) -> list[ListedCountry]:
    """Every country of an edition with its verdict, best score first, optionally filtered."""
    from hrtoets.errors import InputError

    every = screener.index.entries(edition)
    entries = every
    if region:
        matched = matching_regions(region, {e.region for e in every})
        entries = tuple(e for e in every if e.region in matched)
        if not entries:
            from hrtoets.messages.wjp import region_name

            regions = sorted(region_name(r, lang) for r in {e.region for e in every})
            raise InputError("index.no_region", region=region, regions="; ".join(regions))
    ranks = _ranks([e.overall for e in every])
    rank_of = {e.iso3: rank for e, rank in zip(every, ranks, strict=True)}
    rows: list[ListedCountry] = []
    for entry in entries:
        outcome = apply_rule(
            entry.overall, threshold=screener.threshold, rounding=screener.rounding
        )
        if advice_needed_only and not outcome.advice_needed:
            continue
        try:
            local = screener.resolver.country(entry.iso3).name(lang)
        except KeyError:
            local = entry.country
        rows.append(
            ListedCountry(
                rank=rank_of[entry.iso3],
                iso3=entry.iso3,
                name=entry.country,
                name_local=local,
                region=entry.region,
                score=published_score(entry.overall),
                score_exact=entry.overall,
                advice_needed=outcome.advice_needed,
                reason=outcome.reason,
                borderline=outcome.borderline,
            )
        )
    return rows


def matching_regions(text: str, regions: Iterable[str]) -> tuple[str, ...]:
    """The WJP regions whose English or Dutch name, or a word they are searched by, contains
    ``text`` (case and accents ignored): "europa" is both "EU, EFTA, and North America" and
    "Eastern Europe and Central Asia"."""
    from hrtoets.messages import spoken
    from hrtoets.messages.wjp import region_words

    wanted = spoken(text)
    found = (r for r in regions if any(wanted in spoken(word) for word in region_words(r)))
    return tuple(sorted(found))


def _ranks(scores_best_first: list[float]) -> list[int]:
    """Competition ranks (1, 2, 2, 4) for scores sorted best first."""
    ranks: list[int] = []
    for position, score in enumerate(scores_best_first):
        tied = position and score == scores_best_first[position - 1]
        ranks.append(ranks[-1] if tied else position + 1)
    return ranks
