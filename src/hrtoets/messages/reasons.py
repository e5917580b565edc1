"""The rule's reasons, defined once and said in each context from that one definition.

Each reason has, per language, the phrase for a verdict (with the numbers that explain it: "score
0.48 is niet hoger dan 0.5") and its short form (the same words without the country's own numbers:
"score niet hoger dan 0.5"), which a summary count and a register row use. The keys ``reason.*``
(a verdict line), ``batch.reason.*`` (a summary sheet's count) and ``register.reason.*`` (a stored
row) are all made here, so the three can never drift apart.
"""

from __future__ import annotations

from typing import Final

# reason: {lang: (verdict phrase, short phrase)}
REASONS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "above_threshold": {
        "nl": ("score {score} is hoger dan {threshold}", "score hoger dan {threshold}"),
        "en": ("score {score} is above {threshold}", "score above {threshold}"),
    },
    "at_or_below_threshold": {
        "nl": ("score {score} is niet hoger dan {threshold}", "score niet hoger dan {threshold}"),
        "en": ("score {score} is at or below {threshold}", "score at or below {threshold}"),
    },
    "not_in_index": {
        "nl": ("niet opgenomen in de WJP-index {edition}", "niet opgenomen in de WJP-index"),
        "en": ("not in the WJP index {edition}", "not in the WJP index"),
    },
    "region": {
        "nl": (
            "{region} is een regio van {state}; regio's staan niet in de WJP-index",
            "regio: niet opgenomen in de WJP-index",
        ),
        "en": (
            "{region} is a region of {state}; regions are not in the WJP index",
            "region: not in the WJP index",
        ),
    },
    "unresolved": {
        "nl": ("land niet herkend", "land niet herkend"),
        "en": ("country not recognised", "country not recognised"),
    },
    "ambiguous": {
        "nl": ("meerdere landen mogelijk", "meerdere landen mogelijk"),
        "en": ("more than one country possible", "more than one country possible"),
    },
    "missing": {
        "nl": ("geen land ingevuld", "geen land ingevuld"),
        "en": ("no country given", "no country given"),
    },
    "guiding_question": {
        "nl": (
            "richtvraag beantwoord met ja of twijfel",
            "richtvraag beantwoord met ja of twijfel",
        ),
        "en": (
            "guiding question answered yes or unsure",
            "guiding question answered yes or unsure",
        ),
    },
}

# A region of the world rather than of a state: the verdict phrase says so.
_WORLD_REGION: Final = {
    "nl": "{region} is een deel van de wereld, geen land; alleen landen staan in de WJP-index",
    "en": "{region} is a part of the world, not a country; only countries are in the WJP index",
}


def _short(text: str, threshold: str) -> str:
    """The short phrase as a register row keeps it: the threshold named, not its number."""
    return text.replace("{threshold}", threshold)


MESSAGES: Final[dict[str, dict[str, str]]] = {
    **{
        f"reason.{code}": {lang: forms[0] for lang, forms in phrases.items()}
        for code, phrases in REASONS.items()
    },
    "reason.world_region": dict(_WORLD_REGION),
    **{
        f"batch.reason.{code}": {lang: forms[1] for lang, forms in phrases.items()}
        for code, phrases in REASONS.items()
    },
    **{
        f"register.reason.{code}": {
            lang: _short(forms[1], "de drempel" if lang == "nl" else "the threshold")
            for lang, forms in phrases.items()
        }
        for code, phrases in REASONS.items()
    },
}
