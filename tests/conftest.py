from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import sample_rows, write_dataset  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """Keep the geocoder's derived-index cache out of the user's ~/.cache during tests."""
    import os

    previous = os.environ.get("GNSS_TRACKER_CACHE_DIR")
    os.environ["GNSS_TRACKER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("GNSS_TRACKER_CACHE_DIR", None)
    else:
        os.environ["GNSS_TRACKER_CACHE_DIR"] = previous


@pytest.fixture
def small_dataset(tmp_path: Path) -> Path:
    """A valid three-incident dataset in a temporary folder."""
    incidents, sources = sample_rows(3)
    return write_dataset(tmp_path / "data", incidents, sources)
