"""Model → nested Markdown checklist → model: the same titles, statuses, durations, shape."""

from __future__ import annotations

import pytest
from parse_helpers import FIXTURES

from roadvault.model import Node, Resource, Roadmap, Status
from roadvault.parse import parse_roadmap, read_roadmap, roadmap_to_markdown
from roadvault.parse.emit import escape_text

SEEDS = FIXTURES.parents[3] / "shared" / "seeds"


def _shape(nodes: list[Node]) -> list:
    return [
        (n.title, n.status, n.marker, n.duration, n.planned_days, n.resources, _shape(n.children))
        for n in nodes
    ]


def test_rendering_is_a_nested_checklist_with_tabs_and_durations() -> None:
    roadmap = Roadmap(
        title="Plan",
        source="p.md",
        nodes=[
            Node(
                "Basics",
                duration="2 weeks",
                children=[Node("Read", status=Status.DONE), Node("Wait", marker=">")],
            )
        ],
    )
    text = roadmap_to_markdown(roadmap)
    assert "- [ ] Basics (2 weeks)\n\t- [x] Read\n\t- [>] Wait\n" in text
    assert text.startswith('---\ntitle: "Plan"\nroadvault: outline\n---\n\n# Plan\n')


@pytest.mark.parametrize(
    "title",
    [
        "# not a heading",
        "2024 goals",
        "+ not a bullet either",
        "- not a bullet",
        "> not a quote",
        "*stars* and _underscores_ stay",
        "[brackets] and <angles>",
        "a %% b %% c",
        "C#",
        "Tom & Jerry &amp; co",
        "back\\slash",
    ],
)
def test_titles_with_markdown_characters_survive(title: str) -> None:
    roadmap = Roadmap(title="T", source="t", nodes=[Node(title)])
    assert parse_roadmap(roadmap_to_markdown(roadmap)).nodes[0].title == title


def test_escaping_leaves_ordinary_punctuation_alone() -> None:
    assert escape_text("Scikit-learn (optional), v1.2!") == "Scikit-learn (optional), v1.2!"


def test_resources_and_notes_come_back() -> None:
    node = Node("Topic", resources=[Resource("Site", "https://x.org/a_(b)"), Resource("Book")])
    node.notes = "- not an item\n# nor a heading"
    roadmap = Roadmap(title="T", source="t", nodes=[node])
    again = parse_roadmap(roadmap_to_markdown(roadmap)).nodes[0]
    assert again.is_leaf
    assert again.resources == node.resources
    assert "not an item" in again.notes


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_roadmaps_read_back_the_same(seed) -> None:
    roadmap = read_roadmap(seed)
    again = parse_roadmap(roadmap_to_markdown(roadmap), source=roadmap.source)
    assert again.title == roadmap.title
    assert _shape(again.nodes) == _shape(roadmap.nodes)


def test_a_title_that_ends_in_an_amount_of_time_reads_back_whole() -> None:
    roadmap = Roadmap(
        title="Speaking",
        source="s.md",
        nodes=[Node("Drills", children=[Node("Debates of 3-5 minutes"), Node("Talk ~10 min")])],
    )
    back = parse_roadmap(roadmap_to_markdown(roadmap))
    assert [(n.title, n.duration) for n in back.nodes[0].children] == [
        ("Debates of 3-5 minutes", None),
        ("Talk ~10 min", None),
    ]


def test_a_length_with_a_bracket_of_its_own_reads_back_the_same() -> None:
    text = (
        "# Wheel Year\n\n## PART 1 — Centering (Weeks 1–5)\n\n**Duration:** 21 Days\n\n"
        "- Cone up\n- Cone down\n\n## Glaze course\n\n- **Duration**: Self-paced (~1-2 months)\n"
        "- Test tiles\n\n## PART 2 — Trimming\n\n**Duration:** 42 Days (6 Weeks)\n\n- Feet\n"
    )
    first = parse_roadmap(text)
    durations = [node.duration for node in first.nodes]
    assert durations == ["Weeks 1–5 (21 Days)", "Self-paced (~1-2 months)", "42 Days (6 Weeks)"]
    assert first.nodes[0].planned_days == (21, 21)  # the slot says when, the line how long
    again = parse_roadmap(roadmap_to_markdown(first))
    assert _shape(again.nodes) == _shape(first.nodes)
