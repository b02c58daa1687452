"""Cache isolation: roadvault's caches (the progress scan cache, the build fast path) live
outside vaults, in the user's cache folder (ROADVAULT_CACHE_DIR overrides it). Every test gets
a fresh, empty one of its own: the user's is never read or written, no test sees another's
(so tests pass in any order and on any xdist worker), and "nothing outside the vault changed"
can be checked without noise. The folder is the fixture's value."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    folder = tmp_path_factory.mktemp("rv-cache")
    monkeypatch.setenv("ROADVAULT_CACHE_DIR", str(folder))
    return folder
