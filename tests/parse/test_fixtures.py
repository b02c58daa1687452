"""One small roadmap per construct (tests/fixtures/parse/<case>.md) against its expected model
(<case>.json). Expected files change only with `pytest --update-golden`, diff reviewed."""

from __future__ import annotations

import json

import pytest
from parse_helpers import FIXTURES

from roadvault.parse import parse_roadmap, roadmap_to_markdown

CASES = sorted(path.stem for path in FIXTURES.glob("*.md"))


def _parse(case: str):
    text = (FIXTURES / f"{case}.md").read_text(encoding="utf-8")
    return parse_roadmap(text, source=f"{case}.md")


def test_every_construct_has_a_fixture() -> None:
    assert len(CASES) >= 18, CASES


@pytest.mark.parametrize("case", CASES)
def test_fixture_matches_expected_model(case: str, update_golden: bool) -> None:
    got = _parse(case).to_json()
    golden = FIXTURES / f"{case}.json"
    if update_golden:
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert golden.exists(), f"{golden.name} missing: run `pytest --update-golden` and review it"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_parsing_twice_gives_identical_json(case: str) -> None:
    first = json.dumps(_parse(case).to_json(), ensure_ascii=False)
    second = json.dumps(_parse(case).to_json(), ensure_ascii=False)
    assert first == second


@pytest.mark.parametrize("case", CASES)
def test_checklist_rendering_reads_back_the_same(case: str) -> None:
    roadmap = _parse(case)
    again = parse_roadmap(roadmap_to_markdown(roadmap), source=f"{case}.md")

    def shape(nodes):
        return [
            (n.title, n.status, n.marker, n.duration, n.planned_days, shape(n.children))
            for n in nodes
        ]

    assert again.title == roadmap.title
    assert shape(again.nodes) == shape(roadmap.nodes)
    assert [n.resources for n in again.walk()] == [n.resources for n in roadmap.walk()]
    assert [n.id for n in again.walk()] == [n.id for n in roadmap.walk()]
