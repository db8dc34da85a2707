"""The sources' full rows, read from ``sources.csv`` when they are shown.

The dashboard keeps only each source's ``incident_id`` and ``stance`` in memory (what the whole
table needs: counts per incident); the URL, publisher, date and note of a source are read from
the file when an incident's detail panel or a data download shows them. At a million incidents
that keeps about 190 MB out of the server, and out of its peak while loading (see
``docs/performance.md``, "The dashboard's memory").

The rows read are the ones the loader validated: :class:`SourceFile` remembers the file's
identity (device, inode, size, modification and change times) as it was before the validated
read, checks it again when it indexes the file's lines, and again on every read. A file changed
since is never read; the caller's next load validates the new version.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from tracker import schema
from tracker.errors import TrackerError
from tracker.schema import SRC

__all__ = ["SourceFile", "SourcesChangedError", "file_identity"]

#: Bytes read per slice while finding line starts.
_SLICE = 1 << 20


class SourcesChangedError(TrackerError):
    """``sources.csv`` changed after it was validated: its rows are not read."""


def file_identity(stat: os.stat_result) -> tuple[int, ...]:
    """What changes whenever a file's content can have changed (replaced or written)."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


@dataclasses.dataclass(frozen=True, eq=False)
class SourceFile:
    """Where each row of a validated ``sources.csv`` is, to read its cells on demand.

    :param path: the file.
    :param identity: :func:`file_identity` of the validated version.
    :param header: the file's column names, in file order.
    :param line_starts: byte offset of the start of each line (the header is line 0), then the
        file's size. In a valid file each record is one line, so row ``i`` is line ``i + 1``.
    """

    path: Path
    identity: tuple[int, ...]
    header: tuple[str, ...]
    line_starts: np.ndarray

    @classmethod
    def index(cls, path: Path, identity: tuple[int, ...]) -> SourceFile:
        """Index the lines of ``path``, which must still be the version of ``identity``.

        :raises SourcesChangedError: the file is not that version any more.
        """
        with open(path, "rb") as handle:
            _check_identity(handle, identity, path)
            starts = _line_starts(handle)
            handle.seek(0)
            first = handle.read(int(starts[1]) if len(starts) > 1 else 0)
        text = first.decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(text, newline="")), [])
        return cls(path, identity, tuple(header), starts)

    @property
    def rows(self) -> int:
        return max(len(self.line_starts) - 2, 0)

    def read(self, positions: Sequence[int] | np.ndarray, incident_ids) -> pd.DataFrame:
        """The full rows at ``positions`` (row numbers of the loaded sources), typed as
        :func:`tracker.dataset.load` types them, with the index ``positions``.

        :param incident_ids: the loaded ``incident_id`` of each of those rows: each row read
            must say the same, or the file is not the validated version.
        :raises SourcesChangedError: the file changed since it was validated.
        """
        positions = np.asarray(positions, dtype=np.int64)
        expected = list(incident_ids)
        records: list[list[str]] = []
        width = len(self.header)
        with open(self.path, "rb") as handle:
            _check_identity(handle, self.identity, self.path)
            for run in _runs(positions):
                start = int(self.line_starts[run[0] + 1])
                end = int(self.line_starts[run[-1] + 2])
                handle.seek(start)
                text = handle.read(end - start).decode("utf-8")
                got = list(csv.reader(io.StringIO(text, newline=""), strict=True))
                if len(got) != len(run) or any(len(r) != width for r in got):
                    raise SourcesChangedError(f"{self.path} does not match its index")
                records += got
        frame = pd.DataFrame(records, columns=list(self.header), dtype="str")
        if frame[SRC.incident_id].tolist() != [str(i) for i in expected]:
            raise SourcesChangedError(f"{self.path} does not match the loaded sources")
        return _typed(frame, pd.Index(positions))


def _check_identity(handle, identity: tuple[int, ...], path: Path) -> None:
    if file_identity(os.fstat(handle.fileno())) != identity:
        raise SourcesChangedError(f"{path} changed since it was validated; reload the page")


def _line_starts(handle) -> np.ndarray:
    """Byte offsets where lines start, then the file's size.

    Lines end as the validator's CSV reader ends them: LF, and in a file with carriage returns
    (valid, though not canonical) CRLF or a lone CR too.
    """
    parts = [np.zeros(1, dtype=np.int64)]
    offset = 0
    has_cr = False
    buffer = bytearray(_SLICE)
    while count := handle.readinto(buffer):
        data = np.frombuffer(buffer, dtype=np.uint8, count=count)
        parts.append(np.flatnonzero(data == 0x0A).astype(np.int64) + offset + 1)
        has_cr = has_cr or bool((data == 0x0D).any())
        offset += count
    if has_cr:
        handle.seek(0)
        content = handle.read()
        ends = [m.end() for m in re.finditer(rb"\r\n|\r|\n", content)]
        parts = [np.zeros(1, dtype=np.int64), np.asarray(ends, dtype=np.int64)]
    starts = np.concatenate(parts)
    if starts[-1] != offset:
        starts = np.append(starts, offset)  # the last line has no line break
    return starts


def _runs(positions: np.ndarray) -> list[np.ndarray]:
    """``positions`` cut into runs of consecutive rows (each run is read with one seek)."""
    if not len(positions):
        return []
    breaks = np.flatnonzero(np.diff(positions) != 1) + 1
    return np.split(positions, breaks)


def _typed(frame: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    """Schema columns in schema order, the date parsed (the validator accepted every one)."""
    columns = {}
    for spec in schema.SOURCE_FIELDS:
        values = frame[spec.name] if spec.name in frame else pd.Series("", index=frame.index)
        if spec.type == "date":
            # The loader's unit for parsed dates (pandas gives seconds when all are missing).
            values = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
            values = values.astype("datetime64[us]")
        columns[spec.name] = values.to_numpy() if spec.type == "date" else values.array
    return pd.DataFrame(columns, index=index)
