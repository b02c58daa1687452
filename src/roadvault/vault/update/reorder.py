"""Items travel by block id: put a note's item blocks where the roadmap now has them.

merge3 aligns lines, so a roadmap that reorders items, or moves one under another parent,
looks to it like lines deleted in one place and inserted in another; a learner's line next
to a moved item then clashes with lines nobody changed, and the moved item's line can come
out twice. So before the line merge, the item blocks of *base* and *mine* are put in the
places *new* has them (same parent, same order): after that merge3 only sees what really
changed (docs/FORMAT.md §5b).

An item's block is its line and every line up to the next item at its level (the last of a
list: up to a blank line followed by text no deeper than the item, unless items nested under
it come after that text): the lines nested under it, the learner's own lines (an own task
written under it, a line continuing it, a fenced example) — they move with it. Items the new
rendering no longer has keep their place after the block they followed. A block moves to
another parent only within the note, and only when that parent is in the text too (or, for
a top-level item, when one of its new siblings is); its item lines are re-indented to the
new lead, the learner's lines are kept as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from roadvault.obsidian.blocks import is_heading_line
from roadvault.obsidian.items import CHECKBOX

__all__ = ["Layout", "differs", "follow_layout", "join_copies", "layout_of"]


class ItemLine(Protocol):
    """What this module needs of an item line (`vault.merge.ItemLine`)."""

    @property
    def index(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def lead(self) -> str: ...
    @property
    def width(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the items of a text are: order (first occurrence), parent, lead."""

    rank: dict[str, int]
    parent: dict[str, str | None]
    lead: dict[str, str]


def layout_of(items: Sequence[ItemLine]) -> Layout:
    rank: dict[str, int] = {}
    parent: dict[str, str | None] = {}
    lead: dict[str, str] = {}
    stack: list[ItemLine] = []
    for item in items:
        while stack and stack[-1].width >= item.width:
            stack.pop()
        if item.id not in rank:
            rank[item.id] = len(rank)
            parent[item.id] = stack[-1].id if stack else None
            lead[item.id] = item.lead
        stack.append(item)
    return Layout(rank, parent, lead)


def differs(items: Sequence[ItemLine], target: Layout) -> bool:
    """Do the items shared with `target` stand in another order, or under other parents?"""
    mine = layout_of(items)
    shared = [item_id for item_id in mine.rank if item_id in target.rank]
    if shared != sorted(shared, key=target.rank.__getitem__):
        return True
    return any(mine.parent[i] != target.parent[i] for i in shared)


def follow_layout(lines: Sequence[str], items: Sequence[ItemLine], target: Layout) -> list[str]:
    """`lines` with item blocks moved to `target`'s parents and order (see the module doc).
    `items` are the item lines of `lines`."""
    by_index = {item.index: item for item in items}
    if not by_index:
        return list(lines)
    root = _Block("", "", [])
    root.content = _parse(lines, 0, len(lines), by_index)
    blocks: dict[str, _Block] = {}
    _index(root, blocks)
    for item_id in sorted(blocks, key=lambda i: target.rank.get(i, -1)):
        if item_id in target.rank:
            _move(root, blocks, item_id, target)
    _sort(root, target.rank)
    return _lines(root)


def join_copies(
    lines: Sequence[str], items: Sequence[ItemLine], rank: Callable[[str | None], int]
) -> tuple[list[str], list[str]]:
    """One block per item: where the learner copy-pasted an item line, the first copy stays,
    with the most advanced checkbox (`rank` orders marks) and the lines under every copy
    after its own. Copies whose text differs beyond the checkbox are left alone (which
    wording is the learner's is not ours to pick). Returns (lines, ids joined)."""
    seen: dict[str, list[ItemLine]] = {}
    for item in items:
        seen.setdefault(item.id, []).append(item)
    repeated = {
        item_id
        for item_id, copies in seen.items()
        if len(copies) > 1 and len({_unmarked(lines[c.index]) for c in copies}) == 1
    }
    if not repeated:
        return list(lines), []
    by_index = {item.index: item for item in items}
    root = _Block("", "", [])
    root.content = _parse(lines, 0, len(lines), by_index)
    first: dict[str, _Block] = {}
    for block in _all_blocks(root):
        if block.id not in repeated:
            continue
        keep = first.setdefault(block.id, block)
        if keep is block:
            continue
        held = _holder(root, block)
        if held is None or _contains(block, keep):
            continue
        holder, run = held
        run.blocks.remove(block)
        if not run.blocks:
            holder.content.remove(run)
        mark = _mark_of(block.head[0])
        if rank(mark) > rank(_mark_of(keep.head[0])):
            keep.head = [_with_mark(keep.head[0], mark)]
        keep.content.extend(block.content)
    return _lines(root), sorted(first)


def _unmarked(line: str) -> str:
    return CHECKBOX.sub(r"\1", line, count=1).strip()


def _mark_of(line: str) -> str | None:
    match = CHECKBOX.match(line)
    return match.group(2) if match else None


def _with_mark(line: str, mark: str | None) -> str:
    if mark is None:
        return line
    return CHECKBOX.sub(lambda m: f"{m.group(1)}[{mark}] ", line, count=1)


def _all_blocks(block: _Block) -> list[_Block]:
    found = []
    for run in _runs(block):
        for child in run.blocks:
            found.append(child)
            found.extend(_all_blocks(child))
    return found


# --- the tree of blocks ----------------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    blocks: list[_Block]


@dataclass(slots=True)
class _Block:
    id: str
    lead: str
    head: list[str]  # the item line ([] for the root)
    content: list[str | _Run] = field(default_factory=list)


def _width(line: str) -> int:
    stripped = line.lstrip(" \t>")
    return len(line[: len(line) - len(stripped)].replace("\t", "    "))


def _block_end(
    lines: Sequence[str], start: int, stop: int, item: ItemLine, by_index: Mapping[int, ItemLine]
) -> int:
    """Exclusive end of the block `item` starts at `start`.

    Up to the next item at its level: every line between stays with the item (a lazy
    continuation, an own task, a fenced example after a blank line) — base and mine must
    split into the same blocks whatever the learner wrote between two items, or a move
    applied to one and not the other would read as an edit. The last item of a run ends
    at its nested lines: a blank line then text no deeper than the item is what follows
    the list, not part of it — unless items nested under it come after that text (the
    learner wrote between the item and its sub-items: they are still its own, as for
    `layout_of`); a heading or an item further out ends it too."""
    index = start + 1
    while index < stop:
        other = by_index.get(index)
        if is_heading_line(lines[index]) or (other is not None and other.width <= item.width):
            break
        index += 1
    sibling = by_index.get(index) if index < stop else None
    if sibling is not None and sibling.width == item.width:
        return index
    end = start + 1
    while end < index:
        if not lines[end].strip():
            after = next((k for k in range(end + 1, index) if lines[k].strip()), None)
            if after is None:
                break
            if _width(lines[after]) <= item.width and not any(
                k in by_index for k in range(after, index)
            ):
                break
            end = after
            continue
        end += 1
    return end


def _parse(
    lines: Sequence[str], start: int, stop: int, by_index: Mapping[int, ItemLine]
) -> list[str | _Run]:
    content: list[str | _Run] = []
    index = start
    while index < stop:
        first = by_index.get(index)
        if first is None:
            content.append(lines[index])
            index += 1
            continue
        run = _Run([])
        while index < stop:
            item = by_index.get(index)
            if item is None or item.width != first.width:
                break
            end = _block_end(lines, index, stop, item, by_index)
            block = _Block(item.id, item.lead, [lines[index]])
            block.content = _parse(lines, index + 1, end, by_index)
            run.blocks.append(block)
            index = end
        content.append(run)
    return content


def _runs(block: _Block) -> list[_Run]:
    return [part for part in block.content if isinstance(part, _Run)]


def _index(block: _Block, found: dict[str, _Block]) -> None:
    for run in _runs(block):
        for child in run.blocks:
            found.setdefault(child.id, child)
            _index(child, found)


def _holder(root: _Block, target: _Block) -> tuple[_Block, _Run] | None:
    """The block and run that hold `target`."""
    stack = [root]
    while stack:
        block = stack.pop()
        for run in _runs(block):
            if any(child is target for child in run.blocks):
                return block, run
            stack.extend(run.blocks)
    return None


def _contains(block: _Block, target: _Block) -> bool:
    return any(
        child is target or _contains(child, target) for run in _runs(block) for child in run.blocks
    )


def _move(root: _Block, blocks: dict[str, _Block], item_id: str, target: Layout) -> None:
    """Move the block of `item_id` under its new parent, next to its new siblings."""
    block = blocks[item_id]
    held = _holder(root, block)
    if held is None:
        return
    parent_id = target.parent.get(item_id)
    holder, run = held
    in_place = holder.id == (parent_id or "")
    if in_place and block.lead == target.lead.get(item_id, block.lead):
        return
    siblings = [
        blocks[other]
        for other, its_parent in target.parent.items()
        if its_parent == parent_id and other != item_id and other in blocks
    ]
    destination: _Run | None = None
    for sibling in siblings:
        found = _holder(root, sibling)
        if found is not None and found[0].id == (parent_id or ""):
            destination = found[1]
            break
    if in_place:
        # Under its parent already, but apart from its siblings at another indentation: a
        # nested item left after the learner's lines once its parent line moved out (it
        # read as the first of a run of its own). Join the siblings; else leave it.
        if destination is None or destination is run:
            return
        _move_block(block, run, holder, destination, target.lead[item_id])
        return
    new_parent = blocks.get(parent_id) if parent_id else None
    if destination is None and new_parent is not None:
        destination = _Run([])
        new_parent.content.insert(0, destination)  # sub-items first, right under the item
    if destination is None or (new_parent is not None and _contains(block, new_parent)):
        return
    _move_block(block, run, holder, destination, target.lead[item_id])


def _move_block(block: _Block, run: _Run, holder: _Block, destination: _Run, lead: str) -> None:
    """Take `block` out of `run` (and the emptied run out of `holder`) into `destination`,
    indented to `lead`."""
    run.blocks.remove(block)
    if not run.blocks:
        holder.content.remove(run)
    _reindent(block, block.lead, lead)
    destination.blocks.append(block)


def _reindent(block: _Block, old: str, new: str) -> None:
    if old == new:
        return

    def shift(line: str) -> str:
        return new + line[len(old) :] if line.startswith(old) else line

    block.head = [shift(line) for line in block.head]
    block.lead = new + block.lead[len(old) :] if block.lead.startswith(old) else block.lead
    # Only item lines: the learner's lines stay byte for byte (still under the item when
    # it moved up; when it moved deeper, Markdown may read them one level out).
    for run in _runs(block):
        for child in run.blocks:
            _reindent(child, old, new)


def _sort(block: _Block, rank: Mapping[str, int]) -> None:
    """Siblings in rank order; a block without a rank stays after the one before it."""
    for run in _runs(block):
        groups: list[tuple[int, list[_Block]]] = []
        for child in run.blocks:
            if child.id in rank or not groups:
                groups.append((rank.get(child.id, -1), [child]))
            else:
                groups[-1][1].append(child)
        groups.sort(key=lambda group: group[0])
        run.blocks = [child for _, members in groups for child in members]
        for child in run.blocks:
            _sort(child, rank)


def _lines(block: _Block) -> list[str]:
    out = list(block.head)
    for part in block.content:
        if isinstance(part, str):
            out.append(part)
        else:
            for child in part.blocks:
                out.extend(_lines(child))
    return out
