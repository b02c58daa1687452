"""The progress task scanner on fixture notes: every `<case>.md` of tests/progress/scan_cases/
with its `<case>.json` is one case.

The JSON holds `about` (what the note shows), `tasks` (every task the scanner must find, in
order: `line` counted from 1 as an editor shows it, `status` — todo, doing, done, skipped —
and `id`, the block id or null), and optionally `disagreement`: a one-line reason why the
note merge (vault/update/note_merge.py) reads the note's roadvault items differently from the
scanner.

Each case also checks that the scanner and the merge see the same roadvault items (line,
block id, checkbox): a task that one of them counts and the other does not is a
disagreement between two readers of one note.

Notes are read as bytes (no newline translation); the folder's .gitattributes keeps git from
converting them. To add a case, add a `.md` and a `.json` of the same name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from roadvault.obsidian.ids import is_roadvault_id
from roadvault.progress import scan_tasks
from roadvault.progress.notes import summarize_note
from roadvault.vault.update.note_merge import find_item_lines

CASES = Path(__file__).parent / "scan_cases"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _meta(note: Path) -> dict[str, Any]:
    return json.loads(_read(note.with_suffix(".json")))


def _cases(known_failure: str | None = None) -> list[Any]:
    """One pytest param per case note, xfail (strict) where its JSON names a reason under
    `known_failure`."""
    params = []
    for note in sorted(CASES.glob("*.md")):
        reason = _meta(note).get(known_failure) if known_failure else None
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(note, id=note.stem, marks=marks))
    return params


def test_every_case_is_complete() -> None:
    notes = {path.stem for path in CASES.glob("*.md")}
    assert notes
    assert notes == {path.stem for path in CASES.glob("*.json")}
    for note in CASES.glob("*.md"):
        meta = _meta(note)
        assert set(meta) <= {"about", "tasks", "disagreement"}, note.name
        for task in meta["tasks"]:
            assert set(task) == {"line", "status", "id"}, note.name


@pytest.mark.parametrize("note", _cases())
def test_scan_case(note: Path) -> None:
    found = [
        {"line": task.line + 1, "status": str(task.status), "id": task.block_id}
        for task in scan_tasks(_read(note))
    ]
    assert found == _meta(note)["tasks"]


@pytest.mark.parametrize("note", _cases("disagreement"))
def test_scanner_and_merge_read_the_same_items(note: Path) -> None:
    text = _read(note)
    scanner = [
        (task.line, task.block_id, task.marker)
        for task in scan_tasks(text)
        if task.block_id is not None and is_roadvault_id(task.block_id)
    ]
    merge = [
        (item.index, item.id, item.mark)
        for item in find_item_lines(text.split("\n"))
        if item.mark is not None
    ]
    assert merge == scanner


@pytest.mark.parametrize("note", _cases("disagreement"))
def test_progress_counts_as_items_what_merge_reads_as_items(note: Path) -> None:
    """What progress counts for the roadmap (`summarize_note`) is what the merge carries: the
    same block ids, each once; every other task is the learner's own. Failed before for
    `block-id-grammar`: progress took any `^rv-…` id (`rv-my-own`, `rv-Upper1`) for an
    item's, so the learner's own task was counted nowhere."""
    text = _read(note)
    scan = summarize_note(text, need_properties=False)
    merge: list[str] = []
    for item in find_item_lines(text.split("\n")):
        if item.mark is not None and item.id not in merge:
            merge.append(item.id)
    assert list(scan.ids) == merge
    tasks = scan_tasks(text)
    items = [task for task in tasks if task.block_id and is_roadvault_id(task.block_id)]
    assert sum(scan.plain) == len(tasks) - len(items)
