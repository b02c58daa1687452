"""Roadmap + layout → the text of every generated file (pure, deterministic).

The lines that matter (FORMAT.md §2): a leaf is exactly one checkbox line ending with its
block id; a node with children below note level is a plain bullet with its block id; a
child with its own note is a link bullet. Indentation is one tab per level. Everything
else (breadcrumbs, durations, resources, "## My notes") is for the learner's eyes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from roadvault.model import Node, Resource, Roadmap
from roadvault.obsidian.ids import defuse_block_id
from roadvault.obsidian.links import inline_text, render_link
from roadvault.vault.frontmatter import PropertyValue, render_front_matter
from roadvault.vault.render.canvas import render_canvas
from roadvault.vault.render.layout import Layout, NoteSlot, walk_levels
from roadvault.vault.render.text import plain_item_text
from roadvault.vaultformat import PROGRESS_NOTE

SEPARATOR = " · "
MY_NOTES_HEADING = "## My notes"
PROGRESS_LINK = PROGRESS_NOTE.removesuffix(".md")  # how notes link to Progress.md

# A line in roadmap prose that a Markdown reader would take for a task (or a block id):
# neutralised so the only checkboxes in a generated note are the roadmap's leaves.
_TASK_LIKE = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)\[(.)\]")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


# --- small text helpers --------------------------------------------------------------------


def note_link(slot: NoteSlot) -> str:
    """A link to the note; its title as plain text when the learner deleted the note (a
    link would dangle: Obsidian would offer to create an empty note)."""
    if slot.deleted:
        return inline_text(slot.title) or slot.name
    return render_link(slot.name, slot.title)


def with_duration(text: str, node: Node) -> str:
    return f"{text}{SEPARATOR}{inline_text(node.duration)}" if node.duration else text


def prose(text: str) -> str:
    """Roadmap prose (notes) as Markdown, without anything that would read as a task."""
    lines = [
        defuse_block_id(_TASK_LIKE.sub(r"\1\\[\2]", line.rstrip()))
        for line in text.strip().splitlines()
    ]
    return "\n".join(lines).replace("%%", "%\\%")


def format_days(days: float) -> str:
    return str(int(days)) if float(days).is_integer() else f"{days:.1f}"


def planned_range(nodes: list[Node]) -> tuple[float, float] | None:
    """The planned days of a list of nodes: each node's own range, or its children's sum
    when it has none; None when nothing is planned at all."""
    low = high = 0.0
    known = False
    for node in nodes:
        own = node.planned_days or planned_range(node.children)
        if own is not None:
            low, high, known = low + own[0], high + own[1], True
    return (low, high) if known else None


def describe_days(days: tuple[float, float]) -> str:
    low, high = days
    if low == high:
        return f"≈ {format_days(low)} days"
    return f"≈ {format_days(low)}–{format_days(high)} days"


def resource_line(resource: Resource) -> str:
    text = inline_text(resource.text).replace("[", "\\[").replace("]", "\\]")
    if not resource.url:
        return f"- {text}"
    url = resource.url.strip().replace("<", "%3C").replace(">", "%3E")
    if re.search(r"[\s()]", url):
        url = f"<{url}>"
    return f"- [{text or url}]({url})"


# --- the checklist ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    roadmap: Roadmap
    layout: Layout
    slug: str
    # Phase id -> (planned start, planned end) when the plan has a start (render_vault).
    dates: dict[str, tuple[date, date]] = field(default_factory=dict)


def _line_for(ctx: _Context, node: Node, indent: int) -> list[str]:
    """The lines of `node` inside its container note (and of its children, recursively)."""
    tab = "\t" * indent
    slot = ctx.layout.notes.get(node.id)
    if slot is not None:
        return [f"{tab}- {with_duration(note_link(slot), node)}"]
    title = inline_text(node.title) or "Untitled"
    if node.is_leaf:
        lines = [f"{tab}- [{node.checkbox}] {with_duration(title, node)} ^{node.id}"]
    else:
        lines = [f"{tab}- {with_duration(plain_item_text(title), node)} ^{node.id}"]
    if node.notes.strip():
        # Prose under an item becomes sub-bullets: a continuation paragraph would move the
        # block id off the end of the item's text.
        for line in prose(node.notes).splitlines():
            if line.strip():
                lines.append(f"{tab}\t- {_BULLET.sub('', line.strip())}")
    for child in node.children:
        lines.extend(_line_for(ctx, child, indent + 1))
    return lines


def checklist(ctx: _Context, nodes: list[Node]) -> list[str]:
    lines: list[str] = []
    for node in nodes:
        lines.extend(_line_for(ctx, node, 0))
    return lines


def note_resources(ctx: _Context, node: Node | None, children: list[Node]) -> list[str]:
    """Resource lines of a note: its node's, and those of every node drawn inside it
    (not of children that have notes of their own), deduplicated, in roadmap order."""
    found: list[Resource] = list(node.resources) if node is not None else []

    def collect(nodes: list[Node]) -> None:
        for child in nodes:
            if child.id in ctx.layout.notes:
                continue
            found.extend(child.resources)
            collect(child.children)

    collect(children)
    lines: list[str] = []
    for resource in found:
        line = resource_line(resource)
        if line not in lines:
            lines.append(line)
    return lines


# --- notes -----------------------------------------------------------------------------------


def _tags(ctx: _Context, kind: str) -> list[str]:
    return [f"roadmap/{ctx.slug}", f"roadvault/{kind}"]


def _aliases(slot: NoteSlot) -> list[str] | None:
    title = inline_text(slot.title)
    return [title] if title and title != slot.name else None


def _roadmap_aliases(slot: NoteSlot, former: tuple[str, ...]) -> list[str] | None:
    """The roadmap note's aliases: its title, then the titles it had before a rename (so
    links and searches by the old name still find it)."""
    aliases = _aliases(slot) or []
    for title in (inline_text(old) for old in former):
        if title and title != slot.name and title not in aliases:
            aliases.append(title)
    return aliases or None


def _sections(*parts: str | list[str] | None) -> str:
    """Join non-empty parts with one blank line between them; LF, trailing newline."""
    blocks = []
    for part in parts:
        if part is None:
            continue
        text = "\n".join(part) if isinstance(part, list) else part
        if text.strip():
            blocks.append(text.rstrip("\n"))
    return "\n\n".join(blocks) + "\n"


def _section(heading: str, lines: list[str]) -> list[str] | None:
    return [heading, *lines] if lines else None


def _details(node: Node) -> str | None:
    parts = []
    if node.duration:
        parts.append(f"**Duration:** {inline_text(node.duration)}")
    if node.notes.strip():
        parts.append(prose(node.notes))
    return "\n\n".join(parts) or None


def render_roadmap_note(ctx: _Context) -> str:
    roadmap, layout = ctx.roadmap, ctx.layout
    slot = layout.roadmap_note
    days = planned_range(roadmap.nodes)
    properties: dict[str, PropertyValue] = {
        "roadvault_id": slot.id,
        "roadvault_kind": "roadmap",
        "roadmap": inline_text(roadmap.title) or slot.name,
        "planned_days": list(days) if days else None,
        "tags": _tags(ctx, "roadmap"),
        "aliases": _roadmap_aliases(slot, layout.roadmap_aliases),
    }
    phases = len(roadmap.nodes)
    items = len(roadmap.leaves())
    facts = [
        f"{phases} phase{'s' if phases != 1 else ''}",
        f"{items} item{'s' if items != 1 else ''}",
    ]
    if days:
        facts.append(describe_days(days))
    canvas_name = layout.canvas.rsplit("/", 1)[-1]
    summary = [
        f"> [!summary] {SEPARATOR.join(facts)}",
        f"> Tick the boxes in the notes below; {render_link(PROGRESS_LINK)} keeps count. "
        f"{render_link(canvas_name, 'The map')} shows the whole path.",
    ]
    return render_front_matter(properties) + _sections(
        f"# {inline_text(roadmap.title) or slot.name}",
        summary,
        prose(roadmap.notes) if roadmap.notes.strip() else None,
        _section("## Phases", checklist(ctx, roadmap.nodes)),
        _section("## Resources", note_resources(ctx, None, roadmap.nodes)),
        MY_NOTES_HEADING,
    )


def _neighbours(ctx: _Context, siblings: list[Node], node: Node) -> str | None:
    """`← [[Previous]] · [[Next]] →` among the siblings that have notes."""
    with_notes = [sibling for sibling in siblings if sibling.id in ctx.layout.notes]
    index = next(i for i, sibling in enumerate(with_notes) if sibling.id == node.id)
    parts = []
    if index > 0:
        parts.append(f"← {note_link(ctx.layout.notes[with_notes[index - 1].id])}")
    if index + 1 < len(with_notes):
        parts.append(f"{note_link(ctx.layout.notes[with_notes[index + 1].id])} →")
    return SEPARATOR.join(parts) if parts else None


def render_node_note(ctx: _Context, node: Node, ancestors: list[Node], position: int) -> str:
    """A phase note (no ancestors) or a topic note: properties, H1, breadcrumb, details,
    the checklist, resources, and an empty "My notes" section for the learner."""
    layout = ctx.layout
    slot = layout.notes[node.id]
    parent_slot = layout.notes[ancestors[-1].id] if ancestors else layout.roadmap_note
    phase_slot = layout.notes.get(ancestors[0].id) if ancestors else None
    siblings = ancestors[-1].children if ancestors else ctx.roadmap.nodes
    properties: dict[str, PropertyValue] = {
        "roadvault_id": node.id,
        "roadvault_kind": slot.kind,
        "roadmap": inline_text(ctx.roadmap.title) or layout.roadmap_note.name,
        "phase": note_link(phase_slot) if phase_slot is not None else None,
        "up": note_link(parent_slot),
        "duration": inline_text(node.duration) if node.duration else None,
        "planned_days": list(node.planned_days) if node.planned_days else None,
        "planned_start": None,
        "planned_end": None,
        "tags": _tags(ctx, slot.kind),
        "aliases": _aliases(slot),
    }
    if not ancestors and node.id in ctx.dates:
        start, end = ctx.dates[node.id]
        properties["planned_start"], properties["planned_end"] = start.isoformat(), end.isoformat()
    trail = [note_link(layout.roadmap_note)]
    trail += [note_link(layout.notes[ancestor.id]) for ancestor in ancestors]
    breadcrumb = " › ".join(trail)
    if not ancestors:
        breadcrumb += f"{SEPARATOR}Phase {position} of {len(ctx.roadmap.nodes)}"
    neighbours = _neighbours(ctx, siblings, node)
    if neighbours:
        breadcrumb += f"{SEPARATOR}{neighbours}"
    # A phase lists its topics (links); a phase of plain items is a checklist like a topic.
    has_topics = any(child.id in layout.notes for child in node.children)
    heading = "## Topics" if not ancestors and has_topics else "## Checklist"
    return render_front_matter(properties) + _sections(
        f"# {inline_text(node.title) or slot.name}",
        breadcrumb,
        _details(node),
        _section(heading, checklist(ctx, node.children)),
        _section("## Resources", note_resources(ctx, node, node.children)),
        MY_NOTES_HEADING,
    )


def _noted_nodes(ctx: _Context) -> Iterator[tuple[Node, list[Node], int]]:
    """(node, ancestors, phase position) for every node that has its own note."""
    ancestors_of: dict[str, list[Node]] = {}
    position_of: dict[str, int] = {node.id: i for i, node in enumerate(ctx.roadmap.nodes, 1)}
    for node, _level, parent in walk_levels(ctx.roadmap):
        ancestors = [] if parent is None else [*ancestors_of[parent.id], parent]
        ancestors_of[node.id] = ancestors
        if node.id in ctx.layout.notes:
            phase = ancestors[0] if ancestors else node
            yield node, ancestors, position_of[phase.id]


def phase_dates(roadmap: Roadmap, start: date) -> dict[str, tuple[date, date]]:
    """Each dated phase's (planned start, planned end — the late one) from `start`: the
    plan of progress/plan.py over the phases' own planned days, as the manifest records
    them, so the notes' properties and Progress.md agree."""
    from roadvault.progress.plan import make_plan

    plan = make_plan(start, [(node.id, node.planned_days) for node in roadmap.nodes])
    return {p.id: (p.start, p.end) for p in plan.phases if p.days is not None}


HOME_BEGIN = "%% roadvault: roadmaps"
HOME_END = "%% roadvault: end %%"


def render_home(text: str, links: list[tuple[str, str]]) -> str:
    """Home.md with the list between its `%% roadvault: roadmaps … %%` and
    `%% roadvault: end %%` lines set to a link per roadmap ((note name, title), in order).
    Everything else is the learner's: without both marker lines, `text` comes back as is
    (deleting them is how a learner keeps Home.md entirely to themselves)."""
    lines = text.split("\n")
    begin = next((n for n, line in enumerate(lines) if line.startswith(HOME_BEGIN)), None)
    if begin is None:
        return text
    end = next((n for n in range(begin + 1, len(lines)) if lines[n].strip() == HOME_END), None)
    if end is None:
        return text
    body = [f"- {render_link(name, title)}" for name, title in links]
    return "\n".join([*lines[: begin + 1], *body, *lines[end:]])


def render_vault(
    roadmap: Roadmap, layout: Layout, *, slug: str, start: date | None = None
) -> dict[str, str]:
    """Every generated file of one roadmap: {relpath: text}, LF line ends, in roadmap order
    (roadmap note, canvas, then each phase note followed by its topic notes). With the
    plan's `start`, phase notes carry `planned_start` / `planned_end`."""
    ctx = _Context(roadmap, layout, slug, phase_dates(roadmap, start) if start else {})
    files = {
        layout.roadmap_note.relpath: render_roadmap_note(ctx),
        layout.canvas: render_canvas(roadmap, layout),
    }
    for node, ancestors, position in _noted_nodes(ctx):
        files[layout.notes[node.id].relpath] = render_node_note(ctx, node, ancestors, position)
    return files
