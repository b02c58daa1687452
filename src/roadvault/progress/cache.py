"""The per-file scan cache, kept across runs so a restart stats notes instead of reading them.

Where: outside the vault, in the user's cache folder —
`$ROADVAULT_CACHE_DIR`, else `$XDG_CACHE_HOME/roadvault`, else `~/.cache/roadvault` (Linux),
`~/Library/Caches/roadvault` (macOS), `%LOCALAPPDATA%\\roadvault\\Cache` (Windows) — one file
per vault, `progress-<first 16 hex of sha256(real path of the vault)>.json`. Not in
`.roadvault/`, because a vault is synced (Obsidian Sync, Syncthing, iCloud, Dropbox, git):
a cache inside it would be uploaded on every save of `watch`, fight with the same file from
the learner's other machines (conflict copies), and be useless there anyway since its keys
are this machine's mtimes. It is only a speed-up: missing, stale, corrupt or from another
scanner version, it is ignored and rebuilt; deleting it is always safe.

Key: (relpath, mtime_ns, size). A note's entry is trusted only when both match the file on
disk. An entry read less than `RACY_NS` after its file was modified is not saved (a file
system with coarse timestamps could change it again within the same mtime and size — git's
"racily clean" problem): it is read again next time, and a running scan (`rescan`,
`rescan_all`) reads such a note again even when its mtime and size are unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from roadvault.errors import VaultError
from roadvault.fsio import read_regular, write_private_file
from roadvault.obsidian.blocks import SCANNER_VERSION
from roadvault.progress.notes import NoteScan, Properties

logger = logging.getLogger(__name__)

CACHE_FORMAT = 5  # 5: only `rv-` + base 36 is an item id (obsidian/ids.py); other ids are own tasks
RACY_NS = 2_000_000_000
# A vault smaller than this scans in tens of milliseconds: no cache file is worth keeping
# for it (and test suites that build many small vaults leave none behind).
MIN_NOTES = 500
STALE_SECONDS = 60 * 24 * 3600  # cache files of vaults not opened for 60 days are removed


def cache_dir() -> Path:
    """The folder for roadvault's caches on this machine (see the module docstring)."""
    explicit = os.environ.get("ROADVAULT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "roadvault"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "roadvault"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "roadvault" / "Cache"
    return Path.home() / ".cache" / "roadvault"


def cache_path(vault: Path, kind: str = "progress") -> Path:
    """This vault's cache file of one kind ("progress", "build"), keyed by its real path."""
    real = os.path.realpath(vault)
    digest = hashlib.sha256(real.encode("utf-8", errors="surrogateescape")).hexdigest()[:16]
    return cache_dir() / f"{kind}-{digest}.json"


def _encode(scan: NoteScan) -> list[Any]:
    props = scan.properties
    return [
        scan.mtime_ns,
        scan.size,
        scan.ids,
        scan.marks,
        scan.plain,
        None if props is None else [props.note_id, props.roadmap],
    ]


# NoteScan's own __new__ is a Python function; a restart decodes one scan per note.
_new_tuple = tuple.__new__


def _decode(entry: list[Any]) -> NoteScan:
    mtime_ns, size, ids, marks, plain, props = entry
    if len(ids) != len(marks) or len(plain) != 4 or type(mtime_ns) is not int:
        raise ValueError("inconsistent entry")
    properties = None if props is None else Properties(props[0], props[1])
    return _new_tuple(NoteScan, (mtime_ns, size, tuple(ids), marks, tuple(plain), properties))


def load_cache(vault: Path) -> dict[str, NoteScan]:
    """The cached scans of a vault's notes (empty when there is no usable cache)."""
    path = cache_path(vault)
    try:
        data = json.loads(read_regular(path, what="cache file"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, VaultError) as exc:
        logger.debug("ignoring the progress cache %s: %s", path, exc)
        return {}
    if (
        not isinstance(data, dict)
        or data.get("format") != CACHE_FORMAT
        or data.get("scanner") != SCANNER_VERSION
        or data.get("vault") != os.path.realpath(vault)
        or not isinstance(data.get("notes"), dict)
    ):
        logger.debug("ignoring the progress cache %s: other version or vault", path)
        return {}
    scans: dict[str, NoteScan] = {}
    for relpath, entry in data["notes"].items():
        try:
            scans[relpath] = _decode(entry)
        except (ValueError, TypeError, IndexError):
            continue
    return scans


def save_cache(
    vault: Path,
    scans: dict[str, NoteScan],
    *,
    skip: set[str] | None = None,
    min_notes: int | None = None,
) -> None:
    """Write the cache (atomically, in the cache folder). Failure is only logged."""
    if len(scans) < (MIN_NOTES if min_notes is None else min_notes):
        return
    path = cache_path(vault)
    skip = skip or set()
    payload = {
        "format": CACHE_FORMAT,
        "scanner": SCANNER_VERSION,
        "vault": os.path.realpath(vault),
        "notes": {relpath: _encode(scan) for relpath, scan in scans.items() if relpath not in skip},
    }
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    try:
        write_private_file(path, text, prefix=".progress-")
    except OSError as exc:
        logger.debug("could not save the progress cache %s: %s", path, exc)
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """Remove cache files nobody has used for a long time (their vault is likely gone)."""
    cutoff = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("progress-") and entry.name.endswith(".json"):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)
