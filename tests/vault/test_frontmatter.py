"""Properties: emitted so YAML reads back exactly what we meant; one key replaced textually
without touching a byte of anything else."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from roadvault.errors import InputError
from roadvault.vault.frontmatter import (
    read_owned_properties,
    read_properties,
    render_front_matter,
    render_property,
    set_property,
    split_front_matter,
    yaml_string,
)

text_values = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@given(text_values)
def test_strings_round_trip_through_yaml(value: str) -> None:
    assert yaml.safe_load(f"key: {yaml_string(value)}\n") == {"key": value}


@pytest.mark.parametrize(
    "value",
    [
        "no",
        "Yes",
        "on",
        "null",
        "~",
        "1e3",
        "0x1F",
        "12:30",
        "2024-01-31",
        "- x",
        "#tag",
        "a: b",
        "a #b",
        "[[Link]]",
        "{x}",
        "@at",
        "",
        " padded ",
        "3.0",
        ".5",
    ],
)
def test_ambiguous_strings_are_quoted(value: str) -> None:
    emitted = yaml_string(value)
    assert emitted.startswith('"')
    assert yaml.safe_load(f"k: {emitted}") == {"k": value}


def test_plain_strings_stay_plain() -> None:
    assert yaml_string("Data Engineering Starter") == "Data Engineering Starter"
    assert yaml_string("3 weeks") == "3 weeks"
    assert yaml_string("1-2 months") == "1-2 months"


def test_front_matter_in_contract_order() -> None:
    text = render_front_matter(
        {
            "tags": ["roadmap/data-eng", "roadvault/topic"],
            "roadvault_id": "rv-7q2m0d",
            "up": "[[SQL Foundations]]",
            "planned_days": [21.0, 21.0],
            "duration": "3 weeks",
            "roadvault_kind": "topic",
            "roadmap": "Data Engineering Starter",
            "phase": "[[SQL Foundations]]",
            "aliases": ["Joins: and Aggregation"],
        }
    )
    assert text == (
        "---\n"
        "roadvault_id: rv-7q2m0d\n"
        "roadvault_kind: topic\n"
        "roadmap: Data Engineering Starter\n"
        'phase: "[[SQL Foundations]]"\n'
        'up: "[[SQL Foundations]]"\n'
        "duration: 3 weeks\n"
        "planned_days: [21, 21]\n"
        "tags:\n"
        "  - roadmap/data-eng\n"
        "  - roadvault/topic\n"
        "aliases:\n"
        '  - "Joins: and Aggregation"\n'
        "---\n"
    )
    properties = read_properties(text + "# Body\n")
    assert properties["up"] == "[[SQL Foundations]]"
    assert properties["planned_days"] == [21, 21]
    assert properties["aliases"] == ["Joins: and Aggregation"]


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValueError):
        render_front_matter({"mood": "happy"})


def test_split_keeps_every_byte() -> None:
    for text in [
        "---\na: 1\n---\nbody\n",
        "no front matter\n",
        "---\nnever closed\n",
        "",
        "---\r\na: 1\r\n---\r\nbody",
        "---\n---\n",
    ]:
        head, body = split_front_matter(text)
        assert head + body == text
    assert split_front_matter("---\na: 1\n---\nbody\n") == ("---\na: 1\n---\n", "body\n")
    assert split_front_matter("---\nnever closed\n")[0] == ""


LEARNER_NOTE = (
    "---\n"
    "roadvault_id: rv-abc123\n"
    "# the learner's comment stays\n"
    "mood:   happy   # spacing kept\n"
    "duration: 2 weeks\n"
    "tags:\n"
    "- roadmap/x\n"
    "- mine\n"
    "started: 2026-01-02\n"
    "---\n"
    "# Note\n"
)


def test_set_property_touches_only_that_key() -> None:
    changed = set_property(LEARNER_NOTE, "duration", "3 weeks")
    assert changed == LEARNER_NOTE.replace("duration: 2 weeks", "duration: 3 weeks")
    tags = set_property(LEARNER_NOTE, "tags", ["roadmap/x", "roadvault/topic"])
    assert "mood:   happy   # spacing kept\n" in tags
    assert "started: 2026-01-02\n---\n# Note\n" in tags
    assert read_properties(tags)["tags"] == ["roadmap/x", "roadvault/topic"]
    assert "- mine" not in tags


def test_set_property_adds_and_removes() -> None:
    added = set_property(LEARNER_NOTE, "roadvault_kind", "topic")
    assert added.startswith("---\nroadvault_id: rv-abc123\nroadvault_kind: topic\n# the")
    removed = set_property(LEARNER_NOTE, "duration", None)
    assert removed == LEARNER_NOTE.replace("duration: 2 weeks\n", "")
    created = set_property("# No properties\n", "roadvault_status", "removed")
    assert created == "---\nroadvault_status: removed\n---\n# No properties\n"


def test_set_property_keeps_crlf() -> None:
    crlf = LEARNER_NOTE.replace("\n", "\r\n")
    changed = set_property(crlf, "duration", "3 weeks")
    assert changed == crlf.replace("duration: 2 weeks", "duration: 3 weeks")


@given(
    key=st.sampled_from(["duration", "roadmap", "tags", "aliases", "roadvault_status"]),
    value=text_values,
)
def test_set_property_leaves_other_lines_byte_for_byte(key: str, value: str) -> None:
    rendered = render_property(key, [value] if key in ("tags", "aliases") else value)
    changed = set_property(LEARNER_NOTE, key, [value] if key in ("tags", "aliases") else value)
    kept = [line for line in LEARNER_NOTE.splitlines(keepends=True)]
    for line in [
        "# the learner's comment stays\n",
        "mood:   happy   # spacing kept\n",
        "started: 2026-01-02\n",
        "# Note\n",
    ]:
        assert line in kept and line in changed
    assert rendered in changed
    properties = read_properties(changed)
    expected = [value] if key in ("tags", "aliases") else value
    assert properties[key] == expected
    assert properties["mood"] == "happy"


def test_broken_yaml_is_an_input_error_with_a_line() -> None:
    with pytest.raises(InputError) as caught:
        read_properties("---\ntitle: ok\nbad: [unclosed\n---\nbody\n")
    assert caught.value.line is not None
    assert read_owned_properties("---\nroadvault_id: rv-a\nmood: x\n---\n") == {
        "roadvault_id": "rv-a"
    }
