"""The benchmark harness: discover ``bench_*`` functions, run each in a subprocess, report.

See :mod:`benchmarks` for the protocol a benchmark module follows. The harness never imports the
benchmark modules itself (it reads their functions' signatures from the source), so a module that
fails to import, or a benchmark that crashes or hangs, becomes one row marked ``error`` and the run
goes on.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import datetime as dt
import importlib.metadata
import json
import logging
import math
import os
import pathlib
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

from benchmarks import synthetic
from benchmarks._worker import MARKER

__all__ = ["Benchmark", "discover", "run", "render_table", "main"]

logger = logging.getLogger(__name__)

PACKAGE_DIR = pathlib.Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
RESULTS_FILE = PACKAGE_DIR / "RESULTS.md"
DOCS_FILE = REPO_DIR / "docs" / "performance.md"
DOCS_START, DOCS_END = "<!-- results:start -->", "<!-- results:end -->"

#: Modules other areas are expected to contribute; listed as "not available" while absent.
EXPECTED_MODULES = (
    "bench_load",
    "bench_views",
    "bench_server",
    "bench_geocode",
    "bench_ingest",
    "bench_export",
    "bench_adsb",
    "bench_peers",
)
#: Arguments that make a benchmark run once per dataset size.
SIZED_ARGS = frozenset({"data_dir", "size"})
KNOWN_ARGS = SIZED_ARGS | {"repeat", "work_dir"}
#: Default per-benchmark wall-clock limit, seconds.
TIMEOUT = 1200.0
VERSIONS_OF = (
    "pandas",
    "numpy",
    "pyarrow",
    "plotly",
    "dash",
    "flask",
    "kaleido",
    "geopy",
    "h3",
    "psutil",
)


@dataclass(frozen=True)
class Benchmark:
    """One ``bench_*`` function found in a module."""

    module: str
    function: str
    args: tuple[str, ...]
    sizes: tuple[int, ...] | None = None
    #: Arguments without a default value (the harness must be able to supply them).
    required: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.module}.{self.function}"

    @property
    def sized(self) -> bool:
        return bool(SIZED_ARGS & set(self.args))


@dataclass
class Row:
    """One line of the results table."""

    benchmark: str
    operation: str
    size: int | None
    data: dict = field(default_factory=dict)


def discover(folder: pathlib.Path = PACKAGE_DIR) -> list[Benchmark]:
    """Every ``bench_*`` function of every ``bench_*.py`` module in ``folder``, in file order."""
    found = []
    # Known modules in a reading order (data, dashboard, then the other areas), others after.
    order = {name: i for i, name in enumerate(EXPECTED_MODULES)}
    paths = sorted(folder.glob("bench_*.py"), key=lambda p: (order.get(p.stem, len(order)), p.stem))
    for path in paths:
        try:
            tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        except (SyntaxError, UnicodeDecodeError) as err:
            logger.warning("cannot parse %s: %s", path, err)
            found.append(Benchmark(path.stem, "<module>", ()))
            continue
        sizes = None
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "SIZES"
            ):
                with contextlib.suppress(ValueError):
                    sizes = tuple(int(s) for s in ast.literal_eval(node.value))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("bench_"):
                a = node.args
                positional = [x.arg for x in (*a.posonlyargs, *a.args)]
                names = positional + [x.arg for x in a.kwonlyargs]
                required = positional[: len(positional) - len(a.defaults)] + [
                    x.arg for x, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d is None
                ]
                found.append(Benchmark(path.stem, node.name, tuple(names), sizes, tuple(required)))
    return found


def parse_size(text: str) -> int:
    """``"10k"`` -> 10000, ``"1M"`` -> 1000000, ``"2500"`` -> 2500."""
    text = text.strip().lower().replace("_", "")
    factor = 1
    if text.endswith("k"):
        factor, text = 1_000, text[:-1]
    elif text.endswith("m"):
        factor, text = 1_000_000, text[:-1]
    value = float(text) * factor
    if value < 1 or value != int(value):
        raise argparse.ArgumentTypeError(f"not a dataset size: {text!r}")
    return int(value)


def size_label(size: int | None) -> str:
    if size is None:
        return ""
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1_000 and size % 1_000 == 0:
        return f"{size // 1_000}k"
    return str(size)


def _run_one(bench: Benchmark, kwargs: dict, *, timeout: float, log_file) -> list[dict]:
    """Run ``bench`` in a fresh interpreter; return its rows (an ``error`` row on failure)."""
    spec = json.dumps({"module": bench.module, "function": bench.function, "kwargs": kwargs})
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(REPO_DIR), os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    start = time.perf_counter()
    # A new session, so a timeout can stop the benchmark and any server it started, and nothing
    # else.
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._worker", spec],
        cwd=REPO_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        log_file.write(f"\n=== {bench.name} {kwargs} (timeout)\n{err}\n")
        return [{"operation": bench.function, "error": f"timed out after {timeout:g} s"}]
    finally:
        # Anything the benchmark left running in its session (a server it forgot) goes too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    log_file.write(f"\n=== {bench.name} {kwargs} ({time.perf_counter() - start:.1f} s)\n{err}\n")
    log_file.flush()
    for line in reversed(out.splitlines()):
        if line.startswith(MARKER):
            return json.loads(line[len(MARKER) :])
    last = (err.strip().splitlines() or ["no output"])[-1]
    return [{"operation": bench.function, "error": f"exit {proc.returncode}: {last[:200]}"}]


def run(
    benchmarks: list[Benchmark],
    *,
    sizes: tuple[int, ...],
    repeat: int,
    data_root: pathlib.Path,
    timeout: float = TIMEOUT,
    log_path: pathlib.Path | None = None,
    progress=print,
) -> list[Row]:
    """Run every benchmark (sized ones at every size) and return the table rows."""
    rows: list[Row] = []
    datasets: dict[int, pathlib.Path] = {}
    log_path = log_path or data_root / "benchmarks.log"
    with open(log_path, "a", encoding="utf-8") as log_file:
        for bench in benchmarks:
            if bench.function == "<module>":
                rows.append(Row(bench.name, bench.module, None, {"error": "module does not parse"}))
                continue
            # Arguments the harness does not know keep their defaults; without one it cannot run.
            unknown = [a for a in bench.required if a not in KNOWN_ARGS]
            if unknown:
                rows.append(
                    Row(bench.name, bench.function, None, {"error": f"unknown arguments {unknown}"})
                )
                continue
            bench_sizes = [s for s in sizes if bench.sizes is None or s in bench.sizes]
            for size in bench_sizes if bench.sized else [None]:
                kwargs: dict = {}
                if size is not None:
                    if size not in datasets:
                        progress(f"  generating {size:,} synthetic incidents ...")
                        datasets[size] = synthetic.cached(size, data_root)
                    if "data_dir" in bench.args:
                        kwargs["data_dir"] = str(datasets[size])
                    if "size" in bench.args:
                        kwargs["size"] = size
                if "repeat" in bench.args:
                    kwargs["repeat"] = repeat if (size or 0) < 1_000_000 else max(1, min(repeat, 3))
                if "work_dir" in bench.args:
                    work = pathlib.Path(
                        tempfile.mkdtemp(prefix=f"{bench.function}-", dir=data_root)
                    )
                    kwargs["work_dir"] = str(work)
                progress(f"  {bench.name}" + (f" @ {size_label(size)}" if size else "") + " ...")
                started = time.perf_counter()
                results = _run_one(bench, kwargs, timeout=timeout, log_file=log_file)
                if "work_dir" in kwargs:
                    shutil.rmtree(kwargs["work_dir"], ignore_errors=True)
                for result in results:
                    row_size = result.get("size", size)
                    rows.append(
                        Row(
                            bench.name,
                            str(result.get("operation", bench.function)),
                            row_size,
                            result,
                        )
                    )
                    progress("    " + _one_line(rows[-1]))
                logger.debug("%s took %.1f s", bench.name, time.perf_counter() - started)
    return rows


# --- formatting --------------------------------------------------------------------------------


def _median(row: Row) -> float | None:
    data = row.data
    if data.get("seconds") is not None:
        return float(data["seconds"])
    runs = data.get("runs")
    if runs:
        return statistics.median(runs)
    return None


def _figure(row: Row) -> float | None:
    """The number compared across sizes: the median time, else the value."""
    seconds = _median(row)
    if seconds is not None:
        return seconds
    value = row.data.get("value")
    return float(value) if isinstance(value, (int, float)) else None


def format_seconds(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.0f} ms" if seconds >= 0.01 else f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def format_value(value: float, unit: str) -> str:
    if unit == "bytes":
        if value >= 1e6:
            return f"{value / 1e6:.2f} MB"
        if value >= 1e3:
            return f"{value / 1e3:.0f} kB"
        return f"{value:.0f} B"
    if unit == "MB":
        return f"{value:.0f} MB"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}".strip()
    return f"{value:.3g} {unit}".strip()


def _median_text(row: Row) -> str:
    data = row.data
    if "error" in data:
        return "error"
    if data.get("not_available"):
        return "not available"
    seconds = _median(row)
    if seconds is not None:
        return format_seconds(seconds)
    if data.get("value") is not None:
        return format_value(float(data["value"]), str(data.get("unit", "")))
    return "-"


def _ratio(row: Row) -> float | None:
    seconds, floor = _median(row), row.data.get("floor_seconds")
    if seconds is None or not floor:
        return None
    return seconds / float(floor)


def _ratio_text(row: Row) -> str:
    """Wall-clock ratio to the floor, and the CPU-time ratio when both CPU times are known."""
    ratio = _ratio(row)
    if ratio is None:
        return ""
    cpu, floor_cpu = row.data.get("cpu_seconds"), row.data.get("floor_cpu_seconds")
    if isinstance(cpu, (int, float)) and isinstance(floor_cpu, (int, float)) and floor_cpu > 0:
        return f"{ratio:.2f} (CPU {cpu / floor_cpu:.2f})"
    return f"{ratio:.2f}"


def _cpu(row: Row) -> str:
    """Median CPU seconds (of this process, or of the server where the row says so)."""
    cpu = row.data.get("cpu_seconds")
    if not isinstance(cpu, (int, float)):
        return ""
    return format_seconds(float(cpu))


def _rss(row: Row) -> str:
    data = row.data
    values = [data.get(k) for k in ("rss_mb", "process_rss_mb")]
    values = [v for v in values if isinstance(v, (int, float))]
    if not values:
        return ""
    if data.get("rss_mb") is not None:
        return f"{data['rss_mb']:.0f} MB" + (
            f" ({data.get('rss_label')})" if data.get("rss_label") else ""
        )
    return f"{values[0]:.0f} MB"


def growth(rows: list[Row]) -> dict[int, str]:
    """``time(size) / time(previous size)`` for each operation measured at several sizes.

    Keys are ``id(row)``. The exponent ``log(ratio) / log(size ratio)`` is shown too: 1.0 means
    cost grows linearly with the number of incidents, 0 means it does not grow, 2 quadratically.
    """
    by_op: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        if row.size and _figure(row) is not None:
            by_op.setdefault((row.benchmark, row.operation), []).append(row)
    out: dict[int, str] = {}
    for series in by_op.values():
        series.sort(key=lambda r: r.size)
        for prev, cur in zip(series, series[1:], strict=False):
            a, b = _figure(prev), _figure(cur)
            if not a or not b or cur.size == prev.size:
                continue
            ratio = b / a
            exponent = math.log(ratio) / math.log(cur.size / prev.size) if ratio > 0 else 0.0
            out[id(cur)] = f"×{ratio:.1f} (k={exponent:.2f})"
    return out


def _one_line(row: Row) -> str:
    extra = f" [{row.data['error']}]" if "error" in row.data else ""
    ratio = _ratio(row)
    ratio_text = f", ratio {ratio:.2f}" if ratio is not None else ""
    size = f" @ {size_label(row.size)}" if row.size else ""
    return f"{row.operation}{size}: {_median_text(row)}{ratio_text}{extra}"


def render_table(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    grow = growth(rows)
    lines = [
        "| Operation | Size | Median | CPU | Floor | Ratio | Growth | Goal | Pass | Peak RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---|:-:|---:|",
    ]
    for row in rows:
        data = row.data
        floor = data.get("floor_seconds")
        floor_text = format_seconds(float(floor)) if floor else ""
        if floor and data.get("floor"):
            floor_text += f" ({data['floor']})"
        ok = data.get("ok")
        verdict = "" if ok is None else ("pass" if ok else "**FAIL**")
        if "error" in data:
            verdict = "error"
        median = _median_text(row)
        note = data.get("error") or data.get("note") or ""
        operation = row.operation + (f" — {_escape(note)}" if note else "")
        lines.append(
            f"| {_escape(operation)} | {size_label(row.size)} | {median} | {_cpu(row)} | "
            f"{_escape(floor_text)} | "
            f"{_ratio_text(row)} | {grow.get(id(row), '')} | "
            f"{_escape(str(data.get('goal', '')))} | {verdict} | {_rss(row)} |"
        )
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def machine() -> dict:
    """What the numbers were measured on."""
    model = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    versions = {}
    for name in VERSIONS_OF:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": model,
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
        "load_average": load,
    }


def render_results(
    rows: list[Row],
    *,
    info: dict,
    command: str,
    started: str,
    finished: str,
    load_after,
    missing: list[str],
    updates: list[str] = (),
) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in info["versions"].items())
    load_before = info.get("load_average")

    def fmt_load(la) -> str:
        return ", ".join(f"{x:.2f}" for x in la) if la else "n/a"

    parts = [
        "# Benchmark results",
        "",
        f"Measured {started} – {finished} UTC with `{command}`.",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu_model']} × {info['cpu_count']} logical CPUs; memory {info['memory']}",
        f"- OS: {info['os']}",
        f"- Python {info['python']}; {versions}",
        f"- Load average (1, 5, 15 min) before: {fmt_load(load_before)}; after: "
        f"{fmt_load(load_after)}"
        " — the machine was shared, so absolute times are noisy; ratios to a floor measured in the"
        " same process, interleaved run by run, are the stable figures.",
        "",
        "## Results",
        "",
        "Median of several runs (5 below 1M incidents, 3 at 1M). *Floor*: the irreducible baseline"
        " measured in the same run; *Ratio* = median / floor (and CPU time / floor's CPU time; in"
        " pandas 3 the floor's `read_csv` reads a large file with two threads, as the loader does,"
        " so on this 2-core machine the two ratios agree). *CPU*: median CPU seconds of the"
        " measured process (the server's for dashboard rows), much steadier than wall time on a"
        " busy machine. *Growth*: this size's figure divided"
        " by the previous size's (sizes grow ×10, so ×10 with k=1.00 is linear; k is the exponent"
        " of the power law). *Peak RSS*: the benchmark subprocess's peak resident memory, or the"
        " server process's where noted.",
        "",
        render_table(rows),
    ]
    if updates:
        parts += [
            "",
            "Rows re-measured since, merged into this table (other rows are from the run above):",
            "",
            *[f"- {u}" for u in updates],
            "",
        ]
    if missing:
        parts += [
            "",
            "Not available yet (module absent): " + ", ".join(f"`{m}`" for m in missing),
            "",
        ]
    parts += ["", "See `docs/performance.md` for how to reproduce and read these numbers.", ""]
    return "\n".join(parts)


def _merge(
    path: pathlib.Path,
    rows: list[Row],
    *,
    ran: set[str],
    sizes: tuple[int, ...],
    note: str,
    started: str,
    command: str,
):
    """Replace, in the saved results, the rows of the benchmarks (and sizes) just re-run."""
    try:
        saved = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return rows, [], started, command
    merged: list[Row] = []
    placed: set[str] = set()
    for item in saved.get("rows", []):
        item = dict(item)
        row = Row(item.pop("benchmark"), item.pop("operation"), item.pop("size"), item)
        new_sizes = {r.size for r in rows if r.benchmark == row.benchmark}
        rerun = row.benchmark in ran and (
            row.size is None or row.size in sizes or row.size in new_sizes
        )
        if not rerun:
            merged.append(row)
        elif row.benchmark not in placed:
            # The new rows take the place of the old ones, so the table keeps its order.
            placed.add(row.benchmark)
            merged.extend(r for r in rows if r.benchmark == row.benchmark)
    merged.extend(r for r in rows if r.benchmark not in placed)
    updates = [*saved.get("updates", []), note]
    return merged, updates, saved.get("started", started), saved.get("command", command)


def ordered(rows: list[Row]) -> list[Row]:
    """Rows grouped by benchmark, then operation (in first-seen order), then size.

    The harness runs every size of one function before the next function, and a function returns
    several operations; grouping puts the sizes of one operation together, next to their growth.
    """
    bench_rank: dict[str, int] = {}
    op_rank: dict[tuple[str, str], int] = {}
    for row in rows:
        bench_rank.setdefault(row.benchmark, len(bench_rank))
        op_rank.setdefault((row.benchmark, row.operation), len(op_rank))
    return sorted(
        rows,
        key=lambda r: (bench_rank[r.benchmark], op_rank[(r.benchmark, r.operation)], r.size or 0),
    )


def _render_saved(output: pathlib.Path) -> int:
    """Rewrite ``output`` (and the docs table) from ``output``'s JSON twin."""
    saved = json.loads(output.with_suffix(".json").read_text("utf-8"))
    rows = []
    for item in saved["rows"]:
        item = dict(item)
        rows.append(Row(item.pop("benchmark"), item.pop("operation"), item.pop("size"), item))
    rows = ordered(rows)
    missing = [r.benchmark for r in rows if r.data.get("not_available")]
    output.write_text(
        render_results(
            rows,
            info=saved["machine"],
            command=saved["command"],
            started=saved["started"],
            finished=saved["finished"],
            load_after=saved.get("load_after"),
            missing=missing,
            updates=saved.get("updates", []),
        ),
        encoding="utf-8",
    )
    if output == RESULTS_FILE:
        _update_docs(
            rows, info=saved["machine"], command=saved["command"], finished=saved["finished"]
        )
    print(render_table(rows))
    return 0


def _update_docs(rows: list[Row], *, info: dict, command: str, finished: str) -> bool:
    """Replace the table between the markers of ``docs/performance.md``; False if no markers."""
    try:
        text = DOCS_FILE.read_text("utf-8")
    except OSError:
        return False
    start, end = text.find(DOCS_START), text.find(DOCS_END)
    if start < 0 or end < start:
        return False
    body = (
        f"\nMeasured {finished} UTC with `{command}` on {info['cpu_count']} × {info['cpu_model']}"
        f" (Python {info['python']}, pandas {info['versions'].get('pandas')}); full details in"
        " [`benchmarks/RESULTS.md`](../benchmarks/RESULTS.md).\n\n" + render_table(rows) + "\n"
    )
    DOCS_FILE.write_text(text[: start + len(DOCS_START)] + body + text[end:], encoding="utf-8")
    return True


def merges(args: argparse.Namespace) -> bool:
    """Does this run update only its own rows of the results file? With ``--merge``, and for a
    run of some benchmarks (``--only``) written to the shared results file: a partial run must
    not replace the whole table with its few rows."""
    return bool(args.merge or (args.only and args.output == RESULTS_FILE and not args.no_write))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure every performance goal on synthetic data and write "
        "benchmarks/RESULTS.md.",
    )
    parser.add_argument("--quick", action="store_true", help="skip the 1M size")
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=parse_size,
        metavar="N",
        help="dataset sizes, e.g. 10k 100k 1M (default: 10k 100k 1M)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only benchmarks whose module.function contains NAME (repeatable)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument(
        "--data-dir",
        type=pathlib.Path,
        metavar="DIR",
        help="keep generated datasets in DIR and reuse them (default: a temporary "
        "folder, deleted afterwards)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT,
        help=f"seconds before one benchmark is stopped (default {TIMEOUT:g})",
    )
    parser.add_argument(
        "--output",
        type=pathlib.Path,
        default=RESULTS_FILE,
        help="Markdown file to write (default benchmarks/RESULTS.md)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only; write no files")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="rewrite the Markdown (and docs table) from the saved JSON",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="update only the re-run benchmarks' rows in the existing results (the default "
        "with --only and the default --output)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 if a goal is missed or a benchmark fails"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.render_only:
        return _render_saved(args.output)
    sizes = tuple(args.sizes or synthetic.SIZES)
    if args.quick:
        sizes = tuple(s for s in sizes if s < 1_000_000)
    benches = discover()
    if args.only:
        benches = [b for b in benches if any(o in b.name for o in args.only)]
    present = {b.module for b in discover()}
    missing = [m for m in EXPECTED_MODULES if m not in present]
    if args.list:
        for b in benches:
            print(f"{b.name}({', '.join(b.args)})" + (" [per size]" if b.sized else ""))
        for m in missing:
            print(f"{m}: not available")
        return 0
    if not benches:
        print("no benchmark matches", args.only, file=sys.stderr)
        return 2

    info = machine()
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    command = "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
    print(
        f"{len(benches)} benchmarks at sizes {', '.join(size_label(s) for s in sizes)}; "
        f"{info['cpu_count']} CPUs, load {info['load_average']}",
        flush=True,
    )
    temp = None
    if args.data_dir:
        data_root = args.data_dir.resolve()
        data_root.mkdir(parents=True, exist_ok=True)
    else:
        temp = tempfile.mkdtemp(prefix="gnss-bench-")
        data_root = pathlib.Path(temp)
    log_path = data_root / "benchmarks.log"
    try:
        rows = run(
            benches,
            sizes=sizes,
            repeat=args.repeat,
            data_root=data_root,
            timeout=args.timeout,
            log_path=log_path,
            progress=lambda m: print(m, flush=True),
        )
        if temp and any("error" in r.data for r in rows):
            kept = pathlib.Path(tempfile.gettempdir()) / "gnss-bench-last.log"
            shutil.copyfile(log_path, kept)
            print(f"benchmark stderr kept in {kept}")
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    for m in [] if args.only else missing:
        rows.append(
            Row(
                m,
                m.removeprefix("bench_"),
                None,
                {"not_available": True, "note": "module not available"},
            )
        )
    finished = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    updates: list[str] = []
    if merges(args):
        rows, updates, started, command = _merge(
            args.output.with_suffix(".json"),
            rows,
            ran={b.name for b in benches},
            sizes=sizes,
            note=f"{finished} UTC: `{command}`",
            started=started,
            command=command,
        )
    rows = ordered(rows)
    table = render_table(rows)
    print()
    print(table)
    if not args.no_write:
        text = render_results(
            rows,
            info=info,
            command=command,
            started=started,
            finished=finished,
            load_after=os.getloadavg(),
            missing=missing,
            updates=updates,
        )
        args.output.write_text(text, encoding="utf-8")
        payload = {
            "machine": info,
            "command": command,
            "started": started,
            "finished": finished,
            "load_after": os.getloadavg(),
            "updates": updates,
            "rows": [
                {"benchmark": r.benchmark, "operation": r.operation, "size": r.size, **r.data}
                for r in rows
            ],
        }
        args.output.with_suffix(".json").write_text(
            json.dumps(payload, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {args.output} and {args.output.with_suffix('.json').name}")
        if args.output == RESULTS_FILE and _update_docs(
            rows, info=info, command=command, finished=finished
        ):
            print(f"updated the results in {DOCS_FILE.relative_to(REPO_DIR)}")
    failed = [r for r in rows if r.data.get("ok") is False]
    errors = [r for r in rows if "error" in r.data]
    print(f"{len(failed)} goal(s) missed, {len(errors)} benchmark error(s)")
    # Missed goals are findings, not failures of the command; --strict makes them fail (for CI).
    return 1 if args.strict and (failed or errors) else 0
