"""Layout: which nodes get notes, where they go, and that names survive rebuilds."""

from __future__ import annotations

from roadvault.model import Node, Roadmap
from roadvault.vault.render.layout import PreviousLayout, phase_folder_name, plan_layout

from ..roadmaps import data_roadmap, node, with_ids


def paths(roadmap: Roadmap, **options: object) -> list[str]:
    layout = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE", **options)  # type: ignore[arg-type]
    return [slot.relpath for slot in layout.slots()]


def test_default_depth_gives_phase_and_topic_notes() -> None:
    assert paths(data_roadmap()) == [
        "DE/DE.md",
        "DE/01 SQL Foundations/SQL Foundations.md",
        "DE/01 SQL Foundations/Joins - and Aggregation.md",
        "DE/01 SQL Foundations/Modelling.md",
        "DE/02 Pipelines/Pipelines.md",
        "DE/02 Pipelines/Batch ingestion.md",
        "DE/02 Pipelines/File formats.md",
    ]


def test_depth_changes_granularity() -> None:
    assert paths(data_roadmap(), depth=0) == ["DE/DE.md"]
    assert paths(data_roadmap(), depth=1) == [
        "DE/DE.md",
        "DE/01 SQL Foundations/SQL Foundations.md",
        "DE/02 Pipelines/Pipelines.md",
    ]
    deeper = paths(data_roadmap(), depth=3)
    assert "DE/02 Pipelines/Incremental loads.md" in deeper  # level 3 with children


def test_lines_live_in_the_nearest_note_above() -> None:
    roadmap = data_roadmap()
    layout = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE")
    celebrate = roadmap.nodes[2]
    watermarks = roadmap.nodes[1].children[0].children[0].children[0]
    assert layout.line_note[celebrate.id] == "DE/DE.md"
    assert layout.line_note[watermarks.id] == "DE/02 Pipelines/Batch ingestion.md"
    assert layout.canvas == "DE/DE.canvas"


def test_names_avoid_the_learners_notes_and_each_other() -> None:
    roadmap = with_ids(
        Roadmap(
            "R",
            "r.md",
            nodes=[
                node("Projects", node("Projects", node("a")), node("Home", node("b"))),
                node("Deep Learning", node("Projects", node("c"))),
            ],
        )
    )
    layout = plan_layout(
        roadmap, roadmap_id="rv-roadmp", folder="R", taken_names=["projects.md", "Home.md"]
    )
    names = [slot.name for slot in layout.slots()]
    assert names == [
        "R",
        "Projects (R)",
        "Projects (Projects)",
        "Home (Projects)",
        "Deep Learning",
        "Projects (Deep Learning)",
    ]


def test_a_renamed_topic_follows_its_title_and_its_phase() -> None:
    roadmap = data_roadmap()
    first = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE")
    topic = roadmap.nodes[0].children[1]
    previous = PreviousLayout(
        roadmap_note=first.roadmap_note.relpath,
        canvas=first.canvas,
        notes={key: slot.relpath for key, slot in first.notes.items()},
    )
    topic.title = "Data Modelling"
    roadmap.nodes.reverse()  # phases reordered: folders follow roadmap order
    again = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE", previous=previous)
    assert again.notes[topic.id].relpath == "DE/03 SQL Foundations/Data Modelling.md"
    assert again.notes[topic.id].title == "Data Modelling"


def test_an_unrenamed_note_keeps_its_qualified_name_and_a_pinned_one_its_place() -> None:
    roadmap = data_roadmap()
    first = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE")
    topic = roadmap.nodes[0].children[1]
    notes = {key: slot.relpath for key, slot in first.notes.items()}
    notes[topic.id] = notes[topic.id].replace("Modelling.md", "Modelling (SQL Foundations).md")
    previous = PreviousLayout(first.roadmap_note.relpath, first.canvas, notes)
    again = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE", previous=previous)
    assert again.notes[topic.id].relpath == notes[topic.id]
    pinned = PreviousLayout(
        first.roadmap_note.relpath, first.canvas, notes, pinned={topic.id: "My/Modelling notes.md"}
    )
    topic.title = "Data Modelling"
    again = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="DE", previous=pinned)
    assert again.notes[topic.id].relpath == "My/Modelling notes.md"


def test_phase_folder_width_grows_at_one_hundred() -> None:
    assert phase_folder_name(7, "Basics", 12) == "07 Basics"
    assert phase_folder_name(7, "Basics", 100) == "007 Basics"
    roadmap = with_ids(
        Roadmap("R", "r.md", nodes=[Node(f"P{i}", children=[Node("x")]) for i in range(120)])
    )
    assert paths(roadmap)[1] == "DE/001 P0/P0.md"
