"""`roadvault parse` — owned by the parser work (issue 3)."""

import click


@click.command()
@click.argument("roadmap")
@click.option("--json", "as_json", is_flag=True)
def parse(roadmap: str, as_json: bool) -> None:
    """Show how a roadmap was understood (`-` reads stdin)."""
    raise click.ClickException("not implemented yet")
