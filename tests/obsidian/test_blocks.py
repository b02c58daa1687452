"""The two small answers of obsidian/blocks.py that the checks, merge and reorder ask: which
text of a note can hold links, ids and headings (`content_lines`), and whether a line is an
ATX heading (`is_heading_line`), each against markdown-it (CommonMark)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from roadvault.obsidian.blocks import content_lines, is_heading_line, read_blocks

_MD = MarkdownIt("commonmark")


@given(st.text(alphabet=" \t#a>-1.\\`", max_size=12))
def test_a_heading_line_is_what_commonmark_reads_as_a_heading(line: str) -> None:
    tokens = _MD.parse(line)
    assert is_heading_line(line) == (bool(tokens) and tokens[0].type == "heading_open")


def test_heading_lines() -> None:
    assert is_heading_line("## My notes")
    assert is_heading_line("   #\tTabbed")
    assert is_heading_line("#")
    assert not is_heading_line("    # indented code")
    assert not is_heading_line("####### seven")
    assert not is_heading_line("#hashtag")
    assert not is_heading_line("> # quoted")


def test_content_lines_leave_out_code_and_blank_inline_code() -> None:
    note = "---\nup: x\n---\n# Title\nSee `[[not a link]]` and [[a link]]\n```\n[[code]]\n```\n"
    found = list(content_lines(read_blocks(note)))
    assert found == [
        (4, "# Title"),
        (5, "See " + " " * len("`[[not a link]]`") + " and [[a link]]"),
        (9, ""),
    ]
