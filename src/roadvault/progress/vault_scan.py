"""The vault scan, the I/O edge of progress: walk a vault, read what changed, keep history
and Progress.md.

`VaultProgress.open(vault)` loads the manifest, walks the notes (stat only), reuses the
persisted per-file cache for notes whose (mtime, size) did not change, reads and scans the
rest, and loads the history. `rescan(relpaths)` updates single notes (the watcher's path),
`commit(now)` appends the status changes to the history and rewrites Progress.md if its text
changed, both under the vault lock shared with `build`.

A cold scan of a big vault (thousands of notes to read) is spread over the machine's cores
with a fork-based process pool on Linux; elsewhere, or for small vaults, it runs in-process.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import stat
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from roadvault.errors import VaultError
from roadvault.fsio import atomic_write, decode_note, read_regular, vault_lock, vault_path
from roadvault.gcpause import collector_paused
from roadvault.progress.aggregate import Change, Progress
from roadvault.progress.cache import RACY_NS, load_cache, save_cache
from roadvault.progress.history import Entry, History, Scope, append_history, load_history
from roadvault.progress.localtime import local_zone
from roadvault.progress.manifest import ManifestIndex, load_manifest, manifest_stamp
from roadvault.progress.notes import NoteScan, Properties, is_note_relpath, summarize_note
from roadvault.progress.plan_start import read_plan_starts
from roadvault.progress.summary import ProgressSummary, build_summary, render_progress_note
from roadvault.vaultformat import MAX_NOTE_BYTES, PROGRESS_NOTE, is_hidden

logger = logging.getLogger(__name__)

PARALLEL_MIN_NOTES = 1500  # below this, starting worker processes costs more than it saves
WRITE_LOCK_TIMEOUT = 10.0


# --- walking and reading -------------------------------------------------------------------


def walk_notes(vault: Path) -> dict[str, tuple[int, int]]:
    """Every note of the vault (see notes.is_note_relpath) -> (mtime_ns, size), by lstat.

    Dot folders are not entered and symlinks are not followed (a link could leave the vault
    or loop).
    """
    found: dict[str, tuple[int, int]] = {}
    pending = [("", os.fspath(vault))]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = os.scandir(folder)
        except OSError as exc:
            if prefix == "":
                raise VaultError(f"cannot list the vault: {exc.strerror}", path=vault) from exc
            logger.warning("%s: cannot list this folder (%s); skipped", folder, exc.strerror)
            continue
        with entries:
            for entry in entries:
                name = entry.name
                if is_hidden(name):
                    continue
                relpath = prefix + name
                try:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((relpath + "/", entry.path))
                    elif name.endswith(".md") and is_note_relpath(relpath):
                        info = entry.stat(follow_symlinks=False)
                        if stat.S_ISREG(info.st_mode):
                            found[relpath] = (info.st_mtime_ns, info.st_size)
                except OSError:
                    continue  # vanished while we looked
    return found


def read_note_scan(
    vault: str, relpath: str, *, need_properties: bool
) -> tuple[NoteScan | None, int]:
    """Read and scan one note. Returns (scan or None if unreadable, time read in ns).

    Huge (> 20 MB) and binary files count as notes without tasks (with a warning); an
    unreadable or vanished file is None.
    """
    path = os.path.join(vault, relpath)
    read_at = time.time_ns()
    try:
        # O_NONBLOCK: a FIFO in place of a note must not hang the scan (fstat below skips it).
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None, read_at
    except OSError as exc:
        logger.warning("%s: cannot read this note (%s); skipped", relpath, exc.strerror)
        return None, read_at
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, read_at
        if info.st_size > MAX_NOTE_BYTES:
            logger.warning(
                "%s: %.1f MB, over the %d MB limit for a note; its tasks are not counted",
                relpath,
                info.st_size / 1e6,
                MAX_NOTE_BYTES // 1_000_000,
            )
            return NoteScan(info.st_mtime_ns, info.st_size, properties=Properties()), read_at
        # One os.read, no file object (this runs 10,000 times in a cold scan); a short read
        # of a regular file is its end.
        data = os.read(fd, info.st_size + 1)
        if len(data) > info.st_size:  # it grew while we looked: read the rest
            chunks = [data]
            while (chunk := os.read(fd, 1 << 16)) and len(data) <= MAX_NOTE_BYTES:
                chunks.append(chunk)
                data = b"".join(chunks)
    except OSError as exc:
        logger.warning("%s: cannot read this note (%s); skipped", relpath, exc.strerror)
        return None, read_at
    finally:
        os.close(fd)
    if b"\x00" in data[:8192]:
        logger.warning(
            "%s: looks like a binary file, not a note; its tasks are not counted", relpath
        )
        return NoteScan(info.st_mtime_ns, info.st_size, properties=Properties()), read_at
    if b"\r" in data or data.startswith(b"\xef\xbb\xbf"):
        text = decode_note(data).text
    else:
        text = data.decode("utf-8", errors="replace")
    scan = summarize_note(
        text,
        mtime_ns=info.st_mtime_ns,
        size=info.st_size,
        need_properties=need_properties,
        where=relpath,
    )
    return scan, read_at


def _scan_chunk(vault: str, jobs: list[tuple[str, bool]]) -> list[tuple[str, NoteScan | None, int]]:
    return [
        (relpath, *read_note_scan(vault, relpath, need_properties=props)) for relpath, props in jobs
    ]


def _can_fork_pool() -> bool:
    return (
        sys.platform.startswith("linux")
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1  # never fork a process that has other threads
        and "fork" in multiprocessing.get_all_start_methods()
    )


def read_note_scans(
    vault: Path, jobs: list[tuple[str, bool]], *, parallel: bool = True
) -> list[tuple[str, NoteScan | None, int]]:
    """Read and scan many notes: (relpath, need_properties) -> (relpath, scan, read time)."""
    root = os.fspath(vault)
    if not (parallel and len(jobs) >= PARALLEL_MIN_NOTES and _can_fork_pool()):
        return _scan_chunk(root, jobs)
    workers = min(os.cpu_count() or 2, 8)
    size = max(200, len(jobs) // (workers * 4))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    context = multiprocessing.get_context("fork")
    results: list[tuple[str, NoteScan | None, int]] = []
    # Frozen objects are never visited by the workers' garbage collector, so the memory they
    # inherit stays shared instead of being copied page by page.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for part in pool.map(_scan_chunk, [root] * len(chunks), chunks):
                results.extend(part)
    finally:
        gc.unfreeze()
    return results


# --- the live state of one vault -------------------------------------------------------------


@dataclass
class VaultProgress:
    vault: Path
    progress: Progress
    history: History
    manifest: tuple[int, int] | None  # (mtime_ns, size) of the manifest read
    racy: set[str] = field(default_factory=set)  # read too soon after a change to cache
    written_hash: str | None = None  # sha256 of the Progress.md text on disk, as we left it
    # Items whose status may differ from the history's last entry (None: check them all).
    unrecorded: set[str] | None = None

    def _note_changes(self, changes: list[Change]) -> list[Change]:
        if self.unrecorded is not None:
            self.unrecorded.update(change.item.id for change in changes)
        return changes

    # opening ---------------------------------------------------------------------------

    @classmethod
    @collector_paused()
    def open(cls, vault: Path, *, use_cache: bool = True, parallel: bool = True) -> VaultProgress:
        vault = Path(vault)
        check_vault_folder(vault)
        stamp = manifest_stamp(vault)
        index = load_manifest(vault)
        state = cls(vault, Progress(index), History(), stamp)
        cached = load_cache(vault) if use_cache else {}
        on_disk = walk_notes(vault)
        state._load_notes(on_disk, cached, parallel=parallel)
        if index is None and not any(
            scan.properties and (scan.properties.note_id or scan.properties.roadmap)
            for scan in state.progress.notes.values()
        ):
            raise VaultError(
                "not a roadvault vault: no .roadvault/manifest.json and no note with "
                "roadvault properties",
                path=vault,
                hint="build one first: roadvault build ROADMAP.md --vault " + str(vault),
            )
        state.history = load_history(vault, scope=state.history_scope())
        return state

    def history_scope(self) -> Scope:
        """What the summary asks the history about (a long history is read for it only)."""
        items = self.progress.index.items
        return Scope(
            frozenset((item_id, item.roadmap) for item_id, item in items.items()),
            frozenset(self.progress.roadmap_slugs()),
        )

    def _needs_properties(self, relpath: str) -> bool:
        return relpath not in self.progress.index.files

    def _load_notes(
        self,
        on_disk: dict[str, tuple[int, int]],
        cached: dict[str, NoteScan],
        *,
        parallel: bool,
    ) -> list[Change]:
        """Bring every note in line with `on_disk`, reading only what the cache cannot give."""
        progress = self.progress
        cold = not progress.notes
        changes: list[Change] = []
        jobs: list[tuple[str, bool]] = []
        fresh: dict[str, NoteScan] = {}
        listed = progress.index.files  # notes the manifest names need no properties
        known = progress.notes
        racy = self.racy  # read too soon after a change: the same (mtime, size) proves nothing
        for relpath, stamp in on_disk.items():
            scan = cached.get(relpath)
            if (
                scan is not None
                and scan[0] == stamp[0]  # mtime_ns (NamedTuple indexing: this loop is hot)
                and scan[1] == stamp[1]  # size
                and (scan[5] is not None or relpath in listed)  # properties
                and relpath not in racy
            ):
                if cold or known.get(relpath) is not scan:
                    fresh[relpath] = scan
            else:
                jobs.append((relpath, relpath not in listed))
        for relpath, scan, read_at in read_note_scans(self.vault, jobs, parallel=parallel):
            if scan is None:
                continue
            if read_at - scan.mtime_ns < RACY_NS:
                self.racy.add(relpath)
            else:
                self.racy.discard(relpath)
            fresh[relpath] = scan
        if cold:
            progress.load(fresh)
            return changes
        for relpath in sorted(fresh):
            changes += progress.set_note(relpath, fresh[relpath])
        for relpath in [r for r in progress.notes if r not in on_disk]:
            changes += progress.set_note(relpath, None)
        return changes

    # updating --------------------------------------------------------------------------

    def rescan(self, relpaths: Iterable[str]) -> list[Change]:
        """Look at these notes again (changed, created, deleted or renamed)."""
        changes: list[Change] = []
        root = os.fspath(self.vault)
        for relpath in relpaths:
            if not is_note_relpath(relpath):
                continue
            try:
                info = os.lstat(os.path.join(root, relpath))
            except OSError:
                info = None
            if info is None or not stat.S_ISREG(info.st_mode):
                if relpath in self.progress.notes:
                    changes += self.progress.set_note(relpath, None)
                continue
            old = self.progress.notes.get(relpath)
            if (
                old is not None
                and (old.mtime_ns, old.size) == (info.st_mtime_ns, info.st_size)
                and relpath not in self.racy
            ):
                continue
            scan, read_at = read_note_scan(
                root, relpath, need_properties=self._needs_properties(relpath)
            )
            if scan is None:
                continue  # unreadable for now: keep what we had
            if read_at - scan.mtime_ns < RACY_NS:
                self.racy.add(relpath)
            else:
                self.racy.discard(relpath)
            changes += self.progress.set_note(relpath, scan)
        return self._note_changes(changes)

    def rescan_all(self) -> list[Change]:
        """Walk the vault again (after folder moves or lost events): stat all, read changed."""
        changes = self._load_notes(
            walk_notes(self.vault), dict(self.progress.notes), parallel=False
        )
        return self._note_changes(changes)

    def reload_manifest(self, *, force: bool = False) -> list[Change] | None:
        """Take the manifest again if a build changed it (None: unchanged)."""
        stamp = manifest_stamp(self.vault)
        if stamp == self.manifest and not force:
            return None
        index = load_manifest(self.vault) or ManifestIndex()
        self.manifest = stamp
        self.progress.index = index
        # Notes the new manifest no longer lists need their properties read.
        missing_props = [
            relpath
            for relpath, scan in self.progress.notes.items()
            if scan.properties is None and self._needs_properties(relpath)
        ]
        root = os.fspath(self.vault)
        for relpath in missing_props:
            scan, _ = read_note_scan(root, relpath, need_properties=True)
            if scan is not None:
                self.progress.notes[relpath] = scan
        self.unrecorded = None
        return self.progress.reindex(index)

    # history and Progress.md ---------------------------------------------------------

    def pending_entries(self, now: datetime) -> list[Entry]:
        """History entries for items whose status differs from the last one recorded."""
        progress = self.progress
        if self.history.scope is not None:  # read for a scope: does it still cover the vault?
            scope = self.history_scope()
            if not self.history.covers(scope, now):  # a build or a note brought items in
                self.history = load_history(self.vault, scope=scope, now=now)
        items = progress.index.items
        ids = items if self.unrecorded is None else sorted(self.unrecorded)
        return self.history.pending(
            (
                (items[item_id].roadmap, item_id, status)
                for item_id in ids
                if item_id in items and (status := progress.status_of(item_id)) is not None
            ),
            now,
        )

    def summary(self, now: datetime) -> ProgressSummary:
        """The summary as it would be after recording what is pending (writes nothing)."""
        pending = self.pending_entries(now)
        history = self.history
        if pending:
            history = history.copy()
            for entry in pending:
                history.add(entry)
        return build_summary(
            self.progress, history, now=now, zone=local_zone(), starts=self.plan_starts()
        )

    def commit(self, now: datetime, *, lock_timeout: float = WRITE_LOCK_TIMEOUT) -> bool:
        """Record pending changes and rewrite Progress.md if its text changed.

        Holds the vault lock (shared with `build`) for the writes only. Returns True when
        Progress.md was written.
        """
        with vault_lock(self.vault, timeout=lock_timeout):
            self.reload_manifest()  # a build may have finished while we waited
            entries = self.pending_entries(now)
            append_history(self.vault, entries)
            for entry in entries:
                self.history.add(entry)
            self.unrecorded = set()
            summary = build_summary(
                self.progress, self.history, now=now, zone=local_zone(), starts=self.plan_starts()
            )
            text = render_progress_note(summary)
            return self._write_if_changed(text)

    def plan_starts(self) -> dict[str, date]:
        """Each roadmap's plan start: its note's `start` property, else the build's."""
        return read_plan_starts(self.vault, self.progress.index)

    def _write_if_changed(self, text: str) -> bool:
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        target = vault_path(self.vault, PROGRESS_NOTE)
        try:
            current = read_regular(target, what="note")  # a FIFO: one clear error
        except FileNotFoundError:
            current = None
        except OSError:
            current = None
        if current == data:
            self.written_hash = digest
            return False
        atomic_write(self.vault, PROGRESS_NOTE, data)
        self.written_hash = digest
        return True

    def progress_file_is_ours(self) -> bool:
        """Is Progress.md on disk exactly what we last wrote? (our own write's event)"""
        try:
            data = read_regular(vault_path(self.vault, PROGRESS_NOTE), what="note")
        except (OSError, VaultError):
            return False
        return hashlib.sha256(data).hexdigest() == self.written_hash

    def save_cache(self) -> None:
        save_cache(self.vault, self.progress.notes, skip=self.racy)


def check_vault_folder(vault: Path) -> None:
    try:
        info = os.stat(vault)
    except FileNotFoundError as exc:
        raise VaultError("no such folder", path=vault) from exc
    except OSError as exc:
        raise VaultError(f"cannot open this folder: {exc.strerror}", path=vault) from exc
    if not stat.S_ISDIR(info.st_mode):
        raise VaultError("is not a folder", path=vault)


def utc_now() -> datetime:
    return datetime.now(UTC)
