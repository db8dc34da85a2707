"""``gnss-tracker ingest``: propose incidents from reports; merge them with ``--apply``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from tracker.cli.common import data_dir_option, handle_errors
from tracker.schema import INC, SRC

__all__ = ["ingest"]

_SHOWN = (
    (INC.date, "date"),
    (INC.location, "place"),
    (INC.interference, "type"),
    (INC.flight_phase, "phase"),
    (INC.aircraft, "aircraft"),
    (INC.operator, "operator"),
    (INC.flight, "flight"),
    (INC.effects, "effects"),
    (INC.suspected_source, "suspected"),
)


def _progress(files: list[str]):
    if len(files) > 1 and sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(files, desc="reading", unit="file", file=sys.stderr)
    return files


def _print_table(candidates, *, dry_run: bool = True) -> None:
    if not candidates:
        click.echo("No candidate incidents found.")
        return
    for number, candidate in enumerate(candidates, 1):
        row = candidate.as_dict()
        precision = row[INC.date_precision]
        date = row[INC.date] or "?"
        date = date[:7] if precision == "month" and row[INC.date] else date
        coords = (
            f"{row[INC.latitude]:.4f}, {row[INC.longitude]:.4f}"
            if row[INC.latitude] is not None
            else "-"
        )
        click.echo(
            f"#{number}  {date}  {row[INC.location] or '?'}  [{row[INC.country] or '--'}]  "
            f"{row[INC.interference]}  {row[INC.flight_phase]}  "
            f"({coords}, {row[INC.geocode_precision] or '-'})"
        )
        click.echo(f"    report:  {candidate.report}")
        source = row["source"]
        click.echo(
            f"    source:  {source[SRC.url] or '(no URL)'}  {source[SRC.publisher] or ''}  "
            f"{source[SRC.published] or ''}".rstrip()
        )
        for column, label in _SHOWN[4:]:
            if row[column]:
                click.echo(f"    {label + ':':<10} {row[column]}")
        if row.get("recorded_incident"):
            linked = next((r for r in row["reasons"] if r.startswith("describes recorded")), "")
            click.echo(f"    recorded:  {linked or row['recorded_incident']}")
        click.echo(f"    summary:   {row[INC.summary]}")
        # One line per evidence sentence, listing the fields it supports.
        by_sentence: dict[str, list[str]] = {}
        for column, sentence in row["evidence"].items():
            by_sentence.setdefault(sentence, []).append(column)
        for sentence, columns in by_sentence.items():
            click.echo(f"    evidence [{', '.join(columns)}]: {sentence}")
        for note in row["notes"]:
            click.echo(f"    note: {note}")
        if row.get("reasons"):
            click.echo(f"    score:     {row['score']:.2f}")
            for reason in row["reasons"]:
                click.echo(f"      {reason}")
        click.echo("")
    mode = " (dry run)" if dry_run else ""
    click.echo(f"{len(candidates)} candidate incident{'s' * (len(candidates) != 1)}{mode}")


def _print_figures(figures) -> None:
    for figure in figures:
        row = figure.as_dict()
        period = "–".join(p for p in (row["period_start"], row["period_end"]) if p) or "?"
        value = row["value"]
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # "50 reports", not "50.0 reports"
        unit = row["unit"] or ""
        if unit == "%":
            quantity = f"{value}% {row['metric']}"
        elif unit in row["metric"].split():
            # The metric names its unit already ("pilot reports of GNSS jamming").
            quantity = f"{value} {row['metric']}"
        else:
            quantity = " ".join(str(part) for part in (value, unit, row["metric"]) if part)
        click.echo(
            f"figure: {quantity} in {row['area'] or '?'} ({period}); "
            f"{row['url'] or row['report']} — aggregate, never applied as an incident"
        )


def _print_skipped(skipped, min_score: float | None) -> None:
    from tracker.ingest.assess import APPLY_MIN_SCORE

    threshold = APPLY_MIN_SCORE if min_score is None else min_score
    for candidate in skipped:
        row = candidate.as_dict()
        worst = [r for r in row["reasons"] if r.startswith("-")]
        click.echo(
            f"skipped (score {row['score']:.2f} < {threshold:.2f}): {candidate.report}: "
            f"{row['date'] or '?'} {row['location'] or '?'} [{row['country'] or '--'}]"
            f"{' — ' + '; '.join(worst[:3]) if worst else ''}",
            err=True,
        )
    if skipped:
        click.echo(
            f"{len(skipped)} weaker candidate{'s' * (len(skipped) != 1)} skipped; "
            "lower --min-score to see or apply them",
            err=True,
        )


def _recorded(data_dir: Path):
    """The recorded incidents of ``data_dir`` to link candidates to; ``None`` without any."""
    from tracker.errors import TrackerError
    from tracker.ingest.recorded import load_index

    if not (data_dir / "incidents.csv").is_file():
        return None
    try:
        return load_index(data_dir)
    except TrackerError as err:
        click.echo(
            f"Warning: {data_dir}: recorded incidents not read, so not linked ({err})", err=True
        )
        return None


def _apply(candidates, data_dir: Path, *, as_json: bool) -> None:
    from tracker.ingest import apply_candidates

    outcome = apply_candidates(candidates, data_dir=data_dir)
    for incident_id in outcome.added:
        click.echo(f"added incident {incident_id}", err=as_json)
    for incident_id, source_url in outcome.attached:
        click.echo(f"added source {source_url} to {incident_id}", err=as_json)
    for incident_id, source_url in outcome.unchanged:
        click.echo(f"already known: {source_url} on {incident_id}", err=as_json)


def _from_json(path: Path, *, apply: bool, as_json: bool, data_dir: Path) -> None:
    from tracker.ingest.reviewed import load_reviewed

    batch = load_reviewed(path)
    if as_json:
        rows = [c.as_dict() for c in batch.candidates]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        _print_table(batch.candidates, dry_run=not apply)
    if batch.skipped_figures:
        click.echo(
            f"skipped {batch.skipped_figures} aggregate figure item"
            f"{'s' * (batch.skipped_figures != 1)} (never applied as incidents)",
            err=True,
        )
    if apply:
        _apply(batch.candidates, data_dir, as_json=as_json)


def _published_option(ctx, param, value: str | None) -> tuple[dt.date, bool] | None:
    """``--published``: a day (YYYY-MM-DD) or, for a page dated only to its month, YYYY-MM."""
    if value is None:
        return None
    from tracker.ingest.dates import parse_publication_arg

    parsed = parse_publication_arg(value)
    if parsed is None:
        raise click.BadParameter(
            f"{value!r} is not a date: give YYYY-MM-DD, or YYYY-MM when the page shows only "
            "the month"
        )
    return parsed


@click.command("ingest")
@click.argument("paths", nargs=-1)
@click.option(
    "--from-json",
    "from_json",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read reviewed candidates (the JSON array --json prints, corrected by hand) instead "
    "of reports; with --apply, merge them.",
)
@click.option("--json", "as_json", is_flag=True, help="Print only a JSON array of candidates.")
@click.option("--apply", "apply", is_flag=True, help="Merge the candidates into the dataset.")
@click.option(
    "--published",
    callback=_published_option,
    help="Publication date (YYYY-MM-DD) for reports that carry none; YYYY-MM when the page "
    "shows only the month.",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    default=None,
    help="Show and apply candidates scoring at least this (default 0.40, see docs/ingest.md); "
    "weaker ones are listed as skipped.",
)
@click.option("--url", default="", help="Source URL for reports that carry none.")
@click.option("--publisher", default="", help="Publisher for reports that carry none.")
@data_dir_option
@handle_errors
def ingest(
    paths, from_json, as_json, apply, published, min_score, url, publisher, data_dir: Path
) -> None:
    """Propose incidents from reports: articles, feeds, NOTAMs, CSV/Excel, PDF, Word, e-mail.

    PATHS are files, folders or - (standard input). Dry run by default: nothing is written
    unless --apply is given. With --from-json FILE, reviewed candidates are read instead of
    reports, validated like any other input and merged through the same duplicate check.

    A candidate that describes an incident already recorded in --data-dir is linked to it: it
    shows the incident's id, takes its checked date when the report's own is missing or vaguer,
    and --apply adds the report as a source of that incident.
    """
    from tracker.ingest import ingest_paths

    if from_json is not None:
        if paths:
            raise click.UsageError("give either report PATHS or --from-json FILE, not both")
        _from_json(from_json, apply=apply, as_json=as_json, data_dir=data_dir)
        return
    if not paths:
        raise click.UsageError("give report PATHS (files, folders or -), or --from-json FILE")

    result = ingest_paths(
        list(paths),
        recorded=_recorded(data_dir),
        published=published[0] if published else None,
        published_month=bool(published and published[1]),
        url=url,
        publisher=publisher,
        progress=None if as_json else _progress,
        min_score=min_score,
    )
    if apply and result.errors:
        for error in result.errors:
            click.echo(f"Error: {error}", err=True)
        raise click.ClickException("unreadable input; nothing was written")
    if as_json:
        rows = [c.as_dict() for c in result.candidates] + [f.as_dict() for f in result.figures]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        _print_table(result.candidates)
        _print_figures(result.figures)
    _print_skipped(result.skipped, min_score)
    for name, reason in result.out_of_scope:
        click.echo(f"{name}: not about GNSS interference met by aircraft: {reason}", err=True)
    if apply:
        _apply(result.candidates, data_dir, as_json=as_json)
    if result.errors:
        for error in result.errors:
            click.echo(f"Error: {error}", err=True)
        sys.exit(1)
