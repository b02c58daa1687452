"""Carry out a plan: the only place a build writes to the vault.

Order (FORMAT.md §5, crash safety): notes, canvas and template files (each atomic; a file
that exists is fsynced before it is replaced, new ones share one sync) → deletions of moved
or removed notes → `.roadvault/base/` copies → `roadmaps/<slug>.json` → `manifest.json`
last. A build killed anywhere leaves every file old or new, and a manifest that never names
a note that was not written yet.

Just before a file is replaced or deleted it is read again: if it changed since the plan
was made (the learner typed in Obsidian meanwhile), it is left alone and reported.

A note that is replaced stays open (its old file, no longer in the folder) until the end of
the apply step, and is looked at once more there (`_look_again`): an editor that opened it
before the rename and wrote after it wrote there. Such a save is folded into the new note by
the merge the build uses for a learner's note (base: what the old file held; mine: the save;
new: what stands there now). When that merge is not clean the save goes back whole in place
of what the build wrote (reported as changed meanwhile), or, when someone else wrote the note
after the build too, it is kept under `.roadvault/late-saves/` and reported. Never dropped.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections import deque
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from roadvault.errors import ChangedMeanwhileError, VaultError
from roadvault.fsio import (
    ReplacedFile,
    atomic_write,
    decode_note,
    remove_file,
    sync_all,
    vault_path,
)
from roadvault.vault.plan import PlannedFile
from roadvault.vault.update.note_merge import (
    find_item_lines,
    item_statuses,
    merge_note,
    repeated_block_ids,
)
from roadvault.vaultformat import STATE_DIR, base_relpath

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total)
CHANGED_MEANWHILE = ChangedMeanwhileError.MESSAGE
LATE_SAVES_DIR = f"{STATE_DIR}/late-saves"
# A replaced note's old file is looked at last no sooner than this after its rename (an
# editor's open and its write can be this far apart on a loaded machine), and at most this
# many are held open at once (the oldest is looked at early to make room).
HOLD_SECONDS = 0.02
MAX_HELD = 256

Held = deque[tuple[ReplacedFile, PlannedFile]]


def _current_bytes(vault: Path, relpath: str) -> bytes | None:
    path = vault_path(vault, relpath)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except IsADirectoryError as exc:
        raise VaultError("a folder stands where the note should be", path=path) from exc


def _still(vault: Path, planned: PlannedFile) -> Callable[[], bool]:
    """Whether the file still holds what the plan read (asked just before the rename)."""
    return lambda: _current_bytes(vault, planned.relpath) == planned.expect


def _folder_of(vault: Path, relpath: str) -> Path:
    return vault / Path(*PurePosixPath(relpath).parent.parts)


def apply_files(vault: Path, files: list[PlannedFile], *, progress: Progress | None = None) -> int:
    """Write and delete what the plan says; a file that cannot be written becomes a skip
    (with the reason) and the rest goes on. Returns the number of files written."""
    writes = [planned for planned in files if planned.writes]
    deletes = [planned for planned in files if planned.deletes]
    held: Held = deque()  # replaced notes' old files, open until their last look
    try:
        return _write_all(vault, writes, deletes, held, progress)
    finally:
        for old, _ in held:
            old.close()


def _write_all(
    vault: Path,
    writes: list[PlannedFile],
    deletes: list[PlannedFile],
    held: Held,
    progress: Progress | None,
) -> int:
    total = len(writes) + len(deletes)
    done = written = 0
    limit = max_held()
    new_folders: set[Path] = set()
    succeeded: set[str] = set()
    by_path = {planned.relpath: planned for planned in writes}
    for planned in writes:
        try:
            assert planned.data is not None
            atomic_write(
                vault,
                planned.relpath,
                planned.data,
                fsync=planned.fsync,
                unchanged=_still(vault, planned),
                keep_old=lambda old, planned=planned: held.append((old, planned)),
            )
            written += 1
            succeeded.add(planned.relpath)
            if not planned.fsync:
                new_folders.add(_folder_of(vault, planned.relpath))
        except ChangedMeanwhileError:
            planned.fail(CHANGED_MEANWHILE)
        except VaultError as exc:
            logger.warning("%s: %s", planned.relpath, exc.message)
            planned.fail(exc.message)
        while len(held) > limit:
            _look_again(vault, *held.popleft(), by_path)
        done += 1
        if progress is not None:
            progress(done, total)
    if new_folders:
        # New notes must be on disk before anything (the manifest) says they exist.
        sync_all(new_folders | {vault})
    emptied: set[PurePosixPath] = set()
    # A move's old copy goes only once its new copy is in place: written now, or already
    # there (an interrupted build wrote it; plan_files finishes the move).
    unwritten = {planned.relpath for planned in writes} - succeeded
    for planned in deletes:
        if planned.moved_to is not None and planned.moved_to in unwritten:
            planned.fail(f"kept: its new copy {planned.moved_to} could not be written")
        else:
            _delete(vault, planned, held)
            emptied.add(PurePosixPath(planned.relpath).parent)
        while len(held) > limit:
            _look_again(vault, *held.popleft(), by_path)
        done += 1
        if progress is not None:
            progress(done, total)
    _remove_empty_folders(vault, emptied)
    if held:
        wait = held[-1][0].at + HOLD_SECONDS - time.monotonic()
        if wait > 0:
            time.sleep(wait)
    while held:
        _look_again(vault, *held.popleft(), by_path)
    return written


def max_held() -> int:
    """How many replaced files may be held open at once: `MAX_HELD`, and no more than an
    eighth of the descriptors the process may open (macOS allows 256 by default)."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return 64
    if soft == resource.RLIM_INFINITY:
        return MAX_HELD
    return max(4, min(MAX_HELD, soft // 8))


def _look_again(
    vault: Path, old: ReplacedFile, planned: PlannedFile, writes: dict[str, PlannedFile]
) -> None:
    """The last look at the old file of a note the build replaced or deleted: a save that
    landed in it after the build's last check is folded in, put back, or kept (module doc).
    A moved note's old copy is folded into its new copy; a removed note comes back."""
    try:
        late = old.late_save()
    except OSError as exc:
        logger.warning("%s: its old copy could not be read again: %s", planned.relpath, exc)
        return
    finally:
        old.close()
    if late is None:
        return
    if _cut_short(old.seen, late):
        # Most likely a save caught between its truncate and the end of its write, still
        # so after the pauses: taken as it is, it would delete lines from the note.
        logger.warning("%s: cut short in its old copy while the build wrote it", planned.relpath)
        planned.notes.append("cut short in its replaced copy while the build wrote it; check it")
        return
    if planned.deletes and planned.moved_to is None:
        if not _bring_back(vault, planned, late):
            _keep_aside(vault, planned, late)
        return
    relpath = planned.moved_to if planned.deletes and planned.moved_to else planned.relpath
    entry = writes.get(relpath, planned)
    for _ in range(3):
        try:
            if _fold_in(vault, relpath, entry, old, late):
                return
        except ChangedMeanwhileError:
            continue  # written again meanwhile: fold into that
        except (OSError, VaultError) as exc:
            logger.warning("%s: a late save could not be folded in: %s", relpath, exc)
        break
    _keep_aside(vault, planned, late)


def _cut_short(seen: bytes, late: bytes) -> bool:
    """Whether `late` looks like a save not yet fully written: empty (or blank) where the
    file held text, the start of what it held, or ending within a line where it did not."""
    if not seen.strip():
        return False
    if not late.strip() or (len(late) < len(seen) and seen.startswith(late)):
        return True
    return seen.endswith(b"\n") and not late.endswith(b"\n")


def _fold_in(
    vault: Path, relpath: str, planned: PlannedFile, old: ReplacedFile, late: bytes
) -> bool:
    """Fold the save `late` (made to the old file after the build's last check) into what
    stands at `relpath` now; False when that cannot be done without a silent choice."""
    current = _current_bytes(vault, relpath)
    if current is None:
        return False
    merged = _merged(planned, old.seen, late, current)
    withdraw = merged is None
    if merged is None:
        if old.left is None or current != old.left:
            return False  # someone wrote it after the build too: not ours to replace
        merged = late  # the build's version of this note waits for the next build
    if merged != current:
        atomic_write(
            vault, relpath, merged, unchanged=lambda: _current_bytes(vault, relpath) == current
        )
    if withdraw:
        planned.fail(CHANGED_MEANWHILE)
        logger.warning("%s: saved while the build wrote it; the save is kept", relpath)
    else:
        planned.after = decode_note(merged).text
        planned.notes.append("a save made while it was written is merged in")
        logger.warning("%s: saved while the build wrote it; merged in", relpath)
    return True


def _bring_back(vault: Path, planned: PlannedFile, late: bytes) -> bool:
    """A removed note saved while the build deleted it comes back with that save, where it
    was (if nothing stands there now), as if the save had come before the build: the next
    build keeps the learner's work in it (archived under "Removed from the roadmap")."""
    try:
        atomic_write(
            vault,
            planned.relpath,
            late,
            unchanged=lambda: _current_bytes(vault, planned.relpath) is None,
        )
    except (OSError, VaultError) as exc:
        logger.warning("%s: a late save could not be put back: %s", planned.relpath, exc)
        return False
    planned.fail(CHANGED_MEANWHILE)
    logger.warning("%s: saved while the build deleted it; the save is kept", planned.relpath)
    return True


def _strict_text(data: bytes) -> str | None:
    try:
        data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return None
    return decode_note(data).text


def _merged(planned: PlannedFile, seen: bytes, late: bytes, now: bytes) -> bytes | None:
    """The late save merged into `now` as the build merges a learner's note (base: the old
    file as the build saw it), in `now`'s line ends; None unless clean: a note only (not
    the canvas, not a file of the template), all of it UTF-8, no conflict, no block id
    written twice, the same items as `now` (where the build put each item stands: a tick
    on an item it moved to another note cannot follow it from here), and every change of
    the save in it (`_keeps_the_save`)."""
    if planned.kind == "canvas" or not planned.relpath.endswith(".md"):
        return None
    base, mine, new = _strict_text(seen), _strict_text(late), _strict_text(now)
    if base is None or mine is None or new is None:
        return None
    result = merge_note(base, mine, new)
    if result.conflicts or repeated_block_ids(result.text, mine):
        return None
    if _item_ids(result.text) != _item_ids(new) or not _keeps_the_save(base, mine, result.text):
        return None
    return decode_note(now).encode(result.text)


def _item_ids(text: str) -> set[str]:
    return {item.id for item in find_item_lines(text.split("\n"))}


def _keeps_the_save(base: str, mine: str, merged: str) -> bool:
    """Every change the save made stands in `merged`: each checkbox it changed has its
    mark, each other line it added or changed is there as it wrote it."""
    before, after, result = item_statuses(base), item_statuses(mine), item_statuses(merged)
    if any(result.get(key) != mark for key, mark in after.items() if before.get(key) != mark):
        return False
    lines = mine.split("\n")
    items = {item.index for item in find_item_lines(lines)}
    old, kept = set(base.split("\n")), set(merged.split("\n"))
    return all(
        line in kept
        for index, line in enumerate(lines)
        if index not in items and line.strip() and line not in old
    )


def _keep_aside(vault: Path, planned: PlannedFile, late: bytes) -> None:
    """A late save that could not be folded in: kept under `.roadvault/late-saves/`, named
    after the note and the time, and reported."""
    path = PurePosixPath(planned.relpath)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = f"{LATE_SAVES_DIR}/{path.parent}/{path.stem}.{stamp}{path.suffix}"
    try:
        atomic_write(vault, aside, late)
    except (OSError, VaultError) as exc:
        logger.error("%s: a save made while it was written was lost: %s", planned.relpath, exc)
        planned.notes.append("a save made while it was written could not be kept")
        return
    kept = str(PurePosixPath(aside))
    logger.error("%s: a save made while it was written is kept in %s", planned.relpath, kept)
    planned.notes.append(f"a save made while it was written could not be merged; see {kept}")


def _remove_empty_folders(vault: Path, folders: set[PurePosixPath]) -> None:
    """Old phase folders left empty by moves and deletions go too (never a folder that
    still holds anything, never the vault or a top-level folder)."""
    for folder in sorted(folders, key=lambda path: len(path.parts), reverse=True):
        if len(folder.parts) < 2:
            continue
        try:
            path = vault_path(vault, str(folder))
            if path.is_dir() and not path.is_symlink():
                os.rmdir(path)  # fails, harmlessly, unless the folder is empty
        except (OSError, VaultError):
            continue


def _delete(vault: Path, planned: PlannedFile, held: Held) -> None:
    """Delete a note still as planned; its old file stays open (`held`) for a last look."""
    old = -1
    try:
        old = _open_old(vault, planned.relpath)
        if not _still(vault, planned)():
            planned.fail(CHANGED_MEANWHILE)
            return
        if old >= 0 and not _same_file(vault, planned.relpath, old):
            os.close(old)  # not the file checked: nothing to hold
            old = -1
        remove_file(vault, planned.relpath)
        if old >= 0:
            path = vault_path(vault, planned.relpath)
            seen = planned.expect or b""
            old, fd = -1, old
            held.append((ReplacedFile(fd, path, seen, None, time.monotonic()), planned))
    except VaultError as exc:
        planned.fail(exc.message)
    except OSError as exc:
        planned.fail(f"cannot be deleted: {exc.strerror}")
    finally:
        if old >= 0:
            os.close(old)


_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _open_old(vault: Path, relpath: str) -> int:
    """A read-only descriptor of the file at `relpath` (-1: none, or not a regular file).
    None on Windows, where a file held open cannot be deleted."""
    if os.name != "posix":
        return -1
    try:
        fd = os.open(vault_path(vault, relpath), _READ_FLAGS)
    except OSError:
        return -1
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return -1
    return fd


def _same_file(vault: Path, relpath: str, fd: int) -> bool:
    try:
        here = os.stat(vault_path(vault, relpath), follow_symlinks=False)
    except OSError:
        return False
    return os.path.samestat(here, os.fstat(fd))


def save_state(
    vault: Path,
    *,
    bases: dict[str, str | None],
    texts: Iterable[tuple[str, str]],
    manifest: tuple[str, str] | None,
) -> int:
    """Write the state after the files: base copies (`None` removes one), then other state
    files (`texts`: relpath, text — the roadmap model), then the manifest, last and
    fsynced. Only what changed is passed in; returns the number of files written."""
    written = 0
    folders: set[Path] = set()
    # Base copies need no fsync each: one whose bytes a power cut lost no longer matches
    # its sha256 in the manifest and is then not trusted (build._verified_base). One sync
    # before the manifest is written makes them durable together.
    for relpath, text in sorted(bases.items()):
        state_relpath = base_relpath(relpath)
        if text is None:
            remove_file(vault, state_relpath)
            continue
        atomic_write(vault, state_relpath, text, fsync=False)
        folders.add(_folder_of(vault, state_relpath))
        written += 1
    for relpath, text in texts:
        atomic_write(vault, relpath, text, fsync=False)
        folders.add(_folder_of(vault, relpath))
        written += 1
    if folders:
        sync_all(folders)
    if manifest is not None:
        atomic_write(vault, manifest[0], manifest[1], fsync=True)
        written += 1
    return written
