"""Golden update cases of the note merge: a roadmap, the learner's work, the roadmap updated.

tests/golden/update/<case>/ holds `v1.md`, `v2.md`, `case.json` and `expected/`; the steps
of `case.json` (build a version, then tick, edit, write as the learner) are run by
tests/support/update_cases.py. A step says what the build reports (`conflicts`, `notices`);
`doctor` lists the problem kinds left at the end.

The vault after the last step is compared file by file with `expected/` (Progress.md and
history included, clock fixed), so a failure names the file; a rebuild then writes nothing.
Regenerate with `pytest tests/vault/update/test_update_golden.py --update-golden` and
review the diff: a failing golden test is a question, not a file to regenerate.

(The cases about the roadmap's identity — retitle, same titles — are run by
tests/vault/update/test_identity_golden.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

import roadvault.progress
import roadvault.progress.vault_scan
from conftest import read_tree
from roadvault.parse import read_roadmap
from roadvault.vault.build import build_vault
from roadvault.vault.doctor import doctor_vault
from roadvault.vault.update.item_travel import Action
from support.clock import fix_now
from support.update_cases import NOW, match_golden, not_compared, run_case

CASES = [
    "fenced-conflict-example",
    "reorder-next-to-own-task",
    "conflict-counted-once",
    "reworded-item",
]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    fix_now(monkeypatch, NOW, roadvault.progress.vault_scan, roadvault.progress)
    monkeypatch.setenv("TZ", "UTC")  # Progress.md shows local dates; these were made in UTC


@pytest.mark.parametrize("name", CASES)
def test_update_case(name: str, tmp_path: Path, update_golden: bool) -> None:
    spec, reports = run_case(name, tmp_path)
    vault = tmp_path / "vault"
    for step, report in zip(spec["steps"], reports, strict=True):
        assert getattr(report, "notices", []) == step.get("notices", []), step["from"]
        assert report.conflicts == step.get("conflicts", 0), step["from"]
    kinds = [problem.kind for problem in doctor_vault(vault).problems]
    assert kinds == spec.get("doctor", [])
    match_golden(read_tree(vault, skip=not_compared), name, update_golden)


@pytest.mark.parametrize("name", CASES)
def test_update_case_rebuild_writes_nothing(name: str, tmp_path: Path) -> None:
    spec, _ = run_case(name, tmp_path)
    vault = tmp_path / "vault"
    before = read_tree(vault, skip=not_compared)
    again = build_vault(read_roadmap(tmp_path / spec["steps"][-1]["build"]), vault)
    assert (again.written, again.state_written) == (0, 0)
    # A note waiting for its conflicts to be resolved is reported as skipped, not written.
    assert {p.action for p in again.files} <= {Action.UNCHANGED, Action.SKIP}
    assert read_tree(vault, skip=not_compared) == before
