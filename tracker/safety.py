"""The rules that guard users, one copy each.

Report text is untrusted (see ``SECURITY.md``): it reaches browsers, spreadsheets and terminals.
Every module that links a URL, writes a CSV cell, cleans text, binds a server, parses a shared
link, states the dataset's limits or writes a file takes the rule from here, so a fix lands
everywhere at once:

* links: :func:`link_url` (``http``/``https`` with a host, nothing invisible, not too long);
* spreadsheet formulas: :data:`FORMULA_PREFIXES`, :func:`neutralise_formula`;
* control, zero-width and bidirectional characters: :data:`INVISIBLE_PATTERN`,
  :func:`has_invisible`, :func:`strip_invisible`;
* servers: :data:`LOOPBACK_HOSTS` (where debug mode may be served);
* shared links: :data:`MAX_QUERY_LENGTH`, :func:`query_accepted`;
* what the data is not: :data:`CAVEAT`, :data:`ADSB_CAVEAT`, :data:`NO_DATA_CAVEAT`;
* files: :func:`atomic_write`, which refuses to write over a dataset file
  (:func:`check_not_dataset`) unless the caller is one of the dataset writers.

The patterns are plain strings that both Python's :mod:`re` and pyarrow's RE2 accept, so the
validator's vectorised checks and the scalar functions here apply the same rule.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import urllib.parse
from pathlib import Path

from tracker.errors import TrackerError

__all__ = [
    "ADSB_CAVEAT",
    "CAVEAT",
    "DATASET_FILES",
    "FORMULA_PATTERN",
    "FORMULA_PREFIXES",
    "INVISIBLE_PATTERN",
    "LOOPBACK_HOSTS",
    "MAX_PLACE_QUERY_LENGTH",
    "MAX_QUERY_LENGTH",
    "MAX_URL_LENGTH",
    "NO_DATA_CAVEAT",
    "ProtectedPathError",
    "URL_PATTERN",
    "URL_START_PATTERN",
    "atomic_write",
    "check_not_dataset",
    "has_invisible",
    "is_dataset_folder",
    "is_loopback",
    "link_url",
    "neutralise_formula",
    "query_accepted",
    "strip_invisible",
    "write_temp",
]


# --- text ----------------------------------------------------------------------------------------

#: Inclusive code-point ranges of characters that are invisible or reorder text: C0 and C1
#: controls, DEL, zero-width characters and marks, line and paragraph separators, bidirectional
#: embeddings, overrides and isolates, word joiners, and the byte-order mark.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2069),
    (0xFEFF, 0xFEFF),
)
#: One character of :data:`INVISIBLE_RANGES`, as a regex character class (literal characters,
#: which RE2 accepts as well as :mod:`re`).
INVISIBLE_PATTERN = "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in INVISIBLE_RANGES) + "]"
_INVISIBLE = re.compile(INVISIBLE_PATTERN)


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds a control, zero-width or bidirectional character.

    >>> has_invisible("GPS\\u202ejam"), has_invisible("GPS jam")
    (True, False)
    """
    return _INVISIBLE.search(text) is not None


def strip_invisible(text: str, *, keep: str = "") -> str:
    """``text`` without its invisible characters, except those in ``keep``.

    :param keep: characters to leave in place (``"\\t\\n\\r"`` for text whose lines matter).

    >>> strip_invisible("GPS\\u202ejam\\r\\n", keep="\\n")
    'GPSjam\\n'
    """
    if keep:
        return _INVISIBLE.sub(lambda m: m.group() if m.group() in keep else "", text)
    return _INVISIBLE.sub("", text)


# --- spreadsheet formulas -------------------------------------------------------------------------

#: First characters that make a spreadsheet run a cell as a formula (OWASP CSV injection).
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def _class_member(char: str) -> str:
    return re.escape(char) if char.isprintable() else f"\\x{ord(char):02x}"


#: One character of :data:`FORMULA_PREFIXES`, as a regex character class.
FORMULA_PATTERN = "[" + "".join(_class_member(c) for c in FORMULA_PREFIXES) + "]"


def neutralise_formula(text: str) -> str:
    """``text``, prefixed with ``'`` when a spreadsheet would run it as a formula.

    >>> neutralise_formula("=HYPERLINK(1)"), neutralise_formula("jamming")
    ("'=HYPERLINK(1)", 'jamming')
    """
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


# --- links ----------------------------------------------------------------------------------------

#: Longest URL made into a link.
MAX_URL_LENGTH = 2000
#: What may become a link: http or https, a host of plain characters (letters, digits, dots,
#: hyphens, an IPv6 literal, a port), then a path, query or fragment without spaces. No user
#: information (``https://bank@evil``), no other scheme (``javascript:``, ``data:``).
_URL_SCHEME_AND_HOST = r"https?://[A-Za-z0-9.\-\[\]:]+"
URL_PATTERN = _URL_SCHEME_AND_HOST + r"(?:[/?#][^ \t\n\r\f\v]*)?"
#: The start of :data:`URL_PATTERN`: a text without whitespace (none of tab, LF, VT, FF, CR,
#: space) matches :data:`URL_PATTERN` as a whole if and only if this matches at its start
#: (the host class holds none of ``/?#``, so the host ends where the rest begins). The
#: validator uses it when a column has no byte up to a space: RE2 then stops after the host.
URL_START_PATTERN = _URL_SCHEME_AND_HOST + r"(?:[/?#]|$)"
_URL = re.compile(URL_PATTERN)


def link_url(url) -> str | None:
    """``url`` if it may become a link, else None.

    :param url: any value (only strings can qualify).
    :returns: the URL unchanged, or None when it does not match :data:`URL_PATTERN` as a whole,
        holds an invisible character, is longer than :data:`MAX_URL_LENGTH` or has no host.

    >>> link_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> link_url("javascript:alert(1)") is None, link_url("java\\tscript:x") is None
    (True, True)
    """
    if not isinstance(url, str) or len(url) > MAX_URL_LENGTH or not _URL.fullmatch(url):
        return None
    if has_invisible(url):
        return None
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    return url if host else None


# --- servers and shared links ---------------------------------------------------------------

#: Addresses where debug mode may be served: the Werkzeug debugger runs code for whoever can
#: reach it.
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is one of :data:`LOOPBACK_HOSTS`."""
    return host in LOOPBACK_HOSTS


#: Longest URL query string (a dashboard view, a shared link) the dashboard parses; longer input
#: is refused, not truncated, where a callback receives it (a shared link is never this long).
MAX_QUERY_LENGTH = 16_000
#: Longest place text handed to a geocoder; longer text is not a place name.
MAX_PLACE_QUERY_LENGTH = 500


def query_accepted(query) -> bool:
    """Whether a callback may parse ``query``: None (no query) or a string within the cap."""
    return query is None or (isinstance(query, str) and len(query) <= MAX_QUERY_LENGTH)


# --- caveats ------------------------------------------------------------------------------------

#: Said wherever incidents are shown or published: the dataset collects claims, it does not
#: measure signals.
CAVEAT = (
    "Reports are not measurements: each incident is a claim by published sources, "
    "located approximately; gaps may mean no reporting, not no interference."
)
#: Said wherever the ADS-B layer's blanks could be read as "no interference".
NO_DATA_CAVEAT = "No data is not no interference."
#: Shown wherever the ADS-B layer is: what it is, and what its blanks mean.
ADSB_CAVEAT = (
    "ADS-B layer: share of aircraft reporting degraded GNSS accuracy per hexagon and UTC day "
    f"(GPSJam's method). {NO_DATA_CAVEAT[:-1]}: blank areas had no aircraft or receivers."
)


# --- files --------------------------------------------------------------------------------------

#: Files that make a folder a dataset folder (see :func:`is_dataset_folder`).
DATASET_FILES = ("incidents.csv", "sources.csv", "figures.csv", "datapackage.json")


class ProtectedPathError(TrackerError, PermissionError):
    """A command other than the dataset writers tried to write over a dataset file."""


def is_dataset_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a dataset (any of :data:`DATASET_FILES`)."""
    return any((folder / name).is_file() for name in DATASET_FILES)


def check_not_dataset(path: str | os.PathLike) -> Path:
    """Refuse a path that would overwrite a dataset file: a ``*.csv`` or ``datapackage.json`` in a
    dataset folder (``data/``, or any folder holding incidents.csv, sources.csv or
    datapackage.json). Symbolic links are followed, so a link into ``data/`` is refused too.

    :returns: the path, resolved.
    :raises ProtectedPathError: with the path and what to do instead.
    """
    resolved = Path(path).resolve()
    name = resolved.name
    if (name.lower().endswith(".csv") or name == "datapackage.json") and is_dataset_folder(
        resolved.parent
    ):
        raise ProtectedPathError(
            f"{path}: refusing to write over {name} in the dataset folder {resolved.parent}; "
            "only the dataset commands (add, ingest --apply, geocode, fmt, schema) write there. "
            "Choose another output file."
        )
    return resolved


def write_temp(folder: Path, name: str, data: bytes | str, *, mode: int = 0o644) -> Path:
    """Write ``data`` to a new temporary file next to ``folder / name`` and sync it to disk.

    The building block of :func:`atomic_write` (and of the dataset's two-file commit, which
    replaces several files under one marker): the temporary file is ``.NAME.<random>.tmp`` in the
    same folder, so the final ``os.replace`` never crosses file systems.

    :param data: bytes, or text written as UTF-8.
    :param mode: permissions (``mkstemp`` creates 0600; written files are meant to be shared).
    :returns: the temporary file's path.
    :raises OSError: nothing is left behind.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def atomic_write(
    path: str | os.PathLike, data: bytes | str, *, dataset_writer: bool = False
) -> Path:
    """Replace ``path`` with ``data`` atomically: readers see the old file or the new one.

    :param path: the file to write; its folder must exist.
    :param data: bytes, or text written as UTF-8 (no newline translation).
    :param dataset_writer: only the dataset writers (the store in :mod:`tracker.dataset`, the
        datapackage and the geocode cache) pass True; everyone else is refused dataset files.
    :returns: the path written.
    :raises ProtectedPathError: ``path`` is a dataset file and the caller is not a dataset writer
        (see :func:`check_not_dataset`); nothing is written.
    :raises OSError: the write failed; the old file is unchanged and no temporary file is left.
    """
    target = Path(path)
    if not dataset_writer:
        check_not_dataset(target)
    tmp = write_temp(target.parent, target.name, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target
