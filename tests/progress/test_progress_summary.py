"""The summary is a pure function of (progress, history, now): pace, estimate, recent, order."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from progress_vaults import SLUG, manifest, notes
from test_progress_aggregate import progress_of

from roadvault.model import Status
from roadvault.obsidian.links import render_link
from roadvault.progress.aggregate import Progress
from roadvault.progress.history import Entry, History
from roadvault.progress.manifest import index_manifest
from roadvault.progress.notes import summarize_note
from roadvault.progress.summary import build_summary, render_progress_note, summary_json

START = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def history_of(*events: tuple[datetime, str, Status | None, Status]) -> History:
    history = History()
    for when, item_id, before, after in events:
        history.add(Entry(when, SLUG, item_id, before, after))
    return history


def started_history() -> list[tuple[datetime, str, Status | None, Status]]:
    ids = ["rv-j1", "rv-j2", "rv-j3", "rv-m1", "rv-m2", "rv-p1", "rv-p2", "rv-cap"]
    return [(START, item_id, None, Status.TODO) for item_id in ids]


def test_pace_estimate_and_plan() -> None:
    events = [
        *started_history(),
        (datetime(2026, 1, 31, tzinfo=UTC), "rv-j1", Status.TODO, Status.DONE),  # > 4 weeks ago
        (datetime(2026, 2, 10, tzinfo=UTC), "rv-j2", Status.TODO, Status.DONE),
        (datetime(2026, 2, 20, tzinfo=UTC), "rv-j3", Status.TODO, Status.DONE),
        (datetime(2026, 2, 25, tzinfo=UTC), "rv-m1", Status.TODO, Status.DONE),
        (datetime(2026, 2, 26, tzinfo=UTC), "rv-m1", Status.DONE, Status.TODO),  # undone
    ]
    progress = progress_of(notes(rv_j1="x", rv_j2="x", rv_j3="x"))
    summary = build_summary(progress, history_of(*events), now=NOW)
    [roadmap] = summary.roadmaps
    # Done within the 4 weeks before 2026-03-01 and still done: rv-j2 and rv-j3.
    assert roadmap.pace is not None
    assert (roadmap.pace.done, roadmap.pace.weeks, roadmap.pace.items_per_week) == (2, 4.0, 0.5)
    remaining = roadmap.totals.todo + roadmap.totals.doing
    assert remaining == 5
    assert roadmap.estimate.finish == date(2026, 3, 1) + timedelta(days=70)  # 5 / 0.5 weeks
    assert roadmap.estimate.started == date(2026, 1, 20)
    # The plan: its phases one after another (21 + 30–60 + 7 days) from the first entry.
    assert roadmap.estimate.planned_finish == (date(2026, 3, 19), date(2026, 4, 18))
    assert roadmap.estimate.on_plan is False
    assert [link.id for _, link in roadmap.recently_done] == ["rv-j3", "rv-j2", "rv-j1"]
    assert roadmap.recently_done[0][0] == date(2026, 2, 20)
    text = render_progress_note(summary)
    assert "**Pace:** 0.5 items/week over the last 4 weeks · **finish ≈** 2026-05-10" in text
    assert "**plan:** 58–88 days → 2026-03-19 – 2026-04-18 (behind plan)" in text
    assert "- 2026-02-20 [[Joins and Aggregation#^rv-j3|Window functions]]" in text


def test_a_young_history_counts_at_least_one_week() -> None:
    events = [(NOW - timedelta(days=2), i, b, a) for _, i, b, a in started_history()]
    events.append((NOW - timedelta(hours=1), "rv-j1", Status.TODO, Status.DONE))
    summary = build_summary(progress_of(notes(rv_j1="x")), history_of(*events), now=NOW)
    pace = summary.roadmaps[0].pace
    assert pace is not None and (pace.done, pace.weeks, pace.items_per_week) == (1, 1.0, 1.0)


def test_a_completed_phase_shows_when_it_was_finished() -> None:
    marks = {key: "x" for key in ("rv_j1", "rv_j2", "rv_j3", "rv_m1", "rv_m2")}
    events = [
        *started_history(),
        (datetime(2026, 2, 5, tzinfo=UTC), "rv-m2", Status.TODO, Status.DONE),
        (datetime(2026, 2, 9, tzinfo=UTC), "rv-j3", Status.TODO, Status.DONE),
    ]
    summary = build_summary(progress_of(notes(**marks)), history_of(*events), now=NOW)
    phases = {phase.id: phase for phase in summary.roadmaps[0].phases}
    assert phases["rv-ph1"].completed == date(2026, 2, 9)
    assert phases["rv-ph2"].completed is None
    assert "| ✅ 2026-02-09 |" in render_progress_note(summary)


def test_rendering_is_pure_and_updated_is_the_latest_change() -> None:
    progress = progress_of(notes(rv_j1="x"))
    history = history_of(*started_history())
    one = render_progress_note(build_summary(progress, history, now=NOW))
    two = render_progress_note(build_summary(progress, history, now=NOW + timedelta(hours=5)))
    assert one == two
    assert "Updated 2026-01-20 08:00 UTC" in one


def test_most_recently_active_roadmap_first() -> None:
    data = manifest()
    other = copy.deepcopy(data["roadmaps"][SLUG])
    other["title"] = "Another Roadmap"
    other["items"] = [dict(item, id=item["id"] + "b") for item in other["items"]]
    data["roadmaps"]["another"] = other
    progress = Progress(index_manifest(data))
    files = notes()
    files["Another.md"] = "".join(f"- [ ] x ^{item['id']}\n" for item in other["items"])
    for relpath, text in files.items():
        progress.set_note(relpath, summarize_note(text))
    history = History()
    history.add(Entry(START, SLUG, "rv-j1", None, Status.TODO))
    history.add(Entry(START + timedelta(days=1), "another", "rv-j1b", None, Status.TODO))
    titles = [r.title for r in build_summary(progress, history, now=NOW).roadmaps]
    assert titles == ["Another Roadmap", "Data Engineering Starter"]
    history.add(Entry(START + timedelta(days=2), SLUG, "rv-j1", Status.TODO, Status.DONE))
    titles = [r.title for r in build_summary(progress, history, now=NOW).roadmaps]
    assert titles == ["Data Engineering Starter", "Another Roadmap"]
    text = render_progress_note(build_summary(progress, history, now=NOW))
    assert "**Overall:** 0/17 · 0%" in text


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        # Before, Progress.md had its own rule (`|` → `/`); now the notes' one (`|` → `-`).
        ("A | B ]] [[C", "A - B )) ((C"),
        # Before, `%%` went into Progress.md as is: an Obsidian comment that hid the rest of
        # the note; the notes defused it, as Progress.md now does.
        ("Comments %% in Obsidian", "Comments %\\% in Obsidian"),
    ],
)
def test_titles_that_would_break_a_link_are_made_safe(title: str, shown: str) -> None:
    data = manifest()
    data["roadmaps"][SLUG]["items"][0]["title"] = title
    progress = Progress(index_manifest(data))
    for relpath, text in notes().items():
        progress.set_note(relpath, summarize_note(text))
    text = render_progress_note(build_summary(progress, History(), now=NOW))
    assert f"[[Joins and Aggregation#^rv-j1|{shown}]]" in text
    assert f"[[Joins and Aggregation#^rv-j1|{shown}]]" == render_link(
        "Joins and Aggregation", title, block="rv-j1"
    )


def test_json_dates_and_nulls() -> None:
    summary = build_summary(progress_of(notes()), History(), now=NOW)
    data = summary_json(summary)
    assert data["today"] == "2026-03-01" and data["updated"] is None
    roadmap = data["roadmaps"][0]
    assert roadmap["pace"] is None and roadmap["last_active"] is None
    assert roadmap["estimate"] == {
        "started": None, "planned_days": [58.0, 88.0], "planned_finish": None,
        "finish": None, "on_plan": None,
    }  # fmt: skip


AUCKLAND = ZoneInfo("Pacific/Auckland")  # UTC+13 in March: its date is a day ahead at noon UTC


def test_dates_are_the_learners_local_dates() -> None:
    # 11:30 UTC on 1 March is 00:30 on 2 March in Auckland.
    done_at = datetime(2026, 3, 1, 11, 30, tzinfo=UTC)
    events = [*started_history(), (done_at, "rv-j1", Status.TODO, Status.DONE)]
    progress = progress_of(notes(rv_j1="x"))
    utc = build_summary(progress, history_of(*events), now=NOW)
    local = build_summary(progress, history_of(*events), now=NOW, zone=AUCKLAND)
    assert utc.today == date(2026, 3, 1) and local.today == date(2026, 3, 2)
    assert utc.roadmaps[0].recently_done[0][0] == date(2026, 3, 1)
    assert local.roadmaps[0].recently_done[0][0] == date(2026, 3, 2)
    text = render_progress_note(local)
    assert "- 2026-03-02 [[Joins and Aggregation#^rv-j1|Inner and outer joins]]" in text
    assert "> Updated 2026-03-02 00:30 +13:00 · " in text
    # Done "today" in Auckland (but yesterday in UTC): it heads the day's portion, ticked.
    assert local.roadmaps[0].today[0] == (True, local.roadmaps[0].recently_done[0][1])
    assert summary_json(local)["today"] == "2026-03-02"


def test_on_track_behind_and_today_with_a_fixed_clock_and_zone() -> None:
    # The plan starts on 20 Jan (local): SQL Foundations 21 days (by 10 Feb), Pipelines
    # 30–60 days (by 12 Mar – 11 Apr), Capstone 7 days.
    events = [
        *started_history(),
        (datetime(2026, 2, 5, tzinfo=UTC), "rv-j1", Status.TODO, Status.DONE),
        (datetime(2026, 2, 28, 20, 0, tzinfo=UTC), "rv-j2", Status.TODO, Status.DONE),
    ]
    progress = progress_of(notes(rv_j1="x", rv_j2="x"))
    summary = build_summary(progress, history_of(*events), now=NOW, zone=AUCKLAND)
    [roadmap] = summary.roadmaps
    sql, pipes, _cap = roadmap.phases
    assert sql.planned_end == (date(2026, 2, 10), date(2026, 2, 10))
    assert sql.verdict is not None and sql.verdict.text() == "20 days behind"
    assert pipes.planned_end == (date(2026, 3, 12), date(2026, 4, 11))
    # Nothing of it done yet, but its first item is due only on 12 Mar: on track.
    assert pipes.verdict is not None and pipes.verdict.text() == "on track"
    text = render_progress_note(summary)
    assert (
        '| [[SQL Foundations]] | 3/6 | <progress value="3" max="6"></progress> | 3 weeks '
        "| planned by 10 Feb · 20 days behind | in progress |"
    ) in text
    assert "| 1-2 months | planned by 12 Mar – 11 Apr · on track |  |" in text
    assert "| phase | done | progress | planned | schedule | status |" in text
    # Today (2 March in Auckland): rv-j2 was done on 1 March local, so not today's; the plan
    # asks 8 items in 95 days: one a day.
    assert "### Today\n- [[Joins and Aggregation#^rv-j3|Window functions]]\n" in text
    data = summary_json(summary)["roadmaps"][0]
    assert data["phases"][0]["schedule"] == {"state": "behind", "days": 20}
    assert data["phases"][0]["planned_end"] == "2026-02-10"
    assert data["plan"] == {"start": "2026-01-20", "end": ["2026-03-19", "2026-04-18"]}
    assert [item["id"] for item in data["today_items"]] == ["rv-j3"]
