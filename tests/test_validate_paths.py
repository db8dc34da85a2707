"""The validator's routes give the same problems: tables read then checked, each file checked as
soon as it is read (``read_and_validate``, which ``load`` and ``validate_dir`` use), and the
low-memory route of ``gnss-tracker validate`` that drops each file's cells after its own rules.

Also: the rules across tables settle the same answers whether or not the duplicate rules have
already ordered the id columns, and the loaded frame's number and date columns can be assigned to.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from helpers import sample_rows, write_dataset

from tracker import dataset, safety, schema, validate
from tracker.csvio import RawTable
from tracker.schema import INC, SRC

TODAY = pd.Timestamp("2026-01-01")


def _cases() -> dict[str, tuple[list[dict], list[dict]]]:
    """Datasets breaking rules that read more than one row or more than one table."""
    cases = {}
    incidents, sources = sample_rows(4)
    cases["clean"] = (incidents, sources)

    i, s = sample_rows(4)
    i[2] = {**i[2], INC.id: i[1][INC.id]}  # duplicate id, in order
    cases["duplicate id"] = (i, s)

    i, s = sample_rows(4)
    s.append({**s[1], SRC.note: "again"})  # duplicate claim (same incident and URL)
    s.sort(key=lambda row: row[SRC.incident_id])
    cases["duplicate source"] = (i, s)

    i, s = sample_rows(4)
    s[3] = {**s[3], SRC.incident_id: "2024-12-31-nowhere"}  # unknown incident, no source
    cases["orphan and unsourced"] = (i, s)

    i, s = sample_rows(4)
    other = {**s[1], SRC.url: "https://example.org/other"}
    s[2:2] = [other, {**s[1], SRC.note: "again"}]  # the same claim two rows apart
    cases["duplicate source two rows apart"] = (i, s)

    i, s = sample_rows(4)
    s = list(reversed(s))  # not in canonical order: the exact hash route
    s[0] = {**s[0], SRC.incident_id: "2024-12-31-nowhere"}
    cases["unsorted orphan"] = (i, s)

    i, s = sample_rows(4)
    s[1] = {**s[1], SRC.stance: "disputes"}  # undeclared dispute (a warning)
    cases["undeclared dispute"] = (i, s)

    i, s = sample_rows(4)
    i[0] = {**i[0], INC.country: "pl"}  # pattern
    i[1] = {**i[1], INC.country: "QQ"}  # shaped but unknown
    i[2] = {**i[2], INC.id: "Bad Id"}
    s[2] = {**s[2], SRC.incident_id: "Bad Id", SRC.url: "https://" + "a" * 2000}
    cases["patterns and long url"] = (i, s)

    i, s = sample_rows(4)
    i[1] = {**i[1], INC.radius_km: "1e3", INC.latitude: "0", INC.longitude: "0"}
    cases["numbers"] = (i, s)

    i, s = sample_rows(4)
    bad_id = i[3][INC.id].replace("place", "Place")  # still in order, cited in order
    i[3] = {**i[3], INC.id: bad_id}
    s[3] = {**s[3], SRC.incident_id: bad_id}
    cases["malformed id cited in order"] = (i, s)
    i, s = sample_rows(5)
    # Problems in many incident columns at once (their cell rules are shared by two workers),
    # in row rules and across the files, some on the same line.
    i[1] = {**i[1], INC.radius_km: "1e3", INC.country: "QQ", INC.summary: " padded"}
    i[2] = {**i[2], INC.date_precision: "Month", INC.confidence: "sure", INC.latitude: "0"}
    i[2] = {**i[2], INC.longitude: "0", INC.region: "Mars", INC.operator: "=cmd"}
    i[3] = {**i[3], INC.id: i[2][INC.id], INC.date: "2024-13-01"}
    s[4] = {**s[4], SRC.stance: "disputes", SRC.url: "javascript:alert(1)"}
    cases["many columns"] = (i, s)
    return cases


CASES = _cases()


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_route_reports_the_same_problems(case: str, tmp_path: Path):
    folder = write_dataset(tmp_path, *CASES[case])
    incidents, sources = validate.read_tables(folder)
    separate = validate.validate_tables(
        incidents, sources, validate.read_figures(folder), today=TODAY
    )
    *_, together = validate.read_and_validate(folder, today=TODAY)
    tables = validate.read_and_validate(folder, today=TODAY, keep_cells=False)
    assert together == separate
    assert tables[3] == separate
    if case != "clean":
        assert separate, "each case breaks at least one rule"
    # The low-memory route keeps every row (the CLI counts them) but only the reference columns.
    assert len(tables[0].frame) == len(CASES[case][0])
    assert len(tables[1].frame) == len(CASES[case][1])
    assert list(tables[0].frame.columns) == [INC.id, INC.confidence]
    assert list(tables[1].frame.columns) == [SRC.incident_id, SRC.stance]


@pytest.mark.parametrize("failing", [schema.INCIDENTS_FILE, schema.SOURCES_FILE])
def test_a_failed_read_raises_and_nothing_waits_for_it(failing: str, tmp_path, monkeypatch):
    # An unreadable file (an I/O error; a test running as root cannot make one by permissions)
    # must reach the caller from either worker, while the other worker waits for that table.
    import threading

    folder = write_dataset(tmp_path, *CASES["clean"])
    read = validate.read_raw_table

    def failing_read(path, **options):
        if Path(path).name == failing:
            raise OSError(f"cannot read {failing}")
        return read(path, **options)

    monkeypatch.setattr(validate, "read_raw_table", failing_read)
    prepare = validate.prepare_raw_table

    def failing_prepare(path, **options):
        # The incidents' file is looked at beside the sources' read, then read (see
        # validate._read_and_validate_overlapped): it fails when it is read.
        if Path(path).name != failing:
            return prepare(path, **options)

        @contextlib.contextmanager
        def opened():
            def read():
                raise OSError(f"cannot read {failing}")

            yield read

        return opened()

    monkeypatch.setattr(validate, "prepare_raw_table", failing_prepare)
    raised: list[BaseException] = []

    def run() -> None:
        try:
            validate.read_and_validate(folder, today=TODAY)
        except OSError as err:
            raised.append(err)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "read_and_validate waited for a table that was never read"
    assert [str(err) for err in raised] == [f"cannot read {failing}"]


@pytest.mark.parametrize("case", ["clean", "orphan and unsourced", "unsorted orphan"])
def test_references_do_not_depend_on_the_duplicate_rules_running_first(case: str, tmp_path):
    folder = write_dataset(tmp_path, *CASES[case])
    fresh = validate.check_references(*validate.read_tables(folder))
    incidents, sources = validate.read_tables(folder)
    validate.check_incident_rows(incidents)  # orders the ids and caches it
    validate.check_source_rows(sources)
    assert validate.check_references(incidents, sources) == fresh


def test_orphan_is_reported_at_its_line(tmp_path: Path):
    folder = write_dataset(tmp_path, *CASES["orphan and unsourced"])
    problems = validate.read_and_validate(folder, today=TODAY, keep_cells=False)[3]
    found = {(Path(p.file).name, p.line, p.field, p.code) for p in problems}
    assert ("sources.csv", 5, SRC.incident_id, "unknown-incident") in found
    assert ("incidents.csv", 5, INC.id, "no-source") in found


def test_loaded_numbers_and_dates_can_be_assigned(tmp_path: Path):
    incidents, sources = sample_rows(3)
    incidents[1] = {**incidents[1], INC.radius_km: "12.5"}  # a column with empty cells
    folder = write_dataset(tmp_path, incidents, sources)
    data = dataset.load(folder)
    data.incidents.loc[0, INC.latitude] = 1.5
    data.incidents.loc[0, INC.radius_km] = 3.0
    data.incidents.loc[0, INC.date] = data.incidents.loc[2, INC.date]
    data.sources.loc[0, SRC.published] = data.sources.loc[1, SRC.published]
    assert data.incidents.loc[0, INC.latitude] == 1.5
    assert data.incidents.loc[0, INC.radius_km] == 3.0
    assert data.incidents.loc[0, INC.date] == data.incidents.loc[2, INC.date]
    # The loader's own copy is untouched: a second load reads the file again.
    assert dataset.load(folder).incidents.loc[0, INC.latitude] == float(incidents[0][INC.latitude])


def test_cli_validate_counts_rows_with_the_low_memory_route(tmp_path: Path):
    from click.testing import CliRunner

    from tracker.cli import main

    folder = write_dataset(tmp_path, *CASES["orphan and unsourced"])
    result = CliRunner().invoke(main, ["validate", "--data-dir", str(folder)])
    assert result.exit_code == 1
    assert "unknown-incident" in result.output
    assert "in 4 incidents and 4 sources" in result.output


def _chunked_table(name: str, values: list[str], sizes: list[int]) -> RawTable:
    """A one-column table whose column is split into Arrow chunks of ``sizes`` rows, as the
    reader splits a large file into blocks."""
    chunks, start = [], 0
    for size in sizes:
        chunks.append(pa.array(values[start : start + size], type=pa.large_string()))
        start += size
    column = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks)), name=name)
    lines = np.arange(2, len(values) + 2)
    return RawTable(name, [name], pd.DataFrame({name: column}), lines)


def test_cited_incident_rows_across_chunks():
    ids = [f"2024-01-{day:02d}-x" for day in range(1, 8)]
    cited = [ids[0], ids[1], ids[1], ids[2], ids[3], ids[3], ids[3], ids[4], ids[5], ids[6]]
    incidents = _chunked_table(INC.id, ids, [3, 4])
    sources = _chunked_table(SRC.incident_id, cited, [2, 3, 1, 4])  # runs cross the chunks
    rows = validate._cited_incident_rows(incidents, sources)
    assert rows is not None
    assert [ids[row] for row in rows] == cited
    # One cited id differs from its incident's id, in a later chunk: no shortcut.
    cited[8] = "2024-01-06-y"
    sources = _chunked_table(SRC.incident_id, cited, [2, 3, 1, 4])
    assert validate._cited_incident_rows(incidents, sources) is None


def test_a_malformed_id_is_reported_where_it_is_cited(tmp_path: Path):
    """The cited ids' pattern is not matched when they are exactly the incident ids, unless an
    incident id breaks it: then both files report it."""
    folder = write_dataset(tmp_path, *CASES["malformed id cited in order"])
    for keep_cells in (True, False):
        problems = validate.read_and_validate(folder, today=TODAY, keep_cells=keep_cells)[3]
        found = {(Path(p.file).name, p.line, p.field, p.code) for p in problems}
        assert ("incidents.csv", 5, INC.id, "pattern") in found
        assert ("sources.csv", 5, SRC.incident_id, "pattern") in found


def _number_cells() -> list[str]:
    """Every string of up to four characters over ``-``, ``.``, ``0``, ``1``, ``9`` that Arrow's
    float cast accepts (``.5``, ``5.`` and ``-.5`` among them), and an empty cell."""
    import itertools

    cells = [""]
    for size in range(1, 5):
        for chars in itertools.product("-.019", repeat=size):
            try:
                pa.array(["".join(chars)]).cast(pa.float64())
            except pa.ArrowInvalid:
                continue
            cells.append("".join(chars))
    return cells


def test_number_check_without_a_regex_agrees_with_the_pattern():
    """The byte-level number check (one alphabet, Arrow's float cast, first, second and last
    bytes) decides exactly what the plain-number pattern decides, cell by cell."""
    cells = _number_cells()
    assert {".5", "5.", "-.5", "-5."} & set(cells) == set() and {".1", "1.", "-.9"} <= set(cells)
    expected = validate._regex(pd.Series(cells, dtype="str"), validate._NUMBER_RE, how="full")
    assert expected.any() and not expected.all()
    table = _chunked_table(INC.latitude, cells, [1, 200, len(cells) - 201])
    assert validate._numbers_by_bytes(table, INC.latitude) is not None  # the fast route
    plain = validate._plain_numbers(table, INC.latitude)
    assert plain.tolist() == expected.tolist()
    numbers = validate._numbers(table, INC.latitude).to_numpy()
    wanted = [float(cell) if ok else np.nan for cell, ok in zip(cells, expected, strict=True)]
    np.testing.assert_array_equal(numbers, np.asarray(wanted))


@pytest.mark.parametrize("odd", ["1e3", "+1", " 1", "1/2", "inf", "٣", "1-2", "-", "1..2"])
def test_number_check_leaves_other_bytes_to_the_pattern(odd: str):
    cells = ["1.5", "-2", odd, ""]
    table = _chunked_table(INC.latitude, cells, [2, 2])
    assert validate._numbers_by_bytes(table, INC.latitude) is None
    assert validate._plain_numbers(table, INC.latitude).tolist() == [True, True, False, False]


URLS = [
    "https://example.org",
    "http://example.org/",
    "https://example.org/a?b=1#c",
    "https://example.org?x",
    "https://example.org#frag",
    "https://[::1]:8080/x",
    "https://example.org:443",
    "https://",
    "https:///nohost",
    "https://?q",
    "https://bank@evil.example/",
    "https://ex_ample.org/",
    "https://exämple.org/",
    "https://example.org/ä€/x",
    "https://example.org/a\x01b",
    "http:/example.org",
    "ftp://example.org/x",
    "javascript:alert(1)",
    "HTTPS://example.org/",
    "xhttps://example.org/",
    "",
]


def test_url_start_pattern_decides_a_url_without_whitespace():
    """Without whitespace, a URL matches the link pattern in full exactly when its scheme and
    host do (what the URL rule checks when a column has no byte up to a space)."""
    values = pd.Series(URLS, dtype="str")
    full = validate._regex(values, safety.URL_PATTERN, how="full")
    start = validate._regex(values, safety.URL_START_PATTERN, how="match")
    assert full.any() and not full.all()
    assert start.tolist() == full.tolist()
    spaced = pd.Series([url + " x" for url in URLS if url], dtype="str")
    assert not validate._regex(spaced, safety.URL_PATTERN, how="full").any()
    assert validate._regex(spaced, safety.URL_START_PATTERN, how="match").any()


def _chunked_pairs(pairs: list[tuple[str, str]], sizes: list[int]) -> RawTable:
    """Sources of ``(incident_id, url)`` pairs, both columns split into chunks of ``sizes``."""
    columns = {}
    for name, values in (
        (SRC.incident_id, [p[0] for p in pairs]),
        (SRC.url, [p[1] for p in pairs]),
    ):
        chunks, start = [], 0
        for size in sizes:
            chunks.append(pa.array(values[start : start + size], type=pa.large_string()))
            start += size
        columns[name] = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks)))
    lines = np.arange(2, len(pairs) + 2)
    return RawTable("sources", list(columns), pd.DataFrame(columns), lines)


@pytest.mark.parametrize(
    ("pairs", "repeats"),
    [
        ([("a", "u/1"), ("a", "u/2"), ("a", "u/3"), ("b", "u/1")], False),  # same lengths
        ([("a", "x/1"), ("a", "y/1"), ("b", "x/1")], False),  # same length and last byte
        ([("a", "x/1"), ("a", "y/2"), ("a", "x/1"), ("b", "z")], True),  # two rows apart
        ([("a", "x1"), ("a", ""), ("a", "y2"), ("a", "")], True),  # two empty cells
        ([("a", ""), ("a", "")], True),
        ([("a", "x"), ("b", "x"), ("c", "x")], False),
    ],
)
def test_duplicate_claims_compare_only_rows_alike(pairs, repeats: bool):
    """The duplicate-claim shortcut compares URLs only where lengths and last bytes agree; the
    answer is the exact one, whatever the chunks."""
    exact = len(set(pairs)) < len(pairs)
    assert exact == repeats
    for sizes in ([len(pairs)], [1] * len(pairs), [len(pairs) - 1, 1]):
        table = _chunked_pairs(pairs, sizes)
        assert validate._may_repeat(table, [SRC.incident_id, SRC.url]) == repeats


def test_country_pattern_by_bytes_agrees_with_the_regex():
    """A pattern of a few character classes (``^[A-Z]{2}$``) is decided by each cell's length
    and bytes, exactly as the regex decides it."""
    import itertools

    spec = next(f for f in schema.INCIDENT_FIELDS if f.name == INC.country)
    assert validate._fixed_width_classes(spec.pattern) is not None  # the byte route
    alphabet = ["A", "Z", "M", "a", "z", "@", "[", "0", " ", "É", "Ω"]
    cells = [""] + ["".join(c) for n in (1, 2, 3) for c in itertools.product(alphabet, repeat=n)]
    expected = validate._regex(pd.Series(cells, dtype="str"), spec.pattern, how="full")
    assert expected.any() and not expected.all()
    table = _chunked_table(INC.country, cells, [5, 600, len(cells) - 605])
    assert validate._matches_pattern(table, spec).tolist() == expected.tolist()


@pytest.mark.parametrize(
    "pattern", [schema.ID_PATTERN, schema.FIGURE_ID_PATTERN, r"^[A-Z]{5}$", r"^[^A-Z]{2}$", None]
)
def test_other_patterns_keep_the_regex(pattern):
    assert validate._fixed_width_classes(pattern) is None


def _id_cells() -> list[str]:
    """Ids and near misses over the bytes the id check takes (digits, a-z, single hyphens)."""
    import random

    rng = random.Random(7)
    cells = ["", "2024-03-10-riga", "2024-03-10-r", "2024-03-10-", "2024-03-10", "2024-3-10-riga"]
    cells += ["2024-03-10-riga-", "2024-03-10-riga-2", "-2024-03-10-riga", "20240-03-10-riga"]
    cells += ["2024-03-1a-riga", "a024-03-10-riga", "2024-03-10-riga-east-1", "2024-03-10-0"]
    cells += ["2024-03-10riga-a", "2024a03-10-riga", "2024-03-10-riga-a-b-c", "x"]
    # Two hyphens in a cell, and across two cells (the second is fine).
    cells += ["2024-03-10-ri--ga", "2024-03-10--riga", "2024-03-10-riga--", "-", "--"]
    cells += ["2024-03-10-a-", "-2024-03-10-a", "2024-03-10-b-", "2024-03-10-b", "2024-03-10-c--d"]
    for _ in range(3000):
        slug = "".join(rng.choice("ab0-") for _ in range(rng.randint(0, 5)))
        chars = list("2024-03-10-" + slug)
        if rng.random() < 0.5:  # one byte replaced, dropped or added anywhere
            at = rng.randrange(len(chars))
            chars[at : at + rng.randint(0, 1)] = rng.choice(["", "7", "-", "z"])
        text = "".join(chars)
        cells.append(text)
    return cells


def test_id_check_without_a_regex_agrees_with_the_pattern():
    """The byte-level id check decides exactly what the id pattern decides, cell by cell."""
    spec = next(f for f in schema.INCIDENT_FIELDS if f.name == INC.id)
    cells = _id_cells()
    expected = validate._regex(pd.Series(cells, dtype="str"), spec.pattern, how="full")
    assert expected.sum() > 20 and not expected.all()
    table = _chunked_table(INC.id, cells, [3, 1000, len(cells) - 1003])
    assert validate._ids_by_bytes(validate._Cells(table.frame[INC.id])) is not None
    assert validate._matches_pattern(table, spec).tolist() == expected.tolist()


@pytest.mark.parametrize(
    "odd", ["2024-03-10-Riga", "2024-03-10-r.a", "2024-03-10-r_a", "2024-03-10-r a"]
)
def test_id_check_leaves_other_bytes_to_the_pattern(odd: str):
    spec = next(f for f in schema.INCIDENT_FIELDS if f.name == INC.id)
    cells = ["2024-03-10-riga", odd, ""]
    table = _chunked_table(INC.id, cells, [1, 2])
    assert validate._ids_by_bytes(validate._Cells(table.frame[INC.id])) is None
    assert validate._matches_pattern(table, spec).tolist() == [True, False, False]


def _text_cells() -> list[str]:
    """Cells starting and ending with every ASCII character, and with a few others."""
    cells = [""]
    for code in range(128):
        char = chr(code)
        cells += [char, char + "x", "x" + char, char + "yz" + char]
    cells += ["é", "éx", "xé", "€x", "\u200bx", "x\u200b", "\u202ex", "Ωx ", " Ω"]
    return cells


def test_suspicious_first_bytes_agree_with_every_text_rule():
    """The first-byte shortcut (one comparison, then a lookup of the few low bytes) flags
    exactly the cells a formula, a leading or trailing space or an invisible character makes
    suspect, whatever the chunks."""
    cells = _text_cells()
    expected = [
        bool(cell)
        and (
            cell.startswith((*safety.FORMULA_PREFIXES, " "))
            or cell.endswith(" ")
            or safety.has_invisible(cell)
        )
        for cell in cells
    ]
    assert any(expected) and not all(expected)
    for sizes in ([len(cells)], [1, 100, len(cells) - 101]):
        table = _chunked_table(INC.summary, cells, sizes)
        present = (table.frame[INC.summary] != "").to_numpy()
        found = validate._suspicious_text(table, INC.summary, present)
        assert found.tolist() == expected


def test_suspicious_first_bytes_in_a_column_without_spaces():
    """A column without any byte up to a space (URLs, flight numbers) is suspect only where a
    formula prefix or an invisible character is: the last bytes are not read."""
    cells = [cell for cell in _text_cells() if all(ord(char) > 0x20 for char in cell)]
    expected = [
        bool(cell) and (cell.startswith(safety.FORMULA_PREFIXES) or safety.has_invisible(cell))
        for cell in cells
    ]
    assert any(expected) and not all(expected)
    for sizes in ([len(cells)], [1, 100, len(cells) - 101]):
        table = _chunked_table(INC.summary, cells, sizes)
        assert validate._cells(table, INC.summary).min_byte() > 0x20
        present = (table.frame[INC.summary] != "").to_numpy()
        found = validate._suspicious_text(table, INC.summary, present)
        assert found.tolist() == expected


@pytest.mark.parametrize(("run", "maybe"), [(15, False), (16, False), (17, True)])
def test_duplicate_claims_in_long_runs(run: int, maybe: bool):
    """Runs of up to ``_MAX_RUN`` rows of one incident are compared pair by pair; a longer run
    answers "maybe" (the caller then checks exactly), as before the pairs were counted lag by
    lag."""
    assert validate._MAX_RUN == 16
    pairs = [("a", f"u/{i}") for i in range(run)] + [("b", "u/0")]
    table = _chunked_pairs(pairs, [len(pairs) - 3, 3])
    assert validate._may_repeat(table, [SRC.incident_id, SRC.url]) is maybe
    # The same run with a repeated claim as far apart as the run allows.
    pairs[run - 1] = pairs[0]
    table = _chunked_pairs(pairs, [len(pairs) - 3, 3])
    assert validate._may_repeat(table, [SRC.incident_id, SRC.url]) is True


@pytest.mark.parametrize(
    "sizes", [[1, 1, 1, 1, 1, 1, 1], [2, 2, 3], [3, 4], [1, 2, 4], [7]], ids=str
)
def test_id_check_at_the_ends_of_chunks(sizes):
    """The first bytes of a cell near the end of its chunk's bytes (or of a chunk shorter than
    ``YYYY-MM-DD-``) are read as the regex reads them."""
    spec = next(f for f in schema.INCIDENT_FIELDS if f.name == INC.id)
    cells = ["2024-03-10-riga", "x", "2024-03-10-a", "2024-03-1", "", "2024-03-10-", "2024-03-10-b"]
    expected = validate._regex(pd.Series(cells, dtype="str"), spec.pattern, how="full")
    table = _chunked_table(INC.id, cells, sizes)
    assert validate._ids_by_bytes(validate._Cells(table.frame[INC.id])) is not None
    assert validate._matches_pattern(table, spec).tolist() == expected.tolist()


def _date_cells() -> list[str]:
    """Valid dates at the calendar's edges, a year of days in runs (a column in order), and
    empty cells."""
    cells = ["0001-01-01", "0004-02-29", "1899-12-31", "1900-02-28", "1900-03-01", "1980-01-06"]
    cells += ["1999-12-31", "2000-02-29", "2023-02-28", "2024-02-29", "2024-04-30", ""]
    cells += ["2100-02-28", "9999-12-31", "", "", "2024-01-01"]
    days = pd.date_range("2019-12-25", "2021-01-05", freq="D").strftime("%Y-%m-%d")
    cells += [day for day in days for _ in range(5)] + ["", "2021-01-06"]
    return cells


@pytest.mark.parametrize("sizes", ["one", "empty chunk", "sevens"])
def test_dates_by_bytes_agree_with_pandas(sizes: str):
    """Dates read from their bytes are the days ``pandas.to_datetime`` gives (unit included),
    and the first and last days of months and years are the ones the other route finds, in
    runs or not, whatever the chunks."""
    cells = _date_cells()
    chunks = {
        "one": [len(cells)],
        "empty chunk": [14, 2, len(cells) - 16],  # the second chunk holds only empty cells
        "sevens": [7] * (len(cells) // 7) + [len(cells) % 7],
    }[sizes]
    table = _chunked_table(INC.date, cells, [size for size in chunks if size])
    assert validate._dates_by_bytes(table, INC.date)
    expected = pd.to_datetime(pd.Series(cells, dtype="str"), format="%Y-%m-%d", errors="coerce")
    pd.testing.assert_series_equal(table.parsed[INC.date], expected, check_names=False)
    other = _chunked_table(INC.date, cells, [len(cells)])
    other.parsed[INC.date] = expected  # the other route's days, so _day_kinds takes that route
    for kind in (validate._FIRST_OF_MONTH, validate._FIRST_OF_YEAR, validate._LAST_OF_MONTH):
        found = validate._day_kinds(table, INC.date, kind)
        assert found.tolist() == validate._day_kinds(other, INC.date, kind).tolist()
        assert found.any()
    empty = validate._equals(table, INC.date, "")
    assert empty.tolist() == [cell == "" for cell in cells]


@pytest.mark.parametrize(
    "odd",
    [
        *("2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00"),
        *("2024-01-32", "0000-01-01", "2024/01/01", "2024-1-01", "2024-01-1", "2024-01-0a"),
        *("a024-01-01", "2024-01-01 ", " 2024-01-01", "20240101", "2024-01-01x", "2024,01-01"),
        *("2024-01.01", "2024-01-:1", "2024-0/-01", "２０２４-01-01", "2024–1-01", "-024-01-01"),
    ],
)
def test_dates_by_bytes_leave_anything_else_to_the_other_route(odd: str):
    """A column holding any cell that is not a ``YYYY-MM-DD`` date of the years 1-9999 is
    decided per distinct value, as before, in runs or not."""
    cells = ["2024-01-01"] * 8 + [odd] + ["2024-01-02"] * 8 + [""]
    for sizes in ([len(cells)], [1] * len(cells), [9, len(cells) - 9]):
        table = _chunked_table(INC.date, cells, sizes)
        assert not validate._dates_by_bytes(table, INC.date)
        assert INC.date not in table.parsed
        expected = pd.to_datetime(pd.Series(cells, dtype="str"), format="%Y-%m-%d", errors="coerce")
        pd.testing.assert_series_equal(
            validate._dates(table, INC.date), expected, check_names=False
        )


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({INC.date: "2099-01-01"}, "future-date"),
        ({INC.date: "2026-01-02"}, None),  # TODAY and its day of tolerance
        ({INC.date: "2026-01-03"}, "future-date"),
        ({INC.date: "1970-01-01"}, "date-too-early"),
        ({INC.date: "1980-01-06"}, None),
        ({INC.date: "1980-01-05"}, "date-too-early"),
        ({INC.date_precision: "month"}, "date-precision"),
        ({INC.date: "2024-03-01", INC.date_precision: "month"}, None),
        ({INC.date: "2024-03-01", INC.date_precision: "year"}, "date-precision"),
        ({INC.date: "2024-01-01", INC.date_precision: "year"}, None),
        ({INC.end_date: "2024-03-20", INC.end_date_precision: "month"}, "date-precision"),
        ({INC.end_date: "2024-03-31", INC.end_date_precision: "month"}, None),
        ({INC.end_date: "2024-03-01", INC.end_date_precision: "day"}, "end-before-start"),
        ({INC.end_date: "2024-03-20"}, "end-date-precision"),
        ({INC.end_date_precision: "open"}, "end-date-precision"),
        ({SRC.published: "2099-01-01"}, "future-date"),
        ({SRC.published: "1979-12-31"}, "date-too-early"),
        ({SRC.published: "2026-01-02"}, None),
        ({SRC.published: "2026-01-03"}, "future-date"),
        ({SRC.published: "1980-01-06"}, None),
    ],
)
def test_date_rules_agree_by_bytes_and_by_distinct_values(change, code, tmp_path, monkeypatch):
    """Every date rule finds the same problems whether the dates were read from their bytes or
    per distinct value (the route of a column holding a malformed date)."""
    incidents, sources = sample_rows(3)
    (sources if SRC.published in change else incidents)[1].update(change)
    folder = write_dataset(tmp_path, incidents, sources)
    for name, table in zip((INC.date, SRC.published), validate.read_tables(folder), strict=True):
        assert validate._dates_by_bytes(table, name)
    by_bytes = validate.validate_dir(folder, today=TODAY)
    monkeypatch.setattr(validate, "_dates_by_bytes", lambda table, name: False)
    by_values = validate.validate_dir(folder, today=TODAY)
    assert by_bytes == by_values
    assert [p.code for p in by_bytes if p.is_error] == ([code] if code else [])


@pytest.mark.parametrize(
    "cells",
    [
        # 9 and 11 bytes, "2024-01-012024-01-01" together: 10 bytes per cell, but not dates.
        ["2024-01-01", "2024-01-0", "12024-01-01", "2024-01-02"],
        ["", ""],  # no date at all: pandas' unit differs
        [],
    ],
)
def test_dates_by_bytes_leave_odd_columns_to_the_other_route(cells: list[str]):
    table = _chunked_table(INC.date, cells, [len(cells)])
    assert not validate._dates_by_bytes(table, INC.date)
    expected = pd.to_datetime(pd.Series(cells, dtype="str"), format="%Y-%m-%d", errors="coerce")
    pd.testing.assert_series_equal(validate._dates(table, INC.date), expected, check_names=False)


def test_word_fit_takes_digits_and_exact_bytes_only():
    """:func:`validate._fit` (the id shape's word check) takes a digit wherever its template
    has ``0`` and the template's own byte elsewhere: every byte value at every position, read
    at every start, the last ones clipped to the last word."""
    template = b"0000-00-"
    cells = []
    for position in range(8):
        for byte in range(256):
            word = bytearray(b"2024-03-")
            word[position] = byte
            fits = (
                chr(byte).isdigit() and byte < 0x80 if template[position] == 0x30 else byte == 0x2D
            )
            cells.append((bytes(word), fits))
    data = np.frombuffer(b"".join(word for word, _ in cells) + b"1999-12-", dtype=np.uint8)
    starts = np.arange(len(cells) + 1, dtype=np.int64) * 8
    expected = [fits for _, fits in cells] + [True]
    assert validate._fit(data, starts, template).tolist() == expected
    # Starts within 8 bytes of the end read the last word; a shorter buffer is padded.
    assert validate._fit(data, starts[-1:] + 3, template).tolist() == [True]
    short = np.frombuffer(b"2024-", dtype=np.uint8)
    assert validate._fit(short, np.array([0, 2]), b"0000-\x00\x00\x00").tolist() == [True] * 2


def test_value_set_codes_agree_with_arrow_comparisons():
    """A value set's codes (one hash pass) give the value set rule and every later comparison
    of the column with one of its values, or with the empty value, as Arrow gives them."""
    spec = next(f for f in schema.INCIDENT_FIELDS if f.name == INC.end_date_precision)
    cells = ["", *spec.enum, "Day", "day ", "other", "", *reversed(spec.enum)] * 3
    table = _chunked_table(spec.name, cells, [4, 1, len(cells) - 5])
    empty = (table.frame[spec.name] == "").to_numpy()
    codes = validate._enum_codes(table, spec.name, spec.enum)
    assert validate._enum_emptiness(spec, codes) is None  # empty and unknown cells: no shortcut
    problems = validate._check_enum(table, spec, codes, ~empty, empty)
    assert [table.frame[spec.name].iloc[p.line - 2] for p in problems] == [
        "Day",
        "day ",
        "other",
    ] * 3
    for value in (*spec.enum, ""):
        expected = [cell == value for cell in cells]
        assert validate._equals(table, spec.name, value).tolist() == expected
    # A value outside the set is compared by Arrow, as before.
    assert validate._equals(table, spec.name, "other").tolist() == [c == "other" for c in cells]


@pytest.mark.parametrize("blank", [None, 0, 5, 9])
def test_value_set_emptiness_from_codes(blank):
    """A value set column whose every cell holds one of its values has no empty cell, which
    its codes tell without the cells' offsets; a column with an empty cell (or any other
    value) takes the offsets, and the required and end-date rules report exactly as before."""
    spec = next(f for f in schema.INCIDENT_FIELDS if f.name == INC.end_date_precision)
    cells = [*spec.enum, *reversed(spec.enum), *spec.enum, spec.enum[0]]
    if blank is not None:
        cells[blank] = ""
    table = _chunked_table(spec.name, cells, [4, 1, len(cells) - 5])
    codes = validate._enum_codes(table, spec.name, spec.enum)
    shortcut = validate._enum_emptiness(spec, codes)
    assert (shortcut is None) == (blank is not None)
    if shortcut is not None:
        assert shortcut.tolist() == [False] * len(cells)
    table.parsed.clear()
    problems = validate.check_cells(table, (spec,), today=pd.Timestamp("2026-12-06"))
    assert problems == []  # an optional column: an empty cell breaks no cell rule
    assert validate._equals(table, spec.name, "").tolist() == [c == "" for c in cells]
    required = dataclasses.replace(spec, required=True)
    table.parsed.clear()
    problems = validate.check_cells(table, (required,), today=pd.Timestamp("2026-12-06"))
    assert [(p.code, p.line) for p in problems] == (
        [] if blank is None else [("required", blank + 2)]
    )


def test_an_empty_region_is_required_not_unknown(tmp_path: Path):
    """An empty region breaks the required rule only: the region rule looks for empty cells
    among the regions it does not know."""
    incidents, sources = sample_rows(3)
    incidents[1][INC.region] = ""
    problems = validate.validate_dir(write_dataset(tmp_path, incidents, sources), today=TODAY)
    assert [(p.line, p.field, p.code) for p in problems] == [(3, INC.region, "required")]


def test_each_read_by_pandas_trims_the_heap_once(tmp_path: Path, monkeypatch):
    """The C heap is trimmed after every read by pandas (it keeps the load's peak memory down),
    also when the loader defers the sources' trim until the incidents' parse has started, and
    never twice; ``trim=False`` leaves it to the caller."""
    from benchmarks import synthetic
    from tracker import csvio

    folder = synthetic.write(10_000, tmp_path / "d", seed=1)  # both files read by pandas
    assert (folder / schema.SOURCES_FILE).stat().st_size > csvio.STREAM_MIN_BYTES
    trims = []
    real = csvio._trim_heap
    monkeypatch.setattr(csvio, "_trim_heap", lambda: trims.append(1) or real())
    *_, problems = validate.read_and_validate(folder, today=pd.Timestamp("2030-01-01"))
    assert problems == [] and len(trims) == 2
    trims.clear()
    csvio.read_raw_table(folder / schema.SOURCES_FILE, trim=False)
    assert trims == []
    csvio.read_raw_table(folder / schema.SOURCES_FILE)
    assert len(trims) == 1
