"""What progress needs from `.roadvault/manifest.json` (docs/FORMAT.md §4), indexed.

`index_manifest(data)` is pure (JSON object in, index out) and tolerant: it reads only the
keys progress uses and ignores the rest, so the build can add keys freely. `load_manifest`
is the I/O edge: no manifest is None (a hand-made vault), a broken one a VaultError.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from roadvault.errors import VaultError
from roadvault.fsio import vault_path
from roadvault.manifest import DAMAGED_HINT, parse_manifest, read_manifest_text
from roadvault.vaultformat import MANIFEST_RELPATH, slugify


class Item(NamedTuple):
    """A roadmap leaf: one checkbox, known by its block id (a NamedTuple: vaults can hold
    tens of thousands, and building frozen dataclasses costs 3x more)."""

    id: str
    title: str
    roadmap: str  # slug
    order: int  # position among the roadmap's items (roadmap order)
    note: str | None  # where the build put its line
    phase: str | None


@dataclass(frozen=True, slots=True)
class Phase:
    id: str
    title: str
    note: str | None  # None for a leaf phase (a checkbox in the roadmap note)
    duration: str | None
    planned_days: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class RoadmapInfo:
    slug: str
    title: str
    note: str | None
    planned_days: tuple[float, float] | None
    phases: tuple[Phase, ...]
    items: tuple[Item, ...]  # in roadmap order (`Item.order` is the index here)
    start: date | None = None  # the plan's start the build recorded (`build --start`)


class Home(NamedTuple):
    """Where a note's own tasks (those without a roadmap block id) count (a NamedTuple: a
    cold start looks up one per note, and a frozen dataclass hashes in Python)."""

    roadmap: str | None  # slug; None: no roadmap ("Other notes")
    phase: str | None = None


@dataclass
class ManifestIndex:
    roadmaps: dict[str, RoadmapInfo] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)
    files: dict[str, Home] = field(default_factory=dict)  # relpath -> home, generated notes
    homes_by_id: dict[str, Home] = field(default_factory=dict)  # roadvault_id -> home
    slug_by_title: dict[str, str] = field(default_factory=dict)
    # Roadmaps known only from notes' `roadmap` property: slug -> title (filled on lookup).
    titles_seen: dict[str, str] = field(default_factory=dict)

    def home_of(self, relpath: str, note_id: str | None, roadmap_title: str | None) -> Home:
        """Attribution of a note: its manifest entry, else its properties, else none."""
        home = self.files.get(relpath)
        if home is not None:
            return home
        if note_id is not None and note_id in self.homes_by_id:
            return self.homes_by_id[note_id]
        if roadmap_title is not None:
            slug = self.slug_by_title.get(roadmap_title)
            if slug is None:
                slug = slugify(roadmap_title)  # the slug a build would give it
                self.titles_seen.setdefault(slug, roadmap_title)
            return Home(slug)
        return Home(None)

    def roadmap_info(self, slug: str) -> RoadmapInfo:
        """The manifest's roadmap, or an empty one named after the slug (property-only)."""
        info = self.roadmaps.get(slug)
        if info is None:
            info = RoadmapInfo(slug, self.titles_seen.get(slug, slug), None, None, (), ())
        return info


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _days(value: Any) -> tuple[float, float] | None:
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        return (float(value[0]), float(value[1]))
    return None


class _RawItem(NamedTuple):
    """An `items` entry, compacted while the JSON is parsed (see `load_manifest`)."""

    id: Any
    title: Any
    note: Any
    phase: Any


class _RawFile(NamedTuple):
    """A `files` entry, compacted while the JSON is parsed."""

    roadmap: Any
    id: Any
    phase: Any


def _compact(obj: dict[str, Any]) -> Any:
    """json object_hook: replace item and file entries by small tuples as soon as each is
    parsed, sharing repeated strings, so a manifest of 100k items does not need a dict per
    item in memory (a watcher's RSS budget is tens of MB)."""
    intern = sys.intern
    if "status" in obj and "id" in obj and "title" in obj:
        note, phase = obj.get("note"), obj.get("phase")
        return _RawItem(
            obj["id"],
            obj["title"],
            intern(note) if isinstance(note, str) else note,
            intern(phase) if isinstance(phase, str) else phase,
        )
    if "kind" in obj and "roadmap" in obj and "sha256" in obj:
        roadmap, phase = obj.get("roadmap"), obj.get("phase")
        return _RawFile(
            intern(roadmap) if isinstance(roadmap, str) else roadmap,
            obj.get("id"),
            intern(phase) if isinstance(phase, str) else phase,
        )
    if "items" in obj and "phases" in obj:
        obj.pop("notes", None)  # not used by progress
    return obj


def _start(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def index_manifest(data: Any) -> ManifestIndex:
    """Index a manifest's JSON object. Raises ValueError when its shape is wrong."""
    if not isinstance(data, dict):
        raise ValueError("the manifest is not a JSON object")
    roadmaps_data = data.get("roadmaps", {})
    files_data = data.get("files", {})
    if not isinstance(roadmaps_data, dict) or not isinstance(files_data, dict):
        raise ValueError("the manifest's roadmaps or files are not JSON objects")
    index = ManifestIndex()
    for slug, entry in roadmaps_data.items():
        if not isinstance(entry, dict):
            raise ValueError(f"roadmap {slug!r} is not a JSON object")
        title = _str(entry.get("title")) or slug
        phases = tuple(
            Phase(
                id=phase["id"],
                title=_str(phase.get("title")) or phase["id"],
                note=_str(phase.get("note")),
                duration=_str(phase.get("duration")),
                planned_days=_days(phase.get("planned_days")),
            )
            for phase in entry.get("phases", [])
            if isinstance(phase, dict) and _str(phase.get("id"))
        )
        items = []
        slug = sys.intern(slug)
        for raw in entry.get("items", []):
            if isinstance(raw, _RawItem):
                item_id, item_title, note, phase = raw
            elif isinstance(raw, dict):
                item_id, item_title = raw.get("id"), raw.get("title")
                note, phase = raw.get("note"), raw.get("phase")
            else:
                continue
            if not isinstance(item_id, str) or not item_id or item_id in index.items:
                continue  # ids are unique in a vault; keep the first if one is not
            item = Item(
                item_id,
                item_title if isinstance(item_title, str) and item_title else item_id,
                slug,
                len(items),
                note if isinstance(note, str) and note else None,
                phase if isinstance(phase, str) and phase else None,
            )
            items.append(item)
            index.items[item_id] = item
        index.roadmaps[slug] = RoadmapInfo(
            slug=slug,
            title=title,
            note=_str(entry.get("note")),
            planned_days=_days(entry.get("planned_days")),
            phases=phases,
            items=tuple(items),
            start=_start(entry.get("start")),
        )
        index.slug_by_title.setdefault(title, slug)
    homes: dict[tuple[str, str | None], Home] = {}
    for relpath, entry in files_data.items():
        if isinstance(entry, _RawFile):
            roadmap, note_id, phase = entry
        elif isinstance(entry, dict):
            roadmap, note_id, phase = entry.get("roadmap"), entry.get("id"), entry.get("phase")
        else:
            continue
        slug = _str(roadmap)
        if slug is None or not isinstance(relpath, str):
            continue
        key = (slug, _str(phase))
        home = homes.get(key) or homes.setdefault(key, Home(*key))
        index.files[relpath] = home
        note_id = _str(note_id)
        if note_id is not None and relpath.endswith(".md"):
            index.homes_by_id.setdefault(note_id, home)
    return index


def manifest_stamp(vault: Path) -> tuple[int, int] | None:
    """(mtime_ns, size) of the manifest, to notice a build changed it; None if absent."""
    try:
        info = vault_path(vault, MANIFEST_RELPATH).stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (info.st_mtime_ns, info.st_size)


def load_manifest(vault: Path) -> ManifestIndex | None:
    """The vault's manifest, indexed; None when the vault has none. Read by the one reader
    (roadvault/manifest.py), so a manifest the build would refuse is refused here too, in
    the same words."""
    text = read_manifest_text(vault)
    if text is None:
        return None
    path = vault_path(vault, MANIFEST_RELPATH)
    data = parse_manifest(text, path=path, object_hook=_compact)
    del text
    try:
        return index_manifest(data)
    except (ValueError, KeyError, TypeError) as exc:
        raise VaultError(f"manifest is damaged ({exc})", path=path, hint=DAMAGED_HINT) from exc
