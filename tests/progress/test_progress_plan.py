"""The dated plan (progress/plan.py) is pure: phases in a row from a start date, ranges
giving early and late dates, and a verdict per phase against a fixed `today`."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from progress_vaults import ROADMAP_NOTE, make_vault, private_cache  # noqa: F401

from roadvault.progress import progress_summary, scan_vault
from roadvault.progress.localtime import local_zone
from roadvault.progress.plan import AHEAD, BEHIND, ON_TRACK, make_plan, plural, short_date, verdict
from roadvault.progress.plan_start import note_start, set_start_property

START = date(2026, 3, 2)


def test_phases_follow_each_other_with_early_and_late_dates() -> None:
    plan = make_plan(START, [("a", (21, 21)), ("b", (30, 60)), ("none", None), ("c", (7, 7))])
    a, b, none, c = plan.phases
    assert (a.start, a.early_end, a.end) == (START, date(2026, 3, 23), date(2026, 3, 23))
    assert (b.start, b.early_end, b.end) == (
        date(2026, 3, 23),
        date(2026, 4, 22),
        date(2026, 5, 22),
    )
    # No duration: no time, at the point it sits; its verdict is unknown.
    assert none.days is None and none.start == date(2026, 4, 22)
    assert verdict(none, done=0, total=3, today=START) is None
    assert (c.start, c.late_start, c.end) == (
        date(2026, 4, 22),
        date(2026, 5, 22),
        date(2026, 5, 29),
    )
    assert plan.end == (date(2026, 4, 29), date(2026, 5, 29))


def test_the_roadmaps_own_length_dates_a_plan_without_phase_durations() -> None:
    assert make_plan(START, [("a", None)], total=(10, 20)).end == (
        date(2026, 3, 12),
        date(2026, 3, 22),
    )
    assert make_plan(START, [("a", None)]).end is None


def test_verdicts() -> None:
    [phase] = make_plan(START, [("a", (10, 20))]).phases  # ends early 12 Mar, late 22 Mar
    # Not started, on its first day: on track; 11 days in with nothing done: behind.
    assert verdict(phase, done=0, total=4, today=START).state == ON_TRACK
    late = verdict(phase, done=0, total=4, today=START + timedelta(days=11))
    assert late is not None and (late.state, late.days) == (BEHIND, 6)  # 1st was due day 5
    # Half done after 5 days: the early schedule expected that on day 5: on track.
    assert verdict(phase, done=2, total=4, today=START + timedelta(days=5)).state == ON_TRACK
    # All but one done on day 2: ahead of even the early schedule (7.5 days for 3/4).
    ahead = verdict(phase, done=3, total=4, today=START + timedelta(days=2))
    assert ahead is not None and (ahead.state, ahead.days) == (AHEAD, 6)
    assert ahead.text() == "6 days ahead"
    # Past the late end and not done: behind by the days since.
    over = verdict(phase, done=3, total=4, today=date(2026, 3, 26))
    assert over is not None and over.text() == "4 days behind"
    # Done: judged on the day it was done, not today.
    done = verdict(phase, done=4, total=4, today=date(2027, 1, 1), completed=date(2026, 3, 23))
    assert done is not None and done.text() == "1 day behind"
    assert (
        verdict(phase, done=4, total=4, today=date(2027, 1, 1), completed=date(2026, 3, 15)).state
        == ON_TRACK
    )


def test_words() -> None:
    assert plural(1, "week") == "1 week" and plural(2, "item") == "2 items"
    assert plural(1.5, "week") == "1.5 weeks" and plural(0, "day") == "0 days"
    assert short_date(date(2026, 3, 12), date(2026, 1, 1)) == "12 Mar"
    assert short_date(date(2027, 3, 12), date(2026, 1, 1)) == "12 Mar 2027"


durations = st.one_of(
    st.none(),
    st.tuples(st.floats(0, 400), st.floats(0, 400)).map(lambda d: (min(d), max(d))),
)


@given(
    st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    st.lists(durations, max_size=12),
    st.integers(0, 50),
    st.integers(1, 50),
    st.integers(-100, 2000),
)
def test_plan_properties(start: date, days: list, done: int, total: int, offset: int) -> None:
    plan = make_plan(start, [(f"p{n}", d) for n, d in enumerate(days)])
    previous_end = previous_late_end = start
    for phase in plan.phases:
        # Dates are monotonic: each phase starts where the one before ended (early and late),
        # ends no earlier than it starts, and a range's early end is never after its late end.
        assert phase.start == previous_end and phase.late_start == previous_late_end
        assert phase.start <= phase.early_end <= phase.end
        assert phase.late_start <= phase.end
        previous_end, previous_late_end = phase.early_end, phase.end
        result = verdict(phase, done=min(done, total), total=total, today=start + timedelta(offset))
        assert (result is None) == (phase.days is None)
        if result is not None:
            assert result.days >= 0 and (result.days == 0) == (result.state == ON_TRACK)
    if plan.end is not None:
        assert start <= plan.end[0] <= plan.end[1]
        assert plan.end == (previous_end, previous_late_end)


def test_the_zone_comes_from_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    assert str(local_zone()) == "Pacific/Kiritimati"
    monkeypatch.setenv("TZ", ":Pacific/Auckland")
    assert str(local_zone()) == "Pacific/Auckland"
    monkeypatch.setenv("TZ", "XYZ-3")  # a POSIX rule: the C library's offset
    assert local_zone().utcoffset(None) is not None


def test_the_start_property_starts_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: 2 March 12:00 UTC is 3 March
    vault = make_vault(tmp_path)
    assert set_start_property(vault, ROADMAP_NOTE, date(2026, 3, 1))
    assert "start: " in (vault / ROADMAP_NOTE).read_text(encoding="utf-8")
    data = progress_summary(scan_vault(vault), now=datetime(2026, 3, 2, 12, tzinfo=UTC))
    assert data["today"] == "2026-03-03"
    [roadmap] = data["roadmaps"]
    assert roadmap["plan"]["start"] == "2026-03-01"
    assert roadmap["phases"][0]["planned_start"] == "2026-03-01"
    assert roadmap["phases"][0]["planned_end"] == "2026-03-22"
    assert roadmap["phases"][0]["schedule_text"] == "planned by 22 Mar · on track"
    # The learner edits it to a date long ago: now behind.
    text = (vault / ROADMAP_NOTE).read_text(encoding="utf-8")
    (vault / ROADMAP_NOTE).write_text(
        re.sub(r"start: .*", "start: 2026-01-01", text), encoding="utf-8"
    )
    data = progress_summary(scan_vault(vault), now=datetime(2026, 3, 2, 12, tzinfo=UTC))
    assert data["roadmaps"][0]["phases"][0]["schedule"] == {"state": "behind", "days": 40}


def test_a_restated_timeline_and_a_shared_slot_add_no_time() -> None:
    from roadvault.parse import parse_roadmap

    text = (
        "# Plan\n\n## Phase 1: Basics (2 weeks)\n- a\n- b\n\n"
        "## Week 3 - Day 1 - Day 2\n\n### Data\n\n#### Outline\n- c\n- d\n\n"
        "## Timeline\n\n| Topic | Weeks |\n|---|---|\n| Basics | 2 |\n| Data | 1 |\n"
    )
    roadmap = parse_roadmap(text)
    phases = [(node.title, node.planned_days) for node in roadmap.nodes]
    # the summary table restates the phases and adds no phase; the slot heading and the
    # topic under it are one phase, timed once
    assert [title for title, _ in phases] == ["Phase 1: Basics", "Data"], phases
    plan = make_plan(START, phases)
    assert plan.end == (START + timedelta(days=21), START + timedelta(days=21))


def test_a_start_date_goes_into_a_note_saved_with_a_bom_and_crlf(tmp_path: Path) -> None:
    """The roadmap note as an editor on Windows may save it: a BOM, CRLF line ends. The
    start date joins its properties, the BOM and line ends stay, and progress and the build
    read it back, as the build's merge reads every note (`fsio.decode_note`). Before: a
    second front matter block was written above the BOM (the note's own properties became
    text, `roadvault_id` included), with LF lines among CRLF ones, and the date was never
    read back."""
    vault = make_vault(tmp_path)
    path = vault / ROADMAP_NOTE
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert set_start_property(vault, ROADMAP_NOTE, START)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf---\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.count(b"---\r\n") == 2  # one front matter, the date inside it
    assert b"start: 2026-03-02\r\n" in raw and b"roadvault_id: " in raw.split(b"---\r\n")[1]
    assert note_start(raw.decode("utf-8")) == START
    [roadmap] = progress_summary(scan_vault(vault), now=datetime(2026, 3, 2, 12, tzinfo=UTC))[
        "roadmaps"
    ]
    assert roadmap["plan"]["start"] == "2026-03-02"
    assert not set_start_property(vault, ROADMAP_NOTE, START)  # already there: not written
