"""The click group: logging set-up and the one error boundary for every command."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import click

from roadvault import __version__
from roadvault.errors import EXIT_ERROR, RoadvaultError

logger = logging.getLogger("roadvault")


# Command name -> "module:attribute"; imported only when that command runs, so `watch`
# (which may run for weeks) does not carry the parser and the builder in memory.
COMMANDS = {
    "build": "roadvault.cli.build_cmd:build",
    "doctor": "roadvault.cli.doctor_cmd:doctor",
    "parse": "roadvault.cli.parse_cmd:parse",
    "plan": "roadvault.cli.plan_cmd:plan",
    "status": "roadvault.cli.progress_cmd:status",
    "today": "roadvault.cli.today_cmd:today",
    "watch": "roadvault.cli.progress_cmd:watch",
}


class RoadvaultGroup(click.Group):
    """Loads commands lazily, and turns every RoadvaultError into one line on stderr and
    its exit status."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        import importlib

        module, _, attribute = target.partition(":")
        return getattr(importlib.import_module(module), attribute)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RoadvaultError as err:
            click.echo(f"roadvault: {err}", err=True)
            if err.hint:
                click.echo(f"  hint: {err.hint}", err=True)
            ctx.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("roadvault: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`roadvault parse x | head`): stop quietly, like git.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(141)
        except MemoryError:
            click.echo(
                "roadvault: ran out of memory: the input is too large or too deeply nested "
                "for this machine",
                err=True,
            )
            ctx.exit(EXIT_ERROR)
        except OSError as err:
            # An I/O failure nobody anticipated still gets one line, not a traceback.
            logger.debug("unexpected OS error", exc_info=True)
            where = f"{err.filename}: " if err.filename else ""
            click.echo(f"roadvault: {where}{err.strerror or err}", err=True)
            ctx.exit(EXIT_ERROR)
        except Exception as err:  # a bug: say so plainly, the traceback is one -v away
            logger.debug("internal error", exc_info=True)
            click.echo(
                f"roadvault: internal error: {type(err).__name__}: {err} "
                "(run with -v for details; please report it)",
                err=True,
            )
            ctx.exit(EXIT_ERROR)


class _StderrHandler(logging.StreamHandler):
    """Looks up sys.stderr at each record, so click's CliRunner capture works."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose == 1 else logging.WARNING)
    )
    root = logging.getLogger("roadvault")
    for handler in list(root.handlers):
        if isinstance(handler, _StderrHandler):
            root.removeHandler(handler)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False


@click.group(cls=RoadvaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="roadvault")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Turn a learning roadmap into an Obsidian vault and keep your progress in it."""
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["quiet"] = quiet
    _configure_logging(verbose, quiet)


def main() -> None:
    cli(prog_name="roadvault")
