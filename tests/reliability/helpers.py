"""Judges for the reliability suite, written independently of the code they judge.

- `windows_name_problem` / `link_name_problem`: a strict validator of one path component
  (Windows' rules, which are the strictest of the platforms a vault is synced to, plus
  Obsidian's link syntax), written from Microsoft's "Naming Files, Paths, and Namespaces"
  and the rules of docs/FORMAT.md §1 (File names), not from `roadvault.vault.render.names`.
- `assert_safe_vault`: the promises of a built vault that a user would notice: nothing
  outside the vault touched, no symlink made, every name valid and unique ignoring case,
  links resolve, block ids unique, `roadvault doctor` clean.
- `run_limited`: the CLI in a child process under an address-space limit, returning its
  peak memory (`os.wait4` rusage) and wall-clock time.
- `snapshot` / `state_problems`: what a vault holds, and whether `.roadvault/` agrees with it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from conftest import REPO
from roadvault.vault import check
from roadvault.vault.doctor import doctor_vault

# --- one name -------------------------------------------------------------------------------

_WINDOWS_FORBIDDEN = frozenset('<>:"/\\|?*') | frozenset(chr(code) for code in range(32))
# Microsoft's list (COM0/LPT0 and the superscript digits included), plus the console names.
_WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"]
    + [f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)
# Characters that break an Obsidian link or are invisible / direction-changing.
_LINK_BREAKERS = frozenset("#^[]|")
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
MAX_COMPONENT_BYTES = 255  # ext4, APFS (UTF-8 bytes)
MAX_COMPONENT_UNITS = 255  # NTFS (UTF-16 code units)
MAX_RELPATH_CHARS = 240  # leaves a short vault path room under Windows' MAX_PATH (260)


def windows_name_problem(name: str) -> str | None:
    """Why `name` (one path component) is not valid on Windows/macOS/Linux, or None."""
    if not name:
        return "empty name"
    if name in (".", ".."):
        return "a relative path component"
    bad = sorted(set(name) & _WINDOWS_FORBIDDEN)
    if bad:
        return f"forbidden characters {bad!r}"
    if name[-1] in " .":
        return "ends with a space or dot"
    if name[0] == " ":
        return "starts with a space"
    stem = name.split(".", 1)[0].rstrip(" .")
    if stem.upper() in _WINDOWS_DEVICES:
        return f"Windows device name {stem!r}"
    if len(name.encode("utf-8")) > MAX_COMPONENT_BYTES:
        return "over 255 bytes"
    if len(name.encode("utf-16-le")) // 2 > MAX_COMPONENT_UNITS:
        return "over 255 UTF-16 units"
    if unicodedata.normalize("NFC", name) != name:
        return "not NFC (macOS would store another name)"
    return None


def link_name_problem(name: str) -> str | None:
    """Why `name` would break or hide an Obsidian link, or None."""
    bad = sorted(set(name) & _LINK_BREAKERS)
    if bad:
        return f"breaks Obsidian links {bad!r}"
    if "%%" in name:
        return "opens an Obsidian comment"
    if any(unicodedata.category(char) in _INVISIBLE_CATEGORIES for char in name):
        return "invisible or direction-changing characters"
    if name.startswith("."):
        return "hidden (Obsidian ignores dot files)"
    return None


def name_key(name: str) -> str:
    """How Windows, macOS and Obsidian compare names (independent of names.name_key)."""
    return unicodedata.normalize("NFC", name).casefold()


# --- a whole vault --------------------------------------------------------------------------


def tree_bytes(root: Path, *, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every regular file under `root` (not following symlinks) as relpath -> bytes."""
    out: dict[str, bytes] = {}
    if not root.exists():
        return out
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            relpath = path.relative_to(root).as_posix()
            if any(relpath == s or relpath.startswith(f"{s}/") for s in skip):
                continue
            if path.is_symlink():
                out[relpath] = b"-> " + os.readlink(path).encode()
            elif path.is_file():
                out[relpath] = path.read_bytes()
    return out


def snapshot(vault: Path) -> dict[str, bytes]:
    """What a user would compare: every file but the lock, the history and Progress.md
    (those follow the clock)."""
    return tree_bytes(vault, skip=(".roadvault/lock", ".roadvault/history.jsonl", "Progress.md"))


def is_temp(relpath: str) -> bool:
    name = PurePosixPath(relpath).name
    return name.startswith(".rv-") and name.endswith(".tmp")


def manifest_of(vault: Path) -> dict:
    return json.loads((vault / ".roadvault" / "manifest.json").read_text(encoding="utf-8"))


def vault_problems(vault: Path, *, planted_links: frozenset[str] = frozenset()) -> list[str]:
    """Everything wrong with a built vault, as readable lines (empty: the vault is safe)."""
    problems: list[str] = []
    real_root = os.path.realpath(vault)
    note_names: dict[str, str] = {}
    for folder, dirs, names in os.walk(vault):
        rel_folder = Path(folder).relative_to(vault).as_posix()
        keys: dict[str, str] = {}
        for name in sorted(dirs + names):
            path = Path(folder) / name
            relpath = name if rel_folder == "." else f"{rel_folder}/{name}"
            if path.is_symlink():
                if relpath not in planted_links:
                    problems.append(f"{relpath}: a symlink roadvault made")
                continue
            if not os.path.realpath(path).startswith(real_root + os.sep):
                problems.append(f"{relpath}: resolves outside the vault")
            why = windows_name_problem(name)
            if why:
                problems.append(f"{relpath}: {why}")
            key = name_key(name)
            if key in keys:
                problems.append(f"{relpath}: same name as {keys[key]} ignoring case")
            keys[key] = relpath
            hidden = any(part.startswith(".") for part in PurePosixPath(relpath).parts)
            if not hidden:
                why = link_name_problem(name)
                if why:
                    problems.append(f"{relpath}: {why}")
                if len(relpath) > MAX_RELPATH_CHARS:
                    problems.append(f"{relpath}: path over {MAX_RELPATH_CHARS} characters")
                if name.endswith(".md") and path.is_file():
                    if key in note_names:
                        problems.append(f"{relpath}: same link name as {note_names[key]}")
                    note_names[key] = relpath
    return problems


def checker_problems(vault: Path, *, authored: frozenset[str] = frozenset()) -> list[str]:
    """What `roadvault doctor` and the build's own checker (`roadvault.vault.check`) find:
    broken links, duplicate block ids, conflicts, bad properties or canvases."""
    problems = [str(problem) for problem in doctor_vault(vault).problems]
    notes = {
        relpath: text
        for relpath in _all_notes(vault)
        if (text := tree_text(vault, relpath)) is not None
    }
    generated = [relpath for relpath in manifest_of(vault)["files"] if relpath in notes]
    problems += [
        str(problem)
        for problem in check.check_vault(notes, owned=generated, authored_targets=authored)
    ]
    return problems


def _all_notes(vault: Path) -> list[str]:
    out = []
    for folder, dirs, names in os.walk(vault):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith((".md", ".canvas")):
                out.append((Path(folder) / name).relative_to(vault).as_posix())
    return sorted(out)


def tree_text(vault: Path, relpath: str) -> str | None:
    path = vault / relpath
    if path.is_symlink() or not path.is_file():
        return None
    return path.read_bytes().decode("utf-8", errors="replace")


_CONTROL_CHARS = frozenset(chr(code) for code in range(32)) - {"\t", "\n", "\r"} | {"\x7f"}


def text_problems(vault: Path) -> list[str]:
    """Generated notes are text any Markdown reader takes: UTF-8, no control characters
    (a NUL makes our own scanner, and many editors, take the note for a binary file)."""
    problems = []
    for relpath in manifest_of(vault)["files"]:
        path = vault / relpath
        if not path.is_file() or path.is_symlink():
            continue
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{relpath}: not UTF-8")
            continue
        bad = sorted(set(text) & _CONTROL_CHARS)
        if bad:
            problems.append(f"{relpath}: control characters {bad!r}")
    return problems


def assert_safe_vault(
    vault: Path,
    *,
    authored: frozenset[str] = frozenset(),
    planted_links: frozenset[str] = frozenset(),
) -> None:
    problems = vault_problems(vault, planted_links=planted_links)
    problems += text_problems(vault)
    problems += checker_problems(vault, authored=authored)
    assert not problems, "\n".join(problems[:20])


# --- .roadvault/ against the notes -----------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def state_problems(vault: Path, *, ahead_bases: dict[str, bytes] | None = None) -> list[str]:
    """Whether `.roadvault/` can be trusted after an interrupted run.

    Every file the manifest records exists (or its roadmap marked it as the learner's
    deletion); every recorded base copy exists and hashes as the manifest says — except a
    base copy written just before the manifest (`ahead_bases`: the uninterrupted run's base
    copies), which the next build detects by its hash and does not trust.
    """
    problems: list[str] = []
    manifest = manifest_of(vault)
    for relpath, entry in manifest["files"].items():
        base = vault / ".roadvault" / "base" / relpath
        if not base.is_file():
            # A note moved or removed by the update goes with its base copy, just before
            # the manifest is replaced; a note still there must keep its base copy.
            still_ours = ahead_bases is None or relpath in ahead_bases
            if (vault / relpath).exists() and still_ours:
                problems.append(f"{relpath}: recorded, present, without a base copy")
            continue
        data = base.read_bytes()
        if sha256(data) != entry.get("sha256"):
            if ahead_bases is not None and ahead_bases.get(relpath) == data:
                continue
            problems.append(f"{relpath}: base copy does not match the manifest")
    return problems


# --- the CLI in a child process, with limits ----------------------------------------------------


@dataclass(frozen=True)
class ChildRun:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the child's maximum resident set size


# A process forked from pytest carries pytest's pages until it execs, and Linux counts them
# in the child's peak RSS (a child of a 500 MB test process reported 510 MB). So a small
# launcher is started first (its own peak is of no interest) and it forks the command: the
# command's peak is then its own. The launcher writes that peak, in kilobytes, to a file.
_LAUNCHER = """
import os, resource, signal, sys
limit, report, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.execv(command[0], command)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as out:
    out.write(str(usage.ru_maxrss))
if os.WIFSIGNALED(status):
    signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_limited(
    args: list[str],
    *,
    stdin: Path | None = None,
    memory_mb: int = 1536,
    timeout: float = 120.0,
    env: dict[str, str] | None = None,
) -> ChildRun:
    """`roadvault ARGS` in a child limited to `memory_mb` of address space; its peak RSS
    comes from `os.wait4` on that very child, forked by a small launcher (`_LAUNCHER`)."""
    limit = memory_mb * 1024 * 1024
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        report = Path(scratch) / "peak"
        stdin_handle = open(stdin, "rb") if stdin else subprocess.DEVNULL  # noqa: SIM115
        try:
            began = time.monotonic()
            launcher = [sys.executable, "-c", _LAUNCHER, str(limit), str(report)]
            child = subprocess.Popen(
                [*launcher, sys.executable, "-m", "roadvault", *args],
                cwd=REPO,
                stdin=stdin_handle,
                stdout=out,
                stderr=err,
                start_new_session=True,  # a timeout kills the launcher and the command
                env={**os.environ, **(env or {})},
            )
            timer = threading.Timer(timeout, lambda: _kill_group(child.pid))
            timer.start()
            try:
                child.wait()
            finally:
                timer.cancel()
            seconds = time.monotonic() - began
        finally:
            if stdin:
                stdin_handle.close()  # type: ignore[union-attr]
        out.seek(0)
        err.seek(0)
        peak_kb = int(report.read_text()) if report.exists() else 0
        return ChildRun(
            code=child.returncode,
            stdout=out.read().decode("utf-8", errors="replace"),
            stderr=err.read().decode("utf-8", errors="replace"),
            seconds=seconds,
            peak_mb=peak_kb / 1024,  # kilobytes on Linux
        )


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)
