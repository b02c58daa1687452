"""history.jsonl is streamed in chunks (memory bounded by the ids, not the lines) and an
indexed snapshot is reused for the lines already read: the index is the same whichever way
it was made."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from progress_vaults import STATUSES, T0, index, private_cache  # noqa: F401

from conftest import examples
from roadvault.model import Status
from roadvault.progress import history as history_module
from roadvault.progress import history_snapshot
from roadvault.progress.history import (
    HISTORY_RELPATH,
    Entry,
    History,
    entry_line,
    load_history,
    parse_history,
)

entries = st.lists(
    st.tuples(
        st.integers(0, 5),  # id
        st.sampled_from(["a", "b"]),  # roadmap
        st.one_of(st.none(), st.sampled_from(STATUSES)),
        st.sampled_from(STATUSES),
    ),
    max_size=60,
)


def write(vault: Path, rows: list, *, garbage: bool = False) -> str:
    lines = [
        entry_line(Entry(T0 + timedelta(minutes=n), roadmap, f"rv-{i}", before, after))
        for n, (i, roadmap, before, after) in enumerate(rows)
    ]
    if garbage and lines:
        lines.insert(len(lines) // 2, "not json\n")
    text = "".join(lines)
    path = vault / HISTORY_RELPATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


@settings(max_examples=examples(60))
@given(rows=entries, chunk=st.integers(1, 300), garbage=st.booleans())
def test_streamed_in_any_chunks_the_index_is_the_same(
    tmp_path_factory: pytest.TempPathFactory, rows: list, chunk: int, garbage: bool
) -> None:
    vault = tmp_path_factory.mktemp("v")
    text = write(vault, rows, garbage=garbage)
    old = history_module._READ_CHUNK
    history_module._READ_CHUNK = chunk
    try:
        assert index(load_history(vault)) == index(parse_history(text))
    finally:
        history_module._READ_CHUNK = old


def test_the_snapshot_is_reused_for_appends_and_dropped_when_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_snapshot, "MIN_BYTES", 0)
    rows = [(n % 4, "a", Status.TODO, Status.DONE if n % 2 else Status.DOING) for n in range(40)]
    text = write(tmp_path, rows)
    first = load_history(tmp_path)
    assert history_snapshot.snapshot_path(tmp_path).exists()
    # Appended lines: read from the snapshot's end (the start is not read again).
    more = entry_line(Entry(T0 + timedelta(days=1), "a", "rv-9", Status.TODO, Status.DONE))
    with open(tmp_path / HISTORY_RELPATH, "a", encoding="utf-8") as handle:
        handle.write(more)
    reads: list[int] = []
    real = history_module.index_stream

    def spy(fd: int, history: History, **kwargs: object) -> tuple[int, int, bytes]:
        reads.append(os.lseek(fd, 0, os.SEEK_CUR))
        return real(fd, history, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(history_snapshot, "index_stream", spy)
    second = load_history(tmp_path)
    assert reads == [len(text.encode())]
    assert index(second) == index(parse_history(text + more))
    assert second.size == first.size + 1
    # The file replaced by another (a restored copy): streamed from the start again.
    path = tmp_path / HISTORY_RELPATH
    other = text.replace("rv-1", "rv-7")
    path.unlink()
    path.write_text(other + more, encoding="utf-8")
    reads.clear()
    assert index(load_history(tmp_path)) == index(parse_history(other + more))
    assert reads == [0]


def test_a_line_still_being_written_is_read_but_not_snapshotted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_snapshot, "MIN_BYTES", 0)
    text = write(tmp_path, [(1, "a", None, Status.TODO), (1, "a", Status.TODO, Status.DONE)])
    cut = text[:-1]  # the last line end not written yet
    (tmp_path / HISTORY_RELPATH).write_text(cut, encoding="utf-8")
    assert load_history(tmp_path).last == {"rv-1": Status.DONE}
    (tmp_path / HISTORY_RELPATH).write_text(text, encoding="utf-8")
    history = load_history(tmp_path)
    assert history.size == 2 and history.last == {"rv-1": Status.DONE}


def test_lines_not_in_our_own_spelling_are_read_too(tmp_path: Path) -> None:
    own = entry_line(Entry(T0, "a", "rv-1", None, Status.TODO))
    others = (
        '{"to": "done", "from": "todo", "id": "rv-1", "roadmap": "a", '
        '"t": "2026-03-02T10:00:00Z"}\n'
        '{"t": "2026-03-03T10:00:00+00:00", "roadmap": "a", "id": "rv-\\"2\\"", "from": null, '
        '"to": "doing"}\n'
    )
    (tmp_path / ".roadvault").mkdir()
    (tmp_path / HISTORY_RELPATH).write_text(own + others, encoding="utf-8")
    history = load_history(tmp_path)
    assert history.last == {"rv-1": Status.DONE, 'rv-"2"': Status.DOING}
    assert history.done_events == {"a": [(datetime(2026, 3, 2, 10, tzinfo=UTC), "rv-1")]}
    assert index(history) == index(parse_history(own + others))
