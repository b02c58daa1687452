"""The `roadvault` command line: flags in, library calls, output out. The only place that
prints, exits or configures logging."""

from roadvault.cli.main import cli, main

__all__ = ["cli", "main"]
