"""`.roadvault/manifest.json` as read from disk (docs/FORMAT.md §4): the one reader.

One size cap (`vaultformat.MAX_MANIFEST_BYTES`), one JSON parse, one check of the
envelope — a JSON object, a format version this roadvault understands, sections that are
objects — and one wording of every way it can be damaged, with one hint, for the build,
doctor and progress alike. The records are typed here (`FileRecord`, `RoadmapRecord`, with
the shape a roadmap's record must have to be used: `roadmap_entry_problem`); what each
reader makes of them is its own: the build keeps them (`vault/state.py` `Manifest`),
progress indexes the few keys it reads (`progress/manifest.py` `ManifestIndex`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roadvault.errors import InputError, VaultError, short_reason
from roadvault.fsio import read_bytes, vault_path
from roadvault.vaultformat import FORMAT_VERSION, MANIFEST_RELPATH, MAX_MANIFEST_BYTES

# What to do with a manifest that cannot be trusted: the notes are not lost, the next build
# finds them again by their block ids and writes a new manifest.
DAMAGED_HINT = (
    "move .roadvault/manifest.json aside and build again: "
    "your notes are kept and matched by their block ids"
)
SECTIONS = ("roadmaps", "files", "template")


def _text(value: Any) -> str | None:
    """A record's value as text: None stays None, anything but a string is kept as its JSON
    text (a damaged `"sha256": 5` then matches no base copy, which is not trusted)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)


@dataclass(frozen=True, slots=True)
class FileRecord:
    """One entry of the manifest's `files`: a file roadvault generated (docs/FORMAT.md §4).
    `sha256` is of its text in `base/`. `leftover_of` / `leftover_sha256`: the old copy of a
    moved note whose deletion failed — the path it moved to and what this copy held."""

    roadmap: str | None  # slug
    id: str | None
    kind: str | None  # roadmap | phase | topic | canvas
    phase: str | None
    sha256: str | None
    leftover_of: str | None = None
    leftover_sha256: str | None = None

    @classmethod
    def from_json(cls, entry: dict[str, Any]) -> FileRecord:
        """The record of a JSON object (see `_text` for a value of another type)."""
        return cls(
            _text(entry.get("roadmap")),
            _text(entry.get("id")),
            _text(entry.get("kind")),
            _text(entry.get("phase")),
            _text(entry.get("sha256")),
            _text(entry.get("leftover_of")),
            _text(entry.get("leftover_sha256")),
        )

    def to_json(self) -> dict[str, str | None]:
        data = {
            "roadmap": self.roadmap,
            "id": self.id,
            "kind": self.kind,
            "phase": self.phase,
            "sha256": self.sha256,
        }
        if self.leftover_of is not None:
            data["leftover_of"] = self.leftover_of
            data["leftover_sha256"] = self.leftover_sha256
        return data


@dataclass(frozen=True, slots=True)
class RoadmapRecord:
    """One entry of the manifest's `roadmaps` (docs/FORMAT.md §4), its shape checked by the
    reader (`vault/state.py`). The fields the build, identity and doctor read are typed;
    `json` is the record itself, written back as it was read (keys an older or newer
    roadvault wrote included), so a manifest rewritten for another roadmap keeps this one
    byte for byte. `items`: the item records (`id`, `title`, `note`, …), as written."""

    folder: str
    title: str | None
    source: str | None  # the roadmap's file name
    source_path: str | None  # the file it was built from, relative to the vault
    id: str | None  # the roadmap note's roadvault_id
    note: str | None  # the roadmap note
    canvas: str | None
    tag: str | None  # its `roadmap/<tag>` tag, when not the slug
    aliases: tuple[str, ...]  # its former titles
    notes: dict[str, str]  # node id -> note path
    pinned: dict[str, str]  # node id -> a note the learner moved or renamed
    items: tuple[Any, ...]
    json: dict[str, Any]

    @classmethod
    def from_json(cls, entry: dict[str, Any]) -> RoadmapRecord:
        """The record of a JSON object whose shape was checked (`folder` a path; the path,
        text and list keys of the right type when present)."""
        return cls(
            folder=entry["folder"],
            title=entry.get("title"),
            source=entry.get("source"),
            source_path=entry.get("source_path"),
            id=entry.get("id"),
            note=entry.get("note"),
            canvas=entry.get("canvas"),
            tag=entry.get("tag"),
            aliases=tuple(entry.get("aliases") or ()),
            notes=dict(entry.get("notes") or {}),
            pinned=dict(entry.get("pinned") or {}),
            items=tuple(entry.get("items") or ()),
            json=entry,
        )

    def to_json(self) -> dict[str, Any]:
        return self.json


_ENTRY_SHAPE: dict[str, type] = {"notes": dict, "pinned": dict, "phases": list, "items": list}


def roadmap_entry_problem(entry: dict[str, Any]) -> str | None:
    """What is wrong with the shape of a roadmap's record (None: the build can use it, and
    `RoadmapRecord.from_json` can take it)."""
    if not isinstance(entry.get("folder"), str) or not entry["folder"]:
        return "no folder"
    for key, kind in _ENTRY_SHAPE.items():
        if key in entry and not isinstance(entry[key], kind):
            return f"{key!r} is not a JSON {'object' if kind is dict else 'array'}"
    for key in ("notes", "pinned"):
        if not all(isinstance(value, str) for value in (entry.get(key) or {}).values()):
            return f"{key!r} holds something other than paths"
    for key in ("note", "canvas", "id", "source", "title", "source_path", "tag"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            return f"{key!r} is not text"
    aliases = entry.get("aliases")
    if aliases is not None and not (
        isinstance(aliases, list) and all(isinstance(alias, str) for alias in aliases)
    ):
        return "'aliases' is not a list of titles"
    return None


def roadmap_entry_paths(entry: dict[str, Any]) -> list[str]:
    """The vault paths a roadmap's record names (to be checked as safe before any is used)."""
    paths = [entry["folder"], *(entry.get("notes") or {}).values()]
    paths += (entry.get("pinned") or {}).values()
    return paths + [entry[key] for key in ("note", "canvas") if entry.get(key)]


def read_manifest_text(vault: Path) -> str | None:
    """The manifest's text, or None when the vault has none. Never through a symlink;
    a manifest that cannot be read (a folder, a FIFO, over the cap) is a VaultError."""
    try:
        path = vault_path(vault, MANIFEST_RELPATH)
    except VaultError as exc:
        raise VaultError(exc.message, path=exc.path, hint=DAMAGED_HINT) from exc
    if not os.path.lexists(path):
        return None
    try:
        data = read_bytes(path, limit=MAX_MANIFEST_BYTES, what="manifest")
    except InputError as exc:
        raise VaultError(exc.message, path=exc.path) from exc
    return data.decode("utf-8", errors="replace")


def parse_manifest(
    text: str,
    *,
    path: str | Path = MANIFEST_RELPATH,
    object_hook: Callable[[dict[str, Any]], Any] | None = None,
) -> dict[str, Any]:
    """The manifest's JSON object, its envelope checked; VaultError (naming `path`, with
    DAMAGED_HINT) when it cannot be trusted. `object_hook` is json's: progress compacts
    records while they are parsed."""
    try:
        data = json.loads(text, object_hook=object_hook)
    except json.JSONDecodeError as exc:
        raise VaultError(
            f"manifest is not valid JSON ({exc.msg})",
            path=path,
            line=exc.lineno,
            hint=DAMAGED_HINT,
        ) from exc
    except RecursionError as exc:  # nesting too deep for the parser
        raise VaultError(
            "manifest is damaged (nested too deeply)", path=path, hint=DAMAGED_HINT
        ) from exc
    except ValueError as exc:  # a number of thousands of digits
        raise VaultError(
            f"manifest is damaged ({short_reason(exc)})", path=path, hint=DAMAGED_HINT
        ) from exc
    if not isinstance(data, dict):
        raise VaultError("manifest is not a JSON object", path=path, hint=DAMAGED_HINT)
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise VaultError("manifest has no format version", path=path, hint=DAMAGED_HINT)
    if version > FORMAT_VERSION:
        raise VaultError(
            f"manifest format {version} is newer than this roadvault understands",
            path=path,
            hint="upgrade roadvault",
        )
    if not all(isinstance(data.get(key, {}), dict) for key in SECTIONS):
        raise VaultError(
            "manifest is damaged (a section is not an object)", path=path, hint=DAMAGED_HINT
        )
    return data
