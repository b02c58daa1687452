"""The progress summary (pure): `build_summary(progress, history, now=…)`, then
`render_progress_note(summary)` for Progress.md and `summary_json(summary)` for
`roadvault status --json`.

Nothing here reads a disk or a clock: the same (progress, history, now) always gives the same
text. Progress.md shows "Updated" as the time of the latest change in the history, not the
time of rendering, so re-rendering an unchanged vault gives identical bytes; `now` only
enters through the date (pace window, estimate), so the text can change at most once a day
without a change in the vault.

`status --json` schema (format 1; keys are stable, new keys may be added):

    {
      "format": 1,
      "today": "2026-03-14",                       # the learner's local date (TZ / system zone)
      "updated": "2026-03-14T09:12:00Z" | null,    # latest status change in the history
      "totals": Totals,                            # all roadmaps together
      "roadmaps": [                                # most recently active first
        {
          "slug": "data-engineering-starter",
          "title": "Data Engineering Starter",
          "note": "Data Engineering Starter/Data Engineering Starter.md" | null,
          "totals": Totals,
          "missing": 0,                            # items whose line is in no note
          "phases": [
            {"id": "rv-…", "title": "SQL Foundations", "note": "…/SQL Foundations.md" | null,
             "duration": "3 weeks" | null, "planned_days": [21, 21] | null,
             "totals": Totals, "completed": "2026-03-02" | null,
             "planned_start": "2026-02-01" | null, "planned_end": "2026-03-12" | null,
             "planned_end_early": "2026-03-05" | null,   # a range's early end
             "schedule": {"state": "behind" | "on track" | "ahead", "days": 4} | null,
             "schedule_text": "planned by 5 Mar – 12 Mar · 4 days behind" | null}
          ],
          "doing": [Item], "next_up": [Item],      # roadmap order, at most 5 each
          "recently_done": [Item + {"date": "2026-03-13"}],   # latest first, at most 5
          "pace": {"items_per_week": 4.5, "weeks": 3.0, "done": 13} | null,
          "estimate": {
            "started": "2026-02-01" | null,        # the plan's start (see progress/plan.py)
            "planned_days": [51, 81] | null,       # the plan's length (its phases in a row)
            "planned_finish": ["2026-03-24", "2026-04-23"] | null,
            "finish": "2026-04-25" | null,         # at the current pace
            "on_plan": false | null
          },
          "last_active": "2026-03-14T09:12:00Z" | null,
          "plan": {"start": "2026-02-01", "end": ["2026-03-24", "2026-04-23"] | null} | null,
          "today_items": [Item + {"done": true}]   # the day's portion (done today first)
        }
      ],
      "other": {"totals": Totals, "notes": 2}     # tasks in notes of no roadmap
    }
    Totals = {"done": 12, "doing": 1, "todo": 28, "skipped": 3, "total": 41, "percent": 29.3}
             (total = done + doing + todo: skipped items are out of the denominator)
    Item   = {"id": "rv-…", "title": "…", "note": "path/where/its/line/is.md"}
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from roadvault.model import Status
from roadvault.obsidian.links import link_alias, linkable, render_link
from roadvault.progress.aggregate import Progress
from roadvault.progress.history import History, format_time
from roadvault.progress.manifest import Item
from roadvault.progress.plan import Plan, Verdict, make_plan, plural, short_date, verdict

JSON_FORMAT = 1
LIST_LIMIT = 5  # doing, next up, recently done
PACE_WEEKS = 4  # the pace looks at the last few weeks


@dataclass(frozen=True, slots=True)
class Totals:
    todo: int = 0
    doing: int = 0
    done: int = 0
    skipped: int = 0

    @classmethod
    def of(cls, counts: tuple[int, int, int, int] | list[int]) -> Totals:
        return cls(*counts)

    @property
    def total(self) -> int:
        return self.todo + self.doing + self.done

    @property
    def percent(self) -> float:
        return round(100.0 * self.done / self.total, 1) if self.total else 0.0

    @property
    def whole_percent(self) -> int:
        """Rounded down, so 100% means all done."""
        return 100 * self.done // self.total if self.total else 0

    def __add__(self, other: Totals) -> Totals:
        return Totals(
            self.todo + other.todo,
            self.doing + other.doing,
            self.done + other.done,
            self.skipped + other.skipped,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "done": self.done,
            "doing": self.doing,
            "todo": self.todo,
            "skipped": self.skipped,
            "total": self.total,
            "percent": self.percent,
        }


@dataclass(frozen=True, slots=True)
class ItemLink:
    id: str
    title: str
    relpath: str  # the note where its line was found
    target: str  # how a wikilink names that note


@dataclass(frozen=True, slots=True)
class PhaseSummary:
    id: str
    title: str
    relpath: str | None
    target: str | None
    block: str | None  # a leaf phase links to its checkbox line
    duration: str | None
    planned_days: tuple[float, float] | None
    totals: Totals
    completed: date | None
    planned_start: date | None = None
    planned_end: tuple[date, date] | None = None  # (early, late); "planned by" the late one
    verdict: Verdict | None = None


@dataclass(frozen=True, slots=True)
class Pace:
    items_per_week: float
    weeks: float
    done: int


@dataclass(frozen=True, slots=True)
class Estimate:
    started: date | None = None
    planned_days: tuple[float, float] | None = None
    planned_finish: tuple[date, date] | None = None
    finish: date | None = None
    on_plan: bool | None = None


@dataclass(frozen=True, slots=True)
class RoadmapSummary:
    slug: str
    title: str
    relpath: str | None
    target: str | None
    totals: Totals
    missing: int
    phases: tuple[PhaseSummary, ...]
    doing: tuple[ItemLink, ...]
    next_up: tuple[ItemLink, ...]
    recently_done: tuple[tuple[date, ItemLink], ...]
    pace: Pace | None
    estimate: Estimate
    last_active: datetime | None
    plan: Plan | None = None
    today: tuple[tuple[bool, ItemLink], ...] = ()  # (done today?, item): the day's portion


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    today: date
    updated: datetime | None
    totals: Totals
    roadmaps: tuple[RoadmapSummary, ...]
    other: Totals = field(default_factory=Totals)
    other_notes: int = 0
    zone: tzinfo = UTC  # the learner's time zone: every date shown is a local date


# --- building ------------------------------------------------------------------------------


def build_summary(
    progress: Progress,
    history: History,
    *,
    now: datetime,
    zone: tzinfo = UTC,
    starts: dict[str, date] | None = None,
) -> ProgressSummary:
    """The summary of a vault's progress on `now`'s local date in `zone` (pure).

    `starts` gives a roadmap's plan start (the `start` property or the build's); without
    one the plan starts on the day of the roadmap's first history entry."""
    today = now.astimezone(zone).date()
    order = {slug: n for n, slug in enumerate(progress.roadmap_slugs())}
    roadmaps = [
        _roadmap_summary(progress, history, slug, today, zone, (starts or {}).get(slug))
        for slug in order
    ]
    # Most recently active first; never active keep the manifest's order.
    roadmaps.sort(
        key=lambda r: (
            -(r.last_active.timestamp() if r.last_active else -math.inf),
            order[r.slug],
        )
    )
    totals = Totals()
    for roadmap in roadmaps:
        totals += roadmap.totals
    other_notes = sum(
        1
        for relpath, home in progress.note_homes.items()
        if home.roadmap is None and any(progress.note_own.get(relpath, ()))
    )
    return ProgressSummary(
        today=today,
        updated=history.latest,
        totals=totals,
        roadmaps=tuple(roadmaps),
        other=Totals.of(progress.other_counts),
        other_notes=other_notes,
        zone=zone,
    )


def _link(progress: Progress, item: Item) -> ItemLink | None:
    relpath = progress.where(item.id)
    if relpath is None:
        return None
    return ItemLink(item.id, item.title, relpath, progress.link_name(relpath))


def _roadmap_summary(
    progress: Progress,
    history: History,
    slug: str,
    today: date,
    zone: tzinfo,
    start: date | None,
) -> RoadmapSummary:
    def local(moment: datetime) -> date:
        return moment.astimezone(zone).date()

    info = progress.index.roadmap_info(slug)
    totals = Totals.of(progress.counts(slug))
    completed_phases = {
        phase.id
        for phase in info.phases
        if (t := Totals.of(progress.phase_totals(slug, phase.id))).total and t.done == t.total
    }
    completed_on: dict[str, date] = {}
    if completed_phases:
        for item in info.items:
            when = history.done_at.get(item.id)
            if item.phase in completed_phases and when is not None:
                day = local(when)
                if item.phase not in completed_on or day > completed_on[item.phase]:
                    completed_on[item.phase] = day
    started_at = history.started.get(slug)
    if start is None and started_at is not None:
        start = local(started_at)
    plan = None
    if start is not None:
        plan = make_plan(
            start, [(p.id, p.planned_days) for p in info.phases], total=info.planned_days
        )
    phases = []
    for phase in info.phases:
        note = phase.note if phase.note and progress.has_note(phase.note) else None
        block = None
        if note is None and phase.id in progress.index.items:
            # A leaf phase is a checkbox (in the roadmap note): link to its line.
            note, block = progress.where(phase.id), phase.id
        phases.append(
            PhaseSummary(
                id=phase.id,
                title=phase.title,
                relpath=note,
                target=progress.link_name(note) if note else None,
                block=block,
                duration=phase.duration,
                planned_days=phase.planned_days,
                totals=Totals.of(progress.phase_totals(slug, phase.id)),
                completed=completed_on.get(phase.id) if phase.id in completed_phases else None,
            )
        )
        phases[-1] = _with_plan(phases[-1], plan, today)
    doing = [
        link
        for i in progress.first_items(slug, Status.DOING, LIST_LIMIT)
        if (link := _link(progress, i))
    ]
    next_up = [
        link
        for i in progress.first_items(slug, Status.TODO, LIST_LIMIT)
        if (link := _link(progress, i))
    ]
    recent: list[tuple[date, ItemLink]] = []
    seen: set[str] = set()
    for when, item_id in history.latest_done(slug):
        if item_id in seen or progress.status_of(item_id) is not Status.DONE:
            continue
        seen.add(item_id)
        item = progress.index.items.get(item_id)
        link = _link(progress, item) if item else None
        if link is not None:
            recent.append((local(when), link))
            if len(recent) == LIST_LIMIT:
                break
    pace = _pace(progress, history, slug, today, zone)
    note = info.note if info.note and progress.has_note(info.note) else None
    return RoadmapSummary(
        slug=slug,
        title=info.title,
        relpath=note,
        target=progress.link_name(note) if note else None,
        totals=totals,
        missing=progress.missing(slug),
        phases=tuple(phases),
        doing=tuple(doing),
        next_up=tuple(next_up),
        recently_done=tuple(recent),
        pace=pace,
        estimate=_estimate(plan, info.planned_days, totals, pace, today),
        last_active=history.active.get(slug),
        plan=plan,
        today=_today(progress, history, slug, today, zone, plan, pace),
    )


def _with_plan(phase: PhaseSummary, plan: Plan | None, today: date) -> PhaseSummary:
    dated = plan.phase(phase.id) if plan else None
    if dated is None or dated.days is None:
        return phase
    return replace(
        phase,
        planned_start=dated.start,
        planned_end=(dated.early_end, dated.end),
        verdict=verdict(
            dated,
            done=phase.totals.done,
            total=phase.totals.total,
            today=today,
            completed=phase.completed,
        ),
    )


TODAY_LIMIT = 10  # a day's portion never lists more


def daily_portion(plan: Plan | None, total_items: int, pace: Pace | None) -> int:
    """How many items a day asks for: the plan's items per day (its late schedule, the
    gentle one), else the learner's own pace, else one; at least 1, at most TODAY_LIMIT."""
    per_day = 0.0
    if plan is not None and plan.end is not None:
        days = (plan.end[1] - plan.start).days
        if days > 0:
            per_day = total_items / days
    if not per_day and pace is not None and pace.items_per_week > 0:
        per_day = pace.items_per_week / 7
    return max(1, min(TODAY_LIMIT, math.ceil(per_day)))


def _today(
    progress: Progress,
    history: History,
    slug: str,
    today: date,
    zone: tzinfo,
    plan: Plan | None,
    pace: Pace | None,
) -> tuple[tuple[bool, ItemLink], ...]:
    """The day's portion: items finished today (they stay, ticked, so the list does not
    shift under the learner), then doing and next items up to the plan's daily size."""
    info = progress.index.roadmap_info(slug)
    portion = daily_portion(plan, len(info.items), pace)
    out: list[tuple[bool, ItemLink]] = []
    seen: set[str] = set()
    for when, item_id in history.latest_done(slug):
        if when.astimezone(zone).date() != today:
            break
        item = progress.index.items.get(item_id)
        if item_id in seen or item is None or progress.status_of(item_id) is not Status.DONE:
            continue
        seen.add(item_id)
        if (link := _link(progress, item)) is not None:
            out.append((True, link))
    out.reverse()  # in the order they were done
    left = portion - len(out)
    if left > 0:
        for status in (Status.DOING, Status.TODO):
            for item in progress.first_items(slug, status, left):
                if item.id not in seen and (link := _link(progress, item)) is not None:
                    out.append((False, link))
                    seen.add(item.id)
            left = portion - len(out)
            if left <= 0:
                break
    return tuple(out)


def _pace(
    progress: Progress, history: History, slug: str, today: date, zone: tzinfo
) -> Pace | None:
    """Items done per week over the last weeks (those still done), None before any change."""
    started = history.started.get(slug)
    if started is None:
        return None
    window_start = today - timedelta(weeks=PACE_WEEKS)
    done: set[str] = set()
    for when, item_id in history.latest_done(slug):
        if when.astimezone(zone).date() <= window_start:
            break
        if progress.status_of(item_id) is Status.DONE:
            done.add(item_id)
    days = (today - max(window_start, started.astimezone(zone).date())).days
    weeks = min(float(PACE_WEEKS), max(1.0, days / 7))
    return Pace(items_per_week=round(len(done) / weeks, 1), weeks=round(weeks, 1), done=len(done))


def _estimate(
    plan: Plan | None,
    planned_days: tuple[float, float] | None,
    totals: Totals,
    pace: Pace | None,
    today: date,
) -> Estimate:
    started = plan.start if plan else None
    planned_finish = plan.end if plan else None
    if plan is not None and plan.end is not None:
        # The plan's own length (its phases one after another) is what the dates say.
        planned_days = (
            float((plan.end[0] - plan.start).days),
            float((plan.end[1] - plan.start).days),
        )
    remaining = totals.todo + totals.doing
    finish = None
    if remaining == 0 and totals.total:
        finish = today
    elif pace is not None and pace.items_per_week > 0:
        finish = today + timedelta(days=math.ceil(remaining / pace.items_per_week * 7))
    on_plan = None
    if finish is not None and planned_finish is not None:
        on_plan = finish <= planned_finish[1]
    return Estimate(started, planned_days, planned_finish, finish, on_plan)


# --- Progress.md ---------------------------------------------------------------------------


def _wikilink(
    target: str | None, text: str, block: str | None = None, *, table: bool = False
) -> str:
    """`[[target#^block|text]]` (obsidian/links.py: the display text as in the notes), or
    just the text when there is no target or it cannot be linked safely."""
    if target is None:
        return link_alias(text)
    return render_link(target, text, block=block, table=table)


def _item(link: ItemLink) -> str:
    return _wikilink(link.target, link.title, link.id)


def _bar(totals: Totals) -> str:
    return f'<progress value="{totals.done}" max="{totals.total}"></progress>'


def _fraction(totals: Totals) -> str:
    return f"{totals.done}/{totals.total} · {totals.whole_percent}%"


def _days_text(days: tuple[float, float]) -> str:
    low, high = (f"{d:g}" for d in days)
    return f"{low} days" if low == high else f"{low}–{high} days"


_LEGEND = (
    "`[x]` done · `[/]` doing · `[ ]` to do · `[-]` skipped (not counted) · "
    "other marks count as to do"
)


def _updated(summary: ProgressSummary) -> str:
    if summary.updated is None:
        return ""
    local = summary.updated.astimezone(summary.zone)
    return f"Updated {local:%Y-%m-%d %H:%M} {_zone_name(local)} · "


def _zone_name(moment: datetime) -> str:
    """ "UTC", or the offset ("+13:00") — the same text on every machine."""
    offset = moment.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def render_progress_note(summary: ProgressSummary) -> str:
    """The text of Progress.md (machine-owned)."""
    out = [
        "---",
        "roadvault: progress",
        "cssclasses:",
        "  - roadvault-progress",
        "---",
        "# Progress",
        "",
        "> [!info] Written by roadvault — edits here are replaced. "
        "Tick boxes in your notes instead.",
        "> " + _updated(summary) + _LEGEND,
        "",
    ]
    if not summary.roadmaps:
        out += ["No roadmap in this vault yet: build one with `roadvault build ROADMAP.md`.", ""]
    if len(summary.roadmaps) > 1:
        out += [f"**Overall:** {_fraction(summary.totals)} {_bar(summary.totals)}", ""]
    for roadmap in summary.roadmaps:
        out += _render_roadmap(roadmap, summary.today)
    if summary.other.total:
        out += [
            f"## Other notes — {_fraction(summary.other)}",
            _bar(summary.other),
            "",
            f"Tasks in {plural(summary.other_notes, 'note')} that belong to no roadmap.",
            "",
        ]
    return "\n".join(out).rstrip("\n") + "\n"


def schedule_text(phase: PhaseSummary, today: date) -> str:
    """ "planned by 12 Mar · 4 days behind" ("by 5–12 Mar" for a range), "" without a plan."""
    if phase.planned_end is None:
        return ""
    early, late = phase.planned_end
    when = short_date(late, today)
    if early != late:
        when = f"{short_date(early, today)} – {when}"
    text = f"planned by {when}"
    if phase.verdict is not None and not phase.completed:
        text += f" · {phase.verdict.text()}"
    elif phase.verdict is not None:
        text += f" · done {phase.verdict.text()}"
    return text


def today_lines(roadmap: RoadmapSummary, *, embed: bool = False) -> list[str]:
    """The day's portion as list lines: an embedded block (`![[Note#^id]]`, tickable where
    Obsidian renders it) or a link, done ones marked ✅."""
    out = []
    for done, link in roadmap.today:
        if embed and link.target and linkable(link.target):
            out.append(f"- {render_link(link.target, block=link.id, embed=True)}")
        else:
            out.append(f"- {'✅ ' if done else ''}{_item(link)}")
    return out


def _render_roadmap(roadmap: RoadmapSummary, today: date) -> list[str]:
    out = [f"## {roadmap.title} — {_fraction(roadmap.totals)}", _bar(roadmap.totals), ""]
    if roadmap.target:
        out += [f"Roadmap: {_wikilink(roadmap.target, roadmap.title)}", ""]
    if roadmap.phases:
        out += [
            "| phase | done | progress | planned | schedule | status |",
            "|---|---|---|---|---|---|",
        ]
        for phase in roadmap.phases:
            state = ""
            if phase.completed:
                state = f"✅ {phase.completed.isoformat()}"
            elif phase.totals.done or phase.totals.doing:
                state = "in progress"
            planned = phase.duration or (
                _days_text(phase.planned_days) if phase.planned_days else ""
            )
            out.append(
                f"| {_wikilink(phase.target, phase.title, phase.block, table=True)} "
                f"| {phase.totals.done}/{phase.totals.total} | {_bar(phase.totals)} "
                f"| {planned} | {schedule_text(phase, today)} | {state} |"
            )
        out.append("")
    if roadmap.today:
        out += ["### Today", *today_lines(roadmap), ""]
    if roadmap.doing:
        out.append("**Doing now:** " + " · ".join(_item(link) for link in roadmap.doing))
    if roadmap.next_up:
        out.append("**Next up:** " + " · ".join(_item(link) for link in roadmap.next_up))
    elif roadmap.totals.total and not roadmap.totals.todo and not roadmap.totals.doing:
        out.append("**All done.** 🎉")
    out += ["", _pace_line(roadmap), ""]
    if roadmap.missing:
        out += [
            f"{plural(roadmap.missing, 'item')} of this roadmap "
            f"{'is' if roadmap.missing == 1 else 'are'} in no note (deleted lines); "
            "not counted.",
            "",
        ]
    if roadmap.recently_done:
        out += ["### Recently done"]
        out += [f"- {day.isoformat()} {_item(link)}" for day, link in roadmap.recently_done]
        out.append("")
    if roadmap.totals.total:
        out += [
            "```mermaid",
            f"pie showData title {_mermaid_text(roadmap.title)}",
            f'  "done" : {roadmap.totals.done}',
            f'  "doing" : {roadmap.totals.doing}',
            f'  "to do" : {roadmap.totals.todo}',
            "```",
            "",
        ]
    return out


def _mermaid_text(text: str) -> str:
    return re.sub(r"[\"`:;#{}\n]", " ", text).strip() or "Progress"


def _pace_line(roadmap: RoadmapSummary) -> str:
    parts = []
    pace, estimate = roadmap.pace, roadmap.estimate
    if pace is None:
        parts.append("**Pace:** not measured yet (it starts with your first tick)")
    elif not pace.done:
        parts.append(f"**Pace:** no item finished in the last {plural(pace.weeks, 'week')}")
    else:
        parts.append(
            f"**Pace:** {pace.items_per_week:g} items/week over the last "
            f"{plural(pace.weeks, 'week')}"
        )
    if estimate.finish is not None:
        if not (roadmap.totals.todo or roadmap.totals.doing):
            parts.append(f"**finished** {estimate.finish.isoformat()}")
        else:
            parts.append(f"**finish ≈** {estimate.finish.isoformat()}")
    if estimate.planned_finish is not None and estimate.planned_days is not None:
        low, high = estimate.planned_finish
        span = low.isoformat() if low == high else f"{low.isoformat()} – {high.isoformat()}"
        verdict = ""
        if estimate.on_plan is not None:
            verdict = " (on plan)" if estimate.on_plan else " (behind plan)"
        parts.append(f"**plan:** {_days_text(estimate.planned_days)} → {span}{verdict}")
    elif estimate.planned_days is not None:
        parts.append(f"**plan:** {_days_text(estimate.planned_days)}")
    return " · ".join(parts)


# --- JSON ----------------------------------------------------------------------------------


def _item_json(link: ItemLink) -> dict[str, Any]:
    return {"id": link.id, "title": link.title, "note": link.relpath}


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _verdict_json(value: Verdict | None) -> dict[str, Any] | None:
    return {"state": value.state, "days": value.days} if value else None


def _plan_json(plan: Plan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {
        "start": plan.start.isoformat(),
        "end": [d.isoformat() for d in plan.end] if plan.end else None,
    }


def summary_json(summary: ProgressSummary) -> dict[str, Any]:
    """The `status --json` object (schema in the module docstring)."""
    return {
        "format": JSON_FORMAT,
        "today": summary.today.isoformat(),
        "updated": format_time(summary.updated) if summary.updated else None,
        "totals": summary.totals.to_json(),
        "roadmaps": [
            {
                "slug": r.slug,
                "title": r.title,
                "note": r.relpath,
                "totals": r.totals.to_json(),
                "missing": r.missing,
                "phases": [
                    {
                        "id": p.id,
                        "title": p.title,
                        "note": p.relpath,
                        "duration": p.duration,
                        "planned_days": list(p.planned_days) if p.planned_days else None,
                        "totals": p.totals.to_json(),
                        "completed": _date(p.completed),
                        "planned_start": _date(p.planned_start),
                        "planned_end": _date(p.planned_end[1]) if p.planned_end else None,
                        "planned_end_early": _date(p.planned_end[0]) if p.planned_end else None,
                        "schedule": _verdict_json(p.verdict),
                        "schedule_text": schedule_text(p, summary.today) or None,
                    }
                    for p in r.phases
                ],
                "doing": [_item_json(link) for link in r.doing],
                "next_up": [_item_json(link) for link in r.next_up],
                "recently_done": [
                    {**_item_json(link), "date": day.isoformat()} for day, link in r.recently_done
                ],
                "pace": (
                    {
                        "items_per_week": r.pace.items_per_week,
                        "weeks": r.pace.weeks,
                        "done": r.pace.done,
                    }
                    if r.pace
                    else None
                ),
                "estimate": {
                    "started": _date(r.estimate.started),
                    "planned_days": list(r.estimate.planned_days)
                    if r.estimate.planned_days
                    else None,
                    "planned_finish": (
                        [d.isoformat() for d in r.estimate.planned_finish]
                        if r.estimate.planned_finish
                        else None
                    ),
                    "finish": _date(r.estimate.finish),
                    "on_plan": r.estimate.on_plan,
                },
                "last_active": format_time(r.last_active) if r.last_active else None,
                "plan": _plan_json(r.plan),
                "today_items": [{**_item_json(link), "done": done} for done, link in r.today],
            }
            for r in summary.roadmaps
        ],
        "other": {"totals": summary.other.to_json(), "notes": summary.other_notes},
    }
