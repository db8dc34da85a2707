"""Where export files go: safe names, the right folder, atomic writes, never the dataset.

An export writes exactly one file, at the path it was given, after checking that the folder exists
and is writable, that the name is harmless, and that the path is not inside the dataset folder.
The file appears complete or not at all (temporary file in the same folder, then ``os.replace``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path

from tracker import safety
from tracker.export.browser import ExportError

__all__ = [
    "OutputPathError",
    "safe_filename",
    "default_filename",
    "check_output_path",
    "write_output",
]

log = logging.getLogger(__name__)

_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._-]+")


class OutputPathError(ExportError, OSError):
    """The output path cannot be used (missing folder, not writable, inside the dataset...)."""


def safe_filename(name: str, *, fallback: str = "export") -> str:
    """A file name made only of ``[A-Za-z0-9._-]``, at most 100 characters, no leading dot.

    Accents are dropped, any run of other characters becomes one ``-``; the extension is kept.

    >>> safe_filename("Baltic map (2025)/v2.png")
    'Baltic-map-2025-v2.png'
    >>> safe_filename("../../etc/passwd")
    'etc-passwd'
    >>> safe_filename("...")
    'export'

    :param name: a proposed name (may come from a user or a chart title).
    :param fallback: used when nothing usable remains.
    """
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem, dot, ext = ascii_name.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,8}", ext):
        stem, ext = ascii_name, ""
    stem = _UNSAFE_RUN.sub("-", stem).strip(".-_")
    stem = re.sub(r"\.{2,}", ".", stem)
    if not stem:
        stem = fallback
    limit = 100 - (len(ext) + 1 if ext else 0)
    stem = stem[:limit].rstrip(".-_") or fallback
    return f"{stem}.{ext.lower()}" if ext else stem


def default_filename(kind: str, fmt: str, *, today: dt.date | None = None) -> str:
    """The name downloads get: ``gnss-interference-<kind>-<YYYY-MM-DD>.<fmt>``.

    :param kind: chart kind (``map``...) or ``incidents`` for data.
    :param fmt: file extension without the dot.
    :param today: date stamped in the name (UTC today by default).
    """
    day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    return safe_filename(f"gnss-interference-{kind}-{day}.{fmt}")


def check_output_path(
    target: str | os.PathLike, *, protected: Iterable[str | os.PathLike] = ()
) -> Path:
    """Validate an output path and return it with a sanitised file name.

    The folder part is used exactly as given (relative to the working directory); only the final
    name is cleaned with :func:`safe_filename`.

    :param target: the path the user asked for.
    :param protected: folders that must never receive an export (the dataset folder).
    :returns: the path that will be written.
    :raises OutputPathError: missing folder, a folder given instead of a file, not writable, or
        inside a protected folder.
    """
    raw = Path(target)
    if not raw.name or raw.name in {".", ".."} or str(target).endswith(("/", os.sep)):
        raise OutputPathError(
            f"{target}: give a file name, not a folder (e.g. {raw / 'chart.png'})"
        )
    folder = raw.parent
    if not folder.exists():
        raise OutputPathError(f"{target}: folder {folder} does not exist; create it first")
    if not folder.is_dir():
        raise OutputPathError(f"{target}: {folder} is not a folder")
    name = safe_filename(raw.name)
    path = folder / name
    if path.is_dir():
        raise OutputPathError(f"{target}: is a folder; give a file name inside it")
    resolved = path.resolve()
    for root in protected:
        root_resolved = Path(root).resolve()
        if resolved == root_resolved or resolved.is_relative_to(root_resolved):
            raise OutputPathError(
                f"{target}: refusing to write inside the dataset folder {root}; "
                "choose another folder"
            )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(f"{target}: folder {folder} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputPathError(f"{target}: file exists and is not writable")
    return path


def write_output(
    data: bytes, target: str | os.PathLike, *, protected: Iterable[str | os.PathLike] = ()
) -> Path:
    """Write ``data`` to ``target`` atomically, after :func:`check_output_path`.

    :param data: the file content.
    :param target: the path asked for; its name is sanitised.
    :param protected: folders never written to (pass the dataset folder).
    :returns: the path written.
    :raises OutputPathError: see :func:`check_output_path`, or the write itself failed
        (disk full...); no partial file is left behind.
    """
    path = check_output_path(target, protected=protected)
    if path.name != Path(target).name:
        log.warning("output name %r sanitised to %r", Path(target).name, path.name)
    try:
        safety.atomic_write(path, data)
    except safety.ProtectedPathError as err:
        raise OutputPathError(str(err)) from err
    except OSError as err:
        raise OutputPathError(f"{target}: could not write: {err.strerror or err}") from err
    return path
