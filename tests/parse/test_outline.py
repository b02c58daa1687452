"""How the outline reads the shapes people write: what a learner would see in the tree."""

from __future__ import annotations

import textwrap

import pytest
from parse_helpers import find, fixture_text, leaf_titles, outline

from roadvault.model import Status
from roadvault.parse import parse_roadmap


def parse(text: str, **kwargs):
    return parse_roadmap(textwrap.dedent(text), source="test.md", **kwargs)


# --- headings and titles -------------------------------------------------------------------


def test_atx_and_setext_headings_including_a_two_line_setext_heading() -> None:
    roadmap = parse_roadmap(fixture_text("atx_setext_headings"), source="g.md")
    assert roadmap.title == "Guitar Practice Plan"
    assert [n.title for n in roadmap.nodes] == [
        "Warm-up",
        "Open Chords and Strumming",
        "Barre Chords",
    ]


def test_bold_pseudo_headings_number_and_nest() -> None:
    roadmap = parse_roadmap(fixture_text("bold_pseudo_headings"), source="s.md")
    assert outline(roadmap.nodes) == [
        ("1. Pronunciation", ["Vowel sounds", "Rolling the r"]),
        (
            "Stage 2: Everyday Vocabulary",
            ["Greetings", "Numbers up to one hundred", ("Food words", ["Fruit", "Vegetables"])],
        ),
        ("Stage 3: Grammar Basics", ["Present tense of regular verbs", "Gender of nouns"]),
    ]
    assert find(roadmap, "Stage 3: Grammar Basics").duration == "3 weeks"
    assert roadmap.title == "Spanish"  # from "a plan for learning **Spanish**"


def test_title_from_single_top_heading_front_matter_or_file_name() -> None:
    assert parse("### **My Plan**\n\n#### A\n- [ ] x\n#### B\n- [ ] y\n").title == "My Plan"
    assert parse("---\ntitle: From FM\n---\n# Heading\n- [ ] a\n").title == "From FM"
    assert parse_roadmap("- [ ] a\n", source="notes/my_ml-plan.md").title == "My Ml Plan"
    assert parse("# Big Title\n- [ ] a\n", name="Chosen").title == "Chosen"


def test_several_top_headings_are_phases_not_a_title() -> None:
    roadmap = parse_roadmap("## One\n- [ ] a\n## Two\n- [ ] b\n", source="plan.md")
    assert roadmap.title == "Plan"
    assert [n.title for n in roadmap.nodes] == ["One", "Two"]


def test_title_cleanup_numbering_emoji_colons_emphasis_and_controls() -> None:
    roadmap = parse(
        """\
        # Plan

        ## 🔰 **Phase 1: Foundations (1-2 months)**
        ### Step 2: _Learn_ **things**:
        - [ ] 3. Ctrl\x07chars   and\x00   spaces
        """
    )
    phase = roadmap.nodes[0]
    assert (phase.title, phase.duration, phase.planned_days) == (
        "Phase 1: Foundations",
        "1-2 months",
        (30, 60),
    )
    assert phase.children[0].title == "Step 2: Learn things"
    assert leaf_titles(roadmap) == ["3. Ctrlchars and spaces"]


def test_intro_prose_becomes_roadmap_notes_and_wrapper_section_is_opened() -> None:
    roadmap = parse(
        """\
        # Course

        ## Introduction

        Why this course exists.

        ## Plan

        ### Part A
        - [ ] a
        ### Part B
        - [ ] b

        ## Contributing

        PRs welcome.
        """
    )
    assert [n.title for n in roadmap.nodes] == ["Part A", "Part B"]
    assert "Why this course exists." in roadmap.notes


def test_a_prose_only_section_between_phases_stays_a_step() -> None:
    roadmap = parse("## A\n- [ ] a\n## Take the exam\nBook it early.\n## C\n- [ ] c\n")
    exam = find(roadmap, "Take the exam")
    assert exam.is_leaf and exam.notes == "Book it early."


# --- lists -----------------------------------------------------------------------------------


def test_numbered_bold_items_keep_sub_bullets_at_any_indentation() -> None:
    roadmap = parse_roadmap(fixture_text("numbered_bold_items"), source="p.md")
    assert [len(phase.children) for phase in roadmap.nodes] == [2, 2, 2, 2, 2]
    assert [n.title for n in roadmap.nodes] == [
        "Exposure",
        "Composition",
        "Light",
        "Editing",
        "Printing",
    ]


def test_all_list_markers_are_items() -> None:
    roadmap = parse_roadmap(fixture_text("list_markers"), source="m.md")
    assert len(roadmap.leaves()) == 10


def test_bold_labels_group_nested_and_flat_bullets() -> None:
    roadmap = parse_roadmap(fixture_text("bold_labels"), source="b.md")
    assert outline(roadmap.nodes) == [
        ("Bread", [("Techniques to learn", ["Kneading by hand", "Shaping a boule"])]),
        (
            "Pastry",
            [("Doughs", ["Shortcrust", "Puff pastry"]), ("Fillings", ["Frangipane", "Lemon curd"])],
        ),
    ]
    assert [r.text for r in find(roadmap, "Bread").resources] == [
        "Flour Water Salt Yeast (book)",
        "Bread course",
    ]


def test_a_single_plain_sub_bullet_is_the_notes_of_its_parent() -> None:
    roadmap = parse_roadmap(fixture_text("descriptions"), source="d.md")
    sharpening = find(roadmap, "Sharpening")
    assert sharpening.is_leaf and sharpening.notes == "Keep a consistent angle on the stone."
    # an explicit task is never folded, and two sub-bullets are two steps
    assert [c.title for c in find(roadmap, "Planing").children] == ["Set the iron depth"]
    assert len(find(roadmap, "Mortise and tenon").children) == 2


def test_goal_and_timebox_bullets_describe_their_parent() -> None:
    roadmap = parse(
        """\
        - [ ] Build a CLI
          - **Goal**: parse arguments properly
          - **Timebox**: 2-3 hours
          - [ ] Write the parser
        """
    )
    task = find(roadmap, "Build a CLI")
    assert [c.title for c in task.children] == ["Write the parser"]
    assert task.duration == "2-3 hours"
    assert "**Goal**: parse arguments properly" in task.notes


# --- tasks -----------------------------------------------------------------------------------


def test_task_statuses_unknown_markers_and_parent_propagation() -> None:
    roadmap = parse_roadmap(fixture_text("task_statuses"), source="t.md")
    got = {n.title: (n.status, n.marker) for n in roadmap.walk()}
    assert got["Install the toolchain"] == (Status.TODO, None)
    assert got["Hello, world"] == (Status.DONE, None)
    assert got["Variables and mutability"] == (Status.DONE, None)
    assert got["Ownership"] == (Status.DOING, None)
    assert got["Unsafe code (not needed yet)"] == (Status.SKIPPED, None)
    assert got["Macros (deferred)"] == (Status.TODO, ">")
    assert got["Async runtimes"] == (Status.TODO, "?")
    # sub-items written as their own task boxes keep what the author wrote under a ticked
    # or skipped parent
    assert got["New projects"] == (Status.TODO, None)
    assert got["Workspaces"] == (Status.TODO, ">")
    assert got["2015 idioms"] == (Status.TODO, None)


def test_a_ticked_parent_ticks_its_plain_sub_bullets_only() -> None:
    text = "# Plan\n\n## Basics\n\n- [x] Testing\n  - Unit tests\n  - [ ] Mutation tests\n"
    got = {n.title: n.status for n in parse_roadmap(text, source="t.md").walk()}
    assert got["Unit tests"] is Status.DONE
    assert got["Mutation tests"] is Status.TODO


def test_table_rows_are_items_with_status_and_week_durations() -> None:
    roadmap = parse_roadmap(fixture_text("schedule_table"), source="r.md")
    # the rows are the plan's one run of steps: one part, named as the roadmap
    assert [n.title for n in roadmap.nodes] == ["Eight Week Running Plan"]
    rows = [(n.title, n.status, n.duration, n.planned_days) for n in roadmap.leaves()]
    assert rows == [
        ("Walk-run intervals", Status.DONE, "Week 1", (7, 7)),
        ("Longer run segments", Status.DOING, "Week 2", (7, 7)),
        ("Continuous 20 minutes", Status.TODO, "Weeks 3-4", (14, 14)),
        ("Hill repeats", Status.SKIPPED, "Week 5", (7, 7)),
        ("Tempo run", Status.TODO, "Week 6", (7, 7)),
    ]
    assert roadmap.leaves()[0].notes == "Sessions: 3"


def test_an_overview_table_repeating_the_sections_adds_no_items() -> None:
    roadmap = parse_roadmap(fixture_text("overview_table"), source="o.md")
    assert [n.title for n in roadmap.nodes] == [
        "Week 1: Wedging and centring",
        "Week 2: Pulling walls",
    ]
    assert len(roadmap.leaves()) == 3


# --- groups ----------------------------------------------------------------------------------


def test_details_groups_with_and_without_blank_lines() -> None:
    roadmap = parse_roadmap(fixture_text("details_groups"), source="c.md")
    assert outline(roadmap.nodes) == [
        ("Week 1: King's Pawn", ["Italian Game", "Ruy Lopez"]),
        ("Week 2: Queen's Pawn", ["Queen's Gambit", "London System"]),
        ("Week 3", ["Study the Caro-Kann", "Play ten rapid games"]),
    ]
    assert find(roadmap, "Italian Game").status is Status.DONE


@pytest.mark.parametrize("opener", ["<div", "<script", "<pre", "<?php", "<!X", "<![CDATA["])
def test_an_unclosed_tag_inside_details_keeps_the_items_after_it(opener: str) -> None:
    # The tag-stripped text of a <details> block once parsed as the same HTML block again,
    # recursing until Python gave up (found by the bytes fuzz test in CI).
    text = f"# Plan\n\n<details><summary>Week 1</summary>\n{opener}\n- [ ] Tune the banjo\n"
    roadmap = parse_roadmap(text, source="d.md")
    assert leaf_titles(roadmap) == ["Tune the banjo"]


def test_callouts_with_tasks_are_groups_and_prose_callouts_are_notes() -> None:
    roadmap = parse_roadmap(fixture_text("callouts"), source="a.md")
    assert [(n.title, n.duration) for n in roadmap.nodes] == [
        ("Month 1: Naked Eye", "Month 1"),
        ("Month 2: Binoculars", "Month 2"),
    ]
    assert find(roadmap, "Trace the Plough").status is Status.DONE
    assert "Bring a red torch" in roadmap.notes


def test_wikilinks_show_their_visible_text() -> None:
    roadmap = parse_roadmap(fixture_text("wikilinks"), source="w.md")
    assert leaf_titles(roadmap) == [
        "Read Atomic Notes",
        "Review the slip-box idea",
        "Summarise Linking Your Thinking > Maps of Content",
        "Practise interval choice",
        "Diagram by hand",
    ]


# --- not items -------------------------------------------------------------------------------


def test_front_matter_is_never_items_and_may_name_the_roadmap() -> None:
    yaml_map = parse_roadmap(fixture_text("yaml_front_matter"), source="y.md")
    toml_map = parse_roadmap(fixture_text("toml_front_matter"), source="t.md")
    assert (yaml_map.title, leaf_titles(yaml_map)) == (
        "Watercolour Journey",
        ["Wet-on-wet washes", "Layering glazes"],
    )
    assert (toml_map.title, leaf_titles(toml_map)) == (
        "Bird Watching",
        ["Buy a field guide", "Learn ten garden birds"],
    )


def test_code_and_comments_are_never_items() -> None:
    roadmap = parse_roadmap(fixture_text("code_and_comments"), source="c.md")
    assert leaf_titles(roadmap) == ["Variables and quoting", "Loops", "Exit codes and traps"]


def test_toc_contributing_license_rules_images_are_not_items() -> None:
    roadmap = parse_roadmap(fixture_text("not_items"), source="n.md")
    assert outline(roadmap.nodes) == [
        ("Knife Skills", ["Claw grip", "Julienne"]),
        ("Heat", ["Searing", "Braising"]),
    ]


def test_chat_chatter_is_dropped_and_goal_lines_are_notes() -> None:
    roadmap = parse_roadmap(fixture_text("chat_answer"), source="chat.md")
    titles = [n.title for n in roadmap.walk()]
    assert not any("Let me know" in t or "Would you like" in t or "Sure" in t for t in titles)
    assert "Would you like" not in roadmap.notes
    first = roadmap.nodes[0]
    assert (first.title, first.duration) == ("Phase 1: Chart Literacy", "2 weeks")
    assert first.notes.startswith("**Goal:**")
    assert roadmap.title == "Data Visualization"


def test_a_roadmap_inside_a_markdown_fence_is_read() -> None:
    roadmap = parse_roadmap(fixture_text("markdown_fence"), source="f.md")
    assert roadmap.title == "Morse Code"
    assert leaf_titles(roadmap) == ["Letters E and T", "Letters A, N, I and M"]


def test_a_markdown_fence_in_a_roadmap_with_items_stays_code() -> None:
    roadmap = parse("# A\n- [ ] real\n\n```markdown\n- [ ] example only\n```\n")
    assert leaf_titles(roadmap) == ["real"]


# --- resources -------------------------------------------------------------------------------


def test_resources_groups_and_labels_become_resources_unless_written_as_tasks() -> None:
    roadmap = parse_roadmap(fixture_text("resources"), source="r.md")
    everyday = find(roadmap, "Everyday Commands")
    assert [(r.text, r.url) for r in everyday.resources] == [
        ("Pro Git", "https://example.org/progit"),
        ("Git cheat sheet", "https://example.org/cheat"),
        ("Atlassian tutorials", None),
    ]
    # the task under "Resources" stays a checkbox
    assert "Read the merge chapter of the manual" in leaf_titles(roadmap)
    internals = find(roadmap, "Internals")
    assert [r.text for r in internals.resources] == ["tig", "lazygit"]
    # "Tools:" over instructions is a group of steps, not resources
    tools = next(n for n in internals.children if n.title == "Tools")
    assert [c.title for c in tools.children] == [
        "Use git fsck on a test repository.",
        "Compare two packfiles by hand.",
    ]


def test_links_in_a_title_keep_their_text_and_become_resources() -> None:
    roadmap = parse("- [ ] Read [the Rust book](https://doc.rust-lang.org/book/) twice\n")
    node = roadmap.nodes[0]
    assert node.title == "Read the Rust book twice"
    assert [(r.text, r.url) for r in node.resources] == [
        ("the Rust book", "https://doc.rust-lang.org/book/")
    ]


def test_top_level_resources_section_goes_to_roadmap_notes() -> None:
    roadmap = parse("# R\n## Learn\n- [ ] a\n## Resources\n- [Site](https://x.org)\n- Books\n")
    assert [n.title for n in roadmap.nodes] == ["Learn"]
    assert "[Site](https://x.org)" in roadmap.notes and "- Books" in roadmap.notes


# --- empty and odd input -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n", "Just prose.\n\nMore prose.\n", "---\n***\n"])
def test_text_without_items_gives_no_nodes(text: str) -> None:
    assert parse_roadmap(text).nodes == []


def test_every_node_has_a_line_number() -> None:
    roadmap = parse_roadmap(fixture_text("chat_answer"), source="c.md")
    assert all(isinstance(node.line, int) and node.line > 0 for node in roadmap.walk())


def test_a_time_budget_list_is_a_note_not_steps() -> None:
    text = "# Plan\n\n## Schedule\n- Weekdays: 1 hour/day\n- Weekend: 3時間/日\n"
    text += "\n## Basics\n- Syntax\n"
    roadmap = parse_roadmap(text, source="t.md")
    assert leaf_titles(roadmap) == ["Syntax"]
    assert "Weekdays: 1 hour/day" in roadmap.notes


def test_a_topic_with_a_pace_stays_a_step() -> None:
    text = "# Plan\n\n## Math\n- Arithmetic (3 weeks): 2 hours/day\n"
    roadmap = parse_roadmap(text, source="t.md")
    assert leaf_titles(roadmap) == ["Arithmetic"]


def test_a_numbered_reference_is_not_a_checkbox() -> None:
    text = "# Plan\n\n## Basics\n- Syntax\n\n## References\n- [1] [Docs](https://x.org)\n"
    roadmap = parse_roadmap(text, source="t.md")
    assert leaf_titles(roadmap) == ["Syntax"]


def test_milestone_boxes_that_restate_the_phases_are_a_note() -> None:
    text = "# Plan\n\n## Phase 1: Foundation\n- HTML\n\n## Phase 2: Backend\n- Node\n\n"
    text += "## Milestones Achieved\n- [ ] Completed Phase 1 - Foundation\n"
    text += "- [ ] Completed Phase 2 - Backend\n"
    roadmap = parse_roadmap(text, source="t.md")
    assert leaf_titles(roadmap) == ["HTML", "Node"]
    assert "Completed Phase 1 - Foundation" in roadmap.notes
