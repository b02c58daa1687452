"""Roadmaps that are not Markdown lists: an HTML page and a plain-text outline are read as
the Markdown they mean; Markdown (with some HTML or plain lines in it) is left alone."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from parse_helpers import find, leaf_titles

from roadvault.errors import InputError
from roadvault.model import Roadmap, Status
from roadvault.parse import parse_roadmap, read_roadmap
from roadvault.parse.inputs import as_markdown

INPUTS = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"


def _text(name: str) -> str:
    return (INPUTS / name).read_text(encoding="utf-8")


def _parse(name: str) -> Roadmap:
    return parse_roadmap(_text(name), source=name)


def _phases(roadmap: Roadmap) -> list[str]:
    return [node.title for node in roadmap.nodes]


def _kind(name: str) -> str:
    return as_markdown(_text(name), source=name)[1]


# --- HTML pages ----------------------------------------------------------------------------


def test_html_page_reads_headings_lists_checkboxes_details_and_table() -> None:
    roadmap = _parse("page.html")
    assert _kind("page.html") == "html"
    assert roadmap.title == "Data Engineering Path"
    assert _phases(roadmap) == ["Phase 1: Foundations", "Phase 2: Pipelines"]
    assert [child.title for child in find(roadmap, "Phase 1: Foundations").children] == [
        "SQL",
        "Python",
    ]
    assert find(roadmap, "SELECT and WHERE").status is Status.DONE
    assert find(roadmap, "Joins").status is Status.TODO
    assert find(roadmap, "Window functions & CTEs").status is Status.TODO
    # The <details> group holds its own items; the table after it stays in the phase.
    orchestration = find(roadmap, "Orchestration")
    assert leaf_titles_of(orchestration) == ["Scheduling jobs", "Retries and backfills"]
    pipelines = find(roadmap, "Phase 2: Pipelines")
    assert "Build a daily ingest job" in [child.title for child in pipelines.children]
    assert len(roadmap.leaves()) == 9


def leaf_titles_of(node) -> list[str]:
    return [leaf.title for leaf in node.walk() if not leaf.children and leaf is not node]


def test_html_page_keeps_links_as_resources() -> None:
    item = find(_parse("page.html"), "Reading CSV files with csv")
    assert [resource.url for resource in item.resources] == [
        "https://docs.python.org/3/library/csv.html"
    ]


def test_html_chrome_scripts_styles_and_comments_never_become_items() -> None:
    titles = [node.title for node in _parse("page.html").walk()]
    joined = " ".join(titles)
    for noise in ("Phase 9", "fake", "About", "Blog", "Banner", "legal", "Phase X", "font"):
        assert noise not in joined


def test_html_fragment_without_html_tag() -> None:
    roadmap = _parse("fragment.html")
    assert _kind("fragment.html") == "html"
    assert _phases(roadmap) == ["Stage 1 — Shell basics", "Stage 2 — Scripting"]
    assert leaf_titles(roadmap) == [
        "Navigating directories",
        "Pipes and redirection",
        "Permissions",
        "Variables and quoting",
        "for loops",
        "while loops",
    ]


def test_html_checkbox_and_nesting_in_markdown_output() -> None:
    markdown, kind = as_markdown(
        "<ul><li><input type=checkbox checked> Done<ul><li>Child</li></ul></li>"
        "<li><input type='checkbox'> Open</li></ul>\n<h2>A</h2>\n<ul><li>x</li></ul>\n",
        source="t",
    )
    assert kind == "html"
    assert "- [x] Done\n  - Child\n- [ ] Open" in markdown


def test_html_text_that_looks_like_markdown_stays_text() -> None:
    page = "<html><body><h2>Phase</h2><ul><li>1. *not* <b>bold</b> # no</li></ul></body></html>"
    roadmap = parse_roadmap(page, source="t")
    assert leaf_titles(roadmap) == ["1. *not* bold # no"] or leaf_titles(roadmap) == [
        "*not* bold # no"
    ]


def test_broken_html_is_read_without_error() -> None:
    page = "<html><body><h2>Phase one<ul><li>Alpha<li>Beta</ul><h2>Phase two</h3><p>Gamma"
    roadmap = parse_roadmap(page, source="t")
    assert "Alpha" in leaf_titles(roadmap)
    assert "Beta" in leaf_titles(roadmap)


def test_one_megabyte_page_converts_quickly() -> None:
    block = (
        "<h2>Phase {n}</h2><p>Notes about phase {n} with <a href='https://example.com/{n}'>a"
        " link</a>.</p><ul><li><input type=checkbox checked> Topic {n}<ul><li>Item a</li>"
        "<li>Item <b>b</b></li></ul></li></ul><table><tr><th>Week</th><th>Task</th></tr>"
        "<tr><td>1</td><td>Read</td></tr></table>\n"
    )
    page = "<!doctype html><html><body>"
    page += "".join(block.format(n=n) for n in range(1, 1_000_000 // len(block) + 2))
    assert len(page) >= 1_000_000
    start = time.perf_counter()
    markdown, kind = as_markdown(page, source="big.html")
    elapsed = time.perf_counter() - start
    assert kind == "html"
    assert "- [x] Topic 1\n  - Item a" in markdown
    assert elapsed < 5  # ~0.5 s here; generous for a loaded 2-core CI machine


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 50_000 + "deep",
        "<ul><li>" * 20_000 + "deep",
        "<details><summary>s</summary>" * 3_000,
        "\n".join(["<h2>x</h2>", "<ul>", "<li>" + "<b>" * 20_000 + "bold", "</ul>"]),
        "<html><body>" + "<div>\n" * 5_000 + "<h2>x</h2><ul><li>y</li></ul>",
        "<html><!-- never closed",
        "<html><body><table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>",
    ],
)
def test_hostile_html_never_raises(page: str) -> None:
    markdown, _ = as_markdown(page, source="t")
    assert isinstance(markdown, str)
    parse_roadmap(page, source="t")


# --- plain-text outlines -------------------------------------------------------------------


def test_numbered_outline_1_1_1() -> None:
    roadmap = _parse("numbered.txt")
    assert _kind("numbered.txt") == "text"
    assert roadmap.title == "MOBILE DEVELOPMENT ROADMAP"
    assert _phases(roadmap) == ["1. Language basics", "2. User interfaces", "3. Publishing"]
    kotlin = find(roadmap, "1.1 Kotlin syntax")
    assert [child.title for child in kotlin.children] == [
        "1.1.1 Variables and types",
        "1.1.2 Null safety",
    ]
    assert len(roadmap.leaves()) == 8
    assert all(leaf.status is Status.TODO for leaf in roadmap.leaves())


def test_numbered_outline_keeps_source_lines() -> None:
    roadmap = _parse("numbered.txt")
    lines = _text("numbered.txt").splitlines()
    for title in ("1.1.2 Null safety", "2.2.2 Deep links", "3.2 Store listing"):
        node = find(roadmap, title)
        assert title in lines[node.line - 1]


def test_indented_outline() -> None:
    roadmap = _parse("indented.txt")
    assert _kind("indented.txt") == "text"
    assert roadmap.title == "Home Lab Plan"
    assert _phases(roadmap) == ["Networking", "Virtualisation", "Monitoring"]
    assert [child.title for child in find(roadmap, "DNS").children] == [
        "Local resolver",
        "Split horizon",
    ]
    assert len(roadmap.leaves()) == 8


def test_caps_sections_outline_with_prose() -> None:
    roadmap = _parse("caps.txt")
    assert _kind("caps.txt") == "text"
    assert len(roadmap.nodes) == 3
    assert leaf_titles(roadmap)[:3] == [
        "Learn the music staff",
        "Read rhythms in 4/4",
        "Play a C major scale",
    ]
    assert len(roadmap.leaves()) == 8
    # The prose paragraph is not an item.
    assert not any("twenty minutes" in node.title for node in roadmap.walk())


def test_lettered_and_roman_outline() -> None:
    text = (
        "I. Foundations\n"
        "   A. Logic\n"
        "   B. Sets\n"
        "II. Algebra\n"
        "   A. Groups\n"
        "   B. Rings\n"
        "      a) Ideals\n"
        "      b) Quotients\n"
    )
    markdown, kind = as_markdown(text, source="t")
    assert kind == "text"
    assert len(markdown.splitlines()) == len(text.splitlines())
    roadmap = parse_roadmap(text, source="t")
    assert len(roadmap.nodes) == 2
    assert [child.title for child in find(roadmap, "B. Rings").children] == [
        "a) Ideals",
        "b) Quotients",
    ]


def test_outline_under_front_matter() -> None:
    text = "---\ntitle: Maths\ntags: study\n---\n" + _text("numbered.txt")
    markdown, kind = as_markdown(text, source="t")
    assert kind == "text"
    assert markdown.startswith("---\ntitle: Maths\ntags: study\n---\n")
    roadmap = parse_roadmap(text, source="t")
    assert roadmap.title == "Maths"
    assert len(roadmap.leaves()) == 8


def test_front_matter_alone_is_not_an_outline() -> None:
    text = "---\nTitle: A\nAuthor: B\nStatus: draft\n---\n- [ ] one\n- [ ] two\n"
    assert as_markdown(text, source="t") == (text, "markdown")


# --- counter-cases: Markdown stays Markdown ------------------------------------------------


@pytest.mark.parametrize("name", ["readme.md", "details.md", "chat.md", "plain_lines.md"])
def test_markdown_inputs_are_untouched(name: str) -> None:
    text = _text(name)
    assert as_markdown(text, source=name) == (text, "markdown")


def test_readme_with_centered_html_header() -> None:
    roadmap = _parse("readme.md")
    assert roadmap.title == "Cloud Path"
    assert _phases(roadmap) == ["Compute", "Storage"]
    assert find(roadmap, "Virtual machines").status is Status.DONE
    assert len(roadmap.leaves()) == 5


def test_a_lesson_with_a_fenced_html_page_stays_markdown() -> None:
    # a ```html sample holding <!doctype>, <body> and <h1> is code in a Markdown lesson
    text = (
        "# Web basics\n\n## HTML (2 days)\n\nThe skeleton of a page:\n\n```html\n"
        "<!doctype html>\n<html>\n<body>\n  <h1>Hello</h1>\n  <ul><li>a</li></ul>\n"
        "</body>\n</html>\n```\n\n- Tags and attributes\n- Forms\n\n## CSS (3 days)\n\n"
        "- Selectors\n- Flexbox\n"
    )
    assert as_markdown(text, source="lesson.txt") == (text, "markdown")
    roadmap = parse_roadmap(text, source="lesson.txt")
    assert leaf_titles(roadmap) == ["Tags and attributes", "Forms", "Selectors", "Flexbox"]


def test_markdown_details_groups() -> None:
    roadmap = _parse("details.md")
    assert _phases(roadmap) == ["Descriptive statistics", "Inference"]
    assert find(roadmap, "Mean, median, mode").status is Status.DONE
    assert len(roadmap.leaves()) == 5


def test_chat_answer_numbered_bold_items() -> None:
    roadmap = _parse("chat.md")
    assert len(roadmap.leaves()) == 3
    assert roadmap.leaves()[0].title.startswith("Basics")


def test_markdown_with_some_plain_lines() -> None:
    roadmap = _parse("plain_lines.md")
    assert leaf_titles(roadmap)[:3] == ["Scenes and nodes", "Signals", "GDScript basics"]


# --- wiring: logging and the refusal of itemless files --------------------------------------


def test_parse_logs_the_kind(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="roadvault.parse"):
        _parse("indented.txt")
        _parse("fragment.html")
        _parse("readme.md")
    messages = [record.getMessage() for record in caplog.records]
    assert "indented.txt: read as a plain-text outline" in messages
    assert "fragment.html: read as an HTML page" in messages
    assert not any(message.startswith("readme.md: read as") for message in messages)


def test_read_roadmap_accepts_page_and_outline(tmp_path: Path) -> None:
    page = tmp_path / "roadmap.txt"  # the name says text; the content is a page
    page.write_text(_text("page.html"), encoding="utf-8")
    assert len(read_roadmap(page).leaves()) == 9
    outline = tmp_path / "outline.md"
    outline.write_text(_text("numbered.txt"), encoding="utf-8")
    assert len(read_roadmap(outline).leaves()) == 8


def test_read_roadmap_still_refuses_prose(tmp_path: Path) -> None:
    prose = tmp_path / "essay.txt"
    prose.write_text(
        "I have been thinking about learning to draw for a while now and never started.\n"
        "Maybe this year will be different, if I find an hour a day to sit down and try.\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError):
        read_roadmap(prose)


# --- properties ----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "# ", "- ", "1. ", "1.1 ", "I. ", "a) ", "A. ", "    ", "  ", "\t", "\n", "\n\n",
        "---\n", "PHASE ONE", "Title:", "Learn things", "<h2>", "</h2>", "<ul>", "<li>",
        "</li>", "</ul>", "<html>", "<body>", "<details>", "<summary>", "<p>", "<table>",
        "<tr>", "<td>", "<!--", "-->", "<input type=checkbox checked>", "**", "|", "`",
        "<a href='x'>", "</a>", "&amp;", "<br>", "word",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=60).map("".join))


@given(_TEXTS)
def test_as_markdown_never_raises_and_markdown_is_unchanged(text: str) -> None:
    markdown, kind = as_markdown(text, source="t")
    assert kind in ("markdown", "html", "text")
    if kind == "markdown":
        assert markdown == text
    again, _ = as_markdown(markdown, source="t")
    if kind == "markdown":
        assert again == markdown


@given(st.lists(_PIECES, max_size=60).map("".join))
def test_text_outline_keeps_every_line(text: str) -> None:
    markdown, kind = as_markdown(text, source="t")
    if kind == "text":
        assert len(markdown.split("\n")) == len(text.split("\n"))
