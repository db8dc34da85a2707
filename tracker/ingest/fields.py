"""Extracting incident attributes from sentences: interference type, flight phase, aircraft,
operator, flight number, effects and suspected source.

Each extractor takes the sentences that describe one incident and returns the value with the
sentence it came from (the evidence), or ``None``. Values we write ourselves (effects) are short
neutral phrases built from cue words, never copied sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

#: The location of an incident that only a route names, placed at the route's midpoint.
ROUTE_LOCATION = "En route between {origin} and {destination}"


__all__ = [
    "GNSS_TERM",
    "PROBLEM_TERM",
    "AVIATION_TERM",
    "VEHICLE_TERM",
    "Found",
    "interference_type",
    "flight_phase",
    "aircraft",
    "operator",
    "flight_number",
    "effects",
    "suspected_source",
]

#: (value, evidence sentence)
Found = tuple[str, str]

GNSS_TERM = re.compile(
    r"\b(?:GPS|GNSS|GLONASS|Galileo|BeiDou|sat-?nav|satellite[- ]navigation"
    r"|satellite[- ]positioning"
    r"|satellite signals?|navigation signals?|positioning signals?|navigation systems?|RNAV|RNP|"
    r"position(?:ing)? data|EGNOS|WAAS)\b",
    re.I,
)
PROBLEM_TERM = re.compile(
    r"\b(?:jam\w*|spoof\w*|interfer\w*|disrupt\w*|disturb\w*|outages?|lost|loss|losing|loses|lose"
    r"|unreliable|degrad\w*|block(?:s|ed|ing)|fake|false|bogus|glitch\w*|anomal\w*|went dark"
    r"|dropped out"
    r"|unavailable|denied"
    r"|not available|failed|failure|jumped|problems?|problematic|issues?|irregularit\w*|meaconing"
    r"|MAY NOT BE AVBL"
    r"|RFI|warnings?|errors?|faults?|offset|wrong|incorrect|erroneous|inaccurate|shifted|displaced"
    r"|disabled|knock(?:s|ed|ing)? out|switched off|blacked out|blackout|cut off|malfunction\w*"
    r"|disappear\w*|vanish\w*"
    # "had to land without GPS signal"
    r"|without(?=\s+(?:a\s+|any\s+|the\s+)?(?:GPS|GNSS|satellite)\b))\b",
    re.I,
)
JAM_TERM = re.compile(
    r"\b(?:jam(?:m(?:ing|ed|er|ers))?|jams|GPS (?:interference )?test(?:ing|s)?|declared tests?"
    # Radio (frequency) interference aimed at a receiver is noise transmitted on its band.
    r"|radio[- ](?:frequency |electronic )?interference|RF interference)\b",
    re.I,
)
# Losing the signal (rather than getting a wrong position) is what jamming does (EASA SIB 2022-02).
SIGNAL_LOSS = re.compile(
    r"\b(?:lost (?:the |its |their |all |both )?(?:GPS|GNSS|satellite)(?: navigation| signals?"
    r"| reception)?"
    r"|loss of (?:the )?(?:GPS|GNSS|satellite)|(?:GPS|GNSS) (?:signals? )?(?:was |were )?(?:lost"
    r"|went dark|"
    r"dropped out|disappeared)|(?:GPS|GNSS) (?:1\+2|1 and 2|primary) (?:fault|lost)"
    r"|no GPS signal|disappearance of (?:the )?(?:GPS |GNSS |satellite )?signals?"
    r"|(?:GPS|GNSS|satellite) signals? (?:disappear\w*|vanish\w*))\b",
    re.I,
)
SPOOF_TERM = re.compile(
    r"\b(?:spoof\w*|meaconing|(?:fake|false|counterfeit|bogus) (?:gps |gnss |satellite "
    r"|navigation )?"
    r"(?:signals?|positions?|coordinates)|false (?:position|location)"
    r"\w*|(?:position|location) (?:jumped|shifted)|showed (?:the )?(?:aircraft|plane|us|them) "
    r"(?:at|over|in)|false (?:terrain|gpws|egpws|taws)|pull up)\b",
    re.I,
)
#: Aircraft makers whose name alone stands for one of their aircraft ("a Cessna lost GPS").
MAKERS = (
    r"Boeing|Airbus|Embraer|ATR|Bombardier|Cessna|Piper|Beechcraft|Gulfstream|Learjet|Pilatus|"
    r"Dassault|Antonov|Tupolev|Ilyushin|Sukhoi"
)
#: Aircraft that carry patients: the words name an aircraft ("an air ambulance lost GPS").
AIR_AMBULANCE = r"air[- ]ambulances?|medevac|ambulance (?:planes?|aircraft|jets?|helicopters?)"
AVIATION_TERM = re.compile(
    r"\b(?:flights?|plane|planes|airplanes?|aeroplanes?|aircraft|airliners?|jets?|jetliner|pilots?|crews?|cockpit"
    r"|airports?"
    r"|airlines?|airways|landing|landed|approach(?:ing)?|runway|air traffic|ATC|airspace|FIR|NOTAM"
    r"|take-?off|en route|en-route|cruise|FMS|IRS|EGPWS|TAWS|GPWS|autopilot|flight deck|Boeing|"
    r"Airbus|Embraer|Bombardier|ATR|Cessna|helicopters?|FL\s?\d{2,3}|aviation|passengers|"
    r"captain|first officer|air force|airbase|air base|Dash 8|turboprop|business jet|UAVs?|"
    r"unmanned aerial vehicles?|" + AIR_AMBULANCE + r")\b",
    re.I,
)
#: Words that name the affected aircraft or crew: a sentence with one is about a specific event.
VEHICLE_TERM = re.compile(
    r"\b(?:flights?|planes?|airplanes?|aeroplanes?|aircraft|airliners?|jets?|jetliners?|pilots?"
    r"|crews?|captain|helicopters?|we|our|"
    r"turboprop|airport|airports|" + MAKERS + "|" + AIR_AMBULANCE + r"|"
    r"FMS|IRS|EGPWS|GPWS|TAWS|approach|"
    r"landing|cockpit|air traffic|airspace|(?:civil|commercial) aviation|UAV|[A-Z]{2}\d{2,4})\b",
    re.I,
)


def _first(sentences: Iterable[str], pattern: re.Pattern[str]) -> tuple[re.Match[str], str] | None:
    for sentence in sentences:
        match = pattern.search(sentence)
        if match:
            return match, sentence
    return None


#: "jamming and spoofing", "GPS jamming or spoofing", "jamming, spoofing": the two names given
#: together name the phenomenon (an explainer, a trend), not what this aircraft met.
_TYPE_PAIR = re.compile(
    r"\b(?P<one>jamming|spoofing|interference)[\"'\u201d\u2019]?(?:\s+[\w-]+){0,3}?\s*"
    r"(?:,|/|\band(?:/or)?\b|\bor\b)\s*"
    # "jamming and, more recently, signal spoofing": an aside between the two.
    r"(?:,\s*[\w\s-]{1,25}?,\s*)?"
    r"(?:(?:in|of|GPS|GNSS|signal|satellite)\s+){0,2}"
    r"[\"'\u201c\u2018]?(?P<two>jamming|spoofing|interference)\b",
    re.I,
)


#: A kind named only to set the other against it: "unlike jamming, which blocks the signal,
#: spoofing ...", "not jamming but spoofing", "rather than jamming".
_CONTRASTED = re.compile(
    r"\b(?:unlike|rather\s+than|as\s+opposed\s+to|compared\s+(?:with|to)|not)\s+"
    r"(?:(?:GPS|GNSS|signal|simple|mere|plain)\s+)?(?:jamming|spoofing)\b",
    re.I,
)


def _without_type_pairs(sentence: str) -> str:
    # "Spoofing and interference", "jamming or spoofing": the phenomenon's names, not a kind.
    return _TYPE_PAIR.sub(
        lambda m: m.group(0) if m["one"].lower() == m["two"].lower() else "GNSS",
        sentence,
    )


def interference_type(
    sentences: list[str], particular: Callable[[str], object] | None = None
) -> Found:
    """``jamming``, ``spoofing``, ``both`` or ``unknown`` from the incident's own sentences.

    Jamming and spoofing named together as a pair ("a rise in jamming and spoofing") say what
    the phenomenon is, not which of the two this incident was: the pair counts for neither,
    unless ``particular`` says the sentence names a particular aircraft ("the flight met
    jamming and spoofing").
    """
    plain = {
        _CONTRASTED.sub(
            "GNSS",
            (
                s
                if not _TYPE_PAIR.search(s) or (particular is not None and particular(s))
                else _without_type_pairs(s)
            ),
        ): s
        for s in sentences
    }
    jam = _first(plain, JAM_TERM)
    spoof = _first(plain, SPOOF_TERM)
    if jam:
        jam = jam[0], plain[jam[1]]
    if spoof:
        spoof = spoof[0], plain[spoof[1]]
    if jam and spoof:
        return "both", spoof[1] if spoof[1] == jam[1] else jam[1]
    if jam:
        return "jamming", jam[1]
    if spoof:
        return "spoofing", spoof[1]
    loss = _first(plain, SIGNAL_LOSS)
    if loss:
        return "jamming", plain[loss[1]]
    gnss = _first(sentences, GNSS_TERM)
    return "unknown", gnss[1] if gnss else (sentences[0] if sentences else "")


_PHASES: list[tuple[str, re.Pattern[str]]] = [
    (
        "ground",
        re.compile(r"\b(?:taxi\w*|on the ground|at the gate|on the apron|parked|pushback)\b", re.I),
    ),
    (
        "departure",
        re.compile(
            # "the airport of departure", "the departure airport": the origin, not a phase.
            # "Jets that took off from Oslo could not land at the small airport", "the charter
            # departed Tirana for Ohrid": where the flight came from, not when it was hit; only
            # "after (it) took off", "as it was departing" say the phase.
            r"\b(?:take-?off|taking off|after departure|(?<!that )(?<!which )took off(?! from)"
            r"|(?:after|as|while|when|shortly|soon|just|minutes)\s+(?:\w+\s+){0,2}?"
            r"(?:took off|depart(?:ed|ing))|departing(?!\s+(?:from\s+)?(?-i:[A-Z]))"
            r"|(?<!of )departure(?!\s+(?:airport|point|city|aerodrome))|"
            r"initial climb|climb(?:ing|ed)? out|shortly after (?:leaving|take-?off))\b",
            re.I,
        ),
    ),
    (
        "landing",
        re.compile(
            r"\b(?:touchdown|touched down|during (?:the )?landing roll|rollout|flare)\b", re.I
        ),
    ),
    (
        "approach",
        re.compile(
            r"\b(?:approach\w*|on final|final approach|descen\w*|(?:could not|couldn't|unable to|"
            r"failed to|not able to) land|landing attempts?|go-?around|missed approach|"
            # "forced to abort its landing", "aborting the landing"
            r"abort(?:ed|ing|s)? (?:the |its |their |a )?landing|prevented from landing"
            r"|go[- ]around|arriv\w+|"
            r"circled|holding pattern|inbound to|while landing|during landing|attempting to land|"
            r"preparing to land|about to land|before landing|landing at|"
            r"(?:forced|had|able|managed|trying|tried) to land|to land (?:at|in|manually|using)|"
            r"land(?:ed)? (?:manually|using)|"
            # A flight that turned back or went elsewhere did so for want of a safe landing:
            # the first corpus files it under the approach it gave up.
            r"turn(?:ed|s|ing)? (?:back|around)|divert(?:ed|ing|s)?|diversions?|"
            r"(?:forced|had|decided|made) to return)\b",
            re.I,
        ),
    ),
    (
        "en route",
        re.compile(
            r"\b(?:en[- ]route|cruis\w*|at cruising|FL\s?\d{2,3}|flight level"
            r"|at (?:\d{1,2},)?\d{3} "
            r"(?:ft|feet)|overfl\w*|transit\w*|while flying over|flying over|over the (?:Baltic"
            r"|Black"
            r"|Mediterranean|Red|Caspian|sea)|mid-?flight|during the flight|airway|as it flew"
            r"|while flying|"
            r"flew (?:close to|near|over|past)|flying (?:close to|near|over|past)|"
            r"(?:flying|flew|operating) (?:on )?the [\w\u2013-]+ route"
            # A step climb at cruise and an ocean crossing happen en route.
            r"|(?:unable|not able|ability|cleared|permission) to (?:climb|ascend) to (?:a )?higher"
            r"|trans-?(?:atlantic|pacific|oceanic)|oceanic (?:airspace|control|tracks?)"
            r"|across the (?:Atlantic|Pacific))\b",
            re.I,
        ),
    ),
]


def flight_phase(sentences: list[str]) -> Found:
    """Phase of flight from cue words, the first phase found in the most sentences wins.

    A sentence naming both take-offs and landings ("aircraft landing and taking off at...")
    says nothing about one flight's phase and is passed over.
    """
    for sentence in sentences:
        if _BOTH_ENDS.search(sentence):
            continue
        for phase, pattern in _PHASES:
            if pattern.search(sentence):
                return phase, sentence
    return "unknown", ""


_BOTH_ENDS = re.compile(
    r"\b(?:landing|landings|land)\s+(?:and|or)\s+(?:taking\s+off|take-?offs?)\b"
    r"|\b(?:taking\s+off|take-?offs?)\s+(?:and|or)\s+(?:landing|landings)\b"
    # "users on the ground and in the air": everyone a region's outage reached, no phase.
    r"|\bon\s+the\s+ground\s+(?:and|or)\s+in\s+the\s+air\b"
    r"|\bin\s+the\s+air\s+(?:and|or)\s+on\s+the\s+ground\b",
    re.I,
)


_AIRCRAFT = re.compile(
    r"\b(?:(?:Airbus\s+)?A\s?(?:3[1-8]\d|220|400M)(?:-?\d{3}|neo|ceo|MRTT|\s?MAX)?(?:neo)?"
    r"|(?:Boeing\s+)?7[0-8]7(?:-?\d{1,3}(?:ER|F)?)?(?:\s?MAX(?:\s?\d{1,2})?)?(?:\s?Dreamliner)?"
    r"|B7[0-8][0-9M](?:-\d{3})?|A3[1-5][0-9N]"
    r"|Embraer\s+(?:E-?\d{3}|ERJ-?\d{3}|Legacy\s?\d{3}|Phenom\s?\d{3}|Praetor\s?\d{3})|E1[79]5|E190"
    r"|ERJ\s?1\d5"
    r"|ATR[\s-]?(?:42|72)(?:-\d{3})?|(?:De Havilland\s+)?Dash[\s-]?8(?:-\d{3})?|Q400"
    r"|(?:Bombardier\s+)?(?:CRJ-?\d{3,4}|Challenger\s?\d{3,4}|Global\s?\d{4}|CS\d{3})"
    r"|Gulfstream\s?(?:G-?)?\d{3}|(?:Dassault\s+)?Falcon\s?\d{1,4}[A-Z]{0,2}|Learjet\s?\d{2}"
    r"|Cessna\s+(?:Citation\s+)?[A-Z0-9][\w-]*|Citation\s+[A-Z0-9]\w*|Pilatus\s+PC-?\d{1,2}"
    r"|King Air\s?\d{0,3}"
    r"|Beechcraft\s+\w+|Piper\s+\w+|Saab\s?(?:340|2000)|Sukhoi Superjet\s?\d*|SSJ-?100|C-1[37]0\w?"
    r"|Eurofighter|Typhoon|F-35\w?|A400M|Hercules|Airbus\s+(?:helicopter|H\d{3})|Embraer\s+\w+)",
)
_CARRYING = re.compile(
    r"\b(?:(?:a|the|an)\s+)?(?:plane|aircraft|jet|flight|airliner|government jet)\s+carrying\s+"
    r"(?P<who>[^,.;:()]{3,80}?)(?=\s+(?:experienced|was|had|has|have|is|suffered|suffers|lost|"
    r"loses|encountered|hit|from|to|on|while|when|as|reported)\b|[,.;:]|$)",
    re.I,
)


def aircraft(sentences: list[str]) -> Found | None:
    """Aircraft type ("Airbus A320", "Boeing 737 MAX 8") or description, as reported."""
    found = _first(sentences, _AIRCRAFT)
    if found:
        return " ".join(found[0].group(0).split()), found[1]
    carrying = _first(sentences, _CARRYING)
    if carrying:
        who = carrying[0].group("who").strip()
        return f"Aircraft carrying {who}", carrying[1]
    asrs = _first(sentences, re.compile(r"Make Model Name\s*:\s*(?P<v>[^\n;]{2,60})", re.I))
    if asrs:
        return asrs[0].group("v").strip(), asrs[1]
    return None


#: Airlines and operators that reports name often; others are found by their suffix.
KNOWN_OPERATORS = (
    "Aegean",
    "Aer Lingus",
    "Aeroflot",
    "Air Baltic",
    "airBaltic",
    "Air France",
    "Air India",
    "Air India Express",
    "Air Serbia",
    "AirAsia",
    "Alaska Airlines",
    "American Airlines",
    "Austrian Airlines",
    "Azerbaijan Airlines",
    "AZAL",
    "Belavia",
    "British Airways",
    "Brussels Airlines",
    "Buzz",
    "Cathay Pacific",
    "Czech Airlines",
    "Delta",
    "Delta Air Lines",
    "easyJet",
    "EgyptAir",
    "El Al",
    "Emirates",
    "Etihad",
    "Eurowings",
    "Finnair",
    "flydubai",
    "Iberia",
    "IndiGo",
    "Jet2",
    "KLM",
    "LOT",
    "LOT Polish Airlines",
    "Lufthansa",
    "Middle East Airlines",
    "Pegasus",
    "Qatar Airways",
    "Ryanair",
    "SAS",
    "Singapore Airlines",
    "SmartLynx",
    "SWISS",
    "TAROM",
    "Transaviabaltika",
    "TUI",
    "Turkish Airlines",
    "United Airlines",
    "Virgin Atlantic",
    "Vueling",
    "Widerøe",
    "Wideroe",
    "Wizz Air",
    "Wizz",
    "Bulgaria Air",
    "Air Astana",
    "Uzbekistan Airways",
    "Royal Jordanian",
    "Saudia",
    "Oman Air",
    "Gulf Air",
    "Kuwait Airways",
    "Korean Air",
    "Asiana",
    "Jeju Air",
    "SpiceJet",
    "Akasa Air",
    "Vistara",
    "Pakistan International Airlines",
    "PIA",
    "Royal Air Force",
    "RAF",
    "Spanish Air Force",
    "Luftwaffe",
    "NetJets",
    "Jet Aviation",
    "Icelandair",
    "Air Greenland",
    "Loganair",
    "Binter",
    "Condor",
    "Smartwings",
    "airBaltic",
    "Nordica",
    "Norwegian Air",
    "Norwegian Air Shuttle",
    "Estonian Air",
    "Air Dolomiti",
    "ITA Airways",
    "Croatia Airlines",
    "Air Moldova",
    "FlyOne",
    "Georgian Airways",
    "Ukraine International",
    # Airlines of Asia and the Gulf that news in their languages names bare ("Lion Air").
    "Lion Air",
    "Batik Air",
    "Garuda Indonesia",
    "Citilink",
    "Malaysia Airlines",
    "Thai Airways",
    "Vietnam Airlines",
    "Philippine Airlines",
    "Cebu Pacific",
    "Jin Air",
    "Air Busan",
    "EVA Air",
    "Air China",
    "China Eastern",
    "China Southern",
    "Air Arabia",
    "Jazeera Airways",
    "Cyprus Airways",
    "Air Canada",
    # Carriers of Europe, the Americas, Africa and Israel named in reports of diversions; only
    # names that are no common word in any language read ("Azul", "Gol", "Spirit" are left out).
    "Transavia",
    "Volotea",
    "Norse Atlantic",
    "Air Europa",
    "SunExpress",
    "Corendon",
    "Enter Air",
    "Luxair",
    "JetBlue",
    "Southwest Airlines",
    "Qantas",
    "Air New Zealand",
    "Avianca",
    "LATAM",
    "Aerolíneas Argentinas",
    "Ethiopian Airlines",
    "Kenya Airways",
    "Royal Air Maroc",
    "Tunisair",
    "flynas",
    "SalamAir",
    "Arkia",
    "Israir",
    "Sky Express",
    "Olympic Air",
    "S7 Airlines",
    "Ural Airlines",
    "Utair",
)
KNOWN_OPERATOR = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(o) for o in KNOWN_OPERATORS), key=len, reverse=True))
    + r")\b"
    r"|\b(?:[A-Z][\w'-]+\s){1,3}(?:Airlines|Airways|Air Lines|Airline)\b"
)
_OPERATOR = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(o) for o in KNOWN_OPERATORS), key=len, reverse=True))
    + r")\b"
    r"|\b(?:[A-Z][\w'-]+\s){1,3}(?:Airlines|Airways|Air Lines|Aviation|Air Force|Airline)\b"
)


def operator(sentences: list[str]) -> Found | None:
    """Airline or operator, as reported."""
    found = _first(sentences, _OPERATOR)
    if not found:
        return None
    value = found[0].group(0).strip()
    value = re.sub(r"^(?:The|A|An|On|In|After|When)\s+", "", value)
    if _REGULATOR.search(value):
        # "Jordan's Civil Aviation", "International Civil Aviation": a regulator, not an operator.
        return None
    return value, found[1]


_REGULATOR = re.compile(
    r"\b(?:Civil Aviation|Federal Aviation|Authority|Agency|Organi[sz]ation|Ministry|Administration"
    r"|Regulator)\b",
    re.I,
)


_FLIGHT = re.compile(
    r"\b(?:flight|flight number|callsign|call sign|service)\s+(?:no\.?\s*)?"
    r"(?P<code>(?!FL\d)(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])[\s-]?\d{1,4}[A-Z]?)\b"
    r"|\b(?P<code2>(?!FL\d)(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\d{2,4})\s+(?:from|to|between)\b"
)


_AIRLINE_CODE = re.compile(
    "(?:" + KNOWN_OPERATOR.pattern + r")\s+(?P<code>(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])-?\d{1,4}[A-Z]?)\b"
)


def flight_number(sentences: list[str]) -> Found | None:
    """Flight number or call sign ("FR3466"), as reported."""
    for sentence in sentences:
        # "Ryanair FR3466": an airline's name followed by a code.
        after_airline = _AIRLINE_CODE.search(sentence)
        if after_airline and not re.fullmatch(
            r"(?:A3\d\d|B7\d\d|A2\d\d|E1\d\d)", after_airline.group("code")
        ):
            return after_airline.group("code").replace("-", ""), sentence
        for match in _FLIGHT.finditer(sentence):
            code = (
                (match.group("code") or match.group("code2") or "")
                .replace(" ", "")
                .replace("-", "")
            )
            # Aircraft types look like flight numbers (A320, B737): not flights.
            if re.fullmatch(r"(?:A3\d\d|B7\d\d|A2\d\d|E1\d\d|F35|C1\d\d)", code):
                continue
            if re.search(r"\b(?:airways?|route|waypoint)\s+$", sentence[: match.start()], re.I):
                continue  # "airway M701": an airway designator, not a flight
            if re.match(r"[A-Z]\d{2,3}$", code) and re.search(r"\bairway", sentence, re.I):
                continue
            return code, sentence
    return None


_EFFECTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "diverted",
        re.compile(
            r"\bdiver(?:ted"
            r"|sion)\b(?:\s+to\s+(?P<place>[A-Z][\w\u00c0-\u024f'-]+(?:\s[A-Z][\w\u00c0-\u024f'-]+)?))?"
        ),
    ),
    (
        "returned",
        re.compile(
            # Not a signal that came back ("GPS returned overhead Rhodes"), nor things back
            # to normal: the aircraft returned.
            r"(?<!GPS )(?<!GNSS )(?<!signal )(?<!signals )(?<!navigation )"
            r"\b(?i:returned|return(?:ing)?|turned back|turned around|flew back|went back"
            r"|headed back)\b(?!\s+to\s+(?:normal|service)\b)"
            # "while returning from Estonia", "returning home": the flight home, not a turn back.
            r"(?!\s+(?:from|home)\b)"
            r"(?:\s+to\s+(?P<place>[A-Z][\w\u00c0-\u024f'-]+))?"
        ),
    ),
    (
        "unable to land",
        re.compile(
            r"\b(?:could not|couldn't|unable to|failed to|not able to|prevented from) land", re.I
        ),
    ),
    (
        "go-around",
        re.compile(
            r"\b(?:go[- ]?around|missed approach|abandon(?:ed|ing)? (?:its |the "
            r"|their )?(?:approach|landing)|abort(?:ed|ing|s)? (?:the |its |their |a )?landing"
            r"|climbed away)\b",
            re.I,
        ),
    ),
    ("circled", re.compile(r"\b(?:circled|holding pattern|held for)\b", re.I)),
    (
        "terrain warning",
        re.compile(r"\b(?:pull up|terrain (?:warning|alert)|(?:E)?GPWS|TAWS)\b", re.I),
    ),
    (
        "position error",
        re.compile(
            r"\b(?:off (?:course|track)|position (?:jump|error|shift)\w*|wrong position"
            r"|false position\w*|drift\w*)\b",
            re.I,
        ),
    ),
    (
        "GPS signal lost",
        re.compile(
            r"\b(?:lost (?:the )?(?:GPS|GNSS|satellite)|loss of (?:GPS|GNSS)|GPS (?:went dark"
            r"|dropped out|failed)|no GPS)\b",
            re.I,
        ),
    ),
    (
        "backup navigation used",
        re.compile(
            r"\b(?:back-?up (?:procedures|navigation|systems?)|paper (?:maps|charts)|ILS|VOR|DME"
            r"|inertial|radar vector\w*|ground-based (?:aids|navigation)|conventional navigation)\b"
        ),
    ),
    ("landed safely", re.compile(r"\blanded safely|safe landing\b", re.I)),
    ("delay", re.compile(r"\bdelay(?:ed|s)?\b", re.I)),
    ("cancellation", re.compile(r"\bcancel(?:l)?ed\b", re.I)),
]

_NEGATED = re.compile(r"\b(?:no|not|never|without|none|nor|neither)\b[^.;,]{0,30}$", re.I)

_EFFECT_TEXT = {
    "diverted": "diverted",
    "returned": "returned",
    "unable to land": "could not land",
    "go-around": "abandoned the approach",
    "circled": "held or circled",
    "terrain warning": "false or nuisance terrain warning",
    "position error": "position or track error",
    "GPS signal lost": "GPS signal lost",
    "backup navigation used": "crew used backup navigation",
    "landed safely": "landed safely",
    "delay": "delays",
    "cancellation": "cancellations",
}


def effects(sentences: list[str]) -> Found | None:
    """What happened to the aircraft, as a short list in our words ("could not land; diverted
    to Poznań"), with the first sentence that mentioned an effect."""
    phrases: list[str] = []
    evidence = ""
    for label, pattern in _EFFECTS:
        chosen: tuple[re.Match[str], str] | None = None
        for sentence in sentences:
            match = pattern.search(sentence)
            if not match or _NEGATED.search(sentence[max(0, match.start() - 40) : match.start()]):
                continue  # "No flights were cancelled" is not an effect
            if chosen is None:
                chosen = (match, sentence)
            # Prefer a mention that says where to ("diverted to Poznań") over a bare one.
            if "place" not in pattern.groupindex or match.group("place"):
                chosen = (match, sentence)
                break
        if chosen is None:
            continue
        match, sentence = chosen
        text = _EFFECT_TEXT[label]
        place = match.group("place") if "place" in pattern.groupindex else None
        if place and label in {"diverted", "returned"}:
            text = f"{text} to {place}"
        if text not in phrases:
            phrases.append(text)
        evidence = evidence or sentence
    if not phrases:
        return None
    value = "; ".join(phrases)
    return value[0].upper() + value[1:], evidence


_ACTORS = (
    ("Russia", r"Russia\w*|Kremlin|Moscow"),
    ("Russia (Kaliningrad)", r"Kaliningrad"),
    ("Belarus", r"Belarus\w*|Minsk"),
    ("North Korea", r"North Korea\w*|Pyongyang|DPRK"),
    ("Iran", r"Iran\w*|Tehran"),
    ("Israel", r"Israel\w*|IDF"),
    ("Pakistan", r"Pakistan\w*"),
    ("China", r"China|Chinese|Beijing"),
    ("Armenian armed groups", r"Armenian"),
    ("Hezbollah", r"Hezbollah"),
    ("Houthis", r"Houthi\w*"),
    ("military exercise", r"military (?:exercise|drills?)|exercise Zapad|Zapad"),
    ("military testing", r"military (?:test|testing)|GPS (?:test|testing)|declared test"),
    ("conflict zone", r"conflict zone|war zone|fighting in"),
)
_SUSPECT = re.compile(
    r"\b(?:suspect\w*|blam\w*|attribut\w*|accus\w*|believed|likely|probably|origin\w*|caused by|"
    r"behind|responsible|source of|linked to|traced|pointed (?:the finger|to)|coming from"
    r"|from the)\b",
    re.I,
)
_SUSPECTER = re.compile(
    r"(?P<who>\b(?:[A-Z][\w-]*\s){0,3}(?:officials?|ministry|minister|government|authorit(?:y|ies)|"
    r"spokes(?:man|woman|person)|military|intelligence|Commission|agency|experts?|pilots?|"
    r"analysts?|sources?|police|prosecutors?|regulator))\s+(?:said|says|believe|suspect|blamed|"
    r"accused|told|stated|claimed)",
)


def suspected_source(sentences: list[str]) -> Found | None:
    """Who is suspected of causing the interference, and who suspects it."""
    for sentence in sentences:
        if not _SUSPECT.search(sentence):
            continue
        for name, pattern in _ACTORS:
            if re.search(rf"\b(?:{pattern})", sentence):
                suspecter = _SUSPECTER.search(sentence)
                if suspecter:
                    who = suspecter.group("who").strip()
                    who = re.sub(r"^(?:The|the|A|An|But|And)\s+", "", who)
                    return f"{name} (suspected by {who})", sentence
                return f"{name} (suspected)", sentence
    return None
