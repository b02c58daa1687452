"""A generated note the learner deleted: not re-created, and no link left dangling.
Before: rebuilt notes and the canvas kept linking to it, and `doctor` said only "broken
links", without a word about the deletion or `--restore`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from roadvault.cli.main import cli
from roadvault.parse import read_roadmap
from roadvault.vault.doctor import doctor_vault
from support.build import build_with_progress

GO_V1 = Path(__file__).resolve().parents[1] / "golden" / "update" / "retitle" / "v1.md"
FOLDER = "Learn Go in 10 Weeks"
ROADMAP_NOTE = f"{FOLDER}/{FOLDER}.md"
CONCURRENCY = f"{FOLDER}/02 Concurrency/Concurrency.md"


def _built(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "go.md"
    shutil.copyfile(GO_V1, source)
    vault = tmp_path / "vault"
    build_with_progress(read_roadmap(source), vault)
    return source, vault


def _canvas_nodes(vault: Path) -> list[dict]:
    return json.loads((vault / f"{FOLDER}/{FOLDER}.canvas").read_text())["nodes"]


def test_links_to_a_deleted_note_become_plain_text(tmp_path: Path) -> None:
    source, vault = _built(tmp_path)
    (vault / CONCURRENCY).unlink()
    build_with_progress(read_roadmap(source), vault)
    assert not (vault / CONCURRENCY).exists()
    for path in vault.rglob("*.md"):
        assert "[[Concurrency" not in path.read_text(), path
    assert "- Phase 2: Concurrency\n" in (vault / ROADMAP_NOTE).read_text()
    nodes = _canvas_nodes(vault)
    assert not any(node.get("file") == CONCURRENCY for node in nodes)
    assert any(node.get("text") == "Phase 2: Concurrency" for node in nodes)
    assert doctor_vault(vault).problems == []
    again = build_with_progress(read_roadmap(source), vault)
    assert (again.written, again.state_written) == (0, 0)


def test_restore_brings_the_note_and_its_links_back(tmp_path: Path) -> None:
    source, vault = _built(tmp_path)
    (vault / CONCURRENCY).unlink()
    build_with_progress(read_roadmap(source), vault)
    build_with_progress(read_roadmap(source), vault, restore=True)
    assert (vault / CONCURRENCY).is_file()
    assert "[[Concurrency|Phase 2: Concurrency]]" in (vault / ROADMAP_NOTE).read_text()
    assert any(node.get("file") == CONCURRENCY for node in _canvas_nodes(vault))


def test_doctor_says_the_note_was_deleted_and_how_to_restore_it(tmp_path: Path) -> None:
    _source, vault = _built(tmp_path)
    (vault / CONCURRENCY).unlink()
    result = CliRunner().invoke(cli, ["doctor", str(vault)])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "[[Concurrency]]" in line]
    assert lines and all("a note you deleted" in line for line in lines)
    assert all("roadvault build --restore" in line for line in lines)
