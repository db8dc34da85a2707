"""Spotting where an incident happened.

Candidate mentions are capitalised phrases ("Plovdiv", "Tartu Airport", "Gulf of Finland"),
ICAO codes and directional phrases ("eastern Finnmark"); each is looked up in the project's
offline gazetteer (:class:`tracker.geocode.gazetteer.OfflineGeocoder`). A mention that resolves is
scored by the words before it: "approaching", "over", "near", "unable to land at" say *here*;
"diverted to", "returned to", "from" say *elsewhere* (a diversion airport, the origin); a dateline
("HELSINKI (Reuters) -") says nothing about the incident. The place with the best total score over
the incident's sentences wins.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from dataclasses import dataclass, replace

from tracker.dedupe import haversine_km
from tracker.geocode.text import fold
from tracker.ingest import fields as fx

__all__ = [
    "LookupBudget",
    "PlaceHit",
    "spot_places",
    "best_place",
    "country_for_sea",
    "nearest_country",
    "get_geocoder",
    "EXERCISE_NOUN",
]

logger = logging.getLogger(__name__)


class _CachedGeocoder:
    """The offline geocoder with a memo of whole answers: reports repeat the same names, and
    building a ``Location`` (region lookup included) costs more than the index lookup."""

    def __init__(self, geocoder) -> None:
        self._geocoder = geocoder
        self.geocode = functools.lru_cache(maxsize=50000)(self._geocode)

    def _geocode(self, query: str):
        return self._geocoder.geocode(query)

    def reverse(self, query, **kwargs):
        return self._geocoder.reverse(query, **kwargs)


@functools.cache
def get_geocoder():
    """The project's offline geocoder (one shared instance: its indexes are large)."""
    from tracker.geocode.gazetteer import OfflineGeocoder

    return _CachedGeocoder(OfflineGeocoder())


@dataclass(frozen=True)
class PlaceHit:
    """A place mention that the gazetteer resolved.

    :param text: the words in the report.
    :param query: what was given to the geocoder.
    :param location: the geopy ``Location`` (``raw`` has country_code, precision, region...).
    :param score: role score: positive means "the incident happened here".
    :param sentence: the sentence it was found in (evidence).
    """

    text: str
    query: str
    location: object
    score: float
    sentence: str
    #: the cue before the name: strong (approaching, over, near), weak (at, in), destination,
    #: arrival (the destination of a flight that turned back), landed, airspace, bare,
    #: negative (diverted to, from), source (by, blamed on), listed (one of a list of places).
    role: str = ""

    @property
    def key(self) -> tuple[str, str]:
        raw = self.location.raw
        return raw["name"], raw["country_code"]

    @property
    def precision(self) -> str:
        return self.location.raw["precision"]

    @property
    def country(self) -> str:
        return self.location.raw["country_code"]


_CAP = r"[A-Z\u00c0-\u00de\u0100-\u017f][\w\u00c0-\u024f'\u2019.-]*"
_PHRASE = re.compile(
    rf"(?<![\w'\u2019-])(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
    rf"north-?western|south-?eastern|south-?western)\s+)?{_CAP}"
    # A possessive ends a name: "South Korea's Joint Chiefs" is a place, then an organisation.
    rf"(?:(?<!['\u2019]s)(?:\s+(?:of|de|del|der|van|von|la|al|el|am|upon|on|the))?\s+{_CAP}){{0,5}}"
)
_FIELD = re.compile(r"^[A-Z][\w ./&()-]{1,40}\s?:\s")
_AIRPORT_WORDS = frozenset(
    "international civil airport airfield aerodrome air base regional municipal national "
    "county domestic aviation field airbase south north east west central new city".split()
)
_ICAO = re.compile(r"\b[A-Z]{4}\b")
# An organisation's initials ("PA", "AP", "NRK"); a country code such as "UK" or "US" is in
# _NOT_PLACES and never joins a name.
_ACRONYM = re.compile(r"[A-Z]{2,5}")

# Capitalised words that are never places in these reports (saves lookups and false hits).
_NOT_PLACES = frozenset(
    fold(w)
    for w in """GPS GNSS NOTAM NOTAMs ATC FAA EASA ICAO NATO EU UN US UK IATA FIR ILS VOR DME RNAV
    RNP ADS-B FMS IRS TAWS EGPWS GPWS UTC Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    The A An On In At After Before When While During Police Reading Nice Split Mobile Of Hope
    Commission President Minister Ministry Captain Pilot Pilots Crew Flight Airport Airline
    Airlines Aircraft European Union Government Officials Defence Defense Air Force Navy Army
    Reuters AP AFP Bloomberg BBC CNN Financial Times Galileo GLONASS BeiDou Boeing Airbus Embraer
    ATR Bombardier Gulfstream Dassault Falcon Cessna Ryanair Finnair Lufthansa Wizz Buzz SAS
    Widerøe Norwegian Delta Emirates Swiss Iberia Jet Date Time Place Local Narrative Synopsis
    Aircraft Report Title Source Published Summary Event Events Location Locale Reference
    State""".split()
)

# Month abbreviations next to a day number are a date ("Nov 6", "6 Dec", "Sept. 12").
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_DAY_AFTER = re.compile(r"\.?\s*\d{1,2}(?:st|nd|rd|th)?\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$")

_RETURNED_AFTER = re.compile(r"\s+(?:returned|flew\s+back|turned\s+back)\b")
_GLOSS_TO_BEFORE = re.compile(r"\b(?:had|has|have|must|was|were|forced)\s+to\s+$", re.I)
_STRONG = re.compile(
    r"(?:approach(?:ing|es|ed)?(?:\s+(?:to|into))?|land(?:ing)?\s+(?:at|in)|(?:arriv\w*|descen\w*)"
    r"\s+(?:at|in|into|to)|over|near|around|above|outside|off(?:\s+the\s+coast\s+of)?|into"
    r"|overflying|crossing|flying\s+across|close\s+to"
    r"|in\s+the\s+vicinity\s+of|(?:north|south|east|west)\w*\s+of|airspace\s+(?:of|over)"
    r"|skies\s+over"
    r"|area\s+of|region\s+of|circl\w*\s+(?:over"
    r"|above)"
    r"|land\s+at|reach\s+|to\s+and\s+from"
    # "A major disruption hit Delhi's airport": the place the trouble struck.
    r"|(?:disruptions?|interference|jamming|spoofing|outages?|chaos|problems?)\s+"
    r"(?:(?:has|have|had)\s+)?(?:hit|struck|affected|paralys\w+|paralyz\w+|crippled|disrupted))"
    r"\s*(?:the\s+)?"
    # "near the Russian exclave of Kaliningrad": what kind of place, then its name.
    # "close to Russia's Baltic exclave of Kaliningrad": the owner's name may come first.
    r"(?:(?:[A-Z][\w-]+['\u2019]s\s+)?(?:[A-Z][\w-]+\s+)?(?:city|town|village|region|province"
    r"|island|port|area|exclave"
    r"|enclave)\s+of\s+)?$",
    re.I,
)
# "shortly after leaving Vilnius", "minutes after take-off from Riga": the origin is where the
# trouble began (normally "from"/"leaving" say elsewhere).
_JUST_AFTER_LEAVING = re.compile(
    r"\b(?:shortly|soon|just|minutes|moments|right)\s+after\s+(?:leaving|departing(?:\s+from)?"
    r"|take-?off\s+from|taking\s+off\s+from|departure\s+from)\s*(?:the\s+)?$",
    re.I,
)
_WEAK = re.compile(r"(?:\bat|\bin|\bwithin)\s+(?:the\s+)?$", re.I)
# "An A380 bound for Dubai": where the flight was going, which is where the trouble was only
# when the report names no place it was over (see _told_over_inferred).
_BOUND_FOR = re.compile(
    r"(?:\bbound\s+for|\binbound\s+to|\ben\s+route\s+to|\btowards?)\s+(?:the\s+)?$", re.I
)
# A destination ("a flight to Oslo") is where the incident happened only if it was on approach,
# which the approach cues above already say: alone it counts a little.
_DESTINATION = re.compile(
    r"(?:\bto|\bfor)\s+(?:the\s+)?(?:(?:city|town|airport|island)\s+of\s+)?$", re.I
)
# A flight that turned back or diverted did not reach its destination: the trouble was usually
# on arrival there ("two jets flying from Oslo to Tartu had to return"), so the destination
# counts more in such a sentence (less than "approaching": it may have been en route).
_TURNED_BACK = re.compile(
    r"\b(?:divert\w*|return\w*|turn\w*\s+(?:back|around)|could\s+not\s+land|couldn't\s+land"
    r"|unable\s+to\s+land|abort\w*)\b",
    re.I,
)
_NEGATIVE = re.compile(
    r"(?:divert\w*\s+(?:to|towards)|diversion\s+to|returned\s+to|return(?:ing)?\s+to|back\s+to"
    r"|flew\s+(?:on\s+)?to|continued\s+(?:on\s+)?to|from|departed|left|leaving|headquartered\s+in|"
    r"based\s+in|rerouted\s+to|redirected\s+to|sent\s+to|"
    r"talks\s+in|meeting\s+in|summit\s+in|held\s+in|met\s+in|gathered\s+in|visit\s+to|trip\s+to"
    r"|told\s+|said\s+in|"
    r"(?:meeting|conference|summit|session|assembly|symposium)\b[^.]{0,40}?\b(?:at|in)|"
    r"reported\s+by|according\s+to"
    # A spoofed position is where the aircraft was *not*: "the display showed us over Iran".
    r"|(?:showed|showing|displayed|indicated|placed|put|appeared|appear|appearing)\s+(?:the\s+"
    r"|our\s+|its\s+)?"
    r"(?:aircraft|plane|airplane|us|them|it|position|jet)?\s*(?:to\s+be\s+)?(?:over|at|in|near"
    r"|inland|on)"
    r")\s*(?:the\s+)?$",
    re.I,
)
#: Flights both ways at one place: "to and from", "in and out of", "at and from", "from and to".
_BOTH_WAYS = re.compile(
    r"\b(?:to|at|in|into)\s+and\s+(?:from|out\s+of)\s+(?:the\s+)?$"
    r"|\bfrom\s+and\s+to\s+(?:the\s+)?$",
    re.I,
)
# "jamming by Russia", "blamed on Russia", "signals from Kaliningrad": where the jammer is thought
# to be, not where the aircraft was.
_SOURCE_BEFORE = re.compile(
    r"(?:\bby|blam\w*\s+(?:\w+\s+){0,6}on|attributed\s+to|due\s+to|caused\s+by|accus\w*"
    r"|originat\w*\s+(?:in|from)|"
    r"com(?:es|ing)\s+from|traced\s+to|sources?\s+(?:in|of)|from\s+(?:the\s+)?(?:direction\s+of|"
    r"territory\s+of)|emanat\w*\s+from|operat\w*\s+from|suspect\w*|behind|pointing\s+to|"
    # "authorities pointing fingers at Russia": the accused.
    r"point\w*\s+(?:(?:the|their|a)\s+)?fingers?\s+at|"
    # "North Korea conducted GPS jamming provocations in Haeju": the jammer's side made the
    # jamming there; the aircraft it hit are elsewhere.
    r"(?:conduct\w*|carr(?:y|ied|ying)\s+out|launch\w*|stag\w*|wag\w*)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:jamming|spoofing|interference)(?:\s+(?:attacks?|provocations?|operations?))?\s+"
    r"(?:in|from|at|near)\s+(?:\w+\s+){0,1}?|"
    # (An aircraft's or an airport's own "navigation systems at Plovdiv" are not a jammer's.)
    r"(?:units?|forces|military|(?<!navigation\s)(?<!positioning\s)(?<!landing\s)systems?"
    r"|devices|transmitters?|equipment|blockers|jammers)\s+"
    r"(?:in|at|from))\s*(?:the\s+)?$",
    re.I,
)
# Where a diverted flight went: "the alternate airport in Warsaw", and, in a sentence that speaks
# of a diversion, "fly (400 km) to/into Warsaw".
_ALTERNATE = re.compile(
    r"\balternate\s+(?:airport|aerodrome|airfield)?\s*(?:in|at|of)\s*(?:the\s+)?$"
    # "was diverted to an airport in Warsaw", "diverted to the military airfield at X"
    r"|\bdivert\w*\s+(?:to\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:airport|aerodrome|airfield)"
    r"\s+(?:in|at|of|near)\s*(?:the\s+)?$",
    re.I,
)
# "divert to Poland", "rerouted to Riga": where the flight went instead (see
# :func:`discount_diversion_targets`).
_DIVERTED_TO = re.compile(
    r"\b(?:divert\w*|diversion|rerouted|redirected)\s+(?:to|towards)\s*(?:the\s+)?$", re.I
)
# Where a flight came from: "took off from Riga", "shortly after it left Riga". ("returned to
# Dublin" is not enough: a flight returns from anywhere, "over the Irish Sea".)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:from|departed|departing|left|leaving)\s*(?:the\s+)?$",
    re.I,
)
_TURNED_BACK_EVENT = re.compile(
    r"\b(?:turned?\s+(?:back|around)|turning\s+back|returned|had\s+to\s+return|forced\s+to\s+return)\b",
    re.I,
)
_MOVED_TO = re.compile(
    # "flying from Oslo to Riga" is the planned route, not where the flight went instead.
    r"\b(?:fly|flew|flying|flown|head\w*|proceed\w*|continu\w*|went|go)\b(?:(?!\bfrom\b)[^.;]){0,45}?"
    r"\b(?:to|into|towards?)\s*(?:the\s+)?$",
    re.I,
)
_GATHERING = re.compile(
    r"\b(?:meeting|conference|summit|session|assembly|symposium|forum|talks)\b[^.;]{0,90}?"
    r"\b(?:at|in)\s+(?:the\s+)?$",
    re.I,
)
_LANDED = re.compile(r"land(?:ed|ing)\s+(?:safely\s+|manually\s+)?(?:in|at)\s*(?:the\s+)?$", re.I)
_DIVERSION = re.compile(
    r"\b(?:divert\w*|instead|alternate|return\w*|rerouted|redirected|back to)\b", re.I
)
# "The Telegraph reported", "Kibris Postasi reports": a publisher or organisation, not a place.
_ORGANISATION_AFTER = re.compile(
    r"^['\u2019]?s?\s*(?:newspaper|daily|media|outlet|broadcaster|agency|news\b|reported|reports|"
    r"said|says|told|wrote|writes|magazine|journal|radio|television|TV\b|airlines?|airways|"
    r"air\b|express\b|group\b|ministry|government|officials?|military|army|forces|authorit\w+"
    # "the Baltic foreign ministers warned": whose ministers, not where anything happened
    r"|(?:(?:foreign|defen[cs]e|interior|transport|prime)\s+)?ministers?\b|leaders\b)",
    re.I,
)
#: The nouns of military exercises, for the places (here) and the dates (candidates) they name.
EXERCISE_NOUN = r"(?:exercises?|drills?|war\s*games?|manoeuvres|maneuvers)"
# "the NATO Trident juncture military exercises": a town's name that names an exercise.
_EXERCISE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:\d{2,4}\s+)?(?:military\s+|naval\s+|air\s+)?"
    + EXERCISE_NOUN
    + r"\b",
    re.I,
)
#: A navigation beacon named by its code ("MVA VOR", "SWR VORTAC", "KO NDB"): no place to geocode.
_NAVAID = re.compile(r"\b[A-Z]{2,3}\s+(?:VOR(?:TAC|/DME)?|NDB|TACAN)\b")
# "flight to", "plane from", "jets over": where an aircraft was going or flying.
_GOING_BEFORE = re.compile(
    r"\b(?:flights?|planes?|aircraft|jets?|airliners?|helicopters?)\s+(?:\w+\s+)?"
    r"(?:to|from|into|over|near|toward|towards|bound\s+for)\s+$",
    re.I,
)
# Titles and reporting words before a two-word capitalised phrase: a person's name follows.
_PERSON_BEFORE = re.compile(
    r"(?:spokes\w+|minister|director|head|chief|secretary|president|general|captain|commander|"
    r"officer|adviser|advisor|professor|analyst|engineer|manager|pilot|passenger|Mr\.?|Ms\.?|Mrs\.?|"
    r"Dr\.?|told|says|said)\s*,?\s*$",
    re.I,
)
# A capitalised phrase with one of these words names an organisation ("Royal Air Force", "Air India
# Express", "Joint Chiefs of Staff"), whatever places its other words spell.
_ORGANISATION_WORDS = frozenset(
    fold(w)
    for w in """Air Airlines Airways Express Force Forces Ministry Agency Authority Service Services
    Times Post News Group Company Corporation University Institute Council Commission Association
    Staff Chiefs Army Navy Guard Guards Police Office Bureau Department Foundation Federation Party
    Organisation Organization Administration Airport's Herald Tribune Journal Gazette Daily Radio
    Television Channel Press Telegraph Mail Observer Inc Ltd Mission Monitoring""".split()
)
# First words that belong to place names ("New Delhi", "South Korea", "Saint Petersburg").
_NAME_STARTS = frozenset(
    fold(w)
    for w in """New North South East West Northern Southern Eastern Western Central San Santa Saint
    St Sankt Los Las El La Le Al Port Fort Mount Lake Cape Upper Lower Great Greater Nizhny Novo
    Gulf
    Sea Bay Black Red Baltic Dead Yellow White""".split()
)
# Words that may follow a place inside one capitalised phrase and still leave it a place.
_PLACE_TAIL = frozenset(
    fold(w)
    for w in """Airport Airfield Airbase Air Base International Region Oblast Province County
    District Sea Gulf Bay Strait Island Islands Peninsula Coast Border Area FIR Airspace City
    Valley Mountains Lake River North South East West Central Municipality Krai
    Governorate""".split()
)
# "North Korea jammed...", "Russia denied...": an actor, not a place.
_ACTOR_AFTER = re.compile(
    # Active voice only: in "an A321 approaching Tallinn was jammed" the place is where the
    # aircraft was, and "was jammed" is what happened to it there.
    r"^\s*(?:has\s+|had\s+|have\s+|also\s+)?(?:jammed|spoofed|jams|spoofs|blamed"
    r"|accused|"
    r"denied|denies|launched|fired|sent|deployed|used|is\s+suspected|was\s+suspected"
    r"|(?:was|is|were)\s+(?:accused|denied)"
    # "North Korea staged GPS interference", "... conducted jamming": the country acted.
    r"|staged|conducted|carried\s+out|resumed|stepped\s+up"
    r"|was\s+blamed)\b"
    # "North Korea has been disrupting GPS signals", "... is transmitting jamming signals",
    # "... continues GPS jamming": the country does the jamming.
    r"|^\s*(?:(?:has|have|had|is|are|was|were|been|also|reportedly|allegedly|again)\s+){0,3}"
    r"(?:disrupting|disrupts|transmitting|transmits|jamming|spoofing|broadcast(?:ing|s)?)\b"
    # "... has disrupted GPS", "... reportedly disrupted": active; "flights into Riga were
    # disrupted" is passive, and Riga is where the flights were.
    r"|^\s*(?:(?:has|have|had|also|reportedly|allegedly|again)\s+){0,2}(?:disrupted|transmitted)"
    r"\b(?!\s+by\b)"
    r"|^\s*continu\w*\s+(?:to\s+\w+\s+|its\s+)?(?:GPS\s+|GNSS\s+)?(?:signal\s+)?"
    r"(?:jamming|spoofing|interference|disruption)",
    re.I,
)
# "which will continue on Monday in Romania, in": where something is still to happen.
_PLANNED_BEFORE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|scheduled|set)\s+to|plans?\s+to)\s+"
    r"(?:(?!(?:after|because|when|since|following|but)\b)[\w'\u2019-]+,?\s+){0,6}"
    # ("will resume flights to Bodo", where two planes could not land, still names the place)
    r"in\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*,?\s+(?:in\s+)?)?$"
)
_BORDER_WITH = re.compile(r"\bborders?\s+(?:with\s+|of\s+|to\s+)?(?:the\s+)?$", re.I)
_AIRSPACE_AFTER = re.compile(r"^\s*(?:airspace|skies|air\s+space|border|territory|FIR)\b", re.I)
# "Reuters | London | Updated: 14-03-2024": a place alone between the bars of a credit line is
# where the story was filed, not where anything happened.
_CREDIT_SEGMENT_BEFORE = re.compile(r"(?:^|\|)\s*$")
_CREDIT_SEGMENT_AFTER = re.compile(r"^\s*\|")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .]+)?\s*(?:\(|—|–|-{1,2}\s)")


# Airport-name words that say what kind of field it is, not which one.
_FIELD_KIND_WORDS = _AIRPORT_WORDS | frozenset(
    "afb air base heliport airstrip strip intl int'l memorial metropolitan".split()
)

# Ordinary English words that the gazetteer also knows as small towns or as one word of an
# airport's name ("Ocean County Airport", "Southeast Iowa Regional", "Union Island"): alone, in
# a news report, they are words, not places.
_ORDINARY_WORDS = frozenset(
    fold(w)
    for w in """Ocean Oceans Military Southeast Southwest Northeast Northwest Island Islands Central
    Pacific Atlantic Arctic Global Sierra Union Liberty Independence Eagle Hope Freedom Victory
    Security Defense Defence Energy Transport Transportation Aviation Navigation Satellite Signal
    Signals Interference Jamming Spoofing Radar Border Coast Harbor Harbour Bay Valley Mountain
    Lake River Sea Gulf Desert Plains Summit Capital Metro Commerce Enterprise Progress Unity
    Harmony Friendship Paradise Eden Mercury Apollo Orion Atlas
    Triumph Royal Imperial Federal National International Regional Continental Universal
    Western Eastern Northern Southern Middle Upper Lower Greater Little Big Grand Old New
    Most Many Several Some Other Others Both Each Every Either Neither Such Last Next Early Late
    Today Tonight Tomorrow Yesterday Earlier Later Meanwhile However Although Because Despite
    Officials Authorities Sources Experts Analysts Residents Passengers Travellers Travelers
    Cruise Ferry Ship Ships Vessel Vessels Drone Drones Plane Planes Jet Jets""".split()
)


def _loose_single_word(query: str, raw: dict) -> bool:
    """One word matched to an airport whose name it does not make on its own.

    An airport answers a one-word query only when that word is its whole distinctive name
    ("Pulkovo", "Hamad International"), its code in capitals (``EGLL``), or the last word
    after a city's name ("London Gatwick", "Washington Dulles"). "Congo" for "Congo Town
    Airport", "Ocean" for "Ocean County Airport" or "Military" for "King Khaled Military City
    Airport" are loose.
    """
    words = fold(query).split()
    if len(words) != 1 or raw.get("id", "") == query:
        return False  # a code is written in capitals: "SIGN" may be one, "Sign" is a word
    name = [w for w in fold(raw.get("name", "")).split() if w not in _FIELD_KIND_WORDS]
    if name == words:
        return False
    return not (len(name) == 2 and name[-1] == words[0] and words[0] not in _ORDINARY_WORDS)


def _trusted_airport(query: str, location, geocoder):
    """ "Delhi Airport" matched to an airport whose name has no "Delhi" is a loose match: the
    city the words name is a better answer than a namesake airstrip elsewhere."""
    named = set(fold(query).split()) - _AIRPORT_WORDS
    if not named or named <= set(fold(location.raw.get("name", "")).split()):
        return location
    if location.raw.get("id") and fold(location.raw["id"]) in named:
        return location  # an ICAO or IATA code
    words = [w for w in query.split() if fold(w) in named]
    # "Delhi IGI Airport": the longest run of the words that names a city or airport.
    for size in range(len(words), 0, -1):
        for start in range(0, len(words) - size + 1):
            city = geocoder.geocode(" ".join(words[start : start + size]))
            if city is not None and city.raw["precision"] in {"city", "airport"}:
                if city.raw["precision"] == "city" and (city.raw.get("population") or 0) < 50000:
                    continue
                return city
    return location


def _airport_named(word: str, geocoder):
    """The airport whose distinctive name is this word (``Heathrow`` -> London Heathrow)."""
    location = geocoder.geocode(f"{word} Airport")
    if location is None or location.raw.get("precision") != "airport":
        return None
    # "Kirkenes Airport (Hoybuktmoen)": the part in brackets is another name of the same field.
    plain = re.sub(r"\([^)]*\)", " ", location.raw.get("name", ""))
    name = [w for w in fold(plain).split() if w not in _FIELD_KIND_WORDS]
    # The word must be the airport's name, or follow its city's ("London Heathrow"): "Collins"
    # does not name "Collins Bay Airport".
    return location if name == [fold(word)] or (len(name) == 2 and name[1] == fold(word)) else None


def _inside_name(words: list[str], lo: int, hi: int, resolved) -> bool:
    """Is the place ``words[lo:hi]`` part of a longer capitalised name that is not a place?

    A place followed (or preceded) in the same capitalised phrase by words that resolve to no
    place and are not place words ("Airport", "Oblast") belongs to a person's or an
    organisation's name.
    """

    def solid(a: int, b: int, location) -> bool:
        # A small town or an airport matched by one word ("Street", "Downing") is itself more
        # likely a word of the name than a place.
        raw = location.raw
        if b - a > 1:
            return True
        if raw["precision"] == "airport":
            return False
        return raw["precision"] != "city" or (raw.get("population") or 0) >= 50000

    covered = {i for a, b, loc in resolved if solid(a, b, loc) for i in range(a, b)}
    neighbours = [i for i in (lo - 1, hi) if 0 <= i < len(words)]
    for i in neighbours:
        word = words[i]
        if i in covered or fold(word) in _PLACE_TAIL or fold(word) in _NOT_PLACES:
            continue
        if i == hi and fx.KNOWN_OPERATOR.fullmatch(word):
            continue  # "to Erbil Pegasus" (a gloss drops "flown by"): the airline comes next
        if word[:1].isupper() and word.lower() not in {"of", "the", "de", "la", "al", "el", "on"}:
            return True
    return False


_AND_NAME = re.compile(r"\b[A-Z][\w.'\u2019-]+ and (?:the )?[A-Z][\w.-]+(?: Islands)?\b")


def _joined_names(sentence: str, geocoder, budget: LookupBudget | None = None) -> str:
    """``sentence`` with " and " inside a country's name written "-and-" ("Trinidad-and-
    Tobago"), which the gazetteer reads as the country; other words unchanged."""
    if " and " not in sentence:
        return sentence

    def join(match: re.Match) -> str:
        name = match.group(0)
        joined = name.replace(" ", "-")
        if budget is not None and not budget.take():
            return name
        location = geocoder.geocode(joined)
        if (
            location is not None
            and location.raw.get("precision") == "country"
            and fold(location.raw.get("name", "")) == fold(name)
        ):
            return joined
        return name

    return _AND_NAME.sub(join, sentence)


def _split_possessive(text: str) -> str:
    return re.sub(r"['\u2019]s$", "", text)


class LookupBudget:
    """How many gazetteer lookups one report may make: hostile or garbled input (megabytes of
    capitalised words) must not take minutes. Real reports need a few hundred."""

    def __init__(self, limit: int = 3000) -> None:
        self.left = limit

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _resolve_phrase(
    words: list[str], geocoder, budget: LookupBudget | None = None
) -> list[tuple[int, int, object]]:
    """Longest sub-spans of ``words`` that the gazetteer knows, left to right."""
    found: list[tuple[int, int, object]] = []

    def scan(lo: int, hi: int) -> None:
        for length in range(hi - lo, 0, -1):
            for start in range(lo, hi - length + 1):
                span = words[start : start + length]
                query = " ".join(span)
                folded = fold(query)
                if (
                    not folded
                    or folded in _NOT_PLACES
                    or span[0].lower() in {"of", "the", "and", "on"}
                    # "de", "la", "al", "el" join a name ("Port of Spain", "Ras al Khaimah");
                    # capitalised, they begin one ("El Paso", "La Paz", "Al Udeid").
                    or span[0] in {"de", "la", "al", "el"}
                ):
                    continue
                if span[-1].lower() in {
                    "of",
                    "the",
                    "and",
                    "on",
                    "de",
                    "la",
                    "al",
                    "el",
                    "upon",
                    "am",
                }:
                    continue
                if length == 1 and (len(folded) < 3 or (query.isupper() and len(query) <= 3)):
                    continue
                last = fold(span[-1])
                if length > 1 and last in _NOT_PLACES and last not in _PLACE_TAIL:
                    # "RAF Aircraft" in a title-case headline: a name does not end in a word
                    # that is never a place (the gazetteer would read "RAF X" as an air base).
                    continue
                if budget is not None and not budget.take():
                    return
                location = geocoder.geocode(query)
                if location is not None:
                    scan(lo, start)
                    found.append((start, start + length, location))
                    scan(start + length, hi)
                    return

    scan(0, len(words))
    found.sort(key=lambda item: item[0])
    return found


def _mostly_upper(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def spot_places(
    sentence: str,
    *,
    weight: float = 1.0,
    sentence_index: int = 99,
    geocoder=None,
    budget: LookupBudget | None = None,
) -> list[PlaceHit]:
    """Resolve the place mentions of one sentence and score their role.

    :param sentence: the sentence.
    :param weight: how much this sentence counts (the incident's own sentences count most).
    :param sentence_index: position in the report (datelines are at the start).
    :param geocoder: a geopy-style geocoder; default: the project's offline gazetteer.
    :param budget: lookups left for the report (see :class:`LookupBudget`).
    """
    geocoder = geocoder or get_geocoder()
    # "10 miles south of MVA VOR": a radio beacon's code, not the airport that shares it. The
    # hits keep the sentence as written (it is the evidence shown, and a key to find them).
    masked = _NAVAID.sub(lambda m: " " * len(m.group(0)), sentence)
    if masked != sentence:
        return [
            dataclasses.replace(hit, sentence=sentence)
            for hit in spot_places(
                masked,
                weight=weight,
                sentence_index=sentence_index,
                geocoder=geocoder,
                budget=budget,
            )
        ]
    hits: list[PlaceHit] = []
    spans: list[tuple[int, int]] = []
    if _mostly_upper(sentence):
        # Upper-case narratives (old ASRS records, NOTAM text) make every word look like a
        # name; only ICAO airport codes are trusted there.
        return _icao_hits(sentence, weight=weight, geocoder=geocoder)
    field = _FIELD.match(sentence)
    # "Trinidad and Tobago": a country's name with "and" in it is read whole (written with
    # hyphens, of the same length, so that offsets still point into the sentence).
    scan = _joined_names(sentence, geocoder, budget)
    for match in _PHRASE.finditer(scan):
        if field and match.start() < field.end():
            continue  # "Make Model Name: A320": a record's field label is not a place.
        raw_words = match.group(0).split()
        words = [_split_possessive(w.strip(".,'\u2019-")) for w in raw_words]
        # Offsets of each word inside the sentence, to read the words before a sub-span.
        offsets = []
        cursor = match.start()
        for w in raw_words:
            position = scan.find(w, cursor)
            offsets.append(position)
            cursor = position + len(w)
        if len(words) >= 2 and any(fold(w) in _ORGANISATION_WORDS for w in words):
            continue
        if (
            match.start() == 0
            and len(words) >= 2
            # A line that is the phrase alone ("Jim Thompson" under a headline, a byline) has no
            # sentence whose first word could be capitalised by position.
            and scan[match.end() :].strip(" .,") != ""
            and fold(words[0]) not in _NAME_STARTS
            # An acronym opening the phrase is a word of the name, not an ordinary word
            # capitalised by position: "PA Media", "AP Photo" are agencies, not Médéa.
            and not _ACRONYM.fullmatch(raw_words[0])
            and _resolve_phrase(words[1:], geocoder, budget)
        ):
            # "Was Delhi Airport...", "Island authorities...": a capitalised ordinary word
            # opening the sentence is not part of the name that follows it.
            words, raw_words, offsets = words[1:], raw_words[1:], offsets[1:]
        resolved = _resolve_phrase(words, geocoder, budget)
        for lo, hi, location in resolved:
            if _inside_name(words, lo, hi, resolved):
                continue  # "Vladimir Putin", "Air India Express", "Von der Leyen": a name.
            start = offsets[lo]
            end = offsets[hi - 1] + len(raw_words[hi - 1])
            text = sentence[start:end].rstrip(".,")
            # "in the vicinity of IGIA, New Delhi": an airport's code before its city leaves
            # the cue before the code to the city.
            # So does a possessive name before it: "at Israel's Ben Gurion airport".
            before = _CODE_BEFORE.sub(" ", sentence[max(0, start - 56) : start])
            before = _POSSESSIVE_BEFORE.sub(" ", before)[-40:]
            after = sentence[end : end + 30]
            raw = location.raw
            precision = raw["precision"]
            query = " ".join(words[lo:hi])
            if precision == "airport":
                location = _trusted_airport(query, location, geocoder)
                raw = location.raw
                precision = raw["precision"]
                if precision == "airport" and _loose_single_word(query, raw):
                    continue  # "Sign" matched to an airstrip named "... Sign ...": a loose match
            if hi - lo == 1 and precision in {"city", "airport"} and fold(query) in _ORDINARY_WORDS:
                continue  # "Ocean", "Military", "Pacific": an ordinary word, not a place
            if hi - lo == 1 and precision == "city" and (raw.get("population") or 0) < 50000:
                # Aviation prior: "Heathrow" in a report about flights is London's airport, not
                # a hamlet of that name; an airport named by the word beats a small town.
                airport = _airport_named(query, geocoder)
                if airport is not None:
                    location, raw, precision = airport, airport.raw, "airport"
            if precision == "airport" and not (set(fold(query).split()) - _AIRPORT_WORDS):
                # "International Civil" is not an airport's name, only words airports share.
                continue
            if precision == "country" and fold(query) != fold(raw["name"]):
                # A demonym ("Russian interference") names a country only before "airspace".
                if not _AIRSPACE_AFTER.match(after):
                    continue
            if (
                hi - lo == 1
                and precision == "city"
                and re.search(r"\b[Tt]he\s+$", before)
                # "the Riga–Vienna flight": a route, not a publication
                and not re.match(r"\s*[\u2013\u2014]\s*[A-Z]|\s+-\s+[A-Z]", after)
            ):
                continue  # "the Telegraph": towns do not take an article; publications do.
            if precision == "city" and _EXERCISE_AFTER.match(after):
                continue  # "Trident Juncture exercises": an exercise, not Trento ("Trident")
            if (
                _ORGANISATION_AFTER.match(after)
                and precision != "country"
                # "aircraft approaching X Airport reported...": the aircraft reported, not X.
                and not _STRONG.search(before)
                # "a flight to Palanga reported jamming": the flight reported; a publisher is
                # not where a flight goes.
                and not _GOING_BEFORE.search(before)
            ):
                continue
            if (
                hi - lo == 1
                and fold(query) in _MONTH_ABBREVIATIONS
                and (_DAY_AFTER.match(after) or _DAY_BEFORE.search(before))
            ):
                continue  # "on Thursday (Nov 6)", "6 Dec": a date, not Nov in Israel
            if re.match(r"\s+time\b", after) and precision == "city":
                continue  # "14:00 Baku time": a time zone, not a place
            if hi - lo >= 1 and len(words) >= 2 and _PERSON_BEFORE.search(before):
                continue  # "spokeswoman Ingrida Daugirde", "director Juha Köykkä": a person
            score = 0.0
            if _GATHERING.search(sentence[max(0, start - 120) : start]):
                score -= 3.0  # "speaking at the ICAO meeting in Punta Cana": where people met
                role = "negative"
            elif _BOTH_WAYS.search(before):
                # "flights to and from Tartu were suspended": the airport they all use, not an
                # origin ("from") nor a destination alone.
                score += 2.0
                role = "weak"
            elif _LANDED.search(before):
                # "landed safely in Brno" after a diversion is elsewhere; "landed in Plovdiv
                # using paper maps" is where it happened.
                diverted = bool(_DIVERSION.search(sentence))
                score += -3.0 if diverted else 1.5
                role = "negative" if diverted else "landed"
            elif _ALTERNATE.search(before) or (
                # "decided to divert and fly into Riga"; but in "a jet flying to Tartu was
                # forced to return" Tartu is where it was going when the trouble began.
                _DIVERSION.search(sentence[:start])
                and _MOVED_TO.search(sentence[max(0, start - 60) : start])
            ):
                score -= 4.0  # the diversion airport, not where the trouble was
                role = "diverted"
            elif _BORDER_WITH.search(before) or (
                # "near the Russian border": a demonym before "border" names the neighbour, as
                # "the border with Russia" does (the aircraft is on this side of it).
                # A gloss writes "Venäjän raja" (Russia's border) as "Russia border".
                # ("Norway's border region" is Norway's own side.)
                precision == "country"
                and not re.search(r"['\u2019]s$", text)
                and re.match(r"\s*(?:border|frontier)\b", after, re.I)
            ):
                # "near the border with Russia": the neighbour across the border, not where the
                # aircraft was.
                score -= 2.0
                role = "negative"
            elif _SOURCE_BEFORE.search(before):
                score -= 3.0
                role = "source"
            elif _PLANNED_BEFORE.search(sentence[max(0, start - 80) : start]):
                score -= 2.0  # "the trip will continue on Monday in Romania": a plan's place
                role = "negative"
            elif _JUST_AFTER_LEAVING.search(before):
                score += 3.0  # "shortly after leaving Vilnius": the trouble began there
                role = "strong"
            elif _NEGATIVE.search(before):
                score -= 4.0
                role = (
                    "diverted"
                    if _DIVERTED_TO.search(before)
                    else "origin"
                    if _ORIGIN_BEFORE.search(before)
                    else "negative"
                )
            elif _BOUND_FOR.search(before):
                score += 3.0
                role = "arrival"
            elif _STRONG.search(before):
                score += 3.0
                role = "strong"
            elif _WEAK.search(before):
                score += 1.5
                role = "weak"
            elif _DESTINATION.search(before):
                arrival = bool(_TURNED_BACK.search(sentence[end:]))
                score += 2.0 if arrival else 0.7
                role = "arrival" if arrival else "destination"
            elif _AIRSPACE_AFTER.match(after):
                score += 2.0
                role = "airspace"
            else:
                role = "bare"
                # No role cue: a bare name counts a little, unless it opens the sentence.
                if _opens(sentence, start) and hi - lo == 1 and precision != "country":
                    # "Police said...", "False signals...", "“She added...": a first word,
                    # behind an opening quote or bracket or not, proves nothing.
                    continue
                # Countries are named as actors, sources and context far more often than as the
                # place of an incident: a bare one counts for little.
                score += 0.2 if precision == "country" else 0.6
                if precision == "city" and (raw.get("population") or 0) < 50000 and hi - lo == 1:
                    continue
            if _ACTOR_AFTER.match(after):
                score = min(score, 0.0) - 2.0
            if _RETURNED_AFTER.match(after) and _GLOSS_TO_BEFORE.search(before):
                # Verb-last word order in a gloss ("had to Helsinki return"): where the flight
                # went back to, its origin, not where the trouble was. (In English, "two
                # flights to Tartu turned back" names where they were going.)
                score, role = min(score, 0.0) - 3.0, "origin"
            if sentence_index <= 2 and start == 0 and _DATELINE.match(sentence):
                score = -5.0
            if _CREDIT_SEGMENT_AFTER.match(after) and _CREDIT_SEGMENT_BEFORE.search(before):
                score, role = -5.0, "negative"
            if precision == "country" and score > 0:
                # A country is where an aircraft was only when nothing more precise is named.
                score *= 0.5
            bonus = {"airport": 1.5, "city": 1.0, "area": 0.8, "region": 0.5}.get(precision, 0.0)
            # Where a flight was bound is named in most reports of it, wherever the trouble was:
            # a bare destination must not outweigh "over Poland" by being a city.
            score += 0.0 if role == "destination" else bonus
            hits.append(PlaceHit(text, query, location, score * weight, sentence, role))
            spans.append((start, end))
    hits = _listed_together(hits, spans, sentence, weight)
    # (_route_ends pairs each hit with its span: the hits found below have none.)
    hits = _route_ends(hits, spans, sentence, weight)
    hits += _iata_hits(sentence, spans, weight=weight, geocoder=geocoder, budget=budget)
    hits += _hyphened_hits(sentence, spans, weight=weight, geocoder=geocoder, budget=budget)
    return _told_over_inferred(hits, weight)


# "a Vilnius-bound jet", "the Warsaw-Plovdiv flight": one hyphened word that is no place of its
# own ("Baden-Baden", "Ivano-Frankivsk" are, and are read whole).
_HYPHENED = re.compile(r"(?<![\w-])([A-Z][\w'\u2019]+)-(bound|[A-Z][\w'\u2019]+)(?![\w-])")


def _within(match: re.Match, spans: list[tuple[int, int]]) -> bool:
    """Does the match overlap a span the gazetteer's names already read?"""
    return any(lo < match.end() and match.start() < hi for lo, hi in spans)


def _town(name: str, geocoder, budget: LookupBudget | None):
    """The city (of some size) or airport ``name`` is, else ``None``."""
    if budget is not None and not budget.take():
        return None
    location = geocoder.geocode(name)
    if location is None or fold(name) in _NOT_PLACES:
        return None
    raw = location.raw
    if raw["precision"] == "airport" or (
        raw["precision"] == "city" and (raw.get("population") or 0) >= 50000
    ):
        return location
    return None


def _hyphened_hits(
    sentence: str,
    spans: list[tuple[int, int]],
    *,
    weight: float,
    geocoder,
    budget: LookupBudget | None = None,
) -> list[PlaceHit]:
    """Where a "X-bound" flight was going, and the two ends of a route written "X-Y", scored as
    "bound for X" and as a route with a dash (see :func:`_route_ends`) are."""
    hits = []
    for match in _HYPHENED.finditer(sentence):
        if _within(match, spans):
            continue  # read whole already ("Baden-Baden")
        first, second = match.group(1), match.group(2)
        origin = _town(first, geocoder, budget)
        if origin is None:
            continue
        if second == "bound":
            bonus = 1.5 if origin.raw["precision"] == "airport" else 1.0
            hits.append(PlaceHit(first, first, origin, (3.0 + bonus) * weight, sentence, "arrival"))
            continue
        destination = _town(second, geocoder, budget)
        if destination is None or not _ROUTE_WORDS.search(sentence):
            continue
        hits.append(PlaceHit(first, first, origin, -2.0 * weight, sentence, "negative"))
        hits.append(PlaceHit(second, second, destination, 0.7 * weight, sentence, "destination"))
    return hits


# "On descent into ELP", "climbing out of ORD": a crew's words before an airport's IATA code.
# Three capitals are too often initials to be looked up without such a word before them.
_MOVING_AT_CODE = re.compile(
    r"\b(?:descen\w*|approach\w*|land\w*|arriv\w*|depart\w*|climb\w*|take-?off|took\s+off"
    r"|taking\s+off)\s+(?:(?:in)?to|at|from|out\s+of)?\s*$",
    re.I,
)
_IATA = re.compile(r"\b[A-Z]{3}\b")


def _iata_hits(
    sentence: str,
    spans: list[tuple[int, int]],
    *,
    weight: float,
    geocoder,
    budget: LookupBudget | None = None,
) -> list[PlaceHit]:
    """Airports named by their IATA code right after a word of arriving or leaving."""
    hits = []
    for match in _IATA.finditer(sentence):
        code = match.group(0)
        if (
            fold(code) in _NOT_PLACES
            or _within(match, spans)
            or not _MOVING_AT_CODE.search(sentence[max(0, match.start() - 30) : match.start()])
        ):
            continue
        if budget is not None and not budget.take():
            break
        location = geocoder.geocode(code)
        if location is None or location.raw.get("precision") != "airport":
            continue
        # Scored as a named airport with a role cue ("approaching Tallinn Airport").
        hits.append(PlaceHit(code, code, location, 4.5 * weight, sentence, "strong"))
    return hits


def _told_over_inferred(hits: list[PlaceHit], weight: float) -> list[PlaceHit]:
    """Where the sentence says the trouble was ("lost GPS over Belarus") beats where it is only
    inferred to have been: the destination of a flight that then diverted ("from Warsaw to
    Vilnius ... diverted") counts as a plain destination beside an explicit place."""
    if not any(h.role == "strong" and h.score > 0 for h in hits):
        return hits
    return [
        replace(h, score=0.7 * weight, role="destination") if h.role == "arrival" else h
        for h in hits
    ]


#: An airport's code and a comma just before a place's name (its city).
_CODE_BEFORE = re.compile(r"\s[A-Z]{3,4},\s+$")
#: A capitalised possessive just before a place's name ("Israel's", "Norway’s").
_POSSESSIVE_BEFORE = re.compile(r"\s[A-Z][\w-]*['\u2019]s\s+$")
#: What joins the items of a list of places: "Kaliningrad, the Black Sea and the Caspian".
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:the\s+)?", re.I)
#: A list of this many places or more is a survey of where something happens.
LISTED_PLACES = 3
#: The most a place in such a list counts (a bare name's weight): the cue before the list
#: ("especially near Kaliningrad, the Black Sea, ...") is the survey's, not one incident's.
LISTED_SCORE = 1.0


def _listed_together(
    hits: list[PlaceHit], spans: list[tuple[int, int]], sentence: str, weight: float
) -> list[PlaceHit]:
    """Hits named in one list of :data:`LISTED_PLACES` places or more, with only commas, "and"
    and "the" between them, each counted at most as a bare name (:data:`LISTED_SCORE`): "jamming
    reported especially near Kaliningrad, the Black Sea, the Caspian Sea and the Eastern
    Mediterranean" says where interference is common, not where one aircraft was."""
    order = sorted(range(len(hits)), key=lambda i: spans[i])
    runs: list[list[int]] = []
    for i in order:
        if runs and _LIST_JOINT.fullmatch(sentence[spans[runs[-1][-1]][1] : spans[i][0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    listed = {i for run in runs if len(run) >= LISTED_PLACES for i in run}
    return [
        replace(hit, score=min(hit.score, LISTED_SCORE * weight), role="listed")
        if i in listed and hit.score > LISTED_SCORE * weight
        else hit
        for i, hit in enumerate(hits)
    ]


_ROUTE_DASH = re.compile(r"\s*[\u2013\u2014-]\s*")
_ROUTE_WORDS = re.compile(r"\b(?:flights?|route|service|plane|aircraft|jet|airliner)\b", re.I)


def _route_ends(
    hits: list[PlaceHit], spans: list[tuple[int, int]], sentence: str, weight: float
) -> list[PlaceHit]:
    """A route written with a dash ("the Warsaw–Plovdiv flight", "the flight Riga - Vienna"):
    the first town is where the flight came from, the second where it was going, as with
    "from A to B". Unread, both were bare names and the origin, named first, won ties."""
    if len(hits) < 2 or not _ROUTE_WORDS.search(sentence):
        return hits
    out = list(hits)
    for i in range(len(hits) - 1):
        first, second = hits[i], hits[i + 1]
        if {first.precision, second.precision} - {"city", "airport"}:
            continue
        if not _ROUTE_DASH.fullmatch(sentence[spans[i][1] : spans[i + 1][0]]):
            continue
        if first.role == "bare":
            out[i] = replace(first, score=-2.0 * weight, role="negative")
        if second.role == "bare":
            out[i + 1] = replace(second, score=0.7 * weight, role="destination")
    return out


def _icao_hits(sentence: str, *, weight: float, geocoder) -> list[PlaceHit]:
    hits = []
    for match in _ICAO.finditer(sentence):
        before = sentence[max(0, match.start() - 30) : match.start()]
        after = sentence[match.end() : match.end() + 12]
        # Upper-case English words are ICAO codes too (SAME, LOST): demand airport context.
        if not (
            _STRONG.search(before)
            or _WEAK.search(before)
            or _DESTINATION.search(before)
            or before.rstrip().endswith("(")
            or re.match(r"\s*(?:\)|AIRPORT|ARPT|AP\b)", after, re.I)
        ):
            continue
        location = geocoder.geocode(match.group(0))
        if (
            location is not None
            and location.raw["precision"] == "airport"
            and location.raw.get("id") == match.group(0)
        ):
            hits.append(
                PlaceHit(match.group(0), match.group(0), location, 2.5 * weight, sentence, "strong")
            )
    return hits


def discount_diversion_targets(hits: list[PlaceHit]) -> list[PlaceHit]:
    """Mentions of the place a flight diverted to no longer count for it, anywhere in the
    incident's sentences.

    A report says once where the flight went instead ("forced to divert to Poland") and then
    tells the trip there in plain motion words ("flew 400 km into Warsaw"), which read like an
    approach. Once a place is a diversion target, its other mentions count nothing; a diversion
    *country* also silences the places inside it, when a place in another country has a role
    cue of its own (an aircraft approaching Vilnius that diverted to Poland): a domestic
    diversion ("approaching Gdańsk, it diverted to Poland's capital") keeps its places.
    """
    targets = {h.key for h in hits if h.role == "diverted"}
    if not targets:
        return hits
    countries = {
        h.country for h in hits if h.role == "diverted" and h.precision == "country" and h.country
    }
    cued_elsewhere = {
        h.country
        for h in hits
        if h.role in {"strong", "landed", "weak", "arrival", "airspace"}
        and h.score > 0
        and h.country not in countries
    }
    out = []
    for hit in hits:
        silenced = hit.score > 0 and (
            hit.key in targets or (hit.country in countries and bool(cued_elsewhere))
        )
        out.append(replace(hit, score=0.0) if silenced else hit)
    return out


def discount_foreign_homonyms(hits: list[PlaceHit]) -> list[PlaceHit]:
    """A small place named by one word counts nothing when it lies in a country the report
    does not name, while its own sentence names another country.

    Small towns share their names across borders and the gazetteer holds only some of them
    ("a plant in Sopot, ... Bulgaria" is the Bulgarian town, not the Croatian airfield of that
    name): the countries of the report choose among same-named places, and when the right one
    is missing, none is better than a wrong country.
    """
    out = []
    for hit in hits:
        raw = hit.location.raw
        small = len(hit.query.split()) == 1 and (
            raw["precision"] == "airport"
            or (raw["precision"] == "city" and (raw.get("population") or 0) < 50000)
        )
        if small and hit.score > 0:
            here = {
                h.country
                for h in hits
                if h.sentence == hit.sentence
                and h.precision == "country"
                and h.country
                and h.score > 0  # named as a place, not as a neighbour across a border
            }
            elsewhere = {h.country for h in hits if h.key != hit.key}
            if here and hit.country not in here and hit.country not in elsewhere:
                # The gazetteer's own pick for the word may lie in a named country ("Sopot,
                # Poland" rather than an airfield abroad that shares the name).
                other = get_geocoder().geocode(hit.query)
                if other is not None and other.raw["country_code"] in here:
                    hit = replace(hit, location=other)
                else:
                    hit = replace(hit, score=0.0)
        out.append(hit)
    return out


def turned_back_origin(hits: list[PlaceHit], anchors: list[str]) -> PlaceHit | None:
    """For an incident with no place of its own: the airport a flight took off from and turned
    back to ("took off from Riga ... turned back 20 minutes later").

    The origin normally counts against (the trouble was elsewhere), but when the flight turned
    back and no other place is named, the trouble began near where it had left, and the
    origin is a better answer than none (it stays a place without a role cue).
    """
    if not any(_TURNED_BACK_EVENT.search(text) for text in anchors):
        return None
    origins = [h for h in hits if h.role == "origin" and h.precision in {"city", "airport"}]
    if not origins:
        return None
    counts: dict[tuple[str, str], int] = {}
    for hit in origins:
        counts[hit.key] = counts.get(hit.key, 0) + 1
    best = max(counts, key=counts.get)
    first = next(h for h in origins if h.key == best)
    return replace(first, score=0.1, role="bare")


def best_place(hits: list[PlaceHit]) -> PlaceHit | None:
    """The place the incident most likely happened at, from all scored mentions.

    Scores of the same place add up. A country wins only if no positively scored, more precise
    place lies in it; an airport in the winning city's country and name is preferred to the city.
    """
    totals: dict[tuple[str, str], float] = {}
    first: dict[tuple[str, str], PlaceHit] = {}
    for hit in hits:
        totals[hit.key] = totals.get(hit.key, 0.0) + hit.score
        current = first.get(hit.key)
        if current is None or hit.score > current.score:
            first[hit.key] = hit
    if not totals:
        return None
    ranked = sorted(totals, key=lambda k: totals[k], reverse=True)
    best = ranked[0]
    if totals[best] <= 0:
        return None
    winner = first[best]
    if winner.precision in {"country", "region", "area"}:
        for key in ranked[1:]:
            hit = first[key]
            if totals[key] <= 0.5 or hit.precision not in {"airport", "city"}:
                continue
            if winner.precision == "country" and hit.country == winner.country:
                # "near Plovdiv, Bulgaria": the city inside the country is more precise.
                return hit
            if winner.precision != "country" and totals[key] >= 0.6 * totals[best]:
                # A sea or region named alongside a well-supported city ("over the Baltic
                # near Kaliningrad"): the city is more precise.
                if not winner.country or hit.country == winner.country:
                    return hit
    return winner


#: A country named in a report is the country of an incident placed at sea or over a wider
#: area only when its own centre lies within this distance of the area's point: the West Sea
#: and South Korea, not the Middle East and a Korean airliner told of in the same report.
SEA_COUNTRY_KM = 1500.0


#: What may stand before a sentence's first word: quotes, brackets, dashes, bullets.
_OPENING_MARKS = " \t\"'\u201c\u201d\u2018\u2019\u00ab\u00bb([{-\u2013\u2014\u2022*"


def _opens(sentence: str, start: int) -> bool:
    """Is the word at ``start`` the sentence's first, behind any opening marks?"""
    return not sentence[:start].strip(_OPENING_MARKS)


def country_for_sea(
    hits: list[PlaceHit], near: tuple[float, float] | None = None, *, any_place: bool = False
) -> str:
    """For an incident placed at sea: the country the report names (positively), or ``""``.

    "South Korea's military said ... over the West Sea" is Korean airspace in the report's
    words; a bare sea with no country named stays without one (open sea). With ``near`` (the
    sea's or area's point), a country farther than :data:`SEA_COUNTRY_KM` does not count.
    With ``any_place``, a town's or region's country counts too ("across southern Sweden").
    """
    totals: dict[str, float] = {}
    for hit in hits:
        if hit.country and (any_place or hit.precision == "country"):
            if near is not None and (
                float(haversine_km(*near, hit.location.latitude, hit.location.longitude))
                > SEA_COUNTRY_KM
            ):
                continue
            totals[hit.country] = totals.get(hit.country, 0.0) + hit.score
    positive = {code: total for code, total in totals.items() if total > 0}
    return max(positive, key=positive.get) if positive else ""


def nearest_country(hits: list[PlaceHit], near: tuple[float, float]) -> str:
    """The country named in ``hits`` whose centre lies nearest ``near``, within
    :data:`SEA_COUNTRY_KM`, whatever its role, or ``""``.

    For a recorded incident over open water, which has no country: a minister's jet "jammed
    close to the border on the way home from Latvia" and recorded over the Baltic lies nearest
    Latvia, the country a reader would file it under, though the sentence gives Latvia only as
    the origin.
    """
    best, best_km = "", SEA_COUNTRY_KM
    for hit in hits:
        if hit.precision != "country" or not hit.country:
            continue
        km = float(haversine_km(*near, hit.location.latitude, hit.location.longitude))
        if km <= best_km:
            best, best_km = hit.country, km
    return best
