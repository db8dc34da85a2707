"""The problem-code registry (tracker.problems.ERROR_TYPES): every code the validator can emit is
registered, nothing else can be emitted, and CONTRIBUTING's table is the registry."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tracker.problems import ERROR_TYPES, SEVERITIES, Problem, error_type

REPO = Path(__file__).resolve().parent.parent


def render_table() -> str:
    """CONTRIBUTING's table, as the registry gives it."""
    lines = ["| code | severity | rule |", "|---|---|---|"]
    for kind in ERROR_TYPES.values():
        lines.append(f"| `{kind.code}` | {kind.severity} | {kind.description} |")
    return "\n".join(lines)


def test_contributing_lists_exactly_the_registered_codes():
    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    assert render_table() in text, "CONTRIBUTING.md's table of codes must read:\n" + render_table()


def test_unregistered_codes_and_wrong_severities_are_refused():
    with pytest.raises(KeyError, match="unregistered problem code 'no-such-rule'"):
        Problem("f.csv", 1, 1, "x", "no-such-rule", "message")
    with pytest.raises(ValueError, match="registered as 'format'"):
        Problem("f.csv", 1, 1, "", "line-ending", "message")
    assert Problem("f.csv", 1, 1, "", "line-ending", "m", "format").severity == "format"
    assert error_type("null-island").title == "Null Island"


def test_registry_entries_are_well_formed():
    for code, kind in ERROR_TYPES.items():
        assert code == kind.code and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code)
        assert kind.severity in SEVERITIES and kind.title and kind.description


def _literal_codes() -> set[str]:
    """String literals passed where a code goes anywhere in the package (a Problem's fifth
    argument, or a ``_report`` call's fourth)."""
    found = set()
    for path in sorted((REPO / "tracker").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            callee = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = {"Problem": 4, "_report": 3}.get(callee)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def test_every_code_in_the_code_is_registered_and_every_registered_code_is_used():
    used = _literal_codes()
    assert used - set(ERROR_TYPES) == set()
    # A few codes travel through variables (csvio picks one of several per failure).
    source = "".join(p.read_text("utf-8") for p in (REPO / "tracker").rglob("*.py"))
    unused = [code for code in ERROR_TYPES if f'"{code}"' not in source]
    assert unused == []


def test_schema_descriptions_name_only_files_that_exist():
    from tracker import schema

    for spec in (*schema.INCIDENT_FIELDS, *schema.SOURCE_FIELDS):
        for path in re.findall(r"\b(?:tracker|docs|data)/[\w./-]+\.\w+", spec.description):
            assert (REPO / path).is_file(), f"{spec.name}: {path} does not exist"


def test_one_list_of_regions():
    from tracker import schema, validate
    from tracker.geocode.areas import load_areas
    from tracker.geocode.regions import REGIONS, country_regions

    assert REGIONS is schema.REGIONS and validate.known_regions() == set(schema.REGIONS)
    assert set(country_regions().values()) == set(schema.REGIONS)
    assert {area.region for area in load_areas()} <= set(schema.REGIONS)
    listed = (REPO / "docs" / "regions.md").read_text("utf-8")
    assert [r for r in schema.REGIONS if r not in listed] == []
