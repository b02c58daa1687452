"""A build as `roadvault build` runs one: `build_vault` (read, plan, apply), then the
caller's step, the history and Progress.md at `now` (`refresh_progress`). Tests whose vault
must be whole build through it (the roadmap note links Progress.md, and doctor checks that
link); `now` is the clock's unless the test gives one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from roadvault.model import Roadmap
from roadvault.vault.build import BuildReport, build_vault, refresh_progress


def build_with_progress(
    roadmap: Roadmap, vault: Path, *, now: datetime | None = None, **options: Any
) -> BuildReport:
    report = build_vault(roadmap, vault, **options)
    refresh_progress(report, now=now or datetime.now(UTC))
    return report
