"""build_vault end to end on a real folder: what a learner would notice."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

import roadvault.vault.build
from conftest import read_tree, write_tree
from roadvault.errors import InputError, InternalError, LockedError, VaultError
from roadvault.fsio import vault_lock
from roadvault.model import Node, Roadmap
from roadvault.vault.build import build_vault, refresh_progress
from roadvault.vault.update.item_travel import Action

from .roadmaps import data_roadmap, node, with_ids

NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)

TOPIC = "Data Engineering Starter/01 SQL Foundations/Joins - and Aggregation.md"
PHASE_DIR = "Data Engineering Starter/02 Pipelines"


def mtimes(root: Path) -> dict[str, int]:
    return {
        p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()
    }


def test_first_build_then_nothing_to_do(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    report = build_vault(data_roadmap(), vault)
    assert report.count(Action.CREATE) == len(report.files) == 17
    assert report.written == 17 and report.state_written > 0
    assert (vault / ".obsidian" / "app.json").is_file()
    assert (vault / TOPIC).is_file()
    before = mtimes(vault)
    again = build_vault(data_roadmap(), vault)
    assert (again.written, again.state_written) == (0, 0)
    assert mtimes(vault) == before


def test_dry_run_writes_nothing_at_all(tmp_path: Path) -> None:
    vault = tmp_path / "new-vault"
    report = build_vault(data_roadmap(), vault, dry_run=True)
    assert report.count(Action.CREATE) == 17 and report.written == 0
    assert not vault.exists()
    existing = tmp_path / "existing"
    write_tree(existing, {"mine.md": "hello\n"})
    build_vault(data_roadmap(), existing, dry_run=True)
    assert read_tree(existing) == {"mine.md": "hello\n"}
    assert not (existing / ".roadvault").exists() and not (existing / ".obsidian").exists()


def test_learners_files_are_never_touched(tmp_path: Path) -> None:
    mine = {
        ".obsidian/app.json": '{"vimMode": true}',
        ".obsidian/workspace.json": "{}",
        "Modelling.md": "my own modelling note\n",
        "Data Engineering Starter/notes.md": "mine too\n",
    }
    write_tree(tmp_path, mine)
    build_vault(data_roadmap(), tmp_path)
    tree = read_tree(tmp_path)
    for relpath, text in mine.items():
        assert tree[relpath] == text
    # A folder of the learner's is not the roadmap's: the roadmap gets its own, and the topic
    # named like the learner's note a distinct name.
    assert "Data Engineering Starter 2/01 SQL Foundations/Modelling (SQL Foundations).md" in tree


def test_ticks_and_writing_survive_a_roadmap_update(tmp_path: Path) -> None:
    build_vault(data_roadmap(), tmp_path)
    note = tmp_path / TOPIC
    text = note.read_text().replace("- [ ] Window functions", "- [x] Window functions")
    note.write_text(text + "\nMy summary of joins.\n")
    updated = data_roadmap()
    updated.nodes[0].children[0].children.append(Node("Self joins", id="rv-selfjn"))
    report = build_vault(updated, tmp_path)
    assert {p.relpath: p.action for p in report.files}[TOPIC] is Action.MERGE
    result = note.read_text()
    assert "- [x] Window functions · 2 days ^" in result
    assert "- [ ] Self joins ^rv-selfjn" in result
    assert result.endswith("My summary of joins.\n")
    assert build_vault(updated, tmp_path).written == 0


def test_deleted_notes_stay_deleted(tmp_path: Path) -> None:
    build_vault(data_roadmap(), tmp_path)
    (tmp_path / TOPIC).unlink()
    (tmp_path / "Home.md").unlink()
    report = build_vault(data_roadmap(), tmp_path)
    assert not (tmp_path / TOPIC).exists() and not (tmp_path / "Home.md").exists()
    actions = {p.relpath: p for p in report.files}
    assert actions[TOPIC].action is Action.SKIP and "deleted" in actions[TOPIC].notes[0]
    # Only the notes (and canvas) that linked to it change: the link becomes plain text.
    assert {p.relpath for p in report.files if p.writes} <= {
        p.relpath for p in report.files if p.kind in ("phase", "canvas", "roadmap", "topic")
    }
    assert build_vault(data_roadmap(), tmp_path).written == 0


def test_lost_state_rebuilds_in_place_without_duplicates(tmp_path: Path) -> None:
    build_vault(data_roadmap(), tmp_path)
    note = tmp_path / TOPIC
    note.write_text(note.read_text().replace("- [ ] Window", "- [x] Window") + "mine\n")
    shutil.rmtree(tmp_path / ".roadvault")
    before = read_tree(tmp_path, skip=lambda p: p == "Progress.md")
    build_vault(data_roadmap(), tmp_path)
    after = read_tree(tmp_path, skip=lambda p: p.startswith(".roadvault/") or p == "Progress.md")
    assert after == before  # same folder, same names, ticks and lines kept, nothing new
    assert build_vault(data_roadmap(), tmp_path).written == 0


def test_two_roadmaps_share_a_vault(tmp_path: Path) -> None:
    other = with_ids(
        Roadmap("Spanish", "es.md", nodes=[node("Basics", node("Home", node("Hola")))])
    )
    build_vault(data_roadmap(), tmp_path)
    build_vault(other, tmp_path)
    tree = read_tree(tmp_path)
    assert "Spanish/01 Basics/Home (Basics).md" in tree  # Home.md is the vault's home note
    assert '"tag:#roadmap/data-engineering-starter"' in tree[".obsidian/graph.json"]
    assert '"tag:#roadmap/spanish"' in tree[".obsidian/graph.json"]
    assert build_vault(data_roadmap(), tmp_path).written == 0
    assert build_vault(other, tmp_path).written == 0
    same_title = data_roadmap()
    report = build_vault(same_title, tmp_path, name="DE copy")
    assert report.folder == "DE copy" and report.slug == "de-copy"


def test_vault_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "vault.md"
    target.write_text("not a folder")
    with pytest.raises(VaultError, match="is a file, not a folder"):
        build_vault(data_roadmap(), target)
    with pytest.raises(VaultError, match="a file stands in its path"):
        build_vault(data_roadmap(), target / "inside")
    assert target.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_vault(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(VaultError, match="not writable"):
            build_vault(data_roadmap(), tmp_path)
        with pytest.raises(VaultError, match="not writable"):
            build_vault(data_roadmap(), tmp_path / "new")
    finally:
        tmp_path.chmod(0o755)


def test_unwritable_vault_checked_before_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(VaultError, match="not writable"):
        build_vault(data_roadmap(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_symlinks_escaping_the_vault_are_skipped_and_the_rest_is_written(tmp_path: Path) -> None:
    vault, outside = tmp_path / "vault", tmp_path / "outside"
    build_vault(data_roadmap(), vault)
    shutil.move(vault / PHASE_DIR, outside)
    os.symlink(outside, vault / PHASE_DIR)
    secret = tmp_path / "secret.md"
    secret.write_text("secret\n")
    (vault / TOPIC).unlink()
    os.symlink(secret, vault / TOPIC)
    snapshot = read_tree(outside)
    updated = data_roadmap()
    for phase in updated.nodes:
        phase.duration = (phase.duration or "") + " or so"
    report = build_vault(updated, vault)
    actions = {p.relpath: p for p in report.files}
    assert actions[TOPIC].action is Action.SKIP and "symlink" in actions[TOPIC].notes[0]
    assert actions[f"{PHASE_DIR}/Pipelines.md"].action is Action.SKIP
    assert read_tree(outside) == snapshot and secret.read_text() == "secret\n"
    assert (
        actions["Data Engineering Starter/01 SQL Foundations/SQL Foundations.md"].action
        is Action.UPDATE
    )
    assert (
        "3 weeks or so"
        in (vault / "Data Engineering Starter/01 SQL Foundations/SQL Foundations.md").read_text()
    )


def test_a_read_only_note_is_reported_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_vault(data_roadmap(), tmp_path)
    note = tmp_path / TOPIC
    note.chmod(0o444)
    real_access = os.access
    # Root ignores file modes: let os.access answer as it would for the learner.
    monkeypatch.setattr(
        os, "access", lambda path, mode: False if Path(path) == note else real_access(path, mode)
    )
    updated = data_roadmap()
    updated.nodes[0].children[0].children[0].title = "Inner, outer and cross joins"
    before = note.read_bytes()
    report = build_vault(updated, tmp_path)
    planned = {p.relpath: p for p in report.files}[TOPIC]
    assert planned.action is Action.SKIP and "read-only" in planned.notes[0]
    assert note.read_bytes() == before
    # Renamed (which moves the file), a read-only note stays where and as it is.
    updated.nodes[0].children[0].title = "Joins and Aggregation, revised"
    report = build_vault(updated, tmp_path)
    assert note.read_bytes() == before
    assert all(p.action is not Action.DELETE for p in report.files if p.relpath == TOPIC)


def test_a_busy_vault_is_a_locked_error(tmp_path: Path) -> None:
    build_vault(data_roadmap(), tmp_path)
    changed = data_roadmap()
    changed.nodes[0].title = "SQL Foundations, revised"
    with vault_lock(tmp_path), pytest.raises(LockedError):
        build_vault(changed, tmp_path)
    # With nothing to write, a rebuild does not need the lock: it says the vault is current.
    with vault_lock(tmp_path):
        assert build_vault(data_roadmap(), tmp_path).written == 0


def test_bad_models_fail_before_any_write(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no items"):
        build_vault(Roadmap("Empty", "e.md"), tmp_path / "a")
    duplicate = with_ids(Roadmap("R", "r.md", nodes=[node("A"), node("B")]))
    duplicate.nodes[1].id = duplicate.nodes[0].id
    with pytest.raises(InternalError, match="repeated id"):
        build_vault(duplicate, tmp_path / "b")
    deep = Node("leaf", id="rv-deep0")
    for level in range(150):
        deep = Node(f"level {level}", id=f"rv-d{level}", children=[deep])
    with pytest.raises(InputError, match="nested"):
        build_vault(Roadmap("Deep", "d.md", nodes=[deep]), tmp_path / "c")
    with pytest.raises(InputError, match="depth"):
        build_vault(data_roadmap(), tmp_path / "d", depth=12)
    assert list(tmp_path.iterdir()) == []


def test_progress_is_the_callers_step_after_real_builds_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build_vault writes no Progress.md; refresh_progress does, at the caller's `now`, after
    a build that applied its plan (not a dry run, not a rebuild found up to date)."""
    calls: list[tuple[Path, datetime]] = []

    def record(vault: Path, *, now: datetime) -> bool:
        calls.append((vault, now))
        return True

    monkeypatch.setattr(roadvault.vault.build, "write_progress", record)
    dry = build_vault(data_roadmap(), tmp_path, dry_run=True)
    assert not refresh_progress(dry, now=NOW) and calls == []
    report = build_vault(data_roadmap(), tmp_path)
    assert calls == [] and not (tmp_path / "Progress.md").exists()
    assert refresh_progress(report, now=NOW) and report.progress_written
    assert calls == [(tmp_path, NOW)]
    again = build_vault(data_roadmap(), tmp_path)  # the fast path: nothing to refresh
    assert not refresh_progress(again, now=NOW) and len(calls) == 1


def test_progress_md_and_history_follow_the_given_now(tmp_path: Path) -> None:
    report = build_vault(data_roadmap(), tmp_path)
    assert refresh_progress(report, now=NOW)
    history = (tmp_path / ".roadvault" / "history.jsonl").read_text(encoding="utf-8")
    assert history and all('"t": "2026-03-14T09:00:00Z"' in line for line in history.splitlines())
    assert (tmp_path / "Progress.md").is_file()


def test_a_failed_progress_update_is_a_warning_and_the_vault_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(vault: Path, *, now: datetime) -> bool:
        raise VaultError("is read-only; left unchanged", path=vault / "Progress.md")

    monkeypatch.setattr(roadvault.vault.build, "write_progress", refuse)
    report = build_vault(data_roadmap(), tmp_path)
    assert not refresh_progress(report, now=NOW)
    assert not report.progress_written and report.written > 0
    assert "Progress.md not updated" in caplog.text and "read-only" in caplog.text
    assert (tmp_path / ".roadvault" / "manifest.json").exists()


def test_reordered_phases_move_notes_with_their_ticks_and_lines(tmp_path: Path) -> None:
    build_vault(data_roadmap(), tmp_path)
    old = tmp_path / "Data Engineering Starter/02 Pipelines/Batch ingestion.md"
    old.write_text(old.read_text().replace("- [ ] Backfills", "- [x] Backfills") + "mine\n")
    (tmp_path / "Data Engineering Starter/02 Pipelines/my-sketch.png").write_bytes(b"png")
    reordered = data_roadmap()
    reordered.nodes[0], reordered.nodes[1] = reordered.nodes[1], reordered.nodes[0]
    report = build_vault(reordered, tmp_path)
    moved = tmp_path / "Data Engineering Starter/01 Pipelines/Batch ingestion.md"
    text = moved.read_text()
    assert "- [x] Backfills ^" in text and text.endswith("mine\n")
    assert not old.exists()
    actions = {p.relpath: p for p in report.files}
    assert (
        actions["Data Engineering Starter/02 Pipelines/Batch ingestion.md"].action is Action.DELETE
    )
    # The learner's file keeps the old folder alive; the other old folder, now empty, is gone.
    assert (tmp_path / "Data Engineering Starter/02 Pipelines/my-sketch.png").exists()
    assert not (tmp_path / "Data Engineering Starter/01 SQL Foundations").exists()
    assert (tmp_path / "Data Engineering Starter/02 SQL Foundations/Modelling.md").exists()
    again = build_vault(reordered, tmp_path)
    assert (again.written, again.state_written) == (0, 0)


def test_a_vault_built_before_titles_kept_their_numbers_keeps_its_notes_and_ticks(
    tmp_path: Path,
) -> None:
    """Titles once lost the author's numbering ("1.1 Casting on" read as "Casting on"): a
    vault built then is rebuilt with the same note names, ids and ticks; only the
    headings, aliases and checkbox lines show the numbers."""
    from roadvault.parse import parse_roadmap

    before = "# Knitting\n\n## Basics\n\n### Casting on\n- [ ] Long-tail\n- [ ] Cable\n"
    after = "# Knitting\n\n## 1. Basics\n\n### 1.1 Casting on\n- [ ] Long-tail\n- [ ] Cable\n"
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(before, source="k.md"), vault)
    topic = vault / "Knitting" / "01 Basics" / "Casting on.md"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace("- [ ] Long-tail", "- [x] Long-tail"), encoding="utf-8")
    paths = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    report = build_vault(parse_roadmap(after, source="k.md"), vault)
    assert sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md")) == paths
    assert report.count(Action.CREATE) == 0
    text = topic.read_text(encoding="utf-8")
    assert "# 1.1 Casting on" in text and "- [x] Long-tail" in text, text
    phase = (vault / "Knitting" / "01 Basics" / "Basics.md").read_text(encoding="utf-8")
    assert "# 1. Basics" in phase and "[[Casting on|1.1 Casting on]]" in phase, phase
