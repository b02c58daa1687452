"""A long history.jsonl roadvault has not indexed yet (an older version's, or copied in) is
read for the vault's summary from its tail (docs/FORMAT.md §7; progress/history_tail.py):
every figure of the summary is the one every line gives, a line appended after that read is
seen, and whatever the scoped read cannot vouch for (ids brought in later, a clock that went
back, the compaction) is read line by line."""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from progress_vaults import ITEMS, SLUG, STATUSES, T0, index, make_vault, private_cache  # noqa: F401

from conftest import examples
from roadvault.model import Status
from roadvault.progress import history_snapshot, history_tail
from roadvault.progress.history import (
    HISTORY_RELPATH,
    Entry,
    Scope,
    compact_history,
    entry_line,
    load_history,
    parse_history,
)
from roadvault.progress.summary import summary_json
from roadvault.progress.vault_scan import VaultProgress

IDS = [item_id for item_id, *_ in ITEMS]


@pytest.fixture
def small_knobs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thresholds in bytes, so that a history of a few hundred lines takes the tail path."""
    monkeypatch.setattr(history_tail, "FAST_MIN_BYTES", 1000)
    monkeypatch.setattr(history_tail, "TAIL_FIRST", 300)
    monkeypatch.setattr(history_tail, "TAIL_FOR_IDS", 1200)
    monkeypatch.setattr(history_tail, "TAIL_MAX", 64_000)
    monkeypatch.setattr(history_tail, "WINDOW", 4096)
    monkeypatch.setattr(history_tail, "PARALLEL_MIN_BYTES", history_tail.PARALLEL_MIN_BYTES)


def foreign(t: datetime, roadmap: str, item: str, before: Status | None, after: Status) -> str:
    """Another writer's spelling: other key order, a fraction of a second, an offset."""
    moment = (t + timedelta(microseconds=250_000)).astimezone(timezone(timedelta(hours=-5)))
    data = {"to": after.value, "id": item, "roadmap": roadmap, "t": moment.isoformat()}
    data["from"] = before.value if before else None
    return json.dumps(data) + "\n"


def history_lines(rows: list) -> list[str]:
    out = []
    for item, roadmap, before, after, minutes, kind in rows:
        t = T0 + timedelta(minutes=minutes)
        if kind == "garbage":
            out.append("{not json\n")
        elif kind == "bad date":
            out.append(entry_line(Entry(t, roadmap, item, before, after)).replace("-", "-1", 1))
        elif kind == "foreign":
            out.append(foreign(t, roadmap, item, before, after))
        else:
            out.append(entry_line(Entry(t, roadmap, item, before, after)))
    return out


def summaries(vault: Path, history_a: object, history_b: object, now: datetime) -> tuple:
    state = VaultProgress.open(vault, use_cache=False)
    out = []
    for history in (history_a, history_b):
        state.history = history  # type: ignore[assignment]
        out.append(summary_json(state.summary(now)))
    return tuple(out)


# Ids: the vault's items (in scope) and others (removed from the roadmap long ago); roadmaps:
# the vault's and one it no longer has. Times: mostly going forward, by minutes to months,
# sometimes back (another machine's clock); now: right after the last line, or much later.
rows = st.lists(
    st.tuples(
        st.sampled_from([*IDS, "rv-gone1", "rv-gone2"]),
        st.sampled_from([SLUG, SLUG, SLUG, "old-roadmap"]),
        st.one_of(st.none(), st.sampled_from(STATUSES)),
        st.sampled_from(STATUSES),
        st.integers(0, 400),  # minutes since the line before (negative below)
        st.sampled_from(["own"] * 12 + ["foreign", "garbage", "bad date"]),
    ),
    min_size=30,
    max_size=200,
)


@settings(
    max_examples=examples(250),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    generated=rows,
    back=st.lists(st.integers(0, 199), max_size=2),
    gap=st.sampled_from([1, 30, 1000]),
    marks=st.lists(st.sampled_from([" ", "x", "/", "-"]), min_size=len(IDS), max_size=len(IDS)),
    later=st.sampled_from([timedelta(0), timedelta(days=3), timedelta(days=400)]),
    earlier=st.sampled_from([None, timedelta(0), timedelta(days=2), timedelta(days=40)]),
    split=st.sampled_from([False, False, False, True]),
)
def test_the_summary_from_the_tail_is_the_summary_of_every_line(
    tmp_path_factory: pytest.TempPathFactory,
    small_knobs: None,
    generated: list,
    back: list,
    gap: int,
    marks: list,
    later: timedelta,
    earlier: timedelta | None,
    split: bool,
) -> None:
    """Whatever the history (foreign and unreadable lines, clocks going back, ids and
    roadmaps the vault no longer has) and whatever the notes say now, the summary made from
    the scoped read equals the one made from every line — read now, or from the snapshot a
    read some time `earlier` left; by one process or two."""
    history_tail.FAST_MIN_BYTES, history_tail.TAIL_FIRST = 0, 200  # (reset by small_knobs)
    history_tail.TAIL_FOR_IDS, history_tail.TAIL_MAX = 800, 8000
    history_tail.WINDOW, history_tail.PARALLEL_MIN_BYTES = 1024, 0 if split else 1 << 40
    vault = make_vault(
        tmp_path_factory.mktemp("v"),
        **{i.replace("-", "_"): m for i, m in zip(IDS, marks, strict=True)},
    )
    minutes, spread = 0, []
    for n, (item, roadmap, before, after, step, kind) in enumerate(generated):
        minutes += -step * 500 if n in back else step * gap
        spread.append((item, roadmap, before, after, minutes, kind))
    text = "".join(history_lines(spread))
    path = vault / HISTORY_RELPATH
    path.write_text(text, encoding="utf-8")
    now = T0 + timedelta(minutes=max(row[4] for row in spread) + 1) + later
    scope = VaultProgress.open(vault, use_cache=False).history_scope()
    history_snapshot.snapshot_path(vault).unlink(missing_ok=True)  # that one was read today
    if earlier is not None:
        load_history(vault, scope=scope, now=now - earlier)
    scoped = load_history(vault, scope=scope, now=now)
    exact = parse_history(text)
    assert scoped.covers(scope, now)
    first, second = summaries(vault, scoped, exact, now)
    assert first == second
    for item_id in IDS:  # what a later `status --write` appends starts from these
        assert scoped.last.get(item_id) == exact.last.get(item_id)


def big_vault(tmp_path: Path, days: int = 400) -> tuple[Path, str, datetime]:
    """The vault's items and 30 removed ones, one line every 2 hours for `days` days: most
    lines are of ids out of scope, the vault's items done and undone along the way."""
    vault = make_vault(tmp_path / "v", rv_j1="x", rv_j2="x", rv_m1="/")
    ids = IDS + [f"rv-old{n}" for n in range(30)]
    lines = [entry_line(Entry(T0, SLUG, item, None, Status.TODO)) for item in ids]
    cycle = [(Status.TODO, Status.DOING), (Status.DOING, Status.DONE), (Status.DONE, Status.TODO)]
    for step in range(days * 12):
        before, after = cycle[(step // len(ids)) % 3]
        t = T0 + timedelta(hours=2 * step + 1)
        lines.append(entry_line(Entry(t, SLUG, ids[(step * 7) % len(ids)], before, after)))
    text = "".join(lines)
    (vault / HISTORY_RELPATH).write_text(text, encoding="utf-8")
    return vault, text, T0 + timedelta(days=days, hours=1)


def test_a_long_raw_history_is_read_from_its_tail_and_gives_the_same_summary(
    tmp_path: Path, small_knobs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, text, now = big_vault(tmp_path)
    streamed: list[int] = []
    real = history_snapshot.index_stream

    def spy(fd: int, history: object, **kwargs: object) -> object:
        streamed.append(1)
        return real(fd, history, **kwargs)  # type: ignore[arg-type]

    scope = VaultProgress.open(vault, use_cache=False).history_scope()
    monkeypatch.setattr(history_snapshot, "index_stream", spy)
    scoped = load_history(vault, scope=scope, now=now)
    assert scoped.scope == scope and not streamed  # the tail path, not the stream
    assert scoped.size < 0.6 * text.count("\n")  # most lines were not read
    first, second = summaries(vault, scoped, parse_history(text), now)
    assert first == second
    roadmap = first["roadmaps"][0]
    assert roadmap["recently_done"] and roadmap["pace"]["done"]  # compared figures are real


def test_a_raw_history_gives_the_summary_of_the_compacted_one(
    tmp_path: Path, small_knobs: None
) -> None:
    """End to end, through `VaultProgress` as `status` reads it: the raw file (tail path)
    and the same history compacted (a summary record) give the same `status --json`."""
    vault, _, now = big_vault(tmp_path)
    raw = VaultProgress.open(vault, use_cache=False)
    raw.history = load_history(vault, scope=raw.history_scope(), now=now)
    assert raw.history.scope is not None
    before = summary_json(raw.summary(now))
    assert compact_history(vault, now=now)
    assert (vault / HISTORY_RELPATH).read_text(encoding="utf-8").count("\n") == 1
    kept = VaultProgress.open(vault, use_cache=False)
    kept.history = load_history(vault, scope=kept.history_scope(), now=now)
    assert kept.history.scope is None  # a summary record: read whole, exact
    assert summary_json(kept.summary(now)) == before
    assert before["roadmaps"][0]["recently_done"]


def test_a_summary_record_before_a_long_raw_part_is_read_first(
    tmp_path: Path, small_knobs: None
) -> None:
    """A compacted file that then grew long without roadvault compacting it (an older
    version appending, a synced copy): its summary record, the head's first line, is read
    before anything else, and the summary is that of every line."""
    vault, text, now = big_vault(tmp_path)
    lines = text.splitlines(keepends=True)
    path = vault / HISTORY_RELPATH
    path.write_text("".join(lines[:1500]), encoding="utf-8")
    assert compact_history(vault, now=now)
    path.write_text(path.read_text(encoding="utf-8") + "".join(lines[1500:]), encoding="utf-8")
    scope = VaultProgress.open(vault, use_cache=False).history_scope()
    history_snapshot.snapshot_path(vault).unlink(missing_ok=True)
    scoped = load_history(vault, scope=scope, now=now)
    assert scoped.scope is not None
    assert summaries(vault, scoped, parse_history(text), now) == summaries(
        vault, parse_history(text), parse_history(text), now
    )


def test_two_processes_find_what_one_finds(
    tmp_path: Path, small_knobs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long head is scanned by a forked child (its second half) and this process: the
    index is the one a single scan gives; a child that fails leaves its half to this one."""
    if not history_tail.can_fork():
        pytest.skip("no fork here (not Linux, one core, or threads running)")
    vault, text, now = big_vault(tmp_path)
    lines = text.splitlines(keepends=True)
    lines.insert(len(lines) // 2 + 3, "{not json\n")  # found by the child
    text = "".join(lines)
    (vault / HISTORY_RELPATH).write_text(text, encoding="utf-8")
    scope = VaultProgress.open(vault, use_cache=False).history_scope()
    single = load_history(vault, scope=scope, now=now)
    split: list[int] = []
    real = history_tail._scan_in_two

    def spy(*args: object) -> object:
        split.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(history_tail, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(history_tail, "_scan_in_two", spy)
    history_snapshot.snapshot_path(vault).unlink()
    # (`size` counts the lines read: each process also reads its first roadmap line)
    assert index(load_history(vault, scope=scope, now=now))[:-1] == index(single)[:-1]
    assert split
    real_scan = history_tail._scan

    def failing(fd: int, passes: list, needs: object, lo: int, hi: int, *, lead: bool) -> object:
        if passes and needs is None:  # the child's part
            if os.getpid() != parent:
                os._exit(3)  # the child dies
            redone.append(lo)
        return real_scan(fd, passes, needs, lo, hi, lead=lead)

    parent, redone = os.getpid(), []
    monkeypatch.setattr(history_tail, "_scan", failing)
    history_snapshot.snapshot_path(vault).unlink()
    assert index(load_history(vault, scope=scope, now=now))[:-1] == index(single)[:-1]
    assert redone  # the child's half, read here


@pytest.mark.parametrize("snapshot", [False, True])
def test_every_line_read_by_two_processes_is_the_same_index(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    snapshot: bool,
) -> None:
    """The reader that needs every line (compaction; a scoped read that cannot be exact)
    indexes a long file's halves in two processes and joins them: the same index, the
    unreadable lines named by their numbers; from a snapshot on too."""
    if not history_tail.can_fork():
        pytest.skip("no fork here (not Linux, one core, or threads running)")
    vault, text, _ = big_vault(tmp_path)
    lines = text.splitlines(keepends=True)
    for at in (3, len(lines) // 2 + 5, len(lines) - 2):
        lines.insert(at, "{not json\n")
    text = "".join(lines)
    path = vault / HISTORY_RELPATH
    if snapshot:  # a snapshot of the first 60 lines, then the rest appended
        monkeypatch.setattr(history_snapshot, "MIN_BYTES", 0)
        path.write_text("".join(lines[:60]), encoding="utf-8")
        load_history(vault)
        path.write_text(text, encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")
    joined: list[int] = []
    real = history_snapshot._index_in_two

    def spy(*args: object, **kwargs: object) -> object:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        joined.append(found is not None)
        return found

    monkeypatch.setattr(history_tail, "PARALLEL_MIN_BYTES", 1000)
    monkeypatch.setattr(history_snapshot, "_index_in_two", spy)
    with caplog.at_level(logging.WARNING):
        history = load_history(vault)
    assert joined == [True]
    assert index(history) == index(parse_history(text))
    numbers = [n + 1 for n, line in enumerate(lines) if line.startswith("{not")]
    assert f"skipped 3 unreadable line(s): {', '.join(map(str, numbers))}" in caplog.text


def test_an_event_appended_after_the_snapshot_is_seen(
    tmp_path: Path, small_knobs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scoped index is kept as the snapshot: the next read takes it and reads only the
    lines appended since, and they count."""
    vault, text, now = big_vault(tmp_path)
    scope = VaultProgress.open(vault, use_cache=False).history_scope()
    load_history(vault, scope=scope, now=now)
    assert history_snapshot.snapshot_path(vault).exists()
    more = entry_line(Entry(now, SLUG, "rv-p2", Status.TODO, Status.DONE))
    with open(vault / HISTORY_RELPATH, "a", encoding="utf-8") as out:
        out.write(more)
    calls: list[int] = []
    monkeypatch.setattr(history_tail, "index_scoped", lambda *a, **k: calls.append(1))
    later = load_history(vault, scope=scope, now=now + timedelta(minutes=1))
    assert not calls  # from the snapshot, not from the tail again
    assert later.last["rv-p2"] is Status.DONE
    assert next(later.latest_done(SLUG)) == (now, "rv-p2")
    whole = parse_history(text + more)
    assert summaries(vault, later, whole, now + timedelta(minutes=1)) == summaries(
        vault, whole, whole, now + timedelta(minutes=1)
    )
    # Every line is still read for a reader that needs them all.
    assert index(load_history(vault)) == index(whole)


def test_a_recent_line_before_the_tail_makes_it_stream(tmp_path: Path, small_knobs: None) -> None:
    """A line early in the file dated inside the pace window (a clock that was ahead): the
    order of the done events there is not known without reading them all — streamed."""
    vault, text, now = big_vault(tmp_path)
    lines = text.splitlines(keepends=True)
    lines.insert(
        40, entry_line(Entry(now - timedelta(days=2), SLUG, "rv-m2", Status.TODO, Status.DONE))
    )
    text = "".join(lines)
    (vault / HISTORY_RELPATH).write_text(text, encoding="utf-8")
    scope = VaultProgress.open(vault, use_cache=False).history_scope()
    history = load_history(vault, scope=scope, now=now)
    assert history.scope is None
    assert index(history) == index(parse_history(text))


def test_ids_brought_in_later_make_the_vault_read_it_again(
    tmp_path: Path, small_knobs: None
) -> None:
    """A build adds an item the history knows (removed once, now back): a scoped index that
    does not cover it is read again for the new scope before a summary or an append."""
    vault, text, now = big_vault(tmp_path)
    state = VaultProgress.open(vault, use_cache=False)
    narrow = Scope(frozenset((item_id, SLUG) for item_id in IDS[:3]), frozenset([SLUG]))
    state.history = load_history(vault, scope=narrow, now=now)
    assert not state.history.covers(state.history_scope(), now)
    exact = parse_history(text)
    summary = summary_json(state.summary(now))
    assert state.history.covers(state.history_scope(), now)
    state.history = exact
    assert summary == summary_json(state.summary(now))
    # A summary made further back than the pace window it was read for reads again too.
    state.history = load_history(vault, scope=state.history_scope(), now=now)
    assert not state.history.covers(state.history_scope(), now - timedelta(days=60))


def test_the_compaction_never_takes_a_scoped_index(tmp_path: Path, small_knobs: None) -> None:
    """The summary record stands for every line ever written: it is made from all of them,
    whatever snapshot a scoped read left."""
    vault, text, now = big_vault(tmp_path)
    scope = VaultProgress.open(vault, use_cache=False).history_scope()
    assert load_history(vault, scope=scope, now=now).scope is not None
    assert compact_history(vault, now=now)
    assert index(load_history(vault)) == index(parse_history(text))


def test_unreadable_lines_before_the_tail_are_named_by_line(
    tmp_path: Path, small_knobs: None, caplog: pytest.LogCaptureFixture
) -> None:
    vault, text, now = big_vault(tmp_path)
    lines = text.splitlines(keepends=True)
    lines.insert(100, "{not json\n")
    lines.insert(7, entry_line(Entry(T0, SLUG, "rv-j1", None, Status.TODO)).replace("03", "13", 1))
    text = "".join(lines)
    (vault / HISTORY_RELPATH).write_text(text, encoding="utf-8")
    scope = VaultProgress.open(vault, use_cache=False).history_scope()
    with caplog.at_level(logging.WARNING):
        history = load_history(vault, scope=scope, now=now)
    assert history.scope is not None
    assert "skipped 2 unreadable line(s): 8, 102" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert parse_history(text).size == text.count("\n") - 2  # month 13: no crash
    assert "skipped 2 unreadable line(s): 8, 102" in caplog.text


@settings(max_examples=examples(200))
@given(words=st.sets(st.text(min_size=1, max_size=6), min_size=1, max_size=12), probe=st.text())
def test_the_alternatives_pattern_matches_exactly_its_words(words: set, probe: str) -> None:
    pattern = re.compile(history_tail._alternatives(words))
    for word in [*words, probe, probe + "x"]:
        encoded = json.dumps(word, ensure_ascii=False)[1:-1].encode()
        assert (pattern.fullmatch(encoded) is not None) == (word in words)


@settings(max_examples=examples(300))
@given(floor=st.binary(min_size=1, max_size=10), probe=st.binary(max_size=12))
def test_the_at_least_pattern_is_a_byte_order(floor: bytes, probe: bytes) -> None:
    pattern = re.compile(history_tail._at_least(floor))
    assert (pattern.match(probe) is not None) == (probe[: len(floor)] >= floor)
