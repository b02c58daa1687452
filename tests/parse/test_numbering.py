"""The author's numbering before a title stays in it; ids and note names are made without it."""

from __future__ import annotations

import pytest

from roadvault.parse import parse_roadmap
from roadvault.parse.emit import roadmap_to_markdown
from roadvault.parse.titles import with_numbering, without_numbering
from roadvault.vault.render.names import safe_name

NUMBERED = """# Knitting course

## 1. Basics

### 1.1 Casting on
- [x] Long-tail cast on
- [ ] Cable cast on

### 1.2 - Knit stitch
- [ ] Garter swatch

## 2. Shaping
- [ ] (04) Decreases
- [ ] IV. Increases
"""

UNNUMBERED = """# Knitting course

## Basics

### Casting on
- [x] Long-tail cast on
- [ ] Cable cast on

### Knit stitch
- [ ] Garter swatch

## Shaping
- [ ] Decreases
- [ ] Increases
"""


def _titles(text: str) -> list[str]:
    return [node.title for node in parse_roadmap(text).walk()]


def test_a_course_keeps_the_numbers_its_author_gave_its_parts_and_lessons():
    assert _titles(NUMBERED) == [
        "1. Basics",
        "1.1 Casting on",
        "Long-tail cast on",
        "Cable cast on",
        "1.2 - Knit stitch",
        "Garter swatch",
        "2. Shaping",
        "(04) Decreases",
        "IV. Increases",
    ]


def test_numbering_changes_no_id_and_no_reading():
    numbered, plain = parse_roadmap(NUMBERED), parse_roadmap(UNNUMBERED)
    assert [n.id for n in numbered.walk()] == [n.id for n in plain.walk()]
    assert [n.status for n in numbered.walk()] == [n.status for n in plain.walk()]


def test_a_phase_word_is_still_cut_and_a_markdown_list_number_is_no_title():
    roadmap = parse_roadmap("# Plan\n\n## Phase 1: Basics\n1. Wedging\n2. Centering\n")
    assert _titles("# Plan\n\n## Phase 1: Basics\n1. Wedging\n2. Centering\n") == [
        "Phase 1: Basics",
        "Wedging",
        "Centering",
    ]
    assert roadmap.nodes[0].duration is None


def test_the_outline_form_reads_back_the_numbered_titles_and_their_ids():
    first = parse_roadmap(NUMBERED)
    again = parse_roadmap(roadmap_to_markdown(first))
    assert [(n.id, n.title, n.status) for n in again.walk()] == [
        (n.id, n.title, n.status) for n in first.walk()
    ]


def test_a_number_before_a_month_word_after_an_emoji_reads_back_from_the_outline_form():
    first = parse_roadmap("# Plan\n\n## 🔹 1. Ay: Python\n- [ ] Listeler\n")
    assert first.nodes[0].title == "1. Ay: Python"
    again = parse_roadmap(roadmap_to_markdown(first))
    assert again.nodes[0].title == "1. Ay: Python"
    assert again.nodes[0].id == first.nodes[0].id


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("1.1 Casting on", "Casting on.md"),
        ("IV. Increases", "Increases.md"),
        ("(04) Processes", "Processes.md"),
        ("1. 2024", "1. 2024.md"),  # a number alone is the whole title
        ("2048 game", "2048 game.md"),
    ],
)
def test_a_note_is_named_without_the_authors_number(title: str, name: str):
    assert safe_name(title, ext=".md") == name


def test_with_and_without_numbering_are_inverse():
    assert with_numbering("Casting on", "1.1") == "1.1 Casting on"
    assert with_numbering("1.1 Casting on", "1.1") == "1.1 Casting on"
    assert with_numbering("Casting on", "") == "Casting on"
    assert without_numbering("1.2 - Knit stitch") == "Knit stitch"
    assert without_numbering("Knit stitch") == "Knit stitch"
