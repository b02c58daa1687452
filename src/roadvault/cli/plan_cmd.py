"""`roadvault plan DIR [--start DATE] [--json] [--ics FILE]`: the dated study plan.

How the dates are made: roadvault/progress/plan.py; the calendar: roadvault/progress/calendar.py.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from roadvault.cli.params import VaultFolder
from roadvault.errors import InputError
from roadvault.fsio import write_private_file
from roadvault.progress import scan_vault
from roadvault.progress.summary import ProgressSummary, RoadmapSummary, schedule_text
from roadvault.progress.vault_scan import utc_now

_VAULT = VaultFolder()


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2026-03-01") from exc


@click.command()
@click.argument("vault", type=_VAULT)
@click.option(
    "--start",
    metavar="DATE",
    callback=_parse_date,
    help="Start the plan on DATE (YYYY-MM-DD): sets the `start` property of the roadmap note.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as a JSON object.")
@click.option(
    "--ics",
    "ics_file",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Write the phases as all-day calendar events (iCalendar; '-' for stdout).",
)
def plan(vault: Path, start: date | None, as_json: bool, ics_file: Path | None) -> None:
    """Show the dated plan: per phase planned start and end, ahead or behind."""
    state = scan_vault(vault)
    if start is not None:
        from roadvault.progress.plan_start import set_start_property

        notes = [info.note for info in state.progress.index.roadmaps.values() if info.note]
        if not notes:
            raise InputError("no roadmap note in this vault to hold a start date")
        for relpath in notes:
            set_start_property(Path(state.vault), relpath, start)
    now = utc_now()
    summary = state.summary(now)
    if ics_file is not None:
        from roadvault.progress.calendar import plan_calendar

        data = plan_calendar(list(summary.roadmaps), stamp=now.replace(microsecond=0))
        if str(ics_file) == "-":
            click.echo(data.decode("utf-8"), nl=False)
            return
        _write_file(ics_file, data)
        click.echo(f"Wrote {ics_file}", err=True)
    if as_json:
        click.echo(json.dumps(plan_json(summary), indent=2, ensure_ascii=False))
    elif ics_file is None:
        _print_plan(summary)


def plan_json(summary: ProgressSummary) -> dict:
    return {
        "today": summary.today.isoformat(),
        "roadmaps": [
            {
                "slug": r.slug,
                "title": r.title,
                "start": r.plan.start.isoformat() if r.plan else None,
                "end": [d.isoformat() for d in r.plan.end] if r.plan and r.plan.end else None,
                "phases": [
                    {
                        "id": p.id,
                        "title": p.title,
                        "planned_start": p.planned_start.isoformat() if p.planned_start else None,
                        "planned_end": p.planned_end[1].isoformat() if p.planned_end else None,
                        "planned_end_early": (
                            p.planned_end[0].isoformat() if p.planned_end else None
                        ),
                        "schedule": (
                            {"state": p.verdict.state, "days": p.verdict.days}
                            if p.verdict
                            else None
                        ),
                    }
                    for p in r.phases
                ],
            }
            for r in summary.roadmaps
        ],
    }


def _print_plan(summary: ProgressSummary) -> None:
    if not summary.roadmaps:
        click.echo("No roadmap in this vault yet.")
    for roadmap in summary.roadmaps:
        _print_roadmap(roadmap, summary.today)


def _print_roadmap(roadmap: RoadmapSummary, today: date) -> None:
    plan = roadmap.plan
    if plan is None:
        click.echo(f"{roadmap.title}: no start date yet (set one with --start DATE)")
        return
    end = ""
    if plan.end:
        low, high = plan.end
        end = f", ends {high}" if low == high else f", ends {low} – {high}"
    click.echo(f"{roadmap.title}: from {plan.start}{end}")
    for phase in roadmap.phases:
        text = schedule_text(phase, today) or "no duration"
        start = f"{phase.planned_start} → " if phase.planned_start else ""
        click.echo(f"  {phase.title}: {start}{text}")
    click.echo()


def _write_file(path: Path, data: bytes) -> None:
    """Whole or not at all (a calendar app may be reading the file); its folder must exist."""
    write_private_file(path, data, prefix=".rv-", create_folder=False)
