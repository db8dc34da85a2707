"""``gnss-tracker adsb ...``: the ADS-B interference layer (import, compute, summary).

Thin wrappers: each command parses options and calls one function of :mod:`tracker.adsb`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import pandas as pd

from tracker.adsb.levels import Thresholds
from tracker.adsb.store import STORE_ENV, LayerStore, default_store_dir
from tracker.cli.common import data_dir_option, handle_errors

__all__ = ["adsb"]


def _store_option(func):
    return click.option(
        "--store",
        "store_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Layer store folder (default: ${STORE_ENV}, else .adsb-store/ in the repository).",
    )(func)


def _day_range_options(*, first: str, last: str):
    """``--from``/``--to`` days (YYYY-MM-DD), with what each defaults to in the help."""

    def decorate(func):
        day = click.DateTime(["%Y-%m-%d"])
        func = click.option(
            "--to",
            "date_to",
            type=day,
            default=None,
            help=f"Last day (YYYY-MM-DD); default {last}.",
        )(func)
        return click.option(
            "--from",
            "date_from",
            type=day,
            default=None,
            help=f"First day (YYYY-MM-DD); default {first}.",
        )(func)

    return decorate


def _threshold_options(func):
    func = click.option(
        "--high",
        "high_pct",
        type=click.FloatRange(0, 100, min_open=True),
        default=10.0,
        show_default=True,
        help="Share of bad aircraft (percent) from which a hex is high.",
    )(func)
    return click.option(
        "--medium",
        "medium_pct",
        type=click.FloatRange(0, 100, min_open=True),
        default=2.0,
        show_default=True,
        help="Share of bad aircraft (percent) from which a hex is medium.",
    )(func)


def _thresholds(medium_pct: float, high_pct: float) -> Thresholds:
    if medium_pct >= high_pct:
        raise click.BadParameter(
            f"--medium ({medium_pct}) must be below --high ({high_pct})", param_hint="--medium"
        )
    return Thresholds(medium=medium_pct / 100, high=high_pct / 100)


def _store(store_dir: Path | None) -> LayerStore:
    return LayerStore(store_dir if store_dir is not None else default_store_dir())


@click.group("adsb")
def adsb() -> None:
    """ADS-B interference layer (GPSJam-compatible hexes of likely GNSS interference).

    No data is not no interference: a hex without aircraft says nothing.
    """


@adsb.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
@handle_errors
def import_command(paths: tuple[Path, ...], store_dir: Path | None) -> None:
    """Import GPSJam daily files (YYYY-MM-DD-h3_4.csv[.gz]) and manifest.csv.

    PATHS are files or folders. Every file is checked before anything is written; re-importing
    a day replaces it.
    """
    from tracker.adsb.gpsjam import import_gpsjam

    store = _store(store_dir)
    result = import_gpsjam(paths, store=store, progress=sys.stderr.isatty())
    rows = sum(result.days.values())
    click.echo(
        f"imported {len(result.days)} day{'s' * (len(result.days) != 1)} ({rows:,} hexes) and "
        f"{result.manifest_rows} manifest row{'s' * (result.manifest_rows != 1)} into {store.root}"
    )


def _days(days: list) -> str:
    """A short list of days: all of them up to five, else the first three and a count."""
    shown = (
        [d.isoformat() for d in days[:5]]
        if len(days) <= 5
        else [
            *(d.isoformat() for d in days[:3]),
            f"... ({len(days) - 3} more)",
        ]
    )
    return ", ".join(shown)


@adsb.command("fetch")
@_day_range_options(first="GPSJam's first published day", last="GPSJam's latest published day")
@_store_option
@click.option(
    "--base-url",
    metavar="URL",
    default=None,
    help="Folder URL holding manifest.csv and the daily files "
    "(default: $GNSS_TRACKER_GPSJAM_URL, else https://gpsjam.org/data/).",
)
@click.option(
    "--pause",
    type=click.FloatRange(0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests (one request at a time).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds to wait for the server before giving up on a request.",
)
@click.option(
    "--retries",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="Further tries, at the end of the run, for days that failed for a transient reason.",
)
@click.option(
    "--max-wait",
    "max_retry_after",
    type=click.FloatRange(0),
    default=600.0,
    show_default=True,
    help="Longest Retry-After (seconds) to wait for; a longer one stops the run.",
)
@click.option(
    "--no-count-check",
    is_flag=True,
    help="Import a day even if its high hexagons differ from the manifest's count.",
)
@handle_errors
def fetch_command(
    date_from,
    date_to,
    store_dir: Path | None,
    base_url: str | None,
    pause: float,
    timeout: float,
    retries: int,
    max_retry_after: float,
    no_count_check: bool,
) -> None:
    """Download GPSJam's daily files that the store lacks, and import them.

    Reads GPSJam's manifest, then fetches only the missing days of the range, one request at a
    time, checking each file (size, gzip, CSV, the manifest's count of high hexagons) before
    writing it. Interrupt it at any time: the next run carries on where it stopped. Days that
    failed are listed and tried again next time.

    GPSJam's data (gpsjam.org, John Wiseman, from ADS-B Exchange) carries no licence: keep it
    for your own analysis, credit "GPSJam.org" in anything you publish, and do not redistribute
    the files.
    """
    from tracker.adsb.fetch import fetch_gpsjam

    store = _store(store_dir)
    try:
        result = fetch_gpsjam(
            store=store,
            start=date_from.date() if date_from else None,
            end=date_to.date() if date_to else None,
            base_url=base_url,
            pause=pause,
            timeout=timeout,
            retries=retries,
            max_retry_after=max_retry_after,
            check_counts=not no_count_check,
            progress=sys.stderr.isatty(),
        )
    except KeyboardInterrupt:
        raise click.ClickException(
            "interrupted before any day was fetched; run the same command again"
        ) from None
    n = len(result.imported)
    parts = [f"imported {n} day{'s' * (n != 1)}"]
    if result.updated:
        parts.append(f"{len(result.updated)} of them re-published by GPSJam")
    parts.append(f"{len(result.present)} already in the store")
    if result.kept_computed:
        parts.append(f"{len(result.kept_computed)} computed from your own data, kept")
    click.echo(f"{'; '.join(parts)} ({store.root})")
    if result.unpublished:
        click.echo(
            f"{len(result.unpublished)} day{'s' * (len(result.unpublished) != 1)} of the range "
            f"not in GPSJam's manifest: {_days(result.unpublished)}"
        )
    for day, reason in sorted(result.failed.items()):
        click.echo(f"failed: {day.isoformat()}: {reason}", err=True)
    if result.interrupted:
        click.echo(
            "interrupted: the days above are kept; run the same command again to resume", err=True
        )
        sys.exit(130)
    if result.stopped:
        raise click.ClickException(
            f"{result.stopped}. The days above are kept; run the same command again to resume"
        )
    if result.failed:
        k = len(result.failed)
        raise click.ClickException(
            f"{k} day{'s' * (k != 1)} could not be fetched (listed above); they are not in the "
            "store and will be tried again on the next run"
        )


@adsb.command("compute")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--engine",
    type=click.Choice(["pandas", "dask"]),
    default="pandas",
    show_default=True,
    help="pandas runs in this process; dask runs on a Dask distributed cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler address (tcp://host:8786); default: a local cluster. Needs --engine dask.",
)
@click.option(
    "--bad-at",
    type=click.IntRange(1, 1000),
    default=18,
    show_default=True,
    help="Counter value from which an aircraft is bad.",
)
@click.option(
    "--cap",
    type=click.IntRange(1, 1000),
    default=20,
    show_default=True,
    help="Largest counter value.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Follow a running readsb/tar1090 output folder: read what changed every --interval "
    "seconds and update the days in place (state kept in the store across restarts).",
)
@click.option(
    "--interval",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="With --watch: seconds between passes.",
)
@click.option(
    "--once",
    is_flag=True,
    help="With --watch: one incremental pass, then exit (for cron or systemd timers).",
)
@click.option(
    "--keep-days",
    type=click.IntRange(1, 31),
    default=2,
    show_default=True,
    help="With --watch: days kept open for late reports (the newest and the ones before it).",
)
@_store_option
@handle_errors
def compute_command(
    paths: tuple[Path, ...],
    engine: str,
    scheduler: str | None,
    bad_at: int,
    cap: int,
    watch: bool,
    interval: float,
    once: bool,
    keep_days: int,
    store_dir: Path | None,
) -> None:
    """Compute the layer from readsb/tar1090 aircraft.json snapshots and trace files.

    PATHS are files or folders (searched recursively for *.json and *.json.gz). Each aircraft
    keeps a counter: +1 for a report with NACp <= 2, -1 for NACp >= 4, capped; it is bad while
    the counter is at --bad-at or above. Days found replace stored days.

    With --watch, PATHS are followed: each pass reads only the files that changed, continues
    every aircraft's counter where it stopped, and rewrites the days it touched. Stop it with
    Ctrl-C; the next start carries on. The result equals a batch compute over the same files.
    """
    from tracker.adsb.compute import CounterRule, compute_layer

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if bad_at > cap:
        raise click.BadParameter(f"--bad-at ({bad_at}) must not exceed --cap ({cap})")
    if (once or keep_days != 2) and not watch:
        raise click.UsageError("--once and --keep-days need --watch")
    store = _store(store_dir)
    if watch:
        if engine != "pandas":
            raise click.UsageError("--watch runs on the pandas engine only")
        _watch(paths, store, CounterRule(bad_at=bad_at, cap=cap), interval, once, keep_days)
        return
    result = compute_layer(
        paths,
        store=store,
        engine=engine,
        scheduler=scheduler,
        rule=CounterRule(bad_at=bad_at, cap=cap),
        progress=sys.stderr.isatty(),
    )
    click.echo(
        f"read {result.reports:,} position reports from {result.files} file"
        f"{'s' * (result.files != 1)}; wrote {len(result.days)} day"
        f"{'s' * (len(result.days) != 1)} ({result.hexes:,} hexes) into {store.root}"
    )


def _watch(paths, store, rule, interval: float, once: bool, keep_days: int) -> None:
    from tracker.adsb.receiver import ReceiverFeed, watch

    feed = ReceiverFeed(paths, store=store, rule=rule, keep_days=keep_days)

    def report(result) -> None:
        if not result.files and not result.unreadable:
            return
        days = ", ".join(d.isoformat() for d in result.days) or "none"
        extra = ""
        if result.late or result.too_old:
            extra = f"; skipped {result.late:,} late and {result.too_old:,} for closed days"
        click.echo(
            f"read {result.files} file{'s' * (result.files != 1)}: {result.taken:,} new "
            f"reports, {result.repeated:,} already seen{extra}; updated days: {days}"
        )
        for reason in result.unreadable.values():
            click.echo(f"skipped for now: {reason}", err=True)

    if not once:
        click.echo(f"following {', '.join(map(str, paths))} every {interval:g} s (Ctrl-C stops)")
    n = watch(feed, interval=interval, passes=1 if once else None, on_pass=report)
    if not once:
        click.echo(f"stopped after {n} pass{'es' * (n != 1)}; the next start carries on")


@adsb.command("summary")
@_store_option
@_threshold_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@handle_errors
def summary_command(
    store_dir: Path | None, medium_pct: float, high_pct: float, as_json: bool
) -> None:
    """Per stored day: hexes, medium and high hexes, and GPSJam's suspect flag."""
    from tracker.adsb.stats import day_records

    store = _store(store_dir)
    records = day_records(store, thresholds=_thresholds(medium_pct, high_pct))
    if as_json:
        click.echo(json.dumps(records, indent=2))
        return
    if not records:
        click.echo(f"no days in {store.root}; import some with `gnss-tracker adsb import PATH`")
        return
    click.echo(f"{'date':<10}  {'hexes':>7}  {'medium':>6}  {'high':>6}  suspect  source")
    for r in records:
        suspect = {True: "yes", False: "no", None: "?"}[r["suspect"]]
        click.echo(
            f"{r['date']:<10}  {r['hexes']:>7,}  {r['medium']:>6,}  {r['high']:>6,}  "
            f"{suspect:<7}  {r['source']}"
        )


@adsb.command("corroborate")
@data_dir_option
@_store_option
@_threshold_options
@click.option(
    "--min-aircraft",
    type=click.IntRange(0),
    default=30,
    show_default=True,
    help="Aircraft-hexagon-days needed before the layer may contradict a report.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write a CSV (id plus the adsb_* columns) here instead of printing a table.",
)
@handle_errors
def corroborate_command(
    data_dir: Path,
    store_dir: Path | None,
    medium_pct: float,
    high_pct: float,
    min_aircraft: int,
    output: Path | None,
) -> None:
    """Check every incident against the layer: level, largest share, coverage, contradiction.

    Looks at the hexagons within each incident's precision radius over its dates +- 1 day.
    Contradicted incidents are flagged, never dropped. No data is not no interference.
    """
    from tracker import dataset, safety
    from tracker.adsb.corroborate import corroborate, write_corroboration

    if output is not None:
        safety.check_not_dataset(output)  # refuse before the work, not after
    thresholds = _thresholds(medium_pct, high_pct)
    incidents = dataset.load(data_dir).incidents
    table = corroborate(
        incidents, _store(store_dir), thresholds=thresholds, min_aircraft=min_aircraft
    )
    if output is not None:
        write_corroboration(table, output)
        flagged = int(table["adsb_contradicts"].sum())
        click.echo(
            f"wrote {len(table)} incidents to {output} ({flagged} contradicted by the layer)"
        )
        return
    shown = table[table["adsb_days"] > 0]
    if shown.empty:
        click.echo("no incident falls in the layer's days; no data is not no interference")
        return
    click.echo(f"{'id':<42} {'level':<8} {'max share':>9} {'hexes':>5} {'days':>4}  flag")
    for row in shown.itertuples(index=False):
        pct = "" if pd.isna(row.adsb_max_share) else f"{row.adsb_max_share * 100:.1f} %"
        flag = "CONTRADICTED" if row.adsb_contradicts else ""
        click.echo(
            f"{row.id:<42} {row.adsb_level:<8} {pct:>9} {row.adsb_hexes:>5} "
            f"{row.adsb_days:>4}  {flag}"
        )
    click.echo(f"{len(table) - len(shown)} other incidents fall outside the layer's days")


@adsb.command("regions")
@_store_option
@_threshold_options
@_day_range_options(first="the layer's first", last="the layer's last")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@handle_errors
def regions_command(store_dir, medium_pct, high_pct, date_from, date_to, as_json) -> None:
    """Per analyst region: hexagon-days at medium and high, distinct hexagons, peak day.

    A hexagon belongs to the region of its centre. No data is not no interference.
    """
    from tracker.adsb.stats import region_records

    records = region_records(
        _store(store_dir),
        start=date_from.date() if date_from else None,
        end=date_to.date() if date_to else None,
        thresholds=_thresholds(medium_pct, high_pct),
    )
    if as_json:
        click.echo(json.dumps(records, indent=2))
        return
    if not records:
        click.echo("no medium or high hexagons in the layer for this period")
        return
    click.echo(f"{'region':<30} {'medium':>7} {'high':>7} {'hexes':>6} {'high days':>9}  peak")
    for r in records:
        click.echo(
            f"{r['region']:<30} {r['hex_days_medium']:>7,} {r['hex_days_high']:>7,} "
            f"{r['hexes']:>6,} {r['days_with_high']:>9}  {r['peak_date']} ({r['peak_affected']})"
        )


@adsb.command("rollups")
@_store_option
@click.option("--check", is_flag=True, help="Only say which months' rollups are current.")
@handle_errors
def rollups_command(store_dir, check: bool) -> None:
    """Rebuild the per-month rollups the dashboard reads long ranges from.

    Import, fetch and compute keep them current; run this for a store written before they
    existed, or copied without its file times. A month without a current rollup is read from
    its days, so this changes speed, never results.
    """
    from tracker.adsb import rollup

    store = _store(store_dir)
    if check:
        status = rollup.rollup_status(store)
        stale = [month for month, ok in status.items() if not ok]
        click.echo(f"{len(status) - len(stale)} of {len(status)} months have a current rollup")
        for month in stale:
            click.echo(f"  {month}: missing or stale")
        return
    written = rollup.rebuild(store)
    click.echo(f"wrote the rollups of {len(written)} month(s) in {store.root}")
