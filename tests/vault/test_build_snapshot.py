"""The build is read → plan → apply: `plan_build` reads the vault only through the snapshot
`read_vault` took (vault/state.py: VaultSnapshot), so planning again from that snapshot
gives the same plan when the vault has changed meanwhile — or is gone."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from reliability.scenario import ROADMAP_V1, ROADMAP_V2, do_learner_work
from roadvault.parse import parse_roadmap
from roadvault.vault.build import build_vault, plan_build, read_vault, source_path_of


def _plan(vault: Path, snapshot) -> list[tuple]:
    roadmap = parse_roadmap(ROADMAP_V2, source="plan.md")
    prepared = plan_build(
        roadmap,
        snapshot,
        name=None,
        depth=2,
        restore=False,
        source_path=source_path_of(roadmap, vault),
    )
    assert prepared.manifest_text == snapshot.manifest_text
    return [
        tuple(getattr(planned, f.name) for f in dataclasses.fields(planned))
        for planned in prepared.template_plan + prepared.plan.files
    ]


def test_the_plan_is_a_function_of_the_snapshot(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    do_learner_work(vault)
    snapshot = read_vault(vault)
    first = _plan(vault, snapshot)
    assert any(planned[1].value != "unchanged" for planned in first)  # a real update

    shutil.rmtree(vault)  # nothing left to read behind the snapshot's back
    assert _plan(vault, snapshot) == first
    assert not vault.exists()  # and planning wrote nothing


def test_a_fresh_snapshot_sees_what_changed(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    before = _plan(vault, read_vault(vault))
    do_learner_work(vault)
    assert _plan(vault, read_vault(vault)) != before
