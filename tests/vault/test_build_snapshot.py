"""The build is read → plan → apply: `plan_build` reads the vault only through the snapshot
`read_vault` took (vault/state.py: VaultSnapshot), so planning again from that snapshot
gives the same plan when the vault has changed meanwhile — or is gone, with every look at
the file system refused."""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reliability.scenario import ROADMAP_V1, ROADMAP_V2, do_learner_work
from roadvault.parse import parse_roadmap
from roadvault.vault.build import build_vault, plan_build, read_vault, source_path_of
from roadvault.vault.state import VaultSnapshot


def _plan(snapshot: VaultSnapshot, source_path: str | None = None) -> list[tuple]:
    roadmap = parse_roadmap(ROADMAP_V2, source="plan.md")
    prepared = plan_build(
        roadmap, snapshot, name=None, depth=2, restore=False, source_path=source_path
    )
    assert prepared.manifest_text == snapshot.manifest_text
    return [
        tuple(getattr(planned, f.name) for f in dataclasses.fields(planned))
        for planned in prepared.template_plan + prepared.plan.files
    ]


def test_the_plan_is_a_function_of_the_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    do_learner_work(vault)
    snapshot = read_vault(vault)  # the read step: the snapshot, and where the roadmap is
    source_path = source_path_of(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    first = _plan(snapshot, source_path)
    assert any(planned[1].value != "unchanged" for planned in first)  # a real update

    shutil.rmtree(vault)  # nothing left to read behind the snapshot's back
    with no_file_system(monkeypatch):
        again = _plan(snapshot, source_path)
    assert again == first
    assert not vault.exists()  # and planning wrote nothing


@contextlib.contextmanager
def no_file_system(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any look at the file system fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the plan touched the file system: {args!r}")

    with monkeypatch.context() as patch:
        for name in ("open", "stat", "lstat", "listdir", "scandir", "walk", "access"):
            patch.setattr(os, name, refuse)
        patch.setattr(builtins, "open", refuse)
        yield


def test_a_fresh_snapshot_sees_what_changed(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    before = _plan(read_vault(vault))
    do_learner_work(vault)
    assert _plan(read_vault(vault)) != before
