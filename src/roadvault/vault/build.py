"""`build_vault`: a roadmap model in, the vault brought up to date, a report out.

    validate (vault folder, state files) → [fast path: nothing new, stop]
    → read (`read_vault`: a `state.VaultSnapshot`)
    → plan (`plan_build`: target, moved notes, ids carried over, layout, render, verify,
      merge — from the snapshot alone)
    → [dry run stops here] → lock → apply (`apply_files`) → state (`_save`)

Everything before the lock only reads, so bad input fails before the first write and
`--dry-run` writes nothing at all (not even `.roadvault/` or `.obsidian/`). The plan reads
the vault only through the snapshot, which reads each file once: it sees one vault, and
planning again from the same snapshot gives the same plan (docs/ARCHITECTURE.md §2.1).

Progress.md and the history are the caller's next step, `refresh_progress(report, now=…)`:
the caller owns the clock (the CLI reads it, golden tests fix it).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from roadvault.errors import InputError, InternalError, RoadvaultError, VaultError
from roadvault.fsio import remove_stale_temps, vault_lock, vault_path
from roadvault.gcpause import collector_paused
from roadvault.manifest import FileRecord, RoadmapRecord, read_manifest_text
from roadvault.model import Node, Roadmap
from roadvault.obsidian.ids import is_roadvault_id
from roadvault.obsidian.links import link_targets
from roadvault.parse.ids import node_id
from roadvault.progress import write_progress
from roadvault.vault import build_fingerprint, check
from roadvault.vault.apply import Progress, apply_files, save_state
from roadvault.vault.frontmatter import read_owned_properties
from roadvault.vault.plan import Generated, Plan, PlannedFile, plan_files
from roadvault.vault.render.layout import (
    DEFAULT_DEPTH,
    Layout,
    PreviousLayout,
    plan_layout,
    walk_levels,
)
from roadvault.vault.render.names import MAX_FOLDER_CHARS, NameRegistry, name_key, unique_slug
from roadvault.vault.render.notes import PROGRESS_LINK, render_vault
from roadvault.vault.state import (
    DiskFile,
    Manifest,
    VaultListing,
    VaultSnapshot,
    check_state_files,
    json_lines,
    read_model_text,
    save_pending,
    sha256_text,
)
from roadvault.vault.template import plan_template, read_template, template_record
from roadvault.vault.update import identity
from roadvault.vault.update.id_carry import MatchReport, Retired, carry_over_ids, reworded_notices
from roadvault.vault.update.item_travel import Action, retired_in
from roadvault.vaultformat import (
    MANIFEST_RELPATH,
    PROGRESS_NOTE,
    RESERVED_TOP_LEVEL,
    model_relpath,
    slugify,
)

logger = logging.getLogger(__name__)

STDIN_SOURCE = "<stdin>"  # what parse.read names a roadmap read from stdin
MAX_DEPTH = 9  # --depth beyond this makes no sense for a learning roadmap
# Notes' texts kept in pending.json: at most 6 bytes a character (an escape) stays under
# the 20 MB cap state files are read with.
PENDING_JOURNAL_CHARS = 3_000_000
MAX_NESTING = 100  # deeper trees are refused (they are junk, and recursion has limits)


@dataclass(slots=True)
class BuildReport:
    vault: Path
    slug: str
    title: str
    folder: str
    files: list[PlannedFile]
    dry_run: bool
    written: int = 0  # vault files written or deleted (notes, canvas, template files)
    state_written: int = 0  # files written under .roadvault/
    # The plan was applied (not a dry run, not a rebuild the fast path found up to date):
    # the caller refreshes Progress.md after it (refresh_progress).
    applied: bool = False
    progress_written: bool = False  # refresh_progress brought Progress.md up to date
    dropped: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # the roadmap's identity: renamed, kept apart

    def count(self, action: Action) -> int:
        return sum(1 for planned in self.files if planned.action is action)

    @property
    def conflicts(self) -> int:
        return sum(planned.conflicts for planned in self.files)


# --- validation --------------------------------------------------------------------------------


def check_writable_vault(vault: Path) -> None:
    """The vault is a writable folder, or can be created as one. VaultError otherwise."""
    if os.path.lexists(vault) and not vault.is_dir():
        raise VaultError("is a file, not a folder; give a folder for the vault", path=vault)
    if vault.is_dir():
        if not os.access(vault, os.W_OK | os.X_OK):
            raise VaultError("is not writable", path=vault)
        return
    ancestor = vault.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise VaultError("cannot be created: a file stands in its path", path=ancestor)
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise VaultError("cannot be created here: the folder is not writable", path=ancestor)


def check_roadmap(roadmap: Roadmap) -> None:
    """A roadmap the vault can be built from: items, sane nesting, valid unique ids."""
    if not roadmap.nodes:
        raise InputError("no items found: is this a roadmap?", path=roadmap.source or None)
    seen: set[str] = set()
    for node, level, _parent in walk_levels(roadmap):
        if level > MAX_NESTING:
            raise InputError(
                f"items nested over {MAX_NESTING} levels deep", path=roadmap.source, line=node.line
            )
        if not is_roadvault_id(node.id) or node.id in seen:
            raise InternalError(
                f"item {node.title!r} has a missing, invalid or repeated id {node.id!r}",
                path=roadmap.source,
                line=node.line,
            )
        seen.add(node.id)


def authored_link_targets(roadmap: Roadmap) -> set[str]:
    """Wikilink targets the roadmap itself wrote (in titles or notes): not ours to resolve."""
    texts = [roadmap.title, roadmap.notes]
    for node in roadmap.walk():
        texts += [node.title, node.notes, *(res.text for res in node.resources)]
    return {target for text in texts for target in link_targets(text or "")}


def roadmap_id(slug: str) -> str:
    """The roadmap note's `roadvault_id`: the shape of node ids, hashed from the slug (a
    roadmap-level key no node path can produce). Kept in the manifest once given."""
    return node_id(f"roadmap\x1f{slug}", [])


# --- which roadmap of the manifest this is, and where it goes -----------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    slug: str
    folder: str
    entry: RoadmapRecord | None  # the manifest's record of this roadmap, None when new
    tag: str = ""  # the `roadmap/<tag>` tag of its notes (the slug unless renamed)
    aliases: tuple[str, ...] = ()  # titles it had before (kept as the roadmap note's aliases)
    notices: tuple[str, ...] = ()  # what the report should tell about its identity
    source_path: str | None = None  # the roadmap file, relative to the vault


def source_path_of(roadmap: Roadmap, vault: Path) -> str | None:
    """Where the roadmap was read from, relative to the vault folder (POSIX; absolute when
    there is no relative path): stable when the vault and the roadmap move together, and
    the same on every machine for a test. None for stdin or text."""
    source = roadmap.source
    if not source or source.startswith("<") or source == "-" or not os.path.isfile(source):
        return None
    resolved = Path(source).resolve()
    try:
        return Path(os.path.relpath(resolved, Path(vault).resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return resolved.as_posix()


def _claim_folder(display: str, listing: VaultListing, manifest: Manifest, own: str = "") -> str:
    """A top-level folder name for `display` free in the vault (`own`: the roadmap's
    current folder, which it may keep)."""
    taken = [name for name in listing.top_level if name_key(name) != name_key(own)]
    taken += list(RESERVED_TOP_LEVEL)
    taken += [
        entry.folder
        for entry in manifest.roadmaps.values()
        if name_key(entry.folder) != name_key(own)
    ]
    return NameRegistry(taken).claim(display, max_chars=MAX_FOLDER_CHARS)


def _tag_of(slug: str, entry: RoadmapRecord | None) -> str:
    tag = entry.tag if entry else None
    return tag or slug


def choose_target(
    manifest: Manifest,
    roadmap: Roadmap,
    listing: VaultListing,
    *,
    name: str | None,
    is_ours: Callable[[str], bool] = lambda folder: False,
    source_path: str | None = None,
    source_exists: Callable[[str], bool] = lambda recorded: False,
) -> Target:
    """This roadmap's slug and folder (vault/update/identity.py): the manifest's record when the
    vault already has it — by `--name`, else by source file, items, or title — else a new
    unique pair. A retitled roadmap is renamed in place (new folder and tag, old title kept
    as an alias). A folder of the right name whose roadmap note is roadvault's (`is_ours`:
    state was lost) is reused rather than duplicated."""
    display = name or roadmap.title
    slug = slugify(display)
    folder = NameRegistry().claim(display, max_chars=MAX_FOLDER_CHARS)
    if name is not None:
        for key, entry in sorted(manifest.roadmaps.items()):
            if key == slug or entry.folder == folder:
                return Target(key, entry.folder, entry, tag=_tag_of(key, entry))
        found = identity.Match(None)
    else:
        found = identity.match_roadmap(
            manifest.roadmaps,
            roadmap,
            source_path=source_path,
            slug=slug,
            folder=folder,
            source_exists=source_exists,
            from_stdin=roadmap.source == STDIN_SOURCE,
        )
    if found.slug is not None:
        return _existing_target(found.slug, manifest, roadmap, listing)
    if found.unsure_of is not None:
        other = manifest.roadmaps[found.unsure_of]
        raise InputError(
            f"the vault has a roadmap titled {other.title!r} (folder "
            f"'{other.folder}/') with mostly other items; nothing written",
            path=roadmap.source or None,
            hint=f"--name {other.title!r} updates that one; --name 'Another name' keeps both",
        )
    notices: tuple[str, ...] = ()
    slug = unique_slug(slug, manifest.roadmaps)
    if found.apart_from is not None:
        other = manifest.roadmaps[found.apart_from]
        new_folder = _claim_folder(display, listing, manifest)
        notices = (
            f"another roadmap is titled {other.title!r} (folder '{other.folder}/', "
            f"built from {other.source_path or other.source or 'elsewhere'}): "
            f"this one is kept apart in '{new_folder}/' (--name chooses its name)",
        )
        tags = [_tag_of(key, entry) for key, entry in manifest.roadmaps.items()]
        return Target(slug, new_folder, None, tag=unique_slug(slug, tags), notices=notices)
    top = {name_key(entry) for entry in listing.top_level}
    if name_key(folder) in top and is_ours(folder):
        return Target(slug, folder, None, tag=slug)  # state lost: the notes are still there
    return Target(slug, _claim_folder(display, listing, manifest), None, tag=slug)


def _existing_target(
    key: str, manifest: Manifest, roadmap: Roadmap, listing: VaultListing
) -> Target:
    """The record `key`, renamed in place when the roadmap's title changed."""
    entry = manifest.roadmaps[key]
    old_title = entry.title
    aliases = tuple(identity.former_titles(entry, roadmap.title))
    if not old_title or old_title == roadmap.title:
        return Target(key, entry.folder, entry, tag=_tag_of(key, entry), aliases=aliases)
    old_folder = entry.folder
    new_folder = _claim_folder(roadmap.title, listing, manifest, own=old_folder)
    if name_key(new_folder) == name_key(old_folder):
        new_folder = old_folder  # the title changed in a way the folder name cannot show
    others = [_tag_of(k, e) for k, e in manifest.roadmaps.items() if k != key]
    tag = unique_slug(slugify(roadmap.title), others)
    notice = f"renamed {old_title!r} to {roadmap.title!r}"
    if new_folder != old_folder:
        notice += f" (folder '{old_folder}/' → '{new_folder}/')"
    notice += f"; every tick kept; {old_title!r} stays an alias"
    return Target(key, new_folder, entry, tag=tag, aliases=aliases, notices=(notice,))


def _roadmap_folder_probe(snapshot: VaultSnapshot) -> Callable[[str], bool]:
    """Whether a top-level folder's `<folder>/<folder>.md` is a roadmap note of ours."""

    def is_ours(folder: str) -> bool:
        disk = snapshot.file(f"{folder}/{folder}.md")
        if disk.text is None:
            return False
        try:
            properties = read_owned_properties(disk.text)
        except InputError:
            return False
        return properties.get("roadvault_kind") == "roadmap"

    return is_ours


def _find_moved_notes(
    snapshot: VaultSnapshot, previous: PreviousLayout, rid: str
) -> PreviousLayout:
    """Notes of the last build that are gone from their place: the learner may have moved or
    renamed them (in Obsidian). Found again by their `roadvault_id`, they stay where they are
    now (pinned); notes found nowhere were deleted (and are not re-created). The roadmap
    note (`rid`) is looked for like any other."""
    listing, manifest = snapshot.listing, snapshot.manifest
    present = set(listing.file_relpaths)
    missing = {node_id for node_id, path in previous.notes.items() if path not in present}
    if previous.roadmap_note and previous.roadmap_note not in present:
        missing.add(rid)
    pinned = {node_id: path for node_id, path in previous.pinned.items() if path in present}
    if missing:
        recorded = set(manifest.files)
        candidates = [path for path in listing.file_relpaths if path not in recorded]
        found = snapshot.note_ids("", candidates, wanted=missing)
        if found:
            logger.info("found %d note(s) you moved or renamed", len(found))
        pinned.update(found)
    return PreviousLayout(
        roadmap_note=previous.roadmap_note,
        canvas=previous.canvas,
        notes=previous.notes,
        pinned=pinned,
    )


def deleted_notes(
    previous: PreviousLayout, listing: VaultListing, manifest: Manifest, rid: str
) -> set[str]:
    """Ids of notes the learner deleted: built before (with a base copy, so the plan does
    not re-create them), gone from where they were and found nowhere else. Links to them
    are rendered as plain text."""
    present = set(listing.file_relpaths)
    recorded = {**previous.notes}
    if previous.roadmap_note:
        recorded[rid] = previous.roadmap_note
    return {
        node_id
        for node_id, path in recorded.items()
        if path not in present
        and node_id not in previous.pinned
        and (record := manifest.files.get(path)) is not None
        and record.sha256
    }


def _node_pairs(old: list[Node], new: list[Node]) -> list[tuple[Node, Node]] | None:
    """Old and new nodes place by place when both trees have the same titles in the same
    shape, else None (iterative: trees may be deep)."""
    pairs: list[tuple[Node, Node]] = []
    stack = [(old, new)]
    while stack:
        olds, news = stack.pop()
        if len(olds) != len(news):
            return None
        for a, b in zip(olds, news, strict=True):
            if a.title != b.title:
                return None
            pairs.append((a, b))
            stack.append((a.children, b.children))
    return pairs


def _same_ids_as_last_build(old_model: Roadmap | None, roadmap: Roadmap) -> MatchReport | None:
    """The roadmap the last build was made from (the same titles in the same tree): every
    node takes its id from there, place by place, so a rebuild changes nothing. Matching
    instead could pair namesakes ("Projects" in two phases, with the same items) the
    other way round, and the notes would swap places on a build with nothing new."""
    pairs = _node_pairs(old_model.nodes, roadmap.nodes) if old_model is not None else None
    if pairs is None:
        return None
    for old, new in pairs:
        new.id = old.id
    return MatchReport()


def _retired(
    snapshot: VaultSnapshot, slug: str, previous: PreviousLayout, old_model: Roadmap | None
) -> list[Retired]:
    """What the roadmap's notes keep of items and topics it no longer has (archived lines,
    kept notes): a node that returns takes its id back from there (update/id_carry.py, step 6)."""
    if old_model is None:
        return []
    paths = set(snapshot.manifest.files_of(slug)) | set(previous.pinned.values())
    texts: dict[str, str] = {}
    for relpath in sorted(path for path in paths if path.endswith(".md")):
        text = snapshot.file(relpath).text
        if text is not None:
            texts[relpath] = text
    return retired_in(texts)


def _other_roadmaps_ids(snapshot: VaultSnapshot, slug: str) -> set[str]:
    """Every node id of the vault's other roadmaps (their last models)."""
    ids: set[str] = set()
    for key in sorted(snapshot.manifest.roadmaps):
        model = snapshot.model(key) if key != slug else None
        if model is not None:
            ids.update(node.id for node in model.walk())
    return ids


def _keep_ids_apart(
    roadmap: Roadmap, others: set[str], old_model: Roadmap | None, target: Target
) -> None:
    """Ids are hashed from the roadmap's title and each item's path, so a roadmap sharing
    its title with another of the vault (kept apart, or built with --name) would repeat
    the other's block ids for the items they share. Such a new id is derived again from
    this roadmap's slug (the same on every build, so a rebuild keeps it). An id this
    roadmap already had stays: its notes carry it (ticks travel by it)."""
    if not others:
        return
    own = {node.id for node in old_model.walk()} if old_model is not None else set()
    used = {node.id for node in roadmap.walk()}
    for node in roadmap.walk():
        if node.id not in others or node.id in own:
            continue
        attempt = 0
        fresh = node_id(f"apart\x1f{target.slug}", [(node.id, 0)])
        while fresh in others or fresh in used:
            attempt += 1
            fresh = node_id(f"apart\x1f{target.slug}", [(node.id, 0)], attempt)
        used.add(fresh)
        node.id = fresh


def _stale_where_the_learner_put_them(
    previous: PreviousLayout, layout: Layout, records: dict[str, FileRecord]
) -> dict[str, str]:
    """Notes the roadmap no longer generates that the learner had moved or renamed:
    recorded path → where they are now. They are handled there like any note the roadmap
    dropped (items that went elsewhere leave it; kept or deleted as their work says);
    left unseen, they kept the block ids of items now rendered in other notes."""
    return {
        old: previous.pinned[node_id]
        for node_id, old in previous.notes.items()
        if node_id not in layout.notes
        and node_id in previous.pinned
        and previous.pinned[node_id] != old
        and old in records
        and previous.pinned[node_id] not in records
    }


def _verified_base(relpath: str, base: str | None, record: FileRecord | None) -> str | None:
    """A base copy whose hash differs from the manifest's record was changed behind our back
    (or torn by a disk fault): trusting it could take a learner's tick for ours, so merge
    as if there were none (every line and tick of the note is then kept)."""
    if base is None or record is None or not record.sha256:
        return base
    if sha256_text(base) != record.sha256:
        logger.warning("%s: the base copy does not match the manifest; merging without it", relpath)
        return None
    return base


def _half_built_paths(snapshot: VaultSnapshot, folder: str, roadmap: Roadmap, rid: str) -> set[str]:
    """Notes a build stopped half way wrote but never recorded: in the roadmap's folder, not
    in the manifest, carrying one of this roadmap's ids. Counting them as ours keeps the
    next build from treating them as the learner's (and naming around them)."""
    prefix = f"{folder}/"
    unrecorded = [
        path
        for path in snapshot.listing.file_relpaths
        if path.startswith(prefix) and path.endswith(".md") and path not in snapshot.manifest.files
    ]
    if not unrecorded:
        return set()
    ids = {node.id for node in roadmap.walk()} | {rid}
    found = snapshot.note_ids(folder, unrecorded, wanted=ids)
    return set(found.values())


def previous_layout(entry: RoadmapRecord | None) -> PreviousLayout:
    if entry is None:
        return PreviousLayout()
    return PreviousLayout(
        roadmap_note=entry.note,
        canvas=entry.canvas,
        notes=dict(entry.notes),
        pinned=dict(entry.pinned),
    )


# --- the manifest record of a roadmap ------------------------------------------------------------


def roadmap_record(
    roadmap: Roadmap, layout: Layout, *, slug: str, depth: int, target: Target | None = None
) -> RoadmapRecord:
    """roadmaps[<slug>] of the manifest (FORMAT.md §4)."""
    identity_fields: dict[str, Any] = {}
    source_path = target.source_path if target is not None else None
    if source_path:
        identity_fields["source_path"] = source_path
    elif target is not None and target.entry and target.entry.source_path:
        identity_fields["source_path"] = target.entry.source_path  # built from stdin now
    if target is not None and target.tag and target.tag != slug:
        identity_fields["tag"] = target.tag
    if target is not None and target.aliases:
        identity_fields["aliases"] = list(target.aliases)
    from roadvault.vault.render.notes import planned_range

    days = planned_range(roadmap.nodes)
    phases = [
        {
            "id": phase.id,
            "title": phase.title,
            "note": layout.notes[phase.id].relpath if phase.id in layout.notes else None,
            "duration": phase.duration,
            "planned_days": list(phase.planned_days) if phase.planned_days else None,
        }
        for phase in roadmap.nodes
    ]
    items = []
    ancestors: dict[str, list[Node]] = {}
    for node, _level, parent in walk_levels(roadmap):
        chain = [] if parent is None else [*ancestors[parent.id], parent]
        ancestors[node.id] = chain
        if node.is_leaf:
            items.append(
                {
                    "id": node.id,
                    "title": node.title,
                    "note": layout.line_note[node.id],
                    "phase": chain[0].id if chain else node.id,
                    "topic": (chain[1].id if len(chain) > 1 else node.id if chain else None),
                    "status": node.status.value,
                }
            )
    record = {
        "title": roadmap.title,
        "source": PurePosixPath(roadmap.source).name if roadmap.source else "",
        "folder": layout.folder,
        "depth": depth,
        "id": layout.roadmap_note.id,
        "note": layout.roadmap_note.relpath,
        "canvas": layout.canvas,
        "planned_days": list(days) if days else None,
        "phases": phases,
        "items": items,
        "notes": {node_id: slot.relpath for node_id, slot in layout.notes.items()},
        **({"pinned": dict(sorted(layout.pinned.items()))} if layout.pinned else {}),
        **identity_fields,
    }
    return RoadmapRecord.from_json(record)


# --- the build -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Prepared:
    manifest: Manifest
    manifest_text: str | None
    target: Target
    layout: Layout
    generated: list[Generated]
    plan: Plan
    template_plan: list[PlannedFile]
    bases: dict[str, str | None]


def _generated_files(roadmap: Roadmap, layout: Layout, texts: dict[str, str]) -> list[Generated]:
    phase_of: dict[str, str] = {}
    for node, _level, parent in walk_levels(roadmap):
        phase_of[node.id] = node.id if parent is None else phase_of[parent.id]
    by_path = {slot.relpath: slot for slot in layout.slots()}
    generated = []
    for relpath, text in texts.items():
        slot = by_path.get(relpath)
        if slot is None:  # the canvas
            generated.append(Generated(relpath, text, "canvas", layout.roadmap_note.id))
        else:
            phase = phase_of.get(slot.id) if slot.kind != "roadmap" else None
            generated.append(Generated(relpath, text, slot.kind, slot.id, phase))
    return generated


def verify_rendering(files: dict[str, str], roadmap: Roadmap) -> None:
    """The rendering passes our own vault checks, or nothing is written (InternalError)."""
    allowed = authored_link_targets(roadmap) | {PROGRESS_LINK}
    problems = (
        check.check_names(files)
        + check.check_links(files, authored_targets=allowed)
        + check.check_block_ids(files)
        + check.check_canvases(files)
    )
    if problems:
        listed = "; ".join(str(problem) for problem in problems[:3])
        raise InternalError(f"the rendered vault failed its own check, nothing written: {listed}")


def plan_build(
    roadmap: Roadmap,
    snapshot: VaultSnapshot,
    *,
    name: str | None,
    depth: int,
    restore: bool,
    start: date | None = None,
    source_path: str | None = None,
) -> _Prepared:
    """The plan of a build, from the roadmap (its ids carried over here), the options and
    the vault as `snapshot` holds it; reads nothing else, writes nothing (docs/ARCHITECTURE.md
    §2.1, step 3). `source_path`: the roadmap file relative to the vault
    (`source_path_of`)."""
    manifest, listing = snapshot.manifest, snapshot.listing
    target = choose_target(
        manifest,
        roadmap,
        listing,
        name=name,
        is_ours=_roadmap_folder_probe(snapshot),
        source_path=source_path,
        source_exists=snapshot.source_exists,
    )
    target = dataclasses.replace(target, source_path=source_path)
    previous = previous_layout(target.entry)
    rid = target.entry.id if target.entry and target.entry.id else None
    rid = rid or roadmap_id(target.slug)
    recovered: dict[str, str] = {}
    if target.entry is None:
        recovered = snapshot.note_ids(target.folder, listing.file_relpaths)
        note = recovered.pop(rid, None)
        canvas = f"{note.removesuffix('.md')}.canvas" if note else None
        previous = PreviousLayout(
            roadmap_note=note,
            canvas=canvas if canvas in listing.file_relpaths else None,
            notes=recovered,
        )
    else:
        previous = _find_moved_notes(snapshot, previous, rid)
    deleted = set() if restore else deleted_notes(previous, listing, manifest, rid)
    old_model = snapshot.model(target.slug) if target.entry is not None else None
    matched = _same_ids_as_last_build(old_model, roadmap)
    if matched is None:
        retired = _retired(snapshot, target.slug, previous, old_model)
        matched = carry_over_ids(old_model, roadmap, retired)
    target = dataclasses.replace(target, notices=(*target.notices, *reworded_notices(matched)))
    _keep_ids_apart(roadmap, _other_roadmaps_ids(snapshot, target.slug), old_model, target)
    check_roadmap(roadmap)

    own_paths = set(manifest.files_of(target.slug)) | set(previous.notes.values())
    own_paths |= set(previous.pinned.values())
    own_paths |= {path for path in (previous.roadmap_note, previous.canvas) if path}
    if target.entry is not None:
        own_paths |= _half_built_paths(snapshot, target.folder, roadmap, rid)
    template = snapshot.template
    taken = [PurePosixPath(p).name for p in listing.file_relpaths if p not in own_paths]
    taken += [PurePosixPath(p).name for p in template if p.endswith(".md")]
    taken.append(PROGRESS_NOTE)
    layout = plan_layout(
        roadmap,
        roadmap_id=rid,
        folder=target.folder,
        depth=depth,
        previous=previous,
        taken_names=taken,
        former_titles=target.aliases,
        deleted=deleted,
    )
    # The plan's start: --start, else the `start` property the learner may edit.
    start = start or _note_start(snapshot, layout.roadmap_note.relpath)
    texts = render_vault(roadmap, layout, slug=target.tag or target.slug, start=start)
    verify_rendering(texts, roadmap)
    generated = _generated_files(roadmap, layout, texts)

    previous_records = manifest.files_of(target.slug)
    moves: dict[str, str] = {}
    old_paths = {**previous.notes}
    if previous.roadmap_note:
        old_paths[rid] = previous.roadmap_note
    for slot in layout.slots():
        old = old_paths.get(slot.id)
        if old and old != slot.relpath:
            moves[slot.relpath] = old
    if previous.canvas and previous.canvas != layout.canvas:
        moves[layout.canvas] = previous.canvas

    kept_where = _stale_where_the_learner_put_them(previous, layout, previous_records)
    paths = {g.relpath for g in generated} | set(previous_records) | set(moves.values())
    paths |= set(kept_where.values())
    disk = {relpath: snapshot.file(relpath) for relpath in sorted(paths)}
    bases = {
        relpath: _verified_base(relpath, snapshot.base(relpath), manifest.files.get(relpath))
        for relpath in sorted(paths)
    }
    plan_bases = dict(bases)
    for old, now in kept_where.items():
        previous_records[now] = previous_records.pop(old)
        plan_bases[now] = bases.get(old)  # recorded under `now` after this build
    plan = plan_files(
        generated,
        disk,
        plan_bases,
        previous_records,
        slug=target.slug,
        moves=moves,
        restore=restore,
        pending=snapshot.pending(),
    )
    template_disk: dict[str, DiskFile] = {p: snapshot.file(p) for p in template}
    tags = {key: _tag_of(key, entry) for key, entry in manifest.roadmaps.items()}
    tags[target.slug] = target.tag or target.slug
    slugs = [tags[key] for key in sorted(tags)]
    template_plan = plan_template(
        template,
        template_disk,
        manifest.template,
        slugs=slugs,
        home_links=_home_links(manifest, target.slug, layout),
    )
    return _Prepared(
        manifest, snapshot.manifest_text, target, layout, generated, plan, template_plan, bases
    )


def read_vault(vault: Path) -> VaultSnapshot:
    """The read step: the vault as the plan will see it (state.VaultSnapshot), with the
    starter files of the template."""
    return VaultSnapshot(vault, template=read_template())


@collector_paused()
def build_vault(
    roadmap: Roadmap,
    vault: Path,
    *,
    name: str | None = None,
    depth: int = DEFAULT_DEPTH,
    dry_run: bool = False,
    restore: bool = False,
    progress: Progress | None = None,
    start: date | None = None,
) -> BuildReport:
    """Build or update `vault` from `roadmap` (parsed; ids assigned). See the module doc."""
    if not 0 <= depth <= MAX_DEPTH:
        raise InputError(f"--depth must be between 0 and {MAX_DEPTH}, not {depth}")
    vault = Path(vault)
    check_writable_vault(vault)
    if vault.is_dir():
        check_state_files(vault)
    key = build_fingerprint.fingerprint(roadmap, name=name, depth=depth, restore=restore)
    last = build_fingerprint.is_up_to_date(vault, key) if vault.is_dir() and start is None else None
    if last is not None:
        return _unchanged_report(vault, roadmap, last, dry_run=dry_run)
    source_path = source_path_of(roadmap, vault)
    plan = functools.partial(
        plan_build,
        roadmap,
        name=name,
        depth=depth,
        restore=restore,
        start=start,
        source_path=source_path,
    )
    prepared = plan(read_vault(vault))
    if dry_run:
        return _report(vault, roadmap, prepared, dry_run=True)

    vault.mkdir(parents=True, exist_ok=True)
    with vault_lock(vault):
        if read_manifest_text(vault) != prepared.manifest_text:
            # Another build finished between our look and the lock: read and plan again.
            prepared = plan(read_vault(vault))
        remove_stale_temps(vault)
        files = prepared.template_plan + prepared.plan.files
        save_pending(vault, _pending(prepared.plan.files))  # before the notes: plan_files
        written = apply_files(vault, files, progress=progress)
        written += sum(1 for planned in files if planned.deletes)
        state_written = _save(vault, roadmap, prepared, depth=depth)
        save_pending(vault, {})
        _remove_old_folder(vault, prepared.target)
        if start is not None:
            _record_start(vault, prepared.layout.roadmap_note.relpath, start)
    report = _report(vault, roadmap, prepared, dry_run=False)
    report.written, report.state_written = written, state_written
    report.applied = True
    _remember(vault, key, report)
    return report


def _pending(files: list[PlannedFile]) -> dict[str, Any]:
    """What `pending.json` records before the notes are written (state.Pending)."""
    old_copies = {p.relpath: p.before for p in files if p.deletes and p.moved_to is not None}
    writes = [p for p in files if p.writes and p.after is not None and p.base_after is not None]
    befores = {
        p.relpath: old_copies.get(p.moved_from) if p.moved_from else p.before
        for p in writes
        if p.kind != "canvas"  # notes: merged again from this after an interruption
    }
    # Past the limit, no texts: an interruption then costs the replay (plan._replayable),
    # not the whole record (pending.json is read with the state files' size cap).
    journal = sum(len(text or "") for text in befores.values()) <= PENDING_JOURNAL_CHARS
    pending: dict[str, Any] = {}
    for p in writes:
        entry: list[str | None] = [sha256_text(p.after or ""), sha256_text(p.base_after or "")]
        if journal and p.relpath in befores:
            base = sha256_text(p.base_before) if p.base_before is not None else ""
            entry += [befores[p.relpath], base]
        pending[p.relpath] = entry
    for p in files:
        if p.deletes and p.moved_to is not None and p.before is not None:
            pending[p.relpath] = {"moved_to": p.moved_to, "sha256": sha256_text(p.before)}
    return pending


def _home_links(manifest: Manifest, slug: str, layout: Layout) -> list[tuple[str, str]]:
    """(note name, title) of each roadmap note for Home.md, in title order."""
    notes = {slug: (layout.roadmap_note.relpath, layout.roadmap_note.title)}
    for key, entry in manifest.roadmaps.items():
        note = entry.note
        if key != slug and note and note.endswith(".md"):
            notes[key] = (note, entry.title or PurePosixPath(note).stem)
    stems = [PurePosixPath(relpath).stem.casefold() for relpath, _ in notes.values()]
    links = []
    for relpath, title in notes.values():
        name = PurePosixPath(relpath).stem
        # Two roadmap notes of one name: the path tells them apart (as Obsidian does).
        links.append((relpath[:-3] if stems.count(name.casefold()) > 1 else name, title))
    return sorted(links, key=lambda link: (link[1].casefold(), link[0]))


def _note_start(snapshot: VaultSnapshot, relpath: str) -> date | None:
    """The `start` property of the roadmap note on disk (progress/plan_start.py)."""
    from roadvault.progress.plan_start import note_start

    text = snapshot.text(relpath)
    return note_start(text) if text else None


def _record_start(vault: Path, relpath: str, start: date) -> None:
    """`build --start`: the date goes into the roadmap note's `start` property, where the
    learner can see and edit it (later builds and Progress.md read it there)."""
    from roadvault.progress.plan_start import set_start_property

    try:
        set_start_property(vault, relpath, start)
    except (OSError, RoadvaultError) as exc:
        logger.warning("%s: the start date was not recorded: %s", relpath, exc)


def _remove_old_folder(vault: Path, target: Target) -> None:
    """After a rename, the roadmap's old folder goes when the move left it empty (one that
    still holds a file of the learner's stays, and is reported by `doctor` as theirs)."""
    old = target.entry.folder if target.entry else ""
    if not old or old == target.folder:
        return
    try:
        path = vault_path(vault, old)
        if path.is_dir() and not path.is_symlink():
            os.rmdir(path)  # fails, harmlessly, unless the folder is empty
    except (OSError, VaultError):
        logger.info("%s: kept (it still holds files)", old)


def _remember(vault: Path, key: str, report: BuildReport) -> None:
    """Let the next build with the same inputs stop early (vault/build_fingerprint.py) — only
    after a build with nothing to report again (no conflict, no skip)."""
    if any(p.action in (Action.CONFLICT, Action.SKIP) for p in report.files) or report.dropped:
        build_fingerprint.forget(vault)
        return
    owned = [p.relpath for p in report.files if p.after is not None]
    owned += [MANIFEST_RELPATH, model_relpath(report.slug)]
    listed = [[p.relpath, p.kind] for p in report.files if p.after is not None]
    build_fingerprint.remember(vault, key, owned, [report.slug, report.folder, listed])


def _unchanged_report(
    vault: Path, roadmap: Roadmap, last: list[Any], *, dry_run: bool
) -> BuildReport:
    slug, folder, listed = last
    files = [PlannedFile(relpath, Action.UNCHANGED, kind) for relpath, kind in listed]
    return BuildReport(vault, slug, roadmap.title, folder, files, dry_run=dry_run)


def _report(vault: Path, roadmap: Roadmap, prepared: _Prepared, *, dry_run: bool) -> BuildReport:
    return BuildReport(
        vault=vault,
        slug=prepared.target.slug,
        title=roadmap.title,
        folder=prepared.target.folder,
        files=prepared.template_plan + prepared.plan.files,
        dry_run=dry_run,
        dropped=prepared.plan.dropped,
        notices=list(prepared.target.notices),
    )


def _save(vault: Path, roadmap: Roadmap, prepared: _Prepared, *, depth: int) -> int:
    """Bring `.roadvault/` in line with what was written (after the files, FORMAT.md §5)."""
    slug = prepared.target.slug
    manifest = prepared.manifest
    previous_records = manifest.files_of(slug)
    files = {path: entry for path, entry in manifest.files.items() if path not in previous_records}
    bases: dict[str, str | None] = {}
    for planned in prepared.plan.files:
        if planned.record is None:
            continue
        files[planned.relpath] = planned.record
        if planned.base_after is not None and planned.base_after != prepared.bases.get(
            planned.relpath
        ):
            bases[planned.relpath] = planned.base_after
    for relpath in previous_records:
        if relpath not in files and prepared.bases.get(relpath) is not None:
            bases[relpath] = None
    roadmaps = dict(manifest.roadmaps)
    roadmaps[slug] = roadmap_record(
        roadmap, prepared.layout, slug=slug, depth=depth, target=prepared.target
    )
    after = Manifest(
        roadmaps=dict(sorted(roadmaps.items())),
        files=dict(sorted(files.items())),
        template=template_record(prepared.template_plan, manifest.template),
    )
    texts = []
    model = roadmap.to_json()
    model["source"] = PurePosixPath(roadmap.source).name if roadmap.source else ""
    model_text = json_lines(model, depth=1)
    if read_model_text(vault, slug) != model_text:
        texts.append((model_relpath(slug), model_text))
    manifest_text = after.to_text()
    changed = manifest_text != prepared.manifest_text
    return save_state(
        vault,
        bases=bases,
        texts=texts,
        manifest=(MANIFEST_RELPATH, manifest_text) if changed else None,
    )


def refresh_progress(report: BuildReport, *, now: datetime) -> bool:
    """The step after a build, the caller's: bring the history and Progress.md up to date at
    `now` after a build that applied its plan (not after a dry run, nor after a rebuild the
    fast path found up to date). Only the notes the build changed are read again: the
    progress cache knows the rest. A failure here is a warning: the vault itself is built,
    and the next `status --write` or `watch` brings Progress.md up to date. Sets and returns
    `report.progress_written`."""
    if not report.applied:
        return False
    try:
        write_progress(report.vault, now=now)
    except Exception as exc:  # the build succeeded; a stale Progress.md is not fatal
        logger.warning("Progress.md not updated: %s", exc)
        report.progress_written = False
    else:
        report.progress_written = True
    return report.progress_written
