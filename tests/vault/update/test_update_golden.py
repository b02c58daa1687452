"""Golden update cases of the note merge: a roadmap, the learner's work, the roadmap updated.

tests/golden/update/<case>/ holds `v1.md`, `v2.md`, `case.json` and `expected/`. Each step
of `case.json` copies a roadmap version to `build` (a path beside the vault, so the
manifest's `source_path` is the same on every machine), builds, then acts as the learner:
`tick` items by title, `edit` a note (`after` a line starting so: `insert` lines; `replace`
a text `with` another), `write` lines at the end of a note. A step says what the build
reports (`conflicts`, `notices`); `doctor` lists the problem kinds left at the end.

The vault after the last step is compared file by file with `expected/` (Progress.md and
history included, clock fixed), so a failure names the file; a rebuild then writes nothing.
Regenerate with `pytest tests/vault/update/test_update_golden.py --update-golden` and
review the diff: a failing golden test is a question, not a file to regenerate.

(The cases about the roadmap's identity — retitle, same titles — are run by
tests/vault/update/test_identity_golden.py.)
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

import roadvault.progress
import roadvault.progress.vault_scan
from conftest import REPO, read_tree, write_tree
from roadvault.parse import read_roadmap
from roadvault.vault.build import BuildReport, build_vault
from roadvault.vault.doctor import doctor_vault
from roadvault.vault.update.item_travel import Action
from support.build import build_with_progress
from support.clock import fix_now

UPDATE = REPO / "tests" / "golden" / "update"
CASES = [
    "fenced-conflict-example",
    "reorder-next-to-own-task",
    "conflict-counted-once",
    "reworded-item",
]
NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    fix_now(monkeypatch, NOW, roadvault.progress.vault_scan, roadvault.progress)
    monkeypatch.setenv("TZ", "UTC")  # Progress.md shows local dates; these were made in UTC


def _not_compared(relpath: str) -> bool:
    """The OS lock, caches, and the random token naming this vault's temp files."""
    return relpath in {".roadvault/lock", ".roadvault/temp-token"} or relpath.startswith(
        ".roadvault/cache"
    )


def tick(vault: Path, title: str) -> None:
    pattern = re.compile(rf"^(\s*)- \[ \] {re.escape(title)}( \^rv-\w+)$", re.M)
    for path in sorted(vault.rglob("*.md")):
        if ".roadvault" in path.relative_to(vault).parts:
            continue  # the base copies are roadvault's record, not the learner's notes
        text = path.read_text(encoding="utf-8")
        if pattern.search(text):
            path.write_text(pattern.sub(rf"\1- [x] {title}\2", text, count=1), encoding="utf-8")
            return
    raise AssertionError(f"no item {title!r} to tick")


def edit(path: Path, change: dict) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    if "after" in change:
        at = next((i for i, line in enumerate(lines) if line.startswith(change["after"])), None)
        assert at is not None, f"no line starting {change['after']!r} in {path.name}"
        lines[at + 1 : at + 1] = change["insert"]
        path.write_text("\n".join(lines), encoding="utf-8")
        return
    text = "\n".join(lines)
    assert change["replace"] in text, f"{change['replace']!r} not in {path.name}"
    path.write_text(text.replace(change["replace"], change["with"], 1), encoding="utf-8")


def run_step(case: Path, work: Path, step: dict) -> BuildReport:
    source = work / step["build"]
    source.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case / step["from"], source)
    vault = work / "vault"
    report = build_with_progress(read_roadmap(source), vault, now=NOW)
    for title in step.get("tick", []):
        tick(vault, title)
    for relpath, changes in step.get("edit", {}).items():
        for change in changes:
            edit(vault / relpath, change)
    for relpath, text in step.get("write", {}).items():
        with open(vault / relpath, "a", encoding="utf-8") as handle:
            handle.write(text)
    return report


def run_case(name: str, work: Path) -> tuple[dict, list[BuildReport]]:
    case = UPDATE / name
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    return spec, [run_step(case, work, step) for step in spec["steps"]]


@pytest.mark.parametrize("name", CASES)
def test_update_case(name: str, tmp_path: Path, update_golden: bool) -> None:
    spec, reports = run_case(name, tmp_path)
    vault = tmp_path / "vault"
    for step, report in zip(spec["steps"], reports, strict=True):
        assert getattr(report, "notices", []) == step.get("notices", []), step["from"]
        assert report.conflicts == step.get("conflicts", 0), step["from"]
    kinds = [problem.kind for problem in doctor_vault(vault).problems]
    assert kinds == spec.get("doctor", [])
    built = read_tree(vault, skip=_not_compared)
    expected_dir = UPDATE / name / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        write_tree(expected_dir, dict(built))
    expected = read_tree(expected_dir)
    assert sorted(built) == sorted(expected)
    for relpath in expected:  # one file at a time, so a failure names it
        assert (relpath, built[relpath]) == (relpath, expected[relpath])


@pytest.mark.parametrize("name", CASES)
def test_update_case_rebuild_writes_nothing(name: str, tmp_path: Path) -> None:
    spec, _ = run_case(name, tmp_path)
    vault = tmp_path / "vault"
    before = read_tree(vault, skip=_not_compared)
    again = build_vault(read_roadmap(tmp_path / spec["steps"][-1]["build"]), vault)
    assert (again.written, again.state_written) == (0, 0)
    # A note waiting for its conflicts to be resolved is reported as skipped, not written.
    assert {p.action for p in again.files} <= {Action.UNCHANGED, Action.SKIP}
    assert read_tree(vault, skip=_not_compared) == before
