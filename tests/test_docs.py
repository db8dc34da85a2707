"""Documentation is generated from the code, and every command is documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from tracker.cli import main

REPO = Path(__file__).resolve().parent.parent


def _load_tool():
    spec = importlib.util.spec_from_file_location("cli_docs", REPO / "tools" / "cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_up_to_date():
    tool = _load_tool()
    assert tool.OUTPUT.read_text("utf-8") == tool.render(), "run: python tools/cli_docs.py"


def test_every_top_level_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text("utf-8")
    missing = [name for name in main.commands if f"`{name}" not in readme]
    assert missing == [], f"commands missing from README.md: {missing}"


def test_every_command_has_help():
    def walk(command: click.Command, path: str):
        yield path, command
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                yield from walk(sub, f"{path} {name}")

    undocumented = [
        path for path, command in walk(main, "gnss-tracker") if not (command.help or "").strip()
    ]
    assert undocumented == []


def test_every_column_is_described():
    from tracker import schema

    for field in schema.INCIDENT_FIELDS + schema.SOURCE_FIELDS + schema.FIGURE_FIELDS:
        assert len(field.description) > 10, field.name
    contributing = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    missing = [name for name in schema.INCIDENT_COLUMNS if f"`{name}`" not in contributing]
    assert missing == [], f"columns missing from CONTRIBUTING.md: {missing}"
    missing = [name for name in schema.FIGURE_COLUMNS if f"`{name}`" not in contributing]
    assert missing == [], f"figure columns missing from CONTRIBUTING.md: {missing}"
