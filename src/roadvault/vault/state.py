"""The vault as it is now: `.roadvault/` state (manifest, base copies, last roadmap model)
and the files a build is about to touch. The read side of the build's I/O edge.

A missing `.roadvault/` is a first build (or lost state): empty manifest, no bases. A
manifest that cannot be trusted is a VaultError naming the file and how to recover, never a
traceback; a base copy or roadmap model that cannot be read is treated as missing (the merge
then keeps every line of the learner's) and logged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roadvault import __version__
from roadvault.errors import (
    InputError,
    RoadvaultError,
    UnsafePathError,
    VaultError,
    short_reason,
)
from roadvault.fsio import (
    NoteText,
    atomic_write,
    check_relpath,
    decode_note,
    is_read_only,
    open_regular,
    read_bytes,
    remove_file,
    vault_path,
)
from roadvault.manifest import (
    DAMAGED_HINT,
    SECTIONS,
    FileRecord,
    RoadmapRecord,
    parse_manifest,
    read_manifest_text,
    roadmap_entry_paths,
    roadmap_entry_problem,
)
from roadvault.model import Roadmap
from roadvault.obsidian.ids import is_roadvault_id
from roadvault.vaultformat import (
    BASE_DIR,
    FORMAT_VERSION,
    HISTORY_RELPATH,
    MANIFEST_RELPATH,
    MAX_MODEL_BYTES,
    MAX_NOTE_BYTES,
    PENDING_RELPATH,
    PROGRESS_NOTE,
    ROADMAPS_DIR,
    STATE_DIR,
    base_relpath,
    is_hidden,
    model_relpath,
)

logger = logging.getLogger(__name__)

GENERATOR = f"roadvault {__version__}"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the manifest ----------------------------------------------------------------------------


# Built once: json.dumps with options builds a new encoder on every call (a third of the
# state's cost on a 10,000-item manifest).
_FLAT_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_KEY_JSON = json.JSONEncoder(ensure_ascii=False)


def json_lines(value: Any, *, depth: int) -> str:
    """JSON with sorted keys, objects opened one entry per line down to `depth` levels and
    everything deeper on one line. Deep enough that a diff shows which file or roadmap
    changed; flat below, because only the C encoder (no indent) keeps a 10,000-item
    manifest fast to write."""

    def render(item: Any, level: int) -> str:
        if level >= depth or not isinstance(item, dict) or not item:
            return _FLAT_JSON.encode(item)
        pad = "  " * (level + 1)
        entries = ",\n".join(
            f"{pad}{_KEY_JSON.encode(key)}: {render(item[key], level + 1)}" for key in sorted(item)
        )
        return "{\n" + entries + "\n" + "  " * level + "}"

    return render(value, 0) + "\n"


def load_json(text: str) -> Any:
    """`json.loads` for a state file, where every way damage can break it is a ValueError
    (JSONDecodeError included): nesting too deep for the parser raises RecursionError, and
    a number of thousands of digits a ValueError, neither of them a JSONDecodeError."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("nested too deeply") from exc


@dataclass(slots=True)
class Manifest:
    """`.roadvault/manifest.json` (FORMAT.md §4)."""

    roadmaps: dict[str, RoadmapRecord] = field(default_factory=dict)
    files: dict[str, FileRecord] = field(default_factory=dict)
    # Template files roadvault copied into the vault: relpath -> sha256 of what it wrote.
    # A file listed here is never copied again (the learner may have deleted it on
    # purpose) and is rewritten only while its content is still exactly ours.
    template: dict[str, str] = field(default_factory=dict)

    def files_of(self, slug: str) -> dict[str, FileRecord]:
        return {path: entry for path, entry in self.files.items() if entry.roadmap == slug}

    def to_text(self) -> str:
        document = {
            "format": FORMAT_VERSION,
            "generator": GENERATOR,
            "roadmaps": {slug: record.to_json() for slug, record in self.roadmaps.items()},
            "files": {relpath: record.to_json() for relpath, record in self.files.items()},
            "template": self.template,
        }
        return json_lines(document, depth=3)

    @classmethod
    def from_text(cls, text: str, *, path: str | Path = MANIFEST_RELPATH) -> Manifest:
        """Parse (roadvault/manifest.py, the one reader) and sanity-check every record the
        build relies on; VaultError when it cannot be trusted."""
        hint = DAMAGED_HINT
        data = parse_manifest(text, path=path)
        roadmaps, files, template = (data.get(key, {}) for key in SECTIONS)
        for section in (roadmaps, files):
            if not all(isinstance(entry, dict) for entry in section.values()):
                raise VaultError(
                    "manifest is damaged (an entry is not an object)", path=path, hint=hint
                )
        relpaths = [*files, *template]
        for slug, entry in roadmaps.items():
            problem = roadmap_entry_problem(entry)
            if problem:
                raise VaultError(
                    f"manifest is damaged (roadmap {slug!r}: {problem})", path=path, hint=hint
                )
            relpaths += roadmap_entry_paths(entry)
        for relpath in relpaths:
            try:
                check_relpath(relpath)
            except RoadvaultError as exc:
                raise VaultError(
                    f"manifest names an unsafe path {relpath!r}", path=path, hint=hint
                ) from exc
        records = {relpath: FileRecord.from_json(entry) for relpath, entry in files.items()}
        entries = {slug: RoadmapRecord.from_json(entry) for slug, entry in roadmaps.items()}
        return cls(roadmaps=entries, files=records, template=template)


def read_text_file(vault: Path, relpath: str, *, limit: int = MAX_NOTE_BYTES) -> str | None:
    """A UTF-8 state file inside the vault, or None when absent. Never through a symlink."""
    try:
        path = vault_path(vault, relpath)
    except VaultError as exc:
        logger.warning("%s: not read (%s)", relpath, exc.message)
        return None
    if not os.path.lexists(path):
        return None
    data = read_bytes(path, limit=limit, what="state file")
    return data.decode("utf-8", errors="replace")


# State files read only after a build (the caller's Progress.md refresh): checked up front,
# so a FIFO there fails the build in one line instead of a warning after the writes.
LATE_STATE_FILES = (HISTORY_RELPATH, PROGRESS_NOTE)


def check_state_files(vault: Path) -> None:
    """Before anything is written: UnsafePathError when a state folder is a symlink (a
    symlinked `base/` used to be found only after the notes were written, as a dozen
    warnings); NotRegularFileError when a FIFO, socket, device or folder stands at a state
    file the build reads late."""
    for relpath in (STATE_DIR, BASE_DIR, ROADMAPS_DIR):
        path = vault / relpath
        if os.path.islink(path):
            raise UnsafePathError(
                "is a symlink; roadvault never writes through links (nothing written)",
                path=path,
                hint="replace it with a real folder (or move it aside) and build again",
            )
    for relpath in LATE_STATE_FILES:
        try:
            info = os.lstat(vault_path(vault, relpath))
        except (OSError, VaultError):
            continue
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
            os.close(open_regular(vault / relpath, what="state file"))  # raises, naming it


def load_manifest(vault: Path) -> Manifest:
    """The vault's manifest; an empty one when there is none yet."""
    text = read_manifest_text(vault)
    if text is None:
        return Manifest()
    return Manifest.from_text(text, path=vault / MANIFEST_RELPATH)


@dataclass(frozen=True, slots=True)
class Pending:
    """What a build that did not finish was doing (`pending.json`; empty when the last
    build finished). `written`: relpath → (sha256 of the note it wrote, sha256 of the
    rendering merged into it). `moved`: the old path of a note it moved → (the new path,
    sha256 of the old copy as it read it): the old copy is deleted after the new one is
    written, so a build stopped in between leaves both. `before`: relpath of a note it
    wrote → (the text the note had before, None when it was new; sha256 of the base it was
    merged with, "" for none): items travel between notes, so a note written before the
    one its items went to is merged again from what it held (vault/plan.py)."""

    written: dict[str, tuple[str, str]] = field(default_factory=dict)
    moved: dict[str, tuple[str, str]] = field(default_factory=dict)
    before: dict[str, tuple[str | None, str]] = field(default_factory=dict)


def load_pending(vault: Path) -> Pending:
    """What an interrupted build was writing (see Pending); damage is ignored (logged)."""
    try:
        text = read_text_file(vault, PENDING_RELPATH)
        data = load_json(text) if text else {}
    except (InputError, ValueError) as exc:
        logger.warning("%s: damaged, ignored (%s)", PENDING_RELPATH, short_reason(exc))
        return Pending()
    if not isinstance(data, dict):
        logger.warning("%s: damaged, ignored (not a JSON object)", PENDING_RELPATH)
        return Pending()
    written = {
        str(relpath): (entry[0], entry[1])
        for relpath, entry in data.items()
        if isinstance(entry, list)
        and len(entry) in (2, 4)
        and all(isinstance(part, str) for part in entry[:2])
    }
    before = {
        str(relpath): (entry[2], entry[3])
        for relpath, entry in data.items()
        if relpath in written
        and len(entry) == 4
        and isinstance(entry[2], str | None)
        and isinstance(entry[3], str)
    }
    moved = {
        str(relpath): (entry["moved_to"], entry["sha256"])
        for relpath, entry in data.items()
        if isinstance(entry, dict)
        and isinstance(entry.get("moved_to"), str)
        and isinstance(entry.get("sha256"), str)
    }
    return Pending(written, moved, before)


def save_pending(vault: Path, pending: dict[str, Any]) -> None:
    """Record (fsynced, before the notes are written) or clear the pending writes: per
    note written, [sha256 written, sha256 of the rendering, its text before (null: new),
    sha256 of its base ("": none)]; per old copy of a moved note,
    {"moved_to": new path, "sha256": of the old copy}."""
    if pending:
        text = json.dumps(pending, sort_keys=True, ensure_ascii=False)
        atomic_write(vault, PENDING_RELPATH, text + "\n")
    else:
        remove_file(vault, PENDING_RELPATH)


def load_base(vault: Path, relpath: str) -> str | None:
    """The text of `relpath` as roadvault generated it last (None when unknown)."""
    try:
        return read_text_file(vault, base_relpath(relpath))
    except InputError as exc:
        logger.warning("%s: base copy unreadable, merging without it (%s)", relpath, exc.message)
        return None


def read_model_text(vault: Path, slug: str) -> str | None:
    """The text of `roadmaps/<slug>.json` as the last build wrote it (None when absent),
    under the limit it is written within (`vaultformat.MAX_MODEL_BYTES`)."""
    return read_text_file(vault, model_relpath(slug), limit=MAX_MODEL_BYTES)


def load_roadmap_model(vault: Path, slug: str) -> Roadmap | None:
    """The roadmap model as last built, for carrying ids over (None when unknown). A
    damaged one is named in one warning and treated as missing: ids are then matched by
    title, and the notes' block ids still carry every tick."""
    try:
        text = read_model_text(vault, slug)
    except InputError as exc:
        return _damaged_model(slug, exc.message)
    return roadmap_model_of(text, slug)


def _damaged_model(slug: str, problem: str) -> None:
    logger.warning(
        "%s: damaged (%s); ids are matched by title instead", model_relpath(slug), problem
    )
    return None


def roadmap_model_of(text: str | None, slug: str) -> Roadmap | None:
    """`roadmaps/<slug>.json`'s text as a model (see `load_roadmap_model`)."""
    if text is None:
        return None
    try:
        data = load_json(text)
        problem = model_problem(data)
        if problem is None:
            return Roadmap.from_json(data)
    except InputError as exc:
        problem = exc.message
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        problem = short_reason(exc)
    return _damaged_model(slug, problem)


_NODE_TEXT = ("duration", "marker", "notes")


def model_problem(data: Any) -> str | None:
    """What makes a `roadmaps/<slug>.json` unusable (None: its shape is sound). Checked
    before use: its ids go into notes, so one like `../../etc/x` must never pass."""
    if not isinstance(data, dict):
        return "not a JSON object"
    if not isinstance(data.get("title"), str) or not isinstance(data.get("notes", ""), str):
        return "its title is not text"
    nodes = data.get("nodes", [])
    if not isinstance(nodes, list):
        return "'nodes' is not a list"
    stack = [(node, 1) for node in nodes]
    while stack:
        node, level = stack.pop()
        if not isinstance(node, dict) or not isinstance(node.get("title"), str):
            return "an item is not an object with a title"
        if level > 100:
            return "items nested over 100 levels deep"
        if not is_roadvault_id(node.get("id", "")):
            return f"an item has an invalid id {str(node.get('id'))[:40]!r}"
        if any(node.get(key) is not None and not isinstance(node[key], str) for key in _NODE_TEXT):
            return "an item's text field is not text"
        resources = node.get("resources", [])
        if not isinstance(resources, list) or not all(
            isinstance(r, dict) and isinstance(r.get("text"), str) for r in resources
        ):
            return "an item's resources are not a list of links"
        children = node.get("children", [])
        if not isinstance(children, list):
            return "an item's children are not a list"
        stack.extend((child, level + 1) for child in children)
    return None


# --- the files a build touches --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DiskFile:
    """What stands at a vault path now."""

    state: str  # "absent" | "file" | "blocked" (symlink, folder, unreadable, …)
    note: NoteText | None = None  # decoded text when state == "file"
    raw: bytes | None = None  # the bytes as read, to detect a change before replacing
    writable: bool = True
    reason: str | None = None  # why it is blocked

    @property
    def text(self) -> str | None:
        return self.note.text if self.note is not None else None


ABSENT = DiskFile("absent")


def read_disk_file(vault: Path, relpath: str) -> DiskFile:
    """Look at `relpath` without following any symlink; never raises for the file's own
    trouble (that becomes a `blocked` state with a reason the report shows)."""
    try:
        path = vault_path(vault, relpath)
    except VaultError as exc:
        return DiskFile("blocked", reason=exc.message)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return ABSENT
    except NotADirectoryError:
        return DiskFile("blocked", reason="a file stands where a folder is needed")
    except OSError as exc:
        return DiskFile("blocked", reason=f"cannot be read: {exc.strerror}")
    if stat.S_ISLNK(info.st_mode):
        return DiskFile("blocked", reason="is a symlink; roadvault never writes through links")
    if stat.S_ISDIR(info.st_mode):
        return DiskFile("blocked", reason="a folder stands where the note should be")
    if not stat.S_ISREG(info.st_mode):
        return DiskFile("blocked", reason="is not a regular file")
    try:
        raw = read_bytes(path, what="note")
    except InputError as exc:
        return DiskFile("blocked", reason=exc.message)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        # Merging would write U+FFFD over the bytes we could not read: leave the file be.
        return DiskFile("blocked", reason="is not valid UTF-8; left as is")
    writable = not is_read_only(path, info.st_mode)
    return DiskFile("file", note=decode_note(raw), raw=raw, writable=writable)


@dataclass(slots=True)
class VaultListing:
    """Names in the vault that new names must not collide with."""

    file_relpaths: list[str]  # every file not hidden (vaultformat.is_hidden), POSIX relpaths
    top_level: list[str]  # names of entries at the vault root


def list_vault(vault: Path) -> VaultListing:
    """Walk the vault (not following symlinked folders, skipping hidden files and folders:
    `vaultformat.is_hidden`); an absent vault lists as empty."""
    if not vault.is_dir():
        return VaultListing([], [])
    files: list[str] = []
    for root, dirs, names in os.walk(vault):
        dirs[:] = sorted(d for d in dirs if not is_hidden(d))
        rel_root = Path(root).relative_to(vault).as_posix()
        for name in sorted(names):
            if is_hidden(name):
                continue
            files.append(name if rel_root == "." else f"{rel_root}/{name}")
    top = sorted(os.listdir(vault))
    return VaultListing(files, top)


def recover_note_paths(
    read: Callable[[str], DiskFile],
    folder: str,
    relpaths: list[str],
    *,
    wanted: set[str] | None = None,
) -> dict[str, str]:
    """Node id → note path, read from the `roadvault_id` property of each `.md` file under
    `folder` ("" = the whole vault; `read`: a relpath → the file as it stands, as
    `VaultSnapshot.file` gives it), in the whole front matter as progress reads it: for a
    roadmap whose record was lost, or (`wanted`) to find notes the learner moved or
    renamed."""
    from roadvault.obsidian.frontmatter import front_matter_yaml
    from roadvault.vault.frontmatter import read_owned_properties  # local: keep state light

    found: dict[str, str] = {}
    prefix = f"{folder}/" if folder else ""
    for relpath in relpaths:
        if not (relpath.startswith(prefix) and relpath.endswith(".md")):
            continue
        if wanted is not None and len(found) == len(wanted):
            break
        disk = read(relpath)
        if disk.text is None or "roadvault_id" not in front_matter_yaml(disk.text):
            continue
        try:
            properties = read_owned_properties(disk.text)
        except InputError:
            continue
        node_id = properties.get("roadvault_id")
        if (
            isinstance(node_id, str)
            and node_id not in found
            and (wanted is None or node_id in wanted)
        ):
            found[node_id] = relpath
    return found


# --- the snapshot a build plans from ---------------------------------------------------------


class VaultSnapshot:
    """The vault as one build sees it: the manifest (its text as read, to tell whether
    another build finished meanwhile), the listing, and every file, base copy, last model
    and `pending.json` the plan looks at — each read once, on first use, through here, and
    kept. The plan (`vault.build.plan_build`) reads nothing else: it is a function of the
    roadmap, the options and this snapshot, and planning twice from one snapshot gives the
    same plan whatever happened on disk in between (tests/vault/test_build_snapshot.py).
    Only the apply step looks at the disk again (docs/ARCHITECTURE.md §2.1)."""

    def __init__(self, vault: Path, *, template: dict[str, str]) -> None:
        self.vault = vault
        self.template = template  # the starter files (vault/template.py: read_template)
        self.manifest_text = read_manifest_text(vault) if vault.is_dir() else None
        self.manifest = (
            Manifest.from_text(self.manifest_text, path=vault / MANIFEST_RELPATH)
            if self.manifest_text is not None
            else Manifest()
        )
        self.listing = list_vault(vault)
        self._files: dict[str, DiskFile] = {}
        self._texts: dict[str, str | None] = {}
        self._bases: dict[str, str | None] = {}
        self._model_texts: dict[str, str | None] = {}
        self._damaged_models: dict[str, str] = {}
        self._pending: Pending | None = None
        self._found: dict[tuple[str, tuple[str, ...], frozenset[str] | None], dict[str, str]] = {}
        self._sources: dict[str, bool] = {}

    def file(self, relpath: str) -> DiskFile:
        """`relpath` as it stands (`read_disk_file`)."""
        if relpath not in self._files:
            self._files[relpath] = read_disk_file(self.vault, relpath)
        return self._files[relpath]

    def text(self, relpath: str) -> str | None:
        """`relpath` as text, as a state file is read (`read_text_file`; None when absent
        or when there is no vault folder yet)."""
        if relpath not in self._texts:
            exists = self.vault.is_dir()
            self._texts[relpath] = read_text_file(self.vault, relpath) if exists else None
        return self._texts[relpath]

    def base(self, relpath: str) -> str | None:
        """The base copy of `relpath` (`load_base`), not yet checked against the manifest."""
        if relpath not in self._bases:
            self._bases[relpath] = load_base(self.vault, relpath)
        return self._bases[relpath]

    def model(self, slug: str) -> Roadmap | None:
        """The roadmap model `slug` was last built from (`load_roadmap_model`), made anew
        from the text read on every call: a plan changes its nodes' ids."""
        if slug in self._damaged_models:
            return _damaged_model(slug, self._damaged_models[slug])
        if slug not in self._model_texts:
            try:
                self._model_texts[slug] = read_model_text(self.vault, slug)
            except InputError as exc:
                self._damaged_models[slug] = exc.message
                return _damaged_model(slug, exc.message)
        return roadmap_model_of(self._model_texts[slug], slug)

    def pending(self) -> Pending:
        if self._pending is None:
            self._pending = load_pending(self.vault)
        return self._pending

    def note_ids(
        self, folder: str, relpaths: list[str], *, wanted: set[str] | None = None
    ) -> dict[str, str]:
        """`recover_note_paths` over this snapshot's files."""
        key = (folder, tuple(relpaths), frozenset(wanted) if wanted is not None else None)
        if key not in self._found:
            self._found[key] = recover_note_paths(self.file, folder, relpaths, wanted=wanted)
        return dict(self._found[key])

    def source_exists(self, recorded: str) -> bool:
        """Whether a recorded `source_path` (relative to the vault) is still a file."""
        if recorded not in self._sources:
            # an absolute one stays so
            self._sources[recorded] = os.path.isfile(Path(self.vault).resolve() / recorded)
        return self._sources[recorded]
