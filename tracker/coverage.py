"""The coverage report: what the dataset holds, counted along every axis analysts filter on.

:func:`coverage` computes it from a loaded :class:`~tracker.dataset.Dataset` (pure pandas, no
printing); :func:`format_text` renders it for a terminal or a Markdown code block. The
``gnss-tracker stats`` command is a thin wrapper around both.

Published figures (``figures.csv``) are counted separately and never added to the incident counts.

>>> report = coverage(dataset.load("data"))      # doctest: +SKIP
>>> report["totals"]["incidents"]                 # doctest: +SKIP
58
"""

from __future__ import annotations

import pandas as pd

from tracker import schema
from tracker.dataset import Dataset
from tracker.schema import FIG, INC, SRC

__all__ = ["coverage", "format_text", "TOWN_PRECISIONS", "SOURCE_BUCKETS"]

#: Geocode precisions that place an incident at a named airport or town.
TOWN_PRECISIONS = ("airport", "city")

#: Sources-per-incident buckets: 1, 2, 3, and 4 or more.
SOURCE_BUCKETS = ("1", "2", "3", "4+")


def _counts(values: pd.Series, order: tuple[str, ...] | None = None) -> dict[str, int]:
    """Value counts as a plain dict: schema order for value sets, else most frequent first."""
    counts = values.value_counts()
    if order is not None:
        return {key: int(counts.get(key, 0)) for key in order}
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    return {str(key): int(value) for key, value in counts.items()}


def _years(dates: pd.Series) -> dict[str, int]:
    """Incidents per start year, every year from the first to the last (gaps show as 0)."""
    if dates.dropna().empty:
        return {}
    counts = dates.dt.year.value_counts()
    years = range(int(counts.index.min()), int(counts.index.max()) + 1)
    return {str(year): int(counts.get(year, 0)) for year in years}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def coverage(data: Dataset) -> dict:
    """The coverage report of a dataset, as plain JSON-ready values.

    :param data: a loaded dataset (incidents, sources, figures).
    :returns: a dict with ``totals`` (incidents, sources, figures, countries, regions, first and
        last date), counts ``by_region``, ``by_country`` (ISO code to count, with names in
        ``country_names``), ``by_year``, ``by_interference``, ``by_date_precision``,
        ``by_confidence``, ``by_geocode_precision``, ``sources_per_incident`` (buckets, mean,
        maximum), ``town_precision`` (count and share of incidents at airport or city
        precision) and ``figures`` (count, by area kind, by area).
    """
    incidents, sources, figures = data.incidents, data.sources, data.figures
    total = len(incidents)
    dates = incidents[INC.date]
    per_incident = (
        sources[SRC.incident_id].value_counts().reindex(incidents[INC.id], fill_value=0)
        if total
        else pd.Series(dtype="int64")
    )
    buckets = per_incident.clip(upper=4).map({1: "1", 2: "2", 3: "3", 4: "4+"})
    town = int(incidents[INC.geocode_precision].isin(TOWN_PRECISIONS).sum())
    countries = incidents[INC.country][incidents[INC.country] != ""]
    names = schema.country_names()
    by_country = _counts(countries)
    return {
        "totals": {
            "incidents": total,
            "sources": len(sources),
            "figures": len(figures),
            "countries": len(by_country),
            "regions": int(incidents[INC.region].nunique()),
            "first_date": f"{dates.min():%Y-%m-%d}" if total else None,
            "last_date": f"{dates.max():%Y-%m-%d}" if total else None,
        },
        "by_region": _counts(incidents[INC.region]),
        "by_country": by_country,
        "country_names": {code: names.get(code, code) for code in by_country},
        "by_year": _years(dates),
        "by_interference": _counts(incidents[INC.interference], schema.INTERFERENCE_TYPES),
        "by_date_precision": _counts(incidents[INC.date_precision], schema.DATE_PRECISIONS),
        "by_confidence": _counts(incidents[INC.confidence], schema.CONFIDENCE_LEVELS),
        "by_geocode_precision": _counts(
            incidents[INC.geocode_precision], schema.GEOCODE_PRECISIONS
        ),
        "sources_per_incident": {
            "buckets": _counts(buckets.astype("str"), SOURCE_BUCKETS),
            "mean": round(float(per_incident.mean()), 2) if total else 0.0,
            "max": int(per_incident.max()) if total else 0,
        },
        "town_precision": {"incidents": town, "share": _share(town, total)},
        "figures": {
            "count": len(figures),
            "by_area_kind": _counts(figures[FIG.area_kind], schema.AREA_KINDS),
            "by_area": _counts(figures[FIG.area]),
        },
    }


def _table(title: str, counts: dict[str, int], total: int, *, labels=None) -> list[str]:
    lines = [title]
    if not counts:
        return [*lines, "  (none)"]
    labels = labels or {}
    names = [labels.get(key, key) for key in counts]
    width = max(len(name) for name in names)
    for name, value in zip(names, counts.values(), strict=True):
        share = f"{value / total:6.1%}" if total else ""
        lines.append(f"  {name:<{width}}  {value:>6,}  {share}".rstrip())
    return lines


def format_text(report: dict) -> str:
    """The report as aligned plain-text tables (one section per axis)."""
    totals = report["totals"]
    n = totals["incidents"]
    span = f"{totals['first_date']} to {totals['last_date']}" if n else "no incidents"
    names = report["country_names"]
    spi = report["sources_per_incident"]
    town = report["town_precision"]
    figures = report["figures"]
    sections = [
        [
            f"Incidents: {n:,} ({span}) in {totals['countries']} countries and "
            f"{totals['regions']} regions",
            f"Sources: {totals['sources']:,} ({spi['mean']:.2f} per incident, at most "
            f"{spi['max']})",
            f"At airport or city precision: {town['incidents']:,} ({town['share']:.1%})",
            f"Published figures (counts by others, not incidents): {figures['count']:,}",
        ],
        _table("By region", report["by_region"], n),
        _table(
            "By country",
            report["by_country"],
            n,
            labels={code: f"{code} {name}" for code, name in names.items()},
        ),
        _table("By year", report["by_year"], n),
        _table("By interference type", report["by_interference"], n),
        _table("By date precision", report["by_date_precision"], n),
        _table("By confidence", report["by_confidence"], n),
        _table("By geocode precision", report["by_geocode_precision"], n),
        _table("Sources per incident", spi["buckets"], n),
        _table("Published figures by area kind", figures["by_area_kind"], figures["count"]),
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"
