"""`status` and `status --write` on a raw 3 M-line `history.jsonl` (docs/FORMAT.md §7,
docs/SAFETY.md §6): a history of years that roadvault never compacted (an older version's,
or copied in).

Before: `status` read it whole, 26 s and 1.57 GB; after the tail reader (history_tail.py)
the first `status --write` still compacted it on its way to Progress.md, reading every
line: 11-16 s. The target is ≤ 2 s and ≤ 200 MB each; the time bound here is 3× that, for a
loaded CI machine (the figure itself: `scripts/bench --only history`). `status --write`
appends to the file as it is: the compaction waits for `watch` (tests/progress/
test_progress_history_compact.py)."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from roadvault.parse import parse_roadmap
from roadvault.vault.build import build_vault

from .helpers import run_limited

pytestmark = pytest.mark.slow

LINES = 3_000_000
SECONDS, MEGABYTES = 6.0, 200
ROADMAP = "# Long History\n\n" + "".join(
    f"## Phase {p}\n\n" + "".join(f"- [ ] Item {p}.{i}\n" for i in range(10)) + "\n"
    for p in range(5)
)
_CYCLE = [("todo", "doing"), ("doing", "done"), ("done", "todo")]


def write_raw_history(path: Path, roadmap: str, ids: list[str]) -> None:
    """LINES events, one a minute from 2020 on, each id cycling through its statuses."""
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with open(path, "wb") as out:
        chunk: list[str] = []
        for n in range(LINES):
            before, after = _CYCLE[(n // len(ids)) % 3]
            was = "null" if n < len(ids) else f'"{before}"'
            t = (start + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
            chunk.append(
                f'{{"t": "{t}", "roadmap": "{roadmap}", "id": "{ids[n % len(ids)]}", '
                f'"from": {was}, "to": "{after}"}}\n'
            )
            if len(chunk) == 50_000:
                out.write("".join(chunk).encode())
                chunk.clear()
        out.write("".join(chunk).encode())


def test_status_and_status_write_on_a_raw_three_million_line_history(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP, source="long.md"), vault)
    manifest = json.loads((vault / ".roadvault/manifest.json").read_text(encoding="utf-8"))
    slug, entry = next(iter(manifest["roadmaps"].items()))
    ids = [item["id"] for item in entry["items"]] + [f"rv-old{n}" for n in range(10_000)]
    history = vault / ".roadvault/history.jsonl"
    write_raw_history(history, slug, ids)
    size = history.stat().st_size
    with open(history, "rb") as handle:
        head = handle.read(4096)

    for args in (["status", str(vault), "--json"], ["status", str(vault), "--write"]):
        cache = tmp_path / f"cache-{args[-1].strip('-')}"  # a first run: no snapshot
        run = run_limited(args, env={"ROADVAULT_CACHE_DIR": str(cache)}, timeout=120)
        assert run.code == 0, run.stderr
        assert run.seconds <= SECONDS and run.peak_mb <= MEGABYTES, (args, run)

    assert (vault / "Progress.md").exists()
    # Appended to, never rewritten on this path: the lines are all there, in place.
    assert history.stat().st_size >= size
    with open(history, "rb") as handle:
        assert handle.read(4096) == head
    assert not os.path.exists(vault / ".roadvault/history-archive")
