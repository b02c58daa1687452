"""The plan as an iCalendar file (pure): one all-day event per dated phase.

UIDs are stable — `<phase id>.<roadmap slug>@roadvault` — so a calendar that imports the
file again (or subscribes to it) updates the events instead of adding copies; the ids are
the roadmap's block ids, which survive rebuilds and retitles. A phase's planned end is the
day the next one starts ("planned by 12 Mar": its last day is 11 Mar), which is exactly an
all-day event's DTEND (exclusive, RFC 5545 §3.6.1). A range ("2–3 weeks") spans from its
early start to its late end; the early end is in the description.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from roadvault import __version__
from roadvault.progress.summary import RoadmapSummary

PRODID = f"-//roadvault//roadvault {__version__}//EN"


@dataclass(frozen=True, slots=True)
class PhaseEvent:
    uid: str
    summary: str
    start: date
    end: date  # exclusive: the day after the last
    description: str


def phase_events(roadmap: RoadmapSummary) -> list[PhaseEvent]:
    """The dated phases of a roadmap as events (phases without a duration have none)."""
    events = []
    for position, phase in enumerate(roadmap.phases, start=1):
        if phase.planned_start is None or phase.planned_end is None:
            continue
        early, late = phase.planned_end
        lines = [f"Phase {position} of {len(roadmap.phases)} of {roadmap.title}."]
        if phase.duration:
            lines.append(f"Planned: {phase.duration}.")
        if early != late:
            lines.append(
                f"Done by {early.isoformat()} at the earliest, {late.isoformat()} at the latest."
            )
        events.append(
            PhaseEvent(
                uid=f"{phase.id}.{roadmap.slug}@roadvault",
                summary=f"{roadmap.title}: {phase.title}",
                start=phase.planned_start,
                end=max(late, phase.planned_start + timedelta(days=1)),
                description=" ".join(lines),
            )
        )
    return events


def plan_calendar(roadmaps: list[RoadmapSummary], *, stamp: datetime) -> bytes:
    """The .ics text of the roadmaps' plans; `stamp` (aware) is each event's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Study plan" if len(roadmaps) != 1 else roadmaps[0].title)
    for roadmap in roadmaps:
        for item in phase_events(roadmap):
            event = Event()
            event.add("uid", item.uid)
            event.add("dtstamp", stamp)
            event.add("summary", item.summary)
            event.add("dtstart", item.start)
            event.add("dtend", item.end)
            event.add("description", item.description)
            event.add("transp", "TRANSPARENT")  # a plan, not a meeting: shows as free
            calendar.add_component(event)
    return calendar.to_ical()
