"""`roadvault parse --explain`: every source line with what it became and the rule that said
so. One roadmap per situation (tests/fixtures/explain/<case>.md) against its expected printout
(<case>.explain.txt); those change with the reading rules: `pytest --update-golden`, diff
reviewed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from roadvault.cli.main import cli
from roadvault.parse import parse_roadmap
from roadvault.parse.explain import (
    LineExplanation,
    collecting,
    explain_lines,
    explain_roadmap,
    format_explanations,
    record,
)
from roadvault.parse.rules import Decision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "explain"
CASES = sorted(path.stem for path in FIXTURES.glob("*.md"))
GOLDEN_WIDTH = 120  # fixed, so the printout does not depend on the terminal running the tests


def _explain(case: str) -> list[LineExplanation]:
    text = (FIXTURES / f"{case}.md").read_text(encoding="utf-8")
    return explain_roadmap(text, source=f"{case}.md")


def _by_line(explanations: list[LineExplanation]) -> dict[int, LineExplanation]:
    return {item.line: item for item in explanations}


# --- goldens -----------------------------------------------------------------------------------


def test_every_situation_has_a_fixture() -> None:
    assert {"headings_lists", "checklist_contributing", "table_roadmap", "chat_answer"} <= set(
        CASES
    )


@pytest.mark.parametrize("case", CASES)
def test_explanation_matches_golden(case: str, update_golden: bool) -> None:
    got = format_explanations(_explain(case), width=GOLDEN_WIDTH)
    golden = FIXTURES / f"{case}.explain.txt"
    if update_golden:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"{golden.name} missing: run `pytest --update-golden` and review it"
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_every_line_is_explained_once_in_order(case: str) -> None:
    text = (FIXTURES / f"{case}.md").read_text(encoding="utf-8")
    explanations = _explain(case)
    assert [item.line for item in explanations] == list(range(1, len(text.splitlines()) + 1))
    for item in explanations:
        assert item.verdict or not item.text.strip()  # only blank lines go unexplained
        assert item.verdict in (
            "",
            "phase",
            "topic",
            "item",
            "resource",
            "note",
            "dropped",
            "title",
        )


@pytest.mark.parametrize("case", CASES)
def test_every_node_line_carries_the_models_verdict(case: str) -> None:
    text = (FIXTURES / f"{case}.md").read_text(encoding="utf-8")
    roadmap = parse_roadmap(text, source=f"{case}.md")
    lines = _by_line(_explain(case))
    for node in roadmap.walk():
        if node.line is not None:
            assert lines[node.line].verdict in ("phase", "topic", "item")


def test_a_headings_roadmap_says_where_each_kind_of_line_went() -> None:
    lines = _by_line(_explain("headings_lists"))
    assert lines[2].verdict == "title"  # the front matter's title names the roadmap
    assert lines[3].verdict == "dropped" and lines[3].rule == "front-matter"
    assert lines[8].verdict == "note"  # the introduction
    assert (lines[11].verdict, lines[11].detail) == ("phase", "2 weeks")
    assert lines[21].verdict == "topic"
    assert lines[22].verdict == "item"
    assert lines[27].verdict == "resource"


def test_a_dropped_section_takes_its_lines_with_it() -> None:
    lines = _by_line(_explain("checklist_contributing"))
    assert lines[4].detail == "done"
    assert lines[15].verdict == lines[17].verdict == lines[19].verdict == "dropped"
    assert lines[19].rule == lines[15].rule != "not-read"


def test_closing_chatter_is_not_read() -> None:
    explanations = _explain("chat_answer")
    last = [item for item in explanations if item.verdict][-1]
    assert last.text.startswith("I hope this helps")
    assert (last.verdict, last.rule) == ("dropped", "not-read")


# --- the recorder ------------------------------------------------------------------------------


def test_record_outside_collecting_is_a_no_op() -> None:
    record(3, "dropped", "boilerplate-section")
    with collecting() as decisions:
        pass
    assert decisions == []


def test_record_inside_collecting_is_kept_in_order() -> None:
    with collecting() as decisions:
        record(1, "note", "label-prose", "Goal")
        record(None, "dropped", "nowhere")  # no line: nothing to explain
        record(2, "item", "checklist-mode")
    assert [(d.line, d.verdict, d.rule, d.detail) for d in decisions] == [
        (1, "note", "label-prose", "Goal"),
        (2, "item", "checklist-mode", ""),
    ]


def test_the_last_record_for_a_line_wins() -> None:
    text = "# T\n\nSome words.\n\n- [ ] a\n"
    roadmap = parse_roadmap(text)
    decisions = [
        Decision(3, "dropped", "boilerplate-section"),
        Decision(3, "note", "label-prose", "overruled"),
    ]
    line = _by_line(explain_lines(text, roadmap, decisions))[3]
    assert (line.verdict, line.rule, line.detail) == ("note", "label-prose", "overruled")


def test_a_node_lines_verdict_comes_from_the_model() -> None:
    text = "# T\n\n- [ ] a\n- [x] b\n"
    with collecting() as decisions:
        record(3, "dropped", "boilerplate-section")
        roadmap = parse_roadmap(text)
    lines = _by_line(explain_lines(text, roadmap, decisions))
    assert (lines[3].verdict, lines[3].rule) == ("item", "boilerplate-section")
    assert (lines[4].verdict, lines[4].rule, lines[4].detail) == ("item", "structure", "done")


def test_blank_lines_are_explained_but_not_printed() -> None:
    explanations = explain_roadmap("# T\n\n- [ ] a\n", source="t.md")
    assert explanations[1] == LineExplanation(2, "", "", "", "")
    assert format_explanations(explanations).count("\n") == 2


def test_the_printer_truncates_to_the_width_it_is_given() -> None:
    text = "# T\n\n- [ ] " + "Learn 日本語 " * 30 + "\n"
    printed = format_explanations(explain_roadmap(text, source="t.md"), width=60)
    long_line = printed.splitlines()[1]
    assert long_line.endswith("…")
    assert "item" in long_line and "- [ ] Learn" in long_line
    assert cell_len(long_line) <= 60


# --- the command -------------------------------------------------------------------------------


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli, ["parse", *args], input=stdin)


def test_cli_explain_prints_the_explanation() -> None:
    path = FIXTURES / "checklist_contributing.md"
    result = run(str(path), "--explain")
    assert result.exit_code == 0, result.stderr
    # not a terminal: whole lines, for grep
    assert result.stdout == format_explanations(_explain("checklist_contributing"))


def test_cli_explain_json_is_a_list_of_the_non_blank_lines() -> None:
    result = run("-", "--explain", "--json", stdin="# Café\n\n- [ ] Crème\n".encode())
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == [
        {"line": 1, "text": "# Café", "verdict": "title", "rule": "title-heading", "detail": ""},
        {"line": 3, "text": "- [ ] Crème", "verdict": "item", "rule": "structure", "detail": ""},
    ]


def test_cli_explain_bad_input_is_one_clear_line(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.md"), "--explain")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().startswith(f"roadvault: {tmp_path / 'nope.md'}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_explain_shows_why_nothing_was_read_then_refuses(tmp_path: Path) -> None:
    path = tmp_path / "prose.md"
    path.write_text("I want to learn Go.\n\nWhere do I start?\n", encoding="utf-8")
    result = run(str(path), "--explain")
    assert result.exit_code == 1
    assert "I want to learn Go." in result.stdout
    assert "no roadmap items" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_outline_prints_a_checklist_that_builds(tmp_path: Path) -> None:
    source = FIXTURES / "headings_lists.md"
    result = run(str(source), "--outline")
    assert result.exit_code == 0, result.stderr
    mine = tmp_path / "mine.md"
    mine.write_bytes(result.stdout_bytes)
    original = parse_roadmap(source.read_text(encoding="utf-8"))
    again = parse_roadmap(mine.read_text(encoding="utf-8"))
    assert [(n.id, n.title) for n in again.walk()] == [(n.id, n.title) for n in original.walk()]
    built = CliRunner().invoke(cli, ["build", str(mine), "--vault", str(tmp_path / "v"), "-q"])
    assert built.exit_code == 0, built.stderr
    assert (tmp_path / "v" / "Data Analysis Starter").is_dir()


def test_cli_outline_does_not_combine_with_json_or_explain() -> None:
    path = str(FIXTURES / "chat_answer.md")
    assert run(path, "--outline", "--json").exit_code == 2
    assert run(path, "--outline", "--explain").exit_code == 2


_PAGE = (
    "<!doctype html>\n<html>\n<head>\n<style>\nbody { margin: 0; }\nh2 { color: teal; }\n"
    "ul { padding: 0; }\n</style>\n</head>\n<body>\n<h1>Pottery</h1>\n<h2>Basics</h2>\n"
    "<ul>\n<li>Centring clay</li>\n<li>Pulling a wall</li>\n</ul>\n</body>\n</html>\n"
)


def test_an_html_page_is_explained_by_the_markdown_it_was_read_as() -> None:
    """The page's line numbers are not the ones the rules saw: the explanation shows the
    lines of its Markdown form, each with what it became, never a style rule beside a
    verdict."""
    explained = [e for e in explain_roadmap(_PAGE, source="page.html") if e.verdict]
    became = {e.verdict: [] for e in explained}
    for e in explained:
        became[e.verdict].append(e.text)
    assert any("Basics" in text for text in became["phase"]), became
    assert [t for t in became["item"]] == ["- Centring clay", "- Pulling a wall"], became
    assert not any("{" in e.text for e in explained), explained


def test_the_command_says_an_html_page_is_shown_as_markdown(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_PAGE, encoding="utf-8")
    result = run(str(page), "--explain")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("(an HTML page: the lines below are the Markdown")
    assert "- Centring clay" in result.output
