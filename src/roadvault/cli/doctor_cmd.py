"""`roadvault doctor` — owned by the regeneration work (issue 5)."""

import click


@click.command()
@click.argument("vault")
def doctor(vault: str) -> None:
    """Check a vault: conflicts, duplicate ids, unknown ids, broken links."""
    raise click.ClickException("not implemented yet")
