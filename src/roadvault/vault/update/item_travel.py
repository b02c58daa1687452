"""Regeneration across notes: items carry their tick and the learner's lines wherever the
new roadmap puts them; removed items that hold learner work are archived, never dropped.

Input: every generated note as three versions (base = last generated, mine = on disk now,
new = the new rendering; any may be None). Output: per note, the text to write (or None to
delete), the action for the report, conflicts and remarks. Pure: no disk, no clock.

Steps:
1. Find every line carrying one of our block ids in *mine* (outside code) and the lines the
   learner added under it (the diff base → mine, indented below the item).
2. An item travels (is lifted out of base and mine, and injected into the new rendering where
   the roadmap now puts it, with its merged status, extras and the learner's lines) when it
   moved to another note, or the learner wrote lines under it, or it was removed from the
   roadmap while holding learner work (ticked, annotated or edited) — then it goes under
   "## Removed from the roadmap" in its note. An unticked, untouched removed item just goes.
3. Each note is merged three-way (note_merge.merge_note) — items left in place keep their state
   through `align_items`, everything else is merge3's.
4. A note the roadmap no longer generates is deleted if nothing of the learner's is left in it,
   else kept with `roadvault_status: removed`.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from roadvault.errors import InputError
from roadvault.model import Node, Status
from roadvault.obsidian.conflicts import marked_region
from roadvault.obsidian.frontmatter import split_front_matter
from roadvault.vault.frontmatter import read_owned_properties, set_property
from roadvault.vault.update.id_carry import ROADMAP_PLACE, Retired
from roadvault.vault.update.note_merge import (
    ItemLine,
    MergeResult,
    count_conflicts,
    extras_tail,
    find_item_lines,
    item_statuses,
    kept_mark,
    line_extras,
    merge_item_text,
    merge_note,
    repeated_block_ids,
)
from roadvault.vault.update.reorder import join_copies

logger = logging.getLogger(__name__)

ARCHIVE_HEADING = "## Removed from the roadmap"
MY_NOTES_HEADING = "## My notes"
ARCHIVE_INTRO = "*Items the roadmap no longer has, kept because you had worked on them.*"


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"  # untouched by the learner: replaced by the new rendering
    UNCHANGED = "unchanged"
    MERGE = "merge"  # the learner's changes and the roadmap's, merged cleanly
    CONFLICT = "conflict"  # merged, with conflict markers to resolve
    ARCHIVE = "archive"  # no longer in the roadmap, kept (learner work inside)
    DELETE = "delete"  # no longer in the roadmap, nothing of the learner's in it
    SKIP = "skip"  # e.g. the learner deleted it: not re-created


@dataclass(slots=True)
class NoteVersions:
    base: str | None  # as roadvault generated it last time (None: unknown)
    mine: str | None  # as it is on disk now (None: absent)
    new: str | None  # as the new roadmap renders it (None: not generated any more)


@dataclass(slots=True)
class NoteOutcome:
    text: str | None  # what the note should contain; None: delete it (or leave it absent)
    action: Action
    conflicts: int = 0
    notes: list[str] = field(default_factory=list)


# --- step 1: where items are, and what the learner wrote under them ------------------------


@dataclass(slots=True)
class _Carried:
    """An item lifted out of its note, to be put where the roadmap wants it now."""

    item: ItemLine  # as in mine
    base_item: ItemLine | None  # as last generated
    annotations: list[str]  # the learner's lines under it, as written
    edited: bool  # the learner changed the item's own text


def _width(line: str) -> int:
    stripped = line.lstrip(" \t>")
    return len(line[: len(line) - len(stripped)].replace("\t", "    "))


def learner_lines(base: str | None, mine: str, known_new_lines: set[str]) -> set[int]:
    """Indices of lines in `mine` the learner added or changed (vs base; without a base,
    the lines that no new rendering has)."""
    mine_lines = mine.split("\n")
    if base is None:
        return {
            i for i, line in enumerate(mine_lines) if line.strip() and line not in known_new_lines
        }
    matcher = difflib.SequenceMatcher(None, base.split("\n"), mine_lines, autojunk=False)
    added: set[int] = set()
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag in ("insert", "replace"):
            added.update(range(j1, j2))
    return added


def annotations_of(
    lines: list[str], items: list[ItemLine], added: set[int]
) -> dict[str, list[int]]:
    """Item id → indices of the learner's lines nested under it (trailing blanks dropped)."""
    by_index = {item.index: item for item in items}
    owned: dict[str, list[int]] = {}
    stack: list[ItemLine] = []
    for index, line in enumerate(lines):
        item = by_index.get(index)
        if item is not None:
            while stack and stack[-1].width >= item.width:
                stack.pop()
            stack.append(item)
            continue
        if not line.strip():
            if stack and index in added:
                owned.setdefault(stack[-1].id, []).append(index)
            continue
        width = _width(line)
        while stack and stack[-1].width >= width:
            stack.pop()
        if stack and index in added:
            owned.setdefault(stack[-1].id, []).append(index)
    for key, indices in owned.items():
        while indices and not lines[indices[-1]].strip():
            indices.pop()
        owned[key] = indices
    return {key: indices for key, indices in owned.items() if indices}


# --- the archive section --------------------------------------------------------------------


def split_archive(text: str) -> tuple[str, list[str]]:
    """(text without the archive section, the section's entry lines)."""
    lines = text.split("\n")
    try:
        start = lines.index(ARCHIVE_HEADING)
    except ValueError:
        return text, []
    end = start + 1
    while end < len(lines) and not (lines[end].startswith("# ") or lines[end].startswith("## ")):
        end += 1
    entries = [line for line in lines[start + 1 : end] if line != ARCHIVE_INTRO]
    while entries and not entries[0].strip():
        entries.pop(0)
    while entries and not entries[-1].strip():
        entries.pop()
    rest = lines[:start] + lines[end:]
    return "\n".join(rest), entries


def join_archive(text: str, entries: list[str]) -> str:
    """Put the archive section back, before "## My notes" (or at the end)."""
    if not entries:
        return text
    section = [ARCHIVE_HEADING, ARCHIVE_INTRO, "", *entries, ""]
    lines = text.split("\n")
    try:
        at = lines.index(MY_NOTES_HEADING)
    except ValueError:
        if lines and lines[-1] == "":
            lines.pop()
        if lines and lines[-1].strip():
            lines.append("")
        return "\n".join([*lines, *section])
    return "\n".join(lines[:at] + section + lines[at:])


# --- what the vault keeps of items the roadmap no longer has ---------------------------------


def retired_in(texts: Mapping[str, str]) -> list[Retired]:
    """The archived item lines and kept notes (`roadvault_status: removed`) of a roadmap's
    notes (relpath -> text): what a returning node takes its id back from (id_carry.py, step
    6). Only notes holding either are parsed."""
    found: list[Retired] = []
    for _key, text in sorted(texts.items()):
        archived = f"\n{ARCHIVE_HEADING}\n" in text
        kept = _marked_removed(text) if "roadvault_status" in text else False
        if not archived and not kept:
            continue
        note_id = _note_id(text)
        rest, entries = split_archive(text)
        place = ROADMAP_PLACE if _is_roadmap_note(text) else note_id
        for item in find_item_lines(entries):
            found.append(Retired(_titled(item), place=place))
        if not kept or note_id is None:
            continue
        live = find_item_lines(rest.split("\n"))
        found.extend(Retired(_titled(item), place=note_id) for item in live)
        children = [_titled(item) for item in live]
        found.append(Retired(Node(_heading(rest), note_id, children=children), note=True))
    return found


def _titled(item: ItemLine) -> Node:
    """An item line as a node to match: its text without the plugins' tail (`✅ date`)."""
    tail = extras_tail(item.text)
    return Node(item.text[: len(item.text) - len(tail)] if tail else item.text, item.id)


def _is_roadmap_note(text: str) -> bool:
    front = split_front_matter(text)[0]
    if not front or "roadvault_kind" not in front:
        return False
    try:
        return read_owned_properties(front).get("roadvault_kind") == "roadmap"
    except InputError:
        return False


def _note_id(text: str) -> str | None:
    front = split_front_matter(text)[0]
    if not front or "roadvault_id" not in front:
        return None
    try:
        note_id = read_owned_properties(front).get("roadvault_id")
    except InputError:
        return None
    return note_id if isinstance(note_id, str) and note_id else None


def _heading(text: str) -> str:
    """A note's H1 title ("" when it has none)."""
    body = split_front_matter(text)[1]
    for line in body.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return ""


# --- the pass over all notes --------------------------------------------------------------


def regenerate(
    notes: Mapping[str, NoteVersions], *, restore: bool = False
) -> dict[str, NoteOutcome]:
    """Plan the text of every generated note after a roadmap update (see module doc)."""
    skipped = {
        key
        for key, v in notes.items()
        if v.mine is None and v.base is not None and v.new is not None and not restore
    }
    # A note still holding conflict markers from an earlier build is not merged again
    # (its marker lines would pass for the learner's); items cannot move into it either.
    frozen = {key for key, v in notes.items() if v.mine is not None and count_conflicts(v.mine)}
    new_home: dict[str, tuple[str, ItemLine]] = {}
    for key, versions in notes.items():
        if versions.new is not None and key not in skipped and key not in frozen:
            for item in find_item_lines(versions.new.split("\n")):
                new_home.setdefault(item.id, (key, item))

    lifted_mine: dict[str, str | None] = {}
    lifted_base: dict[str, str | None] = {}
    archive_entries: dict[str, list[str]] = {}
    carried: dict[str, _Carried] = {}  # item id -> what travels to its new place
    remarks: dict[str, list[str]] = {key: [] for key in notes}
    known_new_lines: set[str] | None = None
    promoted: dict[str, str] = {}  # note key -> the mark its former item line carried
    note_ids: dict[str, str] = {}  # roadvault_id -> key of the note rendering it (lazy)
    # Notes kept for the learner's work (`roadvault_status: removed`) the roadmap brings back.
    returning = {
        key
        for key, v in notes.items()
        if v.new is not None and v.mine is not None and key not in frozen
        if _marked_removed(v.mine)
    }

    for key, versions in notes.items():
        lifted_mine[key], lifted_base[key] = versions.mine, versions.base
        if versions.mine is None or key in frozen:
            continue
        if key in returning:
            versions = _returning(versions)
            lifted_base[key] = versions.base
        if (
            versions.new == versions.base
            and ARCHIVE_HEADING not in versions.mine
            and not _has_copies(versions.mine, versions.base)
        ):
            continue  # the roadmap left this note alone: nothing can leave it
        mine_text, joined = _join_copies(versions.mine)
        if joined:
            lifted_mine[key] = mine_text
            remarks[key].append(
                f"joined your copies of {len(joined)} item line(s) (kept the most advanced box)"
            )
        mine_rest, archived = split_archive(mine_text)
        base_rest = split_archive(versions.base)[0] if versions.base is not None else None
        archive_entries[key] = _revive_archived(archived, new_home, carried)

        mine_lines = mine_rest.split("\n")
        items = find_item_lines(mine_lines)
        if base_rest is None and known_new_lines is None:
            known_new_lines = {
                line for v in notes.values() if v.new is not None for line in v.new.split("\n")
            }
        added = learner_lines(base_rest, mine_rest, known_new_lines or set())
        notes_under = annotations_of(mine_lines, items, added)
        base_items = (
            {item.id: item for item in find_item_lines(base_rest.split("\n"))}
            if base_rest is not None
            else {}
        )
        drop_mine: set[int] = set()
        drop_base_ids: set[str] = set()
        for item in items:
            if item.id in carried:
                continue  # a second copy of the same id: leave it where the learner put it
            home = new_home.get(item.id)
            before = base_items.get(item.id)
            annotation = [mine_lines[i] for i in notes_under.get(item.id, [])]
            edited = before is not None and line_extras(before.text, item.text) is None
            # Any change to the line's text is work, words appended (a `✅ date`) included.
            changed = before is not None and item.text != before.text
            worked_on = _worked_on(item, before) or bool(annotation) or changed
            if home is None:
                if versions.new is None:
                    continue  # the whole note goes (see _decide)
                if not worked_on and not _untick_of_a_fold(item, notes, note_ids, returning):
                    continue  # untouched: merge3 drops it
                topic = _promoted_to(item, annotation, notes, note_ids)
                if topic is not None:
                    # It gained sub-items and became a topic with its own note: its done
                    # (or skipped) carries to the items there, as a ticked parent's does.
                    promoted[topic] = item.mark or "x"
                    remarks[key].append(
                        f"{item.text!r} is a topic now: its [{item.mark}] went to its new note"
                        " (every item of it ticked)"
                    )
                    drop_mine.add(item.index)
                    drop_base_ids.add(item.id)
                    continue
                archive_entries[key].extend(_archive_lines(item, annotation))
                remarks[key].append(f"kept {item.text!r} under {ARCHIVE_HEADING[3:]!r}")
            elif home[0] == key and not annotation and (before is not None or base_rest is None):
                continue  # stays in this note: merged in place by merge_note
            else:
                # Moved, annotated, or not in the last rendering (an orphan line coming
                # back): it travels to its place, so its line is not written twice.
                carried[item.id] = _Carried(item, before, annotation, edited)
            drop_mine.add(item.index)
            drop_mine.update(notes_under.get(item.id, []))
            drop_base_ids.add(item.id)
        lifted_mine[key] = _without_lines(mine_rest, drop_mine)
        lifted_base[key] = _without_items(base_rest, drop_base_ids)

    injected = _inject(notes, new_home, carried)
    for topic, mark in promoted.items():
        for key in _notes_under(topic, notes):
            injected[key] = _tick_all(injected.get(key, notes[key].new) or "", mark)
    for item_id, (home, mark) in _demoted(notes, new_home, frozen, carried).items():
        injected[home] = _mark_one(injected.get(home, notes[home].new) or "", item_id, mark)
        remarks[home].append(
            f"{new_home[item_id][1].text!r} is an item again: every item of its note was"
            f" [{mark}], so it is too"
        )
    outcomes = {
        key: NoteOutcome(
            notes[key].mine,
            Action.SKIP,
            count_conflicts(notes[key].mine or ""),
            ["unresolved conflicts from an earlier build: resolve them, then build again"],
        )
        for key in frozen
    }
    return outcomes | {
        key: _decide(
            versions,
            lifted_mine[key],
            lifted_base[key],
            injected.get(key, versions.new),
            archive_entries.get(key, []),
            remarks[key],
            skipped=key in skipped,
        )
        for key, versions in notes.items()
        if key not in frozen
    }


def _join_copies(text: str) -> tuple[str, list[str]]:
    """The note with copy-pasted item lines joined (vault/update/reorder.py `join_copies`): one
    line per item, so the merge can neither drop the ticked copy nor write the id twice."""
    lines = text.split("\n")
    items = find_item_lines(lines)
    if len({item.id for item in items}) == len(items):
        return text, []
    joined, ids = join_copies(lines, items, _mark_rank)
    return "\n".join(joined), ids


def _has_copies(mine: str, base: str | None) -> bool:
    """Did the learner copy-paste an item line? Then the note is joined even when the
    roadmap left it alone: a rebuild leaves every block id once in the vault (the copies
    used to stay until an update happened to touch the note)."""
    if mine == base:
        return False  # as generated: no copies (the cheap test for untouched notes)
    items = find_item_lines(mine.split("\n"))
    return len({item.id for item in items}) != len(items)


def _mark_rank(mark: str | None) -> int:
    return -1 if mark is None else _PROGRESS.index(Status.from_marker(mark))


_PROGRESS = [Status.TODO, Status.SKIPPED, Status.DOING, Status.DONE]


def _worked_on(item: ItemLine, before: ItemLine | None) -> bool:
    """Did the learner make progress on this item (or change its status at all)?"""
    if item.mark is None:
        return False
    if before is not None and before.mark != item.mark:
        return True
    return Status.from_marker(item.mark) is not Status.TODO


def _revive_archived(
    entries: list[str], new_home: dict[str, tuple[str, ItemLine]], carried: dict[str, _Carried]
) -> list[str]:
    """Entries whose id is back in the roadmap are carried there; the rest stay archived."""
    items = find_item_lines(entries)
    if not items:
        return entries
    revived = {item.index for item in items if item.id in new_home and item.id not in carried}
    if not revived:
        return entries
    added = set(range(len(entries)))
    notes_under = annotations_of(entries, items, added)
    drop: set[int] = set()
    for item in items:
        if item.index in revived:
            annotation = notes_under.get(item.id, [])
            carried[item.id] = _Carried(item, None, [entries[i] for i in annotation], False)
            drop.add(item.index)
            drop.update(annotation)
    return [line for i, line in enumerate(entries) if i not in drop]


def _archive_lines(item: ItemLine, annotation: list[str]) -> list[str]:
    flat = ItemLine(item.index, "", "-", item.mark, item.text, item.id)
    return [flat.render(), *_reindent(annotation, item.lead, "")]


def _reindent(lines: list[str], old_lead: str, new_lead: str) -> list[str]:
    out = []
    for line in lines:
        if line.startswith(old_lead):
            out.append(new_lead + line[len(old_lead) :])
        else:
            out.append(line)
    return out


def _without_lines(text: str, drop: set[int]) -> str:
    if not drop:
        return text
    return "\n".join(line for i, line in enumerate(text.split("\n")) if i not in drop)


def _without_items(text: str | None, ids: set[str]) -> str | None:
    if text is None or not ids:
        return text
    lines = text.split("\n")
    drop = {item.index for item in find_item_lines(lines) if item.id in ids}
    return _without_lines(text, drop)


def _inject(
    notes: Mapping[str, NoteVersions],
    new_home: dict[str, tuple[str, ItemLine]],
    carried: dict[str, _Carried],
) -> dict[str, str]:
    """The new renderings with carried items' state and the learner's lines put in."""
    by_note: dict[str, list[str]] = {}
    for item_id in carried:
        by_note.setdefault(new_home[item_id][0], []).append(item_id)
    out: dict[str, str] = {}
    for key, ids in by_note.items():
        new_text = notes[key].new
        assert new_text is not None  # new_home only points at rendered notes
        lines = new_text.split("\n")
        items = {item.id: item for item in find_item_lines(lines)}
        heads: dict[int, list[str]] = {}
        tails: dict[int, list[str]] = {}
        for item_id in ids:
            target, travel = items[item_id], carried[item_id]
            heads[target.index] = _merged_item_line(target, travel)
            tail = _reindent(travel.annotations, travel.item.lead, target.lead)
            tails.setdefault(_end_of_item(lines, target), []).extend(tail)
        rebuilt: list[str] = []
        for index, line in enumerate(lines):
            rebuilt.extend(heads.get(index, [line]))
            rebuilt.extend(tails.get(index, []))
        out[key] = "\n".join(rebuilt)
    return out


def _merged_item_line(target: ItemLine, travel: _Carried) -> list[str]:
    """The item's line in its new place: merged status, the learner's extras or wording."""
    before, mine = travel.base_item, travel.item
    line = target.with_mark(kept_mark(before, mine, target))
    text = merge_item_text(before.text if before else None, mine.text, target.text)
    if text is not None:
        return [line.with_text(text).render()]
    return marked_region([line.with_text(mine.text).render()], [line.render()])


def _end_of_item(lines: list[str], item: ItemLine) -> int:
    """Index of the last line belonging to `item` (itself and deeper-indented lines)."""
    end = item.index
    for index in range(item.index + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            break
        if _width(line) <= item.width:
            break
        end = index
    return end


def _promoted_to(
    item: ItemLine,
    annotation: list[str],
    notes: Mapping[str, NoteVersions],
    note_ids: dict[str, str],
) -> str | None:
    """The note an item became (its id is the note's `roadvault_id`), when the item's
    status carries to sub-items (done, skipped) and it has no lines of the learner's
    under it (those stay archived, with it)."""
    if annotation or item.mark is None:
        return None
    if Status.from_marker(item.mark) not in (Status.DONE, Status.SKIPPED):
        return None
    return _note_of(item.id, notes, note_ids)


def _note_of(
    item_id: str, notes: Mapping[str, NoteVersions], note_ids: dict[str, str]
) -> str | None:
    """The key of the note the new renderings give `item_id` (its `roadvault_id`), if any;
    `note_ids` caches the lookup across items."""
    if not note_ids:
        for key, versions in notes.items():
            front = split_front_matter(versions.new or "")[0]
            if front and "roadvault_id" in front:
                try:
                    note_id = read_owned_properties(front).get("roadvault_id")
                except InputError:
                    continue
                if isinstance(note_id, str):
                    note_ids.setdefault(note_id, key)
        note_ids.setdefault("", "")  # computed: do not look again
    key = note_ids.get(item_id)
    return key or None


def _untick_of_a_fold(
    item: ItemLine,
    notes: Mapping[str, NoteVersions],
    note_ids: dict[str, str],
    returning: set[str],
) -> bool:
    """A to-do line whose item becomes a note again, that note coming back (kept for the
    learner's work) with every item done or skipped. When it folded, the fold-back gave
    the line that mark (`_demoted`); the base copy is the rendering, so the learner's
    untick reads as no change there. It is their box all the same: kept (archived), so
    it comes back with the item, and the next fold-back leaves it alone."""
    if not returning or item.mark is None or Status.from_marker(item.mark) is not Status.TODO:
        return False  # (no note comes back: no need to read every note's properties)
    key = _note_of(item.id, notes, note_ids)
    mine = notes[key].mine if key in returning else None
    return mine is not None and _folds_to(mine) is not None


def _demoted(
    notes: Mapping[str, NoteVersions],
    new_home: dict[str, tuple[str, ItemLine]],
    frozen: set[str],
    carried: Mapping[str, _Carried],
) -> dict[str, tuple[str, str]]:
    """Topic notes folded back into one item (the topic lost its sub-items: its id is an
    item line now): item id -> (its note, the mark it takes). The reverse of a promotion:
    when every item of the note was done or skipped (one done at least: done; all
    skipped: skipped), the item is too. Before, it came back unticked — a tick handed to
    the sub-items when the item became a topic was lost on the way back. Only on the
    build that folds it (the note not yet marked removed): after that, the learner's box."""
    out: dict[str, tuple[str, str]] = {}
    for key, versions in notes.items():
        if versions.new is not None or versions.mine is None or key in frozen:
            continue
        front = split_front_matter(versions.mine)[0]
        if not front or "roadvault_id" not in front or _marked_removed(versions.mine):
            continue
        try:
            note_id = read_owned_properties(front).get("roadvault_id")
        except InputError:
            continue
        home = new_home.get(note_id) if isinstance(note_id, str) else None
        if home is None or home[1].mark is None or home[0] in frozen:
            continue  # not an item now, or a parent (its sub-items keep their own marks)
        travel = carried.get(note_id)
        if travel is not None and _box_kept_it(travel, home[1]):
            continue  # its own line comes back (archived, revived): the learner's box wins
        mark = _folds_to(versions.mine)
        if mark is not None:
            out[note_id] = (home[0], mark)
    return out


def _box_kept_it(travel: _Carried, target: ItemLine) -> bool:
    """Is the box of an archived line coming back the learner's say on its item? A mark of
    progress is. A to-do box is only when nothing else of theirs is on the line: no lines
    under it, no words appended to the roadmap's. Then the box is what kept it (an untick
    of a fold-back, `_untick_of_a_fold`). A to-do line kept for the lines under it (or the
    words) just shows the box it had when it left. Before, that `[ ]` won over the
    fold-back, and an item whose note the learner had ticked through came back unticked.
    (Other words than the roadmap's now are its rename while the line was archived as
    often as the learner's: they say nothing either way, and the box stays theirs.)"""
    mark = travel.item.mark
    if mark is not None and Status.from_marker(mark) is not Status.TODO:
        return True
    if travel.annotations:
        return False
    return not line_extras(target.text, travel.item.text)


def _folds_to(note: str) -> str | None:
    """The mark a note's item takes when the note folds back into it: done when every
    item of the note is done or skipped (one done at least), skipped when all are
    skipped, else None. Per item its most advanced box (copies count once, as joined)."""
    marks = [Status.from_marker(mark) for mark in item_statuses(split_archive(note)[0]).values()]
    if not marks or any(m not in (Status.DONE, Status.SKIPPED) for m in marks):
        return None
    return "x" if Status.DONE in marks else "-"


def _mark_one(text: str, item_id: str, mark: str) -> str:
    """`text` with the to-do checkbox of `item_id` set to `mark`."""
    lines = text.split("\n")
    for item in find_item_lines(lines):
        todo = item.mark is not None and Status.from_marker(item.mark) is Status.TODO
        if item.id == item_id and todo:
            lines[item.index] = item.with_mark(mark).render()
    return "\n".join(lines)


def _notes_under(top: str, notes: Mapping[str, NoteVersions]) -> list[str]:
    """`top` and every generated note below it (by the `up` links of the new renderings).
    Why: an item that becomes a phase with topics has no items in its own note, only
    links; its done or skipped goes to the items of the notes under it (before, it went
    nowhere and the tick was lost while the report said it was handed on)."""
    names: dict[str, str] = {}
    ups: dict[str, str] = {}
    for key, versions in notes.items():
        if versions.new is None:
            continue
        stem = key.removesuffix(".md")
        names[stem] = key
        names.setdefault(stem.rsplit("/", 1)[-1], key)
        front = split_front_matter(versions.new)[0]
        if not front or "up:" not in front:
            continue
        try:
            up = read_owned_properties(front).get("up")
        except InputError:
            continue
        if isinstance(up, str) and up.startswith("[[") and up.endswith("]]"):
            ups[key] = up[2:-2].split("|")[0].split("#")[0]
    out = [top]
    for key in ups:
        seen = {key}
        parent = names.get(ups[key])
        while parent is not None and parent not in seen and parent != top:
            seen.add(parent)
            parent = names.get(ups.get(parent, ""))
        if parent == top and key != top:
            out.append(key)
    return out


def _tick_all(text: str, mark: str) -> str:
    """Every to-do checkbox item line of `text` set to `mark`."""
    lines = text.split("\n")
    for item in find_item_lines(lines):
        if item.mark is not None and Status.from_marker(item.mark) is Status.TODO:
            lines[item.index] = item.with_mark(mark).render()
    return "\n".join(lines)


def _returning(versions: NoteVersions) -> NoteVersions:
    """A note kept for the learner's work (`roadvault_status: removed`) that the roadmap
    generates again. Its base copy is still the last rendering, but the items that left
    while it was out (moved to another note, e.g. by a depth change) were taken out by
    roadvault, not by the learner: merged against that base, their coming back read as
    the learner deleting them, and they vanished from the vault with their ticks. So those
    items are out of the base too: they come back as the roadmap's additions."""
    if versions.base is None or versions.mine is None:
        return versions
    present = {item.id for item in find_item_lines(versions.mine.split("\n"))}
    left = {
        item.id for item in find_item_lines(versions.base.split("\n")) if item.id not in present
    }
    return NoteVersions(_without_items(versions.base, left), versions.mine, versions.new)


def _marked_removed(text: str) -> bool:
    front = split_front_matter(text)[0]
    if not front or "roadvault_status" not in front:
        return False
    try:
        return read_owned_properties(front).get("roadvault_status") == "removed"
    except InputError:
        return False  # broken YAML: the merge leaves the learner's properties alone


def _decide(
    versions: NoteVersions,
    mine: str | None,
    base: str | None,
    new: str | None,
    archive: list[str],
    remarks: list[str],
    *,
    skipped: bool,
) -> NoteOutcome:
    if versions.mine is None:
        if versions.new is None:
            return NoteOutcome(None, Action.UNCHANGED)
        if skipped:
            return NoteOutcome(None, Action.SKIP, notes=["you deleted it; not re-created"])
        return NoteOutcome(new, Action.CREATE)
    assert mine is not None
    if new is None:
        if base is not None and mine == base and not archive:
            return NoteOutcome(None, Action.DELETE, notes=["no longer in the roadmap"])
        kept = join_archive(mine, archive)
        if split_front_matter(kept)[0]:  # a note whose properties the learner removed: as is
            kept = set_property(kept, "roadvault_status", "removed")
        action = Action.UNCHANGED if kept == versions.mine else Action.ARCHIVE
        return NoteOutcome(kept, action, notes=["no longer in the roadmap; kept for your work"])
    if _marked_removed(mine) and not _marked_removed(new):
        # roadvault set this when the topic left; it is back, so the mark goes.
        mine = set_property(mine, "roadvault_status", None)
        remarks = [*remarks, "back in the roadmap"]
    result: MergeResult = merge_note(base, mine, new)
    text = join_archive(result.text, archive)
    repeated = repeated_block_ids(text, versions.mine)
    if repeated:
        # Never write a note with an item twice (its tick would count twice, and the
        # learner could not tell which line is the item): leave it as it is, and say so.
        logger.error("merge repeated block ids %s; note left as it is", repeated)
        shown = ", ".join("^" + item_id for item_id in repeated)
        return NoteOutcome(
            versions.mine,
            Action.SKIP,
            count_conflicts(versions.mine),
            [f"not updated: merging would repeat {shown} (a roadvault bug: please report it)"],
        )
    conflicts = count_conflicts(text)
    notes = remarks + result.notes
    if text == versions.mine:
        return NoteOutcome(text, Action.UNCHANGED, conflicts, notes)
    if conflicts:
        return NoteOutcome(text, Action.CONFLICT, conflicts, notes)
    if versions.base is not None and versions.mine == versions.base:
        return NoteOutcome(text, Action.UPDATE, 0, notes)
    return NoteOutcome(text, Action.MERGE, 0, notes)
