"""Hostile roadmaps through `roadvault build`: each one is refused in one clear line, or it
gives a safe vault — nothing outside the vault touched, every name valid on Windows and in
Obsidian links, links resolving, no crash — within bounded time and memory.

Three ways in: the CLI on the roadmap's bytes (in-process via CliRunner, or a child process
under a memory limit for the big ones), `build_vault(parse_roadmap(text))`, and
`build_vault` on a model whose titles skip the parser's cleaning (raw NUL, newlines, …).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadvault.cli import cli
from roadvault.model import Node, Roadmap, Status
from roadvault.parse import parse_roadmap
from roadvault.parse.ids import assign_ids
from roadvault.vault.build import authored_link_targets
from roadvault.vault.render.names import NameRegistry
from support.build import build_with_progress

from .helpers import assert_safe_vault, run_limited, tree_bytes, windows_name_problem

CASE_SECONDS = 10.0  # a small hostile roadmap: a generous cap per build
MARKER = "rv-escape"

HOSTILE_TITLES = {
    "dotdot-slash": f"../../{MARKER}-1",
    "dotdot-backslash": f"..\\..\\{MARKER}-2",
    "absolute": f"/tmp/{MARKER}-3",
    "drive-absolute": f"C:\\{MARKER}-4",
    "unc": f"\\\\server\\share\\{MARKER}-5",
    "home": f"~/{MARKER}-6",
    "slash": "TCP/IP",
    "backslash": "a\\b",
    "colon": "Step 1: Basics",
    "pipe": "this | that",
    "hash": "C# and #tag",
    "caret-block-id": "looks like ^rv-abc123",
    "wikilink": "[[Home]] and [[Progress|p]]",
    "brackets": "a ]] b [[ c",
    "obsidian-comment": "%% hidden %% text",
    "nul": "a\x00b",
    "controls": "bell\x07 esc\x1b[31m del\x7f",
    "newline": "two\nlines\r\nthree",
    "con": "CON",
    "nul-device": "NUL",
    "com1": "COM1",
    "lpt1": "LPT1",
    "com0": "COM0",
    "lpt-superscript": "LPT\u00b9",
    "con-md": "con.md",
    "nul-space": "Nul ",
    "aux-ext": "aux.tar.gz",
    "conin": "CONIN$",
    "trailing-dots": "trailing...",
    "trailing-spaces": "spaces   ",
    "dots-only": "...",
    "dot": ".",
    "dotdot": "..",
    "leading-dot": ".obsidian",
    "roadvault-dir": ".roadvault",
    "1000-ascii-bytes": "a" * 1000,
    "1000-utf8-bytes": "é" * 500,
    "cjk-long": "漢" * 400,
    "astral-long": "\U00020000" * 200,
    "emoji": "🚀 Launch 👩‍💻",
    "zwj-only": "👨‍👩‍👧‍👦🏳️‍🌈",
    "rtl": "مرحبا بالعالم",
    "rtl-override": "abc\u202egpj.exe",
    "zero-width": "a\u200bb\u200d\ufeff",
    "combining": "e\u0301\u0301\u0301",
    "punctuation": '?!*<>"|',
    "hashes": "###",
    "dashes": "---",
    "stars": "***",
    "yaml-ish": "key: value",
    "yaml-words": "null",
    "task-like": "- [x] done already",
    "html": "<script>alert(1)</script>",
    "md-link": "[text](javascript:alert(1))",
    "template-home": "Home",
    "progress": "Progress",
    "templates": "Templates",
}


def roadmap_text(title: str) -> str:
    """The hostile title as the roadmap title, a phase, a topic and an item (twice, so
    duplicate names are made too)."""
    return (
        f"# {title}\n\n## {title}\n\n### {title}\n\n- [ ] {title}\n- [ ] {title}\n"
        f"\t- [ ] {title}\n\n### Other\n\n- [ ] {title}\n\n## {title}\n\n- [x] {title}\n"
    )


def roadmap_model(title: str) -> Roadmap:
    """The same shape as a model, titles exactly as given (no parser cleaning)."""

    def leaf(status: Status = Status.TODO) -> Node:
        return Node(title=title, status=status)

    topic = Node(title=title, children=[leaf(), Node(title=title, children=[leaf()])])
    phases = [
        Node(title=title, children=[topic, Node(title="Other", children=[leaf()])]),
        Node(title=title, children=[leaf(Status.DONE)]),
        leaf(),
    ]
    roadmap = Roadmap(title=title, source="hostile.md", nodes=phases)
    assign_ids(roadmap)
    return roadmap


@pytest.fixture
def room(tmp_path: Path) -> tuple[Path, Path]:
    """A vault inside a folder that also holds a file the build must never touch."""
    work = tmp_path / "work"
    (work / "outside").mkdir(parents=True)
    (work / "outside" / "keep.md").write_text("outside the vault\n")
    return work / "vault", work


def assert_nothing_escaped(work: Path, before: dict[str, bytes]) -> None:
    assert tree_bytes(work, skip=("vault",)) == before
    places = {Path("/"), Path("/tmp"), Path.cwd(), *work.parents, *Path.cwd().parents}
    for place in places:
        with os.scandir(place) as entries:
            leaked = [entry.path for entry in entries if MARKER in entry.name]
        assert not leaked, leaked


def assert_one_line_refusal(stderr: str, roadmap: Path) -> None:
    lines = [line for line in stderr.splitlines() if not line.startswith("  hint:")]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("roadvault: ") and str(roadmap) in lines[0], stderr
    assert "internal error" not in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("case", sorted(HOSTILE_TITLES))
def test_hostile_title_through_the_cli(case: str, room: tuple[Path, Path]) -> None:
    vault, work = room
    source = work / "outside" / "hostile.md"
    source.write_bytes(roadmap_text(HOSTILE_TITLES[case]).encode("utf-8"))
    before = tree_bytes(work, skip=("vault",))
    began = time.monotonic()
    result = CliRunner().invoke(cli, ["build", str(source), "--vault", str(vault)])
    assert time.monotonic() - began < CASE_SECONDS
    assert result.exception is None or isinstance(result.exception, SystemExit), result
    if result.exit_code == 1:
        assert_one_line_refusal(result.stderr, source)
        assert not vault.exists()
    else:
        assert result.exit_code == 0, result.stderr
        assert_safe_vault(vault, authored=frozenset(authored_targets(source)))
        again = CliRunner().invoke(cli, ["build", str(source), "--vault", str(vault)])
        assert again.exit_code == 0 and "nothing to write" in again.stdout, again.stdout
    assert_nothing_escaped(work, before)


def authored_targets(source: Path) -> set[str]:
    return authored_link_targets(parse_roadmap(source.read_text(encoding="utf-8")))


@pytest.mark.parametrize("case", sorted(HOSTILE_TITLES))
def test_hostile_title_through_the_api(case: str, room: tuple[Path, Path]) -> None:
    """The model path skips the parser: raw NUL, newlines and controls reach the namer."""
    vault, work = room
    before = tree_bytes(work, skip=("vault",))
    for depth in (3, 5):  # deeper levels get notes too; the second depth regenerates
        model = roadmap_model(HOSTILE_TITLES[case])
        began = time.monotonic()
        build_with_progress(model, vault, depth=depth)
        assert time.monotonic() - began < CASE_SECONDS
        assert_safe_vault(vault, authored=frozenset(authored_link_targets(model)))
    again = build_with_progress(roadmap_model(HOSTILE_TITLES[case]), vault, depth=5)
    assert (again.written, again.state_written) == (0, 0), "names must be stable"
    parsed = parse_roadmap(roadmap_text(HOSTILE_TITLES[case]), source="hostile.md")
    if parsed.nodes:
        build_with_progress(parsed, vault)
        assert_safe_vault(vault, authored=frozenset(authored_link_targets(parsed)))
    assert_nothing_escaped(work, before)


@pytest.mark.parametrize(
    "name", [f"../../{MARKER}-n1", f"/tmp/{MARKER}-n2", "..\\..\\x", "CON", "", ".roadvault"]
)
def test_hostile_name_option(name: str, room: tuple[Path, Path]) -> None:
    vault, work = room
    source = work / "outside" / "plain.md"
    source.write_text("# Plain\n\n## Phase\n\n- [ ] item\n")
    before = tree_bytes(work, skip=("vault",))
    result = CliRunner().invoke(cli, ["build", str(source), "--vault", str(vault), "--name", name])
    assert result.exit_code == 0, result.stderr
    assert_safe_vault(vault)
    assert_nothing_escaped(work, before)


# --- shapes and sizes ----------------------------------------------------------------------------


def test_ten_thousand_sibling_items(room: tuple[Path, Path]) -> None:
    vault, work = room
    source = work / "outside" / "wide.md"
    items = "".join(f"- [ ] Item {i}\n" for i in range(10_000))
    source.write_text(f"# Wide\n\n## Only phase\n\n### Only topic\n\n{items}")
    run = run_limited(["-q", "build", str(source), "--vault", str(vault)], timeout=60)
    assert run.code == 0, run.stderr
    assert run.seconds < 30 and run.peak_mb < 400, run
    assert_safe_vault(vault)
    note = (vault / "Wide/01 Only phase/Only topic.md").read_text(encoding="utf-8")
    assert note.count("- [ ] Item ") == 10_000


def test_ten_thousand_namesakes_are_named_in_linear_time() -> None:
    """10,000 notes all called "Projects": each name is found without re-trying every
    number below it (that was quadratic: ~25 minutes for 10,000)."""
    registry = NameRegistry()
    began = time.monotonic()
    names = []
    for count in range(10_000):
        names.append(registry.claim("Projects", ext=".md", qualifier="Phase"))
        if count % 500 == 0:
            assert time.monotonic() - began < 10, f"{count} names took over 10 s"
    assert len({name.casefold() for name in names}) == 10_000
    assert names[:3] == ["Projects.md", "Projects (Phase).md", "Projects (Phase) 2.md"]
    assert names[-1] == "Projects (Phase) 9999.md"


@pytest.mark.slow
def test_ten_thousand_sibling_topics_with_one_title(room: tuple[Path, Path]) -> None:
    vault, work = room
    source = work / "outside" / "namesakes.md"
    topics = "".join(f"### Projects\n\n- [ ] Step {i}\n\n" for i in range(10_000))
    source.write_text(f"# Namesakes\n\n## Phase\n\n{topics}")
    run = run_limited(["-q", "build", str(source), "--vault", str(vault)], timeout=600)
    assert run.code == 0, run.stderr
    assert run.seconds < 300 and run.peak_mb < 1024, run
    assert_safe_vault(vault)
    notes = [path for path in (vault / "Namesakes").rglob("Projects*.md")]
    assert len(notes) == 10_000


@pytest.mark.parametrize("indent", ["\t", "  "])
def test_nesting_two_hundred_deep(indent: str, room: tuple[Path, Path]) -> None:
    vault, work = room
    source = work / "outside" / "deep.md"
    items = "".join(f"{indent * level}- [ ] Level {level}\n" for level in range(200))
    source.write_text(f"# Deep\n\n## Phase\n\n### Topic\n\n{items}")
    for depth in ("9", "2"):  # notes 9 levels deep, then back to checklists
        run = run_limited(["-q", "build", str(source), "--vault", str(vault), "--depth", depth])
        assert run.code == 0, run.stderr
        assert run.seconds < 30 and run.peak_mb < 400, run
        assert_safe_vault(vault)
    text = "".join(
        path.read_text(encoding="utf-8")
        for path in (vault / "Deep").rglob("*.md")
        if ".roadvault" not in path.parts
    )
    for level in range(200):
        assert f"Level {level} ^rv-" in text  # flattened where too deep, never lost


def test_fifty_megabytes_are_refused_in_one_line(room: tuple[Path, Path]) -> None:
    vault, work = room
    source = work / "outside" / "huge.md"
    with open(source, "wb") as handle:
        line = b"- [ ] An item with a fairly long title to fill the file quickly\n"
        handle.write(b"# Huge\n\n## Phase\n\n" + line * (50 * 1024 * 1024 // len(line)))
    for stdin in (None, source):
        target = "-" if stdin else str(source)
        run = run_limited(["build", target, "--vault", str(vault)], stdin=stdin)
        assert run.code == 1, run
        assert run.seconds < 20 and run.peak_mb < 200, run
        assert len(run.stderr.splitlines()) == 1 and "MB limit" in run.stderr, run.stderr
        assert (str(source) if stdin is None else "<stdin>") in run.stderr
        assert not vault.exists()


def test_dense_markup_over_the_size_cap_is_refused_at_once(room: tuple[Path, Path]) -> None:
    """19.6 MB of the densest inline markup: ~90x its size in memory to parse, so the size
    cap (5 MB) refuses it before reading (at a 20 MB cap: MemoryError past 1.5 GB)."""
    vault, work = room
    source = work / "outside" / "dense.md"
    source.write_bytes(b"- [ ] " + b"[[x]] #y ^z | " * 1_400_000)
    run = run_limited(["build", str(source), "--vault", str(vault)], timeout=300)
    assert run.code == 1 and "MB limit" in run.stderr, run
    assert run.seconds < 20 and run.peak_mb < 200, run
    assert not vault.exists()


def test_one_huge_line(room: tuple[Path, Path]) -> None:
    """A roadmap that is one 2 MB line (no newline at all): a title that long is cut to a
    safe name; nothing runs away."""
    vault, work = room
    source = work / "outside" / "oneline.md"
    source.write_bytes(b"- [ ] " + b"word " * 400_000)
    run = run_limited(["-q", "build", str(source), "--vault", str(vault)], timeout=120)
    assert run.code in (0, 1), run
    assert run.seconds < 60 and run.peak_mb < 800, run
    assert "internal error" not in run.stderr
    if run.code == 0:
        assert_safe_vault(vault)
    else:
        assert_one_line_refusal(run.stderr, source)


@pytest.mark.slow
@pytest.mark.parametrize("unit", [b"[[x]] #y ^z | ", b"a **b** [c](d) "], ids=["links", "markup"])
def test_one_huge_line_at_the_size_limit(room: tuple[Path, Path], unit: bytes) -> None:
    """4.9 MB on one line, under the 5 MB cap, of the densest markup found (read whole it took
    147 s and 1.1 GB): the line is cut at the line cap, so build and status stay quick."""
    vault, work = room
    source = work / "outside" / "oneline.md"
    source.write_bytes(b"- [ ] " + unit * (4_900_000 // len(unit)))
    run = run_limited(["-q", "build", str(source), "--vault", str(vault)], timeout=600)
    assert run.code in (0, 1), run
    assert run.seconds < 10 and run.peak_mb < 800, run
    assert "internal error" not in run.stderr
    if run.code == 0:
        assert_safe_vault(vault)
        status = run_limited(["status", str(vault)], timeout=600)
        assert status.code == 0 and status.seconds < 10 and status.peak_mb < 800, status


BILLION_LAUGHS = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: *i
---
# Bomb

## Phase

- [ ] Item
"""


def python_tag_roadmap(marker: Path) -> str:
    return f"""---
title: !!python/object/apply:os.system ["touch {marker}"]
x: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]
---
# Tags

## Phase

- [ ] Item
"""


@pytest.mark.parametrize("kind", ["billion-laughs", "python-tags"])
def test_hostile_front_matter(kind: str, room: tuple[Path, Path]) -> None:
    vault, work = room
    marker = work / "outside" / "executed"
    source = work / "outside" / "front.md"
    source.write_text(BILLION_LAUGHS if kind == "billion-laughs" else python_tag_roadmap(marker))
    run = run_limited(["build", str(source), "--vault", str(vault)], timeout=60)
    assert run.code == 0, run.stderr
    assert run.seconds < 20 and run.peak_mb < 300, run
    assert not marker.exists()  # nothing in the roadmap ever runs
    assert "front matter ignored" in run.stderr  # said, not silent
    assert_safe_vault(vault)


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "is a PNG image"),
        ("nul-bytes", b"# Title\n\x00\x01\x02binary\x00" * 100, "binary"),
        ("bad-utf8", b"# T\n\n- [ ] caf\xc3\x28 \x81\x8d\x8f\x90\x9d" * 50, "not valid UTF-8"),
        ("bad-bom", b"\xff\xfe" + b"\x00\xd8" * 10, "byte-order mark"),
        ("empty", b"", "empty"),
        ("prose", b"Just some words, no structure.\n", "no roadmap items"),
        ("too-many-lines", b"- [ ] x\n" * 100_001, "line limit"),
    ],
)
def test_not_a_roadmap_is_refused_in_one_line(
    kind: str, data: bytes, message: str, room: tuple[Path, Path]
) -> None:
    vault, work = room
    source = work / "outside" / f"{kind}.md"
    source.write_bytes(data)
    result = CliRunner().invoke(cli, ["build", str(source), "--vault", str(vault)])
    assert result.exit_code == 1, result.stdout + result.stderr
    assert_one_line_refusal(result.stderr, source)
    assert message in result.stderr
    assert not vault.exists()


def test_windows_1252_roadmap_is_read_not_refused(room: tuple[Path, Path]) -> None:
    vault, work = room
    source = work / "outside" / "latin.md"
    source.write_bytes("# Café\n\n## Thé\n\n- [ ] Crème brûlée\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["build", str(source), "--vault", str(vault)])
    assert result.exit_code == 0, result.stderr
    assert "Windows-1252" in result.stderr
    assert (vault / "Café/01 Thé/Thé.md").read_text(encoding="utf-8").count("Crème brûlée") == 1
    assert_safe_vault(vault)


def test_the_validator_itself_rejects_what_it_should() -> None:
    """The judge is independent of vault/render/names.py; make sure it is not lenient."""
    for bad in ["CON", "con.md", "Nul .md", "COM0.md", "LPT\u00b9.md", "a:b", "a.", "a ", ""]:
        assert windows_name_problem(bad), bad
    for bad in ["x" * 256, "é" * 128, "\U00020000" * 128, "e\u0301.md"]:
        assert windows_name_problem(bad), bad
    for good in ["Linear Algebra.md", "CONSOLE.md", "COM10.md", "Über — 日本語.md"]:
        assert windows_name_problem(good) is None, good
