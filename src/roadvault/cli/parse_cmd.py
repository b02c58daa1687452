"""`roadvault parse ROADMAP [--json] [--explain | --outline] [--name NAME]`: show how a
roadmap was understood, why, and as the canonical checklist a learner may correct."""

from __future__ import annotations

import io
import json
import shutil
import sys

import click
from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from roadvault.errors import InputError
from roadvault.model import Node, Roadmap, Status
from roadvault.parse import read_roadmap, read_roadmap_text, roadmap_to_json, roadmap_to_markdown
from roadvault.parse.explain import explain_parse, format_explanations

_STATUS_STYLE = {
    Status.TODO: "",
    Status.DOING: "yellow",
    Status.DONE: "green",
    Status.SKIPPED: "dim strike",
}


def _label(node: Node) -> str:
    shows_box = node.is_leaf or node.status is not Status.TODO or node.marker is not None
    box = f"[{node.checkbox}]" if shows_box else "•"
    text = escape(node.title)
    style = _STATUS_STYLE[node.status]
    if style:
        text = f"[{style}]{text}[/]"
    parts = [f"{escape(box)} {text}"]
    if node.duration:
        parts.append(f"[cyan]· {escape(node.duration)}[/]")
    if node.resources:
        count = len(node.resources)
        parts.append(f"[dim]· {count} resource{'s' if count != 1 else ''}[/]")
    return " ".join(parts)


def _add(tree: Tree, nodes: list[Node]) -> None:
    for node in nodes:
        branch = tree.add(_label(node))
        _add(branch, node.children)


def _summary(roadmap: Roadmap) -> str:
    leaves = roadmap.leaves()
    done = sum(1 for leaf in leaves if leaf.status is Status.DONE)
    timed = [node for node in roadmap.walk() if node.duration]
    phases = len(roadmap.nodes)
    return (
        f"{phases} phase{'s' if phases != 1 else ''}, {len(leaves)} checkbox"
        f"{'es' if len(leaves) != 1 else ''} ({done} done), "
        f"{len(timed)} with a duration, "
        f"{sum(len(node.resources) for node in roadmap.walk())} resources"
    )


def render_tree(roadmap: Roadmap, console: Console) -> None:
    tree = Tree(f"[bold]{escape(roadmap.title)}[/]  [dim]({escape(roadmap.source)})[/]")
    _add(tree, roadmap.nodes)
    console.print(tree)
    console.print(_summary(roadmap))


@click.command()
@click.argument("roadmap", metavar="ROADMAP")
@click.option("--json", "as_json", is_flag=True, help="Print the roadmap model as JSON.")
@click.option(
    "--explain",
    is_flag=True,
    help="Print every source line with what it became and the rule that decided (--json: a list).",
)
@click.option(
    "--outline",
    is_flag=True,
    help="Print the roadmap as the checklist `build` reads back: edit it to correct a misreading.",
)
@click.option("--name", default=None, help="Use this as the roadmap's title (it seeds the ids).")
def parse(roadmap: str, as_json: bool, explain: bool, outline: bool, name: str | None) -> None:
    """Show how a roadmap was understood (`-` reads stdin)."""
    if outline and (as_json or explain):
        raise click.UsageError(
            "--outline prints Markdown; it does not combine with --json or --explain"
        )
    if explain:
        _explain(roadmap, name=name, as_json=as_json)
        return
    model = read_roadmap(roadmap, name=name)
    if as_json:
        _echo_utf8(json.dumps(roadmap_to_json(model), indent=2, ensure_ascii=False) + "\n")
        return
    if outline:
        _echo_utf8(roadmap_to_markdown(model))
        return
    _print_tree(model)


def _echo_utf8(text: str) -> None:
    """Machine-readable output as UTF-8 bytes, whatever the locale says."""
    click.echo(text.encode("utf-8"), nl=False)


def _explain(path: str, *, name: str | None, as_json: bool) -> None:
    """Print the explanation; an itemless roadmap is still explained (that is when a reader
    most wants to know why), then refused like everywhere else."""
    text, source = read_roadmap_text(path)
    model, explanations, kind = explain_parse(text, source=source, name=name)
    if as_json:
        shown = [item.to_json() for item in explanations if item.verdict]
        _echo_utf8(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
    else:
        stdout = sys.stdout
        encoding = getattr(stdout, "encoding", None) or "utf-8"
        is_tty = bool(getattr(stdout, "isatty", lambda: False)())
        width = shutil.get_terminal_size((100, 24)).columns if is_tty else None
        printed = format_explanations(explanations, width=width)
        if kind in ("html", "data") and printed:
            what = "an HTML page" if kind == "html" else "a plan kept as data in front matter"
            printed = f"({what}: the lines below are the Markdown it was read as)\n" + printed
        # Bytes, replaced where the terminal's encoding cannot show a character: never a crash.
        click.echo(printed.encode(encoding, errors="replace"), nl=False)
    if not model.nodes:
        raise InputError(
            "has no roadmap items: no headings, lists, checkboxes or tables were found",
            path=source,
        )


class _Capture(io.StringIO):
    """Collects rich's output; tells rich the real stdout's encoding so it draws ASCII guides
    where UTF-8 is not available."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def _print_tree(roadmap: Roadmap) -> None:
    stdout = sys.stdout
    encoding = getattr(stdout, "encoding", None) or "utf-8"
    is_tty = bool(getattr(stdout, "isatty", lambda: False)())
    capture = _Capture(encoding)
    console = Console(
        file=capture,
        force_terminal=is_tty,
        width=shutil.get_terminal_size((100, 24)).columns,
        highlight=False,
        soft_wrap=True,
    )
    render_tree(roadmap, console)
    # Bytes, replaced where the terminal's encoding cannot show a character: never a crash.
    click.echo(capture.getvalue().encode(encoding, errors="replace"), nl=False)
