"""Generated notes with code regions of every kind: progress's scan, merge's item lines, the
vault checks and doctor agree on every task, block id, conflict and property.

Each note is built from blocks whose reading is known by construction: task lists (at the
top, nested, in callouts), code regions holding task-looking lines with roadvault ids
(fences of both characters and any length, also inside quotes and list items, `%% … %%`,
`<!-- … -->`, `<div>`, indented code), git examples in fences, real conflict regions, and
front matter closed in every accepted way. The markdown-it differential
(tests/progress/test_progress_scan_differential.py) ties the scan itself to CommonMark.
"""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from roadvault.obsidian.blocks import read_blocks, scan_tasks
from roadvault.obsidian.conflicts import CONFLICT_END, CONFLICT_MID, CONFLICT_START
from roadvault.progress.notes import summarize_note
from roadvault.vault import check
from roadvault.vault.doctor import diagnose
from roadvault.vault.state import Manifest
from roadvault.vault.update.note_merge import count_conflicts, find_item_lines

STATUS = [" ", "x", "X", "/", "-", "?"]


class Note:
    """Lines being generated, and what a reader must find in them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.ids = (f"rv-{n:06x}" for n in itertools.count(1))
        self.tasks: list[tuple[int, str, str]] = []  # (0-based line, id, status)
        self.conflicts: list[int] = []  # 0-based lines of real conflict starts
        self.front = 0  # lines of front matter

    def add(self, line: str, *, task: tuple[str, str] | None = None) -> None:
        if task is not None:
            self.tasks.append((len(self.lines), *task))
        self.lines.append(line)


def _hidden(note: Note, draw: st.DrawFn, prefix: str = "") -> None:
    """A task-looking line in a code region: never a task, its id never an id."""
    status = draw(st.sampled_from(STATUS))
    note.add(f"{prefix}- [{status}] hidden ^{next(note.ids)}")


def _tasks(note: Note, draw: st.DrawFn, lead: str = "") -> None:
    bullet = draw(st.sampled_from(["- ", "* ", "+ ", "1. "]))
    for depth in [0, *draw(st.lists(st.integers(0, 1), max_size=3))]:
        status = draw(st.sampled_from(STATUS))
        block_id = next(note.ids)
        note.add(
            f"{lead}{chr(9) * depth}{bullet}[{status}] item ^{block_id}", task=(block_id, status)
        )


@st.composite
def notes(draw: st.DrawFn) -> Note:
    note = Note()
    closing = draw(st.sampled_from([None, "---", "----", "...", "  ---", "--- "]))
    if closing is not None:
        note.add("---")
        note.add(f"roadvault_id: {next(note.ids)}")
        note.add("about: |")
        _hidden(note, draw, "  ")
        note.add(closing)
        note.front = len(note.lines)
    for kind in draw(st.lists(st.integers(0, 11), min_size=1, max_size=8)):
        if note.lines:
            note.add("")
        if kind in (0, 1):
            _tasks(note, draw)
        elif kind == 2:
            note.add("> [!todo] Callout")
            _tasks(note, draw, lead="> ")
        elif kind == 3:
            fence = draw(st.sampled_from(["```", "~~~", "````", "~~~~~", "```md"]))
            lead = draw(st.sampled_from(["", "> ", "  "]))
            note.add(lead + fence)
            _hidden(note, draw, lead)
            note.add(lead + fence.rstrip("md"))
        elif kind == 4:
            note.add("- A step:")
            note.add("")
            note.add("  ```")
            _hidden(note, draw, "  ")
            note.add("  ```")
        elif kind == 5:
            note.add("%%")
            _hidden(note, draw)
            note.add("%%")
        elif kind == 6:
            note.add("<!--")
            _hidden(note, draw)
            note.add("-->")
        elif kind == 7:
            note.add(draw(st.sampled_from(["<div>", '<div class="x">', "<details>"])))
            _hidden(note, draw)
            note.add("</div>")
        elif kind == 8:
            note.add("Indented code:")
            note.add("")
            _hidden(note, draw, draw(st.sampled_from(["    ", "\t"])))
        elif kind == 9:
            label = draw(st.sampled_from(["HEAD", "vault"]))
            for line in ["```", f"<<<<<<< {label}", "a", "=======", "b", ">>>>>>> roadmap", "```"]:
                note.add(line)
        elif kind == 10:
            note.conflicts.append(len(note.lines))
            note.add(CONFLICT_START)
            _tasks(note, draw)
            note.add(CONFLICT_MID)
            _tasks(note, draw)
            note.add(CONFLICT_END)
        else:
            note.add(draw(st.sampled_from(["Some text.", "# Heading", "A `code` span."])))
    return note


@given(notes())
def test_scan_merge_check_and_doctor_agree(note: Note) -> None:
    text = "\n".join(note.lines) + "\n"
    scanned = [(t.line, t.block_id, t.marker) for t in scan_tasks(text)]
    assert scanned == note.tasks
    # merge: the same item lines
    merged = [(item.index, item.id, item.mark) for item in find_item_lines(text.split("\n"))]
    assert merged == note.tasks
    # the checks and doctor
    assert check.find_tasks(text) == [(line + 1, status) for line, _, status in note.tasks]
    assert check.find_block_ids(text) == [(line + 1, block_id) for line, block_id, _ in note.tasks]
    assert check.find_conflict_markers(text) == [line + 1 for line in note.conflicts]
    assert count_conflicts(text) == len(note.conflicts)
    kinds = {p.kind for p in diagnose({"T.md": text}, Manifest())}
    expected = ({"conflict"} if note.conflicts else set()) | (
        {"unknown-id"} if note.front else set()
    )
    assert kinds == expected
    # properties and front matter: progress, the checks and the dialect read the same block
    identity = summarize_note(text).properties
    assert identity is not None
    assert (identity.note_id is not None) == bool(note.front)
    code = read_blocks(text).code
    assert all(code[: note.front])
