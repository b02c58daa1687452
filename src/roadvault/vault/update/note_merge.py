"""Three-way merge of one generated note: the learner's version against the new rendering.

    base = what roadvault wrote last time, mine = the note now, new = the new rendering.

Order of work (each step pure, text in → text out):

1. Item state travels by block id, not by line. For every line carrying one of our block ids
   the status is merged three-way (the learner's change wins, else the roadmap's), and extras
   the learner (or the Tasks plugin) appended to the line — `✅ 2026-11-20`, `#tag` — are kept.
   Both are written into *base* and *new* before the text merge, so a tick never conflicts
   with a rename.
2. Front matter: only the keys roadvault owns are touched, textually (the learner's keys,
   order and comments stay byte-for-byte); a key both sides changed keeps the learner's value
   and is reported.
3. The body: a line-based three-way merge (merge3). Where merge3 sees a conflict, the region
   is merged again at a finer grain — an insertion next to a changed line is not a conflict,
   and when both sides only *added* lines at the same place both are kept (learner's first) —
   so only lines both sides really changed get `<<<<<<< vault` / `=======` / `>>>>>>> roadmap`
   markers. Never a silent choice.

The laws (tested with hypothesis): merge(b, b, n) == n, merge(b, m, b) == m,
merge(b, x, x) == x, and every learner-added line survives (or sits inside a conflict).
"""

from __future__ import annotations

import difflib
import logging
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

import merge3

from roadvault.errors import InputError
from roadvault.model import Status
from roadvault.obsidian.blocks import (
    ATTACHED_INDENTED_CODE,
    INDENTED_CODE,
    is_heading_line,
    read_blocks,
    read_list_items,
)
from roadvault.obsidian.conflicts import (
    conflict_regions,
    conflict_starts,
    is_marker_line,
    marked_region,
)
from roadvault.obsidian.frontmatter import split_front_matter
from roadvault.obsidian.ids import ROADVAULT_PREFIX
from roadvault.obsidian.items import ITEM_LINE
from roadvault.vault.frontmatter import LIST_KEYS, OWNED_KEYS, read_owned_properties, set_property
from roadvault.vault.update.reorder import Layout, differs, follow_layout, layout_of

logger = logging.getLogger(__name__)

_ID_MARK = "^" + ROADVAULT_PREFIX
_PROGRESS_RANK = {Status.DONE: 3, Status.DOING: 2, Status.SKIPPED: 1, Status.TODO: 0}


# --- item lines ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemLine:
    """A line of a note that carries one of roadvault's block ids."""

    index: int
    lead: str
    bullet: str
    mark: str | None  # the checkbox character, None for a plain bullet
    text: str
    id: str

    def with_mark(self, mark: str | None) -> ItemLine:
        return ItemLine(self.index, self.lead, self.bullet, mark, self.text, self.id)

    def with_text(self, text: str) -> ItemLine:
        return ItemLine(self.index, self.lead, self.bullet, self.mark, text, self.id)

    def render(self) -> str:
        box = f"[{self.mark}] " if self.mark is not None else ""
        return f"{self.lead}{self.bullet} {box}{self.text} ^{self.id}"

    @property
    def width(self) -> int:
        """Indentation width of the bullet (tabs count 4), for "is this line under it"."""
        return len(self.lead.replace("\t", "    "))


def find_item_lines(lines: Sequence[str], *, orphans: Collection[str] = ()) -> list[ItemLine]:
    """Every list item line with one of our block ids, outside front matter, code, comments
    and HTML blocks (`obsidian.blocks`). A line that only looks like an item — a line
    indented four columns that continues a paragraph, `2. [ ]` right under a paragraph
    line — is text, as for progress (docs/DIALECT.md).

    Indented code that opens right under a non-blank line is the exception: regeneration
    reads notes with items lifted out, and a nested item whose parent left (a tab-indented
    line right under a heading) would read as code there, its tick lost to a second copy of
    the line. So such a line stays an item (`code_mask(..., attached_indented_code=False)`).
    Indented code after a blank line (a learner's example) is code, and an item line that
    continues a paragraph is text, as for progress, except the lines of the `orphans` ids
    (`nested_orphans`).
    """
    candidates = [index for index, line in enumerate(lines) if _ID_MARK in line]
    if not candidates:
        return []
    code, starts = read_list_items("\n".join(lines))
    items = []
    for index in candidates:
        kind = code[index]
        match = None
        stray = kind == INDENTED_CODE or (not kind and index not in starts)
        if kind == ATTACHED_INDENTED_CODE or (stray and orphans) or not (kind or stray):
            match = ITEM_LINE.match(lines[index])
        if match and stray and match["id"] not in orphans:
            match = None
        if match:
            items.append(
                ItemLine(
                    index=index,
                    lead=match["lead"],
                    bullet=match["bullet"],
                    mark=match["mark"],
                    text=match["text"],
                    id=match["id"],
                )
            )
    return items


def nested_orphans(base: str, mine: str) -> frozenset[str]:
    """Ids of the nested items that `mine` holds in indented code after a blank line, or as
    lines continuing a paragraph, only because their parent's line left it: regeneration
    lifts an item that travels out of the learner's note, and a child that stays then
    stands under whatever was above its parent — after a blank line and the learner's
    fence, CommonMark reads it as indented code; right under the learner's paragraph, as
    more of that paragraph.

    Such a line is the item when the last rendering (`base`) has that item at the same
    indentation and `mine` has no other line for it. A learner's example is not: its lines
    stand at the example's own indentation (four spaces more than the items'), and the real
    item's line is still in the note.
    """
    if _ID_MARK not in mine:
        return frozenset()
    lines = mine.split("\n")
    code, starts = read_list_items(mine)
    leads: dict[str, list[str]] = {}
    for index, line in enumerate(lines):
        stray = code[index] == INDENTED_CODE or (not code[index] and index not in starts)
        if stray and _ID_MARK in line:
            match = ITEM_LINE.match(line)
            if match:
                leads.setdefault(match["id"], []).append(match["lead"])
    if not leads:
        return frozenset()
    rendered = {item.id: item.lead for item in find_item_lines(base.split("\n"))}
    placed = {item.id for item in find_item_lines(lines)}
    return frozenset(
        item_id
        for item_id, found in leads.items()
        if len(found) == 1 and item_id not in placed and rendered.get(item_id) == found[0]
    )


def item_statuses(text: str) -> dict[str, str]:
    """Block id → checkbox character for every checkbox item line of `text`.

    A block id written twice (a copy-paste) keeps its most advanced status.
    """
    found: dict[str, str] = {}
    for item in find_item_lines(text.split("\n")):
        if item.mark is None:
            continue
        seen = found.get(item.id)
        if seen is None or _rank(item.mark) > _rank(seen):
            found[item.id] = item.mark
    return found


def _rank(mark: str) -> int:
    return _PROGRESS_RANK[Status.from_marker(mark)]


def merge_mark(base: str | None, mine: str | None, new: str | None) -> str | None:
    """Three-way merge of one checkbox: the learner's change wins, else the roadmap's."""
    if mine is None:
        return new
    if new is None:
        return mine
    if base is not None and mine == base:
        return new
    return mine


def kept_mark(base: ItemLine | None, mine: ItemLine, new: ItemLine) -> str | None:
    """The checkbox an item's line gets: merged three-way; and when the roadmap now writes
    the item as a plain bullet (it gained sub-items), the learner's box stays if they had
    made progress on it — a tick is never dropped by a reshape."""
    if new.mark is not None:
        return merge_mark(base.mark if base else None, mine.mark, new.mark)
    if mine.mark is not None and Status.from_marker(mine.mark) is not Status.TODO:
        return mine.mark
    return None


def line_extras(base_text: str, mine_text: str) -> str | None:
    """What the learner appended to a generated item's text (Tasks' `✅ 2026-11-20`, tags),
    or None when they changed the text itself."""
    if mine_text == base_text:
        return ""
    if mine_text.startswith(base_text) and mine_text[len(base_text)] in " \t":
        return mine_text[len(base_text) :]
    return None


# What the Tasks plugin and Obsidian append to a task line, recognisable without the line
# as generated: dated signifiers (`✅ 2026-02-10`, due, scheduled, start, created,
# cancelled), priorities, `#tags`, Dataview `[key:: value]` fields.
_EXTRAS_TAIL = re.compile(
    r"(?:[ \t]+(?:[✅❌📅⏳🛫➕]\ufe0f?[ \t]*\d{4}-\d\d-\d\d|[⏫🔼🔽🔺⏬]\ufe0f?"
    r"|#[^\s#\[\]]+|\[[^\[\]]+::[^\[\]]*\]))+$"
)


def extras_tail(text: str) -> str:
    """The run of plugin metadata at the end of an item's text ("" when none)."""
    found = _EXTRAS_TAIL.search(text)
    return found.group(0) if found and found.start() > 0 else ""


def merge_item_text(base_text: str | None, mine_text: str, new_text: str) -> str | None:
    """Three-way merge of one item's text: what its line should say now, or None when the
    learner and the roadmap both reworded it (a conflict). Extras the learner appended
    ride on the roadmap's new wording."""
    if base_text is None and line_extras(new_text, mine_text):
        return mine_text  # an item coming back (archived, re-added) with the learner's extras
    if base_text is None:
        # Back under a new title (renamed while archived): the base is gone, but a Tasks
        # date or a tag at the end is the learner's still. Before, it was dropped.
        tail = extras_tail(mine_text)
        return new_text + tail if tail and not new_text.endswith(tail) else new_text
    if mine_text in (base_text, new_text):
        return new_text
    if line_extras(new_text, mine_text) is not None:
        return mine_text  # the new wording is in already, with extras (a merge repeated)
    extras = line_extras(base_text, mine_text)
    if extras is not None:
        return new_text if new_text.endswith(extras) else new_text + extras
    if new_text == base_text:
        return mine_text  # only the learner reworded it
    return None


def align_items(
    base: str, mine: str, new: str, *, orphans: Collection[str] = ()
) -> tuple[str, str]:
    """Carry the learner's item state into `base` and `new` (step 1 of the module doc).

    Returns (base', new'): where an item's status and text merge cleanly, new' has the
    merged line and base' the learner's line as it is, so the text merge sees no change of
    theirs there; an item both sides reworded keeps its texts, for merge3 to mark.
    """
    base_lines, mine_lines, new_lines = base.split("\n"), mine.split("\n"), new.split("\n")
    base_items = {item.id: item for item in find_item_lines(base_lines)}
    mine_items = {item.id: item for item in find_item_lines(mine_lines, orphans=orphans)}
    for item in find_item_lines(new_lines):
        theirs = mine_items.get(item.id)
        if theirs is None:
            continue
        before = base_items.get(item.id)
        updated = item.with_mark(kept_mark(before, theirs, item))
        text = merge_item_text(before.text if before else None, theirs.text, item.text)
        if text is not None:
            new_lines[item.index] = updated.with_text(text).render()
            if before is not None:
                base_lines[before.index] = mine_lines[theirs.index]
        else:
            new_lines[item.index] = updated.render()
            if before is not None and before.mark is not None and theirs.mark is not None:
                base_lines[before.index] = before.with_mark(theirs.mark).render()
    return "\n".join(base_lines), "\n".join(new_lines)


def apply_marks(text: str, marks: dict[str, str]) -> str:
    """Set the checkbox of every item whose id is in `marks`."""
    lines = text.split("\n")
    changed = False
    for item in find_item_lines(lines):
        mark = marks.get(item.id)
        if item.mark is not None and mark is not None and mark != item.mark:
            lines[item.index] = item.with_mark(mark).render()
            changed = True
    return "\n".join(lines) if changed else text


# --- front matter -------------------------------------------------------------------------


def _owned(block: str) -> dict[str, object] | None:
    """The owned keys' values of a front matter block; None when its YAML is broken."""
    try:
        return read_owned_properties(block)
    except InputError:
        return None


def merge_front_matter(
    base: str | None, mine: str | None, new: str | None
) -> tuple[str | None, list[str]]:
    """Merge the owned keys of `new` into the learner's front matter, textually.

    Blocks are whole front matter blocks (`---` … `---`) or None. Returns (block, remarks).
    The learner's own keys, comments and order are untouched; an owned key the learner
    changed stays as they wrote it (lists — tags, aliases — are merged item by item). With
    no base, the roadmap's values are taken and the learner's extra list items kept.
    """
    if not mine:
        return new, []
    if not new:
        return mine, []
    mine_values = _owned(mine)
    if mine_values is None:
        return mine, ["your properties are not valid YAML: left as they are"]
    base_values = _owned(base) if base else {}
    new_values = _owned(new) or {}
    remarks: list[str] = []
    result = mine
    for key in OWNED_KEYS:
        base_value = (base_values or {}).get(key, _MISSING)
        mine_value = mine_values.get(key, _MISSING)
        new_value = new_values.get(key, _MISSING)
        if mine_value == new_value:
            continue
        if not base:
            base_value = [] if key in LIST_KEYS else mine_value
        if mine_value == base_value:
            result = set_property(result, key, None if new_value is _MISSING else new_value)
        elif new_value == base_value:
            continue  # only the learner changed it
        elif key in LIST_KEYS and isinstance(new_value, list):
            result = set_property(result, key, _merge_lists(base_value, mine_value, new_value))
        else:
            shown = "(nothing)" if new_value is _MISSING else repr(new_value)
            remarks.append(
                f"property {key!r}: kept your value {mine_value!r}; the roadmap now says {shown}"
            )
    return result, remarks


_MISSING = object()


def _merge_lists(base: object, mine: object, new: list) -> list:
    base_list = base if isinstance(base, list) else []
    mine_list = mine if isinstance(mine, list) else []
    removed_by_learner = [item for item in base_list if item not in mine_list]
    added_by_learner = [item for item in mine_list if item not in base_list]
    merged = [item for item in new if item not in removed_by_learner]
    return merged + [item for item in added_by_learner if item not in merged]


# --- the body: merge3 plus a finer look at its conflicts ------------------------------------


@dataclass(slots=True)
class MergeResult:
    text: str  # the note to write (LF line ends)
    conflicts: int = 0  # number of conflict regions left in `text`
    notes: list[str] = field(default_factory=list)  # remarks for the report


def merge_texts(base: str, mine: str, new: str) -> tuple[str, int]:
    """Line three-way merge; returns (text, conflict regions left)."""
    if mine == new:
        return mine, 0
    if mine == base:
        return new, 0
    if new == base:
        return mine, 0
    base_l = base.splitlines(keepends=True)
    mine_l = mine.splitlines(keepends=True)
    new_l = new.splitlines(keepends=True)
    _ensure_final_newline(base_l, mine_l, new_l)
    out: list[str] = []
    conflicts = 0
    for region in merge3.Merge3(base_l, mine_l, new_l).merge_regions():
        kind = region[0]
        if kind == "unchanged":
            out.extend(base_l[region[1] : region[2]])
        elif kind in ("a", "same"):
            out.extend(mine_l[region[1] : region[2]])
        elif kind == "b":
            out.extend(new_l[region[1] : region[2]])
        else:
            _, z1, z2, a1, a2, b1, b2 = region
            if _stands_elsewhere(new_l[b1:b2], base_l, mine) and not any(
                line.strip() and line in base_l[z1:z2] for line in mine_l[a1:a2]
            ):
                # The learner's note has only lines of its own here, and the roadmap's new
                # lines stand in it already, elsewhere: a merge repeated after an interrupted
                # build, where merge3 aligned the lines around them another way (docs/
                # FORMAT.md §5). The roadmap's change is in: the learner's side stays.
                out.extend(mine_l[a1:a2])
                continue
            after = new_l[b2] if b2 < len(new_l) else None
            merged, left = _merge_conflict(base_l[z1:z2], mine_l[a1:a2], new_l[b1:b2], after)
            out.extend(merged)
            conflicts += left
    text = "".join(out)
    if not mine.endswith("\n") and not new.endswith("\n") and text.endswith("\n"):
        text = text[:-1]
    return text, conflicts


def _stands_elsewhere(new: list[str], base: list[str], mine: str) -> bool:
    """Does every line `new` brings (not blank) stand in `mine` as an item line (not in
    code: a learner's example may copy it) though the last rendering (`base`, all of it)
    never had it — so only a merge can have put it there — and is there at least one? Only
    item lines count as evidence: their block ids make them unique."""
    if not any(line.strip() for line in new):
        return False
    old = set(base)
    brought = [line.rstrip("\n") for line in new if line.strip()]
    if not all(_ID_MARK in line and line + "\n" not in old for line in brought):
        return False
    lines = mine.split("\n")
    have = {lines[item.index] for item in find_item_lines(lines)}
    return all(line in have for line in brought)


def _ensure_final_newline(*sides: list[str]) -> None:
    for lines in sides:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int  # range of base lines replaced
    end: int
    lines: tuple[str, ...]
    side: int  # 0 = mine, 1 = new


def _edits(base: Sequence[str], other: Sequence[str], side: int) -> list[_Edit]:
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    return [
        _Edit(i1, i2, tuple(other[j1:j2]), side)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _clash(a: _Edit, b: _Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        # Two insertions at one point: one group, so both are kept (see `_inserted`).
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _merge_conflict(
    base: list[str], mine: list[str], new: list[str], after: str | None = None
) -> tuple[list[str], int]:
    """Merge one merge3 conflict region at a finer grain; mark only what truly clashes.
    `after` is the line that follows the region."""
    edits = _edits(base, mine, 0) + _edits(base, new, 1)
    groups: list[list[_Edit]] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end, e.side)):
        for group in groups:
            if any(_clash(edit, other) for other in group):
                group.append(edit)
                break
        else:
            groups.append([edit])
    groups = _join_groups(groups)
    out: list[str] = []
    position = 0
    conflicts = 0
    for group in sorted(groups, key=lambda g: (min(e.start for e in g), max(e.end for e in g))):
        start = min(e.start for e in group)
        end = max(e.end for e in group)
        out.extend(base[position:start])
        sides = {e.side for e in group}
        mine_part = _apply(base, start, end, _side(group, 0))
        new_part = _apply(base, start, end, _side(group, 1))
        if len(sides) == 1 or all(e.start == e.end for e in group):
            # One side only, or insertions at one point from both: keep all, learner's first.
            out.extend(_inserted(group))
        elif _holds(mine_part, base[start:end], new_part) or _holds(
            mine_part, _text_lines(base[start:end]), _text_lines(new_part)
        ):
            # The learner's version of these lines already holds the roadmap's change, plus
            # lines of their own: keep it (the roadmap's change is in). This is also what a
            # merge repeated after an interrupted build sees (FORMAT.md §5). Blank lines
            # alone are no change of the roadmap's to insist on.
            out.extend(mine_part)
        elif not any(e.lines for e in group):
            # Both sides only took lines out here (a blank line the learner's edit dropped,
            # an item the roadmap dropped): what either took out goes, nothing clashes.
            gone = {index for e in group for index in range(e.start, e.end)}
            out.extend(base[index] for index in range(start, end) if index not in gone)
        elif all(e.start == e.end for e in _side(group, 0)):
            # The learner only added lines, between lines the roadmap replaced (an own task
            # between two items the roadmap swapped for others): no line was changed by
            # both, so no conflict — the roadmap's lines, then the learner's, all kept.
            # Unless they would end the list above nested lines that follow (a fence, a
            # paragraph after a blank line) and the roadmap's lines start a top-level item:
            # then the learner's lines come first, where they were, and the sub-items stay
            # under their item (else `rejoin_nested_items` moves the lines past them).
            added = [line for e in _side(group, 0) for line in e.lines]
            following = base[end] if end < len(base) else after
            if new_part and not _indent_width(new_part[0]) and _ends_list(added, following):
                out.extend(added)
                out.extend(new_part)
            else:
                out.extend(new_part)
                out.extend(added)
        elif (dropped := _dropped_by_both(base, group, start, end)) is not None:
            # Both sides took the same items out, and the roadmap put other items in their
            # place (an item travelling with the learner's lines is put in where the
            # roadmap renders it): no line was changed by both, so no conflict.
            out.extend(dropped)
        else:
            conflicts += 1
            out.extend(_marked(base, group))
        position = max(position, end)
    out.extend(base[position:])
    return out, conflicts


def _dropped_by_both(base: list[str], group: list[_Edit], start: int, end: int) -> list[str] | None:
    """base[start:end] with both sides' changes, when the learner only took lines out and
    every line the roadmap replaced is an item line the learner took out too, whose block
    id the roadmap's lines do not carry (the item left: what stands there is no rewording
    of it). None otherwise. A note the learner saved back to an older rendering meets this
    when the roadmap goes back to that version too: both drop the items that version lacks."""
    mine, new = _side(group, 0), _side(group, 1)
    if any(edit.lines for edit in mine):
        return None
    gone = {index for edit in mine for index in range(edit.start, edit.end)}
    replaced = {index for edit in new if edit.lines for index in range(edit.start, edit.end)}
    if not replaced or not replaced <= gone:
        return None
    added = "".join(line for edit in new for line in edit.lines)
    for index in replaced:
        match = ITEM_LINE.match(base[index].rstrip("\r\n"))
        if match is None or f"^{match['id']}" in added:
            return None
    out: list[str] = []
    position = start
    for edit in sorted(new, key=lambda e: (e.start, e.end)):
        out.extend(base[index] for index in range(position, edit.start) if index not in gone)
        out.extend(edit.lines)
        position = max(position, edit.end)
    out.extend(base[index] for index in range(position, end) if index not in gone)
    return out


def _ends_list(added: list[str], following: str | None) -> bool:
    """Would `added`, written right above `following`, a nested (indented) line, end the
    list it belongs to? It does when a blank line in `added` is followed by a line less
    indented than `following` (a fence, a paragraph), or `added` ends with a blank line:
    `following` would then read as indented code or as text, no longer under its item."""
    if following is None or not following.strip():
        return False
    width = _indent_width(following)
    if not width:
        return False
    blank = False
    for line in added:
        if not line.strip():
            blank = True
        elif blank and _indent_width(line) < width:
            return True
    return blank


def _indent_width(line: str) -> int:
    """Columns of a line's leading blanks (a tab counts 4)."""
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].replace("\t", "    "))


def _side(group: list[_Edit], side: int) -> list[_Edit]:
    return [edit for edit in group if edit.side == side]


def _text_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


def _holds(mine: list[str], base: list[str], new: list[str]) -> bool:
    """Does `mine` hold all of `new` (in order), and beyond it only lines of its own (not
    base lines the roadmap dropped, which would bring them back)?"""
    rest = iter(mine)
    extra: list[str] = []
    for line in new:
        for candidate in rest:
            if candidate == line:
                break
            extra.append(candidate)
        else:
            return False
    extra.extend(rest)
    return not set(extra) & set(base)


def _inserted(group: list[_Edit]) -> list[str]:
    """The lines of edits that do not clash, learner's first. When both sides inserted at one
    point and one side's lines already hold the other's (in order), that side alone: the
    same lines are not written twice (which also makes a merge repeated after an
    interrupted build give the same note, FORMAT.md §5)."""
    mine = [line for e in sorted(group, key=lambda e: e.start) if e.side == 0 for line in e.lines]
    new = [line for e in sorted(group, key=lambda e: e.start) if e.side == 1 for line in e.lines]
    if mine and new and all(e.start == e.end for e in group):
        if _is_subsequence(new, mine):
            return mine
        if _is_subsequence(mine, new):
            return new
    return [line for e in sorted(group, key=lambda e: (e.start, e.side)) for line in e.lines]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(line in rest for line in short)


def _join_groups(groups: list[list[_Edit]]) -> list[list[_Edit]]:
    """Merge groups until no edit of one group clashes with an edit of another."""
    changed = True
    while changed:
        changed = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if any(_clash(a, b) for a in groups[i] for b in groups[j]):
                    groups[i].extend(groups.pop(j))
                    changed = True
                    break
            if changed:
                break
    return groups


def _apply(base: list[str], start: int, end: int, edits: Iterable[_Edit]) -> list[str]:
    """base[start:end] with `edits` (all inside that range, one side) applied."""
    out: list[str] = []
    position = start
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        out.extend(base[position : edit.start])
        out.extend(edit.lines)
        position = max(position, edit.end)
    out.extend(base[position:end])
    return out


def _marked(base: list[str], group: list[_Edit]) -> list[str]:
    start = min(e.start for e in group)
    end = max(e.end for e in group)
    mine = _apply(base, start, end, [e for e in group if e.side == 0])
    new = _apply(base, start, end, [e for e in group if e.side == 1])
    return marked_region(mine, new, "\n")


def merged_ids(base: str, mine: str, new: str, *, orphans: Collection[str] = ()) -> set[str]:
    """Ids whose line in the new rendering already holds the learner's state and wording
    (`align_items` merged them cleanly): another copy of the learner's line is stale."""
    base_items = {item.id: item for item in find_item_lines(base.split("\n"))}
    mine_items = {item.id: item for item in find_item_lines(mine.split("\n"), orphans=orphans)}
    merged = set()
    for item in find_item_lines(new.split("\n")):
        theirs, before = mine_items.get(item.id), base_items.get(item.id)
        if theirs is not None and (
            (theirs.mark, theirs.text) == (item.mark, item.text)
            or merge_item_text(before.text if before else None, theirs.text, item.text) is not None
        ):
            merged.add(item.id)
    return merged


def drop_stale_copies(body: str, merged: set[str]) -> tuple[str, int]:
    """Take out of a conflict's vault side the item lines of `merged` ids that also stand
    outside any conflict: the roadmap moved the item, and its line (with the learner's
    tick and wording, merged by `align_items`) is in its new place. Left in, the item
    would be twice in the note. A region left with equal sides is no conflict.
    Returns (body, conflicts)."""
    lines = body.split("\n")
    regions = conflict_regions(body)
    inside = {i for start, _mid, end in regions for i in range(start, end + 1)}
    items = find_item_lines(lines)
    placed = {item.id for item in items if item.index not in inside} & merged
    stale = {
        item.index
        for item in items
        for start, mid, _end in regions
        if start < item.index < mid and item.id in placed
    }
    if not stale:
        return body, len(regions)
    out: list[str] = []
    position = 0
    conflicts = 0
    for start, mid, end in regions:
        out.extend(lines[position:start])
        mine = [line for i, line in enumerate(lines[start + 1 : mid], start + 1) if i not in stale]
        new = lines[mid + 1 : end]
        if mine == new:
            out.extend(new)
        else:
            out.extend(marked_region(mine, new))
            conflicts += 1
        position = end + 1
    out.extend(lines[position:])
    return "\n".join(out), conflicts


def _in_layout(text: str, layout: Layout, orphans: Collection[str] = ()) -> str:
    lines = text.split("\n")
    return "\n".join(follow_layout(lines, find_item_lines(lines, orphans=orphans), layout))


def count_conflicts(text: str) -> int:
    """Conflict regions left in a note (our start marker, outside code)."""
    return len(conflict_starts(text))


def block_id_counts(text: str) -> Counter[str]:
    """How many times each of our block ids stands on an item line of `text`. A conflict
    region counts as the side with more: resolving it keeps one side."""
    lines = text.split("\n")
    side_of: dict[int, tuple[int, int]] = {}  # line → (region start, 0 vault / 1 roadmap)
    for start, mid, end in conflict_regions(text):
        side_of.update({i: (start, 0) for i in range(start + 1, mid)})
        side_of.update({i: (start, 1) for i in range(mid + 1, end)})
    plain: Counter[str] = Counter()
    sides: dict[tuple[int, int], Counter[str]] = {}
    for item in find_item_lines(lines):
        where = side_of.get(item.index)
        (plain if where is None else sides.setdefault(where, Counter()))[item.id] += 1
    by_region: dict[int, Counter[str]] = {}
    for (start, _side), counts in sides.items():
        by_region[start] = by_region.get(start, Counter()) | counts  # the larger side
    for counts in by_region.values():
        plain.update(counts)
    return plain


def repeated_block_ids(merged: str, mine: str | None) -> list[str]:
    """Block ids a merge wrote more often than once — more often than the learner's note
    already had them (their own copy-paste is theirs). The invariant checked before any
    merged note is written."""
    before = block_id_counts(mine or "")
    return sorted(
        item_id
        for item_id, count in block_id_counts(merged).items()
        if count > max(1, before[item_id])
    )


# --- one note ------------------------------------------------------------------------------


def merge_note(base: str | None, mine: str, new: str) -> MergeResult:
    """Merge the learner's note (`mine`) with the new rendering, given the last rendering.

    `base` is None when there is no record of what was generated (state lost, or a vault
    made by hand): then every line the learner has that the roadmap does not is kept, and
    item state is matched by block id (see `merge_without_base`).
    """
    if base is None:
        return merge_without_base(mine, new)
    if mine == base:
        return MergeResult(new)
    if mine == new:
        return MergeResult(mine)
    orphans = nested_orphans(base, mine)
    base_aligned, new_aligned = align_items(base, mine, new, orphans=orphans)
    layout = layout_of(find_item_lines(new_aligned.split("\n")))
    if differs(find_item_lines(base_aligned.split("\n")), layout):
        # The roadmap reordered or moved items: move the blocks of base and mine first, so
        # merge3 sees no move (docs/FORMAT.md §5b; vault/update/reorder.py).
        base_aligned, mine = _in_layout(base_aligned, layout), _in_layout(mine, layout, orphans)
    base_fm, base_body = split_front_matter(base_aligned)
    mine_fm, mine_body = split_front_matter(mine)
    new_fm, new_body = split_front_matter(new_aligned)
    front, remarks = merge_front_matter(base_fm, mine_fm, new_fm)
    body, conflicts = merge_texts(base_body, mine_body, new_body)
    body = rejoin_nested_items(body, new_body, mine_body)
    if conflicts:
        body, conflicts = drop_stale_copies(body, merged_ids(base, mine, new, orphans=orphans))
    elif differs(find_item_lines(body.split("\n")), layout):
        # An item moved under a parent the roadmap adds in this update: the parent was in
        # neither base nor mine, so the blocks could not be moved before the line merge.
        # It is in the merged text now; move them here, or the next merge of this text
        # would (a merge repeated after an interrupted build must change nothing).
        body = _in_layout(body, layout)
    result = MergeResult((front or "") + body, conflicts, remarks)
    if conflicts:
        result.notes.append(f"{conflicts} conflict(s): both you and the roadmap changed lines")
    return result


_INDENTED = (INDENTED_CODE, ATTACHED_INDENTED_CODE)


def rejoin_nested_items(text: str, new: str, mine: str = "") -> str:
    """`text` with the nested items the line merge cut off from their item put back under
    it: merge3 can place lines of the learner's (a fenced example, a paragraph, blank lines)
    after an item's run of lines and before nested items that follow, which then read as
    indented code (docs/SAFETY.md, docs/DIALECT.md) — counted by no one, and moved by the
    next merge. A nested item is cut off when its line stands in indented code with the
    indentation the new rendering (`new`) gives it and no other line of the note has its
    id (a learner's example is indented further, beside the real line). The learner's lines
    between the item above and the cut-off run then follow that run, as written; lines
    holding a heading or conflict markers (`obsidian.conflicts`, outside code) are never
    moved. Items the learner's note (`mine`)
    already had cut off are left as they are: that is how the learner wrote them."""
    if _ID_MARK not in text:
        return text
    rendered = {item.id: item.lead for item in find_item_lines(new.split("\n")) if item.lead}
    if _ID_MARK in mine:
        mine_code = read_blocks(mine).code
        for index, line in enumerate(mine.split("\n")):
            if mine_code[index] in _INDENTED and (match := ITEM_LINE.match(line)):
                rendered.pop(match["id"], None)
    if not rendered:
        return text
    lines = text.split("\n")
    for _ in range(len(lines)):
        code = read_blocks("\n".join(lines)).code
        items = find_item_lines(lines)
        placed = {item.id for item in items if code[item.index] not in _INDENTED}
        run = _cut_off_run(lines, code, rendered, placed)
        if run is None:
            break
        start, end = run
        above = [item for item in items if item.index < start and code[item.index] == 0]
        if not above:
            break
        parent = above[-1]
        keep = parent.index + 1
        while keep < start and lines[keep].strip() and not code[keep]:
            if _indent_width(lines[keep]) <= parent.width:
                break
            keep += 1
        between = lines[keep:start]
        if not between or any(
            not code[index] and (is_heading_line(lines[index]) or is_marker_line(lines[index]))
            for index in range(keep, start)
        ):
            break
        lines = [*lines[:keep], *lines[start:end], *between, *lines[end:]]
    return "\n".join(lines)


def _cut_off_run(
    lines: list[str], code: list[int], rendered: dict[str, str], placed: set[str]
) -> tuple[int, int] | None:
    """(start, end) of the first run of cut-off nested item lines (`rejoin_nested_items`),
    with the lines that follow it in the same indented block."""
    for index, line in enumerate(lines):
        if code[index] not in _INDENTED or _ID_MARK not in line:
            continue
        match = ITEM_LINE.match(line)
        if match is None or match["id"] in placed or rendered.get(match["id"]) != match["lead"]:
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip() and code[end] in _INDENTED:
            end += 1
        return index, end
    return None


def merge_without_base(mine: str, new: str) -> MergeResult:
    """No base: take the roadmap's text, the learner's item states, and keep every other
    line the learner has that the new rendering lacks, where it stood."""
    layout = layout_of(find_item_lines(new.split("\n")))
    if differs(find_item_lines(mine.split("\n")), layout):
        mine = _in_layout(mine, layout)
    mine_items = {item.id: item for item in find_item_lines(mine.split("\n"))}
    marks = {item_id: item.mark for item_id, item in mine_items.items() if item.mark is not None}
    new_marked = apply_marks(new, marks)
    # The learner's copy of an item line stands for the roadmap's copy of it.
    mine_lines = mine.split("\n")
    new_by_id = {item.id: item for item in find_item_lines(new_marked.split("\n"))}
    for item_id, item in mine_items.items():
        target = new_by_id.get(item_id)
        if target is not None:
            mine_lines[item.index] = target.render()
    mine_aligned = "\n".join(mine_lines)
    mine_fm, mine_body = split_front_matter(mine_aligned)
    new_fm, new_body = split_front_matter(new_marked)
    front, remarks = merge_front_matter(None, mine_fm, new_fm)
    common = _common_lines(mine_body, new_body)
    body, conflicts = merge_texts(common, mine_body, new_body)
    if conflicts:
        # Without a base every copy in `new_marked` took the learner's mark already.
        body, conflicts = drop_stale_copies(body, set(mine_items) & set(new_by_id))
    result = MergeResult((front or "") + body, conflicts, remarks)
    result.notes.append("no record of the last build: kept every line of yours")
    return result


def _common_lines(a: str, b: str) -> str:
    """The lines two texts share, in order (a stand-in base when the real one is lost)."""
    a_lines = a.splitlines(keepends=True)
    b_lines = b.splitlines(keepends=True)
    _ensure_final_newline(a_lines, b_lines)
    matcher = difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False)
    return "".join(
        line
        for block in matcher.get_matching_blocks()
        for line in a_lines[block.a : block.a + block.size]
    )
