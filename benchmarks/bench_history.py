"""A long synthetic `history.jsonl` for `scripts/bench` (the "history" figure): `lines`
entries for `items` ids cycling through statuses, one every minute from a fixed start, the
way years of ticks and rebuilds would leave it. Deterministic."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

START = datetime(2020, 1, 1, tzinfo=UTC)
_CYCLE = [("todo", "doing"), ("doing", "done"), ("done", "todo")]


def write_history(path: Path, *, lines: int, roadmap: str, ids: list[str]) -> int:
    """Write the file; returns its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        chunk: list[str] = []
        for n in range(lines):
            item = ids[n % len(ids)]
            before, after = _CYCLE[(n // len(ids)) % len(_CYCLE)]
            if n < len(ids):
                before, after = "null", "todo"
            t = (START + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
            first = "null" if before == "null" else f'"{before}"'
            chunk.append(
                f'{{"t": "{t}", "roadmap": "{roadmap}", "id": "{item}", '
                f'"from": {first}, "to": "{after}"}}\n'
            )
            if len(chunk) == 10_000:
                out.write("".join(chunk).encode())
                chunk = []
        out.write("".join(chunk).encode())
    return os.path.getsize(path)
