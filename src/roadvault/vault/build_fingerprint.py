"""A rebuild with nothing new, in the time it takes to stat the vault's files.

After a build that left nothing to report (no conflicts, no skips), roadvault records a
fingerprint of its inputs — the parsed roadmap, the options, roadvault's version — and the
stat (mtime_ns, size) of every file it owns in the vault. A later build with the same
fingerprint whose files all still stat the same has nothing to do, so it stops there.

Why that is safe: with the same roadmap the new rendering equals the base of every note, and
the three-way merge then gives back each note exactly as it is (merge(base, mine, base) =
mine) — the full build would write nothing either. What the full build would still notice,
a note moved, renamed or deleted by the learner, or state damaged, changes a stat, and any
difference, a missing or unreadable record, or another version means: do the full build.

Where: outside the vault, next to the progress cache (`progress/cache.py` says why not in
`.roadvault/`: synced folders, per-machine mtimes). Only a speed-up: deleting it is safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from roadvault import __version__
from roadvault.fsio import read_regular, write_private_file
from roadvault.model import Roadmap
from roadvault.progress.cache import cache_path

logger = logging.getLogger(__name__)

FORMAT = 1


def fingerprint(roadmap: Roadmap, *, name: str | None, depth: int, restore: bool) -> str:
    """What a build's result depends on, besides the vault itself."""
    digest = hashlib.sha256()
    header = [FORMAT, __version__, name, depth, restore, roadmap.title, roadmap.notes]
    digest.update(repr(header).encode("utf-8", "surrogatepass"))
    # Every field of every node that can change the output, depth first; `repr` of a tuple
    # of plain values is a faithful, fast serialisation (faster than to_json + dumps).
    stack = [(node, 0) for node in reversed(roadmap.nodes)]
    parts = []
    while stack:
        node, level = stack.pop()
        resources = tuple((res.text, res.url) for res in node.resources)
        parts.append(
            (level, node.id, node.title, node.status.value, node.marker, node.duration,
             node.planned_days, resources, node.notes, len(node.children))
        )  # fmt: skip
        stack.extend((child, level + 1) for child in reversed(node.children))
    digest.update(repr(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _record_path(vault: Path) -> Path:
    return cache_path(vault, "build")


def _stats(vault: Path, relpaths: Iterable[str]) -> dict[str, list[int]] | None:
    stats: dict[str, list[int]] = {}
    for relpath in relpaths:
        try:
            info = os.lstat(os.path.join(vault, relpath))
        except OSError:
            return None
        stats[relpath] = [info.st_mtime_ns, info.st_size]
    return stats


def is_up_to_date(vault: Path, key: str) -> list[Any] | None:
    """The files of the last build when nothing changed since (same fingerprint, same
    stats); None when a full build is needed."""
    try:
        record = json.loads(read_regular(_record_path(vault), what="state file"))
        if record.get("format") != FORMAT or record.get("key") != key:
            return None
        recorded: dict[str, list[int]] = record["stats"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    if _stats(vault, recorded) != recorded:
        return None
    report = record.get("report")
    return report if _is_report(report) else None


def _is_report(report: object) -> bool:
    return (
        isinstance(report, list)
        and len(report) == 3
        and all(isinstance(part, str) for part in report[:2])
        and isinstance(report[2], list)
        and all(
            isinstance(row, list) and len(row) == 2 and all(isinstance(v, str) for v in row)
            for row in report[2]
        )
    )


def remember(vault: Path, key: str, owned: Iterable[str], report: list[Any]) -> None:
    """Record the build that just finished (best effort: a failure only costs speed).
    `owned` are the vault paths whose stats must not change; `report` is what a skipped
    build reports: [slug, folder, [[relpath, kind], ...]]."""
    stats = _stats(vault, sorted(set(owned)))
    if stats is None:
        return
    record = {"format": FORMAT, "key": key, "stats": stats, "report": report}
    path = _record_path(vault)
    with contextlib.suppress(OSError):
        write_private_file(path, json.dumps(record, separators=(",", ":")), prefix=".build-")


def forget(vault: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(_record_path(vault))
