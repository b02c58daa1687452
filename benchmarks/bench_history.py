"""A long synthetic `history.jsonl` for `scripts/bench` (the "history" figure): `lines`
entries for `items` ids cycling through statuses, one every minute from a fixed start, the
way years of ticks and rebuilds would leave it. Deterministic."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

START = datetime(2020, 1, 1, tzinfo=UTC)
_CYCLE = [("todo", "doing"), ("doing", "done"), ("done", "todo")]


def write_history(
    path: Path, *, lines: int, roadmap: str, ids: list[str], first: int = 0, append: bool = False
) -> int:
    """Write lines `first` .. `first + lines - 1` of the sequence (appended to the file when
    `append`); returns the file's size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "ab" if append else "wb") as out:
        chunk: list[str] = []
        for n in range(first, first + lines):
            item = ids[n % len(ids)]
            before, after = _CYCLE[(n // len(ids)) % len(_CYCLE)]
            if n < len(ids):
                before, after = "null", "todo"
            t = (START + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
            was = "null" if before == "null" else f'"{before}"'
            chunk.append(
                f'{{"t": "{t}", "roadmap": "{roadmap}", "id": "{item}", '
                f'"from": {was}, "to": "{after}"}}\n'
            )
            if len(chunk) == 10_000:
                out.write("".join(chunk).encode())
                chunk = []
        out.write("".join(chunk).encode())
    return os.path.getsize(path)


def write_kept_history(vault: Path, *, lines: int, roadmap: str, ids: list[str]) -> int:
    """The same `lines` events as roadvault keeps them: compacted whenever the lines after
    the summary pass COMPACT_BYTES, so the file is a summary record plus the lines since the
    last compaction — here the worst case, just under COMPACT_BYTES of them. Returns the
    file's size."""
    from roadvault.progress import history
    from roadvault.progress.history import HISTORY_RELPATH, compact_history

    path = vault / HISTORY_RELPATH
    line_bytes = (
        len(
            '{"t": "2020-01-01T00:00:00Z", "roadmap": "", "id": "", "from": "todo", "to": "done"}\n'
        )
        + len(roadmap)
        + max(len(i) for i in ids)
    )
    tail = min(lines, (history.COMPACT_BYTES - 1) // line_bytes)
    write_history(path, lines=lines - tail, roadmap=roadmap, ids=ids)
    compact_history(vault, now=START)
    return write_history(
        path, lines=tail, roadmap=roadmap, ids=ids, first=lines - tail, append=True
    )
