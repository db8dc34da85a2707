"""``gnss-tracker export``: charts and data files for reporters. Thin: the work is in
:mod:`tracker.export`.

Filter options are the dashboard's (:class:`tracker.filters.Filters`); multi-valued options may
be repeated or given as comma lists (``--interference jamming,spoofing``). Unknown values are
usage errors (exit 2), so a typo never silently produces an empty chart.
"""

from __future__ import annotations

from pathlib import Path

import click

from tracker import dataset, schema
from tracker.cli.common import data_dir_option, handle_errors
from tracker.export import (
    CHART_FORMATS,
    CHART_KINDS,
    DATA_FORMATS,
    ChartOptions,
    check_output_path,
    render_chart,
    render_data,
    write_output,
)
from tracker.filters import Filters
from tracker.schema import INC

__all__ = ["export"]

STDOUT = "-"


def _split(values: tuple[str, ...]) -> list[str]:
    """Repeated options and comma lists, flattened, blanks dropped."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _known_regions(data: dataset.Dataset) -> set[str]:
    return set(schema.REGIONS) | set(data.incidents[INC.region].dropna().unique())


def _check_choice(name: str, values: list[str], allowed, *, fold=str.lower) -> list[str]:
    allowed_by_key = {fold(a): a for a in allowed}
    out = []
    for value in values:
        if fold(value) not in allowed_by_key:
            choices = ", ".join(sorted(allowed_by_key.values()))
            raise click.BadParameter(
                f"unknown value {value!r}; choose from: {choices}", param_hint=f"--{name}"
            )
        out.append(allowed_by_key[fold(value)])
    return out


def _build_filters(data: dataset.Dataset, opts: dict) -> Filters:
    """Check the filter options against the schema and the data, then build :class:`Filters`."""
    date_from, date_to = opts["date_from"], opts["date_to"]
    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(
            f"--from {date_from:%Y-%m-%d} is after --to {date_to:%Y-%m-%d}", param_hint="--from"
        )
    interference = _check_choice(
        "interference", _split(opts["interference"]), schema.INTERFERENCE_TYPES
    )
    confidence = _check_choice("confidence", _split(opts["confidence"]), schema.CONFIDENCE_LEVELS)
    country = _check_choice(
        "country", _split(opts["country"]), schema.country_codes(), fold=str.upper
    )
    region = _check_choice(
        "region", _split(opts["region"]), _known_regions(data), fold=str.casefold
    )
    return Filters.validated(
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        interference=interference,
        region=region,
        country=country,
        confidence=confidence,
        text=opts.get("search") or "",
    )


def filter_options(func):
    """The dashboard's filters as options (shared by ``export chart`` and ``export data``)."""
    iso = click.DateTime(formats=["%Y-%m-%d"])
    options = [
        click.option("--from", "date_from", type=iso, help="First day, YYYY-MM-DD (inclusive)."),
        click.option("--to", "date_to", type=iso, help="Last day, YYYY-MM-DD (inclusive)."),
        click.option(
            "--interference",
            multiple=True,
            metavar="TYPE[,TYPE]",
            help=f"Interference type(s): {', '.join(schema.INTERFERENCE_TYPES)}.",
        ),
        click.option("--region", multiple=True, metavar="NAME[,NAME]", help="Analyst region(s)."),
        click.option(
            "--country", multiple=True, metavar="CC[,CC]", help="ISO 3166-1 alpha-2 code(s)."
        ),
        click.option(
            "--confidence",
            multiple=True,
            metavar="LEVEL[,LEVEL]",
            help=f"Confidence level(s): {', '.join(schema.CONFIDENCE_LEVELS)}.",
        ),
        click.option("--search", default="", help="Only incidents whose text contains this."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def output_option(func):
    return click.option(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="File to write (its folder must exist); '-' writes to standard output.",
    )(func)


def _resolve_format(fmt: str | None, output: str, allowed: tuple[str, ...]) -> str:
    """``--format``, or the output file's extension; they must agree when both are given."""
    suffix = Path(output).suffix.lower().lstrip(".") if output != STDOUT else ""
    if fmt is None:
        if suffix in allowed:
            return suffix
        raise click.UsageError(
            f"say which format with --format ({', '.join(allowed)}) or use a matching extension"
        )
    if suffix in allowed and suffix != fmt:
        raise click.UsageError(f"--format {fmt} does not match the file name {output!r}")
    return fmt


def _emit(content: bytes, output: str, data_dir: Path) -> None:
    if output == STDOUT:
        stream = click.get_binary_stream("stdout")
        stream.write(content)
        stream.flush()
        return
    path = write_output(content, output, protected=[data_dir, dataset.DEFAULT_DATA_DIR])
    click.echo(f"wrote {path} ({len(content):,} bytes)", err=True)


def _precheck(output: str, data_dir: Path) -> None:
    """Fail on a bad output path before spending seconds on rendering."""
    if output != STDOUT:
        check_output_path(output, protected=[data_dir, dataset.DEFAULT_DATA_DIR])


@click.group("export")
def export() -> None:
    """Charts and data files for reporters (PNG, SVG, PDF, HTML, CSV, GeoJSON)."""


@export.command("chart")
@click.argument("kind", type=click.Choice(CHART_KINDS))
@click.option(
    "--format", "fmt", type=click.Choice(CHART_FORMATS), help="File format (default: from -o)."
)
@output_option
@filter_options
@click.option("--title", help="Chart title (default depends on KIND).")
@click.option(
    "--width",
    type=click.IntRange(200, 5000),
    default=1200,
    show_default=True,
    help="Width, pixels.",
)
@click.option(
    "--height",
    type=click.IntRange(200, 5000),
    default=700,
    show_default=True,
    help="Height, pixels.",
)
@click.option(
    "--scale",
    type=click.FloatRange(0.1, 10),
    default=2.0,
    show_default=True,
    help="PNG pixel multiplier (a PNG is width x scale pixels wide).",
)
@data_dir_option
@handle_errors
def chart_command(kind, fmt, output, title, width, height, scale, data_dir, **filter_opts) -> None:
    """Write a publication-ready chart: map, timeline, regions or countries.

    The chart carries a title, a subtitle stating the filters and dates, and a footer with the
    attribution, the number of incidents and the caveat that reports are not measurements.
    PNG, SVG and PDF need Chromium (apt-get install chromium); HTML works offline anywhere.

    Example: gnss-tracker export chart map --interference spoofing -o spoofing.png
    """
    fmt = _resolve_format(fmt, output, CHART_FORMATS)
    _precheck(output, data_dir)
    data = dataset.load(data_dir)
    filters = _build_filters(data, filter_opts)
    options = ChartOptions(width=width, height=height, scale=scale, title=title or None)
    content = render_chart(kind, data, fmt=fmt, filters=filters, options=options)
    _emit(content, output, data_dir)


TABLES = ("incidents", "figures")


@export.command("data")
@click.option(
    "--format", "fmt", type=click.Choice(DATA_FORMATS), help="File format (default: from -o)."
)
@click.option(
    "--table",
    type=click.Choice(TABLES),
    default="incidents",
    show_default=True,
    help="What to export: incidents (with their sources) or published figures.",
)
@output_option
@filter_options
@click.option(
    "--adsb",
    "with_adsb",
    is_flag=True,
    help="Add the ADS-B layer's evidence for each incident (the adsb_* columns of "
    "`adsb corroborate`; see docs/adsb.md).",
)
@click.option(
    "--adsb-store",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="ADS-B layer store for --adsb (default: $GNSS_TRACKER_ADSB_STORE, else .adsb-store/).",
)
@data_dir_option
@handle_errors
def data_command(fmt, table, output, with_adsb, adsb_store, data_dir, **filter_opts) -> None:
    """Write the filtered incidents with their sources: spreadsheet-safe CSV or GeoJSON.

    CSV: text that a spreadsheet would run as a formula is prefixed with an apostrophe; numbers
    (coordinates, radius) stay numbers. GeoJSON: RFC 7946 points (longitude, latitude) with the
    sources as a list in each feature's properties; opens in QGIS. With --adsb, the ADS-B
    layer's level, largest share of bad aircraft, coverage and contradiction flag follow.

    --table figures writes the published figures (counts by others, not incidents) as CSV,
    selected by --from/--to (period overlap), --region and --country.

    Example: gnss-tracker export data --region "Baltic Sea region" -o baltic.geojson
    """
    if adsb_store is not None and not with_adsb:
        raise click.UsageError("--adsb-store needs --adsb")
    if table == "figures":
        if with_adsb:
            raise click.UsageError("--adsb applies to incidents, not to --table figures")
        _export_figures(fmt, output, data_dir, filter_opts)
        return
    fmt = _resolve_format(fmt, output, DATA_FORMATS)
    _precheck(output, data_dir)
    data = dataset.load(data_dir)
    filters = _build_filters(data, filter_opts)
    extra = _adsb_columns(adsb_store) if with_adsb else None
    _emit(render_data(data, fmt=fmt, filters=filters, extra=extra), output, data_dir)


def _adsb_columns(store_dir: Path | None):
    """``incidents -> adsb_* columns by id``, reading the layer store once."""
    from tracker.adsb.corroborate import ADSB_COLUMNS, corroborate
    from tracker.adsb.store import LayerStore

    store = LayerStore(store_dir)
    if not store.days():
        click.echo(
            f"note: the ADS-B store {store.root} holds no days, so every incident is no-data "
            "(fill it with `gnss-tracker adsb fetch`); no data is not no interference",
            err=True,
        )

    def columns(incidents):
        table = corroborate(incidents, store)
        return table.set_index(INC.id)[list(ADSB_COLUMNS)]

    return columns


def _export_figures(fmt: str | None, output: str, data_dir: Path, filter_opts: dict) -> None:
    from tracker.export.figures import FIGURE_DATA_FORMATS, figures_to_csv
    from tracker.published import select_figures

    if fmt is not None and fmt not in FIGURE_DATA_FORMATS:
        raise click.UsageError(
            f"--table figures cannot be written as {fmt}: a figure covers an area and a period, "
            "not a point; use --format csv"
        )
    suffix = Path(output).suffix.lower().lstrip(".") if output != STDOUT else ""
    if fmt is None and suffix in DATA_FORMATS and suffix not in FIGURE_DATA_FORMATS:
        raise click.UsageError(
            f"--table figures cannot be written as {suffix}: a figure covers an area and a "
            "period, not a point; name the file .csv"
        )
    if output != STDOUT:
        _resolve_format(fmt, output, FIGURE_DATA_FORMATS)  # CSV is the only choice on stdout
    _precheck(output, data_dir)
    data = dataset.load(data_dir)
    filters = _build_filters(data, filter_opts)
    _emit(figures_to_csv(select_figures(data.figures, filters)), output, data_dir)
