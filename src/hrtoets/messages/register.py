"""Messages of the register feature (``hrtoets log …``, ``hrtoets monitor``), in Dutch and English."""

from __future__ import annotations

_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "kind": {
        "delegation-in": {"nl": "delegatie ontvangen", "en": "receiving a delegation"},
        "delegation-out": {"nl": "delegatie naar het buitenland", "en": "delegation abroad"},
        "network": {"nl": "internationaal netwerk", "en": "international network"},
        "partnership": {"nl": "bilateraal partnerschap", "en": "bilateral partnership"},
        "procurement": {"nl": "aankoop", "en": "procurement"},
        "other": {"nl": "ander contact", "en": "other contact"},
    },
    "status": {
        "open": {"nl": "open", "en": "open"},
        "advice-requested": {"nl": "advies gevraagd", "en": "advice requested"},
        "advice-received": {"nl": "advies ontvangen", "en": "advice received"},
        "decided": {"nl": "beslist", "en": "decided"},
        "not-needed": {"nl": "geen advies nodig", "en": "no advice needed"},
        "withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
        "to-review": {"nl": "na te kijken", "en": "to review"},
    },
    "event": {
        "created": {"nl": "geregistreerd", "en": "recorded"},
        "advice-requested": {"nl": "advies gevraagd", "en": "advice requested"},
        "advice-received": {"nl": "advies ontvangen", "en": "advice received"},
        "decided": {"nl": "beslissing", "en": "decision"},
        "agreement": {"nl": "overeenkomst", "en": "agreement"},
        "note": {"nl": "notitie", "en": "note"},
        "withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
        "resolved": {"nl": "land nagekeken", "en": "country resolved"},
    },
    "outcome": {
        "positive": {"nl": "positief", "en": "positive"},
        "negative": {"nl": "negatief", "en": "negative"},
        "conditional": {"nl": "voorwaardelijk", "en": "conditional"},
    },
    "decision": {
        "go": {"nl": "doorgaan", "en": "go"},
        "no-go": {"nl": "niet doorgaan", "en": "no-go"},
        "adjusted": {"nl": "aangepast doorgaan", "en": "adjusted"},
    },
    "answer": {
        "yes": {"nl": "ja", "en": "yes"},
        "no": {"nl": "nee", "en": "no"},
        "unsure": {"nl": "twijfel", "en": "unsure"},
    },
    "col": {
        "id": {"nl": "ID", "en": "ID"},
        "created_at": {"nl": "Geregistreerd op", "en": "Recorded at"},
        "date": {"nl": "Datum", "en": "Date"},
        "officer": {"nl": "Ambtenaar", "en": "Officer"},
        "department": {"nl": "Dienst", "en": "Department"},
        "kind": {"nl": "Soort", "en": "Kind"},
        "title": {"nl": "Titel", "en": "Title"},
        "partner": {"nl": "Partner", "en": "Partner"},
        "without_advice": {"nl": "Beslist zonder advies", "en": "Decided without advice"},
        "countries": {"nl": "Landen", "en": "Countries"},
        "planned_date": {"nl": "Geplande datum", "en": "Planned date"},
        "answer": {"nl": "Antwoord richtvraag", "en": "Guiding-question answer"},
        "advice_needed": {"nl": "Advies nodig", "en": "Advice needed"},
        "reasons": {"nl": "Redenen", "en": "Reasons"},
        "status": {"nl": "Status", "en": "Status"},
        "advice_outcome": {"nl": "Advies", "en": "Advice"},
        "decision": {"nl": "Beslissing", "en": "Decision"},
        "note": {"nl": "Notitie", "en": "Note"},
        "check_id": {"nl": "Toets", "en": "Check"},
        "query": {"nl": "Ingevuld", "en": "Input"},
        "iso3": {"nl": "ISO3", "en": "ISO3"},
        "region": {"nl": "Regio", "en": "Region"},
        "name": {"nl": "Naam in de index", "en": "Name in the index"},
        "edition": {"nl": "Editie", "en": "Edition"},
        "score": {"nl": "Score", "en": "Score"},
        "score_exact": {"nl": "Exacte score", "en": "Exact score"},
        "reason": {"nl": "Reden", "en": "Reason"},
        "borderline": {"nl": "Grensgeval", "en": "Borderline"},
        "seq": {"nl": "Nr.", "en": "No."},
        "recorded_at": {"nl": "Tijdstip", "en": "Time"},
        "event": {"nl": "Gebeurtenis", "en": "Event"},
        "payload": {"nl": "Inhoud", "en": "Content"},
        "prev_hash": {"nl": "Vorige hash", "en": "Previous hash"},
        "hash": {"nl": "Hash", "en": "Hash"},
        "advice_requested_on": {"nl": "Advies gevraagd op", "en": "Advice requested on"},
        "advice_received_on": {"nl": "Advies ontvangen op", "en": "Advice received on"},
        "decided_on": {"nl": "Beslist op", "en": "Decided on"},
        "decided_without_advice": {"nl": "Beslist zonder advies", "en": "Decided without advice"},
        "withdrawn": {"nl": "Ingetrokken", "en": "Withdrawn"},
        "agreements": {"nl": "Overeenkomsten", "en": "Agreements"},
    },
    "sheet": {
        "checks": {"nl": "Toetsen", "en": "Checks"},
        "countries": {"nl": "Landen", "en": "Countries"},
        "events": {"nl": "Gebeurtenissen", "en": "Events"},
    },
    "problem": {
        "hash": {
            "nl": "gebeurtenis {seq} (toets {check}) klopt niet meer met haar hash: de inhoud is gewijzigd",
            "en": "event {seq} (check {check}) no longer matches its hash: its content was changed",
        },
        "link": {
            "nl": "gebeurtenis {seq} (toets {check}) sluit niet meer aan op de vorige: een eerdere gebeurtenis is gewijzigd of verwijderd",
            "en": "event {seq} (check {check}) no longer links to the one before it: an earlier event was changed or removed",
        },
        "gap": {
            "nl": "gebeurtenis {seq} ontbreekt (toets {check})",
            "en": "event {seq} is missing (check {check})",
        },
        "head": {
            "nl": "de keten eindigt niet waar ze volgens het register eindigt: gebeurtenis {seq} is verwijderd, vervangen of buiten het register om toegevoegd (toets {check})",
            "en": "the chain does not end where the register says it does: event {seq} was removed, replaced or added behind its back (check {check})",
        },
        "projection": {
            "nl": "de tabel met toetsen zegt over toets {check} iets anders dan gebeurtenis {seq} vastlegde",
            "en": "the checks table says something about check {check} that differs from what event {seq} recorded",
        },
        "canonical": {
            "nl": "gebeurtenis {seq} (toets {check}) is niet meer opgeslagen zoals hrtoets haar schreef (dubbele of verplaatste sleutels, andere spaties): een SQL-programma kan er iets anders in lezen dan de hash dekt",
            "en": "event {seq} (check {check}) is no longer stored as hrtoets wrote it (duplicate or reordered keys, other spacing): an SQL tool may read something other than what the hash covers",
        },
        "unreadable": {
            "nl": "gebeurtenis {seq} (toets {check}) kan niet gelezen worden (te diep genest, een te groot getal of geen JSON)",
            "en": "event {seq} (check {check}) cannot be read (nested too deep, a number too large, or not JSON)",
        },
        "head_counter": {
            "nl": "de teller van de toetsen in de kop van de keten (tabel register_head) is teruggezet of verhoogd: het volgende nummer zou een bestaande toets overschrijven of een gat laten",
            "en": "the check counter in the chain head (table register_head) was rolled back or raised: the next number would reuse an existing check or leave a gap",
        },
        "orphans": {
            "nl": "de tabel met landen heeft rijen voor toets {check}, die geen gebeurtenis ooit aanmaakte",
            "en": "the countries table has rows for check {check}, which no event ever created",
        },
        "head_missing": {
            "nl": "de kop van de keten (tabel register_head) is leeg, dus of er gebeurtenissen aan het einde zijn verwijderd, valt niet meer na te gaan",
            "en": "the chain head (table register_head) is empty, so whether events were removed from the end can no longer be checked",
        },
        "tables": {
            "nl": "de registertabellen {tables} ontbreken of missen kolommen",
            "en": "the register tables {tables} are missing or lack columns",
        },
    },
}

MESSAGES: dict[str, dict[str, str]] = {
    f"register.{group}.{key}": texts
    for group, entries in _LABELS.items()
    for key, texts in entries.items()
} | {
    # bad values (one sentence, exit 2)
    "register.bad_kind": {
        "nl": "Soort '{value}' bestaat niet; kies uit {choices}.",
        "en": "Kind '{value}' does not exist; choose one of {choices}.",
    },
    "register.bad_status": {
        "nl": "Status '{value}' bestaat niet; kies uit {choices}.",
        "en": "Status '{value}' does not exist; choose one of {choices}.",
    },
    "register.bad_answer": {
        "nl": "Antwoord '{value}' op de richtvraag is ongeldig; kies uit {choices}.",
        "en": "Answer '{value}' to the guiding question is not valid; choose one of {choices}.",
    },
    "register.bad_outcome": {
        "nl": "Advies '{value}' is ongeldig; kies uit {choices}.",
        "en": "Advice outcome '{value}' is not valid; choose one of {choices}.",
    },
    "register.bad_decision": {
        "nl": "Beslissing '{value}' is ongeldig; kies uit {choices}.",
        "en": "Decision '{value}' is not valid; choose one of {choices}.",
    },
    "register.bad_event_kind": {
        "nl": "Gebeurtenis '{value}' bestaat niet; kies uit {choices}.",
        "en": "Event kind '{value}' does not exist; choose one of {choices}.",
    },
    "register.bad_payload": {
        "nl": "De inhoud van gebeurtenis '{kind}' is geen JSON-object; geef tekst, getallen, lijsten en objecten.",
        "en": "The content of event '{kind}' is not a JSON object; give text, numbers, lists and objects.",
    },
    "register.bad_text": {
        "nl": "De tekst '{value}' bevat tekens die niet bewaard kunnen worden (een NUL-teken of onleesbare bytes); typ hem opnieuw.",
        "en": "The text '{value}' holds characters that cannot be stored (a NUL character or undecodable bytes); type it again.",
    },
    "register.no_title": {
        "nl": "Een toets heeft een titel of doel nodig; geef --title.",
        "en": "A check needs a title or purpose; give --title.",
    },
    "register.no_country": {
        "nl": "Een toets heeft minstens één land nodig; geef --country (herhaal het voor meerdere landen).",
        "en": "A check needs at least one country; give --country (repeat it for several countries).",
    },
    "register.answer_required": {
        "nl": "Voor soort '{kind}' is het antwoord op de richtvraag verplicht; geef --answer yes, no of unsure.",
        "en": "For kind '{kind}' the answer to the guiding question is required; give --answer yes, no or unsure.",
    },
    "register.answer_prompt": {
        "nl": "Richtvraag: leidt de samenwerking of het contact direct of indirect tot een mogelijke schending van de mensenrechten? (ja/nee/twijfel)",
        "en": "Guiding question: does the cooperation or contact lead, directly or indirectly, to a possible violation of human rights? (yes/no/unsure)",
    },
    "register.country_unresolved": {
        "nl": "'{query}' is niet één land of regio dat hrtoets herkent (dichtst bij: {names}); typ de naam of code van één land of regio. Er is niets geregistreerd.",
        "en": "'{query}' is not one country or region hrtoets recognises (closest: {names}); type the name or code of one country or region. Nothing was recorded.",
    },
    "register.unknown_id": {
        "nl": "Toets {id} staat niet in het register; zoek het nummer op met 'hrtoets log list'.",
        "en": "Check {id} is not in the register; look up its number with 'hrtoets log list'.",
    },
    "register.advice_which": {
        "nl": "Geef voor toets {id} precies één van --requested of --received.",
        "en": "Give exactly one of --requested or --received for check {id}.",
    },
    "register.outcome_required": {
        "nl": "Bij --received hoort het advies van de raad voor toets {id}: --outcome positive, negative of conditional.",
        "en": "--received needs the council's advice for check {id}: --outcome positive, negative or conditional.",
    },
    "register.outcome_with_request": {
        "nl": "--outcome hoort bij --received, niet bij --requested (toets {id}).",
        "en": "--outcome belongs with --received, not with --requested (check {id}).",
    },
    "register.created_via_add": {
        "nl": "Een toets wordt geregistreerd met 'hrtoets log add', niet als gebeurtenis bij toets {id}.",
        "en": "A check is recorded with 'hrtoets log add', not as an event of check {id}.",
    },
    "register.already_decided": {
        "nl": "Toets {id} is al beslist ({decision}) en dus afgesloten; registreer een nieuwe toets.",
        "en": "Check {id} is already decided ({decision}) and therefore closed; record a new check.",
    },
    "register.event_agreement_detail": {
        "nl": "overeenkomst '{template}' ({lang}) met {partner}, bestand {file} (SHA-256 {sha}…); landen: {countries}",
        "en": "agreement '{template}' ({lang}) with {partner}, file {file} (SHA-256 {sha}…); countries: {countries}",
    },
    "register.already_withdrawn": {
        "nl": "Toets {id} is ingetrokken en dus afgesloten; registreer een nieuwe toets met 'hrtoets log add'.",
        "en": "Check {id} was withdrawn and is therefore closed; record a new check with 'hrtoets log add'.",
    },
    "register.decide_without_advice": {
        "nl": "Toets {id} heeft advies nodig en er is nog geen advies gevraagd; vraag het eerst met 'hrtoets log advice {id} --requested', of beslis met --without-advice --reason \"waarom\".",
        "en": "Check {id} needs advice and none was requested; first record 'hrtoets log advice {id} --requested', or decide with --without-advice --reason \"why\".",
    },
    "register.without_advice_reason": {
        "nl": 'Een beslissing zonder advies over toets {id} heeft een reden nodig: geef --reason "waarom".',
        "en": 'A decision on check {id} without advice needs a reason: give --reason "why".',
    },
    "register.withdraw_reason": {
        "nl": 'Zeg waarom toets {id} wordt ingetrokken: geef --reason "waarom".',
        "en": 'Say why check {id} is withdrawn: give --reason "why".',
    },
    "register.other_partner": {
        "nl": "De overeenkomst noemt partner '{partner}', maar toets {id} werd geregistreerd voor '{recorded}'; maak de overeenkomst voor '{recorded}' of registreer een nieuwe toets.",
        "en": "The agreement names partner '{partner}', but check {id} was recorded for '{recorded}'; draw up the agreement for '{recorded}' or record a new check.",
    },
    "register.date_in_future": {
        "nl": "De datum {date} ligt na vandaag ({today}); wat gebeurd is, kan niet later gedateerd zijn.",
        "en": "The date {date} is after today ({today}); what happened cannot be dated later.",
    },
    "register.date_before_check": {
        "nl": "De datum {date} ligt vóór de registratie van toets {id} ({earliest}); geef een datum vanaf {earliest}.",
        "en": "The date {date} is before check {id} was recorded ({earliest}); give a date from {earliest} on.",
    },
    "register.date_before_advice": {
        "nl": "De datum {date} ligt vóór het vorige adviesmoment van toets {id} ({earliest}); geef een datum vanaf {earliest}.",
        "en": "The date {date} is before the last advice step of check {id} ({earliest}); give a date from {earliest} on.",
    },
    "register.review_first": {
        "nl": "Toets {id} noemt nog geen eenduidig land ({queries}); kijk ze eerst na met 'hrtoets log resolve {id} --country LAND', of trek de toets in met 'hrtoets log withdraw {id} --reason \"waarom\"'.",
        "en": "Check {id} names no single country yet ({queries}); resolve it first with 'hrtoets log resolve {id} --country COUNTRY', or withdraw it with 'hrtoets log withdraw {id} --reason \"why\"'.",
    },
    "register.nothing_to_resolve": {
        "nl": "Toets {id} is niet na te kijken: zijn landen zijn al getoetst; 'hrtoets log resolve' is voor rijen van 'hrtoets batch --log' zonder eenduidig land.",
        "en": "Check {id} has nothing to resolve: its countries are already screened; 'hrtoets log resolve' is for 'hrtoets batch --log' rows that named no single country.",
    },
    "register.event_resolved_detail": {
        "nl": "nu getoetst: {countries}",
        "en": "screened now: {countries}",
    },
    "register.next_resolve": {
        "nl": "Volgende stap: zeg welk land bedoeld was met 'hrtoets log resolve {id} --country LAND'.",
        "en": "Next step: say which country was meant with 'hrtoets log resolve {id} --country COUNTRY'.",
    },
    "register.verify_interrupted": {
        "nl": "Batch {id} ({name}, {kind_label}, toetsen {first} tot {last}, {date}) werd onderbroken nadat de rijen vastgelegd waren en voor de werkmap haar naam kreeg; voer 'hrtoets batch \"{source}\" --log {kind}' opnieuw uit om haar te voltooien.",
        "en": "Batch {id} ({name}, {kind_label}, checks {first} to {last}, {date}) was interrupted after its rows were recorded and before its workbook took its name; run 'hrtoets batch \"{source}\" --log {kind}' again to complete it.",
    },
    "register.already_requested": {
        "nl": "Voor toets {id} is al advies gevraagd; registreer het advies met --received.",
        "en": "Advice for check {id} was already requested; record the advice with --received.",
    },
    "register.not_requested": {
        "nl": "Voor toets {id} is nog geen advies gevraagd; registreer eerst 'hrtoets log advice {id} --requested'.",
        "en": "Advice for check {id} was not requested yet; first record 'hrtoets log advice {id} --requested'.",
    },
    # the database
    "register.bad_url": {
        "nl": "'{url}' is geen bruikbare database-URL; gebruik bijvoorbeeld sqlite:///register.sqlite of postgresql+psycopg://gebruiker@host/db.",
        "en": "'{url}' is not a usable database URL; use for example sqlite:///register.sqlite or postgresql+psycopg://user@host/db.",
    },
    "register.no_postgres_driver": {
        "nl": "Voor PostgreSQL is het stuurprogramma psycopg nodig; installeer het met: {install}",
        "en": "PostgreSQL needs the psycopg driver; install it with: {install}",
    },
    "register.no_driver": {
        "nl": "Het stuurprogramma '{module}' voor {url} is niet geïnstalleerd; installeer het of gebruik SQLite of PostgreSQL.",
        "en": "The driver '{module}' for {url} is not installed; install it or use SQLite or PostgreSQL.",
    },
    "register.unreachable": {
        "nl": "De registerdatabase {url} is niet bereikbaar ({error}); controleer --db, HRTOETS_DB of de server.",
        "en": "The register database {url} cannot be reached ({error}); check --db, HRTOETS_DB or the server.",
    },
    "register.disk_full": {
        "nl": "De registerdatabase {url} kan niet schrijven: de schijf is vol ({error}); maak ruimte vrij en probeer opnieuw. Er is niets vastgelegd.",
        "en": "The register database {url} cannot write: the disk is full ({error}); free some space and try again. Nothing was recorded.",
    },
    "register.read_only": {
        "nl": "De registerdatabase {url} is alleen-lezen ({error}); geef schrijfrechten op het bestand en zijn map, of kies een ander register met --db. Er is niets vastgelegd.",
        "en": "The register database {url} is read-only ({error}); allow writing to the file and its folder, or choose another register with --db. Nothing was recorded.",
    },
    "register.not_a_register": {
        "nl": "{url} is geen register van hrtoets: het bestand bevat tabellen van een ander programma. Kies een ander bestand met --db; hrtoets schrijft er niets in.",
        "en": "{url} is not an hrtoets register: the file holds another program's tables. Choose another file with --db; hrtoets writes nothing into it.",
    },
    "register.unusable": {
        "nl": "{url} is geen bruikbare registerdatabase ({error}); kies een andere met --db.",
        "en": "{url} is not a usable register database ({error}); choose another with --db.",
    },
    "register.tables_missing": {
        "nl": "Het register {url} is beschadigd: de tabellen {tables} ontbreken; voer 'hrtoets log verify' uit en zet het register terug uit een back-up.",
        "en": "The register {url} is damaged: its tables {tables} are missing; run 'hrtoets log verify' and restore the register from a backup.",
    },
    "register.tables_damaged": {
        "nl": "Het register {url} is beschadigd ({error}); voer 'hrtoets log verify' uit en zet het register terug uit een back-up.",
        "en": "The register {url} is damaged ({error}); run 'hrtoets log verify' and restore the register from a backup.",
    },
    "register.head_missing": {
        "nl": "Het register {url} is beschadigd: de kop van de keten (tabel register_head) is leeg, dus er kan niets geregistreerd worden; voer 'hrtoets log verify' uit en zet het register terug uit een back-up.",
        "en": "The register {url} is damaged: its chain head (table register_head) is empty, so nothing can be recorded; run 'hrtoets log verify' and restore the register from a backup.",
    },
    "register.damaged": {
        "nl": "Gebeurtenis {seq} (toets {check}) in het register is onleesbaar: ze is buiten hrtoets om gewijzigd; voer 'hrtoets log verify' uit en zet het register terug uit een back-up.",
        "en": "Event {seq} (check {check}) in the register cannot be read: it was changed behind hrtoets's back; run 'hrtoets log verify' and restore the register from a backup.",
    },
    "register.newer_schema": {
        "nl": "Het register heeft schemaversie {version}, deze hrtoets kent tot {supported}; werk hrtoets bij.",
        "en": "The register has schema version {version}, this hrtoets knows up to {supported}; upgrade hrtoets.",
    },
    # output
    "register.added": {
        "nl": "Toets {id} geregistreerd: {title} ({kind})",
        "en": "Check {id} recorded: {title} ({kind})",
    },
    "register.score": {
        "nl": "score {score} (exact {exact}, editie {edition})",
        "en": "score {score} (exact {exact}, edition {edition})",
    },
    "register.not_covered": {
        "nl": "niet in de WJP-index {edition}",
        "en": "not in the WJP index {edition}",
    },
    "register.next_request": {
        "nl": "Vraag advies aan de mensenrechtenraad en registreer het: hrtoets log advice {id} --requested",
        "en": "Ask the human-rights council for advice and record it: hrtoets log advice {id} --requested",
    },
    "register.event_recorded": {
        "nl": "Toets {id}: {event} geregistreerd (gebeurtenis {seq}); status: {status}.",
        "en": "Check {id}: {event} recorded (event {seq}); status: {status}.",
    },
    "register.list_count": {
        "nl": "De nieuwste {shown} van {total:toets|toetsen}; --all toont ze allemaal, --limit N er N.",
        "en": "The newest {shown} of {total:check|checks}; --all shows every one, --limit N shows N.",
    },
    "register.bad_limit": {
        "nl": "--limit {limit} kan niet: geef een getal vanaf 1, of --all zonder --limit.",
        "en": "--limit {limit} is not possible: give a number from 1, or --all without --limit.",
    },
    "register.none_found": {
        "nl": "Geen toetsen gevonden.",
        "en": "No checks found.",
    },
    "register.event_created_detail": {
        "nl": "toets vastgelegd",
        "en": "check and screening recorded",
    },
    "register.show_title": {
        "nl": "Toets {id}: {title} — {status}",
        "en": "Check {id}: {title} — {status}",
    },
    "register.history": {"nl": "Geschiedenis", "en": "History"},
    "register.verify_ok": {
        "nl": "Register intact: {events:gebeurtenis|gebeurtenissen} in {checks:toets|toetsen}; de keten eindigt op {head}.",
        "en": "Register intact: {events:event|events} in {checks:check|checks}; the chain ends at {head}.",
    },
    "register.verify_broken": {
        "nl": "Register niet intact vanaf gebeurtenis {seq}: {problem}. Vergelijk met een back-up.",
        "en": "Register broken from event {seq}: {problem}. Compare it with a backup.",
    },
    "register.verify_damaged": {
        "nl": "Register niet intact: {problem}. Vergelijk met een back-up.",
        "en": "Register broken: {problem}. Compare it with a backup.",
    },
    "register.export_cell_too_long": {
        "nl": "Kan {path} niet exporteren: blad {sheet}, rij {row}, kolom {column} telt {length} tekens, meer dan de {limit} die een Excel-cel bewaart; exporteer naar .json, dat alles bewaart.",
        "en": "Cannot export to {path}: sheet {sheet}, row {row}, column {column} holds {length} characters, more than the {limit} an Excel cell keeps; export to .json, which keeps everything.",
    },
    "register.export_format": {
        "nl": "Kan {path} niet exporteren: kies een bestand eindigend op {formats}.",
        "en": "Cannot export to {path}: choose a file ending in {formats}.",
    },
    "register.export_needs_output": {
        "nl": "Geef het uitvoerbestand met -o, bijvoorbeeld -o register.xlsx.",
        "en": "Give the output file with -o, for example -o register.xlsx.",
    },
    "register.exported": {
        "nl": "{checks:toets|toetsen} en {events:gebeurtenis|gebeurtenissen} geëxporteerd naar {path}.",
        "en": "Exported {checks:check|checks} and {events:event|events} to {path}.",
    },
    # hrtoets monitor
    "register.monitor.unchanged": {
        "nl": "{checks:open toets|open toetsen} ({countries:land|landen}) opnieuw getoetst tegen editie {edition}: geen oordeel veranderd ({changed}).",
        "en": "Re-screened {checks:open check|open checks} ({countries:country|countries}) against edition {edition}: no verdict changed ({changed}).",
    },
    "register.monitor.changed": {
        "nl": "{checks:open toets|open toetsen} ({countries:land|landen}) opnieuw getoetst tegen editie {edition}: {changed:oordeel|oordelen} veranderd.",
        "en": "Re-screened {checks:open check|open checks} ({countries:country|countries}) against edition {edition}: {changed:verdict|verdicts} changed.",
    },
    "register.monitor.line": {
        "nl": "  Toets {id} ({title}), {country} ({iso3}): {old_edition} {old_score} (exact {old_exact}) → {new_edition} {new_score} (exact {new_exact}): nu {verdict}",
        "en": "  Check {id} ({title}), {country} ({iso3}): {old_edition} {old_score} (exact {old_exact}) → {new_edition} {new_score} (exact {new_exact}): now {verdict}",
    },
    "register.monitor.next": {
        "nl": "Bekijk deze toetsen met 'hrtoets log show ID' en vraag zo nodig (opnieuw) advies.",
        "en": "Review these checks with 'hrtoets log show ID' and ask for advice (again) where needed.",
    },
}
