"""The progress tests' hand-made vault, for the watcher tests."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "progress"))

from progress_vaults import (
    JOINS,
    MODEL,
    PIPE_NOTE,
    ROADMAP_NOTE,
    make_vault,
    private_cache,
)
from test_progress_history import tick

__all__ = ["JOINS", "MODEL", "PIPE_NOTE", "ROADMAP_NOTE", "make_vault", "private_cache", "tick"]
