"""Text folding shared by the gazetteer index and its queries.

Place names arrive with and without diacritics ("Poznań" and "Poznan", "Šiauliai" and
"Siauliai"), in any case and with assorted punctuation. Both the index (built once, see
``tools/build_cities.py``) and every query go through :func:`fold`, so they meet in the same plain
ASCII form. Changing :func:`fold` means rebuilding ``tracker/data/cities.txt.gz`` and bumping
``AIRPORT_INDEX_VERSION`` in ``airports.py``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "is_latin"]

# Letters NFKD does not decompose into ASCII plus a combining mark.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
        "ŋ": "n",
        "ʼ": "",
        "’": "",
        "'": "",
        "`": "",
        "ʻ": "",
        "ʿ": "",
        "ʾ": "",
        "‘": "",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Fold text to lower-case ASCII words separated by single spaces.

    :param text: any place text.
    :returns: the folded form; apostrophes vanish, other punctuation becomes a space.

    >>> fold("Šiauliai")
    'siauliai'
    >>> fold("  Vardø  Airport, eastern Finnmark ")
    'vardo airport eastern finnmark'
    >>> fold("Beirut–Rafic Hariri")
    'beirut rafic hariri'
    """
    if text.isascii():
        # Fast path (most airport and city names): no accents to strip.
        return _NON_ALNUM.sub(" ", text.replace("'", "").replace("`", "").lower()).strip()
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    # Drop combining accents (they belong to the letter before them); any other non-ASCII
    # character (dashes, other scripts) separates words.
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


def is_latin(text: str) -> bool:
    """Whether ``text`` is written in Latin script (so folding keeps its meaning).

    :param text: a name.
    :returns: True when every letter is Latin (with or without diacritics).
    """
    for char in text:
        if char.isalpha() and not ("LATIN" in unicodedata.name(char, "") or char in "ʼʻ"):
            return False
    return True
