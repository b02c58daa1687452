"""A first build killed before its manifest, or a vault whose `.roadvault/` was deleted: the
next build records what it finds exactly as roadvault would write it, so the vault equals
one built without the interruption — the manifest's `template` record included
(docs/FORMAT.md §4: it was left empty, so `.obsidian/graph.json` was never updated again and
a deleted Home.md would be brought back).

Before the fix: `template` was `{}` on the rerun in every case below (9 files missing).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import roadvault.vault.apply as apply_module
from roadvault.parse import parse_roadmap
from roadvault.vault import build_vault

from .helpers import snapshot
from .scenario import ROADMAP_V1, ROADMAP_V2


class Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so no handler of the build catches it."""


def _build(vault: Path, text: str = ROADMAP_V1):
    return build_vault(parse_roadmap(text, source="plan.md"), vault)


def _template_record(vault: Path) -> dict[str, str]:
    return json.loads((vault / ".roadvault" / "manifest.json").read_text())["template"]


def _notes_and_state(vault: Path) -> dict[str, bytes]:
    # Progress.md carries the time it was written; the temp token is random per vault.
    skip = ("Progress.md", ".roadvault/temp-token")
    return {rel: data for rel, data in snapshot(vault).items() if rel not in skip}


def _dies_at_write(number: int):
    """Wraps `atomic_write` and `remove_file` of the apply step: dying before the
    `number`-th call of either."""
    calls = [0]

    def wrap(real):
        def call(*args, **kwargs):
            calls[0] += 1
            if calls[0] == number:
                raise Killed
            return real(*args, **kwargs)

        return call

    return wrap


def test_a_deleted_state_folder_records_the_template_again(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    _build(reference)
    vault = tmp_path / "vault"
    _build(vault)
    shutil.rmtree(vault / ".roadvault")
    _build(vault)
    assert _template_record(vault) == _template_record(reference)
    assert len(_template_record(vault)) >= 5
    assert _notes_and_state(vault) == _notes_and_state(reference)
    # And later builds keep the graph colours up to date (graph.json is still ours).
    _build(vault, ROADMAP_V2)
    _build(reference, ROADMAP_V2)
    assert (vault / ".obsidian" / "graph.json").read_bytes() == (
        reference / ".obsidian" / "graph.json"
    ).read_bytes()


def test_a_first_build_killed_at_any_write_is_completed_with_its_template_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first build dies before its N-th write or deletion (notes, template files,
    state), for every N; the rerun equals an uninterrupted first build."""
    reference = tmp_path / "reference"
    _build(reference)
    expected = _notes_and_state(reference)
    number = 0
    while True:
        number += 1
        vault = tmp_path / f"vault-{number}"
        wrap = _dies_at_write(number)
        with monkeypatch.context() as patch:
            patch.setattr(apply_module, "atomic_write", wrap(apply_module.atomic_write))
            patch.setattr(apply_module, "remove_file", wrap(apply_module.remove_file))
            try:
                _build(vault)
            except Killed:
                pass
            else:
                break  # past the last write: every point was tried
        _build(vault)
        assert _notes_and_state(vault) == expected, f"died before write {number}"
        shutil.rmtree(vault)
    assert number > 10
