"""Stable node ids: the same roadmap gives the same ids on every run, on every machine.

`rv-` + 6 lowercase base-36 characters of a SHA-1 over the roadmap title and the node's path
of normalised titles (casefolded, whitespace collapsed), each with its occurrence index among
same-titled siblings so duplicates differ. On the rare collision with an id already given,
the hash is taken again with a counter. Ids match ``^rv-[a-z0-9]+$`` (Obsidian block ids allow
letters, digits and dashes).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator

from roadvault.model import Node, Roadmap
from roadvault.parse.titles import without_kind_label, without_numbering

ID_PREFIX = "rv-"
ID_LENGTH = 6
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
_SPACE = 36**ID_LENGTH


def normalise_title(title: str) -> str:
    return " ".join(title.casefold().split())


def _base36(value: int) -> str:
    chars = []
    for _ in range(ID_LENGTH):
        value, digit = divmod(value, 36)
        chars.append(_ALPHABET[digit])
    return "".join(reversed(chars))


def node_id(roadmap_title: str, path: list[tuple[str, int]], attempt: int = 0) -> str:
    """The id of the node at `path` ((normalised title, occurrence) from the top)."""
    key = "\x1f".join(
        [
            normalise_title(roadmap_title),
            *(f"{title}\x1e{occurrence}" for title, occurrence in path),
        ]
    )
    if attempt:
        key += f"\x1d{attempt}"
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return ID_PREFIX + _base36(int.from_bytes(digest[:8], "big") % _SPACE)


_AFTER_SLOT_RE = re.compile(r"^\s*(?:[:：|–—-])\s*(?P<rest>\S.*)$", re.S)


# "Phase 1 Foundations": titles kept this ordinal since it is no longer cut without a
# separator; ids are still made without it.
_BARE_ORDINAL_RE = re.compile(
    r"^(?:phase|stage|step|part|module|level|unit|chapter|section|milestone|lesson|tier"
    r"|sprint|track|round|session|topic|period|block|task|exercise|project)\s*"
    r"(?:\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,6}\b|[a-h]\b|one|two|three|four|five|six|seven|eight"
    r"|nine|ten)\s+(?=[A-Z0-9\"“'(])",
    re.I,
)


def _without_full_stop(title: str) -> str:
    return title[:-1].rstrip() if title.endswith(".") and not title.endswith("..") else title


def _id_title(node: Node) -> str:
    """The title an id is made from: without a leading slot that is also the node's duration
    ("Week 1: Basics" → "Basics") or a bare ordinal ("Phase 1 Foundations" → "Foundations"),
    so ids stay what they were when titles dropped those."""
    duration = node.duration or ""
    if duration and node.title.casefold().startswith(duration.casefold()):
        match = _AFTER_SLOT_RE.match(node.title[len(duration) :])
        if match:
            return match["rest"]
    # ids were made when titles lost a sentence's full stop: they still are made without it
    # and without the author's number: titles had it cut when ids were first made
    title = without_kind_label(_without_full_stop(without_numbering(node.title)))
    bare = _BARE_ORDINAL_RE.sub("", title, count=1)
    return bare if bare.strip() else title


def _paths(nodes: list[Node]) -> Iterator[tuple[list[tuple[str, int]], Node]]:
    """(path, node) for every node, depth first in roadmap order, without recursion (deep
    roadmaps must not hit Python's recursion limit)."""
    stack: list[tuple[list[tuple[str, int]], list[Node], int, Counter[str]]] = [
        ([], nodes, 0, Counter())
    ]
    while stack:
        prefix, siblings, index, seen = stack[-1]
        if index == len(siblings):
            stack.pop()
            continue
        stack[-1] = (prefix, siblings, index + 1, seen)
        node = siblings[index]
        title = normalise_title(_id_title(node))
        path = [*prefix, (title, seen[title])]
        seen[title] += 1
        yield path, node
        if node.children:
            stack.append((path, node.children, 0, Counter()))


def assign_ids(roadmap: Roadmap) -> None:
    """Give every node of `roadmap` its stable id (in place)."""
    taken: set[str] = set()
    for path, node in _paths(roadmap.nodes):
        attempt = 0
        candidate = node_id(roadmap.title, path)
        while candidate in taken:
            attempt += 1
            candidate = node_id(roadmap.title, path, attempt)
        taken.add(candidate)
        node.id = candidate
