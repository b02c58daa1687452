"""`roadvault status` and `roadvault watch` — owned by the progress work (issue 6)."""

import click


@click.command()
@click.argument("vault")
def status(vault: str) -> None:
    """Show progress."""
    raise click.ClickException("not implemented yet")


@click.command()
@click.argument("vault")
def watch(vault: str) -> None:
    """Keep Progress.md current while you tick boxes."""
    raise click.ClickException("not implemented yet")
