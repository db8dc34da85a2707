"""The CSV reader's two routes (streamed for large files, bytes for small ones) agree.

Large files are scanned in slices and parsed from the open file; everything else, and anything the
fast path refuses, goes through :func:`tracker.csvio.parse_raw_text`. These tests force streaming
for small broken files and check that every problem, line number and cell is the same as when the
bytes are parsed, so the line-exact slow path keeps serving broken files whatever their size.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from helpers import csv_text, sample_rows

from tracker import csvio, schema, validate
from tracker.schema import INC

INCIDENTS, SOURCES = sample_rows(3)
GOOD = csv_text(INCIDENTS, schema.INCIDENT_COLUMNS).encode("utf-8")
HEADER, FIRST, *REST = GOOD.split(b"\n")

BROKEN = {
    "clean": GOOD,
    "blank line": GOOD.replace(b"\n", b"\n\n", 2),
    "quoted newline": GOOD.replace(b"Synthetic", b'"Synth\netic', 1).replace(
        b"tests.", b'tests."', 1
    ),
    "unclosed quote at end": GOOD[:-1] + b'"\n',
    "stray quote": GOOD.replace(b"Synthetic", b'Syn"thetic', 1),
    "text after a closing quote": GOOD.replace(b"Synthetic", b'"Syn"thetic', 1),
    "space after a closing quote": GOOD.replace(b"Test Airport", b'"Test" Airport', 1),
    "text after an escaped quote": GOOD.replace(b"Synthetic", b'"Syn""the"tic', 1),
    "quoted cells, well formed": GOOD.replace(b"Test Airport", b'"Test, ""the"" Airport"', 1),
    "crlf": GOOD.replace(b"\n", b"\r\n"),
    "cr only": GOOD.replace(b"\n", b"\r"),
    "crlf after the header": HEADER + b"\n" + b"\r\n".join([FIRST, *REST]),
    "quote opened in the last row": GOOD[: GOOD.rindex(b"Synthetic")]
    + b'"'
    + GOOD[GOOD.rindex(b"Synthetic") :],
    "cr in a quoted cell": GOOD.replace(b"Synthetic", b'"Synth\retic"', 1),
    "blank line at the end": GOOD + b"\n",
    "row of empty cells": GOOD + b"," * (len(schema.INCIDENT_COLUMNS) - 1) + b"\n",
    "quoted header name running on": GOOD.replace(b"id,", b'"id,', 1),
    "tab in a cell": GOOD.replace(b"Synthetic", b"Synth\tetic", 1),
    "missing final newline": GOOD[:-1],
    "byte-order mark": b"\xef\xbb\xbf" + GOOD,
    "nul byte": GOOD.replace(b"Synthetic", b"Syn\x00thetic", 1),
    "bidi override": GOOD.replace(b"Test Airport", "Test \u202eAirport".encode(), 1),
    "curly quote (harmless non-ASCII)": GOOD.replace(b"Test Airport", "Test’s".encode(), 1),
    "extra cell": GOOD.replace(b"tests.", b"tests.,extra", 1),
    "missing cell": b"\n".join([HEADER, FIRST.rsplit(b",", 1)[0], *REST]),
    "windows-1252": GOOD.replace(b"Test Airport", b"Test \xe9 Airport", 1),
    "header only": HEADER + b"\n",
    "blank header": b"\n" + GOOD,
    "whitespace only": b"  \n \n",
}


def _same(left: csvio.RawTable, right: csvio.RawTable) -> None:
    assert left.problems == right.problems
    assert left.header == right.header
    assert left.lines.tolist() == right.lines.tolist()
    assert left.frame.to_dict("list") == right.frame.to_dict("list")


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_streamed_and_bytes_read_the_same(case: str, tmp_path: Path, monkeypatch):
    path = tmp_path / schema.INCIDENTS_FILE
    path.write_bytes(BROKEN[case])
    from_bytes = csvio.parse_raw_text(path.read_bytes(), display="incidents.csv")
    monkeypatch.setattr(csvio, "STREAM_MIN_BYTES", 0)
    streamed = csvio.read_raw_table(path, display="incidents.csv")
    _same(streamed, from_bytes)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_fast_path_reads_what_the_careful_path_reads(case: str, tmp_path: Path, monkeypatch):
    """Whatever the fast path accepts, it reads line for line as the csv module does."""
    path = tmp_path / schema.INCIDENTS_FILE
    path.write_bytes(BROKEN[case])
    monkeypatch.setattr(csvio, "STREAM_MIN_BYTES", 0)
    streamed = csvio.read_raw_table(path, display="incidents.csv")
    monkeypatch.setattr(csvio, "_fast_parse", lambda *args: None)
    careful = csvio.parse_raw_text(path.read_bytes(), display="incidents.csv")
    _same(streamed, careful)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_validation_is_the_same_when_streamed(case: str, tmp_path: Path, monkeypatch):
    (tmp_path / schema.INCIDENTS_FILE).write_bytes(BROKEN[case])
    (tmp_path / schema.SOURCES_FILE).write_text(csv_text(SOURCES, schema.SOURCE_COLUMNS))
    monkeypatch.setattr(csvio, "STREAM_MIN_BYTES", 1 << 40)
    expected = validate.validate_dir(tmp_path)
    monkeypatch.setattr(csvio, "STREAM_MIN_BYTES", 0)
    assert validate.validate_dir(tmp_path) == expected


def test_an_invisible_character_in_a_later_chunk_is_found(tmp_path: Path):
    """The text rules look at every chunk the reader read, not only the first."""
    path = tmp_path / schema.INCIDENTS_FILE
    rows = 500_000  # 6.5 MB: read by pandas in parallel pieces (pyarrow: several 1 MB blocks)
    path.write_bytes(
        b"location,summary\n" + b"Riga,Jamming\n" * rows + "Riga,Jam\u202eming\n".encode()
    )
    table = csvio.read_raw_table(path)
    assert not table.problems and len(table.frame) == rows + 1
    assert table.frame[INC.summary].array._pa_array.num_chunks > 1
    fields = tuple(f for f in schema.INCIDENT_FIELDS if f.name in (INC.location, INC.summary))
    found = validate.check_cells(table, fields, today=pd.Timestamp("2026-01-01"))
    assert [(p.line, p.field, p.code) for p in found] == [
        (rows + 2, INC.summary, "control-character")
    ]


def _large(change: dict[int, bytes]) -> bytes:
    """About 4 MB of rows (several of pyarrow's blocks), with some rows replaced."""
    rows = [f"{i},Riga,Row {i} {'x' * 60}\n".encode() for i in range(40_000)]
    for index, row in change.items():
        rows[index] = row
    return b"id,location,summary\n" + b"".join(rows)


LARGE = {
    "quoted line breaks across blocks": _large(
        {i: f'{i},Riga,"multi\nline"\n'.encode() for i in range(500, 40_000, 997)}
    ),
    "invalid UTF-8 in a late block": _large(
        {30_000: "30000,Riga,caf\u00e9\n".encode(), 39_000: b"39000,Riga,\xe9\n"}
    ),
    "CRLF in a late block": _large({38_000: b"38000,Riga,text\r\n"}),
    "blank line in a late block": _large({37_000: b"\n"}),
}


@pytest.mark.parametrize("case", sorted(LARGE))
def test_large_files_read_as_the_careful_path_reads(case: str, tmp_path: Path, monkeypatch):
    path = tmp_path / "large.csv"
    path.write_bytes(LARGE[case])
    streamed = csvio.read_raw_table(path, display="large.csv")
    monkeypatch.setattr(csvio, "_fast_parse", lambda *args: None)
    careful = csvio.parse_raw_text(path.read_bytes(), display="large.csv")
    _same(streamed, careful)
    assert careful.problems


def _large_plain(change: dict[int, bytes], rows: int = 90_000) -> bytes:
    """About 6 MB of rows without quotes (pandas reads files over 5 MB in parallel pieces),
    with some rows replaced."""
    lines = [f"r{i},Riga,Row {i} {'x' * 50}\n".encode() for i in range(rows)]
    for index, row in change.items():
        lines[index] = row
    return b"id,location,summary\n" + b"".join(lines)


def _mixed_column(rows: int = 300_000) -> bytes:
    """A column of numbers that turns to text late in a 5 MB file read in one piece: pandas
    infers the column block by block, gets numbers then text, and warns about mixed types."""
    return b"id,flight,summary\n" + b"".join(
        f"r{i},{i if i < rows * 9 // 10 else f'LO{i}'},x\n".encode() for i in range(rows)
    )


#: Files pandas' C parser reads without complaint, differently from the csv module (it pads a
#: short row with empty cells, reads a blank line as a row, converts a column of numbers).
PLAIN = {
    "clean": _large_plain({}),
    "short row in a late piece": _large_plain({80_000: b"80000,Riga\n"}),
    "short row in the first piece": _large_plain({5: b"5,Riga\n"}),
    "two short rows": _large_plain({70_000: b"70000\n", 80_000: b"80000,Riga\n"}),
    "long row": _large_plain({80_000: b"80000,Riga,text,more\n"}),
    "short and long row": _large_plain({60_000: b"1,2\n", 80_000: b"80000,Riga,text,more\n"}),
    "blank line": _large_plain({80_000: b"\n"}),
    "blank line at the end": _large_plain({}) + b"\n",
    "row of spaces": _large_plain({80_000: b"   \n"}),
    "row of empty cells": _large_plain({80_000: b",,\n"}),
    "trailing comma on every row": _large_plain({}).replace(b"\n", b",\n"),
    "invalid UTF-8 late": _large_plain({85_000: b"85000,Riga,caf\xe9\n"}),
    "valid UTF-8": _large_plain({85_000: "85000,Rīga,café\n".encode()}),
    "nul byte": _large_plain({85_000: b"85000,Riga,a\x00b\n"}),
    "NA and nan cells": _large_plain({85_000: b"NA,nan,NaN\n"}),
    "every id a number with leading zeros": b"id,location,summary\n"
    + b"".join(f"{i:07d},Riga,Row {i} {'x' * 50}\n".encode() for i in range(90_000)),
    "a column of booleans": b"id,location,summary\n"
    + b"".join(f"r{i},True,Row {i} {'x' * 50}\n".encode() for i in range(90_000)),
    "a column of numbers": b"id,location,summary\n"
    + b"".join(f"r{i},1.50,Row {i} {'x' * 50}\n".encode() for i in range(90_000)),
    "a column of lower-case booleans": b"id,location,summary\n"
    + b"".join(f"r{i},true,Row {i} {'x' * 50}\n".encode() for i in range(90_000)),
    "numbers, then text, in one column": _mixed_column(),
    "CR in a late piece": _large_plain({85_000: b"85000,Riga,text\r\n"}),
    "quote in a late piece": _large_plain({85_000: b'85000,Riga,"a, b"\n'}),
    "one column, blank line": b"id\n"
    + b"".join(f"r{i}\n".encode() for i in range(900_000))
    + b"\n"
    + b"r\n",
}


@pytest.mark.parametrize("case", sorted(PLAIN))
def test_files_without_quotes_read_as_the_careful_path_reads(
    case: str, tmp_path: Path, monkeypatch
):
    """pandas' reader keeps a file only when it provably read it as the csv module does."""
    path = tmp_path / "large.csv"
    path.write_bytes(PLAIN[case])
    streamed = csvio.read_raw_table(path, display="large.csv")
    monkeypatch.setattr(csvio, "_fast_parse", lambda *args: None)
    careful = csvio.parse_raw_text(path.read_bytes(), display="large.csv")
    _same(streamed, careful)


def test_a_column_of_mixed_types_reads_without_a_warning(tmp_path: Path):
    """pandas' mixed-type warning would reach the terminal of `gnss-tracker validate`: the
    file is fine (pyarrow reads it), so the warning says nothing the user can act on."""
    path = tmp_path / "large.csv"
    path.write_bytes(PLAIN["numbers, then text, in one column"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.filterwarnings("always", append=True)  # after the reader's own filter
        table = csvio.read_raw_table(path)
    assert [str(warning.message) for warning in caught] == []
    assert not table.problems
    assert table.frame["flight"].iloc[[0, -1]].tolist() == ["0", "LO299999"]


def test_number_columns_are_read_as_text(tmp_path: Path):
    """A column named as holding numbers keeps its cells' text ("1.50", not 1.5)."""
    path = tmp_path / "large.csv"
    path.write_bytes(PLAIN["a column of numbers"])
    table = csvio.read_raw_table(path, number_columns=frozenset({"location"}))
    assert not table.problems
    assert table.frame["location"].dtype == "str"
    assert set(table.frame["location"].unique()) == {"1.50"}


def test_a_clean_file_without_quotes_is_read_by_pandas(tmp_path: Path, monkeypatch):
    """The cases above compare results; this one checks they exercised pandas' reader."""
    path = tmp_path / "large.csv"
    path.write_bytes(PLAIN["clean"])
    monkeypatch.setattr(csvio, "_arrow_read", None)  # any other route would fail
    monkeypatch.setattr(csvio, "parse_raw_text", None)
    table = csvio.read_raw_table(path)
    assert not table.problems and len(table.frame) == 90_000
    assert table.lines[[0, -1]].tolist() == [2, 90_001]


def test_low_memory_reads_never_map_the_whole_file(tmp_path: Path, monkeypatch):
    """The dashboard's and the validate command's reads stay in blocks (their memory goal)."""
    path = tmp_path / "large.csv"
    path.write_bytes(PLAIN["clean"])
    monkeypatch.setattr(csvio, "_pandas_read", None)
    monkeypatch.setattr(csvio, "_quote_or_cr", None)
    table = csvio.read_raw_table(path, low_memory=True)
    assert not table.problems and len(table.frame) == 90_000


def test_quoting_check_sends_every_disagreement_to_the_careful_path(monkeypatch):
    """On small random files of quoted, unquoted and broken cells, the fast path either refuses
    or reads exactly what the csv module reads (text after a closing quote, which pyarrow keeps
    and the csv module refuses, included)."""
    import random

    rng = random.Random(16)
    accepted = 0
    for _ in range(1500):
        good = ["a", "", '"a"', '""', '"a""b"', '"a,b"', '""""']
        odd = ['"a"b', '"a" ', 'a"b', '"', '"a""', '"""', '"a"""b', 'a""']
        rows = [
            ",".join(rng.choice(odd if rng.random() < 0.1 else good) for _ in range(3))
            for _ in range(3)
        ]
        body = ("h1,h2,h3\n" + "\n".join(rows) + "\n").encode()
        fast = csvio._fast_parse(body, ["h1", "h2", "h3"], "f.csv")
        if fast is None:
            continue
        accepted += 1
        with monkeypatch.context() as patch:
            patch.setattr(csvio, "_fast_parse", lambda *args: None)
            careful = csvio.parse_raw_text(body, display="f.csv")
        _same(fast, careful)
    assert accepted > 50  # well-formed quoting still takes the fast path


def test_well_formed_quotes_take_the_fast_path():
    body = GOOD.replace(b"Test Airport", b'"Test, ""the"" Airport"', 1)
    assert csvio._fast_parse(body, list(schema.INCIDENT_COLUMNS), "f.csv") is not None


@pytest.mark.parametrize("byte", [b'"', b"\r"])
def test_quote_or_cr_found_in_any_block(byte: bytes, tmp_path: Path):
    """The block-by-block search finds a quote or a CR wherever it is, block edges included,
    and nothing in a file without either."""
    path = tmp_path / "plain.csv"
    plain = b"id,summary\n" + b"r1,abc\n" * 9
    path.write_bytes(plain)
    with open(path, "rb") as handle:
        assert csvio._quote_or_cr(handle, block=16) is None
    for at in range(len(plain)):
        path.write_bytes(plain[:at] + byte + plain[at + 1 :])
        with open(path, "rb") as handle:
            assert csvio._quote_or_cr(handle, block=16) == byte, at
