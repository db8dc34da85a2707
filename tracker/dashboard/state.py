"""The dashboard's whole view state, kept in the URL query string.

A :class:`ViewState` is the filters (:class:`tracker.filters.Filters`) plus the incident whose
detail is open. :func:`next_state` computes the state after one user action; it is a pure function
so the callback stays thin and every branch is unit-tested without a browser.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from tracker import filters as filters_mod
from tracker import schema
from tracker.dashboard import ids
from tracker.filters import Filters

__all__ = ["ViewState", "next_state", "selection_area", "brushed_dates", "MAX_SELECTION_POINTS"]

_KEY_INCIDENT = "incident"
_KEY_LAYER = "layer"
_LAYER_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_LAYERS = 10
#: A layer's own URL parameter: ``<layer id>.<name>=<value>``, all kebab-case.
_PARAM_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")
_PARAM_VALUE_RE = _LAYER_RE
_MAX_PARAMS = 10
_ID_RE = re.compile(schema.ID_PATTERN)
#: Most selected points turned into an id selection (when a selection carries no area).
MAX_SELECTION_POINTS = filters_mod.MAX_IDS


@dataclass(frozen=True)
class ViewState:
    """Filters, the open incident (``""`` for none), the optional map layers switched on, and
    the layers' own settings (``params``: ``(("adsb.evidence", "contradicted"),)``)."""

    filters: Filters = Filters()
    incident: str = ""
    layers: tuple[str, ...] = ()
    params: tuple[tuple[str, str], ...] = ()

    def param(self, key: str) -> str | None:
        """A layer's setting (``"<layer id>.<name>"``), or None when it is not set."""
        return dict(self.params).get(key)

    def with_param(self, key: str, value: str | None) -> ViewState:
        """The state with one layer setting changed (``None`` or ``""`` removes it)."""
        rest = [(k, v) for k, v in self.params if k != key]
        if value:
            rest.append((key, value))
        return dataclasses.replace(self, params=_clean_params(rest))

    def to_query(self) -> str:
        """The state as a query string (``""`` for the default view)."""
        query = self.filters.to_query()
        # Ids, layer names and settings match strict patterns (no characters needing quoting).
        extra = [f"{_KEY_LAYER}={layer}" for layer in self.layers]
        extra += [f"{key}={value}" for key, value in self.params]
        if self.incident:
            extra.append(f"{_KEY_INCIDENT}={self.incident}")
        if extra:
            query = (query + "&" if query else "?") + "&".join(extra)
        return query

    @classmethod
    def from_query(cls, query: str | None, **known) -> ViewState:
        """Parse a query string leniently (see :meth:`tracker.filters.Filters.from_query`)."""
        params = filters_mod.parse_query(query)
        incident = (params.get(_KEY_INCIDENT) or [""])[0]
        if len(incident) > schema.ID_MAX_LENGTH or not _ID_RE.match(incident):
            incident = ""
        settings = [(k, v[0]) for k, v in params.items() if "." in k and v]
        return cls(
            Filters.from_query(query, **known),
            incident,
            _clean_layers(params.get(_KEY_LAYER)),
            _clean_params(settings),
        )


def _clean_params(pairs) -> tuple[tuple[str, str], ...]:
    """Valid layer settings, one value per key, sorted by key, at most :data:`_MAX_PARAMS`."""
    out: dict[str, str] = {}
    for key, value in pairs:
        if (
            isinstance(key, str)
            and isinstance(value, str)
            and len(key) <= 60
            and len(value) <= 40
            and _PARAM_KEY_RE.match(key)
            and _PARAM_VALUE_RE.match(value)
            and key not in out
        ):
            out[key] = value
    return tuple(sorted(out.items()))[:_MAX_PARAMS]


def _clean_layers(values) -> tuple[str, ...]:
    out: list[str] = []
    for value in values if isinstance(values, (list, tuple)) else []:
        if (
            isinstance(value, str)
            and len(value) <= 40
            and _LAYER_RE.match(value)
            and value not in out
        ):
            out.append(value)
    return tuple(out[:_MAX_LAYERS])


def _as_str(value) -> str | None:
    return value if isinstance(value, str) else None


def selection_area(selected) -> tuple | list | None:
    """The polygon of a map box or lasso selection (``[(lon, lat), ...]``), or ``None``.

    Plotly reports a box on a geo subplot as ``range.geo = [[lon0, lat0], [lon1, lat1]]`` and a
    lasso as ``lassoPoints.geo = [[lon, lat], ...]``.
    """
    if not isinstance(selected, dict):
        return None
    box = (
        (selected.get("range") or {}).get("geo")
        if isinstance(selected.get("range"), dict)
        else None
    )
    if (
        isinstance(box, list)
        and len(box) == 2
        and all(isinstance(p, list) and len(p) == 2 for p in box)
    ):
        (x0, y0), (x1, y1) = box
        return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    lasso = selected.get("lassoPoints")
    points = lasso.get("geo") if isinstance(lasso, dict) else None
    if isinstance(points, list) and len(points) >= 3:
        return points[: filters_mod.MAX_POLYGON_VERTICES]
    return None


def brushed_dates(selected) -> tuple[str, str] | None:
    """The date range brushed on the timeline (``range.x``), or ``None``."""
    if not isinstance(selected, dict) or not isinstance(selected.get("range"), dict):
        return None
    x = selected["range"].get("x")
    if not (isinstance(x, list) and len(x) == 2 and all(isinstance(v, str) for v in x)):
        return None
    return x[0][:10], x[1][:10]


def _clicked_key(click) -> str | None:
    """``customdata`` of the first clicked point (an incident id, region or country key)."""
    if not isinstance(click, dict):
        return None
    points = click.get("points")
    if not isinstance(points, list) or not points or not isinstance(points[0], dict):
        return None
    return _as_str(points[0].get("customdata"))


def _toggle(values: tuple[str, ...], value: str) -> list[str]:
    return [v for v in values if v != value] if value in values else [*values, value]


def next_state(
    state: ViewState, trigger: str | None, value, *, controls: dict | None = None
) -> ViewState:
    """The view state after one user action.

    :param state: the state before (parsed from the URL).
    :param trigger: the id of the component that changed (``ids.*``), or ``None`` for a page load.
    :param value: the changed property's value (selection, click data, active cell, ...).
    :param controls: current values of the filter controls, keyed by id (used when a control
        triggered): ``{ids.DATES: (start, end), ids.INTERFERENCE: [...], ...}``.
    :returns: the new state; equal to ``state`` when the action means nothing.
    """
    f = state.filters
    if trigger in (None, ids.URL):
        return state
    if trigger == ids.RESET:
        return ViewState(layers=state.layers)
    if trigger == ids.CLEAR_AREA:
        return dataclasses.replace(state, filters=f.replace(area=(), ids=()))
    if trigger == ids.DETAIL_CLOSE:
        return dataclasses.replace(state, incident="")
    if trigger == ids.MAP_LAYERS:
        return dataclasses.replace(
            state, layers=_clean_layers((controls or {}).get(ids.MAP_LAYERS))
        )
    if trigger in (ids.DATES, ids.INTERFERENCE, ids.REGION, ids.COUNTRY, ids.CONFIDENCE, ids.TEXT):
        c = controls or {}
        start, end = c.get(ids.DATES) or (None, None)
        return dataclasses.replace(
            state,
            filters=f.replace(
                date_from=start,
                date_to=end,
                interference=c.get(ids.INTERFERENCE),
                region=c.get(ids.REGION),
                country=c.get(ids.COUNTRY),
                confidence=c.get(ids.CONFIDENCE),
                text=c.get(ids.TEXT) or "",
            ),
        )
    if trigger == ids.MAP + ".selectedData":
        if value is None:  # double-click on the map clears the selection
            return dataclasses.replace(state, filters=f.replace(area=(), ids=()))
        area = selection_area(value)
        if area is not None:
            return dataclasses.replace(state, filters=f.replace(area=area, ids=()))
        return state
    if trigger == ids.MAP + ".clickData":
        key = _clicked_key(value)
        if key is None or not _ID_RE.match(key):
            return state  # a hexagon or an area outline: nothing to open
        return dataclasses.replace(state, incident=key)
    if trigger == ids.TIMELINE:
        dates = brushed_dates(value)
        if dates is None:
            return state
        return dataclasses.replace(state, filters=f.replace(date_from=dates[0], date_to=dates[1]))
    if trigger in (ids.REGION_BARS, ids.REGION_TABLE):
        key = _clicked_key(value) if trigger == ids.REGION_BARS else _row_id(value)
        if key is None:
            return state
        return dataclasses.replace(state, filters=f.replace(region=_toggle(f.region, key)))
    if trigger in (ids.COUNTRY_BARS, ids.COUNTRY_TABLE):
        key = _clicked_key(value) if trigger == ids.COUNTRY_BARS else _row_id(value)
        if not key:  # "" is open sea: not a country filter
            return state
        return dataclasses.replace(state, filters=f.replace(country=_toggle(f.country, key)))
    return state


def _row_id(active_cell) -> str | None:
    if not isinstance(active_cell, dict):
        return None
    return _as_str(active_cell.get("row_id"))


def date_value(d: dt.date | None) -> str | None:
    """A date as the date picker wants it."""
    return d.isoformat() if d else None
