"""`roadvault watch`: keep Progress.md current while the learner ticks boxes.

Shape (docs/ARCHITECTURE.md §2.2; after watchfiles): the watchdog handler only queues raw
events; the pure `coalesce()` turns a batch of them into what to look at again; a
`Debouncer` with an injected clock decides when a batch is complete (a quiet step, never
longer than a maximum wait — Obsidian saves every ~2 s while the learner types);
`run_watch()` is the glue.

Per batch: only the notes named by events are stat'ed and, if their (mtime, size) changed,
read and rescanned; totals change by difference; Progress.md is rendered and written only if
its text changed, under the vault lock shared with `build`. Our own writes cause no work:
Progress.md's temp file is a dot file (ignored), and an event for Progress.md is ignored
when the file holds exactly what we wrote (we keep its hash); if someone else changed it, it
is rewritten.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from watchdog.events import FileSystemEventHandler

from roadvault.errors import LockedError, RoadvaultError, VaultError
from roadvault.fsio import vault_lock
from roadvault.progress.history import (
    compact_history,
    compact_read_max,
    compaction_waits,
    index_every_line,
)
from roadvault.progress.notes import NoteScan, is_note_relpath
from roadvault.progress.summary import Totals
from roadvault.progress.vault_scan import VaultProgress, check_vault_folder, utc_now
from roadvault.vaultformat import MANIFEST_RELPATH, PROGRESS_NOTE, is_hidden_relpath

logger = logging.getLogger(__name__)

DEFAULT_DEBOUNCE = 2.5
DEFAULT_INTERVAL = 1.0
LOCK_TIMEOUT = 0.5  # per attempt; a build holding the lock is waited for between attempts
LOCK_RETRY = 1.0
ERROR_RETRY = 30.0
CACHE_SAVE_EVERY = 60.0
TICK = 0.25  # how often the loop checks the vault folder and the stop flag

# (event type, source path, destination path or None, is a directory) — as watchdog says.
RawEvent = tuple[str, str, str | None, bool]

_CHANGE_KINDS = frozenset({"created", "modified", "deleted", "moved", "closed"})

# Put on the event queue by a stop request, so a loop waiting for events wakes at once.
_WAKE: RawEvent = ("roadvault-stop", "", None, False)
STOP_SIGNALS = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s is not None)


class StopFlag(Protocol):
    def is_set(self) -> bool: ...


class StopRequest:
    """A stop flag that also wakes the watch loop at once.

    `set()` may run in a signal handler: it only flips a bool and puts a marker on the
    loop's queue (SimpleQueue.put is reentrant, documented safe in signal handlers), so it
    never waits on a lock the interrupted main thread might hold (threading.Event.set does).
    """

    def __init__(self) -> None:
        self._set = False
        self._queue: queue.SimpleQueue[RawEvent] | None = None

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        if self._queue is not None:
            self._queue.put(_WAKE)

    def attach(self, events: queue.SimpleQueue[RawEvent]) -> None:
        self._queue = events
        if self._set:
            events.put(_WAKE)


@contextlib.contextmanager
def signals_blocked() -> Iterator[None]:
    """Block SIGINT/SIGTERM in this thread while threads are started, so they inherit the
    mask and the kernel delivers those signals to the main thread only: its wait for events
    is then interrupted and the handler runs at once (a signal delivered to the observer
    thread would only be seen when the main thread's wait timed out)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@dataclass
class Batch:
    """What a batch of file events asks for."""

    notes: set[str] = field(default_factory=set)  # relpaths to look at again
    rescan_all: bool = False  # a folder appeared, vanished or moved: walk again
    manifest: bool = False  # a build wrote the manifest: reload attribution
    progress_note: bool = False  # Progress.md was touched (ours, or someone else's edit?)
    vault_gone: bool = False  # the watched folder itself was deleted or moved

    def merge(self, other: Batch) -> None:
        self.notes |= other.notes
        self.rescan_all |= other.rescan_all
        self.manifest |= other.manifest
        self.progress_note |= other.progress_note
        self.vault_gone |= other.vault_gone

    def __bool__(self) -> bool:
        return bool(
            self.notes or self.rescan_all or self.manifest or self.progress_note or self.vault_gone
        )


def to_relpath(root: str, path: str) -> str | None:
    """`path` relative to `root` as POSIX ("" for the root itself), None if outside."""
    root = root.replace("\\", "/").rstrip("/")
    path = path.replace("\\", "/")
    if path == root:
        return ""
    if not path.startswith(root + "/"):
        return None
    return path[len(root) + 1 :]


def coalesce(events: Iterable[RawEvent], *, root: str) -> Batch:
    """The work a batch of raw events asks for (pure).

    Ignored: dot folders and files (`.obsidian/`, `.trash/`, `.roadvault/` except the
    manifest, our temp files `.rv-*.tmp`), files other than `.md`, sync conflict copies,
    folder "modified" events, and events outside the vault.
    """
    batch = Batch()
    for kind, src, dest, is_dir in events:
        if kind not in _CHANGE_KINDS:
            continue
        for path in (src, dest):
            if path is None:
                continue
            relpath = to_relpath(root, path)
            if relpath is None:
                continue
            if relpath == "":
                if kind in ("deleted", "moved") and path == src:
                    batch.vault_gone = True
                continue
            if relpath == MANIFEST_RELPATH:
                batch.manifest = True
            elif is_dir:
                hidden = is_hidden_relpath(relpath)
                if kind != "modified" and kind != "closed" and not hidden:
                    batch.rescan_all = True
            elif relpath == PROGRESS_NOTE:
                batch.progress_note = True
            elif is_note_relpath(relpath):
                batch.notes.add(relpath)
    return batch


class Debouncer:
    """Says when a burst of events is over: `quiet` seconds without a new one, or `max_wait`
    seconds after the first, whichever comes first. The clock is injected (tests use a fake)."""

    def __init__(
        self, *, quiet: float, max_wait: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.quiet = quiet
        self.max_wait = max(max_wait, quiet)
        self.clock = clock
        self.first: float | None = None
        self.last: float | None = None

    @property
    def pending(self) -> bool:
        return self.first is not None

    def add(self) -> None:
        now = self.clock()
        if self.first is None:
            self.first = now
        self.last = now

    def time_left(self) -> float | None:
        """Seconds until the batch is due (0 when due), None when nothing is pending."""
        if self.first is None or self.last is None:
            return None
        now = self.clock()
        return max(0.0, min(self.last + self.quiet, self.first + self.max_wait) - now)

    def due(self) -> bool:
        left = self.time_left()
        return left is not None and left <= 0.0

    def reset(self) -> None:
        self.first = self.last = None


def update_lines(
    before: dict[str, Totals], after: dict[str, Totals], titles: dict[str, str], notes: list[str]
) -> list[str]:
    """One log line per roadmap whose totals moved (pure): "Progress: 13/55 (+1) Linear
    Algebra" (the notes that changed, else the roadmap; "(doing 2)" if only that moved)."""
    what = ", ".join(name.rsplit("/", 1)[-1].removesuffix(".md") for name in notes[:3])
    if len(notes) > 3:
        what += f" and {len(notes) - 3} more"
    lines = []
    for slug, totals in after.items():
        old = before.get(slug, Totals())
        if old == totals:
            continue
        label = what or titles.get(slug, slug)
        if len(after) > 1 and what:
            label += f" ({titles.get(slug, slug)})"
        if totals.done != old.done:
            change = f"({totals.done - old.done:+d})"
        else:  # only started, skipped or added items
            change = f"(doing {totals.doing})"
        lines.append(f"Progress: {totals.done}/{totals.total} {change} {label}")
    return lines


# --- the glue --------------------------------------------------------------------------------


class _Queueing(FileSystemEventHandler):
    """A watchdog handler that only queues events (the observer thread does nothing else)."""

    def __init__(self, sink: queue.SimpleQueue[RawEvent]) -> None:
        super().__init__()
        self.sink = sink

    def dispatch(self, event: object) -> None:
        src = os.fsdecode(getattr(event, "src_path", ""))
        dest = getattr(event, "dest_path", "") or None
        self.sink.put(
            (
                str(getattr(event, "event_type", "")),
                src,
                os.fsdecode(dest) if dest else None,
                bool(getattr(event, "is_directory", False)),
            )
        )


def _same_tasks(a: NoteScan | None, b: NoteScan | None) -> bool:
    """Do two scans of a note count the same (whatever its mtime)?"""
    if a is None or b is None:
        return a is b
    return (a.ids, a.marks, a.plain, a.properties) == (b.ids, b.marks, b.plain, b.properties)


def _identity(root: str) -> tuple[int, int]:
    info = os.stat(root)
    return (info.st_dev, info.st_ino)


def make_observer(*, poll: bool, interval: float) -> object:
    if poll:
        from watchdog.observers.polling import PollingObserver

        return PollingObserver(timeout=interval)
    from watchdog.observers import Observer

    return Observer()


class Watcher:
    """The state of a running watch: the vault's progress, pending events, timers."""

    def __init__(
        self,
        vault: Path,
        *,
        debounce: float = DEFAULT_DEBOUNCE,
        max_wait: float | None = None,
        on_update: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        check_vault_folder(Path(vault))
        self.root = os.path.realpath(vault)
        self.identity = _identity(self.root)
        self.clock = clock
        self.on_update = on_update or (lambda line: None)
        self.debouncer = Debouncer(
            quiet=debounce, max_wait=max_wait or max(10.0, 4 * debounce), clock=clock
        )
        self.pending = Batch()
        self.state = VaultProgress.open(Path(self.root))
        self.totals = self._totals()
        self.retry_at: float | None = None
        self.dirty = True  # Progress.md not yet checked against the state
        self.cache_saved_at = clock()

    def _totals(self) -> dict[str, Totals]:
        progress = self.state.progress
        return {slug: Totals.of(progress.counts(slug)) for slug in progress.roadmap_slugs()}

    def _roadmap_notes(self) -> set[str]:
        return {info.note for info in self.state.progress.index.roadmaps.values() if info.note}

    def _titles(self) -> dict[str, str]:
        index = self.state.progress.index
        return {
            slug: index.roadmap_info(slug).title for slug in self.state.progress.roadmap_slugs()
        }

    def check_vault(self) -> None:
        try:
            same = _identity(self.root) == self.identity
        except OSError:
            same = False
        if not same:
            raise VaultError(
                "the vault folder was moved or deleted; stopped watching", path=self.root
            )

    def add_events(self, events: list[RawEvent]) -> None:
        """Queue a burst of raw events; only those that matter restart the quiet timer (so
        Obsidian rewriting .obsidian/workspace.json wakes nothing)."""
        batch = coalesce(events, root=self.root)
        if batch:
            self.pending.merge(batch)
            self.debouncer.add()

    def process(self, batch: Batch) -> bool:
        """Apply a batch; returns True when Progress.md was written."""
        if batch.vault_gone:
            self.check_vault()
            raise VaultError(
                "the vault folder was moved or deleted; stopped watching", path=self.root
            )
        if batch.manifest:
            try:
                if self.state.reload_manifest() is not None:
                    self.dirty = True
            except RoadvaultError as exc:  # a damaged manifest: keep the attribution we have
                logger.error("%s", exc)
        before_notes = {r: self.state.progress.notes.get(r) for r in batch.notes}
        if batch.rescan_all:
            self.state.rescan_all()
            self.dirty = True
        elif batch.notes:
            self.state.rescan(sorted(batch.notes))
        changed = sorted(
            relpath
            for relpath, old in before_notes.items()
            if not _same_tasks(old, self.state.progress.notes.get(relpath))
        )
        if changed:
            self.dirty = True
        if batch.notes & self._roadmap_notes():
            self.dirty = True  # its `start` property dates the plan: render again
        if batch.progress_note and not self.state.progress_file_is_ours():
            self.dirty = True  # edited or deleted by someone else: put ours back
        if not self.dirty:
            return False
        return self.commit(changed)

    def commit(self, changed: list[str] | None = None) -> bool:
        try:
            written = self.state.commit(utc_now(), lock_timeout=LOCK_TIMEOUT)
        except LockedError:
            logger.info("a build is writing to the vault; Progress.md waits for it")
            self.retry_at = self.clock() + LOCK_RETRY
            return False
        except (RoadvaultError, OSError) as exc:
            # Disk full, Progress.md made read-only or a symlink…: say so, keep watching,
            # try again later (the learner's notes are never at stake here).
            logger.error("Progress.md not updated: %s", exc)
            self.retry_at = self.clock() + ERROR_RETRY
            return False
        self.retry_at = None
        self.dirty = False
        after = self._totals()
        for line in update_lines(self.totals, after, self._titles(), changed or []):
            logger.info("%s", line)
            self.on_update(line)
        self.totals = after
        if self.clock() - self.cache_saved_at > CACHE_SAVE_EVERY:
            self.save_cache()
        return written

    def start_history_indexer(self) -> threading.Thread | None:
        """A history too long to compact on a command's path (a raw file of millions of
        lines: an older version's, or copied in) is indexed here in the background, so
        Progress.md is never kept waiting for it; then `compact_history` folds it."""
        if not compaction_waits(Path(self.root)):
            return None
        logger.info("indexing the long history in the background, to compact it")
        thread = threading.Thread(
            target=index_every_line, args=(Path(self.root),), name="history-index", daemon=True
        )
        thread.start()
        return thread

    def compact_history(self) -> None:
        """Compact the history once the background indexer has read it: under the lock,
        only the lines appended since are read. Busy or failing: the next append does it."""
        try:
            with vault_lock(Path(self.root), timeout=LOCK_TIMEOUT):
                compact_history(Path(self.root), max_read=compact_read_max())
        except LockedError:
            logger.info("a build is writing to the vault; the history is compacted later")
        except (RoadvaultError, OSError) as exc:
            logger.warning("history not compacted: %s", exc)

    def flush(self) -> bool | None:
        """On stop: apply what is pending now, without waiting for the quiet step (a tick
        inside the debounce window must not be lost). None when nothing was pending."""
        if not self.pending and self.retry_at is None:
            return None
        batch, self.pending = self.pending, Batch()
        self.debouncer.reset()
        if batch.vault_gone:
            return None  # nothing to write to
        return self.process(batch) if batch else self.commit()

    def step(self) -> bool | None:
        """Process what is due; None when nothing was due, else whether Progress.md was written."""
        now = self.clock()
        if self.debouncer.due():
            batch, self.pending = self.pending, Batch()
            self.debouncer.reset()
            return self.process(batch)
        if self.retry_at is not None and now >= self.retry_at:
            return self.commit()
        return None

    def wait_time(self) -> float:
        left = self.debouncer.time_left()
        if self.retry_at is not None:
            retry = max(0.0, self.retry_at - self.clock())
            left = retry if left is None else min(left, retry)
        return TICK if left is None else min(TICK, left)

    def save_cache(self) -> None:
        self.state.save_cache()
        self.cache_saved_at = self.clock()


def run_watch(
    vault: Path,
    *,
    stop: StopFlag,
    poll: bool = False,
    interval: float = DEFAULT_INTERVAL,
    debounce: float = DEFAULT_DEBOUNCE,
    on_update: Callable[[str], None] | None = None,
    on_batch: Callable[[bool], None] | None = None,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Watch `vault` until `stop` is set. Raises VaultError if the vault folder goes away.

    On stop, the batch still inside the debounce window is written before returning. A
    `StopRequest` wakes the loop at once; any object with `is_set()` is polled every TICK.

    `on_update` gets each "Progress: …" line; `on_batch(written)` is called after each
    processed batch and `on_ready()` once the observer runs (both for tests and benchmarks).
    """
    watcher = Watcher(vault, debounce=debounce, on_update=on_update)
    watcher.commit()
    watcher.save_cache()
    indexer = watcher.start_history_indexer()
    events: queue.SimpleQueue[RawEvent] = queue.SimpleQueue()
    if isinstance(stop, StopRequest):
        stop.attach(events)
    observer = make_observer(poll=poll, interval=interval)
    observer.schedule(_Queueing(events), watcher.root, recursive=True)  # type: ignore[attr-defined]
    with signals_blocked():
        observer.start()  # type: ignore[attr-defined]
    logger.info("watching %s", watcher.root)
    if on_ready is not None:
        on_ready()
    try:
        while not stop.is_set():
            try:
                first = events.get(timeout=watcher.wait_time())
            except queue.Empty:
                first = None
            if first is not None:
                watcher.add_events(_drain(events, first))
            if stop.is_set():
                break
            watcher.check_vault()
            if not observer.is_alive():  # type: ignore[attr-defined]
                raise VaultError("the file watcher stopped unexpectedly", path=watcher.root)
            result = watcher.step()
            if result is not None and on_batch is not None:
                on_batch(result)
            if indexer is not None and not indexer.is_alive():
                indexer = None
                watcher.compact_history()
        # Stopping: what the observer already queued, then the pending batch, is written now.
        watcher.add_events(_drain(events, None))
        result = watcher.flush()
        if result is not None and on_batch is not None:
            on_batch(result)
    finally:
        observer.stop()  # type: ignore[attr-defined]
        # Its threads are daemons: do not let a slow one hold the exit.
        observer.join(timeout=0.5)  # type: ignore[attr-defined]
        watcher.save_cache()


def _drain(events: queue.SimpleQueue[RawEvent], first: RawEvent | None) -> list[RawEvent]:
    """`first` and every event already queued, without the stop markers."""
    burst = [first] if first is not None else []
    while True:
        try:
            burst.append(events.get_nowait())
        except queue.Empty:
            break
    return [event for event in burst if event is not _WAKE]
