"""`roadvault parse` as a new user meets it: good files, bad files, stdin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from parse_helpers import FIXTURES

from roadvault.cli.main import cli
from roadvault.model import Roadmap
from roadvault.parse import read_roadmap


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli, ["parse", *args], input=stdin)


def test_json_is_exactly_the_model_contract() -> None:
    path = FIXTURES / "task_statuses.md"
    result = run(str(path), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == read_roadmap(path).to_json()
    assert Roadmap.from_json(data).to_json() == data
    assert "Rust Study" in result.stdout and "\\u" not in result.stdout  # UTF-8, not escapes


def test_json_says_how_long_a_span_of_calendar_slots_is(tmp_path: Path) -> None:
    # "Days 1-7" says when; a reader asking how long finds "7 days" beside it, and the
    # model keeps the author's words (its JSON form is unchanged)
    path = tmp_path / "clay.md"
    path.write_text(
        "# Clay\n\n## Phase 1 (Days 1-7): Wedging\n\n- [ ] Wedge\n\n"
        "## Semana 2: Pinch pots\n\n- [ ] Pinch\n\n## Glazes (3 weeks)\n\n- [ ] Dip\n",
        encoding="utf-8",
    )
    data = json.loads(run(str(path), "--json").stdout)
    assert [n["duration"] for n in data["nodes"]] == [
        "Days 1-7 (7 days)",
        "Semana 2 (1 week)",
        "3 weeks",
    ]
    assert [n.duration for n in read_roadmap(path).nodes] == ["Days 1-7", "Semana 2", "3 weeks"]


def test_json_keeps_non_ascii_text_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "u.md"
    path.write_text("# Café\n- [ ] Crème brûlée “à point”\n", encoding="utf-8")
    result = run(str(path), "--json")
    assert "Crème brûlée “à point”" in result.stdout


def test_tree_view_shows_titles_and_counts() -> None:
    result = run(str(FIXTURES / "durations.md"))
    assert result.exit_code == 0
    assert "Timing Examples" in result.stdout
    assert "Foundations" in result.stdout and "3 months" in result.stdout
    assert "3 phases, 7 checkboxes (0 done), 10 with a duration" in result.stdout


def test_tree_view_prints_brackets_in_titles_literally(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text("# T\n- [ ] Learn \\[bold\\] markup [/red]\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0
    assert "Learn [bold] markup [/red]" in result.stdout


def test_name_option_renames_and_reseeds_ids() -> None:
    path = str(FIXTURES / "list_markers.md")
    plain = json.loads(run(path, "--json").stdout)
    named = json.loads(run(path, "--json", "--name", "Drawing 101").stdout)
    assert named["title"] == "Drawing 101"
    assert named["nodes"][0]["id"] != plain["nodes"][0]["id"]


def test_dash_reads_stdin() -> None:
    result = run("-", "--json", stdin=b"# From Pipe\n- [x] one\n")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "From Pipe"
    assert data["source"] == "<stdin>"
    assert data["nodes"][0]["status"] == "done"


def test_broken_front_matter_warns_and_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: [oops\n---\n- [ ] a\n", encoding="utf-8")
    result = run(str(path), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["nodes"][0]["title"] == "a"
    assert "fm.md:" in result.stderr and "front matter" in result.stderr


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    png = tmp_path / "picture.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_bytes(b"  \n\n\t\n")
    big = tmp_path / "big.md"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    folder = tmp_path / "a-folder"
    folder.mkdir()
    invalid = tmp_path / "invalid.md"
    invalid.write_bytes(b"- [ ] fine\n- [ ] \x81\x8d\x90\x9d broken\n")
    prose = tmp_path / "prose.md"
    prose.write_text("I want to learn Go.\n\nWhere do I start?\n", encoding="utf-8")
    broken_fm = tmp_path / "broken-fm.md"
    broken_fm.write_text("---\ntitle: [oops\n---\nOnly prose here.\n", encoding="utf-8")
    return {
        "png": (png, "PNG"),
        "empty": (empty, "empty"),
        "blank": (blank, "empty"),
        "50MB": (big, "MB"),
        "folder": (folder, "folder"),
        "missing": (tmp_path / "nope.md", "no such"),
        "invalid-utf8": (invalid, "UTF-8"),
        "prose": (prose, "no roadmap items"),
        "broken-fm-no-items": (broken_fm, "no roadmap items"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "png",
        "empty",
        "blank",
        "50MB",
        "folder",
        "missing",
        "invalid-utf8",
        "prose",
        "broken-fm-no-items",
    ],
)
@pytest.mark.parametrize("as_json", [True, False])
def test_bad_input_is_one_clear_line_exit_1_and_nothing_on_stdout(
    tmp_path: Path, case: str, as_json: bool
) -> None:
    path, words = _bad_inputs(tmp_path)[case]
    result = run(str(path), *(["--json"] if as_json else []))
    assert result.exit_code == 1
    assert result.stdout == ""
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"roadvault: {path}")
    assert words in last
    assert "Traceback" not in result.stderr
    if case != "broken-fm-no-items":  # that one also warns about the front matter first
        assert len(result.stderr.strip().splitlines()) == 1


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path, _ = _bad_inputs(tmp_path)["invalid-utf8"]
    result = run(str(path))
    assert f"{path}:2:" in result.stderr


def test_stdin_garbage_is_refused_cleanly() -> None:
    result = run("-", stdin=b"\x00\x01\x02binary\xff")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("roadvault: <stdin>: ")
