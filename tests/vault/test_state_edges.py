"""Edges of a vault's state a learner can reach by accident: an empty vault path, a note
made read-only (also when running as root), a symlinked `.roadvault/base`, their own files
named like roadvault's temp files, and a roadmap note moved in Obsidian."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import read_tree
from roadvault.cli.main import cli
from roadvault.errors import UnsafePathError
from roadvault.parse import read_roadmap
from roadvault.vault.build import build_vault
from roadvault.vault.update.item_travel import Action
from roadvault.vaultformat import TOKEN_RELPATH

GO_V1 = Path(__file__).resolve().parents[1] / "golden" / "update" / "retitle" / "v1.md"
FOLDER = "Learn Go in 10 Weeks"
BASICS = f"{FOLDER}/01 Basics/Basics.md"


def _v2(text: str) -> str:
    return text.replace("- [ ] Control flow", "- [ ] Control flow\n- [ ] Functions")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "go.md"
    shutil.copyfile(GO_V1, source)
    vault = tmp_path / "vault"
    build_vault(read_roadmap(source), vault)
    return source, vault


@pytest.mark.parametrize(
    "args",
    [
        ["build", "go.md", "--vault", ""],
        ["status", ""],
        ["doctor", ""],
        ["status", "  "],
        ["watch", ""],
        ["today", ""],
        ["today", "", "--daily-note"],
        ["plan", ""],
        ["plan", "", "--start", "2026-03-02"],
    ],
)
def test_an_empty_vault_path_is_a_usage_error(args: list[str]) -> None:
    """Before: "" meant the current folder, exit 0 (a build wrote a vault there). Every
    command that takes a vault takes it as `cli.params.VaultFolder`: `today` and `plan`
    still took "" for the current folder (`plan --start` and `today --daily-note` write
    there), which failed here before."""
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "an empty path is not a vault folder" in result.output


def test_a_read_only_note_is_left_unchanged_even_as_root(built: tuple[Path, Path]) -> None:
    """Before, as root: `os.access` said writable, so the note was replaced."""
    source, vault = built
    note = vault / BASICS
    note.chmod(0o444)
    before = note.read_bytes()
    source.write_text(_v2(source.read_text()))
    report = build_vault(read_roadmap(source), vault)
    assert note.read_bytes() == before
    assert stat.S_IMODE(note.stat().st_mode) == 0o444
    skipped = [p for p in report.files if p.relpath == BASICS]
    assert skipped[0].action is Action.SKIP and "read-only" in " ".join(skipped[0].notes)


def test_a_symlinked_base_folder_is_refused_before_writing(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """Before: the notes were written, then a dozen warnings and a failure."""
    source, vault = built
    outside = tmp_path / "outside-base"
    shutil.move(vault / ".roadvault" / "base", outside)
    os.symlink(outside, vault / ".roadvault" / "base")
    outside_before = read_tree(outside)
    before = read_tree(vault, skip=lambda rel: rel.startswith(".roadvault/base"))
    source.write_text(_v2(source.read_text()))
    result = CliRunner().invoke(cli, ["build", str(source), "--vault", str(vault)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert "base: is a symlink" in lines[0] and len(lines) <= 2, lines  # + a hint
    assert read_tree(vault, skip=lambda rel: rel.startswith(".roadvault/base")) == before
    assert read_tree(outside) == outside_before
    with pytest.raises(UnsafePathError):
        build_vault(read_roadmap(source), vault, dry_run=True)


def test_learner_files_named_like_temp_files_are_kept(built: tuple[Path, Path]) -> None:
    """Before: every build deleted `.rv-*.tmp` anywhere in the vault."""
    source, vault = built
    token = (vault / TOKEN_RELPATH).read_text().strip()
    mine = [vault / ".rv-notes.tmp", vault / FOLDER / ".rv-a1b2c3d4.tmp"]
    for path in mine:
        path.write_text("my scratch\n")
    stale = vault / FOLDER / f".rv-{token}-k9x8w7.tmp"  # what a killed roadvault leaves
    stale.write_text("half a note")
    source.write_text(_v2(source.read_text()))
    build_vault(read_roadmap(source), vault)
    assert all(path.read_text() == "my scratch\n" for path in mine)
    assert not stale.exists()


def test_a_moved_roadmap_note_is_found_and_updated_where_it_is(
    built: tuple[Path, Path],
) -> None:
    """Before: the roadmap note was taken as deleted (not updated, its new phases missing)."""
    source, vault = built
    note = vault / FOLDER / f"{FOLDER}.md"
    moved = vault / "Mine" / "Go plan.md"
    moved.parent.mkdir()
    moved.write_text(note.read_text() + "my line\n")
    note.unlink()
    source.write_text(
        source.read_text().replace(
            "## Phase 3: Projects", "## Phase 3: Testing\n- [ ] Table tests\n\n## Phase 4: Projects"
        )
    )
    report = build_vault(read_roadmap(source), vault)
    text = moved.read_text()
    assert "[[Testing|Phase 3: Testing]]" in text and "my line" in text
    assert not note.exists()
    assert [p.action for p in report.files if p.relpath == "Mine/Go plan.md"] == [Action.MERGE]
    again = build_vault(read_roadmap(source), vault)
    assert (again.written, again.state_written) == (0, 0)
