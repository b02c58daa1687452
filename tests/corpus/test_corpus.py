"""The real-world corpus: the checker's own rules, the case files' pins, and a crash-free run.

The run over tests/corpus/files/ only reports its rate while the parser is being improved:
it fails only when parsing raises something other than InputError. It is a slow test (CI
runs it: scripts/test --slow); the quick suite reads every file and leaves parsing them to
tests/parse/test_outline_roundtrip.py (a sample of the files in the quick suite, the others
in the slow one)."""

from __future__ import annotations

import contextlib
import json
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from checker import check_case, contains, normalise, strip_label  # noqa: E402


def node(title, *children, status="todo", duration=None):
    return {"title": title, "status": status, "duration": duration, "children": list(children)}


TREE = {
    "title": "Rust – Zero to Hero",
    "nodes": [
        node("About this guide", node("Why Rust?")),
        node(
            "Phase 1: Basics",
            node("Ownership & borrowing", node("Move semantics", status="done"), node("Option<T>")),
            node("Cargo", status="done"),
            duration="Weeks 1–2",
        ),
        node("Phase 2: Async", node("Tokio"), node("Futures"), duration="3 weeks"),
    ],
}

GOOD = {
    "title": "Zero to Hero",
    "phases": [
        {"title": "Basics", "leaves": [3, 3], "done": 2, "duration": "Weeks 1-2"},
        {"title": "Phase 2: Async", "leaves": [2, 2], "done": 0, "duration": "3 weeks"},
    ],
    "topics": [{"title": "Ownership and borrowing", "under": "Basics", "leaves": [2, 2]}],
    "total_leaves": [6, 6],
    "done": 2,
    "must_contain": ["Option<T>", "Move semantics"],
    "must_not_contain": ["**", "Contributing"],
}


def test_normalise_and_contains():
    assert normalise("Weeks 1–2 & more") == "weeks 1 2 and more"
    assert normalise("00_Roadmap_Gen_AI") == "00 roadmap gen ai"  # as the shared checker
    assert contains("Ownership & borrowing", "ownership and borrowing")
    assert not contains("Generics", "Gene")  # whole words only
    assert contains("a **bold** title", "**")  # punctuation-only texts are matched raw
    assert strip_label("Phase 1: Baby Steps") == "Baby Steps"
    assert strip_label("Module 3.2 - Routing") == "Routing"
    assert strip_label("Phase 1") == "Phase 1"
    assert strip_label("2. Les bases") == "Les bases"
    assert strip_label("2024 goals") == "2024 goals"


def test_a_case_read_as_meant_has_no_problems():
    assert check_case(TREE, GOOD) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"title": "Python"}, "title"),
        ({"phases": [{"title": "Deployment"}]}, "not found"),
        ({"phases": [{"title": "Async"}, {"title": "Basics"}]}, "out of order"),
        ({"phases": [{"title": "Basics", "leaves": [5, 9]}]}, "3 leaves, expected 5-9"),
        ({"phases": [{"title": "Basics", "done": 0}]}, "2 done, expected 0"),
        ({"phases": [{"title": "Async", "duration": "Month 2"}]}, "duration"),
        ({"topics": [{"title": "Cargo", "under": "Async", "leaves": [1, 1]}]}, "not found under"),
        ({"topics": [{"title": "Ownership", "under": "Basics", "leaves": [3, 3]}]}, "2 leaves"),
        ({"total_leaves": [10, 20]}, "6 leaves in all"),
        ({"done": 3}, "2 done in all"),
        ({"must_contain": ["Macros"]}, "no title contains 'Macros'"),
        ({"must_not_contain": ["Why Rust"]}, "a title contains 'Why Rust'"),
    ],
)
def test_each_kind_of_check_can_fail(change, expected):
    case = {key: value for key, value in GOOD.items() if key not in change}
    case.update(change)
    problems = check_case(TREE, case)
    assert len(problems) == 1, problems
    assert expected in problems[0]


def test_shallowest_match_wins_and_a_leaf_counts_itself():
    tree = {"title": "", "nodes": [node("Trees", node("Binary trees", node("Heaps")))]}
    assert check_case(tree, {"phases": [{"title": "trees", "leaves": [1, 1]}]}) == []
    assert check_case(tree, {"phases": [{"title": "Heaps", "leaves": [1, 1]}]}) == []


def test_a_phase_written_with_its_length_matches_the_node_that_holds_the_length_apart():
    wanted = {"phases": [{"title": "Async (3 weeks)", "leaves": [2, 2]}]}
    assert check_case(TREE, wanted) == []
    assert check_case(TREE, {"phases": [{"title": "Phase 2: Async (Weeks 1-2)"}]}) != []


CASE_FILES = sorted((HERE / "cases").glob("*.json"))


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case_file_has_a_valid_pin(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    assert {"file", "pin"} <= case.keys()
    assert Path(case["file"]).stem == path.stem
    pin = case["pin"]
    assert re.fullmatch(r"[A-Za-z0-9][\w.-]*/[\w.-]+", pin["repo"]), pin["repo"]
    assert pin["path"]
    assert re.fullmatch(r"[0-9a-f]{40}", pin["commit"]), pin["commit"]
    assert re.fullmatch(r"[0-9a-f]{64}", pin["sha256"]), pin["sha256"]
    for key in ("phases", "topics"):
        for spec in case.get(key, []):
            assert spec["title"]
            if "leaves" in spec:
                lo, hi = spec["leaves"]
                assert 0 <= lo <= hi
    if "total_leaves" in case:
        lo, hi = case["total_leaves"]
        assert 0 <= lo <= hi


CORPUS_FILES = sorted(p for p in (HERE / "files").glob("*") if p.is_file())


def test_every_corpus_file_reads_without_crashing():
    """The quick half of the corpus run: every file is read as `read_roadmap` reads it (the
    bytes decoded: encodings, BOM, line ends, mojibake) without an error other than
    InputError. Parsing the text is tests/parse/test_outline_roundtrip.py's, over every
    file of the corpus (a sample in the quick suite, the others in the slow one), from its
    UTF-8 text; the files whose decoded text differs from that are parsed here. The whole
    run, with each case's verdict, is the slow test below."""
    if not CORPUS_FILES:
        pytest.skip("no corpus files in tests/corpus/files (scripts/corpus --collect)")
    from roadvault.errors import InputError
    from roadvault.parse import read_roadmap, read_roadmap_text

    decoded_otherwise = []
    for path in CORPUS_FILES:
        try:
            text, _source = read_roadmap_text(path)
        except InputError:
            continue
        if text != path.read_bytes().decode("utf-8", errors="replace"):
            decoded_otherwise.append(path)
    for path in decoded_otherwise:
        with contextlib.suppress(InputError):
            read_roadmap(path)


@pytest.mark.slow
def test_corpus_runs_without_crashing(capsys):
    if not CORPUS_FILES:
        pytest.skip("no corpus files in tests/corpus/files (scripts/corpus --collect)")
    from run import run_corpus, summary

    results = run_corpus()  # anything but InputError propagates and fails this test
    with capsys.disabled():
        print("\n" + summary(results))
    assert all(r.verdict in {"ok", "miss", "refused", "sha"} for r in results)
