"""The live progress model, kept up to date by difference (no disk, no clock).

`Progress` holds every note's `NoteScan` and running totals per roadmap, per phase and for
notes outside any roadmap. `set_note(relpath, scan)` replaces one note's contribution: it
subtracts what the old scan added and adds the new one, so a tick costs work proportional
to that note, not to the vault.

Rules (docs/FORMAT.md §6, §7):
- a task whose block id is a manifest item belongs to that item (its roadmap, phase and
  roadmap order) wherever the line now lives; if the id is found in several notes, the
  item's own note wins, else the first path in sort order; an item found nowhere is
  `missing` and counts nowhere (so every link Progress.md writes resolves);
- any other task counts for the note it is in: the note's manifest entry, else its
  properties (`roadvault_id`, then `roadmap`), else it belongs to no roadmap and counts in
  `other` (shown as "Other notes", never in a roadmap's totals);
- statuses: `[ ]` and unknown characters todo, `[/]` doing, `[x]`/`[X]` done, `[-]`
  skipped (out of the denominator); a done or skipped parent carries its subtree (applied
  by the scan, see notes.summarize_note).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from roadvault.model import Status
from roadvault.progress.manifest import Home, Item, ManifestIndex
from roadvault.progress.notes import NoteScan, marker_index
from roadvault.vaultformat import PROGRESS_NOTE

# A task with a roadvault block id the manifest no longer lists is an item the roadmap
# dropped, kept under "Removed from the roadmap" for the learner's record (FORMAT.md §5b):
# not counted, neither as an item nor as the learner's own task. (Tasks with other ids,
# or none, are the learner's own: `NoteScan.plain`.)

TODO, DOING, DONE, SKIPPED = range(4)


@dataclass(frozen=True, slots=True)
class Change:
    """An item whose status changed in this update (None: not found in any note)."""

    item: Item
    before: Status | None
    after: Status | None
    relpath: str | None  # where it is now (or was, if it vanished)


def _zero() -> list[int]:
    return [0, 0, 0, 0]


def _base_name(relpath: str) -> str:
    return relpath.rsplit("/", 1)[-1][:-3].casefold()


class Progress:
    """Totals of a vault's tasks, updated note by note."""

    def __init__(self, index: ManifestIndex | None = None) -> None:
        self.index = index if index is not None else ManifestIndex()
        self.notes: dict[str, NoteScan] = {}
        self._reset_totals()

    def _reset_totals(self) -> None:
        self.roadmap_counts: dict[str, list[int]] = {}
        self.phase_counts: dict[tuple[str, str], list[int]] = {}
        self.other_counts = _zero()
        self.note_homes: dict[str, Home] = {}
        # Each note's own tasks (no item id): its scan's `plain`, never changed in place.
        self.note_own: dict[str, tuple[int, int, int, int]] = {}
        self.found: dict[str, tuple[str, str]] = {}  # item id -> (mark, relpath) it counts from
        # Items whose line is in several notes: id -> {relpath: mark} (all of them).
        self.extra: dict[str, dict[str, str]] = {}
        self.todo_orders: dict[str, list[int]] = {}  # per roadmap, sorted item orders
        self.doing_orders: dict[str, list[int]] = {}
        self.found_counts: Counter[str] = Counter()  # per roadmap, items found somewhere
        # Progress.md sits at the root: a note elsewhere named Progress needs its full path.
        self.base_names: Counter[str] = Counter({_base_name(PROGRESS_NOTE): 1})

    # --- updates ------------------------------------------------------------------------

    def set_note(self, relpath: str, scan: NoteScan | None) -> list[Change]:
        """Replace the contribution of one note (None: the note is gone)."""
        old = self.notes.pop(relpath, None)
        items = self.index.items
        # Working copies of the locations of the items this note had or has.
        work: dict[str, dict[str, str]] = {}
        if old is not None:
            self._add_own(relpath, -1)
            for item_id in old.ids:
                if item_id in items:
                    self._locations(item_id, work).pop(relpath, None)
        else:
            self.base_names[_base_name(relpath)] += 1
        if scan is None:
            self.base_names[_base_name(relpath)] -= 1
        else:
            self.notes[relpath] = scan
            self._add_own(relpath, +1)
            for item_id, mark in zip(scan.ids, scan.marks, strict=True):
                if item_id in items:
                    self._locations(item_id, work)[relpath] = mark
        changes: list[Change] = []
        for item_id, where in work.items():
            if len(where) > 1:
                self.extra[item_id] = where
            else:
                self.extra.pop(item_id, None)
            change = self._resolve(items[item_id], where)
            if change is not None:
                changes.append(change)
        return changes

    def _locations(self, item_id: str, work: dict[str, dict[str, str]]) -> dict[str, str]:
        """Every note an item's line is in ({relpath: mark}), as a working copy."""
        where = work.get(item_id)
        if where is None:
            if item_id in self.extra:
                where = dict(self.extra[item_id])
            elif item_id in self.found:
                mark, relpath = self.found[item_id]
                where = {relpath: mark}
            else:
                where = {}
            work[item_id] = where
        return where

    def load(self, scans: dict[str, NoteScan]) -> None:
        """Add many notes at once to an empty model (the cold start): the same result as
        `set_note` for each, resolving every item once instead of once per note."""
        if self.notes:
            for relpath in sorted(scans):
                self.set_note(relpath, scans[relpath])
            return
        index = self.index
        items = index.items
        files = index.files
        first: dict[str, tuple[str, str]] = {}
        extra = self.extra
        self.notes.update(scans)
        self.base_names.update(map(_base_name, scans))
        owns_of: dict[Home, list[tuple[int, int, int, int]]] = {}  # summed once per home
        note_homes, note_own = self.note_homes, self.note_own
        for relpath, scan in scans.items():
            # One pass over its roadvault ids: items get a location, dropped ones nothing.
            own = scan.plain
            for item_id, mark in zip(scan.ids, scan.marks, strict=True):
                if item_id not in items:
                    continue  # a dropped item, kept for the record: not counted
                elif item_id not in first:
                    first[item_id] = (mark, relpath)
                elif item_id in extra:
                    extra[item_id][relpath] = mark
                else:
                    seen_mark, seen_path = first[item_id]
                    extra[item_id] = {seen_path: seen_mark, relpath: mark}
            home = files.get(relpath)
            if home is None:
                props = scan.properties
                home = index.home_of(
                    relpath, props.note_id if props else None, props.roadmap if props else None
                )
            note_homes[relpath] = home
            note_own[relpath] = own
            if own[0] or own[1] or own[2] or own[3]:
                owns = owns_of.get(home)
                if owns is None:
                    owns_of[home] = [own]
                else:
                    owns.append(own)
        for home, owns in owns_of.items():
            self._add_counts(home, [sum(column) for column in zip(*owns, strict=True)], +1)
        for slug, info in self.index.roadmaps.items():
            counts = self.roadmap_counts.setdefault(slug, _zero())
            todo: list[int] = []
            doing: list[int] = []
            found_here = 0
            for item in info.items:
                where = extra.get(item.id)
                if where is not None:
                    relpath = item.note if item.note in where else min(where)
                    chosen = (where[relpath], relpath)  # type: ignore[index]
                else:
                    chosen = first.get(item.id)  # type: ignore[assignment]
                    if chosen is None:
                        continue
                self.found[item.id] = chosen  # type: ignore[assignment]
                found_here += 1
                k = marker_index(chosen[0])
                counts[k] += 1
                if item.phase is not None:
                    self.phase_counts.setdefault((slug, item.phase), _zero())[k] += 1
                if k == TODO:
                    todo.append(item.order)
                elif k == DOING:
                    doing.append(item.order)
            self.todo_orders[slug] = todo
            self.doing_orders[slug] = doing
            self.found_counts[slug] = found_here

    def reindex(self, index: ManifestIndex) -> list[Change]:
        """Take a new manifest (after a build): recount everything from the kept scans."""
        before = {item_id: Status.from_marker(mark) for item_id, (mark, _) in self.found.items()}
        notes = self.notes
        self.index = index
        self.notes = {}
        self._reset_totals()
        self.load(notes)
        changes = []
        for item_id, item in index.items.items():
            now = self.status_of(item_id)
            if before.get(item_id) != now:
                where = self.found.get(item_id, (None, None))[1]
                changes.append(Change(item, before.get(item_id), now, where))
        return changes

    def _add_own(self, relpath: str, sign: int) -> None:
        if sign < 0:
            home = self.note_homes.pop(relpath)
            counts = self.note_own.pop(relpath)
        else:
            scan = self.notes[relpath]
            props = scan.properties
            home = self.index.home_of(
                relpath,
                props.note_id if props else None,
                props.roadmap if props else None,
            )
            counts = scan.plain
            self.note_homes[relpath] = home
            self.note_own[relpath] = counts
        self._add_counts(home, counts, sign)

    def _add_counts(self, home: Home, counts: Sequence[int], sign: int) -> None:
        if not any(counts):
            return
        if home.roadmap is None:
            target = self.other_counts
            for k in range(4):
                target[k] += sign * counts[k]
            return
        targets = [self.roadmap_counts.setdefault(home.roadmap, _zero())]
        if home.phase is not None:
            targets.append(self.phase_counts.setdefault((home.roadmap, home.phase), _zero()))
        for target in targets:
            for k in range(4):
                target[k] += sign * counts[k]

    def _resolve(self, item: Item, where: dict[str, str]) -> Change | None:
        """Choose where an item's line counts from; update totals if its status moved."""
        chosen: tuple[str, str] | None = None
        if where:
            relpath = item.note if item.note in where else min(where)
            chosen = (where[relpath], relpath)  # type: ignore[index]
        previous = self.found.get(item.id)
        if chosen == previous:
            return None
        if chosen is None:
            del self.found[item.id]
            self.found_counts[item.roadmap] -= 1
        else:
            self.found[item.id] = chosen
            if previous is None:
                self.found_counts[item.roadmap] += 1
        before = Status.from_marker(previous[0]) if previous else None
        after = Status.from_marker(chosen[0]) if chosen else None
        if before == after:
            return None  # moved or re-marked within the same status: links change only
        for mark, sign in ((previous, -1), (chosen, +1)):
            if mark is None:
                continue
            k = marker_index(mark[0])
            self.roadmap_counts.setdefault(item.roadmap, _zero())[k] += sign
            if item.phase is not None:
                self.phase_counts.setdefault((item.roadmap, item.phase), _zero())[k] += sign
            orders = self.todo_orders if k == TODO else self.doing_orders if k == DOING else None
            if orders is not None:
                bucket = orders.setdefault(item.roadmap, [])
                if sign > 0:
                    bisect.insort(bucket, item.order)
                else:
                    del bucket[bisect.bisect_left(bucket, item.order)]
        return Change(item, before, after, (chosen or previous)[1])  # type: ignore[index]

    # --- queries ------------------------------------------------------------------------

    def status_of(self, item_id: str) -> Status | None:
        found = self.found.get(item_id)
        return Status.from_marker(found[0]) if found else None

    def where(self, item_id: str) -> str | None:
        found = self.found.get(item_id)
        return found[1] if found else None

    def counts(self, slug: str) -> tuple[int, int, int, int]:
        return tuple(self.roadmap_counts.get(slug, _zero()))  # type: ignore[return-value]

    def phase_totals(self, slug: str, phase_id: str) -> tuple[int, int, int, int]:
        return tuple(self.phase_counts.get((slug, phase_id), _zero()))  # type: ignore[return-value]

    def first_items(self, slug: str, status: Status, limit: int) -> list[Item]:
        """The first `limit` items of a roadmap with this status (todo or doing), in order."""
        orders = self.todo_orders if status is Status.TODO else self.doing_orders
        items = self.index.roadmap_info(slug).items
        return [items[order] for order in orders.get(slug, [])[:limit]]

    def missing(self, slug: str) -> int:
        """Items of the roadmap not found in any note."""
        return len(self.index.roadmap_info(slug).items) - self.found_counts[slug]

    def roadmap_slugs(self) -> list[str]:
        """Roadmaps with a manifest entry or tasks counted for them, manifest ones first."""
        slugs = list(self.index.roadmaps)
        slugs += sorted(s for s in self.roadmap_counts if s not in self.index.roadmaps)
        return slugs

    def link_name(self, relpath: str) -> str:
        """How a wikilink names a note: its file name when unique in the vault, else its path."""
        stem = relpath[:-3] if relpath.endswith(".md") else relpath
        if self.base_names.get(_base_name(relpath), 0) <= 1:
            return stem.rsplit("/", 1)[-1]
        return stem

    def has_note(self, relpath: str) -> bool:
        return relpath in self.notes
