"""Fault injection: SIGKILL real writer processes, fill a real disk; the data is always old or new.

Three kinds of faults, all on real processes and real files:

* **named crash points**: ``TRACKER_CRASH_AT=<point>`` makes the store SIGKILL its own process at
  each step of a commit (after the temporary files, before and after the commit marker, between
  the two file replacements), for each writing command: ``fmt``, ``add`` and ``ingest --apply``.
  After each kill the next reader must find the *exact bytes* of the old dataset or of the new one
  (computed by running the same command without a fault on a copy);
* **random kills**: a writer process loops over ``add`` and ``ingest --apply`` and is SIGKILLed
  after a random delay, over and over; after every kill the dataset validates, both files are
  complete canonical renderings, and every acknowledged write is there;
* **full disk**: the dataset lives on a real 256 KiB tmpfs filled to the brim; ``add`` fails with a
  one-line "No space left on device" error, exit 1, nothing changed, no temporary left behind.
  (Skipped where ``mount`` is not permitted, e.g. unprivileged CI containers.)
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import REPO, assert_refused, data_bytes, invoke, leftovers, make_dataset, run_cli

from tracker import dataset, schema
from tracker.schema import INC

POINTS = ("after-temp", "before-marker", "after-marker", "between-replaces")
#: Crashes before this point leave the old data; from the commit marker on, the new data.
COMMITTED = {
    "after-temp": False,
    "before-marker": False,
    "after-marker": True,
    "between-replaces": True,
}


def _add_args(i: int) -> list[str]:
    """Arguments of the i-th ``add``: a distinct day and place, typed coordinates (no geocoder)."""
    import datetime as dt

    day = (dt.date(2010, 1, 1) + dt.timedelta(days=i)).isoformat()
    return [
        "add", "--date", day, "--location", f"Test Field {i}",
        "--latitude", f"{49 + (i % 7) * 0.5:.1f}", "--longitude", f"{14 + (i % 11) * 0.9:.1f}",
        "--country", "PL", "--region", "Baltic Sea region",
        "--geocode-precision", "exact", "--interference", "jamming", "--confidence", "reported",
        "--summary", f"Synthetic incident number {i} for fault tests.",
        "--url", f"https://example.org/fault/{i}", "--publisher", "Fault Wire", "--yes", "--new",
    ]  # fmt: skip


REPORT = """Published: {published}
URL: https://news.example.org/fault/{i}

Pilots reported GPS jamming near Vilnius

On {day} a Ryanair Boeing 737 approaching Vilnius Airport lost GPS because of jamming.
"""


def _report(folder: Path, i: int) -> Path:
    """The i-th report: Vilnius, every third day from 2018 (never a duplicate of another,
    i < 1000)."""
    import datetime as dt

    day = dt.date(2018, 1, 1) + dt.timedelta(days=3 * i)
    path = folder / f"report-{i}.txt"
    path.write_text(
        REPORT.format(
            published=(day + dt.timedelta(days=1)).isoformat(), i=i, day=f"{day:%-d %B %Y}"
        ),
        "utf-8",
    )
    return path


def _scramble(folder: Path) -> None:
    """Valid but not canonical: rows reversed in both files, so ``fmt`` rewrites both."""
    for name in schema.INCIDENTS_FILE, schema.SOURCES_FILE:
        lines = (folder / name).read_text("utf-8").splitlines(keepends=True)
        (folder / name).write_text("".join(lines[:1] + lines[:0:-1]), "utf-8")


def _command(kind: str, folder: Path, work: Path) -> list[str]:
    if kind == "fmt":
        return ["fmt", "--data-dir", str(folder)]
    if kind == "add":
        return [*_add_args(0), "--data-dir", str(folder)]
    return ["ingest", str(_report(work, 0)), "--apply", "--data-dir", str(folder)]


def _prepare(kind: str, folder: Path) -> Path:
    make_dataset(folder)
    if kind == "fmt":
        _scramble(folder)
    return folder


# --- the fork server ------------------------------------------------------------------------------

#: A warmed-up parent process that forks one real writer process per request. Each child runs
#: the real click CLI (``tracker.cli.main``) on its own, with ``TRACKER_CRASH_AT`` set if asked,
#: and is SIGKILLed by the store or by the test; the parent reports how it ended. A round then
#: costs a fork, not a Python start-up, which on a busy 2-core machine is the difference between
#: seconds and minutes.
SERVER = """
import contextlib, io, json, os, shutil, sys, traceback
from pathlib import Path
sys.path.insert(0, {tests!r})
from hostile import make_dataset
from test_faults import _add_args, _report
from tracker.cli import main

work = Path(sys.argv[1])

def run(args):
    with contextlib.redirect_stdout(io.StringIO()):
        main(args, standalone_mode=False)

# Warm up (imports, gazetteer, both write paths) on a scratch dataset.
scratch = make_dataset(work / "scratch")
run([*_add_args(999), "--data-dir", str(scratch)])
run(["ingest", str(_report(work, 999)), "--apply", "--data-dir", str(scratch)])
print("ready", flush=True)
for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        try:
            if request.get("crash_at"):
                os.environ["TRACKER_CRASH_AT"] = request["crash_at"]
            if "args" in request:
                run(request["args"])
                print("done 0", flush=True)
            else:  # loop: alternate add and ingest --apply from write number "start"
                folder = request["folder"]
                for i in range(request["start"], request["start"] + 1000):
                    if i % 2 == 0:
                        run([*_add_args(i), "--data-dir", folder])
                    else:
                        run(["ingest", str(_report(work, i)), "--apply", "--data-dir", folder])
                    print(f"done {{i}}", flush=True)
        except BaseException:
            print("error " + json.dumps(traceback.format_exc()), flush=True)
            os._exit(3)
        os._exit(0)
    print(f"child {{pid}}", flush=True)
    _, status = os.waitpid(pid, 0)
    code = os.WTERMSIG(status) if os.WIFSIGNALED(status) else -os.WEXITSTATUS(status)
    print(f"reaped {{code}}", flush=True)
"""


class ForkServer:
    """Client side of :data:`SERVER`."""

    def __init__(self, work: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER.format(tests=str(Path(__file__).parent)), str(work)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        if self.proc.stdout.readline().strip() != b"ready":
            self.proc.kill()
            pytest.fail(
                f"fork server did not start:\n{self.proc.communicate(timeout=60)[1].decode()}"
            )

    def start(self, **request) -> int:
        """Fork a writer for ``request``; returns its pid."""
        self.proc.stdin.write((json.dumps(request) + "\n").encode())
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline().split()[1])

    def line(self) -> str:
        return self.proc.stdout.readline().decode().strip()

    def finish(self) -> tuple[int, int]:
        """Wait for the current writer to end: ``(writes acknowledged, signal or -exit code)``."""
        acknowledged = 0
        while not (line := self.line()).startswith("reaped"):
            if line.startswith("error"):
                pytest.fail("writer failed:\n" + json.loads(line[6:]))
            assert line.startswith("done"), line
            acknowledged += 1
        return acknowledged, int(line.split()[1])

    def close(self) -> None:
        self.proc.kill()
        self.proc.communicate(timeout=60)


@pytest.fixture(scope="module")
def writers(tmp_path_factory):
    server = ForkServer(tmp_path_factory.mktemp("fork-server"))
    yield server
    server.close()


# --- named crash points ---------------------------------------------------------------------------


@pytest.mark.parametrize("point", POINTS)
@pytest.mark.parametrize("kind", ["fmt", "add", "ingest"])
def test_sigkill_at_each_commit_step_leaves_old_or_new(
    tmp_path: Path, writers: ForkServer, kind: str, point: str
):
    reference = _prepare(kind, tmp_path / "reference")
    victim = _prepare(kind, tmp_path / "victim")
    old = data_bytes(victim)
    done = invoke(*_command(kind, reference, tmp_path))
    assert done.exit_code == 0, done.output
    new = data_bytes(reference)
    assert new != old, "the command must change both files for the test to mean anything"
    assert all(new[name] != old[name] for name in new), (
        "both files change, so between-replaces is hit"
    )

    writers.start(args=_command(kind, victim, tmp_path), crash_at=point)
    acknowledged, ended_by = writers.finish()
    assert (acknowledged, ended_by) == (0, signal.SIGKILL), "the writer must die at the crash point"

    dataset.load(victim)  # the next reader recovers, and the result validates
    after = data_bytes(victim)
    assert after == (new if COMMITTED[point] else old)
    assert leftovers(victim) == []


def test_crash_point_in_a_real_cli_process(tmp_path: Path):
    """The same fault through ``python -m tracker``, once, without the fork server."""
    victim = _prepare("add", tmp_path / "victim")
    old = data_bytes(victim)
    killed = run_cli(*_command("add", victim, tmp_path), env={"TRACKER_CRASH_AT": "before-marker"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    dataset.load(victim)
    assert data_bytes(victim) == old and leftovers(victim) == []


# --- random kills ---------------------------------------------------------------------------------

#: Kills per test run; raise with TRACKER_FAULT_ROUNDS=200 for a long soak (docs/reliability.md).
ROUNDS = int(os.environ.get("TRACKER_FAULT_ROUNDS", "8"))


def _canonical(folder: Path) -> dict[str, bytes]:
    return dict(dataset.render(dataset.load(folder)))


def test_random_sigkills_during_add_and_ingest(tmp_path: Path, writers: ForkServer):
    seed = int(os.environ.get("TRACKER_FAULT_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    folder = make_dataset(tmp_path / "data")
    dataset.format_dir(folder)
    base = len(dataset.load(folder).incidents)
    committed = mid_write = 0
    for round_no in range(ROUNDS):
        child = writers.start(folder=str(folder), start=committed)
        waited = 0
        if rng.random() < 0.5:
            # Half the rounds let one write finish first, so writes happen however slow the
            # machine is; the kill still lands at a random instant of the ones that follow.
            line = writers.line()
            if line.startswith("error"):
                pytest.fail("writer failed:\n" + json.loads(line[6:]))
            assert line.startswith("done"), line
            waited = 1
        time.sleep(rng.uniform(0.05, 1.5))
        os.kill(child, signal.SIGKILL)
        acknowledged, ended_by = writers.finish()
        acknowledged += waited
        assert ended_by == signal.SIGKILL, f"seed {seed} round {round_no}: writer ended on its own"

        mid_write += bool(leftovers(folder))
        loaded = dataset.load(folder)  # recovers and validates
        assert data_bytes(folder) == _canonical(folder), (
            f"seed {seed}: a file is not a complete rendering"
        )
        assert leftovers(folder) == []
        added = len(loaded.incidents) - base
        # Every acknowledged write is kept; the one in flight is all there or not at all.
        assert added in (committed + acknowledged, committed + acknowledged + 1), (seed, round_no)
        assert len(loaded.sources) - base == added, f"seed {seed}: an incident without its source"
        assert loaded.incidents[INC.id].is_unique
        committed = added
    assert committed > 0, f"seed {seed}: no write ever completed; the test proved nothing"
    print(
        f"seed {seed}: {ROUNDS} kills, {committed} writes committed, "
        f"{mid_write} left a commit to recover"
    )


# --- a real full disk -----------------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A real 256 KiB tmpfs, or skip where mounting is not permitted."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (not available here)")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"mount not permitted here: {made.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def _fill(folder: Path) -> None:
    """Write a filler file until the file system says it is full."""
    with (folder / "filler.bin").open("wb", buffering=0) as handle:
        chunk = b"\0" * 4096
        try:
            while True:
                handle.write(chunk)
        except OSError as err:
            assert err.errno == 28, err


def test_full_disk_during_add_is_a_clear_error(tiny_disk: Path):
    folder = make_dataset(tiny_disk / "data")
    dataset.format_dir(folder)
    _fill(tiny_disk)
    before = data_bytes(folder)
    result = run_cli(*_add_args(3), "--data-dir", str(folder))
    text = assert_refused(result, folder, before, "No space left on device")
    assert text.strip().count("\n") <= 2, f"one clear message, not a dump:\n{text}"
    assert dataset.load(folder).incidents[INC.id].tolist() == [
        line.split(",")[0] for line in before[schema.INCIDENTS_FILE].decode().splitlines()[1:]
    ]
