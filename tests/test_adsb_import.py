"""GPSJam import, store and summary: synthetic files only (GPSJam's real files carry no licence)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from benchmarks.adsb_synthetic import write_gpsjam_files
from tracker.adsb.gpsjam import import_gpsjam, read_daily_file
from tracker.adsb.levels import Thresholds, share
from tracker.adsb.store import LayerStore, default_store_dir
from tracker.cli import main
from tracker.errors import InputError

DAYS = [dt.date(2023, 9, 1), dt.date(2023, 9, 2), dt.date(2023, 9, 3)]


def independent_counts(
    path: Path, medium: float = 0.02, high: float = 0.10
) -> tuple[int, int, int]:
    """GPSJam's formula, written out plainly with the csv module: (hexes, medium, high)."""
    opener = gzip.open if path.suffix == ".gz" else open
    hexes = med = hi = 0
    with opener(path, "rt", newline="") as f:
        for row in csv.DictReader(f):
            good, bad = int(row["count_good_aircraft"]), int(row["count_bad_aircraft"])
            hexes += 1
            pct = 100.0 * (bad - 1) / (good + bad) if good + bad else float("-inf")
            if pct >= high * 100:
                hi += 1
            elif pct >= medium * 100:
                med += 1
    return hexes, med, hi


@pytest.fixture
def gpsjam_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gpsjam"
    write_gpsjam_files(folder, DAYS[:2], n_hexes=300, gz=True, suspect={DAYS[1]})
    write_gpsjam_files(folder / "plain", DAYS[2:], n_hexes=250, gz=False, seed=7)
    return folder


def store_bytes(root: Path) -> dict[str, bytes]:
    """The store's files; a rollup by its rows (it also records the day files' times)."""
    out = {}
    for p in sorted(root.rglob("*")):
        if not p.is_file() or p.name == ".lock":
            continue
        if p.parent.name == "rollup":
            out[str(p.relative_to(root))] = pq.read_table(p).replace_schema_metadata(None)
        else:
            out[str(p.relative_to(root))] = p.read_bytes()
    return out


def test_summary_matches_independent_formula_gzip_and_plain(gpsjam_dir: Path, tmp_path: Path):
    store = LayerStore(tmp_path / "store")
    files = sorted(gpsjam_dir.glob("*-h3_4.csv.gz")) + sorted(
        (gpsjam_dir / "plain").glob("*-h3_4.csv")
    )
    result = import_gpsjam(files + [gpsjam_dir / "manifest.csv"], store=store)
    assert sorted(result.days) == DAYS
    summary = store.summary().set_index("date")
    for path in files:
        day = dt.date.fromisoformat(path.name[:10])
        hexes, med, hi = independent_counts(path)
        row = summary.loc[str(day)]
        assert (row["hexes"], row["medium"], row["high"]) == (hexes, med, hi)
        assert med > 0 and hi > 0  # the fixture exercises every level


def test_thresholds_are_configurable(gpsjam_dir: Path, tmp_path: Path):
    store = LayerStore(tmp_path / "store")
    import_gpsjam([gpsjam_dir], store=store)
    summary = store.summary(thresholds=Thresholds(medium=0.05, high=0.2)).set_index("date")
    path = sorted(gpsjam_dir.glob("*-h3_4.csv.gz"))[0]
    _, med, hi = independent_counts(path, medium=0.05, high=0.2)
    row = summary.loc[str(DAYS[0])]
    assert (row["medium"], row["high"]) == (med, hi)


def test_exact_threshold_shares_are_inclusive():
    # (bad - 1) / (good + bad): 1/50 is exactly 2 %, 4/50 below 10 %, 1/10 exactly 10 %.
    assert share(48, 2) == pytest.approx(0.02)
    from tracker.adsb.levels import classify

    assert classify([share(48, 2), share(9, 1), share(0, 1), share(1, 0)]).tolist() == [1, 0, 0, 0]
    assert classify([share(8, 2)]).tolist() == [2]


def test_manifest_suspect_days(gpsjam_dir: Path, tmp_path: Path):
    store = LayerStore(tmp_path / "store")
    import_gpsjam([gpsjam_dir], store=store)
    summary = store.summary().set_index("date")
    assert bool(summary.loc[str(DAYS[1]), "suspect"]) is True
    assert bool(summary.loc[str(DAYS[0]), "suspect"]) is False
    # The plain folder was not given: its day is absent, and so is its suspect flag.
    assert str(DAYS[2]) not in summary.index
    assert store.suspect_days() == {DAYS[1]}


def test_reimport_is_idempotent_and_replaces_a_day(gpsjam_dir: Path, tmp_path: Path):
    store = LayerStore(tmp_path / "store")
    import_gpsjam([gpsjam_dir], store=store)
    first = store_bytes(store.root)
    import_gpsjam([gpsjam_dir], store=store)
    assert store_bytes(store.root) == first
    # A new version of day 1 replaces the old one entirely.
    other = tmp_path / "other"
    write_gpsjam_files(other, DAYS[:1], n_hexes=40, seed=99)
    (other / "manifest.csv").unlink()
    import_gpsjam([other], store=store)
    assert len(store.read_day(DAYS[0])) == 40
    assert len(store.read_day(DAYS[1])) == 300


def test_read_returns_a_date_column_and_filters(gpsjam_dir: Path, tmp_path: Path):
    store = LayerStore(tmp_path / "store")
    import_gpsjam([gpsjam_dir], store=store)
    frame = store.read(start=DAYS[1], end=DAYS[1])
    assert set(frame["date"].dt.date) == {DAYS[1]}
    some = frame["hex"].iloc[:3].tolist()
    assert sorted(store.read(hexes=some)["hex"].unique()) == sorted(
        set(some) & set(store.read()["hex"])
    )


BAD_CASES = [
    ("hex,good,bad\n8400c99ffffffff,1,0\n", "line 1: header is"),
    (
        "hex,count_good_aircraft,count_bad_aircraft\n8400c99ffffffff,1,0\n8400c9dffffffff,x,0\n",
        "line 3, field count_good_aircraft: 'x' is not a non-negative whole number",
    ),
    (
        "hex,count_good_aircraft,count_bad_aircraft\n8400c99ffffffff,1,-2\n",
        "line 2, field count_bad_aircraft: '-2'",
    ),
    (
        "hex,count_good_aircraft,count_bad_aircraft\nzz00c99ffffffff,1,0\n",
        "line 2, field hex: 'zz00c99ffffffff' is not an H3 cell id",
    ),
    (
        "hex,count_good_aircraft,count_bad_aircraft\n8500c99ffffffff,1,0\n",
        "line 2, field hex: '8500c99ffffffff' is not a valid H3 resolution-4 cell",
    ),
    (
        "hex,count_good_aircraft,count_bad_aircraft\n8400c99ffffffff,1,0\n8400c99ffffffff,2,0\n",
        "line 3, field hex: cell 8400c99ffffffff repeats line 2",
    ),
    (
        "hex,count_good_aircraft,count_bad_aircraft\n8400c99ffffffff,1\n",
        "line 2: 2 fields; expected 3",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_CASES)
def test_bad_daily_file_names_file_and_line_and_leaves_store_unchanged(
    gpsjam_dir: Path, tmp_path: Path, text: str, message: str
):
    store = LayerStore(tmp_path / "store")
    import_gpsjam([gpsjam_dir], store=store)
    before = store_bytes(store.root)
    bad = tmp_path / "bad" / "2023-09-05-h3_4.csv"
    bad.parent.mkdir()
    bad.write_text(text)
    with pytest.raises(InputError) as err:
        import_gpsjam([gpsjam_dir / "plain", bad], store=store)
    assert str(bad) in str(err.value) and message in str(err.value)
    assert store_bytes(store.root) == before


def test_bad_gzip_and_bad_names(tmp_path: Path):
    broken = tmp_path / "2023-09-05-h3_4.csv.gz"
    broken.write_bytes(gzip.compress(b"hex,count_good_aircraft,count_bad_aircraft\n")[:-6])
    with pytest.raises(InputError, match="damaged gzip"):
        read_daily_file(broken)
    fake = tmp_path / "2023-09-06-h3_4.csv.gz"
    fake.write_text("hex,count_good_aircraft,count_bad_aircraft\n")
    with pytest.raises(InputError, match="not gzip-compressed"):
        read_daily_file(fake)
    other = tmp_path / "notes.csv"
    other.write_text("a,b\n")
    with pytest.raises(InputError, match="not a GPSJam file"):
        import_gpsjam([other], store=LayerStore(tmp_path / "s"))
    with pytest.raises(InputError, match="no such file"):
        import_gpsjam([tmp_path / "missing"], store=LayerStore(tmp_path / "s"))


def test_bad_manifest_line(tmp_path: Path):
    folder = tmp_path / "g"
    write_gpsjam_files(folder, DAYS[:1], n_hexes=10)
    (folder / "manifest.csv").write_text(
        "date,suspect,num_bad_aircraft_hexes\n2023-09-01,maybe,3\n"
    )
    with pytest.raises(InputError, match=r"manifest.csv, line 2, field suspect: 'maybe'"):
        import_gpsjam([folder], store=LayerStore(tmp_path / "s"))
    assert not (tmp_path / "s").exists()


def test_default_store_honours_environment(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("GNSS_TRACKER_ADSB_STORE", str(tmp_path / "elsewhere"))
    assert default_store_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("GNSS_TRACKER_ADSB_STORE")
    assert default_store_dir().name == ".adsb-store"


def test_cli_import_and_summary(gpsjam_dir: Path, tmp_path: Path):
    runner = CliRunner()
    store = tmp_path / "store"
    result = runner.invoke(main, ["adsb", "import", str(gpsjam_dir), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "imported 2 days (600 hexes) and 2 manifest rows" in result.output
    result = runner.invoke(main, ["adsb", "summary", "--store", str(store), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    hexes, med, hi = independent_counts(sorted(gpsjam_dir.glob("*.gz"))[0])
    assert rows[0] == {
        "date": "2023-09-01",
        "hexes": hexes,
        "medium": med,
        "high": hi,
        "suspect": False,
        "source": "gpsjam",
    }
    table = runner.invoke(main, ["adsb", "summary", "--store", str(store)])
    assert table.exit_code == 0 and "2023-09-02" in table.output and "yes" in table.output


def test_cli_bad_file_is_a_clean_error(tmp_path: Path):
    bad = tmp_path / "2023-09-05-h3_4.csv"
    bad.write_text("hex,count_good_aircraft,count_bad_aircraft\n8400c99ffffffff,1,zz\n")
    result = CliRunner().invoke(main, ["adsb", "import", str(bad), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"Error: {bad}, line 2, field count_bad_aircraft" in result.output
    assert not (tmp_path / "s" / "layer").exists()


def test_cli_rejects_inverted_thresholds(tmp_path: Path):
    result = CliRunner().invoke(
        main, ["adsb", "summary", "--store", str(tmp_path), "--medium", "12", "--high", "10"]
    )
    assert result.exit_code == 2
    assert "must be below --high" in result.output
