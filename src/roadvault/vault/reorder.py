"""Items travel by block id: put a note's item blocks in the roadmap's new order.

merge3 aligns lines, so a roadmap that reorders items looks to it like lines deleted in one
place and inserted in another; a learner's line next to a moved item then clashes with
lines nobody changed, and the moved item's line can come out twice. So before the line
merge, the item blocks of *base* and *mine* are sorted into the order *new* has them in:
after that merge3 only sees what really changed (docs/FORMAT.md §5).

An item's block is its line, the lines nested under it (deeper, also after a blank line)
and the learner's own lines at its level up to the next item (an own task written under
it, or a line continuing it) — they move with it. Items the new rendering no longer has
keep their place after the block they followed. Blocks are only sorted among siblings: an
item that changes parent inside a note is left to the line merge.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

__all__ = ["follow_order", "order_differs"]


class ItemLine(Protocol):
    """What this module needs of an item line (`vault.merge.ItemLine`)."""

    @property
    def index(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def width(self) -> int: ...


def order_differs(items: Sequence[ItemLine], rank: Mapping[str, int]) -> bool:
    """Do the ids of `items` that `rank` has stand in another order than `rank`'s?"""
    shared = [item.id for item in items if item.id in rank]
    return shared != sorted(shared, key=rank.__getitem__)


def follow_order(
    lines: Sequence[str], items: Sequence[ItemLine], rank: Mapping[str, int]
) -> list[str]:
    """`lines` with sibling item blocks sorted by `rank` (stable; see the module doc).
    `items` are the item lines of `lines`."""
    by_index = {item.index: item for item in items}
    if len(by_index) < 2:
        return list(lines)
    return _reorder(lines, 0, len(lines), by_index, rank)


def _width(line: str) -> int:
    stripped = line.lstrip(" \t>")
    return len(line[: len(line) - len(stripped)].replace("\t", "    "))


def _is_heading(line: str) -> bool:
    return line.lstrip(" ").startswith("#") and line.lstrip(" #")[:1] in (" ", "")


def _block_end(
    lines: Sequence[str], start: int, stop: int, item: ItemLine, by_index: Mapping[int, ItemLine]
) -> int:
    """Exclusive end of the block `item` starts at `start` (see the module doc)."""
    index = start + 1
    while index < stop:
        line = lines[index]
        if not line.strip():
            # A blank line belongs to the block only when deeper lines follow it.
            after = next((k for k in range(index + 1, stop) if lines[k].strip()), None)
            if after is None or _is_heading(lines[after]) or _width(lines[after]) <= item.width:
                break
            index = after
            continue
        # Any other line up to the next sibling stays with this item, even a shallower one:
        # base and mine must split into the same blocks, or a reorder applied to one and
        # not the other would read as an edit (a lazy continuation, an own task).
        other = by_index.get(index)
        if _is_heading(line) or (other is not None and other.width <= item.width):
            break
        index += 1
    return index


def _reorder(
    lines: Sequence[str],
    start: int,
    stop: int,
    by_index: Mapping[int, ItemLine],
    rank: Mapping[str, int],
) -> list[str]:
    out: list[str] = []
    index = start
    while index < stop:
        first = by_index.get(index)
        if first is None:
            out.append(lines[index])
            index += 1
            continue
        blocks: list[tuple[str, list[str]]] = []
        while index < stop:
            item = by_index.get(index)
            if item is None or item.width != first.width:
                break
            end = _block_end(lines, index, stop, item, by_index)
            # Blank lines between two siblings (a loose list) stay with the one before.
            after = end
            while after < stop and not lines[after].strip():
                after += 1
            sibling = by_index.get(after)
            if after > end and sibling is not None and sibling.width == first.width:
                end = after
            blocks.append(
                (item.id, [lines[index], *_reorder(lines, index + 1, end, by_index, rank)])
            )
            index = end
        out.extend(_sorted_blocks(blocks, rank))
    return out


def _sorted_blocks(blocks: list[tuple[str, list[str]]], rank: Mapping[str, int]) -> list[str]:
    """Sibling blocks in rank order; a block without a rank stays after the one before it."""
    groups: list[tuple[int, list[str]]] = []
    for item_id, lines in blocks:
        if item_id in rank or not groups:
            groups.append((rank.get(item_id, -1), list(lines)))
        else:
            groups[-1][1].extend(lines)
    groups.sort(key=lambda group: group[0])
    return [line for _, lines in groups for line in lines]
