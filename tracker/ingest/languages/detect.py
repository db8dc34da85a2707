"""Which language a report is written in: the script, then the share of common function words.

No model and no download: each language has a short list of its most frequent function words
(articles, conjunctions, prepositions, pronouns, auxiliaries) chosen so that the lists overlap
little; the language whose words make up the largest share of the text's words wins. Texts in
Cyrillic are told apart by letters only one of the languages uses (Ukrainian і ї є ґ), Hebrew,
Arabic, Greek and East Asian scripts by their Unicode blocks.

>>> detect_language("The crew lost GPS on approach and the aircraft diverted.").code
'en'
>>> detect_language("Flyet mistet GPS-signalet, og det var ikke første gang, sier han.").code
'no'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Guess", "detect_language", "FUNCTION_WORDS", "LANGUAGE_NAMES"]

LANGUAGE_NAMES = {
    "en": "English", "no": "Norwegian", "da": "Danish", "sv": "Swedish", "fi": "Finnish",
    "et": "Estonian", "lv": "Latvian", "lt": "Lithuanian", "pl": "Polish", "de": "German",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "sk": "Slovak",
    "cs": "Czech", "es": "Spanish", "pt": "Portuguese", "fr": "French", "it": "Italian",
    "ro": "Romanian", "tr": "Turkish", "he": "Hebrew", "ar": "Arabic", "el": "Greek",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "hu": "Hungarian", "hi": "Hindi",
    "ur": "Urdu", "fa": "Persian", "pa": "Punjabi", "az": "Azerbaijani", "ca": "Catalan",
    "sl": "Slovenian", "mk": "Macedonian", "sr": "Serbian or Croatian",
    "id": "Indonesian or Malay", "is": "Icelandic", "vi": "Vietnamese", "sq": "Albanian",
}  # fmt: skip

#: The most frequent function words of each language written in Latin or Cyrillic script.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to in was were is that with for on at by from has have had this it "
        "which after an be are been its their said",
        "no": "og ikke det som på er med til fra etter av har var ble seg han hun vi de den "
        "skal kan også men om hva når nå ikkje eit ein dei frå",
        "da": "og ikke det som på er med til fra efter af har var blev sig han hun vi de den "
        "skal kan også men om hvad når nu være været",
        "sv": "och inte det som på är med till från efter av har var blev sig han hon vi de "
        "den ska kan också men om vad när nu att ett en inom över under",
        "fi": "ja ei oli että on se kun myös mutta jo nyt tai vain ovat olivat joka jotka hän "
        "sen kuin mukaan ole eivät takia koska jälkeen aikana",
        "et": "ja ei oli et on see kui ka aga nüüd või ainult nad mis kes tema selle ning "
        "oma pärast veel tõttu pole",
        "lv": "un ir ka par no uz ar tika kā arī bet vai tas tā šo šī kas pēc bija jau ne "
        "tikai gan dēļ",
        "lt": "ir kad yra su iš į buvo tai kaip taip pat bet ar jis ji jie po dar nuo kurie "
        "kuris metu dėl nes bei kai apie",
        "pl": "i nie się na jest że w z do to od po jak ale tak przez dla czy już został "
        "był była było są oraz który która ponieważ nad bez podczas przy",
        "de": "und nicht der die das ist mit von auf den dem ein eine sich für auch wurde "
        "bei nach aus im zu hat werden sind wie ein einen einem einer über",
        "nl": "de het een en van niet is dat op te met voor zijn door aan bij ook naar werd "
        "heeft worden wordt",
        "ru": "и не в на что с по был была было это как из за к от для также но уже они он "
        "она который которые года",
        "uk": "і не в на що з та був була було це як із за до від для також але вже вони "
        "він вона який які року",
        "bg": "и не в на че с по беше това как от за към също но вече те той тя който са се да",
        "mk": "и не во на дека со по беше ова како од за кон исто но веќе тие тој таа кој се "
        "да ги го ќе што биле",
        "sk": "a je na sa že v z do to od po ako ale tak pre aj už bol bola bolo sú ktorý "
        "ktorá alebo",
        "cs": "a je na se že v z do to od po jako ale tak pro i už byl byla bylo jsou který "
        "která nebo také",
        "es": "el la de que los las en por con para una un del se es fue al como más pero "
        "sus su este esta según",
        "pt": "o a de que os as em por com para uma um do da no na se é foi ao como mais "
        "mas seus sua este não dos das",
        "fr": "le la de que les des en par avec pour une un du se est été au comme plus mais "
        "ses sa ce cette pas dans sur",
        "it": "il la di che gli le in per con una un del della si è stato al come più ma "
        "suoi sua questo non nel sono",
        "ro": "și nu în pe că cu de la din pentru este fost un o care mai dar au ale lui "
        "acest această",
        "tr": "ve bir bu da de için ile olarak olan gibi daha çok sonra ise ancak kadar göre değil",
        "hu": "és a az nem hogy egy is volt van meg csak de mint már után vagy ez azt",
        # Catalan and Slovenian (read with the Spanish and the Czech tables): the words they
        # share with their neighbours, and those their neighbours spell otherwise.
        "ca": "el la de que les en un una al els dels amb però també aquest aquesta aquests "
        "seva seus pel pels més ho hi després durant perquè havia",
        "sl": "je se na v za po od do pri ki tudi kot ter vendar zaradi lahko bo pa so nato "
        "kjer kar bilo bila bili smo sta",
        # Serbian and Croatian in Latin script (read with the Czech table): "u", "iz", "sa",
        # "koji", "nije", where Slovenian writes "v", "iz", "z", "ki", "ni".
        "sr": "je se na za po od do sa iz da su što šta koji koja koje kao ali nije bio bila "
        "bilo prema nakon jer će ili kojim kada",
        # Azerbaijani: only the words Turkish spells otherwise ("və", "ilə", "üçün").
        "az": "və ilə üçün isə kimi görə lakin amma həm hər artıq ən çox onun bunu edib olub "
        "deyil də",
        # Indonesian and Malay (read with one table): words the two share, and a few each
        # spells its own way ("karena", "kerana"); not "di", which Italian writes too.
        "id": "yang dan ini itu dengan untuk dari dalam pada tidak akan ke oleh juga telah "
        "sudah karena kerana atau adalah ialah bahwa bahawa mereka saat setelah selepas "
        "sebagai tersebut kata",
        # Icelandic: not the words Norwegian writes alike ("og", "er", "til", "var", "en").
        "is": "að í á sem við með um af fyrir frá hafa hefur hafði hann hún það þeir þær ekki "
        "eða þegar eftir hafi verið vera þess þar þá úr hjá einnig voru sinni sína sínum",
        # Vietnamese: one syllable a word, most with a tone mark; none written alike elsewhere.
        "vi": "của và các những được là trong với này cho không người đã bị khi từ về tại một "
        "có để đến cũng sau theo như nhưng đó thì sẽ lại nhiều vào đang đây hơn ngày rằng nên",
        # Albanian: not "si", "se", "do", "pas", "por", "ka", which neighbours write too.
        "sq": "dhe të në një për që është janë kanë nuk nga së ishte kishte ky kjo këtë ata "
        "edhe gjatë sipas tij saj tyre cili cila mbi më ose apo pasi kur",
    }.items()
}

#: Vietnamese vowels with a tone mark under or over a vowel that already carries one (Latin
#: Extended Additional), which no other language read here writes.
_VIETNAMESE_TONED = "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"

#: The letters beyond a-z each language writes (lower case). A short text with too few function
#: words to tell is told by its letters: a letter a language never writes counts against it.
ALPHABET_EXTRAS: dict[str, str] = {
    "no": "æøåé", "da": "æøåé", "sv": "åäöé", "fi": "äöå", "et": "õäöüšž",
    "lv": "āčēģīķļņšūž", "lt": "ąčęėįšųūž", "pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž", "de": "äöüß", "nl": "éëïö", "es": "áéíñóúü",
    "pt": "áâãàçéêíóôõú", "fr": "àâæçéèêëîïôœùûüÿ", "it": "àèéìíòóù", "ro": "ăâîșțşţ",
    "tr": "çğıöşüâî", "hu": "áéíóöőúüű", "az": "çəğıöşü", "ca": "àçèéíïòóúü·",
    "sl": "čšž", "sr": "čćđšž", "is": "áéíóúýþæöð", "sq": "ëç",
    "vi": "àáâãèéêìíòóôõùúýăđĩũơư" + _VIETNAMESE_TONED,
}  # fmt: skip

#: Letters most texts of a language have, which its neighbours in :data:`ALPHABET_EXTRAS` lack
#: (a Swedish text without "å", an Estonian one without "õ" or "ü", is unlikely).
SIGNATURE_LETTERS: dict[str, str] = {
    "no": "æøå", "da": "æøå", "sv": "å", "et": "õü", "de": "üß", "tr": "ığş", "hu": "őűá",
    "lv": "āēīū", "lt": "ėįųū", "pl": "łąęśźż", "cs": "řěů", "sk": "ľĺôŕ", "ro": "ăâșțşţ",
    "pt": "ãõç", "es": "ñ", "fr": "èêàç", "it": "àèòù", "nl": "ë", "fi": "äö", "az": "ə",
    "sr": "ćđ", "is": "þð", "sq": "ë", "vi": "ăơư" + _VIETNAMESE_TONED,
}  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _by_letters(text: str, hits: dict[str, int]) -> str:
    """For a short text in Latin script with no English function word: the language whose
    alphabet fits its letters best (function words break ties), or ``""`` when its letters
    say nothing (fewer than three letters beyond a-z, or one with a function word)."""
    letters = [ch for ch in text.lower() if ch.isalpha() and not ch.isascii()]
    if len(letters) < (1 if any(hits.values()) else 3):
        return ""
    scores = {}
    for code, extras in ALPHABET_EXTRAS.items():
        inside = sum(1 for ch in letters if ch in extras)
        signed = any(ch in SIGNATURE_LETTERS.get(code, "") for ch in letters)
        scores[code] = (
            inside - 2 * (len(letters) - inside) + 3 * hits.get(code, 0) - (0 if signed else 1.5)
        )
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else ""


#: The share of a Latin-script text's letters beyond a-z above which it is no English text
#: quoting a foreign name or two ("Azərbaycanın hava məkanından ...": one in six), unless
#: English function words make up :data:`ENGLISH_WORD_SHARE` of its words or more (an English
#: story on a Finnish site, its menus in Finnish).
FOREIGN_LETTER_SHARE = 0.03
ENGLISH_WORD_SHARE = 0.02


def _foreign_letters(text: str) -> float:
    """The share of the text's letters that are beyond a-z."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if not ch.isascii()) / len(letters) if letters else 0.0


def _fits_letters(text: str, hits: dict[str, int], best: str) -> str:
    """``best``, unless most of the text's letters beyond a-z are letters it never writes and
    another language with function words of its own writes them all ("V pondělí letadlo...",
    Czech, shares "nad", "do", "na" with Polish; "Mării", "întoarcă", Romanian, shares "un",
    "la" with Spanish). A few foreign letters (a Lithuanian name in a Polish article) change
    nothing."""
    letters = [ch for ch in text.lower() if ch.isalpha() and not ch.isascii()]
    if len(letters) < 5 or best not in ALPHABET_EXTRAS:
        return best

    def share(code: str) -> float:
        extras = ALPHABET_EXTRAS.get(code, "")
        return sum(1 for ch in letters if ch in extras) / len(letters)

    if share(best) >= 0.5:
        return best
    fitting = [c for c in hits if c != best and hits[c] >= 2 and share(c) >= 0.8]
    if not fitting and share(best) == 0:
        # Not one of the text's letters is the guess's ("Letadlo Českých aerolinií ... nad
        # Polskem": Czech, with one Czech word and the "nad" Polish writes too): a language
        # with a word of its own that writes them all.
        fitting = [c for c in hits if c != best and hits[c] >= 1 and share(c) >= 0.8]
        return max(fitting, key=lambda c: (share(c), hits[c])) if fitting else best
    return max(fitting, key=hits.get) if fitting else best


@dataclass(frozen=True)
class Guess:
    """A language guess: the ISO 639-1 code, and the winner's share of function words."""

    code: str
    share: float = 0.0

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.code, self.code)


def _script(text: str) -> str:
    counts = {"latin": 0, "cyrillic": 0, "hebrew": 0, "arabic": 0, "greek": 0, "han": 0,
              "kana": 0, "hangul": 0, "devanagari": 0, "gurmukhi": 0}  # fmt: skip
    for ch in text:
        o = ord(ch)
        if ch.isascii():
            if ch.isalpha():
                counts["latin"] += 1
        elif 0x00C0 <= o <= 0x024F or 0x1E00 <= o <= 0x1EFF:
            # (Latin Extended Additional: the Vietnamese vowels with two marks, "ế", "ộ".)
            counts["latin"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["cyrillic"] += 1
        elif 0x0590 <= o <= 0x05FF:
            counts["hebrew"] += 1
        elif 0x0600 <= o <= 0x06FF:
            counts["arabic"] += 1
        elif 0x0900 <= o <= 0x097F:
            counts["devanagari"] += 1
        elif 0x0A00 <= o <= 0x0A7F:
            counts["gurmukhi"] += 1
        elif 0x0370 <= o <= 0x03FF:
            counts["greek"] += 1
        elif 0x3040 <= o <= 0x30FF:
            counts["kana"] += 1
        elif 0xAC00 <= o <= 0xD7AF:
            counts["hangul"] += 1
        elif 0x4E00 <= o <= 0x9FFF:
            counts["han"] += 1
    if counts["kana"] >= 20 or (counts["kana"] >= 3 and counts["kana"] * 10 >= counts["han"]):
        # Chinese never writes kana; a short Japanese sentence has a few among its kanji.
        return "kana"
    # East Asian characters carry a word each: weigh them up against letters.
    weighted = dict(counts, han=counts["han"] * 3, hangul=counts["hangul"] * 3)
    return max(weighted, key=weighted.get)


# Letters Urdu and Persian write and Arabic does not (Urdu "ے", "ٹ", "ڈ", "ں", "ہ"; Persian
# "پ", "چ", "گ", "ژ" with "ی" and "ک"): such a text is not read through the Arabic tables.
_URDU_LETTERS = "ےٹڈڑںہھ"
_PERSIAN_LETTERS = "پچژگکی"


def _arabic_script(text: str) -> str:
    """Arabic, Urdu or Persian, by the letters only Urdu and Persian write."""
    letters = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    urdu = sum(text.count(c) for c in _URDU_LETTERS)
    if urdu >= max(3, letters // 100):
        return "ur"
    persian = sum(text.count(c) for c in _PERSIAN_LETTERS)
    if persian >= max(3, letters // 50):
        return "fa"
    return "ar"


def detect_language(text: str, *, sample: int = 6000) -> Guess:
    """Guess the language of ``text`` (its first ``sample`` characters).

    :returns: the guess; ``en`` (share 0) when the text has too few words to tell.
    """
    # Composed letters ("ế", not "e" and two combining marks), as words are found by letter.
    text = unicodedata.normalize("NFC", text[:sample])
    script = _script(text)
    if script == "arabic":
        return Guess(_arabic_script(text), 1.0)
    if script in {"hebrew", "greek", "devanagari", "gurmukhi"}:
        names = {"hebrew": "he", "greek": "el", "devanagari": "hi", "gurmukhi": "pa"}
        return Guess(names[script], 1.0)
    if script == "kana":
        return Guess("ja", 1.0)
    if script == "hangul":
        return Guess("ko", 1.0)
    if script == "han":
        return Guess("zh", 1.0)
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 5:
        return Guess("en", 0.0)
    if script == "cyrillic":
        ukrainian = sum(text.count(c) for c in "іїєґІЇЄҐ")
        bulgarian = text.count("ъ") + text.count("Ъ")
        russian = sum(text.count(c) for c in "ыэёЫЭЁ")
        # Macedonian writes "ѓ", "ќ", "ѕ" (and "ј", "љ", "њ", "џ" with Serbian), which no
        # language read here writes; Serbian "ћ", "ђ" say it is not Macedonian.
        macedonian = sum(text.lower().count(c) for c in "ѓќѕјљњџ")
        serbian = sum(text.lower().count(c) for c in "ћђ")
        candidates = ["ru", "uk", "bg"]
        if macedonian >= 3 and serbian == 0 and macedonian > russian + ukrainian:
            candidates = ["mk"]
        elif ukrainian > russian:
            candidates = ["uk"]
        elif bulgarian > 2 * russian:
            candidates = ["bg"]
        elif russian:
            candidates = ["ru"]
    else:
        candidates = [c for c in FUNCTION_WORDS if c not in {"ru", "uk", "bg", "mk"}]
    # One-letter words ("a", "i", "w", "o") are shared by too many languages to tell.
    counted = [w for w in words if len(w) > 1] or words
    hits = {code: sum(1 for w in counted if w in FUNCTION_WORDS[code]) for code in candidates}
    best = max(hits, key=hits.get)
    if script == "latin" and best != "en":
        best = _fits_letters(text, hits, best)
    if script == "latin" and hits[best] == 0:
        # Not one function word of any language: a short text, told by its letters if at all.
        return Guess(_by_letters(text, hits) or "en", 0.0)
    if (
        script == "latin"
        and best != "en"
        and (
            hits[best] < 2
            or hits[best] < 0.05 * len(counted)
            or hits.get("en", 0) * 2 >= hits[best]
        )
    ):
        # Too few words to tell, English quoting a foreign phrase, or a mixed text: English,
        # unless letters English never writes say otherwise, in a text with no English word
        # or fewer than half as many as the other language's. A language that writes its
        # grammar as endings ("Bulgaristan'a", "uçağın") has few function words to count, and
        # an English name or two ("Financial Times") should not make it English.
        few_english = (
            hits.get("en", 0) == 0
            or hits.get("en", 0) * 2 < hits[best]
            or (
                _foreign_letters(text) >= FOREIGN_LETTER_SHARE
                and hits.get("en", 0) < ENGLISH_WORD_SHARE * len(counted)
            )
        )
        letters = _by_letters(text, hits) if few_english else ""
        if letters:
            return Guess(letters, round(hits.get(letters, 0) / len(counted), 3))
        best = "en"
    return Guess(best, round(hits[best] / len(counted), 3))
