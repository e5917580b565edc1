"""Messages of the core: configuration, files, the index, country checks."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "stream.stdout_closed": {
        "nl": "De standaarduitvoer is gesloten, dus hrtoets kan zijn resultaat nergens kwijt; voer het commando uit zonder '>&-' of stuur de uitvoer naar een bestand.",
        "en": "Standard output is closed, so hrtoets has nowhere to write its result; run the command without '>&-' or send the output to a file.",
    },
    "stream.cannot_write": {
        "nl": "hrtoets kan zijn resultaat niet naar de standaarduitvoer schrijven ({error}); maak ruimte vrij of stuur de uitvoer ergens anders heen.",
        "en": "hrtoets cannot write its result to standard output ({error}); free some space or send the output elsewhere.",
    },
    # configuration
    "config.bad_language": {
        "nl": "Taal '{value}' wordt niet ondersteund; kies uit {choices}.",
        "en": "Language '{value}' is not supported; choose one of {choices}.",
    },
    "config.unreadable": {
        "nl": "Kan het configuratiebestand {path} niet lezen ({error}); controleer de rechten.",
        "en": "Cannot read the configuration file {path} ({error}); check its permissions.",
    },
    "config.at_line": {"nl": " (regel {line})", "en": " (line {line})"},
    "config.a_table": {"nl": "een tabel", "en": "a table"},
    "config.a_list": {"nl": "een lijst", "en": "a list"},
    "config.not_utf8": {
        "nl": "Het configuratiebestand {path} is geen UTF-8: regel {line} bevat byte {byte} (waarschijnlijk {guess}); sla het op als UTF-8 en probeer opnieuw.",
        "en": "The configuration file {path} is not UTF-8: line {line} holds byte {byte} (probably {guess}); save it as UTF-8 and try again.",
    },
    "config.bad_toml": {
        "nl": "Het configuratiebestand {path} is geen geldige TOML ({error}); verbeter of verwijder het.",
        "en": "The configuration file {path} is not valid TOML ({error}); fix or remove it.",
    },
    "config.unknown_keys": {
        "nl": "Het configuratiebestand {path} bevat onbekende sleutels ({keys}){at}; toegelaten zijn: {known}.",
        "en": "The configuration file {path} has unknown keys ({keys}){at}; allowed are: {known}.",
    },
    "config.bad_threshold": {
        "nl": "De drempel in config.toml{at} moet een getal tussen 0 en 1 zijn, niet '{value}'.",
        "en": "The threshold in config.toml{at} must be a number between 0 and 1, not '{value}'.",
    },
    "config.bad_rounding": {
        "nl": "De afronding in config.toml{at} moet een van {choices} zijn, niet '{value}'.",
        "en": "The rounding in config.toml{at} must be one of {choices}, not '{value}'.",
    },
    "config.bad_timezone": {
        "nl": "De tijdzone in config.toml{at} is onbekend: '{zone}'; geef een IANA-naam zoals \"Europe/Brussels\".",
        "en": "The time zone in config.toml{at} is unknown: '{zone}'; give an IANA name such as \"Europe/Brussels\".",
    },
    # files
    "file.os_error": {
        "nl": "{path}: {error}; {advice}.",
        "en": "{path}: {error}; {advice}.",
    },
    "advice.no_space": {
        "nl": "maak ruimte vrij of schrijf naar een andere schijf, en probeer opnieuw",
        "en": "free some space or write to another disk, and try again",
    },
    "advice.not_allowed": {
        "nl": "kies een map waarin je mag schrijven, of vraag de rechten",
        "en": "choose a folder you may write in, or ask for the rights",
    },
    "advice.too_long": {
        "nl": "kies een kortere naam of een kortere map",
        "en": "choose a shorter name or a shorter folder path",
    },
    "advice.exists": {
        "nl": "kies een andere naam of verwijder wat er staat",
        "en": "choose another name or remove what is there",
    },
    "advice.missing": {
        "nl": "controleer het pad en probeer opnieuw",
        "en": "check the path and try again",
    },
    "advice.other": {
        "nl": "controleer het pad, de schijf en de rechten, en probeer opnieuw",
        "en": "check the path, the disk and the permissions, and try again",
    },
    "file.name_not_utf8": {
        "nl": "De bestandsnaam {path} is geen geldige UTF-8-tekst; geef het bestand een naam met gewone tekens en probeer opnieuw.",
        "en": "The file name {path} is not valid UTF-8 text; rename the file with ordinary characters and try again.",
    },
    "file.over_limit": {
        "nl": "{path} kan niet veilig gelezen worden: {detail}. Sla de lijst opnieuw op met alleen de rijen en kolommen die ze nodig heeft, en probeer opnieuw.",
        "en": "{path} cannot be read safely: {detail}. Save the list again with only the rows and columns it needs, and try again.",
    },
    "limit.file_bytes": {
        "nl": "het bestand is {found} bytes groot en hrtoets leest er hoogstens {limit}",
        "en": "the file is {found} bytes, hrtoets reads at most {limit}",
    },
    "limit.file_bytes_over": {
        "nl": "het bestand is groter dan {limit} bytes, het meeste dat hrtoets leest",
        "en": "the file is larger than {limit} bytes, the most hrtoets reads",
    },
    "limit.member_bytes": {
        "nl": "één onderdeel ervan is uitgepakt {found} bytes groot, terwijl hoogstens {limit} bytes toegestaan is",
        "en": "one part of it unpacks to {found} bytes, at most {limit} is allowed",
    },
    "limit.total_bytes": {
        "nl": "uitgepakt is het {found} bytes groot, terwijl hoogstens {limit} bytes toegestaan is",
        "en": "unpacked it is {found} bytes, at most {limit} is allowed",
    },
    "limit.cells": {
        "nl": "een blad loopt van A1 tot rij {rows}, kolom {columns} ({found} cellen), terwijl hoogstens {limit} cellen toegestaan zijn",
        "en": "a sheet runs from A1 to row {rows}, column {columns} ({found} cells), at most {limit} cells are allowed",
    },
    "limit.cell_count": {
        "nl": "een blad heeft meer dan {limit} cellen, het meeste dat toegestaan is",
        "en": "a sheet holds more than {limit} cells, the most that is allowed",
    },
    "limit.cell_tags": {
        "nl": "een blad heeft {found} XML-tags, meer dan een blad van {limit} cellen ooit nodig heeft",
        "en": "a sheet holds {found} XML tags, more than a sheet of {limit} cells ever needs",
    },
    "workbook.damaged_zip": {
        "nl": "het zip-bestand dat elke .xlsx is, is beschadigd of onvolledig",
        "en": "the zip file every .xlsx is, is damaged or incomplete",
    },
    "workbook.tag_too_long": {
        "nl": "een tag in een blad is langer dan {limit} bytes",
        "en": "a tag in a sheet is longer than {limit} bytes",
    },
    "workbook.cell_in_cell": {
        "nl": "een cel van een blad bevat een cel of een rij",
        "en": "a cell of a sheet holds a cell or a row",
    },
    "workbook.out_of_turn": {
        "nl": "een tag in een cel van een blad sluit niet op zijn beurt",
        "en": "a tag in a cell of a sheet ends out of turn",
    },
    "workbook.bad_reference": {
        "nl": "een blad heeft een celverwijzing die er geen is: '{ref}'",
        "en": "a sheet has a cell reference that is none: '{ref}'",
    },
    "limit.entities": {
        "nl": "het declareert XML-entiteiten, wat een werkmap nooit nodig heeft",
        "en": "it declares XML entities, which a workbook never needs",
    },
    "limit.line_chars": {
        "nl": "regel {found} is langer dan {limit} tekens",
        "en": "line {found} is longer than {limit} characters",
    },
    "limit.fields": {
        "nl": "rij {found} heeft meer dan {limit} velden",
        "en": "row {found} has more than {limit} fields",
    },
    "file.exists": {
        "nl": "{path} bestaat al; gebruik --force om het te overschrijven of kies een andere naam.",
        "en": "{path} already exists; use --force to overwrite it or choose another name.",
    },
    "file.no_folder": {
        "nl": "De map {path} bestaat niet; maak ze eerst aan of kies een andere uitvoer.",
        "en": "The folder {path} does not exist; create it first or choose another output.",
    },
    "file.is_folder": {
        "nl": "{path} is een map, geen bestand; geef het pad van het bestand zelf.",
        "en": "{path} is a folder, not a file; give the path of the file itself.",
    },
    "file.cannot_write": {
        "nl": "Kan niet schrijven in {path} ({error}); kies een map waarin je mag schrijven.",
        "en": "Cannot write in {path} ({error}); choose a folder you may write in.",
    },
    "file.missing": {
        "nl": "Het bestand {path} bestaat niet; controleer de naam en de map.",
        "en": "The file {path} does not exist; check the name and the folder.",
    },
    # the index and its importer
    "index.unreadable": {
        "nl": "De index {path} is onleesbaar ({error}); herstel met 'hrtoets index use bundled' of importeer opnieuw.",
        "en": "The index {path} is unreadable ({error}); recover with 'hrtoets index use bundled' or import again.",
    },
    "index.active_missing": {
        "nl": "De actieve index '{name}' ontbreekt in {path}; kies een andere met 'hrtoets index use bundled'.",
        "en": "The active index '{name}' is missing from {path}; choose another with 'hrtoets index use bundled'.",
    },
    "index.unknown_edition": {
        "nl": "Editie '{edition}' staat niet in de index; beschikbaar zijn: {editions}.",
        "en": "Edition '{edition}' is not in the index; available are: {editions}.",
    },
    "import.damaged": {
        "nl": "{path} is beschadigd: een blad kan niet gelezen worden ({error}); download de WJP-werkmap opnieuw.",
        "en": "{path} is damaged: a sheet cannot be read ({error}); download the WJP workbook again.",
    },
    "import.not_a_workbook": {
        "nl": "{path} is geen leesbare Excel-werkmap (.xlsx); download de WJP-werkmap opnieuw.",
        "en": "{path} is not a readable Excel workbook (.xlsx); download the WJP workbook again.",
    },
    "import.no_sheet": {
        "nl": "{path} heeft geen blad 'Historical Data' (wel: {sheets}); is dit de historische WJP-datawerkmap?",
        "en": "{path} has no sheet 'Historical Data' (it has: {sheets}); is this the WJP historical data workbook?",
    },
    "import.missing_columns": {
        "nl": "De werkmap mist de verplichte kolommen {columns}; gebruik de historische datawerkmap van WJP.",
        "en": "The workbook lacks the required columns {columns}; use WJP's historical data workbook.",
    },
    "import.empty": {
        "nl": "De werkmap bevat geen gegevens; gebruik de historische datawerkmap van WJP.",
        "en": "The workbook holds no data; use WJP's historical data workbook.",
    },
    "import.bad_score": {
        "nl": "Score '{value}' bij {where} ligt niet tussen 0 en 1; de werkmap is beschadigd of niet van WJP.",
        "en": "Score '{value}' for {where} is not between 0 and 1; the workbook is damaged or not WJP's.",
    },
    "import.no_overall": {
        "nl": "{where} heeft geen totaalscore; de werkmap is onvolledig.",
        "en": "{where} has no overall score; the workbook is incomplete.",
    },
    "import.bad_year": {
        "nl": "Rij {line} heeft een onleesbare editie '{value}' (verwacht zoals 2025 of 2017-2018).",
        "en": "Row {line} has an unreadable edition '{value}' (expected like 2025 or 2017-2018).",
    },
    "import.bad_code": {
        "nl": "Rij {line} ({country}) heeft geen geldige landcode van drie letters ('{code}').",
        "en": "Row {line} ({country}) has no valid three-letter country code ('{code}').",
    },
    "import.duplicate": {
        "nl": "{country} staat twee keer in editie {edition}; de werkmap is beschadigd.",
        "en": "{country} appears twice in edition {edition}; the workbook is damaged.",
    },
    # dates
    "date.unreadable": {
        "nl": "Datum '{value}' is onleesbaar; schrijf ze als DD/MM/JJJJ of JJJJ-MM-DD, bijvoorbeeld 31/03/2027.",
        "en": "Date '{value}' cannot be read; write it as DD/MM/YYYY or YYYY-MM-DD, for example 31/03/2027.",
    },
    "date.impossible": {
        "nl": "Datum '{value}' bestaat niet; schrijf een echte datum als DD/MM/JJJJ of JJJJ-MM-DD.",
        "en": "Date '{value}' does not exist; write a real date as DD/MM/YYYY or YYYY-MM-DD.",
    },
    "date.bad_timezone": {
        "nl": "Tijdzone '{zone}' is onbekend; geef in config.toml een IANA-naam zoals \"Europe/Brussels\".",
        "en": "Time zone '{zone}' is unknown; give an IANA name such as \"Europe/Brussels\" in config.toml.",
    },
    # hrtoets check
    "check.advice_needed": {"nl": "Advies nodig", "en": "Advice needed"},
    "check.no_advice_needed": {"nl": "Geen advies nodig", "en": "No advice needed"},
    "check.score_line": {
        "nl": "WJP Rule of Law Index {edition}: score {score} (exact {exact}), plaats {rank} van {of}",
        "en": "WJP Rule of Law Index {edition}: score {score} (exact {exact}), rank {rank} of {of}",
    },
    "check.not_covered": {
        "nl": "{name} staat niet in de WJP Rule of Law Index {edition} ({of:land|landen}).",
        "en": "{name} is not in the WJP Rule of Law Index {edition} ({of:country|countries}).",
    },
    "check.borderline": {
        "nl": "Grensgeval: WJP publiceert {score}, de exacte score is {exact}. De gepubliceerde score telt (regel: {rounding}).",
        "en": "Borderline: WJP publishes {score}, the exact score is {exact}. The published score counts (rule: {rounding}).",
    },
    "check.borderline_exact": {
        "nl": "Grensgeval: WJP publiceert {score}, de exacte score is {exact}. De exacte score telt (regel: {rounding}).",
        "en": "Borderline: WJP publishes {score}, the exact score is {exact}. The exact score counts (rule: {rounding}).",
    },
    "rounding.published": {"nl": "de gepubliceerde score", "en": "the published score"},
    "rounding.exact": {"nl": "de exacte score", "en": "the exact score"},
    "check.factors": {"nl": "Factoren ({edition})", "en": "Factors ({edition})"},
    "check.factor_4_mark": {"nl": "fundamentele rechten", "en": "fundamental rights"},
    "check.history": {"nl": "Verloop van de totaalscore", "en": "Overall score across editions"},
    "check.guiding_question": {
        "nl": "Richtvraag: Leidt de samenwerking of het contact direct of indirect tot een mogelijke schending van de mensenrechten? Bij ja of twijfel: laat je adviseren, ongeacht de score.",
        "en": "Guiding question: Does the cooperation or contact lead, directly or indirectly, to a possible violation of human rights? If yes or unsure: seek advice, whatever the score.",
    },
    "check.next_advice": {
        "nl": "Volgende stap: laat je adviseren door de Gentse mensenrechtenraad. Die adviseert (niet bindend, wel richtinggevend) over:",
        "en": "Next step: ask Ghent's human-rights council for advice. It advises (not binding but guiding) on:",
    },
    "check.next_no_advice": {
        "nl": "Volgende stap: op basis van de score is geen advies nodig. Stel wel de richtvraag; neem in overeenkomsten de mensenrechtenclausule op.",
        "en": "Next step: the score does not call for advice. Do ask the guiding question; include the human-rights clause in agreements.",
    },
    "check.next_procurement": {
        "nl": "Volgende stap (aankoop): op basis van de score is geen advies nodig. Vraag van de leverancier dat hij de Universele Verklaring van de Rechten van de Mens en het Europees Verdrag voor de Rechten van de Mens naleeft, en neem de mensenrechtenclausule op: hrtoets clause render procurement -o overeenkomst.docx --partner LEVERANCIER --country LAND.",
        "en": "Next step (procurement): the score does not call for advice. Require the supplier to respect the Universal Declaration of Human Rights and the European Convention on Human Rights, and include the human-rights clause: hrtoets clause render procurement -o agreement.docx --partner SUPPLIER --country COUNTRY.",
    },
    "check.next_procurement_advice": {
        "nl": "Volgende stap (aankoop): laat je adviseren voor je gunt. Vraag van de leverancier dat hij de Universele Verklaring van de Rechten van de Mens en het Europees Verdrag voor de Rechten van de Mens naleeft, en neem de mensenrechtenclausule op: hrtoets clause render procurement -o overeenkomst.docx --partner LEVERANCIER --country LAND.",
        "en": "Next step (procurement): seek advice before awarding. Require the supplier to respect the Universal Declaration of Human Rights and the European Convention on Human Rights, and include the human-rights clause: hrtoets clause render procurement -o agreement.docx --partner SUPPLIER --country COUNTRY.",
    },
    "check.next_council": {
        "nl": "Volgende stap ({kind}): op basis van de score is geen advies van de mensenrechtenraad nodig. Stel wel de richtvraag; leg de toets vast met hrtoets log add.",
        "en": "Next step ({kind}): the score does not call for the human-rights council's advice. Do ask the guiding question; record the check with hrtoets log add.",
    },
    "check.next_council_advice": {
        "nl": "Volgende stap ({kind}): vraag het advies van de Gentse mensenrechtenraad (niet bindend, wel richtinggevend), en leg de toets vast met hrtoets log add.",
        "en": "Next step ({kind}): ask Ghent's human-rights council for advice (not binding but guiding), and record the check with hrtoets log add.",
    },
    "council.delegation-in": {"nl": "delegaties ontvangen", "en": "receiving a foreign delegation"},
    "council.delegation-out": {
        "nl": "delegaties van de Stad naar het buitenland",
        "en": "a city delegation going abroad",
    },
    "council.network": {
        "nl": "deelname van de Stad aan internationale netwerken",
        "en": "the city joining an international network",
    },
    "council.partnership": {
        "nl": "afsluiten van bilaterale partnerschappen",
        "en": "concluding a bilateral partnership",
    },
    "check.unresolved": {
        "nl": "'{query}' is geen land of gebied dat hrtoets herkent.",
        "en": "'{query}' is not a country or territory hrtoets recognises.",
    },
    "check.empty": {
        "nl": "Geef een land of gebied op: een naam in het Nederlands, Engels, Frans of Duits, of een ISO-code.",
        "en": "Give a country or territory: a name in Dutch, English, French or German, or an ISO code.",
    },
    "check.suggestions": {"nl": "Bedoelde je: {names}?", "en": "Did you mean: {names}?"},
    "check.ambiguous": {
        "nl": "'{query}' kan meerdere plaatsen zijn: {names}. Typ de naam of code van één land of regio.",
        "en": "'{query}' could be several places: {names}. Type the name or code of one country or region.",
    },
    "check.missing_needs_advice": {
        "nl": "Let op: een land of gebied dat niet in de index staat (ook een regio), vraagt altijd advies.",
        "en": "Note: a country or place that is not in the index (a region too) always calls for advice.",
    },
    "check.region_title": {"nl": "regio van {state}", "en": "region of {state}"},
    "check.world_region_title": {"nl": "deel van de wereld", "en": "part of the world"},
    "check.state_context": {
        "nl": "Ter informatie, niet het oordeel: {state} heeft in de WJP Rule of Law Index {edition} score {score}.",
        "en": "For context, not the verdict: {state} scores {score} in the WJP Rule of Law Index {edition}.",
    },
    "check.state_not_covered": {
        "nl": "Ter informatie: {state} staat evenmin in de WJP Rule of Law Index {edition}.",
        "en": "For context: {state} is not in the WJP Rule of Law Index {edition} either.",
    },
    "check.credit": {
        "nl": "Scores: WJP Rule of Law Index, World Justice Project.",
        "en": "Scores: WJP Rule of Law Index, World Justice Project.",
    },
    # hrtoets index
    "index.info": {
        "nl": "Actieve index: editie {edition}, {countries:land|landen}, {editions:editie|edities} ({first}–{edition}).",
        "en": "Active index: edition {edition}, {countries:country|countries}, {editions:edition|editions} ({first}–{edition}).",
    },
    "index.imported": {
        "nl": "Geïmporteerd: {rows:rij|rijen}, editie {edition} met {countries:land|landen}, naar {path}.",
        "en": "Imported: {rows:row|rows}, edition {edition} with {countries:country|countries}, to {path}.",
    },
    "index.list_title": {
        "nl": "WJP Rule of Law Index {edition}",
        "en": "WJP Rule of Law Index {edition}",
    },
    "index.no_region": {
        "nl": "Geen land in regio '{region}'; regio's: {regions}.",
        "en": "No country in region '{region}'; regions: {regions}.",
    },
    "col.rank": {"nl": "Plaats", "en": "Rank"},
    "col.country": {"nl": "Land", "en": "Country"},
    "col.region": {"nl": "Regio", "en": "Region"},
    "col.score": {"nl": "Score", "en": "Score"},
    "col.exact": {"nl": "Exact", "en": "Exact"},
    "col.verdict": {"nl": "Oordeel", "en": "Verdict"},
    "word.yes": {"nl": "ja", "en": "yes"},
    "word.no": {"nl": "nee", "en": "no"},
    "word.borderline": {"nl": "grensgeval", "en": "borderline"},
}
