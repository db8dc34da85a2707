"""Reading the layer's input files: size-capped, gzip or plain, with clear errors."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from tracker.errors import InputError

__all__ = ["read_maybe_gzip"]


def read_maybe_gzip(path: Path, *, what: str, max_bytes: int) -> bytes:
    """The file's content, gunzipped when it starts with the gzip magic number.

    readsb writes gzip-compressed traces under a ``.json`` name, so the content decides, not the
    suffix; a ``.gz`` name on plain content is refused as a likely mix-up.

    :param what: how to name the file in the size error ("a GPSJam file").
    :raises InputError: unreadable, too large, damaged gzip, or ``.gz`` that is not gzip.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size} bytes is too large for {what}")
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from err
    if raw[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            raise InputError(f"{path}: damaged gzip file ({err})") from err
    if path.suffix == ".gz":
        raise InputError(f"{path}: named .gz but is not gzip-compressed")
    return raw
