from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import sample_rows, write_dataset  # noqa: E402


@pytest.fixture
def small_dataset(tmp_path: Path) -> Path:
    """A valid three-incident dataset in a temporary folder."""
    incidents, sources = sample_rows(3)
    return write_dataset(tmp_path / "data", incidents, sources)
