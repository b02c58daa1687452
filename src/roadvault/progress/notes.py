"""One note's contribution to progress (pure), and which files count as notes.

`summarize_note(text, need_properties=…)` turns a note's text into a `NoteScan`: the block
ids of its tasks with their effective status, and counts for the tasks without an id. This
compact form is what the per-file cache keeps and what aggregation adds and subtracts.
"""

from __future__ import annotations

import logging
import re
from typing import Any, NamedTuple

from roadvault.errors import InputError
from roadvault.model import KNOWN_MARKERS, Status
from roadvault.obsidian.blocks import scan_raw
from roadvault.obsidian.conflicts import CONFLICT_START, roadmap_side_lines
from roadvault.obsidian.frontmatter import front_matter_yaml, load_yaml
from roadvault.obsidian.ids import is_roadvault_id
from roadvault.vaultformat import PROGRESS_NOTE, is_hidden_relpath

logger = logging.getLogger(__name__)


# Counts are kept as 4-item lists in this order.
STATUS_ORDER: tuple[Status, ...] = (Status.TODO, Status.DOING, Status.DONE, Status.SKIPPED)
_CARRIED = frozenset({"x", "X", "-"})  # a done or skipped parent carries its subtree

_CONFLICT_COPY = re.compile(r"\(Conflicted copy [^)]*\)\.md$|\.sync-conflict-[^/]*\.md$")


def is_note_relpath(relpath: str) -> bool:
    """Does this POSIX path (relative to the vault) name a note that progress reads?

    Not: dot folders or files (`.obsidian/`, `.roadvault/`, `.trash/`, temp files), files other
    than `.md`, sync conflict copies, and Progress.md itself.
    """
    if not relpath.endswith(".md") or relpath == PROGRESS_NOTE:
        return False
    if is_hidden_relpath(relpath):
        return False
    return _CONFLICT_COPY.search(relpath) is None


# model.Status.from_marker as a position in STATUS_ORDER, for the scan's hot loop (anything
# else: todo, 0).
_MARKER_INDEX = {marker: STATUS_ORDER.index(Status.from_marker(marker)) for marker in KNOWN_MARKERS}


def marker_index(marker: str) -> int:
    """The position of a checkbox character's status in a 4-item count list."""
    return _MARKER_INDEX.get(marker, 0)


class Properties(NamedTuple):
    """The note properties progress reads (only for notes the manifest does not list)."""

    note_id: str | None = None  # roadvault_id
    roadmap: str | None = None  # the roadmap title


class NoteScan(NamedTuple):
    """What one note adds to progress: its identity on disk and its tasks in compact form.

    A NamedTuple: cheap to build, compare and send back from a worker process."""

    mtime_ns: int
    size: int
    ids: tuple[str, ...] = ()  # roadvault (`rv-`) block ids of its tasks, first occurrence each
    marks: str = ""  # the effective checkbox character of each of `ids`
    plain: tuple[int, int, int, int] = (0, 0, 0, 0)  # other tasks: the learner's own
    properties: Properties | None = None  # None: not read (the manifest names the note)


def summarize_note(
    text: str,
    *,
    mtime_ns: int = 0,
    size: int = 0,
    need_properties: bool = True,
    where: str = "note",
) -> NoteScan:
    """Scan a note's text into a NoteScan. `where` names the note in a warning about its
    front matter (broken YAML counts as no properties)."""
    ids: list[str] = []
    marks: list[str] = []
    plain = [0, 0, 0, 0]
    effective: list[str] = []
    seen: set[str] = set()
    index_of = _MARKER_INDEX.get
    is_item = is_roadvault_id  # the id grammar merge reads items by (obsidian/ids.py)
    # The roadmap's side of an open conflict is a proposal: its items are counted on the
    # learner's side, once (docs/FORMAT.md §5b).
    proposed = roadmap_side_lines(text) if CONFLICT_START in text else ()
    for line, _col, _depth, marker, block_id, parent in scan_raw(text):
        if parent is not None and effective[parent] in _CARRIED:
            marker = effective[parent]
        effective.append(marker)
        if line in proposed:
            continue
        if block_id is not None and is_item(block_id):
            if block_id not in seen:  # a second copy is the same item, not an own task
                seen.add(block_id)
                ids.append(block_id)
                marks.append(marker)
        else:  # the learner's own task (items always have roadvault ids: `rv-` + base 36)
            plain[index_of(marker, 0)] += 1
    properties = None
    if need_properties:
        try:
            properties = read_note_identity(text)
        except InputError as exc:
            logger.warning("%s: %s; its properties are ignored", where, exc)
            properties = Properties()
    return NoteScan(mtime_ns, size, tuple(ids), "".join(marks), tuple(plain), properties)  # type: ignore[arg-type]


def read_note_identity(text: str) -> Properties:
    """`roadvault_id` and `roadmap` from the front matter (InputError when its YAML is
    broken: the caller warns, a note is never refused for it)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    yaml_text = front_matter_yaml(text)
    if "roadvault_id" not in yaml_text and "roadmap" not in yaml_text:
        return Properties()  # nothing of ours: no need to parse
    data: Any = load_yaml(yaml_text)
    if not isinstance(data, dict):
        return Properties()
    note_id = data.get("roadvault_id")
    roadmap = data.get("roadmap")
    return Properties(
        note_id=note_id if isinstance(note_id, str) and note_id else None,
        roadmap=roadmap if isinstance(roadmap, str) and roadmap else None,
    )
