"""Geocoding: place text to coordinates, country and region, offline first.

One interface, several back-ends, all geopy geocoders (``geocode()`` returns a
:class:`geopy.location.Location` or ``None`` for "not found"; errors raise):

* ``offline`` (default): :class:`~tracker.geocode.gazetteer.OfflineGeocoder`, airports, GeoNames
  cities, countries and curated areas, no network;
* ``nominatim``: OpenStreetMap's Nominatim behind a 1 request/s rate limiter, for contributors
  who pass ``--online``; see :mod:`tracker.geocode.online`.

>>> get_geocoder("offline").geocode("Vilnius Airport").raw["source"]
'gazetteer:airportsdata'
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from geopy.geocoders.base import Geocoder

from tracker.geocode.gazetteer import PRECISION_RANK, OfflineGeocoder
from tracker.geocode.regions import REGIONS, region_for, region_for_country

__all__ = [
    "OfflineGeocoder",
    "PRECISION_RANK",
    "REGIONS",
    "GEOCODERS",
    "get_geocoder",
    "region_for",
    "region_for_country",
]

logger = logging.getLogger(__name__)


def _nominatim(**kwargs) -> Geocoder:
    from tracker.geocode.online import make_nominatim

    return make_nominatim(**kwargs)


#: Registered back-ends: name -> factory taking keyword options.
GEOCODERS: dict[str, Callable[..., Geocoder]] = {
    "offline": OfflineGeocoder,
    "nominatim": _nominatim,
}


def get_geocoder(name: str = "offline", **options) -> Geocoder:
    """Build a geocoder by name.

    :param name: one of :data:`GEOCODERS` (``offline``, ``nominatim``).
    :param options: keyword options for the back-end.
    :returns: a geopy :class:`~geopy.geocoders.base.Geocoder`.
    :raises ValueError: for an unknown name; the message lists the valid ones.
    """
    try:
        factory = GEOCODERS[name.strip().lower()]
    except (KeyError, AttributeError):
        valid = ", ".join(sorted(GEOCODERS))
        raise ValueError(f"unknown geocoder {name!r}; valid names: {valid}") from None
    return factory(**options)
