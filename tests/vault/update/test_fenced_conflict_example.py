"""A learner's git example holding conflict-marker lines is their text, not a conflict.

Conflict markers have one home (`obsidian/conflicts.py`): exact labels, outside code. A
learner who writes down how a git conflict looks — in a fence, in a callout's fence, with
git's labels or even roadvault's own — must not freeze the note (a note holding conflict
markers from an earlier build is not merged again) nor be told of a conflict to resolve.
"""

from __future__ import annotations

from pathlib import Path

from roadvault.obsidian.conflicts import is_marker_line
from roadvault.parse import parse_roadmap
from roadvault.vault import check
from roadvault.vault.build import BuildReport
from roadvault.vault.update.item_travel import Action
from roadvault.vault.update.note_merge import count_conflicts, merge_note
from support.build import build_with_progress

V1 = """# Study Plan

## Phase 1: Basics (2 weeks)

### Git
- [ ] Commits
- [ ] Branches
- [ ] Merging
"""
V2 = V1.replace("- [ ] Branches\n", "- [ ] Branches and tags\n").replace(
    "- [ ] Merging\n", "- [ ] Merging\n- [ ] Rebasing\n"
)
V3 = V2.replace("- [ ] Rebasing\n", "- [ ] Rebasing\n- [ ] Cherry-picking\n")
GIT = "Study Plan/01 Basics/Git.md"

EXAMPLE = (
    "What a conflict looks like:\n"
    "\n"
    "```text\n"
    "<<<<<<< HEAD\n"
    "my line\n"
    "=======\n"
    "their line\n"
    ">>>>>>> feature\n"
    "```\n"
    "\n"
    "> [!example] roadvault's own labels\n"
    "> ~~~\n"
    "> <<<<<<< vault\n"
    "> - [x] Commits\n"
    "> =======\n"
    "> - [ ] Commits\n"
    "> >>>>>>> roadmap\n"
    "> ~~~\n"
    "\n"
    "~~~\n"
    "<<<<<<< vault\n"
    "=======\n"
    ">>>>>>> roadmap\n"
    "~~~\n"
)


def build(vault: Path, text: str) -> BuildReport:
    return build_with_progress(parse_roadmap(text, source="plan.md"), vault)


def test_a_fenced_git_example_neither_blocks_updates_nor_counts_as_a_conflict(
    tmp_path: Path,
) -> None:
    build(tmp_path, V1)
    note = tmp_path / GIT
    text = note.read_text(encoding="utf-8")
    assert text.endswith("## My notes\n")
    text = text.replace("- [ ] Commits ^", "- [x] Commits ^")
    note.write_text(text + "\n" + EXAMPLE, encoding="utf-8")
    assert count_conflicts(note.read_text(encoding="utf-8")) == 0
    assert check.find_conflict_markers(note.read_text(encoding="utf-8")) == []

    for version in (V2, V3):  # updated twice: the first merge did not freeze the note
        report = build(tmp_path, version)
        outcome = {p.relpath: p for p in report.files}[GIT]
        assert outcome.action is Action.MERGE, (outcome.action, outcome.notes)
        assert report.conflicts == 0
        text = note.read_text(encoding="utf-8")
        assert text.endswith("\n" + EXAMPLE)  # the example, byte for byte
        assert "- [x] Commits ^" in text and "- [ ] Branches and tags ^" in text
        assert count_conflicts(text) == 0
        assert check.find_conflict_markers(text) == []
    assert "- [ ] Cherry-picking ^" in text
    again = build(tmp_path, V3)
    assert again.written == 0 and again.conflicts == 0


def test_merge_moves_lines_past_a_fenced_example_but_not_past_real_markers() -> None:
    """`rejoin_nested_items` never moves a line holding one of roadvault's markers (outside
    code): the same test, by exact label, as every other reader. git's `<<<<<<< HEAD` in
    prose is a learner's line like any other."""
    assert is_marker_line("<<<<<<< vault") and is_marker_line("=======  ")
    assert is_marker_line(">>>>>>> roadmap")
    assert not is_marker_line("<<<<<<< HEAD") and not is_marker_line(">>>>>>> feature")
    front = "---\nroadvault_id: rv-note01\n---\n# Git\n\n## Checklist\n"
    nested = "\t- [ ] Sub one ^rv-s00001\n\t- [ ] Sub two ^rv-s00002\n"
    base = front + "- [ ] Parent ^rv-p00001\n" + nested + "\n## My notes\n"
    fence = "\n```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> main\n```\n\n"
    mine = base.replace("^rv-p00001\n", "^rv-p00001\n" + fence)
    new = base.replace("Parent ^", "Parent, renamed ^")
    result = merge_note(base, mine, new)
    assert result.conflicts == 0
    assert count_conflicts(result.text) == 0
    assert "- [ ] Parent, renamed ^rv-p00001\n" in result.text
    assert fence.strip("\n") in result.text
    assert merge_note(base, result.text, new).text == result.text
