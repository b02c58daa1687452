"""`roadvault status DIR [--json] [--write]` and `roadvault watch DIR [...]`.

The `--json` object's schema is documented (and versioned) in roadvault/progress/summary.py.
"""

from __future__ import annotations

import contextlib
import json
import logging
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from roadvault.cli.params import VaultFolder
from roadvault.progress import scan_vault
from roadvault.progress.plan import plural
from roadvault.progress.summary import (
    ProgressSummary,
    RoadmapSummary,
    Totals,
    schedule_text,
    summary_json,
)
from roadvault.progress.vault_scan import utc_now

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress_bar import ProgressBar

    from roadvault.watch import StopRequest

_VAULT = VaultFolder()


@click.command()
@click.argument("vault", type=_VAULT)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as a JSON object.")
@click.option(
    "--write",
    is_flag=True,
    help="Also update Progress.md and the history once (for cron or Obsidian's Shell Commands).",
)
def status(vault: Path, as_json: bool, write: bool) -> None:
    """Show how far you are: per roadmap and phase, doing now, next up, pace, estimate."""
    state = scan_vault(vault)
    now = utc_now()
    if write:
        state.commit(now)
    summary = state.summary(now)
    if as_json:
        click.echo(json.dumps(summary_json(summary), indent=2, ensure_ascii=False))
    else:
        _print_summary(summary)


TITLE_LIMIT = 120  # characters of a title shown in the terminal


def _plain(title: str) -> str:
    """A roadmap title for the terminal: at most TITLE_LIMIT characters, its markup escaped.

    Why: rich parses `[...]` as markup and wraps long cells by measuring them again and
    again (a 20 KB title took 7 s, quadratic); a title cut first costs the same whatever its
    length, and escaped it prints as written."""
    from rich.markup import escape

    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    return escape(" ".join(title.split()))


def _bar(totals: Totals) -> ProgressBar:
    from rich.progress_bar import ProgressBar

    return ProgressBar(total=max(totals.total, 1), completed=totals.done, width=12)


def _fraction(totals: Totals) -> str:
    return f"{totals.done}/{totals.total} · {totals.whole_percent}%"


def _print_summary(summary: ProgressSummary) -> None:
    from rich.console import Console, Group

    console = Console(highlight=False, soft_wrap=False)
    if not summary.roadmaps and not summary.other.total:
        console.print("No roadmap in this vault yet.")
        return
    if len(summary.roadmaps) > 1:
        console.print(Group(f"[bold]Overall[/] {_fraction(summary.totals)}", _bar(summary.totals)))
        console.print()
    for roadmap in summary.roadmaps:
        _print_roadmap(console, roadmap, summary.today)
    if summary.other.total:
        console.print(f"[bold]Other notes[/] ({summary.other_notes}) {_fraction(summary.other)}")


def _print_roadmap(console: Console, roadmap: RoadmapSummary, today: date) -> None:
    from rich.table import Table

    bar, fraction = _bar, _fraction

    table = Table(
        title=f"{_plain(roadmap.title)} — {fraction(roadmap.totals)}",
        title_justify="left",
        title_style="bold",
        show_edge=False,
    )
    table.add_column("phase", ratio=2)
    table.add_column("done", justify="right")
    table.add_column("progress")
    table.add_column("planned")
    table.add_column("schedule", ratio=3)
    table.add_column("status")
    for phase in roadmap.phases:
        state = f"done {phase.completed.isoformat()}" if phase.completed else ""
        table.add_row(
            _plain(phase.title),
            f"{phase.totals.done}/{phase.totals.total}",
            bar(phase.totals),
            _plain(phase.duration or ""),
            schedule_text(phase, today).removeprefix("planned "),
            state,
        )
    if roadmap.phases:
        console.print(table)
    else:
        console.print(f"[bold]{_plain(roadmap.title)}[/] {fraction(roadmap.totals)}")
        console.print(bar(roadmap.totals))
    if roadmap.today:
        console.print(
            "Today:     "
            + " · ".join(
                ("✓ " if done else "") + _plain(link.title) for done, link in roadmap.today
            )
        )
    if roadmap.doing:
        console.print("Doing now: " + " · ".join(_plain(link.title) for link in roadmap.doing))
    if roadmap.next_up:
        console.print("Next up:   " + " · ".join(_plain(link.title) for link in roadmap.next_up))
    pace, estimate = roadmap.pace, roadmap.estimate
    line = []
    if pace is not None:
        line.append(f"pace {pace.items_per_week:g} items/week (last {plural(pace.weeks, 'week')})")
    if estimate.finish is not None:
        line.append(f"finish ≈ {estimate.finish.isoformat()}")
    if estimate.planned_finish is not None:
        low, high = estimate.planned_finish
        span = high.isoformat() if low == high else f"{low.isoformat()} – {high.isoformat()}"
        line.append(f"plan ends {span}")
        if estimate.on_plan is not None:
            line.append("on plan" if estimate.on_plan else "behind plan")
    if line:
        console.print(" · ".join(line))
    if roadmap.missing:
        verb = "is" if roadmap.missing == 1 else "are"
        console.print(f"{plural(roadmap.missing, 'item')} {verb} in no note and not counted.")
    console.print()


@contextmanager
def _stop_on_signals(stop: StopRequest) -> Iterator[None]:
    """Ctrl-C and SIGTERM (systemd, launchd) ask the watcher to stop: it wakes at once,
    writes the pending batch and exits."""

    def handler(_signum: int, _frame: object) -> None:
        stop.set()

    previous = {}
    for signum in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if signum is None:
            continue
        with contextlib.suppress(ValueError):  # not the main thread (embedded use)
            previous[signum] = signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


@click.command()
@click.argument("vault", type=_VAULT)
@click.option("--poll", is_flag=True, help="Poll for changes (network drives, WSL, containers).")
@click.option(
    "--interval",
    type=click.FloatRange(0.1, 3600),
    default=1.0,
    show_default=True,
    help="Seconds between polls with --poll.",
)
@click.option(
    "--debounce",
    type=click.FloatRange(0, 600),
    default=2.5,
    show_default=True,
    help="Seconds of quiet before Progress.md is updated (Obsidian saves every ~2 s).",
)
@click.option("-q", "--quiet", is_flag=True, help="No line per update; errors only.")
@click.option("-v", "--verbose", count=True, help="Say what is rescanned (-vv: debug).")
@click.pass_context
def watch(
    ctx: click.Context,
    vault: Path,
    poll: bool,
    interval: float,
    debounce: float,
    quiet: bool,
    verbose: int,
) -> None:
    """Keep Progress.md current while you tick boxes (Ctrl-C to stop)."""
    from roadvault.watch import StopRequest, run_watch

    quiet = quiet or bool(ctx.obj and ctx.obj.get("quiet"))
    verbose = max(verbose, (ctx.obj or {}).get("verbose", 0))
    logger = logging.getLogger("roadvault")
    if quiet:
        logger.setLevel(logging.ERROR)
    elif verbose:
        logger.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)

    def on_update(line: str) -> None:
        if not quiet:
            click.echo(f"{datetime.now():%H:%M:%S} {line}")

    def on_ready() -> None:
        if not quiet:
            click.echo(
                f"Watching {vault} — Progress.md follows your ticks. Ctrl-C to stop.", err=True
            )

    stop = StopRequest()
    with _stop_on_signals(stop):
        run_watch(
            vault,
            stop=stop,
            poll=poll,
            interval=interval,
            debounce=debounce,
            on_update=on_update,
            on_ready=on_ready,
        )
    if not quiet:
        click.echo("Stopped.", err=True)
