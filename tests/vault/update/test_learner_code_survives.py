"""A learner's code example holding copies of item lines survives a rebuild, byte for byte.

The learner writes, under "My notes", how a checklist line looks: an indented code block
(four spaces, after a blank line, as CommonMark writes code) and a fenced one, holding copies
of item lines — with and without block ids, ticked and not, ticks that differ from the real
items'. For Obsidian and for progress that is code. The rebuild after a roadmap change must
read it as code too: the example stays as written, the real items keep their own ticks, and
nothing conflicts. (Merge used to read item lines in indented code as items: the example's
lines were joined into the real items as copy-pastes and the example left the note.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from roadvault.parse import parse_roadmap
from roadvault.progress import scan_tasks
from roadvault.vault.build import BuildReport
from roadvault.vault.update.item_travel import Action, NoteVersions, regenerate
from support.build import build_with_progress

V1 = """# Study Plan

## Phase 1: Basics (2 weeks)

### Algebra
- [ ] Variables
- [ ] Equations
  - [ ] Linear equations
  - [ ] Quadratic equations
- [ ] Inequalities

### Geometry
- [ ] Angles
- [ ] Triangles
"""

# v2: an item renamed, one added (and a nested one renamed, under a renamed parent).
V2 = (
    V1.replace("- [ ] Equations\n", "- [ ] Equations and systems\n")
    .replace("- [ ] Quadratic equations\n", "- [ ] Quadratic equations and roots\n")
    .replace("- [ ] Inequalities\n", "- [ ] Inequalities\n- [ ] Absolute value\n")
)

ALGEBRA = "Study Plan/01 Basics/Algebra.md"
GEOMETRY = "Study Plan/01 Basics/Geometry.md"


def build(vault: Path, text: str) -> BuildReport:
    return build_with_progress(parse_roadmap(text, source="plan.md"), vault)


def read(vault: Path, relpath: str) -> str:
    return (vault / relpath).read_text(encoding="utf-8")


def write(vault: Path, relpath: str, text: str) -> None:
    (vault / relpath).write_text(text, encoding="utf-8")


def item_line(text: str, title: str) -> tuple[str, str | None, str]:
    """(indentation, checkbox or None, block id) of the one item line called `title` above
    "My notes" (where the copies are)."""
    checklist = text[: text.index("## My notes")]
    found = re.findall(
        rf"^([ \t]*)- (?:\[(.)\] )?{re.escape(title)} \^(rv-[a-z0-9]+)$", checklist, re.M
    )
    assert len(found) == 1, (title, found)
    indent, mark, item_id = found[0]
    return indent, mark or None, item_id


def example(ids: dict[str, str]) -> str:
    """The learner's code examples: copies of item lines whose ticks differ from the real
    items' (with the block id and without), in indented code and in a fence."""
    return (
        "How a line of the checklist looks:\n"
        "\n"
        f"    - [ ] Variables ^{ids['Variables']}\n"
        f"    - [x] Equations ^{ids['Equations']}\n"
        f"    \t- [x] Linear equations ^{ids['Linear equations']}\n"
        f"        - [/] Quadratic equations ^{ids['Quadratic equations']}\n"
        "    - [x] Inequalities\n"
        "    - [ ] Angles\n"
        "\n"
        f"    - [-] Inequalities ^{ids['Inequalities']}\n"
        "\n"
        "And in a fence:\n"
        "\n"
        "```md\n"
        f"- [x] Equations ^{ids['Equations']}\n"
        f"- [ ] Variables ^{ids['Variables']}\n"
        "```\n"
    )


def learner_works(vault: Path) -> str:
    """Ticks in Algebra and the code examples under "My notes"; returns the examples."""
    text = read(vault, ALGEBRA)
    ids = {
        title: item_line(text, title)[2]
        for title in (
            "Variables",
            "Equations",
            "Linear equations",
            "Quadratic equations",
            "Inequalities",
        )
    }
    written = example(ids)
    for title, mark in (("Variables", "x"), ("Linear equations", "x"), ("Inequalities", "/")):
        indent, _box, item_id = item_line(text, title)
        text = text.replace(
            f"{indent}- [ ] {title} ^{item_id}\n", f"{indent}- [{mark}] {title} ^{item_id}\n"
        )
    assert text.endswith("## My notes\n")
    write(vault, ALGEBRA, text + "\n" + written)
    return written


def assert_real_items(text: str, marks: dict[str, str | None]) -> None:
    """Each item once, with its mark (None: a plain bullet, a parent), for the merge's
    pattern and for progress alike."""
    for title, mark in marks.items():
        assert item_line(text, title)[1] == mark, title
    scanned = [
        (task.text, task.marker)
        for task in scan_tasks(text)
        if task.block_id is not None and task.block_id.startswith("rv-")
    ]
    assert scanned == [(title, mark) for title, mark in marks.items() if mark is not None]


def test_a_code_example_with_item_lines_survives_a_rebuild(tmp_path: Path) -> None:
    build(tmp_path, V1)
    written = learner_works(tmp_path)
    mine = read(tmp_path, ALGEBRA)
    my_notes = mine[mine.index("## My notes") :]

    report = build(tmp_path, V2)

    text = read(tmp_path, ALGEBRA)
    assert text[text.index("## My notes") :] == my_notes  # the example, byte for byte
    assert text.endswith(written)
    assert "<<<<<<<" not in text and report.conflicts == 0
    assert_real_items(
        text,
        {
            "Variables": "x",
            "Equations and systems": None,
            "Linear equations": "x",
            "Quadratic equations and roots": " ",
            "Inequalities": "/",
            "Absolute value": " ",
        },
    )
    outcome = {p.relpath: p for p in report.files}[ALGEBRA]
    assert outcome.action is Action.MERGE, (outcome.action, outcome.notes)
    # A second build writes nothing.
    again = build(tmp_path, V2)
    assert again.written == 0 and read(tmp_path, ALGEBRA) == text


def test_a_code_example_stays_when_its_items_move_to_another_note(tmp_path: Path) -> None:
    """The ticked items move to Geometry (they travel, lifted out of Algebra): their ticks
    go with them, the example holding copies of their lines stays in Algebra as written."""
    build(tmp_path, V1)
    written = learner_works(tmp_path)
    v2 = V1.replace("- [ ] Variables\n", "").replace("- [ ] Inequalities\n", "")
    v2 = v2.replace("- [ ] Triangles\n", "- [ ] Triangles\n- [ ] Variables\n- [ ] Inequalities\n")

    report = build(tmp_path, v2)

    algebra, geometry = read(tmp_path, ALGEBRA), read(tmp_path, GEOMETRY)
    assert algebra.endswith(written)
    assert "<<<<<<<" not in algebra + geometry and report.conflicts == 0
    assert_real_items(
        algebra, {"Equations": None, "Linear equations": "x", "Quadratic equations": " "}
    )
    assert_real_items(
        geometry, {"Angles": " ", "Triangles": " ", "Variables": "x", "Inequalities": "/"}
    )
    again = build(tmp_path, v2)
    assert again.written == 0


FRONT = "---\nroadvault_id: rv-note01\n---\n# Topic\n\n## Checklist\n"
BASE = (
    FRONT + "- Parent ^rv-p00001\n\t- [ ] Child ^rv-c00001\n- [ ] Other ^rv-o00001\n\n## My notes\n"
)


@pytest.mark.parametrize(
    "above",
    ["\n", "\n```text\n- [x] Child ^rv-c00001\n```\n\n"],
    ids=["blank-line", "fenced-example"],
)
def test_a_nested_item_stays_an_item_when_its_parent_travels(above: str) -> None:
    """The other side of reading indented code as code: the learner put a blank line (or a
    fenced example and a blank line) above a parent item and wrote under it, so the parent
    travels (lifted out with the lines under it, put back where the roadmap wants it). Its
    child stays behind, after that blank line: indented code to CommonMark, though it is
    the nested item it was. Its tick is kept, its rename comes in, nothing conflicts."""
    mine = BASE.replace("## Checklist\n", "## Checklist\n" + above).replace(
        "\t- [ ] Child", "\t- my note on the parent\n\t- [x] Child"
    )
    new = BASE.replace("Other", "Other renamed").replace("Child ^", "Child renamed ^")
    outcome = regenerate({"a": NoteVersions(BASE, mine, new)})["a"]
    assert outcome.action is Action.MERGE and outcome.conflicts == 0, outcome.text
    text = outcome.text or ""
    assert "\t- [x] Child renamed ^rv-c00001\n" in text
    assert "\t- my note on the parent\n" in text and above in text
    statuses = {t.block_id: t.marker for t in scan_tasks(text) if t.block_id is not None}
    assert statuses == {"rv-c00001": "x", "rv-o00001": " "}
