"""The roadmap as a JSON Canvas 1.0 map (pure, deterministic).

One group per phase (labelled "1. Title · duration"), stacked top to bottom in roadmap
order; inside it a grid of cards: the phase note, then its topic notes, as `file` nodes.
A phase without a note (a leaf phase, or any phase at --depth 0) is a `text` card linking
to its line in the roadmap note. Edges follow roadmap order. Ids derive from node ids so
they stay the same across rebuilds; geometry is integers; the JSON has a fixed key order.
"""

from __future__ import annotations

import json
from typing import Any

from roadvault.model import Node, Roadmap
from roadvault.obsidian.links import inline_text, link_alias, render_link
from roadvault.parse.titles import has_numbering
from roadvault.vault.render.layout import Layout

CARD_WIDTH = 300
CARD_HEIGHT = 140
GAP = 40
COLUMNS = 4
GROUP_PADDING = 40
GROUP_GAP = 120  # vertical space between phase groups (room for the group label)
ROADMAP_CARD_WIDTH = 400
ROADMAP_CARD_HEIGHT = 200


def _file_card(
    card_id: str, relpath: str, x: int, y: int, width: int, height: int
) -> dict[str, Any]:
    return {
        "id": card_id,
        "type": "file",
        "file": relpath,
        "x": x,
        "y": y,
        "width": width,
        "height": height,
    }


def _text_card(card_id: str, text: str, x: int, y: int) -> dict[str, Any]:
    return {
        "id": card_id,
        "type": "text",
        "text": text,
        "x": x,
        "y": y,
        "width": CARD_WIDTH,
        "height": CARD_HEIGHT,
    }


def _edge(from_id: str, to_id: str, from_side: str, to_side: str) -> dict[str, Any]:
    return {
        "id": f"edge-{from_id}-{to_id}",
        "fromNode": from_id,
        "fromSide": from_side,
        "toNode": to_id,
        "toSide": to_side,
    }


def _phase_cards(phase: Node, layout: Layout) -> list[tuple[str, str | None, str | None]]:
    """(card id, note relpath or None, text or None) for one phase, in roadmap order."""
    if phase.id not in layout.notes:
        text = (
            inline_text(phase.title)
            if layout.roadmap_note.deleted
            else render_link(layout.roadmap_note.name, phase.title, block=phase.id)
        )
        if phase.duration:
            text += f"\n\n{inline_text(phase.duration)}"
        return [(f"card-{phase.id}", None, text)]
    cards: list[tuple[str, str | None, str | None]] = []
    for node in phase.walk():
        slot = layout.notes.get(node.id)
        if slot is not None and slot.deleted:  # the learner deleted it: a card of text
            cards.append((f"card-{node.id}", None, inline_text(slot.title) or slot.name))
        elif slot is not None:
            cards.append((f"card-{node.id}", slot.relpath, None))
    return cards


def render_canvas(roadmap: Roadmap, layout: Layout) -> str:
    """The `.canvas` file text (2-space JSON, trailing newline)."""
    groups: list[dict[str, Any]] = []
    cards: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    roadmap_card = f"card-{layout.roadmap_note.id}"
    if layout.roadmap_note.deleted:
        card = _text_card(roadmap_card, f"# {inline_text(roadmap.title)}", 0, 0)
        cards.append({**card, "width": ROADMAP_CARD_WIDTH, "height": ROADMAP_CARD_HEIGHT})
    else:
        cards.append(
            _file_card(
                roadmap_card,
                layout.roadmap_note.relpath,
                0,
                0,
                ROADMAP_CARD_WIDTH,
                ROADMAP_CARD_HEIGHT,
            )
        )
    top = ROADMAP_CARD_HEIGHT + GROUP_GAP
    previous_group: str | None = None
    for position, phase in enumerate(roadmap.nodes, start=1):
        phase_cards = _phase_cards(phase, layout)
        columns = min(COLUMNS, len(phase_cards))
        rows = -(-len(phase_cards) // COLUMNS)
        width = 2 * GROUP_PADDING + columns * CARD_WIDTH + (columns - 1) * GAP
        height = 2 * GROUP_PADDING + rows * CARD_HEIGHT + (rows - 1) * GAP
        group_id = f"group-{phase.id}"
        # "Phase 1: SQL" is numbered by its author already; "SQL" takes its place
        shown = link_alias(phase.title)
        label = shown if has_numbering(phase.title) else f"{position}. {shown}"
        if phase.duration:
            label += f" · {inline_text(phase.duration)}"
        groups.append(
            {
                "id": group_id,
                "type": "group",
                "label": label,
                "x": 0,
                "y": top,
                "width": width,
                "height": height,
            }
        )
        previous_card: str | None = None
        for index, (card_id, relpath, text) in enumerate(phase_cards):
            row, column = divmod(index, COLUMNS)
            x = GROUP_PADDING + column * (CARD_WIDTH + GAP)
            y = top + GROUP_PADDING + row * (CARD_HEIGHT + GAP)
            if relpath is not None:
                cards.append(_file_card(card_id, relpath, x, y, CARD_WIDTH, CARD_HEIGHT))
            else:
                cards.append(_text_card(card_id, text or "", x, y))
            if previous_card is not None:
                same_row = column > 0
                sides = ("right", "left") if same_row else ("bottom", "top")
                edges.append(_edge(previous_card, card_id, *sides))
            previous_card = card_id
        if previous_group is None:
            edges.append(_edge(roadmap_card, group_id, "bottom", "top"))
        else:
            edges.append(_edge(previous_group, group_id, "bottom", "top"))
        previous_group = group_id
        top += height + GROUP_GAP

    # Node order is z-order: groups first, so their cards are drawn on top of them.
    document = {"nodes": groups + cards, "edges": edges}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
