"""Big roadmaps: a 2,000-item build, and a rebuild that writes nothing. The timed version
(`-m slow`) prints the figures for the closing note."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from conftest import SHARED
from roadvault.parse import read_roadmap
from roadvault.vault.build import build_vault

from .roadmaps import generated_roadmap


def test_two_thousand_items_then_a_no_op_rebuild(tmp_path: Path) -> None:
    first = build_vault(generated_roadmap(2000), tmp_path)
    assert first.written == 2 + 110 + 9  # roadmap note + canvas, 10 phases + 100 topics, template
    again = build_vault(generated_roadmap(2000), tmp_path)
    assert (again.written, again.state_written) == (0, 0)


def _median_seconds(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@pytest.mark.slow
def test_timings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counter = iter(range(1000))

    def fresh_big() -> None:
        build_vault(generated_roadmap(2000), tmp_path / f"big-{next(counter)}")

    first = _median_seconds(fresh_big)
    build_vault(generated_roadmap(2000), tmp_path / "big")
    no_op = _median_seconds(lambda: build_vault(generated_roadmap(2000), tmp_path / "big"))
    lines = [f"2,000 items: first build {first:.3f} s, no-op rebuild {no_op:.3f} s (median of 5)"]
    seeds = sorted((SHARED / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
    if seeds:
        largest = seeds[-1]
        seed_build = _median_seconds(
            lambda: build_vault(read_roadmap(largest), tmp_path / f"seed-{next(counter)}")
        )
        lines.append(f"largest seed {largest.name}: parse + build {seed_build:.3f} s (median of 5)")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert first < 30 and no_op < 30
