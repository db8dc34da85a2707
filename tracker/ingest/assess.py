"""How much a candidate looks like a real incident: a score in [0, 1] and the reasons for it.

Every candidate starts at :data:`BASE_SCORE`; evidence moves it up or down, and each move is
recorded as a reason the reviewer can read ("+0.15 names a specific flight: 'flight FR748'").
``ingest --apply`` takes only candidates scoring at least :data:`APPLY_MIN_SCORE` unless
``--min-score`` says otherwise; candidates below :data:`DROP_SCORE` are not proposed at all
(a statistics piece, a phone-and-taxi story, a policy statement).

The signals are general, not lists of cases:

* **specific event**: a particular aircraft, flight, crew or airline, and an event verb
  (diverted, returned, circled, could not land, lost the signal);
* **date**: a day named in the text beats a month, which beats the publication date alone;
* **place**: a place with a role cue ("approaching Vilnius") beats a bare name, and no place
  at all counts against;
* **position**: the lede's incident is the article's own; one found only further down, after
  a background cue ("comes after", "last year", "In April 2024,") or dated weeks before the
  lede's, is an earlier incident mentioned for context;
* **what the sentences are about**: counts of reports, percentages and periods (an aggregate
  figure), statements and complaints (policy), or phones, cars and ships (not aviation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.ingest import fields as fx

__all__ = [
    "APPLY_MIN_SCORE",
    "DROP_SCORE",
    "BASE_SCORE",
    "Assessment",
    "AGGREGATE",
    "BACKGROUND",
    "GROUND_USERS",
    "is_aggregate",
    "is_background",
    "ground_heavy",
    "event_word",
]

#: ``--apply`` default: candidates scoring below are listed and skipped.
APPLY_MIN_SCORE = 0.4
#: Candidates scoring below are not proposed at all.
DROP_SCORE = 0.25
#: Where every candidate starts.
BASE_SCORE = 0.5

#: "A few weeks ago", "two months ago": an event told as weeks or more before the page.
_WEEKS_AGO = (
    r"(?:a\s+few|several|a\s+couple\s+of|some|two|three|four|five|six|\d+)\s+"
    r"(?:weeks|months|years)\s+ago\b"
)
WEEKS_AGO = re.compile(_WEEKS_AGO, re.I)
#: "The flight came two days after fighters chased a patrol aircraft above the Black Sea": what
#: follows "after" is another event, told as the story's background.
_CAME_AFTER = (
    r"\b(?:came|comes|follows|followed|coming)\s+(?:just\s+|only\s+)?(?:(?:a|one|two|three|"
    r"four|five|several|a\s+few|\d+)\s+(?:days?|weeks?)\s+)?after\b"
)
CAME_AFTER = re.compile(_CAME_AFTER, re.I)

#: A number that is a day of a month ("13 July"), or the minutes of a clock time ("12:07"),
#: is not a count of things.
NOT_A_COUNT = (
    # Nor is the number of a flight or an aircraft type ("flight J2-8243", "an ERJ-190 aircraft",
    # "a 737-800"): after a letter or digit and a hyphen it is part of a designator.
    r"(?<![\w]-)"
    # Nor is the model after its maker ("an El Al Boeing 777 aircraft", "an ATR 72 plane"),
    # nor its last digits ("77" of "777").
    + "".join(rf"(?<!{maker} )" for maker in fx.MAKERS.split("|"))
    + r"(?<!\d)"
    # Nor is the day of a date: "The chaos, which occurred on November 6, saw flights diverted".
    + r"(?!(?=\d)(?:"
    + "|".join(
        rf"(?<={month} )"
        for month in "January February March April May June July August September October "
        "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jan. Feb. Mar. Apr. "
        "Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.".split()
    ).replace(".", r"\.")
    + r")\d{1,2}(?:st|nd|rd|th)?,)"
    + r"(?<!:)(?!\d[\d,.]*\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
)
#: Counts, rates and periods: the language of an aggregate figure, not of one incident.
AGGREGATE = re.compile(
    r"\b(?:" + NOT_A_COUNT + r"\d[\d,.]*\+?"
    r"|hundreds|thousands|dozens|tens of thousands|more than \d[\d,]*)"
    r"\s+(?:of\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:reports|cases|incidents|instances|flights|aircraft|planes|airliners|"
    r"disruptions|occurrences|events|violations|outages|interruptions|anomalies|disturbances|"
    r"days of disruption)\b"
    r"|\b\d+(?:\.\d+)?\s?(?:%|per ?cent)"
    # "500 GPS interference" (a gloss of "500 GPS-Störungen"): a count of interference events.
    r"|\b" + NOT_A_COUNT + r"\d[\d,.]*\+?\s+(?:GPS\s+|GNSS\s+)?(?:interference|jamming|spoofing)\b"
    r"|\bper (?:month|day|week|year)\b|\bso far this year\b|\b\d+-fold\b"
    r"|\b\d+ times (?:higher|more)\b"
    r"|\bover the (?:last|past) (?:\w+ )?(?:months|years|weeks|quarter)\b"
    r"|\b(?:record|monthly|annual|yearly) (?:number|figures?|total|high)\b"
    r"|\b(?:several|multiple|many|numerous|various)\s+(?:major\s+|other\s+)?(?:airports|airlines)\b"
    # "the likely target of multiple GPS spoofing events": a count without a number.
    r"|\b(?:multiple|numerous|repeated)\s+(?:[\w-]+\s+){0,3}?(?:events|incidents|cases|occurrences)\b"
    r"|\bhave been (?:facing|experiencing|affected|reporting)\b",
    re.I,
)
#: A plural, generic subject ("airlines are dealing with...", "aircraft across the region").
GENERIC_SUBJECT = re.compile(
    r"^(?:[\w\s,'\u2019-]{0,40}\s)?(?:airlines|carriers|flights|aircraft|planes|pilots|airliners|operators)"
    r"\s+(?:are|have|were|had|face|faced|deal|dealt|continue|experience|report|reported|weigh)\b",
    re.I,
)
#: Concerns, hypotheticals and denials: nothing happened (yet).
NOT_HAPPENED = re.compile(
    r"\b(?:concerns? (?:over|about)|fears? (?:of|that)|cannot guarantee|can't guarantee|"
    r"no (?:GPS |GNSS )?(?:interference|disturbances?|jamming|spoofing|problems?) "
    r"(?:has|have|was|were) "
    r"(?:been )?(?:detected|reported|recorded|found)|(?:have|has) not reported any|"
    # ("Russia denied that it is behind the jamming" denies the blame, not the event.)
    r"denied(?!\s+(?:[\w'\u2019-]+\s+){0,6}?(?:behind|involvement|responsib\w+|role|blame"
    r"|accusations?|allegations?|suggestions?|proposals?))"
    r"|false (?:claim|statement)|is a lie|would not|could (?:potentially )?(?:cause|lead)"
    # "the airline's operations remain unaffected by GPS jamming": nothing happened to them.
    # ("... had no impact on flight safety" says the event was harmless, not that it
    # did not happen.)
    r"|(?:remains?|remained|were|was|is|are|been)\s+(?:largely\s+|entirely\s+)?unaffected"
    # "the ministers were concerned over GPS disruptions": worry, not an event.
    r"|(?:is|are|was|were|remains?|remained)\s+(?:deeply\s+|very\s+|increasingly\s+|gravely\s+)?"
    r"concerned\s+(?:over|about|by|that))\b",
    re.I,
)
#: An aircraft or airline said to be untouched by the interference: it names none that met it.
UNAFFECTED = re.compile(
    r"\b(?:remains?|remained|were|was|is|are|been)\s+(?:largely\s+|entirely\s+)?unaffected\b"
    r"|\b(?:has|have|had)\s+(?:had\s+)?no\s+(?:impact|effect)\s+on\b",
    re.I,
)
#: Counts of reports or affected flights (not "two flights"): the mark of a statistics piece.
AGGREGATE_STRICT = re.compile(
    r"\b(?:" + NOT_A_COUNT + r"\d{2,}[\d,.]*|hundreds|thousands|dozens|more than \d+)"
    r"\s+(?:[\w-]+\s+){0,3}?"
    r"(?:reports|cases|incidents|instances|flights|aircraft|planes|disruptions|occurrences|"
    r"violations|outages|interruptions|anomalies|disturbances)\b[^.;]{0,60}?"
    r"\b(?:in|during|since|over|this|last|per|so far|between|from)\b"
    r"|\b\d+(?:\.\d+)?\s?(?:%|per ?cent)"
    r"|\b(?:around|about|some|more than|over|nearly|at least|roughly|up to)\s+\d{2,}[\d,]*\s+"
    r"(?:[\w-]+\s+){0,2}?(?:aircraft|planes|flights|airliners|incidents|reports|cases)\b"
    r"|\b(?:has|have) (?:risen|increased|grown|surged|soared)"
    r"|\b(?:sharp|steep|dramatic|significant) "
    r"(?:rise|increase|surge)|\bsurge in\b|\b(?:almost|nearly) (?:daily|every day)\b",
    re.I,
)
#: Interference told as a lasting condition rather than as an event.
ROUTINE = re.compile(
    r"\b(?:so|such|as|more|increasingly)\s+(?:pervasive|widespread|commonplace|routine)\b"
    r"|\b(?:almost|nearly)\s+(?:daily|every\s+day|constantly)\b|\bon\s+a\s+daily\s+basis\b"
    r"|\b(?:perpetually|incessantly)\b|\b(?:an?\s+)?(?:accepted|everyday)\s+reality\b"
    r"|\b(?:the|a|an\s+unwelcome)\s+(?:new\s+)?norm\b"
    # "interference has sometimes prevented aircraft from landing": what happens from time to
    # time, told with a word of frequency before the verb.
    r"|\b(?:has|have)\s+(?:sometimes|often|frequently|repeatedly|regularly|at\s+times)\s+"
    r"(?:\w+ed|been)\b",
    re.I,
)
#: A condition told in the present ("when interference occurs"): a general rule, no event.
GENERAL_WHEN = re.compile(
    r"\bwhen(?:ever)?\s+(?:[\w-]+\s+){0,4}(?:occurs|happens|arises|is\s+(?:detected|present))\b"
    # What interference may do ("effects can linger for the duration of the flight"): a
    # possibility, told of any flight.
    r"|\b(?:effects?|interference|jamming|spoofing)\s+(?:can|may|might|could)\s+"
    r"(?:linger|last|persist|continue|affect|impact|degrade|disrupt)\b",
    re.I,
)
#: A lede that is a statement, complaint or accusation rather than an event.
POLICY_LEDE = re.compile(
    r"\b(?:complaint|lodge|Security Council|accus\w+|condemn\w*|raised the alarm|minister\s+\w+\s+"
    r"(?:said|says|raised|warned)|told (?:journalists|reporters|parliament)|in parliament|"
    r"statement (?:by|from) the|foreign ministry|ICAO (?:council|assembly|meeting)"
    r"|discuss(?:ed|es|ing)|debated?|urged|urges|urging|pressed|called on|calls on"
    # A regulator's order to crews: "the authority has directed pilots and airlines to report".
    r"|(?:directed|ordered|instructed|required|mandated)\s+(?:all\s+)?(?:pilots|airlines|"
    r"operators|crews|carriers|air traffic controllers|ATCs?)\b[^.]{0,80}\bto\s+report)\b",
    re.I,
)
#: A minister's answer to a parliament ("told the House", "in a written reply to a question"):
#: what the ministry knows, summed up; the flights it names are the summary's examples.
PARLIAMENT_ANSWER = re.compile(
    r"\b(?:(?:tells?|told|inform(?:s|ed)?|confirm(?:s|ed)?\s+to)\s+(?:the\s+)?(?:parliament|"
    r"house|rajya\s+sabha|lok\s+sabha|senate|sejm|bundestag)"
    r"|written\s+(?:reply|answer|response)"
    r"|(?:responding|replying|in\s+reply)\s+to\s+(?:a\s+)?(?:query|question)\s+(?:by|from)\s+"
    r"(?:an?\s+)?(?:MP|member|lawmaker|senator|deputy))",
    re.I,
)
#: What a lede telling a minister's answer to a parliament costs: as much as keeps below the
#: threshold the airport or flight the answer gives as its example, which the first corpus
#: (a049) does not list.
PARLIAMENT_ANSWER_PENALTY = -0.45
#: Statements, complaints and regulation: about interference, not an incident.
POLICY = re.compile(
    r"\b(?:complaint|security council|parliament|rajya sabha|lok sabha|ICAO|resolution|sanctions?|"
    r"summit|conference|statement|urged|urges|called on|condemn\w*|minister|"
    r"ministry|lawmakers?|regulations?|guidance|censure|accus\w+"
    # Talk about the problem, and how to guard against it: "experts discussed how to protect
    # planes against GPS interference".
    r"|discuss\w*|debat\w*|workshop|seminar|protect\w*\s+(?:\w+\s+){0,3}(?:against|from)"
    # What a meeting concluded: "it was agreed that jamming against airliners must stop".
    r"|(?:it\s+was\s+|they\s+|ministers\s+|experts\s+)agreed|must\s+(?:stop|end|cease)"
    r"|called\s+for"
    # Enforcement and the courts: a regulator's consent decree over a hangar's GPS repeaters,
    # a driver sentenced for a jammer, tell a case, not a flight.
    r"|consent\s+decree|enforcement\s+bureau|lawsuit|indict\w*|sentenced|convicted"
    # A warning to crews: "the FAA issued a warning to pilots about GPS interference".
    # ("issued a 60-day FAA warning": a few words may stand between.)
    r"|issued\s+(?:a\s+|an\s+|new\s+)?(?:[\w-]+\s+){0,3}?(?:warnings?|advisor(?:y|ies)|bulletins?"
    r"|alerts?|NOTAMs?)|warned\s+(?:pilots|airlines"
    r"|operators|crews)|safety\s+(?:bulletin|information\s+bulletin|alert))\b",
    re.I,
)
#: Users on the ground or at sea: the story is not about aircraft.
GROUND_USERS = re.compile(
    r"\b(?:cars?|drivers?|taxis?|cabbies|motorists|smartphones?|(?:mobile )?phones?|apps?|users|"
    r"pedestrians|joggers|runners|rideshare|ride-?hailing|car-?sharing|Uber|Yandex|Pok[eé]mon|"
    r"tractors?|farmers?|couriers?|delivery|ships?|vessels?|tankers?|ferr(?:y|ies)|boats?|"
    r"sailors|mariners|shipping|maritime|AIS|fishing)\b",
    re.I,
)
#: Cues that a sentence recalls an earlier incident.
BACKGROUND = re.compile(
    # "In September, ..." (or "In September the ..." as a gloss writes it) opening a sentence.
    r"^(?:in (?:(?:early|mid|late)[\s-])?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)(?:,\s|\s+(?!(?:19|20)\d\d))|previously|in the past|"
    r"last year|recall|before that|"
    # "Earlier this week" is recent news, "Earlier, ..." recalls something before it.
    r"earlier(?!\s+(?:this\s+(?:week|month)|today|on\s+\w+day))|"
    r"in (?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december) (?:19|20)\d\d|"
    r"in (?:19|20)\d\d|this (?:is not|isn't|was not) the first|it comes after|"
    r"the incident (?:comes|follows)|(?:this|it|that)\s+(?:follows|comes\s+after|came\s+after))\b"
    # "Recently, a jet ..." below the lede: another, earlier incident told for context.
    r"|^(?:more\s+)?recently,"
    r"|" + _CAME_AFTER + r"|\b(?:follows a|after a similar|similar incident|"
    r"last year|earlier this year|previously|not\s+(?:be\s+)?the\s+first\s+time"
    # "Russia jammed GPS in a similar fashion on flights in the Baltic": a like event recalled.
    r"|in a similar (?:fashion|way|manner)|it follows (?:claims|reports|a|an)"
    # "We remind you that recently two planes turned back": the reader is told it again.
    r"|(?:we|let us|let's)\s+(?:remind\s+(?:you|readers|our\s+readers)|recall)\s+that"
    r"|as a reminder)\b"
    # "during previous exercises", "prior tests degraded ...": an earlier round of events.
    r"|\b(?:previous|prior|past|earlier)\s+(?:[\w-]+\s+){0,4}?(?:exercises?|tests?|testing|"
    r"drills?|incidents?|events?|occasions?|episodes?)\b"
    # "A few weeks ago, pilots lost GPS near the airport" below a lede about something else.
    r"|\b" + _WEEKS_AGO,
    re.I,
)
#: What happened to a particular aircraft.
EVENT = re.compile(
    r"\b(?:divert\w*|return\w*|turn\w* (?:back|around)|circl\w*|abort\w*|could not land|"
    r"couldn't land|unable to land|prevented from landing|forced to|go-?around|paper maps|"
    r"analogu?e maps|manually|"
    r"emergency landing|lost|went dark|ran out|drift\w*|off (?:course|track)|veer\w*|"
    r"hovered|missed approach|landed)\b",
    re.I,
)
# "can divert a crew's attention", "could force pilots to return": a possibility.
_MODAL_BEFORE = re.compile(
    r"\b(?:can|could|may|might|would|will|should|must)\s+(?:\w+\s+){0,3}$", re.I
)


def event_word(texts: list[str]) -> str:
    """The first words saying what happened to an aircraft ("diverted", "could not land"), or
    ``""``; an event verb after "can", "could", "may"... is a possibility, not what happened."""
    for text in texts:
        for match in EVENT.finditer(text):
            if not _MODAL_BEFORE.search(text[: match.start()]):
                return match.group(0)
    return ""


# Words between "that" and "aircraft" that make it a relative clause about aircraft in general
# ("signals that can mislead aircraft"), not a particular one.
_GENERIC_VERB = (
    r"(?!(?:can|could|may|might|will|would|should|must|cause[sd]?|mislead\w*|affect\w*|"
    r"confus\w*|disrupt\w*|endanger\w*|puts?|forces?|threaten\w*|hit|hits)\b)"
)
_SPECIFIC = re.compile(
    # "An air ambulance", "A Cessna" opening a sentence name one aircraft as much as "a jet".
    rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Tt]his|[Tt]hat)\s+"
    rf"(?:{_GENERIC_VERB}\w+\s+){{0,2}}?"
    r"(?:plane|aircraft|flight|jet|airliner|crew|pilot|captain|helicopter|turboprop|"
    r"air ambulance|medevac|ambulance (?:plane|aircraft|jet|helicopter)|" + fx.MAKERS + r")\b"
    # "the aircraft equipment impacted", "the aircraft type": the word qualifies a kind of
    # thing (in a form to fill in, a rule), it names no aircraft.
    r"(?!\s+(?:equipment|systems?|types?|registrations?|models?|data|industry)\b)"
    # "not a flight ban", "a flight information region": a measure or an airspace, no flight.
    # "a danger to flight safety": the safety of flying, no flight.
    # "a new flight path", "the flight route": a way through the air, no flight.
    r"(?!\s+(?:bans?|restrictions?|information\s+regions?|schools?|simulators?|safety|"
    r"paths?|routes?|corridors?|plans?|procedures?)\b)"
    # "the plane will start to turn", "an aircraft can lose its position": what happens to any
    # aircraft, told in the future or as a possibility ("could not land" is a flight's past,
    # and "the aircraft may have been spoofed" a guess about one).
    r"(?!\s+(?:will|can|may|might)\b(?!\s+have\b))"
    # A flight number ("LO-282", "FR3466"), not a flight level ("FL340") nor an airway named
    # as one ("airway UM688", "route L980": every flight along it).
    r"|(?<![Aa]irway )(?<![Aa]irways )(?<![Rr]oute )\b(?!FL\d)[A-Z]{2}-?\d{2,4}\b"
    r"|\bflight\s+[A-Z0-9]{1,3}\d{1,4}\b"
    # "two Nordline flights", "both jets": a count of particular aircraft.
    r"|\b(?:[Tt]wo|[Bb]oth)\s+(?:[A-Z][\w-]*\s+){0,2}(?:planes|aircraft|flights|jets|airliners"
    r"|helicopters)\b",
)


_RECORD_FIELD = re.compile(
    r"^(?:Date|Time|Location|Locale|Aircraft|Operator|Flight Phase|Phase|Narrative|Synopsis|Event|"
    r"Occurrence|State Reference|ACN|Make Model Name|Registration|Report)\s*(?:\w+\s*)?:",
    re.I,
)


def _is_record(texts: list[str]) -> bool:
    """Is the report a structured incident record (several "Field: value" lines)?"""
    return sum(bool(_RECORD_FIELD.match(t)) for t in texts) >= 3


def is_aggregate(text: str) -> bool:
    """Does the sentence speak in counts, rates or periods?"""
    return bool(AGGREGATE.search(text))


def is_background(text: str) -> bool:
    """Does the sentence recall an earlier event ("It comes after...", "In April 2024, ...")?"""
    return bool(BACKGROUND.search(text))


def ground_heavy(texts: list[str]) -> bool:
    """Are the sentences about phones, cars or ships rather than aircraft?"""
    ground = sum(len(GROUND_USERS.findall(t)) for t in texts)
    aircraft = re.compile(
        r"\b(?:flights?|planes?|airplanes?|aeroplanes?|aircraft|airliners?|pilots?|jets?)\b", re.I
    )
    air = sum(len(aircraft.findall(t)) for t in texts)
    return ground >= 2 and ground > 2 * air


def specific_vehicle(texts: list[str]) -> str:
    """The words naming a particular aircraft or flight, or ``""``."""
    for text in texts:
        match = _SPECIFIC.search(text) or fx.KNOWN_OPERATOR.search(text)
        if match:
            return match.group(0)
        found = fx.aircraft([text])
        if found:
            return found[0]
    return ""


def specific_vehicle_in(text: str) -> str:
    """The words naming a particular aircraft or flight in one sentence, or ``""``."""
    return specific_vehicle([text])


@dataclass
class Assessment:
    """A score in [0, 1] and the reasons that moved it."""

    score: float = BASE_SCORE
    reasons: list[str] = field(default_factory=list)

    def add(self, delta: float, reason: str) -> None:
        self.score += delta
        self.reasons.append(f"{delta:+.2f} {reason}")

    def note(self, reason: str) -> None:
        self.reasons.append(reason)

    @property
    def final(self) -> float:
        return round(min(1.0, max(0.0, self.score)), 2)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def assess(
    *,
    anchors: list[str],
    context: list[str],
    date_kind: str,
    date_text: str,
    place_text: str,
    place_best: float,
    in_lede: bool,
    background: bool,
    all_texts: list[str],
    lede_figure: str = "",
    lede_policy: str = "",
    lede_answer: str = "",
    airport_subject: bool = False,
    areas_listed: tuple[str, int] = ("", 0),
) -> Assessment:
    """Score one candidate.

    :param anchors: the sentences reporting the GNSS problem of this incident.
    :param context: the incident's other sentences (its paragraphs).
    :param date_kind: ``day`` / ``month`` / ``year`` (from the text), ``published`` (month of
        publication used), ``published_day`` (the headline's incident, dated by the publication
        day), ``reported`` (only the day a statement about it was made), or
        ``none``.
    :param date_text: the words the date came from.
    :param place_text: the place as written, or ``""``.
    :param place_best: the place's best single mention score (3 or more: a clear role cue).
    :param in_lede: an anchor is in the headline or the first sentences.
    :param background: the incident reads as an earlier one recalled for context.
    :param all_texts: every sentence of the report.
    :param lede_figure: a headline or lede sentence stating an aggregate figure, if any.
    :param lede_policy: a headline or lede sentence that is a statement or complaint, if any.
    :param lede_answer: a headline or lede sentence telling a minister's answer to a
        parliament (:data:`PARLIAMENT_ANSWER`), if any.
    :param airport_subject: the headline or lede tells the problem of a named airport (its
        approaches, its traffic), with a role cue: the airport is the particular subject.
    :param areas_listed: a sentence of the incident that names many countries, seas or regions
        at once, and how many (a survey of a region, not one incident), if any.
    """
    result = Assessment()
    own = [a for a in anchors if not is_background(a)] or anchors
    # A general rule ("the aircraft has other systems it can use when interference occurs")
    # names no particular aircraft.
    particular = [a for a in own if not GENERAL_WHEN.search(a) and not UNAFFECTED.search(a)]
    vehicle = specific_vehicle(particular) or specific_vehicle(
        [c for c in context[:3] if not GENERAL_WHEN.search(c) and not UNAFFECTED.search(c)]
    )
    suspension = _operator_suspension(vehicle, anchors + context[:2])
    if suspension:
        vehicle = ""
    if vehicle:
        result.add(0.15, f"names a specific aircraft or flight: '{_short(vehicle, 30)}'")
    elif airport_subject:
        # "GPS disruptions affecting flights around Ben Gurion Airport": an area event whose
        # subject is one airport is as particular as one aircraft's, and its flights are that
        # airport's, not flights in general.
        result.note(f"+0.00 an airport is the subject: '{_short(place_text, 40)}'")
    else:
        result.add(-0.1, "names no particular aircraft, flight or crew")
        if any(GENERIC_SUBJECT.search(a) for a in own):
            result.add(-0.1, "speaks of airlines or flights in general")
    event = event_word(anchors + context[:2])
    if event:
        result.add(0.1, f"says what happened to it: '{event}'")
    if date_kind == "day":
        result.add(0.1, f"a day is named: '{_short(date_text, 40)}'")
    elif date_kind in {"month", "week"}:
        result.add(-0.05, f"only a month or week is named: '{_short(date_text, 40)}'")
    elif date_kind == "year":
        result.add(-0.15, f"only a year is named: '{_short(date_text, 40)}'")
    elif date_kind == "published":
        result.add(-0.25, "no incident date in the text; publication month used")
    elif date_kind == "published_day":
        result.add(-0.25, "no incident date in the text; the headline's, so the publication day")
    elif date_kind == "reported":
        result.add(-0.25, f"no incident date; the day it was reported: '{_short(date_text, 40)}'")
    else:
        result.add(-0.4, "no usable date")
    if not place_text:
        result.add(-0.3, "no place the gazetteer knows")
    elif place_best >= 3:
        result.add(0.1, f"place '{place_text}' has a clear role cue (score {place_best:.1f})")
    else:
        result.add(-0.1, f"place '{place_text}' is only named, without a role cue")
    if date_kind == "day" and place_text:
        # A day of its own and a place: the makings of one event, even an area's with no
        # particular aircraft (test_ingest_en9b). A month with a region, the stuff of
        # statistics and statements, gets none of it.
        result.add(0.05, "a day of its own and a place together")
    if areas_listed[1]:
        result.add(
            -0.4,
            f"names {areas_listed[1]} areas in one sentence, a survey of a region: "
            f"'{_short(areas_listed[0])}'",
        )
    if in_lede:
        result.add(0.05, "reported in the headline or lede")
    if _is_record(all_texts):
        result.add(0.2, "a structured incident record (database or report form)")
    aggregate = [a for a in anchors if is_aggregate(a)]
    if len(aggregate) == len(anchors) and date_kind != "day":
        result.add(-0.3, f"speaks in counts or rates: '{_short(aggregate[0])}'")
    elif aggregate:
        result.add(-0.1, f"partly counts or rates: '{_short(aggregate[0])}'")
    policy = [a for a in anchors + context[:2] if POLICY.search(a)]
    if not vehicle and 2 * len(policy) >= len(anchors) + min(2, len(context)):
        result.add(-0.2, "statements or policy, no particular flight")
    routine = next((m for m in map(ROUTINE.search, anchors + context) if m), None)
    if routine and not vehicle and date_kind != "day":
        # "The jamming there is so pervasive that last month officials stopped counting it":
        # a state of affairs; its month is that of a decision or a story, not of an event.
        result.add(-0.2, f"interference told as routine, no event of its own: '{routine.group(0)}'")
    denial = next((m for m in map(NOT_HAPPENED.search, anchors) if m), None)
    if denial:
        result.add(-0.2, f"a concern, a hypothetical or a denial: '{denial.group(0)}'")
    if ground_heavy(all_texts):
        result.add(-0.35, "the report is mostly about phones, cars or ships")
    if background:
        result.add(-0.3, "an earlier incident recalled for context, not the report's own")
    # The date of the figure's own period ("affected from 1 December to 2 February") is not an
    # event's date; a day named with a count of affected aircraft is (an area event).
    period = bool(re.search(r"\bfrom\b[^.;]{0,40}\b(?:and|to|until|till)\b", lede_figure, re.I))
    own_event = (
        date_kind == "day"
        and (vehicle or place_best >= 3)
        and not (period and date_text in lede_figure)
    )
    if lede_figure and not own_event:
        result.add(-0.3, f"the lede states an aggregate figure: '{_short(lede_figure)}'")
    # --apply needs a date and a place: a candidate without either is shown for review among
    # the skipped ones, never proposed as if it could be written.
    for missing, lacks in (("date", date_kind == "none"), ("place", not place_text)):
        if lacks and result.score > APPLY_MIN_SCORE - 0.05:
            cap = APPLY_MIN_SCORE - 0.05 - result.score
            result.add(cap, f"cannot be applied without a {missing}; review it with --min-score")
    if lede_policy and not vehicle and not airport_subject:
        # "Officials accused Russia of the GPS disruptions affecting flights around X Airport":
        # the accusation is about an area event at one airport, which the lede tells.
        result.add(-0.3, f"the lede is a statement or complaint: '{_short(lede_policy)}'")
    if suspension:
        result.add(-0.3, f"an operator suspended its flights, no flight's problem: '{suspension}'")
    if lede_answer:
        # Unlike another statement, also when it names flights or an airport ("some flights
        # near Delhi airport reported spoofing"): they are the summary's examples.
        answer = _short(lede_answer)
        result.add(
            PARLIAMENT_ANSWER_PENALTY,
            f"the lede is an answer to a parliament, a summary: '{answer}'",
        )
    return result


#: An operator stopping its service ("Finnair suspended its flights to Tartu"): a decision.
SUSPENSION = re.compile(r"\b(?:suspend\w*|halt(?:s|ed|ing)?|paus(?:es|ed|ing))\b", re.I)
_SERVICE = re.compile(r"\b(?:flights?|services?|routes?|operations)\b", re.I)


def _operator_suspension(vehicle: str, told: list[str]) -> str:
    """The suspension word when the only particular subject is an operator or its flights
    (not an aircraft) and every sentence naming them tells it stopping its flights, with
    nothing told of a flight's trouble (no event word: "two flights turned back" keeps the
    incident); otherwise ``""``. A gloss writes "suspended" for the words of other languages,
    so this reads them too."""
    if not vehicle or event_word(told):
        return ""
    # "Finnair suspended the flight to Tartu" (a gloss's singular): the operator, or the
    # flights it stopped, named only where the suspension is told.
    naming = [a for a in told if fx.KNOWN_OPERATOR.search(a) or vehicle in a]
    words = [SUSPENSION.search(a) if _SERVICE.search(a) else None for a in naming]
    if not words or not all(words):
        return ""
    return words[0].group(0)
