"""Clocks for tests: `FakeClock`, moved by hand (the `clock` fixture), and `fix_now`, which
pins the `utc_now` of the given modules to one moment."""

from __future__ import annotations

from datetime import datetime
from types import ModuleType

import pytest


class FakeClock:
    """A clock tests move by hand: `clock()` returns the time, `clock.advance(s)` moves it."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def fix_now(monkeypatch: pytest.MonkeyPatch, now: datetime, *modules: ModuleType) -> None:
    """Every module's `utc_now` returns `now` until the test ends (set even on a module that
    has none yet, e.g. a package re-exporting it lazily)."""
    for module in modules:
        monkeypatch.setattr(module, "utc_now", lambda: now, raising=False)
