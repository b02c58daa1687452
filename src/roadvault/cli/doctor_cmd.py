"""`roadvault doctor DIR`: conflicts left, duplicate ids, unknown ids, broken links."""

from __future__ import annotations

from pathlib import Path

import click

from roadvault.cli.params import VaultFolder
from roadvault.errors import EXIT_CONFLICT, EXIT_ERROR
from roadvault.vault.doctor import doctor_vault
from roadvault.vault.state import check_state_files

_KIND_NAMES = {
    "conflict": "unresolved conflicts",
    "block": "repeated block ids",
    "unknown-id": "notes with an unknown id",
    "link": "broken links",
    "properties": "unreadable properties",
}


@click.command()
@click.argument("vault", type=VaultFolder())
@click.option(
    "--all-links", is_flag=True, help="Check links in your own notes too, not only roadvault's."
)
@click.pass_context
def doctor(ctx: click.Context, vault: Path, all_links: bool) -> None:
    """Check a vault: conflicts to resolve, repeated block ids, notes with an unknown
    roadvault_id, broken links. Exit 0 only when clean (3 when conflicts are left)."""
    if vault.is_dir():
        check_state_files(vault)  # a FIFO there: one clear line, not a hang or "clean"
    diagnosis = doctor_vault(vault, all_links=all_links)
    for problem in diagnosis.problems:
        click.echo(str(problem))
    for skipped in diagnosis.skipped:
        click.echo(f"{skipped} (not checked)", err=True)
    if not diagnosis.problems:
        click.echo(f"doctor: clean ({diagnosis.checked} files checked)")
        return
    kinds = sorted({problem.kind for problem in diagnosis.problems})
    parts = [f"{diagnosis.count(kind)} {_KIND_NAMES.get(kind, kind)}" for kind in kinds]
    click.echo(f"doctor: {', '.join(parts)} ({diagnosis.checked} files checked)")
    ctx.exit(EXIT_CONFLICT if diagnosis.conflicts else EXIT_ERROR)
