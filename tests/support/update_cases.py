"""The golden update cases (tests/golden/update/<case>/), run as a learner would live them.

Each step of a case's `case.json` copies a roadmap version to `build` (a path beside the
vault, so the manifest's `source_path` is the same on every machine), builds it as the CLI
does (Progress.md and history at `NOW`), then acts as the learner: `tick` items by title,
`edit` a note (`after` a line starting so: `insert` lines; `replace` a text `with`
another), `write` lines at the end of a note, `delete` notes. The vault after the last step
is compared file by file with `expected/` (`match_golden`). Used by the note-merge cases
(tests/vault/update/test_update_golden.py) and the roadmap-identity cases
(tests/vault/update/test_identity_golden.py)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from conftest import read_tree, write_tree
from roadvault.parse import read_roadmap
from roadvault.vault.build import BuildReport
from support.build import build_with_progress

UPDATE = Path(__file__).resolve().parent.parent / "golden" / "update"
NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


def not_compared(relpath: str) -> bool:
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


def edit(path: Path, change: dict[str, Any]) -> None:
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


def run_step(case: Path, work: Path, step: dict[str, Any]) -> BuildReport:
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
    for relpath in step.get("delete", []):
        (vault / relpath).unlink()
    return report


def run_case(name: str, work: Path) -> tuple[dict[str, Any], list[BuildReport]]:
    case = UPDATE / name
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    return spec, [run_step(case, work, step) for step in spec["steps"]]


def match_golden(built: dict[str, str], name: str, update_golden: bool) -> None:
    """The vault's files equal the case's `expected/`, one file at a time so a failure
    names it; with `--update-golden`, `expected/` is rewritten from them first."""
    expected_dir = UPDATE / name / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        write_tree(expected_dir, dict(built))
    expected = read_tree(expected_dir)
    assert sorted(built) == sorted(expected)
    for relpath in expected:
        assert (relpath, built[relpath]) == (relpath, expected[relpath])
