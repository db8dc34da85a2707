"""Wording lookup tables of the query grammar give the answers of a test of every phrase.

:func:`tracker.geocode.query._strip_prefix` and ``_strip_suffix`` look phrases up by a text's
first or last word instead of testing each phrase in turn; the first phrase in list order must
still win ("off the coast of X" is X, not "the coast of X"), and ``_split`` must cut the same
places whether or not the text has brackets.
"""

from __future__ import annotations

import pytest

from tracker.geocode import query as q

PREFIXES = {
    "plain": (q._PLAIN_PREFIXES, q._PLAIN_PREFIX_WORDS),
    "vague": (q._VAGUE_PREFIXES, q._VAGUE_PREFIX_WORDS),
    "directions": (q._DIRECTIONS, q._DIRECTION_WORDS),
}
SUFFIXES = {
    "plain": (q._PLAIN_SUFFIXES, q._PLAIN_SUFFIX_WORDS),
    "vague": (q._VAGUE_SUFFIXES, q._VAGUE_SUFFIX_WORDS),
    "edge": (q._EDGE_SUFFIXES, q._EDGE_SUFFIX_WORDS),
    "fir": (q._FIR_SUFFIXES, q._FIR_SUFFIX_WORDS),
}


def _every_prefix(text, phrases):
    for prefix in phrases:
        if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
            return prefix, text[len(prefix) + 1 :]
    return None


def _every_suffix(text, phrases):
    for suffix in phrases:
        if text.endswith(" " + suffix) and len(text) > len(suffix) + 1:
            return suffix, text[: -len(suffix) - 1]
    return None


def _texts(phrases):
    names = ("kaliningrad", "gulf of finland", "north", "the", "off", "area", "x")
    every = [p for group in (*PREFIXES.values(), *SUFFIXES.values()) for p in group[0]]
    for phrase in phrases:
        yield phrase
        for name in names:
            yield f"{phrase} {name}"
            yield f"{name} {phrase}"
            for other in every:
                yield f"{phrase} {other} {name}"
                yield f"{name} {other} {phrase}"


@pytest.mark.parametrize("kind", PREFIXES)
def test_prefix_table_finds_what_testing_every_phrase_finds(kind):
    phrases, table = PREFIXES[kind]
    for text in _texts(phrases):
        assert q._strip_prefix(text, table) == _every_prefix(text, phrases), text


@pytest.mark.parametrize("kind", SUFFIXES)
def test_suffix_table_finds_what_testing_every_phrase_finds(kind):
    phrases, table = SUFFIXES[kind]
    for text in _texts(phrases):
        assert q._strip_suffix(text, table) == _every_suffix(text, phrases), text


def test_longer_wording_wins_over_its_first_word():
    assert q._strip_prefix("off the coast of latakia", q._VAGUE_PREFIX_WORDS) == (
        "off the coast of",
        "latakia",
    )
    assert q._strip_prefix("north east of riga", q._VAGUE_PREFIX_WORDS) == (
        "north east of",
        "riga",
    )
    assert q._strip_suffix("iran border area", q._EDGE_SUFFIX_WORDS) == ("border area", "iran")


@pytest.mark.parametrize(
    ("raw", "position", "parts"),
    [
        ("Vilnius, Lithuania", 1, ["Vilnius", "Lithuania"]),
        ("Riga (EVRA, Latvia), Estonia", 1, ["Riga (EVRA, Latvia)", "Estonia"]),
        ("Tallinn–Savonlinna", 3, ["Tallinn", "Savonlinna"]),
        ("Kaliningrad to Gdansk (Poland) and Riga", 4, ["Kaliningrad", "Gdansk (Poland)", "Riga"]),
        ("Gdansk (north to Hel)", 4, ["Gdansk (north to Hel)"]),
    ],
)
def test_split_cuts_outside_brackets_only(raw, position, parts):
    assert q.QueryResolver._split(q._SEPARATORS[position], raw) == parts
