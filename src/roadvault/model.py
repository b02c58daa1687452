"""The roadmap model shared by every stage: parse → render → merge → progress.

`to_json`/`from_json` give the contract of `roadvault parse --json` (docs/MODEL.md); the
same JSON is what `.roadvault/roadmaps/<slug>.json` stores for the next regeneration.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    SKIPPED = "skipped"

    @classmethod
    def from_marker(cls, marker: str) -> Status:
        """The status of a checkbox character: `x`/`X` done, `/` doing, `-` skipped,
        anything else (space, `>`, `?`, …) todo — as Obsidian Tasks treats unknown symbols."""
        return _STATUS_OF_MARKER.get(marker, cls.TODO)

    @property
    def marker(self) -> str:
        """The canonical checkbox character for this status."""
        return _MARKER_OF_STATUS[self]


_STATUS_OF_MARKER = {
    " ": Status.TODO,
    "x": Status.DONE,
    "X": Status.DONE,
    "/": Status.DOING,
    "-": Status.SKIPPED,
}
KNOWN_MARKERS = tuple(_STATUS_OF_MARKER)  # every other checkbox character reads as todo
_MARKER_OF_STATUS = {
    Status.TODO: " ",
    Status.DOING: "/",
    Status.DONE: "x",
    Status.SKIPPED: "-",
}


@dataclass(slots=True)
class Resource:
    """A link or reference that belongs to a topic (not a checkbox)."""

    text: str
    url: str | None = None

    def __post_init__(self) -> None:
        if not self.url:
            self.url = None  # "[Name]()" links nowhere: the same as no link

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "url": self.url}


@dataclass(slots=True)
class Node:
    """One item of the roadmap. A node without children is a leaf: one checkbox."""

    title: str
    id: str = ""
    status: Status = Status.TODO
    # The checkbox character as written when it is not the canonical one for `status`
    # (e.g. ">" or "?"); None when canonical or when the item was not a task.
    marker: str | None = None
    duration: str | None = None
    planned_days: tuple[float, float] | None = None
    resources: list[Resource] = field(default_factory=list)
    notes: str = ""
    children: list[Node] = field(default_factory=list)
    line: int | None = None  # 1-based line in the roadmap source, for messages

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def checkbox(self) -> str:
        """The character to put between the brackets when rendering this node."""
        return self.marker if self.marker is not None else self.status.marker

    def walk(self) -> Iterator[Node]:
        """This node and all below it, depth first, in roadmap order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> list[Node]:
        return [node for node in self.walk() if node.is_leaf]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "status": self.status.value,
            "duration": self.duration,
            "planned_days": list(self.planned_days) if self.planned_days else None,
            "resources": [res.to_json() for res in self.resources],
            "notes": self.notes,
            "children": [child.to_json() for child in self.children],
        }
        if self.marker is not None:
            data["marker"] = self.marker
        if self.line is not None:
            data["line"] = self.line
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Node:
        planned = data.get("planned_days")
        return cls(
            title=data["title"],
            id=data.get("id", ""),
            status=Status(data.get("status", "todo")),
            marker=data.get("marker"),
            duration=data.get("duration"),
            planned_days=(planned[0], planned[1]) if planned else None,
            resources=[Resource(r["text"], r.get("url")) for r in data.get("resources", [])],
            notes=data.get("notes", ""),
            children=[cls.from_json(child) for child in data.get("children", [])],
            line=data.get("line"),
        )


@dataclass(slots=True)
class Roadmap:
    """A parsed roadmap: its title, where it came from, and its top-level nodes (phases)."""

    title: str
    source: str
    nodes: list[Node] = field(default_factory=list)
    # Text between the title and the first phase (an introduction), kept for the roadmap note.
    notes: str = ""

    def walk(self) -> Iterator[Node]:
        for node in self.nodes:
            yield from node.walk()

    def leaves(self) -> list[Node]:
        return [node for node in self.walk() if node.is_leaf]

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": self.source,
            "notes": self.notes,
            "nodes": [node.to_json() for node in self.nodes],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Roadmap:
        return cls(
            title=data["title"],
            source=data.get("source", ""),
            notes=data.get("notes", ""),
            nodes=[Node.from_json(node) for node in data.get("nodes", [])],
        )


@dataclass(frozen=True, slots=True)
class Task:
    """A checkbox line found in a note by the scanner (obsidian/blocks.py)."""

    line: int  # 0-based index of the line in the note text (LF-split)
    col: int  # index in that line of the status character between the brackets
    depth: int  # nesting level among list items (0 = top level of its list)
    marker: str  # the status character as written (" ", "x", "/", "-", ">", …)
    block_id: str | None  # "rv-3k9x2a" without the caret, when the line ends with one
    text: str  # the item's text without bullet, checkbox and block id
    parent: int | None = None  # index in the same task list of the enclosing task, if any

    @property
    def status(self) -> Status:
        return Status.from_marker(self.marker)
