"""Roadmaps drawn as boxes and arrows in plain text (a chat answer asked for "a graph in the
terminal"): each box is a step, read top to bottom and left to right.

Pure: text → the same text with each drawing replaced, where it stands, by a list of its
boxes' labels (padded to the drawing's line count, so later lines keep their numbers).
"""

from __future__ import annotations

import re

from roadvault.parse.rules import fired, rule

_DRAWING_CHARS = set("┌┐└┘│─├┤┬┴┼▼▲►◄→←↓↑╔╗╚╝║═+|-v^ \t")
_CONTENT_RE = re.compile(r"[│║|]([^│║|\n]*)(?=[│║|])")
MIN_BOXES = 3


def _is_drawing_line(line: str) -> bool:
    return bool(line.strip()) and all(char in _DRAWING_CHARS for char in line)


def _in_drawing(line: str) -> bool:
    """A line of the drawing: only drawing characters, or box walls around a label."""
    return _is_drawing_line(line) or line.strip().startswith(("│", "║"))


def _near(columns: dict[int, list[list[str]]], position: int) -> int | None:
    column = min(columns, key=lambda col: abs(col - position), default=None)
    return column if column is not None and abs(column - position) <= 2 else None


def _boxes(lines: list[str]) -> list[list[str]]:
    """The boxes in `lines`, in the order their bottoms close: each its label, then the
    labels of the compartments "├──┤" lines divide it (or the box above it) into."""
    open_boxes: dict[int, list[list[str]]] = {}
    chained: set[int] = set()  # boxes opened by "├" below a closed box: its compartments
    boxes: list[list[str]] = []

    def close(column: int) -> None:
        parts = [" ".join(" ".join(p).split()) for p in open_boxes.pop(column)]
        parts = [part for part in parts if part]
        if column in chained:
            chained.discard(column)
            if boxes:
                boxes[-1].extend(parts)
        elif parts:
            boxes.append(parts)

    for line in lines:
        for match in re.finditer(r"[┌╔]", line):
            open_boxes[match.start()] = [[]]
        for match in re.finditer(r"[├╠]", line):
            column = _near(open_boxes, match.start())
            if column is not None and column not in chained:
                open_boxes[column].append([])
                continue
            if column is not None:
                close(column)
            open_boxes[match.start()] = [[]]
            chained.add(match.start())
        for match in _CONTENT_RE.finditer(line):
            column = _near(open_boxes, match.start())
            if column is not None and match.group(1).strip():
                open_boxes[column][-1].append(match.group(1).strip())
        for match in re.finditer(r"[└╚]", line):
            column = _near(open_boxes, match.start())
            if column is not None:
                close(column)
    return boxes


@rule("box-diagram")
def inline_box_diagrams(text: str) -> str:
    """A plan drawn as boxes joined by arrows (┌──┐ │ Statistics │ └──┘ ▼ …) is a list of
    its boxes' labels, where the drawing stands (a box divided by ├──┤ lines holds its
    compartments as sub-items); a drawing of fewer than three boxes is left as it is."""
    if "┌" not in text and "╔" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        if "┌" not in lines[index] and "╔" not in lines[index]:
            out.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and (_in_drawing(lines[end]) or not lines[end].strip()):
            end += 1
        boxes = _boxes(lines[index:end])
        if len(boxes) < MIN_BOXES:
            out.extend(lines[index:end] if end > index else [lines[index]])
            index = max(end, index + 1)
            continue
        fired("box-diagram", index + 1, "item", f"{len(boxes)} boxes")
        items = [""]
        for label, *compartments in boxes:
            items.append(f"- {label}")
            items.extend(f"  - {part}" for part in compartments)
        items.append("")
        out.extend(items + [""] * max(0, end - index - len(items)))
        index = end
    return "\n".join(out)
