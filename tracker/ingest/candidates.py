"""Turning one report into candidate incidents.

Steps, per report:

1. NOTAMs are parsed as such (one candidate per GNSS NOTAM, geocoded from the Q-line).
2. Otherwise the text is split into sentences. An *anchor* is a sentence that reports a GNSS
   problem (a GNSS word with a problem word, or jamming/spoofing) about an aircraft, crew, flight
   or airport; general statements ("Europe is the most affected region") are not anchors.
3. Anchors are grouped into incidents by their dates: an anchor with a new date starts a new
   incident ("the following day a second flight..."), an undated one joins the previous incident.
4. Each incident takes its fields from its own sentences (and its paragraph's), each value with
   the sentence it came from; the place is the best-scored gazetteer hit (see :mod:`.places`).

A report with no anchor (ships only, a satellite launch, a policy piece) gives no candidate.
"""

from __future__ import annotations

import calendar
import copy
import dataclasses
import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field

from tracker import safety, schema
from tracker.geocode.regions import region_for
from tracker.ingest import assess as ax
from tracker.ingest import fields as fx
from tracker.ingest.dates import (
    META_DATE_LINE,
    NUMBER_WORDS,
    DateMention,
    find_dates,
    infer_reference_date,
    month_start,
    year_guessed,
)
from tracker.ingest.languages import GLOSS_NOTE, to_english
from tracker.ingest.notam import Notam, looks_like_notam, parse_notams
from tracker.ingest.places import (
    EXERCISE_NOUN,
    LookupBudget,
    PlaceHit,
    best_place,
    country_for_sea,
    discount_diversion_targets,
    discount_foreign_homonyms,
    get_geocoder,
    nearest_country,
    spot_places,
    turned_back_origin,
)
from tracker.ingest.readers import Report
from tracker.ingest.text import Sentence, split_sentences
from tracker.ingest.urls import published_from_url, published_month_from_url, slug_words
from tracker.validate import FUTURE_TOLERANCE

__all__ = ["Candidate", "Results", "extract_candidates", "extract_results", "out_of_scope"]

logger = logging.getLogger(__name__)

INC = schema.INC


@dataclass
class Candidate:
    """A proposed incident: dataset columns, the source, the evidence, and notes.

    :param values: incident column -> value (dates as ``datetime.date``, numbers as float,
        text as str; ``None`` when unknown). No ``id``: ids are given when applying.
    :param source: ``url``, ``publisher``, ``published`` (``datetime.date`` or ``None``).
    :param evidence: column -> the sentence (or NOTAM line) the value came from.
    :param notes: remarks for the reviewer (inferred dates, missing fields).
    :param report: name of the input the candidate came from.
    """

    values: dict[str, object]
    source: dict[str, object]
    evidence: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    report: str = ""
    #: How much this looks like a real incident, in [0, 1] (see :mod:`.assess`).
    score: float = 1.0
    #: Why: each signal that moved the score, and why this place and this date.
    reasons: list[str] = field(default_factory=list)
    #: Id of the recorded incident the report describes (see :mod:`.recorded`), or "".
    recorded: str = ""
    #: For a recorded incident the page recalls (no candidate of its own): the sentence that
    #: dates it, or "".
    recalled_sentence: str = ""

    def as_dict(self) -> dict:
        """JSON-ready: the dataset's column names plus ``source``, ``evidence``, ``notes``."""
        out: dict[str, object] = {}
        for spec in schema.INCIDENT_FIELDS:
            if spec.name == INC.id:
                continue
            value = self.values.get(spec.name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, float):
                value = round(value, 6)
            out[spec.name] = value if value is not None else ("" if spec.type == "string" else None)
        source = dict(self.source)
        if isinstance(source.get("published"), dt.date):
            source["published"] = source["published"].isoformat()
        out["source"] = source
        out["evidence"] = dict(self.evidence)
        out["notes"] = list(self.notes)
        out["report"] = self.report
        out["kind"] = "incident"
        out["score"] = self.score
        out["reasons"] = list(self.reasons)
        if self.recorded:
            out["recorded_incident"] = self.recorded
        return out


# ---------------------------------------------------------------------------------------------

_GENERIC = re.compile(
    r"\b(?:most affected|increasingly|on the rise|(?:rise|surge|spurt|upsurge|uptick) in|"
    r"number of|statistics|per cent|percent|regulators?|guidance|guidelines|conference|proposal|"
    r"legislation|warns? that|could|"
    r"would|may be|might|sanctions?|every day|daily|thousands of|hundreds of|since 20\d\d|"
    r"in recent (?:months|years|weeks)|growing (?:threat|problem)|study|survey|research|webinar|"
    # "GPS jamming has become an element of the conflict": what a thing now is, no event.
    r"ha(?:s|ve) become (?:an? )?(?:\w+ )?(?:element|part|feature|tool|weapon|fixture|norm)|"
    # "Increased GPS interference near the border": a trend headline.
    r"increas(?:ed|ing)\s+(?:GPS\s+|GNSS\s+)?(?:interference|jamming|spoofing)|"
    # "... As GNSS 'Spoofing' Incidents Increase": a trend headline.
    r"(?:incidents|cases|reports|attacks)\s+(?:increase|rise|surge|grow|soar|multiply)|"
    r"workshop|seminar|symposium|forum|summit|meeting|training|exercise scenario|plans? to|"
    r"held a|agreed|drafting|draft|recommend\w*|standards?|mandate|requirements?)\b",
    re.I,
)
_EVENT = re.compile(
    r"\b(?:experienced|suffered|encountered|was hit|were hit|hit by|lost|affected|disrupted|"
    r"jammed|spoofed|diverted|circled|turned back|returned|aborted|could not|couldn't|unable|"
    r"reported|noticed|observed|received|showed|displayed|went dark|failed|forced|had to|"
    r"was|were|got|saw|began|started)\b",
    re.I,
)
# Ten or more aircraft or flights counted in digits: a statistic.
_STATISTIC = re.compile(
    r"\b\d{2,3}(?:[,.\u00a0 ]?\d{3})*\+?\s+(?:\w+\s+)?(?:aircraft|flights|planes|airliners"
    r"|jets|airplanes)\b",
    re.I,
)


# Any day will do to resolve the days of a span whose length is all that is asked.
_ANY_BASE = dt.date(2024, 12, 31)


def _period_of_count(text: str) -> bool:
    """Is a count in ``text`` dated by a period longer than a week, or by no day at all?"""
    days = [m for m in find_dates(text, base=_ANY_BASE) if m.precision == "day"]
    if not days:
        return True
    return any(
        m.date is not None and m.end_date is not None and (m.end_date - m.date).days > 7
        for m in days
    )


# What happens to an aircraft in an incident (as opposed to what an office does).
_INCIDENT_VERB = re.compile(
    r"\b(?:diverted|circled|turned back|returned|aborted|could not|couldn't|unable|went dark"
    r"|lost|forced|had to|landed|crashed)\b",
    re.I,
)
# The GNSS problem told as a possibility: an advisory or a warning, not an event.
_MODAL_PROBLEM = re.compile(
    r"\b(?:may|might|could|would|will|can)\s+(?:not\s+)?(?:\w+\s+)?"
    # "which can send airliners off course": what interference may do to aircraft.
    r"(?:leave|lose|affect|disrupt|jam|spoof|interfere|experience|degrade|send|throw|knock|push"
    r"|be\s+(?:affected|"
    r"jammed|disrupted|lost|unreliable|unavailable|degraded))\b",
    re.I,
)
# Interference made on purpose to try equipment: a test, a trial, a demonstration.
_STAGED = re.compile(
    r"\b(?:test|trial)\s+(?:transmitters?|jammers?|signals?|equipment)\b"
    r"|\b(?:tests?|trials?|demonstrations?)\s+(?:[\w-]+\s+){0,6}?(?:showed|demonstrated|proved)\b",
    re.I,
)
# A denial: the event did not happen ("none of its aircraft lost GPS", "did not lose").
_NEGATED_EVENT = re.compile(
    r"\b(?:none of (?:its|the|their|our|his|her) (?:aircraft|planes|flights|jets|crews)"
    r"(?:\s+\w+){0,3}?\s+(?:lost|had|was|were|experienced|reported)"
    r"|no (?:aircraft|planes?|flights?|jets?) (?:was|were|had|lost|reported|experienced)"
    r"|(?:did not|didn't|never|was not|were not|wasn't|weren't|has not|have not|hasn't"
    r"|haven't)\s+(?:been\s+)?(?:lose|lost|affected|experience|jammed|disrupted|divert"
    r"|diverted|touched|hit)"
    # "the chairman denied that CAL's flights were being affected by the jamming"
    r"|den(?:y|ies|ied)\s+(?:that\s+)?(?:[\w'\u2019-]+\s+){0,4}?(?:flights?|aircraft|planes?"
    r"|jets?|crews?|pilots?)\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+"
    r"(?:being\s+)?(?:affected|jammed|disrupted|hit|spoofed)"
    # "there is currently no impact to operations", "the jamming does not affect safety"
    r"|no\s+(?:impact|effect)\s+(?:to|on)\s+(?:\w+\s+)?(?:operations|flights|safety|aircraft)"
    r"|(?:does|do|did)\s+not\s+(?:affect|impact|endanger)|(?:doesn't|don't|didn't)\s+"
    r"(?:affect|impact|endanger))\b",
    re.I,
)
_MARITIME = re.compile(
    r"\b(?:ships?|vessels?|maritime|tankers?|ferr(?:y|ies)|boats?|sailors|mariners|shipping)\b",
    re.I,
)
_GROUND = re.compile(
    r"\b(?:cars?|drivers?|taxis?|motorists|smartphones?|phones? users|delivery|couriers?|farmers?|"
    r"tractors?|ride-?hailing|trains?|railway)\b",
    re.I,
)
_PAST = re.compile(
    # ("speed", "need", "hundred": words that end in -ed and tell no past.)
    r"\b(?:(?!(?:speed|need|indeed|proceed|exceed|succeed|feed|seed|breed|bleed|greed|deed|creed"
    r"|embed|shed|hundred|sacred|naked|wicked|kindred)\b)\w{2,}ed"
    r"|was|were|had|lost|hit|went|saw|got|began|took|flew|made|came|left|held|sent"
    r"|told|said|could|couldn't|did|found|fell|knew|thought|became|ran|led|kept)\b",
    re.I,
)
_AIRCRAFT_WORD = re.compile(
    r"\b(?:flights?|plane|planes|airplanes?|aeroplanes?|aircraft|airliners?|jets?|pilots?|cockpit"
    r"|airlines?"
    r"|helicopters?|" + fx.AIR_AMBULANCE + "|" + fx.MAKERS + r")\b",
    re.I,
)
_LAUNCH = re.compile(
    r"\b(?:launch\w*|rocket|lift-?off|into orbit|satellite (?:was|is) placed)\b", re.I
)


# "an anti-jamming antenna", "counter-spoofing receivers": equipment, not a problem.
_COUNTER_WORD = re.compile(r"\b(?:anti|counter)[-\s]?(?:jam|spoof)\w*", re.I)


def _is_problem_sentence(text: str) -> bool:
    text = _COUNTER_WORD.sub(" ", text)
    if fx.JAM_TERM.search(text) or fx.SPOOF_TERM.search(text):
        return True
    # "GPS data showed the plane lost power" is not a GPS problem: the problem word must be
    # near the GNSS word ("lost the GPS signal", "GPS was unreliable").
    gnss = [m.span() for m in fx.GNSS_TERM.finditer(text)]
    if not gnss:
        return False
    for problem in fx.PROBLEM_TERM.finditer(text):
        if any(
            abs(problem.start() - end) <= 60 or abs(start - problem.end()) <= 60
            for start, end in gnss
        ):
            return True
    return False


# "The same thing happened the night before": a second incident told by reference to the first.
_SAME_AGAIN = re.compile(
    r"\b(?:the\s+same\s+(?:thing|problem|issue|fault|happened)|happened\s+again|"
    r"(?:also|again)\s+(?:had\s+to\s+)?(?:turned?|returned?|diverted|aborted|could\s+not))\b",
    re.I,
)
# "Another flight lost it the following evening", "a second jet was jammed the next day": one
# more aircraft met the trouble, on the day after the one told.
_ANOTHER_AIRCRAFT = re.compile(
    r"\b(?:another|a\s+second|a\s+third|a\s+further|one\s+more)\s+(?:[\w-]+\s+){0,2}"
    r"(?:flight|plane|aircraft|jet|airliner|crew)\b",
    re.I,
)
_MET_TROUBLE = re.compile(
    r"\b(?:lost|jammed|spoofed|hit|affected|disrupted|turned\s+back|diverted|aborted|returned"
    r"|could\s+not\s+land|went\s+around)\b",
    re.I,
)


# "forced to return because of such obstacles", "diverted due to the interference": an event
# sentence that names the article's subject only by pointing back to it.
_REFERS_BACK = re.compile(
    r"\b(?:(?:such|these|those|this|that|similar|the\s+same)\s+(?:[\w-]+\s+)?"
    r"|(?:due\s+to|because\s+of|owing\s+to|caused\s+by|as\s+a\s+result\s+of)\s+(?:the|it|its)\s+)"
    r"(?:obstacles?|interference|disruptions?|disturbances?|problems?|issues?|attacks?|outages?"
    r"|jamming|spoofing|incidents?|signal\s+(?:loss|problems?))\b",
    re.I,
)


def _about_interference(sentences: list[Sentence]) -> bool:
    """Is the article's subject GNSS interference (said in its headline or first sentences)?"""
    return any(
        _is_problem_sentence(s.text) and _INTERFERENCE_WORD.search(s.text) for s in sentences[:4]
    )


def _refers_back_to_event(text: str) -> bool:
    """A dated event of a particular aircraft that points back to the article's subject
    ("on 3 May two SkyLine jets had to turn back because of such disruptions")."""
    return bool(
        _REFERS_BACK.search(text)
        and _INCIDENT_VERB.search(text)
        and ax.specific_vehicle([text])
        and any(m.kind != "year" and "year" not in m.text.lower() for m in _event_dates(text, None))
    )


# "Dozens of commercial airplanes have experienced disruptions ... that began Friday": in the
# lede of a report about GNSS interference, aircraft that met "disruptions" on a day met it.
_MET_DISRUPTION = re.compile(
    r"\b(?:experienced|suffered|reported|faced|were\s+hit\s+by|were\s+affected\s+by)\s+"
    r"(?:(?:the|such|similar|signal)\s+)?(?:disruptions?|disturbances?|interference|outages?)\b",
    re.I,
)
_AIRCRAFT_PLURAL = re.compile(
    r"\b(?:airplanes|aeroplanes|planes|aircraft|airliners|jets|flights)\b", re.I
)


def _long_period(text: str) -> bool:
    """Does the sentence span more than a month ("between November 2023 and February 2025")?"""
    if "between" not in text.lower():
        return False
    mentions = [m for m in find_dates(text) if m.kind != "year"]
    for first, second in zip(mentions, mentions[1:], strict=False):
        if (
            first.prefix == "between"
            and second.prefix == "and"
            and first.date is not None
            and second.date is not None
            and (second.date - first.date).days > 31
        ):
            return True
    return False


def _area_event_in_lede(sentence: Sentence) -> bool:
    """Aircraft in a lede sentence that met the report's disruption on a named day (an area
    event told without repeating the GNSS word)."""
    text = sentence.text
    return bool(
        sentence.index <= 5
        and _MET_DISRUPTION.search(text)
        and _AIRCRAFT_PLURAL.search(text)
        and any(m.precision == "day" and m.kind != "following" for m in _event_dates(text, None))
    )


# "It got to round about Kouvola when the GPS signal disappeared": a sentence whose subject is
# a pronoun, after one that names the aircraft.
_PRONOUN_SUBJECT = re.compile(r"^[\"'\u201c\u2018]?(?:It|It's|Its)\b")


# "The flights departing from Helsinki on Thursday and Friday ...": the aircraft the sentence
# before named, taken up again.
_SAME_FLIGHTS = re.compile(
    r"^(?:The|Both|These|Those)\s+(?:two\s+)?(?:[\w-]+\s+)?(?:flights|planes|aircraft|jets|airliners)\b"
)


def _days_told_next(
    anchor: Sentence,
    sentences: list[Sentence],
    dates: list[DateMention],
    base: dt.date | None,
) -> tuple[list[DateMention], str] | None:
    """The days of the flights an anchor names, told in the next sentence: "jamming that made
    two flights turn back last week. The flights leaving on Thursday and Friday ..." (the
    anchor's own date, if any, is relative: the week, or the day a warning came)."""
    if anchor.index + 1 >= len(sentences) or not ax.specific_vehicle([anchor.text]):
        return None
    if any(m.kind in {"iso", "dmy", "mdy", "numeric"} for m in dates):
        return None
    following = sentences[anchor.index + 1]
    if not _SAME_FLIGHTS.match(following.text) and not _same_count(anchor.text, following.text):
        return None
    days = [m for m in _event_dates(following.text, base) if m.precision == "day" and m.date]
    return (days, following.text) if days else None


def _pronoun_for_aircraft(sentence: Sentence, sentences: list[Sentence]) -> bool:
    """Does the sentence open with "It", the particular aircraft the sentence before named?"""
    if not _PRONOUN_SUBJECT.match(sentence.text) or sentence.index == 0:
        return False
    previous = sentences[sentence.index - 1]
    return previous.paragraph == sentence.paragraph and bool(
        re.search(r"\b(?:plane|aircraft|jet|airliner|helicopter)\b", previous.text, re.I)
        and ax.specific_vehicle([previous.text])
    )


# "the planes' GPS", "both aircraft", "their navigation": several aircraft named before.
_THOSE_FLIGHTS = re.compile(
    r"\b(?:the|these|those|both)\s+(?:two\s+|three\s+)?(?:planes|aircraft|jets|flights|"
    r"airliners)\b|\btheir\s+(?:GPS|GNSS|navigation|satellite|signals?)\b",
    re.I,
)
_SEVERAL_FLIGHTS = re.compile(
    r"\b(?:two|three|four|both|several)\s+(?:[\w-]+\s+){0,2}(?:planes|aircraft|jets|flights|"
    r"airliners)\b",
    re.I,
)


def _flights_again(sentence: Sentence, previous: Sentence) -> bool:
    """Does the sentence take up the aircraft (several of them) that the sentence before it
    named ("Two Finnair flights ..." then "the planes' GPS")?"""
    return bool(_THOSE_FLIGHTS.search(sentence.text)) and bool(
        _SEVERAL_FLIGHTS.search(previous.text)
    )


# "..., after a similar failure last Thursday": an earlier incident of the same kind, told by
# reference to the one the report is about.
_SIMILAR_EVENT = re.compile(
    r"\b(?:(?:a|an|the)\s+)?(?:similar|same|comparable|previous|first)\s+(?:[\w-]+\s+)?"
    r"(?:failure|incident|problem|disruption|interference|outage|episode|case)\b",
    re.I,
)


def _similar_event_on_a_day(text: str) -> bool:
    return bool(_SIMILAR_EVENT.search(text)) and any(
        m.precision == "day" and m.kind != "following" for m in _event_dates(text, None)
    )


def _is_anchor(
    sentence: Sentence,
    *,
    crew_narrative: bool,
    topic: bool = False,
    lede_problem: bool = False,
    told_before: bool = False,
) -> bool:
    """Does ``sentence`` report a GNSS problem of a particular aircraft?

    :param topic: the article is about GNSS interference, so a dated event sentence that
        refers back to it ("because of such obstacles") counts without naming it again.
    :param lede_problem: the headline or lede tells a GNSS problem ("GPS disruptions for
        airplanes"), so aircraft of the lede that met "disruptions" on a day met that one.
    """
    text = sentence.text
    again = _SAME_AGAIN.search(text) or (
        _ANOTHER_AIRCRAFT.search(text) and _MET_TROUBLE.search(text)
    )
    if again and any(m.kind == "following" for m in find_dates(text)):
        return True
    if (
        topic
        and _similar_event_on_a_day(text)
        and not _not_happened(text)
        and not (_MARITIME.search(text) or _GROUND.search(text))
        and not _ADMINISTRATIVE_ACT.search(text)
    ):
        return True
    if not (
        _is_problem_sentence(text)
        or (topic and _refers_back_to_event(text))
        or ((topic or lede_problem) and _area_event_in_lede(sentence))
    ):
        return False
    vehicle = (
        fx.VEHICLE_TERM.search(text)
        or fx.aircraft([text])
        or fx.KNOWN_OPERATOR.search(text)
        or told_before
    )
    if not vehicle and not (crew_narrative and re.search(r"\b(?:[Ww]e|[Oo]ur|[Mm]y|I)\b", text)):
        return False
    if (
        isinstance(vehicle, re.Match)
        and vehicle.group(0).lower() in {"we", "our"}
        and not crew_narrative
    ):
        return False
    if _LAUNCH.search(text) and not fx.AVIATION_TERM.search(text.replace("satellite", "")):
        return False
    if _no_event_told(text):
        return False
    if not (sentence.heading or _PAST.search(text) or find_dates(text)):
        # Present-tense explanations ("spoofing makes the aircraft think...") describe no event.
        return False
    if _ADMINISTRATIVE_ACT.search(text) and not _INCIDENT_VERB.search(text):
        # "... the regulator had formed a committee on October 4": the date of an office's act.
        return False
    if _STAGED.search(text):
        # "Flight tests on 12 March showed the antenna kept a fix while a test transmitter
        # jammed the signal": interference made on purpose to try equipment is no incident.
        return False
    if _turned_for_another_cause(text):
        return False
    generic = _GENERIC.search(text)
    event = _EVENT.search(text)
    if generic and not event:
        return False
    if (
        generic
        and re.search(r"\b(?:aircraft|flights|planes|pilots|airlines|airports)\b", text, re.I)
        and not re.search(
            r"\b(?:a|the|one|its|his|her|our|flight)\s+(?:plane|aircraft|flight|jet|airliner|crew"
            # "two Finnair aircraft were forced to turn around": counted aircraft are particular
            r"|pilot|captain)\b|\b(?:[Tt]wo|[Tt]hree|[Bb]oth)\s+(?:[A-Z][\w-]+\s+)?"
            r"(?:planes|aircraft|flights|jets|airliners)\b|\b[A-Z]{2}\d{2,4}\b"
            r"|\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
            r"|\d{1,2} [A-Z][a-z]+ 20\d\d|\b(?:yesterday|last night)\b",
            text,
        )
    ):
        # "Aircraft across the region are increasingly affected": a trend, not an incident.
        return False
    return True


#: A diversion, return or landing told with a cause of its own: fuel, a medical emergency, a
#: bird, the weather or a fault of the aircraft.
_CAUSE_OF_ITS_OWN = re.compile(
    r"\b(?:diverted|returned|turned\s+back|landed|emergency\s+landing|grounded|delayed"
    r"|cancell?ed)\b[^.;]{0,80}?\b(?:for\s+(?:re-?fuel(?:l)?ing|fuel|a\s+medical|medical)"
    r"|(?:due\s+to|because\s+of|owing\s+to|after|following)\s+(?:an?\s+|the\s+|bad\s+)?"
    r"(?:medical|bird[\s-]?strikes?|(?:bad\s+|severe\s+|poor\s+)?weather|fog|storms?"
    r"|technical\s+(?:snag|fault|issue|problem|glitch)|engine|unruly|passenger|fuel|"
    r"low\s+fuel|smoke|crack))",
    re.I,
)


def _turned_for_another_cause(text: str) -> bool:
    """Does the sentence say why an aircraft diverted or landed, with no word of the signal?
    ("AI 180 was diverted to Dubai on Sunday for refuelling": fuel, not interference.)"""
    return bool(_CAUSE_OF_ITS_OWN.search(text)) and not (
        _INTERFERENCE_WORD.search(text) or fx.GNSS_TERM.search(text)
    )


@dataclass
class _Incident:
    anchors: list[Sentence]
    date: DateMention | None
    date_sentence: str = ""
    #: the sentence that first dated it, when a later one only told its date more precisely
    #: ("last year's disruption" in the lede, "in October 2022" further down).
    first_told: Sentence | None = None


# "the ministry said on Friday": when something was said, not when it happened.
_STATED = re.compile(
    r"\b(?:said|says|announced|stated|told(?:\s+[\w.-]+){1,5}|confirmed|added|warned|reported)\s+"
    # "... said this on Thursday, April 4": what was said, then when.
    r"(?:(?:this|that|it|so)\s+)?(?:on\s+|late\s+on\s+)?$"
    # "speaking to Newsday on December 22, the chairman ...": the day of an interview.
    r"|\b(?:speaking|talking)\s+(?:to|with)\s+(?:[\w.'\u2019-]+\s+){1,4}?(?:on\s+)?$"
    # "This was reported by the air carrier's press service on Monday, April 29": who told it,
    # then when.
    # (Not a crew's: "interference was reported by pilots in May" is the event.)
    r"|\b(?:reported|announced|stated|confirmed|disclosed)\s+by\s+(?:the\s+)?"
    r"(?!(?:pilots?|crews?|captains?|air\s+crews?)\b)(?:[\w.'\u2019-]+\s+){1,6}?"
    r"(?:late\s+)?on\s+$"
    # "The report, published in September": when a document came out, not an incident.
    # "Published online by Cambridge University Press: 28 October 2024", "the bulletin, which
    # was published back in Jan 2025": a document's date, however it is introduced.
    r"|(?:\b|(?<=[a-z]))(?:published|released|issued|updated|posted)(?:\s+online)?"
    r"(?:\s+by\s+[\w.&'\u2019-]+(?:\s+[\w.&'\u2019-]+){0,4}\s*:)?\s*(?:back\s+)?(?:on\s+|in\s+)?$"
    r"|\b(?:statement|announcement|parliament|press conference|briefing|interview"
    # "the regulator has issued again a three-page circular, on November 10"
    r"|circular|advisory|bulletin|directive)\b"
    r"[\w\s,()]{0,40}\s(?:on\s+)?$"
    # "The FAA issued a 60-day warning Friday urging pilots...": the day a notice came out.
    r"|\b(?:issued|published|released|sent\s+out|put\s+out)\s+(?:an?\s+|the\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:warnings?|advisor(?:y|ies)|notices?|NOTAMs?|alerts?|bulletins?"
    r"|statements?|circulars?)\s+(?:on\s+|late\s+on\s+)?$"
    # "the report on Israel Army Radio Thursday morning": the day of a broadcast.
    r"|\b(?:radio|television|TV|Channel\s+\d+)\s+(?:on\s+)?$"
    # "Travel Correspondent, 29 April 2024", "Staff Writer | May 3, 2024": a byline's date,
    # the day the story was filed.
    r"|\b(?:correspondent|editor|reporter|writer|columnist|contributor)\s*[,|\u2013\u2014-]?\s*$"
    # "..., said the Swedish Transport Agency on Thursday", "said air traffic control on
    # Tuesday" (a gloss of "teilte die Flugsicherung am Dienstag mit"): who said it, then when.
    r"|,\s*(?:it\s+was\s+)?(?:said|says|announced|reported|confirmed|added)\s+(?:the\s+)?"
    r"(?:(?!(?:lost|jammed|spoofed|diverted|landed|GPS|signal|aircraft|plane|jet|flight)\b)"
    r"[\w.'\u2019-]+\s+){1,4}(?:on\s+|late\s+on\s+)?$",
    re.I,
)


def _before(sentence: str, mention: DateMention) -> str:
    """The words before a date, ending in one space whether or not the match took the space
    ("the government said Thursday": a weekday's match may start at the space)."""
    return sentence[: mention.start].rstrip() + " "


def _reported_day(sentence: str, base: dt.date | None) -> DateMention | None:
    """The day a statement in the sentence was made ("..., the authority said Wednesday"),
    within the week before publication: the nearest day to an event the text does not date."""
    if base is None:
        return None
    for m in find_dates(sentence, base=base):
        if (
            m.precision == "day"
            and m.kind not in {"year", "following"}
            and m.date is not None
            and base - dt.timedelta(days=7) <= m.date <= base
            and _STATED.search(_before(sentence, m))
        ):
            return m
    return None


def _event_dates(sentence: str, base: dt.date | None) -> list[DateMention]:
    mentions = [
        m for m in find_dates(sentence, base=base)
        if not m.is_bound and m.kind != "year"
        and (
            not _STATED.search(_before(sentence, m))
            or _CREW_REPORTED_ON.search(_before(sentence, m))
        )
        and not (
            _STATED_AFTER.match(sentence[m.end :])
            and not _CREW_REPORTED.search(sentence[: m.start])
        )
        # "733 this year as of August 18": the cut-off of a count, not an event's day
        and not _AS_OF.search(sentence[: m.start])
        # "the last time airspace was closed like this was after September 11, 2001"
        and not _COMPARED_WITH.search(sentence[: m.start])
        # "Since the war erupted on February 24, jamming has intensified": a trend's start
        and not _SINCE_WAR.search(sentence[: m.start])
        and not _POST_SIGNATURE.search(sentence[: m.start])
        and not _is_deadline(sentence, m)
        # "the trip, which will continue on Monday in Romania": a plan's day
        and not _PLAN.search(sentence[: m.start])
        # "tickets for flights up to and including May 31", "no later than 1 June": the end of
        # a period, not the day of an event
        and not _UNTIL.search(sentence[: m.start])
        # "8:12 AM EST, November 11, 2024 The ministry explained ...": a page's stamp run
        # into the next line
        and not _CLOCK_BEFORE.search(sentence[: m.start])
        # "Beginning in August 2023 and continuing through the present", "since August 2023":
        # the month a campaign started, not an incident's ("interference ongoing since
        # December 25th" dates a disruption by its first day)
        and not (m.precision != "day" and _SINCE.search(sentence[: m.start]))
    ]  # fmt: skip
    # A date after today is no incident's (a slip, or a plan: "3 March 2031"), with or without
    # a publication date; the validator's tolerance allows for time zones.
    today = dt.datetime.now(dt.UTC).date()
    mentions = [m for m in mentions if m.date is None or m.date <= today + FUTURE_TOLERANCE]
    if base is not None:
        # Future dates ("talks on Thursday") are not when an incident happened.
        mentions = [m for m in mentions if m.date is None or m.date <= base + dt.timedelta(days=1)]
        # "flights suspended from 29 April to 31 May" on a page of 1 May, "jamming tests
        # between Feb. 6 and 10" on a page of 7 February: a period that runs on past the page
        # is a measure's or a warning's term (a plan), not when an incident happened.
        mentions = [
            m for m in mentions if m.end_date is None or m.end_date <= base + dt.timedelta(days=1)
        ]
        # "resuming flights in June" (a plan): a month named without a year after a word of
        # intent is not the incident's month, even though it reads as last June.
        mentions = [
            m
            for m in mentions
            if not (
                m.precision == "month"
                and not re.search(r"\d{4}", m.text)
                and _INTENT.search(sentence[: m.start])
            )
        ]
    # "it would suspend flights from April 29 to May 31": the start of a plan, not an incident
    # (without a year, a span ending after the page's date reads as last year's).
    return [m for m in mentions if not _is_plan_start(sentence, m)]


#: Distinct countries, seas and regions one sentence names before it reads as a survey of a
#: region ("around Kaliningrad, eastern Finland, the Black Sea and the eastern Mediterranean")
#: rather than one aircraft's incident, which names its place, perhaps a country and a route.
AREAS_OF_A_SURVEY = 4


def _areas_listed(
    texts: list[str], hits: list[PlaceHit], *, budget: LookupBudget
) -> tuple[str, int]:
    """The first of ``texts`` that names :data:`AREAS_OF_A_SURVEY` or more distinct countries,
    seas or regions and no particular aircraft, and how many areas it names; ``("", 0)`` when
    none does. ("A Wizz Air flight from Budapest to Larnaca, Cyprus lost GPS over Turkey near
    Syria and Iraq" is one flight's route.)"""
    for text in dict.fromkeys(t for t in texts if t):
        if ax.specific_vehicle([text]):
            continue
        found = [h for h in hits if h.sentence == text] or spot_places(text, budget=budget)
        areas = {
            h.location.raw.get("name")
            for h in found
            if h.location.raw.get("precision") in {"country", "region", "area"}
        }
        if len(areas) >= AREAS_OF_A_SURVEY:
            return text, len(areas)
    return "", 0


def _is_plan_start(sentence: str, mention: DateMention) -> bool:
    return bool(
        mention.kind in {"dmy", "mdy"}
        and not re.search(r"\d{4}", mention.text)
        and mention.prefix in _PLAN_START
        and _PLAN.search(sentence[: mention.start])
    )


# "Several flights approaching Delhi on Wednesday reported spoofed signals": when aircraft or
# crews report, the report is the event, not a later statement about it.
_CREW_REPORTED = re.compile(
    r"^(?:[^,;]{0,60}\s)?(?:flights?|planes?|aircraft|airliners?|jets?|pilots?|crews?|captains?)"
    r"\b[^,;]{0,60}$",
    re.I,
)
_AIRLINE_ACT = re.compile(r"\b(?:land|lands|divert\w*|took off|take off|turn(?:ed)? back)\b", re.I)
# "Pilots of an Aegean Airbus reported on Monday that ...": crews report what happened to them
# when it happens.
_CREW_REPORTED_ON = re.compile(
    r"^(?:[^,;]{0,40}\s)?(?:pilots?|crews?|captains?)\b[^,;]{0,50}\breported\s+(?:on\s+)?$",
    re.I,
)
#: "since the war erupted on", "since the invasion began in": the start of a war that a
#: trend is counted from, not an incident's day.
_SINCE_WAR = re.compile(
    r"\bsince\s+(?:the\s+|Russia's\s+|Russia\u2019s\s+)?(?:full-scale\s+)?(?:war|invasion"
    r"|conflict|fighting|hostilities|offensive)\b[^,.;:]{0,40}$",
    re.I,
)
#: A comparison with history before a date: the date is the precedent's, not an incident's.
_COMPARED_WITH = re.compile(
    r"\b(?:the\s+last\s+time|the\s+first\s+time\s+since|in\s+the\s+wake\s+of\s+the)\b", re.I
)
_AS_OF = re.compile(r"\b(?:as\s+(?:of|at)|up\s+to|to\s+date\s+on)\s*$", re.I)
# "... on runway 10. — News Agency (@agency) December 1, 2025": the signature of an embedded
# social-media post, the day it was posted, not an incident's.
_POST_SIGNATURE = re.compile(r"\(@\w+\)\s*$")

# "to avoid being excluded from controlled airspace after January 1, 2020": a rule's date
# (a mandate, a deadline), told after "after", "by" or "before" in a sentence of duties.
_DEADLINE_BEFORE = re.compile(r"\b(?:after|by|before|until|from)\s*$", re.I)
_DUTY = re.compile(
    r"\b(?:deadline|mandate[ds]?|mandatory|required|requirements?|must|compl(?:y|ying|iance)|"
    r"excluded|obliged|obligatory|equip(?:ped)?\s+(?:with|themselves))\b",
    re.I,
)


def _is_deadline(sentence: str, mention: DateMention) -> bool:
    """Is the date a rule's deadline ("equip with ADS-B ... after January 1, 2020")?"""
    return bool(_DEADLINE_BEFORE.search(sentence[: mention.start])) and bool(_DUTY.search(sentence))


# "Azerbaijan on Tuesday issued a statement": the date of the statement, not of the event.
_STATED_AFTER = re.compile(
    # ("1 December, on Monday, said": a gloss of a language that puts the verb last.)
    r"^\s*,?\s*(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s*)?"
    r"(?:issued|said|says|announced|stated|told|confirmed|reported|warned|claimed"
    # "Two senators on Wednesday urged the FAA to act": the day of a demand.
    r"|urged|pressed|called\s+on|demanded)\b"
    # "On Thursday, the British government announced that ...": the day of the announcement.
    r"|^\s*,\s*(?:the\s+)?(?:[\w'\u2019-]+\s+){1,4}?(?:said|announced|stated|confirmed|revealed"
    r"|disclosed|told\s+\w+)\s+that\b"
    # "On April 28, the foreign ministers of Latvia, Estonia and Lithuania told a newspaper they
    # were worried ...": a longer subject (not a crew) who told someone something.
    r"|^\s*,\s*(?:(?!(?:pilots?|crews?|captains?|flights?|planes?|aircraft|jets?|passengers?)\b)"
    r"[\w'\u2019-]+,?\s+){1,10}?(?:said|announced|stated|confirmed|revealed|disclosed|warned"
    r"|told(?:\s+[\w'\u2019.-]+){1,4}?)\s+(?:that|they|he|she|it|we)\b"
    # "In a December 22 statement, the chairman said ...": the date of a document.
    r"|^\s*(?:press\s+)?(?:statement|announcement|release|letter|circular|bulletin"
    r"|advisory|briefing|interview|post)\b"
    # "On November 29, 2018, the FAA issued an advisory": the day an office put out a paper.
    r"|^\s*,\s*(?:the\s+)?(?:[\w'\u2019-]+\s+){1,3}?(?:issued|published|released)\b",
    re.I,
)

# The words before a date that make it the start of a period running on to now.
_SINCE = re.compile(
    r"\b(?:since|ever since|beginning(?:\s+in)?|starting(?:\s+in)?)\s+(?:early\s+|late\s+)?$",
    re.I,
)
#: A change in how often something happens ("a notable increase in jamming"): a period since a
#: date told this way is a trend's, made of many incidents, and dates none of them.
_TREND = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:increase|rise|surge|spurt|upsurge|uptick|growth|upswing|spike|jump)\s+in\b"
    r"|\b(?:become|grown|got(?:ten)?)\s+(?:more\s+(?:frequent|common|widespread)|worse)\b",
    re.I,
)

_DRONE_JAMMER = re.compile(
    r"\b(?:(?:anti-|counter-)?drones?|UAVs?|unmanned aerial)[\s-]+(?:jammers?|jamming guns?)\b"
    r"|\b(?:jammers?|jamming)\s+(?:against|for|to (?:stop|down|counter))\s+drones?\b",
    re.I,
)

_INTENT = re.compile(
    r"\b(?:will|would|shall|resum\w*|plans?|planned|expects?|expected|scheduled|until"
    r"|to\s+(?:resume|restart))"
    r"\b[^.;]*$",
    re.I,
)


# A page's list of links to other stories: "Related stories", "Read more:", "Popular"...
_LINK_LIST_LABEL = re.compile(
    r"^\s*(?:related(?:\s+(?:stories|articles|news|posts|coverage|content|reading|topics))?"
    r"|read\s+(?:more|also|next)|see\s+also|also\s+read|more\s+(?:stories|news|on\s+this"
    r"(?:\s+story)?)|you\s+(?:may|might)\s+(?:also\s+)?like|recommended(?:\s+for\s+you)?"
    r"|popular(?:\s+(?:stories|news|now))?|most\s+(?:read|popular|viewed)|trending(?:\s+now)?"
    r"|latest(?:\s+(?:news|stories))?|top\s+stories"
    # "Recall", "Reminder", "Previously": a label over teasers of earlier stories.
    r"|recall|reminder|previously(?:\s+(?:reported|on))?)\s*[:\u2013\u2014-]?\s*$",
    re.I,
)
# The same label with its headlines on one line: "Related: Estonia summons envoy (12 March
# 2024) | Finnair halts flights (29 April 2024)".
_LINK_LIST_INLINE = re.compile(
    _LINK_LIST_LABEL.pattern.replace(r"\s*[:\u2013\u2014-]?\s*$", r"\s*:\s*\S"), re.I
)
#: At most this many link lines are dropped after a label.
LINK_LIST_LINES = 30


def _without_link_lists(text: str) -> str:
    """The text without the lists of other stories' headlines a page shows after a label
    ("Related stories", "Read more:", "Popular"): their dates and places are other stories'.

    The lines after the label that do not end a sentence (headlines, cut teasers, a headline
    with its date) are dropped, up to the first line that ends with a full stop.
    """
    lines = text.split("\n")
    kept: list[str] = []
    dropping = 0
    for line in lines:
        stripped = line.strip()
        if _LINK_LIST_LABEL.match(stripped):
            dropping = LINK_LIST_LINES
            kept.append("")
            continue
        ended = re.search(r"[.!?][\"'\u201d\u2019)]?$", stripped)
        if not ended and _LINK_LIST_INLINE.match(stripped):
            kept.append("")
            continue
        if dropping and stripped and not ended:
            dropping -= 1
            kept.append("")
            continue
        if stripped:
            dropping = 0
        kept.append(line)
    return "\n".join(kept)


# The heading of readers' comments: "12 Comments", "Leave a reply", "Join the discussion".
_COMMENTS_LABEL = re.compile(
    r"^\s*(?:(?:\d+\s+)?(?:reader\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?"
    r"|(?:leave|post|add|write)\s+a\s+(?:comment|reply)|(?:join|start)\s+the\s+"
    r"(?:discussion|conversation)|(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments)"
    r"\s*:?\s*$",
    re.I,
)
#: A comments heading counts only after this many lines, with this many characters of lines
#: ending a sentence (a blog's "3 Comments" under its title is above the story).
COMMENTS_AFTER_LINES = 3
COMMENTS_AFTER_CHARS = 100


def _without_comments(text: str) -> str:
    """The text without the readers' comments below the story: a commenter's "same happened on
    my flight on Monday" is not the report's incident."""
    lines = text.split("\n")
    told = seen = 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        if (
            seen >= COMMENTS_AFTER_LINES
            and told >= COMMENTS_AFTER_CHARS
            and _COMMENTS_LABEL.match(stripped)
        ):
            return "\n".join(lines[:number])
        seen += bool(stripped)
        if re.search(r"[.!?][\"'\u201d\u2019)]?$", stripped):
            told += len(stripped)
    return text


# "the airline said it would suspend flights from April 29": a plan told before it began.
_PLAN = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|(?:is|are)\s+(?:scheduled\s+|set\s+|due\s+)?to"
    r"|expects?\s+to)\s+"
    # the plan's own words up to its date: "would suspend daily flights there from" (not
    # "will resume in June after two planes were stopped on": the date of another clause)
    r"(?:(?!(?:after|because|when|since|following|before|as|but|and)\b)[\w'\u2019-]+,?\s+){1,7}$",
    re.I,
)
_PLAN_START = frozenset({"from", "starting", "beginning", "on"})
_UNTIL = re.compile(
    # ("until 31 May" is a range's bound already: see dates.find_dates.)
    r"\b(?:up\s+to\s+and\s+including|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?$",
    re.I,
)
_PLAN_WORD = re.compile(r"\b(?:will|would|shall|plans?|is|are|expects?)\b", re.I)


def _group(
    anchors: list[Sentence], sentences: list[Sentence], base: dt.date | None, budget: LookupBudget
) -> list[_Incident]:
    incidents: list[_Incident] = []
    for anchor in anchors:
        dates = _event_dates(anchor.text, base)
        dating_text = anchor.text
        if not dates:
            # The date is often in the sentence before ("On Sunday, ... . The crew lost GPS.").
            # "This incident resulted in...": the sentence before tells the incident it means.
            previous = sentences[anchor.index - 1] if anchor.index > 0 else None
            if (
                previous
                and previous.paragraph == anchor.paragraph
                and (
                    not incidents
                    or _THIS_INCIDENT.match(anchor.text)
                    # "Our plane was flying to X on Sunday. It lost GPS near Y."
                    or _pronoun_for_aircraft(anchor, sentences)
                    # "Two flights had to return on Thursday and Friday. Experts believe the
                    # planes' GPS was jammed.": the flights of the sentence before, again.
                    or _flights_again(anchor, previous)
                )
            ):
                dates = _event_dates(previous.text, base)
                # "Two flights had to return on Thursday and Friday. Experts believe their GPS
                # was jammed.": the sentence that dates them tells whether the days are one
                # event or several.
                dating_text = previous.text if dates else anchor.text
        told_next = _days_told_next(anchor, sentences, dates, base)
        if told_next:
            dates, dating_text = told_next
        dates = [d for m in dates for d in _enumerated_days(m, dating_text)]
        dates = _another_the_next_day(dates, dating_text)
        distinct = [
            m
            for m in dates
            if m.date is not None and m.precision == "day" and m.kind != "following"
        ]
        distinct_days = sorted({m.date for m in distinct})
        if len(distinct_days) > 1:
            # "Two planes could not land at Tartu last month. The two flights returned on
            # April 25 and April 26": the undated incident told just before is these days'.
            undated = _undated_before(incidents, anchor, budget)
        else:
            undated = []
        if (
            len(distinct_days) > 1
            and not _SEPARATE_EVENTS.search(dating_text)
            and not _listed_days(dating_text, distinct)
            and not _one_enumeration(distinct, distinct_days)
            and not _days_of_other_flights(dating_text, distinct)
            and not any(m.kind == NEXT_DAY_KIND for m in distinct)
            and ((distinct_days[-1] - distinct_days[0]).days <= 3)
        ):
            # "affected from Thursday to Saturday": one incident spanning the days.
            first = next(m for m in distinct if m.date == distinct_days[0])
            spanning = DateMention(
                first.start, first.end, first.text, first.kind, first.date, "day", distinct_days[-1]
            )
            _place_anchor(incidents, anchor, spanning, undated)
            continue
        if len(distinct_days) > 1:
            # "flights on Thursday and again on Friday": one incident per day named.
            for day in distinct_days:
                chosen = next(m for m in distinct if m.date == day)
                _place_anchor(incidents, anchor, chosen, undated)
            continue
        mention = dates[0] if dates else None
        if (
            mention is not None
            and mention.precision != "day"
            and _SIMILAR_EVENT.search(anchor.text)
        ):
            # "the second case this month, after a similar disruption on Monday": the day told
            # for the earlier incident, not the period of the count.
            mention = next((m for m in dates if m.precision == "day"), mention)
        if mention and mention.kind == "following":
            if incidents and (incidents[-1].date is None or incidents[-1].date.date is None):
                # "The same thing happened the night before": the date it counts from may sit
                # in a sentence that is not an anchor ("on Friday evening it turned around").
                earlier = _nearest_before(sentences, anchor.index, base)
                if earlier is not None:
                    incidents[-1].date, incidents[-1].date_sentence = earlier
            if incidents and incidents[-1].date and incidents[-1].date.date:
                prior = incidents[-1].date
                shifted = prior.date + dt.timedelta(days=mention.offset_days)
                mention = DateMention(
                    mention.start, mention.end, mention.text, "following", shifted, prior.precision
                )
                incidents.append(_Incident([anchor], mention, anchor.text))
            elif incidents:
                incidents[-1].anchors.append(anchor)
            else:
                incidents.append(_Incident([anchor], None))
            continue
        if mention is None or mention.date is None:
            if (
                incidents
                and not _starts_another(anchor, incidents[-1], budget)
                and not _background_between(incidents[-1], anchor, sentences)
            ):
                # After "on Friday and Saturday" (one incident a day, told in one sentence) an
                # undated sentence tells about every day of it.
                told_with = incidents[-1].anchors[0]
                for incident in incidents:
                    if incident.anchors[0] is told_with:
                        incident.anchors.append(anchor)
            else:
                incidents.append(_Incident([anchor], mention, anchor.text if mention else ""))
            continue
        joined = False
        # "A similar incident ... on 31 August", weeks before publication, or a sentence
        # recalling an earlier event ("In early February Russia jammed GPS in a similar
        # fashion ..."): not the day of an undated incident told before it; an incident of its
        # own (scored as background).
        recalled = (
            base is not None
            and bool(_SIMILAR_EVENT.search(anchor.text))
            and (base - mention.date).days > 14
        ) or (anchor.index > 0 and ax.is_background(anchor.text))
        for incident in incidents:
            if (incident.date is None or incident.date.date is None) and (
                recalled or _told_elsewhere(anchor, mention, incident, base)
            ):
                continue
            if incident.date is None or incident.date.date is None:
                if recalled or _another_airlines(anchor, incident):
                    continue
                if _another_flight_elsewhere(anchor, incident, budget):
                    continue
                if incident.date is not None and "year" in incident.date.text.lower():
                    # "last year's disruption" with no publication date to count from, told
                    # with its month further down: still the incident the lede named.
                    incident.first_told = next(
                        (a for a in incident.anchors if a.text == incident.date_sentence), None
                    )
                incident.date, incident.date_sentence = mention, anchor.text
                incident.anchors.append(anchor)
                joined = True
                break
            existing = incident.date
            same = existing.date == mention.date or (
                "month" in (existing.precision, mention.precision)
                and existing.date.year == mention.date.year
                and existing.date.month == mention.date.month
            )
            # "last year's disruption at X" ... "in October 2022": the year told more precisely.
            told_closer = (
                existing.precision == "year"
                and mention.precision in {"month", "day"}
                and existing.date.year == mention.date.year
            )
            if (same or told_closer) and existing.precision != "day":
                # A vague date shared ("last year" ... "In December, a flight bound for
                # Vienna"): a new flight elsewhere is not more of the incident before.
                if _another_flight_elsewhere(anchor, incident, budget):
                    continue
            if same or told_closer:
                if told_closer and incident.first_told is None:
                    incident.first_told = next(
                        (a for a in incident.anchors if a.text == incident.date_sentence), None
                    )
                if told_closer or (existing.precision == "month" and mention.precision == "day"):
                    incident.date, incident.date_sentence = mention, anchor.text
                incident.anchors.append(anchor)
                joined = True
                break
        if not joined:
            incidents.append(_Incident([anchor], mention, anchor.text))
    return incidents


_US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
    "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI US".split()
)


#: The states a record's two letters name, for those the gazetteer knows as areas.
_US_STATE_NAMES = {
    "AZ": "Arizona", "CA": "California", "ID": "Idaho", "NM": "New Mexico", "NV": "Nevada",
    "TX": "Texas",
}  # fmt: skip


def _record_state(sentences: list[Sentence]) -> PlaceHit | None:
    """ASRS records hide the airport (``ZZZ``) but keep ``State Reference : TX`` (or ``FO``,
    foreign): enough for the state, or at least the country, when the narrative names no
    place."""
    for sentence in sentences:
        match = re.search(r"State Reference\s*[:|]\s*([A-Z]{2})\b", sentence.text)
        if match and match.group(1) in _US_STATES:
            for name in (_US_STATE_NAMES.get(match.group(1)), "United States"):
                location = get_geocoder().geocode(name) if name else None
                if location is not None and location.raw.get("country_code") == "US":
                    return PlaceHit(name, name, location, 1.0, sentence.text)
    return None


def _nearest_before(
    sentences: list[Sentence], index: int, base: dt.date | None
) -> tuple[DateMention, str] | None:
    for position in range(index - 1, -1, -1):
        for mention in _event_dates(sentences[position].text, base):
            if mention.date is not None and mention.kind != "following":
                return mention, sentences[position].text
    return None


# An office's own act, dated: setting up a body, issuing or publishing a document.
_ADMINISTRATIVE_ACT = re.compile(
    r"\b(?:formed|set up|established|created|convened|constituted|appointed)\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+){0,2}(?:committee|panel|task ?force|working group|commission|team|body)\b"
    r"|\b(?:issued|published|released|circulated|adopted)\s+(?:an?\s+|the\s+|its\s+)?"
    r"(?:\w+\s+){0,2}(?:advisory|circular|bulletin|guidance|notice|report|rules?|directive"
    r"|regulations?|recommendations?)\b"
    # "The owner appeared in court on Wednesday", "was fined on 3 May": the day of a trial or
    # a sentence, not of the incident it judges.
    r"|\b(?:court|courts|tribunal|trial|judge|sentenced|fined|convicted|acquitted|indicted)\b"
    # "Dawn take-offs were banned from July 11": the day a ban began, not an incident's.
    r"|\b(?:banned|prohibited)\s+(?:from|since|as\s+of|starting)\b",
    re.I,
)


def _told_elsewhere(
    anchor: Sentence, mention: DateMention, incident: _Incident, base: dt.date | None
) -> bool:
    """Is a dated anchor, weeks before publication, in another paragraph and about another
    country than the undated ``incident`` ("31 August: the Commission president's aircraft
    had problems in Bulgaria" below a flight near Kaliningrad): an earlier event recalled?"""
    if base is None or mention.date is None or (base - mention.date).days <= 14:
        return False
    if anchor.paragraph in {a.paragraph for a in incident.anchors}:
        return False
    theirs = set().union(*(_countries_named(a.text) for a in incident.anchors))
    return bool(theirs) and not (_countries_named(anchor.text) & theirs)


def _countries_named(text: str) -> set[str]:
    """The countries of the places a sentence names, whatever their role."""
    return {h.country for h in spot_places(text, budget=LookupBudget())} - {"", None}


#: "In recent days", "this week", "over the past week": the days just before publication.
_RECENT_WORDS = re.compile(r"\b(?:recent\s+days|few\s+days|couple\s+of\s+days|week)\b", re.I)
#: How far back such a period reaches.
RECENT_PERIOD = dt.timedelta(days=7)


def _day_of_recent_period(
    sentences: list[Sentence], anchor_index: int, base: dt.date, taken: set[dt.date]
) -> tuple[DateMention, str] | None:
    """The first day of the :data:`RECENT_PERIOD` before ``base`` that a sentence after the
    anchor, in its paragraph or the next, tells, unless another incident of the page has it
    (``taken``); ``None`` when none does."""
    paragraph = sentences[anchor_index].paragraph
    for sentence in sentences[anchor_index + 1 :]:
        if sentence.paragraph > paragraph + 1:
            break
        if ax.is_background(sentence.text):
            continue
        for mention in _event_dates(sentence.text, base):
            if (
                mention.precision == "day"
                and mention.kind != "following"
                and mention.date is not None
                and mention.date not in taken
                and dt.timedelta(0) <= base - mention.date <= RECENT_PERIOD
            ):
                return mention, sentence.text
    return None


#: Words that tell a disturbance still going on at the day they give ("signals were continuing
#: unabated on Thursday"): that day is one of its days, not its first.
_CONTINUING = re.compile(r"\b(?:continu\w*|still|unabated|persist\w*|ongoing)\b", re.I)
#: A disturbance that goes on is dated by its first day when the page gives it within this many
#: days before ("337 aircraft since Saturday").
CONTINUING_REACH = dt.timedelta(days=14)
#: How many sentences from the anchor on may give that first day.
CONTINUING_SENTENCES = 6


def _start_of_continuing(
    mention: DateMention | None,
    date_sentence: str,
    sentences: list[Sentence],
    anchor_index: int,
    base: dt.date | None,
) -> tuple[DateMention, str] | None:
    """The first day of a disturbance the date sentence tells still going on ("jamming signals
    were continuing unabated on Thursday"), when one of the :data:`CONTINUING_SENTENCES` from
    the anchor on gives it with "since" ("a total of 337 aircraft since Saturday"); ``None``
    otherwise."""
    if (
        mention is None
        or mention.date is None
        or mention.precision != "day"
        or not _CONTINUING.search(date_sentence)
    ):
        return None
    for sentence in sentences[anchor_index : anchor_index + CONTINUING_SENTENCES]:
        for start in find_dates(sentence.text, base=base):
            if (
                start.prefix == "since"
                and start.precision == "day"
                and start.date is not None
                and dt.timedelta(days=1) <= mention.date - start.date <= CONTINUING_REACH
            ):
                return start, sentence.text
    return None


def _recent_period(mention: DateMention | None) -> bool:
    """Is the mention a period of the days just before publication ("in recent days", "this
    week"), which the dates module knows only to its month?"""
    return (
        mention is not None
        and mention.kind == "relative_word"
        and mention.precision == "month"
        and bool(_RECENT_WORDS.search(mention.text))
        and "last week" != " ".join(mention.text.lower().split())
    )


def _nearest_date(
    sentences: list[Sentence],
    anchor_index: int,
    base: dt.date | None,
    anchors: list[Sentence] | None = None,
) -> tuple[DateMention, str] | None:
    """For a one-incident report whose anchor has no date: the closest dated sentence,
    looking back first (a "Date:" field, an opening "On Sunday,"), then forward."""
    order = list(range(anchor_index - 1, -1, -1)) + list(range(anchor_index + 1, len(sentences)))
    anchor_countries = set().union(
        *(_countries_named(a.text) for a in (anchors or [sentences[anchor_index]]))
    )
    # The airlines named in the anchor's paragraph ("a KLM pilot ... landed at Helsinki"): a
    # day told in another paragraph about other airlines only (Finnair's) is their story's.
    own_paragraph = sentences[anchor_index].paragraph
    airlines = _airlines(s.text for s in sentences if s.paragraph == own_paragraph)
    for index in order:
        text = sentences[index].text
        if (
            airlines
            and sentences[index].paragraph != own_paragraph
            and _airlines([text])
            and not _airlines([text]) & airlines
        ):
            continue
        if (ax.is_aggregate(text) or _ADMINISTRATIVE_ACT.search(text)) and not _TELLS_WHEN.search(
            text
        ):
            # "316 aircraft between July 15 and August 15", "formed a committee on October 4":
            # the period of a count or the day of an office's decision, not of an incident.
            continue
        if (
            ax.POLICY.search(text)
            and not _INCIDENT_VERB.search(text)
            and not _is_problem_sentence(text)
            and not _TELLS_WHEN.search(text)
        ):
            # "In early June, six countries raised the issue with the ICAO Council": the day of
            # a statement or a meeting, with no event in it, does not date an incident.
            continue
        if _EXERCISE_SPAN.search(text) and not _is_problem_sentence(text):
            # "NATO held its largest exercise in decades from 25 October to 7 November": the
            # days of the drills the interference came during, not of the interference.
            continue
        if index > anchor_index and ax.is_background(text):
            # "In February, the regulator called such attacks a daily occurrence": a later
            # sentence recalling something earlier does not date the incident.
            continue
        # A day weeks before publication, told further down as "a similar incident" or in
        # another paragraph about no country the anchor names, is an earlier event recalled
        # ("On 31 August the Commission president's plane ..."), not the undated incident.
        if _is_stamp_line(text):
            # "andmiz 19th April 2026 23:43", "14th Mar 2024, 15:18 #1 (permalink)": when a
            # forum post or a comment was written, not when anything happened.
            continue
        recalled = None  # found out only for a sentence with a day (naming countries is slow)
        for mention in _event_dates(text, base):
            if mention.date is not None and mention.kind != "following":
                if recalled is None:
                    recalled = (
                        index > anchor_index
                        and not _TELLS_WHEN.search(text)
                        and (
                            bool(_SIMILAR_EVENT.search(text))
                            or (
                                sentences[index].paragraph != sentences[anchor_index].paragraph
                                and bool(anchor_countries)
                                and not _countries_named(text) & anchor_countries
                            )
                        )
                    )
                # (On an undated page any such day may be weeks before: none is taken.)
                if recalled and (base is None or (base - mention.date).days > 14):
                    continue
                return mention, sentences[index].text
    return None


def _twin_at(candidate: Candidate, place: PlaceHit, note: str) -> Candidate:
    """A copy of the candidate placed at ``place`` instead, saying why in its notes."""
    twin = copy.deepcopy(candidate)
    twin.values.update(_place_values(place)[0])
    twin.notes = [*twin.notes, note]
    return twin


def _paired_countries(candidate: Candidate, place: PlaceHit | None, hits: list[PlaceHit]) -> list:
    """One more candidate for the second of two countries an anchor pairs as where the trouble
    was ("pilots in Norway and Finland lost GPS signals"): each country's airspace is its own
    incident, as readers list them. A route ("from Warsaw to Plovdiv", "between Latvia and
    Estonia") pairs nothing."""
    own = candidate.values[INC.country]
    if place is None or not own:
        return []
    countries = [h for h in hits if h.location.raw.get("precision") == "country" and h.country]
    extra: dict[str, Candidate] = {}
    for first in countries:
        if first.country != own:
            continue
        for second in countries:
            if second.sentence != first.sentence or second.country in {own, *extra}:
                continue
            pair = re.compile(
                rf"\b(?:in|over|across|above)\s+(?:the\s+)?{re.escape(first.text.strip())}"
                rf"\s+and\s+(?:the\s+)?{re.escape(second.text.strip())}\b"
            )
            if not pair.search(first.sentence):
                continue
            extra[second.country] = _twin_at(
                candidate, second, f"the report pairs {first.text} and {second.text}: one each"
            )
    return list(extra.values())


#: "Other aircraft reported ...", "ten planes have also reported ...": more aircraft than the
#: sentence's first, which may have been elsewhere.
_OTHER_AIRCRAFT = re.compile(
    r"\b(?:also|other\s+(?:aircraft|planes|flights|airliners|jets|pilots|crews))\b", re.I
)


def _also_elsewhere(candidate: Candidate, anchors: list[Sentence], hits: list[PlaceHit]) -> list:
    """One more candidate for another country where an anchor says other aircraft had the same
    trouble ("crews lost GPS near Kaliningrad since Sunday, while other aircraft reported the
    same trouble over eastern Latvia"): readers list each country's incident."""
    own = candidate.values.get(INC.country)
    if not own:
        return []
    told = {a.text for a in anchors if _OTHER_AIRCRAFT.search(a.text)}
    extra: dict[str, Candidate] = {}
    for hit in hits:
        if (
            hit.sentence not in told
            or hit.role not in {"strong", "airspace"}
            or hit.score <= 0
            or not hit.country
            or hit.country in {own, *extra}
        ):
            continue
        extra[hit.country] = _twin_at(
            candidate, hit, f"other aircraft had the same trouble in {hit.text}: one more"
        )
    return list(extra.values())


#: Military exercises and war games: a sentence giving their days dates the drills.
_EXERCISE_SPAN = re.compile(
    r"\b(?:(?:military|naval|air|joint|NATO|large|largest|massive)\s+(?:\w+\s+){0,2}?"
    + EXERCISE_NOUN
    + r"|war\s*games?)\b",
    re.I,
)


#: Words besides its date and time that a time stamp's line may hold (a user's name, "#1").
STAMP_LINE_WORDS = 4


def _is_stamp_line(text: str) -> bool:
    """Is the sentence a time stamp and little else (a post's or a comment's header)?"""
    stamp = _TIMESTAMP.search(text) or _TIME_FIRST_STAMP.search(text)
    if stamp is None:
        return False
    rest = text[: stamp.start()] + " " + text[stamp.end() :]
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= STAMP_LINE_WORDS


def _airlines(texts) -> set[str]:
    """The airlines (known operators) the texts name, in lower case."""
    return {m.lower() for text in texts for m in fx.KNOWN_OPERATOR.findall(text)}


def _another_airlines(anchor: Sentence, incident: _Incident) -> bool:
    """Is a dated anchor in another paragraph about other airlines only than the undated
    incident ("A LOT Embraer lost GPS over the Black Sea" ... "A Wizz Air jet lost GPS near
    Kaliningrad on 12 February"): another flight, not the day of this one."""
    if anchor.paragraph in {a.paragraph for a in incident.anchors}:
        return False
    theirs = _airlines(a.text for a in incident.anchors)
    own = _airlines([anchor.text])
    return bool(theirs) and bool(own) and not own & theirs


def _nearest_reported_day(
    sentences: list[Sentence], anchor_index: int, base: dt.date | None
) -> tuple[DateMention, str] | None:
    """For a one-incident report with no date of its own: the day a statement about it was
    made, in the three sentences before or after the anchor (looking back first)."""
    lo, hi = max(0, anchor_index - 3), min(len(sentences), anchor_index + 4)
    order = list(range(anchor_index - 1, lo - 1, -1)) + list(range(anchor_index + 1, hi))
    for index in order:
        text = sentences[index].text
        if ax.is_aggregate(text) or _ADMINISTRATIVE_ACT.search(text):
            continue
        said = _reported_day(text, base)
        if said is not None:
            return said, text
    return None


_ANOTHER = re.compile(
    r"^(?:Separately|Meanwhile|Elsewhere|In (?:a |an )?(?:separate|another|second|similar"
    r"|unrelated) "
    r"(?:incident|case|event)|In another|Another|A second|Also)\b",
    re.I,
)


def _own_country(sentence: Sentence, budget: LookupBudget, *, least: float = 3.0) -> str:
    """Country of a strongly cued place in one sentence ("over Cyprus"), or ``""``; with a
    lower ``least``, of any place told as where it happened."""
    hits = [
        h
        for h in spot_places(
            sentence.text, weight=1.0, sentence_index=sentence.index, budget=budget
        )
        if h.score >= least
    ]
    best = best_place(hits)
    return best.country if best else ""


def _starts_another(anchor: Sentence, current: _Incident, budget: LookupBudget) -> bool:
    """Does an undated anchor describe a different incident from the one before it?

    Yes when it says so ("Separately, ...", "In another incident") or when it names its own
    aircraft or operator and places it, with a clear cue, in another country.
    """
    if ax.is_background(anchor.text) and any(m.kind == "year" for m in find_dates(anchor.text)):
        # "It follows claims that planes were jammed at Akrotiri in 2021": an earlier event.
        return True
    if _ANOTHER.match(anchor.text) and (
        fx.operator([anchor.text])
        or fx.aircraft([anchor.text])
        or re.search(r"\b(?:flight|plane|aircraft|jet)\b", anchor.text)
    ):
        return True
    if not (fx.KNOWN_OPERATOR.search(anchor.text) or fx.aircraft([anchor.text])):
        return False
    mine = _own_country(anchor, budget)
    if not mine:
        return False
    theirs = {_own_country(a, budget) for a in current.anchors} - {""}
    return bool(theirs) and mine not in theirs


#: "a flight bound for Vienna", "an Airbus": a flight told for the first time.
_NEW_FLIGHT = re.compile(
    r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?(?:flight|plane|aircraft|jet|airliner)\b", re.I
)


def _another_flight_elsewhere(anchor: Sentence, current: _Incident, budget: LookupBudget) -> bool:
    """Does a dated anchor tell a new flight ("In December, a flight bound for Vienna had to
    land in Czechia") in another country than the undated incident before it (a diversion at
    Vilnius)? Then its date is that flight's, not the undated one's."""
    if not _NEW_FLIGHT.search(anchor.text):
        return False
    # The new flight's place needs no strong cue ("bound for the Austrian capital Vienna").
    mine = _own_country(anchor, budget, least=1.0)
    if not mine:
        return False
    theirs = {_own_country(a, budget) for a in current.anchors} - {""}
    return bool(theirs) and mine not in theirs


def _background_between(current: _Incident, anchor: Sentence, sentences: list[Sentence]) -> bool:
    """Does a sentence between the incident's last anchor and this undated one turn to earlier
    events ("It might not be the first time such signals were blocked")? Then the anchor tells
    one of those, not more of the incident before."""
    last = max(a.index for a in current.anchors)
    return any(
        ax.is_background(s.text) for s in sentences[last + 1 : anchor.index] if not s.heading
    )


_SEPARATE_EVENTS = re.compile(
    r"\b(?:again|second|another|both flights|two flights|each|twice|separate|respectively|"
    r"two (?:[\w-]+\s+){0,2}?(?:aircraft|planes|jets|airliners|flights)|three)\b",
    re.I,
)


# A sentence opening by pointing back to the event the sentence before it told.
_THIS_INCIDENT = re.compile(
    r"^(?:This|That|The)\s+(?:incident|event|disruption|outage|interference|episode)\b"
)

# "... when the incident happened", "the jamming began on Thursday": a sentence that tells when
# the incident already reported took place.
_TELLS_WHEN = re.compile(
    r"\bthe\s+(?:incident|jamming|spoofing|interference|disruption|outage|attack|loss)\s+"
    r"(?:(?:first|initially)\s+)?(?:happened|occurred|took\s+place|began|started"
    # "The interference first came to light on Monday afternoon, when the FAA issued ...": when
    # it began, not the day of the notice that made it known.
    r"|came\s+to\s+light|(?:was|were)\s+(?:first\s+)?(?:noticed|detected|spotted))\b",
    re.I,
)


# "over the past few days", "for several days": a disruption that had lasted days.
_LASTED_DAYS = re.compile(
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:few|several|two|three|four)\s+days\b"
    r"|\bin\s+recent\s+days\b|\bfor\s+(?:several|a\s+few|two|three|four)?\s*days\b",
    re.I,
)
_BEGAN = re.compile(r"\b(?:began|started|first|came\s+to\s+light)\b", re.I)


def _began_a_week_before(
    mention: DateMention | None, incident: _Incident, base: dt.date | None
) -> DateMention | None:
    """ "The interference first came to light on Monday afternoon" on a page of a Monday, when
    the text says it went on "over the past few days": the Monday before, not the page's own
    day (a disruption that began that day could not have lasted days)."""
    if (
        mention is None
        or base is None
        or mention.kind != "weekday"
        or mention.date != base
        or not (
            _TELLS_WHEN.search(incident.date_sentence) and _BEGAN.search(incident.date_sentence)
        )
    ):
        return None
    told = [incident.date_sentence, *(a.text for a in incident.anchors)]
    if not any(_LASTED_DAYS.search(text) for text in told):
        return None
    return dataclasses.replace(mention, date=base - dt.timedelta(days=7))


#: A run of days longer than this is a season, not a disturbance told by its first day.
MAX_COUNTED_DAYS = 14
_COUNT_WORD = r"\d{1,2}|two|three|four|five|six|seven|eight|nine|ten"
_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
#: A run of days up to the day of the report: "for five consecutive days", "for the third
#: straight day", "four days in a row", "over the past six days". ("For five days" alone may be
#: any five days; these say the run reaches the report.)
_COUNTED_DAYS = re.compile(
    rf"\bfor\s+(?P<n>{_COUNT_WORD})\s+(?:consecutive|straight|successive)\s+days\b"
    rf"|\b(?:for|over|in)\s+the\s+(?:past|last)\s+(?P<past>{_COUNT_WORD})\s+days\b"
    rf"|\bfor\s+the\s+(?P<nth>{'|'.join(_ORDINAL_WORDS)}|\d{{1,2}}(?:st|nd|rd|th))\s+"
    r"(?:consecutive|straight|successive)\s+day\b"
    rf"|\b(?P<row>{_COUNT_WORD})\s+days\s+in\s+a\s+row\b",
    re.I,
)


_ON = re.compile(r"^on\s+", re.I)


def _first_of_counted_days(said: DateMention | None, sentence: str) -> DateMention | None:
    """The first day of a run of days the sentence counts up to the day it was reported on
    ("has disrupted GPS for five consecutive days, the military reported Tuesday": the Friday
    before), or ``None`` when the sentence counts no run of days."""
    match = _COUNTED_DAYS.search(sentence)
    if said is None or said.date is None or match is None:
        return None
    count = next(v for v in match.group("n", "past", "nth", "row") if v is not None).lower()
    days = _ORDINAL_WORDS.get(count) or NUMBER_WORDS.get(count) or int(re.sub(r"\D", "", count))
    if not 2 <= days <= MAX_COUNTED_DAYS:
        return None
    return dataclasses.replace(
        said,
        date=said.date - dt.timedelta(days=days - 1),
        text=f"{match.group(0)} to {_ON.sub('', said.text.strip())}",
    )


def _day_told_later(
    incident: _Incident, sentences: list[Sentence], vague: DateMention, base: dt.date | None
) -> tuple[DateMention, str] | None:
    """The day of an incident first told vaguely ("earlier this week", "in May"), from a
    sentence close to its anchors that refers back to it with a day ("He was flying home on
    Thursday when the incident happened").

    The day must fall in the vague period: the same month, or for "this week"/"last week" the
    ten days before publication.
    """
    if vague.date is None:
        return None
    near = {a.index + step for a in incident.anchors for step in (-2, -1, 1, 2, 3)}
    paragraphs = {a.paragraph for a in incident.anchors}
    anchor_ids = {a.index for a in incident.anchors}
    for sentence in sentences:
        if sentence.index not in near or sentence.index in anchor_ids:
            continue
        if sentence.paragraph not in paragraphs:
            continue
        text = sentence.text
        if not (_TELLS_WHEN.search(text) or _REFERS_BACK.search(text)):
            continue
        days = [
            m
            for m in _event_dates(text, base)
            if m.date is not None and m.precision == "day" and m.kind != "following"
        ]
        if len({m.date for m in days}) != 1:
            continue
        day = days[0]
        same_month = (day.date.year, day.date.month) == (vague.date.year, vague.date.month)
        this_week = (
            "week" in vague.text.lower() and base is not None and 0 <= (base - day.date).days <= 10
        )
        if same_month or this_week:
            return day, text
    return None


# Only "and" (or a comma) between two days: they are listed, not the ends of a span.
_LIST_JOINER = re.compile(r"^\s*(?:,\s*)?(?:,|and|&)\s*(?:again\s+)?(?:on\s+)?$", re.I)


def _listed_days(sentence: str, mentions: list[DateMention]) -> bool:
    """ "on Friday and Saturday": days listed one by one, each an incident of its own, as
    reviewers record them (a day each); "from Friday to Sunday" is one span."""
    ordered = sorted(mentions, key=lambda m: m.start)
    return len(ordered) > 1 and all(
        _LIST_JOINER.match(sentence[a.end : b.start])
        for a, b in zip(ordered, ordered[1:], strict=False)
    )


# Words that carry one event on to a later day ("circled until Saturday", "from 24 to 26 July");
# a route's "to" ("flying Baku to Ganja on 25 July") does not.
_SPAN_WORD = re.compile(r"\b(?:until|till|through|thru)\b|\b(?:to|into)\s+(?:the\s+)?$", re.I)


def _days_of_other_flights(sentence: str, mentions: list[DateMention]) -> bool:
    """ "an ATR flying Baku-Fuzuli on 24 July, a Czech jet on the Budapest route on 25 July, and
    ... on 27 July": each day goes with an aircraft or flight named between it and the day
    before, so the days are separate incidents, not one span."""
    ordered = sorted((m for m in mentions if m.date is not None), key=lambda m: m.start)
    pairs = [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if a.date != b.date]
    if not pairs:
        return False
    for a, b in pairs:
        gap = sentence[a.end : b.start]
        if _SPAN_WORD.search(gap) or not (
            fx.VEHICLE_TERM.search(gap) or fx.aircraft([gap]) or fx.KNOWN_OPERATOR.search(gap)
        ):
            return False
    return True


def _one_enumeration(mentions: list[DateMention], days: list[dt.date]) -> bool:
    """Are all ``days`` the days of one date that enumerates them ("(26 and 27 April)", split
    by :func:`_enumerated_days`), even when weekdays also name them ("On Friday and on Saturday
    (26 and 27 April)")?"""
    spans: dict[tuple[int, int], set[dt.date]] = {}
    for m in mentions:
        spans.setdefault((m.start, m.end), set()).add(m.date)
    return any(len(told) > 1 and told >= set(days) for told in spans.values())


# "two Finnair flights", "three planes": as many aircraft as a short range has days.
_COUNTED_FLIGHTS = re.compile(
    r"\b(two|three|2|3)\s+(?:[\w-]+\s+){0,2}(?:planes|aircraft|jets|flights|airliners)\b", re.I
)


def _flights_counted(text: str) -> int:
    """How many aircraft a sentence counts ("two Finnair flights": 2), or 0."""
    counted = _COUNTED_FLIGHTS.search(text)
    if not counted:
        return 0
    number = counted.group(1).lower()
    return int({"two": "2", "three": "3"}.get(number, number))


def _same_count(text: str, following: str) -> bool:
    """ "Two Finnair aircraft had to turn around. On April 25-26, two flights from Helsinki
    ...": the next sentence counts the same aircraft again, with their days."""
    return 0 < _flights_counted(text) == _flights_counted(following)


#: The kind of a "the following day" that one more aircraft's clause dates from the day before.
NEXT_DAY_KIND = "next_day"
# "... on Monday and another the following day", "..., and a second one the next evening"
_AND_ANOTHER = re.compile(
    r"\band\s+(?:then\s+)?(?:another|a\s+second|a\s+third|one\s+more)\b", re.I
)


def _another_the_next_day(mentions: list[DateMention], sentence: str) -> list[DateMention]:
    """ "A flight lost GPS on Monday and another the following day": one more aircraft on the
    day after the one told in the same sentence, a day of its own (one incident each)."""
    out = list(mentions)
    for position in range(1, len(out)):
        later, prior = out[position], out[position - 1]
        if (
            later.kind == "following"
            and prior.date is not None
            and prior.precision == "day"
            and later.offset_days > 0
            and _AND_ANOTHER.search(sentence[prior.end : later.start])
        ):
            day = prior.date + dt.timedelta(days=later.offset_days)
            out[position] = DateMention(
                later.start, later.end, later.text, NEXT_DAY_KIND, day, "day"
            )
    return out


def _enumerated_days(mention: DateMention, sentence: str) -> list[DateMention]:
    """ "On 25 and 26 April, two jets turned back": days listed with "and" are one mention per
    day (one incident each), not one span; "between 25 and 26 April" and "25 to 26 April"
    stay a span. "On April 25-26, two flights turned back" counts as many aircraft as the
    range has days: one a day."""
    if (
        mention.date is None
        or mention.end_date is None
        or mention.precision != "day"
        or mention.prefix == "between"
        or not 0 < (mention.end_date - mention.date).days <= 3
    ):
        return [mention]
    days = (mention.end_date - mention.date).days
    if re.search(r"\d\s*(?:and|&)\s*\d", mention.text):
        offsets: tuple[int, ...] | range = (0, days)
    elif _flights_counted(sentence) == days + 1:
        offsets = range(days + 1)
    else:
        return [mention]
    return [
        DateMention(mention.start, mention.end, mention.text, mention.kind, day, "day")
        for day in (mention.date + dt.timedelta(days=n) for n in offsets)
    ]


def _undated_before(
    incidents: list[_Incident], anchor: Sentence, budget: LookupBudget
) -> list[Sentence]:
    """Take out the last incident when it has no date and ``anchor`` (which names days of its
    own) does not start another one: its sentences belong to those days."""
    if not incidents or (incidents[-1].date is not None and incidents[-1].date.date is not None):
        return []
    last = incidents[-1]
    if _starts_another(anchor, last, budget) or any(ax.is_background(a.text) for a in last.anchors):
        return []
    incidents.pop()
    return list(last.anchors)


def _place_anchor(
    incidents: list[_Incident],
    anchor: Sentence,
    mention: DateMention,
    told_before: list[Sentence] | None = None,
) -> None:
    """Add ``anchor`` to the incident of ``mention``'s day, or start that incident; the
    undated sentences ``told_before`` it about the same incident go first."""
    for incident in incidents:
        if incident.date is not None and incident.date.date == mention.date:
            break
    else:
        incident = _Incident([], mention, anchor.text)
        incidents.append(incident)
    for sentence in [*(told_before or []), anchor]:
        if sentence not in incident.anchors:
            incident.anchors.append(sentence)
    if told_before:
        incident.anchors.sort(key=lambda s: s.index)


def _context(incident: _Incident, sentences: list[Sentence], *, alone: bool) -> list[str]:
    """The incident's anchors first, then the other sentences of their paragraphs, then (for a
    report about one incident only) the rest of the report."""
    paragraphs = {a.paragraph for a in incident.anchors}
    anchor_ids = {a.index for a in incident.anchors}
    texts = [a.text for a in incident.anchors]
    texts += [s.text for s in sentences if s.paragraph in paragraphs and s.index not in anchor_ids]
    if alone:
        texts += [s.text for s in sentences if s.paragraph not in paragraphs]
    return texts


def _summary(values: dict, country_name: str) -> str:
    kind = values[INC.interference]
    what = {
        "jamming": "GPS jamming",
        "spoofing": "GPS spoofing",
        "both": "GPS jamming and spoofing",
        "unknown": "GPS interference",
    }[kind]
    subject = values.get(INC.aircraft) or "an aircraft"
    if values.get(INC.operator) and values[INC.operator].lower() not in str(subject).lower():
        subject = f"{subject} ({values[INC.operator]})"
    if values.get(INC.flight):
        subject = f"{subject}, flight {values[INC.flight]},"
    phase = values.get(INC.flight_phase)
    during = {
        "en route": " en route",
        "approach": " on approach",
        "departure": " during departure",
        "landing": " during landing",
        "ground": " on the ground",
    }.get(str(phase), "")
    place = values.get(INC.location) or "an unidentified place"
    if country_name and country_name.lower() not in place.lower():
        place = f"{place} ({country_name})"
    date = values.get(INC.date)
    when = ""
    if isinstance(date, dt.date):
        when = (
            f" in {date:%B %Y}"
            if values.get(INC.date_precision) == "month"
            else f" on {date:%d %B %Y}"
        )
    if subject.startswith(("Aircraft ", "A ", "An ")):
        subject = _lower_first(subject)
    if subject.startswith("aircraft "):
        subject = "an " + subject
    elif not subject.startswith(("a ", "an ")):
        subject = ("an " if subject[:1].upper() in "AEIOU" else "a ") + subject
    where = _where(place)
    if where.startswith("on the approach"):
        during = ""  # the place says it: "on the approach to Kirkenes Airport"
    text = f"Reported {what} affecting {subject}{during} {where}{when}."
    if values.get(INC.effects):
        effects = values[INC.effects]
        effects = _lower_first(effects)
        text += f" Effects: {effects}."
    if values.get(INC.suspected_source):
        text += f" Suspected source: {values[INC.suspected_source]}."
    return text


_ROUTE = re.compile(
    r"\bfrom\s+(?P<a>[A-Z][\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'.-]+)?)\s+to\s+"
    r"(?P<b>[A-Z][\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'.-]+)?)"
    r"|\b(?P<c>[A-Z][\w.]+)\s?[-\u2013]\s?(?P<d>[A-Z][\w.]+)\s+(?:flight|route|service)"
)


def _between_ends(texts: list[str]):
    """An en-route incident whose report names only the origin and the destination: the
    great-circle midpoint, as an area whose radius reaches both ends, with the country of the
    midpoint's territory ("" over sea)."""
    import math

    from tracker.geocode.regions import region_for
    from tracker.geocode.reverse import country_at

    geocoder = get_geocoder()
    for text in texts:
        for match in _ROUTE.finditer(text):
            a = match.group("a") or match.group("c")
            b = match.group("b") or match.group("d")
            ends = [geocoder.geocode(re.sub(r"['\u2019]s$", "", name)) for name in (a, b)]
            if any(e is None or e.raw["precision"] not in {"city", "airport"} for e in ends):
                continue
            (lat1, lon1), (lat2, lon2) = [(e.latitude, e.longitude) for e in ends]
            p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
            bx = math.cos(p2) * math.cos(l2 - l1)
            by = math.cos(p2) * math.sin(l2 - l1)
            lat = math.degrees(
                math.atan2(math.sin(p1) + math.sin(p2), math.hypot(math.cos(p1) + bx, by))
            )
            lon = math.degrees(l1 + math.atan2(by, math.cos(p1) + bx))
            half = 6371.0 * math.acos(
                max(-1.0, min(1.0, math.sin(p1) * math.sin(p2)
                              + math.cos(p1) * math.cos(p2) * math.cos(l2 - l1)))
            ) / 2  # fmt: skip
            country = country_at(lat, lon)
            values = {
                INC.location: fx.ROUTE_LOCATION.format(origin=a, destination=b),
                INC.latitude: round(lat, 4),
                INC.longitude: round(lon, 4),
                INC.radius_km: round(min(half, 5000.0), 1),
                INC.geocode_precision: "area",
                INC.geocode_source: "route midpoint (gazetteer ends)",
                INC.geocode_query: f"{a} - {b}",
                INC.country: country,
                INC.region: region_for(country, lat, lon),
            }
            note = (
                f"only the origin ({a}) and destination ({b}) are named: placed at the route's "
                f"midpoint with a {half:.0f} km radius; correct it if the report says more"
            )
            return values, text, note
    return None


#: How far from an incident's day another date of its story must be to tell another event.
OTHER_EVENT_DAYS = 14


def _tells_another_time(
    sentence: Sentence, incident: _Incident, values: dict, base: dt.date | None
) -> bool:
    """Does a sentence of an incident's story, other than the one that dates it, give only
    dates weeks before the incident's day ("last month" beside "on Thursday"): an earlier
    event recalled? (Later dates may be the story's own news: a statement, a plan.)"""
    day = values.get(INC.date)
    if sentence.text == incident.date_sentence:
        return False
    mentions = find_dates(sentence.text, base=base)
    if not isinstance(day, dt.date):
        # An undated incident: a year or a month written out beside it ("the worst case since
        # a patrol plane was shot at over that sea in 2021") would have dated it, had it been
        # its own.
        return any(m.kind not in _RELATIVE_KINDS for m in mentions)
    found = [m for m in mentions if m.date is not None or m.kind == "year"]
    far = dt.timedelta(days=OTHER_EVENT_DAYS)

    def earlier(mention: DateMention) -> bool:
        if mention.kind == "year":
            # "... shot at over that sea in 2021" beside an incident of 2024; a year has no day
            # to count weeks from, and the incident's own year is no other time.
            written = re.findall(r"\b(?:19|20)\d\d\b", mention.text)
            return bool(written) and int(written[0]) < day.year
        if mention.precision == "month":
            # "Last month" beside "on Thursday"; "at the end of August" holds the 31st.
            return _month_end(mention.date) < day
        return day - (mention.end_date or mention.date) > far

    return bool(found) and all(earlier(m) for m in found)


def _named_instead(
    sentence: str | None, relative: DateMention, base: dt.date
) -> DateMention | None:
    """A month or day that the sentence of a relative date names outright, not after the
    base, as precise as the relative date or more: read instead of the relative date when the
    base is only a date the text names."""
    if not sentence:
        return None
    finer = {"day": 0, "week": 1, "month": 2}
    named = [
        m
        for m in _event_dates(sentence, base)
        if m.kind not in _RELATIVE_KINDS | {"year", "following"}
        and m.date is not None
        and m.date <= base
        and finer.get(m.precision, 3) <= finer.get(relative.precision, 3)
    ]
    return named[0] if len(named) == 1 else None


def _country_near_record(candidate, lede: list[str]) -> None:
    """A candidate that took a recorded incident over open water (no country) takes the
    country its page's headline and lede name nearest the recorded place, if any."""
    values = candidate.values
    latitude, longitude = values.get(INC.latitude), values.get(INC.longitude)
    if not isinstance(latitude, float) or not isinstance(longitude, float):
        return
    hits = [hit for text in lede for hit in spot_places(text)]
    country = nearest_country(hits, (latitude, longitude))
    if country:
        values[INC.country] = country
        candidate.reasons.append(
            f"country {country}: the one the page's lede names nearest the recorded place, "
            f"which lies at sea (the record has no country)"
        )


#: A recorded place that already says how it relates to the aircraft ("Near the Russian
#: border", "Approach to Kirkenes Airport", "South-east of Nyzhnokrynske") takes no "near".
_PLACE_WITH_RELATION = re.compile(
    r"^(?:near|over|off|around|above|along|across|within|between|outside|inside|"
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of|approach(?:es)?\s+to)\b",
    re.IGNORECASE,
)


def _where(place: str) -> str:
    """The place as the summary's "near ..." phrase, without a second relation word."""
    if not _PLACE_WITH_RELATION.match(place):
        return f"near {place}"
    if place[:8].lower() == "approach":
        return f"on the {_lower_first(place)}"
    return _lower_first(place)


def _lower_first(text: str) -> str:
    """Lower-case the first letter for use mid-sentence, unless the first word is an acronym or
    a name written with capitals inside ("GPS signal lost" stays, never "gPS")."""
    first = text.split(" ", 1)[0]
    if not first or any(c.isupper() for c in first[1:]) or any(c.isdigit() for c in first):
        return text
    return text[0].lower() + text[1:]


def _place_values(hit: PlaceHit | None) -> tuple[dict, str]:
    if hit is None:
        return {
            INC.location: "", INC.latitude: None, INC.longitude: None, INC.radius_km: None,
            INC.geocode_precision: "", INC.geocode_source: "", INC.geocode_query: "",
            INC.country: "", INC.region: "",
        }, ""  # fmt: skip
    raw = hit.location.raw
    radius = raw.get("radius_km") or None
    # The place as the report words it ("Rhodes", not the gazetteer's "Ródos"), unless the
    # words are a demonym or shouted in capitals.
    location = re.sub(r"['\u2019]s$", "", hit.text.strip(" ,.;:"))
    if raw["precision"] in {"country", "area", "region"} or location.isupper() or len(location) < 3:
        location = raw["name"]
    names = _country_names()
    country = raw["country_code"]
    if (
        country
        and raw["precision"] in {"city", "airport", "area"}
        and names.get(country, "") not in location
    ):
        location = f"{location}, {names.get(country, country)}"
    return {
        INC.location: location,
        INC.latitude: float(hit.location.latitude),
        INC.longitude: float(hit.location.longitude),
        INC.radius_km: float(radius) if radius and raw["precision"] == "area" else None,
        INC.geocode_precision: raw["precision"],
        INC.geocode_source: raw["source"],
        INC.geocode_query: hit.query,
        INC.country: country,
        INC.region: raw.get("region") or "",
    }, hit.sentence


@functools.cache
def _country_names() -> dict[str, str]:
    return schema.country_names()


def _source(report: Report) -> dict:
    return {"url": report.url, "publisher": report.publisher, "published": report.published}


#: What an extracted value may not start with: the formula prefixes, and spaces before them.
_FORMULA_STRIP = "".join(safety.FORMULA_PREFIXES) + " "


def _finish(values: dict, evidence: dict, report: Report, notes: list[str]) -> Candidate:
    values[INC.confidence] = "reported"
    for key, value in list(values.items()):
        if isinstance(value, str):
            # Report text is untrusted: a value opening with = + - @ (tracker.safety's formula
            # prefixes) would be a spreadsheet formula once exported; validation refuses it.
            values[key] = value.lstrip(_FORMULA_STRIP)
    names = _country_names()
    values[INC.summary] = _summary(values, names.get(values.get(INC.country) or "", ""))
    for key in (
        INC.aircraft,
        INC.operator,
        INC.flight,
        INC.effects,
        INC.suspected_source,
        INC.end_date,
    ):
        values.setdefault(key, "" if key != INC.end_date else None)
    if values.get(INC.end_date) and not values.get(INC.end_date_precision):
        # An end read from the text (a NOTAM's validity, "29 May to 2 June") is a day.
        values[INC.end_date_precision] = "day"
    return Candidate(values, _source(report), evidence, list(report.notes) + notes, report.name)


def _notam_candidate(notam: Notam, report: Report) -> Candidate:
    upper = notam.text.upper()
    if "SPOOF" in upper and "JAM" in upper:
        kind = "both"
    elif "SPOOF" in upper:
        kind = "spoofing"
    elif "JAM" in upper or re.search(r"\bTEST(?:ING|S)?\b", upper) or notam.style == "faa":
        # FAA GPS NOTAMs announce declared interference tests: transmitters that jam.
        kind = "jamming"
    else:
        kind = "unknown"
    country = ""
    latitude, longitude, precision = notam.latitude, notam.longitude, "area"
    source, label = "notam", ""
    if latitude is None or longitude is None:
        latitude, longitude, precision, source, label, country = _notam_place(notam)
    else:
        try:
            country = get_geocoder().reverse((latitude, longitude)).raw["country_code"]
        except (ValueError, ImportError, KeyError) as err:  # pragma: no cover - defensive
            logger.debug("reverse geocoding failed: %s", err)
    if notam.style == "icao":
        fir_country = _fir_country(notam.authority)
        country = fir_country or country
    elif not country and re.fullmatch(r"Z[A-Z]{2}", notam.authority):
        country = "US"
    if not label:
        label = (
            f"{notam.authority} FIR" if notam.style == "icao" else f"{notam.authority} ARTCC area"
        )
    location = f"{label} NOTAM {notam.ident}".strip() if notam.ident else label
    radius = round(notam.radius_km, 1) if notam.radius_km else None
    values = {
        INC.date: notam.start,
        INC.date_precision: "day",
        INC.end_date: notam.end,
        INC.location: location,
        INC.latitude: latitude,
        INC.longitude: longitude,
        INC.radius_km: radius,
        INC.geocode_precision: precision,
        INC.geocode_source: source,
        INC.geocode_query: notam.evidence.get("location", ""),
        INC.country: country,
        INC.region: region_for(country, latitude, longitude) if latitude is not None else "",
        INC.interference: kind,
        INC.flight_phase: "unknown",
        INC.aircraft: "",
        INC.operator: "",
        INC.flight: "",
        INC.effects: "NOTAM: GNSS may be unreliable or unavailable in the area"
        + (f" ({', '.join(notam.altitudes)})" if notam.altitudes else ""),
        INC.suspected_source: "Declared GPS test (FAA NOTAM)"
        if notam.style == "faa" and kind == "jamming"
        else "",
    }
    evidence = dict(notam.evidence)
    evidence[INC.interference] = notam.text[:300]
    evidence.setdefault(INC.latitude, notam.evidence.get("location", ""))
    notes = [] if notam.start else ["NOTAM has no readable start time"]
    report_for_source = report
    if not report.publisher:
        report_for_source = Report(report.text, report.name, report.kind, report.title, report.url,
                                   f"NOTAM {notam.authority}", report.published,
                                   report.notes)  # fmt: skip
    return _finish(values, evidence, report_for_source, notes)


def _notam_place(notam: Notam) -> tuple:
    """Where a NOTAM without a centre applies, for the map: the FIR or place its text names
    (the gazetteer knows FIRs: "Nicosia FIR"), else its aerodrome (an indicator that is one),
    else the country of its FIR indicator. Returns (latitude, longitude, geocode precision,
    geocode source, label, country); no coordinates when none of these is known."""
    from tracker.ingest.notam_countries import airport_for_location_indicator

    geocoder = get_geocoder()
    if notam.place and notam.place != notam.authority:
        for query in (notam.place, notam.place.removesuffix(" FIR")):
            hit = geocoder.geocode(query)
            if hit is not None:
                raw = hit.raw
                return (hit.latitude, hit.longitude, "area", raw.get("source", "gazetteer"),
                        notam.place, raw.get("country_code", ""))  # fmt: skip
    airport = airport_for_location_indicator(notam.authority)
    if airport:
        name = f"{airport['name']} ({notam.authority})"
        return (airport["lat"], airport["lon"], "airport", "gazetteer:airportsdata", name,
                airport.get("country", ""))  # fmt: skip
    country = _fir_country(notam.authority)
    hit = geocoder.geocode(_country_names().get(country, "")) if country else None
    if hit is not None:
        return (hit.latitude, hit.longitude, "country", "gazetteer:countries",
                f"{notam.authority} FIR", country)  # fmt: skip
    return None, None, "", "", notam.authority or "NOTAM area", country


def _fir_country(authority: str) -> str:
    from tracker.ingest.notam_countries import country_for_location_indicator

    return country_for_location_indicator(authority)


#: Text beyond this many characters is not analysed: news reports are far shorter, and it keeps
#: the time spent on a hostile multi-megabyte input bounded.
MAX_ANALYSED_CHARS = 300_000

_DATELINE = re.compile(
    r"^(?:[A-Z][\w .'\u2019()/-]{1,40},\s*)?(?P<date>[\w ,.]{6,32}?)\s*"
    r"(?:\([A-Z][\w .]{1,20}\)\s*)?"
    r"(?:\u2014|\u2013|--|-|\|)\s*(?=\S)"
)
# "AFP Published 23 Mar, 2024 12:40am", "Updated: 8 November 2025": a byline's date.
_BYLINE = re.compile(
    r"^(?:[A-Z]{2,10}\s+)?(?:Published|Updated|Posted)(?:\s+on)?\s*:?\s+"
    r"(?P<date>[\w ,.]{6,30}?\d{4})\b"
)
# "March 16, 2024 (AGENCY)—...": a dateline that opens with the date.
_DATE_FIRST = re.compile(
    r"^(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2})\s*"
    r"(?:\([^)]{1,20}\)\s*)?(?:\u2014|\u2013|--|-|\|)\s*(?=\S)"
)
_META_DATE = META_DATE_LINE
# "New Delhi, November 24": a dateline line (a place, then a day) without the story after it.
_PLACE_DATELINE = re.compile(
    # ("BAKU, Azerbaijan, July 15.": a city and its country.)
    r"^[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,2}"
    r"(?:,\s*[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,2})?,\s*"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Z][a-z]+\.?)(?:,?\s+\d{4})?\.?$"
)
# "Mumbai, December 02: The government ...", "Kyiv, 3 May (AGENCY): ...": a dateline closed by a
# colon (a place, then the day the story was filed) opening the lede.
# "(SYNDICATOR- AGENCY) Mumbai, Nov 12 (AGENCY) The regulator ...": a wire dateline closed by
# the agency's name, after a syndicator's credit.
# "New Delhi, Dec 1 The Airports Authority ...": a dateline run into the lede with no mark at
# all, the story opening with an article.
_COLON_DATELINE = re.compile(
    r"^(?:\([A-Z][\w .-]{1,30}\)\s*)?[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,2},\s*"
    r"(?P<date>(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Z][a-z]+\.?)(?:,?\s+\d{4})?)"
    r"(?:\s*(?:\([A-Z][A-Z .]{1,20}\)\s*:?|:)\s+(?=\S)|\s+(?=(?:The|A|An)\s)"
    # "Turin, 25 May (LaPresse) – In recent days ...": an agency named in mixed case, then a dash.
    r"|\s*\([A-Z][\w .]{1,20}\)\s*(?:\u2013|\u2014|--|-)\s+(?=\S))"
)
# The weekday just before a time stamp and the zone just after it: "Tuesday, ", " GMT".
_STAMP_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s*$", re.I)
_STAMP_ZONE = re.compile(
    r"^\s*(?:GMT|UTC|CET|CEST|EET|EEST|IST|[A-Z]{2,4}T)\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
)
# A full date followed by a clock time: a page's time stamp.
_TIMESTAMP = re.compile(
    r"(?P<date>\b\d{1,2}(?:st|nd|rd|th)?\.?\s+[A-Z][a-z]+\.?,?\s+\d{4}|\b[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
    r"|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}[./]\d{1,2}[./]\d{4})\s*,?\s*(?:at\s+)?\d{1,2}:\d{2}\b(?:\s*(?:[ap]\.?m\.?|h|Uhr))?",
    re.I,
)

# "8:12 AM EST, November 11, 2024 ...": the clock and zone of a stamp opening a sentence.
_CLOCK = r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}\b)?\s*,?\s*"
_CLOCK_BEFORE = re.compile(rf"^\s*{_CLOCK}$", re.I)
# "8:12 AM EST, November 11, 2024": a stamp that gives the clock first.
_TIME_FIRST_STAMP = re.compile(
    rf"\b{_CLOCK}"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\.?\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.I,
)

# "(Agency, 2023-04-26)", "(blog, 31 March 2020, relaying AOPA)" after a headline: the
# publisher's credit and its date.
_CREDIT_TAIL = re.compile(r"\s*\((?P<inner>[^()]{8,80})\)(?=\s|$)")
# What may stand beside the date on a credit line: a name, "By", separators.
_CREDIT_WORDS = re.compile(r"^(?:(?:By|by|and|&|[A-Z][\w.&'\u2019-]*)\s*)*$")


def _credit_date(text: str) -> tuple[dt.date, str] | None:
    """A credit line near the top ("ProPakistani, 13 February 2023", "By Jane Roe | 4 May
    2024") or a headline closed by "(Agency, 2023-04-26)": the publication date, and what is
    left of the text once the credit is removed."""
    for tail in _CREDIT_TAIL.finditer(text):
        inner = tail.group("inner")
        found = find_dates(inner, base=None)
        if len(found) != 1 or found[0].date is None or found[0].precision != "day":
            continue
        rest = (inner[: found[0].start] + inner[found[0].end :]).replace(",", " ")
        if re.search(r"\d{4}", found[0].text) and len(rest.split()) <= 6:
            return found[0].date, (text[: tail.start()] + " " + text[tail.end() :]).strip()
    if len(text) > 80 or re.match(r"^[A-Za-z][\w /-]{0,30}:\s", text):
        return None  # "Date: 31 August 2025" in a record is the occurrence date
    found = find_dates(text, base=None)
    if len(found) != 1 or found[0].date is None or found[0].precision != "day":
        return None
    if not re.search(r"\d{4}", found[0].text):
        return None
    rest = (text[: found[0].start] + " " + text[found[0].end :]).strip()
    rest = re.sub(r"[()|,\u00b7\u2013\u2014:/-]+", " ", rest).strip()
    if len(rest.split()) > 5 or not _CREDIT_WORDS.match(rest) or not rest:
        return None
    return found[0].date, ""


# Causes of delays other than interference: "a technical glitch", "fog", "a power cut".
_OTHER_CAUSE = re.compile(
    r"\b(?:glitch\w*|technical\s+(?:fault|failure|issue|problem)s?|fog|weather|storms?|snow"
    r"|strikes?|power\s+(?:cut|outage|failure)s?)\b",
    re.I,
)
# Words that make a GNSS problem interference rather than a fault of the equipment.
_INTERFERENCE_WORD = re.compile(
    r"\b(?:jamm\w*|jams?|jammers?|spoof\w*|interfer\w*|electronic\s+warfare|"
    r"(?:fake|false|counterfeit|rogue)\s+(?:GPS\s+|GNSS\s+)?signals?|blocker\w*)",
    re.I,
)
#: Interference that is a signal's, told without a word of satellites: jamming, spoofing, fake
#: signals, or interference named with a signal or radio ("the navigation signal was
#: disrupted"). Bare "interference" may be a person's ("interference from the cockpit").
_SIGNAL_INTERFERENCE = re.compile(
    r"\b(?:jamm\w*|jams?|jammers?|spoof\w*|electronic\s+warfare|blocker\w*"
    r"|(?:fake|false|counterfeit|rogue)\s+signals?"
    r"|(?:navigation|positioning|radio)\s+signals?"
    r"|(?:signal|radio|electromagnetic|RF)\s+interference"
    r"|interference\s+(?:with|to|on|of)\s+(?:the\s+)?(?:\w+\s+)?(?:signals?|navigation|radio)"
    # "the jet's navigation system was interfered with" (a gloss's "gestört").
    r"|navigation\s+systems?\b[^.]{0,40}\binterfer\w*)\b",
    re.I,
)
#: Words of the problem vocabulary that name no trouble on their own: the "position errors" a
#: correction service works with, a warning to be careful.
_NO_TROUBLE = re.compile(r"\b(?:errors?|corrections?|warnings?|offsets?)\b", re.I)


_AFFECTED = re.compile(r"\baffect(?:ed|ing|s)?\b", re.I)


def _tells_trouble(text: str) -> bool:
    """Does the text speak of interference, of a lost signal, or of trouble near a word of
    satellite navigation ("unable to land due to a GPS equipment failure", "problems in GPS")?"""
    return bool(
        _INTERFERENCE_WORD.search(text)
        or fx.SIGNAL_LOSS.search(text)
        or any(_is_problem_sentence(_NO_TROUBLE.sub(" ", line)) for line in text.splitlines())
        # "the GPS signal affected the aircraft" (a gloss's word order)
        or any(fx.GNSS_TERM.search(line) and _AFFECTED.search(line) for line in text.splitlines())
    )


#: Words of satellite navigation proper (not "navigation systems", which any aircraft has).
_SATELLITE_WORD = re.compile(
    r"\b(?:GPS|GNSS|GLONASS|Galileo|BeiDou|sat-?nav|satellites?|EGNOS|WAAS|RNP|RNAV)\b", re.I
)
_RECEIVER_FAULT = re.compile(
    r"\b(?:malfunction\w*|software\s+(?:error|glitch|bug|update|upgrade|fault|problem)\w*|"
    r"glitch\w*|firmware|leap\s+second|almanac|faulty\s+(?:receiver|unit|equipment|antenna)s?|"
    r"receiver\s+(?:fault|failure|problem)s?"
    # "a failure of the satellite communication device": the aircraft's own radio link.
    r"|satellite\s+communications?(?:\s+(?:device|unit|system|equipment))?|satcom"
    # A natural cause: "a solar storm disrupted GPS signals" is space weather, not interference.
    r"|solar\s+(?:storms?|flares?|activity)|geomagnetic\s+storms?|space\s+weather"
    r"|ionospheric\s+(?:storms?|disturbances?|scintillation))\b",
    re.I,
)


#: The signal itself disrupted or lost, as aircraft meet it: "disruptions in GPS signals",
#: "GPS signals are being lost 150 nautical miles from the airport".
_SIGNALS_LOST = re.compile(
    r"\b(?:disruptions?|loss|losses|drop-?outs?)\s+(?:in|of|to)\s+(?:the\s+)?(?:GPS|GNSS)"
    r"(?:\s+navigation)?\s+signals?\b"
    r"|\b(?:GPS|GNSS)\s+signals?\s+(?:(?:are|were|was|is|being|been|have|has|had)\s+){1,3}"
    r"(?:disrupted|lost|dropped|blocked)\b",
    re.I,
)
#: Fault words that say nothing of the cause ("GPS malfunctions" in a headline).
_VAGUE_FAULT = re.compile(r"^(?:malfunction\w*|glitch\w*)$", re.I)


def _signals_lost_not_a_fault(text: str) -> bool:
    """Does the page tell the signal disrupted or lost where aircraft fly, and name a fault only
    by a vague word ("GPS malfunctions could spell disaster at Lahore": pilots lose the signal
    150 miles out, which is no fault of a receiver)? A named cause (a software update, a solar
    storm) stays a fault."""
    faults = [m.group(0) for m in _RECEIVER_FAULT.finditer(text)]
    return (
        bool(faults)
        and all(_VAGUE_FAULT.match(word) for word in faults)
        and bool(_SIGNALS_LOST.search(text))
    )


def _strip_dateline(sentences: list[Sentence]) -> tuple[list[Sentence], dt.date | None]:
    """Find a publication date in a dateline ("Oslo, 12 March 2025 - A ...") or a date line at
    the top; remove the dateline so its date is not taken for the incident's.

    A bare date line at the top of a page ("Friday, 22 November 2024") is often the site's
    header with the day the page was saved, not the article's: when a labelled date follows
    near the top (a time stamp, a "Published"/"Posted"/"Updated" line, a byline with a name,
    a dateline) and is earlier, the labelled one is the publication date and both lines go."""
    rest, date, how = _first_dateline(sentences)
    if date is None:
        return _strip_wire_dateline(rest), date
    stamped = _stamp_line_before_lede(rest)
    if stamped is not None and stamped[1] < date:
        # "December 05, 2025 09:59 pm" over the menus, "Nov 06, 2025, at 04:33 pm" under the
        # headline: the site's clock when the page was saved, then the story's own stamp.
        position, earlier = stamped
        return _strip_wire_dateline(rest[:position] + rest[position + 1 :]), earlier
    if how != "bare":
        return _strip_wire_dateline(rest), date
    later, labelled, _ = _first_dateline(rest[:8], labelled_only=True)
    if labelled is None:
        return _strip_wire_dateline(rest), date
    # The labelled line is the page's own date either way, never an incident's.
    return _strip_wire_dateline(later + rest[8:]), min(labelled, date)


#: How far below a header date a page's own time stamp may stand (menus, share buttons and a
#: headline ticker come between).
_STAMP_REACH = 15


def _stamp_line_before_lede(sentences: list[Sentence]) -> tuple[int, dt.date] | None:
    """A short line with a day and a clock time ("| @site | Nov 06, 2025, at 04:33 pm") among
    the heading lines above the lede (the first prose after a heading line): the page's own
    time stamp, found below the menus and tickers that push it past the first lines."""
    headline_seen = False
    for position, sentence in enumerate(sentences[:_STAMP_REACH]):
        if not sentence.heading:
            if headline_seen:
                return None  # the lede: the stamp stands above it or not at all
            continue  # a run-on header (menus, tickers) above the headline
        headline_seen = True
        stamp = _TIMESTAMP.search(sentence.text)
        if stamp is None or len(sentence.text) > 80:
            continue
        found = find_dates(stamp.group("date"), base=None)
        if len(found) == 1 and found[0].date is not None and found[0].precision == "day":
            return position, found[0].date
    return None


def _cut_wire_dateline(sentence: Sentence) -> tuple[Sentence, DateMention] | None:
    """The sentence without the wire dateline that opens it ("Mumbai, Nov 12 (AGENCY) ...",
    "Pune, December 02: ..."), and the dateline's day; ``None`` when it opens with none."""
    colon = None if sentence.heading else _COLON_DATELINE.match(sentence.text)
    if colon is None:
        return None
    mentions = find_dates(colon.group("date"), base=None)
    if len(mentions) != 1 or mentions[0].kind not in {"dmy", "mdy"}:
        return None
    return dataclasses.replace(sentence, text=sentence.text[colon.end() :]), mentions[0]


def _strip_wire_dateline(sentences: list[Sentence]) -> list[Sentence]:
    """Remove a wire dateline from the first sentences even below a time stamp: the day the
    story was filed is no incident's."""
    for position, sentence in enumerate(sentences[:4]):
        cut = _cut_wire_dateline(sentence)
        if cut is not None:
            out = list(sentences)
            out[position] = cut[0]
            return out
    return sentences


# "03/25/2024 / By Jane Roe The plane ...": a numeric date and a byline run into the lede.
_NUMERIC_CREDIT = re.compile(
    r"^(?P<date>\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})\s*[/|\u2013\u2014-]\s*By\s+"
    r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?\s+(?=\S)"
)


def _numeric_order(sentences: list[Sentence]) -> str:
    """How the page writes dates: ``"dmy"`` or ``"mdy"`` when its other dates all agree (a
    numeric date with a day over 12, or "25 March 2024" against "March 25, 2024"), else ``""``."""
    seen = set()
    for sentence in sentences:
        for mention in find_dates(sentence.text, base=None):
            if mention.kind in {"dmy", "mdy"} and re.search(r"\d{4}", mention.text):
                seen.add(mention.kind)
            elif mention.kind == "numeric":
                first, second = (int(x) for x in re.split(r"[./]", mention.text)[:2])
                if first > 12 >= second:
                    seen.add("dmy")
                elif second > 12 >= first:
                    seen.add("mdy")
    return seen.pop() if len(seen) == 1 else ""


def _numeric_credit(
    sentence: Sentence, sentences: list[Sentence]
) -> tuple[dt.date | None, str] | None:
    """A numeric date and byline run into the first sentence ("03/25/2024 / By Jane Roe An
    MQ-9 ..."): the publication date when the order of day and month is clear (one is over 12,
    or the page's other dates show its order), else no date; and the sentence without it."""
    match = _NUMERIC_CREDIT.match(sentence.text)
    if not match:
        return None
    first, second, year = (int(x) for x in re.split(r"[./]", match.group("date")))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    elif first == second:
        day = month = first
    else:
        order = _numeric_order([s for s in sentences if s is not sentence])
        if not order:
            return None, sentence.text[match.end() :]
        day, month = (first, second) if order == "dmy" else (second, first)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, sentence.text[match.end() :]


def _first_dateline(
    sentences: list[Sentence], *, labelled_only: bool = False
) -> tuple[list[Sentence], dt.date | None, str]:
    """The first publication date at the top and the sentences without it, with how it was
    written: ``"bare"`` for a date line alone (a page header may be today's date), else
    ``"labelled"``; ``labelled_only`` skips bare date lines."""
    from dataclasses import replace as _replace

    if sentences:
        meta = _META_DATE.match(sentences[0].text)
        if meta:
            out = list(sentences)
            out[0] = _replace(sentences[0], text=sentences[0].text[meta.end() :])
            rest, dateline = _strip_dateline(out)
            value = meta.group("date")
            # A month alone ("date 2024-12") says when, not on which day: no publication day.
            published = dt.date.fromisoformat(value) if len(value) == 10 else None
            return rest, published or dateline, "labelled"
    for position, sentence in enumerate(sentences[:6]):
        numeric = _numeric_credit(sentence, sentences) if position < 3 else None
        if numeric is not None:
            out = list(sentences)
            out[position] = _replace(sentence, text=numeric[1])
            return out, numeric[0], "labelled"
        credit = _credit_date(sentence.text)
        if credit is not None:
            date, rest = credit
            bare = not rest and _bare_date_line(sentence.text)
            if bare and labelled_only:
                continue
            out = list(sentences)
            if rest:
                out[position] = _replace(sentence, text=rest)
            else:
                del out[position]
            return out, date, "bare" if bare else "labelled"
        if position < 4 and _PLACE_DATELINE.match(sentence.text):
            # "New Delhi, November 24" alone on a line: where and when the report was filed.
            mentions = find_dates(sentence.text, base=None)
            # "Friday, 22 November 2024" has a weekday where the place would be: a bare date.
            bare = _bare_date_line(sentence.text)
            if (
                len(mentions) == 1
                and mentions[0].precision == "day"
                and not (bare and labelled_only)
            ):
                how = "bare" if bare else "labelled"
                return [s for s in sentences if s is not sentence], mentions[0].date, how
        cut = _cut_wire_dateline(sentence) if position < 4 else None
        if cut is not None:
            # The day the story was filed, not an incident's: with its year it is the
            # publication date; without one, no date (the page's own date stands).
            out = list(sentences)
            out[position], filed = cut
            dated = re.search(r"\d{4}", filed.text) and filed.date is not None
            return out, filed.date if dated else None, "labelled"
        stamp = _TIMESTAMP.search(sentence.text) if position < 4 else None
        if stamp and labelled_only and _EVENT_PREPOSITION.search(sentence.text[: stamp.start()]):
            # Below a header date, "... near Vilnius on 3 March 2024 at 14:30" is the incident's
            # day and hour, not a time stamp.
            stamp = None
        if stamp:
            # "2 September 2025, 13:19": the time a page was published, not an incident's.
            mentions = find_dates(stamp.group("date"), base=None)
            if len(mentions) == 1 and mentions[0].date is not None:
                out = list(sentences)
                # "Tuesday, 02 January 2024 12:17 GMT": the stamp's weekday and time zone go
                # with it (a weekday left behind would read as an incident's day).
                head = _STAMP_WEEKDAY.sub("", sentence.text[: stamp.start()])
                tail = _STAMP_ZONE.sub("", sentence.text[stamp.end() :])
                text = (head + " " + tail).strip()
                out[position] = _replace(sentence, text=text)
                return out, mentions[0].date, "labelled"
        byline = _BYLINE.match(sentence.text)
        if byline:
            found = find_dates(byline.group("date"), base=None)
            if found and found[0].date is not None and found[0].precision == "day":
                return [s for s in sentences if s is not sentence], found[0].date, "labelled"
        match = None
        if not sentence.heading:
            match = _DATE_FIRST.match(sentence.text) or _DATELINE.match(sentence.text)
        if match:
            mentions = find_dates(match.group("date"), base=None)
            if (
                len(mentions) == 1
                and mentions[0].kind in {"iso", "dmy", "mdy"}
                and mentions[0].date is not None
                and re.search(r"\d{4}", mentions[0].text)
            ):
                out = list(sentences)
                out[position] = _replace(sentence, text=sentence.text[match.end() :])
                return out, mentions[0].date, "labelled"
            if (
                len(mentions) == 1
                and mentions[0].kind in {"dmy", "mdy"}
                and re.match(r"^[A-Z][A-Z .'\u2019-]{2,40},", sentence.text)
            ):
                # "VILNIUS, March 3 (Reuters) - ...": the day the story was filed, without its
                # year; not an incident date, and no publication date either.
                out = list(sentences)
                out[position] = _replace(sentence, text=sentence.text[match.end() :])
                return out, None, "labelled"
        if (
            sentence.heading
            and not labelled_only
            and not re.match(r"^[A-Za-z][\w /-]{0,30}:\s", sentence.text)
        ):
            # A bare date line at the top is the publication date; "Date: ..." in a record is
            # the occurrence date.
            mentions = find_dates(sentence.text, base=None)
            if (
                len(mentions) == 1
                and mentions[0].date is not None
                and mentions[0].kind in {"iso", "dmy", "mdy"}
                and len(mentions[0].text) >= 0.5 * len(sentence.text)
            ):
                return [s for s in sentences if s is not sentence], mentions[0].date, "bare"
    return sentences, None, ""


# The word before an incident's date: "on 3 March 2024 at 14:30", "since ...".
_EVENT_PREPOSITION = re.compile(
    r"\b(?:on|at|since|from|until|by|before|after|between|in)\s*$", re.I
)


def _bare_date_line(text: str) -> bool:
    """Is this line a date and nothing else ("Friday, 22 November 2024", "On 3 May 2024")?"""
    found = find_dates(text, base=None)
    if len(found) != 1:
        return False
    rest = (text[: found[0].start] + " " + text[found[0].end :]).lower()
    return not [w for w in re.findall(r"[a-z]+", rest) if w != "on"]


# "Photographer: Jane Roe/Agency", "Photo: USAF": the credit that ends a photo caption.
_PHOTO_CREDIT = re.compile(
    r"(?:^|[.!?]\s+)(?:Photographer|Photograph|Photo|Foto|Image|Picture)\s*:\s*[^.!?]+$"
    # "(Agency/File)", "(AP Photo/Jane Roe)", "(Getty Images)": a credit in brackets.
    # An initialism's dots ("Senior Airman Jane Roe/U.S. Air Force") do not end the credit.
    r"|(?:^|[.!?]\s+)\((?:(?:[^()/.!?]|\b[A-Z]\.){1,40}/(?:[^().!?]|\b[A-Z]\.){1,40}"
    r"|[^().!?]{0,30}\b(?:Photo|File|Getty"
    r"|Shutterstock|Courtesy)\b[^().!?]{0,30})\)$"
)


_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b(?:\s*(?:Uhr|h|UTC|CET|CEST|GMT)\b)?")


def _without_repeated_date_lines(
    sentences: list[Sentence], published: dt.date | None
) -> list[Sentence]:
    """The sentences less title lines that are only the publication date again (a page that
    prints "14 March 2024" above and below its headline)."""
    if published is None:
        return sentences

    def bare_publication_date(sentence: Sentence) -> bool:
        if not sentence.heading or len(sentence.text) > 40:
            return False
        # "01.09.2025 - 15:30": the publication date with the time it was posted.
        text = _CLOCK_TIME.sub(" ", sentence.text).strip(" ,|-\u2013")
        mentions = find_dates(text, base=None)
        return (
            len(mentions) == 1
            and mentions[0].date == published
            and len(mentions[0].text) >= 0.8 * len(text)
        )

    kept = [s for s in sentences if not bare_publication_date(s)]
    return kept or sentences


# Words of a period: a count with one of them is a figure over time, not one day's event.
_PERIOD_WORDS = re.compile(
    r"\b(?:since|between|from|over\s+the\s+(?:past|last)|per|so\s+far|this\s+year|last\s+year"
    r"|in\s+recent|months|weeks|years|daily|every\s+day|each\s+day|a\s+day)\b|%|per\s?cent",
    re.I,
)


def _one_day_count(text: str, base: dt.date | None) -> bool:
    """Is the count in this sentence the size of one day's event ("around 800 flights were
    delayed on Friday") rather than an aggregate over a period ("1,022 reports in June")?"""
    if _PERIOD_WORDS.search(text):
        return False
    mentions = [m for m in find_dates(text, base=base) if m.kind != "year"]
    return len(mentions) == 1 and mentions[0].precision == "day" and mentions[0].end_date is None


def _without_captions(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences less photo captions: a paragraph whose last sentence is a photo credit
    describes the picture ("A Boeing 777 taxies at Incheon on Wednesday, July 19, 2023"), not the
    story."""
    captions = {
        s.paragraph
        for position, s in enumerate(sentences)
        if (_PHOTO_CREDIT.search(s.text) or _STAMPED_CAPTION.search(s.text))
        and (position + 1 == len(sentences) or sentences[position + 1].paragraph != s.paragraph)
    }
    captions |= _credited_paragraphs(sentences)
    # "FILE - A Finnair plane lands at Helsinki, Monday, April 19, 2010.": a wire photo's
    # caption, the sentence alone (the story may follow in the same paragraph).
    filed = {s.index for s in sentences if _FILE_PHOTO.match(s.text)}
    if not captions and not filed:
        return sentences
    kept = [s for s in sentences if s.paragraph not in captions and s.index not in filed]
    return kept or sentences


#: A photographer's credit on a line of its own under a caption: "JANE ROE/Getty Images",
#: "Jane Roe/AFP via Getty Images", "John Doe/Reuters".
_CREDIT_LINE = re.compile(
    r"^\s*(?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z][\w.'\u2019-]*\s*/\s*"
    r"(?:[\w.&'\u2019-]+\s*){0,3}(?:Getty|AFP|Reuters|AP|EPA|Shutterstock|Bloomberg|Anadolu"
    r"|Xinhua|Images?|Photos?|Photographs?|Pictures?)\b(?:\s+[\w.&'\u2019-]+){0,3}\s*$"
)
#: A caption is short: at most this many sentences above its credit line.
CAPTION_SENTENCES = 2


def _credited_paragraphs(sentences: list[Sentence]) -> set[int]:
    """The paragraphs of a photo credit standing alone ("ADRIAN DENNIS/Getty Images") and of
    the short caption just above it ("A Finnair Airbus lands at Heathrow on April 29"): the
    picture's day and place, not the story's."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    order = list(by_paragraph)
    found: set[int] = set()
    for position, paragraph in enumerate(order):
        lines = by_paragraph[paragraph]
        if len(lines) != 1 or not _CREDIT_LINE.match(lines[0].text):
            continue
        found.add(paragraph)
        if position and len(by_paragraph[order[position - 1]]) <= CAPTION_SENTENCES:
            found.add(order[position - 1])
    return found


#: A caption closed by the day its photo was taken, as Korean agencies write it ("... at Incheon
#: airport. 2024.5.30/News1"): the glossed credit keeps only the stamp and a word or two.
_STAMPED_CAPTION = re.compile(r"(?:^|\s)(?:19|20)\d\d\.\d{1,2}\.\d{1,2}\b(?:\W+\w+){0,3}\W*$")

_FILE_PHOTO = re.compile(r"^\W*FILE(?:\s+PHOTO)?\s*[-\u2013\u2014:]\s", re.I)


#: A heading that opens a section of context ("Background:", over a list of earlier events).
_BACKGROUND_HEADING = re.compile(r"^\W*(?:background|context)\s*:?\s*$", re.I)


def without_background_sections(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences less a section headed "Background:" (up to the next heading): news
    sites list there the earlier events a story follows ("On 31 August, the plane of ..."),
    which are not the page's own incidents."""
    kept: list[Sentence] = []
    inside = False
    for sentence in sentences:
        if _BACKGROUND_HEADING.match(sentence.text):
            inside = True
            continue
        if inside and sentence.heading:
            inside = False
        if not inside:
            kept.append(sentence)
    return kept or sentences


# "This story was originally published on 17 October 2022", "First posted by ... on ...".
_ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:published|posted|appeared|ran|reported)\b", re.I
)


def _original_date(sentences: list[Sentence]) -> tuple[dt.date, str] | None:
    """The date a reposted story first appeared, when the text names it with its year."""
    for sentence in sentences:
        said = _ORIGINALLY.search(sentence.text)
        if not said:
            continue
        after = sentence.text[said.end() : said.end() + 80]
        found = [
            m
            for m in find_dates(after, base=None)
            if m.kind in {"iso", "dmy", "mdy", "numeric"}
            and m.date is not None
            and re.search(r"\d{4}", m.text)
        ]
        if len(found) == 1:
            return found[0].date, sentence.text[said.start() : said.end() + found[0].end].strip()
    return None


# A wire dateline opening the lede: "HELSINKI, April 29 (Reuters) -", "VILNIUS, Nov 5 -".
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,2}(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?,"
    r"\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b"
    r"(?:,?\s+\d{4})?\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014]"
)
_MONTHS3 = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _dateline_day(lede: Sentence | None, base: dt.date) -> tuple[dt.date, str] | None:
    """The day of a wire dateline opening the lede ("HELSINKI, April 29 (Reuters) -") when it
    is before ``base`` by more than a day and at most :data:`STALE_PLAN_DAYS`: a copy stamped
    weeks after the story, whose "last Thursday" is the story's."""
    match = _WIRE_DATELINE.match(lede.text) if lede is not None else None
    if match is None:
        return None
    month = _MONTHS3.index(match.group(1)) + 1
    try:
        day = dt.date(base.year, month, int(match.group(2)))
        if day > base:
            day = day.replace(year=base.year - 1)
    except ValueError:  # 31 April, or 29 February in another year
        return None
    if 1 < (base - day).days <= STALE_PLAN_DAYS:
        return day, match.group(0).rstrip(" -\u2013\u2014")
    return None


PUBLICATION_MONTH_NOTE = "no incident date in the text; month of publication used"
PUBLICATION_DAY_NOTE = (
    "no incident date in the text; the headline's incident is dated by the publication day "
    "(check the day)"
)
PUBLICATION_NOTES = (PUBLICATION_MONTH_NOTE, PUBLICATION_DAY_NOTE)
#: A span of dates longer than this is a period (a suspension, a warning), not an incident's day.
LONG_SPAN_DAYS = 14
#: Dates counted from a reference date ("on Sunday", "two days ago", "yesterday").
_RELATIVE_KINDS = {"weekday", "relative_days", "relative_word"}
#: A plan's start this many days or fewer before the page's date shows a stale copy.
STALE_PLAN_DAYS = 60


def _plan_start(sentences: list[Sentence], base: dt.date) -> tuple[dt.date, str] | None:
    """The day a plan was to begin, when the text tells it as still to come but the day is
    before ``base`` (a copy stamped weeks after the story): the story was written by then.

    Only for texts that count days from the story's date ("last Thursday", "on Monday"), and
    only a plan whose sentence names no other date (a retold plan says when it was made).
    """
    told = [s for s in sentences if _PLAN_WORD.search(s.text)]
    relative = {"weekday", "relative_days", "relative_word"}
    if not told or not any(
        m.kind in relative for s in sentences for m in find_dates(s.text, base=base)
    ):
        return None
    for sentence in told:
        found = [m for m in find_dates(sentence.text, base=base) if m.kind != "year"]
        plans = [m for m in found if m.date is not None and _is_plan_start(sentence.text, m)]
        if len(plans) != 1 or len(found) != 1:
            continue
        plan = plans[0]
        try:
            day = plan.date.replace(year=base.year)
            if day > base + dt.timedelta(days=180):
                day = day.replace(year=base.year - 1)
        except ValueError:  # 29 February in another year
            continue
        if plan.end_date is not None:
            end = day + (plan.end_date - plan.date)
            if end < base:
                # "would suspend flights from April 29 to May 31" on a page of June: a plan
                # over before the page's date is retold, not still to come.
                continue
        if day < base and (base - day).days <= STALE_PLAN_DAYS:
            return day, sentence.text[max(0, plan.start - 40) : plan.end].strip()
    return None


#: Why a page's outside publication date did not date its candidate.
PUBLISHED_MONTH_NOTE = (
    "'{text}' is counted from a publication date known only to its month: the month is kept"
)
OUTSIDE_DATE_NOTE = (
    "no date on the page; the publication date given is used only for an event told with its place"
)
_SINCE_YEAR = re.compile(r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:19|20)\d\d\b", re.I)


def _read_as_notams(text: str) -> list | None:
    """The text's relevant NOTAMs when it is NOTAMs, else ``None``. A NOTAM file is read as
    NOTAMs only: one that is not about GNSS interference (a RAIM prediction, a closed runway)
    gives nothing rather than a guess from its words."""
    notams = parse_notams(text)
    return notams if notams or looks_like_notam(text) else None


#: Why a page tells no aviation GNSS incident at all, for the reviewer (see :func:`out_of_scope`).
NO_AVIATION = "the page names no aircraft, airline, flight or airport"
DRONES_ONLY = "the page's jamming is of drones, with no word of satellite navigation"
RECEIVER_FAULT = (
    "the page tells a receiver or software fault, with no word of jamming or interference"
)
NO_SATELLITES = "the page names neither satellite navigation nor a signal's jamming or spoofing"


def out_of_scope(text: str, title: str = "") -> str:
    """Why a page (its English text, or gloss) is not about GNSS interference met by aircraft,
    or ``""`` when it may be: the page-wide checks made before any sentence is read.

    The reason is one of :data:`NO_AVIATION`, :data:`DRONES_ONLY`, :data:`RECEIVER_FAULT` and
    :data:`NO_SATELLITES`, for the reviewer who wonders why a page gave nothing.
    """
    if not (
        fx.AVIATION_TERM.search(text)
        or fx.aircraft([text])
        # "SAS could not land in Visby": an airline that lands or diverts is aviation.
        or (fx.KNOWN_OPERATOR.search(text) and _AIRLINE_ACT.search(text))
    ):
        return NO_AVIATION
    if _DRONE_JAMMER.search(text) and not (
        fx.GNSS_TERM.search(text) or fx.GNSS_TERM.search(title) or fx.SPOOF_TERM.search(text)
    ):
        # Drones over a runway and "drone jammers", with no word of satellite navigation
        # anywhere: the jamming is of drones, not of the aircraft's GNSS.
        return DRONES_ONLY
    if (
        _RECEIVER_FAULT.search(text)
        and not _INTERFERENCE_WORD.search(text)
        and not _signals_lost_not_a_fault(text)
    ):
        # A receiver or software fault ("a leap-second almanac update made the receivers
        # malfunction") with no word of jamming, spoofing or interference: not an incident.
        return RECEIVER_FAULT
    if not _SATELLITE_WORD.search(text) and not _SIGNAL_INTERFERENCE.search(text):
        # "The crew reported a failure of the navigation system": with no word of satellites
        # (GPS, GNSS, GLONASS...) or of a signal's jamming or spoofing anywhere, a navigation
        # fault is the aircraft's own, a look-alike; and "interference from inside the
        # cockpit" is a person's, not a signal's.
        return NO_SATELLITES
    return ""


def extract_candidates(
    report: Report,
    *,
    published: dt.date | None = None,
    floor: float | None = None,
    published_month: bool = False,
    published_from: str = "--published",
) -> list[Candidate]:
    """Candidate incidents described by one report.

    :param report: the report (see :func:`tracker.ingest.readers.read_reports`).
    :param published: publication date to assume when the report carries none.
    :param published_month: ``published`` is known only to its month (it is a day of that
        month): a weekday or "yesterday" counted from it gives that month, not a day.
    :param published_from: where ``published`` came from, for the reviewer's note.
    :param floor: candidates scoring below are dropped (default :data:`.assess.DROP_SCORE`).
    :returns: one candidate per incident; none when the text is not about an aviation GNSS
        incident.
    """
    notams = _read_as_notams(report.text)
    if notams is not None:
        return [_notam_candidate(n, report) for n in notams]

    # Other languages are read through an English gloss (tracker.ingest.languages).
    report = to_english(report)
    text = report.text
    size_note = []
    if len(text) > MAX_ANALYSED_CHARS:
        text = text[:MAX_ANALYSED_CHARS]
        size_note = [f"only the first {MAX_ANALYSED_CHARS:,} characters were analysed"]
    sentences = split_sentences(_without_link_lists(_without_comments(text)))
    if not sentences:
        return []
    first_lede = next((s for s in sentences if not s.heading), None)
    sentences, dateline = _strip_dateline(sentences)
    sentences = _without_repeated_date_lines(sentences, dateline or report.published)
    sentences = without_background_sections(_without_captions(sentences))
    # A dropped credit line or caption leaves a gap: positions are looked up by index.
    sentences = [
        s if s.index == i else dataclasses.replace(s, index=i) for i, s in enumerate(sentences)
    ]
    if report.published is None and dateline is not None:
        from dataclasses import replace as _replace

        report = _replace(report, published=dateline)
    full_text = text
    if out_of_scope(full_text, report.title or ""):
        return []
    # First-person crew accounts ("we lost GPS at FL370") name the aircraft as "we".
    crew_narrative = bool(re.search(r"\b(?:we|our|my)\b|\bI\b", full_text, re.I))
    topic = _about_interference(sentences)
    lede_problem = any(_MET_DISRUPTION.search(s.text) for s in sentences[:6]) and any(
        _is_problem_sentence(s.text) for s in sentences[:5]
    )
    anchors = [
        s
        for s in sentences
        if _is_anchor(
            s,
            crew_narrative=crew_narrative,
            topic=topic,
            lede_problem=lede_problem,
            told_before=_pronoun_for_aircraft(s, sentences),
        )
    ]
    if not anchors:
        anchors = _lede_anchors(sentences)
    if not anchors and not any(note.startswith(GLOSS_NOTE) for note in report.notes):
        # (A word-by-word gloss drops the words that say who met an area's disruption.)
        anchors = _area_lede_anchors(sentences)
    if not anchors:
        return []

    notes: list[str] = list(size_note)
    base = report.published or published
    # "Published March 2024": "on Wednesday" is some day of that month (or the last days of
    # the one before); a day counted from the 1st would be a day of February, and wrong.
    base_is_month = published_month and report.published is None and published is not None
    if report.published is None and published is not None:
        notes.append(f"publication date taken from {published_from} ({published.isoformat()})")
    # Why the stand-in for the publication date is too weak to count "on Sunday" from ("").
    weak_base = ""
    # The base is a date the text names, not the page's own: the page may be later.
    base_from_text = False
    if base is None:
        inferred = infer_reference_date([s.text for s in sentences])
        if inferred:
            base = inferred[0]
            base_from_text = True
            if any(inferred[1] in s.text and _TIMESTAMP.search(s.text) for s in sentences):
                # "2023-06-14 09:12 713 views" under other stories' headlines: a time stamp
                # tells the page's year, not the day its "on Sunday" counts from.
                weak_base = "a time stamp, which may be another story's"
            elif year_guessed(inferred[1]):
                # "on November 10" dated by "November 2023" two sentences away.
                weak_base = "a day whose year is only guessed from a year named near it"
            notes.append(
                f"publication date unknown; relative dates counted from {base.isoformat()} "
                f"(from '{inferred[1]}')"
            )
    original = _original_date(sentences)
    if original is not None and base is not None and original[0] < base:
        # A repost: "on Monday" is the original story's Monday, not the repost's.
        base = original[0]
        notes.append(
            f"a repost: relative dates counted from the original story's date "
            f"{base.isoformat()} ('{original[1]}')"
        )
    wire = _dateline_day(first_lede, base) if base is not None else None
    if wire is not None:
        # "HELSINKI, April 29 (Reuters) -" on a copy stamped 21 May: the story's own day.
        base = wire[0]
        notes.append(
            f"the lede's dateline '{wire[1]}' is before the page's date: relative dates "
            "counted from the dateline"
        )
    plan = _plan_start(sentences, base) if base is not None else None
    if plan is not None:
        # A copy stamped weeks later: "last Thursday" is the week before the plan began.
        base = plan[0]
        notes.append(
            f"the text tells a plan starting {base.isoformat()} as still to come ('{plan[1]}'): "
            "relative dates counted from that day, not the page's date"
        )
    budget = LookupBudget()
    incidents = _group(anchors, sentences, base, budget)
    record_month = None
    for s in sentences:
        for m in find_dates(s.text, base=base):
            if m.kind == "compact_month":
                record_month = (m, s.text)
                break
        if record_month:
            break

    title_sentences = [s for s in sentences[:3] if s.heading]
    # The headline: the first line with words (a page may open with a stray "<<" or "|").
    headline = next(
        (s.text for s in sentences[:3] if len(re.findall(r"[^\W\d_]{2,}", s.text)) > 1), ""
    )
    explainer = _explainer_headline([sentences[0].text, headline])
    # The lede: the first paragraph that is not a title line.
    lede_paragraph = next((s.paragraph for s in sentences if not s.heading), 0)
    first_body = next((s.index for s in sentences if not s.heading), 0)
    lede_texts = [s.text for s in sentences[:4] if s.heading or s.paragraph <= lede_paragraph]
    opening = [s.text for s in sentences[:6]]
    # "Over 400 Flights Delayed" by a control-tower glitch (a teaser for another story run into
    # the lede): a figure given with another cause, and no word of satellite navigation or
    # interference, is not the page's.
    lede_figure = next(
        (
            t
            for t in opening
            if ax.AGGREGATE_STRICT.search(t)
            and not _one_day_count(t, base)
            and not (
                _OTHER_CAUSE.search(t)
                and not (fx.GNSS_TERM.search(t) or _INTERFERENCE_WORD.search(t))
            )
        ),
        "",
    )
    lede_policy = next((t for t in lede_texts if ax.POLICY_LEDE.search(t)), "")
    lede_answer = next((t for t in lede_texts if ax.PARLIAMENT_ANSWER.search(t)), "")
    candidates: list[Candidate] = []
    for incident in incidents:
        context = _context(incident, sentences, alone=len(incidents) == 1)
        evidence: dict[str, str] = {}
        values: dict[str, object] = {}
        own_notes: list[str] = []

        mention = incident.date
        started = _start_of_continuing(
            mention, incident.date_sentence, sentences, incident.anchors[0].index, base
        )
        if started is not None:
            # A multi-day disturbance is dated by its first day.
            mention, incident.date_sentence = started
        if (mention is None or mention.date is None) and record_month:
            mention, incident.date_sentence = record_month
        if (mention is None or mention.date is None) and len(incidents) == 1:
            nearest = _nearest_date(sentences, incident.anchors[0].index, base, incident.anchors)
            if nearest:
                mention, incident.date_sentence = nearest
        elif _recent_period(mention) and base is not None:
            # "In recent days there were more disruptions ... The last case was on Wednesday":
            # a day of those days, told nearby, dates the incident better than their month.
            taken = {o.date.date for o in incidents if o is not incident and o.date is not None}
            day = _day_of_recent_period(sentences, incident.anchors[0].index, base, taken)
            if day is not None:
                mention, incident.date_sentence = day
        if mention is None or mention.date is None:
            # Last resort before the publication month: a year ("in 2019, a Cessna...").
            for anchor in incident.anchors:
                years = [
                    m
                    for m in find_dates(anchor.text, base=base)
                    if m.kind == "year" and m.text.lower().startswith(("in ", "during "))
                ]
                if years:
                    mention, incident.date_sentence = years[0], anchor.text
                    break
        if mention is None or mention.date is None:
            # "Since early June, GPS at the airport has been unreliable": an ongoing disruption
            # dated by its start (a month since; counts since a month are figures, not this).
            for anchor in incident.anchors:
                if ax.is_aggregate(anchor.text) or _TREND.search(anchor.text):
                    continue
                starts = [
                    m
                    for m in find_dates(anchor.text, base=base)
                    if m.prefix == "since"
                    and m.kind not in {"year", "following"}
                    and m.date is not None
                    and (base is None or m.date <= base)
                ]
                if starts:
                    mention, incident.date_sentence = starts[0], anchor.text
                    break
        reported = False
        if mention is None or mention.date is None:
            # "For weeks planes near X have lost GPS, the authority said Wednesday": no day of
            # its own; the day it was reported is the nearest (scored as the publication month).
            for anchor in incident.anchors:
                said = _reported_day(anchor.text, base)
                if said is not None:
                    mention, incident.date_sentence, reported = said, anchor.text, True
                    break
            else:
                if len(incidents) == 1:
                    near = _nearest_reported_day(sentences, incident.anchors[0].index, base)
                    if near is not None:
                        (mention, incident.date_sentence), reported = near, True
        if reported:
            # "North Korea has jammed GPS for five consecutive days, the military said Tuesday":
            # a disturbance still running when reported, dated by its first day.
            first = _first_of_counted_days(mention, incident.date_sentence)
            if first is not None:
                mention, reported = first, False
        if mention is not None and mention.precision == "month" and mention.kind != "compact_month":
            day = _day_told_later(incident, sentences, mention, base)
            if day is not None:
                mention, incident.date_sentence = day
        earlier = _began_a_week_before(mention, incident, base)
        if earlier is not None:
            mention = earlier
            own_notes.append(
                f"'{mention.text}' is the page's own weekday, but the disruption that began then "
                "had lasted days by publication: the week before"
            )
        if base_from_text and mention is not None and mention.kind in _RELATIVE_KINDS:
            named = _named_instead(incident.date_sentence, mention, base)
            if named is not None:
                # "... airports (last month) ... the episode at Delhi's airport in November",
                # counted from a date the text names: the page may be weeks later, and the
                # month it names says more than one counted from a stand-in.
                mention = named
        if weak_base and mention is not None and mention.kind in _RELATIVE_KINDS:
            own_notes.append(
                f"'{mention.text}' is not dated: the only date to count it from is {weak_base}"
            )
            mention = None
        date_kind, date_text = "none", ""
        if mention is not None and mention.date is not None:
            if (
                mention.precision == "day"
                and mention.end_date is not None
                and (mention.end_date - mention.date).days > LONG_SPAN_DAYS
            ):
                # "flights suspended from April 29 to May 31", a warning "in force January 16
                # through March 17": a period, not the day of an incident; its first month.
                mention = dataclasses.replace(mention, precision="month", end_date=None)
            date_kind, date_text = ("reported" if reported else mention.precision), mention.text
            values[INC.date] = (
                mention.date if mention.precision == "day" else month_start(mention.date)
            )
            values[INC.date_precision] = mention.precision
            values[INC.end_date] = mention.end_date
            evidence[INC.date] = incident.date_sentence or context[0]
            if base_is_month and mention.kind in _RELATIVE_KINDS:
                values[INC.date], values[INC.date_precision] = month_start(base), "month"
                values[INC.end_date] = None
                own_notes.append(PUBLISHED_MONTH_NOTE.format(text=mention.text))
        elif base is not None and (report.published is not None or published is not None):
            values[INC.date] = month_start(base)
            values[INC.date_precision] = "month"
            evidence[INC.date] = f"(publication date {base.isoformat()})"
            own_notes.append(PUBLICATION_MONTH_NOTE)
            date_kind = "published"
        else:
            values[INC.date] = None
            values[INC.date_precision] = "day"
            own_notes.append(
                "no usable date: the text gives none (or only relative ones) and the "
                "publication date is unknown; pass --published YYYY-MM-DD"
            )

        hits: list[PlaceHit] = []
        for s in incident.anchors:
            if len(incident.anchors) > 1 and _tells_another_time(s, incident, values, base):
                # "... a day after Russian jets intercepted a spy plane over the Black Sea last
                # month": a sentence of the story that dates another event places that event.
                continue
            hits += spot_places(s.text, weight=3.0, sentence_index=s.index, budget=budget)
        anchor_ids = {a.index for a in incident.anchors}
        # Another incident's sentence recalling an earlier event places that event, not this
        # one ("RUSSIA jammed the minister's plane. ... at the RAF Akrotiri base in Cyprus in
        # 2021").
        others = {
            a.index
            for i in incidents
            if i is not incident
            for a in i.anchors
            if a.index not in anchor_ids and ax.is_background(a.text)
        }
        paragraphs = {a.paragraph for a in incident.anchors}
        for s in sentences:
            if s.index in anchor_ids or s.index in others:
                continue
            if s.text == incident.date_sentence and date_kind not in {"none", "published"}:
                # "It happened on Sunday, on the way from Warsaw to Plovdiv": the sentence that
                # dates the incident tells of it, wherever it stands. Only as support: "60
                # miles from Kaliningrad" read as an origin must not count against a place.
                told = spot_places(s.text, weight=1.5, sentence_index=s.index, budget=budget)
                hits += [h for h in told if h.score > 0]
            elif s.paragraph in paragraphs:
                if _tells_another_time(s, incident, values, base) or ax.CAME_AFTER.search(s.text):
                    # The places of an event recalled beside the story are that event's own.
                    continue
                hits += spot_places(s.text, weight=1.0, sentence_index=s.index, budget=budget)
            elif s in title_sentences and len(incidents) == 1:
                hits += spot_places(s.text, weight=1.5, sentence_index=s.index, budget=budget)
        place = best_place(discount_diversion_targets(discount_foreign_homonyms(hits)))
        if place is None:
            place = _record_state(sentences)
        if place is None:
            place = turned_back_origin(hits, [a.text for a in incident.anchors])
        if place is None:
            for s in sentences:
                if (
                    s.index not in anchor_ids
                    and s.index not in others
                    and s.paragraph not in paragraphs
                    # "The number of such incidents has risen in the Baltic": where incidents
                    # are common, not where this one happened.
                    and not _is_generic_line(s)
                    and not _tells_another_time(s, incident, values, base)
                ):
                    hits += spot_places(s.text, weight=0.5, sentence_index=s.index, budget=budget)
            place = best_place(discount_diversion_targets(discount_foreign_homonyms(hits)))
        place_roles = {h.role for h in hits if place is not None and h.key == place.key}
        cued = {"strong", "airspace", "landed", "weak", "arrival"}
        place_best = 3.0 if place_roles & cued else 1.0
        place_values, place_sentence = _place_values(place)
        if place is not None and not place_values[INC.country]:
            near = (place.location.latitude, place.location.longitude)
            place_values[INC.country] = country_for_sea(hits, near=near) or country_for_sea(
                _hits_after(incident, sentences, anchor_ids | others, values, base, budget),
                near=near,
                any_place=True,
            )
        values.update(place_values)
        if place_sentence:
            evidence[INC.location] = place_sentence
        else:
            own_notes.append(
                "no place found in the gazetteer; set location and coordinates by hand"
            )

        if values.get(INC.date_precision) == "day" and isinstance(values.get(INC.date), dt.date):
            from tracker.ingest.localtime import utc_date

            local_day = values[INC.date]
            time_text = incident.date_sentence or ""
            shifted = utc_date(
                local_day, time_text, str(values.get(INC.country) or ""), values.get(INC.longitude)
            )
            if shifted != local_day:
                values[INC.date] = shifted
                own_notes.append(
                    f"local time near midnight: {local_day.isoformat()} local is "
                    f"{shifted.isoformat()} UTC"
                )
        anchor_texts = [a.text for a in incident.anchors]
        particular = ax.specific_vehicle_in
        kind, kind_sentence = fx.interference_type(anchor_texts, particular)
        if kind == "unknown":
            kind, kind_sentence = fx.interference_type(context, particular)
        if kind == "unknown":
            # The report as a whole may name the kind once ("...jammed on domestic flights").
            whole_kind, whole_sentence = fx.interference_type(
                [s.text for s in sentences], particular
            )
            if whole_kind in {"jamming", "spoofing"}:
                kind, kind_sentence = whole_kind, whole_sentence
        if kind == "unknown":
            # A copy that says only "interference" may keep the headline's "jammed" in its
            # address.
            slug_kind, _ = fx.interference_type([slug_words(report.url or "")])
            if slug_kind in {"jamming", "spoofing"}:
                kind, kind_sentence = slug_kind, f"(the page's address: {report.url})"
        values[INC.interference] = kind
        evidence[INC.interference] = kind_sentence
        phase, phase_sentence = fx.flight_phase(anchor_texts)
        if phase == "unknown":
            phase, phase_sentence = fx.flight_phase(context)
        if phase == "unknown" and place_values[INC.geocode_precision] in {"area", "region"}:
            # An area event (a sea, an FIR, a border region) reaches aircraft in flight.
            phase, phase_sentence = "en route", "(an area, not an airport: aircraft in flight)"
        values[INC.flight_phase] = phase
        if phase_sentence:
            evidence[INC.flight_phase] = phase_sentence
        if phase == "en route" and place_best < 3:
            route = _between_ends(anchor_texts + context[:3])
            if route is not None:
                route_values, route_sentence, route_note = route
                values.update(route_values)
                evidence[INC.location] = route_sentence
                own_notes.append(route_note)
                place_best = 3.0
        for column, extractor in (
            (INC.aircraft, fx.aircraft),
            (INC.operator, fx.operator),
            (INC.flight, fx.flight_number),
            (INC.effects, fx.effects),
            (INC.suspected_source, fx.suspected_source),
        ):
            found = extractor(context)
            if found:
                values[column], evidence[column] = found
        if budget.left < 0:
            own_notes.append("report too long or garbled: place search stopped early")
        # The incident is the lede's when the sentence that dates it (or, undated, its first
        # anchor) is in the headline or lede: an undated lede sentence joining a dated one
        # further down does not make that one the lede's.
        # A date read from a sentence far from the headline (a context sentence recalling
        # another event) does not make the incident the lede's either.
        dating = next(
            (a for a in incident.anchors if a.text == incident.date_sentence),
            next(
                (s for s in sentences if s.text == incident.date_sentence),
                incident.anchors[0],
            ),
        )
        # A lede sentence after the first that recalls an earlier event by its month or year
        # ("In early February Russia jammed ... in a similar fashion", "It follows claims ...
        # in 2021") does not make its incident the lede's ("after a similar failure on
        # Thursday", a day of the same week, still does).
        recalled_vaguely = mention is None or mention.precision != "day"
        in_lede = any(
            told.index <= 2
            and (told.heading or told.paragraph <= lede_paragraph)
            and not (told.index > first_body and recalled_vaguely and ax.is_background(told.text))
            for told in (dating, incident.first_told)
            if told is not None
        )
        if (
            date_kind == "published"
            and (in_lede or len(incidents) == 1)
            and base is not None
            and not base_is_month
        ):
            # News of the day: the report's only incident, or its headline's or lede's, with no
            # date of its own is dated by the day it was published (within a day, as reviewers
            # record such news); another incident told further down keeps the month.
            date_kind = "published_day"
            values[INC.date], values[INC.date_precision] = base, "day"
            own_notes[own_notes.index(PUBLICATION_MONTH_NOTE)] = PUBLICATION_DAY_NOTE
        assessment = ax.assess(
            areas_listed=_areas_listed(
                [incident.date_sentence, *anchor_texts], hits, budget=budget
            ),
            anchors=anchor_texts,
            context=context,
            date_kind=date_kind,
            date_text=date_text,
            place_text=str(values[INC.location]),
            place_best=place_best,
            in_lede=in_lede,
            background=not in_lede and any(ax.is_background(a) for a in anchor_texts),
            all_texts=[s.text for s in sentences],
            lede_figure=lede_figure,
            lede_policy=lede_policy,
            lede_answer=lede_answer,
            airport_subject=_airport_subject(place, hits, place_best, sentences),
        )
        told_event = place_best >= 3 and bool(ax.event_word(anchor_texts + context[:2]))
        if (
            report.published is None
            and date_kind in {"published", "published_day"}
            and not (told_event and not any(_SINCE_YEAR.search(t) for t in opening))
        ):
            # A page with no date of its own, dated from outside (its address, a reviewer):
            # that date is an event's only when the page tells what happened to an aircraft
            # at a named place and does not count over years ("since 2018"). Routine, tips
            # and statistics pages stay undated, as before.
            values[INC.date] = None
            own_notes = [n for n in own_notes if n not in PUBLICATION_NOTES] + [OUTSIDE_DATE_NOTE]
            assessment.add(-0.15, OUTSIDE_DATE_NOTE)
            if assessment.score > ax.APPLY_MIN_SCORE - 0.05:
                assessment.add(
                    ax.APPLY_MIN_SCORE - 0.05 - assessment.score,
                    "cannot be applied without a date; review it with --min-score",
                )
        if explainer and date_kind != "day":
            assessment.add(-0.3, f"the headline explains the problem: '{explainer[:50]}'")
        candidate = _finish(values, evidence, report, notes + own_notes)
        candidate.score, candidate.reasons = assessment.final, assessment.reasons
        candidate._lede = in_lede  # type: ignore[attr-defined]
        candidate._from_publication = date_kind in {"published", "published_day", "reported"}  # type: ignore[attr-defined]
        candidate._reported = date_kind == "reported"  # type: ignore[attr-defined]
        candidates.append(candidate)
        candidates += _paired_countries(candidate, place, hits)
        candidates += _also_elsewhere(candidate, incident.anchors, hits)
    candidates = _demote_background(candidates, report.published or published)
    candidates = _merge_vague(_merge_same(candidates))
    floor = ax.DROP_SCORE if floor is None else floor
    return [c for c in candidates if c.score >= floor]


# A headline asking in the present tense what the problem is, or saying it explains it ("What
# is GPS spoofing?", "How does jamming affect planes?", "GPS spoofing explained"): an explainer,
# whose aircraft are any aircraft ("so an aircraft thinks it is elsewhere"). "Why did a jet turn
# back?" asks about one event.
_EXPLAINER = re.compile(
    r"^(?:what|why|how)\s+(?:is|are|does|do|can|could)\b[^.!]*\?\s*$|\bexplained\s*[:?]?\s*$"
    # "Is Russia jamming GPS over the Baltic?", "Can jammers bring down a plane?": a yes-or-no
    # question in the present tense weighs a trend or a risk; "Did ..." asks about one event.
    r"|^(?:is|are|can|could|should|do|does)\s+[^.!]*\?\s*$"
    r"|^explainer\b|\bwhat (?:you need )?to know\b"
    # "FAA Background Information Regarding ... Flight Information Region", "Fact sheet: GNSS
    # interference": a note for operators, recalling events to explain a risk.
    r"|\bbackground\s+(?:information|briefing|note)\b|\bfact\s*sheet\b",
    re.I,
)


# A headline's news before its explainer tail: "GPS spoofing disrupts Delhi airport flights:
# What happened and how ... — Explained" tells an event first; "What is GPS spoofing?" does not.
_EXPLAINER_TAIL = re.compile(
    r"(?::\s+(?:what|why|how|who|when|where|here)\b|\s+[\u2014\u2013-]+\s+explained\b)", re.I
)
_HEADLINE_EVENT = re.compile(
    r"\b(?:disrupt(?:s|ed)?|hit(?:s)?|struck|strikes?|force[sd]?|affect(?:s|ed)|ground(?:s|ed)"
    r"|divert(?:s|ed)|delay(?:s|ed)|plague[sd]?|lost|turn(?:s|ed)? back)\b",
    re.I,
)


def _explainer_headline(heads: list[str]) -> str:
    """The first of ``heads`` (a title, a first line) that marks an explainer, or ``""``."""
    return next((t for t in heads if t and _EXPLAINER.search(t) and not _news_head(t)), "")


def _news_head(headline: str) -> bool:
    """Does an explainer headline open with news of an event at flights or an airport?"""
    tail = _EXPLAINER_TAIL.search(headline)
    if tail is None or tail.start() == 0:
        return False
    head = headline[: tail.start()]
    return bool(
        not re.match(r"\s*(?:what|why|how|who|when|where)\b", head, re.I)
        and _HEADLINE_EVENT.search(head)
        and re.search(r"\b(?:flights?|airports?|planes?|aircraft|airliners?|jets?)\b", head, re.I)
    )


def _airport_subject(
    place: PlaceHit | None, hits: list[PlaceHit], place_best: float, sentences: list[Sentence]
) -> bool:
    """Is the incident's place an airport, given a role cue and named in the headline or the
    first sentences ("GPS disruptions around Ben Gurion Airport")? Then the airport is the
    particular subject of an area event, as an aircraft is of a flight's."""
    if place is None or place.precision != "airport" or place_best < 3:
        return False
    # The headline and lede, past a page's furniture lines (a credit, "1 Min Read").
    opening = [s for s in sentences[:7] if not s.heading or s.index <= 1][:4]
    seen = {h.sentence for h in hits}
    return any(
        h.key == place.key and h.score > 0
        for s in opening
        for h in (
            [h for h in hits if h.sentence == s.text] if s.text in seen else spot_places(s.text)
        )
    )


def _lede_anchors(sentences: list[Sentence]) -> list[Sentence]:
    """Anchors for a report whose problem sentence names no aircraft: the headline and lede
    tell what happened to a particular aircraft ("the plane ... was forced to land using paper
    maps"), and a GNSS problem is reported somewhere in the text."""
    if not any(_is_problem_sentence(s.text) for s in sentences):
        return []
    lede = [s for s in sentences[:4] if not _is_generic_line(s)]
    return [
        s
        for s in lede
        if ax.EVENT.search(s.text)
        and ax.specific_vehicle([s.text])
        and not ax.is_aggregate(s.text)
        and not _not_happened(s.text)
        and not _turned_for_another_cause(s.text)
    ][:1]


#: How many opening sentences may tell an area's disruption and the aircraft it reached.
AREA_LEDE_SENTENCES = 4
#: Aircraft reached by an area's disruption, told without naming one ("crews in the air lost
#: their fixes too", "aviation was hit hardest").
_AIR_USERS = re.compile(r"\bin the air\b|\baviation\b|\bair traffic\b|\bairspace\b", re.I)


def _no_event_told(text: str) -> bool:
    """The checks every anchor passes, whatever made it one: the sentence tells no event of
    aircraft."""
    # Ships or cars whose positions jump "to an airport" are still ships and cars.
    if (_MARITIME.search(text) or _GROUND.search(text)) and not _AIRCRAFT_WORD.search(text):
        return True
    # "316 aircraft impacted by spoofing between July 15 and August 15": a count over a period,
    # not an incident (a count on one day or a few, "500 aircraft between 29 May and 2 June", is
    # one area event; the report's figures are read by figures.py).
    if _STATISTIC.search(text) and _period_of_count(text):
        return True
    # "the most frequent disruptions between November 2023 and February 2025": a period over
    # which things happened, not an incident. "Tests may leave aircraft without GPS", "none of
    # its aircraft lost GPS": what could happen, or what did not, is no event.
    return _long_period(text) or _not_happened(text)


def _area_lede_anchors(sentences: list[Sentence]) -> list[Sentence]:
    """Anchors for a report that opens with an area's disruption on named days and says in its
    opening that aircraft met it, but in another sentence ("receivers lost their fix across
    the region on the 3rd and 4th. ... crews in the air flew without it"): by the first
    corpus's convention an area-wide disturbance with its days is an incident."""
    opening = [s for s in sentences[: AREA_LEDE_SENTENCES + 2] if not _is_generic_line(s)]
    if not any(_AIR_USERS.search(s.text) or _AIRCRAFT_PLURAL.search(s.text) for s in opening):
        return []
    for sentence in opening[:AREA_LEDE_SENTENCES]:
        text = sentence.text
        if not _is_problem_sentence(text) or _no_event_told(text):
            continue
        if _TOLD_OR_WARNED.search(text) or _ADMINISTRATIVE_ACT.search(text):
            # "The regulator said on Friday it is warning airlines": a statement's day.
            continue
        if any(
            m.precision == "day" and m.kind != "following" and not _SPAN_WORD.search(m.text)
            for m in _event_dates(text, None)
        ):
            return [sentence]
    return []


#: A statement or a warning ("is said to have", "according to", "warned"), whose day is the
#: telling's, not the disruption's.
_TOLD_OR_WARNED = re.compile(
    r"\b(?:said|says|is said to|according to|claim\w*|warn\w*|notices?|NOTAMs?|alleg\w*)\b",
    re.I,
)
#: "last year", "this month": a span, not a day.
_SPAN_WORD = re.compile(r"\b(?:year|month|week)s?\b", re.I)


def _not_happened(text: str) -> bool:
    """Is the GNSS problem told as a possibility or denied, with no event besides?"""
    if not (_MODAL_PROBLEM.search(text) or _NEGATED_EVENT.search(text)):
        return False
    return not _INCIDENT_VERB.search(_NEGATED_EVENT.sub(" ", text))


#: How many sentences after an incident at sea are read for the country whose airspace it
#: was: the paragraph or two that go on to say where the aircraft were.
SEA_FOLLOW_SENTENCES = 4
#: "Little to no interference appears in Belarus": where the interference was not.
_NONE_THERE = re.compile(
    r"\b(?:little|hardly\s+any|almost)\s+(?:or|to)\s+no\s+(?:interference|jamming|spoofing)\b"
    r"|\bno\s+(?:interference|jamming|spoofing)\s+(?:was|were|is|has\s+been|appears?)\b",
    re.I,
)


def _hits_after(
    incident: _Incident,
    sentences: list[Sentence],
    skipped: set[int],
    values: dict,
    base: dt.date | None,
    budget: LookupBudget,
) -> list[PlaceHit]:
    """Places named in the few sentences after an incident's last anchor: "planes over the
    Baltic Sea had trouble since Sunday. ... Most of the cases were in Polish airspace" places
    the Baltic's aircraft in Poland. Sentences that tell another time or are generic
    ("incidents are common in the Baltic") say nothing of this incident's airspace."""
    last = max(a.index for a in incident.anchors)
    hits: list[PlaceHit] = []
    for s in sentences:
        if not last < s.index <= last + SEA_FOLLOW_SENTENCES or s.index in skipped:
            continue
        if _is_generic_line(s) or _tells_another_time(s, incident, values, base):
            continue
        if _NONE_THERE.search(s.text) or ax.UNAFFECTED.search(s.text):
            continue
        hits += spot_places(s.text, weight=1.0, sentence_index=s.index, budget=budget)
    return hits


def _is_generic_line(sentence: Sentence) -> bool:
    return bool(_GENERIC.search(sentence.text)) and not _EVENT.search(sentence.text)


#: Outside the lede, an incident dated more than this many days before publication is context.
BACKGROUND_YEAR_DAYS = 365


def _demote_background(
    candidates: list[Candidate], published: dt.date | None = None
) -> list[Candidate]:
    """Demote background: an incident dated months before publication outside the lede, a
    year-only mention beside a dated incident, one weeks before the lede's incident.

    :param published: the publication date (the report's own, or the one given with
        ``--published``).
    """
    for c in candidates:
        date = c.values.get(INC.date)
        if (
            not getattr(c, "_lede", False)
            and isinstance(published, dt.date)
            and isinstance(date, dt.date)
            and (published - date).days > 180
        ):
            if (published - date).days > BACKGROUND_YEAR_DAYS:
                # A year or more before the report: context for it, however well it is told
                # (a particular aircraft, a day, a place): listed for the reviewer, not proposed.
                c.score = round(max(0.0, min(c.score - 0.25, ax.APPLY_MIN_SCORE - 0.05)), 2)
                c.reasons.append(
                    "-0.25 more than a year before publication and not in the lede: background, "
                    "kept below the threshold"
                )
            else:
                c.score = round(max(0.0, c.score - 0.25), 2)
                c.reasons.append("-0.25 months before publication and not in the lede: background")

    if not any(getattr(c, "_lede", False) for c in candidates):
        return candidates
    lede_dates = [
        c.values[INC.date]
        for c in candidates
        if getattr(c, "_lede", False) and isinstance(c.values.get(INC.date), dt.date)
    ] or [dt.date.max]
    newest = max(lede_dates)
    day_countries = {
        c.values.get(INC.country)
        for c in candidates
        if c.values.get(INC.date_precision) == "day" and c.values.get(INC.date)
    }
    for c in candidates:
        if (
            c.values.get(INC.date_precision) == "year"
            and c.values.get(INC.country) in day_countries
        ):
            c.score = round(max(0.0, c.score - 0.3), 2)
            c.reasons.append("-0.30 a year-only mention beside a dated incident in that country")
    lede_countries = {c.values.get(INC.country) for c in candidates if getattr(c, "_lede", False)}
    dated = {c.values.get(INC.date) for c in candidates if c.values.get(INC.date)}
    chronicle = len(dated) >= 3  # a list of events: every entry is its own incident
    lede_days = [
        c.values[INC.date]
        for c in candidates
        if getattr(c, "_lede", False)
        and c.values.get(INC.date_precision) == "day"
        and isinstance(c.values.get(INC.date), dt.date)
    ]
    for c in candidates:
        date = c.values.get(INC.date)
        if (
            getattr(c, "_lede", False)
            and not chronicle
            and c.values.get(INC.date_precision) == "month"
            and isinstance(date, dt.date)
            and any((day - _month_end(date)).days > 14 for day in lede_days)
        ):
            # "... near Kaliningrad on Wednesday. A similar thing happened in August": a month
            # named in the lede weeks before its dated incident is an earlier one, recalled.
            c.score = round(max(0.0, c.score - 0.55), 2)
            c.reasons.append(
                f"-0.55 a month ({date:%B %Y}) named in the lede weeks before its dated "
                "incident: recalled, not the report's own"
            )
    for c in candidates:
        date = c.values.get(INC.date)
        if getattr(c, "_lede", False) or chronicle:
            continue
        near = isinstance(date, dt.date) and any(
            isinstance(d, dt.date) and d != dt.date.max and abs((d - date).days) <= 3
            for d in lede_dates
        )
        if not (near and c.values.get(INC.country) in lede_countries):
            c.score = round(max(0.0, c.score - 0.15), 2)
            c.reasons.append("-0.15 not the incident of the headline or lede")
        if not isinstance(date, dt.date):
            continue
        separate = (
            c.values.get(INC.date_precision) == "day"
            and c.values.get(INC.country) not in lede_countries
            and any("names a specific aircraft" in r for r in c.reasons)
        )
        if (
            (newest - date).days > 14
            and not any("earlier incident" in r for r in c.reasons)
            and not separate
        ):
            c.score = round(max(0.0, c.score - 0.3), 2)
            c.reasons.append(
                f"-0.30 dated {date.isoformat()}, weeks before the lede's incident: background"
            )
    return candidates


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _merge_vague(candidates: list[Candidate]) -> list[Candidate]:
    """A month-precise candidate in the same country as a day-precise one of that month is the
    same incident told vaguely ("last week" in the lede, "on Thursday" further down)."""
    kept: list[Candidate] = []
    for c in candidates:
        date, country = c.values.get(INC.date), c.values.get(INC.country)
        vague = (
            c.values.get(INC.date_precision) in {"month", "year"}
            or date is None
            or getattr(c, "_from_publication", False)
        )
        published = c.source.get("published") if getattr(c, "_from_publication", False) else None
        twin = None
        if vague:
            for other in candidates:
                odate = other.values.get(INC.date)
                if (
                    other is not c
                    and other.values.get(INC.date_precision) == "day"
                    and other.values.get(INC.country) == country
                    and isinstance(odate, dt.date)
                    and (
                        date is None
                        # dated by the publication month only: any dated telling of the
                        # weeks before publication is the same incident
                        or (isinstance(published, dt.date) and 0 <= (published - odate).days <= 45)
                        or (
                            odate.year == date.year
                            and (
                                c.values.get(INC.date_precision) == "year"
                                or odate.month == date.month
                            )
                        )
                    )
                ):
                    twin = other
                    break
        if twin is not None:
            for key, value in c.evidence.items():
                twin.evidence.setdefault(key, value)
            # What the vague telling knows and the precise one does not (the phase in the lede,
            # the aircraft type) completes it.
            for key, empty in ((INC.flight_phase, "unknown"), (INC.interference, "unknown")):
                if twin.values.get(key) == empty and c.values.get(key) not in (None, empty):
                    twin.values[key] = c.values[key]
                    if key in c.evidence:
                        twin.evidence[key] = c.evidence[key]
            for key in (INC.aircraft, INC.operator, INC.flight):
                if not twin.values.get(key) and c.values.get(key):
                    twin.values[key] = c.values[key]
            twin.score = max(twin.score, c.score)
            continue
        kept.append(c)
    return kept


@dataclass
class Results:
    """Everything one report gives: incident candidates at or above the score threshold, the
    weaker ones (``skipped``), and aggregate figures (never incidents)."""

    candidates: list[Candidate] = field(default_factory=list)
    figures: list = field(default_factory=list)
    skipped: list[Candidate] = field(default_factory=list)
    #: Why the report gave nothing at all, when a page-wide check says it is not about GNSS
    #: interference met by aircraft (:func:`out_of_scope`); else ``""``.
    out_of_scope: str = ""


def extract_results(
    report: Report,
    *,
    published: dt.date | None = None,
    min_score: float | None = None,
    recorded=None,
    published_month: bool = False,
) -> Results:
    """Incident candidates and aggregate figures of one report.

    :param min_score: candidates scoring below go to ``skipped`` (default
        :data:`.assess.APPLY_MIN_SCORE`).
    :param recorded: the dataset's recorded incidents (a :class:`.recorded.RecordedIndex`), to
        link candidates that describe one of them; ``None``: no linking.
    :param published_month: ``published`` is known only to its month (see
        :func:`extract_candidates`).

    A report whose main content is a published figure ("1,022 reports in June") gives that
    figure and no incident candidate; see :mod:`tracker.ingest.figures`.
    """
    from tracker.ingest.figures import extract_figures

    threshold = ax.APPLY_MIN_SCORE if min_score is None else min_score
    original = report
    report = to_english(report)
    floor = min(threshold, ax.DROP_SCORE)
    published_from = "--published"
    if published is not None and published_month:
        # Known only to its month, the page may be from any day of it: the month's last day is
        # the latest it can be, so "on 12 March" on a page of "March 2024" is not a future
        # date, and a weekday counted from it stays in the month (extract_candidates then
        # keeps only the month).
        published = published.replace(day=calendar.monthrange(published.year, published.month)[1])
    if published is None and report.published is None:
        # "/2025/09/01/plane-lost-gps": news addresses carry their day. It is a date from
        # outside the page, weighed like --published (an undated page's own words decide).
        published = published_from_url(report.url)
        published_from = "the page's address"
        month = published_month_from_url(report.url) if published is None else None
        if month is not None:
            # "/2018/11/slug": the month alone, read as a page known only to its month is.
            published_month = True
            published = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    dating = {"published": published, "published_month": published_month,
              "published_from": published_from}  # fmt: skip
    if recorded is None:
        every = extract_candidates(report, floor=floor, **dating)
        figures = extract_figures(report, published=published, candidates=every)
    else:
        from tracker.ingest import recorded as rec

        # Down to score 0: a candidate dropped only for want of a date may be kept when it
        # describes a recorded incident, whose date it then takes.
        found = extract_candidates(report, floor=0.0, **dating)
        figures = extract_figures(
            report, published=published, candidates=[c for c in found if c.score >= floor]
        )
        words = rec.report_words(original.title, original.text, report.title, report.text)
        # Split once: the undated page's days (linking) and its own sentences (recall).
        page_sentences = split_sentences(report.text)
        every = rec.link_candidates(
            found,
            recorded,
            words=words,
            published=report.published or published,
            floor=floor,
            apply_min=ax.APPLY_MIN_SCORE,
            sentences=[s.text for s in page_sentences],
        )
        if fx.GNSS_TERM.search(report.text) and fx.AVIATION_TERM.search(report.text):
            # A recorded incident the page retells with its date, which no candidate found
            # (a gloss too rough for the sentence, an old story told in passing).
            taken = {c.recorded for c in every if c.recorded} | rec.told_by(
                every, recorded, min_score=ax.APPLY_MIN_SCORE
            )
            own_sentences = [s.text for s in without_background_sections(page_sentences)]
            lede_sentences = set(rec.lede_of(own_sentences))
            explains = bool(
                _explainer_headline([original.title or "", *(s.text for s in page_sentences[:1])])
            )
            for recall in rec.recalled_incidents(
                own_sentences,
                words,
                recorded,
                published=report.published or published,
                published_month=published_month and report.published is None,
                lede_words=rec.report_words(
                    original.title,
                    *rec.telling_lede(
                        rec.lede_of([s.text for s in split_sentences(original.text)])
                    ),
                ),
                taken=taken,
                own_countries=frozenset(
                    c.values.get(INC.country) or "" for c in every if c.score >= ax.APPLY_MIN_SCORE
                ),
            ):
                if recall.sentence not in lede_sentences and ax.WEEKS_AGO.search(recall.sentence):
                    # "Two weeks ago, we reported jamming over the north": an earlier event
                    # recalled below the lede, background to the page's own story.
                    continue
                if explains and recall.sentence not in lede_sentences:
                    # "Is Russia jamming GPS over the Baltic?": the flights an explainer recalls
                    # below its lede are its examples, not its news.
                    continue
                if recall.precision == "undated" and not _tells_trouble(report.text):
                    # An undated page that names a recorded incident's place and people but
                    # no interference or trouble (a new satellite approach at an airport whose
                    # jamming is on record) is not that incident's news.
                    continue
                month = month_start(recall.incident.date)
                if recall.precision == "month" and any(
                    c.score >= ax.APPLY_MIN_SCORE
                    and c.values.get(INC.date_precision) == "month"
                    and c.values.get(INC.date) == month
                    for c in every
                ):
                    # Known by its month alone, the record would tell a second time the
                    # incident of that month the page's own candidate tells.
                    continue
                # A candidate read from the very sentence that dates the retold incident, on its
                # day, is that incident with a place guessed from elsewhere in the page: the
                # record's facts replace it.
                # So is one of its day placed at a town the record names ("... later crashed
                # near Aktau" in the record of a flight jammed near Grozny).
                every = [
                    c
                    for c in every
                    if c.recorded
                    or c.values.get(INC.date) != recall.incident.date
                    or (
                        recall.sentence not in c.evidence.get(INC.date, "")
                        and not rec.names_place(recall.incident, c.values.get(INC.location))
                    )
                ]
                if recall.precision == "weekday":
                    # "On Wednesday" on a page of April read as "April" by the page's own
                    # candidate: the weekday that falls on the record's day tells that flight.
                    every = [
                        c
                        for c in every
                        if c.recorded
                        or c.values.get(INC.date_precision) != "month"
                        or c.values.get(INC.date) != month
                        or c.values.get(INC.country) not in {"", None, recall.incident.country}
                    ]
                every.append(_recalled_candidate(recall, report))
            every = _precedents_held_back(
                every, recalled_from=lede_sentences, threshold=threshold, order=own_sentences
            )
        names = _country_names()
        at_sea = [c for c in every if c.recorded and not c.values.get(INC.country)]
        if at_sea:
            lede = [report.title or "", *rec.lede_of([s.text for s in page_sentences])]
            for candidate in at_sea:
                _country_near_record(candidate, lede)
        for candidate in every:
            if candidate.evidence.get(INC.date, "").startswith("(recorded incident"):
                # The summary tells the date it took from the record.
                values = candidate.values
                values[INC.summary] = _summary(values, names.get(values.get(INC.country) or "", ""))
    if published is not None and published_from != "--published":
        for candidate in every:
            if candidate.source.get("published") is None:
                candidate.source["published"] = published
    every = _without_vaguer_twins(every, threshold)
    shown = [c for c in every if c.score >= threshold]
    skipped = [c for c in every if c.score < threshold]
    scope = ""
    if not every and not figures and _read_as_notams(original.text) is None:
        scope = out_of_scope(report.text[:MAX_ANALYSED_CHARS], report.title or "")
    return Results(shown, figures, skipped, scope)


#: A recalled incident this many days or more before the page's newest incident is its
#: precedent ("This follows a similar case ... on August 31").
PRECEDENT_DAYS = 14
#: A page telling incidents on this many dates or more is a chronicle, not one story.
CHRONICLE_DATES = 3


def _precedents_held_back(
    candidates: list[Candidate],
    *,
    recalled_from: set[str],
    threshold: float,
    order: list[str] | None = None,
) -> list[Candidate]:
    """Hold below the threshold a recorded incident the page recalls outside its lede weeks
    before the newest incident it tells: a precedent or background, which the first corpus's
    convention does not list (a Robles page recalling the Plovdiv flight of three weeks before).
    One told after the sentence that dates the newest incident (in ``order``, the page's
    sentences) is the same background, even in the lede ("... lost GPS on Wednesday. It
    follows the minister's flight of 31 August"): on a short page the lede is all of it.
    It stays in ``skipped`` with its link, for a reviewer who wants the page as a source."""
    dated = [
        c
        for c in candidates
        if c.score >= threshold
        and c.values.get(INC.date_precision) == "day"
        and isinstance(c.values.get(INC.date), dt.date)
    ]
    if not dated:
        return candidates
    newest = max(c.values[INC.date] for c in dated)
    position = {sentence: i for i, sentence in reversed(list(enumerate(order or [])))}
    # Where the page first tells its newest incident (the sentence that dates it).
    newest_at = min(
        (
            position[sentence]
            for c in dated
            if c.values[INC.date] == newest
            for sentence in (c.recalled_sentence, c.evidence.get(INC.date, ""))
            if sentence in position
        ),
        default=None,
    )
    # In a chronicle every entry is its own incident: only what it recalls may be a precedent.
    chronicle = len({c.values.get(INC.date) for c in candidates}) >= CHRONICLE_DATES
    for c in candidates:
        date = c.values.get(INC.date)
        recalled_outside = c.recalled_sentence and (
            c.recalled_sentence not in recalled_from
            or (newest_at is not None and position.get(c.recalled_sentence, -1) > newest_at)
        )
        # A page's own candidate that describes a recorded incident, told outside the lede.
        linked_outside = (
            not chronicle
            and c.recorded
            and not c.recalled_sentence
            and (
                not getattr(c, "_lede", True)
                or (
                    newest_at is not None
                    and position.get(c.evidence.get(INC.date, ""), -1) > newest_at
                )
            )
        )
        if (
            (recalled_outside or linked_outside)
            and isinstance(date, dt.date)
            and (newest - date).days >= PRECEDENT_DAYS
            and c.score >= threshold
        ):
            held = round(threshold - 0.05, 2)
            c.reasons.append(
                f"-{c.score - held:.2f} recalled outside the lede or after the page's own "
                f"incident, {(newest - date).days} days "
                f"before the page's incident of {newest.isoformat()}: a precedent, kept below "
                "the threshold"
            )
            c.score = held
    return candidates


def _without_vaguer_twins(candidates: list[Candidate], threshold: float) -> list[Candidate]:
    """Leave out a candidate known only to its month when another, shown, names a day of that
    month in the same country: "GPS interference last week ... two flights to Tartu on Thursday
    and Friday" tells those flights, not a third incident of the month."""
    days = {
        (c.values.get(INC.country), c.values[INC.date].year, c.values[INC.date].month)
        for c in candidates
        if c.score >= threshold
        and c.values.get(INC.date_precision) == "day"
        and isinstance(c.values.get(INC.date), dt.date)
    }
    return [
        c
        for c in candidates
        if not (
            c.values.get(INC.date_precision) == "month"
            and isinstance(c.values.get(INC.date), dt.date)
            and c.values.get(INC.country)
            and (c.values.get(INC.country), c.values[INC.date].year, c.values[INC.date].month)
            in days
        )
    ]


#: The score of a recorded incident a page retells with its day (with only its month: less).
RECALLED_SCORE = 0.5


def _recalled_candidate(recall, report: Report) -> Candidate:
    """The candidate for a recorded incident a page retells (:func:`.recorded.recalled_incidents`):
    the recorded facts, linked to the incident, so ``--apply`` adds the page as its source."""
    incident = recall.incident
    values = {
        INC.date: incident.date,
        INC.date_precision: incident.precision,
        INC.end_date: incident.end_date,
        INC.end_date_precision: incident.end_precision if incident.end_date else "",
        INC.location: incident.location,
        INC.latitude: incident.latitude,
        INC.longitude: incident.longitude,
        INC.geocode_precision: "city",
        INC.geocode_source: "manual",
        INC.country: incident.country,
        INC.region: region_for(incident.country, incident.latitude, incident.longitude),
        INC.interference: incident.interference or "unknown",
        INC.flight_phase: incident.phase or "unknown",
    }
    evidence = {INC.date: recall.sentence[:300], INC.location: f"(recorded incident {incident.id})"}
    notes = [
        f"retells recorded incident {incident.id}: the facts are the record's; check that the "
        "page tells this incident"
    ]
    if recall.day is not None:
        # "On 23 August the Finnair flight to Joensuu turned back", retelling an incident
        # recorded only to its month: the page's day is the finer fact (linked candidates keep
        # such a day too, see recorded._adopt).
        values[INC.date], values[INC.date_precision] = recall.day, "day"
        values[INC.end_date], values[INC.end_date_precision] = None, ""
        notes.append(
            f"the page names the day ({recall.date_text}); the record gives only its "
            f"{incident.precision}"
        )
    candidate = _finish(values, evidence, report, notes)
    names = ", ".join(w.capitalize() if w.isalpha() else w.upper() for w in recall.words[:5])
    score = RECALLED_SCORE if recall.precision == "day" else RECALLED_SCORE - 0.05
    told = {
        "day": "its day",
        "near": "a day next to its day",
        "month": "its month",
        "fresh": "a lede that names it, published within days of it",
        "weekday": "a weekday that falls on its day (or its day of the month), on a page that "
        "does not date it",
        "undated": "its names in the lede of a page that shows no date",
    }
    candidate.score = score
    candidate.reasons = [
        f"+{score:.2f} retells a recorded incident with {told[recall.precision]}: "
        f"'{recall.date_text}'",
        f"describes recorded incident {incident.id}: {len(recall.words)} distinctive names "
        f"({names}) and {recall.where}",
    ]
    candidate.recorded = incident.id
    candidate.recalled_sentence = recall.sentence
    return candidate


def _merge_same(candidates: list[Candidate]) -> list[Candidate]:
    """Incidents with the same date and place found in different paragraphs are one."""
    merged: list[Candidate] = []
    for candidate in candidates:
        for other in merged:
            if other.values.get(INC.date) == candidate.values.get(INC.date) and other.values.get(
                INC.location
            ) == candidate.values.get(INC.location):
                for key, value in candidate.evidence.items():
                    other.evidence.setdefault(key, value)
                break
        else:
            merged.append(candidate)
    return merged
