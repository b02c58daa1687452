"""Conflict regions: the markers a three-way merge writes where both sides changed lines.

roadvault writes exactly these three lines, at the start of a line (docs/FORMAT.md §2):

    <<<<<<< vault
    (the learner's lines)
    =======
    (the roadmap's lines)
    >>>>>>> roadmap

A region is found by its exact start label, outside code: a learner's fenced git example
holding `<<<<<<< HEAD` (or even `<<<<<<< vault`) is their text, not a conflict, and must not
stop the note's updates, nor be reported by doctor.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadvault.obsidian.blocks import read_blocks

__all__ = [
    "CONFLICT_END",
    "CONFLICT_MID",
    "CONFLICT_START",
    "conflict_regions",
    "conflict_starts",
    "is_marker_line",
    "marked_region",
    "regions_at",
    "roadmap_side_lines",
]

CONFLICT_START = "<<<<<<< vault"
CONFLICT_MID = "======="
CONFLICT_END = ">>>>>>> roadmap"


def marked_region(mine: Sequence[str], new: Sequence[str], end: str = "") -> list[str]:
    """The lines of one conflict region: the learner's side, then the roadmap's. `end` is
    the line end the marker lines carry (the sides' lines keep their own)."""
    return [CONFLICT_START + end, *mine, CONFLICT_MID + end, *new, CONFLICT_END + end]


def is_marker_line(line: str) -> bool:
    """Is `line` one of the three marker lines roadvault writes (trailing blanks aside)?
    Only the exact labels: `<<<<<<< HEAD` is a learner's text. Whether the line is in code
    is the caller's question (it has the note's blocks)."""
    return line.rstrip(" \t") in (CONFLICT_START, CONFLICT_MID, CONFLICT_END)


def conflict_starts(text: str) -> list[int]:
    """0-based indexes of the lines that start a conflict region, outside code."""
    if CONFLICT_START not in text:
        return []
    lines, code, _tasks = read_blocks(text)
    return _starts(lines, code)


def _starts(lines: Sequence[str], code: Sequence[int]) -> list[int]:
    return [
        index
        for index, line in enumerate(lines)
        if not code[index] and line.rstrip(" \t") == CONFLICT_START
    ]


def regions_at(
    lines: Sequence[str], starts: Sequence[int], code: Sequence[int] = ()
) -> list[tuple[int, int, int]]:
    """(start, mid, end) 0-based line indexes of each complete region opening at `starts`;
    marker lines inside code (`code`, per line) are the learner's text, not ours."""
    found = []
    for start in starts:
        mid = None
        for index in range(start + 1, len(lines)):
            if code and code[index]:
                continue
            stripped = lines[index].rstrip(" \t")
            if stripped == CONFLICT_MID and mid is None:
                mid = index
            elif stripped == CONFLICT_END and mid is not None:
                found.append((start, mid, index))
                break
    return found


def conflict_regions(text: str) -> list[tuple[int, int, int]]:
    """(start, mid, end) 0-based line indexes of each conflict region, outside code."""
    if CONFLICT_START not in text:
        return []
    lines, code, _tasks = read_blocks(text)  # its lines: line ends normalised, as indexed
    return regions_at(lines, _starts(lines, code), code)


def roadmap_side_lines(text: str) -> set[int]:
    """0-based indexes of the lines on the roadmap's side of a conflict (`=======` to
    `>>>>>>> roadmap`, markers included): the roadmap's proposal, not yet in the note.
    An item on both sides is one item: the checks and progress count the learner's side."""
    return {i for _start, mid, end in conflict_regions(text) for i in range(mid, end + 1)}
