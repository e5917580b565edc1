"""Messages of the updates feature (index update, history, use, diff, info), in Dutch and English."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # hrtoets index update: refusals before anything is fetched
    "updates.url_and_file": {
        "nl": "Geef --url of --file, niet allebei.",
        "en": "Give either --url or --file, not both.",
    },
    "updates.bad_url": {
        "nl": "'{url}' is geen http- of https-adres; geef een adres zoals https://voorbeeld.org/werkmap.xlsx.",
        "en": "'{url}' is not an http or https address; give one like https://example.org/workbook.xlsx.",
    },
    "updates.bad_edition": {
        "nl": "'{edition}' is geen editie; geef een jaar zoals 2025.",
        "en": "'{edition}' is not an edition; give a year such as 2025.",
    },
    "updates.bad_pattern": {
        "nl": "index_url '{pattern}' in config.toml kan niet ingevuld worden ({error}); zet {{edition}} waar de editie hoort.",
        "en": "index_url '{pattern}' in config.toml cannot be filled in ({error}); put {{edition}} where the edition goes.",
    },
    # hrtoets index update: the download failed
    "updates.not_published": {
        "nl": "Editie {edition} staat niet op {url} (404): WJP publiceert in het najaar, ze is misschien nog niet uit; probeer --edition {earlier}, controleer index_url in config.toml, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "Edition {edition} is not at {url} (404): WJP publishes in the autumn, it may not be out yet; try --edition {earlier}, check index_url in config.toml, or use --file with a workbook you downloaded yourself.",
    },
    "updates.not_found": {
        "nl": "Er staat niets op {url} (404); controleer het adres, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "There is nothing at {url} (404); check the address, or use --file with a workbook you downloaded yourself.",
    },
    "updates.http_status": {
        "nl": "{url} antwoordde {status} {reason}; de actieve index is ongewijzigd: controleer het adres, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "{url} answered {status} {reason}; the active index is unchanged: check the address, or use --file with a workbook you downloaded yourself.",
    },
    "updates.server_error": {
        "nl": "De server van {url} gaf fout {status} (pogingen: {attempts}); de actieve index is ongewijzigd: probeer later opnieuw, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "The server at {url} answered error {status} (attempts: {attempts}); the active index is unchanged: try again later, or use --file with a workbook you downloaded yourself.",
    },
    "updates.bad_timeout": {
        "nl": "--timeout {value} is geen aantal seconden; geef een getal tussen 0.01 en 3600.",
        "en": "--timeout {value} is not a number of seconds; give a number from 0.01 to 3600.",
    },
    "updates.timeout": {
        "nl": "{url} antwoordde niet binnen {seconds} s (pogingen: {attempts}); de actieve index is ongewijzigd: probeer later opnieuw, verhoog --timeout, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "{url} did not answer within {seconds} s (attempts: {attempts}); the active index is unchanged: try again later, raise --timeout, or use --file with a workbook you downloaded yourself.",
    },
    "updates.network": {
        "nl": "Kan {url} niet bereiken ({error}; pogingen: {attempts}); de actieve index is ongewijzigd: controleer de netwerkverbinding of proxy, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "Cannot reach {url} ({error}; attempts: {attempts}); the active index is unchanged: check the network connection or proxy, or use --file with a workbook you downloaded yourself.",
    },
    "updates.truncated": {
        "nl": "De download van {url} brak af na {received} van {expected} bytes (pogingen: {attempts}); de actieve index is ongewijzigd: probeer later opnieuw, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "The download from {url} broke off after {received} of {expected} bytes (attempts: {attempts}); the active index is unchanged: try again later, or use --file with a workbook you downloaded yourself.",
    },
    "updates.redirects": {
        "nl": "{url} stuurt eindeloos door naar andere adressen; de actieve index is ongewijzigd: controleer index_url in config.toml, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "{url} redirects without end; the active index is unchanged: check index_url in config.toml, or use --file with a workbook you downloaded yourself.",
    },
    "updates.bad_redirect": {
        "nl": "{url} stuurt door naar {target}, en dat is geen http- of https-adres; de actieve index is ongewijzigd: controleer index_url in config.toml, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "{url} redirects to {target}, which is not an http or https address; the active index is unchanged: check index_url in config.toml, or use --file with a workbook you downloaded yourself.",
    },
    "updates.too_large": {
        "nl": "Wat {url} stuurt is groter dan {limit}, veel groter dan een WJP-werkmap; de download is gestopt en de actieve index is ongewijzigd: controleer index_url in config.toml, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "What {url} sends is larger than {limit}, far larger than a WJP workbook; the download was stopped and the active index is unchanged: check index_url in config.toml, or use --file with a workbook you downloaded yourself.",
    },
    "updates.corrupt": {
        "nl": "Wat {url} stuurde is beschadigd: het heet met {encoding} gecomprimeerd maar is dat niet; de actieve index is ongewijzigd: probeer later opnieuw, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "What {url} sent is damaged: it is marked as {encoding}-compressed but is not; the active index is unchanged: try again later, or use --file with a workbook you downloaded yourself.",
    },
    # hrtoets index update: the download arrived but is not a usable WJP workbook
    "updates.not_a_workbook": {
        "nl": "Wat {url} terugstuurde is geen Excel-werkmap ({size} bytes, {content_type}); de actieve index is ongewijzigd: het adres is misschien veranderd, controleer index_url in config.toml, of gebruik --file met een zelf gedownloade werkmap.",
        "en": "What {url} returned is not an Excel workbook ({size} bytes, {content_type}); the active index is unchanged: the address may have changed, check index_url in config.toml, or use --file with a workbook you downloaded yourself.",
    },
    "updates.no_sheet": {
        "nl": "De werkmap van {url} heeft geen blad 'Historical Data' (wel: {sheets}); de actieve index is ongewijzigd: WJP veranderde misschien het formaat, gebruik --file met de historische datawerkmap.",
        "en": "The workbook from {url} has no sheet 'Historical Data' (it has: {sheets}); the active index is unchanged: WJP may have changed its format, use --file with the historical data workbook.",
    },
    "updates.columns_drifted": {
        "nl": "De werkmap van {url} mist de kolommen {columns}, ook na herkenning op betekenis; de actieve index is ongewijzigd: WJP veranderde misschien het formaat, gebruik --file met een werkmap met de verwachte kolommen.",
        "en": "The workbook from {url} lacks the columns {columns}, even matched by meaning; the active index is unchanged: WJP may have changed its format, use --file with a workbook that has the expected columns.",
    },
    "updates.refused": {
        "nl": "De werkmap van {url} is geweigerd en de actieve index is ongewijzigd: {problem}",
        "en": "The workbook from {url} was refused and the active index is unchanged: {problem}",
    },
    "updates.edition_mismatch": {
        "nl": "De werkmap {source} bevat als laatste editie {found}, niet {wanted}; de actieve index is ongewijzigd: controleer het adres, of vraag --edition {found}.",
        "en": "The workbook {source} holds edition {found} as its latest, not {wanted}; the active index is unchanged: check the address, or ask for --edition {found}.",
    },
    "updates.file_edition_mismatch": {
        "nl": "De werkmap {source} bevat als laatste editie {found}, niet {wanted}; de actieve index is ongewijzigd: kies de werkmap van editie {wanted}, of geef --edition {found}.",
        "en": "The workbook {source} holds edition {found} as its latest, not {wanted}; the active index is unchanged: choose the workbook of edition {wanted}, or give --edition {found}.",
    },
    # hrtoets index update: talk while it runs, and the result
    "updates.downloading": {"nl": "WJP-werkmap", "en": "WJP workbook"},
    "updates.retrying": {
        "nl": "Poging {attempt} van {attempts} mislukt; nieuwe poging over {delay} s.",
        "en": "Attempt {attempt} of {attempts} failed; trying again in {delay} s.",
    },
    "updates.done": {
        "nl": "Editie {edition} ({countries:land|landen}, SHA-256 {sha256}) is nu de actieve index. Terug naar de vorige: hrtoets index use {previous}. Wat veranderde: hrtoets index diff.",
        "en": "Edition {edition} ({countries:country|countries}, SHA-256 {sha256}) is now the active index. Back to the previous one: hrtoets index use {previous}. What changed: hrtoets index diff.",
    },
    # hrtoets index info
    "updates.origin_bundled": {
        "nl": "Herkomst: meegeleverd met hrtoets ({source}).",
        "en": "Origin: bundled with hrtoets ({source}).",
    },
    "updates.origin_url": {
        "nl": "Herkomst: gedownload van {source}.",
        "en": "Origin: downloaded from {source}.",
    },
    "updates.origin_file": {
        "nl": "Herkomst: geïmporteerd uit het bestand {source}.",
        "en": "Origin: imported from the file {source}.",
    },
    "updates.info_stored": {
        "nl": "Opgeslagen als '{name}' in {path}, geïmporteerd op {imported_at}.",
        "en": "Stored as '{name}' in {path}, imported on {imported_at}.",
    },
    "updates.info_sha": {"nl": "SHA-256 van de bron: {sha256}", "en": "Source SHA-256: {sha256}"},
    # hrtoets index history / use
    "updates.history_title": {
        "nl": "Opgeslagen indexen (* = actief)",
        "en": "Stored indexes (* = active)",
    },
    "updates.col_name": {"nl": "Naam", "en": "Name"},
    "updates.col_edition": {"nl": "Editie", "en": "Edition"},
    "updates.col_origin": {"nl": "Herkomst", "en": "Origin"},
    "updates.col_imported": {"nl": "Geïmporteerd", "en": "Imported"},
    "updates.col_countries": {"nl": "Landen", "en": "Countries"},
    "updates.col_from": {"nl": "Van", "en": "From"},
    "updates.col_to": {"nl": "Naar", "en": "To"},
    "updates.col_move": {"nl": "Verschil", "en": "Move"},
    "updates.origin.bundled": {"nl": "meegeleverd", "en": "bundled"},
    "updates.origin.url": {"nl": "download", "en": "download"},
    "updates.origin.file": {"nl": "bestand", "en": "file"},
    "updates.history_hint": {
        "nl": "Wisselen: hrtoets index use NAAM (of: bundled).",
        "en": "Switch: hrtoets index use NAME (or: bundled).",
    },
    "updates.unknown_stored": {
        "nl": "Er is geen opgeslagen index '{name}'; beschikbaar zijn: {names} (zie hrtoets index history).",
        "en": "There is no stored index '{name}'; available are: {names} (see hrtoets index history).",
    },
    "updates.now_active": {
        "nl": "Actieve index: '{name}', editie {edition} met {countries:land|landen} ({origin}: {source}).",
        "en": "Active index: '{name}', edition {edition} with {countries:country|countries} ({origin}: {source}).",
    },
    # hrtoets index diff
    "updates.diff_no_earlier": {
        "nl": "Editie {edition} is de eerste van de index, er is niets om mee te vergelijken; geef --from.",
        "en": "Edition {edition} is the first of the index, there is nothing to compare it with; give --from.",
    },
    "updates.diff_title": {
        "nl": "WJP Rule of Law Index: {from_label} → {to_label} ({from_countries} → {to_countries:land|landen}; drempel {threshold} op de {rounding})",
        "en": "WJP Rule of Law Index: {from_label} → {to_label} ({from_countries} → {to_countries:country|countries}; threshold {threshold} on the {rounding})",
    },
    "updates.rounding.published": {"nl": "gepubliceerde score", "en": "published score"},
    "updates.rounding.exact": {"nl": "exacte score", "en": "exact score"},
    "updates.diff_changes": {
        "nl": "Ander oordeel of in/uit de index ({count})",
        "en": "Changed verdict, or in/out of the index ({count})",
    },
    "updates.diff_no_changes": {
        "nl": "Geen enkel oordeel verandert.",
        "en": "No verdict changes.",
    },
    "updates.diff_borderline": {
        "nl": "Grensgevallen: gepubliceerde en exacte score aan verschillende kanten van de drempel ({count})",
        "en": "Borderline: published and exact score on different sides of the threshold ({count})",
    },
    "updates.diff_no_borderline": {
        "nl": "Geen grensgevallen in beide edities.",
        "en": "No borderline cases in either edition.",
    },
    "updates.diff_moves": {
        "nl": "Grootste scoreverschuivingen (exact)",
        "en": "Largest score moves (exact)",
    },
    "updates.change.now_advice_needed": {
        "nl": "nu advies nodig",
        "en": "now needs advice",
    },
    "updates.change.no_longer_advice_needed": {
        "nl": "geen advies meer nodig",
        "en": "no longer needs advice",
    },
    "updates.change.entered": {
        "nl": "nieuw in de index",
        "en": "entered the index",
    },
    "updates.change.left": {
        "nl": "niet meer in de index: advies nodig",
        "en": "left the index: advice needed",
    },
    "updates.verdict.advice": {"nl": "advies nodig", "en": "advice needed"},
    "updates.verdict.no_advice": {"nl": "geen advies nodig", "en": "no advice needed"},
    "updates.not_in_index": {"nl": "niet in de index", "en": "not in the index"},
    "updates.border.became": {"nl": "nu grensgeval", "en": "now borderline"},
    "updates.border.ended": {"nl": "geen grensgeval meer", "en": "no longer borderline"},
    "updates.border.still": {"nl": "nog steeds grensgeval", "en": "still borderline"},
}
