"""`.roadvault/history.jsonl`: one line per status change seen, appended, never rewritten.

Line format (one JSON object per line, UTF-8, keys in this order):

    {"t": "2026-03-14T09:12:00Z", "roadmap": "ml-roadmap", "id": "rv-3k9x2a",
     "from": "todo", "to": "done"}

`t` is UTC to the second, `from`/`to` are statuses (`todo`, `doing`, `done`, `skipped`);
`from` is null the first time an item is seen, so the first scan of a vault records its
starting state once. Only roadmap items (block ids in the manifest) are recorded. On start
the last status of every id is rebuilt from the file; a corrupt line is skipped with a
warning. Appending is one `os.write` of whole lines to an `O_APPEND` descriptor (no temp
file + rename: it is a log, and a reader must never see it shrink), refusing symlinks.

Compaction: when the lines after the head pass COMPACT_BYTES, the append (always under the
vault lock) folds the whole file into one *summary record*, the first line of the new file:

    {"roadvault_history_summary": 1, "length": "000000123456", "history": {...}}

It is the index below (`History`) serialized exactly, so reading the summary and then the
lines appended after it gives the same index — hence the same Progress.md — as reading
every event ever appended (History is a left fold of the lines). The old file is kept,
hard-linked (else copied) to `.roadvault/history-archive/`, before the new one replaces
it atomically: nothing is lost, and a reader sees the old file or the new, never a gap.
An append compacts only when that read is short (COMPACT_READ_FACTOR): a raw file of
millions of lines waits, appended to, until `watch` has indexed it in the background.

A long file that roadvault has not indexed yet (an older version's, or copied in) is read for
a *scope* — the ids and roadmaps the vault's summary asks about — from its tail, the rest
only where it can change that summary (progress/history_tail.py); the file is never changed
by reading it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from roadvault.errors import VaultError
from roadvault.fsio import (
    atomic_write,
    copy_from,
    ensure_folder,
    open_regular,
    vault_path,
    write_all,
)
from roadvault.model import Status
from roadvault.vaultformat import HISTORY_ARCHIVE_DIR, HISTORY_RELPATH, STATE_DIR

logger = logging.getLogger(__name__)

_CHUNK = 64 * 1024  # bytes per os.write, always ending at a line end


@dataclass(frozen=True, slots=True)
class Entry:
    t: datetime  # aware, UTC
    roadmap: str
    id: str
    before: Status | None  # "from"
    after: Status  # "to"


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_LINE_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: a first scan writes 10,000s


def entry_line(entry: Entry) -> str:
    """The JSON line for an entry (with its line end)."""
    data = {
        "t": format_time(entry.t),
        "roadmap": entry.roadmap,
        "id": entry.id,
        "from": entry.before.value if entry.before else None,
        "to": entry.after.value,
    }
    return _LINE_JSON.encode(data) + "\n"


def parse_line(line: str) -> Entry:
    """One history line; ValueError if it is not one."""
    data = json.loads(line)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    t, roadmap, item_id, before, after = (
        data.get("t"),
        data.get("roadmap"),
        data.get("id"),
        data.get("from"),
        data.get("to"),
    )
    if not (isinstance(t, str) and isinstance(roadmap, str) and isinstance(item_id, str)):
        raise ValueError("missing t, roadmap or id")
    moment = datetime.fromisoformat(t.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return Entry(
        t=moment,
        roadmap=roadmap,
        id=item_id,
        before=Status(before) if before is not None else None,
        after=Status(after),
    )


@dataclass(frozen=True)
class Scope:
    """What a vault's summary asks the history about: its items (id, the roadmap it is in)
    and its roadmaps."""

    items: frozenset[tuple[str, str]] = frozenset()
    roadmaps: frozenset[str] = frozenset()

    def within(self, other: Scope) -> bool:
        return self.items <= other.items and self.roadmaps <= other.roadmaps


@dataclass
class History:
    """The history file, indexed for the summary: last status per id, latest done event per
    id, dates. Its size is bounded by the number of ids, not of lines: a history of years
    (millions of lines) is read as a stream and only this is kept.

    Why the latest done event per id is enough: "recently done", the pace window and
    "today" all ask, per id that is done now, when it was last done (an earlier done of the
    same id is never shown nor counted twice)."""

    last: dict[str, Status] = field(default_factory=dict)
    # Per roadmap: id -> (time, sequence) of its latest change to done from a known status.
    done_latest: dict[str, dict[str, tuple[datetime, int]]] = field(default_factory=dict)
    done_at: dict[str, datetime] = field(default_factory=dict)  # latest time each id got done
    started: dict[str, datetime] = field(default_factory=dict)  # first entry per roadmap
    active: dict[str, datetime] = field(default_factory=dict)  # latest entry per roadmap
    latest: datetime | None = None
    size: int = 0  # entries (read: a scoped index counts the lines it read)
    # None: every line was read. Else the index was read for this scope (history_tail.py):
    # exact for what a summary of it asks — its ids' statuses and done events, its roadmaps'
    # first, latest and recent entries — as long as the pace window starts after
    # `recent_from`; other ids may be missing or out of date.
    scope: Scope | None = None
    recent_from: datetime | None = None

    def covers(self, scope: Scope, now: datetime | None = None) -> bool:
        """Can a summary about `scope`, made at `now`, be made from this index?"""
        if self.scope is None:
            return True
        if not scope.within(self.scope):
            return False
        if now is None or self.recent_from is None:
            return True
        from roadvault.progress.history_tail import horizon

        return self.recent_from <= horizon(now)

    def add(self, entry: Entry) -> None:
        self.record(entry.t, entry.roadmap, entry.id, entry.before, entry.after)

    def record(
        self, t: datetime, roadmap: str, item_id: str, before: Status | None, after: Status
    ) -> None:
        """`add` without an Entry (the history reader calls it millions of times)."""
        self.size += 1
        self.last[item_id] = after
        if roadmap not in self.active:
            self.started[roadmap] = self.active[roadmap] = t
        elif t >= self.active[roadmap]:
            self.active[roadmap] = t
        if self.latest is None or t > self.latest:
            self.latest = t
        if after is Status.DONE:
            self.done_at[item_id] = t
            if before is not None and before is not Status.DONE:
                latest = self.done_latest.setdefault(roadmap, {})
                latest.pop(item_id, None)  # re-inserted: the dict stays in file order
                latest[item_id] = (t, self.size)

    def latest_done(self, roadmap: str) -> Iterator[tuple[datetime, str]]:
        """(time, id) of each id's latest change to done, latest first (lazily: the summary
        stops after a few)."""
        for item_id, (t, _) in reversed(self.done_latest.get(roadmap, {}).items()):
            yield t, item_id

    @property
    def done_events(self) -> dict[str, list[tuple[datetime, str]]]:
        """Per roadmap: (time, id) of each id's latest change to done, in file order."""
        return {
            roadmap: [(t, item_id) for item_id, (t, _) in latest.items()]
            for roadmap, latest in self.done_latest.items()
        }

    def copy(self) -> History:
        return History(
            last=dict(self.last),
            done_latest={k: dict(v) for k, v in self.done_latest.items()},
            done_at=dict(self.done_at),
            started=dict(self.started),
            active=dict(self.active),
            latest=self.latest,
            size=self.size,
            scope=self.scope,
            recent_from=self.recent_from,
        )

    def then(self, later: History) -> History:
        """The index of this index's lines followed by `later`'s (both read from empty):
        the same as reading all the lines in one go, since each field is a last, a first, a
        maximum or a count per key."""
        out = self.copy()
        out.last.update(later.last)
        out.done_at.update(later.done_at)
        for roadmap, entries in later.done_latest.items():
            latest = out.done_latest.setdefault(roadmap, {})
            for item_id, (t, seq) in entries.items():
                latest.pop(item_id, None)  # re-inserted: the dict stays in file order
                latest[item_id] = (t, seq + self.size)
        for roadmap, first in later.started.items():
            if roadmap not in out.active:
                out.started[roadmap] = first
                out.active[roadmap] = later.active[roadmap]
            elif later.active[roadmap] >= out.active[roadmap]:
                out.active[roadmap] = later.active[roadmap]
        if later.latest is not None and (out.latest is None or later.latest > out.latest):
            out.latest = later.latest
        out.size += later.size
        return out

    def absorb(self, other: History) -> None:
        """Take `other`'s index as this one's (a summary record read as the first line)."""
        self.last, self.done_latest, self.done_at = other.last, other.done_latest, other.done_at
        self.started, self.active = other.started, other.active
        self.latest, self.size = other.latest, other.size

    def pending(self, statuses: Iterable[tuple[str, str, Status]], now: datetime) -> list[Entry]:
        """Entries for the (roadmap, id, status) triples that differ from the last recorded."""
        return [
            Entry(now, roadmap, item_id, self.last.get(item_id), status)
            for roadmap, item_id, status in statuses
            if self.last.get(item_id) is not status
        ]


def parse_history(text: str, *, where: str = HISTORY_RELPATH) -> History:
    """Index a history file's text; corrupt lines are skipped with one warning."""
    history = History()
    _warn_bad(_index_lines(history, text.split("\n"), first=1), where)
    return history


# A line exactly as `entry_line` writes it (plain ids, no JSON escapes, a real clock time):
# read without json, an Entry or a datetime per line (~3× faster); any other line goes
# through `parse_line`.
_OWN_LINE = re.compile(
    r'\{"t": "([0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])'
    r'T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])Z", '
    r'"roadmap": "([^"\\]*)", "id": "([^"\\]*)", '
    r'"from": (?:null|"(todo|doing|done|skipped)"), "to": "(todo|doing|done|skipped)"\}'
)
_STATUS = {status.value: status for status in Status}
_QUALIFY = {"todo", "doing", "skipped"}  # a change to done from these is a done event


def _index_lines(history: History, lines: Iterable[str], *, first: int) -> list[int]:
    """Add each line's entry; the numbers (from `first`) of the unreadable lines.

    Lines in our own spelling are folded into local tables keyed by their time's text (ISO
    times of one width order as text); the tables go into `history` — times parsed once per
    distinct value kept — before any other line and at the end, so the result is the fold
    of `History.record` over the lines in order."""
    bad: list[int] = []
    match, status = _OWN_LINE.fullmatch, _STATUS
    last, active, started = history.last, history.active, history.started
    size = history.size
    top: dict[str, str] = {}  # roadmap -> latest time text since the last flush
    done_at: dict[str, str] = {}  # id -> time text of its latest change to done
    done_latest: dict[tuple[str, str], tuple[str, int]] = {}  # in file order
    checked: set[str] = set()  # dates checked to exist (the 29th to the 31st)

    def flush() -> None:
        times: dict[str, datetime] = {}

        def moment(text: str) -> datetime:
            found = times.get(text)
            if found is None:
                found = times[text] = datetime.fromisoformat(text + "+00:00")
            return found

        history.size = size
        for roadmap, text in top.items():
            t = moment(text)
            if t >= active[roadmap]:
                active[roadmap] = t
            if history.latest is None or t > history.latest:
                history.latest = t
        for item_id, text in done_at.items():
            history.done_at[item_id] = moment(text)
        for (roadmap, item_id), (text, seq) in done_latest.items():
            entries = history.done_latest.setdefault(roadmap, {})
            entries.pop(item_id, None)  # re-inserted: the dict stays in file order
            entries[item_id] = (moment(text), seq)
        top.clear()
        done_at.clear()
        done_latest.clear()

    for number, line in enumerate(lines, start=first):
        found = match(line)
        if found is not None:
            text, roadmap, item_id, before, after = found.groups()
            if text[8] == "3" or text[8:10] == "29":  # does the 29th to 31st exist?
                day = text[:10]
                if day not in checked:
                    try:
                        datetime.fromisoformat(day)
                    except ValueError:
                        bad.append(number)
                        continue
                    checked.add(day)
            size += 1
            last[item_id] = status[after]
            if roadmap not in active:
                t = datetime.fromisoformat(text + "+00:00")
                started[roadmap] = active[roadmap] = t
                if history.latest is None or t > history.latest:
                    history.latest = t
            elif text > top.get(roadmap, ""):
                top[roadmap] = text
            if after == "done":
                done_at[item_id] = text
                if before in _QUALIFY:
                    key = (roadmap, item_id)
                    done_latest.pop(key, None)
                    done_latest[key] = (text, size)
            continue
        if not line.strip():
            continue
        flush()
        if line.startswith(_SUMMARY_START):
            # Only the first line of a file may hold the folded past; one anywhere else (two
            # files pasted together) would count events twice, so it is skipped as bad.
            try:
                if number != 1 or history.size:
                    raise ValueError("a summary record not on the first line")
                history.absorb(history_from_state(json.loads(line)["history"]))
            except (ValueError, TypeError, KeyError, AttributeError):
                bad.append(number)
        else:
            try:
                history.add(parse_line(line))
            except (ValueError, TypeError):
                bad.append(number)
        last, active, started = history.last, history.active, history.started
        size = history.size
    flush()
    return bad


def _warn_bad(bad: list[int], where: str, *, total: int | None = None) -> None:
    """One warning naming the first unreadable lines (`total` of them, default all)."""
    total = len(bad) if total is None else total
    if total:
        lines = ", ".join(str(n) for n in bad[:5]) + (" …" if total > 5 else "")
        logger.warning("%s: skipped %d unreadable line(s): %s", where, total, lines)


_READ_CHUNK = 1 << 20


def lines_before(fd: int, offset: int, start: int = 0) -> int:
    """How many line ends the file at `fd` has from `start` to `offset` (for a warning's
    line numbers when the reader started past the beginning without counting)."""
    count, at = 0, start
    while at < offset and (data := os.pread(fd, min(_READ_CHUNK * 8, offset - at), at)):
        count += data.count(b"\n")
        at += len(data)
    return count


def index_stream(
    fd: int, history: History, *, where: str, line: int | None = 1
) -> tuple[int, int | None, bytes]:
    """Index the whole lines read from `fd` (from its current offset) into `history`, a
    chunk at a time: memory stays that of one chunk whatever the file's size. Returns (bytes
    of whole lines read, the next line's number, what follows the last line end — a line
    still being written, or one whose line end was lost; see `index_rest`). `line` None:
    the first line's number is not known (counted only to name an unreadable line)."""
    start = os.lseek(fd, 0, os.SEEK_CUR)
    number = 2 if line is None else line  # never 1 past the start: see _index_lines
    consumed = 0
    rest = b""
    bad: list[int] = []
    while chunk := os.read(fd, _READ_CHUNK):
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            rest = data
            continue
        lines = data[:cut].decode("utf-8", errors="replace").split("\n")[:-1]
        bad += _index_lines(history, lines, first=number)
        number += len(lines)
        consumed += cut
        rest = data[cut:]
    if line is None:
        if bad:
            shift = lines_before(fd, start) + 1 - 2
            bad = [n + shift for n in bad]
        _warn_bad(bad, where)
        return consumed, None, rest
    _warn_bad(bad, where)
    return consumed, number, rest


def index_range(
    fd: int, history: History, start: int, end: int, *, first: int
) -> tuple[list[int], int]:
    """`index_stream` of the whole lines in [start, end) (line starts), read at their offsets
    (`os.pread`: another process may read the same open file). Returns (the unreadable lines'
    numbers, counted from `first`; how many lines there were)."""
    number, at, rest = first, start, b""
    bad: list[int] = []
    while at < end and (chunk := os.pread(fd, min(_READ_CHUNK, end - at), at)):
        at += len(chunk)
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        lines = data[:cut].decode("utf-8", errors="replace").split("\n")[:-1]
        bad += _index_lines(history, lines, first=number)
        number += len(lines)
        rest = data[cut:]
    return bad, number - first


def index_rest(
    history: History, rest: bytes, *, where: str, line: int | None, fd: int | None = None
) -> None:
    """Index a last line without its line end (as the whole-file reader always did)."""
    if rest.strip():
        number = line if line is not None else 2
        bad = _index_lines(history, [rest.decode("utf-8", errors="replace")], first=number)
        if bad and line is None:
            size = os.fstat(fd).st_size if fd is not None else 0
            bad = [lines_before(fd, size) + 1] if fd is not None else []
        _warn_bad(bad, where)


# --- the summary record and compaction ----------------------------------------------------

SUMMARY_KEY = "roadvault_history_summary"
SUMMARY_FORMAT = 1
_SUMMARY_START = '{"' + SUMMARY_KEY + '"'
_LENGTH_DIGITS = 12  # the record's own length, fixed width: read back from the first 64 bytes
COMPACT_BYTES = 8 << 20  # lines after the summary that trigger a compaction (~65,000 lines)
# An append compacts only when the lines it must index one by one (after the summary record
# or a snapshot of every line) are at most this many COMPACT_BYTES: ~0.3 s, so a command
# never waits for a raw file of millions of lines (12 s for 3 M); `watch` indexes such a
# file in the background first (`index_every_line`), then its compaction is this cheap.
COMPACT_READ_FACTOR = 4


def _iso(moment: datetime) -> str:
    # Exact (microseconds kept): a foreign line may carry a fraction of a second.
    return moment.astimezone(UTC).isoformat()


def _from_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def history_state(history: History) -> dict[str, Any]:
    """The index as JSON-ready data (the summary record's and the snapshot's body)."""
    return {
        "last": {k: v.value for k, v in history.last.items()},
        "done_latest": {
            roadmap: [[item_id, _iso(t), seq] for item_id, (t, seq) in latest.items()]
            for roadmap, latest in history.done_latest.items()
        },
        "done_at": {k: _iso(v) for k, v in history.done_at.items()},
        "started": {k: _iso(v) for k, v in history.started.items()},
        "active": {k: _iso(v) for k, v in history.active.items()},
        "latest": _iso(history.latest) if history.latest else None,
        "size": history.size,
    }


def history_from_state(data: dict[str, Any]) -> History:
    """`history_state` read back (ValueError/TypeError/KeyError on damage)."""
    return History(
        last={str(k): Status(v) for k, v in data["last"].items()},
        done_latest={
            str(roadmap): {str(item_id): (_from_iso(t), int(seq)) for item_id, t, seq in rows}
            for roadmap, rows in data["done_latest"].items()
        },
        done_at={str(k): _from_iso(v) for k, v in data["done_at"].items()},
        started={str(k): _from_iso(v) for k, v in data["started"].items()},
        active={str(k): _from_iso(v) for k, v in data["active"].items()},
        latest=_from_iso(data["latest"]) if data["latest"] else None,
        size=int(data["size"]),
    )


def summary_line(history: History) -> bytes:
    """The summary record of `history`, one line, its own byte length inside it."""
    body = json.dumps(history_state(history), ensure_ascii=False, separators=(",", ":"))
    head = f'{_SUMMARY_START}: {SUMMARY_FORMAT}, "length": "'
    tail = f'", "history": {body}}}\n'
    length = len(head.encode()) + _LENGTH_DIGITS + len(tail.encode("utf-8"))
    return f"{head}{length:0{_LENGTH_DIGITS}d}{tail}".encode()


def summary_length(fd: int) -> int:
    """Bytes of the summary record heading the file at `fd`, 0 when there is none."""
    head = os.pread(fd, 96, 0)
    if not head.startswith(_SUMMARY_START.encode()):
        return 0
    found = re.search(rb'"length": "(\d{%d})"' % _LENGTH_DIGITS, head)
    return int(found.group(1)) if found else 0


def compact_read_max() -> int:
    """The most bytes of lines a compaction on a command's path indexes one by one."""
    return COMPACT_READ_FACTOR * COMPACT_BYTES


def compact_history(
    vault: Path, *, now: datetime | None = None, max_read: int | None = None
) -> bool:
    """Fold the vault's history into a summary record (see the module doc). The caller
    holds the vault lock (no append can come between the read and the replace). Returns
    True when the file was compacted; a file that cannot be read is left alone. With
    `max_read`, a file whose lines past its summary record (or a snapshot of every line)
    are longer is left as it is too: the lines stay, appended, and reads of it go by
    its tail (progress/history_tail.py)."""
    from roadvault.progress.history_snapshot import index_open_history, unindexed_bytes

    path = vault_path(vault, HISTORY_RELPATH)
    fd = open_regular(path, what="history file")
    try:
        info = os.fstat(fd)
        if max_read is not None:
            unread = unindexed_bytes(vault, fd, info)
            if unread > max_read:
                logger.info(
                    "%s: not compacted now (%d MB of lines never summarised; "
                    "`roadvault watch` indexes them in the background, then compacts)",
                    path,
                    unread >> 20,
                )
                return False
        history, end, _, rest = index_open_history(vault, fd, info, where=str(path))
        if end == 0:
            return False
        _archive(vault, path, fd, info, now or datetime.now(UTC))
    finally:
        os.close(fd)
    # A last line without its line end (torn by a crash long ago) is kept as it was.
    atomic_write(vault, HISTORY_RELPATH, summary_line(history) + rest)
    return True


def _archive(vault: Path, path: Path, fd: int, info: os.stat_result, now: datetime) -> None:
    """Keep the file about to be replaced under HISTORY_ARCHIVE_DIR: a hard link (instant,
    whatever its size), else a copy. Already there (a compaction cut short after this step):
    kept."""
    folder = ensure_folder(vault, HISTORY_ARCHIVE_DIR)
    for entry in os.scandir(folder):
        with contextlib.suppress(OSError):
            seen = entry.stat(follow_symlinks=False)
            if (seen.st_ino, seen.st_dev) == (info.st_ino, info.st_dev):
                return
    stem = "history-" + now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    name, n = f"{stem}.jsonl", 1
    while os.path.lexists(folder / name):
        n += 1
        name = f"{stem}-{n}.jsonl"
    try:
        os.link(path, folder / name, follow_symlinks=False)
        return
    except OSError:
        pass  # no hard links here (FAT, some network folders): copy it
    atomic_write(vault, f"{HISTORY_ARCHIVE_DIR}/{name}", copy_from(fd, chunk=_READ_CHUNK))


def load_history(
    vault: Path, *, scope: Scope | None = None, now: datetime | None = None
) -> History:
    """The vault's history, indexed: an earlier run's snapshot plus the lines appended
    since (progress/history_snapshot.py), else streamed from the start. With a `scope`, a
    long file not indexed yet is read for that scope only (progress/history_tail.py): its
    summary made at `now` or later is the same, in a fraction of the time. A FIFO or folder
    in its place is an error (never a hang); an unreadable file a warning."""
    from roadvault.progress.history_snapshot import load_indexed_history

    path = vault_path(vault, HISTORY_RELPATH)
    try:
        return load_indexed_history(vault, path, scope=scope, now=now)
    except FileNotFoundError:
        return History()
    except OSError as exc:
        logger.warning("%s: cannot read history (%s); pace starts afresh", path, exc.strerror)
        return History()


def append_history(vault: Path, entries: list[Entry]) -> None:
    """Append entries as whole lines to the vault's history (O_APPEND, never via a symlink),
    then compact it when it has grown past COMPACT_BYTES. Call it under the vault lock."""
    if not entries:
        return
    ensure_folder(vault, STATE_DIR)
    path = vault_path(vault, HISTORY_RELPATH)
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)  # RDWR: its head
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        raise VaultError(f"cannot append to the history: {exc.strerror}", path=path) from exc
    try:
        chunk: list[bytes] = []
        size = 0
        for entry in entries:
            data = entry_line(entry).encode("utf-8")
            if size + len(data) > _CHUNK and chunk:
                write_all(fd, b"".join(chunk))
                chunk, size = [], 0
            chunk.append(data)
            size += len(data)
        write_all(fd, b"".join(chunk))
        size = os.fstat(fd).st_size
        due = size >= COMPACT_BYTES and size - summary_length(fd) >= COMPACT_BYTES
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    if due:
        # The lines are safely appended; a compaction that fails only leaves them as they are.
        try:
            compact_history(vault, max_read=compact_read_max())
        except (OSError, VaultError) as exc:
            logger.warning("%s: history not compacted (%s)", path, exc)


def compaction_waits(vault: Path) -> bool:
    """Is the history due for a compaction that an append would not do now (too many lines
    never summarised: see COMPACT_READ_FACTOR)? Cheap: a stat and the snapshot's check."""
    from roadvault.progress.history_snapshot import unindexed_bytes

    try:
        fd = open_regular(vault_path(vault, HISTORY_RELPATH), what="history file")
    except (OSError, VaultError):
        return False
    try:
        info = os.fstat(fd)
        if info.st_size < COMPACT_BYTES:
            return False
        return unindexed_bytes(vault, fd, info) > compact_read_max()
    finally:
        os.close(fd)


def index_every_line(vault: Path) -> None:
    """Index every line of the vault's history and keep the index as its snapshot (outside
    the vault: progress/history_snapshot.py), so the compaction that follows indexes only
    the lines appended since. Reads only: no lock needed. For a long file roadvault never
    compacted; `watch` runs it in a background thread."""
    from roadvault.progress.history_snapshot import load_indexed_history

    try:
        load_indexed_history(vault, vault_path(vault, HISTORY_RELPATH))
    except (OSError, VaultError) as exc:
        logger.warning("history not indexed for compaction: %s", exc)
