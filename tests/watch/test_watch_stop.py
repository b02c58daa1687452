"""`roadvault watch` stops within a second on SIGTERM/SIGINT, every time, and the tick still
inside the debounce window when the signal came is written to Progress.md before it exits.

A real subprocess (signals go to a process, not a thread). The signal is sent 0.1–0.5 s after
a tick, with a debounce longer than that, so the tick is always pending when the stop comes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from watch_helpers import JOINS, make_vault, private_cache, tick  # noqa: F401

STOP_WITHIN = 1.0
ITEMS = [
    ("rv-j1", "Inner and outer joins"),
    ("rv-j2", "GROUP BY and HAVING"),
    ("rv-j3", "Window functions"),
]
START_WAIT = 30.0  # a loaded CI machine imports slowly; not what is measured


def _start(vault: Path, *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "roadvault", "watch", str(vault), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + START_WAIT
    while time.monotonic() < deadline:  # the "Watching …" line says the observer runs
        line = proc.stderr.readline()
        if not line or line.startswith("Watching"):
            break
    assert proc.poll() is None, proc.stderr.read()
    return proc


def stop_after_tick(vault: Path, delay: float, signum: int, *, ticked: int) -> float:
    """Start a watcher, tick one more item, signal it `delay` s later; the exit time."""
    proc = _start(vault, "--debounce", "2")
    try:
        item, title = ITEMS[ticked]
        tick(vault, JOINS, item)
        time.sleep(delay)
        sent = time.monotonic()
        proc.send_signal(signum)
        proc.wait(timeout=10)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    out, err = proc.communicate()
    assert proc.returncode == 0, f"exit {proc.returncode}: {err!r} {out!r}"
    progress = (vault / "Progress.md").read_text(encoding="utf-8")
    recently_done = progress.partition("### Recently done")[2]
    assert f"|{title}]]" in recently_done, "the pending tick was not written"
    return took


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_signal_stops_quickly_and_flushes_the_pending_tick(tmp_path: Path, signum: int) -> None:
    vault = make_vault(tmp_path / "vault")
    rng = random.Random(signum)
    for ticked in range(2):
        took = stop_after_tick(vault, rng.uniform(0.1, 0.5), signum, ticked=ticked)
        assert took < STOP_WITHIN, f"stopped after {took:.2f} s"


@pytest.mark.slow
def test_sigterm_stops_within_a_second_200_times(tmp_path: Path) -> None:
    rng = random.Random(14)
    slowest = 0.0
    for n in range(200):
        vault = make_vault(tmp_path / f"v{n}")
        took = stop_after_tick(vault, rng.uniform(0.1, 0.5), signal.SIGTERM, ticked=n % 3)
        slowest = max(slowest, took)
        assert took < STOP_WITHIN, f"run {n}: stopped after {took:.2f} s"
    print(f"200 of 200 stopped; slowest {slowest:.3f} s")
