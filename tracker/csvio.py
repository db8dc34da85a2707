"""Reading the dataset's CSV files into raw string tables, with exact line numbers.

Two paths, one result:

* the fast path hands the bytes to pyarrow's CSV reader (multi-threaded, strict: one record per
  line), which is what makes validating a million rows cheap;
* anything pyarrow refuses (ragged rows, stray quotes, blank lines, multi-line cells) is re-read
  with the standard ``csv`` module, which is slower but tells us the line of every problem.

Both give a :class:`RawTable`: every cell as ``str`` (never NaN: ``NA`` is Namibia), the header,
and the file line of each row, so validators can report ``FILE:LINE:COLUMN``.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tracker import safety
from tracker.problems import Problem

__all__ = [
    "RawTable",
    "ByteScan",
    "read_raw_table",
    "parse_raw_text",
    "scan_bytes",
    "may_hide_characters",
    "return_freed_memory",
]

log = logging.getLogger(__name__)

#: Files larger than this are refused before parsing (the real dataset is well under 1 MB; a
#: million synthetic incidents is about 400 MB).
MAX_FILE_BYTES = 2 * 1024**3


@dataclass
class RawTable:
    """A CSV file as strings.

    :param path: display path used in messages.
    :param header: column names in file order (possibly with duplicates or unknown names).
    :param frame: one column per header name (duplicates suffixed), all cells ``str``.
    :param lines: file line number (1-based, header is line 1) of each row of ``frame``.
    :param problems: structural problems found while reading (encoding, ragged rows, quotes...).
    :param raw: unused by the store (the bytes are not kept: at a million rows they are 300 MB).
    """

    path: str
    header: list[str]
    frame: pd.DataFrame
    lines: np.ndarray
    problems: list[Problem] = field(default_factory=list)
    raw: bytes = b""
    #: typed versions of columns computed while validating (numbers, dates), reused by the loader.
    parsed: dict[str, pd.Series] = field(default_factory=dict)
    #: True when no byte of the file can start a control, zero-width or bidirectional character
    #: (see :func:`scan_bytes`): the text rules then skip their per-column search for them.
    plain_text: bool = False

    @property
    def readable(self) -> bool:
        """False when the file could not be parsed into rows at all."""
        return not any(p.code in FATAL_CODES for p in self.problems)


FATAL_CODES = frozenset(
    {"missing-file", "not-utf8", "empty-file", "file-too-large", "not-a-regular-file"}
)


def return_freed_memory() -> None:
    """Make Arrow hand memory it frees back to the operating system at once.

    Arrow's default allocator keeps freed blocks for reuse, so the transient buffers of reading
    and validating a large file stay in the process for its lifetime (at 100k incidents about
    90 MB of a server's memory). jemalloc without decay returns them immediately and costs no
    measurable time here. Called by the long-lived entry points (the dashboard, the CLI); a no-op
    where pyarrow was built without jemalloc.
    """
    import pyarrow as pa

    try:
        pool = pa.jemalloc_memory_pool()
        pa.jemalloc_set_decay_ms(0)
    except (NotImplementedError, pa.ArrowNotImplementedError):
        return
    pa.set_memory_pool(pool)


def read_raw_table(path: Path, *, display: str | None = None) -> RawTable:
    """Read one CSV file of the dataset into a :class:`RawTable`.

    Never raises for bad content: every problem becomes a :class:`Problem`.

    :param path: the file.
    :param display: how to name the file in messages (defaults to ``str(path)``).
    :raises OSError: only if the file exists but cannot be read (permissions, I/O error).
    """
    name = display or str(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return _empty(name, Problem(name, 0, 0, "", "missing-file", "file not found"))
    if not stat.S_ISREG(info.st_mode):
        # A symlink (or FIFO, device...) in a pull request could make validation read another
        # file into the CI log, hang, or exhaust memory: the dataset is regular files only.
        kind = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        return _empty(
            name,
            Problem(
                name, 0, 0, "", "not-a-regular-file", f"{kind}; the data files must be plain files"
            ),
        )
    size = info.st_size
    if size > MAX_FILE_BYTES:
        msg = f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
        return _empty(name, Problem(name, 0, 0, "", "file-too-large", msg))
    if size >= STREAM_MIN_BYTES:
        table = _read_streamed(path, name)
        if table is not None:
            return table
    return parse_raw_text(path.read_bytes(), display=name)


#: Files at least this large are streamed: scanned in slices, then parsed by pyarrow block by
#: block from the same open file, so the whole file is never in the process at once (at a
#: million incidents that keeps 500 MB out of the peak memory and saves a quarter second).
STREAM_MIN_BYTES = 1 << 20


def _read_streamed(path: Path, display: str) -> RawTable | None:
    """The fast path on ``path`` without holding its bytes; ``None`` when the file needs the full
    path.

    Anything unusual (a byte-order mark, an odd header, a file pyarrow refuses) is left to
    :func:`parse_raw_text`, which reads the file again and reports every problem. The scan and
    the parse read the same open file, so a file replaced in between cannot mix two versions.
    """
    import pyarrow as pa

    with open(path, "rb") as handle:
        buffer = bytearray(_SCAN_SLICE)
        head = b""
        last = b""

        def slices():
            nonlocal head, last
            while count := handle.readinto(buffer):
                if not head:
                    head = bytes(buffer[: min(count, 1 << 16)])
                last = bytes(buffer[count - 1 : count])
                yield np.frombuffer(buffer, dtype=np.uint8, count=count)

        scan = _scan_slices(slices())
        end = head.find(b"\n")
        header_bytes = head[: max(end, 0)]
        if end <= 0 or header_bytes.startswith(codecs.BOM_UTF8) or b"\r" in header_bytes:
            return None
        try:
            header_text = header_bytes.decode("utf-8")
        except UnicodeDecodeError:
            return None
        header = next(csv.reader([header_text]), [])
        if not header or not header_text.strip() or last != b"\n":
            return None
        handle.seek(0)
        return _arrow_parse(pa.PythonFile(handle, mode="r"), scan, header, display)


def parse_raw_text(raw: bytes, *, display: str) -> RawTable:
    """Parse CSV bytes (see :func:`read_raw_table`)."""
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    if not body[:4096].strip() and not body.strip():
        return _empty(display, Problem(display, 1, 0, "", "empty-file", "file is empty"), raw=raw)
    # The header ends at the first line break of any kind (old Mac files use a bare CR).
    line_break = re.search(rb"[\r\n]", body)
    header_bytes = body if line_break is None else body[: line_break.start()]
    try:
        header_text = header_bytes.decode("utf-8")
    except UnicodeDecodeError as err:
        return _not_utf8(display, body, err, raw)
    header = next(csv.reader([header_text]), [])
    # pyarrow checks UTF-8 itself, so well-formed files are decoded only once, by it.
    table = _fast_parse(body, header, display)
    if table is None:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            return _not_utf8(display, body, err, raw)
        table = _slow_parse(text, header, display)
    if len(body) != len(raw):
        table.problems.append(
            Problem(
                display,
                1,
                1,
                "",
                "byte-order-mark",
                "file starts with a UTF-8 byte-order "
                "mark; the canonical form has none (run `gnss-tracker fmt`)",
                "format",
            )
        )
    return table


def _not_utf8(display: str, body: bytes, err: UnicodeDecodeError, raw: bytes) -> RawTable:
    line = body.count(b"\n", 0, err.start) + 1
    column = err.start - (body.rfind(b"\n", 0, err.start) + 1) + 1
    byte = body[err.start : err.start + 1].hex()
    msg = (
        f"not valid UTF-8: byte 0x{byte} at byte offset {err.start}; "
        "save the file as UTF-8 (a spreadsheet may have written Windows-1252)"
    )
    return _empty(display, Problem(display, line, column, "", "not-utf8", msg), raw=raw)


def _empty(display: str, problem: Problem, raw: bytes = b"") -> RawTable:
    return RawTable(display, [], pd.DataFrame(), np.zeros(0, dtype=np.int64), [problem], raw)


def _unique_names(header: list[str]) -> list[str]:
    """Column labels for the frame: duplicates get a suffix so no cell is lost."""
    seen: dict[str, int] = {}
    names = []
    for name in header:
        count = seen.get(name, 0)
        seen[name] = count + 1
        names.append(name if count == 0 else f"{name}\x00{count}")
    return names


def _fast_parse(body: bytes, header: list[str], display: str) -> RawTable | None:
    """Parse with pyarrow; ``None`` when the file needs the careful path.

    :param body: the file's bytes after any byte-order mark.
    """
    import pyarrow as pa

    if not len(body) or body[-1:] != b"\n":
        return None  # a missing final newline: the careful path reports it
    return _arrow_parse(pa.py_buffer(body), scan_bytes(body), header, display)


def _arrow_parse(source, scan: ByteScan, header: list[str], display: str) -> RawTable | None:
    """Parse ``source`` (a buffer or a file, positioned after any BOM) with pyarrow."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if scan.carriage_returns or scan.quotes % 2:
        # CR or CRLF endings: rare, and the careful path reports them with exact lines. An odd
        # number of quotes means a quote is never closed, which pyarrow would accept at the end
        # of the file.
        return None
    names = _unique_names(header)
    failed: list[int] = []

    def on_invalid_row(row) -> str:
        failed.append(1)
        return "skip"

    try:
        arrow = pacsv.read_csv(
            source,
            # 4 MB blocks: parsed in parallel, and few enough chunks per column that the
            # validator's per-chunk work stays negligible.
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 22),
            parse_options=pacsv.ParseOptions(
                newlines_in_values=False, invalid_row_handler=on_invalid_row
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.large_string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
            memory_pool=_table_pool(),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as err:
        log.debug("fast CSV path refused %s: %s", display, err)
        return None
    if failed or arrow.num_rows + 1 != scan.newlines:
        # A row was refused, a blank line was skipped or a quoted cell swallowed a line break:
        # line numbers would drift. (Each of these makes a record of other than one line.)
        return None
    # Read as large_string, the layout behind pandas' default ``str`` dtype: no copy.
    text_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    frame = arrow.to_pandas(types_mapper={pa.large_string(): text_dtype}.get)
    lines = np.arange(2, len(frame) + 2, dtype=np.int64)
    return RawTable(display, header, frame, lines, plain_text=scan.plain_text)


def _table_pool():
    """The Arrow memory pool the tables are read into: jemalloc where pyarrow has it.

    Reading a file allocates and frees many block-sized buffers. Arrow's default pool
    (mimalloc) hands freed pages back to the system within milliseconds, so the next block
    faults them in again: at a million incidents that cost 1.3-2.8 s of system time per load on
    the 2-core VM, against 0.7-1.2 s with jemalloc, and a 20-30% lower peak. The server and the
    CLI already make jemalloc the default pool (:func:`return_freed_memory`); this gives every
    caller of the loader the same reads. ``None`` (the default pool) where jemalloc is absent.
    """
    import pyarrow as pa

    try:
        return pa.jemalloc_memory_pool()
    except (NotImplementedError, pa.ArrowNotImplementedError):
        return None


@dataclass(frozen=True)
class ByteScan:
    """What one pass over a file's bytes found (see :func:`scan_bytes`)."""

    newlines: int
    quotes: int
    carriage_returns: int
    #: no control character other than LF, and no byte that could start DEL, a C1 control, a
    #: zero-width, separator or bidirectional character or a byte-order mark.
    plain_text: bool


#: Bytes per slice of :func:`scan_bytes`: small enough to stay in the CPU cache while the
#: slice is compared several times, large enough that the Python loop costs nothing.
_SCAN_SLICE = 1 << 20


def scan_bytes(body: bytes) -> ByteScan:
    """Count line breaks, quotes and CRs and decide whether the text is plain, in one pass.

    Several numpy comparisons per cache-sized slice: about 0.4 ms per megabyte, less than one
    ``bytes.count`` over the whole file (the fast path used to make four of those).
    """
    data = np.frombuffer(body, dtype=np.uint8)
    return _scan_slices(
        data[start : start + _SCAN_SLICE] for start in range(0, len(data), _SCAN_SLICE)
    )


def _scan_slices(parts) -> ByteScan:
    """:func:`scan_bytes` over consecutive slices of one file (numpy ``uint8`` arrays)."""
    newlines = quotes = returns = controls = 0
    suspect = False
    for part in parts:
        lines = int(np.count_nonzero(part == 0x0A))
        below = int(np.count_nonzero(part < 0x20))
        newlines += lines
        controls += below
        quotes += int(np.count_nonzero(part == 0x22))
        if below != lines:
            # CRs are controls too: counted only in the rare slice holding controls besides LF.
            returns += int(np.count_nonzero(part == 0x0D))
        # The largest byte, a reduction without a temporary array, rules out any byte >= 0x7F.
        if not suspect and part.max(initial=0) >= 0x7F:
            suspect = _high_suspects(part)
    # Every byte below 0x20 was a line feed, and no byte could start DEL, a C1 control, a
    # zero-width, separator or bidirectional character, or a byte-order mark.
    return ByteScan(newlines, quotes, returns, plain_text=controls == newlines and not suspect)


def _lead_bytes() -> tuple[int, ...]:
    """The first UTF-8 byte of every character :data:`tracker.safety.INVISIBLE_RANGES` names."""
    return tuple(
        sorted(
            {
                chr(code).encode("utf-8")[0]
                for a, b in safety.INVISIBLE_RANGES
                for code in range(a, b + 1)
            }
        )
    )


#: Bytes >= 0x7F that can start an invisible character (DEL, 0xC2 for C1 controls, 0xE2 for
#: zero-width, separator and bidirectional characters, 0xEF for the byte-order mark).
_HIGH_LEAD_BYTES = tuple(b for b in _lead_bytes() if b >= 0x7F)
if {b for b in _lead_bytes() if b < 0x7F} != set(range(0x20)):
    # The fast checks below test ASCII as "any byte below 0x20": keep them in step with the rule.
    raise ImportError("tracker.safety.INVISIBLE_RANGES changed its ASCII part; update csvio")


def may_hide_characters(data: np.ndarray) -> bool:
    """False when no byte of ``data`` (UTF-8) could start an invisible character.

    Conservative: True may be a false alarm (0xE2 also starts dashes and curly quotes), then
    the exact search decides.
    """
    return bool((data < 0x20).any()) or _high_suspects(data)


def _high_suspects(data: np.ndarray) -> bool:
    """Whether ``data`` holds a byte >= 0x7F that can start an invisible character."""
    return any(bool((data == byte).any()) for byte in _HIGH_LEAD_BYTES)


def _slow_parse(text: str, header: list[str], display: str) -> RawTable:
    """Parse with the csv module, recording the line of each record and every structural fault."""
    problems: list[Problem] = []
    width = len(header)
    names = _unique_names(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    if "\r" in text:
        line_no = text.count("\n", 0, text.find("\r")) + 1
        problems.append(
            Problem(
                display,
                line_no,
                0,
                "",
                "line-ending",
                "CR or CRLF line endings; the canonical form uses LF (run `gnss-tracker fmt`)",
                severity="format",
            )
        )
    csv.field_size_limit(1 << 30)  # our own length rule reports long cells, not a crash
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start_line = 1
    try:
        for record in reader:
            end_line = reader.line_num
            if start_line == 1:
                start_line = end_line + 1
                continue  # header
            line = start_line
            start_line = end_line + 1
            if not record or record == [""] and width != 1:
                problems.append(Problem(display, line, 0, "", "blank-row", "blank line"))
                continue
            broken = next((i for i, v in enumerate(record) if "\n" in v or "\r" in v), None)
            if broken is not None:
                field_name = header[broken] if broken < width else ""
                if end_line == line:
                    # The reader hit the end of the file inside a quoted cell.
                    code, msg = "bad-quoting", "a quote opened in this cell is never closed"
                else:
                    code = "multiline-cell"
                    msg = (
                        f"a quoted cell spans lines {line}-{end_line}; "
                        "each record must be on one line"
                    )
                problems.append(Problem(display, line, broken + 1, field_name, code, msg))
                continue
            if len(record) != width:
                kind = "extra-cell" if len(record) > width else "missing-cell"
                problems.append(
                    Problem(
                        display,
                        line,
                        min(len(record), width) + (1 if kind == "extra-cell" else 0),
                        "",
                        kind,
                        f"row has {len(record)} fields but the header has {width}",
                    )
                )
                continue
            rows.append(record)
            lines.append(line)
    except csv.Error as err:
        problems.append(
            Problem(
                display,
                start_line,
                0,
                "",
                "bad-quoting",
                f"cannot parse CSV from here: {err} (an unclosed or stray quote?)",
            )
        )
    if text and not text.endswith("\n"):
        problems.append(
            Problem(
                display,
                text.count("\n") + 1,
                0,
                "",
                "final-newline",
                "missing final newline (run `gnss-tracker fmt`)",
                severity="format",
            )
        )
    frame = pd.DataFrame(rows, columns=names, dtype="str") if names else pd.DataFrame()
    return RawTable(display, header, frame, np.asarray(lines, dtype=np.int64), problems)
