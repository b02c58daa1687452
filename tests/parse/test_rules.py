"""Every reading rule has a case it must fire on and a case it must leave alone
(tests/fixtures/rules/<rule>.fires.md / <rule>.leaves.md). Each fixture starts with an HTML
comment `<!-- expect {...} -->` holding what the learner must see: leaf count, ticked leaves,
phases in order, text that must or must not appear in a title, durations by node title."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from roadvault.model import Roadmap, Status
from roadvault.parse import parse_roadmap
from roadvault.parse.rules import RULES, recording

RULE_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
_EXPECT_RE = re.compile(r"\A<!-- expect (\{.*?\}) -->\n", re.S)


def _load(name: str, kind: str) -> tuple[str, dict]:
    text = (RULE_FIXTURES / f"{name}.{kind}.md").read_text(encoding="utf-8")
    match = _EXPECT_RE.match(text)
    assert match, f"{name}.{kind}.md must start with <!-- expect {{...}} -->"
    if text[match.end() :].startswith("---\n"):
        text = text[match.end() :]  # properties open the note: the expectation is not text
    return text, json.loads(match.group(1))


def _check(roadmap: Roadmap, expect: dict) -> list[str]:
    problems = []
    leaves = roadmap.leaves()
    titles = [node.title for node in roadmap.walk()]
    if "leaves" in expect and len(leaves) != expect["leaves"]:
        problems.append(f"{len(leaves)} leaves, expected {expect['leaves']}: {titles}")
    done = sum(1 for leaf in leaves if leaf.status is Status.DONE)
    if "done" in expect and done != expect["done"]:
        problems.append(f"{done} done, expected {expect['done']}")
    if "phases" in expect and [n.title for n in roadmap.nodes] != expect["phases"]:
        problems.append(f"phases {[n.title for n in roadmap.nodes]}, expected {expect['phases']}")
    if "title" in expect and roadmap.title != expect["title"]:
        problems.append(f"title {roadmap.title!r}, expected {expect['title']!r}")
    durations = {node.title: node.duration for node in roadmap.walk()}
    for title, duration in expect.get("durations", {}).items():
        if durations.get(title) != duration:
            problems.append(f"{title!r} lasts {durations.get(title)!r}, expected {duration!r}")
    for text in expect.get("must_contain", []):
        if not any(text in title for title in titles):
            problems.append(f"no title contains {text!r}: {titles}")
    for text in expect.get("must_not_contain", []):
        if any(text in title for title in titles):
            problems.append(f"a title contains {text!r}: {titles}")
    return problems


def test_every_rule_has_both_fixtures() -> None:
    missing = [
        f"{name}.{kind}.md"
        for name in RULES
        for kind in ("fires", "leaves")
        if not (RULE_FIXTURES / f"{name}.{kind}.md").exists()
    ]
    assert not missing
    assert len(RULES) >= 15


def test_every_rule_is_described() -> None:
    assert all(rule.doc for rule in RULES.values()), [n for n, r in RULES.items() if not r.doc]


def test_no_two_rules_share_a_description() -> None:
    # a decorator left over a function that is not the rule's registers the wrong docstring
    by_doc: dict[str, list[str]] = {}
    for name, registered in RULES.items():
        by_doc.setdefault(registered.doc, []).append(name)
    assert [names for names in by_doc.values() if len(names) > 1] == []


@pytest.mark.parametrize("name", sorted(RULES))
def test_the_rule_fires_on_its_case(name: str) -> None:
    text, expect = _load(name, "fires")
    with recording() as decisions:
        roadmap = parse_roadmap(text, source=f"{name}.fires.md")
    assert name in {d.rule for d in decisions}, f"{name} did not fire"
    assert _check(roadmap, expect) == []


@pytest.mark.parametrize("name", sorted(RULES))
def test_the_rule_leaves_its_counter_case_alone(name: str) -> None:
    text, expect = _load(name, "leaves")
    with recording() as decisions:
        roadmap = parse_roadmap(text, source=f"{name}.leaves.md")
    assert name not in {d.rule for d in decisions}, f"{name} fired on its counter-case"
    assert _check(roadmap, expect) == []


def test_recording_costs_nothing_outside_explain() -> None:
    from roadvault.parse.rules import fired

    fired("housekeeping-section", 3, "dropped")  # no recorder: nothing to do, no error
    with recording() as decisions:
        fired("housekeeping-section", 3, "dropped")
    assert [d.line for d in decisions] == [3]


def test_every_rule_is_documented_for_people() -> None:
    reading = (Path(__file__).resolve().parents[2] / "docs" / "READING.md").read_text("utf-8")
    assert [name for name in RULES if f"**{name}**" not in reading] == []


def test_a_second_rule_under_a_name_already_taken_is_refused() -> None:
    from roadvault.parse.rules import rule

    def impostor() -> None:
        """Another reading altogether."""

    with pytest.raises(ValueError, match="registered twice"):
        rule("slot-lines")(impostor)
