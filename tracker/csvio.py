"""Reading the dataset's CSV files into raw string tables, with exact line numbers.

Two paths, one result:

* the fast path hands a large file without quotes to pandas' C parser (the reader a bare
  ``read_csv`` uses; its result is kept only when provably the ``csv`` module's), and other
  files to pyarrow's CSV reader (multi-threaded, strict: one record per line), which is what
  makes validating a million rows cheap;
* anything either refuses (ragged rows, stray quotes, blank lines, multi-line cells) is re-read
  with the standard ``csv`` module, which is slower but tells us the line of every problem.

Both give a :class:`RawTable`: every cell as ``str`` (never NaN: ``NA`` is Namibia), the header,
and the file line of each row, so validators can report ``FILE:LINE:COLUMN``.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import logging
import os
import re
import stat
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tracker import safety
from tracker.problems import Problem

__all__ = [
    "RawTable",
    "read_raw_table",
    "prepare_raw_table",
    "parse_raw_text",
    "may_hide_characters",
    "return_freed_memory",
]

# A column that reads as numbers in one block and as text in another makes pandas warn on
# stderr; that column is then not text and pyarrow reads the file anyway (see _pandas_read), so
# the warning tells the user nothing. Filtered once here, for warnings raised from this module:
# warnings.catch_warnings() around the read is not thread-safe, and both files are read at once.
warnings.filterwarnings("ignore", category=pd.errors.DtypeWarning, module=r"tracker\.csvio")

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


def read_raw_table(
    path: Path,
    *,
    display: str | None = None,
    number_columns: frozenset[str] = frozenset(),
    low_memory: bool = False,
    trim: bool = True,
) -> RawTable:
    """Read one CSV file of the dataset into a :class:`RawTable`.

    Never raises for bad content: every problem becomes a :class:`Problem`.

    :param path: the file.
    :param display: how to name the file in messages (defaults to ``str(path)``).
    :param number_columns: columns whose cells may all look like numbers. Only a speed hint
        for large files (see :func:`_pandas_read`): every cell is read as text either way.
    :param low_memory: never map the whole file into the process. pandas' reader maps it, and
        its pages count as the process's memory while it is read (at a million incidents about
        300 MB more at the peak); pyarrow then reads the file in 1 MB blocks, at more CPU.
    :param trim: False when the caller hands the C heap's free memory back itself
        (:func:`trim_heap`) after a read by pandas, which otherwise does it on the way out.
    :raises OSError: only if the file exists but cannot be read (permissions, I/O error).
    """
    options = {
        "display": display,
        "number_columns": number_columns,
        "low_memory": low_memory,
        "trim": trim,
    }
    with prepare_raw_table(path, **options) as read:
        return read()


@contextlib.contextmanager
def prepare_raw_table(
    path: Path,
    *,
    display: str | None = None,
    number_columns: frozenset[str] = frozenset(),
    low_memory: bool = False,
    trim: bool = True,
) -> Iterator[Callable[[], RawTable]]:
    """:func:`read_raw_table` in two steps: entering looks at the file (its kind, size and
    header, and whether a large one holds a quote or a CR anywhere); the function it gives
    reads the table. The file stays open in between, so both steps see the same file.

    The loader looks at one file this way while pandas reads the other: the search for quotes
    and CRs holds the GIL, pandas' parsing does not.
    """
    name = display or str(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        table = _empty(name, Problem(name, 0, 0, "", "missing-file", "file not found"))
        yield lambda: table
        return
    if not stat.S_ISREG(info.st_mode):
        # A symlink (or FIFO, device...) in a pull request could make validation read another
        # file into the CI log, hang, or exhaust memory: the dataset is regular files only.
        kind = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        problem = Problem(
            name, 0, 0, "", "not-a-regular-file", f"{kind}; the data files must be plain files"
        )
        table = _empty(name, problem)
        yield lambda: table
        return
    size = info.st_size
    if size > MAX_FILE_BYTES:
        msg = f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
        table = _empty(name, Problem(name, 0, 0, "", "file-too-large", msg))
        yield lambda: table
        return

    def careful() -> RawTable:
        return parse_raw_text(path.read_bytes(), display=name)

    if size < STREAM_MIN_BYTES:
        yield careful
        return
    with open(path, "rb") as handle:
        streamed = _streamed(handle, name, number_columns, low_memory, trim)

        def read() -> RawTable:
            table = streamed() if streamed is not None else None
            return table if table is not None else careful()

        yield read


#: Files at least this large are streamed: parsed by pyarrow block by block from the open file,
#: so the whole file is never in the process at once (at a million incidents that keeps 500 MB
#: out of the peak memory).
STREAM_MIN_BYTES = 1 << 20


class _ByteWatch(io.RawIOBase):
    """An open file, read-only, that notes what kinds of bytes were read through it.

    * a CR: pyarrow ends a line at CR or CRLF as well as at LF, leaving no trace in the cells;
      the canonical form uses LF only, and the careful path reports any other ending;
    * a quote: only a quoted cell can hold a line break, so without quotes no cell needs
      looking at for one (see :func:`_raw_table`);
    * a byte >= 0x80: only then can a cell be invalid UTF-8.

    Two ``memchr`` and one maximum over what pyarrow reads anyway, instead of a pass of our own.
    """

    def __init__(self, handle) -> None:
        super().__init__()
        self._handle = handle
        self.carriage_return = self.quote = self.non_ascii = False

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.carriage_return = self.carriage_return or b"\r" in data
        self.quote = self.quote or b'"' in data
        self.non_ascii = self.non_ascii or _non_ascii(data)
        return data


def _non_ascii(data: bytes) -> bool:
    return bool(len(data)) and np.frombuffer(data, dtype=np.uint8).max() >= 0x80


def _streamed(
    handle, display: str, number_columns: frozenset[str], low_memory: bool, trim: bool = True
) -> Callable[[], RawTable | None] | None:
    """The fast path on the open file without holding its bytes: the checks now, the parse
    when the function returned is called (it returns ``None`` when the file needs the full
    path); ``None`` at once when the checks already show that it does.

    A file without quotes or CRs (the canonical form quotes only cells holding a comma, a quote
    or a line break) is read by pandas' C parser (:func:`_pandas_read`); one with quotes by
    pyarrow, from the open file. Anything unusual (a byte-order mark, an odd header, a CR, a file
    either refuses) is left to :func:`parse_raw_text`, which reads the file again and reports
    every problem. The checks and the parse read the same open file, so a file replaced in
    between cannot mix two versions.
    """
    import pyarrow as pa

    head = handle.read(1 << 16)
    end = head.find(b"\n")
    header_bytes = head[: max(end, 0)]
    if end <= 0 or header_bytes.startswith(codecs.BOM_UTF8) or not _plain_header(header_bytes):
        return None
    try:
        header_text = header_bytes.decode("utf-8")
    except UnicodeDecodeError:
        return None
    header = next(csv.reader([header_text]), [])
    handle.seek(-1, io.SEEK_END)
    if not header or not header_text.strip() or handle.read(1) != b"\n":
        return None
    plain = not low_memory and _SAME_FILE.exists() and _quote_or_cr(handle) is None

    def read() -> RawTable | None:
        if plain:
            table = _pandas_read(handle, end + 1, header, display, number_columns, trim=trim)
            if table is not _NOT_TEXT:
                return table
        handle.seek(0)
        watch = _ByteWatch(handle)
        arrow = _arrow_read(pa.PythonFile(watch, mode="r"), header, display)
        if arrow is None or watch.carriage_return:
            return None
        if watch.quote and not _quoting_as_csv_reads_it(handle):
            return None  # text after a closing quote: the careful path reports it
        return _raw_table(arrow, header, display, quotes=watch.quote, non_ascii=watch.non_ascii)

    return read


def _quote_or_cr(handle, block: int = 1 << 20) -> bytes | None:
    """A quote or CR byte of the open file (the first block's first one), or ``None``: a
    ``memchr`` for each over a read-only map of the page cache (no copy of the file into the
    process).

    Both searches run block by block, so the second reads a block the first has just brought
    into the CPU's cache: the file crosses the memory bus once, not twice (at a million
    incidents 55 ms instead of 67 for both files).
    """
    import mmap

    with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
        for start in range(0, len(view), block):
            for byte in (b'"', b"\r"):
                if view.find(byte, start, start + block) != -1:
                    return byte
    return None


#: Where an open file can be named by its descriptor: pandas' parallel C reader takes a path,
#: and this one reopens the very file whose bytes were checked, even if the name was replaced.
_SAME_FILE = Path("/proc/self/fd")

#: :func:`_pandas_read`'s answer when a column came out as something else than text: the file
#: is fine, pyarrow reads it.
_NOT_TEXT = object()


def _pandas_read(
    handle,
    head: int,
    header: list[str],
    display: str,
    number_columns: frozenset[str],
    *,
    trim: bool = True,
):
    """The fast path for a file without quotes or CRs: pandas' C parser, which reads text
    columns straight into Arrow strings, in parallel, at the speed of a bare ``read_csv``.

    It is lenient where the careful path is not, so its result is kept only when it provably
    reads the file as the csv module does: without quotes, a cell is exactly the bytes between
    two separators, so every row has exactly ``len(header)`` cells if and only if the file's size
    is the header line plus every cell's bytes plus one comma or LF per cell. A short row (which
    pandas pads with empty cells) or a blank line breaks that sum; a long row, a byte that is not
    UTF-8 or a missing final LF makes pandas refuse. Then ``None``: the careful path reports it.

    :param head: the length of the header line, with its LF.
    :param number_columns: read as text explicitly; every other column must come out as text
        by itself (a column of numbers or booleans would be converted: then :data:`_NOT_TEXT`,
        and pyarrow reads the file).
    """
    import pyarrow as pa

    names = _unique_names(header)
    as_text = pd.ArrowDtype(pa.large_string())
    size = os.fstat(handle.fileno()).st_size
    try:
        frame = pd.read_csv(
            _SAME_FILE / str(handle.fileno()),
            header=None,
            names=names,
            skiprows=1,
            index_col=False,
            dtype={name: as_text for name in names if name in number_columns},
            na_filter=False,  # "NA" is Namibia, an empty cell is ""
            skip_blank_lines=False,
            encoding="utf-8",
            encoding_errors="strict",
            compression=None,
            engine="c",
        )
    except (ValueError, UnicodeDecodeError, OverflowError, pd.errors.ParserError) as err:
        log.debug("pandas refused %s: %s", display, err)
        return None
    finally:
        if trim:
            _trim_heap()
    text_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    total = head + len(frame) * len(names)
    columns = {}
    for name in names:
        column = frame[name]
        if column.dtype != text_dtype and column.dtype != as_text:
            return _NOT_TEXT
        column = column.astype(text_dtype)  # the same Arrow strings, no copy
        cells = pa.array(column.array)
        if cells.null_count:
            return None
        chunks = cells.chunks if isinstance(cells, pa.ChunkedArray) else [cells]
        total += sum(_byte_count(chunk) for chunk in chunks)
        columns[name] = cells
    if total != size:
        return None  # a short row or a blank line: the careful path names it
    cells = pa.table(columns)
    if _has_empty_row(cells):
        return None  # a row of empty cells: the careful path tells it from a blank line
    frame = cells.to_pandas(types_mapper={pa.large_string(): text_dtype}.get)
    lines = np.arange(2, len(frame) + 2, dtype=np.int64)
    return RawTable(display, header, frame, lines)


def trim_heap() -> None:
    """Hand the C heap's free memory back to the system, as a read by pandas does on its way
    out unless asked not to (``read_raw_table(..., trim=False)``)."""
    _trim_heap()


def _trim_heap() -> None:
    """Hand the C heap's free memory back to the system (glibc's ``malloc_trim``; elsewhere a
    no-op).

    pandas' reading threads free their parse buffers into per-thread heaps that glibc keeps
    for reuse, and each read starts new threads: without this, every load of a million
    incidents in one process left about 150-200 MB more behind (a benchmark process of three
    loads peaked at 1.8-1.9 GB instead of 1.5 GB).
    """
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return
    trim(0)


def _plain_header(header_bytes: bytes) -> bool:
    """False for a header line pyarrow could read differently from :mod:`csv`: one holding a CR,
    or an odd number of quotes (a quoted name running on into the next line)."""
    return b"\r" not in header_bytes and header_bytes.count(b'"') % 2 == 0


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
    # CR or CRLF endings (see _ByteWatch): rare, and the careful path reports them.
    if b"\r" in body or not _plain_header(body[: max(body.find(b"\n"), 0)]):
        return None
    if b'"' in body and not _quotes_well_formed(np.frombuffer(body, dtype=np.uint8)):
        return None  # text after a closing quote: the careful path reports it
    arrow = _arrow_read(pa.py_buffer(body), header, display)
    if arrow is None:
        return None
    return _raw_table(arrow, header, display, quotes=b'"' in body, non_ascii=_non_ascii(body))


def _quoting_as_csv_reads_it(handle) -> bool:
    """:func:`_quotes_well_formed` for an open file, over a read-only map of it."""
    import mmap

    with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
        data = np.frombuffer(view, dtype=np.uint8)
        try:
            return _quotes_well_formed(data)
        finally:
            del data  # the map closes only when no array points into it


_QUOTE, _COMMA, _LF = ord('"'), ord(","), ord("\n")


def _quotes_well_formed(data: np.ndarray, block: int = 1 << 23) -> bool:
    """Whether every quote of a CSV text (no CR) is where the csv module reads it as pyarrow
    does: False when it may not be, and the careful path must read the file.

    pyarrow reads a cell like ``"x"y`` as ``xy``; the csv module (strict) refuses any character
    but a quote, a comma or a line break after a closing quote. Counting the quotes in order,
    every even one must open a cell (after a comma, a line break or at the start) or be the
    second of a doubled quote, and every odd one must close a cell (before a comma or a line
    break) or be the first of a doubled quote: then both readers pair the quotes alike. A
    quote inside an unquoted cell (``ab"c``), which both read as a quote, also fails this:
    the careful path reads it, at the same result. Quotes are found block by block.
    """
    size = len(data)
    count = 0
    last = -2
    for start in range(0, size, block):
        at = np.flatnonzero(data[start : start + block] == _QUOTE) + start
        if not len(at):
            continue
        before = data[np.maximum(at - 1, 0)]
        before[at == 0] = _LF  # the start of the file starts a cell
        after = data[np.minimum(at + 1, size - 1)]
        after[at == size - 1] = _LF
        doubled = np.empty(len(at), dtype=bool)  # right after the previous quote
        doubled[0] = at[0] == last + 1
        doubled[1:] = at[1:] == at[:-1] + 1
        opening = (np.arange(count, count + len(at)) % 2) == 0
        opens = (before == _COMMA) | (before == _LF) | doubled
        closes = (after == _COMMA) | (after == _LF) | (after == _QUOTE)
        if not np.where(opening, opens, closes).all():
            return False
        count += len(at)
        last = int(at[-1])
    return count % 2 == 0


def _arrow_read(source, header: list[str], display: str):
    """Parse ``source`` (a buffer or a file, after any BOM) with pyarrow: every cell as text.

    ``None`` when pyarrow refuses the file or a row is ragged.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    names = _unique_names(header)
    if not names:
        return None  # pyarrow would take the first row for the header
    failed: list[int] = []

    def on_invalid_row(row) -> str:
        failed.append(1)
        return "skip"

    try:
        arrow = pacsv.read_csv(
            source,
            # 1 MB blocks: a block and its parsed cells stay in the CPU cache until they are
            # copied into the columns (at a million incidents 0.3 s less CPU than 4 MB blocks,
            # and a lower peak); still few enough chunks that per-chunk work costs little.
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 20),
            parse_options=pacsv.ParseOptions(
                newlines_in_values=False,
                ignore_empty_lines=False,
                invalid_row_handler=on_invalid_row,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.large_string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                # Checked by _raw_table, only where the file has a byte >= 0x80: ASCII is
                # valid UTF-8, and pyarrow's check of every byte was a fifth of the reading.
                check_utf8=False,
            ),
            memory_pool=_table_pool(),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as err:
        log.debug("fast CSV path refused %s: %s", display, err)
        return None
    return None if failed else arrow


def _raw_table(arrow, header: list[str], display: str, *, quotes: bool, non_ascii: bool):
    """The :class:`RawTable` of a file pyarrow read (holding no CR), or ``None`` unless every
    record is exactly one line of the file and every cell valid UTF-8.

    Then the rows' line numbers follow from their order. pyarrow parses quoted line breaks even
    with ``newlines_in_values=False``, and an unclosed quote runs on to the end of the file
    (which ends with a line break), so a record of several lines always leaves an LF in a cell,
    which only a file with quotes can have; a blank line becomes a row of empty cells
    (``ignore_empty_lines=False``).

    :param quotes: whether the file has a quote character.
    :param non_ascii: whether the file has a byte >= 0x80.
    """
    import pyarrow as pa

    if quotes or non_ascii:
        for column in arrow.columns:
            for chunk in column.chunks:
                data = _cell_bytes(chunk)
                if not len(data):
                    continue
                if quotes and data.min() < 0x20:
                    if bool((data == 0x0A).any()) or bool((data == 0x0D).any()):
                        return None  # a record of several lines: line numbers would drift
                if non_ascii and data.max() >= 0x80 and not _valid_utf8(chunk):
                    return None  # the careful path names the first bad byte
    if _has_empty_row(arrow):
        return None  # a blank line, or a row of empty cells (the careful path tells them apart)
    # Read as large_string, the layout behind pandas' default ``str`` dtype: no copy.
    text_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    frame = arrow.to_pandas(types_mapper={pa.large_string(): text_dtype}.get)
    lines = np.arange(2, len(frame) + 2, dtype=np.int64)
    return RawTable(display, header, frame, lines)


def _valid_utf8(chunk) -> bool:
    """Whether every cell of a string chunk read without pyarrow's UTF-8 check is valid UTF-8."""
    import pyarrow as pa

    try:
        chunk.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _cell_bytes(chunk) -> np.ndarray:
    """The bytes of a ``large_string`` chunk's cells, without a copy."""
    _, offsets_buffer, data_buffer = chunk.buffers()
    if data_buffer is None:
        return np.zeros(0, dtype=np.uint8)
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)
    start, stop = offsets[chunk.offset], offsets[chunk.offset + len(chunk)]
    return np.frombuffer(data_buffer, dtype=np.uint8)[start:stop]


def _byte_count(chunk) -> int:
    """The bytes of a ``large_string`` chunk's cells, from its first and last offsets."""
    offsets = _offsets(chunk)
    return int(offsets[-1] - offsets[0])


def _has_empty_row(arrow) -> bool:
    """Whether some row of ``arrow`` (a table of strings) has every cell empty.

    Rows are ruled out column by column: in a file whose first column is never empty (the ids)
    one comparison of the lengths settles it.
    """
    candidates = None
    for column in arrow.columns:
        # Emptiness from the offsets, chunk by chunk (no column of lengths).
        empty = np.concatenate(
            [np.diff(_offsets(chunk)) == 0 for chunk in column.chunks] or [np.zeros(0, bool)]
        )
        candidates = empty if candidates is None else candidates & empty
        if not candidates.any():
            return False
    return candidates is not None


def _offsets(chunk) -> np.ndarray:
    """The offsets of a ``large_string`` chunk's cells (one more than its length), no copy."""
    return np.frombuffer(chunk.buffers()[1], dtype=np.int64)[
        chunk.offset : chunk.offset + len(chunk) + 1
    ]


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


def may_hide_characters(data: np.ndarray, *, minimum: int | None = None) -> bool:
    """False when no byte of ``data`` (UTF-8) could start an invisible character.

    Conservative: True may be a false alarm (0xE2 also starts dashes and curly quotes), then
    the exact search decides. A minimum and a maximum settle plain ASCII text.

    :param minimum: ``data.min()``, when the caller has it already.
    """
    if not len(data):
        return False
    low = data.min() if minimum is None else minimum
    return bool(low < 0x20) or (data.max() >= 0x7F and _high_suspects(data))


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
