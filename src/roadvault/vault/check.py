"""Checks over a vault's files, as {relpath: text} (pure): links resolve, block ids are
unique, properties parse, names are safe and unique, canvases are valid JSON Canvas 1.0.

Used by the build (verify before writing), `roadvault doctor`, and the tests. Each check
returns `Problem`s; an empty list means clean.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from roadvault.errors import InputError
from roadvault.obsidian.blocks import NoteBlocks, read_blocks, scan_tasks
from roadvault.obsidian.blocks import content_lines as _content_lines
from roadvault.obsidian.conflicts import (
    CONFLICT_END,
    CONFLICT_START,
    conflict_starts,
    roadmap_side_lines,
)
from roadvault.obsidian.frontmatter import front_matter_span, read_properties, split_front_matter
from roadvault.obsidian.ids import block_ids_in, is_roadvault_id, trailing_block_id
from roadvault.obsidian.links import WIKILINK, Link, parse_link, wikilinks_in
from roadvault.vault.frontmatter import REQUIRED_KEYS
from roadvault.vault.render.names import MAX_FOLDER_CHARS, MAX_NAME_CHARS, is_safe_name, name_key
from roadvault.vaultformat import NOTE_EXT, is_hidden_relpath

_NEWLINE = re.compile("\n")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TAG = re.compile(r"^[^\s#,]*[^\s#,\d/][^\s#,]*$")
_CANVAS_COLOR = re.compile(r"^(?:[1-6]|#[0-9A-Fa-f]{6})$")
_SIDES = {"top", "right", "bottom", "left"}
_ENDS = {"none", "arrow"}
_NODE_TYPES = {"text", "file", "link", "group"}


@dataclass(frozen=True, slots=True)
class Problem:
    relpath: str
    line: int | None  # 1-based, when it points at a line
    kind: str  # "link" | "block" | "properties" | "name" | "canvas" | "conflict"
    message: str

    def __str__(self) -> str:
        where = f"{self.relpath}:{self.line}" if self.line else self.relpath
        return f"{where}: {self.message}"


# --- reading Markdown the way Obsidian does (enough for links, ids and tasks) ----------------


# The checks read each note several times (links, block ids, headings): its block structure
# is read once. The results are only read, never changed.
_read_blocks = functools.lru_cache(maxsize=256)(read_blocks)


def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of the lines that are Markdown content (not front
    matter, code, comments or HTML: `obsidian.blocks`), with inline code spans blanked
    out: the lines where links, block ids and headings can live."""
    return _content_lines(_read_blocks(text))


def _codeless_body(text: str, blocks: NoteBlocks) -> tuple[int, str] | None:
    """(lines before the body, body) when no line of the body is code and none has a
    backtick: then one regex pass over the body will do (the common case, and what keeps
    checking a 1,000-note build cheap)."""
    _head, body = split_front_matter(text)
    if "`" in body or "\r" in text or text.startswith("\ufeff"):
        return None
    first = front_matter_span(text)
    if any(blocks.code[first:]):
        return None
    return first, body


def _line_numbers(body: str, offset: int) -> Callable[[int], int]:
    starts = [0, *(match.end() for match in _NEWLINE.finditer(body))]
    return lambda position: offset + bisect.bisect_right(starts, position)


def find_links(text: str) -> list[Link]:
    """Every wikilink and embed in the note body."""
    if "[[" not in text:
        return []
    blocks = _read_blocks(text)
    codeless = _codeless_body(text, blocks)
    if codeless is not None:
        offset, body = codeless
        line_of = _line_numbers(body, offset)
        return [
            parse_link(match.group(2), line_of(match.start()), embed=bool(match.group(1)))
            for match in WIKILINK.finditer(body)
        ]
    return [link for number, line in _content_lines(blocks) for link in wikilinks_in(line, number)]


def front_matter_links(text: str) -> list[Link]:
    """Wikilinks written in the front matter (Obsidian reads links in property values),
    found in its text: no YAML load needed, and a broken block still gets its links read."""
    head, _ = split_front_matter(text)
    if "[[" not in head:
        return []
    return [
        parse_link(match.group(2), number, embed=False)
        for number, line in enumerate(head.split("\n"), 1)
        for match in WIKILINK.finditer(line)
    ]


def canvas_links(text: str) -> list[Link]:
    """Wikilinks inside the text cards of a canvas (line = 1: a canvas has no lines)."""
    try:
        nodes = json.loads(text).get("nodes", [])
    except (json.JSONDecodeError, AttributeError):
        return []  # reported by check_canvases
    links = []
    for node in nodes if isinstance(nodes, list) else []:
        if isinstance(node, dict) and node.get("type") == "text":
            links += wikilinks_in(str(node.get("text", "")))
    return links


def find_block_ids(text: str) -> list[tuple[int, str]]:
    """(line, id) of every block id (`^id` at the end of a line) in the note body."""
    if "^" not in text:
        return []
    blocks = _read_blocks(text)
    codeless = _codeless_body(text, blocks)
    if codeless is not None:
        offset, body = codeless
        line_of = _line_numbers(body, offset)
        return [(line_of(m.start(1)), m.group(1)) for m in block_ids_in(body)]
    found = []
    for number, line in _content_lines(blocks):
        block_id = trailing_block_id(line) if "^" in line else None
        if block_id is not None:
            found.append((number, block_id))
    return found


def find_headings(text: str) -> list[str]:
    return [m.group(2) for _, line in content_lines(text) if (m := _HEADING.match(line))]


def find_tasks(text: str) -> list[tuple[int, str]]:
    """(1-based line, status character) of every task (`obsidian.blocks`)."""
    return [(task.line + 1, task.marker) for task in scan_tasks(text)]


def find_conflict_markers(text: str) -> list[int]:
    """1-based lines that start a conflict region left by a merge (outside code)."""
    return [index + 1 for index in conflict_starts(text)]


# --- resolving links -------------------------------------------------------------------------


class LinkIndex:
    """Resolves link targets against the vault's files the way Obsidian does: a bare name
    finds a note anywhere (`.md` optional, other extensions required), a path starts at
    the vault root. Case-sensitive on purpose: a generated link must match exactly."""

    def __init__(self, relpaths: Iterable[str]) -> None:
        self.paths = set(relpaths)
        self.by_name: dict[str, list[str]] = defaultdict(list)
        for relpath in sorted(self.paths):
            self.by_name[PurePosixPath(relpath).name].append(relpath)

    def resolve(self, target: str, source: str) -> str | None:
        if not target:
            return source  # [[#^id]]: the same note
        candidates = [target, target + NOTE_EXT]
        for candidate in candidates:
            if candidate in self.paths:
                return candidate
        name = PurePosixPath(target).name
        for candidate in (name + NOTE_EXT, name):
            for relpath in self.by_name.get(candidate, []):
                if relpath.endswith(("/" + target, "/" + target + NOTE_EXT)):
                    return relpath
        return None


def check_links(files: Mapping[str, str], *, authored_targets: Iterable[str] = ()) -> list[Problem]:
    """Every wikilink (body and properties) must resolve, and a `#^id` / `#Heading` must
    exist in its target. Targets in `authored_targets` (links the roadmap itself wrote,
    like `[[Langchain]]`) may point nowhere: Obsidian shows them as notes to create."""
    index = LinkIndex(files)
    allowed = set(authored_targets)
    blocks: dict[str, set[str]] = {}
    headings: dict[str, set[str]] = {}
    problems: list[Problem] = []
    for relpath, text in files.items():
        if relpath.endswith(".canvas"):
            links = canvas_links(text)
        elif relpath.endswith(NOTE_EXT):
            links = find_links(text) + front_matter_links(text)
        else:
            continue
        for link in links:
            problem = _check_link(link, relpath, files, index, blocks, headings, allowed)
            if problem:
                problems.append(Problem(relpath, link.line, "link", problem))
    return problems


def _check_link(
    link: Link,
    relpath: str,
    files: Mapping[str, str],
    index: LinkIndex,
    blocks: dict[str, set[str]],
    headings: dict[str, set[str]],
    allowed: set[str],
) -> str | None:
    found = index.resolve(link.target, relpath)
    if found is None:
        return None if link.target in allowed else f"broken link [[{link.target}]]"
    if not link.subpath or not found.endswith(NOTE_EXT):
        return None
    if link.subpath.startswith("^"):
        if found not in blocks:
            blocks[found] = {block for _, block in find_block_ids(files[found])}
        if link.subpath[1:] not in blocks[found]:
            return f"no block {link.subpath} in {found} (link [[{link.target}#{link.subpath}]])"
        return None
    if found not in headings:
        headings[found] = {" ".join(h.split()) for h in find_headings(files[found])}
    wanted = " ".join(link.subpath.split("#")[-1].split())
    if wanted not in headings[found]:
        return f"no heading '{wanted}' in {found}"
    return None


# --- the other checks ------------------------------------------------------------------------


def check_block_ids(files: Mapping[str, str]) -> list[Problem]:
    """Block ids are unique within each note, and roadvault's (`is_roadvault_id`: the
    grammar progress and merge read items by) across the whole vault (docs/FORMAT.md §2)."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for relpath, text in files.items():
        if not relpath.endswith(NOTE_EXT):
            continue
        found = find_block_ids(text)
        if CONFLICT_START in text:
            # An item on both sides of an open conflict is one item; the conflict itself is
            # the problem to report (docs/FORMAT.md §5b).
            proposed = roadmap_side_lines(text)
            found = [(number, block) for number, block in found if number - 1 not in proposed]
        counts = Counter(block for _, block in found)
        for number, block in found:
            if counts[block] > 1:
                problems.append(Problem(relpath, number, "block", f"block id ^{block} repeated"))
                counts[block] = 0  # report once
            elif is_roadvault_id(block):
                other = seen.setdefault(block, relpath)
                if other != relpath:
                    message = f"block id ^{block} also in {other}"
                    problems.append(Problem(relpath, number, "block", message))
    return problems


def check_properties(
    files: Mapping[str, str], owned: Iterable[str], *, required: Iterable[str] = REQUIRED_KEYS
) -> list[Problem]:
    """Front matter of every note parses as YAML; generated notes (`owned`) carry the
    required owned keys, valid Obsidian tags and lists where lists belong."""
    owned_set = set(owned)
    problems: list[Problem] = []
    for relpath, text in files.items():
        if not relpath.endswith(NOTE_EXT):
            continue
        try:
            properties = read_properties(text)
        except InputError as err:
            problems.append(Problem(relpath, err.line, "properties", err.message))
            continue
        if relpath not in owned_set:
            continue
        for key in required:
            if key not in properties:
                problems.append(Problem(relpath, 1, "properties", f"no '{key}' property"))
        for key in ("tags", "aliases"):
            value = properties.get(key)
            if value is not None and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                problems.append(Problem(relpath, 1, "properties", f"'{key}' is not a list"))
        for tag in properties.get("tags") or []:
            if isinstance(tag, str) and not _TAG.match(tag):
                problems.append(Problem(relpath, 1, "properties", f"'{tag}' is not a valid tag"))
        for key in ("up", "phase"):
            value = properties.get(key)
            if value is not None and not (isinstance(value, str) and value.startswith("[[")):
                problems.append(Problem(relpath, 1, "properties", f"'{key}' is not a link"))
    return problems


def check_names(
    relpaths: Iterable[str], *, generated: Iterable[str] | None = None
) -> list[Problem]:
    """Every component of a generated path is a safe name; generated file names are unique
    case-insensitively across the vault (they are link targets), and no two paths differ
    only by case. `generated` defaults to all paths."""
    paths = sorted(relpaths)
    ours = set(paths if generated is None else generated)
    problems: list[Problem] = []
    for relpath in sorted(ours):
        parts = PurePosixPath(relpath).parts
        for part in parts[:-1]:
            if not is_safe_name(part, max_chars=MAX_FOLDER_CHARS):
                problems.append(Problem(relpath, None, "name", f"unsafe folder name '{part}'"))
        if not is_safe_name(parts[-1], max_chars=MAX_NAME_CHARS):
            problems.append(Problem(relpath, None, "name", f"unsafe file name '{parts[-1]}'"))
    by_path: dict[str, list[str]] = defaultdict(list)
    by_name: dict[str, list[str]] = defaultdict(list)
    for relpath in paths:
        if is_hidden_relpath(relpath):
            continue  # Obsidian ignores dot folders and files: .obsidian, .roadvault, .trash
        by_path[name_key(relpath)].append(relpath)
        by_name[name_key(PurePosixPath(relpath).name)].append(relpath)
    for group in list(by_path.values()) + list(by_name.values()):
        if len(group) > 1 and any(relpath in ours for relpath in group):
            first = group[0]
            for relpath in group[1:]:
                message = f"name collides with {first} (ignoring case)"
                problems.append(Problem(relpath, None, "name", message))
    return problems


def validate_canvas(text: str, existing: Iterable[str] = ()) -> list[str]:
    """Problems with a JSON Canvas 1.0 document; `existing` are the vault's file paths
    that `file` nodes may point to (no check of files when empty)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"not JSON: {exc}"]
    if not isinstance(document, dict):
        return ["the top level is not an object"]
    files = set(existing)
    problems: list[str] = []
    nodes = document.get("nodes", [])
    edges = document.get("edges", [])
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return ["'nodes' and 'edges' must be arrays"]
    ids: set[str] = set()
    for position, node in enumerate(nodes):
        problems += [f"node {position}: {p}" for p in _node_problems(node, ids, files)]
    for position, edge in enumerate(edges):
        problems += [f"edge {position}: {p}" for p in _edge_problems(edge, ids)]
    return problems


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _id_problems(element: dict[str, Any], ids: set[str]) -> list[str]:
    """A canvas node's or edge's id: a string not used before (then remembered)."""
    element_id = element.get("id")
    if not isinstance(element_id, str) or not element_id:
        return ["no string 'id'"]
    if element_id in ids:
        return [f"duplicate id {element_id!r}"]
    ids.add(element_id)
    return []


def _node_problems(node: Any, ids: set[str], files: set[str]) -> list[str]:
    if not isinstance(node, dict):
        return ["not an object"]
    problems = _id_problems(node, ids)
    kind = node.get("type")
    if kind not in _NODE_TYPES:
        problems.append(f"bad type {kind!r}")
    for key in ("x", "y", "width", "height"):
        if not _is_int(node.get(key)):
            problems.append(f"'{key}' is not an integer")
    if "color" in node and not (
        isinstance(node["color"], str) and _CANVAS_COLOR.match(node["color"])
    ):
        problems.append(f"bad color {node['color']!r}")
    if kind == "text" and not isinstance(node.get("text"), str):
        problems.append("text node without 'text'")
    if kind == "file":
        target = node.get("file")
        if not isinstance(target, str) or not target:
            problems.append("file node without 'file'")
        elif files and target not in files:
            problems.append(f"file {target!r} is not in the vault")
        subpath = node.get("subpath")
        if subpath is not None and not (isinstance(subpath, str) and subpath.startswith("#")):
            problems.append("'subpath' must start with '#'")
    if kind == "link" and not isinstance(node.get("url"), str):
        problems.append("link node without 'url'")
    if kind == "group":
        if "label" in node and not isinstance(node["label"], str):
            problems.append("'label' is not a string")
        if node.get("backgroundStyle", "cover") not in {"cover", "ratio", "repeat"}:
            problems.append("bad 'backgroundStyle'")
    return problems


def _edge_problems(edge: Any, ids: set[str]) -> list[str]:
    if not isinstance(edge, dict):
        return ["not an object"]
    problems = _id_problems(edge, ids)
    for key in ("fromNode", "toNode"):
        if edge.get(key) not in ids:
            problems.append(f"'{key}' {edge.get(key)!r} is not a node")
    for key in ("fromSide", "toSide"):
        if key in edge and edge[key] not in _SIDES:
            problems.append(f"bad '{key}' {edge[key]!r}")
    for key in ("fromEnd", "toEnd"):
        if key in edge and edge[key] not in _ENDS:
            problems.append(f"bad '{key}' {edge[key]!r}")
    if "color" in edge and not (
        isinstance(edge["color"], str) and _CANVAS_COLOR.match(edge["color"])
    ):
        problems.append(f"bad color {edge['color']!r}")
    if "label" in edge and not isinstance(edge["label"], str):
        problems.append("'label' is not a string")
    return problems


def check_canvases(files: Mapping[str, str]) -> list[Problem]:
    return [
        Problem(relpath, None, "canvas", message)
        for relpath, text in files.items()
        if relpath.endswith(".canvas")
        for message in validate_canvas(text, files)
    ]


_UNRESOLVED = f"unresolved conflict ({CONFLICT_START} … {CONFLICT_END})"


def check_conflicts(files: Mapping[str, str]) -> list[Problem]:
    return [
        Problem(relpath, line, "conflict", _UNRESOLVED)
        for relpath, text in files.items()
        if relpath.endswith(NOTE_EXT)
        for line in find_conflict_markers(text)
    ]


def check_vault(
    files: Mapping[str, str],
    *,
    owned: Iterable[str] | None = None,
    authored_targets: Iterable[str] = (),
) -> list[Problem]:
    """All checks over a vault (or the part of it given): `owned` are the files roadvault
    generated (default: all), which must also have safe names and the owned properties."""
    owned_list = list(files) if owned is None else list(owned)
    return (
        check_names(files, generated=owned_list)
        + check_properties(files, owned_list)
        + check_links(files, authored_targets=authored_targets)
        + check_block_ids(files)
        + check_canvases(files)
        + check_conflicts(files)
    )
