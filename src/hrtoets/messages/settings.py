"""Messages of ``hrtoets config``: the commented config.toml and what ``config show`` says."""

from __future__ import annotations

_TEMPLATE_NL = """\
# Instellingen van hrtoets ({path})
# Elke sleutel is optioneel; haal het '#' voor een regel weg om hem te gebruiken.
# Onbekende sleutels worden geweigerd, zodat een tikfout nooit stil genegeerd wordt.

# Taal van berichten, hulp en documenten: "nl" of "en" (HRTOETS_LANG en --lang gaan voor).
# language = "nl"

# De Gentse regel: advies nodig bij een WJP-score op of onder deze drempel (0 tot 1).
# threshold = 0.5

# Welke score vergeleken wordt: "published" (twee decimalen, zoals WJP hem toont) of "exact".
# rounding = "published"

# Wie toetsen in het register vastlegt (--officer gaat voor; standaard: je gebruikersnaam).
# officer = "Voornaam Naam"

# De organisatie en de ondertekenaar in overeenkomsten.
# organisation = "Stad Gent"
# signatory = ""
# signatory_title = ""
# Waar overeenkomsten ondertekend worden ("Opgemaakt te Gent op …").
# place = "Gent"

# Waar `hrtoets index update` de werkmap van WJP haalt; {{edition}} wordt het jaar.
# index_url = "{index_url}"

# Het register als SQLAlchemy-URL (HRTOETS_DB en --db gaan voor; standaard: SQLite in deze map).
# database = "postgresql+psycopg://gebruiker:wachtwoord@server/hrtoets"

# Een map met je eigen sjablonen voor overeenkomsten.
# templates_dir = "~/hrtoets-sjablonen"

# De tijdzone waarin hrtoets tijden toont (het register bewaart ze in UTC).
# timezone = "Europe/Brussels"
"""

_TEMPLATE_EN = """\
# hrtoets settings ({path})
# Every key is optional; remove the '#' before a line to use it.
# Unknown keys are refused, so that a typo is never silently ignored.

# Language of messages, help and documents: "nl" or "en" (HRTOETS_LANG and --lang win).
# language = "nl"

# The Ghent rule: advice is needed at or below this WJP score (0 to 1).
# threshold = 0.5

# Which score is compared: "published" (two decimals, as WJP shows it) or "exact".
# rounding = "published"

# Who records checks in the register (--officer wins; default: your login name).
# officer = "First Last"

# The organisation and signatory named in agreements.
# organisation = "Stad Gent"
# signatory = ""
# signatory_title = ""
# Where agreements are signed ("Done at Ghent on …").
# place = "Gent"

# Where `hrtoets index update` downloads WJP's workbook; {{edition}} becomes the year.
# index_url = "{index_url}"

# The register as an SQLAlchemy URL (HRTOETS_DB and --db win; default: SQLite in this folder).
# database = "postgresql+psycopg://user:password@server/hrtoets"

# A folder with your own agreement templates.
# templates_dir = "~/hrtoets-templates"

# The time zone hrtoets shows times in (the register stores them in UTC).
# timezone = "Europe/Brussels"
"""

MESSAGES: dict[str, dict[str, str]] = {
    "config.template": {"nl": _TEMPLATE_NL, "en": _TEMPLATE_EN},
    "config.written": {
        "nl": "Instellingen geschreven naar {path}. Pas ze aan met een teksteditor.",
        "en": "Settings written to {path}. Edit them with a text editor.",
    },
    "config.col.key": {"nl": "Instelling", "en": "Setting"},
    "config.col.value": {"nl": "Waarde", "en": "Value"},
    "config.col.source": {"nl": "Bron", "en": "Source"},
    "config.source.default": {"nl": "standaard", "en": "default"},
    "config.source.file": {"nl": "config.toml", "en": "config.toml"},
    "config.source.environment": {"nl": "omgevingsvariabele", "en": "environment"},
    "config.source.option": {"nl": "optie", "en": "option"},
    "config.no_file": {
        "nl": "Er is nog geen {path}: elke instelling heeft haar standaardwaarde. `hrtoets config init` maakt er een.",
        "en": "There is no {path} yet: every setting has its default. `hrtoets config init` makes one.",
    },
    "config.bad_text": {
        "nl": "'{key}' in config.toml{at} moet tekst tussen aanhalingstekens zijn, niet {value}.",
        "en": "'{key}' in config.toml{at} must be text in quotes, not {value}.",
    },
}
