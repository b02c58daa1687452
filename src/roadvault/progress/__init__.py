"""Progress: scan a vault's checkboxes, keep the history, write Progress.md.

Public API:

    scan_vault(vault, *, use_cache=True) -> VaultProgress
        every note scanned (re-using the per-file cache), history loaded; writes nothing
        to the vault. VaultError when the folder is not a roadvault vault.
    progress_summary(state, *, now=None) -> dict
        the `roadvault status --json` object (schema: progress/summary.py).
    write_progress(vault, *, now=None) -> bool
        scan, record status changes in .roadvault/history.jsonl, rewrite Progress.md if
        its text changed (under the vault lock); True when Progress.md was written.
    scan_tasks(text) -> list[model.Task]
        the task scanner for one note (obsidian/blocks.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from roadvault.gcpause import collector_paused
from roadvault.obsidian.blocks import scan_tasks
from roadvault.progress.summary import summary_json
from roadvault.progress.vault_scan import VaultProgress, utc_now

__all__ = ["VaultProgress", "progress_summary", "scan_tasks", "scan_vault", "write_progress"]


def scan_vault(vault: Path, *, use_cache: bool = True) -> VaultProgress:
    """Scan a vault's notes (changed ones only, when the cache knows the rest)."""
    state = VaultProgress.open(Path(vault), use_cache=use_cache)
    if use_cache:
        state.save_cache()
    return state


def progress_summary(state: VaultProgress, *, now: datetime | None = None) -> dict[str, Any]:
    """The `status --json` object for a scanned vault."""
    return summary_json(state.summary(now or utc_now()))


@collector_paused()
def write_progress(vault: Path, *, now: datetime | None = None) -> bool:
    """Bring history and Progress.md up to date; True if Progress.md was (re)written."""
    state = scan_vault(vault)
    return state.commit(now or utc_now())
