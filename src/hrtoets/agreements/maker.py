"""Make one agreement: gather the variables, screen the countries, render, write atomically.

The countries are screened on the way, through the same :class:`~hrtoets.screening.Screener` as
``hrtoets check``; a country that needs advice does not stop the document (the officer may be
preparing it for the council), but the result carries the verdicts so the CLI can say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hrtoets.agreements.library import TemplateLibrary
from hrtoets.agreements.model import Document
from hrtoets.agreements.variables import COUNTRY_KEYS, Value, clean, country_queries, usable
from hrtoets.agreements.writers import DocumentInfo, format_of, write_document
from hrtoets.countries import describe, split_cell
from hrtoets.errors import InputError, UnknownCountry
from hrtoets.files import atomic_path, sha256_file

if TYPE_CHECKING:
    from hrtoets.config import Settings
    from hrtoets.screening import Screener, Verdict


@dataclass(frozen=True, slots=True)
class Agreement:
    """A rendered agreement, not yet written: the document and the verdicts of its countries."""

    template: str
    lang: str
    partner: str | None
    verdicts: tuple[Verdict, ...]
    document: Document

    @property
    def needs_advice(self) -> tuple[Verdict, ...]:
        """The countries for which the council's advice should be asked before signing."""
        return tuple(v for v in self.verdicts if v.advice_needed)


@dataclass(frozen=True, slots=True)
class WrittenAgreement:
    """An agreement on disk, with the SHA-256 that identifies exactly what was written."""

    agreement: Agreement
    path: Path
    format: str
    sha256: str

    def record(self) -> dict[str, Any]:
        """What the register keeps about this agreement (``--log``, issue 5 point 7).

        Stable English keys, also the ``--json`` output of ``clause render``.
        """
        agreement = self.agreement
        return {
            "template": agreement.template,
            "lang": agreement.lang,
            "partner": agreement.partner,
            "countries": [
                {
                    "query": v.query,
                    "iso3": v.country.iso3 if v.country else None,
                    "advice_needed": v.advice_needed,
                    "reason": v.reason.value,
                    "edition": v.edition,
                }
                | ({"region": v.region.code} if v.region else {})
                for v in agreement.verdicts
            ],
            "advice_needed": bool(agreement.needs_advice),
            "output": str(self.path.absolute()),  # found again from any folder, years later
            "format": self.format,
            "sha256": self.sha256,
        }


class AgreementMaker:
    """Renders agreements with one configuration, template library and (lazy) screener."""

    def __init__(
        self,
        settings: Settings,
        *,
        screener: Screener | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.settings = settings
        self.library = TemplateLibrary(settings.templates_dir)
        self._screener = screener
        self.today = today or dt.date.today()

    @property
    def screener(self) -> Screener:
        """Loaded on first use: an agreement without countries needs no index."""
        if self._screener is None:
            from hrtoets.screening import Screener

            self._screener = Screener.from_settings(self.settings)
        return self._screener

    def defaults(self, lang: str = "nl") -> dict[str, Value]:
        """The variables every template may use without the user giving them: the date written
        out in ``lang`` ("1 december 2026") and the place from config.toml among them."""
        from hrtoets.dates import day_text

        return {
            "organisation": clean(self.settings.organisation),
            "signatory": clean(self.settings.signatory),
            "signatory_title": clean(self.settings.signatory_title),
            "date": day_text(self.today, lang),
            "place": clean(self.settings.place),
        }

    def takes(self, name: str, lang: str) -> frozenset[str] | None:
        """The variables a user may give template ``name``: what it reads, plus what always counts.

        The config defaults, the partner and the countries always count: the partner names the
        file of a mail merge and the register record, and countries are screened even when the
        text does not name them. None when the template's includes make it unknowable.
        """
        reads = self.library.variables(name, lang)
        if reads is None:
            return None
        return (reads - {"lang"}) | {*self.defaults(), "partner", *COUNTRY_KEYS}

    def check_names(self, name: str, lang: str, names: Iterable[str]) -> None:
        """One sentence for the first name template ``name`` does not use (a typo, mostly)."""
        takes = self.takes(name, lang)
        for variable in names:
            if variable == "lang":
                raise InputError("agreements.var_lang")
            if takes is not None and variable not in takes:
                shown = sorted(takes - {"country", "land", "landen"})
                raise InputError(
                    "agreements.unused_variable",
                    name=name,
                    variable=variable,
                    names=", ".join(shown),
                )

    def prepare(self, name: str, lang: str, variables: Mapping[str, Value]) -> Agreement:
        """Screen the countries and render ``name``; nothing is written yet.

        A blank value counts as not given; a name the template does not use is refused.
        """
        self.check_names(name, lang, variables)
        given = usable(variables)
        context: dict[str, Value] = {**self.defaults(lang), **given}
        resolver = self.screener.resolver  # "Marokko, België" in one cell is two countries
        queries = [
            part for query in country_queries(context) for part in split_cell(query, resolver)
        ]
        for key in COUNTRY_KEYS:
            context.pop(key, None)
        verdicts = tuple(self.screener.screen(query) for query in dict.fromkeys(queries))
        for verdict in verdicts:  # an agreement names screened places only, never a typo
            if not verdict.screened:
                near = verdict.candidates or verdict.suggestions
                raise UnknownCountry(
                    "agreements.country_unscreened",
                    query=verdict.query,
                    names=", ".join(describe(c, lang) for c in near) or "—",
                )
        if verdicts:
            context["countries"] = tuple(v.display_name(lang) for v in verdicts)
        partner = context.get("partner")
        document = self.library.render(name, lang, context)
        return Agreement(
            name, lang, partner if isinstance(partner, str) else None, verdicts, document
        )

    def preview(self, name: str, lang: str) -> Document:
        """The agreement as it would read, with placeholders and no screening."""
        context: dict[str, Value] = {
            **self.defaults(lang),
            "partner": "‹partner›",
            "countries": ("‹country›",),
        }
        return self.library.render(name, lang, context, preview=True)

    def write(self, agreement: Agreement, path: Path, *, force: bool = False) -> WrittenAgreement:
        """Write atomically in the format of ``path``'s extension; refuse to overwrite unasked."""
        fmt = format_of(path)
        with atomic_path(path, force=force) as tmp:
            info = DocumentInfo(self.settings.organisation, dt.datetime.now(dt.UTC))
            write_document(agreement.document, tmp, fmt, html=self.library.render_html, info=info)
        return WrittenAgreement(agreement, path, fmt, sha256_file(path))

    def render(
        self,
        name: str,
        lang: str,
        variables: Mapping[str, Value],
        output: Path,
        *,
        force: bool = False,
    ) -> WrittenAgreement:
        """Prepare and write one agreement; on any refusal no file is left behind."""
        format_of(output)  # a wrong extension is said before any work is done
        return self.write(self.prepare(name, lang, variables), output, force=force)
