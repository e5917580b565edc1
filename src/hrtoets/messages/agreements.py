"""Messages of the agreements feature, in Dutch and English."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "agreements.country_unscreened": {
        "nl": "'{query}' is niet één land of regio dat hrtoets herkent (dichtst bij: {names}); een overeenkomst noemt alleen getoetste landen, dus typ de naam of code van één land of regio.",
        "en": "'{query}' is not one country or region hrtoets recognises (closest: {names}); an agreement names screened countries only, so type the name or code of one country or region.",
    },
    "agreements.rows_failed": {
        "nl": "{count:rij|rijen} van {path} kunnen geen overeenkomst worden, dus er is niets geschreven: {rows}",
        "en": "{count:row|rows} of {path} cannot become an agreement, so nothing was written: {rows}",
    },
    "agreements.row_problem": {"nl": "rij {row}: {error}", "en": "row {row}: {error}"},
    # words that appear in the documents themselves
    "agreements.article": {"nl": "Artikel {number}", "en": "Article {number}"},
    # templates
    "agreements.unknown_template": {
        "nl": "Er is geen sjabloon '{name}'; kies uit: {names}.",
        "en": "There is no template '{name}'; choose one of: {names}.",
    },
    "agreements.no_language": {
        "nl": "Sjabloon '{name}' bestaat niet in taal '{lang}'; het bestaat in: {langs}. Kies die taal met --lang.",
        "en": "Template '{name}' does not exist in language '{lang}'; it exists in: {langs}. Choose that language with --lang.",
    },
    "agreements.no_templates_dir": {
        "nl": "De sjabloonmap {path} (templates_dir in config.toml) bestaat niet; maak ze aan of pas de instelling aan.",
        "en": "The template folder {path} (templates_dir in config.toml) does not exist; create it or change the setting.",
    },
    "agreements.syntax": {
        "nl": "Het sjabloon {path} bevat een fout op regel {line} ({error}); verbeter het sjabloon.",
        "en": "The template {path} has an error on line {line} ({error}); fix the template.",
    },
    "agreements.missing_variable": {
        "nl": "Sjabloon '{name}' heeft de variabele '{variable}' nodig; geef ze op met --var {variable}=WAARDE, in --data of als kolom in --rows.",
        "en": "Template '{name}' needs the variable '{variable}'; give it with --var {variable}=VALUE, in --data or as a column in --rows.",
    },
    "agreements.missing_partner": {
        "nl": "Sjabloon '{name}' heeft een partner nodig; geef die op met --partner NAAM (of een kolom partner in --rows).",
        "en": "Template '{name}' needs a partner; give it with --partner NAME (or a partner column in --rows).",
    },
    "agreements.missing_countries": {
        "nl": "Sjabloon '{name}' heeft minstens één land nodig; geef het op met --country LAND (of een kolom country in --rows).",
        "en": "Template '{name}' needs at least one country; give it with --country COUNTRY (or a country column in --rows).",
    },
    "agreements.unsafe": {
        "nl": "Sjabloon '{name}' probeert iets wat niet is toegelaten; een sjabloon mag alleen tekst en variabelen gebruiken.",
        "en": "Template '{name}' attempts something that is not allowed; a template may only use text and variables.",
    },
    "agreements.not_utf8": {
        "nl": "Het sjabloon {path} is geen UTF-8-tekst; bewaar het als UTF-8 (in Kladblok: Opslaan als, codering UTF-8).",
        "en": "The template {path} is not UTF-8 text; save it as UTF-8 (in Notepad: Save as, encoding UTF-8).",
    },
    "agreements.cycle": {
        "nl": "Het sjabloon {path} neemt zichzelf op, rechtstreeks of via een ander sjabloon; verwijder die include, import of extends.",
        "en": "The template {path} includes itself, directly or through another template; remove that include, import or extends.",
    },
    "agreements.recursion": {
        "nl": "Sjabloon '{name}' roept zichzelf eindeloos op; verbeter het sjabloon.",
        "en": "Template '{name}' calls itself endlessly; fix the template.",
    },
    "agreements.runtime": {
        "nl": "Sjabloon '{name}' loopt vast op regel {line} ({error}); verbeter het sjabloon.",
        "en": "Template '{name}' fails at line {line} ({error}); fix the template.",
    },
    "agreements.too_slow": {
        "nl": "Sjabloon '{name}' is na {seconds} s nog niet klaar (een lus die te lang duurt?); verbeter het sjabloon.",
        "en": "Template '{name}' has not finished after {seconds} s (a loop that runs too long?); fix the template.",
    },
    "agreements.too_large": {
        "nl": "Sjabloon '{name}' maakt meer tekst dan een overeenkomst nodig heeft (meer dan {limit} tekens, of een te grote herhaling); verbeter het sjabloon.",
        "en": "Template '{name}' makes more text than an agreement needs (more than {limit} characters, or too large a repetition); fix the template.",
    },
    "agreements.broken": {
        "nl": "Sjabloon '{name}' kan niet worden ingevuld ({error}); verbeter het sjabloon.",
        "en": "Template '{name}' cannot be filled in ({error}); fix the template.",
    },
    "agreements.no_clause": {
        "nl": "Sjabloon '{name}' ({lang}) bevat de mensenrechtenclausule niet letterlijk; elke overeenkomst moet ze bevatten: neem {{{{ clause.article(lang) }}}} op na {{% import \"_clause.j2\" as clause %}}.",
        "en": "Template '{name}' ({lang}) does not carry the human-rights clause word for word; every agreement must: add {{{{ clause.article(lang) }}}} after {{% import \"_clause.j2\" as clause %}}.",
    },
    "agreements.bad_line": {
        "nl": "Regel {line} van wat sjabloon '{name}' oplevert, begint niet met een aanwijzing ({directives}): '{text}'.",
        "en": "Line {line} of what template '{name}' produces does not start with a directive ({directives}): '{text}'.",
    },
    "agreements.line_without_sign": {
        "nl": "Regel {line} van wat sjabloon '{name}' oplevert, is een @line zonder @sign ervoor; begin elk handtekeningblok met @sign.",
        "en": "Line {line} of what template '{name}' produces is an @line without an @sign before it; start every signature block with @sign.",
    },
    "agreements.no_title": {
        "nl": "Sjabloon '{name}' heeft geen @title-regel; geef de overeenkomst een titel.",
        "en": "Template '{name}' has no @title line; give the agreement a title.",
    },
    # variables
    "agreements.bad_var": {
        "nl": "--var '{value}' heeft de vorm naam=waarde niet, bv. --var duration=\"twee jaar\".",
        "en": "--var '{value}' is not of the form name=value, e.g. --var duration=\"two years\".",
    },
    "agreements.bad_var_name": {
        "nl": "'{name}' is geen geldige variabelenaam; gebruik letters, cijfers en _, en begin met een letter.",
        "en": "'{name}' is not a valid variable name; use letters, digits and _, and start with a letter.",
    },
    "agreements.unused_variable": {
        "nl": "Sjabloon '{name}' gebruikt geen variabele '{variable}'; controleer de schrijfwijze (het sjabloon gebruikt: {names}).",
        "en": "Template '{name}' does not use a variable '{variable}'; check the spelling (the template uses: {names}).",
    },
    "agreements.var_lang": {
        "nl": "De taal is geen variabele; kies ze met --lang nl of --lang en.",
        "en": "The language is not a variable; choose it with --lang nl or --lang en.",
    },
    "agreements.bad_text": {
        "nl": "De waarde van '{variable}' bevat tekens die geen geldige tekst zijn (een verkeerde tekencodering van de terminal of het bestand); typ de waarde opnieuw of bewaar het bestand als UTF-8.",
        "en": "The value of '{variable}' holds characters that are not valid text (a wrong character encoding of the terminal or the file); type the value again or save the file as UTF-8.",
    },
    "agreements.data_suffix": {
        "nl": "--data {path} moet een .toml- of .json-bestand zijn.",
        "en": "--data {path} must be a .toml or .json file.",
    },
    "agreements.bad_data": {
        "nl": "{path} is niet leesbaar als {kind} ({error}); verbeter het bestand.",
        "en": "{path} cannot be read as {kind} ({error}); fix the file.",
    },
    "agreements.data_not_table": {
        "nl": "{path} moet één tabel van variabelen bevatten (naam = waarde).",
        "en": "{path} must hold one table of variables (name = value).",
    },
    "agreements.data_bad_value": {
        "nl": "Variabele '{name}' in {path} moet tekst, een getal of een lijst van teksten zijn.",
        "en": "Variable '{name}' in {path} must be text, a number or a list of texts.",
    },
    # output
    "agreements.bad_format": {
        "nl": "Kan geen '{suffix}'-bestand maken; laat de uitvoer eindigen op {choices}.",
        "en": "Cannot write a '{suffix}' file; let the output end in {choices}.",
    },
    "agreements.need_output": {
        "nl": "Geef -o BESTAND voor één overeenkomst, of --rows TABEL met --out-dir MAP voor één overeenkomst per rij.",
        "en": "Give -o FILE for one agreement, or --rows TABLE with --out-dir FOLDER for one agreement per row.",
    },
    "agreements.written": {
        "nl": "{path} geschreven ({name}, {lang}).",
        "en": "Wrote {path} ({name}, {lang}).",
    },
    "agreements.advice_needed": {
        "nl": "Let op: voor {country} is advies nodig ({reason}). Vraag eerst het advies van de mensenrechtenraad, vóór deze overeenkomst wordt ondertekend.",
        "en": "Attention: {country} needs advice ({reason}). Ask the human-rights council for its advice first, before this agreement is signed.",
    },
    "agreements.no_advice_needed": {
        "nl": "Getoetst: {country}, geen advies nodig ({reason}).",
        "en": "Screened: {country}, no advice needed ({reason}).",
    },
    # mail merge
    "agreements.row_failed": {
        "nl": "Rij {row} van {path}: {error} Er is niets geschreven.",
        "en": "Row {row} of {path}: {error} Nothing was written.",
    },
    "agreements.ignored_columns": {
        "nl": "Let op: sjabloon '{name}' gebruikt deze kolommen van {path} niet, dus ze worden genegeerd: {columns}.",
        "en": "Warning: template '{name}' does not use these columns of {path}, so they are ignored: {columns}.",
    },
    "agreements.no_rows": {
        "nl": "{path} bevat geen rijen met gegevens; er is niets geschreven.",
        "en": "{path} holds no rows with data; nothing was written.",
    },
    "agreements.progress": {"nl": "Overeenkomsten schrijven", "en": "Writing agreements"},
    "agreements.merged": {
        "nl": "Overeenkomsten geschreven in {folder}: {count} ({name}, {lang}); lege rijen overgeslagen: {skipped}.",
        "en": "Agreements written to {folder}: {count} ({name}, {lang}); empty rows skipped: {skipped}.",
    },
    "agreements.merged_advice": {
        "nl": "Let op: voor {count} van de {total:overeenkomst|overeenkomsten} moet eerst het advies van de mensenrechtenraad worden gevraagd, vóór ondertekening:",
        "en": "Attention: for {count} of the {total:agreement|agreements}, ask the human-rights council's advice first, before signing:",
    },
    "agreements.merged_advice_row": {
        "nl": "rij {row}: {file} — {countries}",
        "en": "row {row}: {file} — {countries}",
    },
    "agreements.merged_none": {
        "nl": "Geen enkele overeenkomst vraagt advies volgens de toets.",
        "en": "No agreement needs advice according to the screening.",
    },
    # clause list / show
    "agreements.col_name": {"nl": "Sjabloon", "en": "Template"},
    "agreements.col_lang": {"nl": "Taal", "en": "Language"},
    "agreements.col_title": {"nl": "Titel", "en": "Title"},
    "agreements.col_origin": {"nl": "Herkomst", "en": "Origin"},
    "agreements.origin_package": {"nl": "ingebouwd", "en": "built in"},
    "agreements.origin_user": {"nl": "eigen map", "en": "own folder"},
    "agreements.log_kind_needed": {
        "nl": "Geef met --kind aan wat voor toets de overeenkomst '{name}' vastlegt (bv. partnerschap of aankoop), of leg ze vast bij een bestaande toets met --check ID.",
        "en": "Say with --kind what kind of check the agreement '{name}' records (e.g. partnership or procurement), or record it on an existing check with --check ID.",
    },
    "agreements.log_with_rows": {
        "nl": "--log legt één overeenkomst vast; render zonder --rows om een overeenkomst in het register op te nemen.",
        "en": "--log records one agreement; render without --rows to record an agreement in the register.",
    },
    "agreements.log_options_without_log": {
        "nl": "--check, --kind en --answer horen bij --log; voeg --log toe om de overeenkomst vast te leggen.",
        "en": "--check, --kind and --answer go with --log; add --log to record the agreement.",
    },
    "agreements.logged": {
        "nl": "Vastgelegd in het register bij toets {id}.",
        "en": "Recorded in the register on check {id}.",
    },
}
