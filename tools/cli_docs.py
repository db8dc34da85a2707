"""Write docs/cli.md from the CLI's own --help, so the reference cannot drift from the code.

Run ``python tools/cli_docs.py`` after changing a command; ``tests/test_docs.py`` fails when the
file is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tracker.cli import main

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _walk(command: click.Command, path: list[str], parent: click.Context | None = None):
    # Each context gets its parent, as on the command line, so settings such as the group's
    # ``-h`` alias for ``--help`` are inherited exactly as users see them.
    settings = {"terminal_width": 100, **command.context_settings}
    ctx = click.Context(command, info_name=path[-1], parent=parent, **settings)
    yield path, command, ctx
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], [*path, name], ctx)


def render() -> str:
    parts = [
        "# Command-line reference\n",
        "Generated from `--help` by `tools/cli_docs.py`; do not edit by hand.\n",
    ]
    for path, command, ctx in _walk(main, ["gnss-tracker"]):
        help_text = command.get_help(ctx)
        level = "#" * min(len(path) + 1, 4)
        parts.append(f"{level} `{' '.join(path)}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUTPUT.exists() and OUTPUT.read_text("utf-8") == text else 1)
    OUTPUT.write_text(text, "utf-8")
    print(f"wrote {OUTPUT}")
