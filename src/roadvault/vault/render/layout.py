"""Where each node of a roadmap lives in the vault (pure).

FORMAT.md §1: a roadmap note and a canvas in the roadmap's folder; a note per node at level
≤ depth that has children (phases are level 1), in a numbered folder per phase; everything
deeper is a nested checklist inside the nearest note above it.

Stability: a note the learner moved or renamed stays where they put it (`pinned`). Other
notes follow the roadmap: a node keeps its file name while its title still gives that name
(so a qualified duplicate like `Projects (Deep Learning)` stays put), takes a new name when
its title changed (the vault mirrors the roadmap; a fresh build would give the same name),
and phase folders follow roadmap order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from roadvault.model import Node, Roadmap
from roadvault.vault.render.names import (
    MAX_FOLDER_CHARS,
    MAX_NAME_BYTES,
    MAX_NAME_CHARS,
    NameRegistry,
    clean_title,
    name_key,
    safe_name,
)
from roadvault.vaultformat import CANVAS_EXT, NOTE_EXT

DEFAULT_DEPTH = 2
_CUT_SLACK = 8  # a name this close to the length limit may have been cut to fit it


@dataclass(frozen=True, slots=True)
class NoteSlot:
    """One generated note: who it is for and where it goes."""

    id: str  # the node's id (the roadmap's id for the roadmap note)
    kind: str  # "roadmap" | "phase" | "topic"
    title: str
    relpath: str  # POSIX, relative to the vault
    # The learner deleted this note (it is not re-created): links to it are plain text.
    deleted: bool = False

    @property
    def name(self) -> str:
        """The note's name in links: the file name without `.md`."""
        return PurePosixPath(self.relpath).name.removesuffix(NOTE_EXT)


@dataclass(frozen=True, slots=True)
class PreviousLayout:
    """What the last build of this roadmap recorded (empty on a first build)."""

    roadmap_note: str | None = None
    canvas: str | None = None
    notes: dict[str, str] = field(default_factory=dict)  # node id -> note relpath
    # node id -> where the learner moved or renamed that note: kept as it is
    pinned: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Layout:
    folder: str
    depth: int
    roadmap_note: NoteSlot
    canvas: str  # relpath of the JSON Canvas map
    notes: dict[str, NoteSlot]  # node id -> its own note, in roadmap order
    # node id -> relpath of the note its line is in (every node; for a node with its own
    # note, the parent note that links to it)
    line_note: dict[str, str]
    phase_folders: dict[str, str]  # phase id -> folder relpath, for phases with a note
    pinned: dict[str, str] = field(default_factory=dict)  # notes kept where the learner put them
    # Titles the roadmap had before a rename: aliases of its roadmap note.
    roadmap_aliases: tuple[str, ...] = ()

    def slots(self) -> list[NoteSlot]:
        """Every note, roadmap note first, then in roadmap order."""
        return [self.roadmap_note, *self.notes.values()]


def walk_levels(roadmap: Roadmap) -> Iterator[tuple[Node, int, Node | None]]:
    """(node, level, parent) for every node, depth first in roadmap order; phases are level 1."""

    def visit(
        node: Node, level: int, parent: Node | None
    ) -> Iterator[tuple[Node, int, Node | None]]:
        yield node, level, parent
        for child in node.children:
            yield from visit(child, level + 1, node)

    for phase in roadmap.nodes:
        yield from visit(phase, 1, None)


def has_note(node: Node, level: int, depth: int) -> bool:
    """FORMAT.md §1: a node at level ≤ depth with children gets its own note."""
    return level <= depth and bool(node.children)


def name_fits_title(name: str, title: str, ext: str) -> bool:
    """Is `name` what `title` is called: plain, qualified (`Title (Parent)`) or numbered?
    Also when the name had to differ from the title: a reserved word (`CON_`, `CON (Q)`)
    or a title cut to fit the length limit (else every rebuild would rename the note)."""
    stem = name_key(name.removesuffix(ext))
    full = name_key(clean_title(title))
    for plain in {name_key(safe_name(title)), full}:
        if (
            stem == plain
            or stem.startswith(f"{plain} (")
            or re.fullmatch(re.escape(plain) + r" \d+", stem)
        ):
            return True
    at_limit = len(name) >= MAX_NAME_CHARS - _CUT_SLACK
    if not at_limit and len(name.encode()) < MAX_NAME_BYTES - 4 * _CUT_SLACK:
        return False  # not at the length limit: nothing was cut
    cut = 0
    while cut < min(len(stem), len(full)) and stem[cut] == full[cut]:
        cut += 1
    while cut and stem[cut - 1] in " .-":  # the cut end is tidied like names._trim does
        cut -= 1
    rest = stem[cut:]
    return cut > 0 and (rest == "" or rest.startswith(" (") or bool(re.fullmatch(r" \d+", rest)))


def is_qualified_by(name: str, title: str, qualifier: str, ext: str) -> bool:
    """Is `name` the `Title (Qualifier)` form (or a numbered one) for this qualifier?"""
    candidates = NameRegistry([safe_name(title, ext=ext)])
    qualified = candidates.claim(title, ext=ext, qualifier=qualifier)
    stem = name_key(qualified.removesuffix(ext))
    return name_key(name.removesuffix(ext)).startswith(stem)


def _is_natural(relpath: str, phase_folder: str, title: str) -> bool:
    path = PurePosixPath(relpath)
    return str(path.parent) == phase_folder and name_fits_title(path.name, title, NOTE_EXT)


def phase_folder_name(position: int, title: str, count: int) -> str:
    """`01 Title`: zero-padded so folders sort in roadmap order (3 digits from 100 phases)."""
    width = 3 if count >= 100 else 2
    prefix = f"{position:0{width}d} "
    return prefix + safe_name(title, max_chars=MAX_FOLDER_CHARS - len(prefix))


def plan_layout(
    roadmap: Roadmap,
    *,
    roadmap_id: str,
    folder: str,
    depth: int = DEFAULT_DEPTH,
    previous: PreviousLayout | None = None,
    taken_names: Iterable[str] = (),
    former_titles: Iterable[str] = (),
    deleted: Iterable[str] = (),
) -> Layout:
    """Decide every note's path.

    `folder` is the roadmap's folder (already unique in the vault); `taken_names` are the
    file names already in the vault that are not this roadmap's (the learner's notes, other
    roadmaps' notes, template files): no new name may collide with them, ignoring case.
    `former_titles` are the roadmap's titles before a rename: a phase note named after one
    (`Basics (Old Title)`) is named afresh, so every name follows the current title.
    """
    former = tuple(former_titles)
    gone = frozenset(deleted)  # ids of notes the learner deleted (see NoteSlot.deleted)
    previous = previous or PreviousLayout()
    registry = NameRegistry(taken_names)
    for relpath in [previous.roadmap_note, previous.canvas, *previous.notes.values()]:
        if relpath:
            registry.reserve(PurePosixPath(relpath).name)

    for relpath in previous.pinned.values():
        registry.reserve(PurePosixPath(relpath).name)

    def keep_or_claim(old_relpath: str | None, title: str, qualifier: str | None, ext: str) -> str:
        if old_relpath and old_relpath.endswith(ext):
            old_name = PurePosixPath(old_relpath).name
            stale = qualifier == roadmap.title and any(
                is_qualified_by(old_name, title, old, ext) for old in former
            )
            if name_fits_title(old_name, title, ext) and not stale:
                return old_name
        return registry.claim(title, ext=ext, qualifier=qualifier)

    note_name = keep_or_claim(previous.roadmap_note, folder, None, NOTE_EXT)
    # A roadmap note the learner moved or renamed stays there, like any other note.
    roadmap_relpath = previous.pinned.get(roadmap_id) or f"{folder}/{note_name}"
    roadmap_slot = NoteSlot(
        roadmap_id, "roadmap", roadmap.title, roadmap_relpath, deleted=roadmap_id in gone
    )
    canvas_stem = note_name.removesuffix(NOTE_EXT)
    canvas_name = keep_or_claim(previous.canvas, canvas_stem, None, CANVAS_EXT)

    count = len(roadmap.nodes)
    phase_folders: dict[str, str] = {}
    for position, phase in enumerate(roadmap.nodes, start=1):
        if has_note(phase, 1, depth):
            name = phase_folder_name(position, phase.title, count)
            phase_folders[phase.id] = f"{folder}/{name}"

    notes: dict[str, NoteSlot] = {}
    natural: dict[str, str] = {}
    line_note: dict[str, str] = {}
    # The note a node's line goes in: its nearest ancestor that has a note.
    container: dict[str, str] = {}
    phase_of: dict[str, str] = {}
    for node, level, parent in walk_levels(roadmap):
        phase_id = node.id if parent is None else phase_of[parent.id]
        phase_of[node.id] = phase_id
        here = roadmap_slot.relpath if parent is None else container[parent.id]
        line_note[node.id] = here
        if has_note(node, level, depth):
            qualifier = roadmap.title if parent is None else parent.title
            kind = "phase" if level == 1 else "topic"
            relpath = previous.pinned.get(node.id) or ""
            if relpath and _is_natural(relpath, phase_folders[phase_id], node.title):
                natural[node.id] = relpath  # where a build would put it anyway: not pinned
            if not relpath:
                name = keep_or_claim(previous.notes.get(node.id), node.title, qualifier, NOTE_EXT)
                relpath = f"{phase_folders[phase_id]}/{name}"
            notes[node.id] = NoteSlot(node.id, kind, node.title, relpath, deleted=node.id in gone)
            container[node.id] = relpath
        else:
            container[node.id] = here

    return Layout(
        folder=folder,
        depth=depth,
        roadmap_note=roadmap_slot,
        canvas=f"{folder}/{canvas_name}",
        notes=notes,
        line_note=line_note,
        phase_folders=phase_folders,
        pinned={
            key: path
            for key, path in previous.pinned.items()
            if (key in notes and key not in natural) or key == roadmap_id
        },
        roadmap_aliases=former,
    )
