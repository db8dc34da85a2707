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
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "PlaceName",
    "resolve_place",
    "place_of_nation",
    "transliterate",
    "demonym",
    "EXONYMS",
    "CASE_ENDINGS",
    "DEMONYMS",
    "SCRIPT_EXONYMS",
    "fold_script",
    "script_places",
]

#: Inhabitants a city found only by removing a case ending must have.
MIN_POPULATION_STRIPPED = 15_000
#: Inhabitants a city named as written must have (smaller towns are more often surnames).
MIN_POPULATION = 2_000
#: ... and a city outside the countries where the language is spoken ("Lauri", a town in India,
#: is a Finnish first name), unless an airport serves it.
MIN_POPULATION_ABROAD = 50_000
#: ... and a city abroad named by the first word of a sentence, where any word is capitalised
#: ("Celá", whole, opening a Slovak sentence, is not Cela in Angola), unless an airport serves it.
MIN_POPULATION_INITIAL_ABROAD = 200_000
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
    "tr": {"TR"}, "hu": {"HU"}, "el": {"GR", "CY"}, "az": {"AZ"}, "ca": {"ES", "AD"},
    "sl": {"SI"}, "mk": {"MK"}, "sr": {"RS", "HR", "BA", "ME"}, "id": {"ID", "MY", "SG", "BN"},
    "is": {"IS"}, "vi": {"VN"}, "sq": {"AL", "XK"},
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
        "finlandia",
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
        "swedia",
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
        "denmark",
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
        "polandia",
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
        "jerman",
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
        "laut_baltik",
    ),
    # Two words, both capitalised ("Oriente Médio", "Nahen Osten"): the region, never the
    # Brazilian town Oriente or a compass point.
    "Middle East": (
        "oriente_médio",
        "oriente_medio",
        "médio_oriente",
        "medio_oriente",
        "moyen-orient",
        "nahen_osten",
        "naher_osten",
        "nahost",
        "midden-oosten",
        "bliski_wschód",
        "bliskim_wschodzie",
        "bliskiego_wschodu",
        "blízký_východ",
        "blízkém_východě",
        "ближн_восток",
        "ближнем_восток",
        "близьк_схід",
        "близькому_сход",
        "orientul_mijlociu",
        "lähi-itä",
        "lähi-idä",
        "μέση_ανατολή",
        "ortadoğu",
        "orta_doğu",
        "timur_tengah",
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
        "laut_hitam",
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
        "laut_tengah",
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
        "mesir",
        "siprus",
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
        "suriah",
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
        "bugarsk",
        "бугариј",
        "бугарск",
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
        "ceko",
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
        "hungaria",
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
        "yunani",
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
        "spanyol",
        "sepanyol",
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
        "prancis",
        "perancis",
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
        "korea_utara",
        "jepang",
        "tiongkok",
    ),
    "South Korea": (
        "sør-korea",
        "sydkorea",
        "etelä-korea",
        "korea_południow",
        "corea_del_sur",
        "coreia_do_sul",
        "güney_kore",
        "korea_selatan",
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
        "amerika_serikat",
        "amerika_syarikat",
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
        "inggris",
        "britania_raya",
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
# And of the countries ("richting Zweden", towards Sweden; "boven Litouwen", over Lithuania).
_DUTCH_EXONYMS = {
    "Baltic Sea": ("oostzee",), "North Sea": ("noordzee",), "Black Sea": ("zwarte_zee",),
    "Sweden": ("zweden",), "Norway": ("noorwegen",), "Denmark": ("denemarken",),
    "Latvia": ("letland",), "Lithuania": ("litouwen",), "Ukraine": ("oekraïne", "oekraine"),
    "Germany": ("duitsland",), "Turkey": ("turkije",), "Romania": ("roemenië", "roemenie"),
    "Belarus": ("wit-rusland",), "Greece": ("griekenland",), "Hungary": ("hongarije",),
    "Austria": ("oostenrijk",), "France": ("frankrijk",), "Spain": ("spanje",),
    "Russia": ("rusland",),
}  # fmt: skip
for _english, _stems in _DUTCH_EXONYMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems
# Icelandic names, with their accents (the stem before the case ending: "Rússlands", of
# Russia; "í Búlgaríu", in Bulgaria; "Hvíta-Rússland", Belarus, is matched first, as the
# longer stem).
_ICELANDIC_EXONYMS = {
    "Russia": ("rússland",), "Russian": ("rússnesk", "rússar"), "Belarus": ("hvíta-rússland",),
    "Poland": ("pólland",), "Lithuania": ("litháen",), "Estonia": ("eistland",),
    "Latvia": ("lettland",), "Norway": ("noreg",), "Sweden": ("svíþjóð",),
    "Denmark": ("danmörk", "danmerk"), "Germany": ("þýskaland",), "Ukraine": ("úkraín",),
    "Bulgaria": ("búlgarí",), "Spain": ("spánar", "spáni", "spánn"), "Iceland": ("ísland",),
    "Turkey": ("tyrkland",), "Greece": ("grikkland",), "Cyprus": ("kýpur",), "Iraq": ("írak",),
    "Syria": ("sýrland",), "United Kingdom": ("bretland",), "France": ("frakkland",),
    "Black Sea": ("svartahaf",), "Baltic Sea": ("eystrasalt",), "Romania": ("rúmení",),
}  # fmt: skip
for _english, _stems in _ICELANDIC_EXONYMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems
# Albanian names (session 16), the stem before the article and case ending ("Rusia", "Rusisë",
# of Russia; "Bullgarisë"; "Polonisë"; "Finlandës"); the names of two words or more that a
# small word splits ("Deti i Zi", the Black Sea; "Lindja e Mesme") are in the Albanian table
# (:data:`.lexicon.TABLES`), "Deti Baltik" here. Read for Albanian only (:data:`LOCAL_EXONYMS`):
# as stems of every language, "indi" would make "Indiana" India and "franca" the Brazilian
# town France.
_ALBANIAN_EXONYMS = {
    "Russia": ("rusi",), "Bulgaria": ("bullgari",), "Poland": ("poloni",),
    "Lithuania": ("lituani",), "Latvia": ("letoni",), "Estonia": ("estoni",),
    "Finland": ("finland",), "United Kingdom": ("britani", "britania_e_madhe"),
    "United States": ("shba",), "Germany": ("gjermani",),
    "France": ("francë", "franca", "francës", "francën"), "Norway": ("norvegji",),
    "Sweden": ("suedi",), "Denmark": ("danimark",), "China": ("kinë", "kina", "kinës", "kinën"),
    "India": ("indi",), "Israel": ("izrael",), "Lebanon": ("liban",), "Cyprus": ("qipro",),
    "Turkey": ("turqi",), "Ukraine": ("ukrain",), "Belarus": ("bjellorusi",),
    "Kazakhstan": ("kazakistan",), "Azerbaijan": ("azerbajxhan",), "Greece": ("greqi",),
    "Romania": ("rumani",), "Spain": ("spanja", "spanjë", "spanjës", "spanjën"),
    "Egypt": ("egjipt",), "Georgia": ("gjeorgji",), "Armenia": ("armeni",), "Syria": ("siri",),
    "Albania": ("shqipëri",), "Kosovo": ("kosov",), "North Macedonia": ("maqedoni",),
    "Serbia": ("serbi",), "Moscow": ("moska", "moskë"), "London": ("londër", "londr"),
    "Baltic Sea": ("deti_baltik", "detin_baltik", "detit_baltik", "deti_balltik",
                   "detin_balltik", "detit_balltik", "balltik", "baltik"),
}  # fmt: skip
#: Exonyms read for one language only, before :data:`EXONYMS`: code -> English -> stems.
LOCAL_EXONYMS: dict[str, dict[str, tuple[str, ...]]] = {"sq": _ALBANIAN_EXONYMS}

#: Vietnamese names of countries, seas and regions, whole (no case ending; the syllables of a
#: name are written apart, each capitalised: "Ba Lan", Poland; "Thổ Nhĩ Kỳ", Turkey). Read
#: by :func:`vietnamese_places`, never by stem: "Nga" (Russia) begins "Ngay" (at once).
VIETNAMESE_PLACES: dict[str, tuple[str, ...]] = {
    "Russia": ("Nga", "Liên bang Nga"), "Poland": ("Ba Lan",),
    "Lithuania": ("Litva", "Lít-va", "Lithuania"), "Latvia": ("Latvia", "Lát-vi-a"),
    "Estonia": ("Estonia", "E-xtô-ni-a"), "Finland": ("Phần Lan",),
    "Bulgaria": ("Bulgaria", "Bun-ga-ri"), "United Kingdom": ("Anh", "Vương quốc Anh"),
    "United States": ("Mỹ", "Hoa Kỳ"), "Germany": ("Đức",), "France": ("Pháp",),
    "Norway": ("Na Uy",), "Sweden": ("Thụy Điển", "Thuỵ Điển"), "Denmark": ("Đan Mạch",),
    "China": ("Trung Quốc",), "South Korea": ("Hàn Quốc", "Nam Hàn"),
    "North Korea": ("Triều Tiên", "Bắc Triều Tiên", "Bắc Hàn"), "India": ("Ấn Độ",),
    "Israel": ("Israel", "Ixraen"), "Lebanon": ("Li-băng", "Liban", "Lebanon"),
    "Cyprus": ("Síp",), "Turkey": ("Thổ Nhĩ Kỳ",), "Ukraine": ("Ukraine", "U-crai-na"),
    "Belarus": ("Belarus", "Bê-la-rút"), "Kazakhstan": ("Kazakhstan", "Ca-dắc-xtan"),
    "Netherlands": ("Hà Lan",), "Spain": ("Tây Ban Nha",), "Greece": ("Hy Lạp",),
    "Egypt": ("Ai Cập",), "Iraq": ("I-rắc", "Iraq"), "Syria": ("Xy-ri", "Syria"),
    "Romania": ("Romania", "Ru-ma-ni"), "Japan": ("Nhật Bản",), "Vietnam": ("Việt Nam",),
    "Saudi Arabia": ("Ả Rập Xê Út", "Ả-rập Xê-út"), "Georgia": ("Gruzia",),
    "Black Sea": ("Biển Đen", "biển Đen"), "Baltic Sea": ("Biển Baltic", "biển Baltic"),
    "South China Sea": ("Biển Đông",), "Middle East": ("Trung Đông",),
    "Europe": ("châu Âu", "Châu Âu"), "Hanoi": ("Hà Nội",),
    "Ho Chi Minh City": ("Hồ Chí Minh", "TP Hồ Chí Minh", "TP.HCM"), "Moscow": ("Mát-xcơ-va",),
    "Beijing": ("Bắc Kinh",), "London": ("Luân Đôn",), "Warsaw": ("Vác-sa-va",),
}  # fmt: skip
_VI_PLACE = {
    name.lower(): english for english, names in VIETNAMESE_PLACES.items() for name in names
}
#: Words before a name that make it a person's ("ông Đức", Mr Duc; "chị Nga", Ms Nga).
_VI_TITLES = frozenset("ông bà anh chị cô chú bác em cháu con mẹ bố cụ".split())
#: Names that are also a pronoun when they open a sentence ("Anh cho biết", he said).
_VI_PRONOUNS = frozenset({"anh"})


def vietnamese_places(
    words: list[str], *, before: str = "", initial: bool = False
) -> dict[int, tuple[int, str]]:
    """The Vietnamese names in a run of capitalised ``words``: start -> (end, English name).

    A name counts where the run starts, or right after another name ("Nga Vladimir Putin",
    Russia's Putin); inside a run it is a person's syllable ("Nguyễn Minh Đức"). A one-word
    name after a title ("ông Đức") or a pronoun opening a sentence ("Anh cho biết") is none.
    ``before`` is the word before the run, which may be the first of the name ("châu Âu").
    """
    found: dict[int, tuple[int, str]] = {}
    lowered = [w.lower() for w in words]
    # Opening a sentence or a quote: the word before is none, or a stop or a quotation mark.
    opening = initial and (not before or not before[-1].isalnum())
    if before and f"{before} {lowered[0]}" in _VI_PLACE:
        found[0] = (1, _VI_PLACE[f"{before} {lowered[0]}"])
    k = 1 if found else 0
    while k < len(words) and (k == 0 or k in {end for end, _ in found.values()}):
        for size in range(min(4, len(words) - k), 0, -1):
            english = _VI_PLACE.get(" ".join(lowered[k : k + size]))
            if not english:
                continue
            if (
                size == 1
                and k == 0
                and (before in _VI_TITLES or (opening and lowered[0] in _VI_PRONOUNS))
            ):
                return found
            found[k] = (k + size, english)
            k += size
            break
        else:
            break
    return found


_VI_SYLLABLE_LETTERS = frozenset(
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
)


def is_vietnamese_syllable(word: str) -> bool:
    """Does ``word`` carry a Vietnamese letter ("Đức", "Quốc")? Such a word of a capitalised
    run is a syllable of a Vietnamese name or title, never a gazetteer place."""
    return any(ch in _VI_SYLLABLE_LETTERS for ch in word.lower())


# Cities whose case forms change a consonant, so that no ending can be removed to find them
# ("v Praze", "w Pradze": in Prague; "w Budapeszcie"; "v Brně"; "w Atenach"), and the Czech
# name of the Baltic Sea ("nad Baltem").
_SLAVIC_CITY_FORMS = {
    "Prague": ("praze", "pradze", "prahe", "prahy", "prahu", "praha"),
    "Budapest": ("budapesz", "budapešť", "budapešti"), "Brno": ("brně", "brna", "brnu"),
    "Athens": ("atenach", "ateny", "atén", "aténach"), "Baltic Sea": ("baltem", "baltu"),
}  # fmt: skip
for _english, _stems in _SLAVIC_CITY_FORMS.items():
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

# The seas and gulf of most GNSS-interference reports in the case forms of each European
# language, where one of the two words is written small ("mer Baltique", "Baltijos jūros") or
# both change their ending ("Morzem Czarnym", "Чёрным морем", "Fekete-tenger").
_SEA_FORMS = {
    "Baltic Sea": (
        "mer_baltique", "balti-tenger", "baltık_deniz", "mării_baltic", "morze_bałtyck",
        "morzem_bałtyck", "morza_bałtyck", "morzu_bałtyck", "yordania", "belanda", "austria",
    ),
    "Black Sea": (
        "morzem_czarn", "morza_czarn", "morzu_czarn", "черное_мор", "черного_мор", "черном_мор",
        "черным_мор", "чёрное_мор", "чёрного_мор", "чёрном_мор", "чёрным_мор", "чорне_мор",
        "чорного_мор", "чорному_мор", "чорним_мор", "черно_мор", "черното_мор", "černé_moř",
        "černým_moř", "černého_moř", "černém_moř", "čierne_mor", "čiernym_mor", "čierneho_mor",
        "čiernom_mor", "fekete-tenger", "mării_negr", "mustanmer", "mustallamer", "mustaltamer",
        "mustallemer", "juodosios_jūr", "juodojoje_jūr", "juodoji_jūr", "juodąją_jūr",
        "melnās_jūr", "melnā_jūr", "melnajā_jūr", "melnajai_jūr",
    ),
    "Gulf of Finland": (
        "финским_зал", "финского_зал", "финском_зал", "финский_зал", "фінська_зат",
        "фінської_зат", "фінською_зат", "фінській_зат", "финския_зал", "финският_зал",
        "zatoka_fińsk", "zatoką_fińsk", "zatoki_fińsk", "zatoce_fińsk", "finnischen_meerbusen",
        "finnische_meerbusen", "finse_golf", "finském_záliv", "finský_záliv", "finského_záliv",
        "fínsky_záliv", "fínskom_záliv", "fínskeho_záliv", "finským_záliv", "fínskym_záliv",
        "somu_līc", "finn-öböl",
    ),
}  # fmt: skip
for _english, _stems in _SEA_FORMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems

# Countries in the case forms that follow "over" in each European language ("nad Ruskem",
# "над Польшей", "deasupra Rusiei", "Lengyelország felett") where the stems above stop short.
_COUNTRY_FORMS = {
    "Russia": ("ruskem", "ruskom", "rosiye", "rusiei"),
    "Poland": ("poľsk", "polshe", "poloniei", "lengyelorsz"),
    "Latvia": ("latvie", "latviy", "letoniei", "lettorsz"),
    "Belarus": ("belorus", "bielorrúss", "fehéroroszorsz"),
    "Finland": ("finskem", "finsku", "finska", "fínsk", "finnorsz"),
    "Turkey": ("tureck", "turechchin", "törökorsz", "turki", "turkij"),
    "Romania": ("rumaní", "románi", "rumeeni", "rumæni"),
    "Estonia": ("észtorsz",),
}  # fmt: skip
for _english, _stems in _COUNTRY_FORMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems

# Azerbaijani names (session 9): "Bolqarıstana" (to Bulgaria), "Rusiyanın", "Kalininqradda".
_AZERBAIJANI_EXONYMS = {
    "Bulgaria": ("bolqarıstan",), "Russia": ("rusiya",), "Poland": ("polşa",),
    "Lithuania": ("litva",), "Latvia": ("latviya",), "Estonia": ("estoniya",),
    "Finland": ("finlandiya",), "Germany": ("almaniya",), "Kaliningrad": ("kalininqrad",),
    "Baltic Sea": ("baltik_dəniz",), "Black Sea": ("qara_dəniz",), "Moscow": ("moskva",),
    "Vilnius": ("vilnüs",), "Warsaw": ("varşava",), "Turkey": ("türkiyə",),
    "Azerbaijan": ("azərbaycan",), "Georgia": ("gürcüstan",), "Armenia": ("ermənistan",),
    "Kazakhstan": ("qazaxıstan",), "Israel": ("israil", "i̇srail"), "Lebanon": ("livan",),
    "Iraq": ("iraq", "i̇raq"), "Iran": ("i̇ran",), "Ukraine": ("ukrayna",),
    "Grozny": ("qroznı",), "Baku": ("bakı",), "Aktau": ("aktau", "aqtau"),
}  # fmt: skip
for _english, _stems in _AZERBAIJANI_EXONYMS.items():
    EXONYMS[_english] = EXONYMS.get(_english, ()) + _stems

#: Names in the scripts without capital letters (Chinese, Japanese, Korean, Arabic, Hebrew,
#: Hindi, Punjabi, Urdu, Persian), per language: English name -> the names as written there
#: (folded as :func:`fold_script` folds them). Chinese and Japanese names are segmented out of
#: unspaced text by longest match; Korean names take particles after them ("러시아에서"), Arabic
#: ones the article and prepositions before them ("بالعراق"), Urdu ones postpositions after them
#: ("لاہور میں"). Countries, seas and regions relevant to
#: GNSS interference and the cities and airports most reported; our own table.
SCRIPT_EXONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "Plovdiv": ("普罗夫迪夫", "普洛夫迪夫", "普羅夫迪夫"), "Sofia": ("索非亚", "索菲亞"),
        "Tartu": ("塔尔图", "塔爾圖"), "Gdansk": ("格但斯克",), "Larnaca": ("拉纳卡", "拉納卡"),
        "Ben Gurion Airport": ("本古里安机场", "本古里安國際機場", "本古里安国际机场",
                               "本古里安機場"),
        "Trinidad and Tobago": ("千里达及托巴哥", "千里達及托巴哥"),
        "Venezuela": ("委内瑞拉", "委內瑞拉"),
        "Caribbean": ("加勒比海",), "Strait of Hormuz": ("霍尔木兹海峡", "荷姆茲海峽"),
        "Russia": ("俄罗斯", "俄国", "俄羅斯"), "Poland": ("波兰", "波蘭"),
        "Lithuania": ("立陶宛",), "Estonia": ("爱沙尼亚", "愛沙尼亞"),
        "Latvia": ("拉脱维亚", "拉脫維亞"), "Finland": ("芬兰", "芬蘭"),
        "Bulgaria": ("保加利亚", "保加利亞"), "Romania": ("罗马尼亚", "羅馬尼亞"),
        "Israel": ("以色列",), "Lebanon": ("黎巴嫩",), "Iran": ("伊朗",), "Iraq": ("伊拉克",),
        "Pakistan": ("巴基斯坦",), "India": ("印度",), "Myanmar": ("缅甸", "緬甸"),
        "North Korea": ("朝鲜", "朝鮮", "北韩", "北韓"), "South Korea": ("韩国", "韓國", "南韩"),
        "China": ("中国", "中國"), "Japan": ("日本",), "Taiwan": ("台湾", "台灣", "臺灣"),
        "Ukraine": ("乌克兰", "烏克蘭"), "Turkey": ("土耳其",), "Cyprus": ("塞浦路斯",),
        "Egypt": ("埃及",), "Germany": ("德国", "德國"), "Sweden": ("瑞典",),
        "Norway": ("挪威",), "Denmark": ("丹麦", "丹麥"), "Syria": ("叙利亚", "敘利亞"),
        "Jordan": ("约旦", "約旦"), "Belarus": ("白俄罗斯", "白俄羅斯"),
        "Saudi Arabia": ("沙特阿拉伯", "沙特"), "Kaliningrad": ("加里宁格勒", "加里寧格勒"),
        "Baltic Sea": ("波罗的海", "波羅的海"), "Black Sea": ("黑海",),
        "Mediterranean": ("地中海",), "Yellow Sea": ("黄海", "黃海"),
        "Persian Gulf": ("波斯湾", "波斯灣"), "Red Sea": ("红海", "紅海"),
        "Moscow": ("莫斯科",), "Beijing": ("北京",), "Shanghai": ("上海",),
        "Seoul": ("首尔", "首爾"), "Tokyo": ("东京", "東京"), "Delhi": ("德里",),
        "Tel Aviv": ("特拉维夫", "特拉維夫"), "Helsinki": ("赫尔辛基",), "Warsaw": ("华沙", "華沙"),
        "Vilnius": ("维尔纽斯",), "Tallinn": ("塔林",), "Riga": ("里加",),
        "Taipei": ("台北", "臺北"), "Hong Kong": ("香港",), "Incheon": ("仁川",),
        "Philippines": ("菲律宾", "菲律賓"), "Manila": ("马尼拉", "馬尼拉"),
        "South China Sea": ("南海", "南中国海", "南中國海"),
        "Istanbul": ("伊斯坦布尔", "伊斯坦堡"), "Ankara": ("安卡拉",), "Dubai": ("迪拜", "杜拜"),
        "Doha": ("多哈",), "Tehran": ("德黑兰", "德黑蘭"), "Baghdad": ("巴格达", "巴格達"),
        "Beirut": ("贝鲁特", "貝魯特"), "Cairo": ("开罗", "開羅"), "Jerusalem": ("耶路撒冷",),
        "Kyiv": ("基辅", "基輔"), "Minsk": ("明斯克",), "Stockholm": ("斯德哥尔摩",),
        "Oslo": ("奥斯陆",), "Copenhagen": ("哥本哈根",), "Berlin": ("柏林",),
        "London": ("伦敦", "倫敦"), "Paris": ("巴黎",), "Frankfurt": ("法兰克福",),
        "Vienna": ("维也纳", "維也納"), "Lahore": ("拉合尔",), "Karachi": ("卡拉奇",),
        "Yangon": ("仰光",), "Pyongyang": ("平壤",), "Osaka": ("大阪",),
    },
    "ja": {
        "Plovdiv": ("プロブディフ", "プロヴディフ"), "Sofia": ("ソフィア",), "Tartu": ("タルトゥ",),
        "Vilnius": ("ビリニュス", "ヴィリニュス"), "Riga": ("リガ",), "Tallinn": ("タリン",),
        "Gdansk": ("グダニスク",), "Ben Gurion Airport": ("ベン・グリオン空港", "ベングリオン空港"),
        "Amritsar": ("アムリトサル",), "Delhi": ("デリー",), "Lahore": ("ラホール",),
        "Russia": ("ロシア",), "Poland": ("ポーランド",), "Lithuania": ("リトアニア",),
        "Estonia": ("エストニア",), "Latvia": ("ラトビア",), "Finland": ("フィンランド",),
        "Bulgaria": ("ブルガリア",), "Romania": ("ルーマニア",), "Israel": ("イスラエル",),
        "Lebanon": ("レバノン",), "Iran": ("イラン",), "Iraq": ("イラク",),
        "Pakistan": ("パキスタン",), "India": ("インド",), "Myanmar": ("ミャンマー",),
        "North Korea": ("北朝鮮",), "South Korea": ("韓国", "韓國"), "China": ("中国",),
        "Japan": ("日本",), "Taiwan": ("台湾",), "Ukraine": ("ウクライナ",),
        "Turkey": ("トルコ",), "Cyprus": ("キプロス",), "Egypt": ("エジプト",),
        "Germany": ("ドイツ",), "Sweden": ("スウェーデン",), "Norway": ("ノルウェー",),
        "Denmark": ("デンマーク",), "Syria": ("シリア",), "Jordan": ("ヨルダン",),
        "Belarus": ("ベラルーシ",), "Kaliningrad": ("カリーニングラード",),
        "Baltic Sea": ("バルト海",), "Black Sea": ("黒海",), "Mediterranean": ("地中海",),
        "Yellow Sea": ("黄海",), "Moscow": ("モスクワ",), "Tokyo": ("東京",),
        "Seoul": ("ソウル",), "Beijing": ("北京",), "Helsinki": ("ヘルシンキ",),
        "Warsaw": ("ワルシャワ",), "Tel Aviv": ("テルアビブ",), "Okinawa": ("沖縄",),
        "Taipei": ("台北",), "Incheon": ("仁川",),
        "Philippines": ("フィリピン",), "Manila": ("マニラ",), "South China Sea": ("南シナ海",),
        "Istanbul": ("イスタンブール",), "Dubai": ("ドバイ",), "Doha": ("ドーハ",),
        "Tehran": ("テヘラン",), "Baghdad": ("バグダッド",), "Beirut": ("ベイルート",),
        "Cairo": ("カイロ",), "Kyiv": ("キーウ", "キエフ"), "Berlin": ("ベルリン",),
        "London": ("ロンドン",), "Paris": ("パリ",), "Frankfurt": ("フランクフルト",),
        "Vienna": ("ウィーン",), "Stockholm": ("ストックホルム",), "Pyongyang": ("平壌",),
        "Osaka": ("大阪",), "Narita": ("成田",), "Haneda": ("羽田",),
        "Naha": ("那覇",), "Fukuoka": ("福岡",), "Sapporo": ("札幌",), "Nagoya": ("名古屋",),
    },
    "ko": {
        "Plovdiv": ("플로브디프", "플로우디프"), "Sofia": ("소피아",), "Tartu": ("타르투",),
        "Vilnius": ("빌뉴스",), "Riga": ("리가",), "Tallinn": ("탈린",), "Gdansk": ("그단스크",),
        "Ben Gurion Airport": ("벤구리온공항", "벤구리온"), "Delhi": ("델리",),
        "Philippines": ("필리핀",), "Manila": ("마닐라",), "South China Sea": ("남중국해",),
        "Russia": ("러시아",), "Poland": ("폴란드",), "Lithuania": ("리투아니아",),
        "Estonia": ("에스토니아",), "Latvia": ("라트비아",), "Finland": ("핀란드",),
        "Bulgaria": ("불가리아",), "Romania": ("루마니아",), "Israel": ("이스라엘",),
        "Lebanon": ("레바논",), "Iran": ("이란",), "Iraq": ("이라크",),
        "Pakistan": ("파키스탄",), "India": ("인도",), "Myanmar": ("미얀마",),
        "North Korea": ("북한", "북측"), "South Korea": ("한국", "남한", "대한민국"),
        "China": ("중국",), "Japan": ("일본",), "Taiwan": ("대만", "타이완"),
        "Ukraine": ("우크라이나",), "Turkey": ("튀르키예", "터키"), "Cyprus": ("키프로스",),
        "Egypt": ("이집트",), "Germany": ("독일",), "Sweden": ("스웨덴",),
        "Norway": ("노르웨이",), "Denmark": ("덴마크",), "Syria": ("시리아",),
        "Jordan": ("요르단",), "Belarus": ("벨라루스",), "Kaliningrad": ("칼리닌그라드",),
        "Baltic Sea": ("발트해",), "Black Sea": ("흑해",), "Mediterranean": ("지중해",),
        "Yellow Sea": ("서해", "황해"), "Moscow": ("모스크바",), "Seoul": ("서울",),
        "Incheon": ("인천",), "Busan": ("부산",), "Tokyo": ("도쿄",), "Beijing": ("베이징",),
        "Helsinki": ("헬싱키",), "Gimpo": ("김포",),
        "Istanbul": ("이스탄불",), "Dubai": ("두바이",), "Doha": ("도하",),
        "Tehran": ("테헤란",), "Baghdad": ("바그다드",), "Beirut": ("베이루트",),
        "Cairo": ("카이로",), "Kyiv": ("키이우", "키예프"), "Berlin": ("베를린",),
        "London": ("런던",), "Paris": ("파리",), "Frankfurt": ("프랑크푸르트",),
        "Stockholm": ("스톡홀름",), "Pyongyang": ("평양",),
        "Ganghwa-gun": ("강화도", "강화군"), "Jeju": ("제주",),
        "Incheon International Airport": ("인천국제공항", "인천공항"),
        "Gimpo International Airport": ("김포국제공항", "김포공항"),
    },
    "ar": {
        "Plovdiv": ("بلوفديف",), "Sofia": ("صوفيا",), "Vilnius": ("فيلنيوس",), "Riga": ("ريغا",),
        "Tallinn": ("تالين",), "Tartu": ("تارتو",), "Sulaymaniyah": ("السليمانيه",),
        "Mosul": ("الموصل",), "Najaf": ("النجف",), "Kuwait": ("الكويت",), "Qatar": ("قطر",),
        "United Arab Emirates": ("الامارات",), "Oman": ("سلطنه_عمان",), "Haifa": ("حيفا",),
        "Russia": ("روسيا",), "Poland": ("بولندا",), "Lithuania": ("ليتوانيا",),
        "Estonia": ("استونيا",), "Latvia": ("لاتفيا",), "Finland": ("فنلندا",),
        "Bulgaria": ("بلغاريا",), "Romania": ("رومانيا",),
        "Israel": ("اسرائيل",), "Lebanon": ("لبنان",), "Iran": ("ايران",),
        "Iraq": ("العراق",), "Pakistan": ("باكستان",), "India": ("الهند",),
        "Myanmar": ("ميانمار",), "North Korea": ("كوريا_الشماليه",),
        "South Korea": ("كوريا_الجنوبيه",), "China": ("الصين",), "Japan": ("اليابان",),
        "Taiwan": ("تايوان",), "Ukraine": ("اوكرانيا",), "Turkey": ("تركيا",),
        "Cyprus": ("قبرص",), "Egypt": ("مصر",), "Germany": ("المانيا",),
        "Sweden": ("السويد",), "Norway": ("النرويج",), "Denmark": ("الدنمارك",),
        "Syria": ("سوريا", "سوريه"), "Jordan": ("الاردن",), "Belarus": ("بيلاروسيا",),
        "Saudi Arabia": ("السعوديه",), "Kaliningrad": ("كالينينغراد",),
        "Baltic Sea": ("بحر_البلطيق", "البلطيق"), "Black Sea": ("البحر_الاسود",),
        "Mediterranean": ("البحر_الابيض_المتوسط", "البحر_المتوسط"),
        "Eastern Mediterranean": ("شرق_البحر_الابيض_المتوسط", "شرق_البحر_المتوسط",
                                  "شرق_حوض_البحر_المتوسط"),
        "Persian Gulf": ("الخليج_العربي", "الخليج_الفارسي"), "Red Sea": ("البحر_الاحمر",),
        "Ben Gurion Airport": ("مطار_بن_غوريون", "مطار_بن_جوريون"),
        "Tel Aviv": ("تل_ابيب",), "Baghdad": ("بغداد",), "Beirut": ("بيروت",),
        "Tehran": ("طهران",), "Cairo": ("القاهره",), "Damascus": ("دمشق",),
        "Moscow": ("موسكو",), "Erbil": ("اربيل",), "Basra": ("البصره",),
        "Larnaca": ("لارنكا",), "Dubai": ("دبي",),
    },
    "he": {
        "Plovdiv": ("פלובדיב",), "Sofia": ("סופיה",), "Vilnius": ("וילנה", "וילניוס"),
        "Russia": ("רוסיה",), "Poland": ("פולין",), "Lithuania": ("ליטא",),
        "Estonia": ("אסטוניה",), "Latvia": ("לטביה",), "Finland": ("פינלנד",),
        "Israel": ("ישראל",), "Lebanon": ("לבנון",), "Iran": ("איראן",), "Iraq": ("עיראק",),
        "Syria": ("סוריה",), "Jordan": ("ירדן",), "Egypt": ("מצרים",), "Cyprus": ("קפריסין",),
        "Turkey": ("טורקיה",), "Ukraine": ("אוקראינה",), "Germany": ("גרמניה",),
        "India": ("הודו",), "Pakistan": ("פקיסטן",), "China": ("סין",),
        "Bulgaria": ("בולגריה",), "Romania": ("רומניה",), "Denmark": ("דנמרק",),
        "Sweden": ("שוודיה",), "Norway": ("נורווגיה",), "Belarus": ("בלארוס",),
        "Kaliningrad": ("קלינינגרד",), "Baltic Sea": ("הים_הבלטי",), "Myanmar": ("מיאנמר",),
        "North Korea": ("צפון_קוריאה",), "South Korea": ("דרום_קוריאה",), "Japan": ("יפן",),
        "Taiwan": ("טייוואן",), "Saudi Arabia": ("ערב_הסעודית",),
        "Mediterranean": ("הים_התיכון",), "Black Sea": ("הים_השחור",),
        "Ben Gurion Airport": ("נתב\"ג", "נתבג", "נמל_התעופה_בן_גוריון", "בן_גוריון"),
        "Tel Aviv": ("תל_אביב",), "Haifa": ("חיפה",), "Eilat": ("אילת",),
        "Beirut": ("ביירות",), "Moscow": ("מוסקבה",),
    },
    "hi": {
        "Plovdiv": ("प्लोवदीव", "प्लोवदिव"), "Sofia": ("सोफिया",), "Bengaluru": ("बेंगलुरु",),
        "Hyderabad": ("हैदराबाद",), "Pathankot": ("पठानकोट",), "Chandigarh": ("चंडीगढ",),
        "Leh": ("लेह",), "Jaipur": ("जयपुर",), "Lucknow": ("लखनऊ",), "Ahmedabad": ("अहमदाबाद",),
        "Russia": ("रूस",), "Poland": ("पोलैंड",), "Lithuania": ("लिथुआनिया",),
        "Estonia": ("एस्टोनिया",), "Latvia": ("लातविया",), "Finland": ("फिनलैंड",),
        "Bulgaria": ("बुल्गारिया",), "Romania": ("रोमानिया",),
        "Israel": ("इजराइल", "इस्राइल", "इजरायल"), "Lebanon": ("लेबनान",),
        "Iran": ("ईरान",), "Iraq": ("इराक",), "Pakistan": ("पाकिस्तान",),
        "India": ("भारत",), "Myanmar": ("म्यांमार", "म्यांमा"), "North Korea": ("उत्तर_कोरिया",),
        "South Korea": ("दक्षिण_कोरिया",), "China": ("चीन",), "Japan": ("जापान",),
        "Taiwan": ("ताइवान",), "Ukraine": ("यूक्रेन",), "Turkey": ("तुर्की",),
        "Cyprus": ("साइप्रस",), "Egypt": ("मिस्र",), "Germany": ("जर्मनी",),
        "Sweden": ("स्वीडन",), "Norway": ("नॉर्वे",), "Denmark": ("डेनमार्क",),
        "Syria": ("सीरिया",), "Jordan": ("जॉर्डन",), "Afghanistan": ("अफगानिस्तान",),
        "Bangladesh": ("बांग्लादेश",), "Nepal": ("नेपाल",),
        "Baltic Sea": ("बाल्टिक_सागर",), "Black Sea": ("काला_सागर",),
        "Mediterranean": ("भूमध्य_सागर",),
        "Delhi": ("दिल्ली", "नई_दिल्ली"), "Mumbai": ("मुंबई",), "Amritsar": ("अमृतसर",),
        "Jammu": ("जम्मू",), "Srinagar": ("श्रीनगर",), "Lahore": ("लाहौर",),
        "Karachi": ("कराची",), "Kolkata": ("कोलकाता",), "Chennai": ("चेन्नई",),
        "Yangon": ("यांगून",), "Moscow": ("मॉस्को",),
        "Indira Gandhi International Airport": ("इंदिरा_गांधी_इंटरनेशनल_एयरपोर्ट",
                                                "इंदिरा_गांधी_अंतरराष्ट्रीय_हवाई_अड्डा",
                                                "इंदिरा_गांधी_अंतर्राष्ट्रीय_हवाई_अड्डे"),
    },
    # Punjabi in Gurmukhi (postpositions follow, as in Hindi).
    "pa": {
        "Delhi": ("ਦਿੱਲੀ", "ਨਵੀਂ_ਦਿੱਲੀ"), "Jammu": ("ਜੰਮੂ",), "Amritsar": ("ਅੰਮ੍ਰਿਤਸਰ",),
        "Srinagar": ("ਸ੍ਰੀਨਗਰ", "ਸ਼੍ਰੀਨਗਰ"), "Chandigarh": ("ਚੰਡੀਗੜ੍ਹ",), "Mumbai": ("ਮੁੰਬਈ",),
        "Pathankot": ("ਪਠਾਨਕੋਟ",), "Lahore": ("ਲਾਹੌਰ",), "Jaipur": ("ਜੈਪੁਰ",),
        "India": ("ਭਾਰਤ",), "Pakistan": ("ਪਾਕਿਸਤਾਨ",), "Russia": ("ਰੂਸ",), "Iran": ("ਈਰਾਨ",),
        "Israel": ("ਇਜ਼ਰਾਈਲ", "ਇਜ਼ਰਾਇਲ"), "Bulgaria": ("ਬੁਲਗਾਰੀਆ",), "Myanmar": ("ਮਿਆਂਮਾਰ",),
        "Plovdiv": ("ਪਲੋਵਦੀਵ",),
        "Indira Gandhi International Airport": ("ਇੰਦਰਾ_ਗਾਂਧੀ_ਅੰਤਰਰਾਸ਼ਟਰੀ_ਹਵਾਈ_ਅੱਡੇ",
                                                "ਇੰਦਰਾ_ਗਾਂਧੀ_ਕੌਮਾਂਤਰੀ_ਹਵਾਈ_ਅੱਡੇ"),
    },
    # Urdu and Persian (Arabic script; written here as they are spelled, folded when read).
    "ur": {
        "Lahore": ("لاہور",), "Sialkot": ("سیالکوٹ",), "Karachi": ("کراچی",),
        "Islamabad": ("اسلام_آباد",), "Peshawar": ("پشاور",), "Quetta": ("کوئٹہ",),
        "Multan": ("ملتان",), "Rahim Yar Khan": ("رحیم_یار_خان",), "Faisalabad": ("فیصل_آباد",),
        "Gilgit": ("گلگت",), "Skardu": ("سکردو",), "Gwadar": ("گوادر",),
        "Allama Iqbal International Airport": ("علامہ_اقبال_انٹرنیشنل_ایئرپورٹ",
                                               "علامہ_اقبال_ایئرپورٹ", "علامہ_اقبال_ایئر_پورٹ"),
        "Jinnah International Airport": ("جناح_انٹرنیشنل_ایئرپورٹ",),
        "Pakistan": ("پاکستان",), "India": ("بھارت", "ہندوستان", "انڈیا"),
        "Afghanistan": ("افغانستان",), "Iran": ("ایران",), "China": ("چین",),
        "Russia": ("روس",), "Ukraine": ("یوکرین",), "Israel": ("اسرائیل",),
        "Saudi Arabia": ("سعودی_عرب",), "United Arab Emirates": ("متحدہ_عرب_امارات",),
        "Turkey": ("ترکی", "ترکیہ"), "Bulgaria": ("بلغاریہ",), "Poland": ("پولینڈ",),
        "Estonia": ("اسٹونیا", "ایسٹونیا"), "Finland": ("فن_لینڈ",), "Lithuania": ("لتھوینیا",),
        "United Kingdom": ("برطانیہ",), "United States": ("امریکا", "امریکہ"),
        "Myanmar": ("میانمار",), "Baltic Sea": ("بحیرہ_بالٹک",), "Black Sea": ("بحیرہ_اسود",),
        "Delhi": ("دہلی", "دلی", "نئی_دہلی"), "Amritsar": ("امرتسر",), "Jammu": ("جموں",),
        "Srinagar": ("سری_نگر",), "Kashmir": ("کشمیر",), "Dubai": ("دبئی",),
        "Tehran": ("تہران",), "Kabul": ("کابل",), "Moscow": ("ماسکو",), "London": ("لندن",),
        "Plovdiv": ("پلوودیو",), "Iraq": ("عراق",), "Lebanon": ("لبنان",),
        "Helsinki": ("ہیلسنکی",), "Vilnius": ("ولنیئس",), "Warsaw": ("وارسا",),
    },
    "fa": {
        "Tehran": ("تهران",), "Mashhad": ("مشهد",), "Isfahan": ("اصفهان",), "Shiraz": ("شیراز",),
        "Tabriz": ("تبریز",), "Bandar Abbas": ("بندرعباس", "بندر_عباس"), "Kish": ("کیش",),
        "Bushehr": ("بوشهر",), "Ahvaz": ("اهواز",), "Kerman": ("کرمان",),
        "Mehrabad International Airport": ("فرودگاه_مهرآباد", "مهرآباد"),
        "Imam Khomeini International Airport": ("فرودگاه_امام_خمینی", "فرودگاه_امام"),
        "Iran": ("ایران",), "Iraq": ("عراق",), "Afghanistan": ("افغانستان",),
        "Pakistan": ("پاکستان",), "India": ("هند", "هندوستان"), "Turkey": ("ترکیه",),
        "Russia": ("روسیه",), "Ukraine": ("اوکراین",), "Israel": ("اسرائیل",),
        "Lebanon": ("لبنان",), "Syria": ("سوریه",), "Jordan": ("اردن",), "Egypt": ("مصر",),
        "Cyprus": ("قبرس",), "Saudi Arabia": ("عربستان", "عربستان_سعودی"),
        "United Arab Emirates": ("امارات", "امارات_متحده_عربی"), "Qatar": ("قطر",),
        "Kuwait": ("کویت",), "Oman": ("عمان",), "Azerbaijan": ("آذربایجان",),
        "Armenia": ("ارمنستان",), "Georgia": ("گرجستان",), "Bulgaria": ("بلغارستان",),
        "Poland": ("لهستان",), "Lithuania": ("لیتوانی",), "Latvia": ("لتونی",),
        "Estonia": ("استونی",), "Finland": ("فنلاند",), "Sweden": ("سوئد",),
        "Norway": ("نروژ",), "Denmark": ("دانمارک",), "Germany": ("آلمان",),
        "Romania": ("رومانی",), "Belarus": ("بلاروس",), "China": ("چین",),
        "North Korea": ("کره_شمالی",), "South Korea": ("کره_جنوبی",), "Japan": ("ژاپن",),
        "United Kingdom": ("بریتانیا", "انگلیس"), "United States": ("آمریکا", "امریکا"),
        "Kaliningrad": ("کالینینگراد",), "Baltic Sea": ("دریای_بالتیک",),
        "Black Sea": ("دریای_سیاه",), "Persian Gulf": ("خلیج_فارس",),
        "Caspian Sea": ("دریای_خزر",), "Mediterranean": ("دریای_مدیترانه",),
        "Strait of Hormuz": ("تنگه_هرمز",), "Baghdad": ("بغداد",), "Dubai": ("دبی",),
        "Doha": ("دوحه",), "Istanbul": ("استانبول",), "Moscow": ("مسکو",),
        "Kyiv": ("کی‌یف", "کییف"), "Tel Aviv": ("تل_آویو",), "Beirut": ("بیروت",),
        "Damascus": ("دمشق",), "Kabul": ("کابل",), "London": ("لندن",), "Plovdiv": ("پلوودیف",),
        "Helsinki": ("هلسینکی",), "Vilnius": ("ویلنیوس",), "Riga": ("ریگا",),
        "Tallinn": ("تالین",), "Warsaw": ("ورشو",), "Gdansk": ("گدانسک",), "Sofia": ("صوفیه",),
        "Ben Gurion Airport": ("فرودگاه_بن_گوریون",),
    },
}  # fmt: skip

#: Languages whose names fall back on another script table's (Urdu and Persian share many
#: place names with Arabic as written once folded: "لبنان", "قطر", "دمشق").
_SCRIPT_PLACES_FALLBACK = {"ur": "ar", "fa": "ar"}


def fold_script(text: str) -> str:
    """``text`` as the scripts' tables are written: compatibility forms (full-width letters and
    digits) unified, Arabic vowel marks, tatweel and hamza seats dropped (أ إ آ ؤ -> ا و, ة -> ه,
    ى -> ي), the Persian and Urdu forms of Arabic letters as the Arabic ones (ی -> ي, ک -> ك,
    ہ -> ه) and the zero-width non-joiner dropped, the Devanagari nukta dropped ("फ़" -> "फ"),
    and digits of every script (Extended Arabic-Indic "۱۴۰۴" included) as 0-9."""
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_SCRIPT_FOLD)


_SCRIPT_FOLD = {
    **{0x0660 + d: str(d) for d in range(10)},  # Arabic-Indic digits
    **{0x06F0 + d: str(d) for d in range(10)},  # Eastern Arabic-Indic digits
    **{0x0966 + d: str(d) for d in range(10)},  # Devanagari digits
    **{0x0A66 + d: str(d) for d in range(10)},  # Gurmukhi digits
    0x0A3C: None,  # Gurmukhi nukta ("ਜਹਾਜ਼" -> "ਜਹਾਜ")
    **{c: None for c in range(0x064B, 0x0653)},  # Arabic vowel marks
    0x0640: None, 0x0670: None, 0x093C: None,  # tatweel, superscript alef, nukta
    ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا", ord("ة"): "ه", ord("ى"): "ي",
    # Urdu and Persian letters that are Arabic ones in another form (Persian and Urdu "ی", "ک",
    # Urdu "ہ", "ۃ", hamza on "ۓ"), so that the Arabic tables and names serve them too, and the
    # zero-width non-joiner Persian writes inside words ("هواپیما‌ها", "می‌شود"): dropped, as
    # most stored pages already drop it.
    ord("ی"): "ي", ord("ک"): "ك", ord("ہ"): "ه", ord("ۃ"): "ه", ord("ۂ"): "ه", ord("ۓ"): "ے",
    ord("ؤ"): "و", 0x200C: None,
}  # fmt: skip


@functools.cache
def script_places(code: str) -> dict[str, str]:
    """The place names of language ``code`` (one of :data:`SCRIPT_EXONYMS`), folded, with words
    joined by single spaces -> English name."""
    places = {
        fold_script(name.replace("_", " ")): english
        for english, names in SCRIPT_EXONYMS.get(code, {}).items()
        for name in names
    }
    if code in _SCRIPT_PLACES_FALLBACK:
        for name, english in script_places(_SCRIPT_PLACES_FALLBACK[code]).items():
            places.setdefault(name, english)
    return places


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
                "финск", "фінськ", "suome", "soome", "φινλανδ", "finse"),
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
    # "espaço aéreo iraniano", "irakischen Luftraum": the Middle East's airspaces.
    "Iranian": ("iranien", "iraní", "iranian", "iranisch", "iransk", "irańsk", "íránsk", "иранск",
                "іранськ", "ιρανικ", "iraans"),
    "Iraqi": ("irakien", "iraquí", "iraquian", "iracheno", "irakisch", "iraksk", "iracki",
              "irácký", "иракск", "іракськ", "ιρακιν", "iraaks"),
    # "espacio aéreo venezolano": the Caribbean's airspaces.
    "Venezuelan": ("vénézuélien", "venezolan", "venezuelan", "venezuelsk", "wenezuelsk",
                   "венесуэльск", "венесуельськ"),
    "Israeli": ("israélien", "israelí", "israelense", "israelian", "israeliano", "israelisch",
                "israelsk", "izraelsk", "израильск", "ізраїльськ", "ισραηλιν", "israëlisch"),
}  # fmt: skip
# Albanian adjectives after "hapësira ajrore" (the airspace): "polake", "finlandeze",
# "bullgare", "turke", "greke", "izraelite" ("ruse", "lituaneze", "letoneze" are read above).
for _english, _stems in {
    "Polish": ("polake",), "Finnish": ("finlandeze",), "Bulgarian": ("bullgare",),
    "Turkish": ("turke",), "Greek": ("greke",), "Israeli": ("izraelite",),
}.items():  # fmt: skip
    DEMONYMS[_english] = DEMONYMS[_english] + _stems


def demonym(word: str) -> str:
    """The English adjective of nationality ``word`` (any case ending) is, or ``""``.

    The longest stem the word starts with decides, and a short stem takes a short ending only:
    "venezolano" is not Estonian "vene" (Russian) with an ending."""
    low = word.lower()
    best = ""
    best_stem = ""
    for english, stems in DEMONYMS.items():
        for stem in stems:
            ending = len(low) - len(stem)
            if (
                low.startswith(stem)
                and ending <= (6 if len(stem) >= 5 else 4)
                and len(stem) > len(best_stem)
            ):
                best, best_stem = english, stem
    return best


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
           ("iin", "", "to"), ("ille", "", "to"), ("ilta", "", "from"), ("iltä", "", "from"),
           # The genitive of a name ending in a consonant ("Plovdivin lähellä": near Plovdiv).
           ("in", "", ""),
           # The partitive after "approaching", "towards": "lähestyessään Kuopiota".
           ("ta", "", ""), ("tä", "", ""),
           # Names in -e lengthen it before an ending ("Tampereelle", "Tampereen").
           ("eelle", "e", "to"), ("eella", "e", "at"), ("eelta", "e", "from"),
           ("eessa", "e", "in"), ("eesta", "e", "from"), ("een", "e", "")),
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
           ("y", "", ""), ("nia", "ń", ""), ("nia", "n", ""),
           # The instrumental after a soft consonant ("nad Gdańskiem", "nad Wrocławiem").
           ("iem", "", ""),
           # Plural towns in -ice ("do Katowic", "nad Katowicami").
           ("ic", "ice", ""), ("icami", "ice", "")),
    "cs": (("ě", "", "in"), ("e", "", "in"), ("u", "", "in"), ("a", "", ""), ("y", "a", ""),
           ("i", "a", "in"), ("ou", "a", ""), ("ě", "a", "in"), ("ie", "", "in"),
           ("ej", "a", "in"), ("om", "", ""),
           # The instrumental of a masculine name ("nad Plovdivem", "nad Kaliningradem").
           ("em", "", ""),
           # Plural town names: "v Košiciach", "v Pardubicích" (Košice, Pardubice).
           ("iach", "e", "in"), ("ích", "e", "in"), ("ami", "e", ""), ("emi", "e", ""),
           ("íc", "ice", ""), ("ic", "ice", "")),
    "ru": (("е", "", "in"), ("у", "", "to"), ("а", "", ""), ("ом", "", ""), ("и", "ь", "in"),
           ("ы", "а", ""), ("е", "а", "in"), ("у", "а", "to"), ("ой", "а", ""), ("и", "а", ""),
           ("і", "", "in"), ("і", "а", "in"), ("ю", "ь", "to"), ("ові", "", "to"),
           ("е", "о", "in"), ("а", "о", ""),
           # Instrumentals of feminine names ("над Софией", "над Одесою", "над Софією").
           ("ией", "ия", ""), ("ією", "ія", ""), ("ою", "а", ""), ("ей", "я", "")),
    "tr": (),
    # Azerbaijani: locative -da/-də, ablative -dan/-dən, dative -a/-ə (-ya/-yə, -na/-nə after a
    # vowel or a possessive), genitive -ın/-in/-un/-ün (-nın...).
    "az": (("nda", "", "in"), ("ndə", "", "in"), ("ndan", "", "from"), ("ndən", "", "from"),
           ("da", "", "in"), ("də", "", "in"), ("ta", "", "in"), ("tə", "", "in"),
           ("dan", "", "from"), ("dən", "", "from"), ("tan", "", "from"), ("tən", "", "from"),
           ("ya", "", "to"), ("yə", "", "to"), ("na", "", "to"), ("nə", "", "to"),
           ("a", "", "to"), ("ə", "", "to"), ("nın", "", ""), ("nin", "", ""), ("nun", "", ""),
           ("nün", "", ""), ("ın", "", ""), ("in", "", ""), ("un", "", ""), ("ün", "", "")),
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
    # Romanian writes the article onto a foreign name in the genitive ("deasupra Plovdivului",
    # above Plovdiv).
    "ro": (("ului", "", ""),),
    # Albanian writes the article and case onto a name ("Kaliningradit", of Kaliningrad;
    # "Varshavës", "Tiranën"); the role is told by the preposition before it. Not a lone "-t"
    # or "-n" ("Helsinkit" is an exonym): "Mediat" (the media) would be Médéa.
    "sq": (("it", "", ""), ("in", "", ""), ("i", "", ""), ("ut", "", ""), ("un", "", ""),
           ("u", "", ""), ("ës", "a", ""), ("ën", "a", ""), ("ës", "ë", ""), ("ën", "ë", "")),
}  # fmt: skip
CASE_ENDINGS["sk"] = CASE_ENDINGS["cs"]
CASE_ENDINGS["sl"] = CASE_ENDINGS["cs"]
CASE_ENDINGS["sr"] = CASE_ENDINGS["cs"]
CASE_ENDINGS["mk"] = CASE_ENDINGS["ru"]
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
def _exonym_stems(code: str = "") -> tuple[tuple[str, str], ...]:
    """The stems of :data:`EXONYMS`, longest first; for ``code``, its own
    (:data:`LOCAL_EXONYMS`) before them."""
    if code:
        local = [
            (stem.replace("_", " "), english)
            for english, stems in LOCAL_EXONYMS.get(code, {}).items()
            for stem in stems
        ]
        local.sort(key=lambda p: -len(p[0]))
        return tuple(local) + _exonym_stems()
    pairs = [
        (stem.replace("_", " "), english) for english, stems in EXONYMS.items() for stem in stems
    ]
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple(pairs)


def exonym(text: str, code: str = "") -> str:
    """English name of a country, sea or region named ``text`` in another language, or ``""``.

    ``text`` may be one word or two ("nad Bałtykiem" passes "Bałtykiem"; "Morze Czarne" passes
    both words). ``code``: the language, whose own exonyms (:data:`LOCAL_EXONYMS`) count too.
    """
    return _exonym_match(text, code if code in LOCAL_EXONYMS else "")[0]


@functools.lru_cache(maxsize=8192)
def _exonym_match(text: str, code: str = "") -> tuple[str, int]:
    """``(english name, letters left after the stem)`` of :func:`exonym`, or ``("", 0)``."""
    low = text.lower()
    for stem, english in _exonym_stems(code if code in LOCAL_EXONYMS else ""):
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


def place_of_nation(word: str, nation: str) -> PlaceName | None:
    """The town ``word`` names when the words before it give its country's adjective
    ("de Finse plaats Savonlinna", "la ville finlandaise de Savonlinna": ``nation`` is
    "Finnish"), or ``None``. The adjective says which country the town is in, so a small town
    abroad, which :func:`resolve_place` leaves out as more often a surname, is taken when the
    gazetteer has it, as written, in that country."""
    from tracker.geocode.text import fold

    country = _gazetteer(nation) if nation else None
    code = country.raw.get("country_code") if country is not None else ""
    if not code or country.raw.get("precision") != "country" or len(word) < 4:
        return None
    location = _gazetteer(transliterate(word))
    if (
        location is None
        or location.raw.get("country_code") != code
        or location.raw.get("precision") not in {"city", "airport"}
        or int(location.raw.get("population") or 0) < MIN_POPULATION
        and location.raw.get("precision") == "city"
        and not _has_airport(location.raw.get("name", ""))
        or fold(location.raw.get("name", "")) != fold(transliterate(word))
    ):
        return None
    return PlaceName(location.raw.get("name") or word, "", "gazetteer")


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
    >>> resolve_place("Tartossakin", "fi").name
    'Tartu'
    """
    from tracker.ingest.languages.lexicon import CLITICS

    for clitic in CLITICS.get(code, ()):
        # "Tartossakin" (in Tartu too): the name with its case ending, less the particle (which
        # would hide the ending, and the role it gives).
        if word.lower().endswith(clitic) and len(word) - len(clitic) >= 4:
            found = _resolve_place(word[: -len(clitic)], code, strict=strict)
            if found is not None:
                return found
    return _resolve_place(word, code, strict=strict)


def _resolve_place(word: str, code: str, *, strict: bool = False) -> PlaceName | None:
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
    found, rest = _exonym_match(word, code)
    if not found:
        found, rest = _exonym_match(transliterate(word), code)
    if found and rest >= 3 and _city_named_exactly(transliterate(word), code):
        # A stem that leaves three letters or more is a loose match: "Ηράκλειο" (Iraklio) is
        # Heraklion, not "Irak" with an ending.
        found = ""
    if found:
        # The case ending still says the role: "Helsingistä" is "from Helsinki".
        # Only letters after the stem are an ending: "Moskva", "Rusiya" end in the dative "-a"
        # of Azerbaijani but are the names themselves.
        role = next(
            (
                r
                for e, _, r in endings
                if low.endswith(e) and len(low) - len(e) >= 4 and len(e) <= rest
            ),
            "",
        )
        return PlaceName(found, role, "exonym")
    latin = transliterate(word)
    if code == "tr" and "'" in word:
        latin = latin.split("'")[0]
    location = _gazetteer(latin)
    if location is not None and _umlaut_lost(word, location, code):
        location = None
    as_written = None
    if (
        location is not None
        and _acceptable(location, stripped=strict, code=code)
        and not (strict and _small_town_abroad(location, code))
        and (
            _same_name(location, latin)
            or (
                location.raw.get("precision") == "airport"
                and not _small_field_abroad(location, code)
            )
        )
    ):
        # A city named by an alternate spelling ("Khelsinki", "Wien") takes the gazetteer's own
        # name: the English rules look up primary names.
        primary = location.raw.get("name") if location.raw.get("precision") == "city" else ""
        as_written = PlaceName(primary or latin, _turkish_role(word, code), "gazetteer")
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


#: Turkish writes a case suffix after a name's apostrophe: "İstanbul'dan" (from Istanbul),
#: "Erbil'e" (to Erbil), "Ankara'da" (in Ankara).
_TURKISH_SUFFIX_ROLES = {
    **dict.fromkeys(("dan", "den", "tan", "ten"), "from"),
    **dict.fromkeys(("da", "de", "ta", "te", "daki", "deki", "taki", "teki"), "in"),
    **dict.fromkeys(("a", "e", "ya", "ye"), "to"),
}


def _turkish_role(word: str, code: str) -> str:
    """The preposition a Turkish suffix after an apostrophe stands for, or ``""``."""
    if code != "tr":
        return ""
    _, apostrophe, suffix = word.replace("\u2019", "'").partition("'")
    return _TURKISH_SUFFIX_ROLES.get(suffix.lower(), "") if apostrophe else ""


#: German writes an umlaut as "ae", "oe", "ue" when it cannot print it ("Muenchen"), so every
#: German name with an umlaut has that spelling in GeoNames too ("zuerich", "koeln").
_UMLAUT_AS_E = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _umlaut_lost(word: str, location, code: str) -> bool:
    """Did a German word match a city only once its umlaut was dropped? "Gerät" (a device)
    folds to "gerat", a transliteration of Herat; a place a German writes with an umlaut is
    also found spelt with "ae"/"oe"/"ue" ("Zürich", "Köln", "München")."""
    if code != "de" or location.raw.get("precision") != "city" or not re.search("[äöüÄÖÜ]", word):
        return False
    from tracker.geocode.index import shared_index
    from tracker.geocode.text import fold

    return not shared_index().cities.lookup(fold(word.translate(_UMLAUT_AS_E)))


def _small_town_abroad(location, code: str) -> bool:
    """Is ``location`` a town abroad under :data:`MIN_POPULATION_INITIAL_ABROAD` inhabitants
    that no airport serves?"""
    raw = location.raw
    return (
        raw.get("precision") == "city"
        and code in HOME
        and raw.get("country_code") not in HOME[code]
        and int(raw.get("population") or 0) < MIN_POPULATION_INITIAL_ABROAD
        and not _has_airport(raw.get("name", ""))
    )


# Airfields that no foreign news report names by a word of their name alone.
_SMALL_FIELD = re.compile(r"\b(?:Municipal|Regional|County|Airpark|Field|Airstrip)\b")


def _small_field_abroad(location, code: str) -> bool:
    """Is ``location`` a small airfield abroad, found by one word of its name ("Robles" of
    "Paso Robles Municipal Airport", a Spanish surname)? A word of a large airport's name
    ("Gardermoen", "Kastrup") still names that airport."""
    raw = location.raw
    return (
        code in HOME
        and raw.get("country_code") not in HOME[code]
        and bool(_SMALL_FIELD.search(raw.get("name", "")))
    )


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
        found = exonym(base, code)
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
