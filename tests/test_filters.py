"""Tests for tracker.filters: the filter model shared by the dashboard and the exports."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from dashboard_data import incident, incidents_frame

from tracker import filters as F
from tracker.filters import Filters
from tracker.schema import INC


@pytest.fixture
def frame() -> pd.DataFrame:
    return incidents_frame(
        [
            incident(),
            incident(
                **{
                    INC.id: "2024-05-02-tallinn",
                    INC.date: "2024-05-02",
                    INC.location: "Tallinn",
                    INC.latitude: 59.44,
                    INC.longitude: 24.75,
                    INC.country: "EE",
                    INC.interference: "spoofing",
                    INC.confidence: "confirmed",
                    INC.summary: "Spoofed position over the GULF of Finland.",
                }
            ),
            incident(
                **{
                    INC.id: "2023-11-01-larnaca",
                    INC.date: "2023-11-01",
                    INC.date_precision: "month",
                    INC.location: "Larnaca",
                    INC.latitude: 34.9,
                    INC.longitude: 33.6,
                    INC.country: "CY",
                    INC.region: "Eastern Mediterranean",
                    INC.interference: "both",
                    INC.flight: "CY42",
                    INC.summary: "<b>bold</b> claim",
                }
            ),
            incident(
                **{
                    INC.id: "2024-01-20-baltic-sea",
                    INC.date: "2024-01-20",
                    INC.end_date: "2024-02-03",
                    INC.location: "Baltic Sea",
                    INC.latitude: 57.5,
                    INC.longitude: 19.0,
                    INC.country: "",
                    INC.interference: "jamming",
                    INC.confidence: "disputed",
                    INC.operator: "Nordic Wings",
                }
            ),
        ]
    )


def ids(df: pd.DataFrame) -> set[str]:
    return set(df[INC.id])


def test_default_filters_match_everything_and_return_a_new_frame(frame):
    out = Filters().apply(frame)
    assert ids(out) == ids(frame)
    assert out is not frame
    assert Filters().is_empty
    assert Filters().to_query() == ""
    assert Filters().describe() == "All incidents"


def test_apply_does_not_mutate_input(frame):
    before = frame.copy()
    Filters.validated(text="riga", interference=["jamming"], date_from="2024-01-01").apply(frame)
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"interference": ["spoofing"]}, {"2024-05-02-tallinn"}),
        (
            {"interference": ["jamming", "both"]},
            {"2024-03-10-riga", "2023-11-01-larnaca", "2024-01-20-baltic-sea"},
        ),
        ({"region": ["Eastern Mediterranean"]}, {"2023-11-01-larnaca"}),
        ({"country": ["ee", "CY"]}, {"2024-05-02-tallinn", "2023-11-01-larnaca"}),
        ({"confidence": ["disputed"]}, {"2024-01-20-baltic-sea"}),
        ({"ids": ["2024-03-10-riga"]}, {"2024-03-10-riga"}),
    ],
)
def test_value_filters(frame, kwargs, expected):
    assert ids(Filters.validated(**kwargs).apply(frame)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gulf of finland", {"2024-05-02-tallinn"}),  # summary, case-insensitive
        ("RIGA", {"2024-03-10-riga"}),  # location and id
        ("cy42", {"2023-11-01-larnaca"}),  # flight
        ("nordic", {"2024-01-20-baltic-sea"}),  # operator
        (
            "twenty minutes",
            {
                "2024-03-10-riga",
                "2024-05-02-tallinn",
                "2023-11-01-larnaca",
                "2024-01-20-baltic-sea",
            },
        ),
        ("<b>", {"2023-11-01-larnaca"}),  # literal, not markup
        (".*", set()),  # literal, not a regular expression
        ("no such thing", set()),
    ],
)
def test_text_search_is_literal_and_case_insensitive(frame, text, expected):
    f = Filters.validated(text=text)
    assert ids(f.apply(frame)) == expected


def test_text_search_does_not_match_across_fields(frame):
    # "Riga" ends the location and "Crew" starts the summary: the haystack must not bridge them.
    assert ids(Filters.validated(text="riga crew").apply(frame)) == set()


def test_date_range_uses_the_whole_month_of_month_precision_incidents(frame):
    # Larnaca is known only to November 2023: a range starting mid-November still includes it.
    f = Filters.validated(date_from="2023-11-15", date_to="2023-11-30")
    assert ids(f.apply(frame)) == {"2023-11-01-larnaca"}
    assert (
        ids(Filters.validated(date_from="2023-12-01", date_to="2023-12-31").apply(frame)) == set()
    )


def test_date_range_overlaps_multi_day_incidents(frame):
    f = Filters.validated(date_from="2024-02-01", date_to="2024-02-10")
    assert ids(f.apply(frame)) == {"2024-01-20-baltic-sea"}


def test_date_bounds_are_inclusive(frame):
    f = Filters.validated(date_from="2024-03-10", date_to="2024-03-10")
    assert ids(f.apply(frame)) == {"2024-03-10-riga"}


def test_tz_aware_dates_are_handled(frame):
    aware = frame.assign(**{INC.date: frame[INC.date].dt.tz_localize("UTC")})
    f = Filters.validated(date_from="2024-03-10", date_to="2024-03-10")
    assert ids(f.apply(aware)) == {"2024-03-10-riga"}


def test_area_box_and_lasso(frame):
    box = Filters.validated(area=[(20, 55), (30, 55), (30, 60), (20, 60)])
    assert ids(box.apply(frame)) == {"2024-03-10-riga", "2024-05-02-tallinn"}
    # A triangle containing Riga (24.11, 56.95) but not Tallinn (24.75, 59.44).
    lasso = Filters.validated(area=[(22, 55), (27, 55), (24.5, 58.5)])
    assert ids(lasso.apply(frame)) == {"2024-03-10-riga"}


def test_query_round_trip_restores_every_filter():
    f = Filters.validated(
        date_from="2024-01-01",
        date_to="2024-06-30",
        interference=["spoofing", "jamming"],
        region=["Baltic Sea region", "Europe (other)"],
        country=["LV", "EE"],
        confidence=["confirmed"],
        text="A&B = c?d #e",
        area=[(20, 55), (30, 55), (30, 60.25), (20, 60)],
        ids=["2024-03-10-riga"],
    )
    query = f.to_query()
    assert query.startswith("?")
    assert "#" not in query and " " not in query
    assert Filters.from_query(query) == f
    assert Filters.from_query(query.lstrip("?")) == f


@pytest.mark.parametrize(
    "query",
    [
        None,
        "",
        "?",
        "?from=not-a-date&to=&interference=evil&country=Latvia&confidence=1",
        "?area=1,2;3",
        "?area=nan,1;2,3;4,5",
        "?area=a,b;c,d;e,f",
        "?id=../../etc/passwd",
        "?%ff%fe=%ff",
        "?" + "&".join(f"x{i}=1" for i in range(2000)),
    ],
)
def test_from_query_drops_junk_without_raising(query):
    assert Filters.from_query(query) == Filters()


def test_from_query_clamps_and_orders_dates():
    f = Filters.from_query("?from=9999-12-31&to=0001-01-01")
    assert (f.date_from, f.date_to) == (F.MIN_DATE, F.MAX_DATE)
    f = Filters.from_query("?from=2024-02-31")
    assert f.date_from == dt.date(2024, 2, 29)


def test_lists_are_capped_and_deduplicated():
    many = [f"Region {i}" for i in range(500)]
    f = Filters.validated(region=many + many, country=["LV", "lv", "LV"])
    assert len(f.region) == F.MAX_VALUES
    assert f.country == ("LV",)


def test_text_is_capped_and_control_characters_removed():
    f = Filters.validated(text="a\x00b\u202e" + "x" * 1000)
    assert f.text.startswith("ab")
    assert len(f.text) == F.MAX_TEXT
    assert "\x00" not in f.text and "\u202e" not in f.text


def test_enum_order_is_canonical_so_urls_are_stable():
    a = Filters.validated(interference=["spoofing", "jamming"])
    b = Filters.validated(interference=["jamming", "spoofing", "JAMMING"])
    assert a == b and a.to_query() == b.to_query()


@pytest.mark.parametrize(
    "bad",
    [42, {"a": 1}, [None, 3, object()], "x" * 10_000],
)
def test_validated_survives_ill_typed_callback_values(bad):
    f = Filters.validated(
        date_from=bad,
        date_to=bad,
        interference=bad,
        region=bad,
        country=bad,
        confidence=bad,
        text=bad,
        area=bad,
        ids=bad,
    )
    assert f.interference == () and f.country == () and f.area == ()


def test_known_regions_and_countries_restrict_values():
    f = Filters.validated(
        region=["Baltic Sea region", "Atlantis"],
        country=["LV", "ZZ"],
        known_regions={"Baltic Sea region"},
        known_countries={"LV"},
    )
    assert f.region == ("Baltic Sea region",) and f.country == ("LV",)


def test_describe_names_every_active_filter():
    text = Filters.validated(
        interference=["jamming", "spoofing"],
        region=["Baltic Sea region"],
        country=["LV"],
        confidence=["confirmed"],
        date_from="2024-01-01",
        date_to="2024-03-31",
        text="riga",
        area=[(1, 1), (2, 1), (2, 2)],
    ).describe()
    for part in (
        "Jamming or spoofing",
        "Baltic Sea region",
        "Latvia",
        "confidence confirmed",
        "1 Jan 2024 – 31 Mar 2024",
        "“riga”",
        "map area",
    ):
        assert part in text


def test_replace_validates():
    f = Filters().replace(interference=["bogus", "jamming"], date_from="2024-01-01")
    assert f.interference == ("jamming",) and f.date_from == dt.date(2024, 1, 1)


def test_empty_frame(frame):
    empty = frame.iloc[0:0]
    out = Filters.validated(text="x", date_from="2024-01-01", area=[(0, 0), (1, 0), (1, 1)]).apply(
        empty
    )
    assert len(out) == 0


@pytest.mark.parametrize("needle", ["strasse", "STRASSE", "straße", "gps", "İst", "ǆ", "riga", "-"])
def test_column_search_matches_the_case_folded_haystack(needle):
    # The dashboard searches column by column (Arrow lower-cases ASCII text in C); full case
    # folding (ß -> ss, ǅ -> ǆ, İ -> i̇) must give the same rows as searching search_text.
    frame = pd.DataFrame(
        {
            INC.id: ["a-1", "b-2", "c-3", "d-4", "e-5"],
            INC.location: ["Straße", "GPS field", "İstanbul", "Ǆemal", "Riga-Tallinn"],
            INC.summary: ["plain", "Strasse", "text", "x", "y"],
        }
    )
    folded = needle.casefold()
    expected = F.search_text(frame).str.contains(folded, regex=False).to_numpy()
    assert F._search_columns(frame, folded).tolist() == expected.tolist()


def test_value_filters_on_category_columns_match_the_text_columns(frame):
    # The dashboard holds these columns as categories and answers them from the codes.
    frame = frame.copy()
    frame.loc[frame.index[0], INC.region] = None  # a missing value never matches
    as_categories = frame.astype({c: "category" for c in (INC.interference, INC.region)})
    regions = sorted(set(frame[INC.region].dropna()))
    for chosen in (
        Filters(interference=("spoofing",)),
        Filters(interference=("jamming", "both"), region=(regions[0],)),
        Filters(region=("No such region",)),
        Filters(region=tuple(regions)),
    ):
        expected = chosen.mask(frame)
        assert (chosen.mask(as_categories) == expected).all()
    assert not Filters(region=tuple(regions)).mask(as_categories)[0]
