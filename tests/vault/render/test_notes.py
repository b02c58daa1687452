"""Rendering: the lines that matter (FORMAT.md §2), links that resolve, determinism."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from roadvault.model import Node, Roadmap
from roadvault.vault import check
from roadvault.vault.build import authored_link_targets, roadmap_id
from roadvault.vault.frontmatter import read_properties
from roadvault.vault.render.layout import plan_layout
from roadvault.vault.render.notes import PROGRESS_LINK, render_vault

from ..roadmaps import data_roadmap, node, with_ids
from ..strategies import roadmaps

LEAF_LINE = re.compile(r"^\t*- \[(.)\] (.+) \^(rv-[a-z0-9]+)$")
PLAIN_LINE = re.compile(r"^\t*- (?!\[)(?!\[\[)(.+) \^(rv-[a-z0-9]+)$")


def render(roadmap: Roadmap, depth: int = 2) -> dict[str, str]:
    layout = plan_layout(roadmap, roadmap_id="rv-roadmp", folder="Roadmap", depth=depth)
    return render_vault(roadmap, layout, slug="roadmap")


def notes(files: dict[str, str]) -> dict[str, str]:
    return {path: text for path, text in files.items() if path.endswith(".md")}


def test_topic_note_reads_well() -> None:
    files = render(data_roadmap())
    text = files["Roadmap/01 SQL Foundations/Joins - and Aggregation.md"]
    body = text.split("---\n", 2)[2]
    assert body.startswith("# Joins: and Aggregation\n\n")
    assert "[[Roadmap|Data Engineering Starter]] › [[SQL Foundations]] · [[Modelling]] →\n" in body
    assert "- [x] Inner and outer joins ^" in body
    assert "- [/] GROUP BY and HAVING ^" in body
    assert "- [ ] Window functions · 2 days ^" in body
    assert "## Resources\n- [Mode SQL tutorial](https://mode.com/sql-tutorial/)\n" in body
    assert body.endswith("## My notes\n")
    properties = read_properties(text)
    assert properties["phase"] == properties["up"] == "[[SQL Foundations]]"
    assert properties["aliases"] == ["Joins: and Aggregation"]
    assert properties["tags"] == ["roadmap/roadmap", "roadvault/topic"]


def test_nested_items_are_tab_indented_bullets_with_ids() -> None:
    files = render(data_roadmap())
    text = files["Roadmap/02 Pipelines/Batch ingestion.md"]
    lines = [line for line in text.splitlines() if "^rv-" in line]
    assert PLAIN_LINE.match(lines[0]) and lines[0].startswith("- Incremental loads ^rv-")
    assert lines[1].startswith("\t- [ ] Watermarks ^rv-")
    assert lines[2].startswith("\t- [ ] Backfills ^rv-")
    assert lines[3].startswith("- [-] Idempotent writes ^rv-")


def test_phase_note_mixes_links_and_leaf_checkboxes_in_order() -> None:
    files = render(data_roadmap())
    text = files["Roadmap/02 Pipelines/Pipelines.md"]
    section = text.split("## Topics\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert section[0] == "- [[Batch ingestion]]"
    assert section[1] == "- [[File formats]]"
    assert LEAF_LINE.match(section[2]) and "Read the Airflow docs" in section[2]
    assert "Phase 2 of 3 · ← [[SQL Foundations]]" in text


def test_roadmap_note_lists_phases_map_and_progress() -> None:
    text = render(data_roadmap())["Roadmap/Roadmap.md"]
    assert "# Data Engineering Starter\n" in text
    assert "> [!summary] 3 phases · 11 items · ≈ 52–82 days" in text
    assert f"[[{PROGRESS_LINK}]]" in text and "[[Roadmap.canvas|The map]]" in text
    assert "- [[SQL Foundations]] · 3 weeks\n- [[Pipelines]] · 1-2 months\n" in text
    assert "- [ ] Celebrate · 1 day ^rv-" in text  # a leaf phase is a checkbox here


def test_custom_markers_and_statuses_are_kept() -> None:
    text = render(data_roadmap())["Roadmap/02 Pipelines/File formats.md"]
    assert "- [>] Parquet basics ^rv-" in text


def test_roadmap_prose_never_adds_tasks() -> None:
    roadmap = with_ids(
        Roadmap(
            "R",
            "r.md",
            notes="- [ ] sneaky\n1. [x] also sneaky",
            nodes=[node("P", node("T", node("leaf"), notes="- [ ] nested sneaky"))],
        )
    )
    files = render(roadmap, depth=1)
    assert sum(len(check.find_tasks(text)) for text in notes(files).values()) == 1
    assert "\\[ ] sneaky" in files["Roadmap/Roadmap.md"]


@settings(max_examples=examples(150))
@given(roadmap=roadmaps(), depth=st.integers(0, 4))
def test_every_leaf_is_one_checkbox_and_every_link_resolves(roadmap: Roadmap, depth: int) -> None:
    files = render(roadmap, depth)
    leaves = {leaf.id for leaf in roadmap.leaves()}
    found: list[str] = []
    for text in notes(files).values():
        for _number, line in check.content_lines(text):
            match = LEAF_LINE.match(line)
            if match:
                found.append(match.group(3))
        assert len(check.find_tasks(text)) == sum(
            1 for line in text.splitlines() if LEAF_LINE.match(line)
        )
    assert sorted(found) == sorted(leaves)
    # Intermediate nodes below note level: plain bullets with their ids.
    all_ids = {n.id for n in roadmap.walk()}
    ids_in_text = {
        block for text in notes(files).values() for _, block in check.find_block_ids(text)
    }
    assert ids_in_text <= all_ids
    allowed = authored_link_targets(roadmap) | {PROGRESS_LINK}
    problems = check.check_vault(files, authored_targets=allowed)
    assert problems == []


@settings(max_examples=examples(50))
@given(roadmap=roadmaps(), depth=st.integers(0, 3))
def test_render_is_deterministic(roadmap: Roadmap, depth: int) -> None:
    assert render(roadmap, depth) == render(Roadmap.from_json(roadmap.to_json()), depth)


def test_roadmap_id_shape() -> None:
    assert re.fullmatch(r"rv-[a-z0-9]{6}", roadmap_id("data-engineering"))
    assert roadmap_id("a") != roadmap_id("b")


def test_titles_that_look_like_markup_stay_inert() -> None:
    roadmap = with_ids(
        Roadmap("R", "r.md", nodes=[node("P", node("T", Node("100%% done | a [b] ^rv-zzzzzz")))])
    )
    text = render(roadmap)["Roadmap/01 P/T.md"]
    line = next(line for line in text.splitlines() if line.startswith("- ["))
    assert "%%" not in line
    assert check.find_block_ids(text)[-1][1] == roadmap.nodes[0].children[0].children[0].id


def test_roadmap_text_never_mints_block_ids() -> None:
    from roadvault.model import Resource

    leaf = Node("leaf", resources=[Resource("copy of ^rv-aaaaaa")], notes="ends with ^0")
    topic = Node("T", children=[leaf], notes="prose ^rv-bbbbbb", duration="3 weeks ^x")
    roadmap = with_ids(Roadmap("R", "r.md", nodes=[Node("P", children=[topic])]))
    files = render(roadmap)
    ids = [block for text in notes(files).values() for _, block in check.find_block_ids(text)]
    assert ids == [leaf.id]
