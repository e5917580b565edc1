"""``--help`` and Click's own messages in Dutch.

The commands' help is written in English in the code, where Typer reads it; this module holds the
Dutch text for each, keyed by the English text with its whitespace folded (what gettext calls the
msgid). ``tests/test_help_language.py`` walks every command and fails on a help text without a
Dutch one here, and on a Dutch one no command uses any more.

Click's usage errors ("Missing argument 'COUNTRY'.", "No such command 'chek'.") are translated by
pattern, in :data:`CLICK_MESSAGES`; the words of the help page itself (Usage, Options, [required])
in :data:`CLICK_WORDS`.
"""

from __future__ import annotations

from typing import Final

# (English as in the code, Dutch)
_HELP: Final[tuple[tuple[str, str], ...]] = (
    # hrtoets
    (
        "Screen international contacts for human-rights risk the way the City of Ghent does.",
        "Toets internationale contacten op mensenrechtenrisico's zoals de Stad Gent dat doet.",
    ),
    ("Show the full traceback of an error.", "Toon bij een fout de volledige traceback."),
    ("Show the version and exit.", "Toon de versie en stop."),
    ("Install completion for the current shell.", "Installeer aanvullen met Tab voor deze shell."),
    (
        "Show completion for the current shell, to copy it or customize the installation.",
        "Toon het aanvullen voor deze shell, om het te kopiëren of de installatie aan te passen.",
    ),
    ("Show this message and exit.", "Toon deze hulp en stop."),
    (
        "Exit codes: 0 ok; 1 a finding (a broken register chain, a changed verdict); 2 bad input "
        "or usage; 130 interrupted (Ctrl-C); 143 stopped (SIGTERM). Scores: WJP Rule of Law Index, "
        "World Justice Project.",
        "Afsluitcodes: 0 in orde; 1 een bevinding (een gebroken registerketen, een veranderd "
        "oordeel); 2 foute invoer of een fout gebruik; 130 onderbroken (Ctrl-C); 143 gestopt "
        "(SIGTERM). Scores: WJP Rule of Law Index, World Justice Project.",
    ),
    # check
    (
        "Does a contact with COUNTRY need the human-rights council's advice?\n\nExit code 0 for "
        "a recognised country or region (whichever the verdict; a region always needs advice), 2 "
        "when the input names no single place (the output then suggests or lists candidates).",
        "Heeft een contact met LAND het advies van de mensenrechtenraad nodig?\n\nAfsluitcode 0 "
        "voor een herkend land of een herkende regio (wat het oordeel ook is; een regio vraagt "
        "altijd advies), 2 als de invoer geen enkele plaats noemt (hrtoets stelt dan iets voor of "
        "somt de mogelijkheden op).",
    ),
    (
        "Country: a Dutch, English, French or German name, or an ISO code (several words need no "
        "quotes: hrtoets check Zuid Afrika).",
        "Land: een Nederlandse, Engelse, Franse of Duitse naam, of een ISO-code (meerdere woorden "
        "zonder aanhalingstekens: hrtoets check Zuid Afrika).",
    ),
    (
        "Language of the output: nl or en (default: HRTOETS_LANG, config.toml, then nl).",
        "Taal van de uitvoer: nl of en (standaard: HRTOETS_LANG, config.toml, anders nl).",
    ),
    (
        "Print one JSON document on stdout, with stable English keys.",
        "Schrijf één JSON-document naar stdout, met vaste Engelse sleutels.",
    ),
    (
        "WJP edition to use, e.g. 2024 (default: the latest).",
        "De WJP-editie, bv. 2024 (standaard: de laatste).",
    ),
    (
        "The kind of contact, to tailor the next step: delegation-in, delegation-out, network, "
        "partnership, procurement or other (the Dutch labels work too).",
        "De soort contact, voor de juiste volgende stap: delegatie ontvangen, delegatie naar het "
        "buitenland, netwerk, partnerschap, aankoop of ander contact (of de Engelse codes).",
    ),
    # batch
    (
        "Screen every row of a partner list and write INPUT.screened.xlsx beside it.\n\nAdds the "
        "matched country, ISO3, WJP score, edition, whether advice is needed, the reason and a "
        "note to every row; unrecognised, ambiguous and empty values need advice and are flagged "
        "for review. A second sheet sums it up. The input is never modified. With --log KIND "
        "every row is also recorded in the register, in one transaction, once the workbook is "
        "written and before it takes its name: if either fails, neither is kept. A batch that was "
        "stopped between the two is completed by running it again; a list already recorded as "
        "KIND needs --again.",
        "Toets elke rij van een partnerlijst en schrijf INVOER.getoetst.xlsx ernaast.\n\nElke rij "
        "krijgt het herkende land of de regio, de code, de WJP-score, de editie, of advies nodig "
        "is, de reden en een opmerking; niet herkende, dubbelzinnige en lege waarden vragen advies "
        "en worden gemarkeerd om na te kijken. Een tweede blad vat samen. De invoer wordt nooit "
        "gewijzigd. Met --log SOORT wordt elke rij ook in het register vastgelegd, in één "
        "transactie, zodra de werkmap geschreven is en voor ze haar naam krijgt: mislukt een van "
        "beide, dan blijft geen van beide. Een batch die tussen die twee gestopt werd, voltooi je "
        "door hem opnieuw uit te voeren; een lijst die al als SOORT vastgelegd is, vraagt --again.",
    ),
    (
        "Partner list: an Excel workbook (.xlsx) or a CSV file.",
        "Partnerlijst: een Excel-werkmap (.xlsx) of een CSV-bestand.",
    ),
    ("Output file.", "Uitvoerbestand."),
    ("Sheet to read (default: the first).", "Het blad om te lezen (standaard: het eerste)."),
    (
        "Header of the country column (default: found by header or content).",
        "Kop van de landenkolom (standaard: gevonden aan de kop of de inhoud).",
    ),
    ("Overwrite an existing output file.", "Overschrijf een bestaand uitvoerbestand."),
    (
        "Also record every row as a check of this kind in the register (delegation-in, "
        "delegation-out, network, partnership, procurement, other).",
        "Leg elke rij ook vast als toets van deze soort in het register (delegatie ontvangen, "
        "delegatie naar het buitenland, netwerk, partnerschap, aankoop, ander contact).",
    ),
    (
        "The guiding question's answer: yes, no or unsure (required for the four council kinds in "
        "the register; asked when a terminal is attached).",
        "Het antwoord op de richtvraag: ja, nee of twijfel (verplicht voor de vier soorten waarover "
        "de raad adviseert; in een terminal vraagt hrtoets het zelf).",
    ),
    (
        "Who records this in the register (default: config.toml officer, else the OS user).",
        "Wie dit in het register vastlegt (standaard: officer in config.toml, anders je "
        "gebruikersnaam).",
    ),
    (
        "With --log: record the rows even if this list was recorded as this kind before.",
        "Met --log: leg de rijen vast, ook als deze lijst al eerder als deze soort vastgelegd werd.",
    ),
    (
        "Register database as an SQLAlchemy URL (default: HRTOETS_DB, then SQLite in "
        "HRTOETS_HOME).",
        "De registerdatabase als SQLAlchemy-URL (standaard: HRTOETS_DB, anders SQLite in "
        "HRTOETS_HOME).",
    ),
    # index
    (
        "The WJP Rule of Law Index: import, update, inspect, list, switch, compare.",
        "De WJP Rule of Law Index: importeren, bijwerken, bekijken, oplijsten, wisselen, "
        "vergelijken.",
    ),
    (
        "Import the WJP historical data workbook into the project's own CSV format.",
        "Importeer de historische werkmap van WJP in het eigen CSV-formaat van hrtoets.",
    ),
    ("The WJP historical data workbook (.xlsx).", "De historische werkmap van WJP (.xlsx)."),
    (
        "Folder for wjp_index.csv and wjp_index.json (default: HRTOETS_HOME/index/<edition>).",
        "Map voor wjp_index.csv en wjp_index.json (standaard: HRTOETS_HOME/index/<editie>).",
    ),
    (
        "Make the imported edition the active index (only without --output).",
        "Maak de geïmporteerde editie de actieve index (alleen zonder --output).",
    ),
    (
        "Which index is active: edition, countries, origin, source, its SHA-256, import time.",
        "Welke index actief is: editie, landen, herkomst, bron, SHA-256, tijdstip van import.",
    ),
    (
        "All countries of an edition with their published score and verdict, best first.",
        "Alle landen van een editie met hun gepubliceerde score en oordeel, de beste eerst.",
    ),
    (
        "Only countries whose WJP region contains this text (Dutch or English, any case).",
        "Alleen landen waarvan de WJP-regio deze tekst bevat (Nederlands of Engels, hoofdletters "
        "maken niet uit).",
    ),
    ("Only countries that need advice.", "Alleen landen die advies vragen."),
    (
        "Download WJP's historical data workbook, validate it and make it the active index.\n\n"
        "On any failure the active index stays as it was and nothing is left behind (exit code 2).",
        "Download de historische werkmap van WJP, controleer ze en maak ze de actieve index.\n\n"
        "Bij elke fout blijft de actieve index zoals hij was en blijft er niets achter "
        "(afsluitcode 2).",
    ),
    (
        "Download from this address instead of index_url in config.toml.",
        "Download van dit adres in plaats van index_url in config.toml.",
    ),
    (
        "Use a workbook downloaded by hand instead of downloading.",
        "Gebruik een zelf gedownloade werkmap in plaats van te downloaden.",
    ),
    (
        "The edition to fetch, e.g. 2025 (default: this year's, published in autumn).",
        "De editie om op te halen, bv. 2025 (standaard: die van dit jaar, in het najaar "
        "gepubliceerd).",
    ),
    (
        "Seconds one attempt may take in all: connecting and every byte.",
        "Seconden die één poging in totaal mag duren: verbinden en elke byte.",
    ),
    (
        "New attempts after a network error or server error.",
        "Nieuwe pogingen na een netwerk- of serverfout.",
    ),
    (
        "The indexes kept in HRTOETS_HOME (and the bundled one), marking the active one.",
        "De indexen in HRTOETS_HOME (en de meegeleverde), met de actieve aangeduid.",
    ),
    (
        "Switch the active index to a stored edition or back to the bundled one (a rollback).",
        "Maak een bewaarde editie de actieve index, of keer terug naar de meegeleverde.",
    ),
    (
        "A stored edition (2026), a stored name (2026-1a2b3c4d; see 'hrtoets index history') or "
        "'bundled'.",
        "Een bewaarde editie (2026), een bewaarde naam (2026-1a2b3c4d; zie 'hrtoets index "
        "history') of 'bundled'.",
    ),
    (
        "Which countries' verdicts change between two editions, borderline cases, largest moves.",
        "Welke landen van oordeel veranderen tussen twee edities, grensgevallen, grootste "
        "verschuivingen.",
    ),
    (
        "Earlier edition: 2024 (of the active index) or INDEX:EDITION, e.g. bundled:2024 "
        "(default: the edition before --to).",
        "De vroegere editie: 2024 (van de actieve index) of INDEX:EDITIE, bv. bundled:2024 "
        "(standaard: de editie voor --to).",
    ),
    (
        "Later edition, same form (default: the active index's latest).",
        "De latere editie, in dezelfde vorm (standaard: de laatste van de actieve index).",
    ),
    ("How many largest moves to show.", "Hoeveel grootste verschuivingen te tonen."),
    # log
    (
        "The register of checks: record them, follow the council's advice, verify, export.",
        "Het register van toetsen: vastleggen, het advies van de raad opvolgen, nagaan, "
        "exporteren.",
    ),
    (
        "Screen the countries today and record the check in the register.",
        "Toets de landen vandaag en leg de toets vast in het register.",
    ),
    (
        "The kind of contact: delegation-in, delegation-out, network, partnership, procurement or "
        "other (the Dutch labels work too).",
        "De soort contact: delegatie ontvangen, delegatie naar het buitenland, netwerk, "
        "partnerschap, aankoop of ander contact (of de Engelse codes).",
    ),
    ("Title or purpose of the contact.", "Titel of doel van het contact."),
    (
        "A country; repeat it for a trip to several countries.",
        "Een land; herhaal de optie voor een reis naar meerdere landen.",
    ),
    ("The partner or supplier.", "De partner of leverancier."),
    ("The city department.", "De dienst van de Stad."),
    (
        "Planned date: DD/MM/YYYY or YYYY-MM-DD.",
        "Geplande datum: DD/MM/JJJJ of JJJJ-MM-DD.",
    ),
    ("A note kept with the record.", "Een notitie bij de toets."),
    (
        "Record that advice was requested, or received with its outcome.",
        "Leg vast dat advies gevraagd werd, of ontvangen, met de uitkomst.",
    ),
    ("The check's id (see hrtoets log list).", "Het nummer van de toets (zie hrtoets log list)."),
    ("Advice was asked of the council.", "Het advies werd aan de raad gevraagd."),
    ("The council advised.", "De raad heeft geadviseerd."),
    (
        "With --received: positive, negative or conditional (the Dutch labels work too).",
        "Met --received: positief, negatief of voorwaardelijk.",
    ),
    (
        "When it happened: DD/MM/YYYY or YYYY-MM-DD (default: today).",
        "Wanneer het gebeurde: DD/MM/JJJJ of JJJJ-MM-DD (standaard: vandaag).",
    ),
    (
        "Record the city's decision; the check is closed after it.\n\nA check that needs advice "
        "is decided only after advice was requested, or with --without-advice --reason TEXT, "
        "which every view and export then shows.",
        "Leg de beslissing van de Stad vast; daarna is de toets afgesloten.\n\nOver een toets die "
        "advies vraagt, beslis je pas nadat advies gevraagd werd, of met --without-advice --reason "
        "TEKST, wat elke weergave en elke export dan toont.",
    ),
    (
        "What the city decided: go, no-go or adjusted (the Dutch labels work too).",
        "Wat de Stad besliste: doorgaan, niet doorgaan of aangepast doorgaan.",
    ),
    (
        "Decide a check that needs advice although no advice was asked (needs --reason).",
        "Beslis over een toets die advies vraagt, hoewel geen advies gevraagd werd (vraagt "
        "--reason).",
    ),
    (
        "Why the decision was taken without advice.",
        "Waarom zonder advies beslist werd.",
    ),
    (
        "Withdraw a check recorded in error; it stays in the register, marked withdrawn.",
        "Trek een per vergissing vastgelegde toets in; hij blijft in het register, als "
        "ingetrokken.",
    ),
    ("Why the check is withdrawn (required).", "Waarom de toets ingetrokken wordt (verplicht)."),
    (
        "Screen a check that is to be reviewed (a batch row that named no single country).",
        "Toets een toets die na te kijken is (een batchrij die geen eenduidig land noemde).",
    ),
    (
        "The country the row meant (repeat for several); screened now.",
        "Het land dat de rij bedoelde (herhaal voor meerdere); nu getoetst.",
    ),
    ("Only this kind.", "Alleen deze soort."),
    (
        "Show the newest N checks (default: 50 in the table, every one with --json).",
        "Toon de nieuwste N toetsen (standaard: 50 in de tabel, allemaal met --json).",
    ),
    ("Show every check.", "Toon elke toets."),
    (
        "List the checks in the register, optionally filtered; the table shows the newest 50.",
        "Som de toetsen in het register op, eventueel gefilterd; de tabel toont de nieuwste 50.",
    ),
    ("Only checks recorded in this year.", "Alleen toetsen die in dit jaar vastgelegd werden."),
    ("Only checks with this country.", "Alleen toetsen met dit land."),
    (
        "Only checks that need advice (or that do not).",
        "Alleen toetsen die advies vragen (of die dat niet doen).",
    ),
    (
        "Status: open, advice-requested, advice-received, decided, not-needed, withdrawn or "
        "to-review (the Dutch labels work too).",
        "Status: open, advies gevraagd, advies ontvangen, beslist, geen advies nodig, ingetrokken "
        "of na te kijken (of de Engelse codes).",
    ),
    (
        "Only checks whose title, partner, department or note contains this text (case and "
        "accents ignored).",
        "Alleen toetsen waarvan titel, partner, dienst of notitie deze tekst bevat (hoofdletters "
        "en accenten maken niet uit).",
    ),
    ("Show one check and its full event history.", "Toon één toets met al zijn gebeurtenissen."),
    (
        "Walk the hash chain: exit 0 when intact, 1 naming the first broken event.\n\nAlso exit "
        "1, the chain intact, when a batch --log was stopped after its rows were recorded and "
        "before its workbook took its name: the sentence says which and how to complete it.",
        "Loop de hashketen na: afsluitcode 0 als ze intact is, 1 met de eerste gebroken "
        "gebeurtenis.\n\nOok afsluitcode 1, met de keten intact, als een batch --log gestopt werd "
        "nadat de rijen vastgelegd waren en voor de werkmap haar naam kreeg: de zin zegt welke en "
        "hoe je ze voltooit.",
    ),
    (
        "Export every check and event to FILE.xlsx, .csv or .json.",
        "Exporteer elke toets en gebeurtenis naar BESTAND.xlsx, .csv of .json.",
    ),
    # clause
    (
        "Agreements that carry the human-rights clause: list, show, render (also mail merge).",
        "Overeenkomsten met de mensenrechtenclausule: oplijsten, tonen, opmaken (ook als "
        "mailmerge).",
    ),
    (
        "The agreement templates, their languages and where each comes from.",
        "De sjablonen voor overeenkomsten, hun talen en waar elk vandaan komt.",
    ),
    (
        "Preview an agreement as text, with placeholders for the partner and the countries.",
        "Bekijk een overeenkomst als tekst, met plaatshouders voor de partner en de landen.",
    ),
    (
        "Template: partnership, network, delegation-in (receiving a delegation), delegation-out "
        "(a city delegation abroad), procurement or clause.",
        "Sjabloon: partnership, network, delegation-in (een delegatie ontvangen), delegation-out "
        "(een delegatie van de Stad naar het buitenland), procurement of clause.",
    ),
    ("Print the Jinja2 template instead of a preview.", "Toon het Jinja2-sjabloon zelf."),
    (
        "Write an agreement with the human-rights clause; the format follows the -o extension.\n\n"
        "Each --country is screened: when advice is needed the agreement is still written, and "
        "the terminal says to ask the human-rights council first. With --rows and --out-dir: one "
        "agreement per row, the columns giving the variables (partner, country, …). With --log "
        "the agreement (template, language, partner, countries, file and SHA-256) is recorded in "
        "the register.",
        "Schrijf een overeenkomst met de mensenrechtenclausule; het formaat volgt de extensie van "
        "-o.\n\nElk --country wordt getoetst: als advies nodig is, wordt de overeenkomst toch "
        "geschreven en zegt de terminal dat je eerst de mensenrechtenraad raadpleegt. Met --rows "
        "en --out-dir: één overeenkomst per rij, de kolommen geven de variabelen (partner, land, "
        "…). Met --log wordt de overeenkomst (sjabloon, taal, partner, landen, bestand en "
        "SHA-256) in het register vastgelegd.",
    ),
    ("The partner, network or supplier.", "De partner, het netwerk of de leverancier."),
    (
        "A country of the contact (repeatable); each is screened.",
        "Een land van het contact (herhaalbaar); elk wordt getoetst.",
    ),
    (
        "A template variable as key=value (repeatable).",
        "Een sjabloonvariabele als sleutel=waarde (herhaalbaar).",
    ),
    ("Variables from a .toml or .json file.", "Variabelen uit een .toml- of .json-bestand."),
    (
        "Mail merge: one agreement per row of this .xlsx or .csv.",
        "Mailmerge: één overeenkomst per rij van deze .xlsx of .csv.",
    ),
    ("Mail merge: the sheet (default: the first).", "Mailmerge: het blad (standaard: het eerste)."),
    (
        "Mail merge: the header of the country column (default: found by header or content, as "
        "batch finds it).",
        "Mailmerge: de kop van de landenkolom (standaard: gevonden aan de kop of de inhoud, zoals "
        "batch ze vindt).",
    ),
    ("Mail merge: the folder to write into.", "Mailmerge: de map om in te schrijven."),
    ("Mail merge: the output format.", "Mailmerge: het uitvoerformaat."),
    (
        "Record the agreement in the register (a new check, or --check).",
        "Leg de overeenkomst vast in het register (een nieuwe toets, of --check).",
    ),
    ("With --log: the check to record it on.", "Met --log: de toets waarbij ze hoort."),
    (
        "With --log, for a new check: its kind (default: from the template; a template of your "
        "own needs it).",
        "Met --log, voor een nieuwe toets: de soort (standaard: volgens het sjabloon; een eigen "
        "sjabloon vraagt ze).",
    ),
    # report
    (
        "Write the yearly report: checks, advice, decisions, agreements and countries of a "
        "period.\n\nComputed from the register alone (--db as for log); the register's integrity "
        "comes first. Exit code 1 when the register is not intact.",
        "Schrijf het jaarverslag: toetsen, adviezen, beslissingen, overeenkomsten en landen van "
        "een periode.\n\nBerekend uit het register alleen (--db zoals bij log); de integriteit van "
        "het register staat voorop. Afsluitcode 1 als het register niet intact is.",
    ),
    (
        "The report: FILE.html, .xlsx, .md or .json.",
        "Het verslag: BESTAND.html, .xlsx, .md of .json.",
    ),
    ("The calendar year to report on.", "Het kalenderjaar van het verslag."),
    (
        "First day of the period: DD/MM/YYYY or YYYY-MM-DD.",
        "Eerste dag van de periode: DD/MM/JJJJ of JJJJ-MM-DD.",
    ),
    (
        "Last day of the period (default: today).",
        "Laatste dag van de periode (standaard: vandaag).",
    ),
    (
        "The day the report is made as of, to make it again exactly later.",
        "De dag waarop het verslag gemaakt wordt, om het later precies opnieuw te maken.",
    ),
    (
        "Open checks older than this are overdue.",
        "Open toetsen die ouder zijn dan dit, zijn te laat.",
    ),
    # monitor, config
    (
        "Re-screen every check that is not decided against the active index; list changed "
        "verdicts.\n\nExit code 0 when no verdict changed, 1 when one did.",
        "Toets elke toets waarover nog niet beslist is opnieuw tegen de actieve index; som de "
        "veranderde oordelen op.\n\nAfsluitcode 0 als geen oordeel veranderde, 1 als er een "
        "veranderde.",
    ),
    (
        "Where hrtoets keeps its state, and its settings.",
        "Waar hrtoets zijn gegevens bewaart, en zijn instellingen.",
    ),
    (
        "Show HRTOETS_HOME, config.toml and every effective setting with where it came from.",
        "Toon HRTOETS_HOME, config.toml en elke geldende instelling met haar herkomst.",
    ),
    (
        "Write a commented config.toml in HRTOETS_HOME (an existing one only with --force).",
        "Schrijf een config.toml met uitleg in HRTOETS_HOME (een bestaande alleen met --force).",
    ),
)


def folded(text: str) -> str:
    """The key a help text is looked up by: its words, whitespace folded."""
    return " ".join(text.split())


HELP_NL: Final[dict[str, str]] = {folded(en): nl for en, nl in _HELP}

# The words of a help page and of a usage error.
CLICK_WORDS: Final[dict[str, str]] = {
    "Usage: ": "Gebruik: ",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Commando's",
    "[required]": "[verplicht]",
    "default": "standaard",
}

# Placeholders in a usage line and an option list.
METAVARS_NL: Final[dict[str, str]] = {
    "[OPTIONS]": "[OPTIES]",
    "COMMAND": "COMMANDO",
    "[ARGS]": "[ARGUMENTEN]",
    "COUNTRY": "LAND",
    "INPUT": "INVOER",
    "KIND": "SOORT",
    "NAME": "NAAM",
    "KEY=VALUE": "SLEUTEL=WAARDE",
    "WORKBOOK": "WERKMAP",
    "FILE": "BESTAND",
    "<str>": "<tekst>",
    "<list[str]>": "<tekst>",
    "<int>": "<getal>",
    "<float>": "<getal>",
    "<path>": "<pad>",
    "<bool>": "<ja|nee>",
}

# Click's and Typer's usage errors: (pattern of the English message, Dutch form). Named groups
# carry over; a group named ``inner`` is translated again with :data:`CLICK_REASONS`.
CLICK_MESSAGES: Final[tuple[tuple[str, str], ...]] = (
    (r"No such command '(?P<name>.+?)'\.(?: Did you mean (?P<near>.+)\?)?", "unknown_command"),
    (r"Missing argument '(?P<name>.+)'\.", "missing_argument"),
    (r"Missing option '(?P<name>.+)'\.", "missing_option"),
    (r"Missing parameter: (?P<name>.+)", "missing_parameter"),
    (r"Missing command\.", "missing_command"),
    (r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<near>.+)\))?", "unknown_option"),
    (r"No such option: (?P<name>\S+) Did you mean (?P<near>.+)\?", "unknown_option"),
    (r"Option '(?P<name>.+)' requires an argument\.", "option_needs_value"),
    (r"Option '(?P<name>.+)' requires (?P<count>\d+) arguments\.", "option_needs_values"),
    (r"Option '(?P<name>.+)' does not take a value\.", "option_takes_no_value"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.+)\)", "extra_arguments"),
    (r"Invalid value for (?P<name>.+?): (?P<inner>.+)", "invalid_value_for"),
    (r"Invalid value: (?P<inner>.+)", "invalid_value"),
)
CLICK_REASONS: Final[tuple[tuple[str, str], ...]] = (
    (r"Input should be a valid integer.*", "not_an_integer"),
    (r"Input should be a valid number.*", "not_a_number"),
    (r"Input should be a valid boolean.*", "not_a_boolean"),
    (r"(?:Value error, )?(?P<value>'.*') is not one of (?P<choices>.+)\.", "not_one_of"),
    (r"(?:File|Path|Directory) (?P<path>'.+') does not exist\.", "path_missing"),
    (r"(?:File|Path) (?P<path>'.+') is a directory\.", "path_is_folder"),
    (r"(?:Directory|Path) (?P<path>'.+') is a file\.", "path_is_file"),
)


MESSAGES: Final[dict[str, dict[str, str]]] = {
    "click.error": {"nl": "Fout", "en": "Error"},
    "click.aborted": {"nl": "Afgebroken!", "en": "Aborted!"},
    "click.try_help": {"nl": "Typ '{command}' voor hulp.", "en": "Try '{command}' for help."},
    "click.unknown_command": {
        "nl": "Onbekend commando '{name}'.",
        "en": "No such command '{name}'.",
    },
    "click.unknown_command_near": {
        "nl": "Onbekend commando '{name}'. Bedoel je {near}?",
        "en": "No such command '{name}'. Did you mean {near}?",
    },
    "click.missing_argument": {
        "nl": "Argument '{name}' ontbreekt.",
        "en": "Missing argument '{name}'.",
    },
    "click.missing_option": {"nl": "Optie '{name}' ontbreekt.", "en": "Missing option '{name}'."},
    "click.missing_parameter": {
        "nl": "Parameter {name} ontbreekt.",
        "en": "Missing parameter: {name}",
    },
    "click.missing_command": {"nl": "Geef een commando.", "en": "Missing command."},
    "click.unknown_option": {"nl": "Onbekende optie: {name}", "en": "No such option: {name}"},
    "click.unknown_option_near": {
        "nl": "Onbekende optie: {name} (bedoel je een van {near}?)",
        "en": "No such option: {name} (Possible options: {near})",
    },
    "click.option_needs_value": {
        "nl": "Optie '{name}' vraagt een waarde.",
        "en": "Option '{name}' requires an argument.",
    },
    "click.option_needs_values": {
        "nl": "Optie '{name}' vraagt {count} waarden.",
        "en": "Option '{name}' requires {count} arguments.",
    },
    "click.option_takes_no_value": {
        "nl": "Optie '{name}' neemt geen waarde.",
        "en": "Option '{name}' does not take a value.",
    },
    "click.extra_arguments": {
        "nl": "Onverwacht extra argument ({args}).",
        "en": "Got unexpected extra argument(s) ({args})",
    },
    "click.invalid_value_for": {
        "nl": "Ongeldige waarde voor {name}: {inner}",
        "en": "Invalid value for {name}: {inner}",
    },
    "click.invalid_value": {"nl": "Ongeldige waarde: {inner}", "en": "Invalid value: {inner}"},
    "click.not_an_integer": {
        "nl": "geef een geheel getal",
        "en": "Input should be a valid integer",
    },
    "click.not_a_number": {"nl": "geef een getal", "en": "Input should be a valid number"},
    "click.not_a_boolean": {"nl": "geef ja of nee", "en": "Input should be a valid boolean"},
    "click.not_one_of": {
        "nl": "{value} is geen van {choices}.",
        "en": "{value} is not one of {choices}.",
    },
    "click.path_missing": {"nl": "{path} bestaat niet.", "en": "{path} does not exist."},
    "click.path_is_folder": {"nl": "{path} is een map.", "en": "{path} is a directory."},
    "click.path_is_file": {"nl": "{path} is een bestand.", "en": "{path} is a file."},
}
