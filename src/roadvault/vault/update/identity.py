"""Which roadmap already in the vault an incoming roadmap is (pure).

A roadmap's identity is the file it was built from (its absolute path, recorded in the
manifest as `source_path`) and, failing that, what it holds (the titles of its phases and
items). Its title is only a name: an author may change it, and two different roadmaps may
share it ("Learning Roadmap"). So:

- the same source file is the same roadmap, whatever its title now is (a retitle renames
  the roadmap in place);
- a roadmap from another file that holds mostly the same items is the same roadmap: moved
  (its old file is gone: half its items are enough), or its next version saved under a new
  name (the old file is still there: with the same title half its items are enough, with
  another title 80% are needed, so two roadmaps that merely share a few generic items are
  not taken for one);
- a roadmap from another file with the same title but other items is another roadmap: it
  gets its own folder;
- with no source on either side (stdin, a manifest from before `source_path`), the title
  and the file name decide, as they always did; but a roadmap read from stdin that shares
  a title and few items with one in the vault is refused (name it with `--name`) rather
  than written over the other.

`--name` is an explicit override: the roadmap with that name is the one updated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from roadvault.manifest import RoadmapRecord
from roadvault.model import Roadmap
from roadvault.vault.render.names import name_key

# Share of the smaller roadmap's item titles found in the other for two to count as one
# roadmap: when the file it was built from is gone (moved), and when it is still there.
SAME_ITEMS = 0.5
SAME_ITEMS_BESIDE = 0.8


@dataclass(frozen=True, slots=True)
class Match:
    """The manifest entry this roadmap is (`slug` None: a new roadmap) and why."""

    slug: str | None
    reason: str = ""  # "source" | "items" | "title" | "name"
    # A same-titled roadmap in the vault that this one is *not* (kept apart): its slug.
    apart_from: str | None = None
    # A same-titled roadmap this one may or may not be, with nothing to tell (read from
    # stdin, few items alike): the build refuses and names `--name`.
    unsure_of: str | None = None


def roadmap_titles(roadmap: Roadmap) -> set[str]:
    """The comparable titles of a roadmap's items (leaves: phase names like "Basics" are
    too generic to tell two roadmaps apart)."""
    titles = [leaf.title for leaf in roadmap.leaves()]
    return {name_key(" ".join(title.split())) for title in titles if title.strip()}


def entry_titles(entry: RoadmapRecord) -> set[str]:
    """The same, from a manifest record (its `items`)."""
    found = [
        record["title"]
        for record in entry.items
        if isinstance(record, dict) and isinstance(record.get("title"), str)
    ]
    return {name_key(" ".join(title.split())) for title in found if title.strip()}


def overlap(ours: set[str], theirs: set[str]) -> float:
    """Share of the smaller set found in the other (0 when either is empty)."""
    if not ours or not theirs:
        return 0.0
    return len(ours & theirs) / min(len(ours), len(theirs))


def match_roadmap(
    roadmaps: Mapping[str, RoadmapRecord],
    roadmap: Roadmap,
    *,
    source_path: str | None,
    slug: str,
    folder: str,
    source_exists: Callable[[str], bool] = lambda recorded: False,
    from_stdin: bool = False,
) -> Match:
    """The record in `roadmaps` (manifest slug → entry) this roadmap is; see the module doc.
    `slug`/`folder` are what its title gives; `source_exists` says whether a recorded
    source file is still there."""
    entries = sorted(roadmaps.items())
    if source_path:
        for key, entry in entries:
            if entry.source_path == source_path:
                return Match(key, "source")
    ours = roadmap_titles(roadmap)
    shares = {key: overlap(ours, entry_titles(entry)) for key, entry in entries}
    by_title = [key for key, entry in entries if key == slug or entry.folder == folder]
    source_name = PurePosixPath(source_path).name if source_path else ""

    def other_source(entry: RoadmapRecord) -> bool:
        recorded = entry.source_path
        return bool(source_path and recorded and recorded != source_path)

    # Mostly the same items: the same roadmap, moved or renamed (or a copy: ask).
    similar = sorted(
        (key for key, share in shares.items() if share >= SAME_ITEMS),
        key=lambda key: (-shares[key], key not in by_title, key),
    )
    for key in similar:
        entry = roadmaps[key]
        beside = other_source(entry) and source_exists(str(entry.source_path))
        # the same title and half the items: its next version, wherever it was saved
        needed = SAME_ITEMS if key in by_title or not beside else SAME_ITEMS_BESIDE
        if shares[key] >= needed:
            return Match(key, "items")
    for key in by_title:
        entry = roadmaps[key]
        if other_source(entry):
            return Match(None, apart_from=key)  # same title, other file, other items
        recorded_name = entry.source or ""
        if source_name and recorded_name and recorded_name != source_name and ours:
            return Match(None, apart_from=key)  # legacy record of another file
        if from_stdin and ours and entry_titles(entry) and shares[key] < SAME_ITEMS:
            return Match(None, unsure_of=key)  # stdin, and mostly other items
        return Match(key, "title")
    return Match(None)


def former_titles(entry: RoadmapRecord | None, title: str) -> list[str]:
    """The titles a roadmap had before `title` (its aliases), oldest first."""
    if not entry:
        return []
    found = list(entry.aliases)
    old = entry.title
    if isinstance(old, str) and old:
        found.append(old)
    seen: set[str] = {name_key(title)}
    kept = []
    for alias in found:
        if name_key(alias) not in seen:
            seen.add(name_key(alias))
            kept.append(alias)
    return kept
