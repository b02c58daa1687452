"""The one test with the real observer: tick boxes in a temp vault while `run_watch` runs.

It waits on events and queues with timeouts, never on sleeps."""

from __future__ import annotations

import os
import queue
import tempfile
import threading
from pathlib import Path

from watch_helpers import JOINS, MODEL, make_vault, private_cache  # noqa: F401

from roadvault.watch import run_watch

WAIT = 15.0  # generous: a loaded CI machine; normally each wait is ~0.1 s


def test_ticks_reach_progress_note_and_our_own_writes_cause_no_storm(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault")
    progress_md = vault / "Progress.md"
    stop = threading.Event()
    ready = threading.Event()
    updates: queue.Queue[str] = queue.Queue()
    batches: queue.Queue[bool] = queue.Queue()
    failures: list[BaseException] = []

    def watch() -> None:
        try:
            run_watch(
                vault,
                stop=stop,
                debounce=0.1,
                on_update=updates.put,
                on_batch=batches.put,
                on_ready=ready.set,
            )
        except BaseException as exc:  # reported by the test thread
            failures.append(exc)
            ready.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        assert ready.wait(WAIT) and not failures
        assert "0/9 · 0%" in progress_md.read_text(encoding="utf-8")

        # 1. Tick a box the way Obsidian and most editors save: temp file + rename.
        path = vault / JOINS
        text = path.read_text(encoding="utf-8").replace("- [ ] GROUP BY", "- [x] GROUP BY")
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
        assert updates.get(timeout=WAIT) == "Progress: 1/9 (+1) Joins and Aggregation"
        assert batches.get(timeout=WAIT) is True
        assert "1/9 · 11%" in progress_md.read_text(encoding="utf-8")

        # 2. Tick one in place (open, overwrite): same size, new mtime.
        path = vault / MODEL
        with open(path, "r+", encoding="utf-8") as handle:
            content = handle.read()
            handle.seek(0)
            handle.write(content.replace("- [ ] Star schemas", "- [/] Star schemas"))
        assert updates.get(timeout=WAIT) == "Progress: 1/9 (doing 1) Modelling"
        while batches.get(timeout=WAIT) is not True:
            pass  # the echo of our own first write may come first
        assert "**Doing now:** [[Modelling#^rv-m1|Star schemas]]" in progress_md.read_text(
            encoding="utf-8"
        )

        # 3. Our own write comes back as events; they must settle with nothing written.
        stamp = progress_md.stat().st_mtime_ns
        echoes = []
        while True:
            try:
                echoes.append(batches.get(timeout=1.0))
            except queue.Empty:
                break
        assert echoes.count(True) == 0 and len(echoes) <= 2

        # 4. A save that changes no task: looked at, not rewritten.
        (vault / JOINS).write_text((vault / JOINS).read_text(encoding="utf-8") + "\nA thought.\n")
        assert batches.get(timeout=WAIT) is False
        assert progress_md.stat().st_mtime_ns == stamp
        assert updates.empty()
    finally:
        stop.set()
        thread.join(WAIT)
    assert not thread.is_alive() and not failures
