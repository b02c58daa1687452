"""Reading a long `history.jsonl` that roadvault has not indexed yet — an older version's, or
one copied in from another machine — for one vault's summary, from its tail.

Streaming every line costs ~2-3 µs a line: 3 M lines (375 MB) are 7-10 s. But a summary asks
the index (progress/history.py) only about a *scope* — the vault's items (with the roadmap
each is in) and its roadmaps:

- per item: its last status (what `status --write` appends starts from it); when it last
  got done (a finished phase is dated by its items'); if its last status is done, its latest
  change to done from a known status (`recently done`, the pace);
- per roadmap: its first entry, its latest time, and its done events back to the first one
  older than the pace window (`today` and the pace stop at the first older one; `recently
  done` shows only items done now);
- the latest time overall.

So the file is read from the end, a block at a time, every line of it indexed, until this
*tail* holds the pace window (and, up to TAIL_FOR_IDS, while each block settles more
items). Before the tail, in the *head*, a line can change that summary only if it is

1. not in our own spelling (it may say anything), or dated on or after two days before the
   pace window or the tail's oldest latest-per-roadmap (a clock that ran ahead);
2. read from the head's end back, what the tail leaves unsaid about an item: its last line,
   if the tail has none; its latest change to done (its phase's completion date counts it,
   whatever its status now), and if its last line says done its latest change to done from
   a known status under its roadmap (`recently done`), if the tail has none;
3. about a roadmap the tail has no line of; or the first readable line of another one.

Those lines are found by regular-expression passes over the head read a window at a time
(~1 ns a byte, no object per line; a long head is split with a forked process on Linux, the
engine holding the GIL), indexed in file order, and joined to the tail's index
(`History.then`): since every head line is at least two days older than the pace window,
the head's done events the summary does not see are never where the pace or `today` stop.
If a head line turns out to be inside the pace window (a clock that went back), or more than
MAX_PICKED of them matter, the caller streams the file instead.

What the other head lines hold (ids and roadmaps out of scope; older done events of an item
whose last line is not done; the entry count) is not read: such an index carries its scope
and the pace window it holds from (`History.scope`, `recent_from`), is read again when the
vault asks about more, is never written into a summary record (compaction reads every line),
and is kept as the snapshot for the next run (progress/history_snapshot.py). Two things are
taken on trust, as roadvault writes them: a line that starts like ours (`{"t": "`) is ours
to the end; and an item's done events are under the roadmap the manifest now puts it in — a
done event of it under another roadmap of the vault (a slug given to a new roadmap after a
rename) is seen only in the tail.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import pickle
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from roadvault.model import Status
from roadvault.progress.history import History, Scope, _index_lines, _warn_bad, lines_before

logger = logging.getLogger(__name__)
T = TypeVar("T")

FAST_MIN_BYTES = 16 << 20  # smaller: streamed whole (~0.3 s), and the index is exact
TAIL_FIRST = 1 << 20
TAIL_FOR_IDS = 4 << 20  # grow the tail up to this while it settles more items (`_Needs`)
TAIL_MAX = 32 << 20  # ... and up to this while the pace window is not inside it
MAX_PICKED = 100_000  # head lines worth reading; more, and streaming is as quick
SLACK = timedelta(days=2)  # a local time's offset, and the pace window's local day


def horizon(now: datetime) -> datetime:
    """The start of the oldest pace window a summary made at `now` or later can look at."""
    from roadvault.progress.summary import PACE_WEEKS

    return now - timedelta(weeks=PACE_WEEKS) - SLACK


def index_scoped(
    fd: int, base: History, offset: int, end: int, scope: Scope, now: datetime, *, where: str
) -> History | None:
    """The index of the file's whole lines up to `end`, for `scope`: `base` is the index of
    the bytes before `offset` (a line start). None when this way would not be exact (the
    caller streams)."""
    recent = horizon(now)
    bad: list[tuple[int, int]] = []  # unreadable lines: (offset of a line, lines after it)
    tail, start, step = History(), end, TAIL_FIRST
    unsettled = 3 * len(scope.items) + 1
    while start > offset:
        low = max(offset, start - step)
        data = os.pread(fd, start - low, low)
        if low > offset:
            cut = data.find(b"\n") + 1
            if cut == 0:  # one line longer than the step: take more
                step *= 2
                continue
            low, data = low + cut, data[cut:]
        block = History()
        lines = data.decode("utf-8", errors="replace").split("\n")[:-1]
        del data
        first = 1 if low == 0 else 2  # only the file's first line may be a summary record
        bad += [(low, n - first) for n in _index_lines(block, lines, first=first)]
        tail = block.then(tail)
        start, step = low, step * 2
        if start <= offset:
            break
        oldest = min(block.started.values(), default=None)
        if oldest is None or oldest > recent:  # the pace window reaches further back
            if end - start < TAIL_MAX:
                continue
            logger.debug("%s: over %d bytes in the pace window; streamed", where, TAIL_MAX)
            return None
        before, unsettled = unsettled, len(_Needs(scope, tail))
        if unsettled and unsettled < before and end - start < TAIL_FOR_IDS:
            continue  # the tail still settles items: what is left may be near too
        break
    if start <= offset:  # every line read: as exact as `base`
        _warn_at(fd, bad, where)
        return base.then(tail)

    try:
        picked = _picks(fd, offset, start, scope, base, tail, recent)
    except OSError as exc:
        logger.debug("%s: %s; streamed", where, exc)
        return None
    if picked is None:
        logger.debug("%s: over %d lines before the tail matter; streamed", where, MAX_PICKED)
        return None
    ordered = sorted(picked)
    head = History()
    first = 1 if offset == 0 else 2
    found = _index_lines(head, [picked[at] for at in ordered], first=first)
    if head.latest is not None and head.latest > recent:
        logger.debug("%s: a line before the tail is in the pace window; streamed", where)
        return None
    bad += [(ordered[n - first], 0) for n in found]
    index = base.then(head).then(tail)
    index.scope = scope
    index.recent_from = max(recent, base.recent_from) if base.recent_from else recent
    _warn_at(fd, bad, where)
    return index


def _warn_at(fd: int, bad: list[tuple[int, int]], where: str) -> None:
    """The usual warning for unreadable lines known by place (rare: naming them by number
    costs counting the line ends before them)."""
    numbers, count, at = [], 0, 0
    for offset, after in sorted(bad)[:5]:
        count += lines_before(fd, offset, at)
        at = offset
        numbers.append(count + 1 + after)
    _warn_bad(numbers, where, total=len(bad))


class _Needs:
    """What the head must still tell about the items in scope, read from its end: an item
    the tail has no line of needs its last line; any item its latest change to done (its
    phase's completion date counts it, whatever its status now) unless the tail has one;
    an item whose last line says done, its latest change to done from a known status under
    its roadmap (what `recently done` dates) unless the tail has one."""

    def __init__(self, scope: Scope, tail: History) -> None:
        self.homes = dict(scope.items)
        self.last = {item_id for item_id in self.homes if item_id not in tail.last}
        self.done = {item_id for item_id in self.homes if item_id not in tail.done_at}
        self.event = {
            item_id
            for item_id, roadmap in self.homes.items()
            if tail.last.get(item_id) is Status.DONE
            and item_id not in tail.done_latest.get(roadmap, {})
        }
        self._pattern: re.Pattern[bytes] | None = None

    def __len__(self) -> int:
        return len(self.last | self.done | self.event)

    def pattern(self) -> re.Pattern[bytes] | None:
        """The lines that can settle something: any line of an item whose last line is not
        found yet, a change to done of the others."""
        if self._pattern is None and self:
            alternatives = []
            if self.last:
                alternatives.append(_alternatives(self.last) + b'", "from": ')
            others = (self.done | self.event) - self.last
            if others:
                alternatives.append(_alternatives(others) + rb'", "from": [^,]*, "to": "done"')
            self._pattern = re.compile(rb'"id": "(?:' + b"|".join(alternatives) + b")")
        return self._pattern

    def settle(self, line: str) -> None:
        """Take what a head line says, the head being read from its end."""
        probe = History()
        _index_lines(probe, [line], first=2)
        for item_id, status in probe.last.items():  # one at most (an unreadable: none)
            before = len(self)
            if item_id in self.last:
                self.last.discard(item_id)
                if status is Status.DONE:
                    self.event.add(item_id)
            if item_id in probe.done_at:
                self.done.discard(item_id)
                if item_id in probe.done_latest.get(self.homes.get(item_id, ""), {}):
                    self.event.discard(item_id)
            if len(self) != before:
                self._pattern = None


def _picks(
    fd: int,
    offset: int,
    start: int,
    scope: Scope,
    base: History,
    tail: History,
    recent: datetime,
) -> dict[int, str] | None:
    """The head's lines that can change the summary (see the module doc), by offset; None
    when there are more than MAX_PICKED."""
    # 1. Lines not in our spelling, or dated on or after the earliest time that matters.
    floor = (min([recent, *tail.active.values()]) - SLACK).astimezone(UTC)
    passes = [
        re.compile(
            rb'\n\{"(?:t": "'
            + _at_least(floor.strftime("%Y-%m-%d").encode())
            + rb'|[^t]|t[^"]|t"[^:]|t":[^ ]|t": [^"])'
        )
    ]
    # 3. Every line of a roadmap in scope the tail does not hold; the first of the others.
    absent = {slug for slug in scope.roadmaps if slug not in tail.active}
    if absent:
        passes.append(re.compile(rb'"roadmap": "' + _alternatives(absent) + rb'", "id": "'))
    firsts = {  # the first readable line of each other roadmap (not yet in `base`)
        slug: b'"roadmap": "' + _escaped(slug) + b'", "id": "'
        for slug in scope.roadmaps - absent
        if slug not in base.active
    }
    picks = _first_lines(fd, firsts, offset, start)
    # 2. What the items in scope still need (from the head's end back; see `_Needs`).
    needs = _Needs(scope, tail)
    if start - offset >= PARALLEL_MIN_BYTES and can_fork():
        # The child runs the passes over the part after `middle`, this process the rest and
        # the needs over all of it: `middle` evens the two out (costs in pass-1 units).
        passes_cost = 1 + 0.6 * (len(passes) - 1)
        needs_cost = 0.9 if needs.pattern() is not None else 0
        share = max(0.1, (passes_cost - needs_cost) / (2 * passes_cost))
        middle = line_start_after(fd, offset + int((start - offset) * share), start)
        if offset < middle < start:
            found = _scan_in_two(fd, passes, needs, offset, middle, start)
            return None if found is None else {**picks, **found}
    found = _scan(fd, passes, needs, offset, start, lead=True)
    return None if found is None else {**picks, **found}


def _first_lines(fd: int, firsts: dict[str, bytes], lo: int, hi: int) -> dict[int, str]:
    """The first readable line of each roadmap in `firsts` in [lo, hi), by offset (with
    the unreadable ones before it): searched from `lo`, usually found at once."""
    picks: dict[int, str] = {}
    at = lo
    while firsts and at < hi:
        data = os.pread(fd, min(WINDOW, hi - at), at)
        cut = len(data) if at + len(data) >= hi else data.rfind(b"\n") + 1
        if cut <= 0:
            break  # a line longer than a window: the passes pick what matters
        for slug, needle in list(firsts.items()):
            found = data.find(needle, 0, cut)
            while found >= 0:
                line_start = data.rfind(b"\n", 0, found) + 1
                line_end = data.find(b"\n", found, cut)
                line = data[line_start:line_end].decode("utf-8", errors="replace")
                picks[at + line_start] = line
                probe = History()
                _index_lines(probe, [line], first=2)
                if slug in probe.active:
                    del firsts[slug]
                    break
                found = data.find(needle, line_end, cut)  # unreadable: the next one
        at += cut
    return picks


def _scan(
    fd: int,
    passes: list[re.Pattern[bytes]],
    needs: _Needs | None,
    lo: int,
    hi: int,
    *,
    lead: bool,
) -> dict[int, str] | None:
    """The lines in [lo, hi) (line starts) the passes find and the needs want, read a
    window at a time from `hi` back; the line at `lo` too when it leads the head (the
    file's first line may be a summary record)."""
    picks: dict[int, str] = {}
    end, size, floor = hi, WINDOW, lo if lead else lo - 1
    while end > lo and (passes or (needs is not None and needs.pattern() is not None)):
        # A window of whole lines ending at `end`, read with the line end before its first
        # line (pass 1 looks for line starts after a line end) unless that is the head's
        # first. Read, not mapped: a mapped file cut short under us would kill the process
        # (SIGBUS); this is a short read, and the caller streams.
        begin = max(floor, end - size)
        data = os.pread(fd, end - begin, begin)
        if len(data) < end - begin:
            raise OSError("the history got shorter while read")
        skip = -1 if begin == lo else data.find(b"\n")  # the line end before the first line
        if skip < 0 < begin - lo or skip == len(data) - 1:  # a line longer than the window
            size *= 2
            continue
        starts: set[int] = {0} if lead and begin == lo else set()
        for n, pattern in enumerate(passes):
            for match in pattern.finditer(data, max(skip, 0)):
                hit = match.start()
                starts.add(hit + 1 if n == 0 else data.rfind(b"\n", 0, hit) + 1)
        limit = len(data)
        while needs is not None and (pattern := needs.pattern()) is not None:
            found = [m.start() for m in pattern.finditer(data, skip + 1, limit)]
            for hit in reversed(found):  # the latest first
                line_start = data.rfind(b"\n", 0, hit) + 1
                starts.add(line_start)
                line_end = data.find(b"\n", hit)
                needs.settle(data[line_start:line_end].decode("utf-8", errors="replace"))
                if needs.pattern() is not pattern:  # something settled: look for less
                    limit = line_start
                    break
            else:
                break
        for line_start in starts:
            if line_start > skip:
                line_end = data.find(b"\n", line_start)
                line = data[line_start:line_end].decode("utf-8", errors="replace")
                picks[begin + line_start] = line
        if len(picks) > MAX_PICKED:
            return None
        end, size = begin + skip + 1, WINDOW
    return picks


PARALLEL_MIN_BYTES = 64 << 20  # a head this long is scanned by two processes


def can_fork() -> bool:
    return (
        sys.platform.startswith("linux")
        and len(os.sched_getaffinity(0)) > 1
        and threading.active_count() == 1  # never fork a process that has other threads
    )


def line_start_after(fd: int, at: int, end: int) -> int:
    """The start of the first line after offset `at` (`end` when none)."""
    while at < end:
        data = os.pread(fd, min(65536, end - at), at)
        if not data:
            break
        found = data.find(b"\n")
        if found >= 0:
            return at + found + 1
        at += len(data)
    return end


def _scan_in_two(
    fd: int, passes: list[re.Pattern[bytes]], needs: _Needs, lo: int, middle: int, hi: int
) -> dict[int, str] | None:
    """`_scan` of [lo, hi) with a forked child (the other core: the passes are bound by the
    regular-expression engine, which holds the GIL) running the passes over [middle, hi).
    The needs are met here, over all of it from its end: what settles an item depends on
    what was found after."""
    with forked(lambda: _scan(fd, passes, None, middle, hi, lead=False)) as result:
        newer = _scan(fd, [], needs, middle, hi, lead=False)
        older = _scan(fd, passes, needs, lo, middle, lead=True)
        ok, theirs = result()
    if not ok:  # the child failed (out of memory?): its passes here
        theirs = _scan(fd, passes, None, middle, hi, lead=False)
    parts = (newer, older, theirs)
    if any(part is None for part in parts) or sum(map(len, parts)) > MAX_PICKED:  # type: ignore[arg-type]
        return None
    return {**newer, **older, **theirs}  # type: ignore[dict-item]


@contextlib.contextmanager
def forked(work: Callable[[], T]) -> Iterator[Callable[[], tuple[bool, T | None]]]:
    """Run `work` in a forked child while the `with` body runs here; `result()` waits for it:
    (True, its value), or (False, None) when it failed. Leaving the block early kills it.
    Only where `can_fork()`."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, send, and leave without running the parent's exit code
        status = 1
        try:
            os.close(read_end)
            payload = memoryview(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
            while payload:
                payload = payload[os.write(write_end, payload) :]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    waited = False

    def result() -> tuple[bool, T | None]:
        nonlocal waited
        received = []
        while data := os.read(read_end, 1 << 20):
            received.append(data)
        _, status = os.waitpid(pid, 0)
        waited = True
        if os.waitstatus_to_exitcode(status) != 0 or not received:
            return False, None
        return True, pickle.loads(b"".join(received))

    try:
        yield result
    finally:
        os.close(read_end)
        if not waited:  # interrupted: the child goes too
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)


WINDOW = 16 << 20  # bytes read at a time: the peak memory the head adds


def _escaped(text: str) -> bytes:
    """A JSON string's inside, as `entry_line` writes it."""
    return json.dumps(text, ensure_ascii=False)[1:-1].encode("utf-8")


def _alternatives(words: Iterable[str]) -> bytes:
    """A regular expression matching exactly these strings (as JSON writes them), as a
    trie: the engine walks it in the length of one, not the number of them."""
    trie: dict = {}
    for word in words:
        node = trie
        for byte in _escaped(word):
            node = node.setdefault(byte, {})
        node[None] = {}

    def emit(node: dict) -> bytes:
        ends = None in node
        branches = [
            re.escape(bytes([b])) + emit(sub)
            for b, sub in sorted((k, v) for k, v in node.items() if k is not None)
        ]
        if not branches:
            return b""
        if len(branches) == 1 and not ends:
            return branches[0]
        group = b"(?:" + b"|".join(branches) + b")"
        return group + b"?" if ends else group

    return emit(trie)


def _at_least(floor: bytes) -> bytes:
    """A regular expression matching the strings that are not below `floor` byte by byte
    (a date from its first character: a later one, or anything not a date)."""
    out = b""
    for i in range(len(floor) - 1, -1, -1):
        this = floor[i : i + 1]
        higher = b"[" + re.escape(bytes([floor[i] + 1])) + b"-\xff]" if floor[i] < 255 else None
        out = b"(?:" + higher + b"|" + re.escape(this) + out + b")" if higher else this + out
    return out
