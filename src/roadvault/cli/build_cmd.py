"""`roadvault build` — owned by the build work (issue 4)."""

import click


@click.command()
@click.argument("roadmap")
@click.option("--vault", required=True)
def build(roadmap: str, vault: str) -> None:
    """Build or update a vault from a roadmap."""
    raise click.ClickException("not implemented yet")
