"""Messages of ``hrtoets report`` (the yearly report), in Dutch and English."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "report.title": {
        "nl": "Mensenrechtentoetsen van {start} tot {end}",
        "en": "Human-rights checks from {start} to {end}",
    },
    "report.register_intact": {
        "nl": "Het register is intact: {events:gebeurtenis|gebeurtenissen}, de keten eindigt op {head}. Bewaar deze hash buiten de database (in het verslag, bij het archief): zo toont een latere 'hrtoets log verify' dat niets veranderde.",
        "en": "The register is intact: {events:event|events}, the chain ends at {head}. File this hash outside the database (in the report, with the archive): a later check then shows that nothing changed.",
    },
    "report.register_broken": {
        "nl": "Het register is NIET intact ({events:gebeurtenis|gebeurtenissen}); 'hrtoets log verify' zegt welke gebeurtenis gewijzigd is.",
        "en": "The register is NOT intact ({events:event|events}); 'hrtoets log verify' names the changed event.",
    },
    "report.tampered_warning": {
        "nl": "Waarschuwing: het register werd buiten hrtoets om gewijzigd. De cijfers hieronder zijn niet betrouwbaar tot het register uit een back-up hersteld is.",
        "en": "Warning: the register was changed outside hrtoets. The figures below cannot be relied on until the register is restored from a backup.",
    },
    "report.chart_alt": {"nl": "Grafiek: {title}. {values}", "en": "Chart: {title}. {values}"},
    "report.sheet.summary": {"nl": "Samenvatting", "en": "Summary"},
    "report.period_from": {"nl": "Van", "en": "From"},
    "report.period_to": {"nl": "Tot en met", "en": "Up to and including"},
    "report.table.by_kind": {"nl": "Toetsen per soort", "en": "Checks by kind"},
    "report.table.by_month": {"nl": "Toetsen per maand", "en": "Checks by month"},
    "report.table.advice_needed": {
        "nl": "Advies nodig, per reden",
        "en": "Advice needed, by reason",
    },
    "report.table.advice": {"nl": "Advies van de raad", "en": "The council's advice"},
    "report.table.decisions": {
        "nl": "Beslissingen en overeenkomsten",
        "en": "Decisions and agreements",
    },
    "report.table.countries": {"nl": "Landen en regio's", "en": "Countries and regions"},
    "report.table.overdue": {
        "nl": "Open na meer dan {days} dagen",
        "en": "Open after more than {days} days",
    },
    "report.col.count": {"nl": "Aantal", "en": "Count"},
    "report.col.what": {"nl": "Wat", "en": "What"},
    "report.col.kind": {"nl": "Soort", "en": "Kind"},
    "report.col.month": {"nl": "Maand", "en": "Month"},
    "report.col.place": {"nl": "Land of regio", "en": "Country or region"},
    "report.col.code": {"nl": "Code", "en": "Code"},
    "report.col.score": {"nl": "Score nu", "en": "Score now"},
    "report.col.advice": {"nl": "Advies nodig nu", "en": "Advice needed now"},
    "report.col.trend": {
        "nl": "Verschil met vorige editie",
        "en": "Change since the previous edition",
    },
    "report.col.check": {"nl": "Toets", "en": "Check"},
    "report.col.title": {"nl": "Titel", "en": "Title"},
    "report.col.status": {"nl": "Status", "en": "Status"},
    "report.col.days": {"nl": "Dagen", "en": "Days"},
    "report.advice_needed_total": {"nl": "toetsen met advies nodig", "en": "checks needing advice"},
    "report.reason.score": {
        "nl": "score niet hoger dan de drempel",
        "en": "score at or below the threshold",
    },
    "report.reason.not_in_index": {
        "nl": "niet opgenomen in de WJP-index",
        "en": "not in the WJP index",
    },
    "report.reason.region": {"nl": "regio", "en": "region"},
    "report.reason.guiding_question": {
        "nl": "richtvraag ja of twijfel",
        "en": "guiding question yes or unsure",
    },
    "report.reason.unresolved": {"nl": "land niet eenduidig", "en": "no single country"},
    "report.advice.requested": {"nl": "advies gevraagd", "en": "advice requested"},
    "report.advice.received": {"nl": "advies ontvangen", "en": "advice received"},
    "report.advice.pending": {"nl": "nog zonder advies", "en": "still awaiting advice"},
    "report.advice.median_days": {
        "nl": "mediaan aantal dagen tot het advies",
        "en": "median days until the advice",
    },
    "report.decisions.without_advice": {
        "nl": "beslist zonder advies",
        "en": "decided without advice",
    },
    "report.withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
    "report.to_review": {"nl": "na te kijken", "en": "to review"},
    "report.agreements": {"nl": "overeenkomsten", "en": "agreements"},
    "report.with_clause": {
        "nl": "met de mensenrechtenclausule",
        "en": "with the human-rights clause",
    },
    "report.written": {
        "nl": "Jaarverslag geschreven naar {path} ({checks:toets|toetsen} van {start} tot {end}).",
        "en": "Report written to {path} ({checks:check|checks} from {start} to {end}).",
    },
    "report.tampered": {
        "nl": "Let op: het register is niet intact; het verslag zegt het bovenaan. Voer 'hrtoets log verify' uit.",
        "en": "Attention: the register is not intact; the report says so at the top. Run 'hrtoets log verify'.",
    },
    "report.year_and_period": {
        "nl": "Geef --year of --from/--to, niet allebei.",
        "en": "Give --year or --from/--to, not both.",
    },
    "report.bad_period": {
        "nl": "De periode eindigt ({end}) voor ze begint ({start}); draai --from en --to om.",
        "en": "The period ends ({end}) before it starts ({start}); swap --from and --to.",
    },
    "report.bad_overdue": {
        "nl": "--overdue-days moet 0 of meer zijn, niet {days}.",
        "en": "--overdue-days must be 0 or more, not {days}.",
    },
    "report.bad_format": {
        "nl": "Een verslag als '{suffix}' kan niet; kies .html, .xlsx, .md of .json.",
        "en": "A report as '{suffix}' is not possible; choose .html, .xlsx, .md or .json.",
    },
}
