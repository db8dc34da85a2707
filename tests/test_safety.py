"""The rules that guard users (tracker.safety): one copy each, applied the same way everywhere."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hostile import assert_refused, data_bytes, invoke

from tracker import safety, schema

# --- links ---------------------------------------------------------------------------------------

URLS = [
    ("https://example.org/a?b=c", True),
    ("http://example.org", True),
    ("https://[2001:db8::1]:8443/x#y", True),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    ("java\tscript:alert(1)", False),
    (" https://example.org", False),
    ("https://example.org/a b", False),
    ("data:text/html,<script>", False),
    ("&#106;avascript:alert(1)", False),
    ("https://", False),
    ("//example.org/x", False),
    ("https://bank.example@evil.example/", False),
    ("https://example.org/\u202egnp.exe", False),
    ("https://example.org/\x00", False),
    ("https://example.org/" + "a" * safety.MAX_URL_LENGTH, False),
    (None, False),
    (42, False),
]


@pytest.mark.parametrize(("url", "ok"), URLS)
def test_link_url(url, ok):
    assert (safety.link_url(url) is not None) is ok
    if ok:
        assert safety.link_url(url) == url


def test_the_validator_and_the_links_use_the_same_url_rule():
    # The validator runs URL_PATTERN through pyarrow (RE2); links through Python's re. Where
    # the other checks (invisible characters, length) do not apply, the answers must agree.
    urls = [u for u, _ in URLS if isinstance(u, str) and not safety.has_invisible(u)]
    urls = [u for u in urls if len(u) <= safety.MAX_URL_LENGTH]
    by_re2 = pc.match_substring_regex(pa.array(urls), f"^(?:{safety.URL_PATTERN})$").to_pylist()
    assert by_re2 == [safety.link_url(u) is not None for u in urls]


# --- formulas and invisible characters ----------------------------------------------------------


def test_formula_pattern_is_exactly_the_prefixes():
    import re

    every_char = [chr(c) for c in range(0x80)]
    by_re = [c for c in every_char if re.fullmatch(safety.FORMULA_PATTERN, c)]
    by_re2 = pc.match_substring_regex(pa.array(every_char), f"^{safety.FORMULA_PATTERN}$")
    assert sorted(by_re) == sorted(safety.FORMULA_PREFIXES)
    assert [c for c, hit in zip(every_char, by_re2.to_pylist(), strict=True) if hit] == by_re
    assert safety.neutralise_formula("=1+1") == "'=1+1"
    assert safety.neutralise_formula("-5 dBm") == "'-5 dBm"
    assert safety.neutralise_formula("jamming") == "jamming"


def test_invisible_characters_are_one_set_in_both_engines():
    edges = [chr(c) for a, b in safety.INVISIBLE_RANGES for c in (a, b)]
    visible = ["a", " ", "é", "\u00a0", "\u2010", "\u2027", "\u202f", "\u206a", "\ufefe"]
    by_re2 = pc.match_substring_regex(pa.array(edges + visible), safety.INVISIBLE_PATTERN)
    assert by_re2.to_pylist() == [True] * len(edges) + [False] * len(visible)
    assert all(safety.has_invisible(c) for c in edges)
    assert not any(safety.has_invisible(c) for c in visible)
    assert safety.strip_invisible("a\u202eb\tc\nd\x00", keep="\t\n") == "ab\tc\nd"
    assert safety.strip_invisible("a\u202eb\tc") == "abc"


def test_ingest_and_validation_agree_on_invisible_characters():
    from tracker.ingest.text import clean_text

    for start, end in safety.INVISIBLE_RANGES:
        for code in (start, end):
            if chr(code) in "\t\n\r":
                continue
            assert not safety.has_invisible(clean_text(f"GPS{chr(code)}jam")), hex(code)


# --- servers, queries, caveats ------------------------------------------------------------------


def test_loopback_and_query_cap():
    assert all(safety.is_loopback(h) for h in ("127.0.0.1", "localhost", "::1"))
    assert not safety.is_loopback("0.0.0.0")
    assert safety.query_accepted(None) and safety.query_accepted("?from=2024-01-01")
    assert safety.query_accepted("?" + "x" * (safety.MAX_QUERY_LENGTH - 1))
    assert not safety.query_accepted("?" + "x" * safety.MAX_QUERY_LENGTH)
    assert not safety.query_accepted(["?from=2024-01-01"])


def test_one_caveat_everywhere():
    from tracker.adsb import figures as adsb_figures
    from tracker.dashboard import layout
    from tracker.export import charts

    assert layout.CAVEAT is safety.CAVEAT and charts.CAVEAT is safety.CAVEAT
    assert adsb_figures.CAVEAT is safety.ADSB_CAVEAT
    assert safety.NO_DATA_CAVEAT[:-1] in safety.ADSB_CAVEAT


# --- files --------------------------------------------------------------------------------------


def test_atomic_write_replaces_whole_files_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.csv"
    safety.atomic_write(target, "a,b\n")
    safety.atomic_write(target, b"c,d\n")
    assert target.read_bytes() == b"c,d\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_atomic_write_failure_keeps_the_old_file(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(OSError):
        safety.atomic_write(tmp_path / "folder", "x")  # replacing a folder by a file fails
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]
    with pytest.raises(OSError):
        safety.atomic_write(tmp_path / "missing" / "x.csv", "x")


@pytest.mark.parametrize(
    "name", ["incidents.csv", "sources.csv", "datapackage.json", "geocode_cache.csv", "other.csv"]
)
def test_dataset_files_are_refused_unless_the_writer_is_a_dataset_writer(small_dataset, name):
    before = data_bytes(small_dataset)
    with pytest.raises(safety.ProtectedPathError, match="refusing to write over"):
        safety.atomic_write(small_dataset / name, "id\n")
    assert data_bytes(small_dataset) == before
    safety.atomic_write(small_dataset / name, "id\n", dataset_writer=True)
    assert (small_dataset / name).read_text() == "id\n"


def test_other_files_and_other_folders_are_not_protected(small_dataset, tmp_path):
    safety.atomic_write(small_dataset / "notes.txt", "fine")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    safety.atomic_write(elsewhere / "incidents.csv", "id\n")  # not a dataset folder
    assert (elsewhere / "incidents.csv").read_text() == "id\n"


def test_a_symlink_into_the_dataset_is_refused(small_dataset, tmp_path):
    link = tmp_path / "innocent.csv"
    link.symlink_to(small_dataset / schema.INCIDENTS_FILE)
    before = data_bytes(small_dataset)
    with pytest.raises(safety.ProtectedPathError):
        safety.atomic_write(link, "id\n")
    assert data_bytes(small_dataset) == before and link.is_symlink()


# --- every command that writes a file the user names --------------------------------------------


@pytest.fixture
def store(tmp_path):
    import datetime as dt

    import h3
    import pandas as pd

    from tracker.adsb.store import LayerStore

    s = LayerStore(tmp_path / "store")
    cell = h3.latlng_to_cell(54.63, 25.29, 4)
    s.write_days(
        {dt.date(2024, 3, 10): pd.DataFrame([(cell, 10, 20)], columns=list(_LAYER_COLUMNS))},
        source="gpsjam",
    )
    return s


_LAYER_COLUMNS = ("hex", "count_good_aircraft", "count_bad_aircraft")


def _writers(store_root: Path, target: Path) -> dict[str, list[str]]:
    return {
        "adsb corroborate": ["adsb", "corroborate", "--store", str(store_root), "-o", str(target)],
        "export data": ["export", "data", "--format", "csv", "-o", str(target)],
        "export chart": ["export", "chart", "timeline", "--format", "html", "-o", str(target)],
    }


@pytest.mark.parametrize("command", ["adsb corroborate", "export data", "export chart"])
@pytest.mark.parametrize("name", [schema.INCIDENTS_FILE, schema.SOURCES_FILE, "datapackage.json"])
def test_no_command_writes_over_the_dataset(small_dataset, store, command, name):
    (small_dataset / "datapackage.json").write_text("{}\n")
    args = _writers(store.root, small_dataset / name)[command]
    before = data_bytes(small_dataset)
    every_file = _snapshot(small_dataset)
    outcome = invoke(*args, "--data-dir", str(small_dataset))
    assert_refused(outcome, small_dataset, before, "refusing to write")
    assert _snapshot(small_dataset) == every_file


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_corroborate_through_a_symlink_into_the_dataset_is_refused(small_dataset, store, tmp_path):
    link = tmp_path / "evidence.csv"
    link.symlink_to(small_dataset / schema.INCIDENTS_FILE)
    before = data_bytes(small_dataset)
    outcome = invoke(
        "adsb", "corroborate", "--store", str(store.root), "-o", str(link),
        "--data-dir", str(small_dataset),
    )  # fmt: skip
    text = assert_refused(outcome, small_dataset, before, "refusing to write over incidents.csv")
    assert "only the dataset commands" in text


def test_corroborate_writes_elsewhere(small_dataset, store, tmp_path):
    out = tmp_path / "evidence.csv"
    outcome = invoke(
        "adsb", "corroborate", "--store", str(store.root), "-o", str(out),
        "--data-dir", str(small_dataset),
    )  # fmt: skip
    assert outcome.exit_code == 0, outcome.output
    assert out.read_text().startswith("id,adsb_level,")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".evidence")]


def test_writers_use_the_one_atomic_write():
    # Every module that writes files goes through tracker.safety: no other temporary files,
    # no other os.replace (the dataset's two-file commit replaces files made by write_temp).
    package = Path(__file__).resolve().parent.parent / "tracker"
    offenders = []
    for path in package.rglob("*.py"):
        text = path.read_text("utf-8")
        rel = path.relative_to(package).as_posix()
        if rel == "safety.py":
            continue
        for needle in ("mkstemp", "NamedTemporaryFile", ".write_text(", ".write_bytes("):
            if needle in text:
                offenders.append(f"{rel}: {needle}")
        if "os.replace(" in text and rel != "dataset.py":
            offenders.append(f"{rel}: os.replace")
    assert offenders == []
