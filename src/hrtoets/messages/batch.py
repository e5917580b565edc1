"""Messages of the batch feature (and of reading user spreadsheets), in Dutch and English."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "batch.log_title": {"nl": "{source}, rij {row}", "en": "{source}, row {row}"},
    # reading the input (hrtoets.tables)
    "batch.not_a_table": {
        "nl": "{path} is geen Excel-werkmap (.xlsx) of CSV-bestand; sla de lijst op als .xlsx of .csv en probeer opnieuw.",
        "en": "{path} is not an Excel workbook (.xlsx) or a CSV file; save the list as .xlsx or .csv and try again.",
    },
    "batch.unreadable": {
        "nl": "Kan {path} niet lezen ({error}); controleer de rechten of sluit het bestand in Excel.",
        "en": "Cannot read {path} ({error}); check its permissions or close it in Excel.",
    },
    "batch.workbook_corrupt": {
        "nl": "{path} is geen leesbare Excel-werkmap ({error}); open ze in Excel en sla ze opnieuw op als .xlsx.",
        "en": "{path} is not a readable Excel workbook ({error}); open it in Excel and save it again as .xlsx.",
    },
    "batch.workbook_protected": {
        "nl": "{path} is beveiligd met een wachtwoord; verwijder het wachtwoord in Excel (Bestand > Info > Werkmap beveiligen) en probeer opnieuw.",
        "en": "{path} is protected with a password; remove the password in Excel (File > Info > Protect Workbook) and try again.",
    },
    "batch.empty_sheet": {
        "nl": "Blad '{sheet}' van {path} is leeg; kies een ander blad met --sheet of vul de lijst aan.",
        "en": "Sheet '{sheet}' of {path} is empty; choose another sheet with --sheet or fill in the list.",
    },
    "batch.empty_csv": {
        "nl": "{path} bevat geen gegevens (geen kopregel, geen rijen); vul de lijst aan en probeer opnieuw.",
        "en": "{path} holds no data (no header row, no rows); fill in the list and try again.",
    },
    "batch.unknown_sheet": {
        "nl": "{path} heeft geen blad '{sheet}'; wel: {sheets}.",
        "en": "{path} has no sheet '{sheet}'; it has: {sheets}.",
    },
    "batch.csv_no_sheets": {
        "nl": "{path} is een CSV-bestand en heeft geen bladen; laat --sheet weg.",
        "en": "{path} is a CSV file and has no sheets; leave out --sheet.",
    },
    "batch.csv_corrupt": {
        "nl": "{path} is geen geldig CSV-bestand ({error}); sla het opnieuw op vanuit Excel.",
        "en": "{path} is not a valid CSV file ({error}); save it again from Excel.",
    },
    "batch.csv_changed": {
        "nl": "{path} veranderde terwijl hrtoets het las; sluit het in Excel en probeer opnieuw.",
        "en": "{path} changed while hrtoets was reading it; close it in Excel and try again.",
    },
    # choosing the country column
    "batch.unknown_column": {
        "nl": "Er is geen kolom '{column}'; de kolommen zijn: {headers}.",
        "en": "There is no column '{column}'; the columns are: {headers}.",
    },
    "batch.no_country_column": {
        "nl": "Kan de landkolom niet vinden tussen {headers}; geef ze aan met --column NAAM.",
        "en": "Cannot tell which column holds the country among {headers}; name it with --column NAME.",
    },
    "batch.ambiguous_column": {
        "nl": "Meer dan één kolom kan het land bevatten ({headers}); kies er één met --column NAAM.",
        "en": "More than one column could hold the country ({headers}); choose one with --column NAME.",
    },
    "batch.duplicate_column": {
        "nl": "Er zijn {count:kolom|kolommen} met de naam '{column}'; geef ze in de lijst verschillende koppen en probeer opnieuw.",
        "en": "There are {count:column|columns} named '{column}'; give them different headers in the list and try again.",
    },
    "batch.column_used": {
        "nl": "Landkolom: '{column}' ({how}).",
        "en": "Country column: '{column}' ({how}).",
    },
    "batch.how.option": {"nl": "gekozen met --column", "en": "chosen with --column"},
    "batch.how.header": {"nl": "herkend aan de kop", "en": "recognised by its header"},
    "batch.how.content": {"nl": "herkend aan de inhoud", "en": "recognised by its content"},
    # the output file
    "batch.output_is_input": {
        "nl": "De uitvoer {path} is het invoerbestand zelf; kies met -o een andere naam (de invoer wordt nooit gewijzigd).",
        "en": "The output {path} is the input file itself; choose another name with -o (the input is never modified).",
    },
    "batch.output_not_xlsx": {
        "nl": "De uitvoer {path} moet op .xlsx eindigen; hrtoets schrijft een Excel-werkmap.",
        "en": "The output {path} must end in .xlsx; hrtoets writes an Excel workbook.",
    },
    "batch.cannot_write": {
        "nl": "Kan {path} niet schrijven ({error}); controleer de map en de rechten.",
        "en": "Cannot write {path} ({error}); check the folder and its permissions.",
    },
    "batch.too_many_rows": {
        "nl": "{path} heeft {rows:rij|rijen} onder de kop, een Excel-blad kan er {limit} bevatten; splits de lijst en toets elk deel apart.",
        "en": "{path} has {rows:row|rows} below its header, an Excel sheet holds {limit}; split the list and screen each part.",
    },
    "batch.too_many_columns": {
        "nl": "{path} heeft {columns:kolom|kolommen}, en met de {added} toegevoegde kolommen is dat meer dan de {limit} van een Excel-blad; verwijder kolommen die je niet nodig hebt.",
        "en": "{path} has {columns:column|columns}, and with the {added} added columns that is more than the {limit} of an Excel sheet; remove columns you do not need.",
    },
    "batch.cell_too_long": {
        "nl": "Rij {row} van {path} heeft in kolom '{column}' {length} tekens, een Excel-cel kan er {limit} bevatten; kort de tekst in en probeer opnieuw.",
        "en": "Row {row} of {path} has {length} characters in column '{column}', an Excel cell holds {limit}; shorten the text and try again.",
    },
    "batch.write_refused": {
        "nl": "Excel kan cel {cell} van blad '{sheet}' niet bevatten (xlsxwriter-fout {code}); er is niets geschreven, kort de lijst in of splits ze.",
        "en": "Excel cannot hold cell {cell} of sheet '{sheet}' (xlsxwriter error {code}); nothing was written, shorten or split the list.",
    },
    # the added columns of sheet 1
    "batch.col.matched": {"nl": "Land of regio", "en": "Matched place"},
    "batch.col.iso3": {"nl": "Code", "en": "Code"},
    "batch.col.score": {"nl": "WJP-score", "en": "WJP score"},
    "batch.col.score_exact": {"nl": "WJP-score (exact)", "en": "WJP score (exact)"},
    "batch.col.edition": {"nl": "WJP-editie", "en": "WJP edition"},
    "batch.col.advice": {"nl": "Advies nodig", "en": "Advice needed"},
    "batch.col.reason": {"nl": "Reden", "en": "Reason"},
    "batch.col.note": {"nl": "Opmerking", "en": "Note"},
    # the Note column
    "batch.note.suggestions": {
        "nl": "Na te kijken: land niet herkend; bedoelde je {names}?",
        "en": "To review: country not recognised; did you mean {names}?",
    },
    "batch.note.no_suggestions": {
        "nl": "Na te kijken: land niet herkend; vul het land of de ISO-code in.",
        "en": "To review: country not recognised; fill in the country or its ISO code.",
    },
    "batch.note.ambiguous": {
        "nl": "Na te kijken: kan {names} zijn; vul één land in.",
        "en": "To review: could be {names}; fill in one country.",
    },
    "batch.note.missing": {
        "nl": "Na te kijken: geen land ingevuld.",
        "en": "To review: no country filled in.",
    },
    "batch.note.borderline": {
        "nl": "Grensgeval: WJP publiceert {score}, de exacte score is {exact}.",
        "en": "Borderline: WJP publishes {score}, the exact score is {exact}.",
    },
    # sheet 2 and the terminal summary
    "batch.sheet.main": {"nl": "Toets", "en": "Screening"},
    "batch.sheet.summary": {"nl": "Samenvatting", "en": "Summary"},
    "batch.sum.title": {
        "nl": "Mensenrechtentoets van een lijst",
        "en": "Human-rights screening of a list",
    },
    "batch.sum.input": {"nl": "Invoer", "en": "Input"},
    "batch.sum.sheet": {"nl": "Blad", "en": "Sheet"},
    "batch.sum.column": {"nl": "Landkolom", "en": "Country column"},
    "batch.sum.rows": {"nl": "Rijen", "en": "Rows"},
    "batch.sum.distinct": {"nl": "Verschillende landwaarden", "en": "Distinct country values"},
    "batch.sum.advice": {"nl": "Advies nodig", "en": "Advice needed"},
    "batch.sum.no_advice": {"nl": "Geen advies nodig", "en": "No advice needed"},
    "batch.sum.borderline": {"nl": "Grensgevallen", "en": "Borderline cases"},
    "batch.sum.review": {"nl": "Te controleren", "en": "To review"},
    "batch.sum.per_reason": {"nl": "Per reden", "en": "Per reason"},
    "batch.sum.count": {"nl": "Aantal", "en": "Count"},
    "batch.sum.review_title": {
        "nl": "Niet herkende en dubbelzinnige waarden (advies nodig, na te kijken)",
        "en": "Unrecognised and ambiguous values (advice needed, to review)",
    },
    "batch.sum.value": {"nl": "Waarde", "en": "Value"},
    "batch.sum.options": {
        "nl": "Suggesties of kandidaten",
        "en": "Suggestions or candidates",
    },
    "batch.sum.index": {"nl": "Index", "en": "Index"},
    "batch.sum.edition": {"nl": "WJP-editie", "en": "WJP edition"},
    "batch.sum.source": {"nl": "Bron van de index", "en": "Index source"},
    "batch.sum.rule": {"nl": "Regel", "en": "Rule"},
    "batch.sum.rule_text": {
        "nl": "advies bij een score van {threshold} of minder, of als het land niet in de index staat",
        "en": "advice at a score of {threshold} or less, or when the country is not in the index",
    },
    "batch.sum.rounding": {"nl": "Afronding", "en": "Rounding"},
    "batch.rounding.published": {
        "nl": "gepubliceerde score (twee decimalen, half naar boven afgerond)",
        "en": "published score (two decimals, rounded half up)",
    },
    "batch.rounding.exact": {
        "nl": "exacte score (volle precisie)",
        "en": "exact score (full precision)",
    },
    "batch.sum.date": {"nl": "Datum", "en": "Date"},
    "batch.sum.output": {"nl": "Uitvoer", "en": "Output"},
    "batch.stage.screen": {"nl": "Toetsen", "en": "Screening"},
    "batch.stage.write": {"nl": "Schrijven", "en": "Writing"},
    "batch.written": {
        "nl": "Geschreven: {path} ({rows:rij|rijen}, {advice} met advies nodig).",
        "en": "Written: {path} ({rows:row|rows}, {advice} needing advice).",
    },
    "batch.credit": {
        "nl": "Scores: WJP Rule of Law Index, World Justice Project.",
        "en": "Scores: WJP Rule of Law Index, World Justice Project.",
    },
    "batch.again_without_log": {
        "nl": "--again hoort bij --log: het legt een lijst nog eens vast in het register; voeg --log SOORT toe of laat --again weg.",
        "en": "--again belongs with --log: it records a list in the register once more; add --log KIND or leave out --again.",
    },
    "batch.csv_mixed_encoding": {
        "nl": "{path} is niet in één codering geschreven: regel {line} bevat een byte ({byte}) die geen {encoding} is, terwijl de rest van het bestand {encoding} is; sla het bestand opnieuw op als 'CSV UTF-8' en probeer opnieuw.",
        "en": "{path} is not written in one encoding: line {line} holds a byte ({byte}) that is not {encoding}, while the rest of the file is {encoding}; save the file again as 'CSV UTF-8' and try again.",
    },
    "batch.csv_extra_fields": {
        "nl": "{count} rij(en) van {path} hebben meer velden dan de kolomkoppen ({width}): rij {rows}; een waarde daar hoort bij geen enkele kolom. Verwijder de overtollige scheidingstekens of geef die kolommen een kop.",
        "en": "{count} row(s) of {path} have more fields than the header ({width}): row {rows}; a value there belongs to no column. Remove the extra separators or give those columns a header.",
    },
    "batch.csv_trimmed": {
        "nl": "{count} rij(en) van {path} hadden lege velden voorbij de laatste kolomkop; die zijn genegeerd.",
        "en": "{count} row(s) of {path} had empty fields beyond the last header; they were ignored.",
    },
    "batch.already_logged": {
        "nl": "{source} werd op {date} al vastgelegd als {kind} (toetsen {first} tot {last}); voeg --again toe om de rijen nog eens vast te leggen.",
        "en": "{source} was already recorded as {kind} on {date} (checks {first} to {last}); add --again to record its rows once more.",
    },
    "batch.interrupted_exists": {
        "nl": "Batch {id} van {source} werd onderbroken; voer dezelfde opdracht opnieuw uit om ze te voltooien.",
        "en": "Batch {id} of {source} was interrupted; run the same command again to complete it.",
    },
    "batch.completed": {
        "nl": "De onderbroken batch {id} ({count:rij|rijen}, toetsen {first} tot {last}) is voltooid: {path}",
        "en": "The interrupted batch {id} ({count:row|rows}, checks {first} to {last}) is complete: {path}",
    },
    "batch.complete_changed": {
        "nl": "Batch {id} werd onderbroken en de lijst geeft vandaag andere resultaten dan toen (rij {row}); voeg --again toe om de lijst opnieuw vast te leggen (de toetsen {first} tot {last} blijven bestaan; trek ze in met 'hrtoets log withdraw' als ze niet gelden).",
        "en": "Batch {id} was interrupted and the list screens differently today (row {row}); add --again to record the list anew (checks {first} to {last} stay; withdraw them with 'hrtoets log withdraw' if they do not stand).",
    },
    "batch.logged": {
        "nl": "{count:rij|rijen} vastgelegd in het register als toetsen {first} tot {last}.",
        "en": "{count:row|rows} recorded in the register as checks {first} to {last}.",
    },
}
