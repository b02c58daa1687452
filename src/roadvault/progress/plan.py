"""The dated study plan (pure): phases one after another from a start date, and how far the
learner is ahead of or behind it.

A phase's planned days are a range (low, high) — "2–3 weeks" is (14, 21). The plan keeps two
schedules side by side: the early one adds up every phase's low figure, the late one its
high figure, so phase i starts early at start + Σ low[<i] and ends late at start + Σ high[≤i].
A phase without a duration takes no time (it gets the dates of the point it sits at). The
phases' own figures are used as the manifest records them: items sharing a schedule slot and
a summary timeline restating the phases are resolved by the reader (docs/READING.md:
slot-caption, overview-list), not added here.

On track or not (`verdict`), from the fraction of the phase's items done:
- done on date C: behind if C is after the late end, ahead if before the early end;
- otherwise on `today`, with the items spread evenly over the phase: behind when the late
  schedule had the next item due (late_start + (done + 1) / total × high days) before today,
  by the days since; ahead when the early schedule reaches the number done only after today
  (start + done / total × low days), by the days until. Past the late end and not done is
  behind by the days since the end. Anything in between is on track.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

ON_TRACK, BEHIND, AHEAD = "on track", "behind", "ahead"


@dataclass(frozen=True, slots=True)
class PhasePlan:
    id: str
    start: date  # early start
    late_start: date
    early_end: date
    end: date  # late end: the "planned by" date
    days: tuple[float, float] | None  # None: the roadmap gives this phase no duration


@dataclass(frozen=True, slots=True)
class Plan:
    start: date
    phases: tuple[PhasePlan, ...]
    end: tuple[date, date] | None  # (early, late) end of the whole plan; None: no durations

    def phase(self, phase_id: str) -> PhasePlan | None:
        return next((p for p in self.phases if p.id == phase_id), None)


@dataclass(frozen=True, slots=True)
class Verdict:
    state: str  # ON_TRACK, BEHIND or AHEAD
    days: int  # 0 when on track

    def text(self) -> str:
        if self.state == ON_TRACK:
            return ON_TRACK
        return f"{plural(self.days, 'day')} {self.state}"


def plural(count: float, word: str) -> str:
    """ "1 day", "2 days", "1.5 weeks" (a word, not "day(s)")."""
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{shown} {word}" if count == 1 else f"{shown} {word}s"


def _after(start: date, days: float) -> date:
    return start + timedelta(days=math.ceil(days))


def make_plan(
    start: date,
    phases: Sequence[tuple[str, tuple[float, float] | None]],
    *,
    total: tuple[float, float] | None = None,
) -> Plan:
    """The plan of `phases` ((id, planned days or None), in roadmap order) from `start`.

    `total` (the roadmap's own planned days) dates the end when no phase has a duration."""
    low = high = 0.0
    planned: list[PhasePlan] = []
    for phase_id, days in phases:
        lo, hi = (min(days), max(days)) if days else (0.0, 0.0)
        lo, hi = max(lo, 0.0), max(hi, 0.0)
        planned.append(
            PhasePlan(
                id=phase_id,
                start=_after(start, low),
                late_start=_after(start, high),
                early_end=_after(start, low + lo),
                end=_after(start, high + hi),
                days=(lo, hi) if days else None,
            )
        )
        low, high = low + lo, high + hi
    end: tuple[date, date] | None = None
    if any(p.days for p in planned):
        end = (_after(start, low), _after(start, high))
    elif total:
        end = (_after(start, min(total)), _after(start, max(total)))
    return Plan(start=start, phases=tuple(planned), end=end)


def verdict(
    phase: PhasePlan, *, done: int, total: int, today: date, completed: date | None = None
) -> Verdict | None:
    """How the phase stands against the plan; None when it has no duration or no items."""
    if phase.days is None or total <= 0:
        return None
    if completed is not None and done >= total:
        if completed > phase.end:
            return Verdict(BEHIND, (completed - phase.end).days)
        if completed < phase.early_end:
            return Verdict(AHEAD, (phase.early_end - completed).days)
        return Verdict(ON_TRACK, 0)
    done = max(0, min(done, total))
    low, high = phase.days
    if done < total and today > phase.end:
        return Verdict(BEHIND, (today - phase.end).days)
    if done < total:
        # The late schedule spreads the items evenly: the next one is due by then.
        due = _after(phase.late_start, (done + 1) / total * high)
        if today > due:
            return Verdict(BEHIND, (today - due).days)
    if done:
        # The early schedule would have reached this many items only on this day.
        reached = _after(phase.start, done / total * low)
        if reached > today:
            return Verdict(AHEAD, (reached - today).days)
    return Verdict(ON_TRACK, 0)


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def short_date(day: date, today: date | None = None) -> str:
    """ "12 Mar", with the year when it is not `today`'s (English months: not the locale's,
    so the text is the same on every machine)."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return text if today is not None and day.year == today.year else f"{text} {day.year}"
