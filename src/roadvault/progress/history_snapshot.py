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
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from roadvault.fsio import open_regular, read_regular
from roadvault.progress.cache import cache_dir
from roadvault.progress.history import (
    History,
    history_from_state,
    history_state,
    index_rest,
    index_stream,
)

logger = logging.getLogger(__name__)

SNAPSHOT_FORMAT = 2  # 2: times to the microsecond (history_state)
MIN_BYTES = 4 << 20
CHECK_BYTES = 4096


def snapshot_path(vault: Path) -> Path:
    key = hashlib.sha256(os.path.realpath(vault).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"history-{key[:16]}.json"


def load_indexed_history(vault: Path, path: Path) -> History:
    """The index of the history at `path` (FileNotFoundError and OSError propagate; a FIFO
    or folder is refused by `open_regular`)."""
    fd = open_regular(path, what="history file")  # a FIFO here must not hang
    try:
        history, _, line, rest = index_open_history(vault, fd, os.fstat(fd), where=str(path))
        index_rest(history, rest, where=str(path), line=line)
        return history
    finally:
        os.close(fd)


def index_open_history(
    vault: Path, fd: int, info: os.stat_result, *, where: str
) -> tuple[History, int, int, bytes]:
    """Index the whole lines of the open history `fd` (from a usable snapshot on, else from
    the start), saving a new snapshot when it is big. Returns (index, bytes of whole lines,
    the next line's number, what follows the last line end: not indexed)."""
    start = _usable_snapshot(vault, fd, info)
    if start is None:
        history, offset, line = History(), 0, 1
    else:
        history, offset, line = start
        os.lseek(fd, offset, os.SEEK_SET)
    consumed, line, rest = index_stream(fd, history, where=where, line=line)
    end = offset + consumed
    if consumed and end >= MIN_BYTES:
        _save(vault, fd, history, end, line, info.st_ino)
    return history, end, line, rest


def _check(fd: int, end: int) -> str:
    begin = max(0, end - CHECK_BYTES)
    return hashlib.sha256(os.pread(fd, end - begin, begin)).hexdigest()


def _usable_snapshot(vault: Path, fd: int, info: os.stat_result) -> tuple[History, int, int] | None:
    try:
        data = json.loads(read_regular(snapshot_path(vault), what="history snapshot"))
        if data.get("format") != SNAPSHOT_FORMAT or data.get("inode") != info.st_ino:
            return None
        offset, line = int(data["offset"]), int(data["line"])
        if offset > info.st_size or _check(fd, offset) != data["check"]:
            return None
        return history_from_state(data["history"]), offset, line
    except FileNotFoundError:
        return None
    except Exception:  # stale, corrupt, from another version: stream from the start
        logger.debug("history snapshot not used", exc_info=True)
        return None


def _save(vault: Path, fd: int, history: History, offset: int, line: int, inode: int) -> None:
    data = {
        "format": SNAPSHOT_FORMAT,
        "inode": inode,
        "offset": offset,
        "line": line,
        "check": _check(fd, offset),
        "history": history_state(history),
    }
    target = snapshot_path(vault)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".history-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, separators=(",", ":"))
        os.replace(tmp, target)
    except OSError as exc:  # a read-only cache folder: only slower next time
        logger.debug("history snapshot not saved: %s", exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
