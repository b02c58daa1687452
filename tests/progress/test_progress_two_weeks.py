"""Golden Progress.md: the bundled example roadmap, built with a start date, then two and a
half weeks of a learner in Auckland ticking a few items (fixed clock, fixed zone). The plan's
verdicts ("behind", "on track"), Today and local dates are compared whole.

Regenerate with `pytest tests/progress/test_progress_two_weeks.py --update-golden` and review
the diff."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from progress_vaults import private_cache  # noqa: F401

import roadvault.progress
import roadvault.progress.vault_scan
from roadvault.parse import read_roadmap
from roadvault.progress import write_progress
from support.build import build_with_progress

REPO = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).parent / "golden" / "two-weeks-Progress.md"
START = datetime(2026, 11, 16, 20, 0, tzinfo=UTC)  # Tuesday 17 Nov, 09:00 in Auckland
TICKS_PER_DAY = [1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1]
TASK = re.compile(r"^\s*- \[ \] .*\^rv-\w+$")


def simulate(vault: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    monkeypatch.setattr(roadvault.progress.vault_scan, "utc_now", lambda: START)
    monkeypatch.setattr(roadvault.progress, "utc_now", lambda: START, raising=False)
    roadmap = read_roadmap(REPO / "examples" / "web-backend-roadmap.md")
    build_with_progress(roadmap, vault, now=START, start=date(2026, 11, 17))
    order = [
        (path, line)
        for path in sorted(vault.glob("*/0*/*.md"))
        for line in path.read_text(encoding="utf-8").split("\n")
        if TASK.match(line)
    ]
    for day, count in enumerate(TICKS_PER_DAY, start=1):
        for path, line in order[:count]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(line, line.replace("- [ ]", "- [x]", 1)), "utf-8")
        del order[:count]
        write_progress(vault, now=START + timedelta(days=day, hours=day * 5 % 12))
    return (vault / "Progress.md").read_text(encoding="utf-8")


def test_two_weeks_of_a_learner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    text = simulate(tmp_path / "vault", monkeypatch)
    if update_golden:
        EXPECTED.write_text(text, encoding="utf-8")
    assert text == EXPECTED.read_text(encoding="utf-8")
    assert "days behind" in text and "on track" in text and "### Today" in text
