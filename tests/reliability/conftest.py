"""Fixtures of the reliability suite."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_progress_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep the progress cache (written outside vaults, by design) out of the user's home,
    so "nothing outside the vault changed" can be checked without noise."""
    folder = tmp_path_factory.mktemp("rv-cache")
    monkeypatch.setenv("ROADVAULT_CACHE_DIR", str(folder))
    return folder
