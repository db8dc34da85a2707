"""Validation of the dataset: every rule, every problem, with file, line and column.

Each rule is a small function over a :class:`~tracker.csvio.RawTable` (all cells as text) that
returns problems; :func:`validate_tables` runs them all and never stops at the first. Rules work
on whole columns at once so a million rows validate in about the time it takes to read them.

>>> problems = validate_dir("data")            # doctest: +SKIP
>>> [p.format() for p in problems if p.is_error]  # doctest: +SKIP
[]
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tracker import safety, schema
from tracker.csvio import (
    RawTable,
    may_hide_characters,
    prepare_raw_table,
    read_raw_table,
    trim_heap,
)
from tracker.problems import Problem, display_path
from tracker.schema import FIG, INC, SRC, Field

__all__ = [
    "Problem",
    "validate_dir",
    "validate_tables",
    "read_and_validate",
    "read_tables",
    "read_figures",
    "check_figure_rows",
    "check_figures",
    "known_regions",
    "MAX_PROBLEMS_PER_RULE",
]

#: Past this many hits of one rule in one column, the rest are summarised in one line: a file
#: with a million bad dates needs fixing at the source, not a million messages.
MAX_PROBLEMS_PER_RULE = 200

#: GPS time starts on 6 January 1980; an earlier date is a typo.
EARLIEST_DATE = pd.Timestamp("1980-01-06")

#: Dates up to one day ahead are accepted: a report filed in UTC+14 can be "tomorrow" in UTC.
FUTURE_TOLERANCE = timedelta(days=1)

_NUMBER_RE = r"-?[0-9]+(?:\.[0-9]+)?"
_DATE_RE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
# The rules themselves live in tracker.safety (one copy each); these are their regex forms.
_FORMULA_RE = safety.FORMULA_PATTERN
_INVISIBLE_RE = safety.INVISIBLE_PATTERN
_URL_RE = safety.URL_PATTERN
_URL_START_RE = safety.URL_START_PATTERN


def known_regions() -> frozenset[str]:
    """The analyst regions (:data:`tracker.schema.REGIONS`)."""
    return frozenset(schema.REGIONS)


# --- helpers -----------------------------------------------------------------------------------


def _column_number(table: RawTable, name: str) -> int:
    try:
        return table.header.index(name) + 1
    except ValueError:
        return 0


def _report(
    table: RawTable,
    mask: np.ndarray | pd.Series,
    name: str,
    code: str,
    message: Callable[[str], str],
    *,
    severity: str = "error",
) -> list[Problem]:
    """Problems for the rows where ``mask`` is true, capped at :data:`MAX_PROBLEMS_PER_RULE`."""
    mask = np.asarray(mask, dtype=bool)
    hits = np.flatnonzero(mask)
    if not len(hits):
        return []
    column = _column_number(table, name)
    shown = hits[:MAX_PROBLEMS_PER_RULE]
    # Only the reported cells become Python strings (not the whole column).
    values = table.frame[name].iloc[shown].tolist() if name in table.frame else [""] * len(shown)
    problems = [
        Problem(
            table.path,
            int(table.lines[i]),
            column,
            name,
            code,
            message(str(value)),
            severity,
        )
        for i, value in zip(shown, values, strict=True)
    ]
    if len(hits) > MAX_PROBLEMS_PER_RULE:
        rest = len(hits) - MAX_PROBLEMS_PER_RULE
        problems.append(
            Problem(
                table.path,
                int(table.lines[hits[MAX_PROBLEMS_PER_RULE]]),
                column,
                name,
                code,
                f"... and {rest:,} more rows break this rule",
                severity,
            )
        )
    return problems


def _shown(value: str, limit: int = 60) -> str:
    """A value quoted for a message, shortened and with invisible characters made visible."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)


def _arrow(values) -> pa.ChunkedArray | pa.Array:
    """The Arrow array behind a text column, without a copy (pandas keeps ``large_string``)."""
    if isinstance(values, pd.Series):
        return pa.array(values, from_pandas=True)
    return pa.array(list(values), type=pa.large_string())


def _regex(values: pd.Series, pattern: str, *, how: str = "search") -> np.ndarray:
    """Where ``pattern`` is found in ``values`` (``how``: search, match at start, or full match).

    Runs in Arrow's RE2 engine: pandas falls back to Python's ``re`` for some patterns, which is
    twenty times slower on a million rows.
    """
    if how == "match":
        pattern = f"^(?:{pattern})"
    elif how == "full":
        pattern = f"^(?:{pattern})$"
    return (
        pc.match_substring_regex(_arrow(values), pattern)
        .to_numpy(zero_copy_only=False)
        .astype(bool)
    )


#: First characters a text rule objects to (formula prefixes and a space), by byte: all ASCII,
#: so a cell's first byte decides.
_FIRST_BYTE_SUSPECT = np.zeros(256, dtype=bool)
_FIRST_BYTE_SUSPECT[[ord(c) for c in (*safety.FORMULA_PREFIXES, " ")]] = True
_MAX_SUSPECT_FIRST = int(np.flatnonzero(_FIRST_BYTE_SUSPECT).max())


class _Cells:
    """Emptiness, byte lengths, first and last bytes of the cells of a text column.

    Read from Arrow's offsets and value buffers, chunk by chunk into preallocated results: empty
    cells, length limits, formula prefixes and padding then cost one operation per row instead
    of one per byte, and no text is copied.
    """

    def __init__(self, values: pd.Series) -> None:
        self._array = _arrow(values)
        self.size = len(self._array)
        self._none_longer: set[int] = set()  # limits no cell is longer than
        # Emptiness straight from each chunk's offsets, into one preallocated array: no column
        # of lengths is made (two 8 MB arrays per column at a million rows, freshly paged in
        # for every column, cost more in page faults than the comparisons themselves).
        self.empty = np.empty(self.size, dtype=bool)
        for (start, stop), (offsets, _) in zip(self._spans, self.chunks, strict=True):
            np.equal(offsets[1:], offsets[:-1], out=self.empty[start:stop])

    @functools.cached_property
    def _spans(self) -> list[tuple[int, int]]:
        """Each chunk's first row and the row after its last."""
        stops = np.cumsum([len(chunk) for chunk in _chunks(self._array)]).tolist()
        return list(zip([0, *stops[:-1]], stops, strict=True))

    @functools.cached_property
    def chunks(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Each chunk's offsets and value bytes (numpy views of Arrow's buffers)."""
        chunks = []
        for chunk in _chunks(self._array):
            _, offsets_buffer, data_buffer = chunk.buffers()
            width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
            offsets = np.frombuffer(offsets_buffer, dtype=width)[
                chunk.offset : chunk.offset + len(chunk) + 1
            ]
            data = (
                np.frombuffer(data_buffer, dtype=np.uint8)
                if data_buffer
                else np.full(1, 0x20, dtype=np.uint8)  # a space: no suspect byte
            )
            chunks.append((offsets, data))
        return chunks

    def lengths(self) -> np.ndarray:
        """Every cell's length in bytes."""
        found = np.empty(self.size, dtype=np.int64)
        for (start, stop), (offsets, _) in zip(self._spans, self.chunks, strict=True):
            np.subtract(offsets[1:], offsets[:-1], out=found[start:stop])
        return found

    def longer_than(self, limit: int) -> np.ndarray:
        """Cells of more than ``limit`` bytes (lengths chunk by chunk, where the chunk's bytes
        could hold such a cell)."""
        found = np.zeros(self.size, dtype=bool)
        if limit in self._none_longer:
            return found  # asked before (the URLs' text rule, then their link rule): none
        for (start, stop), (offsets, _) in zip(self._spans, self.chunks, strict=True):
            if offsets[-1] - offsets[0] > limit:
                np.greater(offsets[1:] - offsets[:-1], limit, out=found[start:stop])
        if not found.any():
            self._none_longer.add(limit)
        return found

    def ends(self) -> tuple[np.ndarray, np.ndarray]:
        """The first and the last byte of every cell (meaningless where the cell is empty)."""
        first = np.empty(self.size, dtype=np.uint8)
        last = np.empty(self.size, dtype=np.uint8)
        for (start, stop), (offsets, data) in zip(self._spans, self.chunks, strict=True):
            # "clip": an empty cell at either end of a chunk reads a neighbouring byte.
            np.take(data, offsets[:-1], out=first[start:stop], mode="clip")
            np.take(data, offsets[1:] - 1, out=last[start:stop], mode="clip")
        return first, last

    def last_bytes(self) -> np.ndarray:
        """The last byte of every cell (meaningless where the cell is empty)."""
        last = np.empty(self.size, dtype=np.uint8)
        for (start, stop), (offsets, data) in zip(self._spans, self.chunks, strict=True):
            np.take(data, offsets[1:] - 1, out=last[start:stop], mode="clip")
        return last

    def byte_at(self, position: int) -> np.ndarray:
        """The byte at ``position`` of every cell (meaningless where the cell is shorter)."""
        found = np.empty(self.size, dtype=np.uint8)
        for (start, stop), (offsets, data) in zip(self._spans, self.chunks, strict=True):
            np.take(data, offsets[:-1] + position, out=found[start:stop], mode="clip")
        return found

    def only_bytes_between(self, low: int, high: int, *, but: int) -> bool:
        """Whether every byte of the column lies in ``[low, high]`` and none equals ``but``.

        The column's :attr:`byte_range`, and one comparison per chunk where it passes.
        """
        smallest, largest = self.byte_range
        if smallest < low or largest > high:
            return False
        for offsets, data in self.chunks:
            if bool((data[offsets[0] : offsets[-1]] == but).any()):
                return False
        return True

    @functools.cached_property
    def byte_range(self) -> tuple[int, int]:
        """The smallest and the largest byte of any cell (256 and -1 for a column of empty
        cells), shared by the text rules, the URL rule and the number and id shapes.

        One Arrow ``min_max`` over views of every chunk's bytes: it reads each byte once where
        numpy's ``min`` and ``max`` read the column twice (a 150 MB column of summaries 7.5 ms
        to 4 ms), in one call that runs without the GIL, not two per chunk.
        """
        parts = [
            pa.array(data[offsets[0] : offsets[-1]])  # a view, not a copy
            for offsets, data in self.chunks
            if offsets[-1] > offsets[0]
        ]
        if not parts:
            return 256, -1
        found = pc.min_max(pa.chunked_array(parts, type=pa.uint8()))
        return found["min"].as_py(), found["max"].as_py()

    @functools.cached_property
    def _minima(self) -> list[int]:
        """The smallest byte of each chunk's cells (256 for a chunk of empty cells), for a
        column with bytes >= 0x7F (see :meth:`may_hide_characters`)."""
        return [
            int(data[offsets[0] : offsets[-1]].min()) if offsets[-1] > offsets[0] else 256
            for offsets, data in self.chunks
        ]

    def min_byte(self) -> int:
        """The smallest byte of any cell (256 for a column of empty cells)."""
        return self.byte_range[0]

    def may_hide_characters(self) -> bool:
        """Whether any byte of the column could start an invisible character.

        Plain ASCII (no byte >= 0x7F) is settled by the column's :attr:`byte_range`: only a
        control byte can then hide. Otherwise chunk by chunk, as
        :func:`tracker.csvio.may_hide_characters` decides.
        """
        smallest, largest = self.byte_range
        if largest < 0x7F:
            return smallest < 0x20
        return any(
            may_hide_characters(data[offsets[0] : offsets[-1]], minimum=low)
            for low, (offsets, data) in zip(self._minima, self.chunks, strict=True)
        )


#: Columns whose cell bounds the row rules read again (the URL rule and the duplicate claims):
#: kept from the cell rules, freed by the row rules.
_ROW_RULE_CELLS = frozenset({SRC.url, FIG.url})


def _cells_key(name: str) -> str:
    return f"{name}\x00cells"


def _cells(table: RawTable, name: str) -> _Cells:
    key = _cells_key(name)
    if key not in table.parsed:
        table.parsed[key] = _Cells(table.frame[name])
    return table.parsed[key]


def _suspicious_text(table: RawTable, name: str, present: np.ndarray) -> np.ndarray:
    """Cells any text rule could object to: a formula or space first, a space last, or an
    invisible character anywhere.

    A UTF-8 lead byte of a non-ASCII character never equals an ASCII one, so testing the first
    and last bytes is exact. The search for invisible characters runs only when the column's
    bytes could hold one (a minimum and a maximum per chunk settle plain ASCII).
    """
    cells = _cells(table, name)
    if cells.min_byte() > 0x20:
        # No space (nor tab nor CR) anywhere in the column: no cell ends with one, and only a
        # formula prefix can make a cell suspect (one gather less: 4 ms for 1.6 million URLs).
        first = cells.byte_at(0)
        mask = np.zeros(cells.size, dtype=bool)
    else:
        first, last = cells.ends()
        mask = last == 0x20
    # Every suspect first byte is at most "@": one comparison finds the few cells to look up
    # (a lookup of every first byte cast each column's bytes to 8-byte indices first).
    low = np.flatnonzero(first <= _MAX_SUSPECT_FIRST)
    if len(low):
        mask[low] |= np.take(_FIRST_BYTE_SUSPECT, first[low])
    mask &= present
    if cells.may_hide_characters():
        mask |= present & _regex(table.frame[name], _INVISIBLE_RE)
    return mask


def _has_duplicates(array) -> bool:
    """Whether any value repeats. Sorting is several times cheaper than hashing in Arrow here."""
    if len(array) < 2:
        return False
    ordered = pc.take(array, pc.array_sort_indices(array))
    if isinstance(ordered, pa.ChunkedArray):
        ordered = ordered.combine_chunks()
    return bool(pc.any(pc.equal(ordered.slice(1), ordered.slice(0, len(ordered) - 1))).as_py())


#: Longest run of equal first keys :func:`_may_repeat` compares pairwise; beyond it, sort.
_MAX_RUN = 16


def _neighbours(table: RawTable, name: str) -> tuple[bool, np.ndarray | None]:
    """Whether a column never decreases, and where so, which rows equal the next row.

    Computed once per column and shared by the duplicate and reference rules (both ask it of
    the ids, and of the sources' incident ids). ``None`` when the column is not in order.
    """
    key = f"{name}\x00neighbours"
    if key not in table.parsed:
        array = _arrow(table.frame[name])
        count = len(array)
        if count < 2:
            table.parsed[key] = (True, np.zeros(max(count - 1, 0), dtype=bool))
        else:
            before, after = array.slice(0, count - 1), array.slice(1)
            if not pc.all(pc.less_equal(before, after)).as_py():
                table.parsed[key] = (False, None)
            else:
                same = pc.equal(before, after).to_numpy(zero_copy_only=False).astype(bool)
                table.parsed[key] = (True, same)
    return table.parsed[key]


def _may_repeat(table: RawTable, columns: list[str]) -> bool:
    """False when the rows' keys (one value per column) are certainly all different.

    Decided in one linear pass for files in canonical order: when the first column never
    decreases, equal keys can only sit in a run of equal first values, so comparing each row
    with the next few rows of its run settles it (a million sorted ids take about 10 ms, against
    a few hundred for sorting them). True means "maybe": the caller then checks exactly.
    """
    count = len(table.frame)
    if count < 2:
        return False
    ordered, same = _neighbours(table, columns[0])
    if not ordered:
        return True
    if not same.any():
        return False
    if len(columns) == 1:
        return True
    others = [_arrow(table.frame[name]) for name in columns[1:]]
    # Equal cells have equal lengths and equal last bytes: only rows alike in both are
    # compared as text (at a million sources, next to none: 0.03 s less than comparing all).
    shapes = []
    for name in columns[1:]:
        cells = _cells(table, name)
        lengths = cells.lengths()
        shapes.append((lengths, np.where(lengths == 0, 0, cells.last_bytes())))
    in_run = same
    for lag in range(1, _MAX_RUN + 1):
        if lag > 1:
            # Rows lag apart with equal first values: from the neighbours, no text compared.
            in_run = in_run[:-1] & same[lag - 1 :]
        if not in_run.any():
            return False  # no run holds two rows this far apart: every pair was compared
        if lag == _MAX_RUN:
            return True  # a run longer than _MAX_RUN rows: the caller checks exactly
        alike = in_run.copy()
        for lengths, last in shapes:
            alike &= (lengths[:-lag] == lengths[lag:]) & (last[:-lag] == last[lag:])
        rows = np.flatnonzero(alike)
        if not len(rows):
            continue
        equal = pa.array(np.ones(len(rows), dtype=bool))
        for other in others:
            equal = pc.and_(equal, pc.equal(other.take(rows), other.take(rows + lag)))
        if pc.any(equal).as_py():
            return True
    return False


def _plain_numbers(table: RawTable, name: str) -> np.ndarray:
    """Where the cells are plain decimal numbers (:data:`_NUMBER_RE`), computed once per column;
    the numbers themselves too when the column's bytes allow (:func:`_numbers_by_bytes`)."""
    key = f"{name}\x00plain"
    if key not in table.parsed:
        fast = _numbers_by_bytes(table, name)
        if fast is None:
            table.parsed[key] = _regex(table.frame[name], _NUMBER_RE, how="full")
        else:
            table.parsed[key], table.parsed[name] = fast
    return table.parsed[key]


_MINUS, _POINT, _SLASH, _NINE = (ord(c) for c in "-./9")


def _numbers_by_bytes(table: RawTable, name: str) -> tuple[np.ndarray, pd.Series] | None:
    """Which cells are plain decimal numbers, and their values, without a regex per cell;
    ``None`` when only the regex can tell (then :func:`_numbers` casts as before).

    When every byte of the column is ``-``, ``.`` or a digit (a minimum, a maximum and a search
    for ``/``, the one other byte between them), Arrow's float cast of the non-empty cells
    succeeds exactly for the strings of one optional leading minus, digits and at most one
    point; of those, :data:`_NUMBER_RE` refuses only a point first (``.5``, ``-.5``) or last
    (``5.``), which the first, second and last bytes of each cell show. Anything else in the
    column (``1e3``, ``+1``, ``inf``, a space) makes the cast fail or fails the byte test: the
    regex decides. About 0.1 s less at a million rows than three regex passes.
    """
    cells = _cells(table, name)
    if not cells.only_bytes_between(_MINUS, _NINE, but=_SLASH):
        return None
    values = table.frame[name]
    try:
        numbers = pc.cast(_null_where(_arrow(values), cells.empty), pa.float64())
    except pa.ArrowInvalid:
        return None
    first, last = cells.ends()
    plain = ~cells.empty & (first != _POINT) & (last != _POINT)
    minus = first == _MINUS
    if minus.any():
        plain &= ~(minus & (cells.byte_at(1) == _POINT))
    array = _float_values(numbers, cells.size)
    if not plain.all():
        array[~plain] = np.nan  # empty cells (nulls, whose slots hold anything) among them
    return plain, pd.Series(array, index=values.index, dtype="float64", copy=False)


def _float_values(numbers, size: int) -> np.ndarray:
    """The values of a ``float64`` Arrow array (chunked or not) as one writeable numpy array,
    copied once, chunk by chunk; a null's slot holds whatever its buffer held.

    ``to_numpy`` of a chunked array concatenates the chunks into a read-only array, which the
    loader would then have to copy again to hand out a writeable column (8 MB of fresh memory
    twice per column at a million rows).
    """
    found = np.empty(size, dtype=np.float64)
    done = 0
    for chunk in _chunks(numbers):
        values = np.frombuffer(chunk.buffers()[1], dtype=np.float64)
        found[done : done + len(chunk)] = values[chunk.offset : chunk.offset + len(chunk)]
        done += len(chunk)
    return found


def _null_where(array, empty: np.ndarray):
    """``array`` (strings) with a null wherever ``empty``, sharing its offsets and bytes."""
    if not empty.any():
        return array
    chunks = []
    done = 0
    for chunk in _chunks(array):
        valid = np.ones(chunk.offset + len(chunk), dtype=bool)
        valid[chunk.offset :] = ~empty[done : done + len(chunk)]
        done += len(chunk)
        bitmap = pa.py_buffer(np.packbits(valid, bitorder="little"))
        _, offsets, data = chunk.buffers()
        chunks.append(
            pa.Array.from_buffers(
                chunk.type, len(chunk), [bitmap, offsets, data], offset=chunk.offset
            )
        )
    return pa.chunked_array(chunks, type=array.type)


def _matches_pattern(table: RawTable, spec: Field) -> np.ndarray:
    """Where the column's cells match ``spec.pattern`` in full (computed once per column)."""
    key = f"{spec.name}\x00pattern"
    if key not in table.parsed:
        classes = _fixed_width_classes(spec.pattern)
        shaped = None
        if classes is not None or spec.pattern == schema.ID_PATTERN:
            # The cell rules' bounds of this column when they are still kept (not cached here:
            # the row rules and the rules across files call this after the cell rules).
            cells = table.parsed.get(_cells_key(spec.name)) or _Cells(table.frame[spec.name])
            if classes is not None:
                shaped = _matches_classes(cells, classes)
            else:
                shaped = _ids_by_bytes(cells)
        if shaped is None:
            shaped = _regex(table.frame[spec.name], spec.pattern, how="full")
        table.parsed[key] = shaped
    return table.parsed[key]


_HYPHEN = ord("-")


def _ids_by_bytes(cells: _Cells) -> np.ndarray | None:
    """Where cells have the id shape (:data:`tracker.schema.ID_PATTERN`,
    ``YYYY-MM-DD-slug``), without a regex per cell; ``None`` when only the regex can tell.

    When every byte of the column is a lowercase letter, a digit or ``-``, a cell has the shape
    exactly when it has at least 12 bytes, digits and hyphens where ``YYYY-MM-DD-`` has them, its
    last byte is not a hyphen, and it holds no two adjacent hyphens (the slug then is words of
    letters and digits joined by single hyphens). Bytes 0-7 and 3-10 of every cell are read as
    two words (:func:`_fit`): well under half the time of RE2.
    """
    smallest, largest = cells.byte_range
    if smallest < _HYPHEN or largest > ord("z"):
        return None
    shaped = np.empty(cells.size, dtype=bool)
    for (start, stop), (offsets, data) in zip(cells._spans, cells.chunks, strict=True):
        part = data[offsets[0] : offsets[-1]]
        if len(part):
            # Between "-" and "z", only digits and letters may occur (not "./" or ":"-"`").
            shifted = part - np.uint8(ord("."))
            if ((shifted < 2) | ((shifted > 11) & (shifted < ord("a") - ord(".")))).any():
                return None
        good = offsets[1:] - offsets[:-1] >= 12  # YYYY-MM-DD- and a slug
        good &= _fit(data, offsets[:-1], b"0000-00-")  # YYYY-MM-
        good &= _fit(data, offsets[:-1] + 3, b"0-00-00-")  # Y-MM-DD-
        good &= np.take(data, offsets[1:] - 1, mode="clip") != _HYPHEN
        hyphen = part == _HYPHEN
        doubled = np.flatnonzero(hyphen[1:] & hyphen[:-1]) + offsets[0]
        if len(doubled):  # the cells holding "--" (a pair across two cells is in neither)
            cell = np.searchsorted(offsets, doubled, side="right") - 1
            inside = cell == np.searchsorted(offsets, doubled + 1, side="right") - 1
            good[cell[inside]] = False
        shaped[start:stop] = good
    return shaped


def _fit(data: np.ndarray, starts: np.ndarray, template: bytes) -> np.ndarray:
    """Where the 8 bytes from each of ``starts`` in ``data`` hold a digit wherever ``template``
    has ``0`` and ``template``'s byte everywhere else, clipped at the end of ``data``: a start
    within 8 bytes of the end reads the last 8 bytes (the caller's length test refuses such a
    short cell anyway).

    Each start's bytes are one little-endian word, gathered from an unaligned view of ``data``
    (two words per id take 12 ms at a million ids where an 11-byte window per cell, copied
    row by row, and its digits and hyphens picked out took 16 ms). XOR the
    template leaves a digit's byte at most 9 and any other expected byte 0; adding 6 to a
    digit's byte then leaves its high half empty too, so a word fits when no bit of the
    ``high`` mask is left (a carry out of a byte only ever follows a byte that does not fit).
    """
    expected, carry, high = _word_template(template)
    if len(data) < 8:
        data = np.concatenate([data, np.zeros(8 - len(data), dtype=np.uint8)])
    last = len(data) - 8
    if len(starts) and starts.max() > last:  # only then clipped (a copy of the starts)
        starts = np.minimum(starts, last)
    words = np.ndarray((last + 1,), "<u8", data, 0, (1,))[starts]
    words ^= expected
    found = words + carry  # then in place: one temporary, not three
    found |= words
    found &= high
    return found == 0


@functools.cache
def _word_template(template: bytes) -> tuple[np.uint64, np.uint64, np.uint64]:
    """:func:`_fit`'s words for ``template``: its bytes, the carry of each digit past 9, and the
    bits a fitting word leaves empty."""
    digit = [byte == ord("0") for byte in template]
    carry = bytes(6 if d else 0 for d in digit)
    high = bytes(0xF0 if d else 0xFF for d in digit)
    return tuple(np.uint64(int.from_bytes(b, "little")) for b in (template, carry, high))


#: A pattern of a few ASCII character classes, each maybe repeated: ``^[A-Z]{2}$``.
_FIXED_WIDTH = re.compile(r"\^((?:\[[A-Za-z0-9-]+\](?:\{[1-9]\})?)+)\$")
_CLASS = re.compile(r"(\[[A-Za-z0-9-]+\])(?:\{([1-9])\})?")


@functools.cache
def _fixed_width_classes(pattern: str | None) -> tuple[np.ndarray, ...] | None:
    """For a pattern of at most four ASCII character classes (the country code's
    ``^[A-Z]{2}$``), one table per character position saying which bytes that class takes;
    ``None`` for any other pattern.

    A cell matches such a pattern exactly when it has one byte per position and each byte is
    in its position's class: a byte >= 0x80 (part of a longer character) is in no class.
    """
    if pattern is None or not (found := _FIXED_WIDTH.fullmatch(pattern)):
        return None
    tables = []
    for members, count in _CLASS.findall(found.group(1)):
        taken = re.compile(members)
        table = np.array([bool(taken.fullmatch(chr(byte))) for byte in range(256)])
        table[0x80:] = False
        tables += [table] * int(count or 1)
    return tuple(tables) if len(tables) <= 4 else None


def _matches_classes(cells: _Cells, classes: tuple[np.ndarray, ...]) -> np.ndarray:
    """Where a cell is one byte of each class in turn (see :func:`_fixed_width_classes`);
    a few gathers instead of a regex per cell (0.03 s less at a million incidents)."""
    width = len(classes)
    shaped = cells.lengths() == width
    for position, table in enumerate(classes):
        shaped &= np.take(table, cells.byte_at(position))
    return shaped


def _field(fields: tuple[Field, ...], name: str) -> Field:
    return next(spec for spec in fields if spec.name == name)


def _mutual_membership(left: pd.Series, right: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``left.isin(right)`` and ``right.isin(left)`` from one hash pass over both columns.

    Both columns are dictionary-encoded together; membership is then a question about integer
    codes, which two lookup tables answer.
    """
    joined = pa.chunked_array([*_chunks(_arrow(left)), *_chunks(_arrow(right))])
    codes = pc.dictionary_encode(joined).combine_chunks().indices.to_numpy(zero_copy_only=False)
    left_codes, right_codes = codes[: len(left)], codes[len(left) :]
    in_left = np.zeros(int(codes.max()) + 1 if len(codes) else 0, dtype=bool)
    in_right = in_left.copy()
    in_left[left_codes] = True
    in_right[right_codes] = True
    return in_right[left_codes], in_left[right_codes]


def _cited_incident_rows(incidents: RawTable, sources: RawTable) -> np.ndarray | None:
    """For each source, the row of the incident it cites, when the distinct cited ids are
    exactly the incident ids in the same order; ``None`` otherwise ("check by hashing").

    The usual case for files in canonical order (sources sorted by incident id, ids increasing),
    decided in a few linear passes instead of hashing both columns: every source then points at
    an incident and every incident has a source. The order of both columns comes from
    :func:`_neighbours`, which the duplicate rules computed already.
    """
    key = f"{SRC.incident_id}\x00rows in {incidents.path}"
    if key not in sources.parsed:
        sources.parsed[key] = _find_cited_incident_rows(incidents, sources)
    return sources.parsed[key]


def _find_cited_incident_rows(incidents: RawTable, sources: RawTable) -> np.ndarray | None:
    ids = _arrow(incidents.frame[INC.id])
    cited = _arrow(sources.frame[SRC.incident_id])
    if not len(cited) or not len(ids):
        return None
    ids_ordered, ids_same = _neighbours(incidents, INC.id)
    if not ids_ordered or ids_same.any():
        return None  # not strictly increasing
    cited_ordered, cited_same = _neighbours(sources, SRC.incident_id)
    if not cited_ordered:
        return None
    starts = np.empty(len(cited), dtype=bool)  # the first source of each cited id
    starts[0] = True
    np.logical_not(cited_same, out=starts[1:])
    if np.count_nonzero(starts) != len(ids):
        return None
    # The first source of each cited id against the incident ids, one chunk at a time: a
    # boolean filter reads the strings in order (a take of a million indices cost 5x more) and
    # a chunk's copy is all it holds.
    done = matched = 0
    for chunk in _chunks(cited):
        kept = chunk.filter(pa.array(starts[done : done + len(chunk)]))
        done += len(chunk)
        if len(kept) and not pc.all(pc.equal(kept, ids.slice(matched, len(kept)))).as_py():
            return None
        matched += len(kept)
    # Each source's incident row: the number of first sources up to it, less one (4-byte
    # counts, summed in place: an 8-byte cumulative sum and its copy were 26 MB of fresh
    # memory at a million sources).
    rows = np.cumsum(starts, dtype=np.int32 if len(ids) < 2**31 else np.int64)
    rows -= 1
    return rows


def _chunks(array) -> list:
    return array.chunks if isinstance(array, pa.ChunkedArray) else [array]


def _isin(values: pd.Series, allowed) -> np.ndarray:
    """``values.isin(allowed)`` as a bool array, computed by Arrow.

    pandas' ``isin`` on Arrow-backed strings falls back to a Python loop (seconds per million
    rows); Arrow's hash-based ``is_in`` takes milliseconds.
    """
    array = _arrow(values)
    value_set = _arrow(allowed)
    if value_set.type != array.type:
        value_set = value_set.cast(array.type)
    if isinstance(value_set, pa.ChunkedArray):
        value_set = value_set.combine_chunks()
    return pc.is_in(array, value_set=value_set).to_numpy(zero_copy_only=False).astype(bool)


def _known(table: RawTable, name: str, allowed) -> np.ndarray:
    """Where a column's cells are among ``allowed`` (:func:`_isin`), computed once per column.

    The row rules read it for the countries and regions; the overlapped load computes it
    among the incidents' cell rules, where Arrow's hashing runs without the GIL beside the
    other columns' numpy work, instead of at the end of the load (about 18 ms at a million
    incidents, on one core).
    """
    key = f"{name}\x00known"
    if key not in table.parsed:
        table.parsed[key] = _isin(table.frame[name], allowed)
    return table.parsed[key]


def _numbers(table: RawTable, name: str) -> pd.Series:
    plain = _plain_numbers(table, name)  # sets the numbers too, where the bytes tell them
    if name not in table.parsed:
        values = table.frame[name]
        array = _arrow(values)
        if not plain.all():
            array = pc.if_else(pa.array(plain), array, pa.scalar(None, array.type))
        numbers = pc.cast(array, pa.float64())
        # Writeable: the loader hands this array to the typed frame, which callers may modify
        # (one Arrow chunk converts to a read-only view; several are concatenated into a copy).
        array = numbers.to_numpy(zero_copy_only=False)
        if not array.flags.writeable:
            array = array.copy()
        table.parsed[name] = pd.Series(array, index=values.index, dtype="float64", copy=False)
    return table.parsed[name]


def _distinct(table: RawTable, name: str) -> tuple[np.ndarray, pd.Series]:
    """The distinct values of a column and, for each row, the index of its value among them.

    For columns with few distinct values (dates, value sets), a rule then runs once per distinct
    value instead of once per row: a million dates hold a few thousand different days.
    """
    key = f"{name}\x00distinct"
    if key not in table.parsed:
        encoded = pc.dictionary_encode(_arrow(table.frame[name]))
        if isinstance(encoded, pa.ChunkedArray):
            encoded = encoded.combine_chunks()  # the chunks share one dictionary
        codes = encoded.indices.to_numpy(zero_copy_only=False)
        uniques = encoded.dictionary.to_pandas(
            types_mapper={pa.large_string(): table.frame[name].dtype}.get
        )
        table.parsed[key] = (codes, uniques)
    return table.parsed[key]


def _per_distinct(table: RawTable, name: str, rule: Callable[[pd.Series], np.ndarray]):
    """``rule`` applied to the distinct values of a column, spread back to its rows."""
    codes, uniques = _distinct(table, name)
    return np.take(np.asarray(rule(uniques)), codes)


def _equals(table: RawTable, name: str, value: str) -> np.ndarray:
    """Where a column's cells equal ``value``: from a value set's codes or the cells'
    emptiness when the cell rules kept them (:func:`_enum_codes`, the value sets and the date
    rules), from its distinct values when a rule has encoded them, else one Arrow comparison
    per row."""
    if value == "" and f"{name}\x00empty" in table.parsed:
        return table.parsed[f"{name}\x00empty"]
    enum = table.parsed.get(f"{name}\x00enum")
    if enum is not None and value in enum[0]:
        return enum[1] == enum[0].index(value)
    encoded = table.parsed.get(f"{name}\x00distinct")
    if encoded is not None:
        codes, uniques = encoded
        return np.take((uniques == value).to_numpy(), codes)
    return pc.equal(_arrow(table.frame[name]), value).to_numpy(zero_copy_only=False)


#: Value sets the row rules and the rules across files compare with one of their values
#: (:func:`_equals`): their codes are kept from the value set rule, the others' are not (each
#: kept array is fresh memory some later rule pays for).
_COMPARED_VALUE_SETS = frozenset(
    {INC.date_precision, INC.end_date_precision, INC.confidence, SRC.stance}
)


def _enum_codes(
    table: RawTable, name: str, allowed: tuple[str, ...], *, keep: bool = True
) -> np.ndarray:
    """For each cell of a column, the index of its value in ``allowed`` (-1 for any other
    value, the empty one included), computed once (kept for :func:`_equals` unless ``keep``
    is false).

    One hash pass (Arrow's ``index_in``) costs what ``is_in`` costs and answers both the value
    set rule and every later comparison of the column with one of its values (4-8 ms each at
    a million rows as Arrow comparisons, a tenth of a millisecond on the codes).
    """
    key = f"{name}\x00enum"
    if key not in table.parsed:
        array = _arrow(table.frame[name])
        value_set = pa.array(list(allowed), type=array.type)
        found = pc.fill_null(pc.index_in(array, value_set=value_set), -1)
        codes = np.empty(len(array), dtype=np.int8 if len(allowed) < 128 else np.int32)
        done = 0
        for chunk in _chunks(found):
            np.copyto(codes[done : done + len(chunk)], chunk.to_numpy(), casting="unsafe")
            done += len(chunk)
        if not keep:
            return codes
        table.parsed[key] = (tuple(allowed), codes)
    return table.parsed[key][1]


def _distinct_days(table: RawTable, name: str) -> tuple[np.ndarray, pd.Series, np.ndarray]:
    """A date column's row codes, distinct values and each distinct value's day (``NaT`` where
    it is not a date)."""
    key = f"{name}\x00days"
    if key not in table.parsed:
        codes, uniques = _distinct(table, name)
        days = pd.to_datetime(uniques, format="%Y-%m-%d", errors="coerce").to_numpy()
        table.parsed[key] = (codes, uniques, days)
    return table.parsed[key]


def _dates(table: RawTable, name: str) -> pd.Series:
    """A date column's days (``NaT`` where a cell is empty or not a date), computed once."""
    if name not in table.parsed and not _dates_by_bytes(table, name):
        codes, _, days = _distinct_days(table, name)
        table.parsed[name] = pd.Series(
            np.take(days, codes), index=table.frame.index, name=name, copy=False
        )
    return table.parsed[name]


#: What :func:`_dates_by_bytes` notes of each day (see :func:`_day_kinds`).
_FIRST_OF_MONTH, _FIRST_OF_YEAR, _LAST_OF_MONTH = 1, 2, 4

#: The bytes of ``YY-MM-DD`` (the last eight of ``YYYY-MM-DD``) as one little-endian word, the
#: digits' ``0x06`` that carries a byte past ``9`` into its high half, and the high halves a
#: digit's byte XOR ``0`` leaves empty (a hyphen's XOR leaves the whole byte empty).
_YMD_TEMPLATE = int.from_bytes(b"00-00-00", "little")
_YMD_CARRY = int.from_bytes(b"\x06\x06\x00\x06\x06\x00\x06\x06", "little")
_YMD_HIGH = int.from_bytes(b"\xf0\xf0\xff\xf0\xf0\xff\xf0\xf0", "little")


@functools.cache
def _calendar() -> tuple[np.ndarray, np.ndarray, str]:
    """For every month of the years 1 to 9999 (index ``(year - 1) * 12 + month - 1``), the
    time of the day before its first (since 1970, in the unit of the datetimes
    ``pandas.to_datetime`` makes of date strings, the loaded frame's unit either way) and its
    number of days; and that unit."""
    unit = np.datetime_data(pd.to_datetime(pd.Series(["2000-01-01"]), format="%Y-%m-%d").dtype)
    months = np.arange("0001-01", "10000-01", dtype="datetime64[M]")
    firsts = months.astype("datetime64[D]").astype(np.int64)
    lengths = np.diff(np.append(firsts, firsts[-1] + 31)).astype(np.uint32)
    eves = (firsts - 1) * (np.timedelta64(1, "D") // np.timedelta64(1, unit[0]))
    return eves, lengths, unit[0]


#: Date columns whose :func:`_day_kinds` the row rules read (the date-precision rules).
_KINDS_READ = frozenset({INC.date, INC.end_date})


def _dates_by_bytes(table: RawTable, name: str) -> bool:
    """The days of a date column read from the bytes of its cells, when every filled cell is a
    valid ``YYYY-MM-DD`` date of the years 1 to 9999; False (nothing computed) otherwise, and
    the caller decides per distinct value as before.

    Cells of 0 or 10 bytes lie back to back in a chunk's bytes, so the filled ones are rows of
    a 10-byte matrix: a word per cell (``YY-MM-DD``) and a half-word (the century) show whether
    digits and hyphens are in place in a few operations per cell (:func:`_days_of`), no regex
    and no hashing of a million strings, and a table of months gives each day. A column in
    order (the incidents' dates) is read once per run of equal cells. Sets the column's days
    (in the unit ``pandas.to_datetime`` gives, as the other route), their :func:`_day_kinds`,
    their first and last day (for :func:`_check_date`) and the cells' emptiness (for
    :func:`_equals`). A column without any date goes the other route too. The kinds are kept
    only for the columns whose kinds the row rules read (:data:`_KINDS_READ`): an array kept
    for nothing is fresh memory (1.6 MB for the sources' dates) some later rule pays for.
    """
    cells = table.parsed.get(_cells_key(name)) or _Cells(table.frame[name])
    days = np.empty(cells.size, dtype=np.int64)
    kinds = np.zeros(cells.size, dtype=np.uint8) if name in _KINDS_READ else None
    not_a_time = np.iinfo(np.int64).min
    dated = 0
    first_day, last_day = np.iinfo(np.int64).max, np.iinfo(np.int64).min
    in_runs = True  # until a chunk shows the cells are not in runs
    for (start, stop), (offsets, data) in zip(cells._spans, cells.chunks, strict=True):
        filled = ~cells.empty[start:stop]
        count = int(np.count_nonzero(filled))
        if not count:
            days[start:stop] = not_a_time
            continue
        # No cell longer than 10 bytes and 10 bytes per filled cell: each filled cell has 10.
        begin, end = int(offsets[0]), int(offsets[-1])
        if end - begin != 10 * count or (offsets[1:] - offsets[:-1]).max() > 10:
            return False
        dated += count
        # Unaligned views of the matrix: bytes 2-9 of each cell, and bytes 0-1.
        words = np.ndarray((count,), "<u8", data, begin + 2, (10,))
        centuries = np.ndarray((count,), "<u2", data, begin, (10,))
        heads = None
        if in_runs:
            # Where a cell differs from the one before: in a column in order, few do.
            runs = np.empty(count, dtype=bool)
            runs[0] = True
            np.not_equal(words[1:], words[:-1], out=runs[1:])
            runs[1:] |= centuries[1:] != centuries[:-1]
            heads = np.flatnonzero(runs)
            if 4 * len(heads) > count:
                heads, in_runs = None, False
            else:
                words, centuries = words[heads], centuries[heads]
        found = _days_of(words, centuries, kinds=kinds is not None)
        if found is None:
            return False
        found, kind = found
        first_day, last_day = min(first_day, int(found.min())), max(last_day, int(found.max()))
        if heads is not None:
            lengths = np.diff(heads, append=count)
            found = np.repeat(found, lengths)
            if kinds is not None:
                kind = np.repeat(kind, lengths)
        if count == stop - start:
            days[start:stop] = found
            if kinds is not None:
                kinds[start:stop] = kind
        else:
            rows = np.flatnonzero(filled)
            days[start:stop] = not_a_time
            days[start:stop][rows] = found
            if kinds is not None:
                kinds[start:stop][rows] = kind
    if not dated:
        return False  # no date at all: pandas' unit then differs (the other route decides)
    unit = _calendar()[2]
    table.parsed[name] = pd.Series(
        days.view(f"datetime64[{unit}]"), index=table.frame.index, name=name, copy=False
    )
    if kinds is not None:
        table.parsed[f"{name}\x00kinds"] = kinds
    table.parsed[f"{name}\x00span"] = (
        np.datetime64(first_day, unit),
        np.datetime64(last_day, unit),
    )
    table.parsed[f"{name}\x00empty"] = cells.empty
    return True


def _days_of(
    words: np.ndarray, centuries: np.ndarray, *, kinds: bool = True
) -> tuple[np.ndarray, np.ndarray | None] | None:
    """The times (in :func:`_calendar`'s unit) and :func:`_day_kinds` of ``YYYY-MM-DD`` cells
    given as their bytes 2-9 (``words``, little-endian) and 0-1 (``centuries``); ``None`` when
    any is not such a date of the years 1 to 9999. The kinds are ``None`` unless ``kinds``.

    XOR ``0`` and ``-`` leaves each digit's byte at most 9 and each hyphen's 0; adding 6 to a
    digit's byte then leaves its high half empty too (one OR over all cells checks every
    byte). Each byte times ten plus the next then gives YY, MM and DD in bytes 0, 3 and 6.
    """
    eves, lengths, unit = _calendar()
    words = words ^ np.uint64(_YMD_TEMPLATE)
    centuries = centuries ^ np.uint16(0x3030)
    if (np.bitwise_or.reduce(words | (words + np.uint64(_YMD_CARRY))) & _YMD_HIGH) or (
        np.bitwise_or.reduce(centuries | (centuries + np.uint16(0x0606))) & 0xF0F0
    ):
        return None
    pairs = (words * np.uint64(10) + (words >> np.uint64(8))).view(np.uint8).reshape(-1, 8)
    hundreds = (centuries * np.uint16(10) + (centuries >> np.uint16(8))).view(np.uint8)[::2]
    month = pairs[:, 3].astype(np.int32)
    day = pairs[:, 6].astype(np.int32)
    index = hundreds.astype(np.int32)  # (year - 1) * 12 + month - 1
    index *= 1200
    index += pairs[:, 0] * np.int32(12)
    index += month
    index -= 13
    if ((month - 1).view(np.uint32) > 11).any() or (index < 0).any():
        return None  # month 0 or over 12, or year 0
    length = np.take(lengths, index)
    if ((day - 1).view(np.uint32) >= length).any():
        return None  # day 0 or past the month's end
    found = np.take(eves, index)
    found += day * np.int64(np.timedelta64(1, "D") // np.timedelta64(1, unit))
    if not kinds:
        return found, None
    first = day == 1
    kind = first.view(np.uint8) * np.uint8(_FIRST_OF_MONTH)
    kind |= (first & (month == 1)).view(np.uint8) * np.uint8(_FIRST_OF_YEAR)
    kind |= (day == length).view(np.uint8) * np.uint8(_LAST_OF_MONTH)
    return found, kind


def _day_kinds(table: RawTable, name: str, kind: int) -> np.ndarray:
    """Where a date column's days are of ``kind`` (the first or the last of their month, the
    first of their year): from the cells' bytes when :func:`_dates_by_bytes` read them, else
    from the distinct values (False where a cell is not a date)."""
    kinds = table.parsed.get(f"{name}\x00kinds")
    if kinds is not None:
        return (kinds & kind) != 0
    if kind == _LAST_OF_MONTH:
        return _dates(table, name).dt.is_month_end.fillna(False).to_numpy(dtype=bool)
    suffix = "-01" if kind == _FIRST_OF_MONTH else "-01-01"
    return _per_distinct(table, name, lambda days: days.str.endswith(suffix))


# --- header ------------------------------------------------------------------------------------


def check_header(table: RawTable, fields: tuple[Field, ...]) -> list[Problem]:
    """Missing, unknown and duplicated column names."""
    expected = [f.name for f in fields]
    problems = []
    seen: set[str] = set()
    for index, name in enumerate(table.header, start=1):
        if name in seen:
            problems.append(
                Problem(table.path, 1, index, name, "duplicate-column", "column appears twice")
            )
        elif name not in expected:
            hint = _closest(name, expected)
            problems.append(
                Problem(
                    table.path,
                    1,
                    index,
                    name,
                    "unknown-column",
                    f"unknown column {_shown(name)}"
                    + (f"; did you mean {hint!r}?" if hint else ""),
                )
            )
        seen.add(name)
    for name in expected:
        if name not in seen:
            problems.append(
                Problem(
                    table.path,
                    1,
                    0,
                    name,
                    "missing-column",
                    f"column {name!r} is missing from the header",
                )
            )
    if not problems and table.header != expected:
        problems.append(
            Problem(
                table.path,
                1,
                0,
                "",
                "column-order",
                "columns are not in the canonical order (run `gnss-tracker fmt`)",
                "format",
            )
        )
    return problems


def _closest(name: str, candidates: list[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(name.strip().lower(), candidates, n=1, cutoff=0.6)
    return match[0] if match else None


# --- cells -------------------------------------------------------------------------------------


def check_cells(
    table: RawTable,
    fields: tuple[Field, ...],
    *,
    today: pd.Timestamp,
    later: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Per-cell rules for every column present: required, text hygiene, types, ranges, values.

    :param later: columns whose pattern rule the caller runs itself, once the other table is
        read (:func:`_check_cited_ids`).
    """
    problems: list[Problem] = []
    for spec in fields:
        if spec.name not in table.frame:
            continue
        values = table.frame[spec.name]
        codes = None
        if spec.enum is not None:
            keep = spec.name in _COMPARED_VALUE_SETS
            codes = _enum_codes(table, spec.name, spec.enum, keep=keep)
        empty = _enum_emptiness(spec, codes)
        if empty is None:
            empty = _cells(table, spec.name).empty
        if spec.required:
            problems += _report(
                table, empty, spec.name, "required", lambda v: "a value is required"
            )
        present = ~empty
        if spec.type == "string" and spec.enum is None and spec.pattern is None:
            # Value sets and patterns already refuse anything odd in the other text columns.
            problems += _check_text(table, spec, values, present)
        if spec.type == "number":
            problems += _check_number(table, spec, values, present)
        elif spec.type == "date":
            problems += _check_date(table, spec, values, present, today=today)
        if spec.enum is not None:
            problems += _check_enum(table, spec, codes, present, empty)
        if spec.pattern is not None and spec.name not in later:
            bad = present & ~_matches_pattern(table, spec)
            problems += _report(
                table, bad, spec.name, "pattern", functools.partial(_pattern_message, spec)
            )
        # Only these rules (and the URL rules after them) read a column's cell bounds: free
        # them before the next column.
        if spec.name not in _ROW_RULE_CELLS:
            table.parsed.pop(_cells_key(spec.name), None)
    return problems


def _pattern_message(spec: Field, value: str) -> str:
    if spec.name == INC.country:
        return f"{_shown(value)} is not an ISO 3166-1 alpha-2 code (two capital letters, e.g. BG)"
    if spec.name in (INC.id, SRC.incident_id):
        return f"{_shown(value)} is not a valid id (YYYY-MM-DD-place-slug, lowercase ASCII)"
    return f"{_shown(value)} does not match the pattern {spec.pattern}"


def _check_text(
    table: RawTable, spec: Field, values: pd.Series, present: np.ndarray
) -> list[Problem]:
    # One regex pass finds the rare suspicious cells; the specific rules then run on those only,
    # which keeps clean million-row files cheap.
    suspicious = _suspicious_text(table, spec.name, present)
    # A cell of at most max_length bytes has at most max_length characters: count characters
    # only in the longer cells.
    too_long = _cells(table, spec.name).longer_than(spec.max_length)
    if too_long.any():
        too_long[too_long] = (values[too_long].str.len() > spec.max_length).to_numpy(dtype=bool)
    problems: list[Problem] = []
    if suspicious.any():
        subset = values[suspicious]
        formula = np.zeros(len(values), dtype=bool)
        formula[suspicious] = _regex(subset, _FORMULA_RE, how="match")
        invisible = np.zeros(len(values), dtype=bool)
        invisible[suspicious] = _regex(subset, _INVISIBLE_RE)
        padded = np.zeros(len(values), dtype=bool)
        padded[suspicious] = (subset.str.strip() != subset).to_numpy(dtype=bool)
        name = spec.name
        problems += _report(
            table,
            formula,
            name,
            "formula-injection",
            lambda v: (
                f"{_shown(v)} starts with {v[:1]!r}, which spreadsheets run as a formula; "
                "reword it so it starts with a letter or digit"
            ),
        )
        problems += _report(
            table,
            invisible & ~formula,
            name,
            "control-character",
            lambda v: f"{_shown(v)} contains a control, zero-width or bidirectional character",
        )
        problems += _report(
            table,
            padded & ~formula & ~invisible,
            name,
            "whitespace",
            lambda v: f"{_shown(v)} has leading or trailing spaces",
        )
    problems += _report(
        table,
        too_long,
        spec.name,
        "too-long",
        lambda v: f"text is {len(v):,} characters long; the limit is {spec.max_length:,}",
    )
    return problems


def _check_number(
    table: RawTable, spec: Field, values: pd.Series, present: np.ndarray
) -> list[Problem]:
    name = spec.name
    plain = _plain_numbers(table, name)
    malformed = present & ~plain
    problems = _report(
        table,
        malformed,
        name,
        "not-a-number",
        lambda v: (
            f"{_shown(v)} is not a plain decimal number (use a point, no exponent, "
            "no spaces, e.g. 42.6952)"
        ),
    )
    number = _numbers(table, name).to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        low = spec.minimum if spec.minimum is not None else -np.inf
        high = spec.maximum if spec.maximum is not None else np.inf
        out = present & plain & ((number < low) | (number > high))
    hint = ""
    if name in (INC.latitude, INC.longitude):
        hint = "; are latitude and longitude swapped?"
    problems += _report(
        table,
        out,
        name,
        "out-of-range",
        lambda v: f"{v} is outside [{low:g}, {high:g}]{hint}",
    )
    return problems


def _check_date(
    table: RawTable, spec: Field, values: pd.Series, present: np.ndarray, *, today: pd.Timestamp
) -> list[Problem]:
    name = spec.name
    limit, earliest = np.datetime64(today + FUTURE_TOLERANCE), np.datetime64(EARLIEST_DATE)
    typed = _dates(table, name)  # the typed column, which the loader reuses (dataset._typed)
    span = table.parsed.get(f"{name}\x00span")
    if span is not None:
        # Read from the cells' bytes: every filled cell is a date, so only the range is left,
        # and the rows are looked at only when the column's first or last day is out of it (an
        # empty cell is NaT, which compares false).
        days = typed.to_numpy()
        problems = []
        if span[1] > limit:
            problems += _report(
                table,
                days > limit,
                name,
                "future-date",
                lambda v: f"{v} is in the future (today is {today:%Y-%m-%d})",
            )
        if span[0] < earliest:
            problems += _report(
                table,
                days < earliest,
                name,
                "date-too-early",
                lambda v: f"{v} is before GPS existed (1980-01-06)",
            )
        return problems
    # Otherwise decided once per distinct value (a million dates hold a few thousand days),
    # spread back to the rows only for a rule some value breaks.
    codes, uniques, days = _distinct_days(table, name)
    filled = (uniques != "").to_numpy()
    invalid = filled & (~_regex(uniques, _DATE_RE, how="full") | np.isnat(days))
    ok = filled & ~invalid
    with np.errstate(invalid="ignore"):
        future = ok & (days > limit)
        ancient = ok & (days < earliest)
    rules = (
        (invalid, "invalid-date", lambda v: f"{_shown(v)} is not a valid ISO date (YYYY-MM-DD)"),
        (future, "future-date", lambda v: f"{v} is in the future (today is {today:%Y-%m-%d})"),
        (ancient, "date-too-early", lambda v: f"{v} is before GPS existed (1980-01-06)"),
    )
    problems: list[Problem] = []
    for broken, code, message in rules:
        if broken.any():
            problems += _report(table, present & broken[codes], name, code, message)
    return problems


def _enum_emptiness(spec: Field, codes: np.ndarray | None) -> np.ndarray | None:
    """A value set column's empty cells, from its ``codes`` (:func:`_enum_codes`) when every
    cell holds one of its values: then none is empty, as no value of a set is; ``None``
    otherwise (and for other columns), and the caller reads the emptiness from the cells'
    offsets.

    The usual case for a valid file: the codes, which the value set rule needs anyway, spare
    the column its cell bounds (60-odd short numpy calls holding the GIL, about 1.5 ms a
    column at a million rows).
    """
    if codes is None or "" in (spec.enum or ("",)) or (len(codes) and codes.min() < 0):
        return None
    return np.zeros(len(codes), dtype=bool)


def _check_enum(
    table: RawTable, spec: Field, codes: np.ndarray, present: np.ndarray, empty: np.ndarray
) -> list[Problem]:
    allowed = spec.enum or ()
    bad = present & (codes < 0)
    if spec.name in _COMPARED_VALUE_SETS and not spec.required:
        # An empty cell is then a value compared with too.
        table.parsed[f"{spec.name}\x00empty"] = empty

    def message(value: str) -> str:
        normal = value.strip().lower()
        hint = f"; did you mean {normal!r}?" if normal in allowed else ""
        return f"{_shown(value)} is not one of {', '.join(allowed)}{hint}"

    return _report(table, bad, spec.name, "not-in-value-set", message)


# --- incidents ---------------------------------------------------------------------------------


def check_incident_rows(table: RawTable) -> list[Problem]:
    """Rules across the columns of one incident, and across incidents."""
    frame = table.frame
    problems: list[Problem] = []
    if INC.country in frame:
        # Two capital letters: the column's own pattern rule, computed once for both rules.
        shaped = _matches_pattern(table, _field(schema.INCIDENT_FIELDS, INC.country))
        unknown = shaped & ~_known(table, INC.country, schema.country_codes())
        problems += _report(
            table,
            unknown,
            INC.country,
            "unknown-country",
            lambda v: f"{v!r} is not an ISO 3166-1 alpha-2 country code",
        )
    if INC.region in frame:
        region = frame[INC.region]
        unknown_region = ~_known(table, INC.region, known_regions())
        if unknown_region.any():  # the empty cells among them are not "unknown"
            unknown_region &= (region != "").to_numpy()
        problems += _report(
            table,
            unknown_region,
            INC.region,
            "unknown-region",
            lambda v: f"{_shown(v)} is not an analyst region (see docs/regions.md)",
        )
    if {INC.date, INC.date_precision} <= set(frame.columns):
        valid = _dates(table, INC.date).notna().to_numpy()
        not_first = (
            valid
            & _equals(table, INC.date_precision, "month")
            & ~_day_kinds(table, INC.date, _FIRST_OF_MONTH)
        )
        problems += _report(
            table,
            not_first,
            INC.date,
            "date-precision",
            lambda v: f"{v} has date_precision=month, so the date must be the 1st ({v[:8]}01)",
        )
        not_jan = (
            valid
            & _equals(table, INC.date_precision, "year")
            & ~_day_kinds(table, INC.date, _FIRST_OF_YEAR)
        )
        problems += _report(
            table,
            not_jan,
            INC.date,
            "date-precision",
            lambda v: f"{v} has date_precision=year, so the date must be 1 January ({v[:5]}01-01)",
        )
    if {INC.date, INC.end_date} <= set(frame.columns):
        start = _dates(table, INC.date)
        end = _dates(table, INC.end_date)
        before = (end < start).to_numpy(dtype=bool)
        problems += _report(
            table,
            before,
            INC.end_date,
            "end-before-start",
            lambda v: f"end_date {v} is before the incident's date",
        )
    if {INC.end_date, INC.end_date_precision} <= set(frame.columns):
        # An end date says either "ended that day" or "still going on that day" (open-ended);
        # a reader must never have to guess which.
        has_end = ~_equals(table, INC.end_date, "")
        has_precision = ~_equals(table, INC.end_date_precision, "")
        problems += _report(
            table,
            has_end & ~has_precision,
            INC.end_date_precision,
            "end-date-precision",
            lambda v: "end_date is set, so say day (it ended then) or open (still going on then)",
        )
        problems += _report(
            table,
            ~has_end & has_precision,
            INC.end_date_precision,
            "end-date-precision",
            lambda v: f"{_shown(v)} is set but end_date is empty; leave both empty or set both",
        )
        end_days = _dates(table, INC.end_date)
        not_month_end = (
            _equals(table, INC.end_date_precision, "month")
            & end_days.notna().to_numpy()
            & ~_day_kinds(table, INC.end_date, _LAST_OF_MONTH)
        )
        problems += _report(
            table,
            not_month_end,
            INC.end_date,
            "date-precision",
            lambda v: f"{v} has end_date_precision=month, so it must be the month's last day",
        )
    if {INC.latitude, INC.longitude} <= set(frame.columns):
        lat = _numbers(table, INC.latitude)
        lon = _numbers(table, INC.longitude)
        null_island = ((lat == 0) & (lon == 0)).to_numpy(dtype=bool)
        problems += _report(
            table,
            null_island,
            INC.latitude,
            "null-island",
            lambda v: "coordinates 0,0 are almost always a failed geocode",
        )
    if INC.id in frame:
        problems += _duplicates(
            table, [INC.id], "duplicate-id", "id {value} was already used on line {first}"
        )
    return problems


def _duplicates(table: RawTable, columns: list[str], code: str, template: str) -> list[Problem]:
    frame = table.frame
    if not set(columns) <= set(frame.columns) or frame.empty:
        return []
    if not _may_repeat(table, columns):
        return []  # the usual case, decided in one linear pass
    arrays = [_arrow(frame[name]) for name in columns]
    joined = (
        arrays[0]
        if len(arrays) == 1
        else pc.binary_join_element_wise(*arrays, pa.scalar("\x1f", arrays[0].type))
    )
    if not _has_duplicates(joined):
        return []
    key = pd.Series(joined.to_numpy(zero_copy_only=False), index=frame.index, dtype="str")
    present = (key != "").to_numpy()
    dup = key.duplicated(keep="first").to_numpy() & present
    if not dup.any():
        return []
    firsts = ~key.duplicated(keep="first").to_numpy()
    first_line = dict(zip(key.to_numpy()[firsts], table.lines[firsts], strict=True))
    keys = key.to_numpy()
    column = _column_number(table, columns[0])
    problems = []
    for i in np.flatnonzero(dup)[:MAX_PROBLEMS_PER_RULE]:
        value = frame[columns[0]].iloc[i]
        problems.append(
            Problem(
                table.path,
                int(table.lines[i]),
                column,
                columns[0],
                code,
                template.format(value=repr(value), first=first_line[keys[i]]),
            )
        )
    return problems


# --- sources -----------------------------------------------------------------------------------


def _check_url(table: RawTable, name: str) -> list[Problem]:
    """Links must be ``http(s)://host/...``: no ``javascript:``, ``data:`` or spaces."""
    if name not in table.frame:
        return []
    url = table.frame[name]
    # The link rule of tracker.safety.link_url: its pattern, and its length cap. A cell of at
    # most MAX_URL_LENGTH bytes has at most that many characters: count characters only in the
    # longer cells (counting them in every cell cost 0.2 s at a million rows).
    cells = _cells(table, name)
    too_long = cells.longer_than(safety.MAX_URL_LENGTH)
    if too_long.any():
        too_long[too_long] = (url[too_long].str.len() > safety.MAX_URL_LENGTH).to_numpy(bool)
    if cells.min_byte() > 0x20:
        # No whitespace anywhere: the scheme and host decide (RE2 stops there; 0.05 s less at
        # a million sources than matching every URL to its end).
        shaped = _regex(url, _URL_START_RE, how="match")
    else:
        shaped = _regex(url, _URL_RE, how="full")
    bad = ~cells.empty & (too_long | ~shaped)

    def message(value: str) -> str:
        scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
        if scheme and scheme not in ("http", "https"):
            return f"{_shown(value)}: only http and https links are allowed, not {scheme!r}"
        if len(value) > safety.MAX_URL_LENGTH:
            limit = safety.MAX_URL_LENGTH
            return f"the URL is {len(value):,} characters; links stop at {limit:,}"
        return f"{_shown(value)} is not an http(s) URL with a host and no spaces"

    return _report(table, bad, name, "url-scheme", message)


def check_source_rows(table: RawTable) -> list[Problem]:
    """URL scheme and duplicate claims."""
    problems: list[Problem] = _check_url(table, SRC.url)
    problems += _duplicate_sources(table)
    table.parsed.pop(_cells_key(SRC.url), None)
    return problems


def _duplicate_sources(table: RawTable) -> list[Problem]:
    return _duplicates(
        table,
        [SRC.incident_id, SRC.url],
        "duplicate-source",
        "this source is already listed for the incident on line {first}",
    )


def _check_urls(table: RawTable) -> list[Problem]:
    """The URL rule of the sources; then frees the URLs' cell bounds (the last rule to read
    them)."""
    problems = _check_url(table, SRC.url)
    table.parsed.pop(_cells_key(SRC.url), None)
    return problems


def check_references(incidents: RawTable, sources: RawTable) -> list[Problem]:
    """Sources must point at known incidents; every incident needs a source; disputes are said."""
    problems: list[Problem] = []
    if INC.id not in incidents.frame or SRC.incident_id not in sources.frame:
        return problems
    ids = incidents.frame[INC.id]
    cited = sources.frame[SRC.incident_id]
    cited_rows = _cited_incident_rows(incidents, sources)
    if cited_rows is None:
        in_incidents, in_sources = _mutual_membership(cited, ids)
        orphan = (cited != "").to_numpy() & ~in_incidents
        problems += _report(
            sources,
            orphan,
            SRC.incident_id,
            "unknown-incident",
            lambda v: f"no incident has id {v!r} in {incidents.path}",
        )
        unsourced = (ids != "").to_numpy() & ~in_sources
        problems += _report(
            incidents,
            unsourced,
            INC.id,
            "no-source",
            lambda v: f"incident {v!r} has no source in {sources.path}; every incident needs one",
        )
    # Otherwise every source cites an incident and every incident has a source.
    if SRC.stance in sources.frame and INC.confidence in incidents.frame:
        disputing = _equals(sources, SRC.stance, "disputes")
        if cited_rows is None:
            disputed = _isin(ids, cited[disputing])
        else:  # the incidents' rows are known: no hashing of a million ids
            disputed = np.zeros(len(ids), dtype=bool)
            disputed[cited_rows[disputing]] = True
        silent = disputed & ~_equals(incidents, INC.confidence, "disputed")
        problems += _report(
            incidents,
            silent,
            INC.confidence,
            "undeclared-dispute",
            lambda v: "a source disputes this incident; consider confidence=disputed",
            severity="warning",
        )
    return problems


# --- figures -----------------------------------------------------------------------------------


def check_figure_rows(table: RawTable) -> list[Problem]:
    """Rules across the columns of one published figure, and across figures."""
    from tracker.published import GLOBAL_AREA, known_area

    frame = table.frame
    problems: list[Problem] = _check_url(table, FIG.url)
    if {FIG.period_start, FIG.period_end} <= set(frame.columns):
        start = _dates(table, FIG.period_start)
        end = _dates(table, FIG.period_end)
        problems += _report(
            table,
            (end < start).to_numpy(dtype=bool),
            FIG.period_end,
            "end-before-start",
            lambda v: f"period_end {v} is before the period's start",
        )
        if FIG.published in frame:
            published = _dates(table, FIG.published)
            problems += _report(
                table,
                (published < start).to_numpy(dtype=bool),
                FIG.published,
                "published-before-period",
                lambda v: f"published {v} is before the period it reports on starts",
            )
    if {FIG.area, FIG.area_kind} <= set(frame.columns):
        area, kind = frame[FIG.area], frame[FIG.area_kind]
        present = (area != "").to_numpy()
        is_kind = {k: (kind == k).to_numpy() & present for k in schema.AREA_KINDS}
        problems += _report(
            table,
            is_kind["region"] & ~_isin(area, known_regions()),
            FIG.area,
            "unknown-region",
            lambda v: f"{_shown(v)} is not a region defined in tracker/data/country_regions.csv",
        )
        problems += _report(
            table,
            is_kind["country"] & ~_isin(area, schema.country_codes()),
            FIG.area,
            "unknown-country",
            lambda v: (
                f"{_shown(v)} is not an ISO 3166-1 alpha-2 country code "
                "(area_kind=country takes a code such as LT)"
            ),
        )
        problems += _report(
            table,
            is_kind["global"] & (area != GLOBAL_AREA).to_numpy(),
            FIG.area,
            "global-area",
            lambda v: f"area_kind=global takes area {GLOBAL_AREA!r}, not {_shown(v)}",
        )
        named = is_kind["fir"] | is_kind["area"]
        if named.any():
            unknown = np.zeros(len(frame), dtype=bool)
            unknown[named] = [not known_area(v) for v in area[named]]
            problems += _report(
                table,
                unknown,
                FIG.area,
                "unknown-area",
                lambda v: (
                    f"{_shown(v)} is not in tracker/data/areas.csv, so the dashboard cannot "
                    "place it in a region; add it there or use area_kind=country"
                ),
                severity="warning",
            )
    if FIG.id in frame:
        problems += _duplicates(
            table, [FIG.id], "duplicate-id", "id {value} was already used on line {first}"
        )
    table.parsed.pop(_cells_key(FIG.url), None)
    return problems


# --- entry points ------------------------------------------------------------------------------


def check_figures(figures: RawTable, *, today: pd.Timestamp | None = None) -> list[Problem]:
    """Every rule of the figures table alone (it references no other table)."""
    if today is None:
        today = pd.Timestamp(datetime.now(UTC).date())
    problems = list(figures.problems)
    if figures.readable:
        problems += check_header(figures, schema.FIGURE_FIELDS)
        problems += check_cells(figures, schema.FIGURE_FIELDS, today=today)
        problems += check_figure_rows(figures)
    return sorted(problems, key=lambda p: (p.file, p.line, p.column, p.code))


#: Pattern rules that wait for the other table, by the table's fields (see :func:`_across`).
_LATER = {schema.SOURCE_FIELDS: frozenset({SRC.incident_id})}


def _check_table(table: RawTable, fields: tuple[Field, ...], row_rules, today) -> list[Problem]:
    """The header, cell and row rules of one table (nothing across tables), but for the
    patterns :func:`_across` checks."""
    if not table.readable:
        return []
    cells = check_cells(table, fields, today=today, later=_LATER.get(fields, frozenset()))
    return check_header(table, fields) + cells + row_rules(table)


def _check_cited_ids(incidents: RawTable | None, sources: RawTable) -> list[Problem]:
    """The pattern rule of the sources' incident ids.

    A cited id equal to an incident's id has that id's shape: when the distinct cited ids are
    exactly the incident ids and every incident id has the shape, no cited id needs matching
    (at a million incidents, 1.6 million regex matches less). Otherwise they are matched.
    """
    spec = _field(schema.SOURCE_FIELDS, SRC.incident_id)
    if spec.name not in sources.frame:
        return []
    id_spec = _field(schema.INCIDENT_FIELDS, INC.id)
    if (
        incidents is not None
        and id_spec.name in incidents.frame
        and id_spec.pattern == spec.pattern
        and _cited_incident_rows(incidents, sources) is not None
    ):
        unshaped = ~_matches_pattern(incidents, id_spec)
        if not unshaped.any():
            return []
        if not (unshaped & (incidents.frame[id_spec.name] != "").to_numpy()).any():
            return []  # only empty ids (their own rule reports them)
    present = (sources.frame[spec.name] != "").to_numpy()
    bad = present & ~_matches_pattern(sources, spec)
    return _report(sources, bad, spec.name, "pattern", functools.partial(_pattern_message, spec))


def _across(incidents: RawTable, sources: RawTable) -> list[Problem]:
    """The rules that read both tables."""
    problems: list[Problem] = []
    if sources.readable:
        problems += _check_cited_ids(incidents if incidents.readable else None, sources)
    if incidents.readable and sources.readable:
        problems += check_references(incidents, sources)
    return problems


def _sorted_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.column, p.code))


def validate_tables(
    incidents: RawTable,
    sources: RawTable,
    figures: RawTable | None = None,
    *,
    today: pd.Timestamp | None = None,
) -> list[Problem]:
    """Run every rule on the tables; return all problems sorted by file and line.

    :param figures: the published figures, if any (``None``: a folder without figures.csv).
    """
    if today is None:
        today = pd.Timestamp(datetime.now(UTC).date())
    problems = list(incidents.problems) + list(sources.problems)
    if figures is not None:
        problems += figures.problems
    # The two tables are independent and most of the work happens in Arrow kernels, which
    # release the GIL: checking them side by side uses both cores of a small machine.
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [
            pool.submit(
                _check_table, incidents, schema.INCIDENT_FIELDS, check_incident_rows, today
            ),
            pool.submit(_check_table, sources, schema.SOURCE_FIELDS, check_source_rows, today),
        ]
        if figures is not None:
            jobs.append(
                pool.submit(_check_table, figures, schema.FIGURE_FIELDS, check_figure_rows, today)
            )
        for job in jobs:
            problems += job.result()
    problems += _across(incidents, sources)
    return _sorted_problems(problems)


#: The columns the rules across tables read (:func:`check_references`): all a table keeps
#: after its own checks when :func:`read_and_validate` is asked not to keep the cells.
_REFERENCE_COLUMNS = {
    schema.INCIDENTS_FILE: (INC.id, INC.confidence),
    schema.SOURCES_FILE: (SRC.incident_id, SRC.stance),
}


def _prune(table: RawTable, keep: tuple[str, ...]) -> None:
    """Drop every column but ``keep`` and everything parsed from the table (frees its memory)."""
    if table.readable:
        table.frame = table.frame[[name for name in keep if name in table.frame]]
    table.parsed.clear()


def read_and_validate(
    data_dir: Path | str,
    *,
    today: pd.Timestamp | None = None,
    keep_cells: bool = True,
    keep_source_cells: bool = True,
) -> tuple[RawTable, RawTable, RawTable, list[Problem]]:
    """Read the three tables of ``data_dir`` and run every rule on them.

    The same problems as :func:`read_tables`, :func:`read_figures` and :func:`validate_tables`
    in turn, but each file is checked as soon as it is read, in a second thread, so both cores
    stay busy. Returns the incidents, sources and figures tables and the problems.

    :param keep_cells: False for a check that needs only the problems (``gnss-tracker
        validate``): each table keeps only the columns the rules across tables read once its
        own rules have run, and the files are read one after the other, in blocks
        (:func:`tracker.csvio.read_raw_table`'s ``low_memory``), so at most one file's cells are
        in memory at a time. The problems are the same; the tables keep their rows.
    :param keep_source_cells: False for the dashboard, which reads a source's other columns
        when they are shown: the sources keep only the columns the rules across tables read
        once their own rules have run, and are read before the incidents, one file after the
        other, in blocks, so the two files' cells are never in memory together. Same problems.
    """
    data_dir = Path(data_dir)
    if today is None:
        today = pd.Timestamp(datetime.now(UTC).date())
    if keep_cells and keep_source_cells:
        return _read_and_validate_overlapped(data_dir, today)
    return _read_and_validate_in_turn(
        data_dir, today, keep_cells=keep_cells, keep_source_cells=keep_source_cells
    )


def _read(data_dir: Path, name: str, fields: tuple[Field, ...], **options) -> RawTable:
    path = data_dir / name
    return read_raw_table(
        path, display=display_path(path), number_columns=_numbers_of(fields), **options
    )


def _read_and_validate_in_turn(
    data_dir: Path, today: pd.Timestamp, *, keep_cells: bool, keep_source_cells: bool
) -> tuple[RawTable, RawTable, RawTable, list[Problem]]:
    """:func:`read_and_validate` keeping fewer cells: one file after the other, in blocks, each
    pruned once its own rules have run; the figures are checked meanwhile."""

    def read_and_check(name: str, fields: tuple[Field, ...], row_rules, keep: bool):
        table = _read(data_dir, name, fields, low_memory=True)
        problems = _check_table(table, fields, row_rules, today)
        if not keep:
            _prune(table, _REFERENCE_COLUMNS[name])
        return table, problems

    files = [
        (schema.INCIDENTS_FILE, schema.INCIDENT_FIELDS, check_incident_rows, keep_cells),
        (schema.SOURCES_FILE, schema.SOURCE_FIELDS, check_source_rows, False),
    ]
    if not keep_source_cells:
        files.reverse()  # the sources first, so they are pruned before the incidents are read
    with ThreadPoolExecutor(max_workers=1) as pool:
        # One worker runs the jobs in the order they are submitted.
        jobs = {name: pool.submit(read_and_check, name, *rest) for name, *rest in files}
        figures = read_figures(data_dir)  # a few rows: read and checked here meanwhile
        figure_problems = _check_table(figures, schema.FIGURE_FIELDS, check_figure_rows, today)
        incidents, incident_problems = jobs[schema.INCIDENTS_FILE].result()
        sources, source_problems = jobs[schema.SOURCES_FILE].result()
    problems = [*incidents.problems, *sources.problems, *figures.problems]
    problems += incident_problems + source_problems + figure_problems
    problems += _across(incidents, sources)
    return incidents, sources, figures, _sorted_problems(problems)


def _read_and_validate_overlapped(
    data_dir: Path, today: pd.Timestamp
) -> tuple[RawTable, RawTable, RawTable, list[Problem]]:
    """:func:`read_and_validate` keeping every cell, on two workers.

    The files are read one after the other, each by pandas' reader on both cores: the sources
    first, then the incidents while the sources' rules run. Two files read at once (four
    reading threads on two cores) cost 0.1-0.2 s more CPU at a million incidents than the same
    reads in turn, mostly page faults. The incidents' cell rules are then shared column by
    column by both workers (the heavy ones first); the worker that finishes the last of them
    runs the incidents' row rules while the other runs the rules across the files, so both
    cores stay busy to the end.
    """
    sources_read: Future = Future()
    incidents_read: Future = Future()
    sources_checked = threading.Event()
    cells_checked = threading.Event()
    lock = threading.Lock()
    pending: list[Callable[[], object]] = []  # the incidents' cell rules
    unfinished = [0]  # of those, not finished yet
    rows_taken = [False]
    cell_problems: dict[str, list[Problem]] = {}
    header_problems: list[Problem] = []
    row_problems: list[Problem] = []
    across_problems: list[Problem] = []
    url_problems: list[Problem] = []

    def check_incidents() -> None:
        """Take the incidents' cell rules one column at a time; then the row rules or the rules
        across the files, whichever the other worker has not taken."""
        incidents = incidents_read.result()
        while True:
            with lock:
                task = pending.pop(0) if pending else None
            if task is None:
                break
            try:
                task()
            finally:
                with lock:
                    unfinished[0] -= 1
                    if not unfinished[0]:
                        cells_checked.set()
        with lock:
            rows = not unfinished[0] and not rows_taken[0]
            rows_taken[0] = rows_taken[0] or rows
        if rows:
            if incidents.readable:
                header_problems.extend(check_header(incidents, schema.INCIDENT_FIELDS))
                row_problems.extend(check_incident_rows(incidents))
            return
        cells_checked.wait()
        sources_checked.wait()
        across_problems.extend(_across(incidents, sources_read.result()))

    def check_urls(sources: RawTable) -> None:
        url_problems.extend(_check_urls(sources))

    def cite(incidents: RawTable) -> None:
        sources_checked.wait()
        sources = sources_read.result()
        if INC.id in incidents.frame and SRC.incident_id in sources.frame:
            _cited_incident_rows(incidents, sources)

    def cell_task(incidents: RawTable, spec: Field) -> Callable[[], None]:
        def run() -> None:
            later = _LATER.get(schema.INCIDENT_FIELDS, frozenset())
            cell_problems[spec.name] = check_cells(incidents, (spec,), today=today, later=later)

        return run

    def read_and_check_sources() -> tuple[RawTable, list[Problem]]:
        try:
            try:
                # The heap is trimmed after the table is handed over: the incidents' parse
                # then starts at once instead of waiting the 30-50 ms a trim takes.
                sources = _read(data_dir, schema.SOURCES_FILE, schema.SOURCE_FIELDS, trim=False)
            except BaseException as err:
                sources_read.set_exception(err)  # the other worker waits for this table
                raise
            sources_read.set_result(sources)
            trim_heap()
            # The URL rule waits for the incidents' cell rules (see read_and_check_incidents).
            problems = _check_table(sources, schema.SOURCE_FIELDS, _duplicate_sources, today)
        finally:
            sources_checked.set()
        check_incidents()
        return sources, problems

    def read_and_check_incidents() -> RawTable:
        path = data_dir / schema.INCIDENTS_FILE
        options = {"number_columns": _numbers_of(schema.INCIDENT_FIELDS)}
        try:
            # The file's checks (a search for quotes and CRs, which holds the GIL) run beside
            # the sources' read (pandas parses without it); the incidents are parsed after it.
            with prepare_raw_table(path, display=display_path(path), **options) as read:
                sources_read.exception()  # the sources are read first (or failed to be)
                incidents = read()
        except BaseException as err:
            incidents_read.set_exception(err)  # the other worker waits for this table
            raise
        if incidents.readable:
            # Columns the row rules read from the cell rules' work (numbers, dates, patterns)
            # first: they take longest.
            fields = sorted(
                schema.INCIDENT_FIELDS, key=lambda s: s.type == "string" and s.pattern is None
            )
            pending.extend(cell_task(incidents, spec) for spec in fields)
            # The ids' order, which both the row rules and the rules across the files read.
            if INC.id in incidents.frame:
                pending.insert(1, functools.partial(_neighbours, incidents, INC.id))
        if sources_read.exception() is None and sources_read.result().readable:
            # The sources' URL rule is one RE2 call, which runs without the GIL; most of the
            # incidents' cell rules hold it (numpy and pandas calls on 60-odd chunks), so a
            # second worker gains little on them: paired with them, the URL rule runs beside
            # them on the other core instead of beside the incidents' read, which uses both.
            pending.insert(
                min(2, len(pending)), functools.partial(check_urls, sources_read.result())
            )
        if incidents.readable:
            # The row rules' lookups of countries and regions (Arrow, without the GIL): among
            # the cell rules rather than at the end, where the row rules run on one core.
            known = [(INC.country, schema.country_codes()), (INC.region, known_regions())]
            for position, (name, allowed) in enumerate(known, start=3):
                if name in incidents.frame:
                    task = functools.partial(_known, incidents, name, allowed)
                    pending.insert(min(position, len(pending)), task)
            if sources_read.exception() is None and sources_read.result().readable:
                # Which incident each source cites (Arrow comparisons of the cited ids, read
                # by both rules across the files) among the cell rules too, well after the
                # ids' order it reads; it waits for the sources' own rules, which read the
                # cited ids' order.
                pending.insert(min(8, len(pending)), functools.partial(cite, incidents))
        unfinished[0] = len(pending)
        if not pending:
            cells_checked.set()
        incidents_read.set_result(incidents)
        check_incidents()
        return incidents

    with ThreadPoolExecutor(max_workers=2) as pool:
        sources_job = pool.submit(read_and_check_sources)
        incidents_job = pool.submit(read_and_check_incidents)
        figures = read_figures(data_dir)  # a few rows: read and checked here meanwhile
        figure_problems = _check_table(figures, schema.FIGURE_FIELDS, check_figure_rows, today)
        incidents = incidents_job.result()
        sources, source_problems = sources_job.result()
    problems = [*incidents.problems, *sources.problems, *figures.problems, *header_problems]
    for spec in schema.INCIDENT_FIELDS:
        problems += cell_problems.get(spec.name, [])
    problems += row_problems + source_problems + url_problems + figure_problems + across_problems
    return incidents, sources, figures, _sorted_problems(problems)


def read_figures(data_dir: Path | str) -> RawTable:
    """Read ``figures.csv`` from ``data_dir``; a folder without one has an empty table.

    Folders made before the figures table existed are valid as they are.
    """
    path = Path(data_dir) / schema.FIGURES_FILE
    display = display_path(path)
    if not path.exists() and not path.is_symlink():
        header = list(schema.FIGURE_COLUMNS)
        frame = pd.DataFrame({name: pd.Series(dtype="str") for name in header})
        return RawTable(display, header, frame, np.zeros(0, dtype=np.int64))
    return read_raw_table(path, display=display, number_columns=_numbers_of(schema.FIGURE_FIELDS))


def _numbers_of(fields: tuple[Field, ...]) -> frozenset[str]:
    """The number columns of a table: its reader reads them as text on purpose (see
    :func:`tracker.csvio.read_raw_table`)."""
    return frozenset(spec.name for spec in fields if spec.type == "number")


def read_tables(data_dir: Path | str) -> tuple[RawTable, RawTable]:
    """Read ``incidents.csv`` and ``sources.csv`` from ``data_dir`` as raw tables."""
    data_dir = Path(data_dir)
    return (
        read_raw_table(
            data_dir / schema.INCIDENTS_FILE,
            display=display_path(data_dir / schema.INCIDENTS_FILE),
            number_columns=_numbers_of(schema.INCIDENT_FIELDS),
        ),
        read_raw_table(
            data_dir / schema.SOURCES_FILE, display=display_path(data_dir / schema.SOURCES_FILE)
        ),
    )


def validate_dir(data_dir: Path | str, *, today: pd.Timestamp | None = None) -> list[Problem]:
    """Validate the dataset in ``data_dir``; see :func:`validate_tables` and
    :func:`read_and_validate`."""
    return read_and_validate(data_dir, today=today)[3]
