"""The watcher's pure parts (coalesce, Debouncer, update lines) and its batch processing,
fed scripted events and a fake clock: no observer, no sleeps."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from watch_helpers import JOINS, MODEL, make_vault, private_cache, tick  # noqa: F401

from conftest import write_tree
from roadvault.errors import VaultError
from roadvault.progress.summary import Totals
from roadvault.watch import Batch, Debouncer, Watcher, coalesce, to_relpath, update_lines
from support.clock import FakeClock

ROOT = "/home/me/Study"


def batch(*events: tuple[str, str, str | None, bool]) -> Batch:
    return coalesce(events, root=ROOT)


def test_a_note_event_asks_for_that_note() -> None:
    b = batch(
        ("modified", f"{ROOT}/ML/Linear Algebra.md", None, False),
        ("modified", f"{ROOT}/ML/Linear Algebra.md", None, False),
        ("closed", f"{ROOT}/ML/Calculus.md", None, False),
        ("created", f"{ROOT}/Inbox.md", None, False),
        ("deleted", f"{ROOT}/Old.md", None, False),
    )
    assert b.notes == {"ML/Linear Algebra.md", "ML/Calculus.md", "Inbox.md", "Old.md"}
    assert not (b.rescan_all or b.manifest or b.progress_note or b.vault_gone)


def test_a_rename_asks_for_both_names() -> None:
    b = batch(("moved", f"{ROOT}/A/Old name.md", f"{ROOT}/B/New name.md", False))
    assert b.notes == {"A/Old name.md", "B/New name.md"}


def test_an_atomic_save_through_a_temp_file_is_one_note() -> None:
    b = batch(
        ("created", f"{ROOT}/A/.Note.md.tmp", None, False),
        ("modified", f"{ROOT}/A/.Note.md.tmp", None, False),
        ("moved", f"{ROOT}/A/.Note.md.tmp", f"{ROOT}/A/Note.md", False),
    )
    assert b.notes == {"A/Note.md"}


def test_noise_is_ignored() -> None:
    b = batch(
        ("modified", f"{ROOT}/.obsidian/workspace.json", None, False),
        ("modified", f"{ROOT}/.roadvault/history.jsonl", None, False),
        ("modified", f"{ROOT}/.roadvault/lock", None, False),
        ("created", f"{ROOT}/.rv-x1y2.tmp", None, False),
        ("moved", f"{ROOT}/.trash/a.md", f"{ROOT}/.trash/b.md", False),
        ("modified", f"{ROOT}/A/picture.png", None, False),
        ("modified", f"{ROOT}/A/Note (Conflicted copy laptop 202603141200).md", None, False),
        ("modified", f"{ROOT}/A/Note.sync-conflict-20260314-120000-ABCDEFG.md", None, False),
        ("opened", f"{ROOT}/A/Note.md", None, False),
        ("closed_no_write", f"{ROOT}/A/Note.md", None, False),
        ("modified", f"{ROOT}/A", None, True),
        ("created", f"{ROOT}/.obsidian/plugins", None, True),
        ("modified", "/elsewhere/Note.md", None, False),
    )
    assert not b


def test_our_own_files() -> None:
    b = batch(
        ("created", f"{ROOT}/.rv-abc123.tmp", None, False),
        ("moved", f"{ROOT}/.rv-abc123.tmp", f"{ROOT}/Progress.md", False),
        ("modified", f"{ROOT}/.roadvault/manifest.json", None, False),
    )
    assert b.progress_note and b.manifest and not b.notes


def test_folder_changes_and_a_vanished_vault() -> None:
    assert batch(("moved", f"{ROOT}/ML", f"{ROOT}/Machine Learning", True)).rescan_all
    assert batch(("deleted", f"{ROOT}/ML/Old", None, True)).rescan_all
    assert batch(("deleted", ROOT, None, True)).vault_gone
    assert batch(("moved", ROOT, "/home/me/Trash/Study", True)).vault_gone


def test_relpaths_on_any_platform() -> None:
    assert to_relpath("C:\\Vaults\\Study", "C:\\Vaults\\Study\\A\\B.md") == "A/B.md"
    assert to_relpath("/v", "/v") == ""
    assert to_relpath("/v", "/vault/B.md") is None


def test_debouncer_waits_for_quiet_but_not_forever(clock: FakeClock) -> None:
    debouncer = Debouncer(quiet=2.5, max_wait=10.0, clock=clock)
    assert not debouncer.pending and debouncer.time_left() is None and not debouncer.due()
    debouncer.add()
    clock.advance(2.0)
    assert not debouncer.due() and debouncer.time_left() == pytest.approx(0.5)
    debouncer.add()  # Obsidian saved again while the learner types
    clock.advance(2.4)
    assert not debouncer.due()
    clock.advance(0.1)
    assert debouncer.due()
    debouncer.reset()
    debouncer.add()
    for _ in range(5):  # a save every 2 s, never quiet for 2.5 s
        clock.advance(2.0)
        debouncer.add()
    assert debouncer.due()  # 10 s after the first event: max wait reached


def test_update_lines() -> None:
    before = {"ml": Totals(todo=43, done=12)}
    after = {"ml": Totals(todo=42, done=13)}
    titles = {"ml": "ML Roadmap"}
    assert update_lines(before, after, titles, ["ML/Linear Algebra.md"]) == [
        "Progress: 13/55 (+1) Linear Algebra"
    ]
    assert update_lines(before, before, titles, ["ML/Linear Algebra.md"]) == []
    started = {"ml": Totals(todo=42, doing=1, done=12)}
    assert update_lines(before, started, titles, ["ML/Calculus.md"]) == [
        "Progress: 12/55 (doing 1) Calculus"
    ]
    assert update_lines(before, after, titles, []) == ["Progress: 13/55 (+1) ML Roadmap"]


# --- batch processing on a real vault, events scripted ------------------------------------


def note_event(vault: Path, relpath: str, kind: str = "modified") -> tuple[str, str, None, bool]:
    return (kind, os.path.join(os.path.realpath(vault), relpath), None, False)


def run_batch(
    watcher: Watcher, clock: FakeClock, *events: tuple[str, str, str | None, bool]
) -> bool | None:
    watcher.add_events(list(events))
    clock.advance(10)
    return watcher.step()


def test_processing_batches(tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path)
    lines: list[str] = []
    watcher = Watcher(vault, debounce=2.5, on_update=lines.append, clock=clock)
    assert watcher.commit()  # the first Progress.md
    progress_md = vault / "Progress.md"
    assert watcher.step() is None  # nothing pending

    tick(vault, JOINS, "rv-j2")
    assert run_batch(watcher, clock, note_event(vault, JOINS)) is True
    assert lines == ["Progress: 1/9 (+1) Joins and Aggregation"]
    assert "1/9 · 11%" in progress_md.read_text(encoding="utf-8")

    # Our own write comes back as an event: nothing to do.
    stamp = progress_md.stat().st_mtime_ns
    assert run_batch(watcher, clock, note_event(vault, "Progress.md")) is False
    # A note saved without a change in its tasks: Progress.md is not rewritten.
    os.utime(vault / MODEL)
    assert run_batch(watcher, clock, note_event(vault, MODEL)) is False
    assert progress_md.stat().st_mtime_ns == stamp and len(lines) == 1

    # Someone else edits Progress.md: ours comes back.
    progress_md.write_text("scribbles\n", encoding="utf-8")
    assert run_batch(watcher, clock, note_event(vault, "Progress.md")) is True
    assert "1/9 · 11%" in progress_md.read_text(encoding="utf-8")

    # A deleted note, a binary one, an event for a vanished file: it keeps going.
    (vault / MODEL).unlink()
    write_tree(vault, {"junk.md": b"\x00\x01\x02"})
    assert run_batch(
        watcher,
        clock,
        note_event(vault, MODEL, "deleted"),
        note_event(vault, "junk.md", "created"),
        note_event(vault, "never existed.md", "deleted"),
    )
    assert "1/7" in progress_md.read_text(encoding="utf-8")


def test_a_vault_moved_away_stops_the_watcher(tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "Study")
    watcher = Watcher(vault, clock=clock)
    watcher.check_vault()
    os.rename(vault, tmp_path / "Study (old)")
    with pytest.raises(VaultError, match="moved or deleted"):
        watcher.check_vault()
    (tmp_path / "Study").mkdir()  # a different folder with the same name
    with pytest.raises(VaultError, match="moved or deleted"):
        watcher.check_vault()


def test_a_new_manifest_reloads_attribution(tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path, rv_j1="x")
    watcher = Watcher(vault, clock=clock)
    watcher.commit()
    manifest_path = vault / ".roadvault/manifest.json"
    text = manifest_path.read_text(encoding="utf-8")
    text = text.replace('"title": "Data Engineering Starter"', '"title": "DE Starter"')
    manifest_path.write_text(text, encoding="utf-8")
    assert run_batch(watcher, clock, note_event(vault, ".roadvault/manifest.json")) is True
    assert "## DE Starter — 2/9" in (vault / "Progress.md").read_text(encoding="utf-8")


def test_a_failed_write_is_reported_and_retried(
    tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    vault = make_vault(tmp_path / "vault")
    watcher = Watcher(vault, clock=clock)
    watcher.commit()
    os.unlink(vault / "Progress.md")
    os.symlink(tmp_path / "elsewhere.md", vault / "Progress.md")  # never written through
    tick(vault, JOINS, "rv-j1")
    assert run_batch(watcher, clock, note_event(vault, JOINS)) is False
    assert "Progress.md not updated" in caplog.text and "symlink" in caplog.text
    assert not (tmp_path / "elsewhere.md").exists()
    os.unlink(vault / "Progress.md")
    clock.advance(31)
    assert watcher.step() is True  # retried, and written now
    assert "2/9" in (vault / "Progress.md").read_text(encoding="utf-8")


def test_watch_command_errors_are_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from roadvault.cli import cli

    result = CliRunner().invoke(cli, ["watch", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("nowhere: no such folder")
    assert "Traceback" not in result.stderr


def test_stopping_writes_the_batch_still_in_the_debounce_window(
    tmp_path: Path, clock: FakeClock
) -> None:
    vault = make_vault(tmp_path)
    watcher = Watcher(vault, debounce=2.5, clock=clock)
    watcher.commit()
    assert watcher.flush() is None  # nothing pending: nothing to do
    tick(vault, JOINS, "rv-j2")
    watcher.add_events([note_event(vault, JOINS)])
    clock.advance(0.3)
    assert watcher.step() is None  # not due yet…
    assert watcher.flush() is True  # …but a stop writes it now
    assert "GROUP BY and HAVING" in (vault / "Progress.md").read_text(encoding="utf-8")
    assert not watcher.debouncer.pending and watcher.flush() is None


def test_a_stop_request_wakes_the_loop() -> None:
    import queue

    from roadvault.watch import StopRequest, _drain

    events: queue.SimpleQueue = queue.SimpleQueue()
    stop = StopRequest()
    stop.attach(events)
    assert not stop.is_set()
    stop.set()  # as the signal handler does
    assert stop.is_set()
    assert events.get(timeout=1) is not None  # the loop's wait returns at once
    events.put(("modified", "/x/a.md", None, False))
    stop.set()
    assert _drain(events, None) == [("modified", "/x/a.md", None, False)]  # markers dropped


def test_a_new_start_date_on_the_roadmap_note_redates_the_plan(
    tmp_path: Path, clock: FakeClock
) -> None:
    from watch_helpers import ROADMAP_NOTE

    vault = make_vault(tmp_path)
    watcher = Watcher(vault, debounce=2.5, clock=clock)
    watcher.commit()
    path = vault / ROADMAP_NOTE
    path.write_text(
        path.read_text(encoding="utf-8").replace("---\n", "---\nstart: 2026-01-05\n", 1),
        encoding="utf-8",
    )
    assert run_batch(watcher, clock, note_event(vault, ROADMAP_NOTE)) is True
    assert "planned by 26 Jan" in (vault / "Progress.md").read_text(encoding="utf-8")
