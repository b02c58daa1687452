"""Golden vaults: tests/golden/<case>/input/roadmap.md (+ optional build.json with options
for build_vault, + optional vault/ to build into) → tests/golden/<case>/expected/, the whole
vault tree including .roadvault/. Then a rebuild must write nothing.

Regenerate deliberately with `pytest tests/vault/test_golden.py --update-golden` and review
the diff: a failing golden test is a question, not a file to regenerate.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import read_tree, write_tree
from roadvault.parse import read_roadmap
from roadvault.vault.build import BuildReport, build_vault
from roadvault.vault.regen import Action

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CASES = sorted(path.name for path in GOLDEN.iterdir() if (path / "input").is_dir())


def not_compared(relpath: str) -> bool:
    """The OS lock file, the vault's random temp-file token, and what the progress work
    writes at the end of a build."""
    return relpath in {
        ".roadvault/lock",
        ".roadvault/temp-token",
        "Progress.md",
        ".roadvault/history.jsonl",
    }


def build_case(case: str, vault: Path) -> BuildReport:
    source = GOLDEN / case / "input"
    options_file = source / "build.json"
    options = json.loads(options_file.read_text()) if options_file.exists() else {}
    # Built from a copy beside the vault, so the manifest's `source_path` ("../roadmap.md",
    # relative to the vault) is the same on every machine.
    roadmap = vault.parent / "roadmap.md"
    shutil.copyfile(source / "roadmap.md", roadmap)
    return build_vault(read_roadmap(roadmap), vault, **options)


def mtimes(root: Path) -> dict[str, int]:
    return {
        path.relative_to(root).as_posix(): path.stat().st_mtime_ns
        for path in root.rglob("*")
        if path.is_file()
    }


@pytest.mark.parametrize("case", CASES)
def test_golden_vault(case: str, tmp_path: Path, update_golden: bool) -> None:
    vault = tmp_path / "vault"
    if (GOLDEN / case / "input" / "vault").is_dir():
        shutil.copytree(GOLDEN / case / "input" / "vault", vault)
    build_case(case, vault)
    built = read_tree(vault, skip=not_compared)
    expected_dir = GOLDEN / case / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        write_tree(expected_dir, dict(built))
    assert built == read_tree(expected_dir)


@pytest.mark.parametrize("case", CASES)
def test_rebuild_writes_nothing(case: str, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    if (GOLDEN / case / "input" / "vault").is_dir():
        shutil.copytree(GOLDEN / case / "input" / "vault", vault)
    build_case(case, vault)
    before, times = read_tree(vault), mtimes(vault)

    report = build_case(case, vault)

    assert (report.written, report.state_written) == (0, 0)
    assert {planned.action for planned in report.files} == {Action.UNCHANGED}
    assert read_tree(vault) == before
    assert mtimes(vault) == times
