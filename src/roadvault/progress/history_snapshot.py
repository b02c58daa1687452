"""A snapshot of the indexed history, so a long `history.jsonl` is not read again from the
start on every `status`, `build` or `watch` start.

The history is append-only (progress/history.py): the index of its first N bytes never
changes. The snapshot stores that index (bounded by the number of ids: see `History`), N,
the file's inode, and a hash of the 4 KiB before N. On load, if the file is still the same
file, at least N bytes long, and those 4 KiB hash the same, only the bytes after N are read;
otherwise (a restored backup, a history edited by hand, another machine's copy) the file is
streamed from the start. Like the scan cache (progress/cache.py, same folder), it lives
outside the vault, is only a speed-up, and is safe to delete.

Only histories over MIN_BYTES get one: smaller ones stream in well under 100 ms.

A reader with a scope (a vault's summary: see progress/history_tail.py) may read a long file
it has no snapshot for from its tail; the snapshot then holds that scoped index, with its
scope, and serves later reads whose scope is within it. A reader that needs every line (the
compaction) uses only a snapshot of every line.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from roadvault.fsio import open_regular, read_regular, write_private_file
from roadvault.progress import history_tail
from roadvault.progress.cache import cache_dir
from roadvault.progress.history import (
    History,
    Scope,
    _warn_bad,
    history_from_state,
    history_state,
    index_range,
    index_rest,
    index_stream,
    lines_before,
    summary_length,
)

logger = logging.getLogger(__name__)

SNAPSHOT_FORMAT = 3  # 2: times to the microsecond (history_state); 3: a scoped index
READ_FORMATS = (2, 3)  # a format 2 snapshot is a format 3 one of every line
MIN_BYTES = 4 << 20
CHECK_BYTES = 4096


def snapshot_path(vault: Path) -> Path:
    key = hashlib.sha256(os.path.realpath(vault).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"history-{key[:16]}.json"


def load_indexed_history(
    vault: Path, path: Path, *, scope: Scope | None = None, now: datetime | None = None
) -> History:
    """The index of the history at `path`, for `scope` (None: every line; see
    `History.scope`). FileNotFoundError and OSError propagate; a FIFO or folder is refused
    by `open_regular`."""
    fd = open_regular(path, what="history file")  # a FIFO here must not hang
    try:
        history, _, line, rest = index_open_history(
            vault, fd, os.fstat(fd), where=str(path), scope=scope, now=now
        )
        index_rest(history, rest, where=str(path), line=line, fd=fd)
        return history
    finally:
        os.close(fd)


def index_open_history(
    vault: Path,
    fd: int,
    info: os.stat_result,
    *,
    where: str,
    scope: Scope | None = None,
    now: datetime | None = None,
) -> tuple[History, int, int | None, bytes]:
    """Index the whole lines of the open history `fd` (from a usable snapshot on, else from
    the start; a long unread part from its tail when there is a `scope`), saving a new
    snapshot when it is big. Returns (index, bytes of whole lines, the next line's number
    or None when not counted, what follows the last line end: not indexed)."""
    now = now or datetime.now(UTC)
    start = _usable_snapshot(vault, fd, info, scope, now)
    if start is None:
        history, offset, line = History(), 0, 1
    else:
        history, offset, line = start
    if scope is not None and info.st_size - offset >= history_tail.FAST_MIN_BYTES:
        end = _whole_lines_end(fd, info.st_size)
        scoped = history_tail.index_scoped(fd, history, offset, end, scope, now, where=where)
        if scoped is not None:
            rest = os.pread(fd, info.st_size - end, end)
            _save(vault, fd, scoped, end, None, info.st_ino)
            return scoped, end, None, rest
    split = None
    if info.st_size - offset >= 2 * history_tail.PARALLEL_MIN_BYTES and history_tail.can_fork():
        split = _index_in_two(fd, history, offset, info.st_size, line, where=where)
    if split is not None:
        history, consumed, line, rest = split
    else:
        os.lseek(fd, offset, os.SEEK_SET)
        consumed, line, rest = index_stream(fd, history, where=where, line=line)
    end = offset + consumed
    if consumed and end >= MIN_BYTES:
        _save(vault, fd, history, end, line, info.st_ino)
    return history, end, line, rest


def unindexed_bytes(vault: Path, fd: int, info: os.stat_result) -> int:
    """Bytes of the open history `fd` that a reader of every line indexes one by one: those
    after a usable snapshot of every line, else after the summary record heading it."""
    start = _usable_snapshot(vault, fd, info, None, datetime.now(UTC))
    return info.st_size - max(start[1] if start is not None else 0, summary_length(fd))


def _index_in_two(
    fd: int, history: History, offset: int, size: int, line: int | None, *, where: str
) -> tuple[History, int, int | None, bytes] | None:
    """`index_stream` of a long file by this process and a forked child (the other core),
    each indexing half its lines from empty; `History.then` joins them (a left fold: the
    same index). Returns (index, bytes of whole lines, the next line's number or None,
    what follows the last line end), or None when there is no second half."""
    end = _whole_lines_end(fd, size)
    middle = history_tail.line_start_after(fd, (offset + end) // 2, end)
    if not offset < middle < end:
        return None

    def second_half() -> tuple[History, list[int], int]:
        later = History()
        return later, *index_range(fd, later, middle, end, first=2)

    with history_tail.forked(second_half) as result:
        first = 2 if line is None else line  # 1: the line that may be a summary record
        bad, count = index_range(fd, history, offset, middle, first=first)
        ok, got = result()
    later, more, count_later = got if ok and got is not None else second_half()
    bad += [first + count + n - 2 for n in more]
    if line is None:
        if bad:
            shift = lines_before(fd, offset) + 1 - 2
            bad = [n + shift for n in bad]
        next_line = None
    else:
        next_line = line + count + count_later
    _warn_bad(bad, where)
    return history.then(later), end - offset, next_line, os.pread(fd, size - end, end)


def _whole_lines_end(fd: int, size: int) -> int:
    """The offset after the file's last line end."""
    at = size
    while at > 0:
        begin = max(0, at - 65536)
        found = os.pread(fd, at - begin, begin).rfind(b"\n")
        if found >= 0:
            return begin + found + 1
        at = begin
    return 0


def _check(fd: int, end: int) -> str:
    begin = max(0, end - CHECK_BYTES)
    return hashlib.sha256(os.pread(fd, end - begin, begin)).hexdigest()


def _usable_snapshot(
    vault: Path, fd: int, info: os.stat_result, scope: Scope | None, now: datetime
) -> tuple[History, int, int | None] | None:
    try:
        data = json.loads(read_regular(snapshot_path(vault), what="history snapshot"))
        if data.get("format") not in READ_FORMATS or data.get("inode") != info.st_ino:
            return None
        offset = int(data["offset"])
        line = None if data["line"] is None else int(data["line"])
        if offset > info.st_size or _check(fd, offset) != data["check"]:
            return None
        history = history_from_state(data["history"])
        kept = data.get("scope")
        if kept is not None:  # a scoped index: only for a scope within it, from its time on
            items = frozenset((str(i), str(r)) for i, r in kept["items"])
            history.scope = Scope(items, frozenset(kept["roadmaps"]))
            history.recent_from = datetime.fromisoformat(kept["recent_from"])
            if scope is None or not history.covers(scope, now):
                return None  # needs every line; other ids; or a pace window further back
        return history, offset, line
    except FileNotFoundError:
        return None
    except Exception:  # stale, corrupt, from another version: stream from the start
        logger.debug("history snapshot not used", exc_info=True)
        return None


def _save(
    vault: Path, fd: int, history: History, offset: int, line: int | None, inode: int
) -> None:
    scope = history.scope
    data = {
        "format": SNAPSHOT_FORMAT,
        "inode": inode,
        "offset": offset,
        "line": line,
        "check": _check(fd, offset),
        "history": history_state(history),
        "scope": None
        if scope is None
        else {
            "items": sorted(scope.items),
            "roadmaps": sorted(scope.roadmaps),
            "recent_from": history.recent_from.isoformat() if history.recent_from else None,
        },
    }
    text = json.dumps(data, separators=(",", ":"))  # one C call: ~5× json.dump
    try:
        write_private_file(snapshot_path(vault), text, prefix=".history-")
    except OSError as exc:  # a read-only cache folder: only slower next time
        logger.debug("history snapshot not saved: %s", exc)
