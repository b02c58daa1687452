"""Carry out a plan: the only place a build writes to the vault.

Order (FORMAT.md §5, crash safety): notes, canvas and template files (each atomic; a file
that exists is fsynced before it is replaced, new ones share one sync) → deletions of moved
or removed notes → `.roadvault/base/` copies → `roadmaps/<slug>.json` → `manifest.json`
last. A build killed anywhere leaves every file old or new, and a manifest that never names
a note that was not written yet.

Just before a file is replaced or deleted it is read again: if it changed since the plan
was made (the learner typed in Obsidian meanwhile), it is left alone and reported.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from roadvault.errors import ChangedMeanwhileError, VaultError
from roadvault.fsio import atomic_write, remove_file, sync_all, vault_path
from roadvault.vault.plan import PlannedFile
from roadvault.vaultformat import base_relpath

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total)
CHANGED_MEANWHILE = ChangedMeanwhileError.MESSAGE


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
    total = len(writes) + len(deletes)
    done = written = 0
    new_folders: set[Path] = set()
    succeeded: set[str] = set()
    for planned in writes:
        try:
            assert planned.data is not None
            atomic_write(
                vault,
                planned.relpath,
                planned.data,
                fsync=planned.fsync,
                unchanged=_still(vault, planned),
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
            _delete(vault, planned)
            emptied.add(PurePosixPath(planned.relpath).parent)
        done += 1
        if progress is not None:
            progress(done, total)
    _remove_empty_folders(vault, emptied)
    return written


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


def _delete(vault: Path, planned: PlannedFile) -> None:
    try:
        if not _still(vault, planned)():
            planned.fail(CHANGED_MEANWHILE)
            return
        remove_file(vault, planned.relpath)
    except VaultError as exc:
        planned.fail(exc.message)
    except OSError as exc:
        planned.fail(f"cannot be deleted: {exc.strerror}")


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
