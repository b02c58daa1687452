"""`roadvault today DIR [--json] [--embed]`: what to do today, sized by the plan's pace.

The list is the one in Progress.md's "Today" section (roadvault/progress/summary.py): items
done today first (ticked), then the next ones up to the day's portion.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from roadvault.cli.params import VaultFolder
from roadvault.progress import scan_vault
from roadvault.progress.summary import today_lines
from roadvault.progress.vault_scan import utc_now

_VAULT = VaultFolder()


@click.command()
@click.argument("vault", type=_VAULT)
@click.option("--json", "as_json", is_flag=True, help="Print the list as a JSON object.")
@click.option(
    "--embed",
    is_flag=True,
    help="Print Obsidian block embeds (![[Note#^id]]) to paste into a note.",
)
@click.option(
    "--daily-note",
    is_flag=True,
    help="Also put the list into today's daily note (between roadvault's marker lines).",
)
def today(vault: Path, as_json: bool, embed: bool, daily_note: bool) -> None:
    """List today's items: what you finished today and what comes next."""
    summary = scan_vault(vault).summary(utc_now())
    if daily_note:
        from roadvault.progress.daily_note import write_daily_note

        lines = [line for roadmap in summary.roadmaps for line in today_lines(roadmap, embed=True)]
        relpath = write_daily_note(vault, summary.today, lines)
        click.echo(f"Today's items are in {relpath}", err=True)
    if as_json:
        data = {
            "today": summary.today.isoformat(),
            "roadmaps": [
                {
                    "slug": r.slug,
                    "title": r.title,
                    "items": [
                        {"id": link.id, "title": link.title, "note": link.relpath, "done": done}
                        for done, link in r.today
                    ],
                }
                for r in summary.roadmaps
            ],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if not any(r.today for r in summary.roadmaps):
        click.echo("Nothing to do today: no roadmap item is left.")
        return
    for roadmap in summary.roadmaps:
        if not roadmap.today:
            continue
        if embed:
            click.echo(f"## {roadmap.title}")
            for line in today_lines(roadmap, embed=True):
                click.echo(line)
        else:
            click.echo(f"{roadmap.title} — {summary.today.isoformat()}")
            for done, link in roadmap.today:
                click.echo(f"  [{'x' if done else ' '}] {link.title}")
        click.echo()
