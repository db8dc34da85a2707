"""What a news page's address tells when its text does not: the day it was published, and the
words of its headline.

News sites write the day into their addresses ("/2025/09/01/plane-lost-gps-near-plovdiv"). A page
copied without its date line (a pasted body, a stored excerpt) still has its URL. Only the
address's text is read; nothing here reaches the network.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse

__all__ = ["published_from_url", "published_month_from_url", "slug_words"]

# "/2025/09/01/", "/2025-09-01/", "-2025-09-01-", "/20250901/": a year from 1990 on, then month
# and day; the separators keep an article number ("/1609325829/") from passing for a date.
_URL_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[/_-]?)(?P<m>[01][0-9])(?P=sep)(?P<d>[0-3][0-9])"
    r"(?![0-9])"
)


def _path(url: str | None) -> str:
    """The address's path, or ``""`` for an address too malformed to split ("http://[::1")."""
    try:
        return urllib.parse.urlsplit(url or "").path
    except ValueError:
        return ""


def published_from_url(url: str) -> dt.date | None:
    """The publication day a news address carries, or ``None``.

    >>> published_from_url("https://example.org/world/2025/09/01/plane-lost-gps")
    datetime.date(2025, 9, 1)
    >>> published_from_url("https://example.org/a/1609325829/story") is None
    True
    """
    if not url:
        return None
    path = _path(url)
    for match in _URL_DATE.finditer(path):
        if not match["sep"] and not _stands_alone(path, match):
            continue  # "20250901" inside a longer run of letters and digits is an id
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
    return None


def _stands_alone(path: str, match: re.Match) -> bool:
    before = path[match.start() - 1] if match.start() else "/"
    after = path[match.end()] if match.end() < len(path) else "/"
    return before in "/-_." and after in "/-_."


# "/2018/11/finland-probes-...": blogs and many news sites write only the year and month.
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)[0-9]{2})/(?P<m>0[1-9]|1[0-2])/(?![0-3][0-9](?:/|$))")


def published_month_from_url(url: str) -> dt.date | None:
    """The first day of the publication month a news address carries ("/2018/11/slug"), when
    it carries no day, or ``None``.

    >>> published_month_from_url("https://example.blogspot.com/2025/07/glitch.html")
    datetime.date(2025, 7, 1)
    >>> published_month_from_url("https://example.org/2025/07/14/glitch") is None
    True
    """
    if not url or published_from_url(url) is not None:
        return None
    match = _URL_MONTH.search(_path(url))
    return dt.date(int(match["y"]), int(match["m"]), 1) if match else None


def slug_words(url: str) -> str:
    """The words of a news address's last part, its headline in short ("/2026/05/25/minister-
    aircraft-gps-signal-jammed/" gives "minister aircraft gps signal jammed"); ``""`` when the
    part holds no words (an article number, "index.html").

    >>> slug_words("https://example.org/world/2026/05/25/minister-plane-gps-jammed/")
    'minister plane gps jammed'
    >>> slug_words("https://example.org/a/1609325829")
    ''
    """
    path = _path(url)
    last = next((part for part in reversed(path.split("/")) if part), "")
    last = re.sub(r"\.(?:s?html?|php|aspx?)$", "", urllib.parse.unquote(last), flags=re.I)
    words = [w for w in re.split(r"[-_+.]+", last) if w.isalpha()]
    return " ".join(words) if len(words) >= 3 else ""
