"""Regions, curated areas and offline reverse geocoding."""

from __future__ import annotations

import csv
import importlib.resources
from collections import Counter

import pytest

from tracker import schema
from tracker.geocode.areas import load_areas
from tracker.geocode.regions import REGIONS, region_for, region_for_country
from tracker.geocode.reverse import country_at


def _rows(name: str) -> list[dict]:
    text = importlib.resources.files("tracker.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_every_country_maps_to_exactly_one_known_region():
    rows = _rows("country_regions.csv")
    counts = Counter(row["country"] for row in rows)
    assert [code for code, n in counts.items() if n != 1] == []
    assert set(counts) == schema.country_codes()
    assert {row["region"] for row in rows} <= set(REGIONS)


def test_every_country_in_the_shipped_data_has_a_region():
    from tracker import dataset

    shipped = dataset.load(dataset.DEFAULT_DATA_DIR)
    for code in set(shipped.incidents[schema.INC.country]) - {""}:
        assert region_for_country(code), code


def test_curated_areas_are_consistent():
    names = Counter()
    for area in load_areas():
        assert area.region in REGIONS, area.name
        assert area.country == "" or area.country in schema.country_codes(), area.name
        assert area.kind in ("sea", "land", "region", "fir"), area.name
        assert -90 <= area.latitude <= 90 and -180 <= area.longitude <= 180
        assert area.radius_km > 0
        if area.bbox is not None:
            assert area.contains(area.latitude, area.longitude), area.name
        if area.kind == "sea":
            assert area.country in ("", "EG"), area.name
        names.update({area.name.lower(), *(a.lower() for a in area.aliases)})
    assert [n for n, c in names.items() if c > 1] == []


@pytest.mark.parametrize(
    ("lat", "lon", "country"),
    [
        (54.71, 20.51, "RU"),  # Kaliningrad
        (32.01, 34.89, "IL"),  # Ben Gurion airport
        (35.15, 33.50, "CY"),  # Ercan, northern Cyprus
        (32.69, 74.84, "IN"),  # Jammu (a disputed-area id on the map)
        (-33.87, 151.21, "AU"),
        (64.84, -147.72, "US"),  # Fairbanks
        (43.0, 34.0, ""),  # Black Sea
        (59.9, 26.0, ""),  # Gulf of Finland
        (0.0, -140.0, ""),  # Pacific
    ],
)
def test_country_at(lat, lon, country):
    assert country_at(lat, lon) == country


def test_country_at_rejects_out_of_range():
    with pytest.raises(ValueError):
        country_at(95.0, 10.0)


@pytest.mark.parametrize(
    ("country", "lat", "lon", "region"),
    [
        ("RU", 54.71, 20.51, "Baltic Sea region"),  # Kaliningrad
        ("RU", 55.75, 37.62, "Russia and Belarus"),  # Moscow
        ("RU", 68.97, 33.08, "Nordic and Arctic"),  # Murmansk
        ("RU", 43.32, 45.69, "Caucasus"),  # Grozny
        ("FI", 68.66, 27.55, "Nordic and Arctic"),  # Ivalo
        ("FI", 60.17, 24.94, "Baltic Sea region"),  # Helsinki
        ("", 43.0, 34.0, "Black Sea"),
        ("", 26.8, 51.5, "Middle East"),
        ("", 15.0, 88.0, "South Asia"),
        ("", -40.0, -30.0, "Caribbean and South America"),  # South Atlantic: nearest city
        ("IL", None, None, "Eastern Mediterranean"),
        ("", None, None, ""),
    ],
)
def test_region_for(country, lat, lon, region):
    assert region_for(country, lat, lon) == region


def test_region_for_country_is_case_insensitive_and_total():
    assert region_for_country("no") == "Nordic and Arctic"
    assert region_for_country("ZZ") == ""


def test_regions_are_documented():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "regions.md").read_text("utf-8")
    for region in REGIONS:
        assert f"### {region}" in text, region
