"""`collector_paused()`: Python's cyclic garbage collector held off during one bulk step.

A build, or the opening of a vault's progress, makes hundreds of thousands of small objects
(nodes, scans, records, texts) that hold no reference cycles: reference counting frees them,
the cyclic collector has nothing to find. Yet every few hundred allocations it runs, and
every so often it walks the whole heap — the caller's too (a benchmark holding dozens of
parsed roadmaps, `watch` holding a 10,000-note vault): in the benchmark's process, a quarter
of a 10,000-item build and of a restart on a 10,000-note vault went there. Held off for the
step, it runs once after.

As a context manager or a decorator (`@collector_paused()`). Leaves the collector as it
found it: one already disabled stays disabled. Process-wide, like `gc.disable()`: another
thread's cycles wait for the step to end too (they are freed then, not lost).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, back on after (if it was on)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
