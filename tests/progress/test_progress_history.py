"""history.jsonl: one appended line per status change, rebuilt on start, corrupt lines skipped."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from progress_vaults import ITEMS, JOINS, make_vault, private_cache  # noqa: F401

from roadvault.errors import UnsafePathError, VaultError
from roadvault.model import Status
from roadvault.progress import write_progress
from roadvault.progress.history import (
    HISTORY_RELPATH,
    Entry,
    append_history,
    entry_line,
    load_history,
    parse_history,
    parse_line,
)

T1 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
T2 = datetime(2026, 3, 2, 18, 30, tzinfo=UTC)


def history_lines(vault: Path) -> list[dict]:
    text = (vault / HISTORY_RELPATH).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def tick(vault: Path, relpath: str, item_id: str, mark: str = "x") -> None:
    path = vault / relpath
    lines = path.read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines):
        if line.endswith(f"^{item_id}"):
            at = line.index("[") + 1
            lines[n] = line[:at] + mark + line[at + 1 :]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_line_format_round_trips() -> None:
    entry = Entry(T1, "ml", "rv-1", Status.TODO, Status.DONE)
    line = entry_line(entry)
    assert line == (
        '{"t": "2026-03-01T09:00:00Z", "roadmap": "ml", "id": "rv-1", "from": "todo", '
        '"to": "done"}\n'
    )
    assert parse_line(line) == entry
    assert parse_line(entry_line(Entry(T1, "ml", "rv-1", None, Status.DOING))).before is None


def test_corrupt_lines_are_skipped_with_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    good = entry_line(Entry(T1, "ml", "rv-1", None, Status.TODO))
    later = entry_line(Entry(T2, "ml", "rv-1", Status.TODO, Status.DONE))
    text = good + "{not json\n" + '{"t": "x"}\n' + '{"t": "2026-03-01T00:00:00Z"}\n' + later[:-10]
    text += "\n" + later
    with caplog.at_level(logging.WARNING):
        history = parse_history(text)
    assert history.last == {"rv-1": Status.DONE}
    assert history.size == 2
    assert len(caplog.records) == 1 and "skipped 4 unreadable line(s)" in caplog.text


def test_first_scan_records_the_starting_state_once(tmp_path: Path) -> None:
    vault = make_vault(tmp_path, rv_j1="x", rv_m1="/")
    assert write_progress(vault, now=T1)
    lines = history_lines(vault)
    assert len(lines) == len(ITEMS)
    assert all(line["from"] is None and line["t"] == "2026-03-01T09:00:00Z" for line in lines)
    assert {line["id"]: line["to"] for line in lines}["rv-j1"] == "done"
    # Nothing changed (the same day, in any zone): nothing appended, Progress.md left alone.
    assert not write_progress(vault, now=T1 + timedelta(minutes=30))
    assert len(history_lines(vault)) == len(ITEMS)


def test_each_change_appends_one_line_and_survives_restarts(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    write_progress(vault, now=T1)
    tick(vault, JOINS, "rv-j2", "/")
    write_progress(vault, now=T2)
    tick(vault, JOINS, "rv-j2", "x")
    later = datetime(2026, 3, 3, tzinfo=UTC)
    write_progress(vault, now=later)
    new = history_lines(vault)[len(ITEMS) :]
    assert new == [
        {"t": "2026-03-02T18:30:00Z", "roadmap": "data-engineering-starter", "id": "rv-j2",
         "from": "todo", "to": "doing"},
        {"t": "2026-03-03T00:00:00Z", "roadmap": "data-engineering-starter", "id": "rv-j2",
         "from": "doing", "to": "done"},
    ]  # fmt: skip
    assert load_history(vault).last["rv-j2"] is Status.DONE


def test_append_adds_whole_lines_to_what_is_there(tmp_path: Path) -> None:
    (tmp_path / ".roadvault").mkdir()
    (tmp_path / HISTORY_RELPATH).write_text("keep me\n", encoding="utf-8")
    entries = [Entry(T1, "ml", f"rv-{n}", None, Status.TODO) for n in range(3000)]
    append_history(tmp_path, entries)
    text = (tmp_path / HISTORY_RELPATH).read_text(encoding="utf-8")
    assert text.startswith("keep me\n") and text.endswith("\n")
    assert text.count("\n") == 3001
    assert load_history(tmp_path).size == 3000


def test_append_refuses_symlinks(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / ".roadvault").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere.jsonl"
    elsewhere.write_text("", encoding="utf-8")
    os.symlink(elsewhere, vault / HISTORY_RELPATH)
    with pytest.raises(VaultError):
        append_history(vault, [Entry(T1, "ml", "rv-1", None, Status.TODO)])
    assert elsewhere.read_text(encoding="utf-8") == ""
    linked = tmp_path / "linked"
    linked.mkdir()
    os.symlink(tmp_path / "elsewhere-dir", linked / ".roadvault")
    with pytest.raises(UnsafePathError):
        append_history(linked, [Entry(T1, "ml", "rv-1", None, Status.TODO)])
