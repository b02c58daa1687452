"""Decide, before touching anything, what happens to every file of a build (pure).

Inputs: the files the roadmap renders to, what stands on disk at each path now, the base
copies from the last build and the manifest's record of this roadmap's files. Output: one
`PlannedFile` per file — its action for the report, the bytes to write (if any), and what
`.roadvault/` should record about it afterwards.

Notes go through the regeneration pass (`update.item_travel.regenerate`: three-way merge per
note, items travelling between notes, archive of removed work). A note whose folder changed
(phases reordered) keeps its file name and *moves*: it is merged from where it is and written
where it now belongs, then the old file is deleted. The canvas is not merged: it is replaced while
the learner has not changed it, and left alone (reported) once they have.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from roadvault.fsio import NoteText
from roadvault.manifest import FileRecord
from roadvault.vault.state import DiskFile, Pending, sha256_text
from roadvault.vault.update.item_travel import Action, NoteOutcome, NoteVersions, regenerate


@dataclass(frozen=True, slots=True)
class Generated:
    """One file the roadmap renders to."""

    relpath: str
    text: str  # LF line ends
    kind: str  # "roadmap" | "phase" | "topic" | "canvas"
    id: str
    phase: str | None = None  # the phase node's id (None for the roadmap note and canvas)


@dataclass(slots=True)
class PlannedFile:
    relpath: str
    action: Action
    kind: str
    notes: list[str] = field(default_factory=list)
    conflicts: int = 0
    before: str | None = None  # the text on disk now (LF), for diffs
    after: str | None = None  # the text on disk after the build (LF); None: absent
    data: bytes | None = None  # bytes to write; None: nothing to write
    expect: bytes | None = None  # bytes read while planning: replace only if still these
    moved_from: str | None = None  # this note's previous path (deleted once this is written)
    moved_to: str | None = None  # on the DELETE of a move's old file: the new path
    # What .roadvault/ records afterwards: the base text and the manifest entry (None: forget).
    base_before: str | None = None
    base_after: str | None = None
    record: FileRecord | None = None
    record_before: FileRecord | None = None

    @property
    def writes(self) -> bool:
        return self.data is not None

    @property
    def deletes(self) -> bool:
        return self.action is Action.DELETE

    @property
    def fsync(self) -> bool:
        """Flush before replacing a file that exists; new files share one sync at the end."""
        return self.before is not None

    def fail(self, reason: str) -> None:
        """Apply could not write it: report a skip, and keep recording what was there."""
        self.action = Action.SKIP
        self.notes = [reason]
        self.data = None
        self.after = self.before
        self.base_after = self.base_before
        self.record = self.record_before
        if self.moved_to is not None and self.before is not None and self.record is not None:
            # The old copy of a moved note could not be deleted: its content is already in
            # the new copy. Remember what it held, so the next build can finish the move.
            self.record = replace(
                self.record,
                leftover_of=self.moved_to,
                leftover_sha256=sha256_text(self.before),
            )


def is_untouched_leftover(entry: FileRecord, here: DiskFile) -> bool:
    """The old copy of a moved note whose deletion failed, still as the build left it."""
    return (
        entry.leftover_of is not None
        and here.text is not None
        and sha256_text(here.text) == entry.leftover_sha256
    )


@dataclass(slots=True)
class Plan:
    files: list[PlannedFile]
    dropped: list[str] = field(default_factory=list)  # records of files already gone


def encode_like(text: str, disk: DiskFile | None) -> bytes:
    """`text` encoded with the line ends and BOM of the file it replaces (LF, no BOM new)."""
    original = disk.note if disk is not None and disk.note is not None else NoteText(text)
    return original.encode(text)


def _record(generated: Generated, slug: str, base: str | None) -> FileRecord | None:
    if base is None:
        return None
    return FileRecord(slug, generated.id, generated.kind, generated.phase, sha256_text(base))


def _kind(entry: FileRecord, default: str) -> str:
    return entry.kind if entry.kind is not None else default


def _json_equal(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    try:
        return json.loads(a) == json.loads(b)
    except json.JSONDecodeError:
        return a == b


def plan_canvas(
    generated: Generated, disk: DiskFile, base: str | None, *, slug: str, restore: bool = False
) -> PlannedFile:
    """Replace the map while it is as we wrote it (compared as JSON: Obsidian re-indents
    it when it saves); once the learner has rearranged it, leave it and say so."""
    planned = PlannedFile(
        generated.relpath,
        Action.UNCHANGED,
        generated.kind,
        before=disk.text,
        after=disk.text,
        expect=disk.raw,
        base_before=base,
        base_after=base,
        record=_record(generated, slug, base),
        record_before=_record(generated, slug, base),
    )
    mine = disk.text
    if disk.state == "blocked":
        planned.action, planned.notes = Action.SKIP, [disk.reason or "cannot be written"]
        return planned
    if mine is None and base is not None and not restore:
        planned.action, planned.notes = Action.SKIP, ["you deleted it; not re-created"]
        return planned
    if mine is not None and mine != generated.text:
        if base is None:
            planned.action = Action.SKIP
            planned.notes = ["no record of the last build; left as is (delete it for a new one)"]
            return planned
        if not _json_equal(mine, base):
            planned.action = Action.SKIP
            planned.notes = [
                "you changed the map in Obsidian; left as is (delete it for a new one)"
            ]
            return planned
    planned.base_after = generated.text
    planned.record = _record(generated, slug, generated.text)
    if mine == generated.text:
        return planned
    planned.action = Action.CREATE if mine is None else Action.UPDATE
    planned.after = generated.text
    planned.data = encode_like(generated.text, disk)
    return planned


def _move_canvas(planned: PlannedFile, here: DiskFile, target: DiskFile, src: str) -> None:
    """The map of a renamed roadmap: written at its new path (empty until now), the old
    copy deleted after, like a moved note. A map the learner changed stays where it is."""
    if planned.action is Action.SKIP or target.state != "absent" or planned.after is None:
        return
    planned.expect = None  # what stands at the new path now: nothing
    planned.moved_from = src
    planned.notes = [f"moved from {src}"]
    if planned.data is None:
        planned.action = Action.UPDATE
        planned.data = encode_like(planned.after, here)


def plan_files(
    generated: list[Generated],
    disk: Mapping[str, DiskFile],
    bases: Mapping[str, str | None],
    previous: Mapping[str, FileRecord],
    *,
    slug: str,
    moves: Mapping[str, str] | None = None,
    restore: bool = False,
    pending: Pending | None = None,
) -> Plan:
    """Plan every file of one roadmap.

    `disk` and `bases` must hold an entry for every generated path, every previous path
    (`previous`: this roadmap's manifest records, relpath → entry) and every move source;
    `moves` maps a generated path to the path the same note had before. `pending` is what
    an interrupted build was writing (state.Pending): a note still holding exactly the
    text it wrote already has this rendering merged in, so its base is the rendering itself
    (merging it again could repeat lines); a move it wrote but whose old copy it did not
    delete yet is finished (the old copy, still as it read it, is deleted).
    """
    moves = dict(moves or {})
    pending = pending or Pending()
    generated_paths = {g.relpath for g in generated}
    moves.update(_kept_notes_returning(generated, disk, bases, previous, moves, pending))
    # A note moves only when its old file is still there; if the old one is gone but the
    # new one exists (a build stopped half way), the new one is the learner's copy. The
    # base stays recorded under the old path until the manifest says otherwise.
    source: dict[str, str] = {}  # where the learner's copy is read from
    base_of: dict[str, str | None] = {}
    finishing: dict[str, str] = {}  # old path → new path of moves to finish
    mine_of: dict[str, str | None] = {}  # merged again from their text before (_replayable)
    for g in generated:
        old = moves.get(g.relpath)
        if old and old not in generated_paths:
            here_is_new = disk[old].state == "absent" and disk[g.relpath].state != "absent"
            if _move_written(g, old, disk, pending):
                here_is_new = True
                finishing[old] = g.relpath
            source[g.relpath] = g.relpath if here_is_new else old
            base_of[g.relpath] = bases.get(old)
        else:
            source[g.relpath] = g.relpath
            base_of[g.relpath] = bases.get(g.relpath)
    replay = _replayable(pending, disk, {**bases, **base_of})
    for g in generated:
        if source[g.relpath] != g.relpath:
            continue
        if replay and g.relpath in pending.before and _written(g.relpath, disk[g.relpath], pending):
            mine_of[g.relpath] = pending.before[g.relpath][0]
        elif _settled(g, disk[g.relpath], pending):
            base_of[g.relpath] = g.text
    move_sources = {
        old for path, old in moves.items() if path in source and old not in generated_paths
    }

    versions: dict[str, NoteVersions] = {}
    planned: dict[str, PlannedFile] = {}
    for g in generated:
        src = source[g.relpath]
        here = disk[src]
        if g.kind == "canvas":
            planned[g.relpath] = plan_canvas(
                g, here, base_of[g.relpath], slug=slug, restore=restore
            )
            if src != g.relpath:
                _move_canvas(planned[g.relpath], here, disk[g.relpath], src)
            continue
        target = disk[g.relpath]
        if here.state == "blocked" or target.state == "blocked":
            reason = (here if here.state == "blocked" else target).reason or "cannot be written"
            base = base_of[g.relpath]
            planned[g.relpath] = PlannedFile(
                g.relpath,
                Action.SKIP,
                g.kind,
                notes=[reason],
                base_before=base,
                base_after=base,
                record=_record(g, slug, base),
                record_before=_record(g, slug, base),
            )
            continue
        mine = mine_of.get(g.relpath, here.text)  # a stored None: absent before
        versions[g.relpath] = NoteVersions(base=base_of[g.relpath], mine=mine, new=g.text)

    stale = [
        relpath
        for relpath in previous
        if relpath not in generated_paths and relpath not in move_sources
    ]
    dropped: list[str] = []
    for relpath in stale:
        here = disk[relpath]
        if here.state == "absent":
            dropped.append(relpath)
        elif here.state == "blocked" or not relpath.endswith(".md"):
            entry = previous[relpath]
            planned[relpath] = _stale_other(relpath, entry, here, bases.get(relpath))
        elif is_untouched_leftover(previous[relpath], here):
            planned[relpath] = PlannedFile(
                relpath,
                Action.DELETE,
                _kind(previous[relpath], "topic"),
                notes=[f"finishing a move to {previous[relpath].leftover_of}"],
                before=here.text,
                expect=here.raw,
                base_before=bases.get(relpath),
                record_before=previous[relpath],
            )
        else:
            mine = here.text
            if replay and relpath in pending.before and _written(relpath, here, pending):
                mine = mine_of[relpath] = pending.before[relpath][0]
            versions[relpath] = NoteVersions(base=bases.get(relpath), mine=mine, new=None)

    outcomes = regenerate(versions, restore=restore)
    by_path = {g.relpath: g for g in generated}
    for relpath, outcome in outcomes.items():
        g = by_path.get(relpath)
        if g is None:
            planned[relpath] = _stale_note(
                relpath, previous[relpath], disk[relpath], outcome, bases.get(relpath)
            )
        else:
            src = source[relpath]
            base = base_of[relpath]
            planned[relpath] = _generated_note(
                g, disk[src], outcome, base, slug, src, target=disk[relpath]
            )
        if relpath in mine_of and planned[relpath].data is None:
            _already_done(planned[relpath])

    files = [planned[g.relpath] for g in generated]
    for planned_file in files:
        if planned_file.moved_from and planned_file.writes:
            files_entry = previous.get(planned_file.moved_from)
            files.append(
                PlannedFile(
                    planned_file.moved_from,
                    Action.DELETE,
                    planned_file.kind,
                    notes=[f"moved to {planned_file.relpath}"],
                    moved_to=planned_file.relpath,
                    before=disk[planned_file.moved_from].text,
                    expect=disk[planned_file.moved_from].raw,
                    base_before=bases.get(planned_file.moved_from),
                    record_before=files_entry,
                )
            )
    files += [
        _finish_move(old, new, planned[new], disk[old], bases.get(old), previous.get(old))
        for old, new in finishing.items()
        if planned[new].action is not Action.SKIP
    ]
    files += [planned[relpath] for relpath in stale if relpath in planned]
    return Plan(files, dropped)


def _kept_notes_returning(
    generated: list[Generated],
    disk: Mapping[str, DiskFile],
    bases: Mapping[str, str | None],
    previous: Mapping[str, FileRecord],
    moves: Mapping[str, str],
    pending: Pending,
) -> dict[str, str]:
    """Notes the roadmap generates again at a new path whose kept note (recorded with the
    same `roadvault_id`, no longer generated: its topic had left, `roadvault_status:
    removed`) still stands: generated path -> the kept note's path. The kept note *is* the
    note, so it moves there like a retitled one, merged with the learner's lines and ticks.
    Before, a second note with the same id was created beside it (the topic back under
    another title than the kept note's), the learner's lines left behind in the kept one."""
    generated_paths = {g.relpath for g in generated}
    taken = set(moves.values())
    kept: dict[str, list[str]] = {}  # note id -> kept paths
    for relpath, entry in previous.items():
        if relpath in generated_paths or relpath in taken or not relpath.endswith(".md"):
            continue
        note_id = entry.id
        here = disk[relpath]
        if note_id is not None and here.state == "file" and here.writable:
            kept.setdefault(note_id, []).append(relpath)
    found: dict[str, str] = {}
    for g in generated:
        paths = kept.get(g.id)
        if g.kind == "canvas" or not paths or len(paths) != 1 or g.relpath in moves:
            continue
        free = disk[g.relpath].state == "absent" and bases.get(g.relpath) is None
        if free or _move_written(g, paths[0], disk, pending):  # (or half done: finish it)
            found[g.relpath] = paths[0]
    return found


def _settled(g: Generated, here: DiskFile, pending: Pending) -> bool:
    """The note at `g`'s path holds exactly what an interrupted build wrote there, with
    this very rendering merged in."""
    written = pending.written.get(g.relpath)
    return (
        written is not None
        and here.text is not None
        and (sha256_text(here.text), sha256_text(g.text)) == tuple(written)
    )


def _written(relpath: str, here: DiskFile, pending: Pending) -> bool:
    """The file holds exactly what an interrupted build wrote there."""
    written = pending.written.get(relpath)
    return written is not None and here.text is not None and sha256_text(here.text) == written[0]


def _replayable(
    pending: Pending, disk: Mapping[str, DiskFile], bases: Mapping[str, str | None]
) -> bool:
    """Whether the notes an interrupted build wrote are merged again from what they held
    before (`pending.before`), as that build did, instead of being taken as merged. Items
    travel between notes: taken as merged, a note written before the one its items went to
    would hand over nothing, and their ticks would be lost. All or none (a mix could lift an
    item out of one note and miss it in the other): every such note still holds either
    what it held before (not written yet) or exactly what was written, with the same base."""
    if not pending.before:
        return False
    for relpath, (before, base_sha) in pending.before.items():
        here = disk.get(relpath)
        if here is None or here.state == "blocked":
            return False
        if _written(relpath, here, pending):
            base = bases.get(relpath)
            if base_sha != (sha256_text(base) if base is not None else ""):
                return False  # its base copy was replaced meanwhile: too late to replay
        elif here.text is not None and here.text != before:
            return False  # changed since: the learner's now
    return True


def _already_done(planned: PlannedFile) -> None:
    """A note merged again from its text before that comes out as it stands: nothing to
    write, and nothing to report (an unfinished conflict is still reported)."""
    if planned.action in (Action.MERGE, Action.UPDATE, Action.ARCHIVE):
        planned.action = Action.UNCHANGED
        planned.notes = []


def _move_written(g: Generated, old: str, disk: Mapping[str, DiskFile], pending: Pending) -> bool:
    """An interrupted build moved this note from `old`: it wrote the new copy (still
    exactly as written) and stopped before deleting the old one (still as it read it). The
    new copy is then the note; merging the old one again would miss the items that
    travelled into it from notes already written."""
    here = disk[old]
    return (
        pending.moved.get(old) is not None
        and here.text is not None
        and pending.moved[old] == (g.relpath, sha256_text(here.text))
        and _written(g.relpath, disk[g.relpath], pending)
    )


def _finish_move(
    old: str,
    new: str,
    planned: PlannedFile,
    here: DiskFile,
    base: str | None,
    entry: FileRecord | None,
) -> PlannedFile:
    """The deletion of a moved note's old copy that an interrupted build did not get to."""
    return PlannedFile(
        old,
        Action.DELETE,
        planned.kind,
        notes=[f"moved to {new}"],
        moved_to=new,
        before=here.text,
        expect=here.raw,
        base_before=base,
        record_before=entry,
    )


def _generated_note(
    g: Generated,
    here: DiskFile,
    outcome: NoteOutcome,
    base: str | None,
    slug: str,
    src: str,
    *,
    target: DiskFile | None = None,
) -> PlannedFile:
    moved = src != g.relpath and here.state == "file"
    planned = PlannedFile(
        g.relpath,
        outcome.action,
        g.kind,
        notes=list(outcome.notes),
        conflicts=outcome.conflicts,
        before=here.text if not moved else None,
        after=here.text if not moved else None,
        expect=here.raw if not moved else None,
        moved_from=src if moved else None,
        base_before=base,
        base_after=base,
        record=_record(g, slug, base),
        record_before=_record(g, slug, base),
    )
    if moved:
        planned.notes.insert(0, f"moved from {src}")
        if planned.action is Action.UNCHANGED:
            planned.action = Action.UPDATE
    if outcome.action is Action.SKIP:
        return planned
    planned.base_after = g.text
    planned.record = _record(g, slug, g.text)
    text = outcome.text
    if text is not None and (moved or text != here.text):
        if here.state == "file" and not here.writable:
            # Read-only: neither replaced nor moved (a move deletes the old file).
            planned.fail(
                f"{src} is read-only; left unchanged" if moved else "is read-only; left unchanged"
            )
            return planned
        planned.after = text
        planned.data = encode_like(text, here)
        if moved and target is not None and target.state == "file":
            # A build stopped half way already wrote the new copy: fine if it is this very
            # text; anything else there is not ours to overwrite.
            if target.raw != planned.data:
                planned.fail(f"a different {g.relpath} already exists; left both (merge by hand)")
                return planned
            planned.expect = target.raw
    return planned


def _as_it_stands(
    relpath: str, action: Action, kind: str, entry: FileRecord, here: DiskFile, base: str | None
) -> PlannedFile:
    """A file planned to stay as it is, with its record and base (until decided otherwise)."""
    return PlannedFile(
        relpath,
        action,
        kind,
        before=here.text,
        after=here.text,
        expect=here.raw,
        base_before=base,
        base_after=base,
        record=entry,
        record_before=entry,
    )


def _stale_note(
    relpath: str, entry: FileRecord, here: DiskFile, outcome: NoteOutcome, base: str | None
) -> PlannedFile:
    """A note this roadmap no longer generates: deleted when untouched, else kept."""
    planned = _as_it_stands(relpath, outcome.action, _kind(entry, "topic"), entry, here, base)
    planned.notes, planned.conflicts = list(outcome.notes), outcome.conflicts
    if outcome.action is Action.DELETE:
        planned.after = planned.base_after = planned.record = None
    elif outcome.text is not None and outcome.text != here.text:
        if not here.writable:
            planned.fail("is read-only; left unchanged")
            return planned
        planned.after = outcome.text
        planned.data = encode_like(outcome.text, here)
    return planned


def _stale_other(relpath: str, entry: FileRecord, here: DiskFile, base: str | None) -> PlannedFile:
    """A stale canvas (or a blocked stale note): removed only when it is exactly ours."""
    planned = _as_it_stands(relpath, Action.ARCHIVE, _kind(entry, "canvas"), entry, here, base)
    if here.state == "blocked":
        planned.action, planned.notes = Action.SKIP, [here.reason or "cannot be read"]
    elif base is not None and _json_equal(here.text, base):
        planned.action, planned.notes = Action.DELETE, ["no longer in the roadmap"]
        planned.after = planned.base_after = planned.record = None
    else:
        planned.action = Action.UNCHANGED
        planned.notes = ["no longer in the roadmap; kept because you changed it"]
    return planned
