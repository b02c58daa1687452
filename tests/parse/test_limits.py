"""Limits: deep nesting, big roadmaps and the shared seed check."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from roadvault.errors import InputError
from roadvault.parse import parse_roadmap

REPO = Path(__file__).resolve().parents[2]
CHECK = REPO.parent / "shared" / "tools" / "check_outline.py"
SEEDS = REPO.parent / "shared" / "seeds"


def _depth(nodes) -> int:
    deepest, stack = 0, [(node, 1) for node in nodes]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node.children)
    return deepest


@pytest.mark.parametrize(
    "text",
    [
        "".join("\t" * i + f"- [ ] item {i}\n" for i in range(200)),
        "".join("  " * i + f"- item {i}\n" for i in range(200)),
        ">" * 200 + " - [ ] deep\n",
        "<details>\n" * 200 + "- [ ] inside\n" + "</details>\n" * 200,
        "".join("  " * i + f"- x{i}\n" + "  " * (i + 1) + "<details>\n\n" for i in range(60)),
    ],
    ids=["tabs", "spaces", "quotes", "details", "details-in-lists"],
)
def test_nesting_200_deep_is_flattened_not_lost(text: str, caplog) -> None:
    roadmap = parse_roadmap(text, source="deep.md")
    assert roadmap.leaves()
    assert _depth(roadmap.nodes) <= 50
    items = text.count("item ")
    if items:
        assert len(list(roadmap.walk())) == items  # every item kept, deep ones flattened


def test_a_recursion_nobody_foresaw_is_a_clear_error(monkeypatch) -> None:
    import roadvault.parse as parse

    def too_deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(parse, "build_roadmap", too_deep)
    with pytest.raises(InputError, match=r"^odd\.md: is nested too deeply"):
        parse_roadmap("- [ ] a\n", source="odd.md")


def _generated(items: int) -> str:
    lines, count, phase = ["# Generated"], 0, 0
    while count < items:
        phase += 1
        lines += ["", f"## Phase {phase}: Part {phase} (2 weeks)", ""]
        for topic in range(10):
            lines.append(f"- **Topic {phase}.{topic}** (3 days)")
            for step in range(9):
                lines.append(f"  - [ ] Step {phase}.{topic}.{step} [link](https://x.org/{count})")
                count += 1
            count += 1
    return "\n".join(lines) + "\n"


def test_two_thousand_items_parse_quickly() -> None:
    text = _generated(2000)
    start = time.perf_counter()
    roadmap = parse_roadmap(text, source="g.md")
    assert time.perf_counter() - start < 3.0
    assert len(roadmap.leaves()) == 1800


@pytest.mark.slow
def test_ten_thousand_items_parse_in_seconds() -> None:
    text = _generated(10_000)
    start = time.perf_counter()
    roadmap = parse_roadmap(text, source="g.md")
    assert time.perf_counter() - start < 10.0
    assert len(roadmap.leaves()) == 9000


@pytest.mark.skipif(not CHECK.exists() or not SEEDS.is_dir(), reason="shared seed check absent")
def test_shared_seed_check_passes() -> None:
    roadvault = shutil.which("roadvault", path=str(Path(sys.executable).parent))
    assert roadvault, "roadvault console script not installed in this environment"
    run = subprocess.run(
        [
            sys.executable,
            str(CHECK),
            "--parse-cmd",
            f"{roadvault} parse {{file}} --json",
            str(SEEDS),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "outline: 5 of 5 roadmaps as expected" in run.stdout, run.stdout + run.stderr


def test_an_overlong_line_is_cut_with_a_warning_naming_it(caplog) -> None:
    """One megabyte of dense inline markup on one line would take minutes to read: the line
    is cut at the cap, the items around it are read as usual."""
    from roadvault.parse.read import MAX_LINE_CHARS

    dense = "a **b** [c](d) " * (MAX_LINE_CHARS // 5)
    text = f"# Plan\n\n## Part\n\n- [x] first\n- {dense}\n- [ ] last\n"
    roadmap = parse_roadmap(text, source="dense.md")
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles[0] == "first" and titles[-1] == "last"
    assert len(titles) == 3
    assert max(len(t) for t in titles) <= MAX_LINE_CHARS
    assert "dense.md:6: line is over 10,000 characters" in caplog.text


def test_a_table_wider_than_the_cap_keeps_its_rows_and_first_columns(caplog) -> None:
    from roadvault.parse.read import MAX_TABLE_CELLS

    columns = MAX_TABLE_CELLS * 3
    head = "| Topic | " + " | ".join(f"c{i}" for i in range(1, columns)) + " |"
    rule = "|" + "---|" * columns
    rows = ["| " + " | ".join([f"Topic {r}"] + ["x"] * (columns - 1)) + " |" for r in range(5)]
    text = "# Plan\n\n" + "\n".join([head, rule, *rows]) + "\n"
    roadmap = parse_roadmap(text, source="wide.md")
    assert [leaf.title for leaf in roadmap.leaves()] == [f"Topic {r}" for r in range(5)]
    assert f"wide.md:3: 7 table rows are over {MAX_TABLE_CELLS} cells" in caplog.text
    assert "c63" in roadmap.leaves()[0].notes and "c64" not in roadmap.leaves()[0].notes


def test_ordinary_long_lines_and_pipes_are_left_alone(caplog) -> None:
    text = "# Plan\n\n- [ ] " + "word " * 1500 + "\n- [ ] a | b | c\n"
    roadmap = parse_roadmap(text, source="ok.md")
    assert len(roadmap.leaves()) == 2
    assert "are read" not in caplog.text
