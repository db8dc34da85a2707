"""Place names in other languages: exonyms, case endings and Cyrillic, against the gazetteer.

A capitalised word of a non-English report is turned into a name the English rules and the
offline gazetteer (:mod:`tracker.geocode`) know, in this order:

1. **Exonyms** (:data:`EXONYMS`): countries, seas and regions as each language names them
   ("Venäjä", "Rosja", "Østersjøen", "Bałtyk", "Nord-Norge"), matched by stem so that case forms
   follow ("Venäjällä", "Rosji", "nad Bałtykiem"). Our own table, from public knowledge.
2. **Cyrillic** is transliterated (a plain scientific table) before any gazetteer lookup.
3. **The word itself** in the gazetteer (GeoNames keeps many local names: "Wilno", "Helsingfors").
4. **Case endings** of the language (:data:`CASE_ENDINGS`): "Joensuun" -> "Joensuu",
   "Tallinnas" -> "Tallinn", "Wilnie" -> "Wilno", "Вільнюсі" -> "Vilnius". A name found only
   this way must be a city of :data:`MIN_POPULATION_STRIPPED` inhabitants or more, a country or
   an area, and the remaining stem must keep 4 letters or more: small towns that happen to
   spell like an inflected word are the false hits this guards against.

The case ending also says the word's role: "Helsingistä" (from), "Joensuuhun" (to),
"Tallinnas" (in). :func:`resolve_place` returns that role so the gloss can put the English
preposition before the name, which the English place rules weigh ("returned to", "from", "in").
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

__all__ = [
    "PlaceName",
    "resolve_place",
    "transliterate",
    "demonym",
    "EXONYMS",
    "CASE_ENDINGS",
    "DEMONYMS",
]

#: Inhabitants a city found only by removing a case ending must have.
MIN_POPULATION_STRIPPED = 15_000
#: Inhabitants a city named as written must have (smaller towns are more often surnames).
MIN_POPULATION = 2_000
#: ... and a city outside the countries where the language is spoken ("Lauri", a town in India,
#: is a Finnish first name), unless an airport serves it.
MIN_POPULATION_ABROAD = 50_000
#: A city whose short (under five letters) alternate name is read as that city ("Wien").
MIN_POPULATION_SHORT_ALIAS = 500_000

#: Where each language is spoken: a place there is preferred to one spelled alike abroad
#: ("Tartus" is Tartu in Estonian, not the Syrian port).
HOME = {
    "no": {"NO"}, "da": {"DK"}, "sv": {"SE", "FI"}, "fi": {"FI"}, "et": {"EE"}, "lv": {"LV"},
    "lt": {"LT"}, "pl": {"PL"}, "cs": {"CZ"}, "sk": {"SK"}, "de": {"DE", "AT", "CH"},
    "nl": {"NL", "BE"}, "ru": {"RU", "BY", "KZ"}, "uk": {"UA"}, "bg": {"BG"},
    "es": {"ES", "MX", "CO", "VE", "AR", "PE", "CL", "DO", "PA", "CU", "EC", "GT"},
    "pt": {"PT", "BR"}, "fr": {"FR", "BE", "CH"}, "it": {"IT"}, "ro": {"RO", "MD"},
    "tr": {"TR"}, "hu": {"HU"}, "el": {"GR", "CY"},
}  # fmt: skip

#: English name -> stems in other languages (lower-case). A word matches a stem when it starts
#: with it and adds at most 5 letters. Adjectives that name a country as an actor ("russisk",
#: "rosyjski") map to the demonym, which the English rules treat as weak evidence of place.
EXONYMS: dict[str, tuple[str, ...]] = {
    "Russia": (
        "russland",
        "ryssland",
        "rusland",
        "venäj",
        "venemaa",
        "krievij",
        "rusij",
        "rosj",
        "rosji",
        "rusko",
        "rusku",
        "ruska",
        "rusia",
        "rússia",
        "russie",
        "rusya",
        "oroszorsz",
        "rossija",
        "rossii",
        "rossiju",
        "rosiï",
        "rosiji",
        "rosiia",
        "rosii",
        "rosija",
        "rossiej",  # "с Россией", instrumental
    ),
    "Russian": (
        "russisk",
        "rysk",
        "venäläi",
        "krievu",
        "krievijas",
        "rusų",
        "rosyjsk",
        "ruský",
        "ruské",
        "ruská",
        "ruskou",
        "russisch",
        "rusa",
        "russo",
        "russe",
        "orosz",
        "rossijsk",
        "rosijsk",
    ),
    "Finland": (
        "finland",
        "suomi",
        "suome",
        "suomessa",
        "soome",
        "somij",
        "suomij",
        "finlandi",
        "finsko",
        "finnland",
        "finlândia",
        "finlande",
        "finlandiya",
        "finljandi",
        "finljandiï",
        "finlyandi",
    ),
    "Norway": (
        "norge",
        "norges",
        "norja",
        "norra",
        "norvēģij",
        "norvegij",
        "norwegi",
        "norsko",
        "nórsko",
        "norwegen",
        "noruega",
        "norvège",
        "norveç",
        "norvegi",
        "norvehi",
    ),
    "Sweden": (
        "sverige",
        "ruotsi",
        "rootsi",
        "zviedrij",
        "švedij",
        "szwecj",
        "švédsk",
        "schweden",
        "suecia",
        "suécia",
        "suède",
        "isveç",
        "shveci",
        "shvedsi",
    ),
    "Denmark": (
        "danmark",
        "tanska",
        "taani",
        "dānij",
        "danij",
        "dani",
        "dánsk",
        "dänemark",
        "dinamarca",
        "danemark",
        "danimarka",
        "dani",
    ),
    "Estonia": (
        "estland",
        "viro",
        "viron",
        "virossa",
        "eesti",
        "igaunij",
        "estij",
        "estoni",
        "estonsk",
        "estónsk",
        "estonia",
        "estónia",
        "estonie",
        "estonya",
        "estoni",
    ),
    "Latvia": (
        "latvia",
        "läti",
        "lettland",
        "łotw",
        "lotyš",
        "lotyš",
        "letonia",
        "letónia",
        "lettonie",
        "letonya",
        "latvij",
        "latviï",
    ),
    "Lithuania": (
        "liettua",
        "leedu",
        "lietuv",
        "litwa",
        "litwie",
        "litwy",
        "litv",
        "litauen",
        "lituania",
        "lituânia",
        "lituanie",
        "litvanya",
        "litovsk",
    ),
    "Poland": (
        "polen",
        "puola",
        "poola",
        "polij",
        "lenkij",
        "polsk",
        "polska",
        "polsce",
        "polonia",
        "polónia",
        "pologne",
        "polonya",
        "polsha",
        "polshch",
        "polshchi",
    ),
    "Germany": (
        "tyskland",
        "saksa",
        "saksamaa",
        "vācij",
        "vokietij",
        "niemcz",
        "niemiec",
        "německo",
        "nemeck",
        "deutschland",
        "alemania",
        "alemanha",
        "allemagne",
        "almanya",
        "germani",
        "nimechchyn",
    ),
    "Belarus": (
        "hviterussland",
        "vitryssland",
        "hviderusland",
        "valko-venäj",
        "valgevene",
        "baltkrievij",
        "baltarusij",
        "białoruś",
        "białorusi",
        "bělorusk",
        "bielorusk",
        "weißrussland",
        "belarus",
        "bielorrusia",
        "biélorussie",
        "belarus'",
        "bilorus",
    ),
    "Ukraine": ("ukraina", "ukrain", "ukrajin", "ucrania", "ucrânia", "ukrayna", "ukraïn"),
    "Baltic Sea": (
        "østersjø",
        "östersjö",
        "østersø",
        "itämer",
        "läänemer",
        "baltijas_jūr",
        "baltijos_jūr",
        "bałtyk",
        "baltsk",
        "ostsee",
        "mar_báltico",
        "baltijsk",
        "baltiysk",
    ),
    "Black Sea": (
        "svartehav",
        "svarta_hav",
        "mustameri",
        "musta_mer",
        "morze_czarn",
        "schwarze_meer",
        "schwarzen_meer",
        "mar_negro",
        "mer_noire",
        "karadeniz",
        "chornom_mor",
        "chernom_mor",
        "chernoe_more",
    ),
    "Gulf of Finland": ("suomenlah", "soome_lah", "finska_viken", "finskebukt"),
    "Mediterranean": (
        "middelhav",
        "medelhav",
        "välimer",
        "morze_śródziemn",
        "mittelmeer",
        "mediterráneo",
        "mediterrâneo",
        "méditerranée",
        "akdeniz",
    ),
    "Barents Sea": ("barentshav", "barentsinmer"),
    "Vilnius": (
        "viļņ",
        "vilnius",
        "vilniaus",
        "vilniuje",
        "wilno",
        "wilnie",
        "wilna",
        "vil'nyus",
        "vilnyus",
    ),
    "Riga": ("rīg", "ryg", "ryga", "rydze"),
    "Tallinn": ("tallinn", "tallin"),
    "Tartu": ("tartu", "tarto"),  # Finnish "Tartto", "Tarton", "Tarttoon"
    "Vienna": ("wiedeń", "wiedn", "vídeň", "vídn", "viedeň", "viedn", "viena", "vienne"),
    "Helsinki": ("helsingi", "helsink", "helsingfors"),
    "Warsaw": ("warszaw", "varšav", "varshav", "varsovi"),
    "Moscow": ("moskv", "moskw", "maskav", "mosc", "moskau", "moscú"),
    "Saint Petersburg": ("sankt-peterburg", "peterburg", "pietari"),
    "Kaliningrad": ("kaliningrad", "królewiec", "karaliauči", "kaļiņingrad", "kaliningrado"),
    "Northern Norway": ("nord-norge", "nord-norg", "pohjois-norj"),
    "Turkey": (
        "tyrkia",
        "turkiet",
        "tyrkiet",
        "turkki",
        "türgi",
        "turcj",
        "turecko",
        "türkei",
        "turquía",
        "turquia",
        "turquie",
        "türkiye",
        "turechchyn",
        "turtsi",
    ),
    "Israel": ("israel", "izrael", "israël", "israil", "izrail"),
    "Lebanon": ("libanon", "liban", "líbano", "lübnan"),
    "Cyprus": ("kypros", "cypern", "kypr", "cypr", "zypern", "chipre", "chypre", "kıbrıs", "kipr"),
    "Egypt": (
        "egypt",
        "egypti",
        "egiptus",
        "ēģipt",
        "egipt",
        "ägypten",
        "egipto",
        "egito",
        "égypte",
        "mısır",
        "yegipt",
    ),
    "Syria": (
        "syri",
        "syyri",
        "süüria",
        "sīrij",
        "sirij",
        "syrien",
        "siria",
        "síria",
        "syrie",
        "suriye",
    ),
    "Iraq": ("irak", "iraq", "irāk", "irák", "iraque"),
    "Iran": ("iran", "irán", "irã", "írán"),
    "Bulgaria": (
        "bulgari",
        "bulgaaria",
        "bulgārij",
        "bulgarij",
        "bułgari",
        "bulharsk",
        "bulgarien",
        "bulgária",
        "bulgarie",
        "bulgaristan",
        "bolgár",
        "bolgari",
    ),
    "Romania": (
        "romani",
        "rumeni",
        "romaani",
        "rumānij",
        "rumunij",
        "rumuni",
        "rumunsk",
        "rumänien",
        "rumania",
        "roménia",
        "roumanie",
        "romanya",
        "rumyni",
    ),
    "Moldova": ("moldov", "mołdaw", "moldawien", "moldavi"),
    "Slovakia": (
        "slovakia",
        "slovaki",
        "slovensk",
        "słowacj",
        "slowakei",
        "eslovaquia",
        "slovaquie",
        "slovakya",
    ),
    "Czech Republic": (
        "tsjekkia",
        "tjeckien",
        "tjekkiet",
        "tšekki",
        "tšehhi",
        "czech",
        "česk",
        "česko",
        "tschechien",
        "chequia",
        "tchéquie",
        "çekya",
    ),
    "Hungary": (
        "ungarn",
        "ungern",
        "unkari",
        "ungari",
        "węgr",
        "maďarsk",
        "hungría",
        "hungria",
        "hongrie",
        "macaristan",
        "magyarorsz",
    ),
    "Greece": (
        "hellas",
        "grekland",
        "grækenland",
        "kreikka",
        "kreeka",
        "grecj",
        "řeck",
        "griechenland",
        "grecia",
        "grécia",
        "grèce",
        "yunanistan",
    ),
    "Georgia": ("georgia", "gruusia", "gruzj", "gruzi", "géorgie", "gürcistan"),
    "Azerbaijan": (
        "aserbajdsjan",
        "azerbajdzjan",
        "azerbaidžan",
        "azerbejdżan",
        "aserbaidschan",
        "azerbaiyán",
        "azerbaïdjan",
        "azerbaycan",
        "azerbaidzhan",
    ),
    "Armenia": ("armeni", "armēnij", "armėnij", "ermenistan", "virmeni"),
    "Spain": (
        "spania",
        "spanien",
        "espanja",
        "hispaania",
        "hiszpani",
        "španělsk",
        "españa",
        "espanha",
        "espagne",
        "ispanya",
    ),
    "France": (
        "frankrike",
        "frankrig",
        "ranska",
        "prantsusmaa",
        "francij",
        "prancūzij",
        "francj",
        "francii",
        "francie",
        "frankreich",
        "francia",
        "frança",
        "fransa",
    ),
    "Brazil": ("brasil", "brasilien", "brazylii", "brazylia", "brésil", "brezilya"),
    "Mexico": ("méxico", "mexiko", "meksyk", "meksiko", "mexique"),
    "Colombia": ("colombia", "kolumbi", "colômbia", "colombie"),
    "Venezuela": ("venezuela",),
    "Panama": ("panamá", "panama"),
    "Dominican Republic": ("república_dominicana", "dominikánsk", "dominikan"),
    "China": ("kina", "kiina", "hiina", "chiny", "chinach", "čína", "china", "chine", "çin"),
    "Japan": ("japani", "jaapan", "japonia", "japonsk", "japón", "japão", "japon"),
    "North Korea": (
        "nord-korea",
        "nordkorea",
        "pohjois-korea",
        "korea_północn",
        "corea_del_norte",
        "coreia_do_norte",
        "kuzey_kore",
    ),
    "South Korea": (
        "sør-korea",
        "sydkorea",
        "etelä-korea",
        "korea_południow",
        "corea_del_sur",
        "coreia_do_sul",
        "güney_kore",
    ),
    "United States": (
        "usa",
        "yhdysval",
        "ameerika_ühendriik",
        "stany_zjednoczon",
        "vereinigte_staaten",
        "estados_unidos",
        "états-unis",
        "abd",
    ),
    "United Kingdom": (
        "storbritannia",
        "storbritannien",
        "iso-britanni",
        "wielka_brytani",
        "großbritannien",
        "reino_unido",
        "royaume-uni",
        "birleşik_krallık",
    ),
    "Netherlands": ("nederland", "alankomaat", "holandi", "niederlande", "países_bajos"),
    "Sudan": ("sudan", "sudán", "soudan"),
    "Jordan": ("jordani", "jordánia", "jordanie", "ürdün"),
}
# Greek (the stems before the endings: "Ρωσία", "Ρωσίας", "ρωσικό").
_GREEK_EXONYMS = {
    "Greece": ("ελλάδ", "ελλαδ"),
    "Russia": ("ρωσί", "ρωσια"), "Russian": ("ρωσικ", "ρώσ"), "Poland": ("πολωνί",),
    "Lithuania": ("λιθουανί",), "Latvia": ("λετονί",), "Estonia": ("εσθονί",),
    "Finland": ("φινλανδί",), "Czech Republic": ("τσεχί",), "Austria": ("αυστρί",),
    "Ukraine": ("ουκρανί",), "Bulgaria": ("βουλγαρί",), "Romania": ("ρουμανί",),
    "Cyprus": ("κύπρ", "κυπρ"), "Israel": ("ισραήλ",), "Lebanon": ("λίβαν", "λιβάν"),
    "Turkey": ("τουρκί",), "Germany": ("γερμανί",), "Sweden": ("σουηδί",), "Norway": ("νορβηγί",),
    "Denmark": ("δανί",), "Baltic Sea": ("βαλτικ",), "Black Sea": ("μαύρη_θάλασσ",),
    "Belarus": ("λευκορωσί",), "Kaliningrad": ("καλίνινγκραντ",), "Syria": ("συρί",),
    "Vienna": ("βιέννη",), "London": ("λονδίν",), "Berlin": ("βερολίν",), "Moscow": ("μόσχ",),
    "Helsinki": ("ελσίνκ",), "Bucharest": ("βουκουρέστ",), "Athens": ("αθήν",),
    "Tallinn": ("ταλίν",),

}  # fmt: skip
for _english, _stems in _GREEK_EXONYMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems
# Romanian names the tables above lacked ("Ucraina", "Turcia", "Marea Neagră").
_ROMANIAN_EXONYMS = {
    "Ukraine": ("ucrain",), "Turkey": ("turci",), "Belarus": ("bielorus",), "Sweden": ("suedi",),
    "Cyprus": ("cipru",), "Slovakia": ("slovaci",), "Czech Republic": ("cehi",),
    "Black Sea": ("marea_neagr",), "Baltic Sea": ("marea_baltic",),
    # The country itself, written with "â" ("deasupra României", over Romania).
    "Romania": ("românia", "româniei"),
}  # fmt: skip
for _english, _stems in _ROMANIAN_EXONYMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems
# Dutch names of the seas ("boven de Oostzee", over the Baltic Sea).
# And of the countries whose Dutch name is not the English or German one ("richting Zweden").
_DUTCH_EXONYMS = {
    "Baltic Sea": ("oostzee",), "North Sea": ("noordzee",), "Black Sea": ("zwarte_zee",),
    "Sweden": ("zweden",), "Norway": ("noorwegen",), "Denmark": ("denemarken",),
    "Lithuania": ("litouwen",), "Latvia": ("letland",), "Belarus": ("wit-rusland",),
    "Russia": ("rusland",), "Germany": ("duitsland",), "Ukraine": ("oekraïne",),
    "Turkey": ("turkije",), "Romania": ("roemenië",),
}  # fmt: skip
for _english, _stems in _DUTCH_EXONYMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems
# Italian names the tables above lacked ("sopra l'Egitto", "a nord della Turchia").
_ITALIAN_EXONYMS = {
    "Egypt": ("egitt",), "Turkey": ("turchi",), "Cyprus": ("cipro",), "Jordan": ("giordani",),
    "Latvia": ("letton",), "Sweden": ("svezi",), "Spain": ("spagn",), "China": ("cina",),
    "Japan": ("giappon",), "Hungary": ("ungheri",), "Slovakia": ("slovacchi",),
    "Azerbaijan": ("azerbaigian",), "Mexico": ("messic",), "Netherlands": ("paesi_bassi",),
    "Warsaw": ("varsavi",), "United Kingdom": ("regno_unito",), "United States": ("stati_uniti",),
    "North Korea": ("corea_del_nord",), "South Korea": ("corea_del_sud",),
    "Baltic Sea": ("mar_baltico",), "Black Sea": ("mar_nero",), "Mediterranean": ("mediterrane",),
    "Czech Republic": ("repubblica_ceca",),
}  # fmt: skip
for _english, _stems in _ITALIAN_EXONYMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems

#: Adjectives of nationality, as the stems they start with in the languages read, and the
#: English adjective ("espace aérien roumain", "polskiej przestrzeni" -> "Romanian airspace",
#: "Polish airspace", which the English rules place). Only read beside an airspace word: the
#: same adjectives name airlines and suspected jammers ("Russian jamming").
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Romanian": ("roumain", "român", "romen", "rumen", "rumano", "rumuńsk", "rumänisch", "rumänsk",
                 "rumunsk", "roemeens", "румынск", "румунськ", "румънск", "ρουμαν"),
    "Polish": ("polonais", "polaco", "polacc", "polonez", "polsk", "polnisch", "polish", "lenk",
               "lengyel", "puola", "poola", "польск", "полськ", "полск", "πολων"),
    "Lithuanian": ("lituan", "litauisch", "litauisk", "litewsk", "litevsk", "литовск", "литовськ",
                   "lietuv", "leedu", "liettua", "λιθουαν"),
    "Latvian": ("leton", "lettisch", "lettisk", "łotewsk", "lotyš", "латвийск", "латвійськ",
                "латвийск", "latvij", "läti", "latvia", "λετον"),
    "Estonian": ("eston", "estnisch", "estisk", "estońsk", "эстонск", "естонськ", "eesti", "viro",
                 "εσθον"),
    "Finnish": ("finlandais", "finlandés", "finlandês", "finlandez", "finnisch", "finsk", "fińsk",
                "финск", "фінськ", "suome", "soome", "φινλανδ"),
    "Bulgarian": ("bulgar", "bułgarsk", "bulharsk", "болгарск", "българск", "βουλγαρ"),
    "Turkish": ("turc", "türkisch", "tyrkisk", "turkisk", "tureck", "турецк", "турск", "türk",
                "τουρκ"),
    "Greek": ("grec", "griego", "grieg", "griechisch", "gresk", "grekisk", "greck", "греческ",
              "грецьк", "гръцк", "yunan", "ελληνικ"),
    "Russian": ("russe", "ruso", "russo", "rusesc", "russisch", "russisk", "rysk", "rosyjsk",
                "российск", "русск", "rus", "orosz", "venäjän", "vene", "ρωσικ"),
    "German": ("allemand", "alemán", "alemão", "tedesc", "deutsch", "tysk", "niemieck", "немецк",
               "γερμανικ"),
    "Swedish": ("suédois", "sueco", "svedes", "suedez", "schwedisch", "svensk", "szwedzk",
                "шведск"),
    "Norwegian": ("norvégien", "noruego", "norueguês", "norvegian", "norwegisch", "norsk",
                  "norwesk", "норвежск"),
    "Moldovan": ("moldav", "moldov", "молдавск", "молдовск"),
    "Belarusian": ("biélorusse", "bielorruso", "bielorus", "białorusk", "белорусск"),
    "Cypriot": ("chypriote", "chipriota", "cipriot", "zypriot", "κυπριακ"),
    "Hungarian": ("hongrois", "húngaro", "ungherese", "ungarisch", "ungersk", "węgiersk",
                  "венгерск", "magyar"),
}  # fmt: skip


def demonym(word: str) -> str:
    """The English adjective of nationality ``word`` (any case ending) is, or ``""``."""
    low = word.lower()
    for english, stems in DEMONYMS.items():
        if any(low.startswith(stem) and len(low) - len(stem) <= 6 for stem in stems):
            return english
    return ""


#: Case endings per language: (ending, replacement, role), tried longest first. ``role`` is
#: the English preposition the case stands for ("in", "to", "from"), or ``""``.
CASE_ENDINGS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "fi": (("ssa", "", "in"), ("ssä", "", "in"), ("lla", "", "at"), ("llä", "", "at"),
           ("sta", "", "from"), ("stä", "", "from"), ("lta", "", "from"), ("ltä", "", "from"),
           ("lle", "", "to"), ("hin", "", "to"), ("hun", "", "to"), ("hyn", "", "to"),
           ("hön", "", "to"), ("han", "", "to"), ("hän", "", "to"), ("seen", "", "to"),
           ("n", "", ""),
           ("un", "u", "to"), ("uun", "u", "to"), ("iin", "i", "to"), ("aan", "a", "to"),
           ("ään", "ä", "to"), ("oon", "o", "to"), ("gin", "ki", ""), ("gissä", "ki", "in"),
           ("gistä", "ki", "from"), ("giin", "ki", "to"), ("ssa", "a", "in"),
           ("issa", "", "in"), ("issä", "", "in"), ("ista", "", "from"), ("istä", "", "from"),
           ("iin", "", "to"), ("ille", "", "to"), ("ilta", "", "from"), ("iltä", "", "from")),
    "et": (("sse", "", "to"), ("st", "", "from"), ("s", "", "in"), ("l", "", "at"),
           ("lt", "", "from"), ("le", "", "to"), ("as", "", "in"), ("ast", "", "from"),
           ("asse", "", "to"), ("a", "", ""), ("i", "", "")),
    "lv": (("ā", "a", "in"), ("as", "a", ""), ("ī", "s", "in"), ("os", "i", "in"),
           ("u", "i", ""), ("ai", "a", "to"), ("am", "s", "to"), ("ā", "s", "in"),
           ("ā", "", "in"), ("s", "", ""), ("as", "", ""), ("ā", "is", "in")),
    "lt": (("uje", "us", "in"), ("aus", "us", ""), ("ui", "us", "to"), ("e", "as", "in"),
           ("o", "as", ""), ("oje", "a", "in"), ("os", "a", ""), ("ą", "a", "to"),
           ("ą", "as", "to"), ("ėje", "ė", "in"), ("ės", "ė", ""), ("yje", "is", "in")),
    "pl": (("ie", "a", "in"), ("ie", "o", "in"), ("ie", "", "in"), ("u", "", "in"),
           ("a", "", ""), ("em", "", ""), ("y", "a", ""), ("i", "a", ""), ("ą", "a", ""),
           ("ę", "a", "to"), ("cie", "ta", "in"), ("dzie", "d", "in"), ("rze", "r", "in"),
           ("owi", "", ""), ("a", "o", ""),
           # Towns ending in a consonant cluster or a soft consonant: "w Bydgoszczy" (in
           # Bydgoszcz), "do Poznania" (to Poznań), "z Torunia" (from Toruń).
           ("y", "", ""), ("nia", "ń", ""), ("nia", "n", "")),
    "cs": (("ě", "", "in"), ("e", "", "in"), ("u", "", "in"), ("a", "", ""), ("y", "a", ""),
           ("i", "a", "in"), ("ou", "a", ""), ("ě", "a", "in"), ("ie", "", "in"),
           ("ej", "a", "in"), ("om", "", "")),
    "ru": (("е", "", "in"), ("у", "", "to"), ("а", "", ""), ("ом", "", ""), ("и", "ь", "in"),
           ("ы", "а", ""), ("е", "а", "in"), ("у", "а", "to"), ("ой", "а", ""), ("и", "а", ""),
           ("і", "", "in"), ("і", "а", "in"), ("ю", "ь", "to"), ("ові", "", "to"),
           ("е", "о", "in"), ("а", "о", "")),
    "tr": (),
    # Hungarian: to (-ra/-re, -ba/-be, -hoz), in (-ban/-ben), at (-on/-en/-nál), from.
    "hu": (("ra", "", "to"), ("re", "", "to"), ("ba", "", "to"), ("be", "", "to"),
           ("ban", "", "in"), ("ben", "", "in"), ("ból", "", "from"), ("ből", "", "from"),
           ("ról", "", "from"), ("ről", "", "from"), ("tól", "", "from"), ("től", "", "from"),
           ("on", "", "at"), ("en", "", "at"), ("ön", "", "at"), ("nál", "", "at"),
           ("nél", "", "at"), ("hoz", "", "to"), ("hez", "", "to"), ("höz", "", "to")),
    # Greek genitives: "Αθήνας" (Athens'), "Θεσσαλονίκης".
    # Accusative after "στη(ν)/στο(ν)": "στη Ρόδο" (Rhodes), "στην Κέρκυρα".
    "el": (("ας", "α", ""), ("ης", "η", ""), ("ου", "ος", ""), ("ου", "ο", ""), ("ο", "ος", "")),
    "de": (("s", "", ""),),
    "no": (("s", "", ""),),
}  # fmt: skip
CASE_ENDINGS["sk"] = CASE_ENDINGS["cs"]
CASE_ENDINGS["uk"] = CASE_ENDINGS["ru"]
CASE_ENDINGS["bg"] = CASE_ENDINGS["ru"]
CASE_ENDINGS["sv"] = CASE_ENDINGS["no"]
CASE_ENDINGS["da"] = CASE_ENDINGS["no"]

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch  y  e yu ya i i ye g".split(
            " "
        ),
        strict=False,
    )
)


# The other common spellings of a few letters: the names of places abroad are often written in
# the spelling of their own language ("Хельсинки" is Helsinki, "Йоэнсуу" is Joensuu).
# (Bulgarian "ъ" is written "u" in the names English uses: "България" -> "Bulgaria".)
_CYRILLIC_ALTERNATIVE = {"х": "h", "й": "j", "ю": "ju", "я": "ja", "э": "e", "ы": "y", "ъ": "u"}


# Greek letters (digraphs first: "ου" is u, "μπ" b, "ντ" d), as place names are usually
# spelled in Latin letters ("Βίλνιους" -> "Vilnius", "Πλόβντιβ" -> "Plovdiv").
_GREEK_DIGRAPHS = (("ου", "u"), ("αι", "e"), ("ει", "i"), ("οι", "i"), ("μπ", "b"), ("ντ", "d"),
                   ("γκ", "g"), ("γγ", "ng"), ("αυ", "av"), ("ευ", "ev"), ("τσ", "ts"))  # fmt: skip
_GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(),
        strict=True,
    )
)


def _greek_to_latin(word: str) -> str:
    import unicodedata as _u

    plain = "".join(c for c in _u.normalize("NFD", word.lower()) if not _u.combining(c))
    for greek, latin in _GREEK_DIGRAPHS:
        plain = plain.replace(greek, latin)
    latin = "".join(_GREEK.get(c, c) for c in plain)
    return latin.capitalize() if word[:1].isupper() else latin


def transliterate(word: str, *, alternative: bool = False) -> str:
    """Latin letters for a Cyrillic or Greek word ("Калининград" -> "Kaliningrad"); other text
    as is. ``alternative`` uses the other common spellings ("Хельсинки" -> "Helsinki")."""
    if any("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for ch in word):
        return _greek_to_latin(word)
    out = []
    for ch in word:
        low = ch.lower()
        if low in _CYRILLIC:
            latin = _CYRILLIC[low]
            if alternative:
                latin = _CYRILLIC_ALTERNATIVE.get(low, latin)
            out.append(latin.capitalize() if ch != low else latin)
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class PlaceName:
    """A place word resolved: the English/gazetteer name, the case's role, and how it was found."""

    name: str
    role: str = ""
    how: str = ""


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


@functools.cache
def _exonym_stems() -> tuple[tuple[str, str], ...]:
    pairs = [
        (stem.replace("_", " "), english) for english, stems in EXONYMS.items() for stem in stems
    ]
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple(pairs)


def exonym(text: str) -> str:
    """English name of a country, sea or region named ``text`` in another language, or ``""``.

    ``text`` may be one word or two ("nad Bałtykiem" passes "Bałtykiem"; "Morze Czarne" passes
    both words).
    """
    return _exonym_match(text)[0]


def _exonym_match(text: str) -> tuple[str, int]:
    """``(english name, letters left after the stem)`` of :func:`exonym`, or ``("", 0)``."""
    low = text.lower()
    for stem, english in _exonym_stems():
        if low.startswith(stem) and len(low) - len(stem) <= 5:
            return english, len(low) - len(stem)
    return "", 0


def _city_named_exactly(word: str, code: str) -> bool:
    """Does the gazetteer know ``word`` itself as a city's name ("Iraklio", Heraklion)?"""
    location = _gazetteer(word)
    return (
        location is not None
        and location.raw.get("precision") == "city"
        and _acceptable(location, stripped=False, code=code)
        and _same_name(location, word)
    )


def _gazetteer(name: str):
    from tracker.ingest.places import get_geocoder

    try:
        return get_geocoder().geocode(name)
    except (ValueError, TypeError):  # pragma: no cover - defensive
        return None


def _acceptable(location, *, stripped: bool, code: str = "") -> bool:
    raw = location.raw
    precision = raw.get("precision")
    if precision in {"country", "area", "region"}:
        return True
    if precision == "airport":
        return True  # checked by name below when found by removing an ending
    if precision != "city":
        return False
    if raw.get("source") == "gazetteer:airportsdata":
        return True  # the town an airport serves ("Kirkenes", "Ivalo"): aviation places
    population = int(raw.get("population") or 0)
    least = MIN_POPULATION_STRIPPED if stripped else MIN_POPULATION
    if code in HOME and raw.get("country_code") not in HOME[code]:
        least = max(least, MIN_POPULATION_ABROAD)
    if population >= least:
        return True
    if code in HOME and raw.get("country_code") not in HOME[code]:
        # A small town abroad is far more often a surname or a word than the place meant, even
        # with an airfield ("Grant Shapps" is not Grants, New Mexico); only home towns qualify.
        return False
    return _has_airport(raw.get("name", ""))


def _has_airport(name: str) -> bool:
    """Does an airport serve the town ``name`` ("Kirkenes", "Ivalo")? Towns with airports
    are likely places in reports about aircraft, however small."""
    from tracker.geocode.index import shared_index
    from tracker.geocode.text import fold

    return bool(name) and bool(shared_index().airports.by_city(fold(name)))


def _same_name(location, query: str) -> bool:
    """Did the gazetteer answer the name itself (not a loose match on a part of it)?"""
    from tracker.geocode.index import shared_index
    from tracker.geocode.text import fold

    name = _fold(location.raw.get("name", ""))
    if len(query) >= 5 and shared_index().cities.lookup(fold(query)):
        return True  # a GeoNames alternate name ("Danzig", "Wilno"); short ones are words
    if len(query) < 5:
        # Short alternate names are usually words ("Ber" is not Véroia), but a large city's
        # own exonym is not ("Wien", "Prag", "Rom").
        large = int(location.raw.get("population") or 0) >= MIN_POPULATION_SHORT_ALIAS
        return name == _fold(query) or (
            large and len(query) >= 3 and bool(shared_index().cities.lookup(fold(query)))
        )
    query = _fold(query)
    return (
        name.startswith(query[:5])
        and abs(len(name) - len(query)) <= 3
        or (location.raw.get("precision") in {"country", "area", "region"})
    )


#: Demonstratives that open sentences and that loose matches read as towns ("Esse é o ..." as
#: Essen): never places.
_DEMONSTRATIVES: dict[str, frozenset[str]] = {
    "pt": frozenset("esse essa esses essas este esta estes estas isso isto aquele aquela".split()),
    "es": frozenset("ese esa esos esas este esta estos estas eso esto aquel aquella".split()),
    "it": frozenset("questo questa questi queste quello quella quelli quelle".split()),
}


@functools.lru_cache(maxsize=20000)
def resolve_place(word: str, code: str, *, strict: bool = False) -> PlaceName | None:
    """The place a capitalised word of language ``code`` names, or ``None``.

    >>> resolve_place("Joensuun", "fi").name
    'Joensuu'
    >>> resolve_place("Venäjällä", "fi").name
    'Russia'
    """
    from tracker.ingest.languages.detect import FUNCTION_WORDS

    word = word.strip("'\u2019")
    if (
        len(word) < 3
        or word.lower() in FUNCTION_WORDS.get(code, ())
        or word.lower() in _DEMONSTRATIVES.get(code, ())
    ):
        return None  # "Det", "Die", "Los", "Esse" open sentences
    endings = sorted(CASE_ENDINGS.get(code, ()), key=lambda e: -len(e[0]))
    low = word.lower()
    found, rest = _exonym_match(word)
    if not found:
        found, rest = _exonym_match(transliterate(word))
    if found and rest >= 3 and _city_named_exactly(transliterate(word), code):
        # A stem that leaves three letters or more is a loose match: "Ηράκλειο" (Iraklio) is
        # Heraklion, not "Irak" with an ending.
        found = ""
    if found:
        # The case ending still says the role: "Helsingistä" is "from Helsinki".
        role = next((r for e, _, r in endings if low.endswith(e) and len(low) - len(e) >= 4), "")
        return PlaceName(found, role, "exonym")
    latin = transliterate(word)
    if code == "tr" and "'" in word:
        latin = latin.split("'")[0]
    location = _gazetteer(latin)
    as_written = None
    if (
        location is not None
        and _acceptable(location, stripped=strict, code=code)
        and (_same_name(location, latin) or location.raw.get("precision") == "airport")
    ):
        # A city named by an alternate spelling ("Khelsinki", "Wien") takes the gazetteer's own
        # name: the English rules look up primary names.
        primary = location.raw.get("name") if location.raw.get("precision") == "city" else ""
        as_written = PlaceName(primary or latin, "", "gazetteer")
        if location.raw.get("country_code") in HOME.get(code, ()) or location.raw.get(
            "precision"
        ) in {"country", "area", "region", "airport"}:
            return as_written
    stripped = _stripped(word, code, endings)
    if stripped is None and as_written is None and latin != word:
        other = transliterate(word, alternative=True)
        # Only a new spelling is worth a second look; the same word again would never end
        # (a Turkish suffix after an apostrophe makes ``latin`` differ from a Latin ``word``).
        if other not in (latin, word):
            stripped = resolve_place(other, code, strict=strict)
    return stripped or as_written


def _stripped(word: str, code: str, endings) -> PlaceName | None:
    """The place ``word`` names once a case ending is removed, or ``None``."""
    low = word.lower()
    for ending, replacement, role in endings:
        if not low.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)]
        if len(stem) < (3 if code == "el" and replacement else 4):
            continue  # ("Ρόδ" + "ος": Greek restores the nominative of short names)
        base = transliterate(stem + replacement)
        found = exonym(base)
        if found:
            return PlaceName(found, role, "exonym")
        location = _gazetteer(base)
        if (
            location is not None
            and _acceptable(location, stripped=True, code=code)
            and (location.raw.get("precision") != "airport" or _same_name(location, base))
        ):
            return PlaceName(location.raw.get("name") or base, role, f"case ending -{ending}")
    return None
