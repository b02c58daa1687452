"""History compaction (docs/FORMAT.md §7): an append that takes history.jsonl past
COMPACT_BYTES folds it into a summary record; the index read back — hence every figure of
Progress.md — is the one the uncompacted file gives, and the old file is archived whole
under `.roadvault/history-archive/`: a hard link where the file system has them, else a copy
written like every other file roadvault writes in a vault (`fsio.atomic_write`), so a copy
cut short by a kill leaves only a temp file the next build's cleanup removes
(`fsio.remove_stale_temps`)."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from progress_vaults import (  # noqa: F401
    ITEMS,
    JOINS,
    SLUG,
    STATUSES,
    T0,
    index,
    make_vault,
    private_cache,
)

from conftest import examples
from roadvault.fsio import remove_stale_temps, temp_token
from roadvault.model import Status
from roadvault.progress import history as history_module
from roadvault.progress import history_snapshot, history_tail, write_progress
from roadvault.progress.history import (
    Entry,
    append_history,
    compact_history,
    compaction_waits,
    entry_line,
    index_every_line,
    load_history,
    parse_history,
    summary_length,
)
from roadvault.progress.summary import build_summary
from roadvault.progress.vault_scan import VaultProgress
from roadvault.vaultformat import HISTORY_ARCHIVE_DIR as ARCHIVE_DIR
from roadvault.vaultformat import HISTORY_RELPATH
from roadvault.watch import Watcher


def foreign(n: int, roadmap: str, item: str, before: Status | None, after: Status) -> str:
    """A line another writer spelled: other key order, a fraction of a second, an offset."""
    t = (T0 + timedelta(minutes=n, microseconds=250_000)).astimezone(timezone(timedelta(hours=2)))
    return (
        json.dumps(
            {
                "to": after.value,
                "id": item,
                "roadmap": roadmap,
                "from": before.value if before else None,
                "t": t.isoformat(),
            }
        )
        + "\n"
    )


rows = st.lists(
    st.tuples(
        st.integers(0, 6),  # id
        st.sampled_from(["a", "b", "c"]),  # roadmap
        st.one_of(st.none(), st.sampled_from(STATUSES)),
        st.sampled_from(STATUSES),
        st.integers(-90, 3000),  # minutes from T0: clocks can go back
        st.sampled_from(["own", "own", "own", "foreign", "garbage"]),
    ),
    max_size=50,
)


def lines_of(generated: list) -> list[str]:
    out = []
    for i, roadmap, before, after, minute, kind in generated:
        if kind == "garbage":
            out.append("{not json\n")
        elif kind == "foreign":
            out.append(foreign(minute, roadmap, f"rv-{i}", before, after))
        else:
            t = T0 + timedelta(minutes=minute)
            out.append(entry_line(Entry(t, roadmap, f"rv-{i}", before, after)))
    return out


@settings(max_examples=examples(150))
@given(generated=rows, cuts=st.lists(st.integers(0, 50), max_size=3), torn=st.booleans())
def test_compacted_history_indexes_the_same_as_the_whole_one(
    tmp_path_factory: pytest.TempPathFactory, generated: list, cuts: list, torn: bool
) -> None:
    """Compacting after any prefix (once, several times, or never) changes nothing that
    Progress.md is made from: the index equals that of every line read in one go."""
    vault = tmp_path_factory.mktemp("v")
    lines = lines_of(generated)
    whole = "".join(lines)
    if torn and whole:
        whole = whole[:-1]  # the last line end lost in a crash: kept as it was
    path = vault / HISTORY_RELPATH
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    done = 0
    for cut in sorted(set(cuts)):
        piece = "".join(lines[done:cut])
        with open(path, "a", encoding="utf-8") as out:
            out.write(piece)
        done = max(done, cut)
        compact_history(vault, now=T0 + timedelta(days=cut))
    with open(path, "a", encoding="utf-8") as out:
        out.write(whole[len("".join(lines[:done])) :])
    assert index(load_history(vault)) == index(parse_history(whole))
    assert index(load_history(vault)) == index(parse_history(whole))  # snapshot or not


def test_the_summary_of_a_vault_is_identical_after_compaction(tmp_path: Path) -> None:
    """End to end: Progress.md's figures (pace, recently done, today, estimate, phases
    completed) from a compacted history are those of the whole history."""
    ids = [item_id for item_id, *_ in ITEMS]
    vault = make_vault(tmp_path / "v", **{item.replace("-", "_"): "x" for item in ids[:3]})
    now = T0 + timedelta(days=30)
    entries = []
    for day in range(30):
        for n, item in enumerate(ids):
            before = None if day == 0 else (Status.TODO if day % 2 else Status.DONE)
            after = Status.DONE if day % 2 else Status.TODO
            if n < 3 and day == 29:
                after = Status.DONE
            entries.append(Entry(T0 + timedelta(days=day, hours=n), SLUG, item, before, after))
    append_history(vault, entries)
    state = VaultProgress.open(vault, use_cache=False)
    before = build_summary(state.progress, load_history(vault), now=now)
    assert compact_history(vault, now=now)
    assert (vault / HISTORY_RELPATH).read_text(encoding="utf-8").count("\n") == 1
    after = build_summary(state.progress, load_history(vault), now=now)
    assert after == before
    assert before.roadmaps[0].recently_done  # the figures compared are not empty ones


def test_an_append_past_the_limit_compacts_and_archives_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_module, "COMPACT_BYTES", 2000)
    vault = tmp_path
    entries = [
        Entry(T0 + timedelta(minutes=n), "a", f"rv-{n % 5}", Status.TODO, Status.DONE)
        for n in range(40)
    ]
    whole = "".join(entry_line(e) for e in entries)
    append_history(vault, entries[:10])  # under the limit: a plain log
    assert (vault / HISTORY_RELPATH).read_text(encoding="utf-8") == "".join(
        entry_line(e) for e in entries[:10]
    )
    append_history(vault, entries[10:])  # past it: folded
    path = vault / HISTORY_RELPATH
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") == 1 and text.startswith('{"roadvault_history_summary": 1')
    with open(path, "rb") as handle:
        assert summary_length(handle.fileno()) == len(text.encode())
    archived = sorted((vault / ARCHIVE_DIR).iterdir())
    assert [p.read_text(encoding="utf-8") for p in archived] == [whole]  # nothing lost
    assert index(load_history(vault)) == index(parse_history(whole))
    # Appends after the summary are plain lines again, until they pass the limit.
    more = [Entry(T0 + timedelta(days=1), "a", "rv-9", None, Status.DOING)]
    append_history(vault, more)
    assert path.read_text(encoding="utf-8") == text + entry_line(more[0])
    assert index(load_history(vault)) == index(parse_history(whole + entry_line(more[0])))


def test_a_compaction_cut_short_after_archiving_archives_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between the archive link and the replace: the next compaction finds the file
    already archived (same inode) and does not keep a second copy."""
    lines = "".join(
        entry_line(Entry(T0 + timedelta(minutes=n), "a", "rv-1", None, Status.TODO))
        for n in range(5)
    )
    (tmp_path / ".roadvault").mkdir()
    (tmp_path / HISTORY_RELPATH).write_text(lines, encoding="utf-8")

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(history_module, "atomic_write", killed)
    with pytest.raises(KeyboardInterrupt):
        compact_history(tmp_path, now=T0)
    monkeypatch.undo()
    assert (tmp_path / HISTORY_RELPATH).read_text(encoding="utf-8") == lines
    assert compact_history(tmp_path, now=T0)
    assert len(list((tmp_path / ARCHIVE_DIR).iterdir())) == 1
    assert index(load_history(tmp_path)) == index(parse_history(lines))


def test_a_summary_record_not_on_the_first_line_is_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Two compacted files pasted together (a sync tool's merge): the second summary would
    count its events twice; it is skipped with the warning for unreadable lines."""
    line = entry_line(Entry(T0, "a", "rv-1", None, Status.TODO))
    (tmp_path / ".roadvault").mkdir()
    (tmp_path / HISTORY_RELPATH).write_text(line, encoding="utf-8")
    compact_history(tmp_path, now=T0)
    summary = (tmp_path / HISTORY_RELPATH).read_text(encoding="utf-8")
    (tmp_path / HISTORY_RELPATH).write_text(summary + summary, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        history = load_history(tmp_path)
    assert history.size == 1
    assert "skipped 1 unreadable line(s): 2" in caplog.text


def test_status_writes_keep_the_history_small(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through `write_progress` (the watcher's and `status --write`'s path): many ticks
    later the file holds one summary and the lines since, and the figures are right."""
    monkeypatch.setattr(history_module, "COMPACT_BYTES", 600)
    vault = make_vault(tmp_path / "v")
    for n in range(13):
        mark = "x" if n % 2 == 0 else " "
        text = (vault / JOINS).read_text(encoding="utf-8")
        (vault / JOINS).write_text(
            text.replace(f"- [{' ' if mark == 'x' else 'x'}] Inner", f"- [{mark}] Inner"),
            encoding="utf-8",
        )
        os.utime(vault / JOINS, (1e9 + n, 1e9 + n))  # a new stamp: the scan cache rereads
        write_progress(vault, now=T0 + timedelta(days=n))
    assert (vault / HISTORY_RELPATH).stat().st_size < 600 + 2 * summary_size(vault)
    archived = "".join(
        p.read_text(encoding="utf-8") for p in sorted((vault / ARCHIVE_DIR).iterdir())
    )
    assert archived  # compacted at least once
    history = load_history(vault)
    assert history.last["rv-j1"] is Status.DONE
    assert index(history)[0] == {"rv-j1": Status.DONE, **{i: Status.TODO for i, *_ in ITEMS[1:]}}
    assert os.path.exists(vault / "Progress.md")


def summary_size(vault: Path) -> int:
    with open(vault / HISTORY_RELPATH, "rb") as handle:
        return summary_length(handle.fileno())


# --- the archive: a copy where there are no hard links -------------------------------------

T1 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _vault_with_history(tmp_path: Path) -> tuple[Path, bytes]:
    vault = tmp_path / "vault"
    vault.mkdir()
    entries = [
        Entry(T1 + timedelta(minutes=n), "r", f"rv-{n}", Status.TODO, Status.DONE)
        for n in range(50)
    ]
    append_history(vault, entries)
    temp_token(vault)  # recorded by the vault's first build
    return vault, (vault / HISTORY_RELPATH).read_bytes()


def _no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no hard links here")

    monkeypatch.setattr(os, "link", refuse)


def test_without_hard_links_the_old_history_is_copied_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, before = _vault_with_history(tmp_path)
    _no_hard_links(monkeypatch)
    assert compact_history(vault, now=T1 + timedelta(days=1))
    archived = sorted((vault / ARCHIVE_DIR).iterdir())
    assert [path.name for path in archived] == ["history-20260302T090000Z.jsonl"]
    assert archived[0].read_bytes() == before
    assert (vault / HISTORY_RELPATH).read_bytes() != before  # the summary record now


class _Killed(BaseException):
    """The process dying mid-copy: nothing after it runs, not even the clean-up."""


def test_a_copy_cut_short_leaves_only_a_temp_file_the_cleanup_removes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Failed before: the copy's temp file was `.history-….jsonl.tmp`, a name the temp
    cleanup (which removes only `.rv-<token>-….tmp`) never removes, so it stayed forever."""
    vault, before = _vault_with_history(tmp_path)
    _no_hard_links(monkeypatch)

    def die(fd: int) -> None:
        raise _Killed

    with monkeypatch.context() as killed:
        killed.setattr(os, "fsync", die)
        killed.setattr(os, "unlink", lambda *args, **kwargs: None)  # a kill cleans nothing
        with pytest.raises(_Killed):
            compact_history(vault, now=T1 + timedelta(days=1))
    left = list((vault / ARCHIVE_DIR).iterdir())
    assert left and all(path.name.endswith(".tmp") for path in left)
    assert (vault / HISTORY_RELPATH).read_bytes() == before  # not replaced
    assert remove_stale_temps(vault) == len(left)
    assert list((vault / ARCHIVE_DIR).iterdir()) == []


# --- a long raw history: compacted only once its lines are indexed ---------------------------


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limits of a history of millions of lines, scaled down to a few kilobytes: 2 KB
    of lines make an append compact, 8 KB never indexed make it wait, 1 KB is read from its
    tail."""
    monkeypatch.setattr(history_module, "COMPACT_BYTES", 2000)
    monkeypatch.setattr(history_snapshot, "MIN_BYTES", 1000)
    monkeypatch.setattr(history_tail, "FAST_MIN_BYTES", 1000)  # `status` reads the tail
    monkeypatch.setattr(history_tail, "TAIL_FIRST", 300)
    monkeypatch.setattr(history_tail, "TAIL_FOR_IDS", 1200)
    monkeypatch.setattr(history_tail, "WINDOW", 4096)


def _raw_history(vault: Path, count: int) -> str:
    text = "".join(
        entry_line(Entry(T1 + timedelta(minutes=n), SLUG, f"rv-{n % 7}", None, Status.TODO))
        for n in range(count)
    )
    (vault / ".roadvault").mkdir(parents=True, exist_ok=True)
    (vault / HISTORY_RELPATH).write_text(text, encoding="utf-8")
    return text


def test_an_append_leaves_a_long_raw_history_uncompacted_until_it_is_indexed(
    tmp_path: Path, small_limits: None
) -> None:
    """An append never reads more than `compact_read_max()` bytes of lines one by one on
    its way: a longer raw file gets its lines appended as they are; once every line is
    indexed (the snapshot, outside the vault), the next append compacts it, reading only
    the lines after the snapshot, and nothing is lost."""
    vault = tmp_path / "v"
    text = _raw_history(vault, 200)
    assert len(text) > history_module.compact_read_max()
    one = Entry(T1 + timedelta(days=1), SLUG, "rv-1", Status.TODO, Status.DONE)
    append_history(vault, [one])
    assert compaction_waits(vault)
    assert (vault / HISTORY_RELPATH).read_text(encoding="utf-8") == text + entry_line(one)
    index_every_line(vault)
    assert not compaction_waits(vault)
    two = Entry(T1 + timedelta(days=2), SLUG, "rv-2", Status.TODO, Status.DOING)
    append_history(vault, [two])
    compacted = (vault / HISTORY_RELPATH).read_text(encoding="utf-8")
    assert compacted.count("\n") == 1 and compacted.startswith('{"roadvault_history_summary"')
    whole = text + entry_line(one) + entry_line(two)
    assert index(load_history(vault)) == index(parse_history(whole))
    archived = [p.read_text(encoding="utf-8") for p in (vault / ARCHIVE_DIR).iterdir()]
    assert archived == [whole]


def test_watch_compacts_a_long_raw_history_after_indexing_it_in_the_background(
    tmp_path: Path, small_limits: None
) -> None:
    """`watch` starts a thread that indexes such a file (Progress.md does not wait for
    it), then compacts it under the vault lock."""
    vault = make_vault(tmp_path / "v")
    text = _raw_history(vault, 200)
    watcher = Watcher(vault)
    thread = watcher.start_history_indexer()
    assert thread is not None
    thread.join(timeout=60)
    assert not thread.is_alive()
    watcher.compact_history()
    compacted = (vault / HISTORY_RELPATH).read_text(encoding="utf-8")
    assert compacted.count("\n") == 1 and compacted.startswith('{"roadvault_history_summary"')
    assert index(load_history(vault)) == index(parse_history(text))
    assert Watcher(vault).start_history_indexer() is None  # nothing left waiting
