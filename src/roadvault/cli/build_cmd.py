"""`roadvault build ROADMAP --vault DIR`: flags in, `build_vault`, then Progress.md at the
clock's `now` (`refresh_progress`), the report out."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import click

from roadvault.cli.params import VaultFolder
from roadvault.errors import EXIT_CONFLICT
from roadvault.parse import read_roadmap
from roadvault.progress.vault_scan import utc_now
from roadvault.vault.build import MAX_DEPTH, BuildReport, build_vault, refresh_progress
from roadvault.vault.render.layout import DEFAULT_DEPTH
from roadvault.vault.report import action_line, conflict_line, diff_text, summary_line
from roadvault.vault.update.item_travel import Action

PROGRESS_BAR_FROM = 200  # files; smaller builds finish before a bar would be worth drawing


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr for long builds (only on a terminal)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("writing notes", total=None, visible=False)

        def update(done: int, total: int) -> None:
            if total >= PROGRESS_BAR_FROM:
                bar.update(task, completed=done, total=total, visible=True)

        yield update


def _print_report(report: BuildReport, *, quiet: bool, verbose: bool, diff: bool) -> None:
    if not quiet:
        for planned in report.files:
            if planned.action is Action.UNCHANGED and not verbose:
                continue
            if planned.kind == "template" and planned.action is Action.UNCHANGED:
                continue
            click.echo(action_line(planned))
    if diff:
        for planned in report.files:
            text = diff_text(planned)
            if text:
                click.echo(text, nl=False)
    for notice in report.notices:
        click.echo(notice)
    vault = str(report.vault.resolve()) if report.vault.exists() else str(report.vault)
    click.echo(
        summary_line(report.files, vault=vault, dry_run=report.dry_run, written=report.written)
    )
    if report.conflicts:
        click.echo(conflict_line(report.files), err=True)


@click.command()
@click.argument("roadmap", metavar="ROADMAP")
@click.option(
    "--vault",
    "vault",
    required=True,
    type=VaultFolder(),
    help="The vault folder (created when it does not exist).",
)
@click.option("--name", default=None, help="The roadmap's name in the vault (folder and title).")
@click.option(
    "--depth",
    type=click.IntRange(0, MAX_DEPTH),
    default=DEFAULT_DEPTH,
    show_default=True,
    help="Levels that get their own note: 1 phases, 2 topics; deeper levels are checklists.",
)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing at all.")
@click.option("--diff", is_flag=True, help="Print a unified diff of every file written.")
@click.option(
    "--restore", is_flag=True, help="Re-create generated notes you deleted (default: leave them)."
)
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="DATE",
    help="Start the study plan on DATE (YYYY-MM-DD; kept in the roadmap note's `start`).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print the summary line only.")
@click.pass_context
def build(
    ctx: click.Context,
    roadmap: str,
    vault: Path,
    name: str | None,
    depth: int,
    dry_run: bool,
    diff: bool,
    restore: bool,
    start: datetime | None,
    quiet: bool,
) -> None:
    """Build or update a vault from a roadmap (Markdown; `-` reads stdin).

    Existing notes keep your ticks and your writing; files that are not roadvault's are
    never touched. Exit status 3 when conflicts were left to resolve."""
    options = ctx.obj or {}
    quiet = quiet or bool(options.get("quiet"))
    verbose = bool(options.get("verbose"))
    model = read_roadmap(roadmap, name=name)
    with _progress_bar(not quiet and not dry_run) as progress:
        report = build_vault(
            model,
            vault,
            name=name,
            depth=depth,
            dry_run=dry_run,
            restore=restore,
            progress=progress,
            start=start.date() if start else None,
        )
    refresh_progress(report, now=utc_now())
    _print_report(report, quiet=quiet, verbose=verbose, diff=diff)
    if report.conflicts:
        ctx.exit(EXIT_CONFLICT)
