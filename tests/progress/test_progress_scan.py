"""The task scanner on hand-made notes, one construct at a time (counts known by construction)."""

from __future__ import annotations

import pytest

from roadvault.model import Status
from roadvault.obsidian.blocks import scan_raw, scan_tasks
from roadvault.obsidian.frontmatter import front_matter_span


def markers(text: str) -> list[str]:
    return [task.marker for task in scan_tasks(text)]


def test_statuses_ids_text_and_position() -> None:
    text = (
        "# Topic\n"
        "- [ ] todo ^rv-a1\n"
        "- [x] done · 2 days ^rv-b2\n"
        "- [X] done too\n"
        "- [/] doing\n"
        "- [-] skipped ^my-own-id\n"
        "- [>] deferred\n"
        "- [?] question ^rv-c3   \n"
    )
    tasks = scan_tasks(text)
    assert [t.status for t in tasks] == [
        Status.TODO,
        Status.DONE,
        Status.DONE,
        Status.DOING,
        Status.SKIPPED,
        Status.TODO,
        Status.TODO,
    ]
    assert [t.block_id for t in tasks] == ["rv-a1", "rv-b2", None, None, "my-own-id", None, "rv-c3"]
    assert [t.text for t in tasks] == [
        "todo",
        "done · 2 days",
        "done too",
        "doing",
        "skipped",
        "deferred",
        "question",
    ]
    assert [t.line for t in tasks] == [1, 2, 3, 4, 5, 6, 7]
    assert tasks[5].marker == ">"  # shown as written


def test_col_lets_a_caller_rewrite_the_status_in_place() -> None:
    text = "> [!todo] Practice\n> \t- [ ] a ^rv-1\n1. [/] b\n\t- [ ] c\n"
    lines = text.split("\n")
    for task in scan_tasks(text):
        line = lines[task.line]
        assert line[task.col - 1] == "[" and line[task.col + 1] == "]"
        lines[task.line] = line[: task.col] + "x" + line[task.col + 1 :]
    assert markers("\n".join(lines)) == ["x", "x", "x"]


def test_every_list_marker() -> None:
    text = "- [ ] a\n\n* [x] b\n\n+ [/] c\n\n1. [-] d\n\n1) [ ] e\n\n7. [x] f\n"
    assert markers(text) == [" ", "x", "/", "-", " ", "x"]


def test_what_is_not_a_task() -> None:
    text = (
        "-[ ] no space after the marker\n\n"
        "- [ ]no space after the box\n\n"
        "- [ ] ok\n\n"
        "[ ] no list marker\n\n"
        "\\- [ ] escaped marker\n\n"
        "- [xx] two characters\n\n"
        "- [] empty box\n"
    )
    assert markers(text) == [" "]


def test_front_matter_is_skipped() -> None:
    text = "---\ntags:\n- [ ] not a task: a YAML list\n---\n- [x] real\n"
    assert front_matter_span(text) == 4
    assert [(t.line, t.marker) for t in scan_tasks(text)] == [(4, "x")]


def test_unclosed_front_matter_is_markdown() -> None:
    text = "---\n- [ ] a task after a rule\n"
    assert markers(text) == [" "]


@pytest.mark.parametrize(
    ("fence", "closing"),
    [("```", "```"), ("~~~", "~~~"), ("````", "`````"), ("```python", "```"), ("  ```", "   ```")],
)
def test_fenced_code_hides_tasks(fence: str, closing: str) -> None:
    text = f"- [ ] before\n\nText.\n\n{fence}\n- [ ] fake\n\t- [x] fake\n{closing}\n- [x] after\n"
    assert markers(text) == [" ", "x"]


def test_an_indented_fence_after_a_list_item_belongs_to_it() -> None:
    # Two spaces reach the item's content column: the fence is inside the item, and the
    # next unindented line closes both, so that line is a task again.
    text = "- [ ] before\n\n  ```\n- [ ] real\n\t- [x] real, nested\n   ```\n"
    assert [(t.marker, t.depth) for t in scan_tasks(text)] == [(" ", 0), (" ", 0), ("x", 1)]


def test_fence_closes_only_with_same_character_and_length() -> None:
    text = "````\n- [ ] fake\n```\n- [ ] still code\n~~~~\n- [ ] still code\n````\n- [x] real\n"
    assert markers(text) == ["x"]


def test_unclosed_fence_runs_to_the_end() -> None:
    assert markers("- [ ] real\n\n```\n- [ ] fake\n\n- [ ] fake\n") == [" "]


def test_fence_inside_a_list_item_ends_with_the_item() -> None:
    text = "- item\n  ```\n  - [ ] fake\n- [x] real: the item (and its fence) ended\n"
    assert markers(text) == ["x"]


def test_indented_code_hides_tasks_but_nested_lists_do_not() -> None:
    text = (
        "Paragraph.\n\n"
        "    - [ ] fake: indented code\n\n"
        "Text\n"
        "    - [/] lazy continuation of the paragraph, not code, not a task\n\n"
        "- [ ] parent\n"
        "    - [x] child: 4 spaces inside a list item is nesting\n"
    )
    assert [(t.marker, t.depth) for t in scan_tasks(text)] == [(" ", 0), ("x", 1)]


def test_tab_and_space_indentation_nest() -> None:
    text = "- [x] a\n\t- [ ] b\n\t\t- [/] c\n  - [-] d\n1. [ ] e\n   - [ ] f\n"
    tasks = scan_tasks(text)
    assert [(t.depth, t.parent) for t in tasks] == [
        (0, None),
        (1, 0),
        (2, 1),
        (1, 0),
        (0, None),
        (1, 4),
    ]


def test_parent_skips_plain_bullets() -> None:
    text = "- [x] task\n\t- plain bullet ^rv-x\n\t\t- [ ] grandchild\n"
    tasks = scan_tasks(text)
    assert [(t.depth, t.parent) for t in tasks] == [(0, None), (2, 0)]


def test_two_spaces_under_a_numbered_item_are_not_nesting() -> None:
    # "1. " puts the content at column 3: a sibling list at 2 spaces, nested at 3.
    text = "1. [ ] a\n  - [ ] sibling list\n\n1. [ ] b\n   - [ ] nested\n"
    assert [t.depth for t in scan_tasks(text)] == [0, 0, 0, 1]


def test_ordered_list_not_starting_at_one_does_not_interrupt_a_paragraph() -> None:
    text = "Some text\n2. [ ] part of the paragraph\n\n2. [x] a list after a blank line\n"
    assert markers(text) == ["x"]


def test_html_comments_and_blocks_hide_tasks() -> None:
    text = (
        "<!--\n- [ ] fake\n\n- [ ] still in the comment\n-->\n"
        "<!-- - [ ] one-line comment -->\n"
        "<details>\n- [ ] raw HTML until the blank line\n\n"
        "- [x] real\n"
    )
    assert markers(text) == ["x"]


def test_obsidian_comments_hide_tasks() -> None:
    text = (
        "%%\n- [ ] fake\n\t- [ ] fake\n%%\n\n"
        "- [x] real %%inline comment%% ^rv-1\n"
        "- [/] real, opening a comment %%\n- [ ] fake\n%% closed\n\n"
        "- [-] real\n"
        "`%%` in code does not open a comment\n\n- [ ] real\n"
    )
    tasks = scan_tasks(text)
    assert [t.marker for t in tasks] == ["x", "/", "-", " "]
    assert tasks[0].block_id == "rv-1"


def test_comment_and_fence_markers_inside_code_are_text() -> None:
    text = "```\n%%\n<!--\n```\n- [x] real\n"
    assert markers(text) == ["x"]


def test_blockquotes_and_callouts_hold_tasks() -> None:
    text = (
        "> [!todo] Exercises\n"
        "> - [ ] in a callout\n"
        "> \t- [x] nested in a callout\n"
        ">\n"
        "> > - [/] in a nested quote\n"
        "\n"
        "> ```\n> - [ ] fake: code in a quote\n> ```\n"
    )
    tasks = scan_tasks(text)
    assert [(t.marker, t.depth) for t in tasks] == [(" ", 0), ("x", 1), ("/", 0)]


def test_line_ends_and_byte_order_mark() -> None:
    text = "\ufeff---\r\na: 1\r\n---\r\n- [x] a ^rv-1\r\n\t- [ ] b\r\n"
    tasks = scan_tasks(text)
    assert [(t.line, t.marker, t.block_id) for t in tasks] == [(3, "x", "rv-1"), (4, " ", None)]


def test_box_only_task_and_its_next_line() -> None:
    # Like markdown-it: a task with nothing after the box is empty; the next line is not
    # its lazy continuation.
    text = "- [ ]\n  - [x] nested\n"
    assert [(t.marker, t.depth) for t in scan_tasks(text)] == [(" ", 0), ("x", 1)]


def test_raw_and_full_scans_agree() -> None:
    text = "- [x] a ^rv-1\n\t- [ ] b\n> - [/] c ^rv-2\n"
    assert [(t.line, t.col, t.depth, t.marker, t.block_id, t.parent) for t in scan_tasks(text)] == (
        scan_raw(text)
    )


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("---\na: 1\n---\n", 3),
        ("---\n---", 2),
        ("--- \n- [ ] x\n   ---  \nbody", 3),
        ("---\na\n...\n", 3),
        ("---\na\n    ---\nb\n---\n", 5),  # 4 spaces: not a closing line
        ("---\na\n\t---\n", 0),
        ("---\nnever closed\n", 0),
        ("--- title\n---\n", 0),
        ("text\n---\n", 0),
    ],
)
def test_front_matter_span(text: str, span: int) -> None:
    assert front_matter_span(text) == span


def test_front_matter_after_a_byte_order_mark_is_skipped() -> None:
    assert markers("\ufeff---\n- [ ] fake\n---\n- [x] real\n") == ["x"]
