"""Cue words of each language, glossed into the English words the English rules read.

Each table line is ``english: form form ...``. A form is matched against a lower-case word:

* ``word`` matches that word only;
* ``stem*`` matches words that start with ``stem`` and add at most :data:`MAX_ENDING` letters
  (case endings and inflections: ``forstyrr*`` is "forstyrrelser", "forstyrrende");
* ``*tail`` matches compounds that end with ``tail``, perhaps with a case ending
  (``*flugzeug`` is "Passagierflugzeugen", ``*raja`` is "itärajalla");
* ``a_b`` is a phrase of two or more words (``i_går``, ``nie_mógł``), matched before single words.

The English side uses the words of :mod:`tracker.ingest.fields`, :mod:`tracker.ingest.assess` and
:mod:`tracker.ingest.candidates` ("GPS", "jamming", "spoofing", "interference", "aircraft",
"approach", "diverted", "over", "near"...), so that a glossed report runs through the English
rules unchanged. Only words that matter to those rules are listed; every other word is dropped
from the gloss. Negations are glossed ("not", "no") so that denials stay denials.

The tables were written from general knowledge of each language (dictionary words), not copied
from any article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

#: Words every gloss keeps as written, in any language: satellite-navigation and avionics
#: acronyms, aircraft makers and types, flight numbers. Shared by the word gloss and the script
#: gloss (a Latin word inside Chinese or Arabic text).
KEPT_AS_WRITTEN = re.compile(
    r"^(?:GPS|GNSS|GLONASS|Galileo|BeiDou|EGNOS|RNAV|RNP|ILS|VOR|NOTAM|ATC|FIR|ATR|Boeing|Airbus"
    r"|Embraer|Bombardier|Cessna|Dash|Falcon|Dassault|Gulfstream|Learjet|MAX|NEO|FL|UAV|AWACS"
    r"|EGPWS|TAWS|GPWS|FMS|IRS|RAIM|ADS-B|Flightradar24|[A-Z]{2,3}\d{1,4}[A-Z]?|[A-Z]\d{3}[\w-]*)$"
)

__all__ = [
    "Lexicon",
    "lexicon_for",
    "TABLES",
    "MAX_ENDING",
    "KEPT_AS_WRITTEN",
    "CONCEPTS",
    "CALENDAR_CONCEPTS",
    "WORD_TABLES",
    "english_of",
]

#: What the English rules read, as concepts a table must be able to say: concept -> the
#: English glosses (left-hand sides of table lines) that say it. Taken from the words that
#: :mod:`tracker.ingest.fields` (GNSS, problem, aviation, vehicle, phase and effect words),
#: :mod:`tracker.ingest.candidates` (events, the past, possibility, denials, what is generic),
#: :mod:`tracker.ingest.assess` (counts, statements, ground and sea users) and
#: :mod:`tracker.ingest.dates` (relative dates) look for. Every table of
#: :data:`WORD_TABLES` covers every concept, save the explicit exceptions of
#: ``tests/test_ingest_languages_concepts.py`` (a language that says it by a case ending).
#: The script tables (:data:`.scripts.SCRIPT_LANGUAGES`) are checked against the same
#: inventory, with :data:`CALENDAR_CONCEPTS`, months and weekdays; the concepts each still lacks
#: are listed, with their reasons, in ``tests/test_ingest_scripts8.py`` (``SCRIPT_GAPS``). Where
#: a concept has several glosses, each is a word the English rules read ("suffered", "hit by"
#: and "experienced" are all events of candidates.py; "captain" names a crew in fields.py).
CONCEPTS: dict[str, tuple[str, ...]] = {
    # who and what
    "aircraft": ("aircraft", "passenger aircraft"),
    "planes": ("planes",),
    "flight": ("flight",),
    "flights": ("flights",),
    "airport": ("airport", "airports"),
    "pilot": ("pilots", "pilot", "captain"),
    "crew": ("crew",),
    "passengers": ("passengers",),
    "airline": ("airline",),
    "helicopter": ("helicopter",),
    "airspace": ("airspace",),
    "aviation": ("aviation",),
    "air traffic control": ("air traffic control",),
    "runway": ("runway",),
    # what the aircraft did
    "landed": ("landed",),
    "landing": ("landing",),
    "emergency landing": ("emergency landing",),
    "could not land": ("could not land",),
    "take off": ("take-off",),
    "approach": ("approach",),
    "diverted": ("diverted",),
    "returned": ("returned", "turned back"),
    # what the operator did (an operator's decision, not an aircraft's event: assess.py)
    "suspended": ("suspended",),
    "circled": ("circled",),
    "had to": ("had to", "forced to"),
    "flew": ("flew",),
    "en route": ("en route",),
    # the GNSS problem ("GPS" is written as is in the European glosses: :data:`KEPT_AS_WRITTEN`)
    "GPS": ("GPS",),
    "satellite navigation": ("satellite navigation",),
    "navigation systems": ("navigation systems",),
    "signal": ("signal",),
    "jamming": ("jamming", "jammed"),
    "jammer": ("jammer",),
    "spoofing": ("spoofing",),
    "interference": ("interference",),
    "lost": ("lost", "disappeared", "went dark"),
    "losing": ("losing",),
    "failed": ("failed", "failure", "knocked out"),
    "problems": ("problems",),
    "false": ("false",),
    "position": ("position",),
    "experienced": ("experienced", "suffered", "hit by"),
    "affected": ("affected",),
    "happened": ("happened",),
    "was": ("was",),
    "were": ("were",),
    "had": ("had",),
    "reported": ("reported",),
    "said": ("said",),
    "detected": ("detected",),
    # places and links
    "over": ("over",),
    "near": ("near",),
    "in": ("in",),
    "to": ("to",),
    "from": ("from",),
    "and": ("and",),
    "because of": ("because of",),
    "border": ("border",),
    # denials and possibilities
    "not": ("not",),
    "no": ("no",),
    "can": ("can", "can affect", "could", "may"),
    "affect": ("affect", "disrupt", "can affect"),
    "warns": ("warns that", "warned"),
    # time (days, months, yesterday, today, last week: :data:`CALENDAR_CONCEPTS`)
    "last year": ("last year",),
    "this year": ("this year",),
    "the next day": ("the next day", "the following day"),
    # what makes a report general rather than one incident
    "every": ("every",),
    "more than": ("more than",),
    "number of": ("number of",),
    "statistics": ("statistics",),
    "increase": ("rise in", "on the rise", "increasingly"),
    "incidents": ("incidents",),
    "ships": ("ships",),
    "cars": ("cars",),
    "phones": ("phones",),
    "drones": ("drones",),
    "military": ("military",),
}
#: Concepts every European language's calendar (:func:`.calendar.calendar_for`) must say:
#: the twelve months, the seven weekdays, and these relative days.
CALENDAR_CONCEPTS = ("yesterday", "today", "last week")
#: The tables of the languages written with spaces and capitals (Latin, Cyrillic and Greek
#: scripts): the European languages and Indonesian, each perhaps shared by a family
#: (:data:`_FAMILY`: Danish and Swedish read with Norwegian, Slovak with Czech, Bulgarian with
#: Russian, Malay with Indonesian).
WORD_TABLES = ("no", "fi", "et", "lv", "lt", "pl", "cs", "de", "nl", "ru", "uk", "es", "pt",
               "fr", "it", "el", "ro", "tr", "hu", "id", "is", "vi", "sq")  # fmt: skip


def english_of(code: str) -> frozenset[str]:
    """The English glosses table ``code`` writes (the left-hand sides of its lines)."""
    return frozenset(line.partition(":")[0].strip() for line in TABLES[code].strip().splitlines())


#: Letters a ``stem*`` form may add (Finnish and Baltic case endings run long).
MAX_ENDING = 7

# Language families share one table where their cue words are the same or nearly so (Catalan
# and Slovenian have their words that differ added to the Spanish and the Czech tables).
_FAMILY = {"da": "no", "sv": "no", "nn": "no", "sk": "cs", "bg": "ru", "ca": "es", "sl": "cs",
           "mk": "ru", "sr": "cs", "ms": "id"}  # fmt: skip

#: Tables of languages that write compound nouns as one word ("Funkstörungen",
#: "signalforstyrrelser", "paikannushäiriö"): a word that matches no form is read by its last
#: element when that is a ``stem*`` form of :data:`MIN_COMPOUND_STEM` letters or more.
COMPOUNDING = frozenset({"no", "de", "nl", "fi", "et", "is"})
#: Shortest stem read as the last element of a compound, and shortest first element before it
#: (four letters: "zer-störung", destruction, is a prefixed verb noun, not a compound).
MIN_COMPOUND_STEM = 5
MIN_COMPOUND_HEAD = 4

TABLES: dict[str, str] = {
    # Norwegian, Danish and Swedish.
    "no": """
suspended: innstilt innstilte innstiller inställ* ställde_in ställer_in indstill* suspender*
without: uten uden utan
last year: i_fjor i_fjol sidste_år
more than: mer_enn mer_än mere_end
had: hadde hade havde
happened: skjedde hände skete inntraff
affected: rammet rammede drabbade påvirket påverkade berørt*
affected: ramt ramte
detected: oppdaget upptäckte opdagede
and: og och
position: posisjon* position*
every: varje hver hvert
satellite navigation: satellittnavigasjon* satellitnavigation* satellitnavigering* satnav*
navigation signals: navigasjonssignal* navigationssignal* navigeringssignal*
navigation systems: navigasjonssystem* navigationssystem* navigeringssystem* navigasjonsutstyr*
signal: signal signalet signaler signalene signalerne signalen
interference: forstyrr* störning* störd* störda forstyrrelse* interferens* støy støyen forstyrret
jamming: jamming* jammet jammede jammes jamma* störsändning* støysending* *jamming
jammer: störsändare* støysender* jammer*
spoofing: spoofing* spoofet spoofa* forfalsk* förfalsk* *spoofing
problems: problem* trøbbel
lost: mistet mista miste tapte tappade förlorade mistede
lost: forsvant försvann forsvandt
failed: falt_ut faldt_ud föll_bort falt faldt
knocked out: slogs_ut slogs slått_ut
emergency landing: nødland* nödland*
forced to: tvingades tvunget tvunget_til
failure: bortfall* udfald* utfall* svikt* avbrudd* avbrott*
errors: feil feilen fejl fel felaktig* feilaktig* forkert
false: falsk* falske
planes: flyene flygplanen flyvemaskinerne
aircraft: fly flyet flyets flyg flygplan* flyvemaskin* flymaskin* luftfartøy* luftfartyg*
aircraft: planet planen
aircraft: passasjerfly* passagerfly* *flyet
aircraft: passagerarplan* *flygplanet *flygplan
had to: fick_vända fick
because of: på_grunn_av på_grund_av
flight: flyvning* flygning* flyging* flygningen flyvningen flygtur* flytur*
flights: flyvninger flygningar flyginger flyavganger avganger
pilots: pilot* flyger flygaren piloterna
crew: besetning* mannskap* besättning* besætning*
captains: kapteiner kapteinene kaptener kaptenerna kaptajner kaptajnerne
captain: kaptein* kapten* kaptajn*
airport: flyplass* lufthavn* flygplats* flygplatsen flyveplads* flyvepladsen lufthamn* flyplassen
airline: flyselskap* flygbolag* flyselskab*
helicopter: helikopter* redningshelikopter* *helikopter
ambulance aircraft: luftambulanse* ambulansefly* ambulanceflyv*
passengers: passasjer* passagerer* passagerare*
runway: rullebane* landingsbane* landningsbana*
air traffic control: flygeleder* flygledar* flygledning* flyveleder* flygkontroll* flysikring*
air traffic control: flygtrafikledning* lufttrafikkjeneste* kontrolltårn* tårnet
airspace: luftrom* luftrum* luftrummet
aviation: luftfart* flygtrafik* flytrafikk* flytrafik* luftfartstilsyn*
approach: innflyging* innflyvning* inflygning* anflyvning* innflygingen
landing: landing landingen landinger landning* landningen
landed: landet landa landade landede nødlandet
could not land: kunne_ikke_lande kunde_inte_landa kunne_ikke_lande_på klarte_ikke_å_lande
take-off: avgangen lettet lyftet letting
diverted: omdirigert* omdirigerad* omdirigeret* måtte_lande_i
returned: returnerte returnerade returnerede vendte_tilbake vände_tillbaka
returned: returnere returnera
turned back: snudde snu vände
circled: sirklet* cirklade* kretset*
en route: underveis undervejs
reported: rapporterte rapporterade rapporterede varslet varslede meldte meddelade anmeldt*
reported: registrert* registrerat* registreret
experienced: opplevde upplevde oplevede
was: var ble blev vart
had to: måtte måste
said: sier sa sagde säger uttalte uttalade fortæller forteller berättar
over: over över
near: nær nära ved vid nærheten närheten nærheden
in: i
at: på
to: til till
from: fra från
north of: nord_for norr_om
border: grense* gräns* grænse*
yesterday: i_går igår
last week: forrige_uke förra_veckan sidste_uge i_forrige_uke
this morning: i_morges i_morse i_morgons
last night: i_natt i_nat
not: ikke inte ikkje ej
no: ingen inga intet inget
ships: skip skipet skipene skib* fartøy* fartyg* båt båten båter båtar både
ferry: ferge* färja* færge*
cars: bil bilen biler bilar bilister* bilist
phones: mobiltelefon* telefon telefoner mobilen
drones: drone* drönare* droner
military: militær* militär* forsvar* försvar*
exercise: øvelse* övning* øvelsen
incidents: tilfeller tilfelle hendelse* händelse* hændelse* tilfælde*
reports: meldinger rapporter
since: siden sedan
flew: fløy fløj flög flaug fløyet flugit fløjet
can affect: kan_påvirke kan_påverka kan_forstyrre kan_störa kan_ramme kunne_påvirke kunde_påverka
warns that: advarer varnar advarte varnade
this year: i_år dette_år
the next day: dagen_etter dagen_efter neste_dag næste_dag nästa_dag dagen_derpå
number of: antall antallet antal antalet
statistics: statistikk* statistik*
rise in: økning økningen ökning ökningen øgning øgningen stigning stigningen
on the rise: økt økte ökat ökade øget øgede økende ökande stigende
aircraft: ett_plan
returned: återvände återvänt återvända
losing: miste mister tappa förlora
take-off: lettede lyfte
approach: indflyvning*
circled: cirklede
jammer: støjsender*
detected: opdaget upptäckt
affect: påvirke påverka
affected: drabbades drabbats
said: sade sagde
incidents: incidenter incidenterna hændelser händelser hendelser
""",
    "fi": """
suspended: keskeytt*
without: ilman
can: voi voivat saattaa saattavat
we lost: menetimme
last year: viime_vuonna
more than: yli
had: oli_ollut
happened: tapahtui sattui
affected: vaikutti koski kärsi*
and: ja sekä
position: sijain* sijaint*
every: joka jokaisella jokaisessa jokainen
because of: takia vuoksi johdosta
satellite navigation: satelliittinavigointi* satelliittipaikannu* satelliittipaikantimi*
signal: signaali* paikannussignaali*
navigation systems: navigointijärjestelm* paikannusjärjestelm* navigaatiojärjestelm*
interference: häiriö* häirin* häiritty* häirint* häiritsev* häirit*
jamming: häirintä häirintää häirinnän häirinnästä *häirintä *häirintää
jammer: häirintälaite* häirintälähetin*
spoofing: harhautu* harhautus* väärennet* spooffau* spoofing*
false: väär*
problems: ongelm*
lost: menetti menettivät katosi katkesi
failure: katko* katkos* pimen*
planes: koneet koneiden lentokoneet lentokoneiden
planes: lentokoneille lentokoneita lentokoneiden koneille koneita koneiden
flights: lennot lentoja lentojen
aircraft: lentokone* kone koneen koneessa koneella matkustajakone* *lentokone
flight: lento lennon lennolla lennolle *lento
pilots: lentäjä* ohjaaja* lentäjät
crew: miehistö*
captains: kapteenit kapteenien
captain: kapteeni*
airport: lentoasema* lentokenttä* lentokentä* kenttä* kentälle kentällä kentältä
at airport: lentoasemalla lentokentällä kentällä
to airport: lentoasemalle lentokentälle kentälle
from airport: lentoasemalta lentokentältä kentältä
airline: lentoyhtiö*
helicopter: helikopteri* kopteri*
ambulance aircraft: lääkärihelikopteri* ambulanssi*
passengers: matkustaj*
runway: kiitotie*
air traffic control: lennonjohto* lennonvarmistu* lennonjohtaj*
airspace: ilmatila*
aviation: ilmailu* lentoliikenne* lentoliikentee* traficom*
approach: lähesty* laskeutumisvaihe*
landing: laskeutumi* laskeutumista laskeutuminen
landed: laskeutui laskeutuivat
could not land: ei_voinut_laskeutua ei_pystynyt_laskeutumaan eivät_voineet_laskeutua
take-off: nousu nousun nousussa lentoonlähtö*
diverted: ohjattiin ohjautui
returned: palasi palasivat palaamaan kääntyi kääntyivät
returned: palata
turned back: kääntyi_takaisin palasi_takaisin kääntymään_takaisin kääntyä_takaisin
circled: kierteli* kaarteli*
en route: matkalla lennon_aikana
reported: raportoi* ilmoitti* kertoi
detected: havait* havaittu*
experienced: koki kokivat
was: oli
were: olivat
had to: joutui joutuivat piti
said: sanoo sanoi kertoo kommentoi
over: yllä yläpuolella
near: lähellä lähistöllä läheisyydessä
border: raja* *raja
north of: pohjoispuolella
yesterday: eilen
last week: viime_viikolla
last night: viime_yönä yöllä
this morning: tänä_aamuna aamulla
last: viime viimeksi
not: ei eivät ole
no: mitään
ships: laiva* alus alukset alusten aluksi* vene* veneet
cars: auto autot autoilij*
phones: puhelin* puhelim*
drones: drooni* lennokki*
military: armeija* puolustusvoim* sotilas*
exercise: harjoitu*
incidents: tapaus* tapauks* tapausta
since: lähtien alkaen
emergency landing: hätälasku* pakkolasku*
flew: lensi lensivät lentänyt lentäneet
affect: vaikuttaa vaikuttavat haitata häiritä
warns that: varoittaa varoittavat varoitti
this year: tänä_vuonna
the next day: seuraavana_päivänä
number of: määrä määrän määrää lukumäärä*
statistics: tilasto*
rise in: lisäys* kasvu kasvua kasvun
on the rise: lisääntynyt lisääntyneet lisääntyi lisääntyivät kasvanut kasvaneet kasvoi lisääntyvä*
ships: laivoihin laivoissa laivoista laivoilla laivoille laivoja laivojen
planes: lentokoneisiin lentokoneissa lentokoneista lentokoneilla
losing: menettää menettäen
spoofing: harhautt*
by: toimesta taholta
""",
    "et": """
suspended: peatas peatanud peatab peatati peatatud
can: võib võivad
we lost: kaotasime
last year: eelmisel_aastal
more than: üle
happened: toimus juhtus
affected: mõjutas
and: ja ning
position: asukoh*
every: iga igal igas igale
satellite navigation: satelliitnavigatsioon* satelliitpositsioneeri*
signal: signaal*
interference: häire* häiring* segami* segaja*
jamming: segamine segamist segamis* *segamine
spoofing: võltsimi* võlts* spoofing* petmis*
problems: probleem*
lost: kaotas kadus
failure: rike rikke katkestus*
planes: lennukid lennukite
planes: lennukitele lennukeid lennukite
flights: lennud lende reisid
aircraft: lennuk* reisilennuk*
flight: lend lennu lennul reis reisi
pilots: piloot* lendur*
crew: meeskond*
airport: lennujaam* lennuväl*
at airport: lennujaamas lennuväljal
because of: tõttu
airline: lennufirma* lennuettevõt*
helicopter: helikopter*
passengers: reisija*
air traffic control: lennujuht*
airspace: õhuruum*
aviation: lennundus* transpordiamet*
approach: lähene* maandumiskurss*
landing: maandumi* maandumine
landed: maandus maandusid
could not land: ei_saanud_maanduda ei_suutnud_maanduda
take-off: õhkutõus*
returned: pöördus naasis
returned: pöörduma naasma
turned back: pöördus_tagasi
diverted: suunati
circled: tiirutas tiirles
reported: teatas teatasid raporteeris
was: oli
had to: pidi pidid
said: ütles ütleb
over: kohal
near: lähedal
border: piiri piiril piir
yesterday: eile
last week: eelmisel_nädalal
not: ei
ships: laev* alus*
cars: auto autod
phones: telefon*
drones: droon*
military: kaitseväe* sõjaväe*
incidents: juhtum*
since: alates
runway: lennurada lennuraja lennurajal maandumisrada*
emergency landing: hädamaandumi* hädamaandus*
flew: lendas lendasid
en route: lennu_ajal
navigation systems: navigatsioonisüsteem*
jammer: segaja segajad segajat segajaid
false: vale vales valet valesid
experienced: koges kogesid
were: olid
had: oli_olnud
detected: tuvastas tuvastati märkas
no: mitte_ühtegi ühtegi
affect: mõjutada häirida
warns that: hoiatab hoiatavad
this year: sel_aastal tänavu
the next day: järgmisel_päeval
number of: arv arvu
statistics: statistika*
rise in: kasv kasvu
on the rise: suurenenud kasvanud sagenenud sagenes suurenes
lost: kaotasid kadusid kadunud
diverted: suunati_ümber ümbersuunati*
losing: kaotama kaotades
by: poolt
""",
    "lv": """
suspended: apturēj* apturēt* aptur
we lost: zaudējām pazaudējām
last year: pagājušajā_gadā
more than: vairāk_nekā
happened: notika
affected: ietekmēja skāra
and: un
false: viltot*
detected: konstatēja
position: pozīcij* atrašanās_viet*
every: katrā katru katrs katram
satellite navigation: satelītnavigācij*
signal: signāl*
interference: traucējum* traucēšan* traucē*
jamming: slāpēšan* apslāpēšan*
spoofing: viltošan* maldināšan*
problems: problēm*
lost: zaudēja pazuda
failure: zudum*
flights: reisi reisu lidojumi lidojumu
planes: lidmašīnām
aircraft: lidmašīn* gaisa_kuģ*
flight: reis* lidojum*
pilots: pilot*
crew: apkalp*
airport: lidost*
at airport: lidostā
airline: aviokompānij*
helicopter: helikopter*
passengers: pasažier*
air traffic control: gaisa_satiksmes_vadīb* satiksmes_pārvald*
airspace: gaisa_telp*
aviation: aviācij*
approach: tuvošan* nosēšanās_pieeja*
landing: nosēšan* nolaišan*
landed: piezemējās nosēdās nolaidās
could not land: nevarēja_nosēsties nevarēja_nolaisties pārtraukt_nosēšanos
take-off: pacelšan*
returned: atgriezās
diverted: novirzīt*
reported: ziņoja ziņojum* paziņoja
was: bija tika
had to: bija_spiests bija_spiesta nācās
said: teica pastāstīja
over: virs
near: tuvumā netālu
from: no
border: robež*
yesterday: vakar
not: ne nav
ships: kuģ*
drones: dron*
military: militār* armij*
incidents: gadījum* incident*
runway: skrejceļ*
emergency landing: ārkārtas_nosēšan* avārijas_nosēšan*
circled: riņķoja
flew: lidoja aizlidoja
en route: lidojuma_laikā
navigation systems: navigācijas_sistēm*
jammer: slāpētāj* traucētāj*
experienced: piedzīvoja
were: bija_bijuši
had: bija_bijis bija_bijusi
to: uz
because of: dēļ
no: neviens neviena nekādu
can: var varētu
affect: ietekmēt traucēt
warns that: brīdina
this year: šogad šajā_gadā
the next day: nākamajā_dienā
number of: skaits skaitu
statistics: statistik*
rise in: pieaugums pieaugumu
on the rise: pieaudzis pieaugusi pieauga palielinājies palielinājās
cars: automašīn* auto
phones: telefon* tālru*
returned: atgriezties
approach: tuvojoties tuvojās
losing: zaudējot zaudēt
""",
    "lt": """
suspended: sustabd*
we lost: praradome
last year: praėjusiais_metais
more than: daugiau_nei
happened: įvyko
affected: paveikė
and: ir
position: padėt* padėtį
every: kiekvien*
satellite navigation: palydovin*
signal: signal*
interference: trikd* trukd* trikdži*
jamming: slopin* slopinim*
spoofing: klastoj* apgaul*
problems: problem* sutrikim*
lost: prarado dingo
planes: lėktuvai lėktuvų lėktuvams lėktuvus lėktuvuose
flights: skrydžiai skrydžių skrydžius
aircraft: lėktuv*
flight: skrydi* skrydž* reisas reiso reisu
pilots: pilot* lakūn*
crew: įgul*
at airport: oro_uoste
to airport: oro_uostą
airport: oro_uost*
airline: aviakompanij* oro_bendrov*
helicopter: sraigtasparn*
passengers: keleivi*
air traffic control: oro_navigacij* skrydžių_vald*
airspace: oro_erdv*
aviation: aviacij*
approach: artėjant artėjo
landing: nusileidim* leidimosi
landed: nusileido
could not land: negalėjo_nusileisti nepavyko_nusileisti
take-off: kilim*
returned: grįžo
returned: grįžti
flew: nuskrido skrido
because of: dėl
diverted: nukreipt*
reported: pranešė pranešim*
was: buvo
had to: turėjo teko
said: sakė teigė
over: virš
near: netoli šalia
from: iš
border: sien*
yesterday: vakar
not: ne nebuvo
ships: laiv*
drones: dron*
military: kariuomen* karin*
incidents: atvej* incident*
runway: kilimo_tak* pakilimo_tak* nusileidimo_tak*
emergency landing: avarin*_nusileidim* priverstin*_nusileidim*
circled: suko sukosi
en route: skrydžio_metu
navigation systems: navigacijos_sistem*
jammer: slopintuv* trukdytuv*
failed: sugedo neveikė
false: netikr* klaiding*
experienced: patyrė patyręs patyrusi
were: buvo_buvę
had: turėjo_būti
detected: užfiksavo užfiksuot* aptiko pastebėjo
to: į
no: joks jokia jokių
can: gali galėtų
affect: paveikti trikdyti
warns that: perspėja įspėja
this year: šiemet šiais_metais
the next day: kitą_dieną
number of: skaičius skaičių
statistics: statistik*
rise in: padaugėjimas padidėjimas išaugimas
on the rise: padaugėjo išaugo padidėjo
cars: automobil*
phones: telefon*
losing: prarasti prarasdamas
last year: pernai
""",
    "pl": """
suspended: zawiesi* zawiesz* zawieszon* wstrzyma*
without: bez
can: może mogą mogłyby mógłby mogłoby
affect: zagrażać zagrażają
we lost: straciliśmy utraciliśmy
discussed: dyskutowali dyskutowano omówili omawiali
en route: na_trasie
last year: w_zeszłym_roku w_ubiegłym_roku
more than: ponad więcej_niż
had: miał miała mieli miały
happened: doszło wydarzyło
affected: dotknęł* objęł*
and: i oraz
border with: granic*_z
position: pozycj* położeni*
every: każdy każdym każdego każdej każda
satellite navigation: nawigacj*_satelitarn* nawigacji_satelitarnej satelitarn*
signal: sygna*
interference: zakłóce* zakłóc* interferencj*
jamming: zagłusz* jamming*
jammer: zagłuszark*
spoofing: spoofing* fałszow* podszywa*
false: fałszyw*
problems: problem* kłopot*
lost: utracił* stracił* zgubił*
lost: utracony utracono utraciła zniknął zniknęła zanikł zanikła
lost: został_bez została_bez zostały_bez zostało_bez
emergency landing: awaryjnie_lądować lądować_awaryjnie awaryjne_lądowanie awaryjnego_lądowania
land: lądować
failure: utrat* awari* zanik*
passenger aircraft: samolot_pasażerski samolotu_pasażerskiego samolotem_pasażerskim
passenger aircraft: samolocie_pasażerskim
aircraft: samolot* samolocie maszyn* statek_powietrzny statku_powietrznego
flight: lot lotu locie rejs*
flights: loty lotów lotach lotami rejsy rejsów rejsach
planes: samoloty samolotów samolotach samolotami maszyny maszyn
planes: samolotom
alternate airport: lotnisk*_zapasow* zapasowe_lotnisk* zapasowym_lotnisk*
between: między pomiędzy
because of: z_powodu
pilots: pilot* lotnik*
crew: załog*
captains: kapitanowie kapitanów kapitanami
captain: kapitan*
airport: lotnisk* port_lotniczy portu_lotniczego
airline: lini*_lotnicz* przewoźni*
helicopter: śmigłow*
ambulance aircraft: lotnicze_pogotowie*
passengers: pasażer*
runway: pas_startowy pasie_startowym
air traffic control: kontrol*_ruchu* kontroler* pažsp pansa
airspace: przestrzeń_powietrzn* przestrzeni_powietrznej
aviation: lotnictw* lotnicz*
approach: podejści* podchodz*
landing: lądowani* lądowania
landed: wylądował wylądowała wylądowali
could not land: nie_wylądował nie_wylądowała nie_wylądowali
could not land: nie_mógł_wylądować nie_mogła_wylądować nie_mogli_wylądować nie_mógł_lądować
take-off: start startu starcie wystartował*
diverted: przekierowan* skierowan* odlecieć_na_zapasowe
returned: wrócił wróciła wrócili zawrócił zawróciła
returned: wrócić zawrócić
circled: krążył krążyła
en route: w_trakcie_lotu
reported: zgłosił zgłosiła zgłosili zgłoszeni* zgłosz* poinformował* odnotowan*
experienced: doświadczył*
was: był była było został została zostało
were: byli były
had to: musiał musiała musieli
said: powiedział powiedziała mówi przekazał
over: nad
near: koło pod niedaleko okolic* pobliżu
in: w we
to: do
from: z ze
border: granic*
yesterday: wczoraj
last week: w_zeszłym_tygodniu w_ubiegłym_tygodniu
not: nie
no: żadnych brak
ships: statk* statek okręt* łodzi* łód*
ferry: prom*
cars: samochod* kierowc*
phones: telefon*
drones: dron*
military: wojsk* wojskow*
exercise: ćwiczeni*
incidents: incydent* przypadk* zdarzeni*
since: od
flew: leciał leciała leciało lecieli lecący
navigation systems: system_nawigacji systemy_nawigacji systemu_nawigacji systemów_nawigacji
detected: wykrył wykryła wykryto wykryli
warns that: ostrzega ostrzegają
this year: w_tym_roku
the next day: następnego_dnia nazajutrz
number of: liczba liczby liczbę
statistics: statysty*
rise in: wzrost wzrostu
on the rise: wzrosła wzrósł wzrosło wzrosły rosnąca nasila_się nasiliły
a similar incident: podobn*_incydent* podobn*_sytuacj* podobn*_zdarzeni*
losing: stracić utracić tracąc
a similar problem: podobn*_problem* podobn*_kłopot*
by: ze_strony
""",
    "cs": """
suspended: pozastav* přeruš* preruš*
without: bez
can: může mohou můžou mohlo_by mohly_by
affect: ohrozit ohrožovat ohrožuje ohrožují
we lost: ztratili_jsme jsme_ztratili
last year: loni minulý_rok
more than: více_než viac_ako
had: měl mělo měla mal malo mala
happened: došlo stalo
affected: zasáhl* postihl* ovplyvnil*
and: a
false: falešn* falošn*
detected: zaznamenal* zaznamenali zjistil*
position: poloh* pozic*
every: každý každém každého každá
satellite navigation: satelitn*
signal: signál*
interference: rušen* rušiv* interferenc*
jamming: rušičk* rušení
spoofing: spoofing* falšov* podvrh*
problems: problém* potíž*
lost: ztratil ztratila stratil stratilo stratila
lost: ztratilo ztratily ztratili
lost: vypadl vypadlo vypadla zmizel zmizelo
lost: zůstal_bez zůstala_bez zůstalo_bez zostal_bez zostalo_bez
failure: výpad*
aircraft: letadl* lietadl*
flights: lety letů letech lety
flight: let letu spoj*
planes: letadel lietadiel
planes: letadlům letadlech letadly lietadlám lietadlách
pilots: pilot*
crew: posádk*
airport: letišt*
airline: aerolini* leteck*_společnost*
helicopter: vrtulník* vrtuľník*
passengers: cestující* cestujúc*
air traffic control: řízení_letového_provozu riadenie_letovej_prevádzky
airspace: vzdušn*_prostor* vzdušnom_priestore vzdušného_priestoru vzdušný_priestor
aviation: letectv* letect*
approach: přiblížení* priblíženi* přistávac* pristávac*
landing: přistání pristátie pristávaní přistávání
landed: přistál přistálo pristálo pristál
could not land: nemohl_přistát nemohlo_pristáť nemohol_pristáť nemohlo_přistát
take-off: vzlet* štart*
diverted: odklon*
returned: vrátil* vrátilo
returned: vrátit vrátiť
circled: kroužil* krúžil*
reported: nahlásil* hlásil* ohlásil* oznámil*
was: byl bylo byla bol bola bolo
had to: muselo musel musela
said: uvedl uviedol povedal řekl
over: nad
near: u pri poblíž neďaleko nedaleko
in: v ve vo
to: do
from: z zo ze
border: hranic*
yesterday: včera
not: ne nie
ships: loď* lodě lode
drones: dron*
military: armád* vojensk*
incidents: incident* případ* prípad*
aircraft: letoun letounu letounem letounů
forced to: donutil* donútil* přinutil* prinútil*
airport: letisk*
landed: přistála pristála přistáli pristáli
land: přistát pristáť
runway: ranvej* vzletov*_a_přistávac*_dráh* přistávací_dráh*
emergency landing: nouzov*_přistání núdzov*_pristáti*
flew: letěl letělo letěla leteli letel letelo letela
en route: během_letu počas_letu
navigation systems: navigační_systém* navigačn*_služb* navigačn*_systém*
navigation systems: navigačné_služby navigačných_služieb
jammer: rušičky rušička rušič*
experienced: zažil zažilo zažila zažili zaznamenalo
were: byly byli boli
knocked out: vyřadil* vyradil*
interference: narušen* narušil*
because of: kvůli kvôli kvúli
no: žádný žádné žádná žiadny žiadne žiadna
affect: ovlivnit ovplyvniť narušit
warns that: varuje varujú
this year: letos tento_rok v_tomto_roce tohto_roku
the next day: následující_den druhý_den nasledujúci_deň na_druhý_deň
number of: počet počtu
statistics: statistik* štatistik*
rise in: nárůst nárůstu nárast nárastu
on the rise: vzrostl vzrostlo vzrostla vzrástol vzrástlo přibývá pribúda
cars: aut auta automobil* vodič* řidič*
phones: telefon* mobil*
a similar incident: podobn*_incident* podobn*_situac* podobn*_prípad* podobn*_případ*
losing: ztratit ztrácet stratiť
the next day: následujícího_dne druhého_dne nasledujúceho_dňa druhého_dňa
last year: vlani minulého_roku
jamming: rušenie rušenia rušením
a similar problem: podobn*_problém* podobn*_potíž*
failure: zlyhan* výpadok výpadku
affected: zasiahl*
detected: zistil zistili zistilo
can: môže môžu
cars: autá áut
phones: telefóny telefónov
failed: selhal selhala selhalo selhaly zlyhal zlyhala zlyhalo zlyhali
failure: poruch*
by: ze_strany zo_strany
# Slovenian, read with this table: detection names most Slovenian pages Slovak (no table of
# its own); its words that Czech and Slovak spell otherwise.
aircraft: letalo letala letalu letalom letal
airport: letališč*
interference: motnj* motenj* oviranj*
turned back: obrniti obrnila obrnilo obrnili
landed: pristalo pristala pristal pristali
detected: zaznal*
near: v_bližini blizu
without: brez
signal: signala signalu signalom
navigation systems: navigacijsk*
# Serbian and Croatian in Latin script, read with this table: their words that Czech, Slovak
# and Slovenian spell otherwise.
aircraft: avion avionom aviona avionu avioni aviona zrakoplov*
airport: aerodrom* zračn*_luk*
landing: sletanj* slijetanj*
landed: sleteo sletela sletelo sleteli sletio sletjela sletjeli
approach: prilaz* prilazu
jamming: ometanj*
interference: smetnj*
crew: posad*
take-off: polete* poletio poletjel*
from: iz
lost: izgubio izgubila izgubili nestao nestala nestalo
reported: prijavil* prijavio
""",
    "de": """
suspended: ausgesetzt aussetzung* eingestellt
affected: ausgesetzt_sind ausgesetzt_waren ausgesetzt_war ausgesetzt_ist ausgesetzt_sein
without: ohne
can: kann können könnte könnten
affect: gefährden gefährdet beeinträchtigen
said: teilte teilten
discussed: diskutierten diskutierte diskutiert debattierten
en route: auf_der_strecke auf_der_route
last year: letztes_jahr im_vergangenen_jahr vergangenes_jahr
more than: mehr_als
had: hatte hatten
happened: passiert ereignete geschah
affected: betroffen betraf
degraded: beeinträchtig*
and: und
position: position*
every: jede jeder jedem jeden jedes
satellite navigation: satellitennavigation* satellitenortung*
signal: signal signale signals
navigation systems: navigationssystem* navigationsgerät*
radio interference: funkstörung*
interference: störung* stör* gestört* interferenz*
jamming: jamming* störsignal* *störsignale
jammer: störsender* jammer*
spoofing: spoofing* gefälscht* täuschung*
false: falsch*
problems: problem* probleme
lost: verlor verloren
failed: fiel fielen
failure: ausfall* ausfälle* ausgefallen
aircraft: flugzeug* maschine *flugzeug *flugzeuge *maschine
flights: flüge flügen
planes: flugzeuge flugzeugen maschinen
flight: flug flugs *flug
pilots: pilot* piloten
crew: besatzung* crew
captains: kapitäne kapitänen
captain: kapitän*
airport: flughafen* flughäfen* flugplatz* *flughafen
airline: fluggesellschaft* airline*
helicopter: hubschrauber* helikopter*
passengers: passagier* fluggäst*
runway: landebahn* piste
air traffic control: flugsicherung* fluglotse* tower
airspace: luftraum*
aviation: luftfahrt*
approach: landeanflug* anflug*
landing: landung*
landed: landete landeten gelandet
could not land: nicht_landen konnte_nicht_landen
take-off: start starts abflug*
diverted: umgeleitet ausweichen ausweichflughafen* ausweichlandung*
aborted: abgebrochen abbrechen durchstarten durchgestartet startete_durch
emergency landing: notlandung* notlanden notgelandet
returned: kehrte zurückgekehrt umkehren
returned: zurückkehren zurückfliegen zurückgeflogen
turned back: kehrte_um umkehren_müssen
circled: kreiste kreisen
reported: meldete meldeten gemeldet berichtete
reported: berichtet berichten berichteten
reports: meldungen berichte
was: war wurde
were: waren wurden
had to: musste mussten
said: sagte sagt erklärte
over: über
near: nahe bei nähe
in: in im
to: nach
from: von aus
border: grenz*
yesterday: gestern
last week: letzte_woche vergangene_woche vergangenen_woche
not: nicht
no: kein keine keinen
ships: schiff* boot*
cars: auto autos autofahrer*
phones: handy* smartphone* telefon*
drones: drohne*
military: militär* bundeswehr*
incidents: vorfäll* vorfall* fälle zwischenfäll* zwischenfall*
since: seit
because of: wegen
region: region regionen
we: wir
happened: kam_es_zu kam_es_zum kam_es_zur ist_es_zu
detected: festgestellt stellte_fest entdeckt registriert
warns that: warnt warnen
this year: dieses_jahr dieses_jahres in_diesem_jahr
the next day: am_nächsten_tag am_folgenden_tag tags_darauf
number of: anzahl zahl
statistics: statisti*
rise in: anstieg zunahme
on the rise: zugenommen gestiegen nimmt_zu
happened: kam_es kam_es_während
today: heutigen heutige heutiger
near: in_der_nähe_von in_der_nähe
experienced: konfrontiert zu_tun_gehabt zu_tun_hatte zu_tun_hatten
a similar incident: ähnliche_situation ähnlichen_vorfall ähnlicher_vorfall
losing: verlieren verliert
a similar problem: ähnliches_problem ähnliche_probleme ähnlichen_problem
flew: flog flogen geflogen
by: seitens
aircraft: jet jets *jet *jets
""",
    # Dutch (read with the German table until session 8; its words there moved here).
    "nl": """
suspended: opgeschort* opschort* schortte schorten
without: zonder
land: landen
can: kan kunnen zou_kunnen zouden_kunnen
can affect: kan_beïnvloeden kunnen_beïnvloeden kan_verstoren kunnen_verstoren
affect: beïnvloeden verstoren bedreigen
said: zei zeiden zegt verklaarde
discussed: besproken bespraken
en route: op_de_route tijdens_de_vlucht
last year: vorig_jaar afgelopen_jaar vorige_jaar
this year: dit_jaar van_dit_jaar
the next day: de_volgende_dag een_dag_later de_dag_erna
more than: meer_dan
had: had hadden
happened: gebeurde gebeurd vond_plaats plaatsvond
affected: getroffen
and: en
false: vals valse
position: positie* locatie
every: elke elk iedere
satellite navigation: satellietnavigatie*
navigation systems: navigatiesyste* navigatieapparatuur
signal: signaal signalen
interference: storing* verstoord* verstoring* interferentie*
jamming: stoorzender* *storing jamming*
jammed: gejamd
went dark: op_zwart
jammer: jammer jammers
spoofing: spoofing* vervalst*
problems: probleem problemen
lost: verloor verloren kwijt verdween verdwenen kwijtraakt* kwijtgeraakt raakte_kwijt raakten_kwijt
failed: stopte stopten uitgevallen viel_uit vielen_uit
failure: uitval
aircraft: vliegtuig* toestel *vliegtuig
planes: vliegtuigen toestellen
flights: vluchten
flight: vlucht
pilots: piloot piloten
pilot: verkeersvlieger* gezagvoerder*
crew: bemanning* crew
airport: luchthaven* vliegveld* *luchthaven
airline: luchtvaartmaatschappij* vliegmaatschappij*
helicopter: helikopter* traumaheli*
passengers: passagier*
runway: landingsbaan* startbaan*
air traffic control: luchtverkeersleiding* luchtverkeersleider* verkeersleider* lvnl
airspace: luchtruim*
aviation: luchtvaart*
approach: nadering* landingsnadering*
landing: landing landingen
landed: landde landden geland
emergency landing: noodlanding*
could not land: kon_niet_landen konden_niet_landen niet_landen_kon niet_landen_konden
take-off: opstijgen opgestegen steeg_op stegen_op
diverted: uitgeweken uitwijken omgeleid
returned: keerde_terug keerden_terug teruggekeerd terugkeren
turned back: keerde_om keerden_om omkeren omgekeerd
circled: cirkelde cirkelden
had to: moest moesten
forced to: gedwongen
flew: vloog vlogen gevlogen
experienced: ondervond ondervonden meegemaakt maakte_het_mee maakten_het_mee
experienced: kreeg_te_maken_met kregen_te_maken_met
reported: meldde meldden gemeld rapporteerde
detected: ontdekt gedetecteerd waargenomen
was: was werd
were: waren werden
over: boven
near: nabij bij in_de_buurt_van
in: in
to: naar
from: vanuit
towards: richting
because of: vanwege
because of interference: door_storingen door_storing door_verstoringen door_verstoring
border: grens grenzen grensgebied*
yesterday: gisteren gister*
today: vandaag vanochtend vanmiddag vanavond
not: niet
no: geen
warns that: waarschuwt waarschuwen
number of: aantal
statistics: statistiek*
rise in: toename stijging
on the rise: toegenomen gestegen neemt_toe
incidents: incident* voorval*
ships: schip schepen boot boten scheepvaart
cars: auto automobilist*
phones: telefoon* smartphone*
drones: drone drones
military: militair* leger defensie
since: sinds
we: wij
when: toen
region: regio
a similar incident: soortgelijk_incident vergelijkbaar_incident
a similar problem: soortgelijk_probleem vergelijkbaar_probleem
losing: verliezen
aircraft: jet jets *jet
""",
    "ru": """
suspended: приостанов* преустанов* спряха
at airport: на_летище на_летището
land: приземлиться
without: без
land: кацне
can: может могут могла могло
affect: угрожать угрожают угрожает
discussed: обсудили обсуждали обсудил обсуждался
en route: на_маршруте по_маршруту на_трассе
last year: в_прошлом_году минулого_року
more than: более свыше понад
had: имел* имело
happened: произошл* произошло случилось
affected: затронул* пострадал*
and: и і та
position: местоположени* позици* координат*
every: каждый каждом каждого каждая всеки всяко
satellite navigation: спутников*_навигац* спутник*
navigation: навигац*
signal: сигнал*
interference: помех* помеха* подавлени* вмешательств* вмешал* вмешива*
interference: смущени* смущения
interference: втруч* втрут*
jamming: заглушаван* заглушени*
false: фалшив*
crew: екипаж*
landing: кацане кацането
diverted: пренасочен* отклонен*
returned: върна върнал* върнаха
jamming: глушени* глушил* заглушк* подавлени*_gps рэб
jamming: радиопомех* радіоперешкод*
spoofing: спуфинг* подмен* подмена*
false: ложн* фальшив*
problems: проблем* сбо*
lost: потерял* пропал*
lost: остался_без осталось_без остались_без
lost: изчезна изчезнал* исчез исчезла исчезли
lost: загуби загубил* загубиха
failure: загуба загубата
failure: отказ* неисправн* неполадк*
flights: рейсы рейсов рейсах полеты полетов полёты полётов полети полетите
planes: самолеты самолетов самолётов самолёты самолетите
planes: самолетам самолетами самолетах самолётам самолётами самолётах лайнеры лайнеров
flights: рейсам рейсами полетам полётам полетами полётами
aircraft: самолет* самолёт* лайнер* борт* воздушн*_судн*
flight: рейс* полет* полёт*
pilots: пилот* летчик* лётчик*
crew: экипаж*
captain: командир*
airport: аэропорт* аеропорт* летищ*
alternate airport: запасн*_аэродром* запасн*_аэропорт* запасн*_летищ*
airline: авиакомпани*
helicopter: вертолет* вертолёт* гелікоптер*
passengers: пассажир* пасажир*
air traffic control: диспетчер* авиадиспетчер*
airspace: воздушн*_пространств* повітрян*_простір* повітряному_просторі
aviation: авиаци* авіаці*
approach: заход* заходе захода
landing: посадк* посадки приземлени* приземлення
landed: приземлил* сел села
landed: кацна кацнал* кацнаха приземи*
approach: подход* подхода
approach: подлет* подлёт*
could not land: не_смог_приземлиться не_смог_сесть не_зміг_приземлитися не_змогли_приземлитися
take-off: взлет* взлёт* зліт* излет* излита*
diverted: ушел_на_запасной запасной запасний
returned: вернул* вернулся вернулись повернув*
returned: вернуться
turned back: повернуть_обратно повернул*_обратно развернуться развернул*
circled: кружил*
reported: сообщил* сообщ* повідомил* заявил* заявив*
was: был была было
were: были
had to: пришлось вынужден* довелося
said: сказал* заявил*
over: над
near: возле около вблизи біля поблизу
in: в во у
to: до
from: из із з
border: границ* кордон*
yesterday: вчера вчора учора
last week: на_прошлой_неделе минулого_тижня
not: не
no: нет никаких жодних
ships: судн* корабл* суд
cars: автомобил* машин*
phones: телефон* смартфон*
drones: дрон* беспилотник* безпілотник*
military: военн* армі* армия* військов*
incidents: случа* инцидент* випадк* інцидент*
since: с_начала з_початку
runway: взлетно-посадочн* впп
emergency landing: экстренн*_посадк* аварийн*_посадк* вынужденн*_посадк* аварийно_кацане
flew: летел летела летело летели пролетал пролетала
navigation systems: навигационн*_систем* систем*_навигации навигационни_системи
jammer: глушилк* подавител* заглушител*
experienced: столкнулся столкнулась столкнулись испытал испытала пострадал пострадала
detected: зафиксировал* обнаружил* зафиксировано обнаружено засекли
because of: из-за поради
warns that: предупреждает предупреждают предупреждава
this year: в_этом_году этого_года тази_година през_тази_година
the next day: на_следующий_день на_другой_ден на_следващия_ден
last year: миналата_година през_миналата_година
number of: количество броя брой
statistics: статистик*
rise in: рост роста увеличение увеличения ръст ръста увеличаване
on the rise: увеличилось увеличилась выросло выросла участились нараства нарасна зачестиха
a similar incident: подобн*_ситуаци* подобн*_инцидент* подобн*_положени* аналогичн*_ситуаци*
a similar incident: аналогичн*_инцидент*
landed: сели приземлились
diverted: перенаправлен* перенаправили
losing: потерять теряя загубване
could not land: не_успя_да_кацне не_успяха_да_кацнат не_можа_да_кацне
spoofing: подмяна подмяната
a similar problem: аналогичн*_проблем* подобн*_проблем* сходн*_проблем*
passengers: пътници*
airline: авиокомпани*
helicopter: хеликоптер*
circled: кръжеше кръжа
had to: трябваше
flew: летеше летя
failure: повред*
affected: засегна засегнат* засегнаха
happened: случи_се се_случи
was: беше
were: бяха
had: имаше
reported: съобщи съобщиха докладва*
said: каза казаха
near: близо_до
from: от
because of: заради
no: никакви никакъв
can: може могат
affect: засегне
number of: броят
ships: кораб*
cars: коли автомобил*
by: со_стороны от_страна_на
interference: намес*
failure: потеря потери потерю потерей потерь
# Macedonian, read with this table: its words that Bulgarian and Russian spell otherwise.
aircraft: авион авионот авиони авионите
airport: аеродром*
landing: слетување*
landed: слета слетал* слетаа
unavailable: недостапен недостапн* оневозможен*
interference: попречувањ* пречењ*
lost: исчезна исчезнат* изгуби изгубен*
circled: кружел* кружеше
flight: летот
from: од
said: изјави* рекоа
reported: јави
had to: морал* морале
""",
    "uk": """
suspended: призупин*
land: приземлитися
without: без
can: може можуть
affect: загрожувати загрожують загрожує
last year: минулого_року
more than: понад більше_ніж
had: мав мала мало
happened: стався сталося трапилося
affected: зачепил* постраждал*
and: і та й
position: місцезнаходжен* позиці* координат*
every: кожен кожному кожного
satellite navigation: супутников*_навігац* навігац* супутник*
signal: сигнал*
interference: перешкод* завад* збо* втруч* втрут*
disruptions: перебо*
disrupt: порушити порушив порушила порушили
jamming: глушінн* подавленн* рeб
spoofing: спуфінг* підмін*
false: хибн* фальшив*
problems: проблем*
lost: втратив втратила втратили зник
lost: залишився_без залишилися_без лишився_без
failure: відмов* несправн* неполадк*
flights: рейси рейсів польоти польотів
planes: літаки літаків
planes: літакам літаками літаках
flights: рейсам рейсами польотам польотами
aircraft: літак* лайнер* борт*
flight: рейс* політ* польот*
pilots: пілот* льотчик*
crew: екіпаж*
airport: аеропорт*
airline: авіакомпані*
helicopter: гелікоптер* вертоліт* вертольот*
passengers: пасажир*
air traffic control: диспетчер*
airspace: повітрян*_прост*
aviation: авіаці*
approach: заход* наближ*
landing: посадк* приземленн*
landed: приземлився приземлилися сів
could not land: не_зміг_приземлитися не_змогли_приземлитися не_зміг_сісти
take-off: зліт*
returned: повернув* повернувся
returned: повернутися повернути
diverted: запасн*
reported: повідомил* повідомляє заявил*
was: був була було
were: були
had to: довелося змушений змушені
said: сказав заявив
over: над
near: біля поблизу
in: в у
to: до
from: з із зі
border: кордон*
yesterday: вчора учора
last week: минулого_тижня
not: не
no: жодних
ships: судн* корабл*
drones: дрон* безпілотник*
military: військов* армі*
incidents: випадк* інцидент*
runway: злітно-посадков* смуг*
emergency landing: екстрен*_посадк* аварійн*_посадк* вимушен*_посадк*
circled: кружляв кружляла кружляли
flew: летів летіла летіло летіли пролітав пролітала
en route: під_час_польоту
navigation systems: навігаційн*_систем* систем*_навігації
jammer: глушилк* глушник* подавляч*
experienced: зіткнувся зіткнулася зіткнулися постраждав постраждала
detected: зафіксував* виявив* зафіксовано виявлено
because of: через
warns that: попереджає попереджають
this year: цього_року у_цьому_році
the next day: наступного_дня
number of: кількість кількості
statistics: статистик*
rise in: зростання збільшення
on the rise: зросла зросло зросли збільшилась збільшилася почастішали
cars: автомобіл* машин* водії
phones: телефон* смартфон*
a similar incident: подібн*_ситуаці* подібн*_інцидент* аналогічн*_ситуаці* аналогічн*_інцидент*
lost: зникла зникли зникло втрачено
landed: приземлилася сіла сіли
diverted: перенаправлен* перенаправили
reported: повідомив повідомила повідомили повідомило
losing: втратити втрачаючи
last year: торік
a similar problem: аналогічн*_проблем* подібн*_проблем*
by: з_боку зі_сторони
failure: втрата втрати втрату втратою втрат
""",
    "es": """
suspended: suspend* suspensión
without: sin
can: puede pueden podría podrían
affect: afectar
disrupt: perturbar
north of: al_norte_de al_norte_del
south of: al_sur_de al_sur_del
east of: al_este_de al_este_del
west of: al_oeste_de al_oeste_del
we lost: perdimos
discussed: discutieron discutió debatieron debatió
last year: el_año_pasado
more than: más_de
navigation signals: señal_de_navegación señales_de_navegación señal_satelital señales_satelitales
had: tuvo tenía tenían
happened: ocurrió sucedió
affected: afectó afectaron afectad*
and: y
position: posición posiciones ubicación
every: cada
satellite navigation: navegación_satelital navegación_por_satélite
signal: señal señales
navigation systems: sistema*_de_navegación sistemas_de_navegación
interference: interferencia* interferido perturbaci*
jamming: bloqueo* bloquead* inhibici* jamming
jammer: inhibidor* bloqueador*
spoofing: spoofing suplantación falsificación falsificad*
false: fals* falsas falsos
problems: problema* fallas fallos
lost: perdió perdieron
lost: quedó_sin quedaron_sin se_quedó_sin se_quedaron_sin
lost: desapareció
failure: falla fallo pérdida caída
planes: aviones aeronaves
aircraft: avión aeronave* aparato
flight: vuelo
flights: vuelos
pilots: piloto* pilotos
crew: tripulación tripulantes
captain: capitán
airport in: aeropuerto_de aeropuerto_internacional_de
airport: aeropuerto* aeródromo*
airline: aerolínea* compañía_aérea
helicopter: helicóptero*
passengers: pasajero*
runway: pista
air traffic control: control_de_tráfico_aéreo controladores_aéreos controlador*_aéreo*
air traffic control: torre_de_control aerocivil
airspace: espacio_aéreo
aviation: aviación aeronáutic*
approach: aproximación aproximaci* aproxima*
landing: aterrizaje* aterrizar
landed: aterrizó aterrizaron
could not land: no_pudo_aterrizar no_pudieron_aterrizar
take-off: despegue* despegó despegar
diverted: desviado* desviada* desviar* desvió
returned: regresó regresaron retornó volvió
returned: regresar volver
over: sobrevolar sobrevolaban sobrevolando sobrevolaba
circled: sobrevoló circul*
en route: en_ruta
reported: reportó reportaron informó informaron notificó denunció registró
experienced: experimentó experimentaron sufrió sufrieron
was: fue estuvo
were: fueron
had to: tuvo_que tuvieron_que
said: dijo declaró afirmó explicó
over: sobre
near: cerca cercanías proximidades inmediaciones
in: en
at: en_el
to: hacia a al
from: desde
border: frontera*
yesterday: ayer
last week: la_semana_pasada
last night: anoche
not: no
no: ningún ninguna
ships: barco* buque* embarcaci*
cars: automóvil* coche* carro*
phones: teléfono* celular* móvil*
drones: dron drones
military: militar*
incidents: incidente* caso casos
since: desde
emergency landing: aterrizaje_de_emergencia aterrizaje_forzoso
experienced: sufrido ha_sufrido han_sufrido padeció
flew: volaba volaban voló volaron
detected: detectó detectaron detectado detectada
because of: debido_a debido_al por_culpa_de a_causa_de a_causa_del
warns that: advierte advierten alerta alertan
this year: este_año
the next day: al_día_siguiente el_día_siguiente
number of: número_de cantidad_de
statistics: estadística*
rise in: aumento_de aumento_del incremento_de incremento_del
on the rise: han_aumentado ha_aumentado aumentaron aumentado
today: hoy
a similar incident: un_incidente_similar una_situación_similar un_caso_similar
lost: perdido
landed: aterrizado
returned: volvieron retornaron regresado
losing: perder perdiendo
a similar problem: un_problema_similar problema_similar un_fallo_similar
by: por_parte_de por_parte_del
aircraft: jet
lost: interrupción_de_la_señal interrupción_de_señal
disabled: inutilizado inutilizada inutilizó inutilizar anular anulado anulada
disrupted: interrumpido interrumpida interrumpió
# Catalan, read with this table: detection names most Catalan pages Spanish (no table of its
# own); its words that Spanish spells otherwise.
aircraft: avió avions aeronau aeronaus
airport: aeroport aeroports
interference: interferènci* pertorbaci*
experienced: ha_patit han_patit va_patir van_patir
landing: aterratge
landed: va_aterrar ha_aterrat van_aterrar
could not land: no_va_poder_aterrar no_van_poder_aterrar
approach: aproximació
lost: va_perdre ha_perdut van_perdre
returned: va_tornar van_tornar
pilots: pilot pilots
passengers: passatger*
over: al_seu_pas_per damunt sobrevolar
near: a_prop_de prop_de
by: per_part_de
""",
    "pt": """
suspended: suspend* suspens* suspensão
without: sem
can: pode podem poderia poderiam
affect: afetar afectar
disrupt: perturbar
north of: ao_norte_de ao_norte_do ao_norte_da
south of: ao_sul_de ao_sul_do ao_sul_da
east of: a_leste_de a_leste_do a_leste_da
west of: a_oeste_de a_oeste_do a_oeste_da
we lost: perdemos
discussed: discutiram discutiu debateram debateu
a similar failure: falha_semelhante falha_similar
a similar incident: incidente_semelhante incidente_similar
last year: ano_passado
more than: mais_de
navigation signals: sinal_de_navegação sinais_de_navegação sinal_de_satélite sinais_de_satélite
had: teve tinha tiveram
happened: ocorreu aconteceu
affected: afetou afetaram afetad* atingiu
and: e
position: posição posições localização
every: cada
satellite navigation: navegação_por_satélite navegação_satelital
signal: sinal sinais
navigation systems: sistema_de_navegação sistemas_de_navegação
interference: interferência* interferenc* perturbaç*
jamming: bloqueio* bloquead* jamming interferidor*
jammer: bloqueador* jammer*
spoofing: spoofing falsificaç* falsificad*
false: fals*
problems: problema* falhas
lost: perdeu perderam
lost: ficou_sem ficaram_sem
lost: caiu
failure: falha perda
planes: aviões aeronaves
aircraft: avião aeronave* aparelho
flight: voo vôo
flights: voos vôos
pilots: piloto*
crew: tripulação tripulantes
captain: comandante
airport in: aeroporto_de aeroporto_do aeroporto_internacional_de
airport: aeroporto*
airline: companhia_aérea companhias_aéreas
helicopter: helicóptero*
passengers: passageiro*
runway: pista
air traffic control: controle_de_tráfego_aéreo controlador*_de_tráfego torre_de_controle decea
airspace: espaço_aéreo
aviation: aviação aeronáutic*
approach: aproximação aproximaç* aproxima*
landing: pouso* pousar aterrissag*
landed: pousou pousaram aterrissou
could not land: não_conseguiu_pousar não_conseguiram_pousar
take-off: decolag* decolou decolar
diverted: desviad* alternad* alternou arremet*
returned: retornou voltou regressou
returned: regressar voltar retornar
over: sobrevoar sobrevoava sobrevoavam sobrevoando
circled: sobrevoou circul*
en route: em_rota
reported: relatou relataram reportou informou notificou registrou registrad*
experienced: sofreu sofreram enfrentou
was: foi
were: foram
had to: teve_que tiveram_que precisou
said: disse afirmou declarou
over: sobre
near: perto próximo
in: em no na
to: para
from: de_onde
border: fronteira*
yesterday: ontem
last week: semana_passada
in the week of: na_semana_de
statement: comunicado comunicado_oficial nota_oficial
not: não
no: nenhum nenhuma
ships: navio* embarcaç* barco*
cars: carro* automóve*
phones: celular* telefone*
drones: drone*
military: militar*
incidents: incidente* caso casos ocorrência*
since: desde
emergency landing: aterragem_de_emergência aterrissagem_de_emergência
emergency landing: pouso_de_emergência pouso_forçado
flew: voava voavam voou voaram
detected: detetou detectou detectaram detetaram detectado detetado
because of: devido_a devido_ao por_causa_de por_causa_do por_causa_da
warns that: alerta alertam adverte advertem
this year: este_ano neste_ano
the next day: no_dia_seguinte
number of: número_de
statistics: estatística*
rise in: aumento_de aumento_do aumento_da
on the rise: aumentaram aumentou aumentado
lost: perdido
landed: aterrou aterraram aterrissaram aterrado pousado
could not land: não_conseguiu_aterrar não_conseguiram_aterrar
could not land: não_conseguiu_aterrissar não_conseguiram_aterrissar não_conseguiu_pousar_em
returned: regressaram voltaram retornaram
losing: perder perdendo
last year: no_ano_passado
a similar problem: um_problema_semelhante problema_semelhante problema_similar
by: por_parte_de por_parte_da por_parte_do
aircraft: jato jatinho
lost: interrupção_do_sinal interrupção_de_sinal
""",
    "fr": """
suspended: suspend* suspension
without: sans
can: peut peuvent pourrait pourraient
affect: affecter
disrupt: perturber
north of: au_nord_de au_nord_du au_nord_des
south of: au_sud_de au_sud_du au_sud_des
we lost: avons_perdu
discussed: discuté débattu
court: tribunal tribunaux cour_d'appel
appeared: comparaissait comparaît comparu
last year: année_dernière an_dernier
more than: plus_de
navigation signals: signal_de_navigation signaux_de_navigation
had: avait eu
happened: produit survenu
affected: affecté* touché*
and: et
position: position positions
every: chaque
satellite navigation: navigation_par_satellite navigation_satellitaire
signal: signal signaux
interference: interférence* perturbation* brouill*
jamming: brouillage* brouillé* brouillés
jammer: brouilleur*
spoofing: spoofing leurrage* usurpation
spoofing: falsifi*
diverted: détourné*
false: faux fausse* fausses
problems: problème*
lost: perdu perdu perdait
lost: retrouvé_sans retrouvés_sans
lost: disparu
failure: perte panne
disruptions: interruption* coupure*
planes: avions appareils
aircraft: avion* appareil*
flight: vol
flights: vols
pilots: pilote*
crew: équipage*
captain: commandant
airport in: aéroport_de aéroport_d
airport: aéroport*
airline: compagnie_aérienne compagnies_aériennes
helicopter: hélicoptère*
passengers: passager*
runway: piste
air traffic control: contrôle_aérien contrôleur*_aérien*
airspace: espace_aérien
aviation: aviation aérien*
approach: approche
landing: atterrissage*
landed: atterri atterrit
could not land: pas_pu_atterrir
take-off: décollage* décollé
diverted: dérouté* dévié*
returned: retourné* revenu*
returned: retourner revenir
turned back: faire_demi-tour fait_demi-tour
over: survoler survolait survolaient survolant
reported: signalé* rapporté* déclaré*
experienced: subi
was: était été a_été
had to: dû
forced to: contraint_de contraints_de contrainte_de contraintes_de
said: a_déclaré a_indiqué selon
over: au-dessus
near: près
in: en dans
at: à au aux
because of: à_cause en_raison
border: frontière*
yesterday: hier
last week: la_semaine_dernière
not: pas ne
ships: navire* bateau*
cars: voiture*
phones: téléphone*
drones: drone*
military: militaire*
incidents: incident*
emergency landing: atterrissage_d'urgence atterrissage_forcé
circled: tourné_en_rond
flew: volait volaient survolait survolaient
en route: en_vol pendant_le_vol
navigation systems: système_de_navigation systèmes_de_navigation
were: étaient ont_été
detected: détecté détectée détectés détecta
to: vers à_destination_de
from: en_provenance_de au_départ_de
no: aucun aucune
warns that: avertit met_en_garde mettent_en_garde
this year: cette_année
the next day: le_lendemain le_jour_suivant
number of: nombre_de
statistics: statistique*
rise in: hausse_des hausse_de augmentation_des augmentation_de
on the rise: augmenté en_hausse multipliés
a similar incident: un_incident_similaire une_situation_similaire
losing: perdre perdant
a similar problem: un_problème_similaire problème_similaire
by: de_la_part_de de_la_part_du
by: par
quite: tout_à_fait
aircraft: jet
lost: interruption_du_signal interruption_de_signal
""",
    "it": """
suspended: sospes* sospend* sospensione
without: senza
can: può possono potrebbe potrebbero
affect: colpire
north of: a_nord_di a_nord_della a_nord_del a_nord_dello
south of: a_sud_di a_sud_della a_sud_del a_sud_dello
east of: a_est_di a_est_della a_est_del
west of: a_ovest_di a_ovest_della a_ovest_del
we lost: abbiamo_perso
discussed: discusso discussero discusse dibattuto
navigation signals: segnale_di_navigazione segnali_di_navigazione
happened: accaduto avvenuto
affected: colpito
and: e
airspace: spazio_aereo
false: falsi false falso falsa
detected: rilevat*
position: posizion*
every: ogni
signal: segnale segnali
interference: interferen* disturb*
jamming: jamming disturbo*
spoofing: spoofing falsificaz*
problems: problem*
lost: perso
lost: rimasto_senza rimasta_senza rimasti_senza
planes: aerei velivoli
flights: voli
aircraft: aereo velivol*
flight: volo
pilots: pilot*
crew: equipaggio
airport in: aeroporto_di
airport: aeroport*
passengers: passegger*
approach: avvicinamento
landing: atterraggio
landed: atterrato
diverted: dirottat*
returned: tornato rientrato
returned: rientrare tornare
over: sorvolare sorvolava sorvolavano sorvolando
reported: segnalat*
was: era stato
said: ha_detto
over: sopra
near: vicino
at: a ad al alla
because of: a_causa per_via per_un per_una
could not land: non_è_riuscit*_ad_atterrare non_è_riuscit*_a_atterrare
could not land: non_ha_potuto_atterrare non_è_potut*_atterrare impossibilitat*_ad_atterrare
yesterday: ieri
not: non
ships: nav* barc*
drones: drone droni
military: militar*
incidents: incident*
airline: compagnia_aerea compagnie_aeree vettore
helicopter: elicotter*
aviation: aviazione aeronautic*
air traffic control: controllo_del_traffico_aereo controllori_di_volo controllore_di_volo
air traffic control: torre_di_controllo enav
runway: pista
emergency landing: atterraggio_di_emergenza atterraggio_d'emergenza
take-off: decollo decollare decollato decollata
circled: girato_in_tondo volato_in_circolo
had to: ha_dovuto hanno_dovuto dovuto
forced to: costretto costretta costretti costrette
flew: volava volavano volato
en route: in_volo durante_il_volo
satellite navigation: navigazione_satellitare
navigation systems: sistema_di_navigazione sistemi_di_navigazione
jammer: disturbatore disturbatori jammer
failed: guasto guasti
experienced: ha_subito hanno_subito aveva_subito
were: erano sono_stati
had: aveva avevano
in: in nel nella
to: verso diretto_a
from: da dal dalla
border: confin* frontier*
no: nessun nessuna nessuno
warns that: avverte avvertono avvisa
last year: l'anno_scorso lo_scorso_anno l'anno_passato
this year: quest'anno
the next day: il_giorno_dopo il_giorno_seguente
more than: più_di oltre
number of: numero_di
statistics: statistic*
rise in: aumento_di aumento_dei aumento_delle
on the rise: aumentati aumentate aumentato in_aumento
cars: auto automobil*
phones: telefon* cellular*
a similar incident: un_incidente_simile una_situazione_simile un_caso_simile
lost: persero perduto
landed: atterrata atterrati atterrò
returned: tornata tornati tornò rientrata rientrati rientrò
losing: perdere perdendo
the next day: indomani
a similar problem: un_problema_simile problema_simile
by: da_parte_di da_parte_della da_parte_del da_parte_dello
experienced: ha_subìto hanno_subìto aveva_subìto
aircraft: jet
lost: interruzione_del_segnale interruzioni_del_segnale
""",
    # Greek (accents as written; stems stop before the inflected syllable).
    "el": """
suspended: ανέστειλε ανέστειλαν αναστολή αναστέλλ*
without: χωρίς
can: μπορεί μπορούν
we lost: χάσαμε
had: είχε είχαν
happened: συνέβη σημειώθηκε σημειώθηκαν
affected: επηρέασ* επηρεάστηκ*
and: και
position: θέση θέσης θέσεις
every: κάθε
satellite navigation: δορυφορικ*_πλοήγησ* δορυφορικ* δορυφόρ*
navigation systems: συστήματα_πλοήγησης συστήματος_πλοήγησης σύστημα_πλοήγησης πλοήγησ*
signal: σήμα σήματος σήματα σημάτων
interference: παρεμβολ* διαταραχ* παρεμβάσεις
jamming: μπλοκαρ* μπλοκάρ* εμπλοκ* παρεμβολέα*
spoofing: παραπλάνησ* πλαστογράφησ* spoofing
false: ψευδ* λανθασμέν*
problems: πρόβλημα* προβλήματ* προβλημάτων
lost: έχασε έχασαν απώλεσε
lost: χάθηκε χάθηκαν
failure: απώλεια* βλάβη* βλάβες αστοχί*
aircraft: αεροσκάφ* αεροπλάν* αεροπλανο* αεροσκαφ*
planes: αεροσκάφη αεροπλάνα αεροσκαφών αεροπλάνων
flights: πτήσεις πτήσεων
flight: πτήση πτήσης πτήσεώ*
pilots: πιλότ* χειριστ*
crew: πλήρωμα*
captain: κυβερνήτ*
airport: αεροδρόμι* αερολιμέν* αεροδρομί*
airport in: αεροδρόμιο_του αεροδρόμιο_της αερολιμένα_του αερολιμένα_της
approach: κάθοδο* κάθοδό*
aborted: ματαίωσ* ματαιώ*
diverted: εκτραπεί
airline: αεροπορικ*_εταιρ*
passengers: επιβάτ*
air traffic control: ελεγκτ*_εναέρι* πύργο_ελέγχου
airspace: εναέριο_χώρο εναέριου_χώρου εναέριος_χώρος
approach: προσέγγισ*
landing: προσγείωσ* προσγειωσ*
landed: προσγειώθηκε προσγειώθηκαν
could not land: δεν_μπόρεσε_να_προσγειωθεί δεν_κατάφερε_να_προσγειωθεί
diverted: εκτράπηκε εκτροπή εκτροπ* εκτράπηκ*
returned: επέστρεψε επέστρεψαν
returned: επιστρέψει επιστρέψουν
circled: έκανε_κύκλους
reported: ανέφερ* μετέδωσ* αναφέρ*
was: ήταν
were: ήταν
had to: αναγκάστηκε αναγκάστηκαν
said: δήλωσε είπε
over: πάνω_από πάνω
near: κοντά
in: στο στη στην στα σε
to: προς
from: από
border: σύνορα* συνόρων
yesterday: χθες
not: δεν μη
ships: πλοί* σκάφ*
drones: drone* μη_επανδρωμέν*
military: στρατιωτικ*
incidents: περιστατικ* συμβάν*
a similar incident: ανάλογο_περιστατικό παρόμοιο_περιστατικό ανάλογο_συμβάν παρόμοιο_συμβάν
helicopter: ελικόπτερ*
aviation: αεροπορί* πολιτική_αεροπορία
runway: διάδρομο διάδρομος διαδρόμου
emergency landing: αναγκαστική_προσγείωση αναγκαστικής_προσγείωσης
take-off: απογείωσ* απογειώθηκε
flew: πετούσε πετούσαν πέταξε
en route: κατά_την_πτήση εν_πτήσει
jammer: παρεμβολέας παρεμβολείς παρεμβολέα συσκευές_παρεμβολής
experienced: υπέστη αντιμετώπισε αντιμετώπισαν
detected: εντόπισε εντοπίστηκε καταγράφηκε καταγράφηκαν
because of: λόγω εξαιτίας
no: κανένα καμία κανένας
affect: επηρεάσει επηρεάζει
warns that: προειδοποιεί προειδοποιούν
last year: πέρυσι πέρσι
this year: φέτος
the next day: την_επόμενη_μέρα την_επόμενη_ημέρα την_επομένη
more than: περισσότερ*_από
number of: αριθμός αριθμό
statistics: στατιστικ*
rise in: αύξηση αύξησης
on the rise: αυξήθηκαν αυξήθηκε αυξημένες
cars: αυτοκίνητ* οδηγ*
phones: τηλέφων* κινητ*
losing: χάσει χάνοντας
spoofing: παραποίησ* πλαστογράφησ*
""",
    "ro": """
suspended: suspend* suspendare suspendarea
without: fără
can: poate pot
affect: afecta
north of: la_nord_de
south of: la_sud_de
east of: la_est_de
west of: la_vest_de
we lost: am_pierdut
discussed: discutat dezbătut
navigation signals: semnalul_de_navigație semnale_de_navigație
navigation systems: sistem*_de_navigație sistem*_de_navigatie
erroneous: eronat* greșit*
false: fals false falși falsă
happened: s-a_întâmplat
affected: afectat*
and: și
airspace: spațiul_aerian spațiului_aerian spațiu_aerian
helicopter: elicopter*
border with: granița_cu graniței_cu frontiera_cu frontierei_cu
border: graniț* frontier*
near: în_zona zona
position: poziți* poziţi*
every: fiecare
signal: semnal*
over: peste
interference: interferen*
jamming: bruiaj* bruiat*
spoofing: spoofing falsificar*
problems: problem*
lost: pierdut
lost: rămas_fără
lost: dispărut
aircraft: avion* aeronav*
flight: zbor* cursa
pilots: pilot*
pilots: piloț*
diverted: redirecționat* redirijat*
crew: echipaj*
airport in: aeroport*_din aeroport*_de
airport: aeroport*
passengers: pasager*
air traffic control: turnul_de_control turn_de_control
approach: apropiere apropia
approach: apropier* apropia*
near: în_apropiere în_apropierea în_apropierile aproape_de
had to: nevoit nevoită nevoiți nevoite a_trebuit obligat* forțat* fortat*
could not land: nu_a_putut_să_aterizeze nu_a_putut_ateriza
could not land: nu_au_putut_ateriza nu_au_putut_să_aterizeze
returned: întoarcă întoarce întoarcere reîntors* revină revenit revenire
landing: ateriz*
between: între
flights: zboruri zborurile zborurilor curse cursele
planes: avioane avioanele avioanelor aeronave aeronavele aeronavelor
because of: din_cauza
landing: aterizare*
landed: aterizat
diverted: deviat*
returned: întors
reported: raportat* anunțat*
was: a_fost
said: a_spus a_declarat
over: deasupra
over: survola survolează survolând
near: lângă
to: spre către
yesterday: ieri
not: nu
ships: nave navele navă navei navelor vapor*
drones: dron*
military: militar*
incidents: incident*
airline: companie_aeriană companiei_aeriene operator_aerian
aviation: aviați* aviati*
runway: pista pistei pistă piste
emergency landing: aterizare_de_urgență aterizare_forțată aterizarea_de_urgență
take-off: decolare decolarea decolat decola
circled: a_făcut_cercuri
flew: zbura zburau a_zburat
en route: în_zbor în_timpul_zborului
satellite navigation: navigație_prin_satelit navigației_prin_satelit navigația_prin_satelit
jammer: bruior* dispozitiv*_de_bruiaj
failed: a_cedat defecțiune defecțiunea
experienced: a_suferit au_suferit a_întâmpinat au_întâmpinat
were: au_fost erau
had: avea aveau
detected: a_detectat au_detectat detectat detectate
in: în
from: de_la
no: niciun nicio
warns that: avertizează avertizeaza
last year: anul_trecut
this year: anul_acesta anul_ăsta în_acest_an
the next day: a_doua_zi ziua_următoare
more than: mai_mult_de mai_multe_de
number of: numărul_de numărul numarul
statistics: statistic*
rise in: creștere creșterea creșteri
on the rise: au_crescut a_crescut în_creștere
cars: mașin* autoturism* șofer*
phones: telefoan* telefon*
today: astăzi azi
losing: pierde pierzând
a similar problem: o_problemă_similară problemă_similară
by: din_partea
lost: întreruperea_semnalului întrerupere_a_semnalului
""",
    "tr": """
suspended: askıya
without: olmadan
land: inmek
we lost: kaybettik
last year: geçen_yıl
more than: fazla
happened: yaşandı meydana_geldi
affected: etkilendi etkiledi
and: ve
position: konum*
every: her
because of: nedeniyle yüzünden dolayı sebebiyle
satellite navigation: uydu_navigasyon* uydu_konum*
signal: sinyal*
interference: parazit* karıştır* girişim* bozulma* bozuldu*
jamming: karıştırma* sinyal_karıştır*
spoofing: spoofing* sahte_sinyal* aldatma*
false: sahte
problems: sorun* arıza*
lost: kaybetti* kaybolu*
lost: kesildi kayboldu
landing: inmeye inişe inerken
aircraft: uçak* uçağ*
flight: uçuş* sefer*
flights: uçuşlar* seferler*
planes: uçaklar*
this morning: bu_sabah
reported: rapor_etti rapor_edildi
en route: uçarken uçuş_sırasında
emergency landing: acil_iniş*
air base: hava_üs*
today: bugün
pilots: pilot*
crew: mürettebat*
airport: havaliman* havaalan*
airline: havayolu* hava_yolu*
helicopter: helikopter*
passengers: yolcu*
air traffic control: hava_trafik*
airspace: hava_saha*
aviation: havacılık*
approach: yaklaşma* yaklaş*
landing: iniş*
landed: indi
could not land: inemedi iniş_yapamadı
take-off: kalkış*
diverted: yönlendiril*
returned: geri_döndü döndü
returned: dönmek geri_dönmek
reported: bildirdi bildirildi açıkladı
was: oldu
had to: zorunda_kaldı
said: dedi söyledi
over: üzerinde
near: yakın* yakınında
border: sınır*
yesterday: dün
not: değil
ships: gemi*
drones: drone* iha
military: askeri
incidents: olay*
runway: pist pisti piste pistte
circled: tur_attı turladı daire_çizdi
flew: uçtu uçuyordu uçan
navigation systems: navigasyon_sistem* seyrüsefer_sistem*
jammer: karıştırıcı*
failed: arızalandı arıza devre_dışı
experienced: yaşadı yaşandı maruz_kaldı
were: idiler
had: vardı
detected: tespit_edildi tespit_etti
no: hiçbir
can affect: etkileyebilir etkileyebilecek bozabilir
warns that: uyardı uyarıyor
this year: bu_yıl bu_sene
the next day: ertesi_gün
number of: sayısı sayı
statistics: istatisti*
rise in: artış artışı
on the rise: arttı artıyor artmış
cars: otomobil* sürücü*
phones: telefon*
landed: iniş_yaptı indiler
losing: kaybetmek kaybederek
the next day: ertesi_günü
by: tarafından
""",
    # Azerbaijani (session 9): Latin script, like Turkish but spelt its own way ("təyyarə",
    # "siqnal", "və"); case endings without an apostrophe ("Bolqarıstana": to Bulgaria).
    "az": """
suspended: dayandır* dayandırıb
aircraft: təyyarə təyyarəni təyyarənin təyyarədə təyyarəyə təyyarəsi təyyarəsini təyyarəsinin
aircraft: təyyarəsində təyyarəsinə
planes: təyyarələr*
flight: uçuş uçuşu uçuşda uçuşun reys reysi
flights: uçuşlar* reyslər*
pilots: pilot*
crew: ekipaj*
passengers: sərnişin*
airport: aeroport* hava_liman*
airline: aviaşirkət* hava_yolları
airspace: hava_məkan* hava_sahəs*
aviation: aviasiya*
helicopter: helikopter* vertolyot*
runway: uçuş-enmə_zolağ*
air traffic control: hava_hərəkət*
approach: yaxınlaşanda yaxınlaşarkən yaxınlaşma*
landing: eniş eniş*
landed: endi enib eniş_edib eniş_ediblər eniş_etdi
land: enmək
emergency landing: məcburi_eniş*
could not land: enə_bilmədi eniş_edə_bilmədi
take-off: qalxış* havaya_qalx*
diverted: yönləndiril* istiqamətini_dəyiş*
returned: geri_döndü geri_qayıtdı qayıtdı qayıdıb
circled: dövrə_vurdu dövrə_vurub dövrə_vururdu
had to: məcbur_oldu məcbur_qaldı
flew: uçdu uçurdu uçublar uçub
en route: uçarkən uçuş_zamanı
GPS: gps
signal: siqnal*
satellite navigation: peyk_naviqasiya*
navigation systems: naviqasiya_sistem* naviqasiya
interference: müdaxilə* maneə* pozul* pozuntu*
jamming: radiomaneə* radio-maneə*
jamming: bloklan* boğulma* boğul* sıxışdır*
jammer: jammer* sıxışdırıcı*
spoofing: saxtalaşdır* spufinq*
lost: itib itirdi itirib itdi yox_olub
losing: itirmək
failed: sıradan_çıxdı sıradan_çıxıb nasaz*
problems: problem* nasazlıq*
false: saxta yanlış
position: mövqe*
experienced: üzləşdi üzləşib məruz_qaldı
affected: təsirləndi təsir_etdi təsir_edib
happened: baş_verdi baş_verib
was: idi oldu olub
were: idilər
had: var_idi
reported: xəbər_verib məlumat_verib bildirib bildirdi
said: dedi deyib deyirlər
detected: aşkar_edildi qeydə_alın*
over: üzərində üzərindən
near: yaxınlığında ətrafında yaxın
and: və
because of: görə səbəbindən ucbatından
border: sərhəd*
not: deyil
no: heç_bir
without: olmadan
can: bilər
affect: təsir_edə
warns that: xəbərdarlıq_edib
last year: keçən_il ötən_il
this year: bu_il
the next day: ertəsi_gün növbəti_gün
every: hər
more than: çoxdur artıq
number of: sayı
statistics: statistika*
rise in: artım* artır
incidents: hadisə* insident* halları
ships: gəmi* dənizçilik
cars: avtomobil*
phones: telefon*
drones: dron*
military: hərbi
""",
    "hu": """
suspended: felfüggeszt*
without: nélkül
had to: kényszerült kényszerültek
we lost: elvesztettük
happened: történt
affected: érintett
and: és
false: hamis
detected: észlelt*
position: pozíció* helyzet*
every: minden
satellite navigation: műholdas_navigáció*
signal: jel jelek
interference: zavar* interferenci*
jamming: zavarás* zavaró*
spoofing: hamisít*
problems: problém* meghibásod*
lost: elveszett
lost: eltűnt megszűnt
because of: miatt
lost: elvesztette elvesztették elveszítette
signal: jelet jele jelét jeleket
aircraft: utasszállító* *repülőgép
planes: repülőgépek repülőgépeket gépek gépeket
airport: *repülőtér *repülőtéren *repülőtérre
at airport: repülőtéren
returned: visszatért
returned: visszatérni visszafordulni
diverted: kitérő* eltérít*
aircraft: repülőgép* gép
flights: járatok járatokat
flight: járat*
pilots: pilót*
crew: legénység*
airport: repülőtér* repülőtér* repülőter*
passengers: utas*
airspace: légtér* légter*
aviation: légiforgalm* légügyi
approach: megközelít*
landing: leszáll*
landed: leszállt
returned: visszafordult
reported: jelentett* jelentés*
was: volt
said: mondta
over: felett
yesterday: tegnap
not: nem
ships: hajó*
drones: drón*
military: katonai
incidents: eset*
aircraft: repülőn repülőt repülője repülőjét repülővel gépet gépen géppel gépe gépét
airline: légitársaság*
helicopter: helikopter*
air traffic control: légiforgalmi_irányít* irányítótorony irányítótorny*
runway: kifutópály* leszállópály*
emergency landing: kényszerleszáll* vészleszáll*
could not land: nem_tudott_leszállni nem_tudtak_leszállni
take-off: felszáll*
circled: körözött köröztek
had to: kellett kénytelen
flew: repült repültek repülve
en route: repülés_közben
navigation systems: navigációs_rendszer*
jammer: zavaróberendezés* zavaróadó*
failed: meghibásodott leállt kiesett
experienced: tapasztaltak elszenvedett
were: voltak
near: közelében környékén
border: határ határon határa határánál határán határnál
no: semmilyen egyetlen
can: lehet
affect: befolyásol* érinthet*
warns that: figyelmeztet
last year: tavaly
this year: idén
the next day: másnap
more than: több_mint
number of: száma számát
statistics: statisztik*
rise in: növekedés* megnövekedés*
on the rise: megnőtt megnövekedett nőtt
cars: autó* gépkocsi*
phones: telefon* mobil*
today: ma
disrupted: zavarták megzavarták zavarta megzavarta
landed: leszálltak
returned: visszatértek visszafordultak
losing: elveszíteni elvesztve
diverted: terelték elterelték átirányították átirányítottak
by: által
""",
    # Chinese (simplified and traditional) and Japanese: whole words, found in unspaced text by
    # longest match (:mod:`.scripts`). ``@role`` words follow the place they give a role to
    # ("波罗的海上空": over the Baltic Sea).
    "zh": """
suspended: 暂停 暫停 停航 停飞 停飛
GPS: 全球定位系统 全球定位系統 卫星定位 衛星定位 卫星定位系统 衛星定位系統
BeiDou: 北斗
satellite navigation: 卫星导航 衛星導航 导航卫星 導航衛星
navigation systems: 导航系统 導航系統 导航设备 導航設備
signal: 信号 信號 讯号 訊號
interference: 干扰 干擾 信号干扰 信號干擾 电磁干扰 電磁干擾
jamming: 屏蔽 压制 壓制 阻塞干扰 阻塞干擾 电子干扰 電子干擾
helicopter: 直升机 直升機
jammer: 干扰器 干擾器 干扰机 干擾機
spoofing: 欺骗 欺騙 诱骗 誘騙 欺骗干扰 欺騙干擾 伪造信号 偽造信號
false: 虚假 虛假 错误 錯誤
lost: 丢失 丟失 失去
failure: 失灵 失靈 故障 中断 中斷
unavailable: 无法使用 無法使用 不能使用 失效
went dark: 熄灭 熄滅
disappeared: 消失
problems: 异常 異常 问题 問題
aircraft: 飞机 飛機 客机 客機 航空器 民航客机 民航客機 班机 班機 民航机 民航機 客机上
aircraft: 专机 專機 座机 座機 客运飞机 客運飛機
military aircraft: 战机 戰機 军机 軍機
flight: 航班
most: 大部分 大多数 大多數 多数 多數
Published: 发布时间 發布時間 发布日期 發布日期 發佈時間 发表时间 發表時間
Updated: 更新时间 更新時間
flights: 航班们
pilots: 飞行员 飛行員
captain: 机长 機長
crew: 机组 機組 机组人员 機組人員
airport: 机场 機場 国际机场 國際機場
airline: 航空公司
passengers: 乘客 旅客
runway: 跑道
air traffic control: 空管 空中交通管制 塔台
airspace: 空域 领空 領空
aviation: 民航 航空 民航局
approach: 进近 進近
landing: 降落 着陆 著陸
during landing: 降落时 降落時 着陆时 著陸時 降落过程中 降落過程中
preparing to land: 准备降落 準備降落 即将降落 即將降落
before landing: 降落前 着陆前 著陸前
could not land: 无法降落 無法降落 未能降落 无法着陆 無法著陸
take-off: 起飞 起飛
diverted: 备降 備降 改降 转降 轉降
returned: 返航 折返
go-around: 复飞 復飛
landed: 落地 着陆了 降落在
deviated: 偏航 偏离航线 偏離航線 偏离 偏離
circled: 盘旋 盤旋
reported: 报告 報告 通报 通報 报告称 報告稱
said: 表示 指出 透露
happened: 发生 發生 出现 出現
affected: 影响 影響 受到影响 受到影響
detected: 检测到 檢測到 发现 發現
in: 在 于 於
from: 从 從 自
to: 飞往 飛往 前往 抵达 抵達
@over: 上空
@near: 附近 周边 周邊
area: 南部 北部 东部 東部 西部 中部 东南部 東南部 东北部 東北部 西南部 西北部
border: 边境 邊境
no: 没有 沒有
denied: 否认 否認
ships: 船舶 船只 船隻 舰船 艦船 船
drones: 无人机 無人機
military: 军方 軍方 军事 軍事 军队 軍隊
exercise: 演习 演習
incidents: 事件 事故
thousands of: 数千 數千 上千 数以千计 數以千計
hundreds of: 数百 數百 上百
dozens of: 数十 數十 几十 幾十
many: 许多 許多 大量 众多 眾多 多个 多個
several: 多架 数架 數架 几架 幾架
experts: 专家 專家
every day: 每天 每日
increasingly: 多发 多發 高发 高發 频发 頻發 越来越 越來越
number of: 数量 數量
statistics: 统计 統計 数据显示 數據顯示 数据 數據
on the rise: 飙升 飆升 激增 急剧增加 急劇增加 骤升 驟升
study: 研究
flights: 架次
phones: 手机 手機
cars: 汽车 汽車
could: 可能会 可能會 或将 或將
warned: 警告 警示 提醒
phones: 手机 手機 智能手机 智能手機
cars: 汽车 汽車 车辆 車輛 出租车 出租車 网约车 網約車
because of: 因为 因為 由于 由於
position: 位置
every: 每
en route: 飞行途中 飛行途中 航行途中
navigation: 导航 導航
emergency landing: 紧急降落 緊急降落 紧急迫降 緊急迫降 迫降
approaching: 接近 飞近 飛近 临近 臨近
""",
    "ja": """
suspended: 運休 運航停止 運航を停止
GPS: 全地球測位システム
satellite navigation: 衛星測位 衛星測位システム 衛星航法
signal: 信号 電波
jamming: 妨害 電波妨害 妨害電波 ジャミング
helicopter: ヘリコプター ヘリ
interference: 干渉 障害
spoofing: なりすまし スプーフィング 偽装 偽の信号
false: 偽の 誤った
lost: 失った 喪失
failure: 故障 途絶
unavailable: 使えなく 使えない 使用できなく 使用できない 利用できなく 機能しなく
problems: 異常 不具合
aircraft: 航空機 旅客機 飛行機 機体 民間機 民間航空機 搭乗機 専用機 政府専用機
military aircraft: 軍用機 戦闘機
flight: フライト
most: 大半 大部分 ほとんど 大多数
several: 複数 数機
many: 多くの 多数の
dozens of: 数十
hundreds of: 数百
thousands of: 数千
ICAO: 国際民間航空機関
authorities: 当局
Published: 公開日 配信日 掲載日 公開日時 配信日時
Updated: 更新日 更新日時
pilots: 操縦士 パイロット
captain: 機長
crew: 乗員 乗務員
airport: 空港 国際空港
airline: 航空会社
passengers: 乗客
runway: 滑走路
air traffic control: 管制 航空管制 管制官
airspace: 空域 領空
aviation: 航空 国土交通省
approach: 進入
landing: 着陸
attempting to land: 着陸しようと 着陸を試み
before landing: 着陸直前 着陸前
during landing: 着陸時 着陸の際 着陸する際 着陸中
could not land: 着陸できなかった 着陸できず
take-off: 離陸
diverted: 目的地変更 ダイバート 代替空港
returned: 引き返した 引き返し 引き返す
go-around: 着陸復行 ゴーアラウンド 復行
circled: 旋回
experienced: 遭遇
reported: 報告 報告した 報告された
said: 明らかにした 発表した 公開した 公表した
happened: 発生 発生した
affected: 影響
detected: 確認された 検知
@in: で に
@from: から
@to: へ
@by: による によって によるもの により
@over: 上空
@near: 付近 近く 周辺
@arriving in: に到着
area: 南部 北部 東部 西部 中部 南東部 北東部 南西部 北西部
border: 国境
ships: 船舶 船
drones: ドローン 無人機
military: 軍 自衛隊 軍事
exercise: 演習
incidents: 事案 事例
number of: 件数
every day: 毎日
increasingly: 多発 頻発 増えて
reports: 件
said: 指摘
statistics: 統計 データ
on the rise: 増加 急増
study: 研究
not: なかった ません
denied: 否定した 否定
could: 恐れ おそれ
warned: 警告 注意喚起
phones: スマートフォン スマホ 携帯電話
cars: 自動車 乗用車 タクシー カーナビ
because of: のため により
position: 位置
en route: 飛行中 航行中
navigation systems: ナビゲーションシステム 航法システム 航法装置
navigation: ナビゲーション 航法
emergency landing: 緊急着陸
""",
    # Korean: stems that particles follow ("교란을", "공항에서"); compounds by their tail
    # ("전파교란").
    "ko": """
suspended: 운항중단* 중단했* 중단됐* 운휴*
satellite navigation: 위성항법* 위성위치*
signal: 신호* 전파*
jamming: 교란* *교란 재밍* 방해전파*
helicopter: 헬기* 헬리콥터*
interference: 간섭* 방해*
spoofing: 스푸핑* 기만*
attack: 공격*
false: 가짜* 허위*
lost: 상실* 잃* 끊*
failure: 고장* 먹통*
problems: 장애* 오류* 이상*
aircraft: 항공기* 민항기* 여객기* 비행기* 전용기* *항공기 *여객기 *전용기
circled: 선회*
military aircraft: 군용기* 전투기*
flight: 항공편* 운항*
most: 대부분
ICAO: 국제민간항공기구 국제민항기구
Published: 입력 기사입력 최초입력
Updated: 최종수정 업데이트
pilots: 조종사*
captain: 기장*
crew: 승무원*
airport: 공항* *공항
airline: 항공사*
passengers: 승객* 탑승객*
runway: 활주로*
air traffic control: 관제*
airspace: 영공* 공역*
aviation: 항공
South Korea aviation: 국토교통부* 국토부*
approach: 접근*
landing: 착륙*
during landing: 착륙_중 착륙하던_중 착륙하는_과정에서 착륙_과정에서
before landing: 착륙_직전 착륙_전
attempting to land: 착륙하려던 착륙하려다 착륙하려고
attempting to land: 착륙을_시도하던_중 착륙을_시도하던 착륙을_시도하는
go-around: 복행*
take-off: 이륙*
returned: 회항*
reported: 보고* 신고*
said: 밝혔* 말했*
happened: 발생*
confirmed: 확인됐* 확인되*
detected: 탐지*
@over: 상공*
@near: 인근* 부근* 근처*
border: 접경* 경계선* 북방한계선*
South Korea military: 합참* 합동참모본부* 국방부*
military: 군사*
ships: 선박* 어선* 함정*
drones: 드론* 무인기*
exercise: 훈련*
not: 않*
denied: 부인했*
yesterday: 어제*
every day: 매일*
every year: 매년* 해마다
on the rise: 늘고 늘어* 늘었*
statistics: 집계*
cases: 건
number of: 건수*
statistics: 통계*
on the rise: 증가*
GPS: 지피에스
diverted: 우회*
experienced: 겪*
could: 수_있다 수_있는 수_있어 수_있을
warned: 경고*
phones: 휴대폰* 스마트폰* 휴대전화*
cars: 자동차* 차량* 택시*
position: 위치*
en route: 비행_중 운항_중
navigation systems: 항법장치* 항법시스템*
navigation: 내비게이션* 항법*
emergency landing: 비상착륙* 긴급착륙* 비상_착륙했다 긴급_착륙했다 비상_착륙을 긴급_착륙을
navigation systems: 항법_장치
""",
    # Arabic: forms after the conjunction, preposition and article are removed (:mod:`.scripts`),
    # folded as :func:`.placenames.fold_script` folds them (ة -> ه, أ -> ا, no vowel marks).
    "ar": """
suspended: علقت تعليق اوقفت
GPS: جي_بي_اس جي_بي_ايس جي.بي.اس نظام_التموضع_العالمي نظام_تحديد_المواقع_العالمي
GPS: نظام_تحديد_الموقع_العالمي نظام_الملاحه_العالمي
satellite navigation: الملاحه_بالاقمار_الصناعيه الملاحه_عبر_الاقمار_الصناعيه
navigation systems: نظم_ملاحه انظمه_الملاحه انظمه_ملاحه نظم_الملاحه
navigation: ملاحه الملاحي
signal: اشاره اشارات
jamming: تشويش* تشوش* يشوش* شوش*
helicopter: مروحية مروحيه مروحيات
interference: تداخل* تداخلت
spoofing: خداع* انتحال*
false: مزيف* زائف* مزوره خاطئ*
lost: فقد* افقد*
problems: صعوبات مشاكل مشكله اضطراب* اعطال عطل
drones: طائره_مسيره طائرات_مسيره مسيره مسيرات درون
aircraft: طائره طائرتين طائرتان
planes: طائرات
flight: رحله
flights: رحلات
several: عده
dozens of: عشرات
pilots: طيار طيارين طيارون طياري
captain: قائد_الطائره
crew: طاقم
airport: مطار
airports: مطارات
airline: شركه_طيران
passengers: ركاب مسافرين مسافرون
runway: مدرج* مدارج
air traffic control: المراقبه_الجويه برج_المراقبه
airspace: المجال_الجوي الاجواء اجواء
territory: الاراضي اراضي
air traffic: حركه_الطيران الحركه_الجويه
aviation: طيران الطيران_المدني
approach: اقتراب*
landing: هبوط*
during landing: اثناء_هبوطها اثناء_هبوطه اثناء_الهبوط خلال_هبوطها خلال_الهبوط عند_هبوطها عند_الهبوط
before landing: قبل_هبوطها قبل_هبوطه قبل_الهبوط
preparing to land: استعدادها_للهبوط استعداده_للهبوط الاستعداد_للهبوط
landed: هبطت هبط تهبط
arriving at: القادمه_الى القادمه_الي
circled: حلق* تحلق*
take-off: اقلاع
emergency landing: هبوط_اضطراري
diverted: تحويل* تغيير_مسار* تغيير_مسارات*
returned: عادت عاد العوده
reported: ابلغ* افاد* بلاغ* بلاغات
said: قال قالت اعلن* اوضح* صرح*
Published: نشر_في نشر_بتاريخ تاريخ_النشر
Updated: اخر_تحديث
happened: حدث وقع وقعت
affected: تاثر* اثر
had to: اضطر*
could: يمكن_ان يمكن
warned: حذر حذرت يحذر تحذير*
nearly: كادت كاد
detected: رصد*
over: فوق
in: في داخل
from: من
to: الي نحو
near: قرب بالقرب
border: حدود* الحدودي الحدوديه
not: لم
no: لا
have not reported any: لم_نسجل_اي لم_يسجل_اي لم_تسجل_اي لم_نسجل لم_تسجل لم_يسجل
have not reported any: لم_يتم_تسجيل_اي لم_يتم_تسجيل لم_يتم_رصد_اي لم_يتم_رصد
denied: نفى نفت ينفي تنفي
ships: سفن سفينه
military: عسكري* الجيش جيش
exercise: مناوره* تمرين
yesterday: امس
incidents: حالات حادث* حوادث
every day: يوميا
number of: عدد
statistics: احصائي* احصاء*
on the rise: تزايد* ارتفاع
phones: هاتف هواتف الهواتف_الذكيه جوال
cars: سيارات سياره سيارات_الاجره
position: موقع مواقع موقعا موقعها
because of: بسبب
en route: اثناء_الطيران خلال_الرحله
""",
    "he": """
suspended: השעתה השעיית השעיה
GPS: ג'י_פי_אס ג'יפיאס
jamming: שיבוש* שיבושי* משבש*
helicopter: מסוק מסוקים
spoofing: הטעיה* זיוף*
aircraft: מטוס
planes: מטוסים
flight: טיסה טיסת
flights: טיסות
several: כמה מספר
dozens of: עשרות
pilots: טייס טייסים
airport: נמל_התעופה שדה_התעופה
landing: נחיתה נחיתות
during landing: בזמן_הנחיתה במהלך_הנחיתה בעת_הנחיתה
before landing: לפני_הנחיתה
descent: הנמכה
take-off: המראה המראות
approach: גישה התקרב* מתקרב*
airspace: המרחב_האווירי
aviation: תעופה רשות_התעופה_האזרחית
said: אמר אמרה מסר מסרה הודיע הודיעה הודיעו
reported: דיווח*
over: מעל
near: ליד סמוך
not: לא
denied: הכחיש*
have not reported any: לא_דווח_על לא_דווחו לא_דווח לא_זוהו לא_נרשמו
returned: חזר חזרה
diverted: הוסט* הסטה
signal: אות אותות האות
interference: הפרעה הפרעות הפרעת שיבוש_קליטה
jamming: ג'מינג
spoofing: ספופינג
false: מזויף מזויפים מזויפות
lost: איבד* אבד* נותק* נעלם
failure: כשל* תקלה תקלות
experienced: חווה חוו
affected: הושפע* נפגע*
had to: נאלץ* נאלצו
landed: נחת נחתו
emergency landing: נחיתת_חירום
airport: נמל_תעופה שדה_תעופה
crew: צוות צוות_האוויר
navigation systems: מערכת_הניווט מערכות_ניווט מערכת_ניווט
navigation: ניווט הניווט
satellite navigation: ניווט_לווייני הניווט_הלווייני ניווט_הלווייני
could: עלול עלולה עלולים עשוי יכול
warned: הזהיר* אזהרה
statistics: נתונים סטטיסטיקה
on the rise: עלייה עליות גידול זינק
recently: לאחרונה
phones: טלפון טלפונים סמארטפון סלולרי
cars: מכוניות מכונית רכב רכבים
because of: בגלל עקב
position: מיקום
ships: ספינות ספינה אוניות
drones: רחפן רחפנים
military: צבא צה"ל צבאי
passengers: נוסעים
airline: חברת_התעופה חברות_התעופה
runway: מסלול_הנחיתה המסלול
incidents: אירועים מקרים
""",
    # Hindi: postpositions follow the noun ("म्यांमार में": in Myanmar); Devanagari folded as
    # :func:`.placenames.fold_script` folds it (no nukta).
    "hi": """
suspended: निलंबित
GPS: जीपीएस ग्लोबल_पोजिशनिंग_सिस्टम
spoofing: स्पूफिंग
jamming: जैमिंग
helicopter: हेलीकॉप्टर हेलिकॉप्टर
jammed: जाम
interference: हस्तक्षेप व्यवधान छेडछाड बाधा
signal: सिग्नल
navigation systems: नेविगेशन_सिस्टम नेविगेशन_प्रणाली
navigation: नेविगेशन
satellite navigation: उपग्रह_नेविगेशन सैटेलाइट_नेविगेशन उपग्रह_आधारित_नेविगेशन
false: गलत नकली फर्जी फेक
lost: खो
problems: समस्या समस्याएं समस्याओं दिक्कत* गडबड*
lost: गायब
aircraft: विमान एयरक्राफ्ट
planes: विमानों
flight: उडान फ्लाइट
flights: उडानों उडानें फ्लाइट्स फ्लाइटों
several: कई अनेक
dozens of: दर्जनों
flight number: उडान_संख्या विमान_संख्या फ्लाइट_नंबर
pilots: पायलट पायलटों
crew: चालक_दल
airport: एयरपोर्ट हवाई_अड्डा हवाई_अड्डे
airline: एयरलाइन एयरलाइंस
passengers: यात्री यात्रियों
runway: रनवे
air traffic control: एटीसी हवाई_यातायात_नियंत्रण एयर_ट्रैफिक_कंट्रोल
airspace: हवाई_क्षेत्र एयरस्पेस
aviation: विमानन नागर_विमानन
DGCA: डीजीसीए
air force: वायुसेना वायु_सेना
approach: अप्रोच
landing: लैंडिंग उतरते उतरने उतरना
while landing: उतरते_समय उतरते_वक्त
during landing: लैंडिंग_के_दौरान
before landing: लैंडिंग_से_पहले उतरने_से_पहले
landed: उतरा उतरी उतरे लैंड_किया लैंड_की लैंड_कराया
circled: चक्कर
affected: शिकार
take-off: टेकऑफ टेक_ऑफ उडान_भरने उडान_भरी उडान_भरते
emergency landing: आपात_लैंडिंग इमरजेंसी_लैंडिंग
could not land: लैंड_नहीं_कर_पाई लैंड_नहीं_कर_पाया लैंड_नहीं_कर_पाए
could not land: उतर_नहीं_पाई उतर_नहीं_पाया उतर_नहीं_सका उतर_नहीं_सकी
without landing: उतरे_बिना लैंड_किए_बिना
diverted: डायवर्ट
returned: लौटा लौटी लौटे लौटना लौट
reported: सूचना_दी रिपोर्ट_की
said: कहा बताया
were sent: भेजे_जा_रहे भेजा_जा_रहा भेजी_जा_रही भेजे_गए भेजा_गया भेजी_गई भेजे_गये भेजा_गये
experienced: सामना
affected: प्रभावित
was: हुआ हुई हुए
@in: में
@from: से
@to: को
@at: पर
@over: ऊपर
@near: पास निकट नजदीक
border: सीमा
drones: ड्रोन
not: नहीं
denied: खंडन इनकार इंकार
incident: घटना
incidents: घटनाओं घटनाएं
every day: हर_दिन रोजाना प्रतिदिन
number of: संख्या
statistics: आंकडे आंकडों
could: सकता सकती सकते
warned: चेतावनी आगाह
on the rise: बढोतरी वृद्धि इजाफा
phones: फोन मोबाइल स्मार्टफोन
cars: कार कारों गाडी गाडियों टैक्सी
because of: के_कारण की_वजह_से
ships: जहाजों पोत
military: सेना सैन्य
""",  # Punjabi in Gurmukhi, folded as :func:`.placenames.fold_script` folds it (no nukta:
    # "ਜਹਾਜ਼" is written "ਜਹਾਜ"); postpositions follow the noun, as in Hindi.
    "pa": """
suspended: ਮੁਅੱਤਲ
GPS: ਜੀਪੀਐਸ ਜੀਪੀਐੱਸ ਜੀ_ਪੀ_ਐਸ ਜੀ_ਪੀ_ਐੱਸ
spoofing: ਸਪੂਫਿੰਗ
jamming: ਜੈਮਿੰਗ
helicopter: ਹੈਲੀਕਾਪਟਰ
jammed: ਜਾਮ
interference: ਦਖਲਅੰਦਾਜੀ ਦਖ਼ਲਅੰਦਾਜ਼ੀ ਛੇੜਛਾੜ ਵਿਘਨ ਰੁਕਾਵਟ
signal: ਸਿਗਨਲ ਸਿਗਨਲਾਂ
false: ਗਲਤ ਨਕਲੀ ਫੇਕ ਝੂਠੇ
lost: ਗੁਆ* ਗਾਇਬ
problems: ਸਮੱਸਿਆ ਦਿੱਕਤ* ਖਰਾਬੀ ਗੜਬੜ*
ships: ਸਮੁੰਦਰੀ_ਜਹਾਜ ਸਮੁੰਦਰੀ_ਜਹਾਜਾਂ
aircraft: ਜਹਾਜ ਹਵਾਈ_ਜਹਾਜ ਵਿਮਾਨ
planes: ਜਹਾਜਾਂ
flight: ਉਡਾਣ ਫਲਾਈਟ
flights: ਉਡਾਣਾਂ ਫਲਾਈਟਾਂ
flight number: ਉਡਾਣ_ਨੰਬਰ ਫਲਾਈਟ_ਨੰਬਰ
pilots: ਪਾਇਲਟ ਪਾਇਲਟਾਂ
airport: ਹਵਾਈ_ਅੱਡੇ ਹਵਾਈ_ਅੱਡਾ ਏਅਰਪੋਰਟ
airline: ਏਅਰਲਾਈਨ
passengers: ਯਾਤਰੀ ਯਾਤਰੀਆਂ ਮੁਸਾਫਰ
runway: ਰਨਵੇਅ ਰਨਵੇ ਹਵਾਈ_ਪੱਟੀ
landing: ਲੈਂਡਿੰਗ ਉਤਰਨਾ ਉਤਰਨ
during landing: ਲੈਂਡਿੰਗ_ਦੌਰਾਨ ਲੈਂਡਿੰਗ_ਦੇ_ਦੌਰਾਨ
while landing: ਉਤਰਨ_ਵੇਲੇ ਉਤਰਦੇ_ਸਮੇਂ
landed: ਉਤਰਿਆ ਉਤਰੀ
could not land: ਉਤਰ_ਨਹੀਂ_ਸਕਿਆ ਉਤਰ_ਨਹੀਂ_ਸਕੀ ਲੈਂਡ_ਨਹੀਂ_ਕਰ_ਸਕਿਆ ਲੈਂਡ_ਨਹੀਂ_ਕਰ_ਸਕੀ
without landing: ਬਿਨਾਂ_ਉਤਰੇ
circled: ਚੱਕਰ
returned: ਵਾਪਸ_ਪਰਤੀ ਵਾਪਸ_ਪਰਤਿਆ ਪਰਤੀ ਪਰਤਿਆ ਮੁੜਨਾ ਵਾਪਸ_ਮੋੜ
diverted: ਡਾਇਵਰਟ
delayed: ਦੇਰੀ
take-off: ਟੇਕਆਫ
said: ਕਿਹਾ ਦੱਸਿਆ
reported: ਰਿਪੋਰਟ
affected: ਪ੍ਰਭਾਵਿਤ
experienced: ਸਾਹਮਣਾ
@in: ਵਿਚ ਵਿੱਚ ਚ
@from: ਤੋਂ
@to: ਨੂੰ
@over: ਉੱਪਰ ਉਪਰ
@near: ਨੇੜੇ
border: ਸਰਹੱਦ ਸਰਹੱਦੀ ਬਾਰਡਰ
drones: ਡਰੋਨ
military: ਫੌਜ ਫੌਜੀ
not: ਨਹੀਂ
denied: ਖੰਡਨ ਇਨਕਾਰ
incident: ਘਟਨਾ
incidents: ਘਟਨਾਵਾਂ
number of: ਗਿਣਤੀ
every day: ਰੋਜਾਨਾ ਹਰ_ਰੋਜ
approach: ਅਪ੍ਰੋਚ ਪਹੁੰਚ
could: ਸਕਦਾ ਸਕਦੀ ਸਕਦੇ
warned: ਚੇਤਾਵਨੀ
on the rise: ਵਾਧਾ
phones: ਫੋਨ ਮੋਬਾਈਲ
cars: ਕਾਰ ਗੱਡੀ ਗੱਡੀਆਂ ਟੈਕਸੀ
because of: ਕਾਰਨ ਦੇ_ਕਾਰਨ
""",
    # Urdu, in Arabic script (folded as :func:`.placenames.fold_script` folds it: "ی" -> "ي",
    # "ک" -> "ك", "ہ" -> "ه"); postpositions follow the noun, as in Hindi ("لاہور میں").
    "ur": """
suspended: معطل معطلی
GPS: جی_پی_ایس جی_پی_اس جی.پی.ایس گلوبل_پوزیشننگ_سسٹم
GNSS: جی_این_ایس_ایس
satellite navigation: سیٹلائٹ_نیوی_گیشن سیٹلائٹ_نیویگیشن
navigation systems: نیوی_گیشن_سسٹم نیویگیشن_سسٹم
signal: سگنل سگنلز سگنلوں
jamming: جیمنگ جیم*
helicopter: ہیلی_کاپٹر ہیلی_کاپٹرز
jammed: جام_کر جام_کیا جام_کردیا
spoofing: اسپوفنگ سپوفنگ اسپوفنگ_کی
interference: مداخلت خلل رکاوٹ
false: جعلی غلط
lost: غائب کھو* گم
problems: دشواری دشواریوں مشکلات مشکل مسئلہ مسائل خرابی پیچیدگی
aircraft: طیارہ طیارے جہاز ہوائی_جہاز مسافر_طیارہ
planes: طیاروں جہازوں
flight: پرواز فلائٹ
flights: پروازوں پروازیں فلائٹس
several: کئی متعدد
dozens of: درجنوں
pilots: پائلٹ پائلٹس پائلٹوں ہوا_باز
captain: کپتان کپتانوں
crew: عملہ عملے
airport: ایئرپورٹ ایئر_پورٹ ائیرپورٹ ائیر_پورٹ ہوائی_اڈہ ہوائی_اڈے
airports: ایئرپورٹس ائیرپورٹس ہوائی_اڈوں
airline: ایئرلائن ایئر_لائن ایئرلائنز
passengers: مسافر مسافروں
runway: رن_وے رنوے
air traffic control: ایئر_ٹریفک_کنٹرول ائیر_ٹریفک_کنٹرول کنٹرول_ٹاور
air traffic control: ایئر_ٹریفک_کنٹرولر ائیر_ٹریفک_کنٹرولر
airspace: فضائی_حدود
aviation: ہوابازی سول_ایوی_ایشن ایوی_ایشن سول_ایوی_ایشن_اتھارٹی
NOTAM: نوٹم ناٹم
approach: اپروچ
landing: لینڈنگ اترنے اتارنے
during landing: لینڈنگ_کے_دوران اترنے_کے_دوران
while landing: اترتے_وقت
landed: اترا اتری اترے لینڈ_کیا لینڈ_کروایا لینڈ_کر_گیا لینڈ_ہوا
emergency landing: ایمرجنسی_لینڈنگ ہنگامی_لینڈنگ
could not land: لینڈ_نہیں_کر_سکا لینڈ_نہیں_کر_سکی اتر_نہیں_سکا اتر_نہیں_سکی
take-off: ٹیک_آف اڑان_بھرنے اڑان
diverted: ڈائیورٹ ڈائیورٹ_کر رخ_موڑ
returned: واپس_لوٹ واپس_آ_گیا لوٹ_آیا واپس_لوٹا
circled: چکر_لگا چکر_لگاتا
reported: رپورٹ رپورٹ_ہوئی اطلاع اطلاعات شکایات
said: کہا بتایا کہنا
happened: پیش_آیا پیش_آرہا
affected: متاثر
experienced: سامنا
warned: خبردار انتباہ
denied: تردید
could: سکتا سکتی سکتے
not: نہیں نہ
no: کوئی_نہیں
@in: میں
@from: سے
@to: کو
@at: پر
@near: کے_قریب کے_نزدیک کے_اطراف قریب نزدیک اطراف
@over: کے_اوپر اوپر
border: سرحد سرحدی
drones: ڈرون ڈرونز
ships: بحری_جہاز بحری_جہازوں
military: فوج فوجی
exercise: مشقوں مشق
incident: واقعہ
incidents: واقعات
number of: تعداد
statistics: اعداد_و_شمار
on the rise: اضافہ
every day: روزانہ ہر_روز
more than: سے_زائد سے_زیادہ
and: اور
phones: فون موبائل
cars: گاڑی گاڑیاں گاڑیوں کار ٹیکسی
because of: کی_وجہ_سے کے_باعث
""",
    # Persian, in Arabic script (folded as Urdu is; the zero-width non-joiner dropped, so
    # "هواپیما‌ها" is "هواپیماها"); prepositions before the noun ("در تهران"), as in Arabic.
    "fa": """
suspended: تعلیق متوقف
GPS: جی_پی_اس جی‌پی‌اس جی.پی.اس سامانه_موقعیت_یاب_جهانی سیستم_موقعیت_یابی_جهانی
GNSS: جی_ان_اس_اس
satellite navigation: ناوبری_ماهواره_ای ناوبری_ماهواره‌ای
navigation systems: سامانه_ناوبری سیستم_ناوبری سامانه‌های_ناوبری تجهیزات_ناوبری
navigation: ناوبری
signal: سیگنال سیگنال‌ها سیگنال‌های امواج
jamming: پارازیت* جمینگ اختلال_عمدی
helicopter: بالگرد* هلیکوپتر*
interference: اختلال اختلالات تداخل
spoofing: اسپوفینگ فریب جعل_سیگنال
false: جعلی نادرست غلط
lost: از_دست_داد از_دست_رفت قطع_شد
failure: قطع قطعی نقص
problems: مشکل مشکلات خرابی
aircraft: هواپیما هواپیمای هواپیمایش
planes: هواپیماها هواپیماهای
airline: شرکت_هواپیمایی هواپیمایی
aviation: هوانوردی سازمان_هواپیمایی_کشوری هواپیمایی_کشوری
flight: پرواز
flights: پروازها پروازهای
several: چند چندین
dozens of: ده‌ها دهها
pilots: خلبان خلبانان
crew: خدمه
captain: کاپیتان
airport: فرودگاه
airports: فرودگاه‌ها فرودگاه‌های
passengers: مسافران مسافر
runway: باند_پرواز باند_فرودگاه
air traffic control: مراقبت_پرواز کنترل_ترافیک_هوایی برج_مراقبت مرکز_کنترل_فضای_کشور
airspace: حریم_هوایی فضای_هوایی
approach: تقرب نزدیک_شدن
landing: فرود
during landing: هنگام_فرود در_حین_فرود
before landing: پیش_از_فرود قبل_از_فرود
landed: فرود_آمد فرود_آمدند فرود_آمده به_زمین_نشست
emergency landing: فرود_اضطراری
could not land: نتوانست_فرود_بیاید
take-off: برخاستن
diverted: تغییر_مسیر منحرف انحراف_مسیر انحراف
lost: قطع_شدند از_دست_دادند
returned: بازگشت* برگشت*
circled: دور_زد
reported: گزارش گزارش_داد گزارش_شد
said: گفت اعلام_کرد
happened: رخ_داد اتفاق_افتاد
affected: تحت_تاثیر
experienced: دچار
denied: تکذیب صحت_ندارد
warned: هشدار
delayed: تاخیر
could: ممکن_است می‌تواند
not: نه
no: هیچ
in: در
to: به
from: از
over: بر_فراز فراز بالای
near: نزدیک نزدیکی حوالی اطراف
border: مرز
drones: پهپاد پهپادها
ships: کشتی کشتی‌ها
military: نظامی ارتش
exercise: رزمایش
incident: حادثه رویداد
incidents: حوادث
number of: تعداد
statistics: آمار
on the rise: افزایش
every day: هر_روز روزانه
more than: بیش_از
and: و
phones: گوشی گوشی‌ها تلفن_همراه موبایل
cars: خودرو خودروها ماشین تاکسی
because of: به_دلیل به_علت
""",
    # Icelandic (session 15): nouns carry their article and case as endings ("flugvélin", the
    # aircraft; "flugvélarinnar", of the aircraft), so most lines list a stem with "*";
    # compounds are written as one word ("leiðsögukerfi", navigation system).
    "is": """
suspended: aflýst* aflýsti aflýstu frestað* frestaði gert_hlé hlé_á
without: án
last year: í_fyrra á_síðasta_ári
more than: meira_en fleiri_en rúmlega
had: hafði höfðu
happened: gerðist átti_sér_stað áttu_sér_stað
affected: varð_fyrir urðu_fyrir
detected: greindist greindust urðu_vart_við varð_vart_við
and: og
position: staðsetning*
every: hver hvert hverja öll allar
satellite navigation: gervihnattaleiðsög* gervitunglaleiðsög* gervihnattastaðsetning*
navigation systems: leiðsögukerf* leiðarkerf* leiðsögubúnað* staðsetningarkerf*
signal: merki merkið merkja merkin merkisins
interference: truflun* truflan* truflað* truflaði trufluðu
jamming: jamming* *truflun *truflanir *truflunum
jammer: truflunarbúnað* truflar*
spoofing: spoofing* fölsun* falsað*
false: falsk* fölsk*
problems: vandræð* vandamál* erfiðleik*
lost: missti misstu datt_út duttu_út hvarf hurfu tapaði töpuðu
losing: missa tapa
failed: bilaði biluðu óvirk* varð_óvirkt
knocked out: gert_óvirkt gerð_óvirk
planes: flugvélarnar flugvélar flugvélum vélarnar
aircraft: flugvél* vélin vélinni vélarinnar farþegaþot* farþegaflugvél* þota þotan þotunni þotunnar
flight: flugið fluginu flugsins flugferð*
flights: flugferðir flugferðum flugferða
pilots: flugmenn flugmennirnir flugmönnum flugmanna flugmaður flugmaðurinn flugmanninum
crew: áhöfn*
captain: flugstjóri* flugstjóra*
airport: flugvöll* flugvell* flugvall* flugstöð*
airline: flugfélag*
helicopter: þyrla þyrlan þyrlu þyrlunni þyrlunnar
passengers: farþeg*
runway: flugbraut*
air traffic control: flugumferðarstjór* flugturn*
airspace: lofthelg* loftrým*
aviation: flugmál* flugumferð* flugiðnað*
approach: aðflug*
landing: lending lendingu lendingin lendinguna lendingar*
landed: lenti lentu lent
emergency landing: nauðlend* neyðarlend*
could not land: gat_ekki_lent gátu_ekki_lent gat_ekki_lent_á tókst_ekki_að_lenda
take-off: flugtak* tók_á_loft
diverted: beint_til beint_annað snúið_til
returned: sneri_aftur snéri_aftur sneru_aftur fór_aftur
turned back: sneri_við snéri_við sneru_við snúa_við
circled: hringsól*
had to: þurfti_að þurftu_að neyddist_til neyddust_til
flew: flaug flugu
en route: á_leiðinni á_leið_sinni á_leið
reported: tilkynnti tilkynntu tilkynnt greindi_frá greindu_frá greint_frá
experienced: lenti_í lentu_í
was: var varð
were: voru urðu
said: sagði sögðu segir segja
over: yfir
near: nálægt nærri skammt_frá
in: í á
to: til
from: frá
because of: vegna af_völdum sökum
border: landamær*
not: ekki
no: engin enginn ekkert engar
can: getur geta gæti gætu
affect: hafa_áhrif_á haft_áhrif_á
warns that: varar_við varaði_við vöruðu_við
this year: í_ár á_þessu_ári
the next day: daginn_eftir
number of: fjöldi fjölda
statistics: tölfræði*
rise in: aukning* fjölgun*
on the rise: færst_í_aukana aukist
incidents: atvik atvikið atvikum atvika atvikin tilvik*
ships: skip skipum skipa skipin bátar bátum
cars: bíl bílar bílum bíla
phones: farsím* síma símar
drones: dróna* drónar
military: hernaðar* varnarmál* herinn hersins herflugvél*
""",
    # Vietnamese (session 16): words of one syllable each, written apart, so most cues are
    # phrases ("máy_bay", aircraft: machine that flies); no inflection for tense or number
    # ("hạ_cánh" is land and landed; "đã" marks the past); the passive with "bị" ("bị_gây_nhiễu",
    # was jammed). Longer phrases are read first ("máy_bay_không_người_lái", a drone, before
    # "máy_bay"). A noun says no number: an aircraft of a class ("máy_bay_quân_sự", military
    # aircraft; "máy_bay_dân_dụng", civil aircraft) is the class unless a classifier makes it
    # one ("chiếc_máy_bay_quân_sự").
    "vi": """
suspended: tạm_dừng tạm_ngừng đình_chỉ ngừng_khai_thác hủy_chuyến hủy_bỏ hủy
without: không_cần thiếu
last year: năm_ngoái năm_trước
more than: hơn nhiều_hơn
had: đã_có từng_có
happened: xảy_ra diễn_ra xảy_đến
affected: ảnh_hưởng ảnh_hưởng_đến ảnh_hưởng_tới
affected: bị_ảnh_hưởng chịu_ảnh_hưởng
detected: phát_hiện ghi_nhận phát_hiện_ra
and: và cùng_với
position: vị_trí tọa_độ toạ_độ
every: mỗi mọi
every day: mỗi_ngày hàng_ngày hằng_ngày
satellite navigation: định_vị_vệ_tinh điều_hướng_vệ_tinh dẫn_đường_vệ_tinh định_vị_toàn_cầu
satellite navigation: hệ_thống_định_vị_toàn_cầu tín_hiệu_vệ_tinh
navigation systems: hệ_thống_định_vị hệ_thống_dẫn_đường hệ_thống_điều_hướng thiết_bị_định_vị
navigation systems: thiết_bị_dẫn_đường hệ_thống_định_vị_vệ_tinh
navigation: định_vị dẫn_đường điều_hướng
signal: tín_hiệu sóng
jamming: gây_nhiễu làm_nhiễu nhiễu_sóng phá_sóng gây_nhiễu_sóng chế_áp_điện_tử
jammed: bị_gây_nhiễu bị_làm_nhiễu bị_phá_sóng bị_nhiễu_sóng bị_nhiễu
jammer: thiết_bị_gây_nhiễu thiết_bị_phá_sóng máy_phá_sóng
interference: nhiễu can_thiệp can_nhiễu
disrupted: gián_đoạn bị_gián_đoạn
spoofing: giả_mạo giả_mạo_tín_hiệu đánh_lừa
false: giả sai sai_lệch không_chính_xác
problems: vấn_đề khó_khăn trục_trặc gặp_khó
errors: lỗi
incident: sự_cố vụ_việc
incidents: các_sự_cố những_sự_cố nhiều_sự_cố hàng_loạt_sự_cố các_vụ số_vụ
cases: trường_hợp các_trường_hợp những_trường_hợp nhiều_trường_hợp
not only: không_chỉ không_những
lost: mất bị_mất mất_tín_hiệu mất_sóng
disappeared: biến_mất
losing: việc_mất sự_mất
failed: hỏng tê_liệt không_hoạt_động ngừng_hoạt_động
knocked out: vô_hiệu_hóa vô_hiệu_hoá bị_vô_hiệu_hóa bị_vô_hiệu_hoá
drones: máy_bay_không_người_lái các_máy_bay_không_người_lái thiết_bị_bay_không_người_lái
drones: drone
planes: các_máy_bay những_máy_bay nhiều_máy_bay hàng_loạt_máy_bay các_phi_cơ các_tàu_bay
their planes: máy_bay_của_họ các_máy_bay_của_họ những_máy_bay_của_họ
thousands of flights: hàng_nghìn_chuyến_bay hàng_ngàn_chuyến_bay
thousands of: hàng_nghìn hàng_ngàn
hundreds of: hàng_trăm
dozens of: hàng_chục
military aircraft: chiếc_máy_bay_quân_sự chiếc_máy_bay_chiến_đấu
passenger aircraft: máy_bay_chở_khách chiếc_máy_bay_dân_dụng chiếc_máy_bay_thương_mại
military planes: máy_bay_quân_sự máy_bay_chiến_đấu chiến_đấu_cơ
passenger planes: máy_bay_dân_dụng máy_bay_thương_mại
aircraft: máy_bay phi_cơ tàu_bay chuyên_cơ
flight: chuyến_bay
flights: các_chuyến_bay những_chuyến_bay nhiều_chuyến_bay
pilots: các_phi_công những_phi_công
pilot: phi_công người_lái
captain: cơ_trưởng
crew: tổ_bay phi_hành_đoàn tổ_lái
airport: sân_bay phi_trường cảng_hàng_không
international airport: sân_bay_quốc_tế cảng_hàng_không_quốc_tế
airline: hãng_hàng_không hãng_bay
helicopter: trực_thăng máy_bay_trực_thăng
passengers: hành_khách
runway: đường_băng
air traffic control: kiểm_soát_không_lưu kiểm_soát_viên_không_lưu không_lưu đài_kiểm_soát
airspace: không_phận vùng_trời
aviation: hàng_không ngành_hàng_không
approach: tiếp_cận đang_tiếp_cận
landing: việc_hạ_cánh quá_trình_hạ_cánh
landed: hạ_cánh đáp_xuống hạ_cánh_an_toàn
landed in: hạ_cánh_xuống hạ_cánh_tại
preparing to land: chuẩn_bị_hạ_cánh sắp_hạ_cánh
during landing: khi_hạ_cánh trong_khi_hạ_cánh trong_quá_trình_hạ_cánh lúc_hạ_cánh
preparing to land in: chuẩn_bị_hạ_cánh_xuống sắp_hạ_cánh_xuống
emergency landing: hạ_cánh_khẩn_cấp hạ_cánh_bắt_buộc
could not land: không_thể_hạ_cánh không_hạ_cánh_được không_được_hạ_cánh
take-off: cất_cánh
diverted: chuyển_hướng đổi_hướng
diverted to: chuyển_hướng_sang chuyển_hướng_đến chuyển_hướng_tới
returned: quay_lại quay_về quay_trở_lại trở_lại trở_về
turned back: quay_đầu
circled: bay_vòng_quanh lượn_vòng bay_lòng_vòng
avoiding: bay_vòng_tránh vòng_tránh né_tránh
had to: phải buộc_phải đã_phải
forced to: bị_buộc_phải
flew: bay
flew over: bay_qua bay_ngang_qua
en route: trên_đường trên_đường_bay đang_bay trong_chuyến_bay trong_khi_bay trên_hành_trình
reported: báo_cáo thông_báo đưa_tin trình_báo
experienced: gặp gặp_phải trải_qua hứng_chịu
was: bị
did: đã
said: nói cho_biết tuyên_bố phát_biểu dẫn_lời
confirmed: xác_nhận
denied: bác_bỏ phủ_nhận
over: trên trên_bầu_trời phía_trên
near: gần gần_với lân_cận sát
in: ở tại trong
to: đến tới sang xuống
from: từ
because of: do vì bởi do_bị vì_bị
border: biên_giới
not: không chưa chẳng không_phải
no: không_có chưa_có
can: có_thể có_khả_năng
can affect: có_thể_ảnh_hưởng
warns that: cảnh_báo_rằng
warned: cảnh_báo
this year: năm_nay
the next day: ngày_hôm_sau hôm_sau ngày_tiếp_theo
number of: số_lượng số
statistics: thống_kê số_liệu
rise in: gia_tăng sự_gia_tăng
on the rise: tăng tăng_mạnh
increasingly: ngày_càng
ships: tàu tàu_thuyền tàu_biển tàu_thủy tàu_bè tàu_hàng
cars: ô_tô xe_hơi xe xe_cộ
phones: điện_thoại điện_thoại_di_động điện_thoại_thông_minh
military: quân_sự quân_đội
exercise: tập_trận
since: từ_khi kể_từ
several: một_số vài
recently: gần_đây mới_đây
route: đường_bay
days later: ngày_sau
weeks later: tuần_sau
months later: tháng_sau
years later: năm_sau
""",
    # Albanian (session 16): the article and case are endings ("avioni", the aircraft;
    # "avionit", of the aircraft; "avionët", the aircraft, plural), so most lines list the
    # forms of a word; the passive and the past take "u" ("u ul", landed; "u kthye", returned).
    "sq": """
suspended: pezulloi pezulluan pezulluar pezullim* anuloi anuluan anuluar anulim*
without: pa
last year: vitin_e_kaluar vjet vitin_e_shkuar vitit_të_kaluar
more than: më_shumë_se më_tepër_se
had: kishte kishin ka_pasur kanë_pasur
happened: ndodhi ndodhën ka_ndodhur kishte_ndodhur
affected: u_prek u_prekën prekur prekura ndikoi ndikuan ndikuar
detected: u_zbulua u_zbuluan zbuluan u_regjistrua u_regjistruan regjistruan u_vunë_re vërejtën
and: dhe
position: pozicion* vendndodhj* koordinat*
every: çdo
every day: çdo_ditë përditë
satellite navigation: navigim*_satelitor* navigacion*_satelitor* sistemi_global_i_pozicionimit
satellite navigation: sistemit_global_të_pozicionimit sistemi_i_pozicionimit_global
satellite navigation: sistemit_të_pozicionimit_global sinjal*_satelitor*
navigation systems: sistem*_e_navigimit sistem*_i_navigimit sistem*_të_navigimit
navigation systems: sistem*_e_navigacionit sistem*_i_navigacionit sistem*_të_navigacionit
navigation systems: pajisje*_e_navigimit pajisje*_të_navigimit sistem*_navigues*
navigation: navigim* navigacion*
signal: sinjal*
jamming: bllokim* bllokuar bllokohen bllokohet bllokoi bllokuan zhurmim* jamming*
jammer: pajisje*_bllokuese bllokues*
interference: ndërhyrj* ndërhyrës* interferenc* interferim* ndërprerj* çrregullim* pengim*
spoofing: mashtrim* falsifikim* spoofing* manipulim* manipulohen manipuluar
false: i_rremë të_rreme rreme rremë të_gabuara të_gabuar gabuar
problems: problem* vështirësi* defekt* probleme
lost: humbi humbën humbur u_zhduk u_zhdukën
disappeared: u_zhduk u_zhdukën
losing: humbj*
failed: dështoi dështuan dështim* nuk_funksiononte nuk_funksionuan u_prish
knocked out: u_çaktivizua çaktivizuar jashtë_funksionit
planes: avionë avionët avionëve avionet aeroplanë aeroplanët aeroplanëve
aircraft: avion avioni avionin avionit aeroplan aeroplani aeroplanin aeroplanit
flight: fluturim fluturimi fluturimin fluturimit
flights: fluturime fluturimet fluturimeve
pilot: pilot piloti pilotin pilotit
pilots: pilotë pilotët pilotëve
captain: kapiten* komandant*
crew: ekuipazh*
airport: aeroport*
airline: kompani*_ajrore linj*_ajrore kompanitë_ajrore kompania_ajrore
helicopter: helikopter*
passengers: pasagjer* udhëtarë udhëtarët udhëtarëve
runway: pistë pista pistën pistës pistat pistave
air traffic control: kontroll*_i_trafikut_ajror kontroll*_të_trafikut_ajror kontrollor*_ajror*
air traffic control: kontrollorët_e_trafikut kulla_e_kontrollit
air traffic: trafiku_ajror trafikut_ajror trafikun_ajror
airspace: hapësir*_ajrore hapësirat_ajrore
aviation: aviacion*
approach: afrim* po_afrohej afrohej u_afrua duke_u_afruar
landing: ulje ulja uljen uljes ateri* aterim*
during landing: gjatë_uljes gjatë_aterimit
before landing: para_uljes para_aterimit
landed: u_ul u_ulën ateroi ateruan aterroi aterruan zbriti
emergency landing: ulje*_emergjente ulje*_të_detyruar ulje*_e_detyruar ulje*_emergjence
could not land: nuk_mundi_të_ulej nuk_mund_të_ulej nuk_arriti_të_ulej nuk_u_ul nuk_mundën_të_uleshin
take-off: ngritje* u_ngrit u_ngritën niset nisje*
diverted: devijua devijoi devijuar u_devijua u_devijuan ridrejtua ridrejtuar u_ridrejtua
returned: u_kthye u_kthyen kthye kthyer të_kthehej të_ktheheshin u_rikthye
turned back: u_kthye_mbrapsh mbrapsh
circled: rrotullohej rrotullua vërtitej qarkoi qarkonte
had to: u_detyrua u_detyruan detyruar u_desh duhej duke_detyruar
flew: fluturoi fluturonte fluturuan fluturonin po_fluturonte
en route: gjatë_fluturimit rrugës_për_në rrugës_për në_rrugë_për gjatë_udhëtimit në_rrugë
reported: raportoi raportuan raportohet raportuar njoftoi njoftuan lajmëroi
experienced: përjetoi përjetuan u_përball_me u_përballën_me pësoi pësuan u_godit_nga
was: ishte u_bë
were: ishin
said: tha thanë deklaroi deklaruan thotë thonë tregoi
said that: tha_se thanë_se tregoi_se deklaroi_se njoftoi_se
confirmed: konfirmoi konfirmuan konfirmuar
denied: mohoi mohuan mohuar
over: mbi sipër përmbi
near: pranë afër në_afërsi_të në_afërsi
in: në
to: drejt për_në deri_në
from: nga prej
because of: për_shkak_të për_shkak_së si_pasojë_e për_arsye_të
border: kufi kufiri kufirin kufirit kufij kufijve kufijtë
not: nuk jo mos
no: asnjë
can: mund mundet mundej
can affect: mund_të_ndikojë mund_të_ndikojnë mund_të_prekë mund_të_prekin
warns that: paralajmëron_se paralajmërojnë_se
warned: paralajmëroi paralajmëruan paralajmëruar
this year: këtë_vit sivjet këtij_viti
the next day: të_nesërmen ditën_tjetër ditën_pasardhëse
number of: numri numrin numrit
statistics: statistik*
rise in: rritj*
on the rise: në_rritje po_rriten janë_rritur është_rritur
incident: incident incidenti incidentin incidentit rasti rastin rastit
incidents: incidente incidentet incidenteve raste rastet rasteve
ships: anije*
cars: makina makinat automjet* vetura veturat
phones: telefon* celular*
drones: dron dronë dronët dronëve dronin droni
military: ushtarak* ushtri*
exercise: stërvitj* ushtrim*
since: që_nga që_prej
several: disa
dozens of: dhjetëra
hundreds of: qindra
thousands of: mijëra
United Kingdom: mbretëri*_e_bashkuar mbretërisë_së_bashkuar
Black Sea: deti_i_zi detin_e_zi detit_të_zi
Middle East: lindj*_e_mesme lindjes_së_mesme
North Korea: kore*_e_veriut kore*_së_veriut kore*_të_veriut
South Korea: kore*_e_jugut kore*_së_jugut kore*_të_jugut
""",
    # Indonesian (session 14), with the Malay words it spells otherwise: Latin script, words
    # without inflection for tense ("mendarat" is land and landed), affixes instead
    # ("dialihkan", diverted; "pendaratan", landing), the noun before its name ("Bandara
    # Beirut").
    "id": """
suspended: ditangguhkan menangguhkan dihentikan_sementara digantung
a: sebuah satu_buah
without: tanpa
can: bisa dapat boleh mungkin
affect: memengaruhi mempengaruhi
disrupt: mengganggu
last year: tahun_lalu tahun_lepas
more than: lebih_dari lebih_daripada
had: memiliki mempunyai
happened: terjadi berlaku
affected: terdampak terkena terjejas dipengaruhi
and: dan serta
position: posisi lokasi kedudukan
every: setiap tiap
satellite navigation: navigasi_satelit
signal: sinyal isyarat
navigation systems: sistem_navigasi sistem_pandu_arah
interference: gangguan* terganggu interferensi
jamming: jamming pengacauan diacak pengacakan dikacau*
jammer: jammer alat_pengacau pengacau_sinyal
spoofing: spoofing pemalsuan_sinyal pemalsuan_lokasi
false: palsu
problems: masalah kendala kerusakan
lost: kehilangan hilang lenyap
losing: hilangnya
failed: gagal tidak_berfungsi
planes: pesawat-pesawat kapal-kapal_terbang
aircraft: pesawat kapal_terbang pesawat_terbang
flight: penerbangan
flights: penerbangan-penerbangan
pilots: pilot para_pilot juruterbang
crew: kru awak_pesawat awak_kabin
captain: kapten
airport: bandara bandar_udara lapangan_terbang lapangan_udara
airline: maskapai maskapai_penerbangan syarikat_penerbangan
helicopter: helikopter
passengers: penumpang para_penumpang
runway: landasan landasan_pacu
air traffic control: pengatur_lalu_lintas_udara menara_kontrol menara_pengawas kawalan_trafik_udara
airspace: wilayah_udara ruang_udara
aviation: aviasi dunia_penerbangan
approach: mendekati menjelang_pendaratan pendekatan
landing: pendaratan
landed: mendarat berhasil_mendarat
could not land: tidak_bisa_mendarat gagal_mendarat tidak_dapat_mendarat
take-off: lepas_landas berlepas
diverted: dialihkan pengalihan dilencongkan
returned: kembali berbalik putar_balik berpatah_balik
circled: berputar-putar berputar
en route: dalam_perjalanan saat_terbang ketika_terbang
reported: melaporkan dilaporkan melapor
experienced: mengalami dialami
was: merupakan
were: adalah ialah
had to: harus terpaksa
said: mengatakan berkata kata ujar menyatakan
over: di_atas melintasi
near: dekat sekitar berhampiran
in: di
to: ke menuju
from: dari daripada
border: perbatasan sempadan
not: tidak tak bukan
no: tidak_ada tiada
ships: kapal
cars: mobil kendaraan kenderaan
phones: ponsel telepon telefon handphone
drones: drone dron
military: militer tentara tentera ketenteraan
incidents: insiden kejadian peristiwa
since: sejak
emergency landing: pendaratan_darurat mendarat_darurat pendaratan_kecemasan
flew: terbang
detected: terdeteksi mendeteksi dikesan
because of: karena kerana akibat disebabkan_oleh
warns that: memperingatkan mengingatkan
this year: tahun_ini
the next day: keesokan_harinya hari_berikutnya
number of: jumlah
statistics: statistik
rise in: peningkatan kenaikan
on the rise: meningkat
by: oleh
""",
}


#: Words a :class:`Lexicon` remembers having looked up, at most.
_SEEN_MAX = 50_000


@dataclass(frozen=True)
class Lexicon:
    """One language's cue words, ready for lookup."""

    exact: dict[str, str]
    #: ``(stem, english)`` pairs, longest stem first
    stems: tuple[tuple[str, str], ...]
    #: ``(tail, english)`` pairs: compounds ending in a cue word
    tails: tuple[tuple[str, str], ...]
    #: phrase (words joined by single spaces; a word may end in ``*``) -> english
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    #: the language writes compounds as one word (see :data:`COMPOUNDING`)
    compounds: bool = False
    #: particles the language writes onto any word (:data:`CLITICS`)
    clitics: tuple[str, ...] = ()
    #: words already looked up (a text repeats its words; the stem lists are long)
    _seen: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: first word of a phrase ("*" for a stem) -> positions in :attr:`phrases`
    _by_first: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def phrases_from(self, first: str) -> list[tuple[tuple[str, ...], str]]:
        """The phrases that may start with the lower-case word ``first``, longest first."""
        if not self._by_first:
            for n, (parts, _) in enumerate(self.phrases):
                key = "*" if parts[0].endswith("*") else parts[0]
                self._by_first.setdefault(key, []).append(n)
        found = self._by_first.get(first, []) + [
            n for n in self._by_first.get("*", []) if first.startswith(self.phrases[n][0][0][:-1])
        ]
        return [self.phrases[n] for n in sorted(found)]

    def word(self, word: str) -> str:
        """English gloss of one lower-case word, or ``""``."""
        found = self._seen.get(word)
        if found is None:
            if len(self._seen) >= _SEEN_MAX:
                self._seen.clear()  # a long-running process meets ever new words
            found = self._seen[word] = self._lookup(word)
        return found

    def _lookup(self, word: str) -> str:
        found = self.exact.get(word)
        if found is not None:
            return found
        for stem, english in self.stems:
            if word.startswith(stem) and len(word) - len(stem) <= MAX_ENDING:
                return english
        for tail, english in self.tails:
            # A compound ending in the cue word, perhaps with a case ending ("itärajalla").
            at = word.find(tail, 1)
            if at > 0 and len(word) - at - len(tail) <= MAX_ENDING:
                return english
        found = self._last_element(word) if self.compounds else ""
        if not found and "-" in word:
            # "luftfahrt-behörden", "gps-häiret": a compound written with a hyphen is read by
            # its head (the last part), else by the part before it.
            for part in reversed(word.split("-")):
                found = self._lookup(part) if len(part) >= MIN_COMPOUND_STEM else ""
                if found:
                    break
        for clitic in self.clitics if not found else ():
            # "kääntyikin" (it did turn back), "konekaan" (nor the aircraft): the word without
            # its particle, when that is a cue word.
            if word.endswith(clitic) and len(word) - len(clitic) >= 4:
                found = self._lookup(word[: -len(clitic)])
                if found:
                    break
        return found

    def _last_element(self, word: str) -> str:
        """Gloss of a compound by its last element ("funkstörungen" is read as "störungen")."""
        for at in range(MIN_COMPOUND_HEAD, len(word) - MIN_COMPOUND_STEM + 1):
            rest = word[at:]
            for stem, english in self.stems:
                if (
                    len(stem) >= MIN_COMPOUND_STEM
                    and rest.startswith(stem)
                    and len(rest) - len(stem) <= MAX_ENDING
                ):
                    return english
        return ""


#: Particles written onto the end of any word, tried off a word that matches no form: Finnish
#: "-kin" (also, even), "-kaan"/"-kään" (neither), "-han"/"-hän" (after all).
CLITICS: dict[str, tuple[str, ...]] = {"fi": ("kin", "kaan", "kään", "han", "hän")}


def _parse(table: str, *, compounds: bool = False, clitics: tuple[str, ...] = ()) -> Lexicon:
    exact: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    tails: list[tuple[str, str]] = []
    phrases: list[tuple[tuple[str, ...], str]] = []
    for line in table.strip().splitlines():
        english, _, forms = line.partition(":")
        for form in forms.split():
            if "_" in form:
                phrases.append((tuple(form.split("_")), english.strip()))
            elif form.startswith("*"):
                tails.append((form[1:], english.strip()))
            elif form.endswith("*"):
                stems.append((form[:-1], english.strip()))
            else:
                exact.setdefault(form, english.strip())
    stems.sort(key=lambda s: -len(s[0]))
    phrases.sort(key=lambda p: -len(p[0]))
    return Lexicon(exact, tuple(stems), tuple(tails), tuple(phrases), compounds, clitics)


@functools.cache
def lexicon_for(code: str) -> Lexicon | None:
    """The cue table of language ``code``, or ``None`` when we have none."""
    family = _FAMILY.get(code, code)
    table = TABLES.get(family)
    if not table:
        return None
    return _parse(table, compounds=family in COMPOUNDING, clitics=CLITICS.get(family, ()))
