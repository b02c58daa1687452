"""Golden vaults: tests/golden/<case>/input/roadmap.md (+ optional build.json with options
for build_vault, + optional vault/ to build into) → tests/golden/<case>/expected/, the whole
vault tree including .roadvault/. Then a rebuild must write nothing.

build.json's `start` is a date (YYYY-MM-DD); its `now` (an ISO time) is not build_vault's:
the case then takes the caller's step after the build as `roadvault build` does,
`refresh_progress` at that moment, so Progress.md and the history are compared too (dates
shown in UTC).

Regenerate deliberately with `pytest tests/vault/test_golden.py --update-golden` and review
the diff: a failing golden test is a question, not a file to regenerate.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

import roadvault.cli.build_cmd
from conftest import read_tree, write_tree
from roadvault.cli.main import cli
from roadvault.parse import read_roadmap
from roadvault.vault.build import BuildReport, build_vault, refresh_progress
from roadvault.vault.update.item_travel import Action
from support.clock import fix_now

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CASES = sorted(path.name for path in GOLDEN.iterdir() if (path / "input").is_dir())


def not_compared(relpath: str) -> bool:
    """The OS lock file and the vault's random temp-file token."""
    return relpath in {".roadvault/lock", ".roadvault/temp-token"}


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")  # Progress.md shows local dates


def build_case(case: str, vault: Path) -> BuildReport:
    source = GOLDEN / case / "input"
    options_file = source / "build.json"
    options = json.loads(options_file.read_text()) if options_file.exists() else {}
    now = options.pop("now", None)
    if "start" in options:
        options["start"] = date.fromisoformat(options["start"])
    # Built from a copy beside the vault, so the manifest's `source_path` ("../roadmap.md",
    # relative to the vault) is the same on every machine.
    roadmap = vault.parent / "roadmap.md"
    shutil.copyfile(source / "roadmap.md", roadmap)
    report = build_vault(read_roadmap(roadmap), vault, **options)
    if now is not None:
        refresh_progress(report, now=datetime.fromisoformat(now))
    return report


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


def test_the_cli_writes_progress_md_at_the_clocks_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`roadvault build` takes the step after the build itself, at the clock's `now`: the
    `progress` case built by the CLI, its clock stopped at the case's `now`, is its golden
    vault, Progress.md and history included."""
    options = json.loads((GOLDEN / "progress" / "input" / "build.json").read_text())
    fix_now(monkeypatch, datetime.fromisoformat(options["now"]), roadvault.cli.build_cmd)
    roadmap, vault = tmp_path / "roadmap.md", tmp_path / "vault"
    shutil.copyfile(GOLDEN / "progress" / "input" / "roadmap.md", roadmap)
    args = ["build", str(roadmap), "--vault", str(vault), "--start", options["start"]]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert read_tree(vault, skip=not_compared) == read_tree(GOLDEN / "progress" / "expected")


def test_the_path_based_writes_build_the_same_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the platform has no folder descriptors to write relative to (`fsio._DIR_FD_OK`
    false), every write goes by path: the same golden vault, byte for byte."""
    import roadvault.fsio

    monkeypatch.setattr(roadvault.fsio, "_DIR_FD_OK", False)
    vault = tmp_path / "vault"
    shutil.copytree(GOLDEN / "existing-vault" / "input" / "vault", vault)
    build_case("existing-vault", vault)
    assert read_tree(vault, skip=not_compared) == read_tree(GOLDEN / "existing-vault" / "expected")
