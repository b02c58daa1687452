"""The on-disk format of a vault as code: where every file roadvault owns lives, the size
limits it reads them with, and which paths it never looks at (docs/FORMAT.md §1, §4, §8).

Pure: names and rules only, no I/O. Every module that names a state file, the manifest,
Progress.md or a folder to skip takes the name from here, so the layout is written once.
"""

from __future__ import annotations

import re
import unicodedata

# --- the vault's own folder (docs/FORMAT.md §1) ----------------------------------------------

STATE_DIR = ".roadvault"  # machine state; a dot folder, so Obsidian hides it
MANIFEST_RELPATH = f"{STATE_DIR}/manifest.json"
BASE_DIR = f"{STATE_DIR}/base"  # each generated file's text exactly as generated
ROADMAPS_DIR = f"{STATE_DIR}/roadmaps"  # the roadmap model as last built, per slug
PENDING_RELPATH = f"{STATE_DIR}/pending.json"  # only while a build writes
HISTORY_RELPATH = f"{STATE_DIR}/history.jsonl"
# Each history file as it was before a compaction replaced it (docs/FORMAT.md §7).
HISTORY_ARCHIVE_DIR = f"{STATE_DIR}/history-archive"
LOCK_NAME = "lock"  # the OS file lock shared by build and watch, in STATE_DIR
TOKEN_RELPATH = f"{STATE_DIR}/temp-token"

# --- the learner-facing files roadvault writes at the vault root -----------------------------

NOTE_EXT = ".md"  # a note: what Obsidian links to by bare name
CANVAS_EXT = ".canvas"  # a roadmap's map (JSON Canvas)

CONFIG_DIR = ".obsidian"  # Obsidian's settings; the template's files are copied there
PROGRESS_NOTE = "Progress.md"  # machine-owned summary (docs/FORMAT.md §6)
HOME_NOTE = "Home.md"
TEMPLATES_DIR = "Templates"
TRASH_DIR = ".trash"  # Obsidian's own bin

# Top-level names a roadmap folder never takes.
RESERVED_TOP_LEVEL = (CONFIG_DIR, STATE_DIR, TRASH_DIR, TEMPLATES_DIR, HOME_NOTE, PROGRESS_NOTE)

# --- the manifest (docs/FORMAT.md §4) ---------------------------------------------------------

FORMAT_VERSION = 1

# --- temp files (docs/FORMAT.md §5) -----------------------------------------------------------

# Every temp file roadvault makes in a vault is `.rv-<token>-<random>.tmp`, the token being
# the vault's recorded one (TOKEN_RELPATH): only those are ever cleaned up.
TEMP_PREFIX = ".rv-"
TEMP_SUFFIX = ".tmp"

# --- size limits --------------------------------------------------------------------------

MAX_NOTE_BYTES = 20 * 1024 * 1024  # a note, a base copy, a state file other than these two:
# A manifest lists every item of every roadmap: a vault of 100,000 items writes one of tens
# of MB, and whatever the build writes, build, doctor and progress must read back.
MAX_MANIFEST_BYTES = 512 * 1024 * 1024
# The roadmap model as last built (`roadmaps/<slug>.json`) holds every node of a roadmap of
# up to 100,000 lines with its title, notes and resources: ~17 MB already for 100,000 short
# items, so it is read back under the manifest's limit, not a note's.
MAX_MODEL_BYTES = MAX_MANIFEST_BYTES


# --- slugs: manifest keys, `roadmaps/<slug>.json`, `roadmap/<slug>` tags ----------------------

_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
MAX_SLUG_CHARS = 48
# Windows device names (CLOCK$ too: pathvalidate refuses it, and a title the list missed
# fell through to the fallback "Untitled" instead of becoming "CLOCK$_").
_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"]
    + [f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)


def is_device_name(stem: str) -> bool:
    """Windows device names, also with an extension (`nul.md`) or trailing spaces."""
    head = stem.split(".", 1)[0].rstrip(" ").upper()
    return head in _DEVICE_NAMES


def slugify(text: str, *, fallback: str = "roadmap") -> str:
    """An ASCII slug `[a-z0-9-]` for tags and manifest keys; always has a non-digit. The
    one slug rule: the build keys a roadmap by it, progress a roadmap known only by its
    notes' `roadmap` property ("Español básico" → `espanol-basico` for both)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_JUNK.sub("-", ascii_text.lower()).strip("-")
    slug = slug[:MAX_SLUG_CHARS].rstrip("-")
    if not slug:
        return fallback
    if slug.replace("-", "").isdigit() or is_device_name(slug):
        # `.roadvault/roadmaps/<slug>.json` must not be a Windows device (`con.json`).
        slug = f"{fallback}-{slug}"
    return slug


def base_relpath(relpath: str) -> str:
    """Where the base copy of the generated file `relpath` is kept."""
    return f"{BASE_DIR}/{relpath}"


def model_relpath(slug: str) -> str:
    """Where the roadmap model of `slug` is kept as last built."""
    return f"{ROADMAPS_DIR}/{slug}.json"


# --- paths roadvault never reads as the learner's --------------------------------------------

# Dot folders roadvault itself writes in (so a killed run can leave its temp files there).
WRITTEN_DOT_DIRS = frozenset({STATE_DIR, CONFIG_DIR})


def is_hidden(name: str) -> bool:
    """A file or folder name Obsidian does not show (`.obsidian`, `.trash`, `.git`,
    `.roadvault`, `.DS_Store`, temp files): never a note, never a link target, never in
    the way of a name. The one filter for walking, watching and listing a vault."""
    return name.startswith(".")


def is_hidden_relpath(relpath: str) -> bool:
    """Does the POSIX path (relative to the vault) pass through a hidden name?"""
    return relpath.startswith(".") or "/." in relpath


def enter_for_temps(name: str) -> bool:
    """Does the temp-file cleanup enter this folder? Every folder a vault note can be in,
    and the dot folders roadvault writes in; not `.git`, `.trash` or others' dot folders."""
    return not is_hidden(name) or name in WRITTEN_DOT_DIRS
