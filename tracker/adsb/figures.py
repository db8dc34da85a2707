"""Plotly pieces for the ADS-B layer: pure functions of frames, safe for empty input.

The map traces are ``Scattergeo`` like the dashboard's own map: each level is one filled trace of
hexagon outlines (rings separated by NaN, compact in JSON) plus one invisible-ish marker trace at
the hexagon centres that carries the hover text (aircraft counts), since hover works on points.
"""

from __future__ import annotations

import datetime as dt
import logging
import textwrap

import h3
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from tracker import safety
from tracker.adsb.levels import BAD, DATE, GOOD, HEX, HIGH, LEVEL, LEVEL_COLOURS, MEDIUM, SHARE
from tracker.adsb.stats import REGION

__all__ = [
    "CAVEAT",
    "LAYER_NAME",
    "hex_layer_traces",
    "layer_note",
    "layer_map_figure",
    "timeline_figure",
    "region_stats_figure",
]

logger = logging.getLogger(__name__)

LAYER_NAME = "ADS-B interference (GPSJam method)"
#: Shown wherever the layer is: what it is, and what its blanks mean.
CAVEAT = safety.ADSB_CAVEAT
_LABELS = {MEDIUM: "medium (2–10 % bad)", HIGH: "high (≥ 10 % bad)"}
#: Okabe-Ito colours (distinguishable with colour-vision deficiencies); grey for the rest.
_REGION_COLOURS = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
)  # fmt: skip
_OTHER_COLOUR = "#BBBBBB"


def _rgba(colour: str, alpha: float) -> str:
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _rings(hexes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    lons: list[float] = []
    lats: list[float] = []
    nan = float("nan")
    for cell in hexes:
        # H3 rings run counter-clockwise; d3-geo (plotly's geo fill) treats a counter-clockwise
        # ring as "everything but this hexagon" and paints the whole globe. Reverse it.
        boundary = h3.cell_to_boundary(cell)[::-1]
        ring_lon = [p[1] for p in boundary]
        if max(ring_lon) - min(ring_lon) > 180:  # crosses the antimeridian: skip, as GPSJam does
            continue
        lons.extend(ring_lon)
        lons.extend((ring_lon[0], nan))
        lats.extend(p[0] for p in boundary)
        lats.extend((boundary[0][0], nan))
    return np.round(np.array(lons, dtype=float), 3), np.round(np.array(lats, dtype=float), 3)


def _hover(summary: pd.DataFrame, suspect_days: set[dt.date], single_day: bool) -> np.ndarray:
    days = summary[DATE].to_numpy().astype("datetime64[D]")
    suspect = np.isin(days, np.array(sorted(suspect_days), dtype="datetime64[D]"))
    shares = np.maximum(summary[SHARE].to_numpy(dtype=float), 0.0) * 100
    goods = summary[GOOD].to_numpy(dtype=np.int64).tolist()
    bads = summary[BAD].to_numpy(dtype=np.int64).tolist()
    levels = summary[LEVEL].astype(str).tolist()
    highs = summary["days_high"].tolist() if not single_day else None
    mediums = summary["days_medium"].tolist() if not single_day else None
    out = []
    for i, (day, level, pct, good, bad) in enumerate(
        zip(days.astype(str).tolist(), levels, shares.tolist(), goods, bads, strict=True)
    ):
        text = (
            f"<b>ADS-B {level}</b>: {pct:.1f} % of aircraft bad<br>"
            f"{bad:,} bad, {good:,} good aircraft on {day}"
        )
        if highs is not None:
            text += f"<br>high on {int(highs[i])} day(s), medium on {int(mediums[i])} day(s)"
        if suspect[i]:
            text += "<br>⚠ GPSJam marks this day's data as incomplete"
        out.append(text)
    return np.array(out, dtype=object)


def hex_layer_traces(
    summary: pd.DataFrame,
    *,
    levels: tuple[str, ...] = (MEDIUM, HIGH),
    suspect_days: set[dt.date] | frozenset = frozenset(),
    single_day: bool = True,
) -> list[go.Scattergeo]:
    """Scattergeo traces of the layer's hexes, one filled trace per level plus hover markers.

    :param summary: one row per hex, from :func:`tracker.adsb.stats.hex_summary` (a single day's
        rows with ``share`` and ``level`` work too when ``single_day`` is True).
    :param levels: levels to draw (default medium and high).
    :param suspect_days: days GPSJam marks incomplete; flagged in hover text and trace names.
    :param single_day: the summary covers one day (hover text omits per-day counts).
    :returns: traces to add under the incidents; empty list for an empty summary.
    """
    if len(summary) == 0:
        return []
    rows = summary[summary[LEVEL].isin(levels)]
    traces: list[go.Scattergeo] = []
    # A single day's legend says when the day is incomplete; over a range, hover text says it
    # for each hexagon whose worst day was incomplete.
    suspect_in_view = single_day and any(
        pd.Timestamp(d).date() in suspect_days for d in rows[DATE].unique()
    )
    for level in levels:
        part = rows[rows[LEVEL] == level]
        if len(part) == 0:
            continue
        lon, lat = _rings(part[HEX].astype(str).tolist())
        name = f"ADS-B {_LABELS.get(level, level)}" + (
            " ⚠ incomplete day" if suspect_in_view else ""
        )
        traces.append(
            go.Scattergeo(
                lon=lon,
                lat=lat,
                mode="lines",
                fill="toself",
                fillcolor=_rgba(LEVEL_COLOURS[level], 0.5),
                line=dict(color=_rgba(LEVEL_COLOURS[level], 0.9), width=0.5),
                hoverinfo="skip",
                name=name,
                legendgroup="adsb",
            )
        )
    if traces:
        centres = np.array(
            [h3.cell_to_latlng(c) for c in rows[HEX].astype(str).tolist()], dtype=float
        )
        traces.append(
            go.Scattergeo(
                lon=centres[:, 1].round(3),
                lat=centres[:, 0].round(3),
                text=_hover(rows, set(suspect_days), single_day),
                hovertemplate="%{text}<extra></extra>",
                customdata=rows[HEX].astype(str).to_numpy(dtype=object),
                mode="markers",
                # Nearly invisible: at world scale hundreds of visible dots would hide the fill.
                marker=dict(size=6, color="rgba(0,0,0,0.02)", line=dict(width=0)),
                name="ADS-B hexagon centres",
                showlegend=False,
                legendgroup="adsb",
            )
        )
    return traces


def layer_note(summary: pd.DataFrame, *, suspect_days=frozenset(), days: int = 1) -> str:
    """The caveat plus what the layer shows (and whether a shown day is incomplete)."""
    parts = [CAVEAT]
    if len(summary) == 0:
        parts.append("No medium or high hexagons in this period (or no layer data for it).")
    shown = {pd.Timestamp(d).date() for d in summary[DATE].unique()} if len(summary) else set()
    flagged = sorted(d for d in shown if d in suspect_days)
    if flagged:
        parts.append("Incomplete data (GPSJam): " + ", ".join(d.isoformat() for d in flagged[:5]))
    if days > 1:
        parts.append(f"{days} days: each hexagon shows its worst day.")
    return " ".join(parts)


def layer_map_figure(
    summary: pd.DataFrame,
    *,
    suspect_days=frozenset(),
    single_day: bool = True,
    title: str | None = None,
) -> go.Figure:
    """A stand-alone map of the layer (for serving one day, exports and benchmarks)."""
    from tracker.figures import TEMPLATE

    fig = go.Figure(layout=dict(template=TEMPLATE))
    for trace in hex_layer_traces(summary, suspect_days=suspect_days, single_day=single_day):
        fig.add_trace(trace)
    if not fig.data:
        fig.add_trace(
            go.Scattergeo(lon=[], lat=[], mode="markers", showlegend=False, hoverinfo="skip")
        )
        fig.update_geos(lataxis_range=[25, 72], lonaxis_range=[-15, 60])
    else:
        fig.update_geos(fitbounds="locations")
    note = "<br>".join(textwrap.wrap(layer_note(summary, suspect_days=suspect_days), 110))
    fig.add_annotation(
        text=note,
        xref="paper",
        yref="paper",
        x=0.01,
        y=0.01,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font=dict(size=11),
        bgcolor="rgba(255,255,255,0.85)",
    )
    fig.update_layout(margin=dict(t=70 if title else 40, b=60))
    if title:
        fig.update_layout(title=dict(text=title, y=0.98, yanchor="top"))
        fig.update_layout(legend=dict(y=1.0, yanchor="bottom", x=0.35))
    return fig


def timeline_figure(daily: pd.DataFrame, *, suspect_days=frozenset(), top: int = 8) -> go.Figure:
    """Daily count of medium and high hexes per region (stacked bars), suspect days shaded.

    :param daily: from :func:`tracker.adsb.stats.daily_region_counts`.
    :param top: regions drawn separately; the rest are summed as "other regions".
    """
    from tracker.figures import TEMPLATE

    fig = go.Figure(layout=dict(template=TEMPLATE, barmode="stack"))
    if len(daily) == 0:
        fig.add_annotation(
            text="No ADS-B layer data for this period.",
            showarrow=False,
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    totals = daily.groupby(REGION)["affected"].sum().sort_values(ascending=False)
    keep = list(totals.index[:top])
    frame = daily.assign(**{REGION: daily[REGION].where(daily[REGION].isin(keep), "other regions")})
    table = frame.pivot_table(
        index=DATE, columns=REGION, values="affected", aggfunc="sum", fill_value=0
    )
    for i, region in enumerate([*keep, "other regions"]):
        if region in table:
            colour = _OTHER_COLOUR if region == "other regions" else _REGION_COLOURS[i % 8]
            fig.add_trace(
                go.Bar(
                    x=table.index,
                    y=table[region],
                    name=region,
                    marker_color=colour,
                    hovertemplate="%{x|%Y-%m-%d}: %{y:,} hexagons<extra>" + region + "</extra>",
                )
            )
    for day in sorted(suspect_days):
        ts = pd.Timestamp(day)
        if table.index.min() <= ts <= table.index.max():
            fig.add_vrect(
                x0=ts - pd.Timedelta(hours=12),
                x1=ts + pd.Timedelta(hours=12),
                fillcolor="#999999",
                opacity=0.25,
                line_width=0,
                annotation_text="incomplete",
                annotation_position="top left",
            )
    fig.update_layout(
        yaxis_title="medium + high hexagons",
        xaxis_title=None,
        legend=dict(
            title=dict(text="Region"), orientation="v", x=1.01, y=1.0, xanchor="left", yanchor="top"
        ),
    )
    fig.add_annotation(
        text=safety.NO_DATA_CAVEAT,
        xref="paper",
        yref="paper",
        x=1.01,
        y=0.0,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font=dict(size=11),
    )
    return fig


def region_stats_figure(stats: pd.DataFrame, *, top: int = 12) -> go.Figure:
    """Hex-days at medium and high per region (horizontal bars), from ``region_stats``.

    :param top: most affected regions shown (``stats`` is sorted most affected first).
    """
    from tracker.figures import TEMPLATE

    fig = go.Figure(layout=dict(template=TEMPLATE, barmode="stack"))
    if len(stats) == 0:
        fig.add_annotation(
            text="No ADS-B layer data for this period.",
            showarrow=False,
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
        )
        return fig
    order = stats.iloc[:top].iloc[::-1]
    for col, level in (("hex_days_high", HIGH), ("hex_days_medium", MEDIUM)):
        fig.add_trace(
            go.Bar(
                y=order[REGION],
                x=order[col],
                orientation="h",
                name=_LABELS[level],
                marker_color=LEVEL_COLOURS[level],
                marker_line=dict(color="#777777", width=0.5),
                hovertemplate="%{y}: %{x:,} hexagon-days<extra>" + level + "</extra>",
            )
        )
    fig.update_layout(xaxis_title="hexagon-days", legend=dict(title=dict(text="ADS-B layer")))
    return fig
