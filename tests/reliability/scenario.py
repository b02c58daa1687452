"""One small study plan, an update of it, and a learner who has worked in the vault: the
material of the hostile-vault, fault and concurrency tests.

`LearnerWork` records what the learner did (ticks by block id, lines written, a property
of their own) so a test can check, after anything, that none of it was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROADMAP_V1 = """# Study Plan

## Basics

### Python

- [ ] Syntax
- [ ] Functions
- [ ] Classes

### Tools

- [ ] Git
- [ ] Shell

## Advanced

### Data

- [ ] SQL
- [ ] Pandas

### Capstone

- [ ] Project
"""

# Renamed (a ticked item), added, dropped (an untouched item), a duration, a new phase;
# Capstone.md stays exactly as it was.
ROADMAP_V2 = (
    ROADMAP_V1.replace("- [ ] Functions\n", "- [ ] Functions and closures\n- [ ] Decorators\n")
    .replace("- [ ] Shell\n", "")
    .replace("## Advanced\n", "## Advanced (3 weeks)\n")
    .replace("- [ ] Pandas\n", "- [ ] Pandas\n- [ ] Spark\n")
    + "\n## Review\n\n### Notes again\n\n- [ ] Read the notes again\n"
)

FOLDER = "Study Plan"
PYTHON = f"{FOLDER}/01 Basics/Python.md"
TOOLS = f"{FOLDER}/01 Basics/Tools.md"
BASICS = f"{FOLDER}/01 Basics/Basics.md"
DATA = f"{FOLDER}/02 Advanced/Data.md"
CAPSTONE = f"{FOLDER}/02 Advanced/Capstone.md"
ROADMAP_NOTE = f"{FOLDER}/{FOLDER}.md"
NOTES = [ROADMAP_NOTE, BASICS, PYTHON, TOOLS, f"{FOLDER}/02 Advanced/Advanced.md", DATA, CAPSTONE]

ITEM = re.compile(r"^(?P<lead>\s*[-*+] )\[(?P<mark>.)\] (?P<text>.*?) \^(?P<id>rv-[a-z0-9]+)\s*$")


@dataclass
class LearnerWork:
    marks: dict[str, str] = field(default_factory=dict)  # block id -> mark the learner set
    ticked_lines: dict[str, str] = field(default_factory=dict)  # block id -> the line as left
    lines: list[str] = field(default_factory=list)  # lines the learner wrote, verbatim

    def __bool__(self) -> bool:
        return bool(self.marks or self.lines)


def item_ids(text: str) -> dict[str, tuple[str, str]]:
    """Block id -> (mark, title) of every checkbox line of a note."""
    found = {}
    for line in text.splitlines():
        match = ITEM.match(line)
        if match:
            found[match["id"]] = (match["mark"], match["text"])
    return found


def _tick(text: str, title: str, mark: str, work: LearnerWork) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = ITEM.match(line.rstrip("\r"))
        if match and match["text"] == title:
            new = f"{match['lead']}[{mark}] {match['text']} ^{match['id']}"
            lines[index] = new + ("\r" if line.endswith("\r") else "")
            work.marks[match["id"]] = mark
            work.ticked_lines[match["id"]] = new
            return "\n".join(lines)
    raise AssertionError(f"no item {title!r}")


def _insert_after(text: str, anchor_title: str, line: str) -> str:
    lines = text.split("\n")
    for index, current in enumerate(lines):
        match = ITEM.match(current.rstrip("\r"))
        if match and match["text"] == anchor_title:
            end = "\r" if current.endswith("\r") else ""
            lines.insert(index + 1, line + end)
            return "\n".join(lines)
    raise AssertionError(f"no item {anchor_title!r}")


def do_learner_work(vault: Path) -> LearnerWork:
    """Tick, mark as doing, write under items and in "My notes", add an own task and an
    own property (with a comment), as a learner does in Obsidian."""
    work = LearnerWork()

    def edit(relpath: str, change) -> None:
        path = vault / relpath
        path.write_bytes(change(path.read_bytes().decode("utf-8")).encode("utf-8"))

    def python(text: str) -> str:
        text = _tick(text, "Syntax", "x", work)
        text = _tick(text, "Functions", "x", work)
        text = _insert_after(text, "Functions", "\t- my note on functions (learner line 1)")
        text = text.replace("\nroadvault_id:", "\nrating: 5  # learner line 2\nroadvault_id:", 1)
        return text + "My python summary (learner line 3).\n"

    def data(text: str) -> str:
        text = _tick(text, "SQL", "/", work)
        return _insert_after(text, "Pandas", "- [ ] my own task (learner line 4)")

    def tools(text: str) -> str:
        return _tick(text, "Git", "x", work) + "Tools thoughts (learner line 5).\n"

    edit(PYTHON, python)
    edit(DATA, data)
    edit(TOOLS, tools)
    work.lines = [
        "\t- my note on functions (learner line 1)",
        "rating: 5  # learner line 2",
        "My python summary (learner line 3).",
        "- [ ] my own task (learner line 4)",
        "Tools thoughts (learner line 5).",
    ]
    return work


def vault_lines(vault: Path) -> list[str]:
    """Every line of every Markdown note in the vault (outside dot folders)."""
    lines: list[str] = []
    for path in sorted(vault.rglob("*.md")):
        relative = path.relative_to(vault)
        if any(part.startswith(".") for part in relative.parts) or path.is_symlink():
            continue
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            lines += text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines


def lost_work(vault: Path, work: LearnerWork) -> list[str]:
    """What of the learner's work is gone from the vault (empty: nothing lost).

    A tick survives when a line with its block id still carries the mark, or — when the
    state that carries ids over was lost and the item renamed — the learner's own line is
    still there, verbatim. A line survives when it is still in some note, verbatim (also
    inside a conflict region, which keeps both sides).
    """
    lines = vault_lines(vault)
    marks: dict[str, set[str]] = {}
    for line in lines:
        match = ITEM.match(line)
        if match:
            marks.setdefault(match["id"], set()).add(match["mark"])
    lost = []
    for block_id, mark in work.marks.items():
        if mark not in marks.get(block_id, set()) and work.ticked_lines[block_id] not in lines:
            lost.append(f"tick [{mark}] of {block_id} ({work.ticked_lines[block_id]!r})")
    present = set(lines)
    lost += [f"line {line!r}" for line in work.lines if line not in present]
    return lost
