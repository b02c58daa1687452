"""The note merge (vault/update/note_merge.py) on fixture cases: every folder of
tests/vault/update/merge_cases/ is one case.

A case folder holds:

- `base.md`: the note as roadvault last wrote it (no such file: no record of the last
  build, the merge gets `base=None`);
- `mine.md`: the note as the learner left it;
- `new.md`: the fresh rendering of the roadmap;
- `expected.md`: the merged note, compared byte for byte;
- `case.json`: `about` (what the case shows), `conflict` (true when the merge must leave
  conflict markers; without them, merging the merged note again must give it back), and
  optionally `xfail` (a known failure of the merge: one-line reason) and `disagreement`
  (the scanner and the merge read one of the four notes differently: one-line reason).

Each case also checks that the progress scanner and the merge see the same roadvault items
(line, block id, checkbox) in each of its notes: a task that one of them counts and the
other does not is a disagreement between two readers of one note.

Files are read as bytes (no newline translation); the folder's .gitattributes keeps git from
converting them. To add a case, add a folder: it is picked up by name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from roadvault.obsidian.ids import is_roadvault_id
from roadvault.progress import scan_tasks
from roadvault.vault.update.note_merge import count_conflicts, find_item_lines, merge_note

CASES = Path(__file__).parent / "merge_cases"
NOTES = ("base.md", "mine.md", "new.md", "expected.md")


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _meta(folder: Path) -> dict[str, Any]:
    return json.loads(_read(folder / "case.json"))


def _cases(known_failure: str) -> list[Any]:
    """One pytest param per case folder, xfail (strict) where case.json names a reason
    under `known_failure`."""
    params = []
    for folder in sorted(path for path in CASES.iterdir() if path.is_dir()):
        reason = _meta(folder).get(known_failure)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def test_every_case_is_complete() -> None:
    folders = [path for path in CASES.iterdir() if path.is_dir()]
    assert folders
    for folder in folders:
        names = {path.name for path in folder.iterdir()}
        assert {"mine.md", "new.md", "expected.md", "case.json"} <= names, folder.name
        assert names <= {*NOTES, "case.json"}, folder.name
        meta = _meta(folder)
        assert isinstance(meta["about"], str) and isinstance(meta["conflict"], bool), folder.name
        assert set(meta) <= {"about", "conflict", "xfail", "disagreement"}, folder.name


@pytest.mark.parametrize("folder", _cases("xfail"))
def test_merge_case(folder: Path) -> None:
    base = _read(folder / "base.md") if (folder / "base.md").exists() else None
    new = _read(folder / "new.md")
    result = merge_note(base, _read(folder / "mine.md"), new)
    assert result.text == _read(folder / "expected.md")
    expected_conflict = _meta(folder)["conflict"]
    assert (result.conflicts > 0) is expected_conflict
    assert (count_conflicts(result.text) > 0) is expected_conflict
    if not expected_conflict:
        # The merge run again on its own result (a build repeated) changes nothing.
        assert merge_note(base, result.text, new).text == result.text


def scanner_items(text: str) -> list[tuple[int, str, str]]:
    """(line, block id, checkbox) of the tasks with a roadvault block id, as progress reads them."""
    return [
        (task.line, task.block_id, task.marker)
        for task in scan_tasks(text)
        if task.block_id is not None and is_roadvault_id(task.block_id)
    ]


def merge_items(text: str) -> list[tuple[int, str, str]]:
    """(line, block id, checkbox) of the item lines with a checkbox, as the merge reads them."""
    return [
        (item.index, item.id, item.mark)
        for item in find_item_lines(text.split("\n"))
        if item.mark is not None
    ]


@pytest.mark.parametrize("folder", _cases("disagreement"))
def test_scanner_and_merge_read_the_same_items(folder: Path) -> None:
    for name in NOTES:
        if (folder / name).exists():
            text = _read(folder / name)
            assert merge_items(text) == scanner_items(text), name
