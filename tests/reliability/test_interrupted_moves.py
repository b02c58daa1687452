"""A build interrupted while it moves notes (a topic moved to another phase: its file is
written in the new folder, then the old one deleted) is finished by the next build, which
then equals an uninterrupted one: no second copy left "to merge by hand" (docs/FORMAT.md
§5).

The interruption is deterministic: the apply step dies (as under SIGKILL: nothing after it
runs, no clean-up) just before its N-th deletion, after every new copy was written; or
before its N-th write or deletion of any file, for every N. Before the fix the first test
failed with "a different …/Tools.md already exists; left both (merge by hand)", and the
second lost a tick and a learner's line (dying after the note an item left was written,
before the note it went to: the next build took the first as merged and the item arrived
unticked, without the lines under it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import roadvault.vault.apply as apply_module
from roadvault.parse import parse_roadmap
from roadvault.vault.doctor import doctor_vault
from roadvault.vault.update.item_travel import Action
from support.build import build_with_progress

from .helpers import snapshot
from .scenario import ITEM

V1 = """# Plan

## Basics

### Python

- [ ] Syntax
- [ ] Functions

### Tools

- [ ] Git
- [ ] Shell

## Advanced

### Data

- [ ] SQL

### Capstone

- [ ] Project
"""
_TOOLS = "### Tools\n\n- [ ] Git\n- [ ] Shell\n\n"
# Tools moves to the other phase (its file moves) and takes the ticked Syntax with it.
V2_TRAVEL = (
    V1.replace(_TOOLS, "")
    .replace("### Capstone", "### Tools\n\n- [ ] Git\n- [ ] Shell\n- [ ] Syntax\n\n### Capstone")
    .replace("- [ ] Syntax\n- [ ] Functions", "- [ ] Functions")
)
# The phases swap places: every phase and topic note moves, with work in several.
_BASICS_PART = V1[V1.index("## Basics") : V1.index("## Advanced")]
# The phases swap places: every phase and topic note moves, and Syntax (ticked) goes from
# one moved note to another.
V2_SWAP = (
    V1.replace(_BASICS_PART, "").replace("- [ ] SQL\n", "- [ ] SQL\n- [ ] Syntax\n")
    + "\n"
    + _BASICS_PART.replace("- [ ] Syntax\n", "")
)

PYTHON = "Plan/01 Basics/Python.md"
TOOLS = "Plan/01 Basics/Tools.md"


class Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so no handler of the build catches it."""


def _learner_work(vault: Path) -> None:
    python = vault / PYTHON
    text = python.read_text().replace("- [ ] Syntax", "- [x] Syntax")
    text = text.replace(" ^rv-", " ✅ 2026-03-01 ^rv-", 1) if "[x] Syntax" in text else text
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "Syntax" in line)
    lines.insert(at + 1, "\t- why syntax first (learner)")
    python.write_text("\n".join(lines) + "My python line (learner).\n")
    tools = vault / TOOLS
    tools.write_text(tools.read_text().replace("- [ ] Git", "- [/] Git") + "Tools line.\n")


def _dies_before_deletion(number: int):
    real = apply_module._delete
    calls = 0

    def delete(vault: Path, planned, *args, **kwargs) -> None:
        nonlocal calls
        calls += 1
        if calls == number:
            raise Killed
        real(vault, planned, *args, **kwargs)

    return delete


def _block_ids(vault: Path) -> list[str]:
    ids = []
    for path in sorted(vault.rglob("*.md")):
        if ".roadvault" not in path.parts:
            ids += [m["id"] for line in path.read_text().split("\n") if (m := ITEM.match(line))]
    return ids


def _without_progress(files: dict[str, bytes]) -> dict[str, bytes]:
    # Progress.md carries the time it was written; the notes and state are what matter.
    return {rel: data for rel, data in files.items() if rel != "Progress.md"}


def _start_and_reference(tmp_path: Path, update: str) -> tuple[Path, Path]:
    """v1 built and worked on by the learner, and a copy of it updated without interruption."""
    start = tmp_path / "start"
    build_with_progress(parse_roadmap(V1, source="plan.md"), start)
    _learner_work(start)
    reference = tmp_path / "reference"
    shutil.copytree(start, reference)
    build_with_progress(parse_roadmap(update, source="plan.md"), reference)
    return start, reference


@pytest.mark.parametrize(
    ("update", "deletion"),
    [(V2_TRAVEL, 1), (V2_SWAP, 1), (V2_SWAP, 3)],
    ids=["topic-moves-with-an-item", "phases-swap", "phases-swap-third-deletion"],
)
def test_a_build_interrupted_while_moving_notes_is_finished_by_the_next(
    update: str, deletion: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start, reference = _start_and_reference(tmp_path, update)

    vault = tmp_path / "vault"
    shutil.copytree(start, vault)
    with monkeypatch.context() as patch:
        patch.setattr(apply_module, "_delete", _dies_before_deletion(deletion))
        try:
            build_with_progress(parse_roadmap(update, source="plan.md"), vault)
        except Killed:
            pass
        else:
            raise AssertionError("the build was not interrupted")

    report = build_with_progress(parse_roadmap(update, source="plan.md"), vault)
    skipped = [(p.relpath, p.notes) for p in report.files if p.action is Action.SKIP]
    assert not skipped, skipped
    assert _without_progress(snapshot(vault)) == _without_progress(snapshot(reference))
    ids = _block_ids(vault)
    assert len(ids) == len(set(ids)), "a block id is repeated"
    assert not doctor_vault(vault).problems
    again = build_with_progress(parse_roadmap(update, source="plan.md"), vault)
    assert again.written == 0 and again.state_written == 0


# Data moves into the first phase and takes Syntax (ticked) from Python, which is written
# after it: the receiving note is written before the one the item leaves.
V2_BACK = (
    V1.replace("## Basics\n", "## Basics\n\n### Data\n\n- [ ] SQL\n- [ ] Syntax\n")
    .replace("### Data\n\n- [ ] SQL\n\n", "")
    .replace("- [ ] Syntax\n- [ ] Functions", "- [ ] Functions")
)


def _dies_at_write(number: int, counter: list[int]):
    """`atomic_write` and `remove_file` of the apply step, dying before the `number`-th."""

    def wrap(real):
        def call(*args, **kwargs):
            counter[0] += 1
            if counter[0] == number:
                raise Killed
            return real(*args, **kwargs)

        return call

    return wrap


@pytest.mark.parametrize(
    "update", [V2_TRAVEL, V2_SWAP, V2_BACK], ids=["moves-with-item", "swap", "item-goes-back"]
)
def test_a_build_interrupted_at_any_write_of_a_move_is_finished_by_the_next(
    update: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every write and deletion of the update, in turn, is the one the build dies before."""
    start, reference = _start_and_reference(tmp_path, update)
    expected = _without_progress(snapshot(reference))
    number = 0
    while True:
        number += 1
        vault = tmp_path / f"vault-{number}"
        shutil.copytree(start, vault)
        counter = [0]
        wrap = _dies_at_write(number, counter)
        with monkeypatch.context() as patch:
            patch.setattr(apply_module, "atomic_write", wrap(apply_module.atomic_write))
            patch.setattr(apply_module, "remove_file", wrap(apply_module.remove_file))
            try:
                build_with_progress(parse_roadmap(update, source="plan.md"), vault)
            except Killed:
                pass
            else:
                break  # past the last write: every point was tried
        report = build_with_progress(parse_roadmap(update, source="plan.md"), vault)
        where = f"died before write {number}"
        skipped = [(p.relpath, p.notes) for p in report.files if p.action is Action.SKIP]
        assert not skipped, (where, skipped)
        assert _without_progress(snapshot(vault)) == expected, where
        shutil.rmtree(vault)
    assert number > 5
