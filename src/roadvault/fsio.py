"""The one I/O edge for files in a vault: safe paths, atomic writes, reading notes.

Rules kept here so no caller can forget them:
- a relative vault path never leaves the vault (no absolute paths, no `..`, no symlinked
  component anywhere between the vault root and the file);
- every write is a temp file in the same folder + `os.replace`, so a reader (Obsidian, a sync
  tool, a crash) sees the old file or the new one, never a torn one;
- a learner's file being replaced is fsynced first; new files may defer to one `sync_all`;
- a read-only note is not replaced behind the learner's back (reported instead);
- the mode of a replaced file is kept.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import secrets
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import filelock

from roadvault.errors import (
    ChangedMeanwhileError,
    InputError,
    LockedError,
    NotRegularFileError,
    UnsafePathError,
    VaultError,
)
from roadvault.vaultformat import (
    LOCK_NAME,
    MAX_NOTE_BYTES,
    STATE_DIR,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    TOKEN_RELPATH,
    enter_for_temps,
)

logger = logging.getLogger(__name__)

# The vault's own temp-file token: every temp file roadvault makes in a vault is named
# `.rv-<token>-<random>.tmp`, and only those are ever cleaned up, so a learner's file that
# merely looks alike (`.rv-draft.tmp`) is never deleted.
_TOKEN = re.compile(r"[0-9a-f]{16}")
_tokens: dict[str, str] = {}


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


@functools.lru_cache(maxsize=1 << 16)
def safe_parts(relpath: str) -> tuple[str, ...]:
    """The components of a POSIX path relative to the vault (normalised as PurePosixPath
    does: empty and "." parts dropped); UnsafePathError if it could escape. Cached: a build
    asks for the same few thousand paths several times each."""
    if not relpath or "\x00" in relpath or "\\" in relpath:
        raise UnsafePathError("not a safe vault path", path=relpath or "''")
    parts = tuple(part for part in relpath.split("/") if part not in ("", "."))
    if relpath.startswith("/") or ".." in parts:
        raise UnsafePathError("path would leave the vault", path=relpath)
    return parts


def check_relpath(relpath: str) -> PurePosixPath:
    """Validate a POSIX path relative to the vault; raise UnsafePathError if it could escape."""
    return PurePosixPath(*safe_parts(relpath))


def _walk_components(vault: Path, parts: tuple[str, ...], *, create: bool) -> str:
    """Look at each component of `vault/parts` in turn, refusing symlinks: stop at the first
    that does not exist, or (`create`) make it a real folder and go on. Returns the path."""
    current = os.fspath(vault)
    for part in parts:
        current = os.path.join(current, part)
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            if not create:
                break
            os.mkdir(current)
            continue
        except NotADirectoryError as exc:
            raise VaultError("a file stands where a folder is needed", path=current) from exc
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePathError(
                "is a symlink; roadvault never writes through links", path=current
            )
        if create and not stat.S_ISDIR(info.st_mode):
            raise VaultError("a file stands where a folder is needed", path=current)
    return current


def vault_path(vault: Path, relpath: str) -> Path:
    """The absolute path of `relpath` inside `vault`, refusing any symlinked component.

    Components that do not exist yet are fine (they will be created as real folders).
    Every component is looked at again on each call (unlike `ensure_folder`, which may
    remember folders it made), since a folder can be swapped for a symlink while a build
    runs (the lstat calls cost ~1% of a build).
    """
    parts = safe_parts(relpath)
    _walk_components(vault, parts, create=False)
    return Path(os.path.join(vault, *parts))


def ensure_folder(vault: Path, rel_dir: str) -> Path:
    """Create `rel_dir` (and parents) inside the vault as real folders, never via symlinks."""
    return Path(_walk_components(vault, safe_parts(rel_dir), create=True))


def is_read_only(path: str | Path, mode: int) -> bool:
    """A file the learner made read-only (no write bit at all), or one we may not write.
    The mode bits are what counts: `os.access` says yes to root for every file."""
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _read_token(vault: Path) -> str | None:
    try:
        text = read_regular(vault_path(vault, TOKEN_RELPATH), limit=64, what="state file")
    except (OSError, VaultError):
        return None
    token = text.decode("ascii", errors="replace").strip()
    return token if _TOKEN.fullmatch(token) else None


def temp_token(vault: Path) -> str:
    """The vault's recorded temp-file token, created (O_EXCL: one winner when processes
    race) the first time roadvault writes in the vault. When it cannot be recorded, a
    fresh unrecorded token: those temp files are then never cleaned, which is the safe
    side of the bargain."""
    key = os.fspath(vault)
    if key in _tokens:
        return _tokens[key]
    token = _read_token(vault)
    if token is None:
        candidate = secrets.token_hex(8)
        try:
            ensure_folder(vault, STATE_DIR)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(vault_path(vault, TOKEN_RELPATH), flags, 0o644)
            try:
                os.write(fd, f"{candidate}\n".encode())
                os.fsync(fd)
            finally:
                os.close(fd)
        except FileExistsError:
            pass  # another process recorded one just now: use it
        except (OSError, VaultError) as exc:
            logger.debug("temp token not recorded: %s", exc)
            return candidate
        token = _read_token(vault) or candidate
    _tokens[key] = token
    return token


# os.replace takes src_dir_fd/dst_dir_fd wherever os.rename does (it is not listed itself).
_DIR_FD_OK = {os.open, os.stat, os.rename, os.unlink, os.mkdir} <= os.supports_dir_fd
_DIR_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_DIRECTORY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


@contextlib.contextmanager
def open_folder(vault: Path, rel_dir: str, *, create: bool) -> Iterator[int]:
    """A descriptor of the folder `vault/rel_dir`, reached one component at a time with
    `openat(O_NOFOLLOW|O_DIRECTORY)` from the vault's own descriptor (`create`: missing
    components are made as real folders on the way). Whatever is done through it happens
    in the folder that was checked, even if a folder on the path is swapped for a symlink
    a moment later (a path, looked at again by `mkstemp` or `os.replace`, would follow it)."""
    parts = safe_parts(rel_dir) if rel_dir not in ("", ".") else ()
    fd = os.open(vault, _DIR_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))
    current = os.fspath(vault)
    try:
        for part in parts:
            current = os.path.join(current, part)
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, dir_fd=fd)
            try:
                child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                raise _folder_error(exc, fd, part, current) from exc
            os.close(fd)
            fd = child
        yield fd
    finally:
        os.close(fd)


def _folder_error(exc: OSError, parent_fd: int, part: str, path: str) -> Exception:
    """What opening one folder component failed on, as the error a user can act on."""
    if isinstance(exc, FileNotFoundError):
        return exc
    with contextlib.suppress(OSError):
        info = os.stat(part, dir_fd=parent_fd, follow_symlinks=False)
        if stat.S_ISLNK(info.st_mode):
            return UnsafePathError("is a symlink; roadvault never writes through links", path=path)
        if not stat.S_ISDIR(info.st_mode):
            return VaultError("a file stands where a folder is needed", path=path)
    return exc


@dataclass(slots=True, eq=False)
class ReplacedFile:
    """The file an atomic write renamed its new version over, still open (`atomic_write`'s
    `keep_old`). An editor that opened the note for writing before the rename and writes
    after it writes here, into a file no longer in the folder; whoever holds this looks at it
    once more later (`late_save`) and folds such a save back in (vault/apply.py), then
    `close`s it. Holding it costs one descriptor and no copy of the bytes beyond `seen`."""

    fd: int
    path: Path  # the note's path (for messages)
    seen: bytes  # what the old file held when last looked at, after the rename
    left: bytes | None  # what stood at the path after the write (None: not known)
    at: float  # time.monotonic() of the rename

    def late_save(self, *, pause: float = 0.005, reads: int = 4) -> bytes | None:
        """What the old file holds now, when it differs from `seen` (None: nothing new).
        A save caught in the middle (truncated, not yet written; written in parts) is
        read again after short pauses, until two reads agree."""
        data = _read_whole(self.fd)
        if data == self.seen:
            return None
        for _ in range(reads):
            time.sleep(pause)
            again = _read_whole(self.fd)
            if again == data:
                break
            data = again
        return None if data == self.seen else data

    def close(self) -> None:
        if self.fd >= 0:
            fd, self.fd = self.fd, -1
            os.close(fd)


# What an atomic write puts in its temp file: the bytes, or a function that writes them to
# the temp file's descriptor (a copy streamed from another file, never whole in memory).
Content = bytes | str | Callable[[int], None]


def atomic_write(
    vault: Path,
    relpath: str,
    data: Content,
    *,
    fsync: bool = True,
    unchanged: Callable[[], bool] | None = None,
    keep_old: Callable[[ReplacedFile], None] | None = None,
) -> Path:
    """Write `data` to `vault/relpath` atomically (temp in the same folder, then `os.replace`).

    `fsync=True` flushes the file before it replaces the old one; pass False for a brand-new
    file when the caller runs one `sync_all` at the end. `unchanged` is asked last, after the
    temp file is written and flushed and just before the rename: when it says False the old
    file stays and `ChangedMeanwhileError` is raised. Asking it any earlier would leave the
    write and the fsync (milliseconds) open to a learner's save, which the rename would undo.
    The temp file is made and renamed relative to a descriptor of its folder (`open_folder`),
    where the platform allows; it is named as `remove_stale_temps` knows to clean up after a
    killed run. `keep_old` (with `unchanged`, for bytes or text `data`) is handed the file
    that was replaced, still open, once the rename is made (`ReplacedFile`: the caller
    closes it); it is called before `ChangedMeanwhileError` when a save was put back too.
    Returns the absolute path written.
    """
    fill = _filler(data)
    parts = safe_parts(relpath)
    parent_rel = "/".join(parts[:-1])
    if not _DIR_FD_OK:
        if parent_rel:
            ensure_folder(vault, parent_rel)
        target = vault_path(vault, relpath)
        return _atomic_write_by_path(vault, target, fill, fsync=fsync, unchanged=unchanged)
    # No path-based look first: open_folder checks (and makes) each folder itself, and a
    # path looked at a moment earlier proves nothing about the folder written to.
    target = Path(os.path.join(vault, *parts))
    name = parts[-1]
    with open_folder(vault, parent_rel, create=True) as folder:
        mode = _mode_to_write(target, name, folder)
        tmp = f"{TEMP_PREFIX}{temp_token(vault)}-{secrets.token_hex(6)}{TEMP_SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags | getattr(os, "O_CLOEXEC", 0), 0o600, dir_fd=folder)
        try:
            fill(fd)
            if fsync:
                os.fsync(fd)
            os.fchmod(fd, mode)
            ours = os.fstat(fd).st_ino
            os.close(fd)
            fd = -1
            if unchanged is None:
                os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
            else:
                written = data if keep_old is not None and not callable(data) else None
                left = written.encode("utf-8") if isinstance(written, str) else written
                _replace_unless_saved_meanwhile(
                    folder, tmp, name, ours, unchanged, target, keep_old=keep_old, left=left
                )
        except BaseException as exc:
            if fd >= 0:
                os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=folder)
            if isinstance(exc, OSError):
                # Name the file being written (os.write names none; os.replace the temp
                # file), so "disk full" says where.
                exc.filename, exc.filename2 = str(target), None
            raise
    return target


def _replace_unless_saved_meanwhile(
    folder: int,
    tmp: str,
    name: str,
    ours: int,
    unchanged: Callable[[], bool],
    target: Path,
    *,
    keep_old: Callable[[ReplacedFile], None] | None = None,
    left: bytes | None = None,
) -> None:
    """Rename `tmp` over `name` when `unchanged()` says the learner's file is as planned, and
    give the learner's save back if one landed in the old file between that check and the
    rename (an editor that saves in place: open, truncate, write). The old file is held open
    across the rename, so such a save is seen in it afterwards; when the new file is still
    ours, the saved bytes are put back and `ChangedMeanwhileError` says the note was left.
    With `keep_old` the old file stays open after this look and is handed over (`left`:
    the bytes written), so a save landing in it later still can be seen."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        old = os.open(name, flags, dir_fd=folder)
    except FileNotFoundError:
        old = -1
    try:
        before = _read_whole(old) if old >= 0 else None
        if not unchanged():
            raise ChangedMeanwhileError(ChangedMeanwhileError.MESSAGE, path=target)
        os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
        renamed = time.monotonic()
        if old < 0:
            return
        saved = _read_whole(old)
        if saved == before:
            if keep_old is not None:
                old, held = -1, old
                keep_old(ReplacedFile(held, target, saved, left, renamed))
            return
        now = os.stat(name, dir_fd=folder, follow_symlinks=False)
        put_back = now.st_ino == ours
        if put_back:  # nobody renamed a newer copy in since: the save goes back
            # named like `tmp`, so that `remove_stale_temps` cleans it up after a kill
            back = f"{tmp.removesuffix(TEMP_SUFFIX)}-back{TEMP_SUFFIX}"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(back, flags, stat.S_IMODE(now.st_mode), dir_fd=folder)
            try:
                write_all(fd, saved)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(back, name, src_dir_fd=folder, dst_dir_fd=folder)
        logger.warning("%s: saved while the build wrote it; the save is kept", target)
        if keep_old is not None:
            old, held = -1, old
            keep_old(ReplacedFile(held, target, saved, saved if put_back else None, renamed))
        raise ChangedMeanwhileError(ChangedMeanwhileError.MESSAGE, path=target)
    finally:
        if old >= 0:
            os.close(old)


def _read_whole(fd: int) -> bytes:
    return b"".join(_chunks(fd))


def _chunks(fd: int, size: int = 1 << 20) -> Iterator[bytes]:
    """The bytes of the open file `fd` from its start, `size` at a time."""
    offset = 0
    while data := os.pread(fd, size, offset):
        yield data
        offset += len(data)


def write_all(fd: int, data: bytes) -> None:
    """`os.write` until every byte is written (it may write fewer at a time)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _filler(data: Content) -> Callable[[int], None]:
    """What writes `data` to a temp file's descriptor (text as UTF-8)."""
    if callable(data):
        return data
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return lambda fd: write_all(fd, raw)


def copy_from(source: int, *, chunk: int = 1 << 20) -> Callable[[int], None]:
    """Content for `atomic_write`: the bytes of the open file `source` from its start,
    copied a chunk at a time (a file of hundreds of MB is never held in memory)."""

    def fill(fd: int) -> None:
        for data in _chunks(source, chunk):
            write_all(fd, data)

    return fill


def _mode_to_write(target: Path, name: str, folder: int) -> int:
    """The mode for the new file: the old file's (refusing a folder or a read-only note
    there), else the default for new files."""
    try:
        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return 0o666 & ~_UMASK
    if stat.S_ISDIR(info.st_mode):
        raise VaultError("is a folder, not a note; left alone", path=target)
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError("is a symlink; roadvault never writes through links", path=target)
    if is_read_only(target, info.st_mode):
        raise VaultError("is read-only; left unchanged", path=target)
    return stat.S_IMODE(info.st_mode)


def _atomic_write_by_path(
    vault: Path,
    target: Path,
    fill: Callable[[int], None],
    *,
    fsync: bool,
    unchanged: Callable[[], bool] | None,
) -> Path:
    """`atomic_write` where folders cannot be opened as descriptors (Windows)."""
    mode = 0o666 & ~_UMASK
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise VaultError("is a folder, not a note; left alone", path=target)
        if is_read_only(target, info.st_mode):
            raise VaultError("is read-only; left unchanged", path=target)
        mode = stat.S_IMODE(info.st_mode)
    prefix = f"{TEMP_PREFIX}{temp_token(vault)}-"
    try:
        _replace_via_temp(target, fill, prefix=prefix, fsync=fsync, mode=mode, unchanged=unchanged)
    except OSError as exc:
        exc.filename, exc.filename2 = str(target), None
        raise
    return target


def _replace_via_temp(
    target: Path,
    fill: Callable[[int], None],
    *,
    prefix: str,
    fsync: bool,
    mode: int | None = None,
    unchanged: Callable[[], bool] | None = None,
) -> None:
    """The atomic write by path: a temp file (`mkstemp`) in the target's folder, written,
    optionally flushed and given `mode`, then `os.replace`d over the target; on any
    failure the temp file is removed and the error propagates."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        fill(fd)
        if fsync:
            os.fsync(fd)
        os.close(fd)
        fd = -1
        if mode is not None:
            os.chmod(tmp, mode)
        if unchanged is not None and not unchanged():
            raise ChangedMeanwhileError(ChangedMeanwhileError.MESSAGE, path=target)
        os.replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_private_file(
    path: Path, data: bytes | str, *, prefix: str, create_folder: bool = True
) -> None:
    """Replace a file outside any vault (the caches, docs/FORMAT.md §8; a calendar file
    `plan --ics` writes) atomically, its folder created first unless `create_folder` is
    False: a reader sees the old file or the new one, and a failed write leaves no temp
    file behind (`<prefix>…tmp`). OSError propagates (a cache's caller only logs it)."""
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    _replace_via_temp(path, _filler(data), prefix=prefix, fsync=False)


def remove_file(vault: Path, relpath: str) -> None:
    """Delete a file inside the vault (never through a symlinked folder: relative to a
    descriptor of its folder, where the platform allows)."""
    target = vault_path(vault, relpath)
    if not _DIR_FD_OK:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        return
    try:
        with open_folder(vault, str(PurePosixPath(relpath).parent), create=False) as folder:
            os.unlink(target.name, dir_fd=folder)
    except FileNotFoundError:
        pass


def remove_stale_temps(vault: Path) -> int:
    """Delete temp files a killed roadvault left behind: only `.rv-<token>-*.tmp` with
    this vault's recorded token (a learner's `.rv-notes.tmp` is theirs). Call it only
    while holding the vault lock: every roadvault writer holds it, so none is live."""
    token = _read_token(vault)
    if token is None:
        return 0
    prefix = f"{TEMP_PREFIX}{token}-"
    removed = 0
    for root, dirs, names in os.walk(vault):
        dirs[:] = [d for d in dirs if enter_for_temps(d)]
        for name in names:
            if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
                path = Path(root) / name
                with contextlib.suppress(OSError):
                    if not os.path.islink(path):
                        os.unlink(path)
                        removed += 1
    if removed:
        logger.info("removed %d temp file(s) left by an interrupted run", removed)
    return removed


def sync_all(folders: set[Path] | list[Path]) -> None:
    """Flush new files and their folder entries to disk, once, at the end of a build."""
    if hasattr(os, "sync"):
        os.sync()
    for folder in sorted(set(folders)):
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def open_regular(path: str | Path, *, what: str = "file") -> int:
    """Open a file for reading only if it is a regular file; return the descriptor.

    Every reader of a vault's state goes through here: `open` on a FIFO blocks until a
    writer comes (forever, for a learner's stray `mkfifo`), so the file is opened with
    O_NONBLOCK and checked with `fstat` on the very descriptor that will be read (no
    window between a check and the open). FileNotFoundError and other OSErrors propagate;
    a folder, FIFO, socket or device is a NotRegularFileError naming the file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotRegularFileError(f"is a folder, not a {what}", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(
                f"is {_kind_of(info.st_mode)}, not a {what}; move it aside", path=path
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # regular files ignore it; keep reads plain
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | Path, *, limit: int | None = None, what: str = "file") -> bytes:
    """The whole of a regular file (see `open_regular`); with `limit`, at most limit + 1
    bytes are read so the caller can tell it was over."""
    fd = open_regular(path, what=what)
    chunks: list[bytes] = []
    size = 0
    try:
        while limit is None or size <= limit:
            chunk = os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_bytes(path: Path, *, limit: int = MAX_NOTE_BYTES, what: str = "file") -> bytes:
    """Read a whole file, with one clear error for each way it can fail. A FIFO, socket
    or device is NotRegularFileError (a VaultError: never read, never a hang)."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise InputError(f"no such {what}", path=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror}", path=path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"is a folder, not a {what}", path=path)
    if info.st_size > limit:
        raise InputError(
            f"is {info.st_size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for a {what}",
            path=path,
        )
    try:
        data = read_regular(path, limit=limit, what=what)
    except FileNotFoundError as exc:
        raise InputError(f"no such {what}", path=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror}", path=path) from exc
    if len(data) > limit:
        raise InputError(f"is over the {limit / 1e6:.0f} MB limit for a {what}", path=path)
    return data


# --- note text: keep the learner's line ends and BOM exactly as they were -----------------


@dataclass(frozen=True, slots=True)
class NoteText:
    """A note decoded for processing: text with `\\n` line ends, plus how to write it back."""

    text: str
    newline: str = "\n"
    bom: bool = False

    def encode(self, text: str) -> bytes:
        """Encode `text` (with `\\n` line ends) the way the original file was written."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        data = text.encode("utf-8")
        return b"\xef\xbb\xbf" + data if self.bom else data


def decode_note(data: bytes) -> NoteText:
    """Decode a vault note: UTF-8 (BOM kept aside), CRLF/CR noted and normalised to LF.

    Notes in a vault are UTF-8 (Obsidian writes nothing else); invalid bytes are replaced
    rather than refused so one odd note never stops a scan. Mixed line ends normalise to
    the first one seen.
    """
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    text = data.decode("utf-8", errors="replace")
    newline = "\n"
    first = text.find("\n")
    cr = text.find("\r")
    if cr != -1 and (first == -1 or cr < first):
        newline = "\r\n" if text.startswith("\r\n", cr) else "\r"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return NoteText(text=text, newline=newline, bom=bom)


def _note_to_edit(raw: bytes, path: Path) -> NoteText:
    """`raw` decoded for an edit in place. InputError when it is not UTF-8: a note is
    rewritten only when every byte of it reads back."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("is not UTF-8 text; left unchanged", path=path) from exc
    return decode_note(raw)


def _holds(path: Path, raw: bytes) -> bool:
    try:
        return read_regular(path, what="note") == raw
    except FileNotFoundError:
        return False


def edit_note(vault: Path, relpath: str, edit: Callable[[str], str], *, attempts: int = 3) -> bool:
    """Change a learner's note in place (the `start` property, the daily note's block):
    read it, `edit` its text (LF line ends), and write the result atomically with its line
    ends and BOM as they were (`NoteText.encode`, as the build keeps them) — only if the
    note still holds the bytes read when asked just before the rename (`atomic_write`'s
    `unchanged`, as a build writes its notes). A save the learner made in between is never
    undone: the edit is made again on the saved note, up to `attempts` times, then
    `ChangedMeanwhileError`. Returns True when the note changed; FileNotFoundError when it
    is absent, InputError when it is not UTF-8 (a note is rewritten only when every byte of
    it reads back)."""
    path = vault_path(vault, relpath)
    for attempt in range(attempts):
        raw = read_regular(path, what="note")
        note = _note_to_edit(raw, path)
        new = edit(note.text)
        if new == note.text:
            return False
        try:
            atomic_write(
                vault, relpath, note.encode(new), unchanged=lambda raw=raw: _holds(path, raw)
            )
        except ChangedMeanwhileError:
            if attempt + 1 == attempts:
                raise
            logger.info("%s: saved meanwhile; the edit is made again on the saved note", path)
            continue
        return True
    return False


# --- the lock shared by build and watch ----------------------------------------------------


@contextlib.contextmanager
def vault_lock(vault: Path, *, timeout: float = 0.0) -> Iterator[None]:
    """Hold the vault's write lock (an OS file lock: released by the kernel if we die)."""
    state = ensure_folder(vault, STATE_DIR)
    lock = filelock.FileLock(str(state / LOCK_NAME), timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise LockedError(
            "another roadvault process is writing to this vault",
            path=vault,
            hint="wait for it to finish (a running `roadvault watch` only holds it briefly)",
        ) from exc
    try:
        yield
    finally:
        lock.release()
