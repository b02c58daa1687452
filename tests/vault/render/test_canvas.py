"""The JSON Canvas map: valid against JSON Canvas 1.0, stable, laid out in roadmap order."""

from __future__ import annotations

import json

import pytest

from roadvault.vault.check import validate_canvas
from roadvault.vault.render.canvas import render_canvas
from roadvault.vault.render.layout import plan_layout

from ..roadmaps import data_roadmap


def canvas(depth: int = 2) -> tuple[dict, set[str]]:
    roadmap = data_roadmap()
    layout = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE", depth=depth)
    text = render_canvas(roadmap, layout)
    assert text.endswith("}\n") and "\t" not in text
    return json.loads(text), {slot.relpath for slot in layout.slots()}


@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_canvas_is_valid(depth: int) -> None:
    document, files = canvas(depth)
    roadmap = data_roadmap()
    layout = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE", depth=depth)
    assert validate_canvas(render_canvas(roadmap, layout), files) == []
    groups = [n for n in document["nodes"] if n["type"] == "group"]
    assert [g["label"] for g in groups] == [
        "1. SQL Foundations · 3 weeks",
        "2. Pipelines · 1-2 months",
        "3. Celebrate · 1 day",
    ]


def test_cards_sit_inside_their_groups_and_edges_follow_roadmap_order() -> None:
    document, _ = canvas()
    nodes = {n["id"]: n for n in document["nodes"]}
    groups = [n for n in document["nodes"] if n["type"] == "group"]
    for group in groups:
        phase_id = group["id"].removeprefix("group-")
        members = [
            n
            for n in document["nodes"]
            if n["type"] != "group"
            and n["y"] > group["y"]
            and n["y"] < group["y"] + group["height"]
        ]
        assert members, group["label"]
        for card in members:
            assert (
                group["x"] <= card["x"] and card["x"] + card["width"] <= group["x"] + group["width"]
            )
            assert card["y"] + card["height"] <= group["y"] + group["height"]
        assert any(card["id"] == f"card-{phase_id}" for card in members)
    chain = [e["toNode"] for e in document["edges"] if e["toNode"].startswith("group-")]
    assert chain == [g["id"] for g in groups]
    for edge in document["edges"]:
        assert edge["fromNode"] in nodes and edge["toNode"] in nodes
    # Groups first (drawn underneath), then the cards.
    kinds = [n["type"] for n in document["nodes"]]
    assert kinds == sorted(kinds, key=lambda kind: kind != "group")


def test_leaf_phase_is_a_text_card_linking_to_its_line() -> None:
    document, _ = canvas()
    roadmap = data_roadmap()
    celebrate = roadmap.nodes[2].id
    card = next(n for n in document["nodes"] if n["id"] == f"card-{celebrate}")
    assert card["type"] == "text"
    assert card["text"] == f"[[DE#^{celebrate}|Celebrate]]\n\n1 day"


def test_validator_catches_what_obsidian_would_choke_on() -> None:
    good = {
        "nodes": [
            {"id": "g", "type": "group", "x": 0, "y": 0, "width": 10, "height": 10},
            {"id": "a", "type": "file", "file": "A.md", "x": 0, "y": 0, "width": 1, "height": 1},
        ],
        "edges": [{"id": "e", "fromNode": "g", "toNode": "a", "toSide": "left"}],
    }
    assert validate_canvas(json.dumps(good), {"A.md"}) == []
    bad_cases = [
        ("not json", "not JSON"),
        (json.dumps({"nodes": {}}), "arrays"),
        (json.dumps({"nodes": [{**good["nodes"][1], "x": 1.5}]}), "'x' is not an integer"),
        (json.dumps({"nodes": [{**good["nodes"][1], "x": True}]}), "'x' is not an integer"),
        (json.dumps({"nodes": [good["nodes"][1], good["nodes"][1]]}), "duplicate id"),
        (json.dumps({"nodes": [{**good["nodes"][1], "type": "card"}]}), "bad type"),
        (json.dumps({"nodes": [{**good["nodes"][1], "file": "B.md"}]}), "not in the vault"),
        (json.dumps({"nodes": [{**good["nodes"][1], "color": "7"}]}), "bad color"),
        (
            json.dumps(
                {"nodes": [{"id": "t", "type": "text", "x": 0, "y": 0, "width": 1, "height": 1}]}
            ),
            "without 'text'",
        ),
        (
            json.dumps({**good, "edges": [{"id": "e", "fromNode": "g", "toNode": "zz"}]}),
            "is not a node",
        ),
        (
            json.dumps(
                {**good, "edges": [{"id": "e", "fromNode": "g", "toNode": "a", "fromSide": "up"}]}
            ),
            "bad 'fromSide'",
        ),
    ]
    for text, message in bad_cases:
        problems = validate_canvas(text, {"A.md"})
        assert any(message in problem for problem in problems), (text, problems)


def test_ids_and_bytes_are_stable() -> None:
    roadmap = data_roadmap()
    layout = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE")
    assert render_canvas(roadmap, layout) == render_canvas(data_roadmap(), layout)
