"""Peers side by side, in the same run: each of our operations next to another tool or a floor.

* ``gnss-tracker validate`` against ``frictionless validate`` of the same data package (the
  published ``data/datapackage.json`` next to the synthetic files), both as whole processes:
  wall time, CPU time and peak memory, alternated run by run, at 100k incidents.
* the offline geocoder on never-seen queries against a plain dictionary lookup of the same
  strings (the floor: what answering from a ready table costs in Python).
* ingestion of report files against only reading the same files from disk (the floor).
"""

from __future__ import annotations

import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.timing import interleaved, result
from tracker import schema

__all__ = ["bench_validate_vs_frictionless", "bench_geocode_vs_dict", "bench_ingest_vs_reading"]

#: The peer comparison of validators runs at this size only (frictionless takes minutes at 1M).
SIZES = (100_000,)

REPO_DIR = pathlib.Path(__file__).resolve().parent.parent
DESCRIPTOR = REPO_DIR / "data" / "datapackage.json"


def _whole_process(command: list[str], cwd: pathlib.Path) -> tuple[float, float, float, int]:
    """Run ``command``; return wall seconds, CPU seconds, peak RSS in MB and the exit code.

    ``os.wait4`` gives the resource usage of this one child (``RUSAGE_CHILDREN`` would mix in
    every earlier child).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0,):
            err.seek(0)
            out.seek(0)
            tail = (out.read()[-400:] + err.read()[-400:]).decode("utf-8", "replace")
            raise RuntimeError(f"{command[0]} exited {proc.returncode}: {tail}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def bench_validate_vs_frictionless(
    *, data_dir: str, size: int, work_dir: str, repeat: int = 3
) -> list[dict]:
    """Both validators as whole processes on the same files, alternated run by run."""
    frictionless = shutil.which("frictionless", path=os.path.dirname(sys.executable))
    tracker = shutil.which("gnss-tracker", path=os.path.dirname(sys.executable))
    if frictionless is None or tracker is None:
        raise RuntimeError("install the test extra (frictionless, gnss-tracker) into this venv")
    # frictionless reads the package descriptor and resolves the files next to it.
    package = pathlib.Path(work_dir) / "package"
    package.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DESCRIPTOR, package / "datapackage.json")
    for name in ("incidents.csv", "sources.csv"):
        (package / name).symlink_to(pathlib.Path(data_dir).resolve() / name)
    # The descriptor lists figures.csv too; our validator accepts a folder without one (as the
    # synthetic folders are), frictionless needs the file: give it the header only, no rows.
    figures = pathlib.Path(data_dir) / schema.FIGURES_FILE
    if figures.is_file():
        (package / schema.FIGURES_FILE).symlink_to(figures.resolve())
    else:
        header = ",".join(schema.FIGURE_COLUMNS) + "\n"
        (package / schema.FIGURES_FILE).write_text(header, encoding="utf-8")
    commands = {
        "ours": [tracker, "validate", "--data-dir", str(pathlib.Path(data_dir).resolve())],
        "frictionless": [frictionless, "validate", "datapackage.json"],
    }
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(max(1, repeat)):
        for name, command in commands.items():
            wall, cpu, rss, _ = _whole_process(command, package)
            runs[name].append((wall, cpu, rss))
    rows = []
    medians = {
        name: tuple(statistics.median(r[i] for r in values) for i in range(3))
        for name, values in runs.items()
    }
    ours, peer = medians["ours"], medians["frictionless"]
    labels = {
        "ours": "validate, whole process: gnss-tracker validate",
        "frictionless": "validate, whole process: frictionless validate (same data package)",
    }
    for name, (wall, cpu, rss) in medians.items():
        note = (
            f"{peer[0] / ours[0]:.1f}× faster than frictionless in wall time, "
            f"{peer[1] / max(ours[1], 1e-9):.1f}× in CPU; peak memory {ours[2]:.0f} MB "
            f"against {peer[2]:.0f} MB"
            if name == "ours"
            else "peer: frictionless-py, every rule the descriptor states (types, constraints, "
            "primary and foreign keys)"
        )
        rows.append(
            {
                "operation": labels[name],
                "seconds": wall,
                "runs": [r[0] for r in runs[name]],
                "cpu_seconds": cpu,
                "rss_mb": rss,
                "size": size,
                "note": note,
            }
        )
    return rows


def bench_geocode_vs_dict(repeat: int = 3) -> dict:
    """The offline geocoder on never-seen queries against a dictionary lookup of the same strings.

    The geocoder's answer cache is off, so every query is resolved from the index. The floor is a
    Python ``dict`` holding every query's answer, looked up by the normalised query string: the
    least any geocoder written in Python can cost per query.
    """
    from benchmarks.bench_geocode import geocode_queries
    from tracker.geocode import OfflineGeocoder

    queries = geocode_queries()
    geocoder = OfflineGeocoder(cache_size=0)
    table = {q.casefold().strip(): geocoder.geocode(q) for q in queries}  # warm-up pass too

    def geocode() -> None:
        for query in queries:
            geocoder.geocode(query)

    def lookup() -> None:
        for query in queries:
            table.get(query.casefold().strip())

    runs = interleaved({"floor": lookup, "op": geocode}, repeat=repeat)
    row = result(
        "geocode never-seen queries (answer cache off) vs a dict lookup",
        runs["op"],
        floor_runs=runs["floor"],
        floor="dict lookup",
        size=len(queries),
    )
    rate = len(queries) / row["seconds"]
    row["note"] = f"{rate:,.0f} lookups/s against {len(queries) / row['floor_seconds']:,.0f}/s"
    return row


def bench_ingest_vs_reading(work_dir: str, repeat: int = 3) -> dict:
    """Ingesting 300 report files (read, extract, geocode) against only reading the files."""
    from benchmarks.bench_ingest import synthetic_reports
    from tracker.ingest import extract_candidates, reports_from_bytes

    folder = pathlib.Path(work_dir) / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, (name, data) in enumerate(synthetic_reports(300)):
        path = folder / f"{index:04d}-{name}"
        path.write_bytes(data)
        paths.append(path)

    def read() -> None:
        for path in paths:
            path.read_bytes()

    def ingest() -> None:
        for path in paths:
            for report in reports_from_bytes(path.read_bytes(), name=path.name.split("-", 1)[1]):
                extract_candidates(report)

    ingest()  # builds the gazetteer index outside the timing
    runs = interleaved({"floor": read, "op": ingest}, repeat=repeat)
    row = result(
        "ingest 300 report files vs reading them",
        runs["op"],
        floor_runs=runs["floor"],
        floor="reading the files",
        size=len(paths),
    )
    row["note"] = f"{len(paths) / row['seconds']:,.0f} reports/s"
    return row
