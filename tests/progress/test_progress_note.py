"""Progress.md and the vault scan: what a learner sees, written only when it changes."""

from __future__ import annotations

import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from progress_vaults import JOINS, MODEL, PIPE_NOTE, ROADMAP, make_vault, private_cache  # noqa: F401
from test_progress_history import tick

from conftest import read_tree, write_tree
from roadvault.errors import LockedError, VaultError
from roadvault.fsio import vault_lock
from roadvault.progress import progress_summary, scan_vault, vault_scan, write_progress
from roadvault.progress.vault_scan import VaultProgress
from roadvault.vault.check import check_links
from roadvault.vaultformat import slugify

T1 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def progress_note(vault: Path) -> str:
    return (vault / "Progress.md").read_text(encoding="utf-8")


def test_progress_note_reads_well_and_every_link_resolves(tmp_path: Path) -> None:
    vault = make_vault(tmp_path, rv_j1="x", rv_j2="/", rv_p2="-")
    write_tree(vault, {"Inbox.md": "- [ ] my own thing\n- [x] another\n"})
    assert write_progress(vault, now=T1)
    text = progress_note(vault)
    assert text.startswith("---\nroadvault: progress\ncssclasses:\n  - roadvault-progress\n---\n")
    assert "> [!info] Written by roadvault — edits here are replaced." in text
    assert "`[-]` skipped (not counted)" in text
    assert f"## {ROADMAP} — 2/8 · 25%" in text  # 7 items + the subtask done with its parent
    assert '<progress value="2" max="8"></progress>' in text
    assert "**Doing now:** [[Joins and Aggregation#^rv-j2|GROUP BY and HAVING]]" in text
    assert "**Next up:** [[Joins and Aggregation#^rv-j3|Window functions]]" in text
    assert "| [[SQL Foundations]] | 2/6 |" in text
    # A leaf phase has no note: it links to its checkbox.
    assert "| [[Data Engineering Starter#^rv-cap\\|Capstone]] | 0/1 |" in text
    assert "## Other notes — 1/2 · 50%" in text
    assert 'pie showData title Data Engineering Starter\n  "done" : 2' in text
    files = read_tree(vault, skip=lambda p: p.startswith("."))
    assert check_links(files) == []


def test_written_only_when_its_text_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")  # "the same day" below is a UTC day
    vault = make_vault(tmp_path)
    assert write_progress(vault, now=T1)
    stamp = os.stat(vault / "Progress.md").st_mtime_ns
    later_same_day = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    assert not write_progress(vault, now=later_same_day)
    assert os.stat(vault / "Progress.md").st_mtime_ns == stamp
    tick(vault, MODEL, "rv-m1")
    assert write_progress(vault, now=later_same_day)
    assert "Updated 2026-03-01 23:00 UTC" in progress_note(vault)


def test_someone_elses_edit_of_progress_note_is_replaced(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    write_progress(vault, now=T1)
    original = progress_note(vault)
    (vault / "Progress.md").write_text("my scribbles\n", encoding="utf-8")
    assert write_progress(vault, now=T1)
    assert progress_note(vault) == original


def test_byte_identical_for_the_same_vault_and_day(tmp_path: Path) -> None:
    one = make_vault(tmp_path / "one", rv_j1="x", rv_m2="/")
    two = make_vault(tmp_path / "two", rv_j1="x", rv_m2="/")
    write_progress(one, now=T1)
    write_progress(two, now=T1)
    assert progress_note(one) == progress_note(two)


def test_a_build_holding_the_lock_is_waited_for(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    state = scan_vault(vault)
    with vault_lock(vault), pytest.raises(LockedError):
        state.commit(T1, lock_timeout=0.05)
    assert not (vault / "Progress.md").exists()
    assert state.commit(T1)


def test_a_folder_that_is_not_a_vault(tmp_path: Path) -> None:
    write_tree(tmp_path, {"notes/a.md": "- [ ] plain notes, no roadvault properties\n"})
    with pytest.raises(VaultError, match="not a roadvault vault"):
        scan_vault(tmp_path)
    with pytest.raises(VaultError, match="no such folder"):
        scan_vault(tmp_path / "missing")


def test_a_vault_without_manifest_uses_note_properties(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "a.md": "---\nroadmap: Hand Made\n---\n- [x] one\n- [ ] two\n",
            "b.md": "---\nroadmap: Hand Made\n---\n- [/] three\n",
            "c.md": "- [ ] no roadmap\n",
        },
    )
    summary = progress_summary(scan_vault(tmp_path), now=T1)
    [roadmap] = summary["roadmaps"]
    assert roadmap["title"] == "Hand Made" and roadmap["totals"]["total"] == 3
    assert summary["other"]["totals"]["todo"] == 1


def test_a_roadmap_known_by_its_notes_gets_the_slug_a_build_would_give_it(
    tmp_path: Path,
) -> None:
    """Before: progress had its own slug rule ("Español básico" → `espa-ol-b-sico`, the
    build's `espanol-basico`), so `status --json` named such a roadmap by another key than
    the one its first build gives it."""
    write_tree(tmp_path, {"a.md": "---\nroadmap: Español básico\n---\n- [x] uno\n"})
    [roadmap] = progress_summary(scan_vault(tmp_path), now=T1)["roadmaps"]
    assert roadmap["slug"] == slugify("Español básico") == "espanol-basico"


def test_odd_files_are_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault(tmp_path, rv_j1="x")
    monkeypatch.setattr(vault_scan, "MAX_NOTE_BYTES", 1000)
    write_tree(
        vault,
        {
            "huge.md": "- [ ] x\n" * 200,
            "binary.md": b"\x00\x01- [ ] x\n",
            "broken yaml.md": "---\nroadmap: [unclosed\n---\n- [x] counted as other\n",
            "latin1.md": "- [x] caf\xe9\n".encode("latin-1"),
            ".obsidian/plugin.md": "- [ ] ignored\n",
            "picture.png": b"\x89PNG",
        },
    )
    os.symlink(vault / JOINS, vault / "link.md")
    with caplog.at_level(logging.WARNING):
        summary = progress_summary(scan_vault(vault), now=T1)
    assert "huge.md" in caplog.text and "binary.md" in caplog.text
    assert "broken yaml.md" in caplog.text
    assert summary["other"]["totals"] == {
        "done": 2, "doing": 0, "todo": 0, "skipped": 0, "total": 2, "percent": 100.0,
    }  # fmt: skip
    assert summary["roadmaps"][0]["totals"]["done"] == 2


def test_an_unreadable_note_is_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault(tmp_path, rv_m1="x")
    real_open = os.open

    def refusing(path: str, *args: int, **kwargs: int) -> int:
        if str(path).endswith("Modelling.md"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(vault_scan.os, "open", refusing)
    with caplog.at_level(logging.WARNING):
        state = scan_vault(vault)
    assert "Modelling.md: cannot read this note (Permission denied)" in caplog.text
    assert state.progress.missing("data-engineering-starter") == 2


def _age(vault: Path, *relpaths: str, seconds: float = 60) -> None:
    """Make notes look modified a while ago (so the cache may trust them); all by default."""
    past = datetime.now(UTC).timestamp() - seconds
    for path in [vault / r for r in relpaths] or list(vault.rglob("*.md")):
        os.utime(path, (past, past))


def test_a_restart_reads_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault(tmp_path, rv_j1="x")
    _age(vault)
    scan_vault(vault)  # saves the cache
    reads: list[str] = []
    real = vault_scan.read_note_scan

    def counting(root: str, relpath: str, **kwargs: bool):  # type: ignore[no-untyped-def]
        reads.append(relpath)
        return real(root, relpath, **kwargs)

    monkeypatch.setattr(vault_scan, "read_note_scan", counting)
    state = scan_vault(vault)
    assert reads == []
    assert state.progress.counts("data-engineering-starter")[2] == 2
    tick(vault, PIPE_NOTE, "rv-p1")
    _age(vault, PIPE_NOTE, seconds=30)
    state = scan_vault(vault)
    assert reads == [PIPE_NOTE]
    assert state.progress.counts("data-engineering-starter")[2] == 3


def test_notes_read_just_after_a_change_are_not_cached(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    state = VaultProgress.open(vault)
    assert JOINS in state.racy  # written a moment ago: its mtime could be reused
    state.save_cache()
    assert vault_scan.load_cache(vault).keys().isdisjoint(state.racy)


def test_a_same_size_tick_in_the_same_mtime_is_seen_after_a_rescan(tmp_path: Path) -> None:
    # A file system with coarse timestamps (or a quick edit under `--poll`) can change a note
    # without changing its mtime or size: a note read just after a change is read again.
    vault = make_vault(tmp_path)
    path = vault / PIPE_NOTE
    stamp = time.time_ns()
    os.utime(path, ns=(stamp, stamp))
    state = VaultProgress.open(vault, use_cache=False)
    assert PIPE_NOTE in state.racy
    before = state.progress.counts("data-engineering-starter")[2]
    size = path.stat().st_size
    tick(vault, PIPE_NOTE, "rv-p1")
    os.utime(path, ns=(stamp, stamp))  # the same mtime as when it was read
    assert path.stat().st_size == size
    state.rescan_all()
    assert state.progress.counts("data-engineering-starter")[2] == before + 1
    tick(vault, PIPE_NOTE, "rv-p1", mark=" ")
    os.utime(path, ns=(stamp, stamp))
    state.rescan([PIPE_NOTE])  # the watcher's path for one note
    assert state.progress.counts("data-engineering-starter")[2] == before


def test_a_damaged_manifest_is_one_clear_error(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    (vault / ".roadvault/manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(VaultError, match="manifest is not valid JSON") as caught:
        scan_vault(vault)
    assert (
        caught.value.hint is not None and "move .roadvault/manifest.json aside" in caught.value.hint
    )


def test_small_vaults_leave_no_cache_file_and_stale_ones_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roadvault.progress import cache

    cache_folder = Path(os.environ["ROADVAULT_CACHE_DIR"])
    monkeypatch.setattr(cache, "MIN_NOTES", 500)
    write_progress(make_vault(tmp_path / "small"), now=T1)
    assert list(cache_folder.iterdir()) == []
    stale = cache_folder / "progress-0123456789abcdef.json"
    stale.write_text("{}", encoding="utf-8")
    os.utime(stale, (0, 0))
    monkeypatch.setattr(cache, "MIN_NOTES", 0)
    write_progress(make_vault(tmp_path / "other"), now=T1)
    assert [p.name for p in cache_folder.iterdir()] == [cache.cache_path(tmp_path / "other").name]
